"""The sites a database hears from; this database's own site (its id and name) is made by
app.keys.installation, with its keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.keys.installation import this_site
from db.models import SyncPeer

__all__ = ["SiteRow", "peer", "sites", "this_site"]


def peer(session: Session, site_id: str, name: str | None) -> SyncPeer:
    found = session.scalar(select(SyncPeer).where(SyncPeer.site_id == site_id))
    if found is None:
        found = SyncPeer(site_id=site_id, name=name, is_self=False, export_sequence=0)
        session.add(found)
        session.flush()
    elif name and found.name != name and found.signing_key is None:
        # A site whose keys were trusted keeps the name the administrator gave it then.
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
