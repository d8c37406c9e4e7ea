//! `jjj`: the command-line side of the JJJ Industry Explorer.
//!
//! Run `jjj --help` for the commands and `jjj <command> --help` for their
//! options; the help text is the documentation of the clap structs below.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use jjj_core::corpus::aggregate::{aggregate, Level};
use jjj_core::corpus::kwic::Sort;
use jjj_core::corpus::query::{Index, Query};
use jjj_core::model::Document;

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
mod sink;
#[cfg(feature = "synth")]
mod synth;

/// Build and query corpora of news pages on industry moves in
/// Beijing-Tianjin-Hebei (京津冀).
///
/// CORPUS is a folder of pages (cleaned and analysed on the fly) or a bundle
/// (.jjj) written by build-corpus or merge, whole or split.
#[derive(Parser, Debug)]
#[command(
    name = "jjj",
    version,
    propagate_version = true,
    args_override_self = true,
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    BuildCorpus(corpus::BuildArgs),
    Merge(corpus::MergeArgs),
    #[cfg(feature = "synth")]
    Synth(synth::SynthArgs),
    Extract(ExtractArgs),
    Flows(FlowsArgs),
    Figures(FiguresArgs),
    Query(QueryArgs),
    Kwic(KwicArgs),
    Terms(TermsArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Also --help and --version, which print to standard output and
            // exit with 0; usage errors print to stderr and exit with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli.command) {
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

fn run(command: Command) -> Result<()> {
    match command {
        Command::BuildCorpus(a) => corpus::build_corpus(a),
        Command::Merge(a) => corpus::merge(a),
        #[cfg(feature = "synth")]
        Command::Synth(a) => synth::synth(a),
        Command::Extract(a) => extract(a),
        Command::Flows(a) => flows(a),
        Command::Figures(a) => figures(a),
        Command::Query(a) => query(a),
        Command::Kwic(a) => kwic(a),
        Command::Terms(a) => terms(a),
    }
}

/// The filters of the analysis commands, the same as the app's.
#[derive(Args, Debug)]
#[command(next_help_heading = "Filters")]
struct Filters {
    /// Every whitespace-separated term, as a substring, in either script
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    text: Option<String>,
    /// A place and every place inside it, by name (e.g. 河北省, 沧州市, 雄安新区)
    #[arg(long, value_name = "PLACE", value_parser = place)]
    region: Option<String>,
    /// An industry of the taxonomy (e.g. 集成电路, 纺织服装, 一般制造业)
    #[arg(long, value_name = "ID", value_parser = industry)]
    industry: Option<String>,
    /// Years from A to B; one year alone, or an open end (2017-, -2021)
    #[arg(long, value_name = "A-B", value_parser = years, allow_hyphen_values = true)]
    years: Option<Years>,
    /// Only the pages without a date
    #[arg(long, conflicts_with = "years")]
    undated: bool,
    /// The source (outlet) of the page
    #[arg(long, value_name = "S", allow_hyphen_values = true)]
    source: Option<String>,
    /// Flows out of this place
    #[arg(long, value_name = "PLACE", value_parser = place)]
    from: Option<String>,
    /// Flows into this place
    #[arg(long, value_name = "PLACE", value_parser = place)]
    to: Option<String>,
}

/// A year range: either end may be open.
#[derive(Debug, Clone, Copy)]
struct Years(Option<i32>, Option<i32>);

fn place(v: &str) -> Result<String, String> {
    if jjj_core::extract::places::gazetteer()
        .resolve_name(v)
        .is_none()
    {
        return Err(
            "no such place in the gazetteer (give its name, e.g. 河北省, 沧州市, 雄安新区)".into(),
        );
    }
    Ok(v.to_string())
}

fn industry(v: &str) -> Result<String, String> {
    if jjj_core::extract::industries::taxonomy()
        .resolve_term(v)
        .is_none()
    {
        return Err("not an industry of the taxonomy (e.g. 集成电路, 纺织服装, 一般制造业)".into());
    }
    Ok(v.to_string())
}

fn years(y: &str) -> Result<Years, String> {
    let (a, b) = y.split_once('-').unwrap_or((y, y));
    let p = |s: &str| -> Result<Option<i32>, String> {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            s.trim()
                .parse()
                .map(Some)
                .map_err(|e| format!("expected A-B, e.g. 2017-2021 ({e})"))
        }
    };
    Ok(Years(p(a)?, p(b)?))
}

impl Filters {
    fn query(&self) -> Query {
        let mut q = Query {
            text: self.text.clone().unwrap_or_default(),
            region: self.region.clone(),
            industry: self.industry.clone(),
            source: self.source.clone(),
            flow_from: self.from.clone(),
            flow_to: self.to.clone(),
            undated: self.undated,
            ..Query::default()
        };
        if let Some(Years(from, to)) = self.years {
            q.year_from = from;
            q.year_to = to;
        }
        q
    }
}

