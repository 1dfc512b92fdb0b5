"""PostgreSQL: pg_dump of a database in use, pg_restore into a new one, and finding the tools.

The dump and the manifest's row counts come from one snapshot: a REPEATABLE READ transaction
exports its snapshot, counts the rows, and pg_dump runs with `--snapshot` while it stays open.
Attachments live in the `attachment_blobs` table there, so the dump holds them too.
The password never appears on a command line: the tools get it in PGPASSWORD.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from app.backup.archive import BackupError, BackupInvalid, Manifest, Meter
from app.backup.facts import DatabaseFacts, read_facts
from app.i18n import pick

# A folder holding pg_dump and pg_restore, when they are neither on PATH nor where Debian or the
# Windows installer puts them.
PG_BIN_ENV = "REVISITDESK_PG_BIN"
_INSTALL_GLOBS = ("/usr/lib/postgresql/*/bin", "C:/Program Files/PostgreSQL/*/bin")


class ToolMissing(BackupError):
    """pg_dump or pg_restore is not installed (or not found) on this computer."""

    def __init__(self, tool: str) -> None:
        super().__init__(
            pick(
                f"找不到 {tool}：需要 PostgreSQL 客户端程序。Debian/Ubuntu 上请安装 "
                f"postgresql-client（apt-get install postgresql-client）；Windows 上它在 PostgreSQL "
                f"安装目录的 bin 文件夹中。也可以用环境变量 {PG_BIN_ENV} 指定它所在的文件夹。",
                f"{tool} not found: the PostgreSQL client programs are needed. On Debian/Ubuntu "
                "install postgresql-client (apt-get install postgresql-client); on Windows they "
                "are in the bin folder of the PostgreSQL installation. The environment variable "
                f"{PG_BIN_ENV} may name the folder they are in.",
            )
        )
        self.tool = tool


def find_tool(name: str) -> Path:
    """pg_dump or pg_restore: from REVISITDESK_PG_BIN, PATH, or the usual installation folders."""
    executable = f"{name}.exe" if os.name == "nt" else name
    candidates: list[Path] = []
    if folder := os.environ.get(PG_BIN_ENV):
        candidates.append(Path(folder) / executable)
    if found := shutil.which(name):
        candidates.append(Path(found))
    for pattern in _INSTALL_GLOBS:
        root = Path(pattern.split("*")[0])
        if root.is_dir():
            # The newest version first: pg_dump must be at least as new as the server.
            folders = sorted(root.glob("*/bin"), key=_version_key, reverse=True)
            candidates.extend(f / executable for f in folders)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise ToolMissing(name)


def _version_key(folder: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", folder.parent.name)) or (0,)


def connection_args(url: str) -> tuple[str, dict[str, str]]:
    """libpq's "key=value" connection string for an SQLAlchemy URL, and an environment with
    the password (PGPASSWORD), so that it is on no command line."""
    parsed = make_url(url)
    values: dict[str, object] = {
        "host": parsed.host,
        "port": parsed.port,
        "user": parsed.username,
        "dbname": parsed.database,
    }
    for key, value in parsed.query.items():  # sslmode=…, host=/run/postgresql, …
        values[key] = value[-1] if isinstance(value, tuple) else value
    conninfo = " ".join(f"{key}={_quoted(str(v))}" for key, v in values.items() if v is not None)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    return conninfo, env


def _quoted(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def dump(engine: Engine, url: str, target: Path, meter: Meter) -> DatabaseFacts:
    """pg_dump (custom format) of the database into `target`; the facts of the same snapshot."""
    pg_dump = find_tool("pg_dump")
    conninfo, env = connection_args(url)
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.scalar(text("SELECT pg_export_snapshot()"))
            facts = read_facts(connection)
            run_tool(
                [
                    str(pg_dump),
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                    f"--dbname={conninfo}",
                ],
                env,
                meter,
            )
    return facts


def check_dump(dump_file: Path, manifest: Manifest, where: str, meter: Meter) -> str | None:
    """Read the dump's table of contents with pg_restore --list; None when pg_restore is missing.

    Raises BackupInvalid when it cannot be read or lacks the data of a table the manifest counts.
    """
    try:
        pg_restore = find_tool("pg_restore")
    except ToolMissing:
        return None
    try:
        listing = run_tool([str(pg_restore), "--list", str(dump_file)], dict(os.environ), meter)
    except ToolFailed as error:
        raise BackupInvalid(
            pick(f"{where} 中的 pg_dump 文件无法读取：{error}", f"{where}: {error}")
        ) from None
    with_data = set(re.findall(r" TABLE DATA \S+ (\S+) ", listing))
    lacking = sorted(set(manifest.counts) - with_data)
    if lacking:
        raise BackupInvalid(
            pick(
                f"{where} 中的 pg_dump 文件缺少这些表的数据：{', '.join(lacking)}",
                f"the pg_dump file in {where} lacks the data of: {', '.join(lacking)}",
            )
        )
    entries = len(listing.splitlines())
    return pick(
        f"pg_restore --list：目录 {entries} 行，含 {len(with_data)} 张表的数据",
        f"pg_restore --list: {entries} lines of contents, data of {len(with_data)} tables",
    )


def check_empty_target(url: str) -> None:
    """Refuse a database that cannot be reached or already holds tables."""
    engine = create_engine(url, poolclass=NullPool)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            tables = connection.scalar(
                text(
                    "SELECT count(*) FROM information_schema.tables "
                    "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
                )
            )
    except SQLAlchemyError as error:
        raise BackupError(
            pick(
                f"无法连接目标数据库 {shown}：{_first_line(error)}。请先在服务器上新建这个空数据库"
                "（例如 createdb -O 用户名 新库名）。",
                f"cannot connect to the target database {shown}: {_first_line(error)}. Create "
                "the new, empty database on the server first (e.g. createdb -O user newname).",
            )
        ) from None
    finally:
        engine.dispose()
    if tables:
        raise BackupError(
            pick(
                f"目标数据库 {shown} 不是空的（有 {tables} 张表）。恢复只写入新建的空数据库，"
                "不会覆盖已有的数据。",
                f"the target database {shown} is not empty ({tables} tables). A restore only "
                "writes into a new, empty database; it never overwrites data.",
            )
        )


def restore(dump_file: Path, url: str, meter: Meter) -> DatabaseFacts:
    """pg_restore into the (empty) database at `url`, all or nothing; its facts afterwards."""
    pg_restore = find_tool("pg_restore")
    conninfo, env = connection_args(url)
    run_tool(
        [
            str(pg_restore),
            "--no-owner",  # the restoring user owns everything, whoever made the dump
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={conninfo}",
            str(dump_file),
        ],
        env,
        meter,
    )
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return read_facts(connection)
    finally:
        engine.dispose()


class ToolFailed(BackupError):
    """pg_dump or pg_restore ended with an error."""


def run_tool(command: list[str], env: dict[str, str], meter: Meter) -> str:
    """Run a PostgreSQL tool, letting the meter stop it (Cancel kills it); returns its output."""
    name = Path(command[0]).name
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        try:
            while True:
                try:
                    code = process.wait(timeout=0.2)
                    break
                except subprocess.TimeoutExpired:
                    meter.wait()
        except BaseException:
            process.kill()
            process.wait()
            raise
        err.seek(0)
        message = err.read().decode("utf-8", errors="replace").strip()
        if code != 0:
            raise ToolFailed(
                pick(
                    f"{name} 失败（退出码 {code}）：{message}",
                    f"{name} failed (exit status {code}): {message}",
                )
            )
        out.seek(0)
        return out.read().decode("utf-8", errors="replace")


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]
