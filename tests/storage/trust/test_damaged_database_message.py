"""A damaged database's message gives the real way out, never a backup that does not exist."""

import pytest

from inspector_app.storage import open_db
from inspector_app.storage.errors import StorageError


def test_a_damaged_database_without_backups_says_none_was_found(tmp_path):
    path = tmp_path / "data" / "inspector.sqlite"
    open_db(path, create=True).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's b-tree header and schema: unreadable
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError) as e:
        open_db(path)
    assert "没有找到本软件的备份文件" in str(e.value)
    assert "请从备份恢复" not in str(e.value)
