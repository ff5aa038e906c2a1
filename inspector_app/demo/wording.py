"""What the officers write in the demo history: the situation noted for each failed item, the
五到位 of the showcase majors, the purposes of inspections and the wording of a 复查意见.

Plain data for :mod:`.history`; nothing here touches a database.
"""

from __future__ import annotations

from datetime import date

from ..core import documents as docs

# Where and what an officer would note for a failed item: (location, on-site situation).
# Only items listed here (and the majors below) are failed, so every finding reads as written
# by hand.
NOTES: dict[str, tuple[tuple[str, str], ...]] = {
    "main_responsibility:r01": (("办公室", "未制定全员安全生产责任制，各岗位安全职责和考核标准不明确"),),
    "main_responsibility:r03": (("财务室", "未按规定提取安全生产费用，无安全投入使用记录"),),
    "main_responsibility:p02": (("办公室", "新入职的3名操作工未经三级安全教育即上岗，培训档案缺失"),
                                ("办公室", "转岗员工未重新进行岗位安全培训")),
    "main_responsibility:p03": (("二车间", "现场1名叉车司机无法出示特种设备作业人员证"),
                                ("配电房", "维修电工特种作业操作证已过期，未按期复审")),
    "main_responsibility:s01": (("冲压车间", "冲床岗位未公示安全操作规程，操作工存在单手操作现象"),),
    "main_responsibility:s02": (("一车间", "车间主通道堆放半成品及包装材料，通道宽度不足1米"),
                                ("成品仓库", "仓库物料堆放杂乱，堆垛超高且无通道")),
    "main_responsibility:s03": (("配电房", "配电房、空压机房等较大危险因素场所未设置安全警示标志"),),
    "main_responsibility:s04": (("冲压车间", "2台冲床光电保护装置失效，1台砂轮机防护罩缺失"),
                                ("机加工车间", "车床急停按钮损坏，未及时维修")),
    "main_responsibility:s05": (("钢结构车间", "现场电焊作业未办理动火审批，未安排专人监护"),),
    "main_responsibility:s06": (("油漆仓库", "油漆仓库未落实专人管理，仓库门未上锁"),),
    "main_responsibility:s07": (("办公室", "未建立隐患排查治理台账，近三个月无隐患排查记录"),),
    "main_responsibility:ppe01": (("打磨车间", "未为打磨岗位员工配发防尘口罩和护目镜"),),
    "main_responsibility:ppe02": (("焊接车间", "2名电焊工作业时未佩戴防护面罩和绝缘手套"),),
    "main_responsibility:em01": (("办公室", "未制定生产安全事故应急救援预案"),),
    "main_responsibility:em02": (("办公室", "近一年未组织应急预案演练，无演练记录"),),
    "main_responsibility:em03": (("仓库", "应急物资柜内急救药品过期，未配备应急照明器材"),),
    "main_responsibility:led04": (("办公室", "安全教育培训台账不全，培训记录无考核结果"),),
    "main_responsibility:led05": (("办公室", "安全检查台账未记录发现问题的整改情况"),),
    "main_responsibility:led08": (("办公室", "劳动防护用品发放无员工签收记录"),),
    "main_responsibility:led12": (("办公室", "特种作业人员台账未登记证件有效期和复审情况"),),
    "main_responsibility:sys04": (("办公室", "未制定动火、临时用电等危险作业审批制度"),),
    "main_responsibility:sys05": (("办公室", "未制定隐患排查治理制度"),),
    "occupational_health:oh01": (("办公室", "未向卫生健康部门申报职业病危害项目"),),
    "occupational_health:oh03": (("喷漆房", "喷漆房门口未设置职业病危害警示标识和告知卡"),),
    "occupational_health:oh04": (("打磨车间", "打磨岗位员工佩戴普通纱布口罩，未配发防尘口罩"),),
    "occupational_health:oh06": (("办公室", "未委托机构开展职业病危害因素定期检测"),),
    "occupational_health:oh07": (("办公室", "接触粉尘、噪声岗位员工未进行在岗期间职业健康检查"),),
    "occupational_health:oh09": (("办公室", "未组织职业卫生培训，无培训记录"),),
    "small_workshop:sw02": (("员工宿舍", "员工宿舍仅设一个出口，疏散通道堆放杂物"),),
    "small_workshop:sw03": (("成品仓库", "仓库安全出口被成品货物堵塞"),),
    "small_workshop:sw05": (("一车间", "车间疏散指示标志损坏，应急照明灯不亮"),),
    "small_workshop:sw11": (("一车间", "车间灭火器数量不足，部分被货物遮挡"),),
    "small_workshop:sw12": (("二车间", "3具灭火器压力指针位于红区，无定期检查记录"),),
    "small_workshop:sw13": (("车间", "现场抽问2名员工均不会使用灭火器"),),
    "small_workshop:sw21": (("一车间", "车间电气线路私拉乱接，部分电线未穿管直接敷设在木质货架上"),),
    "small_workshop:sw22": (("车间", "配电箱门缺失，箱前堆放纸箱，漏电保护器试验按钮失灵"),),
    "small_workshop:sw23": (("车间", "现场电气维修由无电工证人员进行"),),
    "small_workshop:sw24": (("机加工车间", "空压机皮带轮防护罩缺失"),),
    "small_workshop:sw25": (("员工宿舍", "宿舍楼道内停放电动自行车并充电"),),
    "small_workshop:sw31": (("食堂", "食堂使用液化气未安装可燃气体报警装置"),),
    "small_workshop:sw32": (("食堂", "液化气钢瓶软管老化龟裂，连接处未用管卡固定"),),
    "small_workshop:sw51": (("喷涂车间", "喷涂作业在敞开车间内进行，未设置独立喷漆房"),),
    "small_workshop:sw53": (("喷涂车间", "现场存放油漆、稀释剂约10桶，超过当班用量"),),
    "confined_space:cs11": (("污水处理站", "未对有限空间作业人员和监护人员进行专项安全培训"),),
    "confined_space:cs12": (("污水处理站", "未配备正压式空气呼吸器、三脚架等应急救援装备"),),
    "ammonia_refrigeration:a13": (("氨制冷机房", "氨制冷机房未配备正压式空气呼吸器，洗眼器无水"),),
    "ammonia_refrigeration:a15": (("办公室", "未制定液氨泄漏现场处置方案，未组织演练"),),
}

