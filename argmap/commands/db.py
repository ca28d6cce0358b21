"""Commands on the PostgreSQL library: ``argmap db upgrade``, ``db import DIR``, ``db export DIR``.

The database is the one named by ``--database URL`` or ``$ARGMAP_DATABASE_URL``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.errors import StoreError


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="the shared PostgreSQL library: migrations, import, export")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="apply the schema migrations the database lacks")
    upgrade.set_defaults(func=cmd_upgrade)
    importer = actions.add_parser("import", help="bring a folder library in (maps and their backups)")
    importer.add_argument("folder", metavar="DIR")
    importer.set_defaults(func=cmd_import)
    exporter = actions.add_parser("export", help="write every map as a canonical YAML file in DIR")
    exporter.add_argument("folder", metavar="DIR")
    exporter.set_defaults(func=cmd_export)
    app_role = actions.add_parser(
        "app-role", help="make the login role the app connects as in classroom mode (owns nothing)"
    )
    app_role.add_argument("login", metavar="LOGIN")
    app_role.add_argument(
        "--password-stdin", action="store_true", help="read the role's password from standard input"
    )
    app_role.set_defaults(func=cmd_app_role)
    for action in (upgrade, importer, exporter, app_role):
        action.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _url(args: argparse.Namespace) -> str:
    from argmap.stores import DATABASE_VARIABLE, database_url

    url = database_url(getattr(args, "database", None))
    if not url:
        raise StoreError(f"name the database with --database URL or ${DATABASE_VARIABLE}")
    return url


def cmd_upgrade(args: argparse.Namespace) -> int:
    from argmap.stores.postgres import upgrade

    version, applied = upgrade(_url(args))
    if applied:
        print(f"applied {', '.join(applied)}; schema version {version}")
    else:
        print(f"schema version {version}: up to date")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from argmap.stores.transfer import import_folder

    report = import_folder(Path(args.folder), _url(args))
    for line in report.skipped:
        print(f"skipped {line}")
    print(f"imported {report.maps} maps with {report.versions} versions from {args.folder}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from argmap.stores.transfer import export_folder

    written = export_folder(_url(args), Path(args.folder))
    print(f"wrote {written} maps to {args.folder}")
    return 0


def cmd_app_role(args: argparse.Namespace) -> int:
    import sys

    from argmap.stores.postgres import create_app_role, shown_url

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    if password is not None and not password:
        raise StoreError("--password-stdin read an empty password")
    url = create_app_role(_url(args), args.login, password)
    print(f"the app connects as {args.login}: {shown_url(url)} (a member of argmap_app; owns nothing)")
    return 0
