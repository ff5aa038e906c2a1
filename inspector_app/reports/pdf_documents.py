"""Print the enforcement documents as A4 PDFs.

The layout follows the 2016 official forms (``/work/shared/domain/wording``) brought to today's
law: 应急 numbers, the issuing authority from the frozen content (never "安全生产监督管理局"), and
the post-2024 rights notice naming only the same-level people's government. Signature cells stay
blank for handwriting (执法文书填写要求: 签名应当手写); officer names appear only next to 证号.

Everything printed comes from the stored content dict, so a reprint reproduces the issued text.
"""

from __future__ import annotations

import io
import os
from collections import OrderedDict
from typing import Iterable, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, PageBreakIfNotEmpty, Spacer, Table, TableStyle

from ..core import documents as d
from ..storage.db import Store
from ..storage.documents import frozen_document
from .pdf_base import (
    BODY_SIZE, FRAME_H, FRAME_W, NBSP, SMALL_SIZE, NoteSlot, Paragraph, RunningTitle, Section, Styles, blank,
    build, compose, esc,
    field_row, grid_table, seal_block, signature_rows, styles, title_block, u,
)

BANNER = "安全生产行政执法文书"
PHOTO_MAX_PX = 1600          # photos are downscaled so a batch PDF stays printable
PHOTO_MAX_BYTES = 1_500_000


def render(kind: str, content: dict, *, doc_no: str, photos_root: str | os.PathLike | None = None) -> bytes:
    """One document as PDF bytes. ``content`` is the stored ``to_dict()`` of its content;
    ``photos_root`` is the folder its relative photo paths resolve against."""
    doc = d.content_from_dict(kind, content)
    return build([_story(_frozen_photos(doc, doc_no, photos_root), doc_no)],
                 title=f"{doc.title} {doc_no}", author=doc.authority.name)


def render_document(store: Store, document_id: str) -> bytes:
    """One issued document as PDF bytes, reprinted from its frozen content (never from the
    current settings), with the number it was issued under."""
    from .. import paths

    kind, content, doc_no = frozen_document(store, document_id)
    return render(kind, content, doc_no=doc_no, photos_root=paths.photos_dir(store.path))


def render_many(batch: Iterable[tuple[str, dict, str]], *, photos_root: str | os.PathLike | None = None) -> bytes:
    """Several documents in one PDF (a day's printing); each starts on a new page and has its
    own ``共 N 页 第 M 页``."""
    stories = []
    for kind, content, doc_no in batch:
        doc = d.content_from_dict(kind, content)
        stories.append(_story(_frozen_photos(doc, doc_no, photos_root), doc_no))
    if not stories:
        raise ValueError("没有需要打印的文书。")
    return build(stories, title="执法文书")


# --- shared wording ------------------------------------------------------------------------

def _ymd(day) -> str:
    return f"{u(str(day.year))}年{u(str(day.month))}月{u(str(day.day))}日"


def _rights(doc: d.DocumentContent, word: str) -> str:
    a = doc.authority
    return (f"如果不服本{word}，可以依法在60日内向{u(a.review_government)}申请行政复议，"
            f"或者在6个月内依法向{u(a.court)}提起行政诉讼，但本{word}不停止执行，法律另有规定的除外。")


def _copies(issuer: str, recipient: str, st: Styles, *, verb: str = "备案") -> Paragraph:
    return Paragraph(esc(f"本文书一式两份：一份由{issuer}{verb}，一份交{recipient}。"), st.small)


def _officer_rows(doc: d.DocumentContent, label: str) -> list[tuple[str, str]]:
    rows = []
    for i, o in enumerate(o for o in doc.officers if o.name.strip()):
        note = f"证号：{o.cert_no}（{o.name}）" if o.cert_no else f"（{o.name}）"
        rows.append((label if i == 0 else "", note))
    return rows


DATE_BLANK = f"{NBSP * 12}年{NBSP * 8}月{NBSP * 8}日"


