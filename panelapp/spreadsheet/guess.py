"""First guesses for a tracker's mapping, from its headings: which rows hold the
headings and which column holds which field. The user checks and corrects them."""

from __future__ import annotations

from .layout import CHILDREN, HOUSEHOLDS, MEMBERS
from .tracker import Grid
from .values import blank, normal, shown

# The fields a tracker's column can hold, in the words of the PanelApp workbook's headers.
FIELDS = {sheet.name.lower(): [(path, words) for words, path in sheet.columns]
          for sheet in (MEMBERS, HOUSEHOLDS, CHILDREN)}
RECORD_WORDS = {"households": "Households (adopters)", "children": "Children", "members": "Panel members"}

# Other words trackers use for the same thing.
ALSO = {
    "ref": ("case no", "case number", "case ref", "reference", "id", "child ref", "ref no", "lcs id", "ccs id"),
    "name": ("child", "child's name", "name"),
    "dob": ("dob", "date of birth", "birth date"),
    "gender": ("sex", "gender"),
    "applicants[0].name": ("applicant 1", "applicant", "applicant name", "adopter 1", "name"),
    "applicants[0].dob": ("applicant 1 dob", "dob"),
    "applicants[1].name": ("applicant 2", "adopter 2", "second applicant"),
    "applicants[1].dob": ("applicant 2 dob",),
    "milestones.enquiry": ("enquiry", "enquiry date", "first enquiry"),
    "milestones.initial_visit": ("initial visit", "iv", "initial visit date"),
    "milestones.registration_of_interest": ("roi", "registration", "roi received"),
    "milestones.stage1_start": ("stage 1 start", "stage one start", "stage 1"),
    "milestones.stage1_end": ("stage 1 end", "stage 1 completed"),
    "milestones.stage2_start": ("stage 2 start", "stage two start", "stage 2"),
    "milestones.approved": ("approved", "approval date", "adm approval", "date approved"),
    "milestones.withdrawn": ("withdrawn", "date withdrawn"),
    "milestones.entered_care": ("became looked after", "entered care", "cla date", "date became cla"),
    "milestones.should_be_placed_decision": ("sbpfa", "should be placed", "adm sbpfa decision"),
    "milestones.placement_order": ("placement order", "po", "po date", "po granted"),
    "milestones.match_decision": ("match", "match (adm)", "adm match decision", "matched"),
    "milestones.placed": ("placed", "placement date", "date placed"),
    "milestones.adoption_order": ("adoption order", "ao", "ao date"),
    "matched_household": ("matched with", "adopters", "household"),
    "early_permanence": ("ep", "early permanence", "ffa", "fostering for adoption"),
    "approval.early_permanence": ("ep", "early perm", "early permanence"),
    "withdrawal.date": ("withdrawal date", "date withdrawn"),
    "withdrawal.stage": ("withdrawal stage", "stage withdrawn", "stage at withdrawal"),
    "withdrawal.reason": ("withdrawal reason", "reason for withdrawal", "reason"),
    "withdrawal.by": ("withdrawn by", "withdrawal by", "by"),
    "approval.children_max": ("approval children", "children approved for", "number of children", "children"),
    "approval.age_min_years": ("approval age from", "age from", "youngest"),
    "approval.age_max_years": ("approval age to", "age to", "oldest"),
    "roles": ("role", "roles"),
    "appointed": ("appointed", "appointment date", "start date"),
}


def _hints(records: str, field: str) -> list[str]:
    words = dict(FIELDS[records])[field]
    return [normal(words), *(normal(w) for w in ALSO.get(field, ()))]


def guess_header_rows(grid: Grid, look: int = 12) -> tuple[int, ...]:
    """The heading rows: the row with the most different words in the first rows, and
    the row above it too when that one groups them (merged headings)."""
    def distinct(row: int) -> int:
        values = [grid.value(row, c) for c in range(1, grid.width + 1)]
        texts = {shown(v).strip() for v in values if isinstance(v, str) and not blank(v)}
        return len(texts) if all(isinstance(v, str) or blank(v) for v in values) else 0
    rows = range(1, min(look, len(grid.rows)) + 1)
    best = max(rows, key=lambda r: (distinct(r), -r), default=1)
    if best > 1 and distinct(best - 1) >= 2:
        return (best - 1, best)
    return (best,)


def guess_columns(headings: list[str], records: str) -> dict[str, int]:
    """Field -> column number (1 for A) for the headings that look like a field; each
    column is given to one field at most, the surest matches first."""
    scored = []
    for field, _words in FIELDS[records]:
        hints = _hints(records, field)
        for column, heading in enumerate(headings, start=1):
            whole = normal(heading)
            if not whole:
                continue
            last = normal(heading.split(" / ")[-1])
            if whole in hints:
                score = 3 + (hints.index(whole) == 0)
            elif normal(heading.replace(" / ", " ")) in hints:
                score = 3
            elif last in hints:
                score = 1 if " / " in heading else 2
            else:
                continue
            scored.append((-score, hints.index(whole) if whole in hints else 9, column, field))
    chosen: dict[str, int] = {}
    taken: set[int] = set()
    for _score, _rank, column, field in sorted(scored):
        if field not in chosen and column not in taken:
            chosen[field] = column
            taken.add(column)
    return chosen
