"""argmap's map as plain Python data in the shape of the YAML format (version 1).

:func:`map_to_dict` is what every writer of argmap's own format starts from:
the YAML writer, the JSON map, and the ``argmap`` data that AIF and Argdown
files carry so that nothing is lost on the way back.
"""

from __future__ import annotations

import dataclasses

from argmap.model import DEFAULT_SCORE, ArgumentMap, Claim, EvaluationSettings


def _one_or_list(values: list[str]) -> str | list[str]:
    return values[0] if len(values) == 1 else values


def _claim_dict(claim: Claim, relations: dict[str, list[str]]) -> dict[str, object]:
    out: dict[str, object] = {"kind": claim.kind, "text": claim.text}
    for key in ("supports", "attacks", "undercuts"):
        if relations.get(key):
            out[key] = _one_or_list(relations[key])
    if claim.rephrases:
        out["rephrases"] = _one_or_list(list(claim.rephrases))
    if claim.para:
        out["para"] = claim.para[0] if len(claim.para) == 1 else list(claim.para)
    if claim.source is not None:
        out["source"] = _one_or_list(list(claim.sources))
    if claim.tags:
        out["tags"] = list(claim.tags)
    if claim.score != DEFAULT_SCORE:
        out["score"] = claim.score
    if claim.ignore:
        out["ignore"] = sorted(claim.ignore)
    if claim.span is not None:
        out["span"] = list(claim.span)
    if claim.granted is not None:
        out["granted"] = claim.granted
    if claim.standard is not None:
        out["standard"] = claim.standard
    return out


def evaluation_dict(settings: EvaluationSettings) -> dict[str, object]:
    """The ``evaluation:`` block: the settings that differ from the defaults (``{}``: none)."""
    default = EvaluationSettings()
    out: dict[str, object] = {
        key: getattr(settings, key)
        for key in ("grant", "standard", "alpha", "beta", "gamma")
        if getattr(settings, key) != getattr(default, key)
    }
    words = {"IN": "in", "OUT": "out", "UNDEC": "undecided"}
    expect = {
        word: [e.claim for e in settings.expect if e.label == label]
        for label, word in words.items()
        if any(e.label == label for e in settings.expect)
    }
    if expect:
        out["expect"] = expect
    return out


def claim_dicts(amap: ArgumentMap) -> dict[str, dict[str, object]]:
    """``{claim id: the claim's body}`` as the ``claims:`` block of :func:`map_to_dict` holds it.

    A body has ``kind`` and ``text``, the claim's shorthand ``supports``,
    ``attacks`` and ``undercuts``, its ``rephrases``, and every optional field that is set.
    """
    rels: dict[str, dict[str, list[str]]] = {cid: {} for cid in amap.claims}
    for inf in amap.inferences:
        if not inf.linked:
            rels[inf.premises[0]].setdefault("supports", []).append(inf.conclusion)
    for att in amap.attacks:
        rels[att.attacker].setdefault("attacks", []).append(att.target)
    for und in amap.undercuts:
        rels[und.attacker].setdefault("undercuts", []).append(und.inference)
    return {cid: _claim_dict(c, rels[cid]) for cid, c in amap.claims.items()}


def map_to_dict(amap: ArgumentMap) -> dict[str, object]:
    """The map as plain Python data in the YAML format's shape."""
    linked = {
        inf.id: {"premises": list(inf.premises), "conclusion": inf.conclusion}
        for inf in amap.inferences
        if inf.linked
    }
    doc: dict[str, object] = {}
    if amap.title is not None:
        doc["title"] = amap.title
    if amap.source is not None:
        src = {k: v for k, v in dataclasses.asdict(amap.source).items() if v is not None}
        doc["source"] = src
    if amap.theme is not None:
        doc["theme"] = amap.theme
    checks = {
        k: list(getattr(amap.checks, k)) for k in ("select", "ignore") if getattr(amap.checks, k)
    }
    if checks:
        doc["checks"] = checks
    evaluation = evaluation_dict(amap.evaluation)
    if evaluation:
        doc["evaluation"] = evaluation
    doc["claims"] = claim_dicts(amap)
    if linked:
        doc["inferences"] = linked
    doc.update(amap.extra)
    return doc
