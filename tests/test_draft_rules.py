"""``argmap draft`` on short texts written for these tests, one failure class each.

Each test drafts a few sentences and asserts the exact claims (id, kind,
text), the relations and, where it matters, the thesis candidates and the
merged restatements: concessions, the thesis of a one-paragraph text,
segmentation, attachment and duplicates (docs/draft.md).
"""

from __future__ import annotations

import json

import pytest

from argmap.draft import draft_file

pytest.importorskip("spacy")


def _draft(tmp_path, text: str, name: str = "essay.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return draft_file(path, model="blank").map


def _claims(amap) -> list[tuple[str, str, str]]:
    return [(cid, c.kind, c.text) for cid, c in amap.claims.items()]


def _relations(amap) -> list[tuple[str, str, str]]:
    return sorted((r["from"], r["type"], r["to"]) for r in amap.extra["draft"]["relations"])


def _candidates(amap) -> list[str]:
    return [c["claim"] for c in amap.extra["draft"]["thesis_candidates"]]


# Concessions


def test_admittedly_then_but_is_an_objection_answered_by_a_rebuttal(tmp_path):
    amap = _draft(
        tmp_path,
        "Our town should build a new library. Admittedly, we have to spend the money on "
        "roads first. But the roads were repaired last spring, so the budget is free. "
        "A library gives children a quiet place to read.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Our town should build a new library."),
        ("O1", "objection", "Admittedly, we have to spend the money on roads first."),
        ("R1", "rebuttal", "But the roads were repaired last spring"),
        ("P1", "premise", "the budget is free."),
        ("P2", "premise", "A library gives children a quiet place to read."),
    ]
    assert _relations(amap) == [
        ("O1", "attacks", "T1"),
        ("P1", "supports", "T1"),
        ("P2", "supports", "T1"),
        ("R1", "attacks", "O1"),
        ("R1", "supports", "P1"),
    ]


def test_it_is_true_that_but_splits_into_objection_and_rebuttal(tmp_path):
    amap = _draft(
        tmp_path,
        "Homework should be shorter. It is true that practice helps pupils remember, but "
        "long evenings of worksheets only tire them. Tired pupils learn less the next day.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Homework should be shorter."),
        ("O1", "objection", "It is true that practice helps pupils remember"),
        ("R1", "rebuttal", "long evenings of worksheets only tire them."),
        ("P1", "premise", "Tired pupils learn less the next day."),
    ]
    assert _relations(amap) == [
        ("O1", "attacks", "T1"),
        ("P1", "supports", "T1"),
        ("R1", "attacks", "O1"),
    ]


def test_sure_then_still_is_a_conceded_point_and_its_answer(tmp_path):
    amap = _draft(
        tmp_path,
        "Cities must plant more trees. Sure, trees cost money to water. Still, the shade "
        "they give cuts the heat in summer. Cooler streets keep old people out of hospital.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Cities must plant more trees."),
        ("O1", "objection", "Sure, trees cost money to water."),
        ("R1", "rebuttal", "Still, the shade they give cuts the heat in summer."),
        ("P1", "premise", "Cooler streets keep old people out of hospital."),
    ]
    assert ("R1", "attacks", "O1") in _relations(amap)


def test_a_conceded_clause_is_never_the_thesis_whatever_its_modal(tmp_path):
    amap = _draft(
        tmp_path,
        "Admittedly, we should spend the money on roads first. But the roads were mended "
        "last spring. Our town must build a new library.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Our town must build a new library."),
        ("O1", "objection", "Admittedly, we should spend the money on roads first."),
        ("R1", "rebuttal", "But the roads were mended last spring."),
    ]
    assert _relations(amap) == [("O1", "attacks", "T1"), ("R1", "attacks", "O1")]
    assert "O1" not in _candidates(amap)