def _numbered(st: Styles):
    def render(units: Sequence[str], start: int) -> list[Flowable]:
        return [Paragraph(f"{start + j + 1}. {esc(t)}", st.item) for j, t in enumerate(units)]
    return render


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]


def _text_section(text: str, heading: str, st: Styles, **kw) -> Section:
    return Section(
        units=_paragraphs(text),
        render=lambda units, start: [Paragraph(esc(t), st.body) for t in units],
        annex_heading=heading, unit_word="段", **kw,
    )


def _ranges(nums: Sequence[int]) -> str:
    """[1, 2, 3, 5] → 1—3、5."""
    out, run = [], [nums[0]]
    for n in nums[1:]:
        if n == run[-1] + 1:
            run.append(n)
        else:
            out.append(run)
            run = [n]
    out.append(run)
    return "、".join(f"{r[0]}—{r[-1]}" if len(r) > 2 else "、".join(map(str, r)) for r in out)


def _deadline_sentence(items: Sequence[d.OrderItem]) -> str:
    groups: OrderedDict = OrderedDict()
    for n, it in sorted(enumerate(items, 1), key=lambda p: (p[1].deadline, p[0])):
        groups.setdefault(it.deadline, []).append(n)
    ranges = [_ranges(nums) for nums in groups.values()]
    if len(groups) > 3 or any(len(r) > 16 for r in ranges):
        # Many different deadlines: the list above carries them (Nanjing 2019 wording).
        return f"第{u(_ranges(list(range(1, len(items) + 1))))}项问题分别于所列整改期限前"
    parts = [f"第{u(r)}项问题于{_ymd(day)}前" for r, day in zip(ranges, groups)]
    return "，".join(parts)


def _order_items(st: Styles, what: str = "存在的问题"):
    widths = [12 * mm, FRAME_W - 12 * mm - 36 * mm, 36 * mm]

    def render(units: Sequence[d.OrderItem], start: int) -> list[Flowable]:
        rows = []
        for j, it in enumerate(units):
            text = it.description + (f"（依据：{it.legal_basis}）" if it.legal_basis else "")
            rows.append((str(start + j + 1), text, f"{d.cn_date(it.deadline)}前"))
        return [grid_table(("序号", what, "整改期限"), rows, widths, st)]
    return render


def _annex_parts(doc, banner: str, doc_no: str, st: Styles, sign_rows) -> tuple[list, list]:
    header = title_block(banner, f"{doc.title}（附页）", doc_no, st)
    footer = [Spacer(1, 8), *signature_rows(sign_rows(), st)]
    return header, footer


# --- the documents -------------------------------------------------------------------------

def _rectification_order(doc: d.RectificationOrder, doc_no: str, st: Styles) -> list[Flowable]:
    a = doc.authority

    def signs():
        return [*_officer_rows(doc, "执法人员（签名）："), ("被检查单位负责人（签名）：", DATE_BLANK)]

    story = [
        *title_block(BANNER, doc.title, doc_no, st),
        Paragraph(u(doc.party.name) + "：", st.plain),
        Paragraph("经查，你单位存在下列问题：", st.body),
        Section(doc.items, _order_items(st), "（续）经查，你单位存在下列问题："),
        Paragraph(f"现责令你单位对上述{_deadline_sentence(doc.items)}整改完毕，达到有关法律法规规章和"
                  "标准规定的要求。由此造成事故的，依法追究有关人员的责任。", st.body),
        Paragraph("整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。", st.body),
        Paragraph(_rights(doc, "指令"), st.body),
        *signature_rows(signs(), st),
        *seal_block(a.name, d.cn_date(doc.issued_on), st),
        _copies(a.name, "被检查单位", st),
    ]
    header, footer = _annex_parts(doc, BANNER, doc_no, st, signs)
    return compose(story, annex_header=header, annex_footer=footer, st=st)


