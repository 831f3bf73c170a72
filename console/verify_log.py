"""``main.py --verify-log``: check the audit trail's and the logbook's hash chains and name the first
row in each that was changed, inserted or had a row before it deleted outside the console."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.chain import verify_log
from db.store import Store, sqlite_url
from switchboard import settings as console_settings
from switchboard.errors import ConsoleError


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py --verify-log", description="Check the audit trail.")
    parser.add_argument("--verify-log", action="store_true")
    parser.add_argument("--settings", type=Path, default=console_settings.settings_path())
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--database", metavar="URL", default=None)
    args = parser.parse_args(argv)
    try:
        settings = console_settings.load(args.settings)
        folder = args.data_dir or console_settings.data_dir()
        url = args.database or settings.database_url or sqlite_url(folder / "switchboard.db")
        store = Store(url)
        store.check()
        breaks = verify_log(store.engine)
        store.dispose()
    except ConsoleError as exc:
        print(f"verify-log: {exc}", file=sys.stderr)
        return 2
    for found in breaks:
        print(f"ALTERED: {found}")
    if not breaks:
        print("audit trail and logbook: every row as it was written")
    return 1 if breaks else 0
