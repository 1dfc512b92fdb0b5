"""`db info|upgrade|create|encrypt|recover`: which database, its schema revision, what it holds;
making a new, empty one (the only command besides `demo` that may: a mistyped --db is refused);
encrypting a SQLite file kept in the clear; opening an encrypted one with the recovery key when
every administrator's password is lost."""

from __future__ import annotations

import argparse

from app.i18n import pick
from cli.backup import ASK, given_recovery_key
from cli.exit_codes import EXIT_OK
from cli.login import Access


def add_commands(commands) -> None:
    dbcmd = commands.add_parser(
        "db",
        help="database: info, upgrade, create, encrypt, recover / 数据库信息、升级、新建、加密与恢复访问",
    )
    actions = dbcmd.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, text in (
        ("info", "where it is, its schema revision, what it holds / 数据库信息"),
        ("upgrade", "bring the schema up to date (every start does) / 升级数据库结构"),
    ):
        # Where it is, its revision, two counts: nothing personal.
        actions.add_parser(name, help=text).set_defaults(func=_db, access=Access.OPEN)
    create = actions.add_parser(
        "create",
        help="make a new, empty database at --db (its first run sets it up) / 新建空数据库",
    )
    # Nothing in it yet to guard; an existing database with anything in it is left alone.
    create.set_defaults(func=_create, creates_database=True, access=Access.OPEN)
    encrypt = actions.add_parser(
        "encrypt",
        help="encrypt this SQLite file in place, a backup first; it then opens only when "
        "somebody logs in (administrators, with their password) / 加密数据库文件",
    )
    encrypt.set_defaults(func=_encrypt, access=Access.PASSWORD)
    recover = actions.add_parser(
        "recover",
        help="open the encrypted file with the recovery key and set an administrator's new "
        "password (typed on the terminal) / 用恢复密钥打开加密的数据库并重设管理员密码",
    )
    recover.add_argument(
        "--recovery-key",
        nargs="?",
        const=ASK,
        default=ASK,
        metavar="FILE",
        help="the recovery key (RK-…): asked on the terminal, or read from FILE",
    )
    recover.add_argument(
        "--for", dest="for_user", required=True, metavar="USER", help="the administrator"
    )
    # Opened with the recovery key instead of a log-in: nobody's password is known.
    recover.set_defaults(func=_recover, opens_database=False, access=Access.OPEN)


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


def _create(database, _args) -> int:
    from app.database_info import is_new_installation
    from app.errors import Refused

    with database.sessions() as session:
        if not is_new_installation(session):
            raise Refused(
                pick(
                    f"数据库 {database.display_url()} 已经存在并有数据，未做任何改动。",
                    f"The database {database.display_url()} already exists and holds data; "
                    "nothing was changed.",
                )
            )
    print(
        pick(
            f"新数据库已就绪：{database.display_url()}。启动程序（--db 同上）完成首次设置。",
            f"The new database is ready: {database.display_url()}. Start the app (with the same "
            "--db) to set it up.",
        )
    )
    return EXIT_OK


def _encrypt(database, args: argparse.Namespace) -> int:
    from app.keys.encrypt_database import encrypt_database
    from cli.login import confirm_password

    password = confirm_password(args)
    result = encrypt_database(database, by_id=args.actor_id, password=password)
    print(result.text())
    return EXIT_OK


def _recover(_database, args: argparse.Namespace) -> int:
    from app.opening import Unlock, checked_url, open_app_database
    from app.users import recover_administrator
    from cli.login import ask_new_password
    from db.engine import is_encrypted_file, sqlite_path

    path = sqlite_path(checked_url(args.db))
    # A missing file, or one without its key file, is refused by open_app_database below.
    if path is None or (path.exists() and not is_encrypted_file(path)):
        from app.keys.database_key import DatabaseKeyRefused

        raise DatabaseKeyRefused(
            pick(
                "此数据库没有加密：用 main.py staff password 重设密码即可。",
                "This database is not encrypted: set the password with main.py staff password.",
            )
        )
    recovery = given_recovery_key(args)
    database = open_app_database(args.db, Unlock(recovery=recovery))
    try:
        password = ask_new_password(args, args.for_user)
        with database.sessions.begin() as session:
            recover_administrator(session, args.for_user, password)
    finally:
        database.close()
    print(
        pick(
            f"已用恢复密钥为管理员 {args.for_user} 设置新密码：请用它登录。",
            f"A new password is set for the administrator {args.for_user} with the recovery "
            "key: log in with it.",
        )
    )
    return EXIT_OK
