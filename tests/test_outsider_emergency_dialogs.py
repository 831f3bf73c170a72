"""Outside tests of the emergency alarm's dialog-info path: the console's own lamp field (``SipLamps``
and its ``BlfWatcher`` on a real UDP socket) subscribed to a notifier written from RFC 6665 / RFC 4235
(tests/outsider_emergency_peer.py), and the alarm book on a real database.

Bodies are RFC 4235 documents (§4.1 dialog-info, §4.1.6 dialog with direction, state, <remote>
identity and target). Kamailio's pua_dialoginfo with include_callid and include_localremote puts
the call's Call-ID in ``call-id`` and the called party in ``<remote>``, as these do."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from db.emergencies import SqlEmergencies
from db.store import Store
from hardware.sip.sip_lamps import SipLamps
from switchboard.clock import FakeClock
from switchboard.emergency import EmergencyDialled, Source
from switchboard.hotel import Actor
from switchboard.pbx import LampChanged, LampState, PositionSettings
from tests.outsider_emergency_peer import DialogNotifier, document

ROOM = "1208"
OTHER = "1209"
ENTITY = "sip:1208@127.0.0.1"


@dataclass
class Rig:
    notifier: DialogNotifier
    lamps: SipLamps
    store: Store
    clock: FakeClock
    told: list[EmergencyDialled] = field(default_factory=list)
    raised: list[tuple[int, bool]] = field(default_factory=list)
    shown: list[LampChanged] = field(default_factory=list)

    def lamp(self, extension: str) -> LampState:
        return self.lamps.shown(extension)

    def send(
        self, body: str | bytes, extension: str = ROOM, state: str = "active;expires=3600", wait: float = 2.0
    ) -> int | None:
        return self.notifier.notify(extension, body, state=state, wait=wait)

    def doc(self, dialogs: list[dict[str, str]], extension: str = ROOM, **kw: str) -> str:
        version = self.notifier.next_version(extension)
        return document(f"sip:{extension}@127.0.0.1", version, dialogs, **kw)


def _at_once(job: Callable[[], object]) -> None:
    job()


def _make(store: Store, clock: FakeClock, notifier: DialogNotifier, name: str = "P1") -> Rig:
    rig_holder: list[Rig] = []

    def emergency(told: EmergencyDialled) -> None:
        rig = rig_holder[0]
        rig.told.append(told)
        alarm, new = SqlEmergencies(store, clock).raise_alarm(told, Actor.link(name))
        rig.raised.append((alarm.id, new))

    lamps = SipLamps(
        PositionSettings(server=notifier.domain, extension="9"),
        clock,
        lambda e: rig_holder[0].shown.append(e) if isinstance(e, LampChanged) else None,
        in_sip_thread=_at_once,
        went_idle=lambda _ext: None,
        emergency=emergency,
        emergency_ended=lambda over: SqlEmergencies(store, clock).call_ended(over, Actor.link(name)),
    )
    rig = Rig(notifier, lamps, store, clock)
    rig_holder.append(rig)
    return rig


@pytest.fixture
def rig(sqlite_store: Store, clock: FakeClock) -> Iterator[Rig]:
    notifier = DialogNotifier()
    rig = _make(sqlite_store, clock, notifier)
    rig.lamps.watch([ROOM, OTHER])
    notifier.wait_subscribed(ROOM)
    notifier.wait_subscribed(OTHER)
    try:
        yield rig
    finally:
        rig.lamps.stop()
        notifier.close()


def _settle(rig: Rig, expected: LampState, extension: str = ROOM, timeout: float = 2.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and rig.lamp(extension) is not expected:
        time.sleep(0.01)
    assert rig.lamp(extension) is expected, (extension, rig.lamp(extension), expected)


def _raised(rig: Rig, count: int, timeout: float = 2.0) -> None:
    """Wait until the alarm book has been asked ``count`` times (the watcher answers the NOTIFY first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(rig.raised) < count:
        time.sleep(0.01)
    time.sleep(0.1)  # and nothing more comes
    assert len(rig.raised) == count, rig.told


def _police(
    number: str = "0110", state: str = "early", call_id: str = "c-1@room", **kw: str
) -> dict[str, str]:
    return {
        "id": kw.get("id", "d1"),
        "call_id": call_id,
        "direction": kw.get("direction", "initiator"),
        "state": state,
        "remote": kw.get("remote", f"sip:{number}@127.0.0.1"),
        "local": ENTITY,
    }


def _alarms(store: Store) -> list[tuple[str, str, str]]:
    return [(a.extension, a.number, a.call_key) for a in SqlEmergencies(store, FakeClock_now()).open_alarms()]


def FakeClock_now() -> FakeClock:
    from datetime import UTC, datetime

    return FakeClock(datetime.now(UTC))


@pytest.mark.parametrize(
    "number,expected", [("110", "110"), ("0110", "110"), ("0911", "911"), ("120", "120")]
)
def test_an_initiator_dialog_to_an_emergency_number_raises_one_alarm(
    rig: Rig, number: str, expected: str
) -> None:
    for state in ("trying", "early", "confirmed"):
        assert rig.send(rig.doc([_police(number, state)])) == 200
    _settle(rig, LampState.BUSY)
    _raised(rig, 1)
    assert [(t.extension, t.number, t.source) for t in rig.told] == [(ROOM, expected, Source.LAMPS)]
    assert [new for _id, new in rig.raised] == [True]
    assert _alarms(rig.store) == [(ROOM, expected, "c-1@room")]


def test_a_recipient_dialog_from_an_emergency_number_raises_nothing(rig: Rig) -> None:
    # The police calling the room back (RFC 4235 §4.1.6.1: direction "recipient").
    for state in ("early", "confirmed"):
        assert rig.send(rig.doc([_police("110", state, direction="recipient")])) == 200
    _settle(rig, LampState.BUSY)
    assert rig.told == [] and _alarms(rig.store) == []


def test_confirmed_then_terminated_does_not_raise_again(rig: Rig) -> None:
    assert rig.send(rig.doc([_police("0119", "confirmed")])) == 200
    assert rig.send(rig.doc([_police("0119", "terminated")])) == 200
    _settle(rig, LampState.IDLE)
    assert rig.send(rig.doc([])) == 200  # RFC 4235 §4.1: a full document with no dialogs
    _raised(rig, 1)
    assert len(rig.told) == 1 and len(_alarms(rig.store)) == 1


def test_after_the_room_hangs_up_the_alarm_says_the_call_ended(rig: Rig) -> None:
    assert rig.send(rig.doc([_police("110", "confirmed")])) == 200
    assert rig.send(rig.doc([_police("110", "terminated")])) == 200
    _settle(rig, LampState.IDLE)
    _raised(rig, 1)
    (alarm,) = SqlEmergencies(rig.store, rig.clock).open_alarms()
    assert alarm.up is False


def test_a_renewed_subscription_does_not_bring_back_the_call(rig: Rig) -> None:
    assert rig.send(rig.doc([_police("110", "confirmed")])) == 200
    _raised(rig, 1)
    ((alarm_id, _new),) = rig.raised
    SqlEmergencies(rig.store, rig.clock).acknowledge(alarm_id, Actor.link("P1"))  # handled
    old = rig.notifier.subs[ROOM].call_id
    # RFC 6665 §4.2.2: the notifier ends the subscription; the watcher subscribes afresh and the new
    # subscription's first NOTIFY is full state, version 0, naming the call that is still up.
    assert rig.send(rig.doc([_police("110", "confirmed")]), state="terminated;reason=timeout") == 200
    rig.notifier.wait_subscribed(ROOM, after=old)
    rig.notifier.subs[ROOM].version = 0
    rig.clock.advance(timedelta(minutes=3))
    assert rig.send(rig.doc([_police("110", "confirmed")])) == 200
    _settle(rig, LampState.BUSY)
    assert len(rig.told) == 1 and _alarms(rig.store) == []


def test_a_restarted_position_hearing_the_same_call_adds_no_alarm(
    rig: Rig, sqlite_store: Store, clock: FakeClock
) -> None:
    assert rig.send(rig.doc([_police("110", "confirmed")])) == 200
    _raised(rig, 1)
    assert [new for _id, new in rig.raised] == [True]
    rig.lamps.stop()
    clock.advance(timedelta(minutes=5))
    again = _make(sqlite_store, clock, rig.notifier, "P2")
    old = rig.notifier.subs[ROOM].call_id
    again.lamps.watch([ROOM])
    try:
        rig.notifier.wait_subscribed(ROOM, after=old)
        assert again.send(document(ENTITY, 0, [_police("110", "confirmed")])) == 200
        _settle(again, LampState.BUSY)
        _raised(again, 1)
        assert len(again.told) == 1 and [new for _id, new in again.raised] == [False]
        assert len(_alarms(sqlite_store)) == 1
    finally:
        again.lamps.stop()


def test_a_call_without_call_id_told_by_a_restarted_position_later_is_still_one_alarm(
    rig: Rig, sqlite_store: Store, clock: FakeClock
) -> None:
    assert rig.send(rig.doc([_police("110", "confirmed", call_id="")])) == 200
    _raised(rig, 1)
    assert [new for _id, new in rig.raised] == [True]
    rig.lamps.stop()
    clock.advance(timedelta(minutes=3))
    again = _make(sqlite_store, clock, rig.notifier, "P2")
    old = rig.notifier.subs[ROOM].call_id
    again.lamps.watch([ROOM])
    try:
        rig.notifier.wait_subscribed(ROOM, after=old)
        assert again.send(document(ENTITY, 0, [_police("110", "confirmed", call_id="")])) == 200
        _settle(again, LampState.BUSY)
        _raised(again, 1)
        assert len(again.told) == 1
        assert len(SqlEmergencies(sqlite_store, clock).open_alarms()) == 1
    finally:
        again.lamps.stop()


@pytest.mark.parametrize("message_first", [True, False])
def test_the_pbx_message_and_the_dialog_are_one_alarm_in_either_order(rig: Rig, message_first: bool) -> None:
    book = SqlEmergencies(rig.store, rig.clock)
    message = EmergencyDialled("c-7@room", ROOM, "110", rig.clock.now(), Source.PBX)
    if message_first:
        assert book.raise_alarm(message, Actor.link("P2"))[1] is True
    assert rig.send(rig.doc([_police("0110", "early", call_id="c-7@room")])) == 200
    _settle(rig, LampState.RINGING)
    _raised(rig, 1)
    if not message_first:
        assert book.raise_alarm(message, Actor.link("P2"))[1] is False
    assert len(rig.told) == 1 and [new for _i, new in rig.raised] == [not message_first]
    assert len(book.open_alarms()) == 1


@pytest.mark.parametrize("message_first", [True, False])
def test_a_dialog_without_call_id_and_the_message_are_one_alarm(rig: Rig, message_first: bool) -> None:
    book = SqlEmergencies(rig.store, rig.clock)
    message = EmergencyDialled("c-8@room", ROOM, "110", rig.clock.now(), Source.PBX)
    if message_first:
        book.raise_alarm(message, Actor.link("P2"))
    assert rig.send(rig.doc([_police("0110", "early", call_id="")])) == 200
    _settle(rig, LampState.RINGING)
    _raised(rig, 1)
    if not message_first:
        rig.clock.advance(timedelta(seconds=2))
        book.raise_alarm(
            EmergencyDialled("c-8@room", ROOM, "110", rig.clock.now(), Source.PBX), Actor.link("P2")
        )
    assert len(book.open_alarms()) == 1


# --- hostile bodies: each is ignored, no traceback, no alarm, and the lamp goes on working ---

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    + ']>\n<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="9" state="full" '
    'entity="sip:1208@127.0.0.1"><dialog id="x" direction="initiator"><state>&lol9;</state>'
    "<remote><identity>sip:110@h</identity></remote></dialog></dialog-info>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="9" state="full" '
    'entity="sip:1208@127.0.0.1"><dialog id="x" direction="initiator"><state>early</state>'
    "<remote><identity>sip:110@h&x;</identity></remote></dialog></dialog-info>"
)


