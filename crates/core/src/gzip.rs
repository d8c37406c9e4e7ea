//! The files of a split corpus (its index and its chunks) are stored
//! gzip-compressed: a bundle shrinks to a quarter or less, which keeps a
//! large corpus within what static hosting allows. A single bundle (the
//! default corpus) stays uncompressed. [`crate::decode_bundle`] reads both.
//!
//! Writing and, natively, reading need the feature `gzip` (the `jjj`
//! command). The app is built without it: it inflates in the browser, with
//! `DecompressionStream`, before it decodes.

use crate::error::Error;

/// The first bytes of every gzip member (RFC 1952).
pub const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// True when `bytes` start as a gzip file does (no bundle does: bundles
/// start with their own magic bytes).
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// `bytes` gzip-compressed (level 6; no name, no time: the same input gives
/// the same file, which the shard and merge test compares byte for byte).
#[cfg(feature = "gzip")]
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::GzBuilder::new().write(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::new(6),
    );
    // Writing into a Vec cannot fail.
    let _ = e.write_all(bytes);
    e.finish().unwrap_or_default()
}

/// The bytes a gzip file holds.
pub fn decompress(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    #[cfg(feature = "gzip")]
    {
        use std::io::Read;
        let mut out = Vec::with_capacity(bytes.len() * 4);
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .map_err(|e| Error::Bundle {
                reason: format!("damaged compressed bundle: {e}"),
            })?;
        Ok(out)
    }
    #[cfg(not(feature = "gzip"))]
    {
        let _ = bytes;
        Err(Error::Bundle {
            reason: "a gzip-compressed bundle: inflate it before decoding".into(),
        })
    }
}

#[cfg(all(test, feature = "gzip"))]
mod tests {
    use super::*;

    #[test]
    fn compressed_bundles_read_as_the_bundle_and_damage_is_refused() {
        let bundle = crate::build_bundle(vec![crate::Document {
            id: "a".into(),
            body: "北京企业迁往沧州。".repeat(50),
            ..crate::Document::default()
        }]);
        let raw = crate::encode_bundle(&bundle).unwrap();
        let packed = compress(&raw);
        assert!(is_gzip(&packed) && !is_gzip(&raw));
        assert!(
            packed.len() * 4 < raw.len(),
            "{} of {}",
            packed.len(),
            raw.len()
        );
        // The same input, the same file.
        assert_eq!(packed, compress(&raw));
        assert_eq!(crate::decode_bundle(&packed).unwrap(), bundle);
        let cut = &packed[..packed.len() / 2];
        assert!(crate::decode_bundle(cut).is_err());
    }
}
