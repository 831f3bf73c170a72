"""How a captured call-record stream reads under a profile, line by line and field by field.

For the engineer who sets up a PBX's call records (``main.py --smdr-preview FILE --format NAME``):
each line with its fields as the profile cuts them and the call they make, or why the line is bad,
and a count at the end. Pure: bytes and a profile in, text out.
"""

from __future__ import annotations

from datetime import date

from switchboard.link_monitor import frame_text
from switchboard.smdr.framing import BadBytes, LengthFramer, LineFramer
from switchboard.smdr.parser import ProfileParser
from switchboard.smdr.profile import Profile
from switchboard.smdr.records import CallRecord

MAX_SHOWN = 160  # characters of a line shown


def render_preview(
    data: bytes,
    profile: Profile,
    *,
    today: date | None = None,
    trunks: frozenset[str] = frozenset(),
    length_framing: bool | None = None,
) -> str:
    """``length_framing`` None: as the profile frames TCP (a capture of plain lines reads either way)."""
    parser = ProfileParser(profile, today, trunks=trunks)
    if length_framing is None:
        length_framing = profile.tcp_framing == "length32"
    framer: LineFramer | LengthFramer = LengthFramer() if length_framing else LineFramer()
    layout = "fixed columns" if profile.layout == "fixed" else f"CSV, delimiter {profile.delimiter!r}"
    out = [f"Format {profile.name} ({layout})"]
    if profile.documented:
        out.append(f"  from: {profile.documented}")
    counts = {"record": 0, "bad": 0, "not a call": 0}
    number = 0
    for piece in framer.feed(data) + framer.feed(b"\n"):
        number += 1
        if isinstance(piece, BadBytes):
            out += [f"line {number}: {_shown(piece.data)}", f"  BAD: {piece.why}"]
            counts["bad"] += 1
            continue
        text = piece.decode("utf-8", errors="replace")
        reading = parser.explain(text)
        out.append(f"line {number}: {_shown(piece)}")
        width = max((len(name) for name, _ in reading.fields), default=0)
        out += [f"  {name.ljust(width)}  {value!r}" for name, value in reading.fields]
        if reading.error:
            out.append(f"  BAD: {reading.error}")
            counts["bad"] += 1
            if reading.record is not None:
                out.append(f"  a record begins at character {reading.salvaged_at + 1}:")
                out.append(f"  -> {_call(reading.record)}")
                counts["record"] += 1
        elif reading.record is None:
            out.append("  not a call (skipped)")
            counts["not a call"] += 1
        else:
            out.append(f"  -> {_call(reading.record)}")
            counts["record"] += 1
    out.append(
        f"{number} lines: {counts['record']} records, {counts['bad']} bad, {counts['not a call']} not calls"
    )
    return "\n".join(out) + "\n"


def _shown(data: bytes) -> str:
    text = frame_text(data[: MAX_SHOWN + 1])
    return text[:MAX_SHOWN] + ("…" if len(data) > MAX_SHOWN else "")


def _call(r: CallRecord) -> str:
    parts = [
        r.direction.value,
        f"extension {r.extension or '-'}",
        f"number {r.number or '-'}",
        f"started {r.started_at:%Y-%m-%d %H:%M:%S}",
        f"talk {r.duration_s} s",
        f"ring {r.ring_s} s",
        "answered" if r.answered else "not answered",
    ]
    extras = {
        "trunk": r.trunk,
        "type": r.call_type,
        "account": r.account,
        "call": r.call_id,
        "charge": f"{r.pbx_charge} {r.currency}".strip(),
        "made by the PBX": r.system_made,
    }
    parts += [f"{key} {value}" for key, value in extras.items() if value]
    if r.hold_s or r.park_s:
        parts.append(f"hold {r.hold_s} s, park {r.park_s} s")
    if r.continued:
        parts.append("more segments follow")
    return ", ".join(parts)
