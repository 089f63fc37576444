"""Checks of the API's arguments: the wrong type or an out-of-range size is a
:class:`~argmap.errors.UsageError` naming the argument, never a Python error
from deep inside argmap."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable

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
    if isinstance(value, (bytes, bytearray)):
        raise UsageError(f"{what} must be a str or a list of str, not bytes (decode them)")
    need(value, Iterable, what, "a str or a list of str")
    names = list(value)
    for part in names:
        need(part, str, what, "a str or a list of str")
    # a set has no order of its own: sorted, the same every run
    return sorted(names) if isinstance(value, (set, frozenset)) else names


def claim_ids(value: object, what: str) -> tuple[str, ...]:
    """Claim ids given as one string (``"P1, P2"``) or a list of str (each may be
    ``"P1,P2"`` too: no id holds a comma), without repeats.

    Raises:
        UsageError: anything else.
    """
    given = names(value, what)  # type: ignore[arg-type]
    return tuple(dict.fromkeys(i for part in given for i in comma_list(part)))


def path_text(value: object, what: str) -> str:
    """``value`` (a ``str`` or ``os.PathLike``) as a file name.

    Raises:
        UsageError: anything else, an empty name, or one no file can have (a NUL
            character, or a lone surrogate that stands for no byte: PEP 383).
    """
    need(value, (str, os.PathLike), what, "a str or os.PathLike")
    try:
        name: object = os.fspath(value)  # type: ignore[call-overload]
    except TypeError as exc:
        raise UsageError(f"{what} is no path: {exc}") from None
    if not isinstance(name, str):
        raise UsageError(f"{what} must give a str path, not {type(name).__name__}")
    if not name:
        raise UsageError(f"{what} must name a file, not ''")
    try:
        os.fsencode(name)  # a name read from disk may hold undecodable bytes (PEP 383)
    except UnicodeEncodeError:
        raise UsageError(f"{what} {name!r} holds a character no file name can hold") from None
    if "\x00" in name:
        raise UsageError(f"{what} {name!r} holds a character no file name can hold")
    return name


def one_of(*allowed: str | None) -> Callable[[str, object], None]:
    """A check that the value is one of ``allowed``."""

    def check(name: str, value: object) -> None:
        if not (value is None or isinstance(value, str)) or value not in allowed:
            shown = ", ".join(repr(a) for a in allowed if a is not None)
            shown += " or None" if None in allowed else ""
            raise UsageError(f"unknown {name} {value!r}: give {shown}")

    return check


def whole_number(low: int, high: int | None, none: bool = False) -> Callable[[str, object], None]:
    """A check that the value is a whole number from ``low`` to ``high`` (None: no
    upper bound), or None when ``none``."""

    def check(name: str, value: object) -> None:
        if value is None and none:
            return
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or value < low
            or (high is not None and value > high)
        ):
            bounds = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise UsageError(f"{name}={value!r}: give a whole number {bounds}")

    return check


def flag(name: str, value: object) -> None:
    """A check that the value is True or False."""
    if not isinstance(value, bool):
        raise UsageError(f"{name} must be True or False, not {type(value).__name__}")


def claim_id(name: str, value: object) -> None:
    """A check that the value is a claim id (a non-empty str) or None."""
    if value is not None and (not isinstance(value, str) or not value):
        raise UsageError(f"{name} must be a claim id or None, not {value!r}")


def str_or_none(name: str, value: object) -> None:
    """A check that the value is a str (empty: ids with no prefix) or None."""
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{name} must be a str or None, not {type(value).__name__}")


def seconds(name: str, value: object) -> None:
    """A check that the value is a number of seconds above 0 and at most a day."""
    if (
        not isinstance(value, (int, float))
        or isinstance(value, bool)
        or math.isnan(value)
        or not 0 < value <= 86400
    ):
        raise UsageError(f"{name}={value!r}: give a number of seconds above 0, at most 86400")
