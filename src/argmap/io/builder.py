"""Build an :class:`~argmap.model.ArgumentMap` from a foreign format, checking as it goes.

Importers add claims, inferences, attacks and undercuts with the position
they come from; :class:`MapBuilder` collects every problem as an
``invalid-map`` finding and every warning as an ``import-note`` (AM001) finding,
guesses missing kinds (:func:`argmap.io.kinds.infer_kinds`), and raises
:class:`~argmap.errors.MapLoadError` with all problems at the end. Claim fields
and map-level data carried in a foreign file (an Argdown ``{...}`` block, an
AIF ``argmap`` key) are validated by the YAML loader's own rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict, Unpack

from argmap.errors import MapLoadError
from argmap.findings import Finding, invalid, note
from argmap.io.exchange import CLAIM_FIELDS, Imported
from argmap.io.kinds import infer_kinds
from argmap.io.tree import Map, Node, Scalar
from argmap.io.yaml.evaluation import unknown_expected
from argmap.io.yaml.fields import ClaimFields, FieldReader
from argmap.io.yaml.reader import map_from_tree
from argmap.model import (
    ArgumentMap,
    Attack,
    CheckSettings,
    Claim,
    EvaluationSettings,
    Inference,
    MapSource,
    Position,
    Undercut,
    shorthand_inference_id,
)

#: Claim fields a foreign file may carry as data (besides the id).
DATA_KEYS = ("kind", *(f for f in CLAIM_FIELDS if f != "extra_sources"))
#: Map-level fields a foreign file may carry as data.
META_KEYS = ("version", "title", "source", "theme", "checks", "draft", "evaluation")


class MapMeta(TypedDict, total=False):
    """Map-level data a foreign file carries, as :class:`~argmap.model.ArgumentMap` takes it."""

    title: str | None
    source: MapSource | None
    theme: str | None
    checks: CheckSettings
    extra: Mapping[str, object]
    evaluation: EvaluationSettings


def safe_id(raw: str) -> str:
    """``raw`` as a usable claim id: ``->`` (which names inferences) becomes ``→``."""
    return raw.replace("->", "→")


class MapBuilder:
    """Collects the parts of a map with their positions; :meth:`build` checks and assembles.

    Attributes:
        path: the main input file (claims from it get a ``loc``).
        errors: problems found so far.
        notes: warnings so far.
    """

    def __init__(self, path: str):
        self.path = path
        self.claims: dict[str, ClaimFields] = {}
        self.claim_pos: dict[str, Position] = {}
        self.inferences: dict[str, tuple[Inference, Position]] = {}
        self.attacks: dict[tuple[str, str], Position] = {}
        self.undercuts: dict[tuple[str, str], Position] = {}
        self.errors: list[Finding] = []
        self.notes: list[Finding] = []

    def error(self, pos: Position, message: str) -> None:
        """Record a problem at ``pos`` (the import fails at :meth:`build`)."""
        self.errors.append(invalid(pos.file, pos.line, pos.column, message))

    def note(self, pos: Position, message: str) -> None:
        """Record a warning at ``pos``."""
        self.notes.append(note(pos, message))

    def fail_now(self) -> None:
        """Raise the problems found so far, if any.

        Raises:
            MapLoadError: with every problem recorded.
        """
        if self.errors:
            raise MapLoadError(sorted(self.errors))

    def add_claim(
        self, cid: str, text: str, pos: Position, fields: ClaimFields | None = None
    ) -> None:
        """Add (or replace) claim ``cid`` with ``text`` and other ``fields``.

        A ``kind`` missing from ``fields`` is guessed at build time; a
        ``text`` in ``fields`` is replaced by ``text``.
        """
        self.claims[cid] = {**(fields or {}), "text": text}
        self.claim_pos[cid] = pos

    def add_inference(
        self, premises: list[str], conclusion: str, pos: Position, iid: str | None = None
    ) -> str:
        """Add a support step and return its id.

        ``iid`` None adds the one-premise shorthand ``"P -> C"`` (given twice,
        it is kept once); an id adds a linked inference (an id given twice is
        an error).
        """
        if iid is None:
            iid = shorthand_inference_id(premises[0], conclusion)
            if iid not in self.inferences:
                self.inferences[iid] = (Inference(iid, (premises[0],), conclusion, False), pos)
            return iid
        if iid in self.inferences:
            self.error(pos, f"inference id {iid!r} is used twice: rename one")
            return iid
        once = tuple(dict.fromkeys(premises))
        if len(once) < len(premises):
            twice = sorted({p for p in premises if premises.count(p) > 1})
            self.note(pos, f"inference {iid} lists premise {', '.join(twice)} twice: kept once")
        self.inferences[iid] = (Inference(iid, once, conclusion, True), pos)
        return iid

    def add_attack(self, attacker: str, target: str, pos: Position) -> None:
        """``attacker`` argues against claim ``target`` (kept once)."""
        self.attacks.setdefault((attacker, target), pos)

    def add_rephrase(self, cid: str, other: str) -> None:
        """Claim ``cid`` rephrases claim ``other`` (kept once; both must be added first)."""
        fields = self.claims[cid]
        if other not in fields.get("rephrases", ()):
            fields["rephrases"] = (*fields.get("rephrases", ()), other)

    def add_undercut(self, attacker: str, inference: str, pos: Position) -> None:
        """``attacker`` argues that inference ``inference`` does not go through (kept once)."""
        self.undercuts.setdefault((attacker, inference), pos)

    # -- validation of carried data --------------------------------------

    def claim_fields(self, cid: str, body: Map, pos: Position) -> ClaimFields:
        """Validate the claim fields in ``body`` (keys from :data:`DATA_KEYS`) by the YAML rules.

        Problems are recorded with the positions of ``body``'s nodes (an id
        with a control character at ``body`` itself); other keys are left to
        the caller.

        Returns:
            The fields given (``kind`` only when given); ``{}`` after a problem.
        """
        key = cid if cid.strip() and "->" not in cid else "claim"
        reader = FieldReader(pos.file)
        fields: ClaimFields = {}
        if reader.claim_id(key, Scalar(key, body.line, body.column)) is not None:
            for name, (_, value) in body.pairs.items():
                if name in DATA_KEYS:
                    reader.claim_field(key, name, value, fields)
        if reader.errors:
            self.errors.extend(reader.errors)
            return {}
        return fields

    def title(self, text: str, pos: Position) -> str | None:
        """``text`` as the map's title by the YAML rules (no control character), or
        None when it is blank or breaks them (the problem recorded at ``pos``)."""
        if not text.strip():
            return None
        reader = FieldReader(pos.file)
        kept = reader.string(Scalar(text, pos.line, pos.column), "title")
        self.errors.extend(reader.errors)
        return kept

    def map_meta(self, node: Map, pos: Position) -> MapMeta:
        """Validate map-level data (keys from :data:`META_KEYS`) by the YAML rules.

        Returns:
            ArgumentMap keyword arguments (title, source, theme, checks,
            extra); ``{}`` after a problem.
        """
        for key, (knode, _) in node.pairs.items():
            if key not in META_KEYS:
                self.error(
                    Position(pos.file, knode.line, knode.column),
                    f"unknown key {key!r} in the argmap data; allowed: {', '.join(META_KEYS)}",
                )
        pairs: dict[object, tuple[Scalar, Node]] = {
            k: v for k, v in node.pairs.items() if k in META_KEYS
        }
        pairs["claims"] = (
            Scalar("claims", node.line, node.column),
            Map({}, node.line, node.column),
        )
        try:
            amap = map_from_tree(Map(pairs, node.line, node.column), pos.file)
        except MapLoadError as exc:
            self.errors.extend(exc.findings)
            return {}
        return {
            "title": amap.title,
            "source": amap.source,
            "theme": amap.theme,
            "checks": amap.checks,
            "extra": dict(amap.extra),
            "evaluation": amap.evaluation,
        }

    # -- assembly ----------------------------------------------------------

    def _check_references(self) -> None:
        for cid, fields in self.claims.items():
            for other in fields.get("rephrases", ()):
                if other not in self.claims or other == cid:
                    what = "itself" if other == cid else f"{other!r}, which is no claim"
                    self.error(self.claim_pos[cid], f"claim {cid} rephrases {what}")
        for inf, pos in self.inferences.values():
            for cid in (*inf.premises, inf.conclusion):
                if cid not in self.claims:
                    self.error(pos, f"inference {inf.id} names {cid!r}, which is no claim")
        for (attacker, target), pos in self.attacks.items():
            for cid in (attacker, target):
                if cid not in self.claims:
                    self.error(
                        pos, f"the attack {attacker} → {target} names {cid!r}, which is no claim"
                    )
        for (attacker, inference), pos in self.undercuts.items():
            if attacker not in self.claims:
                self.error(pos, f"the undercut by {attacker!r} names no claim")
            if inference not in self.inferences:
                self.error(pos, f"{attacker} undercuts {inference!r}, which is no inference")

    def _claims(self) -> dict[str, Claim]:
        guessed = infer_kinds(
            list(self.claims),
            [(p, inf.conclusion) for inf, _ in self.inferences.values() for p in inf.premises],
            list(self.attacks)
            + [
                (a, self.inferences[i][0].conclusion)
                for a, i in self.undercuts
                if i in self.inferences
            ],
        )
        claims: dict[str, Claim] = {}
        for cid, fields in self.claims.items():
            pos = self.claim_pos[cid]
            self._check_claim(cid, fields, pos)
            loc = pos if pos.file == self.path else None
            given: ClaimFields = {**fields, "kind": fields.get("kind") or guessed[cid]}
            claims[cid] = Claim(id=cid, loc=loc, **given)
        return claims

    def _check_claim(self, cid: str, fields: ClaimFields, pos: Position) -> None:
        """Apply the YAML loader's rules (:class:`~argmap.io.yaml.fields.FieldReader`)
        to the id, text, source and tags of claim ``cid``, reporting at ``pos``."""
        reader = FieldReader(pos.file)

        def node(value: object) -> Scalar:
            return Scalar(value, pos.line, pos.column)

        if not cid.strip() or "->" in cid:
            self.error(pos, f"claim id {cid!r} is not usable (empty, or contains '->'): rename it")
        elif reader.claim_id(cid, node(cid)) is not None:
            scratch: ClaimFields = {}
            reader.claim_field(cid, "text", node(fields.get("text", "")), scratch)
            if fields.get("source") is not None:
                reader.claim_field(cid, "source", node(fields["source"]), scratch)
            for extra in fields.get("extra_sources", ()):
                reader.claim_field(cid, "source", node(extra), scratch)
            for tag in fields.get("tags", ()):
                reader.string(node(tag), f"tag {tag!r} of claim {cid}")
        self.errors.extend(reader.errors)

    def _check_inference_ids(self) -> None:
        for iid, (_, pos) in self.inferences.items():
            if iid in self.claims:
                self.error(
                    pos, f"inference id {iid!r} is already used by a claim: rename one of them"
                )

    def build(self, **meta: Unpack[MapMeta]) -> Imported:
        """Check every reference and assemble the map.

        Args:
            meta: ArgumentMap keyword arguments (title, source, theme, checks, extra).

        Raises:
            MapLoadError: any problem recorded or found (all of them, sorted).
        """
        self._check_references()
        self._check_inference_ids()
        for wrong in unknown_expected(meta.get("evaluation", EvaluationSettings()), self.claims):
            self.error(wrong.loc or Position(self.path), f"expect names no claim {wrong.claim!r}")
        claims = self._claims()
        self.fail_now()
        infs = tuple(self._located(inf, pos) for inf, pos in self.inferences.values())
        atts = tuple(Attack(a, t, self._loc(p)) for (a, t), p in self.attacks.items())
        unds = tuple(Undercut(a, i, self._loc(p)) for (a, i), p in self.undercuts.items())
        amap = ArgumentMap(
            path=self.path,
            claims=claims,
            inferences=infs,
            attacks=atts,
            undercuts=unds,
            **meta,
        )
        return Imported(amap, tuple(sorted(set(self.notes))))

    def _loc(self, pos: Position) -> Position | None:
        return pos if pos.file == self.path else None

    def _located(self, inf: Inference, pos: Position) -> Inference:
        return Inference(inf.id, inf.premises, inf.conclusion, inf.linked, self._loc(pos))
