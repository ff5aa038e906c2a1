"""Sync tests: the county side of a test is a ``Relay`` over an Engine; ``engine_factory`` makes
fresh ones, on SQLite and on the session's throwaway PostgreSQL (tests/fixtures/postgres.py),
so the merge properties run on both engines."""

import pytest

from tests.fixtures.postgres import pg_url, postgres_server  # noqa: F401  (fixtures)

ENGINES = ["sqlite", "postgresql"]


def _sqlite_engine(path):
    from inspector_app.county.schema import create_schema
    from inspector_app.sync.engine import open_engine

    e = open_engine(path, create=True)
    create_schema(e)
    return e


@pytest.fixture(params=ENGINES)
def engine_factory(request, tmp_path):
    """A callable returning a fresh, empty county-shaped Engine each time (closed afterwards)."""
    made = []
    if request.param == "sqlite":
        def make():
            e = _sqlite_engine(tmp_path / f"county{len(made)}.sqlite")
            made.append((e, None))
            return e
    else:
        server = request.getfixturevalue("postgres_server")

        def make():
            from inspector_app.county.schema import create_schema
            from inspector_app.sync.engine import open_engine

            url = server.fresh_database()
            e = open_engine(url)
            create_schema(e)
            made.append((e, url))
            return e
    yield make
    for e, url in made:
        e.close()
        if url:
            request.getfixturevalue("postgres_server").drop_database(url)


@pytest.fixture
def engine(engine_factory):
    return engine_factory()


@pytest.fixture
def sqlite_engine(tmp_path):
    e = _sqlite_engine(tmp_path / "county.sqlite")
    yield e
    e.close()
