"""SIP calls to the console: sipp callers through Kamailio on loopback to the SIP attendant position.

Starts Kamailio (the test lab's configuration, free port), the position (ringing front + pjsua2 line)
registered as extension 9, and sipp placing CALLS calls at RATE/s. The position answers each call as
soon as it is offered and sipp hangs up after HOLD_MS. Set-up to offered runs from the moment sipp sent
the INVITE (its message trace, wall clock) to the moment the position handed ``CallOffered`` to its sink
(wall clock, same machine). calls_per_s is completed calls over the sipp run's wall time.

Usage: python bench/sip_calls.py [--calls 400] [--rate 40]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hardware.sip.position import SipPosition
from switchboard.clock import SystemClock
from switchboard.pbx import CallOffered, LinkStateChanged, LinkStatus, PbxEvent, PositionSettings
from tests.sip_lab.kamailio import KamailioLab
from tests.sip_lab.ports import free_port
from tests.sip_lab.sipp import SCENARIO

HOLD_MS = 100


def invites_sent(trace: Path) -> dict[str, float]:
    """Call-ID -> wall-clock time sipp sent the first INVITE, from its -trace_msg file."""
    sent: dict[str, float] = {}
    block_time = 0.0
    for block in trace.read_text(errors="replace").split("----------------------------------------------- ")[
        1:
    ]:
        head, _, rest = block.partition("\n")
        try:
            block_time = datetime.strptime(
                head.strip().replace("\t", " "), "%Y-%m-%d %H:%M:%S.%f"
            ).timestamp()
        except ValueError:
            continue
        if "message sent" not in rest or "\nINVITE " not in rest:
            continue
        m = re.search(r"(?im)^Call-ID:\s*(\S+)", rest)
        if m and m.group(1) not in sent:
            sent[m.group(1)] = block_time
    return sent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=400)
    parser.add_argument("--rate", type=float, default=40.0)
    args = parser.parse_args()
    lab = KamailioLab()
    lab.start()
    run_dir = Path(tempfile.mkdtemp(prefix="sipcalls"))
    offered: dict[str, float] = {}  # SIP Call-ID -> wall-clock time offered
    up = threading.Event()
    position = SipPosition(PositionSettings(server=lab.domain, extension="9"), SystemClock())

    def sink(event: PbxEvent) -> None:
        # runs in the position's SIP thread, so its call table may be read here
        if isinstance(event, CallOffered):
            at = time.time()
            offered[position.sip_call_id(event.call_id)] = at
            position.answer(event.call_id)
        elif isinstance(event, LinkStateChanged) and event.status is LinkStatus.UP:
            up.set()

    try:
        position.start(sink)
        if not up.wait(10):
            raise SystemExit("the position did not register")
        started = time.monotonic()
        result = subprocess.run(
            [
                "sipp",
                lab.domain,
                "-sf",
                str(SCENARIO),
                "-s",
                "9",
                "-i",
                "127.0.0.1",
                "-p",
                str(free_port(both=False)),
                "-mp",
                str(free_port(both=False)),
                "-m",
                str(args.calls),
                "-r",
                str(args.rate),
                "-l",
                "4",
                "-d",
                str(HOLD_MS),
                "-recv_timeout",
                "10000",
                "-nostdin",
                "-trace_msg",
                "-trace_stat",
            ],
            cwd=run_dir,
            capture_output=True,
            text=True,
            timeout=args.calls / args.rate + 120,
        )
        elapsed = time.monotonic() - started
        time.sleep(0.3)
    finally:
        position.stop()
        lab.close()
    traces = list(run_dir.glob("*_messages.log"))
    sent = invites_sent(traces[0]) if traces else {}
    delays = sorted((offered[c] - t) * 1000 for c, t in sent.items() if c in offered)
    if not delays:
        raise SystemExit(f"no call was offered; sipp said: {result.stdout[-1500:]}")
    completed = len(delays) if result.returncode == 0 else len(delays) - 1
    p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))]
    print(
        f"{len(delays)} of {args.calls} calls offered, sipp exit {result.returncode}, "
        f"slowest {delays[-1]:.2f} ms, run {elapsed:.1f} s"
    )
    print(
        f"sip_calls: p50_ms={statistics.median(delays):.2f} p99_ms={p99:.2f} "
        f"calls_per_s={completed / elapsed:.1f}"
    )


if __name__ == "__main__":
    main()
