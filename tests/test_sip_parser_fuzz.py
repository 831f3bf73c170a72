"""The SIP reader against hostile datagrams: real messages (tests/data/sip, sources in SOURCES.md) with one
thing broken, and plain random bytes. It never raises, and never needs its last-resort net.

The rules checked are RFC 3261's: DIGIT is %x30-39 only (§25.1), so '²' or '٣' in Content-Length, CSeq,
Max-Forwards, Expires or the status code is not a number; a header without a comma-list grammar appears
once (§7.3); a datagram whose body is shorter than its Content-Length is discarded (§18.3); every request
carries Call-ID, Via, CSeq, From, To and Max-Forwards (§8.1.1) or is answered 400 (§8.2.2).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardware.sip import sip_reader
from hardware.sip.sip_message import SipMessage
from hardware.sip.sip_reader import (
    MANDATORY,
    MAX_DATAGRAM,
    MAX_HEADERS,
    MAX_LINE,
    Rejected,
    read,
    request_problem,
)
from switchboard.dialoginfo import parse_dialog_info
from switchboard.pbx import LampState

SAMPLES = {p.name: p.read_bytes() for p in sorted((Path(__file__).parent / "data" / "sip").glob("*.sip"))}
REQUESTS = [name for name, data in SAMPLES.items() if not data.startswith(b"SIP/2.0")]
NUMBERED = ("Content-Length", "CSeq", "Max-Forwards", "Expires")
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters Python's isdigit()/int() accept that are not ASCII digits: every decimal digit of other scripts,
# and superscripts such as '²' (isdigit() but not int()).
OTHER_DIGITS = [chr(c) for c in range(0x80, 0x10000) if chr(c).isdigit()]
assert "²" in OTHER_DIGITS and "٣" in OTHER_DIGITS and unicodedata.digit("٣") == 3


def outcome(data: bytes) -> SipMessage | Rejected:
    result = read(data)
    if isinstance(result, Rejected):
        assert not result.reason.startswith("unreadable"), result.reason  # the net caught an exception
    return result


def replace_header(data: bytes, name: str, new_line: bytes | None) -> bytes:
    """The message with header ``name``'s line replaced (None: dropped)."""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    out = []
    for line in lines:
        if line.lower().startswith(name.lower().encode() + b":"):
            if new_line is not None:
                out.append(new_line)
        else:
            out.append(line)
    return b"\r\n".join(out) + b"\r\n\r\n" + body


def header_line(data: bytes, name: str) -> bytes:
    m = re.search(rb"(?im)^" + re.escape(name.encode()) + rb":[^\r\n]*", data)
    assert m is not None, name
    return m.group(0)


def test_every_sample_reads_as_the_rfc_wrote_it() -> None:
    for name, data in SAMPLES.items():
        message = outcome(data)
        assert isinstance(message, SipMessage), (name, message)
        if message.is_request:
            assert request_problem(message) == "", name
    invite = outcome(SAMPLES["rfc3261_invite_f1.sip"])
    assert isinstance(invite, SipMessage)
    assert invite.cseq_number == 314159 and invite.cseq_method == "INVITE"
    assert invite.body.startswith(b"v=0") and invite.body.endswith(b"MPV/90000\r\n")
    ok = outcome(SAMPLES["rfc3261_register_f2.sip"])
    assert isinstance(ok, SipMessage) and ok.status == 200 and ok.get("expires") == "7200"


@pytest.mark.parametrize(
    ("name", "header"),
    [(n, h) for n in REQUESTS for h in MANDATORY if h.encode().lower() + b":" in SAMPLES[n].lower()],
)
def test_a_request_without_a_mandatory_header_is_answered_400_never_served(name: str, header: str) -> None:
    data = SAMPLES[name]
    result = outcome(replace_header(data, header, None))
    assert isinstance(result, SipMessage)
    assert header in request_problem(result)


