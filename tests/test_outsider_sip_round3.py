"""The outsider's third round at the SIP position (issue 15), from the RFCs, not from its code (helpers in
sip_outsider_round3.py and sip_outsider_attacker.py; the position through sip_outsider_rig.py).

The promise tried: a request from anyone but the PBX (and ``[pbx] trusted``) is refused (403) or dropped,
counted and shown, at every socket of the position (the front, pjsua2's own line, the lamps, the message
lamp); one bad datagram never takes the console down; past ``max_ringing`` the PBX gets 486; a real call
still reaches the operator and is answered after each attack."""

from __future__ import annotations

import re
import socket
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from switchboard.pbx import CallEnded, CallFailed, CallOffered, CallState, CallStateChanged, LampChanged
from tests.sip_lab import BaresipPhone, KamailioLab
from tests.sip_outsider_attacker import (
    Attacker,
    Invite,
    LoopbackCapture,
    header,
    line_port,
    own_udp_ports,
    registered_ports,
    status_of,
)
from tests.sip_outsider_rig import FOREIGN, PBX, WATCHED, Rig, counters, rig, still_serves
from tests.sip_outsider_round3 import (
    in_dialog_request,
    own_sockets,
    position_process,
    request,
    response_to,
    sdp,
)
from tests.test_sip_position import OPERATOR

pytestmark = pytest.mark.sip

__all__ = ["rig"]

# RFC 3261 §27.4 / IANA's SIP methods: every method a host may send, the ones RFC 3261 names and its
# extensions (RFC 3262 PRACK, RFC 6665 SUBSCRIBE/NOTIFY, RFC 3903 PUBLISH, RFC 6086 INFO, RFC 3515 REFER,
# RFC 3428 MESSAGE, RFC 3311 UPDATE), and one no RFC defines (§8.2.1: a UAS answers it 405 if it reads it).
METHODS = (
    "INVITE",
    "ACK",
    "BYE",
    "CANCEL",
    "OPTIONS",
    "REGISTER",
    "PRACK",
    "SUBSCRIBE",
    "NOTIFY",
    "PUBLISH",
    "INFO",
    "REFER",
    "MESSAGE",
    "UPDATE",
    "FROBNICATE",
)


def errors(r: Rig) -> int:
    r.drain(1.2)
    return counters(r.console.seen).errors


def test_the_position_holds_udp_on_ipv4_only_no_tcp_and_no_dual_stack_socket(rig: Callable[..., Rig]) -> None:
    """README ``[pbx] transport = udp``: no TCP listener an attacker could open a stream to (RFC 3261 §18.3
    framing by Content-Length), and no IPv6 socket, so no IPv4-mapped address (RFC 4291 §2.5.5.2,
    ``::ffff:127.0.0.1``) can pose as the PBX's IPv4 address. Each of the position's UDP ports refuses a TCP
    connection."""
    before = set(own_sockets())
    r = rig()
    r.console.position.watch([WATCHED])
    r.console.wait(LampChanged, lambda e: e.extension == WATCHED)
    r.console.position.set_message_lamp("1902", True)
    time.sleep(0.5)
    mine = [s for s in own_sockets() if s not in before]
    assert mine, "the position holds no socket at all?"
    assert {table for table, _ in mine} == {"udp"}, mine
    for port in own_udp_ports():
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.settimeout(0.5)
            assert tcp.connect_ex((PBX, port)) != 0, f"TCP port {port} accepted a connection"


