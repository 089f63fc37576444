"""Generate synthetic argument maps for the benchmarks, as YAML and as Argdown.

Two shapes, both deterministic for a given size and seed (same bytes every run):

* ``tree``: a thesis with a support/attack tree grown breadth-first (premises,
  evidence and precedents supporting, objections attacking, rebuttals
  answering objections), plus cross-links: about 6% of the claims support or
  attack a second, earlier claim. Supports always point to an earlier claim,
  so the support graph has no cycle.
* ``knots``: the adversarial map. Groups of :data:`KNOT` premises that support
  each other round a ring plus two random chords each (a strongly connected
  "knot" holding astronomically many simple cycles), each group with two
  pieces of evidence, an objection and a rebuttal; one member of every knot
  supports the thesis.

Claim texts are built from word lists (no external text), each unique within
a map, using only letters, digits, spaces, commas and full stops, so they are
plain YAML scalars and plain Argdown text alike.

The Argdown file holds the same claims and relations: ``[id]: text`` followed
by ``+> [target]`` (supports) and ``-> [target]`` (attacks) lines, the
syntax of the Argdown guide (argdown.org, "Relations").

Usage::

    python bench/generate.py [--out bench/_work/maps] [--seed 1]
        [--sizes 50,2000,5000,20000,100000] [--knots 20000,100000]

writes ``tree-<n>.yaml``/``.argdown`` and ``knots-<n>.yaml``/``.argdown``.
"""

from __future__ import annotations

import argparse
import random
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

SIZES = (50, 2_000, 5_000, 20_000, 100_000)
KNOT_SIZES = (20_000, 100_000)
KNOT = 100  # premises per knot
CROSS_LINK_SHARE = 0.06

SUBJECTS = (
    "The city",
    "The regional council",
    "Local schools",
    "Small farms",
    "The new rail line",
    "Public libraries",
    "The harbour authority",
    "Night bus routes",
    "The water board",
    "Rural clinics",
    "The housing agency",
    "Bike lanes",
    "The central market",
    "Teachers",
    "Young families",
    "The energy cooperative",
    "Street lighting",
    "The river park",
    "Corner shops",
    "The fire service",
    "Weekend markets",
    "The tram network",
    "Community gardens",
    "The bridge project",
    "Retired residents",
    "The ferry service",
    "Night shift workers",
    "The tax office",
    "Mountain villages",
    "The zoning board",
)
VERBS = (
    "should fund",
    "will lose",
    "can expand",
    "must protect",
    "could share",
    "needs",
    "would gain from",
    "ought to reopen",
    "cannot afford",
    "may depend on",
    "should limit",
    "will attract",
    "must repair",
    "could replace",
    "should measure",
    "will keep asking for",
    "would save on",
    "could double",
    "should publish",
    "cannot ignore",
    "will rely on",
    "must rethink",
    "could borrow",
    "should train staff for",
    "may cut",
)
OBJECTS = (
    "night buses",
    "solar roofs",
    "school meals",
    "flood barriers",
    "free clinics",
    "reading rooms",
    "cheaper fares",
    "quiet streets",
    "cold storage",
    "safer crossings",
    "open data",
    "evening classes",
    "repair cafes",
    "tree planting",
    "wider pavements",
    "shared vans",
    "water meters",
    "youth sports",
    "heat pumps",
    "market stalls",
    "rent caps",
    "public toilets",
    "bike repair stands",
    "winter shelters",
    "noise limits",
    "local radio",
    "cargo bikes",
    "snow clearing",
    "book vans",
    "pop up clinics",
    "air sensors",
    "ferry slots",
    "grain silos",
    "rain gardens",
    "tool libraries",
)
TAILS = (
    "within five years",
    "despite higher costs",
    "because demand keeps rising",
    "before the next election",
    "if the budget allows",
    "as neighbouring towns did",
    "after the spring floods",
    "to keep young people here",
    "for the sake of safety",
    "while prices stay low",
    "once the survey is done",
    "at almost no extra cost",
    "even in a bad year",
    "unless wages fall",
    "since the old plan failed",
    "with help from volunteers",
    "by the end of the decade",
    "in every district",
    "on weekdays at least",
    "without raising taxes",
    "as the audit advised",
    "to cut travel times",
    "for the poorest streets",
    "when the grant arrives",
)
OPENERS = {
    "thesis": ("",),
    "premise": ("", "", "Clearly, ", "In practice, ", "Over time, "),
    "evidence": (
        "A survey of {n} homes found that ",
        "Records from {y} show that ",
        "A study of {n} cases suggests that ",
        "Figures for {y} confirm that ",
    ),
    "precedent": (
        "In {y} a nearby town showed that ",
        "Back in {y} it turned out that ",
        "A {y} pilot showed that ",
    ),
    "objection": ("Critics say that ", "Yet ", "Opponents argue that ", "But "),
    "rebuttal": ("In fact ", "On the contrary, ", "That misses that ", "The data show that "),
}
PREFIX = {
    "thesis": "T",
    "premise": "P",
    "evidence": "E",
    "precedent": "PR",
    "objection": "O",
    "rebuttal": "R",
}


