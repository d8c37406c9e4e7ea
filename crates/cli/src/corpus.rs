//! `jjj build-corpus` (on every core, whole or one shard) and `jjj merge`.
//!
//! A corpus too large for one machine is built as shards on a batch engine:
//! each task runs `jjj build-corpus DIR --shard i/n -o part-i.jsonl` (one
//! document per line, the data contract's JSON), and `jjj merge part-*.jsonl
//! -o corpus.jjj` writes the same bundle one machine would have.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Context, Result};
use jjj_core::model::Document;

use crate::{pages_in, summary_line, USAGE};

/// Which part of the (sorted) files this run takes: the `i`-th of `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub fn parse(s: &str) -> Result<Shard> {
        let (a, b) = s
            .split_once('/')
            .with_context(|| format!("--shard '{s}': expected i/n, e.g. 0/8"))?;
        let index: usize = a
            .trim()
            .parse()
            .with_context(|| format!("--shard '{s}': i is not a number"))?;
        let count: usize = b
            .trim()
            .parse()
            .with_context(|| format!("--shard '{s}': n is not a number"))?;
        if count == 0 || index >= count {
            bail!("--shard '{s}': need 0 <= i < n");
        }
        Ok(Shard { index, count })
    }

    fn takes(&self, k: usize) -> bool {
        k % self.count == self.index
    }
}

/// Every file, cleaned and analysed on `jobs` threads; results in file order.
pub fn process_all(files: &[PathBuf], jobs: usize) -> Vec<Result<Document, String>> {
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, Result<Document, String>)>> =
        Mutex::new(Vec::with_capacity(files.len()));
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1).min(files.len().max(1)) {
            scope.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(k) else { break };
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let r = std::fs::read(path)
                    .map_err(|e| e.to_string())
                    .and_then(|b| {
                        jjj_core::process_and_analyze(&b, name.as_deref())
                            .map_err(|e| e.to_string())
                    });
                if let Ok(mut d) = done.lock() {
                    d.push((k, r));
                }
            });
        }
    });
    let mut v = done.into_inner().unwrap_or_default();
    v.sort_by_key(|(k, _)| *k);
    v.into_iter().map(|(_, r)| r).collect()
}

fn jobs_default() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

pub fn build_corpus(args: &[String]) -> Result<()> {
    let mut dir: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut strict = false;
    let mut shard: Option<Shard> = None;
    let mut jobs = jobs_default();
    let mut split = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--strict" => strict = true,
            "-o" | "--output" => out = Some(it.next().context("-o needs a path")?.into()),
            "--shard" => shard = Some(Shard::parse(it.next().context("--shard needs i/n")?)?),
            "--split" => split = Some(split_arg(it.next())?),
            "--jobs" | "-j" => {
                let v = it.next().context("--jobs needs a number")?;
                jobs = v
                    .parse()
                    .with_context(|| format!("--jobs '{v}': expected a number"))?;
            }
            s if s.starts_with('-') => bail!("unknown option '{s}'\n{USAGE}"),
            s if dir.is_none() => dir = Some(s.into()),
            s => bail!("unexpected argument '{s}'\n{USAGE}"),
        }
    }
    let dir = dir.context(format!("build-corpus needs a folder\n{USAGE}"))?;
    let out = out.context(format!("build-corpus needs -o PATH\n{USAGE}"))?;
    let mut files = pages_in(&dir)?;
    if let Some(s) = shard {
        files = files
            .into_iter()
            .enumerate()
            .filter(|(k, _)| s.takes(*k))
            .map(|(_, f)| f)
            .collect();
    }
    let started = std::time::Instant::now();
    let bytes_in: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let results = process_all(&files, jobs);
    let mut docs = Vec::with_capacity(results.len());
    let mut failed = 0usize;
    for (path, r) in files.iter().zip(results) {
        match r {
            Ok(doc) => {
                outln!("{}", summary_line(&doc));
                docs.push(doc);
            }
            Err(e) if strict => bail!(
                "{}: {e} (--strict: stopped, no output written)",
                path.display()
            ),
            Err(e) => {
                failed += 1;
                eprintln!("jjj: skipped {}: {e}", path.display());
            }
        }
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    if docs.is_empty() && shard.is_none() {
        bail!("no page in {} could be read", dir.display());
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let written = if is_jsonl(&out) {
        write_jsonl(&out, &docs)?
    } else {
        write_bundle(&out, docs.clone(), split)?
    };
    let flows: usize = docs.iter().map(|d| d.flows.len()).sum();
    let figures: usize = docs.iter().map(|d| d.figures.len()).sum();
    outln!(
        "total: {} documents, {} skipped, {} flows, {} figures, {} bytes -> {}",
        docs.len(),
        failed,
        flows,
        figures,
        written,
        out.display()
    );
    eprintln!(
        "jjj: {:.1} MB in {secs:.2} s on {} thread(s): {:.2} MB/s",
        bytes_in as f64 / 1e6,
        jobs.max(1),
        bytes_in as f64 / 1e6 / secs
    );
    Ok(())
}

fn is_jsonl(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "jsonl")
}

