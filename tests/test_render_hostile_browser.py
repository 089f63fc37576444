"""The pages of ``argmap render`` for hostile maps, in Chromium: no map text runs as script,
every claim opens its details without a page error (the page for an iframe, --split pages)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_html_browser import browser, open_page  # noqa: F401  (fixtures)
from test_render_hostile import LOOK_ALIKE, write

from conftest import needs_dot

pytestmark = [pytest.mark.browser, needs_dot]

#: Map text that would run script if it ever became markup, in every field the page shows,
#: with a step undercut, an undercutter whose own step is undercut, and linked premises.
HOSTILE = r"""
title: "</script><script>window.pwned=1</script> $title ${svg}"
source: {publication: "<svg onload=window.pwned=1>", url: "https://example.org/\"><b>x</b>"}
claims:
  T1:
    kind: thesis
    text: "</style><script>window.pwned=1</script>"
    source: "mailto:a@b.c?subject=</title>"
  "P<1>": {kind: premise, text: "<img src=x onerror=window.pwned=1> 日本語 🎉", supports: T1}
  "O'1":
    kind: objection
    text: "\"><svg onload=window.pwned=1>"
    attacks: T1
    source: "Notes <b>&amp;</b>"
  'R"1': {kind: rebuttal, text: "${title} ]]> <!-- \\N", attacks: "O'1"}
  "U&1": {kind: objection, text: "`${window.pwned=1}`", undercuts: "P<1> -> T1"}
  S1: {kind: evidence, text: "javascript:window.pwned=1", supports: "U&1", source: "https://example.org/s"}
  V1: {kind: rebuttal, text: "<a href=javascript:window.pwned=1>x</a>", undercuts: "S1 -> U&1"}
  L1: {kind: premise, text: "linked one"}
  L2: {kind: premise, text: "linked two"}
inferences:
  "I<1>": {premises: [L1, L2], conclusion: "P<1>"}
"""


#: The dialog is closed and its close event has run (it clears the selection).
CLOSED = (
    "() => !document.getElementById('am-overlay').open"
    " && !document.querySelector('#am-viewport .am-selected')"
)


def every_claim_opens_its_dialog(page) -> list[str]:
    """Click, then Enter on, every claim of an --embed page; follow each dialog's first
    relation; returns the ids whose dialog did not show them."""
    missed = []
    count = page.locator("#am-viewport g[data-claim]").count()
    assert count > 0
    for i in range(count):
        node = page.locator("#am-viewport g[data-claim]").nth(i)
        cid = node.get_attribute("data-claim")
        page.get_by_role("button", name="Fit", exact=True).click()
        node.click()
        cap = page.locator("#am-overlay-cap")
        if not cap.is_visible() or cid not in cap.inner_text():
            missed.append(cid)
        chips = page.locator("#am-overlay .am-chip")
        if chips.count():
            chips.first.click()
        page.keyboard.press("Escape")
        page.wait_for_function(CLOSED)
        node.focus()
        page.keyboard.press("Enter")
        if cid not in cap.inner_text():
            missed.append(cid)
        page.keyboard.press("Escape")
        page.wait_for_function(CLOSED)
    return missed


def test_hostile_embed_page_runs_no_script(run_cli, open_page, tmp_path):  # noqa: F811
    src = write(tmp_path, HOSTILE)
    out = tmp_path / "m.html"
    code, _, err = run_cli("render", str(src), "--embed", "--reject", "O'1", "-o", str(out))
    assert code == 0, err
    page, problems = open_page(out, 900, 600)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    assert every_claim_opens_its_dialog(page) == []
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate("document.querySelectorAll('img, iframe, b, style').length") == 1
    assert page.title().startswith("</script><script>window.pwned=1</script> $title ${svg}")
    assert problems == [] and dialogs == []


def test_page_link_of_an_output_named_in_no_utf_8(run_cli, open_page, tmp_path):  # noqa: F811
    src = write(tmp_path, LOOK_ALIKE)
    out = tmp_path / "\udcff.html"
    code, _, err = run_cli("render", str(src), "--split", "-o", str(out))
    assert code == 0, err
    page, problems = open_page(Path(os.fsdecode(out)))
    page.locator('#am-outline .am-row[data-claim="a"]').click()
    link = page.locator("#am-details-body a")
    assert (link.inner_text(), link.get_attribute("href")) == ("%FF.a.html", "%FF.a.html")
    link.click()
    page.wait_for_url("**/%FF.a.html")
    assert page.title() == "Look-alike branches: a"
    assert problems == []


#: Close the dialog (as Escape does) and press Enter on another claim in the same task,
#: before the dialog's close event, which comes a task later, has run.
CLOSE_THEN_ENTER = """async (cid) => {
  const dialog = document.getElementById("am-overlay");
  dialog.close();
  const node = document.querySelector(`#am-viewport g[data-claim="${cid}"]`);
  node.focus();
  node.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  await new Promise((done) => setTimeout(done, 100));
  const selected = [...document.querySelectorAll("g.am-selected")].map((g) => g.dataset.claim);
  return [dialog.open, document.getElementById("am-overlay-cap").textContent, selected];
}"""


def test_a_dialog_opened_right_after_another_closed_stays_open(run_cli, open_page, tmp_path):  # noqa: F811
    src = write(tmp_path, LOOK_ALIKE)
    out = tmp_path / "m.html"
    code, _, err = run_cli("render", str(src), "--embed", "-o", str(out))
    assert code == 0, err
    page, problems = open_page(out, 700, 520)
    page.locator('#am-viewport g[data-claim="a"]').click()
    assert page.locator("#am-overlay-cap").inner_text() == "Premise · a"
    assert page.evaluate(CLOSE_THEN_ENTER, "E1") == [True, "Evidence · E1", ["E1"]]
    assert problems == []


#: Close the dialog and focus another claim before the close event has run.
CLOSE_THEN_FOCUS = """async (cid) => {
  document.getElementById("am-overlay").close();
  document.querySelector(`#am-viewport g[data-claim="${cid}"]`).focus();
  await new Promise((done) => setTimeout(done, 100));
  return document.activeElement.dataset.claim;
}"""


def test_focus_moved_right_after_the_dialog_closed_stays(run_cli, open_page, tmp_path):  # noqa: F811
    src = write(tmp_path, LOOK_ALIKE)
    out = tmp_path / "m.html"
    code, _, err = run_cli("render", str(src), "--embed", "-o", str(out))
    assert code == 0, err
    page, problems = open_page(out, 700, 520)
    page.locator('#am-viewport g[data-claim="a"]').click()
    page.locator("#am-overlay .am-chip").first.click()  # the dialog follows a to E1
    assert page.locator("#am-overlay-cap").inner_text() == "Evidence · E1"
    assert page.evaluate(CLOSE_THEN_FOCUS, "E2") == "E2"  # not taken back to E1
    page.locator('#am-viewport g[data-claim="E2"]').press("Enter")
    page.keyboard.press("Escape")  # closed in the usual way: focus goes back to the claim
    page.wait_for_function(CLOSED)
    assert page.evaluate("document.activeElement.dataset.claim") == "E2"
    assert problems == []
