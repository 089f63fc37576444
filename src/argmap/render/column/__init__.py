"""The column layout: a map drawn for an article column or a phone, growing downward.

``argmap render MAP --layout column [--column-width PX]`` draws the argument
as an outline: the thesis on top; under each claim, indented, what argues
about it (its reasons, then the objections, each with its rebuttals under it);
a linked reason as one box around its premises, joined at a junction dot; an
undercut right under the box of the step it undercuts, its line ending on that
box; a claim that serves several places drawn once, in full, where it stands
nearest the thesis, and elsewhere a one-line reference box (``see P2 ↑: …``,
linking to it), so no line runs across the picture; a loop of support ends in
such a reference (``see P1 ↑, a circle``) and every claim on it carries the
finding "goes in a circle". Claim boxes show what the whole-map diagram shows
(kind, id, paragraphs, findings in plain words, source), in the theme's shapes
and colours.

Size. The picture's natural width is the column width (default 700 px, from
280 to 2000), one SVG unit per CSS px, so shown at 100 % in that column claim
text is 16 px (the theme's text × 0.8, at least 16) and every other text
(captions, ids, references, citations, legend) at least 14 px; every
``<text>`` has its ``font-size``. ``bench/readability.py`` measures it: the
op-ed (maps/two-michaels.yaml) at 700 px has a claim text median of 16 px and
no text under 14 px, at 360 px (a phone) the same.

Method. argmap computes every position (:mod:`.tree`: the rows in reading
order; :mod:`.place`: boxes and connectors; :mod:`.legend`), with each line of
text wrapped to its box by measuring it (:mod:`.measure`). The result is
written as DOT with every position fixed (:mod:`.dotfile`: nodes of fixed size
at ``pos="x,y!"``, labels as tables of fixed-height rows, edges with their
routes in ``pos``) and drawn by ``neato -n2`` (:mod:`.draw`), so Graphviz
writes the SVG, PNG and PDF as for the whole-map diagram, and the SVG goes
through the same finisher (:func:`argmap.render.svg.finish_svg`: title and text
outline for screen readers, tooltips, links, per-map id prefix, safety). The
HTML output is the interactive page (:mod:`argmap.render.html`) with the
column's SVG in it (:mod:`.formats`). Everything is deterministic: the same map
gives the same bytes.

Fonts. Text is measured with DejaVu Sans (:func:`argmap.render.fonts.text_width`),
the first and widest font of the theme's stack (:data:`argmap.render.style.FONT`:
DejaVu Sans, Verdana, Arial, Helvetica, sans-serif), plus 3 % for rounding, and
a wide character (CJK, emoji), which DejaVu Sans lacks, counts 1.3 em (CJK
fonts draw it 1 em wide, emoji fonts up to about 1.25 em). Every line is drawn
left-aligned, so a browser that substitutes a narrower font only leaves more
room at the line's end: no text can run out of its box. The font is not
embedded: a subset inside every SVG would add tens of kilobytes per map and a
style sheet the finisher would have to let through, and PNG and PDF, which
Graphviz draws, use the installed DejaVu Sans anyway.
"""
