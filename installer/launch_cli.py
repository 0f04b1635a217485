"""Entry point of the frozen command line: PyInstaller runs this file as ``__main__``."""

import sys

from panelapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
