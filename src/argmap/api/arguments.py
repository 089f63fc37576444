"""Checks of the API's arguments: the wrong type or an out-of-range size is a
:class:`~argmap.errors.UsageError` naming the argument, never a Python error
from deep inside argmap."""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.errors import MapLoadError, UsageError
from argmap.findings import invalid
from argmap.util.text import comma_list


def need(value: object, kind: type | tuple[type, ...], what: str, wanted: str) -> None:
    """Refuse an argument of the wrong type.

    Raises:
        UsageError: naming the argument, what it is and what it should be.
    """
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise UsageError(f"{what} must be {wanted}, not {type(value).__name__}")


def no_surrogate(text: str, name: str) -> None:
    """Refuse a lone surrogate (``\\ud800``), which no file can hold.

    Raises:
        MapLoadError: at its line and column.
    """
    bad = re.search("[\ud800-\udfff]", text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        why = f"the lone surrogate U+{ord(bad.group()):04X} is no character: remove it"
        raise MapLoadError([invalid(name, line, column, why)])


def format_name(value: object) -> str:
    """``value`` when it names a format argmap knows (``docs/interchange.md``).

    Raises:
        UsageError: it does not, with the formats it could name.
    """
    from argmap.io.formats import FORMATS

    if not isinstance(value, str) or value not in FORMATS:
        raise UsageError(f"unknown format {value!r}: one of {', '.join(FORMATS)}")
    return value


def names(value: str | Iterable[str] | None, what: str = "names") -> list[str]:
    """Names (check codes, claim ids) given as one string (``"AM101, AM102"``),
    as a list of strings, or None (none).

    Raises:
        UsageError: anything else.
    """
    if value is None:
        return []
    if isinstance(value, str):
        return comma_list(value)
    need(value, Iterable, what, "a str or a list of str")
    names = list(value)
    for part in names:
        need(part, str, what, "a str or a list of str")
    return names


def check_sizes(width: int | None, column_width: int, dpi: int, timeout: float) -> None:
    """Refuse the sizes the command line refuses (``argmap render --help``).

    Raises:
        UsageError: naming the argument, its value and the range.
    """
    from argmap.render.column.measure import MAX_WIDTH, MIN_WIDTH
    from argmap.render.options import DPI_RANGE, WIDTH_RANGE

    bounds = (
        ("width", width, *WIDTH_RANGE),
        ("column_width", column_width, MIN_WIDTH, MAX_WIDTH),
        ("dpi", dpi, *DPI_RANGE),
    )
    for name, value, low, high in bounds:
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise UsageError(f"{name}={value!r}: give a whole number from {low} to {high}")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout < 1e6:
        raise UsageError(f"timeout={timeout!r}: give a number of seconds above 0 and below 1e6")
