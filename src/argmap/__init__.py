"""argmap: argument maps in YAML, checked as argument graphs, drawn with Graphviz.

The package is layered: :mod:`argmap.model` at the bottom; :mod:`argmap.io`
(formats), :mod:`argmap.graph` and :mod:`argmap.checks`, and :mod:`argmap.render`
each build on the model; :mod:`argmap.cli` sits on top.
"""

__version__ = "0.1.0"
