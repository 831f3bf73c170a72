"""The console's pjsua2 endpoint: the calls the operator talks on (at most four).

Only the position's SIP thread creates and pumps it (``threadCnt = 0``,
``mainThreadOnly``), so every pjsua2 callback runs in that thread. The account
does not register: the ringing front owns the extension's registration and hands
answered calls to this endpoint's contact. Outgoing requests (dial, consult,
REFER) go through the PBX as outbound proxy with the extension's credentials.

Shutdown follows pjsua2's rules: hang up, pump, drop every Call, then the
account, then ``libDestroy``; a Call alive at ``libDestroy`` aborts the process.
"""

from __future__ import annotations

import gc
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import pjsua2 as pj

from hardware.sip.endpoint import destroy_endpoint, start_endpoint
from hardware.sip.line_gate import LineGate
from hardware.sip.rtp_handles import RtpHandles
from hardware.sip.sip_guard import SipGuard

log = logging.getLogger(__name__)

MAX_LINES = 4  # PJSUA_MAX_CALLS in the wheel; more are refused with 486
ALL_LINES_IN_USE = "all four console lines in use"
SOCKETS_CLOSING = "the console's last calls are still closing their audio sockets: try again in a second"


class NoMediaHandles(RuntimeError):
    """A call was placed while ``Line.free()`` said no: pjsua2 would have aborted the process."""


class LineListener(Protocol):
    def incoming(self, call: LineCall, sip_call_id: str) -> bool: ...

    def line_state(self, call: LineCall, state: int, code: int, reason: str) -> None: ...

    def line_transfer(self, call: LineCall, code: int, final: bool) -> None: ...


@dataclass(frozen=True)
class AudioTap:
    heard: deque[bytes]
    speak: Callable[[bytes], None]


class OperatorAudio(pj.AudioMediaPort):
    """The operator's headset as a frame queue: call audio in, microphone frames out.

    The wheel has no sound devices, so this port is where a headset path attaches:
    received frames queue in ``heard`` (newest kept), ``speak()`` queues frames
    for the caller; with nothing queued the caller hears silence. The callbacks
    run on pjmedia's clock thread: they only move bytes, and tolerate being called
    while the port is being torn down (the attributes may already be gone)."""

    frames_heard = 0

    def __init__(self, clock_rate: int = 16000) -> None:
        super().__init__()
        self.heard: deque[bytes] = deque(maxlen=100)
        self._speak: deque[bytes] = deque(maxlen=100)
        self.frames_heard = 0
        fmt = pj.MediaFormatAudio()
        fmt.init(pj.PJMEDIA_FORMAT_PCM, clock_rate, 1, 20000, 16)
        self._size = clock_rate // 50 * 2
        self._silence = pj.ByteVector(self._size)
        self.createPort("operator", fmt)

    def speak(self, frame: bytes) -> None:
        self._speak.append(frame)

    def tap(self) -> AudioTap:
        """The two queues without the port: a headset holds these, never the pjsua2 object itself
        (a pjsua2 object collected after the library is gone crashes the process)."""
        return AudioTap(self.heard, self._speak.append)

    def onFrameReceived(self, frame: Any) -> None:
        heard = getattr(self, "heard", None)
        data = bytes(frame.buf)
        if heard is not None and data:  # pjmedia also passes empty frames (nothing received)
            self.frames_heard += 1
            heard.append(data)

    def onFrameRequested(self, frame: Any) -> None:
        speak, silence = getattr(self, "_speak", None), getattr(self, "_silence", None)
        if silence is None:
            return
        frame.type = pj.PJMEDIA_FRAME_TYPE_AUDIO
        frame.buf = pj.ByteVector(speak.popleft()) if speak else silence


