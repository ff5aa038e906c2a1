"""A township in sync: laptop A (the demo township, device A1, a file database so the screen's
background work opens its own connection), the county's store (SQLite) with its key file, and
helpers to make the county's return bundles and a second laptop B set up from one of them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from inspector_app.core import settings as S
from inspector_app.storage import enterprises, open_db
from inspector_app.storage import settings as settings_store
from inspector_app.sync import keys, laptop


@dataclass
class World:
    a: object            # laptop A's store (the screen's)
    county: object       # the county store
    county_key: Path     # the county's key file (what `county key --out` writes)
    usb: Path            # the USB stick's folder
    tmp: Path

    @property
    def township(self) -> str:
        return settings_store.get(self.a, S.TOWNSHIP)

    def enrol(self, store, name: str) -> None:
        self.county.enrol(keys.write_key_file(self.tmp / f"{name}-key.json", laptop.key_info(store)))

    def county_merges(self, *paths) -> None:
        from inspector_app.county.merging import merge_file

        for p in paths:
            merge_file(self.county, p)

    def county_returns(self, name: str) -> Path:
        from inspector_app.county.returns import write_return

        return write_return(self.county, self.township, self.usb / name).path

    def laptop_b(self, bundle: Path):
        """A second laptop of the township, set up from the county's bundle and enrolled."""
        b = open_db(self.tmp / "b.sqlite", create=True)
        laptop.setup_store(b, bundle, self.county_key, device="B2")
        self.enrol(b, "b")
        return b


def edit(store, enterprise_id: str, **values) -> None:
    e = enterprises.get(store, enterprise_id)
    enterprises.save(store, replace(e, **values))
