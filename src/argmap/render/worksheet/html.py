"""A worksheet as one offline HTML page, printable from a browser.

The page holds what the PDF holds (:mod:`.printed`): the heading with name
and date lines, the instructions, the map as one SVG (a screen has no page
size to cut it to) or the cards in a grid with dashed borders, the list
under it, and the answer key in a ``<section id="answer-key">`` set off by a
double rule (in its own file by default: :func:`argmap.render.worksheet.jobs`;
after the students' part it starts on a new page when printed).
Every text of the map is escaped (:func:`html.escape`; the SVG's by Graphviz
from labels built with :func:`argmap.render.labels.html_text`); no script, no
request to the network. Text is 12 pt, small notes 11 pt; on a screen the
map keeps its natural size (claim text 11 pt), scrolling sideways in a narrow
window rather than shrinking; printed (``@media print``, ``@page`` of the
sheet's paper) it is scaled down to the page's width when wider, and the cards
stand two a row, none cut across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from argmap.render.sheets.layout import Painter
from argmap.render.worksheet.content import Content, Settings
from argmap.render.worksheet.diagram import diagram_options, diagram_svg, worksheet_geometry
from argmap.render.worksheet.printed import GUIDE, Part

STYLE = """
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 12pt;
  color: #000; background: #fff; max-width: 60em; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 16pt; margin: 0.4em 0; } h2 { font-size: 14pt; margin: 1em 0 0.4em; }
.name { font-size: 12pt; } .guide { font-size: 11pt; color: #444; }
.map { overflow-x: auto; margin: 1em 0; } .map svg { height: auto; }
table { border-collapse: collapse; } td { vertical-align: top; padding: 0.2em 0.6em 0.2em 0; }
td.label { font-weight: bold; white-space: nowrap; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 0;
  border-top: 1px dashed #000; border-left: 1px dashed #000; }
.card { border-right: 1px dashed #000; border-bottom: 1px dashed #000; padding: 10pt;
  min-height: 6em; font-size: 13pt; overflow-wrap: anywhere; }
.card .number { display: block; text-align: right; font-size: 11pt; color: #444; }
td, .card, li { overflow-wrap: anywhere; }
.key { border-top: 4px double #000; margin-top: 2em; break-before: page;
  page-break-before: always; }
main > .key:first-child, body > .key:first-child { break-before: auto;
  page-break-before: auto; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .map { overflow: visible; }
  .map svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .card { break-inside: avoid; page-break-inside: avoid; }
  tr, h2 { break-inside: avoid; } h2 { break-after: avoid; }
}
"""

#: The printed page of each paper (CSS ``@page``): its size and margins.
PAGE = {
    "a4": "@page { size: A4; margin: 15mm; }\n",
    "letter": "@page { size: letter; margin: 0.6in; }\n",
}


def worksheet_html(
    content: Content, settings: Settings, painter: Painter, part: Part = "all"
) -> bytes:
    """The worksheet of ``content`` as one HTML document (UTF-8 bytes): the
    students' part and the key, or one of them (``part``, as for the PDF).

    Raises:
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{escape(content.title)}</title>\n"
        f"<style>{STYLE}{PAGE.get(settings.paper, '')}</style>\n</head>\n<body>\n",
    ]
    if part != "key":
        parts += _students(content, settings, painter)
    if part != "students":
        parts += _key(content, settings, painter)
    parts.append("</body>\n</html>\n")
    return "".join(parts).encode("utf-8")


def _students(content: Content, settings: Settings, painter: Painter) -> list[str]:
    parts = [
        '<header>\n<p class="name">Name: ______________________ '
        "&#160;&#160; Date: ______________</p>\n",
        f"<h1>{escape(content.title)}</h1>\n<p>{escape(content.instructions)}</p>\n",
    ]
    if content.kind == "cards":
        return [*parts, "</header>\n<main>\n" + _cards(content.cards) + "</main>\n"]
    svg = _svg(content, settings, painter, content.kind == "classify")
    parts.append(f'<p class="guide">{escape(GUIDE)}</p>\n</header>\n<main>\n')
    listed = _list("list", content.list_title, content.items)
    if content.kind == "fill":  # the word bank first, as on paper
        parts.append(listed)
    parts.append(f'<figure class="map">\n{svg}\n</figure>\n')
    if content.kind != "fill":
        parts.append(listed)
    parts.append(_answers(content.answers) + "</main>\n")
    return parts


def _key(content: Content, settings: Settings, painter: Painter) -> list[str]:
    parts = ['<section class="key" id="answer-key">\n']
    if content.kind == "cards":
        parts.append("<h2>Answer key: the map, each box numbered as its card</h2>\n")
        parts.append(
            f'<figure class="map">\n{_svg(content, settings, painter, False)}\n</figure>\n'
        )
    parts.append(_list("", content.key_title, content.key) + "</section>\n")
    return parts


def _svg(content: Content, settings: Settings, painter: Painter, neutral: bool) -> str:
    geometry = worksheet_geometry(settings.paper)
    opts = diagram_options(geometry, neutral, geometry.wrap, content.kind == "flaw")
    return diagram_svg(content.shown, opts, painter, neutral).decode("utf-8")


def _list(css: str, heading: str, rows: Sequence[tuple[str, str]]) -> str:
    body = "".join(
        f'<tr><td class="label">{escape(label)}</td><td>{escape(text)}</td></tr>\n'
        for label, text in rows
    )
    klass = f' class="{css}"' if css else ""
    return f"<section{klass}>\n<h2>{escape(heading)}</h2>\n<table>\n{body}</table>\n</section>\n"


def _cards(cards: Sequence[tuple[str, str]]) -> str:
    items = "".join(
        f'<div class="card"><span class="number">card {escape(number)}</span>'
        f"{escape(text)}</div>\n"
        for number, text in cards
    )
    return f'<section class="cards">\n{items}</section>\n'


def _answers(labels: Sequence[str]) -> str:
    if not labels:
        return ""
    rows = "".join(
        f'<tr><td class="label">{escape(label)}</td><td>kind: ____________</td></tr>\n'
        for label in labels
    )
    return (
        f'<section class="answers">\n<h2>Your answers</h2>\n<table>\n{rows}</table>\n</section>\n'
    )
