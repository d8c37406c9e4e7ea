//! Finding a flow's ends: the places after a verb, the subject's place
//! before it, origins marked by 来自/从, origins listed with their counts,
//! and the 在/向 P before a verb.

use super::cues::{without_modifying_verbs, DAO_VERBS, IN_VERBS, MOVERS, TOWARD_VERBS, TO_VERBS};
use super::firms::{known_firms, FirmKind};
use super::{text_of, Input, Trigger};
use crate::extract::figures::COUNT_UNITS;
use crate::extract::places::{gazetteer, PlaceHit, PlaceKind, Role};
use crate::text::chars::is_clause_break;
use crate::text::sentences::Sentence;

/// The first char from `pos` past the words that join a verb to its place
/// (到/于/了/至/在/往) and quotes: …迁至“北京·沧州渤海新区生物医药产业园”
/// names the place in quotes, and a verb may be quoted (“落户”沧州).
pub(super) fn past_glue(chars: &[char], pos: u32, limit: u32) -> usize {
    let mut p = pos as usize;
    while p < limit as usize
        && matches!(
            chars[p],
            '到' | '于' | '了' | '至' | '在' | ' ' | '往' | '“' | '「' | '"' | '”' | '」'
        )
    {
        p += 1;
    }
    p
}

/// The places right after `pos` (skipping 到/于/了/至): a list joined by 、/和/及,
/// most specific of each run (河北省沧州市 → 沧州市).
pub(super) fn places_after<'h>(
    inp: &Input,
    hits: &[&'h PlaceHit],
    pos: u32,
    limit: u32,
) -> (Vec<usize>, Vec<&'h PlaceHit>) {
    let p = past_glue(inp.chars, pos, limit);
    let mut out: Vec<usize> = Vec::new();
    let mut used = Vec::new();
    let mut expect = p as u32;
    let first = hits.partition_point(|h| h.start < pos);
    for h in hits[first..].iter().filter(|h| h.role == Role::Location) {
        if h.start != expect {
            break;
        }
        // A run without a separator narrows (河北省沧州市); a separator adds.
        // A run that does not narrow is a name (永清县台湾工业新城: 台湾 is
        // no destination).
        if let Some(&last) = out.last() {
            let g = gazetteer();
            // (廊坊市“北三县”: a quote between still runs on.)
            let run = used.last().is_some_and(|u: &&PlaceHit| {
                text_of(inp.chars, u.end, h.start)
                    .chars()
                    .all(|c| matches!(c, '“' | '「' | '"'))
            });
            let narrows = run && h.places.iter().all(|&q| g.is_within(q, last));
            // Only a place outside the region, or a region, is part of a
            // name (台湾工业新城, 京津中关村科技城); 临空经济区廊坊片区 adds.
            let outside = h.group.is_some() || h.places.iter().all(|&q| !g.in_region(q));
            // A site then its home's name in another province is a branch
            // named after its home (转移到高碑店新发地): the site is where
            // things went; a part of a zone stays (临空经济区廊坊片区), and
            // so do places set side by side (迁往天津河北, 天津武清河北廊坊).
            let province = |p: usize| g.province_of(p);
            let branch = run
                && !narrows
                && h.places.iter().all(|&q| {
                    province(q).is_some() && province(q) != province(last) && g.depth(q) >= 2
                })
                && !text_of(inp.chars, h.end, (h.end + 2).min(limit)).starts_with("片");
            if narrows {
                out.pop();
            } else if run && (outside || branch) {
                break;
            }
        }
        out.extend(h.places.iter().copied());
        used.push(*h);
        let mut e = h.end as usize;
        // a closing quote, then separators of a list, then an opening one
        // (迁至“A”、“B”)
        while e < limit as usize && matches!(inp.chars[e], '”' | '」' | '"') {
            e += 1;
        }
        let rest = text_of(inp.chars, e as u32, limit);
        for sep in ["、", "和", "及", "与", "以及"] {
            if rest.starts_with(sep) {
                e += sep.chars().count();
                break;
            }
        }
        while e < limit as usize && matches!(inp.chars[e], '“' | '「' | '"') {
            e += 1;
        }
        expect = e as u32;
    }
    (out, used)
}

