"""A form shown again after an error asks for its chosen files again.

Browsers never refill a file input: a photo chosen before a failed save
(an error on any field, or on the photo itself) is gone from the form shown
again, and saving a second time without it would quietly drop it. The form
says so, naming the files, next to its other errors.
"""

from django import forms
from django.forms.utils import ErrorList
from django.utils.translation import gettext as _


class ChooseFilesAgainFormMixin:
    """Put it before the form class; works for model forms and inline forms."""

    def full_clean(self):
        super().full_clean()
        if not self._errors:
            return
        chosen = [
            upload.name
            for name, field in self.fields.items()
            if isinstance(field, forms.FileField)
            for upload in [self.files.get(self.add_prefix(name))]
            if upload
        ]
        if chosen:
            message = _(
                "The file you chose (%(files)s) was not saved. Choose it again "
                "before saving: browsers do not keep a chosen file when a form "
                "is shown again."
            ) % {"files": ", ".join(chosen)}
            errors = self._errors.setdefault(
                forms.forms.NON_FIELD_ERRORS, ErrorList(error_class="nonfield")
            )
            errors.append(message)
