"""Parts of a map that keep their meaning: no linked reason cut apart, no undercut
without its step.

A *step* is an inference: its premises (linked premises when there are several)
taken together to its conclusion. A step is *shown* in a part of a map when the
part holds its conclusion and at least one of its premises (premises that name
no claim of the map, in a half-written map, do not count, here or anywhere
below). Two rules, used by ``--focus``, ``--collapse`` and ``--split``
(:mod:`argmap.render.subset`) and by every other pager:

* :meth:`Restrictor.whole_reasons` closes a set of claims: the smallest set
  that holds it and, for every step shown in it, all that step's premises and
  every claim that undercuts it. A claim it adds can show further steps, which
  come whole too (a fixpoint); a step whose conclusion is not in the set is not
  shown and adds nothing, so a premise at the edge of a part stands alone.
* :meth:`Restrictor.restrict` cuts the map to a set of claims and never draws
  part of a step: an inference is kept exactly when its conclusion and every
  one of its premises are kept, and an undercut exactly when its attacker and
  its inference are. A linked reason of which only some premises are kept is
  left out, with its undercuts (it is never drawn as a plain support from the
  kept premises); call :meth:`~Restrictor.whole_reasons` first to keep it.

So ``restrict(whole_reasons(keep))`` draws every step shown in ``keep``
whole, with its junction, its premises, its conclusion and its undercuts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from argmap.model import ArgumentMap


class Restrictor:
    """:meth:`restrict` and :meth:`whole_reasons` for many parts of one map.

    The map is indexed once (time and memory linear in the map): the steps by
    their conclusion and by each premise, undercuts by their inference and by
    their attacker, attacks by their attacker. After that, each call takes time
    proportional to the claims it keeps and the relations that end at them
    (plus the attacks and undercuts they make, and for claims that
    :meth:`whole_reasons` adds, the steps they are premises of).

    Attributes:
        amap: the map.
        rank: claim id → its place in the map (0-based).
        premises: per inference (map order), its premises that are claims of
            the map, each once, in the inference's order.
        into: claim id → numbers of the inferences that conclude it (those
            with a conclusion and at least one premise in the map).
        premise_of: claim id → numbers of those inferences it is a premise of.
        undercutters: inference id → ids of the claims that undercut it.
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        claims = amap.claims
        self.rank = {cid: i for i, cid in enumerate(claims)}
        self.premises: list[tuple[str, ...]] = []
        self.into: dict[str, list[int]] = {}
        self.premise_of: dict[str, list[int]] = {}
        for i, inf in enumerate(amap.inferences):
            premises = tuple(dict.fromkeys(p for p in inf.premises if p in claims))
            self.premises.append(premises)
            if premises and inf.conclusion in claims:
                self.into.setdefault(inf.conclusion, []).append(i)
                for premise in premises:
                    self.premise_of.setdefault(premise, []).append(i)
        self.undercutters: dict[str, list[str]] = {}
        self.undercuts: dict[str, list[int]] = {}
        for i, und in enumerate(amap.undercuts):
            if und.attacker in claims:
                self.undercutters.setdefault(und.inference, []).append(und.attacker)
                self.undercuts.setdefault(und.attacker, []).append(i)
        self.attacks: dict[str, list[int]] = {}
        for i, att in enumerate(amap.attacks):
            self.attacks.setdefault(att.attacker, []).append(i)

    def whole_reasons(self, keep: Iterable[str]) -> set[str]:
        """``keep`` (its claims of the map; other ids are dropped) closed over
        linked premises and undercuts (module docstring): every step shown in
        the result has all its premises and all its undercutters in it.

        Returns:
            A new set of claim ids; ``keep`` is not changed.
        """
        claims, inferences = self.amap.claims, self.amap.inferences
        out = {cid for cid in keep if cid in claims}
        todo = [(cid, False) for cid in out]  # (claim, added here)
        done: set[int] = set()
        while todo:
            cid, added = todo.pop()
            # A step is found from whichever of its ends is looked at last: the
            # conclusion looks at its premises; a claim added here also looks
            # at the steps it is a premise of.
            found = [i for i in self.into.get(cid, ()) if any(p in out for p in self.premises[i])]
            if added:
                found += [
                    i for i in self.premise_of.get(cid, ()) if inferences[i].conclusion in out
                ]
            for i in found:
                if i in done:
                    continue
                done.add(i)
                for other in (*self.premises[i], *self.undercutters.get(inferences[i].id, ())):
                    if other not in out:
                        out.add(other)
                        todo.append((other, True))
        return out

    def restrict(self, keep: Iterable[str], steps: Iterable[int] = ()) -> ArgumentMap:
        """The map with only the claims in ``keep`` (ids of no claim are dropped)
        and the relations among them, each step whole (module docstring), all in
        map order.

        Args:
            keep: claim ids.
            steps: numbers (map order) of further inferences to draw, with their
                premises and conclusion added to the claims; the relations of
                the claims they add are looked for only from the claims of
                ``keep`` (so a claim that many steps end at, such as a thesis,
                costs nothing but the listed steps).

        Returns:
            The part as an :class:`~argmap.model.ArgumentMap` (title, source and
            settings as in the map).
        """
        amap, rank = self.amap, self.rank
        given = {cid for cid in keep if cid in rank}
        kept = set(given)
        listed = {i for i in steps if self.premises[i] and amap.inferences[i].conclusion in rank}
        for i in listed:
            kept.update(self.premises[i])
            kept.add(amap.inferences[i].conclusion)
        ordered = sorted(kept, key=rank.__getitem__)
        found = {
            i
            for cid in given
            for i in self.into.get(cid, ())
            if all(p in kept for p in self.premises[i])
        }
        inferences = [amap.inferences[i] for i in sorted(found | listed)]
        drawn = {inf.id for inf in inferences}
        attacks = sorted(i for cid in ordered for i in self.attacks.get(cid, ()))
        undercuts = sorted(i for cid in ordered for i in self.undercuts.get(cid, ()))
        return replace(
            amap,
            claims={cid: amap.claims[cid] for cid in ordered},
            inferences=tuple(
                replace(inf, premises=tuple(p for p in inf.premises if p in kept))
                for inf in inferences
            ),
            attacks=tuple(amap.attacks[i] for i in attacks if amap.attacks[i].target in kept),
            undercuts=tuple(
                amap.undercuts[i] for i in undercuts if amap.undercuts[i].inference in drawn
            ),
        )
