//! The analysis stage: segmentation, places, industries, figures and flows
//! of a cleaned document, written into its analysis fields.

use std::collections::HashMap;

use crate::extract::figures;
use crate::extract::flows;
use crate::extract::industries::{self, taxonomy};
use crate::extract::places::{self, gazetteer, PlaceKind, Role};
use crate::extract::segment;
use crate::model::{Document, Flow, Mention, MentionKind, Span};
use crate::text::chars::is_clause_break;
use crate::text::sentences;
use crate::text::tokens::{self, CharIndex};

/// A title, analysed as the body is: the first location it names, as
/// precisely as its first run of names gives it (北辰区多措并举…), is what a
/// body that names only where things came from is about; and the moves it
/// states (承接京津产业转移，涿州焕发新活力) are flows of the article.
struct Title {
    text: String,
    chars: Vec<char>,
    index: CharIndex,
    toks: Vec<tokens::Token>,
    sents: Vec<sentences::Sentence>,
    hits: Vec<places::PlaceHit>,
    industries: Vec<industries::IndustryHit>,
}

impl Title {
    fn new(title: Option<&str>) -> Option<Title> {
        let title: String = title?.chars().take(200).collect();
        let text = crate::text::normalize::simplify(&title);
        let toks = segment::segment(&text);
        let sents = sentences::split(&text);
        let hits = places::find(&text, &toks, &sents);
        let industries = industries::find(&text, &toks);
        Some(Title {
            chars: text.chars().collect(),
            index: CharIndex::new(&text),
            text,
            toks,
            sents,
            hits,
            industries,
        })
    }

    fn place(&self) -> Option<usize> {
        flows::title_topic(&self.hits)
    }

    /// The moves the title states that the body does not: none whose ends
    /// both lie within (or hold) the ends of a flow of the body, whose
    /// sentence says it better. The title's figures are left out (the body
    /// states them, and a headline's 2千多 restates a body's 2000多). The
    /// evidence is the title, at the body's start with no length.
    fn flows(&self, doc: &str, body: &[Flow]) -> Vec<Flow> {
        let g = gazetteer();
        let id = |s: &str| g.index_of(s);
        let related = |a: &str, b: &str| match (id(a), id(b)) {
            (Some(a), Some(b)) => g.nested(a, b),
            _ => a == b,
        };
        let zero = |_: Span| Span { start: 0, end: 0 };
        let found = flows::find(&flows::Input {
            text: &self.text,
            chars: &self.chars,
            index: &self.index,
            tokens: &self.toks,
            sentences: &self.sents,
            places: &self.hits,
            industries: &self.industries,
            figures: &[],
            doc,
            original: &zero,
            title_place: None,
        });
        let mut out: Vec<Flow> = Vec::new();
        for mut f in found {
            let said = body
                .iter()
                .chain(&out)
                .any(|b| related(&b.from, &f.from) && related(&b.to, &f.to));
            if said {
                continue;
            }
            f.count = None;
            f.amount = None;
            f.evidence.text = self.text.clone();
            f.evidence.span = Span { start: 0, end: 0 };
            f.evidence.original = Span { start: 0, end: 0 };
            out.push(f);
        }
        out
    }
}

/// Longest stretch of a body that is analysed (about six megabytes).
pub const MAX_ANALYSED_CHARS: usize = 2_000_000;

