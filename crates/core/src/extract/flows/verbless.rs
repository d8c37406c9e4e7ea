//! Moves stated without a verb: paired slogans (北京研发、河北制造), the
//! site of an organisation named after another place (北京现代沧州工厂), and
//! a place chosen as another's destination (将白沟作为大红门市场搬迁意向地).

use super::candidates::cand;
use super::cues::{PAIR_FIRST, PAIR_SECOND};
use super::endpoints::{clause_start, named_orgs};
use super::{text_of, Cand, Input};
use crate::extract::places::{gazetteer, PlaceHit, PlaceKind, Role};
use crate::text::chars::is_clause_break;
use crate::text::sentences::Sentence;

/// Paired slogans (北京疏解、河北承接), unless the sentence states the move
/// more precisely (依托“北京研发、河北制造”模式，北京药企将量产环节放在石家庄).
pub(super) fn paired_slogans(inp: &Input, s: &Sentence, hits: &[&PlaceHit], out: &mut Vec<Cand>) {
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
}

/// Words after a place that name a firm's, school's or hospital's site
/// there: 北京现代沧州工厂, 北京大学人民医院雄安院区.
const SITE_WORDS: &[&str] = &[
    "工厂",
    "分厂",
    "新厂",
    "生产基地",
    "基地",
    "院区",
    "校区",
    "分院",
    "分校",
    "分公司",
    "子公司",
];

/// What a market's branch is called after its site and goods
/// (北京新发地盐山县农副产品批发市场).
const MARKET_WORDS: &[&str] = &["批发市场", "物流园", "商贸城", "服装城"];

/// An organisation named after one place with a site named after another
/// (北京现代沧州工厂, 北京大学人民医院雄安院区): a move from the first to
/// the second, unless a rule above already states it.
pub(super) fn branch_sites(inp: &Input, s: &Sentence, hits: &[&PlaceHit], out: &mut Vec<Cand>) {
    for o in named_orgs(inp, s, false) {
        let (o_start, o_end, o_places) = (o.start, o.end, o.places);
        let Some(site) = hits.iter().find(|h| {
            let after = text_of(inp.chars, h.end, (h.end + 4).min(s.end));
            h.role == Role::Location
                && h.start >= o_end
                && h.start <= o_end + 40
                && SITE_WORDS.iter().any(|w| after.starts_with(w))
        }) else {
            continue;
        };
        let between = text_of(inp.chars, o_end, site.start);
        // Directly (北京大学人民医院雄安院区), or after a list of such names
        // and their count (北京交通大学、北京科技大学等4所高校的雄安校区).
        // Also with 的 before the site (北京大学人民医院的雄安院区).
        let core = between.strip_suffix('的').unwrap_or(&between);
        let direct = core.chars().count() <= 12
            && !core
                .chars()
                .any(|c| is_clause_break(c) || matches!(c, '、' | '的' | '在' | '于'));
        // Or a list ending in its count (北京交通大学、北京科技大学、中国
        // 地质大学（北京）4所高校雄安校区).
        let b: Vec<char> = between.trim_end_matches('的').chars().collect();
        let counted = b.contains(&'、')
            && b.iter()
                .rposition(|c| c.is_ascii_digit() || "两三四五六七八九十".contains(*c))
                .is_some_and(|k| {
                    matches!(b.get(k + 1), Some('所' | '家' | '个')) && b.len() <= k + 6
                });
        let listed = ((between.ends_with('的') && between.contains('等')) || counted)
            && !between
                .chars()
                .any(|c| is_clause_break(c) || matches!(c, '在' | '于' | '和' | '与'));
        if !direct && !listed {
            continue;
        }
        push_new_move(out, &o_places, &site.places, o_start, site.start, s.end);
    }
}

/// Adds a move from `from` to `to` found without a verb, unless one lies
/// within the other or a rule above already states it.
fn push_new_move(
    out: &mut Vec<Cand>,
    from: &[usize],
    to: &[usize],
    scope: u32,
    at: u32,
    limit: u32,
) {
    let related = gazetteer().overlaps(from, to);
    let stated = out
        .iter()
        .any(|c| c.from.iter().any(|f| from.contains(f)) && c.to.iter().any(|t| to.contains(t)));
    if !related && !stated {
        out.push(cand(from.to_vec(), to.to_vec(), scope, at, limit));
    }
}

/// What a place's branch park is called: 大兴生物医药产业基地的分园.
const BRANCH_PARKS: &[&str] = &["的分园", "的分基地", "的分区"];

/// Verbs that open a branch park where they happen.
const OPEN_VERBS: &[&str] = &["打造", "建设", "设立", "建立", "共建", "建"];

