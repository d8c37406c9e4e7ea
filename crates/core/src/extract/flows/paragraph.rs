//! What the paragraph around a sentence gives its flows: the subject later
//! sentences leave out, a place things moved out of, and the place that
//! refines a province.

use super::{clause_break_in, endpoints, text_of, Cand, Context, Input};
use crate::extract::places::{gazetteer, PlaceHit, PlaceKind, Role};
use crate::text::chars::is_clause_break;
use crate::text::sentences::Sentence;

/// The first location of a sentence, narrowed by the names written right
/// after it (天津市武清区 → 武清区).
pub(super) fn topic_of(hits: &[&PlaceHit]) -> Option<usize> {
    let g = gazetteer();
    let locs: Vec<&&PlaceHit> = hits
        .iter()
        .filter(|h| h.role == Role::Location && h.group.is_none() && h.places.len() == 1)
        .collect();
    let first = locs.first()?;
    let mut p = first.places[0];
    let mut end = first.end;
    for h in &locs[1..] {
        if h.start != end || !g.is_within(h.places[0], p) {
            break;
        }
        p = h.places[0];
        end = h.end;
    }
    Some(p)
}

/// Words that say things move out of the place before them.
const OUTWARD: &[&str] = &["外迁", "迁出", "搬出", "转出", "外移", "向外转移", "疏解"];

/// The place things move out of, in a sentence that names no destination
/// (大兴区整体外迁的企业约130家; 加速了北京医药企业的外迁步伐): the place
/// right before the outward word, or the home of the movers before it.
pub(super) fn outward_origin(inp: &Input, s: &Sentence, hits: &[&PlaceHit]) -> Vec<usize> {
    let text = text_of(inp.chars, s.start, s.end);
    if text.contains("疏解整治") {
        return Vec::new();
    }
    for w in OUTWARD {
        // (Not the name of an office: 大红门疏解办.)
        let Some(at) = text
            .match_indices(w)
            .map(|(b, _)| s.start + text[..b].chars().count() as u32)
            .find(|&at| {
                let after = (at + w.chars().count() as u32) as usize;
                // Nor the slogan 牵住疏解非首都功能这个“牛鼻子”.
                !super::cues::names_an_office(inp.chars, after, s.end as usize)
                    && !super::candidates::the_crux(inp, s, at)
            })
        else {
            continue;
        };
        let origin = hits.iter().rev().find(|h| {
            h.role == Role::Location
                && h.end <= at
                && (at - h.end <= 4 || endpoints::is_home_of_mover(inp, h, at))
                && !text_of(inp.chars, h.end, at).chars().any(is_clause_break)
        });
        // (Not when denied or undecided: 并未外迁, 正在考虑外迁, 仍在论证.)
        let settled =
            !super::candidates::negated(inp, at) && !UNDECIDED.iter().any(|w| text.contains(w));
        if let Some(h) = origin
            .copied()
            .or_else(|| settled.then(|| former_seat(inp, s, hits, at)).flatten())
        {
            return h.places.clone();
        }
    }
    Vec::new()
}

/// Words that say a move is not decided (正在考虑外迁, 仍在论证之中).
const UNDECIDED: &[&str] = &[
    "考虑",
    "论证",
    "研究",
    "尚未",
    "未作出",
    "意愿",
    "计划",
    "拟",
    "打算",
    "有意",
];

/// Words that say the place after them is where a mover used to be
/// (这家原本坐落于北京市大兴区的服装企业…外迁).
const FORMER_SEAT: &[&str] = &[
    "原本坐落于",
    "原本坐落在",
    "原坐落于",
    "原本位于",
    "原来位于",
    "原先位于",
    "原位于",
    "原址位于",
    "原址在",
    "原本设在",
    "原设在",
    "原本在",
    "原来在",
    "原先在",
];

/// The place a mover of the sentence used to be at, before `before`: the
/// most precise of the names run together right after a former-seat word,
/// followed by the mover (原本坐落于北京市大兴区的服装企业: 大兴区).
fn former_seat<'a>(
    inp: &Input,
    s: &Sentence,
    hits: &[&'a PlaceHit],
    before: u32,
) -> Option<&'a PlaceHit> {
    let first = hits.iter().position(|h| {
        h.role == Role::Location
            && h.group.is_none()
            && h.end <= before
            && FORMER_SEAT.iter().any(|w| {
                text_of(inp.chars, h.start.saturating_sub(5).max(s.start), h.start).ends_with(w)
            })
    })?;
    let last = last_of_run(hits, hits[first], before);
    endpoints::is_home_of_mover(inp, last, before).then_some(last)
}

