"""Read a Carneades argument graph (YAML, as carneades-4 writes and reads it).

The format (carneades-4, ``internal/engine/caes/encoding/yaml``; its examples in
``examples/AGs/YAML``): ``meta`` (``title`` …), ``statements`` (id → text, or
id → ``{text, assumed, label}``), ``issues`` (id → ``{positions: [ids],
standard: DV|PE|CCE|BRD}``), ``arguments`` (:mod:`argmap.io.carneades.arguments`),
``assumptions`` (a list of statement ids) and ``tests`` (or ``labels``):
``{in: [ids], out: [ids], undecided: [ids]}``, the labels the engine should give.

Reading:

* each statement is a claim (id and text kept; kinds guessed from the
  structure, :mod:`argmap.io.kinds`); an assumption (in ``assumptions`` or
  ``assumed: true``) is ``granted: true``, and the map reads with
  ``evaluation: {grant: assumptions}``, as Carneades does (a statement with no
  argument for it that is not assumed is out);
* the positions of an issue are alternatives: an argument for one is an
  argument against the others, so the claim that stands when it applies
  (:func:`~argmap.io.carneades.arguments.applies`) attacks them; an issue's
  ``standard`` becomes each position's ``standard`` (DV dialectical-validity,
  PE preponderance, CCE clear-and-convincing, BRD beyond-reasonable-doubt),
  PE when none is given, as in Carneades;
* ``tests``/``labels`` and a statement's ``label`` become
  ``evaluation: {expect: ...}``, which ``argmap evaluate`` checks;
* ``language``, ``argument_schemes``, ``issue_schemes`` (a theory from which
  the engine derives arguments), ``references`` and ``meta`` fields other
  than ``title`` are left out with an ``import-note``; other top-level keys too.

With a theory, an assumption naming no listed statement is added as a claim
and a test naming one is left out (both noted). A name Carneades refuses (a
premise, conclusion, position, assumption or test
naming no statement, a statement in two issues) is an error at its line and
column; YAML syntax errors too.
"""

from __future__ import annotations

from argmap.errors import MapLoadError
from argmap.io.carneades.arguments import applies, read_arguments
from argmap.io.carneades.nodes import Context
from argmap.io.detect import sniff
from argmap.io.exchange import Imported
from argmap.io.tree import Map, Node, Scalar, shape
from argmap.io.yaml.evaluation import EXPECT_KEYS
from argmap.io.yaml.parse import YamlError, compose
from argmap.model import EvaluationSettings, Expected, Standard

#: Carneades' proof standards (``caes.Standard``) by the names its YAML uses.
STANDARDS: dict[str, Standard] = {
    "dv": "dialectical-validity",
    "pe": "preponderance",
    "cce": "clear-and-convincing",
    "brd": "beyond-reasonable-doubt",
}
#: Top-level keys whose content argmap cannot apply (noted, left out).
THEORY = ("language", "argument_schemes", "issue_schemes", "references")


def looks_like_carneades(text: str) -> bool:
    """True when a text looks like a Carneades argument graph: top-level ``statements``
    with ``arguments``, ``issues``, ``meta``, ``tests`` or ``assumptions``
    (:func:`argmap.io.detect.sniff`, which routes ``.yaml`` files to this reader)."""
    return sniff(text) == "carneades"


def loads_carneades(text: str, path: str = "<string>") -> Imported:
    """Read a Carneades argument graph.

    Returns:
        The map (``evaluation: {grant: assumptions, expect: …}``) and notes.

    Raises:
        MapLoadError: a YAML error, or names that are no statements (each
            with line and column).
    """
    try:
        root = compose(text, path)
    except YamlError as exc:
        raise MapLoadError([exc.finding]) from None
    cx = Context(path)
    top = cx.mapping(root, "a Carneades argument graph") if root is not None else None
    if top is None:
        cx.b.error(cx.pos(root) if root else cx.pos(Scalar(None, 1, 1)), "no statements")
        cx.b.fail_now()
        return Imported(cx.b.build().map)  # pragma: no cover (fail_now raised)
    pairs = {str(k).lower(): v for k, v in top.pairs.items()}
    _left_out(cx, top)
    if "statements" in pairs:
        _statements(cx, pairs["statements"][1])
    if "arguments" in pairs:
        read_arguments(cx, pairs["arguments"][1])
    if "issues" in pairs:
        _issues(cx, pairs["issues"][1])
    cx.theory = any(key in pairs for key in THEORY[:3])
    if "assumptions" in pairs:
        _assumptions(cx, pairs["assumptions"][1])
    expect = _expect(cx, [pairs[k][1] for k in ("tests", "labels") if k in pairs])
    title = _title(cx, pairs.get("meta", pairs.get("metadata")))
    settings = EvaluationSettings(grant="assumptions", expect=tuple(expect))
    return cx.b.build(title=title, evaluation=settings)


def _assumptions(cx: Context, node: Node) -> None:
    """Mark each assumption granted. With a theory, an assumption may name a statement
    the file does not list (the engine adds it): it becomes a claim (noted)."""
    for name, item in cx.names(node, "an assumption"):
        if cx.theory and name not in cx.ids:
            cx.ids[name] = name.replace("->", "→")
            cx.b.add_claim(cx.ids[name], name, cx.pos(item))
            cx.b.note(cx.pos(item), f"the assumption {name!r} is no listed statement: added")
        cid = cx.statement(item, "the assumption")
        if cid is not None:
            cx.b.claims[cid]["granted"] = True


