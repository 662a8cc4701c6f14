"""Writes that touch an article and the objects it is about.

An article and its links to visits, countries, people, organisations and topics
are one editorial unit: `article_save()` validates the article with
`full_clean()` and stores it with all its relations in one transaction.
"""

import datetime
from collections.abc import Iterable

from django.db import transaction

from delegations.models import Country, Organisation, Participation, Person, Visit
from delegations.services import Translated, set_translations
from regionnews.core.languages import language_codes
from regionnews.core.models import EditConflict
from regionnews.core.translation_status import complete_languages

from .models import Article, Topic
from .review import article_hold_change, snapshot
from .visit_article import visit_article_draft
from .workflow import User, Write, article_check_write


@transaction.atomic
def article_save(
    *,
    article: Article | None = None,
    title: Translated,
    slug: Translated | None = None,
    lead: Translated | None = None,
    body: Translated | None = None,
    byline: str = "",
    status: str = Article.Status.DRAFT,
    published_at: datetime.datetime | None = None,
    topics: Iterable[Topic] = (),
    visits: Iterable[Visit] = (),
    countries: Iterable[Country] = (),
    people: Iterable[Person] = (),
    organisations: Iterable[Organisation] = (),
    user: User | None = None,
    expected_version: int | None = None,
) -> Article:
    """Create an article (`article=None`) or update one, and set its relations.

    An update is stored only over `expected_version` (by default the version
    the given `article` was read at): if someone saved in between, EditConflict
    is raised and nothing is written. With a `user` (anyone acting through a
    view), the workflow's rule applies as in the admin: the status is capped at
    what the user may set, and a change to a live article by someone who may
    not publish is held for review (the live article is returned unchanged).
    Without one (management commands, run by whoever operates the site), the
    caller is trusted.

    Texts are given per language ({"cs": ..., "en": ..., "de": ...}); the
    relations given replace the article's old ones. Slugs are only changed for
    the languages given in `slug`: a published URL stays put unless asked,
    and a missing slug is made from the title when the article is saved. The
    body is sanitised by `Article.save()`. Invalid data raises ValidationError
    and nothing is stored.
    """
    article = article if article is not None else Article()
    if article.pk is not None and expected_version is None:
        expected_version = article.version
    live = Article._base_manager.filter(pk=article.pk).first() if article.pk else None
    set_translations(article, "title", title)
    set_translations(article, "lead", lead)
    set_translations(article, "body", body)
    for code in language_codes():
        if slug and slug.get(code):
            setattr(article, f"slug_{code}", slug[code])
    article.byline = byline
    article.status = status
    article.published_at = published_at
    article.full_clean()
    relations = {
        "topics": list(topics),
        "visits": list(visits),
        "countries": list(countries),
        "people": list(people),
        "organisations": list(organisations),
    }
    if user is not None:
        decision = article_check_write(user=user, live=live, article=article)
        if decision is Write.HOLD:
            if live.version != expected_version:
                raise EditConflict(f"article {live.pk} is past {expected_version}")
            article_hold_change(
                article=live,
                user=user,
                fields=snapshot(article, relations),
                base_version=live.version,
            )
            return live
    article.save(expected_version=expected_version)
    for name, objects in relations.items():
        getattr(article, name).set(objects)
    return article


@transaction.atomic
def article_create_from_visit(*, visit: Visit, user) -> Article:
    """Write a draft article about *visit* in every language, for an editor to finish.

    The protocol office has already recorded who came, when, whom they met and
    what they toured; the draft starts from that instead of a blank page. It is
    linked to the visit, its country, its people (guests first, then hosts) and
    the organisations toured, in the visit's order, and carries the user's name
    as byline. It stays a draft: nothing is published.
    """
    participations = list(
        visit.participations.select_related("person").order_by("order", "pk")
    )
    stops = list(
        visit.stops.select_related("organisation").order_by(
            "order", "date", "time", "pk"
        )
    )
    draft = visit_article_draft(visit, participations, stops)
    guests_then_hosts = sorted(
        participations, key=lambda p: p.side != Participation.Side.GUEST
    )
    people = list(dict.fromkeys(p.person for p in guests_then_hosts))
    organisations = list(dict.fromkeys(stop.organisation for stop in stops))
    article = article_save(
        title=draft.title,
        lead=draft.lead,
        body=draft.body,
        byline=user.get_full_name() if user is not None else "",
        status=Article.Status.DRAFT,
        visits=[visit],
        countries=[visit.country],
        people=people,
        organisations=organisations,
    )
    # Generated text is not yet anybody's checked work: flagged until an
    # editor saves it, and no language counts as complete meanwhile.
    article.needs_check = True
    article.outdated_languages = complete_languages(article)
    Article.objects.filter(pk=article.pk).update(
        needs_check=True, outdated_languages=article.outdated_languages
    )
    return article


def unchecked_draft_about(visit: Visit) -> Article | None:
    """The generated draft about *visit* that no editor has saved yet, if any."""
    return (
        visit.articles.filter(needs_check=True, status=Article.Status.DRAFT)
        .order_by("-pk")
        .first()
    )


@transaction.atomic
def article_draft_for_visit(*, visit: Visit, user) -> tuple[Article, bool]:
    """The draft about *visit* for one click on "Write the article": (draft, new).

    A second POST of the same click (a double click, a reload) finds the draft
    the first one wrote, still unchecked, and returns it instead of writing
    another: the visit's row is locked while looking, so two requests at the
    same moment cannot both write one.
    """
    Visit.objects.select_for_update().filter(pk=visit.pk).first()
    existing = unchecked_draft_about(visit)
    if existing is not None:
        return existing, False
    return article_create_from_visit(visit=visit, user=user), True
