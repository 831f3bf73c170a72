"""The printed shift report: a PDF a duty manager signs (reportlab).

Every label goes through Qt's translator, so the report comes out in the
console's language; Chinese names and notes render with a CJK font.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from switchboard.duties import Duty
from switchboard.shift_figures import ANSWER_BUCKETS, ShiftFigures
from ui.print_lists import duty_header, duty_rows
from ui.report_chart import calls_per_hour_chart
from ui.shift_report_emergencies import emergency_calls

FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)
FONT = "ReportCJK"
LOG_LINES = 400  # the rest is in the logbook export


def cjk_font() -> str:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    for path in FONT_FILES:
        if path.exists():
            pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
            return FONT
    return "Helvetica"  # no CJK font installed: Latin text still prints


def category_name(value: str) -> str:
    names = {
        "enquiry": QCoreApplication.translate("ShiftReport", "Enquiry"),
        "transfer": QCoreApplication.translate("ShiftReport", "Transfer"),
        "service": QCoreApplication.translate("ShiftReport", "Service request"),
        "message": QCoreApplication.translate("ShiftReport", "Message"),
        "wakeup": QCoreApplication.translate("ShiftReport", "Wake-up"),
        "complaint": QCoreApplication.translate("ShiftReport", "Complaint"),
        "emergency": QCoreApplication.translate("ShiftReport", "Emergency"),
        "guest_request": QCoreApplication.translate("ShiftReport", "Guest request"),
        "maintenance": QCoreApplication.translate("ShiftReport", "Maintenance"),
        "security": QCoreApplication.translate("ShiftReport", "Security"),
        "vip": QCoreApplication.translate("ShiftReport", "VIP"),
        "other": QCoreApplication.translate("ShiftReport", "Other"),
    }
    return names.get(value, value)


def result_words() -> dict[str, str]:
    """Wake-up results and statuses in the reader's language."""
    return {
        "confirmed": QCoreApplication.translate("ShiftReport", "confirmed"),
        "snoozed": QCoreApplication.translate("ShiftReport", "snoozed"),
        "no_key": QCoreApplication.translate("ShiftReport", "no key"),
        "no_answer": QCoreApplication.translate("ShiftReport", "no answer"),
        "busy": QCoreApplication.translate("ShiftReport", "busy"),
        "failed": QCoreApplication.translate("ShiftReport", "failed"),
        "interrupted": QCoreApplication.translate("ShiftReport", "interrupted"),
        "escalated": QCoreApplication.translate("ShiftReport", "escalated"),
        "handled": QCoreApplication.translate("ShiftReport", "handled"),
        "manual": QCoreApplication.translate("ShiftReport", "on the manual list"),
        "cancelled": QCoreApplication.translate("ShiftReport", "cancelled"),
    }


def wakeup_log(f: ShiftFigures, font: str, h2: ParagraphStyle, small: ParagraphStyle) -> list[Flowable]:
    """The wake-up calls that needed more than one attempt or a person: each attempt, who handled it."""
    if not f.wakeup_log:
        return []
    rows: list[list[object]] = [
        [
            QCoreApplication.translate("ShiftReport", "Due"),
            QCoreApplication.translate("ShiftReport", "Room"),
            QCoreApplication.translate("ShiftReport", "Attempts"),
            QCoreApplication.translate("ShiftReport", "End"),
            QCoreApplication.translate("ShiftReport", "Handled by"),
        ]
    ]
    words = result_words()
    for line in f.wakeup_log:
        handled = f"{line.handled_by}: {line.outcome}" if line.handled_by else ""
        tried = ", ".join(f"{at:%H:%M} {words.get(result, result or '…')}" for at, result in line.attempts)
        rows.append(
            [
                f"{line.due_at:%H:%M}",
                line.room,
                Paragraph(escape(tried), small),
                words.get(line.status, line.status),
                Paragraph(escape(handled), small),
            ]
        )
    title = QCoreApplication.translate(
        "ShiftReport", "Wake-up calls that needed more than one attempt or a person"
    )
    return [
        Paragraph(escape(title), h2),
        pdf_table(rows, [14 * mm, 14 * mm, 74 * mm, 22 * mm, 54 * mm], font, numbers=False),
    ]