def test_still_after_a_plain_premise_is_not_a_rebuttal(tmp_path):
    amap = _draft(
        tmp_path,
        "Libraries should open on Sundays. Many parents work during the week. Still, "
        "families read together at weekends.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Libraries should open on Sundays."),
        ("P1", "premise", "Many parents work during the week."),
        ("P2", "premise", "Still, families read together at weekends."),
    ]
    assert _relations(amap) == [("P1", "supports", "T1"), ("P2", "supports", "T1")]


def test_a_sentence_ending_in_though_is_neither_thesis_nor_rebuttal(tmp_path):
    amap = _draft(
        tmp_path,
        "Cars should be banned from the old town. The streets there are too narrow for "
        "traffic. Shops may lose some customers at first, though. Walkers spend more time "
        "in shops than drivers do.\n",
    )
    assert ("P2", "premise", "Shops may lose some customers at first, though.") in _claims(amap)
    assert _claims(amap)[0] == ("T1", "thesis", "Cars should be banned from the old town.")


def test_in_fact_after_an_objection_answers_it(tmp_path):
    amap = _draft(
        tmp_path,
        "Pupils should wear school uniforms. Some people say uniforms stop children from "
        "showing who they are. In fact, children show who they are through what they say "
        "and do. Uniforms also save parents money.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Pupils should wear school uniforms."),
        ("O1", "objection", "Some people say uniforms stop children from showing who they are."),
        ("R1", "rebuttal", "In fact, children show who they are through what they say and do."),
        ("P1", "premise", "Uniforms also save parents money."),
    ]
    assert _relations(amap) == [
        ("O1", "attacks", "T1"),
        ("P1", "supports", "T1"),
        ("R1", "attacks", "O1"),
    ]


def test_the_thesis_answering_an_objection_is_attacked_by_it(tmp_path):
    amap = _draft(
        tmp_path,
        "Some say a four-day week would hurt the economy. But firms that tried it kept "
        "their output, so the country should adopt a four-day week.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "the country should adopt a four-day week."),
        ("O1", "objection", "Some say a four-day week would hurt the economy."),
        ("R1", "rebuttal", "But firms that tried it kept their output"),
    ]
    assert _relations(amap) == [
        ("O1", "attacks", "T1"),
        ("R1", "attacks", "O1"),
        ("R1", "supports", "T1"),
    ]


# The thesis of a one-paragraph text


def test_a_restatement_at_the_end_is_merged_into_the_thesis(tmp_path):
    text = (
        "Zoos should close their elephant houses. Elephants walk many kilometres a day in "
        "the wild, and no zoo has that much room. Elephants in zoos also live shorter lives. "
        "All in all, zoos should stop keeping elephants.\n"
    )
    amap = _draft(tmp_path, text)
    assert _claims(amap) == [
        ("T1", "thesis", "Zoos should close their elephant houses."),
        (
            "P1",
            "premise",
            "Elephants walk many kilometres a day in the wild, and no zoo has that much room.",
        ),
        ("P2", "premise", "Elephants in zoos also live shorter lives."),
    ]
    assert _relations(amap) == [("P1", "supports", "T1"), ("P2", "supports", "T1")]
    (merged,) = amap.extra["draft"]["restatements"]
    start, end = merged["span"]
    assert merged["claim"] == "T1"
    assert text[start:end] == "All in all, zoos should stop keeping elephants."


def test_a_concluding_thesis_is_kept_when_the_first_sentence_is_background(tmp_path):
    text = (
        "Many families eat dinner in front of the television. Meals without screens give "
        "parents and children time to talk. Talking at the table teaches children new words. "
        "In conclusion, families should switch off the television at dinner.\n"
    )
    amap = _draft(tmp_path, text)
    assert _claims(amap)[0] == (
        "T1",
        "thesis",
        "In conclusion, families should switch off the television at dinner.",
    )
    assert _relations(amap) == [("P1", "supports", "T1"), ("P2", "supports", "T1")]
    assert amap.extra["draft"]["restatements"] == [{"claim": "T1", "span": [0, 52]}]


