//! The data contract: every type the CLI writes and the app reads.
//!
//! This is the only place the corpus format is described. The bundle is
//! `MAGIC` (8 bytes) + format version (u32, little endian) + a postcard
//! encoding of [`Bundle`]. postcard is not self-describing, so any change to
//! these types must bump [`BUNDLE_VERSION`]; an old app then refuses a new
//! bundle with a clear message instead of misreading it.
//!
//! A large corpus is split (see [`crate::corpus::chunks`]) into three kinds
//! of file, each a bundle:
//! - the *head*, the file the app loads first: no documents, and
//!   [`Parts::head`] set: the unfiltered first screen, precomputed;
//! - the *index*: [`Bundle::parts`] set and the documents *summaries* (no
//!   text, tokens or position maps; see [`Document::is_summary`]);
//! - the *chunks*, each an ordinary bundle of consecutive whole documents.
//!
//! All text positions are **char** offsets (Unicode scalar values), half-open.

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// First bytes of every bundle file.
pub const BUNDLE_MAGIC: &[u8; 8] = b"JJJCORP\0";
/// Version of the bundle layout (bump on any change to the types below).
pub const BUNDLE_VERSION: u32 = 9;

/// A whole corpus, as loaded by the app at start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Version of the pipeline that built it (the `jjj-core` crate version).
    pub pipeline: String,
    pub documents: Vec<Document>,
    /// Set when the documents are summaries and the texts are in chunk files.
    pub parts: Option<Parts>,
}

/// Where the whole documents of a split corpus are, and what the summaries
/// keep of their text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parts {
    /// In document order; together they cover every document once.
    pub chunks: Vec<Chunk>,
    /// Per document (same order as `documents`): its most frequent terms
    /// (see [`crate::corpus::stats::is_term`]) with their counts, most frequent first.
    pub terms: Vec<Vec<(String, u32)>>,
    /// Set in the corpus's first file, which then holds no documents: the
    /// pieces of the index (bundles of summaries and their terms) and the
    /// first screen, so that the app draws the
    /// unfiltered dashboard before it has the index.
    pub head: Option<Head>,
}

/// The first file of a split corpus (see [`Parts::head`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Head {
    /// The index's pieces, each a bundle of consecutive summaries with
    /// their key terms (see [`crate::corpus::chunks::join_index`]).
    pub index: Vec<Chunk>,
    /// The same pieces lean, as the app loads them first: their lean
    /// documents and their index (see [`crate::corpus::lean`]).
    pub lean: Vec<Chunk>,
    /// How many documents the corpus holds.
    pub documents: u32,
    pub first: crate::corpus::overview::FirstScreen,
    /// The dashboards of its single filters (see [`crate::corpus::views`]),
    /// in the order of `crate::corpus::views::single_filters`.
    pub views: Vec<ViewRef>,
}

/// Where one precomputed view is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewRef {
    /// The query it answers, as `Query::to_params` writes it.
    pub query: String,
    /// Path relative to the head, `/`-separated.
    pub file: String,
    /// Size of the view, uncompressed.
    pub bytes: u64,
}

/// One chunk file: documents `first .. first + count`, as a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    /// Path relative to the head (the corpus's first file), `/`-separated.
    pub file: String,
    pub first: u32,
    pub count: u32,
    /// Size of its bundle, uncompressed (the file itself is gzip-compressed,
    /// see [`crate::gzip`]), for progress and for the benchmarks.
    pub bytes: u64,
}