/// The most precise of the names run together from `h` (北京市大兴区:
/// 大兴区), each ending by `limit`.
fn last_of_run<'a>(hits: &[&'a PlaceHit], h: &'a PlaceHit, limit: u32) -> &'a PlaceHit {
    let mut last = h;
    while let Some(n) = hits
        .iter()
        .find(|n| n.start == last.end && n.end <= limit && n.role == Role::Location)
    {
        last = n;
    }
    last
}

/// Whether the sentence says where its outward mover used to be.
fn names_former_seat(inp: &Input, s: &Sentence, hits: &[&PlaceHit]) -> bool {
    former_seat(inp, s, hits, s.end).is_some()
}

/// A move out of a place with no destination in the sentence goes to the
/// paragraph's place that is not the origin, as precisely as the paragraph
/// names it (北京·沧州渤海新区生物医药产业园…生产地在河北…加速了北京医药
/// 企业的外迁步伐: to the park).
pub(super) fn outward_to_paragraph(
    inp: &Input,
    s: &Sentence,
    hits: &[&PlaceHit],
    ctx: &Context,
) -> Option<Cand> {
    let from = outward_origin(inp, s, hits);
    if from.is_empty() {
        return None;
    }
    let g = gazetteer();
    // Nor the home of movers the sentence names (300多北京商户与…天津大胡同
    // 市场疏解的商户: Beijing's merchants are not where Tianjin's went).
    let homes: Vec<usize> = hits
        .iter()
        .filter(|h| {
            h.role == Role::Location
                && endpoints::is_home_of_mover(inp, h, s.end)
                && !super::cues::LOCAL
                    .iter()
                    .any(|w| text_of(inp.chars, h.end, (h.end + 2).min(s.end)) == *w)
        })
        .flat_map(|h| h.places.iter().copied())
        .collect();
    let related = |p: usize| from.iter().chain(&homes).any(|&f| g.nested(p, f));
    // A mover said to have been somewhere (原本坐落于北京市大兴区的服装企业)
    // went to the sentence's other place when the paragraph names none
    // (衡水威克多新建的厂房内…这家原本坐落于北京市大兴区的服装企业…外迁).
    // (Not a meeting's venue, 在天津召开的发布会上, nor a place in the
    // origin's own province: 西城区 → 昌平区 is a move inside Beijing.)
    let text = text_of(inp.chars, s.start, s.end);
    let venue = |h: &PlaceHit| {
        h.start > s.start
            && inp.chars[h.start as usize - 1] == '在'
            && ["召开", "举行", "举办", "会上"]
                .iter()
                .any(|w| text.contains(w))
    };
    let home = |p: usize| from.iter().any(|&f| g.province_of(f) == g.province_of(p));
    // Nor when the move is denied or undecided (并未外迁, 正在考虑外迁).
    let denied = OUTWARD.iter().any(|w| {
        text.match_indices(w).any(|(b, _)| {
            text[..b]
                .chars()
                .rev()
                .take(3)
                .any(|c| "未没不".contains(c))
        })
    }) || UNDECIDED.iter().any(|w| text.contains(w));
    let here: Vec<usize> = if names_former_seat(inp, s, hits) && !denied {
        hits.iter()
            .filter(|h| h.role == Role::Location && h.group.is_none() && !venue(h))
            .flat_map(|h| h.places.iter().copied())
            .filter(|&p| !home(p))
            .collect()
    } else {
        Vec::new()
    };
    let para: Vec<usize> = if ctx.para.iter().any(|&p| !related(p)) {
        ctx.para.clone()
    } else {
        here
    };
    let last = *para.iter().rev().find(|&&p| !related(p))?;
    let province = g.province_of(last).unwrap_or(last);
    let to = para
        .iter()
        .copied()
        .filter(|&p| !related(p) && g.is_within(p, province))
        .max_by_key(|&p| g.depth(p))
        .unwrap_or(last);
    Some(Cand {
        from,
        to: vec![to],
        scope: s.start,
        at: s.start,
        limit: s.end,
        own: None,
        object_after: false,
        verb: "外迁",
    })
}

