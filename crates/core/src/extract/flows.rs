//! Flows: who moved what from where to where, sentence by sentence.
//!
//! The news states a move in a few shapes, each handled here:
//! - a destination verb with the place after it: 迁往/迁至/搬迁至/转移至/
//!   疏解到/落户/布局/入驻 P; or 在 P 落户/布局/投资, 向 P 转移; the origin is
//!   the place named before (the firm's or the text's subject: 北京企业,
//!   通州…铜牛制衣厂), or 来自/从 P;
//! - a receiving verb with the origin after it: 引进/承接/吸引/签约引进 P…
//!   (引进京津项目, 承接北京非首都功能疏解); the destination is the subject
//!   before it (我省, 曹妃甸协同发展示范区); 其中北京企业79家 lists origins;
//! - paired slogans: 北京疏解、河北承接; 北京药，河北产; 北京研发、河北制造;
//! - a firm set up elsewhere: X 在北京亦庄的引导下注册成立 X（天津）有限公司.
//!
//! Not flows: denied or rumoured moves (此消息不实, 辟谣, 并无搬迁计划),
//! sentences with no origin (a project 落地 somewhere), cooperation and
//! supplier relations (no moving verb). 京津 as an origin is two flows that
//! share the sentence's quantities (`shared`).

use crate::extract::figures::{COUNT_UNITS, MONEY_UNITS};
use crate::extract::industries::{taxonomy, IndustryHit};
use crate::extract::places::{ends_name, gazetteer, PlaceHit, Role};
use crate::model::{Evidence, Figure, Flow, Quantity, Span, What};
use crate::text::chars::is_clause_break;
use crate::text::cues::{future_jiang, starts_with_at, token_at};
use crate::text::sentences::Sentence;
use crate::text::tokens::{CharIndex, Token};

