"""The files ``argmap serve`` shows: map files under one folder, and nothing else.

A request names a map by its path relative to the folder, with ``/`` between
parts. :func:`resolve_map` accepts exactly the files :func:`map_files` lists:
regular files with a map ending (:data:`MAP_ENDINGS`), no part empty, ``.``,
``..`` or hidden (starting with ``.``), no folder on the way a symbolic link,
and the file itself, if a link, leading to a file inside the folder. Absolute
paths, backslashes and NUL never resolve.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: File name endings of the maps listed and served: the formats argmap reads
#: (:data:`argmap.io.formats.FORMATS`) but ``.txt`` and ``.md`` (Kialo, Dung,
#: Argdown in Markdown), which a folder of notes would fill with files that are
#: no maps, and ``.xml`` but for arggraph's own ending.
MAP_ENDINGS: tuple[str, ...] = (".yaml", ".yml", ".json", ".argdown", ".ad", ".graphml")
MAP_ENDINGS += (".arggraph.xml", ".apx", ".tgf", ".af", ".i23")

#: Folders never searched, besides hidden ones.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})

#: At most this many maps are listed (the first in sorted order).
MAX_MAPS = 1000


def is_map_name(name: str) -> bool:
    """Whether a file name has a map ending (:data:`MAP_ENDINGS`, any case) and is not hidden."""
    return not name.startswith(".") and name.lower().endswith(MAP_ENDINGS)


def _inside(root: Path, path: Path) -> bool:
    """Whether ``path``, links resolved, is a regular file inside ``root`` (a resolved folder)."""
    real = Path(os.path.realpath(path))
    try:
        return real.is_relative_to(root) and stat.S_ISREG(real.stat().st_mode)
    except OSError:
        return False


def map_files(root: Path, only: str | None = None) -> list[str]:
    """The maps under the folder ``root`` (resolved), as relative paths with ``/``, sorted.

    Searches sub-folders (not hidden ones, not :data:`SKIPPED_FOLDERS`, never through a
    link to a folder); at most :data:`MAX_MAPS`. ``only``: list that one file alone
    (``argmap serve FILE``), if it is a map.
    """
    if only is not None:
        return [only] if resolve_map(root, only) is not None else []
    found: list[str] = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        base = Path(folder)
        for name in names:
            if is_map_name(name) and _inside(root, base / name):
                found.append((base / name).relative_to(root).as_posix())
    return sorted(found)[:MAX_MAPS]


def resolve_map(root: Path, rel: str) -> Path | None:
    """The file a request names, or None when it is not one :func:`map_files` lists.

    Args:
        root: the served folder, resolved (:func:`os.path.realpath`).
        rel: the map's path relative to ``root``, parts separated by ``/``.
    """
    parts = rel.split("/")
    if not rel or "\\" in rel or "\0" in rel or not is_map_name(parts[-1]):
        return None
    if any(p in ("", ".", "..") or p.startswith(".") or p in SKIPPED_FOLDERS for p in parts):
        return None
    path = root.joinpath(*parts)
    folder = root
    for part in parts[:-1]:
        folder = folder / part
        try:
            if not stat.S_ISDIR(folder.lstat().st_mode):
                return None  # a link to a folder, or no folder at all
        except OSError:
            return None
    return path if _inside(root, path) else None


def stamp(path: Path) -> str:
    """What changes when the file is saved: its modification time (ns), size and inode,
    links followed; ``"gone"`` when it cannot be read. Taken before the file is read, so
    a save during a read is never missed (at worst the page is drawn once more)."""
    try:
        info = path.stat()
    except OSError:
        return "gone"
    return f"{info.st_mtime_ns}-{info.st_size}-{info.st_ino}"
