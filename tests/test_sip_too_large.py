"""Requests from the PBX over the reader's bounds (a datagram over 16,384 bytes, a line over 2,048) get 513
Message Too Large (RFC 3261 §21.5.14) where their request line and the headers a response copies (§8.2.6.2)
can still be read, so the PBX stops retransmitting (§17.1.2.2: 32 s); once per transaction, only to the
PBX's own address, and still counted. Through the rig: real datagrams at the front from the PBX's address
and from a foreign host; and the reader's rules alone, with awkward bytes."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from hardware.sip.sip_reader import MAX_DATAGRAM, MAX_LINE, AnsweredOnce, Rejected, read
from tests.sip_outsider_attacker import header, line_port, own_udp_ports, status_of
from tests.sip_outsider_rig import FOREIGN, PBX, Rig, counters, rig
from tests.sip_outsider_round3 import request
from tests.test_sip_position import OPERATOR

__all__ = ["rig"]


def errors(r: Rig) -> int:
    r.drain(1.2)
    return counters(r.console.seen).errors


@pytest.mark.sip
def test_oversized_requests_from_the_pbx_get_one_513_each_and_foreign_ones_nothing(
    rig: Callable[..., Rig],
) -> None:
    r = rig()
    front = r.front()
    pbx, foreign = r.attacker(PBX), r.attacker(FOREIGN[2])
    ruri = f"sip:{OPERATOR}@{PBX}:{front[1]}"
    big_body = b"v=0\r\n" + b"a=x-pad:" + b"y" * 20_000 + b"\r\n"
    attacks = {
        "INVITE of 20 kB": request(
            "INVITE", ruri, pbx.host, pbx.port, body=big_body, content_type="application/sdp"
        ),
        "OPTIONS with a 3,000-character line": request(
            "OPTIONS", ruri, pbx.host, pbx.port, extra=("X-Pad: " + "p" * 3000,)
        ),
        "MESSAGE of 63 kB": request(
            "MESSAGE", ruri, pbx.host, pbx.port, extra=("X-Pad: " + "p" * 2000,) * 31, body=b"m" * 1000
        ),
    }
    before = errors(r)
    for name, data in attacks.items():
        for _ in range(3):  # the PBX retransmits (Timer A / E): one answer for the transaction
            pbx.send(data, front)
        got = [d for d in pbx.answers(0.8) if header(d, "Call-ID") == header(data, "Call-ID")]
        assert [status_of(d) for d in got] == [513], (name, [d[:80] for d in got])
        assert header(got[0], "CSeq") == header(data, "CSeq")
        assert header(got[0], "Via") == header(data, "Via")
        assert ";tag=" in header(got[0], "To")
    # Not answerable: the Via itself over the line bound, a response, an ACK: dropped, counted, unanswered.
    silent = {
        "Via over 2,048": request("OPTIONS", ruri, pbx.host, pbx.port).replace(
            b";branch=", b";x-pad=" + b"v" * 3000 + b";branch=", 1
        ),
        "ACK of 20 kB": request("ACK", ruri, pbx.host, pbx.port, extra=("X-Pad: " + "p" * 2000,) * 10),
        "response of 20 kB": b"SIP/2.0 200 OK\r\n"
        + request("OPTIONS", ruri, pbx.host, pbx.port, extra=("X-Pad: " + "p" * 2000,) * 10).partition(
            b"\r\n"
        )[2],
    }
    for name, data in silent.items():
        pbx.send(data, front)
        assert not pbx.answers(0.5), name
    # The same oversized requests from a host that is not the PBX: no answer at all.
    for data in attacks.values():
        foreign.send(
            data.replace(f"{pbx.host}:{pbx.port}".encode(), f"{foreign.host}:{foreign.port}".encode()), front
        )
    assert not foreign.answers(0.8)
    assert errors(r) - before >= 3 * len(attacks) + len(silent) + len(attacks), errors(r) - before


@pytest.mark.sip
def test_a_line_over_the_bound_at_the_line_s_own_port_gets_one_513_from_the_gate(
    rig: Callable[..., Rig],
) -> None:
    """pjsua2's port (behind line_gate.py): pjsip itself takes no datagram over 4,000 bytes, but a request
    from the PBX with a line over 2,048 reaches the gate, which answers it 513 once (stateless, pjsip's) and
    lets nothing of it into pjsip; from a foreign host it stays dropped unanswered."""
    r = rig()
    pbx, foreign = r.attacker(PBX), r.attacker(FOREIGN[3])
    front = r.front()[1]
    line = line_port(own_udp_ports(exclude={pbx.port, foreign.port}), front, pbx)
    ruri = f"sip:{OPERATOR}@{PBX}:{line}"
    data = request("OPTIONS", ruri, pbx.host, pbx.port, extra=("X-Pad: " + "p" * 3000,))
    for _ in range(3):
        pbx.send(data, (PBX, line))
    got = [d for d in pbx.answers(0.8) if header(d, "Call-ID") == header(data, "Call-ID")]
    assert [status_of(d) for d in got] == [513], [d[:80] for d in got]
    foreign.send(data, (PBX, line))
    assert not foreign.answers(0.5)


def test_the_reader_keeps_only_what_a_513_copies_and_never_raises() -> None:
    head = (
        "OPTIONS sip:9@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1\r\n"
        "Max-Forwards: 70\r\nFrom: <sip:1@x>;tag=a\r\nTo: <sip:9@x>\r\nCall-ID: c1\r\nCSeq: 7 OPTIONS\r\n"
    )
    long_line = read((head + "X-Pad: " + "p" * (MAX_LINE + 1) + "\r\nContent-Length: 0\r\n\r\n").encode())
    assert isinstance(long_line, Rejected) and long_line.too_large and long_line.message is not None
    assert [n.lower() for n, _ in long_line.message.headers] == ["via", "from", "to", "call-id", "cseq"]
    huge = read((head + "Content-Length: 0\r\n\r\n").encode() + b"b" * MAX_DATAGRAM)
    assert isinstance(huge, Rejected) and huge.message is not None
    cut = read((head + "X-Pad: " + "p" * 2000 + "\r\n").encode() + b"X-More: " + b"q" * MAX_DATAGRAM)
    assert isinstance(cut, Rejected) and cut.message is not None  # headers never ending: the cut line is left
    # Anything missing, doubled, in other digits, or a header a 513 copies that is cut or folded: no answer.
    for broken in (
        head.replace("Call-ID: c1\r\n", ""),
        head.replace("CSeq: 7 OPTIONS", "CSeq: ٧ OPTIONS"),
        head.replace("CSeq: 7 OPTIONS", "CSeq: 7 INVITE"),
        head + "Call-ID: c2\r\n",
        head.replace("To: <sip:9@x>", "To: <sip:9@x>\r\n " + "t" * 10),
        head.replace("OPTIONS sip:", "OPTIONS  sip:", 1),
        "SIP/2.0 200 OK\r\n" + head.partition("\r\n")[2],
    ):
        got = read((broken + "X-Pad: " + "p" * (MAX_LINE + 1) + "\r\n\r\n").encode())
        assert isinstance(got, Rejected) and got.too_large and got.message is None, broken
    once = AnsweredOnce(size=2)
    assert (
        long_line.message is not None and once.first(long_line.message) and not once.first(long_line.message)
    )
    rng = random.Random(15)
    for _ in range(300):
        data = (head + "X-Pad: " + "p" * (MAX_LINE + 1) + "\r\n").encode()
        cut_at = rng.randrange(len(data))
        noisy = bytearray(
            data[:cut_at] + bytes(rng.randrange(256) for _ in range(rng.randrange(50))) + data[cut_at:]
        )
        noisy += b"\r\n\r\n" if rng.random() < 0.5 else b""
        outcome = read(bytes(noisy) + b"z" * rng.choice((0, MAX_DATAGRAM)))
        assert isinstance(outcome, Rejected) or outcome.method  # never an exception
