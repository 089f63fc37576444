"""Read the YAML argument maps of the dsanson/argmap tools (``argmap2mup``, ``argmap2tikz``).

The format (github.com/dsanson/argmap, README "Argument Maps in YAML"): each
*claim* is a mapping key (its text) whose value is a mapping of *reasons*
(or empty); each reason is a key (an identifier) whose value is a mapping of
the claims it consists of, which may have reasons in turn. A reason whose key
begins with ``o`` or ``-`` is an objection, every other a supporting reason. A
claim key beginning with ``-`` is an implicit claim (the ``-`` is not part of
its text). A claim's reasons may hold one ``note:`` (a text); a reason may hold
``label:`` (a text) and ``strength:`` (1 weak … 5 strong).

Reading, as the reference tools draw it (every occurrence of a claim is its own
box): claims get the ids ``c1``, ``c2``, … in document order; top-level claims
are theses, other kinds are guessed from the structure (:mod:`argmap.io.kinds`).
A supporting reason of one claim is a support; of several, a linked inference
with the id ``<parent id>/<reason key>``. An objection's claims each attack the
claim (argmap has no joint attack: a note says so when an objection has several
claims). An implicit claim is tagged ``implicit``. A reason's ``label`` becomes
a tag of each of its claims, its ``strength`` a tag ``strength N`` (it weighs
the step, not a claim's own plausibility, so it is not turned into a score).
argmap claims have no notes: each ``note`` is left out with an ``import-note``
(AM001). Malformed YAML and duplicate keys are refused with line and column.
"""

from __future__ import annotations

from argmap.errors import MapLoadError
from argmap.io.builder import MapBuilder, safe_id
from argmap.io.exchange import Imported
from argmap.io.tree import Map, Node, Scalar
from argmap.io.yaml.fields import ClaimFields
from argmap.io.yaml.parse import YamlError, compose
from argmap.model import Position

#: Keys of a reason that are no claims.
REASON_KEYS = ("label", "strength")
#: Top-level keys of argmap's own map and of other YAML dialects: such a file is not this one.
OTHER_KEYS = frozenset(
    {"claims", "version", "title", "statements", "arguments", "issues", "meta", "tests"}
)


def looks_like_dsanson(text: str) -> bool:
    """True when ``text`` is YAML shaped like a dsanson/argmap map: a mapping of claims
    (none of argmap's or Carneades' top-level keys) whose values are empty or reasons,
    and whose reasons hold claims (empty or mappings) besides ``label``/``strength``."""
    try:
        root = compose(text, "<sniff>")
    except YamlError:
        return False
    if not isinstance(root, Map) or not root.pairs or OTHER_KEYS & set(map(str, root.pairs)):
        return False
    for _, reasons in root.pairs.values():
        if not _empty(reasons) and not isinstance(reasons, Map):
            return False
        for key, (_, reason) in reasons.pairs.items() if isinstance(reasons, Map) else ():
            if key == "note":
                continue
            if not _empty(reason) and not isinstance(reason, Map):
                return False
            inner = reason.pairs.items() if isinstance(reason, Map) else ()
            if any(
                k not in REASON_KEYS and not _empty(v) and not isinstance(v, Map)
                for k, (_, v) in inner
            ):
                return False
    return True


def _empty(node: Node) -> bool:
    return isinstance(node, Scalar) and node.value is None


def loads_dsanson(text: str, path: str = "<string>") -> Imported:
    """Read a dsanson/argmap YAML map; ``path`` names it in messages.

    Raises:
        MapLoadError: malformed YAML, a duplicate key, or a part of the wrong
            shape (a reason that is a text, a strength that is no number from 1
            to 5), with line and column.
    """
    try:
        root = compose(text, path)
    except YamlError as exc:
        raise MapLoadError([exc.finding]) from None
    b = MapBuilder(path)
    if not isinstance(root, Map) or not root.pairs:
        at = Position(path, root.line if root else 1, root.column if root else 1)
        b.error(at, "a dsanson/argmap map is a mapping of claims (claim text: its reasons)")
        b.fail_now()
    assert isinstance(root, Map)
    reader = _Reader(b)
    for key, (knode, reasons) in root.pairs.items():
        reader.claim(str(key), knode, reasons, {"kind": "thesis"})
    return b.build()


class _Reader:
    def __init__(self, b: MapBuilder):
        self.b = b
        self.count = 0

    def pos(self, node: Node) -> Position:
        return Position(self.b.path, node.line, node.column)

    def claim(self, key: str, knode: Scalar, reasons: Node, fields: ClaimFields) -> str:
        """Add the claim written ``key`` with its reasons; return its id."""
        self.count += 1
        cid = f"c{self.count}"
        text = key[1:] if key.startswith("-") else key
        if key.startswith("-"):
            fields = {**fields, "tags": (*fields.get("tags", ()), "implicit")}
        self.b.add_claim(cid, text, self.pos(knode), fields)
        if _empty(reasons):
            return cid
        if not isinstance(reasons, Map):
            self.b.error(self.pos(reasons), f"the reasons of claim {cid} must be a mapping")
            return cid
        for rkey, (rknode, reason) in reasons.pairs.items():
            if rkey == "note":
                self.b.note(self.pos(rknode), f"the note of claim {cid} is left out")
            else:
                self.reason(cid, str(rkey), rknode, reason)
        return cid

    def reason(self, cid: str, key: str, knode: Scalar, body: Node) -> None:
        at = self.pos(knode)
        if _empty(body):
            self.b.note(at, f"reason {key!r} of claim {cid} holds no claim: left out")
            return
        if not isinstance(body, Map):
            self.b.error(self.pos(body), f"reason {key!r} of claim {cid} must be a mapping")
            return
        tags = self._tags(cid, key, body)
        members = [
            self.claim(str(k), kn, v, {"tags": tags} if tags else {})
            for k, (kn, v) in body.pairs.items()
            if k not in REASON_KEYS
        ]
        if not members:
            self.b.note(at, f"reason {key!r} of claim {cid} holds no claim: left out")
        elif key.startswith(("o", "-")):
            if len(members) > 1:
                self.b.note(at, f"objection {key!r} of claim {cid}: each claim attacks it alone")
            for member in members:
                self.b.add_attack(member, cid, at)
        elif len(members) == 1:
            self.b.add_inference(members, cid, at)
        else:
            self.b.add_inference(members, cid, at, safe_id(f"{cid}/{key}"))

    def _tags(self, cid: str, key: str, body: Map) -> tuple[str, ...]:
        tags: list[str] = []
        label = body.pairs.get("label")
        if label is not None:
            value = label[1].value if isinstance(label[1], Scalar) else None
            if isinstance(value, str) and value.strip():
                tags.append(value.strip())
            else:
                self.b.error(self.pos(label[1]), f"label of reason {key!r} must be a text")
        strength = body.pairs.get("strength")
        if strength is not None:
            value = strength[1].value if isinstance(strength[1], Scalar) else None
            if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
                tags.append(f"strength {value}")
            else:
                message = f"strength of reason {key!r} of claim {cid} must be a whole number 1-5"
                self.b.error(self.pos(strength[1]), message)
        return tuple(tags)
