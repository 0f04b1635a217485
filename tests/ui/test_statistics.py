"""The Statistics screen: the figures of a period beside the two years before, the
report's charts, the records behind a figure, and saving as PDF or Excel."""

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor

import ui.statistics.export
import ui.statistics.page
from ui.shell import theme
from ui.statistics.page import CUSTOM, StatisticsPage, period_choices

FIXTURES = Path(__file__).parent.parent / "fixtures"
TODAY = dt.date(2025, 6, 2)  # so the periods offered are the same whenever the tests run


@pytest.fixture(scope="module")
def expected():
    return json.loads((FIXTURES / "northshire-fy2024.expected.json").read_text())


def choose(qtbot, page, name: str) -> dict:
    index = page.chooser.findData(name)
    with qtbot.waitSignal(page.shown, timeout=20_000) as shown:
        if page.chooser.currentIndex() == index:
            page.reload()  # as the workspace does when the section is first shown
        else:
            page.chooser.setCurrentIndex(index)
    return shown.args[0]


@pytest.fixture
def page(qtbot, runner, northshire_store):
    page = StatisticsPage(runner, northshire_store, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1060, 700)
    page.show()
    return page


@pytest.fixture
def fy2024(qtbot, page):
    choose(qtbot, page, "2024")
    return page


def texts(page, key: str) -> list[str]:
    item = page.tree.figure_item(key)
    return [item.text(column) for column in (1, 2, 3)]


def test_the_periods_offered():
    choices = [c for c in period_choices(TODAY) if c is not None]
    names = [name for _, name in choices]
    assert names[:6] == ["2025", "2024", "2023", "2022", "2021", "2020"]
    assert names[6:10] == ["2025H2", "2025H1", "2024H2", "2024H1"]
    assert len(names) == 6 + 12 + 1 and names[-1] == CUSTOM


def test_fy2024_shows_the_expected_figures_in_all_three_columns(fy2024, expected):
    page = fy2024
    assert page.result == expected
    years = [expected, *expected["previous"]]
    for key, path in (("panel.meetings_held", ("panel", "meetings_held")),
                      ("panel.items_heard", ("panel", "items_heard")),
                      ("adm.late", ("adm", "late")),
                      ("adopters.approved", ("adopters", "approved")),
                      ("children.placed", ("children", "placed")),
                      ("scorecard.A2.days", ("scorecard", "A2", "days"))):
        wanted = []
        for figures in years:
            for part in path:
                figures = figures[part]
            wanted.append("–" if figures is None else f"{figures:g}" if isinstance(figures, float) else str(figures))
        assert texts(page, key) == wanted, key
    assert texts(page, "panel.attendance.M01.present")[0] == "15 of 22"
    assert [page.tree.heading(c).split("\n")[1] for c in (1, 2, 3)] == ["2024-25", "2023-24", "2022-23"]
    assert page.chooser.currentText() == "Financial year 2024–25"
    assert page.pdf_button.isEnabled() and page.xlsx_button.isEnabled()


def test_the_charts_chart_the_report_figures(fy2024, expected):
    charts = fy2024.charts
    years = [expected, *expected["previous"]]

    items = charts.chart("items_by_type").series()
    assert len(items) == 1 and isinstance(items[0], QHorizontalBarSeries)
    heard = [t for t in expected["panel"]["items_by_type"] if any(y["panel"]["items_by_type"][t] for y in years)]
    sets = items[0].barSets()
    assert [s.label() for s in sets] == ["2022-23", "2023-24", "2024-25"]
    assert all(s.count() == len(heard) for s in sets)
    # Types go in bottom up, so the first type heard is the last value of each set.
    assert [sets[2].at(n) for n in range(len(heard))][::-1] == \
        [expected["panel"]["items_by_type"][t] for t in heard]

    funnel = charts.chart("adopter_journey").series()
    assert len(funnel) == 1 and len(funnel[0].barSets()) == 1
    bars = funnel[0].barSets()[0]
    assert [bars.at(n) for n in range(bars.count())] == \
        [expected["adopters"][k] for k in ("approved", "presented_for_approval", "stage1_starts", "initial_visits")]

    timeliness = charts.chart("timeliness").series()
    bars = [s for s in timeliness if isinstance(s, QBarSeries)]
    targets = [s for s in timeliness if isinstance(s, QLineSeries)]
    assert len(bars) == 1 and [s.count() for s in bars[0].barSets()] == [2, 2, 2]
    now = bars[0].barSets()[2]
    assert (now.at(0), now.at(1)) == (expected["scorecard"]["A2"]["days"], expected["scorecard"]["A10"]["days"])
    dashed = [line for line in targets if line.pen().style() == Qt.PenStyle.DashLine]
    assert [line.points()[0].y() for line in dashed] == [121, 426]
    legend = charts.chart("timeliness").legend()
    assert [line.name() for line in targets if legend.markers(line)[0].isVisible()] == ["Target"]
    for view in charts.views.values():
        assert view.isVisible() and view.accessibleName() and view.accessibleDescription()


