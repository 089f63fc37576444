"""``argmap schema``: print the JSON Schema of the YAML map format."""

from __future__ import annotations

import click

from argmap.cli.common import emit, exit_codes, output_option


@click.command(
    "schema",
    epilog=exit_codes(
        {0: "printed or written", 2: "a bad command line, or FILE cannot be written"}
    ),
)
@output_option("the schema")
def schema(output: str | None) -> None:
    """Print the JSON Schema (draft-07) of the YAML map format.

    Editors use it for completion and validation: put the line
    '# yaml-language-server: $schema=<path or URL of the schema>' at the top of
    a map (VS Code with the YAML extension, and other editors using the YAML
    language server). argmap's own loader remains the authority: it also checks
    that ids refer to claims and reports every problem with its line and column.

    Example: argmap schema -o argmap.schema.json
    """
    from argmap.io.yaml.schema import schema_text

    emit(schema_text(), output)
