//! Normalization of any text: positions map inside both texts, and
//! normalizing twice changes nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let n = jjj_core::text::normalize::normalize(s);
    let (ol, nl) = (s.chars().count() as u32, n.text.chars().count() as u32);
    for p in 0..=nl {
        assert!(n.map.to_original(p) <= ol);
    }
    for p in 0..=ol {
        assert!(n.map.to_normalized(p) <= nl);
    }
    assert_eq!(jjj_core::text::normalize::normalize(&n.text).text, n.text);
});
