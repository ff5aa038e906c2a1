"""Schema identity, importable without sqlite-utils (the start-up path checks it)."""

APPLICATION_ID = 0x4A594146  # "JYAF": Jiangyin 安防, in the SQLite header
MIGRATION_SET = "inspector"
# The name of the last migration in migrations.py; a test keeps the two in step.
LATEST_MIGRATION = "m007_sync"
