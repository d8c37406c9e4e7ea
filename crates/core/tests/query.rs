//! The query API, flow edges, concordance and term statistics on a small
//! corpus written here, whose expected answers follow from reading it.
// Every test here analyses text, which needs the segmenter.
#![cfg(feature = "segment")]

use jjj_core::corpus::aggregate::{aggregate, all_flows, Level};
use jjj_core::corpus::query::{Index, Query};
use jjj_core::corpus::stats;
use jjj_core::extract::analyze::document_from_text;
use jjj_core::model::Document;

fn doc(text: &str, date: &str, source: &str) -> Document {
    let mut d = document_from_text(text);
    d.date = Some(date.to_string());
    d.source = Some(source.to_string());
    d
}

/// 0: Beijing garment firm → Cangzhou (2018, 河北日报)
/// 1: Beijing + Tianjin projects → Hebei, with one count for both (2019, 河北日报)
/// 2: an integrated-circuit project lands in 亦庄, no origin (2021, 北京日报)
/// 3: a Tianjin firm moves to 山东滨州 (2021, 天津日报)
fn corpus() -> Vec<Document> {
    vec![
        doc(
            "北京一家服装企业整体搬迁至河北沧州，带动上下游企业20家。",
            "2018-03-02",
            "河北日报",
        ),
        doc(
            "2019年，我省累计引进京津项目1200个，河北承接平台建设加快。",
            "2019-12-30",
            "河北日报",
        ),
        doc(
            "一批集成电路项目在北京亦庄落地，总投资近1000亿元。",
            "2021-06-01",
            "北京日报",
        ),
        doc(
            "天津一家化工企业已将生产装置外迁至山东滨州。",
            "2021-09-09",
            "天津日报",
        ),
    ]
}

fn ids(r: &jjj_core::corpus::query::Results) -> Vec<u32> {
    let mut v: Vec<u32> = r.docs.iter().map(|h| h.doc).collect();
    v.sort();
    v
}

#[test]
fn a_region_filter_includes_every_place_below_it() {
    let docs = corpus();
    let ix = Index::new(&docs);
    let q = |r: &str| Query {
        region: Some(r.into()),
        ..Query::default()
    };
    // 沧州 (doc 0) and 我省 = 河北 (doc 1) lie in 河北省.
    assert_eq!(ids(&ix.search(&docs, &q("河北省"))), [0, 1]);
    assert_eq!(ids(&ix.search(&docs, &q("沧州市"))), [0]);
    // 亦庄 lies in 北京市; docs 0 and 1 name Beijing as an origin.
    assert_eq!(ids(&ix.search(&docs, &q("北京市"))), [0, 1, 2]);
    // Aliases are accepted; unknown places match nothing.
    assert_eq!(ids(&ix.search(&docs, &q("山东"))), [3]);
    assert!(ix.search(&docs, &q("不存在的地方")).docs.is_empty());
}

#[test]
fn text_queries_match_substrings_in_either_script_and_need_every_term() {
    let docs = corpus();
    let ix = Index::new(&docs);
    let q = |t: &str| Query {
        text: t.into(),
        ..Query::default()
    };
    assert_eq!(ids(&ix.search(&docs, &q("整體搬遷"))), [0]);
    // 服装企 cuts across the words 服装/企业.
    assert_eq!(ids(&ix.search(&docs, &q("服装企"))), [0]);
    assert_eq!(ids(&ix.search(&docs, &q("企业 山东"))), [3]);
    assert!(ix.search(&docs, &q("企业 雄安")).docs.is_empty());
    // A whole-word hit ranks above substring-only hits.
    let r = ix.search(&docs, &q("项目"));
    assert_eq!(r.docs.len(), 2);
    assert!(r.docs[0].score >= r.docs[1].score);
}

