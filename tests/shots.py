"""Where UI tests leave the pictures of what they drove, for a person to look at:
$PANELAPP_TEST_SHOTS, or the system's temporary folder."""

import os
import tempfile

SHOTS = os.environ.get("PANELAPP_TEST_SHOTS") or tempfile.gettempdir()
