"""The chair's texts as paragraphs: written as plain text or light Markdown (a blank
line between paragraphs, "- " for a list, "#" for a sub-heading, **bold**, *italic*)."""

from __future__ import annotations

import re

from reportlab.platypus import Paragraph

from ..style import heading, marked, styles, text

_BULLET = re.compile(r"^\s*[-*•]\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])")


def _inline(words: str) -> str:
    """Escaped text with **bold** and *italic* made markup."""
    safe = text(words)
    safe = _BOLD.sub(r"<b>\1</b>", safe)
    return _ITALIC.sub(r"<i>\1</i>", safe)


def prose(words: str) -> list:
    """Flowables for a stored text."""
    flowables = []
    for block in re.split(r"\n\s*\n", words.replace("\r\n", "\n").strip()):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0].lstrip().startswith("#"):
            flowables.append(heading(lines[0].lstrip().lstrip("#").strip(), level=2))
            lines = lines[1:]
        if lines and all(_BULLET.match(line) or line.startswith("  ") for line in lines) \
                and _BULLET.match(lines[0]):
            entries: list[str] = []
            for line in lines:
                if _BULLET.match(line):
                    entries.append(_BULLET.sub("", line))
                else:
                    entries[-1] += " " + line.strip()
            flowables += [Paragraph(_inline(entry), styles().bullet, bulletText="•") for entry in entries]
        elif lines:
            flowables.append(marked(_inline(" ".join(line.strip() for line in lines))))
    return flowables
