"""Kamailio registrar, proxy and BLF server on a free loopback port, with its own run directory."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from tests.sip_lab.ports import free_port

TEMPLATE = Path(__file__).with_name("kamailio.cfg.tmpl")
DBTEXT = Path("/usr/share/kamailio/dbtext/kamailio")


def sip_ping(port: int, timeout: float = 0.1) -> bool:
    """One OPTIONS to 127.0.0.1:port; True on any reply."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.bind(("127.0.0.1", 0))
        s.settimeout(timeout)
        me = s.getsockname()[1]
        tag = uuid.uuid4().hex[:8]
        msg = (
            f"OPTIONS sip:ping@127.0.0.1:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{me};branch=z9hG4bK{tag}\r\n"
            f"Max-Forwards: 5\r\nFrom: <sip:ping@127.0.0.1>;tag={tag}\r\nTo: <sip:ping@127.0.0.1>\r\n"
            f"Call-ID: {tag}@lab\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        )
        s.sendto(msg.encode(), ("127.0.0.1", port))
        try:
            s.recv(4096)
            return True
        except OSError:
            return False
    finally:
        s.close()


class KamailioLab:
    """start()/stop()/restart(); `domain` is "127.0.0.1:PORT". With auth, add_subscriber() first."""

    def __init__(
        self,
        auth: bool = False,
        subs_max_expires: int | None = None,
        port: int | None = None,
        defines: tuple[str, ...] = (),
    ) -> None:
        self.auth = auth
        self.defines = defines  # -A NAME for the config's #!ifdef switches, e.g. NO_EMERGENCY_MESSAGE
        self.subs_max_expires = subs_max_expires
        self.port = port or free_port(both=False)
        self.http_port = free_port()  # JSON-RPC over HTTP, e.g. for ul.dump
        # A short path of our own: the ctl unix socket path must stay under 108 bytes.
        self.run_dir = Path(tempfile.mkdtemp(prefix="kam"))
        self.log_path = self.run_dir / "kamailio.log"
        self.subscribers: dict[str, str] = {}
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def rpc_url(self) -> str:
        """Kamailio's JSON-RPC over HTTP."""
        return f"http://127.0.0.1:{self.http_port}/RPC"

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def uri(self, ext: str) -> str:
        return f"sip:{ext}@127.0.0.1:{self.port}"

    def add_subscriber(self, ext: str, password: str) -> None:
        """A digest-auth user; written into the fresh db_text tables at every (re)start."""
        self.subscribers[ext] = password

    def _prepare(self) -> list[str]:
        db = self.run_dir / "db"
        shutil.rmtree(db, ignore_errors=True)
        shutil.copytree(DBTEXT, db)  # stale db_text rows break restarts
        realm = "127.0.0.1"
        with (db / "subscriber").open("a") as f:
            for i, (ext, pw) in enumerate(sorted(self.subscribers.items()), 1):
                # db_text refuses empty columns, so both hashes are written
                ha1 = hashlib.md5(f"{ext}:{realm}:{pw}".encode()).hexdigest()
                ha1b = hashlib.md5(f"{ext}@{realm}:{realm}:{pw}".encode()).hexdigest()
                f.write(f"{i}:{ext}:{realm}:{pw}:{ha1}:{ha1b}\n")
        cfg = self.run_dir / "kamailio.cfg"
        text = (
            TEMPLATE.read_text()
            .replace("@RUN@", str(self.run_dir))
            .replace("@PORT@", str(self.port))
            .replace("@HTTP_PORT@", str(self.http_port))
        )
        cfg.write_text(text)
        defs: list[str] = []
        if self.auth:
            defs += ["-A", "WITH_AUTH"]
        if self.subs_max_expires is not None:
            defs += ["-A", f"SUBS_MAX_EXPIRES={self.subs_max_expires}"]
        for name in self.defines:
            defs += ["-A", name]
        return ["kamailio", "-f", str(cfg), *defs]

    def start(self, timeout: float = 10.0) -> None:
        if self._proc is not None:
            return
        cmd = self._prepare()
        with self.log_path.open("ab") as log:
            self._proc = subprocess.Popen(
                [*cmd, "-DD", "-E", "-w", str(self.run_dir)],
                stdout=log,
                stderr=log,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: stop() ends every worker, none is orphaned
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"kamailio exited: {self.log_path.read_text()[-2000:]}")
            if sip_ping(self.port):
                return
        self.stop()
        raise RuntimeError(f"kamailio did not answer on {self.domain}")

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        except ProcessLookupError:
            proc.wait(5)
        for _ in range(50):  # the workers leave a moment after the main process
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        else:
            os.killpg(proc.pid, signal.SIGKILL)

    def restart(self) -> None:
        """Same port, fresh state: registrations and BLF subscriptions are lost, as after a real restart."""
        self.stop()
        self.start()

    def rpc(self, *args: str) -> str:
        """A kamcmd call such as rpc("dlg.list") or rpc("ul.dump")."""
        out = subprocess.run(
            ["kamcmd", "-s", f"unix:{self.run_dir}/kamailio_ctl", *args],
            capture_output=True,
            text=True,
            timeout=5,
        )
        return out.stdout

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.run_dir, ignore_errors=True)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None
