"""The report's sections, in order: one list that the PDF (and a Word version) follow.

Each ``Section`` has a stable ``key``, the ``title`` its heading shows (numbered in
order, "3. Attendance of members"), ``text``: the chair's stored text it shows (a key
of ``REPORT_SECTIONS``) or None, and ``pdf``: the function giving its ReportLab
flowables from the ``ReportData``. A Word writer walks ``SECTIONS`` the same way,
with its own function per ``key``; the figures behind each table come from the
row functions of ``figures``, ``assessments`` and ``equality`` (words and keys).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import assessments, equality, figures, written
from .data import ReportData


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    pdf: Callable[[ReportData], list]
    text: str | None = None


def _written(section: str, missing: str) -> Callable[[ReportData], list]:
    return lambda data: written.written(data, section, missing)


SECTIONS: tuple[Section, ...] = (
    Section("introduction", "Introduction", written.introduction, text="introduction"),
    Section("panel_activity", "Panel activity", figures.panel_activity),
    Section("attendance", "Attendance of members", figures.attendance),
    Section("adm_decisions", "Agency decision maker's decisions", figures.adm_decisions),
    Section("qualifying_determinations", "What became of the qualifying determinations",
            assessments.qualifying_determinations),
    Section("adopters", "Adopters", figures.adopters),
    Section("adopter_timeliness", "Adopters' assessments against the timescales", assessments.adopter_timeliness),
    Section("children", "Children", figures.children),
    Section("equality_and_needs", "Equality and children's needs", equality.equality_and_needs),
    Section("timeliness", "Timeliness against the national targets", figures.timeliness),
    Section("chair_commentary", "The chair's commentary",
            _written("chair_commentary", "The chair's commentary has not been written for this period."),
            text="chair_commentary"),
    Section("quality_of_reports", "Quality of reports seen by the panel",
            _written("quality_of_reports", "No account of the quality of reports seen by the panel has been "
                                           "written for this period."), text="quality_of_reports"),
    Section("service_plan", "Service plan priorities", written.service_plan),
    Section("service_plan_review", "Review of last year's service plan", written.plan_review,
            text="service_plan_review"),
    Section("sign_off", "Sign-off by the panel chair", written.sign_off),
)
