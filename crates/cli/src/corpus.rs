//! `jjj build-corpus` (on every core, whole or one shard) and `jjj merge`.
//!
//! A corpus too large for one machine is built as shards on a batch engine:
//! each task runs `jjj build-corpus DIR --shard i/n -o part-i.jsonl` (one
//! document per line, the data contract's JSON), and `jjj merge part-*.jsonl
//! -o corpus.jjj` writes the same bundle one machine would have.

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};
use jjj_core::model::Document;

use crate::{pages_in, summary_line};

/// Clean and analyse every page in a folder into one bundle.
///
/// Every file in DIR but hidden ones is read, whatever its extension. A file
/// that is not a readable page is reported on stderr and skipped (with
/// --strict, nothing is written and the command fails). One line per
/// document, then a total line, go to standard output; the throughput to
/// stderr. On a terminal a progress bar shows on stderr.
#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The folder of pages
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Where to write the bundle (.jjj); a PATH ending in .jsonl gets JSON
    /// Lines instead (one document per line, for merge)
    #[arg(short, long, value_name = "PATH")]
    output: PathBuf,
    /// Fail at the first file that is not a readable page, writing nothing
    #[arg(long)]
    strict: bool,
    /// Process only the pages whose position (by file name) is I modulo N
    #[arg(long, value_name = "I/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// Process the pages on N threads [default: one per core]; the output is
    /// the same whatever the number
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Write a split corpus: its head (the first screen) at PATH, and in a
    /// folder beside it the index of summaries and the whole documents in
    /// chunks of N (corpus.jjj → corpus/index.jjj, corpus/00000.jjj…)
    #[arg(long, value_name = "N", value_parser = split_arg)]
    split: Option<usize>,
    /// Show no progress bar
    #[arg(short, long)]
    quiet: bool,
}

/// Merge the parts written by build-corpus --shard into one bundle.
///
/// The parts (.jsonl or .jjj) may come in any order: the bundle is the one
/// a single build-corpus run would have written. On a terminal a progress
/// bar shows on stderr.
#[derive(Args, Debug)]
pub struct MergeArgs {
    /// The parts, .jsonl or .jjj
    #[arg(value_name = "PART", required = true)]
    parts: Vec<PathBuf>,
    /// Where to write the bundle
    #[arg(short, long, value_name = "PATH")]
    output: PathBuf,
    /// Write a split corpus, in chunks of N documents (see build-corpus)
    #[arg(long, value_name = "N", value_parser = split_arg)]
    split: Option<usize>,
    /// Show no progress bar
    #[arg(short, long)]
    quiet: bool,
}

/// Which part of the (sorted) files this run takes: the `i`-th of `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub fn parse(s: &str) -> Result<Shard, String> {
        let (a, b) = s
            .split_once('/')
            .ok_or("expected I/N, e.g. 0/8 for the first of eight")?;
        let index: usize = a.trim().parse().map_err(|_| "I is not a number")?;
        let count: usize = b.trim().parse().map_err(|_| "N is not a number")?;
        if count == 0 || index >= count {
            return Err("need 0 <= I < N".into());
        }
        Ok(Shard { index, count })
    }

    fn takes(&self, k: usize) -> bool {
        k % self.count == self.index
    }
}

/// build-corpus: pages done, their rate and the time left.
const BUILD_BAR: &str =
    "[{elapsed_precise}] [{wide_bar}] {human_pos}/{human_len} pages, {per_sec:1}, ETA {eta}";
/// merge: bytes of the parts read, their rate, the time left, and (as the
/// message) the part and the documents so far.
const MERGE_BAR: &str = "[{elapsed_precise}] [{wide_bar}] {binary_bytes}/{binary_total_bytes}, \
     {binary_bytes_per_sec}, ETA {eta}, {msg}";
/// Writing the bundle.
const SPINNER: &str = "{spinner} [{elapsed_precise}] {msg}";

/// A progress bar on stderr when it is a terminal and not `quiet`; hidden
/// otherwise, so piped and redirected runs print what they always did.
fn progress_bar(len: u64, quiet: bool, template: &str) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    // Cleared also when an error ends the command early.
    let pb = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr())
        .with_finish(ProgressFinish::AndClear);
    if let Ok(style) = ProgressStyle::with_template(template) {
        pb.set_style(style.progress_chars("=> "));
    }
    pb
}

/// A spinner on stderr for a step of unknown length, under the same
/// conditions as [`progress_bar`].
fn spinner(quiet: bool, message: String) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
        .with_finish(ProgressFinish::AndClear);
    if let Ok(style) = ProgressStyle::with_template(SPINNER) {
        pb.set_style(style);
    }
    pb.set_message(message);
    pb.enable_steady_tick(Duration::from_millis(100));
    pb
}

