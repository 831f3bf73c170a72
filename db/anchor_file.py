"""The anchor of the hash chains outside the database: each chain head a position wrote, appended.

A hash chain shows a row changed or deleted in its middle, but the newest rows can be deleted by
SQL and what is left still verifies.  So after every commit that adds a link, the position appends
the new head of each chain it sealed (table, place, hash) to a file in its data folder, one JSON
line each, fsynced, 0600: ``chain-anchor.log`` for the console, ``chain-anchor-dialler.log`` for
the dialler.  Someone with a database login alone cannot reach it; ``main.py --verify-log``
(``db/chain_anchor.py``) checks the chains against every head it holds.

A head of ``logbook_entries`` also carries the place the ``logbook_versions`` chain had reached
(``versions``): an edit while the shift is open re-seals the entries after the edited one, and the
kept old texts up to that place say what each entry read when the head was written.

A line counts only when it is a whole head: a chain's name, a place from 1, the full hash (64 hex
characters); a line that is not (a torn last line after a crash, or one doctored) is reported by its
number and why, and anchors nothing.  A head typed from paper may shorten the hash to 12 characters.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

log = logging.getLogger(__name__)

CONSOLE_ANCHOR = "chain-anchor.log"
DIALLER_ANCHOR = "chain-anchor-dialler.log"
PATTERN = "chain-anchor*.log"  # what verify-log looks for in a data folder
SESSION_KEY = "chain_anchor"  # a writing session's info: the anchor file's Path (``Store.anchor``)
CHAINS = ("audit_log", "logbook_entries", "logbook_versions")  # the tables ``db/chain.py`` seals
HASH_HEX = 64  # a link's hash: SHA-256 in hexadecimal
SHORTEST = 12  # the fewest hash characters a head typed from paper may keep
_HEX = re.compile(r"[0-9a-f]+")
_LAST_PLACE = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Head:
    """A chain's newest link as a position saw it: ``source`` says where (file name, or paper)."""

    table: str
    seq: int
    hash: str
    versions: int | None = None  # logbook_entries only: the logbook_versions place at that moment
    at: str = ""  # when it was written (UTC, ISO), for the reader of a report
    source: str = ""

    def line(self) -> str:
        found: dict[str, object] = {"at": self.at, "table": self.table, "seq": self.seq, "hash": self.hash}
        if self.versions is not None:
            found["versions"] = self.versions
        return json.dumps(found, separators=(",", ":"))

    def token(self) -> str:
        """The head as one word for a printout: ``table:place:hash`` (``:vN``, the versions place)."""
        word = f"{self.table}:{self.seq}:{self.hash}"
        return word if self.versions is None else f"{word}:v{self.versions}"


def hash_problem(value: object, shortest: int = HASH_HEX) -> str | None:
    """Why ``value`` is not a link's hash (or a prefix of one, ``shortest`` characters or more), or None."""
    if not isinstance(value, str):
        return "the hash is not text"
    if not _HEX.fullmatch(value.lower()):
        return "the hash is not hexadecimal" if value else "the hash is empty"
    if shortest == HASH_HEX and len(value) != HASH_HEX:
        return f"the hash has {len(value)} characters, not {HASH_HEX}"
    if not shortest <= len(value) <= HASH_HEX:
        return f"the hash has {len(value)} characters, not {shortest} to {HASH_HEX}"
    return None


def parse_token(word: str, source: str = "given") -> Head:
    """A head typed back from a printout (``--head``); the hash may be shortened to 12 characters."""
    parts = word.strip().split(":")
    versions = None
    if len(parts) == 4 and parts[3].startswith("v") and parts[3][1:].isdigit():
        versions = int(parts[3][1:])
        parts = parts[:3]
    if len(parts) != 3 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= _LAST_PLACE:
        raise ValueError(f"not a chain head (table:place:hash[:vN]): {word!r}")
    if parts[0] not in CHAINS:
        raise ValueError(f"not a chain head (no chain is called {parts[0]!r}): {word!r}")
    problem = hash_problem(parts[2], SHORTEST)
    if problem is not None:
        raise ValueError(f"not a chain head ({problem}): {word!r}")
    return Head(parts[0], int(parts[1]), parts[2].lower(), versions, source=source)


def append(path: Path, heads: Iterable[Head]) -> None:
    """Append the heads in one write and fsync them; the file is created 0600."""
    data = "".join(h.line() + "\n" for h in heads).encode()
    if not data:
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class AnchorRead:
    heads: list[Head]
    problems: list[str]  # "line N: why", for each line that is not a head (torn, or doctored)

    @property
    def unreadable(self) -> int:
        return len(self.problems)


def read(path: Path) -> AnchorRead:
    """Every well-formed head in the file, and why each other line is not one; OSError when unreadable."""
    heads: list[Head] = []
    problems: list[str] = []
    with path.open("rb") as f:
        for number, raw in enumerate(f, start=1):
            try:
                heads.append(_head(raw, path.name))
            except ValueError as exc:
                problems.append(f"line {number}: {exc}")
    return AnchorRead(heads, problems)


def _head(raw: bytes, source: str) -> Head:
    """One line as a head; ValueError saying what is wrong with it."""
    try:
        found = json.loads(raw)
    except ValueError:
        raise ValueError("not a JSON line") from None
    if not isinstance(found, dict):
        raise ValueError("not a JSON object")
    table, seq, versions = found.get("table"), found.get("seq"), found.get("versions")
    at = found.get("at", "")
    if table not in CHAINS:
        raise ValueError("no chain's name as its table")
    if not _place(seq) or seq == 0:
        raise ValueError("its place is not a whole number from 1")
    problem = hash_problem(found.get("hash"))
    if problem is not None:
        raise ValueError(problem)
    if versions is not None and (table != "logbook_entries" or not _place(versions)):
        raise ValueError("its versions place is not a whole number, or not on a logbook_entries head")
    if not isinstance(at, str):
        raise ValueError("its time is not text")
    return Head(str(table), seq, str(found["hash"]).lower(), versions, at, source)


def _place(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _LAST_PLACE


def found_in(folder: Path) -> list[Path]:
    """The anchor files in a data folder (the console's, the dialler's, others copied there)."""
    return sorted(folder.glob(PATTERN)) if folder.is_dir() else []
