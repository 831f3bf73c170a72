"""The wake-up calls a person must make while the database is away, in the data folder.

``wakeup-calls-for-a-person.txt`` is plain text for a printer or anyone with a text editor;
``wakeup-calls-for-a-person.json`` holds the same rows for a console to read (`read_person_list`).
Both are written whole (atomically, fsynced) each time the list changes and removed when the book
has the calls again (they are then escalated calls like any other)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from hardware.wakeup.journal_file import write_whole
from switchboard.wakeup_journal_calls import (
    JournalCall,
    JournalDamaged,
    PersonCall,
    person_call_from_dict,
    person_call_to_dict,
)

log = logging.getLogger(__name__)

TEXT = "wakeup-calls-for-a-person.txt"
DATA = "wakeup-calls-for-a-person.json"
MAX_BYTES = 1_000_000


def write_person_list(
    folder: Path, calls: Iterable[JournalCall], now: datetime, since: datetime | None
) -> None:
    rows = [PersonCall(c.room, c.due_at, c.attempts, c.outcome, c.status) for c in calls]
    try:
        if not rows:
            for name in (TEXT, DATA):
                (folder / name).unlink(missing_ok=True)
            return
        zone = now.tzinfo
        head = [
            "WAKE-UP CALLS THAT NEED A PERSON",
            f"The database could not be reached{f' since {since:%H:%M:%S}' if since else ''}; "
            "the dialler kept calling from its journal.",
            f"Written {now:%Y-%m-%d %H:%M:%S %z}. Call these rooms yourself.",
            "",
            f"{'Room':<8} {'Due':<6} {'Attempts':>8}  {'Last result':<16} Status",
        ]
        body = [
            f"{r.room:<8} {r.due_at.astimezone(zone):%H:%M}  {r.attempts:>8}  {r.last_result:<16} "
            + r.status.value
            for r in rows
        ]
        payload = {
            "written_at": now.isoformat(),
            "away_since": since.isoformat() if since else None,
            "calls": [person_call_to_dict(r) for r in rows],
        }
        write_whole(folder / DATA, json.dumps(payload).encode())
        write_whole(folder / TEXT, ("\n".join(head + body) + "\n").encode())
    except OSError as exc:
        log.error("the list of wake-up calls for a person cannot be written (%s)", exc)


def read_person_list(folder: Path) -> list[PersonCall]:
    """The calls on the dialler's list now; none when there is no list (or it cannot be read)."""
    try:
        with (folder / DATA).open("rb") as f:
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise JournalDamaged("the list is too large")
        raw = json.loads(data)
        if not isinstance(raw, dict) or not isinstance(raw.get("calls"), list):
            raise JournalDamaged("not a list of calls")
        return [person_call_from_dict(c) for c in raw["calls"] if isinstance(c, dict)]
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:  # JournalDamaged is a ValueError
        log.warning("the dialler's list of calls for a person cannot be read: %s", exc)
        return []
