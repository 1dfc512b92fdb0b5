"""`token create|list|revoke`: tokens for scheduled jobs (app.tokens), made by an administrator
logged in with a password; the job gives one in $REVISITDESK_TOKEN instead of logging in."""

from __future__ import annotations

import argparse

from app.i18n import pick
from cli.arguments import integer, record_id
from cli.exit_codes import EXIT_OK
from cli.login import ENV_TOKEN, Access


def add_commands(commands) -> None:
    token = commands.add_parser(
        "token", help="tokens for scheduled jobs (cron, systemd) / 计划任务的令牌"
    )
    actions = token.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser(
        "create", help="make a token for a user's scheduled jobs, shown once / 创建令牌"
    )
    create.add_argument(
        "--for", dest="username", required=True, metavar="USERNAME", help="the job runs as them"
    )
    create.add_argument(
        "--hours",
        type=integer("有效小时数", "the hours"),
        required=True,
        help="how long it is valid (at most 2160: 90 days)",
    )
    create.add_argument(
        "--commands",
        metavar="LIST",
        help='the commands it may run, comma-separated, e.g. "backup,import cases" '
        "(default: any the user's role allows)",
    )
    create.set_defaults(func=_create)
    listing = actions.add_parser("list", help="every token, with its state / 列出令牌")
    listing.set_defaults(func=_list)
    revoke = actions.add_parser("revoke", help="revoke a token at once / 撤销令牌")
    revoke.add_argument("id", type=record_id, metavar="ID")
    revoke.set_defaults(func=_revoke)
    for action in actions.choices.values():
        action.set_defaults(access=Access.PASSWORD)  # a token never makes or lists tokens


def _create(database, args: argparse.Namespace) -> int:
    from app.tokens import TokenRefused, checked_commands, create_token
    from app.zone import LOCAL_ZONE

    commands = None
    if args.commands is not None:
        commands = checked_commands(args.commands.split(","))
        known = {name for name in args.command_names if name.split()[0] != "token"}
        unknown = [c for c in commands if c not in known]
        if unknown:
            raise TokenRefused(pick("没有这些命令：", "No such commands: ") + ", ".join(unknown))
    with database.sessions.begin() as session:
        made = create_token(
            session,
            username=args.username,
            hours=args.hours,
            commands=commands,
            by_id=args.actor_id,
        )
    until = made.expires_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")
    print(made.secret)
    print(
        pick(
            "令牌 {id}：以 {user} 的身份运行{what}，有效至 {until}。它只显示这一次，请保存到计划任务"
            "的环境变量 {env} 中（不要写进命令行）；不再需要时用 token revoke {id} 撤销。",
            "Token {id}: runs as {user}{what}, valid until {until}. It is shown only this once: "
            "put it in the scheduled job's environment as {env} (never on its command line); "
            "revoke it with token revoke {id} when it is no longer needed.",
        ).format(
            id=made.id,
            user=made.username,
            what=pick("，仅限：", ", only: ") + ", ".join(made.commands) if made.commands else "",
            until=until,
            env=ENV_TOKEN,
        )
    )
    return EXIT_OK


def _list(database, args: argparse.Namespace) -> int:
    from app.clock import now
    from app.tokens import list_tokens
    from app.zone import LOCAL_ZONE

    with database.sessions() as session:
        rows = list_tokens(session, by_id=args.actor_id)
    moment = now()
    states = {
        "valid": pick("有效", "valid"),
        "expired": pick("已过期", "expired"),
        "revoked": pick("已撤销", "revoked"),
    }

    def local(moment) -> str:
        return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M") if moment else "—"

    for row in rows:
        print(
            f"#{row.id} {row.username} ({row.name})  {states[row.state(moment)]}  "
            + pick(
                "命令 {commands}  有效至 {until}  创建 {made}（{by}）  最近使用 {used}",
                "commands {commands}  until {until}  made {made} by {by}  last used {used}",
            ).format(
                commands=", ".join(row.commands) if row.commands else pick("全部", "any"),
                until=local(row.expires_at),
                made=local(row.created_at),
                by=row.created_by or "—",
                used=local(row.last_used_at),
            )
        )
    if not rows:
        print(pick("（没有令牌）", "(no tokens)"))
    return EXIT_OK


def _revoke(database, args: argparse.Namespace) -> int:
    from app.tokens import revoke_token

    with database.sessions.begin() as session:
        revoke_token(session, args.id, by_id=args.actor_id)
    print(pick("令牌 {id} 已撤销。", "Token {id} revoked.").format(id=args.id))
    return EXIT_OK
