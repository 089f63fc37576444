"""The column layout in a real browser (Debian's Chromium through Playwright): the
interactive page opens the column at its top, as wide as its pane, and lights a claim's
sub-argument; the SVG shown in a 360 px column keeps its text inside its boxes."""

from __future__ import annotations

import shutil

import pytest

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import load_map
from argmap.render.column.formats import render_column
from argmap.render.dot import RenderOptions
from argmap.util.files import write_atomic

from conftest import ROOT, needs_dot

pytestmark = [pytest.mark.browser, needs_dot]

CHROMIUM = "/usr/bin/chromium"
OP_ED = ROOT / "maps" / "two-michaels.yaml"
LIT = "[...document.querySelectorAll('g[data-claim].am-lit')].map(g => g.dataset.claim).sort()"


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium from the system; fails (not skips) when it cannot start."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: run 'make test', which installs the test extra")
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: run 'make test' or 'apt-get install chromium'")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def test_page_opens_the_column_at_its_top_and_lights_a_sub_argument(browser, tmp_path):
    amap = load_map(OP_ED)
    path = tmp_path / "column.html"
    write_atomic(path, render_column(amap, run_checks(amap), RenderOptions(), "html"))
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(path.as_uri())
    x, y, w, h = page.evaluate(
        "document.querySelector('#am-viewport svg').getAttribute('viewBox').split(' ').map(Number)"
    )
    assert w == pytest.approx(700 * 1.04) and x == y == pytest.approx(-14)
    assert h < w  # the top of the column as wide as the pane, not the whole tall picture
    page.locator('#am-viewport g[data-claim="P2"]').click()
    assert page.evaluate(LIT) == ["E4", "E7", "P2"]
    lit_lines = page.evaluate(
        "[...document.querySelectorAll('g.edge.am-lit > title')].map(t => t.textContent).sort()"
    )
    assert lit_lines == ["E4 supports P2", "E7 supports P2"]
    assert problems == []
    page.close()


def test_text_stays_in_its_box_in_a_phone_column(browser):
    amap = load_map(OP_ED)
    svg = render_column(amap, run_checks(amap), RenderOptions(), "svg", width=360)
    page = browser.new_page(viewport={"width": 360, "height": 640})
    inline = svg.decode("utf-8").split("?>", 1)[1]
    page.set_content(f"<!doctype html><body style='margin:0;width:360px'>{inline}</body>")
    checked, outside = page.evaluate(
        """() => {
            const texts = [...document.querySelectorAll('g.claim, g.ref')].flatMap(g => {
                const box = g.querySelector('path, polygon').getBoundingClientRect();
                return [...g.querySelectorAll('text')].map(t => [t, box]);
            });
            const out = texts.filter(([t, box]) => {
                const r = t.getBoundingClientRect();
                return r.right > box.right - 2 || r.left < box.left + 2;
            });
            return [texts.length, out.map(([t]) => t.textContent)];
        }"""
    )
    assert checked > 150 and outside == []
    widths = page.evaluate("document.querySelector('svg').getBoundingClientRect().width")
    assert widths == pytest.approx(360)
    page.close()