# Major items (major_ref) a showcase finding may come from, with its note, best first.
MAJOR_NOTES: dict[str, tuple[str, str]] = {
    "dust_explosion:d03": ("除尘器", "抛光车间布袋除尘器未设置泄爆片，也未采取惰化、抑爆措施"),
    "dust_explosion:d10": ("抛光车间", "抛光车间地面、设备顶部积尘厚度明显超过1毫米，未落实粉尘清理制度"),
    "dust_explosion:d06": ("除尘器", "木粉干式除尘器未设置锁气卸灰装置，人工直接开仓卸灰"),
    "hazardous_chemicals:h20": ("化学品仓库", "稀释剂、油漆与双氧水混存于同一仓库，且超量储存"),
    "hazardous_chemicals:h18": ("生产车间", "未制定动火、进入受限空间等特殊作业管理制度，现场动火未办理作业票"),
    "hazardous_chemicals:h17": ("生产车间", "反应釜岗位无操作规程，未制定工艺控制指标"),
    "hazardous_chemicals:h16": ("办公室", "未建立全员安全生产责任制，未制定隐患排查治理制度"),
    "confined_space:cs03": ("污水池", "清理污水池作业未进行通风和气体检测即安排人员进入"),
    "confined_space:cs02": ("污水池", "清理污水池的有限空间作业未办理作业审批"),
    "gongmao_major_general:g01": ("出租厂房", "厂区内多家承租单位未纳入统一协调管理，未签订安全管理协议，未定期开展安全检查"),
    "gongmao_major_general:g14": ("冲压车间", "冲压线安全光幕被人为屏蔽，失去防护作用"),
}

TEXT_ANSWERS = {
    "ammonia_refrigeration:a11": "液氨储存量约3吨，未构成危险化学品重大危险源。",
}

PURPOSES = {
    "双随机": "按照“双随机、一公开”抽查计划，对你单位安全生产情况进行监督检查。",
    "四不两直": "采取“四不两直”方式，对你单位安全生产情况进行暗查暗访。",
    "举报核查": "核查群众举报反映的你单位安全生产问题。",
}
ONSITE_BASIS = "《中华人民共和国安全生产法》第六十五条第一款第（三）项"
LISTING_BODY = "江阴市安全生产委员会办公室"


# 整改措施 of the 五到位 for the showcase majors.
MAJOR_FIVE = {
    "dust_explosion:d03": "委托专业单位为布袋除尘器设计安装泄爆片，泄爆口导向室外安全区域；安装完成前停止抛光作业",
    "dust_explosion:d10": "制定并落实粉尘清理制度，每班清扫作业现场，设备顶部每周清理；配置防爆吸尘器",
    "dust_explosion:d06": "为木粉除尘器加装锁气卸灰装置，卸灰时停机并清理现场",
    "hazardous_chemicals:h20": "危险化学品按类别分区分库储存，清退超量物料，禁配物质隔离存放",
    "hazardous_chemicals:h18": "制定动火、受限空间等特殊作业管理制度，严格执行作业票审批和现场监护",
    "hazardous_chemicals:h17": "编制反应釜岗位操作规程，明确工艺控制指标并组织员工培训",
    "hazardous_chemicals:h16": "建立全员安全生产责任制和隐患排查治理制度，逐级签订责任书",
    "confined_space:cs03": "有限空间作业严格执行先通风、再检测、后作业，配备气体检测报警仪",
    "confined_space:cs02": "建立有限空间作业审批制度，作业前办理审批并落实监护人员",
    "gongmao_major_general:g01": "与各承租单位签订安全生产管理协议，纳入统一协调管理，每月开展联合安全检查",
    "gongmao_major_general:g14": "恢复冲压线安全光幕功能，设置防屏蔽措施并每班点检",
}


def opinion_text(results, new_deadline: date | None) -> str:
    """The 复查意见, worded as the re-inspection dialog words it."""
    if all(p for _f, p, _r in results):
        return "经复查，你单位已按要求将上述问题整改完毕，符合要求。"
    done = "、".join(str(i) for i, (_f, p, _r) in enumerate(results, 1) if p)
    late = [(i, r) for i, (_f, p, r) in enumerate(results, 1) if not p]
    how = "部分整改" if all(r == "部分整改" for _i, r in late) else "未整改到位"
    parts = [f"第{done}项已整改完毕，符合要求"] if done else []
    when = f"于{docs.cn_date(new_deadline)}前" if new_deadline else ""
    parts.append(f"第{'、'.join(str(i) for i, _r in late)}项{how}，责令你单位{when}整改完毕")
    return "经复查，" + "；".join(parts) + "。整改期间，你单位应当采取措施，确保安全生产。"

