"""What the three Dung formats share: building the map, and the attack projection.

Reading: each argument becomes a claim whose id and text are its name (kinds
guessed from the attacks, :mod:`argmap.io.kinds`); each attack an attack.

Writing (the *attack projection*): claims become arguments and attacks
attacks. Supports (inferences) and undercuts are left out, each reported as an
``export-loss``: a framework has one relation, and turning support into
derived attacks (supported and secondary attacks, Cayrol & Lagasquie-Schiex
2013, "Bipolarity in argumentation graphs: towards a better understanding",
IJAR 54(7)) depends on a chosen reading of support (necessary or deductive)
that the map does not state; an undercut attacks an inference, which is no
argument of the projection. So the grounded extension of the written framework
is that of the map's attacks alone, which ``argmap evaluate --semantics
grounded`` gives on the map only when it has no supports or undercuts.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from argmap.io.builder import MapBuilder, safe_id
from argmap.io.exchange import Imported, lost_fields
from argmap.io.kinds import infer_kinds
from argmap.model import ArgumentMap, Position
from argmap.util.limits import CLAIMS


class Lines:
    """Line and column of an offset in a text (1-based), in logarithmic time."""

    def __init__(self, text: str, path: str):
        self.path = path
        self.starts = [0] + [n + 1 for n, ch in enumerate(text) if ch == "\n"]

    def at(self, offset: int) -> Position:
        """The position of character ``offset``."""
        line = bisect_right(self.starts, offset)
        return Position(self.path, line, offset - self.starts[line - 1] + 1)


@dataclass
class Framework:
    """A framework as read: arguments (name, text, position) and attacks, in file order.

    Attributes:
        path: the file named in messages.
        builder: collects errors and notes (syntax errors go here too).
    """

    path: str
    builder: MapBuilder = field(init=False)
    arguments: dict[str, tuple[str, Position]] = field(default_factory=dict)
    attacks: list[tuple[str, str, Position]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.builder = MapBuilder(self.path)

    def argument(self, name: str, pos: Position, text: str | None = None) -> None:
        """Declare argument ``name`` (a second declaration keeps the first)."""
        self.arguments.setdefault(name, (text if text is not None else name, pos))

    def attack(self, attacker: str, target: str, pos: Position) -> None:
        """``attacker`` attacks ``target``; both must be declared (checked at :meth:`build`)."""
        self.attacks.append((attacker, target, pos))

    def build(self) -> Imported:
        """The map: one claim per argument, one attack per attack.

        Raises:
            MapLoadError: a syntax error recorded, an attack naming an argument
                that is not declared, a name no claim id can be, or more arguments
                than ``ARGMAP_MAX_CLAIMS``.
        """
        b = self.builder
        limit = CLAIMS.value()
        if len(self.arguments) > limit:
            b.error(Position(self.path), CLAIMS.message(len(self.arguments), limit))
        b.fail_now()
        ids: dict[str, str] = {}
        for name, (text, pos) in self.arguments.items():
            cid = safe_id(name)
            if cid != name:
                why = "'->' names inferences in argmap"
                b.note(pos, f"argument {name!r} is claim {cid!r} ({why})")
            if cid in b.claims:
                b.error(pos, f"arguments {name!r} and another both become claim {cid!r}")
            ids[name] = cid
            b.add_claim(cid, text, pos)
        for attacker, target, pos in self.attacks:
            missing = [n for n in (attacker, target) if n not in ids]
            for name in dict.fromkeys(missing):
                b.error(
                    pos,
                    f"the attack {attacker} → {target} names {name!r}, "
                    "which is no declared argument",
                )
            if not missing:
                b.add_attack(ids[attacker], ids[target], pos)
        return b.build()


def projection_losses(amap: ArgumentMap, keep_text: bool) -> list[str]:
    """What the attack projection of ``amap`` leaves out, one phrase per part.

    Args:
        amap: the map being written.
        keep_text: True when the format holds a text beside the name (TGF).

    Returns:
        Phrases for ``Exported.lost``: each inference (support), each undercut,
        the texts differing from the ids (unless kept), the kinds that reading
        the framework back would not guess, and every other field.
    """
    lost = [f"inference {inf.id}" for inf in amap.inferences]
    lost += [f"the undercut of {u.inference} by {u.attacker}" for u in amap.undercuts]
    if not keep_text:
        differ = sum(1 for c in amap.claims.values() if c.text != c.id)
        if differ:
            lost.append(f"texts of {differ} claim{'' if differ == 1 else 's'}")
    ids = list(amap.claims)
    guessed = infer_kinds(ids, [], [(a.attacker, a.target) for a in amap.attacks])
    other = sum(1 for c in amap.claims.values() if c.kind != guessed[c.id])
    if other:
        lost.append(f"kinds of {other} claim{'' if other == 1 else 's'}")
    return lost + lost_fields(amap, frozenset(), frozenset())
