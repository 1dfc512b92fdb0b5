"""`backup create|verify|restore|list`: one-file backups of the database and its attachments."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path

from app.i18n import pick
from cli.exit_codes import EXIT_INTERRUPTED, EXIT_OK, EXIT_REFUSED


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
        type=Path,
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
    verify.add_argument("file", type=Path)
    # Verify and restore leave the database in use alone: it may be the very one that was lost.
    verify.set_defaults(func=_verify, opens_database=False)
    restore = backup_actions.add_parser(
        "restore", help="restore a backup into a NEW database / 恢复到新数据库"
    )
    restore.add_argument("file", type=Path)
    restore.add_argument(
        "--to",
        required=True,
        metavar="URL_OR_PATH",
        help="a SQLite file that does not exist yet, or the URL of an empty PostgreSQL database",
    )
    restore.set_defaults(func=_restore, opens_database=False)
    listing = backup_actions.add_parser("list", help="the backups in the backup folder / 备份列表")
    listing.set_defaults(func=_list)
    for action in backup_actions.choices.values():
        action.add_argument("--json", action="store_true", help="print the result as JSON")


def _failures_reported(command: Callable[..., int]) -> Callable[..., int]:
    """A refused backup, a file problem or Ctrl+C as a message and an exit status."""

    @functools.wraps(command)
    def run(database, args) -> int:
        from app.backup import BackupError

        try:
            return command(database, args)
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
        daily = make_daily_backup(database, settings)
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
        manifest = create_backup(database, path)
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
    return EXIT_OK


@_failures_reported
def _verify(_database, args) -> int:
    from app.backup import verify_backup

    report = verify_backup(args.file)
    print(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else report.text()
    )
    return EXIT_OK


@_failures_reported
def _restore(_database, args) -> int:
    from app.backup import restore_backup

    result = restore_backup(args.file, args.to)
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
