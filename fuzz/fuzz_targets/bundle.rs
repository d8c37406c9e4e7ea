//! A bundle is input too: a truncated or altered one is an error, never a
//! crash; what decodes re-encodes to the same bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(b) = jjj_core::decode_bundle(data) {
        let again = jjj_core::encode_bundle(&b).unwrap();
        assert_eq!(jjj_core::decode_bundle(&again).unwrap(), b);
    }
    let _ = jjj_core::model::decode_document(data);
});
