//! The messages between the app and its Web Worker, defined once for both.
//!
//! The page sends [`ToWorker`]; the worker answers with [`FromWorker`]: once
//! [`FromWorker::Ready`] when its dictionary is loaded, then one
//! [`FromWorker::Done`] or [`FromWorker::Failed`] per request, with the
//! request's id. Why a page was refused crosses as a [`FailureKind`], which
//! the page words in its own language.
//!
//! Each message crosses `postMessage` as the bytes of [`encode`] in a
//! `Uint8Array` whose buffer is transferred, not copied, and is read back
//! with [`decode`]: one binary encoding (postcard, as the corpus bundle)
//! instead of a JS object built on one side and taken apart field by field
//! on the other. The analysed document inside [`FromWorker::Done`] stays in
//! its own encoding, [`crate::model::encode_document`], so that its
//! damage checks ([`crate::model::decode_document`]) run on the page. The
//! app and the worker come from the same build; a message that does not
//! decode is an error, never a panic.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// From the page to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Clean and analyse one page. `id` is the page's number for this
    /// request (the reply carries it); `name` is the file name.
    Analyze {
        id: u32,
        name: String,
        #[serde(with = "byte_string")]
        bytes: Vec<u8>,
    },
}

/// From the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The segmenter's dictionary is loaded, in `ms` milliseconds.
    Ready { ms: f64 },
    /// The analysed document, in [`crate::model::encode_document`]'s encoding.
    Done {
        id: u32,
        #[serde(with = "byte_string")]
        doc: Vec<u8>,
    },
    /// The page was refused. `id` is `None` when the request itself could not
    /// be read; `detail` is the error in English, for the curious.
    Failed {
        id: Option<u32>,
        kind: FailureKind,
        detail: String,
    },
}

/// Why an import failed. The first four come from the pipeline's
/// [`Error`]s (see [`FailureKind::of`]); the others are seen by the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FailureKind {
    /// [`Error::Empty`].
    Empty,
    /// [`Error::Binary`].
    Binary,
    /// [`Error::Undecodable`].
    Undecodable,
    /// [`Error::NoArticle`].
    NoArticle,
    /// The file is over the page's size limit; it was not read.
    TooBig,
    /// The browser could not read the file.
    Read,
    /// The worker died (or never started) while it held the page.
    Crash,
    /// Anything else: a damaged document or message, a data file error.
    Other,
}

impl FailureKind {
    /// The kind the page shows for a pipeline error.
    pub fn of(e: &Error) -> FailureKind {
        match e {
            Error::Empty => FailureKind::Empty,
            Error::Binary { .. } => FailureKind::Binary,
            Error::Undecodable { .. } => FailureKind::Undecodable,
            Error::NoArticle { .. } => FailureKind::NoArticle,
            Error::Data { .. } | Error::Bundle { .. } => FailureKind::Other,
        }
    }
}

impl FromWorker {
    /// The reply for a pipeline error.
    pub fn failed(id: Option<u32>, e: &Error) -> FromWorker {
        FromWorker::Failed {
            id,
            kind: FailureKind::of(e),
            detail: e.to_string(),
        }
    }
}

/// A message that crosses between the page and the worker: [`ToWorker`]
/// or [`FromWorker`].
pub trait Message: Serialize + DeserializeOwned {}
impl Message for ToWorker {}
impl Message for FromWorker {}

/// A message's bytes, to send in a `Uint8Array`. postcard cannot fail on
/// these types (no maps, every length known); if it ever did, the empty
/// result is refused by [`decode`] on the other side.
pub fn encode<M: Message>(msg: &M) -> Vec<u8> {
    postcard::to_allocvec(msg).unwrap_or_default()
}

/// Reads [`encode`]'s output. Damaged, truncated or padded bytes are an
/// error, never a panic.
pub fn decode<M: Message>(bytes: &[u8]) -> Result<M, Error> {
    let bad = |reason: String| Error::Bundle {
        reason: format!("unreadable worker message: {reason}"),
    };
    match postcard::take_from_bytes(bytes) {
        Ok((msg, [])) => Ok(msg),
        Ok((_, rest)) => Err(bad(format!("{} bytes left over", rest.len()))),
        Err(e) => Err(bad(e.to_string())),
    }
}

