"""The rules two built-in formats need beyond the generic ones.

Avaya IP Office writes one record per call segment, says on each whether more follow, and names
the parties as devices (``E`` extension, ``T`` trunk line, ``V`` voicemail and other); calls the
system placed on its own (mobile twinning, forwarding, a conference) carry an External Targeting
Cause. Asterisk's cdr_csv names the station side only through the channels: the answering
telephone of an incoming call is in ``dstchannel`` (``dst`` is the number dialled, a DID), the room
of an outgoing call is the endpoint of ``channel`` whatever caller ID it showed; ``Local/…;2``
halves of a chain stand between a trunk and the telephone, or between a telephone and a trunk
(then the leg from the telephone, same linkedid, says whose call it is). Which channel names are trunks comes
from the hotel's trunk list (``[smdr] trunks``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from switchboard.smdr.records import CallRecord, Direction
from switchboard.smdr.rules import BadLine
from switchboard.smdr.timefmt import seconds

if TYPE_CHECKING:
    from switchboard.smdr.parser import ProfileParser


def avaya(parser: ProfileParser, values: dict[str, str], line: str) -> CallRecord | None:
    # The profile's checks already hold each field to its documented values (0/1, I/O, devices).
    party1, party2 = values["party1"], values["party2"]
    kind1, kind2 = party1[:1], party2[:1]
    extension = party1[1:] if kind1 == "E" else party2[1:] if kind2 == "E" else ""
    trunk = party1[1:] if kind1 == "T" else party2[1:] if kind2 == "T" else ""
    if values["is_internal"] == "1":
        direction = Direction.INTERNAL
    elif values["direction"] == "I":
        direction = Direction.INCOMING
    else:
        direction = Direction.OUTGOING
    number = values["caller"] if direction is Direction.INCOMING else values["called"]
    if direction is Direction.INTERNAL and extension and extension == values["called"]:
        number = values["caller"]  # the segment's telephone was the one called
    talk = seconds(values["duration"])
    continued = values["continuation"] == "1"
    return CallRecord(
        started_at=parser.started(values),
        extension=extension,
        direction=direction,
        number=number,
        duration_s=talk,
        ring_s=int(values["ring"]),
        trunk=trunk,
        call_type=direction.name.lower(),
        answered=talk > 0,
        account=values.get("account", ""),
        call_id=values["call_id"],
        raw=line,
        continued=continued,
        segment=parser.segment(values["call_id"], continued),
        hold_s=int(values["hold"]),
        park_s=int(values["park"]),
        pbx_charge=values.get("charge", ""),
        currency=values.get("currency", ""),
        # made by the PBX (forwarding, twinning, a conference...), not the room's to pay for; "U" alone
        # is the user's own call out
        system_made="" if values.get("targeting", "").strip() in ("", "U") else values.get("targeting", ""),
    )


_STATION_TECHS = ("SIP", "PJSIP", "IAX2", "DAHDI", "SCCP", "Skinny", "UNISTIM", "MGCP", "H323", "OOH323")


def channel_peer(channel: str) -> tuple[str, str]:
    """(technology, endpoint) of a channel name: ``PJSIP/301-0000000a`` → (PJSIP, 301);
    ``Local/ch1@ctx-00000006;2`` → (Local, ch1@ctx)."""
    tech, sep, rest = channel.partition("/")
    if not sep:
        return "", ""
    if tech == "Local":
        return tech, rest.rpartition(";")[0].rpartition("-")[0] or rest
    peer = rest.rpartition("-")[0] if "-" in rest else rest
    return tech, peer.partition("@")[0] if tech == "SIP" and "@" in peer else peer


def _side(channel: str, trunks: frozenset[str]) -> tuple[str, str]:
    """("station", extension), ("trunk", name), ("local", "") or ("", "") for none."""
    if not channel:
        return "", ""
    tech, peer = channel_peer(channel)
    if tech == "Local":
        return "local", ""
    if tech not in _STATION_TECHS or not peer:
        return "", ""
    if trunks:
        return ("trunk", peer) if peer in trunks else ("station", peer)
    return ("station", peer) if peer.isdigit() else ("trunk", peer)


def asterisk(parser: ProfileParser, values: dict[str, str], line: str) -> CallRecord | None:
    source, source_name = _side(values["channel"], parser.trunks)
    dest, dest_name = _side(values["dstchannel"], parser.trunks)
    src, dst = values["src"], values["dst"]
    group = values.get("linkedid", "") or values.get("uniqueid", "")
    if source in ("station", "trunk"):
        parser.remember(group, (source, source_name))
    system_made = ""
    if source == "station":
        extension, trunk = source_name, dest_name if dest == "trunk" else ""
        direction = {"trunk": Direction.OUTGOING, "station": Direction.INTERNAL}.get(dest, Direction.INTERNAL)
        number = dest_name if dest == "station" else dst
    elif dest == "station":
        extension, trunk, number = dest_name, source_name if source == "trunk" else "", src
        direction = Direction.INCOMING
    elif source == "local" and dest == "trunk":
        # A Local chain dialling out: the room's call if a telephone began this call (its leg into
        # the chain came first); otherwise forwarding or follow-me, which no room pays for.
        origin = parser.recalled(group)
        extension, trunk, number, direction = "", dest_name, dst, Direction.OUTGOING
        if origin is not None and origin[0] == "station":
            extension = origin[1]
        else:
            system_made = "Local chain to a trunk"
    elif source == "trunk":
        extension, trunk, number, direction = "", source_name, src, Direction.INCOMING
    else:
        raise BadLine(f"channel {values['channel']!r} is neither a telephone, a trunk nor a Local chain")
    billsec = int(values["duration"])
    total = int(values["total"])
    if billsec > total:
        raise BadLine(f"billsec {billsec} is longer than the duration {total}")
    started = parser.started(values)
    if values["end"] < values["start"]:
        raise BadLine(f"end {values['end']!r} is before start {values['start']!r}")
    uniqueid, linkedid = values.get("uniqueid", ""), values.get("linkedid", "")
    return CallRecord(
        started_at=started,
        extension=extension,
        direction=direction,
        number=number,
        duration_s=billsec,
        ring_s=total - billsec,
        trunk=trunk,
        call_type=values.get("type", ""),
        answered=values["answered"] == "ANSWERED",
        account=values.get("account", ""),
        call_id=linkedid or uniqueid,
        segment=parser.segment(linkedid or uniqueid, False),
        raw=line,
        system_made=system_made,
    )


RULES: dict[str, Callable[[ProfileParser, dict[str, str], str], CallRecord | None]] = {
    "avaya": avaya,
    "asterisk": asterisk,
}