def _onsite_measures(doc: d.OnsiteMeasures, doc_no: str, st: Styles) -> list[Flowable]:
    a = doc.authority

    def signs():
        return [*_officer_rows(doc, "执法人员（签名）："), ("被检查单位负责人（签名）：", DATE_BLANK)]

    dangers = [x for x in doc.dangers if x.strip()]
    decisions = [x for x in doc.decisions if x.strip()]
    story = [
        *title_block(BANNER, doc.title, doc_no, st),
        Paragraph(u(doc.party.name) + "：", st.plain),
        Paragraph(f"本机关于{_ymd(doc.inspected_on)}现场检查时，发现你单位有下列违法违规行为和事故隐患：",
                  st.body),
        Section(dangers, _numbered(st), "（续）发现你单位有下列违法违规行为和事故隐患：", label="违法违规行为和事故隐患"),
        Paragraph(f"以上存在的问题无法保证安全生产，依据{u(doc.legal_basis)}的规定，现作出如下现场处理决定：",
                  st.body),
        Section(decisions, _numbered(st), "（续）现作出如下现场处理决定：", label="现场处理决定"),
        *([Paragraph(f"暂时停产停业或者停止使用的范围：{u(doc.suspension_scope)}。", st.body),
           Paragraph(esc(d.SUSPENSION_SENTENCE), st.body)] if doc.suspends else []),
        Paragraph(_rights(doc, "决定"), st.body),
        *signature_rows(signs(), st),
        *seal_block(a.name, d.cn_date(doc.issued_on), st),
        _copies(a.name, "被检查单位", st),
    ]
    header, footer = _annex_parts(doc, BANNER, doc_no, st, signs)
    return compose(story, annex_header=header, annex_footer=footer, st=st)


def _reinspection_opinion(doc: d.ReinspectionOpinion, doc_no: str, st: Styles) -> list[Flowable]:
    a = doc.authority

    def signs():
        return [("被复查单位负责人（签名）：", DATE_BLANK), *_officer_rows(doc, "执法人员（签名）：")]

    def render_items(units: Sequence[d.ReviewItem], start: int) -> list[Flowable]:
        return [Paragraph(f"{start + j + 1}. {esc(it.description)}　——　{esc(it.result)}", st.item)
                for j, it in enumerate(units)]

    story: list = [
        *title_block(BANNER, doc.title, doc_no, st),
        Paragraph(u(doc.party.name) + "：", st.plain),
        Paragraph(f"本机关于{_ymd(doc.original_date)}作出了{u(doc.original_decision)}的决定"
                  f"[{u(doc.original_doc_no)}]，经对你单位整改情况进行复查，提出如下意见：", st.body),
    ]
    if doc.items:
        story.append(Section(doc.items, render_items, "（续）复查情况：", label="复查情况"))
    if doc.opinion.strip():
        story.append(_text_section(doc.opinion, "（续）复查意见：", st, label="复查意见"))
    story.append(NoteSlot())
    if doc.orders:
        # A new deadline is a new order: it carries what an order carries, rights included.
        story += [
            Paragraph(f"现责令你单位对上述未整改到位的问题于{_ymd(doc.new_deadline)}前整改完毕，达到有关法律法规"
                      "规章和标准规定的要求。整改期间，你单位应当采取措施，确保安全生产。", st.body),
            Paragraph(_rights(doc, "决定"), st.body),
        ]
    story += [
        *signature_rows(signs(), st),
        *seal_block(a.name, d.cn_date(doc.issued_on), st),
        _copies(a.name, "被复查单位", st),
    ]
    header, footer = _annex_parts(doc, BANNER, doc_no, st, signs)
    return compose(story, annex_header=header, annex_footer=footer, st=st)


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")


def rmb_upper(amount: int) -> str:
    """Whole yuan in capital numerals: 3000 → 叁仟元整, 1050 → 壹仟零伍拾元整."""
    if amount == 0:
        return "零元整"
    if amount < 0 or amount >= 10**8:
        raise ValueError("金额超出范围。")

    def four(n: int) -> str:
        s, zero = "", False
        for pos in range(3, -1, -1):
            digit = n // 10**pos % 10
            if digit:
                if zero:
                    s += "零"
                s += _DIGITS[digit] + _UNITS[pos]
                zero = False
            elif s:
                zero = True
        return s

    wan, rest = divmod(amount, 10000)
    out = four(wan) + "万" if wan else ""
    if rest:
        if wan and rest < 1000:
            out += "零"
        out += four(rest)
    return out + "元整"


