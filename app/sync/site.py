"""This database as a sync site (its id, made once, and its name) and the sites it hears from."""

from __future__ import annotations

import socket
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.settings import get_setting
from db.models import SyncPeer

SITE_LOCK = 0x5259_5349  # the PostgreSQL advisory lock taken while this site's id is made


def this_site(session: Session) -> SyncPeer:
    """This database's own site record, created with a new site id on first use.

    The id is what `origin` says of the records made here; its name (setting sync.site_name,
    else the computer's name) is only for people reading a file or a conflict.
    """
    site = _own(session)
    if site is None and session.get_bind().dialect.name == "postgresql":
        # Two seats of a new centre database must not make two site ids: the second waits, then
        # finds the first one's. (On SQLite, writing transactions take turns already.)
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SITE_LOCK})
        site = _own(session)
    if site is None:
        site = SyncPeer(site_id=str(uuid.uuid4()), is_self=True, export_sequence=0)
        session.add(site)
    site.name = str(get_setting(session, "sync.site_name")).strip() or site.name or _hostname()
    session.flush()
    return site


def _own(session: Session) -> SyncPeer | None:
    return session.scalar(
        select(SyncPeer).where(SyncPeer.is_self.is_(True)).order_by(SyncPeer.id).limit(1)
    )


def peer(session: Session, site_id: str, name: str | None) -> SyncPeer:
    found = session.scalar(select(SyncPeer).where(SyncPeer.site_id == site_id))
    if found is None:
        found = SyncPeer(site_id=site_id, name=name, is_self=False, export_sequence=0)
        session.add(found)
        session.flush()
    elif name and found.name != name:
        found.name = name
    return found


@dataclass
class SiteRow:
    site_id: str
    name: str | None
    is_self: bool
    export_sequence: int
    exported_until: datetime | None
    imported_sequence: int | None
    imported_until: datetime | None
    last_import_at: datetime | None


def sites(session: Session) -> list[SiteRow]:
    """This site first, then the others by name: for `sync status`."""
    rows = session.scalars(
        select(SyncPeer).order_by(SyncPeer.is_self.desc(), SyncPeer.name, SyncPeer.id)
    ).all()
    return [
        SiteRow(
            r.site_id,
            r.name,
            r.is_self,
            r.export_sequence,
            r.exported_until,
            r.imported_sequence,
            r.imported_until,
            r.last_import_at,
        )
        for r in rows
    ]


def _hostname() -> str:
    try:
        return socket.gethostname()[:200] or "RevisitDesk"
    except OSError:
        return "RevisitDesk"
