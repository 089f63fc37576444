"""A map as an outline in reading order (pure; for screen readers and summaries).

The one outline of a map: :func:`outline_text` is the ``<desc>`` of every SVG
(:mod:`argmap.render.pipeline`), and :func:`outline` is also the nested,
keyboard-navigable outline of the interactive HTML page
(:func:`argmap.render.html.parts.outline_html`), so both read the same.

The outline starts at each thesis and walks, depth first, to what argues about
it: first the lines of support (with any undercut of each step right after
it), then the objections and, under each, its rebuttals. A claim that argues
about several claims is written out in full once and referred to ("see above")
afterwards, so cycles end and nothing is read twice. Claims no thesis leads
to follow, starting from those that argue about nothing.

Example::

    T1 (thesis): We should act.
      P1 (premise) supports T1: It helps.
      O1 (objection) attacks T1: It costs.
        R1 (rebuttal) attacks O1: It pays back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from argmap.model import ArgumentMap, Inference
from argmap.util.text import and_list

INDENT = "  "


@dataclass(frozen=True, slots=True)
class OutlineItem:
    """One line of the outline.

    Attributes:
        depth: nesting level (0 for a thesis or another starting claim).
        claim: id of the claim on this line.
        relation: ``"root"``, ``"supports"``, ``"attacks"`` or ``"undercuts"``.
        target: id of the claim argued about (for an undercut: the conclusion
            of the undercut inference); None for a root.
        inference: id of the inference (supports and undercuts), else None.
        together: the other premises of a linked inference, in order.
        step: for an undercut, the undercut inference's premises.
        repeat: the claim was written out above; its arguers are not repeated.
    """

    depth: int
    claim: str
    relation: str
    target: str | None = None
    inference: str | None = None
    together: tuple[str, ...] = ()
    step: tuple[str, ...] = ()
    repeat: bool = False


Child = tuple[str, str, Inference | None]  # (claim id, relation, inference)


def arguers(amap: ArgumentMap) -> dict[str, list[Child]]:
    """What argues about each claim, in reading order: supports (each step followed
    by its undercuts), then attacks; all in file order."""
    index: dict[str, list[Child]] = {cid: [] for cid in amap.claims}
    undercuts: dict[str, list[str]] = {}
    for und in amap.undercuts:
        undercuts.setdefault(und.inference, []).append(und.attacker)
    for inf in amap.inferences:
        if inf.conclusion not in index:
            continue
        index[inf.conclusion].extend((p, "supports", inf) for p in inf.premises if p in index)
        index[inf.conclusion].extend((a, "undercuts", inf) for a in undercuts.get(inf.id, ()))
    for att in amap.attacks:
        index[att.target].append((att.attacker, "attacks", None))
    return index


def _roots(amap: ArgumentMap) -> list[str]:
    arguing = {p for inf in amap.inferences for p in inf.premises if inf.conclusion in amap.claims}
    arguing |= {a.attacker for a in amap.attacks} | {u.attacker for u in amap.undercuts}
    theses = [cid for cid, c in amap.claims.items() if c.kind == "thesis"]
    sinks = [cid for cid in amap.claims if cid not in arguing and cid not in theses]
    return theses + sinks + list(amap.claims)


def outline(amap: ArgumentMap) -> list[OutlineItem]:
    """The map's claims in reading order (see the module docstring).

    Returns:
        One :class:`OutlineItem` per line; every claim appears exactly once
        with ``repeat=False``. Linear in claims times relations.
    """
    index = arguers(amap)
    items: list[OutlineItem] = []
    seen: set[str] = set()
    stack = [OutlineItem(0, root, "root") for root in reversed(_roots(amap))]
    while stack:  # depth first without recursion: deep chains cannot overflow
        item = stack.pop()
        if item.relation == "root" and item.claim in seen:
            continue
        repeat = item.claim in seen
        items.append(replace(item, repeat=repeat))
        if repeat:
            continue
        seen.add(item.claim)
        stack.extend(reversed([_child(item, child) for child in index[item.claim]]))
    return items


def _child(parent: OutlineItem, child: Child) -> OutlineItem:
    cid, relation, inf = child
    if inf is None:
        return OutlineItem(parent.depth + 1, cid, relation, parent.claim)
    together = tuple(p for p in inf.premises if p != cid) if relation == "supports" else ()
    step = inf.premises if relation == "undercuts" else ()
    return OutlineItem(parent.depth + 1, cid, relation, parent.claim, inf.id, together, step)


def item_sentence(amap: ArgumentMap, item: OutlineItem) -> str:
    """One outline line without indentation, e.g. ``"P1 (premise) supports T1: It helps."``."""
    claim = amap.claims[item.claim]
    head = f"{claim.id} ({claim.kind})"
    if item.relation == "supports":
        if item.together:
            head += f", together with {and_list(item.together)},"
        head += f" supports {item.target}"
    elif item.relation == "attacks":
        head += f" attacks {item.target}"
    elif item.relation == "undercuts":
        head += f" undercuts the step from {and_list(item.step)} to {item.target}"
    if item.repeat:
        return head + " (see above)."
    text = " ".join(claim.text.split())
    return f"{head}: {text}"


def outline_text(amap: ArgumentMap) -> str:
    """The outline as text: one line per item, indented two spaces per level.

    The first line says what follows, e.g. ``"Argument map of 4 claims, each
    indented under the claim it argues about."``; no trailing newline.
    """
    count = len(amap.claims)
    lines = [
        (
            f"Argument map of {count} claim{'s' if count != 1 else ''}, "
            "each indented under the claim it argues about."
        )
    ]
    lines += [INDENT * item.depth + item_sentence(amap, item) for item in outline(amap)]
    return "\n".join(lines)
