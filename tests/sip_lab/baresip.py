"""A headless baresip room phone on free SIP and ctrl_tcp ports, driven through ctrl_tcp netstrings."""

from __future__ import annotations

import json
import queue
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from tests.sip_lab.ports import free_port, free_port_pair

CONFIG = """\
poll_method\t\tepoll
sip_listen\t\t127.0.0.1:{sip_port}
net_interface\t\t127.0.0.1
call_local_timeout\t120
# no sound card: ALSA's built-in null PCM plays; a 440 Hz sine is the microphone (ausine needs 48 kHz stereo)
audio_player\t\talsa,null
audio_alert\t\talsa,null
audio_source\t\tausine,440
ausrc_srate\t\t48000
ausrc_channels\t\t2
rtp_ports\t\t{rtp_lo}-{rtp_hi}
module_path\t\t/usr/lib/baresip/modules
module\t\t\tg711.so
module\t\t\talsa.so
module\t\t\tausine.so
module_app\t\taccount.so
module_app\t\tmenu.so
module_app\t\tctrl_tcp.so
ctrl_tcp_listen\t\t127.0.0.1:{ctrl_port}
"""


class BaresipPhone:
    """One extension on one baresip process. Events (dicts from ctrl_tcp) queue up for wait_event()."""

    def __init__(self, ext: str, domain: str, auto_answer: bool = True, password: str | None = None) -> None:
        self.ext = ext
        self.domain = domain
        self.auto_answer = auto_answer
        self.password = password
        self.sip_port = free_port_pair()  # TLS goes on sip_port + 1
        self.ctrl_port = free_port(both=False)
        self.dir = Path(tempfile.mkdtemp(prefix="baresip"))
        self.log_path = self.dir / "baresip.log"
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self._responses: queue.Queue[dict[str, Any]] = queue.Queue()
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def uri(self) -> str:
        return f"sip:{self.ext}@{self.domain}"

    def start(self, timeout: float = 10.0, attempt: int = 1) -> None:
        rtp_lo = 20000 + (self.sip_port % 400) * 100
        (self.dir / "config").write_text(
            CONFIG.format(sip_port=self.sip_port, ctrl_port=self.ctrl_port, rtp_lo=rtp_lo, rtp_hi=rtp_lo + 99)
        )
        params = f";answermode={'auto' if self.auto_answer else 'manual'};regint=300;audio_codecs=PCMU"
        if self.password:
            params = f";auth_pass={self.password}" + params
        (self.dir / "accounts").write_text(f"<{self.uri}>{params}\n")
        (self.dir / "contacts").write_text("")
        with self.log_path.open("ab") as log:
            self._proc = subprocess.Popen(
                ["baresip", "-f", str(self.dir), "-n", "127.0.0.1"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._sock is None:
            if self._proc.poll() is not None:
                raise RuntimeError(f"baresip exited: {self.log_path.read_text()[-2000:]}")
            try:
                self._sock = socket.create_connection(("127.0.0.1", self.ctrl_port), timeout=0.2)
            except OSError:
                time.sleep(0.05)
        if self._sock is None:
            self.stop()
            if attempt >= 3:
                raise RuntimeError(f"baresip ctrl_tcp did not open: {self.log_path.read_text()[-2000:]}")
            # A port chosen free can be taken by another process's media before baresip binds it.
            self.sip_port = free_port_pair()
            self.ctrl_port = free_port(both=False)
            self.start(timeout, attempt + 1)
            return
        self._sock.settimeout(None)
        self._reader = threading.Thread(target=self._read, name=f"baresip-{self.ext}", daemon=True)
        self._reader.start()

    def registered(self) -> bool:
        """baresip's account list says OK (REGISTER_OK may come before ctrl_tcp connects)."""
        data = str(self.command("reginfo").get("data", ""))
        return "\x1b[32mOK" in data or " OK " in data

    def wait_registered(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.registered():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.ext} did not register: {self.log_path.read_text()[-1000:]}")
            time.sleep(0.05)

    def _read(self) -> None:
        sock = self._sock
        if sock is None:
            return
        buf = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            buf += chunk
            while b":" in buf:
                head, rest = buf.split(b":", 1)
                size = int(head)
                if len(rest) < size + 1:
                    break
                body, buf = rest[:size], rest[size + 1 :]
                msg = json.loads(body)
                (self._responses if msg.get("response") else self.events).put(msg)

    def command(self, name: str, params: str = "", timeout: float = 5.0) -> dict[str, Any]:
        """Send one ctrl_tcp command and return baresip's response."""
        if self._sock is None:
            raise RuntimeError("phone not started")
        body = json.dumps({"command": name, "params": params, "token": name}).encode()
        with self._lock:
            self._sock.sendall(str(len(body)).encode() + b":" + body + b",")
            return self._responses.get(timeout=timeout)

    def wait_event(self, kind: str, timeout: float = 10.0) -> dict[str, Any]:
        """The next event of `kind` (CALL_INCOMING, CALL_ESTABLISHED, CALL_CLOSED...); others dropped."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.ext}: no {kind} within {timeout}s")
            try:
                ev = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if ev.get("type") == kind:
                return ev

    def dial(self, target: str) -> dict[str, Any]:
        """Dial an extension or a full SIP URI."""
        uri = target if target.startswith("sip:") else f"sip:{target}@{self.domain}"
        return self.command("dial", uri)

    def accept(self) -> dict[str, Any]:
        return self.command("accept")

    def hangup(self) -> dict[str, Any]:
        return self.command("hangup")

    def send_dtmf(self, digits: str) -> None:
        for d in digits:
            self.command("sndcode", d)

    def stop(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            try:
                sock.close()
            except OSError:
                pass
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
