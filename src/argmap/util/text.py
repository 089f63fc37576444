"""Text helpers: word stems and their overlap, display width and wrapping, lists of ids.

Stems (:func:`stems`, :func:`stem_overlap`, shared by comparison and drafting).
Words: the text is lower-cased, curly apostrophes made straight, dotted
acronyms joined (``U.S.`` → ``us``), a possessive ``'s`` dropped; a word is a
run of letters and digits, and a hyphenated word counts as its parts and as
the parts joined (``geo-political`` → ``geo``, ``political``, ``geopolitical``).
Words of one character and English stop words (the Snowball list) are
dropped, except acronyms written in capitals (``US``); the rest lose their
apostrophes and are stemmed with the Snowball English (Porter 2) stemmer
(https://snowballstem.org/algorithms/english/stemmer.html).

Wrapping (:func:`wrap_text`, shared by the diagram renderer and the diagram
exports) counts columns as a terminal does (:func:`display_width`, Unicode
UAX #11). :func:`and_list` writes ids as a phrase (``"P1, P2 and P3"``).
"""

from __future__ import annotations

import math
import re
import textwrap
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import snowballstemmer

#: Snowball English stop words (https://snowballstem.org/algorithms/english/stop.txt).
STOP_WORDS = frozenset(
    """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves what which who whom this
that these those am is are was were be been being have has had having do does did doing would
should could ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd
he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't
haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't
mustn't let's that's who's what's here's there's when's where's why's how's a an the and but if
or because as until while of at by for with about against between into through during before
after above below to from up down in out on off over under again further then once here there
when where why how all any both each few more most other some such no nor not only own same so
than too very
""".split()
)

_ACRONYM_DOTS = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_WORD = re.compile(r"[^\W_]+(?:[-‐‑–'’][^\W_]+)*")
_HYPHENS = re.compile(r"[-‐‑–]")


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    import snowballstemmer  # loaded on first use: the renderer imports this module too

    return snowballstemmer.stemmer("english")


def stems(text: str) -> frozenset[str]:
    """The set of word stems of ``text`` used for matching (see the module docstring)."""
    text = _ACRONYM_DOTS.sub(lambda m: m.group().replace(".", ""), text)
    words: list[str] = []
    for match in _WORD.finditer(text):
        word = re.sub(r"'s$", "", match.group().replace("’", "'"))
        acronym = word.isupper() and word.isalpha() and len(word) > 1
        parts = _HYPHENS.split(word)
        if len(parts) > 1:
            parts.append("".join(parts))
        for part in parts:
            low = part.lower()
            if len(low) > 1 and (acronym or low not in STOP_WORDS):
                words.append(low.replace("'", ""))
    return frozenset(_stemmer().stemWords(words))


def ochiai(a: frozenset[str], b: frozenset[str]) -> float:
    """Ochiai coefficient |a ∩ b| / √(|a|·|b|) of two sets, in [0, 1] (0 when one is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def stem_overlap(a: str, b: str) -> float:
    """Ochiai coefficient of the stem sets of two texts, in [0, 1] (0 when one has none)."""
    return ochiai(stems(a), stems(b))


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes: wide and full-width characters (CJK, most emoji) count 2,
    combining marks and zero-width characters 0 (Unicode UAX #11 East Asian Width)."""
    if text.isascii():  # no ASCII character is wide, combining or of category Cf
        return len(text)
    return sum(map(_char_width, text))


#: What :mod:`textwrap` splits words at (spaces, hyphens of hyphenated words, em-dashes).
_WORDSEP = textwrap.TextWrapper.wordsep_re
#: The whitespace :mod:`textwrap` turns into spaces.
_SPACES = str.maketrans(dict.fromkeys("\t\n\x0b\x0c\r", " "))


def _fit(chunk: str, start: int, columns: int) -> int:
    """The end of the longest part of ``chunk`` from ``start`` at most ``columns`` wide."""
    if chunk[start : start + columns].isascii():
        return min(len(chunk), start + columns)
    end, used = start, 0
    while end < len(chunk) and used + _char_width(chunk[end]) <= columns:
        used += _char_width(chunk[end])
        end += 1
    return end


