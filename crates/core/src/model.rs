//! The data contract: every type the CLI writes and the app reads.
//!
//! This is the only place the corpus format is described. The bundle is
//! `MAGIC` (8 bytes) + format version (u32, little endian) + a postcard
//! encoding of [`Bundle`]. postcard is not self-describing, so any change to
//! these types must bump [`BUNDLE_VERSION`]; an old app then refuses a new
//! bundle with a clear message instead of misreading it.
//!
//! All text positions are **char** offsets (Unicode scalar values), half-open.

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// First bytes of every bundle file.
pub const BUNDLE_MAGIC: &[u8; 8] = b"JJJCORP\0";
/// Version of the bundle layout (bump on any change to the types below).
pub const BUNDLE_VERSION: u32 = 1;

/// A whole corpus, as loaded by the app at start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Version of the pipeline that built it (the `jjj-core` crate version).
    pub pipeline: String,
    pub documents: Vec<Document>,
}

/// One cleaned article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: FNV-1a 64 of the raw bytes, 16 hex digits.
    pub id: String,
    /// File name the page came from, if any.
    pub origin: Option<String>,
    /// Headline; `None` when the page shows none (see [`Document::display_title`]).
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`; `None` when the page does not state a full one.
    pub date: Option<String>,
    /// The outlet (来源, or the agency of a dateline).
    pub source: Option<String>,
    /// Reporter(s), as written.
    pub author: Option<String>,
    /// Editor (责任编辑), as written.
    pub editor: Option<String>,
    pub script: Script,
    /// Encoding the raw bytes were decoded with (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`…).
    pub encoding: String,
    /// The article text as written (certain repairs applied); paragraphs separated by `\n`.
    pub body: String,
    /// The body normalized to simplified Chinese (for analysis and search).
    pub body_simplified: String,
    /// Maps char positions between `body` and `body_simplified`.
    pub offsets: OffsetMap,
    /// Damage that could not be repaired with certainty, and other notes.
    pub warnings: Vec<Warning>,
    /// Analysis fields (filled by the analysis stage; empty until then).
    pub regions: Vec<String>,
    pub industries: Vec<String>,
    pub flows: Vec<Flow>,
    pub figures: Vec<Figure>,
}

impl Document {
    /// The title, or the opening words of the body when the page has no headline.
    pub fn display_title(&self) -> String {
        match &self.title {
            Some(t) => t.clone(),
            None => {
                let first = self.body.lines().next().unwrap_or("");
                let cut: String = first.chars().take(30).collect();
                if cut.chars().count() < first.chars().count() {
                    format!("{cut}…")
                } else {
                    cut
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Simplified,
    Traditional,
    Mixed,
    /// No Chinese characters to judge by.
    Unknown,
}

impl Script {
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
            Script::Unknown => "unknown",
        }
    }
}

/// Something the pipeline noticed and did not (or could not) fix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub kind: WarningKind,
    /// A sentence a person can act on.
    pub message: String,
    /// Where in `body` (char offsets), when it is about a place in the text.
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Characters that look like text decoded with the wrong encoding.
    Mojibake,
    /// U+FFFD in the text.
    ReplacementCharacter,
    /// An ASCII `?` standing where a Chinese character should be.
    QuestionMarkForCharacter,
    /// Bytes that could not be decoded in the detected encoding.
    DecodeErrors,
    /// The page declares one encoding and is written in another.
    EncodingMismatch,
    /// The dateline gives a month and day but no year.
    DateWithoutYear,
    /// The page shows no headline.
    NoTitle,
}

/// A half-open range of char offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// The text this span covers in `s` (char offsets; clamped to `s`).
    pub fn slice(self, s: &str) -> String {
        s.chars()
            .skip(self.start as usize)
            .take(self.end.saturating_sub(self.start) as usize)
            .collect()
    }
}

/// Position map between the original body and the normalized one.
///
/// Only the stretches whose lengths differ are stored; everything between
/// them corresponds char for char.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    /// Sorted, non-overlapping.
    pub segments: Vec<Segment>,
}

/// `orig[orig .. orig+orig_len]` became `norm[norm .. norm+norm_len]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub orig: u32,
    pub orig_len: u32,
    pub norm: u32,
    pub norm_len: u32,
}

impl OffsetMap {
    /// Char position in the normalized text for a char position in the original.
    /// A position inside a rewritten stretch maps to that stretch's start.
    pub fn to_normalized(&self, orig: u32) -> u32 {
        map_pos(&self.segments, orig, |s| {
            (s.orig, s.orig_len, s.norm, s.norm_len)
        })
    }

    /// Char position in the original text for a char position in the normalized one.
    pub fn to_original(&self, norm: u32) -> u32 {
        map_pos(&self.segments, norm, |s| {
            (s.norm, s.norm_len, s.orig, s.orig_len)
        })
    }

    /// Maps a normalized span to the original, widening to whole rewritten stretches.
    pub fn span_to_original(&self, span: Span) -> Span {
        let start = self.to_original(span.start);
        let end = map_end(&self.segments, span.end, |s| {
            (s.norm, s.norm_len, s.orig, s.orig_len)
        });
        Span { start, end }
    }

