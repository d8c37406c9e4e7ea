//! `jjj`: the command-line side of the JJJ Industry Explorer.
//!
//! ```text
//! jjj build-corpus DIR -o PATH     clean every page in DIR into one bundle
//! jjj extract [FILE|-] --json      clean one page, print it as JSON
//! ```

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use jjj_core::model::Document;

const USAGE: &str = "usage: jjj build-corpus DIR -o PATH | jjj extract [FILE|-] --json";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jjj: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("build-corpus") => build_corpus(&args[1..]),
        Some("extract") => extract(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command '{other}'; {USAGE}"),
        None => bail!("no command given; {USAGE}"),
    }
}

fn build_corpus(args: &[String]) -> Result<()> {
    let mut dir: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => {
                out = Some(it.next().context("-o needs a path")?.into());
            }
            s if s.starts_with('-') => bail!("unknown option '{s}'; {USAGE}"),
            s if dir.is_none() => dir = Some(s.into()),
            s => bail!("unexpected argument '{s}'; {USAGE}"),
        }
    }
    let dir = dir.context(format!("build-corpus needs a folder; {USAGE}"))?;
    let out = out.context(format!("build-corpus needs -o PATH; {USAGE}"))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot read folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_page(p))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    let mut failed = 0usize;
    for path in &files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let result = std::fs::read(path)
            .map_err(anyhow::Error::from)
            .and_then(|b| Ok(jjj_core::process_and_analyze(&b, name.as_deref())?));
        match result {
            Ok(doc) => {
                println!("{}", summary_line(&doc));
                docs.push(doc);
            }
            Err(e) => {
                failed += 1;
                eprintln!("jjj: skipped {}: {e}", path.display());
            }
        }
    }
    if docs.is_empty() {
        bail!("no page in {} could be read", dir.display());
    }
    let bundle = jjj_core::build_bundle(docs);
    let bytes = jjj_core::encode_bundle(&bundle)?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "total: {} documents, {} skipped, {} bytes -> {}",
        bundle.documents.len(),
        failed,
        bytes.len(),
        out.display()
    );
    Ok(())
}

fn is_page(p: &Path) -> bool {
    let ext = p
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "txt" | "html" | "htm" | "text" | "xhtml")
}

fn summary_line(doc: &Document) -> String {
    format!(
        "{}  {}  {}  {}  warnings={}  {}",
        doc.id,
        doc.date.as_deref().unwrap_or("----------"),
        doc.script.as_str(),
        doc.encoding,
        doc.warnings.len(),
        doc.display_title()
    )
}

fn extract(args: &[String]) -> Result<()> {
    let mut input: Option<&str> = None;
    for a in args {
        match a.as_str() {
            "--json" => {}
            "-" => input = Some("-"),
            s if s.starts_with('-') => bail!("unknown option '{s}'; {USAGE}"),
            s if input.is_none() => input = Some(s),
            s => bail!("unexpected argument '{s}'; {USAGE}"),
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
    println!("{}", serde_json::to_string_pretty(&doc)?);
    Ok(())
}
