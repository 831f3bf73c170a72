"""One wake-up line process: up to four calls at a time over pjsua2.

The pjsua2 wheel places at most four calls per process, so the dialler runs as
many of these as the hotel has lines. Orders arrive as JSON lines on stdin,
results leave as JSON lines on stdout. Only the main thread touches pjsua2; a
reader thread turns stdin into a queue. When stdin closes (the dialler is gone)
every call is hung up and the process ends, so no call is left ringing for a
dialler that can no longer record its answer.

The line's own SIP port is behind the position's gate (``hardware/sip/line_gate.py``) with no front: it
places calls and takes none, so a new INVITE gets 403 from the PBX and nothing from anyone else, and only the
PBX (``--proxy``'s addresses and ``--trusted``) is heard in its calls' dialogs. A flood of foreign INVITEs
used to empty pjlib's ioqueue and abort the process, and a forged BYE could end a guest's wake-up call. What
the gate drops is counted (``SipGuard``) and reported to the dialler as ``gate`` events, once a second at
most; the dialler logs them.

Run: ``python -m hardware.wakeup.sip_line --proxy 127.0.0.1:5060 [--host 127.0.0.1] [--trusted 10.0.0.0/8]``
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import queue
import sys
import threading
import time
import wave
from typing import Any

import pjsua2 as pj

from hardware.sip.endpoint import destroy_endpoint, start_endpoint
from hardware.sip.line_gate import LineGate
from hardware.sip.sip_guard import SipGuard
from switchboard.clock import SystemClock
from switchboard.link_monitor import LinkCounters, RawFrame

BUSY_CODES = frozenset({486, 600, 603})
NO_ANSWER_CODES = frozenset({408, 480, 487})
PJ_ETOOMANY = 70010


EVENTS = sys.stdout  # replaced in main(): pjsip prints to file descriptor 1 by itself


def emit(**event: Any) -> None:
    try:
        EVENTS.write(json.dumps(event) + "\n")
        EVENTS.flush()
    except OSError:
        pass  # the dialler is gone; the next one recovers this call from the book


class WakeCall(pj.Call):
    """One wake-up call: ring, play the message, wait for 1 (confirm) or 2 (snooze)."""

    def __init__(self, account: pj.Account, key: str, order: dict[str, Any]) -> None:
        super().__init__(account)
        self.key = key
        self.wav = str(order["wav"])
        self.ring_s = float(order.get("ring_s", 45))
        self.listen_s = float(order.get("listen_s", 30))
        self.started = time.monotonic()
        self.answered_at: float | None = None
        self.result = ""
        self.detail = ""
        self.ended = False
        self.hangup_at: float | None = None
        self.player: pj.AudioMediaPlayer | None = None

    def decide(self, result: str, detail: str, hangup_in: float = 0.0) -> None:
        if not self.result:
            self.result, self.detail = result, detail
            self.hangup_at = time.monotonic() + hangup_in

    def onCallState(self, prm: Any) -> None:
        info = self.getInfo()
        if info.state == pj.PJSIP_INV_STATE_CONFIRMED and self.answered_at is None:
            self.answered_at = time.monotonic()
        elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self.ended = True
            code = int(info.lastStatusCode)
            if self.answered_at is not None:
                self.decide("no_key", "the guest hung up without pressing a key")
            elif code in BUSY_CODES:
                self.decide("busy", f"{code} {info.lastReason}")
            elif code in NO_ANSWER_CODES:
                self.decide("no_answer", f"{code} {info.lastReason}")
            else:
                self.decide("failed", f"{code} {info.lastReason}")

    def onCallMediaState(self, prm: Any) -> None:
        info = self.getInfo()
        for index, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                if self.player is None:
                    self.player = pj.AudioMediaPlayer()
                    self.player.createPlayer(self.wav, 0)  # loops until a key or the listen time ends
                self.player.startTransmit(self.getAudioMedia(index))

    def heard_ms(self) -> int:
        """How much of the message went out to the guest (the player's position; it loops)."""
        if self.player is None:
            return 0
        try:
            with wave.open(self.wav) as recording:
                rate = recording.getframerate()
        except (OSError, wave.Error):
            rate = 8000
        return int(self.player.getPos()) * 1000 // rate

    def onDtmfDigit(self, prm: Any) -> None:
        if prm.digit in ("1", "2"):
            result = "confirmed" if prm.digit == "1" else "snoozed"
            self.decide(result, f"key {prm.digit} after {self.heard_ms()} ms of the message", hangup_in=0.3)

    def tick(self, now: float) -> None:
        if self.ended:
            return
        if self.answered_at is None and now - self.started > self.ring_s:
            self.decide("no_answer", f"no answer in {self.ring_s:.0f} s")
        elif self.answered_at is not None and now - self.answered_at > self.listen_s:
            self.decide("no_key", f"answered, no key in {self.listen_s:.0f} s")
        if self.hangup_at is not None and now >= self.hangup_at:
            self.hangup_at = None
            try:
                self.hangup(pj.CallOpParam(True))
            except pj.Error:
                self.ended = True  # already gone


class GateReport:
    """What the line's gate dropped, told to the dialler: the counts and the latest datagram's label."""

    def __init__(self) -> None:
        self.guard: SipGuard | None = None
        self.last = ""

    def __call__(self, event: object) -> None:
        if isinstance(event, RawFrame):
            self.last = event.data.split(b"] ", 1)[0].lstrip(b"[").decode(errors="replace")[:200]
        elif isinstance(event, LinkCounters) and self.guard is not None:
            emit(ev="gate", refused=self.guard.refused, rejected=self.guard.rejected, last=self.last)


def line_guard(proxy: str, trusted: list[str]) -> SipGuard:
    """Who the line hears: the PBX's addresses and ``trusted``; what it drops goes to the dialler."""
    report = GateReport()
    guard = SipGuard(proxy, trusted, SystemClock(), report)
    report.guard = guard
    return guard


class Line:
    def __init__(self, proxy: str, host: str, slots: int, guard: SipGuard) -> None:
        self.slots = slots
        # empty host: every interface, the PBX sees the address it routes to
        self.endpoint, self.port = start_endpoint(slots, host, "WAKEUP_PJ_LOG")
        self.guard = guard
        self.gate = LineGate(guard, None, name="wake-up line")
        try:
            self.gate.install()  # before the account: no datagram is handled until the first pump
        except BaseException:
            destroy_endpoint(self.endpoint)  # never a line that answers anyone
            raise
        account = pj.AccountConfig()
        account.idUri = f"sip:wakeup@{proxy}"
        account.sipConfig.proxies.append(f"sip:{proxy};lr")
        if host:
            account.mediaConfig.transportConfig.boundAddress = host
        account.mediaConfig.transportConfig.port = 0  # any free RTP port: several line processes share a host
        self.proxy = proxy
        self.account = pj.Account()
        self.account.create(account)
        self.calls: dict[str, WakeCall] = {}
        self.waiting: list[tuple[str, dict[str, Any], float]] = []
        self.retry_at = 0.0

    def dial(self, key: str, order: dict[str, Any]) -> None:
        self.waiting.append((key, order, time.monotonic()))

    def _start_waiting(self) -> None:
        """Place waiting orders; pjsua frees a call slot a moment after the call it held has ended."""
        if time.monotonic() < self.retry_at:
            return
        while self.waiting and len(self.calls) < self.slots:
            key, order, since = self.waiting[0]
            call = WakeCall(self.account, key, order)
            try:
                call.makeCall(f"sip:{order['extension']}@{self.proxy}", pj.CallOpParam(True))
            except pj.Error as exc:
                if exc.status == PJ_ETOOMANY and time.monotonic() - since < 10:
                    self.retry_at = time.monotonic() + 0.05
                    return
                self.waiting.pop(0)
                emit(ev="result", id=key, result="failed", detail=str(exc.info())[:200])
                continue
            self.waiting.pop(0)
            self.calls[key] = call

    def pump(self) -> None:
        self._start_waiting()
        self.endpoint.libHandleEvents(10)
        self.guard.publish()  # the counts a burst left behind, a second after the last one sent
        now = time.monotonic()
        for key, call in list(self.calls.items()):
            call.tick(now)
            if call.ended:
                emit(ev="result", id=key, result=call.result or "failed", detail=call.detail)
                del self.calls[key]
                call.player = None
                del call

    def close(self) -> None:
        self.waiting.clear()
        for call in self.calls.values():
            call.decide("failed", "line closing")
            call.hangup_at = time.monotonic()
            call.tick(time.monotonic())
        deadline = time.monotonic() + 2
        while self.calls and time.monotonic() < deadline:
            self.pump()
        self.calls.clear()
        del self.account
        gc.collect()
        self.gate.close()
        destroy_endpoint(self.endpoint)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="wake-up line")
    parser.add_argument("--proxy", required=True, help="PBX host:port")
    parser.add_argument(
        "--host", default="", help="local address for SIP and media (default: every interface)"
    )
    parser.add_argument("--slots", type=int, default=4)
    parser.add_argument(
        "--trusted",
        default="",
        help="other PBX addresses, networks or names, comma-separated ([pbx] trusted)",
    )
    args = parser.parse_args(argv)
    global EVENTS
    EVENTS = os.fdopen(os.dup(1), "w")  # the dialler reads results here ...
    os.dup2(2, 1)  # ... and whatever pjsip prints goes to stderr with the rest of the log
    orders: queue.Queue[dict[str, Any] | None] = queue.Queue()

    def read() -> None:
        for text in sys.stdin:
            try:
                orders.put(json.loads(text))
            except ValueError:
                emit(ev="error", detail=f"not an order: {text[:80]!r}")
        orders.put(None)  # the dialler is gone

    threading.Thread(target=read, name="orders", daemon=True).start()
    trusted = [t.strip() for t in args.trusted.split(",") if t.strip()]
    line = Line(args.proxy, args.host, max(1, min(4, args.slots)), line_guard(args.proxy, trusted))
    emit(ev="ready", slots=line.slots, port=line.port)
    running = True
    while running:
        try:
            while True:
                order = orders.get_nowait()
                if order is None or order.get("op") == "quit":
                    running = False
                    break
                line.dial(str(order["id"]), order)
        except queue.Empty:
            pass
        line.pump()
    line.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
