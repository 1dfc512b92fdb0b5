"""`backup create|verify|restore|list`: one-file backups of the database and its attachments."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path

from app.i18n import pick
from cli.arguments import input_file, new_database, output_file
from cli.exit_codes import EXIT_INTERRUPTED, EXIT_OK, EXIT_REFUSED
from cli.login import Access


def add_commands(commands) -> None:
    backup = commands.add_parser("backup", help="back up, verify, restore / 备份、校验与恢复")
    backup_actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = backup_actions.add_parser(
        "create", help="back up the database and its attachments into one file / 立即备份"
    )
    where = create.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        type=output_file,
        metavar="FILE",
        help="the new file (default: in the backup folder)",
    )
    where.add_argument(
        "--daily",
        action="store_true",
        help="the daily automatic backup: into the backup folder when the newest there is "
        "older than a day, then delete daily backups beyond backup.keep (for cron)",
    )
    create.set_defaults(func=_create)
    verify = backup_actions.add_parser(
        "verify", help="check every byte of a backup file / 校验备份"
    )
    verify.add_argument("file", type=input_file)
    # Verify and restore leave the database in use alone: it may be the very one that was lost.
    # So they ask for no log-in there: what they read is the backup file, whose holder has its
    # data already; restore writes only a new database, and its people log in there.
    verify.set_defaults(func=_verify, opens_database=False, access=Access.OPEN)
    _add_key_options(verify, restoring=False)
    restore = backup_actions.add_parser(
        "restore", help="restore a backup into a NEW database / 恢复到新数据库"
    )
    restore.add_argument("file", type=input_file)
    restore.add_argument(
        "--to",
        required=True,
        type=new_database,
        metavar="URL_OR_PATH",
        help="a SQLite file that does not exist yet, or the URL of an empty PostgreSQL database",
    )
    restore.set_defaults(func=_restore, opens_database=False, access=Access.OPEN)
    _add_key_options(restore, restoring=True)
    listing = backup_actions.add_parser("list", help="the backups in the backup folder / 备份列表")
    listing.set_defaults(func=_list)
    for action in backup_actions.choices.values():
        action.add_argument("--json", action="store_true", help="print the result as JSON")


ASK = "-"  # --recovery-key without a file: asked on the terminal


def _add_key_options(parser: argparse.ArgumentParser, *, restoring: bool) -> None:
    """A backup opens with this installation's keys, read from the database in use (--db), or
    with its recovery key; an older version's unsigned backup only on request."""
    parser.add_argument(
        "--recovery-key",
        nargs="?",
        const=ASK,
        metavar="FILE",
        help="open it with the recovery key (keys recovery) when the database and its keys are "
        "lost: asked on the terminal, or read from FILE",
    )
    parser.add_argument(
        "--allow-unsigned",
        action=_AllowUnsigned if restoring else "store_true",
        help="accept a backup of an older RevisitDesk, which has no signature (restore: for an "
        "administrator of the database in use, who logs in for it)",
    )


