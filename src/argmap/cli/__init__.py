"""The ``argmap`` command line: :mod:`argmap.cli.app` and one module per command."""
