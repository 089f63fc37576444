"""Read GraphML back: what :mod:`argmap.io.graphml.writer` writes, also after an edit in yEd.

Data values are found by their key's ``attr.name`` (yEd renumbers key ids when
it saves). A node whose ``kind`` is ``inference`` is a junction; every other
node is a claim: its id is the ``claim`` value (else the node's id), its text
the ``text`` value, its kind, paragraphs (``para``, comma-separated), first
source, tags (``"; "``-separated) and score those values, and the ``argmap``
value (a JSON object) gives the exact ``tags`` and ``sources`` lists when
present. All are checked by the YAML loader's rules.

yEd edits: moved or resized nodes and changed colours change nothing. A claim
whose yEd label (``y:NodeLabel``; the caption line argmap wrote is skipped)
no longer says its text was edited in yEd: the label is taken as the text,
with an ``import-note`` (AM001). A node without argmap data (drawn in yEd) is a
claim with the node's id and its label as text, its kind guessed; an edge
without a ``relation`` is a support, or an attack when yEd draws it dashed
(both with a note). Edges: ``support`` claim → claim (a one-premise inference)
or junction → claim (the junction's conclusion); ``premise`` claim →
junction; ``attack`` claim → claim; ``undercut`` claim → junction. A junction
whose id is the shorthand ``"P -> C"`` of its one premise and conclusion is
that shorthand support, every other a linked inference with that id. A group
node's own box is left out (its nodes are read) with a note.

Malformed XML, an edge naming no node, an edge of a relation between the wrong
sorts of node and a claim without text are refused (exit 2) at the element's
line and column.
"""

from __future__ import annotations

import json

from argmap.io.builder import MapBuilder, MapMeta
from argmap.io.exchange import Imported
from argmap.io.graphml.parts import Junction, Parts, claim_body, node_label, relation_of
from argmap.io.graphml.writer import EXACT_FIELDS
from argmap.io.tree import depth, map_from_python, max_depth, too_deep
from argmap.io.xmltree import XmlElement, parse_xml
from argmap.model import Position, shorthand_inference_id


def loads_graphml(text: str, path: str = "<string>") -> Imported:
    """Read GraphML; ``path`` names it in messages.

    Raises:
        MapLoadError: malformed XML or a broken part (see the module docstring),
            with line and column.
    """
    root = parse_xml(text, path, "GraphML")
    b = MapBuilder(path)
    graph = next((c for c in root.children if c.local == "graph"), None)
    if root.local != "graphml" or graph is None:
        b.error(
            Position(path, root.line, root.column), "a GraphML file is <graphml> with a <graph>"
        )
        b.fail_now()
    assert graph is not None
    parts = Parts(b, root)
    for element in graph.iter():
        if element.local == "node":
            _node(parts, element)
    for element in graph.iter():
        if element.local == "edge":
            _edge(parts, element)
    b.fail_now()
    _inferences(parts)
    desc = next((c for c in graph.children if c.local == "desc"), None)
    title = b.title(" ".join(desc.text.split()), parts.pos(desc)) if desc is not None else None
    meta = _map_data(parts, graph)
    meta["title"] = title
    return b.build(**meta)


def _map_data(parts: Parts, graph: XmlElement) -> MapMeta:
    """The map fields in the graph's ``argmap`` data, checked by the YAML rules."""
    given = parts.data(graph).get("argmap")
    if given is None or not given[0].strip():
        return {}
    value, pos = _json_object(parts, given, "the graph's argmap data")
    if value is None:
        return {}
    return parts.b.map_meta(map_from_python(value, pos.line, pos.column), pos)


def _json_object(
    parts: Parts, given: tuple[str, Position], what: str
) -> tuple[dict[str, object] | None, Position]:
    try:
        value = json.loads(given[0])
    except RecursionError:
        parts.b.error(given[1], f"{what}: {too_deep(max_depth())}")
        return None, given[1]
    except ValueError:
        value = None
    if not isinstance(value, dict):
        parts.b.error(given[1], f"{what} is not a JSON object")
        return None, given[1]
    if depth(value) > max_depth():
        parts.b.error(given[1], f"{what}: {too_deep(max_depth())}")
        return None, given[1]
    return value, given[1]


