"""Sync with the county through signed bundles (issue 14; docs/bundle-format.md).

``tables`` declares what travels, ``bundle`` is the signed container, ``keys`` the Ed25519 keys,
``merge`` the engine-neutral merge (laptop and county), ``laptop`` the laptop's export, import,
setup and the state the 同步 screen shows. No Qt here.
"""
