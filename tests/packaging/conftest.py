"""Fixtures for the packaging tests: a small demo township *with* its history (documents to
preview), and the expected module titles read from a real main window."""

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "frozen: builds the PyInstaller bundle and runs its smoke (~1.5 min)")


@pytest.fixture(scope="session")
def demo_history_db(tmp_path_factory):
    """A 40-enterprise demo township with inspections, findings and issued documents."""
    from inspector_app.demo import create_demo_database

    return create_demo_database(tmp_path_factory.mktemp("demo-history") / "demo.sqlite", enterprises=40,
                                history=True)