def test_the_charts_follow_the_theme(qtbot, fy2024, qapp):
    chart = fy2024.charts.chart("timeliness")
    assert chart.backgroundBrush().color() == QColor(theme.LIGHT["base"])
    theme.apply(qapp, "dark")
    qtbot.waitUntil(lambda: fy2024.charts.chart("timeliness") is not chart)
    dark = fy2024.charts.chart("timeliness")
    assert dark.backgroundBrush().color() == QColor(theme.DARK["base"])
    assert dark.series()[0].barSets()[2].at(0) == chart.series()[0].barSets()[2].at(0)


def click(qtbot, tree, item, column: int) -> None:
    tree.scrollTo(item.model_index(column))
    rect = tree.visualRect(item.model_index(column))
    x = tree.header().sectionViewportPosition(column) + tree.header().sectionSize(column) // 2
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y()))


def test_clicking_a_figure_lists_the_records_behind_it(qtbot, fy2024):
    page, records = fy2024, fy2024.records
    held = page.tree.figure_item("panel.meetings_held")
    with qtbot.waitSignal(records.shown, timeout=10_000) as shown:
        click(qtbot, page.tree, held, 1)
    refs = shown.args[0]
    assert len(refs) == 22 == records.refs.count()
    assert all(ref.startswith("P2024") or ref.startswith("P2025") for ref in refs)
    assert records.title.text() == "Meetings held"
    assert records.words.text().startswith("22 records")

    with qtbot.waitSignal(records.shown, timeout=10_000) as shown:
        click(qtbot, page.tree, held, 2)  # the year before's column: the year before's meetings
    assert len(shown.args[0]) == 21 and records.period.text().startswith("2023-24")

    heard = page.tree.figure_item("panel.items_heard")
    page.tree.setCurrentIndex(heard.model_index(0))
    page.tree.setFocus()
    with qtbot.waitSignal(records.shown, timeout=10_000) as shown:
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert len(shown.args[0]) == 86


def test_averages_attendance_and_targets_explained(qtbot, fy2024, expected):
    page, records = fy2024, fy2024.records
    with qtbot.waitSignal(records.shown, timeout=10_000) as shown:
        page.explain_item(page.tree.figure_item("scorecard.A2.days"), 1)
    assert len(shown.args[0]) == expected["scorecard"]["A2"]["children"]
    assert "worked out from these" in records.words.text()
    with qtbot.waitSignal(records.shown, timeout=10_000) as shown:
        page.explain_item(page.tree.figure_item("scorecard.A2.target"), 1)
    assert shown.args[0] is None and "no records behind it" in records.words.text()
    assert not records.refs.isVisible()
    with qtbot.waitSignal(records.shown, timeout=10_000) as shown:
        page.explain_item(page.tree.figure_item("panel.attendance.M01.present"), 1)
    assert len(shown.args[0]) == 15 and records.words.text() == "Present at these 15 meetings."


def test_a_cancelled_count_leaves_the_figures_shown(qtbot, fy2024, monkeypatch):
    page = fy2024
    gate = threading.Event()
    real = ui.statistics.page.compute_statistics

    def held_back(*args, **kwargs):
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(ui.statistics.page, "compute_statistics", held_back)
    page.chooser.setCurrentIndex(page.chooser.findData("2023"))
    assert page.progress.isVisible() and page.cancel_button.isVisible()
    assert not page.pdf_button.isEnabled()
    page.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: page._task is None, timeout=10_000)
    assert page.result["period"]["from"] == "2024-04-01"
    assert texts(page, "panel.meetings_held")[0] == "22"
    assert page.chooser.currentData() == "2024"
    assert "still showing 2024-25" in page.state.text()
    assert not page.progress.isVisible() and page.pdf_button.isEnabled()


def test_dates_of_ones_own(qtbot, page):
    half = json.loads((FIXTURES / "northshire-2024H2.expected.json").read_text())
    page.chooser.setCurrentIndex(page.chooser.findData(CUSTOM))
    assert page.date_from.isVisible() and page.count_button.isVisible()
    page.date_from.setDate(QDate(2024, 10, 1))
    page.date_to.setDate(QDate(2025, 3, 31))
    with qtbot.waitSignal(page.shown, timeout=20_000):
        page.count_button.click()
    assert texts(page, "panel.meetings_held")[0] == str(half["panel"]["meetings_held"])
    assert texts(page, "adm.decided")[0] == str(half["adm"]["decided"])
    assert page.tree.heading(1).endswith("Oct 2024 – Mar 2025")

    page.date_to.setDate(QDate(2024, 9, 1))  # before it starts: refused in words, figures kept
    page.count_button.click()
    assert page._task is None
    assert page.state.text().startswith("The period ends (2024-09-01) before it starts (2024-10-01). Still showing")
    assert page.result["period"]["from"] == "2024-10-01"


