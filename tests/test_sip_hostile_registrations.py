"""The registrations poll reads Kamailio's JSON-RPC ``ul.dump``: a real answer from the lab's Kamailio gives
the registered extensions; an answer that is not a dump (nested past any recursion limit, wrong types, not
JSON, longer than the bound) gives None or nothing, never an exception that would end the poll."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from hardware.sip.registrations import RegistrationPoll
from tests.sip_lab import KamailioLab
from tests.sip_races import RawRoom

HOSTILE = {
    "/deep": b"[" * 200_000 + b"]" * 200_000,
    "/types": b'{"result": {"Domains": 5}}',
    "/wrong": b'{"result": {"Domains": [{"Domain": {"AoRs": [{"Info": {"AoR": 5, "Contacts": [1]}}, 7]}}]}}',
    "/text": b"<html>502 Bad Gateway</html>",
    "/huge": b'{"result": "' + b"x" * 21_000_000 + b'"}',
}


@pytest.fixture
def hostile_rpc() -> Iterator[str]:
    class Answer(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            body = HOSTILE[self.path]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_hostile_answers_never_raise(hostile_rpc: str) -> None:
    answers = {path: RegistrationPoll(hostile_rpc + path, lambda _found: None).ask() for path in HOSTILE}
    assert answers == {"/deep": None, "/types": set(), "/wrong": set(), "/text": None, "/huge": None}


@pytest.mark.sip
def test_kamailio_s_own_answer_names_the_registered_telephone(kamailio: KamailioLab) -> None:
    room = RawRoom(kamailio, "1281", "busy")
    try:
        found = RegistrationPoll(kamailio.rpc_url, lambda _found: None).ask()
        assert found is not None and "1281" in found
    finally:
        room.close()
