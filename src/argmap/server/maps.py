"""Loading, checking and drawing one map, as ``argmap check`` and ``argmap render`` do.

The checks are chosen as ``argmap check`` chooses them without ``--select`` and
``--ignore``: the map's ``checks:`` block, else ``[tool.argmap]`` in the nearest
``pyproject.toml``. The page is :func:`argmap.render.html.page.render_html`
with the map's theme, within one :class:`~argmap.render.budget.Deadline` of
:data:`RENDER_SECONDS`, like ``argmap render --layout-timeout``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argmap.analysis.checks import Check, run_checks, selected
from argmap.errors import ArgmapError, MapLoadError, UsageError
from argmap.findings import Finding, invalid
from argmap.io.formats import read_input
from argmap.io.pyproject import effective, nearest_pyproject, project_settings
from argmap.model import ArgumentMap
from argmap.render.budget import Deadline
from argmap.render.dot import RenderOptions
from argmap.render.html.addon import PageAddon, add_to_page
from argmap.render.html.page import render_html
from argmap.render.style import THEMES

#: Seconds one map may take to draw (``argmap render``'s default ``--layout-timeout``).
RENDER_SECONDS = 60.0


@dataclass(frozen=True)
class Loaded:
    """A map file read and checked.

    Attributes:
        amap: the map, or None when it could not be read.
        findings: the findings of ``argmap check`` on it; when ``amap`` is None,
            the problems that stopped it (``invalid-map``, AM000, with file, line
            and column), as ``argmap check`` prints them.
    """

    amap: ArgumentMap | None
    findings: tuple[Finding, ...]

    @property
    def broken(self) -> bool:
        """Whether the map could not be read."""
        return self.amap is None

    def lines(self) -> list[str]:
        """The findings as ``argmap check`` prints them (``file:line:col: severity CODE
        check: message``)."""
        return [f.format_text() for f in self.findings]


def load_checked(path: Path) -> Loaded:
    """Read the map file ``path`` (any format argmap reads) and run its checks; messages
    name the file ``path`` as given (the served folder as typed, then the map's path in it).

    Never raises on a bad map: its problems come back in :class:`Loaded`.
    """
    try:
        amap = read_input(str(path))[1].map
        return Loaded(amap, tuple(run_checks(amap, _checks(amap, path))))
    except MapLoadError as exc:
        return Loaded(None, exc.findings)
    except UsageError as exc:
        return Loaded(None, (invalid(str(path), 1, 1, str(exc)),))


def _checks(amap: ArgumentMap, path: Path) -> list[Check]:
    """The checks ``argmap check`` runs on the map without ``--select``/``--ignore``.

    Raises:
        MapLoadError: an unknown check in the map or in ``pyproject.toml``.
    """
    chosen = effective(amap, (), (), project_settings(path))
    try:
        return selected(chosen.select, chosen.ignore)
    except UsageError as exc:
        mine = amap.checks.select or amap.checks.ignore
        where = amap.checks.loc if mine else None
        file = str(path) if mine else str(nearest_pyproject(path))
        line, col = (where.line, where.column) if where else (1, 1)
        raise MapLoadError([invalid(file, line, col, str(exc))]) from None


def draw_page(loaded: Loaded, addon: PageAddon, seconds: float = RENDER_SECONDS) -> bytes:
    """The interactive page of a map that loaded, with ``addon`` (the live script).

    Raises:
        ValueError: the map did not load.
        GraphvizNotFound, RenderError, LayoutTimeout: the diagram could not be drawn
            (within ``seconds``).
    """
    if loaded.amap is None:
        raise ValueError("the map did not load")
    amap = loaded.amap
    opts = RenderOptions(theme=THEMES[amap.theme or "default"])
    deadline = Deadline(seconds)
    page = render_html(amap, loaded.findings, opts, timeout=seconds, deadline=deadline)
    return add_to_page(page, addon)


def render_problem(error: ArgmapError) -> str:
    """A drawing failure in one line for the error page."""
    return f"the diagram could not be drawn: {error}"
