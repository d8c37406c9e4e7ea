//! The words the flow rules read: verbs of moving and receiving, cues of
//! denial, negation and plans, and the words that name what moves.

use crate::model::What;

/// Verbs whose destination follows them: kept with the places, which read
/// them too.
pub(crate) use crate::extract::verbs::TO_VERBS;
/// Words after a verb that point back to the place of the sentence before.
pub(super) const ANAPHORA: &[&str] = &["这", "该", "此", "当地", "这里", "那里", "园区", "基地"];
/// Verbs whose destination is the 在/于 P before them.
pub(super) const IN_VERBS: &[&str] = &[
    "落户",
    "落地",
    "布局",
    "投资",
    "设立",
    "建立",
    "建设",
    "注册",
    "投产",
    "建厂",
    "设厂",
    "扎根",
    "安家",
    "入驻",
    "开工",
    "集聚",
    "聚集",
    "兴建",
    "新建",
    "成立",
    "生产",
    "建起",
    // Also in ESTABLISH, where they need a seat in parentheses after them.
    "投资建设",
    "投资设立",
    "投资成立",
    "注册成立",
];
/// Nouns that 生产 modifies rather than governs (家具生产企业, 生产线): the
/// verb names a kind of firm or plant, it does not happen.
pub(super) const MADE_BY: &[&str] = &[
    "企业", "厂", "厂家", "工厂", "线", "车间", "基地", "环节", "经营", "要素", "能力", "规模",
    "许可", "资料", "工艺", "单位",
];

/// `text` with every 生产 that modifies a noun after it left out.
pub(super) fn without_modifying_verbs(text: &str) -> String {
    MADE_BY
        .iter()
        .fold(text.to_string(), |t, m| t.replace(&format!("生产{m}"), m))
}

/// Verbs for which 到/赴/来 P says where, as 在 P does (北京企业到涿州投资
/// 建厂, 京企来冀投资, 天津到河北投资).
pub(super) const DAO_VERBS: &[&str] = &["投资", "落户", "建厂", "设厂", "安家", "扎根"];
/// Words after a place that make its firms local ones (廊坊本地企业), which
/// moved nowhere.
pub(super) const LOCAL: &[&str] = &["本地", "当地", "本土", "省内", "市内", "区内", "县内"];
/// Verbs that build something new where they happen.
pub(super) const BUILD_VERBS: &[&str] = &[
    "设立",
    "建立",
    "建设",
    "新建",
    "投资",
    "兴建",
    "建厂",
    "设厂",
    "投产",
    "开工",
    "投资建设",
    "建起",
];
/// Verbs whose destination is the 向 P before them.
pub(super) const TOWARD_VERBS: &[&str] = &[
    "转移", "疏解", "迁移", "搬迁", "输出", "集聚", "转出", "外迁", "聚集", "拨付", "输送", "投放",
    "投入",
];
/// Verbs whose origin follows them; the destination is their subject.
pub(super) const FROM_VERBS: &[&str] = &[
    "吸引落户",
    "引进落户",
    "实际利用",
    "利用",
    "新增",
    "招引落户",
    "签约引进",
    "承接",
    "引进",
    "吸引",
    "引入",
    "招引",
    "吸纳",
    "接收",
    "接纳",
    "签约",
    "迎来",
    "迎接",
];
/// Receiving verbs that also say two sides signed (A 与 P 签约N个项目).
pub(super) const SIGNING: &[&str] = &["签约"];
/// Verbs that set up a firm (whose seat in parentheses is the destination).
pub(super) const ESTABLISH: &[&str] = &[
    "注册成立",
    "投资设立",
    "投资成立",
    "投资建设",
    "成立",
    "设立",
    "注册",
    "组建",
    "新设",
];
/// First halves and second halves of paired slogans: 北京疏解、河北承接.
pub(super) const PAIR_FIRST: &[&str] = &[
    "疏解", "研发", "药", "设计", "孵化", "创新", "总部", "转移", "输出",
];
pub(super) const PAIR_SECOND: &[&str] = &[
    "承接",
    "转化",
    "制造",
    "生产",
    "产",
    "集聚",
    "落地",
    "产业化",
    "承载",
    "接收",
    "配套",
];
/// Words that make a whole sentence a denial or a rumour.
pub(super) const DENIALS: &[&str] = &[
    "不实",
    "辟谣",
    "否认",
    "谣言",
    "传言",
    "网传",
    "传闻",
    "纯属",
    "不属实",
    "假消息",
    "澄清",
    "并非事实",
    "流传",
    "据传",
    "传出",
    "小道消息",
];
/// Negations that cancel a verb just after them.
pub(super) const NEGATIONS: &[&str] = &[
    "没有",
    "并未",
    "未曾",
    "尚未",
    "不会",
    "不再",
    "暂无",
    "并无",
    "无意",
    "不打算",
    "不考虑",
    "拒绝",
    "未",
    "不",
];
pub(super) const PLAN_WORDS: &[&str] = &[
    "计划",
    "意向",
    "拟",
    "预计",
    "力争",
    "争取",
    "有望",
    "下一步",
    "未来",
    "即将",
    "打算",
    "准备",
    "目标",
    "规划",
    "将要",
    "希望",
];

