"""The workflow's rules on the article admin's writes, and the review of held changes.

Every save the admin makes — the change form, a restore from the history,
recovering a deleted article — passes `article_check_write()`: the status is
capped at what the user may set, and an Editor's change to a live article is
rolled back and held as a PendingChange, which a chief editor reviews at
`<id>/pending/<change id>/` (a diff, then publish or reject).
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Article, PendingChange
from .review import (
    HeldForReview,
    article_hold_change,
    pending_change_publish,
    pending_change_reject,
    pending_change_rows,
    relation_names,
    snapshot,
)
from .workflow import Write, article_check_write, can_publish

_MISSING = object()


class ReviewAdminMixin:
    """Put it first among ArticleAdmin's mixins (it wraps the views that save)."""

    def has_recover_permission(self, request) -> bool:
        # A recovered article comes back as it was deleted, maybe published.
        return can_publish(request.user) and super().has_recover_permission(request)

    def is_frozen_for(self, request, obj) -> bool:
        """Live, and this user's changes wait for review."""
        return (
            obj is not None
            and obj.status == Article.Status.PUBLISHED
            and not can_publish(request.user)
        )

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if self.is_frozen_for(request, obj) and "main_image" not in fields:
            # An upload cannot wait unsaved; a chief editor changes the photo.
            return (*fields, "main_image")
        return fields

    def save_model(self, request, obj, form, change):
        live = getattr(request, "_editorial_live_object", _MISSING)
        if live is _MISSING:
            live = Article._base_manager.filter(pk=obj.pk).first() if change else None
        if article_check_write(user=request.user, live=live, article=obj) is Write.HOLD:
            relations = {
                name: form.cleaned_data[name]
                for name in relation_names()
                if name in form.cleaned_data
            }
            request._editorial_held_base = live.version
            raise HeldForReview(snapshot(obj, relations))
        super().save_model(request, obj, form, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except HeldForReview as held:
            return self._held(request, object_id, held)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        try:
            return super().revision_view(request, object_id, version_id, extra_context)
        except HeldForReview as held:
            return self._held(request, object_id, held)

    def _held(self, request, object_id, held: HeldForReview):
        """Everything was rolled back; keep the change for review instead."""
        article = get_object_or_404(Article._base_manager, pk=unquote(object_id))
        article_hold_change(
            article=article,
            user=request.user,
            fields=held.fields,
            base_version=request._editorial_held_base,
        )
        self.message_user(
            request,
            gettext(
                "“%(title)s” is published: your change waits for a chief editor's"
                " review, and the public still sees the published text."
            )
            % {"title": article},
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse(self._url_name("changelist")))

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        obj = kwargs.get("obj")
        if obj is not None and obj.pk:
            context["pending_changes"] = [
                {
                    "change": pending,
                    "url": reverse(
                        self._url_name("pending"), args=[obj.pk, pending.pk]
                    ),
                }
                for pending in PendingChange.objects.filter(article=obj)
                .select_related("author")
                .order_by("-created_at", "-pk")
            ]
        return super().render_change_form(request, context, add, change, **kwargs)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/pending/<int:change_id>/",
                self.admin_site.admin_view(self.pending_view),
                name=self._url_name("pending", namespaced=False),
            ),
            *super().get_urls(),
        ]

    def pending_view(self, request, object_id, change_id):
        """The diff of a held change; a chief editor publishes or rejects it."""
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_or_change_permission(request, article):
            raise Http404
        pending = get_object_or_404(
            PendingChange.objects.select_related("author"),
            pk=change_id,
            article=article,
        )
        may_decide = can_publish(request.user)
        if request.method == "POST":
            if not may_decide:
                raise PermissionDenied
            try:
                if "_publish" in request.POST:
                    pending_change_publish(pending=pending, user=request.user)
                    message = gettext("The change is published.")
                else:
                    pending_change_reject(pending=pending, user=request.user)
                    message = gettext("The change is rejected.")
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse(self._url_name("change"), args=[article.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Change waiting for review"),
            "article": article,
            "pending": pending,
            "rows": pending_change_rows(pending),
            "may_decide": may_decide,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/pending.html", context)
