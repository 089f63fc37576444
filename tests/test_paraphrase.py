"""Guard against copying the analysed article into the repository.

``tests/data/article_10gram_hashes.txt`` holds truncated SHA-256 digests of
every 10-word run of the source article (made by
``tests/data/make_10gram_hashes.py``; the article itself is not stored). These
tests scan every tracked or untracked-but-not-ignored text file and fail if any
of them contains a 10-word run whose digest is in that list, i.e. a verbatim
stretch of the article. Claims in maps must be paraphrased.

They also check the shape of ``maps/two-michaels.yaml``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
HASH_FILE = DATA / "article_10gram_hashes.txt"
MAP_FILE = ROOT / "maps" / "two-michaels.yaml"

#: Extensions under output/ that are rendered images, not text.
_BINARY_OUTPUT_EXT = {".png", ".pdf"}


def _load_hasher():
    spec = importlib.util.spec_from_file_location(
        "make_10gram_hashes", DATA / "make_10gram_hashes.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


hasher = _load_hasher()


def load_hashes() -> set[str]:
    return {
        line.strip() for line in HASH_FILE.read_text(encoding="ascii").splitlines() if line.strip()
    }


def find_copied_runs(text: str, hashes: set[str]) -> list[str]:
    """Return each 10-word run of ``text`` whose digest is in ``hashes``."""
    tokens = hasher.words(text)
    return [" ".join(run) for _, run in hasher.ngram_runs(tokens) if hasher.digest(run) in hashes]


def repo_files() -> list[Path]:
    """Tracked plus untracked-but-not-ignored files (git), else a plain walk."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout.decode("utf-8", "surrogateescape")
        rels = sorted({p for p in out.split("\0") if p})
    except (OSError, subprocess.CalledProcessError):
        rels = []
        for dirpath, dirnames, filenames in os.walk(ROOT):
            dirnames[:] = [
                d
                for d in dirnames
                if not d.startswith(".") and d not in {"__pycache__", "build", "dist"}
            ]
            for name in filenames:
                rels.append(os.path.relpath(os.path.join(dirpath, name), ROOT))
        rels.sort()
    return [ROOT / r for r in rels]


def read_text_or_none(path: Path) -> str | None:
    """The file's text, or None for a binary / undecodable / missing file."""
    rel = path.relative_to(ROOT).as_posix()
    if path.resolve() == HASH_FILE.resolve():
        return None
    if rel.startswith("output/") and path.suffix.lower() in _BINARY_OUTPUT_EXT:
        return None
    if not path.is_file():
        return None  # deleted from the work tree but still in the index
    data = path.read_bytes()
    if b"\0" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


# --------------------------------------------------------------------------
# the guard itself


def test_hash_file_is_not_empty():
    hashes = load_hashes()
    assert len(hashes) > 100, "hash file looks empty; regenerate it with make_10gram_hashes.py"
    assert all(len(h) == 16 and all(c in "0123456789abcdef" for c in h) for h in hashes)


def test_detector_finds_a_planted_run():
    # A made-up sentence, not from any article.
    planted = "The purple walrus quietly audited seventeen lighthouses before breakfast on Tuesday"
    hashes = hasher.ngram_hashes(planted)
    assert len(hashes) == len(hasher.words(planted)) - 9
    # Embedded in other prose, with different case and curly apostrophes around it.
    host = (
        "Yesterday\u2019s memo said: THE PURPLE WALRUS quietly audited seventeen "
        "lighthouses before breakfast, it\u2019s true."
    )
    # Only nine of the planted words occur in a row here, so nothing is flagged.
    assert find_copied_runs(host, hashes) == []
    host2 = (
        "Note: the purple walrus quietly audited seventeen lighthouses before breakfast "
        "on Tuesday, again."
    )
    hits2 = find_copied_runs(host2, hashes)
    assert len(hits2) == 2, f"verbatim 10-word runs not detected: {hits2}"
    assert all(len(h.split()) == 10 for h in hits2)
    # Apostrophes are unified: curly and straight forms hash alike.
    assert hasher.words("it\u2019s \u2018ok\u2019") == ["it's", "ok"]
    # Nothing shorter than ten words is ever flagged.
    assert (
        find_copied_runs(
            "the purple walrus quietly audited seventeen lighthouses before breakfast", hashes
        )
        == []
    )


def test_no_file_copies_the_article():
    hashes = load_hashes()
    offences = []
    scanned = 0
    for path in repo_files():
        text = read_text_or_none(path)
        if text is None:
            continue
        scanned += 1
        for run in find_copied_runs(text, hashes):
            offences.append(f"{path.relative_to(ROOT).as_posix()}: {run!r}")
    assert scanned > 0
    assert not offences, "verbatim 10-word runs of the article found:\n" + "\n".join(offences)


# --------------------------------------------------------------------------
# shape of the map


@pytest.fixture(scope="module")
def claims() -> dict:
    doc = yaml.safe_load(MAP_FILE.read_text(encoding="utf-8"))
    assert isinstance(doc, dict) and isinstance(doc.get("claims"), dict)
    return doc["claims"]


def _ids(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def test_map_has_six_precedents(claims):
    precedents = [cid for cid, c in claims.items() if c["kind"] == "precedent"]
    assert len(precedents) == 6, precedents


def test_map_objections_are_rebutted(claims):
    objections = [cid for cid, c in claims.items() if c["kind"] == "objection"]
    assert len(objections) >= 3, objections
    rebutted = {
        target
        for c in claims.values()
        if c["kind"] == "rebuttal"
        for target in _ids(c.get("attacks"))
    }
    unanswered = [o for o in objections if o not in rebutted]
    assert not unanswered, f"objections without a rebuttal: {unanswered}"


def test_map_references_resolve(claims):
    allowed = {"kind", "text", "supports", "attacks", "para"}
    for cid, c in claims.items():
        assert set(c) <= allowed, (cid, set(c) - allowed)
        for target in _ids(c.get("supports")) + _ids(c.get("attacks")):
            assert target in claims, f"{cid} points at unknown claim {target}"
        if c["kind"] != "thesis":
            assert c.get("supports") or c.get("attacks"), f"{cid} is not connected"
