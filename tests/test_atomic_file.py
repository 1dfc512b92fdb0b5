"""app.atomic_file: a file is the old one or the new one, never half of each, and an error
leaves no temporary file behind."""

from __future__ import annotations

import pytest

from app.atomic_file import AtomicFile, write_atomically


def test_a_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "deep" / "draft.json"
    write_atomically(target, "第一版")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["draft.json"]


def test_an_error_while_writing_keeps_the_old_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), AtomicFile(target) as temporary:
        temporary.write_bytes(b"half of the new")
        raise RuntimeError("cancelled")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_the_temporary_file_is_beside_the_target_and_hidden(tmp_path):
    file = AtomicFile(tmp_path / "a.zip")
    assert file.path.parent == tmp_path and file.path.name.startswith(".a.zip.")
    assert file.path.name.endswith(".partial")
    file.discard()
    assert list(tmp_path.iterdir()) == []