def test_a_question_is_not_the_thesis_its_answer_is(tmp_path):
    amap = _draft(
        tmp_path,
        "Should voting be compulsory? Compulsory voting makes parliaments represent "
        "everyone. When everyone votes, politicians cannot ignore young people. Voting "
        "should therefore be a duty for every adult.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Voting should therefore be a duty for every adult."),
        ("P1", "premise", "Compulsory voting makes parliaments represent everyone."),
        ("P2", "premise", "When everyone votes, politicians cannot ignore young people."),
    ]
    assert _relations(amap) == [("P1", "supports", "T1"), ("P2", "supports", "T1")]


def test_a_sentence_in_capitals_is_read_as_a_headline(tmp_path):
    amap = _draft(
        tmp_path,
        "Buses run every ten minutes in our city. A monthly ticket costs less than a tank "
        "of petrol. Parking in the centre is hard to find. TAKING THE BUS TO WORK IS THE "
        "BETTER CHOICE.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "TAKING THE BUS TO WORK IS THE BETTER CHOICE."),
        ("P1", "premise", "Buses run every ten minutes in our city."),
        ("P2", "premise", "A monthly ticket costs less than a tank of petrol."),
        ("P3", "premise", "Parking in the centre is hard to find."),
    ]
    assert _candidates(amap) == ["T1", "P1"]


# Segmentation


def test_semicolons_as_since_and_because_split_and_abbreviations_do_not(tmp_path):
    amap = _draft(
        tmp_path,
        "Schools should start later; teenagers sleep late by nature. Pupils learn better in "
        "the afternoon, as their minds are awake by then. The first bell rings too early, "
        "since buses must run before the roads fill up. Lessons at 10 a.m. work better, "
        "e.g. in Finland, because pupils arrive rested.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Schools should start later"),
        ("P1", "premise", "teenagers sleep late by nature."),
        ("P2", "premise", "Pupils learn better in the afternoon"),
        ("P3", "premise", "their minds are awake by then."),
        ("P4", "premise", "The first bell rings too early"),
        ("P5", "premise", "buses must run before the roads fill up."),
        ("P6", "premise", "Lessons at 10 a.m. work better, e.g. in Finland"),
        ("P7", "premise", "pupils arrive rested."),
    ]
    assert _relations(amap) == [
        ("P1", "supports", "T1"),
        ("P2", "supports", "T1"),
        ("P3", "supports", "P2"),
        ("P4", "supports", "T1"),
        ("P5", "supports", "P4"),
        ("P6", "supports", "T1"),
        ("P7", "supports", "P6"),
    ]


def test_etc_before_a_small_letter_does_not_end_a_sentence(tmp_path):
    amap = _draft(
        tmp_path,
        "Schools should teach cooking. Pupils learn maths, reading etc. in other classes.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Schools should teach cooking."),
        ("P1", "premise", "Pupils learn maths, reading etc. in other classes."),
    ]


def test_signposts_are_not_claims(tmp_path):
    amap = _draft(
        tmp_path,
        "Public transport should be free. There are three reasons. The first reason is the "
        "climate. Every car left at home saves fuel. Another reason is that poorer families "
        "spend a large share of their income on fares.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Public transport should be free."),
        ("P1", "premise", "Every car left at home saves fuel."),
        (
            "P2",
            "premise",
            "Another reason is that poorer families spend a large share of their income on fares.",
        ),
    ]


# Attachment


def test_evidence_backs_the_claim_not_its_because_clause(tmp_path):
    amap = _draft(
        tmp_path,
        "Cities should build more bike lanes. Bike lanes make cycling safe, because riders "
        "are kept apart from cars. In 2019, Copenhagen counted more bikes than cars in its "
        "centre.\n",
    )
    assert _claims(amap) == [
        ("T1", "thesis", "Cities should build more bike lanes."),
        ("P1", "premise", "Bike lanes make cycling safe"),
        ("P2", "premise", "riders are kept apart from cars."),
        ("PR1", "precedent", "In 2019, Copenhagen counted more bikes than cars in its centre."),
    ]
    assert _relations(amap) == [
        ("P1", "supports", "T1"),
        ("P2", "supports", "P1"),
        ("PR1", "supports", "P1"),
    ]


