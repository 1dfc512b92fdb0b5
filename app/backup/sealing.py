"""Which keys a backup is sealed with and opened with.

A backup is this installation's memory of itself: it is signed by this installation and
encrypted to this installation and to its recovery key — to no one else. It is verified and
restored where it was made (the installation's own keys, from the database in use), or, when
the database and its keys are lost, anywhere with the recovery key printed when it was made.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.keys.installation import installation_identity, recovery_public, stored_identity
from app.keys.material import Keyring, RecoveryKey
from app.sealed_archive import Sealing
from db.engine import is_encrypted_file, make_engine, resolve_database_url, sqlite_path
from db.transactions import lock_for_writing

log = logging.getLogger(__name__)


def backup_sealing(engine: Engine) -> Sealing:
    """This installation signs (its keys made on first need) and is a recipient, with its
    recovery key when one has been made."""
    with Session(engine) as session:
        identity = stored_identity(session)
        recovery = recovery_public(session)
    if identity is None:
        with Session(engine) as session, session.begin():
            lock_for_writing(session)
            identity = installation_identity(session)
    recipients = [identity.public.recipient]
    if recovery is not None:
        recipients.append(recovery.recipient)
    else:
        log.warning(
            "Backup without a recovery key: if this database and its keys are lost, it cannot "
            "be restored (make one with 'keys recovery')"
        )
    return Sealing(identity, tuple(recipients))


def can_sign_before_upgrade(engine: Engine) -> bool:
    """Whether a database about to be upgraded can sign its backup: False (an unsigned backup,
    as older versions made) when its schema is too old to hold keys or cannot be read as now."""
    try:
        if not inspect(engine).has_table("installation_keys"):
            log.warning("The backup before the upgrade is unsigned: the schema has no keys yet")
            return False
        backup_sealing(engine)
    except SQLAlchemyError as problem:
        log.warning("The backup before the upgrade is unsigned: keys unreadable (%s)", problem)
        return False
    return True


def backup_keyring(database, recovery: RecoveryKey | None = None) -> Keyring:
    """What backups are opened with where the database in use is at hand (the window)."""
    with database.sessions() as session:
        return _keyring(session, recovery)


def backup_keyring_at(url: str | None, recovery: RecoveryKey | None = None) -> Keyring:
    """The same for the database named by `url` (--db, REVISITDESK_DB or the default), read
    without opening it for work or upgrading it — it may be the very one that was lost, and
    then only the recovery key opens a backup."""
    resolved = resolve_database_url(url)
    path = sqlite_path(resolved)
    if path is not None and (not path.is_file() or is_encrypted_file(path)):
        return Keyring(recovery=recovery)  # lost, or to be opened by a log-in (app.opening)
    engine = make_engine(resolved)
    try:
        if not inspect(engine).has_table("installation_keys"):
            return Keyring(recovery=recovery)
        with Session(engine) as session:
            return _keyring(session, recovery)
    except SQLAlchemyError as problem:
        shown = engine.url.render_as_string(hide_password=True)
        log.warning("This installation's keys could not be read from %s: %s", shown, problem)
        return Keyring(recovery=recovery)
    finally:
        engine.dispose()


def _keyring(session: Session, recovery: RecoveryKey | None) -> Keyring:
    own = stored_identity(session)
    return Keyring(own=own, trusted=(own.public,) if own else (), recovery=recovery)
