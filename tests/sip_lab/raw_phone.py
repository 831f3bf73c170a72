"""A room telephone in a few lines of SIP over one UDP socket, for tests of what the PBX lets through.

It registers, places an INVITE and reports the final answer (ACKing it), and answers every INVITE it
receives with 486 Busy Here after noting it, so a test can tell "the PBX refused the call" (a 403 or
480 from the PBX, the callee never saw it) from "the call reached the telephone" (the callee noted
the INVITE; the caller got its 486). RFC 3261 §8.1 (requests), §17.1.1.3 (ACK for a non-2xx answer).
"""

from __future__ import annotations

import socket
import threading
import time
import uuid


def _header(message: str, name: str) -> str:
    for line in message.split("\r\n")[1:]:
        if not line:
            break
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return ""


class RawPhone:
    def __init__(self, user: str, proxy_port: int) -> None:
        self.user = user
        self.proxy = ("127.0.0.1", proxy_port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)  # close() does not wake a blocked recvfrom: the reader looks every 0.2 s
        self.port = self.sock.getsockname()[1]
        self.received: list[str] = []  # Request-URIs of INVITEs that reached this telephone
        self.messages: list[str] = []  # bodies of MESSAGEs that reached it
        self._answers: dict[str, list[str]] = {}  # Call-ID -> responses
        self._lock = threading.Lock()
        self._stop = False
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop = True
        self._thread.join(2)
        self.sock.close()

    def _send(self, text: str) -> None:
        self.sock.sendto(text.encode(), self.proxy)

    def _read(self) -> None:
        while not self._stop:
            try:
                data, peer = self.sock.recvfrom(65535)
            except TimeoutError:
                continue
            except OSError:
                return
            text = data.decode(errors="replace")
            if text.startswith("SIP/2.0"):
                with self._lock:
                    self._answers.setdefault(_header(text, "Call-ID"), []).append(text)
            elif text.startswith("INVITE "):
                self.received.append(text.split(" ", 2)[1])
                self._answer(text, "486 Busy Here", peer)
            elif text.startswith("MESSAGE "):
                self.messages.append(text.split("\r\n\r\n", 1)[-1])
                self._answer(text, "200 OK", peer)
            elif text.startswith(("BYE ", "CANCEL ", "OPTIONS ", "NOTIFY ")):
                self._answer(text, "200 OK", peer)

    def _answer(self, request: str, status: str, peer: tuple[str, int]) -> None:
        vias = [line for line in request.split("\r\n") if line.lower().startswith(("via:", "v:"))]
        to = _header(request, "To")
        if ";tag=" not in to:
            to += f";tag={uuid.uuid4().hex[:8]}"
        reply = (
            f"SIP/2.0 {status}\r\n"
            + "".join(v + "\r\n" for v in vias)
            + f"From: {_header(request, 'From')}\r\nTo: {to}\r\nCall-ID: {_header(request, 'Call-ID')}\r\n"
            f"CSeq: {_header(request, 'CSeq')}\r\nContent-Length: 0\r\n\r\n"
        )
        self.sock.sendto(reply.encode(), peer)

    def _request(self, method: str, uri: str, to: str, call_id: str, cseq: int, extra: str = "") -> str:
        branch = "z9hG4bK" + uuid.uuid4().hex[:12]
        tag = uuid.uuid4().hex[:8]
        self._send(
            f"{method} {uri} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{self.port};branch={branch};rport\r\n"
            "Max-Forwards: 70\r\n"
            f"From: <sip:{self.user}@127.0.0.1:{self.proxy[1]}>;tag={tag}\r\n"
            f"To: {to}\r\nCall-ID: {call_id}\r\nCSeq: {cseq} {method}\r\n"
            f"Contact: <sip:{self.user}@127.0.0.1:{self.port}>\r\n{extra}Content-Length: 0\r\n\r\n"
        )
        return branch

    def _final(self, call_id: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for answer in self._answers.get(call_id, []):
                    code = answer.split(" ", 2)[1]
                    if code[:1] != "1":
                        return answer
            time.sleep(0.01)
        raise TimeoutError(f"no final answer for {call_id}")

    def register(self, timeout: float = 5.0) -> None:
        call_id = uuid.uuid4().hex + "@raw"
        aor = f"<sip:{self.user}@127.0.0.1:{self.proxy[1]}>"
        self._request("REGISTER", f"sip:127.0.0.1:{self.proxy[1]}", aor, call_id, 1, "Expires: 300\r\n")
        answer = self._final(call_id, timeout)
        if " 200 " not in answer.split("\r\n", 1)[0]:
            raise RuntimeError(f"{self.user} not registered: {answer.splitlines()[0]}")

    def call(self, number: str, timeout: float = 8.0) -> int:
        """Dial ``number``; the final status code (the callee here answers 486)."""
        call_id = uuid.uuid4().hex + "@raw"
        uri = f"sip:{number}@127.0.0.1:{self.proxy[1]}"
        branch = self._request("INVITE", uri, f"<{uri}>", call_id, 1)
        answer = self._final(call_id, timeout)
        # the ACK for a non-2xx answer: same branch, the answer's To (with its tag)
        self._send(
            f"ACK {uri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{self.port};branch={branch};rport\r\n"
            f"Max-Forwards: 70\r\nFrom: {_header(answer, 'From')}\r\nTo: {_header(answer, 'To')}\r\n"
            f"Call-ID: {call_id}\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n"
        )
        return int(answer.split(" ", 2)[1])
