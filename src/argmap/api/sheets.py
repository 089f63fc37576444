"""Slides and printed pages of a drawing (``slides``, ``paper``, ``landscape``,
``handout``; :mod:`argmap.render.sheets`).

* Slides are written as ``.pdf`` (one 16:9 page per slide), ``.html`` (an
  offline presentation) or ``.svg`` (``deck.svg`` → ``deck.1.svg``,
  ``deck.2.svg`` …); printed pages and handouts as ``.pdf``. Any other
  extension is refused, naming the option and what it writes.
* A handout alone prints on A4.
* ``focus``/``depth`` work with all three: the sheets show that neighbourhood;
  ``split`` and ``collapse`` are refused, as the sheets cut the map into parts
  themselves and show every claim (:meth:`argmap.api.drawing.Drawing.of`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from argmap.errors import ArgmapWarning, UsageError

if TYPE_CHECKING:
    from argmap.findings import Finding
    from argmap.model import ArgumentMap
    from argmap.render.budget import Deadline
    from argmap.render.options import RenderOptions

#: What slides and printed pages are written as, by file extension.
WRITES = {"--slides": (".pdf", ".html", ".htm", ".svg"), "--paper": (".pdf",)}


@dataclass(frozen=True)
class Sheets:
    """Slides or printed pages.

    Attributes:
        slides: slides (else printed pages).
        paper: ``"a4"`` or ``"letter"`` for printed pages and handouts.
        landscape: the pages turned sideways.
        handout: one page (more when needed): the overview and an outline.
    """

    slides: bool = False
    paper: str | None = None
    landscape: bool = False
    handout: bool = False

    @property
    def option(self) -> str:
        """The option that asked for the sheets, as ``argmap render`` spells it."""
        return "--slides" if self.slides else "--handout" if self.handout else "--paper"

    def check_outputs(self, targets: Sequence[str]) -> None:
        """Refuse outputs the sheets cannot be written as.

        Raises:
            UsageError: an output extension the option does not write.
        """
        allowed = WRITES["--slides" if self.slides else "--paper"]
        for target in targets:
            ext = PurePath(target).suffix.lower()
            if ext not in allowed:
                shown = ext or "a file without extension"
                raise UsageError(
                    f"{self.option} writes {', '.join(allowed)} files, not {shown} ({target})"
                )

    def default_target(self, name: str) -> str:
        """``output/<name>.slides.pdf``, ``output/<name>.a4.pdf`` or
        ``output/<name>.handout.pdf``."""
        kind = "slides" if self.slides else "handout" if self.handout else self.paper or "a4"
        return str(PurePath("output") / f"{name}.{kind}.pdf")

    def draw(
        self,
        drawn: tuple[ArgumentMap, Sequence[Finding], RenderOptions],
        targets: Sequence[str],
        map_id: str,
        painting: tuple[str, float, Deadline],
    ) -> list[tuple[str, bytes]]:
        """Every file of every target, in memory: ``drawn`` is the map, its findings
        and the diagram options; ``painting`` the Graphviz program, the seconds a
        layout may take and the drawing's deadline. A slide or page that had to be
        drawn too small to read (one claim or reason too big for it) is named in an
        :class:`~argmap.errors.ArgmapWarning`; the files are still made.

        Raises:
            GraphvizNotFound, RenderError: Graphviz is missing or fails.
            LayoutTimeout: the deadline passed.
        """
        from argmap.render.sheets import Painter, render_pages, render_slides

        amap, findings, opts = drawn
        engine, timeout, deadline = painting
        painter = Painter(deadline, engine, timeout)
        done: list[tuple[str, bytes]] = []
        notes: list[str] = []
        for target in targets:
            if self.slides:
                done += render_slides(amap, tuple(findings), opts, painter, target, map_id, notes)
            else:
                assert self.paper is not None
                page = (self.paper, self.landscape, self.handout)
                done.append(
                    (target, render_pages(amap, tuple(findings), opts, painter, *page, notes))
                )
        for note in dict.fromkeys(notes):
            warnings.warn(note, ArgmapWarning, stacklevel=2)
        return done