def _spot_penalty(doc: d.SpotPenalty, doc_no: str, st: Styles) -> list[Flowable]:
    a = doc.authority
    unit = doc.variant == "unit"
    recipient = "被处罚单位" if unit else "被处罚个人"
    signer = "被处罚单位负责人（签收）：" if unit else "被处罚人（签收）："

    def signs():
        return [*_officer_rows(doc, "执法人员（签名）："), (signer, DATE_BLANK)]

    if unit:
        p = doc.party
        head = [
            field_row([("被处罚单位", p.name, 1)], st),
            field_row([("统一社会信用代码", p.uscc, 2.2), ("邮政编码", p.postcode, 1)], st),
            field_row([("地址", p.address, 1)], st),
            field_row([("法定代表人（负责人）", p.legal_rep, 1.2), ("职务", p.title, 1),
                       ("联系电话", p.phone, 1.5)], st),
        ]
    else:
        p = doc.person
        head = [
            field_row([("被处罚人", p.name, 1.5), ("性别", p.gender, 0.6),
                       ("年龄", "" if p.age is None else str(p.age), 0.6)], st),
            field_row([("身份证号", p.id_no, 2), ("联系电话", p.phone, 1.4)], st),
            field_row([("家庭住址", p.home_address, 1)], st),
            field_row([("所在单位", p.employer, 2), ("职务", p.title, 1)], st),
            field_row([("单位地址", p.employer_address, 3), ("邮政编码", p.postcode, 1)], st),
        ]
    head.append(field_row([("处罚时间", d.cn_datetime(doc.decided_at), 1), ("处罚地点", doc.place, 1.4)], st))

    if doc.penalty == "警告":
        what = "警告"
    else:
        money = f"罚款人民币{doc.amount}元（{rmb_upper(doc.amount)}）"
        what = money if doc.penalty == "罚款" else f"警告，并处{money}"
    story: list = [
        *title_block(BANNER, doc.title, doc_no, st),
        *head,
        Paragraph("违法事实及证据：", st.plain),
        _text_section(doc.facts, "（续）违法事实及证据：", st),
        # 行政处罚法第二十八条第一款: the order to correct goes with every penalty.
        Paragraph(f"以上事实违反了{u(doc.violated)}的规定，依据{u(doc.basis)}的规定，"
                  f"当场决定给予{u(what)}的行政处罚，并责令{'你单位' if unit else '你'}{u(doc.correction)}"
                  "（行政处罚法第二十八条）。", st.body),
    ]
    if doc.penalty != "警告":
        if doc.payment == "当场缴纳":
            story.append(Paragraph("罚款由执法人员当场收缴，并出具财政部门统一制发的专用票据。", st.body))
        else:
            acct = a.account + (f"（户名：{a.account_name}）" if a.account_name else "")
            story.append(Paragraph(
                f"罚款自收到本决定书之日起15日内缴至{u(a.bank, min_chars=10)}，账号{u(acct, min_chars=12)}，"
                "到期不缴每日按罚款数额的3%加处罚款。", st.body))
    statement = esc(doc.statement) if doc.statement.strip() else blank(14)
    story += [
        Paragraph("已告知当事人处罚的事实、理由、依据和陈述、申辩权利。"
                  f"当事人陈述、申辩意见：{statement}", st.body),
        Paragraph(_rights(doc, "处罚决定").replace("本处罚决定不停止执行", "本决定不停止执行")
                  + "逾期不申请行政复议、不提起行政诉讼又不履行的，本机关将依法申请人民法院强制执行"
                  "或者依照有关规定强制执行。", st.body),
        *signature_rows([*signs(), ("当事人拒绝签收的情况：", "")], st),
        *seal_block(a.name, d.cn_date(doc.issued_on), st),
        _copies(a.name, recipient, st),
    ]
    header, footer = _annex_parts(doc, BANNER, doc_no, st, signs)
    return compose(story, annex_header=header, annex_footer=footer, st=st)


