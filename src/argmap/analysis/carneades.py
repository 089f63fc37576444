"""Which claims stand, as argument maps are taught: the Carneades reading.

After Gordon, Prakken & Walton (2007), "The Carneades model of argument and
burden of proof", *Artificial Intelligence* 171: 875–896. A claim's *reasons*
are the inferences that conclude it (its pro arguments, premises linked by
construction); its *objections* are the claims that attack it (con
arguments); an undercut is an *exception* of the inference it attacks.

* A reason **stands** (is applicable) when all its co-premises stand and no
  undercut of its step stands.
* A claim **stands** when it meets its proof standard
  (:mod:`argmap.analysis.standards`) over its standing reasons and standing
  objections. Under the default, dialectical validity, that is: at least one
  of its reasons stands and none of its objections stands.
* A claim offered **without reasons** is granted by the audience (one
  applicable pro argument weighing its own score) unless the map says
  otherwise: ``granted: false`` on the claim, or ``evaluation: {grant:
  assumptions}``, which grants only the claims marked ``granted: true`` (the
  Carneades assumptions: "a statement with no argument for it that is not
  assumed is out"). ``granted: true`` grants a claim that has reasons, too.

**Three values.** Where attacks or supports go round in a loop nothing may
settle a claim, so the labelling is three-valued, computed as a least fixed
point, as Dung's grounded labelling is: a node is IN when the standard is met
even counting every undecided objection as standing and every undecided reason
as failing; OUT when it is not met even counting them the other way; UNDEC
otherwise. The standards are monotone, so these bounds only tighten as
neighbours are decided and no decision is ever revised. A claim resting on a
support loop that nothing grounds is UNDEC.

On attacks alone (no inferences, every claim granted) this is exactly the
grounded labelling (Dung 1995; Caminada 2006): IN when every attacker is OUT,
OUT when some attacker is IN, UNDEC otherwise.

**Cost.** One queue pass, as :func:`argmap.analysis.semantics.grounded`: every
decision updates its neighbours' counters once; the strongest undecided reason
and objection of a claim are found with a pointer into its arguments sorted by
weight, moving forward only. Linear in claims, inferences, premises, attacks and
undercuts, plus the sort.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.analysis.semantics import IN, OUT, UNDEC, Node, inf_node
from argmap.analysis.standards import meets
from argmap.model import ArgumentMap, EvaluationSettings, Standard
from argmap.util.gcpause import gc_paused

#: The pro argument of a granted claim (it always stands).
GRANTED: Node = ("granted", "")


@dataclass
class CarneadesGraph:
    """A map as Carneades reads it (see the module docstring).

    Attributes:
        claims: claim ids in map order.
        pros: claim → its reasons (inference nodes), in map order.
        cons: claim → its objections (attacking claim ids), in map order.
        premises: inference node → its co-premises.
        conclusion: inference node → the claim it concludes.
        undercutters: inference node → the claims undercutting it.
        granted: claim → whether the audience grants it.
        standard: claim → its proof standard.
        weight: claim → its score; inference node → the least score of its
            premises.
        settings: the map's evaluation settings (α, β, γ).
        broken: ids of inferences that name no claim or have no premise
            (they never stand).
    """

    claims: list[str]
    pros: dict[str, list[Node]]
    cons: dict[str, list[str]]
    premises: dict[Node, tuple[str, ...]]
    conclusion: dict[Node, str]
    undercutters: dict[Node, list[str]]
    granted: dict[str, bool]
    standard: dict[str, Standard]
    weight: dict[Node, float]
    settings: EvaluationSettings = field(default_factory=EvaluationSettings)
    broken: tuple[str, ...] = ()


def build_graph(amap: ArgumentMap, settings: EvaluationSettings | None = None) -> CarneadesGraph:
    """Read ``amap`` as reasons, objections and exceptions.

    Args:
        amap: the map.
        settings: the evaluation settings (default: the map's own).
    """
    with gc_paused():  # many small, acyclic objects (see argmap.util.gcpause)
        return _build(amap, amap.evaluation if settings is None else settings)


def _build(amap: ArgumentMap, settings: EvaluationSettings) -> CarneadesGraph:
    claims = amap.claims
    pros: dict[str, list[Node]] = {cid: [] for cid in claims}
    premises: dict[Node, tuple[str, ...]] = {}
    conclusion: dict[Node, str] = {}
    weight: dict[Node, float] = {cid: c.score for cid, c in claims.items()}
    broken: dict[str, None] = {}  # an ordered set
    for inf in amap.inferences:
        node = inf_node(inf.id)
        if node in premises or inf.id in broken:
            continue  # a repeated id: the first counts
        parts = (*inf.premises, inf.conclusion)
        if not inf.premises or any(c not in claims for c in parts):
            broken[inf.id] = None
            continue
        premises[node], conclusion[node] = inf.premises, inf.conclusion
        weight[node] = min(claims[p].score for p in inf.premises)
        pros[inf.conclusion].append(node)
    cons: dict[str, list[str]] = {cid: [] for cid in claims}
    for att in amap.attacks:
        cons[att.target].append(att.attacker)
    undercutters: dict[Node, list[str]] = {node: [] for node in premises}
    for und in amap.undercuts:
        node = inf_node(und.inference)
        if node in undercutters:
            undercutters[node].append(und.attacker)
    granted = {
        cid: c.granted if c.granted is not None else settings.grant == "all" and not pros[cid]
        for cid, c in claims.items()
    }
    standard = {cid: c.standard or settings.standard for cid, c in claims.items()}
    return CarneadesGraph(
        list(claims), pros, cons, premises, conclusion, undercutters, granted, standard,
        weight, settings, tuple(broken),
    )  # fmt: skip


class _Labeller:
    """The queue pass of :func:`carneades_labels` (state kept per claim and inference)."""

    def __init__(self, g: CarneadesGraph):
        self.g = g
        self.label: dict[Node, str] = {}
        self.queue: deque[Node] = deque()
        w = g.weight
        # arguments by falling weight, ties in map order; a pointer per claim
        self.pro_order: dict[str, list[Node]] = {}
        self.con_order: dict[str, list[Node]] = {}
        for c in g.claims:
            pros: list[Node] = [GRANTED] if g.granted[c] else []
            pros += g.pros[c]
            own = w[c]
            self.pro_order[c] = sorted(pros, key=lambda n: -own if n == GRANTED else -w[n])
            self.con_order[c] = sorted(g.cons[c], key=lambda a: -w[a])
        self.pro_at = dict.fromkeys(g.claims, 0)
        self.con_at = dict.fromkeys(g.claims, 0)
        self.in_pro: dict[str, float | None] = {
            c: w[c] if g.granted[c] else None for c in g.claims
        }
        self.in_con: dict[str, float | None] = dict.fromkeys(g.claims)
        self.premises_in = dict.fromkeys(g.premises, 0)
        self.undercuts_out = dict.fromkeys(g.premises, 0)
        self.premise_of: dict[str, list[Node]] = {c: [] for c in g.claims}
        self.undercutter_of: dict[str, list[Node]] = {c: [] for c in g.claims}
        self.attacks: dict[str, list[str]] = {c: [] for c in g.claims}
        for node, prems in g.premises.items():
            for p in prems:
                self.premise_of[p].append(node)
            for u in g.undercutters[node]:
                self.undercutter_of[u].append(node)
        for target, attackers in g.cons.items():
            for a in attackers:
                self.attacks[a].append(target)

    def set(self, node: Node, value: str) -> None:
        self.label[node] = value
        self.queue.append(node)

    def _strongest_open(self, order: list[Node], at: dict[str, int], c: str) -> float | None:
        """The weight of the first argument in ``order`` not OUT (pointer ``at[c]``)."""
        i = at[c]
        label = self.label
        while i < len(order) and order[i] != GRANTED and label.get(order[i]) == OUT:
            i += 1
        at[c] = i
        if i == len(order):
            return None
        node = order[i]
        return self.g.weight[c] if node == GRANTED else self.g.weight[node]

    def try_claim(self, c: str) -> None:
        if c in self.label:
            return
        std, settings = self.g.standard[c], self.g.settings
        open_con = self._strongest_open(self.con_order[c], self.con_at, c)
        if meets(std, self.in_pro[c], open_con, settings):
            self.set(c, IN)
            return
        open_pro = self._strongest_open(self.pro_order[c], self.pro_at, c)
        if not meets(std, open_pro, self.in_con[c], settings):
            self.set(c, OUT)

    def try_inference(self, node: Node) -> None:
        g = self.g
        if node not in self.label and (
            self.premises_in[node] == len(g.premises[node])
            and self.undercuts_out[node] == len(g.undercutters[node])
        ):
            self.set(node, IN)

    def claim_decided(self, c: str, value: str) -> None:
        for node in self.premise_of[c]:
            if node in self.label:
                continue
            if value == OUT:
                self.set(node, OUT)
            else:
                self.premises_in[node] += 1
                self.try_inference(node)
        for node in self.undercutter_of[c]:
            if node in self.label:
                continue
            if value == IN:
                self.set(node, OUT)
            else:
                self.undercuts_out[node] += 1
                self.try_inference(node)
        for target in self.attacks[c]:
            if value == IN:
                best, weight = self.in_con[target], self.g.weight[c]
                self.in_con[target] = weight if best is None else max(best, weight)
            self.try_claim(target)

    def inference_decided(self, node: Node, value: str) -> None:
        c = self.g.conclusion[node]
        if value == IN:
            best = self.in_pro[c]
            weight = self.g.weight[node]
            self.in_pro[c] = weight if best is None else max(best, weight)
        self.try_claim(c)

    def run(self, accept: Iterable[str], reject: Iterable[str]) -> dict[Node, str]:
        for c in accept:
            self.set(c, IN)
        for c in reject:
            self.set(c, OUT)
        for node in self.g.premises:
            self.try_inference(node)  # a premise-less step never gets here
        for c in self.g.claims:
            self.try_claim(c)
        while self.queue:
            node = self.queue.popleft()
            if isinstance(node, tuple):
                self.inference_decided(node, self.label[node])
            else:
                self.claim_decided(node, self.label[node])
        labels: dict[Node, str] = {c: self.label.get(c, UNDEC) for c in self.g.claims}
        labels.update((n, self.label.get(n, UNDEC)) for n in self.g.premises)
        return labels


def carneades_labels(
    g: CarneadesGraph, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> dict[Node, str]:
    """The Carneades labelling of every claim and inference of ``g``.

    Args:
        g: the graph (:func:`build_graph`).
        accept: claims taken as granted: IN whatever attacks them.
        reject: claims taken as denied: OUT (so they support and attack nothing).

    Returns:
        ``{claim id or ("inference", id): "IN" | "OUT" | "UNDEC"}``: claims in
        map order, then the inferences of ``g.premises`` (broken inferences are
        not among them: they never stand).
    """
    with gc_paused():  # many small, acyclic objects (see argmap.util.gcpause)
        return _Labeller(g).run(accept, reject)
