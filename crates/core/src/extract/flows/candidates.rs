//! Candidates: for each trigger verb of a sentence, its shape (迁往 P, 在 P
//! 落户, 向 P 转移, 引进 P…, 成立 X（P）公司) and the origins and destinations
//! that shape gives; then paired slogans (北京研发、河北制造).

use super::cues::*;
use super::endpoints::*;
use super::verbless;
use super::{clause_break_in, text_of, Cand, Context, Input, Own, Trigger};
use crate::extract::figures::{COUNT_UNITS, MONEY_UNITS};
use crate::extract::places::{gazetteer, PlaceHit, PlaceKind, Role};
use crate::model::What;
use crate::text::chars::is_clause_break;
use crate::text::cues::{starts_with_at, token_at};
use crate::text::sentences::Sentence;

/// The sentence shapes, one method each: `Scan`'s impl.
mod shapes;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
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

/// Every trigger word, by its first char (longest first), so each position
/// of a sentence is tried against the few words that can start there.
pub(super) static TRIGGER_WORDS: std::sync::LazyLock<
    std::collections::HashMap<char, Vec<&'static str>>,
> = std::sync::LazyLock::new(|| {
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
pub(super) fn triggers(inp: &Input, s: &Sentence) -> Vec<Trigger> {
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
        // 前往 (go to) moves something only when its clause names movers
        // (部分企业和商户前往永清), not a reporter or an official on a visit.
        let found = found.filter(|&w| w != "前往" || movers_before(inp, s, i));
        // A noun made of the verb (承接地, 迁入地, 承接方: the place or
        // party that receives) states no move.
        let found = found.filter(|&w| {
            let n = w.chars().count() as u32;
            !token_at(inp.tokens, i as u32).is_some_and(|k| {
                let t = &inp.tokens[k];
                t.end == t.start + n + 1
                    && matches!(inp.chars[t.end as usize - 1], '地' | '方' | '者')
            })
        });
        // 签约会, 签约仪式: an event, not a move (…签约会在北京举行).
        let found = found.filter(|&w| {
            let after = text_of(inp.chars, (i + w.chars().count()) as u32, s.end);
            !(SIGNING.contains(&w)
                && ["会", "仪式", "活动", "现场"]
                    .iter()
                    .any(|e| after.starts_with(e)))
        });
        // 疏解办, 搬迁指挥部: an office, not a move.
        let found =
            found.filter(|w| !names_an_office(inp.chars, i + w.chars().count(), s.end as usize));
        // 家具生产企业, 生产线: the verb names a kind of firm or plant, it
        // does not happen (北京的家具生产企业向河北迁移 moves the firms).
        let found = found.filter(|&w| w != "生产" || !modifies_a_noun(inp, i));
        let found = found.filter(|&w| !w.starts_with("分布") || moved_firms_spread(inp, s, i));
        // 为承接北京产业转移，…: a clause of purpose states a goal, not a
        // move (not 成为承接…的基地); nor does a name something is given
        // (被誉为承接京津产业转移的“沧州现象”), nor a field of work (在承接
        // 北京非首都功能疏解方面创造了…).
        let found = found
            .filter(|_| !purpose_before(inp.chars, s.start as usize, i) && !in_a_frame(inp, s, i));
        // 《…承接北京产业转移对接工作方案》: a document's title states no move.
        let found = found.filter(|_| !in_title(inp.chars, s.start as usize, i));
        // 签约外迁沧州, 签约落户廊坊: signing only marks the verb after it,
        // whose destination follows.
        let found = found.filter(|&w| {
            let after = i + w.chars().count();
            !(SIGNING.contains(&w)
                && TO_VERBS.iter().any(|v| {
                    after + v.chars().count() <= s.end as usize
                        && starts_with_at(inp.chars, after, v)
                }))
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

/// Is the 生产 at char `i` part of a noun (生产线, 生产企业, 家具生产企业)
/// rather than the verb (在沧州生产线缆, 生产设备配件)? Its token is longer
/// than the verb, or the next token is a noun it names a kind of.
fn modifies_a_noun(inp: &Input, i: usize) -> bool {
    let Some(k) = token_at(inp.tokens, i as u32) else {
        return false;
    };
    let t = &inp.tokens[k];
    if t.end > t.start + 2 {
        return true;
    }
    inp.tokens.get(k + 1).is_some_and(|n| {
        let next = text_of(inp.chars, n.start, n.end);
        MADE_BY.contains(&next.as_str())
    })
}

/// 分布在 says where things that moved went only when its subject is firms
/// the clause says moved (这批从北京外迁的企业主要分布在廊坊、保定), not
/// where firms simply are (北京的科技企业主要分布在海淀), nor people, nor a
/// move named in another clause.
fn moved_firms_spread(inp: &Input, s: &Sentence, i: usize) -> bool {
    let clause = text_of(inp.chars, clause_start(inp, s, i as u32), i as u32);
    let Some(m) = ["外迁", "迁出", "疏解", "转移", "搬迁", "迁往", "迁移"]
        .iter()
        .filter_map(|m| clause.find(m))
        .min()
    else {
        return false;
    };
    let subject = &clause[m..];
    // The firms right before 分布, after only adverbs (企业主要分布在).
    let head = subject.trim_end_matches([
        '主', '要', '大', '多', '部', '分', '均', '别', '集', '中', '则', '都',
    ]);
    [
        "企业", "商户", "项目", "工厂", "厂家", "药企", "公司", "机构",
    ]
    .iter()
    .any(|w| head.ends_with(w))
}

/// Does a clause open with 为 or 为了 right before char `i` (为承接北京产业
/// 转移，…; 为了吸引京津企业，…)?
fn purpose_before(chars: &[char], start: usize, i: usize) -> bool {
    ["为了", "为"].iter().any(|w| {
        let n = w.chars().count();
        i >= start + n
            && chars[i - n..i].iter().copied().eq(w.chars())
            && (i == start + n || is_clause_break(chars[i - n - 1]))
    })
}

/// Is char `i` inside 被誉为… / 被称为… or 在…方面 in its clause?
fn in_a_frame(inp: &Input, s: &Sentence, i: usize) -> bool {
    let end = clause_break_in(inp, i as u32, s.end).unwrap_or(s.end);
    let before = text_of(inp.chars, clause_start(inp, s, i as u32), i as u32);
    let after = text_of(inp.chars, i as u32, end);
    ["被誉为", "被称为", "誉为"]
        .iter()
        .any(|w| before.contains(w))
        || (before.starts_with('在') && after.contains("方面"))
}

/// Is char `i` inside a 《…》 title opened after `start`?
fn in_title(chars: &[char], start: usize, i: usize) -> bool {
    let open = chars[start..i]
        .iter()
        .rposition(|&c| matches!(c, '《' | '〈'));
    let close = chars[start..i]
        .iter()
        .rposition(|&c| matches!(c, '》' | '〉'));
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Does the clause before char `i` name firms, merchants or projects?
fn movers_before(inp: &Input, s: &Sentence, i: usize) -> bool {
    const WHO: &[&str] = &[
        "企业", "商户", "公司", "工厂", "厂家", "商家", "项目", "总部",
    ];
    let clause = text_of(inp.chars, clause_start(inp, s, i as u32), i as u32);
    WHO.iter().any(|w| clause.contains(w))
}

/// Is the verb at `at` negated (并未搬迁, 不会迁往)?
pub(super) fn negated(inp: &Input, at: u32) -> bool {
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

/// Is the verb at `at` the policy called the crux of the work, not a move
/// (把承接北京非首都功能疏解作为“牛鼻子”, 抓住疏解这个“牛鼻子”)?
pub(super) fn the_crux(inp: &Input, s: &Sentence, at: u32) -> bool {
    let after = text_of(inp.chars, at, (at + 20).min(s.end));
    let clause = after.split(is_clause_break).next().unwrap_or("");
    clause.contains("牛鼻子")
}

/// A verb that names what is wished for, not done: 有入驻园区需求的企业,
/// 落户意向, 迁移意愿 — a noun of wish right after it or its short object.
fn wish_of(inp: &Input, s: &Sentence, t: &Trigger) -> bool {
    let after = text_of(inp.chars, t.end, (t.end + 6).min(s.end));
    let after = after.split(is_clause_break).next().unwrap_or("");
    // (落户廊坊的意向: a place and 的 between; not 落户…，满足了扩产需求.)
    ["需求", "意向", "意愿", "愿望"].iter().any(|w| {
        after.find(w).is_some_and(|b| {
            let between = after[..b].strip_suffix('的').unwrap_or(&after[..b]);
            between.chars().count() <= 3 && !between.contains('的')
        })
    })
}

/// Items "word [qualifier] figure" between `from` and `limit`: (what, figure).
pub(super) fn object_items(inp: &Input, from: u32, limit: u32) -> Vec<(What, usize)> {
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
pub(super) fn receive(
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
    around: Option<(&Context, bool, &[usize])>,
) {
    let mut exclude = origins.clone();
    exclude.extend(taken.iter().copied());
    for e in &enumerated {
        exclude.extend(e.0.iter().copied());
    }
    // Places after 来自 are where things came from, never the subject
    // (30个项目主要来自京津冀、长三角、珠三角地区，北京地区23个项目…签约).
    let mut not_subject = exclude.clone();
    if let Some((_, _, m)) = around {
        not_subject.extend(m.iter().copied());
    }
    // The subject; after a semicolon it may be the one the chain of
    // receiving clauses began with (我省引进…；吸引…).
    let found = place_before(inp, hits, s, t.start, &not_subject)
        .map(|h| subject_list(inp, hits, h, &not_subject))
        .or_else(|| {
            last_dest
                .clone()
                .filter(|(d, _)| !d.iter().any(|p| exclude.contains(p)))
        })
        .or_else(|| {
            let (ctx, marked, _) = around?;
            elsewhere(inp, s, hits, t, ctx, &exclude, marked)
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

/// A share of what a place took in, said to come from elsewhere, with no
/// verb of moving (科技城累计注册企业1200余家，其中来自北京的企业达780家;
/// 入驻商户5800余户，其中约40%来自北京; 其中从北京迁来的有142家): the
/// place named before 其中 receives, else the paragraph's or document's.
pub(super) fn share_from(
    inp: &Input,
    s: &Sentence,
    hits: &[&PlaceHit],
    ctx: &Context,
) -> Option<Cand> {
    let text = text_of(inp.chars, s.start, s.end);
    // 其中…, or a share after a comma (…注册企业超过1000家，大部分来自北京).
    let these_at = these_came_from(&text);
    let b = these_at
        .or_else(|| text.find("其中"))
        .or_else(|| {
            let c = text.find("来自")?;
            let comma = text[..c].rfind('，')?;
            let share = &text[comma + '，'.len_utf8()..c];
            // A share (大部分, 六成, 40%) of firms or projects counted right
            // before the comma (…注册企业超过1000家，大部分来自北京), not of staff.
            let share_word = ["大部分", "大多", "多数", "半数", "一半", "近半", "%", "％"]
                .iter()
                .any(|w| share.contains(w))
                || share.char_indices().any(|(i, ch)| {
                    ch == '成' && share[..i].ends_with(|c: char| "一二三四五六七八九几".contains(c))
                });
            let counted = text[..comma].trim_end_matches(['余', '多']);
            let firms = ["家", "个", "项", "户"]
                .iter()
                .any(|u| counted.ends_with(u));
            (share.chars().count() <= 8 && share_word && firms).then_some(comma)
        })
        .or_else(|| {
            // 入驻商家绝大部分是北京大兴的服装厂: who they are, by share.
            IDENTITY.iter().filter_map(|w| text.find(w)).min()
        })?;
    let at = s.start + text[..b].chars().count() as u32;
    // 这些项目来自…: what the sentence before took in.
    let these = these_at == Some(b);
    let before = &text[..b];
    // The firms may be named after 其中 (这里已是新兴产业聚集地，其中不少
    // 企业来自河北).
    let share = text[b..].find("来自").map_or("", |c| &text[b..b + c]);
    if !["企业", "商户", "商家", "项目", "机构", "单位", "公司"]
        .iter()
        .any(|w| before.contains(w) || share.contains(w))
        || !(these || RECEIVED_WORDS.iter().any(|w| before.contains(w)))
    {
        return None;
    }
    let later: Vec<&PlaceHit> = hits.iter().copied().filter(|h| h.start >= at).collect();
    // …来自北京, or a share of the firms of a place (其中京企占比超过六成).
    let from = origin_marked(inp, &later, s)
        .or_else(|| {
            later
                .iter()
                .find(|h| {
                    h.role == Role::Location && {
                        let after = text_of(inp.chars, h.end, (h.end + 4).min(s.end));
                        ["企占", "企业占"].iter().any(|w| after.starts_with(w))
                    }
                })
                .map(|h| h.places.clone())
        })
        .or_else(|| {
            // …是北京大兴南小街的服装厂: the place right after 是/为, whose
            // firms (厂, 企业, 商户…) its clause names.
            // Or 其中, a share, then 为/是 (其中50%以上为北京企业).
            let mut via_share = false;
            let after = match IDENTITY.iter().find(|w| text[b..].starts_with(**w)) {
                Some(w) => at + w.chars().count() as u32,
                None => {
                    let share = text[b..].strip_prefix("其中")?;
                    let share = share.split(is_clause_break).next().unwrap_or("");
                    let k = share.find(['为', '是'])?;
                    let amount = &share[..k];
                    let shares = amount.chars().count() <= 12
                        && (amount.contains(['%', '％', '半'])
                            || amount.contains("部分")
                            || amount.contains("多数")
                            || amount.char_indices().any(|(i, c)| {
                                c == '成'
                                    && amount[..i]
                                        .ends_with(|d: char| "一二三四五六七八九".contains(d))
                            }));
                    if !shares {
                        return None;
                    }
                    via_share = true;
                    at + ("其中".chars().count() + amount.chars().count() + 1) as u32
                }
            };
            let h = later
                .iter()
                .find(|h| h.role == Role::Location && h.start >= after && h.start <= after + 1)?;
            let rest = text_of(inp.chars, h.end, (h.end + 14).min(s.end));
            let rest = rest.split(is_clause_break).next().unwrap_or("");
            // Not the place's own firms (主要是廊坊本地企业).
            let local = LOCAL.iter().any(|w| rest.starts_with(w));
            // After a share, what it is and nothing more (not 为北京企业配套,
            // 是北京企业的员工).
            let what = rest.trim_start_matches(['的', '籍']);
            let plain = [
                "企业", "企", "公司", "商户", "商家", "项目", "厂", "工厂", "厂家",
            ]
            .contains(&what);
            (!local
                && (plain || !via_share)
                && ["厂", "企业", "商户", "公司", "商家", "企"]
                    .iter()
                    .any(|f| rest.contains(f)))
            .then(|| places_after(inp, &later, h.start, s.end).0)
            .filter(|p| !p.is_empty())
        })?;
    let g = gazetteer();
    let related =
        |p: usize| g.places[p].kind == PlaceKind::Group || from.iter().any(|&o| g.nested(p, o));
    let to = place_before(inp, hits, s, at, &with_ancestors(&from))
        .filter(|h| !h.places.iter().any(|&p| related(p)))
        .map(|h| h.places.clone())
        .or_else(|| {
            let t = Trigger {
                start: at,
                end: at,
                word: "其中",
            };
            elsewhere(inp, s, hits, &t, ctx, &from, false).map(|x| x.0)
        })?;
    let mut c = cand(from, to, s.start, at, s.end);
    c.verb = "来自";
    c.object_after = true;
    Some(c)
}

/// A sentence that opens by pointing back to what was taken in and says
/// where it came from (这些项目来自北京昌平、大兴和天津等地): where 来自 is.
fn these_came_from(text: &str) -> Option<usize> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let rest = ["这些", "这批", "上述", "以上"]
        .iter()
        .find_map(|w| t.strip_prefix(w))?;
    let c = rest.find("来自")?;
    // The movers are the head (这些项目主要来自…), not what they have (这些
    // 企业的订单来自…), nor employers at a fair (用人单位).
    let mut who = &rest[..c];
    while let Some(w) = [
        "主要",
        "大多",
        "大部分",
        "多数",
        "多",
        "均",
        "全部",
        "分别",
        "都",
        "也",
    ]
    .iter()
    .find_map(|a| who.strip_suffix(a))
    {
        who = w;
    }
    (who.chars().count() <= 8
        && !who.chars().any(is_clause_break)
        && !who.contains('的')
        && ["项目", "企业", "商户", "公司", "商家", "药企", "厂"]
            .iter()
            .any(|w| who.ends_with(w)))
    .then(|| lead + (t.len() - rest.len()) + c)
}

/// Adverbs between a subject and 向 (北京市已向…, 北京正逐步向…).
const ADVERBS: &[&str] = &[
    "已经", "已", "正在", "正", "将", "还", "也", "逐步", "陆续", "积极", "累计", "先后", "持续",
    "主动", "有序", "今年", "去年", "共", "再",
];

/// Words that point back to a firm, school or hospital named before.
const ANAPHORIC_MOVERS: &[&str] = &[
    "该企业",
    "该公司",
    "该集团",
    "这家企业",
    "这家公司",
    "该厂",
    "这家工厂",
    "该医院",
    "这家医院",
    "该校",
    "这所大学",
    "这所学校",
    "它的",
    "它们的",
];

/// Words before movers that point back to the place the sentence before
/// named (大红门市场曾是…集散地。这里的商户大部分迁往了永清).
pub(super) const HERE_MOVERS: &[&str] = &[
    "这里的商户",
    "这里的企业",
    "这里的商家",
    "这里的经营户",
    "这里的工厂",
    "此地的商户",
    "此地的企业",
    "那里的商户",
    "那里的企业",
];

/// Words that say a place took things in (入驻企业, 注册企业, 引进…).
/// A share of the received said to be of some place's firms (入驻商家绝大部分
/// 是北京…的服装厂).
const IDENTITY: &[&str] = &[
    "绝大部分是",
    "绝大多数是",
    "大部分是",
    "大多数是",
    "大多是",
    "多数是",
    "主要是",
    "大多为",
    "多为",
    "主要为",
];

const RECEIVED_WORDS: &[&str] = &[
    "入驻", "进驻", "迁入", "注册", "引进", "落户", "签约", "承接", "吸引", "集聚", "聚集", "新设",
    "落地",
];

/// Start of the clause chain (after the last ；) of the verb at `at`.
pub(super) fn window_start_of(inp: &Input, s: &Sentence, at: u32) -> u32 {
    window_start(inp, s, at.clamp(s.start, s.end))
}

/// The subject `h` of a receiving verb, with the places listed before it
/// (廊坊、保定、石家庄、沧州等地…积极承接北京…: all four receive; 沧州市的
/// 青县、唐山市的汉沽管理区…承接京城家具企业: both).
fn subject_list(
    inp: &Input,
    hits: &[&PlaceHit],
    h: &PlaceHit,
    exclude: &[usize],
) -> (Vec<usize>, u32) {
    let g = gazetteer();
    let mut places = h.places.clone();
    let mut start = h.start;
    let i = hits.partition_point(|x| x.start < h.start);
    // Each item's own qualifier goes with it (唐山市的汉沽管理区,
    // 沧州市的青县): a place that holds the next one, joined by 的.
    let mut last = h.places.clone();
    for x in hits[..i].iter().rev() {
        let gap = text_of(inp.chars, x.end, start);
        let holds = x
            .places
            .iter()
            .all(|&p| last.iter().all(|&q| g.is_within(q, p)));
        if gap == "的" && holds {
            start = x.start;
            continue;
        }
        if gap != "、" || x.role != Role::Location || x.places.iter().any(|p| exclude.contains(p))
        {
            break;
        }
        places.splice(0..0, x.places.iter().copied());
        last = x.places.clone();
        start = x.start;
    }
    (places, start)
}

/// Where what a sentence says came from went, when no subject before the
/// verb says it: with the origin marked (多从北京引进，对保定并不熟悉), the
/// place named after the verb; else the paragraph's place that is not the
/// origin, as precisely as the paragraph names it (…廊坊市人民政府…举行投资
/// 会议。共有12个项目签约，全部来自北京市重点企业); else the document's
/// first place (武清区…。此次签约的30个项目…北京地区23个项目).
fn elsewhere(
    inp: &Input,
    s: &Sentence,
    hits: &[&PlaceHit],
    t: &Trigger,
    ctx: &Context,
    origins: &[usize],
    marked: bool,
) -> Option<(Vec<usize>, u32)> {
    if origins.is_empty() {
        return None;
    }
    let g = gazetteer();
    let unrelated =
        |p: usize| g.places[p].kind != PlaceKind::Group && !origins.iter().any(|&o| g.nested(p, o));
    if marked {
        if let Some(h) = hits.iter().find(|h| {
            h.start >= t.end
                && h.role == Role::Location
                && h.group.is_none()
                && h.places.iter().all(|&p| unrelated(p))
        }) {
            return Some((h.places.clone(), h.start));
        }
    }
    // The place that opens the next clause (承接京津产业转移，涿州焕发
    // 新活力): the subject the verb's clause left out.
    let clause_end = (t.end..s.end).find(|&i| is_clause_break(inp.chars[i as usize]));
    if let Some(h) = clause_end.and_then(|e| {
        hits.iter().find(|h| {
            h.start == e + 1
                && h.role == Role::Location
                && h.group.is_none()
                && h.places.iter().all(|&p| unrelated(p))
        })
    }) {
        return Some((h.places.clone(), h.start));
    }
    // This paragraph's place, else the last one the paragraph before named
    // (…明珠商贸城位于沧州市高新区…。\n目前，明珠商贸城项目承接北京商户10000余家).
    for places in [&ctx.para, &ctx.prev] {
        if let Some(&last) = places.iter().rev().find(|&&p| unrelated(p)) {
            let province = g.province_of(last).unwrap_or(last);
            let to = places
                .iter()
                .copied()
                .filter(|&p| unrelated(p) && g.is_within(p, province))
                .max_by_key(|&p| g.depth(p))
                .unwrap_or(last);
            return Some((vec![to], s.start));
        }
    }
    ctx.doc
        .filter(|&p| unrelated(p))
        .map(|p| (vec![p], s.start))
}

/// Where a 其中 that follows a verb of moving (not of receiving) is.
fn share_start(
    inp: &Input,
    s: &Sentence,
    trig: &[Trigger],
    shapes: &[Option<Shape>],
) -> Option<u32> {
    let text = text_of(inp.chars, s.start, s.end);
    let q = s.start + text[..text.find("其中")?].chars().count() as u32;
    trig.iter()
        .zip(shapes)
        .any(|(t, sh)| t.end <= q && matches!(sh, Some(Shape::To | Shape::Toward | Shape::In)))
        .then_some(q)
}

/// The share of a move's movers that the clause at `q` (其中…) says come
/// from a place within the move's origin (近800家北京服装加工厂签约外迁沧州，
/// 其中667家来自大兴区): a flow of its own to the same place, with its count.
fn share_of_move(inp: &Input, s: &Sentence, hits: &[&PlaceHit], q: u32, out: &mut Vec<Cand>) {
    let g = gazetteer();
    let Some(main) = out.iter().rev().find(|c| c.at < q) else {
        return;
    };
    // Past 其中 and a comma after it (其中，…).
    let end = (q + 4..s.end)
        .find(|&k| matches!(inp.chars[k as usize], '，' | '；' | '。'))
        .unwrap_or(s.end);
    let later: Vec<&PlaceHit> = hits
        .iter()
        .copied()
        .filter(|h| h.start >= q && h.end <= end)
        .collect();
    let Some(from) = origin_marked(inp, &later, s) else {
        return;
    };
    let part = from
        .iter()
        .all(|&p| main.from.iter().any(|&f| f != p && g.is_within(p, f)));
    if !part {
        return;
    }
    let count = inp.figures.iter().position(|f| {
        f.span.start >= q && f.span.end <= end && COUNT_UNITS.contains(&f.unit.as_str())
    });
    let mut c = cand(from, main.to.clone(), q, q, end);
    c.own = Some(Own {
        what: main.own.and_then(|o| o.what),
        count,
        amount: None,
    });
    c.verb = main.verb;
    out.push(c);
}

/// The state of one sentence's scan, shared by the shapes' rules.
struct Scan<'a, 'h> {
    inp: &'a Input<'a>,
    s: &'a Sentence,
    hits: &'a [&'h PlaceHit],
    ctx: &'a Context,
    /// Places introduced by 来自/从 anywhere in the sentence.
    marked_origin: Option<Vec<usize>>,
    /// Origins taken by receiving verbs, so no subject search reuses them.
    taken: Vec<usize>,
    /// The subject of the last receiving clause (我省引进…；吸引…).
    last_dest: Option<(Vec<usize>, u32)>,
    out: Vec<Cand>,
}

/// A candidate with no quantities or kind of its own.
pub(super) fn cand(from: Vec<usize>, to: Vec<usize>, scope: u32, at: u32, limit: u32) -> Cand {
    Cand {
        from,
        to,
        scope,
        at,
        limit,
        own: None,
        object_after: false,
        verb: "",
    }
}

/// The candidate flows of one sentence, in the order of their verbs.
pub(super) fn candidates(
    inp: &Input,
    s: &Sentence,
    hits: &[&PlaceHit],
    ctx: &Context,
) -> Vec<Cand> {
    let trig = triggers(inp, s);
    let shapes: Vec<Option<Shape>> = trig
        .iter()
        .map(|t| shape_of(inp, hits, s, t, &ctx.places))
        .collect();
    // A clause's quantities reach up to the next verb that states a move
    // (总投资 or 投资总额 after 引进 is still the same clause's).
    let limit_after = |k: usize| {
        (k + 1..trig.len())
            .find(|&j| shapes[j].is_some())
            .map(|j| trig[j].start)
            .unwrap_or(s.end)
    };
    // 其中 after a verb of moving breaks its movers down (…签约外迁沧州，其中
    // 667家来自大兴区): a 来自 after it names a share's origin, not the move's.
    let share = share_start(inp, s, &trig, &shapes);
    let before_share: Vec<&PlaceHit> = hits
        .iter()
        .copied()
        .filter(|h| share.is_none_or(|q| h.start < q))
        .collect();
    let mut scan = Scan {
        inp,
        s,
        hits,
        ctx,
        marked_origin: origin_marked(inp, &before_share, s),
        taken: Vec::new(),
        // A receiving sentence with no subject of its own: the paragraph's
        // (宝坻区积极抢抓…机遇。截至目前，已累计落地北京方向实体项目…).
        last_dest: ctx.topic.map(|p| (vec![p], s.start)),
        out: Vec::new(),
    };
    for (k, t) in trig.iter().enumerate() {
        // Name the verb on the candidates the trigger before added.
        for c in scan.out.iter_mut().filter(|c| c.verb.is_empty()) {
            c.verb = trig[k.saturating_sub(1)].word;
        }
        if negated(inp, t.start) || the_crux(inp, s, t.start) || wish_of(inp, s, t) {
            continue;
        }
        let limit = limit_after(k);
        match shapes[k] {
            Some(Shape::From) => scan.received(t, limit),
            Some(Shape::To) => scan.moved_to(t, limit),
            Some(Shape::In) => scan.moved_in(t, limit, false),
            Some(Shape::Toward) => scan.moved_in(t, limit, true),
            Some(Shape::Establish) => scan.established(t, limit),
            None => {}
        }
    }
    if let Some(last) = trig.last() {
        for c in scan.out.iter_mut().filter(|c| c.verb.is_empty()) {
            c.verb = last.word;
        }
    }
    if scan.out.is_empty() {
        scan.out.extend(located_firm(inp, s, hits));
    }
    if let Some(q) = share {
        share_of_move(inp, s, hits, q, &mut scan.out);
    }
    let mut out = one_per_clause(inp, s, scan.out);
    verbless::paired_slogans(inp, s, hits, &mut out);
    verbless::branch_sites(inp, s, hits, &mut out);
    verbless::branch_parks(inp, s, hits, &mut out);
    verbless::chosen_sites(inp, s, hits, &mut out);
    verbless::became_receivers(inp, s, hits, &mut out);
    out
}

/// The place right after a short modifier ending in 的 after a verb of
/// moving (落户到之前备受媒体关注的廊坊永清…, 迁到离北京较近的河北固安):
/// where it starts. The modifier has no verb of moving and no clause break.
fn place_after_modifier(inp: &Input, hits: &[&PlaceHit], s: &Sentence, t: &Trigger) -> Option<u32> {
    let mut p = t.end as usize;
    while p < s.end as usize && matches!(inp.chars[p], '到' | '于' | '了' | '至' | '往') {
        p += 1;
    }
    let h = hits.iter().find(|h| {
        h.role == Role::Location
            && h.start as usize > p + 1
            && h.start as usize <= p + 14
            && inp.chars[h.start as usize - 1] == '的'
    })?;
    // 转移至园区的京籍药企: a place that names the movers' home is not
    // where they went; nor is a modifier that points back (园区的, 这里的).
    if is_home_of_mover(inp, h, s.end)
        || ["籍", "企"]
            .iter()
            .any(|w| text_of(inp.chars, h.end, (h.end + 1).min(s.end)).starts_with(w))
    {
        return None;
    }
    let between = text_of(inp.chars, p as u32, h.start);
    if ANAPHORA.iter().any(|w| between.starts_with(w)) {
        return None;
    }
    let clean = !between
        .chars()
        .any(|c| is_clause_break(c) || matches!(c, '、' | '“' | '”'))
        && !TO_VERBS.iter().chain(IN_VERBS).any(|v| between.contains(v))
        && !between.contains("企业")
        && !between.contains("项目");
    clean.then_some(h.start)
}

/// A firm of one place located in another, said with 在 (在香河经济开发区
/// 新兴产业园内的北京一家食品企业生产基地内): it came from its home. The
/// home is right after 在 P…内的/里的, and is the home of what follows it.
fn located_firm(inp: &Input, s: &Sentence, hits: &[&PlaceHit]) -> Option<Cand> {
    let g = gazetteer();
    for (i, h) in hits.iter().enumerate() {
        if h.role != Role::Location || h.start <= s.start || inp.chars[h.start as usize - 1] != '在'
        {
            continue;
        }
        let (site, used) = places_after(inp, hits, h.start, s.end);
        let end = used.last().map_or(h.end, |u| u.end);
        let Some(home) = hits[i + used.len().max(1)..]
            .iter()
            .find(|o| o.start >= end)
        else {
            continue;
        };
        let between = text_of(inp.chars, end, home.start);
        let located = between.chars().count() <= 12
            && (between.ends_with("内的")
                || between.ends_with("里的")
                || between.ends_with("中的"))
            && !between.chars().any(|c| is_clause_break(c) || c == '、')
            && !TO_VERBS.iter().chain(IN_VERBS).any(|v| between.contains(v));
        if !located || home.role != Role::Location || !is_home_of_mover(inp, home, s.end) {
            continue;
        }
        let related = home
            .places
            .iter()
            .any(|&a| site.iter().any(|&b| g.province_of(a) == g.province_of(b)));
        if related || site.is_empty() {
            continue;
        }
        let mut c = cand(home.places.clone(), site, h.start, home.start, s.end);
        c.verb = "在";
        return Some(c);
    }
    None
}

/// One clause states one move per pair of places: 承接北京疏解的企业 is
/// found by 承接 and by 疏解 alike.
fn one_per_clause(inp: &Input, s: &Sentence, out: Vec<Cand>) -> Vec<Cand> {
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
    kept
}

/// A receiving verb whose clause takes in people rather than industry
/// (迎来来自北京的考察团, 吸引北京游客10万人次, 接收北京学生): no move.
fn receives_visitors(inp: &Input, s: &Sentence, t: &Trigger) -> bool {
    let clause = text_of(inp.chars, t.end, (t.end + 24).min(s.end));
    let clause = clause.split(is_clause_break).next().unwrap_or("");
    // (技术合同: a contract, not the technology moving.)
    let movers = clause.replace("技术合同", "合同");
    VISITORS.iter().chain(DEALS).any(|w| clause.contains(w))
        && !MOVERS.iter().any(|w| movers.contains(w))
}

pub(super) fn shape_of(
    inp: &Input,
    hits: &[&PlaceHit],
    s: &Sentence,
    t: &Trigger,
    prev: &[usize],
) -> Option<Shape> {
    let w = t.word;
    // 把北京的批发市场承接到高碑店: with 到 or 至 the receiving verb moves
    // what it takes to the place after it, as 迁到 does.
    // (Only what 把 or 被 takes: 承接到北京疏解企业 got them from there.)
    if FROM_VERBS.contains(&w)
        && matches!(
            text_of(inp.chars, t.end, (t.end + 1).min(s.end)).as_str(),
            "到" | "至"
        )
        && crate::text::chars::hands_over(&text_of(inp.chars, s.start, t.start))
    {
        let p = past_glue(inp.chars, t.end, s.end);
        // (Not a visit: 被吸引到廊坊参观考察.)
        let visit = {
            let rest = text_of(inp.chars, p as u32, s.end);
            let rest = rest.split(is_clause_break).next().unwrap_or("");
            ["参观", "考察", "旅游", "观光", "游览", "学习", "交流"]
                .iter()
                .any(|w| rest.contains(w))
        };
        if !visit
            && hits
                .iter()
                .any(|h| h.start as usize == p && h.role == Role::Location)
        {
            return Some(Shape::To);
        }
    }
    if FROM_VERBS.contains(&w) {
        // 迎来 takes in movers only when its clause names them (迎来一批北京
        // 企业), not a season's peak (批发市场迎来备货小高峰).
        let welcomes_nothing = ["迎来", "迎接"].contains(&w) && {
            let clause = text_of(inp.chars, t.end, (t.end + 24).min(s.end));
            let clause = clause.split(is_clause_break).next().unwrap_or("");
            !MOVERS
                .iter()
                .chain(&["商家", "批发商", "经营户", "摊位", "商贩", "中心"])
                .any(|m| clause.contains(m))
        };
        return (!welcomes_nothing && !receives_visitors(inp, s, t)).then_some(Shape::From);
    }
    if ESTABLISH.contains(&w)
        && hits
            .iter()
            .any(|h| h.role == Role::Seat && h.start >= t.end && h.start <= t.end + 20)
    {
        return Some(Shape::Establish);
    }
    // 落地来自北京的项目13个, 入驻了来自北京的企业: what came from there,
    // taken in as 引进 takes it.
    let from_follows = {
        let rest = text_of(inp.chars, t.end, (t.end + 3).min(s.end));
        let at = t.end + u32::from(rest.starts_with('了'));
        // What came is firms or projects (来自北京的企业), not flights,
        // goods, teams or people (来自北京的航班、员工、督察组).
        let head = || {
            let from = at + 2;
            let rest = text_of(inp.chars, from, (from + 16).min(s.end));
            let rest = rest.split(is_clause_break).next().unwrap_or("");
            let head = rest.split_once('的').map_or("", |(_, h)| h);
            let head: String = head.chars().take(6).collect();
            FIRM_HEADS.iter().chain(&["商家"]).any(|w| head.contains(w))
                && !PEOPLE.iter().any(|w| head.contains(w))
        };
        text_of(inp.chars, at, (at + 2).min(s.end)) == "来自"
            && hits
                .iter()
                .any(|h| h.start == at + 2 && h.role == Role::Location)
            && head()
    };
    if from_follows && (TO_VERBS.contains(&w) || IN_VERBS.contains(&w)) {
        return Some(Shape::From);
    }
    let place_follows = {
        let p = past_glue(inp.chars, t.end, s.end);
        hits.iter()
            .any(|h| h.start as usize == p && h.role == Role::Location)
    };
    let anaphora = {
        let rest = text_of(inp.chars, t.end, (t.end + 4).min(s.end));
        let rest = rest.trim_start_matches(['了', '到', '至', '在']);
        ANAPHORA.iter().any(|x| rest.starts_with(x))
    };
    if TO_VERBS.contains(&w)
        && (place_follows || anaphora || place_after_modifier(inp, hits, s, t).is_some())
    {
        return Some(Shape::To);
    }
    // 20家北京企业首批签约入驻: the movers' home before, no place after.
    if TO_VERBS.contains(&w) && !place_follows && shapes::settling_movers(inp, s, hits, t).is_some()
    {
        return Some(Shape::To);
    }
    if came_from(inp, hits, s, t) {
        return Some(Shape::To);
    }
    if TOWARD_VERBS.contains(&w) && in_destination(inp, hits, s, t, true, prev).is_some() {
        return Some(Shape::Toward);
    }
    if IN_VERBS.contains(&w) && in_destination(inp, hits, s, t, false, prev).is_some() {
        return Some(Shape::In);
    }
    // 开发区聚集了200多家来自北京的企业: the place gathers what it took in,
    // as 吸引 does (the origins must follow, or nothing is taken).
    // Not 聚集雄安 (gathered at 雄安: a place right after is where).
    if ["聚集", "集聚"].contains(&w) && !place_follows && !receives_visitors(inp, s, t) {
        return Some(Shape::From);
    }
    None
}

/// Firms a place has that came from another, said with 从 P … 迁来 and
/// nothing after (沧州有很多企业是从北京搬迁过来的; 其中6000余家是从北京
/// 多家批发市场转移而来): the subject before receives. Not 从北京迁来的企业
/// (a noun phrase: paragraph.rs reads it), nor people.
fn came_from(inp: &Input, hits: &[&PlaceHit], s: &Sentence, t: &Trigger) -> bool {
    if !["迁", "搬", "转移", "疏解"]
        .iter()
        .any(|v| t.word.contains(v))
    {
        return false;
    }
    let rest = text_of(inp.chars, t.end, (t.end + 5).min(s.end));
    let rest = if t.word.ends_with('来') {
        rest.as_str()
    } else {
        let r = rest.trim_start_matches(['而', '过']);
        if r.len() == rest.len() {
            return false;
        }
        match r.strip_prefix('来') {
            Some(r) => r,
            None => return false,
        }
    };
    let rest = rest.strip_prefix('的').unwrap_or(rest);
    if !(rest.is_empty() || rest.starts_with(is_clause_break)) {
        return false;
    }
    let start = clause_start(inp, s, t.start);
    let Some(origin) = hits.iter().rev().find(|h| {
        h.role == Role::Location
            && h.start > start
            && h.end <= t.start
            && (inp.chars[h.start as usize - 1] == '从' || after_named_sites(inp, h, s))
            && {
                let between = text_of(inp.chars, h.end, t.start);
                between.chars().count() <= 16 && !between.contains(is_clause_break)
            }
    }) else {
        return false;
    };
    // Not denied, doubted or asked (并不是从北京搬迁过来的, 以为…, 是不是…),
    // nor people (员工很多是从北京迁来的).
    let clause = text_of(inp.chars, start, origin.start);
    let sentence = text_of(inp.chars, s.start, s.end);
    let unsure = [
        "不是",
        "并非",
        "没有",
        "没",
        "未",
        "以为",
        "是否",
        "是不是",
        "并不",
    ]
    .iter()
    .any(|w| clause.contains(w))
        || sentence.contains(['？', '?', '吗']);
    let people = PEOPLE_WORDS.iter().any(|w| clause.contains(w));
    // The receiver is named in the same clause (记者在北京了解到，一些企业
    // 是从天津迁来的: 北京 is where the reporter was).
    !unsure
        && !people
        && movers_before(inp, s, origin.start as usize)
        && place_before(inp, hits, s, origin.start, &origin.places)
            .is_some_and(|h| h.start >= start)
}

/// People, who move as people, not as firms.
const PEOPLE_WORDS: &[&str] = &[
    "员工", "职工", "工人", "人员", "人才", "居民", "家属", "老板", "商贩", "摊主", "学生",
];
