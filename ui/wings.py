"""A room's wing as the operator reads it. Wings are the hotel's own names, stored as typed; the demo
hotel's (``switchboard.demo_hotel``) have their Chinese here, any other name is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def wing_text(wing: str | None) -> str:
    """The wing in the console's language; "" for none."""
    if not wing:
        return ""
    known = {
        "East wing": QCoreApplication.translate("Wing", "East wing"),
        "West wing": QCoreApplication.translate("Wing", "West wing"),
    }
    return known.get(wing, wing)
