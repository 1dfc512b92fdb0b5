"""The watched folder: files leave the inbox only after their transaction committed."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from app.scanning.inbox import import_folder, inbox_files
from db.models import Attachment

from .helpers import CASE_NO, case_pdf, scanned_png


def test_files_are_filed_then_moved_to_done(sqlite_db, sqlite_cases, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "scan0001.pdf").write_bytes(case_pdf(CASE_NO))
    (inbox / "scan0002.png").write_bytes(scanned_png(None))
    (inbox / "notes.pdf").write_text("not a scan at all")
    (inbox / "scan0003.pdf.part").write_bytes(b"%PDF-1.7 half written")
    refused: list = []
    results = import_folder(sqlite_db, inbox, min_age_seconds=0, refused=refused)
    assert sorted(r.filename for r in results) == ["scan0001.pdf", "scan0002.png"]
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["scan0001.pdf", "scan0002.png"]
    assert [p.name for p in inbox.iterdir() if p.is_file()] == ["scan0003.pdf.part"]
    assert sorted(p.name for p in (inbox / "refused").iterdir()) == ["notes.pdf", "notes.pdf.txt"]
    assert "PDF" in (inbox / "refused" / "notes.pdf.txt").read_text("utf-8")
    assert [path.name for path, _ in refused] == ["notes.pdf"]


def test_a_failed_commit_leaves_the_file_in_the_inbox(sqlite_db, sqlite_cases, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "scan.pdf").write_bytes(case_pdf(CASE_NO))

    def crash(connection):
        raise OSError("power cut")

    # The database refuses the COMMIT itself, as when the machine stops at that moment.
    event.listen(sqlite_db.engine, "commit", crash)
    try:
        failed: list = []
        assert import_folder(sqlite_db, inbox, min_age_seconds=0, failed=failed) == []
    finally:
        event.remove(sqlite_db.engine, "commit", crash)
    assert [path.name for path, _ in failed] == ["scan.pdf"]
    assert (inbox / "scan.pdf").exists() and not (inbox / "done").exists()
    with sqlite_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 0
    # After the restart the same file is imported whole, its stored bytes found again by hash.
    [result] = import_folder(sqlite_db, inbox, min_age_seconds=0)
    assert not result.duplicate and result.pages[0].case_no == CASE_NO
    assert (inbox / "done" / "scan.pdf").exists()


def test_a_crash_after_commit_before_the_move_is_recognised(
    sqlite_db, sqlite_cases, tmp_path, monkeypatch
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "scan.pdf").write_bytes(case_pdf(CASE_NO))
    import app.scanning.inbox as inbox_module

    with monkeypatch.context() as patch:
        patch.setattr(inbox_module, "_move", lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
        with pytest.raises(KeyboardInterrupt):
            import_folder(sqlite_db, inbox, min_age_seconds=0)
    assert (inbox / "scan.pdf").exists()
    [again] = import_folder(sqlite_db, inbox, min_age_seconds=0)
    assert again.duplicate and again.duplicate_of_case == CASE_NO
    assert (inbox / "done" / "scan.pdf").exists()


def test_a_reused_name_never_replaces_an_earlier_file(sqlite_db, sqlite_cases, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "done").mkdir(parents=True)
    (inbox / "done" / "scan.png").write_bytes(b"yesterday's")
    (inbox / "scan.png").write_bytes(scanned_png(None))
    import_folder(sqlite_db, inbox, min_age_seconds=0)
    assert (inbox / "done" / "scan.png").read_bytes() == b"yesterday's"
    assert (inbox / "done" / "scan-1.png").exists()


def test_files_still_being_written_wait(tmp_path):
    (tmp_path / "fresh.pdf").write_bytes(b"%PDF")
    assert inbox_files(tmp_path, min_age_seconds=60) == []
    assert [p.name for p in inbox_files(tmp_path, min_age_seconds=0)] == ["fresh.pdf"]
