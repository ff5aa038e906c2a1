"""Access to the encrypted data: unlock at start, the idle lock, the password (docs/encryption.md)."""
