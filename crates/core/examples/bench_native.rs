//! The native side of the benchmarks (`scripts/bench.sh`), the same code as
//! the WebAssembly probe (`bench/shared.rs`). Prints one JSON object.
//!
//! `bench_native segment TEXT_FILE`: dictionary build times and tokens per
//! second for jieba-rs (default dictionary) and for our segmenter.
//! `bench_native query BUNDLE QUERIES_FILE [RUNS]`: load time and the time of
//! every query (one per line, URL parameters), `RUNS` times each.
//! `bench_native text BUNDLE`: the simplified text of a bundle's documents
//! (the benchmark text), on standard output.
//! `bench_native index CORPUS OUT`: a split corpus's index as one bundle,
//! uncompressed (what the app holds once it has loaded the index's pieces;
//! the wasm probe reads it). Needs the feature `gzip`.
//! `bench_native peers CORPUS`: the documents of a corpus (a split one is
//! joined with its chunks) as JSON Lines for the peers (`bench/query.mjs`):
//! fields, places with every place containing them, and the words of the
//! text separated by spaces (FlexSearch and MiniSearch cannot segment Chinese).
//! `bench_native lean-size CORPUS`: the index's pieces whole and lean, in
//! bytes (gzip), and the time to load the index from each. Needs `gzip`.

use std::time::Instant;

#[path = "bench/shared.rs"]
mod shared;

/// The system allocator, counting the bytes in use and their peak (for
/// `lean-size`).
struct Counting;
static IN_USE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
// SAFETY: every call is passed to `System` unchanged.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
        use std::sync::atomic::Ordering::Relaxed;
        let now = IN_USE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { std::alloc::System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: std::alloc::Layout) {
        IN_USE.fetch_sub(l.size(), std::sync::atomic::Ordering::Relaxed);
        unsafe { std::alloc::System.dealloc(p, l) }
    }
}
#[global_allocator]
static ALLOC: Counting = Counting;

/// (bytes in use, their peak since the last call) in MB, resetting the peak.
fn memory() -> (f64, f64) {
    use std::sync::atomic::Ordering::Relaxed;
    let now = IN_USE.load(Relaxed);
    let peak = PEAK.swap(now, Relaxed);
    (now as f64 / 1e6, peak as f64 / 1e6)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("segment") => {
            let text = std::fs::read_to_string(&args[1]).expect("text file");
            let t = Instant::now();
            shared::plain_init();
            let plain_init = ms(t);
            let t = Instant::now();
            shared::ours_init();
            let ours_init = ms(t);
            // Warm, then three timed passes each; the median is reported by the caller.
            let mut plain = Vec::new();
            let mut ours = Vec::new();
            let mut tokens = (0, 0);
            for _ in 0..4 {
                let t = Instant::now();
                tokens.0 = shared::plain_cut(&text).len();
                plain.push(ms(t));
                let t = Instant::now();
                tokens.1 = shared::ours_count(&text);
                ours.push(ms(t));
            }
            println!(
                "{{\"bytes\":{},\"plain_init_ms\":{plain_init:.1},\"ours_init_ms\":{ours_init:.1},\"plain_ms\":{:?},\"ours_ms\":{:?},\"plain_tokens\":{},\"ours_tokens\":{}}}",
                text.len(),
                &plain[1..],
                &ours[1..],
                tokens.0,
                tokens.1
            );
        }
        Some("query") => {
            let bytes = std::fs::read(&args[1]).expect("bundle");
            let queries = std::fs::read_to_string(&args[2]).expect("queries");
            let runs: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(20);
            let t = Instant::now();
            let l = shared::load(&bytes).expect("a bundle");
            let load = ms(t);
            let mut times = Vec::new();
            let mut check = 0usize;
            for _ in 0..runs {
                for q in queries.lines() {
                    let t = Instant::now();
                    check += shared::run(&l, q);
                    times.push(ms(t));
                }
            }
            println!(
                "{{\"docs\":{},\"load_ms\":{load:.1},\"times_ms\":{:?},\"check\":{check}}}",
                l.docs.len(),
                times
            );
        }
        Some("text") => {
            let bytes = std::fs::read(&args[1]).expect("bundle");
            let b = jjj_core::decode_bundle(&bytes).expect("a bundle");
            for d in &b.documents {
                println!("{}", d.body_simplified);
            }
        }
        Some("index") => {
            let index = read_corpus(std::path::Path::new(&args[1]));
            let bytes = jjj_core::encode_bundle(&index).expect("encodes");
            std::fs::write(&args[2], bytes).expect("written");
        }
        Some("peers") => peers(std::path::Path::new(&args[1])),
        Some("lean-size") => lean_size(std::path::Path::new(&args[1])),
        _ => {
            eprintln!(
                "usage: bench_native segment TEXT | query BUNDLE QUERIES [RUNS] | text BUNDLE | index CORPUS OUT | peers CORPUS | lean-size CORPUS"
            );
            std::process::exit(2);
        }
    }
}

