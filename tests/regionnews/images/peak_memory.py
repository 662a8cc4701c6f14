"""Run as a script: clean one upload and make its renditions; print peak RSS (MB).

Used by test_memory.py in a fresh process, so the figure is this upload's
alone: `python -m tests.regionnews.images.peak_memory <file>`.
"""

import os
import resource
import sys


def main(path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regionnews.settings.test")
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from regionnews.images import renditions
    from regionnews.images.validation import clean_image, validate_image_file

    with open(path, "rb") as handle:
        upload = SimpleUploadedFile(os.path.basename(path), handle.read())
    validate_image_file(upload)
    _stored, image = clean_image(upload)
    source = image
    for rendition in reversed(
        renditions.rendition_set("x.jpg", image.width, image.height).renditions
    ):
        source = source.resize((rendition.width, rendition.height))
        renditions._store(NullStorage(), "x.webp", source, "webp")
        renditions._store(NullStorage(), "x.jpg", source, "jpg")
    print(peak_mb())


def peak_mb() -> int:
    """This process's peak resident memory since it started (VmHWM).

    Not getrusage()'s ru_maxrss: Linux carries that over exec from the forked
    parent, so a large test process would count as this one's peak.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


class NullStorage:
    def exists(self, name):
        return False

    def save(self, name, content):
        return name

    def delete(self, name):
        pass


if __name__ == "__main__":
    main(sys.argv[1])
