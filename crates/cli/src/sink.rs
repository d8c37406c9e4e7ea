//! Where `build-corpus` and `merge` put their documents, one at a time, so
//! that a split corpus or JSON Lines of any size never needs every whole
//! document in memory at once (300,000 synthetic articles took 24 GB that
//! way). A single bundle is written whole, so it still keeps them all.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use jjj_core::corpus::chunks::Splitter;
use jjj_core::model::Document;

pub enum Sink {
    /// One bundle (`.jjj`): the documents wait for the end.
    Bundle { out: PathBuf, docs: Vec<Document> },
    /// JSON Lines, written as they come to a file renamed at the end.
    Jsonl {
        out: PathBuf,
        partial: PathBuf,
        w: BufWriter<std::fs::File>,
    },
    /// A split corpus (see `jjj_core::corpus::chunks`): each chunk
    /// compressed and written once it is full ([`Sink::flush`]); the index
    /// and the head at the end.
    Split {
        out: PathBuf,
        base: PathBuf,
        folder: PathBuf,
        splitter: Splitter,
        pending: Vec<(String, Vec<u8>)>,
        written: u64,
    },
}

fn partial_of(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    out.with_file_name(name)
}

impl Sink {
    /// A sink for `out`: JSON Lines when it ends in `.jsonl`, else a bundle,
    /// split in chunks of `split` documents when given (with the single
    /// filters' views from `views_from` documents).
    pub fn new(out: &Path, split: Option<usize>, views_from: usize) -> Result<Sink> {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        if out.extension().is_some_and(|e| e == "jsonl") {
            let partial = partial_of(out);
            let f = std::fs::File::create(&partial)
                .with_context(|| format!("cannot write {}", partial.display()))?;
            return Ok(Sink::Jsonl {
                out: out.to_path_buf(),
                partial,
                w: BufWriter::new(f),
            });
        }
        let Some(per_chunk) = split else {
            return Ok(Sink::Bundle {
                out: out.to_path_buf(),
                docs: Vec::new(),
            });
        };
        let stem = out
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "corpus".into());
        let base = out.parent().unwrap_or(Path::new("")).to_path_buf();
        let folder = base.join(&stem);
        // Files of an earlier build would be served beside the new ones.
        remove_bundles(&folder)?;
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        let pipeline = jjj_core::build_bundle(Vec::new()).pipeline;
        Ok(Sink::Split {
            out: out.to_path_buf(),
            base,
            folder,
            splitter: Splitter::new(&pipeline, per_chunk, &stem)
                .with_threads(std::thread::available_parallelism().map_or(1, |n| n.get()))
                .with_views_from(views_from),
            pending: Vec::new(),
            written: 0,
        })
    }

    /// Takes the next document.
    pub fn push(&mut self, doc: Document) -> Result<()> {
        match self {
            Sink::Bundle { docs, .. } => docs.push(doc),
            Sink::Jsonl { w, .. } => {
                serde_json::to_writer(&mut *w, &doc)?;
                w.write_all(b"\n")?;
            }
            Sink::Split {
                splitter, pending, ..
            } => pending.extend(splitter.push(doc)?),
        }
        Ok(())
    }

    /// Writes the chunks filled so far, compressed on every core.
    pub fn flush(&mut self) -> Result<()> {
        let Sink::Split {
            base,
            pending,
            written,
            ..
        } = self
        else {
            return Ok(());
        };
        compress_all(pending);
        for (file, bytes) in pending.drain(..) {
            let p = base.join(&file);
            std::fs::write(&p, &bytes).with_context(|| format!("cannot write {}", p.display()))?;
            *written += bytes.len() as u64;
        }
        Ok(())
    }

    /// Writes what is left; the bytes written in all. `note` prints a line
    /// about a split corpus's files.
    pub fn finish(mut self, note: impl FnOnce(String)) -> Result<u64> {
        self.flush()?;
        match self {
            Sink::Bundle { out, docs } => {
                let bytes = jjj_core::encode_bundle(&jjj_core::build_bundle(docs))?;
                std::fs::write(&out, &bytes)
                    .with_context(|| format!("cannot write {}", out.display()))?;
                Ok(bytes.len() as u64)
            }
            Sink::Jsonl {
                out,
                partial,
                mut w,
            } => {
                w.flush()?;
                drop(w);
                std::fs::rename(&partial, &out)
                    .with_context(|| format!("cannot write {}", out.display()))?;
                Ok(std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0))
            }
            Sink::Split {
                out,
                base,
                folder,
                splitter,
                mut written,
                ..
            } => {
                let started = std::time::Instant::now();
                let mut split = splitter.finish()?;
                compress_all(&mut split.index);
                let size = |lean: bool| -> usize {
                    let pieces = split.index.iter();
                    let pieces = pieces.filter(|(f, _)| f.contains("/lean-") == lean);
                    pieces.map(|(_, b)| b.len()).sum()
                };
                let (whole_bytes, lean_bytes) = (size(false), size(true));
                compress_all(&mut split.chunks);
                compress_all(&mut split.views);
                let view_bytes: usize = split.views.iter().map(|(_, b)| b.len()).sum();
                let views = split.views.len();
                for (file, bytes) in split.chunks.iter().chain(&split.index).chain(&split.views) {
                    let p = base.join(file);
                    std::fs::write(&p, bytes)
                        .with_context(|| format!("cannot write {}", p.display()))?;
                    written += bytes.len() as u64;
                }
                let head = jjj_core::gzip::compress(&split.head);
                std::fs::write(&out, &head)
                    .with_context(|| format!("cannot write {}", out.display()))?;
                written += head.len() as u64;
                note(format!(
                    "jjj: first screen {} bytes, {views} single-filter views {view_bytes} bytes, index {whole_bytes} bytes whole and {lean_bytes} lean (what the app loads first), in {}, written in {:.2} s",
                    head.len(),
                    folder.display(),
                    started.elapsed().as_secs_f64()
                ));
                Ok(written)
            }
        }
    }

    /// Removes what was written (a failed `--strict` run writes nothing).
    pub fn abandon(self) {
        match self {
            Sink::Bundle { .. } => {}
            Sink::Jsonl { partial, w, .. } => {
                drop(w);
                let _ = std::fs::remove_file(partial);
            }
            Sink::Split { folder, .. } => {
                let _ = remove_bundles(&folder);
            }
        }
    }
}

/// Removes the `.jjj` files of `folder` (if it exists).
fn remove_bundles(folder: &Path) -> Result<()> {
    if !folder.exists() {
        return Ok(());
    }
    for e in std::fs::read_dir(folder)? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "jjj") {
            std::fs::remove_file(&p).with_context(|| format!("cannot remove {}", p.display()))?;
        }
    }
    Ok(())
}

/// Compresses every file, on every core.
fn compress_all(files: &mut [(String, Vec<u8>)]) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = files.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        for group in files.chunks_mut(per) {
            s.spawn(move || {
                for (_, bytes) in group {
                    *bytes = jjj_core::gzip::compress(bytes);
                }
            });
        }
    });
}
