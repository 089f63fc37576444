"""Dung frameworks (APX, TGF, ICCMA 2023): reading, the attack projection, malformed files,
and the grounded extension against python-argumentation's reference implementation."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluate import evaluate
from argmap.errors import MapLoadError
from argmap.io.dung.apx import apx_name, dump_apx, loads_apx
from argmap.io.dung.iccma import dump_iccma, loads_iccma
from argmap.io.dung.tgf import dump_tgf, loads_tgf
from argmap.io.exchange import losses
from argmap.io.formats import input_format

from conftest import FIXTURES, make_map

DUNG = FIXTURES / "interchange" / "dung"
READERS = {"apx": loads_apx, "tgf": loads_tgf, "af": loads_iccma}
ODD = "f, the odd one"
ATTACKS = {("b", "a"), ("c", "b"), ("d", "e"), ("e", "d"), (ODD, ODD), (ODD, "e")}


def read(name: str):
    path = DUNG / name
    return READERS[path.suffix[1:]](path.read_text(encoding="utf-8"), str(path))


def attacks(amap) -> set[tuple[str, str]]:
    return {(a.attacker, a.target) for a in amap.attacks}


@pytest.mark.parametrize("name", ["reinstatement.apx", "reinstatement.af"])
def test_apx_and_iccma_read_the_same_framework(name):
    imported = read(name)
    amap = imported.map
    assert list(amap.claims) == ["a", "b", "c", "d", "e", ODD]
    assert {c.text for c in amap.claims.values()} == set(amap.claims)
    assert attacks(amap) == ATTACKS
    assert amap.inferences == () and amap.undercuts == ()
    assert imported.notes == ()
    assert amap.claims["a"].kind == "thesis" and amap.claims["b"].kind == "objection"
    assert amap.claims["c"].kind == "rebuttal"


def test_tgf_labels_are_texts():
    amap = read("reinstatement.tgf").map
    assert amap.claims["a"].text == "The accused was at home."
    assert amap.claims["d"].text == "d"
    assert attacks(amap) == {
        (a.replace(ODD, "f_odd"), t.replace(ODD, "f_odd")) for a, t in ATTACKS
    }


def test_grounded_on_the_files_is_the_reference_grounded_extension():
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.import_export.argumentation_framework_from_aspartix_format_reader import (
        ArgumentationFrameworkFromASPARTIXFormatReader,
    )

    text = "arg(a). arg(b). arg(c). arg(d). arg(e). arg(f).\n"
    text += "att(b,a). att(c,b). att(d,e). att(e,d). att(f,f). att(f,e).\n"
    reference = ArgumentationFrameworkFromASPARTIXFormatReader.from_apx(text)
    expected = {a.name for a in get_grounded_extension(reference)}
    assert expected == {"a", "c"}
    for name in ("reinstatement.apx", "reinstatement.af"):
        labels = evaluate(read(name).map, semantics="grounded").labelling
        assert {k for k, v in labels.items() if v == "IN"} == expected
        assert labels == {
            "a": "IN",
            "b": "OUT",
            "c": "IN",
            "d": "UNDEC",
            "e": "UNDEC",
            ODD: "UNDEC",
        }


FRAMEWORKS = st.integers(1, 8).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n * 3),
    )
)


@settings(max_examples=60, deadline=None)
@given(FRAMEWORKS)
def test_frameworks_written_by_the_reference_read_to_its_grounded_extension(case):
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.import_export.argumentation_framework_to_aspartix_format_writer import (
        ArgumentationFrameworkToASPARTIXFormatWriter as Apx,
    )
    from py_arg.import_export.argumentation_framework_to_iccma23_format_writer import (
        ArgumentationFrameworkToICCMA23FormatWriter as Iccma,
    )
    from py_arg.import_export.argumentation_framework_to_trivial_graph_format_writer import (
        ArgumentationFrameworkToTrivialGraphFormatWriter as Tgf,
    )

    n, pairs = case
    args = [Argument(f"a{i}") for i in range(n)]
    af = AbstractArgumentationFramework("t", args, [Defeat(args[i], args[j]) for i, j in pairs])
    expected = {a.name for a in get_grounded_extension(af)}
    for reader, text, name in (
        (loads_apx, Apx.write_to_str(af), lambda cid: cid),
        (loads_tgf, Tgf.write_to_str(af), lambda cid: cid),
        (loads_iccma, Iccma.write_to_str(af), lambda cid: f"a{int(cid) - 1}"),
    ):
        amap = reader(text, "gen").map
        assert len(amap.claims) == n
        labels = evaluate(amap, semantics="grounded").labelling
        assert {name(k) for k, v in labels.items() if v == "IN"} == expected


def test_the_attack_projection_and_what_it_loses():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: The thesis.}
          P: {kind: premise, text: A reason., supports: T}
          O: {kind: objection, text: An objection., attacks: T}
          U: {kind: objection, text: Not a reason., undercuts: P -> T}
        """
    )
    apx = dump_apx(amap)
    assert apx.text == 'arg("T").\narg("P").\narg("O").\narg("U").\natt("O","T").\n'
    assert apx.lost == (
        "inference P -> T",
        "the undercut of P -> T by U",
        "texts of 4 claims",
        "kinds of 1 claim",  # U: an objection to no claim reads back as a premise
    )
    found = losses(amap, apx, "apx", "t.yaml")
    assert [(f.line, f.message) for f in found][:2] == [
        (4, "the apx output leaves out inference P -> T"),
        (6, "the apx output leaves out the undercut of P -> T by U"),
    ]
    assert dump_iccma(amap).text == "p af 4\n# 1 T\n# 2 P\n# 3 O\n# 4 U\n3 1\n"
    tgf = dump_tgf(amap)
    assert tgf.text == "T The thesis.\nP A reason.\nO An objection.\nU Not a reason.\n#\nO T\n"
    assert "texts of 4 claims" not in tgf.lost


