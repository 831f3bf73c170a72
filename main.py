"""The hotel switchboard console.

``python main.py`` starts the console window; ``python main.py --dialler`` the wake-up
dialler process (the console starts it by itself); ``python main.py --smdr-preview FILE
--format NAME`` shows how a call-record capture parses; ``python main.py --verify-log`` checks
the audit trail and the logbook for rows changed outside the console. The wiring lives in the package
``console/``, one module per area; this file only chooses which program runs.
"""

from __future__ import annotations

import signal
import sys


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if "--dialler" in arguments:
        # A stop asked for while the dialler's modules still load (a second or so) ends it cleanly: it has
        # claimed nothing yet. dialler.main() puts its own handler in place as its first step.
        signal.signal(signal.SIGTERM, lambda _n, _f: sys.exit(0))
        import dialler  # the wake-up dialler process, without a window

        return dialler.main(arguments)
    if "--verify-log" in arguments:
        from console.verify_log import main as verify  # the audit trail's tamper check, no window

        return verify(arguments)
    if "--smdr-preview" in arguments:
        from console.smdr_preview import main as preview  # a capture read on the terminal, no window

        return preview(arguments)
    from console.startup import run

    return run(arguments)


if __name__ == "__main__":
    sys.exit(main())