#[test]
fn year_source_industry_and_direction_filters_combine() {
    let docs = corpus();
    let ix = Index::new(&docs);
    let r = ix.search(
        &docs,
        &Query {
            year_from: Some(2021),
            year_to: Some(2021),
            ..Query::default()
        },
    );
    assert_eq!(ids(&r), [2, 3]);
    let r = ix.search(
        &docs,
        &Query {
            source: Some("河北日报".into()),
            ..Query::default()
        },
    );
    assert_eq!(ids(&r), [0, 1]);
    let r = ix.search(
        &docs,
        &Query {
            industry: Some("集成电路".into()),
            ..Query::default()
        },
    );
    assert_eq!(ids(&r), [2]);
    // Beijing → anywhere in Hebei: doc 0 (→沧州) and doc 1 (京津→河北).
    let r = ix.search(
        &docs,
        &Query {
            flow_from: Some("北京市".into()),
            flow_to: Some("河北省".into()),
            ..Query::default()
        },
    );
    assert_eq!(ids(&r), [0, 1]);
    // Only the Beijing flows are listed, not doc 1's Tianjin flow.
    assert!(r
        .flows
        .iter()
        .all(|f| docs[f.doc as usize].flows[f.flow as usize].from == "北京市"));
    assert_eq!(r.flows.len(), 2);
}

#[test]
fn facet_counts_leave_out_their_own_filter() {
    let docs = corpus();
    let ix = Index::new(&docs);
    let r = ix.search(
        &docs,
        &Query {
            source: Some("河北日报".into()),
            year_from: Some(2019),
            ..Query::default()
        },
    );
    assert_eq!(ids(&r), [1]);
    // Sources are counted with the year filter only: 2019+ gives docs 1, 2, 3.
    let src: Vec<(&str, u32)> = r
        .facets
        .sources
        .iter()
        .map(|(s, n)| (s.as_str(), *n))
        .collect();
    assert!(
        src.contains(&("河北日报", 1))
            && src.contains(&("北京日报", 1))
            && src.contains(&("天津日报", 1))
    );
    // Years are counted with the source filter only: 河北日报 has 2018 and 2019.
    assert_eq!(r.facets.years, [(2018, 1), (2019, 1)]);
    // Directions at the province level.
    let all = ix.search(&docs, &Query::default());
    let dirs: Vec<(String, String, u32)> = all
        .facets
        .directions
        .iter()
        .map(|((a, b), n)| (a.clone(), b.clone(), *n))
        .collect();
    assert!(
        dirs.contains(&("北京市".into(), "河北省".into(), 2)),
        "{dirs:?}"
    );
    assert!(
        dirs.contains(&("天津市".into(), "山东省".into(), 1)),
        "{dirs:?}"
    );
}

/// 1200个 is stated for 京津 as one origin: it is drawn once, on the joint
/// edge 京津 → 河北省, not in full on both 北京市 → 河北省 and 天津市 → 河北省.
#[test]
fn a_figure_stated_for_jingjin_is_one_edge_from_the_joint_origin() {
    let docs = corpus();
    let flows = all_flows(&docs);
    let edges = aggregate(&docs, &flows, Level::Province, false);
    let edge = |from: &str| edges.iter().find(|e| e.from == from && e.to == "河北省");
    let bj_hb = edge("北京市").unwrap();
    assert_eq!((bj_hb.sentences, bj_hb.documents), (1, 1));
    assert_eq!(bj_hb.count, [("家".to_string(), 20.0)]);
    assert!(bj_hb.shared_count.is_empty());
    let jj_hb = edge("京津").unwrap();
    assert_eq!((jj_hb.sentences, jj_hb.documents), (1, 1));
    assert_eq!(jj_hb.count, [("个".to_string(), 1200.0)]);
    assert_eq!(jj_hb.evidence.len(), 2);
    assert!(edge("天津市").is_none());
    // At the exact level Cangzhou is its own destination.
    let exact = aggregate(&docs, &flows, Level::Exact, false);
    assert!(exact.iter().any(|e| e.from == "北京市" && e.to == "沧州市"));
    assert_eq!(Level::City.lift("通州区"), "北京市");
    assert_eq!(Level::Province.lift("沧州市"), "河北省");
}

