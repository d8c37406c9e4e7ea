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

mod candidates;
mod cues;
mod details;
mod endpoints;
mod firms;
mod paragraph;
mod verbless;

use crate::extract::industries::IndustryHit;
use crate::extract::places::{gazetteer, PlaceHit, PlaceKind, Role};
use crate::model::{Figure, Flow, Span, What};
use crate::text::chars::is_clause_break;
use crate::text::sentences::Sentence;
use crate::text::tokens::{CharIndex, Token};
use candidates::candidates;
use cues::DENIALS;
use details::emit;
use paragraph::{
    came_and_settled, came_to_the_paragraph, distribution, outward_origin, outward_to_paragraph,
    refine_province, topic_of,
};

/// Quantities and kind a sentence gives one flow of several (其中北京企业79家;
/// 引进京津项目15560个、资金13901.17亿元 is a project flow and a capital flow).
#[derive(Debug, Clone, Copy, Default)]
struct Own {
    what: Option<What>,
    count: Option<usize>,
    amount: Option<usize>,
}

/// What earlier sentences of the paragraph say, for sentences that lean on
/// them (落户这个新商场; 另有680户商户落户沧州).
#[derive(Debug, Clone, Default)]
struct Context {
    /// The last place named as a location in the sentence before.
    places: Vec<usize>,
    /// The origin of the paragraph's last flow.
    origin: Vec<usize>,
    /// A place the sentence before said things move out of, with no
    /// destination (大兴区整体外迁的企业约130家).
    outward: Vec<usize>,
    /// The paragraph's locations so far, in order.
    para: Vec<usize>,
    /// The paragraph's first location, as precisely as its first run of
    /// names gives it (天津市武清区 → 武清区): the subject that later
    /// sentences leave out.
    topic: Option<usize>,
    /// The locations of the last paragraph that named any, in order.
    prev: Vec<usize>,
    /// The document's first location (its first paragraph's topic): the
    /// subject of a later paragraph that names only where things came from
    /// (此次签约的30个项目…北京地区23个项目).
    doc: Option<usize>,
    /// The home of the mover the sentence before names (北京星海钢琴集团
    /// 是一家老字号企业): what a later 该企业 comes from.
    homes: Vec<usize>,
    /// The home of the mover a heading right above the paragraph names
    /// (巴威公司（北京锅炉厂）：), for its first sentence only, which leaves
    /// its subject out (生产制造环节将迁往河北曹妃甸); empty for the others.
    heading: Vec<usize>,
}

/// A verb that may state a move, and where it is.
#[derive(Debug, Clone)]
struct Trigger {
    start: u32,
    end: u32,
    word: &'static str,
}

#[derive(Clone)]
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
    /// The first place the document's title names ([`title_topic`]).
    pub title_place: Option<usize>,
}

/// The topic of a title's places: its first location, narrowed by the
/// names right after it.
pub fn title_topic(hits: &[PlaceHit]) -> Option<usize> {
    let refs: Vec<&PlaceHit> = hits.iter().filter(|h| !h.places.is_empty()).collect();
    topic_of(&refs)
}

/// The first clause break (，；。…) in chars `from..to`.
fn clause_break_in(inp: &Input, from: u32, to: u32) -> Option<u32> {
    (from..to).find(|&k| {
        inp.chars
            .get(k as usize)
            .copied()
            .is_some_and(is_clause_break)
    })
}

fn text_of(chars: &[char], a: u32, b: u32) -> String {
    chars[a as usize..(b as usize).min(chars.len())]
        .iter()
        .collect()
}

