"""The start-up's objects set aside from the garbage collector's full passes.

A full collection walks every object the process holds, with the interpreter's lock held: with
SQLAlchemy, Qt's wrappers, the pages and the lamp field loaded that is some hundred thousand objects
and 50-60 ms on an idle machine (several hundred under load), and any thread's allocations (a shift
report read on a worker) can set one off, so the GUI thread stops for that long whichever thread
triggered it. Once the console is composed, what it made at start lives as long as the console:
collected once and then frozen (``gc.freeze``), those objects are left out of every later pass,
which then walks only what was made since (measured on a busy night's report: 55-60 ms down to
about 9 ms)."""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def settle_heap() -> int:
    """Collect what the start left behind, then freeze the rest; the number of objects frozen."""
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    log.info("start-up objects frozen for the garbage collector: %d", frozen)
    return frozen
