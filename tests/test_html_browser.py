"""The interactive page in a real browser: Debian's Chromium, headless, driven by Playwright.

Playwright's own browser download is never used: the tests launch
``/usr/bin/chromium`` through ``executable_path``. When Chromium or Playwright
is missing these tests fail (``make test`` installs both), they never skip.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_html import BIKE, HOSTILE_TEXTS, hostile_map

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import load_map
from argmap.render.html.page import render_html
from argmap.render.pipeline import map_prefix
from argmap.util.files import write_atomic

from conftest import ROOT, make_map, needs_dot

pytestmark = [pytest.mark.browser, needs_dot]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # needed as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ALL = ["E1", "O1", "O2", "P1", "P2", "P3", "R1", "T1"]

LIT = "[...document.querySelectorAll('g[data-claim].am-lit')].map(g => g.dataset.claim).sort()"
SELECTED = "[...document.querySelectorAll('g.am-selected')].map(g => g.dataset.claim)"
CURRENT = (
    "[...document.querySelectorAll('#am-outline .am-row[aria-current=true]')]"
    ".map(b => b.dataset.claim)"
)
VIEWBOX = (
    "document.querySelector('#am-viewport svg').getAttribute('viewBox').split(' ').map(Number)"
)


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
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def write_page(folder: Path, text: str, name: str) -> Path:
    amap = make_map(text, f"{name}.yaml")
    path = folder / f"{name}.html"
    write_atomic(path, render_html(amap, run_checks(amap)))
    return path


@pytest.fixture(scope="module")
def bike_page(tmp_path_factory) -> Path:
    return write_page(tmp_path_factory.mktemp("html"), BIKE, "bike")


@pytest.fixture
def open_page(browser):
    """Open a file:// page at 1280×800; yields (page, problems) where problems collects
    console errors and uncaught exceptions."""
    pages = []

    def open_(path: Path, width: int = 1280, height: int = 800):
        page = browser.new_page(viewport={"width": width, "height": height})
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(path.as_uri())
        pages.append(page)
        return page, problems

    yield open_
    for page in pages:
        page.close()


def claim(page, cid: str):
    return page.locator(f'#am-viewport g[data-claim="{cid}"]')


def test_click_lights_the_sub_argument_and_dims_the_rest(open_page, bike_page, tmp_path):
    page, problems = open_page(bike_page)
    assert page.evaluate(LIT) == []
    claim(page, "P1").click()
    assert page.evaluate(LIT) == ["E1", "O2", "P1"]
    assert page.evaluate(SELECTED) == ["P1"]
    assert page.evaluate(CURRENT) == ["P1"]
    dimmed = page.evaluate(
        "[...document.querySelectorAll('g[data-claim]')]"
        ".filter(g => getComputedStyle(g).opacity < 0.5).map(g => g.dataset.claim).sort()"
    )
    assert dimmed == ["O1", "P2", "P3", "R1", "T1"]
    lit_edges = page.evaluate(
        "[...document.querySelectorAll('g.edge.am-lit > title')].map(t => t.textContent).sort()"
    )
    assert lit_edges == [
        "E1 supports P1",
        "E1: premise of inference E1 -> P1",
        "O2 undercuts the step from E1 to P1",
    ]
    details = page.locator("#am-details-body")
    assert details.locator(".am-details-text").inner_text() == "Cycling to work is rising."
    assert details.locator(".am-details-cap").inner_text() == "Premise · P1 · ¶3,4"
    assert details.locator("dt").all_inner_texts() == ["Supported by", "Attacked by", "Supports"]
    assert details.locator("button").all_inner_texts() == ["E1", "O2 (undercut)", "T1"]
    assert details.locator(".am-hint").inner_text() == (
        "2 claims argue about it, directly or through others; they stay lit."
    )
    claim(page, "R1").click()
    assert page.evaluate(LIT) == ["P2", "P3", "R1"]
    claim(page, "T1").click()
    assert page.evaluate(LIT) == ALL
    page.keyboard.press("Escape")
    assert page.evaluate(LIT) == []
    page.screenshot(path=tmp_path / "bike.png", full_page=True)
    assert (tmp_path / "bike.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert problems == []


def test_details_link_only_for_web_sources(open_page, bike_page):
    page, _ = open_page(bike_page)
    claim(page, "E1").click()  # E1's box links to its source: the click selects, stays here
    assert page.evaluate(SELECTED) == ["E1"]
    assert page.url == bike_page.as_uri() and page.context.pages == [page]
    link = page.locator("#am-details-body a")
    assert link.get_attribute("href") == "https://example.org/count"
    claim(page, "P2").click()
    assert page.locator("#am-details-body a").count() == 0
    assert page.locator(".am-details-source").inner_text() == "Source: Town survey 2020"


def test_kind_filter_hides_claims_lines_and_outline_rows(open_page, bike_page):
    page, problems = open_page(bike_page)
    page.get_by_label("objection").uncheck()
    visible = [cid for cid in ALL if claim(page, cid).is_visible()]
    assert visible == ["E1", "P1", "P2", "P3", "R1", "T1"]
    hidden_edges = page.evaluate(
        "[...document.querySelectorAll('g.edge')].filter(g => { const r ="
        " g.getBoundingClientRect(); return r.width === 0 && r.height === 0; })"
        ".map(g => g.querySelector('title').textContent).sort()"
    )
    assert hidden_edges == [
        "O1 attacks T1",
        "O2 undercuts the step from E1 to P1",
        "R1 attacks O1",
    ]
    rows = page.locator("#am-outline .am-row:visible")
    assert [r.get_attribute("data-claim") for r in rows.all()] == [
        "T1",
        "P1",
        "E1",
        "R1",
        "P2",
        "P3",
    ]
    assert page.locator("#am-status").inner_text() == "Showing 4 of 5 kinds of claim."
    page.get_by_label("objection").check()
    assert all(claim(page, cid).is_visible() for cid in ALL)
    assert problems == []


def test_finding_jumps_to_its_claim(open_page, bike_page):
    page, problems = open_page(bike_page)
    findings = page.locator(".am-findings .am-row")
    assert [f.get_attribute("data-claim") for f in findings.all()] == ["P2", "P3", "O2"]
    before = page.evaluate(VIEWBOX)
    findings.nth(2).click()
    assert page.evaluate(SELECTED) == ["O2"]
    assert page.evaluate(LIT) == ["O2"]
    assert page.evaluate(CURRENT) == ["O2"]
    assert page.locator("#am-details-body .am-hint").inner_text() == (
        "No claim drawn here argues about it."
    )
    after = page.evaluate(VIEWBOX)
    assert after != before and after[2] < before[2]
    box = claim(page, "O2").bounding_box()
    view = page.locator("#am-viewport").bounding_box()
    assert view["x"] <= box["x"] and box["x"] + box["width"] <= view["x"] + view["width"]
    assert view["y"] <= box["y"] and box["y"] + box["height"] <= view["y"] + view["height"]
    assert problems == []


def test_outline_keyboard_navigation(open_page, bike_page):
    page, problems = open_page(bike_page)
    focused = "document.activeElement.dataset.claim"
    page.locator('#am-outline .am-row[data-claim="T1"]').focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "P1"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "E1"
    page.keyboard.press("Enter")
    assert page.evaluate(SELECTED) == ["E1"] and page.evaluate(CURRENT) == ["E1"]
    page.keyboard.press("End")
    assert page.evaluate(focused) == "P3"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "P3"
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == "P2"
    page.keyboard.press("Home")
    assert page.evaluate(focused) == "T1"
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == "P1"
    assert page.locator("#am-outline").get_attribute("aria-labelledby") == "am-outline-h"
    assert page.locator("#am-status").get_attribute("role") == "status"
    assert problems == []


def test_pan_and_zoom(open_page, bike_page):
    page, problems = open_page(bike_page)
    home = page.evaluate(VIEWBOX)
    page.locator("#am-viewport").focus()
    page.keyboard.press("+")
    zoomed = page.evaluate(VIEWBOX)
    assert zoomed[2] == pytest.approx(home[2] / 1.25)
    page.keyboard.press("ArrowRight")
    assert page.evaluate(VIEWBOX)[0] == pytest.approx(zoomed[0] + zoomed[2] * 0.1)
    page.keyboard.press("0")
    assert page.evaluate(VIEWBOX) == pytest.approx(home)
    page.get_by_role("button", name="Zoom in").click()
    assert page.evaluate(VIEWBOX)[2] == pytest.approx(home[2] / 1.25)
    page.get_by_role("button", name="Zoom out").click()
    assert page.evaluate(VIEWBOX) == pytest.approx(home)
    view = page.locator("#am-viewport").bounding_box()
    page.mouse.move(view["x"] + 30, view["y"] + 30)
    page.mouse.wheel(0, -200)
    assert page.evaluate(VIEWBOX)[2] < home[2]
    page.get_by_role("button", name="Fit", exact=True).click()
    page.mouse.move(view["x"] + 30, view["y"] + 30)
    page.mouse.down()
    page.mouse.move(view["x"] + 130, view["y"] + 30, steps=5)
    page.mouse.up()
    dragged = page.evaluate(VIEWBOX)
    assert dragged[0] < home[0] and dragged[1] == pytest.approx(home[1]) and dragged[2] == home[2]
    assert page.evaluate(LIT) == []  # a drag is not a click
    assert problems == []


def test_hostile_map_runs_no_script(open_page, tmp_path):
    amap = hostile_map()
    path = tmp_path / "hostile.html"
    write_atomic(path, render_html(amap, run_checks(amap)))
    page, problems = open_page(path)
    for cid in amap.claims:
        page.get_by_role("button", name="Fit", exact=True).click()
        claim(page, cid).click()
        page.locator(f'#am-outline .am-row[data-claim="{cid}"]').first.click()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate("document.querySelectorAll('img, iframe, b').length") == 0
    texts = page.evaluate(
        "JSON.parse(document.getElementById('am-data').textContent).claims.map(c => c.text)"
    )
    assert texts[2:] == HOSTILE_TEXTS
    rows = page.locator("#am-outline .am-row .am-text").all_text_contents()
    assert rows[1:6] == HOSTILE_TEXTS
    assert page.title() == HOSTILE_TEXTS[0]
    page.get_by_role("button", name="Fit", exact=True).click()
    claim(page, "T1").click()
    assert page.locator(".am-details-source").inner_text() == "Source: Notes <b>&amp; co</b>"
    assert problems == []


HIT = """(ids) => ids.map((id) => {
  const g = document.querySelector(`#am-viewport g[data-claim="${CSS.escape(id)}"]`);
  const r = g.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return hit && hit.closest("g[data-claim]") === g ? null : id;
}).filter(Boolean)"""


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_every_claim_of_the_op_ed_can_be_clicked_after_fit(open_page, tmp_path, size):
    amap = load_map(ROOT / "maps" / "two-michaels.yaml")
    path = tmp_path / "two-michaels.html"
    write_atomic(path, render_html(amap, run_checks(amap)))
    page, problems = open_page(path, *size)
    page.locator("#am-outline .am-row[data-claim=P14]").first.click()  # zooms in to P14
    page.get_by_role("button", name="Fit", exact=True).click()
    view = page.locator("#am-viewport").bounding_box()
    for cid in amap.claims:
        box = claim(page, cid).bounding_box()
        assert view["x"] < box["x"] and box["x"] + box["width"] < view["x"] + view["width"]
        assert view["y"] < box["y"] and box["y"] + box["height"] < view["y"] + view["height"]
    assert page.evaluate(HIT, list(amap.claims)) == []  # nothing covers any claim's centre
    claim(page, "P14").click()
    assert page.evaluate(SELECTED) == ["P14"]
    assert page.evaluate(LIT) == ["E2", "E3", "E4", "E5", "P14", "P16"]
    assert problems == []


def test_split_overview_links_to_branch_pages(open_page, tmp_path):
    from argmap.cli.app import main

    src = tmp_path / "bike.yaml"
    src.write_text(BIKE, encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["render", str(src), "--split", "-o", str(tmp_path / "bike.html")])
    assert done.value.code == 0
    page, problems = open_page(tmp_path / "bike.html")
    drawn = "[...document.querySelectorAll('g[data-claim]')].map(g => g.dataset.claim)"
    assert page.evaluate(drawn) == ["T1", "P1", "O1"]
    claim(page, "P1").click()
    lit = "[...document.querySelectorAll('#am-viewport g.am-lit')].map(g => g.id)"  # nodes, edges
    p = page.evaluate("JSON.parse(document.getElementById('am-data').textContent).prefix")
    assert re.fullmatch(r"bike-[0-9a-f]{8}-", p) and p != map_prefix(make_map(BIKE, str(src)))
    assert page.evaluate(lit) == [f"{p}n1", f"{p}f1", f"{p}e2"]  # P1, its "+2 claims" box
    assert page.locator("#am-details-body a").get_attribute("href") == "bike.P1.html"
    assert page.url == (tmp_path / "bike.html").as_uri()  # the claim's own link is not followed
    page.locator(f"#am-viewport g#{p}f2 a").click()  # O1's "+3 claims" box: its page
    page.wait_for_url((tmp_path / "bike.O1.html").as_uri())
    assert page.title() == "Test map: O1"
    assert page.evaluate(drawn) == ["O1", "R1", "P2", "P3"]
    assert problems == []


FRAME = (700, 520)


@pytest.fixture(scope="module")
def framed_bike(tmp_path_factory) -> Path:
    """The bike map's --embed page inside a 700×520 iframe of an article page."""
    folder = tmp_path_factory.mktemp("embed")
    amap = make_map(BIKE, "bike.yaml")
    write_atomic(folder / "bike.html", render_html(amap, run_checks(amap), embed=True))
    article = (
        '<!DOCTYPE html><html><body style="margin:0"><p>Before the map.</p>'
        f'<iframe src="bike.html" width="{FRAME[0]}" height="{FRAME[1]}" title="Argument map" '
        'style="border:0;display:block"></iframe><p>After the map.</p></body></html>'
    )
    write_atomic(folder / "article.html", article.encode("utf-8"))
    return folder / "article.html"


