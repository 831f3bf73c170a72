"""The alarm's second path, as pure logic: a room's dialog-info naming an emergency number it called.

Samples, each with its source: the RFC 4235 §4.1.1 dialog (as quoted in the pua_dialoginfo module's
documentation, "examples of a dialog-info XML document taken from RFC 4235"), and what the lab's Kamailio
5.6.3 (presence_dialoginfo + pua_dialoginfo with include_callid, include_tags, include_localremote, see
tests/sip_lab/kamailio.cfg.tmpl) sent a BLF watcher of 1208 when 1208 dialled 0110.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.emergencies import SqlEmergencies
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.dialoginfo import MAX_BODY, MAX_DIALOGS, parse_dialog_info
from switchboard.emergency import EmergencyCallEnded, EmergencyDialled, EmergencyNumbers, Source
from switchboard.emergency_dialogs import UNKEYED, EmergencyDialogs, emergency_in, user_of
from switchboard.hotel import Actor

AT = datetime(2026, 3, 4, 2, 15, tzinfo=UTC)
NUMBERS = EmergencyNumbers()

# RFC 4235 §4.1.1 (quoted in the pua_dialoginfo docs): a dialog Alice initiated, still early.
RFC4235_EARLY = """<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full"
             entity="sip:alice@example.com">
  <dialog id="as7d900as8" call-id="a84b4c76e66710" local-tag="1928301774" remote-tag="456887766"
          direction="initiator">
    <state>early</state>
  </dialog>
</dialog-info>"""

# The same RFC 4235 dialog with the <remote> element of RFC 4235 §4.1.6 (identity, target), the watched
# entity a room and the remote party the police (adapted: the RFC's remote is sip:bob@example.org).
RFC4235_REMOTE = """<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full"
             entity="sip:1208@hotel.example.com">
  <dialog id="as7d900as8" call-id="a84b4c76e66710" local-tag="1928301774" direction="initiator">
    <state>{state}</state>
    <duration>3</duration>
    <local><identity display="Room 1208">sip:1208@hotel.example.com</identity></local>
    <remote><identity>{identity}</identity><target uri="{target}"/></remote>
  </dialog>
</dialog-info>"""

# Captured from the lab: Kamailio 5.6.3's NOTIFY body to a watcher of 1208, 1208 having dialled 0110
# (tests/sip_lab, the trunk a RawPhone answering 486). The next NOTIFY said the same with "terminated".
KAMAILIO_TRYING = """<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="2" state="full" entity="sip:1208@127.0.0.1">
  <dialog id="padi-6b143469-1192-1" call-id="ef5be6de6cd84703a3f73de803b641b4@raw" direction="initiator">
    <state>Trying</state>
    <remote>
      <identity>sip:0110@127.0.0.1:37987</identity>
      <target uri="sip:0110@127.0.0.1:37987"/>
    </remote>
    <local>
      <identity>sip:1208@127.0.0.1:37987</identity>
      <target uri="sip:1208@127.0.0.1:37987"/>
    </local>
  </dialog>
