"""Who may talk to the console's pjsua2 line, decided before pjsip acts on a datagram.

pjsua2's own UDP port takes whatever arrives: an INVITE gets a call slot and media sockets before the
position is even asked (a burst of them empties pjlib's ioqueue, which aborts the process), and an in-dialog
BYE ends the operator's call whoever sent it. The wheel has no Python hook that early, so the gate is a pjsip
module (``pjsip_module`` through ctypes, priority just below the transaction layer's 16): pjsip has parsed
the datagram, no transaction, dialog, call or media exists yet, and a request or response the gate keeps is
gone (``on_rx_*`` returns true, "consumed").

The rules are the ringing front's (``sip_guard.SipGuard``, the same instance, so the link monitor counts
both): only the PBX's addresses (plus ``[pbx] trusted``) and the front's own socket, by exact address and
port, reach the line; anything else is dropped unanswered and counted as refused. What comes from them must
read as SIP (``sip_reader.read``), else it is dropped and counted as rejected. A new call (INVITE without a
To tag) comes only from the front, which hands over the calls the operator answers: from the PBX's address
it gets a stateless 403 and no call slot.

The wake-up dialler's lines (``hardware/wakeup/sip_line.py``) sit behind the same gate with no front: they
only place calls, so a new INVITE gets 403 from the PBX's addresses and nothing from anyone else, and what
their calls hear in the dialog (responses, BYE, INFO, re-INVITE) comes only from the PBX and ``[pbx]
trusted``.

Reading ``pjsip_rx_data`` needs its layout, which is the pinned wheel's (pjsua2-python 2.15.1, x86-64 and
other LP64 builds, ``PJSIP_MAX_PKT_LEN`` 4000); every field read is checked (length in range, the source an
address), and a datagram that does not check out is dropped: the gate fails closed.
"""

from __future__ import annotations

import ctypes
import enum
import ipaddress
import logging

import pjsua2 as pj

from hardware.sip.sip_guard import SipGuard
from hardware.sip.sip_message import SipMessage, tag_of
from hardware.sip.sip_reader import AnsweredOnce, Rejected, read

log = logging.getLogger(__name__)

PRIORITY = 15  # PJSIP_MOD_PRIORITY_TSX_LAYER - 1: after parsing, before any transaction
PJSIP_MAX_PKT_LEN = 4000
PJ_INET6_ADDRSTRLEN = 46
PJ_IOQUEUE_INTERNAL = 32  # pj_ioqueue_op_key_t: void *internal__[32], then two pointers


class _RxData(ctypes.Structure):
    """The head of ``pjsip_rx_data`` (pjsip/sip_transport.h): ``tp_info`` and ``pkt_info``."""

    _fields_ = [
        ("pool", ctypes.c_void_p),
        ("transport", ctypes.c_void_p),
        ("tp_data", ctypes.c_void_p),
        ("op_key_internal", ctypes.c_void_p * PJ_IOQUEUE_INTERNAL),
        ("op_key_activesock_data", ctypes.c_void_p),
        ("op_key_user_data", ctypes.c_void_p),
        ("op_key_rdata", ctypes.c_void_p),
        ("timestamp_sec", ctypes.c_long),
        ("timestamp_msec", ctypes.c_long),
        ("packet", ctypes.c_char * PJSIP_MAX_PKT_LEN),
        ("zero", ctypes.c_uint32),
        ("len", ctypes.c_ssize_t),
        ("src_addr", ctypes.c_uint32 * 7),  # pj_sockaddr: 28 bytes, 4-aligned
        ("src_addr_len", ctypes.c_int),
        ("src_name", ctypes.c_char * PJ_INET6_ADDRSTRLEN),
        ("src_port", ctypes.c_int),
    ]


class _PjStr(ctypes.Structure):
    _fields_ = [("ptr", ctypes.c_char_p), ("slen", ctypes.c_ssize_t)]


_RX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)


class _Module(ctypes.Structure):
    """``pjsip_module`` (pjsip/sip_module.h)."""

    _fields_ = [
        ("prev", ctypes.c_void_p),
        ("next", ctypes.c_void_p),
        ("name", _PjStr),
        ("id", ctypes.c_int),
        ("priority", ctypes.c_int),
        ("load", ctypes.c_void_p),
        ("start", ctypes.c_void_p),
        ("stop", ctypes.c_void_p),
        ("unload", ctypes.c_void_p),
        ("on_rx_request", _RX),
        ("on_rx_response", _RX),
        ("on_tx_request", ctypes.c_void_p),
        ("on_tx_response", ctypes.c_void_p),
        ("on_tsx_state", ctypes.c_void_p),
    ]


class GateError(Exception):
    """pjsip would not take the gate: the line must not run without it."""


class Verdict(enum.Enum):
    PASS = "pass"
    DROP = "drop"  # no answer: the source address of a UDP datagram is whatever its sender wrote
    REFUSE = "refuse"  # 403, to the PBX's own address
    TOO_LARGE = "too large"  # 513 (a line over the reader's bound), to the PBX's own address, once