def _hazard_notice(doc: d.HazardNotice, doc_no: str, st: Styles) -> list[Flowable]:
    a = doc.authority
    issuer = a.township_issuer or a.township

    def signs():
        return [*_officer_rows(doc, "检查人员（签名）："), ("被检查单位负责人（签收）：", DATE_BLANK)]

    story = [
        *title_block(issuer, doc.title, doc_no, st),
        Paragraph(u(doc.party.name) + "：", st.plain),
        Paragraph(f"{esc(issuer)}安全生产检查人员于{_ymd(doc.inspected_on)}对你单位进行安全生产检查，"
                  "发现存在下列事故隐患：", st.body),
        Section(doc.items, _order_items(st, "事故隐患"), "（续）发现存在下列事故隐患："),
        Paragraph("请你单位依照《中华人民共和国安全生产法》的规定，落实事故隐患排查治理主体责任，对上述隐患"
                  f"按所列期限整改完毕，并将整改情况书面报告{u(doc.report_to or issuer)}。整改期间，应当采取"
                  "有效防范措施，确保安全生产。", st.body),
        Paragraph(f"逾期未整改或者整改不到位的，将报请{u(a.name)}依法处理。", st.body),
        *signature_rows(signs(), st),
        *seal_block(issuer, d.cn_date(doc.issued_on), st),
        _copies(issuer, "被检查单位", st, verb="存档"),
    ]
    header, footer = _annex_parts(doc, issuer, doc_no, st, signs)
    return compose(story, annex_header=header, annex_footer=footer, st=st)


def _inspection_record(doc: d.InspectionRecord, doc_no: str, st: Styles) -> list[Flowable]:
    a, p = doc.authority, doc.party
    s, e = doc.started_at, doc.ended_at

    def signs():
        rows = [*_officer_rows(doc, "检查人员（签名）："), ("被检查单位现场负责人（签名）：", DATE_BLANK)]
        if doc.witness:
            note = f"身份证号：{doc.witness.id_no}（{doc.witness.name}）" if doc.witness.id_no \
                else f"（{doc.witness.name}）"
            rows.append(("见证人（签名）：", note))
        return rows

    def t(value) -> str:  # ten fill-ins on one line: tight padding so the line never wraps
        return u(str(value), pad=1)

    time_line = (f"检查时间：{t(s.year)}年{t(s.month)}月{t(s.day)}日{t(s.hour)}时{t(f'{s.minute:02d}')}分至"
                 f"{t(e.month)}月{t(e.day)}日{t(e.hour)}时{t(f'{e.minute:02d}')}分")
    names = "、".join(o.name for o in doc.officers if o.name.strip())
    certs = "、".join(o.cert_no for o in doc.officers if o.name.strip())
    story: list = [
        *title_block(BANNER, doc.title, doc_no, st),
        field_row([("被检查单位", p.name, 1)], st),
        field_row([("地址", p.address, 1)], st),
        field_row([("法定代表人（负责人）", p.legal_rep, 1.1), ("职务", p.title, 1), ("联系电话", p.phone, 1.5)], st),
        field_row([("现场负责人", doc.onsite_person, 1.1), ("职务", doc.onsite_person_title, 1),
                   ("联系电话", doc.onsite_person_phone, 1.5)], st),
        field_row([("检查场所", doc.place, 1)], st),
        Paragraph(time_line, st.plain),
        Paragraph(f"我们是{u(a.identity)}行政执法人员{u(names)}，证件号码为{u(certs)}，这是我们的证件"
                  "（出示证件）。现依法对你单位进行现场检查，请予以配合。", st.body),
        Paragraph(f"事由和目的：{esc(doc.purpose)}", st.plain),
        *([Paragraph(f"检查范围：{esc(doc.scope)}", st.plain)] if doc.scope else []),
        Paragraph("检查情况：", st.plain),
    ]
    if doc.situation.strip():
        story.append(_text_section(doc.situation, "（续）检查情况：", st, label="检查情况"))
    if doc.failed_items:
        widths = [12 * mm, 52 * mm, FRAME_W - 64 * mm]

        def render_rows(units: Sequence[d.CheckItem], start: int) -> list[Flowable]:
            rows = [(str(start + j + 1), it.item, it.finding) for j, it in enumerate(units)]
            head = ("序号", "检查项", f"发现的问题（共{len(doc.failed_items)}项）")
            return [grid_table(head, rows, widths, st)]

        story.append(Section(doc.failed_items, render_rows, "（续）发现的问题：", unit_word="项",
                             label="发现的问题"))
    else:
        story.append(Paragraph("本次检查未发现安全生产违法违规行为和事故隐患。", st.body))
    # The form prints "（此栏不够，可另附页）" right after the last line of the 检查情况 column.
    closing = []
    if doc.passed_summary.strip():
        closing.append(f"符合项：{esc(doc.passed_summary)}")
    if doc.photos:
        closing.append(f"现场照片{len(doc.photos)}张，见附页。")
    story.append(NoteSlot(prefix="".join(closing), style="body"))
    story.extend(signature_rows(signs(), st))
    if doc.refused_to_sign:
        story.append(Paragraph("负责人拒绝签字，记录在案（安全生产法第六十八条）：" + esc(doc.refusal_note), st.body))
    story += [
        *seal_block(a.name, d.cn_date(doc.issued_on), st),
        _copies(a.name, "被检查单位", st),
    ]
    header, footer = _annex_parts(doc, BANNER, doc_no, st, signs)
    out = compose(story, annex_header=header, annex_footer=footer, st=st)
    out.extend(_photo_pages(doc, doc_no, st))
    return out