/// A single move to a province, refined by the place within it that the
/// sentence names after the verb or the next sentence names first
/// (北京首个整体搬迁至河北的企业。…衡水高新区服装产业园…: to 衡水高新区),
/// else by the one place within it that the paragraph named before
/// (位于天津西青区的电商城…北京商户签约天津电商城: to 西青区).
/// Not what a province brings in (我省引进…), which is the province's own.
pub(super) fn refine_province(
    chars: &[char],
    s: &Sentence,
    next: Option<&Sentence>,
    all: &[PlaceHit],
    para: &[usize],
    c: &mut Cand,
) {
    let g = gazetteer();
    let [to] = c.to[..] else { return };
    if c.object_after || c.own.is_some() || g.places[to].kind != PlaceKind::Province {
        return;
    }
    let fits =
        |p: usize| p != to && g.is_within(p, to) && !c.from.iter().any(|&f| g.is_within(p, f));
    let locations = |a: u32, b: u32| {
        let lo = all.partition_point(|h| h.start < a);
        all[lo..]
            .iter()
            .take_while(move |h| h.start < b)
            .filter(|h| h.role == Role::Location && h.group.is_none())
    };
    // In the next sentence, only the place it opens with: one named later
    // is more often a neighbour (毗邻雄安新区) than where the firm went; and
    // not the first of a list (廊坊、保定、石家庄等地…: another statement).
    let found = locations(c.at, s.end)
        .flat_map(|h| h.places.iter().copied())
        .find(|&p| fits(p))
        .or_else(|| {
            let n = next?;
            let first = locations(n.start, n.end).next()?;
            if chars.get(first.end as usize) == Some(&'、') {
                return None;
            }
            first.places.iter().copied().find(|&p| fits(p))
        })
        .or_else(|| {
            // Only when the paragraph so far names one such place: two
            // (西青区…武清区) leave the province as it was; nor when the
            // sentence names one the gazetteer lacks (天津某某高新區).
            if locations(s.start, s.end)
                .filter(|h| h.places.contains(&to))
                .any(|h| names_unknown_place(chars, h.end))
            {
                return None;
            }
            let mut within = para
                .iter()
                .copied()
                .chain(locations(s.start, c.at).flat_map(|h| h.places.iter().copied()))
                .filter(|&p| fits(p) && g.places[p].kind != PlaceKind::Province);
            let first = within.next()?;
            within.all(|p| p == first).then_some(first)
        });
    if let Some(p) = found {
        c.to = vec![p];
    }
}

/// A name of a place right after a province (天津滨海高新區, 河北某某县):
/// a run of letters ending in a place's suffix.
fn names_unknown_place(chars: &[char], from: u32) -> bool {
    chars[from as usize..]
        .iter()
        .take(8)
        .take_while(|c| !is_clause_break(**c) && !c.is_whitespace() && !"、和及与".contains(**c))
        .any(|c| "区區县縣镇鎮园園".contains(*c))
}

/// Where moved things went, after a word of moving (投资转移的目的地主要
/// 集中在石家庄、保定): not a travel destination.
const GOAL_OF_MOVE: &[&str] = &[
    "目的地主要集中在",
    "目的地集中在",
    "目的地主要包括",
    "目的地包括",
    "目的地主要为",
    "目的地主要是",
    "目的地主要有",
];

/// Words of moving right before [`GOAL_OF_MOVE`].
const MOVE_WORDS: &[&str] = &["转移", "外迁", "迁移", "搬迁", "迁出", "疏解"];

/// Words that open a list of where moved things went (主要转移地区包括河北
/// 廊坊、永清…; 其中10家集中在固安县，另3家分别在霸州、永清).
const WHERE_TO: &[&str] = &[
    "转移地区包括",
    "转移地区主要包括",
    "转移地区主要有",
    "转移地区有",
    "承接地包括",
    "承接地主要有",
    "外迁目的地包括",
    "转移目的地包括",
    "家集中在",
    "家分别在",
    "家分布在",
    "家落在",
];

