"""Publishing in the article admin: who may set which status, the bulk actions,
the preview and the overview of what is scheduled or waiting for review.

Kept apart from articles/admin.py, which mixes `PublishingAdminMixin` into
ArticleAdmin; the rules themselves live in articles/workflow.py.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import Article, PendingChange
from .views import ArticlePageView, with_page_relations
from .workflow import (
    article_publish,
    article_submit_for_review,
    article_unpublish,
    can_publish,
)


class PublicationListFilter(admin.SimpleListFilter):
    """?publication=scheduled: published with a time to come; live: on the site."""

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("scheduled", _("Scheduled")),
            ("live", _("On the public site")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "live":
            return queryset.published()
        return queryset


class ArticlePreviewView(ArticlePageView):
    """The public article page, for an article in any status (never kept: it
    shows drafts)."""

    template_name = "admin/articles/article/preview.html"

    def get_queryset(self):
        # The public page's related objects, without its published() filter:
        # the preview must show what the page will show once published.
        return with_page_relations(Article.objects.all())


def language_links(article: Article, url_name: str) -> list[dict]:
    """One link per language, each named in its own language."""
    return [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": reverse(url_name, args=[article.pk, code]),
        }
        for code, _name in settings.LANGUAGES
    ]


class PublishingAdminMixin:
    """The status workflow in ArticleAdmin. Put it before the ModelAdmin base.

    Without `articles.publish_article` the status field offers only draft and
    in review, and a published article's status and time are read-only; the
    publish and unpublish actions are not offered, and the workflow functions
    refuse them anyway.
    """

    workflow_actions = ("submit_for_review", "publish", "unpublish")

    def has_publish_permission(self, request) -> bool:
        return can_publish(request.user)

    # The status field and the form.

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [
                (status.value, status.label)
                for status in (Article.Status.DRAFT, Article.Status.REVIEW)
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if (
            obj is not None
            and obj.status == Article.Status.PUBLISHED
            and not self.has_publish_permission(request)
        ):
            # Changing either would take the article off the site.
            return (*fields, "status", "published_at")
        return fields

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        obj = kwargs.get("obj")
        if obj is not None and obj.pk and self.has_change_permission(request, obj):
            context["preview_links"] = language_links(obj, self._url_name("preview"))
            context["preview_url"] = reverse(
                self._url_name("preview"), args=[obj.pk, translation.get_language()]
            )
        return super().render_change_form(request, context, add, change, **kwargs)

    # URLs: the preview and the scheduled overview.

    def get_urls(self):
        return [
            path(
                "<path:object_id>/preview/<str:lang>/",
                self.admin_site.admin_view(self.preview_view),
                name=self._url_name("preview", namespaced=False),
            ),
            path(
                "scheduled/",
                self.admin_site.admin_view(self.scheduled_view),
                name=self._url_name("scheduled", namespaced=False),
            ),
            *super().get_urls(),
        ]

    def _url_name(self, view: str, namespaced: bool = True) -> str:
        name = f"{self.opts.app_label}_{self.opts.model_name}_{view}"
        return f"{self.admin_site.name}:{name}" if namespaced else name

    def preview_view(self, request, object_id, lang):
        """The public page of the article in *lang*, whatever its status.

        Staff only (admin_view sends others to the login page), and only for
        those who may change the article; never cached, never indexed.
        """
        if lang not in dict(settings.LANGUAGES):
            raise Http404
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        links = language_links(article, self._url_name("preview"))
        context = {
            "admin_language": translation.get_language(),
            "preview_links": links,
            # The page's own language switcher stays in the preview too.
            "language_paths": {link["code"]: link["url"] for link in links},
            "change_url": reverse(self._url_name("change"), args=[article.pk]),
        }
        with translation.override(lang):
            response = ArticlePreviewView.as_view(extra_context=context)(
                request, pk=article.pk
            )
            response.render()
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def scheduled_view(self, request):
        """What is to appear, and when; and what waits for a chief editor."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        articles = Article.objects.all()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Scheduled and in review"),
            "time_zone": settings.TIME_ZONE,
            "scheduled": articles.scheduled().order_by("published_at", "pk"),
            "in_review": articles.filter(status=Article.Status.REVIEW).order_by(
                "published_at", "updated_at", "pk"
            ),
            "pending_changes": PendingChange.objects.select_related(
                "article", "author"
            ).order_by("created_at", "pk"),
            "can_change": self.has_change_permission(request),
            "preview_url_name": self._url_name("preview"),
            "language": translation.get_language(),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/articles/article/scheduled.html", context
        )

    # Bulk actions.

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions
        for name in self.workflow_actions:
            func, name, description = self.get_action(name)
            if any(
                getattr(self, f"has_{permission}_permission")(request)
                for permission in func.allowed_permissions
            ):
                actions[name] = (func, name, description)
        return actions

    @admin.action(
        description=_("Submit the selected articles for review"),
        permissions=["change"],
    )
    def submit_for_review(self, request, queryset):
        self._apply(
            request,
            queryset,
            article_submit_for_review,
            lambda n: ngettext(
                "Submitted %(count)d article for review.",
                "Submitted %(count)d articles for review.",
                n,
            ),
        )

    @admin.action(
        description=_("Publish the selected articles"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        changed = self._apply(
            request,
            queryset,
            article_publish,
            lambda n: ngettext(
                "Published %(count)d article.", "Published %(count)d articles.", n
            ),
        )
        scheduled = [article for article in changed if article.is_scheduled]
        if scheduled:
            self.message_user(
                request,
                ngettext(
                    "%(count)d of them is scheduled and appears at its publication"
                    " time.",
                    "%(count)d of them are scheduled and appear at their"
                    " publication times.",
                    len(scheduled),
                )
                % {"count": len(scheduled)},
                messages.INFO,
            )

    @admin.action(
        description=_("Unpublish the selected articles"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        self._apply(
            request,
            queryset,
            article_unpublish,
            lambda n: ngettext(
                "Unpublished %(count)d article (now a draft).",
                "Unpublished %(count)d articles (now drafts).",
                n,
            ),
        )

    def _apply(
        self,
        request,
        queryset,
        transition: Callable[..., Article],
        done: Callable[[int], str],
    ) -> list[Article]:
        """Run *transition* on each article; report what changed and what not."""
        changed, skipped = [], []
        for article in queryset.order_by("pk"):
            try:
                transition(article=article, user=request.user)
            except PermissionDenied as error:
                skipped.append((article, str(error) or gettext("Not allowed.")))
            except ValidationError as error:
                skipped.append((article, " ".join(error.messages)))
            else:
                changed.append(article)
        if changed:
            self.message_user(
                request, done(len(changed)) % {"count": len(changed)}, messages.SUCCESS
            )
        if skipped:
            reasons = "; ".join(
                gettext("“%(title)s”: %(reason)s")
                % {"title": article, "reason": reason}
                for article, reason in skipped
            )
            self.message_user(
                request,
                ngettext(
                    "Skipped %(count)d article: %(reasons)s",
                    "Skipped %(count)d articles: %(reasons)s",
                    len(skipped),
                )
                % {"count": len(skipped), "reasons": reasons},
                messages.WARNING,
            )
        return changed
