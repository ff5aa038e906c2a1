"""Identifiers and the hybrid logical clock used for sync.

Every record that leaves the laptop carries a UUIDv7 id (time-ordered, so inserts stay
index-friendly) and an HLC value: ``physical_ms << 16 | counter``. The HLC survives wrong
laptop clocks: it never goes backwards and it advances past any clock seen in an import.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_COUNTER_BITS = 16
_COUNTER_MASK = (1 << _COUNTER_BITS) - 1


def uuid7(ms: int | None = None) -> str:
    """Return a UUIDv7 string (RFC 9562): 48-bit unix ms, version, 74 random bits."""
    if ms is None:
        ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    rand_a = rand >> 62 & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


class HybridClock:
    """A hybrid logical clock. ``now()`` is strictly increasing; ``observe()`` merges."""

    def __init__(self, last: int = 0, *, wall=lambda: time.time_ns() // 1_000_000):
        self._last = last
        self._wall = wall
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def now(self) -> int:
        with self._lock:
            candidate = self._wall() << _COUNTER_BITS
            self._last = candidate if candidate > self._last else self._last + 1
            return self._last

    def observe(self, remote: int) -> None:
        with self._lock:
            if remote > self._last:
                self._last = remote

    @staticmethod
    def physical_ms(hlc: int) -> int:
        return hlc >> _COUNTER_BITS
