"""One colour language on the lamp field and the rooms page, said in a legend; lamp tooltips that
tell extension, room, guest and state; a lamp filter that finds guests, never a privacy guest."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from db.frontoffice import SqlFrontOffice
from db.lamp_field import SqlLampField
from db.room_board import SqlRoomBoard
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard import demo_hotel
from switchboard.clock import FakeClock
from switchboard.hotel import Actor, Role
from switchboard.pbx import LampChanged, LampState
from tests.reader import READER
from ui.blf_delegate import BlfDelegate
from ui.blf_model import BlfFilter, BlfModel
from ui.legend import DND_COLOUR, LAMP_COLOURS, ROOM_COLOURS, Legend
from ui.room_tiles import RoomTileDelegate
from ui.rows_model import RowsModel

ZONE = ZoneInfo("Asia/Shanghai")
NIGHT = Actor(user="operator", position="Console 1", role=Role.OPERATOR)
AT = datetime(2026, 11, 20, 23, 10, tzinfo=ZONE)


def test_a_colour_means_one_thing_on_both_screens() -> None:
    lamp_fills = {fill: state for state, (fill, _ink) in LAMP_COLOURS.items()}
    shared = {"vacant_clean": LampState.IDLE, "out_of_order": LampState.UNREGISTERED}  # the same meaning
    for key, (fill, _ink) in ROOM_COLOURS.items():
        if key in shared:
            assert lamp_fills[fill] is shared[key]
        else:
            assert fill not in lamp_fills, f"{key} looks like a {lamp_fills.get(fill)} lamp"
    assert LAMP_COLOURS[LampState.DND][0] == DND_COLOUR
    assert len({fill for fill, _ink in ROOM_COLOURS.values()}) == len(ROOM_COLOURS)


def _stays() -> tuple[tuple[str, str], tuple[str, str]]:
    today = AT.date()
    shown = next(s for s in demo_hotel.stays(today) if s.in_house and not s.privacy)
    hidden = next(s for s in demo_hotel.stays(today) if s.in_house and s.privacy)
    return (
        (shown.room, demo_hotel.GUESTS[shown.guest_index][0]),
        (hidden.room, demo_hotel.GUESTS[hidden.guest_index][0]),
    )


def _paint(delegate: object, model: object, row: int, width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, width, height)
    delegate.paint(painter, option, model.index(row, 0))  # type: ignore[attr-defined]
    painter.end()
    return image


def test_dnd_is_magenta_on_the_lamp_and_on_the_room_tile(qtbot: QtBot, sqlite_store: Store) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock)
    (room, _name), _hidden = _stays()
    SqlFrontOffice(sqlite_store, clock).set_dnd(room, True, NIGHT)
    lamps = BlfModel()
    lamps.set_lamps(SqlLampField(sqlite_store).field_lamps())
    lamps.apply(LampChanged(room, LampState.IDLE, AT))
    lamps.flush()
    lamp_image = _paint(BlfDelegate(), lamps, lamps.row_of(room), 92, 50)
    assert QColor(lamp_image.pixel(46, 25)).name() == DND_COLOUR

    rooms = [r for r in SqlRoomBoard(sqlite_store, clock).rooms(READER) if r.number == room]
    model: RowsModel[object] = RowsModel(["Room"], lambda r: [r.number], lambda r: "")
    model.set_rows(rooms)
    tile = _paint(RoomTileDelegate(), model, 0, 104, 54)
    assert QColor(tile.pixel(50, 50)).name() == DND_COLOUR  # the band along the bottom
    assert QColor(tile.pixel(3, 27)).name() == DND_COLOUR  # and the frame


def test_lamp_tooltips_tell_extension_room_guest_and_state(sqlite_store: Store) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock)
    (room, name), (hidden_room, hidden_name) = _stays()
    lamps = BlfModel()
    lamps.set_lamps(SqlLampField(sqlite_store).field_lamps())
    lamps.apply(LampChanged(room, LampState.BUSY, AT))
    lamps.flush()
    tip = lamps.index(lamps.row_of(room)).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Extension {room}" in tip and f"Room {room}" in tip and name in tip and "busy" in tip
    hidden_tip = lamps.index(lamps.row_of(hidden_room)).data(Qt.ItemDataRole.ToolTipRole)
    assert hidden_name not in hidden_tip and "(not shown)" in hidden_tip
    operator_tip = lamps.index(lamps.row_of(demo_hotel.OPERATOR_EXTENSION)).data(Qt.ItemDataRole.ToolTipRole)
    assert "Operator" in operator_tip


def test_the_lamp_filter_finds_guests_but_not_a_privacy_guest(sqlite_store: Store) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(sqlite_store, clock)
    (room, name), (_hidden_room, hidden_name) = _stays()
    lamps = BlfModel()
    lamps.set_lamps(SqlLampField(sqlite_store).field_lamps())
    field = BlfFilter()
    field.setSourceModel(lamps)
    field.set_text(name.split(",")[0])
    assert room in [field.index(i, 0).data() for i in range(field.rowCount())]
    field.set_text(hidden_name)
    assert field.rowCount() == 0


def test_the_legend_names_every_colour(qtbot: QtBot) -> None:
    legend = Legend()
    qtbot.addWidget(legend)
    assert {"free", "ringing", "busy", "held", "DND", "offline"} <= set(legend.words)
    assert {"let", "vacant, ready", "vacant, to be cleaned", "guest arriving", "out of order"} <= set(
        legend.words
    )


def test_the_legend_opens_from_the_help_menu_beside_the_console(qtbot: QtBot) -> None:
    from ui.blf_view import LampField
    from ui.main_window import MainWindow

    window = MainWindow(
        FakeClock(AT),
        lamp_field=LampField(BlfModel()),
        training=True,
        hotel="H",
        user_name="op",
        position="C1",
    )
    qtbot.addWidget(window)
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu is not None
    action = next(a for a in help_menu.actions() if a.text() == "Colour &legend")
    action.trigger()
    legend = window.legend
    assert legend is not None and legend.isVisible() and not legend.isModal()
    assert "DND" in legend.words  # type: ignore[attr-defined]
