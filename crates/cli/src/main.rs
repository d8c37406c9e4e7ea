//! `jjj`: the command-line side of the JJJ Industry Explorer.
//!
//! ```text
//! jjj build-corpus DIR -o PATH [--strict]   clean and analyse every page in DIR into one bundle
//!                                  (bad pages are reported and skipped; --strict: fail instead)
//! jjj extract [FILE|-] --json      clean and analyse one page, print it as JSON
//! jjj flows CORPUS [--format csv|json] [--edges [--level exact|city|province] [--by-industry]] [FILTERS]
//! jjj figures CORPUS [--format csv|json] [FILTERS]
//! jjj query CORPUS [FILTERS] [--json]
//! jjj kwic CORPUS TERM [--width N] [--sort position|left|right] [FILTERS] [--json]
//! jjj terms CORPUS [--keyness] [--collocates TERM] [--limit N] [FILTERS] [--json]
//!
//! CORPUS   a folder of pages (cleaned and analysed on the fly) or a bundle (.jjj)
//! FILTERS  --text T  --region PLACE  --industry ID  --years A-B  --source S
//!          --from PLACE  --to PLACE
//! ```

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use jjj_core::corpus::aggregate::{aggregate, Level};
use jjj_core::corpus::query::{Index, Query};
use jjj_core::model::Document;

pub(crate) const USAGE: &str = "usage:
  jjj build-corpus DIR -o PATH [--strict] [--shard I/N] [--jobs N] [--split N]
                                 (PATH.jsonl: one document per line; --split N: an index at PATH
                                 and chunks of N documents in a folder beside it)
  jjj merge PART.jsonl... -o PATH [--split N]
  jjj synth --articles N [--seed S] -o DIR
  jjj extract [FILE|-] --json
  jjj flows CORPUS [--format csv|json] [--edges [--level exact|city|province] [--by-industry]] [FILTERS]
  jjj figures CORPUS [--format csv|json] [FILTERS]
  jjj query CORPUS [FILTERS] [--json]
  jjj kwic CORPUS TERM [--width N] [--sort position|left|right] [--limit N] [FILTERS] [--json]
  jjj terms CORPUS [--keyness] [--collocates TERM] [--limit N] [FILTERS] [--json]
CORPUS is a folder of pages or a bundle (.jjj); FILTERS are
  --text T --region PLACE --industry ID --years A-B --source S --from PLACE --to PLACE";

/// Writes to standard output; a reader that went away (`jjj flows … | head`)
/// ends the command quietly rather than with a panic.
pub(crate) fn emit(s: &str) -> Result<()> {
    use std::io::Write;
    std::io::stdout().lock().write_all(s.as_bytes())?;
    Ok(())
}

macro_rules! out {
    ($($t:tt)*) => { crate::emit(&format!($($t)*))? };
}

macro_rules! outln {
    ($($t:tt)*) => { crate::emit(&(format!($($t)*) + "\n"))? };
}

mod corpus;
mod synth;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let closed = e
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe);
            if closed {
                return ExitCode::SUCCESS;
            }
            eprintln!("jjj: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("build-corpus") => corpus::build_corpus(&args[1..]),
        Some("merge") => corpus::merge(&args[1..]),
        Some("synth") => synth::synth(&args[1..]),
        Some("extract") => extract(&args[1..]),
        Some("flows") => flows(&args[1..]),
        Some("figures") => figures(&args[1..]),
        Some("query") => query(&args[1..]),
        Some("kwic") => kwic(&args[1..]),
        Some("terms") => terms(&args[1..]),
        Some("-h" | "--help" | "help") => {
            outln!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command '{other}'\n{USAGE}"),
        None => bail!("no command given\n{USAGE}"),
    }
}

/// Options of the analysis commands: positional arguments, flags, values.
#[derive(Default)]
struct Opts {
    positional: Vec<String>,
    flags: Vec<String>,
    values: Vec<(String, String)>,
}

