"""`sync export|import|send-cases|conflicts|decide|status`: offline outlets' sync files.

Exit status 0 when done, 2 when the file or the request was refused (nothing written).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from app.i18n import pick
from cli.arguments import input_file, output_file, record_id
from cli.exit_codes import EXIT_OK, EXIT_REFUSED
from cli.login import Access


def add_commands(commands) -> None:
    sync = commands.add_parser("sync", help="offline outlets' sync files / 网点同步文件")
    actions = sync.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="this site's changes since its last export, in one file / 导出同步文件"
    )
    export.add_argument(
        "-o",
        "--output",
        type=output_file,
        metavar="FILE",
        help="default: a named file in this folder",
    )
    since = export.add_mutually_exclusive_group()
    since.add_argument(
        "--all", action="store_true", help="every record, not only the changes (fills a gap)"
    )
    since.add_argument(
        "--since", metavar="YYYY-MM-DD[THH:MM]", help="the changes since then (local time)"
    )
    export.add_argument("--json", action="store_true", help="print the result as JSON")
    _add_recipient(export)
    export.set_defaults(func=_export)
    imported = actions.add_parser("import", help="import a sync file / 导入同步文件")
    imported.add_argument("file", type=input_file)
    imported.add_argument("--json", action="store_true", help="print the summary as JSON")
    imported.set_defaults(func=_import)
    send = actions.add_parser(
        "send-cases", help="the open queue of units, for an outlet / 发送待回访业务件"
    )
    send.add_argument("--unit", action="append", required=True, help="unit name (repeatable)")
    send.add_argument("-o", "--output", type=output_file, metavar="FILE", required=True)
    send.add_argument("--json", action="store_true", help="print the result as JSON")
    _add_recipient(send)
    send.set_defaults(func=_send_cases)
    conflicts = actions.add_parser("conflicts", help="records changed in two places / 同步冲突")
    conflicts.add_argument("--all", action="store_true", help="decided ones too")
    conflicts.add_argument("--json", action="store_true", help="print them as JSON")
    conflicts.set_defaults(func=_conflicts)
    decide = actions.add_parser(
        "decide", help="keep the local or take the incoming version / 处理同步冲突"
    )
    decide.add_argument("id", type=record_id)
    decide.add_argument("decision", choices=("local", "incoming"))
    # Who decides is who logged in (--user): a name typed here is refused, and audited.
    decide.add_argument("--by", help=argparse.SUPPRESS)
    decide.set_defaults(func=_decide)
    status = actions.add_parser("status", help="this site and the sites heard from / 同步状态")
    status.set_defaults(func=_status, access=Access.OPEN)  # site names and file numbers


def _add_recipient(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--to",
        metavar="SITE",
        help="the trusted site it is encrypted for: its name, site id or fingerprint (needed "
        "when keys were exchanged with more than one; see keys list)",
    )


def _refusals_reported(command: Callable[..., None]) -> Callable[..., int]:
    """A refused file or request as a message (JSON with --json) and exit status 2."""

    @functools.wraps(command)
    def run(database, args: argparse.Namespace) -> int:
        from app.sync.errors import SyncError, SyncRefused

        try:
            command(database, args)
        except (SyncRefused, SyncError) as problem:
            if getattr(args, "json", False):
                print(json.dumps({"done": False, "refusal": str(problem)}, ensure_ascii=False))
            else:
                print(problem, file=sys.stderr)
            return EXIT_REFUSED
        return EXIT_OK

    return run


def _show(result: Any, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.text())


@_refusals_reported
def _export(database, args: argparse.Namespace) -> None:
    from app.sync import SyncRefused, default_file_name, export_changes
    from app.zone import LOCAL_ZONE

    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since)
        except ValueError:
            raise SyncRefused(
                pick(f"无法识别的时间：{args.since}", f"Not a time: {args.since}")
            ) from None
        since = since if since.tzinfo else since.replace(tzinfo=LOCAL_ZONE)
    output = args.output
    if output is None:
        with database.sessions.begin() as session:
            output = Path(default_file_name(session))
    exported = export_changes(
        database, output, since=since, full=args.all, by_id=args.actor_id, to=args.to
    )
    _show(exported, args)


@_refusals_reported
def _import(database, args: argparse.Namespace) -> None:
    from app.sync import import_sync_file

    _show(import_sync_file(database, args.file, by_id=args.actor_id), args)


@_refusals_reported
def _send_cases(database, args: argparse.Namespace) -> None:
    from app.sync import export_cases_to_call, unit_ids_named

    with database.sessions() as session:
        unit_ids = unit_ids_named(session, args.unit)
    exported = export_cases_to_call(
        database, args.output, unit_ids, by_id=args.actor_id, to=args.to
    )
    _show(exported, args)


@_refusals_reported
def _conflicts(database, args: argparse.Namespace) -> None:
    from app.sync import conflict_details, list_conflicts

    with database.sessions() as session:
        rows = list_conflicts(session, status=None if args.all else "open", viewer_id=args.actor_id)
        details = {
            row.id: conflict_details(session, row.id, viewer_id=args.actor_id) for row in rows
        }
    if args.json:
        listing = [
            {
                "id": row.id,
                "entity": row.entity,
                "title": row.title,
                "site": row.site,
                "detected_at": row.detected_at.isoformat(),
                "status": row.status,
                "decision": row.decision,
                "decided_by": row.decided_by,
                "differences": {
                    f.name: {"local": f.local, "incoming": f.incoming}
                    for f in details[row.id].differing()
                },
            }
            for row in rows
        ]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    if not rows:
        print(pick("没有待处理的同步冲突。", "No sync conflicts waiting."))
    for row in rows:
        print(
            f"#{row.id} {row.entity_label} {row.title}  "
            + pick("来自 {site}，{at}，{status}", "from {site}, {at}, {status}").format(
                site=row.site, at=_local(row.detected_at), status=row.status
            )
        )
        for field in details[row.id].differing():
            print(
                f"    {field.label}: "
                + pick("本地 {here} | 传入 {sent}", "local {here} | incoming {sent}").format(
                    here=field.local, sent=field.incoming
                )
            )


@_refusals_reported
def _decide(database, args: argparse.Namespace) -> None:
    from app.roles import LoginRequired
    from app.sync import decide_conflict

    if args.by is not None:
        raise LoginRequired(
            pick(
                "sync decide 不接受 --by 姓名：处理人是登录的用户（--user 用户名），不是输入的名字。",
                "sync decide takes no --by NAME: the decision is the logged-in user's "
                "(--user NAME), never a name typed.",
            ),
            reason="typed_identity",
        )
    with database.sessions.begin() as session:
        row = decide_conflict(session, args.id, args.decision, args.actor_id)
    kept = (
        pick("保留本地版本", "kept the local version")
        if row.decision == "local"
        else pick("采用传入版本", "took the incoming version")
    )
    print(
        pick("同步冲突 #{id} 已处理：{d}", "Sync conflict #{id} decided: {d}").format(
            id=row.id, d=kept
        )
    )


@_refusals_reported
def _status(database, args: argparse.Namespace) -> None:
    from app.sync import sites, this_site

    with database.sessions.begin() as session:
        this_site(session)  # so that a new database shows its id too
        rows = sites(session)
    for site in rows:
        if site.is_self:
            print(
                pick(
                    "本站点 {name}（{id}）：已导出 {n} 个同步文件，最近一次到 {until}",
                    "This site {name} ({id}): {n} sync files exported, the last up to {until}",
                ).format(
                    name=site.name,
                    id=site.site_id,
                    n=site.export_sequence,
                    until=_local(site.exported_until),
                )
            )
        else:
            print(
                pick(
                    "{name}（{id}）：已导入到第 {n} 号，更改到 {until}，最近导入于 {last}",
                    "{name} ({id}): imported up to no. {n}, changes up to {until}, "
                    "last import {last}",
                ).format(
                    name=site.name,
                    id=site.site_id,
                    n=site.imported_sequence or "—",
                    until=_local(site.imported_until),
                    last=_local(site.last_import_at),
                )
            )


def _local(moment: datetime | None) -> str:
    from app.sync.importer import local_text

    return local_text(moment) if moment else "—"
