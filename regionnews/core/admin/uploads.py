"""A form shown again after an error asks for its chosen files again.

Browsers never refill a file input: a photo chosen before a failed save
(an error on any field, or on the photo itself) is gone from the form shown
again, and saving a second time without it would quietly drop it. The page
says so, naming the files, in a warning above the form.
"""

from django.contrib import messages
from django.utils.translation import gettext as _


class ChooseFilesAgainAdminMixin:
    """Put it before the ModelAdmin base class."""

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        chosen = [upload.name for upload in request.FILES.values() if upload]
        form = context.get("adminform")
        formsets = context.get("inline_admin_formsets") or ()
        failed = (form is not None and form.form.errors) or any(
            formset.formset.errors
            and any(formset.formset.errors)
            or formset.formset.non_form_errors()
            for formset in formsets
        )
        if request.method == "POST" and chosen and failed:
            self.message_user(
                request,
                _(
                    "The file you chose (%(files)s) was not saved. Choose it "
                    "again before saving: browsers do not keep a chosen file "
                    "when a form is shown again."
                )
                % {"files": ", ".join(chosen)},
                messages.WARNING,
            )
        return super().render_change_form(request, context, add, change, **kwargs)