/// Where the things an earlier sentence moved out of `origin` went, when a
/// sentence lists destinations with no verb of moving.
pub(super) fn distribution(
    inp: &Input,
    s: &Sentence,
    hits: &[&PlaceHit],
    origin: &[usize],
) -> Vec<Cand> {
    let g = gazetteer();
    let text = text_of(inp.chars, s.start, s.end);
    let mut out = Vec::new();
    let destinations = GOAL_OF_MOVE
        .iter()
        .flat_map(|w| text.match_indices(w))
        .filter(|(b, _)| {
            let before = &text[..*b];
            let near = before.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
            // What moved is industry, not people (外迁人口的目的地).
            let clause = before.rsplit(is_clause_break).next().unwrap_or("");
            MOVE_WORDS.iter().any(|m| before[near..].contains(m))
                && !["人口", "人员", "居民", "游客", "人才"]
                    .iter()
                    .any(|w| clause.contains(w))
        });
    for (b, w) in WHERE_TO
        .iter()
        .flat_map(|w| text.match_indices(w))
        .chain(destinations)
    {
        // The movers the sentence names (海淀企业投资转移的目的地主要集中在…),
        // else what an earlier sentence moved out.
        let at0 = s.start + text[..b].chars().count() as u32;
        // …北京一批企业外迁，目的地主要集中在…: the clause before, when the
        // goal follows its word of moving.
        let reach = {
            let before = text[..b].trim_end_matches(['，', ',']);
            if before.len() < b && MOVE_WORDS.iter().any(|m| before.ends_with(m)) {
                endpoints::clause_start(inp, s, s.start + before.chars().count() as u32)
            } else {
                endpoints::clause_start(inp, s, at0)
            }
        };
        let own = hits
            .iter()
            .rev()
            .find(|h| {
                h.role == Role::Location
                    && h.end <= at0
                    && h.start >= reach
                    && endpoints::is_home_of_mover(inp, h, at0)
            })
            .map(|h| h.places.clone());
        let origin = own.as_deref().unwrap_or(origin);
        if origin.is_empty() {
            continue;
        }
        let mut at = at0;
        let end = at + w.chars().count() as u32;
        // 10家集中在…: the 家 is the count's, which stands before the verb.
        if w.starts_with('家') {
            at += 1;
        }
        // The places of this clause: 10家集中在固安县，另3家分别在霸州.
        let clause_end = clause_break_in(inp, end, s.end).unwrap_or(s.end);
        let (to, _) = endpoints::places_after(inp, hits, end, clause_end);
        let to: Vec<usize> = to
            .into_iter()
            .filter(|&t| !origin.iter().any(|&f| g.nested(t, f)))
            .collect();
        if !to.is_empty() {
            out.push(Cand {
                from: origin.to_vec(),
                to,
                scope: s.start,
                at,
                limit: s.end,
                own: None,
                object_after: false,
                verb: "转移",
            });
        }
    }
    out
}

/// Words of coming from the 从/来自 P before them that name no destination.
const CAME: &[&str] = &["迁来", "搬来", "转移来", "转来", "迁入", "搬迁来", "疏解来"];

/// Words that say where things are (after a word of [`CAME`]).
const NOW_IN: &[&str] = &[
    "主要集中在",
    "集中在",
    "主要分布在",
    "分布在",
    "主要落户在",
    "落户在",
];

/// What came, right after a word of [`CAME`] (迁来的企业).
const CAME_WHAT: &[&str] = &[
    "企业", "项目", "商户", "机构", "单位", "公司", "工厂", "高校",
];

/// 从北京迁来的企业主要集中在保定、廊坊: what came from P is where the
/// sentence says it now is. The origin is the place right after 从/来自,
/// followed in its clause by a word of coming and what came (firms,
/// projects…); the places follow a word of [`NOW_IN`] in that clause or the
/// next, with no other subject between (本地企业主要集中在… did not come).
pub(super) fn came_and_settled(inp: &Input, s: &Sentence, hits: &[&PlaceHit]) -> Vec<Cand> {
    let g = gazetteer();
    for h in hits
        .iter()
        .filter(|h| h.role == Role::Location && h.start > s.start)
    {
        let before = text_of(inp.chars, h.start.saturating_sub(2).max(s.start), h.start);
        if !(before.ends_with('从') || before.ends_with("来自")) {
            continue;
        }
        let after = text_of(inp.chars, h.end, (h.end + 8).min(s.end));
        let clause = after.split(is_clause_break).next().unwrap_or("");
        let Some((b, w)) = CAME
            .iter()
            .filter_map(|w| clause.find(w).map(|b| (b, *w)))
            .min_by_key(|x| x.0)
        else {
            continue;
        };
        let rest = clause[b + w.len()..].trim_start_matches('的');
        if !CAME_WHAT.iter().any(|x| rest.starts_with(x)) {
            continue;
        }
        let came_end = h.end + clause[..b + w.len()].chars().count() as u32;
        // That clause and the next.
        let first = clause_break_in(inp, came_end, s.end).unwrap_or(s.end);
        let second = clause_break_in(inp, (first + 1).min(s.end), s.end).unwrap_or(s.end);
        let span = text_of(inp.chars, came_end, second);
        let Some((at, word)) = NOW_IN
            .iter()
            .filter_map(|w| span.find(w).map(|b| (b, *w)))
            .min_by_key(|x| (x.0, std::cmp::Reverse(x.1.len())))
        else {
            continue;
        };
        if ["本地", "当地", "原有", "其他", "其余"]
            .iter()
            .any(|x| span[..at].contains(x))
        {
            continue;
        }
        let start = came_end + span[..at].chars().count() as u32 + word.chars().count() as u32;
        let end = clause_break_in(inp, start, s.end).unwrap_or(s.end);
        let (to, _) = endpoints::places_after(inp, hits, start, end);
        let to: Vec<usize> = to
            .into_iter()
            .filter(|&t| !h.places.iter().any(|&f| g.nested(t, f)))
            .collect();
        if to.is_empty() {
            continue;
        }
        return vec![Cand {
            from: h.places.clone(),
            to,
            scope: s.start,
            at: start,
            limit: s.end,
            own: None,
            object_after: false,
            verb: "转移",
        }];
    }
    Vec::new()
}