/// `h` or, when places right after it narrow it without a break (山东潍坊,
/// 河北省沧州市), the narrowest of them.
pub(super) fn narrowest<'h>(hits: &[&'h PlaceHit], h: &'h PlaceHit) -> &'h PlaceHit {
    let g = gazetteer();
    let mut cur = h;
    while let Some(next) = hits.iter().find(|n| {
        n.start == cur.end
            && n.role == Role::Location
            && n.group.is_none()
            && n.places
                .iter()
                .all(|&q| cur.places.iter().any(|&p| q != p && g.is_within(q, p)))
    }) {
        cur = next;
    }
    cur
}

/// The place of the subject before `pos`: the nearest location named before
/// it in the sentence that is not excluded and not a partner (与P).
pub(super) fn place_before<'h>(
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
            if j == 0 {
                return false;
            }
            // 与北京市东城区 (a run) or 与北京市通州区、河北省廊坊市 (a list).
            let gap = text_of(inp.chars, hits[j - 1].end, h.start);
            if !(gap.is_empty() || gap == "、" || gap == "和" || gap == "及") {
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
            h.end <= pos && h.role == Role::Location && !names_a_strategy(inp, h)
        })
        // A name glued to a place it does not narrow names a site there
        // (雄安新区中关村科技园 lies in 雄安, not in 中关村).
        .filter(|&i| {
            let g = gazetteer();
            i == 0 || {
                let (a, b) = (hits[i - 1], hits[i]);
                a.end != b.start
                    || a.role != Role::Location
                    || b.places
                        .iter()
                        .all(|&q| a.places.iter().any(|&p| g.is_within(q, p)))
            }
        })
        .find(|&i| !partner(i) && !hits[i].places.iter().any(|p| exclude.contains(p)))
        .map(|i| hits[i])
}

