"""Panel statistics: every figure of statistics.md, from one piece of code.

- ``compute_statistics(session, date_from, date_to)`` gives the JSON object of
  ``panelapp stats --json`` (with ``previous``: the two years before);
- ``explain(session, date_from, date_to, key)`` gives the refs behind a figure;
- ``financial_year(2024)`` and ``half_year("2024H2")`` give a period's dates;
- ``export_xlsx(result, path)`` writes a result to an Excel workbook;
- ``layout`` names every figure in order, with its words, for reports and screens.
"""

from .compute import compute_statistics, explain, explainable_keys
from .periods import Period, financial_year, half_year
from .xlsx import export_xlsx

__all__ = ["Period", "compute_statistics", "explain", "explainable_keys", "export_xlsx",
           "financial_year", "half_year"]