/// Fills `tokens`, `regions`, `industries`, `mentions`, `flows` and
/// `figures` of `doc` from its `body_simplified`. Infallible: any text gives
/// some (maybe empty) analysis.
pub fn analyze(doc: &mut Document) {
    // A body of millions of characters is not one article: analyse its
    // beginning (at a line break) and say so, so that memory and time stay
    // bounded whatever a file holds. The text itself is all kept.
    let full = doc.body_simplified.as_str();
    let limit = full
        .char_indices()
        .nth(MAX_ANALYSED_CHARS)
        .map(|(b, _)| full[..b].rfind('\n').filter(|&n| n > b / 2).unwrap_or(b));
    if let Some(b) = limit {
        let analysed = full[..b].chars().count();
        doc.warnings.push(crate::model::Warning {
            kind: crate::model::WarningKind::AnalysisTruncated,
            message: format!(
                "the body has {} characters; only the first {analysed} were analysed for places, industries, flows and figures",
                full.chars().count()
            ),
            span: None,
        });
    }
    let text = match limit {
        Some(b) => &doc.body_simplified[..b],
        None => doc.body_simplified.as_str(),
    };
    let toks = segment::segment(text);
    let chars: Vec<char> = text.chars().collect();
    let index = CharIndex::new(text);
    let sents = sentences::split(text);
    let place_hits = places::find(text, &toks, &sents);
    let industry_hits = industries::find(text, &toks);
    let offsets = &doc.offsets;
    let original = |sp: Span| offsets.span_to_original(sp);
    let mut figs = figures::find(text, &chars, &index, &toks, &sents, &original);
    attach_places(&mut figs, &place_hits, &chars);
    let title = Title::new(doc.title.as_deref());
    let flows = flows::find(&flows::Input {
        text,
        chars: &chars,
        index: &index,
        tokens: &toks,
        sentences: &sents,
        places: &place_hits,
        industries: &industry_hits,
        figures: &figs,
        doc: &doc.id,
        original: &original,
        title_place: title.as_ref().and_then(Title::place),
    });
    let mut flows = flows;
    if let Some(t) = &title {
        let mut t = t.flows(&doc.id, &flows);
        t.append(&mut flows);
        flows = t;
    }

    let g = gazetteer();
    let tx = taxonomy();
    let mut mentions = Vec::new();
    // (count, first position) per place id.
    let mut regions: HashMap<String, (u32, u32)> = HashMap::new();
    for h in &place_hits {
        if h.role != Role::Location || h.places.is_empty() {
            continue;
        }
        if h.organ || h.reference {
            // 天津市人民政府, 全市: what the article is about, not a place mention.
            for &p in &h.places {
                let e = regions
                    .entry(g.places[p].id.clone())
                    .or_insert((0, h.start));
                e.0 += 1;
            }
            continue;
        }
        let span = Span {
            start: h.start,
            end: h.end,
        };
        let mut count = |id: &str, at: u32| {
            let e = regions.entry(id.to_string()).or_insert((0, at));
            e.0 += 1;
        };
        match h.group {
            Some(gi) => {
                let group = &g.places[gi];
                mentions.push(Mention {
                    kind: MentionKind::Place,
                    id: group.id.clone(),
                    span,
                });
                // 京津, 津冀: the two places; 京津冀, 长三角: the region itself.
                if group.members.len() == 2 {
                    for &m in &group.members {
                        count(&g.places[m].id, h.start);
                    }
                } else {
                    count(&group.id, h.start);
                }
            }
            None => {
                let surface = index.slice(text, h.start, h.end);
                for &p in &h.places {
                    let id = &g.places[p].id;
                    mentions.push(Mention {
                        kind: MentionKind::Place,
                        id: id.clone(),
                        span,
                    });
                    count(id, h.start);
                    // 河北沧州, 天津滨海新区, 衡水高新区: a name that carries its
                    // province or city names that place too — when the rest
                    // is itself a name of the place (沧州), or the place is a
                    // zone named after its city (衡水高新区).
                    let place = &g.places[p];
                    let forms = |q: &crate::extract::places::Place| -> Vec<String> {
                        std::iter::once(q.id.clone())
                            .chain(std::iter::once(q.name.clone()))
                            .chain(q.aliases.iter().cloned())
                            .collect()
                    };
                    let own_forms = forms(place);
                    // Outermost first, each prefix stripped in turn:
                    // 天津武清开发区 names 天津市, then 武清区.
                    let mut ancestors: Vec<usize> = g.ancestors(p).collect();
                    ancestors.reverse();
                    let mut offset = 0usize; // bytes of `surface` already read
                    for a in ancestors {
                        let anc = &g.places[a];
                        let rest = &surface[offset..];
                        let prefix = forms(anc)
                            .into_iter()
                            .filter(|f| f.chars().count() >= 2 && rest.len() > f.len())
                            .find(|f| {
                                rest.starts_with(f.as_str())
                                    && (own_forms.iter().any(|o| o == &rest[f.len()..])
                                        || (matches!(
                                            anc.kind,
                                            PlaceKind::Prefecture
                                                | PlaceKind::Zone
                                                | PlaceKind::District
                                                | PlaceKind::County
                                        ) && matches!(
                                            place.kind,
                                            PlaceKind::Zone | PlaceKind::Area
                                        ))
                                        || offset > 0)
                            });
                        if let Some(f) = prefix {
                            let start = h.start + surface[..offset].chars().count() as u32;
                            mentions.push(Mention {
                                kind: MentionKind::Place,
                                id: anc.id.clone(),
                                span: Span {
                                    start,
                                    end: start + f.chars().count() as u32,
                                },
                            });
                            count(&anc.id, h.start);
                            offset += f.len();
                        }
                    }
                }
            }
        }
    }
    for f in &flows {
        for id in [&f.from, &f.to] {
            let e = regions
                .entry(id.clone())
                .or_insert((0, f.evidence.span.start));
            e.0 += 1;
        }
    }
    let mut inds: HashMap<String, (u32, u32)> = HashMap::new();
    for h in &industry_hits {
        let id = &tx.industries[h.industry].id;
        mentions.push(Mention {
            kind: MentionKind::Industry,
            id: id.clone(),
            span: Span {
                start: h.start,
                end: h.end,
            },
        });
        let e = inds.entry(id.clone()).or_insert((0, h.start));
        e.0 += 1;
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));

    doc.tokens = tokens::to_lens(&toks);
    // The rest, unanalysed, as words of at most u16::MAX chars.
    let rest = doc.body_simplified[text.len()..].chars().count() as u32;
    if rest > 0 {
        let mut n = rest;
        while n > 0 {
            let k = n.min(u32::from(u16::MAX));
            doc.tokens.push(k as u16);
            n -= k;
        }
    }
    doc.regions = ranked(regions);
    doc.industries = ranked(inds);
    doc.mentions = mentions;
    doc.flows = flows;
    doc.figures = figs;
}

