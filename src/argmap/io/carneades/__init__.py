"""Carneades argument graphs in YAML (carneades-4's native format), read only.

See :mod:`argmap.io.carneades.reader` for what is read and how.
"""
