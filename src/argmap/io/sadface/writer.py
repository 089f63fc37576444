"""Writing SADFace JSON (:func:`dump_sadface`).

Every claim is an atom, every inference a ``support`` scheme (premises →
scheme → conclusion), every attack a ``conflict`` scheme (attacker → scheme →
target), every undercut a ``conflict`` scheme aimed at the inference's
scheme, every rephrase a ``rephrase`` scheme (the claim rephrased → scheme →
the claim rephrasing it; a name other SADFace tools show but do not
interpret). The first thesis is the document's ``claim``, the map's title its
``title``. argmap's own data travels in ``argmap`` metadata blocks: the
claim's id, kind and optional fields on each atom, the inference's id and
whether it is linked on each support scheme, and the map's title, source and
settings on the document, so argmap → SADFace → argmap loses nothing but
incomplete inferences (:func:`~argmap.model.complete_parts`).

Deterministic: ids are UUIDs (version 4 in form, as SADFace's validator
wants) made from a hash of what each element is (``claim:T1``,
``inference:T1``, ``edge:7``), and no dates are written (SADFace's
``created`` and ``edited`` are left out).
"""

from __future__ import annotations

import hashlib
import json
import uuid

from argmap.io.builder import DATA_KEYS
from argmap.io.exchange import Exported
from argmap.io.mapdata import claim_dicts, map_to_dict
from argmap.model import ArgumentMap, complete_parts

#: The SADFace version the output follows.
VERSION = "0.5"


def stable_uuid(key: str) -> str:
    """A UUID in version-4 form derived from ``key`` (SHA-256), the same on every run."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


class _Doc:
    """Nodes and edges being written."""

    def __init__(self) -> None:
        self.nodes: list[dict[str, object]] = []
        self.edges: list[dict[str, object]] = []

    def scheme(self, key: str, name: str, extra: dict[str, object]) -> str:
        sid = stable_uuid(f"{name}:{key}")
        meta: dict[str, object] = {"core": {}, **({"argmap": extra} if extra else {})}
        self.nodes.append({"id": sid, "type": "scheme", "name": name, "metadata": meta})
        return sid

    def edge(self, source: str, target: str) -> None:
        eid = stable_uuid(f"edge:{len(self.edges)}")
        self.edges.append({"id": eid, "source_id": source, "target_id": target})

    def between(self, key: str, name: str, source: str, target: str) -> None:
        sid = self.scheme(key, name, {})
        self.edge(source, sid)
        self.edge(sid, target)


def dump_sadface(amap: ArgumentMap) -> Exported:
    """The map as a SADFace document (see the module docstring); ``lost`` lists
    the incomplete inferences and their undercuts, which cannot be written."""
    infs, unds, lost = complete_parts(amap)
    doc, out = map_to_dict(amap), _Doc()
    atoms = {}
    for cid, body in claim_dicts(amap).items():
        atoms[cid] = stable_uuid(f"claim:{cid}")
        keys = (k for k in DATA_KEYS if k != "rephrases")
        extra = {"id": cid, **{k: body[k] for k in keys if k in body}}
        out.nodes.append(
            {
                "id": atoms[cid],
                "type": "atom",
                "text": body["text"],
                "sources": [],
                "metadata": {"core": {}, "argmap": extra},
            }
        )
    schemes = {}
    for inf in infs:
        schemes[inf.id] = out.scheme(inf.id, "support", {"id": inf.id, "linked": inf.linked})
        for premise in inf.premises:
            out.edge(atoms[premise], schemes[inf.id])
        out.edge(schemes[inf.id], atoms[inf.conclusion])
    for att in amap.attacks:
        out.between(
            f"{att.attacker}>{att.target}", "conflict", atoms[att.attacker], atoms[att.target]
        )
    for und in unds:
        key = f"{und.attacker}>{und.inference}"
        out.between(key, "conflict", atoms[und.attacker], schemes[und.inference])
    for claim in amap.claims.values():
        for other in claim.rephrases:
            if other in atoms:
                out.between(f"{claim.id}={other}", "rephrase", atoms[other], atoms[claim.id])
    return Exported(_document(amap, doc, atoms, out), tuple(lost))


def _document(amap: ArgumentMap, doc: dict[str, object], atoms: dict[str, str], out: _Doc) -> str:
    core: dict[str, object] = {
        "version": VERSION,
        "id": stable_uuid("document:" + "\n".join(amap.claims)),
        "analyst_name": "",
        "analyst_email": "",
    }
    if amap.title is not None:
        core["title"] = amap.title
    thesis = next((c.id for c in amap.claims.values() if c.kind == "thesis"), None)
    if thesis is not None:
        core["claim"] = atoms[thesis]
    metadata: dict[str, object] = {"core": core}
    meta = {k: v for k, v in doc.items() if k not in ("claims", "inferences")}
    if meta:
        metadata["argmap"] = {"version": 1, **meta}
    result = {"metadata": metadata, "resources": [], "nodes": out.nodes, "edges": out.edges}
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
