//! Segmentation and extraction on any text: spans inside the text, tokens
//! covering it, no flow from a place to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let d = jjj_core::extract::analyze::document_from_text(s);
    let n = d.body_simplified.chars().count() as u32;
    assert_eq!(d.tokens.iter().map(|&l| u32::from(l)).sum::<u32>(), n);
    for m in &d.mentions {
        assert!(m.span.start < m.span.end && m.span.end <= n);
    }
    for f in &d.figures {
        assert!(f.span.end <= n && f.value.is_finite());
    }
    for f in &d.flows {
        assert!(f.from != f.to && f.evidence.span.end <= n);
    }
});
