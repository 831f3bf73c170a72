"""NOTIFYs that do not belong to their subscription change no lamp (RFC 6665 §4.1.3 dialog matching,
RFC 3261 §12.2.2 CSeq order, RFC 4235 §4.1 version order), on a real Kamailio subscription.

The forged NOTIFYs copy the real subscription's Call-ID and tags, as an attacker who saw one would; the
last one, from the PBX's address with everything right, must change the lamp, so the refusals before it
are refusals and not a watcher that stopped listening."""

from __future__ import annotations

import queue
import re
import socket
import time
from collections.abc import Iterator
from contextlib import closing

import pytest

from hardware.sip.blf import BlfWatcher
from switchboard.clock import FakeClock
from switchboard.pbx import LampChanged, LampState
from tests.sip_hostile import SAMPLES, raw_socket
from tests.sip_lab import KamailioLab
from tests.test_sip_blf import call_and_watch, wait_lamp

pytestmark = pytest.mark.sip

BODY = SAMPLES["kamailio_notify_early.sip"].partition(b"\r\n\r\n")[2].decode()


@pytest.fixture
def watched(kamailio: KamailioLab, clock: FakeClock) -> Iterator[tuple[BlfWatcher, queue.Queue[LampChanged]]]:
    seen: queue.Queue[LampChanged] = queue.Queue()
    watcher = BlfWatcher(kamailio.domain, clock, expires=20)
    watcher.watch(["1203"])
    watcher.start(seen.put)
    try:
        yield watcher, seen
    finally:
        watcher.stop()


def notify(
    watcher: BlfWatcher, *, cseq: int, version: int, state: str, from_tag: str = "", to_tag: str = ""
) -> bytes:
    """A NOTIFY for the watcher's subscription to 1203 (Kamailio's body captured for 102, made 1203's as
    Kamailio sends it for that subscription, its state and version changed)."""
    sub = watcher._subs["1203"]
    body = (
        re.sub(r'version="\d+"', f'version="{version}"', BODY)
        .replace("<state>early</state>", f"<state>{state}</state>")
        .replace('entity="sip:102@', 'entity="sip:1203@')
    )
    head = (
        f"NOTIFY sip:console@127.0.0.1:{watcher._port} SIP/2.0\r\n"
        "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKforged\r\nMax-Forwards: 70\r\n"
        f"To: <sip:console@127.0.0.1>;tag={to_tag or sub.from_tag}\r\n"
        f"From: <sip:1203@127.0.0.1>;tag={from_tag or sub.to_tag}\r\n"
        f"Call-ID: {sub.call_id}\r\nCSeq: {cseq} NOTIFY\r\nEvent: dialog\r\n"
        "Subscription-State: active;expires=20\r\nContent-Type: application/dialog-info+xml\r\n"
        f"Content-Length: {len(body.encode())}\r\n\r\n"
    )
    return head.encode() + body.encode()


def answer_to(sock: socket.socket) -> int:
    try:
        data = sock.recv(65535)
    except TimeoutError:
        return 0
    m = re.match(rb"SIP/2\.0 (\d{3}) ", data)
    return int(m.group(1)) if m else -1


def unchanged(watcher: BlfWatcher, seen: queue.Queue[LampChanged], lamp: LampState) -> None:
    time.sleep(0.3)
    assert seen.empty(), seen.get_nowait()
    assert watcher.lamp("1203") is lamp


def test_foreign_stale_and_mismatched_notifies_change_no_lamp(
    kamailio: KamailioLab, watched: tuple[BlfWatcher, queue.Queue[LampChanged]], baresip_phone, clock
) -> None:
    watcher, seen = watched
    room = baresip_phone("1203", auto_answer=False)
    caller = baresip_phone("2001")
    wait_lamp(seen, "1203", LampState.IDLE)
    call_and_watch(caller, room, seen)  # real NOTIFYs: versions and CSeqs are known now
    sub = watcher._subs["1203"]
    assert sub.version is not None and sub.remote_cseq is not None
    cseq, version = sub.remote_cseq, sub.version
    watcher_at = ("127.0.0.1", watcher._port)
    with closing(raw_socket()) as stranger, closing(raw_socket("127.0.0.1")) as pbx_host:
        # From an address that is not the PBX, everything else right: dropped, unanswered.
        stranger.sendto(notify(watcher, cseq=cseq + 1, version=version + 1, state="confirmed"), watcher_at)
        assert answer_to(stranger) == 0
        unchanged(watcher, seen, LampState.IDLE)
        # From the PBX's address but another dialog (a tag that is not the notifier's): 481.
        forged = notify(watcher, cseq=cseq + 1, version=version + 1, state="confirmed", from_tag="x" * 10)
        pbx_host.sendto(forged, watcher_at)
        assert answer_to(pbx_host) == 481
        forged = notify(watcher, cseq=cseq + 1, version=version + 1, state="confirmed", to_tag="not-ours")
        pbx_host.sendto(forged, watcher_at)
        assert answer_to(pbx_host) == 481
        unchanged(watcher, seen, LampState.IDLE)
        # A CSeq below the last: out of order, 500.
        pbx_host.sendto(notify(watcher, cseq=cseq - 1, version=version + 1, state="confirmed"), watcher_at)
        assert answer_to(pbx_host) == 500
        unchanged(watcher, seen, LampState.IDLE)
        # A new CSeq but a document no newer than the last: accepted as a request, stale as a state.
        pbx_host.sendto(notify(watcher, cseq=cseq + 1, version=version, state="confirmed"), watcher_at)
        assert answer_to(pbx_host) == 200
        unchanged(watcher, seen, LampState.IDLE)
        # A retransmission of that CSeq with a newer document is still the same request: applied never twice.
        pbx_host.sendto(notify(watcher, cseq=cseq + 1, version=version + 5, state="confirmed"), watcher_at)
        assert answer_to(pbx_host) == 200
        unchanged(watcher, seen, LampState.IDLE)
        # Everything right, from the PBX's address: this one counts.
        pbx_host.sendto(notify(watcher, cseq=cseq + 2, version=version + 1, state="confirmed"), watcher_at)
        assert answer_to(pbx_host) == 200
        assert wait_lamp(seen, "1203", LampState.BUSY, timeout=2).state is LampState.BUSY
