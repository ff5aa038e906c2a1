"""The command line: every subcommand documented, and the commands work on a real file."""

import argparse

import pytest

from inspector_app import cli


def subcommands():
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return parser, action


def test_every_subcommand_and_option_has_help():
    _parser, action = subcommands()
    helps = {c.dest: c.help for c in action._choices_actions}
    assert {"demo", "import", "export", "search", "info", "forms", "obligations"} <= set(helps)
    for name, sub in action.choices.items():
        assert helps.get(name), f"subcommand {name} has no help"
        for opt in sub._actions:
            if not isinstance(opt, argparse._HelpAction):
                assert opt.help, f"{name} {opt.dest} has no help"


def test_help_exits_cleanly_for_every_subcommand(capsys):
    _parser, action = subcommands()
    for name in action.choices:
        with pytest.raises(SystemExit) as e:
            cli.main([name, "--help"])
        assert e.value.code == 0


@pytest.mark.calendar  # asks clock.today(): rerun under pinned dates
def test_demo_info_search_export_on_a_file(tmp_path, capsys):
    db = str(tmp_path / "t.sqlite")
    assert cli.main(["--db", db, "demo", "--enterprises", "40"]) == 0
    assert cli.main(["--db", db, "info"]) == 0
    assert "enterprises: 40" in capsys.readouterr().out
    assert cli.main(["--db", db, "search", "jy"]) == 0
    assert "found" in capsys.readouterr().out
    out = tmp_path / "ledger.xlsx"
    assert cli.main(["--db", db, "export", str(out)]) == 0
    assert out.stat().st_size > 0
    # refusing to overwrite a database with records: a clear error, exit 2, data intact
    assert cli.main(["--db", db, "demo"]) == 2
    assert "错误" in capsys.readouterr().err
    assert cli.main(["--db", db, "info"]) == 0


def test_forms_command_reports_a_malformed_file(tmp_path, capsys):
    (tmp_path / "bad.toml").write_text('id = "bad"\nversion = 1\n', encoding="utf-8")
    assert cli.main(["forms", str(tmp_path)]) == 2
    assert "bad.toml" in capsys.readouterr().out
    assert cli.main(["forms"]) == 0