/// Every file, cleaned and analysed on `jobs` threads; results in file order.
/// `progress` advances by one as each file is done.
pub fn process_all(
    files: &[PathBuf],
    jobs: usize,
    progress: &ProgressBar,
) -> Vec<Result<Document, String>> {
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
                progress.inc(1);
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

pub fn build_corpus(a: BuildArgs) -> Result<()> {
    let BuildArgs {
        dir,
        output: out,
        strict,
        shard,
        jobs,
        split,
        quiet,
    } = a;
    let jobs = jobs.unwrap_or_else(jobs_default);
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
    let bar = progress_bar(files.len() as u64, quiet, BUILD_BAR);
    let results = process_all(&files, jobs, &bar);
    // Gone before anything is printed, so no line is drawn over.
    bar.finish_and_clear();
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
    let writing = spinner(quiet, format!("writing {}", out.display()));
    let written = if is_jsonl(&out) {
        write_jsonl(&out, &docs)?
    } else {
        write_bundle(&out, docs.clone(), split, &writing)?
    };
    writing.finish_and_clear();
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

/// Writes the bundle; with `split`, as a head at `out` and the index and
/// chunks of that many documents in a folder beside it named after it
/// (`corpus.jjj` → `corpus/index.jjj`, `corpus/00000.jjj`…), every file gzip-compressed (`jjj_core::gzip`).
/// Returns the bytes written.
/// A line it prints goes through `progress`, which makes way for it.
fn write_bundle(
    out: &Path,
    docs: Vec<Document>,
    split: Option<usize>,
    progress: &ProgressBar,
) -> Result<u64> {
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
    let mut parts = jjj_core::corpus::chunks::split(&bundle, per_chunk, &stem)?;
    compress_all(&mut parts);
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
    let mut total = parts.head.len() as u64;
    for (file, bytes) in parts.index.iter().chain(&parts.chunks) {
        let p = base.join(file);
        std::fs::write(&p, bytes).with_context(|| format!("cannot write {}", p.display()))?;
        total += bytes.len() as u64;
    }
    std::fs::write(out, &parts.head).with_context(|| format!("cannot write {}", out.display()))?;
    progress.suspend(|| {
        eprintln!(
            "jjj: first screen {} bytes, index {} bytes in {} piece(s), {} chunk(s) in {}",
            parts.head.len(),
            parts.index.iter().map(|(_, b)| b.len()).sum::<usize>(),
            parts.index.len(),
            parts.chunks.len(),
            folder.display()
        )
    });
    Ok(total)
}

/// Compresses the head, the index and every chunk, on every core.
fn compress_all(parts: &mut jjj_core::corpus::chunks::Split) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = parts.chunks.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        for group in parts
            .chunks
            .chunks_mut(per)
            .chain(parts.index.chunks_mut(1))
        {
            s.spawn(move || {
                for (_, bytes) in group {
                    *bytes = jjj_core::gzip::compress(bytes);
                }
            });
        }
        parts.head = jjj_core::gzip::compress(&parts.head);
    });
}

fn split_arg(v: &str) -> Result<usize, String> {
    match v.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("expected a number of documents per chunk (at least 1)".into()),
    }
}

/// `jjj merge PART… -o PATH` (parts are .jsonl or .jjj): the shards' documents in the order one
/// machine would have written them (by file name), as one bundle.
pub fn merge(a: MergeArgs) -> Result<()> {
    let MergeArgs {
        parts,
        output: out,
        split,
        quiet,
    } = a;
    let sizes: Vec<u64> = parts
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .collect();
    let bar = progress_bar(sizes.iter().sum(), quiet, MERGE_BAR);
    let mut read = 0u64;
    let mut docs: Vec<Document> = Vec::new();
    for (k, p) in parts.iter().enumerate() {
        bar.set_message(format!(
            "part {}/{}, {} documents",
            k + 1,
            parts.len(),
            docs.len()
        ));
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        if bytes.starts_with(jjj_core::model::BUNDLE_MAGIC) {
            let b = crate::read_bundle(p)?;
            docs.extend(b.documents);
            read += sizes[k];
            bar.set_position(read);
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
            bar.inc(line.len() as u64 + 1);
        }
        read += sizes[k];
        bar.set_position(read);
    }
    bar.finish_and_clear();
    docs.sort_by(|a, b| a.origin.cmp(&b.origin).then_with(|| a.id.cmp(&b.id)));
    docs.dedup_by(|a, b| a.id == b.id && a.origin == b.origin);
    let n = docs.len();
    let writing = spinner(quiet, format!("writing {}", out.display()));
    let written = write_bundle(&out, docs, split, &writing)?;
    writing.finish_and_clear();
    outln!(
        "total: {n} documents from {} shard(s), {written} bytes -> {}",
        parts.len(),
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_templates_parse() {
        // A template that does not parse would leave the default style.
        for t in [BUILD_BAR, MERGE_BAR, SPINNER] {
            assert!(ProgressStyle::with_template(t).is_ok(), "{t}");
        }
    }

    #[test]
    fn shards_and_splits_are_checked() {
        assert_eq!(Shard::parse("1/3"), Ok(Shard { index: 1, count: 3 }));
        for bad in ["3/3", "x/2", "1", "0/0"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(split_arg("7"), Ok(7));
        assert!(split_arg("0").is_err());
    }
}
