"""FIAS on a damaged line: 1% of the bytes flipped both ways and the line cut twice lose no record,
and a resync leaves the console with the PMS's state.

First the FIPS dialogue and the session without I/O (each rule on its own, then two
``FipsLine`` ends over a simulated damaging wire, exactly reproducible from the seed),
then the console's link thread against the test PMS through a relay that damages and cuts,
over the serial framing (LRC, ACK/NAK) and over TCP framing (no check at all). The
damage is seeded: ``FIAS_DAMAGE_SEED`` picks another.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from hardware.fias_link import FiasLink, LinkSettings
from switchboard.clock import SystemClock
from switchboard.fias.framing import ACK, ENQ, NAK, FipsLine, LineEvent, frame_serial
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.records import FiasRecord, stamped
from switchboard.fias.session import FiasSession, LinkPhase, Posting
from switchboard.link_monitor import LinkCounters
from tests.fias_hotel import MemoryHotel
from tests.fias_line import Damage, Line
from tests.fias_pms import PmsPeer, pms_on_tcp
from tests.test_fias_link import eventually

pytestmark = pytest.mark.beside  # waits in real time: run beside the rest (tools/test.sh)

SEED = int(os.environ.get("FIAS_DAMAGE_SEED", "20261123"))
T = 0.5  # ack time-out in the sans-I/O tests (seconds of simulated time)
LINK_T = 0.3  # ack time-out of both ends over the relay: answers come within milliseconds there


def delivered(events: list[LineEvent]) -> list[bytes]:
    return [e.delivered for e in events if e.delivered is not None]


# --- the FIPS dialogue, rule by rule -------------------------------------------------------
def test_an_answer_with_nothing_in_flight_is_ignored() -> None:
    line = FipsLine(T)
    out, events = line.step(bytes([ACK, NAK]), 0.0)
    assert out == b"" and events == [] and line.stale_answers == 2
    line.send(b"RE|RN101|RS3|")
    out, _ = line.step(b"", 0.0)
    assert out == frame_serial(b"RE|RN101|RS3|")
    assert line.step(bytes([ACK]), 0.1)[1] == [LineEvent(delivered=b"RE|RN101|RS3|")]


def test_a_late_answer_after_enq_is_not_taken_for_the_next_frame() -> None:
    """The withdrawn test's flaw: the ENQ's repeat of an ACK was taken as the next frame's answer."""
    line = FipsLine(T)
    line.send(b"RE|RN101|RS3|")
    line.send(b"RE|RN102|RS3|")
    line.step(b"", 0.0)
    assert line.step(b"", T)[0] == bytes([ENQ])  # silence: ask
    out, events = line.step(bytes([ACK]), T + 0.01)  # the first answer, late
    assert delivered(events) == [b"RE|RN101|RS3|"]
    assert out == b"", "the next frame waits for the answer the ENQ is still owed"
    out, events = line.step(bytes([ACK]), T + 0.02)  # the ENQ's repeat
    assert events == [] and line.stale_answers == 1
    assert out == frame_serial(b"RE|RN102|RS3|")
    # The next frame is damaged: its NAK repeats it; it is not lost to an ACK meant for another.
    assert line.step(bytes([NAK]), T + 0.03)[0] == frame_serial(b"RE|RN102|RS3|")
    assert delivered(line.step(bytes([ACK]), T + 0.04)[1]) == [b"RE|RN102|RS3|"]


def test_a_nak_while_an_enq_answer_is_owed_waits_for_that_answer() -> None:
    line = FipsLine(T)
    line.send(b"GI|RN1|")
    line.step(b"", 0.0)
    line.step(b"", T)  # ENQ
    assert line.step(bytes([NAK]), T + 0.01)[0] == b"", "the repeat for the ENQ is still coming"
    assert line.step(bytes([NAK]), T + 0.02)[0] == frame_serial(b"GI|RN1|")


