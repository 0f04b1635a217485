"""`panelapp self-test` (what the frozen app runs in the smoke test) and the licence
notices (`panelapp licences`, the bundle's licences/ folder, the .deb's copyright)."""

import json
import re
import shutil

from panelapp import selftest
from panelapp.cli import main
from panelapp.licences import components, debian_copyright, font_version, shipped_distributions, write_notices
from panelapp.paths import resources_dir
from tests.conftest import FIXTURES


def test_self_test_passes_unfrozen_and_says_each_step(capsys):
    assert main(["self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        "ok     temporary store, every migration",
        "ok     import northshire.json",
        "ok     minutes of P20240808 as a PDF",
        "ok     statistics of the year 2024 equal northshire-fy2024.expected.json",
        "self-test passed",
    ]


def test_self_test_fails_when_a_figure_differs(tmp_path, monkeypatch, capsys):
    shutil.copy(FIXTURES / selftest.FIXTURE, tmp_path / selftest.FIXTURE)
    want = json.loads((FIXTURES / selftest.EXPECTED).read_text(encoding="utf-8"))
    want["panel"]["meetings_held"] += 1
    (tmp_path / selftest.EXPECTED).write_text(json.dumps(want), encoding="utf-8")
    monkeypatch.setattr(selftest, "fixture_dir", lambda: tmp_path)
    assert main(["self-test"]) == 1
    out = capsys.readouterr().out
    assert "FAILED statistics of the year 2024" in out
    assert "1 figures differ from northshire-fy2024.expected.json: panel.meetings_held: got 22, expected 23" in out
    assert out.rstrip().endswith("self-test failed")


def test_self_test_fixture_comes_from_the_resources_when_installed(tmp_path, monkeypatch):
    """A bundle or wheel carries the fixture as resources/selftest; a source tree has tests/fixtures."""
    assert selftest.fixture_dir() == FIXTURES.resolve()
    bundled = tmp_path / "selftest"
    bundled.mkdir()
    for name in (selftest.FIXTURE, selftest.EXPECTED):
        shutil.copy(FIXTURES / name, bundled / name)
    monkeypatch.setattr(selftest, "resources_dir", lambda: tmp_path)
    assert selftest.fixture_dir() == bundled


def test_figure_differences_compare_numbers_as_numbers_and_attendance_as_rows():
    want = {"a": 5, "b": {"attendance": [{"member": "S1", "present": 2}, {"member": "S2", "present": 1}]},
            "c": [1, 2.5]}
    same = {"a": 5.0, "b": {"attendance": [{"member": "S2", "present": 1}, {"member": "S1", "present": 2}]},
            "c": [1, 2.5]}
    assert selftest.figure_differences(same, want) == []
    other = {"a": True, "b": {"attendance": [{"member": "S1", "present": 2}]}, "c": [1, 2.4], "d": 0}
    assert selftest.figure_differences(other, want) == [
        "d: not expected", "a: got True, expected 5", "b.attendance: the attendance rows differ",
        "c[1]: got 2.4, expected 2.5"]


def test_components_name_each_shipped_thing_with_version_licence_and_text():
    found = {c.name: c for c in components()}
    assert list(found)[:4] == ["PanelApp", "Python", "Qt", "DejaVu Sans fonts"]
    qt = found["Qt"]
    assert qt.licence == "LGPL-3.0-only"
    assert [p.name for p in qt.texts] == ["LGPL-3.0.txt", "GPL-3.0.txt"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt.texts[0].read_text(encoding="utf-8")
    assert found["DejaVu Sans fonts"].texts == (resources_dir() / "fonts" / "LICENSE",)
    assert re.fullmatch(r"\d+\.\d+", found["DejaVu Sans fonts"].version)
    assert found["Python"].texts and found["Python"].version.startswith("3.")
    # Every installed requirement of PanelApp is listed with its own licence text.
    for dist in shipped_distributions():
        component = found[dist.metadata["Name"]]
        assert component.version == dist.version
        assert component.texts, f"{component.name} has no licence text"
        assert all(p.is_file() for p in component.texts)
    for name in ("reportlab", "SQLAlchemy", "alembic", "cryptography", "PySide6_Essentials", "shiboken6"):
        assert name in found, name
    assert "pytest" not in found and "ruff" not in found  # test and lint tools are not shipped


def test_notices_folder_and_debian_copyright(tmp_path):
    written = write_notices(tmp_path / "licences")
    index = (tmp_path / "licences" / "README.txt").read_text(encoding="utf-8")
    assert "Qt 6." in index and "LGPL-3.0-only" in index and "reportlab" in index
    qt = next((tmp_path / "licences").glob("Qt-*"))
    assert (qt / "LGPL-3.0.txt").is_file() and (qt / "GPL-3.0.txt").is_file()
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)

    text = debian_copyright("/opt/panelapp", "/usr/share/doc/panelapp/licences")
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0].startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
    assert paragraphs[1].startswith("Files: *\n")
    assert len(paragraphs) == 1 + len(components())
    for paragraph in paragraphs[1:]:
        fields = [line.split(":")[0] for line in paragraph.splitlines() if not line.startswith(" ")]
        assert fields == ["Files", "Copyright", "License"], paragraph
    assert "Files: opt/panelapp/_internal/PySide6/Qt/*" in text
    assert "/usr/share/doc/panelapp/licences/Qt-" in text


def test_licences_command_lists_and_writes(tmp_path, capsys):
    assert main(["licences"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.match(r"^Qt +6\.\S+ +LGPL-3\.0-only$", next(line for line in lines if line.startswith("Qt ")))
    assert main(["licences", "--write", str(tmp_path / "out"),
                 "--debian-copyright", str(tmp_path / "copyright")]) == 0
    assert (tmp_path / "out" / "README.txt").is_file()
    assert (tmp_path / "copyright").read_text(encoding="utf-8").startswith("Format: ")
    (tmp_path / "file").write_text("")
    assert main(["licences", "--write", str(tmp_path / "file")]) == 1
    assert "is a file: --write needs a folder" in capsys.readouterr().err


def test_font_version_reads_the_name_table():
    assert font_version(resources_dir() / "fonts" / "DejaVuSans.ttf") == font_version(
        resources_dir() / "fonts" / "DejaVuSans-Bold.ttf")
