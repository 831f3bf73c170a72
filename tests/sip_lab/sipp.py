"""sipp sending calls to an extension through Kamailio (scenario with the Route set, see uac_console.xml)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.sip_lab.ports import free_port

SCENARIO = Path(__file__).with_name("uac_console.xml")
LATE_OFFER = Path(__file__).with_name("uac_late_offer.xml")  # INVITE without SDP, the answer in the ACK


@dataclass(frozen=True)
class SippResult:
    returncode: int
    stdout: str
    stderr: str
    run_dir: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_sipp_calls(
    domain: str,
    service: str,
    run_dir: Path,
    calls: int = 1,
    rate: float = 1.0,
    limit: int = 4,
    hold_ms: int = 500,
    timeout: float = 60.0,
    scenario: Path = SCENARIO,
) -> SippResult:
    """Place `calls` calls to `service` through the proxy at `domain`; returncode 0 only if all succeeded."""
    run_dir.mkdir(parents=True, exist_ok=True)
    cmd = [
        "sipp",
        domain,
        "-sf",
        str(scenario),
        "-s",
        service,
        "-i",
        "127.0.0.1",
        "-p",
        str(free_port(both=False)),
        "-mp",
        str(free_port(both=False)),
        "-m",
        str(calls),
        "-r",
        str(rate),
        "-l",
        str(limit),
        "-d",
        str(hold_ms),
        "-recv_timeout",
        "10000",
        "-nostdin",
        "-trace_stat",
        "-trace_err",
    ]
    out = subprocess.run(cmd, cwd=run_dir, capture_output=True, text=True, timeout=timeout)
    return SippResult(out.returncode, out.stdout, out.stderr, run_dir)
