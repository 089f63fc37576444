"""Render the op-ed in every theme, open each SVG in headless Chromium and report.

For each theme: the diagram's size, claim text size in CSS px when the
diagram fills a 1920 px wide page, a 700 px article column and (whole) a
1920x1080 slide, the number of text
elements that overflow their box (getBBox against the node's shape), the
same with the font stack narrowed to "Liberation Sans" (Arial's metrics) when
installed, and screenshots in the output folder.

Usage: python bench/svg_in_browser.py [MAP] [--out DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import load_map
from argmap.render.dot import RenderOptions
from argmap.render.pipeline import render_svg
from argmap.render.style import THEMES

ROOT = Path(__file__).resolve().parent.parent

#: For every node group: text boxes that leave the node's shape (in SVG units).
OVERFLOW_JS = """
(svg) => {
  const out = [];
  for (const g of svg.querySelectorAll('g.node')) {
    let b = null;
    for (const s of g.querySelectorAll('polygon, path, ellipse')) {
      const r = s.getBBox();
      if (!b || r.width * r.height > b.width * b.height) b = r;
    }
    if (!b) continue;
    for (const t of g.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      const r = t.getBBox();
      if (r.x < b.x - 0.5 || r.y < b.y - 0.5 || r.x + r.width > b.x + b.width + 0.5
          || r.y + r.height > b.y + b.height + 0.5)
        out.push([g.id, t.textContent, r.x + r.width - (b.x + b.width)]);
    }
  }
  return out;
}
"""


def page(svg: str, width: int, font: str | None = None) -> str:
    if font:
        svg = re.sub(r'font-family="[^"]*"', f'font-family="{font}"', svg)
    svg = svg.split("?>", 1)[1]
    return (
        f"<!doctype html><html><body style='margin:0;background:#fff'>"
        f"<div style='width:{width}px'>{svg}</div></body></html>"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("map", nargs="?", default=str(ROOT / "maps" / "two-michaels.yaml"))
    ap.add_argument("--out", default="/tmp/argmap-bench")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    amap = load_map(args.map)
    findings = run_checks(amap)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1920, "height": 1080})
        for name, theme in THEMES.items():
            start = time.perf_counter()
            svg = render_svg(amap, findings, RenderOptions(theme=theme)).decode("utf-8")
            took = time.perf_counter() - start
            _, _, w, h = map(float, re.search(r'viewBox="([^"]+)"', svg).group(1).split())
            row = [f"{name:10}", f"{w:7.0f}x{h:<6.0f}", f"ratio {w / h:4.2f}", f"{took:5.2f}s"]
            for col in (1920, 700):
                row.append(f"text@{col}px {theme.font_size * col / w:5.1f}px")
            row.append(f"on 1920x1080 {theme.font_size * min(1920 / w, 1080 / h):5.1f}px")
            for font in (None, "Liberation Sans"):
                tab.set_content(page(svg, 1920, font))
                bad = tab.eval_on_selector("svg", OVERFLOW_JS)
                row.append(f"overflow[{font or 'stack'}] {len(bad)}")
                for item in bad[:5]:
                    print("   ", item, file=sys.stderr)
            tab.set_content(page(svg, 1920))
            tab.screenshot(path=str(out / f"{amap.name}.{name}.1920.png"), full_page=True)
            print("  ".join(row))
        browser.close()


if __name__ == "__main__":
    main()
