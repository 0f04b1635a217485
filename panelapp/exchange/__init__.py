"""The JSON exchange format (shared/exchange-format.md): validation, import and export."""

from .exporter import export_document
from .importer import MODES, ImportResult, import_document
from .validate import validate

__all__ = ["MODES", "ImportResult", "export_document", "import_document", "validate"]
