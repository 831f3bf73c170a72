"""The ringing front: where the operator's extension really lives on the PBX.

pjsua2 in this wheel holds at most four calls per process and answers the fifth
with 486, so waiting calls must not reach it. The front is a small SIP user agent
of our own on a plain UDP socket: it REGISTERs the operator extension (digest
auth), answers every INVITE with 180 Ringing and keeps it ringing, with no limit
on how many wait. When the operator answers one, the front hands it over by
forwarding the INVITE (its own Via on top, the PBX's Record-Route kept) to the
console's pjsua2 endpoint, and relays pjsua's final answer back; from then on the
dialog runs between the caller and pjsua through the PBX, not through the front.
A refused hand-over (pjsua full) leaves the call ringing here; any other final refusal by pjsua, or an
offer the line could never answer (no codec in common, no audio), goes back to the caller at once. So does an
INVITE the line's pjsip would not even parse (``line_reads``, asked of pjsip itself: a From in other digits):
400 before it rings. A hand-over the line does not answer at all within ``HANDOVER_LIMIT_S`` is answered 500
by the front and the operator told (``on_lost``); a call the operator releases while the line is taking it
gets its final answer at once. No caller is left ringing for nobody.

Only the PBX is heard (``SipGuard``): a request from any other address is dropped and counted. A request
the PBX sends without the headers every request carries gets 400 and is never offered (RFC 3261 §8.2), and
past ``max_ringing`` calls waiting at once a new one gets 486 Busy Here, so the PBX can route it elsewhere.

Everything runs in the position's SIP thread: ``poll()`` reads the socket.
"""

from __future__ import annotations

import logging
import select
import time

from hardware.sip import sip_message as sm
from hardware.sip.caller_id import NAME_LIMIT, shown, shown_number
from hardware.sip.front_calls import FrontCalls, WaitingCall
from hardware.sip.front_registration import RegistrationState
from hardware.sip.line_leg import ack_2xx, ack_refusal, cancel, forwarded
from hardware.sip.sdp_offer import refusal
from hardware.sip.sip_message import SipMessage
from hardware.sip.sip_reader import MAX_DATAGRAM, Rejected, read, request_problem

log = logging.getLogger(__name__)

__all__ = ["RegistrationState", "RingingFront", "WaitingCall"]

LINE_BUSY = (480, 486)  # pjsua2 full (486) or not knowing the call (480): the caller keeps ringing here