def test_an_ack_followed_by_a_frame_body_was_a_damaged_stx_and_is_asked_about() -> None:
    line = FipsLine(T, settle_s=0.005)
    line.send(b"RE|RN101|RS3|")
    line.step(b"", 0.0)
    body = frame_serial(b"GI|RN7|GNLi|")[1:]  # the peer's frame whose STX arrived as ACK
    out, events = line.step(bytes([ACK]) + body, 0.01)
    assert delivered(events) == [] and out == bytes([ENQ])
    # The peer's real answer to our (damaged) frame comes right after that noise: asked about too,
    # and, in case it was the peer's ENQ for the frame we could not read, answered NAK.
    assert line.step(bytes([NAK]), 0.02)[0] == bytes([NAK, ENQ])
    # The answers to the two ENQs: the frame goes again once both are in.
    assert line.step(bytes([NAK]), 0.03)[0] == b""
    assert line.step(bytes([NAK]), 0.04)[0] == frame_serial(b"RE|RN101|RS3|")


def test_an_ack_followed_by_stx_or_quiet_counts() -> None:
    line = FipsLine(T, settle_s=0.005)
    line.send(b"RE|RN101|RS3|")
    line.step(b"", 0.0)
    assert line.step(bytes([ACK]), 0.01)[1] == []
    out, events = line.step(frame_serial(b"GI|RN7|"), 0.011)  # the peer's next frame, whole
    assert delivered(events) == [b"RE|RN101|RS3|"] and out == bytes([ACK])
    line.send(b"RE|RN102|RS3|")
    line.step(b"", 0.02)
    line.step(bytes([ACK]), 0.03)
    assert delivered(line.step(b"", 0.036)[1]) == [b"RE|RN102|RS3|"]


def test_an_answer_amid_noise_is_asked_about() -> None:
    line = FipsLine(T)
    line.send(b"RE|RN101|RS3|")
    line.step(b"", 0.0)
    out, events = line.step(b"N|RN7|" + bytes([0x03, ACK]), 0.01)  # a frame without its STX, LRC = ACK
    assert events == [] and out == bytes([ENQ])


def test_enq_gets_the_last_answer_and_any_frame_byte_makes_it_nak() -> None:
    line = FipsLine(T)
    frame = frame_serial(b"GI|RN1|")
    assert line.step(frame + bytes([ENQ]), 0.0)[0] == bytes([ACK, ACK])
    assert line.step(frame[:4] + bytes([ENQ]), 0.1)[0] == bytes([NAK])  # a frame cut short
    assert line.step(bytes([ACK, ENQ]), 0.2)[0] == bytes([NAK]), "our answers' echo does not reset it"


def test_our_nak_holds_new_frames_until_the_peer_shows_how_it_took_it() -> None:
    line = FipsLine(T)
    bad = bytearray(frame_serial(b"GI|RN1|"))
    bad[4] ^= 0x01
    assert line.step(bytes(bad), 0.0)[0] == bytes([NAK])
    line.send(b"RE|RN101|RS3|")
    assert line.step(b"", 0.01)[0] == b"", "a damaged NAK reads as ENQ: its answer is on the way"
    assert line.step(bytes([ACK]), 0.02)[0] == b"" and line.stale_answers == 1
    out = line.step(frame_serial(b"GI|RN1|"), 0.03)[0]  # the peer repeats its frame
    assert out == bytes([ACK]) + frame_serial(b"RE|RN101|RS3|")


def test_a_nak_while_the_peer_waits_for_our_answer_may_be_its_enq() -> None:
    line = FipsLine(T)
    line.send(b"RE|RN101|RS3|")
    line.step(b"", 0.0)
    line.step(b"I|RN1|" + bytes([0x03, 0x4A]), 0.01)  # the peer's frame without its STX
    out, events = line.step(bytes([NAK]), 0.6)  # its ENQ, damaged (0x05 -> 0x15)?
    assert out == bytes([NAK, ENQ]) and events == []


def test_a_frame_cut_by_a_new_stx_is_owed_no_answer() -> None:
    line = FipsLine(T)
    damaged = frame_serial(b"GI|RN1|")[:5] + frame_serial(b"GI|RN2|")
    out, events = line.step(damaged, 0.0)
    assert out == bytes([ACK]) and [e.record for e in events if e.record] == [b"GI|RN2|"]


def test_a_refused_frame_breaks_the_line_after_max_sends_and_keeps_its_frames() -> None:
    line = FipsLine(T, max_sends=6)
    line.send(b"GI|RN1|")
    line.send(b"GI|RN2|")
    line.step(b"", 0.0)
    for n in range(5):
        assert line.step(bytes([NAK]), 0.01 * (n + 1))[0] == frame_serial(b"GI|RN1|")
    line.step(bytes([NAK]), 0.1)
    assert line.broken and line.unacknowledged() == [b"GI|RN1|", b"GI|RN2|"]


