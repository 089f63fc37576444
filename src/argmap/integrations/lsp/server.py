"""The language server: argmap's checks as diagnostics while typing, hover,
go to definition, find references, rename, completion of claim ids, and a
quick fix for "did you mean …?" (LSP 3.17, https://microsoft.github.io/
language-server-protocol/specifications/lsp/3.17/specification/, by pygls).

Only documents with a top-level ``claims:`` key are argmap maps; others get no
diagnostics. Diagnostics carry the same codes, lines and columns as
``argmap check`` (converted to LSP's 0-based positions).
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from argmap import __version__
from argmap.analysis.evaluate import Evaluation
from argmap.api import Map, check, evaluate, loads
from argmap.errors import ArgmapError, MapLoadError
from argmap.findings import Finding
from argmap.integrations.lsp.scan import (
    ID,
    Columns,
    Occurrence,
    at,
    completing_id,
    enclosing_claim,
    lsp_lines,
    occurrences,
)

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_SUGGESTION = re.compile(r"did you mean '([^']+)'\?")
_IS_MAP = re.compile(r"^claims:", re.M)


class ArgmapServer(LanguageServer):
    """The server, remembering the last map of each document that loaded."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__)
        self.maps: dict[str, Map] = {}
        self.evaluations: dict[str, Evaluation | None] = {}

    def validate(self, uri: str) -> None:
        """Publish the document's diagnostics (and remember its map if it loads)."""
        text = self.workspace.get_text_document(uri).source
        self.evaluations.pop(uri, None)  # evaluated again on the next hover
        found: list[Finding] = []
        path = to_fs_path(uri) or uri
        if _IS_MAP.search(text):
            try:
                loaded = loads(text, name=path)
                self.maps[uri] = loaded
                found = list(check(loaded))
            except MapLoadError as exc:
                found = list(exc.findings)
            except ArgmapError:
                found = []
        lines = lsp_lines(text)
        cols = self.columns(lines)
        diagnostics = [_diagnostic(f, lines, cols) for f in found if f.file == path]
        diagnostics += [_elsewhere(f) for f in found if f.file != path]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )

    def columns(self, lines: list[str]) -> Columns:
        """Columns in the position encoding agreed with the editor (UTF-16 by default)."""
        encoding = self.workspace.position_encoding
        return Columns(lines, str(getattr(encoding, "value", encoding) or "utf-16"))

    def evaluation(self, uri: str, loaded: Map) -> Evaluation | None:
        """The evaluation of the document's map, once per version (None: it fails)."""
        if uri not in self.evaluations:
            try:
                self.evaluations[uri] = evaluate(loaded)
            except ArgmapError:
                self.evaluations[uri] = None
        return self.evaluations[uri]


def _diagnostic(finding: Finding, lines: list[str], cols: Columns) -> types.Diagnostic:
    """A finding as an LSP diagnostic over the word at its position."""
    line = max(finding.line - 1, 0)
    start = max(finding.column - 1, 0)
    text = lines[line] if line < len(lines) else ""
    word = ID.match(text, start) if start < len(text) else None
    end = word.end() if word else min(start + 1, max(len(text), start))
    first, last = cols.to_client(line, start), cols.to_client(line, end)
    return types.Diagnostic(
        range=types.Range(types.Position(line, first), types.Position(line, last)),
        message=f"{finding.check}: {finding.message}",
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.code,
        source="argmap",
    )


def _elsewhere(finding: Finding) -> types.Diagnostic:
    """A finding about another file (a ``pyproject.toml`` whose ``[tool.argmap]``
    applies), shown at the top of the map, naming that file."""
    where = f"{finding.file}:{finding.line}:{finding.column}"
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=f"{where}: {finding.check}: {finding.message}",
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.code,
        source="argmap",
    )


def _range(found: Occurrence, cols: Columns) -> types.Range:
    """The occurrence's range in the editor's units."""
    start, end = cols.to_client(found.line, found.start), cols.to_client(found.line, found.end)
    return types.Range(types.Position(found.line, start), types.Position(found.line, end))


server = ArgmapServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _opened(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.validate(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _changed(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.validate(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _saved(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.validate(params.text_document.uri)


def _under_cursor(
    ls: ArgmapServer, params: Any
) -> tuple[list[Occurrence], Occurrence | None, Columns]:
    """Every id of the document (one scan), the one under the cursor, and the
    document's columns in the editor's units."""
    text = ls.workspace.get_text_document(params.text_document.uri).source
    lines = lsp_lines(text)  # split once for the scan and the columns
    found_all, cols = occurrences(lines), ls.columns(lines)
    line = params.position.line
    return found_all, at(found_all, line, cols.from_client(line, params.position.character)), cols


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
    """The claim's kind, text and status (from the last map that loaded)."""
    _, found, cols = _under_cursor(ls, params)
    loaded = ls.maps.get(params.text_document.uri)
    if found is None or loaded is None or found.id not in loaded.model.claims:
        return None
    claim = loaded.model.claims[found.id]
    result = ls.evaluation(params.text_document.uri, loaded)
    status = ""
    if result is not None:
        status = f"\n\nstatus: {result.labelling.get(found.id, '?')}"
        strength = result.strength.get(found.id)
        status += f", strength {strength:.2f}" if strength is not None else ""
    value = f"{found.id} · {claim.kind}\n\n{claim.text}{status}"
    return types.Hover(  # plain text: a map's words must not become links or images
        contents=types.MarkupContent(kind=types.MarkupKind.PlainText, value=value),
        range=_range(found, cols),
    )


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def _definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
    found_all, found, cols = _under_cursor(ls, params)
    if found is None:
        return None
    for other in found_all:
        if other.definition and other.id == found.id:
            return types.Location(uri=params.text_document.uri, range=_range(other, cols))
    return None


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def _references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location]:
    found_all, found, cols = _under_cursor(ls, params)
    if found is None:
        return []
    declaration = params.context.include_declaration
    return [
        types.Location(uri=params.text_document.uri, range=_range(other, cols))
        for other in found_all
        if other.id == found.id and (declaration or not other.definition)
    ]


@server.feature(types.TEXT_DOCUMENT_RENAME)
def _rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    """Every occurrence of the id renamed; refused when the new name is no id
    or names another claim."""
    found_all, found, cols = _under_cursor(ls, params)
    if found is None:
        return None
    taken = {o.id for o in found_all if o.definition}
    if ID.fullmatch(params.new_name) is None:
        raise JsonRpcInvalidParams(
            f"{params.new_name!r} is no claim id: use letters, digits, '_', '.' and '-'"
        )
    if params.new_name in taken - {found.id}:
        raise JsonRpcInvalidParams(f"{params.new_name!r} is already a claim of this map")
    edits = [
        types.TextEdit(range=_range(other, cols), new_text=params.new_name)
        for other in found_all
        if other.id == found.id
    ]
    return types.WorkspaceEdit(changes={params.text_document.uri: edits})


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def _prepare_rename(
    ls: ArgmapServer, params: types.PrepareRenameParams
) -> types.PrepareRenamePlaceholder | None:
    """The id under the cursor, which a rename would change (None: nothing to rename)."""
    _, found, cols = _under_cursor(ls, params)
    if found is None:
        return None
    return types.PrepareRenamePlaceholder(range=_range(found, cols), placeholder=found.id)


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", "[", ","])
)
def _complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList:
    """The claim ids where an id is expected, but the claim being edited's own (a claim
    neither supports nor attacks itself)."""
    text = ls.workspace.get_text_document(params.text_document.uri).source
    lines, line = lsp_lines(text), params.position.line
    character = ls.columns(lines).from_client(line, params.position.character)
    if not completing_id(lines, line, character):
        return types.CompletionList(is_incomplete=False, items=[])
    loaded = ls.maps.get(params.text_document.uri)
    claims = loaded.model.claims if loaded is not None else {}
    found = [o for o in occurrences(lines) if o.definition]
    own = enclosing_claim(lines, line, found)
    items = []
    for other in found:
        if other.id != own:
            claim = claims.get(other.id)
            items.append(
                types.CompletionItem(
                    label=other.id,
                    kind=types.CompletionItemKind.Reference,
                    detail=claim.kind if claim else None,
                    documentation=claim.text if claim else None,
                )
            )
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def _fix(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """A quick fix for each diagnostic that suggests an id ("did you mean 'T1'?")."""
    actions = []
    for diagnostic in params.context.diagnostics:
        suggestion = _SUGGESTION.search(diagnostic.message)
        if suggestion is None or diagnostic.source != "argmap":
            continue
        edit = types.TextEdit(range=diagnostic.range, new_text=suggestion.group(1))
        actions.append(
            types.CodeAction(
                title=f"Change to '{suggestion.group(1)}'",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={params.text_document.uri: [edit]}),
                is_preferred=True,
            )
        )
    return actions


class _OneLine(logging.Formatter):
    """pygls' log records as one line each, with no traceback: a refused request
    (a rename to a taken id) is the editor's message, not a crash."""

    def format(self, record: logging.LogRecord) -> str:
        """``argmap lsp: error: <message>: <exception>``."""
        why = f": {record.exc_info[1]}" if record.exc_info and record.exc_info[1] else ""
        return f"argmap lsp: {record.levelname.lower()}: {record.getMessage()}{why}"


def main() -> None:
    """Serve over standard input and output until the editor exits; pygls' log
    (warnings and errors) goes to standard error a line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    log = logging.getLogger("pygls")
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    log.propagate = False
    server.start_io()
