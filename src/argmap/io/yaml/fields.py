"""Reading single values of a map: the shapes every field has, and the claim fields.

:class:`FieldReader` checks one node at a time (a string, a whole number, an id
or a list of ids, a mapping, a URL's scheme) and the fields of a claim
(``kind``, ``text``, ``para``, ``source``, ``tags``, ``score``, ``ignore``,
``span``, ``granted``, ``standard``, ``rephrases``), reporting every problem as an
``invalid-map`` (AM000) finding at the node's 1-based line and column.
:mod:`argmap.io.yaml.reader` builds the document's structure and references
on top of it; :class:`~argmap.io.builder.MapBuilder` uses it for the claim
fields that Argdown and AIF files carry as data.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypedDict

from argmap.findings import Finding, invalid
from argmap.io.exchange import CLAIM_FIELDS
from argmap.io.tree import Map, Node, Scalar, Seq, shape
from argmap.model import (
    KINDS,
    STANDARDS,
    Claim,
    Kind,
    Position,
    Standard,
    unshowable_character,
)
from argmap.util.suggest import did_you_mean
from argmap.util.urls import SAFE_SCHEMES, url_problem, url_scheme

#: Keys a claim may have in the YAML map, in the order the format lists them.
CLAIM_KEYS: tuple[str, ...] = ("kind", "text", "supports", "attacks", "undercuts")
CLAIM_KEYS += tuple(f for f in CLAIM_FIELDS if f != "extra_sources")  # sources: one key
_KIND_NAMES: dict[str, Kind] = {kind: kind for kind in KINDS}


class ClaimFields(TypedDict, total=False):
    """The fields a claim's body gives, as :class:`~argmap.model.Claim` takes them.

    Every key is optional (a field not given is absent); a claim needs
    ``kind`` and ``text``.
    """

    kind: Kind
    text: str
    para: tuple[int, ...]
    source: str | None
    tags: tuple[str, ...]
    score: float
    ignore: frozenset[str]
    span: tuple[int, int] | None
    granted: bool | None
    standard: Standard | None
    extra_sources: tuple[str, ...]
    rephrases: tuple[str, ...]


class FieldReader:
    """Checks values node by node, collecting problems in :attr:`errors`.

    Attributes:
        path: the file named in messages.
        errors: the ``invalid-map`` findings so far, in the order found.
    """

    def __init__(self, path: str):
        self.path = path
        self.errors: list[Finding] = []

    def loc(self, node: Node) -> Position:
        """The position of ``node`` in this file."""
        return Position(self.path, node.line, node.column)

    def error(self, node: Node | None, message: str) -> None:
        """Record a problem at ``node`` (line 1, column 1 when None)."""
        line, column = (node.line, node.column) if node is not None else (1, 1)
        self.errors.append(invalid(self.path, line, column, message))

    # -- generic shapes ---------------------------------------------------

    def keys(self, node: Map, allowed: tuple[str, ...], where: str) -> None:
        """Report every key of ``node`` not in ``allowed`` (with a suggestion)."""
        if _key_set(allowed).issuperset(node.pairs):
            return
        for key, (knode, _) in node.pairs.items():
            if key not in allowed:
                hint = did_you_mean(str(key), allowed) or f"; allowed keys: {', '.join(allowed)}"
                self.error(knode, f"unknown key {key!r} in {where}{hint}")

    def string(self, node: Node, what: str, *, empty_ok: bool = False) -> str | None:
        """The string ``node`` holds, or None (with an error) for anything else."""
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            shown = shape(node)
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
        """The ids ``node`` holds (one id, or a list of them) with their nodes."""
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
                self.error(item, f"{what} must be an id or a list of ids, not {shape(item)}")
        return out

    def integer(self, node: Node, what: str, minimum: int = 0) -> int | None:
        """The whole number ``node`` holds (at least ``minimum``), or None with an error."""
        value = node.value if isinstance(node, Scalar) else None
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            self.error(node, f"{what} must be a whole number ≥ {minimum}, not {shape(node)}")
            return None
        return value

    def boolean(self, node: Node, what: str) -> bool | None:
        """The ``true``/``false`` ``node`` holds, or None with an error."""
        value = node.value if isinstance(node, Scalar) else None
        if not isinstance(value, bool):
            self.error(node, f"{what} must be true or false, not {shape(node)}")
            return None
        return value

    def standard(self, node: Node, what: str) -> Standard | None:
        """The proof standard ``node`` names (:data:`~argmap.model.STANDARDS`), or None
        with an error (with a suggestion) for any other value."""
        name = self.string(node, what)
        if name is None:
            return None
        for known in STANDARDS:
            if name == known:
                return known
        hint = did_you_mean(name, STANDARDS) or ""
        self.error(
            node,
            f"unknown proof standard {name!r} for {what}{hint} (standards: "
            f"{', '.join(STANDARDS)})",
        )
        return None

    def mapping(self, node: Node, what: str) -> Map | None:
        """``node`` when it is a mapping, else None with an error."""
        if not isinstance(node, Map):
            self.error(node, f"{what} must be a mapping (key: value lines), not {shape(node)}")
            return None
        return node

    def check_scheme(self, node: Node, value: str, what: str) -> None:
        """Report a URL scheme other than http, https and mailto, and a URL that
        cannot be read as one (:func:`~argmap.util.urls.url_problem`: a malformed
        host, a host that changes under NFKC normalisation, a port out of range)."""
        scheme = url_scheme(value)
        if scheme is not None and scheme not in SAFE_SCHEMES:
            self.error(
                node,
                f"{what} uses the URL scheme '{scheme}:', which argmap refuses; "
                "use an http, https or mailto link, or a plain citation without a scheme",
            )
            return
        problem = url_problem(value)
        if problem is not None:
            self.error(
                node,
                f"{what} is not a usable URL: {problem}; "
                "correct the address, or write a plain citation without a scheme",
            )

    # -- claims -----------------------------------------------------------

    def claim_id(self, key: object, knode: Scalar) -> str | None:
        """The claim id a ``claims:`` key stands for, or None (with an error) if unusable."""
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

    def claim(self, cid: str, knode: Scalar, node: Node) -> Claim | None:
        """Claim ``cid`` from its body ``node``, or None when it has a problem.

        Relations (``supports``, ``attacks``, ``undercuts``) are left to the
        caller; every problem with the other fields is recorded.
        """
        body = self.mapping(node, f"claim {cid}")
        if body is None:
            return None
        pairs = body.pairs
        self.keys(body, CLAIM_KEYS, f"claim {cid}")
        fields: ClaimFields = {}
        readers = self._FIELD_READERS
        for key, (_, value) in pairs.items():
            reader = readers.get(key)
            if reader is not None:
                reader(self, cid, value, fields)
        if "kind" not in pairs or "text" not in pairs:
            for required in ("kind", "text"):
                if required not in pairs:
                    self.error(knode, f"claim {cid} has no '{required}:'; add one")
            return None
        if "kind" not in fields or "text" not in fields:
            return None
        return Claim(id=cid, loc=self.loc(knode), **fields)

    def claim_field(self, cid: str, key: object, node: Node, fields: ClaimFields) -> None:
        """Read field ``key`` of claim ``cid`` into ``fields`` (nothing for a relation key)."""
        reader = self._FIELD_READERS.get(key)
        if reader is not None:
            reader(self, cid, node, fields)

    def _kind(self, cid: str, node: Node, fields: ClaimFields) -> None:
        name = self.string(node, f"kind of claim {cid}")
        if name is None:
            return
        kind = _KIND_NAMES.get(name)
        if kind is None:
            hint = did_you_mean(name, KINDS) or ""
            self.error(
                node, f"unknown kind {name!r} for claim {cid}{hint} (kinds: {', '.join(KINDS)})"
            )
            return
        fields["kind"] = kind

    def _text(self, cid: str, node: Node, fields: ClaimFields) -> None:
        text = self.string(node, f"text of claim {cid}")
        if text is not None:
            fields["text"] = text

    def _para(self, cid: str, node: Node, fields: ClaimFields) -> None:
        items = node.items if isinstance(node, Seq) else [node]
        values = [self.integer(item, f"para of claim {cid}", minimum=1) for item in items]
        numbers = [v for v in values if v is not None]
        if len(numbers) == len(values):
            fields["para"] = tuple(numbers)

    def _claim_source(self, cid: str, node: Node, fields: ClaimFields) -> None:
        """``source:`` is one citation or URL, or a list of them (the first is ``source``,
        the rest ``extra_sources``); each is checked like a single source."""
        items = node.items if isinstance(node, Seq) else [node]
        if not items:
            self.error(node, f"source of claim {cid} is an empty list: give a source or omit it")
            return
        values = []
        for n, item in enumerate(items, 1):
            what = f"source of claim {cid}" if len(items) == 1 else f"source {n} of claim {cid}"
            value = self.string(item, what)
            if value is not None:
                self.check_scheme(item, value, f"the {what}")
                values.append(value)
        if len(values) == len(items):
            fields["source"] = values[0]
            if len(values) > 1:
                fields["extra_sources"] = tuple(values[1:])

    def _tags(self, cid: str, node: Node, fields: ClaimFields) -> None:
        tags = []
        for value, item in self.strings(node, f"tags of claim {cid}"):
            what = f"tag {value!r} of claim {cid}"
            if not value.strip():
                self.error(item, f"{what} is empty: write some text")
            elif self.showable(item, value, what):
                tags.append(value)
        fields["tags"] = tuple(tags)

    def _ignore(self, cid: str, node: Node, fields: ClaimFields) -> None:
        fields["ignore"] = frozenset(s for s, _ in self.strings(node, f"ignore of claim {cid}"))

    def _score(self, cid: str, node: Node, fields: ClaimFields) -> None:
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            self.error(
                node, f"score of claim {cid} must be a number from 0 to 1, not {shape(node)}"
            )
            return
        fields["score"] = float(value)

    def _span(self, cid: str, node: Node, fields: ClaimFields) -> None:
        items = node.items if isinstance(node, Seq) else []
        values = [self.integer(i, f"span of claim {cid}") for i in items]
        if len(values) == 2:
            start, end = values
            if start is not None and end is not None and start <= end:
                fields["span"] = (start, end)
                return
        self.error(node, f"span of claim {cid} must be [start, end] with 0 ≤ start ≤ end")

    def _granted(self, cid: str, node: Node, fields: ClaimFields) -> None:
        value = self.boolean(node, f"granted of claim {cid}")
        if value is not None:
            fields["granted"] = value

    def _standard(self, cid: str, node: Node, fields: ClaimFields) -> None:
        value = self.standard(node, f"claim {cid}")
        if value is not None:
            fields["standard"] = value

    def _rephrases(self, cid: str, node: Node, fields: ClaimFields) -> None:
        ids = []
        for target, item in self.strings(node, f"rephrases of claim {cid}", unique=True):
            if target == cid:
                self.error(item, f"claim {cid} rephrases itself: name another claim")
            else:
                ids.append(target)
        fields["rephrases"] = tuple(ids)

    _FIELD_READERS: dict[object, Callable[[FieldReader, str, Node, ClaimFields], None]] = {
        "kind": _kind,
        "text": _text,
        "para": _para,
        "source": _claim_source,
        "tags": _tags,
        "ignore": _ignore,
        "score": _score,
        "span": _span,
        "granted": _granted,
        "standard": _standard,
        "rephrases": _rephrases,
    }


@functools.cache
def _key_set(allowed: tuple[str, ...]) -> frozenset[str]:
    return frozenset(allowed)
