"""Diagrams: themes as data (:mod:`.style`), texts (:mod:`.labels`), DOT building
(:mod:`.dot`, pure), the one module that runs Graphviz (:mod:`.output`), SVG
finishing (:mod:`.svg`, pure), the text outline (:mod:`.outline`), parts of
large maps (:mod:`.subset`, :mod:`.pages`) and whole renderings (:mod:`.pipeline`:
``render_svg``)."""
