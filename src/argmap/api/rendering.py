""":func:`render` (one drawing, as bytes) and :func:`render_files` (every file of a
drawing, as ``argmap render`` writes them); both draw through
:class:`argmap.api.drawing.Drawing`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from argmap.errors import UsageError

if TYPE_CHECKING:
    from argmap.api.objects import Map
    from argmap.model import ArgumentMap


def render(
    map: Map | ArgumentMap | str | os.PathLike[str],
    format: str = "svg",
    *,
    theme: str | None = None,
    direction: str = "TB",
    wrap: int | None = None,
    width: int | None = None,
    legend: bool = True,
    ids: bool = True,
    para: bool = True,
    findings: bool = True,
    focus: str | None = None,
    depth: int | None = None,
    collapse: int | None = None,
    color_by: str = "kind",
    accept: str | Sequence[str] = (),
    reject: str | Sequence[str] = (),
    embed: bool = False,
    layout: str = "graph",
    column_width: int | None = None,
    audience: str = "expert",
    engine: str | None = None,
    id_prefix: str | None = None,
    dpi: int = 96,
    timeout: float = 60.0,
    slides: bool = False,
    paper: str | None = None,
    landscape: bool = False,
    handout: bool = False,
    **others: Any,
) -> bytes:
    """Draw a map as one document, with the options of ``argmap render`` (all but
    ``split``, ``whole`` and ``page_claims``, which only :func:`render_files` takes:
    this is always one diagram).

    Args:
        map: the map, or a path to load.
        format: ``svg`` (self-contained, scales to its column), ``png``,
            ``pdf``, ``dot`` (no Graphviz needed) or ``html`` (interactive page).
        theme: a theme name (``default``, ``classroom``, ``print``,
            ``colorblind``); None: the map's ``theme:``, else ``default``.
        direction: ``"TB"`` (thesis at the top) or ``"LR"``.
        wrap: wrap claim text at this many characters (10–200); None: the theme's.
        width: the SVG's width in CSS px (50–20000); None: it fills its column.
        legend, ids, para, findings: draw the legend, the claim ids, paragraph
            references, the marks of the checks' findings (the map's
            ``checks:``, else the nearest ``pyproject.toml``'s selection).
        focus, depth: only the claims within ``depth`` (default 2) relations of
            the claim ``focus``.
        collapse: fold claims more than this many levels below the thesis into
            "+N" boxes.
        color_by: ``"kind"``, ``"status"`` (IN/OUT/UNDEC) or ``"strength"``
            (DF-QuAD, Rago et al. 2016).
        accept, reject: a what-if: claims taken as granted or denied (ids, or one
            string ``"P1, P2"``), coloured by the status that follows.
        embed: an HTML page for an ``<iframe>`` (no header or side panel).
        layout: ``"graph"``, or ``"column"``: one column ``column_width`` CSS px
            wide (280–2000, default 700), for an article or a phone.
        audience: ``"expert"``, ``"teacher"`` or ``"student"`` (findings in
            plain words, no codes).
        engine: a Graphviz layout program (``dot``, ``neato``, ``fdp``,
            ``sfdp``, ``twopi``, ``circo``); None: ``dot``, or the spread layout
            for a dense map (with an :class:`~argmap.errors.ArgmapWarning`).
        id_prefix: prefix of the SVG's element ids; None: the map's name and a
            digest of its content and of these options.
        dpi: resolution of PNG output (24–1200).
        timeout: CPU seconds the whole drawing may take (above 0, at most 86400).
        slides: one document of slides (``pdf`` or ``html``; SVG slides are one
            file a slide: :func:`render_files`).
        paper, landscape, handout: printed pages (``"a4"`` or ``"letter"``,
            ``pdf``), turned sideways; or a handout (A4 unless ``paper``).
        others: none; an unknown keyword is a :class:`UsageError` (with a
            did-you-mean).

    Returns:
        The document's bytes; the same map and options give the same bytes, and
        the bytes ``argmap render`` writes with the same options.

    Raises:
        UsageError: an unknown format or option value, options that do not go
            together, or a focus or what-if id that names no claim.
        MapLoadError: a path whose map is invalid.
        GraphvizNotFound, RenderError: Graphviz is missing or fails.
        LayoutTimeout: the drawing took longer than ``timeout``.
    """
    options = {k: v for k, v in locals().items() if k not in ("map", "format", "others")}
    from argmap.api import _map
    from argmap.api.drawing import Drawing

    _one_document(format, others)
    drawing = Drawing.of(**options, whole=True)
    _sheet_format(format, drawing.slides, drawing.paper is not None)
    loaded = _map(map)
    name = loaded.model.name if loaded.model.name.isprintable() else "map"
    target = f"{name}.{format}"
    files = drawing.draw(loaded, drawing.check_outputs([target]))
    return files[0][1]


def _one_document(format: object, others: dict[str, Any]) -> None:
    """Refuse what :func:`render` cannot give as one document.

    Raises:
        UsageError: an unknown format or keyword, or an option of :func:`render_files`.
    """
    from argmap.render.options import RENDER_FORMATS
    from argmap.util.suggest import did_you_mean

    if not isinstance(format, str) or format not in RENDER_FORMATS:
        raise UsageError(f"unknown format {format!r}: give {', '.join(RENDER_FORMATS)}")
    for name in others:
        if name in ("split", "whole", "page_claims"):
            raise UsageError(
                f"{name} is for a drawing of several files: use argmap.render_files(map, "
                f"['out.{format}'], {name}=…); argmap.render draws one diagram"
            )
        known = [*render.__kwdefaults__, "split", "whole", "page_claims"]  # type: ignore[misc]
        raise UsageError(f"unknown drawing option {name!r}{did_you_mean(name, known)}")


def _sheet_format(format: str, slides: bool, pages: bool) -> None:
    """Refuse slides or printed pages in a format :func:`render` does not make them in.

    Raises:
        UsageError: naming the formats.
    """
    if slides and format != "pdf" and format != "html":
        raise UsageError(
            f"slides are drawn as pdf or html, not {format} (SVG slides are one file a "
            "slide: argmap.render_files(map, ['deck.svg'], slides=True))"
        )
    if pages and format != "pdf":
        raise UsageError(f"printed pages are drawn as pdf, not {format}")


def render_files(
    map: Map | ArgumentMap | str | os.PathLike[str],
    outputs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    **options: Any,
) -> dict[str, bytes]:
    """Every file ``argmap render MAP -o OUTPUT …`` writes, in memory: each output
    in the format its extension names, with its pages (``split``, an overview and
    pages of a map too large for one diagram, SVG slides).

    Args:
        map: the map, or a path to load.
        outputs: the output file names (``.svg``, ``.png``, ``.pdf``, ``.dot``,
            ``.html``); nothing is written.
        options: the keyword arguments of :func:`render`, and ``split`` (an
            overview plus one page per branch under the thesis, named
            ``<output stem>.<claim id>.<ext>``), ``whole`` (one diagram however
            long it takes) and ``page_claims`` (claims per page of an overview
            and pages, 2–100000; default 300).

    Returns:
        File name → bytes, in order: each output, then its pages.

    Raises:
        UsageError: an unknown option, extension or value, options that do not
            go together, or two files of one name.
        MapLoadError: a path whose map is invalid.
        GraphvizNotFound, RenderError: Graphviz is missing or fails.
        LayoutTimeout: the drawing took longer than ``timeout``.
    """
    from argmap.api import _map
    from argmap.api.drawing import Drawing

    drawing = Drawing.of(**options)
    names = _names(outputs)
    targets = drawing.check_outputs(names)
    files = drawing.draw(_map(map), targets)
    return _distinct(files)


def _names(outputs: object) -> list[str]:
    """The output file names, one or several.

    Raises:
        UsageError: no name, or something that is not a file name.
    """
    from argmap.api.arguments import need, path_text

    if isinstance(outputs, (str, os.PathLike)):
        outputs = [outputs]
    if isinstance(outputs, (bytes, bytearray)):
        raise UsageError("outputs must be a file name or a list of file names, not bytes")
    need(outputs, Sequence, "outputs", "a file name or a list of file names")
    names = [path_text(output, "outputs") for output in outputs]  # type: ignore[attr-defined]
    if not names:
        raise UsageError("outputs must name at least one file")
    return names


def _distinct(files: list[tuple[str, bytes]]) -> dict[str, bytes]:
    """The files by name.

    Raises:
        UsageError: two of them are one file (a repeated output, or a ``split``
            page named like another output), so one would silently replace the other.
    """
    seen: dict[str, str] = {}
    for path, _ in files:
        try:
            key = os.path.normcase(os.path.realpath(path))
        except (OSError, ValueError):  # the working folder is gone: compare the names
            key = os.path.normcase(os.path.normpath(path))
        if key in seen:
            both = path if seen[key] == path else f"{seen[key]} and {path}"
            raise UsageError(
                f"two outputs go to {both}: the second would replace the first "
                "(a repeated -o, or a --split page named like another output); "
                "give each output its own name"
            )
        seen[key] = path
    return dict(files)
