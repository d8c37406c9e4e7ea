//! Finding places in text; the gazetteer behind it (`assets/places.tsv`)
//! is read in `gazetteer.rs`.
//!
//! Each place has a canonical id, a display name, an English name, a kind,
//! a parent (district → city → province) and coordinates. Aliases shared by
//! two places (汉沽: Tianjin's, or Tangshan's 汉沽管理区) are ambiguous and
//! resolved by the places around them, or left unresolved — never guessed.
//! A place that begins an organisation's or outlet's name (北京青年报,
//! 天津大学, 北京金太阳药芯焊丝有限公司) is not a location.

mod context;
mod gazetteer;

use std::collections::HashMap;

use crate::text::sentences::Sentence;
use crate::text::tokens::Token;
pub use gazetteer::{gazetteer, reference_forms, Gazetteer, Place, PlaceKind, Target, PLACES_TSV};

/// How a place name is used where it occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The place as a location.
    Location,
    /// The first word of an organisation's or outlet's name (北京青年报).
    Organisation,
    /// The seat in a company's name: SMC（天津）制造有限公司.
    Seat,
    /// An ambiguous name the context does not settle, or 我省 with no
    /// province in the article.
    Unresolved,
}

/// A place name found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceHit {
    /// Char span in the text.
    pub start: u32,
    pub end: u32,
    /// Token span.
    pub tok_start: usize,
    pub tok_end: usize,
    /// The place(s) it names: one, or a group's members (then `group` is
    /// the group's own index).
    pub places: Vec<usize>,
    pub group: Option<usize>,
    pub role: Role,
    /// The place begins the name of its own government or one of its organs
    /// (天津市人民政府, 河北省住建厅): a location for flows and for what the
    /// article is about, but no place mention (the name is an organisation's).
    pub organ: bool,
    /// 本市, 全区, 我省: a word that stands for a place named elsewhere. It
    /// counts for flows and for what the article is about, but is no place
    /// mention of its own.
    pub reference: bool,
}

impl PlaceHit {
    pub fn is_location(&self) -> bool {
        self.role == Role::Location
    }
}

/// Suffixes of the word after a place that make the place part of an
/// organisation's or outlet's name.
const ORG_SUFFIXES: &[&str] = &[
    "大学",
    "学院",
    "日报",
    "晚报",
    "晨报",
    "商报",
    "青年报",
    "报社",
    "日报社",
    "电视台",
    "卫视",
    "电台",
    "广播电台",
    "银行",
    "医院",
    "出版社",
    "研究院",
    "研究所",
    "法院",
    "检察院",
    "中学",
    "小学",
    "证券",
    "时间",
    "烤鸭",
    "奔驰",
    "现代",
    "国安",
    "队",
    "新闻网",
    "网",
    "报",
    "电信",
    "移动",
    "联通",
    "委员会",
    "总队",
    "支队",
];

/// Words after a place that make it part of a landmark's name (天津之眼,
/// 衡水湖, 秦皇岛港湾, 天津西站): not 北京公园总数, 北京充电站, 招聘会保定站.
const LANDMARKS: &[&str] = &[
    "之眼",
    "湖",
    "港湾",
    "海湾",
    "之滨",
    "西站",
    "南站",
    "北站",
    "东站",
    "火车站",
    "高铁站",
    "客运站",
    "汽车站",
    "汽车总站",
    "体育场",
    "体育馆",
    "大剧院",
    "博物馆",
    "图书馆",
    "动物园",
    "植物园",
];

/// Verbs ending in 办 (跨省通办, 一网通办, 马上办): no office.
const OFFICE_VERBS: &[&str] = &[
    "通办",
    "帮办",
    "代办",
    "督办",
    "承办",
    "主办",
    "协办",
    "合办",
    "创办",
    "举办",
    "开办",
    "申办",
    "兴办",
    "查办",
    "包办",
    "照办",
    "领办",
    "快办",
    "好办",
    "难办",
    "马上办",
    "网上办",
    "一次办",
    "就近办",
    "掌上办",
    "怎么办",
];

/// Words after a place that make it the place's government or one of its
/// organs (天津市人民政府, 河北省委, 北京市发改委, 天津海关).
const GOVERNMENT: &[&str] = &[
    "政府",
    "委",
    "常委会",
    "人大",
    "政协",
    "海关",
    "市长",
    "副市长",
    "省长",
    "副省长",
    "区长",
    "副区长",
    "县长",
    "副县长",
];

/// Do the words after a place (from token `from`) name its government or one
/// of its organs?
fn names_an_organ(text: &str, tokens: &[Token], from: usize) -> bool {
    let mut next = tokens.get(from).map(|t| t.text(text)).unwrap_or("");
    // 北京市副市长: 副 cut off its title.
    if next == "副" {
        next = tokens.get(from + 1).map(|t| t.text(text)).unwrap_or("");
    }
    GOVERNMENT.iter().any(|w| next.ends_with(w)) && !next.is_empty() || is_organ(text, tokens, from)
}

/// Do the words after a place make the name of a department or bureau
/// (住建厅, 商务厅, 银保监局, 工业和信息化局), cut into words or not? The
/// name is at most eight characters of one phrase, with no other place in
/// it, and ends a word in 厅 or 局; 餐厅, 布局, 局地 and the like are no
/// organs.
fn is_organ(text: &str, tokens: &[Token], from: usize) -> bool {
    let mut name = String::new();
    for (k, t) in tokens.iter().skip(from).enumerate() {
        let w = t.text(text);
        let joins = w == "和" && k > 0;
        if !w.chars().all(crate::text::chars::is_han)
            || t.tag == "ns"
            || (!joins && !t.tag.starts_with('v') && ends_name(t.tag) && !w.ends_with(['厅', '局']))
        {
            return false;
        }
        name.push_str(w);
        if name.chars().count() > 8 {
            return false;
        }
        if name.chars().count() >= 2 {
            if w.ends_with('厅') {
                return !NOT_DEPARTMENTS.iter().any(|x| name.ends_with(x));
            }
            if w.ends_with('局') {
                return !NOT_BUREAUS.iter().any(|x| name.ends_with(x));
            }
        }
    }
    false
}

