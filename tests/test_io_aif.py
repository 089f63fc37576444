"""AIF done properly: rephrases (MA) kept and written back, bad parts skipped with
positioned notes, parallel RA nodes, repeated edges, xAIF, malformed files."""

from __future__ import annotations

import json

import pytest

from argmap.analysis.checks import run_checks
from argmap.analysis.evaluate import evaluate
from argmap.io.aif import dump_aif, loads_aif
from argmap.io.formats import FORMATS
from argmap.io.yaml.reader import loads_map
from argmap.io.yaml.writer import dump_map
from argmap.util.files import read_text

from conftest import FIXTURES, make_map

AIF = FIXTURES / "interchange" / "aif"


def read(name: str):
    path = AIF / name
    return loads_aif(read_text(path), str(path))


def test_ma_node_becomes_rephrases_on_its_target():
    amap = read("rephrase.aif.json").map
    assert {cid: c.rephrases for cid, c in amap.claims.items()} == {
        "1": (),
        "2": (),
        "4": ("2",),
        "6": (),
    }
    assert [c.tags for c in amap.claims.values()] == [()] * 4


def test_claims_joined_by_a_rephrase_are_connected():
    amap = read("rephrase.aif.json").map
    codes = sorted((f.code, f.claims) for f in run_checks(amap))
    assert ("AM106", ("4",)) not in codes
    without = loads_map(dump_map(amap).replace("    rephrases: '2'\n", ""))
    assert ("AM106", ("4",)) in sorted((f.code, f.claims) for f in run_checks(without))


def test_aif_to_yaml_to_aif_keeps_the_ma_node():
    yaml_text = dump_map(read("rephrase.aif.json").map)
    assert "rephrases: '2'" in yaml_text
    doc = json.loads(dump_aif(loads_map(yaml_text)).text)
    by_id = {n["nodeID"]: n for n in doc["nodes"]}
    [ma] = [n for n in doc["nodes"] if n["type"] == "MA"]
    assert ma["text"] == "Default Rephrase"
    into = [by_id[e["fromID"]]["text"] for e in doc["edges"] if e["toID"] == ma["nodeID"]]
    out = [by_id[e["toID"]]["text"] for e in doc["edges"] if e["fromID"] == ma["nodeID"]]
    assert (into, out) == (["Cars make city centres noisy"], ["Car traffic makes the centre loud"])
    assert all("rephrases" not in n.get("argmap", {}) for n in doc["nodes"])
    back = loads_aif(dump_aif(loads_map(yaml_text)).text).map
    assert back.claims["4"].rephrases == ("2",)


def test_bad_parts_are_skipped_with_their_ids_and_positions():
    result = read("bad-parts.aif.json")
    where = str(AIF / "bad-parts.aif.json")
    assert [(n.code, n.line, n.column, n.message) for n in result.notes] == [
        ("AM001", 6, 5, "RA node 4 repeats the inference of RA node 3 (2 → 1): kept once"),
        ("AM001", 7, 5, "I node 5 has no text: skipped with its edges"),
        ("AM001", 8, 5, "a node without a 'nodeID' (a string or a number): skipped"),
        ("AM001", 9, 5, 'node 6 has no \'type\' such as "I" or "RA": skipped with its edges'),
        ("AM001", 19, 31, "edge 6: fromID '99' names no node: skipped"),
        ("AM001", 21, 5, "edge 8 repeats edge 7: 7 → 8 given twice: kept once"),
    ]
    assert {n.file for n in result.notes} == {where}
    amap = result.map
    assert list(amap.claims) == ["1", "2", "7"]
    assert [(i.id, i.premises, i.conclusion, i.linked) for i in amap.inferences] == [
        ("2 -> 1", ("2",), "1", False),
        ("7 -> 2", ("7",), "2", False),
    ]


def test_converted_bad_parts_pass_check_without_errors():
    amap = loads_map(dump_map(read("bad-parts.aif.json").map))
    assert [f for f in run_checks(amap) if f.severity == "error"] == []


