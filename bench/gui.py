"""The GUI at city scale: the app's cold start and its case list against minimal hand-written Qt.

    .venv/bin/python -m bench.gui /tmp/city.sqlite3 [--runs 5]

The city (written by bench.city when the path does not exist) is copied beside itself first, since
the app may write to the database it opens. Then, interleaved run by run:

- cold start: wall time from launching `python main.py --db sqlite:///COPY` (offscreen, with
  REVISITDESK_EXIT_AFTER_FIRST_PAINT=1, fresh settings: Chinese, nobody chosen at the seat) to the
  first paint of its main window, as the process reports it — on a database ready to work on,
  the window's frame (title, menus, the pages' names), painted before the database is opened
  behind it (ui.start_up); against a minimal process that imports PySide6, reads the staff's
  names and the row counts with sqlite3 and paints them in a QMainWindow. One launch of each
  before the runs fills the bytecode caches (an installed app has them; PYTHONDONTWRITEBYTECODE
  is lifted for the children).
- cold start to the call desk: the same launch to the window's first paint with its database and
  its first page, the call desk (the process reports both); the raw window is whole at its first.
- cold start memory: the peak resident memory (VmHWM) of those processes then, at the call desk.
- case list first paint (in this process): from building and showing the case list page to the
  first paint of its table with rows; against the same first page read with sqlite3 into a
  QTableWidget and painted. As when the running window switches to the page, the page's module
  is imported and one opening of each side first is not counted (the ORM's configuration, the
  statements' first compilation, Qt's fonts); the first page waits for nothing else on the
  database thread.
- case list memory: the growth of this process's resident memory over the same span.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.city import generate
from bench.figures import Figure, median

ROOT = Path(__file__).resolve().parents[1]
COLD_START_GOAL_S = 1.5
COLD_START_MEMORY_GOAL_MB = 250
CASE_LIST_GOAL_MS = 300
LAUNCH_TIMEOUT_S = 120
PAINT_TIMEOUT_S = 60

# The hand-written counterpart of the cold start: the same visible work, nothing else.
RAW_START = r"""
import sqlite3, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

application = QApplication(sys.argv[:1])
connection = sqlite3.connect(sys.argv[1])
names = [n for (n,) in connection.execute("SELECT name FROM staff WHERE active ORDER BY name")]
cases = connection.execute("SELECT count(*) FROM cases").fetchone()[0]
evaluations = connection.execute("SELECT count(*) FROM evaluations").fetchone()[0]
window = QMainWindow()
window.resize(1280, 680)
window.setCentralWidget(QLabel("回访员：" + "、".join(names)))
window.statusBar().showMessage(f"业务件 {cases:,} 件 · 评价 {evaluations:,} 条")


def peak_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def report():
    print(f"first-paint {time.time():.6f} {peak_kb()}", flush=True)
    application.exit(0)


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, report)
        return False


first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
sys.exit(application.exec())
"""

# The case list's first page as the app shows it, by hand: cases, unit, phones, first evaluation
# and queue entry, newest completed first.
RAW_PAGE = """
SELECT c.id, c.case_no, c.business_type, u.name, c.completed_on, c.applicant,
       (SELECT group_concat(coalesce(p.e164, p.original), ' ') FROM case_phones p
         WHERE p.case_id = c.id),
       e.channel, e.overall,
       (SELECT q.status || ' ' || coalesce(q.result, '') FROM call_queue q
         WHERE q.case_id = c.id ORDER BY q.id DESC LIMIT 1)
