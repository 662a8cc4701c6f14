"""The first draft of an article about a visit, in Czech, English and German.

The headline and the lead are built from the visit: who came (the first guest's
role at the time makes the headline), when, whom they met and which
organisations they toured; the body starts with the visit's purpose and outcome.
The editor finishes the text. These are content templates in each language,
not interface strings, so they are written out here rather than translated
through gettext: each language needs its own word order and agreement.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from babel.dates import format_date
from django.utils import translation
from django.utils.html import escape
from django.utils.text import Truncator

from delegations.models import Participation, Person, Stop, Visit

# The region the site belongs to, as each language's sentences need it.
REGION = {
    "cs": "Plzeňský kraj",  # nominative = accusative
    "en": "the Pilsen Region",
    "de": "die Region Pilsen",  # accusative
}
DELEGATION_OF_REGION = {
    "cs": "delegace Plzeňského kraje",
    "en": "a delegation of the Pilsen Region",
    "de": "eine Delegation der Region Pilsen",
}
AND = {"cs": "a", "en": "and", "de": "und"}

# Czech: "ve čtvrtek", "v pátek" ... (Monday is 0).
CS_ON_WEEKDAY = [
    "v pondělí",
    "v úterý",
    "ve středu",
    "ve čtvrtek",
    "v pátek",
    "v sobotu",
    "v neděli",
]
# Czech feminine role nouns end like this: velvyslankyně, ředitelka, ...
CS_FEMININE_ENDINGS = ("yně", "ka", "ice", "ová")
FEMININE_HONORIFICS = {"paní", "mrs", "mrs.", "ms", "ms.", "frau", "madame"}

TITLE_MAX_LENGTH = 250


@dataclass(frozen=True)
class ArticleDraft:
    """Texts per language: {"cs": ..., "en": ..., "de": ...}."""

    title: dict[str, str]
    lead: dict[str, str]
    body: dict[str, str]


def visit_article_draft(
    visit: Visit, participations: Sequence[Participation], stops: Sequence[Stop]
) -> ArticleDraft:
    """The headline, lead and body of a draft article about *visit*."""
    guests = [p for p in participations if p.side == Participation.Side.GUEST]
    hosts = [p for p in participations if p.side == Participation.Side.HOST]
    title, lead, body = {}, {}, {}
    for lang, write in WRITERS.items():
        headline, first_paragraph = write(visit, guests, hosts, stops)
        title[lang] = Truncator(headline).chars(TITLE_MAX_LENGTH)
        lead[lang] = first_paragraph
        body[lang] = "".join(
            paragraphs(text)
            for text in (
                getattr(visit, f"purpose_{lang}", ""),
                getattr(visit, f"outcome_{lang}", ""),
            )
            if text and text.strip()
        )
    return ArticleDraft(title=title, lead=lead, body=body)


# --- pieces shared by the languages -----------------------------------------


def paragraphs(text: str) -> str:
    """Plain text as escaped HTML paragraphs; a blank line starts a new one."""
    return "".join(
        "<p>{}</p>".format(escape(part.strip()).replace("\n", "<br>"))
        for part in re.split(r"\n\s*\n", text.strip())
        if part.strip()
    )


def role(participation: Participation, lang: str) -> str:
    """The role at the time in *lang*, else the person's current title; no other
    language's text, which would not fit the sentence."""
    return (
        getattr(participation, f"role_{lang}", "")
        or getattr(participation.person, f"title_{lang}", "")
        or ""
    ).strip()


def name(participation: Participation, lang: str) -> str:
    """ "H. E. Ing. Jan Novák, Ph.D." with the honorific of *lang* only (H. E. in
    English is J. E. in Czech); academic titles fall back like the public pages."""
    person = participation.person
    with translation.override(lang):
        before, after = person.titles_before, person.titles_after
    honorific = getattr(person, f"honorific_{lang}", "") or ""
    full = " ".join(part for part in (honorific, before, person.name) if part)
    return f"{full}, {after}" if after else full


def join(items: Sequence[str], lang: str) -> str:
    """ "A", "A and B", "A, B and C" in *lang*."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {AND[lang]} {items[-1]}"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """ "Velvyslanec ..." -> "velvyslanec ..." mid-sentence, but keep "EU ..."."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def visit_title(visit: Visit, lang: str) -> str:
    return getattr(visit, f"title_{lang}", "") or visit.title


