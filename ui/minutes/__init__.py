"""The minutes: drafting, approving, amending, and their versions."""
