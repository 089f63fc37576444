"""``argmap draft page.html``: the article's main text of a saved web page, and nothing else.

tests/fixtures/draft/ledger.html and the small pages below were written for
these tests: a news page with a menu, a share widget, a related-links aside,
comments and a footer around a five-paragraph op-ed with one subheading.
"""

from __future__ import annotations

import json
import socket
import sys
import time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.api.drafting import map_file
from argmap.draft import draft_file
from argmap.draft.charset import declared_encoding
from argmap.draft.html import load_page, page_blocks
from argmap.draft.patterns import load_patterns
from argmap.errors import MapLoadError, UsageError
from argmap.model import unshowable_character

from conftest import FIXTURES

LEDGER = FIXTURES / "draft" / "ledger.html"
ARTICLE_TEXT = (
    "Cities should ban cars from their centres\n"
    "Our streets belong to people, not to traffic, and we must take them back.\n"
    "Critics say that a ban would ruin local shops. But the shops on car-free streets "
    "sell more than before.\n"
    "What other cities learnt\n"
    "In 2019, Oslo removed most parking spaces from its centre. Footfall in Oslo rose "
    "that year.\n"
    "Engines and horns make cars very loud, so city streets become unpleasant places.\n"
    "It is time to ban cars from our centres.\n"
)
LEFT_OUT = (
    "page text outside the article (menus, links, footers, comments): 15 blocks, 431 characters"
)
BOILERPLATE = [
    "The Daily Ledger",
    "World",
    "Politics",
    "Subscribe now",
    "By Ada Lovelace",
    "Share on",
    "Email this article",
    "Related stories",
    "bakeries",
    "stadium",
    "Comments",
    "Great article",
    "Cars are freedom",
    "Copyright",
    "Privacy policy",
    "Tracker",
    "font-family",
]


def page(body: str, head: str = "<title>A page</title>") -> str:
    """A small HTML page."""
    return f"<!DOCTYPE html>\n<html><head>{head}</head><body>\n{body}\n</body></html>\n"


ARTICLE = (
    "<article><h1>Parks need more trees</h1>"
    "<p>Every park in the city should plant a hundred new trees this year.</p>"
    "<p>Trees cool the streets around them in summer, because their leaves give shade.</p>"
    "<p>Some argue that trees cost too much. But a tree costs less than a bench.</p>"
    "</article>"
)


@pytest.fixture(scope="module")
def ledger():
    return draft_file(LEDGER, model="blank")


def test_claims_are_the_article_s_sentences(ledger):
    got = [(cid, c.kind, c.para, c.text) for cid, c in ledger.map.claims.items()]
    assert got == [
        ("T1", "thesis", (1,), "Cities should ban cars from their centres"),
        (
            "P1",
            "premise",
            (2,),
            "Our streets belong to people, not to traffic, and we must take them back.",
        ),
        ("O1", "objection", (3,), "Critics say that a ban would ruin local shops."),
        ("R1", "rebuttal", (3,), "But the shops on car-free streets sell more than before."),
        ("PR1", "precedent", (5,), "In 2019, Oslo removed most parking spaces from its centre."),
        ("PR2", "precedent", (5,), "Footfall in Oslo rose that year."),
        ("P2", "premise", (6,), "Engines and horns make cars very loud"),
        ("P3", "premise", (6,), "city streets become unpleasant places."),
        ("P4", "premise", (7,), "It is time to ban cars from our centres."),
    ]


def test_title_and_source_come_from_the_page_s_metadata(ledger):
    amap = ledger.map
    assert amap.title == "Cities should ban cars from their centres"
    source = amap.source
    assert source is not None
    assert (source.title, source.publication, source.author, source.year, source.url) == (
        "Cities should ban cars from their centres",
        "The Daily Ledger",
        "Ada Lovelace",
        2021,
        "https://ledger.example/opinion/car-free-centres",
    )


def test_menus_share_buttons_related_links_comments_and_footer_are_left_out(ledger):
    assert ledger.article.text == ARTICLE_TEXT
    texts = [c.text for c in ledger.map.claims.values()]
    for words in BOILERPLATE:
        assert not [t for t in texts if words in t], words
        assert words not in ledger.article.text, words


