"""The training PBX's event stream, driven on a fake clock."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from hardware.training_pbx import TrafficProfile, TrainingPbx
from switchboard.clock import FakeClock
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
)

EXTS = [f"{f}{n:02d}" for f in range(3, 6) for n in range(1, 11)] + ["8000", "8020"]
QUIET = TrafficProfile(
    operator_calls_per_hour=0, extension_calls_per_hour=0, no_answer_share=0.0, start_busy_share=0
)


def make(clock: FakeClock, **kw: object) -> tuple[TrainingPbx, list[PbxEvent]]:
    events: list[PbxEvent] = []
    pbx = TrainingPbx(clock, EXTS, departments=["8000", "8020"], **kw)  # type: ignore[arg-type]
    pbx.start(events.append, threaded=False)
    return pbx, events


def run(pbx: TrainingPbx, clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    for _ in range(int(seconds / step)):
        clock.advance(step)
        pbx.pump()


def of(events: list[PbxEvent], kind: type) -> list:
    return [e for e in events if isinstance(e, kind)]


def test_link_says_training(clock: FakeClock) -> None:
    _pbx, events = make(clock, profile=QUIET)
    assert isinstance(events[0], LinkStateChanged)
    assert events[0].status is LinkStatus.TRAINING


def test_realistic_traffic_over_an_hour(clock: FakeClock) -> None:
    pbx, events = make(clock, profile=TrafficProfile(operator_calls_per_hour=90), seed=3)
    pbx.watch(EXTS)
    run(pbx, clock, 3600, step=2)
    offered = of(events, CallOffered)
    assert 60 <= len(offered) <= 130  # about 90 an hour
    kinds = Counter(o.kind for o in offered)
    assert kinds[CallKind.ROOM] > kinds[CallKind.OUTSIDE] > 0
    offered_at = [o.offered_at for o in offered]
    assert offered_at == sorted(offered_at)
    ended = of(events, CallEnded)
    assert sum(1 for e in ended if e.reason == "abandoned") >= len(offered) * 0.5  # nobody answered them
    lamps = Counter(e.state for e in of(events, LampChanged))
    assert lamps[LampState.RINGING] > 10 and lamps[LampState.BUSY] > 10 and lamps[LampState.IDLE] > 10


def test_answer_hold_retrieve_release(clock: FakeClock) -> None:
    pbx, events = make(clock, profile=QUIET)
    call = pbx.offer_call("305")
    pbx.pump()
    pbx.answer(call)
    pbx.hold(call)
    pbx.retrieve(call)
    pbx.release(call)
    pbx.pump()
    states = [e.state for e in of(events, CallStateChanged) if e.call_id == call]
    assert states == [CallState.CONNECTED, CallState.HELD, CallState.CONNECTED]
    assert of(events, CallEnded)[-1].call_id == call


def test_transfer_to_busy_or_dnd_fails_with_the_reason(clock: FakeClock) -> None:
    pbx, events = make(clock, profile=QUIET)
    pbx.set_extension_busy("401", True)
    pbx.set_dnd("402", True)
    call = pbx.offer_call("+86 21 5555 0000", CallKind.OUTSIDE)
    pbx.pump()
    pbx.answer(call)
    pbx.blind_transfer(call, "401")
    pbx.blind_transfer(call, "402")
    pbx.blind_transfer(call, "9999")
    pbx.pump()
    reasons = [f.reason for f in of(events, CallFailed)]
    assert reasons == [FailureReason.BUSY, FailureReason.DND, FailureReason.NOT_FOUND]
    assert pbx.lamp("402") is LampState.DND


def test_blind_transfer_to_idle_room_is_answered_there(clock: FakeClock) -> None:
    pbx, events = make(clock, profile=QUIET)
    call = pbx.offer_call("8000", CallKind.INTERNAL)
    pbx.pump()
    pbx.answer(call)
    pbx.blind_transfer(call, "503")
    run(pbx, clock, 15)
    assert any(e.call_id == call for e in of(events, CallEnded))
    lamp_states = [e.state for e in of(events, LampChanged) if e.extension == "503"]
    assert lamp_states[:2] == [LampState.RINGING, LampState.BUSY]


def test_camp_on_rings_through_when_free_and_recalls_when_not(clock: FakeClock) -> None:
    pbx, events = make(clock, profile=QUIET)
    pbx.set_extension_busy("301", True)
    pbx.set_extension_busy("302", True)
    first = pbx.offer_call("+86 10 1234 5678", CallKind.OUTSIDE)
    second = pbx.offer_call("+86 10 8765 4321", CallKind.OUTSIDE)
    pbx.pump()
    pbx.camp_on(first, "301", recall_after_s=60)
    pbx.camp_on(second, "302", recall_after_s=30)
    run(pbx, clock, 5)
    pbx.set_extension_busy("301", False)  # 301 hangs up: the camped caller rings through
    run(pbx, clock, 40)
    recalls = [o for o in of(events, CallOffered) if o.recall_of]
    assert [(r.call_id, r.recall_of) for r in recalls] == [(second, "302")]
    assert any(e.call_id == first and e.state is CallState.TRANSFERRED for e in of(events, CallStateChanged))


def test_announced_transfer_and_park(clock: FakeClock) -> None:
    pbx, events = make(clock, profile=QUIET)
    call = pbx.offer_call("307")
    pbx.pump()
    pbx.answer(call)
    leg = pbx.consult(call, "8020")
    run(pbx, clock, 12)
    assert any(e.call_id == leg and e.state is CallState.CONSULTING for e in of(events, CallStateChanged))
    pbx.complete_transfer(call, leg)
    pbx.pump()
    assert {e.call_id for e in of(events, CallEnded)} >= {call, leg}
    other = pbx.offer_call("308")
    pbx.pump()
    pbx.answer(other)
    pbx.park(other)
    pbx.pump()
    parked = [e for e in of(events, CallStateChanged) if e.state is CallState.PARKED]
    assert parked and parked[0].peer == "7901"  # the default slots, clear of the demo hotel's rooms
    pbx.pickup("7901")
    pbx.pump()
    assert of(events, CallStateChanged)[-1].state is CallState.CONNECTED


def test_a_calling_room_shows_busy_until_it_hangs_up() -> None:
    clock = FakeClock(datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    pbx, _events = make(clock, profile=QUIET)
    call_id = pbx.offer_call("301")
    pbx.pump()
    assert pbx.lamp("301") is LampState.BUSY
    pbx.answer(call_id)
    pbx.release(call_id)
    pbx.pump()
    assert pbx.lamp("301") is LampState.IDLE