/// A branch park or market of one place opened in another: a move from the
/// first to the second. Either the destination is the place after 在/于 before the
/// verb and the origin names the park whose branch it is, just before 的分园
/// (将在河北省廊坊市固安县，打造大兴生物医药产业基地的分园), or the branch
/// is named after both (亦庄开发区沧州分园, 北京新发地任丘市农产品批发市场:
/// a market area's name, then its site's).
pub(super) fn branch_parks(inp: &Input, s: &Sentence, hits: &[&PlaceHit], out: &mut Vec<Cand>) {
    let g = gazetteer();
    let mut push = |from: &Vec<usize>, to: &Vec<usize>, scope: u32, at: u32| {
        push_new_move(out, from, to, scope, at, s.end);
    };
    // A zone's or a market's branch named after its site: 亦庄开发区沧州
    // 分园, 北京新发地任丘市农产品批发市场.
    for w in hits.windows(2) {
        let (q, p) = (w[0], w[1]);
        let kind = (q.places.len() == 1).then(|| g.places[q.places[0]].kind);
        let after = text_of(inp.chars, p.end, (p.end + 10).min(s.end));
        let name = after.split(is_clause_break).next().unwrap_or("");
        let branch = match kind {
            Some(PlaceKind::Zone) => name.starts_with("分园"),
            Some(PlaceKind::Area) => MARKET_WORDS.iter().any(|w| name.contains(w)),
            _ => false,
        };
        if branch && q.end == p.start && p.role == Role::Location {
            push(&q.places, &p.places, q.start, p.start);
        }
    }
    let text = text_of(inp.chars, s.start, s.end);
    let chars: Vec<char> = text.chars().collect();
    for word in BRANCH_PARKS {
        let w: Vec<char> = word.chars().collect();
        for at in
            (0..chars.len().saturating_sub(w.len() - 1)).filter(|&i| chars[i..].starts_with(&w))
        {
            let at = s.start + at as u32;
            // The park's place: the last place before 的, with only the
            // park's own name between (生物医药产业基地).
            let Some(q) = hits.iter().rposition(|h| h.end <= at) else {
                continue;
            };
            let name = text_of(inp.chars, hits[q].end, at);
            if name.chars().count() > 10
                || name
                    .chars()
                    .any(|c| is_clause_break(c) || matches!(c, '、' | '在' | '于' | '的'))
            {
                continue;
            }
            // The destination: the place before the verb, after 在 or 于.
            let Some(p) = hits[..q].iter().rposition(|h| h.role == Role::Location) else {
                continue;
            };
            let between = text_of(inp.chars, hits[p].end, hits[q].start);
            if between.chars().count() > 8 || !OPEN_VERBS.iter().any(|v| between.contains(v)) {
                continue;
            }
            // Back over a run of places (河北省廊坊市固安县) to its 在 or 于.
            let (_, lead) = run_start(inp, s, hits, p);
            if !matches!(lead.as_str(), "在" | "于") {
                continue;
            }
            push(
                &hits[q].places,
                &hits[p].places,
                hits[p].start,
                hits[q].start,
            );
        }
    }
}

/// The first of the run of places that hit `p` ends (河北省廊坊市固安县),
/// and the character before it in sentence `s` (在, 将…).
fn run_start(inp: &Input, s: &Sentence, hits: &[&PlaceHit], p: usize) -> (usize, String) {
    let mut first = p;
    while first > 0 && hits[first - 1].end == hits[first].start {
        first -= 1;
    }
    let lead = text_of(
        inp.chars,
        hits[first].start.saturating_sub(1).max(s.start),
        hits[first].start,
    );
    (first, lead)
}

/// Verbs of moving that make, with 地, the noun of a move's destination.
const MOVE_NOUNS: &[&str] = &["搬迁", "疏解", "转移", "外迁", "迁移", "迁入"];

/// What follows them to name the destination (搬迁意向地, 转移承接地).
const DESTINATION_NOUNS: &[&str] = &["意向地", "目的地", "承接地", "承载地", "地"];

/// A place made another's destination: 将白沟作为大红门市场搬迁意向地,
/// 把廊坊作为北京产业转移的承接地. The verb of moving is a noun here; the
/// place before 作为 (after 将 or 把) receives, the place after it, before
/// the verb, is the origin.
pub(super) fn chosen_sites(inp: &Input, s: &Sentence, hits: &[&PlaceHit], out: &mut Vec<Cand>) {
    for (p, to) in hits.iter().enumerate() {
        if to.role != Role::Location
            || text_of(inp.chars, to.end, (to.end + 2).min(s.end)) != "作为"
        {
            continue;
        }
        // Back over a run of places (河北省保定市白沟) to its 将 or 把.
        let (first, lead) = run_start(inp, s, hits, p);
        if !matches!(lead.as_str(), "将" | "把") {
            continue;
        }
        // The clause after 作为, up to its verb made a noun.
        let from_at = to.end + 2;
        let clause = text_of(inp.chars, from_at, s.end);
        let clause = clause.split(is_clause_break).next().unwrap_or("");
        let chars: Vec<char> = clause.chars().collect();
        let noun_at = MOVE_NOUNS.iter().find_map(|m| {
            let m: Vec<char> = m.chars().collect();
            (0..chars.len()).find(|&i| {
                chars[i..].starts_with(&m) && {
                    let rest: String = chars[i + m.len()..].iter().collect();
                    let rest = rest.strip_prefix('的').unwrap_or(&rest);
                    DESTINATION_NOUNS.iter().any(|d| rest.starts_with(d))
                }
            })
        });
        let Some(noun_at) = noun_at else { continue };
        let noun_at = from_at + noun_at as u32;
        // The origin: the first place between 作为 and the noun.
        let Some(from) = hits[p + 1..]
            .iter()
            .find(|h| h.start >= from_at && h.end <= noun_at)
        else {
            continue;
        };
        // At the noun's end, so that 意向 (intended) reads as a plan.
        let at = from_at + clause.chars().count() as u32;
        let at = (0..chars.len())
            .map(|i| from_at + i as u32)
            .find(|&i| i > noun_at && inp.chars[i as usize] == '地')
            .unwrap_or(at);
        push_new_move(out, &from.places, &to.places, hits[first].start, at, s.end);
    }
}

