"""Administration: imports, exports and the agency's settings."""
