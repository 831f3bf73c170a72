"""The lamp field: one model and one delegate, bursts batched into one signal per frame."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.lamp_field import SqlLampField
from db.seed import seed_demo_hotel
from db.store import Store
from switchboard.clock import FakeClock
from switchboard.hotel import ExtensionKind
from switchboard.lamp_field import FieldLamp
from switchboard.pbx import LampChanged, LampState
from ui.blf_model import FIELD_ROLE, LAMP_ROLE, RUNS_APART, BlfModel
from ui.blf_view import LampField

AT = datetime(2026, 11, 20, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def lamps() -> list[FieldLamp]:
    rooms = [
        FieldLamp(f"{f}{n:02d}", ExtensionKind.ROOM, f"Room {f}{n:02d}", floor=f, room=f"{f}{n:02d}")
        for f in (3, 4)
        for n in range(1, 21)
    ]
    depts = [
        FieldLamp("8000", ExtensionKind.DEPARTMENT, "Front Desk", "前台", department="front_desk"),
        FieldLamp("8020", ExtensionKind.DEPARTMENT, "Housekeeping", "客房部", department="housekeeping"),
    ]
    return depts + rooms


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = BlfModel()
    model.set_lamps(lamps())
    qtmodeltester.check(model)


def test_a_burst_of_changes_reaches_the_view_as_one_signal_per_frame(qtbot: QtBot) -> None:
    model = BlfModel()
    model.set_lamps(lamps())
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles: seen.append((a.row(), b.row())))
    for n in range(1, 21):
        model.apply(LampChanged(f"3{n:02d}", LampState.BUSY, AT))
    model.apply(LampChanged("8000", LampState.RINGING, AT))
    assert seen == []  # nothing until the frame ends
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=1000)
    assert seen == [(0, 21)]
    assert model.state_of("8000") is LampState.RINGING
    assert model.state_of("301") is LampState.BUSY
    assert model.state_of("401") is LampState.UNKNOWN
    # the same state again is no change at all
    model.apply(LampChanged("301", LampState.BUSY, AT))
    model.flush()
    assert len(seen) == 1


def test_two_lamps_far_apart_repaint_themselves_not_every_lamp_between(qtbot: QtBot) -> None:
    """A room ringing the operator and the operator's own lamp: two small ranges, not the whole field
    (painting every lamp between them stalled the window while a report was read beside it)."""
    model = BlfModel()
    field = [FieldLamp(str(n), ExtensionKind.ROOM, f"Room {n}", room=str(n)) for n in range(1000, 1300)]
    model.set_lamps(field)
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles: seen.append((a.row(), b.row())))
    model.apply(LampChanged("1003", LampState.RINGING, AT))
    model.apply(LampChanged("1299", LampState.BUSY, AT))
    model.flush()
    assert sorted(seen) == [(3, 3), (299, 299)]
    seen.clear()
    rows = range(0, 300, 8)  # a burst of lamps apart (38 runs): one range again
    for row in rows:
        model.apply(LampChanged(str(1000 + row), LampState.HELD, AT))
    model.flush()
    assert len(rows) > RUNS_APART and seen == [(0, rows[-1])]


def test_unknown_extensions_are_ignored_and_states_survive_a_new_field() -> None:
    model = BlfModel()
    model.set_lamps(lamps())
    model.apply(LampChanged("9999", LampState.BUSY, AT))
    model.apply(LampChanged("302", LampState.HELD, AT))
    model.set_lamps(list(reversed(lamps())))
    assert model.state_of("302") is LampState.HELD
    index = model.index(model.row_of("302"))
    assert index.data(LAMP_ROLE) is LampState.HELD
    assert index.data(FIELD_ROLE).extension == "302"


def test_marks_change_beside_the_lamp() -> None:
    model = BlfModel()
    model.set_lamps(lamps())
    model.update_marks("303", vip_level=2, dnd=True)
    lamp = model.lamp_of("303")
    assert lamp is not None and lamp.vip_level == 2 and lamp.dnd


def test_filters_by_floor_department_and_text(qtbot: QtBot) -> None:
    model = BlfModel()
    model.set_lamps(lamps())
    field = LampField(model)
    qtbot.addWidget(field)
    assert field.proxy.rowCount() == 42
    field.floor.setCurrentIndex(field.floor.findData(4))
    assert field.proxy.rowCount() == 20
    assert field.count.text() == "20 lamps"
    field.floor.setCurrentIndex(0)
    field.department.setCurrentIndex(field.department.findData("housekeeping"))
    assert field.proxy.rowCount() == 1
    field.department.setCurrentIndex(0)
    qtbot.keyClicks(field.search, "front")
    assert field.proxy.rowCount() == 1
    field.search.setText("客房")
    assert field.proxy.rowCount() == 1


def test_enter_on_a_lamp_chooses_its_extension(qtbot: QtBot) -> None:
    model = BlfModel()
    model.set_lamps(lamps())
    field = LampField(model)
    qtbot.addWidget(field)
    field.show()
    field.view.setFocus()
    field.view.setCurrentIndex(field.proxy.index(0, 0))
    qtbot.keyClick(field.view, Qt.Key.Key_Right)
    with qtbot.waitSignal(field.extension_chosen, timeout=1000) as chosen:
        qtbot.keyClick(field.view, Qt.Key.Key_Return)
    assert chosen.args == ["8020"]


def test_the_field_comes_from_the_hotel_records(store: Store) -> None:
    clock = FakeClock(AT)
    seed_demo_hotel(store, clock)
    field = SqlLampField(store).field_lamps()
    rooms = [lamp for lamp in field if lamp.kind is ExtensionKind.ROOM]
    assert len(rooms) == 702
    assert {lamp.floor for lamp in rooms} == set(range(3, 21))
    assert field[0].kind is not ExtensionKind.ROOM  # departments lead the field
    assert any(lamp.vip_level for lamp in rooms)
    occupied = [lamp for lamp in rooms if lamp.occupied]
    assert 20 <= len(occupied) <= 40
    front = next(lamp for lamp in field if lamp.extension == "8000")
    assert front.label_zh == "前台"