@dataclass
class Claim:
    """One generated claim with its outgoing relations."""

    id: str
    kind: str
    text: str
    supports: list[str] = field(default_factory=list)
    attacks: list[str] = field(default_factory=list)
    para: int | None = None
    source: str | None = None


class _Texts:
    """Unique claim texts drawn from the word lists."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def make(self, kind: str) -> str:
        rng = self.rng
        while True:
            opener = rng.choice(OPENERS[kind]).format(
                n=rng.randrange(50, 5000), y=rng.randrange(1950, 2024)
            )
            body = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            text = f"{opener}{body[0].lower() + body[1:] if opener else body} {rng.choice(TAILS)}."
            if text not in self.used:
                self.used.add(text)
                return text


class _Builder:
    """Accumulates claims with sequential ids (``P17`` is the 17th claim)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.texts = _Texts(self.rng)
        self.claims: list[Claim] = []

    def add(self, kind: str) -> Claim:
        rng = self.rng
        claim = Claim(f"{PREFIX[kind]}{len(self.claims) + 1}", kind, self.texts.make(kind))
        if rng.random() < 0.5:
            claim.para = rng.randrange(1, 80)
        if kind in ("evidence", "precedent"):
            n = rng.randrange(1, 999)
            claim.source = (
                f"https://example.org/reports/{n}"
                if rng.random() < 0.5
                else f"Annual report {n}, p. {rng.randrange(1, 300)}"
            )
        self.claims.append(claim)
        return claim


# Children each kind gets when it is expanded: (kind, relation, probability).
_CHILDREN = {
    "thesis": [("premise", "s", 1.0)] * 4 + [("objection", "a", 1.0), ("evidence", "s", 1.0)],
    "premise": [
        ("premise", "s", 0.55),
        ("premise", "s", 0.45),
        ("evidence", "s", 0.4),
        ("precedent", "s", 0.2),
        ("objection", "a", 0.3),
    ],
    "objection": [("rebuttal", "a", 0.8), ("evidence", "s", 0.3)],
    "rebuttal": [("premise", "s", 0.4), ("evidence", "s", 0.4), ("precedent", "s", 0.3)],
    "evidence": [("objection", "a", 0.05)],
    "precedent": [("objection", "a", 0.05)],
}


def tree_map(n: int, seed: int = 1) -> list[Claim]:
    """A thesis with a breadth-first support/attack tree of ``n`` claims and cross-links.

    Raises:
        ValueError: ``n`` < 2.
    """
    if n < 2:
        raise ValueError("a map needs at least 2 claims")
    b = _Builder(seed)
    queue = deque([b.add("thesis")])
    while len(b.claims) < n:
        parent = queue.popleft() if queue else b.claims[0]
        for kind, rel, p in _CHILDREN[parent.kind]:
            if len(b.claims) >= n:
                break
            if b.rng.random() < p:
                child = b.add(kind)
                (child.supports if rel == "s" else child.attacks).append(parent.id)
                queue.append(child)
    _cross_link(b)
    return b.claims


