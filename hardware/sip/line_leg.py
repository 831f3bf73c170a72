"""The ringing front's leg to the console's pjsua2 line: the INVITE it forwards when the operator answers,
and the CANCEL and ACKs that go with it (RFC 3261 §9.1, §17.1.1.3, §13.2.2.4). Messages only; the front
sends them."""

from __future__ import annotations

from dataclasses import dataclass

from hardware.sip import sip_message as sm
from hardware.sip.sip_message import SipMessage

# The line takes a handed-over call within milliseconds (pjsua answers 100 Trying, then 200, from the same
# thread's pump). Silence past this means its pjsip dropped the INVITE unanswered (a header it cannot
# parse), and the caller would ring on at the PBX for nobody: the front answers the caller itself.
HANDOVER_LIMIT_S = 2.0


@dataclass(frozen=True)
class Unreadable:
    """Why the line's pjsip would drop an INVITE unanswered, and the final answer the front gives instead:
    400 with a reason phrase naming the header (RFC 3261 §21.4.1), or 513 when it is longer than pjsip
    reads (§21.5.14)."""

    code: int
    reason: str
    why: str


def forwarded(invite: SipMessage, uri: str, host: str, port: int, branch: str) -> SipMessage:
    """``invite`` to the line at ``uri``: the front's Via on top, one hop fewer, the rest as the PBX sent
    it (its Record-Route kept, so the dialog runs through the PBX)."""
    message = SipMessage(f"INVITE {uri} SIP/2.0", list(invite.headers), invite.body)
    message.headers.insert(0, ("Via", f"SIP/2.0/UDP {host}:{port};rport;branch={branch}"))
    hops = message.get("max-forwards")  # the reader let only ASCII digits through
    fewer = str(max(int(hops) - 1, 1)) if hops.isascii() and hops.isdigit() else "69"
    message.set("Max-Forwards", fewer)
    return message


def cancel(forwarded_invite: SipMessage) -> SipMessage:
    """The CANCEL of a forwarded INVITE (§9.1: the same Via, From, To, Call-ID and CSeq number)."""
    fwd = forwarded_invite
    return SipMessage(
        f"CANCEL {fwd.uri} SIP/2.0",
        [
            ("Via", fwd.get("via")),
            ("Max-Forwards", "70"),
            ("From", fwd.get("from")),
            ("To", fwd.get("to")),
            ("Call-ID", fwd.get("call-id")),
            ("CSeq", f"{fwd.get('cseq').split()[0]} CANCEL"),
        ],
    )


def ack_refusal(forwarded_invite: SipMessage, refusal: SipMessage) -> SipMessage:
    """The ACK for the line's non-2xx final answer (§17.1.1.3: the INVITE's Via, the answer's To)."""
    fwd = forwarded_invite
    return SipMessage(
        f"ACK {fwd.uri} SIP/2.0",
        [
            ("Via", fwd.get("via")),
            ("Max-Forwards", "70"),
            ("From", refusal.get("from")),
            ("To", refusal.get("to")),
            ("Call-ID", fwd.get("call-id")),
            ("CSeq", f"{refusal.get('cseq').split()[0]} ACK"),
        ],
    )


def ack_2xx(ok: SipMessage, host: str, port: int) -> SipMessage:
    """The ACK for a 2xx, sent straight to the endpoint that answered (its Contact)."""
    target = sm.uri_of(ok.get("contact")) or ok.get("to")
    return SipMessage(
        f"ACK {target} SIP/2.0",
        [
            ("Via", f"SIP/2.0/UDP {host}:{port};rport;branch={sm.branch()}"),
            ("Max-Forwards", "70"),
            ("From", ok.get("from")),
            ("To", ok.get("to")),
            ("Call-ID", ok.get("call-id")),
            ("CSeq", f"{ok.cseq_number} ACK"),
        ],
    )
