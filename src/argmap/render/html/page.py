"""The interactive HTML page of a map: one self-contained file.

The page holds the diagram's SVG inline, the map's data as JSON in a
``<script type="application/json">`` block, and a small script and style sheet
shipped as package data (``argmap/render/html/assets/``). Nothing is loaded from
elsewhere, so the file works offline, from a USB stick or as an e-mail
attachment. A Content-Security-Policy lets only that one script run (by its
SHA-256 hash), so even markup that slipped into the page could not run code.

Escaping: every map text written as HTML goes through :func:`html.escape`;
the JSON block has ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX``
escapes so that no claim text can end the script element (HTML Standard,
"Restrictions for contents of script elements"); the script builds its DOM with
``textContent`` only.

The diagram is the finished SVG of :func:`argmap.render.pipeline.render_svg`
(same theme, tooltips, links, accessible title and outline, and per-map id
prefix as ``render -o map.svg``). The page's script finds a claim's shape by
its element id: the JSON gives the prefix (``"bike-"``), each claim's node
name (``n0``) and each relation's junction (``j0``), both from the same
:func:`argmap.diagram.diagram` the SVG is drawn from, and each edge's id with
its two ends (``e0`` from ``n1`` to ``n0``), read from the same
:func:`~argmap.render.dot.build_diagram`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from html import escape
from importlib.resources import files
from string import Template
from typing import Any

from argmap.diagram import Diagram, diagram
from argmap.findings import Finding, plain_words
from argmap.model import KINDS, ArgumentMap, Claim, MapSource
from argmap.render.budget import Deadline
from argmap.render.dot import RenderOptions, build_diagram
from argmap.render.graphviz import DEFAULT_TIMEOUT
from argmap.render.html.parts import filters_html, findings_html, outline_html
from argmap.render.labels import xml_safe
from argmap.render.outline import outline
from argmap.render.pipeline import map_prefix, render_svg
from argmap.render.svg import clean_svg
from argmap.util.urls import url_problem, url_scheme

_ASSETS = files("argmap.render.html") / "assets"
_SAFE_HREF = re.compile(r"^(https?|mailto):", re.I)
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
HINT = (
    "Click a claim in the diagram, the outline or the findings: it and every claim that "
    "argues about it, directly or through others, stay lit; the rest dims."
)


def diagram_svg(
    amap: ArgumentMap,
    findings: Sequence[Finding],
    opts: RenderOptions,
    map_id: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    engine: str = "dot",
    deadline: Deadline | None = None,
) -> bytes:
    """The diagram as finished SVG bytes: the one place the page asks for the SVG
    pipeline (:func:`argmap.render.pipeline.render_svg`, element ids prefixed
    with :func:`~argmap.render.pipeline.map_prefix` of the map and ``map_id``).

    Raises:
        GraphvizNotFound, LayoutTimeout, RenderError: as :func:`render_svg`.
    """
    return render_svg(
        amap, findings, opts, map_id, timeout=timeout, engine=engine, deadline=deadline
    )


def page_title(amap: ArgumentMap) -> str:
    """The page's title: the map's, else its name (the file name, whose bytes that
    are not UTF-8 become U+FFFD, as every character XML cannot hold)."""
    return xml_safe(amap.title or amap.name)


def script_json(data: object) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    Keys sorted, no spaces; ``<``, ``>``, ``&``, U+2028 and U+2029 escaped as
    ``\\u003c`` … so neither ``</script>`` nor ``<!--`` can appear.
    ``JSON.parse`` gives back exactly ``data``.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


def inline_svg(svg: bytes) -> str:
    """An SVG (finished or straight from Graphviz) made ready to sit inside HTML.

    Drops the XML declaration (and any comment or DOCTYPE), and gives the root
    ``<svg>`` width and height of 100% (dropping its own width, height and
    style) so the page's viewport sizes it; the ``viewBox`` and every other
    attribute are kept (the script pans and zooms by changing the viewBox).

    Raises:
        ValueError: ``svg`` has no ``<svg>`` element.
    """
    text = clean_svg(svg).decode("utf-8")
    text = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", text)
    match = re.search(r"<svg\b[^>]*>", text)
    if match is None:
        raise ValueError("no <svg> element in the diagram")
    tag = re.sub(r'\s(?:width|height|style)="[^"]*"', "", match.group(0))
    sized = '<svg width="100%" height="100%" preserveAspectRatio="xMidYMid meet"'
    tag = tag.replace("<svg", sized, 1)
    return text[: match.start()] + tag + text[match.end() :]


def safe_href(url: str | None) -> str | None:
    """``url`` when it is a usable http, https or mailto URL, else None (never a
    ``javascript:`` link, nor one :func:`~argmap.util.urls.url_problem` refuses)."""
    return url if url and _SAFE_HREF.match(url.strip()) and url_problem(url) is None else None


def page_data(
    amap: ArgumentMap,
    findings: Iterable[Finding],
    opts: RenderOptions,
    map_id: str | None = None,
    edges: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The map's data as the page's script reads it (JSON-ready, deterministic).

    Shape: ``{"title", "hint", "prefix", "claims": [{"id", "kind", "label",
    "text", "para", "source", "href", "page", "badge", "tags", "node", "fold",
    "findings", "words"}], "relations": [{"from", "to", "type", "inference",
    "junction"}], "edges": [{"id", "from", "to"}]}``.

    ``prefix`` is the SVG's element id prefix (:func:`~argmap.render.pipeline.map_prefix`
    of ``map_id``, default the map's name and a digest of its content): the
    shape of node ``n0`` is the element with id ``prefix + "n0"``. ``claims``
    are in file order; ``node`` is the claim's node name, ``fold`` the node
    name of its "+N claims" box (``--collapse``, ``--split``) or None, ``page``
    the relative link to its own page (``--split``) or None, ``badge`` its
    ``--color-by`` label or "", ``findings`` its finding codes and ``words``
    the same in plain words (:func:`argmap.findings.plain_words`); ``more``
    (claims with several sources only): see :func:`_claim_data`.
    ``relations`` run from the arguing claim to the claim argued about
    (``type`` ``support``, ``attack`` or ``undercut``; an undercut points at
    the conclusion of the inference it undercuts) and ``junction`` names the
    inference's junction dot, if drawn. ``edges`` are the diagram's lines,
    by element id (before the prefix) with the node names of their ends;
    ``edges`` gives them for a diagram drawn otherwise (the column layout),
    the lines from a fold's node (``f…``) telling the folds.
    """
    findings = list(findings)
    shape = diagram(amap, partial=True)
    if edges is None:
        edges, folds = _edges(amap, findings, opts)
    else:
        folds = {e["to"]: e["from"] for e in edges if e["from"].startswith("f")}
    codes = claim_codes(findings)
    claims = [
        _claim_data(claim, name, opts, folds.get(name), codes.get(claim.id, []))
        for name, claim in shape.claims
    ]
    return {
        "title": page_title(amap),
        "hint": HINT,
        "prefix": map_prefix(amap, map_id, findings if opts.show_findings else ()),
        "claims": claims,
        "relations": _relations(shape),
        "edges": edges,
    }


