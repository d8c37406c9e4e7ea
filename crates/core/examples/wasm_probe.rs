//! A WebAssembly module with a plain C interface (no JavaScript glue), so
//! that Node can run the same analysis as the native build and compare:
//! `tests/wasm/identical.test.mjs`. Build it with
//! `cargo build -p jjj-core --example wasm_probe --target wasm32-unknown-unknown --release`.
//!
//! Exports: `probe_alloc(len) -> ptr`, `probe_free(ptr, len)`, and
//! `probe_analyze(ptr, len) -> u64`, which reads a raw page (bytes) and
//! returns `ptr << 32 | len` of a JSON object with the document's tokens,
//! regions, industries, flows and figures (or `{"error": …}`).

use serde_json::json;

#[no_mangle]
pub extern "C" fn probe_alloc(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len.max(1));
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// # Safety
/// `ptr` and `len` must come from `probe_alloc` or `probe_analyze`.
#[no_mangle]
pub unsafe extern "C" fn probe_free(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len.max(1)));
}

/// # Safety
/// `ptr` must point to `len` bytes written by the caller into a buffer from
/// `probe_alloc(len)`.
#[no_mangle]
pub unsafe extern "C" fn probe_analyze(ptr: *const u8, len: usize) -> u64 {
    let bytes = std::slice::from_raw_parts(ptr, len);
    let out = match jjj_core::process_and_analyze(bytes, None) {
        Ok(d) => json!({
            "tokens": d.tokens,
            "regions": d.regions,
            "industries": d.industries,
            "flows": d.flows,
            "figures": d.figures,
        }),
        Err(e) => json!({ "error": e.to_string() }),
    };
    let mut s = out.to_string().into_bytes();
    s.shrink_to_fit();
    let (p, n) = (s.as_mut_ptr(), s.len());
    std::mem::forget(s);
    ((p as u64) << 32) | n as u64
}
