""" "Write the article": a draft article in every language from a visit.

The button sits on the visit's change form (delegations' template), but the
view is the articles admin's: articles depend on delegations, never the other
way round.

The draft is for the editors to finish, so the button and the view are for
users who may both add and change articles (protocol officers may not change
them, and would be left with a draft they cannot open). When the visit has
articles already, the button's POST shows them first and asks again; one click
writes at most one draft (see `article_draft_for_visit`).
"""

import reversion
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from delegations.models import Visit

from .services import article_draft_for_visit

CONFIRM_FIELD = "confirmed"


def may_write_from_visit(user) -> bool:
    """Who is offered "Write the article": those who can finish the draft."""
    return user.has_perm("articles.add_article") and user.has_perm(
        "articles.change_article"
    )


class WriteFromVisitAdminMixin:
    """Adds /admin/articles/article/from-visit/<visit id>/ (POST) to the admin."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_from_visit"
        return [
            path(
                "from-visit/<int:visit_id>/",
                self.admin_site.admin_view(self.write_from_visit_view),
                name=name,
            ),
            *super().get_urls(),
        ]

    def write_from_visit_view(self, request, visit_id):
        """POST: write a draft article about the visit and open it for editing."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        visit = Visit.objects.filter(pk=visit_id).first()
        if visit is None:
            raise Http404
        may_read_visit = request.user.has_perm(
            "delegations.view_visit"
        ) or request.user.has_perm("delegations.change_visit")
        if not (may_read_visit and may_write_from_visit(request.user)):
            raise PermissionDenied
        existing = list(visit.articles.order_by("-pk"))
        if existing and CONFIRM_FIELD not in request.POST:
            return self._confirmation(request, visit, existing)
        with reversion.create_revision():
            article, created = article_draft_for_visit(visit=visit, user=request.user)
            if created:
                reversion.set_user(request.user)
                reversion.set_comment(
                    _("Written from the visit “%(visit)s”.") % {"visit": visit}
                )
        if created:
            message = _(
                "A draft article about “%(visit)s” was written in every language "
                "from the visit. Check and finish the text, then submit it for "
                "review."
            )
        else:
            message = _(
                "A draft written from “%(visit)s” is already waiting to be "
                "checked; it is opened here instead of writing another."
            )
        self.message_user(
            request,
            message % {"visit": visit},
            messages.SUCCESS if created else messages.WARNING,
        )
        return redirect(
            reverse(
                "admin:articles_article_change",
                args=[article.pk],
                current_app=self.admin_site.name,
            )
        )

    def _confirmation(self, request, visit, existing):
        """The visit's articles, and the question whether to write another."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Write another article about this visit?"),
            "visit": visit,
            "articles": existing,
            "confirm_field": CONFIRM_FIELD,
            "visit_change_url": reverse(
                "admin:delegations_visit_change",
                args=[visit.pk],
                current_app=self.admin_site.name,
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/articles/article/write_from_visit_confirm.html", context
        )
