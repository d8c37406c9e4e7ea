//! Reported figures: every number with a unit, what it counts, the period
//! it refers to and whether it is a goal.
//!
//! Dates, years, plan names (十三五), ordinals (第一), model names (ix35,
//! 5G) and numbers without a unit are not figures. Chinese numerals below
//! ten count only as things counted (两家医院, not 两个一百年 or 这三家)
//! or as 倍/成 (提升一倍), and only as whole words, so idioms such as
//! 千家万户 stay words. 三成 is reported as 30%.

mod kinds;
mod period;

use crate::model::{Evidence, Figure, Span};
use crate::text::chars::is_clause_break;
use crate::text::cues::{future_jiang, starts_with_at, token_at};
use crate::text::numbers::{self, Number};
use crate::text::sentences::Sentence;
use crate::text::tokens::{CharIndex, Token};
pub(crate) use period::period_before;

/// Units, longest first where one is a prefix of another. The second field
/// is the base unit reported.
const UNITS: &[(&str, &str)] = &[
    ("个百分点", "百分点"),
    ("百分点", "百分点"),
    ("平方公里", "平方公里"),
    ("平方千米", "平方公里"),
    ("平方米", "平方米"),
    ("平米", "平方米"),
    ("千瓦时", "千瓦时"),
    ("人民币", "元"),
    ("美元", "美元"),
    ("欧元", "欧元"),
    ("港元", "港元"),
    ("日元", "日元"),
    ("英镑", "英镑"),
    ("人次", "人次"),
    ("公顷", "公顷"),
    ("公里", "公里"),
    ("千米", "公里"),
    ("公斤", "公斤"),
    ("千克", "公斤"),
    ("千瓦", "千瓦"),
    ("兆瓦", "兆瓦"),
    ("吉瓦", "吉瓦"),
    ("标箱", "标箱"),
    ("元", "元"),
    ("块", "元"),
    ("%", "%"),
    ("％", "%"),
    ("家", "家"),
    ("个", "个"),
    ("项", "项"),
    ("户", "户"),
    ("台", "台"),
    ("辆", "辆"),
    ("套", "套"),
    ("座", "座"),
    ("条", "条"),
    ("所", "所"),
    ("件", "件"),
    ("名", "名"),
    ("人", "人"),
    ("位", "位"),
    ("批次", "批次"),
    ("批", "批"),
    ("宗", "宗"),
    ("笔", "笔"),
    ("栋", "栋"),
    ("款", "款"),
    ("张", "张"),
    ("架", "架"),
    ("颗", "颗"),
    ("幢", "幢"),
    ("间", "间"),
    ("场", "场"),
    ("处", "处"),
    ("GWh", "GWh"),
    ("MWh", "MWh"),
    ("kWh", "千瓦时"),
    ("GW", "GW"),
    ("MW", "MW"),
    ("TEU", "标箱"),
    ("吨", "吨"),
    ("亩", "亩"),
    ("米", "米"),
    ("倍", "倍"),
    ("成", "成"),
];

/// Units written in Latin letters (20GWh): a number before other letters is a
/// model name (5G, ix35).
const ASCII_UNITS: &[&str] = &["GWh", "MWh", "kWh", "GW", "MW", "TEU"];

/// Nouns a count runs straight into, with the measure word they imply
/// (200多商户, 五企业): the figure is the number, the noun what it counts.
const IMPLIED_UNITS: &[(&str, &str)] = &[("商户", "户"), ("企业", "家")];

/// Words of money before a scaled number with no unit (投资120亿, 亏损30亿):
/// the amount is in 元.
const MONEY_WORDS: &[&str] = &[
    "投资",
    "资金",
    "产值",
    "营收",
    "收入",
    "利润",
    "亏",
    "税",
    "销售额",
    "交易额",
    "成交额",
    "融资",
    "贷款",
    "资产",
    "市值",
    "营业额",
    "出口额",
    "进口额",
    "总额",
    "估值",
    "补贴",
    "奖励",
    "基金",
    "成本",
    "花费",
    "耗资",
    "预算",
    "财政",
    "押金",
    "租金",
    "工资",
    "价格",
    "售价",
    "罚款",
    "赔偿",
];

