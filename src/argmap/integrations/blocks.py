"""One ```` ```argmap ```` block of a page, drawn as the embeddable SVG.

A block holds a map written inline (argmap's YAML), or one line
``file: maps/x.yaml`` naming a map file (in any format argmap reads)
relative to the site's base folder. The file must lie inside that folder: a
page cannot make the build read other files. Shared by the Markdown
extension, the MkDocs plugin and the Sphinx directive.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.api import Map, load, loads, render
from argmap.errors import ArgmapError, MapLoadError

_FILE = re.compile(r"\s*file:\s*(\S.*?)\s*")


@dataclass(frozen=True)
class Drawn:
    """A block drawn: the SVG (text), the map, and a name for its interactive
    page (the map's name and a digest of the page and the block)."""

    svg: str
    map: Map
    name: str


class BlockError(Exception):
    """A block that cannot be drawn; the message names the file, line and column."""


def draw_block(
    source: str,
    base: Path,
    *,
    where: str = "<page>",
    first_line: int | None = None,
    layout: str = "column",
    column_width: int = 700,
    theme: str | None = None,
) -> Drawn:
    """Draw the block ``source`` (see the module docstring).

    Args:
        source: the block's text, without its fences.
        base: the folder ``file:`` paths are relative to (and must lie in).
        where: the page, named in every message.
        first_line: the page's line number of the block's first line, when
            known: a problem of an inline map is reported at its page line;
            else at "line N of the argmap block".
        layout: ``"column"`` (``column_width`` CSS px wide: a documentation
            page's column) or ``"graph"`` (the whole-map graph, scaled to fit).
        theme: a theme name; None: the map's, else ``default``.

    Raises:
        BlockError: the file is outside ``base`` or missing, the map is
            invalid, or Graphviz fails (the message says which and where).
    """
    named = _FILE.fullmatch(source)
    try:
        if named is not None:
            path = (base / named.group(1)).resolve()
            if not path.is_relative_to(base.resolve()):
                raise BlockError(
                    f"{where}: {named.group(1)} is outside {base}: keep maps in the site"
                )
            amap = load(path)
        else:
            amap = loads(source, name=where)
        width = column_width if layout == "column" else None
        drawn = render(amap, "svg", layout=layout, column_width=width, theme=theme)
        svg = drawn.decode("utf-8")
    except MapLoadError as exc:
        raise BlockError(_placed(exc, where, first_line if named is None else None)) from None
    except ArgmapError as exc:
        raise BlockError(f"{where}: {exc}") from None
    stem = amap.model.name if named is not None else f"{Path(where).stem or 'page'}-map"
    digest = hashlib.sha256(f"{where}\n{source}".encode()).hexdigest()[:8]
    return Drawn(_without_prolog(svg), amap, f"{stem}-{digest}")


def _placed(exc: MapLoadError, where: str, first_line: int | None) -> str:
    """The load errors of a block, each placed on the page (see :func:`draw_block`)."""
    lines = []
    for f in exc.findings:
        what = f"{f.severity} {f.code} {f.check}: {f.message}"
        if f.file != where:  # a file: the file's own position, on this page
            lines.append(f"{where}: {f.file}:{f.line}:{f.column}: {what}")
        elif first_line is not None:
            lines.append(f"{where}:{f.line + first_line - 1}:{f.column}: {what}")
        else:
            lines.append(f"{where}: line {f.line} of the argmap block, column {f.column}: {what}")
    return "\n".join(lines)


def _without_prolog(svg: str) -> str:
    """The SVG without its XML declaration, to sit inside an HTML page."""
    return svg.split("?>", 1)[1].lstrip() if svg.startswith("<?xml") else svg


def column_width_problem(width: object) -> str | None:
    """Why ``width`` is no column width (CSS px, the column layout's range), or None."""
    from argmap.render.column.measure import MAX_WIDTH, MIN_WIDTH

    if isinstance(width, int) and not isinstance(width, bool) and MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    return f"give a whole number from {MIN_WIDTH} to {MAX_WIDTH}"


def error_html(message: str) -> str:
    """A visible, escaped error box in place of a block that cannot be drawn."""
    return f'<pre class="argmap-error">argmap: {html.escape(message)}</pre>'