def test_names_that_need_quoting():
    assert apx_name("a1") == "a1" and apx_name("7") == "7"
    assert apx_name('Say "hi"\\') == '"Say \\"hi\\"\\\\"'
    back = loads_apx(f"arg({apx_name(' x, y ')}).", "q.apx").map
    assert list(back.claims) == [" x, y "]
    spaced = make_map(
        "claims:\n  ' a b ': {kind: thesis, text: x}\n  '2': {kind: thesis, text: y}",
    )
    assert dump_iccma(spaced).text == 'p af 2\n# 1 " a b "\n'
    assert list(loads_iccma(dump_iccma(spaced).text, "q.af").map.claims) == [" a b ", "2"]
    tgf = dump_tgf(spaced)
    assert tgf.text.startswith("1 x\n2 y\n#") and tgf.lost[-1].startswith("claim ids")


def test_iccma_names_that_clash_keep_numbers():
    imported = loads_iccma("p af 2\n# 1 x\n# 2 x\n1 2\n", "c.af")
    assert list(imported.map.claims) == ["1", "2"]
    assert [(n.line, n.column) for n in imported.notes] == [(2, 5), (3, 5)]


def test_iccma_comment_lines_in_order_name_the_arguments():
    amap = read("named-in-order.af").map
    assert list(amap.claims) == ["first", "second", "third"]
    assert attacks(amap) == {("second", "first"), ("third", "second")}
    imported = loads_iccma("p af 3\n# made by hand\n2 1\n", "c.af")
    assert list(imported.map.claims) == ["1", "2", "3"]
    assert [(n.line, n.column) for n in imported.notes] == [(2, 3)]
    assert "the comments after 'p af 3' name no argument" in imported.notes[0].message


def test_other_facts_and_edge_labels_are_noted():
    imported = loads_apx("arg(a).\nvalue(a, 3).\n", "v.apx")
    assert [(n.line, n.column, n.code) for n in imported.notes] == [(2, 1, "AM001")]
    imported = loads_tgf("a\nb\n#\na b attacks\n", "l.tgf")
    assert [(n.line, n.column) for n in imported.notes] == [(4, 5)]


