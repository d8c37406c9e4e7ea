use jjj_core::corpus::overview::{overview, Settings};
use jjj_core::corpus::query::{Index, Query};
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let b = jjj_core::decode_bundle(&std::fs::read(&path).unwrap()).unwrap();
    let terms = b
        .parts
        .as_ref()
        .map(|p| p.terms.clone())
        .unwrap_or_default();
    let docs = b.documents;
    let t = Instant::now();
    let index = Index::with_terms(&docs, &terms);
    eprintln!("index {:?}", t.elapsed());
    let t = Instant::now();
    let r = index.search(&docs, &Query::default());
    let o = overview(&docs, &index, &r, Settings::default());
    eprintln!("unfiltered {:?}", t.elapsed());
    let f = r.facets.clone();
    let mut qs: Vec<Query> = Vec::new();
    for (v, _) in &f.regions {
        qs.push(Query {
            region: Some(v.clone()),
            ..Default::default()
        });
    }
    for (v, _) in &f.industries {
        qs.push(Query {
            industry: Some(v.clone()),
            ..Default::default()
        });
    }
    for (v, _) in &f.sources {
        qs.push(Query {
            source: Some(v.clone()),
            ..Default::default()
        });
    }
    for (v, _) in &f.origins {
        qs.push(Query {
            flow_from: Some(v.clone()),
            ..Default::default()
        });
    }
    for (v, _) in &f.destinations {
        qs.push(Query {
            flow_to: Some(v.clone()),
            ..Default::default()
        });
    }
    for (y, _) in &f.years {
        qs.push(Query {
            year_from: Some(*y),
            ..Default::default()
        });
        qs.push(Query {
            year_to: Some(*y),
            ..Default::default()
        });
    }
    eprintln!(
        "regions {} industries {} sources {} origins {} dest {} years {} -> {} views",
        f.regions.len(),
        f.industries.len(),
        f.sources.len(),
        f.origins.len(),
        f.destinations.len(),
        f.years.len(),
        qs.len()
    );
    let t = Instant::now();
    let mut bytes = 0usize;
    let (mut ts, mut to) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    let (mut tc, mut te) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    let mut slow: Vec<(u128, String)> = Vec::new();
    for q in &qs {
        let t0 = Instant::now();
        let r = index.search(&docs, q);
        ts += t0.elapsed();
        let t1 = Instant::now();
        let c = jjj_core::corpus::overview::counts(&docs, &index, &r);
        tc += t1.elapsed();
        let t2 = Instant::now();
        let e = jjj_core::corpus::overview::all_edges(&docs, &index, &r, Default::default(), false);
        te += t2.elapsed();
        let o = jjj_core::corpus::overview::assemble(&c, &e, Settings::default());
        to += t1.elapsed();
        slow.push((
            t0.elapsed().as_millis(),
            format!("{} docs {}", q.to_params(), r.docs.len()),
        ));
        let fs = jjj_core::corpus::overview::FirstScreen {
            overview: o,
            facets: r.facets,
        };
        let j = serde_json::to_vec(&fs).unwrap();
        bytes += jjj_core::gzip::compress(&j).len();
    }
    slow.sort();
    slow.reverse();
    eprintln!("counts {:?} edges {:?}", tc, te);
    eprintln!("search {:?} overview {:?} slowest {:?}", ts, to, &slow[..8]);
    eprintln!("views {:?}, {} KB gzip json", t.elapsed(), bytes / 1000);
    let _ = o;
}