def test_every_method_from_a_foreign_host_at_every_socket_is_refused_or_dropped_and_counted(
    rig: Callable[..., Rig], baresip_phone: Callable[..., BaresipPhone], tmp_path: Path
) -> None:
    """RFC 3261 §8.2.1/§27.4, RFC 3262, 3311, 3428, 3515, 3903, 6086, 6665: each method, well formed, from a
    host that is not the PBX, at the front, the line, the lamps' and the message lamp's sockets: nothing but
    403 comes back (no 200, 202, 405, 481, 489, 501: each of those means the request was read and handled),
    every one is counted, and the position still serves."""
    r = rig()
    r.console.position.watch([WATCHED])
    r.console.wait(LampChanged, lambda e: e.extension == WATCHED)
    r.console.position.set_message_lamp("1902", True)
    time.sleep(0.5)
    pbx = r.attacker(PBX)
    foreign = [r.attacker(h) for h in FOREIGN[:4]]
    ports = own_udp_ports(exclude={pbx.port, *(f.port for f in foreign)})
    front = r.front()[1]
    line = line_port(ports, front, pbx)
    assert len(ports) >= 4, ports  # front, line, lamps, message lamp
    before = errors(r)
    sent = 0
    for port in sorted(ports):
        for method in METHODS:
            for one in foreign:
                extra: tuple[str, ...] = ()
                if method in ("SUBSCRIBE", "NOTIFY", "PUBLISH"):
                    extra = ("Event: dialog", "Expires: 60", "Subscription-State: active;expires=60")
                if method == "REFER":
                    extra = (f"Refer-To: <sip:1299@{r.lab.domain}>",)
                if method == "PRACK":
                    extra = ("RAck: 1 314159 INVITE",)
                body = sdp(one.host) if method in ("INVITE", "UPDATE") else b""
                one.send(
                    request(
                        method,
                        f"sip:{OPERATOR}@127.0.0.1:{port}",
                        one.host,
                        one.port,
                        extra=extra,
                        body=body,
                        content_type="application/sdp" if body else "",
                    ),
                    (PBX, port),
                )
                sent += 1
            time.sleep(0.01)
    got = {}
    for one in foreign:
        for data in one.answers(0.5):
            code = status_of(data)
            if code != 403:
                got.setdefault(header(data, "CSeq"), set()).add(code)
    assert not got, f"answers other than 403 to a foreign host: {got} (line {line}, front {front})"
    assert errors(r) - before >= sent * 9 // 10, (errors(r) - before, sent)
    still_serves(r, baresip_phone, tmp_path / "sipp")


def talking_call(
    r: Rig, room: BaresipPhone, capture: LoopbackCapture
) -> tuple[str, bytes, str, tuple[str, int]]:
    """A room's call answered by the operator: (call id, the INVITE pjsua2 answered, its To tag, the line)."""
    room.dial(OPERATOR)
    offer = r.console.offered(room.ext)
    r.console.position.answer(offer.call_id)
    r.console.state(offer.call_id, CallState.CONNECTED)
    room.wait_event("CALL_ESTABLISHED")
    time.sleep(0.5)
    sip_id = r.console.position.sip_call_id(offer.call_id)
    ok = next(
        d
        for d in capture.seen
        if d.data.startswith(b"SIP/2.0 200 ")
        and header(d.data, "Call-ID") == sip_id
        and header(d.data, "CSeq").endswith("INVITE")
    )
    invite = next(
        d.data
        for d in capture.seen
        if d.data.startswith(b"INVITE ") and header(d.data, "Call-ID") == sip_id and d.dst == ok.src
    )
    return offer.call_id, invite, header(ok.data, "To").rpartition(";tag=")[2], ok.src


