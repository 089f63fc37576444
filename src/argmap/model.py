"""The argument-map model: claims, inferences, attacks and undercuts.

Plain frozen dataclasses with no I/O, no networkx and no pydot, so every other
layer (formats, graph, checks, rendering) can build on them.

Terms follow the argument-mapping literature: a *claim* is a statement; an
*inference* takes one or more *premises* to a *conclusion* (several premises
that only support it jointly are *linked premises*); an *attack* is a claim
that argues against another claim (an *objection* against the thesis side, a
*rebuttal* against an objection); an *undercut* attacks an inference rather
than a claim (Pollock 1987, "Defeasible reasoning", Cognitive Science 11).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

#: A kind of claim.
Kind = Literal["thesis", "premise", "precedent", "evidence", "objection", "rebuttal"]

#: The kinds of claim, in the order diagrams and outlines list them.
KINDS: tuple[Kind, ...] = ("thesis", "premise", "precedent", "evidence", "objection", "rebuttal")

#: Kinds that form the basis of an argument (Rationale's "basis boxes"): leaves
#: that need no further support.
BASIS_KINDS: frozenset[Kind] = frozenset({"precedent", "evidence"})

#: Kinds that argue against something.
ATTACKING_KINDS: frozenset[Kind] = frozenset({"objection", "rebuttal"})

#: Default base score of a claim for gradual semantics (DF-QuAD).
DEFAULT_SCORE = 0.5

#: A proof standard (Gordon, Prakken & Walton 2007, "The Carneades model of
#: argument and burden of proof", AIJ 171, §4; Gordon & Walton 2009, "Proof
#: burdens and standards", in *Argumentation in Artificial Intelligence*).
Standard = Literal[
    "dialectical-validity",
    "scintilla",
    "preponderance",
    "clear-and-convincing",
    "beyond-reasonable-doubt",
]

#: The proof standards; the first is the default.
STANDARDS: tuple[Standard, ...] = (
    "dialectical-validity",
    "scintilla",
    "preponderance",
    "clear-and-convincing",
    "beyond-reasonable-doubt",
)

#: Which claims without reasons the audience grants: ``all`` of them, or only
#: the ``assumptions`` (claims marked ``granted: true``), as Carneades does.
Grant = Literal["all", "assumptions"]

#: The grant policies; the first is the default.
GRANTS: tuple[Grant, ...] = ("all", "assumptions")


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A 1-based position in a source file: the one position type of argmap.

    Attributes:
        file: the file as named on the command line (or ``"<string>"``).
        line: line number, counted from 1.
        column: column number, counted from 1.
    """

    file: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True, slots=True)
class MapSource:
    """Bibliographic data of the text a map analyses (all fields optional).

    Attributes:
        title: the text's own title or headline.
        publication: where it appeared.
        author: its author (a name or handle).
        year: year of publication.
        url: where to read it (http, https or mailto).
    """

    title: str | None = None
    publication: str | None = None
    author: str | None = None
    year: int | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement of the argument.

    Attributes:
        id: the claim's id (the mapping key in YAML), unique in its map.
        kind: one of :data:`KINDS`.
        text: the statement, non-empty.
        para: paragraph numbers (1-based) of the source text it comes from.
        source: a citation or an http/https/mailto URL.
        tags: free labels.
        score: base score in [0, 1] for gradual semantics.
        ignore: finding codes silenced on this claim.
        span: ``(start, end)`` character offsets in the source text, if known.
        loc: where the claim's id stands in the map file.
        granted: True: an assumption, granted by the audience even where the
            map's ``evaluation: {grant: assumptions}`` grants only those;
            False: never granted (without a standing reason it is OUT); None
            (not given): the map's ``grant`` setting decides.
        standard: this claim's proof standard (:data:`STANDARDS`), or None
            for the map's.
        extra_sources: further citations or URLs after ``source`` (YAML
            ``source: [first, second, …]``); empty when ``source`` is None.
        rephrases: ids of the claims this one says again in other words (AIF's
            MA, "Default Rephrase", node): drawn and counted as connecting the
            two claims, but no reason for either.
    """

    id: str
    kind: Kind
    text: str
    para: tuple[int, ...] = ()
    source: str | None = None
    tags: tuple[str, ...] = ()
    score: float = DEFAULT_SCORE
    ignore: frozenset[str] = frozenset()
    span: tuple[int, int] | None = None
    loc: Position | None = None
    granted: bool | None = None
    standard: Standard | None = None
    extra_sources: tuple[str, ...] = ()
    rephrases: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source of the claim, ``source`` first; ``()`` when it has none."""
        return () if self.source is None else (self.source, *self.extra_sources)


