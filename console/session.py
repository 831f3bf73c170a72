"""Who works at the position: the first administrator, sign-in and sign-out against the shift,
handing over and taking over."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from console.context import Console
from db.handover import SqlHandovers
from db.seed import DEMO_USERS
from db.shifts import SqlShifts
from switchboard import demo_hotel
from switchboard.auth import User
from switchboard.hotel import Actor, Role
from switchboard.shifts import shift_at
from ui.handover_dialog import HandOverDialog, TakeOverDialog
from ui.main_window import MainWindow
from ui.signin_dialog import FirstAdministratorDialog, SignInDialog


def first_administrator(console: Console, parent: MainWindow | None) -> bool:
    def create(username: str, name: str, password: str) -> User:
        return console.users.create(
            username, name, Role.ADMINISTRATOR, password, Actor.link(console.settings.position)
        )

    dialog = FirstAdministratorDialog(create, parent)
    return bool(dialog.exec()) and dialog.user is not None


def sign_in(console: Console, parent: MainWindow | None) -> User | None:
    hint = ""
    if console.training:
        demo = ", ".join(f"{u} / {p}" for u, _name, _role, p in DEMO_USERS)
        hint = QCoreApplication.translate("Console", "Training demo users: %1").replace("%1", demo)
    dialog = SignInDialog(
        lambda u, p: console.users.authenticate(u, p, console.settings.position),
        hotel=demo_hotel.HOTEL_NAME if console.training else "",
        demo_hint=hint,
        parent=parent,
    )
    return dialog.user if dialog.exec() else None


def start_session(console: Console, window: MainWindow, user: User) -> None:
    """A user signs in at this position: recorded against the shift on duty."""
    console.user = user
    console.sign_in_id = SqlShifts(console.store, console.clock).sign_in(
        user.username, console.settings.position
    )
    window.user_label.setText(f"{user.display_name} · {console.settings.position}")
    QTimer.singleShot(0, lambda: offer_take_over(console, window))


def end_session(console: Console) -> None:
    if console.sign_in_id is not None:
        SqlShifts(console.store, console.clock).sign_out(console.sign_in_id, console.actor)
        console.sign_in_id = None


def change_operator(console: Console, window: MainWindow) -> None:
    """Sign out and hand the position to the next operator (the console and its calls stay up)."""
    end_session(console)
    console.user = None
    window.user_label.setText(QCoreApplication.translate("Console", "(signed out)"))
    user = sign_in(console, window)
    if user is not None:
        start_session(console, window, user)


def hand_over(console: Console, window: MainWindow) -> None:
    slot = shift_at(console.clock.now())
    HandOverDialog(SqlHandovers(console.store, console.clock), slot, lambda: console.actor, window).exec()


def offer_take_over(console: Console, window: MainWindow, *, always: bool = False) -> None:
    """At sign-in, the handover the incoming operator has not acknowledged yet."""
    book = SqlHandovers(console.store, console.clock)
    latest = book.latest()
    if latest is None or not latest.pending or latest.composed_by == console.actor.user:
        if always:
            window.statusBar().showMessage(
                QCoreApplication.translate("Console", "No handover waiting to be acknowledged."), 10_000
            )
        return
    TakeOverDialog(book, latest, lambda: console.actor, window).exec()