/// The bundle at `path`; for a split corpus's head, its index (joined from
/// its pieces, beside it).
fn read_corpus(path: &std::path::Path) -> jjj_core::Bundle {
    let bundle = jjj_core::decode_bundle(&std::fs::read(path).expect("bundle")).expect("a bundle");
    if !jjj_core::corpus::chunks::is_head(&bundle) {
        return bundle;
    }
    let base = path.parent().unwrap_or(std::path::Path::new(""));
    // Its lean pieces too (what the app loads): a corpus written by a build
    // that wrote them otherwise is refused here, and rebuilt by bench.sh.
    for c in &bundle
        .parts
        .as_ref()
        .and_then(|p| p.head.as_ref())
        .expect("a head")
        .lean
    {
        let bytes = std::fs::read(base.join(&c.file)).expect("a lean piece");
        jjj_core::corpus::lean::decode_piece(&bytes).expect("a lean piece this build reads");
    }
    jjj_core::corpus::chunks::read_index(&bundle, |f| {
        Ok(std::fs::read(base.join(f)).expect("a piece of the index"))
    })
    .expect("the index")
}

fn peers(path: &std::path::Path) {
    use std::io::Write;
    let read = |p: &std::path::Path| {
        jjj_core::decode_bundle(&std::fs::read(p).expect("bundle")).expect("a bundle")
    };
    let index = read_corpus(path);
    let whole = match &index.parts {
        None => index,
        Some(parts) => {
            let base = path.parent().unwrap_or(std::path::Path::new(""));
            let chunks = parts
                .chunks
                .iter()
                .map(|c| read(&base.join(&c.file)))
                .collect();
            jjj_core::corpus::chunks::join(&index, chunks).expect("chunks")
        }
    };
    let g = jjj_core::extract::places::gazetteer();
    let up = |id: &str| -> Vec<String> {
        match g.index_of(id) {
            Some(i) => std::iter::once(i)
                .chain(g.ancestors(i))
                .map(|k| g.places[k].id.clone())
                .collect(),
            None => Vec::new(),
        }
    };
    let province = |x: &str| jjj_core::corpus::aggregate::Level::Province.lift(x);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for d in &whole.documents {
        let text = &d.body_simplified;
        let words: Vec<&str> = jjj_core::text::tokens::from_lens(text, &d.tokens)
            .iter()
            .map(|t| t.text(text))
            .filter(|w| !w.trim().is_empty())
            .collect();
        let regions: std::collections::BTreeSet<String> =
            d.regions.iter().flat_map(|r| up(r)).collect();
        let flows: Vec<(Vec<String>, Vec<String>, String, String)> = d
            .flows
            .iter()
            .map(|f| (up(&f.from), up(&f.to), province(&f.from), province(&f.to)))
            .collect();
        let v = serde_json::json!({
            "id": d.id, "title": d.title.clone().unwrap_or_default(),
            "date": d.date, "source": d.source, "regions": regions,
            "industries": d.industries, "flows": flows, "figures": d.figures.len(),
            "text": words.join(" "),
        });
        writeln!(out, "{v}").unwrap();
    }
}

/// Sizes (gzip) of a split corpus's index pieces written whole and lean
/// (the lean ones made anew from the whole ones, so that an older corpus
/// can be compared), and the time to load each way natively.
fn lean_size(path: &std::path::Path) {
    use jjj_core::corpus::lean::{decode_piece, encode_piece, LeanIndex};
    let head = jjj_core::decode_bundle(&std::fs::read(path).unwrap()).unwrap();
    let dir = path.parent().unwrap();
    let h = head.parts.as_ref().unwrap().head.as_ref().unwrap();
    let (mut whole, mut lean) = (Vec::new(), Vec::new());
    for c in &h.index {
        let raw = std::fs::read(dir.join(&c.file)).unwrap();
        let piece = jjj_core::decode_bundle(&raw).unwrap();
        let terms = &piece.parts.as_ref().unwrap().terms;
        lean.push(jjj_core::gzip::compress(
            &encode_piece(&piece.documents, terms).unwrap(),
        ));
        whole.push(raw);
    }
    // Memory over what the compressed pieces take (both kept here).
    let base = memory().0;
    let t = Instant::now();
    let mut l = LeanIndex::new();
    for raw in &whole {
        l.add(jjj_core::decode_bundle(raw).unwrap());
    }
    let (a_docs, a) = l.finish(&head).unwrap();
    let from_whole = ms(t);
    let (held, peak) = memory();
    let whole_mb = (held - base, peak - base);
    let t = Instant::now();
    let mut l = LeanIndex::for_head(&head);
    for raw in &lean {
        let (docs, index) = decode_piece(raw).unwrap();
        l.add_lean(docs, index);
    }
    let (b_docs, b) = l.finish(&head).unwrap();
    let from_lean = ms(t);
    let (held, peak) = memory();
    let lean_mb = (held - whole_mb.0 - base, peak - whole_mb.0 - base);
    assert!(a == b && a_docs == b_docs, "the same index either way");

    let size = |v: &[Vec<u8>]| v.iter().map(Vec::len).sum::<usize>();
    println!(
        "{{\"whole_gz\":{},\"lean_gz\":{},\"load_whole_ms\":{from_whole:.0},\"load_lean_ms\":{from_lean:.0},\"whole_held_mb\":{:.0},\"whole_peak_mb\":{:.0},\"lean_held_mb\":{:.0},\"lean_peak_mb\":{:.0}}}",
        size(&whole),
        size(&lean),
        whole_mb.0,
        whole_mb.1,
        lean_mb.0,
        lean_mb.1
    );
}