class LineCall(pj.Call):
    """One leg on the console; callbacks go to the listener, never held as an Account cycle."""

    def __init__(
        self, account: pj.Account, listener: LineListener, call_id: int = pj.PJSUA_INVALID_ID
    ) -> None:
        super().__init__(account, call_id)
        self.listener = listener
        self.key = ""  # the position's call id
        self.sip_call_id = ""
        self.state = pj.PJSIP_INV_STATE_NULL

    def onCallState(self, prm: Any) -> None:
        info = self.getInfo()
        self.state = info.state
        if not self.sip_call_id:
            self.sip_call_id = info.callIdString
        self.listener.line_state(self, info.state, int(info.lastStatusCode), str(info.lastReason))

    def onCallMediaState(self, prm: Any) -> None:
        line = Line.current
        if line is not None:
            line.connect_audio(self)

    def onCallTransferStatus(self, prm: Any) -> None:
        self.listener.line_transfer(self, int(prm.statusCode), bool(prm.finalNotify))


class _Account(pj.Account):
    def __init__(self, listener: LineListener) -> None:
        super().__init__()
        self.listener = listener

    def onIncomingCall(self, prm: Any) -> None:
        call = LineCall(self, self.listener, prm.callId)
        info = call.getInfo()
        call.sip_call_id = info.callIdString
        Line.current_keep(call)
        if self.listener.incoming(call, info.callIdString):
            op = pj.CallOpParam()
            op.statusCode = 200
            call.answer(op)
        elif Line.current is not None:
            # Refused only once this callback has returned: pjsua2 frees its clone of the INVITE after
            # it, and an INVITE without an offer refused inside it has already been freed with the call
            # (pjsip's assertion in pjsip_rx_data_free_cloned aborts the process).
            Line.current.refusals.append(call)


