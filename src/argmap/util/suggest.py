"""Closest-match suggestions for messages ("did you mean ...?")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """Return the option most similar to ``word`` (difflib ratio ≥ ``cutoff``), or None.

    Case is ignored when comparing; the option is returned as spelled.
    """
    spelled = {o.lower(): o for o in sorted(options, key=str)}
    match = difflib.get_close_matches(word.lower(), list(spelled), n=1, cutoff=cutoff)
    return spelled[match[0]] if match else None


def did_you_mean(word: str, options: Iterable[str], cutoff: float = 0.6) -> str:
    """``"; did you mean 'x'?"`` when an option is at least ``cutoff`` similar, else ``""``."""
    best = closest(word, options, cutoff)
    return f"; did you mean {best!r}?" if best else ""
