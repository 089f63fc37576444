"""Every Markdown link of a Kialo claim is one of its sources; a claim's list of sources
is kept by every writer that can hold it and reported as lost by the others."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.io.exchange import losses
from argmap.io.formats import FORMATS
from argmap.io.kialo import load_kialo
from argmap.io.yaml.reader import loads_map
from argmap.render.html.page import page_data
from argmap.render.labels import claim_tooltip
from argmap.render.options import RenderOptions

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "kialo" / "two-links.txt"

MAP = """\
claims:
  T:
    kind: thesis
    text: The library should open on Sundays.
  P:
    kind: premise
    text: Most visitors work on weekdays.
    supports: T
    source:
      - https://example.org/survey
      - Council minutes, 4 May 2024
"""


def test_every_link_becomes_a_source_in_order():
    amap = load_kialo(FIXTURE).map
    pro, con = amap.claims["1.1"], amap.claims["1.2"]
    assert pro.text == "Most visitors work on weekdays, says the survey and the council minutes."
    assert pro.sources == ("https://example.org/survey", "https://example.org/minutes?id=4")
    assert (pro.source, pro.extra_sources) == (
        "https://example.org/survey",
        ("https://example.org/minutes?id=4",),
    )
    # an address given twice is kept once; a link of another scheme stays as written
    assert con.sources == ("https://example.org/budget",)
    assert con.text == (
        "Staff costs rise on Sundays (budget), see again and [this](ftp://example.org/x)."
    )
    assert amap.claims["1"].sources == ()


def test_yaml_source_takes_one_string_or_a_list():
    amap = loads_map(MAP, "m.yaml")
    assert amap.claims["P"].sources == (
        "https://example.org/survey",
        "Council minutes, 4 May 2024",
    )
    assert amap.claims["T"].sources == ()


@pytest.mark.parametrize(
    ("value", "message", "column"),
    [
        ("[]", "source of claim P is an empty list", 13),
        ("[https://a.org, 3]", "source 2 of claim P must be a string", 29),
        ("[https://a.org, 'javascript:x']", "source 2 of claim P uses the URL scheme", 29),
    ],
)
def test_bad_source_lists_are_refused_with_position(value: str, message: str, column: int):
    text = MAP.replace(
        "    source:\n      - https://example.org/survey\n      - Council minutes, 4 May 2024\n",
        f"    source: {value}\n",
    )
    with pytest.raises(MapLoadError) as caught:
        loads_map(text, "m.yaml")
    (finding,) = caught.value.findings
    assert message in finding.message
    assert (finding.line, finding.column) == (9, column)


@pytest.mark.parametrize("fmt", ["argmap", "json", "aif", "argdown", "graphml"])
def test_writers_that_hold_several_sources_keep_them(fmt: str):
    amap = loads_map(MAP, "m.yaml")
    exported = FORMATS[fmt].write(amap)
    assert not any("source" in phrase for phrase in exported.lost)
    back = FORMATS[fmt].read(exported.text, f"back.{fmt}").map
    assert back.claims["P"].sources == amap.claims["P"].sources


def test_mermaid_reports_the_sources_it_leaves_out_once():
    amap = loads_map(MAP, "m.yaml")
    exported = FORMATS["mermaid"].write(amap)
    assert "source of 1 claim" in exported.lost
    assert not any("every source but the first" in p for p in exported.lost)
    found = [f for f in losses(amap, exported, "mermaid", "m.yaml") if "source" in f.message]
    assert [(f.code, f.line) for f in found] == [("AM002", 5)]


def test_html_and_tooltips_show_every_source():
    amap = loads_map(MAP, "m.yaml")
    claims = {c["id"]: c for c in page_data(amap, [], RenderOptions())["claims"]}
    assert claims["P"]["href"] == "https://example.org/survey"
    assert claims["P"]["more"] == [["Council minutes, 4 May 2024", None]]
    assert "more" not in claims["T"]
    tip = claim_tooltip(amap.claims["P"], "premise")
    assert "Source: https://example.org/survey\nSource: Council minutes, 4 May 2024" in tip
