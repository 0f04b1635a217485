"""A meeting's agenda: its items, time slots, papers and warnings."""
