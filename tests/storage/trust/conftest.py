"""Fixtures: a file database with every kind of legal record (see trust_fixtures), built once
per session and copied for each test."""

import shutil

import pytest

from inspector_app.storage import open_db

from trust_fixtures import FORM, finalised_inspection, make_store


@pytest.fixture(scope="session")
def _legal_template(tmp_path_factory):
    base = tmp_path_factory.mktemp("legal")
    forms = base / "forms"
    forms.mkdir()
    (forms / "trust_form.toml").write_text(FORM, encoding="utf-8")
    s = make_store(base / "data" / "inspector.sqlite")
    ids = finalised_inspection(s, forms)
    s.close()  # checkpointed: the file alone is complete
    return base, ids


@pytest.fixture
def forms_dir(_legal_template):
    return _legal_template[0] / "forms"


@pytest.fixture
def legal(_legal_template, tmp_path):
    """(store, ids) with a finalised inspection, its issued record and its finding."""
    base, ids = _legal_template
    shutil.copytree(base / "data", tmp_path / "data")
    s = open_db(tmp_path / "data" / "inspector.sqlite")
    yield s, ids
    s.close()
