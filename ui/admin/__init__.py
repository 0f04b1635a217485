"""The agency's settings, the audit trail, import and export."""
