"""Reading a grading rubric and a teacher's pairs file (docs/grading.md).

A rubric is a model map's top-level ``grading:`` block or a small YAML file
holding the same block (``--rubric``)::

    grading:
      weights: {claims: 30, relations: 35, kinds: 10, thesis: 10, objections: 10, findings: 5}
      threshold: 0.3
      finding_penalty: 0.25

(a rubric file may also leave out the ``grading:`` line). A pairs file pins
and forbids pairs of claims (``pin``, ``forbid``, and ``files`` for one
student file). Every problem is an ``invalid-map`` finding with its line and
column; the readers return plain values, which the grading code turns into
its own types.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import MapLoadError
from argmap.findings import Finding, invalid
from argmap.io.tree import Map, Node, Scalar, Seq
from argmap.io.yaml.fields import FieldReader
from argmap.io.yaml.parse import YamlError, compose
from argmap.model import Position
from argmap.util.files import read_text

#: The parts of the rubric, in output order.
PARTS = ("claims", "relations", "kinds", "thesis", "objections", "findings")
RUBRIC_KEYS = ("weights", "threshold", "finding_penalty")
PAIRS_KEYS = ("pin", "forbid", "files")


def _number(reader: FieldReader, node: Node, what: str, low: float, high: float | None) -> float:
    value = node.value if isinstance(node, Scalar) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        if low <= float(value) and (high is None or float(value) <= high):
            return float(value)
    bound = f"between {low:g} and {high:g}" if high is not None else f"≥ {low:g}"
    reader.error(node, f"{what} must be a number {bound}")
    return 0.0


def read_rubric(reader: FieldReader, node: Node) -> dict[str, object]:
    """The ``grading:`` block at ``node``: ``{"weights": {part: float}, "threshold":
    float, "finding_penalty": float}`` with only the keys given; problems go to
    ``reader.errors`` (unknown keys, negative weights, all weights 0, values
    out of range)."""
    top = reader.mapping(node, "'grading'")
    if top is None:
        return {}
    reader.keys(top, RUBRIC_KEYS, "'grading'")
    out: dict[str, object] = {}
    entry = top.pairs.get("weights")
    if entry is not None:
        weights_node = reader.mapping(entry[1], "'grading: weights'")
        if weights_node is not None:
            reader.keys(weights_node, PARTS, "'grading: weights'")
            weights = {
                str(k): _number(reader, v, f"the weight of {k!r}", 0.0, None)
                for k, (_, v) in weights_node.pairs.items()
                if k in PARTS
            }
            out["weights"] = weights
            if len(weights) == len(PARTS) and not any(weights.values()):
                reader.error(weights_node, "every weight is 0: give one part a weight above 0")
    for key in ("threshold", "finding_penalty"):
        entry = top.pairs.get(key)
        if entry is not None:
            low = 0.01 if key == "threshold" else 0.0
            out[key] = _number(reader, entry[1], f"'{key}'", low, 1.0)
    return out


def _file_root(path: str | Path) -> tuple[FieldReader, Map | None]:
    reader = FieldReader(str(path))
    try:
        root = compose(read_text(path), str(path))
    except YamlError as exc:
        raise MapLoadError([exc.finding]) from None
    if root is None:
        reader.error(None, "the file is empty")
        return reader, None
    return reader, reader.mapping(root, "the file")


def load_rubric(path: str | Path) -> dict[str, object]:
    """A rubric file (see the module docstring) as :func:`read_rubric` returns it.

    Raises:
        MapLoadError: the file is unreadable or invalid (every problem, with line and column).
    """
    reader, top = _file_root(path)
    rubric: dict[str, object] = {}
    if top is not None:
        entry = top.pairs.get("grading")
        rubric = read_rubric(
            reader, entry[1] if entry is not None and len(top.pairs) == 1 else top
        )
    if reader.errors:
        raise MapLoadError(sorted(reader.errors))
    return rubric


@dataclass(frozen=True)
class PairRule:
    """One line of a pairs file: pin (or forbid) ``student`` ↔ ``model``.

    Attributes:
        file: the student file name it is for (None: every student).
        loc: where it is written (for errors about unknown model ids).
    """

    student: str
    model: str
    pin: bool
    file: str | None
    loc: Position


def _id(reader: FieldReader, node: Node, what: str) -> str | None:
    value = node.value if isinstance(node, Scalar) else None
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value)
    reader.error(node, f"{what} must be a claim id")
    return None


def _rules(reader: FieldReader, top: Map, file: str | None) -> list[PairRule]:
    reader.keys(top, PAIRS_KEYS if file is None else PAIRS_KEYS[:2], "the pairs")
    out: list[PairRule] = []
    pin = top.pairs.get("pin")
    pins = reader.mapping(pin[1], "'pin'") if pin is not None else None
    for _key, (knode, vnode) in pins.pairs.items() if pins is not None else ():
        student, model = _id(reader, knode, "a student claim"), _id(reader, vnode, "a model claim")
        if student and model:
            out.append(PairRule(student, model, True, file, reader.loc(vnode)))
    forbid = top.pairs.get("forbid")
    items = forbid[1].items if forbid is not None and isinstance(forbid[1], Seq) else []
    if forbid is not None and not isinstance(forbid[1], Seq):
        reader.error(forbid[1], "'forbid' must be a list of [student id, model id] pairs")
    for item in items:
        if not isinstance(item, Seq) or len(item.items) != 2:
            reader.error(item, "each 'forbid' entry must be a pair: [student id, model id]")
            continue
        student, model = (_id(reader, n, "a claim") for n in item.items)
        if student and model:
            out.append(PairRule(student, model, False, file, reader.loc(item.items[1])))
    return out


def load_pairs(path: str | Path) -> tuple[PairRule, ...]:
    """A pairs file's rules, in file order.

    Raises:
        MapLoadError: the file is unreadable or invalid (every problem, with line and column).
    """
    reader, top = _file_root(path)
    rules: list[PairRule] = []
    if top is not None:
        rules = _rules(reader, top, None)
        files = top.pairs.get("files")
        per_file = reader.mapping(files[1], "'files'") if files is not None else None
        for name, (_, node) in per_file.pairs.items() if per_file is not None else ():
            block = reader.mapping(node, f"'files: {name}'")
            if block is not None:
                rules += _rules(reader, block, str(name))
    if reader.errors:
        raise MapLoadError(sorted(reader.errors))
    clashes = _clashes(rules)
    if clashes:
        raise MapLoadError(clashes)
    return tuple(rules)


def _clashes(rules: list[PairRule]) -> list[Finding]:
    """Rules that contradict each other for some student file (the rules for every
    file together with those for one file, whose pin replaces a pin of the same
    student claim): a pair both pinned and forbidden, a model claim pinned to two
    student claims. One finding per rule at fault, at its line and column; time
    linear in the rules (each file's rules are checked against the shared ones)."""
    found: dict[tuple[int, int, str], Finding] = {}
    shared = [r for r in rules if r.file is None]
    pins = {r.student: r for r in shared if r.pin}
    owners: dict[str, list[PairRule]] = {}
    for rule in pins.values():
        owners.setdefault(rule.model, []).append(rule)
    forbidden = {(r.student, r.model) for r in shared if not r.pin}
    _check(found, {}, {}, forbidden, list(pins.values()))
    for name in sorted({r.file for r in rules if r.file is not None}):
        own = [r for r in rules if r.file == name]
        mine = {r.student: r for r in own if r.pin}
        more = forbidden | {(r.student, r.model) for r in own if not r.pin}
        _check(found, mine, owners, more, list(mine.values()))
        for rule in own:
            pinned = mine.get(rule.student) or pins.get(rule.student)
            if not rule.pin and pinned is not None and pinned.model == rule.model:
                _add(found, rule, f"{rule.student} ↔ {rule.model} is both pinned and forbidden")
    return [found[k] for k in sorted(found)]


def _check(
    found: dict[tuple[int, int, str], Finding],
    own: dict[str, PairRule],
    owners: dict[str, list[PairRule]],
    forbidden: set[tuple[str, str]],
    todo: list[PairRule],
) -> None:
    """Each pin of ``todo`` against the forbidden pairs, the pins before it and the
    shared pins of its model claim (``owners``) that ``own`` (a file's pins) leaves."""
    taken: dict[str, PairRule] = {}
    for rule in todo:
        if (rule.student, rule.model) in forbidden:
            _add(found, rule, f"{rule.student} ↔ {rule.model} is both pinned and forbidden")
            continue
        rivals = (r for r in owners.get(rule.model, ()) if r.student not in own)
        other = taken.get(rule.model) or next((r for r in rivals if r is not rule), None)
        if other is not None and other.student != rule.student:
            _add(
                found,
                rule,
                f"model claim {rule.model!r} is pinned to {other.student!r} "
                f"and {rule.student!r}: pin it to one student claim",
            )
        taken.setdefault(rule.model, rule)


def _add(found: dict[tuple[int, int, str], Finding], rule: PairRule, why: str) -> None:
    if "forbidden" in why:
        why += ": keep one"
    loc = rule.loc
    found[(loc.line, loc.column, why)] = invalid(loc.file, loc.line, loc.column, why)
