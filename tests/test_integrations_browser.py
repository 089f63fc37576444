"""The MkDocs example site in Chromium: each map's SVG is shown, fits the page's
content column, and its interactive page opens from the link under it.

Fails, never skips, when Chromium or Playwright is missing: 'make test' installs both.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import sync_playwright

from conftest import ROOT, needs_dot

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"


@needs_dot
def test_the_example_site_shows_its_maps_in_chromium(tmp_path):
    site = tmp_path / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f"]
    subprocess.run([*build, "docs/example-site/mkdocs.yml", "-d", str(site)], cwd=ROOT, check=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto((site / "index.html").as_uri())
        boxes = page.eval_on_selector_all(
            "div.argmap > svg",
            "els => els.map(e => { const r = e.getBoundingClientRect();"
            " const c = e.closest('div[role=main], .col-md-9, main') || document.body;"
            " return [r.width, r.height, c.getBoundingClientRect().width]; })",
        )
        assert len(boxes) == 2
        for width, height, column in boxes:
            assert 300 < width <= column and height > 100
        page.click("text=Open the interactive map")
        page.wait_for_load_state()
        assert page.url.endswith(".html") and "/argmap/" in page.url
        assert page.locator("svg").count() >= 1
        browser.close()