class RingingFront(FrontCalls):
    """What the front does with each datagram: calls offered, cancelled, handed to the line, refused."""

    # ------------------------------------------------------------ loop

    def poll(self, timeout: float) -> None:
        self.registration.tick()
        self.guard.publish()  # the link monitor's counters, at most once a second
        self._read(timeout)

    def _read(self, timeout: float) -> None:
        for _ in range(64):  # a burst of calls is read in one go, never starving pjsua
            ready, _, _ = select.select([self.sock], [], [], timeout)
            if not ready:
                return
            timeout = 0.0
            try:
                data, source = self.sock.recvfrom(MAX_DATAGRAM + 1)
            except OSError:
                return
            try:
                self.inbound(data, (str(source[0]), int(source[1])))
            except Exception:  # one odd packet must never take the operator's line down
                log.exception("ringing front: could not handle a datagram from %s", source)

    def inbound(self, data: bytes, source: tuple[str, int]) -> None:
        """One datagram: from the PBX (or our own line), readable, complete; else dropped, counted, or 400."""
        if not self.guard.trusts(source):
            self.guard.bad(data, source, "not the PBX", foreign=True)
            return
        message = read(data)
        if isinstance(message, Rejected):
            if message.quiet:
                return
            self.guard.bad(data, source, message.reason, foreign=False)
            request = message.message
            if request is None or request.method == "ACK":
                return
            if not message.too_large:
                self._send(sm.response(request, 400, "Bad Request", to_tag=sm.new_tag()), source)
            elif self._too_large.first(request):  # to the PBX's address it came from, never a Via's
                self._send(sm.response(request, 513, "Message Too Large", to_tag=sm.new_tag()), source)
            return
        if message.is_request:
            problem = request_problem(message)
            if problem:
                self.guard.bad(data, source, problem, foreign=False)
                if message.method != "ACK":
                    self._send(sm.response(message, 400, "Bad Request", to_tag=sm.new_tag()), source)
                return
        self.guard.good()
        if not self.guard.is_line(source):
            self.registration.heard()
        self._handle(message, source)

    # ------------------------------------------------------------ calls

    def _handle(self, message: SipMessage, source: tuple[str, int]) -> None:
        if not message.is_request:
            if message.get("call-id") == self.registration.call_id:
                self.registration.answered(message)
            elif message.get("call-id") != self.registration.probe_call_id:
                self._from_pjsua(message)
            return
        method = message.method
        call = self.calls.get(message.get("call-id"))
        if method == "INVITE" and not sm.tag_of(message.get("to")):
            refused = self._refused.get(message.get("call-id"))
            if refused is not None:
                self._sendto(refused, source)  # a retransmission of an INVITE already refused
            elif call is None:
                self._new_call(message, source)
            elif call.last:
                self._sendto(call.last, call.upstream)  # a retransmission: the same answer again
        elif method == "CANCEL" and call is not None:
            self._send(sm.response(message, 200, "OK"), source)
            if call.handed_over and not call.answered and call.forwarded is not None:
                self._sendto(cancel(call.forwarded).encode(), call.forwarded_to)
            if not call.answered:
                self._answer_upstream(call, 487, "Request Terminated")
                # RFC 3326: a forking PBX cancels the other branches of a call one of them answered
                # with "Reason: SIP;cause=200": another position took it, the caller did not hang up.
                elsewhere = "cause=200" in message.get("reason").replace(" ", "")
                self.on_gone(call, "answered elsewhere" if elsewhere else "abandoned")
        elif method == "ACK":
            pass  # the ACK for our 486/487: nothing to do
        elif method == "MESSAGE":  # only the PBX gets this far (the guard dropped anyone else)
            self._send(sm.response(message, 200, "OK"), source)
            self.on_message(message)
        elif method == "OPTIONS":
            self._send(sm.response(message, 200, "OK"), source)
        elif method != "ACK":
            self._send(sm.response(message, 481, "Call/Transaction Does Not Exist"), source)

    def _new_call(self, invite: SipMessage, source: tuple[str, int]) -> None:
        # Answers go back where the INVITE came from: the PBX, whose Via is on top (it does not use rport,
        # and a Via host could be a name that would need a DNS look-up in the SIP thread).
        upstream = source
        if sum(1 for c in self.calls.values() if not c.handed_over and not c.forgotten) >= self.max_ringing:
            self._send(sm.response(invite, 486, "Busy Here", to_tag=sm.new_tag()), upstream)
            log.warning("ringing front: %d calls waiting, one more turned away (486)", self.max_ringing)
            return
        call = WaitingCall(
            sip_call_id=invite.get("call-id"),
            invite=invite,
            to_tag=sm.new_tag(),
            arrived=time.monotonic(),
            caller=shown_number(sm.user_of(invite.get("from")) or sm.uri_of(invite.get("from"))),
            caller_name=shown(sm.display_of(invite.get("from")), NAME_LIMIT),
            called=sm.user_of(invite.get("to")) or self.extension,
            upstream=upstream,
        )
        why = refusal(invite.get("content-type"), invite.body, self.codecs)
        if why:
            warning = f'{304 if why.startswith("no audio") else 305} {self.host} "{why}"'
            self._refuse_new(call, 488, "Not Acceptable Here", warning, why)
            return
        # as forwarded on answering (the line's URI is the front's but for the port)
        unread = self.line_reads(forwarded(invite, self.contact, self.host, self.port, sm.branch()).encode())
        if unread is not None:
            why = f"the console's line cannot take it: {unread.why}"
            self.guard.bad(invite.encode(), upstream, why, foreign=False)
            self._refuse_new(call, unread.code, unread.reason, f'399 {self.host} "{why}"', why)
            return
        self.calls[call.sip_call_id] = call
        ringing = sm.response(
            invite, 180, "Ringing", to_tag=call.to_tag, extra=[("Contact", f"<{self.contact}>")]
        )
        call.last = ringing.encode()
        self._sendto(call.last, upstream)
        self.on_offered(call)

    def hand_over(self, sip_call_id: str, to: tuple[str, int], uri: str) -> bool:
        """Forward the waiting INVITE to the console's endpoint at ``to``; False if the call is gone."""
        call = self.calls.get(sip_call_id)
        if call is None or call.answered:
            return False
        call.forward_branch = sm.branch()
        call.forwarded = forwarded(call.invite, uri, self.host, self.port, call.forward_branch)
        call.forwarded_to, call.handed_over = to, True
        call.handed_at, call.line_heard = time.monotonic(), False
        self._sendto(call.forwarded.encode(), to)
        return True

    def refuse(self, sip_call_id: str, code: int = 480, reason: str = "Temporarily Unavailable") -> None:
        """End a waiting call with a final answer (the operator released it before answering). One the line
        is still taking is cancelled there (once the line has answered at all, RFC 3261 §9.1); its caller is
        answered now, not when the line is done."""
        call = self.calls.get(sip_call_id)
        if call is None or call.answered or call.ended:
            return
        if call.handed_over and call.line_heard and call.forwarded is not None:
            self._sendto(cancel(call.forwarded).encode(), call.forwarded_to)
        self._answer_upstream(call, code, reason)

    def check_handovers(self) -> None:
        """A hand-over the line has not answered at all within ``handover_limit_s``: its pjsip dropped the
        INVITE (or the line is stuck). The caller gets 500 with a Warning saying why (RFC 3261 §21.5.1,
        §20.43), so the PBX can route it on; the desk is told (``on_lost``) and the call leaves the queue.
        Run after the line's pump: an answer already waiting in the socket is read first."""
        now = time.monotonic()
        limit = self.handover_limit_s
        late = [
            c
            for c in self.calls.values()
            if c.handed_over and not c.line_heard and not c.answered and now - c.handed_at > limit
        ]
        if not late:
            return
        self._read(0.0)
        for call in late:
            if self.calls.get(call.sip_call_id) is not call or call.line_heard or not call.handed_over:
                continue
            self.calls.pop(call.sip_call_id)
            why = f"the console's line did not take it within {self.handover_limit_s:g} s"
            if not call.ended:
                warning = f'399 {self.host} "{why}"'
                self._answer_upstream(call, 500, "Server Internal Error", extra=[("Warning", warning)])
                self._keep_refusal(call.sip_call_id, call.last)  # a retransmission never rings again
            log.warning("ringing front: a call from %r handed to the line was lost: %s", call.caller, why)
            if not call.forgotten:
                self.on_lost(call, why)

    def redirect(self, sip_call_id: str, contact: str) -> bool:
        """302 Moved Temporarily with ``contact`` for a call still ringing here (RFC 3261 §21.3.3, §8.1.3.4):
        the PBX sends the caller there (the overflow destination). False if the call is no longer here."""
        call = self.calls.get(sip_call_id)
        if call is None or call.handed_over or call.answered:
            return False
        moved = sm.response(
            call.invite, 302, "Moved Temporarily", to_tag=call.to_tag, extra=[("Contact", f"<{contact}>")]
        )
        call.last = moved.encode()
        self._sendto(call.last, call.upstream)
        return True

    def forget(self, sip_call_id: str) -> None:
        call = self.calls.get(sip_call_id)
        if call is not None and call.handed_over and not call.answered:
            call.forgotten = True  # pjsua's final answer is still to come and must be acknowledged
            return
        self.calls.pop(sip_call_id, None)

    def _from_pjsua(self, message: SipMessage) -> None:
        call = self.calls.get(message.get("call-id"))
        if call is None or message.cseq_method != "INVITE" or not call.handed_over:
            return
        if call.forward_branch not in message.get("via"):
            return
        call.line_heard = True
        code = message.status
        if code < 200:
            return  # the caller already hears ringing from us
        if code < 300 and call.forgotten:
            # The caller cancelled while the line was answering: the caller has its 487. The line's
            # leg is acknowledged here (RFC 3261 §13.2.2.4) and hung up by the desk, whose call is gone.
            self._sendto(ack_2xx(message, self.host, self.port).encode(), call.forwarded_to)
            self.calls.pop(call.sip_call_id, None)
            return
        if code < 300:
            relayed = SipMessage(message.start, list(message.headers), message.body)
            relayed.remove_first("via")
            call.answered = True
            self._sendto(relayed.encode(), call.upstream)
            return
        # pjsua refused (no free line): acknowledge it and keep the caller ringing here.
        assert call.forwarded is not None
        self._sendto(ack_refusal(call.forwarded, message).encode(), call.forwarded_to)
        call.handed_over, call.forwarded = False, None
        if call.forgotten or call.ended:
            self.calls.pop(call.sip_call_id, None)
            return
        reason = message.start[12:]
        if code in LINE_BUSY:
            self.on_handover_failed(call, code, reason)
            return
        # Any other final refusal (488: no codec in common, 415, 403 ...) is the call's, not the line's:
        # the caller gets it at once and the call leaves the queue.
        self._answer_upstream(call, code, reason)
        self.calls.pop(call.sip_call_id, None)
        self.on_refused(call, code, f"{code} {reason}")
