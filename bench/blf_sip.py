"""BLF over real SIP: 2,000 extensions subscribed by the console's watcher on Kamailio, dialog state changed
through Kamailio at RATE/s for SECONDS, lamps read from the Qt model the window paints.

Kamailio runs the test lab's configuration with shared memory sized for it (-m 256 -M 32). The watcher
(hardware/sip/blf.py) SUBSCRIBEs `Event: dialog` for 2,000 extensions; subscribe_s runs from its start to
every lamp in ``BlfModel`` showing the first NOTIFY's state. Then a publisher PUBLISHes dialog-info
(RFC 4235 bodies, RFC 3903 PUBLISH with SIP-If-Match once the entity tag is known) for one extension after
another, each time a state other than its last (early, confirmed, terminated); Kamailio's presence server
NOTIFYs the watcher. Latency: from the PUBLISH leaving the publisher's socket to the model's dataChanged
carrying that lamp (what a view repaints). lost: lamps whose model state is not their last published state
two seconds after the last PUBLISH.

Usage: python bench/blf_sip.py [--extensions 2000] [--rate 200] [--seconds 30] [--shm-mb 256 --pkg-mb 32]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from hardware.sip.blf import BlfWatcher
from switchboard.clock import SystemClock
from switchboard.lamp_field import ExtensionKind, FieldLamp
from switchboard.pbx import LampChanged, LampState
from tests.sip_lab.kamailio import KamailioLab
from ui.blf_model import BlfModel
from ui.bridge import EventBridge

CYCLE = [("early", LampState.RINGING), ("confirmed", LampState.BUSY), ("terminated", LampState.IDLE)]


class SizedKamailio(KamailioLab):
    """The lab's Kamailio with shared and private memory (MB) for thousands of subscriptions."""

    def __init__(self, shm_mb: int, pkg_mb: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.memory = ["-m", str(shm_mb), "-M", str(pkg_mb)] if shm_mb else []

    def _prepare(self) -> list[str]:
        return [*super()._prepare(), *self.memory]


class Publisher:
    """PUBLISHes dialog-info for extensions; keeps each one's entity tag from the 200s (RFC 3903 §4.4)."""

    def __init__(self, lab: KamailioLab) -> None:
        self.lab = lab
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.etags: dict[str, str] = {}
        self.by_call: dict[str, str] = {}
        self.answered = 0
        self.refused = 0
        self.codes: dict[int, int] = {}
        self.stop = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self._seq = 0

    def publish(self, ext: str, state: str) -> None:
        self._seq += 1
        call_id = uuid.uuid4().hex
        self.by_call[call_id] = ext
        body = (
            '<?xml version="1.0"?>\n'
            f'<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="{self._seq}" state="full" '
            f'entity="sip:{ext}@127.0.0.1">\n'
            f'  <dialog id="bench{ext}" direction="recipient"><state>{state}</state></dialog>\n'
            "</dialog-info>\n"
        ).encode()
        etag = self.etags.get(ext)
        head = (
            f"PUBLISH sip:{ext}@{self.lab.domain} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{self.port};rport;branch=z9hG4bK{call_id[:12]}\r\n"
            f"Max-Forwards: 70\r\nFrom: <sip:{ext}@127.0.0.1>;tag={call_id[:8]}\r\n"
            f"To: <sip:{ext}@127.0.0.1>\r\nCall-ID: {call_id}\r\nCSeq: 1 PUBLISH\r\n"
            "Event: dialog\r\nExpires: 3600\r\nContent-Type: application/dialog-info+xml\r\n"
            + (f"SIP-If-Match: {etag}\r\n" if etag else "")
            + f"Content-Length: {len(body)}\r\n\r\n"
        )
        self.sock.sendto(head.encode() + body, ("127.0.0.1", self.lab.port))

    def _read(self) -> None:
        while not self.stop.is_set():
            try:
                data = self.sock.recv(65535).decode(errors="replace")
            except TimeoutError:
                continue
            except OSError:
                return
            status = re.match(r"SIP/2\.0 (\d{3})", data)
            call = re.search(r"(?im)^Call-ID:\s*(\S+)", data)
            if not status or not call or int(status.group(1)) < 200:
                continue
            ext = self.by_call.pop(call.group(1), "")
            if int(status.group(1)) < 300:
                self.answered += 1
                etag = re.search(r"(?im)^SIP-ETag:\s*(\S+)", data)
                if ext and etag:
                    self.etags[ext] = etag.group(1)
            else:
                self.refused += 1
                self.codes[int(status.group(1))] = self.codes.get(int(status.group(1)), 0) + 1

    def close(self) -> None:
        self.stop.set()
        self.reader.join(2)
        self.sock.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extensions", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--shm-mb", type=int, default=256, help="Kamailio -m (0: its default)")
    parser.add_argument("--pkg-mb", type=int, default=32, help="Kamailio -M")
    args = parser.parse_args()
    extensions = [str(3000 + i) for i in range(args.extensions)]
    app = QApplication.instance() or QApplication([])
    model = BlfModel()
    kind = next(iter(ExtensionKind))
    model.set_lamps([FieldLamp(ext, kind, ext) for ext in extensions])
    bridge = EventBridge()
    sent: dict[str, tuple[float, LampState]] = {}  # ext -> (send time, state) of its latest PUBLISH
    applied: dict[str, float] = {}
    latencies: list[float] = []

    def on_event(event: object) -> None:
        if isinstance(event, LampChanged):
            model.apply(event)
            pending = sent.get(event.extension)
            if pending is not None and pending[1] is event.state:
                applied[event.extension] = pending[0]
                del sent[event.extension]

    def on_changed(*_: object) -> None:
        now = time.perf_counter()
        latencies.extend(now - t for t in applied.values())
        applied.clear()

    bridge.arrived.connect(on_event)
    model.dataChanged.connect(on_changed)

    lab = SizedKamailio(args.shm_mb, args.pkg_mb, subs_max_expires=3600)
    lab.start()
    watcher = BlfWatcher(lab.domain, SystemClock(), expires=3600)
    publisher = Publisher(lab)
    try:
        watcher.watch(extensions)
        started = time.perf_counter()
        watcher.start(bridge.post)
        deadline = started + 120
        while any(model.state_of(e) is LampState.UNKNOWN for e in extensions):
            if time.perf_counter() > deadline:
                break
            app.processEvents()
            time.sleep(0.001)
        subscribe_s = time.perf_counter() - started
        unknown = sum(model.state_of(e) is LampState.UNKNOWN for e in extensions)

        last: dict[str, LampState] = {e: model.state_of(e) for e in extensions}
        step: dict[str, int] = {e: 2 for e in extensions}  # the first NOTIFY said idle (terminated)
        total = int(args.rate * args.seconds)
        begin = time.perf_counter()
        for i in range(total):
            target = begin + i / args.rate
            while (left := target - time.perf_counter()) > 0:
                app.processEvents()
                time.sleep(min(left, 0.001))
            ext = extensions[(i * 7919) % len(extensions)]
            step[ext] = (step[ext] + 1) % len(CYCLE)
            state, lamp = CYCLE[step[ext]]
            sent[ext] = (time.perf_counter(), lamp)
            last[ext] = lamp
            publisher.publish(ext, state)
        settle = time.perf_counter() + 2.0
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.001)
        lost = sum(model.state_of(e) is not last[e] for e in extensions)
        shm = lab.rpc("core.shmmem")  # what the subscriptions and presentities cost Kamailio
        used = re.search(r"real_used:\s*(\d+)", shm)
        total_shm = re.search(r"total:\s*(\d+)", shm)
        errors = [line for line in lab.log_path.read_text(errors="replace").splitlines() if "ERROR" in line]
    finally:
        publisher.close()
        watcher.stop()
        lab.close()
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000 if latencies else float("nan")
    p99 = latencies[int(len(latencies) * 0.99)] * 1000 if latencies else float("nan")
    print(
        f"published={total} answered={publisher.answered} refused={publisher.refused} "
        f"codes={publisher.codes} "
        f"measured={len(latencies)} unknown_after_subscribe={unknown} "
        f"kamailio_shm_used_mb={int(used.group(1)) / 2**20 if used else float('nan'):.1f} "
        f"of {int(total_shm.group(1)) / 2**20 if total_shm else float('nan'):.0f}"
    )
    if errors:
        print(f"kamailio logged {len(errors)} errors, the first: {errors[0][-300:]}")
    print(
        f"blf_sip: extensions={len(extensions)} subscribe_s={subscribe_s:.2f} "
        f"p50_ms={p50:.1f} p99_ms={p99:.1f} lost={lost}"
    )


if __name__ == "__main__":
    main()
