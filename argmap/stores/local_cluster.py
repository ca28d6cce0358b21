"""A throw-away PostgreSQL cluster in a folder: for the tests, the class benchmark and
``make class-server``, never for a real deployment (which uses a managed PostgreSQL).

It uses Debian's ``postgresql`` package (``initdb``, ``pg_ctl``, ``pg_isready``), listens only on a
Unix socket inside the folder, and trusts local connections. ``initdb`` refuses to run as root
(as CI does), so as root the cluster runs as the ``postgres`` system user (``runuser``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

from argmap.errors import ToolMissingError

PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
ROLE = "argmap"
DATABASE = "argmap"


def pg_tool(name: str) -> str:
    """The path of a PostgreSQL program (newest Debian version first, then PATH)."""
    for folder in PG_BIN_DIRS:
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which(name)
    if found is None:
        raise ToolMissingError(f"PostgreSQL's {name} is not installed (Debian: apt-get install postgresql)")
    return found


def _as_owner(command: list[str]) -> list[str]:
    """``command`` run as the cluster's owner: ``postgres`` when we are root, else ourselves."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str]) -> None:
    result = subprocess.run(_as_owner(command), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stderr.strip() or result.stdout.strip()}")


def temporary_folder() -> Path:
    """A new folder for a throw-away cluster in the system's temporary folder, which the
    ``postgres`` user may pass through (pytest's and ``TemporaryDirectory``'s are private)."""
    folder = Path(tempfile.mkdtemp(prefix="argmap-postgres-"))
    folder.chmod(0o711)  # the cluster's owner may pass through, not list
    return folder


def url_of(folder: Path, database: str = DATABASE) -> str:
    """The connection URL of the cluster in ``folder`` (its Unix socket, the trusted role)."""
    return f"postgresql://{ROLE}@/{database}?host={quote(str(folder / 'socket'), safe='/')}"


def start(folder: Path) -> str:
    """Start (making it first when needed) the cluster in ``folder``; returns its URL once it
    accepts connections (``pg_ctl -w`` waits for that, ``pg_isready`` confirms)."""
    folder = folder.resolve()
    data, socket = folder / "data", folder / "socket"
    if not (data / "PG_VERSION").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        socket.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            for path in (folder, socket):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        _run([pg_tool("initdb"), "-D", str(data), "-U", ROLE, "--auth=trust", "-E", "UTF8", "--no-sync"])
    running = subprocess.run(_as_owner([pg_tool("pg_ctl"), "-D", str(data), "status"]), capture_output=True)
    if running.returncode != 0:  # 0: already running (a second `make class-server`)
        options = f"-k {socket} -c listen_addresses='' -c max_connections=200"
        log = folder / "server.log"
        _run([pg_tool("pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"])
    _run([pg_tool("pg_isready"), "-h", str(socket), "-U", ROLE, "-d", "postgres"])
    _create_database(socket)
    return url_of(folder)


def _create_database(socket: Path) -> None:
    psql = [pg_tool("psql"), "-h", str(socket), "-U", ROLE, "-d", "postgres", "-tAc"]
    exists = subprocess.run(
        [*psql, f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"],
        capture_output=True,
        text=True,
        check=True,
    )
    if exists.stdout.strip() != "1":
        subprocess.run([*psql, f"CREATE DATABASE {DATABASE}"], capture_output=True, check=True)


def stop(folder: Path) -> None:
    """Stop the cluster in ``folder`` (fast shutdown); nothing when it is not running."""
    data = folder.resolve() / "data"
    if (data / "postmaster.pid").is_file():
        _run([pg_tool("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
