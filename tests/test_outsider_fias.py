"""The console's FIAS link against a PMS written from the specification alone (tests/fias_outsider_pms.py),
over TCP and over a socat pty pair with the serial framing, into the front office on SQLite and PostgreSQL.

Each test names the rule of the FIAS specification (Release 2.20.23, [SPEC p.N]) it checks."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.rows import RoomRow, WakeUpRow
from db.store import Store
from hardware.fias_link import LinkSettings
from switchboard.fias.session import Posting
from switchboard.pbx import LinkName
from tests.fias_outsider_rig import (
    WIRES,
    ZONE,
    Rig,
    alive,
    becomes,
    rigs,
    stay,
    vacant,
)
from tests.test_fias_link import eventually

pytestmark = pytest.mark.beside  # waits in real time: run beside the rest (tools/test.sh)


@pytest.fixture
def rig_factory(store: Store, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    yield from rigs(store, tmp_path)


# --- link start -------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_link_start_describes_every_record_the_console_uses(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.25-29, 100-102] LS from the IFC; the vendor answers LD (DA, TI, V#, IF = PB for a PBX [p.111]),
    one LR per record type it sends or receives (RI and FL), then LA; the IFC answers LA and the link is
    alive. The console's LR must ask for what the issue says it applies: GN, GF, CS on GI and GC, RO on GC."""
    rig = rig_factory(wire)
    alive(rig)
    pms = rig.pms
    ld = pms.wait_for("LD")[0]
    assert ld.get("IF") == "PB"
    assert ld.get("V#") and len(ld.get("V#") or "") <= 10
    assert len(ld.get("DA") or "") == 6 and len(ld.get("TI") or "") == 6
    kinds = [r.kind for r in pms.received]
    first_la = kinds.index("LA")
    assert kinds[kinds.index("LD") + 1 : first_la] == ["LR"] * (first_la - kinds.index("LD") - 1)
    asked = {r.get("RI"): r.get("FL") or "" for r in pms.of_kind("LR")}
    for kind in ("GI", "GO", "GC", "WR", "WC", "WA", "PS", "PA", "RE"):
        assert kind in asked, f"no LR for {kind}"
    for fl in asked.values():
        assert len(fl) % 2 == 0, "FL is field IDs of two characters each"

    def ids(kind: str) -> set[str]:
        fl = asked[kind]
        return {fl[i : i + 2] for i in range(0, len(fl), 2)}

    assert {"RN", "G#", "GN", "GF", "CS"} <= ids("GI")
    assert {"RN", "G#", "GN", "GF", "CS", "RO"} <= ids("GC")
    assert {"RN", "DA", "TI", "AS"} <= ids("WA")
    assert {"RN", "P#", "DA", "TI", "PT"} <= ids("PS")
    assert {"AS", "P#"} <= ids("PA")


