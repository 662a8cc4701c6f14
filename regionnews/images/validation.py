"""Photo uploads for both apps: validation by decoding, and the cleaned original.

It lives in regionnews, not in articles, because articles, gallery images and
people all carry photos and delegations must not import articles.

- `validate_image_file()` is the validator of the admin's upload fields
  (regionnews.images.forms.ImageUploadField) and of any service: JPEG, PNG or
  WebP as Pillow decodes it, within the byte and pixel limits in settings.
- `clean_image()` is what is stored instead of the uploaded bytes: turned
  upright (EXIF orientation), converted to sRGB, re-encoded with no EXIF, GPS,
  XMP, ICC profile or comment. regionnews.renditions calls it on every save of
  a registered image field.
"""

import contextlib
import io
import warnings
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

# What Pillow calls the formats we accept, and the extension each is stored
# with. MPO is the multi-picture JPEG many phones write; its first frame is a
# plain JPEG.
ACCEPTED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

# Pillow refuses to decode more pixels than this (a warning above the limit,
# an error above twice the limit; open_image() treats both as a refusal).
Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
# A truncated file must fail to decode, never be padded with grey.
ImageFile.LOAD_TRUNCATED_IMAGES = False

MESSAGES = {
    "too_large": _(
        "The file is %(size)s; photos of at most %(limit)s are accepted. "
        "Export a smaller version and upload that."
    ),
    "too_many_pixels": _(
        "The image has more than %(limit)s megapixels. Reduce its size and "
        "upload it again."
    ),
    "too_wide": _(
        "The image is %(width)s × %(height)s pixels; each side may be at most "
        "%(limit)s pixels. Reduce its size and upload it again."
    ),
    "format": _(
        "%(format)s images are not accepted. Upload a JPEG, PNG or WebP photo."
    ),
    "not_image": _("The file is not a JPEG, PNG or WebP image."),
    "damaged": _(
        "The image is damaged or incomplete. Export it again and upload the new file."
    ),
}

SRGB = ImageCms.createProfile("sRGB")

ORIGINAL_SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {},
    "WEBP": {"quality": 90},
}


# --- validation ---------------------------------------------------------------


def _refuse(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params)


# The largest side a WebP image (and so a rendition) can have.
MAX_SIDE = 16383


# Bytes of memory that decoding and cleaning take per pixel, measured with
# Pillow 11-13 (WebP with a margin: 17 measured, peaks at 300 MB under load):
# WebP decodes through an RGBA canvas and cannot be decoded at a smaller
# scale; PNG costs by its channels; JPEG is decoded at a reduced scale
# (draft()), so only IMAGE_MAX_PIXELS bounds it.
DECODE_BYTES_PER_PIXEL = {"WEBP": 20, "PNG_ALPHA": 14, "PNG": 7}


