"""The dialler's journal on disk, in the data folder, readable by the dialler's user only (0600).

``wakeup-journal.json`` is a copy of the journal written whole (temporary file, fsync, rename,
fsync of the folder); ``wakeup-journal.events`` holds the steps taken since, one JSON line each,
fsynced before the dialler acts on them. Each snapshot has a generation and the events file names
the generation it follows, so a crash between writing a snapshot and emptying the events never
replays old steps onto a new copy. Both files are read as hostile input: bounded, validated, and a
damaged file is set aside (renamed) rather than trusted."""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from switchboard.wakeup_journal import Event, Journal
from switchboard.wakeup_journal_calls import JournalDamaged, call_from_dict, call_to_dict
from switchboard.wakeup_plan import DiallingRules

log = logging.getLogger(__name__)

SNAPSHOT = "wakeup-journal.json"
EVENTS = "wakeup-journal.events"
LOCK = "wakeup-journal.lock"
MAX_BYTES = 32_000_000
MAX_LINE = 8_000


class JournalBusy(RuntimeError):
    """Another dialler holds this data folder's journal."""


def _open_private(path: Path, flags: int) -> int:
    fd = os.open(path, flags | os.O_CLOEXEC, 0o600)
    os.fchmod(fd, 0o600)
    return fd


def write_whole(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` atomically and durably."""
    temporary = path.with_name(path.name + ".new")
    fd = _open_private(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, path)
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _read_bounded(path: Path) -> bytes | None:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    if len(data) > MAX_BYTES:
        raise JournalDamaged(f"{path.name} is larger than {MAX_BYTES} bytes")
    return data


class JournalFile:
    def __init__(self, folder: Path, rules: DiallingRules) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.snapshot_path = folder / SNAPSHOT
        self.events_path = folder / EVENTS
        self._lock = _open_private(folder / LOCK, os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self._lock)
            raise JournalBusy(f"another dialler holds {folder / LOCK}") from exc
        self._rules = rules
        self.generation = 0
        self.journal = self._load()
        self._events = _open_private(self.events_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        self._failing = False
        self.write_snapshot(datetime.now(UTC))  # what was read back becomes the copy new steps follow

    # --- reading ---------------------------------------------------------------------------------
    def _load(self) -> Journal:
        try:
            journal = self._load_snapshot()
        except (JournalDamaged, ValueError, OSError) as exc:
            self._set_aside(self.snapshot_path, exc)
            self._set_aside(self.events_path, exc)
            return Journal(self._rules)
        try:
            replayed = self._replay(journal)
        except OSError as exc:
            log.error("the wake-up journal's events cannot be read (%s); using its last copy", exc)
            replayed = 0
        if replayed:
            log.warning("wake-up journal: %d steps taken since its last copy were read back", replayed)
        return journal

    def _load_snapshot(self) -> Journal:
        data = _read_bounded(self.snapshot_path)
        if data is None:
            return Journal(self._rules)
        raw = json.loads(data)
        if not isinstance(raw, dict) or raw.get("version") != 1 or not isinstance(raw.get("calls"), list):
            raise JournalDamaged("not a wake-up journal")
        generation = raw.get("generation")
        if not isinstance(generation, int) or generation < 0:
            raise JournalDamaged("no generation")
        self.generation = generation
        return Journal(self._rules, (call_from_dict(c) for c in raw["calls"] if isinstance(c, dict)))

    def _replay(self, journal: Journal) -> int:
        data = _read_bounded(self.events_path)
        if not data:
            return 0
        lines = data.split(b"\n")
        try:
            header = json.loads(lines[0])
        except ValueError:
            header = None
        if not isinstance(header, dict) or header.get("generation") != self.generation:
            return 0  # events of an older copy, already in the snapshot
        count = 0
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            try:
                if len(line) > MAX_LINE:
                    raise JournalDamaged("line too long")
                event = json.loads(line)
                if not isinstance(event, dict):
                    raise JournalDamaged("not an object")
                journal.apply(event)
                count += 1
            except (ValueError, JournalDamaged) as exc:
                last = all(not rest.strip() for rest in lines[number:])
                if last:  # a write cut short by a crash: the step was never acted on
                    log.warning("wake-up journal: the last step was cut short and is ignored (%s)", exc)
                else:
                    log.error(
                        "wake-up journal: step %d is damaged (%s); the steps after it are ignored",
                        number,
                        exc,
                    )
                break
        return count

    def _set_aside(self, path: Path, why: Exception) -> None:
        if not path.exists():
            return
        aside = path.with_name(f"{path.name}.damaged-{int(time.time())}")
        log.error("the wake-up journal %s is damaged (%s); kept as %s and started empty", path, why, aside)
        with contextlib.suppress(OSError):
            os.replace(path, aside)

    # --- writing ---------------------------------------------------------------------------------
    def record(self, event: Event) -> None:
        """Make a step durable; the dialler acts on it only after this returns."""
        line = json.dumps(event, separators=(",", ":")).encode() + b"\n"
        try:
            os.write(self._events, line)
            os.fsync(self._events)
            if self._failing:
                log.warning("the wake-up journal is written again")
            self._failing = False
        except OSError as exc:
            if not self._failing:
                log.error("the wake-up journal cannot be written (%s): steps are kept in memory only", exc)
            self._failing = True

    def write_snapshot(self, now: datetime) -> None:
        calls = [call_to_dict(c) for c in self.journal.calls.values()]
        payload = {
            "version": 1,
            "generation": self.generation + 1,
            "written_at": now.isoformat(),
            "calls": calls,
        }
        try:
            write_whole(self.snapshot_path, json.dumps(payload, separators=(",", ":")).encode())
            self.generation += 1
            os.ftruncate(self._events, 0)
            os.write(self._events, json.dumps({"generation": self.generation}).encode() + b"\n")
            os.fsync(self._events)
        except OSError as exc:
            log.error("the wake-up journal's copy cannot be written (%s)", exc)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._events)
        with contextlib.suppress(OSError):
            os.close(self._lock)
