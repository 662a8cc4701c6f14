"""How an article moves from draft to review to the public, and back.

    draft --submit for review--> in review --publish--> published
      ^                                                     |
      +---------------------- unpublish -------------------+

Editors write and submit; only holders of `articles.publish_article` (the
chief editors) publish and unpublish. A publication time in the future
schedules the article: `Article.objects.published()` compares it with the
clock on every request, so it appears on time without any job running.

The admin's bulk actions call these functions; the change form applies the
same permission rule to its status field (`may_set_status`). Each change is
saved as a revision (django-reversion) with the user and what was done.

Every other write of an article by a person — the change form, a restore
from the history, recovering a deleted article, `article_save()` — asks
`article_check_write()` first: it caps the status at what the user may set
and says when the change must wait for review instead of going live.
"""

import datetime
import enum

import reversion
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from regionnews.core.translation_status import complete_languages

from .models import Article

PUBLISH_PERMISSION = "articles.publish_article"
CHANGE_PERMISSION = "articles.change_article"

User = AbstractBaseUser | AnonymousUser


class TransitionNotAllowed(ValidationError):
    """The article is not in a state this step can start from."""


def can_publish(user: User) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def may_set_status(*, user: User, old: str | None, new: str) -> bool:
    """Whether *user* may change an article's status from *old* to *new*.

    Making an article public, or taking a public one back, is publishing;
    moving between draft and review is writing.
    """
    if old == new:
        return True
    if Article.Status.PUBLISHED in (old, new):
        return can_publish(user)
    return user.has_perm(CHANGE_PERMISSION)


class Write(enum.Enum):
    SAVE = "save"
    HOLD = "hold"


def article_check_write(*, user: User, live: Article | None, article: Article) -> Write:
    """Whether *user* may store *article* over *live* (None: a new or recovered one).

    A chief editor may store anything. Anyone else never raises the status to
    published: a published state brought back by a restore or a recover lands
    in review. A change to a live (published or scheduled) article is HOLD: the
    caller keeps the live article as it is and stores the change as a
    PendingChange for a chief editor (articles/review.py).
    """
    if can_publish(user):
        return Write.SAVE
    if live is not None and live.status == Article.Status.PUBLISHED:
        return Write.HOLD
    if article.status == Article.Status.PUBLISHED:
        article.status = Article.Status.REVIEW
    return Write.SAVE


def article_submit_for_review(*, article: Article, user: User) -> Article:
    """Hand a draft to the chief editors."""
    _require(user, CHANGE_PERMISSION)
    if article.status == Article.Status.REVIEW:
        raise TransitionNotAllowed(_("It is already in review."))
    if article.status == Article.Status.PUBLISHED:
        raise TransitionNotAllowed(_("It is published; unpublish it first."))
    return _change_status(
        article,
        user=user,
        status=Article.Status.REVIEW,
        comment=_("Submitted for review"),
    )


def article_publish(
    *,
    article: Article,
    user: User,
    published_at: datetime.datetime | None = None,
) -> Article:
    """Publish now, or at `published_at` (or the article's own time) if later.

    Without any publication time the article is published now. Refused for an
    article without one complete language (title, lead and body).
    """
    _require(user, PUBLISH_PERMISSION)
    if article.status == Article.Status.PUBLISHED:
        raise TransitionNotAllowed(_("It is already published."))
    if not complete_languages(article):
        raise TransitionNotAllowed(
            _("At least one complete language is required to publish.")
        )
    if published_at is not None:
        article.published_at = published_at
    return _change_status(
        article, user=user, status=Article.Status.PUBLISHED, comment=_("Published")
    )


def article_unpublish(*, article: Article, user: User) -> Article:
    """Take a published or scheduled article off the site, back to draft.

    The publication time is kept, so publishing again restores the same date.
    """
    _require(user, PUBLISH_PERMISSION)
    if article.status != Article.Status.PUBLISHED:
        raise TransitionNotAllowed(_("It is not published."))
    return _change_status(
        article, user=user, status=Article.Status.DRAFT, comment=_("Unpublished")
    )


def _require(user: User, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied(gettext("You may not do this to articles."))


@transaction.atomic
def _change_status(
    article: Article, *, user: User, status: str, comment: str
) -> Article:
    """Store the new status (and the time it implies) as one revision.

    Only the publication fields are written, so an editor's text saved in the
    meantime is never overwritten; the version still goes up, so a form opened
    before this change reports it instead of silently undoing it.
    """
    article.status = status
    with reversion.create_revision():
        article.save(update_fields=["status", "published_at", "updated_at"])
        reversion.set_user(user if user.is_authenticated else None)
        reversion.set_comment(str(comment))
    return article