def _break_at(chunk: str, start: int, columns: int, empty_line: bool) -> int:
    """Where a word too long for its line is broken: after its last hyphen that fits
    (if a letter comes before it), else after the last character that fits (at
    least one on an empty line, so that wrapping always moves on)."""
    end = _fit(chunk, start, columns)
    if empty_line and end == start:
        return start + 1
    hyphen = chunk.rfind("-", start, end)
    if hyphen > start and chunk[start:hyphen].strip("-"):
        return hyphen + 1
    return end


def _wrap_para(para: str, width: int) -> list[str]:
    """:func:`textwrap.wrap` (long words and hyphenated words broken) counting display
    columns, in time linear in the text: a long word is broken by index, never re-sliced."""
    chunks = [c for c in _WORDSEP.split(para.expandtabs().translate(_SPACES)) if c]
    widths = [len(c) for c in chunks] if para.isascii() else [display_width(c) for c in chunks]
    solid = [len(c.rstrip()) for c in chunks]  # a chunk's rest from here on is blank
    lines: list[str] = []
    i, start, head = 0, 0, widths[0] if chunks else 0  # next chunk, its unused part, its width
    while i < len(chunks):
        if lines and start >= solid[i]:
            i, start = i + 1, 0
            head = widths[i] if i < len(chunks) else 0
        line: list[str] = []
        used = 0
        while i < len(chunks) and used + head <= width:
            line.append(chunks[i][start:])
            used += head
            i, start = i + 1, 0
            head = widths[i] if i < len(chunks) else 0
        if i < len(chunks) and head > width:
            space = width - used if width >= 1 else 1
            end = _break_at(chunks[i], start, space, not line)
            line.append(chunks[i][start:end])
            head -= display_width(line[-1])
            start = end
        if line and not line[-1].strip():
            del line[-1]
        if line:
            lines.append("".join(line))
    return lines or [""]


def wrap_text(text: str, width: int) -> list[str]:
    """Wrap ``text`` to lines at most ``width`` columns wide (see :func:`display_width`).

    Words longer than ``width`` (URLs, long compounds) are broken too, so no
    line is ever wider than ``width``; explicit newlines start new lines. Where
    every character takes one column the lines are those of :func:`textwrap.wrap`
    (long words and hyphenated words broken). Time is linear in the text's length.
    Returns at least one line (``[""]`` for empty text).
    """
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        lines.extend(_wrap_para(para, width))
    return lines


def comma_list(value: str) -> list[str]:
    """``"a, b,,c"`` → ``["a", "b", "c"]`` (names written as one comma-separated string)."""
    return [v.strip() for v in value.split(",") if v.strip()]


def and_list(ids: Sequence[str], limit: int | None = None) -> str:
    """``["P2"]`` → ``"P2"``; ``["P1", "P2", "P3"]`` → ``"P1, P2 and P3"``.

    Past ``limit`` ids (None: no limit), the first ``limit`` and a count:
    ``"A, B, … and 9 more"``. No ids (an inference whose premises are not
    written yet) → ``"no premises"``.
    """
    if not ids:
        return "no premises"
    if limit is not None and len(ids) > limit:
        return ", ".join(ids[:limit]) + f", … and {len(ids) - limit} more"
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]


def break_long_runs(text: str, longest: int) -> str:
    """``text`` with a space in place of every ``longest + 1``-th character of each run of
    more than ``longest`` non-space characters, so no run is longer than ``longest``.

    The result has the same length as ``text`` (character offsets stay right); texts
    without such runs come back unchanged. Time linear in ``len(text)``.
    """
    if len(text) <= longest:
        return text
    return re.sub(rf"\S{{{longest + 1},}}", lambda m: _break(m.group(0), longest), text)


def _break(run: str, longest: int) -> str:
    chars = list(run)
    chars[longest :: longest + 1] = " " * len(range(longest, len(run), longest + 1))
    return "".join(chars)