def _claim_data(
    claim: Claim, node: str, opts: RenderOptions, fold: str | None, codes: list[str]
) -> dict[str, Any]:
    """One entry of the page data's ``claims`` (see :func:`page_data`); a claim with
    more than one source also has ``more``: ``[[source, href or None], …]`` for
    every source after the first."""
    data: dict[str, Any] = {
        "id": claim.id,
        "kind": claim.kind,
        "label": opts.theme.kinds[claim.kind].label.title(),
        "text": claim.text,
        "para": list(claim.para),
        "source": claim.source,
        "href": safe_href(claim.source),
        "page": _page_link(opts.links.get(claim.id)),
        "badge": opts.badges.get(claim.id, ""),
        "tags": list(claim.tags),
        "node": node,
        "fold": fold,
        "findings": ["" for _ in codes] if opts.student else codes,
        "words": [plain_words(code) for code in codes],
    }
    if claim.extra_sources:
        data["more"] = [[s, safe_href(s)] for s in claim.extra_sources]
    return data


def _page_link(url: str | None) -> str | None:
    """A ``--split`` page link: kept when relative (no scheme, not ``//host``)."""
    if url is None or url_scheme(url) is not None or url.lstrip().startswith(("/", "\\")):
        return None
    return url


def _edges(
    amap: ArgumentMap, findings: list[Finding], opts: RenderOptions
) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The diagram's edges ``[{"id", "from", "to"}]`` and claim node → fold node."""
    edges: list[dict[str, str]] = []
    folds: dict[str, str] = {}
    for line in build_diagram(amap, findings, opts).lines:
        edges.append({"id": line.id, "from": line.source, "to": line.target})
        if line.relation == "fold":
            folds[line.target] = line.source
    return edges, folds


def _relations(shape: Diagram) -> list[dict[str, str | None]]:
    """Claim-to-claim relations, one per line of the diagram that leaves a claim:
    a premise's support (direct or into its junction), an attack, an undercut
    (pointing at the conclusion of the step it undercuts)."""
    ids = {name: claim.id for name, claim in shape.claims}
    rels: list[dict[str, str | None]] = []
    for edge in shape.edges:
        if edge.source not in ids:
            continue  # a junction's line to its conclusion: its premises have theirs
        inf = edge.inference
        rels.append(
            {
                "from": ids[edge.source],
                "to": inf.conclusion if inf is not None else ids[edge.target],
                "type": "support" if edge.relation == "premise" else edge.relation,
                "inference": inf.id if inf is not None else None,
                "junction": edge.target if edge.target not in ids else None,
            }
        )
    return rels


