""" "Write the article": a draft article in every language from a visit.

The button sits on the visit's change form (delegations' template), but the
view is the articles admin's: articles depend on delegations, never the other
way round.
"""

import reversion
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from delegations.models import Visit

from .services import article_create_from_visit


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
        if not (may_read_visit and self.has_add_permission(request)):
            raise PermissionDenied
        with reversion.create_revision():
            article = article_create_from_visit(visit=visit, user=request.user)
            reversion.set_user(request.user)
            reversion.set_comment(
                _("Written from the visit “%(visit)s”.") % {"visit": visit}
            )
        self.message_user(
            request,
            _(
                "A draft article about “%(visit)s” was written in every language "
                "from the visit. Finish the text, then submit it for review."
            )
            % {"visit": visit},
            messages.SUCCESS,
        )
        return redirect(
            reverse(
                "admin:articles_article_change",
                args=[article.pk],
                current_app=self.admin_site.name,
            )
        )
