"""Write an argument map as a Mermaid flowchart (export only).

Mermaid (https://mermaid.js.org, "Flowcharts - Basic Syntax") renders inside
Markdown on GitHub, GitLab and Obsidian. The chart runs bottom to top
(``flowchart BT``) so the thesis is on top; each kind has its own shape and
colour class; supports are solid arrows, attacks solid lines ending in a
cross, undercuts dotted lines ending in a cross, and attack lines are red
(``linkStyle``), so colour is never the only cue. Every label is quoted and
every character Mermaid could read as syntax is written as an entity code
(``#34;`` for ``"``, ``#35;`` for ``#``, ``#60;`` for ``<`` …) and a backslash is
followed by an invisible word joiner (Mermaid reads ``\\n`` as a line break), so
claim text shows literally. Nodes, junctions, edges and captions are those of
:func:`argmap.diagram.diagram` (claims ``n0``, ``n1``, … in map order; junctions
``j0``, ``j1``, … as in every other output), colours those of the default theme.
"""

from __future__ import annotations

import json

from argmap.diagram import (
    JUNCTION_COLOURS,
    KIND_COLOURS,
    RELATION_COLOURS,
    TEXT_COLOUR,
    Diagram,
    caption,
    diagram,
)
from argmap.io.exchange import Exported, lost_fields
from argmap.model import ArgumentMap

#: Node shape per kind: (opening, closing) around the quoted label.
SHAPES = {
    "thesis": ("[", "]"),
    "premise": ("(", ")"),
    "precedent": ("([", "])"),
    "evidence": ("([", "])"),
    "objection": ("(", ")"),
    "rebuttal": ("(", ")"),
}
_ARROWS = {"support": "-->", "premise": "---", "attack": "--x", "undercut": "-.-x"}
_ENTITIES = {c: f"#{ord(c)};" for c in '"#<>&`'}
#: Mermaid turns a backslash and ``n`` into a line break even when the backslash is an
#: entity code, so a backslash is followed by an invisible WORD JOINER (U+2060).
_ENTITIES["\\"] = "\\\u2060"


def mermaid_text(text: str) -> str:
    """Text for inside a quoted Mermaid label: one line, syntax characters as entity codes.

    Control characters become U+FFFD (``#65533;``).
    """
    return "".join(
        _ENTITIES.get(c, "#65533;" if c < " " or c == "\x7f" else c)
        for c in " ".join(text.split())
    )


def dump_mermaid(amap: ArgumentMap) -> Exported:
    """The map as a Mermaid flowchart (deterministic).

    Kept: claims with kind, id and paragraphs (in the caption), supports,
    linked premises, attacks, undercuts, the title. Lost (and listed):
    sources, tags, scores and the other fields Mermaid cannot show.
    """
    shape = diagram(amap)
    lines = []
    if amap.title:
        lines += ["---", f"title: {json.dumps(amap.title, ensure_ascii=False)}", "---"]
    lines.append("flowchart BT")
    for name, claim in shape.claims:
        opening, closing = SHAPES[claim.kind]
        label = f"{mermaid_text(caption(claim))}<br/>{mermaid_text(claim.text)}"
        lines.append(f'    {name}{opening}"{label}"{closing}')
    lines += [f'    {j.name}(("{mermaid_text(j.inference.id)}"))' for j in shape.junctions]
    lines += [f"    {e.source} {_ARROWS[e.relation]} {e.target}" for e in shape.edges]
    lines += _classes(shape)
    lost = list(shape.lost) + lost_fields(amap, frozenset({"para"}), frozenset({"title"}))
    return Exported("\n".join(lines) + "\n", tuple(lost))


def _classes(shape: Diagram) -> list[str]:
    """``classDef``/``class`` lines per kind and for junctions, and the red attack lines."""
    lines = []
    for kind, (fill, border) in KIND_COLOURS.items():
        members = [name for name, claim in shape.claims if claim.kind == kind]
        if members:
            width = "3px" if kind == "thesis" else "1.5px"
            style = f"fill:{fill},stroke:{border},stroke-width:{width},color:{TEXT_COLOUR}"
            lines.append(f"    classDef {kind} {style}")
            lines.append(f"    class {','.join(members)} {kind}")
    if shape.junctions:
        fill, border = JUNCTION_COLOURS
        style = f"fill:{fill},stroke:{border},color:{TEXT_COLOUR}"
        lines.append(f"    classDef inference {style}")
        lines.append(f"    class {','.join(j.name for j in shape.junctions)} inference")
    attack_links = [
        str(k) for k, e in enumerate(shape.edges) if e.relation in ("attack", "undercut")
    ]
    if attack_links:
        red = RELATION_COLOURS["attack"]
        lines.append(f"    linkStyle {','.join(attack_links)} stroke:{red},stroke-width:2px")
    return lines
