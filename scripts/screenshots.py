"""Full-page screenshots of every public page type in cs/en/de at 1280 and 320 px.

    make screenshots            # or: .venv/bin/python scripts/screenshots.py

Loads the demo content into a throwaway SQLite database, serves it with
`manage.py runserver` on a spare port, and drives Debian's headless Chromium
(the browser tests' driver, tests/e2e/browser.py). PNGs go to
artifacts/screenshots/ (not committed). `--docs` also writes compressed copies
of the English ones to docs/screenshots/ for the README.
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WIDTHS = (1280, 320)
LANGUAGES = ("cs", "en", "de")
# The pages a reader meets, and the English ones committed for the README.
PAGE_NAMES = (
    "home",
    "article",
    "visit",
    "country",
    "person",
    "organisation",
    "statistics",
    "search",
)
DOCS_PAGES = ("home", "visit", "country", "statistics")
DOCS_WIDTH = 1280


def spare_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_paths() -> dict[str, dict[str, str]]:
    """{page: {language: path}}, reversed over the demo content."""
    from django.urls import reverse
    from django.utils import translation

    from tests.e2e.pages import PAGES

    sources = {
        "home": PAGES["home"],
        "article": PAGES["article_detail"],
        "visit": PAGES["visit_detail"],
        "country": PAGES["country_detail"],
        "person": PAGES["person"],
        "organisation": PAGES["organisation"],
        "statistics": lambda: reverse("delegations:visit_statistics"),
        "search": lambda: reverse("search") + "?q=Kazakhstan",
    }
    paths: dict[str, dict[str, str]] = {}
    for name in PAGE_NAMES:
        paths[name] = {}
        for language in LANGUAGES:
            with translation.override(language):
                paths[name][language] = sources[name]()
    return paths


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (local server)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def full_page_png(driver, width: int) -> bytes:
    """The whole page at *width* CSS pixels, however long it is."""
    from tests.e2e.browser import set_viewport

    set_viewport(driver, width, 900)
    height = driver.execute_script(
        "return Math.ceil(document.documentElement.scrollHeight)"
    )
    set_viewport(driver, width, max(height, 640))
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    return base64.b64decode(shot["data"])


def compress(png: bytes, target: Path, max_height: int = 2400) -> None:
    """A 256-colour PNG, cut at *max_height* px: small enough for the repository."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    if image.height > max_height:
        image = image.crop((0, 0, image.width, max_height))
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=0).save(
        target, optimize=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "artifacts" / "screenshots"))
    parser.add_argument("--docs", action="store_true", help="also update docs/")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="regionnews-shots-") as tmp:
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="regionnews.settings.dev",
            DATABASE_URL=f"sqlite:///{tmp}/db.sqlite3",
            MEDIA_ROOT=f"{tmp}/media",
            DEBUG="true",
        )
        os.environ.update(env)
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (["migrate", "--noinput"], ["load_demo_content"]):
            subprocess.run(manage + command, env=env, check=True, cwd=ROOT)

        import django

        django.setup()
        paths = page_paths()

        port = spare_port()
        server = subprocess.Popen(
            manage + ["runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/healthz")
            from tests.e2e.browser import start_chromium

            driver = start_chromium(f"{tmp}/profile")
            try:
                for name, by_language in paths.items():
                    for language, path in by_language.items():
                        driver.get(base + path)
                        for width in WIDTHS:
                            png = full_page_png(driver, width)
                            target = out / f"{name}-{language}-{width}.png"
                            target.write_bytes(png)
                            print(target.relative_to(ROOT))
                            if args.docs and language == "en" and name in DOCS_PAGES:
                                docs = ROOT / "docs" / "screenshots"
                                docs.mkdir(parents=True, exist_ok=True)
                                compress(png, docs / f"{name}-{width}.png")
            finally:
                driver.quit()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
