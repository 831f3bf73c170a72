"""One pjsua2 endpoint per process, as the console's line and the wake-up line processes start it."""

from __future__ import annotations

import os

import pjsua2 as pj


def start_endpoint(max_calls: int, host: str, log_variable: str) -> tuple[pj.Endpoint, int]:
    """A started endpoint on the null sound device (the wheel has no other on Linux), with one UDP
    transport on a free port of ``host`` (every interface when empty); the endpoint and that port.

    pjsua2 is driven from the caller's thread only (no worker threads); ``log_variable`` names the
    environment variable that sets pjsip's log level (1 unless set)."""
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
