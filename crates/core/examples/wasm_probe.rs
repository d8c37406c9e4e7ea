//! A WebAssembly module with a plain C interface (no JavaScript glue), so
//! that Node can run the same analysis as the native build and compare:
//! `tests/wasm/identical.test.mjs`. Build it with
//! `cargo build -p jjj-core --example wasm_probe --target wasm32-unknown-unknown --profile wasm-release`.
//!
//! Exports: `probe_alloc(len) -> ptr`, `probe_free(ptr, len)`, and
//! `probe_analyze(ptr, len) -> u64`, which reads a raw page (bytes) and
//! returns `ptr << 32 | len` of a JSON object with the document's tokens,
//! regions, industries, flows and figures (or `{"error": …}`).

use serde_json::json;

#[path = "common/ffi.rs"]
mod ffi;

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
    ffi::give(out.to_string().into_bytes())
}