# --- photos --------------------------------------------------------------------------------

def _frozen_photos(doc: d.DocumentContent, doc_no: str, photos_root) -> d.DocumentContent:
    """The record with its photo paths resolved, after checking every photo whose hash was
    frozen: evidence that changed (or vanished) since the record was issued is never printed."""
    photos = getattr(doc, "photos", ())
    if not photos:
        return doc
    from dataclasses import replace

    from ..storage.photos import file_sha256, resolve

    resolved = []
    for n, ph in enumerate(photos, 1):
        path = resolve(photos_root, ph.path)
        if ph.sha256:
            actual = file_sha256(path)
            if actual != ph.sha256:
                what = "已缺失" if actual is None and not os.path.exists(path) else "已被改动（与出具时的哈希不一致）"
                raise ValueError(
                    f"{doc.title}{doc_no}的现场照片{n}（{os.path.basename(ph.path)}）{what}，"
                    "为保证证据真实，拒绝打印该记录。请将原照片文件放回数据文件夹，"
                    "可运行“inspector verify --full”查看全部问题。")
        resolved.append(replace(ph, path=str(path)))
    return replace(doc, photos=tuple(resolved))


def _image(path: str, max_w: float, max_h: float) -> Flowable:
    """The photo scaled into the box; EXIF-rotated and downscaled when large."""
    from PIL import Image as PILImage, ImageOps, UnidentifiedImageError

    from ..storage.photos import read_file

    data = read_file(path)  # decrypted in memory when the photo folder is encrypted
    if data is None:
        return _missing_photo(path, max_w, max_h)
    try:
        with PILImage.open(io.BytesIO(data)) as im:
            fmt = im.format
            rotated = ImageOps.exif_transpose(im)
            w, h = rotated.size
            big = max(w, h) > PHOTO_MAX_PX or len(data) > PHOTO_MAX_BYTES
            if fmt in ("JPEG", "PNG") and rotated is im and not big:
                src: str | io.BytesIO = io.BytesIO(data)
            else:
                rotated.thumbnail((PHOTO_MAX_PX, PHOTO_MAX_PX))
                w, h = rotated.size
                src = io.BytesIO()
                rotated.convert("RGB").save(src, "JPEG", quality=82)
                src.seek(0)
    except (OSError, UnidentifiedImageError, ValueError):
        return _missing_photo(path, max_w, max_h)
    scale = min(max_w / w, max_h / h)
    img = Image(src, width=w * scale, height=h * scale)
    img.hAlign = "CENTER"
    return img


