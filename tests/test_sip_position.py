"""The SIP attendant position against the real lab: Kamailio, baresip room phones, sipp callers.

Every call here travels as SIP through Kamailio on loopback; the console side is
``SipPosition`` with its ringing front and its pjsua2 line in the test process."""

from __future__ import annotations

import array
import json
import math
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

from hardware.sip.position import SipPosition
from switchboard.clock import SystemClock
from switchboard.pbx import (
    CallEnded,
    CallFailed,
    CallKind,
    CallOffered,
    CallState,
    CallStateChanged,
    FailureReason,
    LampChanged,
    LampState,
    LinkStateChanged,
    LinkStatus,
    PbxEvent,
    PositionSettings,
)
from tests.sip_lab import BaresipPhone, KamailioLab, run_sipp_calls

pytestmark = pytest.mark.sip

OPERATOR = "9"
E = TypeVar("E")


class Console:
    """The position and the events it sent, as the GUI thread would receive them."""

    def __init__(self, position: SipPosition) -> None:
        self.position = position
        self.events: queue.Queue[PbxEvent] = queue.Queue()
        self.seen: list[PbxEvent] = []

    def wait(self, kind: type[E], match: Callable[[E], bool] = lambda _e: True, timeout: float = 10.0) -> E:
        for event in self.seen:
            if isinstance(event, kind) and match(event):
                self.seen.remove(event)
                return event
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {kind.__name__} within {timeout}s; saw {self.seen[-8:]}")
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if isinstance(event, kind) and match(event):
                return event
            self.seen.append(event)

    def state(self, call_id: str, state: CallState, timeout: float = 10.0) -> CallStateChanged:
        return self.wait(CallStateChanged, lambda e: e.call_id == call_id and e.state is state, timeout)

    def offered(self, caller: str = "", timeout: float = 10.0) -> CallOffered:
        return self.wait(CallOffered, lambda e: not caller or e.caller == caller, timeout)


@pytest.fixture
def console_on(request: pytest.FixtureRequest) -> Iterator[Callable[..., Console]]:
    started: list[SipPosition] = []

    def make(
        lab: KamailioLab, password: str = "", extension: str = OPERATOR, registered: bool = True
    ) -> Console:
        settings = PositionSettings(server=lab.domain, extension=extension, password=password)
        position = SipPosition(settings, SystemClock())
        console = Console(position)
        started.append(position)
        position.start(console.events.put)
        assert position.ready.wait(10)
        if registered:
            link = console.wait(LinkStateChanged, lambda e: e.status is not LinkStatus.CONNECTING)
            assert link.status is LinkStatus.UP, link.detail
        return console

    try:
        yield make
    finally:
        for position in started:
            position.stop()


