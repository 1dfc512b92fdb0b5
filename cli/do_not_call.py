"""`do-not-call list|mark|clear|import`: the numbers never dialled again (免打扰), for
administrators (app.desk.do_not_call checks the role: every command runs logged in)."""

from __future__ import annotations

from app.i18n import pick
from cli.arguments import input_file
from cli.exit_codes import EXIT_OK


def add_commands(commands) -> None:
    group = commands.add_parser(
        "do-not-call", help="numbers never dialled again / 免打扰号码（不再来电）"
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help="the marks in force: number, source, reason, when, who / 列出免打扰号码"
    )
    listing.set_defaults(func=_list)
    marking = actions.add_parser("mark", help="mark a number by hand / 手工标记号码")
    marking.add_argument("number", metavar="NUMBER", help="the number / 电话号码")
    marking.add_argument("--reason", default="", help="why / 原因")
    marking.set_defaults(func=_mark)
    clearing = actions.add_parser(
        "clear", help="lift a mark, saying why (audited) / 解除标记（须填写原因，记入审计日志）"
    )
    clearing.add_argument("number", metavar="NUMBER", help="the number / 电话号码")
    clearing.add_argument("--reason", required=True, help="why it is cleared / 解除原因")
    clearing.set_defaults(func=_clear)
    importing = actions.add_parser(
        "import",
        help="mark every number of a list: CSV or .xlsx, one number a row, an optional reason "
        "column; a bad row changes nothing / 导入名单（每行一个号码，可带原因列；有错行则整份不导入）",
    )
    importing.add_argument("file", metavar="FILE", type=input_file, help="the list / 名单文件")
    importing.set_defaults(func=_import)


def _list(database, args) -> int:
    from app.desk.do_not_call import marks, source_label
    from app.zone import LOCAL_ZONE

    with database.sessions() as session:
        rows = marks(session, viewer_id=args.actor_id)
    if not rows:
        print(pick("没有免打扰号码。", "No number is marked do-not-call."))
        return EXIT_OK
    for row in rows:
        print(
            "  ".join(
                (
                    row.phone_e164,
                    row.marked_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M"),
                    source_label(row.source),
                    row.marked_by or "—",
                    _one_line(row.reason) or "—",
                )
            )
        )
    print(pick(f"共 {len(rows)} 个号码。", f"{len(rows)} numbers."))
    return EXIT_OK


def _mark(database, args) -> int:
    from app.desk.do_not_call import mark_number
    from app.phones import mask_phone

    with database.sessions.begin() as session:
        e164, new = mark_number(session, args.number, by_id=args.actor_id, reason=args.reason)
    masked = mask_phone(e164)
    print(
        pick(f"已标记 {masked} 为免打扰。", f"{masked} is marked do-not-call.")
        if new
        else pick(f"{masked} 已经是免打扰号码。", f"{masked} was marked already.")
    )
    return EXIT_OK


def _clear(database, args) -> int:
    from app.desk.do_not_call import clear_number
    from app.phones import mask_phone

    with database.sessions.begin() as session:
        e164 = clear_number(session, args.number, by_id=args.actor_id, reason=args.reason)
    masked = mask_phone(e164)
    print(pick(f"已解除 {masked} 的免打扰标记。", f"The mark on {masked} is cleared."))
    return EXIT_OK


def _import(database, args) -> int:
    from app.desk.do_not_call import import_list

    with database.sessions.begin() as session:
        result = import_list(session, args.file, by_id=args.actor_id)
    print(
        pick(
            f"名单 {result.rows} 行：新标记 {result.marked} 个号码，{result.already} 个原已标记；"
            f"{result.ended_entries} 个排队中的业务件因无号码可拨而结束。",
            f"{result.rows} rows: {result.marked} numbers marked, {result.already} marked "
            f"already; {result.ended_entries} queued cases ended with no number left to call.",
        )
    )
    return EXIT_OK


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())
