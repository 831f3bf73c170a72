"""The evacuation roll-call board: every room of the latest roll-call in the order the fire brigade
needs it (needs help, red, at the top; then no answer, busy ... leaving), the counts above, saved
as CSV or PDF or printed at any moment.

Starting or stopping one takes a duty manager or an administrator typing their password again, in a
panel on the page (not a modal box: the call keys keep working while it is open). The page checks
the password with the user directory and asks the book, which refuses anyone without the
permission; the page only shows what was said. It reads the database every second through a cheap
stamp and reads the rooms again only when the stamp moved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from switchboard.auth import User
from switchboard.errors import ConsoleError
from switchboard.hotel import Actor
from switchboard.roll_call import RollCallRoom, RoomAnswer, Scope, board
from ui import roll_call_print as paper
from ui.errors import explain
from ui.print_job import offer_print
from ui.rows_model import RowsModel
from ui.wings import wing_text


class RollCallHead(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def scope(self) -> Scope: ...
    @property
    def floor(self) -> int | None: ...
    @property
    def wing(self) -> str | None: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def started_by(self) -> str: ...
    @property
    def stopped_at(self) -> datetime | None: ...


class RollCallBook(Protocol):
    """``db.roll_calls.SqlRollCalls``."""

    def start(
        self, scope: Scope, actor: Actor, floor: int | None = None, wing: str | None = None
    ) -> RollCallHead: ...
    def stop(self, actor: Actor) -> RollCallHead | None: ...
    def latest(self) -> RollCallHead | None: ...
    def rooms(self, roll_call_id: int) -> Sequence[RollCallRoom]: ...


class Users(Protocol):
    def authenticate(self, username: str, password: str, position: str = "") -> User: ...


class RollCallPage(QWidget):
    started = Signal(int)  # the roll-call's id: training mode rings it inside the console
    stopped = Signal()

    def __init__(
        self,
        book: RollCallBook,
        stamp: Callable[[], object],
        users: Users,
        signed_in: Callable[[], str],
        position: str,
        now: Callable[[], datetime],
        hotel: str,
        floors: Sequence[int],
        wings: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._book, self._stamp, self._users = book, stamp, users
        self._signed_in, self._position, self._now, self._hotel = signed_in, position, now, hotel
        self._seen: object = None
        self.head: RollCallHead | None = None
        self._stopping = False
        self._unread = False  # the last read failed: the board is as read before
        self.state = QLabel()
        self.state.setObjectName("rollCallState")
        self.counts = QLabel()
        self.counts.setObjectName("rollCallCounts")
        self.counts.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.message = QLabel()
        self.message.setObjectName("rollCallMessage")
        self.message.setWordWrap(True)
        self.start_button = self._button(self.tr("&Start a roll-call…"), "rollCallStart", self.ask_start)
        self.stop_button = self._button(self.tr("S&top the roll-call…"), "rollCallStop", self.ask_stop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch()
        buttons.addWidget(self._button(self.tr("Save as &CSV…"), "rollCallCsv", lambda: self._save("csv")))
        buttons.addWidget(self._button(self.tr("Save as &PDF…"), "rollCallPdf", lambda: self._save("pdf")))
        self.print_button = self._button(self.tr("P&rint…"), "rollCallPrint", self.print_board)
        buttons.addWidget(self.print_button)
        self.panel = self._build_panel(floors, wings)
        words = paper.answer_words()
        self.model: RowsModel[RollCallRoom] = RowsModel(
            paper.headers(),
            lambda r: paper.cells(r, words, self._now().tzinfo),
            lambda r: paper.NEEDS_HELP_RED if r.answer is RoomAnswer.NEEDS_HELP else "",
            self,
        )
        self.view = QTableView()
        self.view.setObjectName("rollCallBoard")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(paper.GUESTS_COLUMN, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.counts)
        layout.addLayout(buttons)
        layout.addWidget(self.panel)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.dialog: QWidget | None = None  # the save or print dialog beside the console
        self.refresh()

    def title(self) -> str:
        return self.tr("Roll-call")

    def _button(self, text: str, name: str, handler: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(handler)
        return button

    def _build_panel(self, floors: Sequence[int], wings: Sequence[str]) -> QFrame:
        panel = QFrame()
        panel.setObjectName("rollCallPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panel_title = QLabel()
        self.panel_title.setStyleSheet("font-weight: bold")
        self.user = QLineEdit()
        self.user.setObjectName("rollCallUser")
        self.password = QLineEdit()
        self.password.setObjectName("rollCallPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.confirm)
        self.scope = QComboBox()
        self.scope.setObjectName("rollCallScope")
        self.scope.addItem(self.tr("The whole house"), None)
        for floor in sorted(set(floors)):
            self.scope.addItem(self.tr("Floor %1").replace("%1", str(floor)), floor)
        for wing in sorted(set(wings)):  # the text kept as data: the book finds the rooms by it
            self.scope.addItem(wing_text(wing), wing)
        self.scope_label = QLabel(self.tr("R&ooms"))
        self.scope_label.setBuddy(self.scope)
        form = QFormLayout()
        form.addRow(self.tr("Duty manager's &user name"), self.user)
        form.addRow(self.tr("Pass&word"), self.password)
        form.addRow(self.scope_label, self.scope)
        self.confirm_button = self._button("", "rollCallConfirm", self.confirm)
        cancel = self._button(self.tr("Cancel"), "rollCallCancel", self.close_panel)
        self.panel_message = QLabel()
        self.panel_message.setObjectName("rollCallPanelMessage")
        self.panel_message.setStyleSheet("color: #b00020")
        row = QHBoxLayout()
        row.addWidget(self.confirm_button)
        row.addWidget(cancel)
        row.addWidget(self.panel_message, 1)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.panel_title)
        layout.addLayout(form)
        layout.addLayout(row)
        panel.hide()
        return panel

    # ------------------------------------------------------------ starting and stopping

    def ask_start(self) -> None:
        self._open_panel(stopping=False)

    def ask_stop(self) -> None:
        self._open_panel(stopping=True)

    def _open_panel(self, *, stopping: bool) -> None:
        self._stopping = stopping
        if stopping:
            self.panel_title.setText(self.tr("Stop the roll-call: a duty manager types their password again"))
            self.confirm_button.setText(self.tr("Stop &it"))
        else:
            self.panel_title.setText(self.tr("Start a roll-call: a duty manager types their password again"))
            self.confirm_button.setText(self.tr("Start rin&ging"))
        self.scope.setVisible(not stopping)
        self.scope_label.setVisible(not stopping)
        self.user.setText(self._signed_in())
        self.password.clear()
        self.panel_message.clear()
        self.panel.show()
        (self.password if self.user.text() else self.user).setFocus(Qt.FocusReason.OtherFocusReason)

    def close_panel(self) -> None:
        self.password.clear()
        self.panel.hide()

    def confirm(self) -> None:
        password = self.password.text()
        self.password.clear()
        self.panel_message.clear()
        try:
            user = self._users.authenticate(self.user.text().strip(), password, self._position)
            actor = Actor(user=user.username, position=self._position, role=user.role)
            if self._stopping:
                self._book.stop(actor)
            else:
                chosen = self._scope_chosen()
                if isinstance(chosen, str):
                    call = self._book.start(Scope.WING, actor, wing=chosen)
                else:
                    call = self._book.start(Scope.HOUSE if chosen is None else Scope.FLOOR, actor, chosen)
        except ConsoleError as exc:
            self.panel_message.setText(self._said(exc))
            return
        self.panel.hide()
        self.refresh()
        if self._stopping:
            self.stopped.emit()
        else:
            self.started.emit(call.id)

    def _scope_chosen(self) -> int | str | None:
        """None for the whole house, a floor's number, or a wing's name."""
        data = self.scope.currentData()
        return data if isinstance(data, int | str) else None

    def _said(self, error: ConsoleError) -> str:
        """The roll-call book's refusals in the operator's language; the rest as the console words them."""
        wording = {
            "rollcall.running": self.tr("A roll-call is already running: stop it first."),
            "rollcall.floor": self.tr("Choose the floor."),
            "rollcall.wing": self.tr("Choose the wing."),
        }
        return wording.get(error.key) or explain(error)

    # ------------------------------------------------------------ the board

    def refresh(self) -> None:
        """Read the stamp; read the roll-call again only when it moved."""
        try:
            stamp = self._stamp()
            if stamp != self._seen:
                head = self._book.latest()
                rooms = self._book.rooms(head.id) if head is not None else []
                self._seen, self.head = stamp, head
                self.model.set_rows(board(rooms))
        except ConsoleError as exc:  # the board stays as last read, and says so
            self.message.setText(explain(exc))
            self._unread = True
            return
        if self._unread:  # the database answers again
            self.message.clear()
            self._unread = False
        self._show_state()

    def rooms(self) -> list[RollCallRoom]:
        return self.model.rows()

    def _show_state(self) -> None:
        head, running = self.head, self.head is not None and self.head.stopped_at is None
        if head is None:
            self.state.setText(self.tr("No roll-call has been started."))
            self.counts.clear()
        else:
            self.state.setText(self.subtitle())
            self.counts.setText(paper.counts_text(self.rooms()))
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)

    def scope_text(self) -> str:
        if self.head is None or self.head.scope is Scope.HOUSE:
            return self.tr("The whole house")
        if self.head.scope is Scope.WING:
            return wing_text(self.head.wing or "")
        return self.tr("Floor %1").replace("%1", str(self.head.floor))

    def subtitle(self) -> str:
        head = self.head
        assert head is not None
        zone = self._now().tzinfo
        stopped = head.stopped_at.astimezone(zone) if head.stopped_at is not None else None
        return paper.subtitle_text(
            head.started_at.astimezone(zone), head.started_by, self.scope_text(), stopped, self._now()
        )

    def paper_title(self) -> str:
        title = self.tr("Evacuation roll-call")
        return f"{self._hotel} — {title}" if self._hotel else title

    # ------------------------------------------------------------ paper and files

    def write_csv(self, path: Path) -> bool:
        def write() -> None:
            path.write_text(paper.csv_text(self.rooms(), self._now().tzinfo), encoding="utf-8-sig")

        return self._write(write, path)

    def write_pdf(self, path: Path) -> bool:
        def write() -> None:
            subtitle = self.subtitle() if self.head else ""
            paper.write_pdf(path, self.rooms(), self.paper_title(), subtitle, self._now().tzinfo)

        return self._write(write, path)

    def html(self) -> str:
        subtitle = self.subtitle() if self.head else ""
        return paper.board_html(self.rooms(), self.paper_title(), subtitle, self._now().tzinfo)

    def _write(self, write: Callable[[], object], path: Path) -> bool:
        self.refresh()  # what the database says now, not a second ago
        try:
            write()
        except OSError as exc:
            self.message.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return False
        self.message.setText(self.tr("Saved %1").replace("%1", str(path)))
        return True

    def _save(self, kind: str) -> None:
        """A save dialog beside the console (not modal: F5 still answers)."""
        name = f"roll-call-{self._now():%Y%m%d-%H%M}.{kind}"
        dialog = QFileDialog(self, self.tr("Save the roll-call"), str(Path.home() / name))
        dialog.setObjectName("rollCallSaveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("PDF files (*.pdf)"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        write = self.write_csv if kind == "csv" else self.write_pdf
        dialog.fileSelected.connect(lambda chosen: write(Path(chosen)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()

    def print_board(self) -> None:
        self.refresh()
        self.dialog = offer_print(
            self, self.tr("Print the roll-call"), self.html, self._printed, landscape=True
        )

    def _printed(self, error: str) -> None:
        self.message.setText(self.tr("Not printed: %1").replace("%1", error) if error else self.tr("Printed"))
