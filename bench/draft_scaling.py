"""Time ``argmap draft`` on generated articles of growing size, in two shapes.

Usage (from the repository root, with argmap and spaCy installed)::

    python bench/draft_scaling.py [--sizes 250000,500000,1000000] [--shapes many,one,parens]
        [--repeat 1] [--json]

Shapes: ``many`` (paragraphs of 3 to 8 sentences, one per line, as a ``.txt``
article), ``one`` (the whole article one paragraph) and ``parens`` (one run
of ``(``, the worst case of spaCy's tokenizer). The articles are generated
from fixed word lists with a fixed seed (no corpus text), written to a
temporary folder, and drafted in this process with the blank pipeline. Each
line prints the size in characters, the seconds (best of ``--repeat``), the
number of claims, and the time ratio to the previous size of the same shape.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures  # noqa: E402

SUBJECTS = (
    "the city",
    "our council",
    "local shops",
    "the new tram line",
    "public transport",
    "every school",
    "most residents",
    "the regional government",
    "cheap housing",
    "the old library",
    "young families",
    "the mayor",
)
VERBS = ("improves", "harms", "changes", "protects", "costs", "supports", "replaces", "serves")
OBJECTS = (
    "the quality of daily life",
    "traffic in the centre",
    "small businesses near the river",
    "children who walk to school",
    "the budget for next year",
    "air in crowded streets",
    "older people without cars",
    "the market on Sundays",
)
OPENERS = ("", "", "", "So ", "But ", "Therefore ", "In fact, ", "However, ", "Critics say that ")
JOINS = (", but ", " because ", ", so ", " and ", ", although ")
TAILS = ("", "", " in 2019", " years ago", " (as the report said)", ", the mayor said")
MODALS = ("", "", "", "must ", "should ")


def sentence(rng: random.Random) -> str:
    """One generated sentence: an optional opener, one or two clauses, a full stop."""

    def clause() -> str:
        modal = rng.choice(MODALS)
        verb = rng.choice(VERBS)
        if modal:
            verb = modal + verb[:-1]
        return f"{rng.choice(SUBJECTS)} {verb} {rng.choice(OBJECTS)}{rng.choice(TAILS)}"

    text = rng.choice(OPENERS) + clause()
    if rng.random() < 0.4:
        text += rng.choice(JOINS) + clause()
    text = text[0].upper() + text[1:]
    return text + ("?" if rng.random() < 0.05 else ".")


def article(size: int, shape: str, seed: int = 7) -> str:
    """A generated article of about ``size`` characters (at least ``size``).

    Args:
        size: characters wanted.
        shape: ``"many"`` (a title line, then paragraphs of 3 to 8 sentences,
            one a line), ``"one"`` (a title line, then one paragraph) or
            ``"parens"`` (``size`` times ``(``).
        seed: the random seed (same seed, same text).

    Raises:
        ValueError: an unknown shape.
    """
    if shape == "parens":
        return "(" * size + "\n"
    if shape not in ("many", "one"):
        raise ValueError(f"unknown shape {shape!r}")
    rng = random.Random(seed)
    lines = ["Cities should rethink their streets"]
    length = len(lines[0])
    while length < size:
        count = rng.randint(3, 8) if shape == "many" else 50
        para = " ".join(sentence(rng) for _ in range(count))
        lines.append(para)
        length += len(para) + 1
    body = "\n".join(lines[1:]) if shape == "many" else " ".join(lines[1:])
    return lines[0] + "\n" + body + "\n"


def time_draft(path: Path, repeat: int) -> tuple[float, int]:
    """Median wall time in seconds of drafting ``path`` ``repeat`` times, and its claims
    (0 when the article has nothing to draft)."""
    from argmap.draft import draft_file
    from argmap.errors import MapLoadError

    times, claims = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            claims = len(draft_file(path, model="blank").map.claims)
        except MapLoadError:  # nothing to draft (the run of brackets)
            claims = 0
        times.append(time.perf_counter() - start)
    return statistics.median(times), claims


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250000,500000,1000000")
    parser.add_argument("--shapes", default="many,one,parens")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (median)")
    parser.add_argument("--json", action="store_true", help="also print figures as JSON")
    args = parser.parse_args(argv)
    figures.use_json(args.json)
    cmd = ["--sizes", args.sizes, "--shapes", args.shapes, "--repeat", str(args.repeat)]
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder) / "warm.txt"  # spaCy's first load is not the draft's time
        warm.write_text(article(2000, "many"), encoding="utf-8")
        time_draft(warm, 1)
        for shape in args.shapes.split(","):
            previous = None
            for size in sizes:
                path = Path(folder) / f"{shape}-{size}.txt"
                path.write_text(article(size, shape), encoding="utf-8")
                seconds, claims = time_draft(path, args.repeat)
                ratio = f"  x{seconds / previous:.2f}" if previous else ""
                print(f"{shape:6} {size:>9,} chars  {seconds:7.2f} s  {claims:6} claims{ratio}")
                figures.figure(
                    f"draft {shape} {size:,} chars, s",
                    seconds,
                    target=10.0 if size >= 1_000_000 and shape != "parens" else None,
                    better="lower",
                    unit="s",
                    what=f"argmap draft (blank pipeline, in process) of {size:,} characters, "
                    f"shape {shape!r}, median of {args.repeat}",
                    command=figures.command("draft_scaling.py", cmd),
                )
                sys.stdout.flush()
                previous = seconds
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