def audioop_rms(frame: bytes) -> float:
    samples = array.array("h", frame[: len(frame) // 2 * 2])
    return math.sqrt(sum(x * x for x in samples) / len(samples)) if samples else 0.0


def room_calls_console(phone: BaresipPhone, console: Console) -> CallOffered:
    phone.dial(OPERATOR)
    return console.offered(phone.ext)


def answered(phone: BaresipPhone, console: Console, offer: CallOffered) -> None:
    console.position.answer(offer.call_id)
    console.state(offer.call_id, CallState.CONNECTED)
    phone.wait_event("CALL_ESTABLISHED")


def test_registers_and_a_room_call_reaches_the_queue_and_is_answered(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    assert f"sip:{OPERATOR}@" in kamailio.rpc("ul.dump") or OPERATOR in kamailio.rpc("ul.dump")
    room = baresip_phone("1205")
    offer = room_calls_console(room, console)
    assert offer.kind is CallKind.ROOM and offer.called == OPERATOR and offer.recall_of == ""
    time.sleep(0.3)  # still ringing: nobody answered yet
    assert not any(isinstance(e, CallStateChanged) for e in console.seen)
    answered(room, console, offer)
    headset = console.position.headset
    assert headset is not None
    time.sleep(1.0)  # the room's microphone is a 440 Hz tone: the operator's port hears it
    loudest = max((audioop_rms(frame) for frame in list(headset.heard)), default=0)
    assert headset.frames_heard > 20 and loudest > 500, (headset.frames_heard, loudest)
    console.position.hold(offer.call_id)
    console.state(offer.call_id, CallState.HELD)
    console.position.retrieve(offer.call_id)
    console.state(offer.call_id, CallState.CONNECTED)
    console.position.release(offer.call_id)
    ended = console.wait(CallEnded, lambda e: e.call_id == offer.call_id)
    assert ended.reason == "released"
    room.wait_event("CALL_CLOSED")


def test_a_caller_who_hangs_up_while_waiting_leaves_the_queue(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    room = baresip_phone("1206")
    offer = room_calls_console(room, console)
    room.hangup()
    ended = console.wait(CallEnded, lambda e: e.call_id == offer.call_id)
    assert ended.reason == "abandoned"


def test_wrong_password_says_so(kamailio_auth: KamailioLab, console_on: Callable[..., Console]) -> None:
    kamailio_auth.add_subscriber(OPERATOR, "right-secret")
    kamailio_auth.start()
    console = console_on(kamailio_auth, password="wrong", registered=False)
    link = console.wait(LinkStateChanged, lambda e: e.status is not LinkStatus.CONNECTING)
    assert link.status is LinkStatus.DOWN
    assert "refused the password" in link.detail and OPERATOR in link.detail


def test_right_password_registers_and_takes_a_call(
    kamailio_auth: KamailioLab, console_on: Callable[..., Console]
) -> None:
    kamailio_auth.add_subscriber(OPERATOR, "right-secret")
    kamailio_auth.add_subscriber("1210", "room-secret")
    kamailio_auth.start()
    console = console_on(kamailio_auth, password="right-secret")
    room = BaresipPhone("1210", kamailio_auth.domain, password="room-secret")
    try:
        room.start()
        room.wait_registered()
        offer = room_calls_console(room, console)
        answered(room, console, offer)
        console.position.release(offer.call_id)
        room.wait_event("CALL_CLOSED")
        # the console's own outgoing call answers the PBX's challenge too
        call_id = console.position.dial("1210")
        console.state(call_id, CallState.CONNECTED)
        room.wait_event("CALL_ESTABLISHED")
    finally:
        room.close()


def test_blind_transfer_to_a_room_that_answers(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    caller = baresip_phone("1301")
    target = baresip_phone("1302")
    offer = room_calls_console(caller, console)
    answered(caller, console, offer)
    console.position.blind_transfer(offer.call_id, "1302")
    assert console.state(offer.call_id, CallState.TRANSFERRED).peer == "1302"
    target.wait_event("CALL_ESTABLISHED")
    ended = console.wait(CallEnded, lambda e: e.call_id == offer.call_id)
    assert ended.reason == "answered at 1302"
    assert "1302" in kamailio.rpc("dlg.list") and "1301" in kamailio.rpc("dlg.list")


def test_announced_transfer_joins_the_caller_to_the_consulted_room(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], console_on: Callable[..., Console]
) -> None:
    """REFER with Replaces reaches the caller; baresip 1.0 has no Replaces of its own and dials the
    Refer-To URI as it is, so the room gets a fresh call from the caller and the console ends its
    consultation leg itself. Either way the caller and the room end up talking, the console on neither."""
    console = console_on(kamailio)
    caller = baresip_phone("1401")
    target = baresip_phone("1402")
    offer = room_calls_console(caller, console)
    answered(caller, console, offer)
    consult_id = console.position.consult(offer.call_id, "1402")
    console.state(offer.call_id, CallState.HELD)
    console.state(consult_id, CallState.CONSULTING)
    target.wait_event("CALL_ESTABLISHED")
    console.position.complete_transfer(offer.call_id, consult_id)
    console.wait(CallEnded, lambda e: e.call_id == offer.call_id)
    console.wait(CallEnded, lambda e: e.call_id == consult_id)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # Kamailio now has one call, between the two rooms
        dialogs = kamailio.rpc("dlg.list")
        confirmed = [d for d in dialogs.split("h_entry")[1:] if "state: 4" in d]
        if len(confirmed) == 1 and "sip:1401@" in confirmed[0] and "sip:1402@" in confirmed[0]:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the rooms are not talking: {kamailio.rpc('dlg.list')}")


def test_park_and_pick_up(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    caller = baresip_phone("1501")
    offer = room_calls_console(caller, console)
    answered(caller, console, offer)
    console.position.park(offer.call_id)
    slot = console.state(offer.call_id, CallState.PARKED).peer
    assert slot == "701"
    assert console.position.pickup(slot) == offer.call_id
    console.state(offer.call_id, CallState.CONNECTED)
    console.position.release(offer.call_id)
    caller.wait_event("CALL_CLOSED")


def test_camp_on_a_busy_room_recalls_the_console_after_the_time_out(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    busy = baresip_phone("1601")
    other = baresip_phone("1602")
    caller = baresip_phone("1603")
    busy.dial("1602")
    other.wait_event("CALL_ESTABLISHED")
    offer = room_calls_console(caller, console)
    answered(caller, console, offer)
    console.position.camp_on(offer.call_id, "1601", recall_after_s=3.0)
    started = time.monotonic()
    assert console.state(offer.call_id, CallState.CAMPED).peer == "1601"
    recall = console.wait(CallOffered, lambda e: e.call_id == offer.call_id, timeout=10)
    assert recall.recall_of == "1601" and time.monotonic() - started >= 2.9
    console.position.answer(offer.call_id)
    console.state(offer.call_id, CallState.CONNECTED)
    # camp again; this time the room frees up and the caller rings through
    console.position.camp_on(offer.call_id, "1601", recall_after_s=30.0)
    console.state(offer.call_id, CallState.CAMPED)
    busy.hangup()
    assert console.state(offer.call_id, CallState.TRANSFERRED).peer == "1601"
    busy.wait_event("CALL_ESTABLISHED")


@contextmanager
def sipp_calling(lab: KamailioLab, folder: Path, calls: int, hold_ms: int) -> Iterator[None]:
    """sipp calls the console from outside while the body runs; every one of its calls must succeed."""
    result: list[object] = []
    sipp = threading.Thread(
        target=lambda: result.append(
            run_sipp_calls(lab.domain, OPERATOR, folder, calls=calls, rate=50, limit=calls, hold_ms=hold_ms)
        )
    )
    sipp.start()
    try:
        yield
    finally:
        sipp.join(60)
    assert result and getattr(result[0], "ok", False), getattr(result[0], "stdout", "")[-2000:]


def test_six_calls_wait_at_once_and_none_is_rejected(
    kamailio: KamailioLab, console_on: Callable[..., Console], tmp_path: Path
) -> None:
    console = console_on(kamailio)
    with sipp_calling(kamailio, tmp_path / "sipp", calls=6, hold_ms=300):
        offers = [console.offered(timeout=10) for _ in range(6)]
        assert len({o.call_id for o in offers}) == 6
        assert [o.offered_at for o in offers] == sorted(o.offered_at for o in offers)  # arrival order
        time.sleep(1.0)  # all six keep ringing: none was turned away
        assert not any(isinstance(e, CallEnded) for e in console.seen)
        for offer in offers:  # in arrival order, as the operator would
            console.position.answer(offer.call_id)
            console.state(offer.call_id, CallState.CONNECTED)
            console.wait(CallEnded, lambda e, o=offer: e.call_id == o.call_id)


def test_conference_and_dial_out(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    caller = baresip_phone("1701")
    manager = baresip_phone("1702")
    offer = room_calls_console(caller, console)
    answered(caller, console, offer)
    console.position.hold(offer.call_id)
    console.state(offer.call_id, CallState.HELD)
    out = console.position.dial("1702")
    console.state(out, CallState.DIALLING)
    console.state(out, CallState.CONNECTED)
    manager.wait_event("CALL_ESTABLISHED")
    console.position.conference(offer.call_id, out)
    console.state(offer.call_id, CallState.CONFERENCE)
    console.state(out, CallState.CONFERENCE)
    time.sleep(1.0)
    assert caller.command("listcalls")["ok"] and manager.command("listcalls")["ok"]
    console.position.release(offer.call_id)
    console.position.release(out)
    caller.wait_event("CALL_CLOSED")
    manager.wait_event("CALL_CLOSED")


def test_dialling_a_room_nobody_registered_fails_cleanly(
    kamailio: KamailioLab, console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    call_id = console.position.dial("1999")
    failed = console.wait(CallFailed, lambda e: e.call_id == call_id)
    assert failed.target == "1999" and failed.detail.startswith("404")
    console.wait(CallEnded, lambda e: e.call_id == call_id)


def test_lamps_follow_a_real_call_and_show_dnd_and_unregistered(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone]
) -> None:
    settings = PositionSettings(server=kamailio.domain, extension=OPERATOR)
    position = SipPosition(
        settings, SystemClock(), registrations_url=kamailio.rpc_url, registrations_every_s=0.5
    )
    console = Console(position)
    position.start(console.events.put)
    try:
        a = baresip_phone("1801")
        b = baresip_phone("1802", auto_answer=False)
        position.watch(["1801", "1802", "1803"])

        def lamp(ext: str, state: LampState, timeout: float = 10.0) -> None:
            console.wait(LampChanged, lambda e: e.extension == ext and e.state is state, timeout)

        lamp("1803", LampState.UNREGISTERED)  # nobody registered 1803
        lamp("1801", LampState.IDLE)
        lamp("1802", LampState.IDLE)
        a.dial("1802")
        lamp("1802", LampState.RINGING)
        b.accept()
        lamp("1802", LampState.BUSY)
        lamp("1801", LampState.BUSY)
        a.hangup()
        lamp("1802", LampState.IDLE)
        position.set_dnd("1802", True)
        lamp("1802", LampState.DND)
        offer = room_calls_console(a, console)
        answered(a, console, offer)
        position.blind_transfer(offer.call_id, "1802")  # refused by the console: the room asked for no calls
        assert console.wait(CallFailed, lambda e: e.call_id == offer.call_id).reason is FailureReason.DND
        b.close()  # the room's telephone goes away: its registration is removed
        lamp("1802", LampState.UNREGISTERED)
    finally:
        position.stop()


def test_a_fifth_call_waits_while_four_lines_are_busy_and_garbage_changes_nothing(
    kamailio: KamailioLab, console_on: Callable[..., Console], tmp_path: Path
) -> None:
    console = console_on(kamailio)
    front = console.position._front
    assert front is not None
    noise = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    with closing(noise), sipp_calling(kamailio, tmp_path / "sipp", calls=5, hold_ms=3000):
        offers = [console.offered(timeout=10) for _ in range(5)]
        for junk in (b"", b"\x00\xff" * 300, b"INVITE\r\n\r\n", b"SIP/2.0 abc\r\n\r\n", "来电 😀".encode()):
            noise.sendto(junk, ("127.0.0.1", front.port))  # a damaged packet is dropped, the calls go on
        for offer in offers[:4]:
            console.position.answer(offer.call_id)
            console.state(offer.call_id, CallState.CONNECTED)
        console.position.answer(offers[4].call_id)
        refused = console.wait(CallFailed, lambda e: e.call_id == offers[4].call_id)
        assert "four console lines" in refused.detail
        assert not any(isinstance(e, CallEnded) and e.call_id == offers[4].call_id for e in console.seen)
        console.wait(CallEnded, lambda e: e.call_id == offers[0].call_id)  # the first caller hangs up
        console.position.answer(offers[4].call_id)  # the fifth, still ringing, now gets a line
        console.state(offers[4].call_id, CallState.CONNECTED)


def mwi_notifications(lab: KamailioLab, extension: str) -> tuple[socket.socket, Callable[[str, float], str]]:
    """A room telephone's message-summary subscription (raw SIP): returns its socket and a waiter that
    answers NOTIFYs and returns the first body containing the given text."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    uri = f"sip:{extension}@{lab.domain}"
    sock.sendto(
        (
            f"SUBSCRIBE {uri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};rport;branch=z9hG4bKmwi1\r\n"
            f"Max-Forwards: 70\r\nFrom: <{uri}>;tag=room\r\nTo: <{uri}>\r\nCall-ID: mwi-{port}\r\n"
            f"CSeq: 1 SUBSCRIBE\r\nContact: <sip:{extension}@127.0.0.1:{port}>\r\nEvent: message-summary\r\n"
            "Accept: application/simple-message-summary\r\nExpires: 60\r\nContent-Length: 0\r\n\r\n"
        ).encode(),
        ("127.0.0.1", lab.port),
    )

    def wait(text: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                data, source = sock.recvfrom(65535)
            except TimeoutError:
                break
            message = data.decode(errors="replace")
            if message.startswith("NOTIFY"):
                head = message.split("\r\n\r\n", 1)[0].split("\r\n")[1:]
                keep = [
                    h for h in head if h.split(":", 1)[0].lower() in ("via", "from", "to", "call-id", "cseq")
                ]
                sock.sendto(
                    ("SIP/2.0 200 OK\r\n" + "\r\n".join(keep) + "\r\nContent-Length: 0\r\n\r\n").encode(),
                    source,
                )
                body = message.split("\r\n\r\n", 1)[1]
                if text in body:
                    return body
        raise TimeoutError(f"no NOTIFY with {text!r} for {extension}")

    return sock, wait


def test_message_lamp_reaches_the_room_telephone(
    kamailio: KamailioLab, console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    sock, wait = mwi_notifications(kamailio, "1901")
    try:
        time.sleep(0.3)
        console.position.set_message_lamp("1901", True)
        assert "Message-Account: sip:1901@" in wait("Messages-Waiting: yes")
        console.position.set_message_lamp("1901", False)
        wait("Messages-Waiting: no")
    finally:
        sock.close()


def test_after_a_pbx_restart_the_console_takes_calls_again(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone]
) -> None:
    settings = PositionSettings(server=kamailio.domain, extension=OPERATOR)
    position = SipPosition(
        settings, SystemClock(), registrations_url=kamailio.rpc_url, registrations_every_s=0.5
    )
    console = Console(position)
    position.start(console.events.put)
    try:
        console.wait(LinkStateChanged, lambda e: e.status is LinkStatus.UP)
        room = baresip_phone("1951")
        kamailio.restart()  # registrations are gone: the console notices and registers again
        deadline = time.monotonic() + 10
        while f"AoR: {OPERATOR}" not in kamailio.rpc("ul.dump") and time.monotonic() < deadline:
            time.sleep(0.2)
        offer = room_calls_console(room, console)
        answered(room, console, offer)
    finally:
        position.stop()


class PjPhone:
    """A pjsua2 room telephone in its own process (tests/sip_lab/pj_phone.py): it does Replaces."""

    def __init__(self, lab: KamailioLab, ext: str, dial: str = "") -> None:
        self.ext = ext
        self.events: queue.Queue[dict[str, object]] = queue.Queue()
        self.seen: list[dict[str, object]] = []
        cmd = [sys.executable, "-m", "tests.sip_lab.pj_phone", "--domain", lab.domain, "--ext", ext]
        self.proc = subprocess.Popen(
            [*cmd, *(["--dial", dial] if dial else [])],
            cwd=Path(__file__).resolve().parent.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                self.events.put(json.loads(line))
            except ValueError:
                continue

    def wait(self, match: Callable[[dict[str, object]], bool], timeout: float = 10.0) -> dict[str, object]:
        for event in self.seen:
            if match(event):
                return event
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self.events.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(event)
            if match(event):
                return event
        raise TimeoutError(f"{self.ext}: not seen; saw {self.seen[-6:]}")

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


def test_announced_transfer_replaces_the_consultation_at_a_telephone_that_does_replaces(
    kamailio: KamailioLab, console_on: Callable[..., Console]
) -> None:
    console = console_on(kamailio)
    target = PjPhone(kamailio, "2102")
    caller: PjPhone | None = None
    try:
        target.wait(lambda e: e["event"] == "registered")
        caller = PjPhone(kamailio, "2101", dial=OPERATOR)
        offer = console.offered("2101")
        console.position.answer(offer.call_id)
        console.state(offer.call_id, CallState.CONNECTED)
        consult_id = console.position.consult(offer.call_id, "2102")
        console.state(consult_id, CallState.CONSULTING)
        console.position.complete_transfer(offer.call_id, consult_id)
        # the caller's telephone INVITEs the room with Replaces: the room swaps the console's leg for it
        target.wait(lambda e: e["event"] == "replaced")
        console.wait(CallEnded, lambda e: e.call_id == offer.call_id)
        console.wait(CallEnded, lambda e: e.call_id == consult_id)
        caller.wait(
            lambda e: e["event"] == "state" and e["state"] == "CONFIRMED" and "2102" in str(e["remote"])
        )
        # The console's two legs end with BYEs Kamailio may still be handling: give them a moment.
        deadline = time.monotonic() + 5
        while True:
            dialogs = [d for d in kamailio.rpc("dlg.list").split("h_entry")[1:] if "state: 4" in d]
            if len(dialogs) == 1 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert len(dialogs) == 1 and "sip:2101@" in dialogs[0] and "sip:2102@" in dialogs[0], dialogs
    finally:
        target.close()
        if caller is not None:
            caller.close()


def test_an_unreachable_pbx_is_reported_down_with_the_reason(console_on: Callable[..., Console]) -> None:
    nobody = KamailioLab()  # a free port with no PBX behind it (never started)
    try:
        console = console_on(nobody, registered=False)
        link = console.wait(LinkStateChanged, lambda e: e.status is LinkStatus.DOWN, timeout=10)
        assert link.detail == f"no answer from the PBX at {nobody.domain}"
    finally:
        nobody.close()


def test_the_operator_hears_the_room_in_the_headset_and_speaks_into_the_call(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], console_on: Callable[..., Console]
) -> None:
    """Room microphone (440 Hz) → Kamailio → pjsua2 → audio port → PortAudio → the earpiece's ALSA
    device; the headset microphone (660 Hz) → PortAudio → the port's queue that pjsua2 plays to the room."""
    from hardware.sip.headset import Headset
    from tests.conftest import HEADSET_DIR
    from tests.test_headset import power, tone, voiced

    (HEADSET_DIR / "microphone.raw").write_bytes(tone(660, 4.0))
    console = console_on(kamailio)
    room = baresip_phone("1207")
    offer = room_calls_console(room, console)
    answered(room, console, offer)
    port = console.position.headset
    assert port is not None
    tap = port.tap()
    spoken: list[bytes] = []

    class Tap:
        heard = tap.heard

        def speak(self, frame: bytes) -> None:
            spoken.append(frame)
            tap.speak(frame)

    headset = Headset(Tap(), output="test_earpiece", input="test_microphone")
    headset.start()
    try:
        time.sleep(1.5)
    finally:
        headset.stop()
    console.position.release(offer.call_id)
    console.wait(CallEnded, lambda e: e.call_id == offer.call_id)
    earpiece = (HEADSET_DIR / "earpiece.raw").read_bytes()
    assert headset.frames_played > 40, headset.frames_played
    played = voiced(earpiece)  # the test device has no clock: silence fills the gaps between frames
    assert len(played) > 40 * 640 and power(played, 440) > 20 * power(played, 660)
    said = b"".join(spoken)
    assert len(spoken) > 40 and power(said, 660) > 20 * power(said, 440)
