"""Every command that writes a file refuses a file type it cannot write, with a sentence,
and writes nothing: no JSON under an .xlsx name, no PDF under a .docx name."""

import pytest

from panelapp.cli import main


@pytest.mark.parametrize("argv, name, words", [
    (["export"], "all.docx", "the export is written as .json or .sealed or .xlsx"),
    (["export"], "all.csv", "the export is written as"),
    (["export"], "all", "cannot write a file with no extension"),
    (["stats", "--year", "2024", "--xlsx"], "stats.csv", "the statistics workbook is written as .xlsx"),
    (["agenda", "P20240411", "--out"], "agenda.docx", "this document is written as .pdf"),
    (["pack", "P20240411", "--out"], "pack.zip", "this document is written as .pdf"),
    (["minutes", "P20240411", "--out"], "minutes.docx", "this document is written as .pdf"),
    (["decision", "I00001", "--out"], "decision.txt", "this document is written as .pdf"),
    (["report", "annual", "--year", "2024", "--out"], "annual.odt", "the report is written as .pdf or .docx"),
])
def test_a_file_type_a_command_cannot_write_is_refused(northshire, tmp_path, capsys, argv, name, words):
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["--db", northshire.url, *argv, str(folder / name)]) == 1
    err = capsys.readouterr().err
    assert words in err and "Nothing was written." in err
    assert list(folder.iterdir()) == []


def test_a_workbook_is_not_sealed(northshire, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PANELAPP_PASSPHRASE", "correct horse battery")
    assert main(["--db", northshire.url, "export", str(tmp_path / "all.xlsx"), "--seal"]) == 1
    assert "A workbook cannot be sealed" in capsys.readouterr().err
    assert not (tmp_path / "all.xlsx").exists()


@pytest.mark.parametrize("name, extra, words", [
    ("records.ods", [], "import reads .json (or sealed) exchange files, .xlsx workbooks"),
    ("records.json", ["--mapping", "map.toml"], "--mapping reads a tracker, which is an .xlsx or .csv file"),
    ("records.csv", [], "a CSV tracker is read through a mapping file"),
])
def test_import_refuses_what_it_cannot_read(tmp_path, capsys, name, extra, words):
    (tmp_path / name).write_text("x", encoding="utf-8")
    assert main(["--db", str(tmp_path / "s.sqlite"), "init"]) == 0
    assert main(["--db", str(tmp_path / "s.sqlite"), "import", str(tmp_path / name), *extra]) == 1
    assert words in capsys.readouterr().err


def test_a_file_that_is_not_a_workbook_is_refused_in_words(tmp_path, capsys):
    fake = tmp_path / "records.xlsx"
    fake.write_text("{}", encoding="utf-8")
    assert main(["--db", str(tmp_path / "s.sqlite"), "init"]) == 0
    assert main(["--db", str(tmp_path / "s.sqlite"), "import", str(fake)]) == 2
    assert "(document): records.xlsx is not an Excel workbook (.xlsx)" in capsys.readouterr().err
