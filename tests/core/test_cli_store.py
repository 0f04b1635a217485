"""`panelapp init` and `panelapp info`."""

from panelapp.cli import main


def test_init_then_info(tmp_path, capsys, northshire_doc):
    db = str(tmp_path / "s.sqlite")
    assert main(["--db", db, "init", "--agency", "Westshire Council"]) == 0
    assert "store ready" in capsys.readouterr().out
    assert main(["info", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "agency:   Westshire Council" in out
    assert "schema:" in out and db in out


def test_info_counts_records(tmp_path, capsys):
    from pathlib import Path
    db = str(tmp_path / "n.sqlite")
    fixture = Path(__file__).parent.parent / "fixtures" / "northshire.json"
    assert main(["--db", db, "import", str(fixture)]) == 1
    assert "There is no store at" in capsys.readouterr().err and not Path(db).exists()
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "import", str(fixture)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "info"]) == 0
    out = capsys.readouterr().out
    lines = {line.split(":")[0].strip(): line.split(":")[-1].strip() for line in out.splitlines()}
    assert lines["households"] == "220" and lines["children"] == "128" and lines["meetings"] == "72"
    assert lines["agenda items"] == "234"


def test_help_for_every_command(capsys):
    from panelapp.cli import build_parser
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.description or p.format_help(), name
        assert "--db" in p.format_help(), name
