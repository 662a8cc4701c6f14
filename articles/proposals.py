"""A visit proposed from an article's text, and its acceptance by a protocol officer.

`visit_draft()` reads the article (nothing is written) and returns a
`VisitDraft`: date, country, guests and hosts with their roles at the time,
organisations in text order, each matched to an existing registry record
where there is one. `visit_accept()` turns the checked draft into a visit
through the delegations services, in one transaction. `proposals_fill()` is
the batch behind `manage.py propose_visits`: it stores drafts in the review
queue (`VisitProposal`).
"""

import datetime
import re
from dataclasses import dataclass, field

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from delegations.models import Country, Organisation, Participation, Person, Visit
from delegations.services import (
    ParticipationData,
    StopData,
    organisation_create,
    person_create,
    visit_save,
)
from regionnews.core.languages import language_codes
from regionnews.core.translation_status import plain_text

from .extraction.extract import Extraction, extract
from .extraction.folding import fold
from .extraction.gazetteer import home_country
from .models import Article, VisitProposal
from .suggestions import organisations_gazetteer

STOPWORDS = {"of", "the", "in", "der", "des", "v", "ve", "a", "and", "und"}


@dataclass
class DraftPerson:
    name: str
    role: str
    side: str
    person: Person | None = None


@dataclass
class DraftOrganisation:
    name: str
    organisation: Organisation | None = None


@dataclass
class VisitDraft:
    language: str
    title: dict[str, str]
    start_date: datetime.date | None
    country: Country | None
    people: list[DraftPerson] = field(default_factory=list)
    organisations: list[DraftOrganisation] = field(default_factory=list)
    extraction: Extraction | None = None


def article_paragraphs(article: Article, code: str) -> list[str]:
    lead = plain_text(getattr(article, f"lead_{code}") or "")
    body = getattr(article, f"body_{code}") or ""
    parts = re.split(r"</p>|<br\s*/?>|</h\d>|</li>", body)
    return [p for p in [lead, *(plain_text(part) for part in parts)] if p]


def article_extraction(article: Article) -> Extraction | None:
    """The extraction of the language version that says the most.

    Its `body` attribute keeps the text the offsets refer to.
    """
    best, best_score = None, -1
    for code in language_codes():
        title = getattr(article, f"title_{code}") or ""
        paragraphs = article_paragraphs(article, code)
        if not title and not paragraphs:
            continue
        published = timezone.localtime(article.published_at or timezone.now())
        found = extract(
            title=title,
            paragraphs=paragraphs,
            language=code,
            published=published,
            byline=article.byline,
        )
        score = (
            len(found.guests) + len(found.hosts) + len(found.organisations)
            + bool(found.visit_date) + bool(found.country)
        )  # fmt: skip
        if score > best_score:
            best, best_score = found, score
            best.body = "\n\n".join(paragraphs)
    return best


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(name)) if w not in STOPWORDS}


def match_organisation(name: str, candidates) -> Organisation | None:
    """The registry organisation whose name or alias has (nearly) the same words."""
    words = _words(name)
    best, best_score = None, 0.0
    for organisation in candidates:
        names = [
            getattr(organisation, f"name_{code}") or "" for code in language_codes()
        ]
        for other in [*names, *organisation.alias_list]:
            other_words = _words(other)
            if not other_words or not words:
                continue
            score = len(words & other_words) / len(words | other_words)
            if score > best_score:
                best, best_score = organisation, score
    return best if best_score >= 0.6 else None


