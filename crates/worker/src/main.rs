//! The explorer's Web Worker. The segmenter's dictionary takes a few hundred
//! milliseconds to load and analysing a long page takes longer: here, off
//! the page's thread, so the page never freezes.
//!
//! Messages (plain objects):
//! - in: `{type: "analyze", id, name, bytes: Uint8Array}`
//! - out: `{type: "ready", ms}` once the dictionary is loaded;
//!   `{type: "done", id, doc: Uint8Array}` (a document in the data contract's
//!   encoding, [`jjj_core::model::encode_document`]) or `{type: "failed", id,
//!   error}` with a sentence a person can act on.

use js_sys::{Object, Reflect, Uint8Array};

/// The heap grows in large steps (see `jjj_heap`).
#[global_allocator]
static ALLOC: jjj_heap::Growing = jjj_heap::Growing;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    console_error_panic_hook::set_once();
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return; // Not in a worker (a native build, or loaded by mistake).
    };
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = handle(&event.data());
        let _ = reply_scope.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Load the dictionary now, so the first import does not wait for it.
    let started = now(&scope);
    jjj_core::extract::segment::warm_up();
    let ready = object(&[
        ("type", JsValue::from_str("ready")),
        ("ms", JsValue::from_f64(now(&scope) - started)),
    ]);
    let _ = scope.post_message(&ready);
}

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map(|p| p.now()).unwrap_or(0.0)
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn handle(msg: &JsValue) -> JsValue {
    let get = |k: &str| Reflect::get(msg, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let id = get("id");
    if get("type").as_string().as_deref() != Some("analyze") {
        return object(&[
            ("type", "failed".into()),
            ("id", id),
            ("kind", "other".into()),
            ("error", "unknown request".into()),
        ]);
    }
    let name = get("name").as_string();
    let bytes = get("bytes");
    let Some(bytes) = bytes.dyn_ref::<Uint8Array>() else {
        return object(&[
            ("type", "failed".into()),
            ("id", id),
            ("kind", "empty".into()),
            ("error", "no file content".into()),
        ]);
    };
    let bytes = bytes.to_vec();
    match jjj_core::process_and_analyze(&bytes, name.as_deref()) {
        Ok(doc) => match jjj_core::model::encode_document(&doc) {
            Ok(encoded) => {
                let out = Uint8Array::from(encoded.as_slice());
                object(&[("type", "done".into()), ("id", id), ("doc", out.into())])
            }
            Err(e) => failed(id, &e),
        },
        Err(e) => failed(id, &e),
    }
}

/// A failure, with a kind the page words in its own language.
fn failed(id: JsValue, e: &jjj_core::Error) -> JsValue {
    use jjj_core::Error;
    let kind = match e {
        Error::Empty => "empty",
        Error::Binary { .. } => "binary",
        Error::Undecodable { .. } => "undecodable",
        Error::NoArticle { .. } => "no-article",
        _ => "other",
    };
    object(&[
        ("type", "failed".into()),
        ("id", id),
        ("kind", kind.into()),
        ("error", e.to_string().into()),
    ])
}