@pytest.mark.parametrize("wire", WIRES)
def test_guest_in_change_move_and_out_apply_every_field_asked_for(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.39-47] GI with GN, GF, GL, CS; GC changing only what it carries (GF, CS); a room move is GC
    with RO; GO ends the stay. A GI without a name still checks in [p.40: defaults for fields not sent]."""
    rig = rig_factory(wire)
    alive(rig)
    store = rig.console.store
    first, second, third = vacant(store, 3)
    pms = rig.pms
    pms.send(
        "GI",
        ("RN", first),
        ("G#", "91001"),
        ("GN", "Okafor"),
        ("GF", "Ada"),
        ("GL", "EA"),
        ("CS", "1"),
        ("GS", "N"),
    )
    becomes(lambda: stay(store, "91001"), ("in_house", first, "Okafor", "Ada", 1))
    pms.send("GC", ("RN", first), ("G#", "91001"), ("GF", "Adaeze"), ("CS", "2"))
    becomes(lambda: stay(store, "91001"), ("in_house", first, "Okafor", "Adaeze", 2))
    pms.send("GC", ("G#", "91001"), ("RN", second), ("GS", "N"), ("RO", first), ("GS", "N"))  # [p.44] move
    eventually(lambda: (stay(store, "91001") or ("",) * 5)[:2] == ("in_house", second))
    with store.read() as s:
        left = s.scalar(select(RoomRow.occupancy).where(RoomRow.number == first))
    assert left == "vacant"
    pms.send("GI", ("RN", third), ("G#", "91002"), ("GS", "N"))  # no name at all
    eventually(lambda: (stay(store, "91002") or ("",))[0] == "in_house")
    pms.send("GO", ("RN", second), ("G#", "91001"), ("GS", "N"))
    eventually(lambda: (stay(store, "91001") or ("",))[0] == "checked_out")
    assert rig.console.desk.failed == 0
    assert rig.console.errors() == 0


# --- link end ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_link_end_is_answered_and_the_connection_dropped(rig_factory: Callable[..., Rig], wire: str) -> None:
    """[SPEC p.26, 102] LE from either side: the other answers LE (within 2 s on TCP, 3 s serial) and drops
    the port; no new handshake on the same connection."""
    rig = rig_factory(wire)
    alive(rig)
    pms = rig.pms
    before = len(pms.received)
    sent_at = time.monotonic()
    pms.send("LE", ("DA", datetime.now().strftime("%y%m%d")), ("TI", datetime.now().strftime("%H%M%S")))
    answer = pms.wait_for("LE", timeout=5)[0]
    assert answer.at - sent_at < (2.0 if wire == "tcp" else 3.0)
    if wire == "tcp":
        assert pms.closed_by_vendor.wait(5), "the console did not drop the connection after LE"
        assert pms.received[before:][0].kind == "LE"
        after_le = [r.kind for r in pms.received[before + 1 :] if r.at - answer.at < 0.5]
        assert "LD" not in after_le and "LS" not in after_le
    else:
        time.sleep(1.0)
        later = [r.kind for r in pms.received[before + 1 :]]
        assert "LD" not in later[:1], "a new handshake right after LE"


# --- wake-ups ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_one_wake_up_answer_even_when_the_pms_repeats_the_request(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.67-69] No reply to WR or WC; exactly one final WA per wake-up, with DA and TI of the request
    (seconds echoed as received). The PMS sends the WR again after the link comes back: same wake-up."""
    rig = rig_factory(wire)
    alive(rig)
    store = rig.console.store
    room, other = vacant(store, 2)
    pms = rig.pms
    pms.send("GI", ("RN", room), ("G#", "92001"), ("GN", "Haddad"), ("GS", "N"))
    pms.send("GI", ("RN", other), ("G#", "92002"), ("GN", "Ortiz"), ("GS", "N"))
    eventually(lambda: (stay(store, "92002") or ("",))[0] == "in_house")
    due = (datetime.now(ZONE) + timedelta(hours=9)).replace(second=30, microsecond=0)
    wr = (("RN", room), ("DA", due.strftime("%y%m%d")), ("TI", due.strftime("%H%M%S")))
    pms.send("WR", *wr)
    other_due = due + timedelta(minutes=15)
    pms.send("WR", ("RN", other), ("DA", other_due.strftime("%y%m%d")), ("TI", other_due.strftime("%H%M%S")))

    def statuses(number: str) -> list[str]:
        with store.read() as s:
            return list(s.scalars(select(WakeUpRow.status).where(WakeUpRow.room_number == number)))

    eventually(lambda: statuses(room) == ["booked"] and statuses(other) == ["booked"])
    pms.send("WC", ("RN", other), ("DA", other_due.strftime("%y%m%d")), ("TI", other_due.strftime("%H%M%S")))
    eventually(lambda: statuses(other) == ["cancelled"])
    if wire == "tcp":
        pms.drop()
        eventually(lambda: pms.connections >= 2)
        pms.wait_for("LA", count=2)
    else:
        pms.link_start()
        pms.wait_for("LD", count=2)
    pms.send("WR", *wr)  # the PMS sends its open requests again
    time.sleep(1.0)
    assert pms.of_kind("WA") == [], "a repeated WR was answered before the wake-up was done"
    assert statuses(room) == ["booked"]
    rig.console.desk.wake_up_finished(room, due.replace(tzinfo=None), "OK")
    answer = pms.wait_for("WA")[0]
    assert (answer.get("RN"), answer.get("DA"), answer.get("TI"), answer.get("AS")) == (
        room,
        due.strftime("%y%m%d"),
        due.strftime("%H%M%S"),
        "OK",
    )
    time.sleep(1.0)
    assert len(pms.of_kind("WA")) == 1, "exactly one WA per wake-up"


