"""A call the console's line cannot take gets its final answer at once and leaves the queue, the operator
told why in one line; it never rings until the PBX gives up.

Offers: RFC 4317 §2.1 (audio PCMU/PCMA/iLBC and video, "Alice's offer"); RFC 7587 §7 (opus only: its m= and
a= lines, verbatim); a video-only offer (RFC 4317 §2.1's video stream alone); RFC 4317 §2.1 with its audio
stream declined (port 0, RFC 3264 §5.1). pjsua2's codec ids as the wheel lists them (codecEnum2, 2.15.1)."""

from __future__ import annotations

import re
import socket
import time
import uuid
from contextlib import closing

import pytest

from hardware.sip.sdp_offer import line_codecs, refusal
from switchboard.pbx import CallEnded, CallFailed, CallOffered, CallState, CallStateChanged, FailureReason
from tests.sip_hostile import SAMPLES, running_position
from tests.sip_lab import KamailioLab
from tests.test_sip_position import OPERATOR

WHEEL = ["speex/16000/1", "speex/8000/1", "speex/32000/1", "iLBC/8000/1", "GSM/8000/1", "PCMU/8000/1"]
WHEEL += ["PCMA/8000/1", "G722/16000/1"]
# RFC 4317's session lines, "s=" given its "-": pjmedia refuses an empty session name with 400.
SESSION = "v=0\r\no=alice 2890844526 2890844526 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
RFC4317 = SAMPLES["rfc3261_invite_f1.sip"].partition(b"\r\n\r\n")[2].decode()
OPUS = SESSION + (
    "m=audio 54312 RTP/AVP 101\r\na=rtpmap:101 opus/48000/2\r\n"
    "a=fmtp:101 maxplaybackrate=16000; sprop-maxcapturerate=16000\r\n"
)
VIDEO = SESSION + "m=video 51372 RTP/AVP 31 32\r\na=rtpmap:31 H261/90000\r\na=rtpmap:32 MPV/90000\r\n"
DECLINED = RFC4317.replace("m=audio 49170", "m=audio 0")


def test_what_the_line_can_answer_is_read_from_the_offer() -> None:
    codecs = line_codecs(WHEEL)
    assert refusal("application/sdp", RFC4317.encode(), codecs) == ""
    assert refusal("application/sdp", (SESSION + "m=audio 4000 RTP/AVP 9\r\n").encode(), codecs) == ""
    assert refusal("application/sdp", OPUS.encode(), codecs) == "no codec in common (offered opus/48000)"
    assert refusal("application/sdp", VIDEO.encode(), codecs) == "no audio in the offer (video)"
    assert refusal("application/sdp", DECLINED.encode(), codecs) == "no audio in the offer (audio, video)"
    dtmf_only = SESSION + "m=audio 4000 RTP/AVP 101\r\na=rtpmap:101 telephone-event/8000\r\n"
    assert refusal("application/sdp", dtmf_only.encode(), codecs).startswith("no audio")
    assert refusal("", b"", codecs) == ""  # no offer in the INVITE: pjsua2 makes one
    assert refusal("multipart/mixed;boundary=x", OPUS.encode(), codecs) == ""  # not ours to read
    assert refusal("application/sdp", b"\xff\xfe m=audio", codecs) == ""


def invite_through(lab: KamailioLab, sock: socket.socket, sdp: str) -> tuple[bytes, str]:
    """An INVITE to the operator through Kamailio from a telephone at ``sock`` (not registered)."""
    port = sock.getsockname()[1]
    call_id = uuid.uuid4().hex
    body = sdp.encode()
    head = (
        f"INVITE sip:{OPERATOR}@{lab.domain} SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK{call_id[:10]}\r\nMax-Forwards: 70\r\n"
        f'From: "Room 1208" <sip:1208@{lab.domain}>;tag={call_id[:8]}\r\n'
        f"To: <sip:{OPERATOR}@{lab.domain}>\r\n"
        f"Call-ID: {call_id}\r\nCSeq: 1 INVITE\r\nContact: <sip:1208@127.0.0.1:{port}>\r\n"
        f"Content-Type: application/sdp\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    sock.sendto(head.encode() + body, ("127.0.0.1", lab.port))
    return head.encode() + body, call_id


def final_answer(sock: socket.socket, timeout: float) -> tuple[int, bytes]:
    deadline = time.monotonic() + timeout
    sock.settimeout(0.1)
    while time.monotonic() < deadline:
        try:
            data = sock.recv(65535)
        except TimeoutError:
            continue
        m = re.match(rb"SIP/2\.0 (\d{3}) ", data)
        if m and int(m.group(1)) >= 200:
            return int(m.group(1)), data
    raise AssertionError("no final answer")


@pytest.mark.sip
@pytest.mark.parametrize(("sdp", "says"), [(OPUS, "opus/48000"), (VIDEO, "no audio")])
def test_an_offer_the_line_cannot_answer_gets_488_at_once_and_never_rings(
    kamailio: KamailioLab, sdp: str, says: str
) -> None:
    with (
        running_position(kamailio) as console,
        closing(socket.socket(socket.AF_INET, socket.SOCK_DGRAM)) as phone,
    ):
        phone.bind(("127.0.0.1", 0))
        started = time.monotonic()
        invite_through(kamailio, phone, sdp)
        code, answer = final_answer(phone, 2.0)
        assert code == 488 and time.monotonic() - started < 1.0
        assert re.search(rb"(?m)^Warning: 30[45] ", answer), answer
        failed = console.wait(CallFailed, timeout=2)
        assert failed.reason is FailureReason.REJECTED and failed.target == "1208"
        assert "488" in failed.detail and says in failed.detail and "\n" not in failed.detail
        time.sleep(0.3)
        assert not any(isinstance(e, CallOffered) for e in console.seen)
        front = console.position._front
        assert front is not None and front.calls == {}


@pytest.mark.sip
def test_a_final_refusal_by_pjsua2_reaches_the_caller_and_the_call_leaves_the_queue(
    kamailio: KamailioLab,
) -> None:
    with (
        running_position(kamailio) as console,
        closing(socket.socket(socket.AF_INET, socket.SOCK_DGRAM)) as phone,
    ):
        phone.bind(("127.0.0.1", 0))
        front = console.position._front
        assert front is not None
        front.codecs = set()  # the front lets the offer ring: pjsua2 itself must refuse it when answered
        invite_through(kamailio, phone, OPUS)
        offer = console.offered("1208", timeout=5)
        console.position.answer(offer.call_id)
        code, _ = final_answer(phone, 3.0)
        assert code == 488  # pjsua2's own answer: no codec in common
        failed = console.wait(CallFailed, lambda e: e.call_id == offer.call_id, timeout=2)
        assert failed.reason is FailureReason.REJECTED and "488" in failed.detail
        ended = console.wait(CallEnded, lambda e: e.call_id == offer.call_id, timeout=2)
        assert "488" in ended.reason
        assert not any(
            isinstance(e, CallStateChanged) and e.state is CallState.CONNECTED for e in console.seen
        )
        assert front.calls == {}
