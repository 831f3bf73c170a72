"""Who works at the position: the first administrator, sign-in and sign-out against the shift,
handing over and taking over."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from console.context import Console
from db.handover import SqlHandovers
from db.seed import DEMO_USERS
from db.shifts import SqlShifts
from switchboard import demo_hotel
from switchboard.auth import User
from switchboard.errors import PermissionDenied
from switchboard.hotel import Actor, Role
from switchboard.shared_calls import HandsOverAside
from switchboard.shifts import shift_at
from ui import i18n
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


def _sign_in_dialog(console: Console, parent: MainWindow | None) -> SignInDialog:
    hint = ""
    if console.training:
        demo = ", ".join(f"{u} / {p}" for u, _name, _role, p in DEMO_USERS)
        hint = QCoreApplication.translate("Console", "Training demo users: %1").replace("%1", demo)
    return SignInDialog(
        lambda u, p: console.users.authenticate(u, p, console.settings.position),
        hotel=demo_hotel.HOTEL_NAME if console.training else "",
        demo_hint=hint,
        parent=parent,
    )


def sign_in(console: Console, parent: MainWindow | None) -> User | None:
    """The first sign-in, before the console's window shows."""
    dialog = _sign_in_dialog(console, parent)
    return dialog.user if dialog.exec() else None


def start_session(console: Console, window: MainWindow, user: User) -> None:
    """A user signs in at this position: recorded against the shift on duty."""
    console.user = user
    console.sign_in_id = SqlShifts(console.store, console.clock).sign_in(
        user.username, console.settings.position
    )
    window.user_label.setText(user.display_name)  # the position has its own label beside it
    window.cover(False)
    QTimer.singleShot(0, lambda: offer_take_over(console, window))


def end_session(console: Console) -> None:
    if console.sign_in_id is not None:
        SqlShifts(console.store, console.clock).sign_out(console.sign_in_id, console.actor)
        console.sign_in_id = None


def change_operator(console: Console, window: MainWindow) -> SignInDialog:
    """Sign out and hand the position to the next operator. The console and its calls stay up, and
    the call keys keep working, but the last operator's screen is covered until someone signs in. The
    calls the operator parked or camped go to every position, as when the console closes: a recall
    rings the position that parked the call only while its operator is there."""
    if isinstance(console.pbx, HandsOverAside):
        console.pbx.hand_over_aside()
    end_session(console)
    console.user = None
    window.user_label.setText(QCoreApplication.translate("Console", "(signed out)"))
    window.cover(True)
    if not window.property("signInWired"):
        window.setProperty("signInWired", True)
        window.sign_in_requested.connect(lambda: open_sign_in(console, window))
    return open_sign_in(console, window)


def open_sign_in(console: Console, window: MainWindow) -> SignInDialog:
    """The sign-in beside the covered console, not modal (F5 still answers)."""
    dialog = _sign_in_dialog(console, window)
    dialog.setModal(False)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def signed_in() -> None:
        if dialog.user is not None and console.user is None:
            start_session(console, window, dialog.user)

    dialog.accepted.connect(signed_in)
    dialog.show()
    return dialog


def hand_over(console: Console, window: MainWindow) -> HandOverDialog:
    slot = shift_at(console.clock.now())
    dialog = HandOverDialog(
        SqlHandovers(console.store, console.clock),
        slot,
        lambda: console.actor,
        window,
        chinese=i18n.is_chinese(console.language),
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def offer_take_over(console: Console, window: MainWindow, *, always: bool = False) -> TakeOverDialog | None:
    """At sign-in, the handover the incoming operator has not acknowledged yet (beside the queue, not
    modal)."""
    book = SqlHandovers(console.store, console.clock)
    try:
        latest = book.latest(console.actor)
    except PermissionDenied as exc:  # a role that does not read the logbook takes over no handover
        if always:  # asked for (Ctrl+T): say why, not that nothing waits
            window.statusBar().showMessage(_refusal(exc), 10_000)
        return None
    if latest is None or not latest.pending or latest.composed_by == console.actor.user:
        if always:
            window.statusBar().showMessage(
                QCoreApplication.translate("Console", "No handover waiting to be acknowledged."), 10_000
            )
        return None
    dialog = TakeOverDialog(
        book, latest, lambda: console.actor, window, chinese=i18n.is_chinese(console.language)
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _refusal(exc: PermissionDenied) -> str:
    if exc.args_map.get("role") == "no role":
        return QCoreApplication.translate("Console", "Nobody is signed in: sign in to take over the shift.")
    return QCoreApplication.translate(
        "Console", "Handovers are for operators and duty managers: your role does not read them."
    )


def sign_in_beside(console: Console, window: MainWindow) -> SignInDialog | None:
    """Training: the window (the demo hotel) is up, F5 answering, before the users can be read; once
    they can, the sign-in opens beside it, not modal. It is not covered meanwhile: the cover hides the
    queue, and with it the call keys."""
    if console.users.needs_first_administrator():
        first_administrator(console, window)  # refused: the sign-in below finds nobody
    console.on_quit.append(lambda: end_session(console))
    window.sign_out_requested.connect(lambda: change_operator(console, window))
    window.setProperty("signInWired", True)
    window.sign_in_requested.connect(lambda: open_sign_in(console, window))
    return open_sign_in(console, window)