@pytest.mark.parametrize("header", ["Call-ID", "CSeq", "From", "To", "Max-Forwards", "Content-Length"])
def test_a_doubled_single_header_is_rejected_but_a_second_via_is_normal(header: str) -> None:
    data = SAMPLES["rfc3261_invite_f1.sip"]
    line = header_line(data, header)
    result = outcome(replace_header(data, header, line + b"\r\n" + line))
    assert isinstance(result, Rejected) and "twice" in result.reason
    via = header_line(data, "Via")
    doubled = outcome(replace_header(data, "Via", b"Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKx\r\n" + via))
    assert isinstance(doubled, SipMessage) and len(doubled.all("via")) == 2


@FUZZ
@given(
    name=st.sampled_from(list(SAMPLES)),
    header=st.sampled_from(NUMBERED),
    digit=st.sampled_from(OTHER_DIGITS),
    at=st.integers(0, 3),
)
def test_a_number_in_other_digits_is_rejected(name: str, header: str, digit: str, at: int) -> None:
    data = SAMPLES[name]
    if header.encode().lower() + b":" not in data.lower():
        return
    line = header_line(data, header).decode()
    name_part, _, value = line.partition(":")
    value = value.strip()
    number = value.split()[0]
    position = min(at, len(number) - 1)
    bad = number[:position] + digit + number[position + 1 :]
    line2 = f"{name_part}: {value.replace(number, bad, 1)}".encode()
    result = outcome(replace_header(data, header, line2))
    assert isinstance(result, Rejected), (line2, result)


@FUZZ
@given(digit=st.sampled_from(OTHER_DIGITS), at=st.integers(0, 2))
def test_a_status_code_in_other_digits_is_not_a_response(digit: str, at: int) -> None:
    data = SAMPLES["rfc3261_register_f2.sip"]
    code = "200"
    bad = code[:at] + digit + code[at + 1 :]
    result = outcome(data.replace(b"SIP/2.0 200 OK", f"SIP/2.0 {bad} OK".encode(), 1))
    assert isinstance(result, Rejected)


@FUZZ
@given(
    header=st.sampled_from(NUMBERED),
    value=st.sampled_from(
        ["-1", "1e3", "0x10", "+5", "1.0", "", "12 3", "99999999999", "4294967296", "NaN", "1_0"]
    ),
)
def test_wrong_number_formats_are_rejected(header: str, value: str) -> None:
    data = SAMPLES["rfc3261_register_f1.sip"]
    if header == "CSeq":
        value = f"{value} REGISTER"
    result = outcome(replace_header(data, header, f"{header}: {value}".encode()))
    assert isinstance(result, Rejected), (header, value)


def test_numbers_past_their_range_are_rejected() -> None:
    data = SAMPLES["rfc3261_register_f1.sip"]
    for line in (b"Max-Forwards: 256", b"CSeq: 2147483648 REGISTER", b"Content-Length: 999999"):
        name = line.split(b":")[0].decode()
        assert isinstance(outcome(replace_header(data, name, line)), Rejected), line
    assert isinstance(outcome(replace_header(data, "Max-Forwards", b"Max-Forwards: 255")), SipMessage)


@FUZZ
@given(name=st.sampled_from(list(SAMPLES)), cut=st.integers(1, 400))
def test_a_body_shorter_than_its_content_length_is_rejected(name: str, cut: int) -> None:
    data = SAMPLES[name]
    body = data.partition(b"\r\n\r\n")[2]
    if not body:
        data = replace_header(data, "Content-Length", b"Content-Length: 10")
        assert isinstance(outcome(data), Rejected)
        return
    result = outcome(data[: len(data) - min(cut, len(body))])
    assert isinstance(result, Rejected) and "Content-Length" in result.reason


@FUZZ
@given(
    name=st.sampled_from(list(SAMPLES)),
    header=st.sampled_from(["From", "To", "Call-ID", "Via", "CSeq"]),
    extra=st.integers(MAX_LINE, MAX_LINE * 3),
)
def test_an_oversized_header_is_rejected(name: str, header: str, extra: int) -> None:
    data = SAMPLES[name]
    line = header_line(data, header)
    assert isinstance(outcome(replace_header(data, header, line + b"x" * extra)), Rejected)


def test_too_many_headers_and_too_big_a_datagram_are_rejected() -> None:
    data = SAMPLES["rfc3261_bye_f13.sip"]
    lines = [b"Max-Forwards: 70"] + [b"X-A: 1"] * MAX_HEADERS
    many = replace_header(data, "Max-Forwards", b"\r\n".join(lines))
    assert isinstance(outcome(many), Rejected)
    assert isinstance(outcome(data + b"\x00" * MAX_DATAGRAM), Rejected)


