"""``argmap lsp``: the language server for editors (pygls, imported only here)."""

from __future__ import annotations

import click

from argmap.cli.common import exit_codes


@click.command(epilog=exit_codes({0: "the editor ended the session", 2: "pygls is not installed"}))
@click.option(
    "--stdio", is_flag=True, help="Speak LSP over standard input and output (the default)."
)
def lsp(stdio: bool) -> None:
    """Run argmap's language server: LSP over standard input and output.

    An editor starts it for YAML maps (files with a top-level 'claims:') and
    gets argmap's checks as diagnostics while typing (the codes and positions
    of 'argmap check'), a claim's kind, text and status on hover, go to
    definition, find references and rename of claim ids, completion of ids
    after supports:/attacks:/undercuts:, and a quick fix for "did you mean
    'T1'?". Setting it up in VS Code, Neovim and Helix: docs/editors.md.

    Example: argmap lsp
    """
    from argmap.errors import UsageError

    try:
        from argmap.integrations.lsp.server import main
    except ImportError:
        raise UsageError("argmap lsp needs pygls: pip install 'argmap[lsp]'") from None
    main()
