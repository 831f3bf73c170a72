"""SMDR parsers: golden captures in awkward chunks, bad lines skipped, fuzzing, charges.

The golden files here mix vendor lines with lines written here (tests/data/smdr/SOURCES.md);
test_smdr_vendor.py holds each format to its vendor's own samples."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from switchboard.smdr.charges import ChargeRule, Tariff
from switchboard.smdr.parsers import CallRecord, Direction, SmdrFormat, parser_for

DATA = Path(__file__).parent / "data" / "smdr"
TODAY = date(2026, 11, 20)

GOLDEN: dict[SmdrFormat, tuple[str, list[tuple[str, Direction, str, int, bool]], int]] = {
    SmdrFormat.AVAYA_IP_OFFICE: (
        "avaya_ipo.txt",
        [
            ("4324", Direction.INCOMING, "8004206", 0, False),
            ("4750", Direction.INCOMING, "01707392200", 13, True),
            ("", Direction.INCOMING, "01707392200", 21, True),
            ("4688", Direction.INTERNAL, "4207", 44, True),
            ("1508", Direction.OUTGOING, "013901234567", 121, True),
        ],
        1,
    ),
    SmdrFormat.MITEL_5000: (
        "mitel_5000.txt",
        [
            ("11202", Direction.OUTGOING, "961-9000", 3, True),
            ("01508", Direction.OUTGOING, "013901234567", 121, True),
            ("", Direction.INCOMING, "88001234", 15, False),
            ("00712", Direction.OUTGOING, "5551234", 90, True),
        ],
        1,
    ),
    SmdrFormat.ASTERISK_CSV: (
        "asterisk_master.csv",
        [
            ("1508", Direction.OUTGOING, "013901234567", 121, True),
            ("712", Direction.INCOMING, "02188001234", 0, False),
            ("712", Direction.INTERNAL, "1508", 60, True),
        ],
        1,
    ),
}


def _summary(records: list[CallRecord]) -> list[tuple[str, Direction, str, int, bool]]:
    return [(r.extension, r.direction, r.number, r.duration_s, r.answered) for r in records]


@pytest.mark.parametrize("fmt", list(GOLDEN))
@pytest.mark.parametrize("seed", range(5))
def test_golden_file_in_random_chunks(fmt: SmdrFormat, seed: int) -> None:
    name, expected, bad = GOLDEN[fmt]
    data = (DATA / name).read_bytes()
    rng = random.Random(seed)
    parser = parser_for(fmt, TODAY)
    records: list[CallRecord] = []
    at = 0
    while at < len(data):
        size = rng.randint(1, 17)
        records += parser.feed(data[at : at + size])
        at += size
    assert _summary(records) == expected
    assert parser.bad_lines == bad


def test_avaya_fields() -> None:
    records = parser_for(SmdrFormat.AVAYA_IP_OFFICE).feed((DATA / "avaya_ipo.txt").read_bytes())
    last = records[-1]
    assert last.started_at == datetime(2026, 11, 20, 22, 14, 5)
    assert (last.trunk, last.ring_s, last.call_id) == ("9001", 3, "1000020001")


def test_mitel_seconds_mode_and_account() -> None:
    records = parser_for(SmdrFormat.MITEL_5000, TODAY).feed((DATA / "mitel_5000.txt").read_bytes())
    assert records[-1].started_at == datetime(2026, 11, 20, 23, 1)
    assert records[-1].account == "1234"


LINE = st.binary(max_size=200).filter(lambda b: b"\n" not in b)


@settings(max_examples=150, deadline=None)
@given(fmt=st.sampled_from(list(GOLDEN)), junk=st.lists(LINE, max_size=5), cut=st.integers(1, 50))
def test_fuzz_bad_lines_never_cost_good_ones(fmt: SmdrFormat, junk: list[bytes], cut: int) -> None:
    name, expected, _ = GOLDEN[fmt]
    good = [line + b"\n" for line in (DATA / name).read_bytes().split(b"\n") if line]
    stream = b""
    for i, line in enumerate(good):
        stream += line
        if i < len(junk):
            stream += junk[i] + b"\n"
    parser = parser_for(fmt, TODAY)
    records: list[CallRecord] = []
    for at in range(0, len(stream), cut):
        records += parser.feed(stream[at : at + cut])
    # Junk lines may parse as calls of their own, but every good record is there, in order.
    found = iter(_summary(records))
    assert all(any(rec == want for rec in found) for want in expected)


@settings(max_examples=300, deadline=None)
@given(fmt=st.sampled_from(list(SmdrFormat)), data=st.binary(max_size=600))
def test_fuzz_any_bytes(fmt: SmdrFormat, data: bytes) -> None:
    parser = parser_for(fmt, TODAY)
    parser.feed(data)
    parser.feed(b"\n")


def test_charge_rule() -> None:
    rule = ChargeRule(default=Tariff(cents_per_unit=100), by_type={"TLD": Tariff(300, 60, 50)}, free_s=5)
    call = parser_for(SmdrFormat.MITEL_5000, TODAY).feed((DATA / "mitel_5000.txt").read_bytes())
    assert [rule.cents(c) for c in call] == [0, 50 + 3 * 300, 0, 2 * 100]


def test_a_start_time_without_a_date_is_never_put_in_the_future() -> None:
    """Mitel lines carry no date: a call begun at 23:58 and reported after midnight is yesterday's."""
    parser = parser_for(SmdrFormat.MITEL_5000)
    for hour in range(24):
        line = f"LOC 00712 94001 5551234                      {hour:02d}:59 00:01:30 $00.00\n"
        (record,) = parser.feed(line.encode())
        assert record.started_at <= datetime.now() + timedelta(minutes=5)
        assert record.started_at > datetime.now() - timedelta(days=1, minutes=5)


def test_each_record_keeps_its_line_and_bad_lines_are_kept_for_the_monitor() -> None:
    parser = parser_for(SmdrFormat.ASTERISK_CSV)
    good = (
        '"","2101","0800123456","from-internal","""Room 2101"" <2101>","PJSIP/2101-0001",'
        '"PJSIP/trunk-0002","Dial","PJSIP/trunk/0800123456,60","2026-11-22 23:10:00",'
        '"2026-11-22 23:10:04","2026-11-22 23:12:04",124,120,"ANSWERED","BILLING","1700694600.1"'
    )
    records = parser.feed(b"damaged,line\n" + good.encode() + b"\n")
    assert [r.raw for r in records] == [good]
    assert list(parser.rejected) == [b"damaged,line"]


def test_a_date_without_a_year_is_never_put_in_the_future() -> None:
    """NEC and MiVoice print mm/dd: a call dated two days ahead of now is last year's (read in January)."""
    ahead = datetime.now() + timedelta(days=2)
    behind = datetime.now() - timedelta(days=2)
    for when, year in ((ahead, ahead.year - 1), (behind, behind.year)):
        line = f"POT  10:52 {when:%m/%d} 002  00:00:10 2001       2142623801           08754"
        (record,) = parser_for(SmdrFormat.NEC_SL).feed(line.encode() + b"\r\n")
        assert (record.started_at.year, record.started_at.month, record.started_at.day) == (
            year,
            when.month,
            when.day,
        )
