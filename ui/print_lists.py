"""The printed lists as HTML for ``ui.print_job``: the morning-call list, the VIP and arrivals list
and the shift report, in the console's language.

A privacy guest's name never stands next to their room number on paper: the morning-call list
prints a dash for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from switchboard.board import Arrival
from switchboard.desk import RoomView
from switchboard.duties import Duty, DutyState
from switchboard.shift_figures import ShiftFigures
from switchboard.wakeup_history import WakeUpRecord
from switchboard.wakeup_status import WakeUpStatus


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def _h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _heading(hotel: str, title: str, printed_at: datetime) -> str:
    printed = QCoreApplication.translate("PrintLists", "Printed %1").replace(
        "%1", f"{printed_at:%Y-%m-%d %H:%M}"
    )
    return f"<h1>{escape(hotel)} — {escape(title)}</h1><p class='small'>{escape(printed)}</p>"


def wakeup_status_name(status: WakeUpStatus) -> str:
    return {
        WakeUpStatus.BOOKED: QCoreApplication.translate("PrintLists", "booked"),
        WakeUpStatus.DIALLING: QCoreApplication.translate("PrintLists", "dialling"),
        WakeUpStatus.RETRY_WAIT: QCoreApplication.translate("PrintLists", "to be tried again"),
        WakeUpStatus.CONFIRMED: QCoreApplication.translate("PrintLists", "confirmed"),
        WakeUpStatus.ESCALATED: QCoreApplication.translate("PrintLists", "NOT ANSWERED"),
        WakeUpStatus.HANDLED: QCoreApplication.translate("PrintLists", "handled by a person"),
        WakeUpStatus.MANUAL: QCoreApplication.translate("PrintLists", "on the manual list"),
        WakeUpStatus.HANDED_TO_PBX: QCoreApplication.translate("PrintLists", "with the PBX"),
        WakeUpStatus.CANCELLED: QCoreApplication.translate("PrintLists", "cancelled"),
    }[status]


def attempt_result(result: str) -> str:
    return {
        "": QCoreApplication.translate("PrintLists", "under way"),
        "confirmed": QCoreApplication.translate("PrintLists", "confirmed"),
        "no_answer": QCoreApplication.translate("PrintLists", "no answer"),
        "busy": QCoreApplication.translate("PrintLists", "busy"),
        "failed": QCoreApplication.translate("PrintLists", "failed"),
        "interrupted": QCoreApplication.translate("PrintLists", "interrupted"),
        "no_key": QCoreApplication.translate("PrintLists", "answered, no key"),
        "snoozed": QCoreApplication.translate("PrintLists", "snoozed"),
    }.get(result, result)


RESULT_VALUES = ("confirmed", "no_answer", "busy", "failed", "interrupted", "no_key", "snoozed")


def outcome_text(record: WakeUpRecord) -> str:
    """What closed the call: the dialler's last result in words, or what the person wrote, and who."""
    outcome = record.call.outcome
    said = attempt_result(outcome) if outcome in RESULT_VALUES else outcome
    return " ".join(p for p in (said, record.call.handled_by) if p)


def attempts_text(record: WakeUpRecord) -> str:
    return "; ".join(f"{a.started_at:%H:%M} {attempt_result(a.result)}" for a in record.attempts)


def morning_calls_html(records: Sequence[WakeUpRecord], hotel: str, day: str, printed_at: datetime) -> str:
    rows = [
        [
            f"{r.call.due_at:%H:%M}",
            r.call.room,
            "—" if r.private else r.call.guest,
            wakeup_status_name(r.call.status),
            attempts_text(r),
            outcome_text(r),
            r.call.note,
        ]
        for r in records
    ]
    header = [
        QCoreApplication.translate("PrintLists", "Time"),
        QCoreApplication.translate("PrintLists", "Room"),
        QCoreApplication.translate("PrintLists", "Guest"),
        QCoreApplication.translate("PrintLists", "Result"),
        QCoreApplication.translate("PrintLists", "Attempts"),
        QCoreApplication.translate("PrintLists", "Handled"),
        QCoreApplication.translate("PrintLists", "Note"),
    ]
    title = QCoreApplication.translate("PrintLists", "Morning calls %1").replace("%1", day)
    count = QCoreApplication.translate("PrintLists", "%1 calls").replace("%1", str(len(records)))
    return _heading(hotel, title, printed_at) + f"<p>{escape(count)}</p>" + _table(header, rows)


def arrivals_html(
    arrivals: Sequence[Arrival], hotel: str, printed_at: datetime, in_house: Sequence[RoomView] = ()
) -> str:
    """Today's and tomorrow's arrivals, then the VIPs in house (a privacy guest by room only)."""
    rows = [
        [
            f"{a.arrival:%m-%d}",
            "★" * a.vip_level,
            f"{a.name} {a.title}".strip(),
            a.room or "-",
            a.companions,
            a.note,
        ]
        for a in arrivals
    ]
    header = [
        QCoreApplication.translate("PrintLists", "Arrives"),
        QCoreApplication.translate("PrintLists", "VIP"),
        QCoreApplication.translate("PrintLists", "Guest"),
        QCoreApplication.translate("PrintLists", "Room"),
        QCoreApplication.translate("PrintLists", "Companions"),
        QCoreApplication.translate("PrintLists", "Notes"),
    ]
    page = _heading(
        hotel, QCoreApplication.translate("PrintLists", "VIP and expected arrivals"), printed_at
    ) + _table(header, rows)
    if in_house:
        vips = [
            [r.number, "★" * r.vip_level, "—" if r.privacy else f"{r.guest} {r.title}".strip()]
            for r in sorted(in_house, key=lambda r: (-r.vip_level, r.number))
            if r.vip_level
        ]
        page += _h2(QCoreApplication.translate("PrintLists", "VIPs in house"))
        page += _table(
            [
                QCoreApplication.translate("PrintLists", "Room"),
                QCoreApplication.translate("PrintLists", "VIP"),
                QCoreApplication.translate("PrintLists", "Guest"),
            ],
            vips,
        )
    return page