def _left_out(cx: Context, top: Map) -> None:
    known = ("meta", "metadata", "statements", "arguments", "issues", "assumptions")
    for key, (knode, _) in top.pairs.items():
        name = str(key).lower()
        if name in THEORY:
            cx.b.note(
                cx.pos(knode), f"'{key}' is left out: argmap reads the arguments written out"
            )
        elif name not in (*known, "tests", "labels"):
            cx.b.note(cx.pos(knode), f"the key {key!r} is not part of the format: left out")


def _title(cx: Context, entry: tuple[Scalar, Node] | None) -> str | None:
    if entry is None or not isinstance(entry[1], Map):
        return None
    title = None
    for key, (knode, value) in entry[1].pairs.items():
        if key == "title" and isinstance(value, Scalar) and isinstance(value.value, str):
            title = " ".join(value.value.split()) or None
        else:
            cx.b.note(cx.pos(knode), f"the meta field {key!r} is left out")
    return title


def _statements(cx: Context, node: Node) -> None:
    body = cx.mapping(node, "'statements'")
    for key, (knode, value) in body.pairs.items() if body is not None else ():
        sid, pos = str(key), cx.pos(knode)
        cid = sid.replace("->", "→")
        if cid != sid:
            cx.b.note(pos, f"statement {sid!r} is claim {cid!r} ('->' names inferences)")
        cx.ids[sid] = cid
        text, granted = _statement_body(cx, sid, value)
        if not text.strip():
            cx.b.note(pos, f"statement {sid} has no text: its id is its text")
            text = sid
        cx.b.add_claim(cid, text, pos, {"granted": True} if granted else {})


def _statement_body(cx: Context, sid: str, value: Node) -> tuple[str, bool]:
    """``(text, assumed)`` of a statement written as text or as a mapping."""
    if isinstance(value, Scalar):
        return ("" if value.value is None else str(value.value)), False
    body = cx.mapping(value, f"statement {sid}")
    if body is None:
        return "", False
    text, assumed = "", False
    for key, (knode, item) in body.pairs.items():
        name = str(key).lower()
        if name == "text" and isinstance(item, Scalar):
            text = "" if item.value is None else str(item.value)
        elif name == "assumed" and isinstance(item, Scalar):
            assumed = item.value is True or item.value == 1
        elif name not in ("label", "value"):
            cx.b.note(cx.pos(knode), f"the field {key!r} of statement {sid} is left out")
    return text, assumed


def _issues(cx: Context, node: Node) -> None:
    body = cx.mapping(node, "'issues'")
    taken: dict[str, str] = {}
    alternatives: list[list[str]] = []
    for key, (_, value) in body.pairs.items() if body is not None else ():
        issue = cx.mapping(value, f"issue {key}")
        if issue is None:
            continue
        standard = _standard(cx, str(key), issue.pairs.get("standard"))
        positions = []
        entry = issue.pairs.get("positions")
        for _, item in cx.names(entry[1], f"a position of issue {key}") if entry else ():
            cid = cx.statement(item, f"the position of issue {key}")
            if cid is not None and cid in taken:
                cx.b.error(
                    cx.pos(item), f"statement {cid} is a position of {taken[cid]} and {key}"
                )
            elif cid is not None:
                taken[cid] = str(key)
                positions.append(cid)
        for cid in positions:
            cx.b.claims[cid].setdefault("standard", standard or "preponderance")
        if len(positions) > 1:
            alternatives.append(positions)
    _con_arguments(cx, alternatives)


def _con_arguments(cx: Context, issues: list[list[str]]) -> None:
    """Each argument for a position is an argument against the issue's other positions
    (Carneades 4): the claim that stands when it applies attacks them."""
    others = {p: [o for o in positions if o != p] for positions in issues for p in positions}
    for arg in list(cx.arguments):
        if others.get(arg.conclusion):
            attacker = applies(cx, arg)
            for other in others[arg.conclusion]:
                cx.b.add_attack(attacker, other, arg.pos)


def _standard(cx: Context, issue: str, entry: tuple[Scalar, Node] | None) -> Standard | None:
    if entry is None:
        return None
    node = entry[1]
    if not isinstance(node, Scalar) or not isinstance(node.value, str):
        cx.b.error(
            cx.pos(node), f"the standard of issue {issue} is DV, PE, CCE or BRD, not {shape(node)}"
        )
        return None
    if node.value.lower() in STANDARDS:
        return STANDARDS[node.value.lower()]
    cx.b.error(cx.pos(node), f"unknown proof standard {node.value!r}: DV, PE, CCE or BRD")
    return None


def _expect(cx: Context, blocks: list[Node]) -> list[Expected]:
    """The labels of ``tests:``/``labels:`` blocks, each statement once."""
    out: dict[str, Expected] = {}
    for block in blocks:
        body = cx.mapping(block, "'tests'")
        for key, (knode, value) in body.pairs.items() if body is not None else ():
            label = EXPECT_KEYS.get(str(key).lower())
            if label is None:
                cx.b.note(cx.pos(knode), f"the test {key!r} is left out (in, out, undecided)")
                continue
            for name, item in cx.names(value, f"a statement under {key}"):
                if cx.theory and name not in cx.ids:
                    derived = "is derived by the theory, which argmap does not apply"
                    cx.b.note(cx.pos(item), f"the test of {name!r} is left out: it {derived}")
                    continue
                cid = cx.statement(item, "the tested statement")
                if cid is not None and cid in out:
                    cx.b.error(cx.pos(item), f"statement {cid} is tested twice")
                elif cid is not None:
                    out[cid] = Expected(cid, label, cx.pos(item))
    return list(out.values())
