"""HTML fragments of the interactive page: kind filter, findings list, outline.

Written as HTML (not built by the script) so the page still reads, in order,
with scripts off or in a reader view. Captions are :func:`argmap.diagram.caption`
with the theme's kind label in title case (``"Premise P3 · ¶7,8"``). Every map text goes through
:func:`html.escape` (quotes included, for attributes).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from html import escape

from argmap.diagram import caption
from argmap.findings import Finding, student_sentence
from argmap.model import ArgumentMap
from argmap.render.outline import OutlineItem
from argmap.render.style import Theme
from argmap.util.text import and_list


def filters_html(kinds: Sequence[str], theme: Theme) -> str:
    """A fieldset with one checked checkbox per kind present, with the kind's colours."""
    rows = []
    for kind in kinds:
        ks = theme.kinds[kind]
        rows.append(
            f'<label><input type="checkbox" value="{escape(kind)}" checked>'
            f'<span class="am-swatch" style="background:{escape(ks.fill)};'
            f'border-color:{escape(ks.border)}" aria-hidden="true"></span>'
            f"{escape(ks.label.lower())}</label>"
        )
    return '<fieldset class="am-filter"><legend>Show</legend>' + "".join(rows) + "</fieldset>"


def _finding_body(f: Finding, student: bool) -> str:
    if student:  # the sentence names the claims; no code, no check name
        return f'<span class="am-msg">{escape(student_sentence(f))}</span>'
    about = f"{', '.join(f.claims)} · " if f.claims else ""
    return (
        f'<span class="am-cap">{escape(about)}{escape(f.check)}</span> '
        f'<span class="am-code">{escape(f.code)} {escape(f.severity)}</span> '
        f'<span class="am-msg">{escape(f.message)} (line {f.line})</span>'
    )


def findings_html(findings: Sequence[Finding], student: bool = False) -> str:
    """The findings section: one row per finding; a row with claims jumps to the first.

    With ``student`` each row is :func:`argmap.findings.student_sentence`: no code."""
    if not findings:
        rows = '<p class="am-hint">argmap check found nothing to report.</p>'
    else:
        items = []
        for f in findings:
            body = _finding_body(f, student)
            if f.claims:
                items.append(
                    f'<li><button type="button" class="am-row" '
                    f'data-claim="{escape(f.claims[0])}">{body}</button></li>'
                )
            else:
                items.append(f'<li><div class="am-row">{body}</div></li>')
        rows = '<ol class="am-list">' + "".join(items) + "</ol>"
    return (
        '<section class="am-findings" aria-labelledby="am-findings-h">\n'
        f'<h2 id="am-findings-h">Findings ({len(findings)})</h2>\n{rows}\n</section>\n'
    )


def relation_phrase(item: OutlineItem) -> str:
    """How an outline row argues about the row above it, worded as in the SVG's
    outline (:func:`argmap.render.outline.item_sentence`): ``"supports"``,
    ``"supports, together with P3"``, ``"attacks"``, ``"undercuts the step
    from E1 to P1"``; ``""`` for a top-level row."""
    if item.relation == "supports" and item.together:
        return f"supports, together with {and_list(item.together)}"
    if item.relation == "undercuts":
        return f"undercuts the step from {and_list(item.step)} to {item.target}"
    return "" if item.relation == "root" else item.relation


def _row(
    item: OutlineItem,
    amap: ArgumentMap,
    codes: Mapping[str, list[str]],
    theme: Theme,
    badges: Mapping[str, str],
) -> str:
    claim = amap.claims[item.claim]
    rel = relation_phrase(item)
    parts = [f'<span class="am-rel">{escape(rel)}:</span> '] if rel else []
    label = theme.kinds[claim.kind].label.title()
    cap = caption(claim, label, badge=badges.get(claim.id, ""), label_sep=" ")
    parts.append(f'<span class="am-cap">{escape(cap)}</span>')
    if codes.get(claim.id):  # codes, or plain words for students (see outline_html)
        parts.append(f' <span class="am-warn">⚠ {escape(", ".join(codes[claim.id]))}</span>')
    if item.repeat:
        parts.append(' <span class="am-again">(written out above)</span>')
    parts.append(f'<span class="am-text">{escape(claim.text)}</span>')
    cls = "am-row am-repeat" if item.repeat else "am-row"
    return (
        f'<li data-kind="{escape(claim.kind)}"><button type="button" class="{cls}" '
        f'data-claim="{escape(claim.id)}">{"".join(parts)}</button>'
    )


def outline_html(
    items: Sequence[OutlineItem],
    amap: ArgumentMap,
    codes: Mapping[str, list[str]],
    theme: Theme,
    badges: Mapping[str, str] | None = None,
) -> str:
    """The outline as nested ``<ul>`` lists of buttons, one per item.

    Args:
        items: :func:`argmap.render.outline.outline` of ``amap`` (reading order,
            each item's depth at most one more than the one before).
        amap: the map.
        codes: finding codes by claim id (shown as "⚠ AM101").
        theme: gives the kind labels of the captions.
        badges: ``--color-by`` label by claim id, added to captions.

    Iterative, so a long chain of claims cannot exhaust the Python stack.
    """
    return "".join(_outline_tokens(items, amap, codes, theme, badges or {}))


def _outline_tokens(
    items: Sequence[OutlineItem],
    amap: ArgumentMap,
    codes: Mapping[str, list[str]],
    theme: Theme,
    badges: Mapping[str, str],
) -> Iterator[str]:
    yield '<ul class="am-tree">'
    depth = 0
    for i, item in enumerate(items):
        if i and item.depth > depth:
            yield "<ul>"  # the row above stays open around its arguers
        elif i:
            yield "</li>" + "</ul></li>" * (depth - item.depth)
        depth = item.depth
        yield _row(item, amap, codes, theme, badges)
    if items:
        yield "</li>" + "</ul></li>" * depth
    yield "</ul>"
