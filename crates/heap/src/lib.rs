//! The memory allocator of the WebAssembly builds (the app, its worker and
//! the benchmark probes register it with `#[global_allocator]`).
//!
//! Rust's wasm32 allocator (dlmalloc) grows the memory one 64 KB page at a
//! time, as it needs it, and in V8 every `memory.grow` costs a garbage
//! collection of the page, so decoding a large corpus index spent most of
//! its time in the allocator and the collector (BENCHMARKS.md has the
//! profile). [`Growing`] is the same allocator, except that whenever the
//! memory has just grown it grows it once more by as much as there already
//! is (up to `MAX_AHEAD` at a time, and not past half the 32-bit address
//! space), so the heap doubles instead of creeping. The extra block is
//! given back to the allocator at once and serves what follows; pages
//! nobody writes are never made resident. Natively it is the system
//! allocator and nothing else.

use std::alloc::{GlobalAlloc, Layout, System};

/// See the module documentation.
pub struct Growing;

/// The most the heap grows ahead in one step.
const MAX_AHEAD: usize = 256 << 20;

#[cfg(target_arch = "wasm32")]
fn pages() -> usize {
    core::arch::wasm32::memory_size(0)
}

#[cfg(not(target_arch = "wasm32"))]
fn pages() -> usize {
    0
}

/// Past this size the heap grows only as needed again (wasm32 memories stop
/// at 4 GB, and browsers may refuse earlier: no allocation should fail for
/// want of room taken ahead).
const AHEAD_UNTIL: usize = 2 << 30;

/// Called right after the memory grew: grow it as much again.
unsafe fn ahead() {
    // In 64 KB pages, so that nothing overflows at the 4 GB limit.
    let have = pages().min(AHEAD_UNTIL >> 16);
    let size = (have << 16).min(MAX_AHEAD).min(AHEAD_UNTIL - (have << 16));
    if size == 0 {
        return;
    }
    // dlmalloc's own alignment on wasm32 (a larger one takes its slow path).
    let Ok(block) = Layout::from_size_align(size, 8) else {
        return;
    };
    // SAFETY: a non-zero size; the block is freed with the same layout.
    unsafe {
        let p = System.alloc(block);
        if !p.is_null() {
            System.dealloc(p, block);
        }
    }
}

// SAFETY: every call is passed to `System` unchanged; `ahead` only
// allocates and frees a block of its own.
unsafe impl GlobalAlloc for Growing {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let before = pages();
        let p = unsafe { System.alloc(layout) };
        if pages() != before {
            unsafe { ahead() };
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let before = pages();
        let p = unsafe { System.alloc_zeroed(layout) };
        if pages() != before {
            unsafe { ahead() };
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let before = pages();
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if pages() != before {
            unsafe { ahead() };
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_allocations_through() {
        let a = Growing;
        let l = Layout::from_size_align(1000, 8).unwrap();
        unsafe {
            let p = a.alloc_zeroed(l);
            assert!(!p.is_null());
            assert!(std::slice::from_raw_parts(p, 1000).iter().all(|&b| b == 0));
            p.write_bytes(7, 1000);
            let q = a.realloc(p, l, 5000);
            assert!(!q.is_null());
            assert!(std::slice::from_raw_parts(q, 1000).iter().all(|&b| b == 7));
            a.dealloc(q, Layout::from_size_align(5000, 8).unwrap());
        }
    }
}
