"""``argmap serve`` in Debian's headless Chromium (Playwright): a map page redraws when
its file is saved, shows the errors of a broken save with line and column, recovers
on the next good save, and the projector view has no side panel.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from test_html_browser import CHROMIUM, CHROMIUM_ARGS
from test_serve import GOOD, Running, write

from conftest import needs_dot

pytestmark = [pytest.mark.browser, needs_dot]

#: The height (CSS px) of claim P1's first line of text in the diagram.
P1_TEXT = "document.querySelector('g[data-claim=\"P1\"] text').getBoundingClientRect().height"
NEW_CLAIM = "  P2: {kind: premise, text: Pupils check the time on their phones., supports: T1}\n"
#: The save that breaks the map: a claim supporting a claim that does not exist (line 6).
BREAK = "  P3: {kind: premise, text: Oops., supports: T7}\n"


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium from the system; fails (not skips) when it cannot start."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def served(tmp_path: Path):
    write(tmp_path / "class" / "phones.yaml", GOOD)
    run = Running(str(tmp_path / "class"))
    yield run, tmp_path / "class" / "phones.yaml"
    run.close()


def poll(page, script: str, seconds: float = 5.0):
    """Evaluate ``script`` until it gives a truthy value (across reloads); that value and
    the seconds it took, or (None, seconds) when time ran out."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            value = page.evaluate(script)
        except Exception:  # the page is reloading: its context went away
            value = None
        if value:
            return value, time.monotonic() - started
        time.sleep(0.05)
    return None, time.monotonic() - started


def test_edit_break_fix_and_project(browser, served):
    run, path = served
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(run.url + "map/phones.yaml")
    assert page.locator('g[data-claim="P1"]').count() == 1
    assert page.locator('g[data-claim="P2"]').count() == 0
    time.sleep(0.3)  # the event stream is open

    write(path, GOOD + NEW_CLAIM)
    found, took = poll(page, "document.querySelectorAll('g[data-claim=\"P2\"]').length")
    assert found == 1 and took < 2.0, f"the new claim appeared after {took:.2f} s"
    assert "Pupils check the time" in page.inner_text("#am-outline")

    write(path, GOOD + NEW_CLAIM + BREAK)
    shown, took = poll(page, "document.querySelector('pre.am-errors')?.textContent")
    assert shown and took < 2.0, f"the error appeared after {took:.2f} s"
    assert "phones.yaml:7:" in shown and "T7" in shown, shown

    write(path, GOOD + NEW_CLAIM)
    back, took = poll(page, "document.querySelectorAll('g[data-claim=\"P2\"]').length")
    assert back == 1 and took < 2.0, f"the map came back after {took:.2f} s"
    normal_text = page.evaluate(P1_TEXT)
    normal_size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")

    page.goto(run.url + "map/phones.yaml?projection=1")
    assert page.locator("#am-side").is_hidden()
    assert page.locator("#am-viewport").is_visible()
    size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert size > normal_size * 1.1, (size, normal_size)
    text = page.evaluate(P1_TEXT)
    assert text > normal_text * 1.25, (text, normal_text)  # the map's own text, larger
    pane = page.evaluate("document.getElementById('am-viewport').getBoundingClientRect().width")
    assert pane > 1200  # the diagram takes the whole width
    page.click('g[data-claim="P1"]')
    assert page.locator("#am-overlay").is_visible()  # details in a dialog, not a panel
    # the page of the broken map came with status 422, which Chromium logs; nothing else
    assert [p for p in problems if "status of 422" not in p] == [], problems
    page.close()