def test_a_silent_peer_breaks_the_line_after_three_enquiries() -> None:
    line = FipsLine(T)
    line.send(b"GI|RN1|")
    line.step(b"", 0.0)
    assert [line.step(b"", T * n)[0] for n in (1, 2, 3)] == [bytes([ENQ])] * 3
    line.step(b"", T * 4)
    assert line.broken and line.unacknowledged() == [b"GI|RN1|"]


def _wire(seed: int, count: int, rate: float) -> tuple[list[bytes], list[bytes], int]:
    """Two FIPS ends exchanging ``count`` records each way over a simulated damaging wire.

    Bytes arrive in order, in chunks a few ms later; a broken line starts a new connection
    with the frames not acknowledged sent first. Returns what one end sent and the other
    received, and how often the line was started again.
    """
    rng = random.Random(seed)
    sent_a = [f"RE|RN{n:04d}|RS{n % 10}|IDa{n}|".encode() for n in range(count)]
    sent_b = [f"GI|RN{n:04d}|G#{n}|GNGuest {n}|GSN|".encode() for n in range(count)]
    got_b: list[bytes] = []
    pending = {"a": list(sent_a), "b": list(sent_b)}
    damage = {"a": Damage(rate, seed), "b": Damage(rate, seed + 1)}  # on what each end writes
    restarts = 0
    now = 0.0
    while pending["a"] or pending["b"]:
        lines = {"a": FipsLine(T, settle_s=0.002), "b": FipsLine(T, settle_s=0.002)}
        for name, line in lines.items():
            for payload in pending[name]:
                line.send(payload)
        wires: dict[str, list[tuple[float, bytes]]] = {"a": [], "b": []}  # bytes on their way to each end
        while any(line.busy for line in lines.values()) and not any(line.broken for line in lines.values()):
            now += 0.001
            for name, other in (("a", "b"), ("b", "a")):
                inbox = wires[name]
                arrived = 0
                while arrived < len(inbox) and inbox[arrived][0] <= now:
                    arrived += 1
                data = b"".join(chunk for _, chunk in inbox[:arrived])
                del inbox[:arrived]
                out, events = lines[name].step(data, now)
                if name == "b":
                    got_b += [e.record for e in events if e.record is not None]
                outbox = wires[other]
                while out:
                    size = rng.randint(1, 9)
                    due = max(outbox[-1][0] if outbox else 0.0, now + rng.uniform(0.001, 0.004))
                    outbox.append((due, damage[name].apply(out[:size])))
                    out = out[size:]
        pending = {name: line.unacknowledged() for name, line in lines.items()}
        restarts += any(line.broken for line in lines.values())
    return sent_a, _unrepeated(got_b), restarts


def _unrepeated(records: list[bytes]) -> list[bytes]:
    """A repeat after a lost ACK arrives right after the original; FIPS cannot tell them apart."""
    return [r for i, r in enumerate(records) if i == 0 or records[i - 1] != r]


@pytest.mark.parametrize("seed", range(SEED, SEED + 12))
def test_two_ends_over_a_damaged_wire_lose_nothing(seed: int) -> None:
    sent, got, _ = _wire(seed, 400, 0.01)
    assert got == sent


# --- the session: a resync counts only when whole ------------------------------------------
class _Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 11, 20, 22, 0)

    def __call__(self) -> datetime:
        return self.at


def _alive(delivered: list[FiasRecord]) -> tuple[FiasSession, _Clock]:
    clock = _Clock()
    session = FiasSession(clock, delivered.append, answer_timeout=timedelta(seconds=5))
    session.connected()
    session.receive(stamped("LS", clock()))
    session.receive(stamped("LA", clock()))
    assert session.phase is LinkPhase.ALIVE
    return session, clock


def test_records_the_line_never_acknowledged_go_again_after_the_next_link_start() -> None:
    session, clock = _alive([])
    out = session.send(FiasRecord("RE", (("RN", "101"), ("RS", "3"))))
    out += session.post(Posting("101", clock(), 100, "0123", 60))
    session.disconnected([*out, stamped("LA", clock())])
    assert session.phase is LinkPhase.DOWN
    session.connected()
    session.receive(stamped("LS", clock()))
    again = session.receive(stamped("LA", clock()))
    assert [r.kind for r in again] == ["RE", "PS"]


