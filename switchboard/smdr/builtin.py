"""The formats the console knows, written as the profiles a hotel's engineer would write.

Each says where its layout comes from; ``tests/data/smdr/SOURCES.md`` lists the sample records.
"""

from __future__ import annotations

from switchboard.smdr.profile import Profile, profile_from_section

_AVAYA_EXTRA = (
    "dialled",
    "is_internal",
    "continuation",
    "party1",
    "party1_name",
    "party2",
    "party2_name",
    "hold",
    "park",
    "auth_valid",
    "targeting",
    "targeter",
    "targeted",
)
_ASTERISK_EXTRA = (
    "src",
    "dst",
    "clid",
    "channel",
    "dstchannel",
    "answer",
    "end",
    "total",
    "amaflags",
    "uniqueid",
    "userfield",
    "linkedid",
    "sequence",
)
_MIVB_EXTRA = ("long_call", "attendant", "status", "system")
_PANASONIC_EXTRA = ("condition",)
_THREECX_EXTRA = ("history", "end", "reason")
_DATETIME = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"

BUILTIN: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "avaya_ipo": (
        {
            "documented": "Avaya IP Office SMDR fields (ipofficekb.avaya.com …/smdr_fields.htm)",
            "layout": "csv",
            "dialect": "avaya",
            "min_fields": "17",
            "max_fields": "40",
            "fields": "start 1, duration 2, ring 3, caller 4, direction 5, called 6, dialled 7, account 8, "
            "is_internal 9, call_id 10, continuation 11, party1 12, party1_name 13, party2 14, "
            "party2_name 15, hold 16, park 17, auth_valid 18, charge 21, currency 22, targeting 28, "
            "targeter 29, targeted 30",
            "datetime_format": "%Y/%m/%d %H:%M:%S",
            "check_duration": r"\d\d:[0-5]\d:[0-5]\d",
            "check_ring": r"\d{1,6}",
            "check_direction": "[IO]",
            # the CLI; from a SIP trunk IP Office writes it as user@host (9145661757@172.16.2.10)
            "check_caller": r"[0-9A-Za-z*#+ ]{0,40}(@[0-9A-Za-z.:_-]{1,64})?",
            "check_is_internal": "[01]",
            "check_call_id": r"\d{1,12}",
            "check_continuation": "[01]",
            "check_party1": r"[ETV]\d{1,10}|U[\w .]{1,20}",
            "check_party2": r"[ETV]\d{1,10}|U[\w .]{1,20}|",
            "check_hold": r"\d{1,6}",
            "check_park": r"\d{1,6}",
            "check_auth_valid": "[01]?",
            "check_charge": r"(\d{1,9}(\.\d{1,4})?)?",
            "check_currency": r"\S{0,8}",
            # who caused it and why (Avaya: "U FU" = the user's forward unconditional); a user who dialled
            # out is written "U" alone in real captures
            "check_targeting": r"([A-Za-z?]{1,5}( [A-Za-z]{1,8})?)?",
            "record_start": r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d,",
            "tcp_framing": "lines",
        },
        _AVAYA_EXTRA,
    ),
    "mitel_5000": (
        {
            "documented": "Inter-Tel/Mitel 5000 CP Administrator Guide, SMDR Report Format; TCP framing "
            "and login "
            "as in the 5000 CP socket description",
            "layout": "fixed",
            "min_length": "59",
            "max_length": "96",
            "fields": "type 1-3, extension 5-9, trunk 11-15, number 17-44, time 46-50, duration 52-59, "
            "charge 61-66, account 68-",
            "time_format": "%H:%M",
            "direction_field": "type",
            "direction_codes": "000:out, LOC:out, TLC:out, TLD:out, O/I:out, OP:out, INT:out, IN:in, DID:in, "
            "DSA:in, CNF:internal, NET:internal",
            "check_type": r"000|LOC|TLC|TLD|O/I|OP|INT|DSA|CNF|DID|IN|NET",
            "check_extension": r"\*{5}|\d{1,5}",
            "check_trunk": r"\d{0,5}",
            "check_number": r"[0-9*#\-]{0,28}>?",
            "check_time": r"[0-2]\d:[0-5]\d",
            "check_duration": r"\d\d:[0-5]\d:[0-5]\d|S=\d{6}",
            "check_charge": r"(\$\d{1,3}\.\d\d)?",
            "check_account": r"\d{0,16}\*?",
            "unanswered": "*****",
            "record_start": r"(000|LOC|TLC|TLD|O/I|OP |INT|DSA|CNF|DID|IN |NET) [*\d ]{5} ",
            "tcp_framing": "length32",
            "login": "mitel_5000",
        },
        (),
    ),
    "asterisk_csv": (
        {
            "documented": "Asterisk cdr/cdr_csv.c build_csv_record(): 16 columns, then uniqueid and "
            "userfield "
            "(loguniqueid, loguserfield), then peeraccount, linkedid, sequence (newcdrcolumns)",
            "layout": "csv",
            "dialect": "asterisk",
            "min_fields": "16",
            "max_fields": "21",
            "fields": "account 1, src 2, dst 3, type 4, clid 5, channel 6, dstchannel 7, start 10, "
            "answer 11, "
            "end 12, total 13, duration 14, answered 15, amaflags 16, uniqueid 17, userfield 18, "
            "linkedid 20, sequence 21",
            "datetime_format": "%Y-%m-%d %H:%M:%S",
            "check_start": _DATETIME,
            "check_answer": f"({_DATETIME})?",
            "check_end": _DATETIME,
            "check_total": r"\d{1,9}",
            "check_duration": r"\d{1,9}",
            "check_answered": "ANSWERED|NO ANSWER|BUSY|FAILED|CONGESTION",
            "check_amaflags": "DOCUMENTATION|BILLING|OMIT|Unknown",
            "check_uniqueid": r"[\w.\-]{0,150}",
            "check_linkedid": r"[\w.\-]{0,150}",
            "check_sequence": r"\d{0,10}",
            "check_account": r"[\w.\- ]{0,80}",
            "check_src": r"[\w.+*#@\- ]{0,80}",
            "check_dst": r"[\w.+*#@\-]{0,80}",
            "check_type": r"[\w.\-]{0,80}",
            "check_channel": r"[\w/@.;:+\-]{1,80}",
            "check_dstchannel": r"[\w/@.;:+\-]{0,80}",
            "record_start": r'"[^"]*","[^"]*","[^"]*","[^"]*",',
            "tcp_framing": "lines",
        },
        _ASTERISK_EXTRA,
    ),
    "mitel_mivb": (
        {
            "documented": "Mitel MiVoice Business / 3300 ICP help, SMDR Recorded Information and "
            "SMDR examples "
            "(standard 90-character record)",
            "layout": "fixed",
            "min_length": "34",
            "max_length": "130",
            "fields": "long_call 1-1, date 2-6, time 8-13, duration 15-22, caller 24-27, attendant 29-29, "
            "ring 30-32, number 34-59, status 60-60, called 62-65, account 73-84, system 86-88",
            "date_format": "%m/%d",
            "time_format": "%H:%M%p",
            "check_long_call": r"[-%+]?",
            "check_date": r"[01]\d/[0-3]\d",
            "check_time": r"[0-2]\d:[0-5]\d[APap]?",
            "check_duration": r"\d\d:[0-5]\d:[0-5]\d",
            "check_caller": r"[TX]\d{1,3}|ATT\d?|\d{1,4}",
            "check_attendant": r"\*?",
            "check_ring": r"\d{3}|\*{3}|",
            "check_number": r"[0-9*#]{0,26}",
            "check_status": r"[A-Z]?",
            "check_called": r"[TX]\d{1,3}|ATT\d?|\d{1,4}|",
            "check_account": r"[0-9 ]{0,12}",
            "check_system": r"\d{3}|",
            "station": r"\d{1,4}",
            "trunk_party": r"[TX]\d{1,3}",
            "record_start": r"[-%+ ][01]\d/[0-3]\d [0-2]\d:[0-5]\d",
            "tcp_framing": "lines",
        },
        _MIVB_EXTRA,
    ),
    "nec_sl": (
        {
            "documented": "NEC SL1100/SL2100/SV9100 Features and Specifications, "
            "SMDR Record (PRG 35-02-14 = 1)",
            "layout": "fixed",
            "min_length": "21",
            "max_length": "100",
            "fields": "type 1-5, time 6-10, date 12-16, trunk 18-21, duration 23-30, extension 32-41, "
            "number 43-62, account 64-79",
            "date_format": "%m/%d",
            "time_format": "%H:%M",
            "direction_field": "type",
            "direction_codes": "POT:out, POTA:out, POTP:out, POTW:out, IVOT:out, IVOTP:out, IDOT:out, "
            "PIN:in, "
            "IVIN:in, IDIN:in, ICM:internal, PTRS:in, ITRS:in, ALB:skip, BRD:skip, BFL:skip, "
            "NEXT:skip, SDTA:skip, SAD:skip, WAD:skip",
            "check_type": r"[A-Z]{3,5}",
            "check_time": r"[0-2]\d:[0-5]\d",
            "check_date": r"([01]\d/[0-3]\d)?",
            "check_trunk": r"\d{0,4}",
            "check_duration": r"(\d\d:[0-5]\d:[0-5]\d)?",
            "check_extension": r"[\w ]{0,10}",
            "check_number": r"[0-9*#]{0,20}",
            "unanswered": "account=NO ANSWER",
            "not_calls": r"^\s*(CLASS|CLSS)\s|\sPAGE\s+\d+\s*$"
            r"|^(OUTGOING CALL|FOR DAY OF|TOTAL NO\.|NO\. OF)",
            "record_start": r"[A-Z]{3,5} +[0-2]\d:[0-5]\d ",
            "tcp_framing": "lines",
        },
        (),
    ),
    "panasonic_kx": (
        {
            "documented": "Panasonic KX-NS1000 / KX-TDE Feature Guide, Record Log (SMDR) "
            "Pattern A, 80 characters",
            "layout": "fixed",
            "min_length": "65",
            "max_length": "82",
            "fields": "date 1-8, time 10-16, extension 18-22, trunk 24-25, number 27-51, ring 53-56, "
            "duration 58-65, account 67-76, condition 78-80",
            "date_format": "%m/%d/%y",
            "time_format": "%I:%M%p",
            "time_is": "end",
            "number_marks": "<D>:in, <I>:in, $EXT:internal",
            "check_date": r"\d\d/\d\d/\d\d",
            "check_time": r"[01]\d:[0-5]\d[AP]M",
            "check_extension": r"[*DT]?\d{1,4}",
            "check_trunk": r"\d\d",
            "check_ring": r"(\d{1,2}'[0-5]\d)?",
            "check_duration": r"\d\d:[0-5]\d'[0-5]\d",
            "check_account": r"[0-9]{0,10}",
            "check_condition": r"[A-Z]{0,3}",
            "not_calls": r"LOG IN|LOG OUT|Check in|Check out|Timed Reminder|In the office",
            "record_start": r"\d\d/\d\d/\d\d [01]\d:[0-5]\d[AP]M ",
            "tcp_framing": "lines",
        },
        _PANASONIC_EXTRA,
    ),
    "threecx": (
        {
            "documented": "3CX CDR output, the default field order (historyid, callid, duration, time-start, "
            "time-answered, time-end, reason-terminated, from-no, to-no, from-dn, to-dn, dial-no, "
            "reason-changed, final-number, final-dn, bill-code, bill-rate, bill-cost, bill-name, chain)",
            "layout": "csv",
            "min_fields": "20",
            "max_fields": "20",
            "fields": "history 1, call_id 2, duration 3, start 4, answered 5, end 6, reason 7, caller 8, "
            "number 12, "
            "called 14, account 16, charge 18",
            "datetime_format": "%Y/%m/%d %H:%M:%S",
            "answered_codes": "*",
            "check_history": r"Call \d{1,12}",
            "check_call_id": r"[0-9A-Fa-f_]{1,40}",
            "check_duration": r"\d\d:[0-5]\d:[0-5]\d",
            "check_answered": r"(\d{4}/\d\d/\d\d \d\d:\d\d:\d\d)?",
            "check_end": r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d",
            "check_reason": r"[A-Za-z]{0,40}",
            "check_charge": r"(\d{1,9}(\.\d{1,4})?)?",
            "check_caller": r"[\w.+*#]{0,40}",
            "check_called": r"[\w.+*#]{0,40}",
            "check_number": r"[\w.+*#]{0,40}",
            "station": r"Ext\.(\d{1,10})",
            "record_start": r"Call \d+,",
            "tcp_framing": "lines",
        },
        _THREECX_EXTRA,
    ),
}


def builtin_profiles() -> dict[str, Profile]:
    return {name: profile_from_section(name, values, extra) for name, (values, extra) in BUILTIN.items()}
