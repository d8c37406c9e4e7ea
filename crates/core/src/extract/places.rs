//! The gazetteer (`assets/places.tsv`) and finding places in text.
//!
//! Each place has a canonical id, a display name, an English name, a kind,
//! a parent (district → city → province) and coordinates. Aliases shared by
//! two places (汉沽: Tianjin's, or Tangshan's 汉沽管理区) are ambiguous and
//! resolved by the places around them, or left unresolved — never guessed.
//! A place that begins an organisation's or outlet's name (北京青年报,
//! 天津大学, 北京金太阳药芯焊丝有限公司) is not a location.

use crate::text::tsv;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::error::Error;
use crate::text::lexicon::Lexicon;
use crate::text::sentences::Sentence;
use crate::text::tokens::Token;

/// The gazetteer as shipped.
pub const PLACES_TSV: &str = include_str!("../../../../assets/places.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// 省, 直辖市, 自治区, 特别行政区.
    Province,
    /// 地级市, 地区, 盟, 自治州.
    Prefecture,
    /// 市辖区.
    District,
    /// 县, 县级市, 自治县, 旗.
    County,
    /// 新区, 开发区, 园区, 示范区, 科学城, 城市副中心…
    Zone,
    /// A town, 街道 or informally named area.
    Area,
    /// An abbreviation for several places at once (京津, 津冀).
    Group,
}

impl PlaceKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "province" => PlaceKind::Province,
            "prefecture" => PlaceKind::Prefecture,
            "district" => PlaceKind::District,
            "county" => PlaceKind::County,
            "zone" => PlaceKind::Zone,
            "area" => PlaceKind::Area,
            "group" | "region" => PlaceKind::Group,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Province => "province",
            PlaceKind::Prefecture => "prefecture",
            PlaceKind::District => "district",
            PlaceKind::County => "county",
            PlaceKind::Zone => "zone",
            PlaceKind::Area => "area",
            PlaceKind::Group => "group",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub kind: PlaceKind,
    /// Index of the parent place.
    pub parent: Option<usize>,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    pub aliases: Vec<String>,
    /// For groups: the places it stands for.
    pub members: Vec<usize>,
}

/// What a surface form in the text can stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One of these places (several: the alias is ambiguous).
    Places(Vec<usize>),
    /// 我省, 全省, 本省: the article's province.
    OwnProvince,
    /// 本市, 全市, 我市: the article's city.
    OwnCity,
    /// 区内, 本区, 全区: the district or zone the paragraph is about.
    OwnDistrict,
}

/// Words for "this province" / "this city" in an article's own voice.
const OWN_PROVINCE: &[&str] = &["我省", "全省", "本省", "该省", "省内"];
const OWN_CITY: &[&str] = &["我市", "本市", "全市", "该市", "市内"];
const OWN_DISTRICT: &[&str] = &["区内", "本区", "全区", "我区", "该区", "园区内", "开发区内"];
/// One-character abbreviations, only inside words that make them certain.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("京企", "北京市"),
    ("京籍", "北京市"),
    ("在京", "北京市"),
    ("进京", "北京市"),
    ("赴京", "北京市"),
    ("来京", "北京市"),
    ("离京", "北京市"),
    ("津企", "天津市"),
    ("在津", "天津市"),
    ("赴津", "天津市"),
    ("来津", "天津市"),
    ("冀企", "河北省"),
    ("在冀", "河北省"),
    ("赴冀", "河北省"),
    ("来冀", "河北省"),
];

/// The words for "this province/city/district" and the one-character
/// abbreviations the gazetteer reads besides place names.
pub fn reference_forms() -> impl Iterator<Item = &'static str> {
    OWN_PROVINCE
        .iter()
        .chain(OWN_CITY)
        .chain(OWN_DISTRICT)
        .copied()
        .chain(ABBREVIATIONS.iter().map(|(w, _)| *w))
}

#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub places: Vec<Place>,
    by_id: rustc_hash::FxHashMap<String, usize>,
    lexicon: Lexicon<Target>,
}

static GAZETTEER: LazyLock<Gazetteer> =
    // The shipped file is checked by a test; an unreadable one gives an
    // empty gazetteer (no places found), never a crash.
    LazyLock::new(|| Gazetteer::parse(PLACES_TSV).unwrap_or_default());

