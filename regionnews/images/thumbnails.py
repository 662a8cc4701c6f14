"""Photo thumbnails for the admin's change lists."""

from django.utils.html import format_html

from .templatetags.images import rendition_url

THUMBNAIL_WIDTH = 80


def admin_thumbnail(image, width: int | None, height: int | None, alt: str) -> str:
    """A small <img> for a changelist row, with its size so rows do not jump.

    The smallest rendition that is sharp at twice the size, else the original.
    """
    if not image:
        return ""
    src = rendition_url(image, width=2 * THUMBNAIL_WIDTH)
    if width and height:
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}" class="admin-thumbnail" '
            'loading="lazy">',
            src,
            THUMBNAIL_WIDTH,
            max(1, round(height * THUMBNAIL_WIDTH / width)),
            alt,
        )
    return format_html(
        '<img src="{}" width="{}" alt="{}" class="admin-thumbnail" loading="lazy">',
        src,
        THUMBNAIL_WIDTH,
        alt,
    )
