"""Fields as wide as their hint: a placeholder says what to type, and one cut short (as Chinese
hints were in narrow fields) says nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

MARGIN = 24  # the frame, the text margins and the clear button's room


def fit_placeholder(*fields: QLineEdit) -> None:
    """Give each field at least the width of its placeholder in the language on screen."""
    for field in fields:
        needed = field.fontMetrics().horizontalAdvance(field.placeholderText()) + MARGIN
        if field.maximumWidth() < needed:
            field.setMaximumWidth(needed)
        field.setMinimumWidth(max(field.minimumWidth(), needed))
