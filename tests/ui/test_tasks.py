"""The task runner: work runs in the pool, results come back on the GUI thread."""

import threading

import pytest

from ui.common.tasks import Cancelled


def test_result_arrives_on_the_gui_thread(qtbot, runner):
    seen = {}

    def work(task, a, b):
        seen["worker"] = threading.current_thread()
        return a + b

    def done(result):
        seen["result"] = result
        seen["delivered_on"] = threading.current_thread()

    task = runner.submit(work, 2, 3, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 5
    assert seen["worker"] is not threading.main_thread()
    assert seen["delivered_on"] is threading.main_thread()
    assert task.outcome == "done"
    assert runner.active == 0


def test_progress_and_error_are_delivered(qtbot, runner):
    reports, errors = [], []

    def work(task):
        task.progress(0.25, "a quarter")
        task.progress(2.0, "more than done")
        raise ValueError("the file has no meetings")

    runner.submit(work, on_progress=lambda f, m: reports.append((f, m)),
                  on_error=lambda exc, details: errors.append((exc, details)))
    qtbot.waitUntil(lambda: bool(errors))
    assert reports == [(0.25, "a quarter"), (1.0, "more than done")]
    exc, details = errors[0]
    assert isinstance(exc, ValueError) and "no meetings" in str(exc)
    assert "Traceback" in details


def test_cancel_stops_a_worker_that_checks(qtbot, runner):
    started = threading.Event()
    outcome = []

    def work(task):
        started.set()
        for _ in range(10_000):  # bounded, so a broken cancel fails rather than hangs
            task.check()
            threading.Event().wait(0.005)
        return "finished anyway"

    task = runner.submit(work, on_done=outcome.append, on_cancelled=lambda: outcome.append("cancelled"))
    assert started.wait(10)
    task.cancel()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"]
    assert task.outcome == "cancelled"


def test_progress_raises_once_cancelled(qtbot, runner):
    gate = threading.Event()
    outcome = []

    def work(task):
        gate.wait(10)
        task.progress(0.5, "half way")  # raises: the task was cancelled meanwhile
        return "not reached"

    task = runner.submit(work, on_done=outcome.append, on_cancelled=lambda: outcome.append("cancelled"))
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"]
    with pytest.raises(Cancelled):
        task.check()


def test_shutdown_cancels_running_tasks(qtbot, runner):
    started = threading.Event()

    def work(task):
        started.set()
        for _ in range(10_000):
            task.check()
            threading.Event().wait(0.005)

    tasks = [runner.submit(work) for _ in range(3)]
    assert started.wait(10)
    assert runner.shutdown(10_000)
    assert all(t.cancelled for t in tasks)