def test_objections_attack_and_kinds_agree_with_relations(tmp_path):
    amap = _draft(
        tmp_path,
        "Cities must plant more trees. Sure, trees cost money to water. Still, the shade "
        "they give cuts the heat in summer. Some people say the roots break pavements. In "
        "fact, the right trees keep their roots deep.\n",
    )
    kinds = {cid: c.kind for cid, c in amap.claims.items()}
    for source, kind, target in _relations(amap):
        if kinds[source] == "objection":
            assert kind == "attacks"
        if kinds[source] == "rebuttal":
            assert kind == "attacks" and kinds[target] == "objection" or kind == "supports"
    assert sorted(k for k in kinds.values()) == [
        "objection",
        "objection",
        "rebuttal",
        "rebuttal",
        "thesis",
    ]


# Duplicates by meaning


def test_claims_saying_the_same_are_merged_but_their_negation_is_not(tmp_path):
    text = (
        "Schools should ban phones in class. Phones distract pupils during lessons. Mobile "
        "phones distract students in lessons. Phones do not distract pupils who leave them "
        "at home.\n"
    )
    amap = _draft(tmp_path, text)
    assert _claims(amap) == [
        ("T1", "thesis", "Schools should ban phones in class."),
        ("P1", "premise", "Phones distract pupils during lessons."),
        ("P2", "premise", "Phones do not distract pupils who leave them at home."),
    ]
    (merged,) = amap.extra["draft"]["restatements"]
    start, end = merged["span"]
    assert merged["claim"] == "P1"
    assert text[start:end] == "Mobile phones distract students in lessons."


# JSON output


def test_json_keeps_spans_and_ranked_thesis_candidates(run_cli, tmp_path):
    path = tmp_path / "essay.txt"
    text = (
        "Libraries should open on Sundays. Many parents work during the week. In short, "
        "a library must be open when families are free.\n"
    )
    path.write_text(text, encoding="utf-8")
    code, stdout, _ = run_cli("draft", str(path), "--to", "json")
    assert code == 0
    data = json.loads(stdout)
    for claim in data["claims"].values():
        start, end = claim["span"]
        assert " ".join(text[start:end].split()) == claim["text"]
    ranks = [c["rank"] for c in data["draft"]["thesis_candidates"]]
    scores = [c["score"] for c in data["draft"]["thesis_candidates"]]
    assert ranks == list(range(1, len(ranks) + 1)) and scores == sorted(scores, reverse=True)
    assert data["draft"]["thesis_candidates"][0]["claim"] == "T1"


# Longer articles, titles, examples, web leftovers and files that are not text


