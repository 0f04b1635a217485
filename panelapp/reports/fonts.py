"""The shipped DejaVu Sans, embedded in every document.

The PDF base fonts know only Latin-1, so "Łukasz" would print as boxes; an
embedded TrueType font prints every name the panel meets as it is spelt.
"""

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import PanelAppError
from ..paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)


def register_fonts() -> None:
    """Register the family once per process (parsing the files is the slow part)."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources_dir() / "fonts"
    for face in FACES:
        path = folder / f"{face}.ttf"
        if not path.is_file():
            raise PanelAppError(f"the document font {path} is missing; reinstall PanelApp")
        pdfmetrics.registerFont(TTFont(face, str(path)))
    # So that <b> and <i> inside a paragraph pick the right face.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
