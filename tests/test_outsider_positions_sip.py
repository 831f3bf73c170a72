"""Issue 18 from outside on the SIP lab (Kamailio, baresip callers, three pjsua2 positions in processes of
their own on one PostgreSQL database): a camp-on is visible on every position; the operator of the camping
position signs out and the camped caller rings on *all* the others ("a recall goes to the position that
parked or camped the call, or to all when that one is signed out"); when one answers, the call leaves the
other's queue within 200 ms."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from db.shared_parks import SqlSharedParks
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.positions import AsideKind
from tests.positions_lab import Position
from tests.sip_lab import KamailioLab
from tests.sip_lab.baresip import BaresipPhone


def _until(check: Callable[[], object], timeout: float = 15.0) -> object:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = check()
        if got:
            return got
        time.sleep(0.05)
    raise AssertionError("condition not met")


@pytest.mark.sip
@pytest.mark.postgres
def test_a_camped_call_at_a_position_that_signs_out_rings_on_all_others_and_leaves_fast(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone], pg_url: str
) -> None:
    store = Store(pg_url)
    store.migrate()
    book = SqlSharedParks(store, FakeClock(datetime(2026, 12, 5, tzinfo=UTC)), "outsider")
    names = ("Camping", "Second", "Third")
    positions = [Position(n, kamailio, pg_url, answer=False) for n in names]
    camping, second, third = positions
    try:
        for p in positions:
            p.wait("link", status="up")
        busy = baresip_phone("1205")
        baresip_phone("1206")
        busy.dial("1206")
        busy.wait_event("CALL_ESTABLISHED")
        caller = baresip_phone("1304")
        caller.dial("9")
        first = camping.wait("offered", caller="1304")
        for p in (second, third):  # one queue: it rang everywhere
            p.wait("offered", caller="1304")
        camping.send(f"answer {first['call']}")
        camping.wait("state", call=first["call"], state="connected")
        camping.send(f"camp {first['call']} 1205 60")  # recall in 60 s: the sign-out comes first
        camping.wait("state", call=first["call"], state="camped")
        shared = _until(lambda: [a for a in book.all() if a.kind is AsideKind.CAMP])
        assert isinstance(shared, list) and [(a.where, a.caller, a.position) for a in shared] == [
            ("1205", "1304", "Camping")
        ], "the camp-on is in the shared park area, for every position"
        before = {p.name: len(p.of("offered", caller="1304")) for p in (second, third)}
        camping.send("sign-out")
        for p in (second, third):
            _until(lambda p=p: len(p.of("offered", caller="1304")) > before[p.name])  # type: ignore[misc]
        again = second.of("offered", caller="1304")[-1]
        other = third.of("offered", caller="1304")[-1]
        second.send(f"answer {again['call']}")
        connected = second.wait("state", call=again["call"], state="connected", timeout=10)
        gone = third.wait("ended", call=other["call"], timeout=5)
        assert gone["t"] - connected["t"] <= 0.2, (
            f"left the other queue after {gone['t'] - connected['t']:.3f} s"
        )
        _until(lambda: not book.all())
    finally:
        for p in positions:
            p.stop()
        store.dispose()