def claim_codes(findings: Iterable[Finding]) -> dict[str, list[str]]:
    """Finding codes by claim (a finding belongs to its first claim, as on the diagram)."""
    codes: dict[str, list[str]] = {}
    for f in sorted(findings):
        if f.claims and f.code not in codes.setdefault(f.claims[0], []):
            codes[f.claims[0]].append(f.code)
    return codes


def _asset(name: str) -> str:
    text = (_ASSETS / name).read_text(encoding="utf-8")
    if not name.endswith(".html") and re.search(r"</(script|style)", text, re.I):
        raise ValueError(f"asset {name} must not contain a closing script or style tag")
    return text


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _source_line(src: MapSource | None) -> str:
    if src is None:
        return ""
    bits = [f"“{escape(src.title)}”" if src.title else ""]
    bits += [escape(str(v)) for v in (src.publication, src.author, src.year) if v]
    text = ", ".join(b for b in bits if b)
    href = safe_href(src.url)
    if href:
        link = f'<a href="{escape(href)}" rel="noopener noreferrer">{escape(src.url or "")}</a>'
        text = f"{text} · {link}" if text else link
    return f'<p class="am-source">Argument map of {text}</p>' if text else ""


def on_page(amap: ArgumentMap, findings: Iterable[Finding]) -> list[Finding]:
    """The findings that belong on the page of ``amap`` (a whole map or a part of
    one drawn by ``--focus``, ``--collapse`` or ``--split``): those about no
    claim and those whose first claim is drawn, sorted."""
    return sorted(f for f in findings if not f.claims or f.claims[0] in amap.claims)


def render_html(
    amap: ArgumentMap,
    findings: Sequence[Finding] = (),
    opts: RenderOptions | None = None,
    *,
    map_id: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    engine: str = "dot",
    deadline: Deadline | None = None,
    embed: bool = False,
    drawn: tuple[bytes, list[dict[str, str]]] | None = None,
) -> bytes:
    """The interactive page of ``amap`` as UTF-8 bytes (byte-identical for the same map):
    a header, a toolbar, the diagram and a side panel (the selected claim, findings,
    outline) that a button hides; ``embed``: a page for an ``<iframe>``, the diagram
    alone filling the frame with a small zoom control, a click on a claim (or Enter
    on a claim reached with Tab) showing its details in a dialog (Escape closes it).

    Args:
        amap: the map (or the part of a map one page shows).
        findings: findings from ``argmap check`` (those on the page, see
            :func:`on_page`, are listed and marked on their claims; with
            ``opts.show_findings`` false, left out).
        opts: diagram options (default :class:`RenderOptions`) as for the SVG;
            ``width`` is ignored (the page sizes the diagram).
        map_id: base of the SVG's element id prefix (default: the map's name
            and a digest of its content, :func:`~argmap.render.pipeline.default_map_id`).
        timeout, engine, deadline: as for :func:`~argmap.render.pipeline.render_svg`.
        embed: the page for an iframe (see above).
        drawn: a diagram drawn otherwise (the column layout) to show instead:
            its finished SVG and its edges as :func:`page_data` takes them.

    Raises:
        GraphvizNotFound, LayoutTimeout, RenderError: the diagram could not be laid out.
    """
    opts = opts or RenderOptions()
    findings = on_page(amap, findings) if opts.show_findings else []
    svg, edges = drawn or (
        diagram_svg(
            amap, findings, opts, map_id, timeout=timeout, engine=engine, deadline=deadline
        ),
        None,
    )
    fields = _page_fields(amap, findings, opts, map_id, edges)
    if deadline is not None:
        deadline.check("writing the HTML page")
    fields["svg"] = inline_svg(svg)
    # One pass: substituted values are never scanned for placeholders again.
    template = _asset("embed.html" if embed else "page.html")
    return Template(template).substitute(fields).encode("utf-8")


def _page_fields(
    amap: ArgumentMap,
    findings: list[Finding],
    opts: RenderOptions,
    map_id: str | None,
    edges: list[dict[str, str]] | None = None,
) -> dict[str, str]:
    """The page template's fields but the diagram (``svg``), escaped where they are HTML."""
    css, js = _asset("argmap.css"), _asset("argmap.js")
    present = [k for k in KINDS if any(c.kind == k for c in amap.claims.values())]
    csp = (
        f"default-src 'none'; script-src 'sha256-{_sha256(js)}'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    codes = claim_codes(findings)
    if opts.student:
        codes = {cid: [plain_words(c) for c in found] for cid, found in codes.items()}
    return {
        "csp": csp,
        "title": escape(page_title(amap)),
        "css": css,
        "js": js,
        "source": _source_line(amap.source),
        "filters": filters_html(present, opts.theme),
        "background": escape(opts.theme.background),
        "hint": escape(HINT),
        "findings": findings_html(findings, opts.student) if opts.show_findings else "",
        "outline": outline_html(outline(amap), amap, codes, opts.theme, opts.badges),
        "data": script_json(page_data(amap, findings, opts, map_id, edges)),
    }