FROM cases c JOIN units u ON u.id = c.unit_id
LEFT JOIN evaluations e ON e.id = c.first_evaluation_id
ORDER BY c.completed_on DESC, c.id DESC LIMIT ?
"""


def measure(city: Path, *, runs: int = 5) -> list[Figure]:
    """Cold start (s, MB) and the case list's first paint (ms, MB) on a copy of `city`."""
    city = Path(city)
    with tempfile.TemporaryDirectory(prefix="bench-gui-", dir=city.parent) as folder:
        copy = Path(folder) / "city.sqlite3"
        shutil.copyfile(city, copy)
        wal = city.with_name(city.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        env = _child_environment(Path(folder))
        app_command = [sys.executable, str(ROOT / "main.py"), "--db", f"sqlite:///{copy}"]
        raw_command = [sys.executable, "-c", RAW_START, str(copy)]
        _launch(app_command, env)  # the bytecode caches, and the file in the page cache
        _launch(raw_command, env)
        app_starts: list[Start] = []
        raw_starts: list[Start] = []
        for _ in range(runs):
            app_starts.append(_launch(app_command, env))
            raw_starts.append(_launch(raw_command, env))
        app_list, raw_list = _measure_case_list(copy, runs)
    return [
        Figure(
            name="cold start",
            unit="s",
            app=median([start.first_paint for start in app_starts]),
            raw=median([start.first_paint for start in raw_starts]),
            goal=COLD_START_GOAL_S,
            runs=runs,
            note="main.py to the main window's first paint (its frame, the database opening "
            "behind it); raw: PySide6 + sqlite3, a label",
        ),
        Figure(
            name="cold start to the call desk",
            unit="s",
            app=median([start.ready for start in app_starts]),
            raw=median([start.ready for start in raw_starts]),
            goal=COLD_START_GOAL_S,
            runs=runs,
            note="main.py to the window painted with its database and the call desk; raw: the "
            "same bare window",
        ),
        Figure(
            name="cold start memory",
            unit="MB",
            app=median([start.peak_kb / 1024 for start in app_starts]),
            raw=median([start.peak_kb / 1024 for start in raw_starts]),
            goal=COLD_START_MEMORY_GOAL_MB,
            runs=runs,
            note="peak resident memory (VmHWM) at the call desk",
        ),
        Figure(
            name="case list first paint",
            unit="ms",
            app=median([ms for ms, _mb in app_list]),
            raw=median([ms for ms, _mb in raw_list]),
            goal=CASE_LIST_GOAL_MS,
            runs=runs,
            note="page shown to its table painted with the first page; raw: sqlite3 + QTableWidget",
        ),
        Figure(
            name="case list memory",
            unit="MB",
            app=median([mb for _ms, mb in app_list]),
            raw=median([mb for _ms, mb in raw_list]),
            runs=runs,
            note="growth of resident memory while the page opens",
        ),
    ]


# Cold start, in child processes


def _child_environment(folder: Path) -> dict[str, str]:
    """Offscreen, with settings, drafts and logs of its own, and bytecode caches it may write."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(folder / "pycache"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(folder / name.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["REVISITDESK_EXIT_AFTER_FIRST_PAINT"] = "1"
    env.pop("REVISITDESK_DB", None)
    return env


@dataclass(frozen=True)
class Start:
    """One launch: seconds to the first paint and to the window ready (its database and first
    page painted: the same paint for the raw window), and the peak memory then in kB."""

    first_paint: float
    ready: float
    peak_kb: int


def _launch(command: list[str], env: dict[str, str]) -> Start:
    """Launch `command` and read what it reports: "first-paint EPOCH KB", then "ready EPOCH KB"
    where it paints a frame first (the raw window reports only the first)."""
    began = time.time()
    finished = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=LAUNCH_TIMEOUT_S
    )
    reported = {}
    for line in finished.stdout.splitlines():
        word, _space, rest = line.partition(" ")
        if word in ("first-paint", "ready") and word not in reported:
            at, kb = rest.split()
            reported[word] = (float(at) - began, int(kb))
    if finished.returncode != 0 or "first-paint" not in reported:
        raise RuntimeError(
            f"{command[1]} did not report its first paint (exit {finished.returncode}):\n"
            f"{finished.stdout}\n{finished.stderr}"
        )
    first, _kb = reported["first-paint"]
    ready, peak_kb = reported.get("ready", reported["first-paint"])
    return Start(first_paint=first, ready=ready, peak_kb=peak_kb)


# The case list, in this process


def _measure_case_list(
    path: Path, runs: int
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # as the children: the same painting
    from PySide6.QtWidgets import QApplication

    from db.database import open_database
    from ui import operations
    from ui.application import load_chinese_font
    from ui.pages.case_list_page import CaseListPage

    application = QApplication.instance() or QApplication([sys.argv[0]])
    load_chinese_font()
    database = open_database(f"sqlite:///{path}")
    app_runs, raw_runs = [], []
    try:
        for number in range(runs + 1):  # the first, not counted: fonts and statements warm up
            app = _first_paint(application, lambda: _app_page(database, CaseListPage))
            operations.cancel_and_wait()  # the count that follows the first page
            raw = _first_paint(application, lambda: _raw_page(path))
            if number:
                app_runs.append(app)
                raw_runs.append(raw)
    finally:
        operations.cancel_and_wait()
        database.close()
    return app_runs, raw_runs


def _app_page(database, page_class):
    page = page_class(database)
    return page, page.table.viewport(), lambda: page.model.rowCount() > 0


def _raw_page(path: Path):
    import sqlite3

    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    with sqlite3.connect(path) as connection:
        rows = connection.execute(RAW_PAGE, (200,)).fetchall()
    table = QTableWidget(len(rows), 8)
    for number, row in enumerate(rows):
        phones = (row[6] or "").split()
        masked = [phone[3:6] + "****" + phone[-4:] for phone in phones]
        cells = (*row[1:6], ", ".join(masked), f"{row[7] or ''} {row[8] or ''}", row[9] or "")
        for column, value in enumerate(cells):
            table.setItem(number, column, QTableWidgetItem(str(value or "")))
    return table, table.viewport(), lambda: table.rowCount() > 0


def _first_paint(application, build: Callable) -> tuple[float, float]:
    """Milliseconds from `build()` to the first paint of its viewport with rows, and the growth
    of resident memory in MB; the widget is closed afterwards."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and has_rows() and not painted:
                QTimer.singleShot(0, lambda: painted.append(time.perf_counter()))
            return False

    before = _resident_mb()
    began = time.perf_counter()
    widget, viewport, has_rows = build()
    watcher = FirstPaint()
    viewport.installEventFilter(watcher)
    widget.resize(1180, 700)  # the page's room in a 1366×768 window
    widget.show()
    deadline = began + PAINT_TIMEOUT_S
    while not painted and time.perf_counter() < deadline:
        application.processEvents()
        time.sleep(0.001)
    if not painted:
        raise RuntimeError(f"{type(widget).__name__} painted no rows in {PAINT_TIMEOUT_S} s")
    grown = _resident_mb() - before
    viewport.removeEventFilter(watcher)
    widget.close()
    widget.deleteLater()
    application.processEvents()
    return (painted[0] - began) * 1000, grown


def _resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def figure_line(figure: Figure) -> str:
    goal = ""
    if figure.goal is not None:
        goal = f", goal {figure.goal:,g} ({'met' if figure.met else 'not met'})"
    raw = f"{figure.raw:,.2f} {figure.unit}" if figure.raw is not None else "—"
    ratio = f", app/raw {figure.ratio:.2f}" if figure.ratio is not None else ""
    return (
        f"{figure.name}: app {figure.app:,.2f} {figure.unit}, raw {raw}{ratio}{goal}"
        f" (medians of {figure.runs})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.path.exists():
        generate(args.path)
    for figure in measure(args.path, runs=args.runs):
        print(figure_line(figure))


if __name__ == "__main__":
    main()
