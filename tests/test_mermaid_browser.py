"""argmap's Mermaid output rendered by the official ``mermaid`` package in Chromium.

The package (current and previous major version, pinned in tests/js/package.json and
package-lock.json) is installed by ``make test`` with ``npm ci`` into
tests/js/node_modules; when it is missing these tests fail, they never skip. Each
hostile map is written with :func:`dump_mermaid` and rendered with ``mermaid.render``
(default configuration, as a Markdown host uses it) in a ``file://`` page, then:

- every label's rendered text is the map's text, literally (whitespace runs as one
  space, the invisible word joiner after a backslash left out);
- the title, when Mermaid can show it, is the map's title literally, and is plain text;
- no directive takes effect: the SVG's style sheet is the one of the same chart with
  harmless text, and the nodes keep argmap's colours;
- the page makes no request but for itself and the local Mermaid script (every other
  request is recorded and refused).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_html_browser import CHROMIUM_ARGS

from argmap.diagram import caption
from argmap.io.mermaid import dump_mermaid
from argmap.model import ArgumentMap, Claim, Inference

from conftest import CHROMIUM, ROOT

pytestmark = pytest.mark.browser

NODE_MODULES = ROOT / "tests" / "js" / "node_modules"
#: npm package folder -> the version it must hold (package.json aliases the older one).
PACKAGES = {"mermaid": "12.", "mermaid11": "11."}

URL = "url(http://127.0.0.1:9/{})"
CSS = "* {{background-image:" + URL + "}}"
#: Claim texts Mermaid could read as syntax, each the smallest that shows one way in.
HOSTILE_TEXTS = [
    "a %%{init: {'themeCSS': '" + CSS.format("single") + "', 'theme': 'dark'}}%% b",
    'a %%{init: {"themeCSS": "' + CSS.format("double") + '", "theme": "dark"}}%% b',
    "%%{init: {'theme': 'dark'}}%%",
    "%%{wrap}%% %%{ init: { 'flowchart': { 'htmlLabels': false } } }%%",
    "%% a comment",
    "#quot; #35; #60;script#62; #amp; &amp; &lt;b&gt;",
    "\ufb02\u00b0\u00b060\u00b6\u00df \ufb02\u00b0lt\u00b6\u00df",
    "<script>alert(1)</script><b>bold</b><img src=http://127.0.0.1:9/img>",
    "back\\slash \\n \\\\ C:\\new\\table \\",
    'close "] ") "} ]) )) | |x| --> -.- ==> ~~~ --x end subgraph',
    "new\nline\r\nand\ttab\u2028here\u0085too",
    "style a:b #c; classDef x:y #z; style n0 fill:#f00;",
    "**bold** _em_ `code` $$x$$ [link](http://127.0.0.1:9/md)",
    "click n0 href 'javascript:alert(1)' ; linkStyle 0 stroke:red",
    "--- title: x ---",
]
#: A directive split across claims: one half in each of two claims.
SPLIT = (
    "a %%{init: {'themeCSS': '" + CSS.format("split"),
    "', 'theme': 'dark'}}%% b",
)
#: Titles Mermaid shows as plain text (it reserializes ``&``, ``<`` and ``>`` as HTML).
TITLES = [
    "t %%{init: {'themeCSS': '" + CSS.format("title") + "', 'theme': 'dark'}}%% u",
    't %%{init: {"theme": "dark"}}%% "q" \'s\'',
    "#quot; #35; back\\slash \\n: key: value # no comment",
    "--- end\n---\nflowchart LR\n  x[y]",
    "tab\there\u2028line",
    "\ufb02\u00b0\u00b060\u00b6\u00df \ufb02\u00b0lt\u00b6\u00df $$x$$",
]
#: Titles Mermaid cannot show literally; they must stay text and do nothing.
MANGLED_TITLES = [
    "<script>alert(1)</script><img src=http://127.0.0.1:9/timg> & <b>x</b>",
    "1 < 2 & 3 > 2",
]

RENDER = """async ([source, id]) => {
  mermaid.initialize({startOnLoad: false});
  const holder = document.createElement('div');
  document.body.append(holder);
  const {svg} = await mermaid.render(id, source);
  holder.innerHTML = svg;
  const root = holder.querySelector('svg');
  const text = e => e.textContent;
  const nodes = [...root.querySelectorAll('g.node')];
  const name = g => g.id.match(/flowchart-([nj][0-9]+)-/)[1];
  const thesis = nodes.find(g => name(g) === 'n0');
  const box = thesis.querySelector('rect, path, polygon');
  return {
    labels: Object.fromEntries(nodes.map(g => [name(g), text(g)])),
    titles: [...root.querySelectorAll(':scope > text')].map(e => [text(e), e.childElementCount]),
    style: text(root.querySelector('style')),
    fill: getComputedStyle(box).fill,
    scripts: root.querySelectorAll('script, img, iframe, a').length,
  };
}"""


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium from the system; fails (not skips) when it cannot start."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: run 'make test', which installs the test extra")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def mermaid_script(package: str) -> Path:
    """The package's browser bundle; fails (not skips) when npm has not installed it."""
    bundle = NODE_MODULES / package / "dist" / "mermaid.min.js"
    if not bundle.is_file():
        pytest.fail(f"{bundle} is missing: run 'make test' (or 'npm ci' in tests/js)")
    version = json.loads((bundle.parent.parent / "package.json").read_text("utf-8"))["version"]
    assert version.startswith(PACKAGES[package]), version
    return bundle


