"""County tests run on both engines: ``county_target`` is a SQLite file path or the URL of a
fresh database on the session's throwaway PostgreSQL server (tests/fixtures/postgres.py)."""

import pytest

from tests.fixtures.postgres import pg_url, postgres_server  # noqa: F401  (fixtures)

ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(params=ENGINES)
def county_engine(request):
    """The engine name of this run ("sqlite" | "postgresql")."""
    return request.param


@pytest.fixture
def county_target(county_engine, tmp_path, request):
    if county_engine == "sqlite":
        return str(tmp_path / "county" / "county.sqlite")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def county(county_target, tmp_path):
    from inspector_app.county.store import init_store

    cs, created = init_store(county_target, name="江阴市应急管理局", photos_dir=tmp_path / "county-photos")
    assert created
    yield cs
    cs.close()
