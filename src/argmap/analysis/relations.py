"""A map's relations, one per arrow, typed so that the form of an argument counts.

Types (docs/grading.md, "Relations"):

* ``supports``: each premise of an inference with one premise → its conclusion;
* ``linked``: each premise of an inference with two or more linked premises →
  its conclusion (premises that support only together);
* ``attacks``: attacker → the claim it attacks;
* ``undercuts``: attacker → the step it undercuts, written ``P1+P2->T1``
  (its premises, sorted, and its conclusion).

A student's relations are translated to the model's ids through the matched
claims; a relation touching an unmatched claim cannot be translated and so
matches nothing. Every relation of the model counts, including those whose
claims the student missed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from argmap.model import ArgumentMap, Inference

#: The relation types, in output order.
TYPES = ("supports", "linked", "attacks", "undercuts")


@dataclass(frozen=True, order=True)
class Relation:
    """One arrow: ``source`` → ``target`` of ``type`` (one of :data:`TYPES`);
    for an undercut, ``target`` is the step (:func:`step`)."""

    source: str
    target: str
    type: str

    def as_dict(self) -> dict[str, str]:
        """``{"source", "target", "type"}``."""
        return {"source": self.source, "target": self.target, "type": self.type}


def step(premises: tuple[str, ...] | list[str], conclusion: str) -> str:
    """The name of an inference step: ``"P1+P2->T1"`` (premises sorted)."""
    return "+".join(sorted(premises)) + "->" + conclusion


def _support_type(inf: Inference) -> str:
    return "linked" if inf.linked and len(inf.premises) > 1 else "supports"


def relations(amap: ArgumentMap) -> frozenset[Relation]:
    """Every relation of ``amap`` in its own ids (see the module docstring)."""
    out = {
        Relation(p, inf.conclusion, _support_type(inf))
        for inf in amap.inferences
        for p in inf.premises
    }
    out |= {Relation(att.attacker, att.target, "attacks") for att in amap.attacks}
    for und in amap.undercuts:
        inf = amap.inference(und.inference)
        if inf is not None:
            out.add(Relation(und.attacker, step(inf.premises, inf.conclusion), "undercuts"))
    return frozenset(out)


def _translate_step(target: str, to_b: Mapping[str, str]) -> str | None:
    premises, _, conclusion = target.rpartition("->")
    ids = premises.split("+") + [conclusion]
    if not all(i in to_b for i in ids):
        return None
    return step([to_b[p] for p in premises.split("+")], to_b[conclusion])


def translate(rel: Relation, to_b: Mapping[str, str]) -> Relation | None:
    """``rel`` (in A's ids) in B's ids through the matches ``to_b``, or None when it
    touches an unmatched claim. Assumes ids hold neither ``+`` nor ``->`` inside a step."""
    if rel.source not in to_b:
        return None
    if rel.type == "undercuts":
        target = _translate_step(rel.target, to_b)
    else:
        target = to_b.get(rel.target)
    return None if target is None else Relation(to_b[rel.source], target, rel.type)


@dataclass(frozen=True)
class RelationDiff:
    """A's relations against B's.

    Attributes:
        shared: relations in both (in B's ids).
        missing: B's relations A lacks.
        extra: A's relations (in A's ids) that match none of B's.
        of_a: how many relations A has; ``of_b`` likewise.
        linked_split: B's ``linked`` relations A drew as separate ``supports``.
        linked_joined: B's ``supports`` A drew as ``linked``.
        undercut_as_attack: B's undercuts A drew as an attack on the step's
            conclusion or one of its premises.
        attack_as_undercut: B's attacks A drew as an undercut of a step
            concluding the attacked claim.
    """

    shared: tuple[Relation, ...]
    missing: tuple[Relation, ...]
    extra: tuple[Relation, ...]
    of_a: int
    of_b: int
    linked_split: tuple[Relation, ...] = ()
    linked_joined: tuple[Relation, ...] = ()
    undercut_as_attack: tuple[Relation, ...] = ()
    attack_as_undercut: tuple[Relation, ...] = ()


def _wrong_form(mapped: set[Relation], missing: list[Relation]) -> dict[str, list[Relation]]:
    """B's missing relations that A drew in another form (see :class:`RelationDiff`)."""
    out: dict[str, list[Relation]] = {k: [] for k in ("split", "joined", "as_attack", "as_und")}
    steps_to = {r.target.rpartition("->")[2]: r for r in mapped if r.type == "undercuts"}
    for rel in missing:
        if rel.type == "linked" and Relation(rel.source, rel.target, "supports") in mapped:
            out["split"].append(rel)
        elif rel.type == "supports" and Relation(rel.source, rel.target, "linked") in mapped:
            out["joined"].append(rel)
        elif rel.type == "undercuts":
            premises, _, conclusion = rel.target.rpartition("->")
            ends = [conclusion, *premises.split("+")]
            if any(Relation(rel.source, end, "attacks") in mapped for end in ends):
                out["as_attack"].append(rel)
        elif rel.type == "attacks":
            hit = steps_to.get(rel.target)
            if hit is not None and hit.source == rel.source:
                out["as_und"].append(rel)
    return out


def diff_relations(a: ArgumentMap, b: ArgumentMap, to_b: Mapping[str, str]) -> RelationDiff:
    """A's relations (translated through the matches ``to_b``: A's id → B's id) against
    all of B's relations."""
    rel_a, rel_b = relations(a), relations(b)
    mapped: set[Relation] = set()
    extra: list[Relation] = []
    for rel in sorted(rel_a):
        moved = translate(rel, to_b)
        if moved is not None and moved in rel_b:
            mapped.add(moved)
        else:
            extra.append(rel)
            if moved is not None:
                mapped.add(moved)
    shared = sorted(mapped & rel_b)
    missing = sorted(rel_b - mapped)
    wrong = _wrong_form(mapped, missing)
    return RelationDiff(
        shared=tuple(shared),
        missing=tuple(missing),
        extra=tuple(extra),
        of_a=len(rel_a),
        of_b=len(rel_b),
        linked_split=tuple(wrong["split"]),
        linked_joined=tuple(wrong["joined"]),
        undercut_as_attack=tuple(wrong["as_attack"]),
        attack_as_undercut=tuple(wrong["as_und"]),
    )
