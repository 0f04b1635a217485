"""Every custom item model of the desktop, checked by Qt's own model tester
(pytest-qt's ``qtmodeltester``): row and column counts, indexes, parents, data roles
and the signals around a reset, filled and empty."""

import datetime as dt

import pytest

from panelapp.queries.adm import QueueRow
from panelapp.queries.agenda import ItemRow, PaperRow
from tests.builders import fake_households
from ui.agenda.model import ITEM_COLUMNS, AgendaModel
from ui.agenda.paper_list import PAPER_COLUMNS, PaperModel
from ui.common.tablemodel import RowTableModel, SearchProxy, prepare
from ui.decisions.queue import COLUMNS as QUEUE_COLUMNS
from ui.decisions.queue import QueueModel
from ui.records.households import HOUSEHOLD_COLUMNS
from ui.statistics.report_texts_dialog import PlanModel

PAPER = PaperRow("u1", "Prospective Adopter's Report", "prospective_adopters_report", "par.pdf",
                 "/tmp/par.pdf", "ab" * 32, dt.date(2025, 6, 1), True)
ITEMS = [ItemRow(1, "u1", "P1-1", 1, "adopter_approval", "Zoë Adams (H2)", "", "Jo Worker", None, None,
                 "10:00–10:30", (PAPER,), ("Papers late (P1-1)",)),
         ItemRow(2, "u2", "P1-2", 2, "match", "", "Amy Child (C1)", "", "removed", None, "", (), ())]
QUEUE = [QueueRow(1, "u1", "I1", "P1", dt.date(2025, 6, 12), 1, "match", "Amy Child", "recommended",
                  dt.date(2025, 6, 20), dt.date(2025, 7, 1), -2, True, "decision", None),
         QueueRow(2, "u2", "I2", "P1", dt.date(2025, 6, 12), 2, "adopter_approval", "Zoë Adams", "recommended",
                  dt.date(2025, 6, 20), dt.date(2025, 7, 1), 3, False, "decision", None)]


def filled(model: RowTableModel, columns, rows) -> RowTableModel:
    model.set_prepared(prepare(columns, rows, mark=lambda _row: 1))
    return model


@pytest.mark.parametrize("make", [
    lambda: filled(RowTableModel(HOUSEHOLD_COLUMNS), HOUSEHOLD_COLUMNS, fake_households(25)),
    lambda: filled(AgendaModel(ITEM_COLUMNS), ITEM_COLUMNS, ITEMS),
    lambda: filled(PaperModel(PAPER_COLUMNS), PAPER_COLUMNS, [PAPER]),
    lambda: filled(QueueModel(QUEUE_COLUMNS), QUEUE_COLUMNS, QUEUE),
    lambda: RowTableModel(HOUSEHOLD_COLUMNS),
], ids=["rows", "agenda", "papers", "decision queue", "empty"])
def test_the_table_models(qtmodeltester, make):
    qtmodeltester.check(make(), force_py=True)


def test_the_search_proxy_filtered_and_sorted(qtmodeltester):
    source = filled(RowTableModel(HOUSEHOLD_COLUMNS), HOUSEHOLD_COLUMNS, fake_households(40))
    proxy = SearchProxy()
    proxy.setSourceModel(source)
    proxy.set_search("applicant 1")
    proxy.sort(0)
    qtmodeltester.check(proxy, force_py=True)


def test_the_service_plan_model(qtmodeltester):
    model = PlanModel([{"priority": "Recruit adopters for sibling groups", "due": dt.date(2026, 3, 31)},
                       {"priority": "Shorter Stage 2"}])
    qtmodeltester.check(model, force_py=True)
