"""The window's first look at its database, before SQLAlchemy and the models are loaded.

Loading SQLAlchemy, the mapped models and the call desk takes twice as long as Python and Qt
together. When a first look says the window will open on this database as it is — a SQLite file
in the clear, at the newest schema, set up, and nobody with a password to log in — the window's
frame (title, menus, the pages' names) is shown at once, and the database is opened and the
pages built behind it (ui.application). Anything else, or a look that cannot be taken, and the
window starts as before: the database first, then the window.

A guess, never a decision: what the frame shows needs no database, and the database is then
opened, checked and logged in to exactly as without it (app.opening, app.database_info,
ui.login_dialog); where they find otherwise, the frame is put away and the window starts as before.
So this reads only what it must, with the standard library's sqlite3, read-only.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from db.migrate import VERSION_TABLE, head_revision

# As db.engine (APP_NAME, ENV_DB, default_database_url), which imports SQLAlchemy; a test
# checks that both resolve every URL alike.
APP_NAME = "RevisitDesk"
ENV_DB = "REVISITDESK_DB"
DEFAULT_FILE = "revisitdesk.sqlite3"
SQLITE_PREFIX = "sqlite:///"

# One statement: the schema's revision, whether anything is set up (a unit, a case or a person:
# app.database_info.is_new_installation) and whether anybody logs in (an active person with a
# password: app.staff.anyone_logs_in).
_LOOK = f"""
SELECT (SELECT version_num FROM {VERSION_TABLE}),
       EXISTS (SELECT 1 FROM units) OR EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM staff),
       EXISTS (SELECT 1 FROM staff WHERE password_hash IS NOT NULL AND active)
"""


def likely_url(given: str | None) -> str:
    """The URL the window will open: `given` (--db), else REVISITDESK_DB, else the default file
    (db.engine.resolve_database_url, without importing SQLAlchemy or making the folder)."""
    if given:
        return given
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    from platformdirs import user_data_path

    return f"{SQLITE_PREFIX}{user_data_path(APP_NAME, appauthor=False) / DEFAULT_FILE}"


def opens_as_it_is(given: str | None) -> bool:
    """Whether the database the window will open looks ready to work on as it is: a SQLite file
    in the clear at the newest schema, set up, with nobody to log in. False whenever unsure."""
    path = _plain_sqlite_file(likely_url(given))
    if path is None:
        return False
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=0)
    except (sqlite3.Error, OSError, ValueError):
        return False
    try:
        revision, set_up, passwords = connection.execute(_LOOK).fetchone()
    except sqlite3.Error:  # encrypted, another program's, an older schema, busy: the long way
        return False
    finally:
        connection.close()
    return revision == head_revision() and bool(set_up) and not passwords


def _plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL that exists; None for anything else (other
    backends and drivers, options, escapes, memory), which the window opens the long way."""
    if not url.startswith(SQLITE_PREFIX):
        return None
    name = url[len(SQLITE_PREFIX) :]
    if not name or name == ":memory:" or any(mark in name for mark in "?%#\x00"):
        return None
    path = Path(name)
    try:
        return path if path.is_file() else None
    except OSError:  # a name too long, say
        return None