/// One cleaned article. `Default` is an empty one, for building one field
/// by field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: FNV-1a 64 of the raw bytes, 16 hex digits.
    pub id: String,
    /// File name the page came from, if any.
    pub origin: Option<String>,
    /// Headline; `None` when the page shows none (see [`Document::display_title`]).
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`; `None` when the page does not state a full one.
    pub date: Option<String>,
    /// Which cue of the page gave `date`.
    pub date_source: Option<DateSource>,
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
    // ---- Analysis (filled by `analyze::analyze`; empty until then) ----
    /// Char lengths of the segmentation of `body_simplified`, in order; they
    /// cover it exactly. Lets the app (which has no segmenter on its main
    /// thread) count terms, sort concordances by words and highlight tokens.
    pub tokens: Vec<u16>,
    /// Ids of the places this article is about: every place mentioned as a
    /// location and every flow endpoint, most mentioned first.
    pub regions: Vec<String>,
    /// Ids of the industries named, most mentioned first.
    pub industries: Vec<String>,
    /// Every place and industry mention, in text order (for highlighting).
    pub mentions: Vec<Mention>,
    pub flows: Vec<Flow>,
    pub figures: Vec<Figure>,
}

impl Document {
    /// The year of `date`, if it has one.
    pub fn year(&self) -> Option<i32> {
        self.date.as_deref()?.get(..4)?.parse().ok()
    }

    /// True for the summary in a split corpus's index: its text is in a
    /// chunk (a whole document always has text, the pipeline refuses a page
    /// without any).
    pub fn is_summary(&self) -> bool {
        self.body_simplified.is_empty()
    }

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

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Simplified,
    Traditional,
    Mixed,
    /// No Chinese characters to judge by.
    #[default]
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
    /// The body is longer than an article can be: only its beginning was
    /// analysed (the whole text is kept).
    AnalysisTruncated,
    /// No block of the page reads clearly as an article: the block with the
    /// most Chinese text was kept as the body.
    NoClearArticle,
}

/// Which cue of a page gave its publication date, in the order they are
/// trusted: a date line by the headline, then the page's head, then the
/// article's opening dateline, a labelled line after it, the page's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A labelled line (发布时间：…, 日期：…) or a date line by the headline.
    Header,
    /// A `<meta>` tag of the page's head (article:published_time, publishdate…).
    Meta,
    /// A `<time>` element's `datetime`.
    Time,
    /// The dateline that opens the article (新华社北京2022年2月13日电).
    Dateline,
    /// A labelled date line after the article.
    Footer,
    /// The page's address: /2022-02/13/, /20220213/, t20220213_.
    Url,
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

/// A place or an industry named in `body_simplified`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub kind: MentionKind,
    /// Place id (gazetteer) or industry id (taxonomy).
    pub id: String,
    /// Where, in `body_simplified` (char offsets).
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Place,
    Industry,
}

/// A movement of firms, production, projects, capital or technology from one
/// place to another, as one sentence states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    /// Origin place id.
    pub from: String,
    /// Destination place id.
    pub to: String,
    /// Industry id, when the sentence names one.
    pub industry: Option<String>,
    /// What moves.
    pub what: Option<What>,
    /// How many (firms, projects, merchants…), when stated. Boxed: most
    /// flows state none, and a `Quantity` in place took 80 bytes a flow
    /// (the format is the same: a box is encoded as what it holds).
    pub count: Option<Box<Quantity>>,
    /// How much money, when stated.
    pub amount: Option<Box<Quantity>>,
    /// The firm that moves, when the sentence names one.
    pub firm: Option<String>,
    /// The period the sentence states (`2023年`, `去年`, `十四五`), as for a
    /// figure; [`crate::text::periods::years`] reads its years.
    #[serde(default)]
    pub period: Option<String>,
    /// A plan or goal, not a move that happened.
    pub plan: bool,
    /// The sentence names several origins (or destinations) at once, such as
    /// 京津: this flow is one of them and its quantities are the group's, so
    /// they must not be added up across the group.
    pub shared: bool,
    /// Id of the document it comes from.
    pub doc: String,
    pub evidence: Evidence,
}

/// What a flow moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum What {
    #[serde(rename = "企业")]
    Firms,
    #[serde(rename = "项目")]
    Projects,
    #[serde(rename = "资金")]
    Capital,
    #[serde(rename = "产能")]
    Production,
    #[serde(rename = "技术成果")]
    Technology,
    #[serde(rename = "商户")]
    Merchants,
    #[serde(rename = "功能")]
    Functions,
    #[serde(rename = "产业")]
    Industry,
}

impl What {
    pub const ALL: [What; 8] = [
        What::Firms,
        What::Projects,
        What::Capital,
        What::Production,
        What::Technology,
        What::Merchants,
        What::Functions,
        What::Industry,
    ];

    /// The Chinese word (also the serialized form).
    pub fn zh(self) -> &'static str {
        match self {
            What::Firms => "企业",
            What::Projects => "项目",
            What::Capital => "资金",
            What::Production => "产能",
            What::Technology => "技术成果",
            What::Merchants => "商户",
            What::Functions => "功能",
            What::Industry => "产业",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            What::Firms => "firms",
            What::Projects => "projects",
            What::Capital => "capital",
            What::Production => "production",
            What::Technology => "technology",
            What::Merchants => "merchants",
            What::Functions => "functions",
            What::Industry => "industry",
        }
    }
}

/// A stated quantity: `value` in `unit` after applying 万/亿 scales
/// (13901.17亿元 is 1390117000000 元).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    /// Base unit: 元, 美元, 家, 个, 项, 户, %, 公顷…
    pub unit: String,
    /// As written: `近1000亿元`.
    pub raw: String,
    /// 近, 约, 超过, 余, 以上… as written.
    pub qualifier: Option<String>,
}

/// A reported number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The number with 万/亿 scales applied.
    pub value: f64,
    /// Base unit (see [`Quantity::unit`]).
    pub unit: String,
    /// As written, qualifier included: `近1000亿元`.
    pub raw: String,
    /// What it counts: a short phrase from the sentence.
    pub counts: String,
    /// The period it refers to, when the sentence states one (`十三五`, `2023年`, `去年`).
    pub period: Option<String>,
    /// The place it is about: the nearest place (as a location) before it
    /// in its sentence, else the first after it; a gazetteer id.
    #[serde(default)]
    pub place: Option<String>,
    /// A goal, plan or forecast rather than a result.
    pub is_target: bool,
    /// 近, 约, 超过, 余, 以上… as written.
    pub qualifier: Option<String>,
    /// The number and unit in `body_simplified`.
    pub span: Span,
    pub evidence: Evidence,
}

/// The sentence that supports a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The sentence, simplified.
    pub text: String,
    /// Its place in `body_simplified`; empty (0..0) when the sentence is
    /// the title, which states a move the body does not.
    pub span: Span,
    /// Its place in `body` (the text as written).
    pub original: Span,
}

impl Evidence {
    /// The sentence is the document's title, not a sentence of its body.
    pub fn is_title(&self) -> bool {
        self.span.start == self.span.end
    }
}

/// One document in the bundle's encoding (postcard), for handing a document
/// from the app's worker to the page; both come from the same build.
pub fn encode_document(doc: &Document) -> Result<Vec<u8>, Error> {
    postcard::to_allocvec(doc).map_err(|e| Error::Bundle {
        reason: format!("cannot encode a document: {e}"),
    })
}

/// Reads [`encode_document`]'s output; damage is an error, never a panic.
pub fn decode_document(bytes: &[u8]) -> Result<Document, Error> {
    let d: Document = postcard::from_bytes(bytes).map_err(|e| Error::Bundle {
        reason: format!("damaged document: {e}"),
    })?;
    check_numbers(&d).map_err(|reason| Error::Bundle { reason })?;
    Ok(d)
}

/// The pipeline only writes finite numbers; NaN or infinity in a stored
/// figure means the bytes were damaged, and would print as "NaN" in a chart.
pub(crate) fn check_numbers(d: &Document) -> Result<(), String> {
    let quantities = d
        .flows
        .iter()
        .flat_map(|f| [f.count.as_ref(), f.amount.as_ref()])
        .flatten()
        .map(|q| q.value);
    let bad = d
        .figures
        .iter()
        .map(|f| f.value)
        .chain(quantities)
        .any(|v| !v.is_finite());
    if bad {
        Err(format!(
            "damaged document {}: a figure is not a finite number",
            d.id
        ))
    } else {
        Ok(())
    }
}

/// Collects documents into a bundle stamped with this pipeline's version.
pub fn build_bundle(documents: Vec<Document>) -> Bundle {
    Bundle {
        pipeline: format!("jjj-core {}", env!("CARGO_PKG_VERSION")),
        documents,
        parts: None,
    }
}

/// The first 12 bytes of every file of a corpus: its kind's `magic`, then
/// [`BUNDLE_VERSION`] (u32, little endian).
pub(crate) fn header(magic: &[u8; 8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 14);
    out.extend_from_slice(magic);
    out.extend_from_slice(&BUNDLE_VERSION.to_le_bytes());
    out
}

/// What follows [`header`] in `bytes`: an error when they do not start
/// with `magic` ("{not_this} (wrong magic bytes)") or were written in
/// another format version ("{format} version N, this build reads …").
pub(crate) fn after_header<'a>(
    bytes: &'a [u8],
    magic: &[u8; 8],
    not_this: &str,
    format: &str,
) -> Result<&'a [u8], Error> {
    if bytes.len() < 12 || &bytes[..8] != magic {
        return Err(Error::Bundle {
            reason: format!("{not_this} (wrong magic bytes)"),
        });
    }
    let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if version != BUNDLE_VERSION {
        return Err(Error::Bundle {
            reason: format!(
                "{format} version {version}, this build reads version {BUNDLE_VERSION}; rebuild the corpus"
            ),
        });
    }
    Ok(&bytes[12..])
}

/// Serializes a bundle: magic, version, postcard payload.
pub fn encode_bundle(bundle: &Bundle) -> Result<Vec<u8>, Error> {
    let mut out = header(BUNDLE_MAGIC);
    let payload = postcard::to_allocvec(bundle).map_err(|e| Error::Bundle {
        reason: format!("cannot encode: {e}"),
    })?;
    out.extend_from_slice(&payload);
    Ok(out)
}

/// Reads a bundle written by [`encode_bundle`]; any damage is an error, never a panic.
pub fn decode_bundle(bytes: &[u8]) -> Result<Bundle, Error> {
    if crate::gzip::is_gzip(bytes) {
        return decode_bundle(&crate::gzip::decompress(bytes)?);
    }
    let payload = after_header(
        bytes,
        BUNDLE_MAGIC,
        "not a JJJ corpus bundle",
        "bundle format",
    )?;
    let (bundle, rest): (Bundle, &[u8]) =
        postcard::take_from_bytes(payload).map_err(|e| Error::Bundle {
            reason: format!("damaged or truncated bundle: {e}"),
        })?;
    if !rest.is_empty() {
        return Err(Error::Bundle {
            reason: format!("{} unexpected bytes after the bundle", rest.len()),
        });
    }
    for d in &bundle.documents {
        check_numbers(d).map_err(|reason| Error::Bundle { reason })?;
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
            parts: None,
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
