"""The SVG in a real browser (Debian's Chromium via Playwright): no text leaves its box,
it scales to its column inline and in <img>, and map text runs no script.

Fails, never skips, when Chromium or Playwright is missing: 'make test' installs both.
"""

from __future__ import annotations

import base64
import re

import pytest
from playwright.sync_api import sync_playwright
from test_escaping import hostile_map

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import load_map
from argmap.render.dot import RenderOptions
from argmap.render.pipeline import render_svg
from argmap.render.style import THEMES

from conftest import ROOT, needs_dot

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"

#: Text elements of node groups whose box leaves the node's largest shape (SVG units).
OVERFLOW_JS = """
(svg) => {
  const out = [];
  for (const g of svg.querySelectorAll('g.node')) {
    let b = null;
    for (const s of g.querySelectorAll('polygon, path, ellipse')) {
      const r = s.getBBox();
      if (!b || r.width * r.height > b.width * b.height) b = r;
    }
    for (const t of g.querySelectorAll('text')) {
      if (!b || !t.textContent.trim()) continue;
      const r = t.getBBox();
      if (r.x < b.x - 0.5 || r.y < b.y - 0.5 || r.x + r.width > b.x + b.width + 0.5
          || r.y + r.height > b.y + b.height + 0.5) out.push([g.id, t.textContent]);
    }
  }
  return out;
}
"""


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    yield page
    page.close()


def inline(svg: bytes, column: int) -> str:
    body = svg.decode("utf-8").split("?>", 1)[1]
    return f"<!doctype html><body style='margin:0'><div style='width:{column}px'>{body}</div>"


def op_ed_svg(theme: str) -> bytes:
    amap = load_map(ROOT / "maps" / "two-michaels.yaml")
    return render_svg(amap, run_checks(amap), RenderOptions(theme=THEMES[theme]))


@needs_dot
@pytest.mark.parametrize("theme", list(THEMES))
def test_no_text_overflows_its_box(tab, theme, tmp_path):
    tab.set_content(inline(op_ed_svg(theme), 1920))
    assert tab.eval_on_selector("svg", OVERFLOW_JS) == []
    assert tab.eval_on_selector_all("g.claim", "gs => gs.length") == 45
    tab.screenshot(path=str(tmp_path / f"two-michaels.{theme}.png"), full_page=True)


@needs_dot
def test_hostile_texts_stay_inside_and_run_no_script(browser, tab, tmp_path):
    svg = render_svg(hostile_map())
    tab.set_content(inline(svg, 1920))
    assert tab.eval_on_selector("svg", OVERFLOW_JS) == []
    assert tab.evaluate("window.pwned === undefined && document.scripts.length === 0")
    tab.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    svg_file = tmp_path / "hostile.svg"
    svg_file.write_bytes(svg)
    alone = browser.new_page()  # the SVG opened as a document of its own
    alone.goto(svg_file.as_uri())
    assert alone.evaluate("window.pwned === undefined && !document.querySelector('script')")
    alone.close()


@needs_dot
def test_svg_scales_to_its_column_inline_and_in_img(tab):
    svg = op_ed_svg("default")
    _, _, width, height = map(float, re.search(rb'viewBox="([^"]+)"', svg)[1].split())
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    sizes = []
    for column in (600, 4000):
        tab.set_content(
            inline(svg, column) + f"<div style='width:{column}px'><img src='{uri}'></div>"
        )
        tab.wait_for_function("document.images[0].complete")
        box = "e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]"
        sizes.append((tab.eval_on_selector("svg", box), tab.eval_on_selector("img", box)))
    (inline_600, img_600), (inline_4000, img_4000) = sizes
    assert inline_600[0] == pytest.approx(600, abs=0.1) == img_600[0]
    assert abs(inline_600[1] - 600 * height / width) < 1 and abs(img_600[1] - inline_600[1]) < 1
    assert inline_4000[0] == pytest.approx(width, abs=1)  # never past its natural size inline
    assert img_4000[0] == pytest.approx(
        4000, abs=0.1
    )  # an <img> fills its column: limit it with CSS
