"""`make bench`: load a sample archive, serve it as production does, measure.

For each size in --articles (e.g. 1000,100000) it creates a database of its
own (a PostgreSQL database `regionnews_bench` next to the one DATABASE_URL
names, or a SQLite file), migrates it, runs `generate_sample_data`, serves the
production settings under gunicorn with 2 sync workers and drives every page
with wrk (8 connections). Every figure is printed as a ratio to the bare view
(/bench/bare, HttpResponse("ok") through the same middleware) measured in the
same server just before it: absolute numbers on a shared machine are noise,
ratios are not.
Two phases per size: page cache off (the cold path) and on (cache hits).
Results go to bench/results/<database>-<articles>.json; `--readme` also
rewrites the table in README.md between the bench markers.

Outside the import-linted packages on purpose: it drives everything from the
outside, over HTTP and subprocesses.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "report.lua"
BENCH_DB = "regionnews_bench"

sys.path.insert(0, str(ROOT / "bench"))
from report import (  # noqa: E402
    UNCACHED_SEARCH,
    check_targets,
    render_table,
    write_readme,
)

# What the page list looks up in the bench database (printed as JSON).
LOOKUP = """
import json
from django.db.models import Count
from articles.models import Article
from delegations.models import Country, Organisation, Person, Visit
published = Article.objects.published().order_by("published_at", "pk")
n = published.count()
article = published.values_list("slug_en", flat=True)[n // 2]
country = (Visit.objects.public().values("country__code")
           .annotate(n=Count("pk")).order_by("-n").first()["country__code"])
person = (Person.objects.annotate(n=Count("participations")).order_by("-n")
          .values_list("slug", flat=True).first())
organisation = (Organisation.objects.annotate(n=Count("stops")).order_by("-n")
                .values_list("slug", flat=True).first())
visit = (Visit.objects.public().order_by("-start_date")
         .values_list("slug_en", flat=True)[5])
print(json.dumps(dict(article=article, country=country.lower(), person=person,
                      organisation=organisation, visit=visit)))
"""


def pages(found: dict[str, str]) -> dict[str, str]:
    """The measured pages: name -> path (English URLs, as in the design)."""
    return {
        "home": "/en/",
        "news list": "/en/news/",
        "news list p.2": "/en/news/?page=2",
        "article detail": f"/en/news/{found['article']}/",
        "visit list": "/en/visits/",
        "visit detail": f"/en/visits/{found['visit']}/",
        "country list": "/en/countries/",
        "country page": f"/en/countries/{found['country']}/",
        "person page": f"/en/people/{found['person']}/",
        "organisation page": f"/en/organisations/{found['organisation']}/",
        "statistics": "/en/visits/statistics/",
        "news feed": "/en/news/feed/",
        "search": "/en/search/?q=ambassador",
        # The same search never asked before: what nothing kept can answer.
        UNCACHED_SEARCH: "/en/search/?q=ambassador&n={n}",
        "sitemap": "/sitemap.xml",
    }


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kwargs)


class Database:
    """The bench's own database: created before a size, dropped after it."""

    def __init__(self, base_url: str | None, workdir: Path):
        self.postgres = bool(base_url) and base_url.startswith(("postgres", "pgsql"))
        self.base_url = base_url
        if self.postgres:
            parts = urlsplit(base_url)
            self.url = urlunsplit(parts._replace(path=f"/{BENCH_DB}"))
        else:
            self.url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        self.kind = "postgresql" if self.postgres else "sqlite"

    def _admin(self, sql: str):
        import psycopg

        with psycopg.connect(self.base_url, autocommit=True) as conn:
            conn.execute(sql)

    def create(self):
        self.drop()
        if self.postgres:
            self._admin(f"CREATE DATABASE {BENCH_DB}")

    def settle(self):
        """VACUUM (ANALYZE) after the bulk load: otherwise autovacuum may start
        on the new tables while pages are measured, taking a core."""
        if self.postgres:
            import psycopg

            with psycopg.connect(self.url, autocommit=True) as conn:
                conn.execute("VACUUM (ANALYZE)")

    def drop(self):
        if self.postgres:
            self._admin(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        else:
            Path(self.url.removeprefix("sqlite:///")).unlink(missing_ok=True)


class Server:
    """gunicorn, 2 sync workers, production settings, on a free local port."""

    def __init__(self, env: dict[str, str], log: Path):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.env, self.log = env, log
        self.process = None

    def __enter__(self):
        gunicorn = str(Path(PYTHON).with_name("gunicorn"))
        self.process = subprocess.Popen(
            [gunicorn, "regionnews.wsgi", "--workers", "2", "--timeout", "60",
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            env=self.env, cwd=ROOT, stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url("/healthz"), timeout=2).read()
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not start; see {self.log}")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_rss_kb(self) -> list[int]:
        """Resident memory of each worker (children of the gunicorn master)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)))
        return sizes


def wrk(server: Server, paths: list[str], seconds: int) -> dict:
    """Drive *paths* in turn with 8 connections; the figures of report.lua."""
    cmd = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "30s",
           "-s", str(LUA), server.url("/"), "--", *paths]  # fmt: skip
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("BENCH "))
    result = json.loads(line.removeprefix("BENCH "))
    if not result["requests"]:
        # Not one answer in the whole run: slower than the run itself.
        result.update(p50_ms=seconds * 1000.0, p95_ms=seconds * 1000.0, timed_out=True)
    return result


def warm(server: Server, path: str, times: int = 3) -> int:
    """Load *path* a few times first; a page that times out is measured anyway."""
    status = 0
    for n in range(times):
        try:
            url = server.url(path.replace("{n}", f"warm-{n}"))
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
                status = response.status
        except OSError as error:
            print(f"    ({path}: {error})", flush=True)
            return 0
    return status


def measure_phase(server, page_paths, seconds) -> dict:
    """Each page beside a bare run just before it: the machine's speed drifts
    over a phase (a neighbour, autovacuum), and one bare figure taken at the
    start made every later page's ratio carry that drift."""
    figures, bares = {}, []
    for name, path in page_paths.items():
        warm(server, path)
        bare = wrk(server, ["/bench/bare"], max(1, seconds // 2))
        bares.append(bare["rps"])
        figures[name] = wrk(server, [path], seconds)
        figures[name]["bare_rps"] = bare["rps"]
        figures[name]["ratio"] = round(figures[name]["rps"] / (bare["rps"] or 1), 4)
        print(f"    {name:<20} {figures[name]['rps']:>9.1f} req/s "
              f"(bare {bare['rps']:.0f})", flush=True)  # fmt: skip
    mean = sum(bares) / len(bares)
    figures = {"bare": {"rps": round(mean, 2), "ratio": 1.0}, **figures}
    return figures


def bench_size(args, articles: int, workdir: Path) -> dict:
    db = Database(os.environ.get("DATABASE_URL"), workdir)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "regionnews.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": db.url,
        "BENCH_BARE_VIEW": "1",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
    }
    print(f"\n== {articles:,} articles on {db.kind}", flush=True)
    db.create()
    try:
        started = time.monotonic()
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        run([PYTHON, "manage.py", "generate_sample_data", "--articles", str(articles)],
            env)  # fmt: skip
        db.settle()
        load_seconds = time.monotonic() - started
        lookup = run([PYTHON, "manage.py", "shell", "-c", LOOKUP], env,
                     capture_output=True, text=True)  # fmt: skip
        page_paths = pages(json.loads(lookup.stdout.strip().splitlines()[-1]))
        log = workdir / "gunicorn.log"
        result = {
            "articles": articles,
            "database": db.kind,
            "load_seconds": load_seconds,
        }
        print("  page cache off (cold path):", flush=True)
        with Server({**env, "PAGE_CACHE": "0"}, log) as server:
            result["cache_off"] = measure_phase(server, page_paths, args.seconds)
            # Every page but search, whose cold time would dominate the run.
            rotation = [
                p for name, p in page_paths.items() if not name.startswith("search")
            ]
            result["memory"] = memory(server, rotation, args)
        print("  page cache on (hits):", flush=True)
        with Server({**env, "PAGE_CACHE": "1"}, log) as server:
            result["cache_on"] = measure_phase(server, page_paths, args.seconds)
        result["paths"] = page_paths
        return result
    finally:
        if not args.keep:
            db.drop()


def fetch_many(server: Server, paths: list[str], count: int) -> None:
    """*count* requests over *paths* in turn, 8 at a time (exact count, unlike wrk)."""

    def fetch(n: int) -> None:
        try:
            url = server.url(paths[n % len(paths)])
            with urllib.request.urlopen(url, timeout=120) as r:
                r.read()
        except OSError as error:  # a page slower than the timeout still counts
            print(f"    ({error})", flush=True)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(fetch, range(count)))


def memory(server: Server, paths: list[str], args) -> dict:
    """Workers' RSS after a first and after many requests over every page."""
    fetch_many(server, paths, args.memory_first)
    first = server.worker_rss_kb()
    fetch_many(server, paths, args.memory_requests - args.memory_first)
    after = server.worker_rss_kb()
    growth = max(a / f for a, f in zip(after, first, strict=True))
    print(f"  worker RSS {first} kB after {args.memory_first} requests, {after} kB "
          f"after {args.memory_requests}: x{growth:.2f}", flush=True)  # fmt: skip
    return {"requests_first": args.memory_first, "rss_first_kb": first,
            "requests_after": args.memory_requests, "rss_after_kb": after,
            "growth": round(growth, 3)}  # fmt: skip


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles",
        default="1000,10000",
        help="comma-separated sizes; growth compares first and last",
    )
    parser.add_argument("--seconds", type=int, default=10, help="per page")
    parser.add_argument("--memory-first", type=int, default=100)
    parser.add_argument("--memory-requests", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--readme", action="store_true", help="update README.md")
    parser.add_argument(
        "--previous",
        type=Path,
        help="a result JSON of an earlier run, compared as the first size",
    )
    args = parser.parse_args(argv)  # fmt: skip
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk (make bench does it).")
    sizes = [int(n) for n in args.articles.split(",")]
    RESULTS.mkdir(parents=True, exist_ok=True)
    runs = [json.loads(args.previous.read_text())] if args.previous else []
    with tempfile.TemporaryDirectory(prefix="regionnews-bench-") as tmp:
        for articles in sizes:
            result = bench_size(args, articles, Path(tmp))
            runs.append(result)
            name = f"{result['database']}-{articles}.json"
            (RESULTS / name).write_text(json.dumps(result, indent=2) + "\n")
    table = render_table(runs)
    verdicts = check_targets(runs)
    print("\n" + table + "\n" + "\n".join(verdicts))
    (RESULTS / "latest.md").write_text(table + "\n\n" + "\n".join(verdicts) + "\n")
    if args.readme:
        write_readme(ROOT / "README.md", table, verdicts)


if __name__ == "__main__":
    main()