/// Words ending in 厅 that are not a department of a provincial government
/// (河北省商务厅): a room or a hall.
const NOT_DEPARTMENTS: &[&str] = &[
    "餐厅", "大厅", "客厅", "展厅", "舞厅", "门厅", "歌厅", "饭厅",
];
/// Words ending in 局 that are not a bureau (京津冀格局, 在北京布局).
const NOT_BUREAUS: &[&str] = &[
    "格局", "布局", "大局", "全局", "结局", "开局", "当局", "新局", "僵局", "骗局", "棋局", "赌局",
    "饭局", "政局", "时局", "战局", "变局", "破局", "终局", "残局", "牌局",
];

/// Words in which 京 stands for Beijing (赴京, 进京, 在京央企): a place, never
/// the start of an organisation's name.
const JING_WORDS: &[&str] = &[
    "赴京", "进京", "来京", "在京", "离京", "返京", "抵京", "驻京", "晋京", "留京", "出京", "入京",
    "京郊",
];
/// Endings of organisation names that may contain verbs and conjunctions
/// (北京雁栖湖应用数学研究院, 京津冀虚拟现实协同创新研究院, 河北省纺织与服装
/// 行业协会, SMC（天津）制造有限公司, 北京亦庄（京津冀）生物医药产业大会).
const ORG_ENDINGS: &[&str] = &[
    "有限公司",
    "有限责任公司",
    "公司",
    "集团",
    "研究院",
    "研究所",
    "研究中心",
    "实验室",
    "协会",
    "学会",
    "商会",
    "联盟",
    "促进会",
    "基金会",
    "大会",
    "论坛",
    "峰会",
    "博览会",
    "对接会",
    "推介会",
    "洽谈会",
    "交易会",
    "招商会",
    "发布会",
    "大学",
    "学院",
    "医院",
    "银行",
    "派出所",
    "公安处",
    "公安局",
    "气象台",
    "办公室",
];
/// Endings of names made of nouns only (北京智慧电竞赛事中心, 北京威克多制衣
/// 中心): 中心 also ends phrases such as 北京建设国际科技创新中心, so it
/// counts only when no verb comes before it.
const NOUN_ORG_ENDINGS: &[&str] = &["中心", "工作室", "俱乐部"];

/// Endings of the names of schools, teams and units, which may hold a
/// number (北京丰盛中学, 北京市第二中学, 武警北京一总队, 天津记者队).
const UNIT_ENDINGS: &[&str] = &[
    "中学",
    "小学",
    "附中",
    "附小",
    "幼儿园",
    "总队",
    "支队",
    "大队",
    "中队",
    "记者队",
    "代表队",
    "球队",
    "车队",
    "乐团",
    "剧院",
];

/// Words with a unit's ending that name no one unit (北京中小学, 天津大中小学).
const NOT_UNITS: &[&str] = &["中小学", "大中小学", "中小学校"];

