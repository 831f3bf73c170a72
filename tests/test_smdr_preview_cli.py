"""``main.py --smdr-preview``: an engineer checks a capture from the PBX before connecting it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "smdr"


def preview(*args: str, settings: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--smdr-preview", *args, "--settings", str(settings)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_vendor_capture_is_shown_field_by_field(tmp_path: Path) -> None:
    done = preview(str(DATA / "avaya_ipo.txt"), "--format", "avaya_ipo", settings=tmp_path / "none.ini")
    assert done.returncode == 0, done.stderr
    assert "line 1:" in done.stdout and "is_internal" in done.stdout


def test_the_hotels_own_profile_is_read_from_the_settings(tmp_path: Path) -> None:
    ini = tmp_path / "console.ini"
    ini.write_text(
        "[smdr]\nformat = front_office\n\n[smdr.profile front_office]\nlayout = fixed\n"
        "fields = type 1-4, time 6-10, date 12-16, trunk 18-21, duration 23-30, extension 32-41,\n"
        "    number 43-62, account 64-79\ntime_format = %H:%M\ndate_format = %m/%d\n"
        "direction_field = type\ndirection_codes = POT:out, PIN:in, ICM:internal, ALB:skip\n",
        encoding="utf-8",
    )
    capture = tmp_path / "capture.txt"
    lines = "POT  14:05 12/04 T001 00:02:10 301        13800138000\nnot a record\n"
    capture.write_text(lines, encoding="utf-8")
    done = preview(str(capture), settings=ini)
    assert done.returncode == 0, done.stderr
    assert "front_office" in done.stdout and "301" in done.stdout and "line 2" in done.stdout


def test_a_missing_file_or_format_is_said_plainly(tmp_path: Path) -> None:
    done = preview(str(tmp_path / "nothing.txt"), "--format", "avaya_ipo", settings=tmp_path / "none.ini")
    assert done.returncode == 2 and "smdr preview:" in done.stderr and "Traceback" not in done.stderr
    done = preview(str(DATA / "avaya_ipo.txt"), "--format", "no_such_pbx", settings=tmp_path / "none.ini")
    assert done.returncode == 2 and "no_such_pbx" in done.stderr
