"""Turning benchmark results into tables and target verdicts (text and Markdown)."""

from __future__ import annotations

from dataclasses import dataclass

#: The promised ratios: (what, at, numerator, denominator, target, "le" or "ge").
#: Numerator and denominator name a whole-process sample: "<map>:<command>".
_CHECK = "check ÷ PyYAML C-loader parse"
#: Not a target of its own: the same bound against a parse with the collector off.
_NOGC = "(reference) check ÷ C-loader parse, collector off"
_KNOTS, _ARGDOWN = "knots ÷ tree", "Argdown DOT export ÷ render -o map.dot"
_SVG = "render -o map.svg ÷ dot -Tsvg on its DOT"
TARGETS: list[tuple[str, str, str, str, float, str]] = [
    (_CHECK, "tree-20000", "tree-20000:check", "tree-20000:yaml-c", 3.0, "le"),
    (_CHECK, "tree-100000", "tree-100000:check", "tree-100000:yaml-c", 1.5, "le"),
    (_NOGC, "tree-20000", "tree-20000:check", "tree-20000:yaml-c-nogc", 3.0, "le"),
    (_NOGC, "tree-100000", "tree-100000:check", "tree-100000:yaml-c-nogc", 1.5, "le"),
    (f"{_KNOTS}, check", "20000", "knots-20000:check", "tree-20000:check", 2.0, "le"),
    (f"{_KNOTS}, check", "100000", "knots-100000:check", "tree-100000:check", 2.0, "le"),
    (f"{_KNOTS}, evaluate", "20000", "knots-20000:evaluate", "tree-20000:evaluate", 2.0, "le"),
    (f"{_KNOTS}, evaluate", "100000", "knots-100000:evaluate", "tree-100000:evaluate", 2.0, "le"),
    (_ARGDOWN, "tree-50", "argdown:tree-50", "tree-50:render-dot", 3.0, "ge"),
    (_ARGDOWN, "tree-2000", "argdown:tree-2000", "tree-2000:render-dot", 1.5, "ge"),
    (_SVG, "tree-2000", "svg:tree-2000:render-svg", "svg:tree-2000:dot-svg", 1.4, "le"),
    (_SVG, "tree-5000", "svg:tree-5000:render-svg", "svg:tree-5000:dot-svg", 1.1, "le"),
]


@dataclass
class Verdict:
    """One ratio with its target, on wall-clock and on CPU time.

    Attributes:
        what: what is divided by what.
        at: the map (size) it is measured at.
        wall: the ratio of median wall-clock seconds.
        cpu: the ratio of median CPU seconds (user + system, children included).
        target: the bound.
        sense: ``"le"`` (ratio ≤ target) or ``"ge"`` (ratio ≥ target).
    """

    what: str
    at: str
    wall: float
    cpu: float
    target: float
    sense: str

    def headroom(self, value: float) -> float:
        """How far inside the target ``value`` is, as a share of the target (< 0: missed)."""
        gap = self.target - value if self.sense == "le" else value - self.target
        return gap / self.target

    def text(self) -> str:
        """``met``/``MISSED`` with the headroom on wall-clock and CPU time."""
        sign = "≤" if self.sense == "le" else "≥"
        wall, cpu = self.headroom(self.wall), self.headroom(self.cpu)
        if wall >= 0 and cpu >= 0:
            state = "met"
        elif cpu >= 0:
            state = "met on CPU time, MISSED on wall clock"
        elif wall >= 0:
            state = "met on wall clock, MISSED on CPU time"
        else:
            state = "MISSED"
        if self.what.startswith("(reference)"):
            state = "reference: " + ("within" if wall >= 0 and cpu >= 0 else "beyond")
        return f"{state} ({sign} {self.target:g}; headroom wall {wall:+.0%}, CPU {cpu:+.0%})"


def _sample(results: dict, key: str) -> dict | None:
    group, *name = key.split(":")
    if group == "argdown":
        return results["argdown"].get(name[0])
    if group == "svg":
        return results["svg"].get(name[0], {}).get(name[1])
    return results["maps"].get(group, {}).get(name[0])


def verdicts(results: dict) -> list[Verdict]:
    """The ratios whose two samples were both measured."""
    out = []
    for what, at, num, den, target, sense in TARGETS:
        a, b = _sample(results, num), _sample(results, den)
        if a is None or b is None:
            continue
        a, b = _plain(a), _plain(b)
        out.append(Verdict(what, at, a["wall"] / b["wall"], a["cpu"] / b["cpu"], target, sense))
    return out


