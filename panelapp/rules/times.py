"""Times of day as people type them at a meeting: 10:25, 10.25, 1025, 925 or 10."""

import datetime as dt
import re

_FORMS = (re.compile(r"^(\d{1,2})[:.](\d{2})$"), re.compile(r"^(\d{1,2})(\d{2})$"), re.compile(r"^(\d{1,2})()$"))


def parse_clock(text: str) -> dt.time | None:
    """The time in ``text`` (24-hour clock), None when blank; ValueError with a sentence
    saying what is wrong when it cannot be read."""
    text = text.strip()
    if not text:
        return None
    for form in _FORMS:
        found = form.match(text)
        if found:
            hour, minute = int(found.group(1)), int(found.group(2) or 0)
            if hour > 23 or minute > 59:
                raise ValueError(f"{text!r} is not a time of day: the hour runs 0 to 23 and the minutes 0 to 59.")
            return dt.time(hour, minute)
    raise ValueError(f"{text!r} is not a time: type it as 10:25, 10.25 or 1025.")
