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
from switchboard.duties import Duty, DutyState
from switchboard.shift_figures import ShiftFigures
from switchboard.wakeup_history import WakeUpRecord
from switchboard.wakeup_status import WakeUpStatus


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintLists", text)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def _heading(hotel: str, title: str, printed_at: datetime) -> str:
    printed = _tr("Printed %1").replace("%1", f"{printed_at:%Y-%m-%d %H:%M}")
    return f"<h1>{escape(hotel)} — {escape(title)}</h1><p class='small'>{escape(printed)}</p>"


def wakeup_status_name(status: WakeUpStatus) -> str:
    return {
        WakeUpStatus.BOOKED: _tr("booked"),
        WakeUpStatus.DIALLING: _tr("dialling"),
        WakeUpStatus.RETRY_WAIT: _tr("to be tried again"),
        WakeUpStatus.CONFIRMED: _tr("confirmed"),
        WakeUpStatus.ESCALATED: _tr("NOT ANSWERED"),
        WakeUpStatus.HANDLED: _tr("handled by a person"),
        WakeUpStatus.MANUAL: _tr("on the manual list"),
        WakeUpStatus.HANDED_TO_PBX: _tr("with the PBX"),
        WakeUpStatus.CANCELLED: _tr("cancelled"),
    }[status]


def attempt_result(result: str) -> str:
    return {
        "": _tr("under way"),
        "confirmed": _tr("confirmed"),
        "no_answer": _tr("no answer"),
        "busy": _tr("busy"),
        "failed": _tr("failed"),
        "interrupted": _tr("interrupted"),
        "no_key": _tr("answered, no key"),
        "snoozed": _tr("snoozed"),
    }.get(result, result)


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
            " ".join(p for p in (r.call.outcome, r.call.handled_by) if p),
            r.call.note,
        ]
        for r in records
    ]
    header = [
        _tr("Time"),
        _tr("Room"),
        _tr("Guest"),
        _tr("Result"),
        _tr("Attempts"),
        _tr("Handled"),
        _tr("Note"),
    ]
    title = _tr("Morning calls %1").replace("%1", day)
    count = _tr("%1 calls").replace("%1", str(len(records)))
    return _heading(hotel, title, printed_at) + f"<p>{escape(count)}</p>" + _table(header, rows)


def arrivals_html(arrivals: Sequence[Arrival], hotel: str, printed_at: datetime) -> str:
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
    header = [_tr("Arrives"), _tr("VIP"), _tr("Guest"), _tr("Room"), _tr("Companions"), _tr("Notes")]
    return _heading(hotel, _tr("VIP and expected arrivals"), printed_at) + _table(header, rows)


def duty_state_name(state: DutyState) -> str:
    return {
        DutyState.UPCOMING: _tr("upcoming"),
        DutyState.DUE: _tr("DUE, not done"),
        DutyState.DONE: _tr("done"),
        DutyState.MISSED: _tr("MISSED"),
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
    return [_tr("Due"), _tr("Timed duty"), _tr("State"), _tr("Done by")]


def shift_report_html(
    f: ShiftFigures, duties: Sequence[Duty], hotel: str, printed_at: datetime, *, chinese: bool = False
) -> str:
    operators = _tr("Operators: %1").replace("%1", ", ".join(f.operators) or "—")
    parts = [
        _heading(hotel, _tr("Switchboard shift report"), printed_at),
        f"<p>{escape(f.title)}: {f.since:%Y-%m-%d %H:%M} – {f.until:%Y-%m-%d %H:%M}"
        f"<br>{escape(operators)}</p>",
        f"<h2>{escape(_tr('Calls'))}</h2>",
        _table(
            [
                _tr("Offered"),
                _tr("Answered"),
                _tr("Abandoned"),
                _tr("Within three rings"),
                _tr("Mean time to answer"),
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
        f"<h2>{escape(_tr('Timed duties'))}</h2>",
        _table(duty_header(), duty_rows(duties, chinese=chinese))
        if duties
        else f"<p>{escape(_tr('None.'))}</p>",
        f"<h2>{escape(_tr('Wake-up calls'))}</h2>",
        _table(
            [_tr("Booked"), _tr("Confirmed"), _tr("Tried again"), _tr("Not answered"), _tr("Still open")],
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
        f"<h2>{escape(_tr('Rooms and messages'))}</h2>",
        _table(
            [
                _tr("DND set"),
                _tr("DND cleared"),
                _tr("Messages taken"),
                _tr("Delivered late"),
                _tr("Undelivered"),
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
        parts.append(f"<h2>{escape(_tr('Handover'))}</h2>")
        parts.append(
            _table(
                [_tr("Item"), _tr("Acknowledged by")], [[t, who or "—"] for _k, t, who in f.handover_items]
            )
        )
    if f.log:
        parts.append(f"<h2>{escape(_tr('Logbook'))}</h2>")
        parts.append(
            _table(
                [_tr("Time"), _tr("By"), _tr("Room"), _tr("Entry")],
                [[f"{e.at:%m-%d %H:%M}", e.author, e.room, e.text] for e in f.log],
            )
        )
    return "".join(parts)