def stop_names(stops: Sequence[Stop], lang: str) -> list[str]:
    with translation.override(lang):
        return [stop.organisation.name for stop in stops]


def is_feminine(participation: Participation) -> bool:
    """The person's grammatical gender as recorded; where it is unknown, a guess
    from the honorific, else from the Czech role's ending."""
    person = participation.person
    gender = getattr(person, "grammatical_gender", Person.GrammaticalGender.UNKNOWN)
    if gender != Person.GrammaticalGender.UNKNOWN:
        return gender == Person.GrammaticalGender.FEMININE
    for lang in ("cs", "en", "de"):
        honorific = (getattr(person, f"honorific_{lang}", "") or "").lower()
        if honorific in FEMININE_HONORIFICS:
            return True
    first_word = role(participation, "cs").split(" ")[0].lower()
    return first_word.endswith(CS_FEMININE_ENDINGS)


def cs_past_suffix(people: Sequence[Participation]) -> str:
    """navštívil / navštívila / navštívili / navštívily."""
    feminine = [is_feminine(p) for p in people]
    if len(people) == 1:
        return "a" if feminine[0] else ""
    return "y" if people and all(feminine) else "i"


def de_noun(people: Sequence[Participation], masculine: str, feminine: str) -> str:
    """Gastgeber / Gastgeberin / Gastgeberinnen (all women) / Gastgeber (mixed)."""
    women = [is_feminine(p) for p in people]
    if len(people) == 1:
        return feminine if women[0] else masculine
    return f"{feminine}nen" if people and all(women) else masculine


def dates(visit: Visit, lang: str, patterns: dict[str, str]) -> dict[str, str]:
    """The visit's dates formatted with Babel patterns: start and end variants."""
    return {
        key: format_date(day, pattern, locale=lang)
        for key, (day, pattern) in {
            "start": (visit.start_date, patterns["full"]),
            "start_day": (visit.start_date, patterns["day"]),
            "start_month": (visit.start_date, patterns["day_month"]),
            "end": (visit.end_date or visit.start_date, patterns["full"]),
            "weekday": (visit.start_date, "EEEE"),
        }.items()
    }


def date_range_kind(visit: Visit) -> str:
    start, end = visit.start_date, visit.end_date
    if not end or end == start:
        return "one_day"
    if (start.year, start.month) == (end.year, end.month):
        return "same_month"
    return "same_year" if start.year == end.year else "years"


# --- English -------------------------------------------------------------------


def en_people(people: Sequence[Participation], *, more_follows: bool) -> str:
    """ "the Ambassador of Kazakhstan, H. E. Bakyt Dyussenbayev, and Mr. X".

    A role comes with "the" and the name in commas; the closing comma is left
    out at the end of the sentence (*more_follows* False).
    """
    text = ""
    for index, participation in enumerate(people):
        last = index == len(people) - 1
        title = role(participation, "en")
        item = name(participation, "en")
        if title:
            item = f"the {title}, {item}" + ("," if more_follows or not last else "")
        if index:
            comma = "" if text.endswith(",") else ","
            text += " and " if last else f"{comma} "
        text += item
    return text


def en_when(visit: Visit) -> str:
    d = dates(visit, "en", {"full": "d MMMM y", "day": "d", "day_month": "d MMMM"})
    kind = date_range_kind(visit)
    if kind == "one_day":
        return f"On {d['weekday']}, {d['start']}"
    start = {"same_month": "start_day", "same_year": "start_month"}.get(kind, "start")
    return f"From {d[start]} to {d['end']}"


def write_en(visit, guests, hosts, stops) -> tuple[str, str]:
    incoming = visit.direction == Visit.Direction.INCOMING
    country = visit.country.name_en or visit.country.name
    place = REGION["en"] if incoming else country
    if guests:
        headline = capitalise(role(guests[0], "en") or name(guests[0], "en"))
        headline = f"{headline} visited {place}"
        who = en_people(guests, more_follows=True)
    else:
        headline = visit_title(visit, "en")
        who = f"a delegation from {country}" if incoming else DELEGATION_OF_REGION["en"]
    sentences = [f"{en_when(visit)}, {who} visited {place}."]
    if hosts:
        guest_word = "The guests were" if len(guests) > 1 else "The guest was"
        hosts_text = en_people(hosts, more_follows=False)
        sentences.append(f"{guest_word} received by {hosts_text}.")
    if stops:
        places = join(stop_names(stops, "en"), "en")
        sentences.append(f"The programme included visits to {places}.")
    return headline, " ".join(sentences)


