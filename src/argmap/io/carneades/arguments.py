"""Carneades arguments → argmap inferences and undercuts.

An argument ``{premises, conclusion, scheme, weight, undercutter}`` with
several premises becomes one inference with the argument's id, its premises
linked (Carneades' ``linked`` scheme, and the reading of any scheme argmap
cannot weigh); under the ``convergent`` scheme, one support per premise, each
of which suffices. A one-premise support is argmap's shorthand ``P -> C``
(``a1.1`` when another argument already is that very step). The
``undercutter`` statement undercuts the argument's inference(s). An argument
without premises is applicable unless undercut (Carneades 4), so it gets a
granted premise ``premise of a1`` of its own (an ``import-note`` says so).
Weights, other schemes and premise roles are left out with an
``import-note``; argmap weighs a reason by its premises'
scores.
"""

from __future__ import annotations

from argmap.io.carneades.nodes import Argument, Context
from argmap.io.tree import Map, Node, Scalar
from argmap.model import Position, shorthand_inference_id

#: Keys of an argument (Carneades 4, ``encoding/yaml``); the last three name the undercutter.
ARGUMENT_KEYS = (
    "conclusion",
    "premises",
    "scheme",
    "weight",
    "meta",
    "metadata",
    "undercutter",
    "nas",
    "not app statement",
)


def read_arguments(cx: Context, node: Node) -> None:
    """Add every argument of an ``arguments:`` mapping to ``cx.b``."""
    body = cx.mapping(node, "'arguments'")
    if body is None:
        return
    for key, (knode, value) in body.pairs.items():
        arg = cx.mapping(value, f"argument {key}")
        if arg is not None:
            _argument(cx, str(key), cx.pos(knode), arg)


def _inference_id(cx: Context, aid: str) -> str:
    return aid if aid not in cx.b.claims else f"argument {aid}"


def _argument(cx: Context, aid: str, pos: Position, arg: Map) -> None:
    pairs = arg.pairs
    for key, (knode, _) in pairs.items():
        if str(key).lower() not in ARGUMENT_KEYS:
            allowed = ", ".join(ARGUMENT_KEYS[:5] + ("undercutter",))
            cx.b.error(cx.pos(knode), f"unknown key {key!r} in argument {aid}; allowed: {allowed}")
    if "conclusion" not in pairs:
        cx.b.error(pos, f"argument {aid} has no conclusion")
        return
    conclusion = cx.statement(pairs["conclusion"][1], f"the conclusion of argument {aid}")
    premises = _premises(cx, aid, pairs.get("premises"))
    scheme = _scheme(cx, aid, pairs.get("scheme"))
    if "weight" in pairs:
        weight = pairs["weight"][1]
        shown = weight.value if isinstance(weight, Scalar) else "a structure"
        cx.b.note(cx.pos(weight), f"the weight {shown} of argument {aid} is left out")
    if conclusion is None or premises is None:
        return
    if not premises:
        premises = [_granted_premise(cx, aid, pos)]
    if scheme == "convergent" or len(premises) == 1:
        made = [_support(cx, aid, n, p, conclusion, pos) for n, p in enumerate(premises, 1)]
    else:
        made = [cx.b.add_inference(premises, conclusion, pos, _inference_id(cx, aid))]
    undercutter = next((pairs[k] for k in ARGUMENT_KEYS[-3:] if k in pairs), None)
    cut = None
    if undercutter is not None:
        cut = cx.statement(undercutter[1], f"the undercutter of argument {aid}")
        for inf in made if cut is not None else ():
            cx.b.add_undercut(cut, inf, cx.pos(undercutter[1]))  # type: ignore[arg-type]
    convergent = scheme == "convergent" and len(premises) > 1
    cx.arguments.append(Argument(aid, tuple(premises), conclusion, convergent, cut, pos))


def applies(cx: Context, arg: Argument) -> str:
    """A claim that stands exactly when ``arg`` is applicable (its premises stand, its
    undercutter does not): the premise of a one-premise argument without undercutter,
    else a claim ``a1 applies`` (noted) with the argument's own premises and undercutter."""
    if len(arg.premises) == 1 and arg.undercutter is None:
        return arg.premises[0]
    cid = f"{arg.id} applies"
    while cid in cx.b.claims:
        cid += "'"
    said = cx.b.claims[arg.conclusion].get("text", arg.conclusion).rstrip(".")
    text = f"Argument {arg.id} (for “{said}”) applies."
    cx.b.add_claim(cid, text, arg.pos)
    cx.b.note(arg.pos, f"claim {cid!r} stands for argument {arg.id} against the other positions")
    if arg.convergent:
        made = [_support(cx, cid, n, p, cid, arg.pos) for n, p in enumerate(arg.premises, 1)]
    elif len(arg.premises) == 1:
        made = [cx.b.add_inference(list(arg.premises), cid, arg.pos)]
    else:
        made = [cx.b.add_inference(list(arg.premises), cid, arg.pos, f"{cid} (reason)")]
    for inf in made if arg.undercutter is not None else ():
        cx.b.add_undercut(arg.undercutter, inf, arg.pos)  # type: ignore[arg-type]
    return cid


def _support(cx: Context, aid: str, n: int, premise: str, conclusion: str, pos: Position) -> str:
    """The one-premise support ``premise -> conclusion`` (argmap's shorthand), or an
    inference ``aid.n`` of its own when another argument already is that step."""
    if shorthand_inference_id(premise, conclusion) not in cx.b.inferences:
        return cx.b.add_inference([premise], conclusion, pos)
    return cx.b.add_inference([premise], conclusion, pos, f"{_inference_id(cx, aid)}.{n}")


def _granted_premise(cx: Context, aid: str, pos: Position) -> str:
    cid = f"premise of {aid}"
    while cid in cx.b.claims:
        cid += "'"
    text = f"Argument {aid} has no premises: it applies unless undercut."
    cx.b.add_claim(cid, text, pos, {"kind": "premise", "granted": True})
    cx.b.note(pos, f"argument {aid} has no premises: claim {cid!r} (granted) stands for them")
    return cid


def _premises(cx: Context, aid: str, entry: tuple[Scalar, Node] | None) -> list[str] | None:
    """The claim ids of the premises (a list, or a mapping role → statement); None after
    an error."""
    if entry is None:
        return []
    node = entry[1]
    if isinstance(node, Map):
        roles = [str(k) for k in node.pairs]
        cx.b.note(
            cx.pos(node), f"premise roles of argument {aid} ({', '.join(roles)}) are left out"
        )
        items: list[Node] = [value for _, value in node.pairs.values()]
    elif isinstance(node, Scalar) and node.value is None:
        return []
    else:
        items = [item for _, item in cx.names(node, f"a premise of argument {aid}")]
    ids = [cx.statement(item, f"a premise of argument {aid}") for item in items]
    return None if None in ids else [i for i in ids if i is not None]


def _scheme(cx: Context, aid: str, entry: tuple[Scalar, Node] | None) -> str:
    if entry is None:
        return "linked"
    name = cx.name(entry[1], f"the scheme of argument {aid}") or "linked"
    if name not in ("linked", "convergent"):
        cx.b.note(
            cx.pos(entry[1]),
            f"the scheme {name!r} of argument {aid} is not applied: read as linked premises",
        )
    return name
