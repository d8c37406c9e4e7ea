//! `jjj build-corpus` (on every core, whole or one shard) and `jjj merge`.
//!
//! A corpus too large for one machine is built as shards on a batch engine:
//! each task runs `jjj build-corpus DIR --shard i/n -o part-i.jsonl` (one
//! document per line, the data contract's JSON), and `jjj merge part-*.jsonl
//! -o corpus.jjj` writes the same bundle one machine would have.

use std::io::{BufRead, BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};
use jjj_core::model::Document;

use crate::sink::Sink;
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
    /// chunks of N (corpus.jjj → corpus/index-000.jjj…, corpus/00000.jjj…)
    #[arg(long, value_name = "N", value_parser = split_arg)]
    split: Option<usize>,
    /// With --split: write each single filter's dashboard beside the index
    /// (corpus/view-0000.jjj…, so that the app's first filter does not wait
    /// for the index) when the corpus has at least N documents
    #[arg(long, value_name = "N", default_value_t = jjj_core::corpus::views::VIEWS_FROM)]
    views_from: usize,
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
    /// The single filters' dashboards from N documents (see build-corpus)
    #[arg(long, value_name = "N", default_value_t = jjj_core::corpus::views::VIEWS_FROM)]
    views_from: usize,
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
        views_from,
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
    let mut sink = Sink::new(&out, split, views_from)?;
    let (mut count, mut failed, mut flows, mut figures) = (0usize, 0usize, 0usize, 0usize);
    // A window of pages at a time, on every core: what is written goes as
    // it comes, so the whole documents of a large corpus are never all in
    // memory (a split corpus keeps their summaries).
    for window in files.chunks(WINDOW) {
        let results = process_all(window, jobs, &bar);
        for (path, r) in window.iter().zip(results) {
            match r {
                Ok(doc) => {
                    bar.suspend(|| outln_doc(&doc))?;
                    count += 1;
                    flows += doc.flows.len();
                    figures += doc.figures.len();
                    sink.push(doc)?;
                }
                Err(e) if strict => {
                    sink.abandon();
                    bail!(
                        "{}: {e} (--strict: stopped, no output written)",
                        path.display()
                    )
                }
                Err(e) => {
                    failed += 1;
                    bar.suspend(|| eprintln!("jjj: skipped {}: {e}", path.display()));
                }
            }
        }
        sink.flush()?;
    }
    // Gone before anything else is printed, so no line is drawn over.
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    if count == 0 && shard.is_none() {
        sink.abandon();
        bail!("no page in {} could be read", dir.display());
    }
    let writing = spinner(quiet, format!("writing {}", out.display()));
    let written = sink.finish(|line| writing.suspend(|| eprintln!("{line}")))?;
    writing.finish_and_clear();
    outln!(
        "total: {count} documents, {failed} skipped, {flows} flows, {figures} figures, {written} bytes -> {}",
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

/// How many pages are analysed before what they give is written.
const WINDOW: usize = 2048;

/// A document's line on standard output.
fn outln_doc(doc: &Document) -> Result<()> {
    outln!("{}", summary_line(doc));
    Ok(())
}

fn split_arg(v: &str) -> Result<usize, String> {
    match v.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("expected a number of documents per chunk (at least 1)".into()),
    }
}

/// The documents of one part of a merge, in order, one at a time: a
/// `.jsonl` part is read line by line, a `.jjj` one whole.
struct Part {
    name: PathBuf,
    docs: Box<dyn Iterator<Item = Result<Document>>>,
    next: Option<Document>,
    /// The key of the last document taken, to check the part's order.
    last: Option<(Option<String>, String)>,
}

fn key(d: &Document) -> (Option<String>, String) {
    (d.origin.clone(), d.id.clone())
}

impl Part {
    fn open(p: &Path, bar: &ProgressBar) -> Result<Part> {
        let mut f =
            std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
        let mut magic = [0u8; 8];
        let n = std::io::Read::read(&mut f, &mut magic).unwrap_or(0);
        let docs: Box<dyn Iterator<Item = Result<Document>>> = if n == magic.len()
            && &magic == jjj_core::model::BUNDLE_MAGIC
        {
            let b = crate::read_bundle(p)?;
            bar.inc(std::fs::metadata(p).map(|m| m.len()).unwrap_or(0));
            Box::new(b.documents.into_iter().map(Ok))
        } else {
            let name = p.to_path_buf();
            let bar = bar.clone();
            let lines = BufReader::new(
                std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?,
            )
            .lines()
            .enumerate();
            Box::new(lines.filter_map(move |(n, line)| {
                let at = || format!("{} line {}", name.display(), n + 1);
                let line = match line {
                    Ok(l) => l,
                    Err(_) => return Some(Err(anyhow::anyhow!("{}: not UTF-8 text", at()))),
                };
                bar.inc(line.len() as u64 + 1);
                if line.trim().is_empty() {
                    return None;
                }
                Some(serde_json::from_str(&line).with_context(|| {
                    format!("{}: neither a bundle nor a document of this version", at())
                }))
            }))
        };
        let mut part = Part {
            name: p.to_path_buf(),
            docs,
            next: None,
            last: None,
        };
        part.advance()?;
        Ok(part)
    }

    /// Reads the next document; a part must be in the order build-corpus
    /// writes (by file name, then id).
    fn advance(&mut self) -> Result<()> {
        self.next = self.docs.next().transpose()?;
        if let Some(d) = &self.next {
            let k = key(d);
            if self.last.as_ref().is_some_and(|last| *last > k) {
                bail!(
                    "{}: the documents are not in file-name order (was it written by jjj build-corpus?)",
                    self.name.display()
                );
            }
            self.last = Some(k);
        }
        Ok(())
    }
}

/// `jjj merge PART… -o PATH` (parts are .jsonl or .jjj): the shards' documents in the order one
/// machine would have written them (by file name), as one bundle. The parts
/// are read side by side, a document at a time.
pub fn merge(a: MergeArgs) -> Result<()> {
    let MergeArgs {
        parts,
        output: out,
        split,
        views_from,
        quiet,
    } = a;
    let total: u64 = parts
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum();
    let bar = progress_bar(total, quiet, MERGE_BAR);
    let mut open = Vec::with_capacity(parts.len());
    for p in &parts {
        open.push(Part::open(p, &bar)?);
    }
    let mut sink = Sink::new(&out, split, views_from)?;
    let mut n = 0usize;
    let mut last: Option<(Option<String>, String)> = None;
    let result = (|| -> Result<()> {
        // The part whose next document comes first.
        let first = |open: &[Part]| {
            (0..open.len())
                .filter(|&k| open[k].next.is_some())
                .min_by(|&a, &b| {
                    let (x, y) = (open[a].next.as_ref(), open[b].next.as_ref());
                    x.map(key).cmp(&y.map(key))
                })
        };
        while let Some(k) = first(&open) {
            let Some(doc) = open[k].next.take() else {
                break;
            };
            open[k].advance()?;
            // The same page in two parts is kept once.
            let this = key(&doc);
            if last.as_ref() == Some(&this) {
                continue;
            }
            last = Some(this);
            n += 1;
            if n.is_multiple_of(1000) {
                bar.set_message(format!("{n} documents"));
            }
            sink.push(doc)?;
            if n.is_multiple_of(WINDOW) {
                sink.flush()?;
            }
        }
        Ok(())
    })();
    bar.finish_and_clear();
    if let Err(e) = result {
        sink.abandon();
        return Err(e);
    }
    let writing = spinner(quiet, format!("writing {}", out.display()));
    let written = sink.finish(|line| writing.suspend(|| eprintln!("{line}")))?;
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
