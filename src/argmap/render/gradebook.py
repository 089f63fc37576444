"""The grading report page: per student, the score, its parts, the feedback, and the
student's diagram and the model's (side by side when both fit, else stacked),
missed and extra claims marked.

Pure: the command line grades the maps and renders the diagrams
(:func:`argmap.render.pipeline.render_svg`, with fills, badges and double
borders marking the claims), then passes plain data here. Every text is
escaped (:func:`html.escape`); the page has no script and no outside resource,
and the same data gives the same bytes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from argmap.render.svg import clean_svg

#: Fill of a model claim the student missed (light grey: no kind uses it), and of a student's
#: claim that is not in the model (a light violet). Badges say the same in words.
MISSED_FILL = "#d9d9d9"
EXTRA_FILL = "#e6dcf7"
MISSED_BADGE = "missed"
EXTRA_BADGE = "not in the model"
ROLE_BADGE = "wrong place"
OPPOSITE_BADGE = "the opposite"

_CSS = """
body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:1.5rem;color:#1a1a1a;line-height:1.4}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.3rem .6rem}
th{background:#f0f0f0}td.n{text-align:right}
section{border-top:2px solid #444;margin-top:2rem;padding-top:.5rem}
.pair{display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:flex-start}
.pair figure{margin:0;min-width:0;max-width:100%}figcaption{font-weight:bold;margin-bottom:.3rem}
.error{color:#9c1f18}.key span{display:inline-block;padding:0 .4rem;border:1px solid #888}
"""


@dataclass(frozen=True)
class StudentSection:
    """One student's part of the page.

    Attributes:
        file: the student's map file as given.
        rank: 1 = best score.
        score: 0–100, or None when the file could not be graded.
        parts: ``(part name, value shown)`` rows.
        sentences: feedback in plain words.
        findings: findings on the student's map, one line each.
        error: why the file could not be graded (None when it was).
        student_svg: the student's diagram; ``model_svg`` the model's, both
            finished SVGs with distinct id prefixes (None when not drawn).
    """

    file: str
    rank: int
    score: int | None
    parts: tuple[tuple[str, str], ...] = ()
    sentences: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    error: str | None = None
    student_svg: bytes | None = None
    model_svg: bytes | None = None


def _figure(caption: str, svg: bytes) -> str:
    """A finished SVG in a figure as wide as the diagram's natural width (the SVG's
    ``viewBox``, 1 unit = 1 CSS px), so both diagrams keep the theme's text size:
    they sit side by side when the page is wide enough, else one under the
    other, and only a diagram wider than the page is scaled down."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", clean_svg(svg).decode("utf-8"))
    box = re.search(r'viewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)', text)
    width = f' style="flex:0 1 {math.ceil(float(box.group(1)))}px"' if box else ""
    return f"<figure{width}><figcaption>{caption}</figcaption>{text}</figure>"


def _table(
    sections: Sequence[StudentSection],
    part_names: Sequence[str],
    hrefs: Sequence[str] | None = None,
) -> list[str]:
    head = "".join(f"<th>{escape(p)}</th>" for p in part_names)
    rows = [f"<table><tr><th>rank</th><th>score</th><th>file</th>{head}</tr>"]
    for i, s in enumerate(sections):
        href = f"#s{s.rank}" if hrefs is None else hrefs[i]
        shown = dict(s.parts)
        cells = "".join(f'<td class="n">{escape(shown.get(p, ""))}</td>' for p in part_names)
        score = "" if s.score is None else str(s.score)
        rows.append(
            f'<tr><td class="n">{s.rank}</td><td class="n">{score}</td>'
            f'<td><a href="{escape(href)}">{escape(s.file)}</a></td>{cells}</tr>'
        )
    rows.append("</table>")
    return rows


def _section(s: StudentSection) -> list[str]:
    score = "not graded" if s.score is None else f"score {s.score}"
    out = [f'<section id="s{s.rank}"><h2>{s.rank}. {escape(s.file)}: {score}</h2>']
    if s.error is not None:
        out.append(f'<p class="error">{escape(s.error)}</p>')
    if s.sentences:
        out.append("<h3>Feedback</h3><ul>")
        out += [f"<li>{escape(t)}</li>" for t in s.sentences]
        out.append("</ul>")
    if s.findings:
        out.append("<h3>Problems in the map</h3><ul>")
        out += [f"<li>{escape(t)}</li>" for t in s.findings]
        out.append("</ul>")
    if s.student_svg is not None and s.model_svg is not None:
        out.append('<div class="pair">')
        out.append(_figure("Your map", s.student_svg))
        out.append(_figure("Model answer", s.model_svg))
        out.append("</div>")
    out.append("</section>")
    return out


def _head(title: str) -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]


def class_page(
    title: str,
    sections: Sequence[StudentSection],
    part_names: Sequence[str],
    hrefs: Sequence[str],
) -> bytes:
    """The class table alone as UTF-8 bytes, each file name linking to ``hrefs[i]``
    (a relative address, escaped here), one per section in rank order."""
    lines = [*_head(title), *_table(sections, part_names, hrefs), "</body></html>"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def report_page(
    title: str, sections: Sequence[StudentSection], part_names: Sequence[str]
) -> bytes:
    """The whole page as UTF-8 bytes.

    Args:
        title: the page's title (escaped here).
        sections: the students, in rank order.
        part_names: the rubric's parts, in column order.
    """
    key = (
        f'<p class="key">In the diagrams: <span style="background:{MISSED_FILL}">'
        f"{MISSED_BADGE}</span> a model claim you left out; "
        f'<span style="background:{EXTRA_FILL}">{escape(EXTRA_BADGE)}</span> a claim of yours '
        f"the model does not have; <b>{ROLE_BADGE}</b> a claim drawn in the wrong role; "
        f"<b>{OPPOSITE_BADGE}</b> a claim of yours that argues against the model's.</p>"
    )
    lines = [*_head(title), key, *_table(sections, part_names)]
    for section in sections:
        lines += _section(section)
    lines.append("</body></html>")
    return ("\n".join(lines) + "\n").encode("utf-8")
