"""Print or export the rows a table shows (as filtered and sorted) to PDF or CSV."""

import csv
import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from panelapp.cli.outputs import file_type
from ui.common.tablepage import TablePage


def visible_rows(page: TablePage) -> tuple[list[str], list[list[str]]]:
    proxy = page.proxy
    headers = [c.title for c in page.model.columns]
    rows = [[proxy.index(r, c).data() or "" for c in range(len(headers))] for r in range(proxy.rowCount())]
    return headers, rows


def export_csv(page: TablePage, path: Path) -> int:
    headers, rows = visible_rows(page)
    with open(path, "w", newline="", encoding="utf-8-sig") as f:  # the BOM makes Excel read UTF-8
        writer = csv.writer(f)
        writer.writerow(headers)
        writer.writerows(rows)
    return len(rows)


def export_pdf(page: TablePage, path: Path, title: str) -> int:
    headers, rows = visible_rows(page)
    search = page.search.text().strip()
    subtitle = f"{len(rows):,} {page.noun}" + (f" matching “{search}”" if search else "") + \
        f", printed {dt.date.today():%-d %B %Y}"
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    document = QTextDocument()
    document.setHtml(f"<h2>{html.escape(title)}</h2><p>{html.escape(subtitle)}</p>"
                     f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
                     f"<thead><tr>{head}</tr></thead>{body}</table>")
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("PanelApp")
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    return len(rows)


def export_table(page: TablePage, path: Path, title: str) -> int:
    """Write the rows to ``path``: PDF for .pdf, else CSV. Returns how many rows."""
    path = Path(path)
    file_type(str(path), (".pdf", ".csv"), "a list")  # never CSV under another name
    if path.suffix.lower() == ".pdf":
        return export_pdf(page, path, title)
    return export_csv(page, path)
