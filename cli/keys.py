"""`keys show|trust|list|forget|recovery`: the keys that sign and encrypt sync files and backups.

Keys are exchanged once between an outlet and the centre: each runs `keys show -o FILE` and
hands the file to the other, who runs `keys trust FILE --peer NAME` after both have read the
fingerprint to each other on the phone. `keys recovery` makes the key that restores this
installation's backups when its database is lost, and prints it this once.
"""

from __future__ import annotations

import argparse
import json
import sys

from app.i18n import pick
from cli.arguments import input_file, output_file
from cli.exit_codes import EXIT_OK, EXIT_REFUSED
from cli.login import Access


def add_commands(commands) -> None:
    keys = commands.add_parser(
        "keys", help="exchange keys with the centre or an outlet; recovery key / 密钥交换与恢复密钥"
    )
    actions = keys.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show", help="this installation's public key file and fingerprint / 本机公钥与指纹"
    )
    show.add_argument(
        "-o", "--output", type=output_file, metavar="FILE", help="write the key file (.rdkeys) here"
    )
    show.add_argument("--json", action="store_true", help="print it as JSON")
    show.set_defaults(func=_show)
    trust = actions.add_parser(
        "trust",
        help="trust another site's key file, its fingerprint compared on the phone "
        "(administrators) / 信任对方的密钥文件",
    )
    trust.add_argument("file", type=input_file, help="the other site's key file (keys show -o)")
    trust.add_argument(
        "--peer", required=True, metavar="NAME", help="what this database calls that site"
    )
    trust.add_argument(
        "--fingerprint",
        metavar="FINGERPRINT",
        help="the fingerprint the other site read out (else asked on the terminal)",
    )
    trust.add_argument(
        "--replace",
        action="store_true",
        help="the site has new keys (reinstalled): replace those trusted before",
    )
    trust.set_defaults(func=_trust)
    listing = actions.add_parser("list", help="this installation and the sites trusted / 列出")
    listing.add_argument("--json", action="store_true", help="print it as JSON")
    listing.set_defaults(func=_list)
    forget = actions.add_parser(
        "forget", help="no longer trust a site's keys (administrators) / 不再信任某站点"
    )
    forget.add_argument("peer", metavar="PEER", help="its name, site id or fingerprint")
    forget.set_defaults(func=_forget)
    recovery = actions.add_parser(
        "recovery",
        help="make the recovery key that restores backups when this database is lost, shown "
        "once (administrators) / 制作恢复密钥",
    )
    recovery.add_argument(
        "--replace",
        action="store_true",
        help="make a new one (backups made before still need the old one)",
    )
    # A secret shown once: for a person at a terminal, never for a scheduled job's token.
    recovery.set_defaults(func=_recovery, access=Access.PASSWORD)