#[test]
fn terms_keyness_and_collocates_come_from_the_stored_tokens() {
    let docs = corpus();
    let all: Vec<usize> = (0..docs.len()).collect();
    let counts = stats::term_counts(&docs, &all, 100);
    let get = |t: &str| {
        counts
            .iter()
            .find(|c| c.term == t)
            .map(|c| (c.freq, c.docs))
    };
    // Place names are always whole words: 滨州 once, in one document.
    assert_eq!(get("滨州"), Some((1, 1)));
    assert!(get("的").is_none() && get("，").is_none() && get("20").is_none());
    assert!(counts.windows(2).all(|w| w[0].freq >= w[1].freq));
    // Doc 3 against the rest: 滨州 occurs only there.
    let key = stats::keyness(&docs, &[3], 1, 100);
    let k = key.iter().find(|k| k.term == "滨州").unwrap();
    assert_eq!((k.subset, k.rest), (1, 0));
    assert!(k.g2 > 0.0);
    // Within 2 words of 滨州 (…生产装置/外迁/至/山东/滨州): 山东 is a collocate.
    let coll = stats::collocates(&docs, &all, "滨州", 2, 20);
    assert!(
        coll.iter().any(|c| c.term == "山东" && c.together == 1),
        "{coll:?}"
    );
    assert!(coll.iter().all(|c| c.term != "滨州"));
}

/// Every number beside a filter option is the number of articles that
/// choosing it gives, for every option of every filter, alone and with
/// another filter set (the origin facet with a destination chosen…).
#[test]
fn every_facet_count_is_what_choosing_it_gives() {
    let mut docs = corpus();
    // The seed pages too: more places, industries, directions.
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/seeds");
    for e in std::fs::read_dir(seeds).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        docs.push(jjj_core::process_and_analyze(&bytes, None).unwrap());
    }
    let index = Index::new(&docs);
    let bases = [
        Query::default(),
        Query {
            flow_to: Some("河北省".into()),
            ..Query::default()
        },
        Query {
            flow_from: Some("北京市".into()),
            ..Query::default()
        },
        Query {
            year_from: Some(2019),
            ..Query::default()
        },
    ];
    let (mut checked, mut undated_seen) = (0, 0);
    for base in &bases {
        let f = index.search(&docs, base).facets;
        // (filter, its options with their counts, how choosing one is set)
        type Set = fn(&mut Query, String);
        type Filter = (&'static str, Vec<(String, u32)>, Set);
        let filters: [Filter; 6] = [
            ("region", f.regions.clone(), |q, v| q.region = Some(v)),
            ("industry", f.industries.clone(), |q, v| {
                q.industry = Some(v)
            }),
            ("source", f.sources.clone(), |q, v| q.source = Some(v)),
            ("origin", f.origins.clone(), |q, v| q.flow_from = Some(v)),
            ("destination", f.destinations.clone(), |q, v| {
                q.flow_to = Some(v)
            }),
            (
                "year",
                f.years.iter().map(|(y, n)| (y.to_string(), *n)).collect(),
                |q, v| {
                    let y = v.parse().unwrap();
                    q.year_from = Some(y);
                    q.year_to = Some(y);
                },
            ),
        ];
        for (name, options, set) in filters {
            for (value, n) in options {
                let mut q = base.clone();
                set(&mut q, value.clone());
                let got = index.search(&docs, &q).docs.len() as u32;
                assert_eq!(got, n, "{name} = {value} under {base:?}");
                checked += 1;
            }
        }
        // The undated bucket, which the seeds have (its count is taken
        // with the other filters, so under a year filter it is that of no
        // year filter: checked where there is none).
        if base.year_from.is_none() {
            let q = Query {
                undated: true,
                ..base.clone()
            };
            let got = index.search(&docs, &q).docs.len() as u32;
            assert_eq!(got, f.undated, "undated under {base:?}");
            undated_seen += f.undated;
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} options checked");
    assert!(undated_seen > 0, "no undated article to check");
}
