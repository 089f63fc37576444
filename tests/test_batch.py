"""Many maps in one command: files and folders, -j N, --format jsonl, the worst exit code,
render --outdir/--to/--suffix and convert --outdir."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, needs_dot

MAPS = ROOT / "maps"
SMALL = ("whales-syllogism", "wet-streets-undercut", "circular-reasoning")
#: An invalid map: a premise supporting a claim that does not exist.
BROKEN = "claims:\n  T1: {kind: thesis, text: T.}\n  P1: {kind: premise, text: P., supports: X9}\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """``corpus/`` with three maps at two depths, a hidden map and a file that is no map."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    shutil.copy(MAPS / f"{SMALL[0]}.yaml", root / f"{SMALL[0]}.yaml")
    shutil.copy(MAPS / f"{SMALL[1]}.yaml", root / "sub" / f"{SMALL[1]}.yaml")
    shutil.copy(MAPS / f"{SMALL[2]}.yaml", root / f"{SMALL[2]}.yaml")
    (root / ".hidden.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "notes.txt").write_text("not a map", encoding="utf-8")
    return root


def expected_files(root: Path) -> list[str]:
    return [
        str(root / f"{SMALL[2]}.yaml"),
        str(root / "sub" / f"{SMALL[1]}.yaml"),
        str(root / f"{SMALL[0]}.yaml"),
    ]


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_a_folder_is_its_map_files_below_it_sorted(corpus):
    from argmap.cli.batch import map_files

    assert map_files([str(corpus)]) == sorted(expected_files(corpus))
    assert map_files([str(corpus), "x.yaml"])[-1] == "x.yaml"  # a file as given


def test_a_folder_without_maps_is_a_usage_error(run_cli, tmp_path):
    code, out, err = run_cli("check", str(tmp_path))
    assert code == 2 and f"{tmp_path}: no map file in this folder" in err and not out


@pytest.mark.parametrize("command", ["check", "evaluate", "stats"])
def test_jsonl_names_every_map_in_order(run_cli, corpus, command):
    code, out, err = run_cli(command, str(corpus), "--format", "jsonl")
    lines = jsonl(out)
    assert [line["file"] for line in lines] == sorted(expected_files(corpus))
    assert {line["pid"] for line in lines} == {os.getpid()}  # this process served them all
    assert code == max(line["exit"] for line in lines)
    if command == "stats":
        assert lines[0]["stats"]["claims"] == 6 and code == 0
    if command == "evaluate":
        assert lines[0]["labelling"]["T1"] in ("IN", "OUT", "UNDEC")
    if command == "check":
        assert any(f["check"] == "circular-support" for f in lines[0]["findings"])
        assert code == 1  # the circular map has an error-level finding


@pytest.mark.parametrize("command", ["check", "evaluate", "stats"])
def test_one_bad_map_among_good_ones(run_cli, corpus, command, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    missing = str(tmp_path / "missing.yaml")
    code, out, err = run_cli(command, str(corpus), str(bad), missing, "--format", "jsonl")
    lines = jsonl(out)
    assert [line["file"] for line in lines] == [*sorted(expected_files(corpus)), str(bad), missing]
    assert [line["exit"] for line in lines][-2:] == [2, 2] and code == 2
    assert all(line["exit"] < 2 for line in lines[:3])  # the good ones were processed
    if command == "check":  # an invalid map is a finding of check
        assert lines[-1]["findings"][0]["code"] == "AM000"
    else:
        assert f"{bad}:3:" in err and "X9" in err and f"{missing}:1:1" in err
        assert "No such file" in lines[-1]["error"]


def test_several_maps_as_text_and_json(run_cli, corpus):
    files = sorted(expected_files(corpus))
    code, out, _ = run_cli("stats", *files)
    assert code == 0 and [ln for ln in out.splitlines() if ln.startswith("==")] == [
        f"== {f}" for f in files
    ]
    code, out, _ = run_cli("evaluate", *files, "--format", "json")
    docs = json.loads(out)
    assert [d["file"] for d in docs] == files and all("labelling" in d for d in docs)
    assert "pid" not in docs[0]  # the same document whatever process did the work


def test_one_map_prints_as_before(run_cli):
    path = str(MAPS / f"{SMALL[0]}.yaml")
    code, out, _ = run_cli("stats", path)
    assert code == 0 and out.startswith("claims: 10\n")
    code, out, _ = run_cli("evaluate", path, "--format", "json")
    assert json.loads(out)["reading"]["semantics"] == "carneades"


@pytest.mark.parametrize("command", ["check", "evaluate", "stats"])
def test_two_processes_give_the_same_output(run_cli, command):
    one = run_cli(command, str(MAPS), "--format", "json" if command != "check" else "text")
    two = run_cli(
        command, str(MAPS), "-j", "2", "--format", "json" if command != "check" else "text"
    )
    assert one == two and one[1]


def test_worker_processes_serve_many_maps_each(run_cli):
    code, out, _ = run_cli("stats", str(MAPS), "-j", "2", "--format", "jsonl")
    lines = jsonl(out)
    pids = {line["pid"] for line in lines}
    assert len(lines) == 12 and 1 <= len(pids) <= 2 and os.getpid() not in pids


def test_convert_many_maps_into_a_folder(run_cli, corpus, tmp_path):
    out_dir = tmp_path / "out"
    code, out, err = run_cli("convert", str(corpus), "--outdir", str(out_dir), "--to", "argdown")
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f"{n}.argdown" for n in SMALL)
    single = tmp_path / "one.argdown"
    assert run_cli("convert", str(corpus / f"{SMALL[0]}.yaml"), str(single))[0] == 0
    assert single.read_bytes() == (out_dir / f"{SMALL[0]}.argdown").read_bytes()


def test_convert_jsonl_and_a_bad_map(run_cli, corpus, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    out_dir = tmp_path / "out"
    args = ("convert", str(corpus), str(bad), "--outdir", str(out_dir), "--to", "mermaid")
    code, out, err = run_cli(*args, "--format", "jsonl", "-j", "2")
    lines = jsonl(out)
    assert code == 2 and [line["exit"] for line in lines] == [0, 0, 0, 2]
    assert lines[0]["wrote"] == [str(out_dir / f"{SMALL[2]}.mmd")]
    assert lines[-1]["findings"][0]["code"] == "AM000" and "wrote" not in lines[-1]
    assert not (out_dir / "bad.mmd").exists() and len(list(out_dir.iterdir())) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--outdir", "o"), "--outdir needs --to FORMAT"),
        (("--outdir", "o", "--to", "kialo"), "kialo"),
        (("-j", "2"), "add --outdir DIR"),
        ((), "give IN OUT"),
    ],
)
def test_convert_many_refuses(run_cli, corpus, args, message):
    code, _, err = run_cli("convert", str(corpus), *args)
    assert code == 2 and message in err


