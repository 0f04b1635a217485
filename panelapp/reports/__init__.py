"""Every paper that leaves the panel, as PDF in one house style (ReportLab; no Qt)."""

from .agenda import agenda_pdf
from .decision import decision_letter_pdf, decision_record_pdf
from .minutes import minutes_extract_pdf, minutes_pdf
from .pack import panel_pack_pdf

__all__ = ["agenda_pdf", "decision_letter_pdf", "decision_record_pdf", "minutes_extract_pdf",
           "minutes_pdf", "panel_pack_pdf"]
