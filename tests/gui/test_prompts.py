"""Worker → GUI questions: the window shows them without blocking, the worker gets the answer."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from privacy_desktop.domain.i18n import UserMessage
from privacy_desktop.gui.main_window import MainWindow
from privacy_desktop.gui.workers.prompts import PromptKind, PromptRequest
from privacy_desktop.gui.workers.runner import Pool, TaskRunner
from privacy_desktop.gui.workers.task import TaskContext

QUESTION = UserMessage("Test", "Enter the code for %1", ("Demo",))


def ask(kind: PromptKind, timeout: float = 300.0) -> Callable[[TaskContext], str | None]:
    def work(context: TaskContext) -> str | None:
        return context.ask(PromptRequest(kind, QUESTION), timeout=timeout)

    return work


def test_secret_question_is_answered_through_a_masked_dialog(
    qtbot: QtBot, window: MainWindow
) -> None:
    answers: list[object] = []
    window.runner.submit(ask(PromptKind.SECRET), pool=Pool.INTERACTIVE, on_done=answers.append)
    qtbot.waitUntil(lambda: isinstance(window.prompt_dialog, QInputDialog))
    dialog = window.prompt_dialog
    assert isinstance(dialog, QInputDialog)
    assert dialog.labelText() == "Enter the code for Demo"
    assert dialog.textEchoMode() is QLineEdit.EchoMode.Password
    dialog.setTextValue("123456")
    dialog.accept()
    qtbot.waitUntil(lambda: answers == ["123456"])


def test_declined_confirmation_gives_none(qtbot: QtBot, window: MainWindow) -> None:
    answers: list[object] = []
    handle = window.runner.submit(ask(PromptKind.CONFIRM), on_done=answers.append)
    qtbot.waitUntil(lambda: isinstance(window.prompt_dialog, QMessageBox))
    box = window.prompt_dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: handle.done)
    assert answers == [None]


def test_cancel_while_waiting_ends_the_task(qtbot: QtBot, window: MainWindow) -> None:
    cancelled: list[bool] = []
    handle = window.runner.submit(ask(PromptKind.TEXT), on_cancelled=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: isinstance(window.prompt_dialog, QInputDialog))
    handle.cancel()
    qtbot.waitUntil(lambda: cancelled == [True])


def test_unanswered_question_times_out_with_a_message(qtbot: QtBot, window: MainWindow) -> None:
    errors: list[str] = []
    window.runner.submit(ask(PromptKind.TEXT, timeout=0.2), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == ["The question was not answered in time."]


def test_without_a_window_nobody_is_asked(qtbot: QtBot, runner: TaskRunner) -> None:
    answers: list[object] = []
    handle = runner.submit(ask(PromptKind.TEXT), on_done=answers.append)
    qtbot.waitUntil(lambda: handle.done)
    assert answers == [None]
