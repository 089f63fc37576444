"""Source URLs: one rule for the loader, every importer and every renderer."""

from __future__ import annotations

import subprocess
import sys

import pytest

from argmap.errors import MapLoadError
from argmap.io.yaml.reader import loads_map
from argmap.render.html.page import safe_href
from argmap.render.labels import source_line
from argmap.util.urls import link_target, url_problem

BAD_URLS = {
    "https://]x": "its host has an unmatched '[' or ']'",
    "http://[::1": "its host has an unmatched '[' or ']'",
    "https://exa\uff0fmple.com": (
        "its host holds a character that reads as '/', '?', '#', '@' or ':' once normalised (NFKC)"
    ),
    "https://a\uff20b/": (
        "its host holds a character that reads as '/', '?', '#', '@' or ':' once normalised (NFKC)"
    ),
    "https://x:99999/": "its port must be a whole number from 0 to 65535",
    "https://x:port/": "its port must be a whole number from 0 to 65535",
}


@pytest.mark.parametrize("url", sorted(BAD_URLS))
def test_malformed_urls_are_named_and_never_linked(url):
    assert url_problem(url) == BAD_URLS[url]
    assert link_target(url) is None
    assert safe_href(url) is None
    assert source_line(url, 40)  # shown as a citation, no crash


@pytest.mark.parametrize("text", ["https://x.example/a", "mailto:me@x.example", "Smith 2019"])
def test_usable_urls_and_citations_pass(text):
    assert url_problem(text) is None


@pytest.mark.parametrize("url", sorted(BAD_URLS))
def test_the_loader_refuses_a_malformed_claim_source(url):
    text = f'claims:\n  T1: {{kind: thesis, text: A, source: "{url}"}}\n'
    with pytest.raises(MapLoadError) as err:
        loads_map(text, "m.yaml")
    [finding] = err.value.findings
    assert (finding.code, finding.position.line, finding.position.column) == ("AM000", 2, 39)
    assert finding.message == (
        f"the source of claim T1 is not a usable URL: {BAD_URLS[url]}; "
        "correct the address, or write a plain citation without a scheme"
    )


def test_the_loader_refuses_a_malformed_map_source():
    text = 'source: {url: "https://]x"}\nclaims:\n  T1: {kind: thesis, text: A}\n'
    with pytest.raises(MapLoadError) as err:
        loads_map(text, "m.yaml")
    [finding] = err.value.findings
    assert (finding.position.line, finding.position.column) == (1, 15)
    assert finding.message.startswith("source url is not a usable URL")


def test_check_and_render_exit_2_not_70(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text('claims:\n  T1: {kind: thesis, text: A, source: "https://]x"}\n')
    for args in (["check", str(path)], ["render", str(path), "-o", str(tmp_path / "m.svg")]):
        run = subprocess.run(
            [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, check=False
        )
        assert run.returncode == 2, run.stderr
        assert "m.yaml:2:39: error AM000" in run.stdout + run.stderr


def test_urls_without_host_or_with_spaces_are_refused():
    from argmap.util.urls import url_problem

    no_host = "it names no host: write the address as https://host/path"
    assert url_problem("http://") == no_host
    assert url_problem("https:///path") == no_host
    assert url_problem("https://@/") == no_host
    assert url_problem("https://x y") == "it holds a space: write spaces in a URL as %20"
    assert url_problem("mailto:someone@example.org") is None
    assert url_problem("https://example.org/a%20b") is None
