"""Where the shipped resources (fonts, icons, stylesheets) are.

In a source tree, an editable install and the frozen bundle, ``resources/``
sits beside the ``panelapp`` package; a wheel installs it under
``<prefix>/share/panelapp/resources`` (pyproject.toml, data-files).
"""

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    beside = Path(__file__).resolve().parent.parent / "resources"
    if (beside / "fonts").is_dir():
        return beside
    for prefix in (sys.prefix, sys.base_prefix):
        installed = Path(prefix) / "share" / "panelapp" / "resources"
        if (installed / "fonts").is_dir():
            return installed
    return beside
