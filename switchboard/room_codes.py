"""Codes a room telephone dials for the PMS rather than to call anyone: a maid's room status (FIAS RE
RS) or a minibar consumption (PS, PT=M). The PBX records them like calls (the call records), and the
console turns them into what the PMS expects. The prefixes are the hotel's (``[pms] maid_code_prefix``,
``minibar_prefix``); anything but ASCII digits after them is not a code.

    *31 4        room status 4 (clean, occupied)     *31 4*207  the same, maid 207
    *32 1077     one of minibar article 1077         *32 1077*3 three of them
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

MAX_DIGITS = 16


@dataclass(frozen=True, slots=True)
class MaidCode:
    status: int  # FIAS RS 1-99
    maid: str = ""


@dataclass(frozen=True, slots=True)
class MinibarCode:
    article: str
    quantity: int = 1


RoomCode = MaidCode | MinibarCode


def _digits(text: str) -> bool:
    return 0 < len(text) <= MAX_DIGITS and text.isascii() and text.isdigit()


@dataclass(frozen=True, slots=True)
class RoomCodes:
    maid_prefix: str = ""
    minibar_prefix: str = ""

    @classmethod
    def from_settings(cls, section: Mapping[str, str]) -> RoomCodes:
        return cls(section.get("maid_code_prefix", "").strip(), section.get("minibar_prefix", "").strip())

    def read(self, dialled: str) -> RoomCode | None:
        """The code in ``dialled`` (as the call record has it), or None for an ordinary call."""
        number = dialled.strip().replace(" ", "")
        for prefix, make in ((self.maid_prefix, self._maid), (self.minibar_prefix, self._minibar)):
            if prefix and number.startswith(prefix):
                return make(number[len(prefix) :])
        return None

    @staticmethod
    def _maid(rest: str) -> MaidCode | None:
        status, _, maid = rest.partition("*")
        if not _digits(status) or not 1 <= int(status) <= 99 or (maid and not _digits(maid)):
            return None
        return MaidCode(int(status), maid)

    @staticmethod
    def _minibar(rest: str) -> MinibarCode | None:
        article, _, quantity = rest.partition("*")
        if not _digits(article) or (quantity and not _digits(quantity)):
            return None
        count = int(quantity) if quantity else 1
        return MinibarCode(article, count) if 1 <= count <= 99 else None
