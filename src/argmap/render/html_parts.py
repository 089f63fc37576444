"""HTML fragments of the interactive page: kind filter, findings list, outline.

Written as HTML (not built by the script) so the page still reads, in order,
with scripts off or in a reader view. Every map text goes through
:func:`html.escape` (quotes included, for attributes).
"""

from __future__ import annotations

from html import escape
from typing import Iterator, Mapping, Sequence

from argmap.model import ArgumentMap, Claim
from argmap.problems import Finding
from argmap.render.html_outline import OutlineItem
from argmap.render.style import Theme


def caption(claim: Claim, theme: Theme) -> str:
    """``"Premise P3 · ¶7,8"``: kind label, id and paragraphs (plain text, not escaped)."""
    parts = [theme.kinds[claim.kind].label.title(), claim.id]
    head = " ".join(parts)
    return f"{head} · ¶{','.join(str(p) for p in claim.para)}" if claim.para else head


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
    return (
        '<fieldset class="am-filter"><legend>Show</legend>' + "".join(rows) + "</fieldset>"
    )


def findings_html(findings: Sequence[Finding]) -> str:
    """The findings section: one row per finding; a row with claims jumps to the first."""
    if not findings:
        rows = '<p class="am-hint">argmap check found nothing to report.</p>'
    else:
        items = []
        for f in findings:
            about = f"{', '.join(f.claims)} · " if f.claims else ""
            body = (
                f'<span class="am-cap">{escape(about)}{escape(f.check)}</span> '
                f'<span class="am-code">{escape(f.code)} {escape(f.severity)}</span> '
                f'<span class="am-msg">{escape(f.message)} (line {f.line})</span>'
            )
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


def _relation(item: OutlineItem) -> str:
    if item.relation == "supports" and item.linked_with:
        return f"supports, linked with {', '.join(item.linked_with)}"
    if item.relation == "undercuts":
        return f"undercuts the step {item.via}"
    return item.relation


def _row(item: OutlineItem, amap: ArgumentMap, codes: Mapping[str, list[str]],
         theme: Theme) -> str:  # fmt: skip
    claim = amap.claims[item.claim]
    rel = _relation(item)
    parts = [f'<span class="am-rel">{escape(rel)}:</span> '] if rel else []
    parts.append(f'<span class="am-cap">{escape(caption(claim, theme))}</span>')
    if codes.get(claim.id):
        parts.append(f' <span class="am-warn">⚠ {escape(" ".join(codes[claim.id]))}</span>')
    if item.repeat:
        parts.append(' <span class="am-again">(written out above)</span>')
    parts.append(f'<span class="am-text">{escape(claim.text)}</span>')
    cls = "am-row am-repeat" if item.repeat else "am-row"
    return (
        f'<li data-kind="{escape(claim.kind)}"><button type="button" class="{cls}" '
        f'data-claim="{escape(claim.id)}">{"".join(parts)}</button>'
    )


def outline_html(items: Sequence[OutlineItem], amap: ArgumentMap,
                 codes: Mapping[str, list[str]], theme: Theme) -> str:  # fmt: skip
    """The outline as nested ``<ul>`` lists of buttons (one per claim appearance).

    Iterative, so a long chain of claims cannot exhaust the Python stack.
    """
    return "".join(_outline_tokens(items, amap, codes, theme))


def _outline_tokens(items: Sequence[OutlineItem], amap: ArgumentMap,
                    codes: Mapping[str, list[str]], theme: Theme) -> Iterator[str]:  # fmt: skip
    yield '<ul class="am-tree">'
    stack = [iter(items)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            yield "</ul></li>" if stack else "</ul>"
            continue
        yield _row(item, amap, codes, theme)
        if item.children:
            yield "<ul>"
            stack.append(iter(item.children))
        else:
            yield "</li>"
