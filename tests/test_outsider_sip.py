"""The SIP position tried from outside, as an attacker on the hotel network would (sip_outsider_attacker.py).

Rules, from the RFCs: a request from anyone but the PBX is refused (403) or dropped; a request without one of
RFC 3261 §8.1.1's mandatory headers, or with a number that is not ASCII digits (§25.1 DIGIT), or whose
Content-Length runs past the datagram (§18.3) gets 400 or nothing and is never offered; CANCEL and BYE for a
call that does not exist get 481 (§9.2, §15.1.2); past max_ringing the PBX gets 486; a NOTIFY changes a lamp
only when it belongs to the subscription (§12.2.2: Call-ID and both tags, CSeq rising) and its dialog-info
version rises (RFC 4235 §4.1). After each barrage the position must still be registered, take real calls and
light lamps for real calls."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from switchboard.link_monitor import RawFrame
from switchboard.pbx import (
    CallEnded,
    CallFailed,
    LampChanged,
    LinkName,
)
from tests.sip_lab import BaresipPhone
from tests.sip_outsider_attacker import (
    MANDATORY,
    OPUS_SDP,
    VIDEO_SDP,
    Attacker,
    line_port,
    own_udp_ports,
    status_of,
)
from tests.sip_outsider_rig import (
    FOREIGN,
    PBX,
    WATCHED,
    Rig,
    counters,
    rig,
    still_serves,
)
from tests.test_sip_position import OPERATOR

pytestmark = pytest.mark.sip

__all__ = ["rig"]


def front_barrage(rig: Rig, front: tuple[str, int]) -> dict[str, tuple[set[int], set[int]]]:
    """Each attack from its own socket: name -> (status codes that came back, codes the rule allows)."""
    cases: dict[str, tuple[Attacker, set[int]]] = {}

    def attack(name: str, host: str, allowed: set[int], make: Callable[[Attacker], bytes]) -> None:
        one = rig.attacker(host)
        one.send(make(one), front)
        cases[name] = (one, allowed)

    target = f"{OPERATOR}@{rig.lab.domain}"
    for host in FOREIGN:
        attack(f"INVITE from {host}", host, {403}, lambda a: a.invite(target).build())
        attack(
            f"CANCEL from {host}",
            host,
            {403},
            lambda a: a.invite(target).build().replace(b"INVITE", b"CANCEL"),
        )
    for name in MANDATORY:
        allowed = {400}  # §8.2: 400; with no Via the answer may not come at all (checked below)
        attack(f"INVITE without {name}", PBX, allowed, lambda a, n=name: a.invite(target).without(n))  # type: ignore[misc]
    for name, value in [
        ("Content-Length", "²"),
        ("Content-Length", "٣"),
        ("CSeq", "٣ INVITE"),
        ("CSeq", "²7 INVITE"),
        ("Max-Forwards", "²"),
        ("Max-Forwards", "٧٠"),
        ("Expires", "٣٠"),
        ("Expires", "²"),
    ]:
        attack(f"{name}: {value}", PBX, {400}, lambda a, n=name, v=value: a.invite(target).replacing(n, v))  # type: ignore[misc]
    attack("Content-Length past the body", PBX, {400}, lambda a: a.invite(target).build(length="900"))
    pad = "X-Pad: " + "p" * 64_000
    attack(
        "64 kB datagram",
        PBX,
        {400, 413, 513},
        lambda a: a.invite(target).build([*a.invite(target).lines(), pad]),
    )
    many = ["X:1"] * 10_000  # 5 bytes a line: 10,000 of them fit in one datagram
    attack(
        "10,000 header lines",
        PBX,
        {400, 413, 513},
        lambda a: a.invite(target).build(a.invite(target).lines() + many),
    )
    attack(
        "NUL in the Request-URI",
        PBX,
        {400},
        lambda a: a.invite(target).build().replace(b"INVITE sip:", b"INVITE s\x00ip:", 1),
    )
    attack("NUL in the Call-ID", PBX, {400}, lambda a: a.invite(target).replacing("Call-ID", "abc\x00def@x"))
    attack(
        "NUL in a header name",
        PBX,
        {400},
        lambda a: a.invite(target).build([*a.invite(target).lines(), "X-\x00: 1"]),
    )

    def stray(method: str) -> Callable[[Attacker], bytes]:
        def make(a: Attacker) -> bytes:
            data = a.invite(target).build(body="")
            return data.replace(b"INVITE", method.encode()).replace(b"Content-Type: application/sdp\r\n", b"")

        return make

    attack("CANCEL for no call", PBX, {481}, stray("CANCEL"))
    attack("BYE for no call", PBX, {481}, stray("BYE"))
    got: dict[str, tuple[set[int], set[int]]] = {}
    time.sleep(1.0)
    for name, (one, allowed) in cases.items():
        got[name] = ({status_of(d) for d in one.answers(0.05)}, allowed)
    return got


def test_a_barrage_at_the_front_is_refused_offers_nothing_and_the_position_still_serves(
    rig: Callable[..., Rig], baresip_phone: Callable[..., BaresipPhone], tmp_path: Path
) -> None:
    r = rig()
    r.console.position.watch([WATCHED])
    r.console.wait(LampChanged, lambda e: e.extension == WATCHED)
    front = r.front()
    got = front_barrage(r, front)
    wrong = {name: codes for name, (codes, allowed) in got.items() if not codes <= allowed}
    # An unparseable datagram (NUL bytes, RFC 4475 §3.1.2) may be dropped; a parseable request with a header
    # missing or a number that is not a number is answered 400 (RFC 3261 §8.2.2 ... §8.2.6, §18.3).
    silent_400 = {name for name, (codes, allowed) in got.items() if allowed == {400} and not codes}
    silent_400 -= {name for name in got if name.startswith("NUL")}
    r.drain(1.0)
    assert not r.offered(), r.offered()
    assert not wrong, wrong
    assert silent_400 <= {"INVITE without Via"}, f"no 400 for {sorted(silent_400)}"
    # Every datagram refused or dropped is an error on the PBX link (the strays answered 481 are not).
    refused = sum(1 for name in got if not name.endswith("for no call"))
    pbx = counters(r.console.seen)
    assert pbx.errors >= refused, (pbx, refused)
    assert any(isinstance(e, RawFrame) and e.link is LinkName.PBX and e.bad for e in r.console.seen)
    still_serves(r, baresip_phone, tmp_path / "sipp")


def test_ten_thousand_mixed_datagrams_at_every_socket_of_the_position(
    rig: Callable[..., Rig], baresip_phone: Callable[..., BaresipPhone], tmp_path: Path
) -> None:
    r = rig()
    r.console.position.watch([WATCHED])
    r.console.wait(LampChanged, lambda e: e.extension == WATCHED)
    rng = random.Random(15)
    senders = [r.attacker(PBX)] + [r.attacker(h) for h in FOREIGN[:3]]
    ports = own_udp_ports(exclude={s.port for s in senders})
    front = r.front()
    assert front[1] in ports, (front, ports)
    ports.discard(line_port(ports, front[1], senders[0]))  # see test_a_flood_at_the_line_s_own_port_...
    target = f"{OPERATOR}@{r.lab.domain}"
    for n in range(10_000):
        sender = rng.choice(senders)
        invite = sender.invite(target)
        kind = n % 8
        if kind == 0:
            data = invite.without(rng.choice(MANDATORY))
        elif kind == 1:
            data = invite.replacing(
                rng.choice(["Content-Length", "CSeq", "Max-Forwards"]),
                rng.choice(["²", "٣", "-1", "1e3", ""]),
            )
        elif kind == 2:
            data = invite.build()[: rng.randrange(1, 400)]
        elif kind == 3:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        elif kind == 4:
            data = invite.build(length=str(rng.randrange(300, 99999)))
        elif kind == 5:
            data = invite.build().replace(
                b"INVITE", rng.choice([b"NOTIFY", b"BYE", b"CANCEL", b"OPTIONS", b"MESSAGE"])
            )
        elif kind == 6:
            data = invite.build().replace(b"\r\n", b"\r\n\x00", rng.randrange(1, 6))
        else:
            data = (
                invite.build()
                if sender.host != PBX
                else invite.build().replace(b"SIP/2.0\r\n", b"SIP/3.0\r\n", 1)
            )
        sender.send(data, (PBX, front[1] if n % 2 else rng.choice(sorted(ports))))
        if n % 200 == 199:
            time.sleep(
                0.02
            )  # a flood the kernel's receive buffer can hold: the position must read it, not lose it
    r.drain(2.0)
    assert not r.offered(), r.offered()[:3]
    assert counters(r.console.seen).errors >= 2_000
    still_serves(r, baresip_phone, tmp_path / "sipp")


def test_a_cluster_peer_in_trusted_is_heard_and_its_neighbour_is_not(rig: Callable[..., Rig]) -> None:
    r = rig(trusted=("127.0.0.5",))
    front = r.front()
    peer, neighbour = r.attacker("127.0.0.5"), r.attacker("127.0.0.6")
    target = f"{OPERATOR}@{r.lab.domain}"
    stranger = neighbour.invite(target)
    neighbour.send(stranger.build(), front)
    assert status_of(neighbour.final(stranger.call_id, 1.0)) in {0, 403}
    r.drain(0.3)
    assert not r.offered()
    call = peer.invite(target)
    peer.send(call.build(), front)
    r.console.offered("1299", timeout=3)
    cancel = (
        call.build(body="").replace(b"INVITE", b"CANCEL").replace(b"Content-Type: application/sdp\r\n", b"")
    )
    peer.send(cancel, front)
    r.console.wait(CallEnded, timeout=3)


def test_past_max_ringing_the_pbx_gets_486_and_the_ringing_calls_stay(rig: Callable[..., Rig]) -> None:
    r = rig(max_ringing=2)
    callers = [r.attacker(PBX) for _ in range(4)]
    target = f"{OPERATOR}@{r.lab.domain}"
    proxy = (PBX, int(r.lab.domain.rsplit(":", 1)[1]))
    invites = [c.invite(target) for c in callers]
    for caller, invite in zip(callers, invites, strict=True):
        caller.send(invite.build(), proxy)
        time.sleep(0.3)
    finals = [status_of(c.final(i.call_id, 2.0)) for c, i in zip(callers, invites, strict=True)]
    assert finals[:2] == [0, 0] and finals[2:] == [486, 486], finals
    r.drain(0.5)
    assert len(r.offered()) == 2


@pytest.mark.parametrize("sdp", [OPUS_SDP, VIDEO_SDP], ids=["opus-only", "video-only"])
def test_an_offer_without_a_common_codec_gets_488_at_once_and_the_operator_is_told(
    rig: Callable[..., Rig], sdp: str
) -> None:
    r = rig()
    caller = r.attacker(PBX)
    invite = caller.invite(f"{OPERATOR}@{r.lab.domain}", sdp)
    started = time.monotonic()
    caller.send(invite.build(), (PBX, int(r.lab.domain.rsplit(":", 1)[1])))
    answer = caller.final(invite.call_id, 3.0)
    assert status_of(answer) == 488 and time.monotonic() - started < 1.0, answer[:200]
    told = r.console.wait(CallFailed, timeout=2)
    assert "\n" not in told.detail and told.detail
    r.drain(0.5)
    assert not r.offered()
