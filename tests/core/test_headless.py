"""The core never imports Qt: importing every panelapp submodule leaves PySide6 out."""

import subprocess
import sys

SCRIPT = r"""
import importlib, pkgutil, sys
import panelapp
names = [m.name for m in pkgutil.walk_packages(panelapp.__path__, "panelapp.")
         if ".migrations" not in m.name and not m.name.endswith("__main__")]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "ui")))
print(len(names))
print(",".join(qt))
"""


def test_every_panelapp_module_loads_without_qt():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    count, qt = out.stdout.strip().split("\n") + [""] * (2 - len(out.stdout.strip().split("\n")))
    assert int(count) >= 15, "the walk found too few modules to mean anything"
    assert qt == "", f"Qt modules loaded by the headless core: {qt}"
