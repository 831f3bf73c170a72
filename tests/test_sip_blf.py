"""BLF on the real lab: lamps follow real calls between two baresip phones, and recover after a restart."""

import queue
import time
from collections.abc import Iterator

import pytest

from hardware.sip.blf import BlfWatcher
from switchboard.clock import FakeClock
from switchboard.pbx import LampChanged, LampState
from tests.sip_lab import KamailioLab

pytestmark = pytest.mark.sip


@pytest.fixture
def lamps(kamailio: KamailioLab, clock: FakeClock) -> Iterator[tuple[BlfWatcher, "queue.Queue[LampChanged]"]]:
    seen: queue.Queue[LampChanged] = queue.Queue()
    watcher = BlfWatcher(kamailio.domain, clock, expires=20)
    watcher.watch(["1203", "2001", "1999"])
    watcher.start(seen.put)
    try:
        yield watcher, seen
    finally:
        watcher.stop()


def wait_lamp(
    seen: "queue.Queue[LampChanged]", ext: str, state: LampState, timeout: float = 10.0
) -> LampChanged:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            ev = seen.get(timeout=0.1)
        except queue.Empty:
            continue
        if ev.extension == ext and ev.state is state:
            return ev
    raise AssertionError(f"lamp {ext} never became {state}")


def call_and_watch(caller, room, seen) -> None:
    caller.dial(room.ext)
    room.wait_event("CALL_INCOMING")
    wait_lamp(seen, room.ext, LampState.RINGING)
    room.accept()
    wait_lamp(seen, room.ext, LampState.BUSY)
    caller.hangup()
    wait_lamp(seen, room.ext, LampState.IDLE)


def test_lamps_follow_a_real_call(lamps, baresip_phone, clock: FakeClock) -> None:
    watcher, seen = lamps
    room = baresip_phone("1203", auto_answer=False)
    caller = baresip_phone("2001")
    first = wait_lamp(seen, "1203", LampState.IDLE)
    assert first.at == clock.now()
    call_and_watch(caller, room, seen)
    assert watcher.lamp("1203") is LampState.IDLE


@pytest.mark.slow
def test_lamps_recover_after_kamailio_restarts(kamailio: KamailioLab, lamps, baresip_phone) -> None:
    _, seen = lamps
    wait_lamp(seen, "1203", LampState.IDLE)
    kamailio.restart()  # registrations and subscriptions are gone
    time.sleep(
        12
    )  # past the watcher's refresh (half of the 20 s expiry), which meets a server that forgot it
    room = baresip_phone("1203", auto_answer=False)
    caller = baresip_phone("2001")
    call_and_watch(caller, room, seen)


def test_lamps_with_digest_auth_and_a_wrong_password(kamailio_auth: KamailioLab, clock: FakeClock) -> None:
    kamailio_auth.add_subscriber("console", "s3cret")
    kamailio_auth.start()
    seen: queue.Queue[LampChanged] = queue.Queue()
    good = BlfWatcher(kamailio_auth.domain, clock, user="console", password="s3cret", expires=20)
    bad = BlfWatcher(kamailio_auth.domain, clock, user="console", password="wrong", expires=20)
    bad_seen: queue.Queue[LampChanged] = queue.Queue()
    for watcher, sink in ((good, seen), (bad, bad_seen)):
        watcher.watch(["1203"])
        watcher.start(sink.put)
    try:
        wait_lamp(seen, "1203", LampState.IDLE)
        time.sleep(1)
        assert bad.lamp("1203") is LampState.UNKNOWN and bad_seen.empty()
    finally:
        good.stop()
        bad.stop()