def frame_of(page):
    page.wait_for_selector("iframe")
    frame = page.frame_locator("iframe")
    frame.locator("#am-viewport svg").wait_for()
    return frame, page.frames[1]


def test_embed_page_fills_its_frame(open_page, framed_bike, tmp_path):
    page, problems = open_page(framed_bike, 900, 700)
    _, inner = frame_of(page)
    view = inner.locator("#am-viewport").bounding_box()
    assert view["width"] * view["height"] >= 0.95 * FRAME[0] * FRAME[1]
    scroll = inner.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert scroll == list(FRAME)  # no scrollbars
    drawn = inner.locator("#am-viewport g.graph").bounding_box()  # the map, fitted
    fit = max(drawn["width"] / FRAME[0], drawn["height"] / FRAME[1])
    assert 0.9 <= fit <= 1.0
    for word in ("Selected claim", "Outline", "Findings", "Show"):
        assert inner.get_by_text(word, exact=True).count() == 0
    home = inner.evaluate(VIEWBOX)
    page.mouse.move(350, 300)
    page.mouse.wheel(0, -200)  # scrolls the article, never zooms the map
    assert inner.evaluate(VIEWBOX) == home
    page.keyboard.down("Control")
    page.mouse.wheel(0, -200)  # Ctrl and the wheel zoom, as on a web map
    page.keyboard.up("Control")
    assert inner.evaluate(VIEWBOX)[2] < home[2]
    page.screenshot(path=tmp_path / "framed.png")
    assert problems == []


