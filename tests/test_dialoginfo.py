"""dialog-info parsing: real Kamailio bodies, several dialogs, hold, and fuzzing with hypothesis."""

from hypothesis import given, settings
from hypothesis import strategies as st

from switchboard.dialoginfo import parse_dialog_info
from switchboard.pbx import LampState

HEAD = (
    '<?xml version="1.0"?>\n<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"'
    ' version="{v}" state="{s}" entity="sip:1203@127.0.0.1">'
)


def doc(*dialogs: str, v: int = 1, s: str = "full") -> str:
    return HEAD.format(v=v, s=s) + "".join(dialogs) + "</dialog-info>"


def dialog(state: str, held: bool = False, ident: str = "a") -> str:
    local = (
        '<local><target uri="sip:1203@127.0.0.1"><param pname="+sip.rendering" pval="no"/></target></local>'
    )
    return (
        f'<dialog id="{ident}" direction="recipient"><state>{state}</state>'
        f"<remote><identity>sip:2001@127.0.0.1</identity></remote>{local if held else ''}</dialog>"
    )


def test_states_map_to_lamps() -> None:
    cases = {
        "early": LampState.RINGING,
        "proceeding": LampState.RINGING,
        "confirmed": LampState.BUSY,
        "terminated": LampState.IDLE,
    }
    for state, lamp in cases.items():
        info = parse_dialog_info(doc(dialog(state), v=7))
        assert info is not None
        assert info.lamp is lamp, state
        assert info.version == 7 and info.entity == "sip:1203@127.0.0.1" and info.full


def test_held_call_and_every_dialog_counts() -> None:
    held = parse_dialog_info(doc(dialog("confirmed", held=True)))
    assert held is not None and held.lamp is LampState.HELD
    # The second dialog rings while the first is held: ringing wins.
    both = parse_dialog_info(doc(dialog("confirmed", held=True), dialog("early", ident="b"), s="partial"))
    assert both is not None and both.lamp is LampState.RINGING and not both.full


def test_empty_document_is_idle_and_garbage_is_refused(caplog) -> None:
    empty = parse_dialog_info(doc())
    assert empty is not None and empty.lamp is LampState.IDLE
    assert parse_dialog_info(b"<presence/>") is None
    assert parse_dialog_info(b"\x00\xff not xml") is None
    assert "not XML" in caplog.text


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_any_bytes_give_a_result_or_none_never_an_exception(body) -> None:
    info = parse_dialog_info(body)
    assert info is None or isinstance(info.lamp, LampState)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["trying", "early", "confirmed", "terminated", "bogus", ""]), st.booleans()
        ),
        max_size=6,
    )
)
def test_generated_documents_pick_the_most_urgent_dialog(dialogs) -> None:
    info = parse_dialog_info(doc(*(dialog(s, h, str(i)) for i, (s, h) in enumerate(dialogs))))
    assert info is not None
    states = {s for s, _ in dialogs}
    if states & {"trying", "early"}:
        assert info.lamp is LampState.RINGING
    elif not dialogs:
        assert info.lamp is LampState.IDLE
    elif states <= {"bogus", ""}:
        assert info.lamp is LampState.UNKNOWN
