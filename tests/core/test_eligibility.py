import datetime as dt

from panelapp.models import Child, Household
from panelapp.queries.eligibility import eligible_cases
from panelapp.services.permissions import Actor

D = dt.date
ADVISER = Actor("adviser", "Pat Adviser", "adviser")


def test_each_item_type_offers_its_eligible_cases(store):
    with store.transaction() as s:
        s.add_all([Household(ref="H1", stage1_start=D(2025, 1, 1), stage2_start=D(2025, 4, 1)),
                   Household(ref="H2", approved=D(2024, 9, 1)),
                   Household(ref="H3", stage2_start=D(2025, 3, 1), withdrawn=D(2025, 5, 1)),
                   Household(ref="H4", enquiry=D(2025, 6, 1)),
                   Child(ref="C1", name="Amy", placement_order=D(2024, 8, 1)),
                   Child(ref="C2", name="Ben", placement_order=D(2023, 1, 1), placed=D(2023, 6, 1)),
                   Child(ref="C3", name="Cara")])
    with store.session() as s:
        found = eligible_cases(s, ADVISER)
    assert found.households_for("adopter_approval") == {"H1"}
    assert found.households_for("adopter_review") == {"H2"}
    assert found.households_for("match") == {"H2"}
    assert found.households_for("withdrawal") == {"H1", "H2", "H4"}
    assert found.children_for("match") == {"C1"}
    assert found.children_for("child_plan") == {"C1", "C3"}
    assert found.households_for("other") is None
