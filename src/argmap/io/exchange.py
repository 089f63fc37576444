"""What every importer returns and every exporter reports.

An import gives an :class:`Imported`: the map plus ``import-note`` (AM001)
findings (what was left out, what was guessed), each with its position. An
export gives an :class:`Exported`: the text plus a list of what the target
format cannot hold, which :func:`losses` turns into ``export-loss`` (AM002)
findings at the positions of the parts left out, so a conversion reports what
it lost exactly as ``argmap check`` reports findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from argmap.findings import Finding, loss
from argmap.model import (
    DEFAULT_SCORE,
    ArgumentMap,
    Claim,
    EvaluationSettings,
    Position,
    complete_parts,
)


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
CLAIM_FIELDS = (
    "para",
    "source",
    "tags",
    "score",
    "ignore",
    "span",
    "granted",
    "standard",
    "extra_sources",
    "rephrases",
)
#: Optional map-level fields.
MAP_FIELDS = ("title", "source", "theme", "checks", "draft", "evaluation")


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
    if field == "evaluation":
        return amap.evaluation != EvaluationSettings()
    return getattr(amap, field) is not None


def _field_phrase(field: str, count: int) -> str:
    claims = f"{count} claim{'' if count == 1 else 's'}"
    if field == "extra_sources":
        return f"every source but the first of {claims}"
    return f"which checks {claims} ignore" if field == "ignore" else f"{field} of {claims}"


def _field_losses(
    amap: ArgumentMap, kept_claim: frozenset[str], kept_map: frozenset[str]
) -> Iterator[tuple[str, Position | None]]:
    """``(phrase, position of the first part it names)`` for each field a format loses."""
    for field in CLAIM_FIELDS:
        having = [c for c in amap.claims.values() if _claim_has(c, field)]
        if field == "extra_sources" and "source" not in kept_claim and kept_claim:
            continue  # "source of N claims" already says every source is left out
        if field not in kept_claim and having:
            yield _field_phrase(field, len(having)), next((c.loc for c in having if c.loc), None)
    for field in MAP_FIELDS:
        if field not in kept_map and _map_has(amap, field):
            where = {"checks": amap.checks.loc, "evaluation": amap.evaluation.loc}
            yield f"the map's {field}", where.get(field)


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
    return [phrase for phrase, _ in _field_losses(amap, kept_claim, kept_map)]


def _part_positions(amap: ArgumentMap) -> dict[str, Position]:
    """Where each part a writer may leave out stands, by the phrase that names it.

    The phrases are those of :func:`lost_fields` (at the first claim having the
    field, or the ``checks:`` block) and of :func:`~argmap.model.complete_parts`
    (at the inference or undercut itself).
    """
    where: dict[str, Position | None] = dict(_field_losses(amap, frozenset(), frozenset()))
    infs, unds, phrases = complete_parts(amap)
    kept_infs, kept_unds = set(infs), set(unds)  # sets: linear in the map's size
    left_out = [inf.loc for inf in amap.inferences if inf not in kept_infs]
    left_out += [u.loc for u in amap.undercuts if u not in kept_unds]
    where.update(zip(phrases, left_out, strict=True))
    for inf in amap.inferences:  # a format holding no supports at all leaves out each
        where.setdefault(f"inference {inf.id}", inf.loc)
    for u in amap.undercuts:
        where.setdefault(f"the undercut of {u.inference} by {u.attacker}", u.loc)
    return {phrase: pos for phrase, pos in where.items() if pos is not None}


def losses(amap: ArgumentMap, exported: Exported, fmt: str, file: str) -> list[Finding]:
    """What a conversion lost, as ``export-loss`` (AM002) warnings.

    Args:
        amap: the map that was written.
        exported: what the writer of ``fmt`` returned.
        fmt: the output format's name (``mermaid``).
        file: the input file as named on the command line.

    Returns:
        One finding per phrase of ``exported.lost``, in its order, at the
        position in ``file`` of the part it names when the map knows it, else
        at line 1, column 1; e.g. ``the mermaid output leaves out tags of 1
        claim`` at the first claim with tags.
    """
    where = _part_positions(amap)
    found = []
    for phrase in exported.lost:
        pos = where.get(phrase)
        line, column = (pos.line, pos.column) if pos else (1, 1)
        message = f"the {fmt} output leaves out {phrase}"
        found.append(loss(Position(file, line, column), message))
    return found
