"""One search over everyone an operator connects to: in-house guests, expected
arrivals, departments, staff and the hotel's information pages.

Matches room numbers, names in any script, romanised names (pinyin for Chinese
names: "zhangwei" and "zhang wei"), pinyin initials ("zw"), and companies.
The index is built once from ``DirectoryEntry`` rows and answers each keystroke
from memory; privacy-flagged guests carry the instruction to read instead of
their room.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class EntryKind(Enum):
    GUEST = "guest"
    ARRIVAL = "arrival"
    DEPARTMENT = "department"
    STAFF = "staff"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    kind: EntryKind
    name: str
    number: str = ""  # the extension to ring ("" for info pages)
    room: str = ""
    romanised: str = ""
    initials: str = ""
    title: str = ""
    company: str = ""
    vip_level: int = 0
    privacy: bool = False
    privacy_note: str = ""
    detail: str = ""  # department's Chinese name, info page text
    stay: int = 0  # a privacy guest in house: the stay a confirmed transfer is looked up by


def _fold(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


KIND_ORDER = {
    EntryKind.GUEST: 0,
    EntryKind.ARRIVAL: 1,
    EntryKind.DEPARTMENT: 2,
    EntryKind.STAFF: 3,
    EntryKind.INFO: 4,
}


class Directory:
    def __init__(self, entries: list[DirectoryEntry]) -> None:
        self._entries = entries
        self._keys: list[tuple[str, str, str, str, str]] = [
            (
                _fold(e.name) + " " + _fold(e.detail[:80]),
                _fold(e.romanised),
                e.initials.casefold(),
                e.room or e.number,
                _fold(e.company),
            )
            for e in entries
        ]

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, text: str, limit: int = 50) -> list[DirectoryEntry]:
        query = _fold(text)
        if not query:
            return []
        scored: list[tuple[int, int, int, DirectoryEntry]] = []
        for i, (name, romanised, initials, number, company) in enumerate(self._keys):
            entry = self._entries[i]
            if number and number.startswith(query):
                score = 0 if number == query else 1
            elif name.startswith(query) or romanised.startswith(query):
                score = 2
            elif initials and initials.startswith(query):
                score = 3
            elif query in name or query in romanised:
                score = 4
            elif company and query in company:
                score = 5
            else:
                continue
            scored.append((score, KIND_ORDER[entry.kind], i, entry))
        scored.sort(key=lambda t: (t[0], t[1], t[2]))
        return [entry for *_rest, entry in scored[:limit]]
