"""The county side of sync (issue 14; docs/county.md): no Qt, SQLite or PostgreSQL.

``schema`` creates the county store from the laptop's declaration of synced tables
(``sync.tables``) with portable types; ``store`` opens it and holds the county key and the
enrolled laptops; ``merging`` merges laptop bundles (all or nothing per bundle); ``returns``
writes each township's return bundle; ``report`` says what came from whom and who is silent.
"""
