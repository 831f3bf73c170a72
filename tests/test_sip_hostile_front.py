"""The ringing front on the real lab, attacked as the issue describes: INVITEs straight to the front from
an address that is not the PBX, INVITEs from the PBX's address without the headers every request carries,
a Content-Length in Unicode digits, and more calls at once than the front may keep ringing.

RFC 3261 §8.2.2: a request missing a mandatory header is answered 400; §21.4.24 / §21.6.3: 486 Busy Here
tells the PBX this position cannot take another call (so it can route the caller elsewhere)."""

from __future__ import annotations

import re
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing
from pathlib import Path

import pytest

from switchboard.link_monitor import LinkCounters, LinkJournal, RawFrame
from switchboard.pbx import CallOffered, CallState, LinkName
from tests.sip_hostile import SAMPLES, invite_to, raw_socket, replaced, running_position, without
from tests.sip_lab import KamailioLab
from tests.test_sip_position import OPERATOR, Console, mwi_notifications, sipp_calling

pytestmark = pytest.mark.sip


@pytest.fixture
def position_on(kamailio: KamailioLab) -> Iterator[Callable[..., Console]]:
    with ExitStack() as stack:
        yield lambda **settings: stack.enter_context(running_position(kamailio, **settings))


def front_port(console: Console) -> int:
    front = console.position._front
    assert front is not None
    return front.port


def answers(sock: socket.socket, wait: float = 1.0) -> list[int]:
    """The status codes that came back to this socket within ``wait``."""
    codes: list[int] = []
    sock.settimeout(0.1)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            data = sock.recv(65535)
        except TimeoutError:
            continue
        status = re.match(rb"SIP/2\.0 ([1-6][0-9][0-9]) ", data)  # a 400 may lack what it lacked
        if status:
            codes.append(int(status.group(1)))
    return codes


def journal_of(console: Console, seconds: float = 1.5) -> LinkJournal:
    """The link monitor's journal fed with what the position sent (as the window's bridge would)."""
    journal = LinkJournal()
    deadline = time.monotonic() + seconds
    for event in list(console.seen):
        journal.take(event)
    while time.monotonic() < deadline:
        try:
            event = console.events.get(timeout=0.1)
        except Exception:
            continue
        console.seen.append(event)
        journal.take(event)
    return journal


def test_an_invite_from_anyone_but_the_pbx_is_dropped_counted_and_shown(
    kamailio: KamailioLab, position_on: Callable[..., Console], tmp_path: Path
) -> None:
    console = position_on()
    with closing(raw_socket()) as spoofer:
        for n in range(5):
            spoofer.sendto(
                invite_to(OPERATOR, kamailio.domain, f"spoof{n}"), ("127.0.0.1", front_port(console))
            )
        assert answers(spoofer) == []  # no 180, no 403: a forged source address gets nothing back
    journal = journal_of(console)
    assert not any(isinstance(e, CallOffered) for e in console.seen)
    view = journal.links[LinkName.PBX]
    assert view.counters is not None and view.counters.errors >= 5
    frames = [f for f in view.frames if f.bad]
    assert len(frames) >= 5 and all(f.data.startswith(b"[127.0.0.2:") for f in frames)
    assert b"not the PBX" in frames[0].data and b"INVITE sip:9@" in frames[0].data
    # The PBX's own calls still ring, are answered and end.
    with sipp_calling(kamailio, tmp_path / "sipp", calls=1, hold_ms=300):
        offer = console.offered(timeout=10)
        console.position.answer(offer.call_id)
        console.state(offer.call_id, CallState.CONNECTED)


@pytest.mark.parametrize("header", ["Call-ID", "Via", "CSeq", "From", "To", "Max-Forwards"])
def test_a_request_from_the_pbx_without_a_mandatory_header_gets_400_and_is_never_offered(
    kamailio: KamailioLab, position_on: Callable[..., Console], header: str
) -> None:
    console = position_on()
    with closing(
        raw_socket("127.0.0.1")
    ) as pbx_host:  # the PBX's address: trusted, but the request is broken
        port = pbx_host.getsockname()[1]
        invite = invite_to(OPERATOR, kamailio.domain, uuid.uuid4().hex, via_host="127.0.0.1", via_port=port)
        pbx_host.sendto(without(invite, header), ("127.0.0.1", front_port(console)))
        assert answers(pbx_host) == [400]
        broken = replaced(invite, "Content-Length", "Content-Length: 2²7".encode())
        pbx_host.sendto(broken, ("127.0.0.1", front_port(console)))
        assert answers(pbx_host) == [400]
    journal = journal_of(console, 1.2)
    assert not any(isinstance(e, CallOffered) for e in console.seen)
    counters = journal.links[LinkName.PBX].counters
    assert isinstance(counters, LinkCounters) and counters.errors == 2
    assert all(isinstance(f, RawFrame) and f.bad for f in journal.links[LinkName.PBX].frames)


def test_past_max_ringing_the_pbx_gets_486_and_the_waiting_calls_ring_on(
    kamailio: KamailioLab, position_on: Callable[..., Console], tmp_path: Path
) -> None:
    console = position_on(max_ringing=3)
    with closing(raw_socket("127.0.0.1")) as pbx_host:
        port = pbx_host.getsockname()[1]
        for n in range(3):
            invite = invite_to(OPERATOR, kamailio.domain, f"held{n}", via_host="127.0.0.1", via_port=port)
            pbx_host.sendto(invite, ("127.0.0.1", front_port(console)))
        assert answers(pbx_host) == [180, 180, 180]
        offers = [console.offered(timeout=5) for _ in range(3)]
        fourth = invite_to(OPERATOR, kamailio.domain, "one-too-many", via_host="127.0.0.1", via_port=port)
        pbx_host.sendto(fourth, ("127.0.0.1", front_port(console)))
        assert answers(pbx_host) == [486]
        with pytest.raises(TimeoutError):
            console.offered(timeout=0.5)
        console.position.release(offers[0].call_id)  # one leaves: there is room again
        assert 480 in answers(pbx_host)
        pbx_host.sendto(fourth.replace(b"one-too-many", b"now-room"), ("127.0.0.1", front_port(console)))
        assert answers(pbx_host) == [180]
        assert console.offered(timeout=5).caller == "alice"


def test_the_message_lamp_socket_hears_only_the_pbx_and_is_not_held_by_a_flood(
    kamailio: KamailioLab, position_on: Callable[..., Console]
) -> None:
    """Forged answers to the console's PUBLISHes from another address are dropped and counted; two thousand
    of them never keep the SIP thread from its calls; the lamp still reaches the room telephone."""
    console = position_on()
    mwi = console.position._mwi
    guard = console.position.guard
    assert mwi is not None and guard is not None
    sock, wait = mwi_notifications(kamailio, "1902")
    try:
        time.sleep(0.3)
        before = guard.refused
        forged = SAMPLES["rfc3261_register_f2.sip"]
        with closing(raw_socket()) as stranger:
            for n in range(2000):
                stranger.sendto(forged.replace(b"843817637684230", f"{n}".encode()), ("127.0.0.1", mwi.port))
                if n % 20 == 19:
                    time.sleep(0.001)
        console.position.set_message_lamp("1902", True)
        assert "Message-Account: sip:1902@" in wait("Messages-Waiting: yes")
        deadline = time.monotonic() + 5
        while guard.refused - before < 1900 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert guard.refused - before >= 1900
    finally:
        sock.close()
