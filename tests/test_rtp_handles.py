"""The line's count of pjlib handles for RTP/RTCP sockets: a call's pair comes back only after the free
delay, and the line says no before the I/O queue would be empty."""

from __future__ import annotations

from hardware.sip.rtp_handles import FREE_DELAY_S, MARGIN_S, PER_CALL, QUEUE_HANDLES, RESERVE, RtpHandles


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_quiet_line_has_room_for_every_call() -> None:
    handles = RtpHandles(Ticks())
    assert handles.spare(0) == (QUEUE_HANDLES - RESERVE) // PER_CALL
    assert handles.spare(4) == (QUEUE_HANDLES - RESERVE) // PER_CALL - 4


def test_ended_calls_hold_their_handles_for_the_free_delay() -> None:
    ticks = Ticks()
    handles = RtpHandles(ticks)
    limit = (QUEUE_HANDLES - RESERVE) // PER_CALL
    for _ in range(limit - 1):  # calls made and ended within a few milliseconds
        handles.closed()
        ticks.now += 0.001
    assert handles.spare(1) == 0  # the caller on the line and the closing ones take every handle
    assert handles.spare(0) == 1
    ticks.now += FREE_DELAY_S  # not yet: pjlib's delay runs from when each was closed, plus a margin
    assert handles.spare(1) == 0
    ticks.now += MARGIN_S
    assert handles.spare(1) > 0
    ticks.now += 1.0
    assert handles.closing() == 0 and handles.spare(1) == limit - 1


def test_never_more_calls_than_handles() -> None:
    """However fast calls come and go, what is open and closing never exceeds pjlib's queue."""
    ticks = Ticks()
    handles = RtpHandles(ticks)
    open_calls = 0
    for step in range(2000):
        ticks.now += 0.002
        if handles.spare(open_calls) > 0:
            open_calls += 1
        if step % 3 == 0 and open_calls:
            open_calls -= 1
            handles.closed()
        assert PER_CALL * (open_calls + handles.closing()) <= QUEUE_HANDLES - RESERVE
