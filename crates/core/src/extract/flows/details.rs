//! A candidate's details, written into its flows: what moves, the
//! industry, the count and amount, the firm, whether it is a plan, and the
//! evidence sentence.

use super::cues::{BUILD_VERBS, FIRM_SUFFIXES, PLAN_WORDS, UMBRELLAS, WHAT_WORDS};
use super::endpoints::REACH;
use super::{clause_break_in, sentence_tokens, text_of, Cand, Input};
use crate::extract::figures::{period_before, COUNT_UNITS, MONEY_UNITS};
use crate::extract::industries::{taxonomy, IndustryHit};
use crate::extract::places::{ends_name, gazetteer, Role};
use crate::model::{Evidence, Figure, Flow, Quantity, Span, What};
use crate::text::chars::is_clause_break;
use crate::text::cues::{future_jiang, token_at};
use crate::text::sentences::Sentence;

pub(super) fn emit(inp: &Input, s: &Sentence, c: &Cand, out: &mut Vec<Flow>) {
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
    // The time the move is dated to: before the verb and in its part of
    // the sentence (2023年，…落户沧州). What comes after the verb, or past a
    // semicolon, dates something else (…迁往河北；…预计2023年建成).
    let (a, b) = (s.start as usize, s.end as usize);
    let at = (c.at as usize).clamp(a, b);
    let part = (a..at)
        .rev()
        .find(|&i| matches!(inp.chars[i], '；' | ';'))
        .map_or(a, |i| i + 1);
    let period = period_before(inp.chars, part, at, b);
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
            // A move inside one place (通州区 → 北京城市副中心, which lies in
            // 通州) is not a flow between places.
            if f == t || g.nested(t, f) {
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
                count: count.clone().map(Box::new),
                amount: amount.clone().map(Box::new),
                firm: firm.clone(),
                period: period.clone(),
                plan,
                shared,
                doc: inp.doc.to_string(),
                evidence: evidence.clone(),
            });
        }
    }
}

pub(super) fn is_plan(inp: &Input, s: &Sentence, at: u32) -> bool {
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

pub(super) fn industry_near(
    inp: &Input,
    a: u32,
    b: u32,
    at: u32,
    what: Option<What>,
) -> Option<String> {
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

pub(super) fn what_in(word: &str) -> Option<What> {
    WHAT_WORDS
        .iter()
        .find(|(w, _)| word.contains(w))
        .map(|(_, k)| *k)
}

/// What moves: the first telling word after the verb in its clause, else
/// before it, else anywhere in the sentence.
pub(super) fn what_near(
    inp: &Input,
    scope: u32,
    at: u32,
    limit: u32,
    object_after: bool,
) -> Option<What> {
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

pub(super) fn quantity(f: &Figure) -> Quantity {
    Quantity {
        value: f.value,
        unit: f.unit.clone(),
        raw: f.raw.clone(),
        qualifier: f.qualifier.clone(),
    }
}

pub(super) fn quantities(
    inp: &Input,
    s: &Sentence,
    c: &Cand,
) -> (Option<Quantity>, Option<Quantity>) {
    if let Some(o) = c.own {
        return (
            o.count.map(|i| quantity(&inp.figures[i])),
            o.amount.map(|i| quantity(&inp.figures[i])),
        );
    }
    let in_sentence = |f: &&Figure| f.span.start >= s.start && f.span.end <= s.end;
    let after = |f: &&Figure| f.span.start >= c.at && f.span.start < c.limit;
    // The end of the verb's clause: 10家集中在固安县，另3家在霸州 — the 3家
    // after the comma are the next clause's.
    let clause_end = clause_break_in(inp, c.at, c.limit.min(s.end)).unwrap_or(c.limit);
    let pick = |units: &[&str]| -> Option<Quantity> {
        let after_verb = |end: u32| {
            inp.figures
                .iter()
                .filter(in_sentence)
                .filter(after)
                .filter(|f| f.span.start < end)
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
        // The verb's own clause first, on the side its object is.
        let found = if c.object_after {
            after_verb(clause_end)
                .or_else(before_verb)
                .or_else(|| after_verb(c.limit))
        } else {
            before_verb().or_else(|| after_verb(c.limit))
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

/// The named firm nearest the verb: a run of name words ending in 公司/集团/厂.
pub(super) fn firm_near(inp: &Input, s: &Sentence, at: u32, limit: u32) -> Option<String> {
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
        // (A place may start inside its token: 在[津].)
        let d = if toks[j].start > at {
            toks[j].start - at
        } else {
            at.saturating_sub(t.end)
        };
        if best.as_ref().is_none_or(|b| d < b.0) {
            best = Some((d, name.to_string()));
        }
    }
    best.map(|b| b.1)
}
