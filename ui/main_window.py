"""The console's main window: the attendant column (queue, caller, directory)
on the left, the lamp field and the other pages as tabs on the right, link
states in the status bar, and a banner that never lets anyone forget they are
in training.

Pages come from ``main.py`` through ``add_page``; each gets a key, listed in
the Go menu and the keyboard sheet, so everything is reachable without a mouse.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from switchboard.clock import Clock
from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus, PbxEvent
from ui.legend import Legend
from ui.signed_out_cover import SignedOutCover

LINK_COLOURS = {
    LinkStatus.UP: "#2e7d32",
    LinkStatus.CONNECTING: "#f0a020",
    LinkStatus.DOWN: "#c62828",
    LinkStatus.TRAINING: "#1e63b5",
    LinkStatus.DISABLED: "#757575",
}


def _key_text(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class LinkLamp(QLabel):
    """One link's state in the status bar: a coloured dot, the link's name and a word; a click opens
    the link monitor."""

    clicked = Signal(object)  # LinkName

    def __init__(self, link: LinkName, parent: Any = None) -> None:
        super().__init__(parent)
        self.link = link
        self.setObjectName(f"link_{link.value}")
        self.status = LinkStatus.DISABLED
        self.detail = ""
        self.show_status(LinkStatus.DISABLED, "")

    def show_status(self, status: LinkStatus, detail: str) -> None:
        self.status = status
        self.detail = detail
        names = {LinkName.PBX: "PBX", LinkName.PMS: "PMS", LinkName.SMDR: "SMDR"}
        words = {
            LinkStatus.UP: self.tr("up"),
            LinkStatus.CONNECTING: self.tr("connecting"),
            LinkStatus.DOWN: self.tr("DOWN"),
            LinkStatus.TRAINING: self.tr("training"),
            LinkStatus.DISABLED: self.tr("off"),
        }
        colour = LINK_COLOURS[status]
        self.setText(f"<span style='color:{colour}'>●</span> {names[self.link]}: {words[status]}")
        self.setToolTip("\n".join(t for t in (detail, self.tr("Click for the link monitor")) if t))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.link)
        super().mousePressEvent(event)


class QuitQuestion(QFrame):
    """ "Calls are waiting: quit anyway?" as a band in the window, not a box over it."""

    answered = Signal(bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("quitQuestion")
        self.setStyleSheet("#quitQuestion { background: #ffcc80; } #quitQuestion QLabel { color: #1b1b1b; }")
        self.text = QLabel()
        self.text.setObjectName("quitQuestionText")
        self.text.setWordWrap(True)
        self.quit_button = QPushButton(self.tr("&Quit anyway"))
        self.quit_button.setObjectName("quitAnyway")
        self.stay_button = QPushButton(self.tr("&Stay"))
        self.stay_button.setObjectName("quitStay")
        self.quit_button.clicked.connect(lambda: self._answer(True))
        self.stay_button.clicked.connect(lambda: self._answer(False))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.quit_button)
        layout.addWidget(self.stay_button)
        self.setVisible(False)

    def ask(self, waiting: int) -> None:
        self.text.setText(
            self.tr("%1 call(s) are waiting or on hold at this position. Quit the console anyway?").replace(
                "%1", str(waiting)
            )
        )
        self.setVisible(True)
        self.stay_button.setFocus()

    def _answer(self, quit_anyway: bool) -> None:
        self.setVisible(False)
        self.answered.emit(quit_anyway)


class MainWindow(QMainWindow):
    language_chosen = Signal(str)  # "", "zh_CN" or "en"
    link_clicked = Signal(object)  # LinkName, from the status bar
    settings_requested = Signal()
    sign_out_requested = Signal()
    sign_in_requested = Signal()  # the button on the signed-out cover
    page_shown = Signal(object)  # the page's widget, when the operator turns to it

    def __init__(
        self,
        clock: Clock,
        *,
        lamp_field: QWidget,
        training: bool,
        hotel: str,
        user_name: str,
        position: str,
        language: str = "",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("%1 — Switchboard — %2").replace("%1", hotel).replace("%2", position))
        self._page_keys: list[tuple[str, str]] = []

        self.banner = QLabel(
            self.tr("TRAINING — simulated PBX and demo hotel. No real phone rings from this console.")
        )
        self.banner.setObjectName("trainingBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "background: #f57c00; color: #000; font-weight: bold; padding: 4px; letter-spacing: 1px;"
        )
        self.banner.setVisible(training)

        self.alarm = QLabel()
        self.alarm.setObjectName("alarmBanner")
        self.alarm.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.alarm.setStyleSheet(
            "background: #c62828; color: #fff; font-weight: bold; font-size: 15px; padding: 6px;"
        )
        self.alarm.setVisible(False)

        self.attendant = QSplitter(Qt.Orientation.Vertical)
        self.attendant.setObjectName("attendantColumn")
        self.attendant.setChildrenCollapsible(False)
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setDocumentMode(True)
        self.pages.currentChanged.connect(lambda i: self.page_shown.emit(self.pages.widget(i)))
        # the column scrolls rather than push the window (and its status bar) past the screen's edge
        column = QScrollArea()
        column.setWidgetResizable(True)
        column.setFrameShape(QFrame.Shape.NoFrame)
        column.setWidget(self.attendant)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(column)
        main.addWidget(self.pages)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 5)
        main.setSizes([460, 1140])

        # Signed out: the last operator's screen (caller, directory, logbook) is hidden behind a cover;
        # the bands above it (training, a wake-up that needs a person, timed duties) stay in sight.
        self._stack = QStackedWidget()
        self._stack.addWidget(main)
        self._cover = SignedOutCover()
        self._cover.sign_in_requested.connect(self.sign_in_requested)
        self._stack.addWidget(self._cover)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.alarm)
        self._notices = QVBoxLayout()
        self._notices.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._notices)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self.calls_waiting: Callable[[], int] = lambda: 0
        self._console_actions: list[QAction] = []  # greyed while the window is signed out
        # what the signed-out cover says: the caller on the headset, and the others waiting
        self.on_the_line: Callable[[], tuple[str, int]] = lambda: ("", self.calls_waiting())
        self._quit_confirmed = False
        self.quit_question: QuitQuestion | None = None

        self._build_menus(language)
        self.lamp_field = lamp_field
        self.add_page(lamp_field, self.tr("Lamp field"), "Ctrl+1")
        self._build_status_bar(user_name, position)
        if training:  # the simulated PBX, never "off" (its own event may come before the window listens)
            self.links[LinkName.PBX].show_status(LinkStatus.TRAINING, "")

    # ---------------------------------------------------------------- building

    def _build_menus(self, language: str) -> None:
        console = self.menuBar().addMenu(self.tr("&Console"))
        self.console_menu = console
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.settings_requested)
        console.addAction(settings)
        languages = console.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, label in (("", self.tr("Follow the system")), ("zh_CN", "简体中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == language)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            group.addAction(action)
            languages.addAction(action)
        console.addSeparator()
        sign_out = QAction(self.tr("Sign &out"), self)
        sign_out.triggered.connect(self.sign_out_requested)
        console.addAction(sign_out)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        console.addAction(quit_action)
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = QAction(self.tr("&Keyboard sheet"), self)
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.show_key_sheet)
        help_menu.addAction(keys)
        legend = QAction(self.tr("Colour &legend"), self)
        legend.triggered.connect(self.show_legend)
        help_menu.addAction(legend)
        self.legend: QWidget | None = None

    def _build_status_bar(self, user_name: str, position: str) -> None:
        bar = self.statusBar()
        self.links = {link: LinkLamp(link) for link in LinkName}
        for lamp in self.links.values():
            lamp.clicked.connect(self.link_clicked)
            bar.addPermanentWidget(lamp)
        # which position this is, signed in or not: several positions work one switchboard
        self.position_label = QLabel(self.tr("Position: %1").replace("%1", position))
        self.position_label.setObjectName("positionName")
        bar.addPermanentWidget(self.position_label)
        self.user_label = QLabel(user_name)
        self.user_label.setObjectName("signedInUser")
        bar.addPermanentWidget(self.user_label)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clockLabel")
        bar.addPermanentWidget(self.clock_label)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show_time)
        self._tick.start(1000)
        self._show_time()

    def _show_time(self) -> None:
        now: datetime = self._clock.now()
        self.clock_label.setText(now.strftime("%Y-%m-%d %H:%M:%S"))
        if self.covered:  # callers ring on while nobody is signed in: the cover counts them
            self._tell_cover()

    def refresh_cover(self) -> None:
        """The queue changed: the cover says so at once, not at the next second's tick."""
        if self.covered:
            self._tell_cover()

    def _tell_cover(self) -> None:
        talking, others = self.on_the_line()
        self._cover.show_waiting(others, talking)

    # ---------------------------------------------------------------- for main.py

    def add_attendant_panel(self, widget: QWidget, stretch: int = 1) -> None:
        """Queue, caller panel, directory: stacked in the left column in the order added. The panel's
        keys (F5, F6, ...) are the window's too: a shortcut fires only while a widget holding it is
        visible, and the signed-out cover hides the column while callers still ring."""
        self.attendant.addWidget(widget)
        self.attendant.setStretchFactor(self.attendant.count() - 1, stretch)
        self.addActions([a for a in widget.actions() if not a.shortcut().isEmpty()])

    def add_page(self, widget: QWidget, title: str, shortcut: str) -> None:
        """A tab on the right, reached with ``shortcut`` from anywhere in the window."""
        index = self.pages.addTab(widget, title)
        action = QAction(title, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
        self.go_menu.addAction(action)
        self.addAction(action)
        self._page_keys.append(
            (QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText), title)
        )

    def add_console_action(self, title: str, key: str, handler: Callable[[], object]) -> QAction:
        """An action in the Console menu (hand over, shift report), with its key in the keyboard sheet."""
        action = QAction(title, self)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(handler)
        self.console_menu.insertAction(self.console_menu.actions()[0], action)
        self.addAction(action)
        self._page_keys.append((_key_text(key), title.replace("&", "").rstrip("…")))
        self._console_actions.append(action)
        action.setEnabled(not self.covered)
        return action

    def add_key(self, key: str, description: str) -> None:
        """List a key in the keyboard sheet (call keys, focus keys)."""
        self._page_keys.append(
            (QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText), description)
        )

    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        widget = self.pages.widget(index)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_alarm(self, text: str) -> None:
        """A red band across the window that stays until ``clear_alarm``: for what must not be missed."""
        self.alarm.setText(text)
        self.alarm.setVisible(True)

    def clear_alarm(self) -> None:
        self.alarm.setVisible(False)

    def add_notice_panel(self, widget: QWidget) -> None:
        """A panel across the window under the alarm band (timed duties): it shows itself while it
        has something to say, and nothing covers it."""
        self._notices.addWidget(widget)

    def cover(self, signed_out: bool) -> None:
        """Hide the last operator's screen behind the signed-out cover, or show the console again."""
        self._stack.setCurrentIndex(1 if signed_out else 0)
        if signed_out:
            self._tell_cover()
        else:
            self._cover.show_waiting(0)
        for action in self._console_actions:  # nobody to print, hand over or read for behind the cover
            action.setEnabled(not signed_out)

    @property
    def covered(self) -> bool:
        return self._stack.currentIndex() == 1

    def on_event(self, event: PbxEvent) -> None:
        if isinstance(event, LinkStateChanged):
            self.show_link(event)

    def show_link(self, event: LinkStateChanged) -> None:
        self.links[event.link].show_status(event.status, event.detail)

    def key_sheet_text(self) -> str:
        rows = "".join(f"<tr><td><b>{key}</b></td><td>{what}</td></tr>" for key, what in self._page_keys)
        return f"<table cellspacing='6'>{rows}</table>"

    def show_key_sheet(self) -> None:
        """Not modal: F5 still answers while the sheet is open."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keyboard sheet"), self.key_sheet_text())
        box.setParent(self, box.windowFlags())
        box.setObjectName("keySheet")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def show_legend(self) -> QWidget:
        """What each colour of the lamp field and the rooms page means, in a small window beside the
        console (not modal)."""
        if self.legend is None:
            self.legend = Legend(self)
            self.legend.setWindowFlag(Qt.WindowType.Tool)
        self.legend.show()
        self.legend.raise_()
        return self.legend

    def closeEvent(self, event: QCloseEvent) -> None:
        waiting = self.calls_waiting()
        if waiting and not self._quit_confirmed:
            event.ignore()
            self._ask_to_quit(waiting)
            return
        self._tick.stop()
        super().closeEvent(event)

    def _ask_to_quit(self, waiting: int) -> None:
        """Calls wait: quitting is asked in a band across the window, which leaves the call keys and
        every page working; the operator answers it or carries on."""
        if self.quit_question is None:
            self.quit_question = QuitQuestion(self)
            self.quit_question.answered.connect(self._answer_quit)
            self.add_notice_panel(self.quit_question)
        self.quit_question.ask(waiting)

    def _answer_quit(self, quit_anyway: bool) -> None:
        if quit_anyway:
            self._quit_confirmed = True
            self.close()
