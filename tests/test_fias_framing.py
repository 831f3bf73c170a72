"""FIAS framing and record syntax: LRC vectors from the spec's logs, awkward chunks, fuzzing."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from switchboard.errors import InputError
from switchboard.fias.framing import ACK, ENQ, NAK, SerialFramer, TcpFramer, frame_serial, frame_tcp, lrc
from switchboard.fias.records import FiasRecord, format_record, parse


@pytest.mark.parametrize(("record", "expected"), [
    (b"12345", ord("2")),
    (b"LS|DA161117|TI102926|", ord("w")),
    (b"LD|DA161117|TI102203|V#1.0|IFWW|", ord("9")),
    (b"LA|DA161117|TI102204|", ord("n")),
    (b"LA|DA161117|TI102111|", ord("i")),
    (b"LE|DA161117|TI102631|", ord("h")),
    (b"LS|DA161117|TI102540|", ord("{")),
    (b"LR|RIGI|FLRNGNGVG#GLGGGSSFA0A1A2A3A4A5A6A7A8A9|", 0x15),
])
def test_lrc_vectors(record: bytes, expected: int) -> None:
    assert lrc(record) == expected


def test_serial_lrc_equal_to_nak_is_taken_by_position() -> None:
    rec = b"LR|RIGI|FLRNGNGVG#GLGGGSSFA0A1A2A3A4A5A6A7A8A9|"
    events = SerialFramer().feed(bytes([ACK]) + frame_serial(rec) + bytes([ENQ]))
    assert [e.control for e in events] == [ACK, None, ENQ]
    assert events[1].record == rec


def test_serial_bad_lrc_reported_and_next_frame_kept() -> None:
    good = frame_serial(b"LA|DA161117|TI102204|")
    broken = bytearray(frame_serial(b"GI|RN101|GNSmith|"))
    broken[5] ^= 0x01
    events = SerialFramer().feed(bytes(broken) + good)
    assert events[0].bad and events[1].record == b"LA|DA161117|TI102204|"


def test_tcp_framer_random_chunks() -> None:
    records = [f"RE|RN{n}|DNY|".encode() for n in range(200)]
    stream = b"noise" + b"".join(frame_tcp(r) for r in records)
    rng = random.Random(7)
    framer = TcpFramer()
    got: list[bytes] = []
    at = 0
    while at < len(stream):
        size = rng.randint(1, 9)
        got += framer.feed(stream[at : at + size])
        at += size
    assert got == records
    assert framer.discarded == 5


def test_record_keeps_repeated_fields_in_order() -> None:
    rec = parse(b"GC|G#35869|GNShare1|RN312|GSN|RO332|GSY|")
    assert rec.kind == "GC"
    assert rec.fields == (
        ("G#", "35869"), ("GN", "Share1"), ("RN", "312"), ("GS", "N"), ("RO", "332"), ("GS", "Y"),
    )
    assert rec.all("GS") == ["N", "Y"]
    assert format_record(rec) == b"GC|G#35869|GNShare1|RN312|GSN|RO332|GSY|"


def test_empty_fields_and_leading_zeros() -> None:
    rec = parse(b"WC|RN0101|DA|TI|")
    assert rec.get("RN") == "0101" and rec.has("DA") and rec.get("DA") == ""


def test_format_strips_bytes_that_would_break_the_frame() -> None:
    data = format_record(FiasRecord("XL", (("RN", "101"), ("MT", "a|b\x03c\r\nd"))))
    assert data == b"XL|RN101|MTabc\r\nd|"


@pytest.mark.parametrize("bad", [b"", b"G", b"GI", b"GIRN101", b"GI|R|"])
def test_malformed_records_raise_input_error(bad: bytes) -> None:
    with pytest.raises(InputError):
        parse(bad)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_framers_and_parser(data: bytes) -> None:
    for payload in TcpFramer().feed(data):
        try:
            parse(payload)
        except InputError:
            pass
    for event in SerialFramer().feed(data):
        assert event.bad or event.control in (ACK, NAK, ENQ) or event.record is not None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["RN", "GN", "G#", "MT"]), st.text(max_size=30)), max_size=6))
def test_format_then_parse_round_trip(fields: list[tuple[str, str]]) -> None:
    rec = FiasRecord("GI", tuple(fields))
    back = parse(format_record(rec))
    assert [name for name, _ in back.fields] == [name for name, _ in fields]