/// Chinese numerals below ten count only with these measure words
/// (两家三级医院, 五家公司), and not before a slogan's words (两个一百年,
/// 三位一体, 四个全面) or the aspects of a speech (三个特点, 两个方面).
const SMALL_COUNT_UNITS: &[&str] = &[
    "家", "个", "项", "户", "台", "辆", "套", "座", "条", "所", "件", "名", "人", "位", "宗", "栋",
];
const SLOGAN_AFTER: &[&str] = &[
    "一体",
    "一百年",
    "全面",
    "自信",
    "维护",
    "务必",
    "代表",
    "基本点",
    "之一",
    "中心",
    "结合",
    "坚持",
    "意识",
    "统筹",
    "确立",
    "毫不动摇",
    "大局",
    "明确",
    "特点",
    "方面",
    "层面",
    "台阶",
    "原则",
    "阶段",
    "环节",
    "维度",
];
/// Words before a small count that point back to things already counted
/// (这三家) or rank them (前两家); not 目前, 随后 and the like.
const SMALL_COUNT_BEFORE: &[char] = &['这', '那', '前', '后', '每', '首', '头', '该', '此', '哪'];

/// Units that say how many of something (for flows' counts).
pub const COUNT_UNITS: &[&str] = &[
    "家", "个", "项", "户", "台", "辆", "套", "座", "条", "所", "件", "名", "人", "位", "批", "宗",
    "笔", "栋", "款",
];
/// Currency units (for flows' amounts).
pub const MONEY_UNITS: &[&str] = &["元", "美元", "欧元", "港元", "日元", "英镑"];

const BEFORE: &[&str] = &[
    "将近", "接近", "超过", "多达", "达到", "突破", "不足", "不到", "低于", "高于", "大约", "至少",
    "最多", "近", "约", "超", "逾", "达", "仅",
];
const AFTER: &[&str] = &["以上", "左右", "上下", "以内", "以下", "余", "多"];
/// What follows a number that makes it a date or a time, not a figure.
const TIME_AFTER: &[char] = &[
    '年', '月', '日', '号', '时', '点', '分', '秒', '岁', '季', '周',
];
const TARGET_WORDS: &[&str] = &[
    "计划", "预计", "力争", "争取", "有望", "目标", "规划", "确保", "预期", "拟", "将",
];

/// A figure in the making (char offsets), before evidence is attached.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: u32,
    pub end: u32,
    /// Start of the number itself (after a qualifier such as 近).
    pub num_start: u32,
    pub value: f64,
    pub unit: &'static str,
    pub raw: String,
    pub qualifier: Option<String>,
}

fn ends_with_at(chars: &[char], end: usize, w: &str) -> bool {
    let n = w.chars().count();
    end >= n && starts_with_at(chars, end - n, w)
}

fn is_boundary_start(tokens: &[Token], pos: u32) -> bool {
    token_at(tokens, pos).is_none_or(|i| tokens[i].start == pos)
}

fn is_boundary_end(tokens: &[Token], pos: u32) -> bool {
    pos == 0 || token_at(tokens, pos - 1).is_none_or(|i| tokens[i].end == pos)
}

/// Finds the numbers with units in chars `range` of `chars`.
pub fn scan(chars: &[char], tokens: &[Token], from: usize, to: usize) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let c = chars[i];
        let starts = c.is_ascii_digit() || numbers::is_chinese_numeral(c);
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let continues = prev.is_some_and(|p| {
            p.is_ascii_digit()
                || p == '.'
                || (numbers::is_chinese_numeral(p) && !c.is_ascii_digit())
        });
        if !starts || continues {
            i += 1;
            continue;
        }
        let Some(n) = numbers::parse_at(&chars[..to], i) else {
            i += 1;
            continue;
        };
        let next = i + n.len.max(1);
        if let Some(f) = figure_at(chars, tokens, i, n, to) {
            i = f.end as usize;
            out.push(f);
        } else {
            i = next;
        }
    }
    out
}

