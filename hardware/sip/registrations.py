"""Which extensions have a telephone registered, read from the PBX, so a lamp can say "unregistered".

A dialog subscription cannot tell an idle telephone from one that is unplugged: both have no dialog.
Kamailio's registrar can, through its JSON-RPC over HTTP (``ul.dump``, ``[pbx] registrations_url``
such as ``http://pbx.hotel.lan:5071/RPC``). A poll every few seconds on its own supervised thread; the set
goes to the callback, or None when the PBX could not be asked or answered something that is not a dump
(lamps then keep what they show). The answer is bounded (20 MB) and read only where it has the shape.
"""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from hardware.sip.supervised import Supervised

log = logging.getLogger(__name__)


def registered_in(dump: Any) -> set[str]:
    """The user parts of every AoR with at least one contact in a ``ul.dump`` answer."""
    found: set[str] = set()
    result = dump.get("result", {}) if isinstance(dump, dict) else {}
    for domain in _list(result.get("Domains") if isinstance(result, dict) else None):
        table = domain.get("Domain", {}) if isinstance(domain, dict) else {}
        for aor in _list(table.get("AoRs") if isinstance(table, dict) else None):
            info = aor.get("Info", {}) if isinstance(aor, dict) else {}
            name = info.get("AoR") if isinstance(info, dict) else None
            if isinstance(name, str) and info.get("Contacts"):
                found.add(name[:200].split("@", 1)[0].removeprefix("sip:"))
    return found


def _list(value: Any) -> list[Any]:
    """A JSON array, or nothing: whatever else the answer holds there is not read."""
    return value if isinstance(value, list) else []


class RegistrationPoll:
    def __init__(self, url: str, report: Callable[[set[str] | None], None], every_s: float = 5.0) -> None:
        self.url = url
        self.report = report
        self.every_s = every_s
        self._stop = threading.Event()
        self._thread: Supervised | None = None
        self._failing = False

    def start(self) -> None:
        self._thread = Supervised("pbx-registrations", self._run, died=self._died)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.stop(5)

    def _died(self, why: str) -> None:
        log.error("registrations: the poll stopped on an error and starts again (%s)", why)

    def ask(self) -> set[str] | None:
        body = json.dumps({"jsonrpc": "2.0", "method": "ul.dump", "id": 1}).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=3) as answer:
                found = registered_in(json.loads(answer.read(20_000_000)))
        except (OSError, ValueError, RecursionError, urllib.error.URLError) as exc:
            if not self._failing:
                log.warning("registrations: the PBX at %s did not answer: %s", self.url, exc)
            self._failing = True
            return None
        self._failing = False
        return found

    def _run(self) -> None:
        while not self._stop.is_set():
            self.report(self.ask())
            self._stop.wait(self.every_s)