def visit_draft(article: Article) -> VisitDraft:
    """What the article says about its visit, matched to the registry; saves nothing."""
    found = article_extraction(article)
    language = found.language if found else "cs"
    people_by_name = {fold(p.name): p for p in Person.objects.all()}
    organisations = list(Organisation.objects.all())
    draft = VisitDraft(
        language=language,
        title={
            code: getattr(article, f"title_{code}")
            for code in language_codes()
            if getattr(article, f"title_{code}")
        },
        start_date=(
            datetime.date.fromisoformat(found.visit_date)
            if found and found.visit_date
            else None
        ),
        country=Country.objects.filter(code=found.country).first()
        if found and found.country
        else None,
        extraction=found,
    )
    if found is None:
        return draft
    for side, participants in (
        (Participation.Side.GUEST, found.guests),
        (Participation.Side.HOST, found.hosts),
    ):
        for participant in participants:
            draft.people.append(
                DraftPerson(
                    name=participant.name,
                    role=participant.role,
                    side=side,
                    person=people_by_name.get(fold(participant.name)),
                )
            )
    named = [
        (
            found.organisation_spans.get(name, (0, 0))[0],
            name,
            match_organisation(name, organisations),
        )
        for name in found.organisations
    ]
    # Registry organisations the rules did not find ("Škoda Electric" has no
    # organisation word), outside the roles of people, in their text order.
    known = {organisation.pk for _offset, _name, organisation in named if organisation}
    by_pk = {organisation.pk: organisation for organisation in organisations}
    for match in organisations_gazetteer().find(found.body):
        taken = [*found.people_spans, *found.organisation_spans.values()]
        if match.key in known or any(a <= match.start < b for a, b in taken):
            continue
        known.add(match.key)
        named.append((match.start, match.text, by_pk.get(match.key)))
    for _offset, name, organisation in sorted(named, key=lambda item: item[0]):
        draft.organisations.append(
            DraftOrganisation(name=name, organisation=organisation)
        )
    return draft


@transaction.atomic
def visit_accept(
    *,
    article: Article,
    title: dict[str, str],
    start_date: datetime.date,
    end_date: datetime.date | None,
    country: Country,
    direction: str,
    language: str,
    people: list[DraftPerson],
    organisations: list[DraftOrganisation],
    user=None,
) -> Visit:
    """Create the visit the officer checked, link the article to it; all or nothing.

    New people and organisations are created first; the visit is held if it
    is in the past (planned otherwise) and internal, so that nothing reaches
    the public before the protocol office has reviewed it.
    """
    home = Country.objects.filter(code=home_country()).first()
    participations = []
    for item in people:
        person = item.person or person_create(
            name=item.name,
            country=country if item.side == Participation.Side.GUEST else home,
        )
        participations.append(
            ParticipationData(person=person, side=item.side, role={language: item.role})
        )
    stops = []
    for item in organisations:
        organisation = item.organisation or organisation_create(
            name={language: item.name}
        )
        stops.append(StopData(organisation=organisation))
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(_("Proposed from the article “%s”") % article)
        visit = visit_save(
            title=title,
            start_date=start_date,
            end_date=end_date,
            country=country,
            direction=direction,
            status=(
                Visit.Status.HELD
                if start_date <= timezone.localdate()
                else Visit.Status.PLANNED
            ),
            visibility=Visit.Visibility.INTERNAL,
            participations=participations,
            stops=stops,
        )
    article.visits.add(visit)
    article.countries.add(country)
    article.people.add(*[p.person for p in participations])
    article.organisations.add(*[s.organisation for s in stops])
    article.save(update_fields=["updated_at"])
    VisitProposal.objects.update_or_create(
        article=article,
        defaults={"status": VisitProposal.Status.ACCEPTED, "visit": visit},
    )
    return visit


def proposals_fill(articles, *, progress=None) -> int:
    """Store a proposal for each article that describes a visit; returns how many.

    An article already linked to a visit, or with a proposal, is skipped: the
    queue never asks twice about the same article.
    """
    created = 0
    articles = articles.filter(visits__isnull=True, visit_proposal__isnull=True)
    total = articles.count()
    for done, article in enumerate(articles.iterator(), start=1):
        found = article_extraction(article)
        if (
            found
            and found.visit_date
            and found.country
            and (found.guests or found.hosts or found.organisations)
        ):
            VisitProposal.objects.create(
                article=article,
                data=found.as_json(),
                visit_date=found.visit_date,
                country_code=found.country,
            )
            created += 1
        if progress:
            progress(done, total)
    return created
