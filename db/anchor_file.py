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
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

CONSOLE_ANCHOR = "chain-anchor.log"
DIALLER_ANCHOR = "chain-anchor-dialler.log"
PATTERN = "chain-anchor*.log"  # what verify-log looks for in a data folder
SESSION_KEY = "chain_anchor"  # a writing session's info: the anchor file's Path (``Store.anchor``)


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


def parse_token(word: str, source: str = "given") -> Head:
    """A head typed back from a printout (``--head``); the hash may be shortened to 12 characters."""
    parts = word.strip().split(":")
    versions = None
    if len(parts) == 4 and parts[3].startswith("v") and parts[3][1:].isdigit():
        versions = int(parts[3][1:])
        parts = parts[:3]
    if len(parts) != 3 or not parts[1].isdigit() or len(parts[2]) < 12:
        raise ValueError(f"not a chain head (table:place:hash[:vN]): {word!r}")
    if any(c not in "0123456789abcdef" for c in parts[2].lower()):
        raise ValueError(f"not a chain head (hash not hexadecimal): {word!r}")
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
    unreadable: int  # lines that are not a head (a torn last line after a crash, or tampering)


def read(path: Path) -> AnchorRead:
    """Every head in the file; raises OSError when it cannot be read."""
    heads: list[Head] = []
    unreadable = 0
    with path.open("rb") as f:
        for raw in f:
            try:
                found = json.loads(raw)
                heads.append(
                    Head(
                        str(found["table"]),
                        int(found["seq"]),
                        str(found["hash"]),
                        int(found["versions"]) if found.get("versions") is not None else None,
                        str(found.get("at", "")),
                        path.name,
                    )
                )
            except (ValueError, KeyError, TypeError):
                unreadable += 1
    return AnchorRead(heads, unreadable)


def found_in(folder: Path) -> list[Path]:
    """The anchor files in a data folder (the console's, the dialler's, others copied there)."""
    return sorted(folder.glob(PATTERN)) if folder.is_dir() else []
