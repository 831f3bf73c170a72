"""The shift report of a busy synthetic night, read back from the PDF (pdftotext)
and turned into page images (pdftoppm)."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db import busy_night
from db.call_records import SqlCallRecords
from db.rows import RoomRow
from db.seed import seed_demo_hotel
from db.shift_stats import SqlShiftStats
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.shifts import shift_at
from switchboard.smdr.charges import ChargeRule, Tariff
from switchboard.smdr.parsers import CallRecord, Direction
from tests.reader import READER
from ui.shift_report import render

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def night_report(store: Store, tmp_path: Path) -> tuple[Path, busy_night.NightCounts]:
    clock = FakeClock(datetime(2026, 11, 20, 23, 40, tzinfo=ZONE))
    night = shift_at(clock.now())
    seed_demo_hotel(store, clock)
    counts = busy_night.fill(store, night)
    clock.set(night.ends_at)
    figures = SqlShiftStats(store, clock).figures("2026-11-20 night", night.starts_at, night.ends_at, READER)
    return render(figures, tmp_path / "night.pdf", "Grand Harbour Hotel", clock.now()), counts


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def figure(text: str, label: str) -> str:
    found = re.search(rf"{re.escape(label)}\s+([\d /().%]+?)\s*$", text, re.MULTILINE)
    assert found, f"{label!r} not in the report"
    return found.group(1).strip()


def test_the_busy_night_reads_back_with_the_right_figures(
    qtbot: QtBot, night_report: tuple[Path, busy_night.NightCounts]
) -> None:
    pdf, counts = night_report
    text = text_of(pdf)
    assert figure(text, "Offered") == "5000"
    assert figure(text, "Answered") == str(counts.answered)
    assert figure(text, "Abandoned") == str(counts.abandoned)
    share = round(100 * counts.within_three_rings / counts.answered)
    assert figure(text, "Answered within three rings") == f"{counts.within_three_rings} ({share}%)"
    assert figure(text, "Wake-up calls booked") == "300"
    assert figure(text, "Confirmed by the guest") == str(counts.wakeups_confirmed)
    assert figure(text, "Escalated to a person") == str(counts.wakeups_escalated)
    assert f"Logbook: 200 entries, {counts.open_follow_ups} follow-ups open" in text
    assert "客人投诉隔壁房间噪音" in text  # Chinese notes survive into the PDF
    assert "林小红 Lin Xiaohong" in text
    assert "Duty manager" in text and "frontdesk" in text
    assert "Wake-up calls that needed more than one attempt or a person" in text
    # each escalated call with its attempts and who went to the door
    assert text.count("night: sent bellboy Li to the door") == counts.wakeups_escalated
    assert "no answer" in text and "no_answer" not in text
    assert "Guest calls" not in text, "no call-record section for a hotel without an SMDR link"


def test_the_pages_render_as_a_document(
    qtbot: QtBot, night_report: tuple[Path, busy_night.NightCounts]
) -> None:
    pdf, _counts = night_report
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(pdf.with_suffix(""))], check=True)
    pages = sorted(pdf.parent.glob("night-*.png"))
    assert 3 <= len(pages) <= 10
    first = QImage(str(pages[0]))
    assert first.height() > first.width()  # portrait A4
    dark = sum(
        1
        for y in range(0, first.height(), 4)
        for x in range(0, first.width(), 4)
        if first.pixelColor(x, y).lightness() < 128
    )
    assert dark > 200  # text, tables and the chart, not a blank page


def test_guest_calls_from_the_call_records_are_counted_with_their_charges(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 2, 0, tzinfo=ZONE))
    night = shift_at(clock.now())
    seed_demo_hotel(sqlite_store, clock)
    with sqlite_store.read() as s:
        rooms = list(s.scalars(select(RoomRow.extension).where(RoomRow.occupancy == "occupied").limit(2)))
    calls = SqlCallRecords(sqlite_store, clock, ChargeRule(Tariff(80, 60)))

    def call(
        extension: str, hour: int, seconds: int, direction: Direction = Direction.OUTGOING
    ) -> CallRecord:
        return CallRecord(datetime(2026, 11, 21, hour, 5), extension, direction, "013901234567", seconds)

    stored = calls.store(
        [
            call(rooms[0], 0, 95),  # 2 minutes: 1.60
            call(rooms[1], 1, 30),  # 0.80
            call(rooms[1], 3, 150),  # 2.40
            call(rooms[0], 4, 60, Direction.INCOMING),  # not a call out
            call("8000", 4, 60),  # a staff telephone: no room
            call(rooms[0], 12, 60),  # the next shift's
        ]
    )
    calls.answered(stored.charges[0].record_id, posted=True)
    clock.set(night.ends_at)
    figures = SqlShiftStats(sqlite_store, clock).figures(
        "2026-11-20 night", night.starts_at, night.ends_at, READER
    )
    assert (figures.room_calls_out, figures.room_charges_cents, figures.charges_not_posted) == (3, 480, 2)
    text = text_of(render(figures, tmp_path / "calls.pdf", "Grand Harbour Hotel", clock.now()))
    assert figure(text, "Calls out from rooms") == "3"
    assert figure(text, "Call charges") == "4.80"
    assert figure(text, "Charges not accepted by the PMS yet") == "2"
