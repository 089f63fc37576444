"""A Python-Markdown extension: each ```` ```argmap ```` fenced block becomes the
map's embeddable SVG (see :mod:`argmap.integrations.blocks`).

Registered under the ``markdown.extensions`` entry point group as
``argmap``, so ``markdown.markdown(text, extensions=["argmap"])`` and MkDocs'
``markdown_extensions: [argmap]`` find it. Options: ``base_dir`` (where
``file:`` paths start; default the current folder), ``layout`` (``column``,
the default, or ``graph``), ``column_width`` (CSS px, 280 to 2000),
``theme`` and ``page`` (the page's name in messages); a bad option is a
``ValueError`` when the extension is made. A block that cannot be drawn
becomes a visible error box and a warning on the ``argmap`` logger.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from argmap.integrations.blocks import BlockError, column_width_problem, draw_block, error_html

LOG = logging.getLogger("argmap")
_FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")


def _closes(line: str, fence: str) -> bool:
    """Whether ``line`` closes a block opened by ``fence`` (CommonMark §4.5: the
    same character, at least as many, nothing after but spaces)."""
    stripped = line.strip()
    return len(stripped) >= len(fence) and stripped == fence[0] * len(stripped)


class ArgmapPreprocessor(Preprocessor):
    """Replaces each fenced ``argmap`` block by its SVG (stashed as raw HTML)."""

    def __init__(self, md: Markdown, config: dict[str, Any]):
        super().__init__(md)
        self.config = config

    def run(self, lines: list[str]) -> list[str]:
        """The lines with each closed top-level ``argmap`` block replaced (time
        linear in the lines). Other fenced blocks are copied whole, so an
        ``argmap`` block shown inside a longer fence stays an example; an
        unclosed fence is left as Markdown reads it."""
        out: list[str] = []
        i = 0
        while i < len(lines):
            opened = _FENCE.match(lines[i])
            if opened is None:
                out.append(lines[i])
                i += 1
                continue
            fence = opened.group(1)
            j = i + 1
            while j < len(lines) and not _closes(lines[j], fence):
                j += 1
            if j == len(lines) or opened.group(2).strip() != "argmap":
                out.extend(lines[i : j + 1])  # another language, or never closed
                i = j + 1
                continue
            html = self.draw("\n".join(lines[i + 1 : j]), i + 2)
            out.extend(["", self.md.htmlStash.store(html), ""])
            i = j + 1
        return out

    def draw(self, source: str, first_line: int) -> str:
        """The block's SVG, or an error box; ``first_line``: the block's first
        line in the text the preprocessor sees."""
        try:
            drawn = draw_block(
                source,
                Path(self.config["base_dir"]),
                where=self.config["page"],
                first_line=first_line,
                layout=self.config["layout"],
                column_width=self.config["column_width"],
                theme=self.config["theme"] or None,
            )
        except BlockError as exc:
            LOG.warning("argmap: %s", exc)
            return error_html(str(exc))
        return f'<div class="argmap">{drawn.svg}</div>'


class ArgmapExtension(Extension):
    """The extension (see the module docstring)."""

    def __init__(self, **kwargs: Any):
        self.config = {
            "base_dir": [".", "folder that 'file:' paths are relative to"],
            "layout": ["column", "'column' (a page's column) or 'graph'"],
            "column_width": [700, "width of the column layout, CSS px (280 to 2000)"],
            "theme": ["", "a theme name; empty: the map's, else default"],
            "page": ["<page>", "the page's name in messages"],
        }
        super().__init__(**kwargs)
        layout, width = self.getConfig("layout"), self.getConfig("column_width")
        if layout not in ("graph", "column"):
            raise ValueError(f"argmap: layout={layout!r}: give 'graph' or 'column'")
        problem = column_width_problem(width)
        if problem:
            raise ValueError(f"argmap: column_width={width!r}: {problem}")

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Register the preprocessor before the fenced-code one (priority 30 > 25)."""
        md.preprocessors.register(ArgmapPreprocessor(md, self.getConfigs()), "argmap", 30)


def makeExtension(**kwargs: Any) -> ArgmapExtension:  # noqa: N802 (Python-Markdown's name)
    """The extension, for ``extensions=["argmap.integrations.markdown"]``."""
    return ArgmapExtension(**kwargs)
