"""How well ``argmap draft`` finds the argument of short texts with gold argument graphs.

Usage (from the repository root, with the Python that has argmap's dependencies)::

    python bench/draft_microtexts.py [--corpus DIR] [--model blank] [--json] [--limit N]

``--corpus`` defaults to ``../shared/corpus/arg-microtexts-part2/corpus``: texts
``micro_*.txt`` with gold graphs ``micro_*.xml`` (arggraph XML: EDUs, ADUs of type
``pro``/``opp``, edges ``seg``, ``sup``, ``exa``, ``add``, ``reb``, ``und``). The
texts are measured, never copied: nothing of them is written anywhere.

Figures (each over the whole set; argmap drafts each text in this process):

* **Gold units.** Each ADU's character spans in the text: its EDUs, found in
  the text in order (an implicit central claim, written in capitals at the end
  of the text, is found there too), adjacent ones joined. An ADU made of EDUs
  apart from each other (a thesis restated at the end) has several spans.
* **Matching.** A draft claim (its ``span``) matches a gold ADU when the
  Jaccard index of their character spans (the best of the ADU's spans) is at
  least 0.5; pairs are taken one-to-one, the highest index first.
* **Segmentation** precision = matched claims ÷ draft claims, recall = matched
  ÷ gold ADUs, F1 their harmonic mean (micro-averaged over the set).
* **Central claim** accuracy: share of texts whose draft thesis (rank 1 of the
  thesis candidates) matches the gold central claim (the ADU that is the source
  of no ``sup``/``exa``/``reb``/``und``/``add`` edge); **top-3**: one of the
  first three candidates matches it.
* **Role** accuracy over matched claims: a draft objection against a gold
  ``opp`` ADU, any other kind against ``pro``.
* **Attachment** F1: directed pairs (source, target) of matched claims that the
  draft relates (support or attack) against those the gold graph relates,
  type ignored; precision over the draft's pairs between matched claims, recall
  over the gold's pairs between matched ADUs. **Typed** F1: the same pairs with
  the same type, support = ``sup``/``exa``, attack = ``reb``/``und``. An ``add``
  edge (a linked premise) takes the type and target of its partner's edge; an
  ``und`` edge (which attacks an edge) attaches to that edge's source: the
  objection whose attack it answers, or the premise whose inference it
  cuts, as ``argmap convert`` reads arggraph files (an undercut of an attack
  becomes an attack on the attacker) and as a draft proposes a rebuttal.
* **Baselines** on the same texts and gold: sentences (split after ``.``, ``!``
  or ``?`` followed by a space) are the claims; the first (or the last)
  sentence is the central claim and every other sentence supports it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "arg-microtexts-part2" / "corpus"
SUPPORT, ATTACK = ("sup", "exa"), ("reb", "und")

Span = tuple[int, int]


@dataclass
class Gold:
    """One text's gold graph: ADU spans, roles, central claim, typed pairs."""

    spans: dict[str, list[Span]]
    roles: dict[str, str]
    central: str
    pairs: dict[tuple[str, str], str]  # (source ADU, target ADU) → "support" / "attack"


@dataclass
class Guess:
    """One text's draft (or baseline): claim spans, kinds, ranked theses, pairs."""

    spans: dict[str, Span]
    kinds: dict[str, str]
    theses: list[str]
    pairs: dict[tuple[str, str], str] = field(default_factory=dict)


def _find(text: str, piece: str, start: int) -> Span:
    """The span of ``piece`` in ``text`` at or after ``start`` (spaces and case loose)."""
    words = piece.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = re.compile(pattern, re.IGNORECASE).search(text, start)
    if found is None:
        found = re.compile(pattern, re.IGNORECASE).search(text)
    if found is None:
        raise ValueError(f"an EDU of {len(words)} words is not in the text")
    return found.start(), found.end()


