"""``argmap lsp``: the language server, driven over standard input and output by
pygls' language client as an editor would drive it."""

from __future__ import annotations

import asyncio
import os
import shlex
import sys

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from argmap.integrations.lsp.scan import (
    Columns,
    completing_id,
    enclosing_claim,
    lsp_lines,
    occurrences,
)

from conftest import ROOT

MAP = """claims:
  T1: {kind: thesis, text: Cities should plant more trees.}
  P1: {kind: premise, text: Trees cool the streets., supports: T1}
  P2:
    kind: premise
    text: Shade makes walking pleasant.
    supports: [T1]
  O1:
    kind: objection
    text: Trees cost too much.
    attacks:
      - T2
"""
URI = "file:///tmp/argmap-lsp-test/trees.yaml"


async def _session(checks, log=None):
    client = LanguageClient("argmap-test", "1")
    diagnostics: list[types.PublishDiagnosticsParams] = []

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(params: types.PublishDiagnosticsParams) -> None:
        diagnostics.append(params)

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if log is None:
        await client.start_io(sys.executable, "-m", "argmap", "lsp", env=env)
    else:  # the server's standard error kept in the file ``log``
        command = f"exec {shlex.quote(sys.executable)} -m argmap lsp 2>{shlex.quote(str(log))}"
        await client.start_io("sh", "-c", command, env=env)
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), process_id=os.getpid())
    )
    client.initialized(types.InitializedParams())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=URI, language_id="yaml", version=1, text=MAP)
        )
    )
    for _ in range(100):
        if diagnostics:
            break
        await asyncio.sleep(0.05)
    try:
        await checks(client, diagnostics)
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def _run(checks, log=None) -> None:
    asyncio.run(asyncio.wait_for(_session(checks, log), 60))


def _at(line: int, character: int) -> dict:
    return {
        "text_document": types.TextDocumentIdentifier(uri=URI),
        "position": types.Position(line, character),
    }


def test_diagnostics_are_the_checks_with_their_codes_and_positions():
    async def checks(client, diagnostics):
        got = diagnostics[-1].diagnostics
        assert [(d.code, d.range.start.line, d.range.start.character) for d in got] == [
            ("AM000", 11, 8)
        ]
        assert "did you mean 'T1'?" in got[0].message
        assert got[0].range.end.character == 10 and got[0].source == "argmap"
        fixes = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=URI),
                range=got[0].range,
                context=types.CodeActionContext(diagnostics=got),
            )
        )
        assert [f.title for f in fixes] == ["Change to 'T1'"]
        assert fixes[0].edit.changes[URI][0].new_text == "T1"
        fixed = MAP.replace("- T2", "- T1")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
            )
        )
        for _ in range(100):
            if len(diagnostics) > 1:
                break
            await asyncio.sleep(0.05)
        codes = [(d.code, d.range.start.line) for d in diagnostics[-1].diagnostics]
        assert codes == [("AM109", 1), ("AM101", 2), ("AM101", 3), ("AM107", 7)]

    _run(checks)


def test_hover_definition_references_rename_and_completion(tmp_path):
    async def checks(client, diagnostics):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
                content_changes=[
                    types.TextDocumentContentChangeWholeDocument(text=MAP.replace("T2", "T1"))
                ],
            )
        )
        await asyncio.sleep(0.3)
        hover = await client.text_document_hover_async(types.HoverParams(**_at(2, 63)))
        assert hover.contents.value.startswith("T1 · thesis\n\nCities should plant more trees.")
        assert hover.contents.value.endswith("status: OUT, strength 0.62")  # O1 stands
        assert hover.contents.kind == types.MarkupKind.PlainText  # a map's text stays text
        where = await client.text_document_definition_async(types.DefinitionParams(**_at(6, 16)))
        assert (where.range.start.line, where.range.start.character) == (1, 2)
        refs = await client.text_document_references_async(
            types.ReferenceParams(
                **_at(1, 2), context=types.ReferenceContext(include_declaration=True)
            )
        )
        assert sorted((r.range.start.line, r.range.start.character) for r in refs) == [
            (1, 2), (2, 63), (6, 15), (11, 8)
        ]  # fmt: skip
        edit = await client.text_document_rename_async(
            types.RenameParams(**_at(2, 63), new_name="THESIS")
        )
        assert sorted(e.range.start.line for e in edit.changes[URI]) == [1, 2, 6, 11]
        assert {e.new_text for e in edit.changes[URI]} == {"THESIS"}
        for name, why in (("O1", "already a claim"), ("bad id!", "is no claim id")):
            try:
                await client.text_document_rename_async(
                    types.RenameParams(**_at(2, 63), new_name=name)
                )
            except Exception as exc:  # the client raises the server's error response
                assert why in str(exc) and "Traceback" not in str(exc)
            else:
                raise AssertionError(f"renaming to {name!r} was not refused")
        ready = await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(**_at(2, 63))
        )
        assert ready.placeholder == "T1" and ready.range.start.character == 63
        done = await client.text_document_completion_async(types.CompletionParams(**_at(6, 16)))
        assert [i.label for i in done.items] == ["T1", "P1", "O1"]  # not P2, being edited
        assert done.items[0].detail == "thesis"
        nothing = await client.text_document_completion_async(types.CompletionParams(**_at(5, 10)))
        assert list(nothing.items) == []

    log = tmp_path / "server.log"
    _run(checks, log)
    said = log.read_text(encoding="utf-8")
    assert "'O1' is already a claim of this map" in said and "Traceback" not in said