</dialog-info>"""


def _told(body: str, extension: str = "1208") -> list[EmergencyDialled]:
    info = parse_dialog_info(body)
    assert info is not None
    return emergency_in(extension, info, NUMBERS, AT)


def test_kamailios_dialog_of_a_room_dialling_0110_is_the_police_under_the_calls_call_id() -> None:
    (told,) = _told(KAMAILIO_TRYING)
    assert told == EmergencyDialled("ef5be6de6cd84703a3f73de803b641b4@raw", "1208", "110", AT, Source.LAMPS)


def test_the_rfc_dialog_raises_only_with_an_emergency_number_at_the_remote_end() -> None:
    assert _told(RFC4235_EARLY, "1208") == []  # entity alice, not the watched room: ignored
    info = parse_dialog_info(RFC4235_EARLY)
    assert (
        info is not None
        and info.dialogs[0].direction == "initiator"
        and info.dialogs[0].remote_identity == ""
    )
    bob = RFC4235_REMOTE.format(
        state="confirmed", identity="sip:bob@example.org", target="sip:bobster@phone21.example.org"
    )
    assert _told(bob) == []
    for identity, target, number in [
        ("sip:119@hotel.example.com", "sip:trunk@gw.example.com", "119"),
        ("sip:trunk@hotel.example.com", "sip:0120@gw.example.com;user=phone", "120"),  # the target names it
        ("tel:112", "", "112"),
        ("&lt;sip:0911@hotel.example.com&gt;", "", "911"),
    ]:
        for state in ("trying", "proceeding", "early", "confirmed"):
            (told,) = _told(RFC4235_REMOTE.format(state=state, identity=identity, target=target))
            assert (told.number, told.call_key, told.source) == (number, "a84b4c76e66710", Source.LAMPS)


def test_what_is_not_the_room_calling_an_emergency_number_raises_nothing() -> None:
    police = {"identity": "sip:110@hotel.example.com", "target": "sip:110@hotel.example.com"}
    assert _told(RFC4235_REMOTE.format(state="terminated", **police)) == []  # over: the records' to raise
    called = RFC4235_REMOTE.format(state="early", **police).replace('"initiator"', '"recipient"')
    assert _told(called) == []  # the room was called from 110 (a call-back), it did not dial it
    for number in ("1100", "0000110", "11O", "sip:110", "110@x"):
        assert _told(RFC4235_REMOTE.format(state="early", identity=f"sip:{number}@h", target="")) == []
    other_numbers = EmergencyNumbers(("999",), "9")
    info = parse_dialog_info(RFC4235_REMOTE.format(state="early", **police))
    assert info is not None and emergency_in("1208", info, other_numbers, AT) == []
    assert emergency_in("12 08", info, NUMBERS, AT) == []


def test_user_parts() -> None:
    assert user_of("sip:0110@127.0.0.1:5060") == "0110"
    assert user_of(" <sips:110;phone-context=x@pbx;user=phone> ") == "110"
    assert user_of("tel:119;phone-context=+86") == "119"
    assert [user_of(u) for u in ("http://110@x", "110", "sip:pbx.example.com", "", "<>")] == [""] * 5


def test_without_a_call_id_the_key_is_the_room_the_dialog_and_the_minute() -> None:
    body = RFC4235_REMOTE.format(state="early", identity="sip:110@h", target="").replace(
        ' call-id="a84b4c76e66710"', ""
    )
    (told,) = _told(body)
    assert told.call_key == f"{UNKEYED}1208:as7d900as8:202603040215"
    hostile_id = body.replace('id="as7d900as8"', "id=\"a:b'; DROP\u202e" + "x" * 300 + '"')
    (odd,) = _told(hostile_id)
    assert odd.call_key.startswith(f"{UNKEYED}1208:abDROPxxx") and len(odd.call_key) <= 200


def test_each_call_is_told_once_per_position_however_many_notifies_name_it() -> None:
    watch = EmergencyDialogs()
    trying = parse_dialog_info(KAMAILIO_TRYING)
    confirmed = parse_dialog_info(
        KAMAILIO_TRYING.replace("Trying", "confirmed").replace('version="2"', 'version="3"')
    )
    assert trying is not None and confirmed is not None
    assert len(watch.heard("1208", trying, NUMBERS, AT)) == 1
    assert watch.heard("1208", confirmed, NUMBERS, AT + timedelta(seconds=2)) == []
    unkeyed = parse_dialog_info(
        KAMAILIO_TRYING.replace(' call-id="ef5be6de6cd84703a3f73de803b641b4@raw"', "")
    )
    assert unkeyed is not None
    assert len(watch.heard("1208", unkeyed, NUMBERS, AT)) == 1
    assert watch.heard("1208", unkeyed, NUMBERS, AT + timedelta(minutes=1)) == []  # the minute turned over
    for i in range(600):  # bounded memory: the oldest calls are forgotten
        other = KAMAILIO_TRYING.replace("ef5be6de", f"{i:08d}")
        info = parse_dialog_info(other)
        assert info is not None and len(watch.heard("1208", info, NUMBERS, AT)) == 1
    assert len(watch._told) == 512


HOSTILE = {
    "huge": KAMAILIO_TRYING.replace("<state>", "<!--" + "x" * MAX_BODY + "--><state>"),
    "not XML": KAMAILIO_TRYING[:-40],
    "wrong namespace": KAMAILIO_TRYING.replace("urn:ietf:params:xml:ns:dialog-info", "urn:example:evil"),
    "no namespace": KAMAILIO_TRYING.replace(' xmlns="urn:ietf:params:xml:ns:dialog-info"', ""),
    "entity expansion": (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "110"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + KAMAILIO_TRYING.split("?>", 1)[1].replace("sip:0110@", "sip:&b;@")
    ),
    "entity expansion in UTF-16": (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY a "110">]>'
        + KAMAILIO_TRYING.split("?>", 1)[1].replace("sip:0110@", "sip:&a;@")
    ).encode("utf-16"),
    "external entity": (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + KAMAILIO_TRYING.split("?>", 1)[1].replace("sip:0110@", "sip:&x;@")
    ),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_bodies_are_logged_and_raise_nothing(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    assert parse_dialog_info(HOSTILE[kind]) is None
    assert caplog.records, kind


def test_a_document_of_many_dialogs_is_read_only_so_far(caplog: pytest.LogCaptureFixture) -> None:
    head = KAMAILIO_TRYING.split("<dialog ", 1)[0]
    dialogs = "".join(
        f'<dialog id="d{i}" direction="initiator"><state>early</state></dialog>' for i in range(100)
    )
    info = parse_dialog_info(head + dialogs + "</dialog-info>")
    assert info is not None and len(info.dialogs) == MAX_DIALOGS
    assert "dialogs: the first" in caplog.text


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["trying", "Early", "confirmed", "terminated", "", "x" * 300]),
    st.sampled_from(["initiator", "recipient", "", "INITIATOR"]),
    st.text(max_size=60),
    st.text(max_size=60),
)
def test_any_dialog_gives_alarms_or_none_never_an_exception(
    state: str, direction: str, identity: str, target: str
) -> None:
    escape = str.maketrans({"<": "&lt;", "&": "&amp;", '"': "&quot;", ">": "&gt;"})
    body = RFC4235_REMOTE.format(
        state=state, identity=identity.translate(escape), target=target.translate(escape)
    )
    body = body.replace('"initiator"', f'"{direction}"')
    info = parse_dialog_info(body.encode("utf-8", errors="replace"))
    if info is None:
        return  # characters XML does not allow: refused and logged
    for told in emergency_in("1208", info, NUMBERS, AT):
        assert told.number in NUMBERS.numbers and told.extension == "1208"
        assert direction.lower() == "initiator" and state.lower() in ("trying", "early", "confirmed")


def test_one_alarm_whichever_path_tells_first_and_in_whatever_order(store: Store, clock: FakeClock) -> None:
    book = SqlEmergencies(store, clock)
    position = Actor.link("Console 1")
    now = clock.now()
    # Both carry the Call-ID: the dialog-info first, the MESSAGE after.
    lamps, new = book.raise_alarm(EmergencyDialled("call-A", "1208", "110", now, Source.LAMPS), position)
    pbx, again = book.raise_alarm(EmergencyDialled("call-A", "1208", "110", now, Source.PBX), position)
    assert new and not again and pbx.id == lamps.id and pbx.source is Source.LAMPS
    # A dialog-info without a Call-ID after the MESSAGE, then on another position a minute-key later.
    msg, _ = book.raise_alarm(EmergencyDialled("call-B", "1308", "119", now, Source.PBX), position)
    for seconds, key in ((1, f"{UNKEYED}1308:d1:m1"), (45, f"{UNKEYED}1308:d1:m2")):
        at = now + timedelta(seconds=seconds)
        same, new = book.raise_alarm(EmergencyDialled(key, "1308", "119", at, Source.LAMPS), position)
        assert same.id == msg.id and not new
    # The dialog-info without a Call-ID first, the MESSAGE after.
    first, _ = book.raise_alarm(
        EmergencyDialled(f"{UNKEYED}1408:d9:m", "1408", "120", now, Source.LAMPS), position
    )
    later, new = book.raise_alarm(
        EmergencyDialled("call-C", "1408", "120", now + timedelta(seconds=2), Source.PBX), position
    )
    assert later.id == first.id and not new
    # A second emergency call from the same room is a second alarm when both name their Call-IDs,
    # and when the unkeyed one comes past the live window after the first call ended; while the first
    # call is still up, an unkeyed dialog of that room and number is that call, however late.
    second, new = book.raise_alarm(
        EmergencyDialled("call-D", "1208", "110", now + timedelta(seconds=20), Source.PBX), position
    )
    assert new and second.id != lamps.id
    late = now + timedelta(minutes=5)
    still, new = book.raise_alarm(
        EmergencyDialled(f"{UNKEYED}1308:d1:m5", "1308", "119", late, Source.LAMPS), position
    )
    assert still.id == msg.id and not new
    assert book.call_ended(EmergencyCallEnded("call-B", "1308", "119", late), position)
    third, new = book.raise_alarm(
        EmergencyDialled(f"{UNKEYED}1308:d2:m", "1308", "119", late, Source.LAMPS), position
    )
    assert new and third.id != msg.id
    assert len(book.open_alarms()) == 5
