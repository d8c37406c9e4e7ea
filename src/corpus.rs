//! Loading the corpus bundle that the build ships beside the page.

use std::fmt;

use jjj_core::corpus::overview::FirstScreen;
use jjj_core::corpus::query::Index;
use jjj_core::model::{Chunk, Head, ViewRef};
use jjj_core::{decode_bundle, Bundle, Document};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the bundle is, relative to the page, so the app also works under a
/// sub-path (GitHub Pages serves it at `/<repository>/`).
pub const CORPUS_URL: &str = "corpus.jjj";

/// Why the corpus could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, no window…).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// The bytes are not a bundle this build can read.
    Decode(String),
    /// A split corpus's index is more than a tab can hold: (documents,
    /// bytes of the index, uncompressed).
    TooLarge(u32, u64),
}

/// The most a split corpus's index may take, uncompressed, for the app to
/// load it: decoded, it takes about 3.5 times as much (BENCHMARKS.md: 319 MB
/// for 100,000 articles took 1.1 GB of the app's memory), and a tab's
/// WebAssembly memory ends at 4 GB.
pub const INDEX_LIMIT: u64 = 800_000_000;

/// The same for the index held lean (its lean pieces, uncompressed), which
/// the app loads first: about 3 times as much once loaded (BENCHMARKS.md).
pub const LEAN_LIMIT: u64 = 400_000_000;

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(why) => write!(f, "无法下载语料文件 {CORPUS_URL}（{why}）"),
            LoadError::Status(code) => {
                write!(f, "服务器未能提供语料文件 {CORPUS_URL}（HTTP {code}）")
            }
            LoadError::Decode(why) => write!(f, "语料文件 {CORPUS_URL} 无法读取（{why}）"),
            LoadError::TooLarge(docs, bytes) => write!(
                f,
                "语料共 {docs} 篇文章，索引约 {} MB，超出浏览器能载入的范围；请用 jjj 命令行，或把语料分成较小的几份",
                bytes / 1_000_000
            ),
        }
    }
}

/// Downloads one chunk of a split corpus (its path is relative to the
/// index, which is beside the page) and checks that it holds the documents
/// `ids` in that order.
pub async fn fetch_chunk(chunk: &Chunk, ids: &[String]) -> Result<Vec<Document>, LoadError> {
    let bytes = fetch_bytes(&chunk.file).await?;
    let bundle = decode_bundle(&bytes).map_err(|e| LoadError::Decode(e.to_string()))?;
    let same = bundle.documents.len() == ids.len()
        && bundle.documents.iter().zip(ids).all(|(d, id)| &d.id == id);
    if !same || bundle.parts.is_some() {
        return Err(LoadError::Decode(format!(
            "{} 与语料索引不符（可能来自另一次构建）",
            chunk.file
        )));
    }
    Ok(bundle.documents)
}

/// Downloads and decodes the bundle at `url`.
pub async fn fetch_corpus(url: &str) -> Result<Bundle, LoadError> {
    let bytes = fetch_bytes(url).await?;
    decode_bundle(&bytes).map_err(|e| LoadError::Decode(e.to_string()))
}

/// Downloads the index of the split corpus whose head is `head` (its pieces
/// are relative to the head, which is beside the page), lean: each piece is
/// indexed as it comes and keeps only what its query index does not hold
/// (`jjj_core::corpus::lean`), so that the app never holds every summary.
/// Every piece is requested at once; they are inflated, decoded and
/// indexed one at a time, in a task each, so that the page answers between
/// them and the largest buffer is one piece's.
pub async fn fetch_lean_index(head: &Bundle) -> Result<(Bundle, Index), LoadError> {
    let mut lean = jjj_core::corpus::lean::LeanIndex::for_head(head);
    for_each_piece(
        head,
        |h| &h.lean,
        LEAN_LIMIT,
        |bytes| {
            let (docs, index) = jjj_core::corpus::lean::decode_piece(bytes)?;
            lean.add_lean(docs, index);
            Ok(())
        },
    )
    .await?;
    next_task().await;
    let (docs, mut join) = lean
        .joining(head)
        .map_err(|e| LoadError::Decode(e.to_string()))?;
    // A column at a time, in a task each.
    while !join.step() {
        next_task().await;
    }
    next_task().await;
    Ok((docs, join.finish()))
}