@dataclass(frozen=True, slots=True)
class Inference:
    """A step from premises to a conclusion.

    A claim's ``supports: X`` is shorthand for a one-premise inference whose
    id is ``"<claim> -> X"``; an ``inferences:`` block declares linked premises.

    Attributes:
        id: unique id (``"P1 -> T1"`` for the shorthand).
        premises: ids of the premises, in the order given.
        conclusion: id of the conclusion.
        linked: True when declared in the ``inferences:`` block.
        loc: where the relation or inference stands in the map file.
    """

    id: str
    premises: tuple[str, ...]
    conclusion: str
    linked: bool = False
    loc: Position | None = None


@dataclass(frozen=True, slots=True)
class Attack:
    """``attacker`` argues against the claim ``target``.

    Attributes:
        attacker: id of the attacking claim.
        target: id of the attacked claim.
        loc: where the relation stands in the map file.
    """

    attacker: str
    target: str
    loc: Position | None = None


@dataclass(frozen=True, slots=True)
class Undercut:
    """``attacker`` argues that inference ``inference`` does not go through.

    Attributes:
        attacker: id of the undercutting claim.
        inference: id of the undercut inference.
        loc: where the relation stands in the map file.
    """

    attacker: str
    inference: str
    loc: Position | None = None


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """Which checks to run, as codes or check names (empty ``select``: all).

    Attributes:
        select: only these checks.
        ignore: never these checks.
        loc: where the ``checks:`` block stands in the map file, if it does.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    loc: Position | None = field(default=None, compare=False)


#: Default thresholds of the weighted proof standards (clear and convincing
#: evidence: α, β; beyond reasonable doubt: also γ), as the Carneades engine
#: sets them (carneades-3, ``engine/proofstandard.clj``: α 0.5, β 0.3, γ 0.2).
DEFAULT_THRESHOLDS = (0.5, 0.3, 0.2)


#: A label of ``argmap evaluate``: stands, does not stand, undecided.
Label = Literal["IN", "OUT", "UNDEC"]


@dataclass(frozen=True, slots=True)
class Expected:
    """A label the map expects ``argmap evaluate`` to give a claim (``evaluation: expect:``).

    Attributes:
        claim: the claim's id.
        label: ``IN``, ``OUT`` or ``UNDEC``.
        loc: where the id stands in the map file.
    """

    claim: str
    label: Label
    loc: Position | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class EvaluationSettings:
    """How ``argmap evaluate`` reads this map (the ``evaluation:`` block).

    Attributes:
        grant: which claims without reasons are granted (:data:`GRANTS`).
        standard: the map's proof standard (:data:`STANDARDS`).
        alpha: clear and convincing evidence: the strongest applicable pro
            argument must weigh more than α (a score in [0, 1]).
        beta: ... and outweigh the strongest applicable con by more than β.
        gamma: beyond reasonable doubt: the strongest applicable con must
            weigh less than γ.
        expect: the labels the map expects, in file order (checked by
            ``argmap evaluate``, which exits 1 when one differs).
        loc: where the ``evaluation:`` block stands in the map file, if it does.
    """

    grant: Grant = "all"
    standard: Standard = "dialectical-validity"
    alpha: float = DEFAULT_THRESHOLDS[0]
    beta: float = DEFAULT_THRESHOLDS[1]
    gamma: float = DEFAULT_THRESHOLDS[2]
    expect: tuple[Expected, ...] = ()
    loc: Position | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ArgumentMap:
    """A whole argument map.

    Attributes:
        path: file name used in messages (``"<string>"`` when not from a file).
        claims: claims by id, in file order (read-only mapping).
        inferences: support steps, shorthand and linked, in file order.
        attacks: attacks between claims, in file order.
        undercuts: attacks on inferences, in file order.
        title: the map's title.
        source: the analysed text's bibliographic data.
        theme: preferred diagram theme name.
        checks: check selection declared in the map.
        extra: other top-level blocks kept verbatim (e.g. ``draft``).
        claims_loc: where the ``claims:`` key stands (for map-level findings).
        evaluation: how ``argmap evaluate`` reads the map.
    """

    path: str
    claims: Mapping[str, Claim]
    inferences: tuple[Inference, ...] = ()
    attacks: tuple[Attack, ...] = ()
    undercuts: tuple[Undercut, ...] = ()
    title: str | None = None
    source: MapSource | None = None
    theme: str | None = None
    checks: CheckSettings = field(default_factory=CheckSettings)
    extra: Mapping[str, object] = field(default_factory=dict)
    claims_loc: Position | None = None
    evaluation: EvaluationSettings = field(default_factory=EvaluationSettings)
    _inference_index: Mapping[str, Inference] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "claims", MappingProxyType(dict(self.claims)))
        index = {inf.id: inf for inf in reversed(self.inferences)}  # the first of a repeated id
        object.__setattr__(self, "_inference_index", MappingProxyType(index))

    @property
    def name(self) -> str:
        """The map's file stem (``maps/x.yaml`` → ``x``), used for output names;
        ``map`` for a map read from no file (``<string>``, ``<stdin>``)."""
        if self.unnamed:
            return "map"
        base = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return base.split(".", 1)[0] or "map"

    @property
    def unnamed(self) -> bool:
        """Whether the map was read from no file: its path is a ``<name>`` such as
        ``<string>`` (:func:`argmap.loads`) or ``<stdin>``."""
        return self.path.startswith("<") and self.path.endswith(">")

    def inference(self, inference_id: str) -> Inference | None:
        """Return the inference with this id, or None (O(1): an index built once)."""
        return self._inference_index.get(inference_id)


#: The characters :func:`unshowable_character` looks for.
UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def unshowable_character(text: str) -> str | None:
    """The first character of ``text`` no diagram or terminal can show safely, or None.

    These are the C0 and C1 control characters other than tab, line feed and
    carriage return, DEL, the non-characters U+FFFE and U+FFFF, and lone
    surrogates: XML 1.0 (§2.2) forbids most of them, Graphviz rejects them, and
    a terminal would obey them as escape sequences.
    """
    match = UNSHOWABLE.search(text)
    return match.group(0) if match else None


def shorthand_inference_id(premise: str, conclusion: str) -> str:
    """The id of the one-premise inference written ``premise: {supports: conclusion}``."""
    return f"{premise} -> {conclusion}"


def complete_parts(amap: ArgumentMap) -> tuple[list[Inference], list[Undercut], list[str]]:
    """The inferences and undercuts whose every claim exists, and what is left out.

    The YAML loader accepts ``inferences:`` entries naming no claim (the map is
    half-finished); formats that draw or link claims cannot hold them.

    Returns:
        ``(inferences, undercuts, lost)``: the complete ones in map order, and
        one phrase per part left out.
    """
    infs, lost = [], []
    for inf in amap.inferences:
        missing = [c for c in (*inf.premises, inf.conclusion) if c not in amap.claims]
        if missing or not inf.premises:
            why = f"names no claim {', '.join(missing)}" if missing else "has no premise"
            lost.append(f"inference {inf.id} ({why})")
        else:
            infs.append(inf)
    ids = {inf.id for inf in infs}
    unds = [u for u in amap.undercuts if u.inference in ids]
    lost.extend(
        f"the undercut of {u.inference} by {u.attacker}"
        for u in amap.undercuts
        if u.inference not in ids
    )
    return infs, unds, lost
