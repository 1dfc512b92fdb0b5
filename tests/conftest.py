"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL, each copied from one
database migrated once per run; the sample files; a seeded random generator."""

from __future__ import annotations

import os

# pytest-qt aborts without a display unless Qt is told to draw offscreen (before Qt loads).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import functools
import random
import shutil
import signal
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import clock
from db.database import Database, open_database
from ui.current_user import log_in_as
from ui.garbage import GuiThreadCollector, collect_on_gui_thread
from ui.preferences import APPLICATION, ORGANIZATION
from ui.translations import use_language

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = DATA / "samples"
SPECIFICATIONS = DATA / "specifications"
# e.g. postgresql+psycopg://postgres:secret@127.0.0.1:5432/postgres; when not set, the tests
# start a throw-away server of their own (tests/postgres_server.py).
ENV_PG = "REVISITDESK_TEST_PG"
ENV_SEED = "REVISITDESK_TEST_SEED"
ON_POSTGRES = "on PostgreSQL"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def stop_clock() -> Callable[[datetime], None]:
    """`stop_clock(moment)` stops the app's one clock (app.clock) at `moment`, for every module
    and thread, until the end of the test."""
    return clock.set_now


@pytest.fixture(autouse=True)
def _clock_goes_again() -> Iterator[None]:
    yield
    clock.set_now(None)


# REVISITDESK_TEST_WALL_CLOCK=2026-12-31T12:30+08:00 runs the suite as if the wall clock read
# that moment (and went on from it): a test that passes at 10:00 and fails at lunchtime, at
# night or on New Year's Eve reads the real clock where it should stop it.
ENV_WALL_CLOCK = "REVISITDESK_TEST_WALL_CLOCK"


@pytest.fixture(autouse=True, scope="session")
def _wall_clock_moved() -> Iterator[None]:
    moment = os.environ.get(ENV_WALL_CLOCK)
    if not moment:
        yield
        return
    shift = datetime.fromisoformat(moment) - datetime.now(UTC)
    real = clock.datetime

    class Shifted(real):  # type: ignore[misc, valid-type]
        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206
            return real.now(tz) + shift

    clock.datetime = Shifted
    yield
    clock.datetime = real


@pytest.fixture
def rng() -> random.Random:
    """A random generator whose seed is printed (shown when the test fails) and can be given
    back in REVISITDESK_TEST_SEED to repeat the run."""
    seed = int(os.environ.get(ENV_SEED) or random.SystemRandom().randrange(2**32))
    print(f"random seed {seed} (repeat with {ENV_SEED}={seed})")
    return random.Random(seed)


# Qt as the app runs it


@pytest.fixture(scope="session", autouse=True)
def qt_as_the_app_runs_it(qapp, tmp_path_factory: pytest.TempPathFactory) -> GuiThreadCollector:
    """Every test runs with what the app sets up at its start: garbage collected on the GUI
    thread only (a collection on a worker thread can free Qt objects there, and crash), and the
    seat's preferences (QSettings) in a folder of this run's, never the user's own."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    return collect_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def garbage_collected_after_each_test(qt_as_the_app_runs_it: GuiThreadCollector) -> Iterator[None]:
    """The app's collector ticks on a timer of the event loop, which tests without widgets never
    run: after each test it takes a step here (on the GUI thread), so memory stays bounded."""
    yield
    qt_as_the_app_runs_it.collect()


