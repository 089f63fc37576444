"""PDF output: fixed creation date (same map, same bytes) and pages of a chosen size."""

from __future__ import annotations

import io
import time

import pytest
from pypdf import PdfReader

from argmap.render.graphviz import run_dot
from argmap.render.pdf import PAPERS, Placed, assemble, pin_dates

from conftest import needs_dot

DOT = "digraph { a -> b }\n"


def test_pin_dates_keeps_the_length():
    raw = b"<< /CreationDate (D:20261203154357Z) >>"
    pinned = pin_dates(raw)
    assert pinned == b"<< /CreationDate (D:19700101000000Z) >>"
    assert len(pinned) == len(raw)


@needs_dot
def test_graphviz_pdf_is_the_same_a_second_later():
    first = run_dot(DOT, "pdf")
    time.sleep(1.1)
    assert run_dot(DOT, "pdf") == first
    assert b"/CreationDate (D:19700101000000" in first


@needs_dot
def test_assembled_pages_have_the_paper_size_and_repeat():
    page = run_dot(DOT, "pdf")
    a4 = PAPERS["a4"]
    pages = [Placed(page, a4, 2.0, (100, 100)), Placed(page, (960, 540))]
    out = assemble(pages, title="Two pages")
    assert assemble(pages, title="Two pages") == out
    reader = PdfReader(io.BytesIO(out))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    assert sizes[0] == pytest.approx((595.276, 841.89), abs=0.01)
    assert sizes[1] == (960, 540)
    assert reader.metadata.title == "Two pages"