MALFORMED = {
    "missing-dot.apx": (3, 1, "expected '.'"),
    "undeclared.apx": (3, 1, "names 'c', which is no declared argument"),
    "unclosed-quote.apx": (2, 5, "quoted name is not closed"),
    "wrong-arity.apx": (2, 1, "att(...) takes two names, not 1"),
    "one-node-edge.tgf": (5, 1, "names one node"),
    "undeclared.tgf": (4, 1, "names 'c', which is no declared argument"),
    "twice.tgf": (2, 1, "declared twice"),
    "no-header.af": (2, 1, "the first line must be 'p af N'"),
    "out-of-range.af": (3, 3, "'3' is no argument: arguments are numbered 1 to 2"),
    "bad-header.af": (1, 1, "the first line must be 'p af N'"),
    "three-numbers.af": (2, 5, "an attack line is two numbers"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_files_are_refused_with_line_and_column(name, run_cli, tmp_path):
    line, column, words = MALFORMED[name]
    path = str(DUNG / name)
    with pytest.raises(MapLoadError) as caught:
        read(name)
    first = caught.value.findings[0]
    assert (first.line, first.column) == (line, column) and words in first.message
    for args in (["convert", path, str(tmp_path / "out.yaml")], ["check", path]):
        code, out, err = run_cli(*args)
        assert code == 2
        assert f"{path}:{line}:{column}: error AM000 invalid-map: " in out + err
    assert not (tmp_path / "out.yaml").exists()


def test_iccma_sizes_over_the_claim_limit_are_refused(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "10")
    with pytest.raises(MapLoadError) as caught:
        loads_iccma("p af 11\n", "big.af")
    found = caught.value.findings[0]
    assert (found.line, found.column) == (1, 6) and "over the limit of 10" in found.message
    assert len(loads_iccma("p af 10\n", "ok.af").map.claims) == 10
    with pytest.raises(MapLoadError, match="11 claims in one map, over the limit of 10"):
        loads_apx("".join(f"arg(a{n})." for n in range(11)), "big.apx")


def test_file_names_select_the_formats():
    assert [input_format(f"x{e}", "") for e in (".apx", ".tgf", ".af", ".i23")] == [
        "apx",
        "tgf",
        "iccma",
        "iccma",
    ]


def test_evaluate_reads_a_framework_file(run_cli):
    code, out, _ = run_cli("evaluate", str(DUNG / "reinstatement.apx"), "--semantics", "grounded")
    assert code == 0
    rows = {line.split()[2]: line.split()[0] for line in out.splitlines()[2:8]}
    assert rows == {"a": "IN", "b": "OUT", "c": "IN", "d": "UNDEC", "e": "UNDEC", "f,": "UNDEC"}


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (loads_apx, "arg(" * 25_000),
        (loads_apx, "%*" + "(" * 100_000),
        (loads_apx, '"' * 100_000),
        (loads_tgf, "a " * 50_000),
        (loads_iccma, "p af 1\n" + "# 1 " * 25_000),
        (loads_iccma, "p af " + "9" * 100_000),
        (loads_iccma, "p af 99999999999\n1 2\n"),
    ],
)
def test_hostile_input_takes_linear_time(reader, text):
    start = time.perf_counter()
    try:
        reader(text, "h")
    except MapLoadError:
        pass
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("suffix", [".apx", ".tgf", ".af"])
def test_conversions_are_byte_identical(run_cli, tmp_path, suffix):
    from conftest import ROOT

    source = str(ROOT / "maps" / "two-michaels.yaml")
    outs = [tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"]
    for out in outs:
        assert run_cli("convert", source, str(out))[0] == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()
    back = READERS[suffix[1:]](outs[0].read_text(encoding="utf-8"), str(outs[0])).map
    assert len(back.claims) == 45 and back.inferences == ()


def test_only_line_feeds_end_lines():
    """A label holding U+2028 or a form feed stays on its line: positions stay right."""
    framework = loads_iccma("p af 2\n# 1 a\u2028b\n1 2\n", "ls.af").map
    assert [c.text for c in framework.claims.values()] == ["a\u2028b", "2"]
    with pytest.raises(MapLoadError) as err:
        loads_tgf("a x\u2028y\nb z\x0c\n#\na b\na q\n", "ls.tgf")
    assert [(f.line, f.column) for f in err.value.findings] == [(5, 1)]


def test_attack_lines_after_a_refused_p_line_add_no_second_message():
    with pytest.raises(MapLoadError) as err:
        loads_iccma("p af 999999999\n1 2\n", "big.af")
    assert [(f.line, f.column) for f in err.value.findings] == [(1, 6)]
    assert "over the limit" in err.value.findings[0].message
