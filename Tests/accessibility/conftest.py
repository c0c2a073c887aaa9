"""Shared fixtures of the accessibility checks: one build of every publication into a
temporary folder (HTML and PDF), and one headless Chromium driven by selenium."""

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
WIDTHS = (1280, 390)


def cadre_binary():
    """$CADRE if set, else the cadre built last: by `make test` (debug) or by `make` (release)."""
    if os.environ.get("CADRE"):
        return Path(os.environ["CADRE"]).resolve()
    built = [path for path in (REPOSITORY / ".build" / c / "cadre" for c in ("debug", "release")) if path.exists()]
    if not built:
        pytest.exit("cadre n'est pas compilé : lancez `make test`", returncode=2)
    return max(built, key=lambda path: path.stat().st_mtime)


@pytest.fixture(scope="session")
def output(tmp_path_factory):
    """Every publication and strategy document, HTML and PDF, built once for the session."""
    folder = tmp_path_factory.mktemp("Output")
    cadre = str(cadre_binary())
    for command in ([cadre, "build", "--format", "all"],
                    [cadre, "strategie", "--all", "--format", "all", "--jobs", "2"]):
        subprocess.run(command + ["--root", str(REPOSITORY), "--output", str(folder)],
                       check=True, capture_output=True)
    return folder


def site_pages(folder):
    """Every generated HTML page: the guide's and plaquette's sites and print pages, and
    each strategy document."""
    pages = glob.glob(f"{folder}/guide/*.html") + glob.glob(f"{folder}/plaquette/*.html")
    pages += glob.glob(f"{folder}/strategies/*/index.html") + glob.glob(f"{folder}/strategies/*/deliberation.html")
    return sorted(Path(page) for page in pages)


def axe_script():
    """axe-core as shipped in axe-playwright-python (found without importing playwright)."""
    found = glob.glob(f"{sys.prefix}/lib/python3*/site-packages/axe_playwright_python/axe.min.js")
    assert found, "axe.min.js introuvable : lancez `scripts/setup --test`"
    return Path(found[0]).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, through Debian's chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=fr-FR"):
        options.add_argument(argument)
    binary = shutil.which("chromium")
    if binary:
        options.binary_location = binary
    driver = webdriver.Chrome(options=options,
                              service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver.set_script_timeout(120)
    yield driver
    driver.quit()


def open_page(browser, page, width):
    """Loads a page at a viewport `width` CSS pixels wide."""
    browser.set_window_size(width, 900)
    # The window size includes no chrome in headless mode; check, so a width means a viewport.
    browser.get(page.as_uri())
    actual = browser.execute_script("return window.innerWidth")
    if actual != width:
        browser.set_window_size(width + (width - actual), 900)
        browser.get(page.as_uri())
