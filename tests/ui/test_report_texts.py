"""The chair writes the report's texts and the service plan on the Statistics screen;
what is saved is what the annual report prints."""

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit

from panelapp.reports.annual import annual_report_pdf
from panelapp.services.permissions import Actor
from panelapp.stats import financial_year
from panelapp.stats.periods import Period
from tests.ui.drive import unnamed_controls
from ui.statistics.page import StatisticsPage
from ui.statistics.report_texts_dialog import DUE, ReportTextsDialog

CHAIR = Actor("cj", "Chris Chair", "chair")
MEMBER = Actor("mo", "Mo Member", "member")
FY2024 = Period(*financial_year(2024))
COMMENTARY = ("The panel met every month and heard each case in good time. Members asked for "
              "earlier sight of medical reports, which the agency has agreed to provide.")


def pdf_words(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


@pytest.fixture
def dialog(qtbot, northshire_store):
    def open_():
        made = ReportTextsDialog(northshire_store, CHAIR, FY2024)
        qtbot.addWidget(made)
        made.show()
        return made
    return open_


def test_the_statistics_screen_offers_the_texts_for_the_period_shown(qtbot, runner, northshire_store):
    page = StatisticsPage(runner, northshire_store, today=dt.date(2025, 6, 2), actor=CHAIR)
    qtbot.addWidget(page)
    assert page.texts_button.isVisibleTo(page) and not page.texts_button.isEnabled()
    with qtbot.waitSignal(page.shown, timeout=20_000):
        page.reload()  # the year before this one: 2024-25
    assert page.texts_button.isEnabled()
    qtbot.mouseClick(page.texts_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, ReportTextsDialog) and page.dialog.isVisible()
    assert page.dialog.span == FY2024
    assert page.dialog.windowTitle() == "The report's texts: 2024-25"
    page.dialog.reject()

    viewer = StatisticsPage(runner, northshire_store, today=dt.date(2025, 6, 2), actor=MEMBER)
    qtbot.addWidget(viewer)
    assert not viewer.texts_button.isVisibleTo(viewer)
    assert viewer.write_texts() is None


def test_write_the_commentary_and_a_plan_save_reopen_and_print(qtbot, dialog, northshire_store, tmp_path):
    first = dialog()
    tabs = [first.tabs.tabText(n).replace("&", "") for n in range(first.tabs.count())]
    assert tabs == ["Introduction", "Chair's commentary", "Quality of reports", "Service plan priorities",
                    "Review of last year's plan"]
    first.texts["chair_commentary"].setPlainText(COMMENTARY)
    first.show_section("service_plan")
    qtbot.mouseClick(first.add_button, Qt.MouseButton.LeftButton)
    plan = first.plan
    assert plan.rowCount() == 1
    for column, value in enumerate(("Recruit adopters for sibling groups", "Head of service",
                                    dt.date(2026, 3, 31), "Two information evenings held")):
        assert plan.setData(plan.index(0, column), value)
    first.add_priority()  # a second row, left empty: no priority
    assert first.save()
    assert not first.isVisible()

    again = dialog()
    assert again.texts["chair_commentary"].toPlainText() == COMMENTARY
    assert again.plan.rowCount() == 1
    assert [again.plan.index(0, c).data() for c in range(4)] == [
        "Recruit adopters for sibling groups", "Head of service", "31 Mar 2026", "Two information evenings held"]
    again.reject()

    with northshire_store.session() as session:
        path = annual_report_pdf(session, tmp_path / "report.pdf", date_from=FY2024.start, date_to=FY2024.end)
    words = pdf_words(path)
    assert COMMENTARY in words
    assert "Recruit adopters for sibling groups" in words


def test_a_refused_text_is_explained_and_nothing_is_saved(qtbot, dialog, northshire_doc):
    child = northshire_doc["children"][0]
    first = dialog()
    first.texts["introduction"].setPlainText("An introduction.")
    first.texts["chair_commentary"].setPlainText(f"We were glad to see {child['name']} placed.")
    first.tabs.setCurrentIndex(0)
    assert not first.save()
    assert first.isVisible() and first.problem.isVisible()
    assert first.problem.text() == (f"The chair's commentary names a child or adopter (child {child['ref']}); "
                                    "the report is published without names, so write it without them.")
    assert first.tabs.tabText(first.tabs.currentIndex()) == "&Chair's commentary"
    assert first.texts["chair_commentary"].toPlainText().endswith("placed."), "the input is kept"
    first.reject()
    assert dialog().texts["introduction"].toPlainText() == "", "one transaction: nothing was saved"


def test_a_plan_with_problems_lists_them(qtbot, dialog):
    first = dialog()
    row = first.add_priority()
    first.plan.setData(first.plan.index(row, 0), "Shorter waits for matching")
    first.texts["quality_of_reports"].setPlainText("Reports were clear.")
    first.tabs.setCurrentIndex(0)
    assert not first.save()
    assert first.problem.text() == ("The service plan was not stored:\n"
                                    "- priority 1: the owner is missing: say who is responsible\n"
                                    "- priority 1: the due date is missing: write it as YYYY-MM-DD.")
    assert first.tabs.tabText(first.tabs.currentIndex()) == "Service &plan priorities"
    first.remove_priority()
    assert first.plan.rowCount() == 0
    assert first.save()
    assert dialog().texts["quality_of_reports"].toPlainText() == "Reports were clear."


def test_the_due_date_is_chosen_on_a_calendar(qtbot, dialog):
    first = dialog()
    first.show_section("service_plan")
    row = first.add_priority()
    index = first.plan.index(row, DUE)
    first.plan_table.setCurrentIndex(index)
    first.plan_table.edit(index)
    editor = first.plan_table.findChild(QDateEdit)
    assert editor.calendarPopup() and editor.accessibleName() == "Due date"
    assert editor.date() == QDate(2026, 3, 31), "a new priority is due a year after the period ends"
    editor.setDate(QDate(2025, 12, 1))
    first.plan_table.commitData(editor)
    assert first.plan.index(row, DUE).data() == "1 Dec 2025"
    assert first.plan.priorities() == [{"priority": None, "owner": None, "due": dt.date(2025, 12, 1),
                                        "progress": None}]


def test_every_control_has_an_accessible_name(dialog):
    first = dialog()
    first.add_priority()
    assert unnamed_controls(first) == []
