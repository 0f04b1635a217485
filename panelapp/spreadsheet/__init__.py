"""Spreadsheets in and out: the whole store as a workbook, and agencies' own trackers
(.xlsx or .csv) read through a mapping file. Both go in through the JSON exchange
importer, so they meet every rule of the format and are all or nothing; each error
names its cell, ``Households!F12: 31/02/2024 is not a date``."""

from .importing import export_workbook, import_read, import_tracker, import_workbook
from .mapping import Mapping, SheetMapping, dump_mapping, load_mapping, parse_mapping, save_mapping
from .tracker import TRACKER_TYPES, read_tracker
from .workbook import read_workbook, write_workbook

__all__ = ["TRACKER_TYPES", "Mapping", "SheetMapping", "dump_mapping", "export_workbook", "import_read",
           "import_tracker", "import_workbook", "load_mapping", "parse_mapping", "read_tracker",
           "read_workbook", "save_mapping", "write_workbook"]
