"""SADFace JSON: reading files written from the specification, writing, recognising
SADFace among .json files, bad parts skipped with positions, malformed files refused."""

from __future__ import annotations

import json
import uuid

import pytest

from argmap.analysis.checks import run_checks
from argmap.errors import MapLoadError
from argmap.io.formats import input_format
from argmap.io.sadface import dump_sadface, loads_sadface, looks_like_sadface
from argmap.io.yaml.reader import load_map, loads_map
from argmap.io.yaml.writer import dump_map
from argmap.util.files import read_text

from conftest import FIXTURES, ROOT, make_map

SAD = FIXTURES / "interchange" / "sadface"


def read(name: str):
    path = SAD / name
    return loads_sadface(read_text(path), str(path))


def short(cid: str) -> str:
    """``a1000000-…-000000000004`` → ``a4`` (the fixtures number their ids)."""
    return cid[0] + str(int(cid[-4:]))


def test_atoms_schemes_and_metadata_become_the_map():
    amap = read("cars.sadface.json").map
    assert amap.title == "Car-free centres"
    assert [(short(c.id), c.kind, c.text, c.span) for c in amap.claims.values()] == [
        ("a1", "thesis", "Cities should ban cars from their centres", (0, 41)),
        ("a2", "premise", "Cars make city centres noisy", None),
        ("a3", "premise", "Noise harms residents' sleep", None),
        ("a4", "objection", "Shops depend on drivers", None),
        ("a5", "objection", "Electric cars will soon be quiet", None),
        ("a6", "premise", "The city's noise survey says so", None),
    ]
    infs = [
        (i.linked, tuple(map(short, i.premises)), short(i.conclusion)) for i in amap.inferences
    ]
    assert infs == [(True, ("a2", "a3"), "a1"), (False, ("a6",), "a2")]
    assert short(amap.inferences[0].id) == "s1"
    assert [(short(a.attacker), short(a.target)) for a in amap.attacks] == [("a4", "a1")]
    assert [(short(u.attacker), short(u.inference)) for u in amap.undercuts] == [("a5", "s1")]


def test_what_is_not_kept_is_noted_where_it_stands():
    notes = read("cars.sadface.json").notes
    assert [(n.code, n.line, n.column, n.message) for n in notes] == [
        ("AM001", 2, 15, "metadata not kept: org.example.tool"),
        (
            "AM001",
            3,
            13,
            "document data not kept: analyst_name, analyst_email, created, edited, description",
        ),
        ("AM001", 16, 16, "1 resource(s) (source texts) not kept"),
        (
            "AM001",
            31,
            78,
            "scheme s1000000-0000-4000-8000-000000000004 named 'Expert Opinion' is read as "
            "a support (its name is not kept)",
        ),
    ]


def test_bad_parts_are_skipped_with_ids_and_positions():
    result = read("bad-parts.sadface.json")
    assert [(n.line, n.column, n.message) for n in result.notes] == [
        (2, 63, "the main claim 'gone' names no atom: not kept"),
        (8, 5, "atom q has no text: skipped with its edges"),
        (9, 25, 'node z is neither "atom" nor "scheme": skipped with its edges'),
        (14, 5, "edge e3 repeats edge e1: p → s given twice: kept once"),
        (15, 31, "edge e4: source_id 'nowhere' names no node: skipped"),
        (17, 5, "edge e6 has no 'source_id' (a node id): skipped"),
    ]
    amap = result.map
    assert [(i.premises, i.conclusion, i.linked) for i in amap.inferences] == [
        (("p",), "t", False)
    ]
    converted = loads_map(dump_map(amap))
    assert [f for f in run_checks(converted) if f.severity == "error"] == []


