"""A generated, realistic demo township (璜土镇, 江阴市): settings, villages, officers and a registry
of enterprises for demonstrations, training and load tests.

Everything comes from ``random.Random(seed)``: the same seed gives the same township, name for
name and code for code. Nothing here is real: names, people, phone numbers and credit codes are
invented (codes are checksum-valid but random).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from ..core import industry
from ..core import uscc as uscc_mod
from ..core.enterprise import RISK_TAGS, Enterprise, core_name, validate
from ..core.township import Officer, TownshipSetup


REGION = "320281"  # 江阴市 (GB/T 2260)
TOWNSHIP = "璜土镇"
TOWN_STEM = "璜土"

# Plausible villages and communities of the town, for the demo only (not the official list).
VILLAGES = (
    "璜土村", "石庄村", "小湖村", "蔡泾村", "桐岐村", "西石桥村", "璜丰村", "南河村",
    "东青河村", "新港村", "长寿村", "朝阳村", "璜土社区", "石庄社区", "桐岐社区",
)
_VILLAGE_HEAD = "东西南北新大小石桥河塘港湖桐长永太朝前后上下双花杨周徐陈黄青龙凤白兴常安丰利金华"
_VILLAGE_TAIL = "庄桥湖塘港河泾浜墩巷头舍圩岸溪园坝里埭湾田林家渡堡亭岐墅"

_ROADS = (
    "兴业路", "工业路", "振兴路", "建设路", "环镇路", "澄西路", "璜石路", "创新路", "富民路",
    "通江路", "长江路", "滨江路", "港城大道", "新港路", "民营路", "文化路", "南环路", "北环路",
    "东环路", "西环路", "园区路", "发展大道", "科技路", "永兴路", "金港路", "工业园一路",
    "工业园二路", "临港大道",
)

# Common surnames of southern Jiangsu, weighted (缪, 承, 是, 薛, 陆 are typical of Jiangyin).
_SURNAMES = (
    ("王", 9), ("张", 7), ("陈", 8), ("周", 6), ("徐", 6), ("朱", 5), ("吴", 5), ("黄", 4),
    ("刘", 4), ("沈", 4), ("顾", 5), ("蒋", 4), ("钱", 3), ("杨", 4), ("孙", 3), ("许", 3),
    ("陆", 5), ("缪", 3), ("承", 2), ("夏", 3), ("薛", 3), ("邵", 2), ("季", 2), ("华", 3),
    ("李", 4), ("赵", 3), ("高", 2), ("殷", 2), ("曹", 2), ("何", 2), ("范", 2), ("包", 1),
    ("是", 1), ("花", 1), ("贡", 1), ("卞", 1), ("袁", 2), ("任", 1), ("郁", 1), ("浦", 1),
)
_GIVEN = (
    "建华 建国 国平 志刚 卫东 伟 军 强 勇 峰 杰 明 丽 敏 静 红 芳 燕 霞 建军 建平 建新 国强 "
    "国良 国忠 志华 志明 志强 晓东 晓峰 晓明 晓燕 小军 小平 秀英 秀珍 桂英 凤英 红英 玉芳 雪芬 "
    "美芳 丽娟 丽华 海军 海峰 海燕 春华 春燕 文华 文杰 永林 永明 金龙 金华 伟东 伟明 伟忠 建忠 "
    "忠良 利民 兴华 卫星 卫国 新华 亚平 亚军 振华 荣华 鹏 浩 磊 涛 斌 俊 超 静怡 佳 琳 婷 雯 洁 "
    "一鸣 宇航 子豪 梓涵 欣怡 嘉豪 建良 荣兴 德明 洪良 根宝 锡林 振宇 杏芬 惠娟 月娥"
).split()

# 字号 characters: auspicious and common in Jiangyin firm names (澄 is Jiangyin's short name).
_BRAND = (
    "华兴盛达鑫恒泰宏瑞丰昌隆源祥发顺通利富金永嘉德鸿博汇凯宇天海新诚信安明亚立协振中益润锦辉"
    "晨旭远星东澄江龙腾广大宝鼎荣邦航飞力正科创威康晟业品友佳盈聚联合奥美万元长久和福吉运泓鹏"
)

_MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 177 "
    "180 181 182 183 184 185 186 187 188 189 191 198 199"
).split()


@dataclass(frozen=True)
class _Trade:
    """One line of business: its GB/T 4754 division, share of the town's firms, words for
    company names (``words``) and for 个体 shop names (``shops``; empty → never 个体)."""

    division: str
    weight: float
    words: tuple[str, ...]
    shops: tuple[str, ...] = ()
    tags: tuple[tuple[str, float], ...] = ()
    size: int = 0  # -1 shops and services (many 个体), 0 ordinary, 1 heavy industry
    sector: str | None = None  # default: industry.default_sector(division)


def _t(division, weight, words, shops="", tags=(), size=0, sector=None) -> _Trade:
    return _Trade(division, weight, tuple(words.split()), tuple(shops.split()), tuple(tags), size, sector)


# The mix of a Jiangyin industrial town: metal products and machinery dominate, then textiles,
# plastics and building materials; few chemical and metallurgy works; trade and services.
TRADES = (
    _t("33", 8.0, "五金 金属制品 五金制品 紧固件 标准件 五金工具", "五金加工厂 五金加工店 金属制品厂",
       (("有限空间", .1), ("特种设备", .4), ("喷涂", .05))),
    _t("33", 2.5, "钢结构 钢结构工程 彩钢板 网架 钢构", "钢结构加工厂",
       (("喷涂", .6), ("危化品使用", .3), ("特种设备", .7), ("外包作业", .2))),
    _t("33", 1.8, "铝制品 金属抛光 铝合金制品 铝材加工", "金属抛光厂 铝制品加工厂",
       (("粉尘涉爆", .75), ("有限空间", .05))),
    _t("33", .6, "表面处理 电镀 金属表面处理 热镀锌 镀锌", "",
       (("危化品使用", .95), ("危化品储存", .5), ("有限空间", .5), ("高温熔融金属", .2))),
    _t("33", 1.0, "铸造 精密铸造 铸件 铸钢 铸业", "铸造厂",
       (("高温熔融金属", .9), ("金属冶炼", .3), ("特种设备", .8), ("有限空间", .2))),
    _t("33", 1.2, "锻造 锻件 法兰 锻压 环锻", "锻件加工厂",
       (("特种设备", .8), ("燃气使用", .4), ("外包作业", .1))),
    _t("33", .8, "管件 管道配件 弯头 管道设备", "", (("特种设备", .5), ("喷涂", .1))),
    _t("34", 6.5, "机械 机械制造 阀门 泵业 轴承 齿轮 液压机械 风机 减速机 起重机械 机械设备",
       "机械加工厂 机械配件厂", (("特种设备", .5), ("喷涂", .25), ("有限空间", .08), ("危化品使用", .1))),
    _t("35", 3.5, "机械设备 环保设备 化工设备 纺织机械 冶金设备 重工 智能装备 压力容器", "",
       (("特种设备", .6), ("喷涂", .4), ("危化品使用", .2), ("有限空间", .1))),
    _t("36", 1.4, "汽车配件 汽车零部件 车辆部件 汽配", "汽车配件厂",
       (("特种设备", .4), ("喷涂", .2), ("有限空间", .05))),
    _t("37", .7, "船舶配件 船舶设备 船用机械", "", (("特种设备", .6), ("喷涂", .4), ("有限空间", .3))),
    _t("37", .3, "电动车 电动车辆", "电动车配件厂", (("锂电池", .7), ("喷涂", .2))),
    _t("38", 2.8, "电器 电气 电线电缆 电缆 电力设备 开关 电机 电工器材 照明电器", "电器配件厂",
       (("特种设备", .4), ("有限空间", .05))),
    _t("38", .6, "新能源科技 储能科技 电池 动力电池", "",
       (("锂电池", 1.0), ("危化品使用", .3), ("危化品储存", .1))),
    _t("39", 1.0, "电子 电子科技 光电 电子元件", "电子元件加工厂", (("危化品使用", .2), ("锂电池", .05))),
    _t("40", .6, "仪表 仪器 自动化仪表 测控技术", "", (("特种设备", .2),)),
    _t("41", .4, "工艺品 日用品 日用制品", "工艺品加工厂"),
    _t("42", .6, "再生资源 废旧物资回收 资源回收利用", "废品回收站", (("有限空间", .2), ("特种设备", .3))),
    _t("43", .5, "设备维修 机电设备维修 机械维修", "机械修理部", (("特种设备", .3),)),
    _t("17", 3.5, "纺织 织造 纺织品 针纺织品 家纺 色织 无纺布", "织布厂 纺织加工厂",
       (("有限空间", .05), ("特种设备", .3), ("粉尘涉爆", .1))),
    _t("17", .8, "纺纱 棉纺 毛纺 纱线", "", (("粉尘涉爆", .4), ("特种设备", .4))),
    _t("17", .5, "印染 染整 染织", "",
       (("危化品使用", .9), ("危化品储存", .4), ("有限空间", .6), ("特种设备", .9))),
    _t("18", 2.5, "服饰 服装 制衣 针织服装 时装", "服装加工厂 制衣厂", (("特种设备", .1),)),
    _t("13", .6, "粮油 米业 饲料 面粉 粮食加工", "碾米厂 粮油加工厂",
       (("粉尘涉爆", .7), ("有限空间", .5), ("特种设备", .3))),
    _t("13", .4, "肉类加工 水产品加工 冷冻食品", "肉制品加工店",
       (("涉氨制冷", .5), ("有限空间", .3), ("燃气使用", .3))),
    _t("14", .8, "食品 糕点 调味品 豆制品 食品科技", "糕点店 豆制品加工店 食品加工店",
       (("燃气使用", .5), ("涉氨制冷", .2), ("有限空间", .1), ("粉尘涉爆", .1))),
    _t("15", .3, "酒业 饮料 茶业 酿造", "酒坊", (("有限空间", .4), ("燃气使用", .3))),
    _t("19", .2, "鞋业 皮革制品 箱包", "鞋厂", (("危化品使用", .3),)),
    _t("20", 1.0, "木业 木制品 木材加工 包装材料 竹木制品", "木材加工厂 木器加工厂 木箱加工厂",
       (("粉尘涉爆", .8), ("喷涂", .2), ("危化品使用", .1))),
    _t("21", .8, "家具 红木家具 办公家具 家居", "家具厂",
       (("粉尘涉爆", .6), ("喷涂", .7), ("危化品使用", .5))),
    _t("22", .6, "纸业 纸制品 纸箱 纸品包装", "纸箱厂", (("有限空间", .4), ("特种设备", .3), ("粉尘涉爆", .1))),
    _t("23", .6, "印刷 彩印 包装印刷", "印刷厂", (("危化品使用", .5), ("危化品储存", .1))),
    _t("24", .3, "体育用品 文具 健身器材 玩具", "体育用品加工厂"),
    _t("25", .1, "石化 润滑油 燃料", "",
       (("危化品储存", .9), ("危化品使用", .6), ("有限空间", .6), ("特种设备", .8)), size=1),
    _t("26", 1.1, "化工 化学 精细化工 新材料 涂料 助剂 树脂 化学品", "",
       (("危化品储存", .9), ("危化品使用", .8), ("有限空间", .7), ("特种设备", .8), ("外包作业", .4),
        ("粉尘涉爆", .1)), size=1),
    _t("26", .3, "日用化学品 洗涤用品 日化", "", (("危化品使用", .4), ("有限空间", .2)), sector="轻工"),
    _t("27", .2, "药业 生物医药 制药", "",
       (("危化品使用", .8), ("危化品储存", .6), ("有限空间", .5), ("特种设备", .7)), size=1),
    _t("28", .8, "化纤 化学纤维 涤纶 合纤", "",
       (("特种设备", .8), ("危化品使用", .3), ("有限空间", .4)), size=1),
    _t("29", 3.0, "塑业 塑料制品 橡胶制品 塑胶 橡塑 薄膜 塑料包装 塑料管业", "塑料制品厂 塑料加工厂 橡胶制品厂",
       (("有限空间", .1), ("危化品使用", .2), ("粉尘涉爆", .08), ("特种设备", .3))),
    _t("30", 2.0, "建材 新型建材 混凝土 石材 玻璃制品 耐火材料 保温材料 水泥制品", "水泥制品厂 石材加工店 预制构件厂",
       (("有限空间", .3), ("特种设备", .5), ("燃气使用", .1))),
    _t("31", .6, "钢铁 特钢 钢管 冷轧 钢带 钢丝 线材 金属材料", "",
       (("特种设备", .9), ("有限空间", .5), ("燃气使用", .4), ("金属冶炼", .25), ("高温熔融金属", .25),
        ("外包作业", .4), ("危化品使用", .2)), size=1),
    _t("32", .6, "铜业 有色金属 铜材 合金材料 铝业", "",
       (("金属冶炼", .3), ("高温熔融金属", .35), ("粉尘涉爆", .2), ("特种设备", .8), ("有限空间", .3)), size=1),
    # Trade, logistics and services.
    _t("51", 8.0, "贸易 商贸 物资 金属材料 五金机电 建材贸易 国际贸易 供应链", "五金经营部 建材经营部 商行",
       (("特种设备", .05),), size=-1),
    _t("51", .4, "化工贸易 化工原料 石化贸易 化工物资", "", (("危化品储存", .3),), sector="危化"),
    _t("52", 6.0, "超市 商贸 百货 便利店", "便利店 超市 五金店 建材商店 百货商店 农资经营部 小卖部 日用品商店",
       (("燃气使用", .05),), size=-1),
    _t("52", .3, "加油站 石油销售 能源", "",
       (("危化品储存", 1.0), ("有限空间", .5), ("特种设备", .3)), sector="危化"),
    _t("54", 1.5, "运输 货运 汽车运输 物流", "货运部", (("特种设备", .2),), size=-1),
    _t("58", .5, "物流 货运代理 供应链管理", "", size=-1),
    _t("59", 1.8, "仓储 物流仓储 仓储服务", "", (("特种设备", .6), ("锂电池", .1))),
    _t("59", .4, "冷链物流 冷藏 冷冻仓储 冷库", "", (("涉氨制冷", .65), ("有限空间", .4), ("特种设备", .5))),
    _t("59", .08, "危险品仓储 化工仓储", "",
       (("危化品储存", 1.0), ("有限空间", .4), ("特种设备", .5)), size=1, sector="危化"),
    _t("62", 3.5, "餐饮 餐饮管理 饭店 酒家", "饭店 小吃店 面馆 餐馆 快餐店 酒家", (("燃气使用", .92),), size=-1),
    _t("62", .4, "餐饮管理 团膳", "", (("燃气使用", 1.0),)),
    _t("61", .6, "宾馆 酒店 大酒店", "旅馆 宾馆", (("燃气使用", .5), ("特种设备", .4)), size=-1),
    _t("47", .8, "建设 建筑工程 建筑", "", (("特种设备", .4), ("外包作业", .5))),
    _t("48", .5, "市政工程 路桥工程 水利工程", "", (("特种设备", .4),)),
    _t("49", .5, "安装工程 机电安装 管道安装", "水电安装部", (("外包作业", .3),)),
    _t("50", .6, "装饰工程 装潢 建筑装饰", "装潢部", (("危化品使用", .1),), size=-1),
    _t("44", .3, "光伏科技 新能源发电 电力", "", (("特种设备", .3),)),
    _t("45", .2, "燃气 液化气 燃气供应", "液化气供应站", (("危化品储存", .8), ("燃气使用", .5))),
    _t("46", .1, "水务 自来水", "", (("有限空间", .8), ("危化品使用", .4))),
    _t("70", .3, "物业管理 物业服务", "", (("有限空间", .3), ("特种设备", .5))),
    _t("71", .3, "设备租赁 机械租赁", "", (("特种设备", .5),)),
    _t("72", .4, "企业管理 劳务服务 人力资源", "", size=-1),
    _t("74", .2, "检测技术 工程技术 检测", "", (("危化品使用", .2),)),
    _t("80", .6, "洗浴 浴室 家政服务", "浴室 理发店 洗衣店", (("燃气使用", .5), ("特种设备", .2)), size=-1),
    _t("81", 1.2, "汽车修理 汽车服务 汽修", "汽车修理部 汽车维修店 摩托车修理店 电动车修理店 家电维修部",
       (("喷涂", .3), ("危化品使用", .3), ("锂电池", .1)), size=-1),
    _t("01", .8, "农业科技 生态农业 农业发展 葡萄种植", "家庭农场", size=-1),
    _t("03", .2, "养殖 畜牧", "养殖场", (("有限空间", .3),), size=-1),
    _t("05", .2, "农机服务 植保服务", "农机服务部", size=-1),
)

# 农民专业合作社 (93…): 璜土 is known for its grapes.
_COOPS = (("葡萄", "01"), ("果蔬", "01"), ("粮食种植", "01"), ("苗木", "02"), ("水产养殖", "04"),
          ("农机", "05"), ("蔬菜", "01"), ("水蜜桃", "01"))

# Scale mix by trade size: (个体, 小微, 规下, 规上) weights.
_SCALE_MIX = {-1: (55, 38, 6, 1), 0: (18, 47, 23, 12), 1: (0, 25, 35, 40)}
_SCALES = ("个体", "小微", "规下", "规上")

# Supervision class [K]: A (best record, fewest visits) … D (worst, most visits); most firms C.
_HIGH_RISK = {"粉尘涉爆", "涉氨制冷", "金属冶炼", "高温熔融金属", "危化品储存"}
_TAG_ORDER = {t: i for i, t in enumerate(RISK_TAGS)}


@dataclass
class DemoTownship:
    """A generated township, not yet stored.

    Until :func:`inspector_app.demo.loader.load_demo` stores it, each enterprise's
    ``village_id`` holds the village *name* and ``landlord_id`` is empty: the rented-premises
    pairs are listed in ``tenancies`` as (tenant index, landlord index) into ``enterprises``.
    """

    setup: "TownshipSetup"
    villages: list[str]
    enterprises: list[Enterprise]
    tenancies: list[tuple[int, int]] = field(default_factory=list)
    seed: int = 0

    def landlord_of(self, index: int) -> Enterprise | None:
        for tenant, landlord in self.tenancies:
            if tenant == index:
                return self.enterprises[landlord]
        return None


def generate(*, seed: int = 2012, enterprises: int = 800, villages: int | None = None) -> DemoTownship:
    """Generate a demo township with ``enterprises`` firms in ``villages`` villages (default: 15
    per 800 firms, at least 15). Deterministic for a given seed."""
    if enterprises < 0:
        raise ValueError("企业数量不能为负数。")
    if villages is None:
        villages = max(15, round(enterprises * 15 / 800))
    if not 1 <= villages <= 2000:
        raise ValueError("村（社区）数量应在1至2000之间。")
    return _Generator(random.Random(seed), enterprises, villages, seed).run()


def _clamp(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


def _legacy_check(first14: str) -> str:
    """Check digit of the 15-digit 工商注册号 (GB/T 17710 MOD 11,10)."""
    p = 10
    for ch in first14:
        s = (p + int(ch)) % 10 or 10
        p = s * 2 % 11
    return str((11 - p) % 10)


class _Generator:
    def __init__(self, rng: random.Random, n: int, n_villages: int, seed: int):
        self.rng = rng
        self.n = n
        self.n_villages = n_villages
        self.seed = seed
        self.codes: set[str] = set()
        self.reg_nos: set[str] = set()
        self.cores: set[str] = set()
        self.trade_weights = [t.weight for t in TRADES]
        self.surnames = [s for s, _ in _SURNAMES]
        self.surname_w = [w for _, w in _SURNAMES]

    # --- people and contacts -------------------------------------------------------------
    def person(self) -> str:
        rng = self.rng
        return rng.choices(self.surnames, self.surname_w)[0] + rng.choice(_GIVEN)

    def mobile(self) -> str:
        return self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def landline(self) -> str:
        return f"0510-86{self.rng.randrange(10**6):06d}"

    # --- identifiers ---------------------------------------------------------------------
    def credit_code(self, prefix: str) -> str:
        rng = self.rng
        alphabet = uscc_mod.ALPHABET
        while True:
            if prefix == "N2":
                body8 = "MF" + "".join(rng.choice(alphabet) for _ in range(6))
            elif prefix in ("92", "93") or rng.random() < 0.55:
                # Codes issued since 2015 carry "MA" + a serial; older firms kept their 组织机构代码.
                body8 = "MA" + rng.choice("127") + "".join(rng.choice(alphabet) for _ in range(5))
            else:
                body8 = rng.choice("76510") + f"{rng.randrange(10**7):07d}"
            code = uscc_mod.make(prefix, REGION, body8=body8)
            if code not in self.codes:
                self.codes.add(code)
                return code

    def legacy_reg_no(self) -> str:
        while True:
            first14 = REGION + "6" + f"{self.rng.randrange(10**7):07d}"
            no = first14 + _legacy_check(first14)
            if no not in self.reg_nos:
                self.reg_nos.add(no)
                return no

    # --- names ---------------------------------------------------------------------------
    def brand(self, length: int = 2) -> str:
        return "".join(self.rng.sample(_BRAND, length))

    def unique(self, make, first: str | None = None) -> str:
        """``first`` if its core name (without 江阴/有限公司…) is new, else ``make(brand)`` until one is."""
        if first is not None and core_name(first) not in self.cores:
            self.cores.add(core_name(first))
            return first
        for attempt in range(60):
            name = make(self.brand(2 if attempt < 40 else 3))
            key = core_name(name)
            if key not in self.cores:
                self.cores.add(key)
                return name
        raise RuntimeError("name space exhausted")  # not reachable with the pools above

    def company_name(self, trade: _Trade, scale: str) -> str:
        rng = self.rng
        word = rng.choice(trade.words)
        manufacturing = industry.section_of(trade.division) == "C"
        r = rng.random()
        if manufacturing and r < 0.04:
            # Old township works (乡镇企业) kept names like 江阴市璜土鑫达五金厂.
            return self.unique(lambda b: f"江阴市{TOWN_STEM}{b}{word}厂")
        if scale in ("规上", "规下") and r < 0.12:
            prefix = "江苏"
        else:
            prefix = rng.choices(("江阴市", "江阴", "无锡", "无锡市"), (60, 25, 10, 5))[0]
        if manufacturing and not word.endswith(("科技", "技术")) and rng.random() < 0.12:
            word += "科技"
        suffix = "股份有限公司" if scale == "规上" and rng.random() < 0.08 else "有限公司"
        return self.unique(lambda b: f"{prefix}{b}{word}{suffix}")

    def shop_name(self, trade: _Trade, owner: str) -> str:
        rng = self.rng
        shop = rng.choice(trade.shops)
        r = rng.random()
        base = f"江阴市{TOWNSHIP}"
        make = lambda b: f"{base}{b}{shop}"  # noqa: E731
        if r < 0.4:
            return self.unique(make, f"{base}{owner}{shop}")  # 江阴市璜土镇王建华五金加工店
        if r < 0.7:
            return self.unique(make, f"{base}{owner[1:]}{shop}")
        return self.unique(make)

    # --- villages and addresses ----------------------------------------------------------
    def village_names(self) -> list[str]:
        names = list(VILLAGES[: self.n_villages])
        seen = set(names)
        rng = self.rng
        while len(names) < self.n_villages:
            name = rng.choice(_VILLAGE_HEAD) + rng.choice(_VILLAGE_TAIL)
            if len(seen) >= len(_VILLAGE_HEAD) * len(_VILLAGE_TAIL) // 2:
                name += rng.choice("东西南北新")  # very large demos: 石庄东村, 石庄新村…
            name += "村"
            if name not in seen:
                seen.add(name)
                names.append(name)
        return names

    @staticmethod
    def stem(village: str) -> str:
        for tail in ("社区", "村"):
            if village.endswith(tail):
                return village[: -len(tail)]
        return village

    def address(self, village: str) -> str:
        rng = self.rng
        road = rng.choice(self.roads[village])
        city = "江阴市" if rng.random() < 0.25 else ""
        return f"{city}{TOWNSHIP}{village}{road}{rng.randint(1, 288)}号"

    # --- one enterprise ------------------------------------------------------------------
    def scale_for(self, trade: _Trade) -> str:
        weights = list(_SCALE_MIX[trade.size])
        if not trade.shops:
            weights[1] += weights[0]
            weights[0] = 0
        return self.rng.choices(_SCALES, weights)[0]

    def employees_for(self, scale: str, trade: _Trade) -> int:
        rng = self.rng
        if scale == "个体":
            return rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 7, 8))
        if scale == "小微":
            return int(_clamp(rng.lognormvariate(math.log(14), 0.55), 5, 50))
        if scale == "规下":
            return int(_clamp(rng.lognormvariate(math.log(45), 0.5), 20, 150))
        top = 800 if trade.size >= 0 else 200
        return int(_clamp(rng.lognormvariate(math.log(130), 0.65), 50, top))

    def revenue_for(self, scale: str, employees: int, division: str) -> float:
        # 规上 thresholds (万元): industry and wholesale 2000, retail 500, hotels/restaurants 200.
        rng = self.rng
        threshold = {"52": 500, "61": 200, "62": 200}.get(division, 2000)
        if scale == "个体":
            value = min(rng.uniform(5, 120), threshold * 0.9)
        elif scale == "小微":
            value = min(employees * rng.uniform(5, 25), threshold * 0.9)
        elif scale == "规下":
            value = _clamp(employees * rng.uniform(8, 30), threshold * 0.15, threshold * 0.95)
        else:
            value = max(threshold * rng.uniform(1.0, 1.2), employees * rng.uniform(30, 150))
        return round(value, 1)

    def tags_for(self, trade: _Trade, scale: str, employees: int) -> list[str]:
        rng = self.rng
        tags = []
        small = scale == "个体"
        for tag, p in trade.tags:
            if tag == "外包作业" and small:
                continue
            if tag == "特种设备" and small:
                p /= 2
            if rng.random() < p:
                tags.append(tag)
        if industry.section_of(trade.division) == "C":
            # Pits, tanks, silos and sumps: most manufacturers have some confined space.
            if "有限空间" not in tags and rng.random() < (0.15 if small else 0.3):
                tags.append("有限空间")
            if "特种设备" not in tags and employees >= 10 and rng.random() < 0.4:
                tags.append("特种设备")  # forklifts, cranes, boilers, air receivers
        if scale == "规上" and "外包作业" not in tags and rng.random() < 0.25:
            tags.append("外包作业")
        if employees >= 100 and "燃气使用" not in tags and rng.random() < 0.35:
            tags.append("燃气使用")  # staff canteen
        if "粉尘涉爆" in tags and rng.random() < 0.3:
            tags.append("涉爆粉尘湿式作业")
        return tags

    def grade_for(self, scale: str, sector: str) -> str:
        weights = {
            "规上": (1, 15, 60, 0, 24), "规下": (0, 3, 45, 20, 32),
            "小微": (0, 0, 8, 40, 52), "个体": (0, 0, 0, 5, 95),
        }[scale]
        if sector == "其他":
            weights = tuple(w // 4 for w in weights[:4]) + (weights[4] + 60,)
        return self.rng.choices(("一级", "二级", "三级", "小微达标", "未定级"), weights)[0]

    def class_for(self, grade: str, tags: list[str]) -> str:
        if grade in ("一级", "二级"):
            weights = (40, 45, 15, 0)
        elif _HIGH_RISK.intersection(tags):
            weights = (2, 15, 58, 25)
        else:
            weights = (8, 25, 60, 7)
        return self.rng.choices(("A", "B", "C", "D"), weights)[0]

    def manager_type_for(self, scale: str, sector: str, employees: int) -> str:
        # 澄政发〔2012〕80号 (十三): >50 staff → full-time safety manager; ≤50 part-time or outsourced.
        rng = self.rng
        if scale == "个体":
            return "兼职"
        if employees > 50:
            return rng.choices(("专职", "兼职", "委托服务"), (85, 10, 5))[0]
        if sector in ("危化", "冶金", "有色") and employees > 10:
            return rng.choices(("专职", "兼职", "委托服务"), (70, 20, 10))[0]
        return rng.choices(("兼职", "委托服务"), (72, 28))[0]

    def enterprise(self, village: str) -> Enterprise:
        rng = self.rng
        trade = rng.choices(TRADES, self.trade_weights)[0]
        scale = self.scale_for(trade)
        division = trade.division
        sector = trade.sector or industry.default_sector(division)
        employees = self.employees_for(scale, trade)
        legal_rep = self.person()
        legal_phone = self.mobile()
        ent = Enterprise(
            address=self.address(village), village_id=village, legal_rep=legal_rep,
            legal_rep_phone=legal_phone, employees=employees,
            revenue_wan=self.revenue_for(scale, employees, division),
            gbt_section=industry.section_of(division), gbt_division=division, sector=sector,
            scale=scale, grid_officer=rng.choice(self.grid[village]),
        )
        if scale == "个体":
            ent.name = self.shop_name(trade, legal_rep)
            if rng.random() < 1 / 3:
                ent.legacy_reg_no = self.legacy_reg_no()  # never re-registered since 2015
            else:
                ent.uscc = self.credit_code("92")
            ent.principal, ent.principal_phone = legal_rep, legal_phone
        else:
            ent.name = self.company_name(trade, scale)
            ent.uscc = self.credit_code("91")
            if rng.random() < 0.75:
                ent.principal, ent.principal_phone = legal_rep, legal_phone
            else:
                ent.principal = self.person()
                ent.principal_phone = self.mobile() if rng.random() < 0.85 else self.landline()
        self.finish(ent, trade)
        return ent

    def finish(self, ent: Enterprise, trade: _Trade | None) -> None:
        """Risk tags, safety manager, grade, class and status."""
        rng = self.rng
        if trade is not None:
            ent.risk_tags = self.tags_for(trade, ent.scale, ent.employees)
        ent.safety_manager_type = self.manager_type_for(ent.scale, ent.sector, ent.employees)
        if ent.scale == "个体" or (ent.safety_manager_type == "兼职" and rng.random() < 0.3):
            ent.safety_manager, ent.safety_manager_phone = ent.principal, ent.principal_phone
        else:
            ent.safety_manager = self.person()
            ent.safety_manager_phone = self.mobile() if rng.random() < 0.8 else self.landline()
        ent.standardisation_grade = self.grade_for(ent.scale, ent.sector)
        ent.supervision_class = self.class_for(ent.standardisation_grade, ent.risk_tags)
        ent.status = rng.choices(("在营", "停产", "关闭"), (90, 7, 3))[0]
        if ent.status == "停产":
            ent.notes = rng.choice(("停产整顿中。", "订单不足，暂时停产。", "设备改造，暂时停产。"))
        elif ent.status == "关闭":
            ent.notes = rng.choice(("已关闭，待办理注销。", "已关停，设备已拆除。"))

    def cooperative(self, village: str) -> Enterprise:
        rng = self.rng
        crop, division = rng.choice(_COOPS)
        stem = self.stem(village)
        name = self.unique(lambda b: f"江阴市{b}{crop}专业合作社", f"江阴市{TOWNSHIP}{stem}{crop}专业合作社")
        rep = self.person()
        phone = self.mobile()
        employees = rng.randint(3, 20)
        ent = Enterprise(
            name=name, uscc=self.credit_code("93"), address=self.address(village), village_id=village,
            legal_rep=rep, legal_rep_phone=phone, principal=rep, principal_phone=phone,
            employees=employees, revenue_wan=round(rng.uniform(20, 600), 1),
            gbt_section=industry.section_of(division), gbt_division=division,
            sector="其他", scale="小微", grid_officer=rng.choice(self.grid[village]),
        )
        ent.risk_tags = ["特种设备"] if crop == "农机" else []
        self.finish(ent, None)
        return ent

    def collective(self, village: str) -> Enterprise:
        """村级集体经济组织 (N2…): owns the village's standard factory buildings and rents them out."""
        rng = self.rng
        name = f"江阴市{TOWNSHIP}{village}股份经济合作社"
        self.cores.add(core_name(name))
        rep = self.person()  # usually the village Party secretary
        phone = self.mobile()
        ent = Enterprise(
            name=name, uscc=self.credit_code("N2"), address=f"{TOWNSHIP}{village}{self.roads[village][0]}1号",
            village_id=village, legal_rep=rep, legal_rep_phone=phone, principal=rep,
            principal_phone=phone, employees=rng.randint(3, 12),
            revenue_wan=round(rng.uniform(80, 900), 1), gbt_section="K", gbt_division="70",
            sector="其他", scale="小微", risk_tags=["出租厂房"],
            grid_officer=rng.choice(self.grid[village]),
        )
        self.finish(ent, None)
        ent.status, ent.notes = "在营", "村集体标准厂房出租。"
        return ent

    # --- the township --------------------------------------------------------------------
    def setup(self, villages: list[str]) -> "TownshipSetup":
        rng = self.rng
        officers = []
        certs: list[str] = []
        for _ in range(rng.randint(3, 4)):
            while True:
                cert = f"32028119{rng.randrange(10**4):04d}"
                if cert not in certs:
                    certs.append(cert)
                    break
            officers.append(Officer(name=self.person(), cert_no=cert, unit=f"江阴市{TOWNSHIP}人民政府",
                                    phone=self.mobile()))
        return TownshipSetup(
            authority_name="江阴市应急管理局",
            authority_abbr="澄",
            review_government="江阴市人民政府",
            # Placeholder: the court that hears administrative cases against the authority is
            # set by Wuxi's centralised jurisdiction; a real office confirms it in Settings.
            court="无锡市梁溪区人民法院",
            township=TOWNSHIP,
            township_government=f"江阴市{TOWNSHIP}人民政府",
            device_code="A1",
            villages=list(villages),
            officers=officers,
        )

    def run(self) -> DemoTownship:
        rng = self.rng
        villages = self.village_names()
        setup = self.setup(villages)
        self.roads = {
            v: [self.stem(v) + "路"] + rng.sample(_ROADS, 3) for v in villages
        }
        self.grid = {v: [self.person() for _ in range(rng.randint(1, 2))] for v in villages}
        # Some villages are industrial, some barely: uneven weights.
        weights = [rng.uniform(0.3, 2.0) for _ in villages]

        n = self.n
        n_collectives = min(len(villages), max(2, round(n * 0.003))) if n >= 50 else 0
        n_coops = max(2, round(n * 0.008)) if n >= 50 else 0
        n_collectives = min(n_collectives, n)
        n_coops = min(n_coops, n - n_collectives)
        ents: list[Enterprise] = []
        villages_of_collectives = rng.sample(villages, n_collectives)
        for v in villages_of_collectives:
            ents.append(self.collective(v))
        for v in rng.choices(villages, weights, k=n_coops):
            ents.append(self.cooperative(v))
        for v in rng.choices(villages, weights, k=n - len(ents)):
            ents.append(self.enterprise(v))
        # Shuffle so the collectives and cooperatives are not all at the front.
        rng.shuffle(ents)
        tenancies = self.rented_premises(ents)
        for ent in ents:
            ent.risk_tags = sorted(dict.fromkeys(ent.risk_tags), key=_TAG_ORDER.__getitem__)
            validate(ent)
        return DemoTownship(setup=setup, villages=villages, enterprises=ents,
                            tenancies=tenancies, seed=self.seed)

    def rented_premises(self, ents: list[Enterprise]) -> list[tuple[int, int]]:
        """厂中厂: about 3 % of firms rent space from a landlord firm in the same village."""
        rng = self.rng
        target = round(len(ents) * 0.03)
        collectives = [i for i, e in enumerate(ents) if e.uscc and e.uscc.startswith("N2")]
        companies = [i for i, e in enumerate(ents)
                     if e.scale in ("规上", "规下") and e.gbt_section == "C" and e.status == "在营"
                     and e.sector != "危化"]  # chemical works may not let premises to others
        tenants = [i for i, e in enumerate(ents)
                   if e.scale in ("小微", "个体") and e.status != "关闭"
                   and e.gbt_section in ("C", "F", "G") and not (e.uscc or "").startswith(("N2", "93"))]
        rng.shuffle(tenants)
        landlords: list[int] = []
        for i in collectives:
            landlords += [i] * rng.randint(2, 4)  # village factory estates host several firms
        for i in rng.sample(companies, min(len(companies), max(1, target // 2))):
            landlords += [i] * rng.randint(1, 3)
        rng.shuffle(landlords)
        pairs: list[tuple[int, int]] = []
        used: set[int] = set()
        for landlord in landlords:
            if len(pairs) >= target:
                break
            while tenants and (tenants[-1] in used or tenants[-1] == landlord):
                tenants.pop()
            if not tenants:
                break
            t = tenants.pop()
            used.add(t)
            lessor, tenant = ents[landlord], ents[t]
            tenant.village_id = lessor.village_id
            tenant.grid_officer = lessor.grid_officer
            tenant.address = lessor.address + rng.choice(("内", f"{rng.randint(1, 6)}号厂房", f"{rng.randint(1, 4)}幢"))
            tenant.notes = (tenant.notes + " " if tenant.notes else "") + f"厂中厂：承租{lessor.name}厂房。"
            if "出租厂房" not in lessor.risk_tags:
                lessor.risk_tags.append("出租厂房")
            pairs.append((t, landlord))
        # Landlords (规上/规下 firms, collectives) and tenants (小微/个体) are disjoint sets, so
        # storing all landlords first satisfies every landlord_id reference.
        return pairs
