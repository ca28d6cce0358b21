"""A local class server for trying the shared library: ``make class-server`` / ``make class-server-stop``.

``start`` makes (or reuses) a PostgreSQL cluster under ``.class-server/`` in the repository (Debian's
``postgresql``), applies the migrations, imports ``arguments/`` (maps already there are kept), starts
a mock OpenID Connect provider with three demo accounts (a teacher and two students; DEMO ONLY:
anyone who reaches it signs in as anyone), writes the app's secrets file (the ``[auth]`` section
that points sign-in at the mock), starts two ``streamlit run`` processes on 127.0.0.1 over that
database as its app role (row-level security applies), and Debian's nginx in front of them on
127.0.0.1 with sticky sessions (a cookie picks the app process, since Streamlit keeps a websocket
and the session's state in one process); it prints the URL. ``stop`` stops them all. A demo on one
machine, not a deployment: see the README's "A shared library on PostgreSQL" and "Classroom mode".

Usage: ``python -m argmap.stores.class_server start|stop [--folder DIR] [--port N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

from argmap.stores import local_cluster
from argmap.stores.postgres import create_app_role, upgrade
from argmap.stores.transfer import import_folder

ROOT = Path(__file__).resolve().parent.parent.parent  # the repository (an editable install)
FOLDER = ROOT / ".class-server"
PORT = 8600
APP_PORTS = (8601, 8602)
PROVIDER_PORT = 8609
#: The demo accounts of the mock sign-in provider (their e-mail addresses are example.org's).
DEMO_ACCOUNTS: tuple[dict[str, str], ...] = (
    {"sub": "demo-teacher", "email": "teacher@example.org", "name": "Meera Iyer"},
    {"sub": "demo-student-asha", "email": "asha@example.org", "name": "Asha Rao"},
    {"sub": "demo-student-vikram", "email": "vikram@example.org", "name": "Vikram Nair"},
)
#: The login role the app processes connect as (a member of the app role: owns no table).
APP_LOGIN = "argmap_web"
READY_SECONDS = 90

NGINX_CONF = """\
# Written by argmap/stores/class_server.py: nginx in front of the app processes, sticky by a cookie.
daemon on;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log {folder}/nginx-access.log;
    client_body_temp_path {folder}/nginx-temp/body;
    proxy_temp_path {folder}/nginx-temp/proxy;
    fastcgi_temp_path {folder}/nginx-temp/fastcgi;
    uwsgi_temp_path {folder}/nginx-temp/uwsgi;
    scgi_temp_path {folder}/nginx-temp/scgi;
    # The first request of a browser has no cookie: its random request id picks an app process
    # and becomes the cookie, so the browser's later requests (and its websocket) go to the same one.
    map $cookie_argmap_backend $argmap_backend {{
        "" $request_id;
        default $cookie_argmap_backend;
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" close;
    }}
    upstream argmap_apps {{
        hash $argmap_backend consistent;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 4m;
        location / {{
            proxy_pass http://argmap_apps;
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1d;
            # A process that died: the request goes to the other (a reload reconnects the session).
            proxy_next_upstream error timeout http_502 http_503;
            add_header Set-Cookie "argmap_backend=$argmap_backend; Path=/; HttpOnly; SameSite=Lax" always;
            # Which app process answered (its address): for a look in the browser's tools, and tests.
            add_header X-Argmap-App $upstream_addr always;
        }}
    }}
}}
"""


def wait_until_healthy(url: str, process: subprocess.Popen | None = None) -> None:
    """Poll ``url`` until it answers 200 (the server is ready), for at most READY_SECONDS."""
    ends = time.monotonic() + READY_SECONDS
    while time.monotonic() < ends:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process serving {url} ended with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)  # polling for readiness, not waiting a fixed time
    raise RuntimeError(f"{url} did not answer within {READY_SECONDS} s")


SECRETS = """\
# Written by argmap/stores/class_server.py for its app processes: sign-in through the DEMO-ONLY mock
# provider on 127.0.0.1 (see .streamlit/secrets.example.toml for what each key means).
[auth]
redirect_uri = "{address}/oauth2callback"
cookie_secret = "{cookie_secret}"
client_id = "argmap-class-server"
client_secret = "demo-only-not-a-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"
"""


def start_provider(folder: Path, port: int, accounts: tuple[dict[str, str], ...] = DEMO_ACCOUNTS) -> str:
    """Start the mock OpenID Connect provider (the ``oidc-provider-mock`` package) on 127.0.0.1
    with ``accounts`` on its sign-in form; returns its URL once it serves its discovery document.
    DEMO ONLY: it signs anyone in as anyone."""
    log = (folder / "provider.log").open("ab")
    claims = [argument for account in accounts for argument in ("--user-claims", json.dumps(account))]
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port), *claims],
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    (folder / "provider.pid").write_text(str(process.pid))
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(f"{url}/.well-known/openid-configuration", process)
    return url


def write_secrets(folder: Path, address: str, provider: str) -> Path:
    """The app processes' secrets file: one ``cookie_secret`` for all of them, so a signed-in
    browser stays signed in whichever process serves it."""
    path = folder / "secrets.toml"
    path.touch(mode=0o600)
    path.write_text(SECRETS.format(address=address, cookie_secret=secrets.token_hex(32), provider=provider))
    return path


def start_app(folder: Path, url: str, port: int, secrets_file: Path | None = None) -> subprocess.Popen:
    log = (folder / f"app-{port}.log").open("ab")
    environment = {**os.environ, "ARGMAP_DATABASE_URL": url, "ARGMAP_LIBRARY": str(folder / "local")}
    sign_in = ["--secrets.files", str(secrets_file)] if secrets_file else []
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "streamlit_app.py"),
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            *sign_in,
        ],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    (folder / f"app-{port}.pid").write_text(str(process.pid))
    return process


def start_nginx(folder: Path, port: int, app_ports: tuple[int, ...]) -> None:
    temp = folder / "nginx-temp"
    temp.mkdir(parents=True, exist_ok=True)
    user = ""
    if os.geteuid() == 0:  # workers run as nobody: they need only their temporary folder
        nobody = pwd.getpwnam("nobody")
        os.chown(temp, nobody.pw_uid, nobody.pw_gid)
        user = "user nobody nogroup;"
    servers = "\n".join(f"        server 127.0.0.1:{app} max_fails=1 fail_timeout=10s;" for app in app_ports)
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(folder=folder, user=user, servers=servers, port=port))
    subprocess.run(["nginx", "-c", str(conf), "-p", str(folder)], check=True)


def start(
    folder: Path = FOLDER,
    port: int = PORT,
    app_ports: tuple[int, ...] = APP_PORTS,
    provider_port: int = PROVIDER_PORT,
) -> str:
    """Everything up; returns the URL nginx serves."""
    folder.mkdir(parents=True, exist_ok=True)
    url = local_cluster.start(folder / "cluster")
    version, _ = upgrade(url)
    report = import_folder(ROOT / "arguments", url)
    print(
        f"database: schema version {version}; imported {report.maps} maps ({len(report.skipped)} kept as they were)"
    )
    app_url = create_app_role(url, APP_LOGIN)
    address = f"http://127.0.0.1:{port}"
    secrets_file = write_secrets(folder, address, start_provider(folder, provider_port))
    processes = [start_app(folder, app_url, app, secrets_file) for app in app_ports]
    for process, app in zip(processes, app_ports, strict=True):
        wait_until_healthy(f"http://127.0.0.1:{app}/_stcore/health", process)
    start_nginx(folder, port, app_ports)
    wait_until_healthy(f"{address}/_stcore/health")
    return address


def stop(folder: Path = FOLDER) -> None:
    """Stop nginx, the app processes and the cluster (what is not running is skipped)."""
    if (folder / "nginx.pid").is_file():
        subprocess.run(
            ["nginx", "-c", str(folder / "nginx.conf"), "-p", str(folder), "-s", "stop"], check=False
        )
    for pid_file in [*folder.glob("app-*.pid"), *folder.glob("provider.pid")]:
        with suppress(ProcessLookupError, ValueError):  # already gone, or a damaged pid file
            os.killpg(int(pid_file.read_text()), signal.SIGTERM)
        pid_file.unlink()
    local_cluster.stop(folder / "cluster")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args()
    if args.action == "start":
        address = start(args.folder.resolve(), args.port)
        accounts = ", ".join(f"{account['name']} ({account['sub']})" for account in DEMO_ACCOUNTS)
        print(f"argmap class server: {address}  (stop: make class-server-stop)")
        print(f"sign in with a DEMO account of the mock provider (demo only): {accounts}")
    else:
        stop(args.folder.resolve())
        print("argmap class server stopped")


if __name__ == "__main__":
    main()