impl Opts {
    /// `with_value` lists the options that take a value.
    fn parse(args: &[String], with_value: &[&str], flags: &[&str]) -> Result<Opts> {
        let mut o = Opts::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if with_value.contains(&a.as_str()) {
                let v = it.next().with_context(|| format!("{a} needs a value"))?;
                o.values.push((a.clone(), v.clone()));
            } else if flags.contains(&a.as_str()) {
                o.flags.push(a.clone());
            } else if a.starts_with("--") {
                bail!("unknown option '{a}'\n{USAGE}");
            } else {
                o.positional.push(a.clone());
            }
        }
        Ok(o)
    }

    fn value(&self, k: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }

    fn flag(&self, k: &str) -> bool {
        self.flags.iter().any(|f| f == k)
    }

    fn query(&self) -> Result<Query> {
        let mut q = Query {
            text: self.value("--text").unwrap_or("").to_string(),
            region: self.value("--region").map(str::to_string),
            industry: self.value("--industry").map(str::to_string),
            source: self.value("--source").map(str::to_string),
            flow_from: self.value("--from").map(str::to_string),
            flow_to: self.value("--to").map(str::to_string),
            ..Query::default()
        };
        let g = jjj_core::extract::places::gazetteer();
        for (k, v) in [
            ("--region", &q.region),
            ("--from", &q.flow_from),
            ("--to", &q.flow_to),
        ] {
            if let Some(v) = v {
                if g.resolve_name(v).is_none() {
                    bail!("{k} '{v}': no such place in the gazetteer (give its name, e.g. 河北省, 沧州市, 雄安新区)");
                }
            }
        }
        if let Some(i) = &q.industry {
            if jjj_core::extract::industries::taxonomy()
                .resolve_term(i)
                .is_none()
            {
                bail!("--industry '{i}': not an industry of the taxonomy (e.g. 集成电路, 纺织服装, 一般制造业)");
            }
        }
        if let Some(y) = self.value("--years") {
            let (a, b) = y.split_once('-').unwrap_or((y, y));
            let p = |s: &str| -> Result<Option<i32>> {
                if s.trim().is_empty() {
                    Ok(None)
                } else {
                    Ok(Some(s.trim().parse().with_context(|| {
                        format!("--years '{y}': expected A-B, e.g. 2017-2021")
                    })?))
                }
            };
            q.year_from = p(a)?;
            q.year_to = p(b)?;
        }
        Ok(q)
    }
}

const FILTERS: &[&str] = &[
    "--text",
    "--region",
    "--industry",
    "--years",
    "--source",
    "--from",
    "--to",
];

fn with(extra: &[&'static str]) -> Vec<&'static str> {
    let mut v = FILTERS.to_vec();
    v.extend_from_slice(extra);
    v
}

/// Loads a corpus: a bundle file, or a folder of pages processed now
/// (pages that cannot be read are reported on stderr and skipped).
fn load(path: &str) -> Result<Vec<Document>> {
    let p = Path::new(path);
    if p.is_file() {
        return Ok(read_bundle(p)?.documents);
    }
    let files = pages_in(p)?;
    let mut docs = Vec::new();
    for f in &files {
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned());
        match std::fs::read(f)
            .map_err(anyhow::Error::from)
            .and_then(|b| Ok(jjj_core::process_and_analyze(&b, name.as_deref())?))
        {
            Ok(d) => docs.push(d),
            Err(e) => eprintln!("jjj: skipped {}: {e}", f.display()),
        }
    }
    Ok(docs)
}

/// Reads a bundle file; a split corpus's index is joined with its chunks.
pub(crate) fn read_bundle(p: &Path) -> Result<jjj_core::Bundle> {
    let read = |p: &Path| -> Result<jjj_core::Bundle> {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        jjj_core::decode_bundle(&bytes).with_context(|| format!("cannot load {}", p.display()))
    };
    let index = read(p)?;
    let Some(parts) = &index.parts else {
        return Ok(index);
    };
    let base = p.parent().unwrap_or(Path::new(""));
    let chunks = parts
        .chunks
        .iter()
        .map(|c| read(&base.join(&c.file)))
        .collect::<Result<Vec<_>>>()?;
    jjj_core::corpus::chunks::join(&index, chunks)
        .with_context(|| format!("cannot load {}", p.display()))
}

/// Every file of `dir` but hidden ones: scraped pages come with any
/// extension (or none), and a file that is not a page is reported as such.
pub(crate) fn pages_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && !is_hidden(p))
        .collect();
    files.sort();
    Ok(files)
}

fn corpus_arg(o: &Opts, cmd: &str) -> Result<String> {
    o.positional.first().cloned().with_context(|| {
        format!("{cmd} needs a corpus (a folder of pages or a .jjj bundle)\n{USAGE}")
    })
}

fn format_of(o: &Opts) -> Result<&str> {
    match o.value("--format").unwrap_or("csv") {
        f @ ("csv" | "json") => Ok(f),
        f => bail!("--format '{f}': expected csv or json"),
    }
}

