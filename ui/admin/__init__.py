"""The agency's settings, accounts, the audit trail, import and export (JSON and spreadsheets)."""