/// Gives each figure the place its sentence says it is about: the first
/// place named as a location in its list item (其中北京企业79家、天津企业13家
/// gives 天津 to 13家), else in its clause (曹妃甸区共承接北京项目120个 is
/// 曹妃甸's), else in the nearest clause before it that names one
/// (曹妃甸…承接项目256个，总投资3671亿元), else the first after it
/// (累计签约项目56个，全部落户廊坊) — never past a semicolon, which starts
/// another statement. A hit naming several places at once gives its group
/// (京津) or, without one, no place.
fn attach_places(figs: &mut [crate::model::Figure], hits: &[places::PlaceHit], chars: &[char]) {
    let g = gazetteer();
    let id_of = |h: &places::PlaceHit| match (h.group, h.places.as_slice()) {
        (Some(gi), _) => Some(g.places[gi].id.clone()),
        (None, [p]) => Some(g.places[*p].id.clone()),
        _ => None,
    };
    let back_to = |from: u32, to: u32, stop: &dyn Fn(char) -> bool| {
        (from..to)
            .rev()
            .find(|&i| stop(chars[i as usize]))
            .map_or(from, |i| i + 1)
    };
    let forward_to = |from: u32, to: u32, stop: &dyn Fn(char) -> bool| {
        (from..to).find(|&i| stop(chars[i as usize])).unwrap_or(to)
    };
    let semicolon = |c: char| matches!(c, '；' | ';');
    for f in figs {
        let sent = f.evidence.span;
        let (at, end) = (f.span.start, f.span.end);
        let part = back_to(sent.start, at, &semicolon);
        let part_end = forward_to(end, sent.end, &semicolon);
        let located: Vec<&places::PlaceHit> = hits
            .iter()
            .filter(|h| h.is_location() && h.start >= part && h.end <= part_end)
            .collect();
        let first_in =
            |a: u32, b: u32| located.iter().find(|h| h.start >= a && h.end <= b).copied();
        let item = back_to(part, at, &|c| c == '、' || is_clause_break(c));
        let clause = back_to(part, at, &is_clause_break);
        let mut found = first_in(item, at).or_else(|| first_in(clause, at));
        // The clauses before, nearest first.
        let mut upto = clause;
        while found.is_none() && upto > part {
            let start = back_to(part, upto - 1, &is_clause_break);
            found = first_in(start, upto);
            upto = start;
        }
        let found = found.or_else(|| located.iter().find(|h| h.start >= end).copied());
        f.place = found.and_then(id_of);
    }
}

