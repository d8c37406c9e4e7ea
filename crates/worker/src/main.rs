//! The explorer's Web Worker. The segmenter's dictionary takes a few hundred
//! milliseconds to load and analysing a long page takes longer: here, off
//! the page's thread, so the page never freezes.
//!
//! Messages: the types of [`jjj_core::protocol`], each posted as its
//! [`protocol::encode`] bytes in a `Uint8Array` whose buffer is transferred.
//! - in: [`ToWorker::Analyze`], a page's bytes and file name, with an id;
//! - out: [`FromWorker::Ready`] once the dictionary is loaded; then for each
//!   request [`FromWorker::Done`] (the document in the data contract's
//!   encoding, [`jjj_core::model::encode_document`]) or
//!   [`FromWorker::Failed`] with a [`FailureKind`] the page words in its own
//!   language. A request that cannot be read gets a `Failed` without an id.

use jjj_core::protocol::{self, FailureKind, FromWorker, ToWorker};
use js_sys::{Array, Uint8Array};

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
        post(&reply_scope, &handle(&event.data()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Load the dictionary now, so the first import does not wait for it.
    let started = now(&scope);
    jjj_core::extract::segment::warm_up();
    let ms = now(&scope) - started;
    post(&scope, &FromWorker::Ready { ms });
}

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Sends a message to the page, handing over its buffer.
fn post(scope: &DedicatedWorkerGlobalScope, msg: &FromWorker) {
    let bytes = Uint8Array::from(protocol::encode(msg).as_slice());
    let _ = scope.post_message_with_transfer(&bytes, &Array::of1(&bytes.buffer()));
}

fn handle(data: &JsValue) -> FromWorker {
    let Some(bytes) = data.dyn_ref::<Uint8Array>() else {
        return FromWorker::Failed {
            id: None,
            kind: FailureKind::Other,
            detail: "unknown request".into(),
        };
    };
    match protocol::decode::<ToWorker>(&bytes.to_vec()) {
        Ok(ToWorker::Analyze { id, name, bytes }) => {
            match jjj_core::process_and_analyze(&bytes, Some(&name))
                .and_then(|doc| jjj_core::model::encode_document(&doc))
            {
                Ok(doc) => FromWorker::Done { id, doc },
                Err(e) => FromWorker::failed(Some(id), &e),
            }
        }
        Err(e) => FromWorker::failed(None, &e),
    }
}
