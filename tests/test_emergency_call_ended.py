"""The end of an emergency call on the dialog-info path, and one unkeyed alarm per room while its call is
up: the terminated dialog (RFC 4235 §4.1.6.2) read as pure logic, the alarm book on SQLite and
PostgreSQL, and ``uq_emergencies_unkeyed_up`` holding two positions to one alarm.

The sample is what the lab's Kamailio 5.6.3 sent a BLF watcher of 1208 when 1208 dialled 0110 and the
trunk refused it (tests/test_emergency_dialogs.py, KAMAILIO_TRYING; the next NOTIFY said "terminated")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from db import emergencies
from db.emergencies import SqlEmergencies
from db.rows import EmergencyRow
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.dialoginfo import DialogInfo, names_extension, parse_dialog_info
from switchboard.emergency import EmergencyCallEnded, EmergencyDialled, EmergencyNumbers, Source
from switchboard.emergency_dialogs import UNKEYED, EmergencyDialogs, ended_in
from switchboard.hotel import Actor

AT = datetime(2026, 3, 4, 2, 15, tzinfo=UTC)
NUMBERS = EmergencyNumbers()
P1 = Actor.link("P1")

KAMAILIO = """<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="3" state="full" entity="sip:1208@127.0.0.1">
  <dialog id="padi-6b143469-1192-1"{call_id} direction="{direction}">
    <state>{state}</state>
    <remote>
      <identity>sip:{number}@127.0.0.1:37987</identity>
      <target uri="sip:{number}@127.0.0.1:37987"/>
    </remote>
  </dialog>
