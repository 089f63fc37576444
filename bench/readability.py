"""How large the text of a diagram is where it is shown: an article column, a slide, paper.

Definitions (the figures this script prints, and what the tests assert):

* **SVG text size as seen** (px): a ``<text>`` element's ``font-size`` attribute
  × the scale of the transforms above it × the scale at which the SVG is shown.
  An SVG that fills its column (``width="100%"``, ``max-width`` = natural
  width) is shown at ``min(column, natural width) / viewBox width``.
* **Claim text** of an SVG: in each node group (``<g class="node">``) the text
  elements of the size most of its lines have (the claim's own lines outnumber
  its caption, id and badges); every other text counts only towards "any text".
* **PDF word size** (pt): a word's box height from poppler's
  ``pdftotext -bbox`` divided by the ascent plus descent of DejaVu Sans (the
  diagrams' font; poppler's box spans exactly those), i.e. the font size.
* **Slide text** (px at 1920×1080): the PDF word size × 1920 / page width in pt.

Usage::

    python bench/readability.py [--work bench/_work/readability]

renders the op-ed (maps/two-michaels.yaml) and a 100-claim synthetic map
(bench/generate.py, tree shape) in the column layout (700 px), as slides and on
A4 paper, and prints the median and smallest claim text size of each.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
_SCALE = re.compile(r"scale\(\s*([-\d.eE]+)(?:[ ,]+([-\d.eE]+))?\s*\)")
_MATRIX = re.compile(r"matrix\(\s*([-\d.eE]+)")
_NUMBER = re.compile(r"[-\d.]+")
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@dataclass(frozen=True)
class Sizes:
    """Text sizes of one picture or page.

    Attributes:
        claim: sizes of claim text (px for SVG, pt for PDF), one per line or word.
        every: sizes of every text (claim text included).
    """

    claim: tuple[float, ...]
    every: tuple[float, ...]

    @property
    def median(self) -> float:
        """Median claim text size (0 when there is none)."""
        return statistics.median(self.claim) if self.claim else 0.0

    @property
    def smallest(self) -> float:
        """Smallest text of any kind (0 when there is none)."""
        return min(self.every) if self.every else 0.0


def _transform_scale(transform: str | None) -> float:
    """The x scale a ``transform`` attribute applies (scale() or matrix() only)."""
    if not transform:
        return 1.0
    factor = 1.0
    for match in _SCALE.finditer(transform):
        factor *= float(match.group(1))
    for match in _MATRIX.finditer(transform):
        factor *= float(match.group(1))
    return factor


def shown_scale(root: ET.Element, column: float | None) -> float:
    """The scale at which an SVG is shown in a column ``column`` px wide (None: at
    its natural size, the ``width`` attribute in px, else the viewBox width)."""
    box = [float(v) for v in _NUMBER.findall(root.get("viewBox", ""))]
    view_width = box[2] if len(box) == 4 else None
    width = root.get("width", "")
    style = root.get("style", "")
    natural = None
    if width.endswith("px") or re.fullmatch(r"[\d.]+", width):
        natural = float(width.removesuffix("px"))
    elif width.endswith("pt"):
        natural = float(width[:-2]) * 4 / 3
    match = re.search(r"max-width:\s*([\d.]+)px", style)
    if natural is None and match:
        natural = float(match.group(1))
    if view_width is None:
        return 1.0 if column is None else min(1.0, column / (natural or column))
    natural = natural or view_width
    shown = natural if column is None else min(column, natural)
    return shown / view_width


def svg_sizes(svg: bytes, column: float | None = None) -> Sizes:
    """Text sizes of an SVG as seen in a column ``column`` px wide (see the module
    docstring); ``column=None`` shows it at its natural size."""
    root = ET.fromstring(svg)
    claim: list[float] = []
    every: list[float] = []

    def walk(el: ET.Element, scale: float, in_node: list[float] | None) -> None:
        scale *= _transform_scale(el.get("transform"))
        if el.tag == f"{SVG}g" and "node" in (el.get("class") or "").split():
            sizes: list[float] = []
            for child in el:
                walk(child, scale, sizes)
            if sizes:
                common = Counter(sizes).most_common(1)[0][0]
                claim.extend(s for s in sizes if s == common)
            return
        if el.tag == f"{SVG}text" and (el.text or "").strip():
            size = float(el.get("font-size", "14")) * scale
            every.append(size)
            if in_node is not None:
                in_node.append(size)
        for child in el:
            walk(child, scale, in_node)

    walk(root, shown_scale(root, column), None)
    return Sizes(tuple(claim), tuple(every))


def pdf_pages(path: Path) -> list[tuple[tuple[float, float], list[tuple[str, float]]]]:
    """Each page of a PDF: its (width, height) in pt and its words with their font
    size in pt (poppler's ``pdftotext -bbox``; see the module docstring)."""
    sys.path.insert(0, str(ROOT / "src"))
    from argmap.render.fonts import line_height

    per_pt = line_height(1.0)
    # poppler writes a colour emoji's text as UTF-16 surrogates encoded one by one,
    # which is not UTF-8: such words keep U+FFFD, their sizes count all the same
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True)
    html = out.stdout.decode("utf-8", "replace")
    pages: list[tuple[tuple[float, float], list[tuple[str, float]]]] = []
    for chunk in html.split("<page ")[1:]:
        size = _PAGE.match("<page " + chunk)
        assert size is not None
        words = [
            (m.group(5), (float(m.group(4)) - float(m.group(2))) / per_pt)
            for m in _WORD.finditer(chunk)
        ]
        pages.append(((float(size.group(1)), float(size.group(2))), words))
    return pages


