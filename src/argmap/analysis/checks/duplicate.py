"""Two or more claims that say the same thing.

Definition: claims whose texts are equal after Unicode NFKC normalisation,
case folding, removing punctuation (symbols such as ``<``, ``$`` or emoji
are kept), and collapsing whitespace.
One finding per group of duplicates, at the second claim of the group; linear
(one dictionary lookup per claim).

Source: Walton, *Informal Logic* (2nd ed., 2008), §5: each proposition of an
argument is stated once; repeated statements hide the real structure (and a
duplicate supporting its twin is begging the question in disguise).

Fix: keep one claim and point the relations of the others at it.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: "It helps!", supports: T1}
      P2: {kind: premise, text: it  helps, supports: T1}

Reports: AM101 on P1; AM101 on P2; AM111 on P1, P2.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It helps., supports: T1}
      P2: {kind: premise, text: It is cheap., supports: T1}

Reports: AM101 on P1; AM101 on P2.

Triggers (three writings of one claim: one finding, at the second)::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It helps., supports: T1}
      P2: {kind: premise, text: IT HELPS, supports: T1}
      P3: {kind: premise, text: "Ｉｔ helps…", supports: T1}

Reports: AM101 on P1; AM101 on P2; AM111 on P1, P2, P3; AM101 on P3.

Passes (symbols are kept: "<" and ">" differ)::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: "Benefit > cost.", supports: T1}
      O1: {kind: objection, text: "Benefit < cost.", attacks: P1}

Reports: AM101 on P1; AM107 on O1.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap


class _Blank(dict[int, str | int]):
    """``str.translate`` table: punctuation (Unicode P*) → space.

    Symbols (S*: ``<``, ``$``, ``€``, emoji) are kept: "x < y" and "x > y"
    differ.

    Filled on first sight of each code point, so a text costs one C-level
    lookup per character rather than a Python call.
    """

    def __missing__(self, code: int) -> str | int:
        value = " " if unicodedata.category(chr(code))[0] == "P" else code
        self[code] = value
        return value


_BLANK = _Blank()


def normalise(text: str) -> str:
    """NFKC, casefold, drop punctuation (Unicode P*), collapse spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.translate(_BLANK).split())


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per group of claims with the same normalised text."""
    groups: dict[str, list[str]] = {}
    for cid, claim in amap.claims.items():
        groups.setdefault(normalise(claim.text), []).append(cid)
    for ids in groups.values():
        if len(ids) > 1:
            yield CHECK.at_claim(
                amap,
                ids[1],
                f"claims {', '.join(ids)} say the same thing: keep one and point "
                "the others' relations at it",
                tuple(ids),
            )


CHECK = Check(
    code="AM111", name="duplicate-claim", severity="warning", doc=__doc__ or "", run=check
)
