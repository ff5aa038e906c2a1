"""Pinyin keys for search and sorting. pypinyin is imported lazily: it is slow to load and is
only needed when an enterprise is saved, never on the start-up or search path.

Polyphones (长 chang/zhang, 重 zhong/chong, 行 xing/hang, 乐 le/yue …): the likeliest reading
of the whole name is the *primary* key (sort order, first in relevance); every other reading of
every character is indexed as an *alternate*, so an officer who types the reading he has in
mind finds the firm either way.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import NamedTuple

# Legal-form suffixes carry no meaning for search, and their initials ("yxgs") would let a
# subsequence query like "jyhg" match nearly every company. They are left out of the initials.
_FORM_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "分公司", "公司")

# Local names whose reading pypinyin's phrase segmentation gets wrong: "江阴市长泾镇" would be
# cut as 市长 (shìzhǎng) + 泾. Matched first, longest first, before pypinyin sees the rest.
LOCAL_PHRASES = {
    "长泾": ("chang", "jing"),
    "长山": ("chang", "shan"),
    "长寿": ("chang", "shou"),
    "长江": ("chang", "jiang"),
    "长乐": ("chang", "le"),
    "重庆": ("chong", "qing"),
}

# A character standing alone (no phrase around it) whose pypinyin default is the less likely
# reading in company and place names: 长 in 长富/长兴/长城 is cháng far more often than zhǎng.
_PREFERRED_SINGLE = {"长": "chang"}
# Words pypinyin's segmentation finds across a place name and a firm's name ("江阴市长富…",
# "青阳镇长兴…"): a company is not named after a mayor, so these are read character by character.
_SPLIT_WORDS = frozenset({"市长", "镇长", "县长", "区长", "村长", "乡长"})

# The polyphones that occur in company, road and place names, with the readings they really
# have there. pypinyin's own heteronym lists also carry archaic readings (厂 hàn, 市 fú, 精 qīng)
# that would only add false hits, so "every reading" means every reading listed here.
POLYPHONES: dict[str, tuple[str, ...]] = {
    "长": ("chang", "zhang"), "重": ("zhong", "chong"), "行": ("xing", "hang"),
    "乐": ("le", "yue"), "朝": ("chao", "zhao"), "藏": ("cang", "zang"), "调": ("tiao", "diao"),
    "传": ("chuan", "zhuan"), "降": ("jiang", "xiang"), "省": ("sheng", "xing"),
    "曾": ("zeng", "ceng"), "单": ("dan", "shan", "chan"), "查": ("cha", "zha"),
    "解": ("jie", "xie"), "区": ("qu", "ou"), "盛": ("sheng", "cheng"), "石": ("shi", "dan"),
    "和": ("he", "huo"), "都": ("du", "dou"), "会": ("hui", "kuai"), "角": ("jiao", "jue"),
    "强": ("qiang", "jiang"), "厦": ("xia", "sha"), "校": ("xiao", "jiao"), "系": ("xi", "ji"),
    "相": ("xiang",), "柏": ("bai", "bo"), "堡": ("bao", "bu", "pu"), "车": ("che", "ju"),
    "大": ("da", "dai"), "广": ("guang",), "合": ("he", "ge"), "家": ("jia", "jie"),
    "将": ("jiang", "qiang"), "景": ("jing", "ying"), "露": ("lu", "lou"), "绿": ("lv", "lu"),
    "朴": ("pu", "piao"), "奇": ("qi", "ji"), "色": ("se", "shai"), "万": ("wan", "mo"),
    "叶": ("ye", "xie"), "员": ("yuan", "yun"), "澄": ("cheng", "deng"), "圩": ("wei", "xu"),
    "巷": ("xiang", "hang"), "陆": ("lu", "liu"), "六": ("liu", "lu"), "莘": ("shen", "xin"),
    "番": ("fan", "pan"), "术": ("shu", "zhu"), "盖": ("gai", "ge"), "缪": ("miao", "mou"),
    "覃": ("tan", "qin"), "召": ("zhao", "shao"), "翟": ("zhai", "di"), "种": ("zhong", "chong"),
    "参": ("can", "shen"), "乘": ("cheng", "sheng"), "劲": ("jin", "jing"), "粘": ("nian", "zhan"),
    "幢": ("zhuang", "chuang"), "殷": ("yin", "yan"), "轧": ("zha", "ya", "ga"),
    "杉": ("shan", "sha"), "汤": ("tang", "shang"), "沈": ("shen",), "宿": ("su", "xiu"),
    "提": ("ti", "di"), "泊": ("bo", "po"), "塞": ("sai", "se"), "落": ("luo", "lao"),
    "模": ("mo", "mu"), "卡": ("ka", "qia"), "期": ("qi", "ji"), "亲": ("qin", "qing"),
    "兴": ("xing",), "薄": ("bo", "bao"), "差": ("cha", "chai"), "还": ("hai", "huan"),
    "率": ("lv", "shuai"), "属": ("shu", "zhu"), "弹": ("tan", "dan"), "择": ("ze", "zhai"),
    "综": ("zong", "zeng"), "殖": ("zhi", "shi"), "处": ("chu",), "地": ("di", "de"),
}

# Caps on the alternates indexed per name: a name full of polyphones would otherwise multiply.
MAX_ALT_INITIALS = 16
MAX_ALT_FULL = 8


class Keys(NamedTuple):
    initials: str            # primary reading, initials of the name without its legal form
    full: str                # primary reading, whole name: the sort key
    alt_initials: tuple[str, ...] = ()  # the other readings' initials (distinct, not primary)
    alt_full: tuple[str, ...] = ()      # the other readings in full


@lru_cache(maxsize=1)
def _lazy():
    from pypinyin import lazy_pinyin
    from pypinyin.seg.mmseg import seg

    return lazy_pinyin, seg


def _primary(text: str) -> list[str]:
    """One reading per character of ``text`` (non-Chinese characters are kept as they are)."""
    lazy_pinyin, seg = _lazy()
    out: list[str] = []
    i, n = 0, len(text)
    start = 0
    phrases = sorted(LOCAL_PHRASES, key=len, reverse=True)

    def plain(chunk: str) -> None:
        for word in seg.cut(chunk):
            if word in _SPLIT_WORDS:
                for ch in word:
                    out.append(_PREFERRED_SINGLE.get(ch) or lazy_pinyin(ch)[0].lower())
                continue
            readings = lazy_pinyin(word, errors=lambda s: list(s))
            if len(word) == 1 and word in _PREFERRED_SINGLE:
                readings = [_PREFERRED_SINGLE[word]]
            out.extend(r.lower() for r in readings)

    while i < n:
        hit = next((p for p in phrases if text.startswith(p, i)), None)
        if hit:
            plain(text[start:i])
            out.extend(LOCAL_PHRASES[hit])
            i += len(hit)
            start = i
        else:
            i += 1
    plain(text[start:])
    return out


def _stem_len(text: str) -> int:
    for suffix in _FORM_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return len(text) - len(suffix)
    return len(text)


def _variants(options: list[tuple[str, ...]], cap: int) -> list[tuple[str, ...]]:
    """Combinations of per-position options (index 0 = primary), fewest deviations first,
    without the all-primary one, at most ``cap``."""
    multi = [i for i, o in enumerate(options) if len(o) > 1]
    out: list[tuple[str, ...]] = []
    seen = {tuple(o[0] for o in options)}
    for changed in range(1, len(multi) + 1):
        for positions in itertools.combinations(multi, changed):
            for picks in itertools.product(*(options[p][1:] for p in positions)):
                v = [o[0] for o in options]
                for p, pick in zip(positions, picks):
                    v[p] = pick
                t = tuple(v)
                if t not in seen:
                    seen.add(t)
                    out.append(t)
                    if len(out) >= cap:
                        return out
    return out


def _initial(reading: str) -> str:
    return reading[0] if reading and reading[0].isalnum() else ""


def all_keys(text: str) -> Keys:
    """The primary keys and the alternates of ``text`` (see the module docstring)."""
    primary = _primary(text)
    if len(primary) != len(text):  # defensive: keep positions aligned with characters
        primary = (primary + list(text))[: len(text)]
    per_char: list[tuple[str, ...]] = []
    for ch, first in zip(text, primary):
        others = POLYPHONES.get(ch, ())
        per_char.append(tuple(dict.fromkeys((first, *others))))
    stem = _stem_len(text)
    initials = "".join(_initial(p) for p in primary[:stem]).lower()
    full = "".join(primary).lower()
    init_opts = [tuple(dict.fromkeys(_initial(r) for r in rs)) for rs in per_char[:stem]]
    alt_initials = tuple("".join(v).lower() for v in _variants(init_opts, MAX_ALT_INITIALS))
    alt_full = tuple("".join(v).lower() for v in _variants(per_char, MAX_ALT_FULL))
    return Keys(initials, full, alt_initials, alt_full)


def keys(text: str) -> tuple[str, str]:
    """Return ``(initials, full)`` of the primary reading in lower case; non-Chinese characters
    are kept as is.

    ``initials`` covers the name without its legal-form suffix; ``full`` covers the whole name
    (it is also the sort key that puts names in the order officers expect).
    """
    k = all_keys(text)
    return k.initials, k.full
