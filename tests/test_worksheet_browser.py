"""HTML worksheets printed from Chromium: the whole map and every card on the page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from test_html_browser import browser  # noqa: F401  (the fixture)
from test_slides import argmap

from conftest import ROOT, needs_dot

pytestmark = [pytest.mark.browser, needs_dot]

UNIFORMS = str(ROOT / "maps" / "school-uniforms.yaml")
#: A4's width less the sheet's 15 mm margins, in CSS pixels (96 a inch).
BODY = (210 - 30) / 25.4 * 96

RIGHT_EDGES = (
    "[...document.querySelectorAll('.map svg, .card')].map(e => e.getBoundingClientRect().right)"
)


@pytest.mark.parametrize("kind", ["fill", "cards"])
def test_printed_the_map_and_the_cards_fit_the_page_width(tmp_path: Path, browser, kind):  # noqa: F811
    sheet = tmp_path / f"{kind}.html"
    code, err = argmap("worksheet", UNIFORMS, "--kind", kind, "-o", str(sheet))
    assert code == 0, err
    page = browser.new_page(viewport={"width": round(BODY), "height": 1000})
    for path in (sheet, tmp_path / f"{kind}.key.html"):
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        edges = page.evaluate(RIGHT_EDGES)
        assert edges or path != sheet  # a fill key has no map
        assert max(edges, default=0) <= BODY + 1, path
        assert page.evaluate("document.documentElement.scrollWidth") <= round(BODY) + 1
        pdf = tmp_path / f"{path.stem}.pdf"
        page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        if kind == "cards" or path == sheet:  # the map's right edge, or every card
            words = " ".join(text.stdout.split())
            assert "Students who cannot afford" in words and "Our school should" in words
    page.close()
