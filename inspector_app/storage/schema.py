"""Schema identity, importable without sqlite-utils (the start-up path checks it)."""

APPLICATION_ID = 0x4A594146  # "JYAF": Jiangyin 安防, in the SQLite header
MIGRATION_SET = "inspector"
# Every migration in migrations.py, in order (a test keeps the two in step): a database is current
# only when all of them ran, so a migration merged before a later-numbered one is never skipped.
MIGRATION_NAMES = ("m001_initial", "m002_trust", "m003_ledgers", "m004_photo_details_and_scope", "m005_officer_week",
                   "m006_legal_staffing_service_escalation", "m007_sync", "m009_legal",
                   "m010_shadow_keep")
LATEST_MIGRATION = MIGRATION_NAMES[-1]
