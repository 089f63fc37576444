"""Proposing supports and attacks between units.

1. Discourse markers (``patterns/markers.json``): a split sentence relates its
   two parts (``"X because Y"``: Y supports X; ``"X, but Y"``: Y attacks X;
   ``"Although X, Y"``: Y attacks X); a sentence-initial marker relates the
   unit to the one before it (``"So Y"``: the unit before supports Y; ``"But
   Y"``: Y attacks it).
2. Attacks settle kinds: a premise that the author's next words attack is a
   position the author disputes (an objection), and a premise attacking an
   objection is a rebuttal. A premise with a ``rebuttal`` cue ("in fact")
   within two units after an objection attacks it.
3. Every unit still without an outgoing relation gets one by position, with
   the low ``default_confidence``: an objection attacks the thesis; a premise
   supports the first unit of its paragraph (the paragraph's lead) when that
   is an earlier premise, rebuttal or the thesis, else the thesis; a precedent
   or evidence supports the nearest premise or rebuttal before it within
   three paragraphs, else the thesis.

When a marker makes the thesis attack a claim (``"X. But T"``), the relation
is turned round: X is an objection that attacks the thesis, which answers it.
No proposal ever closes a loop of supports (checked with networkx).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from argmap.draft.classify import conceded, cue_sum
from argmap.draft.segment import Split, Unit
from argmap.model import BASIS_KINDS, Kind

_REASONS = frozenset({"premise", "rebuttal", "thesis"})
#: How many claims back evidence looks for the premise it backs.
BASIS_REACH = 32


@dataclass(frozen=True)
class Relation:
    """A proposed relation between units (indices).

    Attributes:
        source: the supporting or attacking unit.
        target: the supported or attacked unit.
        type: ``"support"`` or ``"attack"``.
        marker: the marker phrase or cue id it comes from; None when by position.
        confidence: 0 to 1.
    """

    source: int
    target: int
    type: str
    marker: str | None
    confidence: float


class _Proposer:
    def __init__(self, units: list[Unit], thesis: int, settings: dict[str, Any]):
        self.units, self.thesis, self.settings = units, thesis, settings
        self.relations: list[Relation] = []
        self.by_source: dict[int, list[Relation]] = {}
        self.support: nx.DiGraph[int] = nx.DiGraph()
        self.support.add_nodes_from(range(len(units)))
        self.review: set[int] = set()
        self.pairs: set[frozenset[int]] = set()
        self.sources: set[int] = set()
        self.numbers: list[int] = []
        self.leads: dict[int, Unit] = {}
        for unit in units:
            self.leads.setdefault(unit.para, unit)

    def add(self, source: int, target: int, kind: str, marker: str | None, conf: float) -> bool:
        if kind == "attack" and source == self.thesis:
            source, target = target, source  # the thesis answers: the claim attacks it
        pair = frozenset((source, target))
        if source == target or pair in self.pairs:
            return False
        if kind == "support" and self._closes_loop(source, target):
            return False
        if kind == "support":
            self.support.add_edge(source, target)
        rel = Relation(source, target, kind, marker, round(conf, 2))
        self.relations.append(rel)
        self.by_source.setdefault(source, []).append(rel)
        self.pairs.add(pair)
        self.sources.add(source)
        return True

    def _closes_loop(self, source: int, target: int) -> bool:
        """Whether a support from ``source`` to ``target`` would close a loop of
        supports. Nothing supports a claim no earlier proposal reached, and a
        claim that supports nothing reaches nothing: either answers at once, so
        a chain of "This is because …" sentences is checked in linear time."""
        graph = self.support
        if graph.in_degree(source) == 0 or graph.out_degree(target) == 0:
            return False
        return bool(nx.has_path(graph, target, source))

    def outgoing(self, index: int) -> bool:
        return index in self.sources

    def from_markers(self, splits: list[Split]) -> None:
        for split in splits:
            m = split.marker
            if m.type == "none":
                continue
            forward = m.source in ("before", "clause")
            pair = (split.first, split.second) if forward else (split.second, split.first)
            self.add(*pair, m.type, m.phrase, m.confidence)
        for unit in self.units:
            marker = unit.opener
            previous = self.previous(unit)
            if marker is not None and marker.type != "none" and previous is not None:
                if marker.source == "this" and marker.type == "support":
                    previous = self.main_clause(previous)  # "X because Y. For example, Z"
                ends = (previous, unit.index)
                pair = ends if marker.source == "previous" else ends[::-1]
                self.add(*pair, marker.type, marker.phrase, marker.confidence)

    def previous(self, unit: Unit) -> int | None:
        if unit.index == 0 or self.units[unit.index - 1].title:
            return None
        return unit.index - 1

    def settle_kinds(self) -> None:
        for unit in self.units:
            if unit.kind == "premise" and unit.index != self.thesis:
                if conceded(self.units, unit.index, self.settings):
                    unit.kind = "objection"
                    self.review.add(unit.index)
        for rel in sorted(self.relations, key=lambda r: (r.source, r.target)):
            if rel.type != "attack":
                continue
            if rel.target == self.thesis:
                if self.units[rel.source].kind == "premise":
                    self.units[rel.source].kind = "objection"
                    self.review.add(rel.source)
                continue
            src, dst = self.units[rel.source], self.units[rel.target]
            if dst.kind == "premise":
                dst.kind = "objection"
                self.review.add(dst.index)
            if src.kind == "premise" and dst.kind == "objection" and src.index != self.thesis:
                src.kind = "rebuttal"
        for unit in self.units:
            if unit.kind != "premise" or self.outgoing(unit.index) or unit.index == self.thesis:
                continue
            if cue_sum(unit, "rebuttal") < self.settings["rebuttal_threshold"]:
                continue
            for back in range(unit.index - 1, max(unit.index - 3, -1), -1):
                if self.units[back].kind == "objection":
                    cue = next(c.id for c in unit.cues.values() if c.kind == "rebuttal")
                    if self.add(unit.index, back, "attack", cue, 0.5):
                        unit.kind = "rebuttal"
                    break

    def defaults(self) -> None:
        conf = self.settings["default_confidence"]
        self.numbers = sorted({u.para for u in self.units})
        paras = {para: k for k, para in enumerate(self.numbers)}
        for unit in self.units:
            if unit.index == self.thesis or self.outgoing(unit.index):
                continue
            if unit.kind == "objection":
                self.add(unit.index, self.thesis, "attack", None, conf)
                self.review.add(unit.index)
                continue
            target = self.default_target(unit, paras)
            if not self.add(unit.index, target, "support", None, conf):
                self.add(unit.index, self.thesis, "support", None, conf)

    def default_target(self, unit: Unit, paras: dict[int, int]) -> int:
        """``paras``: paragraph number → its position among the units' paragraphs.

        Evidence or a precedent backs the nearest premise or rebuttal before it
        in its paragraph or the two before, at most :data:`BASIS_REACH` claims
        back (so the time stays linear), else the thesis."""
        if unit.kind in BASIS_KINDS:
            oldest = self.oldest(paras, unit.para)
            for back in range(unit.index - 1, max(unit.index - BASIS_REACH, 0) - 1, -1):
                other = self.units[back]
                if other.para < oldest or other.title:
                    break
                if self.kind(other) in _REASONS:
                    return self.main_clause(back)
            return self.thesis
        lead = self.leads[unit.para]
        home = self.units[self.thesis].para
        if lead.index < unit.index and self.kind(lead) in _REASONS and unit.para != home:
            return lead.index
        return self.thesis

    def main_clause(self, index: int) -> int:
        """The claim that ``index`` gives the reason for within its sentence
        (``"X because Y"``: X for Y), else ``index``: evidence after such a
        sentence backs its claim, not the clause that explains it."""
        unit = self.units[index]
        for rel in self.by_source.get(index, ()):
            if rel.type == "support" and rel.marker is not None:
                if self.units[rel.target].sentence == unit.sentence:
                    return rel.target
        return index

    def oldest(self, paras: dict[int, int], para: int) -> int:
        """The paragraph number two paragraphs (of units) before ``para``, or the first."""
        return self.numbers[max(paras[para] - 2, 0)]

    def kind(self, unit: Unit) -> Kind:
        return "thesis" if unit.index == self.thesis else unit.kind


def propose(
    units: list[Unit], splits: list[Split], thesis: int, settings: dict[str, Any]
) -> tuple[list[Relation], set[int]]:
    """Relations between ``units`` (see the module docstring) and units to review.

    Adjusts units' ``kind`` (objections and rebuttals found from attacks).
    Returns the relations in the order proposed and the indices of units
    whose kind or target was inferred from attacks or by position.
    """
    proposer = _Proposer(units, thesis, settings)
    proposer.from_markers(splits)
    proposer.settle_kinds()
    proposer.defaults()
    return proposer.relations, proposer.review
