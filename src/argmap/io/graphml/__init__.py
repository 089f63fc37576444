"""GraphML for Gephi, yEd and graph libraries: :mod:`.writer` writes it, :mod:`.reader`
reads it back (argmap's own files, also after an edit in yEd)."""

from argmap.io.graphml.reader import loads_graphml
from argmap.io.graphml.writer import GRAPHML, NODE_KEYS, YED, dump_graphml

__all__ = ["GRAPHML", "NODE_KEYS", "YED", "dump_graphml", "loads_graphml"]