/// The same index with its whole summaries: what the tables, the exports
/// and imports read (they list every flow and figure, or index anew).
pub async fn fetch_index(head: &Bundle) -> Result<Bundle, LoadError> {
    let mut pieces = Vec::new();
    for_each_piece(
        head,
        |h| &h.index,
        INDEX_LIMIT,
        |bytes| {
            pieces.push(decode_bundle(bytes)?);
            Ok(())
        },
    )
    .await?;
    jjj_core::corpus::chunks::join_index(head, pieces).map_err(|e| LoadError::Decode(e.to_string()))
}

/// Fetches the pieces of the index of the split corpus whose head is
/// `head`, those `list` names (whole or lean), and hands each to `take`,
/// inflated, in order; refuses them when they are more than `limit`
/// bytes, uncompressed.
async fn for_each_piece(
    head: &Bundle,
    list: fn(&Head) -> &Vec<Chunk>,
    limit: u64,
    mut take: impl FnMut(&[u8]) -> Result<(), jjj_core::Error>,
) -> Result<(), LoadError> {
    let Some(h) = head.parts.as_ref().and_then(|p| p.head.as_ref()) else {
        return Ok(());
    };
    let pieces = list(h);
    let bytes = pieces.iter().fold(0u64, |a, c| a.saturating_add(c.bytes));
    if bytes > limit {
        return Err(LoadError::TooLarge(h.documents, bytes));
    }
    // A damaged or hostile head must not make the page ask for more than
    // a tab could hold anyway.
    let most = (h.documents as usize).div_ceil(jjj_core::corpus::chunks::INDEX_PIECE);
    if pieces.len() > most.max(1) {
        return Err(LoadError::Decode(format!(
            "{CORPUS_URL}: lists {} pieces of the index for {} documents",
            pieces.len(),
            h.documents
        )));
    }
    let files: Vec<String> = pieces.iter().map(|c| c.file.clone()).collect();
    let window = web_sys::window().ok_or_else(|| LoadError::Network("没有浏览器窗口".into()))?;
    // A few pieces are requested ahead of the one being read (they come in
    // the order asked for), not all at once: what a visitor asks for
    // meanwhile (a filter's view, a chunk to read) must not wait behind
    // tens of megabytes of index.
    let mut requests = std::collections::VecDeque::new();
    let mut asked = 0;
    for file in &files {
        while asked < files.len() && requests.len() < IN_FLIGHT {
            requests.push_back(window.fetch_with_str(&files[asked]));
            asked += 1;
        }
        let Some(request) = requests.pop_front() else {
            break;
        };
        let raw = response_bytes(request).await.map_err(|e| match e {
            LoadError::Status(code) => LoadError::Network(format!("{file}: HTTP {code}")),
            LoadError::Network(why) => LoadError::Network(format!("{file}: {why}")),
            other => other,
        })?;
        let bytes = inflate(file, raw).await?;
        next_task().await;
        take(&bytes).map_err(|e| LoadError::Decode(format!("{file}: {e}")))?;
        drop(bytes);
        next_task().await;
    }
    Ok(())
}

/// How many pieces of the index are requested at a time.
const IN_FLIGHT: usize = 3;

/// The most a single filter's view may take, uncompressed (they take tens
/// of kilobytes; a damaged or hostile head must not make the app fetch more).
const VIEW_LIMIT: u64 = 20_000_000;

/// Downloads the precomputed view `at` of a split corpus (its path is
/// relative to the head, which is beside the page), checked to be the
/// view of the query the head lists it for.
pub async fn fetch_view(at: &ViewRef) -> Result<FirstScreen, LoadError> {
    if at.bytes > VIEW_LIMIT {
        return Err(LoadError::Decode(format!(
            "{}: a view of {} bytes, more than a view takes",
            at.file, at.bytes
        )));
    }
    let bytes = fetch_bytes(&at.file).await?;
    jjj_core::corpus::views::decode(&bytes, &at.query)
        .map(|v| v.screen)
        .map_err(|e| LoadError::Decode(format!("{}: {e}", at.file)))
}

