"""argmap worksheet against a bad command line and hostile maps: clear errors (exit 2),
escaped text, long claims wrapped at 11 pt or refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_slides import argmap, pdf_text, readability
from test_worksheet import UNIFORMS, split_pages

from conftest import needs_dot

HOSTILE = """\
title: "<script>alert('title')</script> & <b>bold</b>"
claims:
  T1: {kind: thesis, text: "<script>alert(1)</script> & <b>not bold</b> ]]> {{x}}"}
  P1: {kind: premise, text: "שלום עולם — a right-to-left claim ‮reversed‬", supports: T1}
  P2: {kind: premise, text: "Emoji 🎓📱 and a\\u0020tab\\there", supports: T1}
  O1: {kind: objection, text: "LONG", attacks: T1}
"""


def hostile(folder: Path, long: str = "A reasonable objection.") -> str:
    path = folder / "hostile.yaml"
    path.write_text(HOSTILE.replace("LONG", long), "utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--blank", "150%"), "at most 100%"),
        (("--blank", "abc"), "--blank takes a share"),
        (("--blank", "-5%"), "--blank takes a share"),
        (("--blank", "101"), "at most 100%"),
    ],
)
def test_bad_blank_share_exits_2(tmp_path, args, message):
    code, err = argmap(
        "worksheet", UNIFORMS, "--kind", "fill", *args, "-o", str(tmp_path / "x.pdf")
    )
    assert code == 2
    assert message in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kind", "cards", "--blank", "30%", "-o", "x.pdf"), "--blank goes with --kind fill"),
        (("--kind", "fill", "-o", "x.png"), "written as .pdf or .html"),
        (("--kind", "riddle", "-o", "x.pdf"), "riddle"),
        (("-o", "x.pdf"), "--kind"),
    ],
)
def test_bad_command_lines_exit_2(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, err = argmap("worksheet", UNIFORMS, *args)
    assert code == 2
    assert message in err


def test_blank_shares_in_every_spelling(tmp_path):
    from argmap.cli.worksheet import blank_share

    assert blank_share("30%") == blank_share("30") == blank_share("0.3") == pytest.approx(0.3)
    assert blank_share("100%") == 1.0
    assert blank_share("0") == 0.0


@needs_dot
def test_hostile_text_is_escaped_in_html_and_drawn_in_pdf(tmp_path):
    source = hostile(tmp_path)
    for kind in ("fill", "classify", "flaw", "cards"):
        html, pdf = tmp_path / f"{kind}.html", tmp_path / f"{kind}.pdf"
        code, err = argmap("worksheet", source, "--kind", kind, "-o", str(html), "-o", str(pdf))
        assert code == 0, err
        page = html.read_text("utf-8")
        assert "<script>" not in page and "<b>" not in page
        assert "&lt;script&gt;" in page
        for _, words in readability.pdf_pages(pdf):
            assert min(s for _, s in words) >= 10.95
    text = " ".join(pdf_text(tmp_path / "cards.pdf", "-raw"))
    assert "<script>alert(1)</script>" in text


@needs_dot
def test_a_long_claim_is_wrapped_at_11_pt(tmp_path):
    long = " ".join(["This objection goes on and on without ever stopping."] * 40)  # 2,000+
    source = hostile(tmp_path, long)
    for kind in ("classify", "cards"):
        out = tmp_path / f"{kind}.pdf"
        code, err = argmap("worksheet", source, "--kind", kind, "-o", str(out))
        assert code == 0, err
        for _, words in readability.pdf_pages(out):
            assert min(s for _, s in words) >= 10.95
        students, _ = split_pages(out)
        assert " ".join(students).count("stopping.") >= 40


@needs_dot
def test_a_claim_too_long_for_a_page_is_refused(tmp_path):
    source = hostile(tmp_path, "word " * 2000)  # 10,000 characters
    for kind in ("fill", "cards"):
        out = tmp_path / f"{kind}.pdf"
        code, err = argmap("worksheet", source, "--kind", kind, "-o", str(out))
        assert code == 2
        assert "does not fit" in err
        assert "11 pt" in err or "13 pt" in err
        assert not out.exists()