class Line:
    """The endpoint, its one account and the calls on it."""

    current: Line | None = None

    def __init__(
        self, server: str, extension: str, username: str, password: str, host: str, listener: LineListener
    ) -> None:
        self.endpoint, self.port = start_endpoint(MAX_LINES, host, "SWITCHBOARD_PJ_LOG")
        self.host = host
        account = pj.AccountConfig()
        account.idUri = f"sip:{extension}@{server}"
        account.priority = 10
        account.sipConfig.proxies.append(f"sip:{server};lr")
        if password:
            account.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", username, 0, password))
        account.mediaConfig.transportConfig.boundAddress = host
        account.mediaConfig.transportConfig.port = 0
        self.account = _Account(listener)
        self.account.create(account)
        self.listener = listener
        self.server = server
        self.calls: list[LineCall] = []
        self.audio = OperatorAudio()
        self.joined: set[tuple[int, int]] = set()
        self.refusals: list[LineCall] = []
        self.gate: LineGate | None = None
        self.handles = RtpHandles()
        Line.current = self

    def admit_only(self, guard: SipGuard, front: tuple[str, int]) -> None:
        """From now on only the PBX (``guard``'s addresses) and the front at ``front`` reach the line."""
        gate = LineGate(guard, front)
        gate.install()
        self.gate = gate

    @property
    def contact(self) -> str:
        return f"sip:console@{self.host}:{self.port}"

    @staticmethod
    def current_keep(call: LineCall) -> None:
        if Line.current is not None:
            Line.current.calls.append(call)

    def codec_ids(self) -> list[str]:
        """The audio codecs the endpoint would answer with ("PCMU/8000/1" ...), disabled ones left out."""
        return [str(c.codecId) for c in self.endpoint.codecEnum2() if c.priority > 0]

    def free(self) -> int:
        """How many more calls the line can take now: a line slot, and sockets for its audio."""
        return min(MAX_LINES - len(self.calls), self.handles.spare(len(self.calls)))

    def shortage(self) -> str:
        """Why ``free()`` is 0, for the operator."""
        return ALL_LINES_IN_USE if len(self.calls) >= MAX_LINES else SOCKETS_CLOSING

    def pump(self, ms: int) -> None:
        self.endpoint.libHandleEvents(ms)
        while self.refusals:
            call = self.refusals.pop(0)
            op = pj.CallOpParam(True)
            op.statusCode = 480
            try:
                call.answer(op)
            except pj.Error as exc:
                log.info("refusal of a call already gone: %s", exc.info())
        open_calls = [c for c in self.calls if c.state != pj.PJSIP_INV_STATE_DISCONNECTED]
        for _ in range(len(self.calls) - len(open_calls)):
            self.handles.closed()
        self.calls = open_calls

    def uri(self, target: str) -> str:
        return target if target.startswith("sip:") else f"sip:{target}@{self.server}"

    def dial(self, target: str, key: str) -> LineCall:
        """A call placed on the line; ask ``free()`` first."""
        if self.free() <= 0:
            raise NoMediaHandles(self.shortage())
        call = LineCall(self.account, self.listener)
        call.key = key
        self.calls.append(call)  # keep it: a collected Call hangs up
        try:
            call.makeCall(self.uri(target), pj.CallOpParam(True))
        except pj.Error:
            self.calls.remove(call)
            self.handles.closed()  # its sockets may have been opened and closed again
            raise
        return call

    def hold(self, call: LineCall) -> None:
        call.setHold(pj.CallOpParam(True))

    def unhold(self, call: LineCall) -> None:
        op = pj.CallOpParam(True)
        op.opt.flag = pj.PJSUA_CALL_UNHOLD
        call.reinvite(op)

    def hangup(self, call: LineCall) -> None:
        try:
            call.hangup(pj.CallOpParam(True))
        except pj.Error as exc:
            log.info("hang-up of a call already gone: %s", exc.info())

    def xfer(self, call: LineCall, target: str) -> None:
        call.xfer(self.uri(target), pj.CallOpParam(True))

    def xfer_replaces(self, call: LineCall, other: LineCall) -> None:
        call.xferReplaces(other, pj.CallOpParam(True))

    def _media(self, call: LineCall) -> pj.AudioMedia | None:
        try:
            info = call.getInfo()
            media = info.media
            for index in range(len(media)):
                if (
                    media[index].type == pj.PJMEDIA_TYPE_AUDIO
                    and media[index].status == pj.PJSUA_CALL_MEDIA_ACTIVE
                ):
                    return call.getAudioMedia(index)
        except pj.Error:
            return None
        return None

    def connect_audio(self, call: LineCall) -> None:
        """An active call talks to the operator's headset port."""
        media = self._media(call)
        if media is not None:
            media.startTransmit(self.audio)
            self.audio.startTransmit(media)

    def bridge(self, first: LineCall, second: LineCall) -> bool:
        """Three-way: both callers hear each other and the operator."""
        a, b = self._media(first), self._media(second)
        if a is None or b is None:
            return False
        a.startTransmit(b)
        b.startTransmit(a)
        for m in (a, b):
            m.startTransmit(self.audio)
            self.audio.startTransmit(m)
        return True

    def shutdown(self) -> None:
        try:
            self.endpoint.hangupAllCalls()
        except pj.Error:
            pass
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline and any(
            c.state != pj.PJSIP_INV_STATE_DISCONNECTED for c in self.calls
        ):
            self.endpoint.libHandleEvents(10)
        for _ in range(10):
            self.endpoint.libHandleEvents(10)
        self.calls.clear()
        self.refusals.clear()
        Line.current = None
        gc.collect()
        # Stop the null sound device first: its clock thread calls the port's Python callbacks, and
        # must not be inside one while the port is destroyed.
        try:
            self.endpoint.audDevManager().setNoDev()
        except pj.Error as exc:
            log.info("sound device already stopped: %s", exc.info())
        self.endpoint.libHandleEvents(10)
        del self.audio  # the port leaves the bridge before the endpoint goes
        self.account.shutdown()
        del self.account
        gc.collect()
        if self.gate is not None:
            self.gate.close()
        destroy_endpoint(self.endpoint)
        del self.endpoint