def test_the_report_counts_what_was_left_out(ledger):
    page_report = ledger.article.page
    assert page_report is not None
    assert (page_report.blocks, page_report.characters, page_report.stopped) == (15, 431, None)
    # the subheading, line 4 of the article text, is dropped as in Markdown
    assert [(d.number, d.reason) for d in ledger.article.dropped] == [(4, "heading")]
    assert ledger.map.extra["draft"]["dropped"] == [4]


def test_page_blocks_are_the_visible_text_of_each_block_element():
    tree_text = page(
        "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<div>Before <p>inside <b>bold</b>ly</p> after<br>the break</div>"
        "<script>var hidden = 1;</script><noscript>Enable scripts</noscript>"
        "<template><p>Not shown</p></template><p>Last</p>"
    )
    import lxml.html

    tree = lxml.html.document_fromstring(tree_text)
    assert page_blocks(tree) == ["Home World", "Before after the break", "inside boldly", "Last"]


def test_each_block_of_the_main_text_is_a_line(tmp_path):
    article = tmp_path / "blocks.html"
    article.write_text(
        page(
            "<article><p>First paragraph says that every city should publish its traffic"
            "<br>data openly.</p>"
            "<pre><code>SELECT *\nFROM traffic;</code></pre>"
            "<h2>The quotes</h2>"
            "<blockquote><p>One quoted paragraph that is long enough to count as text.</p>"
            "<p>A second quoted paragraph, also long enough to be kept by the extractor.</p>"
            "</blockquote>"
            "<ol><li>First numbered item about the city and its roads</li>"
            "<li>Second numbered item about the buses</li></ol>"
            "<table><tr><th>City</th><th>Cars</th></tr><tr><td>Oslo</td><td>Few</td></tr>"
            "</table>"
            "<p>Last paragraph closes the argument: open data makes better streets.</p>"
            "</article>",
            "<title>Code and quotes</title>",
        ),
        encoding="utf-8",
    )
    made = load_page(article, load_patterns(None).boilerplate)
    assert made.text.splitlines() == [
        "Code and quotes",
        "First paragraph says that every city should publish its traffic data openly.",
        "SELECT * FROM traffic;",
        "The quotes",
        "One quoted paragraph that is long enough to count as text.",
        "A second quoted paragraph, also long enough to be kept by the extractor.",
        "First numbered item about the city and its roads",
        "Second numbered item about the buses",
        "City | Cars",
        "Oslo | Few",
        "Last paragraph closes the argument: open data makes better streets.",
    ]
    assert [(d.number, d.reason) for d in made.dropped] == [(3, "code"), (4, "heading")]
    assert made.title is not None and made.title.text == "Code and quotes"


def test_cli_report_header_and_spans_into_the_saved_text(run_cli, tmp_path):
    out, text_file = tmp_path / "ledger.yaml", tmp_path / "ledger.txt"
    code, stdout, stderr = run_cli(
        "draft", str(LEDGER), "-o", str(out), "--save-text", str(text_file)
    )
    assert (code, stdout) == (0, "")
    assert stderr.splitlines() == [
        f"drafted 9 claims (1 thesis, 4 premise, 2 precedent, 1 objection, 1 rebuttal) "
        f"from {LEDGER}",
        "thesis candidates: 3; to review: T1, P1, O1, P4",
        f"dropped: {LEFT_OUT}; ¶4 (heading)",
        f"wrote {out}",
        f"wrote {text_file}",
    ]
    text = text_file.read_text(encoding="utf-8")
    assert text == ARTICLE_TEXT
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    spans = {cid: claim["span"] for cid, claim in data["claims"].items()}
    assert spans["T1"] == [0, 41] and spans["PR1"] == [245, 303] and spans["P4"] == [418, 458]
    lines = text.split("\n")
    for cid, claim in data["claims"].items():
        start, end = claim["span"]
        assert text[start:end] == claim["text"], cid
        assert claim["text"] in lines[claim["para"] - 1], cid
    assert out.read_text(encoding="utf-8").splitlines()[3:6] == [
        "# Read from an HTML page: 'para' counts the lines and 'span' the characters of",
        "# the article text extracted from it ('argmap draft --save-text FILE' writes it).",
        f"# Left out: {LEFT_OUT}.",
    ]
    code, report, _ = run_cli("check", "--format", "json", str(out))
    assert code == 0
    assert not [f for f in json.loads(report)["findings"] if f["severity"] == "error"]