def test_foreign_in_dialog_reinvite_refer_update_info_at_the_line_change_nothing(
    rig: Callable[..., Rig], baresip_phone: Callable[..., BaresipPhone]
) -> None:
    """Inside a real talking call, a foreign host sends pjsua2's line requests of that very dialog (RFC 3261
    §12.2.1.1: Call-ID, From tag, To tag, CSeq above the INVITE's): a re-INVITE whose offer moves the media
    to the attacker and puts the call on hold (§14.1, RFC 3264 §8.4 sendonly), a REFER sending the caller
    elsewhere (RFC 3515 §2.4.2), an UPDATE with a new offer (RFC 3311 §5.2), an INFO (RFC 6086 §4.2.2).
    None may be answered 2xx/1xx, the call stays CONNECTED and the line makes no call to the REFER target;
    then the operator releases it and the room is told."""
    capture = LoopbackCapture()
    try:
        r = rig()
        room = baresip_phone("1207")
        call_id, invite, to_tag, line = talking_call(r, room, capture)
        cseq = int(header(invite, "CSeq").split()[0])
        foreign = r.attacker(FOREIGN[3])
        moved = sdp(foreign.host, "a=sendonly")
        attacks = {
            "re-INVITE": in_dialog_request(
                invite,
                "INVITE",
                cseq + 1,
                foreign.host,
                foreign.port,
                to_tag,
                body=moved,
                content_type="application/sdp",
            ),
            "REFER": in_dialog_request(
                invite,
                "REFER",
                cseq + 2,
                foreign.host,
                foreign.port,
                to_tag,
                extra=(f"Refer-To: <sip:1206@{r.lab.domain}>",),
            ),
            "UPDATE": in_dialog_request(
                invite,
                "UPDATE",
                cseq + 3,
                foreign.host,
                foreign.port,
                to_tag,
                body=moved,
                content_type="application/sdp",
            ),
            "INFO": in_dialog_request(
                invite,
                "INFO",
                cseq + 4,
                foreign.host,
                foreign.port,
                to_tag,
                extra=("Info-Package: dtmf",),
                body=b"Signal=5\r\nDuration=160\r\n",
                content_type="application/dtmf-relay",
            ),
        }
        mark = len(capture.seen)
        for data in attacks.values():
            foreign.send(data, line)
            time.sleep(0.2)
        codes = {header(d, "CSeq"): status_of(d) for d in foreign.answers(1.0)}
        assert set(codes.values()) <= {403}, codes
        r.drain(1.0)
        changed = [e for e in r.console.seen if isinstance(e, (CallStateChanged, CallEnded))]
        assert not changed, changed
        refer_calls = [
            d for d in capture.seen[mark:] if d.data.startswith(b"INVITE sip:1206") and d.src == line
        ]
        assert not refer_calls, "the line followed a foreign REFER"
        # The control: the same INFO from the PBX's address is read inside the dialog (not 481), so the
        # attacks above named the dialog rightly.
        pbx = r.attacker(PBX)
        pbx.send(
            in_dialog_request(
                invite,
                "INFO",
                cseq + 5,
                pbx.host,
                pbx.port,
                to_tag,
                extra=("Info-Package: dtmf",),
                body=b"Signal=5\r\nDuration=160\r\n",
                content_type="application/dtmf-relay",
            ),
            line,
        )
        control = {status_of(d) for d in pbx.answers(1.0)}
        assert control and not control & {0, 403, 481}, control
        r.console.position.release(call_id)
        r.console.wait(CallEnded, lambda e: e.call_id == call_id)
        room.wait_event("CALL_CLOSED")
    finally:
        capture.close()


def test_foreign_responses_to_the_line_s_own_invite_do_not_end_or_answer_it(
    rig: Callable[..., Rig], baresip_phone: Callable[..., BaresipPhone]
) -> None:
    """The operator dials a room that rings (RFC 3261 §17.1.1: the line's INVITE client transaction is in
    Proceeding). A foreign host that saw the INVITE sends the line its responses (§8.2.6.2: Vias, From,
    Call-ID, CSeq copied, a To tag): 486 Busy Here, then 200 OK with an offer pointing at itself. Neither
    may end the call nor connect it; the room answers and the call connects with the room."""
    capture = LoopbackCapture()
    try:
        r = rig()
        room = baresip_phone("1210", auto_answer=False)
        ports = own_udp_ports()
        call_id = r.console.position.dial("1210")
        room.wait_event("CALL_INCOMING")
        out = [d for d in capture.seen if d.data.startswith(b"INVITE sip:1210") and d.src[1] in ports]
        assert out, "no INVITE from the position's sockets seen"
        invite, line = out[0].data, out[0].src
        foreign = r.attacker(FOREIGN[5])
        foreign.send(response_to(invite, 486, "Busy Here", to_tag="evil486"), line)
        r.drain(0.8)
        assert not [
            e
            for e in r.console.seen
            if isinstance(e, (CallEnded, CallStateChanged))
            and e.call_id == call_id
            and getattr(e, "state", None) is not CallState.DIALLING
        ]
        foreign.send(
            response_to(
                invite, 200, "OK", to_tag="evil200", body=sdp(foreign.host), content_type="application/sdp"
            ),
            line,
        )
        r.drain(0.8)
        wrong = [
            e
            for e in r.console.seen
            if isinstance(e, (CallEnded, CallStateChanged))
            and e.call_id == call_id
            and getattr(e, "state", None) is not CallState.DIALLING
        ]
        assert not wrong, wrong
        acks = [d for d in capture.seen if d.data.startswith(b"ACK ") and d.dst[0] == foreign.host]
        assert not acks, "the line ACKed a foreign 200 OK"
        room.accept()
        r.console.state(call_id, CallState.CONNECTED, timeout=5)
        room.wait_event("CALL_ESTABLISHED")
        r.console.position.release(call_id)
        r.console.wait(CallEnded, lambda e: e.call_id == call_id)
        room.wait_event("CALL_CLOSED")
        # The control: the same 486 from the PBX's address ends the next call, so the forged one matched.
        again = r.console.position.dial("1210")
        room.wait_event("CALL_INCOMING")
        time.sleep(0.3)
        second = [
            d.data
            for d in capture.seen
            if d.data.startswith(b"INVITE sip:1210") and d.src == line and d.data != invite
        ]
        assert second
        r.attacker(PBX).send(response_to(second[-1], 486, "Busy Here", to_tag="pbx486"), line)
        r.console.wait(CallEnded, lambda e: e.call_id == again, timeout=3)
    finally:
        capture.close()


