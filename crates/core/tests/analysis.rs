//! The analysis stage against expected outputs written by reading the texts
//! (`tests/fixtures/analysis/`): the five seeds, and short pages for each
//! trap and phrasing (a development set, and a held-out set that is only
//! measured, never tuned on). Prints precision and recall per kind and
//! holds them above floors.
// Every test here analyses text, which needs the segmenter.
#![cfg(feature = "segment")]

mod common;

use std::collections::HashSet;

use jjj_core::extract::analyze::document_from_text;
use jjj_core::extract::industries::taxonomy;
use jjj_core::extract::places::gazetteer;
use jjj_core::model::{Document, MentionKind};
use serde_json::Value;

#[derive(Default, Clone, Copy)]
struct Pr {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Pr {
    fn add(&mut self, o: Pr) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

#[derive(Default)]
struct Scores {
    places: Pr,
    industries: Pr,
    flows: Pr,
    figures: Pr,
    /// Matched flows whose industry / what / count / amount / plan agree.
    flow_fields: [(usize, usize); 5],
    /// Matched figures whose counts / period / target / qualifier agree.
    figure_fields: [(usize, usize); 4],
    misses: Vec<String>,
}

fn fixture(name: &str) -> Value {
    let p = format!(
        "{}/tests/fixtures/analysis/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

fn strs(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn place_id(name: &str) -> Option<String> {
    let g = gazetteer();
    g.resolve_name(name).map(|i| g.places[i].id.clone())
}

fn industry_id(name: &str) -> Option<String> {
    let t = taxonomy();
    t.resolve_term(name).map(|i| t.industries[i].id.clone())
}

/// Is `got` the expected place, or inside it (the text named it more
/// precisely than the fixture)?
fn same_or_within(got: &str, expected: &str) -> bool {
    let g = gazetteer();
    match (
        g.index_of(got),
        place_id(expected).and_then(|e| g.index_of(&e)),
    ) {
        (Some(a), Some(b)) => g.is_within(a, b),
        _ => got == expected,
    }
}

fn set_score(
    got: &[String],
    expected: &[String],
    optional: &[String],
    what: &str,
    misses: &mut Vec<String>,
) -> Pr {
    let exp: HashSet<&String> = expected.iter().collect();
    let opt: HashSet<&String> = optional.iter().collect();
    let got: HashSet<&String> = got.iter().collect();
    let mut pr = Pr::default();
    for g in &got {
        if exp.contains(g) {
            pr.tp += 1;
        } else if !opt.contains(g) {
            pr.fp += 1;
            misses.push(format!("{what} extra: {g}"));
        }
    }
    for e in &exp {
        if !got.contains(e) {
            pr.fn_ += 1;
            misses.push(format!("{what} missed: {e}"));
        }
    }
    pr
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn qty_eq(got: Option<&jjj_core::model::Quantity>, exp: &Value) -> bool {
    match (got, exp.is_null()) {
        (None, true) => true,
        (Some(q), false) => {
            close(q.value, exp["value"].as_f64().unwrap_or(f64::NAN))
                && q.unit == exp["unit"].as_str().unwrap_or("")
        }
        _ => false,
    }
}

fn score(doc: &Document, exp: &Value, label: &str) -> Scores {
    let mut s = Scores::default();
    let resolve = |names: Vec<String>,
                   f: &dyn Fn(&str) -> Option<String>,
                   misses: &mut Vec<String>|
     -> Vec<String> {
        names
            .into_iter()
            .filter_map(|n| {
                let r = f(&n);
                if r.is_none() {
                    misses.push(format!("{label}: fixture name not in the data: {n}"));
                }
                r
            })
            .collect()
    };
    let mut misses = Vec::new();
    let places = resolve(strs(exp, "places"), &place_id, &mut misses);
    let places_opt = resolve(strs(exp, "places_optional"), &place_id, &mut Vec::new());
    s.places = set_score(
        &doc.regions,
        &places,
        &places_opt,
        &format!("{label} place"),
        &mut misses,
    );
    if exp.get("industries").is_some() {
        let inds = resolve(strs(exp, "industries"), &industry_id, &mut misses);
        let inds_opt = resolve(
            strs(exp, "industries_optional"),
            &industry_id,
            &mut Vec::new(),
        );
        s.industries = set_score(
            &doc.industries,
            &inds,
            &inds_opt,
            &format!("{label} industry"),
            &mut misses,
        );
    }
    // not_places: no place mention inside them.
    for np in strs(exp, "not_places") {
        let text = &doc.body_simplified;
        let mut from = 0;
        while let Some(b) = text[from..].find(&np) {
            let start = text[..from + b].chars().count() as u32;
            let end = start + np.chars().count() as u32;
            for m in &doc.mentions {
                if m.kind == MentionKind::Place && m.span.start >= start && m.span.end <= end {
                    s.places.fp += 1;
                    misses.push(format!("{label} not a place: {np} gave {}", m.id));
                }
            }
            from += b + np.len();
        }
    }
    // Flows.
    let empty = vec![];
    let exp_flows = exp["flows"].as_array().unwrap_or(&empty);
    let opt_flows = exp
        .get("flows_optional")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let matches = |f: &jjj_core::model::Flow, e: &Value| {
        same_or_within(&f.from, e["from"].as_str().unwrap_or(""))
            && same_or_within(&f.to, e["to"].as_str().unwrap_or(""))
            && f.evidence
                .text
                .contains(e["evidence"].as_str().unwrap_or("\u{0}"))
    };
    let mut used = vec![false; doc.flows.len()];
    for e in exp_flows {
        // Prefer a flow that also agrees on what moves.
        let pick = (0..doc.flows.len())
            .filter(|&i| !used[i] && matches(&doc.flows[i], e))
            .max_by_key(|&i| doc.flows[i].what.map(|w| w.zh()) == e["what"].as_str());
        match pick {
            Some(i) => {
                used[i] = true;
                s.flows.tp += 1;
                let f = &doc.flows[i];
                let ind_ok = match e["industry"].as_str() {
                    None => f.industry.is_none(),
                    Some(n) => f.industry.as_deref() == industry_id(n).as_deref(),
                };
                let checks = [
                    ind_ok,
                    f.what.map(|w| w.zh()) == e["what"].as_str(),
                    qty_eq(f.count.as_deref(), &e["count"]),
                    qty_eq(f.amount.as_deref(), &e["amount"]),
                    Some(f.plan) == e["plan"].as_bool(),
                ];
                for (k, ok) in checks.iter().enumerate() {
                    s.flow_fields[k].1 += 1;
                    if *ok {
                        s.flow_fields[k].0 += 1;
                    } else {
                        let name = ["industry", "what", "count", "amount", "plan"][k];
                        let got = match k {
                            0 => format!("{:?}", f.industry),
                            1 => format!("{:?}", f.what.map(|w| w.zh())),
                            2 => format!("{:?}", f.count.as_ref().map(|q| (q.value, &q.unit))),
                            3 => format!("{:?}", f.amount.as_ref().map(|q| (q.value, &q.unit))),
                            _ => format!("{}", f.plan),
                        };
                        misses.push(format!(
                            "{label} flow {name}: got {got}, expected {}",
                            e[name]
                        ));
                    }
                }
            }
            None => {
                s.flows.fn_ += 1;
                misses.push(format!(
                    "{label} flow missed: {} -> {} ({})",
                    e["from"], e["to"], e["evidence"]
                ));
            }
        }
    }
    for (i, f) in doc.flows.iter().enumerate() {
        if used[i] {
            continue;
        }
        if opt_flows.iter().any(|e| matches(f, e)) {
            continue;
        }
        s.flows.fp += 1;
        misses.push(format!(
            "{label} flow extra: {} -> {} ({})",
            f.from,
            f.to,
            f.evidence.text.chars().take(40).collect::<String>()
        ));
    }
    // Figures.
    let exp_figs = exp
        .get("figures")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let opt_figs = exp
        .get("figures_optional")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let fmatch = |f: &jjj_core::model::Figure, e: &Value| {
        close(f.value, e["value"].as_f64().unwrap_or(f64::NAN))
            && f.unit == e["unit"].as_str().unwrap_or("")
            && f.evidence
                .text
                .contains(e["evidence"].as_str().unwrap_or("\u{0}"))
    };
    let mut fused = vec![false; doc.figures.len()];
    for e in exp_figs {
        match (0..doc.figures.len()).find(|&i| !fused[i] && fmatch(&doc.figures[i], e)) {
            Some(i) => {
                fused[i] = true;
                s.figures.tp += 1;
                let f = &doc.figures[i];
                let counts = e["counts"].as_str().unwrap_or("");
                let counts_ok = !counts.is_empty()
                    && !f.counts.is_empty()
                    && (f.counts.contains(counts)
                        || counts.contains(&f.counts)
                        || shares_word(&f.counts, counts));
                let checks = [
                    counts_ok,
                    f.period.as_deref() == e["period"].as_str(),
                    Some(f.is_target) == e["is_target"].as_bool(),
                    f.qualifier
                        .as_deref()
                        .map(|q| q.split('…').next().unwrap_or(q))
                        == e["qualifier"].as_str(),
                ];
                for (k, ok) in checks.iter().enumerate() {
                    s.figure_fields[k].1 += 1;
                    if *ok {
                        s.figure_fields[k].0 += 1;
                    } else {
                        let name = ["counts", "period", "is_target", "qualifier"][k];
                        let got = match k {
                            0 => f.counts.clone(),
                            1 => format!("{:?}", f.period),
                            2 => f.is_target.to_string(),
                            _ => format!("{:?}", f.qualifier),
                        };
                        misses.push(format!(
                            "{label} figure {} {name}: got {got}, expected {}",
                            f.raw, e[name]
                        ));
                    }
                }
            }
            None => {
                s.figures.fn_ += 1;
                misses.push(format!(
                    "{label} figure missed: {} ({})",
                    e["raw"], e["evidence"]
                ));
            }
        }
    }
    for (i, f) in doc.figures.iter().enumerate() {
        if !fused[i] && !opt_figs.iter().any(|e| fmatch(f, e)) {
            s.figures.fp += 1;
            misses.push(format!("{label} figure extra: {}", f.raw));
        }
    }
    s.misses = misses;
    s
}

/// Do two phrases share a word of two or more characters?
fn shares_word(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: String = b.to_string();
    a.windows(2)
        .any(|w| b.contains(&w.iter().collect::<String>()))
}

fn seed_doc(prefix: &str) -> Document {
    jjj_core::process_and_analyze(&common::seed_bytes(prefix), None).unwrap()
}

struct Total {
    s: Scores,
}

impl Total {
    fn new() -> Self {
        Total {
            s: Scores::default(),
        }
    }
    fn add(&mut self, o: Scores) {
        self.s.places.add(o.places);
        self.s.industries.add(o.industries);
        self.s.flows.add(o.flows);
        self.s.figures.add(o.figures);
        for k in 0..5 {
            self.s.flow_fields[k].0 += o.flow_fields[k].0;
            self.s.flow_fields[k].1 += o.flow_fields[k].1;
        }
        for k in 0..4 {
            self.s.figure_fields[k].0 += o.figure_fields[k].0;
            self.s.figure_fields[k].1 += o.figure_fields[k].1;
        }
        self.s.misses.extend(o.misses);
    }
    fn report(&self, name: &str) {
        let s = &self.s;
        let line = |k: &str, p: &Pr| {
            println!(
                "{name:>8} {k:<10} precision {:.2}  recall {:.2}  (tp {} fp {} fn {})",
                p.precision(),
                p.recall(),
                p.tp,
                p.fp,
                p.fn_
            )
        };
        line("places", &s.places);
        line("industries", &s.industries);
        line("flows", &s.flows);
        line("figures", &s.figures);
        let frac = |(a, b): (usize, usize)| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        println!(
            "{name:>8} flow fields: industry {:.2} what {:.2} count {:.2} amount {:.2} plan {:.2}",
            frac(s.flow_fields[0]),
            frac(s.flow_fields[1]),
            frac(s.flow_fields[2]),
            frac(s.flow_fields[3]),
            frac(s.flow_fields[4])
        );
        println!(
            "{name:>8} figure fields: counts {:.2} period {:.2} target {:.2} qualifier {:.2}",
            frac(s.figure_fields[0]),
            frac(s.figure_fields[1]),
            frac(s.figure_fields[2]),
            frac(s.figure_fields[3])
        );
        if std::env::var_os("JJJ_SHOW_MISSES").is_some() {
            for m in &s.misses {
                println!("    {m}");
            }
        }
    }
}

#[test]
fn seeds_match_the_hand_read_fixtures() {
    let mut t = Total::new();
    for n in ["000", "001", "002", "003", "004"] {
        let exp = fixture(&format!("seed_{n}.json"));
        let doc = seed_doc(&format!("{n}_"));
        t.add(score(&doc, &exp, &format!("seed {n}")));
    }
    t.report("seeds");
    let s = &t.s;
    assert!(s.places.precision() >= 0.85 && s.places.recall() >= 0.85);
    assert!(s.flows.precision() >= 0.75 && s.flows.recall() >= 0.75);
    assert!(s.figures.precision() >= 0.9 && s.figures.recall() >= 0.9);
}

fn run_cases(file: &str) -> Total {
    let cases = fixture(file);
    let mut t = Total::new();
    for c in cases.as_array().unwrap() {
        let doc = document_from_text(c["text"].as_str().unwrap());
        let mut exp = c.clone();
        if exp.get("places").is_none() {
            // No place expectations given: judge only what the case states.
            exp["places"] = Value::Array(
                doc.regions
                    .iter()
                    .map(|r| Value::String(r.clone()))
                    .collect(),
            );
        }
        let name = c["name"].as_str().unwrap_or("?");
        let mut sc = score(&doc, &exp, name);
        if c.get("figures").is_none() {
            sc.figures = Pr::default();
        }
        t.add(sc);
    }
    t
}

#[test]
fn development_cases_match_the_hand_written_expectations() {
    let t = run_cases("cases_dev.json");
    t.report("dev");
    let s = &t.s;
    assert!(s.flows.precision() >= 0.8 && s.flows.recall() >= 0.75);
    assert!(s.places.precision() >= 0.85 && s.places.recall() >= 0.85);
}

/// A second development set in other wording, written after the rules for
/// the first existed, to see whether they generalise.
#[test]
fn second_development_cases_match_the_hand_written_expectations() {
    let t = run_cases("cases_dev2.json");
    t.report("dev2");
    let s = &t.s;
    assert!(s.flows.precision() >= 0.6 && s.flows.recall() >= 0.5);
    assert!(s.places.precision() >= 0.8 && s.places.recall() >= 0.8);
}

/// Never tuned on: the floors are low on purpose, the printed numbers are
/// what the closing note reports.
#[test]
fn held_out_cases_are_measured() {
    let t = run_cases("cases_heldout.json");
    t.report("heldout");
    let s = &t.s;
    assert!(s.flows.precision() >= 0.5 && s.flows.recall() >= 0.4);
    assert!(s.places.precision() >= 0.7 && s.places.recall() >= 0.7);
}

#[test]
fn traditional_twins_give_the_same_analysis_as_their_simplified_text() {
    let cases = fixture("cases_dev.json");
    let mut n = 0;
    for c in cases.as_array().unwrap() {
        let Some(simp) = c.get("text_simplified").and_then(Value::as_str) else {
            continue;
        };
        n += 1;
        let a = document_from_text(c["text"].as_str().unwrap());
        let b = document_from_text(simp);
        let key = |d: &Document| {
            (
                d.regions.clone(),
                d.flows
                    .iter()
                    .map(|f| (f.from.clone(), f.to.clone()))
                    .collect::<Vec<_>>(),
                d.figures
                    .iter()
                    .map(|f| (f.raw.clone(), f.unit.clone()))
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(key(&a), key(&b), "{}", c["name"]);
    }
    assert!(n >= 3);
}
