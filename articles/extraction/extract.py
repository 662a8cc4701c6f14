"""What an article says about a visit: `extract()` returns an `Extraction`.

Deterministic rules over gazetteers, no model and no network: the same text
gives the same result, so the evaluation (`make eval-extraction`) measures
the rules themselves. The title is read for the country only; people, the
date and organisations come from the paragraphs.
"""

import datetime
from collections import Counter
from dataclasses import asdict, dataclass, field

from .dates import find_dates
from .folding import fold
from .gazetteer import country_gazetteer, home_country, lexicon
from .organisations import find_organisations
from .people import find_people
from .tokens import tokenize


@dataclass
class Participant:
    name: str
    role: str


@dataclass
class Extraction:
    published: str | None
    byline: str
    language: str
    visit_date: str | None
    country: str | None
    guests: list[Participant] = field(default_factory=list)
    hosts: list[Participant] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    # Where each finding is in the text, for the review screen: not in as_json().
    evidence: dict[str, str] = field(default_factory=dict)
    # Offsets in the paragraphs joined by blank lines: where each organisation
    # is named, and the spans of people and their roles (not in as_json()).
    organisation_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    people_spans: list[tuple[int, int]] = field(default_factory=list)

    def as_json(self) -> dict:
        data = asdict(self)
        for key in ("evidence", "organisation_spans", "people_spans"):
            data.pop(key)
        return data


def main_country(title: str, body: str) -> tuple[str | None, str]:
    """The foreign country named most often (the first one on a tie)."""
    home = home_country()
    mentions = [
        m
        for part in (title, body)
        for m in country_gazetteer().find(part)
        if m.key != home
    ]
    if not mentions:
        return None, ""
    counts = Counter(m.key for m in mentions)
    best = max(counts.values())
    for mention in mentions:
        if counts[mention.key] == best:
            return mention.key, mention.text
    return None, ""


def is_guest(role: str, context: str) -> bool:
    """A guest's role names a foreign country ("Ambassador of Kazakhstan").

    A role naming the region ("Governor of the Pilsen Region") is a host's;
    any other is a guest's when the paragraph named a foreign country before
    it ("A delegation from Korea ... led by the Vice-Governor of ...").
    """
    home = home_country()
    if any(m.key != home for m in country_gazetteer().find(role)):
        return True
    folded = fold(role)
    if any(
        fold(marker) in folded.split() or " " in marker and fold(marker) in folded
        for marker in lexicon()["home_markers"]
    ):
        return False
    return any(m.key != home for m in country_gazetteer().find(context))


def extract(
    *,
    title: str,
    paragraphs: list[str],
    language: str,
    published: datetime.datetime | None,
    byline: str = "",
) -> Extraction:
    body = "\n\n".join(paragraphs)
    tokens = tokenize(body)
    country, country_words = main_country(title, body)
    dates = find_dates(body, language, published) if published else []
    people = find_people(body, tokens, language)
    guests: list[Participant] = []
    hosts: list[Participant] = []
    seen: set[str] = set()
    for mention in people:
        key = fold(mention.name)
        if key in seen:
            continue
        seen.add(key)
        paragraph_start = body.rfind("\n\n", 0, mention.start) + 1
        context = body[paragraph_start : mention.start]
        side = guests if is_guest(mention.role, context) else hosts
        side.append(Participant(name=mention.name, role=mention.role))
    skip = [mention.role_span for mention in people] + [
        (mention.start, mention.end) for mention in people
    ]
    organisations: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    for mention in find_organisations(body, tokens, language, skip):
        if fold(mention.name) not in {fold(name) for name in organisations}:
            organisations.append(mention.name)
            spans[mention.name] = (mention.start, mention.end)
    evidence = {"country": country_words}
    if dates:
        evidence["visit_date"] = body[dates[0].start : dates[0].end]
    return Extraction(
        published=published.strftime("%Y-%m-%dT%H:%M") if published else None,
        byline=byline,
        language=language,
        visit_date=dates[0].date.isoformat() if dates else None,
        country=country,
        guests=guests,
        hosts=hosts,
        organisations=organisations,
        evidence=evidence,
        organisation_spans=spans,
        people_spans=skip,
    )


def extract_exported(article) -> Extraction:
    """The extraction of a parsed export file (articles.importing.parse)."""
    return extract(
        title=article.title,
        paragraphs=article.paragraphs,
        language=article.language,
        published=article.published,
        byline=article.byline,
    )
