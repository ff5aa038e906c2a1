"""Checklists and what an inspection checks: forms, obligations."""

from __future__ import annotations

from .common import store


def cmd_forms(args) -> int:
    from pathlib import Path

    from ..core import forms
    from ..paths import forms_dir

    directory = Path(args.dir) if args.dir else forms_dir()
    loaded = forms.load_forms(directory)  # a malformed file raises FormError (a ValueError): exit 2
    for form in loaded.values():
        items = list(form.items())
        major = sum(1 for i in items if i.is_major)
        unverified = sum(1 for i in items if i.unverified)
        print(f"{form.id:28} v{form.version}  {len(items):3} items ({major} major, {unverified} unverified)  {form.title}")
        if args.verbose:
            print(f"{'':30}applies: {forms.describe_condition(form.applies)}")
    print(f"{len(loaded)} checklists in {directory}: all valid")
    return 0


def cmd_obligations(args) -> int:
    from ..core import obligations
    from ..storage import enterprises as repo

    s = store(args)
    ids = repo.search_ids(s, repo.SearchQuery(text=" ".join(args.enterprise)))
    if not ids:
        print("未找到企业。")
        return 1
    ent = repo.get(s, ids[0])
    print(f"{ent.name}（{ent.uscc or ent.legacy_reg_no or '无代码'}）")
    marks = {True: "✓", False: "✗", None: "?"}
    for ob in obligations.derive_obligations(ent):
        print(f" {marks[ob.satisfied]} {ob.title}：{ob.detail}\n     依据：{ob.clause}")
    return 0


def register(sub) -> None:
    f = sub.add_parser("forms", help="load and validate the checklists in forms/ (or DIR)")
    f.add_argument("dir", nargs="?", help="a forms directory (default: the shipped forms/)")
    f.add_argument("-v", "--verbose", action="store_true", help="also print when each checklist applies")
    f.set_defaults(func=cmd_forms)

    o = sub.add_parser("obligations", help="what the law requires of an enterprise, with the clause behind it")
    o.add_argument("enterprise", nargs="+", help="name, pinyin initials or credit code")
    o.set_defaults(func=cmd_obligations)