/// People who come to a place without moving industry there: visitors,
/// delegations, students, patients.
pub(super) const VISITORS: &[&str] = &[
    "考察团",
    "代表团",
    "调研",
    "考察",
    "参观",
    "游客",
    "旅客",
    "客人",
    "客流",
    "人次",
    "访客",
    "领导",
    "嘉宾",
    "观众",
    "学生",
    "考生",
    "患者",
    "病人",
    "志愿者",
    "运动员",
    "客商",
    "采购商",
    "货车",
    "车辆",
    "人才",
    "专家",
    "院士",
    "博士",
];

/// Words before a place that name it as a landmark (see `is_landmark`).
pub(super) const LANDMARK_BEFORE: &[&str] = &[
    "到达", "抵达", "直达", "通达", "距离", "距", "远离", "毗邻", "紧邻", "临近", "靠近", "邻近",
];

/// What a receiving verb may take in without anything moving: contracts
/// and orders (吸纳京津技术合同2330份, 承接北京订单).
pub(super) const DEALS: &[&str] = &["合同", "订单"];

/// Words after a verb of moving that make it the name of an office (大红门
/// 疏解办, 搬迁指挥部): no move.
pub(super) const OFFICES: &[&str] = &["办", "指挥部", "领导小组", "工作组"];

/// Whether one of [`OFFICES`] starts at char `after` and ends by `end` (a
/// sentence's end): the verb before it names an office.
pub(super) fn names_an_office(chars: &[char], after: usize, end: usize) -> bool {
    OFFICES.iter().any(|o| {
        after + o.chars().count() <= end && crate::text::cues::starts_with_at(chars, after, o)
    })
}

/// Words that name what moves; a place shortly before one of them is its
/// home (北京企业, 北京一所市属三甲医院, 津冀地区大学的技术研究成果).
pub(super) const MOVERS: &[&str] = &[
    "企业",
    "企",
    "公司",
    "药企",
    "商户",
    "项目",
    "产业",
    "资金",
    "高校",
    "大学",
    "医院",
    "院所",
    "机构",
    "总部",
    "工厂",
    "基地",
    "成果",
    "技术",
    "市场",
    "单位",
    "集团",
    "厂",
    "产能",
    "生产线",
];

/// Words before a figure that say what it counts, for splitting a list of
/// things received into one flow each. 投资/总投资 describe the projects and
/// stay with them.
pub(super) const OBJECT_WORDS: &[(&str, What)] = &[
    ("资金", What::Capital),
    ("资本", What::Capital),
    ("引资", What::Capital),
    ("项目", What::Projects),
    ("企业", What::Firms),
    ("商户", What::Merchants),
    ("经营者", What::Merchants),
];

/// Words that open a sentence continuing the one before (另有680户商户…).
pub(super) const CONTINUES: &[&str] = &[
    "另有", "部分", "其余", "其他", "此外", "还有", "另外", "同时", "其中",
];

/// Industries too broad to say what moved (高精尖, 制造业): a flow names one
/// only when nothing more precise is there, and then names none.
pub(super) const UMBRELLAS: &[&str] = &["高精尖", "制造业", "先进制造业", "现代服务业", "高新技术"];

pub(super) const WHAT_WORDS: &[(&str, What)] = &[
    ("商户", What::Merchants),
    ("经营者", What::Merchants),
    ("商家", What::Merchants),
    ("摊位", What::Merchants),
    ("资金", What::Capital),
    ("资本", What::Capital),
    ("投资", What::Capital),
    ("项目", What::Projects),
    ("生产环节", What::Production),
    ("产能", What::Production),
    ("生产线", What::Production),
    ("生产基地", What::Production),
    ("制造环节", What::Production),
    ("工厂", What::Production),
    ("技术", What::Technology),
    ("成果", What::Technology),
    ("企业", What::Firms),
    ("公司", What::Firms),
    ("药企", What::Firms),
    ("京企", What::Firms),
    ("厂", What::Firms),
    ("总部", What::Firms),
    ("集团", What::Firms),
    ("功能", What::Functions),
    ("医院", What::Functions),
    ("高校", What::Functions),
    ("校区", What::Functions),
    ("机构", What::Functions),
    ("单位", What::Functions),
    ("产业", What::Industry),
    ("行业", What::Industry),
];

pub(super) const FIRM_SUFFIXES: &[&str] =
    &["有限责任公司", "有限公司", "公司", "集团", "工厂", "厂"];
