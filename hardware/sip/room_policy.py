"""Keeps the PBX's own DND and class-of-service tables equal to what the console holds (Kamailio).

Kamailio reads two ``htable`` tables in its routing (``dnd`` and ``cos``, see the lab's
``kamailio.cfg.tmpl``); this thread sets them over the JSON-RPC the registrations poll already
uses (``[pbx] registrations_url``). Every few seconds it reads what the PBX holds (``htable.dump``)
and what the console wants (a callable over the database), and sends only the difference, so a
PBX that restarted empty, or a change made at another position or by the PMS, is put right within
one round. A round that fails is logged once and tried again; nothing it reads can end the thread.
"""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any

from switchboard.room_policy import Change, RoomRule, Table, changes

log = logging.getLogger(__name__)

MAX_ANSWER = 8_000_000  # bytes: a dump of 10,000 extensions is well under a megabyte


class PolicyError(Exception):
    """The PBX could not be asked or told (its words, for the log)."""


def _entries(answer: Any) -> dict[str, int]:
    """``htable.dump``'s result: a list of buckets, each with a ``slot`` list of name/value pairs."""
    found: dict[str, int] = {}
    result = answer.get("result") if isinstance(answer, dict) else None
    for bucket in result if isinstance(result, list) else []:
        slots = bucket.get("slot") if isinstance(bucket, dict) else None
        for slot in slots if isinstance(slots, list) else []:
            if not isinstance(slot, dict):
                continue
            name, value = slot.get("name"), slot.get("value")
            if isinstance(name, str) and isinstance(value, int) and not isinstance(value, bool):
                found[name] = value
    return found


class KamailioRoomPolicy:
    """The thread ``pbx-room-policy``: ``start()``, ``nudge()`` after a change here, ``stop()``."""

    def __init__(
        self,
        url: str,
        wanted: Callable[[], Mapping[str, RoomRule]],
        *,
        every_s: float = 2.0,
        on_state: Callable[[bool, str], None] | None = None,
    ) -> None:
        self.url = url
        self._wanted = wanted
        self.every_s = every_s
        self._on_state = on_state or (lambda _ok, _detail: None)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._ok: bool | None = None
        self.rounds = 0  # completed rounds, for tests and the log
        self.sent = 0  # changes sent since start

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="pbx-room-policy", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(5)

    def nudge(self) -> None:
        """Something changed here: the next round now, not at the end of the interval."""
        self._wake.set()

    def call(self, method: str, *params: object) -> Any:
        body = json.dumps({"jsonrpc": "2.0", "method": method, "params": list(params), "id": 1}).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=3) as answer:
                return json.loads(answer.read(MAX_ANSWER))
        except urllib.error.HTTPError as exc:
            if exc.code == 404 and method in ("htable.delete", "htable.dump"):
                return {"result": []}  # no such key / an empty table: nothing there
            raise PolicyError(f"{method}: HTTP {exc.code} {exc.reason}") from exc
        except (OSError, ValueError) as exc:
            raise PolicyError(f"{method}: {exc}") from exc

    def round(self) -> list[Change]:
        """One comparison and the changes it sent."""
        dnd_now = _entries(self.call("htable.dump", Table.DND.value))
        cos_now = _entries(self.call("htable.dump", Table.COS.value))
        todo = changes(self._wanted(), dnd_now, cos_now)
        for change in todo:
            if change.value is None:
                self.call("htable.delete", change.table.value, change.extension)
            else:
                self.call("htable.seti", change.table.value, change.extension, change.value)
            self.sent += 1
        if todo:
            log.info("room policy: %d change(s) sent to the PBX", len(todo))
        self.rounds += 1
        return todo

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.round()
                self._state(True, "")
            except PolicyError as exc:
                self._state(False, str(exc))
            except Exception as exc:  # the database away, or anything else: this round only
                log.exception("room policy round failed")
                self._state(False, f"{type(exc).__name__}: {exc}")
            self._wake.wait(self.every_s)
            self._wake.clear()

    def _state(self, ok: bool, detail: str) -> None:
        if ok == self._ok:
            return
        self._ok = ok
        if ok:
            log.info("room policy: the PBX at %s enforces DND and class of service", self.url)
        else:
            log.warning("room policy: the PBX at %s cannot be told: %s", self.url, detail)
        try:
            self._on_state(ok, detail)
        except Exception:
            log.exception("room policy state not reported")
