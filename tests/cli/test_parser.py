"""The command line's parser: every command and option documented, and the global options work
before and after the command name."""

import argparse
import sys
import tomllib
from importlib import import_module
from pathlib import Path

import pytest

from inspector_app import cli
from inspector_app.cli import common

ROOT = Path(__file__).resolve().parents[2]

COMMANDS = ["demo", "import", "export", "search", "info", "forms", "obligations",
            "documents", "render", "findings", "quarter-listing",
            "suspensions", "resumption-review", "referrals", "bureau-outcome",  # issue 9
            "ledgers", "backup", "restore", "verify", "series", "password", "bundle", "county"]


def subcommands():
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return parser, action


def global_options():
    """The actions ``common.add_global_options`` adds (the single list of global options)."""
    p = argparse.ArgumentParser(add_help=False)
    common.add_global_options(p)
    return p._actions


def minimal_argv(sub: argparse.ArgumentParser) -> list[str]:
    """One value per positional argument: enough for the parser (numbers are accepted too); for a
    command with actions of its own (``ledgers export``), its first action."""
    argv = []
    for a in sub._actions:
        if isinstance(a, argparse._SubParsersAction):
            name, nested = next(iter(a.choices.items()))
            argv += [name, *minimal_argv(nested)]
        elif not a.option_strings and a.nargs != 0:
            argv.append("1")
    return argv


def test_commands_are_listed_in_the_same_order_as_before():
    _parser, action = subcommands()
    assert list(action.choices) == COMMANDS


def test_every_subcommand_and_option_has_help():
    _parser, action = subcommands()
    helps = {c.dest: c.help for c in action._choices_actions}
    for name, sub in action.choices.items():
        assert helps.get(name), f"subcommand {name} has no help"
        for opt in sub._actions:
            if not isinstance(opt, argparse._HelpAction):
                assert opt.help, f"{name} {opt.dest} has no help"
    for opt in global_options():
        assert opt.help, f"global option {opt.dest} has no help"


def test_help_exits_cleanly_for_every_subcommand(capsys):
    _parser, action = subcommands()
    for name in action.choices:
        with pytest.raises(SystemExit) as e:
            cli.main([name, "--help"])
        assert e.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: inspector {name}")
        for opt in global_options():
            assert opt.option_strings[0] in out  # …and lists the global options


def test_top_level_help(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS) and "--db" in out


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("option", global_options(), ids=lambda a: a.option_strings[0])
def test_global_option_before_or_after_the_command(command, option):
    parser, action = subcommands()
    positionals = minimal_argv(action.choices[command])
    flag = option.option_strings[0]
    given = [] if option.nargs == 0 else ["x.sqlite"]
    expected = parser.parse_args([flag, *given, command, *positionals])
    after = parser.parse_args([command, *positionals, flag, *given])
    assert getattr(expected, option.dest) == getattr(after, option.dest) != option.default
    # not given anywhere: the top-level default, present on every command
    assert getattr(parser.parse_args([command, *positionals]), option.dest) == option.default
    # given both before and after: the later one wins, as argparse does for any repeated option
    if option.nargs != 0:
        both = parser.parse_args([flag, "before.sqlite", command, *positionals, flag, "after.sqlite"])
        assert getattr(both, option.dest) == "after.sqlite"


def test_subcommands_do_not_overwrite_a_global_option_with_their_default():
    _parser, action = subcommands()
    for name, sub in action.choices.items():
        for opt in global_options():
            assert sub._option_string_actions[opt.option_strings[0]].default is argparse.SUPPRESS, name


def test_entry_point_and_python_m(tmp_path):
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, attr = scripts["inspector"].split(":")
    assert getattr(import_module(module), attr) is cli.main
    import subprocess

    from inspector_app.storage import open_db

    open_db(tmp_path / "t.sqlite", create=True).close()  # a missing database is not created by `info`
    run = subprocess.run([sys.executable, "-m", "inspector_app.cli", "--db", str(tmp_path / "t.sqlite"), "info"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "enterprises: 0" in run.stdout