def test_json_output_is_the_same_map(run_cli, tmp_path):
    out = tmp_path / "ledger.yaml"
    run_cli("draft", str(LEDGER), "-o", str(out))
    code, stdout, _ = run_cli("draft", str(LEDGER), "--to", "json")
    assert code == 0
    data = json.loads(stdout)
    assert data["claims"] == yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]
    assert data["draft"]["dropped"] == [4]


def test_save_text_of_a_text_article_is_its_own_text(run_cli, tmp_path):
    cars = FIXTURES / "draft" / "cars.txt"
    saved = tmp_path / "cars-text.txt"
    code, _, _ = run_cli("draft", str(cars), "--save-text", str(saved))
    assert code == 0
    assert saved.read_bytes() == cars.read_bytes()


def test_save_text_and_output_must_differ(run_cli, tmp_path):
    same = tmp_path / "same.txt"
    code, stdout, stderr = run_cli("draft", str(LEDGER), "-o", str(same), "--save-text", str(same))
    assert (code, stdout) == (2, "")
    assert stderr == f"argmap: -o and --save-text both name {same}: give two files\n"
    assert not same.exists()
    code, _, stderr = run_cli("draft", str(LEDGER), "--save-text", str(LEDGER))
    assert code == 2 and "is the input file" in stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the page has no text"),
        (b"   \n\n", "the page has no text"),
        (page("").encode(), "the page has no text"),
        (page("", "<title>Only a title</title>").encode(), "the page has no text"),
        (
            page(
                "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                "<footer><p>Copyright 2021 The Daily Ledger</p></footer>"
            ).encode(),
            "the page has no article text",
        ),
        (
            page("<script>document.write('Cities should ban cars.')</script>").encode(),
            "the page has no text",
        ),
    ],
)
def test_a_page_without_article_text_exits_2(run_cli, tmp_path, content, message):
    article, out = tmp_path / "empty.html", tmp_path / "d.yaml"
    article.write_bytes(content)
    code, stdout, stderr = run_cli("draft", str(article), "-o", str(out))
    expected = f"{article}:1:1: error AM000 invalid-map: {message}: there is nothing to draft\n"
    assert (code, stdout, stderr) == (2, "", expected)
    assert not out.exists()


def test_a_declared_windows_1252_page_is_read_in_its_charset(tmp_path):
    article = tmp_path / "cafe.htm"
    article.write_bytes(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        b"<title>Caf\xe9 owners want fewer cars</title></head><body><article>"
        b"<p>The caf\xe9 owners say \x93cars must go\x94 from the old town, and they are right."
        b"</p>"
        b"<p>Streets without cars are quieter and safer for everyone who walks in them.</p>"
        b"</article></body></html>"
    )
    made = draft_file(article, model="blank")
    assert made.article.text == (
        "Caf\xe9 owners want fewer cars\n"
        "The caf\xe9 owners say \u201ccars must go\u201d from the old town, and they are right.\n"
        "Streets without cars are quieter and safer for everyone who walks in them.\n"
    )
    assert made.map.title == "Caf\xe9 owners want fewer cars"


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        (
            b"<html><head><title>No charset</title></head><body>\n<p>The caf\xe9.</p></body>",
            "2:11",
            "the file is not UTF-8 text: save it as UTF-8",
        ),
        (
            b'<html><head>\n  <meta charset="klingon"><title>x</title></head></html>',
            "2:18",
            "the page declares the charset 'klingon', which argmap does not read: "
            "save it as UTF-8",
        ),
        (
            b'<html><head><meta charset="windows-1252"></head>\n<body><p>A \x81 byte</p></body>',
            "2:12",
            "the file is not windows-1252 text, as its charset declaration says: "
            "save it as UTF-8 or correct the declaration",
        ),
    ],
)
def test_a_page_not_in_its_charset_exits_2_at_the_byte(run_cli, tmp_path, content, where, message):
    article = tmp_path / "bad.html"
    article.write_bytes(content)
    code, stdout, stderr = run_cli("draft", str(article))
    assert (code, stdout, stderr) == (
        2,
        "",
        f"{article}:{where}: error AM000 invalid-map: {message}\n",
    )


