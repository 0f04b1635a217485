"""Entry point of the frozen desktop app: PyInstaller runs this file as ``__main__``."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