def _cross_link(b: _Builder) -> None:
    """Give some claims a second target among earlier claims (acyclic supports)."""
    rng, claims = b.rng, b.claims
    supportable = [i for i, c in enumerate(claims) if c.kind in ("thesis", "premise", "rebuttal")]
    for i, claim in enumerate(claims[1:], start=1):
        if rng.random() >= CROSS_LINK_SHARE:
            continue
        if claim.kind == "objection" or claim.kind == "rebuttal":
            pool = [
                j
                for j in (rng.randrange(i) for _ in range(8))
                if claims[j].kind
                in (("thesis", "premise") if claim.kind == "objection" else ("objection",))
            ]
            targets = claim.attacks
        else:
            pool = [j for j in (rng.choice(supportable) for _ in range(4)) if j < i]
            targets = claim.supports
        for j in pool:
            if claims[j].id not in targets and j != i:
                targets.append(claims[j].id)
                break


def knots_map(n: int, seed: int = 1) -> list[Claim]:
    """The adversarial map: ``n`` claims, mostly in dense support knots of :data:`KNOT` premises.

    Raises:
        ValueError: ``n`` < 2.
    """
    if n < 2:
        raise ValueError("a map needs at least 2 claims")
    b = _Builder(seed)
    thesis = b.add("thesis")
    group = KNOT + 4
    while n - len(b.claims) >= group:
        members = [b.add("premise") for _ in range(KNOT)]
        for i, m in enumerate(members):
            m.supports.append(members[(i + 1) % KNOT].id)
            for j in b.rng.sample(range(KNOT), 3):
                if j != i and members[j].id not in m.supports and len(m.supports) < 3:
                    m.supports.append(members[j].id)
        members[0].supports.append(thesis.id)
        for _ in range(2):
            b.add("evidence").supports.append(b.rng.choice(members).id)
        objection = b.add("objection")
        objection.attacks.append(b.rng.choice(members).id)
        b.add("rebuttal").attacks.append(objection.id)
    while len(b.claims) < n:
        b.add("evidence").supports.append(thesis.id)
    return b.claims


def _one_or_list(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else "[" + ", ".join(ids) + "]"


def to_yaml(claims: list[Claim], title: str) -> str:
    """The argmap YAML map format (block style, as people write it)."""
    out = [f"title: {title}", "claims:"]
    for c in claims:
        out += [f"  {c.id}:", f"    kind: {c.kind}", f"    text: {c.text}"]
        if c.supports:
            out.append(f"    supports: {_one_or_list(c.supports)}")
        if c.attacks:
            out.append(f"    attacks: {_one_or_list(c.attacks)}")
        if c.para is not None:
            out.append(f"    para: {c.para}")
        if c.source is not None:
            out.append(f'    source: "{c.source}"')
    return "\n".join(out) + "\n"


def to_argdown(claims: list[Claim], title: str) -> str:
    """The same map in Argdown: ``[id]: text`` then ``+> [t]`` / ``-> [t]`` lines."""
    out = ["===", f"title: {title}", "===", ""]
    for c in claims:
        out.append(f"[{c.id}]: {c.text}")
        out += [f"  +> [{t}]" for t in c.supports]
        out += [f"  -> [{t}]" for t in c.attacks]
        out.append("")
    return "\n".join(out)


def write(out: Path, shape: str, n: int, seed: int) -> Path:
    """Write ``<shape>-<n>.yaml`` and ``.argdown`` under ``out``; return the YAML path."""
    claims = (tree_map if shape == "tree" else knots_map)(n, seed)
    title = f"Synthetic {shape} map of {n} claims, seed {seed}"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{shape}-{n}.yaml"
    path.write_text(to_yaml(claims, title), encoding="utf-8")
    (out / f"{shape}-{n}.argdown").write_text(to_argdown(claims, title), encoding="utf-8")
    return path


def _sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> None:
    """Command line: write every requested map and print its path and size."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).parent / "_work" / "maps",
        help="folder of the maps (default bench/_work/maps)",
    )
    ap.add_argument("--seed", type=int, default=1, help="random seed (same seed, same maps)")
    ap.add_argument(
        "--sizes",
        type=_sizes,
        default=list(SIZES),
        help="claims of each tree map tree-N, comma-separated (default %(default)s)",
    )
    ap.add_argument(
        "--knots",
        type=_sizes,
        default=list(KNOT_SIZES),
        help="claims of each map of support knots knots-N, comma-separated; "
        "'' for none (default %(default)s)",
    )
    args = ap.parse_args(argv)
    jobs = [("tree", n) for n in args.sizes] + [("knots", n) for n in args.knots]
    for shape, n in jobs:
        path = write(args.out, shape, n, args.seed)
        print(f"{path}  {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
