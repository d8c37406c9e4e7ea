//! The gazetteer: every place of `assets/places.tsv` with its id, names,
//! English name, kind, parent and coordinates, and the lookups the rules
//! and the views use (by name or alias, ancestors, province and city).

use std::sync::LazyLock;

use crate::error::Error;
use crate::text::lexicon::Lexicon;
use crate::text::tsv;

/// The gazetteer as shipped.
pub const PLACES_TSV: &str = include_str!("../../../../../assets/places.tsv");

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
    ("返京", "北京市"),
    ("抵京", "北京市"),
    ("驻京", "北京市"),
    ("留京", "北京市"),
    ("入京", "北京市"),
    ("京郊", "北京市"),
    ("离津", "天津市"),
    ("返津", "天津市"),
    ("抵津", "天津市"),
    ("驻津", "天津市"),
    ("入冀", "河北省"),
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
    /// The groups (京津冀, 京津…), by index.
    groups: Vec<usize>,
    pub(super) lexicon: Lexicon<Target>,
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
        g.groups = (0..g.places.len())
            .filter(|&i| g.places[i].kind == PlaceKind::Group)
            .collect();
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

    /// The group (京津, 津冀…) whose members are exactly `places`, in any order.
    pub fn group_of(&self, places: &[usize]) -> Option<usize> {
        self.groups.iter().copied().find(|&i| {
            let p = &self.places[i];
            p.members.len() == places.len() && places.iter().all(|m| p.members.contains(m))
        })
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

    /// True when one of `a` and `b` lies within the other (or they are
    /// one place): a move between them is no move between places.
    pub fn nested(&self, a: usize, b: usize) -> bool {
        self.is_within(a, b) || self.is_within(b, a)
    }

    /// True when some place of `a` and some place of `b` are [`nested`](Self::nested).
    pub fn overlaps(&self, a: &[usize], b: &[usize]) -> bool {
        a.iter().any(|&x| b.iter().any(|&y| self.nested(x, y)))
    }

    /// True when `i` is `ancestor` or lies (transitively) inside it. A group
    /// contains its members and what lies inside them, and so does an area
    /// listed with members (北三县: 三河, 大厂, 香河).
    pub fn is_within(&self, i: usize, ancestor: usize) -> bool {
        if i == ancestor || self.ancestors(i).any(|a| a == ancestor) {
            return true;
        }
        self.places.get(ancestor).is_some_and(|p| {
            p.members
                .iter()
                .any(|&m| m != ancestor && self.is_within(i, m))
        })
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

    /// Does `i` lie in 北京, 天津 or 河北 (the region this tool is about)?
    pub fn in_region(&self, i: usize) -> bool {
        self.province_of(i)
            .is_some_and(|p| ["北京市", "天津市", "河北省"].contains(&self.places[p].id.as_str()))
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
