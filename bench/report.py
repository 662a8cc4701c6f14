"""The bench's table and its verdicts on the targets of issue 9."""

import re
from pathlib import Path

# Issue 9's targets, as ratios to the bare view measured in the same run.
CACHE_HIT_MIN = 0.8
COLD_MIN = {"article detail": 0.11, "news list": 0.05, "visit list": 0.05,
            "country page": 0.05}  # fmt: skip
GROWTH_MAX = 1.5
GROWTH_PAGES = ("news list", "news list p.2", "visit list", "country list",
                "statistics", "news feed", "search", "sitemap")  # fmt: skip
SEARCH_P95_MAX = 3.0
# Search with a query never asked before (a new parameter on every request):
# no kept page or result can answer it. Shown beside the targets, which the
# issue sets on the repeated search; a cache cannot help it, so it is left
# out of the cache-hit verdict.
UNCACHED_SEARCH = "search, new each time"
MEMORY_MAX = 1.2

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def growth(runs: list[dict], page: str) -> float | None:
    """Time at the last size over time at the first, each relative to bare."""
    if len(runs) < 2:
        return None
    first, last = runs[0]["cache_off"][page], runs[-1]["cache_off"][page]
    if not last["ratio"]:
        return float("inf")
    return first["ratio"] / last["ratio"]


def render_table(runs: list[dict]) -> str:
    head = ["page"]
    for r in runs:
        n = f"{r['articles']:,}"
        head += [f"{n} off ×bare", f"{n} off p95 ms", f"{n} hit ×bare"]
    if len(runs) > 1:
        head.append("growth")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    bare = ["bare view (req/s)"]
    for r in runs:
        bare += [f"{r['cache_off']['bare']['rps']:.0f}", "",
                 f"{r['cache_on']['bare']['rps']:.0f}"]  # fmt: skip
    if len(runs) > 1:
        bare.append("")
    lines.append("| " + " | ".join(bare) + " |")
    for page in runs[0]["cache_off"]:
        if page == "bare":
            continue
        row = [page]
        for r in runs:
            off, on = r["cache_off"][page], r["cache_on"][page]
            row += [f"{off['ratio']:.3f}", f"{off['p95_ms']:.0f}", f"{on['ratio']:.2f}"]
        if len(runs) > 1:
            g = growth(runs, page)
            row.append(f"{g:.2f}")
        lines.append("| " + " | ".join(row) + " |")
    last = runs[-1]
    sizes = ", ".join(f"{r['articles']:,}" for r in runs)
    lines.append("")
    lines.append(
        f"{last['database']}, {sizes} articles; "
        f"worker RSS ×{last['memory']['growth']:.2f} from "
        f"{last['memory']['requests_first']:,} to "
        f"{last['memory']['requests_after']:,} requests."
    )
    return "\n".join(lines)


def check_targets(runs: list[dict]) -> list[str]:
    last = runs[-1]
    out = []

    def verdict(ok: bool, text: str):
        out.append(f"{'MET    ' if ok else 'NOT MET'}  {text}")

    hits = {
        p: f["ratio"]
        for p, f in last["cache_on"].items()
        if p not in ("bare", UNCACHED_SEARCH)
    }
    worst = min(hits, key=hits.get)
    verdict(
        hits[worst] >= CACHE_HIT_MIN,
        f"cache hits ≥ {CACHE_HIT_MIN}× bare (worst: {worst} {hits[worst]:.2f})",
    )
    for page, minimum in COLD_MIN.items():
        ratio = last["cache_off"][page]["ratio"]
        verdict(ratio >= minimum, f"cache off: {page} ≥ {minimum}× bare ({ratio:.3f})")
    if len(runs) > 1:
        for page in GROWTH_PAGES:
            g = growth(runs, page)
            verdict(
                g <= GROWTH_MAX,
                f"growth {runs[0]['articles']:,}→"
                f"{last['articles']:,}: {page} ≤ {GROWTH_MAX}× ({g:.2f})",
            )
    search = last["cache_off"]["search"]["p95_ms"]
    detail = last["cache_off"]["article detail"]["p95_ms"] or 1
    verdict(
        search <= SEARCH_P95_MAX * detail,
        f"search p95 ≤ {SEARCH_P95_MAX}× article detail p95 "
        f"({search:.0f} ms vs {detail:.0f} ms)",
    )
    uncached = last["cache_off"].get(UNCACHED_SEARCH)
    if uncached:
        line = (
            f"(not a target) {UNCACHED_SEARCH}: p95 {uncached['p95_ms']:.0f} ms, "
            f"{uncached['p95_ms'] / detail:.1f}× article detail p95"
        )
        if len(runs) > 1 and UNCACHED_SEARCH in runs[0]["cache_off"]:
            line += f"; growth {growth(runs, UNCACHED_SEARCH):.2f}"
        out.append(line)
    mem = last["memory"]["growth"]
    verdict(mem <= MEMORY_MAX, f"worker RSS growth ≤ {MEMORY_MAX}× ({mem:.2f})")
    return out  # fmt: skip


def write_readme(readme: Path, table: str, verdicts: list[str]) -> None:
    """Replace the table between the bench markers in README.md."""
    text = readme.read_text(encoding="utf-8")
    block = f"{START}\n{table}\n\n```\n" + "\n".join(verdicts) + f"\n```\n{END}"
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    readme.write_text(pattern.sub(lambda _: block, text), encoding="utf-8")
