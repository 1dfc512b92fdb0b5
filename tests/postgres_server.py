"""A throw-away PostgreSQL server for one test run, when REVISITDESK_TEST_PG names none.

initdb into a temporary folder, a server listening only on a Unix socket in that folder (no TCP
port, so it never meets another server on the machine), trust authentication for its own user,
no fsync (nothing in it outlives the run). Stopped and removed when the run ends, also when tests
fail or the run is interrupted; a run killed outright leaves its folder behind, and the next run
stops that server and removes it.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

PREFIX = "revisitdesk-pg-"
PORT = 5432  # only names the socket file (.s.PGSQL.5432) inside the cluster's own folder
# Trust authentication ignores it; it is in the URL so that the tests see the app keep a
# password out of what it shows and stores, as with a real server.
PASSWORD = "throwaway"
OWNER_FILE = "owner.pid"
SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
}


class ServerMissing(RuntimeError):
    """No PostgreSQL server programs on this machine."""


def server_programs() -> Path:
    """The folder of initdb and pg_ctl: the newest of Debian's /usr/lib/postgresql/N/bin, else
    wherever PATH finds them."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(re.sub(r"\D", "", path.parent.parent.name) or 0),
    )
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise ServerMissing(
        "PostgreSQL's server programs (initdb, pg_ctl) are not installed: "
        "./scripts/test.sh installs them, or set REVISITDESK_TEST_PG to a server's URL"
    )


class ThrowawayServer:
    def __init__(self) -> None:
        self.programs = server_programs()
        # PostgreSQL refuses to run as root: as root, the server runs as Debian's postgres user.
        self.user = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
        remove_abandoned()
        self.folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.folder / OWNER_FILE).write_text(str(os.getpid()))
        self.data = self.folder / "data"
        if self.user is not None:
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        self.running = False

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres:{PASSWORD}@/postgres?host={self.folder}&port={PORT}"

    def start(self) -> str:
        self._run(
            "initdb",
            "--pgdata", str(self.data),
            "--username", "postgres",
            "--auth", "trust",
            "--encoding", "UTF8",
            "--locale", "C.UTF-8",
        )  # fmt: skip
        options = " ".join(f"-c {key}={value}" for key, value in SETTINGS.items())
        self._run(
            "pg_ctl", "start", "--wait", "--timeout", "120",
            "--pgdata", str(self.data),
            "--log", str(self.folder / "server.log"),
            "--options", f"-k {self.folder} -p {PORT} {options}",
        )  # fmt: skip
        self.running = True
        return self.url

    def stop(self) -> None:
        if self.running:
            stop_server(self.programs, self.data, self.user)
            self.running = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        run_as(self.user, [str(self.programs / program), *args])


def run_as(user: pwd.struct_passwd | None, command: list[str]) -> None:
    result = subprocess.run(
        command,
        user=user.pw_uid if user else None,
        group=user.pw_gid if user else None,
        extra_groups=[] if user else None,
        cwd="/",
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def stop_server(programs: Path, data: Path, user: pwd.struct_passwd | None) -> None:
    if (data / "postmaster.pid").exists():
        run_as(
            user, [str(programs / "pg_ctl"), "stop", "--pgdata", str(data), "--mode", "immediate"]
        )


def remove_abandoned() -> None:
    """Stop and remove the servers of earlier runs that were killed before they could."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            owner = int((folder / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        try:
            user = pwd.getpwuid(folder.stat().st_uid)
            stop_server(server_programs(), folder / "data", user if os.geteuid() == 0 else None)
        except (OSError, KeyError, RuntimeError, ServerMissing):
            pass
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