def test_charset_declarations_byte_order_marks_and_xml_declarations(tmp_path):
    assert declared_encoding(b'<meta charset="utf-8">') == ("utf-8", 15)
    assert declared_encoding(b"<!-- <meta charset=koi8-r> --><p>x</p>") is None
    assert declared_encoding(b"<?xml version='1.0' encoding='ISO-8859-15'?><html/>") == (
        "ISO-8859-15",
        30,
    )
    assert declared_encoding(b" " * 1024 + b'<meta charset="koi8-r">') is None
    xhtml = tmp_path / "page.xhtml"
    xhtml.write_bytes(
        b"<?xml version='1.0' encoding='ISO-8859-15'?>\n"
        b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Prix en \xa4</title></head>'
        b"<body><p>Bus tickets should cost one \xa4 in every city of the country.</p>"
        b"</body></html>"
    )
    text = load_page(xhtml, load_patterns(None).boilerplate).text
    assert text == (
        "Prix en \u20ac\nBus tickets should cost one \u20ac in every city of the country.\n"
    )
    utf16 = tmp_path / "page.html"
    utf16.write_bytes(page(ARTICLE).encode("utf-16"))
    assert load_page(utf16, load_patterns(None).boilerplate).text.startswith(
        "Parks need more trees\nEvery park"
    )


def test_no_network_is_used(monkeypatch, tmp_path):
    draft_file(LEDGER, model="blank")  # every library imported before sockets are closed
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with pytest.raises(OSError):
        socket.create_connection(("ledger.example", 443))
    attempts.clear()
    made = draft_file(LEDGER, model="blank")
    assert len(made.map.claims) == 9
    assert attempts == []


def test_no_entity_file_frame_or_script_is_read_or_run(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    article = tmp_path / "hostile.html"
    article.write_text(
        f'<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        f'<html><head><link rel="stylesheet" href="file://{secret}"></head><body>'
        f'<iframe src="file://{secret}"></iframe><object data="file://{secret}"></object>'
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="'
        f'{secret}"/>'
        "<script>document.body.innerHTML = '<p>Injected by a script</p>';</script>"
        "<article><p>The secret is &leak; and the laugh is &b; so cities should ban cars.</p>"
        "<p>Another paragraph says that streets should belong to people again.</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    text = load_page(article, load_patterns(None).boilerplate).text
    assert "TOPSECRET" not in text and "Injected" not in text and "aaaa" not in text
    # lxml's HTML parser reads no internal DTD subset: "]>" is text, the rest is body
    assert text == (
        "The secret is &leak; and the laugh is &b; so cities should ban cars.\n"
        "Another paragraph says that streets should belong to people again.\n"
    )


def test_hostile_metadata_and_control_characters_stay_out_of_the_map(tmp_path):
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Parks need more trees",
            "author": {"@type": "Person", "name": "Eve\u0007 \u001b[31mRed\ud800"},
        }
    )
    article = tmp_path / "meta.html"
    article.write_text(
        page(
            ARTICLE.replace("every", "every\u0007\u009b"),
            "<title>Parks need\u0008 more trees</title>"
            '<link rel="canonical" href="javascript:alert(1)">'
            f'<script type="application/ld+json">{ld}</script>',
        ),
        encoding="utf-8",
        errors="surrogatepass",
    )
    made = draft_file(article, model="blank")
    source = made.map.source
    assert source is not None and source.url is None
    assert source.title == "Parks need more trees"
    assert source.author is not None and source.author.startswith("Eve")
    fields = [source.title, source.author, *(c.text for c in made.map.claims.values())]
    assert [f for f in fields if unshowable_character(f)] == []
    assert "Every park in the city should plant a hundred new trees this year." in fields
    _, loaded = map_file(made)  # the draft loads back
    assert loaded.source == source


