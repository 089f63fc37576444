"""Write an argument map as a Mermaid flowchart (export only).

Mermaid (https://mermaid.js.org, "Flowcharts - Basic Syntax") renders inside
Markdown on GitHub, GitLab and Obsidian. The chart runs bottom to top
(``flowchart BT``) so the thesis is on top; each kind has its own shape and
colour class; supports are solid arrows, attacks solid lines ending in a
cross, undercuts dotted lines ending in a cross, and attack lines are red
(``linkStyle``), so colour is never the only cue.

Map text is untrusted: Mermaid reads ``%%{init: …}%%`` directives anywhere in a
document, ``"`` ends a label, ``#…;`` is an entity code, ``<`` starts HTML, a
backquote starts Markdown, ``$$`` starts math and a line holding ``style``, ``:``
and an entity code loses its last ``;``. So every label is quoted, every
character of :data:`SYNTAX` is written as a numeric entity code
(:data:`LABEL_ESCAPES`), a WORD JOINER goes where :data:`JOINS` says and
whitespace runs become one space. The title, in the YAML front matter, is a
double-quoted YAML scalar with the same characters written as ``\\uXXXX``
escapes (Mermaid shows the title as plain text and decodes no entity code
there), so no syntax character of the map reaches the ``.mmd`` file literally.
Nodes, junctions, edges and captions are those of
:func:`argmap.diagram.diagram` (claims ``n0``, ``n1``, … in map order; junctions
``j0``, ``j1``, … as in every other output), colours those of the default theme.
"""

from __future__ import annotations

import re

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
#: Characters Mermaid reads as syntax in a quoted label or anywhere in the document.
SYNTAX = "\"#%{}'<>&`:"
#: Label character -> its Mermaid entity code (``#37;`` for ``%``, ``#123;`` for ``{`` …).
LABEL_ESCAPES = {c: f"#{ord(c)};" for c in SYNTAX}
#: Mermaid turns a backslash and ``n`` into a line break even when the backslash is an
#: entity code, so a backslash is followed by an invisible WORD JOINER (U+2060).
LABEL_ESCAPES["\\"] = "\\\u2060"
#: Where a WORD JOINER (U+2060) goes: inside ``$$`` (Mermaid renders ``$$…$$`` as
#: math, even when ``$`` is an entity code) and inside ``ﬂ°`` and ``¶ß``, the markers
#: of the placeholders Mermaid writes for entity codes and turns back into ``&#…;``
#: in the finished SVG (where entity codes are already decoded).
JOINS = re.compile("(?<=\\$)(?=\\$)|(?<=\ufb02)(?=\u00b0)|(?<=\u00b6)(?=\u00df)")


def _unmark(text: str) -> str:
    """``text`` with a WORD JOINER at each place :data:`JOINS` finds."""
    return JOINS.sub("\u2060", text)


def mermaid_text(text: str) -> str:
    """Text for inside a quoted Mermaid label: one line, syntax characters as entity codes.

    ``text`` (str) may hold anything; the result holds none of :data:`SYNTAX` and no
    line break. Whitespace runs become one space; control characters become U+FFFD
    (``#65533;``).
    """
    return "".join(
        LABEL_ESCAPES.get(c, "#65533;" if c < " " or c == "\x7f" else c)
        for c in _unmark(" ".join(text.split()))
    )


def mermaid_title(title: str) -> str:
    """``title`` (str) as a double-quoted YAML scalar for Mermaid's front matter.

    The characters of :data:`SYNTAX`, the backslash and every character that is not
    printable (controls, line and paragraph separators, format characters; a space
    stays) are written as ``\\uXXXX`` (``\\UXXXXXXXX`` above U+FFFF) escapes, so
    the scalar is one line and Mermaid's YAML reader gives back ``title`` exactly.
    """
    return '"' + "".join(map(_yaml_char, _unmark(title))) + '"'


def _yaml_char(c: str) -> str:
    """One character inside a double-quoted YAML scalar, escaped when it could be syntax."""
    if c in SYNTAX or c == "\\" or not (c.isprintable() or c == " "):
        return f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
    return c


def dump_mermaid(amap: ArgumentMap) -> Exported:
    """The map as a Mermaid flowchart (deterministic).

    Kept: claims with kind, id and paragraphs (in the caption), supports,
    linked premises, attacks, undercuts, the title. Lost (and listed):
    sources, tags, scores and the other fields Mermaid cannot show.
    """
    shape = diagram(amap)
    lines = []
    if amap.title:
        lines += ["---", f"title: {mermaid_title(amap.title)}", "---"]
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
