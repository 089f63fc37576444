"""Read the YAML map format (version 1) into an :class:`~argmap.model.ArgumentMap`.

The format is documented in ``docs/format.md``. Every problem is reported as an
``invalid-map`` (AM000) finding naming file, 1-based line and column, what is
wrong and how to fix it; all problems found are reported together.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from argmap.diagram import THEME_NAMES
from argmap.errors import MapLoadError
from argmap.findings import Finding, invalid
from argmap.io.tree import Map, Node, Scalar, Seq, to_python
from argmap.io.yaml.parse import YamlError, compose
from argmap.model import (
    KINDS,
    ArgumentMap,
    Attack,
    CheckSettings,
    Claim,
    Inference,
    MapSource,
    Position,
    Undercut,
    shorthand_inference_id,
    unshowable_character,
)
from argmap.util.files import read_text
from argmap.util.gcpause import gc_paused
from argmap.util.suggest import did_you_mean
from argmap.util.urls import SAFE_SCHEMES, url_scheme

#: Unknown-id messages that get a "did you mean" (each costs a scan of the ids).
MAX_SUGGESTIONS = 50

TOP_KEYS = ("version", "title", "source", "theme", "checks", "claims", "inferences", "draft")
CLAIM_KEYS = (
    "kind",
    "text",
    "supports",
    "attacks",
    "undercuts",
    "para",
    "source",
    "tags",
    "score",
    "ignore",
    "span",
)
SOURCE_KEYS = ("title", "publication", "author", "year", "url")
INFERENCE_KEYS = ("premises", "conclusion")
CHECKS_KEYS = ("select", "ignore")


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
        MapLoadError: the tree is not a valid map (all problems found).
    """
    reader = _Reader(path)
    with gc_paused():
        amap = reader.read(root)
    if reader.errors or amap is None:
        raise MapLoadError(sorted(reader.errors))
    return amap