def test_nesting_past_the_parser_s_limit_is_reported(run_cli, tmp_path):
    deep = "<div>" * 300 + "Hidden deep text" + "</div>" * 300
    after = tmp_path / "after.html"
    after.write_text(page(ARTICLE + "\n" + deep), encoding="utf-8")
    code, _, stderr = run_cli("draft", str(after))
    assert code == 0
    stopped = "the HTML parser stopped at line 4: elements nested more than 256 deep"
    assert (
        f"dropped: no page text outside the article; {stopped}, leaving out the rest of the page"
        in stderr.splitlines()
    )
    before = tmp_path / "before.html"
    before.write_text(page(deep + ARTICLE), encoding="utf-8")
    code, _, stderr = run_cli("draft", str(before))
    assert (code, stderr) == (
        2,
        f"{before}:1:1: error AM000 invalid-map: the page has no article text (the HTML parser "
        "stopped at line 3: elements nested more than 256 deep): there is nothing to draft\n",
    )


def test_missing_trafilatura_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(UsageError) as err:
        draft_file(LEDGER, model="blank")
    assert str(err.value) == (
        "argmap draft needs trafilatura to read an HTML page, and it is not installed: "
        "pip install 'argmap[draft]' (or run 'make demo', which installs it)"
    )


def test_an_html_page_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_FILE_BYTES", "1000")
    with pytest.raises(MapLoadError) as err:
        draft_file(LEDGER, model="blank")
    assert str(err.value).startswith(f"{LEDGER}:1:1: error AM000 invalid-map: ")
    assert "ARGMAP_MAX_FILE_BYTES" in str(err.value)


#: Pieces inserted into the page by the fuzz test below.
PIECES = [
    b"<",
    b">",
    b"</p>",
    b"<p>",
    b"<div>" * 300,
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"&",
    b"&#0;",
    b"&#x110000;",
    b"<script>",
    b"<meta charset=utf-16>",
    b'<meta charset="x-unknown">',
    b"<?xml encoding='cp1252'?>",
    b"\x00",
    b"\x1b[31m",
    b"\xff",
    b"\xef\xbb\xbf",
    b"\xe2\x80\xae",
    b"\r",
    b"<h2>",
    b"<pre>",
    b"<li>",
    b"<table><tr><td>",
]


@st.composite
def mutated_page(draw: st.DrawFn) -> bytes:
    """The ledger page after one to six insertions, deletions or repeats."""
    data = LEDGER.read_bytes()
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "repeat", "random"]))
        if kind == "insert":
            data = data[:at] + draw(st.sampled_from(PIECES)) + data[at:]
        elif kind == "random":
            data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
        else:
            end = draw(st.integers(at, min(len(data), at + 200)))
            times = 1 if kind == "delete" else draw(st.integers(2, 50))
            data = data[:at] + data[at:end] * (times - 1) + data[end:]
    return data


@settings(max_examples=60, deadline=None)
@given(data=mutated_page())
def test_any_page_gives_a_draft_that_loads_or_a_positioned_refusal(tmp_path_factory, data):
    article = tmp_path_factory.mktemp("fuzz") / "page.html"
    article.write_bytes(data)
    try:
        made = draft_file(article, model="blank")
    except MapLoadError as error:
        assert error.findings
        assert all(
            f.file == str(article) and f.line >= 1 and f.column >= 1 for f in error.findings
        )
        return
    text = made.article.text
    for par in made.article.paragraphs:
        assert text[par.start : par.end] == par.text
    for claim in made.map.claims.values():
        start, end = claim.span
        assert " ".join(text[start:end].split()) == claim.text
    map_file(made)  # loads back


def _best_of_2(path) -> float:
    rules = load_patterns(None).boilerplate
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        load_page(path, rules)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", ["flat", "nested"])
def test_ten_times_the_page_takes_less_than_thirty_times_the_time(tmp_path, shape):
    def make(count: int) -> str:
        if shape == "flat":
            return page(
                "".join(f"<p>Paragraph {i} says cities should ban cars.</p>" for i in range(count))
            )
        return page(
            "".join(
                "<div>" * 100 + f"<p>Paragraph {i} is a deep one about cars.</p>" + "</div>" * 100
                for i in range(count)
            )
        )

    small, large = tmp_path / "small.html", tmp_path / "large.html"
    counts = (400, 4000) if shape == "flat" else (40, 400)
    small.write_text(make(counts[0]), encoding="utf-8")
    large.write_text(make(counts[1]), encoding="utf-8")
    _best_of_2(small)  # libraries imported
    ratio = _best_of_2(large) / _best_of_2(small)
    assert ratio < 30, f"{shape}: x10 page took x{ratio:.1f} time"
