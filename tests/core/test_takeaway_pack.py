"""A panel pack sent by e-mail: ``panelapp pack --password`` writes it encrypted with AES-256."""

from pypdf import PdfReader

from panelapp.cli import main


def test_the_pack_is_encrypted_with_aes_256(northshire, tmp_path, monkeypatch, capsys):
    out = tmp_path / "pack.pdf"
    monkeypatch.setenv("PANELAPP_PACK_PASSWORD", "a long pack password")
    assert main(["--db", northshire.url, "pack", "2024-04-11", "--out", str(out), "--password"]) == 0
    assert "AES-256" in capsys.readouterr().out
    reader = PdfReader(str(out))
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"]
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256, PDF 2.0
    assert reader.decrypt("not the password") == 0
    reader = PdfReader(str(out))
    assert reader.decrypt("a long pack password") != 0
    assert "Agenda" in "".join(page.extract_text() for page in reader.pages[:3])


def test_a_short_password_writes_nothing(northshire, tmp_path, monkeypatch, capsys):
    out = tmp_path / "pack.pdf"
    monkeypatch.setenv("PANELAPP_PACK_PASSWORD", "short")
    assert main(["--db", northshire.url, "pack", "2024-04-11", "--out", str(out), "--password"]) == 1
    assert "at least 10 characters" in capsys.readouterr().err and not out.exists()
