"""One pjsua2 endpoint per process, as the console's line and the wake-up line processes start it."""

from __future__ import annotations

import os
import threading

import pjsua2 as pj

# pjsua2 holds one library instance per process: a second endpoint created while the last is still
# in libDestroy aborts the process. Whoever starts one holds this until destroy_endpoint().
_ONE = threading.Lock()
WAIT_S = 30.0


class EndpointBusy(RuntimeError):
    """The previous endpoint of this process has not finished closing."""


def start_endpoint(max_calls: int, host: str, log_variable: str) -> tuple[pj.Endpoint, int]:
    """A started endpoint on the null sound device (the wheel has no other on Linux), with one UDP
    transport on a free port of ``host`` (every interface when empty); the endpoint and that port.

    pjsua2 is driven from the caller's thread only (no worker threads); ``log_variable`` names the
    environment variable that sets pjsip's log level (1 unless set). Waits for an endpoint of this
    process that is still closing; ``destroy_endpoint`` ends it."""
    if not _ONE.acquire(timeout=WAIT_S):
        raise EndpointBusy("the SIP endpoint that was open before has not finished closing")
    try:
        return _start(max_calls, host, log_variable)
    except BaseException:
        _ONE.release()
        raise


def destroy_endpoint(endpoint: pj.Endpoint) -> None:
    """``libDestroy``, after which another endpoint may start in this process."""
    try:
        endpoint.libDestroy()
    finally:
        _ONE.release()


def _start(max_calls: int, host: str, log_variable: str) -> tuple[pj.Endpoint, int]:
    endpoint = pj.Endpoint()
    endpoint.libCreate()
    config = pj.EpConfig()
    config.uaConfig.threadCnt = 0
    config.uaConfig.mainThreadOnly = True
    config.uaConfig.maxCalls = max_calls
    config.logConfig.level = int(os.environ.get(log_variable, "1"))
    config.logConfig.consoleLevel = config.logConfig.level
    endpoint.libInit(config)
    endpoint.audDevManager().setNullDev()
    transport = pj.TransportConfig()
    transport.port = 0
    if host:
        transport.boundAddress = host
    tid = endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
    port = int(endpoint.transportGetInfo(tid).localName.rsplit(":", 1)[1])
    endpoint.libStart()
    return endpoint, port
