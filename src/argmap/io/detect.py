"""Tell an argument file's format from its content.

File names say little: ``.json`` holds argmap's map, AIF, xAIF, SADFace or
arguebuf's graph; ``.yaml`` holds argmap's map or a Carneades argument graph;
``.txt`` a Kialo export or a Dung framework. :func:`sniff` looks at the
content (a JSON document's keys, a YAML document's top-level keys, the first
lines of a text) and names the format it looks like, among the formats argmap
reads and a few well-known ones it does not (:data:`FOREIGN`), so that a file
argmap cannot read gets "this looks like X" instead of a cascade of field
errors.

Every test takes time linear in the input: JSON is parsed once (the C
parser), YAML and text are scanned line by line, never parsed.

Signatures (the formats' own documentation):

- argmap JSON: an object with ``claims``.
- AIF (Chesñevar et al. 2006; AIFdb's JSON): ``nodes`` whose entries have
  ``nodeID``, and ``edges``; xAIF (OVA 3): an ``AIF`` object.
- SADFace (Wells, "SADFace", 2017+): ``nodes`` whose entries have
  ``type`` ``atom`` or ``scheme``, or ``metadata.core``.
- arguebuf's JSON graph: ``nodes`` and ``edges`` that are objects keyed by id,
  or its own keys (``majorClaim``, ``schemaVersion``, ``libraryVersion``,
  ``atoms``, ``schemes``).
- Carneades argument graphs in YAML (carneades-4): top-level ``statements``
  with ``arguments``, ``issues``, ``meta``, ``tests`` or ``assumptions``.
- Kialo export: first line ``Discussion Title:``.
- Dung frameworks: ASPARTIX APX (``arg(a).`` / ``att(a,b).``), ICCMA'23
  (``p af N``), TGF (node lines, ``#``, edge lines).
- XML: GraphML (``<graphml``), the microtext corpus's ``<arggraph``,
  Araucaria's AML (``<ARG``), SVG.
- Markdown with a fenced ```` ```argdown ```` block: Argdown.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator

from argmap.io.yaml.reader import TOP_KEYS

#: Formats argmap recognises but does not read: name -> what to call it.
FOREIGN: dict[str, str] = {
    "arguebuf": "arguebuf's JSON graph",
    "aml": "Araucaria's AML (XML)",
    "svg": "an SVG picture",
    "dot": "a Graphviz DOT graph",
    "mermaid": "a Mermaid diagram",
    "json-other": "a JSON document of no argument format argmap knows",
    "yaml-other": "a YAML document of no argument format argmap knows",
}

#: How each readable format is called in messages.
NAMES: dict[str, str] = {
    "argmap": "argmap's YAML map",
    "json": "argmap's JSON map",
    "aif": "AIF JSON",
    "xaif": "xAIF (OVA 3) JSON",
    "sadface": "SADFace JSON",
    "carneades": "a Carneades argument graph (YAML)",
    "dsanson": "a dsanson/argmap YAML map",
    "kialo": "a Kialo text export",
    "apx": "an ASPARTIX (APX) Dung framework",
    "tgf": "a Trivial Graph Format (TGF) Dung framework",
    "iccma": "an ICCMA'23 Dung framework",
    "graphml": "GraphML",
    "arggraph": "an arggraph XML file (argumentative microtext corpus)",
    "argdown": "Argdown",
    "argdown-md": "Markdown with Argdown blocks",
}

_HEAD_LINES = 200
#: The first line of a Kialo export (its title in group 1).
KIALO_TITLE = re.compile(r"Discussion (?:Title|Name):[ \t]*(.*)")
#: Keys only arguebuf's graphs have (its protobuf schema, and its older atoms/schemes form).
_ARGUEBUF_KEYS = frozenset({"majorClaim", "schemaVersion", "libraryVersion", "atoms", "schemes"})
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)", re.MULTILINE)
_APX = re.compile(r"(?:arg|att)\s*\(")
_ICCMA = re.compile(r"p[ \t]+af[ \t]+\d+\s*$")


def describe(name: str) -> str:
    """How format ``name`` (a reader's or a :data:`FOREIGN` name) is called in messages."""
    return NAMES.get(name) or FOREIGN.get(name) or name


def sniff(text: str) -> str | None:
    """The format ``text`` looks like, or None when nothing tells.

    Returns:
        A name of :data:`NAMES` (``xaif`` is AIF that argmap reads with its AIF
        reader) or of :data:`FOREIGN`.
    """
    body = text.lstrip("\ufeff").lstrip()
    if not body:
        return None  # blank, whatever the whitespace
    if body[0] in "{[":
        return _sniff_json(body)
    if body[0] == "<":
        return _sniff_xml(body)
    return _sniff_text(body)


def _sniff_json(body: str) -> str | None:
    from argmap.io.sadface.reader import sadface_shaped

    try:
        doc = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict):
        return "json-other"
    if "claims" in doc:
        return "json"
    if isinstance(doc.get("AIF"), dict):
        return "xaif"
    nodes, edges = doc.get("nodes"), doc.get("edges")
    if (isinstance(nodes, dict) and isinstance(edges, dict)) or _ARGUEBUF_KEYS & set(doc):
        return "arguebuf"
    if sadface_shaped(doc):
        return "sadface"
    if isinstance(nodes, list) and isinstance(edges, list):
        return "aif"
    return "json-other"


