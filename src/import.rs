//! Importing pages: pasted text or dropped files go to the worker (the same
//! pipeline as the CLI, off the page's thread), join the corpus with an
//! "imported" tag, and are kept in IndexedDB as the raw bytes given, so a
//! reload analyses them again. A bad file gets its reason; the others go on.

use std::collections::{HashMap, VecDeque};

use jjj_core::protocol::{self, FailureKind, FromWorker, ToWorker};
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ctx::{ctx, Ctx};
use crate::i18n::{tr, Lang};

#[wasm_bindgen(module = "/src/js/store.js")]
extern "C" {
    #[wasm_bindgen(js_name = storePut, catch)]
    async fn store_put(id: &str, name: &str, bytes: &Uint8Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = storeAll, catch)]
    async fn store_all() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = storeDelete, catch)]
    async fn store_delete(id: &str) -> Result<JsValue, JsValue>;
}

/// The worker's script (written by trunk beside the page).
const WORKER_URL: &str = "jjj-worker_loader.js";
/// Larger files are refused before they are read.
const MAX_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Analysing,
    /// In the corpus (and saved, unless `saved` says why not).
    Added {
        id: String,
        title: String,
        saved: Option<String>,
    },
    /// The same page is already in the corpus.
    Duplicate {
        title: String,
    },
    Failed {
        kind: FailureKind,
        detail: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub seq: u32,
    /// The document id the page will get (FNV-1a of its bytes), also its
    /// key in storage.
    pub id: String,
    pub name: String,
    pub status: Status,
    /// Restored from storage at start (not a new import).
    pub restored: bool,
}

