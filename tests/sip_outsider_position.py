"""A SIP position in a process of its own, for attacks that may take the whole process down (a pjlib
assertion aborts it): ``python -m tests.sip_outsider_position --server 127.0.0.1:PORT``. It prints one JSON
line with the UDP ports the position holds once it is registered, then a line per call offered; it ends when
its stdin closes."""

from __future__ import annotations

import argparse
import json
import os
import sys

from hardware.sip.position import SipPosition
from switchboard.clock import SystemClock
from switchboard.pbx import CallOffered, LinkStateChanged, LinkStatus, PositionSettings
from tests.sip_outsider_attacker import own_udp_ports


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--extension", default="9")
    args = parser.parse_args()
    # pjlib writes its own log lines (the first at libCreate, whatever the level) to file descriptor 1:
    # they go to stderr, and the JSON lines to the stdout the parent reads.
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = out
    position = SipPosition(PositionSettings(server=args.server, extension=args.extension), SystemClock())

    def sink(event: object) -> None:
        if isinstance(event, LinkStateChanged) and event.status is LinkStatus.UP:
            print(json.dumps({"up": True, "ports": sorted(own_udp_ports())}), flush=True)
        elif isinstance(event, CallOffered):
            print(json.dumps({"offered": event.caller}), flush=True)

    position.start(sink)
    position.ready.wait(10)
    position.watch(["1203"])
    for _line in sys.stdin:
        pass
    position.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
