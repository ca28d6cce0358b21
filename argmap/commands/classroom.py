"""Classroom commands on the PostgreSQL library: ``argmap class create|list|join|add|members|assign|
status|grades-csv``.

The database is the one of ``--database URL`` or ``$ARGMAP_DATABASE_URL``; the person acting is
named by ``--as EMAIL`` or ``$ARGMAP_USER`` (made, not yet signed in, when new: the shell is trusted
like the app's server, and the database's row-level security then applies to that person).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.commands.common import print_json
from argmap.errors import ClassroomError

if TYPE_CHECKING:
    from datetime import datetime

    from argmap.services.classroom import Classroom

USER_VARIABLE = "ARGMAP_USER"


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("class", help="classroom mode: classes, members, assignments, grades")
    actions = group.add_subparsers(dest="class_command", metavar="ACTION", required=True)

    create = actions.add_parser("create", help="make a class you teach; prints its join code")
    create.add_argument("name", metavar="NAME")
    create.set_defaults(func=cmd_create)
    listing = actions.add_parser("list", help="your classes, with your role and the join code")
    listing.set_defaults(func=cmd_list)
    join = actions.add_parser("join", help="join a class as a student by its join code")
    join.add_argument("code", metavar="CODE")
    join.set_defaults(func=cmd_join)
    add = actions.add_parser("add", help="add a person to a class you teach, by e-mail")
    add.add_argument("class_id", metavar="CLASS", type=int, help="the class's number (argmap class list)")
    add.add_argument("email", metavar="EMAIL")
    add.add_argument("--teacher", action="store_true", help="as a teacher (default: a student)")
    add.set_defaults(func=cmd_add)
    members = actions.add_parser("members", help="the teachers and students of a class")
    members.add_argument("class_id", metavar="CLASS", type=int)
    members.set_defaults(func=cmd_members)
    assign = actions.add_parser("assign", help="set an assignment for a class you teach")
    assign.add_argument("class_id", metavar="CLASS", type=int)
    assign.add_argument("--title", required=True)
    assign.add_argument("--question", required=True)
    assign.add_argument(
        "--due", required=True, help="due date and time with its zone: 2026-12-09T17:00+05:30"
    )
    assign.add_argument(
        "--directive", help="discuss, critically examine, analyse, evaluate, comment, explain"
    )
    assign.add_argument("--words", type=int, help="the answer's word limit")
    assign.add_argument("--template", default="upsc-gs-250", help="the outline template (argmap templates)")
    assign.add_argument(
        "--start", default="blank", help="the starting map: blank, skeleton:NAME or map:NAME (default blank)"
    )
    assign.add_argument(
        "--allow-edits", action="store_true", help="students may edit after submitting, until due"
    )
    assign.add_argument("--out-of", type=float, default=10, help="marks out of (default 10)")
    assign.set_defaults(func=cmd_assign)
    status = actions.add_parser("status", help="every student's status and mark for an assignment")
    status.add_argument("assignment_id", metavar="ASSIGNMENT", type=int)
    status.set_defaults(func=cmd_status)
    grades = actions.add_parser("grades-csv", help="the class's marks for an assignment as CSV")
    grades.add_argument("assignment_id", metavar="ASSIGNMENT", type=int)
    grades.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    grades.set_defaults(func=cmd_grades_csv)
    for action in actions.choices.values():
        action.add_argument(
            "--as", dest="as_user", metavar="EMAIL", help=f"who you are (default: ${USER_VARIABLE})"
        )
        if action is not grades:  # CSV is its output
            action.add_argument("--json", action="store_true", help="machine-readable output")
        action.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _room(args: argparse.Namespace) -> Classroom:
    from argmap.commands.db import _url
    from argmap.services.classroom import Classroom, user_by_email

    email = args.as_user or os.environ.get(USER_VARIABLE)
    if not email:
        raise ClassroomError(f"name yourself with --as EMAIL or ${USER_VARIABLE}")
    url = _url(args)
    return Classroom(url, user_by_email(url, email).id)


def _due(text: str) -> datetime:
    from datetime import datetime

    try:
        due = datetime.fromisoformat(text)
    except ValueError:
        raise ClassroomError(
            f"--due {text!r} is not a date and time such as 2026-12-09T17:00+05:30"
        ) from None
    if due.tzinfo is None:
        raise ClassroomError(f"--due {text!r} needs its time zone, such as +05:30 or Z")
    return due


def cmd_create(args: argparse.Namespace) -> int:
    made = _room(args).create_class(args.name)
    if args.json:
        print_json(asdict(made))
    else:
        print(f"class {made.id} {made.name!r}: join code {made.join_code}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    classes = _room(args).my_classes()
    if args.json:
        print_json([asdict(info) for info in classes])
    for info in [] if args.json else classes:
        print(f"{info.id}\t{info.role}\t{info.join_code}\t{info.name}")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    joined = _room(args).join(args.code)
    if args.json:
        print_json(asdict(joined))
    else:
        print(f"joined class {joined.id} {joined.name!r} as a {joined.role}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    member = _room(args).add_member(args.class_id, args.email, "teacher" if args.teacher else "student")
    if args.json:
        print_json(asdict(member))
    else:
        print(f"added {member.email} to class {args.class_id} as a {member.role}")
    return 0


def cmd_members(args: argparse.Namespace) -> int:
    members = _room(args).members(args.class_id)
    if args.json:
        print_json([asdict(member) for member in members])
    for member in [] if args.json else members:
        print(f"{member.role}\t{member.email}\t{member.name}")
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    assignment = _room(args).set_assignment(
        args.class_id,
        title=args.title,
        question=args.question,
        due_at=_due(args.due),
        directive=args.directive,
        word_limit=args.words,
        template=args.template,
        start=args.start,
        allow_edits_after_submit=args.allow_edits,
        out_of=args.out_of,
    )
    if args.json:
        print_json(asdict(assignment))
    else:
        print(f"assignment {assignment.id} {assignment.title!r} due {assignment.due_at.isoformat()}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    rows = _room(args).statuses(args.assignment_id)
    if args.json:
        print_json([asdict(row) for row in rows])
    for row in [] if args.json else rows:
        mark = f"{row.grade.marks:g}" if row.grade else "-"
        print(f"{row.status}\t{mark}\t{row.student.email}\t{row.student.name}")
    return 0


def cmd_grades_csv(args: argparse.Namespace) -> int:
    text = _room(args).grades_csv(args.assignment_id)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote the marks of assignment {args.assignment_id} to {args.output}")
    return 0
