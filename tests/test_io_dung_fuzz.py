"""Mutated Dung frameworks and Carneades graphs: every reader either reads the file (every
writer then writes the map, and the YAML written loads again) or refuses it with
positioned findings; never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import MapLoadError
from argmap.io.carneades.reader import loads_carneades
from argmap.io.dung.apx import loads_apx
from argmap.io.dung.iccma import loads_iccma
from argmap.io.dung.tgf import loads_tgf
from argmap.io.formats import FORMATS
from argmap.io.yaml.reader import loads_map

from conftest import FIXTURES

SEEDS = {
    "reinstatement.apx": loads_apx,
    "reinstatement.tgf": loads_tgf,
    "reinstatement.af": loads_iccma,
    "named-in-order.af": loads_iccma,
    "penguin.yml": loads_carneades,
    "dung-reinstatement.yml": loads_carneades,
}
PIECES = st.sampled_from(
    [
        "(",
        ")",
        ".",
        ",",
        '"',
        "\\",
        "%",
        "%*",
        "*%",
        "#",
        "\n",
        " ",
        "p af 9",
        "0",
        "-1",
        "->",
        ":",
        "[",
        "]",
        "{",
        "}",
        "- ",
        "  ",
        "\t",
        "é",
        "\u202e",
        "\x00",
        "99999999999",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    folder = "carneades" if name.endswith(".yml") else "dung"
    text = (FIXTURES / "interchange" / folder / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 6))
        text = text[:at] + draw(st.one_of(st.just(""), PIECES)) + text[at + cut :]
    return name, text


@settings(max_examples=300, deadline=None)
@given(mutated())
def test_mutated_files_are_read_or_refused_with_positions(case: tuple[str, str]):
    name, text = case
    try:
        imported = SEEDS[name](text, name)
    except MapLoadError as error:
        assert error.findings
        assert all(f.file == name and f.line >= 1 and f.column >= 1 for f in error.findings)
        return
    for note in imported.notes:
        assert note.code == "AM001" and note.position.line >= 1
    for form in FORMATS.values():
        if form.write is not None:
            assert form.write(imported.map).text.endswith("\n")
    # convert never writes a map that check then refuses
    loads_map(FORMATS["argmap"].write(imported.map).text, "converted.yaml")
