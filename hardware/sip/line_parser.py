"""Whether the console's pjsua2 line will read a request, asked of pjsip's own parser.

The ringing front reads SIP with ``sip_reader``, which takes UTF-8 wherever RFC 3261 §25.1 allows text;
pjsip's parser is stricter and drops a datagram when any header it knows (From, To, Contact, Via, Route,
Record-Route ...) does not parse, without an answer: a From user part in other digits (``<sip:١٢٩٩@...>``),
a non-ASCII host or parameter, or ``[ ] " ` { } | \\ ^`` or a control character in a user part. A display
name in any script, quoted or not, an escaped user part (``%D9%A1``) and headers pjsip keeps as text
(P-Asserted-Identity, Subject, unknown ones) parse. pjsip's UDP transport also reads at most
``PJSIP_MAX_PKT_LEN`` bytes. Rather than copy those rules, the front asks ``pjsip_parse_msg`` itself (the
same library, the same call the transport makes) before it offers a call, so a call the line could never
answer is refused at once instead of ringing for the operator.
"""

from __future__ import annotations

import ctypes
import logging

import pjsua2 as pj

from hardware.sip.line_gate import PJSIP_MAX_PKT_LEN
from hardware.sip.line_leg import Unreadable

log = logging.getLogger(__name__)

POOL_BYTES = 4000


class _ErrReport(ctypes.Structure):
    """``pjsip_parser_err_report`` (pjsip/sip_parser.h): a list node, the exception, where, which header."""

    _fields_ = [
        ("prev", ctypes.c_void_p),
        ("next", ctypes.c_void_p),
        ("except_code", ctypes.c_int),
        ("line", ctypes.c_int),
        ("col", ctypes.c_int),
        ("hname_ptr", ctypes.c_void_p),
        ("hname_len", ctypes.c_ssize_t),
    ]


class LineParser:
    """``problem(data)``: why the line's pjsip would drop ``data`` unanswered, or None if it reads it whole.
    Call in the thread that owns the pjsua2 endpoint, after the endpoint exists."""

    def __init__(self) -> None:
        try:
            self._lib: ctypes.CDLL | None = _library()
        except (OSError, AttributeError):  # never a position that cannot start: the time limit is the net
            log.exception("pjsip's parser cannot be asked: INVITEs are offered unchecked")
            self._lib = None

    def problem(self, data: bytes) -> Unreadable | None:
        if len(data) > PJSIP_MAX_PKT_LEN:
            why = f"{len(data)} bytes, over the {PJSIP_MAX_PKT_LEN} its pjsip reads"
            return Unreadable(513, "Message Too Large", why)
        if self._lib is None:
            return None
        try:
            names = self._unparsed(self._lib, data)
        except Exception:  # our own failure never refuses a caller: the hand-over's time limit is the net
            log.exception("could not ask pjsip whether it reads a request")
            return None
        if names is None:
            return Unreadable(400, "Bad Request", "its pjsip cannot read the request")
        if not names:
            return None
        named = f"{', '.join(names)} header{'s' if len(names) > 1 else ''}"
        reason = f"Bad {names[0]} Header" if len(names) == 1 and names[0] != "?" else "Bad Request"
        return Unreadable(400, reason, f"its pjsip cannot read the {named}")

    @staticmethod
    def _unparsed(lib: ctypes.CDLL, data: bytes) -> list[str] | None:
        """The headers pjsip could not parse (empty: it reads it all), None if it read no message."""
        pool = lib.pjsua_pool_create(b"line-parser", POOL_BYTES, POOL_BYTES)
        if not pool:
            return []
        try:
            errors = _ErrReport()
            head = ctypes.addressof(errors)
            errors.prev = errors.next = head  # an empty pj_list
            text = ctypes.create_string_buffer(data, len(data) + 1)  # pjsip's scanner wants a NUL after it
            message = lib.pjsip_parse_msg(pool, text, len(data), ctypes.byref(errors))
            names: list[str] = []
            node = errors.next
            while node and node != head and len(names) < 8:
                report = _ErrReport.from_address(node)
                name = "?"
                if report.hname_ptr and 0 < report.hname_len < 64:
                    name = ctypes.string_at(report.hname_ptr, report.hname_len).decode("ascii", "replace")
                names.append(name if name.replace("-", "").isalnum() else "?")
                node = report.next
            return list(dict.fromkeys(names)) if message else None
        finally:
            lib.pj_pool_release(pool)


def _library() -> ctypes.CDLL:
    lib = ctypes.CDLL(pj._pjsua2.__file__)  # the module already loaded: the same pjsip
    lib.pjsua_pool_create.restype = ctypes.c_void_p
    lib.pjsua_pool_create.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_size_t]
    lib.pjsip_parse_msg.restype = ctypes.c_void_p
    lib.pjsip_parse_msg.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p]
    lib.pj_pool_release.argtypes = [ctypes.c_void_p]
    lib.pj_pool_release.restype = None
    return lib