/// Verbs whose destination follows them (longest first where they overlap).
const TO_VERBS: &[&str] = &[
    "整体搬迁至",
    "整体搬迁到",
    "整体迁至",
    "整体迁往",
    "整体迁入",
    "搬迁至",
    "搬迁到",
    "搬迁往",
    "搬迁进",
    "迁移至",
    "迁移到",
    "转移至",
    "转移到",
    "转移往",
    "疏解至",
    "疏解到",
    "疏解往",
    "外迁至",
    "外迁到",
    "外迁往",
    "转移落户",
    "迁往",
    "迁至",
    "迁到",
    "迁入",
    "搬至",
    "搬到",
    "搬往",
    "搬进",
    "转至",
    "移至",
    "落户",
    "落地",
    "布局",
    "入驻",
    "进驻",
    "扎根",
    "安家",
    "迁建",
    "转战",
    "放在",
    "放到",
    "设在",
    "建在",
    "落在",
    "落到",
    "迁移",
    "分流至",
    "分流到",
    "流向",
    "流入",
    "输往",
    "转入",
    "外迁",
];
/// Words after a verb that point back to the place of the sentence before.
const ANAPHORA: &[&str] = &["这", "该", "此", "当地", "这里", "那里", "园区", "基地"];
/// Verbs whose destination is the 在/于 P before them.
const IN_VERBS: &[&str] = &[
    "落户", "落地", "布局", "投资", "设立", "建设", "注册", "投产", "建厂", "设厂", "扎根", "安家",
    "入驻", "开工", "集聚", "聚集", "兴建", "新建", "成立",
];
/// Verbs that build something new where they happen.
const BUILD_VERBS: &[&str] = &[
    "设立",
    "建设",
    "新建",
    "投资",
    "兴建",
    "建厂",
    "设厂",
    "投产",
    "开工",
    "投资建设",
];
/// Verbs whose destination is the 向 P before them.
const TOWARD_VERBS: &[&str] = &[
    "转移", "疏解", "迁移", "搬迁", "输出", "集聚", "转出", "外迁", "聚集", "拨付", "输送", "投放",
    "投入",
];
/// Verbs whose origin follows them; the destination is their subject.
const FROM_VERBS: &[&str] = &[
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
];
/// Verbs that set up a firm (whose seat in parentheses is the destination).
const ESTABLISH: &[&str] = &[
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
const PAIR_FIRST: &[&str] = &[
    "疏解", "研发", "药", "设计", "孵化", "创新", "总部", "转移", "输出",
];
const PAIR_SECOND: &[&str] = &[
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
const DENIALS: &[&str] = &[
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
const NEGATIONS: &[&str] = &[
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
const PLAN_WORDS: &[&str] = &[
    "计划",
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// 迁往 P
    To,
    /// 在 P 落户
    In,
    /// 向 P 转移
    Toward,
    /// 引进 P…
    From,
    /// 成立 X（P）公司
    Establish,
}

#[derive(Debug, Clone)]
struct Trigger {
    start: u32,
    end: u32,
    word: &'static str,
}

struct Cand {
    from: Vec<usize>,
    to: Vec<usize>,
    /// Start of the text this flow's industry and kind may come from (its
    /// subject).
    scope: u32,
    /// Where the verb is (for scope and nearest-item choices).
    at: u32,
    /// End of the text this flow's quantities may come from.
    limit: u32,
    /// Kind and quantities given for this flow alone.
    own: Option<Own>,
    /// The verb's object (what moves) follows it (引进京津项目) rather than
    /// being its subject (部分商户搬迁至…).
    object_after: bool,
    /// The verb.
    verb: &'static str,
}

/// Everything the flow rules look at, for one document.
pub struct Input<'a> {
    pub text: &'a str,
    pub chars: &'a [char],
    pub index: &'a CharIndex,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    pub places: &'a [PlaceHit],
    pub industries: &'a [IndustryHit],
    pub figures: &'a [Figure],
    pub doc: &'a str,
    pub original: &'a dyn Fn(Span) -> Span,
}

fn text_of(chars: &[char], a: u32, b: u32) -> String {
    chars[a as usize..(b as usize).min(chars.len())]
        .iter()
        .collect()
}

/// Finds the flows of a document.
pub fn find(inp: &Input) -> Vec<Flow> {
    let mut out: Vec<Flow> = Vec::new();
    let mut ctx = Context::default();
    let mut prev_paragraph = u32::MAX;
    // A denial also takes back the sentence before it in the paragraph
    // (网传X将迁往Y。公司回应称此消息不实。).
    let denies: Vec<bool> = inp
        .sentences
        .iter()
        .map(|s| {
            let t = text_of(inp.chars, s.start, s.end);
            DENIALS.iter().any(|d| t.contains(d))
        })
        .collect();
    for (si, s) in inp.sentences.iter().enumerate() {
        let denied = denies[si]
            || inp
                .sentences
                .get(si + 1)
                .is_some_and(|n| n.paragraph == s.paragraph && denies[si + 1]);
        // This sentence's share of the document's places, industries and
        // figures (all sorted by position): every rule below looks only at
        // these, so a page of a million sentences costs a million sentences.
        let range = |starts: &dyn Fn(usize) -> u32, n: usize| {
            let a = partition(n, |i| starts(i) < s.start);
            let b = partition(n, |i| starts(i) < s.end);
            a..b
        };
        let pr = range(&|i| inp.places[i].start, inp.places.len());
        let fr = range(&|i| inp.figures[i].span.start, inp.figures.len());
        let ir = range(&|i| inp.industries[i].start, inp.industries.len());
        let sub = Input {
            places: &inp.places[pr],
            figures: &inp.figures[fr],
            industries: &inp.industries[ir],
            ..*inp
        };
        let inp = &sub;
        let hits: Vec<&PlaceHit> = inp
            .places
            .iter()
            .filter(|h| h.start >= s.start && h.end <= s.end && !h.places.is_empty())
            .filter(|h| matches!(h.role, Role::Location | Role::Seat))
            .collect();
        if s.paragraph != prev_paragraph {
            ctx = Context::default();
        }
        prev_paragraph = s.paragraph;
        let here: Vec<usize> = hits
            .iter()
            .filter(|h| h.role == Role::Location)
            .flat_map(|h| h.places.iter().copied())
            .collect();
        if !hits.is_empty() && !denied {
            let cands = candidates(inp, s, &hits, &ctx);
            if let Some(c) = cands.first() {
                ctx.origin = c.from.clone();
            }
            for c in cands {
                emit(inp, s, &c, &mut out);
            }
        }
        if let Some(&last) = hits
            .iter()
            .rev()
            .find(|h| h.role == Role::Location && h.group.is_none())
            .and_then(|h| h.places.last())
        {
            ctx.places = vec![last];
        } else if !here.is_empty() {
            ctx.places = here;
        }
    }
    out
}

/// The first index in `0..n` for which `before` is false (`before` is true
/// then false along the range).
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The tokens of `s`, as an index range of `inp.tokens`.
fn sentence_tokens(inp: &Input, s_start: u32, s_end: u32) -> std::ops::Range<usize> {
    let a = inp.tokens.partition_point(|t| t.end <= s_start);
    let b = inp.tokens.partition_point(|t| t.start < s_end);
    a..b.max(a)
}

/// Every trigger word, by its first char (longest first), so each position
/// of a sentence is tried against the few words that can start there.
static TRIGGER_WORDS: std::sync::LazyLock<std::collections::HashMap<char, Vec<&'static str>>> =
    std::sync::LazyLock::new(|| {
        let mut m: std::collections::HashMap<char, Vec<&'static str>> =
            std::collections::HashMap::new();
        for w in TO_VERBS
            .iter()
            .chain(FROM_VERBS)
            .chain(IN_VERBS)
            .chain(TOWARD_VERBS)
            .chain(ESTABLISH)
        {
            if let Some(c) = w.chars().next() {
                let v = m.entry(c).or_default();
                if !v.contains(w) {
                    v.push(w);
                }
            }
        }
        for v in m.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        }
        m
    });

/// Trigger words in a sentence, longest first at each position, starting on
/// a token boundary.
fn triggers(inp: &Input, s: &Sentence) -> Vec<Trigger> {
    let mut out = Vec::new();
    let mut i = s.start as usize;
    while i < s.end as usize {
        let found = TRIGGER_WORDS.get(&inp.chars[i]).and_then(|words| {
            let on_boundary =
                token_at(inp.tokens, i as u32).is_some_and(|k| inp.tokens[k].start == i as u32);
            if !on_boundary {
                return None;
            }
            words
                .iter()
                .find(|w| {
                    i + w.chars().count() <= s.end as usize && starts_with_at(inp.chars, i, w)
                })
                .copied()
        });
        match found {
            Some(w) => {
                let n = w.chars().count();
                out.push(Trigger {
                    start: i as u32,
                    end: (i + n) as u32,
                    word: w,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Is the verb at `at` negated (并未搬迁, 不会迁往)?
fn negated(inp: &Input, at: u32) -> bool {
    let a = at as usize;
    let mut from = a.saturating_sub(6);
    // Only within the clause.
    for k in (from..a).rev() {
        if is_clause_break(inp.chars[k]) {
            from = k + 1;
            break;
        }
    }
    let before = text_of(inp.chars, from as u32, at);
    NEGATIONS.iter().any(|n| {
        before.ends_with(n)
            || (n.chars().count() >= 2 && before.contains(n))
            || before.ends_with(&format!("{n}会"))
            || before.ends_with(&format!("{n}再"))
            || before.ends_with(&format!("{n}整体"))
    })
}

/// The places right after `pos` (skipping 到/于/了/至): a list joined by 、/和/及,
/// most specific of each run (河北省沧州市 → 沧州市).
fn places_after<'h>(
    inp: &Input,
    hits: &[&'h PlaceHit],
    pos: u32,
    limit: u32,
) -> (Vec<usize>, Vec<&'h PlaceHit>) {
    let mut p = pos as usize;
    while p < limit as usize
        && matches!(inp.chars[p], '到' | '于' | '了' | '至' | '在' | ' ' | '往')
    {
        p += 1;
    }
    let mut out: Vec<usize> = Vec::new();
    let mut used = Vec::new();
    let mut expect = p as u32;
    let first = hits.partition_point(|h| h.start < pos);
    for h in hits[first..].iter().filter(|h| h.role == Role::Location) {
        if h.start != expect {
            break;
        }
        // A run without a separator narrows (河北省沧州市); a separator adds.
        if let Some(&last) = out.last() {
            let g = gazetteer();
            let narrows = used.last().is_some_and(|u: &&PlaceHit| u.end == h.start)
                && h.places.iter().all(|&q| g.is_within(q, last));
            if narrows {
                out.pop();
            }
        }
        out.extend(h.places.iter().copied());
        used.push(*h);
        let mut e = h.end as usize;
        // separators of a list
        let rest = text_of(inp.chars, h.end, limit);
        for sep in ["、", "和", "及", "与", "以及", "，"] {
            if rest.starts_with(sep) && sep != "，" {
                e += sep.chars().count();
                break;
            }
        }
        expect = e as u32;
    }
    (out, used)
}

/// The place of the subject before `pos`: the nearest location named before
/// it in the sentence that is not excluded and not a partner (与P).
fn place_before<'h>(
    inp: &Input,
    hits: &[&'h PlaceHit],
    s: &Sentence,
    pos: u32,
    exclude: &[usize],
) -> Option<&'h PlaceHit> {
    // A semicolon starts a clause with a subject of its own.
    let from = window_start(inp, s, pos);
    // A partner (与P) and the places written right after it (与北京市东城区).
    let partner = |i: usize| -> bool {
        let mut j = i;
        loop {
            let h = hits[j];
            let before = if h.start > 0 {
                inp.chars[h.start as usize - 1]
            } else {
                ' '
            };
            if matches!(before, '与' | '同' | '跟' | '和' | '对') {
                return true;
            }
            if j == 0 || hits[j - 1].end != h.start {
                return false;
            }
            j -= 1;
        }
    };
    let last = hits.partition_point(|h| h.start < pos);
    (0..last)
        .rev()
        .take_while(|&i| hits[i].start >= from)
        .filter(|&i| {
            let h = hits[i];
            h.end <= pos && h.role == Role::Location
        })
        .find(|&i| !partner(i) && !hits[i].places.iter().any(|p| exclude.contains(p)))
        .map(|i| hits[i])
}

/// How far back or ahead the rules look from a verb, in chars: enough for
/// any clause, and a page with no sentence stops stays linear.
const REACH: u32 = 300;

/// Start of the clause chain `pos` is in: after the last ；before it.
fn window_start(inp: &Input, s: &Sentence, pos: u32) -> u32 {
    let floor = s.start.max(pos.saturating_sub(REACH));
    let mut a = pos;
    while a > floor {
        if matches!(inp.chars[a as usize - 1], '；' | ';') {
            break;
        }
        a -= 1;
    }
    a
}

/// Words that name what moves; a place shortly before one of them is its
/// home (北京企业, 北京一所市属三甲医院, 津冀地区大学的技术研究成果).
const MOVERS: &[&str] = &[
    "企业", "企", "公司", "药企", "商户", "项目", "产业", "资金", "高校", "大学", "医院", "院所",
    "机构", "总部", "工厂", "基地", "成果", "技术", "市场", "单位", "集团", "厂",
];

fn is_home_of_mover(inp: &Input, h: &PlaceHit, limit: u32) -> bool {
    let after = text_of(inp.chars, h.end, (h.end + 12).min(limit));
    let after = after
        .split(['，', '；', '、', '。', '：'])
        .next()
        .unwrap_or("");
    MOVERS.iter().any(|w| after.contains(w))
}

/// Places introduced by 来自/从/自 in the sentence.
fn origin_marked(inp: &Input, hits: &[&PlaceHit], s: &Sentence) -> Option<Vec<usize>> {
    for h in hits.iter().filter(|h| h.role == Role::Location) {
        let before2 = if h.start >= 2 + s.start {
            text_of(inp.chars, h.start - 2, h.start)
        } else {
            String::new()
        };
        let before1 = if h.start > s.start {
            inp.chars[h.start as usize - 1]
        } else {
            ' '
        };
        let leaves = ["迁出", "搬出", "撤出", "撤离", "离开", "退出"].contains(&before2.as_str());
        // 由北京迁往雄安: 由 marks an origin only before a moving verb.
        let by = before1 == '由' && {
            let after = text_of(inp.chars, h.end, (h.end + 4).min(s.end));
            TO_VERBS
                .iter()
                .chain(TOWARD_VERBS)
                .any(|v| after.starts_with(v))
        };
        // 从雄安新区管委会获悉: a source of news, not of anything moving.
        let told = {
            let after = text_of(inp.chars, h.end, (h.end + 14).min(s.end));
            let after = after.split(['，', '。', '；']).next().unwrap_or("");
            ["获悉", "了解到", "得知", "获知", "听说", "看到", "获得消息"]
                .iter()
                .any(|w| after.contains(w))
        };
        if (before2 == "来自" || before1 == '从' || before1 == '自' || leaves || by) && !told {
            let (list, _) = places_after(inp, hits, h.start, s.end);
            if !list.is_empty() {
                return Some(list);
            }
        }
    }
    None
}

/// Quantities and kind a sentence gives one flow of several (其中北京企业79家;
/// 引进京津项目15560个、资金13901.17亿元 is a project flow and a capital flow).
#[derive(Debug, Clone, Copy, Default)]
struct Own {
    what: Option<What>,
    count: Option<usize>,
    amount: Option<usize>,
}

/// Words before a figure that say what it counts, for splitting a list of
/// things received into one flow each. 投资/总投资 describe the projects and
/// stay with them.
const OBJECT_WORDS: &[(&str, What)] = &[
    ("资金", What::Capital),
    ("资本", What::Capital),
    ("引资", What::Capital),
    ("项目", What::Projects),
    ("企业", What::Firms),
    ("商户", What::Merchants),
    ("经营者", What::Merchants),
];

/// Items "word [qualifier] figure" between `from` and `limit`: (what, figure).
fn object_items(inp: &Input, from: u32, limit: u32) -> Vec<(What, usize)> {
    let mut out = Vec::new();
    for (i, f) in inp.figures.iter().enumerate() {
        if f.span.start < from || f.span.start >= limit {
            continue;
        }
        let a = f.span.start.saturating_sub(6).max(from);
        let before = text_of(inp.chars, a, f.span.start);
        let before = before.rsplit(['、', '，', '；', ',']).next().unwrap_or("");
        if let Some((_, w)) = OBJECT_WORDS
            .iter()
            .filter_map(|(k, w)| before.rfind(k).map(|p| (p, *w)))
            .max_by_key(|(p, _)| *p)
        {
            out.push((w, i));
        }
    }
    out
}

/// The flows of one receiving clause: `origins` (or enumerated origins)
/// into the subject before `t`.
#[allow(clippy::too_many_arguments)]
fn receive(
    inp: &Input,
    s: &Sentence,
    hits: &[&PlaceHit],
    t: &Trigger,
    limit: u32,
    origins: Vec<usize>,
    enumerated: Vec<(Vec<usize>, Option<usize>)>,
    taken: &mut Vec<usize>,
    last_dest: &mut Option<(Vec<usize>, u32)>,
    out: &mut Vec<Cand>,
) {
    let mut exclude = origins.clone();
    exclude.extend(taken.iter().copied());
    for e in &enumerated {
        exclude.extend(e.0.iter().copied());
    }
    // The subject; after a semicolon it may be the one the chain of
    // receiving clauses began with (我省引进…；吸引…).
    let found = place_before(inp, hits, s, t.start, &exclude)
        .map(|h| (h.places.clone(), h.start))
        .or_else(|| {
            last_dest
                .clone()
                .filter(|(d, _)| !d.iter().any(|p| exclude.contains(p)))
        });
    taken.extend(origins.iter().copied());
    let Some((to, subject_at)) = found else {
        return;
    };
    *last_dest = Some((to.clone(), subject_at));
    let scope = subject_at.max(window_start(inp, s, t.start));
    let push = |from: Vec<usize>, own: Option<Own>, out: &mut Vec<Cand>| {
        out.push(Cand {
            from,
            to: to.clone(),
            scope,
            at: t.start,
            limit,
            own,
            object_after: true,
            verb: t.word,
        });
    };
    if !enumerated.is_empty() {
        for (o, fig) in enumerated {
            let own = Own {
                count: fig,
                ..Own::default()
            };
            push(o, Some(own), out);
        }
        return;
    }
    let items = object_items(inp, t.end, limit);
    let mut kinds: Vec<What> = items.iter().map(|x| x.0).collect();
    kinds.dedup();
    if kinds.len() >= 2 {
        for w in kinds {
            let mut own = Own {
                what: Some(w),
                ..Own::default()
            };
            for &(k, f) in &items {
                if k != w {
                    continue;
                }
                let unit = inp.figures[f].unit.as_str();
                if MONEY_UNITS.contains(&unit) && own.amount.is_none() {
                    own.amount = Some(f);
                } else if COUNT_UNITS.contains(&unit) && own.count.is_none() {
                    own.count = Some(f);
                }
            }
            push(origins.clone(), Some(own), out);
        }
    } else {
        push(origins, None, out);
    }
}

/// Origins listed with their own counts after a receiving verb: 其中北京企业
/// 79家、天津企业13家; 其中来自北京的企业达780家.
fn enumerated_origins(
    inp: &Input,
    hits: &[&PlaceHit],
    from: u32,
    s: &Sentence,
) -> Vec<(Vec<usize>, Option<usize>)> {
    let mut out = Vec::new();
    let first = hits.partition_point(|h| h.start < from);
    for h in hits[first..]
        .iter()
        .take_while(|h| h.start < from + REACH)
        .filter(|h| h.role == Role::Location)
    {
        let after = text_of(inp.chars, h.end, (h.end + 10).min(s.end));
        let after = after.split(['，', '、', '；', '。']).next().unwrap_or("");
        let before = text_of(inp.chars, h.start.saturating_sub(2).max(s.start), h.start);
        // 其中从北京迁来的有142家
        let marked = before.ends_with('从') || before.ends_with("来自");
        let mover = marked
            || ["企业", "项目", "商户", "药企", "企", "公司"]
                .iter()
                .any(|w| after.starts_with(w) || after.starts_with(&format!("的{w}")));
        if !mover {
            continue;
        }
        let reach = h.end + after.chars().count() as u32 + 1;
        let fig = inp.figures.iter().position(|f| {
            f.span.start >= h.end && f.span.start <= reach && COUNT_UNITS.contains(&f.unit.as_str())
        });
        if fig.is_some() {
            out.push((h.places.clone(), fig));
        }
    }
    out
}

/// What earlier sentences of the paragraph say, for sentences that lean on
/// them (落户这个新商场; 另有680户商户落户沧州).
#[derive(Debug, Clone, Default)]
struct Context {
    /// The last place named as a location in the sentence before.
    places: Vec<usize>,
    /// The origin of the paragraph's last flow.
    origin: Vec<usize>,
}

/// Words that open a sentence continuing the one before (另有680户商户…).
const CONTINUES: &[&str] = &[
    "另有", "部分", "其余", "其他", "此外", "还有", "另外", "同时", "其中",
];

fn candidates(inp: &Input, s: &Sentence, hits: &[&PlaceHit], ctx: &Context) -> Vec<Cand> {
    let prev = ctx.places.as_slice();
    let mut out: Vec<Cand> = Vec::new();
    let trig = triggers(inp, s);
    let shapes: Vec<Option<Shape>> = trig.iter().map(|t| shape_of(inp, hits, s, t)).collect();
    // A clause's quantities reach up to the next verb that states a move
    // (总投资 or 投资总额 after 引进 is still the same clause's).
    let limit_after = |k: usize| {
        (k + 1..trig.len())
            .find(|&j| shapes[j].is_some())
            .map(|j| trig[j].start)
            .unwrap_or(s.end)
    };
    let marked_origin = origin_marked(inp, hits, s);
    // Origins taken by receiving verbs, so no subject search reuses them.
    let mut taken: Vec<usize> = Vec::new();
    let mut last_dest: Option<(Vec<usize>, u32)> = None;
    let cand = |from: Vec<usize>, to: Vec<usize>, scope: u32, at: u32, limit: u32| Cand {
        from,
        to,
        scope,
        at,
        limit,
        own: None,
        object_after: false,
        verb: "",
    };
    for (k, t) in trig.iter().enumerate() {
        // Name the verb on the candidates the trigger before added.
        for c in out.iter_mut().filter(|c| c.verb.is_empty()) {
            c.verb = trig[k.saturating_sub(1)].word;
        }
        if negated(inp, t.start) {
            continue;
        }
        let limit = limit_after(k);
        let shape = shapes[k];
        match shape {
            Some(Shape::From) => {
                // Origins: places right after the verb.
                let (mut origins, _) = places_after(inp, hits, t.end, s.end);
                if origins.is_empty() {
                    // 吸引落户京津高科技企业 / 签约引进北京商户: a word between.
                    if let Some(h) = hits.iter().find(|h| {
                        h.start >= t.end && h.start <= t.end + 2 && h.role == Role::Location
                    }) {
                        origins = h.places.clone();
                    }
                }
                let mut enumerated = Vec::new();
                if origins.is_empty() {
                    enumerated = enumerated_origins(inp, hits, t.end, s);
                    if enumerated.is_empty() {
                        if let Some(m) = &marked_origin {
                            origins = m.clone();
                        }
                    }
                }
                if origins.is_empty() && enumerated.is_empty() {
                    continue;
                }
                receive(
                    inp,
                    s,
                    hits,
                    t,
                    limit,
                    origins,
                    enumerated,
                    &mut taken,
                    &mut last_dest,
                    &mut out,
                );
            }
            Some(Shape::To) => {
                let (mut dest, used) = places_after(inp, hits, t.end, s.end);
                // 落地津企项目 / 迁入北京企业: the place names the movers' home,
                // and the subject receives them.
                let movers_home = used.last().is_some_and(|h| {
                    let after = text_of(inp.chars, h.end, (h.end + 2).min(s.end));
                    ["企业", "项目", "商户", "药企", "企"]
                        .iter()
                        .any(|w| after.starts_with(w))
                        || h.end > h.start + 1 && text_of(inp.chars, h.end - 1, h.end) == "企"
                });
                if movers_home {
                    receive(
                        inp,
                        s,
                        hits,
                        t,
                        limit,
                        dest,
                        vec![],
                        &mut taken,
                        &mut last_dest,
                        &mut out,
                    );
                    continue;
                }
                if dest.is_empty() {
                    // 落户这个新商场 / 入驻该园区 / 迁到了这里: the place of the
                    // sentence before.
                    let rest = text_of(inp.chars, t.end, (t.end + 4).min(s.end));
                    let rest = rest.trim_start_matches(['了', '到', '至', '在']);
                    if ANAPHORA.iter().any(|w| rest.starts_with(w)) && !prev.is_empty() {
                        dest = prev.to_vec();
                    }
                }
                if dest.is_empty() {
                    // 已入驻企业1200家，其中来自北京的企业达780家: the subject
                    // receives, like 引进.
                    let enumerated = enumerated_origins(inp, hits, t.end, s);
                    if !enumerated.is_empty() {
                        receive(
                            inp,
                            s,
                            hits,
                            t,
                            limit,
                            vec![],
                            enumerated,
                            &mut taken,
                            &mut last_dest,
                            &mut out,
                        );
                    } else if let Some(m) = &marked_origin {
                        receive(
                            inp,
                            s,
                            hits,
                            t,
                            limit,
                            m.clone(),
                            vec![],
                            &mut taken,
                            &mut last_dest,
                            &mut out,
                        );
                    }
                    continue;
                }
                let origin = marked_origin
                    .clone()
                    .map(|m| (m, window_start(inp, s, t.start)))
                    .or_else(|| {
                        place_before(inp, hits, s, t.start, &dest)
                            .map(|h| (h.places.clone(), h.start))
                    })
                    .or_else(|| {
                        // 另有680户商户落户沧州: the origin of the sentence before.
                        let opening = text_of(inp.chars, s.start, (s.start + 2).min(s.end));
                        (CONTINUES.iter().any(|w| opening.starts_with(w)) && !ctx.origin.is_empty())
                            .then(|| (ctx.origin.clone(), s.start))
                    });
                if let Some((from, scope)) = origin {
                    out.push(cand(from, dest, scope, t.start, limit));
                }
            }
            Some(Shape::In) | Some(Shape::Toward) => {
                let Some((dest_hit, dest)) =
                    in_destination(inp, hits, s, t, shape == Some(Shape::Toward))
                else {
                    continue;
                };
                // The origin must be marked (来自/从 P) or be the home of what
                // moves (北京企业在津冀布局): a place merely named before 在 P
                // is not where anything came from.
                let origin = marked_origin
                    .clone()
                    .map(|m| (m, window_start(inp, s, t.start)))
                    .or_else(|| {
                        place_before(inp, hits, s, dest_hit, &with_ancestors(&dest))
                            .filter(|h| is_home_of_mover(inp, h, dest_hit))
                            .map(|h| (h.places.clone(), h.start))
                    });
                if let Some((from, scope)) = origin {
                    out.push(cand(from, dest, scope, t.start, limit));
                }
            }
            Some(Shape::Establish) => {
                // 在天津东丽区注册成立X（天津）有限公司: the 在 place is the
                // most precise destination; else the seat in the name.
                let (dest_at, to) = match in_destination(inp, hits, s, t, false) {
                    Some(d) => d,
                    None => {
                        let Some(seat) = hits.iter().find(|h| {
                            h.role == Role::Seat && h.start >= t.end && h.start <= t.end + 20
                        }) else {
                            continue;
                        };
                        (t.start, seat.places.clone())
                    }
                };
                if let Some(from) = place_before(inp, hits, s, dest_at, &with_ancestors(&to)) {
                    out.push(cand(from.places.clone(), to, from.start, t.start, limit));
                }
            }
            None => {}
        }
    }
    if let Some(last) = trig.last() {
        for c in out.iter_mut().filter(|c| c.verb.is_empty()) {
            c.verb = last.word;
        }
    }
    // One clause states one move per pair of places: 承接北京疏解的企业 is
    // found by 承接 and by 疏解 alike.
    let mut kept: Vec<Cand> = Vec::with_capacity(out.len());
    for c in out {
        let split = c.own.is_some_and(|o| o.what.is_some());
        let w = window_start(inp, s, c.at);
        let dup = !split
            && kept.iter().any(|k| {
                k.from == c.from
                    && k.to == c.to
                    && k.own.is_none_or(|o| o.what.is_none())
                    && window_start(inp, s, k.at) == w
            });
        if !dup {
            kept.push(c);
        }
    }
    let mut out = kept;
    // Paired slogans, unless the sentence states the move more precisely
    // (依托“北京研发、河北制造”模式，北京药企将量产环节放在石家庄).
    let g = gazetteer();
    let locs: Vec<&&PlaceHit> = hits.iter().filter(|h| h.role == Role::Location).collect();
    for w in locs.windows(2) {
        let (a, b) = (w[0], w[1]);
        let between = text_of(inp.chars, a.end, b.start);
        let between = between.trim_end_matches(['、', '，', ',', ' ']);
        let after = text_of(inp.chars, b.end, (b.end + 3).min(s.end));
        if PAIR_FIRST.contains(&between) && PAIR_SECOND.iter().any(|x| after.starts_with(x)) {
            let redundant = out.iter().any(|c| {
                c.from
                    .iter()
                    .any(|f| a.places.iter().any(|p| g.is_within(*f, *p)))
                    && c.to
                        .iter()
                        .any(|t| b.places.iter().any(|p| g.is_within(*t, *p)))
            });
            if !redundant {
                out.push(cand(
                    a.places.clone(),
                    b.places.clone(),
                    a.start,
                    a.end,
                    s.end,
                ));
            }
        }
    }
    out
}

/// `places` and everything containing them (for excluding a destination's
/// own province from the origin search: 在天津东丽区…).
fn with_ancestors(places: &[usize]) -> Vec<usize> {
    let g = gazetteer();
    let mut v = places.to_vec();
    for &p in places {
        v.extend(g.ancestors(p));
    }
    v
}

fn shape_of(inp: &Input, hits: &[&PlaceHit], s: &Sentence, t: &Trigger) -> Option<Shape> {
    let w = t.word;
    if FROM_VERBS.contains(&w) {
        return Some(Shape::From);
    }
    if ESTABLISH.contains(&w)
        && hits
            .iter()
            .any(|h| h.role == Role::Seat && h.start >= t.end && h.start <= t.end + 20)
    {
        return Some(Shape::Establish);
    }
    let place_follows = {
        let mut p = t.end as usize;
        while p < s.end as usize && matches!(inp.chars[p], '到' | '于' | '了' | '至' | '在' | '往')
        {
            p += 1;
        }
        hits.iter()
            .any(|h| h.start as usize == p && h.role == Role::Location)
    };
    let anaphora = {
        let rest = text_of(inp.chars, t.end, (t.end + 4).min(s.end));
        let rest = rest.trim_start_matches(['了', '到', '至', '在']);
        ANAPHORA.iter().any(|x| rest.starts_with(x))
    };
    if TO_VERBS.contains(&w) && (place_follows || anaphora) {
        return Some(Shape::To);
    }
    if TOWARD_VERBS.contains(&w) && in_destination(inp, hits, s, t, true).is_some() {
        return Some(Shape::Toward);
    }
    if IN_VERBS.contains(&w) && in_destination(inp, hits, s, t, false).is_some() {
        return Some(Shape::In);
    }
    None
}

/// 在 P（…）verb / 向 P verb: the place after 在/于 (or 向) earlier in the clause.
fn in_destination(
    inp: &Input,
    hits: &[&PlaceHit],
    s: &Sentence,
    t: &Trigger,
    toward: bool,
) -> Option<(u32, Vec<usize>)> {
    // Start of the clause.
    let floor = s.start.max(t.start.saturating_sub(REACH)) as usize;
    let mut a = t.start as usize;
    while a > floor && !is_clause_break(inp.chars[a - 1]) {
        a -= 1;
    }
    let markers: &[char] = if toward {
        &['向', '往']
    } else {
        &['在', '于']
    };
    let mut best = None;
    for h in hits
        .iter()
        .filter(|h| h.role == Role::Location && (h.start as usize) > a && h.end <= t.start)
    {
        let before = inp.chars[h.start as usize - 1];
        if markers.contains(&before) {
            let (list, used) = places_after(inp, hits, h.start, t.start);
            let end = used.last().map(|u| u.end).unwrap_or(h.end);
            // The verb must follow soon after the place (在津冀布局, 在北京亦庄
            // 注册), and 在P的引导下 is not where anything happens.
            let gap = text_of(inp.chars, end, t.start);
            // 在天津北辰拥有生产基地: what is already there did not move.
            let has = ["拥有", "设有", "建有", "有"]
                .iter()
                .any(|w| gap.contains(w));
            if !list.is_empty() && t.start - end <= 10 && !gap.contains('的') && !has {
                best = Some((h.start, list));
            }
        }
    }
    if best.is_none() && !toward {
        // 与鄂尔多斯市签署协议，计划在当地建设…: the place named before.
        let clause = text_of(inp.chars, a as u32, t.start);
        for w in ["在当地", "在该地", "在那里", "在这里", "在此"] {
            if let Some(b) = clause.find(w) {
                let at = a as u32 + clause[..b].chars().count() as u32;
                if let Some(h) = hits
                    .iter()
                    .rev()
                    .find(|h| h.role == Role::Location && h.end <= at && h.start >= s.start)
                {
                    best = Some((at, h.places.clone()));
                }
                break;
            }
        }
    }
    best
}

fn emit(inp: &Input, s: &Sentence, c: &Cand, out: &mut Vec<Flow>) {
    let g = gazetteer();
    let plan = is_plan(inp, s, c.at);
    let what = c
        .own
        .and_then(|o| o.what)
        .or_else(|| what_near(inp, c.scope.min(c.at), c.at, c.limit, c.object_after));
    // 在承德设立生产基地, 投资建设新厂: what is built there is a project.
    let what = match what {
        Some(What::Production | What::Firms) | None if BUILD_VERBS.contains(&c.verb) => {
            Some(What::Projects)
        }
        w => w,
    };
    let industry = industry_near(inp, c.scope.min(c.at), c.limit.max(c.at), c.at, what);
    let (count, amount) = quantities(inp, s, c);
    let firm = firm_near(inp, s, c.at, c.limit);
    let shared = c.from.len() > 1 || c.to.len() > 1;
    let span = Span {
        start: s.start,
        end: s.end,
    };
    let evidence = Evidence {
        text: inp.index.slice(inp.text, s.start, s.end).to_string(),
        span,
        original: (inp.original)(span),
    };
    for &f in &c.from {
        for &t in &c.to {
            if f == t {
                continue;
            }
            let (from, to) = (g.places[f].id.clone(), g.places[t].id.clone());
            // Only this sentence's flows can repeat it: they are the last ones.
            if out
                .iter()
                .rev()
                .take_while(|x| x.evidence.span == span)
                .any(|x| x.from == from && x.to == to && x.what == what)
            {
                continue;
            }
            out.push(Flow {
                from,
                to,
                industry: industry.clone(),
                what,
                count: count.clone(),
                amount: amount.clone(),
                firm: firm.clone(),
                plan,
                shared,
                doc: inp.doc.to_string(),
                evidence: evidence.clone(),
            });
        }
    }
}

fn is_plan(inp: &Input, s: &Sentence, at: u32) -> bool {
    let from = s.start.max(at.saturating_sub(REACH));
    let before = text_of(inp.chars, from, at);
    if PLAN_WORDS.iter().any(|w| before.contains(w)) {
        return true;
    }
    // 到2025年 before the verb.
    if before
        .match_indices('到')
        .any(|(i, _)| before[i + '到'.len_utf8()..].starts_with("20"))
    {
        return true;
    }
    (from..at).any(|p| inp.chars[p as usize] == '将' && future_jiang(inp.text, inp.tokens, p))
}

/// Industries too broad to say what moved (高精尖, 制造业): a flow names one
/// only when nothing more precise is there, and then names none.
const UMBRELLAS: &[&str] = &["高精尖", "制造业", "先进制造业", "现代服务业", "高新技术"];

fn industry_near(inp: &Input, a: u32, b: u32, at: u32, what: Option<What>) -> Option<String> {
    let tx = taxonomy();
    let dist = |h: &IndustryHit| {
        if h.start >= at {
            h.start - at
        } else {
            // Before the verb counts a little further away than after it.
            (at - h.end) + 2
        }
    };
    let near: Vec<&IndustryHit> = inp
        .industries
        .iter()
        .filter(|h| h.start >= a && h.end <= b)
        .filter(|h| !UMBRELLAS.contains(&tx.industries[h.industry].id.as_str()))
        .collect();
    // Merchants come from markets: 服装批发市场的商户 moved as a market.
    if what == Some(What::Merchants) {
        if let Some(h) = near
            .iter()
            .find(|h| tx.industries[h.industry].id == "批发市场")
        {
            return Some(tx.industries[h.industry].id.clone());
        }
    }
    near.into_iter()
        .min_by_key(|h| dist(h))
        .map(|h| tx.industries[h.industry].id.clone())
}

const WHAT_WORDS: &[(&str, What)] = &[
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

fn what_in(word: &str) -> Option<What> {
    WHAT_WORDS
        .iter()
        .find(|(w, _)| word.contains(w))
        .map(|(_, k)| *k)
}

/// What moves: the first telling word after the verb in its clause, else
/// before it, else anywhere in the sentence.
fn what_near(inp: &Input, scope: u32, at: u32, limit: u32, object_after: bool) -> Option<What> {
    let toks = inp.tokens;
    let k0 = token_at(toks, at)?;
    let after = || {
        let mut k = k0 + 1;
        while k < toks.len() && toks[k].start < limit {
            let w = toks[k].text(inp.text);
            if w.chars().any(is_clause_break) {
                break;
            }
            if let Some(x) = what_in(w) {
                return Some(x);
            }
            k += 1;
        }
        None
    };
    let before = || {
        let mut k = k0;
        while k > 0 && toks[k - 1].start >= scope {
            k -= 1;
            let w = toks[k].text(inp.text);
            if w.chars().any(is_clause_break) {
                break;
            }
            if let Some(x) = what_in(w) {
                return Some(x);
            }
        }
        None
    };
    // The object of 引进 follows it; what 搬迁至 moves is its subject.
    let first = if object_after {
        after().or_else(before)
    } else {
        before().or_else(after)
    };
    if first.is_some() {
        return first;
    }
    toks[sentence_tokens(inp, scope, limit)]
        .iter()
        .filter(|t| t.start >= scope && t.end <= limit)
        .find_map(|t| what_in(t.text(inp.text)))
}

fn quantity(f: &Figure) -> Quantity {
    Quantity {
        value: f.value,
        unit: f.unit.clone(),
        raw: f.raw.clone(),
        qualifier: f.qualifier.clone(),
    }
}

fn quantities(inp: &Input, s: &Sentence, c: &Cand) -> (Option<Quantity>, Option<Quantity>) {
    if let Some(o) = c.own {
        return (
            o.count.map(|i| quantity(&inp.figures[i])),
            o.amount.map(|i| quantity(&inp.figures[i])),
        );
    }
    let in_sentence = |f: &&Figure| f.span.start >= s.start && f.span.end <= s.end;
    let after = |f: &&Figure| f.span.start >= c.at && f.span.start < c.limit;
    let pick = |units: &[&str]| -> Option<Quantity> {
        let after_verb = || {
            inp.figures
                .iter()
                .filter(in_sentence)
                .filter(after)
                .find(|f| units.contains(&f.unit.as_str()))
        };
        // Before the verb, in the same clause: 近2000户来自北京…, 37家北京企业迁入…
        let before_verb = || {
            inp.figures.iter().filter(in_sentence).rev().find(|f| {
                f.span.end <= c.at
                    && units.contains(&f.unit.as_str())
                    && !text_of(inp.chars, f.span.end, c.at)
                        .chars()
                        .any(is_clause_break)
            })
        };
        let found = if c.object_after {
            after_verb().or_else(before_verb)
        } else {
            before_verb().or_else(after_verb)
        };
        found.map(quantity)
    };
    // Firms, projects and merchants are counted in 家/个/项/户; people (带动
    // 就业1.2万人) only when nothing else is.
    (
        pick(&["家", "个", "项", "户", "所", "批", "宗", "笔"]).or_else(|| pick(COUNT_UNITS)),
        pick(MONEY_UNITS),
    )
}

const FIRM_SUFFIXES: &[&str] = &["有限责任公司", "有限公司", "公司", "集团", "工厂", "厂"];

/// The named firm nearest the verb: a run of name words ending in 公司/集团/厂.
fn firm_near(inp: &Input, s: &Sentence, at: u32, limit: u32) -> Option<String> {
    let toks = inp.tokens;
    let mut best: Option<(u32, String)> = None;
    for k in sentence_tokens(inp, s.start, s.end) {
        let t = &toks[k];
        if t.start < s.start || t.end > s.end.min(limit.max(at)) {
            continue;
        }
        let w = t.text(inp.text);
        if !FIRM_SUFFIXES.iter().any(|x| w.ends_with(x)) {
            continue;
        }
        // Walk back over name words (and a parenthesised seat).
        let mut j = k;
        let mut depth = 0i32;
        while j > 0 {
            let p = &toks[j - 1];
            if p.start < s.start {
                break;
            }
            let pw = p.text(inp.text);
            if pw == "）" || pw == ")" {
                depth += 1;
            } else if pw == "（" || pw == "(" {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0 {
                let is_place = inp
                    .places
                    .iter()
                    .any(|h| h.tok_start < j && j - 1 < h.tok_end && h.role == Role::Location);
                if pw.chars().all(|c| !c.is_alphanumeric()) || ends_name(p.tag) || is_place {
                    break;
                }
            }
            j -= 1;
        }
        if j == k || depth != 0 {
            continue;
        }
        let name = &inp.text[toks[j].byte_start as usize..t.byte_end as usize];
        if name.chars().count() < 3 || name.chars().count() > 30 {
            continue;
        }
        let d = if toks[j].start > at {
            toks[j].start - at
        } else {
            at - t.end
        };
        if best.as_ref().is_none_or(|b| d < b.0) {
            best = Some((d, name.to_string()));
        }
    }
    best.map(|b| b.1)
}
