"""How each element of the whole-map diagram looks, as Graphviz attributes
(pure: a theme in, ``{attribute: value}`` out; :mod:`argmap.render.dot` makes
the graph's nodes, lines and boxes from them).

Every value is a string: colours ``#rrggbb``, widths in points, labels
HTML-like (:class:`~argmap.render.dotwriter.Html`, escaped by their makers:
:mod:`argmap.render.labels`, :mod:`argmap.render.legend`) or empty; the DOT
writer (:mod:`argmap.render.dotwriter`) quotes every plain string.
"""

from __future__ import annotations

from argmap.model import Claim
from argmap.render.dotwriter import Html
from argmap.render.style import Theme

#: Graphviz attributes: name → value (an :class:`~argmap.render.dotwriter.Html` label
#: is written as it is, any other string quoted when it needs to be).
Attrs = dict[str, str]

#: ``minlen`` of a line along a row: Graphviz leaves ``minlen × nodesep`` between
#: its ends, so an undercut or an objection beside its target has a line long
#: enough to see (rows are set by ``rank=same``, which this does not change).
FLAT_GAP = "4"

#: ``weight`` of the lines into the junction of a one-premise step (from its premise
#: and its undercutters): Graphviz keeps a heavy line short and straight, so the dot
#: sits over its premise, not beside another step's dot, its undercutter close by.
STEP_WEIGHT = "8"

#: Border width of a claim with findings, and of a highlighted claim (``--focus``),
#: relative to the theme's.
FINDING_WIDTH = 1.75
HIGHLIGHT_WIDTH = 1.5


def line_attrs(theme: Theme, style: str) -> Attrs:
    """A line drawn with the theme's edge style ``style`` (colour, pattern, head,
    width, head size; ``class`` is the style's name)."""
    es = theme.edges[style]
    return {
        "class": style,
        "color": es.color,
        "style": es.style,
        "arrowhead": es.arrowhead,
        "penwidth": f"{theme.edge_penwidth * es.penwidth:g}",
        "arrowsize": f"{theme.arrowsize * es.arrowsize:g}",
    }


def junction_attrs(theme: Theme, name: str) -> Attrs:
    """The junction dot ``name``: a small disc filled with the support colour."""
    colour = theme.edges["support"].color
    return {
        "id": name,
        "shape": "circle",
        "width": "0.2",
        "height": "0.2",
        "fixedsize": "true",
        "style": "filled",
        "fillcolor": colour,
        "color": colour,
        "label": "",
    }


def claim_attrs(
    theme: Theme,
    name: str,
    claim: Claim,
    label: str,
    *,
    flagged: bool = False,
    fill: str | None = None,
    highlighted: bool = False,
) -> Attrs:
    """The box of claim ``claim`` (node ``name``) with its HTML-like ``label``: the
    kind's shape, style and colours; the finding style and a thicker border in
    the finding colour when ``flagged``; a double, thicker border when
    ``highlighted``; ``fill`` instead of the kind's fill if given."""
    ks = theme.kinds[claim.kind]
    style, border, penwidth, peripheries = ks.style, ks.border, theme.penwidth, ks.peripheries
    if flagged:
        style = style.replace("bold", "") + "," + theme.finding_style
        border, penwidth = theme.finding_border, theme.penwidth * FINDING_WIDTH
    if highlighted:
        peripheries, penwidth = 2, penwidth * HIGHLIGHT_WIDTH
    return {
        "label": label,
        "id": name,
        "class": f"claim {claim.kind}",
        "shape": ks.shape,
        "style": ",".join(s for s in style.split(",") if s),
        "peripheries": str(peripheries),
        "fillcolor": fill or ks.fill,
        "color": border,
        "fontcolor": ks.text,
        "penwidth": f"{penwidth:g}",
    }


def box_attrs(theme: Theme, name: str) -> Attrs:
    """The light rounded box (a cluster, one row) around the linked premises of one reason."""
    return {
        "id": name,
        "rank": "same",
        "style": "rounded,filled",
        "fillcolor": theme.group_fill,
        "color": theme.group_border,
        "penwidth": f"{theme.penwidth * 0.75:g}",
        "margin": "10",
        "label": "",
    }


def fold_attrs(theme: Theme, name: str, label: str) -> Attrs:
    """A "+N claims hidden" box ``name`` with its HTML-like ``label``."""
    fold = theme.fold
    return {
        "id": name,
        "label": label,
        "shape": fold.shape,
        "style": fold.style,
        "fillcolor": fold.fill,
        "color": fold.border,
        "fontcolor": fold.text,
        "fontsize": f"{theme.caption_size:g}",
        "penwidth": f"{theme.penwidth:g}",
    }


def legend_attrs(theme: Theme, direction: str) -> Attrs:
    """The box (a cluster, one row) titled "Legend" around the legend's samples;
    the title on top in either ``direction`` (``TB`` or ``LR``)."""
    return {
        "id": "legend",
        "label": Html(f'<<FONT COLOR="{theme.title_color}"><B>Legend</B></FONT>>'),
        "labelloc": "b" if direction == "TB" else "t",
        "fontsize": f"{theme.caption_size:g}",
        "style": "rounded",
        "color": "#888888",
        "margin": "12",
        "rank": "same",
    }


def row_attrs(k: int, step: bool) -> tuple[str, Attrs]:
    """The name and attributes of the subgraph of the ``k``-th shared row: ``row<k>``
    with ``rank=same``; for a ``step`` row (a junction, its undercutters and their
    objections) an unseen cluster ``cluster_row<k>`` instead, whose nodes Graphviz
    keeps next to each other (element id ``row<k>``)."""
    if not step:
        return f"row{k}", {"rank": "same"}
    attrs = {"id": f"row{k}", "rank": "same", "style": "invis", "margin": "0", "label": ""}
    return f"cluster_row{k}", attrs
