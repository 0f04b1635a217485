"""Every screen at QT_SCALE_FACTOR=1.5 in a 1280x680 window (a 1080p laptop at 150%), both
themes: no label or button shows less than its text needs (size against sizeHint)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("theme_choice", ["light", "dark"])
def test_no_text_is_clipped_at_150_percent(northshire_store, tmp_path, theme_choice):
    path = northshire_store.engine.url.database
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "scale_probe.py"), path, theme_choice],
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


def test_the_probe_finds_a_clipped_button_and_label(qtbot):
    from PySide6.QtWidgets import QLabel, QPushButton, QWidget

    from tests.ui.scale_probe import clipped
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Record the recommendation", window)
    label = QLabel("Each change is recorded at once", window)
    button.setGeometry(0, 0, 40, 30)
    label.setGeometry(0, 40, 30, 20)
    window.show()
    found = clipped(window, window)
    assert any("Record the recommendation" in f for f in found)
    assert any("Each change is recorded" in f for f in found)
    button.resize(button.sizeHint())
    label.resize(label.sizeHint())
    assert clipped(window, window) == []
