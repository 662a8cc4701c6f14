"""Words and punctuation with their offsets, and the word lists of the rules."""

import re
from dataclasses import dataclass
from functools import cache

from .folding import fold
from .gazetteer import lexicon

TOKEN = re.compile(r"[^\W\d_][\w’'\-]*\.?|\d+\.?|&|[^\w\s]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        return self.text.rstrip(".")

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_capital(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_initial(self) -> bool:
        return len(self.bare) == 1 and self.text.endswith(".")


def abbreviations() -> set[str]:
    words = set(lexicon()["academic_titles"])
    for forms in lexicon()["honorifics"].values():
        words.update(word for form in forms for word in form.split())
    return {fold(word) for word in words if word.endswith(".")}


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(abbreviations())


def tokenize(text: str) -> list[Token]:
    """Words keep a final dot only when they are initials or abbreviations."""
    tokens = []
    for match in TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if (
            word.endswith(".")
            and len(word) > 2
            and fold(word) not in _abbreviations()
            and not word[:-1].isdigit()
        ):
            tokens.append(Token(word[:-1], start, end - 1))
            tokens.append(Token(".", end - 1, end))
        else:
            tokens.append(Token(word, start, end))
    return tokens


def sequences(phrases) -> list[tuple[str, ...]]:
    """Phrases as folded token sequences, longest first."""
    result = {tuple(t.key for t in tokenize(p)) for p in phrases}
    return sorted(result, key=len, reverse=True)


def match_at(tokens: list[Token], i: int, options) -> tuple[str, ...] | None:
    """The first (longest) sequence of *options* that starts at token *i*."""
    for seq in options:
        if tuple(t.key for t in tokens[i : i + len(seq)]) == seq:
            return seq
    return None


@cache
def honorifics() -> list[tuple[str, ...]]:
    return sequences(p for forms in lexicon()["honorifics"].values() for p in forms)


@cache
def academic_titles() -> list[tuple[str, ...]]:
    return sequences(lexicon()["academic_titles"])


@cache
def connectors(language: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon()["connectors"].get(language, []))


def skip_titles(tokens: list[Token], i: int) -> tuple[int, str]:
    """Skip honorifics and academic titles from token *i*.

    Returns the next token's index and the case a Czech honorific implies
    ("pana" -> genitive), so that the name after it can be put back.
    """
    case = ""
    while i < len(tokens):
        seq = match_at(tokens, i, honorifics()) or match_at(
            tokens, i, academic_titles()
        )
        if not seq:
            break
        word = " ".join(seq)
        case = {"pana": "gen", "panu": "dat", "panem": "ins", "pani": "fem"}.get(
            word, case
        )
        i += len(seq)
    return i, case
