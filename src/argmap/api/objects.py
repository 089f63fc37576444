"""What the API returns: :class:`Map` (a loaded map that shows itself as its
diagram in Jupyter) and :class:`Findings` (shown as a table)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.findings import Finding
    from argmap.model import ArgumentMap

#: Above this width (CSS px) a map shows itself in a notebook as the column layout.
NOTEBOOK_WIDTH = 900


@dataclass(frozen=True)
class Map:
    """A loaded argument map: the model, where it came from and what reading it noted.

    In Jupyter it shows itself as its diagram (:meth:`_repr_svg_`): the whole
    graph, or the column layout :data:`NOTEBOOK_WIDTH` px wide when the graph
    would be wider.

    Attributes:
        model: the :class:`~argmap.model.ArgumentMap` (claims, inferences, source…).
        path: the file it was read from, or the ``name`` given to :func:`loads`.
        format: the format it was read in (``"argmap"``, ``"aif"``, ``"argdown"`` …).
        notes: what the import noted (AM001 findings), sorted by position.
    """

    model: ArgumentMap
    path: str
    format: str = "argmap"
    notes: tuple[Finding, ...] = field(default=())

    @property
    def claims(self) -> dict[str, object]:
        """Claim id → claim (:class:`argmap.model.Claim`), in map order."""
        return dict(self.model.claims)

    @property
    def title(self) -> str | None:
        """The map's title, or None."""
        return self.model.title

    def __repr__(self) -> str:
        return f"<argmap.Map {self.path!r}: {len(self.model.claims)} claims>"

    def _repr_svg_(self) -> str:
        """The diagram for Jupyter (see the class docstring)."""
        from argmap.api import render

        svg = render(self, "svg").decode("utf-8")
        if _svg_width(svg) > NOTEBOOK_WIDTH:
            svg = render(self, "svg", layout="column", column_width=NOTEBOOK_WIDTH).decode("utf-8")
        return svg


class Findings(tuple["Finding", ...]):
    """The findings of :func:`check`, sorted by position: a tuple of
    :class:`~argmap.findings.Finding` (each with ``code``, ``check``,
    ``severity``, ``message``, ``position`` and ``claims``) that Jupyter
    shows as a table."""

    def _repr_html_(self) -> str:
        if not self:
            return "<p>No findings.</p>"
        head = "".join(f"<th>{h}</th>" for h in ("where", "severity", "code", "claims", "message"))
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(cell))}</td>"
                for cell in (
                    f"{f.file}:{f.line}:{f.column}",
                    f.severity,
                    f"{f.code} {f.check}",
                    ", ".join(f.claims),
                    f.message,
                )
            )
            + "</tr>"
            for f in self
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _svg_width(svg: str) -> float:
    """The width of an SVG's viewBox, in px (0 when it has none)."""
    start = svg.find('viewBox="')
    if start < 0:
        return 0.0
    parts = svg[start + 9 : svg.find('"', start + 9)].split()
    try:
        return float(parts[2])
    except (IndexError, ValueError):
        return 0.0
