"""Diagrams: themes as data (:mod:`.style`), DOT building (:mod:`.dot`, pure) and
the one module that runs Graphviz (:mod:`.output`)."""
