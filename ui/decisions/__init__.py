"""The agency decision maker's queue: decisions, final decisions, letters."""
