"""{% picture %}: a photo as <picture> with WebP and JPEG srcsets.

    {% load images %}
    {% picture article.main_image sizes="(min-width: 48rem) 48rem, 100vw" %}
    {% picture article.main_image crop="16:9" class="card__image" %}

Alt text and "decorative" come from the fields registered with the image
(regionnews.renditions.register) unless given; a decorative photo, or one with no
description, gets alt="". Builds every URL from the stored name and
dimensions, so a page of cards costs no storage access and no query. Alt text
shown in another language (modeltranslation's fallback) gets its `lang`.
"""

from django import template
from django.utils import translation

from regionnews.core.templatetags.language_fallback import shown_language
from regionnews.images.renditions import renditions_for, spec_for

register = template.Library()

# The <img src> for browsers that ignore srcset: the largest rendition up to this.
FALLBACK_WIDTH = 1280
ALLOWED_ATTRIBUTES = {"class"}


def _alt(image, alt, decorative) -> tuple[str, str]:
    """The alt text, and its language when it is not the page's (a fallback)."""
    spec = spec_for(image)
    if decorative is None and spec and spec.decorative:
        decorative = getattr(image.instance, spec.decorative)
    if decorative:
        return "", ""
    if alt is not None or spec is None:
        return alt or "", ""
    alt = getattr(image.instance, spec.alt) or ""
    lang = shown_language(image.instance, spec.alt) if alt else ""
    return alt, "" if lang == translation.get_language() else lang


@register.inclusion_tag("includes/picture.html")
def picture(
    image,
    alt=None,
    sizes="100vw",
    crop=None,
    loading="lazy",
    decorative=None,
    **attributes,
):
    """Context for includes/picture.html; nothing when there is no image."""
    unknown = set(attributes) - ALLOWED_ATTRIBUTES
    if unknown:
        raise template.TemplateSyntaxError(
            f"picture does not take {', '.join(sorted(unknown))}"
        )
    if not image:
        return {"picture": None}
    alt, alt_lang = _alt(image, alt, decorative)
    context = {
        "alt": alt,
        "alt_lang": alt_lang,
        "sizes": sizes,
        "loading": loading,
        "class": attributes.get("class", ""),
    }
    rset = renditions_for(image, crop=crop)
    if rset is None or not rset.renditions:
        # Not registered, or dimensions never recorded: the original as it is.
        field = getattr(image, "field", None)
        instance = getattr(image, "instance", None)
        context.update(
            src=image.url,
            width=getattr(instance, getattr(field, "width_field", "") or "", None),
            height=getattr(instance, getattr(field, "height_field", "") or "", None),
        )
        return {"picture": context}
    storage = image.storage
    sizes_up_to = [r for r in rset.renditions if r.width <= FALLBACK_WIDTH]
    fallback = (sizes_up_to or rset.renditions[:1])[-1]
    largest = rset.renditions[-1]
    context.update(
        src=storage.url(fallback.jpeg),
        webp_srcset=", ".join(
            f"{storage.url(r.webp)} {r.width}w" for r in rset.renditions
        ),
        jpeg_srcset=", ".join(
            f"{storage.url(r.jpeg)} {r.width}w" for r in rset.renditions
        ),
        width=largest.width,
        height=largest.height,
    )
    return {"picture": context}


@register.simple_tag
def rendition_url(image, width=None, crop=None, image_format="jpg"):
    """URL of the largest rendition up to *width* (for links, feeds, og:image).

    Falls back to the original when the image has no renditions.
    """
    if not image:
        return ""
    rset = renditions_for(image, crop=crop)
    if rset is None or not rset.renditions:
        return image.url
    candidates = [
        r for r in rset.renditions if width is None or r.width <= int(width)
    ] or rset.renditions[:1]
    chosen = candidates[-1]
    return image.storage.url(chosen.webp if image_format == "webp" else chosen.jpeg)