def ack_and_bye(pbx: Attacker, invite: Invite, got: list[bytes]) -> None:
    """RFC 3261 §13.2.2.4: ACK the 2xx at its Contact; §15.1.2: answer the BYE the release sends."""
    ok = next(d for d in got if status_of(d) == 200 and header(d, "Call-ID") == invite.call_id)
    contact = re.search(r"<sip:([^>;]+)", header(ok, "Contact"))
    assert contact, ok[:300]
    host, _, port = contact.group(1).rpartition("@")[2].partition(":")
    ack = (
        f"ACK sip:{contact.group(1)} SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP {pbx.host}:{pbx.port};branch=z9hG4bK{uuid.uuid4().hex[:12]};rport\r\n"
        f"Max-Forwards: 70\r\nFrom: {header(ok, 'From')}\r\nTo: {header(ok, 'To')}\r\n"
        f"Call-ID: {invite.call_id}\r\nCSeq: 314159 ACK\r\nContent-Length: 0\r\n\r\n"
    ).encode()
    pbx.send(ack, (host, int(port)))
    for data in pbx.answers(1.0):
        if data.startswith(b"BYE "):
            pbx.send(response_to(data, 200, "OK"), (host, int(port)))


# RFC 4566 §5 (each line's grammar) and RFC 3264 §5/§6 (what an answerer does with an offer), broken.
HUGE_AND_BROKEN_OFFERS = {
    "40 m= lines": ("m=audio 49170 RTP/AVP 0", [f"m=audio {50000 + 2 * n} RTP/AVP 0" for n in range(40)]),
    "65 payload types": (
        "m=audio 49170 RTP/AVP " + " ".join(str(n) for n in [*range(96, 128), 0, *range(1, 33)]),
        [],
    ),
    "port 99999": ("m=audio 99999 RTP/AVP 0", []),
    "ptime 0, maxptime 0": ("m=audio 49170 RTP/AVP 0", ["a=ptime:0", "a=maxptime:0"]),
    "ptime 2^32-1": ("m=audio 49170 RTP/AVP 0", ["a=ptime:4294967295"]),
    "rtpmap 0 channels": ("m=audio 49170 RTP/AVP 0", ["a=rtpmap:0 PCMU/8000/0"]),
    "rtpmap 2^32-1 channels": ("m=audio 49170 RTP/AVP 96 0", ["a=rtpmap:96 PCMU/8000/4294967295"]),
    "telephone-event range past 2^32": (
        "m=audio 49170 RTP/AVP 0 101",
        ["a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-99999999999"],
    ),
    "b=AS past 2^64": ("m=audio 49170 RTP/AVP 0", ["b=AS:99999999999999999999"]),
    "rtcp port 99999, address 999.0.0.1": ("m=audio 49170 RTP/AVP 0", ["a=rtcp:99999 IN IP4 999.0.0.1"]),
    "ICE candidate 999.999.1.1:99999": (
        "m=audio 49170 RTP/AVP 0",
        ["a=ice-ufrag:x", "a=ice-pwd:y", "a=candidate:1 1 UDP 2130706431 999.999.1.1 99999 typ host"],
    ),
    "SAVP with a 400-character key": (
        "m=audio 49170 RTP/SAVP 0",
        ["a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + "A" * 400],
    ),
    "NUL in rtpmap": ("m=audio 49170 RTP/AVP 0", ["a=rtpmap:0 PC\x00MU/8000"]),
    "c= 255.255.255.255 after c=": ("m=audio 49170 RTP/AVP 0", ["c=IN IP4 255.255.255.255"]),
    "c= 999.1.1.1.1": ("m=audio 49170 RTP/AVP 0", ["c=IN IP4 999.1.1.1.1"]),
}


def test_huge_and_broken_offers_answered_by_the_operator_never_take_the_process_down(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone]
) -> None:
    """RFC 4566 §5 / RFC 3264 §6: offers from the PBX that are huge or broken (more m= lines and payload
    types than a media stack holds, ports and numbers out of range, NUL, a broadcast or impossible address).
    The operator answers each (the front hands the INVITE to pjsua2, which parses the offer): each call gets
    a final answer (2xx, then ACK and BYE; or 4xx/5xx), the process lives, and afterwards a room's call
    through Kamailio is offered and connected."""
    with position_process(kamailio.domain) as child:
        pbx = Attacker(PBX)
        try:
            front = (PBX, registered_ports(kamailio.rpc("ul.dump"), OPERATOR).pop())
            finals: dict[str, list[int]] = {}
            for name, (media, lines) in HUGE_AND_BROKEN_OFFERS.items():
                invite = pbx.invite(f"{OPERATOR}@{kamailio.domain}")
                body = sdp(PBX, *lines, media=media)
                if name.startswith("c= 999"):
                    body = body.replace(b"c=IN IP4 127.0.0.1", b"c=IN IP4 999.1.1.1.1")
                head = "\r\n".join(invite.lines())
                pbx.send(
                    f"INVITE sip:{OPERATOR}@{kamailio.domain} SIP/2.0\r\n{head}\r\n".encode()
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body,
                    front,
                )
                got = pbx.answers(2.0)
                codes = sorted({status_of(d) for d in got if header(d, "Call-ID") == invite.call_id})
                finals[name] = codes
                if 200 in codes:
                    ack_and_bye(pbx, invite, got)
                assert child.alive(), f"the console process ended after the offer {name!r}"
            unanswered = {name: codes for name, codes in finals.items() if not any(c >= 200 for c in codes)}
            assert not unanswered, unanswered
        finally:
            pbx.close()
        room = baresip_phone("1205")
        room.dial(OPERATOR)
        room.wait_event("CALL_ESTABLISHED", timeout=10)
        lines = child.read(1.0)
        assert any(line.get("offered") == "1205" for line in lines), lines[-5:]
        assert any(line.get("state") == "CONNECTED" for line in lines)
        assert child.alive()