@pytest.fixture(scope="module", params=sorted(PACKAGES))
def render(request, browser, tmp_path_factory):
    """``render(source, id)`` -> what the page shows; ``render.requests`` lists every
    request the page made."""
    script = mermaid_script(request.param)
    page_file = tmp_path_factory.mktemp("mermaid") / "page.html"
    page_file.write_text(
        f'<!doctype html><meta charset="utf-8"><script src="{script.as_uri()}"></script>',
        encoding="utf-8",
    )
    allowed = {page_file.as_uri(), script.as_uri()}
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url in allowed else route.abort()
    )
    page.goto(page_file.as_uri())

    def render_(source: str, name: str) -> dict:
        result = page.evaluate(RENDER, [source, name])
        page.wait_for_load_state("networkidle")
        return result

    render_.requests = requests
    render_.allowed = allowed
    yield render_
    page.close()


def hostile_map(texts, title=None) -> ArgumentMap:
    """A thesis and one premise per text, two premises linked when there are two or more."""
    claims = {"T1": Claim("T1", "thesis", "thesis")}
    claims |= {f"P{k}": Claim(f"P{k}", "premise", t) for k, t in enumerate(texts, 1)}
    ids = tuple(claims)[1:]
    inferences = (Inference("I1", ids, "T1", linked=True),) if len(ids) > 1 else ()
    return ArgumentMap("hostile.yaml", claims, inferences=inferences, title=title)


def shown(text: str) -> str:
    """What a label must show: the text with whitespace runs as one space."""
    return " ".join(text.split())


def check_render(render, amap: ArgumentMap, name: str) -> dict:
    """Render the map and its harmless twin; assert labels, style, colours, requests."""
    harmless = ArgumentMap(
        "x.yaml",
        {i: Claim(i, c.kind, "x") for i, c in amap.claims.items()},
        inferences=amap.inferences,
        title="x" if amap.title else None,
    )
    render.requests.clear()
    result = render(dump_mermaid(amap).text, name)
    twin = render(dump_mermaid(harmless).text, name)
    expected = {f"n{k}": caption(c) + shown(c.text) for k, c in enumerate(amap.claims.values())}
    expected |= {f"j{k}": i.id for k, i in enumerate(i for i in amap.inferences if i.linked)}
    assert {n: text.replace("\u2060", "") for n, text in result["labels"].items()} == expected
    assert result["style"] == twin["style"] and "127.0.0.1" not in result["style"]
    assert result["fill"] == twin["fill"] == "rgb(219, 233, 255)"  # argmap's thesis fill
    assert result["scripts"] == 0
    assert set(render.requests) <= render.allowed, render.requests
    return result


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_label_shows_literally_and_does_nothing(render, text):
    check_render(render, hostile_map([text]), "label")


def test_directive_split_across_claims_does_nothing(render):
    check_render(render, hostile_map(SPLIT), "split")


def test_all_hostile_labels_in_one_chart(render):
    check_render(render, hostile_map(HOSTILE_TEXTS), "all")


@pytest.mark.parametrize("title", TITLES)
def test_hostile_title_shows_literally_and_does_nothing(render, title):
    result = check_render(render, hostile_map(["p"], title=title), "title")
    assert [[t.replace("\u2060", ""), n] for t, n in result["titles"]] == [[title, 0]]


@pytest.mark.parametrize("title", MANGLED_TITLES)
def test_title_mermaid_cannot_show_stays_text(render, title):
    result = check_render(render, hostile_map(["p"], title=title), "mangled")
    [[_, elements]] = result["titles"]
    assert elements == 0