/// A `Vec<u8>` as one byte string: postcard writes the same bytes as for a
/// sequence of `u8`, but copies them at once instead of one by one.
mod byte_string {
    use serde::{de, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct Bytes;
        impl de::Visitor<'_> for Bytes {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
        }
        d.deserialize_byte_buf(Bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<M: Message + PartialEq + std::fmt::Debug>(msg: M) {
        let bytes = encode(&msg);
        assert_eq!(decode::<M>(&bytes).unwrap(), msg);
    }

    #[test]
    fn every_message_round_trips() {
        round_trip(ToWorker::Analyze {
            id: 7,
            name: "页面.html".into(),
            bytes: vec![0, 1, 0xff, b'a'],
        });
        round_trip(FromWorker::Ready { ms: 312.5 });
        round_trip(FromWorker::Done {
            id: u32::MAX,
            doc: vec![9; 300],
        });
        for kind in [
            FailureKind::Empty,
            FailureKind::Binary,
            FailureKind::Undecodable,
            FailureKind::NoArticle,
            FailureKind::TooBig,
            FailureKind::Read,
            FailureKind::Crash,
            FailureKind::Other,
        ] {
            round_trip(FromWorker::Failed {
                id: Some(3),
                kind,
                detail: "why".into(),
            });
        }
        round_trip(FromWorker::Failed {
            id: None,
            kind: FailureKind::Other,
            detail: String::new(),
        });
    }

    #[test]
    fn bytes_are_written_as_a_sequence_of_u8_would_be() {
        let bytes: Vec<u8> = (0..=255).collect();
        let msg = ToWorker::Analyze {
            id: 1,
            name: "a".into(),
            bytes: bytes.clone(),
        };
        let plain = postcard::to_allocvec(&(0u8, 1u32, "a", &bytes)).unwrap();
        assert_eq!(encode(&msg), plain);
    }

    #[test]
    fn a_document_crosses_in_done() {
        let page = "北京引进高精尖产业\n日期:2021-05-29 来源:北京青年报\n\
                    本市今年将继续推动一般制造业企业的疏解提质,并注重对腾退空间的盘活利用。";
        let doc = crate::process_page(page.as_bytes(), Some("a.txt")).unwrap();
        let msg = FromWorker::Done {
            id: 1,
            doc: crate::model::encode_document(&doc).unwrap(),
        };
        let Ok(FromWorker::Done { doc: bytes, .. }) = decode(&encode(&msg)) else {
            panic!("not a Done");
        };
        assert_eq!(crate::model::decode_document(&bytes).unwrap(), doc);
    }

    #[test]
    fn damaged_messages_are_errors() {
        let good = encode(&ToWorker::Analyze {
            id: 1,
            name: "a.txt".into(),
            bytes: b"text".to_vec(),
        });
        assert!(decode::<ToWorker>(&[]).is_err());
        for cut in 0..good.len() {
            assert!(decode::<ToWorker>(&good[..cut]).is_err(), "cut at {cut}");
        }
        let mut padded = good.clone();
        padded.push(0);
        assert!(decode::<ToWorker>(&padded).is_err());
        // An unknown variant, and an unknown failure kind.
        assert!(decode::<FromWorker>(&[9]).is_err());
        assert!(decode::<FromWorker>(&[2, 0, 99, 0]).is_err());
        // Anything at all: an error or a message, never a panic.
        for b in 0..=255u8 {
            let _ = decode::<FromWorker>(&[b, b, b, b]);
            let _ = decode::<ToWorker>(&[0, b, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        }
    }

    #[test]
    fn every_error_has_its_kind() {
        let cases = [
            (Error::Empty, FailureKind::Empty),
            (Error::Binary { what: "PNG".into() }, FailureKind::Binary),
            (
                Error::Undecodable { reason: "x".into() },
                FailureKind::Undecodable,
            ),
            (
                Error::NoArticle {
                    detail: String::new(),
                },
                FailureKind::NoArticle,
            ),
            (
                Error::Data {
                    file: "places.tsv",
                    line: 3,
                    reason: "x".into(),
                },
                FailureKind::Other,
            ),
            (Error::Bundle { reason: "x".into() }, FailureKind::Other),
        ];
        for (e, kind) in cases {
            assert_eq!(FailureKind::of(&e), kind, "{e:?}");
            assert_eq!(
                FromWorker::failed(Some(4), &e),
                FromWorker::Failed {
                    id: Some(4),
                    kind,
                    detail: e.to_string(),
                }
            );
        }
    }
}