OPEN = f'<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="9" state="full" entity="{ENTITY}">'


def _deep(levels: int) -> str:
    return (
        f'{OPEN}<dialog id="x" call-id="deep" direction="initiator"><state>early</state>'
        f"<remote><identity>sip:110@h</identity></remote>{'<n>' * levels}{'</n>' * levels}"
        "</dialog></dialog-info>"
    )


def _many(count: int) -> str:
    dialogs = "".join(
        f'<dialog id="{i}" call-id="m{i}" direction="initiator"><state>early</state>'
        "<remote><identity>sip:110@h</identity></remote></dialog>"
        for i in range(count)
    )
    return f"{OPEN}{dialogs}</dialog-info>"


HOSTILE: dict[str, str | bytes] = {
    "billion laughs": BILLION_LAUGHS,
    "external entity": EXTERNAL_ENTITY,
    "huge": _deep(1)[:-14] + "<x>" + "A" * 60000 + "</x></dialog-info>",
    "deep nesting": _deep(3000),
    "wrong namespace": document(ENTITY, 9, [_police("110")]).replace(
        "urn:ietf:params:xml:ns:dialog-info", "urn:example:not-dialog-info"
    ),
    "no namespace": document(ENTITY, 9, [_police("110")]).replace(
        ' xmlns="urn:ietf:params:xml:ns:dialog-info"', ""
    ),
    "another room's entity": document("sip:1209@127.0.0.1", 9, [_police("110")]),
    "400 dialogs (about all a UDP datagram holds)": _many(400),
    "bogus state": document(ENTITY, 9, [_police("110", "exploded")]),
    "bogus direction": document(ENTITY, 9, [_police("110", "early", direction="sideways")]),
    "not xml": "\x00\xff<dialog-info",
    "utf-16": document(ENTITY, 9, [_police("110")]).encode("utf-16"),
    "truncated": document(ENTITY, 9, [_police("110")])[:200],
    "remote is 110 inside a longer uri": document(
        ENTITY, 9, [_police("110", remote="sip:110@evil;x=@127.0.0.1")]
    ).replace("sip:110@evil;x=@127.0.0.1", "sip:1100@127.0.0.1"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_body_is_ignored_and_the_lamp_goes_on_working(
    rig: Rig, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert rig.send(rig.doc([_police("2001", "confirmed", call_id="plain")])) == 200
    _settle(rig, LampState.BUSY)
    body = HOSTILE[name]
    raw = body.encode() if isinstance(body, str) else body
    with caplog.at_level(logging.INFO):
        started = time.monotonic()
        code = rig.send(body, wait=5.0)
        took = time.monotonic() - started
    assert code in (200, 513, None), code  # 513: over the position's datagram bound; None: dropped
    assert took < 2.0, took
    assert not any(r.exc_info for r in caplog.records), [r.getMessage() for r in caplog.records]
    assert rig.told == [] and _alarms(rig.store) == [], (name, len(raw))
    # and the next good document is still read
    rig.notifier.subs[ROOM].version = 50
    assert rig.send(rig.doc([_police("2001", "early", call_id="plain2")])) == 200
    _settle(rig, LampState.RINGING)
    assert rig.send(rig.doc([_police("0110", "early", call_id="real")])) == 200
    _settle(rig, LampState.RINGING)
    _raised(rig, 1)
    assert [t.call_key for t in rig.told] == ["real"]


def test_another_rooms_subscription_does_not_raise_for_it(rig: Rig) -> None:
    # A body naming 1208 arriving in the subscription of 1209 is not 1208's call nor 1209's.
    assert rig.send(rig.doc([_police("110")], extension=OTHER).replace("1209", ROOM), extension=OTHER) == 200
    time.sleep(0.2)
    assert rig.told == []


def test_ten_thousand_dialogs_are_refused_by_the_parser_quickly() -> None:
    from switchboard.dialoginfo import parse_dialog_info

    started = time.monotonic()
    assert parse_dialog_info(_many(10000)) is None
    small = "".join(f'<dialog id="{i}"/>' for i in range(10000))
    head = '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full">'
    assert parse_dialog_info(f"{head}{small}</dialog-info>") is None
    assert time.monotonic() - started < 1.0


def test_a_document_for_another_entity_leaves_the_lamp_as_it_was(rig: Rig) -> None:
    assert rig.send(rig.doc([_police("2001", "confirmed", call_id="plain")])) == 200
    _settle(rig, LampState.BUSY)
    other = document("sip:1209@127.0.0.1", rig.notifier.next_version(ROOM), [_police("2001", "early")])
    assert rig.send(other) == 200
    time.sleep(0.3)
    assert rig.lamp(ROOM) is LampState.BUSY