/// A region named as part of a strategy or a programme (在京津冀协同发展
/// 战略实施十周年之际, 京津冀一体化): no one's home.
pub(super) fn names_a_strategy(inp: &Input, h: &PlaceHit) -> bool {
    let after = text_of(inp.chars, h.end, (h.end + 3).min(inp.chars.len() as u32));
    h.group.is_some()
        && ["协同", "一体化", "协作"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// How far back or ahead the rules look from a verb, in chars: enough for
/// any clause, and a page with no sentence stops stays linear.
pub(super) const REACH: u32 = 300;

/// Start of the clause chain `pos` is in: after the last ；before it.
pub(super) fn window_start(inp: &Input, s: &Sentence, pos: u32) -> u32 {
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

/// Start of the clause `pos` is in: after the last clause break before it,
/// not before the sentence.
pub(super) fn clause_start(inp: &Input, s: &Sentence, pos: u32) -> u32 {
    let mut a = pos;
    while a > s.start && !is_clause_break(inp.chars[a as usize - 1]) {
        a -= 1;
    }
    a
}

/// Is the place `h` the home of what moves (北京企业, 北京一所医院)? Not a
/// place after 在/于 (在大厂建设…基地 is where a base is built), and no verb
/// of building or settling between it and the mover word.
pub(super) fn is_home_of_mover(inp: &Input, h: &PlaceHit, limit: u32) -> bool {
    if h.start > 0 && matches!(inp.chars[h.start as usize - 1], '在' | '于') {
        // 在京央企, 在津企业: the firms based there (one character, the
        // mover right after it), not where something is built.
        let next = text_of(inp.chars, h.end, (h.end + 2).min(limit));
        return h.end - h.start == 1
            && ["央企", "企业", "单位", "机构", "高校"].contains(&next.as_str());
    }
    let after = text_of(inp.chars, h.end, (h.end + 12).min(limit));
    let after = after
        .split(['，', '；', '、', '。', '：'])
        .next()
        .unwrap_or("");
    let after = without_modifying_verbs(after);
    let after = after.as_str();
    MOVERS.iter().any(|w| {
        after.find(w).is_some_and(|b| {
            let between = &after[..b];
            !IN_VERBS.iter().chain(TO_VERBS).any(|v| between.contains(v))
        })
    })
}

/// The places of a list that ends with `h` (天津、河北企业: 天津 and 河北),
/// in order.
pub(super) fn list_ending_with(inp: &Input, hits: &[&PlaceHit], h: &PlaceHit) -> Vec<usize> {
    let mut out = h.places.clone();
    let mut start = h.start;
    while let Some(p) = hits.iter().rev().find(|p| {
        p.role == Role::Location
            && p.end < start
            && ["、", "和", "与", "及"].contains(&text_of(inp.chars, p.end, start).as_str())
    }) {
        out.splice(0..0, p.places.iter().copied());
        start = p.start;
    }
    out
}

/// The home of the movers named right before a verb of signing (北京商户签约,
/// 300家北京企业签约): a place, then a mover word ending at the verb.
pub(super) fn movers_signing(
    inp: &Input,
    s: &Sentence,
    hits: &[&PlaceHit],
    t: &Trigger,
) -> Option<Vec<usize>> {
    let h = hits
        .iter()
        .rev()
        .find(|h| h.role == Role::Location && h.end <= t.start && h.start >= s.start)?;
    let between = text_of(inp.chars, h.end, t.start);
    let movers = ["商户", "企业", "商家", "药企", "公司", "经营户", "项目"];
    // A count may stand before the mover word (大红门2千多商户签约).
    let counted = |w: &str| {
        w.chars().count() <= 8
            && w.chars().all(|c| {
                c.is_ascii_digit()
                    || "零一二两三四五六七八九十百千万余多近约逾超过上家户个批.".contains(c)
            })
    };
    movers
        .iter()
        .any(|m| between.strip_suffix(m).is_some_and(counted))
        .then(|| h.places.clone())
}

/// An organisation named after a place: (start, end of the place part,
/// places). A place hit with the organisation role (北京光环新网股份有限
/// 公司), or a name the segmenter keeps whole that begins with a province
/// or city (北京现代, 北京大学).
/// With `landmarks`, also a place-like name the segmenter keeps whole that
/// no gazetteer entry covers and that ends like a landmark (北京动物园,
/// 天津站): only for what such a landmark's merchants or firms do.
pub(super) fn named_orgs(inp: &Input, s: &Sentence, landmarks: bool) -> Vec<NamedOrg> {
    let g = gazetteer();
    let mut out: Vec<NamedOrg> = inp
        .places
        .iter()
        .filter(|h| h.role == Role::Organisation && h.start >= s.start && h.end <= s.end)
        .filter(|h| !h.places.is_empty())
        .map(|h| NamedOrg::new(h.start, h.end, h.places.clone()))
        .collect();
    let toks = &inp.tokens[super::sentence_tokens(inp, s.start, s.end)];
    let landmark = |t: &crate::text::tokens::Token| {
        landmarks
            && (t.tag == "ns" || t.tag == "nz")
            && !inp
                .places
                .iter()
                .any(|h| h.start < t.end && t.start < h.end)
            && {
                let name = text_of(inp.chars, t.start, t.end);
                LANDMARK_ENDINGS.iter().any(|e| name.ends_with(e))
            }
    };
    for t in toks
        .iter()
        .filter(|t| t.end - t.start >= 4 && (t.tag == "nt" || landmark(t)))
    {
        for n in [3u32, 2] {
            let head = text_of(inp.chars, t.start, t.start + n);
            let place = g.resolve_name(&head).filter(|&p| {
                matches!(
                    g.places[p].kind,
                    PlaceKind::Province | PlaceKind::Prefecture
                )
            });
            if let Some(p) = place {
                out.push(NamedOrg::new(t.start, t.start + n, vec![p]));
                break;
            }
        }
    }
    // 首钢, 北汽, 动批: names that do not say their home (assets/firms.tsv);
    // a market's only for what its merchants do, like a landmark's.
    for f in known_firms(inp, s) {
        let market = f.kind == FirmKind::Market;
        if !landmarks && market {
            continue;
        }
        // 北京现代: named after its place and known by name.
        if let Some(o) = out.iter_mut().find(|o| o.start == f.start) {
            o.end = o.end.max(f.end);
            o.known = Some(f.kind);
            continue;
        }
        let covered = out.iter().any(|o| o.start < f.end && f.start < o.end);
        if !covered {
            out.push(NamedOrg {
                start: f.start,
                end: f.end,
                places: vec![f.home],
                known: Some(f.kind),
            });
        }
    }
    out.sort_by_key(|o| o.start);
    out
}

/// An organisation named after a place, or known by name (see
/// [`named_orgs`]).
#[derive(Debug, Clone)]
pub(super) struct NamedOrg {
    pub start: u32,
    /// The end of its place part (北京 of 北京现代), or of a known name.
    pub end: u32,
    pub places: Vec<usize>,
    /// From `assets/firms.tsv` (首钢): the whole name is `start..end`.
    pub known: Option<FirmKind>,
}

impl NamedOrg {
    fn new(start: u32, end: u32, places: Vec<usize>) -> NamedOrg {
        NamedOrg {
            start,
            end,
            places,
            known: None,
        }
    }

    /// A known firm (not a market): the name itself is what moves.
    pub fn is_known_firm(&self) -> bool {
        self.known == Some(FirmKind::Firm)
    }
}

/// Endings of a landmark's name (see [`named_orgs`]).
const LANDMARK_ENDINGS: &[&str] = &[
    "园", "市场", "商城", "广场", "大厦", "站", "港", "机场", "商圈", "城",
];

/// Endings of the name of an organisation that can move (a firm, a plant,
/// a school, a hospital).
const MOVING_ORGS: &[&str] = &[
    "公司",
    "集团",
    "工厂",
    "分厂",
    "大学",
    "学院",
    "医院",
    "研究院",
    "研究所",
    "企业",
    "中心",
];

/// An organisation named after a place, as the subject right before the
/// 在/于 at `zai` (北京光环新网股份有限公司在三河市建设…, 北京现代第四工厂在
/// 沧州开工): the firm, school or hospital moves from its namesake place.
pub(super) fn org_subject(inp: &Input, s: &Sentence, zai: u32) -> Option<(Vec<usize>, u32)> {
    let last_place = inp
        .places
        .iter()
        .rev()
        .find(|h| h.end <= zai && h.start >= s.start)
        .map(|h| h.start);
    let orgs = named_orgs(inp, s, false);
    let k = orgs.iter().rposition(|o| o.end <= zai)?;
    let NamedOrg { start, places, .. } = orgs[k].clone();
    let known = orgs[k].is_known_firm().then_some(orgs[k].end);
    // A list (北京协和医院、天津医科大学总医院等在…): every name of it must
    // be of the same place, or the list names no one origin.
    let mut j = k;
    while j > 0 {
        let (prev, this) = (&orgs[j - 1], &orgs[j]);
        let gap = text_of(inp.chars, prev.end, this.start);
        let listed =
            gap.ends_with('、') && !gap.chars().any(is_clause_break) && gap.chars().count() <= 16;
        if !listed {
            break;
        }
        if prev.places != places {
            return None;
        }
        j -= 1;
    }
    // No other place between the name and 在.
    if last_place.is_some_and(|p| p > start) || zai - start > 32 {
        return None;
    }
    let name = text_of(inp.chars, start, zai);
    let clean = name
        .chars()
        .all(|c| !is_clause_break(c) && !matches!(c, '、' | '“' | '”' | '的'));
    // The last of a list closed by 等 (北京协和医院、北京天坛医院等,
    // 北京交通大学等高校): the name before it.
    // When and how, between the name and 在 (北京现代第四工厂今年4月开始在).
    let name = without_adverbials(&name);
    let name = match name.rfind('等') {
        Some(b) if LISTED.contains(&&name[b + '等'.len_utf8()..]) => &name[..b],
        _ => name,
    };
    // A known firm (首钢在曹妃甸…) with at most a few words after its name
    // (首钢集团公司, 京东方今年).
    let known_name = known.is_some_and(|e| zai - e <= 6);
    (clean && (known_name || MOVING_ORGS.iter().any(|e| name.ends_with(e))))
        .then_some((places, start))
}

/// Words of time and manner that may stand between a subject and its verb.
const ADVERBIALS: &[&str] = &[
    "开始", "已经", "已", "将", "正式", "率先", "也", "还", "拟", "即将", "正在", "陆续", "先后",
    "今年", "去年", "明年", "年初", "年底", "年内", "日前", "近日", "目前", "当年", "同年", "于",
];

/// `name` without the words of time and manner at its end (今年4月开始):
/// those of [`ADVERBIALS`] and dates written in digits (4月, 11日, 2015年).
fn without_adverbials(name: &str) -> &str {
    let mut rest = name;
    loop {
        let before = rest.len();
        if let Some(w) = ADVERBIALS.iter().find(|w| rest.ends_with(**w)) {
            rest = &rest[..rest.len() - w.len()];
        }
        for unit in ['月', '日', '年', '号'] {
            if let Some(r) = rest.strip_suffix(unit) {
                let digits = r.trim_end_matches(|c: char| c.is_ascii_digit());
                if digits.len() < r.len() {
                    rest = digits;
                }
            }
        }
        if rest.len() == before || rest.is_empty() {
            return rest;
        }
    }
}

/// What may follow the 等 that closes a list of organisations.
const LISTED: &[&str] = &[
    "",
    "单位",
    "高校",
    "院校",
    "学校",
    "医院",
    "企业",
    "机构",
    "央企",
    "公司",
    "医疗机构",
];

/// People that come from a place (来自北京的企业代表): no mover.
/// Head nouns of what moves as firms or projects (来自北京的企业、项目).
pub(super) const FIRM_HEADS: &[&str] = &[
    "企业", "项目", "公司", "商户", "机构", "单位", "药企", "工厂", "集团",
];

pub(super) const PEOPLE: &[&str] = &[
    "代表",
    "负责人",
    "老板",
    "嘉宾",
    "客商",
    "专家",
    "人员",
    "员工",
    "职工",
    "学生",
    "游客",
    "车辆",
    "货车",
    "考察团",
    "代表团",
];

/// Whether what a place names after it is people (北京的企业代表、记者等),
/// by the first of its list: not 北京的企业、院所和专家团队, nor 北京的企业
/// 代表了园区最高水平.
pub(super) fn people_after(inp: &Input, h: &PlaceHit, limit: u32) -> bool {
    let after = text_of(inp.chars, h.end, (h.end + 16).min(limit));
    let first = after
        .strip_prefix('的')
        .unwrap_or(&after)
        .split(['、', '，', '。', '；', '和', '及', '与', '等'])
        .next()
        .unwrap_or("");
    PEOPLE.iter().any(|w| first.ends_with(w))
}

/// Places introduced by 来自/从/自 in the sentence.
pub(super) fn origin_marked(inp: &Input, hits: &[&PlaceHit], s: &Sentence) -> Option<Vec<usize>> {
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
        let leaves = [
            "迁出", "搬出", "撤出", "撤离", "离开", "退出", "搬离", "迁离",
        ]
        .contains(&before2.as_str());
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
        // 把在北京已颇具规模的批发生意迁到了高碑店: what 把 takes, where it
        // was, before a moving verb in the clause.
        let held = {
            let lead = text_of(inp.chars, h.start.saturating_sub(4).max(s.start), h.start);
            ["把在", "把位于", "把原在", "把原来在"]
                .iter()
                .any(|w| lead.ends_with(w))
                && {
                    let end = super::clause_break_in(inp, h.end, s.end).unwrap_or(s.end);
                    let clause = text_of(inp.chars, h.end, end);
                    TO_VERBS.iter().any(|v| clause.contains(v))
                }
        };
        let from = before2 == "来自"
            || before2 == "自于"
            || held
            || before1 == '从'
            || before1 == '自'
            || after_named_sites(inp, h, s);
        // 来自北京的企业代表: people from a place, not what moved.
        // The first of what follows 的 is the head: people if it ends with
        // a people word (来自北京的企业代表、记者等), not 来自北京的企业、
        // 院所和专家团队, nor 企业代表了园区最高水平.
        let people = from && people_after(inp, h, s.end);
        if (from || leaves || by) && !told && !people {
            let (list, _) = places_after(inp, hits, h.start, s.end);
            if !list.is_empty() {
                return Some(list);
            }
        }
    }
    None
}

/// 从锦绣大地、玉泉营等北京多家批发市场迁来: the place after sites the
/// gazetteer does not know, closed by 等, is where they came from.
pub(super) fn after_named_sites(inp: &Input, h: &PlaceHit, s: &Sentence) -> bool {
    let before = text_of(inp.chars, h.start.saturating_sub(16).max(s.start), h.start);
    let Some(names) = before.strip_suffix('等') else {
        return false;
    };
    let Some(c) = names.rfind('从') else {
        return false;
    };
    let names = &names[c + '从'.len_utf8()..];
    !names.is_empty() && !names.contains(is_clause_break)
}

/// Origins listed with their own counts after a receiving verb: 其中北京企业
/// 79家、天津企业13家; 其中来自北京的企业达780家.
pub(super) fn enumerated_origins(
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
        // 北京地区23个项目: the count right after the place, then the mover.
        let counted = inp
            .figures
            .iter()
            .position(|f| f.span.start == h.end && COUNT_UNITS.contains(&f.unit.as_str()))
            .filter(|&i| {
                let f = &inp.figures[i];
                let rest = text_of(inp.chars, f.span.end, (f.span.end + 2).min(s.end));
                ["企业", "项目", "商户", "公司", "家企", "个项"]
                    .iter()
                    .any(|w| rest.starts_with(w))
            });
        // 12个北京项目: the count right before the place, the mover after it.
        let counted = counted.or_else(|| {
            let i = inp.figures.iter().position(|f| {
                f.span.end == h.start
                    && f.span.start >= s.start
                    && COUNT_UNITS.contains(&f.unit.as_str())
            })?;
            ["企业", "项目", "商户", "公司"]
                .iter()
                .any(|w| after.starts_with(w))
                .then_some(i)
        });
        if counted.is_some() {
            out.push((h.places.clone(), counted));
            continue;
        }
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

/// `places` and everything containing them (for excluding a destination's
/// own province from the origin search: 在天津东丽区…).
pub(super) fn with_ancestors(places: &[usize]) -> Vec<usize> {
    let g = gazetteer();
    let mut v = places.to_vec();
    for &p in places {
        v.extend(g.ancestors(p));
    }
    v
}

/// Words that point back to a place named before (在当地建设, 在这里生产).
pub(super) const HERE_WORDS: &[&str] = &["在当地", "在该地", "在那里", "在这里", "在此"];

/// 在 P（…）verb / 向 P verb: the place after 在/于 (or 向) earlier in the
/// clause; 在当地/在这里 is the place named before in the sentence, else
/// `prev` (the place of the sentence before).
pub(super) fn in_destination(
    inp: &Input,
    hits: &[&PlaceHit],
    s: &Sentence,
    t: &Trigger,
    toward: bool,
    prev: &[usize],
) -> Option<(u32, Vec<usize>)> {
    // Start of the clause.
    let floor = s.start.max(t.start.saturating_sub(REACH)) as usize;
    let mut a = t.start as usize;
    while a > floor && !is_clause_break(inp.chars[a - 1]) {
        a -= 1;
    }
    // 到/赴/来 P 投资 (北京企业到涿州投资建厂, 京企来冀投资) says where as 在 does.
    let markers: &[char] = if toward {
        &['向', '往']
    } else if DAO_VERBS.contains(&t.word) {
        &['在', '于', '到', '赴', '来']
    } else {
        &['在', '于']
    };
    let origins = origin_marked(inp, hits, s).unwrap_or_default();
    // With the origin marked (其中超过60%来自北京), 在 P 的…园区，已入驻 may
    // name the destination a clause earlier.
    let wide = !toward && !origins.is_empty();
    let from = if wide {
        window_start(inp, s, t.start) as usize
    } else {
        a
    };
    let mut best = None;
    for h in hits
        .iter()
        .filter(|h| h.role == Role::Location && (h.start as usize) >= from && h.end <= t.start)
    {
        let before = if h.start == 0 {
            '\n'
        } else {
            inp.chars[h.start as usize - 1]
        };
        // 雄安新区新入驻的企业中，四分之一来自北京: with the origin marked,
        // the place a relative clause's verb has as its subject.
        // Only firms or projects, and not their money or people
        // (…的项目中，七成资金来自北京; …引进的人才中).
        let relative = wide && {
            let gap = text_of(inp.chars, h.end, t.start);
            let rest = text_of(inp.chars, t.end, s.end);
            let head = rest.strip_prefix('的').unwrap_or("");
            let source = rest.find("来自").map_or(rest.as_str(), |k| &rest[..k]);
            ["", "新", "已", "已经", "累计", "今年", "新近", "共", "目前"].contains(&gap.as_str())
                && [
                    "企业",
                    "项目",
                    "商户",
                    "公司",
                    "机构",
                    "单位",
                    "市场主体",
                    "药企",
                ]
                .iter()
                .any(|w| head.starts_with(w))
                && ![
                    "资金", "人才", "人员", "员工", "职工", "法人", "居民", "人口", "投资",
                ]
                .iter()
                .any(|w| source.contains(w))
        };
        if markers.contains(&before) || relative {
            let (list, used) = places_after(inp, hits, h.start, t.start);
            let end = used.last().map(|u| u.end).unwrap_or(h.end);
            // The verb must follow soon after the place (在津冀布局, 在北京亦庄
            // 注册), and 在P的引导下 is not where anything happens.
            let gap = text_of(inp.chars, end, t.start);
            // 在天津北辰拥有生产基地: what is already there did not move.
            // (Not the 有 of 有序: 向河北有序转移 moves.)
            let has = ["拥有", "设有", "建有", "有"]
                .iter()
                .any(|w| gap.replace("有序", "").contains(w));
            let near = t.start - end <= 10 && !gap.contains('的');
            let marked_near = wide && t.start - end <= 40 && !gap.contains("引导");
            if !list.is_empty() && (near || marked_near) && !has {
                best = Some((h.start, list));
            }
        }
    }
    if best.is_none() && !toward {
        // 与鄂尔多斯市签署协议，计划在当地建设…: the place named before,
        // unless it is where the movers come from (来自丰台区和大兴区，将在
        // 当地建设…: 当地 is neither, nor 北京市 that holds them).
        let clause = text_of(inp.chars, a as u32, t.start);
        let not_origin = with_ancestors(&origins);
        for w in HERE_WORDS {
            if let Some(b) = clause.find(w) {
                let at = a as u32 + clause[..b].chars().count() as u32;
                if let Some(h) = hits.iter().rev().find(|h| {
                    h.role == Role::Location
                        && h.end <= at
                        && h.start >= s.start
                        && !h.places.iter().any(|p| not_origin.contains(p))
                }) {
                    best = Some((at, h.places.clone()));
                } else if !prev.is_empty() && !prev.iter().any(|p| not_origin.contains(p)) {
                    best = Some((at, prev.to_vec()));
                }
                break;
            }
        }
    }
    best
}