@needs_dot
def test_render_outdir_to_and_suffix(run_cli, corpus, tmp_path):
    out_dir = tmp_path / "out"
    args = ("render", str(corpus), "--outdir", str(out_dir), "--to", "svg,dot")
    code, out, err = run_cli(*args, "--suffix", ".v", "--format", "jsonl")
    assert code == 0, err
    names = sorted(f"{n}.v.{ext}" for n in SMALL for ext in ("svg", "dot"))
    assert sorted(p.name for p in out_dir.iterdir()) == names
    assert jsonl(out)[0]["wrote"] == [
        str(out_dir / f"{SMALL[2]}.v.svg"),
        str(out_dir / f"{SMALL[2]}.v.dot"),
    ]
    alone = tmp_path / "alone.svg"
    assert run_cli("render", str(corpus / f"{SMALL[0]}.yaml"), "-o", str(alone))[0] == 0
    assert alone.read_bytes() == (out_dir / f"{SMALL[0]}.v.svg").read_bytes()


@needs_dot
def test_render_with_two_processes_writes_the_same_bytes(run_cli, corpus, tmp_path):
    for jobs in ("1", "2"):
        code, _, err = run_cli("render", str(corpus), "--outdir", str(tmp_path / jobs), "-j", jobs)
        assert code == 0, err
    one = {p.name: p.read_bytes() for p in (tmp_path / "1").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "2").iterdir()}
    assert one == two and len(one) == 3