class _AllowUnsigned(argparse.Action):
    """--allow-unsigned on restore: an administrator's decision, so the database in use is
    opened and its user logs in (cli.login) for it, as for any command that changes things."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=False, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        namespace.allow_unsigned = True
        namespace.opens_database = True
        namespace.access = Access.LOG_IN


def given_recovery_key(args):
    """The recovery key given with --recovery-key (app.keys.RecoveryKey), or None."""
    from app.backup import BackupError
    from app.keys import RecoveryKey

    if args.recovery_key is None:
        return None
    if args.recovery_key == ASK:
        import getpass

        if not sys.stdin.isatty():
            raise BackupError(
                pick(
                    "请在终端中输入恢复密钥，或用 --recovery-key 文件 从文件读取",
                    "Type the recovery key on a terminal, or read it from a file with "
                    "--recovery-key FILE",
                )
            )
        return RecoveryKey.parse(getpass.getpass(pick("恢复密钥：", "Recovery key: ")))
    try:
        with Path(args.recovery_key).open(encoding="utf-8", errors="replace") as stream:
            return RecoveryKey.parse(stream.read(1000))
    except OSError as error:
        from app.file_errors import file_error_text

        raise BackupError(
            pick("无法读取恢复密钥文件：", "Cannot read the recovery key file: ")
            + file_error_text(error)
        ) from None


def _keys(database, args):
    """This installation's keys (from the database in use, without opening it for work when
    it was not opened: it may be lost), with the recovery key given."""
    from app.backup import backup_keyring, backup_keyring_at
    from app.opening import encrypted_file, open_app_database
    from cli.login import unlock_for

    recovery = given_recovery_key(args)
    if database is not None:
        return backup_keyring(database, recovery)
    if recovery is None and encrypted_file(args.db) is not None:
        # The keys are in the encrypted database in use: its log-in opens it to read them.
        database = open_app_database(args.db, unlock_for(args))
        try:
            return backup_keyring(database, recovery)
        finally:
            database.close()
    return backup_keyring_at(args.db, recovery)


def _failures_reported(command: Callable[..., int]) -> Callable[..., int]:
    """A refused backup, a file problem or Ctrl+C as a message and an exit status."""

    @functools.wraps(command)
    def run(database, args) -> int:
        from app.backup import BackupError
        from app.roles import NotPermitted

        try:
            return command(database, args)
        except NotPermitted:
            raise  # the runner says it and audits it (a PermissionError is an OSError too)
        except (BackupError, OSError) as error:
            if args.json:
                print(json.dumps({"ok": False, "error": str(error)}, ensure_ascii=False))
            else:
                print(error, file=sys.stderr)
            return EXIT_REFUSED
        except KeyboardInterrupt:
            print(
                pick("已中断，没有留下未完成的文件。", "Interrupted; no unfinished file left."),
                file=sys.stderr,
            )
            return EXIT_INTERRUPTED

    return run


@_failures_reported
def _create(database, args) -> int:
    from app.backup import (
        MANUAL,
        backup_settings,
        create_backup,
        describe,
        make_daily_backup,
        new_backup_path,
    )

    settings = backup_settings(database)
    removed = []
    if args.daily:
        daily = make_daily_backup(database, settings, by_id=args.actor_id)
        if daily is None:
            message = pick(
                "备份文件夹中已有一天之内的备份，本次未备份。",
                "A backup less than a day old exists; none made.",
            )
            print(json.dumps({"ok": True, "made": False}) if args.json else message)
            return EXIT_OK
        path, manifest, removed = daily.path, daily.manifest, daily.removed
    else:
        path = args.output or new_backup_path(settings.folder, database.url, MANUAL)
        manifest = create_backup(database, path, by_id=args.actor_id)
    if args.json:
        data = {"ok": True, "made": True, "file": str(path), "size": path.stat().st_size}
        data |= {"removed": [str(p) for p in removed], "manifest": manifest.to_dict()}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(pick(f"已备份到 {path}", f"Backed up to {path}") + f" ({path.stat().st_size:,} B)")
    print("\n".join(describe(manifest)))
    if manifest.missing_attachments:
        print(
            pick(
                "注意：这些附件在存储中缺失或已损坏，没有备份：",
                "Note: missing or damaged, not backed up: ",
            )
            + ", ".join(manifest.missing_attachments),
            file=sys.stderr,
        )
    for old in removed:
        print(pick("已按保留份数删除：", "Rotated away: ") + str(old))
    _warn_without_recovery_key(database)
    return EXIT_OK


def _warn_without_recovery_key(database) -> None:
    from app.keys import recovery_public

    with database.sessions() as session:
        if recovery_public(session) is not None:
            return
    print(
        pick(
            "注意：本机还没有恢复密钥。备份已签名并加密，只有本机能打开；如果数据库和本机的密钥"
            "丢失，这份备份将无法恢复。请由管理员运行 keys recovery 制作恢复密钥并妥善保管。",
            "Note: this installation has no recovery key yet. The backup is signed and "
            "encrypted for this installation only; if the database and its keys are lost, it "
            "cannot be restored. An administrator makes one with keys recovery and locks it away.",
        ),
        file=sys.stderr,
    )


@_failures_reported
def _verify(database, args) -> int:
    from app.backup import verify_backup

    keys = _keys(database, args)
    report = verify_backup(args.file, keys=keys, allow_unsigned=args.allow_unsigned)
    print(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else report.text()
    )
    return EXIT_OK


@_failures_reported
def _restore(database, args) -> int:
    from app.backup import authorize_unsigned_restore, restore_backup

    keys = _keys(database, args)
    if args.allow_unsigned:
        authorize_unsigned_restore(database, args.file, by_id=args.actor_id)
    result = restore_backup(args.file, args.to, keys=keys, allow_unsigned=args.allow_unsigned)
    print(
        json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.json else result.text()
    )
    return EXIT_OK


@_failures_reported
def _list(database, args) -> int:
    from app.backup import backup_settings, list_backups
    from app.zone import LOCAL_ZONE

    folder = backup_settings(database).folder
    entries = list_backups(folder)
    if args.json:
        rows = [
            {
                "file": str(e.path),
                "size": e.size,
                "manifest": e.manifest.to_dict() if e.manifest else None,
                "problem": e.problem,
            }
            for e in entries
        ]
        print(json.dumps({"folder": str(folder), "backups": rows}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(pick("备份文件夹：", "Backup folder: ") + str(folder))
    for e in entries:
        if e.manifest is None:
            print(f"{'?':19}  {'?':11}  {e.size:>13,}  {e.path.name}  {e.problem}")
            continue
        when = e.manifest.created_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {e.manifest.kind:11}  {e.size:>13,}  {e.path.name}  {e.manifest.source}")
    if not entries:
        print(pick("（没有备份）", "(no backups)"))
    return EXIT_OK
