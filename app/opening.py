"""Opening the database the app works on: db.database.open_database with the app's backup of a
PostgreSQL database before its schema is upgraded (db/ cannot reach app.backup itself)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from db.database import Database, open_database


def open_app_database(url: str | None = None) -> Database:
    """The database named by `url` (else REVISITDESK_DB, else the default file), upgraded."""
    return open_database(url, back_up=_back_up_before_upgrade)


def _back_up_before_upgrade(engine: Engine, folder: Path | None) -> Path | None:
    # Imported only when an upgrade is due: every start asks, few upgrade.
    from app.backup import back_up_before_upgrade

    return back_up_before_upgrade(engine, folder)
