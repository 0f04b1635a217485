"""The final decision after a qualifying determination (AAR 2005 reg 30B), with what the
applicants did before it: their representations and the day they came, their written
notice that they will make none and its day, or the IRM panel's recommendation and its day.

Before the 40 working days end, the final decision needs one of those; the form says so
and offers the button only when the service would take it (services.adm.record_final_decision
checks the same rules)."""

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from panelapp.enums import FINAL_DECISIONS, FINAL_REVIEWS
from ui.common.words import day, word

REVIEW_WORDS = {
    "none": "No representations, and no application to the IRM",
    "representations": "The applicants' representations",
    "independent_review": "A review by the Independent Review Mechanism",
}


def date_box(name: str) -> QDateEdit:
    box = QDateEdit(QDate.currentDate())
    box.setCalendarPopup(True)
    box.setDisplayFormat("d MMM yyyy")
    box.setAccessibleName(name)
    return box


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class FinalDecisionForm(QGroupBox):
    """The form; its ``button`` is placed by the queue in the footer that never scrolls away."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Final decision, after the qualifying determination", parent)
        self.notified: dt.date | None = None
        self.end: dt.date | None = None  # the last of the 40 working days
        self.decision = QComboBox()
        self.decision.setAccessibleName("Final decision")
        for decision in FINAL_DECISIONS:
            self.decision.addItem(word(decision), decision)
        self.review = QComboBox()
        self.review.setAccessibleName("What came before it")
        for review in FINAL_REVIEWS:
            self.review.addItem(REVIEW_WORDS[review], review)
        self.decided_on = date_box("Final decision on")
        self.notice = QCheckBox("Their written &notice that they will make none, received on")
        self.notice.setAccessibleName("The applicants gave written notice that they will make no representations")
        self.notice_on = date_box("Written notice received on")
        self.representations_on = date_box("Representations received on")
        self.irm_recommendation = QLineEdit()
        self.irm_recommendation.setAccessibleName("The IRM panel's recommendation")
        self.irm_recommendation.setPlaceholderText("the IRM panel's recommendation, in its words")
        self.irm_on = date_box("The IRM panel's recommendation made on")
        self.reasons = QPlainTextEdit()
        self.reasons.setAccessibleName("Reasons for the final decision")
        self.reasons.setPlaceholderText("Required: the reasons for the final decision, written to the applicants")
        self.reasons.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName("What the final decision needs")
        self.button = QPushButton("Record and sign the final decision")
        self.button.setAccessibleName("Record and sign the final decision")

        notice_row = QWidget()
        row = QHBoxLayout(notice_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.notice)
        row.addWidget(self.notice_on)
        row.addStretch(1)
        self.form = QFormLayout(self)
        self.form.addRow("&Decision:", self.decision)
        self.form.addRow("After:", self.review)
        self.form.addRow("On:", self.decided_on)
        self.form.addRow(notice_row)
        self.form.addRow("Representations received on:", self.representations_on)
        self.form.addRow("IRM recommendation:", self.irm_recommendation)
        self.form.addRow("IRM recommendation on:", self.irm_on)
        self.form.addRow("Reasons:", self.reasons)
        self.form.addRow(self.advice)
        self.notice_row = notice_row
        for signal in (self.review.currentIndexChanged, self.notice.toggled, self.decided_on.dateChanged,
                       self.reasons.textChanged, self.irm_recommendation.textChanged):
            signal.connect(self._update)

    def show_case(self, summary: dict) -> None:
        """A fresh form for the qualifying determination in ``summary`` (services.adm.decision_summary)."""
        decided = dt.date.fromisoformat(summary["decided_on"])
        self.notified = dt.date.fromisoformat(summary["notified"]) if summary.get("notified") else None
        self.end = dt.date.fromisoformat(summary["representations_end"]) if summary.get(
            "representations_end") else None
        today = QDate.currentDate()
        first = qdate(self.notified or decided)
        for box in (self.decided_on, self.notice_on, self.representations_on, self.irm_on):
            box.setDateRange(first, max(first, today))
            box.setDate(today)
        self.decision.setCurrentIndex(0)
        self.review.setCurrentIndex(0)
        self.notice.setChecked(False)
        self.irm_recommendation.clear()
        self.reasons.clear()
        self._update()

    def chosen_review(self) -> str:
        return self.review.currentData()

    def _update(self) -> None:
        review = self.chosen_review()
        self.notice_row.setVisible(review == "none")
        self.notice_on.setEnabled(self.notice.isChecked())
        for widget, wanted in ((self.representations_on, "representations"),
                               (self.irm_recommendation, "independent_review"),
                               (self.irm_on, "independent_review")):
            widget.setVisible(review == wanted)
            self.form.labelForField(widget).setVisible(review == wanted)
        needs = self.needs()
        lines = []
        if self.notified is None:
            lines.append("The applicants have not been told of the qualifying determination yet: record the "
                         "letter first. The 40 working days begin the day they are told.")
        elif self.end is not None:
            lines.append(f"The applicants were told on {day(self.notified)}: the 40 working days for "
                         f"representations or the IRM run until {day(self.end)}.")
        lines += needs
        self.advice.setText("\n".join(lines))
        self.advice.setObjectName("warning" if needs or self.notified is None else "muted")
        self.advice.style().unpolish(self.advice)
        self.advice.style().polish(self.advice)
        self.button.setEnabled(self.notified is not None and not needs)

    def needs(self) -> list[str]:
        """What is missing before the final decision can be signed, in sentences."""
        review, missing = self.chosen_review(), []
        chosen = self.decided_on.date()
        on = dt.date(chosen.year(), chosen.month(), chosen.day())
        if review == "none" and not self.notice.isChecked() and self.end is not None and on <= self.end:
            missing.append(f"Before {day(self.end)} has passed, the final decision needs the applicants' "
                           "written notice that they will make no representations: tick it and give the day "
                           "it was received, or choose their representations or the IRM.")
        if review == "independent_review" and not self.irm_recommendation.text().strip():
            missing.append("Write the IRM panel's recommendation: the final decision takes it into account.")
        if not self.reasons.toPlainText().strip():
            missing.append("Write the reasons for the final decision.")
        return missing

    def values(self) -> dict:
        """The keywords of services.adm.record_final_decision, without the password."""
        review = self.chosen_review()
        values = {"decision": self.decision.currentData(), "review": review,
                  "decided_on": self.decided_on.date().toPython(),
                  "reasons": self.reasons.toPlainText().strip() or None}
        if review == "none" and self.notice.isChecked():
            values["responded_on"] = self.notice_on.date().toPython()
        elif review == "representations":
            values["responded_on"] = self.representations_on.date().toPython()
        elif review == "independent_review":
            values |= {"irm_recommendation": self.irm_recommendation.text().strip() or None,
                       "irm_on": self.irm_on.date().toPython()}
        return values


def after_words(summary: dict) -> str:
    """What came before a final decision, as the decision's line ends ("after ...")."""
    review = summary.get("final_review")
    if review == "representations":
        received = summary.get("representations_on")
        return "after representations" + (f" received on {day(dt.date.fromisoformat(received))}"
                                          if received else "")
    if review == "independent_review":
        on = summary.get("irm_on")
        return "after a review by the Independent Review Mechanism" + (
            f" (its panel's recommendation of {day(dt.date.fromisoformat(on))})" if on else "")
    notice = summary.get("no_representations_on")
    if notice:
        return (f"after the applicants' written notice, received on {day(dt.date.fromisoformat(notice))}, "
                "that they will make no representations")
    return "after the 40 working days ended with no representations and no application to the IRM"