/// Words of settling that name no place after them when the place is the
/// paragraph's (是较早迁入的企业之一, 去年落户).
const SETTLED_HERE: &[&str] = &["迁入", "入驻", "落户", "进驻", "迁来", "搬来", "落地"];

/// 唐山高新区已吸引50余家企业入驻。来自北京市通州区的双泰科技有限公司是
/// 较早迁入的企业之一: a named firm from P settles, with no place after the
/// verb, in the place the paragraph is about. The origin is the place
/// right after 来自 (not a neighbour of the destination), followed by 的 and
/// a firm's name or mover word in its clause; the verb is in that clause or
/// the next, ends its clause or is followed by 的, and is not denied.
pub(super) fn came_to_the_paragraph(
    inp: &Input,
    s: &Sentence,
    hits: &[&PlaceHit],
    ctx: &Context,
) -> Option<Cand> {
    let g = gazetteer();
    // The place the paragraph is about (唐山高新区已吸引…), not the last
    // one named (…与上海的合作).
    let to = ctx.topic?;
    let h = hits.iter().find(|h| {
        h.role == Role::Location
            && h.group.is_none()
            && h.start >= s.start + 2
            && text_of(inp.chars, h.start - 2, h.start) == "来自"
    })?;
    // The most precise of the names run together (北京市通州区).
    let h = last_of_run(hits, h, s.end);
    if h.places.iter().any(|&f| g.nested(to, f)) {
        return None;
    }
    let first = clause_break_in(inp, h.end, s.end).unwrap_or(s.end);
    let clause = text_of(inp.chars, h.end, first);
    // A firm, not its staff (某某公司工作人员是较早迁入的居民之一).
    let firm = clause.starts_with('的')
        && ["公司", "企业", "集团", "工厂", "项目", "药企"]
            .iter()
            .any(|w| clause.contains(w))
        && !super::endpoints::PEOPLE.iter().any(|w| clause.contains(w))
        && !["居民", "住户", "员工", "人员"]
            .iter()
            .any(|w| clause.contains(w));
    if !firm {
        return None;
    }
    let second = clause_break_in(inp, (first + 1).min(s.end), s.end).unwrap_or(s.end);
    let span = text_of(inp.chars, h.end, second);
    let (b, w) = SETTLED_HERE
        .iter()
        .filter_map(|w| span.find(w).map(|b| (b, *w)))
        .min_by_key(|x| x.0)?;
    let at = h.end + span[..b].chars().count() as u32;
    let after = at + w.chars().count() as u32;
    let rest_end = clause_break_in(inp, after, s.end).unwrap_or(s.end);
    let elsewhere = hits
        .iter()
        .any(|x| x.role == Role::Location && x.start >= h.end && x.start < rest_end);
    // Nothing after the verb but 的 or the clause's end (落户桥西区 names
    // a place, even one the gazetteer cannot tell).
    let tail = text_of(inp.chars, after, rest_end);
    let bare = tail.trim_start_matches('了').is_empty() || tail.starts_with('的');
    // Nor denied, wished or undecided (还没落户, 不是迁入, 曾考虑迁入,
    // 也有意迁入).
    let before_verb = &span[..b];
    let unsure = [
        "没", "不是", "未", "考虑", "有意", "计划", "拟", "打算", "将",
    ]
    .iter()
    .any(|w| before_verb.contains(w));
    if elsewhere || !bare || unsure || super::candidates::negated(inp, at) {
        return None;
    }
    Some(Cand {
        from: h.places.clone(),
        to: vec![to],
        scope: s.start,
        at,
        limit: s.end,
        own: None,
        object_after: false,
        verb: w,
    })
}
