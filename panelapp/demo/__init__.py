"""The demo agency: a made-up regional adoption agency to try PanelApp on.

The generator and the loader bring in the exchange code and the ORM, so they are
imported when first used, not when the sign-in window asks for the agency's name.
"""

from typing import TYPE_CHECKING, Any

DEMO_AGENCY_NAME = "Riverside Regional Adoption Agency"

if TYPE_CHECKING:
    from .generator import generate
    from .load import create_demo_agency

__all__ = ["DEMO_AGENCY_NAME", "create_demo_agency", "generate"]


def __getattr__(name: str) -> Any:
    if name == "create_demo_agency":
        from .load import create_demo_agency
        return create_demo_agency
    if name == "generate":
        from .generator import generate
        return generate
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