/// Ids by count (most first), then by first position.
fn ranked(m: HashMap<String, (u32, u32)>) -> Vec<String> {
    let mut v: Vec<(String, (u32, u32))> = m.into_iter().collect();
    v.sort_by(|a, b| {
        b.1 .0
            .cmp(&a.1 .0)
            .then(a.1 .1.cmp(&b.1 .1))
            .then(a.0.cmp(&b.0))
    });
    v.into_iter().map(|x| x.0).collect()
}

/// A document whose body is `text` as given (no page cleaning), analysed:
/// for pasted snippets, tests and the CLI's `analyze` of plain sentences.
pub fn document_from_text(text: &str) -> Document {
    let normalized = crate::text::normalize::normalize(text);
    let mut doc = Document {
        id: crate::stable_id(text.as_bytes()),
        script: crate::text::normalize::detect_script(text),
        encoding: "UTF-8".into(),
        body: text.to_string(),
        body_simplified: normalized.text,
        offsets: normalized.map,
        ..Document::default()
    };
    analyze(&mut doc);
    doc
}

// The truncation above MAX_ANALYSED_CHARS is not tested here: it needs a
// body of more than two million characters.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MentionKind;

    fn place_mentions(d: &Document) -> Vec<(&str, String)> {
        d.mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Place)
            .map(|m| (m.id.as_str(), m.span.slice(&d.body_simplified)))
            .collect()
    }

    /// A body that names only where things came from is about the place
    /// its title names.
    #[test]
    fn the_titles_place_receives_what_a_body_names_only_the_origin_of() {
        let body = "今年以来，该区引进北京企业52家，落地项目11个。";
        let mut d = document_from_text(body);
        assert!(d.flows.is_empty());
        d.title = Some("宁河区多措并举承接首都资源".to_string());
        analyze(&mut d);
        // The firms, and the projects that landed.
        let mut pairs: Vec<(&str, &str)> = d
            .flows
            .iter()
            .map(|f| (f.from.as_str(), f.to.as_str()))
            .collect();
        pairs.dedup();
        assert_eq!(pairs, [("北京市", "宁河区")]);
    }

    /// A move the title states and the body does not is a flow, with the
    /// title as its evidence and no figure of its own; one the body states
    /// (to the same place or one within it) is the body's alone.
    #[test]
    fn a_move_only_the_title_states_is_a_flow_of_the_title() {
        let mut d = document_from_text("走进涿州的一家芯片企业，车间里一派繁忙。");
        assert!(d.flows.is_empty());
        d.title = Some("承接京津产业转移，涿州引来2千多家企业".to_string());
        analyze(&mut d);
        let pairs: Vec<(&str, &str)> = d
            .flows
            .iter()
            .map(|f| (f.from.as_str(), f.to.as_str()))
            .collect();
        assert_eq!(pairs, [("北京市", "涿州市"), ("天津市", "涿州市")]);
        for f in &d.flows {
            assert_eq!(f.evidence.text, "承接京津产业转移，涿州引来2千多家企业");
            assert_eq!((f.evidence.span.start, f.evidence.span.end), (0, 0));
            assert!(f.count.is_none() && f.amount.is_none());
        }
        let mut d =
            document_from_text("去年，北京一家芯片企业整体搬迁至涿州市高新区，新建厂房两栋。");
        let body: Vec<(String, String)> = d
            .flows
            .iter()
            .map(|f| (f.from.clone(), f.to.clone()))
            .collect();
        assert!(!body.is_empty());
        d.title = Some("北京企业搬迁至河北".to_string());
        analyze(&mut d);
        let after: Vec<(String, String)> = d
            .flows
            .iter()
            .map(|f| (f.from.clone(), f.to.clone()))
            .collect();
        assert_eq!(after, body);
    }

    #[test]
    fn regions_and_industries_come_most_mentioned_first() {
        let d = document_from_text(
            "石家庄的生物医药企业不断增多。保定和石家庄都在发展机器人产业，石家庄还设立了医药专项基金。",
        );
        assert!(d.flows.is_empty());
        assert_eq!(d.regions, ["石家庄市", "保定市"]);
        assert_eq!(d.industries, ["医药健康", "机器人"]);
        let places = place_mentions(&d);
        let ids: Vec<&str> = places.iter().map(|p| p.0).collect();
        assert_eq!(ids, ["石家庄市", "保定市", "石家庄市", "石家庄市"]);
        assert_eq!(places[1].1, "保定");
    }

    #[test]
    fn a_figure_is_about_the_place_named_before_it_else_after_it() {
        let d = document_from_text(
            "2022年，曹妃甸区共承接北京项目120个。累计签约项目56个，全部落户廊坊。",
        );
        let got: Vec<(&str, Option<&str>)> = d
            .figures
            .iter()
            .map(|f| (f.raw.as_str(), f.place.as_deref()))
            .collect();
        // 120个 is what 曹妃甸 received (北京 only says where from); 56个
        // has no place before it in its sentence, and lands in 廊坊.
        assert_eq!(got, [("120个", Some("曹妃甸区")), ("56个", Some("廊坊市"))]);
        assert_eq!(d.figures[0].period.as_deref(), Some("2022年"));
        let d = document_from_text("河北累计承接京津转入单位3万个，其中保定8000个。");
        let got: Vec<Option<&str>> = d.figures.iter().map(|f| f.place.as_deref()).collect();
        assert_eq!(got, [Some("河北省"), Some("保定市")]);
        // A clause with no place continues the one before; a list item
        // names its own; a semicolon starts another statement.
        let d = document_from_text(
            "唐山承接项目80个，总投资300亿元；其中北京企业20家、天津企业9家；投资50亿元。",
        );
        let got: Vec<(&str, Option<&str>)> = d
            .figures
            .iter()
            .map(|f| (f.raw.as_str(), f.place.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("80个", Some("唐山市")),
                ("300亿元", Some("唐山市")),
                ("20家", Some("北京市")),
                ("9家", Some("天津市")),
                ("50亿元", None)
            ]
        );
    }

    #[test]
    fn a_flow_keeps_the_period_its_sentence_states() {
        let d = document_from_text(
            "2023年，北京的一家医药企业迁往沧州。去年还有一批服装企业从北京迁到保定。",
        );
        let got: Vec<(&str, &str, Option<&str>)> = d
            .flows
            .iter()
            .map(|f| (f.from.as_str(), f.to.as_str(), f.period.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("北京市", "沧州市", Some("2023年")),
                ("北京市", "保定市", Some("去年"))
            ]
        );
        // A year after the verb, past a semicolon, dates something else.
        let d = document_from_text("北京一家服装厂迁往廊坊；另一个园区预计2025年建成。");
        assert_eq!(d.flows.len(), 1);
        assert_eq!(d.flows[0].period, None);
    }

    #[test]
    fn tokens_cover_the_simplified_body_exactly() {
        let d = document_from_text("北京企業遷往河北滄州，總投資5億元。");
        assert_eq!(d.body_simplified, "北京企业迁往河北沧州，总投资5亿元。");
        let total: usize = d.tokens.iter().map(|&n| usize::from(n)).sum();
        assert_eq!(total, d.body_simplified.chars().count());
        let toks = crate::text::tokens::from_lens(&d.body_simplified, &d.tokens);
        let joined: String = toks.iter().map(|t| t.text(&d.body_simplified)).collect();
        assert_eq!(joined, d.body_simplified);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn jingjin_is_one_mention_and_both_cities_in_regions() {
        let d = document_from_text("京津的科技服务机构正在加快合作。");
        assert_eq!(place_mentions(&d), [("京津", "京津".to_string())]);
        assert_eq!(d.regions, ["北京市", "天津市"]);
    }

    #[test]
    fn a_name_that_carries_its_province_names_it_too() {
        let d = document_from_text("河北沧州的管道装备产业集聚了大批企业。");
        assert_eq!(
            place_mentions(&d),
            [
                ("河北省", "河北".to_string()),
                ("沧州市", "河北沧州".to_string())
            ]
        );
        assert_eq!(d.regions, ["沧州市", "河北省"]);
    }
}