def guest_calls(f: ShiftFigures, font: str, h2: ParagraphStyle) -> list[Flowable]:
    """Calls out from the rooms and what they cost, from the PBX's call records; nothing without them."""
    if not f.room_calls_out:
        return []
    return [
        Paragraph(QCoreApplication.translate("ShiftReport", "Guest calls (PBX call records)"), h2),
        pdf_table(
            [
                [QCoreApplication.translate("ShiftReport", "Calls out from rooms"), str(f.room_calls_out)],
                [
                    QCoreApplication.translate("ShiftReport", "Call charges"),
                    f"{f.room_charges_cents // 100:,}.{f.room_charges_cents % 100:02d}",
                ],
                [
                    QCoreApplication.translate("ShiftReport", "Charges not accepted by the PMS yet"),
                    str(f.charges_not_posted),
                ],
            ],
            [70 * mm, 35 * mm],
            font,
            header=False,
        ),
    ]


def pdf_table(
    rows: Sequence[Sequence[object]],
    widths: list[float],
    font: str,
    header: bool = True,
    numbers: bool = True,
) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), font, 9),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9e9e9e")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if numbers:
        style += [("ALIGN", (1, 0), (-1, -1), "RIGHT")]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3e8ef"))]
    table.setStyle(TableStyle(style))
    return table