/// What follows 成为 to make a place another's receiver (成为大红门地区的
/// 签约承接地, 成为北京产业转移的重要承接平台).
const RECEIVER_NOUNS: &[&str] = &["承接地", "承接平台", "承载地"];

/// Where 基地 is in a base that a move went to (京城家具产业转移的又一主要
/// 基地): a word of moving, 的, and at most a few words of rank before it.
fn base_of_move(rest: &str) -> Option<usize> {
    let n = rest.find("基地")?;
    let before = &rest[..n];
    let de = before.rfind("的")?;
    let rank = &before[de + '的'.len_utf8()..];
    (rank.chars().count() <= 4
        && ["转移", "疏解", "搬迁", "外迁"]
            .iter()
            .any(|w| before[..de].ends_with(w)))
    .then_some(n)
}

/// A destination's plain nouns (南京、苏州是它们主要的目的地), which name a
/// move only after a place moved out of (迁出北京).
const WHERE_THEY_WENT: &[&str] = &["目的地", "去向", "落脚地", "迁入地"];

/// Verbs of moving out of the place after them (迁出北京).
const OUT_OF: &[&str] = &["迁出", "搬出", "撤出", "外迁"];

/// Places that became (or are) another's receiver: 沧州…、石家庄…等项目，
/// 也已经成为大红门地区的签约承接地; 雄安新区是北京非首都功能疏解集中承载地. The origin is the place after 成为, before the
/// noun; the receivers are the places of the clause before 成为, or of the
/// clause before it when that one names none (the list that ends in 等项目).
pub(super) fn became_receivers(inp: &Input, s: &Sentence, hits: &[&PlaceHit], out: &mut Vec<Cand>) {
    let g = gazetteer();
    let text = text_of(inp.chars, s.start, s.end);
    // 成为, 是 (雄安新区是北京非首都功能疏解集中承载地), 作为: the first
    // whose clause goes on to a receiver's noun.
    let found = ["成为", "是", "作为"].iter().find_map(|v| {
        let b = text.find(v)?;
        let at = s.start + text[..b].chars().count() as u32;
        let after = at + v.chars().count() as u32;
        let clause_end = (after..s.end)
            .find(|&i| is_clause_break(inp.chars[i as usize]))
            .unwrap_or(s.end);
        let rest = text_of(inp.chars, after, clause_end);
        let n = RECEIVER_NOUNS
            .iter()
            .chain(WHERE_THEY_WENT)
            .filter_map(|w| rest.find(w))
            .chain(base_of_move(&rest))
            .min()?;
        Some((at, after, rest, n))
    });
    let Some((at, after, rest, n)) = found else {
        return;
    };
    let noun_at = after + rest[..n].chars().count() as u32;
    let receiver_noun =
        RECEIVER_NOUNS.iter().any(|w| rest[n..].starts_with(w)) || base_of_move(&rest) == Some(n);
    let between = hits
        .iter()
        .find(|h| h.role == Role::Location && h.start >= after && h.end <= noun_at)
        .filter(|_| receiver_noun);
    // …迁出北京，南京、苏州是它们主要的目的地: the place moved out of,
    // earlier in the sentence, with a destination's plain noun.
    let moved_out = || {
        hits.iter().find(|h| {
            h.role == Role::Location
                && h.end <= at
                && h.start >= s.start + 2
                && OUT_OF.contains(&text_of(inp.chars, h.start - 2, h.start).as_str())
        })
    };
    let Some(from) = between.or_else(|| (!receiver_noun).then(moved_out).flatten()) else {
        return;
    };
    let receivers = |a: u32, z: u32| -> Vec<&PlaceHit> {
        hits.iter()
            .copied()
            .filter(|h| h.role == Role::Location && h.start >= a && h.end <= z)
            .filter(|h| !g.overlaps(&h.places, &from.places))
            .collect()
    };
    let a = clause_start(inp, s, at);
    let mut to = receivers(a, at);
    if to.is_empty() && a > s.start {
        to = receivers(clause_start(inp, s, a - 1), a - 1);
    }
    for h in to {
        push_new_move(out, &from.places, &h.places, h.start, noun_at, s.end);
    }
}