def saved(qtbot, page, start) -> tuple[str, str]:
    with qtbot.waitSignal(page.saver.finished, timeout=30_000) as finished:
        start()
    if page.saver.message is not None:
        page.saver.message.close()
    return finished.args


def test_saving_the_report_and_the_figures(qtbot, fy2024, tmp_path):
    page = fy2024
    pdf = tmp_path / "report.pdf"
    outcome, text = saved(qtbot, page, lambda: page.save_report(pdf))
    assert outcome == "saved" and str(pdf) in text and "annual report for 2024-25" in text
    assert pdf.read_bytes()[:4] == b"%PDF"

    xlsx = tmp_path / "figures.xlsx"
    outcome, text = saved(qtbot, page, lambda: page.save_figures(xlsx))
    assert outcome == "saved" and str(xlsx) in text
    from openpyxl import load_workbook
    sheet = load_workbook(xlsx)["Panel"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[1] == "panel.meetings_held")
    assert row[2:] == (22, 21, 22)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".xlsx")) == \
        ["figures.xlsx", "report.pdf"]

    outcome, text = saved(qtbot, page, lambda: page.save_figures(tmp_path / "nowhere" / "f.xlsx"))
    assert outcome == "failed"
    assert text.startswith("Could not save the figures for 2024-25.") and "does not exist." in text


def test_cancelling_a_save_writes_nothing(qtbot, fy2024, tmp_path, monkeypatch):
    page = fy2024
    gate = threading.Event()
    real = ui.statistics.export.export_xlsx

    def held_back(result, path, **named):
        gate.wait(10)
        return real(result, path, **named)

    monkeypatch.setattr(ui.statistics.export, "export_xlsx", held_back)
    target = tmp_path / "figures.xlsx"
    with qtbot.waitSignal(page.saver.finished, timeout=10_000) as finished:
        page.save_figures(target)
        page.saver.progress.cancel_button.click()
        gate.set()
    assert finished.args[0] == "cancelled"
    assert [p.name for p in tmp_path.iterdir() if "figures" in p.name] == []


def test_equality_needs_and_timeliness_with_the_records_behind_each(qtbot, fy2024, expected):
    page, records = fy2024, fy2024.records
    years = [expected, *expected["previous"]]
    assert texts(page, "adopters.stage1_within_2_months") == [str(y["adopters"]["stage1_within_2_months"])
                                                              for y in years]
    assert texts(page, "children.adopted_ethnic_minority.percent") == [
        "–" if y["children"]["adopted_ethnic_minority"]["percent"] is None
        else f"{y['children']['adopted_ethnic_minority']['percent']:g}%" for y in years]
    # Each need is a row folded under the children with needs; a need absent in a year counts 0 there.
    needs = page.tree.figure_item("children.awaiting_match_with_needs")
    trauma = page.tree.figure_item("children.awaiting_match_by_need.trauma")
    assert trauma.model_index().parent() == needs.model_index()
    assert trauma.text(0) == "Trauma"
    assert texts(page, "children.awaiting_match_by_need.trauma") == [
        str(y["children"]["awaiting_match_by_need"].get("trauma", 0)) for y in years]
    final = page.tree.figure_item("adm.qd_outcomes.final_negative")
    assert final.model_index().parent() == page.tree.figure_index("adm.qualifying_determinations")
    for key, want in (("children.awaiting_match_by_need.disability", 6),
                      ("children.awaiting_match_aged_5_or_over", 16),
                      ("adopters.withdrawals_by_stage.stage1", 6),
                      ("adm.qd_outcomes.representations", 1),
                      ("children.adopted_ethnic_minority.ethnic_minority", 8)):
        page.tree.setExpanded(page.tree.figure_index(key).parent(), True)
        with qtbot.waitSignal(records.shown, timeout=10_000) as shown:
            click(qtbot, page.tree, page.tree.figure_item(key), 1)
        assert len(shown.args[0]) == want == records.refs.count(), key
        assert records.words.text().endswith("the same as the figure."), key
    with qtbot.waitSignal(records.shown, timeout=10_000) as shown:
        page.explain_item(page.tree.figure_item("adopters.stage2_median_days"), 1)
    assert len(shown.args[0]) == expected["adopters"]["stage2_decided"]
    assert "worked out from these" in records.words.text()


def test_a_year_before_the_store_began_shows_no_records(qtbot, page):
    choose(qtbot, page, "2023")
    assert texts(page, "panel.meetings_held") == ["21", "22", "no records"]
    assert texts(page, "panel.attendance.M01.present")[2] == "no records"
    # The children's histories reach back before the first meeting.
    assert texts(page, "children.placement_orders")[2] != "no records"
