"""`recordings import|tray`: call recordings from the command line, for a centre whose PBX (or a
seat's softphone) drops its recordings into a shared folder imported by a scheduled job, not only
while a seat has the recordings tab open.

`import` runs app.recordings.folder.import_recordings on the folder in one transaction, as the
tab does: the files move aside (`done/`, `refused/` with the reason) only once it has committed.
Anybody logged in may import (the app checks it); `--operator` names the seat's operator whose
calls a softphone's recordings belong to, never creating anyone. `tray` lists the recordings
waiting to be filed, for team leads and administrators (app.recordings.filing.tray checks it).
What is printed hides the numbers a PBX writes into its file names (app.masking): the output of
a scheduled job goes to logs and mail.
"""

from __future__ import annotations

from app.i18n import pick
from cli.arguments import input_folder
from cli.exit_codes import EXIT_OK


def add_commands(commands) -> None:
    group = commands.add_parser(
        "recordings", help="call recordings: a folder imported, the tray / 通话录音：导入与待匹配"
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        help="keep the finished recordings of a folder, filed to their calls or left in the "
        "tray; the files then move to done/ or refused/ / 导入录音文件夹（归档到通话或留在待匹配区，"
        "文件随后移到 done/ 或 refused/）",
    )
    importing.add_argument(
        "folder",
        metavar="FOLDER",
        type=input_folder,
        help="the recordings folder, a whole path / 录音文件夹（完整路径）",
    )
    importing.add_argument(
        "--operator",
        metavar="NAME",
        help="the seat's operator, whose calls a softphone's recordings are (default: who logs "
        "in) / 本座席的回访员姓名（软电话录音归其通话；默认为登录者）",
    )
    importing.set_defaults(func=_import)
    listing = actions.add_parser(
        "tray",
        help="the recordings waiting to be filed: time, length, number, operator, file / "
        "列出待匹配录音",
    )
    listing.set_defaults(func=_tray)


def _import(database, args) -> int:
    from app.recordings.folder import import_recordings, named_operator
    from app.scanning.store import AttachmentStore
    from app.staff import acting_member
    from db.transactions import write_transaction

    store = AttachmentStore.for_database(database)
    with write_transaction(database) as session:
        acting_member(session, args.actor_id)  # a log-in first, then what it names
        operator_id = None if args.operator is None else named_operator(session, args.operator)
        result = import_recordings(
            session, store, args.folder, actor_id=args.actor_id, operator_id=operator_id
        )
    print(result.message)
    if result.messages:
        print(
            pick(
                "拒收的文件（已移到 refused/，原因写在同名 .txt 中）：",
                "Refused (moved to refused/, the reason in a .txt of the same name):",
            )
        )
        for line in result.messages:
            print("  " + _printed(line))
    return EXIT_OK


def _tray(database, args) -> int:
    from app.recordings.filing import tray
    from app.zone import LOCAL_ZONE

    with database.sessions() as session:
        rows = tray(session, viewer_id=args.actor_id)
    if not rows:
        print(pick("待匹配区没有录音。", "No recording is waiting in the tray."))
        return EXIT_OK
    for row in rows:
        print(
            "  ".join(
                (
                    row.recorded_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M:%S"),
                    _length(row.duration_seconds),
                    row.phone or "—",
                    _printed(row.operator) or "—",
                    _printed(row.filename) or "—",
                )
            )
        )
    print(pick(f"待匹配 {len(rows)} 个录音。", f"{len(rows)} recordings in the tray."))
    return EXIT_OK


def _length(seconds: int) -> str:
    minutes, seconds = divmod(max(seconds, 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def _printed(text: str | None) -> str:
    """A name or message on one line, without control characters or the numbers in it."""
    import unicodedata

    from app.masking import mask_personal_data

    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char
        for char in text or ""
    )
    return mask_personal_data(" ".join(text.split()))
