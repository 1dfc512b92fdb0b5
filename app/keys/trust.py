"""The other sites whose public keys an administrator trusted, once, after comparing their
fingerprint on the phone: kept on their sync_peers row (app.sync.site), forgotten on request.

A site's files are accepted only when signed by the keys trusted for it, and files for a site
are encrypted to those keys only: an outlet cannot send anything until the centre's keys are
trusted there, and the centre cannot read anything from an outlet whose keys it has not trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.audit import record_change
from app.i18n import pick
from app.keys.installation import actor_label, installation_identity, stored_identity
from app.keys.material import NAME_LENGTH, KeyRefused, Keyring, PublicKeys, key_id_of_text
from app.staff import require_administrator
from db.models import SyncPeer


@dataclass(frozen=True)
class TrustedSite:
    """A site and the public keys trusted for it."""

    name: str | None
    keys: PublicKeys
    trusted_at: datetime | None
    trusted_by: str | None

    @property
    def site_id(self) -> str:
        return self.keys.site_id

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint


def _trusted(row: SyncPeer) -> TrustedSite:
    keys = PublicKeys(row.site_id, row.name, row.signing_key, row.agreement_key)
    return TrustedSite(row.name, keys, row.keys_trusted_at, row.keys_trusted_by)


def _trusted_rows(session: Session) -> list[SyncPeer]:
    return list(
        session.scalars(
            select(SyncPeer)
            .where(SyncPeer.is_self.is_(False), SyncPeer.signing_key.isnot(None))
            .order_by(SyncPeer.name, SyncPeer.id)
        )
    )


def trusted_sites(session: Session) -> list[TrustedSite]:
    """Every site whose keys are trusted here, by name."""
    return [_trusted(row) for row in _trusted_rows(session)]


def own_public_keys(session: Session) -> PublicKeys:
    """This installation's public keys (made on first need): what `keys show` hands out."""
    return installation_identity(session).public


def trust_site(
    session: Session,
    keys: PublicKeys,
    name: str,
    *,
    by_id: int | None,
    replace: bool = False,
) -> TrustedSite:
    """Trust another site's public keys under `name` (what this database calls it).

    The person must have compared the fingerprint with the other site first (the interfaces
    show it and ask). Refused: this installation's own keys, a name another site has, and new
    keys for a site already trusted with others unless `replace` (a reinstalled outlet).
    """
    require_administrator(session, by_id)
    name = " ".join(name.split())
    if not name or len(name) > NAME_LENGTH:
        raise KeyRefused(
            pick(
                f"请为对方站点起一个名称（1 到 {NAME_LENGTH} 个字）",
                f"Give the other site a name (1 to {NAME_LENGTH} characters)",
            )
        )
    own = installation_identity(session).public
    if keys.site_id == own.site_id or keys.key_id == own.key_id:
        raise KeyRefused(
            pick(
                "这是本机自己的密钥文件：请导入对方站点（中心或网点）用“keys show”导出的密钥文件",
                "This is this installation's own key file: trust the key file the other site "
                "(the centre or an outlet) wrote with 'keys show'",
            )
        )
    named = session.scalar(
        select(SyncPeer).where(SyncPeer.name == name, SyncPeer.site_id != keys.site_id)
    )
    if named is not None:
        raise KeyRefused(
            pick(
                f"名称“{name}”已用于另一个站点（{named.site_id}），请换一个名称",
                f"The name {name!r} is taken by another site ({named.site_id}); choose another",
            )
        )
    row = session.scalar(select(SyncPeer).where(SyncPeer.site_id == keys.site_id))
    before = None
    if row is not None and row.signing_key is not None:
        old = _trusted(row)
        before = {"site": old.name, "fingerprint": old.fingerprint}
        if old.keys.key_id != keys.key_id and not replace:
            raise KeyRefused(
                pick(
                    f"已信任站点“{old.name}”的另一组密钥（指纹 {old.fingerprint}），而此文件的"
                    f"指纹是 {keys.fingerprint}。如果对方确实换了密钥（例如重新安装），请电话核对"
                    "新指纹后加 --replace 再信任",
                    f"Other keys of site {old.name!r} are trusted (fingerprint {old.fingerprint}); "
                    f"this file's fingerprint is {keys.fingerprint}. If that site really has new "
                    "keys (reinstalled, say), compare the new fingerprint on the phone and trust "
                    "it again with --replace",
                )
            )
    if row is None:
        row = SyncPeer(site_id=keys.site_id, is_self=False, export_sequence=0)
        session.add(row)
    row.name = name
    row.signing_key, row.agreement_key = keys.signing, keys.agreement
    row.keys_trusted_at = clock.now()
    row.keys_trusted_by = actor_label(session, by_id)
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="keys.trust",
        entity="sync_peer",
        entity_uid=None,
        before=before,
        after={"site": name, "site_id": keys.site_id, "fingerprint": keys.fingerprint},
    )
    return _trusted(row)


