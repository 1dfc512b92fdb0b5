"""This database as an installation: its site id (made once) and name, its key pairs (made at
first need), and its recovery key, of which only the public half is kept.

Every seat of one PostgreSQL database is one installation; a SQLite file is one. A copy of a
database (a restored backup) is the same installation: same site id, same keys.
"""

from __future__ import annotations

import socket
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import clock
from app.audit import record_change
from app.i18n import pick
from app.keys.material import Identity, KeyRefused, RecoveryKey, RecoveryPublic
from app.settings import get_setting
from app.staff import require_administrator
from app.zone import LOCAL_ZONE
from db.models import InstallationKeys, Staff, SyncPeer

SITE_LOCK = 0x5259_5349  # the PostgreSQL advisory lock taken while this site's id is made
KEYS_LOCK = 0x5244_4B59  # … and while this installation's keys are made
KEYS_ROW = 1  # installation_keys holds one row


def this_site(session: Session) -> SyncPeer:
    """This database's own site record, created with a new site id on first use.

    The id is what `origin` says of the records made here; its name (setting sync.site_name,
    else the computer's name) is only for people reading a file or a conflict.
    """
    site = _own(session)
    if site is None and _postgres(session):
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


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _local(moment: datetime | None) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M") if moment else "?"


def _hostname() -> str:
    try:
        return socket.gethostname()[:200] or "RevisitDesk"
    except OSError:
        return "RevisitDesk"


def installation_identity(session: Session) -> Identity:
    """This installation's key pairs with its site id and name, made on first need."""
    row = _keys_row(session, make=True)
    site = this_site(session)
    return Identity(site.site_id, site.name, row.signing_private, row.agreement_private)


def stored_identity(session: Session) -> Identity | None:
    """This installation's keys if it has made them; reads only."""
    row = session.get(InstallationKeys, KEYS_ROW)
    site = _own(session)
    if row is None or site is None:
        return None
    return Identity(site.site_id, site.name, row.signing_private, row.agreement_private)


def _keys_row(session: Session, *, make: bool) -> InstallationKeys | None:
    row = session.get(InstallationKeys, KEYS_ROW)
    if row is None and make:
        site = this_site(session)  # first: the site's lock is always taken before the keys'
        if _postgres(session):
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": KEYS_LOCK})
            row = session.get(InstallationKeys, KEYS_ROW)
        if row is None:
            made = Identity.generate(site.site_id, site.name)
            row = InstallationKeys(
                id=KEYS_ROW,
                signing_private=made.signing_private,
                agreement_private=made.agreement_private,
                created_at=clock.now(),
            )
            session.add(row)
            session.flush()
    return row


def actor_label(session: Session, by_id: int | None) -> str | None:
    """The person as the audit trail names them, "name (#id)"; None for nobody logged in."""
    if by_id is None:
        return None
    return f"{session.scalar(select(Staff.name).where(Staff.id == by_id))} (#{by_id})"


@dataclass(frozen=True)
class RecoveryInfo:
    """That a recovery key was made, when and by whom (its secret is not kept)."""

    fingerprint: str
    made_at: datetime | None
    made_by: str | None


def recovery_info(session: Session) -> RecoveryInfo | None:
    row = session.get(InstallationKeys, KEYS_ROW)
    if row is None or row.recovery_public is None:
        return None
    public = RecoveryPublic(row.recovery_public)
    return RecoveryInfo(public.fingerprint, row.recovery_made_at, row.recovery_made_by)


def recovery_public(session: Session) -> RecoveryPublic | None:
    """The public half of this installation's recovery key, once one has been made."""
    row = session.get(InstallationKeys, KEYS_ROW)
    return RecoveryPublic(row.recovery_public) if row and row.recovery_public else None


def make_recovery_key(session: Session, *, by_id: int | None, replace: bool = False) -> RecoveryKey:
    """A new recovery key: its public half is kept, its secret returned to be shown once.

    Refused when one exists, unless `replace`: the backups made until now can still be opened
    with the old one (and by this installation), those made from now on with the new one.
    """
    require_administrator(session, by_id)
    row = _keys_row(session, make=True)
    if row.recovery_public is not None and not replace:
        made = _local(row.recovery_made_at)
        raise KeyRefused(
            pick(
                f"本机已于 {made} 制作过恢复密钥（{row.recovery_made_by or '未登录'}），它只显示过"
                "那一次，本机不保存它。要换一个新的恢复密钥，请加 --replace（在此之前的备份仍需用"
                "旧的恢复密钥恢复）",
                f"This installation made its recovery key on {made} "
                f"({row.recovery_made_by or 'not logged in'}); it was shown that once and is not "
                "kept here. To make a new one, add --replace (backups made before still need the "
                "old recovery key)",
            )
        )
    key = RecoveryKey.generate()
    old = recovery_public(session)
    before = {"recovery_key": old.fingerprint} if old else None
    row.recovery_public = key.public.agreement
    from app.keys.database_key import wrap_for_recovery  # (it imports this module's package)

    wrap_for_recovery(session, key.public)  # it also unlocks the encrypted database
    row.recovery_made_at = clock.now()
    row.recovery_made_by = actor_label(session, by_id)
    record_change(
        session,
        actor_id=by_id,
        action="keys.recovery",
        entity="installation_keys",
        entity_uid=None,
        before=before,
        after={"recovery_key": key.public.fingerprint},
    )
    return key