def _node(parts: Parts, node: XmlElement) -> None:
    b, nid, pos = parts.b, node.attrib.get("id", ""), parts.pos(node)
    if nid in parts.seen:
        b.error(pos, f"node id {nid!r} is used twice: rename one")
        return
    parts.seen.add(nid)
    if any(c.local == "graph" for c in node.children):
        b.note(pos, f"group node {nid!r} is left out (the nodes inside it are read)")
        return
    data = parts.data(node)
    label = node_label(node)
    if data.get("kind", ("", pos))[0] == "inference":
        iid = (data.get("text") or data.get("label") or (nid, pos))[0]
        parts.junctions[nid] = Junction(iid, pos)
        return
    cid = data["claim"][0] if "claim" in data else nid
    if "text" not in data:
        b.note(pos, f"node {nid!r} has no argmap data: a claim with its label as text")
        text = " ".join(label.split()) if label else ""
    else:
        text = data["text"][0]
        edited = _edited(text, label)
        if edited is not None:
            b.note(pos, f"the yEd label of claim {cid} was edited: it is taken as the text")
            text = edited
    if not text.strip():
        b.error(pos, f"node {nid!r} has neither text nor label")
        return
    if cid in b.claims:
        b.error(pos, f"claim id {cid!r} is used twice (node {nid!r}): rename one")
        return
    parts.claims[nid] = cid
    b.add_claim(cid, text, pos, b.claim_fields(cid, claim_body(data, node), pos))
    exact = data.get("argmap")
    if exact is not None and exact[0]:
        _exact(parts, cid, exact)


def _edited(text: str, label: str | None) -> str | None:
    """The label's text when it no longer says ``text`` (the caption line skipped)."""
    if label is None:
        return None
    body = label.split("\n", 1)[1] if "\n" in label else ""
    if "".join(body.split()) == "".join(text.split()):  # the writer wraps the text
        return None
    whole = " ".join(label.split())
    if "".join(whole.split()) == "".join(text.split()):  # the caption line was removed
        return None
    return " ".join(body.split()) or whole


def _exact(parts: Parts, cid: str, exact: tuple[str, Position]) -> None:
    b = parts.b
    value, pos = _json_object(parts, exact, f"the argmap data of claim {cid}")
    if value is None:
        return
    fields = b.claims[cid]
    carried = {k: v for k, v in value.items() if k in EXACT_FIELDS}
    if carried:
        fields.update(b.claim_fields(cid, map_from_python(carried, pos.line, pos.column), pos))
    tags, sources = value.get("tags"), value.get("sources")
    if isinstance(tags, list) and all(isinstance(t, str) for t in tags):
        fields["tags"] = tuple(tags)
    if isinstance(sources, list) and sources and all(isinstance(s, str) for s in sources):
        fields["source"], fields["extra_sources"] = sources[0], tuple(sources[1:])


def _edge(parts: Parts, edge: XmlElement) -> None:
    b, pos = parts.b, parts.pos(edge)
    src, trg = edge.attrib.get("source", ""), edge.attrib.get("target", "")
    missing = [e for e in (src, trg) if e not in parts.claims and e not in parts.junctions]
    for end in missing:
        eid = edge.attrib.get("id", "")
        b.error(pos, f"edge {eid!r} names node {end!r}, which is no node (or no usable one)")
    if missing:
        return
    relation = relation_of(parts, edge)
    into = "junction" if trg in parts.junctions else "claim"
    outof = "junction" if src in parts.junctions else "claim"
    if (relation, outof, into) == ("support", "claim", "claim"):
        named = parts.data(edge).get("inference")
        iid = named[0] if named is not None and named[0].strip() else None
        b.add_inference([parts.claims[src]], parts.claims[trg], pos, iid)
    elif (relation, outof, into) == ("support", "junction", "claim"):
        parts.junctions[src].conclusion = parts.claims[trg]
    elif (relation, outof, into) == ("premise", "claim", "junction"):
        parts.junctions[trg].premises.append(parts.claims[src])
    elif (relation, outof, into) == ("attack", "claim", "claim"):
        b.add_attack(parts.claims[src], parts.claims[trg], pos)
    elif (relation, outof, into) == ("undercut", "claim", "junction"):
        parts.junctions[trg].undercuts.append((parts.claims[src], pos))
    else:
        b.error(pos, f"a {relation} edge cannot run from a {outof} to a {into}")


def _inferences(parts: Parts) -> None:
    b = parts.b
    for name, j in parts.junctions.items():
        if j.conclusion is None or not j.premises:
            b.note(j.pos, f"junction {name!r} ({j.iid}) lacks a premise or a conclusion: left out")
            continue
        one = len(j.premises) == 1
        if one and j.iid == shorthand_inference_id(j.premises[0], j.conclusion):
            iid = b.add_inference(j.premises, j.conclusion, j.pos)
        else:
            iid = b.add_inference(j.premises, j.conclusion, j.pos, j.iid)
        for attacker, pos in j.undercuts:
            b.add_undercut(attacker, iid, pos)
