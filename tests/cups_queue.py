"""A real CUPS print queue for a test: a private ``cupsd`` (its own configuration, spool and
socket under a temporary folder) with one ``cups-pdf`` printer, whose printed jobs land as PDF files
in a folder the test reads back with ``pdftotext``.

Debian's ``cups`` and ``printer-driver-cups-pdf`` (tools/packages.sh). The cups-pdf backend reads its
settings from ``/etc/cups/cups-pdf-<device>.conf`` (a path built into the backend), so the queue's
own file is written there for the test's lifetime and removed afterwards. The queue renders with
``pdftocairo`` (cups-filters), which keeps the text of the page as text through PostScript, so the
printed file can be read back.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF_CONFIG = Path("/etc/cups")


@dataclass
class PrintQueue:
    """One queue for a whole test module: libcups reads CUPS_SERVER once per process, so a second
    cupsd in the same run would not be heard."""

    name: str
    server: str  # the socket, for CUPS_SERVER
    out: Path  # where cups-pdf writes each printed job
    taken: set[Path] = field(default_factory=set)

    def printed(self, timeout: float = 30.0, count: int = 1) -> list[Path]:
        """The PDF files of the jobs printed since the last call, once ``count`` have arrived."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            files = [f for f in sorted(self.out.glob("*.pdf")) if f not in self.taken]
            if len(files) >= count and all(f.stat().st_size > 0 for f in files):
                time.sleep(0.3)  # cups-pdf sets the file's mode last
                self.taken.update(files)
                return files
            time.sleep(0.2)
        raise AssertionError(f"nothing printed to {self.name} within {timeout} s")


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=30
    ).stdout


@contextmanager
def cups_pdf_queue() -> Iterator[PrintQueue]:
    root = Path(tempfile.mkdtemp(prefix="cups", dir="/tmp"))  # short: the socket path is bounded
    name = f"test{uuid.uuid4().hex[:10]}"
    folders = {k: root / k for k in ("etc", "spool", "tmp", "cache", "state", "log", "out", "pdfspool")}
    for folder in folders.values():
        folder.mkdir(mode=0o755)
    folders["tmp"].chmod(0o1777)  # the filters run as lp
    root.chmod(0o755)
    socket = root / "cups.sock"
    (folders["etc"] / "cupsd.conf").write_text(
        f"Listen {socket}\nLogLevel debug\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    (folders["etc"] / "cups-files.conf").write_text(
        f"ServerRoot {folders['etc']}\nRequestRoot {folders['spool']}\nTempDir {folders['tmp']}\n"
        f"CacheDir {folders['cache']}\nStateDir {folders['state']}\n"
        f"ErrorLog {folders['log']}/error_log\nAccessLog {folders['log']}/access_log\n"
        f"PageLog {folders['log']}/page_log\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"
        "Sandboxing Relaxed\n"
    )
    config = CUPS_PDF_CONFIG / f"cups-pdf-{name}.conf"
    config.write_text(
        f"Out {folders['out']}\nAnonDirName {folders['out']}\nSpool {folders['pdfspool']}\n"
        f"Log {folders['log']}\nLogType 7\nGrp root\n"
    )
    daemon = subprocess.Popen(
        [
            CUPSD,
            "-f",
            "-c",
            str(folders["etc"] / "cupsd.conf"),
            "-s",
            str(folders["etc"] / "cups-files.conf"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    env = {**os.environ, "CUPS_SERVER": str(socket)}
    try:
        deadline = time.monotonic() + 20
        while not socket.exists():
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(
                    f"cupsd did not start: {(folders['log'] / 'error_log').read_text()[-2000:]}"
                )
            time.sleep(0.1)
        for command in (
            ["lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-P", str(PPD)],
            ["lpadmin", "-p", name, "-o", "pdftops-renderer-default=pdftocairo"],
            ["lpadmin", "-d", name],  # the default printer: the print dialog offers it first
        ):
            subprocess.run(command, env=env, check=True, capture_output=True, timeout=30)
        yield PrintQueue(name, str(socket), folders["out"])
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(timeout=10)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait(timeout=10)
        config.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)
