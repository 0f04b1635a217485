"""The panel's figures for a financial year, a half year or any dates, beside the same
period one and two years earlier, with the annual report's charts; a click on a
figure lists the records behind it, and the figures save as the report or a workbook.

Every figure comes from panelapp.stats, the one place they are worked out; the
counting runs in the task runner, in its own session.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from panelapp.db import Store
from panelapp.errors import PanelAppError
from panelapp.reports.annual import period_label
from panelapp.reports.annual.labels import dates_in_words, report_kind
from panelapp.reports.annual.tables import years_of
from panelapp.services.permissions import Actor, allowed
from panelapp.stats import compute_statistics, financial_year, half_year
from panelapp.stats.compute import EARLIER_YEARS
from panelapp.stats.coverage import SECTIONS as COVERED_SECTIONS
from panelapp.stats.coverage import Coverage, agency_name
from panelapp.stats.layout import PERIOD_HEADINGS
from panelapp.stats.periods import Period, period
from ui.common.tasks import Task, TaskRunner
from ui.shell import settings
from ui.statistics.charts import StatisticsCharts
from ui.statistics.explain import Question, RecordsPanel
from ui.statistics.export import Saver, sentence, write_figures, write_report
from ui.statistics.figures import KEY_ROLE, VALUE_ROLE, WORDS_ROLE, FiguresTree
from ui.statistics.report_texts_dialog import ReportTextsDialog

YEARS_OFFERED = 6  # this financial year and the five before it
CUSTOM = "custom"
STEPS = 1000


def fy_start(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def year_words(year: int) -> str:
    return f"{year}–{(year + 1) % 100:02d}"


def period_choices(today: dt.date) -> list[tuple[str, str] | None]:
    """(label, name) for the financial years offered, then their half years, newest first;
    None marks a separator. The last choice is the user's own dates."""
    years = range(fy_start(today), fy_start(today) - YEARS_OFFERED, -1)
    choices: list[tuple[str, str] | None] = [(f"Financial year {year_words(y)}", str(y)) for y in years]
    choices.append(None)
    for y in years:
        choices.append((f"Second half of {year_words(y)} (October {y} to March {y + 1})", f"{y}H2"))
        choices.append((f"First half of {year_words(y)} (April to September {y})", f"{y}H1"))
    choices += [None, ("Dates of your own…", CUSTOM)]
    return choices


def span_of(name: str) -> Period:
    return Period(*(half_year(name) if "H" in name else financial_year(int(name))))


@dataclass(frozen=True)
class Counted:
    """What a count gives the page: ``result`` as ``compute_statistics(..., with_previous=True)``
    gives it, which periods the store's records cover, and the agency the figures are of."""
    result: dict
    coverage: Coverage
    agency: str | None


