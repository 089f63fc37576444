"""Measure ``argmap draft`` against a hand-made map of the same article, and print the figures.

Usage (from the repository root, with argmap and spaCy installed)::

    python bench/draft_quality.py ARTICLE.txt REFERENCE.yaml [--model NAME]

The draft is made in memory and never written, so no text of the article
lands in the repository. Printed figures:

* the thesis: the rank of the first thesis candidate whose text matches the
  reference thesis (similarity at least the compare threshold), and the rank
  of the candidate that the one-to-one matching pairs with it;
* precedents: how many of the reference's precedents are matched to distinct
  draft claims of kind precedent or evidence;
* claims, kinds and relations: precision and recall as ``argmap compare`` prints them.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, cast

from argmap.analysis.compare import THRESHOLD, Score, compare_maps, similarity
from argmap.draft import draft_file
from argmap.io.yaml.reader import load_map
from argmap.model import BASIS_KINDS


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _rate(score: Score) -> str:
    return (
        f"precision {_pct(score.precision)} ({score.hits}/{score.of_a}), "
        f"recall {_pct(score.recall)} ({score.hits}/{score.of_b})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("article")
    parser.add_argument("reference")
    parser.add_argument("--model", default="blank")
    args = parser.parse_args(argv)
    draft = draft_file(args.article, model=args.model).map
    ref = load_map(args.reference)
    result = compare_maps(draft, ref)
    pairs = {m.b: m.a for m in result.matches}
    block = cast("dict[str, Any]", draft.extra["draft"])
    candidates = block["thesis_candidates"]
    theses = [cid for cid, c in ref.claims.items() if c.kind == "thesis"]
    print(
        f"pipeline: {block['pipeline']}; draft claims: {len(draft.claims)}; "
        f"reference claims: {len(ref.claims)}"
    )
    for tid in theses:
        thesis = ref.claims[tid]
        similar = [
            c["rank"]
            for c in candidates
            if similarity(draft.claims[c["claim"]], thesis) >= THRESHOLD
        ]
        matched = [c["rank"] for c in candidates if c["claim"] == pairs.get(tid)]
        print(
            f"thesis {tid}: first similar candidate at rank {similar[0] if similar else '-'}; "
            f"matched candidate at rank {matched[0] if matched else '-'} "
            f"(of {len(candidates)} candidates)"
        )
    precedents = [cid for cid, c in ref.claims.items() if c.kind == "precedent"]
    found = [p for p in precedents if p in pairs and draft.claims[pairs[p]].kind in BASIS_KINDS]
    print(
        f"precedents found as distinct precedent/evidence claims: {len(found)} of "
        f"{len(precedents)} ({', '.join(f'{p}={pairs[p]}' for p in found)})"
    )
    print(f"claims:    {_rate(result.claims)}")
    print(f"kinds:     {_rate(result.kinds)}")
    print(f"relations: {_rate(result.relations)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
