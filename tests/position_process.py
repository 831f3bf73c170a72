"""One operator position in a process of its own (pjsua2 allows one endpoint per process), for tests
and benches with several positions on one operator number.

    python -m tests.position_process --server 127.0.0.1:5060 --extension 9 --name P1 --database URL \\
        [--answer] [--hold-ms 300] [--overflow-to 8000 --overflow-s 45] [--watch 1208,1209 --raise-alarms]

Lines on stdin: ``answer CALL``, ``park CALL``, ``camp CALL EXTENSION SECONDS``, ``pickup-shared
SIP-CALL-ID`` (a call parked at another position), ``break`` (the position goes on break), ``back``,
``sign-out`` (the operator signs out, the position stays up), ``quit``.

Events go to stdout as JSON lines with the wall-clock time they were seen; ``--answer`` answers every
offered call at once (and releases it ``--hold-ms`` after it connected, if given). The process ends when stdin
closes (the test is gone) or says ``quit``.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time

from db.call_claims import SqlCallClaims
from db.emergencies import SqlEmergencies
from db.shared_parks import SqlSharedParks
from db.store import Store
from hardware.sip.position import SipPosition
from switchboard.clock import SystemClock
from switchboard.emergency import EmergencyCallEnded, EmergencyDialled
from switchboard.hotel import Actor
from switchboard.pbx import (
    CallEnded,
    CallFailed,
    CallOffered,
    CallState,
    CallStateChanged,
    LinkStateChanged,
    PositionSettings,
)

OUT = sys.stdout
LOCK = threading.Lock()


def say(**event: object) -> None:
    with LOCK:
        OUT.write(json.dumps({"t": time.time(), **event}) + "\n")
        OUT.flush()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--extension", default="9")
    parser.add_argument("--name", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--answer", action="store_true")
    parser.add_argument("--hold-ms", type=int, default=0, help="release after this; 0: the caller hangs up")
    parser.add_argument("--overflow-to", default="", help="[attendant] overflow_to")
    parser.add_argument("--overflow-s", type=float, default=45.0, help="[attendant] overflow_s")
    parser.add_argument("--watch", default="", help="extensions on the lamp field, comma-separated")
    parser.add_argument("--raise-alarms", action="store_true", help="emergency calls into the alarm book")
    args = parser.parse_args()
    clock = SystemClock()
    store = Store(args.database)
    claims = SqlCallClaims(store, clock, args.name)
    parks = SqlSharedParks(store, clock, args.name)
    position = SipPosition(
        PositionSettings(server=args.server, extension=args.extension),
        clock,
        claim=claims.claim,
        unclaim=claims.release,
        parks=parks,
    )
    names: dict[str, str] = {}

    def sink(event: object) -> None:
        if isinstance(event, CallOffered):
            names[event.call_id] = event.caller_name
            say(
                ev="offered",
                call=event.call_id,
                name=event.caller_name,
                caller=event.caller,
                recall_of=event.recall_of,
            )
            if args.answer:
                position.answer(event.call_id)
        elif isinstance(event, CallStateChanged):
            name = names.get(event.call_id, "")
            say(ev="state", call=event.call_id, name=name, state=event.state.value, peer=event.peer)
            if args.answer and args.hold_ms and event.state is CallState.CONNECTED:
                timer = threading.Timer(args.hold_ms / 1000, position.release, (event.call_id,))
                timer.daemon = True
                timer.start()
        elif isinstance(event, CallEnded):
            say(ev="ended", call=event.call_id, name=names.get(event.call_id, ""), reason=event.reason)
        elif isinstance(event, CallFailed):
            say(ev="failed", call=event.call_id, reason=event.reason.value, detail=event.detail)
        elif isinstance(event, LinkStateChanged):
            say(ev="link", status=event.status.value, detail=event.detail)
        elif isinstance(event, EmergencyDialled):
            say(
                ev="emergency",
                extension=event.extension,
                number=event.number,
                call=event.call_key,
                source=event.source.value,
            )
            if args.raise_alarms:  # as the console's EmergencyDesk.heard does, into the shared database
                alarm, new = SqlEmergencies(store, clock).raise_alarm(event, Actor.link(args.name))
                say(ev="alarm", id=alarm.id, new=new, call=alarm.call_key, source=alarm.source.value)
        elif isinstance(event, EmergencyCallEnded):
            ended = args.raise_alarms and SqlEmergencies(store, clock).call_ended(
                event, Actor.link(args.name)
            )
            say(
                ev="ended", extension=event.extension, number=event.number, call=event.call_key, changed=ended
            )

    if args.overflow_to:
        position.set_overflow(args.overflow_to, args.overflow_s)
    position.start(sink)
    position.ready.wait(10)
    if args.watch:
        position.watch(args.watch.split(","))
    for line in sys.stdin:
        if line.strip() == "quit":
            break
        if line.startswith("answer "):
            position.answer(line.split()[1])
        elif line.startswith("park "):
            position.park(line.split()[1])
        elif line.startswith("camp "):  # camp CALL EXTENSION RECALL-SECONDS
            _, call, target, after = line.split()[:4]
            position.camp_on(call, target, float(after))
        elif line.startswith("pickup-shared "):
            position.pickup_shared(line.split()[1])
        elif line.strip() == "sign-out":  # the operator signs out in the window; the console stays up
            position.hand_over_aside()
        elif line.strip() in ("break", "back"):
            position.set_break(line.strip() == "break")
            say(ev="break", on=line.strip() == "break")
    position.stop()
    store.dispose()
    say(ev="stopped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
