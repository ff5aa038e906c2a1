"""Registry and findings search find a polyphone name by every reading (issue 10); the likeliest
reading ranks first; an old database gets its keys rebuilt by the migration."""

import pytest
from sqlite_utils import Database

from inspector_app.core import uscc
from inspector_app.core.enterprise import Enterprise
from inspector_app.storage import enterprises as repo
from inspector_app.storage import township


@pytest.fixture
def names(store):
    v = township.save_village(store, township.Village(name="长泾村"))
    made = {}
    for i, n in enumerate(("江阴长富五金有限公司", "江阴市长泾镇兴达机械厂", "重庆路汽车修理部", "江阴行知塑业有限公司",
              "江阴乐器厂", "江阴市中富五金厂", "江阴华宏化工有限公司")):
        code = uscc.make("91", "320281", body8=f"{i + 1:08d}")
        made[n] = repo.save(store, Enterprise(name=n, uscc=code, village_id=v.id)).id
    return made


def ids(store, text):
    return repo.search_ids(store, repo.SearchQuery(text=text))


@pytest.mark.parametrize("text, name", [
    ("cfwj", "江阴长富五金有限公司"), ("zfwj", "江阴长富五金有限公司"),
    ("changfu", "江阴长富五金有限公司"), ("zhangfu", "江阴长富五金有限公司"),
    ("cj", "江阴市长泾镇兴达机械厂"), ("cql", "重庆路汽车修理部"), ("zql", "重庆路汽车修理部"),
    ("xzsy", "江阴行知塑业有限公司"), ("hzsy", "江阴行知塑业有限公司"),
    ("yqc", "江阴乐器厂"), ("lqc", "江阴乐器厂"),
])
def test_every_reading_finds_the_name(store, names, text, name):
    assert names[name] in ids(store, text)


def test_first_page_finds_alternate_readings_and_single_letters(store, names):
    rowid = store.conn.execute("SELECT rowid FROM enterprise WHERE id = ?",
                               [names["重庆路汽车修理部"]]).fetchone()[0]
    for text in ("zql", "z", "c"):
        rows, _n = repo.first_page(store, repo.SearchQuery(text=text), limit=64)
        assert rowid in rows, text


def test_likeliest_reading_ranks_first(store, names):
    # "zfwj": 中富 reads zfwj in its only reading, 长富 only in its unlikely one → 中富 first
    assert ids(store, "zfwj") == [names["江阴市中富五金厂"], names["江阴长富五金有限公司"]]
    # "cfwj": 长富 in its likeliest reading; 中富 has no c reading at all
    assert ids(store, "cfwj") == [names["江阴长富五金有限公司"]]
    rows, _n = repo.first_page(store, repo.SearchQuery(text="zfwj"), limit=64)
    rowid = dict(store.conn.execute("SELECT id, rowid FROM enterprise").fetchall())
    assert rows == [rowid[names["江阴市中富五金厂"]], rowid[names["江阴长富五金有限公司"]]]


def test_migration_rebuilds_old_keys(tmp_path):
    from inspector_app.storage.migrations import migrations

    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.apply(db, stop_before="m005_officer_week")
    db.execute("INSERT INTO enterprise (id, name, py_initials, py_full, search_key) "
               "VALUES ('e1', '长富五金厂', 'zfwjc', 'zhangfuwujinchang', '长富五金厂\x1fzhangfuwujinchang\x1f\x1f')")
    db.conn.commit()
    migrations.apply(db)
    row = db.execute("SELECT py_initials, py_full, py_alt, search_key FROM enterprise").fetchone()
    assert row[0] == "cfwjc" and row[1] == "changfuwujinchang"
    assert "\x1fzfwjc" in row[2] and "zhangfuwujinchang" in row[3]
    db.close()
