"""Renditions of the photos in registered image fields: sizes, crops, files.

When they are made and deleted is decided by the signal handlers
(regionnews/images/signal_handlers.py); this module makes and deletes them.

Rendition names are derived from the original's name alone, so templates build
`srcset` without touching the storage:
renditions/<dir>/<stem>-<hash>/<width>.webp|jpg and
renditions/<dir>/<stem>-<hash>/<aspect>-<focal x>-<focal y>/<width>.webp|jpg.
"""

import contextlib
import hashlib
import io
import logging
import os
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image

from .registry import registered, spec_for
from .validation import to_srgb

logger = logging.getLogger(__name__)

# WebP method 2: a fifth of the default's encoding time for a 1920-pixel
# rendition, files within a few per cent of its size.
RENDITION_SAVE_OPTIONS = {
    "jpg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
    "webp": ("WEBP", {"quality": 80, "method": 2}),
}


# --- crops and rendition names ------------------------------------------------


def parse_aspect(aspect: str) -> float:
    """ "16:9" -> 1.777...; the width divided by the height."""
    width, _sep, height = aspect.partition(":")
    return int(width) / int(height)


def crop_box(
    width: int, height: int, focal_x: float, focal_y: float, aspect: float
) -> tuple[int, int, int, int]:
    """The largest box of the *aspect* ratio inside the image, centred on the
    focal point as far as the image's edges allow: (left, top, right, bottom).
    """
    if width / height > aspect:
        crop_width, crop_height = max(1, round(height * aspect)), height
    else:
        crop_width, crop_height = width, max(1, round(width / aspect))
    left = round(focal_x * width - crop_width / 2)
    top = round(focal_y * height - crop_height / 2)
    left = min(max(left, 0), width - crop_width)
    top = min(max(top, 0), height - crop_height)
    return left, top, left + crop_width, top + crop_height


def rendition_widths(source_width: int) -> list[int]:
    """The configured widths up to the source's, and the source's own width when
    it falls below the largest: an image is never scaled up."""
    steps = sorted(settings.IMAGE_RENDITION_WIDTHS)
    widths = [width for width in steps if width <= source_width]
    if source_width < steps[-1] and source_width not in widths:
        widths.append(source_width)
    return widths


def rendition_root(name: str) -> str:
    """renditions/articles/2024/05/photo-1a2b3c4d5e for articles/2024/05/photo.jpg.

    The hash of the whole name keeps photo.jpg and photo.png apart.
    """
    path = PurePosixPath(name)
    digest = hashlib.sha256(name.encode()).hexdigest()[:10]
    return str(PurePosixPath("renditions", path.parent, f"{path.stem}-{digest}"))


def crop_directory(aspect: str, focal_x: float, focal_y: float) -> str:
    """16x9-0.500-0.300: a new focal point gives new names, so no cache serves
    the old crop."""
    return f"{aspect.replace(':', 'x')}-{focal_x:.3f}-{focal_y:.3f}"


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    webp: str
    jpeg: str


@dataclass(frozen=True)
class RenditionSet:
    """The renditions of one image, or of one crop of it, smallest first."""

    directory: str
    box: tuple[int, int, int, int] | None
    renditions: tuple[Rendition, ...]

    @property
    def names(self) -> list[str]:
        return [name for r in self.renditions for name in (r.webp, r.jpeg)]


def rendition_set(
    name: str,
    width: int,
    height: int,
    crop: str | None = None,
    focal: tuple[float, float] = (0.5, 0.5),
) -> RenditionSet:
    """Which renditions an original of this name and size has (no storage access)."""
    directory, box = rendition_root(name), None
    if crop:
        focal_x, focal_y = (round(value, 3) for value in focal)
        box = crop_box(width, height, focal_x, focal_y, parse_aspect(crop))
        directory = f"{directory}/{crop_directory(crop, focal_x, focal_y)}"
        width, height = box[2] - box[0], box[3] - box[1]
    renditions = tuple(
        Rendition(
            width=w,
            height=max(1, round(height * w / width)),
            webp=f"{directory}/{w}.webp",
            jpeg=f"{directory}/{w}.jpg",
        )
        for w in rendition_widths(width)
    )
    return RenditionSet(directory=directory, box=box, renditions=renditions)


