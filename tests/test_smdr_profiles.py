"""A call-record format defined in the settings file by a hotel's engineer, without code; the preview
that shows how a captured stream reads under it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hardware.smdr_reader import SmdrSettings
from switchboard.settings import load
from switchboard.smdr.parsers import SmdrFormat, builtin, parser_for, profile_named
from switchboard.smdr.preview import render_preview
from switchboard.smdr.profile import login_frame, mitel_login

DATA = Path(__file__).parent / "data" / "smdr"
TODAY = date(2026, 11, 20)

# The NEC SL report as an engineer would write it from the manual's table, and a Mitel-like PBX that
# frames its TCP records and logs in with fixed bytes.
SETTINGS = r"""
[smdr]
url = socket://192.0.2.10:4000
format = front_office_nec

[smdr.profile front_office_nec]
layout = fixed
fields = type 1-5, time 6-10, date 12-16, trunk 18-21, duration 23-30, extension 32-41,
    number 43-62, account 64-79
time_format = %H:%M
date_format = %m/%d
direction_field = type
direction_codes = POT:out, PIN:in, ICM:internal, ALB:skip
check_time = [0-2]\d:[0-5]\d
check_duration = (\d\d:[0-5]\d:[0-5]\d)?
check_extension = \d{0,10}
unanswered = account=NO ANSWER
not_calls = ^\s*CLASS\s|PAGE \d+$
min_length = 21
max_length = 100

