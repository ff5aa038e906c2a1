"""A demo township with a year of ledgers, seen on 20 January 2027: 2026Q4 has ended and is
still open (its reports were due on the 15th), the quarters before it are closed."""

import shutil
from datetime import date

import pytest

from inspector_app.core import clock

TODAY = date(2027, 1, 20)


@pytest.fixture(scope="session")
def ledger_template(tmp_path_factory):
    from inspector_app.demo import create_demo_database

    with clock.pinned(TODAY):
        return create_demo_database(tmp_path_factory.mktemp("ledgers") / "ledgers120.sqlite", enterprises=120,
                                    history=True, ledgers=True, today=TODAY)


@pytest.fixture
def town(ledger_template, tmp_path):
    from inspector_app.storage import open_db

    path = tmp_path / "town.sqlite"
    shutil.copy(ledger_template, path)
    with clock.pinned(TODAY):
        s = open_db(path)
        yield s
        s.close()
