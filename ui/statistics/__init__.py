"""The chair's statistics, charts, explanations, exports and report texts."""
