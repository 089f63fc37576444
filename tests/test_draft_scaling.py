"""``argmap draft`` takes time linear in the text's length, and its fast paths give the
same answers as the plain definitions they replace.

Articles are generated from word lists by bench/draft_scaling.py (no corpus text).
Scaling is a ratio measured in one run (best of 3), with generous bounds.
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
import time
from pathlib import Path

import pytest

from argmap.draft import draft_file
from argmap.draft.nlp import build_matchers, load_pipeline
from argmap.draft.patterns import load_patterns
from argmap.draft.segment import segment, starts_with, within
from argmap.draft.text import _BLOCK, _LINE, _MD_TRAIL, load_article, split_paragraphs
from argmap.draft.thesis import _echoes
from argmap.errors import MapLoadError
from argmap.util.similarity import LONGEST_WORD, text_similarity
from argmap.util.text import break_long_runs

from conftest import ROOT

pytest.importorskip("spacy")


def _load_bench():
    path = ROOT / "bench" / "draft_scaling.py"
    spec = importlib.util.spec_from_file_location("bench_draft_scaling", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


def _best_of_3(path: Path) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        try:
            draft_file(path, model="blank")
        except MapLoadError:  # a run of brackets has no sentence to draft
            pass
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    ("shape", "small"),
    [("many", 20_000), ("one", 20_000), ("parens", 2_000)],
)
def test_ten_times_the_text_takes_less_than_thirty_times_the_time(tmp_path, shape, small):
    paths = []
    for size in (small, 10 * small):
        path = tmp_path / f"{shape}-{size}.txt"
        path.write_text(bench.article(size, shape), encoding="utf-8")
        paths.append(path)
    _best_of_3(paths[0])  # spaCy loaded and warm
    ratio = _best_of_3(paths[1]) / _best_of_3(paths[0])
    assert ratio < 30, f"{shape}: x10 text took x{ratio:.1f} time"


@pytest.mark.parametrize(
    "piece",
    [
        "CITIES MUST ACT NOW. ",  # every sentence a headline candidate
        "Cities should act now, etc. and ",  # one sentence: no full stop ends it
        "Cities should act; so ",  # a connective every few words
        "Sure, cities act. Still, towns act. ",  # concessions and answers
        "We must act, we should go. ",  # cues inside longer cues
        "Phones distract pupils in class. ",  # every claim a duplicate
    ],
)
def test_hostile_repetitions_take_linear_time(tmp_path, piece):
    paths = []
    for count in (300, 3_000):
        path = tmp_path / f"{count}.txt"
        path.write_text("Title\n" + piece * count + "\n", encoding="utf-8")
        paths.append(path)
    _best_of_3(paths[0])
    ratio = _best_of_3(paths[1]) / _best_of_3(paths[0])
    assert ratio < 30, f"{piece!r}: x10 text took x{ratio:.1f} time"


def _word(n: int) -> str:
    """A made-up word for the number ``n`` (letters only)."""
    out = ""
    for _ in range(5):
        n, k = divmod(n, 26)
        out += "bcdfghjklmnpqrstvwxz"[k % 20] + "aeiou"[k % 5]
    return out


def test_a_chain_of_reasons_takes_linear_time(tmp_path):
    """Each "This is because …" supports the sentence before: a chain of supports,
    which the loop check must not walk again for every new link."""
    paths = []
    for count in (1_000, 10_000):
        lines = " ".join(
            f"This is because {_word(3 * k)} {_word(3 * k + 1)} {_word(3 * k + 2)}."
            for k in range(count)
        )
        path = tmp_path / f"{count}.txt"
        path.write_text("Cities must ban cars downtown. " + lines + "\n", encoding="utf-8")
        paths.append(path)
    _best_of_3(paths[0])
    ratio = _best_of_3(paths[1]) / _best_of_3(paths[0])
    assert ratio < 30, f"x10 chain took x{ratio:.1f} time"


def test_a_page_with_broken_json_ld_takes_linear_time(tmp_path):
    """A JSON-LD block that is no JSON, with many authors, is not searched."""
    pytest.importorskip("trafilatura")
    paths = []
    for count in (200, 2_000):
        authors = ", ".join(
            f'"author":{{"name":"{_word(k)} {_word(k + 1)}"}}, "x":' for k in range(count)
        )
        page = (
            '<html><head><script type="application/ld+json">{"@type":"NewsArticle",'
            f"{authors}</script><title>Buses</title></head><body><article>"
            "<p>Cities should make buses free to ride for everyone.</p>"
            "<p>Fares cost more to collect than they bring in each year.</p>"
            "</article></body></html>"
        )
        path = tmp_path / f"{count}.html"
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    _best_of_3(paths[0])
    ratio = _best_of_3(paths[1]) / _best_of_3(paths[0])
    assert ratio < 30, f"x10 JSON-LD took x{ratio:.1f} time"


def test_generated_articles_have_the_asked_shape_and_size():
    many = bench.article(5_000, "many")
    one = bench.article(5_000, "one")
    assert len(many) >= 5_000 and len(one) >= 5_000
    assert many.count("\n") > 5 and one.count("\n") == 2  # title line and one paragraph
    assert bench.article(5_000, "many") == many  # same seed, same text
    assert bench.article(300, "parens") == "(" * 300 + "\n"
    with pytest.raises(ValueError, match="unknown shape"):
        bench.article(10, "poem")


def test_break_long_runs_keeps_offsets_and_cuts_every_long_run():
    rng = random.Random(5)
    for _ in range(200):
        text = "".join(rng.choice("ab( .\n") * rng.randint(1, 90) for _ in range(8))
        out = break_long_runs(text, LONGEST_WORD)
        assert len(out) == len(text)
        assert max((len(run) for run in out.split()), default=0) <= LONGEST_WORD
        changed = [k for k, (a, b) in enumerate(zip(text, out, strict=True)) if a != b]
        assert all(out[k] == " " and not text[k].isspace() for k in changed)
        if max((len(run) for run in text.split()), default=0) <= LONGEST_WORD:
            assert out == text
    assert break_long_runs("x" * 82, 40) == "x" * 40 + " " + "x" * 40 + " "


def test_within_is_the_matches_starting_inside_in_order():
    rng = random.Random(2)
    found = sorted(
        (rng.choice("ab"), str(rng.randint(0, 3)), s, s + rng.randint(1, 3))
        for s in (rng.randint(0, 60) for _ in range(80))
    )
    found.sort(key=lambda m: (m[2], m[3], m[0], m[1]))
    for i in range(0, 62):
        for j in range(i, 64):
            assert within(found, i, j) == [m for m in found if i <= m[2] < j]


def test_starts_with_reads_like_the_rest_of_the_paragraph_case_folded():
    nlp = load_pipeline("blank").nlp
    texts = [
        "Not only cars, but buses too. NOT ONLY THAT.",
        "ΣΟΦΟΣ Σ says so. İstanbul İS big.",
        "So what? So it is (so to speak).",
    ]
    prefixes = ["not only", "not only that", "σοφος σ", "i̇stanbul", "so w", "so", "so it is (so"]
    for text in texts:
        doc = nlp(text)
        for i in range(len(doc)):
            for prefix in prefixes:
                expected = doc[i:].text.casefold().startswith(prefix.casefold())
                assert starts_with(doc.text, doc, i, prefix) == expected, (text, i, prefix)


def test_thesis_echo_equals_the_largest_similarity_to_another_paragraph(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(bench.article(6_000, "many", seed=3), encoding="utf-8")
    patterns = load_patterns(None)
    pipeline = load_pipeline("blank")
    article = load_article(path, patterns.boilerplate)
    units = segment(article, pipeline.nlp, build_matchers(pipeline, patterns), patterns).units
    last = units[-1].para
    chosen = [u.index for u in units if u.para in {1, 2, 3, last - 1, last}]
    assert len({units[i].para for i in chosen}) == 5
    echoes = _echoes(units, chosen, {i: units[i].para for i in chosen})
    for index in chosen:
        para = units[index].para
        plain = max(
            (
                text_similarity(units[index].text, units[other].text)
                for other in chosen
                if units[other].para != para
            ),
            default=0.0,
        )
        assert echoes[index] == plain
    assert any(echo > 0 for echo in echoes.values())


def test_a_long_run_keeps_spans_pointing_into_the_file(tmp_path):
    path = tmp_path / "runs.txt"
    body = "Cities must ban cars " + "(" * 5_000 + " from their centres today.\n"
    text = (
        "Streets for people\n" + body + "Shops sell more on car-free streets, the report said.\n"
    )
    path.write_text(text, encoding="utf-8")
    amap = draft_file(path, model="blank").map
    assert amap.claims
    for claim in amap.claims.values():
        assert claim.span is not None
        start, end = claim.span
        assert " ".join(text[start:end].split()) == claim.text


def test_paragraph_patterns_find_what_the_backtracking_ones_found():
    # The patterns before they were made linear, as the reference.
    line = re.compile(r"[^\r\n]*\S[^\r\n]*")
    block = re.compile(r"(?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|$))+")
    trail = re.compile(r"[ \t]+#+[ \t]*$")
    rng = random.Random(11)
    for _ in range(3_000):
        text = "".join(rng.choice(" \t\r\n\r\nab#.") for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in _LINE.finditer(text)] == [m.span() for m in line.finditer(text)]
        assert [m.span() for m in _BLOCK.finditer(text)] == [
            m.span() for m in block.finditer(text)
        ]
        got, want = _MD_TRAIL.search(text), trail.search(text)
        assert (got and got.span()) == (want and want.span())


def test_a_long_line_of_spaces_is_cut_in_linear_time():
    times = []
    for size in (20_000, 200_000):
        text = " " * size + "\n# Title" + " " * size + "#\n\nCars must go.\n"
        start = time.perf_counter()
        for markdown in (False, True):
            pars = split_paragraphs(text, markdown)
            assert [p.text for p in pars][-1] == "Cars must go."
        times.append(time.perf_counter() - start)
    assert times[1] < 30 * times[0] + 0.05
