"""Headless Chromium for the browser tests: where it is, how it starts, axe-core.

Debian's chromium and chromium-driver are used as installed (`make browser`);
nothing is downloaded at run time: the driver path is passed explicitly, so
Selenium Manager never runs, and axe-core is vendored in vendor/axe.min.js.
"""

import functools
import os
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# Overridable so that another layout can be pointed at, and so that the skip can
# be checked on a machine that has Chromium: E2E_CHROMIUM=/nonexistent pytest ...
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("E2E_CHROMEDRIVER", "/usr/bin/chromedriver"))

NOT_INSTALLED = (
    "Chromium not installed: run `make browser` (root) to install Debian's "
    "chromium and chromium-driver"
)

AXE_SOURCE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"
# The WCAG 2.1 level A and AA rules: what the EU Web Accessibility Directive asks.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The admin pages are checked against WCAG 2.2 AA (target size among them).
ADMIN_AXE_TAGS = [*AXE_TAGS, "wcag22aa"]

WIDE = 1280
NARROW = 320
HEIGHT = 900


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        return f"{NOT_INSTALLED} (missing: {', '.join(missing)})"
    return None


def start_chromium(profile_dir: str) -> webdriver.Chrome:
    """A headless Chromium with a throwaway profile and no background traffic."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--window-size={WIDE},{HEIGHT}",
        f"--user-data-dir={profile_dir}",
    ):
        options.add_argument(argument)
    # Console messages (CSP violations among them) for driver.get_log("browser").
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # No idle connections: neither speculative ones nor keep-alive. The live
    # server handles each connection in a thread that shares the test
    # database's connection (in-memory SQLite); one still open when the server
    # stops would touch that connection after the test and fail.
    options.add_experimental_option("prefs", {"net.network_prediction_options": 2})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.setExtraHTTPHeaders", {"headers": {"Connection": "close"}}
    )
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_viewport(driver: webdriver.Chrome, width: int, height: int = HEIGHT) -> None:
    """Lay pages out in a window `width` CSS pixels wide (its scrollbar included,
    as in a desktop browser's narrow window, the stricter case)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def reset_emulation(driver: webdriver.Chrome) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


_AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}})
  .then((results) => done(results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(" "),
      summary: node.failureSummary,
    })),
  }))))
  .catch((error) => done([{id: "axe-error", help: String(error), nodes: []}]));
"""


@functools.cache
def axe_source() -> str:
    return AXE_SOURCE_PATH.read_text(encoding="utf-8")


def axe_violations(
    driver: webdriver.Chrome, tags: list[str] | None = None
) -> list[dict]:
    """axe-core's violations of *tags* (WCAG 2.1 A/AA unless given) on the page
    the driver shows."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        # Injected through the DevTools protocol, so the page's CSP allows it.
        driver.execute_script(axe_source())
    return driver.execute_async_script(_AXE_RUN, tags or AXE_TAGS)


def describe_violations(violations: list[dict]) -> str:
    """One readable block per violation: rule, impact, help and failing nodes."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}")
            if node.get("summary"):
                summary = node["summary"].replace("\n", "\n      ")
                lines.append(f"      {summary}")
    return "\n".join(lines)