def _missing_photo(path: str, max_w: float, max_h: float) -> Flowable:
    st = styles()
    t = Table([[Paragraph(esc(f"照片文件无法读取：{os.path.basename(path)}"), st.center)]],
              colWidths=[max_w * 0.8], rowHeights=[max_h * 0.6], hAlign="CENTER")
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return t


def _photo_lines(j: int, ph: d.Photo) -> list[str]:
    """What the annex says of photo ``j``: what it shows, then when, where and by whom."""
    shows = ph.caption or ph.item
    lines = [f"照片{j}：{shows}" if shows else f"照片{j}"]
    if ph.caption and ph.item and ph.item != ph.caption:
        lines.append(f"检查项：{ph.item}")
    when_who = [f"{label}：{value}" for label, value in (("拍摄时间", ph.taken_at), ("拍摄人", ph.photographer))
                if value]
    if when_who:
        lines.append("　".join(when_who))
    if ph.place:
        lines.append(f"拍摄地点：{ph.place}")  # a line of its own: addresses are long
    return lines


CAPTION_LINES = 4  # room kept under each photo; a longer caption moves its photo on


def _photo_pages(doc: d.InspectionRecord, doc_no: str, st: Styles) -> list[Flowable]:
    if not doc.photos:
        return []
    head_style = ParagraphStyle("ph", parent=st.center, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.8)
    cap_style = ParagraphStyle("cap", parent=st.center, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.5)
    head_h = BODY_SIZE * 1.8 + 6
    box_h = (FRAME_H - head_h) / 2 - SMALL_SIZE * 1.5 * CAPTION_LINES - 14
    title = f"{doc.title}（附页）　现场照片　{doc_no}"
    out: list[Flowable] = []
    photos = list(doc.photos)
    for n in range(0, len(photos), 2):
        out.append(PageBreakIfNotEmpty())
        out.append(RunningTitle(title))
        out.append(Paragraph(esc(title), head_style))
        out.append(Spacer(1, 6))
        for j, ph in enumerate(photos[n:n + 2], n + 1):
            out.append(_image(ph.path, FRAME_W, box_h))
            out.extend(Paragraph(esc(line), cap_style) for line in _photo_lines(j, ph))
            out.append(Spacer(1, 8))
    return out


def _case_referral(doc: d.CaseReferral, doc_no: str, st: Styles) -> list[Flowable]:
    a = doc.authority
    issuer = a.township_issuer or a.township

    def signs():
        return [*_officer_rows(doc, "承办人员（签名）：")]

    story = [
        *title_block(issuer, doc.title, doc_no, st),
        Paragraph(u(doc.recipient) + "：", st.plain),
        # The body lists every item the firm failed to put right: a long list continues on 附页.
        _text_section(doc.body, "（续）移送事由：", st, label="移送事由"),
        NoteSlot(),
        Paragraph(f"被移送单位：{esc(doc.party.name)}　地址：{esc(doc.party.address)}", st.body),
        *signature_rows(signs(), st),
        *seal_block(issuer, d.cn_date(doc.issued_on), st),
        _copies(issuer, doc.recipient, st, verb="存档"),
    ]
    header, footer = _annex_parts(doc, issuer, doc_no, st, signs)
    return compose(story, annex_header=header, annex_footer=footer, st=st)


_BUILDERS = {
    d.INSPECTION_RECORD: _inspection_record,
    d.RECTIFICATION_ORDER: _rectification_order,
    d.ONSITE_MEASURES: _onsite_measures,
    d.REINSPECTION_OPINION: _reinspection_opinion,
    d.SPOT_PENALTY: _spot_penalty,
    d.HAZARD_NOTICE: _hazard_notice,
    d.CASE_REFERRAL: _case_referral,
}


def _story(doc: d.DocumentContent, doc_no: str) -> list[Flowable]:
    return _BUILDERS[doc.kind](doc, doc_no, styles())
