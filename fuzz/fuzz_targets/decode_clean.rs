//! Decoding and cleaning any bytes: an error or a document whose warnings
//! point inside its body, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = jjj_core::process_page(data, None) {
        let n = d.body.chars().count() as u32;
        for w in &d.warnings {
            if let Some(s) = w.span {
                assert!(s.start <= s.end && s.end <= n);
            }
        }
        assert_eq!(d.offsets.to_original(d.body_simplified.chars().count() as u32), n);
    }
});