def render(
    figures: ShiftFigures,
    path: Path,
    hotel: str,
    printed_at: datetime,
    duties: Sequence[Duty] = (),
    *,
    chinese: bool = False,
    foot: str = "",
) -> Path:
    """The report as a PDF; ``foot``, a line under every page's footer (the chains' heads)."""
    font = cjk_font()
    h1 = ParagraphStyle("h1", fontName=font, fontSize=16, leading=20, spaceAfter=4)
    h2 = ParagraphStyle("h2", fontName=font, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    small = ParagraphStyle("small", fontName=font, fontSize=8, leading=10)
    f = figures
    story: list[object] = [
        Paragraph(
            escape(hotel + " — " + QCoreApplication.translate("ShiftReport", "Switchboard shift report")), h1
        ),
        Paragraph(escape(f"{f.title}: {f.since:%Y-%m-%d %H:%M} – {f.until:%Y-%m-%d %H:%M}"), body),
        Paragraph(
            escape(
                QCoreApplication.translate("ShiftReport", "Operators: %1").replace(
                    "%1", ", ".join(f.operators) or "—"
                )
            ),
            body,
        ),
        Paragraph(
            escape(
                QCoreApplication.translate("ShiftReport", "Printed %1").replace(
                    "%1", f"{printed_at:%Y-%m-%d %H:%M}"
                )
            ),
            body,
        ),
        Paragraph(QCoreApplication.translate("ShiftReport", "Calls"), h2),
        pdf_table(
            [
                [QCoreApplication.translate("ShiftReport", "Offered"), str(f.calls_offered)],
                [QCoreApplication.translate("ShiftReport", "Answered"), str(f.calls_answered)],
                [QCoreApplication.translate("ShiftReport", "Abandoned"), str(f.calls_abandoned)],
                [
                    QCoreApplication.translate("ShiftReport", "Answered within three rings"),
                    f"{f.answered_within_three_rings} ({f.three_ring_share:.0%})",
                ],
                [
                    QCoreApplication.translate("ShiftReport", "Mean time to answer"),
                    f"{f.mean_answer_s:.1f} s",
                ],
            ],
            [70 * mm, 35 * mm],
            font,
            header=False,
        ),
        Spacer(1, 3 * mm),
        calls_per_hour_chart(f, font),
    ]
    bounds = [f"≤ {b} s" for b in ANSWER_BUCKETS] + [f"> {ANSWER_BUCKETS[-1]} s"]
    story += [
        Paragraph(QCoreApplication.translate("ShiftReport", "Time to answer"), h2),
        pdf_table(
            [
                [QCoreApplication.translate("ShiftReport", "Waited"), *bounds],
                [QCoreApplication.translate("ShiftReport", "Calls"), *map(str, f.answer_buckets)],
            ],
            [30 * mm] + [20 * mm] * len(bounds),
            font,
        ),
        Paragraph(QCoreApplication.translate("ShiftReport", "Call categories"), h2),
        pdf_table(
            [
                [
                    QCoreApplication.translate("ShiftReport", "Category"),
                    QCoreApplication.translate("ShiftReport", "Calls"),
                ],
                *[[category_name(c), str(n)] for c, n in f.categories],
            ]
            if f.categories
            else [
                [
                    QCoreApplication.translate("ShiftReport", "Category"),
                    QCoreApplication.translate("ShiftReport", "Calls"),
                ],
                ["—", "0"],
            ],
            [70 * mm, 35 * mm],
            font,
        ),
        *guest_calls(f, font, h2),
        Paragraph(QCoreApplication.translate("ShiftReport", "Timed duties"), h2),
        pdf_table(
            [duty_header(), *duty_rows(duties, chinese=chinese)], [20 * mm, 80 * mm, 35 * mm, 40 * mm], font
        )
        if duties
        else Paragraph("—", body),
        Paragraph(QCoreApplication.translate("ShiftReport", "Wake-up calls, DND and messages"), h2),
        pdf_table(
            [
                [QCoreApplication.translate("ShiftReport", "Wake-up calls booked"), str(f.wakeups_booked)],
                [
                    QCoreApplication.translate("ShiftReport", "Confirmed by the guest"),
                    str(f.wakeups_confirmed),
                ],
                [
                    QCoreApplication.translate("ShiftReport", "Needed more than one attempt"),
                    str(f.wakeups_retried),
                ],
                [
                    QCoreApplication.translate("ShiftReport", "Escalated to a person"),
                    str(f.wakeups_escalated),
                ],
                [QCoreApplication.translate("ShiftReport", "Still open"), str(f.wakeups_open)],
                [
                    QCoreApplication.translate("ShiftReport", "DND set / cleared"),
                    f"{f.dnd_set} / {f.dnd_cleared}",
                ],
                [QCoreApplication.translate("ShiftReport", "Messages taken"), str(f.messages_taken)],
                [
                    QCoreApplication.translate("ShiftReport", "Delivered after 30 minutes"),
                    str(f.messages_delivered_late),
                ],
                [QCoreApplication.translate("ShiftReport", "Not delivered"), str(f.messages_undelivered)],
            ],
            [70 * mm, 35 * mm],
            font,
            header=False,
        ),
        *wakeup_log(f, font, h2, small),
        *emergency_calls(f, font, h2, small, pdf_table),
        Paragraph(
            escape(
                QCoreApplication.translate("ShiftReport", "Logbook: %1 entries, %2 follow-ups open")
                .replace("%1", str(f.logbook_entries))
                .replace("%2", str(f.open_follow_ups))
            ),
            h2,
        ),
    ]
    rows = [
        [
            QCoreApplication.translate("ShiftReport", "Time"),
            QCoreApplication.translate("ShiftReport", "By"),
            QCoreApplication.translate("ShiftReport", "Category"),
            QCoreApplication.translate("ShiftReport", "Room"),
            QCoreApplication.translate("ShiftReport", "Entry"),
        ]
    ]
    for line in f.log[:LOG_LINES]:
        mark = " ●" if line.open_follow_up else ""
        rows.append(
            [
                f"{line.at:%H:%M}",
                line.author,
                line.category,
                line.room,
                Paragraph(escape(line.text) + mark, small),
            ]
        )
    story.append(pdf_table(rows, [14 * mm, 22 * mm, 26 * mm, 14 * mm, 102 * mm], font, numbers=False))
    if len(f.log) > LOG_LINES:
        story.append(
            Paragraph(
                escape(
                    QCoreApplication.translate("ShiftReport", "…and %1 more entries").replace(
                        "%1", str(len(f.log) - LOG_LINES)
                    )
                ),
                body,
            )
        )
    story.append(Paragraph(QCoreApplication.translate("ShiftReport", "Handover"), h2))
    if f.handover_items:
        hrows = [
            [
                QCoreApplication.translate("ShiftReport", "Item"),
                QCoreApplication.translate("ShiftReport", "Acknowledged by"),
            ]
        ]
        hrows += [[Paragraph(escape(text), small), who or "—"] for _k, text, who in f.handover_items]
        story.append(pdf_table(hrows, [140 * mm, 38 * mm], font, numbers=False))
    else:
        story.append(Paragraph(QCoreApplication.translate("ShiftReport", "No handover was composed."), body))
    story += [
        Spacer(1, 14 * mm),
        pdf_table(
            [
                [
                    QCoreApplication.translate("ShiftReport", "Operator"),
                    "",
                    QCoreApplication.translate("ShiftReport", "Duty manager"),
                    "",
                ]
            ],
            [25 * mm, 60 * mm, 30 * mm, 60 * mm],
            font,
            header=False,
        ),
    ]
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"{hotel} {f.title}",
    )
    footer = f"{hotel} · {f.title}"

    def page_footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.setFont(font, 7)
        canvas.drawString(16 * mm, 8 * mm, footer)
        if foot:
            canvas.drawString(16 * mm, 5 * mm, foot)
        canvas.drawRightString(
            A4[0] - 16 * mm,
            8 * mm,
            QCoreApplication.translate("ShiftReport", "Page %1").replace("%1", str(document.page)),
        )

    doc.build(story, onFirstPage=page_footer, onLaterPages=page_footer)
    return path
