//! The benchmarks' WebAssembly module (plain C interface, no JavaScript
//! glue): `bench/browser.mjs` runs it in headless Chromium beside
//! `jieba-wasm`, `bench/query.mjs` beside FlexSearch and MiniSearch. Build:
//! `cargo build -p jjj-core --example bench_probe --target wasm32-unknown-unknown --profile wasm-release`.
//!
//! Exports: `probe_alloc(len) -> ptr`, `probe_free(ptr, len)` (`common/ffi.rs`); `plain_init()`,
//! `plain_cut(ptr, len) -> u64` (`ptr << 32 | len` of the tokens joined by
//! U+0001), `plain_count(ptr, len) -> u32`; `ours_init()`,
//! `ours_count(ptr, len) -> u32`; `load(ptr, len) -> u32` (documents, 0 on
//! error) and `query(ptr, len) -> u32` (see `bench/shared.rs`); a split
//! corpus loaded lean, as the app loads it: `lean_piece(ptr, len) -> u32`
//! for each piece of its index in order (lean or whole), then `lean_head(ptr, len) -> u32`
//! with its head (documents, 0 on error), after which `query` reads it.

use std::cell::RefCell;

#[path = "common/ffi.rs"]
mod ffi;
#[path = "bench/shared.rs"]
mod shared;

thread_local! {
    static LOADED: RefCell<Option<shared::Loaded>> = const { RefCell::new(None) };
    static LEAN: RefCell<jjj_core::corpus::lean::LeanIndex> = RefCell::new(Default::default());
}

/// # Safety
/// See [`text`] (any bytes).
#[no_mangle]
pub unsafe extern "C" fn lean_piece(ptr: *const u8, len: usize) -> u32 {
    let bytes = std::slice::from_raw_parts(ptr, len);
    // A lean piece (what the app loads), or a whole one, indexed here.
    if let Ok((docs, index)) = jjj_core::corpus::lean::decode_piece(bytes) {
        let n = docs.len() as u32;
        LEAN.with(|l| l.borrow_mut().add_lean(docs, index));
        return n;
    }
    match jjj_core::decode_bundle(bytes) {
        Ok(piece) => {
            let n = piece.documents.len() as u32;
            LEAN.with(|l| l.borrow_mut().add(piece));
            n
        }
        Err(_) => 0,
    }
}

/// # Safety
/// See [`text`] (any bytes).
#[no_mangle]
pub unsafe extern "C" fn lean_head(ptr: *const u8, len: usize) -> u32 {
    let bytes = std::slice::from_raw_parts(ptr, len);
    let lean = LEAN.with(|l| std::mem::take(&mut *l.borrow_mut()));
    let Ok(head) = jjj_core::decode_bundle(bytes) else {
        return 0;
    };
    match lean.finish(&head) {
        Ok((docs, index)) => {
            let n = docs.documents.len() as u32;
            let l = shared::Loaded {
                docs: docs.documents,
                index,
            };
            LOADED.with(|c| *c.borrow_mut() = Some(l));
            n
        }
        Err(_) => 0,
    }
}

/// # Safety
/// `ptr` must point to `len` bytes the caller wrote into a buffer from `probe_alloc(len)`.
unsafe fn text<'a>(ptr: *const u8, len: usize) -> &'a str {
    std::str::from_utf8(std::slice::from_raw_parts(ptr, len)).unwrap_or("")
}

#[no_mangle]
pub extern "C" fn plain_init() {
    shared::plain_init();
}

/// # Safety
/// See [`text`].
#[no_mangle]
pub unsafe extern "C" fn plain_cut(ptr: *const u8, len: usize) -> u64 {
    ffi::give(shared::plain_cut(text(ptr, len)).join("\u{1}").into_bytes())
}

/// # Safety
/// See [`text`].
#[no_mangle]
pub unsafe extern "C" fn plain_count(ptr: *const u8, len: usize) -> u32 {
    shared::plain_cut(text(ptr, len)).len() as u32
}

#[no_mangle]
pub extern "C" fn ours_init() {
    shared::ours_init();
}

/// # Safety
/// See [`text`].
#[no_mangle]
pub unsafe extern "C" fn ours_count(ptr: *const u8, len: usize) -> u32 {
    shared::ours_count(text(ptr, len)) as u32
}

/// # Safety
/// See [`text`] (any bytes).
#[no_mangle]
pub unsafe extern "C" fn load(ptr: *const u8, len: usize) -> u32 {
    let bytes = std::slice::from_raw_parts(ptr, len);
    match shared::load(bytes) {
        Ok(l) => {
            let n = l.docs.len() as u32;
            LOADED.with(|c| *c.borrow_mut() = Some(l));
            n
        }
        Err(_) => 0,
    }
}

/// # Safety
/// See [`text`].
#[no_mangle]
pub unsafe extern "C" fn query(ptr: *const u8, len: usize) -> u32 {
    let params = text(ptr, len);
    LOADED.with(|c| {
        c.borrow()
            .as_ref()
            .map_or(0, |l| shared::run(l, params) as u32)
    })
}
