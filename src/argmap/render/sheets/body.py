"""A line of argument's part as a diagram: the claims, the references, the heading.

The claims and their relations are the diagram every output draws
(:func:`argmap.render.dot.build_diagram`, with the sheet's theme and no
legend). Added to its DOT:

* a heading as the graph's label: what the part shows ("Reason 4 for the
  thesis", "Objection 2 to the thesis, with its answers", "(continued)") over
  the breadcrumb back to the root ("T1 Canada should … › P23 › P13");
* a reference box per :class:`~argmap.render.pager.Ref`, tied to its claim by
  a dotted line: under it "continued on slide 7" or "see slide 4", over it
  "continued from slide 5". Reference boxes are ``r0``, ``r1`` … and their
  lines ``q0``, ``q1`` …; :attr:`Drawn.targets` names the part each box
  refers to, so an SVG can link it to the sheet showing that part.

All text is escaped (:func:`argmap.render.labels.html_text`).
"""

from __future__ import annotations

from dataclasses import replace

from argmap.diagram import node_names
from argmap.render.dot import build_diagram, dot_source
from argmap.render.labels import html_text
from argmap.render.outline import outline_text
from argmap.render.pager import Line, Part, Ref
from argmap.render.sheets.context import Drawn, Sheets
from argmap.render.sheets.layout import closing
from argmap.render.sheets.words import cut_to, wrap_lines
from argmap.util.text import and_list

#: A reference's words, by kind.
REF_WORDS = {"on": "continued on {}", "from": "continued from {}", "see": "see {}"}


def heading(sheets: Sheets, part: Part, share: float | None = None) -> tuple[str, str]:
    """A line part's (title, breadcrumb), unescaped, e.g. ``("Reason 4 for the
    thesis", "T1 Canada should strike a deal… › P23")``; the breadcrumb made for
    ``share`` of the sheet's width (see :func:`breadcrumb`)."""
    assert part.line is not None
    line = part.line
    about = sheets.root_name(line.root)
    if sheets.neutral:
        drawn = [ln for ln in sheets.lines if ln.part is not None]
        title = f"Part {drawn.index(line) + 1 if line in drawn else line.number}"
    elif line.head.relation == "supports":
        title = f"Reason {line.number} for {about}" + _skipped(sheets, line)
    else:
        answered = any(a.target in line.head.claims for a in part.amap.attacks)
        title = f"Objection {line.number} to {about}" + (", with its answers" if answered else "")
        title += _skipped(sheets, line)
    if part.continued:
        title += " (continued)"
    return title, breadcrumb(sheets, part.trail, share)


def _skipped(sheets: Sheets, line: Line) -> str:
    """``" (reason 3 is drawn whole in the overview)"``: the lines of the same root and
    relation numbered between the last one with a diagram and ``line`` that have none
    (the overview's box shows each whole), so the numbers of the headings do not
    jump without a word; ``""`` when there are none."""
    same = [
        ln
        for ln in sheets.lines
        if (ln.root, ln.head.relation) == (line.root, line.head.relation)
        and ln.number < line.number
    ]
    after = max((ln.number for ln in same if ln.part is not None), default=0)
    missing = [ln.number for ln in same if ln.part is None and ln.number > after]
    if not missing:
        return ""
    noun = "reason" if line.head.relation == "supports" else "objection"
    many = len(missing) > 1
    names = and_list([str(n) for n in missing])
    verb = "are" if many else "is"
    return f" ({noun}{'s' if many else ''} {names} {verb} drawn whole in the overview)"


def breadcrumb(sheets: Sheets, trail: tuple[str, ...], share: float | None = None) -> str:
    """``"T1 Canada should strike … › P23 › P13"``: the root with its text, then
    the ids. The root's text is cut only so the whole fits the room the heading
    gives it: :attr:`~argmap.render.sheets.geometry.Geometry.crumb_lines` lines of
    ``share`` of the sheet's width (default
    :attr:`~argmap.render.sheets.geometry.Geometry.heading`), never more than one
    line across the sheet."""
    if not trail:
        return ""
    geometry = sheets.geometry
    # the label's padding, and Graphviz draws text up to a few per cent wider than measured
    across = (geometry.body[0] - 24) * 0.94
    width = across * (geometry.heading if share is None else share)
    if geometry.crumb_lines > 1:  # wrapped lines end short of the width: keep some slack
        width = min(across, width * geometry.crumb_lines * 0.85)
    rest = "".join(f" › {cid}" for cid in trail[1:])
    root = sheets.amap.claims[trail[0]]
    size = geometry.note_size
    room = width - _width(f"{root.id}  {rest}", size)
    text = cut_to(root.text, size, max(room, width / 4))
    return cut_to(f"{root.id} {text}{rest}", size, width)


def _width(text: str, size: float) -> float:
    from argmap.render.fonts import text_width

    return text_width(text, size)


