"""The exchange format's extension keys (docs/exchange-format.md) go out and come back."""

import copy

from panelapp.exchange import export_document, import_document
from panelapp.exchange.validate import validate
from tests.builders import SMALL_AGENCY

EXTENDED = copy.deepcopy(SMALL_AGENCY)
EXTENDED["agency"] |= {"protective_marking": "OFFICIAL-SENSITIVE PERSONAL", "address": "1 High Street\nWestshire WS1 1AA",
                       "telephone": "01234 567890", "email": "adoption@westshire.example",
                       "irm_contact": "Independent Review Mechanism\nPO Box 1\nLeeds"}
EXTENDED["households"][0] |= {"address": "2 Mill Lane\nWestshire WS2 2BB"}
EXTENDED["meetings"] = [{
    "ref": "P20250612", "date": "2025-06-12", "start": "10:00", "end": "12:30", "status": "held",
    "minutes_final": "2025-06-20",
    "items": [
        {"ref": "I1", "type": "adopter_approval", "households": ["H1"], "outcome": "not_recommended",
         "recommendation": "not suitable to adopt", "reasons": "support network", "discussion": "Members asked.",
         "applicants": {"attended": True, "spoke": True},
         "advice": {"medical_adviser": "No concerns.", "legal_adviser": "The regulations are met."},
         "adm": {"decision_maker": "Dee Decider", "date": "2025-06-25", "decision": "qualifying_determination",
                 "reasons": "Not enough support.", "notified": "2025-06-27",
                 "documents": ["Final minutes", "Prospective Adopter's Report"],
                 "irm": {"recommendation": "Suitable to adopt one child.", "date": "2025-09-24"},
                 "final": {"date": "2025-10-01", "decision": "positive", "review": "independent_review",
                           "reasons": "The IRM panel's view is accepted."}}},
        {"ref": "I2", "type": "match", "households": ["H2"], "children": ["C1"], "outcome": "removed",
         "removal_reason": "the medical report was not ready"},
    ],
}]


def test_extension_keys_validate_import_and_export_unchanged(store):
    assert validate(EXTENDED) == []
    with store.transaction() as s:
        import_document(s, EXTENDED, actor="test")
    with store.session() as s:
        out = export_document(s)
    assert out["agency"] == EXTENDED["agency"]
    assert out["households"][0]["address"] == EXTENDED["households"][0]["address"]
    assert out["meetings"][0]["end"] == "12:30"
    assert out["meetings"][0]["items"] == EXTENDED["meetings"][0]["items"]