def renditions_for(fieldfile, crop: str | None = None) -> RenditionSet | None:
    """The renditions of a stored photo (uncropped, or one of its crops).

    None when the field is not registered or the dimensions were never recorded;
    the caller then shows the original.
    """
    spec = spec_for(fieldfile)
    if spec is None or not fieldfile:
        return None
    if crop and crop not in spec.crops:
        raise ValueError(f"{spec.field} has no {crop} crop; known: {spec.crops}")
    field = fieldfile.field
    width = getattr(fieldfile.instance, field.width_field or "", None)
    height = getattr(fieldfile.instance, field.height_field or "", None)
    if not width or not height:
        return None
    focal = spec.focal_point(fieldfile.instance)
    return rendition_set(fieldfile.name, width, height, crop=crop, focal=focal)


# --- generating and deleting renditions ---------------------------------------


def _flatten(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: put transparent images on white."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background


def _store(storage, name: str, image: Image.Image, extension: str) -> None:
    image_format, options = RENDITION_SAVE_OPTIONS[extension]
    if image_format == "JPEG":
        image = _flatten(image)
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    if storage.exists(name):
        storage.delete(name)
    stored = storage.save(name, ContentFile(buffer.getvalue()))
    if stored != name:  # another process wrote it meanwhile; keep one copy
        storage.delete(stored)


def generate_renditions(fieldfile, image: Image.Image | None = None) -> list[str]:
    """Make whichever renditions of *fieldfile* are missing; return their names.

    *image* is the decoded original when the caller has it (on upload);
    otherwise the stored original is decoded once, and only if needed.
    """
    spec = spec_for(fieldfile)
    sets = [renditions_for(fieldfile)]
    sets += [renditions_for(fieldfile, crop=crop) for crop in spec.crops]
    storage = fieldfile.storage
    missing = [
        rset
        for rset in sets
        if rset and not all(storage.exists(name) for name in rset.names)
    ]
    if not missing:
        return []
    if image is None:
        with fieldfile.open("rb") as file:
            stored = Image.open(file)
            stored.load()
        image = to_srgb(stored)  # stored upright and clean; this only sets the mode
    created = []
    for rset in missing:
        source = image.crop(rset.box) if rset.box else image
        # Largest first, each scaled from the one before: a 40-megapixel
        # original is resampled once per set, not once per width.
        for rendition in reversed(rset.renditions):
            if (rendition.width, rendition.height) != source.size:
                source = source.resize(
                    (rendition.width, rendition.height),
                    Image.Resampling.LANCZOS,
                    reducing_gap=3.0,
                )
            _store(storage, rendition.webp, source, "webp")
            _store(storage, rendition.jpeg, source, "jpg")
            created += [rendition.webp, rendition.jpeg]
    return created


def _delete_tree(storage, directory: str) -> None:
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in files:
        storage.delete(f"{directory}/{name}")
    for name in directories:
        _delete_tree(storage, f"{directory}/{name}")
    # Storages without local paths have no empty directories to remove.
    with contextlib.suppress(NotImplementedError, OSError):
        os.rmdir(storage.path(directory))


def _in_use(name: str) -> bool:
    """Whether any row still refers to the original *name* (e.g. a copy)."""
    return any(
        model._base_manager.filter(**{spec.field: name}).exists()
        for model, spec in registered()
    )


def delete_renditions(storage, name: str, subdirectory: str | None = None) -> None:
    """Delete the renditions of original *name* (or only one crop directory of
    them), unless a row still shows that original."""
    if subdirectory is None and _in_use(name):
        return
    root = rendition_root(name)
    _delete_tree(storage, f"{root}/{subdirectory}" if subdirectory else root)
