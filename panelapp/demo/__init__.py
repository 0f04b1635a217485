"""The demo agency: a made-up regional adoption agency to try PanelApp on."""

from .generator import generate
from .load import DEMO_AGENCY_NAME, create_demo_agency

__all__ = ["DEMO_AGENCY_NAME", "create_demo_agency", "generate"]