def test_damage_on_tcp_asks_for_a_resync_once_a_while() -> None:
    session, clock = _alive([])
    assert [r.kind for r in session.damaged()] == ["DR"]
    assert session.damaged() == []
    clock.at += timedelta(minutes=3)
    assert [r.kind for r in session.tick()] == ["DR"]


def test_a_resync_with_bytes_lost_or_without_its_start_checks_nobody_out() -> None:
    delivered: list[FiasRecord] = []
    session, clock = _alive(delivered)
    session.receive(stamped("DS", clock()))
    session.receive(FiasRecord("GI", (("RN", "101"), ("SF", ""))))
    session.damaged()
    again = session.receive(stamped("DE", clock()))
    assert [r.kind for r in delivered] == ["DS", "GI"], "the spoiled resync's end is not applied"
    assert [r.kind for r in again] == ["DR"]
    clock.at += timedelta(minutes=3)
    session.receive(stamped("DE", clock()))  # an end without its start
    assert [r.kind for r in delivered] == ["DS", "GI"] and session.resyncs_refused == 2


def test_a_resync_cut_by_a_drop_is_asked_for_again() -> None:
    session, clock = _alive([])
    session.receive(stamped("DS", clock()))
    session.disconnected()
    session.connected()
    session.receive(stamped("LS", clock()))
    assert [r.kind for r in session.receive(stamped("LA", clock()))] == ["DR"]


def test_a_stalled_resync_lets_held_records_go() -> None:
    session, clock = _alive([])
    session.receive(stamped("DS", clock()))
    assert session.send(FiasRecord("RE", (("RN", "101"), ("RS", "3")))) == []
    clock.at += timedelta(seconds=6)
    assert [r.kind for r in session.tick()] == ["RE", "DR"]


# --- the console's link against the PMS through a damaging relay ---------------------------
class Console:
    def __init__(self, port: int, serial_framing: bool) -> None:
        self.hotel = MemoryHotel()
        self.received: list[FiasRecord] = []
        self.events: list[object] = []
        settings = LinkSettings(
            f"socket://127.0.0.1:{port}",
            serial_framing=serial_framing,
            listen_s=0.5,
            ack_timeout_s=LINK_T,
            answer_timeout_s=1.5,
        )
        self.link = FiasLink(settings, SystemClock(), self._deliver, self.events.append)
        self.desk = PmsFrontDesk(self.hotel, self.hotel, self.link.send)

    def _deliver(self, rec: FiasRecord) -> None:
        self.received.append(rec)
        self.desk.apply(rec)

    def resyncs_applied(self) -> int:
        return sum(1 for r in list(self.received) if r.kind == "DE")

    def data_received(self) -> list[FiasRecord]:
        return _unrepeated_records([r for r in list(self.received) if r.kind not in ("DS", "DE")])


def _unrepeated_records(records: list[FiasRecord]) -> list[FiasRecord]:
    return [r for i, r in enumerate(records) if i == 0 or records[i - 1] != r]


@pytest.fixture(params=[True, False], ids=["serial", "tcp"])
def wired(request: pytest.FixtureRequest) -> Iterator[tuple[PmsPeer, Line, Console]]:
    serial_framing: bool = request.param
    with (
        pms_on_tcp(serial_framing, ack_timeout_s=LINK_T, settle_s=0.002, resync_dnd=True) as (pms, pms_port),
        Line(pms_port, damage=0.01, seed=SEED) as line,
    ):
        console = Console(line.port, serial_framing)
        console.link.start()
        try:
            yield pms, line, console
        finally:
            console.link.stop()