# --- postings ---------------------------------------------------------------------------------------


def _posting(room: str, reference: int, cents: int = 1050) -> Posting:
    return Posting(
        room, datetime.now(ZONE).replace(microsecond=0), cents, "004989920920", 125, "I", reference=reference
    )


@pytest.mark.parametrize("wire", WIRES)
def test_a_posting_put_off_is_sent_again_after_growing_pauses(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.80-86] PA with RY (retry), BY (busy) or NA (night audit): the same posting again later, not in
    a tight loop; P# stays the posting's number (it goes up after each success); one PS outstanding."""
    rig = rig_factory(wire, retry_pause_s=1.0)
    alive(rig)
    pms = rig.pms
    room = vacant(rig.console.store)[0]
    pms.behaviour.posting_answers = ["RY", "BY", "NA"]
    rig.console.link.post(_posting(room, 501))
    sent = pms.wait_for("PS", count=4, timeout=30)
    assert len({p.get("P#") for p in sent}) == 1, "a retry is the same posting"
    gaps = [b.at - a.at for a, b in itertools.pairwise(sent)]
    assert gaps[0] >= 0.9, f"first retry after {gaps[0]:.3f}s"
    assert gaps[0] < gaps[1] < gaps[2], f"pauses do not grow: {gaps}"
    eventually(lambda: rig.console.settled == [(501, True)])
    assert sent[0].get("PT") == "C" and sent[0].get("TA") == "1050" and sent[0].get("RN") == room
    assert sent[0].get("DD") == "004989920920" and sent[0].get("DU") == "000205"


@pytest.mark.parametrize("wire", WIRES)
def test_no_posting_during_night_audit_and_one_at_a_time(rig_factory: Callable[..., Rig], wire: str) -> None:
    """[SPEC p.38-39] NS ... NE is the night audit: a posting made meanwhile waits for NE. [SPEC p.80] only
    one PS outstanding: the next waits for the PA of the last."""
    rig = rig_factory(wire, retry_pause_s=0.2)
    alive(rig)
    pms = rig.pms
    room = vacant(rig.console.store)[0]
    stamp = (("DA", datetime.now().strftime("%y%m%d")), ("TI", datetime.now().strftime("%H%M%S")))
    pms.send("NS", *stamp)
    time.sleep(0.3)
    rig.console.link.post(_posting(room, 601))
    time.sleep(2.0)  # ten times the first pause
    assert pms.of_kind("PS") == [], "a posting went out during the night audit"
    ne_at = time.monotonic()
    pms.send("NE", *stamp)
    assert pms.wait_for("PS", timeout=10)[0].at > ne_at
    eventually(lambda: rig.console.settled == [(601, True)])
    pms.behaviour.answer_postings = False
    rig.console.link.post(_posting(room, 602))
    rig.console.link.post(_posting(room, 603))
    time.sleep(1.5)
    assert len(pms.of_kind("PS")) == 2, "a second PS before the PA of the first"
    first = pms.of_kind("PS")[-1]
    pms.send("PA", ("AS", "OK"), ("RN", room), ("P#", first.get("P#") or ""))
    second = pms.wait_for("PS", count=3)[-1]
    assert second.get("P#") != first.get("P#")
    pms.send("PA", ("AS", "OK"), ("RN", room), ("P#", second.get("P#") or ""))
    eventually(lambda: sorted(rig.console.settled) == [(601, True), (602, True), (603, True)])