def read_gold(xml: Path, text: str) -> Gold:
    """The gold graph of ``xml`` located in ``text`` (see the module docstring)."""
    root = ET.parse(xml).getroot()
    edu_spans: dict[str, Span] = {}
    at = 0
    for edu in root.iter("edu"):
        span = _find(text, edu.text or "", at)
        edu_spans[edu.get("id", "")] = span
        at = span[1]
    roles = {a.get("id", ""): a.get("type", "") for a in root.iter("adu")}
    edges = {e.get("id", ""): e for e in root.iter("edge")}
    spans: dict[str, list[Span]] = {}
    for e in edges.values():
        if e.get("type") == "seg":
            s, pieces = edu_spans[e.get("src", "")], spans.setdefault(e.get("trg", ""), [])
            pieces.append(s)
    for adu, pieces in spans.items():
        joined: list[Span] = []
        for a, b in sorted(pieces):
            if joined and not text[joined[-1][1] : a].strip(" \t\n,;:-"):
                joined[-1] = (joined[-1][0], b)
            else:
                joined.append((a, b))
        spans[adu] = joined
    sources = {e.get("src") for e in edges.values() if e.get("type") != "seg"}
    central = next(a for a in roles if a not in sources)
    pairs: dict[tuple[str, str], str] = {}
    for e in edges.values():
        kind, src, trg = e.get("type"), e.get("src", ""), e.get("trg", "")
        if kind == "add":
            kind, trg = edges[trg].get("type"), edges[trg].get("trg", "")
        while trg in edges:  # an undercut: the source of the edge it attacks
            trg = edges[trg].get("src", "")
        if kind in SUPPORT + ATTACK:
            pairs[src, trg] = "support" if kind in SUPPORT else "attack"
    return Gold(spans, roles, central, pairs)


def draft_guess(path: Path, model: str) -> Guess:
    """What ``argmap draft --to json`` gives for the text at ``path``."""
    import argmap
    from argmap.io.mapdata import map_to_dict

    data = map_to_dict(argmap.draft_file(path, model=model).model)
    claims = data["claims"]
    spans = {cid: (c["span"][0], c["span"][1]) for cid, c in claims.items() if "span" in c}
    kinds = {cid: c["kind"] for cid, c in claims.items()}
    ranked = sorted(data["draft"].get("thesis_candidates", []), key=lambda c: c["rank"])
    theses = [c["claim"] for c in ranked] or [k for k, v in kinds.items() if v == "thesis"]
    pairs: dict[tuple[str, str], str] = {}
    for rel in data["draft"].get("relations", []):
        kind = "support" if rel["type"] == "supports" else "attack"
        pairs[rel["from"], rel["to"]] = kind
    return Guess(spans, kinds, theses, pairs)


def baseline_guess(text: str, last: bool) -> Guess:
    """Sentences as claims; the first (``last``: the last) one the central claim."""
    spans = {}
    for k, m in enumerate(re.finditer(r"\S.*?(?:[.!?](?=\s)|$)", text.strip(), re.S)):
        spans[f"s{k}"] = (m.start(), m.end())
    ids = list(spans)
    thesis = ids[-1] if last else ids[0]
    pairs = {(s, thesis): "support" for s in ids if s != thesis}
    return Guess(spans, {s: "premise" for s in ids}, [thesis], pairs)


def _jaccard(one: Span, other: Span) -> float:
    """Jaccard index of two character spans (shared characters ÷ characters of either)."""
    inter = max(0, min(one[1], other[1]) - max(one[0], other[0]))
    union = (one[1] - one[0]) + (other[1] - other[0]) - inter
    return inter / union if union else 0.0


def match(gold: Gold, guess: Guess) -> dict[str, str]:
    """Draft claim id → gold ADU id, one-to-one, Jaccard of spans ≥ 0.5."""
    scored = []
    for cid, (a, b) in guess.spans.items():
        for adu, pieces in gold.spans.items():
            best = max(_jaccard((a, b), piece) for piece in pieces)
            if best >= 0.5:
                scored.append((best, cid, adu))
    taken: dict[str, str] = {}
    used: set[str] = set()
    for _, cid, adu in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if cid not in taken and adu not in used:
            taken[cid] = adu
            used.add(adu)
    return taken