def _plain(sample: object) -> dict:
    return sample if isinstance(sample, dict) else vars(sample)


def _fmt(sample: object | None) -> str:
    if sample is None:
        return "—"
    s = _plain(sample)
    return f"{s['wall']:.3f} / {s['cpu']:.3f} / {s['rss_mb']:.0f}"


def tables(results: dict) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) of every table."""
    maps = results["maps"]
    phase_rows, whole_rows = [], []
    for name, row in maps.items():
        ph = row["phases"]
        phase_rows.append(
            [
                name,
                f"{ph['claims']:,}",
                f"{ph['relations']:,}",
                *(
                    f"{ph[k]:.3f}" if k in ph else "—"
                    for k in ("load", "check", "evaluate", "dot")
                ),
                f"{ph['peak_mb']:.0f}",
            ]
        )
        whole = ("yaml-c", "yaml-c-nogc", "check", "evaluate", "render-dot", "stats")
        whole_rows.append([name, *(_fmt(row.get(k)) for k in whole)])
    other = [[f"Argdown `map -f dot` on {k}", _fmt(v)] for k, v in results["argdown"].items()]
    for k, v in results["svg"].items():
        other += [
            [f"argmap render -o map.svg ({k})", _fmt(v["render-svg"])],
            [f"dot -Tsvg on argmap's DOT ({k})", _fmt(v["dot-svg"])],
        ]
    ratio_rows = [
        [v.what, v.at, f"{v.wall:.2f}", f"{v.cpu:.2f}", v.text()] for v in verdicts(results)
    ]
    return [
        (
            "In-process phases (median wall-clock seconds; peak RSS of the process in MB)",
            [
                "map",
                "claims",
                "relations",
                "load",
                "graph+checks",
                "evaluate",
                "DOT emit",
                "peak MB",
            ],
            phase_rows,
        ),
        (
            "Whole process: median wall s / median CPU s / peak RSS MB",
            [
                "map",
                "PyYAML C-loader parse",
                "same, collector off",
                "argmap check",
                "argmap evaluate",
                "argmap render -o .dot",
                "argmap stats",
            ],
            whole_rows,
        ),
        (
            "Other tools, whole process: median wall s / median CPU s / peak RSS MB",
            ["command", "wall / CPU / MB"],
            other,
        ),
        (
            "Ratios and targets (headroom: how far inside the target; "
            "negative: missed by that much)",
            ["ratio", "at", "wall", "CPU", "verdict"],
            ratio_rows,
        ),
    ]


def print_tables(results: dict) -> None:
    """Print every table as aligned text."""
    for title, header, rows in tables(results):
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
        print(f"\n{title}")
        for r in [header, *rows]:
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))


def markdown(results: dict) -> str:
    """Machine, tables and the exact commands, as Markdown."""
    m = results["machine"]
    out = ["## Machine", ""] + [f"- {k}: {v}" for k, v in m.items()] + [""]
    for title, header, rows in tables(results):
        out += [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows] + [""]
    out += ["## Commands", "", "```sh", *results["commands"], "```", ""]
    return "\n".join(out)


def emit_figures(results: dict, quick: bool) -> None:
    """Print every verdict (wall-clock ratio) and each command's peak memory at the
    largest map as figures for ``bench/all.py`` (:mod:`figures`)."""
    import figures

    cmd = figures.command("run.py", ["--quick"] if quick else [])
    for v in verdicts(results):
        if v.what.startswith("(reference)"):
            continue
        name = f"{v.what} @ {v.at}"
        better = "lower" if v.sense == "le" else "higher"
        what = f"{v.what}, {v.at} (median wall-clock ratio; CPU ratio {v.cpu:.2f})"
        figures.figure(
            name, v.wall, target=v.target, better=better, unit="ratio", what=what, command=cmd
        )
    for map_name, row in results["maps"].items():
        if not map_name.endswith("100000"):
            continue
        for command in ("check", "evaluate", "render-dot", "stats"):
            if command in row:
                mb = _plain(row[command])["rss_mb"]
                what = f"peak memory of argmap {command} on {map_name} (whole process)"
                figures.figure(
                    f"{command} peak MB @ {map_name}",
                    mb,
                    target=1024.0,
                    better="lower",
                    unit="MB",
                    what=what,
                    command=cmd,
                )
