from tests.storage.hostile.mounts import remount_ro, tiny_fs  # noqa: F401 — fixtures
