"""``argmap draft``: the claims, kinds, spans and relations proposed for short test articles.

The articles in tests/fixtures/draft/ were written for these tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from argmap.api.drafting import map_file
from argmap.draft import draft_file
from argmap.errors import MapLoadError
from argmap.io.mapdata import map_to_dict
from argmap.io.yaml.reader import load_map

from conftest import FIXTURES, ROOT

CARS = FIXTURES / "draft" / "cars.txt"
LIBRARIES = FIXTURES / "draft" / "libraries.md"
KINDS = "1 thesis, 6 premise, 2 precedent, 1 evidence, 2 objection, 2 rebuttal"


@pytest.fixture(scope="module")
def cars():
    return draft_file(CARS, model="blank")


def test_claims_kinds_and_paragraphs(cars):
    got = [(cid, c.kind, c.para, c.text) for cid, c in cars.map.claims.items()]
    assert got == [
        ("T1", "thesis", (2,), "Cities should ban cars from their centres"),
        (
            "P1",
            "premise",
            (4,),
            "Our streets belong to people, not to traffic, and we must take them back.",
        ),
        ("O1", "objection", (5,), "Critics say that a ban would ruin local shops."),
        ("R1", "rebuttal", (5,), "But the shops on car-free streets sell more than before."),
        ("PR1", "precedent", (6,), "In 2019, Oslo removed most parking spaces from its centre."),
        ("PR2", "precedent", (6,), "Footfall in Oslo rose that year."),
        (
            "E1",
            "evidence",
            (7,),
            "A city report found that 80% of residents back the change, the mayor said.",
        ),
        ("P2", "premise", (8,), "Engines and horns make cars very loud"),
        ("P3", "premise", (8,), "city streets become unpleasant places."),
        ("P4", "premise", (9,), "Children walk to school more often"),
        ("P5", "premise", (9,), "the roads are safe without cars."),
        ("O2", "objection", (10,), "buses will still need access"),
        ("R2", "rebuttal", (10,), "delivery vans can use the ring road at night."),
        ("P6", "premise", (11,), "It is time to ban cars from our centres."),
    ]


def test_spans_point_into_the_original_file(cars):
    text = CARS.read_text(encoding="utf-8")
    assert cars.map.claims["T1"].span == (21, 62)
    assert cars.map.claims["R2"].span == (635, 680)
    for claim in cars.map.claims.values():
        start, end = claim.span
        assert text[start:end] == claim.text, claim.id


def test_relations_from_markers_and_by_position(cars):
    rels = [
        (r["from"], r["to"], r["type"], r["marker"], r["confidence"])
        for r in cars.map.extra["draft"]["relations"]
    ]
    assert rels == [
        ("P1", "T1", "supports", None, 0.3),
        ("O1", "T1", "attacks", None, 0.3),
        ("R1", "O1", "attacks", "but", 0.6),  # "But ..." answers the critics
        ("PR1", "R1", "supports", None, 0.3),
        ("PR2", "R1", "supports", None, 0.3),
        ("E1", "R1", "supports", None, 0.3),
        ("P2", "P3", "supports", ", so", 0.6),  # "X, so Y": X supports Y
        ("P3", "T1", "supports", None, 0.3),
        ("P4", "T1", "supports", None, 0.3),
        ("P5", "P4", "supports", "because", 0.8),  # "X because Y": Y supports X
        ("O2", "T1", "attacks", None, 0.3),
        ("R2", "O2", "attacks", "although", 0.7),  # "Although X, Y": Y answers X
        ("P6", "T1", "supports", None, 0.3),
    ]
    # The claims carry the same relations as plain supports/attacks.
    supports = {(i.premises[0], i.conclusion) for i in cars.map.inferences}
    attacks = {(a.attacker, a.target) for a in cars.map.attacks}
    assert supports | attacks == {(r[0], r[1]) for r in rels}


def test_thesis_candidates_review_and_dropped(cars):
    block = cars.map.extra["draft"]
    assert block["thesis_candidates"] == [
        {"claim": "T1", "rank": 1, "score": 6.5},  # title 3 + "should" 2 + echo 2 × 0.75
        {"claim": "P6", "rank": 2, "score": 6.5},  # "it is time to" 3 + last 2 + echo 1.5
        {"claim": "P1", "rank": 3, "score": 4.0},  # "we must" 3 + first paragraph 1
    ]
    assert block["review"] == ["T1", "P1", "O1", "O2", "P6"]
    assert block["dropped"] == [1, 3, 12, 13, 14]
    assert block["pipeline"] == "blank"
    assert cars.map.title == "Cities should ban cars from their centres"
    assert cars.map.source is not None and cars.map.source.title == cars.map.title


def test_markdown_paragraphs_headings_and_spans():
    made = draft_file(LIBRARIES, model="blank")
    text = LIBRARIES.read_text(encoding="utf-8")
    got = [(cid, c.kind, c.para, c.text) for cid, c in made.map.claims.items()]
    assert got == [
        ("T1", "thesis", (5,), "Councils should raise library budgets"),
        ("P1", "premise", (2,), "Public libraries lend books and films to everyone for free."),
        ("P2", "premise", (2,), "They also offer warm reading rooms in winter."),
        ("P3", "premise", (5,), "reading rooms serve the poorest residents."),
    ]
    # the title, which is not the thesis, is the map's title and no claim
    assert made.map.title == "Libraries deserve more money"
    start, end = made.map.claims["P1"].span
    assert text[start:end] == "Public libraries lend books\nand films to everyone for free."
    for claim in made.map.claims.values():
        start, end = claim.span
        assert " ".join(text[start:end].split()) == claim.text
    assert made.map.extra["draft"]["dropped"] == [3, 4]  # a share widget, a sub-heading
    assert [(r["from"], r["to"], r["marker"]) for r in made.map.extra["draft"]["relations"]] == [
        ("P1", "T1", None),
        ("P2", "P1", None),
        ("P3", "T1", "because"),
    ]


def test_cli_writes_a_map_that_loads_and_checks(run_cli, tmp_path):
    out = tmp_path / "draft.yaml"
    code, stdout, stderr = run_cli("draft", str(CARS), "-o", str(out))
    assert code == 0 and stdout == ""
    assert stderr.splitlines() == [
        f"drafted 14 claims ({KINDS}) from {CARS}",
        "thesis candidates: 3; to review: T1, P1, O1, O2, P6",
        "dropped: ¶1 (navigation), ¶3 (photo-credit), ¶12 (hashtags), ¶13 (footer), ¶14 (footer)",
        f"wrote {out}",
    ]
    assert load_map(out).claims.keys() == draft_file(CARS, model="blank").map.claims.keys()
    code, report, _ = run_cli("check", "--format", "json", str(out))
    assert code == 0  # warnings only: no circular or self support
    checks = {f["check"] for f in json.loads(report)["findings"]}
    assert checks <= {"unsupported-claim", "unanswered-objection"}


def test_json_is_the_same_data_as_yaml(run_cli, tmp_path):
    out = tmp_path / "draft.yaml"
    run_cli("draft", str(CARS), "-o", str(out))
    code, stdout, _ = run_cli("draft", str(CARS), "--format", "json")
    assert code == 0
    assert json.loads(stdout) == yaml.safe_load(out.read_text(encoding="utf-8"))


def test_output_is_byte_identical_across_runs(run_cli, tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    run_cli("draft", str(CARS), "-o", str(first))
    run_cli("draft", str(CARS), "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8").startswith(
        "# Draft argument map made by 'argmap draft' from cars.txt (spaCy pipeline: blank).\n"
    )


def test_missing_model_is_a_clear_error(run_cli, tmp_path):
    out = tmp_path / "d.yaml"
    code, stdout, stderr = run_cli(
        "draft", str(CARS), "--model", "xx_no_such_pipeline", "-o", str(out)
    )
    assert code == 2 and stdout == ""
    assert stderr == (
        "argmap: spaCy pipeline 'xx_no_such_pipeline' is not installed: install it with "
        "'python -m spacy download xx_no_such_pipeline' (this needs the network), give the "
        "folder of a saved pipeline, or leave out --model to draft with the built-in rules\n"
    )
    assert not out.exists()


def test_a_pipeline_with_entities_is_used_and_announced(run_cli, tmp_path):
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "DATE", "pattern": "Last spring"}, {"label": "GPE", "pattern": "Freedonia"}]
    )
    nlp.to_disk(tmp_path / "pipeline")
    article = tmp_path / "bridge.txt"
    article.write_text(
        "Bridges matter\nLast spring the council closed the old bridge in "
        "Freedonia.\nWe should reopen the bridge.\n",
        encoding="utf-8",
    )
    kinds = {}
    for model in ("blank", str(tmp_path / "pipeline")):
        code, stdout, stderr = run_cli("draft", str(article), "--model", model)
        assert code == 0
        kinds[model] = {c["text"]: c["kind"] for c in yaml.safe_load(stdout)["claims"].values()}
        announced = (
            f"argmap draft: using spaCy pipeline {model} for sentence boundaries "
            f"and named entities"
        )
        assert (announced in stderr.splitlines()) == (model != "blank")
    sentence = "Last spring the council closed the old bridge in Freedonia."
    # Rules alone see a name and a past action (2 points, premise); the entity
    # DATE adds the year cue (2 points), which makes it a precedent.
    # The title "Bridges matter" is not the thesis: it stays the map's title only.
    assert kinds == {
        "blank": {
            sentence: "premise",
            "We should reopen the bridge.": "thesis",
        },
        str(tmp_path / "pipeline"): {
            sentence: "precedent",
            "We should reopen the bridge.": "thesis",
        },
    }


def test_extra_patterns_extend_the_built_in_ones(run_cli, tmp_path):
    extra = tmp_path / "patterns"
    extra.mkdir()
    (extra / "cues.json").write_text(
        json.dumps(
            {
                "cues": [
                    {
                        "id": "naysayers",
                        "kind": "objection",
                        "weight": 3,
                        "phrases": ["naysayers insist"],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text(
        "Parks need trees\nNaysayers insist that trees cost too much money.\n", encoding="utf-8"
    )
    plain = yaml.safe_load(run_cli("draft", str(article))[1])
    extended = yaml.safe_load(run_cli("draft", str(article), "--patterns", str(extra))[1])
    assert [c["kind"] for c in plain["claims"].values()] == ["thesis", "premise"]
    assert [c["kind"] for c in extended["claims"].values()] == ["thesis", "objection"]


def test_bad_patterns_file_names_file_line_and_column(run_cli, tmp_path):
    extra = tmp_path / "patterns"
    extra.mkdir()
    (extra / "markers.json").write_text(
        '{"markers": [\n  {"phrase": "hence", "role": "opener",'
        ' "type": "supports", "from": "previous"}\n]}\n'
    )
    code, _, stderr = run_cli("draft", str(CARS), "--patterns", str(extra))
    assert code == 2
    assert stderr == (
        f'{extra / "markers.json"}:2:14: error AM000 invalid-map: marker "hence": '
        "'type' must be one of support, attack, none\n"
    )
    (extra / "markers.json").write_text('{"markers": [,]}')
    code, _, stderr = run_cli("draft", str(CARS), "--patterns", str(extra))
    assert code == 2 and stderr.startswith(
        f"{extra / 'markers.json'}:1:14: error AM000 invalid-map: malformed JSON"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"",
            "{path}:1:1: error AM000 invalid-map: the article is empty: there is nothing to "
            "draft\n",
        ),
        (
            b"ok\n\xff\n",
            "{path}:2:1: error AM000 invalid-map: the file is not UTF-8 text (it may be "
            "Windows-1252 or Latin-1, as older editors save): save it again choosing the "
            "UTF-8 encoding\n",
        ),
    ],
)
def test_bad_articles_exit_2_without_output(run_cli, tmp_path, content, message):
    article, out = tmp_path / "a.txt", tmp_path / "d.yaml"
    article.write_bytes(content)
    code, stdout, stderr = run_cli("draft", str(article), "-o", str(out))
    assert (code, stdout, stderr) == (2, "", message.format(path=article))
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo, out = tmp_path / "article.txt", tmp_path / "d.yaml"
    os.mkfifo(fifo)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "draft", str(fifo), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,  # reading a FIFO would wait for a writer forever
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        f"{fifo}:1:1: error AM000 invalid-map: cannot read the file: it is not a regular file\n",
    )
    assert not out.exists()


def test_a_folder_is_refused(run_cli, tmp_path):
    folder = tmp_path / "article.txt"
    folder.mkdir()
    with pytest.raises(MapLoadError) as err:
        draft_file(folder, model="blank")
    assert str(err.value) == (
        f"{folder}:1:1: error AM000 invalid-map: cannot read the file: it is a folder"
    )
    code, stdout, stderr = run_cli("draft", str(folder), "-o", str(tmp_path / "d.yaml"))
    assert (code, stdout) == (2, "")
    assert str(folder) in stderr and "Traceback" not in stderr
    assert not (tmp_path / "d.yaml").exists()


def test_crlf_article_spans_point_into_the_original_file(tmp_path):
    article = tmp_path / "crlf.txt"
    raw = CARS.read_text(encoding="utf-8").replace("\n", "\r\n")
    article.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    made = draft_file(article, model="blank")
    cars = draft_file(CARS, model="blank")
    assert [(c.id, c.kind, c.text) for c in made.map.claims.values()] == [
        (c.id, c.kind, c.text) for c in cars.map.claims.values()
    ]
    assert made.map.claims["T1"].span == (22, 63)  # one CR more before it than in cars.txt
    for claim in made.map.claims.values():
        start, end = claim.span
        assert " ".join(raw[start:end].split()) == claim.text, claim.id


def test_the_map_file_is_a_header_and_the_map_and_loads_back(cars):
    text, loaded = map_file(cars)
    assert text.splitlines()[:3] == [
        "# Draft argument map made by 'argmap draft' from cars.txt (spaCy pipeline: blank).",
        "# It copies the article's sentences: check every claim (start with draft.review),",
        "# paraphrase, and never publish or commit a draft of a text you do not own.",
    ]
    assert yaml.safe_load(text) == map_to_dict(cars.map)
    assert map_to_dict(loaded) == map_to_dict(cars.map)
    loc = loaded.claims["T1"].loc  # read back from the text, under the draft map's name
    assert loc is not None and (loc.file, loc.line) == ("<draft>", 8)
    assert text.splitlines()[loc.line - 1] == "  T1:"


def test_cli_import_does_not_import_spacy():
    code = (
        "import sys, argmap.cli.app, argmap.draft; print(sorted(m for m in ('spacy', "
        "'thinc') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout == "[]\n"


def test_missing_spacy_is_a_clear_error(monkeypatch):
    import importlib

    from argmap.draft import nlp
    from argmap.errors import UsageError

    real = importlib.import_module

    def refuse(name, *args):
        if name == "spacy":
            raise ImportError("No module named 'spacy'")
        return real(name, *args)

    monkeypatch.setattr(nlp.importlib, "import_module", refuse)
    with pytest.raises(UsageError) as err:
        nlp.load_pipeline()
    assert str(err.value) == (
        "argmap draft needs spaCy, which is not installed: pip install 'argmap[draft]' "
        "(or run 'make demo', which installs it)"
    )


def test_answer_cue_and_additive_not_only_but(tmp_path):
    article = tmp_path / "parking.txt"
    article.write_text(
        "Parking should cost more\n"
        "Some argue that free parking helps small shops.\n"
        "In fact the shops lose trade to blocked streets.\n"
        "Not only do drivers circle for spaces, but city buses get stuck behind them.\n",
        encoding="utf-8",
    )
    made = draft_file(article, model="blank")
    assert [(cid, c.kind, c.text) for cid, c in made.map.claims.items()] == [
        ("T1", "thesis", "Parking should cost more"),
        ("O1", "objection", "Some argue that free parking helps small shops."),
        ("R1", "rebuttal", "In fact the shops lose trade to blocked streets."),
        ("P1", "premise", "Not only do drivers circle for spaces"),
        ("P2", "premise", "city buses get stuck behind them."),
    ]
    # "In fact" answers the objection before it; "not only X, but Y" is no attack.
    assert [
        (r["from"], r["to"], r["type"], r["marker"]) for r in made.map.extra["draft"]["relations"]
    ] == [
        ("O1", "T1", "attacks", None),
        ("R1", "O1", "attacks", "answer"),
        ("P1", "T1", "supports", None),
        ("P2", "P1", "supports", None),
    ]


def test_a_patterns_file_that_is_not_utf8_is_reported(run_cli, tmp_path):
    extra = tmp_path / "patterns"
    extra.mkdir()
    (extra / "cues.json").write_bytes(b'{"cues": [],\n "settings": {}}\xff\n')
    code, stdout, stderr = run_cli("draft", str(CARS), "--patterns", str(extra))
    assert (code, stdout, stderr) == (
        2,
        "",
        f"{extra / 'cues.json'}:2:17: error AM000 invalid-map: the file is not UTF-8 text: "
        "save it as UTF-8\n",
    )


def test_bad_setting_is_reported(run_cli, tmp_path):
    extra = tmp_path / "patterns"
    extra.mkdir()
    (extra / "cues.json").write_text('{"settings": {\n  "basis_threshold": "three"}}\n')
    code, _, stderr = run_cli("draft", str(CARS), "--patterns", str(extra))
    assert (code, stderr) == (
        2,
        f"{extra / 'cues.json'}:2:3: error AM000 invalid-map: settings: 'basis_threshold' "
        f"must be a number from -1,000,000 to 1,000,000\n",
    )
