"""Diagrams: themes as data (:mod:`.style`), texts (:mod:`.labels`), DOT building
(:mod:`.dot`, pure), the one module that runs Graphviz (:mod:`.output`), SVG
finishing (:mod:`.svg`, pure), the outline (:mod:`.outline`, for the SVG and the
page), parts of large maps (:mod:`.subset`, :mod:`.reasons`, :mod:`.pages`), whole renderings
(:mod:`.pipeline`: ``render_svg``) and the interactive page built on them
(:mod:`.html`, :mod:`.html_parts`)."""
