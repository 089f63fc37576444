"""Checks of the values in drafting patterns files (``--patterns DIR``), which
are the user's: numbers stay finite and small, and no token pattern can make
matching take more than linear time."""

from __future__ import annotations

import math
import re

#: The largest size of a number in a patterns file: scores stay finite.
MAX_NUMBER = 1_000_000


def number(value: object) -> bool:
    """Whether ``value`` is a JSON number from −:data:`MAX_NUMBER` to
    :data:`MAX_NUMBER` (not true/false, NaN or Infinity)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return (not isinstance(value, float) or math.isfinite(value)) and abs(value) <= MAX_NUMBER


def count(value: object) -> bool:
    """Whether ``value`` is a whole number ≥ 0 (a count of words or paragraphs)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_NUMBER


#: Repeat operators a token of a ``--patterns`` file may carry: at most 8 tokens.
_OPS = re.compile(r"[!?]|\{[0-8]\}|\{[0-8]?,[0-8]\}")


def token_problem(tokens: list) -> str | None:
    """Why the spaCy token patterns of a ``--patterns`` file are refused, or None.

    Refused: a token that is not an object; an ``OP`` other than ``!``, ``?``
    and counts up to 8 (``*``, ``+`` and open counts let one pattern match
    whole paragraphs, in time that grows with their square); ``REGEX``
    (spaCy runs it with Python's backtracking engine on every word, in time
    that can grow exponentially); custom extensions (``_``).
    """
    for pattern in tokens:
        for token in pattern:
            if not isinstance(token, dict):
                return f"each token of a pattern must be an object, not {token!r}"
            op = token.get("OP")
            if op is not None and not (isinstance(op, str) and _OPS.fullmatch(op)):
                return f"'OP' {op!r} is not allowed: use '!', '?' or a count up to 8 ('{{0,3}}')"
            if "_" in token:
                return "custom token extensions ('_') are not supported"
            if any(isinstance(v, dict) and "REGEX" in v for v in token.values()):
                return "'REGEX' is not allowed in a --patterns file: use 'IN' lists or phrases"
    return None