/// Does a name end like a school's or a unit's: one of [`UNIT_ENDINGS`], or a
/// school's number (北京四中, 天津一中, 北京101中)?
fn ends_like_unit(name: &str) -> bool {
    if NOT_UNITS.iter().any(|w| name.ends_with(w)) {
        return false;
    }
    if UNIT_ENDINGS.iter().any(|w| name.ends_with(w)) {
        return true;
    }
    let mut rev = name.chars().rev();
    rev.next() == Some('中')
        && rev
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

fn is_punct(s: &str) -> bool {
    s.chars().all(|c| !c.is_alphanumeric() || c.is_whitespace())
}

/// Tags that end a name: verbs, prepositions, conjunctions, particles,
/// adverbs, pronouns, numerals, measure words, localisers, time words.
pub(crate) fn ends_name(tag: &str) -> bool {
    matches!(
        tag,
        "v" | "vd" | "vi" | "vg" | "vq" | "p" | "c" | "d" | "r" | "m" | "q" | "f" | "t" | "w"
    ) || tag.starts_with('u')
}

/// Finds the places named in `text` (already segmented into `tokens`),
/// classifies each use and resolves ambiguous names and 我省-style references.
pub fn find(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<PlaceHit> {
    let g = gazetteer();
    let raw = join_zone_suffixes(g, text, tokens, g.lexicon.find(text, tokens));
    let mut hits: Vec<PlaceHit> = Vec::with_capacity(raw.len());
    let mut pending: Vec<(usize, Target)> = Vec::new();
    for h in raw {
        let (places, group) = match h.value {
            Target::Places(v) if v.len() == 1 => {
                let p = &g.places[v[0]];
                if p.kind == PlaceKind::Group {
                    (p.members.clone(), Some(v[0]))
                } else {
                    (v.clone(), None)
                }
            }
            Target::Places(v) if v.is_empty() => continue,
            other => {
                pending.push((hits.len(), other.clone()));
                (vec![], None)
            }
        };
        let role = classify(text, tokens, h.tok_start, h.tok_end);
        let organ = role == Role::Location && names_an_organ(text, tokens, h.tok_end);
        // 在津, 来冀, 赴京: the place is the abbreviation, after its verb;
        // 京企, 津企: before what it is the home of.
        let surface = match (
            tokens.get(h.tok_start),
            tokens.get(h.tok_end.wrapping_sub(1)),
        ) {
            (Some(a), Some(b)) => text
                .get(a.byte_start as usize..b.byte_end as usize)
                .unwrap_or(""),
            _ => "",
        };
        let verb_first = surface.chars().count() == 2
            && surface.starts_with(['在', '进', '赴', '来', '离', '抵', '驻', '返', '留', '入'])
            && surface.ends_with(['京', '津', '冀']);
        let home_first = surface.chars().count() == 2
            && surface.starts_with(['京', '津', '冀'])
            && surface.ends_with(['企', '籍', '郊']);
        hits.push(PlaceHit {
            start: h.start + u32::from(verb_first),
            end: h.end - u32::from(home_first),
            tok_start: h.tok_start,
            tok_end: h.tok_end,
            places,
            group,
            role,
            organ,
            reference: false,
        });
    }
    let doc_places: Vec<usize> = {
        let mut v: Vec<usize> = hits
            .iter()
            .filter(|h| h.role == Role::Location && h.group.is_none())
            .flat_map(|h| h.places.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut own_cache: HashMap<u8, Option<usize>> = HashMap::new();
    // The text as chars, made once when a rule below needs them: the rules
    // read a few around a name.
    let mut chars: Option<Vec<char>> = None;
    // An ambiguous name keeps one sense in an article: what a cue right at
    // one use settles (迁到了高碑店 after 北京: 保定's) holds for the uses the
    // places around them only suggest (首衡高碑店市场…北京外迁企业).
    let mut settled: Vec<(Vec<usize>, Option<usize>)> = Vec::new();
    let mut decided: Vec<(usize, Option<usize>, bool)> = Vec::new();
    for (i, target) in &pending {
        if let Target::Places(cands) = target {
            let chars = chars.get_or_insert_with(|| text.chars().collect());
            let (p, cued) = resolve_ambiguous(g, chars, &hits, *i, cands, sentences, &doc_places);
            if cued {
                match settled.iter_mut().find(|(c, _)| c == cands) {
                    Some((_, s)) if *s != p => *s = None,
                    Some(_) => {}
                    None => settled.push((cands.clone(), p)),
                }
            }
            decided.push((*i, p, cued));
        }
    }
    let mut decided = decided.into_iter();
    for (i, target) in pending {
        let resolved = match &target {
            Target::Places(cands) => {
                let (_, p, cued) = decided.next().expect("one decision per name");
                let one_sense = settled
                    .iter()
                    .find(|(c, _)| c == cands)
                    .and_then(|(_, s)| *s);
                if cued {
                    p
                } else {
                    one_sense.or(p)
                }
            }
            Target::OwnProvince => own(g, &hits, i, sentences, Own::Province, &mut own_cache),
            Target::OwnCity => own(g, &hits, i, sentences, Own::City, &mut own_cache),
            Target::OwnDistrict => own(g, &hits, i, sentences, Own::District, &mut own_cache),
        };
        hits[i].reference = !matches!(target, Target::Places(_));
        match resolved {
            Some(p) => {
                hits[i].places = vec![p];
                if hits[i].role == Role::Unresolved {
                    hits[i].role = Role::Location;
                }
            }
            None => hits[i].role = Role::Unresolved,
        }
    }
    // 北京市朝阳区人民法院, 北京市朝阳区人民政府: a place right before an
    // organisation's or organ's place within it begins the same name.
    for i in (0..hits.len().saturating_sub(1)).rev() {
        let (a, b) = (&hits[i], &hits[i + 1]);
        let within = b
            .places
            .iter()
            .any(|&q| a.places.iter().any(|&p| g.is_within(q, p)));
        if a.end == b.start && within && a.role == Role::Location {
            if b.role == Role::Organisation {
                hits[i].role = Role::Organisation;
            } else if b.organ {
                hits[i].organ = true;
            }
        }
    }
    // 温州国际商贸城 in Tianjin, 台湾工业新城 in 永清: a place outside the
    // region at the head of a market's or a park's name names the market.
    for h in &mut hits {
        let outside =
            !h.places.is_empty() && h.group.is_none() && h.places.iter().all(|&p| !g.in_region(p));
        if h.role != Role::Location || !outside {
            continue;
        }
        let chars = chars.get_or_insert_with(|| text.chars().collect());
        let (a, b) = (h.start as usize, (h.end as usize).min(chars.len()));
        let before: String = chars[a.saturating_sub(2)..a].iter().collect();
        let after: String = chars[b..(b + 8).min(chars.len())].iter().collect();
        let name = after
            .split(crate::text::chars::is_clause_break)
            .next()
            .unwrap_or("");
        let sent_there = ["在", "于", "到", "往", "至", "赴", "户", "驻", "向"]
            .iter()
            .any(|w| before.ends_with(w));
        let market = MARKET_NAMES
            .iter()
            .any(|w| name.find(w).is_some_and(|k| name[..k].chars().count() <= 2));
        if market && !sent_there {
            h.role = Role::Organisation;
        }
    }
    drop_namesakes_elsewhere(g, &mut hits);
    context::drop_non_places(g, text, tokens, &mut hits);
    hits
}

/// Districts of the three that share their name with a district or city
/// elsewhere, and the places (as the gazetteer names them) that place a
/// text there: 通州区 is also
/// Nantong's, 朝阳 also Changchun's district and a city of Liaoning, 长安区
/// also Xi'an's, 和平区 Shenyang's, 河东区 Linyi's, 开平 a city of Jiangmen.
const NAMESAKES: &[(&str, &[&str])] = &[
    ("通州区", &["南通市"]),
    ("朝阳区", &["长春市", "辽宁省", "朝阳市"]),
    ("长安区", &["西安市"]),
    ("和平区", &["沈阳市"]),
    ("河东区", &["临沂市"]),
    ("开平区", &["江门市"]),
];

/// A district whose namesake's city or province the text names, in a text
/// that names neither the district's own city nor anything else within
/// it, is the namesake: no place of the three.
fn drop_namesakes_elsewhere(g: &Gazetteer, hits: &mut [PlaceHit]) {
    for i in 0..hits.len() {
        let h = &hits[i];
        if h.role != Role::Location || h.places.len() != 1 || h.group.is_some() {
            continue;
        }
        let p = h.places[0];
        let Some((_, cues)) = NAMESAKES.iter().find(|(id, _)| g.places[p].id == *id) else {
            continue;
        };
        let cued = hits.iter().any(|o| {
            o.role == Role::Location
                && o.places
                    .iter()
                    .any(|&q| cues.contains(&g.places[q].id.as_str()))
        });
        if !cued {
            continue;
        }
        let Some(parent) = g.places[p].parent else {
            continue;
        };
        let anchored = hits.iter().any(|o| {
            o.role == Role::Location
                && o.places
                    .iter()
                    .any(|&q| q != p && (q == parent || g.is_within(q, parent)))
        });
        if !anchored {
            hits[i].role = Role::Unresolved;
        }
    }
}

/// The ends of a market's or a park's name (温州国际商贸城, 台湾工业新城).
const MARKET_NAMES: &[&str] = &[
    "商贸城",
    "商城",
    "服装城",
    "小商品城",
    "工业新城",
    "工业园",
    "产业园",
    "科技园",
    "批发市场",
];

/// Words that make a zone of the place before them: 承德 + 高新区.
const ZONE_SUFFIXES: &[&str] = &[
    "高新区",
    "开发区",
    "经开区",
    "经济开发区",
    "经济技术开发区",
    "高新技术产业开发区",
    "新区",
    "产业园",
    "工业园",
    "工业园区",
    "园区",
    "自贸区",
    "综合保税区",
    "保税区",
    "临空经济区",
    "科技城",
];

/// A place followed by a zone word, when the gazetteer has that zone under
/// the place (河北承德 + 高新区 → 承德高新区): one hit for the zone.
fn join_zone_suffixes<'l>(
    g: &'l Gazetteer,
    text: &str,
    tokens: &[Token],
    raw: Vec<crate::text::lexicon::Hit<'l, Target>>,
) -> Vec<crate::text::lexicon::Hit<'l, Target>> {
    let mut out = Vec::with_capacity(raw.len());
    for mut h in raw {
        if let (Target::Places(v), Some(next)) = (h.value, tokens.get(h.tok_end)) {
            let suffix = next.text(text);
            if v.len() == 1 && ZONE_SUFFIXES.contains(&suffix) {
                let p = &g.places[v[0]];
                let forms = std::iter::once(&p.id)
                    .chain(std::iter::once(&p.name))
                    .chain(p.aliases.iter());
                let written = text
                    .get(tokens[h.tok_start].byte_start as usize..next.byte_start as usize)
                    .unwrap_or("");
                let zone = forms
                    .filter_map(|f| g.lexicon.get(&format!("{f}{suffix}")))
                    .find(|t| matches!(t, Target::Places(z) if z.len() == 1 && g.is_within(z[0], v[0])))
                    .or_else(|| {
                        // 香河 + 经济开发区 → 河北香河经济开发区: the one zone
                        // under the place whose name holds both.
                        let mut under = g.places.iter().filter(|z| {
                            z.kind == PlaceKind::Zone
                                && z.parent == Some(v[0])
                                && z.id.ends_with(suffix)
                                && z.id.contains(written)
                        });
                        let z = under.next()?;
                        if under.next().is_some() {
                            return None;
                        }
                        g.lexicon.get(&z.id)
                    });
                if let Some(z) = zone {
                    h.value = z;
                    h.tok_end += 1;
                    h.end = next.end;
                }
            }
        }
        out.push(h);
    }
    out
}

/// Location, organisation name or company seat, from the words around it.
fn classify(text: &str, tokens: &[Token], ts: usize, te: usize) -> Role {
    let tok = |i: usize| tokens.get(i).map(|t| t.text(text)).unwrap_or("");
    let surface = if te > ts {
        text.get(tokens[ts].byte_start as usize..tokens[te - 1].byte_end as usize)
            .unwrap_or("")
    } else {
        ""
    };
    if JING_WORDS.contains(&surface) {
        return Role::Location;
    }
    let before = if ts > 0 { tok(ts - 1) } else { "" };
    let after = tok(te);
    // 天津西站, 天津之眼, 衡水湖: a station, a landmark or a body of water
    // named after the place; 天津奥足办: an office (not 申办 or 举办, nor
    // 跨省通办: verbs).
    let office = after.chars().count() >= 3
        && after.ends_with('办')
        && !OFFICE_VERBS.iter().any(|v| after.ends_with(v));
    if LANDMARKS.contains(&after) || office {
        return Role::Organisation;
    }
    // 北京东路 in Shanghai, 天津大街: a street's name, not the city.
    if matches!(
        after,
        "路" | "东路" | "西路" | "南路" | "北路" | "中路" | "大街" | "大道" | "胡同" | "巷"
    ) {
        return Role::Organisation;
    }
    // 在廊坊建设仓储中心: where something is built, not the start of its name.
    if matches!(before, "在" | "于" | "到" | "赴" | "落户")
        && matches!(
            after,
            "建设"
                | "投资"
                | "打造"
                | "新建"
                | "建成"
                | "设立"
                | "成立"
                | "布局"
                | "落地"
                | "开工"
                | "兴建"
        )
    {
        return Role::Location;
    }
    if matches!(before, "（" | "(") && matches!(after, "）" | ")") {
        // （天津）制造有限公司 / SMC（中国）有限公司 / 北京亦庄（京津冀）生物医药产业大会
        let rest = tok(te + 1);
        if !rest.is_empty() && !is_punct(rest) && runs_into_firm_name(text, tokens, te + 1) {
            return Role::Seat;
        }
    }
    // 津冀地区大学, 北京周边: a region word makes it a location.
    if matches!(
        after,
        "地区" | "地方" | "一带" | "境内" | "区域" | "周边" | "当地" | "全境" | "范围"
    ) {
        return Role::Location;
    }

    // 昌平区天新福（北京）医疗器材股份有限公司: a full district or county
    // name before a firm's name says where the firm is.
    let full_local = ["区", "县", "镇", "乡"]
        .iter()
        .any(|x| surface.ends_with(x));
    // 北京焦化厂, 天津钢厂: a works named after its place (but 沧州工厂 is
    // the plant in Cangzhou).
    let works = after.ends_with('厂') && !matches!(after, "工厂" | "厂" | "分厂" | "新厂" | "老厂");
    // 北京市文化局, 天津市商务局: a bureau (not 格局, 布局).
    let bureau = after.chars().count() >= 2
        && after.ends_with('局')
        && !NOT_BUREAUS.iter().any(|b| after.ends_with(b));
    // 北京现代 is the carmaker, 北京市现代… the city's modern things.
    let brand = matches!(after, "现代" | "奔驰" | "国安" | "时间" | "烤鸭");
    let suffix = ORG_SUFFIXES.iter().any(|s| after.ends_with(s))
        && !after.is_empty()
        && !NOT_UNITS.contains(&after)
        && (!brand || !surface.ends_with(['市', '省', '区', '县']));
    if works || bureau || suffix {
        // "北京网" is an outlet, but 网 alone after 北京 in 北京网友 is not:
        // the suffix must end the word that follows.
        return Role::Organisation;
    }
    if !full_local && runs_into_firm_name(text, tokens, te) {
        return Role::Organisation;
    }
    Role::Location
}

/// Do the words from token `from` make the rest of an organisation's name?
/// They must end in an organisation ending within 32 chars, with no
/// punctuation (a parenthesised seat excepted), particle, preposition or
/// other place in between.
fn runs_into_firm_name(text: &str, tokens: &[Token], from: usize) -> bool {
    let Some(first) = tokens.get(from) else {
        return false;
    };
    let mut saw_verb = false;
    let mut saw_number = false;
    let mut in_parens = false;
    for t in &tokens[from..] {
        let w = t.text(text);
        if t.end - first.start > 32 {
            return false;
        }
        if matches!(w, "（" | "(") && !in_parens {
            in_parens = true;
            continue;
        }
        if matches!(w, "）" | ")") && in_parens {
            in_parens = false;
            continue;
        }
        if in_parens {
            continue;
        }
        if is_punct(w) {
            return false;
        }
        // The name so far, so that endings cut into two words count (对接/会).
        let so_far = text
            .get(first.byte_start as usize..t.byte_end as usize)
            .unwrap_or("");
        if !saw_verb && ends_like_unit(so_far) {
            return true;
        }
        // After a number only a unit's name goes on (北京三家研究院 is three
        // institutes in Beijing; 北京一总队 is a unit).
        if saw_number {
            if t.tag.starts_with('m') {
                continue;
            }
            return false;
        }
        if ORG_ENDINGS.iter().any(|s| so_far.ends_with(s)) {
            return true;
        }
        if !saw_verb && NOUN_ORG_ENDINGS.iter().any(|s| so_far.ends_with(s)) {
            return true;
        }
        if t.tag.starts_with('m') && t.start == first.start && !saw_verb {
            saw_number = true;
            continue;
        }
        let verbish = t.tag.starts_with('v') && t.tag != "vn";
        if (verbish && NAME_VERBS.contains(&w)) || (t.tag == "c" && matches!(w, "与" | "和" | "及"))
        {
            saw_verb = true;
            continue;
        }
        // A firm's trade name right after its place, which the segmenter
        // may tag as a verb (北京建予房地产开发有限公司), when a company's
        // ending follows; not a predicate (在北京注册有限公司).
        if verbish
            && t.start == first.start
            && !PLACE_PREDICATES.contains(&w)
            && ends_as_company(text, tokens, from)
        {
            continue;
        }
        // Another place name starts a new phrase (北京现代沧州工厂 is not
        // a firm name ending at 公司 further on); so do predicates (注册,
        // 成立, 位于), particles, prepositions, adverbs, numerals, time words.
        if verbish || t.tag == "ns" || ends_name(t.tag) {
            return false;
        }
    }
    false
}

/// Verbs that occur inside organisation names (创新研究院, 制造有限公司,
/// 投资控股集团), as opposed to the predicates of a sentence.
/// Verbs that follow a place as what happens there, not a trade name.
const PLACE_PREDICATES: &[&str] = &[
    "注册", "成立", "设立", "组建", "新建", "创办", "开办", "落户", "入驻", "迁入", "搬迁", "引进",
    "签约", "举办", "召开", "开展", "启动", "出资", "收购", "合资", "控股", "投资", "建设", "有",
    "是", "在", "到", "去", "来",
];

/// Does a company's legal ending (有限公司, 股份有限公司, 集团) close the
/// name from token `from`, within 32 chars and no punctuation?
fn ends_as_company(text: &str, tokens: &[Token], from: usize) -> bool {
    let Some(first) = tokens.get(from) else {
        return false;
    };
    for t in &tokens[from..] {
        if t.end - first.start > 32 || is_punct(t.text(text)) {
            return false;
        }
        let so_far = text
            .get(first.byte_start as usize..t.byte_end as usize)
            .unwrap_or("");
        if ["有限公司", "有限责任公司", "股份公司", "集团"]
            .iter()
            .any(|e| so_far.ends_with(e))
        {
            return true;
        }
    }
    false
}

const NAME_VERBS: &[&str] = &[
    "制造", "发展", "创新", "协同", "投资", "建设", "服务", "研究", "开发", "促进", "交流", "合作",
    "应用", "管理", "控股", "设计", "规划", "交易", "改革", "优化", "转化", "孵化", "营销", "生产",
    "加工", "检测", "认证", "运营", "咨询", "推广", "融合", "共享", "监测", "示范", "试验", "实验",
    "培训", "集成", "装备", "智造", "营造", "发电", "制衣", "制药", "打造", "建成",
];

fn sentence_of(sentences: &[Sentence], pos: u32) -> Option<&Sentence> {
    let i = sentences.partition_point(|s| s.end <= pos);
    sentences.get(i).filter(|s| s.start <= pos)
}

/// Picks the candidate that the places around it support: first within the
/// sentence, then the paragraph (the 200 names either side), then the
/// article; a tie is no answer.
fn resolve_ambiguous(
    g: &Gazetteer,
    chars: &[char],
    hits: &[PlaceHit],
    at: usize,
    cands: &[usize],
    sentences: &[Sentence],
    doc_places: &[usize],
) -> (Option<usize>, bool) {
    let here = hits[at].start;
    let sent = sentence_of(sentences, here);
    // Where something moves to lies outside the province it moves from:
    // 新发地市场的商户迁往高碑店 is 保定's 高碑店, not Beijing's.
    let verb = after_a_verb_of_moving(chars, hits[at].start);
    // A branch named after its home and then its site (北京新发地高碑店
    // 农产品物流园, 亦庄开发区沧州分园) lies outside its home's province.
    // The site may come first too (高碑店新发地农产品物流园).
    let end = hits[at].end;
    let home = if verb.is_some() {
        None
    } else if at > 0
        && hits[at - 1].end == here
        && hits[at - 1].role == Role::Location
        && names_a_branch(chars, end)
    {
        Some(&hits[at - 1])
    } else {
        // A neighbourhood that names a market (新发地, 大红门) written after
        // the name is a branch too (高碑店新发地整体占地…): no candidate holds it.
        // Not when a place right before says which it is (北京朝阳高碑店).
        let beijing = g.index_of("北京市");
        let prefixed = at > 0 && hits[at - 1].end == here && hits[at - 1].role == Role::Location;
        hits.get(at + 1).filter(|h| {
            h.start == end
                && h.role == Role::Location
                && (names_a_branch(chars, h.end)
                    || (!prefixed
                        && h.places.len() == 1
                        && g.places[h.places[0]].kind == PlaceKind::Area
                        && beijing.is_some_and(|b| g.is_within(h.places[0], b))
                        && !cands.iter().any(|&c| g.is_within(h.places[0], c))))
        })
    };
    // A place written right before the name says which it is (河北高碑店
    // is 保定's, 北京高碑店 朝阳's), unless the two name a branch.
    if home.is_none() && at > 0 && hits[at - 1].end == here && hits[at - 1].role == Role::Location {
        let within: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&c| {
                hits[at - 1]
                    .places
                    .iter()
                    .any(|&p| p != c && g.is_within(c, p))
            })
            .collect();
        if within.len() == 1 {
            return (Some(within[0]), true);
        }
    }
    let verb = if home.is_some() { Some(true) } else { verb };
    let moved_away: Vec<usize> = match sent {
        Some(s) if verb.is_some() => {
            // The nearest place before: the mover's home (北京新发地盐山县
            // 批发市场是继北京新发地落户高碑店之后…: 新发地's, not 盐山's).
            let origins: Vec<usize> = home
                .or_else(|| {
                    hits[..at]
                        .iter()
                        .rev()
                        .find(|h| h.start >= s.start && h.role == Role::Location)
                })
                .into_iter()
                .flat_map(|h| h.places.iter().filter_map(|&p| g.province_of(p)))
                .collect();
            let outside: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&c| g.province_of(c).is_some_and(|p| !origins.contains(&p)))
                .collect();
            // Settling (落户, 入驻) may stay within a city (天津企业落户汉沽);
            // a Beijing mover's settling is its move out (北京新发地落户
            // 高碑店: 保定's, not 朝阳's 高碑店乡).
            let beijing = g.index_of("北京市");
            let settling = verb == Some(false);
            let leaves = !settling || (origins.len() == 1 && Some(origins[0]) == beijing);
            if leaves && !origins.is_empty() && !outside.is_empty() && outside.len() < cands.len() {
                outside
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    let cued = !moved_away.is_empty();
    let cands = if cued { &moved_away[..] } else { cands };
    if cands.len() == 1 {
        return (Some(cands[0]), cued);
    }
    let in_range = |a: u32, b: u32| {
        let lo = hits.partition_point(|h| h.start < a);
        let hi = hits.partition_point(|h| h.start < b);
        (lo..hi).filter(move |&j| j != at && hits[j].end <= b)
    };
    let places_of = |idx: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        let mut v: Vec<usize> = idx
            .filter(|&j| hits[j].role == Role::Location && hits[j].group.is_none())
            .flat_map(|j| hits[j].places.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut scopes: Vec<Vec<usize>> = Vec::new();
    if let Some(s) = sent {
        scopes.push(places_of(&mut in_range(s.start, s.end)));
        let near = at.saturating_sub(200)..(at + 200).min(hits.len());
        let para: Vec<usize> = near
            .filter(|&j| j != at)
            .filter(|&j| {
                sentence_of(sentences, hits[j].start).is_some_and(|x| x.paragraph == s.paragraph)
            })
            .collect();
        scopes.push(places_of(&mut para.into_iter()));
    }
    scopes.push(doc_places.to_vec());
    let in_sentence = sent.is_some();
    for (n, support) in scopes.into_iter().enumerate() {
        let mut best: Option<(usize, usize)> = None; // (score, candidate)
        let mut tie = false;
        for &c in cands {
            let mut score = 0;
            for &p in &support {
                // A supporting place contains the candidate, or lies in the
                // same city; deeper support counts more.
                let same_city = g.city_of(p).is_some() && g.city_of(p) == g.city_of(c);
                if g.is_within(c, p) || same_city {
                    score = score.max(1 + g.depth(p));
                }
            }
            if score == 0 {
                continue;
            }
            match best {
                Some((s, _)) if s == score => tie = true,
                Some((s, _)) if s > score => {}
                _ => {
                    best = Some((score, c));
                    tie = false;
                }
            }
        }
        if let Some((score, c)) = best {
            // A city or a district in the same sentence (在朝阳区，高碑店村…)
            // settles the name as a cue does; a province does not.
            let settled = in_sentence && n == 0 && score >= 2 && !tie;
            return ((!tie).then_some(c), settled);
        }
    }
    (None, false)
}

/// Does the name after char `end` make a branch of a market or a park
/// (…农产品物流园, …分园)?
fn names_a_branch(chars: &[char], end: u32) -> bool {
    const BRANCHES: &[&str] = &["批发市场", "物流园", "商贸城", "服装城", "分园", "分市场"];
    let end = (end as usize).min(chars.len());
    let after: String = chars[end..(end + 12).min(chars.len())].iter().collect();
    let name = after
        .split(crate::text::chars::is_clause_break)
        .next()
        .unwrap_or("");
    BRANCHES.iter().any(|w| name.contains(w))
}

/// Does the place at char `start` come right after a verb of moving to
/// (迁往, 搬迁至, 转移到…: `Some(true)`) or of settling (落户, 入驻, 进驻:
/// `Some(false)`)?
fn after_a_verb_of_moving(chars: &[char], start: u32) -> Option<bool> {
    let start = (start as usize).min(chars.len());
    // 迁到了高碑店: the aspect particle is not part of the verb (only after
    // one that says where to: 迁建了高碑店污水处理厂 moved nothing there).
    let start = if start > 1 && chars[start - 1] == '了' && "到至往入进".contains(chars[start - 2])
    {
        start - 1
    } else {
        start
    };
    let before: String = chars[start.saturating_sub(6)..start].iter().collect();
    let moving = crate::extract::verbs::TO_VERBS
        .iter()
        .filter(|v| {
            v.contains(['迁', '搬', '转', '疏']) || v.starts_with("分流") || v.starts_with("外溢")
        })
        .any(|v| before.ends_with(v));
    // 把…承接到高碑店: a receiving verb with 到 moves what 把 takes there.
    let brought = before.strip_suffix(['到', '至']).is_some_and(|b| {
        ["承接", "引进", "引入", "吸引", "招引"]
            .iter()
            .any(|v| b.ends_with(v))
    }) && crate::text::chars::hands_over(
        &chars[start.saturating_sub(30)..start]
            .iter()
            .collect::<String>(),
    );
    if moving || brought {
        return Some(true);
    }
    ["落户", "入驻", "进驻"]
        .iter()
        .any(|v| before.ends_with(v))
        .then_some(false)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Own {
    Province,
    City,
    District,
}

/// 我省/全省 → the article's most mentioned province (not a municipality);
/// 本市/全市 → the nearest city named before it in the paragraph, else the
/// article's most mentioned city; 区内/本区 → likewise for a district or zone.
fn own(
    g: &Gazetteer,
    hits: &[PlaceHit],
    at: usize,
    sentences: &[Sentence],
    which: Own,
    cache: &mut HashMap<u8, Option<usize>>,
) -> Option<usize> {
    let province = which == Own::Province;
    let fits = |p: usize| match which {
        Own::Province => g.places[p].kind == PlaceKind::Province && !g.is_municipality(p),
        Own::City => g.places[p].kind == PlaceKind::Prefecture || g.is_municipality(p),
        Own::District => matches!(
            g.places[p].kind,
            PlaceKind::District | PlaceKind::County | PlaceKind::Zone
        ),
    };
    if !province {
        let para = sentence_of(sentences, hits[at].start).map(|s| s.paragraph);
        // The nearest 200 names back are plenty to find this city.
        for h in hits[at.saturating_sub(200)..at].iter().rev() {
            let same_para = sentence_of(sentences, h.start).map(|s| s.paragraph) == para;
            if !same_para {
                break;
            }
            if h.role == Role::Location && h.group.is_none() {
                if let Some(&p) = h.places.iter().find(|&&p| fits(p)) {
                    return Some(p);
                }
            }
        }
    }
    // The article's most mentioned: the same for every reference, so once.
    if let Some(&known) = cache.get(&(which as u8)) {
        return known;
    }
    let found = most_mentioned(g, hits, which, &fits);
    cache.insert(which as u8, found);
    found
}

fn most_mentioned(
    g: &Gazetteer,
    hits: &[PlaceHit],
    which: Own,
    fits: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    // Locations first; with none, the places in names (河北日报讯 says whose
    // province 我省 is).
    for roles in [&[Role::Location][..], &[Role::Organisation, Role::Seat][..]] {
        let mut counts: Vec<(usize, usize, u32)> = Vec::new(); // (place, count, first)
        for h in hits {
            if !roles.contains(&h.role) || h.group.is_some() {
                continue;
            }
            for &p in &h.places {
                // A city counts for its province too (沧州市 makes 我省 河北省).
                let q = match which {
                    Own::Province => g.province_of(p),
                    Own::City => g.city_of(p),
                    Own::District => Some(p),
                };
                if let Some(q) = q.filter(|&q| fits(q)) {
                    match counts.iter_mut().find(|c| c.0 == q) {
                        Some(c) => c.1 += 1,
                        None => counts.push((q, 1, h.start)),
                    }
                }
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        if let Some(c) = counts.first() {
            return Some(c.0);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "id\tname\tname_en\tkind\tparent\tlon\tlat\taliases\tmembers\n\
        北京市\t北京市\tBeijing\tprovince\t\t116.4\t39.9\t北京\t\n\
        天津市\t天津市\tTianjin\tprovince\t\t117.2\t39.1\t天津\t\n\
        滨海新区\t滨海新区\tBinhai\tdistrict\t天津市\t117.7\t39.0\t\t\n\
        京津\t京津\tBeijing–Tianjin\tgroup\t\t\t\t\t北京市|天津市\n";

    #[test]
    fn parses_and_walks_the_hierarchy() {
        let g = Gazetteer::parse(TSV).unwrap();
        let b = g.index_of("滨海新区").unwrap();
        let t = g.index_of("天津市").unwrap();
        assert_eq!(g.ancestors(b).collect::<Vec<_>>(), [t]);
        assert!(g.is_within(b, t));
        assert!(g.is_within(b, g.index_of("京津").unwrap()));
        assert!(!g.is_within(t, b));
        assert_eq!(g.province_of(b), Some(t));
        assert_eq!(g.resolve_name("北京"), g.index_of("北京市"));
    }

    #[test]
    fn an_area_with_members_holds_them() {
        let g = gazetteer();
        let north3 = g.index_of("北三县").unwrap();
        for county in ["三河市", "大厂回族自治县", "香河县"] {
            assert!(g.is_within(g.index_of(county).unwrap(), north3), "{county}");
        }
        assert!(!g.is_within(g.index_of("固安县").unwrap(), north3));
        assert!(g.is_within(north3, g.index_of("廊坊市").unwrap()));
    }

    #[test]
    fn a_bad_line_is_an_error_with_its_line_number() {
        let bad = format!("{TSV}雄安新区\tx\ty\tzone\t河北省\t1\t2\t\t\n");
        let e = Gazetteer::parse(&bad).unwrap_err().to_string();
        assert!(e.contains("line 6") && e.contains("河北省"), "{e}");
        let e = Gazetteer::parse(&format!("{TSV}河北省\t河北\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("expected 9"), "{e}");
    }

    #[cfg(feature = "segment")]
    fn located(text: &str) -> Vec<String> {
        let doc = crate::extract::analyze::document_from_text(text);
        doc.mentions
            .iter()
            .filter(|m| m.kind == crate::model::MentionKind::Place)
            .map(|m| m.id.clone())
            .collect()
    }

    /// 京 in 京郊, 京外, 返京, 入京 is Beijing; so is 北京市区, one word.
    #[cfg(feature = "segment")]
    #[test]
    fn jing_in_more_words() {
        assert_eq!(located("半小时直达北京市区。"), ["北京市"]);
        // 京外 is outside Beijing.
        assert!(located("一般制造业企业疏解到京外。").is_empty());
        assert_eq!(
            located("他从京郊农村走出来，如今返京工作。"),
            ["北京市", "北京市"]
        );
    }

    /// 全市, 该区, 本市 stand for a place named elsewhere: no mention of
    /// their own.
    #[cfg(feature = "segment")]
    #[test]
    fn a_word_standing_for_a_place_is_no_mention() {
        assert_eq!(
            located("石家庄市今年新开工项目120个，全市投资增长8%，本市企业受益。"),
            ["石家庄市"]
        );
    }

    /// Stations, landmarks, waters, offices and officials' titles named
    /// after a place are not where something is.
    #[cfg(feature = "segment")]
    #[test]
    fn landmarks_offices_and_titles_named_after_a_place() {
        for text in [
            "从天津西站出来，可以步行前往天津之眼。",
            "去年4月天津奥足办就已成立。",
            "北京市副市长张工出席了签约仪式。",
            "天津市气象台发布大风蓝色预警。",
        ] {
            assert!(located(text).is_empty(), "{text}: {:?}", located(text));
        }
        // Counts of a kind of site, an event's stop and verbs in 办 leave
        // the place a place.
        for (text, ids) in [
            ("截至去年底，北京公园总数达1065个。", vec!["北京市"]),
            ("北京充电站总数已超2万个。", vec!["北京市"]),
            ("京津冀招聘会保定站开幕。", vec!["京津冀", "保定市"]),
            ("推动京津冀跨省通办事项扩容。", vec!["京津冀"]),
            ("北京居民办护照更方便。", vec!["北京市"]),
        ] {
            assert_eq!(located(text), ids, "{text}");
        }
        // 申办 is a verb, 北京市现代… no carmaker.
        assert_eq!(located("2001年7月，北京申办奥运会成功。"), ["北京市"]);
        assert_eq!(located("这推动了北京市现代高端制造业的发展。"), ["北京市"]);
    }

    /// A district that shares its name with one elsewhere is that one when
    /// the text names the other's city and nothing of its own.
    #[cfg(feature = "segment")]
    #[test]
    fn a_namesake_district_elsewhere() {
        let ids = located("南通市委常委、通州区委书记率队来到通州区调研光伏产业发展。");
        assert!(!ids.contains(&"通州区".to_string()), "{ids:?}");
        assert_eq!(
            located("北京市通州区与南通市签署合作协议，通州区将建设产业园。"),
            ["北京市", "通州区", "南通市", "通州区"]
        );
        let ids = located("朝阳位于辽宁西部，朝阳发现了热河生物群化石。");
        assert!(!ids.contains(&"朝阳区".to_string()), "{ids:?}");
        // Only places named, not strings inside words (城西安置 holds 西安).
        assert_eq!(located("长安区城西安置房建设加快。"), ["长安区"]);
    }

    /// A place that begins a bureau's, a team's or an operator's name is an
    /// organisation, not where something is.
    #[cfg(feature = "segment")]
    #[test]
    fn a_place_inside_an_organisations_name_is_not_a_location() {
        assert!(located("北京市文化局发布了新的管理办法。").is_empty());
        assert!(located("天津电信宣布将提升宽带速度。").is_empty());
        // Schools, teams and units, with a number in the name or not.
        for text in [
            "北京丰盛中学组织学生参观。",
            "武警北京一总队参加了救援。",
            "天津记者队获得冠军。",
            "北京四中的学生参加比赛。",
            "北京市第二中学举行开学典礼。",
            "天津市人民政府发布通知，河北省委作出部署。",
            "北京市发改委和河北省住建厅联合发文，天津海关也参加了。",
            "北京市朝阳区人民法院审理此案，天津银保监局发布公告。",
            "记者从河北省唐山市工业和信息化局获悉。",
        ] {
            assert!(located(text).is_empty(), "{text}: {:?}", located(text));
        }
        // A company whose trade name the segmenter reads as a verb (建予).
        assert_eq!(
            located("北京建予房地产开发有限公司在廊坊投资建设新项目。"),
            ["廊坊市"]
        );
        // A predicate after the place is no trade name.
        assert_eq!(
            located("该企业在北京注册有限公司后迁往廊坊。"),
            ["北京市", "廊坊市"]
        );
        // A school word that names no one school leaves the place a place.
        assert_eq!(located("北京中小学将于9月1日开学。"), ["北京市"]);
        assert_eq!(
            located("北京三家研究院迁往雄安新区。"),
            ["北京市", "雄安新区"]
        );
        // 格局 and 布局 are not bureaus.
        assert_eq!(located("京津冀形成了新的产业格局。"), ["京津冀"]);
        assert_eq!(located("近年来多家企业在北京布局。"), ["北京市"]);
        // A hall in a city, its layout of industry and local rain are places.
        assert_eq!(located("天津展厅里陈列着新产品。"), ["天津市"]);
        assert_eq!(located("优化北京产业布局。"), ["北京市"]);
        assert_eq!(located("河北中南部局地有大雨。"), ["河北省"]);
        // Streets named after a city elsewhere are not the city.
        assert_eq!(
            located("上海北京东路一家商店开业，河北大街车流量大。"),
            ["上海市"]
        );
        // Where something is built is a place, whatever is built.
        assert_eq!(located("京东物流在廊坊建设仓储中心。"), ["廊坊市"]);
    }

    #[cfg(feature = "segment")]
    #[test]
    fn jing_in_fu_jing_and_zai_jing_is_beijing() {
        assert_eq!(located("代表团一行赴京考察。"), ["北京市"]);
        // The mention is the one character (赴[京], [京]企).
        let d = crate::extract::analyze::document_from_text("代表团赴京考察，一批京企在津落地。");
        let named: Vec<String> = d
            .mentions
            .iter()
            .map(|m| {
                d.body_simplified
                    .chars()
                    .skip(m.span.start as usize)
                    .take((m.span.end - m.span.start) as usize)
                    .collect()
            })
            .collect();
        assert_eq!(named, ["京", "京", "津"]);
        assert_eq!(
            located("一批在京央企二级子公司迁往雄安新区。"),
            ["北京市", "雄安新区"]
        );
    }
}