# --- Czech ---------------------------------------------------------------------


def cs_person(p: Participation) -> str:
    title = role(p, "cs")
    return f"{lower_first(title)} {name(p, 'cs')}" if title else name(p, "cs")


def cs_when(visit: Visit) -> str:
    d = dates(visit, "cs", {"full": "d. MMMM y", "day": "d.", "day_month": "d. MMMM"})
    kind = date_range_kind(visit)
    if kind == "one_day":
        return f"{CS_ON_WEEKDAY[visit.start_date.weekday()]} {d['start']}"
    if kind == "same_month":
        return f"ve dnech {d['start_day']}–{d['end']}"
    start = d["start_month"] if kind == "same_year" else d["start"]
    return f"ve dnech {start} – {d['end']}"


def write_cs(visit, guests, hosts, stops) -> tuple[str, str]:
    incoming = visit.direction == Visit.Direction.INCOMING
    country = visit.country.name_cs or visit.country.name
    # "zemi Kazachstán": the name stays in the nominative after "země".
    place = REGION["cs"] if incoming else f"zemi {country}"
    if guests:
        suffix = cs_past_suffix(guests[:1])
        subject = capitalise(role(guests[0], "cs") or name(guests[0], "cs"))
        headline = f"{subject} navštívil{suffix} {place}"
        who = join([cs_person(p) for p in guests], "cs")
        verb = f"navštívil{cs_past_suffix(guests)}"
    else:
        headline = visit_title(visit, "cs")
        who = f"delegace ze země {country}" if incoming else DELEGATION_OF_REGION["cs"]
        verb = "navštívila"
    sentences = [f"{capitalise(cs_when(visit))} {verb} {place} {who}."]
    if hosts:
        guest_word = "Hosty" if len(guests) > 1 else "Hosta"
        hosts_text = join([cs_person(p) for p in hosts], "cs")
        sentences.append(f"{guest_word} přijal{cs_past_suffix(hosts)} {hosts_text}.")
    if stops:
        sentences.append(f"Program návštěvy: {join(stop_names(stops, 'cs'), 'cs')}.")
    return headline, " ".join(sentences)


# --- German --------------------------------------------------------------------


def de_person(p: Participation) -> str:
    title = role(p, "de")
    return f"{title} {name(p, 'de')}" if title else name(p, "de")


def de_when(visit: Visit) -> str:
    d = dates(visit, "de", {"full": "d. MMMM y", "day": "d.", "day_month": "d. MMMM"})
    kind = date_range_kind(visit)
    if kind == "one_day":
        return f"Am {d['weekday']}, dem {d['start']},"
    start = {"same_month": "start_day", "same_year": "start_month"}.get(kind, "start")
    return f"Vom {d[start]} bis {d['end']}"


def write_de(visit, guests, hosts, stops) -> tuple[str, str]:
    incoming = visit.direction == Visit.Direction.INCOMING
    country = visit.country.name_de or visit.country.name
    place = REGION["de"] if incoming else country
    if guests:
        subject = capitalise(role(guests[0], "de") or name(guests[0], "de"))
        headline = f"{subject} besuchte {place}"
        who = join([de_person(p) for p in guests], "de")
        verb = "besuchten" if len(guests) > 1 else "besuchte"
    else:
        headline = visit_title(visit, "de")
        who = (
            f"eine Delegation aus {country}" if incoming else DELEGATION_OF_REGION["de"]
        )
        verb = "besuchte"
    sentences = [f"{de_when(visit)} {verb} {who} {place}."]
    if hosts:
        verb = "waren" if len(hosts) > 1 else "war"
        noun = de_noun(hosts, "Gastgeber", "Gastgeberin")
        sentences.append(f"{noun} {verb} {join([de_person(p) for p in hosts], 'de')}.")
    if stops:
        sentences.append(f"Auf dem Programm: {join(stop_names(stops, 'de'), 'de')}.")
    return headline, " ".join(sentences)


Writer = Callable[
    [Visit, Sequence[Participation], Sequence[Participation], Sequence[Stop]],
    tuple[str, str],
]
WRITERS: dict[str, Writer] = {"cs": write_cs, "en": write_en, "de": write_de}
