"""Precision and recall of the extraction over the annotated corpus.

Two folders: `corpus/` (the rules were developed against these articles, and
the tests hold them to the targets) and `unseen/` (written afterwards and
never used to change a rule, so their scores estimate the real archive).

Each `corpus/NN-*.txt` (an exported article) has a `NN-*.json` beside it with
what a careful reader finds, in the keys of `extract_visit --json`. Single
values (published, byline, language, visit_date, country) count as one
finding each; guests and hosts count their names; roles count (side, name,
role) together; organisations count their names. Text order is reported as
the share of articles whose organisations found are in the expected order.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from articles.importing.parse import parse_export

from .extract import extract_exported
from .folding import fold

CORPUS = Path(__file__).parent / "corpus"
# Written after the rules and never used to change them: the honest estimate.
UNSEEN = Path(__file__).parent / "unseen"
SINGLE = ("published", "byline", "language", "visit_date", "country")
FIELDS = (*SINGLE, "guests", "hosts", "roles", "organisations")


@dataclass
class Score:
    true_positive: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 1.0


@dataclass
class Evaluation:
    scores: dict[str, Score] = field(
        default_factory=lambda: {f: Score() for f in FIELDS}
    )
    articles: int = 0
    exact_order: int = 0
    mismatches: list[str] = field(default_factory=list)


def _items(data: dict, name: str) -> set:
    if name in SINGLE:
        return {data[name]} if data.get(name) else set()
    if name in ("guests", "hosts"):
        return {fold(person["name"]) for person in data.get(name) or []}
    if name == "roles":
        return {
            (side, fold(person["name"]), fold(person["role"]))
            for side in ("guests", "hosts")
            for person in data.get(side) or []
        }
    return {fold(org) for org in data.get(name) or []}


def evaluate(corpus: Path = CORPUS) -> Evaluation:
    result = Evaluation()
    for path in sorted(corpus.glob("*.txt")):
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        found = extract_exported(parse_export(path.read_bytes(), path.name)).as_json()
        result.articles += 1
        for name in FIELDS:
            want, got = _items(expected, name), _items(found, name)
            score = result.scores[name]
            score.true_positive += len(want & got)
            score.predicted += len(got)
            score.expected += len(want)
            if want != got:
                result.mismatches.append(
                    f"{path.name} {name}: missing {sorted(want - got)}, "
                    f"extra {sorted(got - want)}"
                )
        # The order of the organisations both lists have.
        wanted = [fold(o) for o in expected["organisations"]]
        got = [fold(o) for o in found["organisations"]]
        if [o for o in got if o in wanted] == [o for o in wanted if o in got]:
            result.exact_order += 1
    return result