def test_the_scanner_finds_ids_in_flow_and_block_style():
    found = [(o.id, o.line, o.start, o.definition) for o in occurrences(MAP)]
    assert found == [
        ("T1", 1, 2, True),
        ("P1", 2, 2, True),
        ("T1", 2, 63, False),
        ("P2", 3, 2, True),
        ("T1", 6, 15, False),
        ("O1", 7, 2, True),
        ("T2", 11, 8, False),
    ]
    assert completing_id(MAP, 6, 16) and completing_id("x:\n  attacks:\n    - ", 2, 6)
    assert not completing_id(MAP, 4, 10)


def test_completion_context_takes_linear_time():
    import time

    times = []
    for n in (20_000, 200_000):
        line = "    supports: [" + "a" * n + "] x"
        start = time.perf_counter()
        for _ in range(20):
            assert not completing_id("claims:\n  P1:\n" + line, 2, len(line))
        times.append(time.perf_counter() - start)
    assert times[1] < 30 * max(times[0], 1e-4), times
    assert completing_id("  P1: {supports: [T1, ", 0, 22)
    assert not completing_id("  P1: {supports: T1, ", 0, 21)
    assert not completing_id("    supports: [T1]", 0, 18)


WIDE = """claims:
  T1: {kind: thesis, text: A.}
  P1: {kind: premise, text: "\U0001f333 x\u2028y", supports: [T1]}
inferences:
  I1: {premises: [T1, P1], conclusion: T1}
"""


def test_columns_are_the_editors_units_and_lines_end_only_at_lsp_breaks():
    lines = lsp_lines(WIDE)
    assert len(lines) == 6 and lines[2].endswith("[T1]}")  # U+2028 ends no line
    start = lines[2].index("[T1") + 1  # in characters
    utf16, utf8 = Columns(lines), Columns(lines, "utf-8")
    assert utf16.to_client(2, start) == start + 1  # the tree is two UTF-16 units
    assert utf8.to_client(2, start) == start + 3 + 2  # four bytes, and U+2028's three
    assert utf16.from_client(2, start + 1) == start and utf16.from_client(1, 7) == 7
    assert Columns(lines, "utf-32").to_client(2, start) == start
    found = [o for o in occurrences(WIDE) if o.definition]
    assert enclosing_claim(lines, 2, found) == "P1"
    assert enclosing_claim(lines, 4, found) is None  # in inferences: no claim's own entry
    assert enclosing_claim(["title: x", "claims:"], 0, []) is None


def test_rename_and_completion_count_utf16_columns(tmp_path):
    async def checks(client, diagnostics):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=WIDE)],
            )
        )
        await asyncio.sleep(0.3)
        line = lsp_lines(WIDE)[2]
        column = len(line[: line.index("[T1") + 1].encode("utf-16-le")) // 2  # editor's units
        edit = await client.text_document_rename_async(
            types.RenameParams(**_at(2, column), new_name="TX")
        )
        starts = sorted((e.range.start.line, e.range.start.character) for e in edit.changes[URI])
        assert (2, column) in starts and (1, 2) in starts
        done = await client.text_document_completion_async(types.CompletionParams(**_at(4, 22)))
        assert [i.label for i in done.items] == ["T1", "P1"]  # inferences: every claim

    _run(checks)
