"""Organisations named in the text, in the order it names them.

A name is a run of capitalised words around an organisation word: "the
University of West Bohemia", "Pilsner Urquell Brewery", "die Westböhmische
Universität in Pilsen", "Západočeskou univerzitu" (given in the nominative).
After a generic word the name is what follows: "the company Škoda
Transportation", "pivovar Plzeňský Prazdroj", "das Unternehmen ...".
A trailing generic word is dropped ("Škoda Transportation Company").
"""

from dataclasses import dataclass
from functools import cache

from .folding import fold
from .gazetteer import lexicon
from .tokens import Token, connectors

STOP = {",", ".", ";", ":", "(", ")", "!", "?", "–", "—", '"', "“", "”", "„"}
LEADING = {"the", "a", "an", "die", "der", "das", "den", "dem", "des"}


@dataclass
class OrganisationMention:
    name: str
    start: int
    end: int


@cache
def czech_words() -> dict[str, tuple[str, bool]]:
    """Folded Czech organisation words in any case -> (nominative, feminine)."""
    table = {}
    for entry in lexicon()["czech_organisation_words"]:
        for form in [entry["lemma"], *entry["forms"]]:
            table[fold(form)] = (entry["lemma"], entry.get("feminine", False))
    return table


@cache
def generic_words(language: str) -> frozenset[str]:
    return frozenset(
        fold(w) for w in lexicon()["generic_organisation_words"].get(language, [])
    )


def is_keyword(token: Token, language: str) -> bool:
    key = token.key
    if language == "de":
        words = lexicon()["organisation_words"]["de"]
        return token.is_capital and any(
            key == fold(w) or (len(w) >= 4 and key.endswith(fold(w))) for w in words
        )
    if language == "cs":
        return key in czech_words()
    return token.text in lexicon()["organisation_words"]["en"]


def czech_nominative(word: str, feminine: bool) -> str:
    """ "Západočeskou" -> "Západočeská", "Plzeňského" stays (a genitive after)."""
    lower = word.lower()
    if feminine:
        for ending in ("ou", "é"):
            if lower.endswith(ending) and lower[-len(ending) - 1 : -len(ending)] in (
                "k", "n", "c", "r", "v", "l", "d", "t", "s", "h",
            ):  # fmt: skip
                return word[: -len(ending)] + "á"
        return word
    for ending, replacement in (("ého", "ý"), ("ému", "ý"), ("ém", "ý"), ("ým", "ý")):
        if lower.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


def _capital(token: Token) -> bool:
    return token.is_capital and (token.is_word or token.text == "&")


def find_organisations(
    text: str, tokens: list[Token], language: str, skip: list[tuple[int, int]]
) -> list[OrganisationMention]:
    """Organisations outside the *skip* spans (roles and names of people)."""
    joins = connectors(language)
    generic = generic_words(language)
    found: list[OrganisationMention] = []
    taken = -1
    for i, token in enumerate(tokens):
        if i <= taken or any(a <= token.start < b for a, b in skip):
            continue
        if (
            token.key in generic
            and not token.is_capital
            or (language == "de" and token.key in generic)
        ):
            # The generic word names the kind; the name follows it.
            k = i + 1
            while k < len(tokens) and (
                _capital(tokens[k]) and not is_keyword(tokens[k], language)
            ):
                k += 1
            if k > i + 1:
                found.append(_mention(text, tokens, i + 1, k, language))
                taken = k - 1
            continue
        if not is_keyword(token, language):
            continue
        start = _left_edge(tokens, i, language, joins)
        if (
            language == "cs"
            and not any(_capital(t) for t in tokens[start : i + 1])
            and not (i + 1 < len(tokens) and _capital(tokens[i + 1]))
        ):
            # "navštívil univerzitu": a Czech organisation word alone is no name,
            # unless a capitalised genitive follows ("univerzitu Palackého").
            continue
        end = i + 1
        while end < len(tokens):
            nxt = tokens[end]
            if _capital(nxt) and not any(a <= nxt.start < b for a, b in skip):
                end += 1
                continue
            after = tokens[end + 1] if end + 1 < len(tokens) else None
            if nxt.key in joins and after is not None and _capital(after):
                if nxt.key in ("and", "und", "a") and any(
                    is_keyword(t, language) for t in tokens[end + 1 : end + 5]
                ):
                    break
                end += 2
                continue
            if (
                language == "cs"
                and nxt.is_word
                and not nxt.is_capital
                and _capital(tokens[end - 1])
                and tokens[end - 1].key.endswith(("eho", "ske", "ych", "ich"))
            ):
                end += 1  # "Plzeňského kraje"
                continue
            if (
                nxt.key in ("the", "der", "des")
                and after is not None
                and _capital(after)
            ):
                end += 1
                continue
            third = tokens[end + 2] if end + 2 < len(tokens) else None
            if (
                nxt.key in joins
                and nxt.key not in ("and", "und", "a")
                and after is not None
                and after.key in ("the", "der", "des", "dem")
                and third is not None
                and _capital(third)
            ):
                end += 3  # "of the University"
                continue
            break
        while end > i + 1 and tokens[end - 1].key in joins:
            end -= 1
        # A trailing generic word is not part of the name ("... Company").
        if end - 1 > start and tokens[end - 1].key in generic:
            end -= 1
        found.append(_mention(text, tokens, start, end, language))
        taken = end - 1
    return found


ADJECTIVE_ENDINGS = {
    "cs": ("í", "é", "ý", "á", "ou", "ého", "ých", "ské", "cké"),
    "de": ("e", "en", "er", "es"),
}


def _left_edge(tokens: list[Token], i: int, language: str, joins) -> int:
    """Where the name before the organisation word at *i* begins.

    Capitalised words ("Pilsner Urquell Brewery", "Science and Technology
    Park"); in Czech and German also lower-case adjectives, joined by "a"
    ("Výzkumné a zkušební centrum", "Krajskou hospodářskou komoru"), as long
    as the name starts with a capital.
    """
    start = i
    adjectives = ADJECTIVE_ENDINGS.get(language, ())
    while start > 0:
        before = tokens[start - 1]
        if (
            before.key in ("and", "und", "a")
            and start - 2 >= 0
            and (
                tokens[start - 2].text.endswith(adjectives)
                if language == "cs"
                else _capital(tokens[start - 2])
            )
        ):
            start -= 2  # "Science and Technology Park"
            continue
        if before.text in STOP or before.key in LEADING or before.key in joins:
            break
        if _capital(before) or (
            adjectives and before.is_word and before.text.endswith(adjectives)
        ):
            start -= 1
            continue
        break
    while start < i and not _capital(tokens[start]):
        start += 1
    return start


def _mention(text, tokens, start, end, language) -> OrganisationMention:
    if language == "cs":
        words = [t.text for t in tokens[start:end]]
        for n, token in enumerate(tokens[start:end]):
            if token.key in czech_words():
                lemma, feminine = czech_words()[token.key]
                words[n] = lemma if token.text.islower() else lemma.capitalize()
                for m in range(n):
                    words[m] = czech_nominative(words[m], feminine)
                break
        name = " ".join(words)
    else:
        name = text[tokens[start].start : tokens[end - 1].end]
    return OrganisationMention(
        name=" ".join(name.split()), start=tokens[start].start, end=tokens[end - 1].end
    )
