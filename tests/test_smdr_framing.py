"""Line framing against what a real port delivers: NUL padding, CR-only line ends, a megabyte with no
line end, half a record glued to the next one after noise or a reconnect, Mitel's length frames."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from switchboard.smdr.framing import LengthFramer
from switchboard.smdr.parsers import CallRecord, SmdrFormat, parser_for

DATA = Path(__file__).parent / "data" / "smdr"
TODAY = date(2026, 11, 20)
TRUNKS = frozenset({"211553", "211474", "stadionpbx"})
SAMPLES = {  # each format's vendor samples that are records
    SmdrFormat.AVAYA_IP_OFFICE: "avaya_ipo_targeting.txt",
    SmdrFormat.MITEL_5000: "mitel_5000.txt",
    SmdrFormat.ASTERISK_CSV: "asterisk_public_master.csv",
    SmdrFormat.MITEL_MIVOICE_BUSINESS: "mivb_examples.txt",
    SmdrFormat.NEC_SL: "nec_sl_report.txt",
    SmdrFormat.PANASONIC_KX: "panasonic_pattern_a.txt",
    SmdrFormat.THREECX: "threecx_cdr.txt",
}


def good_lines(fmt: SmdrFormat) -> list[bytes]:
    lines = (DATA / SAMPLES[fmt]).read_bytes().splitlines()
    return [line for line in lines if parser_for(fmt, TODAY, trunks=TRUNKS).feed(line + b"\n")]


def said(records: list[CallRecord]) -> list[tuple[object, ...]]:
    return [(r.started_at, r.direction, r.extension, r.number, r.duration_s, r.trunk) for r in records]


def read(fmt: SmdrFormat, data: bytes, chunk: int = 0) -> tuple[list[CallRecord], int]:
    parser = parser_for(fmt, TODAY, trunks=TRUNKS)
    step = chunk or len(data) or 1
    records = [r for at in range(0, len(data), step) for r in parser.feed(data[at : at + step])]
    return records, parser.bad_lines


@pytest.mark.parametrize("fmt", list(SAMPLES))
def test_nul_padding_and_cr_only_line_ends(fmt: SmdrFormat) -> None:
    lines = good_lines(fmt)
    expected, _ = read(fmt, b"\r\n".join(lines) + b"\r\n")
    padded = b"".join(b"\x00" * 40 + line + b"\r" for line in lines)
    for chunk in (0, 1, 5):
        records, bad = read(fmt, padded, chunk)
        assert said(records) == said(expected) and bad == 0


@pytest.mark.parametrize("chunk", [0, 4096, 65536])
def test_a_megabyte_without_a_line_end_is_one_bad_line(chunk: int) -> None:
    lines = good_lines(SmdrFormat.AVAYA_IP_OFFICE)
    data = lines[0] + b"\r\n" + b"7" * 1_000_000 + b"\r\n" + lines[1] + b"\r\n"
    parser = parser_for(SmdrFormat.AVAYA_IP_OFFICE, TODAY)
    step = chunk or len(data)
    records = [r for at in range(0, len(data), step) for r in parser.feed(data[at : at + step])]
    assert len(records) == 2 and parser.bad_lines == 1
    assert len(parser.rejected) == 1 and len(parser.rejected[0]) <= 200, "what is kept for the monitor is cut"


@pytest.mark.parametrize("fmt", list(SAMPLES))
def test_half_a_line_glued_to_the_next_record_never_becomes_a_wrong_record(fmt: SmdrFormat) -> None:
    """Every sample cut at every place and glued to every sample: the glued line is dropped as bad
    or read as the record glued on, never as something else; the next line is read as it is."""
    lines = good_lines(fmt)
    for second in lines:
        (whole,) = read(fmt, second + b"\r\n")[0]
        for first in lines:
            for cut in range(1, len(first)):
                records, bad = read(fmt, first[:cut] + second + b"\r\n" + second + b"\r\n")
                assert all(said([r]) == said([whole]) for r in records), (first[:cut], second)
                assert records[-1:] and len(records) <= 2 and bad == 1, "the half line is one bad line"


def test_a_record_glued_behind_half_a_line_is_read_and_the_half_line_counted() -> None:
    lines = good_lines(SmdrFormat.AVAYA_IP_OFFICE)
    records, bad = read(SmdrFormat.AVAYA_IP_OFFICE, lines[0][:23] + lines[1] + b"\r\n")
    assert said(records) == said(read(SmdrFormat.AVAYA_IP_OFFICE, lines[1] + b"\r\n")[0]) and bad == 1


def test_mitel_length_frames_a_bad_length_and_a_plain_line() -> None:
    frame = (DATA / "mitel_5000_tcp.bin").read_bytes()
    text = (DATA / "mitel_5000_manual.txt").read_bytes()
    stream = frame + b"\xff\xff\xff\x7fjunk after a wrong length\r\n" + frame + text + frame
    for step in (1, 3, len(stream)):
        framer = LengthFramer()
        pieces = [p for at in range(0, len(stream), step) for p in framer.feed(stream[at : at + step])]
        records = [p for p in pieces if isinstance(p, bytes)]
        assert records == [text.rstrip()] * 4
        assert len(pieces) == 5, "the wrong length is one bad frame"


def test_mitel_frames_read_as_serial_lines_lose_no_record() -> None:
    """A Mitel set to the prefixed format on its serial port: the prefix makes the line bad, the record
    behind it is still read (each column is not shifted by four)."""
    records, bad = read(SmdrFormat.MITEL_5000, (DATA / "mitel_5000_tcp.bin").read_bytes() * 2)
    assert [r.extension for r in records] == ["11202", "11202"] and bad == 2


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=3000), cut=st.integers(1, 64))
def test_length_frames_after_any_bytes_come_back_in_step(data: bytes, cut: int) -> None:
    """Junk never raises, and however it left the framing (inside a frame of up to 1 KiB, inside a
    line), the PBX's records after it are read again within a few frames."""
    parser = parser_for(SmdrFormat.MITEL_5000, TODAY, length_framing=True)
    for at in range(0, len(data), cut):
        parser.feed(data[at : at + cut])
    records = parser.feed((DATA / "mitel_5000_tcp.bin").read_bytes() * 20)
    assert len(records) >= 5 and {r.extension for r in records} == {"11202"}