/// Finds the flows of a document.
pub fn find(inp: &Input) -> Vec<Flow> {
    let mut out: Vec<Flow> = Vec::new();
    let mut ctx = Context {
        doc: inp.title_place,
        ..Context::default()
    };
    let mut prev_paragraph = u32::MAX;
    // The sentences of the paragraph so far, and where it began.
    let mut para_sentences = 0usize;
    let mut para_start = 0u32;
    // The last place the document said things moved out of, with no
    // destination: later lists of destinations are its.
    let mut moved_out: Vec<usize> = Vec::new();
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
    // Whether the sentence before stated a flow.
    let mut found_before = false;
    for (si, s) in inp.sentences.iter().enumerate() {
        // A sentence that opens with 其中 breaks down what the one before
        // took in (…已吸引60家企业入驻。其中，北京企业36家): read as one,
        // unless the one before stated its own flow.
        let joined;
        let s = match si.checked_sub(1).map(|p| &inp.sentences[p]) {
            Some(p)
                if p.paragraph == s.paragraph
                    && !found_before
                    && text_of(inp.chars, s.start, (s.start + 4).min(s.end))
                        .trim_start()
                        .starts_with("其中") =>
            {
                joined = Sentence {
                    start: p.start,
                    ..*s
                };
                &joined
            }
            _ => s,
        };
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
        let all_places = inp.places;
        let inp = &sub;
        let hits: Vec<&PlaceHit> = inp
            .places
            .iter()
            .filter(|h| h.start >= s.start && h.end <= s.end && !h.places.is_empty())
            .filter(|h| matches!(h.role, Role::Location | Role::Seat))
            .filter(|h| !is_hometown(inp, h) && !is_landmark(inp, h))
            .collect();
        if s.paragraph != prev_paragraph {
            let prev = if ctx.para.is_empty() {
                std::mem::take(&mut ctx.prev)
            } else {
                std::mem::take(&mut ctx.para)
            };
            // A heading: one short sentence, or a label ending in a colon.
            let colon = inp.chars[para_start as usize..s.start as usize]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace())
                .is_some_and(|&c| matches!(c, '：' | ':'));
            let heading =
                if para_sentences == 1 && colon && s.start.saturating_sub(para_start) <= 30 {
                    std::mem::take(&mut ctx.homes)
                } else {
                    Vec::new()
                };
            ctx = Context {
                doc: ctx.doc,
                prev,
                heading,
                ..Context::default()
            };
            para_sentences = 0;
            para_start = s.start;
        } else {
            ctx.heading.clear();
        }
        para_sentences += 1;
        prev_paragraph = s.paragraph;
        let here: Vec<usize> = hits
            .iter()
            .filter(|h| h.role == Role::Location)
            .flat_map(|h| h.places.iter().copied())
            .collect();
        let mut found = false;
        // A sentence with no place may point back to the one before (新车型
        // 将在这里生产).
        if (!hits.is_empty() || !ctx.places.is_empty()) && !denied {
            let mut cands = candidates(inp, s, &hits, &ctx);
            if cands.is_empty() {
                cands.extend(outward_to_paragraph(inp, s, &hits, &ctx));
            }
            if cands.is_empty() {
                cands = distribution(inp, s, &hits, &moved_out);
            }
            if cands.is_empty() {
                cands = came_and_settled(inp, s, &hits);
            }
            if cands.is_empty() {
                cands.extend(candidates::share_from(inp, s, &hits, &ctx));
            }
            if cands.is_empty() {
                cands.extend(came_to_the_paragraph(inp, s, &hits, &ctx));
            }
            if let Some(c) = cands.first() {
                ctx.origin = c.from.clone();
            }
            let next = inp
                .sentences
                .get(si + 1)
                .filter(|n| n.paragraph == s.paragraph);
            for c in cands.iter_mut() {
                refine_province(inp.chars, s, next, all_places, &ctx.para, c);
            }
            drop_refined_provinces(inp, s, &mut cands);
            drop_coarse_origins(&hits, &mut cands);
            drop_chained_origins(inp, s, &hits, &mut cands);
            for c in cands {
                emit(inp, s, &c, &mut out);
                found = true;
            }
        }
        found_before = found;
        ctx.outward = if found || denied {
            Vec::new()
        } else {
            outward_origin(inp, s, &hits)
        };
        if !ctx.outward.is_empty() {
            moved_out = ctx.outward.clone();
        }
        if ctx.topic.is_none() {
            ctx.topic = topic_of(&hits);
        }
        if ctx.doc.is_none() {
            ctx.doc = ctx.topic;
        }
        ctx.homes = movers_home(inp, s, &hits);
        ctx.para.extend(
            hits.iter()
                .filter(|h| h.role == Role::Location && h.group.is_none())
                .flat_map(|h| h.places.iter().copied()),
        );
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

/// A person's home town (离开黑龙江老家来到北京): no end of a move of
/// industry.
fn is_hometown(inp: &Input, h: &PlaceHit) -> bool {
    let after = text_of(inp.chars, h.end, (h.end + 2).min(inp.chars.len() as u32));
    ["老家", "家乡", "故乡", "原籍"].contains(&after.as_str())
}

/// A place named for where a site lies, not for where anything moves:
/// after a word of distance or travel (30分钟到达北京大兴国际机场, 距离天津港
/// 仅60公里, 毗邻雄安新区). 离 alone is left out: 离京 is leaving Beijing.
fn is_landmark(inp: &Input, h: &PlaceHit) -> bool {
    let before = text_of(inp.chars, h.start.saturating_sub(2), h.start);
    cues::LANDMARK_BEFORE.iter().any(|w| before.ends_with(w))
}

/// The home of the first mover a sentence names: an organisation named
/// after a place (北京星海钢琴集团), or a place before a mover word (北京一家
/// 企业).
fn movers_home(inp: &Input, s: &Sentence, hits: &[&PlaceHit]) -> Vec<usize> {
    let org = endpoints::named_orgs(inp, s, false)
        .into_iter()
        .find(|o| {
            let name = text_of(inp.chars, o.start, (o.start + 24).min(s.end));
            o.is_known_firm()
                || ["集团", "公司", "企业", "厂", "医院", "大学", "学院"]
                    .iter()
                    .any(|w| name.contains(w))
        })
        .map(|o| (o.start, o.places));
    let place = hits
        .iter()
        .find(|h| h.role == Role::Location && endpoints::is_home_of_mover(inp, h, s.end))
        .map(|h| (h.start, h.places.clone()));
    match (org, place) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a.1
            } else {
                b.1
            }
        }
        (Some(a), None) => a.1,
        (None, Some(b)) => b.1,
        (None, None) => Vec::new(),
    }
}

