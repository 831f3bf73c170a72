"""The demo hotel for training mode: about 700 rooms on 18 floors, the
departments an operator rings every day, and a few dozen guests.

Deterministic (seeded), so screenshots and tests see the same hotel every time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from switchboard.hotel import Extension, ExtensionKind, Room

FLOORS = range(3, 21)  # 18 guest floors, 3F-20F
ROOMS_PER_FLOOR = 39
# Each floor's corridor runs from the lifts both ways: rooms 01-19 are the East wing, 20-39 the West.
# Stored in English; the console shows them in its language (the "Wing" translations).
EAST_WING, WEST_WING = "East wing", "West wing"
WEST_FROM = 20
HOTEL_NAME = "Grand Harbour Hotel"
HOTEL_NAME_ZH = "海港大酒店"


@dataclass(frozen=True, slots=True)
class DemoDepartment:
    extension: str
    label: str
    label_zh: str
    department: str


DEPARTMENTS: tuple[DemoDepartment, ...] = (
    DemoDepartment("8000", "Front Desk", "前台", "front_desk"),
    DemoDepartment("8001", "Front Desk 2", "前台二", "front_desk"),
    DemoDepartment("8010", "Concierge", "礼宾部", "concierge"),
    DemoDepartment("8020", "Housekeeping", "客房部", "housekeeping"),
    DemoDepartment("8021", "Laundry", "洗衣房", "housekeeping"),
    DemoDepartment("8030", "Engineering", "工程部", "engineering"),
    DemoDepartment("8040", "Security", "保安部", "security"),
    DemoDepartment("8050", "Duty Manager", "值班经理", "duty_manager"),
    DemoDepartment("8060", "Chinese Restaurant", "中餐厅", "restaurants"),
    DemoDepartment("8061", "All-Day Dining", "全日餐厅", "restaurants"),
    DemoDepartment("8062", "Lobby Bar", "大堂吧", "restaurants"),
    DemoDepartment("8063", "Room Service", "送餐服务", "restaurants"),
    DemoDepartment("8070", "Business Centre", "商务中心", "front_desk"),
    DemoDepartment("8080", "Spa & Pool", "水疗及泳池", "recreation"),
    DemoDepartment("8090", "Sales Office", "销售部", "sales"),
)

STAFF: tuple[tuple[str, str, str], ...] = (
    ("8101", "Chen Jing (Front Office Manager)", "front_desk"),
    ("8102", "Martin Keller (Executive Housekeeper)", "housekeeping"),
    ("8103", "Zhou Qiang (Chief Engineer)", "engineering"),
    ("8104", "Sophie Laurent (Guest Relations)", "front_desk"),
    ("8105", "Huang Lei (Security Manager)", "security"),
)

OPERATOR_EXTENSION = "9"

# (name, romanised, initials, title, language, vip_level, company)
GUESTS: tuple[tuple[str, str, str, str, str, int, str], ...] = (
    ("张伟", "zhang wei", "zw", "先生", "zh", 0, "华为技术"),
    ("王芳", "wang fang", "wf", "女士", "zh", 0, ""),
    ("李娜", "li na", "ln", "女士", "zh", 2, "中国银行"),
    ("刘洋", "liu yang", "ly", "先生", "zh", 0, ""),
    ("陈静", "chen jing", "cj", "女士", "zh", 0, "腾讯"),
    ("杨帆", "yang fan", "yf", "先生", "zh", 1, ""),
    ("赵磊", "zhao lei", "zl", "先生", "zh", 0, ""),
    ("黄晓明", "huang xiao ming", "hxm", "先生", "zh", 3, "星光传媒"),
    ("周杰", "zhou jie", "zj", "先生", "zh", 0, ""),
    ("吴敏", "wu min", "wm", "女士", "zh", 0, ""),
    ("徐建国", "xu jian guo", "xjg", "董事长", "zh", 3, "建国集团"),
    ("孙丽", "sun li", "sl", "女士", "zh", 0, ""),
    ("马超", "ma chao", "mc", "先生", "zh", 0, ""),
    ("朱琳", "zhu lin", "zl", "博士", "zh", 1, "复旦大学"),
    ("胡军", "hu jun", "hj", "先生", "zh", 0, ""),
    ("郭婷", "guo ting", "gt", "女士", "zh", 0, ""),
    ("林志强", "lin zhi qiang", "lzq", "先生", "zh", 0, ""),
    ("何雪", "he xue", "hx", "女士", "zh", 0, ""),
    ("高峰", "gao feng", "gf", "教授", "zh", 2, "清华大学"),
    ("罗佳", "luo jia", "lj", "女士", "zh", 0, ""),
    ("Smith, John", "smith john", "sj", "Mr.", "en", 0, "Acme Corp"),
    ("Johnson, Emily", "johnson emily", "je", "Ms.", "en", 1, ""),
    ("Müller, Hans", "muller hans", "mh", "Herr", "de", 0, "Siemens AG"),
    ("Dubois, Claire", "dubois claire", "dc", "Mme", "fr", 0, ""),
    ("Tanaka, Hiroshi", "tanaka hiroshi", "th", "Mr.", "ja", 2, "Toyota"),
    ("Kim, Min-jun", "kim min jun", "kmj", "Mr.", "ko", 0, "Samsung"),
    ("Rossi, Marco", "rossi marco", "rm", "Sig.", "it", 0, ""),
    ("Al-Rashid, Omar", "al rashid omar", "aro", "Sheikh", "ar", 3, ""),
    ("García, Lucía", "garcia lucia", "gl", "Sra.", "es", 0, ""),
    ("Williams, Robert", "williams robert", "wr", "Dr.", "en", 1, "Mayo Clinic"),
    ("Brown, Olivia", "brown olivia", "bo", "Mrs.", "en", 0, ""),
    ("Ivanova, Anna", "ivanova anna", "ia", "Ms.", "ru", 0, ""),
    ("O'Connor, Sean", "oconnor sean", "os", "Mr.", "en", 0, ""),
    ("Nguyen, Linh", "nguyen linh", "nl", "Ms.", "vi", 0, ""),
    ("Schmidt, Eva", "schmidt eva", "se", "Frau", "de", 0, ""),
    ("Patel, Raj", "patel raj", "pr", "Mr.", "en", 1, "Tata Group"),
)


@dataclass(frozen=True, slots=True)
class DemoStay:
    room: str
    guest_index: int
    arrival: date
    departure: date
    in_house: bool
    companions: str = ""
    privacy: bool = False
    vip_note: str = ""


def rooms() -> list[Room]:
    result = []
    for floor in FLOORS:
        for n in range(1, ROOMS_PER_FLOOR + 1):
            number = f"{floor}{n:02d}"
            if n in (1, ROOMS_PER_FLOOR):
                kind = "SUITE"
            elif n % 3 == 0:
                kind = "TWIN"
            elif floor >= 18:
                kind = "DELUXE KING"
            else:
                kind = "KING"
            result.append(Room(number=number, floor=floor, room_type=kind, extension=number))
    return result


def wing_of(number: str) -> str:
    """The demo hotel's wing of a room number like 1203 (by its last two digits)."""
    return WEST_WING if int(number[-2:]) >= WEST_FROM else EAST_WING


