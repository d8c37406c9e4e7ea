//! Candidates: for each trigger verb of a sentence, its shape (迁往 P, 在 P
//! 落户, 向 P 转移, 引进 P…, 成立 X（P）公司) and the origins and destinations
//! that shape gives; then paired slogans (北京研发、河北制造).

use super::cues::*;
use super::endpoints::*;
use super::verbless;
use super::{text_of, Cand, Context, Input, Own, Trigger};
use crate::extract::figures::{COUNT_UNITS, MONEY_UNITS};
use crate::extract::places::{gazetteer, PlaceHit, Role};
use crate::model::What;
use crate::text::chars::is_clause_break;
use crate::text::cues::{starts_with_at, token_at};
use crate::text::sentences::Sentence;

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
    let mut scan = Scan {
        inp,
        s,
        hits,
        ctx,
        marked_origin: origin_marked(inp, hits, s),
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
        if negated(inp, t.start) {
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
    let mut out = one_per_clause(inp, s, scan.out);
    verbless::paired_slogans(inp, s, hits, &mut out);
    verbless::branch_sites(inp, s, hits, &mut out);
    out
}

impl Scan<'_, '_> {
    /// The flows of a receiving clause (see [`receive`]).
    fn receive(
        &mut self,
        t: &Trigger,
        limit: u32,
        origins: Vec<usize>,
        enumerated: Vec<(Vec<usize>, Option<usize>)>,
    ) {
        receive(
            self.inp,
            self.s,
            self.hits,
            t,
            limit,
            origins,
            enumerated,
            &mut self.taken,
            &mut self.last_dest,
            &mut self.out,
        );
    }

    /// 引进 P…: origins after the verb, the subject receives.
    fn received(&mut self, t: &Trigger, limit: u32) {
        let (inp, s, hits) = (self.inp, self.s, self.hits);
        // Origins: places right after the verb.
        let (mut origins, _) = places_after(inp, hits, t.end, s.end);
        if origins.is_empty() {
            // 吸引落户京津高科技企业 / 签约引进北京商户: a word between.
            // Not across a clause break (多从北京引进，对保定…).
            if let Some(h) = hits.iter().find(|h| {
                h.start >= t.end
                    && h.start <= t.end + 2
                    && h.role == Role::Location
                    && !text_of(inp.chars, t.end, h.start)
                        .chars()
                        .any(is_clause_break)
            }) {
                origins = h.places.clone();
            }
        }
        if origins.is_empty() {
            // 承接了4000多户北京商户: the home of what is received, in the
            // verb's object.
            if let Some(h) = hits.iter().find(|h| {
                h.start >= t.end
                    && h.start <= t.end + 12
                    && h.role == Role::Location
                    && !text_of(inp.chars, t.end, h.start)
                        .chars()
                        .any(is_clause_break)
                    && {
                        let after = text_of(inp.chars, h.end, (h.end + 2).min(s.end));
                        [
                            "企业", "商户", "项目", "药企", "企", "公司", "高校", "医院", "机构",
                        ]
                        .iter()
                        .any(|w| after.starts_with(w))
                    }
            }) {
                origins = h.places.clone();
            }
        }
        if origins.is_empty() {
            // 承接非首都功能疏解: Beijing's functions come from Beijing.
            let after = text_of(inp.chars, t.end, (t.end + 8).min(s.end));
            let after = after.split(['，', '。', '；']).next().unwrap_or("");
            if after.contains("非首都功能") {
                if let Some(b) = gazetteer().index_of("北京市") {
                    origins = vec![b];
                }
            }
        }
        let mut enumerated = Vec::new();
        if origins.is_empty() {
            enumerated = enumerated_origins(inp, hits, t.end, s);
            if enumerated.is_empty() {
                if let Some(m) = &self.marked_origin {
                    origins = m.clone();
                }
            }
        }
        if origins.is_empty() && enumerated.is_empty() {
            return;
        }
        self.receive(t, limit, origins, enumerated);
    }

    /// 迁往 P: the destination after the verb, the origin before it.
    fn moved_to(&mut self, t: &Trigger, limit: u32) {
        let (inp, s, hits) = (self.inp, self.s, self.hits);
        let (mut dest, used) = places_after(inp, hits, t.end, s.end);
        // 落地津企项目 / 迁入北京企业: the place names the movers' home,
        // and the subject receives them.
        let movers_home = used.last().is_some_and(|h| {
            let after = text_of(inp.chars, h.end, (h.end + 2).min(s.end));
            // 落地北京方向实体项目, 北京来源企业: a word of origin between.
            let far = text_of(inp.chars, h.end, (h.end + 8).min(s.end));
            let far = far.split(is_clause_break).next().unwrap_or("");
            let sourced = ["方向", "来源", "籍"].iter().any(|w| far.starts_with(w))
                && ["企业", "项目", "商户", "企", "公司"]
                    .iter()
                    .any(|w| far.contains(w));
            sourced
                || ["企业", "项目", "商户", "药企", "企"]
                    .iter()
                    .any(|w| after.starts_with(w))
                || h.end > h.start + 1 && text_of(inp.chars, h.end - 1, h.end) == "企"
        });
        if movers_home {
            self.receive(t, limit, dest, vec![]);
            return;
        }
        let prev = self.ctx.places.as_slice();
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
                self.receive(t, limit, vec![], enumerated);
            } else if let Some(m) = self.marked_origin.clone() {
                self.receive(t, limit, m, vec![]);
            }
            return;
        }
        let origin = self
            .marked(t)
            .or_else(|| {
                place_before(inp, hits, s, t.start, &dest).map(|h| (h.places.clone(), h.start))
            })
            .or_else(|| {
                // 另有680户商户落户沧州: the origin of the sentence before.
                let opening = text_of(inp.chars, s.start, (s.start + 2).min(s.end));
                (CONTINUES.iter().any(|w| opening.starts_with(w)) && !self.ctx.origin.is_empty())
                    .then(|| (self.ctx.origin.clone(), s.start))
            })
            .or_else(|| {
                // 大兴区整体外迁的企业约130家。其中，41家企业已落户廊坊。
                (!self.ctx.outward.is_empty()).then(|| (self.ctx.outward.clone(), s.start))
            })
            .or_else(|| self.shujie_origin(t, &dest));
        self.push(origin, dest, t, limit);
    }

    /// 疏解 with no origin named: what Beijing relieves itself of comes from
    /// Beijing (首批疏解的央企总部落户雄安, 向雄安疏解). Not 疏解整治 (a
    /// campaign inside Beijing), nor a destination inside Beijing.
    fn shujie_origin(&self, t: &Trigger, dest: &[usize]) -> Option<(Vec<usize>, u32)> {
        let (inp, s) = (self.inp, self.s);
        // 疏解 anywhere in the sentence (…迁驻雄安，疏解北京非首都功能取得了
        // 进展), or Beijing's 非首都功能.
        let _ = t;
        let text = text_of(inp.chars, s.start, s.end);
        let shujie = text.contains("疏解") && !text.contains("疏解整治");
        if !shujie && !text.contains("非首都功能") {
            return None;
        }
        let g = gazetteer();
        let beijing = g.index_of("北京市")?;
        if dest.iter().any(|&d| g.is_within(d, beijing)) {
            return None;
        }
        Some((vec![beijing], s.start))
    }

    /// The sentence's 来自/从 origin, its scope the clause chain of `t`.
    fn marked(&self, t: &Trigger) -> Option<(Vec<usize>, u32)> {
        let start = window_start(self.inp, self.s, t.start);
        self.marked_origin.clone().map(|m| (m, start))
    }

    /// A candidate from `origin` (places, scope) to `dest`, if there is one.
    fn push(
        &mut self,
        origin: Option<(Vec<usize>, u32)>,
        dest: Vec<usize>,
        t: &Trigger,
        limit: u32,
    ) {
        if let Some((from, scope)) = origin {
            self.out.push(cand(from, dest, scope, t.start, limit));
        }
    }

    /// 在 P 落户 / 向 P 转移: the destination before the verb.
    fn moved_in(&mut self, t: &Trigger, limit: u32, toward: bool) {
        let (inp, s, hits) = (self.inp, self.s, self.hits);
        let prev = self.ctx.places.as_slice();
        let Some((dest_hit, dest)) = in_destination(inp, hits, s, t, toward, prev) else {
            return;
        };
        // 新车型将在这里生产: the place and the mover of the sentence before.
        let here = {
            let clause = text_of(inp.chars, dest_hit, t.start);
            HERE_WORDS.iter().any(|w| clause.starts_with(w))
        };
        // The origin must be marked (来自/从 P) or be the home of what
        // moves (北京企业在津冀布局, 北京光环新网股份有限公司在三河市建设):
        // a place merely named before 在 P is not where anything came from.
        let origin = self
            .marked(t)
            .or_else(|| {
                let zai = dest_hit.saturating_sub(1).max(s.start);
                org_subject(inp, s, zai)
            })
            .or_else(|| {
                // 中关村在保定高新区成立了创新中心: a place as the subject
                // right before 在 P sets something up there.
                let zai = dest_hit.saturating_sub(1);
                let related = with_ancestors(&dest);
                hits.iter()
                    .find(|h| {
                        h.role == Role::Location
                            && h.end == zai
                            && h.end > s.start
                            && inp.chars[zai as usize] == '在'
                            && !h.places.iter().any(|p| related.contains(p))
                            && !dest
                                .iter()
                                .any(|&d| h.places.iter().any(|&p| gazetteer().is_within(p, d)))
                            && BUILD_VERBS
                                .iter()
                                .chain(["成立", "设立", "落户", "布局"].iter())
                                .any(|v| *v == t.word)
                    })
                    .map(|h| (h.places.clone(), h.start))
            })
            .or_else(|| {
                place_before(inp, hits, s, dest_hit, &with_ancestors(&dest))
                    .filter(|h| is_home_of_mover(inp, h, dest_hit))
                    .map(|h| (h.places.clone(), h.start))
            })
            .or_else(|| {
                (here && !self.ctx.origin.is_empty()).then(|| (self.ctx.origin.clone(), s.start))
            })
            .or_else(|| self.shujie_origin(t, &dest));
        self.push(origin, dest, t, limit);
    }

    /// 成立 X（P）公司: the destination is the 在 P before the verb, else
    /// the seat in the firm's name.
    fn established(&mut self, t: &Trigger, limit: u32) {
        let (inp, s, hits) = (self.inp, self.s, self.hits);
        // 在天津东丽区注册成立X（天津）有限公司: the 在 place is the
        // most precise destination; else the seat in the name.
        let (dest_at, to) = match in_destination(inp, hits, s, t, false, &[]) {
            Some(d) => d,
            None => {
                let Some(seat) = hits
                    .iter()
                    .find(|h| h.role == Role::Seat && h.start >= t.end && h.start <= t.end + 20)
                else {
                    return;
                };
                (t.start, seat.places.clone())
            }
        };
        if let Some(from) = place_before(inp, hits, s, dest_at, &with_ancestors(&to)) {
            self.out
                .push(cand(from.places.clone(), to, from.start, t.start, limit));
        }
    }
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

pub(super) fn shape_of(
    inp: &Input,
    hits: &[&PlaceHit],
    s: &Sentence,
    t: &Trigger,
    prev: &[usize],
) -> Option<Shape> {
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
    if TOWARD_VERBS.contains(&w) && in_destination(inp, hits, s, t, true, prev).is_some() {
        return Some(Shape::Toward);
    }
    if IN_VERBS.contains(&w) && in_destination(inp, hits, s, t, false, prev).is_some() {
        return Some(Shape::In);
    }
    None
}