@dataclass
class Tally:
    """Counts summed over the texts, from which every figure is computed."""

    texts: int = 0
    claims: int = 0
    units: int = 0
    matched: int = 0
    central: int = 0
    top3: int = 0
    role_ok: int = 0
    guessed_pairs: int = 0
    gold_pairs: int = 0
    common: int = 0
    common_typed: int = 0

    def add(self, gold: Gold, guess: Guess) -> None:
        """Count one text."""
        pairs = match(gold, guess)
        self.texts += 1
        self.claims += len(guess.spans)
        self.units += len(gold.spans)
        self.matched += len(pairs)
        ranked = [pairs.get(t) for t in guess.theses]
        self.central += bool(ranked) and ranked[0] == gold.central
        self.top3 += gold.central in ranked[:3]
        for cid, adu in pairs.items():
            drafted = "opp" if guess.kinds.get(cid) == "objection" else "pro"
            self.role_ok += drafted == gold.roles.get(adu)
        mine = {
            (pairs[s], pairs[t]): kind
            for (s, t), kind in guess.pairs.items()
            if s in pairs and t in pairs
        }
        kept = set(pairs.values())
        theirs = {p: k for p, k in gold.pairs.items() if p[0] in kept and p[1] in kept}
        self.guessed_pairs += len(mine)
        self.gold_pairs += len(theirs)
        self.common += len(mine.keys() & theirs.keys())
        self.common_typed += sum(1 for p, k in mine.items() if theirs.get(p) == k)

    def figures(self) -> dict[str, float]:
        """The figures of the module docstring."""

        def f1(hit: int, guessed: int, gold: int) -> tuple[float, float, float]:
            p = hit / guessed if guessed else 0.0
            r = hit / gold if gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = f1(self.matched, self.claims, self.units)
        return {
            "segmentation P": sp,
            "segmentation R": sr,
            "segmentation F1": sf,
            "central claim": self.central / self.texts,
            "central claim top-3": self.top3 / self.texts,
            "role": self.role_ok / self.matched if self.matched else 0.0,
            "attachment F1": f1(self.common, self.guessed_pairs, self.gold_pairs)[2],
            "typed F1": f1(self.common_typed, self.guessed_pairs, self.gold_pairs)[2],
        }


#: The issue's targets on this set (``--model blank``).
TARGETS = {
    "segmentation F1": 0.92,
    "central claim": 0.80,
    "central claim top-3": 0.92,
    "role": 0.93,
    "attachment F1": 0.65,
    "typed F1": 0.62,
}


def main(argv: list[str] | None = None) -> int:
    """Draft every text, score it and both baselines; print the table (or JSON lines)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--model", default="blank", help="spaCy pipeline for argmap draft")
    ap.add_argument("--limit", type=int, default=0, help="only the first N texts")
    ap.add_argument("--json", action="store_true", help="one JSON object per figure")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    texts = sorted(args.corpus.glob("micro_*.txt"))[: args.limit or None]
    if not texts:
        print(f"no micro_*.txt in {args.corpus}", file=sys.stderr)
        return 2
    tallies = {"argmap draft": Tally(), "first sentence": Tally(), "last sentence": Tally()}
    start = time.perf_counter()
    for path in texts:
        text = path.read_text(encoding="utf-8")
        gold = read_gold(path.with_suffix(".xml"), text)
        tallies["argmap draft"].add(gold, draft_guess(path, args.model))
        tallies["first sentence"].add(gold, baseline_guess(text, last=False))
        tallies["last sentence"].add(gold, baseline_guess(text, last=True))
    seconds = (time.perf_counter() - start) / len(texts)
    table = {name: t.figures() for name, t in tallies.items()}
    _print(table, len(texts), seconds, args)
    return 0


def _print(table: dict[str, dict[str, float]], n: int, seconds: float, args) -> None:
    command = f"python bench/draft_microtexts.py --model {args.model}"
    if args.json:
        for name, value in table["argmap draft"].items():
            row = {
                "name": f"draft-microtexts {name}",
                "value": round(value, 3),
                "target": TARGETS.get(name),
                "better": "higher",
                "unit": "share",
                "what": f"argmap draft on {n} microtexts: {name} "
                f"(first-sentence baseline {table['first sentence'][name]:.2f}, "
                f"last-sentence {table['last sentence'][name]:.2f})",
                "command": command,
            }
            print(json.dumps(row, ensure_ascii=False))
        return
    names = list(table)
    print(f"{n} texts, --model {args.model}; {seconds:.2f} s a text (draft and scoring)")
    print(f"{'figure':22}" + "".join(f"{h:>16}" for h in names) + f"{'target':>9}")
    for fig in table[names[0]]:
        target = TARGETS.get(fig)
        row = "".join(f"{table[h][fig]:16.3f}" for h in names)
        print(f"{fig:22}{row}{'' if target is None else f'{target:9.2f}'}")


if __name__ == "__main__":
    raise SystemExit(main())