def duty_state_name(state: DutyState) -> str:
    return {
        DutyState.UPCOMING: QCoreApplication.translate("PrintLists", "upcoming"),
        DutyState.DUE: QCoreApplication.translate("PrintLists", "DUE, not done"),
        DutyState.DONE: QCoreApplication.translate("PrintLists", "done"),
        DutyState.MISSED: QCoreApplication.translate("PrintLists", "MISSED"),
    }[state]


def duty_rows(duties: Sequence[Duty], *, chinese: bool) -> list[list[str]]:
    return [
        [
            f"{d.due_at:%H:%M}",
            d.name_zh if chinese and d.name_zh else d.name,
            duty_state_name(d.state),
            f"{d.done_by} {d.done_at:%H:%M}" if d.done_at else "",
        ]
        for d in duties
    ]


def duty_header() -> list[str]:
    return [
        QCoreApplication.translate("PrintLists", "Due"),
        QCoreApplication.translate("PrintLists", "Timed duty"),
        QCoreApplication.translate("PrintLists", "State"),
        QCoreApplication.translate("PrintLists", "Done by"),
    ]


def shift_report_html(
    f: ShiftFigures, duties: Sequence[Duty], hotel: str, printed_at: datetime, *, chinese: bool = False
) -> str:
    operators = QCoreApplication.translate("PrintLists", "Operators: %1").replace(
        "%1", ", ".join(f.operators) or "—"
    )
    parts = [
        _heading(hotel, QCoreApplication.translate("PrintLists", "Switchboard shift report"), printed_at),
        f"<p>{escape(f.title)}: {f.since:%Y-%m-%d %H:%M} – {f.until:%Y-%m-%d %H:%M}"
        f"<br>{escape(operators)}</p>",
        _h2(QCoreApplication.translate("PrintLists", "Calls")),
        _table(
            [
                QCoreApplication.translate("PrintLists", "Offered"),
                QCoreApplication.translate("PrintLists", "Answered"),
                QCoreApplication.translate("PrintLists", "Abandoned"),
                QCoreApplication.translate("PrintLists", "Within three rings"),
                QCoreApplication.translate("PrintLists", "Mean time to answer"),
            ],
            [
                [
                    str(f.calls_offered),
                    str(f.calls_answered),
                    str(f.calls_abandoned),
                    f"{f.answered_within_three_rings} ({f.three_ring_share:.0%})",
                    f"{f.mean_answer_s:.1f} s",
                ]
            ],
        ),
        _h2(QCoreApplication.translate("PrintLists", "Timed duties")),
        _table(duty_header(), duty_rows(duties, chinese=chinese))
        if duties
        else _p(QCoreApplication.translate("PrintLists", "None.")),
        _h2(QCoreApplication.translate("PrintLists", "Wake-up calls")),
        _table(
            [
                QCoreApplication.translate("PrintLists", "Booked"),
                QCoreApplication.translate("PrintLists", "Confirmed"),
                QCoreApplication.translate("PrintLists", "Tried again"),
                QCoreApplication.translate("PrintLists", "Not answered"),
                QCoreApplication.translate("PrintLists", "Still open"),
            ],
            [
                [
                    str(f.wakeups_booked),
                    str(f.wakeups_confirmed),
                    str(f.wakeups_retried),
                    str(f.wakeups_escalated),
                    str(f.wakeups_open),
                ]
            ],
        ),
        _h2(QCoreApplication.translate("PrintLists", "Rooms and messages")),
        _table(
            [
                QCoreApplication.translate("PrintLists", "DND set"),
                QCoreApplication.translate("PrintLists", "DND cleared"),
                QCoreApplication.translate("PrintLists", "Messages taken"),
                QCoreApplication.translate("PrintLists", "Delivered late"),
                QCoreApplication.translate("PrintLists", "Undelivered"),
            ],
            [
                [
                    str(f.dnd_set),
                    str(f.dnd_cleared),
                    str(f.messages_taken),
                    str(f.messages_delivered_late),
                    str(f.messages_undelivered),
                ]
            ],
        ),
    ]
    if f.handover_items:
        parts.append(_h2(QCoreApplication.translate("PrintLists", "Handover")))
        parts.append(
            _table(
                [
                    QCoreApplication.translate("PrintLists", "Item"),
                    QCoreApplication.translate("PrintLists", "Acknowledged by"),
                ],
                [[t, who or "—"] for _k, t, who in f.handover_items],
            )
        )
    if f.log:
        parts.append(_h2(QCoreApplication.translate("PrintLists", "Logbook")))
        parts.append(
            _table(
                [
                    QCoreApplication.translate("PrintLists", "Time"),
                    QCoreApplication.translate("PrintLists", "By"),
                    QCoreApplication.translate("PrintLists", "Room"),
                    QCoreApplication.translate("PrintLists", "Entry"),
                ],
                [[f"{e.at:%m-%d %H:%M}", e.author, e.room, e.text] for e in f.log],
            )
        )
    return "".join(parts)