fn figure_at(chars: &[char], tokens: &[Token], at: usize, n: Number, to: usize) -> Option<Found> {
    let prev = if at > 0 { Some(chars[at - 1]) } else { None };
    let num_end = at + n.len;
    let after = chars.get(num_end).copied();
    // Model names, formulas, ordinals: ix35, 5G, 2+4+46, 第一.
    if prev
        .is_some_and(|p| p.is_ascii_alphabetic() || p == '+' || p == '第' || p == '-' || p == '/')
        || after.is_some_and(|a| {
            (a.is_ascii_alphabetic()
                && !ASCII_UNITS
                    .iter()
                    .any(|u| starts_with_at(chars, num_end, u)))
                || a == '+'
                || a == '-'
                || a == '/'
                || a == ':'
        })
    {
        return None;
    }
    if n.chinese {
        let run: String = chars[at..num_end].iter().collect();
        // 十三五, 十四五: plan names.
        if run.chars().count() == 3 && run.starts_with('十') && run.ends_with('五') {
            return None;
        }
    }
    // 三分之一, 百分之五十: a fraction, in percent.
    if starts_with_at(chars, num_end, "分之") && n.value > 0.0 {
        let k = num_end + 2;
        if let Some(m) = numbers::parse_at(&chars[..to], k).filter(|m| m.value <= n.value) {
            let end = k + m.len;
            return Some(Found {
                start: at as u32,
                end: end as u32,
                num_start: at as u32,
                value: (m.value / n.value * 10000.0).round() / 100.0,
                unit: "%",
                raw: chars[at..end].iter().collect(),
                qualifier: None,
            });
        }
    }
    // A qualifier after the number: 10600余家, 2000多户.
    let mut j = num_end;
    let mut after_q = None;
    for q in AFTER {
        if matches!(*q, "余" | "多") && starts_with_at(chars, j, q) {
            after_q = Some(*q);
            j += q.chars().count();
            break;
        }
    }
    // 300余亿元, 2000多万人: the scale comes after the qualifier.
    let mut value = n.value;
    let mut scaled = n.scaled;
    if after_q.is_some() {
        let scales = [
            ("万亿", 1e12),
            ("千万", 1e7),
            ("百万", 1e6),
            ("亿", 1e8),
            ("万", 1e4),
        ];
        if let Some((s, k)) = scales.iter().find(|(s, _)| starts_with_at(chars, j, s)) {
            value *= k;
            scaled = true;
            j += s.chars().count();
        }
    }
    // 150 平方公里, 超20 亿元: a space the page set between a number and
    // its scale or unit (not 第 3 批, an ordinal).
    if at >= 2 && chars[at - 1] == ' ' && chars[at - 2] == '第' {
        return None;
    }
    if !n.chinese && matches!(chars.get(j), Some(' ' | '\u{a0}')) {
        j += 1;
        let scales = [("万亿", 1e12), ("亿", 1e8), ("万", 1e4)];
        if let Some((s, k)) = scales.iter().find(|(s, _)| starts_with_at(chars, j, s)) {
            if !scaled {
                value *= k;
                scaled = true;
                j += s.chars().count();
            }
        }
    }
    if chars.get(j).is_some_and(|c| TIME_AFTER.contains(c)) {
        return None;
    }
    // 3个月, 1个多月: a duration.
    if [
        "个月",
        "个小时",
        "个多月",
        "个多小时",
        "个半月",
        "个半小时",
        "个星期",
        "个多星期",
    ]
    .iter()
    .any(|w| starts_with_at(chars, j, w))
    {
        return None;
    }
    let mut unit: Option<(&str, &'static str)> = None;
    for (u, base) in UNITS {
        if j + u.chars().count() <= to && starts_with_at(chars, j, u) {
            let end = (j + u.chars().count()) as u32;
            // Chinese numerals and single-char units must end on a word
            // boundary (千家万户 is one word).
            if n.chinese && !is_boundary_end(tokens, end) {
                continue;
            }
            unit = Some((u, base));
            break;
        }
    }
    // 近百家, 逾千人, 上千家: a qualifier and a round number in one word.
    let qualified_round = n.chinese
        && matches!(chars[at], '百' | '千' | '万')
        && at > 0
        && matches!(chars[at - 1], '近' | '逾' | '超' | '上' | '约')
        && is_boundary_start(tokens, at as u32 - 1);
    // 亿元 right after a number and a space is no number of its own (超20
    // 亿元 read from its 亿); 万余人 is one.
    if n.chinese
        && matches!(chars[at], '万' | '亿')
        && at > 0
        && (chars[at - 1] == ' ' || chars[at - 1].is_ascii_digit())
    {
        return None;
    }
    // 200多商户, 五企业: the noun implies its measure word.
    // (Not a hotline's number or a year: 12345企业服务热线, 2023企业家大会.)
    let implied = IMPLIED_UNITS
        .iter()
        .find(|(noun, _)| starts_with_at(chars, j, noun))
        .map(|(_, base)| *base)
        .filter(|_| {
            unit.is_none()
                && n.value < 10000.0
                && !starts_with_at(chars, j, "企业家")
                && !(after_q.is_none() && (1900.0..2100.0).contains(&n.value))
        });
    if n.chinese {
        if !is_boundary_start(tokens, at as u32) && !qualified_round {
            return None;
        }
        let base = match (unit, implied) {
            (Some((_, base)), _) | (None, Some(base)) => base,
            (None, None) => return None,
        };
        let unit_end = j + unit.map_or(0, |(u, _)| u.chars().count());
        if n.value < 10.0
            && !matches!(base, "倍" | "成")
            && !small_count(chars, at, unit_end, &n, base)
        {
            return None;
        }
    }
    let (unit_len, base) = match (unit, implied) {
        (Some((u, base)), _) => (u.chars().count(), base),
        (None, Some(base)) => (0, base),
        // 产值30亿: a scaled number standing alone; 投资120亿 is in 元.
        (None, None) if scaled && !n.chinese => {
            (0, if money_before(chars, at) { "元" } else { "" })
        }
        (None, None) => return None,
    };
    let mut end = j + unit_len;
    let mut after_q2 = None;
    for q in AFTER {
        if !matches!(*q, "余" | "多") && starts_with_at(chars, end, q) {
            after_q2 = Some(*q);
            end += q.chars().count();
            break;
        }
    }
    // A qualifier before: 近800项, 超过250余项, 突破2500亿元.
    let mut start = at;
    let mut before_q = None;
    // 上千家: "over a thousand", said only of round numbers.
    if qualified_round && chars[at - 1] == '上' {
        before_q = Some("上");
        start = at - 1;
    }
    for q in BEFORE.iter().filter(|_| before_q.is_none()) {
        // A qualifier is a word of its own: the 约 of 签约52个项目 is not
        // "about", nor the 近 of 最近 or the 达 of 到达 (将近 wins over 近 by
        // order).
        let q_start = at.saturating_sub(q.chars().count());
        if ends_with_at(chars, at, q) && is_boundary_start(tokens, q_start as u32) {
            before_q = Some(*q);
            start = at - q.chars().count();
            break;
        }
    }
    let qualifier = match (before_q, after_q.or(after_q2)) {
        (Some(b), Some(a)) => Some(format!("{b}…{a}")),
        (Some(b), None) => Some(b.to_string()),
        (None, Some(a)) => Some(a.to_string()),
        (None, None) => None,
    };
    // 三成 is 30%.
    let (value, base) = if base == "成" {
        (value * 10.0, "%")
    } else {
        (value, base)
    };
    Some(Found {
        start: start as u32,
        end: end as u32,
        num_start: at as u32,
        value,
        unit: base,
        raw: chars[start..end].iter().collect(),
        qualifier,
    })
}

/// A count below ten in Chinese numerals (两家, 五家公司): whole, two or
/// more, in a measure word of things counted, not pointing back (这三家) or
/// ranking (前两家), and not a slogan's (两个一百年).
fn small_count(chars: &[char], at: usize, unit_end: usize, n: &Number, base: &str) -> bool {
    n.value >= 2.0
        && n.value.fract() == 0.0
        && SMALL_COUNT_UNITS.contains(&base)
        && !SLOGAN_AFTER
            .iter()
            .any(|w| starts_with_at(chars, unit_end, w))
        && !(at > 0
            && SMALL_COUNT_BEFORE.contains(&chars[at - 1])
            && !(at > 1
                && [
                    "目前", "此前", "之前", "随后", "之后", "然后", "最后", "今后", "此后", "以后",
                ]
                .iter()
                .any(|w| ends_with_at(chars, at, w))))
}

/// Does the clause before `at` speak of money (投资, 产值, 亏损…)?
fn money_before(chars: &[char], at: usize) -> bool {
    let before = kinds::clause_before(chars, at, 0);
    // 低收入人口, 纳税人数: people counted, not money.
    let people = ["人口", "人数", "人员", "户数", "居民", "纳税人", "低收入"]
        .iter()
        .any(|w| before.contains(w));
    !people && MONEY_WORDS.iter().any(|w| before.contains(w))
}

/// Finds the figures of a whole text, with what they count, their period,
/// whether they are goals, and their evidence sentence.
pub fn find(
    text: &str,
    chars: &[char],
    index: &CharIndex,
    tokens: &[Token],
    sentences: &[Sentence],
    original: &dyn Fn(Span) -> Span,
) -> Vec<Figure> {
    let mut out = Vec::new();
    for s in sentences {
        let (a, b) = (s.start as usize, s.end as usize);
        for f in scan(chars, tokens, a, b) {
            if kinds::not_a_figure(chars, &f, a) {
                continue;
            }
            let mut counts = counts_phrase(text, chars, tokens, &f, a, b);
            // 分别为6.73%、3.58%、2.08%: a figure listed after another of the
            // same unit counts the same thing.
            if counts.is_empty() {
                if let Some(prev) = out.last().filter(|p: &&Figure| {
                    p.unit == f.unit
                        && p.span.end < f.start
                        && p.span.start >= s.start
                        && chars[p.span.end as usize..f.start as usize]
                            .iter()
                            .all(|&c| c == '、')
                }) {
                    counts = prev.counts.clone();
                }
            }
            let period = period_before(chars, a, f.start as usize, b);
            let is_target = is_target(text, tokens, chars, a, f.start as usize, f.end as usize, b);
            let span = Span {
                start: s.start,
                end: s.end,
            };
            out.push(Figure {
                value: f.value,
                unit: f.unit.to_string(),
                raw: f.raw.clone(),
                counts,
                period,
                place: None,
                is_target,
                qualifier: f.qualifier.clone(),
                span: Span {
                    start: f.start,
                    end: f.end,
                },
                evidence: Evidence {
                    text: index.slice(text, s.start, s.end).to_string(),
                    span,
                    original: original(span),
                },
            });
        }
    }
    out
}

/// How far rules look around a figure: a sentence of a megabyte (a page
/// with no stops) must not make every figure read all of it.
const REACH: usize = 300;

fn clause_bounds(chars: &[char], sent_start: usize, at: usize, sent_end: usize) -> (usize, usize) {
    let floor = sent_start.max(at.saturating_sub(REACH));
    let ceil = sent_end.min(at + REACH);
    let mut a = at;
    while a > floor && !is_clause_break(chars[a - 1]) {
        a -= 1;
    }
    let mut b = at;
    while b < ceil && !is_clause_break(chars[b]) {
        b += 1;
    }
    (a, b)
}

fn is_target(
    text: &str,
    tokens: &[Token],
    chars: &[char],
    sent_start: usize,
    at: usize,
    end: usize,
    sent_end: usize,
) -> bool {
    let (ca, cb) = clause_bounds(chars, sent_start, at, sent_end);
    let clause_before: String = chars[ca..at].iter().collect();
    let clause: String = chars[ca..cb.max(end)].iter().collect();
    let sentence_before: String = chars[sent_start.max(at.saturating_sub(REACH))..at]
        .iter()
        .collect();
    let marker = TARGET_WORDS.iter().any(|w| {
        if *w == "将" {
            // 将 as "will", not 将近 (nearly) or 将 = 把 (将3条生产线转至…).
            (ca..at).any(|p| chars[p] == '将' && future_jiang(text, tokens, p as u32))
        } else {
            clause_before.contains(w)
        }
    });
    // 到2022年 / 到“十四五”末, anywhere before in the sentence.
    let by_year = sentence_before.match_indices('到').any(|(i, _)| {
        let rest = &sentence_before[i + '到'.len_utf8()..];
        let rest = rest.trim_start_matches(['“', '"']);
        rest.starts_with("20") || rest.starts_with("十")
    });
    marker || by_year || clause.contains("目标")
}

/// Verbs that end the noun phrase after a number (52个项目在…落地).
const PREDICATES: &[&str] = &[
    "来自", "赴", "落户", "落地", "入驻", "迁往", "迁至", "搬迁", "位于", "是", "有", "开展",
    "实现", "完成", "达到", "签约", "参加", "进入", "分布", "集中", "涉及", "覆盖", "参与", "获得",
    "已", "将", "均", "都", "共", "疏解", "外迁", "转移", "落", "建成", "投产", "开工",
];

fn noun_like(tag: &str) -> bool {
    tag.starts_with('n')
        || matches!(
            tag,
            "vn" | "an" | "j" | "l" | "b" | "a" | "eng" | "x" | "" | "s" | "g" | "i"
        )
}

fn verb_like(tag: &str) -> bool {
    tag.starts_with('v') && tag != "vn"
}

/// What a figure counts, as a noun phrase: not a place (其中怀柔区12家) nor
/// a bare verb of being (有, 是).
fn counts_phrase(
    text: &str,
    chars: &[char],
    tokens: &[Token],
    f: &Found,
    sent_start: usize,
    sent_end: usize,
) -> String {
    let c = counts_raw(text, chars, tokens, f, sent_start, sent_end);
    let place = crate::extract::places::gazetteer()
        .resolve_name(&c)
        .is_some();
    // 京企 (Beijing's firms) is a noun phrase; 天津 alone is not.
    if place && !c.ends_with('企') {
        return String::new();
    }
    if matches!(c.as_str(), "有" | "是" | "为" | "达" | "共有") {
        return String::new();
    }
    c
}

/// What a figure counts, as the sentence puts it. A measure word binds to the noun after it
/// (52个集成电路、智能制造等重大产业项目; 近2000户来自北京…的服装经营者),
/// so that comes first; otherwise the phrase before the number, with the
/// verb that governs it (疏解退出一般制造业企业2154家, 占到…工业总产值的42%),
/// or the noun a verb reports on (年产能迅速提升至30万台), or the verb alone
/// (同比增长8.4%).
fn counts_raw(
    text: &str,
    chars: &[char],
    tokens: &[Token],
    f: &Found,
    sent_start: usize,
    sent_end: usize,
) -> String {
    let (ca, cb) = clause_bounds(chars, sent_start, f.start as usize, sent_end);
    let w = |t: &Token| t.text(text);
    let is_punct = |t: &Token| w(t).chars().all(|c| !c.is_alphanumeric());
    let join = |a: usize, b: usize| -> String {
        text.get(tokens[a].byte_start as usize..tokens[b].byte_end as usize)
            .unwrap_or("")
            .to_string()
    };
    // A noun phrase from token `k` on: nouns (and the verbs of a name:
    // 审批服务改革创新举措) joined by 、/等/和/及, quotes passed over, up to a
    // predicate, a preposition or punctuation.
    let measure = COUNT_UNITS.contains(&f.unit);
    let noun_run = |mut k: usize| -> Option<(usize, usize)> {
        let first = k;
        let mut last = None;
        while k < tokens.len() && (tokens[k].start as usize) < cb {
            let t = &tokens[k];
            let word = w(t);
            if matches!(word, "“" | "”" | "‘" | "’" | "「" | "」" | "《" | "》") {
                k += 1;
                continue;
            }
            if matches!(word, "、" | "等" | "和" | "及" | "与") && last.is_some() {
                k += 1;
                continue;
            }
            let ok = noun_like(t.tag)
                || (measure && verb_like(t.tag) && last.is_some() && !PREDICATES.contains(&word));
            if is_punct(t) || !ok || t.end - tokens[first].start > 24 {
                break;
            }
            last = Some(k);
            k += 1;
        }
        last.map(|l| (first, l))
    };
    // 1. After the unit.
    if let Some(k) = token_at(tokens, f.end).filter(|&k| tokens[k].start == f.end) {
        if let Some((a, b)) = noun_run(k) {
            // 14项含金量高、支撑性强的重点改革: adjectives describe the noun
            // after 的, which is what is counted.
            let described = (a..=b).any(|i| tokens[i].tag == "a")
                && tokens.get(b + 1).is_some_and(|t| w(t) == "的");
            if let Some((na, nb)) = described.then(|| noun_run(b + 2)).flatten() {
                return join(na, nb);
            }
            return join(a, b);
        }
        // 120余家一级供应商: a grade before the noun.
        if tokens[k].tag == "m" {
            if let Some((_, b)) = noun_run(k + 1) {
                return join(k, b);
            }
        }
        // 来自北京…的服装经营者: the noun after the relative clause.
        if verb_like(tokens[k].tag) {
            let mut j = k;
            while j < tokens.len() && (tokens[j].start as usize) < cb && tokens[j].end - f.end <= 40
            {
                if w(&tokens[j]) == "的" {
                    if let Some((a, b)) = noun_run(j + 1) {
                        return join(a, b);
                    }
                    break;
                }
                j += 1;
            }
        }
    }
    // 2. Before the number, within the clause.
    let Some(mut k) = token_at(tokens, f.start.saturating_sub(1)).filter(|_| f.start as usize > ca)
    else {
        return String::new();
    };
    let in_clause = |k: usize| tokens[k].start as usize >= ca && !is_punct(&tokens[k]);
    // A word that holds the qualifier (已超 of 已超90%) is part of the figure.
    while tokens[k].end > f.start && k > 0 {
        k -= 1;
    }
    // Skip what sits between a phrase and its number: 的, 至, adverbs.
    while in_clause(k)
        && (matches!(w(&tokens[k]), "的" | "至" | "到" | "为" | "了")
            || matches!(tokens[k].tag, "d" | "p" | "m" | "q"))
    {
        if k == 0 {
            return String::new();
        }
        k -= 1;
    }
    if !in_clause(k) {
        return String::new();
    }
    let back =
        |mut k: usize, want: &dyn Fn(&Token) -> bool, max: usize| -> Option<(usize, usize)> {
            let last = k;
            let mut first = None;
            let mut n = 0;
            while in_clause(k) && want(&tokens[k]) && n < max {
                first = Some(k);
                n += 1;
                if k == 0 {
                    break;
                }
                k -= 1;
            }
            first.map(|f| (f, last))
        };
    let nounish = |t: &Token| noun_like(t.tag) && !verb_like(t.tag);
    let verbish = |t: &Token| verb_like(t.tag);
    if nounish(&tokens[k]) {
        // [verb] noun… NUMBER
        let (a, b) = back(k, &nounish, 8).unwrap_or((k, k));
        // Drop a subject that starts the phrase (我省/全市 累计…).
        let mut a = a;
        while a < b
            && (matches!(tokens[a].tag, "r" | "t")
                || matches!(w(&tokens[a]), "全市" | "全省" | "我省" | "本市" | "我市"))
        {
            a += 1;
        }
        if a > 0 {
            if let Some((va, _)) = back(a - 1, &verbish, 2) {
                return join(va, b);
            }
        }
        return join(a, b);
    }
    if verbish(&tokens[k]) {
        // noun [adverb] verb NUMBER: the noun it reports on, else the verb.
        let (va, vb) = back(k, &verbish, 2).unwrap_or((k, k));
        let mut j = va;
        while j > 0 && in_clause(j - 1) && matches!(tokens[j - 1].tag, "d" | "ad" | "t") {
            j -= 1;
        }
        if j > 0 && in_clause(j - 1) && nounish(&tokens[j - 1]) {
            if let Some((na, nb)) = back(j - 1, &nounish, 6) {
                return join(na, nb);
            }
        }
        return join(va, vb);
    }
    String::new()
}

#[cfg(all(test, feature = "segment"))]
mod tests {
    use crate::extract::analyze::document_from_text;
    use crate::model::Figure;

    fn figures(text: &str) -> Vec<Figure> {
        document_from_text(text).figures
    }

    fn values(f: &[Figure]) -> Vec<(f64, &str, &str)> {
        f.iter()
            .map(|x| (x.value, x.unit.as_str(), x.raw.as_str()))
            .collect()
    }

    #[test]
    fn a_scaled_value_is_in_base_units() {
        let f = figures("该项目总投资12亿元，占地2.5万平方米。");
        assert_eq!(
            values(&f),
            [(1.2e9, "元", "12亿元"), (25000.0, "平方米", "2.5万平方米")]
        );
        assert_eq!(f[0].qualifier, None);
    }

    #[test]
    fn small_counts_in_chinese_numerals() {
        let f = figures("该市将建成两家三级医院和两所学校，五企业先行落地。");
        assert_eq!(
            values(&f),
            [(2.0, "家", "两家"), (2.0, "所", "两所"), (5.0, "家", "五")]
        );
        assert!(f[2].counts.starts_with("企业"), "{}", f[2].counts);
        // Slogans, things counted before, ranks and the indefinite 一 are not.
        assert!(figures("坚持两个一百年，做到三位一体，两个毫不动摇。").is_empty());
        assert_eq!(
            values(&figures("目前两家企业已签约。")),
            [(2.0, "家", "两家")]
        );
        assert!(figures("这三家企业都在前两家之后，一家公司落户。").is_empty());
    }

    #[test]
    fn fractions_are_percent_and_a_month_and_more_is_a_duration() {
        let f = figures("引进北京企业占到五分之一，园区里三分之一的面积是草坪。");
        assert_eq!(
            values(&f),
            [(20.0, "%", "五分之一"), (33.33, "%", "三分之一")]
        );
        assert!(figures("工厂刚从大兴搬迁过来1个多月。").is_empty());
        assert!(figures("此次开工项目呈现三个特点。").is_empty());
        let f = figures("宿舍共261间，每间约20平米。");
        assert_eq!(
            values(&f),
            [(261.0, "间", "261间"), (20.0, "平方米", "约20平米")]
        );
    }

    #[test]
    fn a_count_running_into_its_noun() {
        let f = figures("鞋城现有200多商户在经营。");
        assert_eq!(values(&f), [(200.0, "户", "200多")]);
        assert_eq!(values(&figures("约2000多商户来自动批。"))[0].0, 2000.0);
        assert!(figures("2023企业家大会开幕，拨打12345企业服务热线。").is_empty());
        assert_eq!(f[0].counts, "商户");
    }

    #[test]
    fn tenths_are_percent_and_points_are_points() {
        let f = figures("其中超过三成来自北京，比上年提高1.1个百分点。");
        assert_eq!(
            values(&f),
            [(30.0, "%", "超过三成"), (1.1, "百分点", "1.1个百分点")]
        );
    }

    #[test]
    fn a_space_before_the_unit_and_money_without_its_unit() {
        let f = figures("规划面积150 平方公里，该项目总投资超20 亿元。");
        assert_eq!(
            values(&f),
            [
                (150.0, "平方公里", "150 平方公里"),
                (2e9, "元", "超20 亿元")
            ]
        );
        let f = figures("该厂5年投资120亿，带动1.3万人就业。");
        assert_eq!(values(&f)[0], (1.2e10, "元", "120亿"));
        // 8 月 is a month, 第 3 批 an ordinal; people counted are no money.
        assert!(figures("该项目今年 8 月开工，第 3 批名单公布。").is_empty());
        assert_eq!(values(&figures("全市低收入人口约12万。"))[0].1, "");
        // A round number of Chinese numerals is one.
        assert_eq!(
            values(&figures("带动万余人就业。")),
            [(10000.0, "人", "万余人")]
        );
    }

    #[test]
    fn figures_listed_with_the_same_unit_count_the_same_thing() {
        let f = figures("2023年三地研发投入强度分别为6.73%、3.58%、2.08%。");
        let c: Vec<_> = f.iter().map(|x| x.counts.as_str()).collect();
        assert_eq!(c, ["投入强度", "投入强度", "投入强度"]);
    }

    #[test]
    fn a_round_number_with_its_qualifier_in_one_word() {
        let f = figures("其中近百家已投产，园区吸引上千家企业，逾千人参加培训，超百家企业入驻。");
        assert_eq!(
            values(&f),
            [
                (100.0, "家", "近百家"),
                (1000.0, "家", "上千家"),
                (1000.0, "人", "逾千人"),
                (100.0, "家", "超百家")
            ]
        );
        let q: Vec<_> = f.iter().map(|x| x.qualifier.as_deref()).collect();
        assert_eq!(q, [Some("近"), Some("上"), Some("逾"), Some("超")]);
        // A round number with no qualifier is a word, not a figure.
        assert!(figures("百家争鸣，千家万户。").is_empty());
    }

    #[test]
    fn a_qualifier_is_kept_before_or_after_the_number() {
        let f = figures("园区已吸引超过300家企业入驻，另有600余家正在洽谈，带动就业近1.2万人。");
        assert_eq!(
            values(&f),
            [
                (300.0, "家", "超过300家"),
                (600.0, "家", "600余家"),
                (12000.0, "人", "近1.2万人")
            ]
        );
        let q: Vec<_> = f.iter().map(|x| x.qualifier.as_deref()).collect();
        assert_eq!(q, [Some("超过"), Some("余"), Some("近")]);
    }

    #[test]
    fn the_end_of_a_word_is_no_qualifier() {
        // 签约 ends in 约, 最近 in 近: neither is "about".
        let f = figures("双方签约52个项目，总投资约30亿元；最近3个月又有企业赶超20家。");
        let got: Vec<_> = f
            .iter()
            .map(|x| (x.raw.as_str(), x.qualifier.as_deref()))
            .collect();
        assert_eq!(got[0], ("52个", None), "{got:?}");
        assert_eq!(got[1], ("约30亿元", Some("约")), "{got:?}");
        assert!(
            got.iter()
                .all(|(raw, _)| !raw.starts_with('近') && !raw.starts_with('超')),
            "{got:?}"
        );
    }

    /// Regression: a qualifier between the number and its scale (300余亿元)
    /// lost the whole figure.
    #[test]
    fn a_scale_after_the_qualifier_still_scales() {
        let f = figures("园区去年实现产值300余亿元，吸纳就业2000多万人次。");
        assert_eq!(
            values(&f),
            [(3e10, "元", "300余亿元"), (2e7, "人次", "2000多万人次")]
        );
        assert_eq!(f[0].qualifier.as_deref(), Some("余"));
    }

    #[test]
    fn what_a_figure_counts_is_the_noun_it_measures() {
        let f = figures("全市共有52个重点项目开工建设。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].counts, "重点项目");
        let f = figures("天津港今年集装箱吞吐量达到2100万标箱。");
        assert_eq!(values(&f), [(2.1e7, "标箱", "达到2100万标箱")]);
        assert_eq!(f[0].counts, "集装箱吞吐量");
    }

    #[test]
    fn the_period_is_the_time_named_before_the_figure() {
        let f = figures("2023年，全省新能源汽车产量增长了35%。");
        assert_eq!(values(&f), [(35.0, "%", "35%")]);
        assert_eq!(f[0].period.as_deref(), Some("2023年"));
        let f = figures("去年全市数字经济规模达到6500亿元。");
        assert_eq!(f[0].period.as_deref(), Some("去年"));
        assert!(!f[0].is_target);
    }

    #[test]
    fn a_goal_is_a_target_not_a_result() {
        let f = figures("到2025年，全市数字经济规模力争突破8000亿元。");
        assert_eq!(values(&f), [(8e11, "元", "突破8000亿元")]);
        assert!(f[0].is_target);
        assert_eq!(f[0].qualifier.as_deref(), Some("突破"));
        // The plan's name is its period, not a figure.
        let f = figures("“十四五”期间，该市计划新建5个产业园区。");
        assert_eq!(values(&f), [(5.0, "个", "5个")]);
        assert_eq!(f[0].period.as_deref(), Some("十四五"));
        assert!(f[0].is_target);
    }

    #[test]
    fn dates_ordinals_plan_names_and_model_names_are_not_figures() {
        let f = figures("2024年3月15日，第一批5G基站在雄安投入使用，“十三五”规划的任务也已完成。");
        assert!(f.is_empty(), "{:?}", values(&f));
        assert!(figures("新能源汽车走进千家万户。").is_empty());
    }

    #[test]
    fn chinese_numerals_count_whole_words() {
        let f = figures("园区今年新增十二家企业，另有三家正在办理手续。");
        assert_eq!(values(&f), [(12.0, "家", "十二家"), (3.0, "家", "三家")]);
    }
}