def _argmap(*args: str) -> None:
    exe = Path(sys.executable).with_name("argmap")
    subprocess.run([str(exe), *args], check=True, capture_output=True)


def _report(name: str, source: Path, work: Path) -> None:
    column = work / f"{name}.column.svg"
    _argmap("render", str(source), "--layout", "column", "-o", str(column))
    sizes = svg_sizes(column.read_bytes(), 700)
    print(
        f"{name}: column at 700 px: claim text median {sizes.median:.1f} px, "
        f"smallest text {sizes.smallest:.1f} px"
    )
    deck = work / f"{name}.slides.pdf"
    _argmap("render", str(source), "--slides", "-o", str(deck))
    slides = pdf_pages(deck)
    smallest = min(s * 1920 / w for (w, _), words in slides for _, s in words)
    _argmap("render", str(source), "--slides", "-o", str(work / f"{name}.slides.svg"))
    claim = min(
        min(svg_sizes(path.read_bytes(), 1920).claim)
        for path in sorted(work.glob(f"{name}.slides.*.svg"))
    )
    print(
        f"{name}: {len(slides)} slides at 1920x1080: smallest claim text {claim:.1f} px, "
        f"smallest word {smallest:.1f} px"
    )
    paper = work / f"{name}.a4.pdf"
    _argmap("render", str(source), "--paper", "a4", "-o", str(paper))
    pages = pdf_pages(paper)
    sizes_pt = [s for _, words in pages for _, s in words]
    print(
        f"{name}: {len(pages)} A4 pages: smallest word {min(sizes_pt):.1f} pt, "
        f"median {statistics.median(sizes_pt):.1f} pt"
    )


def main(argv: list[str] | None = None) -> None:
    """Render the op-ed and a 100-claim map three ways and print their text sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "_work" / "readability")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import to_yaml, tree_map

    synthetic = args.work / "tree-100.yaml"
    synthetic.write_text(to_yaml(tree_map(100), "A synthetic map of 100 claims"), "utf-8")
    _report("two-michaels", ROOT / "maps" / "two-michaels.yaml", args.work)
    _report("tree-100", synthetic, args.work)


if __name__ == "__main__":
    main()