@needs_dot
def test_render_a_bad_map_among_good_ones(run_cli, corpus, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run_cli("render", str(bad), str(corpus), "--outdir", str(out_dir), "-j", "2")
    assert code == 2 and f"{bad}:3:" in err
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f"{n}.svg" for n in SMALL)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "x.svg"), "-o names the files of one map"),
        (("--outdir", "o", "--to", "svg,gif"), "--to svg,gif"),
        (("--outdir", "o", "--slides", "--to", "png"), "--slides writes"),
    ],
)
def test_render_many_refuses(run_cli, corpus, args, message):
    code, _, err = run_cli("render", str(corpus), *args)
    assert code == 2 and message in err


def test_two_maps_with_one_name_are_refused(run_cli, corpus, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(corpus / f"{SMALL[0]}.yaml", other / f"{SMALL[0]}.yaml")
    code, _, err = run_cli("render", str(corpus), str(other), "--outdir", str(tmp_path / "o"))
    assert code == 2 and "would both write" in err
    assert not (tmp_path / "o").exists()


@needs_dot
def test_the_batch_bench_runs_quick(tmp_path):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "batch.py"), "--quick", "--json"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        check=True,
    )
    figures = [json.loads(line) for line in done.stdout.splitlines()]
    assert [f["name"] for f in figures] == ["batch-vs-per-map-6", "batch-j2-vs-j1-6"]
    assert all(f["value"] > 0 and f["unit"] == "ratio" for f in figures)


def test_a_folder_scan_follows_no_link_and_skips_names_with_control_characters(
    run_cli, corpus, tmp_path
):
    """A link in a folder of untrusted maps could make argmap read (and quote) any
    file; a newline or an escape in a name could forge lines of the report."""
    outside = tmp_path / "secret.yaml"
    outside.write_text("root:x:0:0:secret\n", encoding="utf-8")
    (corpus / "linked.yaml").symlink_to(outside)
    (corpus / "forged\nx.yaml:1:1: error.yaml").write_text(BROKEN, encoding="utf-8")
    code, out, err = run_cli("check", str(corpus), "--format", "jsonl")
    assert [r["file"] for r in jsonl(out)] == expected_files(corpus)
    assert "secret" not in out + err
    assert "forged\\nx.yaml:1:1: error.yaml': skipped: a file name with control characters" in err
    assert code == 1, err  # circular-reasoning's error finding, as without them
    # named on the command line, a linked map is read: the user chose it
    code, out, _ = run_cli("check", str(corpus / "linked.yaml"), "--format", "jsonl")
    assert code == 2 and jsonl(out)[0]["file"].endswith("linked.yaml")


@pytest.mark.parametrize("suffix", ["/../../evil", "/x", "a\\b", "a\nb", "a\u2028b", "\udcff"])
def test_a_suffix_names_no_folder(run_cli, corpus, tmp_path, suffix):
    out = tmp_path / "out"
    code, _, err = run_cli("render", str(corpus), "--outdir", str(out), "--suffix", suffix)
    assert code == 2 and "--suffix" in err and "holds no / or \\" in err
    assert not out.exists() and not (tmp_path / "evil.svg").exists()


def test_an_empty_format_list_is_refused(run_cli, corpus, tmp_path):
    code, _, err = run_cli("render", str(corpus), "--outdir", str(tmp_path / "o"), "--to", "")
    assert code == 2 and "--to : name formats among svg" in err
