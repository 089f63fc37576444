"""An MkDocs plugin: each ```` ```argmap ```` block of a page becomes the map's
SVG, with a link to the map's interactive page, which the plugin writes into
the site (``argmap/NAME.html``).

Registered under the ``mkdocs.plugins`` entry point group as ``argmap``::

    plugins:
      - argmap:
          layout: column        # the default; graph: the whole-map graph, scaled to fit
          column_width: 700     # CSS px, 280 to 2000
          theme: classroom      # optional

``file:`` paths are relative to the folder of ``mkdocs.yml``, and must lie in
it. The plugin reads the blocks as MkDocs' Markdown left them (a code block
of language ``argmap``), so it needs no Markdown extension; a block already
drawn by the ``argmap`` Markdown extension is left as it is. A block that
cannot be drawn is an error box on the page and a warning (``mkdocs build
--strict`` then fails).
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from argmap.api import render
from argmap.integrations.blocks import (
    BlockError,
    Drawn,
    column_width_problem,
    draw_block,
    error_html,
)
from argmap.util.files import write_atomic

LOG = logging.getLogger("mkdocs.plugins.argmap")
_BLOCK = re.compile(r'<pre><code class="language-argmap">([^<]*)</code></pre>')


class ArgmapConfig(Config):
    """The plugin's options."""

    layout = config_options.Choice(("column", "graph"), default="column")
    column_width = config_options.Type(int, default=700)
    theme = config_options.Optional(config_options.Type(str))
    interactive = config_options.Type(bool, default=True)

    def validate(self) -> tuple[list[Any], list[Any]]:
        """MkDocs' checks, and the column width's range (:func:`column_width_problem`)."""
        failed, warnings = super().validate()
        problem = column_width_problem(self.get("column_width"))
        if problem and isinstance(self.get("column_width"), int):  # MkDocs reports the type
            failed.append(("column_width", ValueError(problem)))
        return failed, warnings


class ArgmapPlugin(BasePlugin[ArgmapConfig]):
    """The plugin (see the module docstring)."""

    def __init__(self) -> None:
        self.pages: dict[str, Drawn] = {}

    def on_pre_build(self, *, config: Any) -> None:
        """Start each build with no interactive pages."""
        self.pages = {}

    def on_page_content(self, html_text: str, *, page: Any, config: Any, files: Any) -> str:
        """The page's HTML with each ``argmap`` code block drawn."""
        base = Path(config["config_file_path"]).parent
        depth = page.url.count("/")
        where = page.file.src_uri

        def draw(match: re.Match[str]) -> str:
            try:
                drawn = draw_block(
                    html.unescape(match.group(1)),
                    base,
                    where=where,
                    layout=self.config.layout,
                    column_width=self.config.column_width,
                    theme=self.config.theme,
                )
            except BlockError as exc:
                LOG.warning("%s", exc)
                return error_html(str(exc))
            link = ""
            if self.config.interactive:
                self.pages.setdefault(drawn.name, drawn)
                href = "../" * depth + f"argmap/{drawn.name}.html"
                link = f'<p><a href="{html.escape(href)}">Open the interactive map</a></p>'
            return f'<div class="argmap">{drawn.svg}</div>{link}'

        return _BLOCK.sub(draw, html_text)

    def on_post_build(self, *, config: Any) -> None:
        """Write each drawn map's interactive page into the site."""
        folder = Path(config["site_dir"]) / "argmap"
        for name, drawn in sorted(self.pages.items()):
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(folder / f"{name}.html", render(drawn.map, "html"))