def pixel_limit(image: Image.Image) -> int:
    """How many pixels an image of this format and mode may have."""
    key = image.format
    if key == "PNG" and (
        image.mode in {"RGBA", "LA", "P", "PA", "I", "I;16"}
        or "transparency" in image.info
    ):
        key = "PNG_ALPHA"
    cost = DECODE_BYTES_PER_PIXEL.get(key)
    budget = settings.IMAGE_DECODE_MEMORY
    return min(settings.IMAGE_MAX_PIXELS, budget // cost if cost else budget * 99)


def _check_pixels(image: Image.Image) -> None:
    """Refuse by the header's size, before any pixel is decoded."""
    width, height = image.size
    if max(width, height) > MAX_SIDE:
        raise _refuse("too_wide", width=width, height=height, limit=MAX_SIDE)
    limit = pixel_limit(image)
    if width * height > limit:
        raise _refuse("too_many_pixels", limit=f"{limit / 1_000_000:.0f}")


def open_image(file, max_side: int | None = None) -> Image.Image:
    """Decode *file* completely, or raise ValidationError saying why not.

    The format is what Pillow finds by decoding, never the file name or the
    content type the browser sent. The byte and pixel limits are checked before
    any pixel is decoded, so a decompression bomb costs nothing. With
    *max_side*, the image comes back no larger than that: a JPEG is decoded
    at a reduced scale (draft()), others reduced right after decoding, so
    memory stays near one decoded copy of the original at most.
    """
    size = getattr(file, "size", None)
    if size is not None and size > settings.IMAGE_MAX_UPLOAD_BYTES:
        raise _refuse(
            "too_large",
            size=filesizeformat(size),
            limit=filesizeformat(settings.IMAGE_MAX_UPLOAD_BYTES),
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            file.seek(0)
            with Image.open(file) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise _refuse("format", format=probe.format)
                _check_pixels(probe)
                probe.verify()
            file.seek(0)
            image = Image.open(file)
            _check_pixels(image)
            if max_side and image.format in {"JPEG", "MPO"}:
                image.draft("RGB", _bounded(image.size, max_side))
            image.load()
            if max_side and max(image.size) > max_side:
                image_format, info = image.format, image.info
                image = _shrunk(image, max_side)
                image.format, image.info = image_format, info
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(
            "too_many_pixels", limit=round(settings.IMAGE_MAX_PIXELS / 1_000_000)
        ) from None
    except UnidentifiedImageError:
        raise _refuse("not_image") from None
    except Exception:  # Pillow's decoders raise many kinds; all mean "damaged".
        raise _refuse("damaged") from None
    finally:
        file.seek(0)
    return image


def _bounded(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    width, height = size
    scale = min(1, max_side / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _shrunk(image: Image.Image, max_side: int) -> Image.Image:
    """*image* within *max_side*: an integer reduce() first (cheap), then a
    resample of the much smaller result."""
    factor = max(image.size) // max_side
    if factor > 1:
        image = image.reduce(factor)
    if max(image.size) > max_side:
        image = image.resize(_bounded(image.size, max_side), Image.Resampling.LANCZOS)
    return image


def validate_image_file(file) -> None:
    """Form-field and service validator: the file is a photo we accept.

    Decoded at the stored size, as clean_image() will: a JPEG at a reduced
    scale still decodes its whole stream, so damage is found all the same.
    """
    open_image(file, max_side=settings.IMAGE_ORIGINAL_MAX_SIDE)


# --- cleaning -----------------------------------------------------------------


def to_srgb(image: Image.Image) -> Image.Image:
    """The pixels in sRGB, as RGB or RGBA, with no metadata attached.

    Converting to sRGB (rather than keeping the ICC profile) shows the photo
    the same in every browser, which assumes sRGB for untagged images, and
    leaves the file with no metadata block at all.
    """
    has_alpha = image.mode in {"RGBA", "LA", "PA", "RGBa", "La"} or (
        "transparency" in image.info
    )
    target = "RGBA" if has_alpha else "RGB"
    icc_profile = image.info.get("icc_profile")
    if icc_profile:
        with contextlib.suppress(OSError, ValueError, ImageCms.PyCMSError):
            image = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
                SRGB,
                outputMode=target,
            )
    if image.mode != target:
        image = image.convert(target)
    image.info = {}
    return image


def clean_image(file) -> tuple[ContentFile, Image.Image]:
    """The upload re-encoded upright, in sRGB and without EXIF, GPS, XMP or ICC,
    no larger than IMAGE_ORIGINAL_MAX_SIDE on its longer side.

    Returns the file to store (named after the upload, with the extension of
    its real format) and the decoded image, for making renditions without
    decoding it again.
    """
    image = open_image(file, max_side=settings.IMAGE_ORIGINAL_MAX_SIDE)
    image_format = ACCEPTED_FORMATS[image.format]
    ImageOps.exif_transpose(image, in_place=True)  # no copy of a big photo
    image = to_srgb(image)
    buffer = io.BytesIO()
    image.save(buffer, image_format, **ORIGINAL_SAVE_OPTIONS[image_format])
    stem = slugify(PurePosixPath(file.name or "").stem)[:60] or "image"
    name = f"{stem}.{EXTENSIONS[image_format]}"
    return ContentFile(buffer.getvalue(), name=name), image