def count_figures(task: Task, store: Store, start: dt.date, end: dt.date) -> Counted:
    """The worker: the period's figures and the same period's one and two years earlier,
    one period at a time so the user sees progress and can stop between them."""
    span = period(start, end)
    spans = [span, *(span.years_earlier(years) for years in EARLIER_YEARS)]
    counted = []
    with store.session() as session:
        for n, each in enumerate(spans):
            task.progress(n / len(spans), f"Counting {period_label(each)} ({n + 1} of {len(spans)})…")
            counted.append(compute_statistics(session, each.start, each.end, with_previous=False))
        coverage = Coverage.of(session)
        agency = agency_name(session)
    task.progress(1.0, "")
    return Counted({**counted[0], "previous": counted[1:]}, coverage, agency)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class StatisticsPage(QWidget):
    title = "Statistics"
    shown = Signal(dict)  # the result now on screen

    def __init__(self, runner: TaskRunner, store: Store, parent: QWidget | None = None,
                 today: dt.date | None = None, actor: Actor | None = None):
        super().__init__(parent)
        self.runner, self.store, self.actor = runner, store, actor
        self.dialog: ReportTextsDialog | None = None
        self.today = today or dt.date.today()
        self.result: dict | None = None
        self.counted: Counted | None = None
        self.span: Period | None = None  # the period whose figures are shown
        self.shown_choice: str | None = None
        self._task: Task | None = None
        self.saver = Saver(runner, self)

        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Period")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for choice in period_choices(self.today):
            if choice is None:
                self.chooser.insertSeparator(self.chooser.count())
            else:
                self.chooser.addItem(*choice)
        self.chooser.setCurrentIndex(self.chooser.findData(str(fy_start(self.today) - 1)))
        self.chooser.currentIndexChanged.connect(self._chosen)
        label = QLabel("&Period:")
        label.setBuddy(self.chooser)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, words in ((self.date_from, "From"), (self.date_to, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(words)
        default = span_of(str(fy_start(self.today) - 1))
        self.date_from.setDate(to_qdate(default.start))
        self.date_to.setDate(to_qdate(default.end))
        self.from_label, self.to_label = QLabel("&from"), QLabel("&to")
        self.from_label.setBuddy(self.date_from)
        self.to_label.setBuddy(self.date_to)
        self.count_button = QPushButton("&Count")
        self.count_button.setToolTip("Count the figures for these dates")
        self.count_button.clicked.connect(self.count_custom)
        self.custom = [self.from_label, self.date_from, self.to_label, self.date_to, self.count_button]
        self.pdf_button = QPushButton("Save report as P&DF…")
        self.pdf_button.setToolTip("The chair's report for this period, with its charts, as a PDF")
        self.pdf_button.clicked.connect(self.save_report_as)
        self.xlsx_button = QPushButton("Save figures as E&xcel…")
        self.xlsx_button.setToolTip("The figures shown, three periods side by side, as an Excel workbook")
        self.xlsx_button.clicked.connect(self.save_figures_as)
        self.texts_button = QPushButton("&Write the report's texts…")
        self.texts_button.setToolTip("The chair's commentary, the other written sections and the service "
                                     "plan, for the report of the period shown")
        self.texts_button.setAccessibleName("Write the report's texts")
        self.texts_button.clicked.connect(self.write_texts)
        self.texts_button.setVisible(actor is not None and allowed(actor, "report.write"))

        self.state = QLabel()
        self.state.setObjectName("muted")
        self.state.setAccessibleName("What the figures are")
        self.state.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, STEPS)
        self.progress.setAccessibleName("Counting progress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel counting")
        self.cancel_button.clicked.connect(self.cancel)

        self.tree = FiguresTree()
        self.tree.itemClicked.connect(self.explain_item)
        self.tree.itemActivated.connect(self.explain_item)
        self.records = RecordsPanel(runner, store)
        self.records.setMinimumWidth(230)
        self.charts = StatisticsCharts()

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.chooser)
        for widget in self.custom:
            top.addWidget(widget)
            widget.hide()
        top.addStretch(1)
        top.addWidget(self.texts_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)
        status = QHBoxLayout()
        status.addWidget(self.state, 1)
        status.addWidget(self.progress)
        status.addWidget(self.cancel_button)
        figures = QSplitter(Qt.Orientation.Horizontal)
        figures.addWidget(self.tree)
        figures.addWidget(self.records)
        figures.setStretchFactor(0, 1)
        figures.setSizes([760, 260])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(figures)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.splitter, 1)
        self._counting(False)
        self._exports_enabled()

    # -- choosing and counting ------------------------------------------------
    def reload(self) -> None:
        """Count the chosen period again (the dates given, for dates of one's own)."""
        if self.chooser.currentData() == CUSTOM:
            self.count_custom()
        else:
            self._chosen(self.chooser.currentIndex())

    def _chosen(self, index: int) -> None:
        name = self.chooser.itemData(index)
        if name is None:
            return
        for widget in self.custom:
            widget.setVisible(name == CUSTOM)
        if name == CUSTOM:
            # Start from the dates shown; the count waits for the user's own.
            if self.span is not None:
                self.date_from.setDate(to_qdate(self.span.start))
                self.date_to.setDate(to_qdate(self.span.end))
            self.date_from.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        span = span_of(name)
        self.count(span.start, span.end)

    def count_custom(self) -> None:
        start, end = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        try:
            Period(start, end)
        except PanelAppError as exc:
            still = f" Still showing {self._shown_words()}." if self.result is not None else ""
            self.state.setText(f"{sentence(exc)}{still}")
            self.date_to.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.count(start, end)

    def count(self, start: dt.date, end: dt.date) -> Task:
        """Count the figures for ``start`` to ``end`` in the runner; the figures shown
        stay until the new ones arrive, and stay if the count is cancelled."""
        if self._task is not None:
            self._task.cancel()
        choice = self.chooser.currentData()
        # Each callback knows its own count, so one overtaken by a newer count is ignored.
        counted: list[Task] = []
        task = self.runner.submit(count_figures, self.store, start, end, name="statistics",
                                  on_progress=self._progressed, owner=self,
                                  on_done=lambda done: self._show(counted[0], choice, done),
                                  on_error=lambda exc, _d: self._failed(counted[0], exc),
                                  on_cancelled=lambda: self._cancelled(counted[0]))
        counted.append(task)
        self._task = task
        self.state.setText(f"Counting the figures for {dates_in_words(Period(start, end))}…")
        self._counting(True)
        return task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.state.setText("Stopping the count…")

    def _progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * STEPS))
        if message:
            self.state.setText(message)

    def _counting(self, counting: bool) -> None:
        self.progress.setVisible(counting)
        self.progress.setValue(0)
        self.cancel_button.setVisible(counting)
        self.cancel_button.setEnabled(counting)
        self._exports_enabled()

    def _exports_enabled(self) -> None:
        ready = self.result is not None and self._task is None
        self.pdf_button.setEnabled(ready)
        self.xlsx_button.setEnabled(ready)
        self.texts_button.setEnabled(ready)

    def _settled(self, task: Task) -> bool:
        """True when ``task`` is the count in hand, which is now over."""
        if task is not self._task:
            return False
        self._task = None
        self._counting(False)
        return True

    def _cancelled(self, task: Task) -> None:
        if not self._settled(task):
            return
        self._choose_quietly(self.shown_choice)
        if self.result is None:
            self.state.setText("Counting stopped. Choose a period to count its figures.")
        else:
            self.state.setText(f"Counting stopped: still showing {self._shown_words()}.")

    def _failed(self, task: Task, exc: BaseException) -> None:
        if not self._settled(task):
            return
        self._choose_quietly(self.shown_choice)
        still = f" Still showing {self._shown_words()}." if self.result is not None else ""
        self.state.setText(f"The figures could not be counted. {sentence(exc)}{still}")

    def _choose_quietly(self, name: str | None) -> None:
        """Put the chooser back on the period shown, without counting it again."""
        index = self.chooser.findData(name) if name else -1
        if index >= 0:
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(index)
            self.chooser.blockSignals(False)
            for widget in self.custom:
                widget.setVisible(name == CUSTOM)

    def _shown_words(self) -> str:
        return f"{period_label(self.span)} ({dates_in_words(self.span)})"

    # -- the figures ------------------------------------------------------------
    def _show(self, task: Task, choice: str, counted: Counted) -> None:
        if not self._settled(task):
            return
        result = counted.result
        self.result, self.counted = result, counted
        self.span = period(result["period"]["from"], result["period"]["to"])
        self.shown_choice = choice
        years = years_of(result)
        self.tree.show_years(result, years, {section: [counted.coverage.covers(section, figures)
                                                       for _, figures in years] for section in COVERED_SECTIONS})
        self.charts.show_years(years)
        self.records.reset()
        self._exports_enabled()
        earlier = " and ".join(label for label, _ in years[1:])
        self.state.setText(f"Showing {self._shown_words()}, beside {earlier}. No names are shown: "
                           "click a figure to list the refs of the records behind it.")
        self.shown.emit(result)

    # -- the records behind a figure ---------------------------------------------
    def explain_item(self, item: QTreeWidgetItem, column: int = 1) -> None:
        """List the records behind ``item``'s figure for the period of ``column`` (the
        figure's own words count as this period)."""
        key = item.data(0, KEY_ROLE)
        if key is None or self.result is None:
            return
        which = max(column, 1) - 1
        label, figures = years_of(self.result)[which]
        span = period(figures["period"]["from"], figures["period"]["to"])
        heading = PERIOD_HEADINGS[which].lower() if which else "this period"
        self.records.ask(Question(key=key, words=item.data(0, WORDS_ROLE), value=item.data(which + 1, VALUE_ROLE),
                                  period_words=f"{label}, {heading}: {dates_in_words(span)}",
                                  start=span.start, end=span.end))

    # -- the chair's texts -----------------------------------------------------------
    def write_texts(self) -> ReportTextsDialog | None:
        """The texts of the report for the period shown, in a dialog over this page."""
        if self.span is None or self.actor is None or not allowed(self.actor, "report.write"):
            return None
        dialog = ReportTextsDialog(self.store, self.actor, self.span, parent=self)
        what = f"the {report_kind(self.span)} for {period_label(self.span)}"
        dialog.saved.connect(lambda: self._tell_saved(f"The texts of {what} were saved."))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _tell_saved(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    # -- saving -------------------------------------------------------------------
    def _suggested(self, suffix: str) -> str:
        folder = settings.value("statistics/folder") or \
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = period_label(self.span).replace(" – ", "-to-").replace(" ", "-")
        return str(Path(folder) / f"panel-{'report' if suffix == '.pdf' else 'figures'}-{name}{suffix}")

    def _ask_path(self, title: str, suffix: str, kind: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, self._suggested(suffix), f"{kind} (*{suffix})")
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        settings.set_value("statistics/folder", str(Path(path).parent))
        return path

    def save_report_as(self) -> None:
        if self.result is not None:
            path = self._ask_path("Save the report as PDF", ".pdf", "PDF")
            if path:
                self.save_report(path)

    def save_figures_as(self) -> None:
        if self.result is not None:
            path = self._ask_path("Save the figures as an Excel workbook", ".xlsx", "Excel workbook")
            if path:
                self.save_figures(path)

    def save_report(self, path) -> Task | None:
        """The chair's report for the period shown, written to ``path`` in the runner."""
        if self.span is None:
            return None
        what = f"the {report_kind(self.span)} for {period_label(self.span)}"
        return self.saver.save(what, write_report, self.store, self.span.start, self.span.end, path)

    def save_figures(self, path) -> Task | None:
        """The figures shown, written to ``path`` as an Excel workbook in the runner."""
        if self.counted is None:
            return None
        return self.saver.save(f"the figures for {period_label(self.span)}", write_figures, self.result, path,
                               self.counted.agency, self.counted.coverage)

    def focus_search(self) -> None:
        self.chooser.setFocus(Qt.FocusReason.ShortcutFocusReason)
