"""Reading the map's ``evaluation:`` block: how ``argmap evaluate`` reads the map.

``evaluation: {grant: all|assumptions, standard: NAME, alpha: A, beta: B,
gamma: G, expect: {in: [IDS], out: [IDS], undecided: [IDS]}}``, every key
optional (``docs/format.md``, "Evaluation"; the definitions are in
:mod:`argmap.analysis.standards`). Problems are ``invalid-map`` findings at
the node's line and column.
"""

from __future__ import annotations

from argmap.io.tree import Node, Scalar, shape
from argmap.io.yaml.fields import FieldReader
from argmap.model import GRANTS, EvaluationSettings, Expected, Grant, Label
from argmap.util.suggest import did_you_mean

EVALUATION_KEYS = ("grant", "standard", "alpha", "beta", "gamma", "expect")
#: The keys of ``expect:`` and the labels they name (the words of Carneades' ``tests:``).
EXPECT_KEYS: dict[str, Label] = {"in": "IN", "out": "OUT", "undecided": "UNDEC"}


def read_evaluation(reader: FieldReader, entry: tuple[Scalar, Node] | None) -> EvaluationSettings:
    """The settings an ``evaluation:`` entry (key node, value node) gives.

    Returns:
        The defaults for what is not given or not valid (the problem is
        recorded on ``reader``); ``loc`` is the block's key.
    """
    if entry is None:
        return EvaluationSettings()
    node = reader.mapping(entry[1], "'evaluation'")
    if node is None:
        return EvaluationSettings()
    reader.keys(node, EVALUATION_KEYS, "'evaluation'")
    pairs = node.pairs
    given: dict[str, object] = {}
    if "grant" in pairs:
        grant = _grant(reader, pairs["grant"][1])
        if grant is not None:
            given["grant"] = grant
    if "standard" in pairs:
        standard = reader.standard(pairs["standard"][1], "the map ('evaluation')")
        if standard is not None:
            given["standard"] = standard
    for key in ("alpha", "beta", "gamma"):
        if key in pairs:
            value = _threshold(reader, pairs[key][1], key)
            if value is not None:
                given[key] = value
    if "expect" in pairs:
        given["expect"] = read_expect(reader, pairs["expect"][1])
    return EvaluationSettings(**given, loc=reader.loc(entry[0]))  # type: ignore[arg-type]


def read_expect(reader: FieldReader, node: Node) -> tuple[Expected, ...]:
    """The labels an ``expect:`` mapping (``in``/``out``/``undecided`` → claim ids) gives.

    An id listed twice is an error at its second place; whether each id names a
    claim is checked by the caller (:func:`unknown_expected`).
    """
    body = reader.mapping(node, "'expect'")
    if body is None:
        return ()
    reader.keys(body, tuple(EXPECT_KEYS), "'expect'")
    seen: set[str] = set()
    out: list[Expected] = []
    for key, label in EXPECT_KEYS.items():
        if key not in body.pairs:
            continue
        for cid, item in reader.strings(body.pairs[key][1], f"expect {key}"):
            if cid in seen:
                reader.error(item, f"claim {cid} is expected twice: keep one label")
                continue
            seen.add(cid)
            out.append(Expected(cid, label, reader.loc(item)))
    return tuple(out)


def unknown_expected(settings: EvaluationSettings, claims: object) -> list[Expected]:
    """The expectations of ``settings`` naming an id not in ``claims`` (a container)."""
    return [e for e in settings.expect if e.claim not in claims]  # type: ignore[operator]


def _grant(reader: FieldReader, node: Node) -> Grant | None:
    name = reader.string(node, "evaluation grant")
    if name is None:
        return None
    for known in GRANTS:
        if name == known:
            return known
    hint = did_you_mean(name, GRANTS) or ""
    reader.error(
        node,
        f"unknown evaluation grant {name!r}{hint}: 'all' grants every claim offered "
        "without reasons, 'assumptions' only those marked 'granted: true'",
    )
    return None


def _threshold(reader: FieldReader, node: Node, key: str) -> float | None:
    value = node.value if isinstance(node, Scalar) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        reader.error(node, f"evaluation {key} must be a number from 0 to 1, not {shape(node)}")
        return None
    return float(value)
