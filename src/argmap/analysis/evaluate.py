"""``argmap evaluate``: which claims stand, how strongly, and why.

Two readings (:data:`SEMANTICS`). The default, ``carneades``
(:mod:`argmap.analysis.carneades`: Gordon, Prakken & Walton 2007, "The
Carneades model of argument and burden of proof", AIJ 171), reads a map as
argument maps are taught: a claim stands when one of its reasons stands and no
objection to it does, under a proof standard the map or a claim may set. The
other, ``grounded`` (:mod:`argmap.analysis.semantics`), is Dung's grounded
labelling of the bipolar framework with Cayrol & Lagasquie-Schiex's supported
and secondary attacks, with a ``support`` variant (``necessary`` or
``convergent``). Both give DF-QuAD strengths. What-if questions take claims as
granted (``accept``) or denied (``reject``) and recompute; :func:`explain` says
why a claim has its label.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from argmap.analysis.carneades import CarneadesGraph, build_graph, carneades_labels
from argmap.analysis.carneades_explain import explain_carneades
from argmap.analysis.explanation import Explanation, loop_behind, node_name
from argmap.analysis.semantics import (
    IN,
    OUT,
    SUPPORT_READINGS,
    UNDEC,
    Attack,
    Framework,
    Node,
    build_framework,
    dfquad,
    inf_node,
)
from argmap.analysis.standards import ASKS, describe_standard
from argmap.errors import UsageError
from argmap.model import GRANTS, STANDARDS, ArgumentMap, EvaluationSettings
from argmap.util.suggest import did_you_mean

__all__ = ["SEMANTICS", "Evaluation", "Explanation", "Reading", "changes", "evaluate", "explain"]

#: The readings ``argmap evaluate`` offers; the first is the default.
SEMANTICS = ("carneades", "grounded")


@dataclass(frozen=True)
class Reading:
    """Which reading produced an evaluation.

    Attributes:
        semantics: ``"carneades"`` or ``"grounded"``.
        support: under ``grounded``, ``"necessary"`` or ``"convergent"``; else None.
        settings: under ``carneades``, the evaluation settings used; else None.
        own_standards: under ``carneades``, how many claims set their own standard.
    """

    semantics: str = "carneades"
    support: str | None = None
    settings: EvaluationSettings | None = None
    own_standards: int = 0

    def describe(self) -> str:
        """One line, e.g. ``"carneades, standard dialectical-validity, claims without
        reasons granted"`` or ``"grounded (bipolar), support necessary"``."""
        if self.settings is None:
            return f"grounded (bipolar), support {self.support}"
        granted = (
            "claims without reasons granted"
            if self.settings.grant == "all"
            else "only claims marked granted: true are granted"
        )
        own = self.own_standards
        mine = f" ({own} claim{'s' if own > 1 else ''} with its own)" if own else ""
        standard = describe_standard(self.settings.standard, self.settings)
        return f"carneades, standard {standard}{mine}, {granted}"

    def gloss(self) -> str:
        """What the reading means in plain words, e.g. ``"a claim stands when one of
        its reasons stands and no objection to it stands"``."""
        if self.settings is None:
            return "a claim stands when every claim attacking it is defeated"
        standard = self.settings.standard
        if standard == "dialectical-validity":
            ask = "one of its reasons stands and no objection to it stands"
        else:
            ask = f"it gets what its proof standard asks for: {ASKS[standard]}"
        if self.own_standards:
            ask += " (a claim with its own standard: when it gets what that standard asks for)"
        granted = (
            ""
            if self.settings.grant == "all"
            else "; a claim without reasons stands only if marked granted: true"
        )
        return f"a claim stands when {ask}{granted}"

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form: ``{"semantics", "support", "standard", "grant", "alpha",
        "beta", "gamma", "text", "gloss"}`` (null where the reading has no such
        setting; ``gloss``: :meth:`gloss`)."""
        st = self.settings
        return {
            "semantics": self.semantics,
            "support": self.support,
            "standard": st.standard if st else None,
            "grant": st.grant if st else None,
            "alpha": st.alpha if st else None,
            "beta": st.beta if st else None,
            "gamma": st.gamma if st else None,
            "text": self.describe(),
            "gloss": self.gloss(),
        }


@dataclass
class Evaluation:
    """The result of evaluating a map.

    Attributes:
        labelling: claim id → ``"IN"``, ``"OUT"`` or ``"UNDEC"`` (map order).
        inferences: inference id → label (under ``carneades``, an inference
            naming no claim or with no premise never stands: OUT).
        strength: claim id → DF-QuAD strength in [0, 1], or None (cyclic part).
        framework: under ``grounded``, the derived framework (for explanations).
        node_labels: the label of every framework node, claims and
            inferences (``("inference", id)``) alike.
        accepted: claims taken as granted.
        rejected: claims taken as denied.
        reading: the reading that produced it.
        graph: under ``carneades``, the graph read from the map.
    """

    labelling: dict[str, str]
    inferences: dict[str, str]
    strength: dict[str, float | None]
    framework: Framework | None = field(repr=False, default=None)
    node_labels: dict[Node, str] = field(repr=False, default_factory=dict)
    accepted: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    reading: Reading = field(default_factory=Reading)
    graph: CarneadesGraph | None = field(repr=False, default=None)


def _known(amap: ArgumentMap, ids: Iterable[str], option: str) -> tuple[str, ...]:
    out = []
    for cid in ids:
        if cid not in amap.claims:
            raise UsageError(
                f"{option} {cid!r}: no such claim{did_you_mean(cid, amap.claims, 0.5)}"
            )
        out.append(cid)
    return tuple(out)


def _choice(value: str | None, known: tuple[str, ...], option: str) -> None:
    if value is not None and value not in known:
        hint = did_you_mean(value, known) or ""
        raise UsageError(f"{option} {value!r}: unknown{hint} (one of {', '.join(known)})")


def evaluate(
    amap: ArgumentMap,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    support: str | None = None,
    *,
    semantics: str = "carneades",
    standard: str | None = None,
    grant: str | None = None,
) -> Evaluation:
    """Label every claim and compute DF-QuAD strengths.

    Args:
        amap: the map.
        accept: claims taken as granted (IN whatever attacks them; strength 1).
        reject: claims taken as denied (OUT; they attack and support nothing;
            strength 0).
        support: under ``grounded`` only: ``"necessary"`` (default) or
            ``"convergent"`` (:func:`argmap.analysis.semantics.build_framework`).
        semantics: ``"carneades"`` (default) or ``"grounded"``.
        standard: under ``carneades``, a proof standard replacing the map's
            (claims with their own keep theirs).
        grant: under ``carneades``, ``"all"`` or ``"assumptions"``, replacing
            the map's.

    Raises:
        UsageError: an accepted or rejected id is not a claim, one id is both,
            an unknown semantics, support, standard or grant, or a support
            reading asked of ``carneades`` (or a standard or grant of ``grounded``).
    """
    _check_options(semantics, support, standard, grant)
    accepted = _known(amap, accept, "--accept")
    rejected = _known(amap, reject, "--reject")
    if set(accepted) & set(rejected):
        raise UsageError(f"cannot both accept and reject {sorted(set(accepted) & set(rejected))}")
    strength = dfquad(amap, accepted, rejected)
    if semantics == "grounded":
        return _grounded(amap, accepted, rejected, support or "necessary", strength)
    return _carneades(amap, accepted, rejected, strength, standard, grant)


def _check_options(
    semantics: str, support: str | None, standard: str | None, grant: str | None
) -> None:
    _choice(semantics, SEMANTICS, "--semantics")
    _choice(support, SUPPORT_READINGS, "--support")
    _choice(standard, STANDARDS, "--standard")
    _choice(grant, GRANTS, "--grant")
    if semantics == "carneades" and support is not None:
        raise UsageError(
            "--support applies to --semantics grounded only (the carneades reading "
            "treats every reason as independent and linked premises as one reason)"
        )
    if semantics == "grounded" and (standard or grant):
        raise UsageError("--standard and --grant apply to --semantics carneades only")


def _carneades(
    amap: ArgumentMap,
    accepted: tuple[str, ...],
    rejected: tuple[str, ...],
    strength: dict[str, float | None],
    standard: str | None,
    grant: str | None,
) -> Evaluation:
    settings = amap.evaluation
    for name in STANDARDS:
        if standard == name:
            settings = replace(settings, standard=name)
    for choice in GRANTS:
        if grant == choice:
            settings = replace(settings, grant=choice)
    graph = build_graph(amap, settings)
    labels = carneades_labels(graph, accepted, rejected)
    own = sum(1 for c in amap.claims.values() if c.standard is not None)
    return Evaluation(
        labelling={cid: labels[cid] for cid in amap.claims},
        inferences={i.id: labels.get(inf_node(i.id), OUT) for i in amap.inferences},
        strength=strength,
        node_labels=labels,
        accepted=accepted,
        rejected=rejected,
        reading=Reading("carneades", settings=settings, own_standards=own),
        graph=graph,
    )


def _grounded(
    amap: ArgumentMap,
    accepted: tuple[str, ...],
    rejected: tuple[str, ...],
    support: str,
    strength: dict[str, float | None],
) -> Evaluation:
    frame = build_framework(amap, accepted, rejected, support)
    labels = frame.labelling()
    for cid in rejected:
        labels[cid] = OUT
    return Evaluation(
        labelling={cid: labels[cid] for cid in amap.claims},
        inferences={i.id: labels[inf_node(i.id)] for i in amap.inferences},
        strength=strength,
        framework=frame,
        node_labels=labels,
        accepted=accepted,
        rejected=rejected,
        reading=Reading("grounded", support=support),
    )


def changes(before: Evaluation, after: Evaluation) -> list[tuple[str, str, str]]:
    """Claims whose label differs: ``[(id, old label, new label)]`` in map order."""
    return [
        (cid, old, after.labelling[cid])
        for cid, old in before.labelling.items()
        if after.labelling[cid] != old
    ]


def _describe(att: Attack, labels: Mapping[Node, str]) -> dict[str, str | None]:
    return {
        "attacker": node_name(att.attacker),
        "label": labels[att.attacker],
        "how": att.how,
        "via": None if att.via is None else node_name(att.via),
    }


def explain(ev: Evaluation, claim: str) -> Explanation:
    """Explain the label of ``claim`` in ``ev``.

    Raises:
        UsageError: ``claim`` is not a claim of the map.
    """
    if claim not in ev.labelling:
        raise UsageError(
            f"--explain {claim!r}: no such claim{did_you_mean(claim, ev.labelling, 0.5)}"
        )
    if ev.graph is not None:
        return explain_carneades(ev.graph, ev.node_labels, claim, ev.accepted, ev.rejected)
    assert ev.framework is not None  # one of the two readings
    labels, label = ev.node_labels, ev.labelling[claim]
    attacks = list(ev.framework.attackers.get(claim, {}).values())
    if claim in ev.rejected:
        return Explanation(claim, label, f"{claim} is OUT because it was rejected (--reject).")
    if label == OUT:
        winner = next(a for a in attacks if labels[a.attacker] == IN)
        return Explanation(
            claim,
            label,
            f"{claim} is OUT: {_sentence(winner)}, which is IN.",
            (_describe(winner, labels),),
        )
    if label == IN:
        return _explain_in(ev, claim, attacks)
    cycle = _undec_cycle(ev, claim)
    text = " → ".join(node_name(n) for n in [*cycle, cycle[0]]) if cycle else ""
    undec = tuple(_describe(a, labels) for a in attacks if labels[a.attacker] == UNDEC)
    return Explanation(
        claim,
        label,
        f"{claim} is UNDEC: attacked from an attack cycle that nothing settles ({text}).",
        undec,
        (),
        tuple(node_name(n) for n in cycle),
    )


def _sentence(att: Attack) -> str:
    who = node_name(att.attacker)
    via = "" if att.via is None else node_name(att.via)  # set on every derived attack
    if att.how == "supported":
        return f"{who} attacks it by supporting {via}, which attacks it"
    if att.how == "secondary":
        return f"{who} attacks it by attacking {via}, on which it rests"
    return f"{who} {'undercuts' if att.how == 'undercut' else 'attacks'} it"


def _explain_in(ev: Evaluation, claim: str, attacks: list[Attack]) -> Explanation:
    labels = ev.node_labels
    if claim in ev.accepted:
        return Explanation(claim, IN, f"{claim} is IN because it was accepted (--accept).")
    assert ev.framework is not None
    if not attacks:
        return Explanation(claim, IN, f"{claim} is IN: nothing attacks it.")
    defenders = []
    for att in attacks:
        beaters = ev.framework.attackers.get(att.attacker, {})
        defenders.append(next(a.attacker for a in beaters.values() if labels[a.attacker] == IN))
    names = sorted({node_name(d) for d in defenders})
    return Explanation(
        claim,
        IN,
        f"{claim} is IN: every attacker is OUT, defeated by {', '.join(names)}.",
        tuple(_describe(a, labels) for a in attacks),
        tuple(names),
    )


def _undec_cycle(ev: Evaluation, claim: str) -> list[Node]:
    """Walk back along UNDEC attackers until a node repeats: that loop is the cycle."""
    assert ev.framework is not None
    labels, attackers = ev.node_labels, ev.framework.attackers
    return loop_behind(claim, lambda n: (a for a in attackers.get(n, {}) if labels[a] == UNDEC))