/// The output format of flows and figures.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Comma-separated values, with a UTF-8 byte-order mark for spreadsheets
    Csv,
    /// A JSON array
    Json,
}

/// The place level the edges are drawn between.
#[derive(ValueEnum, Debug, Clone, Copy)]
enum LevelArg {
    /// The places as the sentences name them
    #[value(alias = "place")]
    Exact,
    /// Each place lifted to its city
    City,
    /// Each place lifted to its province
    Province,
}

impl From<LevelArg> for Level {
    fn from(l: LevelArg) -> Level {
        match l {
            LevelArg::Exact => Level::Exact,
            LevelArg::City => Level::City,
            LevelArg::Province => Level::Province,
        }
    }
}

/// The order of the concordance lines.
#[derive(ValueEnum, Debug, Clone, Copy)]
enum SortArg {
    /// In corpus order
    #[value(alias = "pos")]
    Position,
    /// By the words before the term, nearest first
    Left,
    /// By the words after the term, nearest first
    Right,
}

impl From<SortArg> for Sort {
    fn from(s: SortArg) -> Sort {
        match s {
            SortArg::Position => Sort::Position,
            SortArg::Left => Sort::Left,
            SortArg::Right => Sort::Right,
        }
    }
}

/// Clean and analyse one page and print the document as JSON.
///
/// A page that cannot be read as one (empty, binary, an image, no Chinese
/// text…) is refused with one line on stderr.
#[derive(Args, Debug)]
struct ExtractArgs {
    /// The page: a file, or - (or nothing) for standard input
    #[arg(value_name = "FILE|-")]
    input: Option<String>,
    /// Print JSON (the only output; the flag is accepted for scripts that give it)
    #[arg(long)]
    json: bool,
}

/// Print the flows of the matching documents, or the edges they add up to.
///
/// A flow is a move of firms or projects from one place to another, read in
/// one sentence. With --edges, the flows are added up into origin →
/// destination edges with their supporting sentences and documents and the
/// summed counts and amounts. CSV output starts with a UTF-8 byte-order mark
/// for spreadsheets and defuses cells that would run as formulas.
#[derive(Args, Debug)]
struct FlowsArgs {
    /// A folder of pages or a bundle (.jjj)
    corpus: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Print the edges: each origin → destination pair with its supporting
    /// sentences and documents and the summed counts and amounts
    #[arg(long)]
    edges: bool,
    /// With --edges: the place level of the edges
    #[arg(long, value_enum, default_value_t = LevelArg::Exact)]
    level: LevelArg,
    /// With --edges: one edge per industry as well
    #[arg(long)]
    by_industry: bool,
    #[command(flatten)]
    filters: Filters,
}

/// Print the figures of the matching documents (counts, amounts, areas…).
///
/// CSV output starts with a UTF-8 byte-order mark for spreadsheets and
/// defuses cells that would run as formulas.
#[derive(Args, Debug)]
struct FiguresArgs {
    /// A folder of pages or a bundle (.jjj)
    corpus: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    #[command(flatten)]
    filters: Filters,
}

/// Print the matching documents and the facet counts.
///
/// The facets are the regions, industries, years, sources and flow
/// directions of the matching documents, with how many documents have each.
#[derive(Args, Debug)]
struct QueryArgs {
    /// A folder of pages or a bundle (.jjj)
    corpus: PathBuf,
    /// Print the whole result as JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    filters: Filters,
}

/// Print a concordance: every occurrence of a term, in context.
///
/// Each line shows the text on either side of the term and the document it
/// is in; only the matching documents are searched.
#[derive(Args, Debug)]
struct KwicArgs {
    /// A folder of pages or a bundle (.jjj)
    corpus: PathBuf,
    /// The term to look for
    #[arg(allow_hyphen_values = true)]
    term: String,
    /// Characters of context on each side (it stops at a line break)
    #[arg(long, value_name = "N", default_value_t = 20)]
    width: usize,
    /// The order of the lines
    #[arg(long, value_enum, default_value_t = SortArg::Position)]
    sort: SortArg,
    /// At most this many lines
    #[arg(long, value_name = "N", default_value_t = 1000)]
    limit: usize,
    /// Print JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    filters: Filters,
}

/// Print the most frequent terms of the matching documents.
///
/// With --keyness, the terms most typical of them against the rest of the
/// corpus instead; with --collocates TERM, the terms found most often near
/// TERM.
#[derive(Args, Debug)]
struct TermsArgs {
    /// A folder of pages or a bundle (.jjj)
    corpus: PathBuf,
    /// Rank the terms by how typical they are of the matching documents against
    /// the rest of the corpus (log-likelihood, G²); needs a filter
    #[arg(long)]
    keyness: bool,
    /// Rank the terms found within 5 terms of TERM by log-likelihood (G²)
    #[arg(long, value_name = "TERM", allow_hyphen_values = true)]
    collocates: Option<String>,
    /// At most this many terms
    #[arg(long, value_name = "N", default_value_t = 50)]
    limit: usize,
    /// Print JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    filters: Filters,
}

