"""What a profile's fields mean for a call: direction, the hotel's telephone, answered or not.

The generic rules serve every profile a hotel's engineer writes and the built-in fixed-column
formats; Avaya and Asterisk need more (``dialects.py``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from switchboard.smdr.profile import SKIP
from switchboard.smdr.records import CallRecord, Direction
from switchboard.smdr.timefmt import seconds

if TYPE_CHECKING:
    from switchboard.smdr.parser import ProfileParser


class BadLine(ValueError):
    """A line that is no record of this format; the message says which field and why."""


def interpret(parser: ProfileParser, values: dict[str, str], line: str) -> CallRecord | None:
    p = parser.profile
    number = values.get("number", "")
    extension = values.get("extension", "")
    trunk = values.get("trunk", "")
    if p.direction_field:
        code = values[p.direction_field]
        meaning = p.direction_codes.get(code)
        if meaning is None:
            raise BadLine(f"{p.direction_field} {code!r} is not one of the documented codes")
        if meaning == SKIP:
            return None
        assert isinstance(meaning, Direction)
        direction = meaning
    elif p.number_marks:
        direction = Direction.OUTGOING
        for mark, marked in p.number_marks:
            if mark.startswith("$") and number.endswith(mark[1:]):
                direction, number = marked, number[: -len(mark) + 1].strip()
                break
            if number.startswith(mark):
                direction = marked
                number = number.rpartition(">")[2].strip() if mark.startswith("<") else number[len(mark) :]
                break
    else:
        direction, extension, number, party_trunk = parties(parser, values)
        trunk = trunk or party_trunk
    answered = True
    unanswered_field, _, unanswered_text = p.unanswered.rpartition("=")
    unanswered_field = unanswered_field or "extension"
    if p.unanswered and values.get(unanswered_field) == unanswered_text:
        answered = False
        if unanswered_field == "extension":
            extension = ""
    account = values.get("account", "")
    if not answered and unanswered_field == "account":
        account = ""
    ring_text = values.get("ring", "")
    if ring_text and set(ring_text) == {"*"}:
        answered, ring_text = False, ""
    duration = seconds(values.get("duration", ""))
    if "answered" in values:
        answered = answered and (
            bool(values["answered"]) if "*" in p.answered_codes else values["answered"] in p.answered_codes
        )
    elif "duration" in values and duration == 0:
        answered = False
    started = parser.started(values)
    if p.time_is_end:
        started -= timedelta(seconds=duration)
    return CallRecord(
        started_at=started,
        extension=extension,
        direction=direction,
        number=number.rstrip(">"),
        duration_s=duration,
        ring_s=seconds(ring_text),
        trunk=trunk,
        call_type=values.get("type", "") or direction.value,
        answered=answered,
        account=account.rstrip("*").strip(),
        call_id=values.get("call_id", ""),
        segment=parser.segment(values.get("call_id", ""), False),
        raw=line,
        pbx_charge=values.get("charge", ""),
        currency=values.get("currency", ""),
    )


def parties(parser: ProfileParser, values: dict[str, str]) -> tuple[Direction, str, str, str]:
    """Direction, extension, other number and trunk from who called whom: the party that is one of
    the hotel's telephones (the profile's ``station``) is the extension."""
    p = parser.profile
    if p.station is None:
        raise BadLine("the profile says neither direction codes nor which party is a telephone")
    caller, called = values.get("caller", ""), values.get("called", "")

    def station(party: str) -> str | None:
        if p.trunk_party is not None and p.trunk_party.fullmatch(party):
            return None
        found = p.station.fullmatch(party) if p.station is not None else None
        if found is None:
            return None
        return found[1] if found.re.groups else found[0]

    def trunk(party: str) -> str:
        return party if p.trunk_party is not None and p.trunk_party.fullmatch(party) else ""

    from_station, to_station = station(caller), station(called)
    if from_station is not None and to_station is not None:
        return Direction.INTERNAL, from_station, to_station, ""
    if from_station is not None:
        return Direction.OUTGOING, from_station, values.get("number") or called, trunk(called)
    if to_station is not None:  # a trunk as the caller says which line, not who called
        return Direction.INCOMING, to_station, "" if trunk(caller) else caller, trunk(caller)
    return Direction.INCOMING, "", caller, trunk(caller)
