"""Argdown inside Markdown: the fenced ````argdown```` blocks of a ``.md`` file.

Argdown's own Markdown tools (``@argdown/markdown-it-plugin``) draw each fenced
code block whose info string is ``argdown`` or ``argdown-map``. argmap reads all
of them as one Argdown document: every other line of the file becomes an empty
line, so statements keep their line and column in the ``.md`` file and titles
defined in one block can be used in another. A Markdown front matter (``---``
lines at the very top) is read like Argdown's ``===`` front matter.
"""

from __future__ import annotations

import re

from argmap.errors import UsageError
from argmap.io.argdown.reader import loads_argdown
from argmap.io.exchange import Imported

_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^`\n]*$")
#: Info strings of the fenced blocks that hold Argdown.
ARGDOWN_FENCES = ("argdown", "argdown-map")


def argdown_lines(text: str) -> list[str] | None:
    """The lines of ``text`` with everything outside ``argdown`` fences blanked, or None.

    Linear in the length of ``text``. A fence is closed by a line of at least
    as many of its characters (CommonMark); an unclosed fence runs to the end.

    Returns:
        One string per line of ``text`` (same count), or None when there is no
        ``argdown`` fence.
    """
    lines = text.split("\n")
    out = [""] * len(lines)
    found, fence, inside = False, "", False
    front = _front_matter_end(lines)
    for k in range(front):
        out[k] = "===" if k in (0, front - 1) else lines[k]
    for k in range(front, len(lines)):
        line = lines[k]
        if fence:
            closing = line.strip()
            if closing.startswith(fence) and not closing.strip(fence[0]):
                fence = ""
            elif inside:
                out[k] = line
            continue
        match = _FENCE.match(line)
        if match:
            fence, inside = match.group(1), match.group(2).lower() in ARGDOWN_FENCES
            found = found or inside
    return out if found else None


def _front_matter_end(lines: list[str]) -> int:
    """The number of lines of a ``---`` front matter at the top, or 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for k in range(1, len(lines)):
        if lines[k].strip() in ("---", "..."):
            return k + 1
    return 0


def has_argdown_fence(text: str) -> bool:
    """Whether ``text`` holds a fenced code block marked ``argdown`` (or ``argdown-map``)."""
    return argdown_lines(text) is not None


def loads_argdown_markdown(text: str, path: str = "<string>") -> Imported:
    """Read the Argdown in the fenced blocks of a Markdown text (positions in the ``.md`` file).

    Raises:
        UsageError: the text holds no ``argdown`` fence.
        MapLoadError: as :func:`argmap.io.argdown.reader.loads_argdown`.
    """
    lines = argdown_lines(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    if lines is None:
        raise UsageError(
            f"{path}: this Markdown file holds no fenced ```argdown block; argmap reads "
            "Argdown from Markdown only inside such blocks"
        )
    return loads_argdown("\n".join(lines), path)
