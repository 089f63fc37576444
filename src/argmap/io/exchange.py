"""What every importer returns and every exporter reports.

An import gives an :class:`Imported`: the map plus ``import-note`` (AM001)
findings (what was left out, what was guessed), each with its position. An
export gives an :class:`Exported`: the text plus a list of what the target
format cannot hold, so a lossy conversion can say what it lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.findings import Finding
from argmap.model import DEFAULT_SCORE, ArgumentMap, Claim


@dataclass(frozen=True)
class Imported:
    """The result of reading a foreign format.

    Attributes:
        map: the argument map.
        notes: warnings, sorted by file and position.
    """

    map: ArgumentMap
    notes: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Exported:
    """The result of writing a map in some format.

    Attributes:
        text: the document (ends with a newline).
        lost: what the format could not hold, one phrase each
            (e.g. ``"source of 2 claims"``); empty when nothing was lost.
    """

    text: str
    lost: tuple[str, ...] = ()


#: Optional claim fields, in the order the YAML format lists them.
CLAIM_FIELDS = ("para", "source", "tags", "score", "ignore", "span")
#: Optional map-level fields.
MAP_FIELDS = ("title", "source", "theme", "checks", "draft")


def _claim_has(claim: Claim, field: str) -> bool:
    if field == "score":
        return claim.score != DEFAULT_SCORE
    value = getattr(claim, field)
    return value is not None and value != () and value != frozenset()


def _map_has(amap: ArgumentMap, field: str) -> bool:
    if field == "checks":
        return bool(amap.checks.select or amap.checks.ignore)
    if field == "draft":
        return "draft" in amap.extra
    return getattr(amap, field) is not None


def lost_fields(
    amap: ArgumentMap, kept_claim: frozenset[str], kept_map: frozenset[str]
) -> list[str]:
    """Phrases naming the fields of ``amap`` that a format keeping only these loses.

    Args:
        amap: the map being written.
        kept_claim: names from :data:`CLAIM_FIELDS` the format keeps.
        kept_map: names from :data:`MAP_FIELDS` the format keeps.

    Returns:
        E.g. ``["tags of 2 claims", "the map's checks"]``, in field order.
    """
    lost = []
    for field in CLAIM_FIELDS:
        count = sum(_claim_has(c, field) for c in amap.claims.values())
        if field not in kept_claim and count:
            lost.append(f"{field} of {count} claim{'' if count == 1 else 's'}")
    lost.extend(
        f"the map's {field}"
        for field in MAP_FIELDS
        if field not in kept_map and _map_has(amap, field)
    )
    return lost