def test_oversized_split_empty_and_keepalive_datagrams_at_the_line_s_port_from_the_pbx(
    kamailio: KamailioLab, baresip_phone: Callable[..., BaresipPhone]
) -> None:
    """pjsua2's own port, from the PBX's own address (so the address gate lets them in): the largest UDP
    datagram (65,507 bytes, RFC 768 / RFC 3261 §18.1.1 says such a request belongs on TCP), a 9 kB OPTIONS,
    an INVITE cut in two datagrams (§18.3: on UDP each datagram is one whole message; no reassembly), an empty
    datagram, RFC 5626 §4.4.1's CRLF CRLF keep-alive, 1,400 NUL bytes, a request whose headers are not UTF-8
    (§7.3.1 / §25: UTF-8 text), and an INVITE with a 60 kB offer. The process lives, the line still answers
    the PBX's OPTIONS 200, and a room's call is still offered and connected."""
    with position_process(kamailio.domain) as child:
        pbx = Attacker(PBX)
        try:
            front = registered_ports(kamailio.rpc("ul.dump"), OPERATOR).pop()
            line = line_port(child.ports, front, pbx)
            ruri = f"sip:{OPERATOR}@127.0.0.1:{line}"
            invite = request(
                "INVITE", ruri, pbx.host, pbx.port, body=sdp(PBX), content_type="application/sdp"
            )
            pad = 65_507 - len(request("OPTIONS", ruri, pbx.host, pbx.port)) - len("X-Pad: \r\n")
            attacks = {
                "65,507 bytes": request("OPTIONS", ruri, pbx.host, pbx.port, extra=("X-Pad: " + "p" * pad,)),
                "9 kB OPTIONS": request("OPTIONS", ruri, pbx.host, pbx.port, extra=("X-Pad: " + "p" * 9000,)),
                "first half of an INVITE": invite[: len(invite) // 2],
                "second half of an INVITE": invite[len(invite) // 2 :],
                "empty datagram": b"",
                "CRLF CRLF keep-alive": b"\r\n\r\n",
                "1,400 NUL": b"\x00" * 1400,
                "headers not UTF-8": request(
                    "OPTIONS", ruri, pbx.host, pbx.port, extra=("X-Name: \xff\xfe",)
                ).replace(b"\xc3\xbf\xc3\xbe", b"\xff\xfe"),
                "INVITE with a 60 kB offer": request(
                    "INVITE",
                    ruri,
                    pbx.host,
                    pbx.port,
                    body=sdp(PBX, *["a=x-pad:" + "y" * 50 for _ in range(1000)]),
                    content_type="application/sdp",
                ),
            }
            assert len(attacks["65,507 bytes"]) == 65_507
            for name, data in attacks.items():
                pbx.send(data, (PBX, line))
                time.sleep(0.3)
                assert child.alive(), f"the console process ended after {name!r}"
            pbx.answers(1.0)
            assert line_port(child.ports, front, pbx) == line
        finally:
            pbx.close()
        assert child.alive()
        room = baresip_phone("1205")
        room.dial(OPERATOR)
        room.wait_event("CALL_ESTABLISHED", timeout=10)
        lines = child.read(1.0)
        assert any(line.get("offered") == "1205" for line in lines), lines[-5:]


def test_a_burst_of_calls_through_kamailio_past_the_cap_and_cancelled_calls_free_their_places(
    rig: Callable[..., Rig], baresip_phone: Callable[..., BaresipPhone]
) -> None:
    """README ``max_ringing``: 12 calls at once through Kamailio (RFC 3261 §16: the proxy forwards each to
    the registered position) with ``max_ringing = 4``: four ring, eight get 486 (§21.4.24), which Kamailio
    relays to the callers. The callers then CANCEL the four (§9.1; 487 for each, §9.2): every place is free
    again, so four more calls ring, and a room's call after those is answered."""
    r = rig(max_ringing=4)
    proxy = (PBX, int(r.lab.domain.rsplit(":", 1)[1]))
    target = f"{OPERATOR}@{r.lab.domain}"

    def burst(n: int) -> tuple[list[Attacker], list[Invite], list[int]]:
        callers = [r.attacker(PBX) for _ in range(n)]
        invites = [c.invite(target) for c in callers]
        for caller, invite in zip(callers, invites, strict=True):
            caller.send(invite.build(), proxy)
        finals = [status_of(c.final(i.call_id, 2.5)) for c, i in zip(callers, invites, strict=True)]
        return callers, invites, finals

    callers, invites, finals = burst(12)
    assert sorted(finals) == [0] * 4 + [486] * 8, finals
    r.drain(0.5)
    assert len(r.offered()) == 4, r.offered()
    for caller, invite, final in zip(callers, invites, finals, strict=True):
        if final == 0:
            cancel = (
                invite.build(body="")
                .replace(b"INVITE", b"CANCEL")
                .replace(b"Content-Type: application/sdp\r\n", b"")
            )
            caller.send(cancel, proxy)
    for _ in range(4):
        r.console.wait(CallEnded, timeout=5)
    r.console.seen.clear()
    callers, invites, finals = burst(4)
    assert finals == [0] * 4, finals
    r.drain(0.5)
    assert len(r.offered()) == 4
    for caller, invite in zip(callers, invites, strict=True):
        caller.send(
            invite.build(body="")
            .replace(b"INVITE", b"CANCEL")
            .replace(b"Content-Type: application/sdp\r\n", b""),
            proxy,
        )
    for _ in range(4):
        r.console.wait(CallEnded, timeout=5)
    room = baresip_phone("1205")
    room.dial(OPERATOR)
    offer = r.console.offered("1205")
    r.console.position.answer(offer.call_id)
    r.console.state(offer.call_id, CallState.CONNECTED)
    room.wait_event("CALL_ESTABLISHED")
    r.console.position.release(offer.call_id)
    room.wait_event("CALL_CLOSED")


def test_unicode_nul_and_control_characters_in_the_caller_s_name(
    rig: Callable[..., Rig], baresip_phone: Callable[..., BaresipPhone], tmp_path: Path
) -> None:
    """RFC 3261 §25.1: a display-name is UTF-8 (UTF8-NONASCII) and a quoted-pair may escape any octet up to
    0x7F but CR and LF, so NUL, BEL and ESC can arrive escaped; §7.3.1 folds a header over CRLF + space. From
    the PBX: a Chinese name is offered with that name; a name with an escaped NUL, BEL or ESC, or that is
    not UTF-8, or an overlong UTF-8 sequence (RFC 3629 §3: invalid), is never shown to the operator with
    those octets (dropped and counted, or offered without them); the position still serves."""
    r = rig()
    front = r.front()
    pbx = r.attacker(PBX)
    names = {
        "Chinese": '"总机 测试" <sip:1299@127.0.0.1>'.encode(),
        "escaped NUL": b'"Room \\\x00 1299" <sip:1299@127.0.0.1>',
        "escaped BEL and ESC[2J": b'"Room \\\x07\\\x1b[2J 1299" <sip:1299@127.0.0.1>',
        "not UTF-8": b'"Room \xff\xfe" <sip:1299@127.0.0.1>',
        "overlong UTF-8 quote": b'"\xc0\xa2 x" <sip:1299@127.0.0.1>',
        "folded over CRLF SP": b'"Room\r\n 1299" <sip:1299@127.0.0.1>',
    }
    before = errors(r)
    offered = {}
    for name, value in names.items():
        invite = pbx.invite(f"{OPERATOR}@{r.lab.domain}")
        old = f'From: "Room 1299" <sip:1299@{PBX}>'.encode()
        pbx.send(invite.build().replace(old, b"From: " + value, 1), front)
        pbx.answers(0.5)
        for event in r.drain(0.3):
            if isinstance(event, CallOffered) and event.call_id not in offered.values():
                offered[name] = event.call_id
                assert not re.search(r"[\x00-\x1f\x7f]", event.caller + event.caller_name), (name, event)
                if name == "Chinese":
                    assert event.caller_name == "总机 测试", event
        cancel = invite.build(body="").replace(b"INVITE", b"CANCEL")
        pbx.send(
            cancel.replace(b"Content-Type: application/sdp\r\n", b"").replace(old, b"From: " + value, 1),
            front,
        )
        pbx.answers(0.3)
    assert "Chinese" in offered, offered
    dropped = len(names) - len(offered)
    assert errors(r) - before >= dropped, (offered, dropped)
    still_serves(r, baresip_phone, tmp_path / "sipp", lamps=False)


def test_an_offer_pjsua2_cannot_take_tells_the_operator_about_that_call(rig: Callable[..., Rig]) -> None:
    """RFC 4566 §5 c=: ``IN IP4 999.1.1.1.1`` is no address. The front's check lets it ring (it has PCMU);
    when the operator answers, the line cannot make a media session and the caller gets 488 (RFC 3261
    §21.4.26). The operator's notice and the end of the call must name the call that was offered."""
    r = rig()
    pbx = r.attacker(PBX)
    invite = pbx.invite(f"{OPERATOR}@{r.lab.domain}")
    body = sdp(PBX).replace(b"c=IN IP4 127.0.0.1", b"c=IN IP4 999.1.1.1.1").decode()
    pbx.send(invite.build(body=body), r.front())
    offer = r.console.offered("1299", timeout=3)
    r.console.position.answer(offer.call_id)
    assert status_of(pbx.final(invite.call_id, 3.0)) == 488
    r.drain(1.0)
    failed = [e for e in r.console.seen if isinstance(e, CallFailed)]
    ended = [e for e in r.console.seen if isinstance(e, CallEnded)]
    assert [e.call_id for e in ended] == [offer.call_id], ended
    assert [e.call_id for e in failed] == [offer.call_id], (offer.call_id, failed)