/// Loads a corpus: a bundle file, or a folder of pages processed now
/// (pages that cannot be read are reported on stderr and skipped).
fn load(p: &Path) -> Result<Vec<Document>> {
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

/// Reads a bundle file; a split corpus's index (named by its head) is
/// joined with its chunks.
pub(crate) fn read_bundle(p: &Path) -> Result<jjj_core::Bundle> {
    let read = |p: &Path| -> Result<jjj_core::Bundle> {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        jjj_core::decode_bundle(&bytes).with_context(|| format!("cannot load {}", p.display()))
    };
    let mut index = read(p)?;
    let base = p.parent().unwrap_or(Path::new(""));
    if jjj_core::corpus::chunks::is_head(&index) {
        index = jjj_core::corpus::chunks::read_index(&index, |f| {
            std::fs::read(base.join(f)).map_err(|e| jjj_core::Error::Bundle {
                reason: format!("cannot read {}: {e}", base.join(f).display()),
            })
        })
        .with_context(|| format!("cannot load {}", p.display()))?;
    }
    let Some(parts) = &index.parts else {
        return Ok(index);
    };
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

fn flows(a: FlowsArgs) -> Result<()> {
    let docs = load(&a.corpus)?;
    let r = Index::new(&docs).search(&docs, &a.filters.query());
    if a.edges {
        let edges = aggregate(&docs, &r.flows, a.level.into(), a.by_industry);
        if a.format == Format::Json {
            outln!("{}", serde_json::to_string_pretty(&edges)?);
        } else {
            // Figures are never summed: an edge states its largest (see
            // jjj_core::corpus::aggregate).
            out!("\u{feff}from,to,industry,sentences,documents,largest_count,largest_amount,figures_stated,shared_count,shared_amount\r\n");
            let units = |v: &[(String, f64)]| {
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
                    units(&e.count),
                    units(&e.amount),
                    e.stated.to_string(),
                    units(&e.shared_count),
                    units(&e.shared_amount),
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
    if a.format == Format::Json {
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

fn figures(a: FiguresArgs) -> Result<()> {
    let docs = load(&a.corpus)?;
    let r = Index::new(&docs).search(&docs, &a.filters.query());
    if a.format == Format::Json {
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

fn query(a: QueryArgs) -> Result<()> {
    let docs = load(&a.corpus)?;
    let r = Index::new(&docs).search(&docs, &a.filters.query());
    if a.json {
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
    /// The first `n` values of a facet as "value count".
    fn listed<K: std::fmt::Display>(v: &[(K, u32)], n: usize) -> Vec<String> {
        v.iter().take(n).map(|(k, c)| format!("{k} {c}")).collect()
    }
    let f = &r.facets;
    let directions = f
        .directions
        .iter()
        .map(|((a, b), n)| (format!("{a}→{b}"), *n));
    for (name, v) in [
        ("regions", listed(&f.regions, 20)),
        ("industries", listed(&f.industries, 20)),
        ("years", listed(&f.years, usize::MAX)),
        ("sources", listed(&f.sources, usize::MAX)),
        (
            "directions",
            listed(&directions.collect::<Vec<_>>(), usize::MAX),
        ),
    ] {
        if !v.is_empty() {
            outln!("{name}: {}", v.join("  "));
        }
    }
    Ok(())
}

fn kwic(a: KwicArgs) -> Result<()> {
    let docs = load(&a.corpus)?;
    let r = Index::new(&docs).search(&docs, &a.filters.query());
    let which: Vec<usize> = r.docs.iter().map(|h| h.doc as usize).collect();
    let lines =
        jjj_core::corpus::kwic::kwic(&docs, &which, &a.term, a.width, a.sort.into(), a.limit);
    if a.json {
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

fn terms(a: TermsArgs) -> Result<()> {
    let docs = load(&a.corpus)?;
    let r = Index::new(&docs).search(&docs, &a.filters.query());
    let which: Vec<usize> = r.docs.iter().map(|h| h.doc as usize).collect();
    let limit = a.limit;
    let json = a.json;
    if let Some(node) = &a.collocates {
        let node = jjj_core::text::normalize::simplify(node);
        let v = jjj_core::corpus::stats::collocates(&docs, &which, &node, 5, limit);
        if json {
            outln!("{}", serde_json::to_string_pretty(&v)?);
        } else {
            for c in v {
                outln!("{}\t{}\t{}\t{:.1}", c.term, c.together, c.freq, c.g2);
            }
        }
    } else if a.keyness {
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

fn extract(a: ExtractArgs) -> Result<()> {
    let input = a.input.as_deref();
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
