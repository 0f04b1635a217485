"""File > Import a spreadsheet…: the columns guessed from the tracker's headings, the
first rows shown as they will be read with each error in its cell, the mapping kept
for next time, and the import run in the task runner, all or nothing."""

from sqlalchemy import func
from sqlmodel import select

from panelapp.models import AuditEvent, Child, Household
from panelapp.services.permissions import Actor
from ui.admin.spreadsheet_import import ERROR_SHADE, SpreadsheetImportDialog, remembered_mapping_path

from ..core.test_spreadsheet_tracker import EXAMPLE, with_errors, write_tracker

ADMIN = Actor("ada", "Ada Admin", "admin")
ADVISER = Actor("pat", "Pat Adviser", "adviser")


def counts(store) -> list[int]:
    with store.session() as s:
        return [s.exec(select(func.count()).select_from(m)).one() for m in (Household, Child, AuditEvent)]


def dialog_for(qtbot, runner, store, tmp_path, actor=ADMIN) -> SpreadsheetImportDialog:
    dialog = SpreadsheetImportDialog(runner, store, actor, mappings_folder=tmp_path / "mappings")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cell_text(dialog, sheet_row: int, field: str) -> tuple[str, object]:
    model = dialog.preview
    row = next(n for n, r in enumerate(model.rows) if r.row == sheet_row)
    column = next(n for n, f in enumerate(model.fields) if f[0] == field)
    index = model.index(row, column)
    return model.data(index), model.data(index, 8)  # 8: Qt.BackgroundRole