def test_parallel_linked_ra_nodes_are_one_inference_undercut_through_either():
    nodes = [{"nodeID": str(k), "text": f"claim {k}", "type": "I"} for k in (1, 2, 3, 4)]
    nodes += [
        {"nodeID": "8", "text": "Default Inference", "type": "RA"},
        {"nodeID": "9", "text": "Argument From Expert Opinion", "type": "RA"},
        {"nodeID": "10", "text": "Default Conflict", "type": "CA"},
    ]
    pairs = [("2", "8"), ("3", "8"), ("8", "1"), ("3", "9"), ("2", "9"), ("9", "1")]
    pairs += [("4", "10"), ("10", "9")]
    edges = [{"fromID": a, "toID": b} for a, b in pairs]
    result = loads_aif(json.dumps({"nodes": nodes, "edges": edges}))
    amap = result.map
    assert [(i.id, i.premises) for i in amap.inferences] == [("8", ("2", "3"))]
    assert [(u.attacker, u.inference) for u in amap.undercuts] == [("4", "8")]
    assert [f.code for f in run_checks(amap) if f.severity == "error"] == []
    assert [n.message for n in result.notes] == [
        "RA node 9 repeats the inference of RA node 8 (3, 2 → 1): kept once",
        "the scheme 'Argument From Expert Opinion' of RA node 9 is not kept "
        "(argmap keeps the step, not the name of its scheme)",
    ]


def test_xaif_wrapper_of_ova3_is_read_and_dialogue_noted():
    result = read("xaif.json")
    assert [(c.id, c.kind, c.text) for c in result.map.claims.values()] == [
        ("10", "thesis", "We should plant more trees"),
        ("11", "premise", "Trees cool the streets"),
    ]
    assert [(n.line, n.message.split(":")[0]) for n in result.notes] == [
        (3, "dropped 1 L, 1 YA node(s) and their edges"),
        (16, "1 locutions (dialogue data) dropped"),
        (17, "1 participants (dialogue data) dropped"),
        (21, "OVA's analysed 'text' is not kept"),
    ]


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        ("malformed.aif.json", "6:20", "malformed JSON: Expecting ',' delimiter"),
        ("duplicate-id.aif.json", "4:16", "node id '1' is used twice"),
    ],
)
def test_malformed_aif_exits_2_with_line_and_column(run_cli, tmp_path, name, where, message):
    path = AIF / name
    code, stdout, stderr = run_cli("convert", str(path), str(tmp_path / "out.yaml"))
    assert (code, stdout) == (2, "")
    assert f"{path}:{where}: error AM000 invalid-map: {message}" in stderr
    assert not (tmp_path / "out.yaml").exists()
    code, stdout, stderr = run_cli("check", str(path))
    assert code == 2 and f"{path}:{where}: error AM000 invalid-map: {message}" in stdout


def test_convert_keeps_rephrases_and_reports_loss_where_the_format_cannot(run_cli, tmp_path):
    src = str(AIF / "rephrase.aif.json")
    assert run_cli("convert", src, str(tmp_path / "m.yaml"))[0] == 0
    code, _, stderr = run_cli("convert", str(tmp_path / "m.yaml"), str(tmp_path / "m.mmd"))
    assert code == 0
    assert "warning AM002 export-loss" in stderr and "rephrases of 1 claim" in stderr
    code, _, stderr = run_cli("convert", str(tmp_path / "m.yaml"), str(tmp_path / "m.graphml"))
    assert (code, stderr) == (0, f"wrote {tmp_path / 'm.graphml'}\n")  # GraphML keeps them
    again = tmp_path / "again.yaml"
    assert run_cli("convert", str(tmp_path / "m.graphml"), str(again))[0] == 0
    assert again.read_text(encoding="utf-8") == (tmp_path / "m.yaml").read_text(encoding="utf-8")