def extensions() -> list[Extension]:
    result = [
        Extension(number=r.number, kind=ExtensionKind.ROOM, label=r.number, room=r.number, floor=r.floor)
        for r in rooms()
    ]
    result += [
        Extension(number=d.extension, kind=ExtensionKind.DEPARTMENT, label=d.label, department=d.department)
        for d in DEPARTMENTS
    ]
    result += [
        Extension(number=num, kind=ExtensionKind.STAFF, label=label, department=dept)
        for num, label, dept in STAFF
    ]
    result.append(Extension(number=OPERATOR_EXTENSION, kind=ExtensionKind.OPERATOR, label="Operator"))
    return result


def stays(today: date) -> list[DemoStay]:
    """Most guests in house; the last six are today's and tomorrow's expected arrivals."""
    rng = random.Random(20261122)
    all_rooms = [r.number for r in rooms()]
    chosen = rng.sample(all_rooms, len(GUESTS))
    result = []
    for index, room in enumerate(chosen):
        name, _rom, _ini, _title, _lang, vip, _company = GUESTS[index]
        expected = index >= len(GUESTS) - 6
        arrival = today + timedelta(days=index % 2) if expected else today - timedelta(days=rng.randint(0, 4))
        departure = arrival + timedelta(days=rng.randint(1, 6))
        companions = "Mrs. Al-Rashid, 2 children" if name.startswith("Al-Rashid") else ""
        if name == "黄晓明":
            companions = "助理 李小姐"
        result.append(
            DemoStay(
                room=room,
                guest_index=index,
                arrival=arrival,
                departure=departure,
                in_house=not expected,
                companions=companions,
                privacy=name in ("黄晓明", "Al-Rashid, Omar"),
                vip_note="Fruit basket and welcome letter" if vip >= 2 else "",
            )
        )
    return result


