"""Check selection from three places: the command line, the map, ``pyproject.toml``.

Each of ``select`` and ``ignore`` is taken from the first place that sets it:
the command line wins over the map's ``checks:`` block, which wins over the
``[tool.argmap]`` table of the nearest ``pyproject.toml`` in the map's folder
or any folder above it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from argmap.errors import MapLoadError
from argmap.findings import invalid
from argmap.model import ArgumentMap, CheckSettings
from argmap.util.suggest import did_you_mean

KEYS = ("select", "ignore")
_AT = re.compile(r"at line (\d+), column (\d+)")


def nearest_pyproject(start: str | Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start``'s folder or above, or None."""
    folder = Path(start).resolve().parent
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=64)
def _read_table(path: Path) -> CheckSettings:
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise MapLoadError([invalid(str(path), 1, 1, f"cannot read: {exc}")]) from None
    except tomllib.TOMLDecodeError as exc:
        at = _AT.search(str(exc))
        line, col = (int(at[1]), int(at[2])) if at else (1, 1)
        raise MapLoadError([invalid(str(path), line, col, f"invalid TOML: {exc}")]) from None
    tool = doc.get("tool", {})
    table = tool.get("argmap", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise MapLoadError(
            [
                invalid(
                    str(path),
                    1,
                    1,
                    "[tool.argmap] must be a table (select = [...], ignore = [...])",
                )
            ]
        )
    values: dict[str, tuple[str, ...]] = {}
    for key, value in table.items():
        if key not in KEYS:
            hint = did_you_mean(key, KEYS) or f"; allowed: {', '.join(KEYS)}"
            raise MapLoadError(
                [invalid(str(path), 1, 1, f"[tool.argmap]: unknown key {key!r}{hint}")]
            )
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise MapLoadError(
                [invalid(str(path), 1, 1, f"[tool.argmap] {key} must be a list of check names")]
            )
        values[key] = tuple(i.strip() for i in items if i.strip())
    return CheckSettings(select=values.get("select", ()), ignore=values.get("ignore", ()))


def project_settings(map_path: str | Path) -> CheckSettings:
    """The ``[tool.argmap]`` settings that apply to a map file (empty when none).

    Raises:
        MapLoadError: the ``pyproject.toml`` is not valid TOML or the table is malformed.
    """
    path = nearest_pyproject(map_path)
    return _read_table(path) if path is not None else CheckSettings()


def effective(
    amap: ArgumentMap,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    project: CheckSettings | None = None,
) -> CheckSettings:
    """Combine the three sources: command line, then map, then project."""
    project = project or CheckSettings()
    return CheckSettings(
        select=tuple(select) or amap.checks.select or project.select,
        ignore=tuple(ignore) or amap.checks.ignore or project.ignore,
    )
