"""The archive import as an admin upload, for chief editors.

Uploading stores the file and an ImportJob; the import runs in the
background (articles/importing/jobs.py) and the job's page shows its
progress, refreshing itself until the report is there.
"""

from pathlib import PurePosixPath

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regionnews.core.languages import language_codes

from .importing.jobs import import_job_create, job_report
from .models import Article, ImportJob

MAX_UPLOAD_BYTES = 200 * 1024 * 1024
PUBLISH_PERMISSION = "articles.publish_article"


class ImportJobForm(forms.ModelForm):
    language = forms.ChoiceField(
        label=_("language"),
        required=False,
        choices=[("", _("From each file's publication line"))]
        + [(code, code) for code in language_codes()],
    )
    article_status = forms.ChoiceField(
        label=_("import as"),
        choices=[
            (Article.Status.DRAFT, _("Drafts")),
            (Article.Status.PUBLISHED, _("Published, at their original time")),
        ],
    )

    class Meta:
        model = ImportJob
        fields = ("upload", "language", "article_status")
        help_texts = {
            "upload": _(
                "One exported .txt file, or a .zip of them. Language versions of "
                "a story are paired by publication minute and byline."
            )
        }

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        suffix = PurePosixPath(upload.name).suffix.lower()
        if suffix not in (".txt", ".zip"):
            raise forms.ValidationError(_("Upload a .txt file or a .zip archive."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        return upload


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    form = ImportJobForm
    list_display = (
        "original_name",
        "status",
        "created_by",
        "created_at",
        "finished_at",
    )
    list_filter = ("status",)

    def has_add_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        import_job_create(job=obj, user=request.user)

    def response_add(self, request, obj, post_url_continue=None):
        return HttpResponseRedirect(
            reverse("admin:articles_importjob_change", args=[obj.pk])
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The job's report; refreshes itself (meta refresh) until it is done."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        job = self.get_object(request, unquote(object_id))
        if job is None:
            raise Http404
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": str(job),
            "job": job,
            "report": job_report(job),
        }
        return TemplateResponse(
            request, "admin/articles/importjob/report.html", context
        )