</dialog-info>"""
CALL_ID = "ef5be6de6cd84703a3f73de803b641b4@raw"


def _info(
    state: str = "terminated", number: str = "0110", call_id: str = CALL_ID, direction: str = "initiator"
) -> DialogInfo:
    attr = f' call-id="{call_id}"' if call_id else ""
    info = parse_dialog_info(KAMAILIO.format(call_id=attr, state=state, number=number, direction=direction))
    assert info is not None
    return info


def test_a_terminated_emergency_dialog_is_the_calls_end() -> None:
    (over,) = ended_in("1208", _info(), NUMBERS, AT)
    assert over == EmergencyCallEnded(CALL_ID, "1208", "110", AT)
    (unkeyed,) = ended_in("1208", _info(call_id=""), NUMBERS, AT)
    assert unkeyed.call_key == f"{UNKEYED}1208:padi-6b143469-1192-1"  # the told key without its minute


@pytest.mark.parametrize(
    "state,number,direction",
    [
        ("confirmed", "0110", "initiator"),
        ("terminated", "2001", "initiator"),
        ("terminated", "110", "recipient"),
    ],
)
def test_nothing_else_ends_a_call(state: str, number: str, direction: str) -> None:
    assert ended_in("1208", _info(state, number, direction=direction), NUMBERS, AT) == []


def test_a_position_tells_the_end_once() -> None:
    watch = EmergencyDialogs()
    assert len(watch.ended("1208", _info(), NUMBERS, AT)) == 1
    assert watch.ended("1208", _info(), NUMBERS, AT + timedelta(minutes=2)) == []  # a renewed subscription


def test_a_document_is_about_the_extension_its_entity_names() -> None:
    info = _info()
    assert names_extension(info, "1208")  # Kamailio writes sip:1208@127.0.0.1, we subscribed host:port
    assert not names_extension(info, "1209")
    assert ended_in("1209", info, NUMBERS, AT) == []
    other = parse_dialog_info(
        KAMAILIO.replace("sip:1208@127.0.0.1", "sip:127.0.0.1").format(
            call_id="", state="early", number="2001", direction="initiator"
        )
    )
    assert other is not None and not names_extension(other, "1208")  # an entity with no user is nobody's


def _raise(book: SqlEmergencies, key: str, at: datetime, source: Source = Source.LAMPS) -> tuple[int, bool]:
    alarm, new = book.raise_alarm(EmergencyDialled(key, "1208", "110", at, source), P1)
    return alarm.id, new


def _up(book: SqlEmergencies) -> list[bool]:
    return [a.up for a in book.open_alarms()]


def test_the_call_id_ends_its_alarm_once(store: Store, clock: FakeClock) -> None:
    book = SqlEmergencies(store, clock)
    _raise(book, CALL_ID, clock.now())
    assert book.call_ended(EmergencyCallEnded("another-call", "1208", "110", clock.now()), P1) is False
    assert _up(book) == [True]
    over = EmergencyCallEnded(CALL_ID, "1208", "110", clock.now())
    assert book.call_ended(over, P1) is True
    assert book.call_ended(over, P1) is False  # the second position finds it ended
    assert _up(book) == [False]


def test_without_a_call_id_the_dialog_ends_its_alarm_at_any_minute(store: Store, clock: FakeClock) -> None:
    book = SqlEmergencies(store, clock)
    _raise(book, f"{UNKEYED}1208:d1:202603040215", clock.now())
    clock.advance(timedelta(minutes=7))
    assert not book.call_ended(EmergencyCallEnded(f"{UNKEYED}1208:d", "1208", "110", clock.now()), P1)
    assert book.call_ended(EmergencyCallEnded(f"{UNKEYED}1208:d1", "1208", "110", clock.now()), P1)
    assert _up(book) == [False]


def test_without_a_call_id_the_dialog_ends_the_alarm_the_message_raised(
    store: Store, clock: FakeClock
) -> None:
    book = SqlEmergencies(store, clock)
    message, _ = _raise(book, "c-9@pbx", clock.now(), Source.PBX)
    joined, new = _raise(book, f"{UNKEYED}1208:d1:202603040215", clock.now() + timedelta(seconds=1))
    assert joined == message and not new
    clock.advance(timedelta(minutes=4))
    assert book.call_ended(EmergencyCallEnded(f"{UNKEYED}1208:d1", "1208", "110", clock.now()), P1)
    assert _up(book) == [False]


def test_an_unkeyed_dialog_joins_the_alarm_whose_call_is_up_however_late(
    store: Store, clock: FakeClock
) -> None:
    book = SqlEmergencies(store, clock)
    first, _ = _raise(book, f"{UNKEYED}1208:d1:202603040215", clock.now())
    clock.advance(timedelta(hours=1))
    again, new = _raise(book, f"{UNKEYED}1208:d1:202603040315", clock.now())
    assert again == first and not new
    book.call_ended(EmergencyCallEnded(f"{UNKEYED}1208:d1", "1208", "110", clock.now()), P1)
    clock.advance(timedelta(minutes=2))  # the room calls again: a new call, a new alarm
    second, new = _raise(book, f"{UNKEYED}1208:d2:202603040317", clock.now())
    assert new and second != first


def test_two_unkeyed_alarms_of_a_room_and_number_cannot_be_up_at_once(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two positions raising the same call in the same moment, each under its own minute's key, both
    past the check: the database keeps one, and the one that loses is given the other's alarm."""
    book = SqlEmergencies(store, clock)

    def row(key: str, up: bool = True) -> EmergencyRow:
        return EmergencyRow(
            call_key=key,
            extension="1208",
            room_number="",
            number="110",
            at=clock.now(),
            source="lamps",
            up=up,
            occupants=[],
            acknowledged_by="",
            acknowledged_position="",
        )

    with store.unit() as s:
        s.add(row(f"{UNKEYED}1208:d1:202603040215"))
    with pytest.raises(IntegrityError), store.unit() as s:
        s.add(row(f"{UNKEYED}1208:d1:202603040216"))
    with store.unit() as s:  # an ended one, or one under a Call-ID, is not held by it
        s.add(row(f"{UNKEYED}1208:d0:202603040200", up=False))
        s.add(row("c-1@pbx"))
    # raise_alarm's own race: its check found nothing (as if the other position's row were not yet
    # committed), the insert is refused, and the alarm it returns is the other position's.
    monkeypatch.setattr(emergencies, "_same_live_call", lambda *_a: None)
    alarm, new = book.raise_alarm(
        EmergencyDialled(f"{UNKEYED}1208:d1:202603040217", "1208", "110", clock.now(), Source.LAMPS), P1
    )
    assert not new and alarm.call_key == f"{UNKEYED}1208:d1:202603040215"
