//! The plain C interface both WebAssembly probes share (`wasm_probe.rs`,
//! `bench_probe.rs`): JavaScript asks for a buffer, writes its bytes, and
//! gets results back as `ptr << 32 | len`, freeing both when done. Their
//! heap grows like the app's (`jjj_heap`).

#[global_allocator]
static ALLOC: jjj_heap::Growing = jjj_heap::Growing;

#[no_mangle]
pub extern "C" fn probe_alloc(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len.max(1));
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// # Safety
/// `ptr` and `len` must come from `probe_alloc` or from a result of [`give`].
#[no_mangle]
pub unsafe extern "C" fn probe_free(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len.max(1)));
}

/// Hands `bytes` to the caller as `ptr << 32 | len` (it frees them with `probe_free`).
pub fn give(mut bytes: Vec<u8>) -> u64 {
    bytes.shrink_to_fit();
    let (p, n) = (bytes.as_mut_ptr(), bytes.len());
    std::mem::forget(bytes);
    ((p as u64) << 32) | n as u64
}