def test_the_menu_offers_it_to_those_who_may_import(open_workspace, empty_store, qtbot):
    admin = open_workspace(empty_store, ADMIN)
    assert admin.spreadsheet_import_action.isVisible()
    admin.spreadsheet_import_action.trigger()
    dialog = admin.findChild(SpreadsheetImportDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.import_button.isEnabled(), "nothing to import before a file is chosen"
    dialog.reject()
    adviser = open_workspace(empty_store, ADVISER)
    assert not adviser.spreadsheet_import_action.isVisible()


def test_columns_are_guessed_and_each_error_shown_in_its_cell(qtbot, runner, empty_store, tmp_path):
    households, children = with_errors()
    tracker = write_tracker(tmp_path / "tracker.xlsx", households, children)
    dialog = dialog_for(qtbot, runner, empty_store, tmp_path)
    assert dialog.open_file(tracker)
    assert dialog.sheet.currentText() == "Households"
    assert dialog.records.currentData() == "households"
    assert (dialog.first_heading.value(), dialog.last_heading.value()) == (2, 3)
    guessed = {name: chooser.currentText() for name, chooser in dialog.column_choosers.items()}
    assert guessed["ref"] == "A: Case no."
    assert guessed["milestones.enquiry"] == "F: Key dates / Enquiry"
    assert guessed["applicants[1].dob"] == "E: Applicant 2 / DOB"
    assert guessed["approval.early_permanence"] == "Q: Approval / Early perm."
    assert guessed["milestones.initial_visit"] == "(not in the tracker)"
    text, shade = cell_text(dialog, 12, "milestones.enquiry")
    assert text == "⚠ 31/02/2024 is not a date" and shade.color() == ERROR_SHADE
    text, shade = cell_text(dialog, 4, "milestones.stage2_start")
    assert text == "01/06/2024" and shade is None, "an Excel date number, read as the date it is"
    text, _ = cell_text(dialog, 7, "withdrawal.stage")
    assert "'approved at panel' is not one of" in text, "the guess knows no spellings of the tracker's own"
    problems = [dialog.problems.item(n).text() for n in range(dialog.problems.count())]
    assert "Households!F12: 31/02/2024 is not a date" in problems
    assert "Households!A14: the row has data but no reference (Case no.)" in problems
    # The mapping file knows the tracker's words: with it, only the true errors are left.
    assert dialog.use_mapping(EXAMPLE)
    text, _ = cell_text(dialog, 7, "withdrawal.stage")
    assert text == "approved"
    dialog.sheet.setCurrentIndex(1)
    assert dialog.records.currentData() == "children"
    text, shade = cell_text(dialog, 2, "gender")
    assert text.startswith("⚠ 'X' is not one of") and shade is not None
    dialog.grab().save(str(tmp_path / "dialog.png"))


def test_import_runs_off_the_gui_thread_and_keeps_the_mapping(qtbot, runner, empty_store, tmp_path):
    tracker = write_tracker(tmp_path / "tracker.xlsx")
    dialog = dialog_for(qtbot, runner, empty_store, tmp_path)
    dialog.open_file(tracker)
    dialog.use_mapping(EXAMPLE)
    with qtbot.waitSignal(dialog.finished_import, timeout=30_000) as outcome:
        assert dialog.start_import() is not None
        assert not dialog.import_button.isEnabled()
    kind, text = outcome.args
    assert kind == "imported", text
    assert "households: 7 new" in text and "children: 2 new" in text
    assert counts(empty_store)[:2] == [7, 2]
    kept = remembered_mapping_path(tmp_path / "mappings", tracker)
    assert kept.is_file() and "approved at panel" in kept.read_text(encoding="utf-8")
    # Next time, the same tracker opens with the mapping kept: its spellings, no guessing.
    again = dialog_for(qtbot, runner, empty_store, tmp_path)
    again.open_file(tracker)
    assert cell_text(again, 7, "withdrawal.stage")[0] == "approved"
    assert again.problems.count() == 0
    # A second import is refused unless asked to update what was imported before.
    with qtbot.waitSignal(again.finished_import, timeout=30_000) as outcome:
        again.start_import()
    assert outcome.args[0] == "refused"
    assert "Households!A4: 'NS-101' is in the store already" in outcome.args[1]
    again.update_existing.setChecked(True)
    with qtbot.waitSignal(again.finished_import, timeout=30_000) as outcome:
        again.start_import()
    assert outcome.args == ["imported", "tracker.xlsx was read: every record in it is in the store as it says; "
                                        "nothing changed."]


def test_a_refused_import_lists_every_error_and_changes_nothing(qtbot, runner, empty_store, tmp_path):
    households, children = with_errors()
    tracker = write_tracker(tmp_path / "tracker.xlsx", households, children)
    before = counts(empty_store)
    dialog = dialog_for(qtbot, runner, empty_store, tmp_path)
    dialog.open_file(tracker)
    dialog.use_mapping(EXAMPLE)
    with qtbot.waitSignal(dialog.finished_import, timeout=30_000) as outcome:
        dialog.start_import()
    kind, text = outcome.args
    assert kind == "refused"
    assert "Households!F12: 31/02/2024 is not a date" in text.splitlines()
    assert "Children!I4: no household has ref 'NS-999'" in text.splitlines()
    assert dialog.summary.text().startswith("tracker.xlsx was not imported: 11 problems")
    assert counts(empty_store) == before
    assert dialog.import_button.isEnabled()


def test_a_mapping_is_saved_only_as_toml(qtbot, runner, empty_store, tmp_path):
    dialog = dialog_for(qtbot, runner, empty_store, tmp_path)
    dialog.open_file(write_tracker(tmp_path / "tracker.xlsx"))
    assert dialog.save_mapping_to(tmp_path / "map.json") is None
    assert not (tmp_path / "map.json").exists()
    saved = dialog.save_mapping_to(tmp_path / "map.toml")
    assert saved is not None and "[[sheet]]" in saved.read_text(encoding="utf-8")


def choose(qtbot, dialog, field: str, word: str, meaning) -> None:
    """Give ``word`` its meaning, and wait for the rows to be read again (the choosers are remade)."""
    chooser = dialog.word_choosers[(field, word)]
    chooser.setCurrentIndex(chooser.findData(meaning) if meaning is not None else 0)
    qtbot.waitUntil(lambda: dialog.word_choosers.get((field, word)) is not chooser)


def test_the_trackers_own_words_are_given_their_meaning_in_the_dialog(qtbot, runner, empty_store, tmp_path):
    tracker = write_tracker(tmp_path / "tracker.xlsx")
    dialog = dialog_for(qtbot, runner, empty_store, tmp_path)
    dialog.open_file(tracker)
    assert dialog.words_box.isVisible()
    assert cell_text(dialog, 7, "withdrawal.stage")[0].startswith("⚠ 'approved at panel' is not one of")
    choose(qtbot, dialog, "withdrawal.stage", "approved at panel", "approved")
    assert cell_text(dialog, 7, "withdrawal.stage")[0] == "approved"
    assert dialog.current().values["withdrawal.stage"] == {"approved": ["approved at panel"]}
    for word, meaning in (("Applicants", "applicant"), ("Adopters", "applicant"), ("LA", "agency")):
        choose(qtbot, dialog, "withdrawal.by", word, meaning)
    assert dialog.problems.count() == 0
    dialog.sheet.setCurrentIndex(1)
    for word, meaning in (("M", "male"), ("Girl", "female")):
        choose(qtbot, dialog, "gender", word, meaning)
    assert dialog.problems.count() == 0
    # Taking a meaning back leaves the word an error again.
    choose(qtbot, dialog, "gender", "Girl", None)
    assert [dialog.problems.item(n).text() for n in range(dialog.problems.count())] == [
        "Children!D4: 'Girl' is not one of: male, female, other"]
    choose(qtbot, dialog, "gender", "Girl", "female")
    with qtbot.waitSignal(dialog.finished_import, timeout=30_000) as outcome:
        dialog.start_import()
    assert outcome.args[0] == "imported", outcome.args[1]
    assert counts(empty_store)[:2] == [7, 2]
