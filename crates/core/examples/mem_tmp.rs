use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
struct C;
static N: AtomicUsize = AtomicUsize::new(0);
static P: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for C {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = N.fetch_add(l.size(), Relaxed) + l.size();
        P.fetch_max(n, Relaxed);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        N.fetch_sub(l.size(), Relaxed);
        System.dealloc(p, l)
    }
}
#[global_allocator]
static A: C = C;
fn mb(x: usize) -> f64 {
    x as f64 / 1e6
}
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let head = jjj_core::decode_bundle(&std::fs::read(dir.join("corpus.jjj")).unwrap())
        .map_err(|e| e.to_string())
        .unwrap();
    let files: Vec<String> = head
        .parts
        .as_ref()
        .unwrap()
        .head
        .as_ref()
        .unwrap()
        .index
        .iter()
        .map(|c| c.file.clone())
        .collect();
    let t = std::time::Instant::now();
    let base = N.load(Relaxed);
    P.store(base, Relaxed);
    let mut lean = jjj_core::corpus::lean::LeanIndex::new();
    for f in &files {
        let b = std::fs::read(dir.join(f)).unwrap();
        let piece = jjj_core::decode_bundle(&b).unwrap();
        drop(b);
        lean.add(piece);
        println!(
            "  after {f}: held {:.1} peak {:.1} {:?}",
            mb(N.load(Relaxed) - base),
            mb(P.load(Relaxed) - base),
            t.elapsed()
        );
    }
    let (docs, index) = lean.finish(&head).unwrap();
    println!(
        "lean: held {:.1} MB, peak {:.1} MB, {:?}",
        mb(N.load(Relaxed) - base),
        mb(P.load(Relaxed) - base),
        t.elapsed()
    );
    let b0 = N.load(Relaxed);
    drop(index);
    println!("index alone {:.1}", mb(b0 - N.load(Relaxed)));
    stub_sizes(&docs.documents);
    drop(docs);
}
#[allow(dead_code)]
fn stub_sizes(docs: &[jjj_core::Document]) {
    let (mut reg, mut ind, mut warn, mut meta, mut nreg) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for d in docs {
        reg +=
            d.regions.iter().map(|s| s.capacity() + 24).sum::<usize>() + d.regions.capacity() * 24;
        nreg += d.regions.len();
        ind += d
            .industries
            .iter()
            .map(|s| s.capacity() + 24)
            .sum::<usize>();
        warn += d
            .warnings
            .iter()
            .map(|w| w.message.capacity() + 64)
            .sum::<usize>();
        meta += [&d.id, &d.body, &d.encoding]
            .iter()
            .map(|s| s.capacity())
            .sum::<usize>()
            + d.title.as_ref().map_or(0, |s| s.capacity())
            + d.origin.as_ref().map_or(0, |s| s.capacity());
    }
    println!("regions {:.1} MB ({} per doc) industries {:.1} warnings {:.1} meta {:.1}; Document struct {} bytes", mb(reg), nreg / docs.len(), mb(ind), mb(warn), mb(meta), std::mem::size_of::<jjj_core::Document>());
}
