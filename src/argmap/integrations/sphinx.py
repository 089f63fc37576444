"""A Sphinx extension: the ``argmap`` directive draws a map as its SVG.

In ``conf.py``: ``extensions = ["argmap.integrations.sphinx"]``; then, in a page::

    .. argmap:: maps/x.yaml

    .. argmap::
       :layout: graph
       :theme: classroom

       claims:
         T1: {kind: thesis, text: Cities should plant trees.}

A path is relative to the page's folder, or to the source folder when it
starts with ``/`` (Sphinx's rule for included files), and must lie in the
project (the folder of ``conf.py`` or above it is not searched). HTML
builders get the SVG; a map that cannot be drawn is a build warning and an
error box.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from argmap.integrations.blocks import BlockError, column_width_problem, draw_block, error_html

LOG = logging.getLogger(__name__)


def _width(value: str) -> int:
    """The ``:column-width:`` option (:func:`column_width_problem`)."""
    width = directives.positive_int(value)
    problem = column_width_problem(width)
    if problem:
        raise ValueError(problem)
    return width


class ArgmapDirective(SphinxDirective):
    """``.. argmap:: [PATH]`` with an optional inline map as content."""

    optional_arguments = 1
    final_argument_whitespace = False
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "layout": lambda value: directives.choice(value, ("column", "graph")),
        "column-width": lambda value: _width(value),
        "theme": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        """The raw HTML node of the drawn map (or of an error box)."""
        if self.env.app.builder.format != "html":
            page = self.env.doc2path(self.env.docname)
            return self._failed(f"{page}: argmap draws maps for HTML builders only")
        root = Path(self.env.srcdir).resolve()
        where = str(self.env.doc2path(self.env.docname))
        source = "\n".join(self.content)
        if self.arguments:
            _, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
            inside = Path(absolute).resolve()
            if not inside.is_relative_to(root):
                message = f"{where}: {self.arguments[0]} is outside the project's source folder"
                return self._failed(message)
            source = f"file: {inside.relative_to(root)}"
        try:
            drawn = draw_block(
                source,
                root,
                where=where,
                first_line=None if self.arguments else self.content_offset + 1,
                layout=self.options.get("layout", "column"),
                column_width=self.options.get("column-width", 700),
                theme=self.options.get("theme"),
            )
        except BlockError as exc:
            return self._failed(str(exc))
        return [nodes.raw("", f'<div class="argmap">{drawn.svg}</div>', format="html")]

    def _failed(self, message: str) -> list[nodes.Node]:
        """A build warning at the directive, and an error box in the page."""
        LOG.warning("argmap: %s", message, location=(self.env.docname, self.lineno))
        return [nodes.raw("", error_html(message), format="html")]


def setup(app: Any) -> dict[str, Any]:
    """Register the directive (Sphinx's extension entry point)."""
    app.add_directive("argmap", ArgmapDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