def forget_site(session: Session, which: str, *, by_id: int | None) -> TrustedSite:
    """No longer trust a site's keys (by name, site id or fingerprint): its files are refused
    and none are written for it until its keys are trusted again. What came from it stays."""
    require_administrator(session, by_id)
    row = _find(session, which)
    forgotten = _trusted(row)
    row.signing_key = row.agreement_key = None
    row.keys_trusted_at = row.keys_trusted_by = None
    record_change(
        session,
        actor_id=by_id,
        action="keys.forget",
        entity="sync_peer",
        entity_uid=None,
        before={"site": forgotten.name, "fingerprint": forgotten.fingerprint},
        after=None,
    )
    return forgotten


def _find(session: Session, which: str) -> SyncPeer:
    """A trusted site by its name, site id or fingerprint; KeyRefused naming those there are."""
    rows = _trusted_rows(session)
    wanted = " ".join(which.split())
    try:
        key_id = key_id_of_text(wanted)
    except KeyRefused:
        key_id = None
    for row in rows:
        if wanted in (row.name, row.site_id) or (key_id and _trusted(row).keys.key_id == key_id):
            return row
    known = "、".join(str(row.name) for row in rows) or pick("（没有）", "(none)")
    raise KeyRefused(
        pick(
            f"没有信任名为“{wanted}”的站点。已信任的站点：{known}",
            f"No trusted site is called {wanted!r}. Trusted sites: {known}",
        )
    )


def recipient_site(session: Session, to: str | None) -> TrustedSite:
    """The site a sync file is encrypted to: `to` (name, site id or fingerprint), or the one
    site trusted here. Refused before keys were exchanged, or when several could be meant."""
    rows = _trusted_rows(session)
    if not rows:
        raise KeyRefused(
            pick(
                "还没有与中心（或网点）交换密钥，不能导出同步文件。请先交换一次密钥：在本机运行"
                "“keys show -o 本机.rdkeys”把密钥文件交给对方，对方运行“keys trust 本机.rdkeys "
                "--peer 名称”；再把对方的密钥文件用“keys trust”导入本机（图形界面：文件 → 网点同步"
                " → 密钥交换）。双方要在电话里核对指纹",
                "Keys have not been exchanged with the centre (or the outlet) yet, so no sync "
                "file can be written. Exchange them once: run 'keys show -o this.rdkeys' here "
                "and give the file to the other site, which runs 'keys trust this.rdkeys --peer "
                "NAME'; then trust the other site's key file here with 'keys trust' (in the "
                "window: File → Outlet sync → Key exchange). Compare the fingerprints on the phone",
            )
        )
    if to is not None:
        return _trusted(_find(session, to))
    if len(rows) > 1:
        names = "、".join(str(row.name) for row in rows)
        raise KeyRefused(
            pick(
                f"本机信任多个站点（{names}），请指明同步文件发给哪一个（--to 名称）",
                f"Several sites are trusted here ({names}); say which one the sync file is for "
                "(--to NAME)",
            )
        )
    return _trusted(rows[0])


def sync_keyring(session: Session) -> Keyring:
    """What a sync file is opened with: this installation's keys (if made) and every trusted
    site's; reads only."""
    return Keyring(
        own=stored_identity(session),
        trusted=tuple(site.keys for site in trusted_sites(session)),
    )
