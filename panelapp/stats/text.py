"""The statistics as a plain-text table: one row per figure, the periods side by side."""

from __future__ import annotations

from .layout import PERIOD_HEADINGS, SECTIONS, attendance_table, lookup, rows_of, side_by_side

COLUMN = 26
NOTHING = "-"


def _cell(value) -> str:
    return NOTHING if value is None else str(value)


def render_table(result: dict) -> str:
    periods = side_by_side(result)
    results = [figures for _, figures in periods]
    sections = [(title, rows_of(rows, results)) for _, title, rows in SECTIONS]
    label_width = max(len(label) for _, rows in sections for _, label in rows)
    lines = [_header(label_width, periods)]
    for title, figure_rows in sections:
        lines += ["", title]
        for key, label in figure_rows:
            values = "".join(_cell(lookup(figures, key)).rjust(COLUMN) for _, figures in periods)
            lines.append(f"  {label.ljust(label_width)}{values}")
    headings, rows = attendance_table(result)
    lines += ["", "Attendance (present / expected held meetings)"]
    for member, *counts in rows:
        pairs = [counts[n:n + 2] for n in range(0, len(counts), 2)]
        cells = "".join((NOTHING if present is None else f"{present} / {expected}").rjust(COLUMN)
                        for present, expected in pairs)
        lines.append(f"  {member.ljust(label_width)}{cells}")
    return "\n".join(lines) + "\n"


def _header(label_width: int, periods) -> str:
    first = "".join(h.rjust(COLUMN) for h in PERIOD_HEADINGS[:len(periods)])
    second = "".join(f"{f['period']['from']} to {f['period']['to']}".rjust(COLUMN)
                     for _, f in periods)
    return f"  {'':{label_width}}{first}\n  {'':{label_width}}{second}"