@FUZZ
@given(
    name=st.sampled_from(list(SAMPLES)),
    header=st.sampled_from(["From", "To", "Call-ID", "CSeq", "Via", "Max-Forwards"]),
    garbage=st.binary(min_size=1, max_size=8).filter(lambda b: any(x >= 0x80 for x in b)),
)
def test_non_ascii_bytes_in_a_header_name_are_rejected(name: str, header: str, garbage: bytes) -> None:
    data = SAMPLES[name]
    if header.encode().lower() + b":" not in data.lower():
        return
    line = header_line(data, header)
    renamed = outcome(replace_header(data, header, garbage + line))
    assert isinstance(renamed, Rejected)
    outcome(replace_header(data, header, line + garbage))  # may be fine UTF-8 text: only must not raise


def test_utf8_display_names_are_text_not_errors() -> None:
    data = SAMPLES["rfc3261_invite_f1.sip"].replace(b"From: Alice", 'From: "前台 Ålice"'.encode())
    message = outcome(data)
    assert isinstance(message, SipMessage) and "前台" in message.get("from")


@FUZZ
@given(name=st.sampled_from(list(SAMPLES)), at=st.integers(0, 2000), junk=st.binary(min_size=1, max_size=16))
def test_any_spliced_junk_never_raises(name: str, at: int, junk: bytes) -> None:
    data = SAMPLES[name]
    at = at % len(data)
    outcome(data[:at] + junk + data[at + len(junk) :])
    outcome(data[:at])
    outcome(data[:at] + junk + data[at:])


@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes_never_raise(data: bytes) -> None:
    outcome(data)
    outcome(b"INVITE sip:9@x SIP/2.0\r\n" + data)
    outcome(b"SIP/2.0 200 OK\r\n" + data)


def test_keep_alives_are_quiet() -> None:
    for data in (b"\r\n\r\n", b"\r\n", b""):
        result = outcome(data)
        assert isinstance(result, Rejected) and result.quiet


def test_the_last_resort_net_turns_an_exception_into_a_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_data: bytes) -> SipMessage:
        raise IndexError("a rule forgot a case")

    monkeypatch.setattr(sip_reader, "_read", broken)
    result = read(b"INVITE sip:9@x SIP/2.0\r\n\r\n")
    assert isinstance(result, Rejected) and result.reason == "unreadable (IndexError)"


# --- dialog-info bodies (RFC 4235 §4.1) off the network -----------------------------------------------

KAMAILIO_BODY = SAMPLES["kamailio_notify_early.sip"].partition(b"\r\n\r\n")[2]


def test_the_kamailio_body_reads_as_ringing_with_its_version() -> None:
    info = parse_dialog_info(KAMAILIO_BODY)
    assert info is not None and info.lamp is LampState.RINGING and info.version == 2


def test_a_body_with_entities_is_refused_before_any_expansion() -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        b'<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="3" state="full" entity="&c;"/>'
    )
    assert parse_dialog_info(laughs) is None
    assert parse_dialog_info(laughs.replace(b"DOCTYPE", b"doctype")) is None
    assert parse_dialog_info(KAMAILIO_BODY + b"<!-- " + b"x" * 20000 + b" -->") is None


@pytest.mark.parametrize("version", ["٣", "²", "+3", "-1", "3.0", "0x3", ""])
def test_a_version_not_in_ascii_digits_is_no_version(version: str) -> None:
    body = KAMAILIO_BODY.replace(b'version="2"', f'version="{version}"'.encode())
    info = parse_dialog_info(body)
    assert info is not None and info.version is None and info.lamp is LampState.RINGING


@FUZZ
@given(at=st.integers(0, len(KAMAILIO_BODY)), junk=st.binary(max_size=32))
def test_a_damaged_dialog_info_body_never_raises(at: int, junk: bytes) -> None:
    parse_dialog_info(KAMAILIO_BODY[:at] + junk + KAMAILIO_BODY[at:])
    parse_dialog_info(KAMAILIO_BODY[:at])