def test_posting_numbers_are_unique_and_go_on_after_a_restart(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.79] P#: 1-99999999, no leading zeros, going up after each success. Stop the console's link,
    start a new one on the same database: the numbers go on."""
    rig = rig_factory("tcp")
    alive(rig)
    pms = rig.pms
    room = vacant(rig.console.store)[0]
    for ref in (701, 702, 703):
        rig.console.link.post(_posting(room, ref))
    eventually(lambda: len(rig.console.settled) == 3)
    rig.console.link.stop()
    second = rig.new_console()
    eventually(second.alive)
    for ref in (704, 705):
        second.link.post(_posting(room, ref))
    eventually(lambda: len(second.settled) == 2)
    numbers = [p.get("P#") or "" for p in pms.of_kind("PS")]
    assert all(n.isdigit() and not n.startswith("0") and 1 <= int(n) <= 99_999_999 for n in numbers)
    values = [int(n) for n in numbers]
    assert len(values) == 5 and values == sorted(values) and len(set(values)) == 5, values


# --- resync, keep-alive -----------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_resync_checks_out_who_is_not_resent_and_holds_postings(
    rig_factory: Callable[..., Rig], wire: str
) -> None:
    """[SPEC p.36-38] DR from the vendor; DS, GI with SF, DE from the PMS; a guest not resent is checked out
    (guest-oriented); nothing is sent to the PMS between DS and DE."""
    rig = rig_factory(wire)
    alive(rig)
    store = rig.console.store
    a, b = vacant(store, 2)
    pms = rig.pms
    pms.send("GI", ("RN", a), ("G#", "93001"), ("GN", "Sato"), ("GS", "N"))
    pms.send("GI", ("RN", b), ("G#", "93002"), ("GN", "Novak"), ("GS", "N"))
    eventually(lambda: (stay(store, "93002") or ("",))[0] == "in_house")
    rig.console.link.request_resync()
    pms.wait_for("DR")
    pms.send("DS")
    time.sleep(0.3)
    rig.console.link.post(_posting(a, 801))
    pms.send(
        "GI", ("RN", a), ("G#", "93001"), ("GN", "Sato"), ("GF", "Yuki"), ("CS", "0"), ("GS", "N"), ("SF", "")
    )
    time.sleep(1.0)
    assert pms.of_kind("PS") == [], "a posting went out between DS and DE"
    ds_end = time.monotonic()
    pms.send("DE")
    eventually(lambda: (stay(store, "93002") or ("",))[0] == "checked_out")
    assert stay(store, "93001") == ("in_house", a, "Sato", "Yuki", 0)
    assert pms.wait_for("PS")[0].at > ds_end


def test_keep_alive_and_a_half_open_connection(rig_factory: Callable[..., Rig]) -> None:
    """[SPEC p.102] the vendor may check the link with LS (at most once in five minutes by default) and the
    IFC answers LA. An LS that gets no answer is a dead link: the console connects again."""
    assert LinkSettings("socket://x:1").keep_alive_s >= 300
    rig = rig_factory("tcp", keep_alive_s=1.0, answer_timeout_s=1.5)
    alive(rig)
    pms = rig.pms
    blocks = pms.link_blocks
    pms.wait_for("LS", where=lambda r: r.at > pms.of_kind("LA")[0].at, timeout=10)
    time.sleep(0.5)
    assert rig.console.alive() and pms.connections == 1
    pms.behaviour.answer_alive_check = False  # the PMS is still connected but no longer answers
    eventually(lambda: pms.connections >= 2, 20)
    eventually(lambda: pms.link_blocks > blocks)


# --- encoding ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("wire", WIRES)
def test_gb18030_names_both_ways(rig_factory: Callable[..., Rig], wire: str) -> None:
    """[SPEC p.21] extended characters in the site's code page; [pms] encoding = gb18030."""
    rig = rig_factory(wire, encoding="gb18030")
    alive(rig)
    store = rig.console.store
    room = vacant(store)[0]
    rig.pms.send("GI", ("RN", room), ("G#", "94001"), ("GN", "欧阳"), ("GF", "娜娜"), ("GS", "N"))
    becomes(lambda: stay(store, "94001"), ("in_house", room, "欧阳", "娜娜", 3))
    assert rig.pms.undecodable == []
    # bytes that are not GB18030 text: shown as a bad frame, the record kept
    rig.pms.send_bytes(b"GC|RN" + room.encode() + b"|G#94001|GF\x80\xff|")
    eventually(lambda: rig.console.errors() >= 1)
    bad = [f for f in rig.console.journal().links[LinkName.PMS].frames if f.bad and not f.outgoing]
    assert len(bad) == 1 and b"\x80\xff" in bad[0].data