def _show(database, args: argparse.Namespace) -> int:
    from app.keys import own_public_keys

    with database.sessions.begin() as session:  # made on first need
        keys = own_public_keys(session)
    text = keys.to_text()
    if args.output is not None:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as error:
            from app.file_errors import file_error_text

            print(pick("无法写入：", "Cannot write it: ") + file_error_text(error), file=sys.stderr)
            return EXIT_REFUSED
    if args.json:
        data = {"site_id": keys.site_id, "name": keys.name, "fingerprint": keys.fingerprint}
        print(json.dumps(data | {"key_file": json.loads(text)}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(
        pick(
            f"本机：{keys.name}（站点编号 {keys.site_id}）",
            f"This installation: {keys.name} (site id {keys.site_id})",
        )
    )
    print(pick("指纹：", "Fingerprint: ") + keys.fingerprint)
    if args.output is None:
        print(text, end="")
    else:
        print(pick(f"密钥文件已写入 {args.output}", f"Key file written to {args.output}"))
    print(
        pick(
            "把密钥文件交给对方（中心或网点），对方用 keys trust 导入；双方在电话里核对上面的指纹。",
            "Hand the key file to the other site (the centre or an outlet), which trusts it "
            "with keys trust; read the fingerprint above to each other on the phone.",
        )
    )
    return EXIT_OK


def _trust(database, args: argparse.Namespace) -> int:
    from app.keys import check_fingerprint, read_key_file, trust_site

    keys = read_key_file(args.file)
    print(
        pick(
            f"密钥文件：{keys.name or '（无名称）'}（站点编号 {keys.site_id}）",
            f"Key file of: {keys.name or '(no name)'} (site id {keys.site_id})",
        )
    )
    print(pick("指纹：", "Fingerprint: ") + keys.fingerprint)
    if args.fingerprint is not None:
        check_fingerprint(keys, args.fingerprint)
    elif not _confirmed():
        return EXIT_REFUSED
    with database.sessions.begin() as session:
        site = trust_site(session, keys, args.peer, by_id=args.actor_id, replace=args.replace)
    print(
        pick(
            f"已信任“{site.name}”的密钥（指纹 {site.fingerprint}）：它的同步文件可以导入，"
            "发给它的同步文件只有它能打开。",
            f"The keys of {site.name!r} are trusted (fingerprint {site.fingerprint}): its sync "
            "files can be imported, and sync files for it open only there.",
        )
    )
    return EXIT_OK


def _confirmed() -> bool:
    """Asks on the terminal whether the fingerprint matches what the other site read out."""
    if not sys.stdin.isatty():
        print(
            pick(
                "请在终端中运行以核对指纹，或用 --fingerprint 给出对方在电话里读出的指纹。没有信任它。",
                "Run it on a terminal to compare the fingerprint, or give the one the other site "
                "read out with --fingerprint. Not trusted.",
            ),
            file=sys.stderr,
        )
        return False
    answer = input(
        pick(
            "与对方在电话里读出的指纹完全一致吗？输入 yes 信任：",
            "Is it exactly the fingerprint the other site read out on the phone? Type yes to "
            "trust it: ",
        )
    )
    if answer.strip().lower() in ("yes", "y", "是"):
        return True
    print(pick("没有信任它。", "Not trusted."), file=sys.stderr)
    return False


def _list(database, args: argparse.Namespace) -> int:
    from app.keys import own_public_keys, recovery_info, trusted_sites
    from app.zone import LOCAL_ZONE

    with database.sessions.begin() as session:
        own = own_public_keys(session)
        recovery = recovery_info(session)
        sites = trusted_sites(session)

    def when(moment) -> str | None:
        return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M") if moment else None

    if args.json:
        data = {
            "this": {"site_id": own.site_id, "name": own.name, "fingerprint": own.fingerprint},
            "recovery_key": (
                {
                    "fingerprint": recovery.fingerprint,
                    "made_at": when(recovery.made_at),
                    "made_by": recovery.made_by,
                }
                if recovery
                else None
            ),
            "trusted": [
                {
                    "name": site.name,
                    "site_id": site.site_id,
                    "fingerprint": site.fingerprint,
                    "trusted_at": when(site.trusted_at),
                    "trusted_by": site.trusted_by,
                }
                for site in sites
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(
        pick(
            f"本机 {own.name}：{own.fingerprint}",
            f"This installation {own.name}: {own.fingerprint}",
        )
    )
    if recovery:
        print(
            pick(
                f"恢复密钥：已于 {when(recovery.made_at)} 制作（{recovery.made_by or '未登录'}）",
                f"Recovery key: made {when(recovery.made_at)} "
                f"({recovery.made_by or 'not logged in'})",
            )
        )
    else:
        print(
            pick(
                "恢复密钥：还没有制作。数据库丢失时备份将无法恢复——请用 keys recovery 制作",
                "Recovery key: none yet. If this database is lost, its backups cannot be "
                "restored: make one with keys recovery",
            )
        )
    if not sites:
        print(pick("还没有信任任何站点。", "No site is trusted yet."))
    for site in sites:
        print(
            f"  {site.name}  {site.fingerprint}  "
            + pick("信任于 {at}（{by}）", "trusted {at} ({by})").format(
                at=when(site.trusted_at), by=site.trusted_by or pick("未登录", "not logged in")
            )
        )
    return EXIT_OK


def _forget(database, args: argparse.Namespace) -> int:
    from app.keys import forget_site

    with database.sessions.begin() as session:
        site = forget_site(session, args.peer, by_id=args.actor_id)
    print(
        pick(
            f"不再信任“{site.name}”的密钥（指纹 {site.fingerprint}）：它的同步文件将被拒绝。",
            f"The keys of {site.name!r} (fingerprint {site.fingerprint}) are no longer trusted: "
            "its sync files are refused.",
        )
    )
    return EXIT_OK


def _recovery(database, args: argparse.Namespace) -> int:
    from app.keys import make_recovery_key, own_public_keys

    with database.sessions.begin() as session:
        key = make_recovery_key(session, by_id=args.actor_id, replace=args.replace)
        own = own_public_keys(session)
    print(key.text)
    print(
        pick(
            f"这是 {own.name}（指纹 {own.fingerprint}）的恢复密钥，只显示这一次，本机不保存它。"
            "请打印或抄写下来，和指纹一起锁进保险柜，不要和备份放在一起。数据库和本机的密钥丢失时，"
            "用它恢复备份：backup restore 备份文件 --to 新文件 --recovery-key；数据库文件加密后，"
            "忘记全部管理员密码时，用它打开数据库：db recover --for 管理员用户名",
            f"This is the recovery key of {own.name} (fingerprint {own.fingerprint}), shown only "
            "this once and not kept here. Print it or write it down and lock it away with the "
            "fingerprint, apart from the backups. When the database and its keys are lost, it "
            "restores a backup: backup restore FILE --to NEW_FILE --recovery-key; once the "
            "database file is encrypted and every administrator's password is lost, it opens "
            "the database: db recover --for ADMIN_USER",
        )
    )
    return EXIT_OK
