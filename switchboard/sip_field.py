"""Which extensions the lamp field shows and subscribes on a SIP PBX, from ``[pbx] field``.

The setting is a list of extensions and ranges, such as ``301-2099, 8000-8090, 9``; empty means every
extension the console knows. A hotel with 2,000 telephones may want only guest floors and departments
on the field, and every lamp shown is one SIP subscription on the PBX.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from switchboard.errors import InputError

MAX_SPEC = 2000


@dataclass(frozen=True, slots=True)
class FieldRange:
    low: int
    high: int

    def holds(self, extension: str) -> bool:
        return extension.isdigit() and self.low <= int(extension) <= self.high


def parse_field(spec: str) -> list[FieldRange]:
    """The ranges of a ``field`` setting; raises InputError naming the part it cannot read."""
    if len(spec) > MAX_SPEC:
        raise InputError("sip.field_too_long", "The list of extensions is too long", limit=MAX_SPEC)
    ranges: list[FieldRange] = []
    for part in spec.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        low, dash, high = part.partition("-")
        low, high = low.strip(), high.strip() if dash else low.strip()
        digits = low.isascii() and low.isdigit() and high.isascii() and high.isdigit()
        if not digits or int(low) > int(high):
            raise InputError(
                "sip.field_part", f"{part!r} is not an extension or a range such as 301-399", part=part
            )
        ranges.append(FieldRange(int(low), int(high)))
    return ranges


def on_field(extensions: Iterable[str], ranges: list[FieldRange]) -> list[str]:
    """The extensions the field shows, in the order given; no ranges means all of them."""
    if not ranges:
        return list(extensions)
    return [e for e in extensions if any(r.holds(e) for r in ranges)]