/// Resolves in a new task (a `setTimeout` of 0), so the page can draw and
/// answer in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The request for the corpus that `public/boot.js` started with the page,
/// taken once.
fn started_by_boot(url: &str) -> Option<js_sys::Promise> {
    if url != CORPUS_URL {
        return None;
    }
    let global = js_sys::global();
    let key = JsValue::from_str("jjjCorpus");
    let p = js_sys::Reflect::get(&global, &key).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(&global, &key);
    Some(p)
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/js/gunzip.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = gunzipInto)]
    async fn gunzip_into(
        compressed: &js_sys::Uint8Array,
        memory: &JsValue,
        ptr: u32,
        size: u32,
    ) -> Result<JsValue, JsValue>;
}

/// The file at `url`, inflated when it is gzip-compressed (a split corpus's
/// files are, see `jjj_core::gzip`): straight into the wasm memory, with the
/// browser's DecompressionStream.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let raw = fetch_raw(url).await?;
    inflate(url, raw).await
}

/// `raw` (the file at `url`) itself, or inflated when it is gzip-compressed.
async fn inflate(url: &str, raw: js_sys::Uint8Array) -> Result<Vec<u8>, LoadError> {
    let n = raw.length();
    let gzip = n >= 18 && [raw.get_index(0), raw.get_index(1)] == jjj_core::gzip::MAGIC;
    if !gzip {
        return Ok(raw.to_vec());
    }
    // The trailer's last four bytes: the inflated size (modulo 4 GiB).
    let size = (0..4).fold(0u32, |acc, k| {
        acc | u32::from(raw.get_index(n - 4 + k)) << (8 * k)
    });
    // A browser tab cannot hold more; a damaged or hostile trailer must not
    // make the app try.
    if size > 1 << 31 {
        return Err(LoadError::Decode(format!(
            "{url}: the file says it inflates to {size} bytes, more than the app can hold"
        )));
    }
    let mut out = vec![0u8; size as usize];
    let written = gunzip_into(&raw, &wasm_bindgen::memory(), out.as_mut_ptr() as u32, size)
        .await
        .map_err(|e| match network_error(e) {
            LoadError::Network(why) => LoadError::Decode(format!("{url}: {why}")),
            other => other,
        })?;
    if written.as_f64() != Some(f64::from(size)) {
        return Err(LoadError::Decode(format!(
            "{url}: the file inflates to another size than it states"
        )));
    }
    Ok(out)
}

async fn fetch_raw(url: &str) -> Result<js_sys::Uint8Array, LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Network("没有浏览器窗口".into()))?;
    let request = started_by_boot(url).unwrap_or_else(|| window.fetch_with_str(url));
    response_bytes(request).await
}

/// The body of the response `request` resolves to.
async fn response_bytes(request: js_sys::Promise) -> Result<js_sys::Uint8Array, LoadError> {
    let response = JsFuture::from(request).await.map_err(network_error)?;
    let response: web_sys::Response = response.dyn_into().map_err(network_error)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(network_error)?)
        .await
        .map_err(network_error)?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

fn network_error(value: JsValue) -> LoadError {
    let text = match value.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    };
    LoadError::Network(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_too_large_says_what_still_works() {
        let msg = LoadError::TooLarge(1_000_000, 3_190_000_000).to_string();
        assert!(
            msg.contains("1000000 篇") && msg.contains("3190 MB") && msg.contains("jjj 命令行"),
            "{msg}"
        );
    }

    #[test]
    fn load_errors_read_as_chinese_sentences_naming_the_file() {
        let msg = LoadError::Status(404).to_string();
        assert_eq!(msg, "服务器未能提供语料文件 corpus.jjj（HTTP 404）");
        let msg = LoadError::Decode("wrong magic bytes".into()).to_string();
        assert!(msg.contains("corpus.jjj") && msg.contains("wrong magic bytes"));
    }
}
