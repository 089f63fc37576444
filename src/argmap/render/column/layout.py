"""The whole column placed: title, the rows of the argument, the legend (pure).

:func:`layout` is the one entry point: a map (with the finding codes to mark
on its claims) and a column width in, a :class:`~argmap.render.column.shapes.Layout`
out; :func:`claim_codes` gives those codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from argmap.findings import Finding
from argmap.model import KINDS, ArgumentMap
from argmap.render.budget import Deadline
from argmap.render.column.boxes import title_box
from argmap.render.column.legend import Present, legend
from argmap.render.column.measure import Metrics, metrics
from argmap.render.column.place import Placer
from argmap.render.column.shapes import Box, Layout, Wire
from argmap.render.column.tree import Row, loops, rows
from argmap.render.dot import RenderOptions
from argmap.render.labels import finding_codes

#: The check code of a loop of support (every claim on the loop is marked with it).
CIRCLE_CODE = "AM102"


def claim_codes(amap: ArgumentMap, findings: Iterable[Finding]) -> dict[str, list[str]]:
    """Claim id → finding codes to mark on it, in order.

    A finding is marked on its first claim (as on the whole-map diagram),
    except a loop of support (:data:`CIRCLE_CODE`), marked on every claim of
    every loop (:func:`argmap.render.column.tree.loops`) that holds one of the
    finding's claims: the check names one witness cycle, a loop may hold more.
    """
    findings = list(findings)
    codes = finding_codes(findings)
    circled = {c for f in findings if f.code == CIRCLE_CODE for c in f.claims}
    if circled:
        position = {cid: k for k, cid in enumerate(amap.claims)}
        for loop in loops(amap):
            if loop & circled:
                for cid in sorted(loop, key=position.__getitem__):
                    if CIRCLE_CODE not in codes.setdefault(cid, []):
                        codes[cid].append(CIRCLE_CODE)
    return codes


def _present(
    amap: ArgumentMap, shown: Sequence[Row], wires: Sequence[Wire], codes: Mapping[str, object]
) -> Present:
    styles = {w.style for w in wires}
    return Present(
        kinds=tuple(k for k in KINDS if any(c.kind == k for c in amap.claims.values())),
        relations=tuple(s for s in ("support", "attack", "undercut", "fold") if s in styles),
        groups=any(r.kind == "group" for r in shown),
        refs=next((r.claim or "" for r in shown if r.kind == "ref"), ""),
        findings=any(codes.get(cid) for cid in amap.claims),
    )


def layout(
    amap: ArgumentMap,
    codes: Mapping[str, Sequence[str]],
    opts: RenderOptions,
    width: int,
    deadline: Deadline | None = None,
) -> tuple[Layout, Metrics]:
    """Place the column of ``amap`` ``width`` px wide.

    Args:
        amap: the map (or the part of it a page shows).
        codes: claim id → finding codes to mark (:func:`claim_codes`; empty to
            mark none).
        opts: what the diagram shows (theme, ids, paragraphs, legend, fills,
            badges, folds, links, highlight).
        width: the column width in CSS px.
        deadline: the rendering's deadline, looked at while placing the rows.

    Returns:
        The layout and the sizes it was made with.

    Raises:
        RenderError: DejaVu Sans, which text is measured with, is not installed.
        LayoutTimeout: ``deadline`` passed.
    """
    m = metrics(opts.theme, width)
    boxes: list[Box] = []
    top: float = m.margin
    if amap.title and amap.title.strip():
        head = title_box(amap.title.strip(), opts, m)
        boxes.append(head)
        top = head.bottom + m.gap + 4
    shown = rows(amap, opts.folds)
    placer = Placer(amap, opts, m, codes, shown, top, deadline=deadline)
    bottom = placer.run()
    boxes += [b for b in placer.boxes if b is not None]
    wires = list(placer.wires)
    if opts.legend:
        present = _present(amap, shown, wires, codes)
        parts, lines, bottom = legend(opts, m, present, bottom + 2 * m.gap)
        boxes += parts
        wires += lines
    height = round(bottom + m.margin)
    return Layout(width, height, tuple(boxes), tuple(wires)), m
