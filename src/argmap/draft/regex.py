"""Regular expressions of the boilerplate rules, run by RE2 in linear time.

The boilerplate, trim and metadata expressions of ``boilerplate.json`` (and of
a ``--patterns`` folder) are matched against the article's paragraphs, which
are untrusted: with a backtracking engine such as Python's :mod:`re`, an
expression like ``(\\s+#\\w+)+\\s*$`` takes time quadratic in a paragraph of
many hashtags, and a careless one exponential time. RE2 (Cox 2010, "Regular
Expression Matching in the Wild", https://swtch.com/~rsc/regexp/regexp3.html),
through the ``google-re2`` package, matches in time linear in the text for
every expression. Its syntax is Python's without look-around and
back-references; ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are ASCII (write
``\\pL`` for any letter, ``\\pN`` for any digit). Expressions are
case-insensitive; ``(?-i:…)`` makes a part case-sensitive.
"""

from __future__ import annotations

from typing import Any, Protocol

from argmap.errors import UsageError


class Match(Protocol):
    """What a match offers (a subset of :class:`re.Match`)."""

    def start(self, group: int | str = 0) -> int: ...

    def group(self, group: int | str = 0) -> Any: ...


class Regex(Protocol):
    """A compiled expression (a subset of :class:`re.Pattern`); offsets are in
    characters, as in :mod:`re`."""

    @property
    def groupindex(self) -> dict[str, int]: ...

    def search(self, text: str) -> Match | None: ...

    def fullmatch(self, text: str) -> Match | None: ...


def compile_regex(pattern: str) -> Regex:
    """``pattern`` compiled case-insensitively by RE2.

    Raises:
        ValueError: the expression is not valid RE2 syntax (the message says why).
        UsageError: the ``google-re2`` package is not installed.
    """
    try:
        import re2
    except ImportError:
        raise UsageError(
            "argmap draft needs the google-re2 package: pip install 'argmap[draft]'"
        ) from None
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # the error is reported, not logged to stderr
    options.max_mem = 64 << 20
    try:
        compiled: Regex = re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else "invalid"
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise ValueError(str(reason)) from None
    return compiled
