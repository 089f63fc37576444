"""``argmap schema``: print the JSON Schema of the YAML map format."""

from __future__ import annotations

import click


@click.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the schema to this file instead of standard output.",
)
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
    from argmap.util.files import write_atomic

    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
        return
    write_atomic(output, text.encode("utf-8"))
    click.echo(f"wrote {output}", err=True)
