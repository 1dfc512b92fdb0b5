"""Opening the database the app works on: engine, sessions, and the schema brought up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine, make_session_factory, resolve_database_url
from db.migrate import BackUp, upgrade_database


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    # The copy of the SQLite file made before an upgrade on this start, if one was made.
    backup: Path | None = None

    def display_url(self) -> str:
        """The URL without its password, for the screen and the log."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    url: str | None = None, back_up: BackUp | None = None, *, key: bytes | None = None
) -> Database:
    """Open the database named by `url` (else REVISITDESK_DB, else the default file) and upgrade
    it; `back_up` backs up a PostgreSQL database before an upgrade (see db.migrate); `key` opens
    an encrypted SQLite file (app.keys.database_key unwraps it)."""
    resolved = resolve_database_url(url)
    engine = make_engine(resolved, key=key)
    backup = upgrade_database(engine, back_up=back_up)
    return Database(
        url=resolved, engine=engine, sessions=make_session_factory(engine), backup=backup
    )
