"""argmap where people already work: Markdown and documentation sites
(:mod:`.markdown`, :mod:`.mkdocs`, :mod:`.sphinx`), built on :mod:`argmap.api`.

Each module imports its host library (Python-Markdown, MkDocs, Sphinx) and
is imported only by that host, through its entry point or configuration.
"""
