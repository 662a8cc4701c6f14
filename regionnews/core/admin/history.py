"""Admin behaviour the article and visit admins share: history with diffs and
restore, edit conflicts and fields only some roles may see.

    class ArticleAdmin(EditorialAdminMixin, TabbedTranslationAdmin): ...

History is django-reversion's: every save in the admin is a revision (who, when,
what), which django-reversion-compare lists, compares and restores. Registering
the admin registers the model and follows its inlines (an article's gallery, a
visit's participants and stops); every column, each language's included, is
stored.
"""

import contextlib

from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.safestring import mark_safe
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin

from .changes import UnchangedSaveAdminMixin
from .conflicts import EditConflictAdminMixin
from .restricted import RestrictedFieldsAdminMixin


def translated_base_fields(model) -> frozenset[str]:
    """The names modeltranslation adds language columns to (title, lead, ...)."""
    try:
        return frozenset(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return frozenset()


class HistoryAdmin(CompareVersionAdmin):
    """django-reversion-compare's history, compare and revert views, checked.

    reversion-compare's compare view asks for no permission of its own; here
    it needs the same view permission as the history list.
    """

    history_latest_first = True
    object_history_template = "admin/regionnews/object_history.html"
    compare_template = "admin/regionnews/compare.html"
    # Bookkeeping, not content: changes with every save, says nothing.
    compare_exclude = (
        "version",
        "translation_fingerprints",
        "outdated_languages",
        "updated_at",
    )

    @property
    def change_list_template(self):
        # django-reversion's list (with "Recover deleted ...") as the fallback
        # after the model's own template, which it would otherwise replace.
        opts = self.opts
        return [
            f"admin/{opts.app_label}/{opts.model_name}/change_list.html",
            f"admin/{opts.app_label}/change_list.html",
            "reversion/change_list.html",
        ]

    @contextlib.contextmanager
    def create_revision(self, request):
        # Only a request that can write opens a revision (and its transaction);
        # a page that is only read costs no SAVEPOINT queries.
        if request.method in ("GET", "HEAD", "OPTIONS"):
            yield
        else:
            with super().create_revision(request):
                yield

    def compare(self, obj, version1, version2):
        """Each change once: modeltranslation's untranslated column (`title`)
        only mirrors one language's (`title_cs`), which is shown already; an
        empty value reads as a dash, not as Python's "None"."""
        diff, has_unfollowed_fields = super().compare(obj, version1, version2)
        mirrored = translated_base_fields(type(obj))
        shown = []
        for item in diff:
            if getattr(item["field"], "name", None) in mirrored:
                continue
            html = str(item["diff"])
            for mark, tag in (("-", "del"), ("+", "ins")):
                html = html.replace(
                    f"<{tag}>{mark} None</{tag}>", f"<{tag}>{mark} —</{tag}>"
                )
            shown.append({**item, "diff": mark_safe(html)})
        return shown, has_unfollowed_fields

    # Restore and recover. django-reversion finds the version by its number
    # alone and reverts its whole revision; here the version must be one of
    # this URL's object (recover: a deleted object of this model), and the
    # revision may only hold that object and the rows of its inlines. The live
    # object is kept on the request before the revert, so that save_model can
    # judge the change against what is live, not against the restored state.

    def has_recover_permission(self, request) -> bool:
        """Who may bring a deleted object back (adding and changing it)."""
        return self.has_add_permission(request) and self.has_change_permission(request)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        object_id = unquote(object_id)
        version = self._own_version(
            Version.objects.get_for_object_reference(self.model, object_id),
            version_id,
        )
        request._editorial_live_object = self.model._base_manager.filter(
            pk=version.object_id
        ).first()
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        self._own_version(Version.objects.get_deleted(self.model), version_id)
        request._editorial_live_object = None
        return super().recover_view(request, version_id, extra_context)

    def _own_version(self, versions, version_id) -> Version:
        """The version *version_id* among *versions*, whose revision is ours; or 404."""
        try:
            version = versions.select_related("revision").get(pk=int(version_id))
        except (ValueError, TypeError, OverflowError, Version.DoesNotExist):
            raise Http404 from None
        allowed = {
            ContentType.objects.get_for_model(model).pk
            for model in (
                self.model,
                *(inline.model for inline in self.inlines),
            )
        }
        other = version.revision.version_set.exclude(content_type_id__in=allowed)
        if other.exists():
            raise Http404
        return version

    def compare_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return super().compare_view(request, object_id, extra_context)


class EditorialAdminMixin(
    UnchangedSaveAdminMixin,
    EditConflictAdminMixin,
    RestrictedFieldsAdminMixin,
    HistoryAdmin,
):
    """History, edit conflicts and restricted fields for an EditorialModel admin;
    a save without a change stores nothing (see changes.py).

    Put it before the ModelAdmin base class (e.g. TabbedTranslationAdmin).
    """
