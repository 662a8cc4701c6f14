"""Suggested links on the article change form: accept or dismiss with one click.

Mixed into ArticleAdmin. The panel is rendered above the change form (its
buttons are small POST forms of their own, with the CSRF token); each answer
is stored by articles/suggestions.py and the editor comes back to the form.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import SuggestionDecision
from .suggestions import suggest_links, suggestion_accept, suggestion_dismiss


class SuggestionsAdminMixin:
    change_form_template = "admin/articles/article/change_form.html"

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/suggestion/<str:kind>/<int:pk>/<str:answer>/",
                self.admin_site.admin_view(require_POST(self.suggestion_view)),
                name=f"{info}_suggestion",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        obj = kwargs.get("obj")
        if obj is not None and obj.pk and self.has_change_permission(request, obj):
            context["link_suggestions"] = suggest_links(obj)
        if (
            obj is not None
            and obj.pk
            and request.user.has_perm("delegations.add_visit")
        ):
            context["propose_visit_url"] = reverse(
                f"{self.admin_site.name}:articles_article_propose_visit",
                args=[obj.pk],
            )
        return super().render_change_form(request, context, add, change, **kwargs)

    def suggestion_view(self, request, object_id, kind, pk, answer):
        """POST: accept (link) or dismiss one suggestion; back to the form."""
        article = self.get_object(request, unquote(object_id))
        if article is None or kind not in SuggestionDecision.Kind.values:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        words = request.POST.get("words", "")
        service = {"accept": suggestion_accept, "dismiss": suggestion_dismiss}.get(
            answer
        )
        if service is None:
            raise Http404
        try:
            service(
                article=article, kind=kind, object_id=pk, words=words, user=request.user
            )
        except ObjectDoesNotExist as error:
            raise Http404 from error
        self.message_user(
            request,
            _("Link added.") if answer == "accept" else _("Suggestion dismissed."),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse(
                f"{self.admin_site.name}:articles_article_change", args=[article.pk]
            )
        )