def test_an_op_ed_restating_its_thesis_at_the_end_keeps_the_opening_one(tmp_path):
    text = (
        "Why our town needs free buses\n\n"
        "Our town council should make every bus free to ride. Fares bring in little money.\n\n"
        "Collecting fares costs more than most people think. Drivers spend minutes at each "
        "stop selling tickets.\n\n"
        "In 2013, Tallinn made its buses free, and riders rose by a tenth.\n\n"
        "Critics argue that free buses would fill with people who do not need them. However, "
        "full buses mean fewer cars on the roads.\n\n"
        "For these reasons, the council should make our buses free to ride.\n"
    )
    amap = _draft(tmp_path, text)
    assert amap.title == "Why our town needs free buses"  # the title is no claim
    assert _claims(amap) == [
        ("T1", "thesis", "Our town council should make every bus free to ride."),
        ("P1", "premise", "Fares bring in little money."),
        ("P2", "premise", "Collecting fares costs more than most people think."),
        ("P3", "premise", "Drivers spend minutes at each stop selling tickets."),
        ("PR1", "precedent", "In 2013, Tallinn made its buses free, and riders rose by a tenth."),
        (
            "O1",
            "objection",
            "Critics argue that free buses would fill with people who do not need them.",
        ),
        ("R1", "rebuttal", "However, full buses mean fewer cars on the roads."),
    ]
    assert _relations(amap) == [
        ("O1", "attacks", "T1"),
        ("P1", "supports", "T1"),
        ("P2", "supports", "T1"),
        ("P3", "supports", "P2"),
        ("PR1", "supports", "P3"),
        ("R1", "attacks", "O1"),
    ]
    (merged,) = amap.extra["draft"]["restatements"]
    start, end = merged["span"]
    assert text[start:end] == "For these reasons, the council should make our buses free to ride."


def test_an_example_is_evidence_for_the_claim_not_its_because_clause(tmp_path):
    amap = _draft(
        tmp_path,
        "Schools should start at nine. Teenagers learn badly early in the morning, because "
        "their body clocks run late. For example, a study of pupils found that marks rose "
        "when lessons started later.\n",
    )
    assert _claims(amap)[3] == (
        "E1",
        "evidence",
        "For example, a study of pupils found that marks rose when lessons started later.",
    )
    assert _relations(amap) == [
        ("E1", "supports", "P1"),
        ("P1", "supports", "T1"),
        ("P2", "supports", "P1"),
    ]


def test_share_and_related_lines_with_a_colon_are_dropped_not_the_rest(tmp_path):
    amap = _draft(
        tmp_path,
        "# Cities should plant more trees\n\nShare this article: Facebook | X | Email\n\n"
        "Trees cool the streets in summer. Shade cuts the heat on pavements by several "
        "degrees.\n\nRelated stories: Council delays vote on parks budget\n\n"
        "Cities should plant a tree for every new house.\n",
        name="trees.md",
    )
    texts = [text for _, _, text in _claims(amap)]
    assert texts == [
        "Cities should plant more trees",
        "Trees cool the streets in summer.",
        "Shade cuts the heat on pavements by several degrees.",
        "Cities should plant a tree for every new house.",
    ]
    assert amap.extra["draft"]["dropped"] == [2, 4]  # Markdown paragraphs are blocks


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "essay.rtf",
            b"{\\rtf1\\ansi Schools should ban junk food.}",
            "1:1: error AM000 invalid-map: this is an RTF document, not plain text",
        ),
        (
            "essay.docx",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xfe",
            "1:1: error AM000 invalid-map: this is a Word (.docx), OpenDocument (.odt)",
        ),
        (
            "essay.pdf",
            b"%PDF-1.7\n\xe2\xe3\xcf\xd3",
            "1:1: error AM000 invalid-map: this is a PDF",
        ),
        ("essay.txt", "\ufeffWe act.".encode("utf-16-le"), "this is UTF-16 text, not plain text"),
        (
            "essay.txt",
            b"We \x93should\x94 act now.\n",
            "1:4: error AM000 invalid-map: the file is not UTF-8 text (it may be Windows-1252",
        ),
    ],
)
def test_documents_that_are_not_plain_text_are_named(run_cli, tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "draft.yaml"
    code, stdout, stderr = run_cli("draft", str(path), "-o", str(out))
    assert code == 2 and stdout == "" and not out.exists()
    assert f"{path}:{message}" in stderr if message[0].isdigit() else message in stderr
    assert "Traceback" not in stderr


def test_a_folder_is_refused_with_a_position(run_cli, tmp_path):
    code, _, stderr = run_cli("draft", str(tmp_path))
    assert code == 2
    assert (
        stderr.strip()
        == f"{tmp_path}:1:1: error AM000 invalid-map: cannot read the file: it is a folder"
    )
