"""``main.py --verify-log``: check the audit trail's and the logbook's hash chains and name the first
row in each that was changed, inserted or had a row before it deleted outside the console; then check
each chain against the heads anchored outside the database (``db/anchor_file.py``), which shows the
newest rows deleted or a chain computed anew.

Anchors: the files given with ``--anchor`` (a file, or a folder of ``chain-anchor*.log``), else those in
the data folder; and heads typed from a printout with ``--head table:place:hash``.  Exit 0: every chain
as written and anchored; 1: ALTERED or MISSING; 2: the database or an anchor could not be read;
3: the chains hold together but a chain with rows has no anchor (NOT ANCHORED), so its newest rows
could have been deleted unseen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db import anchor_file
from db.anchor_file import Head
from db.chain import verify_log
from db.chain_anchor import AnchorReport, check_anchors, heads_in_trail
from db.store import Store, sqlite_url
from switchboard import settings as console_settings
from switchboard.errors import ConsoleError

NOT_ANCHORED = 3
SHOWN = 20  # unreadable lines named per anchor file; the rest are counted


def _anchors(args: argparse.Namespace, folder: Path) -> tuple[list[Head], list[str]]:
    """The heads from the anchor files and the command line, and a line about each file."""
    files: list[Path] = []
    for given in args.anchor or []:
        files.extend(anchor_file.found_in(given) if given.is_dir() else [given])
    if not args.anchor:
        files = anchor_file.found_in(folder)
    heads: list[Head] = []
    notes: list[str] = []
    for path in files:
        read = anchor_file.read(path)  # OSError: said by main()
        heads.extend(Head(h.table, h.seq, h.hash, h.versions, h.at, str(path)) for h in read.heads)
        torn = f", {read.unreadable} unreadable line(s), not counted as anchors" if read.unreadable else ""
        notes.append(f"anchor file {path}: {len(read.heads)} head(s){torn}")
        notes.extend(f"anchor file {path}, {problem}" for problem in read.problems[:SHOWN])
        if read.unreadable > SHOWN:
            notes.append(f"anchor file {path}: {read.unreadable - SHOWN} more unreadable line(s)")
    for word in args.head or []:
        heads.append(anchor_file.parse_token(word, source="--head"))
    if not files and not args.head:
        where = ", ".join(str(p) for p in args.anchor) if args.anchor else f"{folder} ({anchor_file.PATTERN})"
        notes.append(
            f"NOT ANCHORED: no anchor file in {where} and no --head given: "
            "the newest rows of a chain could have been deleted unseen"
        )
    elif not heads:
        notes.append(
            "NOT ANCHORED: no line of the anchor files is a well-formed head: "
            "the newest rows of a chain could have been deleted unseen"
        )
    return heads, notes


def _coverage(report: AnchorReport) -> tuple[list[str], bool]:
    lines, unanchored = [], False
    for c in report.coverage:
        if c.end == 0 and c.anchored == 0:
            continue
        if c.anchored == 0:
            unanchored = True
            lines.append(f"NOT ANCHORED: {c.table}: no anchor holds a head of it (it ends at place {c.end})")
        elif c.newest is not None and c.anchored <= c.end:
            after = f"; places {c.anchored + 1}-{c.end} by their chain alone" if c.anchored < c.end else ""
            lines.append(
                f"anchored: {c.table} to place {c.anchored} of {c.end} "
                f"({c.newest.source}{', ' + c.newest.at if c.newest.at else ''}){after}"
            )
    return lines, unanchored


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py --verify-log", description="Check the audit trail.")
    parser.add_argument("--verify-log", action="store_true")
    parser.add_argument("--settings", type=Path, default=console_settings.settings_path())
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--database", metavar="URL", default=None)
    parser.add_argument(
        "--anchor", type=Path, action="append", metavar="FILE", help="an anchor file or a folder of them"
    )
    parser.add_argument("--head", action="append", metavar="TABLE:PLACE:HASH", help="a head from a printout")
    args = parser.parse_args(argv)
    try:
        settings = console_settings.load(args.settings)
        folder = args.data_dir or console_settings.data_dir()
        heads, notes = _anchors(args, folder)
        url = args.database or settings.database_url or sqlite_url(folder / "switchboard.db")
        store = Store(url)
        store.check()
        breaks = verify_log(store.engine)
        report = check_anchors(store.engine, heads + heads_in_trail(store.engine))
        store.dispose()
    except (OSError, ValueError) as exc:
        print(f"verify-log: an anchor cannot be read: {exc}", file=sys.stderr)
        return 2
    except ConsoleError as exc:
        print(f"verify-log: {exc}", file=sys.stderr)
        return 2
    for found in breaks:
        print(f"ALTERED: {found}")
    for finding in report.findings:
        print(finding)
    coverage, unanchored = _coverage(report)
    for line in notes + coverage:
        print(line)
    if breaks or report.findings:
        return 1
    if unanchored or not heads:
        print("audit trail and logbook: every row fits its chain, but not every chain is anchored (above)")
        return NOT_ANCHORED
    print("audit trail and logbook: every row as it was written, up to the anchored heads")
    return 0