struct Job {
    id: String,
    name: String,
    /// The page, until it is sent to the worker.
    bytes: Vec<u8>,
    /// A new import (saved before it was analysed), not one restored.
    new: bool,
    /// Why saving it failed, if it did.
    save_error: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Imports {
    pub items: RwSignal<Vec<Item>>,
    /// Milliseconds the worker took to load the dictionary.
    pub ready_ms: RwSignal<Option<f64>>,
    /// A message about the worker itself (it crashed and was restarted).
    pub notice: RwSignal<Option<String>>,
    worker: StoredValue<Option<web_sys::Worker>, LocalStorage>,
    ready: StoredValue<bool>,
    /// Counts workers started, so a late timer knows whose it is.
    generation: StoredValue<u32>,
    queue: StoredValue<VecDeque<u32>>,
    jobs: StoredValue<HashMap<u32, Job>, LocalStorage>,
    next: StoredValue<u32>,
}

pub fn provide() -> Imports {
    let i = Imports {
        items: RwSignal::new(vec![]),
        ready_ms: RwSignal::new(None),
        notice: RwSignal::new(None),
        worker: StoredValue::new_local(None),
        ready: StoredValue::new(false),
        generation: StoredValue::new(0),
        queue: StoredValue::new(VecDeque::new()),
        jobs: StoredValue::new_local(HashMap::new()),
        next: StoredValue::new(1),
    };
    provide_context(i);
    i
}

fn field(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn set_status(im: Imports, seq: u32, status: Status) {
    im.items.update(|v| {
        if let Some(it) = v.iter_mut().find(|i| i.seq == seq) {
            it.status = status;
        }
    });
}

fn start_worker(im: Imports, c: Ctx) {
    if im.worker.with_value(|w| w.is_some()) {
        return;
    }
    let worker = match web_sys::Worker::new(WORKER_URL) {
        Ok(w) => w,
        Err(e) => {
            im.notice.set(Some(format!("{e:?}")));
            return;
        }
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let reply = match ev.data().dyn_into::<Uint8Array>() {
                Ok(bytes) => protocol::decode(&bytes.to_vec()).map_err(|e| e.to_string()),
                Err(_) => Err("a worker message that is not bytes".to_string()),
            };
            match reply {
                Ok(FromWorker::Ready { ms }) => {
                    im.ready_ms.set(Some(ms));
                    im.ready.set_value(true);
                    flush(im);
                }
                Ok(FromWorker::Done { id: seq, doc }) => {
                    let job = im.jobs.try_update_value(|j| j.remove(&seq)).flatten();
                    match jjj_core::model::decode_document(&doc) {
                        Ok(doc) => added(im, c, seq, doc, job),
                        Err(e) => set_status(
                            im,
                            seq,
                            Status::Failed {
                                kind: FailureKind::Other,
                                detail: e.to_string(),
                            },
                        ),
                    }
                }
                Ok(FromWorker::Failed {
                    id: Some(seq),
                    kind,
                    detail,
                }) => {
                    // A new file the pipeline refuses is not kept; one kept
                    // from before stays (a later version may read it).
                    if let Some(job) = im.jobs.try_update_value(|j| j.remove(&seq)).flatten() {
                        if job.new {
                            forget_stored(job.id);
                        }
                    }
                    set_status(im, seq, Status::Failed { kind, detail });
                }
                // The worker could not read a request, or the page cannot
                // read the worker: the two do not understand each other, and
                // what the worker holds would never come back.
                Ok(FromWorker::Failed {
                    id: None, detail, ..
                })
                | Err(detail) => {
                    leptos::logging::error!("{detail}");
                    crashed(im, c);
                }
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A crash (a panic in the analysis, out of memory): the jobs in flight
    // fail with a message, a new worker takes the rest.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        crashed(im, c);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    im.worker.set_value(Some(worker));
    // A worker that never says it is ready (its code failed to load) is a
    // crash too; the dictionary loads in well under a second.
    let generation = im.generation.get_value() + 1;
    im.generation.set_value(generation);
    leptos::prelude::set_timeout(
        move || {
            if im.generation.get_value() == generation
                && !im.ready.get_value()
                && im.worker.with_value(|w| w.is_some())
            {
                crashed(im, c);
            }
        },
        std::time::Duration::from_millis(READY_WITHIN_MS),
    );
}

/// How long a new worker may take to load.
const READY_WITHIN_MS: u64 = 20_000;

/// The worker died: say so, fail what it held (kept in storage), and let the
/// next import start a fresh one.
fn crashed(im: Imports, c: Ctx) {
    let lang = c.lang.get_untracked();
    im.notice.set(Some(
        tr(
            lang,
            "分析程序出错，已自动重新启动；出错的文件已保存，可重新导入。",
            "The analyser crashed and was restarted; the files it held are kept, and can be imported again.",
        )
        .to_string(),
    ));
    let failed: Vec<u32> = im.jobs.with_value(|j| j.keys().copied().collect());
    for seq in failed {
        set_status(
            im,
            seq,
            Status::Failed {
                kind: FailureKind::Crash,
                detail: String::new(),
            },
        );
    }
    im.jobs.update_value(|j| j.clear());
    im.queue.update_value(|q| q.clear());
    im.worker.update_value(|w| {
        if let Some(w) = w.take() {
            w.terminate();
        }
    });
    im.ready.set_value(false);
}

/// Sends queued jobs once the worker has said it is ready.
fn flush(im: Imports) {
    if !im.ready.get_value() {
        return;
    }
    while let Some(seq) = im.queue.try_update_value(|q| q.pop_front()).flatten() {
        let msg = im
            .jobs
            .try_update_value(|j| {
                j.get_mut(&seq).map(|job| ToWorker::Analyze {
                    id: seq,
                    name: job.name.clone(),
                    bytes: std::mem::take(&mut job.bytes),
                })
            })
            .flatten();
        if let Some(msg) = msg {
            set_status(im, seq, Status::Analysing);
            im.worker.with_value(|w| {
                if let Some(w) = w {
                    // The buffer is handed over, not copied.
                    let bytes = Uint8Array::from(protocol::encode(&msg).as_slice());
                    let _ =
                        w.post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
                }
            });
        }
    }
}

/// Queues a page for the worker. A new import is first saved, raw, in one
/// IndexedDB transaction: whatever happens next (a crash, a closed tab), it
/// is there at the next load.
fn submit(im: Imports, c: Ctx, name: String, bytes: Vec<u8>, new: bool) {
    let seq = im.next.get_value();
    im.next.set_value(seq + 1);
    let id = jjj_core::stable_id(&bytes);
    im.items.update(|v| {
        v.push(Item {
            seq,
            id: id.clone(),
            name: name.clone(),
            status: Status::Analysing,
            restored: !new,
        })
    });
    leptos::task::spawn_local(async move {
        let mut save_error = None;
        if new {
            let raw = Uint8Array::from(bytes.as_slice());
            if let Err(e) = store_put(&id, &name, &raw).await {
                save_error = Some(
                    e.dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                        .unwrap_or_else(|| format!("{e:?}")),
                );
            }
        }
        im.jobs.update_value(|j| {
            j.insert(
                seq,
                Job {
                    id,
                    name,
                    bytes,
                    new,
                    save_error,
                },
            );
        });
        im.queue.update_value(|q| q.push_back(seq));
        start_worker(im, c);
        flush(im);
    });
}

fn forget_stored(id: String) {
    leptos::task::spawn_local(async move {
        let _ = store_delete(&id).await;
    });
}

fn added(im: Imports, c: Ctx, seq: u32, doc: jjj_core::Document, job: Option<Job>) {
    // The index is built anew with the import: from whole summaries.
    if c.corpus.with_untracked(crate::ctx::is_lean) {
        return c.when_whole(move |r| match r {
            Ok(()) => added(im, c, seq, doc, job),
            Err(detail) => set_status(
                im,
                seq,
                Status::Failed {
                    kind: FailureKind::Other,
                    detail,
                },
            ),
        });
    }
    let id = doc.id.clone();
    let title = doc.display_title();
    // 0: added; 1: already imported; 2: already in the shipped corpus.
    let mut duplicate = 0;
    c.corpus.update(|corp| {
        if let Some(old) = corp.as_ref() {
            if old.docs.iter().any(|d| d.id == id) {
                duplicate = if old.imported.contains(&id) { 1 } else { 2 };
                return;
            }
            let mut docs = (*old.docs).clone();
            docs.push(doc);
            let mut imported = (*old.imported).clone();
            imported.insert(id.clone());
            *corp = Some(old.with_docs(docs, imported));
        }
    });
    if duplicate != 0 {
        // A copy of a shipped article adds nothing to keep.
        if duplicate == 2 && job.as_ref().is_some_and(|j| j.new) {
            forget_stored(id);
        }
        set_status(im, seq, Status::Duplicate { title });
        return;
    }
    let saved = job.and_then(|j| j.save_error);
    set_status(im, seq, Status::Added { id, title, saved });
}

/// At start: the pages imported before, analysed again.
pub fn restore(c: Ctx, im: Imports) {
    leptos::task::spawn_local(async move {
        let all = match store_all().await {
            Ok(v) => v,
            Err(_) => return, // No storage (private mode): nothing to restore.
        };
        let skipped = field(&all, "skipped").as_f64().unwrap_or(0.0);
        if skipped > 0.0 {
            let l = c.lang.get_untracked();
            im.notice.set(Some(format!(
                "{} {}",
                skipped,
                tr(
                    l,
                    "条已保存的导入记录已损坏，已跳过。",
                    "stored imports were damaged and skipped."
                )
            )));
        }
        let records = field(&all, "records");
        let Some(records) = records.dyn_ref::<js_sys::Array>() else {
            return;
        };
        for r in records.iter() {
            let name = field(&r, "name").as_string().unwrap_or_default();
            let bytes = field(&r, "bytes")
                .dyn_into::<Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default();
            submit(im, c, name, bytes, false);
        }
    });
}

fn remove(c: Ctx, im: Imports, id: String) {
    if c.corpus.with_untracked(crate::ctx::is_lean) {
        return c.when_whole(move |r| match r {
            Ok(()) => remove(c, im, id),
            Err(why) => im.notice.set(Some(why)),
        });
    }
    c.corpus.update(|corp| {
        if let Some(old) = corp.as_ref() {
            let docs: Vec<_> = old.docs.iter().filter(|d| d.id != id).cloned().collect();
            let mut imported = (*old.imported).clone();
            imported.remove(&id);
            *corp = Some(old.with_docs(docs, imported));
        }
    });
    im.items
        .update(|v| v.retain(|i| !matches!(&i.status, Status::Added { id: x, .. } if *x == id)));
    leptos::task::spawn_local(async move {
        let _ = store_delete(&id).await;
    });
}

fn read_files(c: Ctx, im: Imports, files: web_sys::FileList) {
    for k in 0..files.length() {
        let Some(file) = files.get(k) else { continue };
        let name = file.name();
        if file.size() > MAX_BYTES {
            let detail = format!("{:.0} MB", file.size() / 1048576.0);
            refused(im, name, FailureKind::TooBig, detail);
            continue;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => submit(im, c, name, Uint8Array::new(&buf).to_vec(), true),
                Err(e) => refused(im, name, FailureKind::Read, format!("{e:?}")),
            }
        });
    }
}

/// A file that never reached the worker: listed with its reason.
fn refused(im: Imports, name: String, kind: FailureKind, detail: String) {
    let seq = im.next.get_value();
    im.next.set_value(seq + 1);
    im.items.update(|v| {
        v.push(Item {
            seq,
            id: String::new(),
            name,
            status: Status::Failed { kind, detail },
            restored: false,
        })
    });
}

/// A failure in words.
pub fn reason(kind: FailureKind, detail: &str, lang: Lang) -> String {
    let head = match kind {
        FailureKind::Empty => tr(lang, "文件是空的", "The file is empty"),
        FailureKind::Binary => tr(
            lang,
            "这是二进制文件，不是文本或网页",
            "This is a binary file, not text or a web page",
        ),
        FailureKind::Undecodable => tr(
            lang,
            "无法识别文本编码（支持 UTF-8、GBK、Big5）",
            "The text encoding is not recognised (UTF-8, GBK and Big5 are)",
        ),
        FailureKind::NoArticle => tr(
            lang,
            "页面中没有可识别的中文正文",
            "No Chinese article text was found in the page",
        ),
        FailureKind::TooBig => tr(
            lang,
            "文件过大（上限 64 MB）",
            "The file is too large (64 MB at most)",
        ),
        FailureKind::Read => tr(lang, "无法读取文件", "The file could not be read"),
        FailureKind::Crash => tr(lang, "分析时程序出错；文件已保存，下次打开时会再试", "The analyser crashed on this file; it is kept and will be tried again at the next visit"),
        FailureKind::Other => tr(lang, "无法处理", "Could not be processed"),
    };
    if detail.is_empty() {
        head.to_string()
    } else {
        format!("{head}（{detail}）")
    }
}

#[component]
pub fn Import() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let im = expect_context::<Imports>();
    let pasted = RwSignal::new(String::new());
    let paste = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let n = im.items.with_untracked(|v| v.len()) + 1;
        let name = format!(
            "{} {n}",
            tr(lang.get_untracked(), "粘贴的文本", "Pasted text")
        );
        submit(im, c, name, text.into_bytes(), true);
        pasted.set(String::new());
    };
    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            read_files(c, im, files);
        }
        input.set_value("");
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            read_files(c, im, files);
        }
    };
    let rows = move || {
        let l = lang.get();
        im.items
            .get()
            .into_iter()
            .rev()
            .map(|it| {
                let (class, text, action) = match &it.status {
                    Status::Analysing => ("busy", tr(l, "正在分析…", "Analysing…").to_string(), None),
                    Status::Added { id, title, saved } => {
                        let mut t = format!("{}：{title}", tr(l, "已加入", "Added"));
                        if let Some(why) = saved {
                            let why = if why == "quota" { tr(l, "存储空间已满", "storage is full").to_string() } else { why.clone() };
                            t.push_str(&format!("（{}：{why}）", tr(l, "未能保存，刷新后将丢失", "not saved, will be gone after a reload")));
                        }
                        ("ok", t, Some(id.clone()))
                    }
                    Status::Duplicate { title } => ("dup", format!("{}：{title}", tr(l, "语料中已有此文", "Already in the corpus")), None),
                    Status::Failed { kind, detail } => ("bad", reason(*kind, detail, l), None),
                };
                let remove_button = action.map(|id| {
                    view! {
                        <button type="button" class="small" on:click=move |_| remove(c, im, id.clone())>
                            {move || tr(lang.get(), "移除", "Remove")}
                        </button>
                    }
                });
                // A page kept in storage that did not make it into the corpus
                // (a crash, or a later version refusing it) can be let go.
                let kept = matches!(&it.status, Status::Failed { kind, .. } if *kind == FailureKind::Crash || it.restored) && !it.id.is_empty();
                let forget = kept.then(|| {
                    let id = it.id.clone();
                    let seq = it.seq;
                    view! {
                        <button
                            type="button"
                            class="small"
                            on:click=move |_| {
                                forget_stored(id.clone());
                                im.items.update(|v| v.retain(|i| i.seq != seq));
                            }
                        >
                            {move || tr(lang.get(), "不再保存", "Forget")}
                        </button>
                    }
                });
                let open = match &it.status {
                    Status::Added { id, .. } => Some(view! { <a class="small" href=crate::tables::reader_href(id, None)>{tr(l, "阅读", "Read")}</a> }),
                    _ => None,
                };
                let restored = it.restored.then(|| view! { <span class="tag">{tr(l, "已保存", "saved")}</span> });
                view! {
                    <li class=format!("import-item {class}")>
                        <span class="import-name">{it.name.clone()}</span>
                        {restored}
                        <span class="import-status" role="status">{text}</span>
                        {open}
                        {remove_button}
                        {forget}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="import">
            <h2>{move || tr(lang.get(), "导入文章", "Import articles")}</h2>
            <p class="note">
                {move || tr(
                    lang.get(),
                    "粘贴文本或拖入 .txt / .html 文件（UTF-8、GBK、Big5 均可）。文件在本机浏览器内分析，不会上传；导入的文章保存在本浏览器中，可随时移除。",
                    "Paste text or drop .txt / .html files (UTF-8, GBK or Big5). Files are analysed in this browser and never uploaded; imported articles are kept in this browser until you remove them.",
                )}
            </p>
            <div
                class="dropzone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label class="file-label">
                    {move || tr(lang.get(), "选择文件（可多选），或拖到此处", "Choose files (several at once), or drop them here")}
                    <input type="file" name="files" multiple accept=".txt,.text,.html,.htm,.xhtml,text/plain,text/html" on:change=on_files />
                </label>
            </div>
            <label class="paste">
                <span>{move || tr(lang.get(), "或粘贴文本", "Or paste text")}</span>
                <textarea name="paste" rows="6" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </label>
            <button type="button" on:click=paste>{move || tr(lang.get(), "分析粘贴的文本", "Analyse the pasted text")}</button>
            {move || im.notice.get().map(|n| view! { <p class="error" role="alert">{n}</p> })}
            {move || im.ready_ms.get().map(|ms| view! {
                <p class="note">{format!("{}{ms:.0} ms", tr(lang.get(), "分词词典已就绪，加载用时 ", "Segmentation dictionary ready, loaded in "))}</p>
            })}
            <ul class="import-list">{rows}</ul>
        </section>
    }
}