def _traffic(pms: PmsPeer, line: Line, console: Console, seed: int) -> tuple[list[FiasRecord], list[Posting]]:
    """Check-ins, room moves, DND and check-outs from the PMS; maid status, DND (RS8/RS10) and
    postings from the console; the line cut at a third and at two thirds."""
    rng = random.Random(seed)
    statuses: list[FiasRecord] = []
    postings: list[Posting] = []
    rooms = [f"{floor}{n:02d}" for floor in range(3, 9) for n in range(1, 40)]
    vacant = list(rooms)
    rng.shuffle(vacant)
    occupied: list[str] = []
    for i in range(240):
        if i in (80, 160):
            line.cut()
        roll = rng.random()
        if roll < 0.45 or len(occupied) < 5:
            room = vacant.pop()
            pms.send("GI", ("RN", room), ("G#", str(60000 + i)), ("GN", f"Guest {i}"), ("GS", "N"))
            occupied.append(room)
        elif roll < 0.6:
            old, new = occupied.pop(rng.randrange(len(occupied))), vacant.pop()
            reservation = pms.guests[old][0]
            pms.send("GC", ("G#", reservation), ("RN", new), ("GS", "N"), ("RO", old), ("GS", "N"))
            occupied.append(new)
            vacant.insert(0, old)
        elif roll < 0.8:
            pms.send("RE", ("RN", rng.choice(occupied)), ("DN", rng.choice("YN")))
        else:
            room = occupied.pop(rng.randrange(len(occupied)))
            pms.send("GO", ("RN", room), ("G#", pms.guests[room][0]), ("GS", "N"))
            vacant.insert(0, room)
        if i % 4 == 0:
            # Maid status, or the guest-service DND status (RS8 on, RS10 off): DN never goes to the PMS.
            status = rng.choice(["1", "3", "5", "8", "10"])
            rec = FiasRecord("RE", (("RN", rng.choice(rooms)), ("RS", status), ("ID", f"op{i}")))
            statuses.append(rec)
            console.link.send(rec)
        if i % 12 == 0:
            posting = Posting(
                rng.choice(rooms), datetime(2026, 11, 20, 22, 0), 100 + i, "0213456789", 60 + i, "L"
            )
            postings.append(posting)
            console.link.post(posting)
        time.sleep(0.01)
    return statuses, postings


def _state(guests: dict[str, tuple[str, str]], dnd: dict[str, bool]) -> tuple[object, ...]:
    """Who is in which room, and which of those rooms have DND on."""
    return dict(guests), {room for room, on in dnd.items() if on and room in guests}


def _same_state(pms: PmsPeer, console: Console) -> bool:
    with console.hotel.lock:
        mine = _state(console.hotel.guests, console.hotel.dnd)
    return mine == _state(pms.guests, pms.dnd)


@pytest.mark.slow
def test_a_damaged_line_cut_twice_loses_no_record(wired: tuple[PmsPeer, Line, Console]) -> None:
    pms, line, console = wired
    serial_framing = pms.serial_framing
    assert pms.alive.wait(10)
    statuses, postings = _traffic(pms, line, console, SEED)
    assert line.cuts == 2

    # Every posting reached the PMS: each PS waits for its own PA, sent again until it comes.
    eventually(lambda: console.link.session.pending_postings == 0 and pms.queued == 0, timeout=60)
    assert line.to_console.flips > 30 and line.to_pms.flips > 10, "the damage went both ways"
    numbers = {int(r.get("P#")) for r in pms.records("PS") if r.get("P#").isdigit()}
    assert numbers >= set(range(1, len(postings) + 1))
    if serial_framing:
        # With LRC and ACK/NAK nothing is lost or altered, either way, cut or not.
        eventually(lambda: console.data_received() == pms.sent, timeout=30)
        for rec in pms.records("PS"):
            posting = postings[int(rec.get("P#")) - 1]
            assert (rec.get("RN"), rec.get("TA")) == (posting.room, str(posting.cents))
        eventually(lambda: _unrepeated_records(pms.records("RE")) == statuses, timeout=30)
    else:
        # TCP checks nothing: a damaged record is lost or altered, and only a resync on a sound
        # line repairs the state. The console asked for one itself when it saw bytes go astray.
        line.repair()

    # A resync (damaged still on the serial line) leaves the console with the PMS's state.
    resyncs = console.resyncs_applied()
    console.link.request_resync()
    eventually(lambda: console.resyncs_applied() > resyncs and _same_state(pms, console), timeout=60)
    counters = [e for e in list(console.events) if isinstance(e, LinkCounters)]
    assert max(c.errors for c in counters) > 0 and max(c.reconnects for c in counters) >= 2
