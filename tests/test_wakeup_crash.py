"""The dialler process killed (SIGKILL) at random moments during a run of 200 rooms, ten times, and
restarted each time: no wake-up lost, none placed twice inside the retry interval.

"Placed" is counted twice over: by the dialler's own attempt log, and by the INVITEs that Kamailio
saw for each room (one per Call-ID), so a call the log forgot would show up."""

from __future__ import annotations

import itertools
import random
import re
import signal
import subprocess
import sys
import time
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

import pytest

from db.store import Store, sqlite_url
from switchboard.clock import SystemClock, zone_named
from switchboard.wakeup_status import WakeUpStatus
from tests.sip_lab.kamailio import KamailioLab
from tests.wakeup_lab import RoomBank, attempts_by_wakeup, book_all, hotel_with_guests, register, wakeups

pytestmark = [pytest.mark.sip, pytest.mark.slow, pytest.mark.beside]

ROOT = Path(__file__).resolve().parents[1]
RETRY = timedelta(seconds=6)
ATTEMPTS = 3
FINAL = {WakeUpStatus.CONFIRMED.value, WakeUpStatus.ESCALATED.value}
INVITE = re.compile(r"REQ INVITE sip:(\d+)@\S+ from \S+ call (\S+) at (\d+\.\d+)")


def start_dialler(settings: Path, url: str, data: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--dialler",
            "--settings",
            str(settings),
            "--database",
            url,
            "--data-dir",
            str(data),
            "--timezone",
            "Asia/Shanghai",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def invites_by_extension(log: Path) -> dict[str, list[float]]:
    """First time Kamailio saw each INVITE (retransmissions share the Call-ID), per extension."""
    first: dict[str, tuple[str, float]] = {}
    for match in INVITE.finditer(log.read_text(errors="replace")):
        extension, call_id, at = match.groups()
        first.setdefault(call_id, (extension, float(at)))
    out: dict[str, list[float]] = defaultdict(list)
    for extension, at in first.values():
        out[extension].append(at)
    return {e: sorted(t) for e, t in out.items()}


def test_dialler_killed_ten_times_loses_and_doubles_nothing(kamailio: KamailioLab, tmp_path: Path) -> None:
    clock = SystemClock(zone_named("Asia/Shanghai"))
    url = sqlite_url(tmp_path / "hotel.db")
    store = Store(url)
    store.migrate()
    rooms = hotel_with_guests(store, clock, 200)
    kinds = ["confirm"] * 170 + ["no_answer"] * 15 + ["busy"] * 15
    random.Random(7).shuffle(kinds)
    banks = {kind: RoomBank(kind, tmp_path / kind) for kind in set(kinds)}
    settings = tmp_path / "console.ini"
    settings.write_text(
        f"[pbx]\nmode = sip\nserver = {kamailio.domain}\n\n"
        f"[wakeup]\nattempts = {ATTEMPTS}\nretry_seconds = {RETRY.total_seconds():.0f}\nring_seconds = 2\n"
        "listen_seconds = 2\nlines = 12\n",
        encoding="utf-8",
    )
    extension_of = dict(rooms)
    chance = random.Random(11)
    try:
        for (_room, extension), kind in zip(rooms, kinds, strict=True):
            register(kamailio.domain, extension, banks[kind].port)
        book_all(store, clock, [r for r, _ in rooms], clock.now() + timedelta(seconds=3))
        for _kill in range(10):
            dialler = start_dialler(settings, url, tmp_path / "data")
            time.sleep(chance.uniform(2.0, 6.0))
            dialler.send_signal(signal.SIGKILL)
            dialler.wait()
        log_file = tmp_path / "data" / "dialler.log"
        before = log_file.read_text(encoding="utf-8").count(" started: ")
        dialler = start_dialler(settings, url, tmp_path / "data")
        up = time.monotonic() + 30  # the last one is stopped only once it has started (and said so)
        while time.monotonic() < up and log_file.read_text(encoding="utf-8").count(" started: ") <= before:
            time.sleep(0.1)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            if all(w.status in FINAL for w in wakeups(store).values()):
                break
            time.sleep(1)
        dialler.send_signal(signal.SIGTERM)
        assert dialler.wait(timeout=30) == 0
    finally:
        for bank in banks.values():
            bank.close()

    calls = wakeups(store)
    attempts = attempts_by_wakeup(store)
    invites = invites_by_extension(kamailio.log_path)
    assert len(calls) == 200
    lost = [w.room_number for w in calls.values() if w.status not in FINAL]
    assert lost == []
    interrupted = 0
    for w in calls.values():
        tried = attempts[w.id]
        assert 1 <= len(tried) <= ATTEMPTS, w.room_number
        assert all(a.ended_at is not None for a in tried)
        for before, after in itertools.pairwise(tried):
            assert after.started_at - before.started_at >= RETRY, (w.room_number, before, after)
        if any(a.result == "confirmed" for a in tried):
            assert w.status == WakeUpStatus.CONFIRMED.value
        interrupted += sum(a.result == "interrupted" for a in tried)
        seen = invites.get(extension_of[w.room_number], [])
        # Every INVITE the PBX saw is an attempt in the log; none two within the retry interval.
        assert len(seen) <= len(tried), (w.room_number, seen, tried)
        for before_at, after_at in itertools.pairwise(seen):
            assert after_at - before_at >= RETRY.total_seconds() - 0.5, (w.room_number, seen)
    assert interrupted > 0  # the kills did land in the middle of calls
    leftover = subprocess.run(["pgrep", "-f", f"sip_line --proxy {kamailio.domain}"], capture_output=True)
    assert leftover.stdout == b"", "line processes outlived their dialler"