/// One sentence that sends an origin to a province and to a place within
/// it says the same move twice, the second time precisely (作为河北省承接
/// 北京非首都功能疏解的标志性工程之一，固安商贸城承接了北京商户): the
/// province's flow goes.
fn drop_refined_provinces(inp: &Input, s: &Sentence, cands: &mut Vec<Cand>) {
    let g = gazetteer();
    // Within one clause chain: past a semicolon (…；我省累计签约引进北京
    // 商户25000余户) the province's own figure is another statement.
    let chain = |c: &Cand| candidates::window_start_of(inp, s, c.at);
    let refined = |c: &Cand, to: usize, all: &[Cand]| {
        g.places[to].kind == PlaceKind::Province
            && all.iter().any(|o| {
                o.from == c.from
                    && chain(o) == chain(c)
                    && o.to.iter().any(|&t| t != to && g.is_within(t, to))
            })
    };
    drop_where(cands, |c, all| c.to.len() == 1 && refined(c, c.to[0], all));
}

/// One sentence that sends a district's firms and, by an origin it leaves
/// unnamed, the city's to the same place says one move twice (海淀一般制造业
/// 环节向河北地区投资转移…海淀区产业疏解工作, where 疏解 alone reads as
/// Beijing's): the city's flow goes. A city the sentence names keeps its
/// own (近800家北京服装厂外迁沧州，其中667家来自大兴区).
fn drop_coarse_origins(hits: &[&PlaceHit], cands: &mut Vec<Cand>) {
    let g = gazetteer();
    let coarse = |c: &Cand, all: &[Cand]| {
        c.from.len() == 1
            && !hits
                .iter()
                .any(|h| h.group.is_none() && h.places.contains(&c.from[0]))
            && all.iter().any(|o| {
                o.to == c.to
                    && o.from
                        .iter()
                        .any(|&f| f != c.from[0] && g.is_within(f, c.from[0]))
            })
    };
    drop_where(cands, coarse);
}

/// A place an earlier clause has just sent something to is not where a
/// firm the next clause names comes from (三峡集团总部搬迁至湖北武汉，新组建
/// 的中国电气装备集团宣布落户上海: not 武汉 → 上海). The same mover's second
/// move (2015年迁往廊坊，2020年又迁至保定) names no one new, and a place
/// its own clause names as the origin stays (…，天津到河北投资).
fn drop_chained_origins(inp: &Input, s: &Sentence, hits: &[&PlaceHit], cands: &mut Vec<Cand>) {
    // A mover of its own: an organisation's name before the verb (not one
    // pointing back: 该公司, 企业又把工厂迁到…; nor a move again: 又, 再).
    let names_mover = |a: u32, b: u32| {
        let t = text_of(inp.chars, a, b);
        if ["又", "再", "后来", "随后", "此后"]
            .iter()
            .any(|w| t.contains(w))
        {
            return false;
        }
        [
            "集团",
            "公司",
            "企业",
            "工厂",
            "医院",
            "大学",
            "学院",
            "研究院",
        ]
        .iter()
        .flat_map(|w| t.match_indices(w))
        .any(|(i, _)| {
            let name: Vec<char> = t[..i].chars().rev().take(2).collect();
            name.len() == 2
                && name.iter().all(|&c| crate::text::chars::is_han(c))
                && !name.iter().any(|c| "该这此本其某家".contains(*c))
        })
    };
    let chained = |c: &Cand, all: &[Cand]| {
        let clause = endpoints::clause_start(inp, s, c.at);
        !c.from.is_empty()
            && all.iter().any(|o| {
                o.at < clause
                    && c.from
                        .iter()
                        .all(|f| o.to.contains(f) && !o.from.contains(f))
            })
            && !hits
                .iter()
                .any(|h| h.start >= clause && h.start < c.at && h.places == c.from)
            && names_mover(clause, c.at)
    };
    drop_where(cands, chained);
}

/// Drops the candidates for which `drop` holds, each judged against all the
/// sentence's candidates as they were (a judgement may look at the others).
fn drop_where(cands: &mut Vec<Cand>, drop: impl Fn(&Cand, &[Cand]) -> bool) {
    let keep: Vec<bool> = cands.iter().map(|c| !drop(c, cands)).collect();
    let mut k = keep.iter();
    cands.retain(|_| *k.next().unwrap_or(&true));
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

#[cfg(all(test, feature = "segment"))]
mod tests;
