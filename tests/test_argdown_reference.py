"""argmap's Argdown reading, compared with the official Argdown CLI (``@argdown/cli``).

``make test`` installs the CLI from the npm registry into ``tests/js/node_modules``
(``tests/js/package-lock.json`` pins it). The CLI exports every file of the corpus
``tests/fixtures/interchange/argdown/*.argdown`` to JSON in one run; each file is
then read by argmap and both readings are compared as argmap's model: the
multiset of claim texts, of inferences (premise texts, conclusion text), of
attacks and of undercuts. The files under ``malformed/`` are refused by both,
at the same lines.

How the reference's model maps to argmap's (this module's :func:`expected`
applies it to the CLI's JSON; the reader applies it to the text):

* an equivalence class of statements (all statements with one title) is one
  claim; its text is the reference's canonical member: the last statement of
  the class that is not a mere reference (``isCanonical: true`` in its data
  picks another); a class never given a text has its title as text.
  Untitled statements are claims of their own.
* an argument without a premise–conclusion structure ("sketched") is a claim
  whose text is its description (its last non-empty one, like statements), or
  its title when it has none.
* a reconstructed argument is its premise–conclusion structure: every
  conclusion (intermediary or main) is the conclusion of a linked inference.
  Its premises are the statements numbered in the inference's ``{uses: [...]}``
  data, or else the statements since the previous conclusion plus that
  previous conclusion.
* a relation between two statements or arguments: support is an inference
  with one premise, attack an attack, ``><`` (contradictory) attacks both
  ways. A reconstructed argument stands for its main conclusion; a relation
  from an argument to its own conclusion is already its last inference (the
  reference drops it too).
* an undercut aims at an inference: the one under which it is written in the
  structure, or an argument's last one; aimed at a sketched argument or a
  statement, it undercuts the single support that claim gives.

Texts are compared with tags (``#tag``, ``#(tag words)``) taken out (argmap keeps
them as the claim's tags) and whitespace collapsed. Deliberate differences, each
tested below or in tests/test_argdown.py: Markdown emphasis (``__bold__``,
``*italic*``) stays in argmap's text as written (the reference removes the
markers); an undercut of a statement that supports no single claim is a
warning, not kept.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from argmap.errors import MapLoadError
from argmap.io.argdown.reader import load_argdown
from argmap.model import ArgumentMap

from conftest import FIXTURES, ROOT

CORPUS = FIXTURES / "interchange" / "argdown"
MALFORMED = CORPUS / "malformed"
CLI = ROOT / "tests" / "js" / "node_modules" / ".bin" / "argdown"
CLI_MISSING = (
    f"the Argdown CLI ({CLI}) is missing and this test compares argmap with it: run "
    "'make test', which installs it with 'npm ci' in tests/js"
)
FILES = sorted(p.name for p in CORPUS.glob("*.argdown"))
BROKEN = sorted(p.name for p in MALFORMED.glob("*.argdown"))

Model = dict[str, Counter[Any]]


@cache
def reference(folder: Path) -> tuple[dict[str, Any], str]:
    """The CLI's JSON export of every ``*.argdown`` in ``folder`` (one run), and its output."""
    if not CLI.exists() or shutil.which("node") is None:
        pytest.fail(CLI_MISSING)
    out = Path(f"/tmp/argmap-argdown-reference-{folder.name}")
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        [str(CLI), "json", str(folder / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    docs = {p.stem + ".argdown": json.loads(p.read_text("utf-8")) for p in out.glob("*.json")}
    shutil.rmtree(out, ignore_errors=True)
    return docs, re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)


def _plain(text: str | None, ranges: list[dict[str, Any]] | None = None) -> str:
    text = text or ""
    for r in sorted(ranges or [], key=lambda r: -r["start"]):
        if r["type"] == "tag":
            text = text[: r["start"]] + text[r["stop"] + 1 :]
    return " ".join(text.split())


def _canonical(members: list[dict[str, Any]]) -> str | None:
    chosen = None
    for m in reversed(members):
        if m.get("isReference") or not (m.get("text") or "").strip():
            continue
        if (m.get("data") or {}).get("isCanonical"):
            return _plain(m["text"], m.get("ranges"))
        chosen = chosen or _plain(m["text"], m.get("ranges"))
    return chosen


def _steps(pcs: list[dict[str, Any]], text: dict[str, str]) -> list[tuple[Any, str]]:
    steps: list[tuple[Any, str]] = []
    since: list[str] = []
    previous: str | None = None
    for member in pcs:
        inference = member.get("inference")
        if inference is None:
            since.append(text[member["title"]])
            continue
        uses = (inference.get("data") or {}).get("uses") or []
        used = [text[pcs[n - 1]["title"]] for n in uses if 0 < n <= len(pcs)]
        premises = used or ([previous] if previous else []) + since
        steps.append((frozenset(premises), text[member["title"]]))
        since, previous = [], text[member["title"]]
    return steps


def expected(doc: dict[str, Any]) -> Model:
    """argmap's model of a map as the reference's JSON export describes it (see above)."""
    text = {t: _canonical(ec["members"]) or t for t, ec in doc["statements"].items()}
    claims = Counter(text.values())
    sketch, steps = {}, {}
    for title, arg in doc["arguments"].items():
        if arg.get("pcs"):
            steps[title] = _steps(arg["pcs"], text)
        else:
            sketch[title] = _canonical(arg["members"]) or title
            claims[sketch[title]] += 1
    model: Model = {"claims": claims, "inferences": Counter(), "attacks": Counter()}
    model["undercuts"] = Counter()
    for st in steps.values():
        model["inferences"].update(st)

    def node(kind: str, title: str) -> str:
        if kind == "equivalence-class":
            return text[title]
        return sketch[title] if title in sketch else steps[title][-1][1]

    undercuts = []
    for r in doc["relations"]:
        kind = r["relationType"]
        if kind == "undercut":
            undercuts.append(r)
            continue
        a, c = node(r["fromType"], r["from"]), node(r["toType"], r["to"])
        if kind == "support":
            model["inferences"][(frozenset([a]), c)] += 1
        else:
            model["attacks"][(a, c)] += 1
            if kind == "contradictory":
                model["attacks"][(c, a)] += 1
    for r in undercuts:
        model["undercuts"][
            (node(r["fromType"], r["from"]), _target(r, doc, steps, model, node))
        ] += 1
    return model


def _target(r, doc, steps, model, node) -> Any:
    if r["toType"] in ("inference", "argument") and r["to"] in steps:
        pcs = doc["arguments"][r["to"]]["pcs"]
        inferences = [m["inference"] for m in pcs if m.get("inference")]
        for k, inf in enumerate(inferences):
            if any(x["from"] == r["from"] for x in inf.get("relations", [])):
                return steps[r["to"]][k]
        return steps[r["to"]][-1]
    target = node(r["toType"], r["to"])
    found = [i for i in model["inferences"] if i[0] == frozenset([target])]
    return found[0] if len(found) == 1 else None


def actual(amap: ArgumentMap) -> Model:
    """The same model of the map argmap read."""
    text = {cid: " ".join(c.text.split()) for cid, c in amap.claims.items()}
    inference = {
        i.id: (frozenset(text[p] for p in i.premises), text[i.conclusion]) for i in amap.inferences
    }
    return {
        "claims": Counter(text.values()),
        "inferences": Counter(inference.values()),
        "attacks": Counter((text[a.attacker], text[a.target]) for a in amap.attacks),
        "undercuts": Counter((text[u.attacker], inference[u.inference]) for u in amap.undercuts),
    }


@pytest.mark.parametrize("name", FILES)
def test_argmap_reads_what_the_reference_reads(name: str):
    docs, output = reference(CORPUS)
    assert name in docs, f"the reference refused {name}:\n{output}"
    assert actual(load_argdown(CORPUS / name).map) == expected(docs[name])


def _reference_errors(output: str) -> dict[str, list[int]]:
    errors: dict[str, list[int]] = {}
    current = None
    for line in output.splitlines():
        head = re.match(r"Argdown syntax errors in (.*): \d+", line)
        if head:
            current = errors.setdefault(Path(head.group(1)).name, [])
        at = re.match(r"At (\d+):(\d+)", line)
        if at and current is not None:
            current.append(int(at.group(1)))
    return errors


@pytest.mark.parametrize("name", BROKEN)
def test_malformed_files_are_refused_where_the_reference_refuses_them(name: str):
    docs, output = reference(MALFORMED)
    lines = _reference_errors(output).get(name)
    assert name not in docs and lines, f"the reference accepts {name}:\n{output}"
    with pytest.raises(MapLoadError) as info:
        load_argdown(MALFORMED / name)
    ours = {f.position.line for f in info.value.findings if f.severity == "error"}
    assert ours & set(lines), (ours, lines)


def test_the_corpus_covers_the_syntax():
    assert len(FILES) >= 20 and len(BROKEN) >= 3


DIFFERENCES = CORPUS / "differences"


def test_emphasis_markers_stay_in_the_text():
    """Deliberate: argmap draws plain text, so ``__bold__`` keeps its markers (no loss)."""
    docs, _ = reference(DIFFERENCES)
    theirs = docs["emphasis.argdown"]["statements"]["T"]["members"][0]["text"]
    assert theirs == "A text with bold and italic and more italic words."
    ours = load_argdown(DIFFERENCES / "emphasis.argdown").map
    assert ours.claims["T"].text == "A text with __bold__ and *italic* and _more italic_ words."
    assert ours.claims["R"].text == "**Strong** reasons matter."


def test_unclosed_data_is_refused_where_the_reference_reads_it_as_text():
    """Deliberate: a ``{`` never closed is refused at its place, not read as words."""
    docs, _ = reference(DIFFERENCES)
    theirs = docs["unclosed-data.argdown"]["statements"]["T"]["members"][0]["text"]
    assert theirs == "A thesis with data that is never closed {kind: thesis"
    with pytest.raises(MapLoadError) as info:
        load_argdown(DIFFERENCES / "unclosed-data.argdown")
    assert [(f.line, f.column, f.message) for f in info.value.findings] == [
        (1, 46, "this '{' (YAML data) is never closed with '}'")
    ]


def test_make_test_always_installs_the_pinned_argdown_cli():
    package = json.loads((ROOT / "tests" / "js" / "package.json").read_text("utf-8"))
    assert package["dependencies"]["@argdown/cli"] == "1.7.5"
    lock = json.loads((ROOT / "tests" / "js" / "package-lock.json").read_text("utf-8"))
    assert lock["packages"]["node_modules/@argdown/cli"]["version"] == "1.7.5"
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^test: lint \$\(NODE_MODULES\)$", makefile, re.M)
    if not CLI.exists():
        pytest.fail(CLI_MISSING)
    installed = CLI.resolve().parents[1] / "package.json"
    assert json.loads(installed.read_text("utf-8"))["version"] == "1.7.5"


def test_a_missing_cli_fails_the_test_and_says_how_to_install_it(monkeypatch):
    import test_argdown_reference as module

    monkeypatch.setattr(module, "CLI", Path("/nonexistent/argdown"))
    with pytest.raises(pytest.fail.Exception, match="run 'make test'"):
        reference.__wrapped__(CORPUS)
