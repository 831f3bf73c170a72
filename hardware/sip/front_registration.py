"""The operator extension's registration at the PBX, kept by the ringing front (digest auth, refreshed at
half the granted time, again at once when the PBX forgot it). Sans socket: the front reads, this decides.

It also watches that the PBX is there: an OPTIONS every ``PROBE_S`` (RFC 3261 §11), and anything heard
from the PBX counts. Silent for ``SILENT_S``, the link is down at once (the operator sees it within 2 s,
not at the next refresh); when the PBX speaks again the extension registers anew, since a PBX that
restarted has forgotten it, and ``on_back`` lets the front clear the calls whose transactions it lost."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from hardware.sip import sip_message as sm
from hardware.sip.sip_message import SipMessage

log = logging.getLogger(__name__)

REGISTER_WAIT_S = 3.0
RETRY_S = 5.0
PROBE_S = 0.5
SILENT_S = 1.5
_SECONDS = re.compile(r"[0-9]{1,10}", re.ASCII)


@dataclass
class RegistrationState:
    ok: bool
    detail: str


class FrontRegistration:
    def __init__(
        self,
        domain: str,
        extension: str,
        contact: str,
        local: tuple[str, int],
        *,
        username: str,
        password: str,
        expires: int,
        send: Callable[[bytes], None],
    ) -> None:
        self.domain = domain
        self.extension = extension
        self.contact = contact
        self.local = local
        self.username = username
        self.password = password
        self.expires = expires
        self._send = send
        self.on_change: Callable[[RegistrationState], None] = lambda _s: None
        self.call_id = sm.new_tag() + "@front"
        self._tag = sm.new_tag()
        self._cseq = 0
        self._due = 0.0
        self._sent: float | None = None
        self._tried_auth = False
        self.registered: bool | None = None
        self._leaving = False
        self.paused = False  # the operator is on break: the contact stays off the PBX
        # RFC 5626 instance id: the PBX keeps it with the contact, and a request to the GRUU (RFC 5627)
        # reaches this position alone, never the other positions on the same extension.
        self.instance = f"urn:uuid:{uuid.uuid4()}"
        self.on_back: Callable[[float], None] = lambda _silent_s: None
        self.probe_call_id = sm.new_tag() + "@probe"
        self._probe_cseq = 0
        self._probed = 0.0
        self._heard = 0.0  # from the first tick: starting the line may take longer than SILENT_S
        self.silent = False

    def heard(self) -> None:
        """Something came from the PBX: it is there."""
        now = time.monotonic()
        if self.silent:
            self.silent = False
            log.warning("the PBX answers again after %.1f s", now - self._heard)
            self.on_back(now - self._heard)
            self._sent = None
            self.register_now()
        self._heard = now

    def _probe(self, now: float) -> None:
        self._probed = now
        self._probe_cseq += 1
        host, port = self.local
        self._send(
            SipMessage(
                f"OPTIONS sip:{self.domain} SIP/2.0",
                [
                    ("Via", f"SIP/2.0/UDP {host}:{port};rport;branch={sm.branch()}"),
                    ("Max-Forwards", "70"),
                    ("From", f"<sip:{self.extension}@{self.domain}>;tag={self._tag}"),
                    ("To", f"<sip:{self.domain}>"),
                    ("Call-ID", self.probe_call_id),
                    ("CSeq", f"{self._probe_cseq} OPTIONS"),
                    ("Accept", "application/sdp"),
                ],
            ).encode()
        )

    @property
    def gruu(self) -> str:
        """This position's own address through the PBX (a public GRUU, RFC 5627 §3.1): a parked call
        handed over by REFER to it rings here alone."""
        return f"sip:{self.extension}@{self.domain};gr={self.instance}"

    def register_now(self) -> None:
        """Register again at once (the PBX lost our registration, e.g. it restarted)."""
        if self._sent is None:
            self._due = 0.0

    def tick(self) -> None:
        now = time.monotonic()
        self._heard = self._heard or now
        if now - self._probed >= PROBE_S:
            self._probe(now)
        if not self.silent and now - self._heard > SILENT_S:
            self.silent = True
            self._state(False, f"no answer from the PBX at {self.domain}")
        if self._sent is not None and now - self._sent > REGISTER_WAIT_S:
            self._sent = None
            self._due = now + RETRY_S
            self._state(False, f"no answer from the PBX at {self.domain}")
        if self._sent is None and now >= self._due and not self.paused:
            self._tried_auth = False
            self._register(expires=self.expires)

    def pause(self, on: bool) -> None:
        """On break: the contact leaves the PBX (Expires: 0, RFC 3261 §10.2.2) and is not refreshed, so a
        forking PBX stops ringing this position; back: it registers again at once. The probe runs on."""
        self.paused = on
        self._sent = None
        self._tried_auth = False
        if on:
            self._register(expires=0)
        else:
            self._leaving = False
            self._due = 0.0

    def leave(self) -> None:
        if self.registered:
            self._leaving = True
            self._register(expires=0)

    def _register(self, *, expires: int, auth: tuple[str, str] | None = None) -> None:
        self._cseq += 1
        self._sent = time.monotonic()
        host, port = self.local
        request = SipMessage(
            f"REGISTER sip:{self.domain} SIP/2.0",
            [
                ("Via", f"SIP/2.0/UDP {host}:{port};rport;branch={sm.branch()}"),
                ("Max-Forwards", "70"),
                ("From", f"<sip:{self.extension}@{self.domain}>;tag={self._tag}"),
                ("To", f"<sip:{self.extension}@{self.domain}>"),
                ("Call-ID", self.call_id),
                ("CSeq", f"{self._cseq} REGISTER"),
                ("Supported", "gruu"),
                ("Contact", f'<{self.contact}>;+sip.instance="<{self.instance}>"'),
                ("Expires", str(expires)),
                ("User-Agent", "hotel-switchboard console"),
            ],
        )
        if auth is not None:
            request.headers.append(auth)
        self._send(request.encode())

    def answered(self, message: SipMessage) -> None:
        code = message.status
        if code < 200 or message.cseq_number != self._cseq:
            return  # provisional, or the answer to an earlier REGISTER
        self._sent = None
        if self._leaving or (self.paused and code not in (401, 407)):
            return
        if 200 <= code < 300:
            granted = self.expires
            for contact in message.all("contact"):
                if self.contact in contact and "expires=" in contact:
                    value = contact.split("expires=", 1)[1].split(";", 1)[0].strip()
                    granted = int(value) if _SECONDS.fullmatch(value) else granted
            self._due = time.monotonic() + max(granted * 0.5, 5.0)
            self._state(True, "")
        elif code in (401, 407) and self.password and not self._tried_auth:
            self._tried_auth = True
            challenge = message.get("www-authenticate" if code == 401 else "proxy-authenticate")
            value = sm.digest(
                challenge,
                method="REGISTER",
                uri=f"sip:{self.domain}",
                user=self.username,
                password=self.password,
                proxy=code == 407,
            )
            name = "Authorization" if code == 401 else "Proxy-Authorization"
            self._register(expires=0 if self.paused else self.expires, auth=(name, value))
        else:
            self._due = time.monotonic() + RETRY_S * 6
            if code in (401, 403, 407):
                why = f"the PBX refused the password for extension {self.extension} ({code})"
            else:
                why = f"the PBX refused the registration of extension {self.extension}: {message.start[8:]}"
            self._state(False, why)

    def _state(self, ok: bool, detail: str) -> None:
        if self.registered is ok and ok:
            return
        self.registered = ok
        self.on_change(RegistrationState(ok, detail))
