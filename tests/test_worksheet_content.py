"""What a worksheet asks and answers (render.worksheet.content): blanks, banks, kinds,
questions and cards, chosen by the seed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from argmap.findings import Finding
from argmap.io.yaml.reader import load_map
from argmap.model import Position
from argmap.render.worksheet.content import (
    BLANK_TEXT,
    QUESTIONS,
    Settings,
    blank_count,
    question,
    reading_order,
    worksheet_content,
)

from conftest import ROOT

OPED = load_map(str(ROOT / "maps" / "two-michaels.yaml"))
LINKED = load_map(str(ROOT / "tests" / "fixtures" / "valid" / "linked-undercuts.yaml"))


def test_blank_count_is_the_share_of_the_claims_other_than_the_thesis():
    assert len(OPED.claims) == 45
    assert blank_count(OPED, 0.3) == 13  # round(0.3 × 44)
    assert blank_count(OPED, 0.5) == 22
    assert blank_count(OPED, 0.0) == 0
    assert blank_count(OPED, 0.001) == 1  # some share: at least one box
    assert blank_count(OPED, 1.0) == 45  # all: the thesis too


@pytest.mark.parametrize("seed", range(1, 21))
def test_the_thesis_is_never_blank_unless_all_are(seed):
    content = worksheet_content(OPED, (), Settings("fill", 0.9, seed))
    assert "T1" not in content.blanked
    assert len(content.blanked) == 40
    every = worksheet_content(OPED, (), Settings("fill", 1.0, seed))
    assert set(every.blanked) == set(OPED.claims)


def test_the_word_bank_holds_exactly_the_blanked_claims_shuffled():
    content = worksheet_content(OPED, (), Settings("fill", 0.3, 1))
    texts = [text for _, text in content.items]
    wanted = [" ".join(OPED.claims[c].text.split()) for c in content.blanked]
    assert sorted(texts) == sorted(wanted)
    assert texts != wanted  # shuffled, not in box order
    assert [label for label, _ in content.items] == [f"{chr(65 + k)}." for k in range(13)]
    order = reading_order(OPED)
    for cid in content.blanked:
        box = str(order.index(cid) + 1)
        assert content.shown.claims[box].text == BLANK_TEXT
    kept = set(OPED.claims) - set(content.blanked)
    for cid in kept:
        assert content.shown.claims[str(order.index(cid) + 1)].text == OPED.claims[cid].text


def test_the_seed_chooses():
    one = worksheet_content(OPED, (), Settings("fill", 0.3, 1))
    again = worksheet_content(OPED, (), Settings("fill", 0.3, 1))
    two = worksheet_content(OPED, (), Settings("fill", 0.3, 2))
    assert one == again
    assert one.blanked != two.blanked
    cards1 = worksheet_content(OPED, (), Settings("cards", seed=1)).cards
    cards2 = worksheet_content(OPED, (), Settings("cards", seed=2)).cards
    assert [t for _, t in cards1] != [t for _, t in cards2]
    assert sorted(t for _, t in cards1) == sorted(t for _, t in cards2)


def test_boxes_are_numbered_in_reading_order_with_nothing_of_the_ids_left():
    content = worksheet_content(LINKED, (), Settings("classify"))
    shown = content.shown
    assert list(shown.claims) != list(LINKED.claims)
    assert set(shown.claims) == {str(k) for k in range(1, len(LINKED.claims) + 1)}
    assert shown.claims["1"].kind == "thesis"
    assert len(shown.inferences) == len(LINKED.inferences)
    steps = {inf.id for inf in shown.inferences}
    assert all(u.inference in steps for u in shown.undercuts)
    assert len(shown.undercuts) == len(LINKED.undercuts)
    ids = set(LINKED.claims) | {inf.id for inf in LINKED.inferences}
    text = repr((shown.inferences, shown.attacks, shown.undercuts))
    assert not [i for i in ids if f"'{i}'" in text]
    assert content.key == tuple(
        (f"Box {k}", LINKED.claims[cid].kind) for k, cid in enumerate(reading_order(LINKED), 1)
    )
    assert [k for k, _ in content.items] == ["thesis", "premise", "objection", "rebuttal"]
    assert content.answers == tuple(f"Box {k}" for k in range(1, len(LINKED.claims) + 1))


def finding(code: str, *claims: str) -> Finding:
    return Finding(Position("m.yaml", 3, 1), code, "x", "warning", "m", claims)


def test_flaw_questions_count_each_kind_and_the_key_names_boxes():
    found = (
        finding("AM101", "P2"),
        finding("AM101", "P3"),
        finding("AM107", "O2"),
        finding("AM102", "P1", "T1"),
    )
    content = worksheet_content(LINKED, found, Settings("flaw"))
    assert [text.split("   Boxes: ")[0] for _, text in content.items] == [
        "Find 2 premises, rebuttals or theses with no reason given "
        "(objections, evidence and precedents need none).",
        "Find 1 objection that nobody answers.",
        "Find 1 group of claims that support each other in a circle.",
    ]
    order = reading_order(LINKED)
    box = {cid: str(order.index(cid) + 1) for cid in order}
    key = dict(content.key)
    assert len(content.key) == 4
    assert key["3."].startswith(f"Box {box['P1']} and box {box['T1']}: these claims support")
    assert not any("AM1" in text for _, text in content.key)
    teacher = worksheet_content(LINKED, found, Settings("flaw", audience="teacher"))
    assert [t.rsplit(" ", 1)[1] for _, t in teacher.key] == [
        "[AM101]",
        "[AM101]",
        "[AM107]",
        "[AM102]",
    ]


def test_flaw_on_a_map_without_findings_still_asks_and_answers():
    content = worksheet_content(LINKED, (), Settings("flaw"))
    assert len(content.items) == 1 and "no flaw" in content.key[0][1]


def test_questions_in_singular_and_plural():
    assert question("AM107", 1) == "Find 1 objection that nobody answers."
    assert question("AM107", 3) == "Find 3 objections that nobody answers."
    assert question("AM999", 2) == "Find 2 places where the map shows this: AM999."
    assert question("AM105", 1) == "Find 1 objection or rebuttal that argues against nothing."
    assert question("AM105", 2) == "Find 2 objections or rebuttals that argue against nothing."
    assert question("AM103", 2) == "Find 2 claims given as a reason for themselves."
    for code, (one, many) in QUESTIONS.items():
        assert "(s)" not in one + many and "{n}" not in one, code
        assert question(code, 1) == one and question(code, 4) == many.replace("{n}", "4")


def test_an_undercut_of_linked_premises_names_the_cards_in_the_plural():
    content = worksheet_content(LINKED, (), Settings("cards"))
    number = {t: n for n, t in content.cards}
    roles = dict(content.key)
    p2 = number["Students who work need quiet places to study."]
    p3 = number["The library is the only quiet place in town."]
    t1 = number["The library should open on Sundays."]
    assert roles[f"Card {p2}"] == f"premise: supports card {t1} together with card {p3}"
    said = [r for r in roles.values() if "together do not show" in r]
    assert len(said) == 1
    assert said[0].endswith(f"; says cards {p2} and {p3} together do not show card {t1}")


def test_cards_hold_every_claim_once_with_what_each_does():
    content = worksheet_content(LINKED, (), Settings("cards"))
    assert sorted(t for _, t in content.cards) == sorted(
        " ".join(c.text.split()) for c in LINKED.claims.values()
    )
    assert [n for n, _ in content.cards] == [str(k) for k in range(1, len(LINKED.claims) + 1)]
    roles = dict(content.key)
    number = {t: n for n, t in content.cards}
    t1 = number["The library should open on Sundays."]
    p2 = number["Students who work need quiet places to study."]
    p3 = number["The library is the only quiet place in town."]
    assert roles[f"Card {t1}"] == "thesis"
    assert roles[f"Card {p2}"] == f"premise: supports card {t1} together with card {p3}"
    o1 = number["Working students may study at home instead."]
    p1 = number["Many students work on weekdays."]
    assert roles[f"Card {o1}"] == f"objection: says card {p1} does not show card {t1}"


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown kind"):
        worksheet_content(OPED, (), replace(Settings("fill"), kind="poem"))  # type: ignore[arg-type]
