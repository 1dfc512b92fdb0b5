"""Drafts of Form A: written atomically while the operator types, and back after a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, datetime
from datetime import time as dt_time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import ui.drafts
from app.demo import fill_demo_data
from app.desk.queue import refresh_queue
from app.ratings import Rating
from app.zone import LOCAL_ZONE
from db.database import Database
from ui import operations, preferences
from ui.drafts import DRAFTS_DIR_ENV, Draft, DraftStore, default_directory
from ui.pages.call_desk_page import CallDeskPage

PROJECT = Path(__file__).resolve().parents[2]
OPERATOR = "赵敏"
QUEUE_DAY = date(2026, 11, 20)
SEAT_NOW = datetime.combine(QUEUE_DAY, dt_time(10), LOCAL_ZONE)  # a Friday, in calling hours


def a_draft(**changes) -> Draft:
    values = dict(
        operator_id=3,
        entry_id=41,
        case_no="JN20261012537616",
        answers={"overall": "satisfied", "efficiency": None},
        texts={"suggestion": "希望延长周六办公时间"},
        timer_started_at=1_790_000_000.5,
        phone_index=1,
    )
    return Draft(**{**values, **changes})


def test_a_draft_is_kept_per_operator_and_entry_and_read_back(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    store.save(a_draft())

    assert [p.name for p in (tmp_path / "drafts").iterdir()] == ["3-41.json"]
    assert store.load(3, 41) == a_draft()
    assert store.load(3, 42) is None
    store.delete(3, 41)
    store.delete(3, 41)  # already gone: nothing to do
    assert list((tmp_path / "drafts").iterdir()) == []


def test_a_failed_write_leaves_the_previous_draft_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore(tmp_path)
    store.save(a_draft())

    def fail(_source: str, _target: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        store.save(a_draft(texts={"suggestion": "改了一半"}))

    assert store.load(3, 41) == a_draft()
    assert [p.name for p in tmp_path.iterdir()] == ["3-41.json"]  # no temporary file left


def test_an_unreadable_draft_is_ignored(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.path(3, 41).write_text('{"operator_id": 3, "entry_', encoding="utf-8")
    assert store.load(3, 41) is None


def test_the_folder_is_the_user_data_folder_unless_configured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DRAFTS_DIR_ENV, raising=False)
    monkeypatch.setattr(ui.drafts, "data_dir", lambda: tmp_path / "data")
    assert default_directory() == tmp_path / "data" / "drafts"
    monkeypatch.setenv(DRAFTS_DIR_ENV, str(tmp_path / "elsewhere"))
    assert DraftStore().directory == tmp_path / "elsewhere"


# The operator's session in another process: the desk opens on the database, takes a case, and
# the operator answers part of Form A. The test kills the process once the draft is on disk.
SEAT = r"""
import os, sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

url, drafts, settings, name, moment = sys.argv[1:6]
application = QApplication([])
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, settings)

from datetime import datetime

from app import clock

clock.set_now(datetime.fromisoformat(moment))  # in calling hours, whenever the test runs

from db.database import open_database
from ui import preferences
from ui.drafts import DraftStore
from ui.pages.call_desk_page import CallDeskPage

preferences.OPERATOR.set(name)
page = CallDeskPage(open_database(url), drafts=DraftStore(Path(drafts)))
page.resize(1280, 680)
page.show()


def press(key):
    QTest.keyClick(page.focusWidget(), key)


def type_text(text):
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(page.focusWidget(), event)


def answer():
    press("2")  # 总体情况 满意
    press("4")  # 办事效率 不满意
    press("1")
    press("1")
    press("3")  # 不满意原因: 材料要求多/反复提交
    type_text("材料退回两次")


def loaded():
    page.operation_finished.disconnect(loaded)
    page.case_shown.connect(answer)
    page.fetch_next()


page.operation_finished.connect(loaded)
application.exec()
"""


@pytest.fixture
def queued_db(sqlite_db: Database) -> Database:
    day = QUEUE_DAY
    with sqlite_db.sessions.begin() as session:
        fill_demo_data(session, cases=200, seed=1, today=day)
    with sqlite_db.sessions.begin() as session:
        refresh_queue(session, today=day, seed=7)
    return sqlite_db


def wait_for_draft(folder: Path, seat_process: subprocess.Popen, log: Path) -> dict:
    """The draft once it holds everything the operator typed (written within a second)."""
    deadline = time.monotonic() + 60  # a slow machine starts Qt and the desk in a few seconds
    while time.monotonic() < deadline:
        assert seat_process.poll() is None, log.read_text()
        for path in folder.glob("*.json"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                pytest.fail(f"a draft was seen half-written: {path}")
            if data["texts"].get("dissatisfaction_details") == "材料退回两次":
                return data
        time.sleep(0.05)  # polling a file written by another process
    pytest.fail(f"no complete draft within the deadline\n{log.read_text()}")


def test_after_the_process_is_killed_the_form_comes_back_filled(
    qtbot: QtBot, queued_db: Database, tmp_path: Path, stop_clock
) -> None:
    stop_clock(SEAT_NOW)
    drafts = tmp_path / "drafts"
    log = tmp_path / "seat.log"
    with open(log, "w") as stream:
        seat_process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                SEAT,
                queued_db.url,
                str(drafts),
                str(tmp_path),
                OPERATOR,
                SEAT_NOW.isoformat(),
            ],
            cwd=PROJECT,
            env={**os.environ, "PYTHONPATH": str(PROJECT)},
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
    try:
        draft = wait_for_draft(drafts, seat_process, log)
    finally:
        os.kill(seat_process.pid, signal.SIGKILL)
        seat_process.wait()
    assert seat_process.returncode == -signal.SIGKILL
    assert draft["answers"]["overall"] == "satisfied"

    preferences.OPERATOR.set(OPERATOR)
    try:
        page = CallDeskPage(queued_db, drafts=DraftStore(drafts))
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.case_shown, timeout=10_000):
            page.show()

        assert page.item is not None and page.item.entry_id == draft["entry_id"]
        form = page.form
        assert form.rows["overall"].value() is Rating.SATISFIED
        assert form.rows["efficiency"].value() is Rating.DISSATISFIED
        assert form.rows["attitude"].value() is Rating.VERY_SATISFIED
        assert form.rows["materials"].value() is Rating.VERY_SATISFIED
        assert form.integrity_row.value() is None
        assert form.dissatisfaction_box.isVisible()
        assert form.category_row.value() == "materials"
        assert form.dissatisfaction_details.text() == "材料退回两次"
        assert page.message_label.text() == f"已恢复上次未保存的回访单：{page.item.case_no}"
        assert page.focusWidget() is form.integrity_row  # the first question still open
        qtbot.waitUntil(lambda: not operations.busy())
    finally:
        preferences.OPERATOR.set(None)