fn flows(args: &[String]) -> Result<()> {
    let o = Opts::parse(
        args,
        &with(&["--format", "--level"]),
        &["--edges", "--by-industry"],
    )?;
    let docs = load(&corpus_arg(&o, "flows")?)?;
    let r = Index::new(&docs).search(&docs, &o.query()?);
    let fmt = format_of(&o)?;
    if o.flag("--edges") {
        let level = match o.value("--level") {
            None => Level::Exact,
            Some(l) => Level::parse(l)
                .with_context(|| format!("--level '{l}': expected exact, city or province"))?,
        };
        let edges = aggregate(&docs, &r.flows, level, o.flag("--by-industry"));
        if fmt == "json" {
            outln!("{}", serde_json::to_string_pretty(&edges)?);
        } else {
            out!("\u{feff}from,to,industry,sentences,documents,count,amount,shared_count,shared_amount\r\n");
            let sums = |v: &[(String, f64)]| {
                v.iter()
                    .map(|(u, x)| format!("{x}{u}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            for e in &edges {
                let cells = [
                    e.from.clone(),
                    e.to.clone(),
                    e.industry.clone().unwrap_or_default(),
                    e.sentences.to_string(),
                    e.documents.to_string(),
                    sums(&e.count),
                    sums(&e.amount),
                    sums(&e.shared_count),
                    sums(&e.shared_amount),
                ];
                let line: Vec<String> = cells
                    .iter()
                    .map(|c| jjj_core::corpus::export::cell(c))
                    .collect();
                out!("{}\r\n", line.join(","));
            }
        }
        return Ok(());
    }
    if fmt == "json" {
        let list: Vec<&jjj_core::model::Flow> = r
            .flows
            .iter()
            .map(|f| &docs[f.doc as usize].flows[f.flow as usize])
            .collect();
        outln!("{}", serde_json::to_string_pretty(&list)?);
    } else {
        out!("{}", jjj_core::corpus::export::flows_csv(&docs, &r.flows));
    }
    Ok(())
}

fn figures(args: &[String]) -> Result<()> {
    let o = Opts::parse(args, &with(&["--format"]), &[])?;
    let docs = load(&corpus_arg(&o, "figures")?)?;
    let r = Index::new(&docs).search(&docs, &o.query()?);
    if format_of(&o)? == "json" {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            doc: &'a str,
            #[serde(flatten)]
            figure: &'a jjj_core::model::Figure,
        }
        let list: Vec<Row> = r
            .figures
            .iter()
            .map(|&(d, f)| Row {
                doc: &docs[d as usize].id,
                figure: &docs[d as usize].figures[f as usize],
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&list)?);
    } else {
        out!(
            "{}",
            jjj_core::corpus::export::figures_csv(&docs, &r.figures)
        );
    }
    Ok(())
}

fn query(args: &[String]) -> Result<()> {
    let o = Opts::parse(args, &with(&[]), &["--json"])?;
    let docs = load(&corpus_arg(&o, "query")?)?;
    let r = Index::new(&docs).search(&docs, &o.query()?);
    if o.flag("--json") {
        outln!("{}", serde_json::to_string_pretty(&r)?);
        return Ok(());
    }
    outln!(
        "{} documents, {} flows, {} figures",
        r.docs.len(),
        r.flows.len(),
        r.figures.len()
    );
    for h in &r.docs {
        let d = &docs[h.doc as usize];
        outln!(
            "  {}  {}  {}",
            d.id,
            d.date.as_deref().unwrap_or("----------"),
            d.display_title()
        );
    }
    let show = |name: &str, v: Vec<String>| -> Result<()> {
        if !v.is_empty() {
            outln!("{name}: {}", v.join("  "));
        }
        Ok(())
    };
    show(
        "regions",
        r.facets
            .regions
            .iter()
            .take(20)
            .map(|(k, n)| format!("{k} {n}"))
            .collect(),
    )?;
    show(
        "industries",
        r.facets
            .industries
            .iter()
            .take(20)
            .map(|(k, n)| format!("{k} {n}"))
            .collect(),
    )?;
    show(
        "years",
        r.facets
            .years
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect(),
    )?;
    show(
        "sources",
        r.facets
            .sources
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect(),
    )?;
    show(
        "directions",
        r.facets
            .directions
            .iter()
            .map(|((a, b), n)| format!("{a}→{b} {n}"))
            .collect(),
    )?;
    Ok(())
}

fn number(o: &Opts, k: &str, default: usize) -> Result<usize> {
    match o.value(k) {
        None => Ok(default),
        Some(v) => v
            .parse()
            .with_context(|| format!("{k} '{v}': expected a number")),
    }
}

fn kwic(args: &[String]) -> Result<()> {
    let o = Opts::parse(args, &with(&["--width", "--sort", "--limit"]), &["--json"])?;
    let docs = load(&corpus_arg(&o, "kwic")?)?;
    let term = o
        .positional
        .get(1)
        .context(format!("kwic needs a term\n{USAGE}"))?;
    let sort = match o.value("--sort") {
        None => jjj_core::corpus::kwic::Sort::Position,
        Some(s) => jjj_core::corpus::kwic::Sort::parse(s)
            .with_context(|| format!("--sort '{s}': expected position, left or right"))?,
    };
    let r = Index::new(&docs).search(&docs, &o.query()?);
    let which: Vec<usize> = r.docs.iter().map(|h| h.doc as usize).collect();
    let lines = jjj_core::corpus::kwic::kwic(
        &docs,
        &which,
        term,
        number(&o, "--width", 20)?,
        sort,
        number(&o, "--limit", 1000)?,
    );
    if o.flag("--json") {
        outln!("{}", serde_json::to_string_pretty(&lines)?);
    } else {
        for l in &lines {
            outln!(
                "{:>24} [{}] {:<24}  {}",
                l.left,
                l.hit,
                l.right,
                docs[l.doc as usize].id
            );
        }
    }
    Ok(())
}

fn terms(args: &[String]) -> Result<()> {
    let o = Opts::parse(
        args,
        &with(&["--collocates", "--limit"]),
        &["--keyness", "--json"],
    )?;
    let docs = load(&corpus_arg(&o, "terms")?)?;
    let r = Index::new(&docs).search(&docs, &o.query()?);
    let which: Vec<usize> = r.docs.iter().map(|h| h.doc as usize).collect();
    let limit = number(&o, "--limit", 50)?;
    let json = o.flag("--json");
    if let Some(node) = o.value("--collocates") {
        let node = jjj_core::text::normalize::simplify(node);
        let v = jjj_core::corpus::stats::collocates(&docs, &which, &node, 5, limit);
        if json {
            outln!("{}", serde_json::to_string_pretty(&v)?);
        } else {
            for c in v {
                outln!("{}\t{}\t{}\t{:.1}", c.term, c.together, c.freq, c.g2);
            }
        }
    } else if o.flag("--keyness") {
        let v = jjj_core::corpus::stats::keyness(&docs, &which, 2, limit);
        if json {
            outln!("{}", serde_json::to_string_pretty(&v)?);
        } else {
            for k in v {
                outln!("{}\t{}\t{}\t{:.1}", k.term, k.subset, k.rest, k.g2);
            }
        }
    } else {
        let v = jjj_core::corpus::stats::term_counts(&docs, &which, limit);
        if json {
            outln!("{}", serde_json::to_string_pretty(&v)?);
        } else {
            for t in v {
                outln!("{}\t{}\t{}", t.term, t.freq, t.docs);
            }
        }
    }
    Ok(())
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

pub(crate) fn summary_line(doc: &Document) -> String {
    format!(
        "{}  {}  {}  {}  warnings={}  flows={}  figures={}  {}",
        doc.id,
        doc.date.as_deref().unwrap_or("----------"),
        doc.script.as_str(),
        doc.encoding,
        doc.warnings.len(),
        doc.flows.len(),
        doc.figures.len(),
        doc.display_title()
    )
}

fn extract(args: &[String]) -> Result<()> {
    let mut input: Option<&str> = None;
    for a in args {
        match a.as_str() {
            "--json" => {}
            "-" => input = Some("-"),
            s if s.starts_with('-') => bail!("unknown option '{s}'\n{USAGE}"),
            s if input.is_none() => input = Some(s),
            s => bail!("unexpected argument '{s}'\n{USAGE}"),
        }
    }
    let (bytes, name) = match input {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("cannot read standard input")?;
            (buf, None)
        }
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
            let name = Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            (bytes, name)
        }
    };
    let doc = jjj_core::process_and_analyze(&bytes, name.as_deref())
        .with_context(|| format!("cannot extract {}", input.unwrap_or("standard input")))?;
    outln!("{}", serde_json::to_string_pretty(&doc)?);
    Ok(())
}