def test_sadface_is_recognised_by_content_and_never_read_as_aif():
    old = read_text(SAD / "old-style.json")
    aif = read_text(FIXTURES / "interchange" / "aif" / "rephrase.aif.json")
    assert looks_like_sadface(old) and not looks_like_sadface(aif)
    assert looks_like_sadface('{"metadata": {"core": {}}, "nodes": [], "edges": []}')
    assert not looks_like_sadface('{"claims": {}}') and not looks_like_sadface("[")
    assert input_format("x.json", old) == "sadface"
    assert input_format("x.json", aif) == "aif"
    assert input_format("x.sadface.json", "{}") == "sadface"


def test_old_style_file_converts_through_the_cli(run_cli, tmp_path):
    src, out = str(SAD / "old-style.json"), tmp_path / "m.yaml"
    code, stdout, stderr = run_cli("convert", src, str(out))
    assert (code, stdout) == (0, "")
    assert f"{src}:1:1: warning AM001 import-note: document data not kept" in stderr
    amap = load_map(out)
    assert [(c.id, c.kind) for c in amap.claims.values()] == [("t", "thesis"), ("p", "premise")]


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        ("malformed.sadface.json", "5:3", "malformed JSON: Expecting value"),
        ("duplicate-id.sadface.json", "5:12", "node id 'a' is used twice"),
    ],
)
def test_malformed_sadface_exits_2_with_line_and_column(run_cli, tmp_path, name, where, message):
    path = SAD / name
    code, stdout, stderr = run_cli("convert", str(path), str(tmp_path / "out.yaml"))
    assert (code, stdout) == (2, "")
    assert f"{path}:{where}: error AM000 invalid-map: {message}" in stderr
    assert not (tmp_path / "out.yaml").exists()
    code, stdout, stderr = run_cli("check", str(path))
    assert code == 2 and f"{path}:" in stdout + stderr


def test_written_document_is_sadface_with_uuid_ids_and_no_dates():
    amap = make_map(
        """
        title: Trees
        claims:
          T: {kind: thesis, text: We should plant more trees.}
          P: {kind: premise, text: Trees cool the streets., supports: T, tags: [heat]}
          Q: {kind: premise, text: Trees make streets cooler., rephrases: P}
          O: {kind: objection, text: Roots break pavements., undercuts: "P -> T"}
        """
    )
    exported = dump_sadface(amap)
    doc = json.loads(exported.text)
    assert exported.lost == ()
    assert sorted(doc) == ["edges", "metadata", "nodes", "resources"]
    core = doc["metadata"]["core"]
    assert core["title"] == "Trees" and "created" not in core and core["version"] == "0.5"
    atoms = {n["metadata"]["argmap"]["id"]: n for n in doc["nodes"] if n["type"] == "atom"}
    assert core["claim"] == atoms["T"]["id"]
    names = sorted(n["name"] for n in doc["nodes"] if n["type"] == "scheme")
    assert names == ["conflict", "rephrase", "support"]
    ids = [n["id"] for n in doc["nodes"]] + [e["id"] for e in doc["edges"]]
    assert all(uuid.UUID(i).version == 4 for i in ids) and len(set(ids)) == len(ids)
    assert dump_sadface(amap).text == exported.text  # deterministic
    back = loads_sadface(exported.text)
    assert back.notes == ()
    assert dump_map(back.map) == dump_map(amap)


@pytest.mark.parametrize(
    "path",
    [ROOT / "maps" / "two-michaels.yaml"] + sorted((FIXTURES / "valid").glob("*.yaml")),
    ids=lambda p: p.name,
)
def test_argmap_to_sadface_to_argmap_loses_nothing(path):
    amap = load_map(path)
    back = loads_sadface(dump_sadface(amap).text)
    assert dump_map(back.map) == dump_map(amap)


@pytest.mark.parametrize("text", ["[" * 100_000, '{"nodes": [' + "{}," * 30_000 + "{}]}"])
def test_hostile_input_is_refused_quickly_with_positions(text):
    assert looks_like_sadface(text) is False
    with pytest.raises(MapLoadError) as info:
        loads_sadface(text, "h.json")
    assert info.value.findings and all(
        f.file == "h.json" and f.line >= 1 for f in info.value.findings
    )
