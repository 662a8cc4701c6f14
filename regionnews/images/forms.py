"""Form pieces for photos, shared by the articles and people admins: the upload
field that validates by decoding, the focal-point inputs, and the rule that
every language needs alt text unless the photo is decorative."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from regionnews.core.languages import language_codes

from . import validation as images

ACCEPT = "image/jpeg,image/png,image/webp"


class ImageUploadField(forms.ImageField):
    """An upload accepted only if it decodes as a JPEG, PNG or WebP within the
    byte and pixel limits (regionnews.images.open_image).

    Replaces Django's checks, which judge by file extension, accept GIF, BMP
    or TIFF, and report a decompression bomb as a generic "not an image".
    """

    default_validators = []

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is not None:
            images.validate_image_file(upload)
        return upload

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ACCEPT
        return attrs


class FocalPointField(forms.FloatField):
    """0 to 1; left empty, the centre (0.5), as on a photo nobody has set."""

    def __init__(self, **kwargs):
        kwargs.update(required=False, min_value=0, max_value=1)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return 0.5 if value is None else value


class FocalPointInput(forms.NumberInput):
    """A 0-1 number input; static/js/focal-point.js adds a photo to click on."""

    class Media:
        js = ("js/focal-point.js",)


def focal_point_widgets(image_field: str, x_field: str, y_field: str) -> dict:
    """Widgets for a focal point's two fields, told where their photo is.

    The script finds the partner input and the file input by these names,
    with the formset prefix of an inline row put in front.
    """
    common = {"min": "0", "max": "1", "step": "0.01", "data-focal-image": image_field}
    return {
        x_field: FocalPointInput(
            attrs={
                **common,
                "data-focal-axis": "x",
                "data-focal-field": x_field,
                "data-focal-partner": y_field,
                "data-focal-hint": _(
                    "Click the photo on the main subject (a face, say): crops "
                    "of the photo keep that point in view."
                ),
            }
        ),
        y_field: FocalPointInput(attrs={**common, "data-focal-axis": "y"}),
    }


FOCAL_POINT_HELP = _(
    "0 is the left (top) edge, 1 the right (bottom) edge; 0.5 is the centre. "
    "Crops for cards keep this point in view."
)


def image_present(form: forms.BaseForm, field: str) -> bool:
    """Whether the object will have a photo after this form is saved.

    The cleaned value is a new upload, the unchanged stored file, or False when
    the editor ticked "clear"; it is missing when the upload was refused.
    """
    value = form.cleaned_data.get(field, getattr(form.instance, field, None))
    return bool(value)


def require_alt_text(
    form: forms.BaseForm,
    *,
    image_field: str,
    alt_field: str,
    languages: list[str],
    decorative_field: str | None = None,
) -> None:
    """Add an error to each of *languages* whose alt text is empty.

    Nothing is required when there is no photo or it is marked decorative
    (it is then shown with alt="" and screen readers skip it).
    """
    if not image_present(form, image_field):
        return
    if decorative_field and form.cleaned_data.get(decorative_field):
        return
    message = (
        _("Describe the photo in %(language)s (alt text), or mark it as decorative.")
        if decorative_field
        else _("Describe the photo in %(language)s (alt text).")
    )
    for lang in languages:
        name = f"{alt_field}_{lang}"
        if (form.cleaned_data.get(name) or "").strip():
            continue
        error = ValidationError(
            message,
            code="alt_text_required",
            params={"language": get_language_info(lang)["name_translated"]},
        )
        form.add_error(name if name in form.fields else None, error)


def titled_languages(source) -> list[str]:
    """Languages that have a title, from cleaned data (a dict) or an object."""

    def title(lang):
        key = f"title_{lang}"
        value = source.get(key) if isinstance(source, dict) else getattr(source, key)
        return (value or "").strip()

    return [lang for lang in language_codes() if title(lang)]


class ChooseFileAgainMixin:
    """When the form comes back with errors, say that chosen photos are gone.

    A browser never fills a file input again, so a photo chosen for a form
    that failed (for any reason) is not uploaded with the next save; the
    photo's field says so, rather than the photo silently disappearing.
    """

    def full_clean(self):
        super().full_clean()
        if not self._errors or not self.files:
            return
        for name, field in self.fields.items():
            if not isinstance(field, forms.FileField):
                continue
            if self.add_prefix(name) in self.files and name not in self._errors:
                self._errors[name] = self.error_class(
                    [
                        _(
                            "The form was not saved, so the chosen file was not"
                            " kept: choose it again before saving."
                        )
                    ]
                )


class ImageAltTextMixin(ChooseFileAgainMixin):
    """For a ModelForm with photos: alt text in every language that needs it.

    `image_alt_checks` holds require_alt_text()'s keyword arguments, one dict
    per photo; `image_alt_languages()` says which languages need a description
    (by default those the object has a title in). Put it before the form class.
    """

    image_alt_checks: tuple[dict, ...] = ()

    def image_alt_languages(self, cleaned_data) -> list[str]:
        return titled_languages(cleaned_data)

    def clean(self):
        cleaned_data = super().clean()
        languages = self.image_alt_languages(cleaned_data)
        for check in self.image_alt_checks:
            require_alt_text(self, languages=languages, **check)
        return cleaned_data