/// The shipped gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    /// Parses the TSV format of `assets/places.tsv` (see `assets/places.md`).
    pub fn parse(table: &str) -> Result<Gazetteer, Error> {
        let bad = |line: usize, reason: String| tsv::bad("places.tsv", line, reason);
        let rows = tsv::rows("places.tsv", table, 9)?;
        let mut g = Gazetteer::default();
        for (n, f) in &rows {
            let id = f[0].trim();
            if id.is_empty() {
                return Err(bad(*n, "empty id".into()));
            }
            let kind = PlaceKind::parse(f[3].trim())
                .ok_or_else(|| bad(*n, format!("unknown kind '{}'", f[3])))?;
            let num = |s: &str| -> Result<Option<f64>, Error> {
                let s = s.trim();
                if s.is_empty() {
                    return Ok(None);
                }
                s.parse::<f64>()
                    .map(Some)
                    .map_err(|_| bad(*n, format!("'{s}' is not a number")))
            };
            let place = Place {
                id: id.to_string(),
                name: if f[1].trim().is_empty() {
                    id.to_string()
                } else {
                    f[1].trim().to_string()
                },
                name_en: f[2].trim().to_string(),
                kind,
                parent: None,
                lon: num(f[5])?,
                lat: num(f[6])?,
                aliases: split_list(f[7]),
                members: vec![],
            };
            if g.by_id.insert(place.id.clone(), g.places.len()).is_some() {
                return Err(bad(*n, format!("duplicate id '{id}'")));
            }
            g.places.push(place);
        }
        for (i, (n, f)) in rows.iter().enumerate() {
            let parent = f[4].trim();
            if !parent.is_empty() {
                let p = *g
                    .by_id
                    .get(parent)
                    .ok_or_else(|| bad(*n, format!("unknown parent '{parent}'")))?;
                g.places[i].parent = Some(p);
            }
            for m in split_list(f[8]) {
                let p = *g
                    .by_id
                    .get(&m)
                    .ok_or_else(|| bad(*n, format!("unknown member '{m}'")))?;
                g.places[i].members.push(p);
            }
        }
        // A parent chain must end: a cycle would hang every ancestor walk.
        for i in 0..g.places.len() {
            let mut steps = 0;
            let mut p = g.places[i].parent;
            while let Some(q) = p {
                steps += 1;
                if steps > 16 {
                    return Err(bad(
                        0,
                        format!("parent chain of '{}' loops", g.places[i].id),
                    ));
                }
                p = g.places[q].parent;
            }
        }
        g.build_lexicon();
        Ok(g)
    }

    fn build_lexicon(&mut self) {
        let mut lx: Lexicon<Target> = Lexicon::new();
        for (i, p) in self.places.iter().enumerate() {
            let mut forms = vec![p.id.as_str(), p.name.as_str()];
            forms.extend(p.aliases.iter().map(String::as_str));
            forms.sort_unstable();
            forms.dedup();
            for f in forms {
                let t = lx.entry_or_insert_with(f, || Target::Places(vec![]));
                if let Target::Places(v) = t {
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
        }
        for w in OWN_PROVINCE {
            *lx.entry_or_insert_with(w, || Target::OwnProvince) = Target::OwnProvince;
        }
        for w in OWN_CITY {
            *lx.entry_or_insert_with(w, || Target::OwnCity) = Target::OwnCity;
        }
        for w in OWN_DISTRICT {
            *lx.entry_or_insert_with(w, || Target::OwnDistrict) = Target::OwnDistrict;
        }
        for (w, id) in ABBREVIATIONS {
            if let Some(&i) = self.by_id.get(*id) {
                *lx.entry_or_insert_with(w, || Target::Places(vec![])) = Target::Places(vec![i]);
            }
        }
        self.lexicon = lx;
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&Place> {
        self.index_of(id).map(|i| &self.places[i])
    }

    /// The id, name and aliases of place `i`.
    pub fn forms(&self, i: usize) -> impl Iterator<Item = &str> {
        let p = &self.places[i];
        std::iter::once(p.id.as_str())
            .chain(std::iter::once(p.name.as_str()))
            .chain(p.aliases.iter().map(String::as_str))
    }

    /// Every surface form the text can use (for the segmenter's dictionary).
    pub fn surface_forms(&self) -> impl Iterator<Item = &str> {
        self.lexicon.keys()
    }

    /// What a surface form stands for, if the gazetteer knows it.
    pub fn lookup(&self, surface: &str) -> Option<&Target> {
        self.lexicon.get(surface)
    }

    /// Resolves a name a person typed or a fixture wrote (id, name or an
    /// unambiguous alias) to a place index.
    pub fn resolve_name(&self, name: &str) -> Option<usize> {
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        match self.lexicon.get(name) {
            Some(Target::Places(v)) if v.len() == 1 => Some(v[0]),
            _ => None,
        }
    }

    /// Parent, grandparent… of place `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = self.places.get(i).and_then(|p| p.parent);
        std::iter::from_fn(move || {
            let cur = next?;
            next = self.places[cur].parent;
            Some(cur)
        })
    }

    /// True when `i` is `ancestor` or lies (transitively) inside it. A group
    /// contains its members and what lies inside them.
    pub fn is_within(&self, i: usize, ancestor: usize) -> bool {
        if i == ancestor || self.ancestors(i).any(|a| a == ancestor) {
            return true;
        }
        match self.places.get(ancestor) {
            Some(p) if p.kind == PlaceKind::Group => p
                .members
                .iter()
                .any(|&m| m != ancestor && self.is_within(i, m)),
            _ => false,
        }
    }

    /// The province-level place that contains `i` (itself if it is one).
    pub fn province_of(&self, i: usize) -> Option<usize> {
        std::iter::once(i)
            .chain(self.ancestors(i))
            .find(|&p| self.places[p].kind == PlaceKind::Province)
    }

    /// The prefecture-level place containing `i`: a prefecture, or a
    /// municipality (北京市) for its districts. `None` above that level.
    pub fn city_of(&self, i: usize) -> Option<usize> {
        std::iter::once(i)
            .chain(self.ancestors(i))
            .find(|&p| self.places[p].kind == PlaceKind::Prefecture || self.is_municipality(p))
    }

    /// 北京市, 天津市, 上海市, 重庆市: provinces that are cities.
    pub fn is_municipality(&self, i: usize) -> bool {
        let p = &self.places[i];
        p.kind == PlaceKind::Province && p.id.ends_with('市')
    }

    /// Depth in the hierarchy (a province is 0).
    pub fn depth(&self, i: usize) -> usize {
        self.ancestors(i).count()
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

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
];
/// Endings of names made of nouns only (北京智慧电竞赛事中心, 北京威克多制衣
/// 中心): 中心 also ends phrases such as 北京建设国际科技创新中心, so it
/// counts only when no verb comes before it.
const NOUN_ORG_ENDINGS: &[&str] = &["中心", "工作室", "俱乐部"];

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
        hits.push(PlaceHit {
            start: h.start,
            end: h.end,
            tok_start: h.tok_start,
            tok_end: h.tok_end,
            places,
            group,
            role,
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
    for (i, target) in pending {
        let resolved = match &target {
            Target::Places(cands) => resolve_ambiguous(g, &hits, i, cands, sentences, &doc_places),
            Target::OwnProvince => own(g, &hits, i, sentences, Own::Province, &mut own_cache),
            Target::OwnCity => own(g, &hits, i, sentences, Own::City, &mut own_cache),
            Target::OwnDistrict => own(g, &hits, i, sentences, Own::District, &mut own_cache),
        };
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
    hits
}

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
                let zone = forms
                    .filter_map(|f| g.lexicon.get(&format!("{f}{suffix}")))
                    .find(|t| matches!(t, Target::Places(z) if z.len() == 1 && g.is_within(z[0], v[0])));
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
    let before = if ts > 0 { tok(ts - 1) } else { "" };
    let after = tok(te);
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
    let surface = if te > ts {
        text.get(tokens[ts].byte_start as usize..tokens[te - 1].byte_end as usize)
            .unwrap_or("")
    } else {
        ""
    };
    let full_local = ["区", "县", "镇", "乡"]
        .iter()
        .any(|x| surface.ends_with(x));
    // 北京焦化厂, 天津钢厂: a works named after its place (but 沧州工厂 is
    // the plant in Cangzhou).
    let works = after.ends_with('厂') && !matches!(after, "工厂" | "厂" | "分厂" | "新厂" | "老厂");
    if works || ORG_SUFFIXES.iter().any(|s| after.ends_with(s)) && !after.is_empty() {
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
        if ORG_ENDINGS.iter().any(|s| so_far.ends_with(s)) {
            return true;
        }
        if !saw_verb && NOUN_ORG_ENDINGS.iter().any(|s| so_far.ends_with(s)) {
            return true;
        }
        let verbish = t.tag.starts_with('v') && t.tag != "vn";
        if (verbish && NAME_VERBS.contains(&w)) || (t.tag == "c" && matches!(w, "与" | "和" | "及"))
        {
            saw_verb = true;
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
    hits: &[PlaceHit],
    at: usize,
    cands: &[usize],
    sentences: &[Sentence],
    doc_places: &[usize],
) -> Option<usize> {
    let here = hits[at].start;
    let sent = sentence_of(sentences, here);
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
    for support in scopes {
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
        if let Some((_, c)) = best {
            return (!tie).then_some(c);
        }
    }
    None
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
    fn a_bad_line_is_an_error_with_its_line_number() {
        let bad = format!("{TSV}雄安新区\tx\ty\tzone\t河北省\t1\t2\t\t\n");
        let e = Gazetteer::parse(&bad).unwrap_err().to_string();
        assert!(e.contains("line 6") && e.contains("河北省"), "{e}");
        let e = Gazetteer::parse(&format!("{TSV}河北省\t河北\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("expected 9"), "{e}");
    }
}