def _sniff_xml(body: str) -> str | None:
    head = body[:4096]
    for tag, name in (("<graphml", "graphml"), ("<arggraph", "arggraph"), ("<svg", "svg")):
        if tag in head:
            return name
    if re.search(r"<(?:!DOCTYPE\s+)?ARG\b", head):
        return "aml"
    return None


def _lines(body: str) -> Iterator[str]:
    """The first non-blank lines of ``body`` (:data:`_HEAD_LINES` at most), right-stripped."""
    count = 0
    start = 0
    while count < _HEAD_LINES and start < len(body):
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        line = body[start:end].rstrip()
        start = end + 1
        if line:
            count += 1
            yield line


def _sniff_text(body: str) -> str | None:
    """First-line signatures, then argmap's ``claims:`` key, then an Argdown fence
    (which may sit inside another format's text), then the other YAML dialects."""
    lines = list(_lines(body))
    if not lines:
        return None
    first = lines[0].lstrip()
    if KIALO_TITLE.match(first):
        return "kialo"
    if re.match(r"(?:strict[ \t]+)?(?:di)?graph\b[^\n]*\{", first):
        return "dot"
    if re.match(r"(?:flowchart|graph)[ \t]+(?:TB|TD|BT|RL|LR)\b", first):
        return "mermaid"
    facts = [ln for ln in lines if not ln.lstrip().startswith("%")]
    if facts and all(_APX.match(ln.lstrip()) for ln in facts[:20]):
        return "apx"
    if _ICCMA.match(first):
        return "iccma"
    if _looks_like_tgf(lines):
        return "tgf"
    keys = {m.group(1) for m in _KEY.finditer(body)}
    if "claims" in keys:
        return "argmap"
    from argmap.io.argdown.markdown import has_argdown_fence  # past argmap's own maps only

    if has_argdown_fence(body):
        return "argdown-md"
    return _sniff_yaml(body, keys)


def _looks_like_tgf(lines: list[str]) -> bool:
    """Node lines (``id`` and an optional label), one ``#`` line, edge lines (``a b``)."""
    if "#" not in lines:
        return False
    cut = lines.index("#")
    nodes = {ln.split(maxsplit=1)[0] for ln in lines[:cut]}
    edges = [ln.split() for ln in lines[cut + 1 :]]
    return bool(nodes) and all(len(e) >= 2 and e[0] in nodes and e[1] in nodes for e in edges)


def _sniff_yaml(body: str, keys: set[str]) -> str | None:
    """By the top-level ``keys`` (``key:`` at the start of a line, anywhere in ``body``)."""
    if "statements" in keys and keys & {"arguments", "issues", "meta", "tests", "assumptions"}:
        return "carneades"
    if any(difflib.get_close_matches(k, TOP_KEYS, n=1, cutoff=0.75) for k in keys):
        return "argmap"  # a map with a misspelt key: the YAML reader says which
    from argmap.io.dsanson import looks_like_dsanson

    if looks_like_dsanson(body):
        return "dsanson"
    if keys:
        return "yaml-other"
    return None
