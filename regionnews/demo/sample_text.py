"""The words of the sample archive (data/sample_words.json), how many of each
thing go with N articles, and the fingerprints of the texts made from them;
used by regionnews/demo/sample_data.py."""

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from regionnews.core.translation_status import fingerprint

WORDS_FILE = Path(__file__).with_name("data") / "sample_words.json"

# (what is being written, how many are done, how many in all)
Progress = Callable[[str, int, int], None]


class NotEmpty(Exception):
    """The database already holds articles; sample data fills an empty archive."""


@dataclass(frozen=True)
class SampleSize:
    """How many of each thing go with *articles* articles (ratios of the real site)."""

    articles: int

    @property
    def visits(self) -> int:
        return max(10, self.articles // 3)

    @property
    def people(self) -> int:
        return max(30, self.articles // 20)

    @property
    def organisations(self) -> int:
        return max(20, self.articles // 100)


def plain_fingerprints(texts: dict[tuple[str, str], str], fields, languages):
    """Fingerprints of the complete languages, as EditorialModel.save() stores them."""
    read = lambda field, lang: texts.get((field, lang), "")  # noqa: E731
    return {lang: fingerprint(read, lang, fields) for lang in languages}


class SampleText:
    """Seeded sentences and paragraphs in each language, from the word lists."""

    def __init__(self, *, seed: int):
        self.rng = random.Random(seed)
        self.words = json.loads(WORDS_FILE.read_text(encoding="utf-8"))

    def sentence(self, lang: str, low: int = 7, high: int = 18) -> str:
        words = self.rng.choices(
            self.words["words"][lang], k=self.rng.randint(low, high)
        )
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, lang: str) -> str:
        return " ".join(self.sentence(lang) for _ in range(self.rng.randint(3, 6)))

    def fill(self, template: str, lang: str, **names) -> str:
        return template.format(**{key: value[lang] for key, value in names.items()})
