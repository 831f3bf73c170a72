"""A room telephone on pjsua2 in its own process, for what baresip 1.0 cannot do: an INVITE with
Replaces (the far side of an announced transfer) and placing the call a REFER with Replaces asks for.

Run: ``python -m tests.sip_lab.pj_phone --domain 127.0.0.1:5060 --ext 2001 [--dial 9]``. It registers,
answers every call, and prints one JSON line per event on stdout: ``registered``, ``state`` (with the
SIP Call-ID, the remote URI and the state name), ``replaced`` (an INVITE with Replaces took over a call),
``transfer`` (a REFER arrived). It ends when stdin closes, hanging up first.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import select
import sys
import time
from typing import Any

import pjsua2 as pj

OUT = sys.stdout


def say(**event: Any) -> None:
    OUT.write(json.dumps(event) + "\n")
    OUT.flush()


class PhoneCall(pj.Call):
    def __init__(self, account: pj.Account, call_id: int = pj.PJSUA_INVALID_ID) -> None:
        super().__init__(account, call_id)

    def onCallState(self, prm: Any) -> None:
        info = self.getInfo()
        say(event="state", call_id=info.callIdString, remote=info.remoteUri, state=info.stateText)

    def onCallTransferRequest(self, prm: Any) -> None:
        say(event="transfer", to=prm.dstUri)
        call = PhoneCall(ACCOUNT[0])  # kept: a collected Call would hang up at once
        CALLS.append(call)
        prm.newCall = call

    def onCallReplaceRequest(self, prm: Any) -> None:
        say(event="replace_request")

    def onCallReplaced(self, prm: Any) -> None:
        call = PhoneCall(ACCOUNT[0], prm.newCallId)
        CALLS.append(call)
        prm.newCall = call
        say(event="replaced", old=self.getInfo().callIdString)


class PhoneAccount(pj.Account):
    def onRegState(self, prm: Any) -> None:
        if prm.code == 200:
            say(event="registered")

    def onIncomingCall(self, prm: Any) -> None:
        call = PhoneCall(self, prm.callId)
        CALLS.append(call)
        op = pj.CallOpParam()
        op.statusCode = 200
        call.answer(op)


ACCOUNT: list[pj.Account] = []
CALLS: list[pj.Call] = []


def main() -> None:
    global OUT
    parser = argparse.ArgumentParser()
    parser.add_argument("--domain", required=True)
    parser.add_argument("--ext", required=True)
    parser.add_argument("--dial", default="")
    args = parser.parse_args()
    OUT = os.fdopen(os.dup(1), "w")  # pjsip writes to fd 1 itself; events go on a copy
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    endpoint = pj.Endpoint()
    endpoint.libCreate()
    config = pj.EpConfig()
    config.uaConfig.threadCnt = 0
    config.uaConfig.mainThreadOnly = True
    config.logConfig.level = 1
    config.logConfig.consoleLevel = 1
    endpoint.libInit(config)
    endpoint.audDevManager().setNullDev()
    transport = pj.TransportConfig()
    transport.port = 0
    transport.boundAddress = "127.0.0.1"
    endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
    endpoint.libStart()
    account_config = pj.AccountConfig()
    account_config.idUri = f"sip:{args.ext}@{args.domain}"
    account_config.regConfig.registrarUri = f"sip:{args.domain}"
    account_config.sipConfig.proxies.append(f"sip:{args.domain};lr")
    account_config.mediaConfig.transportConfig.boundAddress = "127.0.0.1"
    account = PhoneAccount()
    account.create(account_config)
    ACCOUNT.append(account)
    dialled = not args.dial
    started = time.monotonic()
    while True:
        endpoint.libHandleEvents(10)
        if not dialled and time.monotonic() - started > 0.5:
            dialled = True
            call = PhoneCall(account)
            CALLS.append(call)
            call.makeCall(f"sip:{args.dial}@{args.domain}", pj.CallOpParam(True))
        if select.select([sys.stdin], [], [], 0)[0] and not sys.stdin.readline():
            break
    endpoint.hangupAllCalls()
    for _ in range(30):
        endpoint.libHandleEvents(10)
    CALLS.clear()
    gc.collect()
    account.shutdown()
    ACCOUNT.clear()
    del account
    gc.collect()
    endpoint.libDestroy()


if __name__ == "__main__":
    main()