def test_yaml_rephrases_are_validated_with_positions():
    bad = "claims:\n  T: {kind: thesis, text: t, rephrases: [T, Q]}\n"
    with pytest.raises(Exception) as info:
        loads_map(bad, "m.yaml")
    assert sorted((f.line, f.column, f.message) for f in info.value.findings) == [
        (2, 42, "claim T rephrases itself: name another claim"),
        (2, 45, "claim T rephrases 'Q', which is no claim id"),
    ]


def test_rephrase_is_no_reason_and_evaluate_ignores_it():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: We should act.}
          P: {kind: premise, text: It helps., supports: T}
          Q: {kind: premise, text: It is of use., rephrases: P}
        """
    )
    same = make_map(
        """
        claims:
          T: {kind: thesis, text: We should act.}
          P: {kind: premise, text: It helps., supports: T}
          Q: {kind: premise, text: It is of use., supports: T}
        """
    )
    assert [i.conclusion for i in amap.inferences] == ["T"]
    codes = {(f.code, f.claims) for f in run_checks(amap)}
    assert ("AM106", ("Q",)) not in codes and ("AM101", ("Q",)) in codes
    assert len(same.inferences) == 2  # a second reason is a support, not a rephrase
    assert FORMATS["aif"].write(amap).lost == ()
    plain = loads_map(dump_map(amap).replace("    rephrases: P\n", ""))
    assert plain.claims["Q"].rephrases == ()
    for semantics in ("carneades", "grounded"):
        with_it, without = (
            evaluate(amap, semantics=semantics),
            evaluate(plain, semantics=semantics),
        )
        assert with_it.labelling == without.labelling
        assert with_it.strength == without.strength


def test_a_rephrase_is_drawn_as_its_own_line_and_listed_in_the_legend():
    from argmap.render.dot import to_dot

    amap = read("rephrase.aif.json").map
    dot = to_dot(amap)
    assert dot == to_dot(amap)
    [line] = [row for row in dot.splitlines() if "class=rephrase" in row]
    assert line.lstrip().startswith("n2 -> n1 ")
    assert "dir=both" in line and "arrowhead=odot" in line and "arrowtail=odot" in line
    assert "rephrases: says it again" in dot
    plain = loads_map(dump_map(amap).replace("    rephrases: '2'\n", ""))
    assert "rephrase" not in to_dot(plain)


def test_a_rephrase_changes_the_element_ids_of_a_drawing_and_none_keeps_them():
    from argmap.render.pipeline import content_digest

    amap = read("rephrase.aif.json").map
    plain = loads_map(dump_map(amap).replace("    rephrases: '2'\n", ""))
    assert content_digest(amap) != content_digest(plain)
    assert content_digest(plain) == content_digest(loads_map(dump_map(plain)))


def test_a_named_scheme_is_noted_not_silently_dropped():
    text = """{"nodes": [
 {"nodeID": "1", "type": "I", "text": "Dr Lee says cats purr."},
 {"nodeID": "2", "type": "RA", "text": "Argument From Expert Opinion"},
 {"nodeID": "3", "type": "I", "text": "Cats purr."},
 {"nodeID": "4", "type": "CA", "text": "Default Conflict"},
 {"nodeID": "5", "type": "I", "text": "Dr Lee is no vet."}
], "edges": [
 {"edgeID": "a", "fromID": "1", "toID": "2"}, {"edgeID": "b", "fromID": "2", "toID": "3"},
 {"edgeID": "c", "fromID": "5", "toID": "4"}, {"edgeID": "d", "fromID": "4", "toID": "1"}
]}"""
    imported = loads_aif(text, "expert.json")
    assert [(n.line, n.column, n.message) for n in imported.notes] == [
        (
            3,
            40,
            "the scheme 'Argument From Expert Opinion' of RA node 2 is not kept "
            "(argmap keeps the step, not the name of its scheme)",
        )
    ]
    assert [(i.premises, i.conclusion) for i in imported.map.inferences] == [(("1",), "3")]