def test_embed_click_and_enter_show_the_claim_in_a_dialog(open_page, framed_bike):
    page, problems = open_page(framed_bike, 900, 700)
    frame, inner = frame_of(page)
    dialog = frame.locator("#am-overlay")
    assert not dialog.is_visible()
    frame.locator('#am-viewport g[data-claim="P2"]').click()
    assert dialog.is_visible()
    assert dialog.locator(".am-details-text").inner_text() == "Shops report most customers walk."
    assert dialog.locator("#am-overlay-cap").inner_text() == "Premise · P2"
    assert dialog.locator(".am-details-source").inner_text() == "Source: Town survey 2020"
    assert dialog.locator("dd.am-warn").inner_text() == "no reason given (AM101)"
    assert dialog.locator("dt").all_inner_texts() == ["Supports", "Findings"]
    assert dialog.locator(".am-chip").all_inner_texts() == ["R1 (with P3)"]  # linked premises
    assert inner.evaluate("document.activeElement.id") == "am-overlay-cap"
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert inner.evaluate("document.querySelectorAll('.am-lit').length") == 0
    inner.locator('#am-viewport g[data-claim="T1"]').focus()
    page.keyboard.press("Tab")  # claims are reached with Tab, in map order
    assert inner.evaluate("document.activeElement.dataset.claim") == "P1"
    page.keyboard.press("Enter")
    assert dialog.locator(".am-details-text").inner_text() == "Cycling to work is rising."
    dialog.get_by_role("button", name="E1").click()  # a relation: the dialog follows it
    assert dialog.locator("#am-overlay-cap").inner_text() == "Evidence · E1"
    dialog.get_by_role("button", name="Close").click()
    assert not dialog.is_visible()
    # focus goes back on the dialog's close event, which comes a task later
    inner.wait_for_function("document.activeElement?.dataset.claim === 'E1'", timeout=5000)
    assert inner.evaluate("document.activeElement.dataset.claim") == "E1"
    assert problems == []


def test_whole_page_side_panel_hides_and_stays_hidden(open_page, bike_page):
    page, problems = open_page(bike_page)
    width = page.locator("#am-viewport").bounding_box()["width"]
    toggle = page.get_by_role("button", name="Hide panel")
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert not page.locator("#am-side").is_visible()
    assert page.get_by_role("button", name="Show panel").get_attribute("aria-expanded") == "false"
    page.reload()
    assert not page.locator("#am-side").is_visible()  # remembered
    assert page.locator("#am-viewport").bounding_box()["width"] > width + 250
    claim(page, "O2").click()  # no panel: the details come in the dialog
    assert page.locator("#am-overlay .am-details-text").inner_text() == (
        "The count was taken in summer."
    )
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Show panel").click()
    assert page.locator("#am-side").is_visible()
    claim(page, "O2").click()
    assert not page.locator("#am-overlay").is_visible()
    assert page.locator("#am-details-body .am-details-text").inner_text() == (
        "The count was taken in summer."
    )
    assert problems == []