    /// Maps an original span to the normalized text, widening to whole rewritten stretches.
    pub fn span_to_normalized(&self, span: Span) -> Span {
        let start = self.to_normalized(span.start);
        let end = map_end(&self.segments, span.end, |s| {
            (s.orig, s.orig_len, s.norm, s.norm_len)
        });
        Span { start, end }
    }
}

fn map_pos(segs: &[Segment], pos: u32, key: impl Fn(&Segment) -> (u32, u32, u32, u32)) -> u32 {
    // Last segment starting at or before `pos`.
    let idx = segs.partition_point(|s| key(s).0 <= pos);
    if idx == 0 {
        return pos;
    }
    let (from, from_len, to, to_len) = key(&segs[idx - 1]);
    if pos < from + from_len {
        to
    } else {
        (pos - (from + from_len)) + to + to_len
    }
}

fn map_end(segs: &[Segment], pos: u32, key: impl Fn(&Segment) -> (u32, u32, u32, u32)) -> u32 {
    // An end inside a rewritten stretch extends to the stretch's end.
    let idx = segs.partition_point(|s| key(s).0 < pos);
    if idx == 0 {
        return pos;
    }
    let (from, from_len, to, to_len) = key(&segs[idx - 1]);
    if pos <= from + from_len {
        to + to_len
    } else {
        (pos - (from + from_len)) + to + to_len
    }
}

/// A movement of industry between places (filled by the analysis stage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub industry: Option<String>,
    pub evidence: Evidence,
}

/// A reported number (filled by the analysis stage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: f64,
    pub unit: String,
    pub counts: String,
    pub evidence: Evidence,
}

/// The sentence that supports a finding, with its place in `body_simplified`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    pub span: Span,
}

/// Serializes a bundle: magic, version, postcard payload.
pub fn encode_bundle(bundle: &Bundle) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(1 << 16);
    out.extend_from_slice(BUNDLE_MAGIC);
    out.extend_from_slice(&BUNDLE_VERSION.to_le_bytes());
    let payload = postcard::to_allocvec(bundle).map_err(|e| Error::Bundle {
        reason: format!("cannot encode: {e}"),
    })?;
    out.extend_from_slice(&payload);
    Ok(out)
}

/// Reads a bundle written by [`encode_bundle`]; any damage is an error, never a panic.
pub fn decode_bundle(bytes: &[u8]) -> Result<Bundle, Error> {
    if bytes.len() < 12 || &bytes[..8] != BUNDLE_MAGIC {
        return Err(Error::Bundle {
            reason: "not a JJJ corpus bundle (wrong magic bytes)".into(),
        });
    }
    let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if version != BUNDLE_VERSION {
        return Err(Error::Bundle {
            reason: format!(
                "bundle format version {version}, this build reads version {BUNDLE_VERSION}; rebuild the corpus"
            ),
        });
    }
    let (bundle, rest): (Bundle, &[u8]) =
        postcard::take_from_bytes(&bytes[12..]).map_err(|e| Error::Bundle {
            reason: format!("damaged or truncated bundle: {e}"),
        })?;
    if !rest.is_empty() {
        return Err(Error::Bundle {
            reason: format!("{} unexpected bytes after the bundle", rest.len()),
        });
    }
    Ok(bundle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(orig: u32, orig_len: u32, norm: u32, norm_len: u32) -> Segment {
        Segment {
            orig,
            orig_len,
            norm,
            norm_len,
        }
    }

    #[test]
    fn offset_map_shifts_positions_after_a_shortened_stretch() {
        // "廠房點比特等" -> "厂房点位等": 點比特 (2..5) became 点位 (2..4).
        let map = OffsetMap {
            segments: vec![seg(2, 3, 2, 2)],
        };
        assert_eq!(map.to_normalized(0), 0);
        assert_eq!(map.to_normalized(3), 2);
        assert_eq!(map.to_normalized(5), 4);
        assert_eq!(map.to_original(4), 5);
        assert_eq!(map.to_original(3), 2);
        assert_eq!(
            map.span_to_original(Span { start: 2, end: 4 }),
            Span { start: 2, end: 5 }
        );
        assert_eq!(
            map.span_to_normalized(Span { start: 5, end: 6 }),
            Span { start: 4, end: 5 }
        );
    }

    #[test]
    fn a_truncated_bundle_is_an_error_not_a_panic() {
        let doc = Bundle {
            pipeline: "test".into(),
            documents: vec![],
        };
        let bytes = encode_bundle(&doc).unwrap();
        assert_eq!(decode_bundle(&bytes).unwrap(), doc);
        for cut in 0..bytes.len() {
            assert!(decode_bundle(&bytes[..cut]).is_err());
        }
        let mut wrong_version = bytes.clone();
        wrong_version[8] = 99;
        let err = decode_bundle(&wrong_version).unwrap_err().to_string();
        assert!(err.contains("version 99"), "{err}");
    }
}