@pytest.fixture(autouse=True)
def no_real_scanner(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages never ask the machine's SANE (it looks for network scanners for seconds, and a
    question still running on the files thread would meet the scanner tests' own); only tests
    marked real_scanner do."""
    if "real_scanner" not in request.keywords:
        monkeypatch.setattr("app.scanning.scanner.sane_available", lambda: False)


@pytest.fixture(autouse=True)
def a_fresh_seat() -> None:
    """Every test starts at a seat that remembers nothing (QSettings: the operator, the name
    chosen on the board, folders), whatever the test before it chose."""
    QSettings(ORGANIZATION, APPLICATION).clear()


@pytest.fixture(autouse=True)
def nobody_logged_in() -> Iterator[None]:
    """A test that logs somebody in leaves nobody logged in for the next one."""
    log_in_as(None)
    yield
    log_in_as(None)


@pytest.fixture(autouse=True)
def chinese() -> None:
    """Every test starts with the interface and app/'s messages in Chinese, whatever the test
    before it switched to."""
    use_language("zh")


# Waiting in GUI tests: pytest-qt gives up after 5 s unless told otherwise, which a loaded
# two-core CI machine can take for a save. A timeout only costs time when a test fails anyway.
QT_WAIT_MS = 30_000


def _generous(wait):
    @functools.wraps(wait)
    def waiting(self, *args, **kwargs):
        kwargs.setdefault("timeout", QT_WAIT_MS)
        return wait(self, *args, **kwargs)

    return waiting


for _name in (
    "waitSignal",
    "waitSignals",
    "waitUntil",
    "waitCallback",
    "waitActive",
    "waitExposed",
):
    setattr(QtBot, _name, _generous(getattr(QtBot, _name)))


# SQLite


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file at the newest schema, made once per run (every migration takes a second)."""
    path = tmp_path_factory.mktemp("migrated") / "migrated.sqlite3"
    open_database(f"sqlite:///{path}").close()  # closing checkpoints the WAL into the file
    return path


def copy_of(migrated: Path, target: Path) -> Database:
    """Open a copy of a closed SQLite database file (and of its attachments folder, if any)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated, target)
    attachments = migrated.with_name(f"{migrated.stem}.attachments")
    if attachments.exists():
        shutil.copytree(attachments, target.with_name(f"{target.stem}.attachments"))
    return open_database(f"sqlite:///{target}")


@pytest.fixture
def sqlite_url(migrated_sqlite: Path, tmp_path: Path) -> str:
    """The URL of a SQLite file at the newest schema, for a test that opens it itself (the
    command line)."""
    path = tmp_path / "cli.sqlite3"
    shutil.copyfile(migrated_sqlite, path)
    return f"sqlite:///{path}"


@pytest.fixture
def sqlite_db(migrated_sqlite: Path, tmp_path: Path) -> Iterator[Database]:
    database = copy_of(migrated_sqlite, tmp_path / "test.sqlite3")
    yield database
    database.close()


# PostgreSQL


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database: REVISITDESK_TEST_PG's, else a
    throw-away server started for this run and removed after it."""
    if os.environ.get(ENV_PG):
        yield os.environ[ENV_PG]
        return
    from tests.postgres_server import ServerMissing, ThrowawayServer

    try:
        server = ThrowawayServer()
    except ServerMissing as missing:
        pytest.skip(str(missing))
    # A run stopped with SIGTERM (a CI time-out, kill) still stops its server.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield server.start()
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)


def _interrupt(*_args) -> None:
    raise KeyboardInterrupt


def _on_server(server, name: str) -> str:
    """The URL of database `name` on the server of `server` (a URL or its string)."""
    return make_url(server).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_admin(pg_server: str):
    engine = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def migrated_pg(pg_admin) -> Iterator[str]:
    """The name of a database at the newest schema on the test server, the template of each
    test's database (CREATE DATABASE … TEMPLATE copies it in a moment)."""
    name = f"rdtemplate_{uuid.uuid4().hex[:12]}"
    with pg_admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    open_database(_on_server(pg_admin.url, name)).close()
    yield name
    with pg_admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def empty_pg(pg_admin) -> Iterator[str]:
    """The URL of a new database on the test server with no schema at all, dropped afterwards."""
    yield from _new_pg_database(pg_admin, template=None)


@pytest.fixture
def pg_db(pg_admin, migrated_pg: str) -> Iterator[Database]:
    """A new PostgreSQL database at the newest schema, dropped afterwards."""
    for url in _new_pg_database(pg_admin, template=migrated_pg):
        database = open_database(url)
        try:
            yield database
        finally:
            database.close()


def _new_pg_database(pg_admin, template: str | None) -> Iterator[str]:
    name = f"rdtest_{uuid.uuid4().hex[:12]}"
    copied = f' TEMPLATE "{template}"' if template else ""
    with pg_admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copied}'))
    try:
        yield _on_server(pg_admin.url, name)
    finally:
        with pg_admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Database:
    """The same test on SQLite and on PostgreSQL."""
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")


# How many tests ran on PostgreSQL, in the summary line


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # any_db's PostgreSQL half carries the mark already; mark the tests that ask for it directly.
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


def pytest_terminal_summary(terminalreporter) -> None:
    stats = terminalreporter.stats
    on_postgres = [r for r in stats.get("passed", []) if "postgres" in r.keywords]
    if on_postgres:
        stats[ON_POSTGRES] = on_postgres


# Under scripts/test.sh everything the tests use is installed: a skip there is a failure.
ENV_COMPLETE = "REVISITDESK_TEST_COMPLETE"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get(ENV_COMPLETE) and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped where nothing may be: {reason}"
