"""Gazetteers: countries by name and adjective in cs/en/de, and the registry's names.

Country names come from CLDR (Babel) and pycountry; adjectives from CLDR's
language names where the language belongs to the country ("Kazakh",
"kazaština" -> "kazašský", "Kasachisch"), plus data/country_words.json for
the demonyms CLDR does not have. Czech words are matched with their case
endings ("Kazachstánu", "s Kazachstánem"). Everything is local data: nothing
is downloaded at run time.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
from babel import Locale
from babel.core import get_global

from .folding import fold

DATA = Path(__file__).parent / "data"
CZECH_ENDINGS = (
    "a", "u", "e", "ě", "y", "i", "í", "o", "ou", "em", "ech", "ích", "ách",
    "ům", "ám", "ami", "emi", "ovi", "ové", "ého", "ému", "ém", "ým", "ých",
    "ými", "á", "é", "ý", "je", "en", "er", "es",
)  # fmt: skip
VOWELS = set("aeiouyáéíóúůýě")


@cache
def lexicon() -> dict:
    return json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))


def czech_stem(word: str) -> str:
    """The part of a Czech word the case endings attach to ("Kazachstán", "Polsk")."""
    if len(word) > 4 and word[-1].lower() in VOWELS:
        return word[:-1]
    return word


def word_pattern(word: str, czech: bool) -> str:
    """A regex (on folded text) for one word, with Czech endings when asked."""
    folded = fold(word)
    if not czech or len(folded) < 4 or not folded[-1].isalpha():
        return re.escape(folded)
    stem = fold(czech_stem(word))
    endings = "|".join(sorted({fold(e) for e in CZECH_ENDINGS}, key=len, reverse=True))
    return f"{re.escape(stem)}(?:{endings})?"


def phrase_pattern(phrase: str, czech: bool) -> str:
    """Words of a phrase with any spacing; each word with Czech endings if asked.

    Other names take a genitive or possessive s ("Kasachstans", "Kazakhstan's").
    """
    words = phrase.split()
    pattern = r"\s+".join(word_pattern(word, czech) for word in words)
    return pattern if czech else pattern + "(?:s|['’]s)?"


@dataclass(frozen=True)
class Match:
    key: object
    start: int
    end: int
    text: str


class Gazetteer:
    """Many phrases compiled into one regex over folded text; longest match wins."""

    def __init__(self, entries: list[tuple[str, object, bool, bool]]):
        """*entries*: (phrase, key, czech endings?, must start with a capital?)."""
        self.by_pattern: dict[str, tuple[object, bool]] = {}
        for phrase, key, czech, capital in entries:
            phrase = phrase.strip()
            if len(fold(phrase)) < 2:
                continue
            self.by_pattern.setdefault(phrase_pattern(phrase, czech), (key, capital))
        # Regex alternation takes the first alternative that matches: phrases of
        # more words first ("Česká republika" before "český"), then longer ones.
        patterns = sorted(
            self.by_pattern, key=lambda p: (p.count(r"\s+"), len(p)), reverse=True
        )
        self.keys = [self.by_pattern[p] for p in patterns]
        self.regex = (
            re.compile(
                "|".join(f"(?P<g{i}>{p})" for i, p in enumerate(patterns)).join(
                    (r"(?<!\w)(?:", r")(?!\w)")
                )
            )
            if patterns
            else None
        )

    def find(self, text: str, folded: str | None = None) -> list[Match]:
        if self.regex is None:
            return []
        folded = fold(text) if folded is None else folded
        found = []
        for match in self.regex.finditer(folded):
            index = int(match.lastgroup[1:])
            key, capital = self.keys[index]
            original = text[match.start() : match.end()]
            if capital and not original[:1].isupper():
                continue
            found.append(Match(key, match.start(), match.end(), original))
        return found


def _language_adjectives() -> dict[str, list[tuple[str, str]]]:
    """{"KZ": [("Kazakh", "en"), ("kazašsk", "cs"), ("kasachisch", "de")], ...}"""
    likely = get_global("likely_subtags")
    english = Locale("en")
    result: dict[str, list[tuple[str, str]]] = {}
    for language, name in english.languages.items():
        if "_" in language or language not in likely:
            continue
        territory = likely[language].split("_")[-1]
        country_name = english.territories.get(territory, "")
        # Only a language named like its country ("Kazakh" and "Kazakhstan"):
        # "Portuguese" must not mean Brazil, nor "English" the United States.
        if not any(
            word[:3].lower() == name[:3].lower() for word in country_name.split()
        ):
            continue
        words = [(name, "en")]
        czech = Locale("cs").languages.get(language, "")
        for suffix, replacement in (("ština", "ský"), ("čtina", "cký")):
            if czech.endswith(suffix) and len(czech) > len(suffix) + 1:
                words.append((czech[: -len(suffix)] + replacement, "cs"))
                break
        german = Locale("de").languages.get(language, "")
        if german.endswith("isch"):
            words.append((german.lower(), "de"))
        result.setdefault(territory, []).extend(words)
    return result


@cache
def country_gazetteer() -> Gazetteer:
    """Every country by its names (capitalised) and adjectives, in cs, en and de."""
    entries: list[tuple[str, object, bool, bool]] = []
    locales = {lang: Locale(lang) for lang in ("cs", "en", "de")}
    for country in pycountry.countries:
        code = country.alpha_2
        for lang, locale in locales.items():
            name = locale.territories.get(code)
            if name:
                entries.append((name, code, lang == "cs", True))
        for attribute in ("name", "common_name"):
            if getattr(country, attribute, None):
                entries.append((getattr(country, attribute), code, False, True))
    for code, words in _language_adjectives().items():
        for word, lang in words:
            entries.append((word, code, lang == "cs", lang == "en"))
    extra = json.loads((DATA / "country_words.json").read_text(encoding="utf-8"))
    for code, words in extra.items():
        if code.startswith("_"):
            continue
        for word in words:
            # A lower-case word is an adjective: Czech ones take endings, German
            # ones ("kasachisch") take theirs too (e, en, er, es, em).
            czech = word[:1].islower() or any(c in word for c in "ěščřžůň")
            entries.append((word, code, czech, word[:1].isupper()))
    return Gazetteer(entries)


def home_country() -> str:
    return lexicon()["home_country"]