[smdr.profile framed]
layout = csv
fields = start 1, duration 2, extension 3, number 4, type 5
datetime_format = %d.%m.%Y %H:%M
direction_field = type
direction_codes = A:out, E:in
tcp_framing = length32
login = hex:02000000 8400
"""


def test_a_profile_from_the_settings_file_reads_like_the_built_in_one(tmp_path: Path) -> None:
    path = tmp_path / "console.ini"
    path.write_text(SETTINGS, encoding="utf-8")
    settings = load(path)
    profile = profile_named(settings.section("smdr")["format"], settings.sections)
    data = b"CLASS TIME  DATE  LINE\r\n" + (DATA / "nec_sl_report.txt").read_bytes()
    own = parser_for(profile, TODAY)
    theirs = parser_for(SmdrFormat.NEC_SL, TODAY)
    assert own.feed(data) == theirs.feed(data) and len(own.feed(data)) == 3
    assert own.bad_lines == theirs.bad_lines == 0


def test_a_framed_profile_with_a_login(tmp_path: Path) -> None:
    path = tmp_path / "console.ini"
    path.write_text(SETTINGS, encoding="utf-8")
    profile = profile_named("framed", load(path).sections)
    assert login_frame(profile) == bytes.fromhex("0200000084 00") == mitel_login("")
    line = b"20.11.2026 22:14,00:02:01,1508,013901234567,A\r\n"
    parser = parser_for(profile, TODAY, length_framing=True)
    (record,) = parser.feed(len(line).to_bytes(4, "little") + line)
    assert (record.extension, record.number, record.duration_s, record.direction.value) == (
        "1508",
        "013901234567",
        121,
        "out",
    )


@pytest.mark.parametrize(
    "key, value, said",
    [
        ("fields", "start 1, colour 2", "unknown field 'colour'"),
        ("fields", "start one", "column number"),
        ("direction_codes", "A:sideways", "'sideways' for 'A'"),
        ("check_duration", "([0-9]", "check_duration"),
        ("datetime_format", "%Y %Q", "%Q"),
        ("login", "please", "login"),
        ("tcp_framing", "smoke", "tcp_framing"),
        ("direction_field", "", "direction: give"),
        ("direction_codes", "", "direction_codes: needed"),
    ],
)
def test_a_wrong_profile_says_which_key_and_why(key: str, value: str, said: str) -> None:
    section = {
        "layout": "csv",
        "fields": "start 1, duration 2, type 3",
        "datetime_format": "%Y-%m-%d %H:%M",
        "direction_field": "type",
        "direction_codes": "A:out",
    }
    section[key] = value
    with pytest.raises(ValueError, match=r"smdr\.profile mine") as caught:
        profile_named("mine", {"smdr.profile mine": section})
    assert said in str(caught.value)


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"avaya_ipo.*threecx"):
        profile_named("ericsson_md110")
    assert profile_named("mitel_mivb") is builtin(SmdrFormat.MITEL_MIVOICE_BUSINESS)


def test_the_preview_shows_each_field_each_call_and_why_a_line_is_bad() -> None:
    data = (DATA / "avaya_ipo_examples.txt").read_bytes() + b"x" * 1_000_000 + b"\r\n"
    text = render_preview(data, builtin(SmdrFormat.AVAYA_IP_OFFICE))
    lines = text.splitlines()
    assert lines[0] == "Format avaya_ipo (CSV, delimiter ',')"
    assert "  party1        'E4324'" in lines
    assert any(
        line.startswith("  -> in, extension 4324, number 8004206, started 2008-06-28 09:28:41")
        for line in lines
    )
    assert "  BAD: is_internal 'I' does not match [01]" in lines
    assert "  BAD: no line end within 4096 bytes" in lines
    assert lines[-1] == "7 lines: 5 records, 2 bad, 0 not calls"


def test_the_preview_of_a_report_with_headers_and_framed_tcp_bytes() -> None:
    report = b" " * 60 + b"12/09/2026 PAGE 001\r\n" + (DATA / "nec_sl_report.txt").read_bytes()
    text = render_preview(report, builtin(SmdrFormat.NEC_SL), today=TODAY)
    assert "  not a call (skipped)" in text.splitlines()
    assert text.endswith("4 lines: 3 records, 0 bad, 1 not calls\n")
    mitel = builtin(SmdrFormat.MITEL_5000)
    for capture in ("mitel_5000_tcp.bin", "mitel_5000_manual.txt"):  # from its TCP port, from its serial port
        text = render_preview((DATA / capture).read_bytes(), mitel)
        assert "extension 11202, number 961-9000" in text
        assert text.endswith("1 lines: 1 records, 0 bad, 0 not calls\n")


def test_the_reader_settings_from_the_smdr_section(tmp_path: Path) -> None:
    path = tmp_path / "console.ini"
    path.write_text(
        SETTINGS.replace(
            "format = front_office_nec",
            "format = mitel_5000\npassword = 12345678\ntrunks = 211553, stadionpbx ,",
        ),
        encoding="utf-8",
    )
    settings = load(path)
    smdr = SmdrSettings.from_section(settings.section("smdr"), settings.sections)
    assert smdr.profile is builtin(SmdrFormat.MITEL_5000)
    assert smdr.login() == bytes.fromhex("0A000000 84 3132333435363738 00")
    assert smdr.parser().feed((DATA / "mitel_5000_tcp.bin").read_bytes())[0].extension == "11202"
    assert smdr.trunks == frozenset({"211553", "stadionpbx"})
    serial = SmdrSettings.from_section({"url": "/dev/ttyS0", "format": "front_office_nec"}, settings.sections)
    assert serial.login() == b"" and serial.profile.name == "front_office_nec"
    with pytest.raises(ValueError, match="no call-record format 'nortel'"):
        SmdrSettings.from_section({"url": "/dev/ttyS0", "format": "nortel"}, settings.sections)


def test_the_preview_shows_the_record_glued_behind_half_a_line_as_the_link_reads_it() -> None:
    lines = (DATA / "avaya_ipo_targeting.txt").read_bytes().splitlines()
    text = render_preview(lines[0][:30] + lines[1] + b"\r\n", builtin(SmdrFormat.AVAYA_IP_OFFICE))
    assert "  a record begins at character 31:" in text.splitlines()
    assert "-> internal, extension 207, number 203" in text
    assert text.endswith("1 lines: 1 records, 1 bad, 0 not calls\n")