def _library() -> ctypes.CDLL:
    lib = ctypes.CDLL(pj._pjsua2.__file__)  # the module already loaded: the same pjsua instance
    lib.pjsua_get_pjsip_endpt.restype = ctypes.c_void_p
    lib.pjsip_endpt_register_module.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.pjsip_endpt_unregister_module.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.pjsip_endpt_respond_stateless.argtypes = [
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    return lib


class LineGate:
    """The line's door: ``verdict`` decides (plain bytes, testable alone), ``install`` puts it in pjsip."""

    def __init__(self, guard: SipGuard, front: tuple[str, int] | None, *, name: str = "line") -> None:
        """``front``: the one socket that hands over new calls; None for a line that takes no call at all.
        ``name`` labels what the guard counts, for the engineer."""
        self.guard = guard
        self.front = front
        self.name = name
        self._module: _Module | None = None
        self._callbacks: tuple[object, ...] = ()
        self._lib: ctypes.CDLL | None = None
        self._endpoint: int | None = None
        self._too_large = AnsweredOnce()

    def verdict(self, data: bytes, source: tuple[str, int], *, request: bool) -> Verdict:
        from_front = self.front is not None and source == self.front
        if not from_front and not self.guard.trusts(source):
            self.guard.bad(data, source, f"not the PBX ({self.name})", foreign=True)
            return Verdict.DROP
        message = read(data)
        if isinstance(message, Rejected):
            if not message.quiet:
                self.guard.bad(data, source, f"{message.reason} ({self.name})", foreign=False)
            answer = message.message
            if request and message.too_large and answer is not None and answer.method != "ACK":
                return Verdict.TOO_LARGE if self._too_large.first(answer) else Verdict.DROP
            return Verdict.DROP
        if request and not from_front and _new_call(message):
            why = (
                "a call the front did not hand over"
                if self.front is not None
                else "a call to a line that only dials"
            )
            self.guard.bad(data, source, f"{why} ({self.name})", foreign=False)
            return Verdict.REFUSE
        return Verdict.PASS

    # ------------------------------------------------------------ in pjsip

    def install(self) -> None:
        """Register in this process's pjsip endpoint; call in the thread that owns the endpoint."""
        lib = _library()
        endpoint = lib.pjsua_get_pjsip_endpt()
        if not endpoint:
            raise GateError("no pjsip endpoint to guard")
        module = _Module()
        name = b"mod-switchboard-line-gate"
        module.name = _PjStr(name, len(name))
        module.id = -1
        module.priority = PRIORITY
        on_request, on_response = _RX(self._on_request), _RX(self._on_response)
        module.on_rx_request, module.on_rx_response = on_request, on_response
        status = lib.pjsip_endpt_register_module(endpoint, ctypes.byref(module))
        if status != 0:
            raise GateError(f"pjsip refused the line's gate (status {status})")
        self._lib, self._endpoint, self._module = lib, endpoint, module
        self._callbacks = (on_request, on_response, name)  # pjsip holds raw pointers to these

    def close(self) -> None:
        """Unregister (before ``libDestroy``; pjsip keeps pointers into the module until then)."""
        if self._lib is not None and self._module is not None:
            status = self._lib.pjsip_endpt_unregister_module(self._endpoint, ctypes.byref(self._module))
            if status != 0:
                log.warning("the line's gate could not be unregistered (status %d)", status)
                return  # kept alive with its callbacks: pjsip may still call them
        self._lib = self._module = None
        self._callbacks = ()

    def _on_request(self, rdata: int) -> int:
        return self._decide(rdata, request=True)

    def _on_response(self, rdata: int) -> int:
        return self._decide(rdata, request=False)

    def _decide(self, rdata: int, *, request: bool) -> int:
        """1 (consumed: pjsip does nothing more with it) or 0 (pjsip goes on). Never raises into C."""
        try:
            found = _datagram(rdata)
            if found is None:
                log.warning("the line's gate could not read a datagram: dropped")
                return 1
            data, source = found
            verdict = self.verdict(data, source, request=request)
            code = {Verdict.REFUSE: 403, Verdict.TOO_LARGE: 513}.get(verdict, 0)
            if code and self._lib is not None:  # pjsip answers the source's address (Via received=)
                self._lib.pjsip_endpt_respond_stateless(self._endpoint, rdata, code, None, None, None)
            return 0 if verdict is Verdict.PASS else 1
        except BaseException:
            log.exception("the line's gate failed on a datagram: dropped")
            return 1


def _new_call(message: SipMessage) -> bool:
    return message.method == "INVITE" and not tag_of(message.get("to"))


def _datagram(rdata: int) -> tuple[bytes, tuple[str, int]] | None:
    """The datagram and its source from ``pjsip_rx_data``, or None when the fields do not check out."""
    if not rdata:
        return None
    rx = _RxData.from_address(rdata)
    length = int(rx.len)
    port = int(rx.src_port)
    if not 0 < length <= PJSIP_MAX_PKT_LEN or not 0 < port < 65536:
        return None
    try:
        host = str(ipaddress.ip_address(bytes(rx.src_name).decode("ascii")))
    except (UnicodeDecodeError, ValueError):
        return None
    data = ctypes.string_at(rdata + _RxData.packet.offset, length)
    return data, (host, port)
