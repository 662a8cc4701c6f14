"""Links an article's text suggests: countries, people, organisations, visits.

`suggest_links()` reads the article in every language it has and returns
what it could be linked to, each with the words that triggered it. What is
already linked, and what an editor accepted or dismissed before
(`SuggestionDecision`), is not suggested again. `suggestion_accept()` and
`suggestion_dismiss()` record the editor's answer; accepting adds the link.
"""

import datetime
from collections import OrderedDict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Model, Q
from django.utils.translation import gettext_lazy as _

from delegations.models import Country, Organisation, Person, Visit
from regionnews.core.languages import language_codes
from regionnews.core.translation_status import plain_text

from .extraction.dates import find_dates
from .extraction.gazetteer import Gazetteer, country_gazetteer, home_country
from .models import Article, SuggestionDecision

Kind = SuggestionDecision.Kind
RELATION = {
    Kind.COUNTRY: "countries",
    Kind.PERSON: "people",
    Kind.ORGANISATION: "organisations",
    Kind.VISIT: "visits",
}
MODEL = {
    Kind.COUNTRY: Country,
    Kind.PERSON: Person,
    Kind.ORGANISATION: Organisation,
    Kind.VISIT: Visit,
}
KIND_LABELS = {
    Kind.COUNTRY: _("Country"),
    Kind.PERSON: _("Person"),
    Kind.ORGANISATION: _("Organisation"),
    Kind.VISIT: _("Visit"),
}


@dataclass
class Suggestion:
    kind: str
    obj: Model
    words: list[str] = field(default_factory=list)

    @property
    def label(self):
        return KIND_LABELS[self.kind]

    @property
    def words_text(self) -> str:
        return ", ".join(f"“{word}”" for word in self.words)


def article_texts(article: Article) -> dict[str, str]:
    """{"cs": "title lead body", ...} for each language the article has text in."""
    texts = {}
    for code in language_codes():
        parts = [
            getattr(article, f"{name}_{code}") or ""
            for name in ("title", "lead", "body")
        ]
        text = "\n\n".join(plain_text(part) for part in parts if part)
        if text.strip():
            texts[code] = text
    return texts


def people_gazetteer() -> Gazetteer:
    """Everyone in the registry by name, with Czech case endings."""
    return Gazetteer(
        [
            (name, pk, True, True)
            for pk, name in Person.objects.values_list("pk", "name")
        ]
    )


def organisations_gazetteer() -> Gazetteer:
    """Every organisation by its names in each language and by its aliases."""
    columns = [f"name_{code}" for code in language_codes()]
    entries = []
    for row in Organisation.objects.values("pk", "aliases", *columns):
        names = {row[column] for column in columns if row[column]}
        names |= {line.strip() for line in row["aliases"].splitlines() if line.strip()}
        entries.extend((name, row["pk"], True, True) for name in names)
    return Gazetteer(entries)


def _collect(found: "OrderedDict[tuple, list[str]]", kind: str, key, word: str):
    words = found.setdefault((kind, key), [])
    if word not in words:
        words.append(word)


def suggest_links(article: Article) -> list[Suggestion]:
    """What the text names that the article is not linked to (nor was refused)."""
    texts = article_texts(article)
    found: OrderedDict[tuple, list[str]] = OrderedDict()
    home = home_country()
    published = article.published_at or article.created_at or datetime.datetime.now()
    country_codes: set[str] = set()
    dates: dict[datetime.date, str] = {}
    people, organisations = people_gazetteer(), organisations_gazetteer()
    for code, text in texts.items():
        for match in country_gazetteer().find(text):
            if match.key != home:
                country_codes.add(match.key)
                _collect(found, Kind.COUNTRY, match.key, match.text)
        for match in people.find(text):
            _collect(found, Kind.PERSON, match.key, match.text)
        for match in organisations.find(text):
            _collect(found, Kind.ORGANISATION, match.key, match.text)
        for mention in find_dates(text, code, published):
            dates.setdefault(mention.date, text[mention.start : mention.end])

    countries = {c.code: c for c in Country.objects.filter(code__in=country_codes)}
    if dates and countries:
        matching = Q()
        for day in dates:
            matching |= Q(start_date__lte=day) & (
                Q(end_date__gte=day) | Q(end_date__isnull=True, start_date=day)
            )
        for visit in Visit.objects.filter(matching, country__in=countries.values()):
            words = [w for day, w in dates.items() if _within(visit, day)]
            country_words = found.get((Kind.COUNTRY, visit.country.code), [])
            found[(Kind.VISIT, visit.pk)] = [*words, *country_words[:1]]

    objects = {
        Kind.COUNTRY: {c.pk: c for c in countries.values()},
        Kind.PERSON: Person.objects.in_bulk(
            [k for kind, k in found if kind == Kind.PERSON]
        ),
        Kind.ORGANISATION: Organisation.objects.in_bulk(
            [k for kind, k in found if kind == Kind.ORGANISATION]
        ),
        Kind.VISIT: Visit.objects.in_bulk(
            [k for kind, k in found if kind == Kind.VISIT]
        ),
    }
    code_to_pk = {c.code: c.pk for c in countries.values()}
    excluded = _linked_or_decided(article)
    suggestions = []
    for (kind, key), words in found.items():
        pk = code_to_pk.get(key) if kind == Kind.COUNTRY else key
        obj = objects[kind].get(pk)
        if obj is None or (kind, pk) in excluded:
            continue
        suggestions.append(Suggestion(kind=kind, obj=obj, words=words))
    order = list(RELATION)
    suggestions.sort(key=lambda s: order.index(s.kind))
    return suggestions


def _within(visit: Visit, day: datetime.date) -> bool:
    return visit.start_date <= day <= (visit.end_date or visit.start_date)


def _linked_or_decided(article: Article) -> set[tuple[str, int]]:
    excluded = set(article.suggestion_decisions.values_list("kind", "object_id"))
    if article.pk:
        for kind, relation in RELATION.items():
            excluded |= {
                (kind, pk)
                for pk in getattr(article, relation).values_list("pk", flat=True)
            }
    return excluded


def _decide(article, kind, object_id, decision, words, user) -> SuggestionDecision:
    record, _created = SuggestionDecision.objects.update_or_create(
        article=article,
        kind=kind,
        object_id=object_id,
        defaults={"decision": decision, "words": words[:500], "decided_by": user},
    )
    return record


@transaction.atomic
def suggestion_accept(
    *, article: Article, kind: str, object_id: int, words: str = "", user=None
) -> Model:
    """Link the article to the suggested object and remember the answer.

    The article's version goes up, so that a change form opened before this
    reports the conflict instead of silently dropping the new link.
    """
    obj = MODEL[kind].objects.get(pk=object_id)
    getattr(article, RELATION[kind]).add(obj)
    article.save(update_fields=["updated_at"])
    _decide(article, kind, object_id, SuggestionDecision.Decision.ACCEPTED, words, user)
    return obj


@transaction.atomic
def suggestion_dismiss(
    *, article: Article, kind: str, object_id: int, words: str = "", user=None
) -> None:
    """Remember that the link is not wanted, so that it is not suggested again."""
    MODEL[kind].objects.get(pk=object_id)
    _decide(
        article, kind, object_id, SuggestionDecision.Decision.DISMISSED, words, user
    )