fn write_jsonl(out: &Path, docs: &[Document]) -> Result<u64> {
    let f =
        std::fs::File::create(out).with_context(|| format!("cannot write {}", out.display()))?;
    let mut w = std::io::BufWriter::new(f);
    for d in docs {
        serde_json::to_writer(&mut w, d)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(std::fs::metadata(out).map(|m| m.len()).unwrap_or(0))
}

/// Writes the bundle; with `split`, as an index at `out` and chunks of that
/// many documents in a folder beside it named after it (`corpus.jjj` →
/// `corpus/00000.jjj`…). Returns the bytes written.
fn write_bundle(out: &Path, docs: Vec<Document>, split: Option<usize>) -> Result<u64> {
    let bundle = jjj_core::build_bundle(docs);
    let Some(per_chunk) = split else {
        let bytes = jjj_core::encode_bundle(&bundle)?;
        std::fs::write(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
        return Ok(bytes.len() as u64);
    };
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".into());
    let parts = jjj_core::corpus::chunks::split(&bundle, per_chunk, &stem)?;
    let base = out.parent().unwrap_or(Path::new(""));
    let folder = base.join(&stem);
    if folder.exists() {
        // Chunks of an earlier build would be served beside the new index.
        for e in std::fs::read_dir(&folder)? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "jjj") {
                std::fs::remove_file(&p)
                    .with_context(|| format!("cannot remove {}", p.display()))?;
            }
        }
    }
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    let mut total = parts.index.len() as u64;
    for (file, bytes) in &parts.chunks {
        let p = base.join(file);
        std::fs::write(&p, bytes).with_context(|| format!("cannot write {}", p.display()))?;
        total += bytes.len() as u64;
    }
    std::fs::write(out, &parts.index).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "jjj: index {} bytes, {} chunk(s) in {}",
        parts.index.len(),
        parts.chunks.len(),
        folder.display()
    );
    Ok(total)
}

fn split_arg(v: Option<&String>) -> Result<usize> {
    let v = v.context("--split needs the number of documents per chunk")?;
    match v.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => bail!("--split '{v}': expected a number of documents per chunk (at least 1)"),
    }
}

/// `jjj merge PART… -o PATH` (parts are .jsonl or .jjj): the shards' documents in the order one
/// machine would have written them (by file name), as one bundle.
pub fn merge(args: &[String]) -> Result<()> {
    let mut parts: Vec<PathBuf> = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut split = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => out = Some(it.next().context("-o needs a path")?.into()),
            "--split" => split = Some(split_arg(it.next())?),
            s if s.starts_with('-') => bail!("unknown option '{s}'\n{USAGE}"),
            s => parts.push(s.into()),
        }
    }
    let out = out.context(format!("merge needs -o PATH\n{USAGE}"))?;
    if parts.is_empty() {
        bail!("merge needs the shards (.jsonl or .jjj files)\n{USAGE}");
    }
    let mut docs: Vec<Document> = Vec::new();
    for p in &parts {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        if bytes.starts_with(jjj_core::model::BUNDLE_MAGIC) {
            let b = crate::read_bundle(p)?;
            docs.extend(b.documents);
            continue;
        }
        for (n, line) in BufReader::new(bytes.as_slice()).lines().enumerate() {
            let line =
                line.with_context(|| format!("{} line {}: not UTF-8 text", p.display(), n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let d: Document = serde_json::from_str(&line).with_context(|| {
                format!(
                    "{} line {}: neither a bundle nor a document of this version",
                    p.display(),
                    n + 1
                )
            })?;
            docs.push(d);
        }
    }
    docs.sort_by(|a, b| a.origin.cmp(&b.origin).then_with(|| a.id.cmp(&b.id)));
    docs.dedup_by(|a, b| a.id == b.id && a.origin == b.origin);
    let n = docs.len();
    let written = write_bundle(&out, docs, split)?;
    outln!(
        "total: {n} documents from {} shard(s), {written} bytes -> {}",
        parts.len(),
        out.display()
    );
    Ok(())
}
