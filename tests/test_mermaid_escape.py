"""Map text in argmap's Mermaid output: no character Mermaid reads as syntax reaches the
``.mmd`` file literally, in labels (claim text, captions, junction labels) or the title."""

from __future__ import annotations

import re

import pytest
import yaml

from argmap.io.mermaid import SYNTAX, dump_mermaid, mermaid_text, mermaid_title
from argmap.model import ArgumentMap, Claim, Inference

DIRECTIVE = "%%{init: {'themeCSS': 'svg{background:url(http://127.0.0.1:9/x)}'}}%%"
EVERYTHING = DIRECTIVE + ' "#quot;" <script> \\n ` : $$x$$ \ufb02\u00b0 \u00b6\u00df \x00\x7f'
ENTITY = re.compile(r"#\d+;")


def test_escape_table():
    assert mermaid_text("%{}'\"#<>&`:") == ("#37;#123;#125;#39;#34;#35;#60;#62;#38;#96;#58;")
    assert mermaid_text("a\\nb") == "a\\\u2060nb"
    assert mermaid_text("$$ $$$") == "$\u2060$ $\u2060$\u2060$"
    assert mermaid_text("\ufb02\u00b0\u00b0 \u00b6\u00df ¶1 °C ß") == (
        "\ufb02\u2060\u00b0\u00b0 \u00b6\u2060\u00df ¶1 °C ß"
    )
    assert mermaid_text("a\n\tb\u2028c\x85d\x01") == "a b c d#65533;"


def test_directive_in_a_claim_is_only_entity_codes():
    assert mermaid_text(DIRECTIVE) == (
        "#37;#37;#123;init#58; #123;#39;themeCSS#39;#58; #39;svg#123;background#58;"
        "url(http#58;//127.0.0.1#58;9/x)#125;#39;#125;#125;#37;#37;"
    )


@pytest.mark.parametrize("title", [DIRECTIVE, EVERYTHING, "a\nb\u2028c \U0001f600 \u200b"])
def test_title_is_one_yaml_line_that_reads_back_exactly(title):
    scalar = mermaid_title(title)
    assert "\n" not in scalar and not set(scalar[1:-1]) & set(SYNTAX)
    read = yaml.safe_load(f"title: {scalar}")["title"]
    assert read.replace("\u2060", "") == title


def test_no_map_text_reaches_the_file_as_syntax():
    claims = {
        "T1": Claim("T1", "thesis", EVERYTHING),
        "P1": Claim("P1", "premise", EVERYTHING),
        "P2": Claim("P2", "premise", "%%{"),
    }
    link = Inference(EVERYTHING, ("P1", "P2"), "T1", linked=True)
    amap = ArgumentMap("m.yaml", claims, inferences=(link,), title=EVERYTHING)
    lines = dump_mermaid(amap).text.splitlines()
    assert lines[0] == lines[2] == "---" and lines[3] == "flowchart BT"
    assert not set(lines[1].removeprefix('title: "')[:-1]) & set(SYNTAX)
    labels = [line.split('"', 1)[1].rsplit('"', 1)[0] for line in lines[4:8]]
    assert len(labels) == 4
    for label in labels:
        assert not set(ENTITY.sub("", label.replace("<br/>", "", 1))) & set(SYNTAX)
    assert "%" not in "\n".join(lines) and "'" not in "\n".join(lines)
