"""Read the YAML map format (version 1) into an :class:`~argmap.model.ArgumentMap`.

The format is documented in ``docs/format.md``. Every problem is reported as an
``invalid-map`` (AM000) finding naming file, 1-based line and column, what is
wrong and how to fix it; all problems found are reported together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from argmap.diagram import THEME_NAMES
from argmap.errors import MapLoadError
from argmap.findings import invalid
from argmap.io.tree import Map, Node, Scalar, Seq, to_python
from argmap.io.yaml.evaluation import read_evaluation, unknown_expected
from argmap.io.yaml.fields import FieldReader
from argmap.io.yaml.grading import read_rubric
from argmap.io.yaml.parse import YamlError, compose
from argmap.model import (
    ArgumentMap,
    Attack,
    CheckSettings,
    Claim,
    Inference,
    MapSource,
    Undercut,
    shorthand_inference_id,
)
from argmap.util.files import read_text
from argmap.util.gcpause import gc_paused
from argmap.util.limits import CLAIMS, RELATIONS, TEXT_CHARS
from argmap.util.suggest import did_you_mean

#: Unknown-id messages that get a "did you mean" (each costs a scan of the ids).
MAX_SUGGESTIONS = 50

TOP_KEYS: tuple[str, ...]
TOP_KEYS = ("version", "title", "source", "theme", "checks", "claims", "inferences", "draft")
TOP_KEYS += ("evaluation",)  # labels and proof standards of argmap evaluate (docs/format.md)
TOP_KEYS += ("grading",)  # the rubric of argmap grade (docs/grading.md)
#: Top-level blocks kept as they are in ``ArgumentMap.extra``.
_VERBATIM = ("draft", "grading")
SOURCE_KEYS = ("title", "publication", "author", "year", "url")
INFERENCE_KEYS = ("premises", "conclusion")
CHECKS_KEYS = ("select", "ignore")

#: A relation written on a claim: (claim id, ``supports``/``attacks``/``undercuts``, its value).
_Relation = tuple[str, str, Node]


def load_map(path: str | Path) -> ArgumentMap:
    """Load and validate a map file.

    Raises:
        MapLoadError: the file is unreadable or invalid (all problems found).
    """
    return loads_map(read_text(path), str(path))


def loads_map(text: str, path: str = "<string>") -> ArgumentMap:
    """Load and validate a map from YAML text; ``path`` names it in messages.

    Raises:
        MapLoadError: the text is not a valid map (all problems found).
    """
    with gc_paused():
        try:
            root = compose(text, path)
        except YamlError as exc:
            raise MapLoadError([exc.finding]) from None
        return map_from_tree(root, path)


def map_from_tree(root: Node | None, path: str = "<string>") -> ArgumentMap:
    """Validate a position-carrying node tree (YAML or JSON) as a map.

    The tree comes from :func:`argmap.io.yaml.parse.compose` or
    :func:`argmap.io.json.tree.compose_json`; messages name ``path`` and the
    nodes' 1-based positions. The cyclic garbage collector is paused while
    the model is built (see :mod:`argmap.util.gcpause`).

    Raises:
        MapLoadError: the tree is not a valid map (all problems found), or
            it is over a limit of :mod:`argmap.util.limits` (claims in the map,
            characters in a claim's text, relations on a claim).
        UsageError: a limit's environment variable is not a whole number ≥ 1.
    """
    reader = _Reader(path)
    with gc_paused():
        amap = reader.read(root)
        if amap is not None:
            reader.within_limits(amap)
    if reader.errors or amap is None:
        raise MapLoadError(sorted(reader.errors))
    return amap


class _Reader(FieldReader):
    """Walks the node tree, building the model and collecting problems."""

    def __init__(self, path: str):
        super().__init__(path)
        self.broken: set[str] = set()  # claim ids declared with errors
        self.unknown = 0  # references to unknown ids so far

    # -- the document -----------------------------------------------------

    def read(self, root: Node | None) -> ArgumentMap | None:
        if root is None:
            self.error(None, "the map is empty: add a 'claims:' block")
            return None
        top = self.mapping(root, "a map file")
        if top is None:
            return None
        self.keys(top, TOP_KEYS, "the map")
        get = top.pairs.get
        self._version(get("version"))
        if "grading" in top.pairs:
            read_rubric(self, top.pairs["grading"][1])
        claims_entry = get("claims")
        if claims_entry is None:
            self.error(top, "the map has no 'claims:' block: add one mapping claim ids to claims")
            return None
        claims, rels = self._claims(claims_entry[1])
        inferences = self._inferences(get("inferences"), claims, rels)
        attacks, undercuts = self._attacks(rels, claims, inferences)
        self._rephrased(rels, claims)
        evaluation = read_evaluation(self, get("evaluation"))
        for wrong in unknown_expected(evaluation, claims) if claims else ():
            at = wrong.loc or self.loc(top)
            self.errors.append(
                invalid(self.path, at.line, at.column, f"expect names no claim {wrong.claim!r}")
            )
        return ArgumentMap(
            path=self.path,
            claims=claims,
            inferences=tuple(inferences),
            attacks=tuple(attacks),
            undercuts=tuple(undercuts),
            title=self._opt_string(get("title"), "title"),
            source=self._source(get("source")),
            theme=self._theme(get("theme")),
            checks=self._checks(get("checks")),
            extra={k: to_python(v) for k, (_, v) in top.pairs.items() if k in _VERBATIM},
            claims_loc=self.loc(claims_entry[0]),
            evaluation=evaluation,
        )

    def _version(self, entry: tuple[Scalar, Node] | None) -> None:
        value = entry[1].value if entry is not None and isinstance(entry[1], Scalar) else None
        if entry is not None and not (type(value) is int and value == 1):
            self.error(entry[1], "unsupported 'version': this argmap reads version 1")

    def _opt_string(self, entry: tuple[Scalar, Node] | None, what: str) -> str | None:
        return None if entry is None else self.string(entry[1], what)

    def _theme(self, entry: tuple[Scalar, Node] | None) -> str | None:
        theme = self._opt_string(entry, "theme")
        if entry is not None and theme is not None and theme not in THEME_NAMES:
            hint = did_you_mean(theme, THEME_NAMES) or ""
            known = ", ".join(THEME_NAMES)
            self.error(entry[1], f"unknown theme {theme!r}{hint} (themes: {known})")
            return None
        return theme

    def _source(self, entry: tuple[Scalar, Node] | None) -> MapSource | None:
        if entry is None:
            return None
        node = self.mapping(entry[1], "'source'")
        if node is None:
            return None
        self.keys(node, SOURCE_KEYS, "'source'")
        pairs = node.pairs
        text = {
            key: self.string(pairs[key][1], f"source {key}")
            for key in ("title", "publication", "author", "url")
            if key in pairs
        }
        url = text.get("url")
        if url is not None:
            self.check_scheme(pairs["url"][1], url, "source url")
        return MapSource(
            title=text.get("title"),
            publication=text.get("publication"),
            author=text.get("author"),
            year=self.integer(pairs["year"][1], "source year") if "year" in pairs else None,
            url=url,
        )

    def _checks(self, entry: tuple[Scalar, Node] | None) -> CheckSettings:
        if entry is None:
            return CheckSettings()
        node = self.mapping(entry[1], "'checks'")
        if node is None:
            return CheckSettings()
        self.keys(node, CHECKS_KEYS, "'checks'")
        picked = {
            key: tuple(s for s, _ in self.strings(node.pairs[key][1], f"checks {key}"))
            for key in CHECKS_KEYS
            if key in node.pairs
        }
        return CheckSettings(**picked, loc=self.loc(entry[0]))

    # -- claims -----------------------------------------------------------

    def _claims(self, node: Node) -> tuple[dict[str, Claim], list[_Relation]]:
        claims: dict[str, Claim] = {}
        relations: list[_Relation] = []
        block = self.mapping(node, "'claims'")
        if block is None:
            return claims, relations
        limit = CLAIMS.value()
        if len(block.pairs) > limit:
            self.error(block, CLAIMS.message(len(block.pairs), limit))
            return claims, relations
        for key, (knode, value) in block.pairs.items():
            cid = self.claim_id(key, knode)
            if cid is None:
                continue
            if cid in claims or cid in self.broken:
                self.error(
                    knode,
                    f"claim id {cid!r} is given twice (a number and a text "
                    "read alike): rename one",
                )
                continue
            claim = self.claim(cid, knode, value)
            if claim is not None:
                claims[cid] = claim
            else:
                self.broken.add(cid)
            if isinstance(value, Map):
                relations.extend(
                    (cid, rel, value.pairs[rel][1])
                    for rel in ("supports", "attacks", "undercuts", "rephrases")
                    if rel in value.pairs
                )
        return claims, relations

    def within_limits(self, amap: ArgumentMap) -> None:
        """Report each claim whose text or whose relations are over their limits."""
        text_limit, relation_limit = TEXT_CHARS.value(), RELATIONS.value()
        on_claim: Counter[str] = Counter()
        for inference in amap.inferences:
            on_claim.update(inference.premises)
            on_claim[inference.conclusion] += 1
        on_claim.update(a.attacker for a in amap.attacks)
        on_claim.update(a.target for a in amap.attacks)
        on_claim.update(u.attacker for u in amap.undercuts)
        for claim in amap.claims.values():
            line, column = (claim.loc.line, claim.loc.column) if claim.loc else (1, 1)
            if len(claim.text) > text_limit:
                message = TEXT_CHARS.message(len(claim.text), text_limit)
                self.errors.append(
                    invalid(self.path, line, column, f"claim {claim.id}: {message}")
                )
            if on_claim[claim.id] > relation_limit:
                message = RELATIONS.message(on_claim[claim.id], relation_limit)
                self.errors.append(
                    invalid(self.path, line, column, f"claim {claim.id}: {message}")
                )

    # -- relations --------------------------------------------------------

    def _target(
        self, cid: str, rel: str, target: str, node: Node, known: Mapping[str, object]
    ) -> bool:
        if target in known:
            return True
        if target in self.broken:  # declared, but invalid: already reported
            return False
        what = "inference" if rel == "undercuts" else "claim"
        self.unknown += 1  # suggestions cost a scan each: only for the first ones
        hint = did_you_mean(target, known, 0.5) if self.unknown <= MAX_SUGGESTIONS else ""
        self.error(node, f"claim {cid} {rel} {target!r}, which is no {what} id{hint}")
        return False

    def _rephrased(self, rels: list[_Relation], claims: dict[str, Claim]) -> None:
        """Report each ``rephrases:`` id naming no claim (its shape is checked with the claim)."""
        for cid, rel, node in rels:
            items = node.items if isinstance(node, Seq) else [node]
            for item in items if rel == "rephrases" else ():
                value = item.value if isinstance(item, Scalar) else None
                if isinstance(value, (str, int)) and not isinstance(value, bool):
                    if str(value) not in claims and str(value) != cid:
                        self._target(cid, rel, str(value), item, claims)

    def _inferences(
        self, entry: tuple[Scalar, Node] | None, claims: dict[str, Claim], rels: list[_Relation]
    ) -> list[Inference]:
        out: list[Inference] = []
        for cid, rel, node in rels:
            if rel != "supports":
                continue
            for target, item in self.strings(node, f"supports of claim {cid}", unique=True):
                if target in claims or self._target(cid, rel, target, item, claims):
                    iid = shorthand_inference_id(cid, target)
                    out.append(Inference(iid, (cid,), target, False, self.loc(item)))
        if entry is not None:
            out.extend(self._linked(entry[1], {i.id for i in out} | set(claims) | self.broken))
        return out

    def _linked(self, node: Node, taken: set[str]) -> list[Inference]:
        block = self.mapping(node, "'inferences'")
        if block is None:
            return []
        out: list[Inference] = []
        for key, (knode, value) in block.pairs.items():
            iid = str(key)
            body = self.mapping(value, f"inference {iid}")
            if body is None:
                continue
            if iid in taken:
                self.error(
                    knode,
                    f"inference id {iid!r} is already used by a claim or "
                    "another inference: rename it",
                )
                continue
            self.keys(body, INFERENCE_KEYS, f"inference {iid}")
            premises = self._field_ids(body, "premises", iid)
            conclusion = self._field_ids(body, "conclusion", iid)
            if len(conclusion) != 1:
                self.error(knode, f"inference {iid} needs exactly one 'conclusion:' id")
                continue
            out.append(
                Inference(
                    iid, tuple(p for p, _ in premises), conclusion[0][0], True, self.loc(knode)
                )
            )
        return out

    def _field_ids(self, body: Map, key: str, iid: str) -> list[tuple[str, Node]]:
        if key not in body.pairs:
            return []
        return self.strings(body.pairs[key][1], f"{key} of inference {iid}", unique=True)

    def _attacks(
        self, rels: list[_Relation], claims: dict[str, Claim], inferences: list[Inference]
    ) -> tuple[list[Attack], list[Undercut]]:
        attacks: list[Attack] = []
        undercuts: list[Undercut] = []
        by_id = {i.id: i for i in inferences}
        for cid, rel, node in rels:
            if rel in ("supports", "rephrases"):
                continue
            for target, item in self.strings(node, f"{rel} of claim {cid}", unique=True):
                known = claims if rel == "attacks" else by_id
                if target not in known and not self._target(cid, rel, target, item, known):
                    continue
                if rel == "attacks":
                    attacks.append(Attack(cid, target, self.loc(item)))
                else:
                    undercuts.append(Undercut(cid, target, self.loc(item)))
        return attacks, undercuts
