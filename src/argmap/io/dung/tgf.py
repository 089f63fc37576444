"""Trivial Graph Format (TGF) as Dung frameworks are written in it.

TGF (as yEd reads and writes it, and the ICCMA 2015–2019 competitions used it
for frameworks): one node per line, ``ID`` or ``ID LABEL``; a line holding
only ``#``; then one edge per line, ``FROM TO`` with an optional label. Each
node is an argument (its label, when given, is the claim's text) and each
edge an attack. Edge labels are left out with an ``import-note``. An edge
with fewer than two ids, an edge naming an undeclared node, a node declared
twice and a second ``#`` line are errors at their line and column.
"""

from __future__ import annotations

from argmap.io.dung.framework import Framework, projection_losses
from argmap.io.exchange import Exported, Imported
from argmap.model import ArgumentMap, Position


def split_fields(line: str, limit: int) -> list[tuple[int, str]]:
    """Up to ``limit`` whitespace-separated fields with their 1-based columns; the last
    field is the rest of the line (stripped)."""
    out: list[tuple[int, str]] = []
    i, n = 0, len(line)
    while i < n and len(out) < limit:
        while i < n and line[i].isspace():
            i += 1
        if i >= n:
            break
        if len(out) == limit - 1:
            out.append((i + 1, line[i:].strip()))
            break
        start = i
        while i < n and not line[i].isspace():
            i += 1
        out.append((start + 1, line[start:i]))
    return out


def loads_tgf(text: str, path: str = "<string>") -> Imported:
    """Read a TGF framework.

    Returns:
        The map: a claim per node (text: its label, else its id), an attack per edge.

    Raises:
        MapLoadError: a malformed edge, an undeclared or twice-declared node,
            or a second ``#`` line (each with line and column).
    """
    fw = Framework(path)
    edges = False
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        fields = split_fields(line, 3 if edges else 2)
        if not fields:
            continue
        pos = Position(path, number, fields[0][0])
        if fields[0][1] == "#" and len(fields) == 1:
            if edges:
                fw.builder.error(pos, "a second '#' line: TGF has nodes, one '#' line, then edges")
            edges = True
        elif not edges:
            name = fields[0][1]
            if name in fw.arguments:
                fw.builder.error(pos, f"node {name!r} is declared twice")
            fw.argument(name, pos, fields[1][1] if len(fields) > 1 else None)
        elif len(fields) < 2:
            fw.builder.error(pos, f"the edge {fields[0][1]!r} names one node: write 'FROM TO'")
        else:
            if len(fields) == 3:
                fw.builder.note(
                    Position(path, number, fields[2][0]),
                    f"the edge label {fields[2][1]!r} is left out (every edge is an attack)",
                )
            fw.attack(fields[0][1], fields[1][1], pos)
    return fw.build()


def _usable(cid: str) -> bool:
    return bool(cid) and not any(ch.isspace() for ch in cid) and cid != "#"


def dump_tgf(amap: ArgumentMap) -> Exported:
    """The attack projection of ``amap`` as TGF (:mod:`argmap.io.dung.framework`).

    Nodes are the claim ids with the text (whitespace collapsed) as label when
    it differs; when some id holds whitespace (or is ``#``), TGF cannot hold
    it and every node is numbered 1 to N in claim order (reported as lost).

    Returns:
        The document; lost: supports, undercuts, kinds not guessed back, other
        fields, and the ids when numbered.
    """
    lost = projection_losses(amap, keep_text=True)
    names = {cid: cid for cid in amap.claims}
    if not all(_usable(cid) for cid in amap.claims):
        names = {cid: str(n) for n, cid in enumerate(amap.claims, 1)}
        lost.append("claim ids (a TGF id is one word: nodes are numbered)")
    lines = []
    for cid, claim in amap.claims.items():
        text = " ".join(claim.text.split())
        lines.append(names[cid] if text == names[cid] else f"{names[cid]} {text}")
    lines.append("#")
    lines += [f"{names[a.attacker]} {names[a.target]}" for a in amap.attacks]
    return Exported("\n".join(lines) + "\n", tuple(lost))
