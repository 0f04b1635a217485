"""A table's load shows its progress and can be stopped, leaving the rows shown."""

import threading

import pytest
from PySide6.QtCore import Qt

from tests.builders import fake_households
from ui.common.tablemodel import prepare
from ui.common.tablepage import BATCH_ROWS, STEPS, TablePage, prepare_in_batches
from ui.common.tasks import Cancelled
from ui.records.households import HOUSEHOLD_COLUMNS


def test_cancel_stops_the_load_and_keeps_the_rows_shown(qtbot, runner):
    first, second = fake_households(30), fake_households(40)
    entered, release = threading.Event(), threading.Event()

    def slow_query():
        entered.set()
        release.wait(10)  # bounded, so a broken test fails rather than hangs
        return second

    loads = [lambda: first, slow_query]
    page = TablePage(runner, "households", HOUSEHOLD_COLUMNS, lambda: loads.pop(0)())
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 30 and page.loading is None)
    assert page.load_bar.isHidden() and page.stop_button.isHidden()

    page.reload()
    assert entered.wait(10)
    qtbot.waitUntil(lambda: page.load_bar.isVisible())
    assert page.stop_button.isVisible()
    assert page.load_bar.maximum() == 0, "a query is shown as busy: how long it takes is unknown"
    assert page.count.text() == "Loading households…"

    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    assert page.loading is None
    assert page.load_bar.isHidden() and page.stop_button.isHidden()
    assert page.count.text() == "Loading stopped: 30 households"

    release.set()  # the query comes back; its rows are dropped
    qtbot.waitUntil(lambda: runner.active == 0)
    assert page.model.rowCount() == 30
    assert [row.ref for row in page.model.rows()] == [row.ref for row in first]


class Recorder:
    """Stands in for the worker's task: records progress, cancels when told to."""

    def __init__(self, cancel_at: int | None = None):
        self.reports, self.cancel_at = [], cancel_at

    def progress(self, fraction, message=""):
        if self.cancel_at is not None and len(self.reports) == self.cancel_at:
            raise Cancelled("stopped")
        self.reports.append((fraction, message))


def test_rows_are_prepared_in_batches_with_progress():
    rows = fake_households(BATCH_ROWS * 2 + 7)
    task = Recorder()
    batched = prepare_in_batches(task, HOUSEHOLD_COLUMNS, rows, None, None)
    whole = prepare(HOUSEHOLD_COLUMNS, rows)
    assert (batched.rows, batched.texts, batched.keys, batched.search) == \
        (whole.rows, whole.texts, whole.keys, whole.search)
    total = len(rows)
    assert task.reports == [(0.0, f"Preparing 0 of {total:,}"),
                            (BATCH_ROWS / total, f"Preparing {BATCH_ROWS:,} of {total:,}"),
                            (2 * BATCH_ROWS / total, f"Preparing {2 * BATCH_ROWS:,} of {total:,}")]


def test_a_cancelled_preparation_stops_between_batches():
    task = Recorder(cancel_at=1)
    with pytest.raises(Cancelled):
        prepare_in_batches(task, HOUSEHOLD_COLUMNS, fake_households(BATCH_ROWS * 3), None, None)
    assert len(task.reports) == 1


def test_preparing_a_long_list_turns_the_bar_from_busy_to_how_far(qtbot, runner):
    rows = fake_households(BATCH_ROWS * 2)
    page = TablePage(runner, "households", HOUSEHOLD_COLUMNS, lambda: rows)
    qtbot.addWidget(page)
    page.reload()
    assert page.load_bar.maximum() == 0
    qtbot.waitUntil(lambda: page.model.rowCount() == len(rows))
    assert page.load_bar.maximum() == STEPS
