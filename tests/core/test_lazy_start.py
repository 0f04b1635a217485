"""Start-up imports only what it uses: the command line's parser without every
command's module, a store at the current revision opened without Alembic, and the
revision the code knows kept in step with the migration scripts."""

import argparse
import subprocess
import sys

from panelapp.cli import COMMAND_MODULES, COMMANDS, build_parser, command_word
from panelapp.db import alembic_config
from panelapp.migrations import HEAD_REVISION


def subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def helps(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    return [(action.dest, action.help) for action in subcommands(parser)._choices_actions]


def test_head_revision_is_the_scripts_head():
    from alembic.script import ScriptDirectory
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_lazy_parser_lists_every_command_with_its_help_in_order():
    whole = build_parser()  # every command module imported
    assert helps(build_parser([])) == helps(whole)
    assert [(name, help_text) for name, (_module, help_text) in COMMANDS.items()] == helps(whole)


def test_every_command_is_described_by_the_module_that_registers_it():
    for name, (module, _help) in COMMANDS.items():
        assert module in COMMAND_MODULES, name
        lazy = build_parser([name])
        # The asked-for command is the real one: its own options and its action.
        assert subcommands(lazy).choices[name].format_help() == \
            subcommands(build_parser()).choices[name].format_help(), name


def test_command_word_skips_the_store_option():
    assert command_word(["--db", "x.sqlite", "info"]) == "info"
    assert command_word(["--db=x.sqlite", "stats", "--fy", "2024"]) == "stats"
    assert command_word(["--help"]) is None


SCRIPT = r"""
import sys
from panelapp.cli import main
code = main(["--db", sys.argv[1], "info"])
heavy = sorted(m for m in sys.modules
               if m.split(".")[0] == "alembic" or m.startswith(("panelapp.stats", "panelapp.reports",
                                                               "panelapp.demo", "panelapp.exchange")))
print(code, ",".join(heavy))
"""


def test_info_on_a_current_store_imports_no_alembic_and_no_other_command(tmp_path):
    db = str(tmp_path / "s.sqlite")
    from panelapp.db import open_store
    open_store(db).dispose()  # made and migrated here, so the child finds it at the head revision
    out = subprocess.run([sys.executable, "-c", SCRIPT, db], capture_output=True, text=True, check=True)
    code, heavy = (out.stdout.strip().splitlines()[-1].split(" ") + [""])[:2]
    assert code == "0"
    assert heavy == "", f"imported though `panelapp info` does not use them: {heavy}"


def test_a_new_store_is_still_migrated(tmp_path):
    from panelapp.db import current_revision, open_store
    store = open_store(str(tmp_path / "new.sqlite"))
    try:
        assert current_revision(store.engine) == HEAD_REVISION
    finally:
        store.dispose()
