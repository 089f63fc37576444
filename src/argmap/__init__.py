"""argmap: argument maps in YAML, checked as argument graphs, drawn with Graphviz.

The package is layered: :mod:`argmap.model` at the bottom; :mod:`argmap.io`
(formats), :mod:`argmap.analysis.graph` and :mod:`argmap.analysis.checks`, and :mod:`argmap.render`
each build on the model; :mod:`argmap.cli` sits on top.
"""

__version__ = "0.1.0"
