"""Whole renderings: a map → DOT → Graphviz → finished SVG in one call.

:func:`render_svg` is what pages embed (the HTML output too);
:func:`argmap.render.outputs.render` serves every output format.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass

from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.budget import Deadline, within
from argmap.render.dot import DotDiagram, RenderOptions, build_diagram, dot_source
from argmap.render.graphviz import DEFAULT_TIMEOUT, run_dot
from argmap.render.labels import bidi_isolated, finding_codes
from argmap.render.outline import outline_text
from argmap.render.svg import SvgExtras, finish_svg, id_prefix


def map_title(amap: ArgumentMap) -> str:
    """The map's title, or ``"Argument map <name>"`` when it has none (``"Argument
    map"`` for a map read from no file)."""
    if amap.title and amap.title.strip():
        return amap.title.strip()
    return "Argument map" if amap.unnamed else f"Argument map {amap.name}"


def title_with(amap: ArgumentMap, words: str) -> str:
    """:func:`map_title` followed by ``words`` (``": around P3"``), which nothing in
    the title can reorder (:func:`~argmap.render.labels.bidi_isolated`)."""
    return bidi_isolated(map_title(amap)) + words


#: Model fields added after digests were first published: left out while empty
#: (their default), so a map that does not use them keeps its element ids.
_LATER_FIELDS = frozenset({"extra_sources", "rephrases"})


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of dataclass ``cls`` but ``loc``, in order; None for any other class."""
    if cls not in _FIELD_NAMES:
        named = is_dataclass(cls)
        _FIELD_NAMES[cls] = (
            tuple(f.name for f in fields(cls) if f.name != "loc") if named else None
        )
    return _FIELD_NAMES[cls]


def _plain(value: object) -> object:
    """A model value as JSON-ready data: dataclasses as dicts without their
    ``loc`` (where they stand in the file) and without the fields of
    :data:`_LATER_FIELDS` while empty, sets sorted, tuples as lists."""
    names = None if isinstance(value, type) else _field_names(type(value))
    if names is not None:
        return {
            name: _plain(kept)
            for name in names
            if (kept := getattr(value, name)) or name not in _LATER_FIELDS
        }
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(str(v) for v in value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def content_digest(amap: ArgumentMap, variant: str = "") -> str:
    """Eight hex digits of the SHA-256 of the map's content and ``variant``.

    The content is everything a diagram can show: title, source, theme, check
    settings, claims, inferences, attacks and undercuts, in file order; not the
    file's path nor where things stand in it (so the same map gives the same
    digest wherever it lies, and two maps that differ in any claim, relation or
    setting give different ones). ``variant`` tells apart drawings of one map
    (e.g. a what-if beside the plain map).
    """
    doc = {
        "map": [_plain(getattr(amap, key)) for key in ("title", "source", "theme", "checks")],
        "claims": [_plain(c) for c in amap.claims.values()],
        "relations": [_plain(list(r)) for r in (amap.inferences, amap.attacks, amap.undercuts)],
        "variant": variant,
    }
    text = json.dumps(doc, ensure_ascii=True, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def default_map_id(amap: ArgumentMap, variant: str = "", findings: Iterable[Finding] = ()) -> str:
    """The base of a map's element id prefix when none is given: its name and
    :func:`content_digest` (``"bike-3f09a1c2"``), so maps of the same file name
    from different folders never share an id, and the same map always gets the
    same ones. The digest also covers ``variant`` and the finding codes marked
    on the map's claims (``findings``: those of the drawing), so the same map
    checked under other settings is another drawing, with other ids."""
    codes = finding_codes(findings)
    marked = sorted((cid, sorted(set(codes[cid]))) for cid in codes if cid in amap.claims)
    return f"{amap.name}-{content_digest(amap, variant + (repr(marked) if marked else ''))}"


def map_prefix(
    amap: ArgumentMap, map_id: str | None = None, findings: Iterable[Finding] = ()
) -> str:
    """The element id prefix of a drawing of ``amap``: :func:`~argmap.render.svg.id_prefix`
    of ``map_id``, or of :func:`default_map_id` (with the ``findings`` it marks)
    when it is None (``"bike-3f09a1c2-"``)."""
    return id_prefix(map_id if map_id is not None else default_map_id(amap, "", findings))


def svg_extras(
    amap: ArgumentMap,
    diagram: DotDiagram,
    opts: RenderOptions,
    map_id: str | None = None,
    findings: Iterable[Finding] = (),
) -> SvgExtras:
    """What :func:`~argmap.render.svg.finish_svg` adds for this map: title, outline,
    tooltips, links, id prefix (:func:`map_prefix` with the ``findings`` drawn)."""
    prefix = map_prefix(amap, map_id, findings if opts.show_findings else ())
    return SvgExtras(
        prefix=prefix,
        title=map_title(amap),
        desc=outline_text(amap),
        titles=diagram.titles,
        links=diagram.links,
        width=opts.width,
    )


def render_svg(
    amap: ArgumentMap,
    findings: Iterable[Finding] = (),
    opts: RenderOptions | None = None,
    map_id: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    engine: str = "dot",
    deadline: Deadline | None = None,
) -> bytes:
    """The map's finished SVG: DOT → ``dot -Tsvg`` → :func:`~argmap.render.svg.finish_svg`.

    Args:
        amap: the map.
        findings: findings to mark on their claims.
        opts: rendering options (theme, wrap, width …).
        map_id: base of the element id prefix (default: :func:`default_map_id`,
            the map's name and a digest of its content and of the finding
            codes marked); an element of claim n3
            gets id ``<prefix>-n3`` (see :func:`argmap.diagram.node_names`).
        timeout: seconds the whole rendering may take (when no ``deadline`` is given).
        engine: Graphviz layout program.
        deadline: the whole rendering's deadline (see :mod:`argmap.render.budget`).

    Raises:
        GraphvizNotFound, RenderError: from Graphviz.
        LayoutTimeout: the deadline passed (building the DOT, in Graphviz or finishing).
    """
    opts = opts or RenderOptions()
    deadline = within(deadline, timeout)
    findings = list(findings)
    diagram = build_diagram(amap, findings, opts, deadline)
    raw = run_dot(
        dot_text(diagram, deadline), "svg", timeout=timeout, engine=engine, deadline=deadline
    )
    extras = svg_extras(amap, diagram, opts, map_id, findings)
    deadline.check("finishing the SVG")
    svg = finish_svg(raw, extras)
    deadline.check("finishing the SVG")
    return svg


def dot_text(diagram: DotDiagram, deadline: Deadline | None = None) -> str:
    """The DOT source of a built diagram, ending with a newline
    (:func:`~argmap.render.dot.dot_source`).

    Raises:
        LayoutTimeout: ``deadline`` passed while writing it.
    """
    return dot_source(diagram.graph, deadline)
