"""Which files ``@include`` may read: Argdown files inside the main file's folder tree.

A map may come from anyone, so an include must not publish other local files
(``/etc/passwd``, a key in the home folder) through the converted output. The
rule: the named file ends in ``.argdown`` or ``.ad``, is named relative to the
including file (never by an absolute path), and, once every symbolic link on
the way is resolved, lies in the folder of the main file or below it.
"""

from __future__ import annotations

from pathlib import Path

from argmap.model import unshowable_character

#: Files ``@include`` may name.
INCLUDE_SUFFIXES = (".argdown", ".ad")


def include_refusal(name: str, target: Path, root: Path) -> str | None:
    """Why ``@include(name)`` may not read ``target``, or None when it may.

    Args:
        name: the file as the include names it.
        target: that name taken relative to the including file's folder.
        root: the main file's folder, symbolic links resolved.

    Returns:
        A message for the user (the wrong suffix, an absolute path, a file
        outside ``root`` after resolving links, or no file at all), or None.
    """
    bad = unshowable_character(name)
    if bad is not None:
        return f"the file name holds the control character U+{ord(bad):04X}: remove it"
    if target.suffix.lower() not in INCLUDE_SUFFIXES:
        return "only .argdown and .ad files can be included"
    if Path(name).is_absolute():
        return (
            "an absolute path is refused: name the file relative to the including "
            f"file, inside {root}"
        )
    try:
        if not target.resolve().is_relative_to(root):
            return (
                f"{target} is outside {root}, the folder of the main file: included "
                "files must be in that folder or below it (links are followed)"
            )
        if not target.exists() and not target.is_symlink():
            return f"there is no file {target}"
    except OSError as exc:  # a name too long for the file system, a loop of links …
        return f"cannot read {target}: {exc.strerror or exc}"
    return None
