"""``@include`` reads Argdown files inside the main file's folder tree, and nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.io.argdown.reader import load_argdown

SECRET = "[leak]: The secret outside the folder.\n"


def refused(main: Path) -> tuple[tuple[str, int, int], str]:
    """(file name, line, column) and message of the only error reading ``main``."""
    with pytest.raises(MapLoadError) as info:
        load_argdown(main)
    assert len(info.value.findings) == 1
    finding = info.value.findings[0]
    assert "secret" not in str(info.value).lower().replace("secret.argdown", "")
    return (Path(finding.file).name, finding.line, finding.column), finding.message


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``tmp_path/outside/secret.argdown`` and an empty ``tmp_path/map/`` folder."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.argdown").write_text(SECRET)
    (tmp_path / "map").mkdir()
    return tmp_path


def test_absolute_path_is_refused(tree: Path):
    main = tree / "map" / "main.argdown"
    main.write_text(f"[a]: A.\n\n@include({tree / 'outside' / 'secret.argdown'})\n")
    where, message = refused(main)
    assert where == ("main.argdown", 3, 10)
    assert "an absolute path is refused" in message


def test_parent_folder_is_refused(tree: Path):
    main = tree / "map" / "main.argdown"
    main.write_text("@include(../outside/secret.argdown)\n")
    where, message = refused(main)
    assert where == ("main.argdown", 1, 10)
    assert "is outside" in message and "the folder of the main file" in message


def test_link_pointing_outside_is_refused(tree: Path):
    os.symlink(tree / "outside" / "secret.argdown", tree / "map" / "inner.argdown")
    main = tree / "map" / "main.argdown"
    main.write_text("[a]: A.\n\n@include(inner.argdown)\n")
    where, message = refused(main)
    assert where == ("main.argdown", 3, 10)
    assert "is outside" in message


def test_linked_folder_pointing_outside_is_refused(tree: Path):
    os.symlink(tree / "outside", tree / "map" / "sub")
    main = tree / "map" / "main.argdown"
    main.write_text("@include(sub/secret.argdown)\n")
    assert "is outside" in refused(main)[1]


def test_included_file_cannot_reach_above_the_main_folder(tree: Path):
    (tree / "map" / "sub").mkdir()
    (tree / "map" / "sub" / "part.argdown").write_text("@include(../../outside/secret.argdown)\n")
    main = tree / "map" / "main.argdown"
    main.write_text("@include(sub/part.argdown)\n")
    where, message = refused(main)
    assert where == ("part.argdown", 1, 10)
    assert "is outside" in message


def test_inside_the_tree_parent_folders_and_links_are_fine(tree: Path):
    (tree / "map" / "sub").mkdir()
    (tree / "map" / "shared.argdown").write_text("[s]: Shared.\n")
    (tree / "map" / "sub" / "part.argdown").write_text("@include(../link.argdown)\n")
    os.symlink(tree / "map" / "shared.argdown", tree / "map" / "link.argdown")
    main = tree / "map" / "main.argdown"
    main.write_text("@include(sub/part.argdown)\n")
    assert [c.text for c in load_argdown(main).map.claims.values()] == ["Shared."]


def test_included_folder_is_reported_as_a_folder(tree: Path):
    (tree / "map" / "dir.argdown").mkdir()
    main = tree / "map" / "main.argdown"
    main.write_text("@include(dir.argdown)\n")
    where, message = refused(main)
    assert where == ("main.argdown", 1, 10)
    assert message.endswith("cannot read the file: it is a folder")


def test_included_fifo_is_reported_and_not_opened(tree: Path):
    os.mkfifo(tree / "map" / "pipe.argdown")
    main = tree / "map" / "main.argdown"
    main.write_text("@include(pipe.argdown)\n")
    where, message = refused(main)
    assert where == ("main.argdown", 1, 10)
    assert message.endswith("cannot read the file: it is not a regular file")


def test_missing_file_is_still_reported_as_missing(tree: Path):
    main = tree / "map" / "main.argdown"
    main.write_text("@include(none.argdown)\n")
    assert refused(main)[1].startswith("@include(none.argdown): there is no file")


def test_outside_content_never_reaches_the_output(tree: Path, run_cli):
    main = tree / "map" / "main.argdown"
    main.write_text("[a]: A.\n\n@include(../outside/secret.argdown)\n")
    out = tree / "out.yaml"
    code, stdout, stderr = run_cli("convert", str(main), str(out))
    assert code == 2
    assert not out.exists()
    assert "The secret" not in stdout + stderr
    assert "main.argdown:3:10: error AM000 invalid-map: @include(" in stderr


def test_a_control_character_in_an_included_name_is_refused(tmp_path):
    from argmap.errors import MapLoadError
    from argmap.util.files import read_text

    main = tmp_path / "main.argdown"
    main.write_text("@include(\x00x.argdown)\n\n[A]: a.\n", encoding="utf-8")
    with pytest.raises(MapLoadError) as info:
        load_argdown(main)
    assert [f.message for f in info.value.findings] == [
        "@include(\x00x.argdown): the file name holds the control character U+0000: remove it"
    ]
    with pytest.raises(MapLoadError) as info:
        read_text("a\x00b.yaml")
    assert info.value.findings[0].message == "cannot read the file: its name holds a NUL"
