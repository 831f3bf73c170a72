"""A call for a privacy guest, from the directory to the guest's telephone only through the question.

Highlighting a privacy guest in the directory makes the guest the queue's target without an extension;
F8 or F10 then opens ``PrivacyQuestion`` beside the queue. Yes asks the service
(``switchboard.privacy_call.PrivacyCalls``) to record the answer and give the extension at that moment,
and the call goes there (blind, or announced for F10) without the extension being shown; No records
that the caller was told the hotel's words and opens a message form for the guest. A transfer to the
guest that meets busy, no answer or DND comes back to the same panel, as a message form, not to the busy
options (which would name the extension)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from switchboard.directory import DirectoryEntry
from switchboard.errors import ConsoleError
from switchboard.hotel import Actor
from switchboard.pbx import CallState, FailureReason
from switchboard.privacy_call import PrivacyAnswer, PrivacyCalls
from ui.call_history import CallHistory
from ui.directory_panel import DirectoryPanel
from ui.errors import explain
from ui.privacy_question import PrivacyQuestion
from ui.queue_panel import QueuePanel


class PrivacyTransfer(QObject):
    def __init__(
        self,
        *,
        queue: QueuePanel,
        directory: DirectoryPanel,
        calls: PrivacyCalls,
        actor: Callable[[], Actor],
        status: Callable[[str], None],
        history: CallHistory | None = None,
    ) -> None:
        super().__init__(queue)
        self._queue = queue
        self._directory = directory
        self._calls = calls
        self._actor = actor
        self._status = status
        self._history = history
        self.question: PrivacyQuestion | None = None
        self._sent: dict[str, tuple[str, DirectoryEntry]] = {}  # call id -> (extension, guest) put through
        directory.privacy_selected.connect(self.target)

    def target(self, entry: DirectoryEntry) -> None:
        label = f"{entry.name} {entry.title}".strip()
        self._queue.select_guarded(label, lambda call_id, announce: self.ask(entry, call_id, announce))

    def ask(self, entry: DirectoryEntry, call_id: str, announce: bool) -> None:
        call = self._queue.queue.known(call_id)
        question = PrivacyQuestion(
            f"{entry.name} {entry.title}".strip(),
            entry.privacy_note,
            self._directory.privacy_line(),
            call.caller if call is not None else "",
        )
        question.gave_word.connect(lambda: self._put_through(entry, call_id, announce))
        question.declined.connect(lambda: self._confirm(call_id, entry, PrivacyAnswer.TOLD_WORDS))
        question.message.connect(lambda *fields: self._take_message(question, entry, *fields))
        question.answered.connect(lambda: self._close(question))
        self.question = question
        self._queue.show_question(question)

    def refused(self, call_id: str, target: str, _reason: FailureReason) -> bool:
        """Busy, no answer or DND at a privacy guest's telephone: the message form, never the extension."""
        sent = self._sent.get(call_id)
        if sent is None or sent[0] != target:
            return False
        del self._sent[call_id]
        self.ask(sent[1], call_id, False)
        if self.question is not None:
            self.question.headline.setText(
                QCoreApplication.translate(
                    "PrivacyTransfer", "The guest cannot take the call now: offer a message."
                )
            )
            self.question.open_message_form()
        return True

    def _confirm(self, call_id: str, entry: DirectoryEntry, answer: PrivacyAnswer) -> str | None:
        try:
            return self._calls.confirm(call_id, entry.stay, answer, self._actor())
        except ConsoleError as exc:
            self._status(explain(exc))
            return None

    def _put_through(self, entry: DirectoryEntry, call_id: str, announce: bool) -> None:
        if self._queue.queue.get(call_id) is None:  # the caller hung up while the question was open
            self._status(
                QCoreApplication.translate("PrivacyTransfer", "The caller has gone: nothing was sent.")
            )
            return
        extension = self._confirm(call_id, entry, PrivacyAnswer.GAVE_WORD)
        if extension is None:
            return
        if not extension:
            self._status(
                QCoreApplication.translate(
                    "PrivacyTransfer",
                    "The guest is no longer in house under privacy: the call was not put through.",
                )
            )
            return
        self._sent[call_id] = (extension, entry)
        # the queue's row of an announced call and the transfer lines name the guest, never the extension
        label = QCoreApplication.translate("PrivacyTransfer", "%1 (privacy)").replace(
            "%1", f"{entry.name} {entry.title}".strip()
        )
        self._queue.model.hidden[extension] = label
        if self._history is not None:
            self._history.hidden[extension] = label
        active = self._queue.queue.active()
        if (
            announce
            and active is not None
            and active.call_id == call_id
            and active.state is CallState.CONNECTED
        ):
            self._queue.consult(call_id, extension)
        else:
            self._queue.transfer_call(call_id, extension)

    def _take_message(
        self, question: PrivacyQuestion, entry: DirectoryEntry, sender: str, callback: str, text: str
    ) -> None:
        try:
            self._calls.take_message(entry.stay, sender, callback, text, self._actor())
        except ConsoleError as exc:
            self._status(explain(exc))
            return
        self._status(
            QCoreApplication.translate("PrivacyTransfer", "Message taken for %1.").replace(
                "%1", f"{entry.name} {entry.title}".strip()
            )
        )
        self._close(question)

    def _close(self, question: PrivacyQuestion) -> None:
        if self._queue.question is question:
            self._queue.close_question()
        if self.question is question:
            self.question = None
