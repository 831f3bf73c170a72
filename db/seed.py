"""Load the demo hotel into an empty database (training mode and screenshots).

Demo users (documented in the README, training installs only):
``operator``/``training-op``, ``frontdesk``/``training-fd``,
``manager``/``training-dm``, ``admin``/``training-admin``.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import func, select

from db.audit import audit
from db.handover import SqlHandovers
from db.logbook import SqlLogbook
from db.room_states import RoomStates
from db.rows import DutyManagerRow, ExtensionRow, GuestRow, HotelInfoRow, RoomRow, StayRow, TimedDutyRow
from db.store import Store
from db.users import UserDirectory
from switchboard import demo_hotel
from switchboard.clock import Clock, FakeClock
from switchboard.desk import LogCategory
from switchboard.hotel import Actor, Occupancy, Role, StayStatus
from switchboard.shifts import shift_at

DEMO_USERS: tuple[tuple[str, str, Role, str], ...] = (
    ("operator", "林小红 Lin Xiaohong", Role.OPERATOR, "training-op"),
    ("frontdesk", "Front Desk", Role.FRONT_DESK, "training-fd"),
    ("manager", "王经理 Manager Wang", Role.DUTY_MANAGER, "training-dm"),
    ("admin", "Administrator", Role.ADMINISTRATOR, "training-admin"),
)

SEED_ACTOR = Actor.link("demo-seed")


def is_empty(store: Store) -> bool:
    with store.read() as s:
        return not s.scalar(select(func.count()).select_from(RoomRow))


def seed_demo_hotel(store: Store, clock: Clock, *, language: str = "", practice: bool = False) -> None:
    """Rooms, extensions, guests and stays, demo users and the duty manager roster; ``practice``
    adds the shift before, to practise the start of a shift (``seed_shift_start``). Free texts are
    in Chinese when ``language`` is (the console's language)."""
    chinese = language.startswith("zh")
    now = clock.now()
    today = now.date()
    room_ids: dict[str, int] = {}
    with store.unit() as s:
        for room in demo_hotel.rooms():
            row = RoomRow(
                number=room.number,
                floor=room.floor,
                wing=demo_hotel.wing_of(room.number),
                room_type=room.room_type,
                extension=room.extension,
            )
            s.add(row)
            s.flush()
            room_ids[room.number] = row.id
        for ext in demo_hotel.extensions():
            s.add(
                ExtensionRow(
                    number=ext.number,
                    kind=ext.kind.value,
                    label=ext.label,
                    label_zh=_label_zh(ext.number),
                    department=ext.department,
                    room_id=room_ids.get(ext.room),
                    floor=ext.floor,
                )
            )
        for stay in demo_hotel.stays(today):
            name, romanised, initials, title, language, vip, company = demo_hotel.GUESTS[stay.guest_index]
            guest = GuestRow(
                name=name,
                romanised=romanised,
                initials=initials,
                title=title,
                language=language,
                vip_level=vip,
                company=company,
            )
            s.add(guest)
            s.flush()
            s.add(
                StayRow(
                    reservation=f"{100000 + stay.guest_index}",
                    guest_id=guest.id,
                    room_id=room_ids[stay.room],
                    status=(StayStatus.IN_HOUSE if stay.in_house else StayStatus.EXPECTED).value,
                    arrival=stay.arrival,
                    departure=stay.departure,
                    companions=stay.companions,
                    privacy=stay.privacy,
                    privacy_note=demo_hotel.PRIVACY_NOTE[chinese] if stay.privacy else "",
                    vip_note=stay.vip_note,
                    checked_in_at=now - timedelta(hours=5) if stay.in_house else None,
                )
            )
            occupancy = Occupancy.OCCUPIED if stay.in_house else Occupancy.RESERVED
            room_row = s.get(RoomRow, room_ids[stay.room])
            assert room_row is not None
            room_row.occupancy = occupancy.value
        zone = now.tzinfo
        for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
            s.add(
                DutyManagerRow(
                    name="王经理 Manager Wang" if day.toordinal() % 2 else "Ms. Sophie Laurent",
                    pager="8050",
                    mobile="138 0013 8000",
                    location="Lobby / 大堂",
                    starts_at=datetime.combine(day, time(8, 0), zone),
                    ends_at=datetime.combine(day + timedelta(days=1), time(8, 0), zone),
                )
            )
        for topic, topic_zh, body, body_zh, keywords in demo_hotel.HOTEL_INFO:
            s.add(
                HotelInfoRow(
                    topic=topic,
                    topic_zh=topic_zh,
                    body=body,
                    body_zh=body_zh,
                    keywords=keywords,
                    updated_at=now,
                    updated_by="demo-seed",
                )
            )
        for name, name_zh, shift, at, season in demo_hotel.TIMED_DUTIES:
            s.add(TimedDutyRow(name=name, name_zh=name_zh, shift_kind=shift, time_of_day=at, season=season))
        audit(s, SEED_ACTOR, now, "seed", "hotel", demo_hotel.HOTEL_NAME)
    users = UserDirectory(store, clock)
    for username, display, role, password in DEMO_USERS:
        users.create(username, display, role, password, SEED_ACTOR)
    if practice:
        seed_shift_start(store, clock, chinese=chinese)


def seed_shift_start(store: Store, clock: Clock, *, chinese: bool = False) -> None:
    """The shift before the trainee's: its logbook, a room on DND until later, and its handover,
    waiting to be taken over (composed by an operator who is not a demo sign-in)."""
    now = clock.now()
    outgoing = shift_at(shift_at(now).starts_at - timedelta(minutes=31))  # past the overlap
    author = Actor(user=demo_hotel.PREVIOUS_OPERATOR, position="Console 1", role=Role.OPERATOR)
    in_house = [s.room for s in demo_hotel.stays(now.date()) if s.in_house and not s.privacy]
    handover_at = FakeClock(min(now, outgoing.ends_at) - timedelta(minutes=5))
    for category, room, follow_up, before, text_en, text_zh in demo_hotel.PRACTICE_LOGBOOK:
        at = FakeClock(handover_at.now() - timedelta(minutes=before))
        SqlLogbook(store, at).write(
            LogCategory(category),
            text_zh if chinese else text_en,
            author,
            room=in_house[room] if room >= 0 else "",
            follow_up=follow_up,
            due_at=now + timedelta(hours=4) if follow_up else None,
        )
    dnd_room, hours = demo_hotel.PRACTICE_DND
    RoomStates(store, handover_at).set_dnd(
        in_house[dnd_room], True, author, now.replace(second=0, microsecond=0) + timedelta(hours=hours)
    )
    SqlHandovers(store, handover_at).compose(outgoing, demo_hotel.PRACTICE_HANDOVER_NOTE[chinese], author)


def _label_zh(number: str) -> str:
    for dept in demo_hotel.DEPARTMENTS:
        if dept.extension == number:
            return dept.label_zh
    return demo_hotel.LABELS_ZH.get(number, "")