# The operators' knowledge base: (topic, topic_zh, body, body_zh, keywords)
HOTEL_INFO: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Breakfast",
        "早餐",
        "All-Day Dining, 2F: 06:30-10:30 (weekends to 11:00). Room service breakfast from 06:00, ext 8063.",
        "二楼全日餐厅：06:30-10:30（周末至 11:00）。客房送餐早餐 06:00 起，分机 8063。",
        "breakfast zaocan restaurant",
    ),
    (
        "Swimming pool and gym",
        "游泳池和健身房",
        "Pool 5F 06:00-22:00, towels at the pool. Gym 24 hours with room key.",
        "泳池五楼 06:00-22:00，泳池边提供毛巾。健身房 24 小时开放，刷房卡进入。",
        "pool gym youyong jianshen",
    ),
    (
        "Airport shuttle",
        "机场班车",
        "To Pudong Airport every hour 06:00-21:00 from the main entrance, book with the concierge, ext 8010.",
        "每小时一班往浦东机场，06:00-21:00，大门口上车，请向礼宾部预订，分机 8010。",
        "airport shuttle jichang banche",
    ),
    (
        "Wi-Fi",
        "无线网络",
        "Network GrandHarbour-Guest, password on the key card sleeve; meeting rooms: GrandHarbour-Event.",
        "网络名 GrandHarbour-Guest，密码在房卡套上；会议室使用 GrandHarbour-Event。",
        "wifi internet wangluo mima",
    ),
    (
        "Late check-out",
        "延迟退房",
        "Check-out 12:00. Late check-out to 14:00 free for VIP 2 and above; "
        "others ask the front desk, ext 8000.",
        "退房时间 12:00。二级及以上贵宾可免费延迟至 14:00，其他客人请联系前台，分机 8000。",
        "checkout late tuifang",
    ),
    (
        "Fire alarm procedure",
        "火警程序",
        "On a fire alarm: call Security 8040 and the duty manager 8050 at once, note the zone and time "
        "in the logbook, do not page guests until the duty manager decides.",
        "火警时：立即通知保安部 8040 和值班经理 8050，在日志中记下区域和时间，"
        "由值班经理决定后再广播通知客人。",
        "fire alarm huojing emergency",
    ),
)


# Timed duties: (name, name_zh, shift, HH:MM, season)
TIMED_DUTIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("CCTV recording programme on", "开启闭路电视录像程序", "early", "08:00", "all"),
    ("Lobby background music off", "关闭大堂背景音乐", "mid", "23:00", "summer"),
    ("Lobby background music off", "关闭大堂背景音乐", "mid", "22:30", "winter"),
    ("Night audit call to the front desk", "夜审提醒前台", "night", "02:00", "all"),
    ("CCTV night mode", "闭路电视切换夜间模式", "night", "00:30", "all"),
    ("Morning wake-up list printed for housekeeping", "打印早晨叫醒清单给客房部", "night", "05:30", "all"),
)

# Chinese labels of the staff lines and the operator, for a Chinese screen.
LABELS_ZH: dict[str, str] = {
    "8101": "陈静（前厅经理）",
    "8102": "马丁·凯勒（行政管家）",
    "8103": "周强（总工程师）",
    "8104": "苏菲·洛朗（宾客关系）",
    "8105": "黄磊（保安经理）",
    OPERATOR_EXTENSION: "总机",
}

# What a privacy guest asked, in the language of the console that loads the demo: (en, zh).
PRIVACY_NOTE = ("Guest asked: no calls, not in house", "客人要求：不接任何来电，对外称不在店")

# The shift before the trainee's, to practise taking over: who handed over, the logbook it wrote
# and the note it left. Logbook: (category, room index into the in-house rooms or -1, follow-up,
# minutes before the handover, English, Chinese).
PREVIOUS_OPERATOR = "zhou.min"
PRACTICE_LOGBOOK: tuple[tuple[str, int, bool, int, str, str], ...] = (
    (
        "maintenance",
        2,
        True,
        300,
        "Air conditioning noisy, engineering (ext 8300) will come back after 09:00",
        "空调噪音大，工程部（分机 8300）09:00 后再来处理",
    ),
    (
        "guest_request",
        5,
        False,
        200,
        "Guest asked for an extra pillow and a kettle; housekeeping delivered at 02:10",
        "客人要加一个枕头和一个电水壶，客房部 02:10 已送到",
    ),
    (
        "complaint",
        8,
        True,
        120,
        "Noise from the room above after midnight; security spoke to the guests. Call the guest back "
        "before noon to apologise on behalf of the duty manager",
        "午夜后楼上房间噪音，保安已与客人沟通。中午前代表值班经理回电致歉",
    ),
    (
        "security",
        -1,
        False,
        90,
        "Fire alarm zone 12F tested by engineering 03:00-03:05, no guest calls",
        "工程部 03:00-03:05 测试 12 楼火警区域，无客人来电",
    ),
)
PRACTICE_HANDOVER_NOTE = (
    "Lift 2 out of order until engineering says otherwise; a taxi is booked for the guest in the "
    "first follow-up at 07:15. Quiet night otherwise.",
    "2 号电梯停用，等工程部通知；第一项待跟进的客人 07:15 订了出租车。其余一切平静。",
)
PRACTICE_DND = (4, 3)  # in-house room index on DND, hours until it ends by itself
