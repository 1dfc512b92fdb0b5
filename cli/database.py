"""`db info|upgrade`: which database, its schema revision, what it holds."""

from __future__ import annotations

from app.i18n import pick
from cli.exit_codes import EXIT_OK
from cli.login import Access


def add_commands(commands) -> None:
    dbcmd = commands.add_parser("db", help="database: info, upgrade / 数据库信息与升级")
    dbcmd.add_argument("action", choices=("info", "upgrade"))
    dbcmd.set_defaults(func=_db, access=Access.OPEN)  # where it is, its revision, two counts


def _db(database, args) -> int:
    from app.database_info import database_counts
    from db.migrate import current_revision

    # open_database has already upgraded; "upgrade" reports what it found and did.
    print(pick("数据库：", "Database: ") + database.display_url())
    print(pick("结构版本：", "Schema revision: ") + str(current_revision(database.engine)))
    if database.backup:
        print(pick("升级前的副本：", "Copy made before the upgrade: ") + str(database.backup))
    if args.action == "info":
        with database.sessions() as session:
            counts = database_counts(session)
        print(
            pick("业务件：{c}，评价：{e}", "Cases: {c}, evaluations: {e}").format(
                c=counts.cases, e=counts.evaluations
            )
        )
    return EXIT_OK