def heading_label(
    sheets: Sheets,
    title: str,
    crumb: str,
    most: int = 1,
    share: float = 1.0,
    title_share: float | None = None,
) -> str:
    """The graph label of a heading: the title in bold (at the sheet's title size,
    at most two lines, or as many as a breadcrumb may take) over the breadcrumb
    or a note (at most ``most`` lines), in ``share`` of the sheet's width (the
    title in ``title_share`` of it when given)."""
    theme, width = sheets.opts.theme, (sheets.geometry.body[0] - 24) * 0.94 * share
    size = sheets.geometry.title_size or theme.font_size
    across = width if title_share is None else width / share * title_share
    lines = wrap_lines(title, size, across, max(2, sheets.geometry.crumb_lines), bold=True)
    text = '<BR ALIGN="LEFT"/>'.join(html_text(line) for line in lines)
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{size:g}">'
        f'<B>{text}<BR ALIGN="LEFT"/></B></FONT></TD></TR>'
    ]
    if crumb:
        lines = wrap_lines(crumb, sheets.geometry.note_size, width, most)
        text = '<BR ALIGN="LEFT"/>'.join(html_text(line) for line in lines)
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{sheets.geometry.note_size:g}" '
            f'COLOR="{theme.caption_color}">{text}<BR ALIGN="LEFT"/></FONT></TD></TR>'
        )
    return '<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="3">' + "".join(rows) + "</TABLE>>"


def line_drawing(sheets: Sheets, part: Part) -> Drawn:
    """The drawing of a line part (see the module docstring).

    Raises:
        LayoutTimeout: the deadline passed while the DOT was built.
    """
    # on paper, a claim's source in full
    whole = 0 if sheets.geometry.noun == "page" else sheets.opts.source_lines
    opts = replace(sheets.opts, legend=False, folds={}, links={}, source_lines=whole)
    deadline = sheets.painter.deadline
    diagram = build_diagram(part.amap, sheets.findings, opts, deadline)
    names = node_names(part.amap)
    titles, targets = dict(diagram.titles), {}
    statements = [f'graph [label="", ranksep="{sheets.geometry.ranksep:g}"]']
    for k, ref in enumerate(part.refs):
        statements += _reference(sheets, k, ref, names[ref.claim])
        titles[f"r{k}"] = _ref_title(sheets, ref)
        targets[f"r{k}"] = ref.part
    source = dot_source(diagram.graph, deadline)
    share, most = _share(sheets, closing(source, statements)), sheets.geometry.crumb_lines
    # on paper the title may take the page's width (wrapped only where the page ends)
    page_wide = 1.0 if most > 1 else None
    label = heading_label(sheets, *heading(sheets, part, share), most, share, page_wide)
    statements.append(f'graph [label={label}, labelloc="t", labeljust="l"]')
    return Drawn(
        closing(source, statements),
        titles,
        diagram.links,
        outline_text(part.amap),
        sheets.painter.engine,
        targets,
    )


def _share(sheets: Sheets, bare: str) -> float:
    """The share of the sheet's width a heading may take: at least
    :attr:`~argmap.render.sheets.geometry.Geometry.heading`; on paper
    (breadcrumbs of several lines) as wide as the diagram under it, laid out
    without the heading (``bare``), so the heading uses the room there is."""
    geometry = sheets.geometry
    if geometry.crumb_lines == 1:
        return geometry.heading
    width = sheets.painter.size(bare, engine=sheets.painter.engine)[0]
    across = (geometry.body[0] - 24) * 0.94  # as :func:`heading_label` measures
    return min(1.0, max(geometry.heading, width / across))


def _reference(sheets: Sheets, k: int, ref: Ref, node: str) -> list[str]:
    """DOT statements of reference box ``r<k>`` and its line to claim node ``node``."""
    theme = sheets.opts.theme
    fold, line = theme.fold, theme.edges["fold"]
    text = REF_WORDS[ref.kind].format(sheets.where(ref.part))
    box = (
        f'r{k} [id="r{k}", class="reference", shape="box", style="{fold.style}", '
        f'fillcolor="{fold.fill}", color="{fold.border}", fontcolor="{fold.text}", '
        f'fontsize="{sheets.geometry.note_size:g}", penwidth="{theme.penwidth:g}", '
        f"label=<{html_text(text)}>]"
    )
    ends = f"{node} -> r{k}" if ref.kind == "from" else f"r{k} -> {node}"
    edge = (
        f'{ends} [id="q{k}", class="reference", style="{line.style}", color="{line.color}", '
        f'arrowhead="none", penwidth="{theme.edge_penwidth:g}", weight="8"]'
    )
    return [box, edge]


def _ref_title(sheets: Sheets, ref: Ref) -> str:
    where = sheets.where(ref.part)
    if ref.kind == "on":
        return f"What argues about {ref.claim} continues on {where}"
    if ref.kind == "from":
        return f"{ref.claim} and what argues about it, continued from {where}"
    return f"{ref.claim} is drawn with what argues about it on {where}"