class _Reader:
    """Walks the node tree, building the model and collecting problems."""

    def __init__(self, path: str):
        self.path = path
        self.errors: list[Finding] = []
        self.broken: set[str] = set()  # claim ids declared with errors
        self.unknown = 0  # references to unknown ids so far

    def loc(self, node: Node) -> Position:
        """The position of ``node`` in this file."""
        return Position(self.path, node.line, node.column)

    def error(self, node: Node | None, message: str) -> None:
        line, column = (node.line, node.column) if node is not None else (1, 1)
        self.errors.append(invalid(self.path, line, column, message))

    # -- generic shapes ---------------------------------------------------

    def keys(self, node: Map, allowed: tuple[str, ...], where: str) -> None:
        if _key_set(allowed).issuperset(node.pairs):
            return
        for key, (knode, _) in node.pairs.items():
            if key not in allowed:
                hint = did_you_mean(str(key), allowed) or f"; allowed keys: {', '.join(allowed)}"
                self.error(knode, f"unknown key {key!r} in {where}{hint}")

    def string(self, node: Node, what: str, *, empty_ok: bool = False) -> str | None:
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            shown = _shape(node)
            self.error(node, f"{what} must be a string, not {shown}; quote it if needed")
            return None
        if not empty_ok and not node.value.strip():
            self.error(node, f"{what} is empty: write some text")
            return None
        if not self.showable(node, node.value, what):
            return None
        return node.value

    def showable(self, node: Node, value: str, what: str) -> bool:
        """False (with an error) when ``value`` holds a control character."""
        bad = unshowable_character(value)
        if bad is not None:
            self.error(
                node,
                f"{what} contains the control character U+{ord(bad):04X}, "
                "which no diagram can show: remove it",
            )
        return bad is None

    def strings(self, node: Node, what: str, unique: bool = False) -> list[tuple[str, Node]]:
        if type(node) is Scalar and type(node.value) is str:
            return [(node.value, node)]  # the common case: one id
        items = node.items if isinstance(node, Seq) else [node]
        out: list[tuple[str, Node]] = []
        seen: set[str] = set()
        for item in items:
            if (
                isinstance(item, Scalar)
                and isinstance(item.value, (str, int))
                and not isinstance(item.value, bool)
            ):
                value = str(item.value)
                if unique and value in seen:
                    self.error(item, f"{what} lists {value!r} twice: remove one")
                    continue
                seen.add(value)
                out.append((value, item))
            else:
                self.error(item, f"{what} must be an id or a list of ids, not {_shape(item)}")
        return out

    def integer(self, node: Node, what: str, minimum: int = 0) -> int | None:
        value = node.value if isinstance(node, Scalar) else None
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            self.error(node, f"{what} must be a whole number ≥ {minimum}, not {_shape(node)}")
            return None
        return value

    def mapping(self, node: Node, what: str) -> Map | None:
        if not isinstance(node, Map):
            self.error(node, f"{what} must be a mapping (key: value lines), not {_shape(node)}")
            return None
        return node

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
        claims_entry = get("claims")
        if claims_entry is None:
            self.error(top, "the map has no 'claims:' block: add one mapping claim ids to claims")
            return None
        claims, rels = self._claims(claims_entry[1])
        inferences = self._inferences(get("inferences"), claims, rels)
        attacks, undercuts = self._attacks(rels, claims, inferences)
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
            extra={k: to_python(v) for k, (_, v) in top.pairs.items() if k == "draft"},
            claims_loc=self.loc(claims_entry[0]),
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
        values: dict[str, object] = {}
        for key, (_, value) in node.pairs.items():
            if key == "year":
                values["year"] = self.integer(value, "source year")
            elif key in SOURCE_KEYS:
                values[key] = self.string(value, f"source {key}")
        if isinstance(values.get("url"), str):
            self.check_scheme(node.pairs["url"][1], str(values["url"]), "source url")
        return MapSource(**values)  # type: ignore[arg-type]

    def check_scheme(self, node: Node, value: str, what: str) -> None:
        scheme = url_scheme(value)
        if scheme is not None and scheme not in SAFE_SCHEMES:
            self.error(
                node,
                f"{what} uses the URL scheme '{scheme}:', which argmap refuses; "
                "use an http, https or mailto link, or a plain citation without a scheme",
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

    def _claims(self, node: Node) -> tuple[dict[str, Claim], list[tuple[str, str, Node]]]:
        claims: dict[str, Claim] = {}
        relations: list[tuple[str, str, Node]] = []  # (claim id, key, value node)
        block = self.mapping(node, "'claims'")
        if block is None:
            return claims, relations
        for key, (knode, value) in block.pairs.items():
            cid = self._claim_id(key, knode)
            if cid is None:
                continue
            if cid in claims or cid in self.broken:
                self.error(
                    knode,
                    f"claim id {cid!r} is given twice (a number and a text "
                    "read alike): rename one",
                )
                continue
            claim = self._claim(cid, knode, value)
            if claim is not None:
                claims[cid] = claim
            else:
                self.broken.add(cid)
            if isinstance(value, Map):
                relations.extend(
                    (cid, rel, value.pairs[rel][1])
                    for rel in ("supports", "attacks", "undercuts")
                    if rel in value.pairs
                )
        return claims, relations

    def _claim_id(self, key: object, knode: Scalar) -> str | None:
        if isinstance(key, bool) or not isinstance(key, (str, int)) or str(key).strip() == "":
            self.error(knode, f"claim id {key!r} is not usable: use a name such as P1")
            return None
        cid = str(key)
        if not self.showable(knode, cid, "a claim id"):
            return None
        if "->" in cid:
            self.error(knode, f"claim id {cid!r} contains '->', which names inferences: rename it")
            return None
        return cid

    def _claim(self, cid: str, knode: Scalar, node: Node) -> Claim | None:
        body = self.mapping(node, f"claim {cid}")
        if body is None:
            return None
        pairs = body.pairs
        self.keys(body, CLAIM_KEYS, f"claim {cid}")
        fields: dict[str, object] = {}
        readers = self._FIELD_READERS
        for key, (_, value) in pairs.items():
            reader = readers.get(key)
            if reader is not None:
                result = reader(self, cid, value)
                if result is not None:
                    fields[key] = result
        if "kind" not in pairs or "text" not in pairs:
            for required in ("kind", "text"):
                if required not in pairs:
                    self.error(knode, f"claim {cid} has no '{required}:'; add one")
            return None
        if "kind" not in fields or "text" not in fields:
            return None
        loc = self.loc(knode)
        return Claim(id=cid, loc=loc, **fields)  # type: ignore[arg-type]

    def _kind(self, cid: str, node: Node) -> str | None:
        kind = self.string(node, f"kind of claim {cid}")
        if kind is not None and kind not in KINDS:
            hint = did_you_mean(kind, KINDS) or ""
            self.error(
                node, f"unknown kind {kind!r} for claim {cid}{hint} (kinds: {', '.join(KINDS)})"
            )
            return None
        return kind

    def _text(self, cid: str, node: Node) -> str | None:
        return self.string(node, f"text of claim {cid}")

    def _para(self, cid: str, node: Node) -> tuple[int, ...] | None:
        items = node.items if isinstance(node, Seq) else [node]
        values = [self.integer(item, f"para of claim {cid}", minimum=1) for item in items]
        return None if None in values else tuple(v for v in values if v is not None)

    def _claim_source(self, cid: str, node: Node) -> str | None:
        value = self.string(node, f"source of claim {cid}")
        if value is not None:
            self.check_scheme(node, value, f"the source of claim {cid}")
        return value

    def _tags(self, cid: str, node: Node) -> tuple[str, ...]:
        return tuple(s for s, _ in self.strings(node, f"tags of claim {cid}"))

    def _ignore(self, cid: str, node: Node) -> frozenset[str]:
        return frozenset(s for s, _ in self.strings(node, f"ignore of claim {cid}"))

    def _score(self, cid: str, node: Node) -> float | None:
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            self.error(
                node, f"score of claim {cid} must be a number from 0 to 1, not {_shape(node)}"
            )
            return None
        return float(value)

    def _span(self, cid: str, node: Node) -> tuple[int, int] | None:
        items = node.items if isinstance(node, Seq) else []
        values = [self.integer(i, f"span of claim {cid}") for i in items]
        if len(values) != 2 or None in values or values[0] > values[1]:  # type: ignore[operator]
            self.error(node, f"span of claim {cid} must be [start, end] with 0 ≤ start ≤ end")
            return None
        return (values[0], values[1])  # type: ignore[return-value]

    _FIELD_READERS: dict[str, Callable[[_Reader, str, Node], object]] = {
        "kind": _kind,
        "text": _text,
        "para": _para,
        "source": _claim_source,
        "tags": _tags,
        "ignore": _ignore,
        "score": _score,
        "span": _span,
    }

    # -- relations --------------------------------------------------------

    def _target(self, cid: str, rel: str, target: str, node: Node, known: dict) -> bool:
        if target in known:
            return True
        if target in self.broken:  # declared, but invalid: already reported
            return False
        what = "inference" if rel == "undercuts" else "claim"
        self.unknown += 1  # suggestions cost a scan each: only for the first ones
        hint = did_you_mean(target, known, 0.5) if self.unknown <= MAX_SUGGESTIONS else ""
        self.error(node, f"claim {cid} {rel} {target!r}, which is no {what} id{hint}")
        return False

    def _inferences(
        self, entry: tuple[Scalar, Node] | None, claims: dict, rels: list
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
        out = []
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
        self, rels: list, claims: dict, inferences: list[Inference]
    ) -> tuple[list[Attack], list[Undercut]]:
        attacks, undercuts = [], []
        by_id = {i.id: i for i in inferences}
        for cid, rel, node in rels:
            if rel == "supports":
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


@functools.cache
def _key_set(allowed: tuple[str, ...]) -> frozenset[str]:
    return frozenset(allowed)


def _shape(node: Node) -> str:
    if isinstance(node, Seq):
        return "a list"
    if isinstance(node, Map):
        return "a mapping"
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    return f"the text {value!r}"
