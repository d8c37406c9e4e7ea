//! A split corpus's index held lean: the app indexes the summaries a piece
//! at a time and keeps, of each, only what the index does not hold.
//!
//! A summary's flows, figures and industry mentions were nine tenths of
//! the app's memory at 100,000 articles (about 8 KB a document decoded),
//! and the query index already holds what the filters, the dashboard and
//! the article list read of them (ends, industries, quantities, counts).
//! A *lean* document drops them; the views that list flows or figures one
//! by one read them from the document's chunk for the rows on screen, or
//! load the summaries again (the tables, exports and imports).
//!
//! The build writes each piece of the index twice: whole (the summaries,
//! for the tables, exports and imports) and lean (its lean documents and
//! their index, [`encode_piece`]), which is what the app fetches first:
//! about a third of the bytes, and nothing to index in the page.

use crate::corpus::query::{Index, Join};
use crate::error::Error;
use crate::model::{after_header, header, Bundle, Document, Parts};

/// The first bytes of a lean piece of the index (a bundle's are `JJJCORP`).
const PIECE_MAGIC: &[u8; 8] = b"JJJLEAN\0";

/// A lean piece of the index from consecutive summaries and their key
/// terms: magic, version, the lean documents, their index (its wire form,
/// [`Index::to_wire`]).
pub fn encode_piece(
    summaries: &[Document],
    terms: &[Vec<(String, u32)>],
) -> Result<Vec<u8>, Error> {
    let index = Index::with_terms(summaries, terms);
    let mut docs = summaries.to_vec();
    lean_where_whole(&mut docs, &index);
    let mut out = header(PIECE_MAGIC);
    let bad = |reason: String| Error::Bundle { reason };
    out.extend(postcard::to_allocvec(&docs).map_err(|e| bad(format!("cannot encode: {e}")))?);
    out.extend(index.to_wire().map_err(bad)?);
    Ok(out)
}

/// Reads [`encode_piece`]'s output (gzip-compressed or not): the lean
/// documents and their index. Damage is an error, never a panic.
pub fn decode_piece(bytes: &[u8]) -> Result<(Vec<Document>, Index), Error> {
    if crate::gzip::is_gzip(bytes) {
        return decode_piece(&crate::gzip::decompress(bytes)?);
    }
    let bad = |reason: String| Err(Error::Bundle { reason });
    let payload = after_header(
        bytes,
        PIECE_MAGIC,
        "not a lean piece of a JJJ corpus's index",
        "index format",
    )?;
    let (docs, rest): (Vec<Document>, &[u8]) = match postcard::take_from_bytes(payload) {
        Ok(x) => x,
        Err(e) => return bad(format!("damaged or truncated piece of the index: {e}")),
    };
    for d in &docs {
        crate::model::check_numbers(d).map_err(|reason| Error::Bundle { reason })?;
    }
    let index = Index::from_wire(rest).map_err(|reason| Error::Bundle { reason })?;
    // A document whose flows the index does not hold whole keeps them.
    let kept = (0..docs.len())
        .all(|d| index.has_whole_flows(d) || docs[d].flows.len() == index.flows_in(d));
    if index.len() != docs.len() || !kept {
        return bad("damaged piece of the index: its documents and their index disagree".into());
    }
    Ok((docs, index))
}

/// `doc` without its flows, figures, mentions and industries, and its
/// regions when the gazetteer knows them all (see the module's
/// documentation; the index keeps them as numbers); its metadata stays.
pub fn lean(doc: &mut Document) {
    doc.flows = Vec::new();
    doc.figures = Vec::new();
    doc.mentions = Vec::new();
    doc.industries = Vec::new();
    let g = crate::extract::places::gazetteer();
    if doc.regions.iter().all(|r| g.index_of(r).is_some()) {
        doc.regions = Vec::new();
    }
}

/// Makes lean every document of `docs` whose flows `index` (theirs) holds
/// whole; the others keep theirs (they name places or industries this
/// build does not know, and the edges read them).
fn lean_where_whole(docs: &mut [Document], index: &Index) {
    for (d, doc) in docs.iter_mut().enumerate() {
        if index.has_whole_flows(d) {
            lean(doc);
        }
    }
}

/// Document `d`'s regions: its own, or a lean one's from the index.
pub fn regions<'a>(docs: &'a [Document], index: &'a Index, d: usize) -> Vec<&'a str> {
    match docs.get(d) {
        Some(doc) if !doc.regions.is_empty() => doc.regions.iter().map(String::as_str).collect(),
        _ => index.places_of(d).collect(),
    }
}

/// Indexes a split corpus a piece at a time (see the module's
/// documentation): the largest thing held besides the result is one piece.
#[derive(Default)]
pub struct LeanIndex {
    /// Every piece's lean documents so far, end to end.
    documents: Vec<Document>,
    /// How many documents each piece held.
    counts: Vec<usize>,
    /// A piece had a document that is not a summary, or key terms that
    /// were not one list per document.
    damaged: bool,
    parts: Vec<Index>,
}

impl LeanIndex {
    pub fn new() -> LeanIndex {
        LeanIndex::default()
    }

    /// One for the split corpus whose head is `head`: room for all its
    /// documents is taken at once, so that the list never grows by copying
    /// (at 100,000 articles a copy was 44 MB more at the peak). A head
    /// that claims more than can be had gets the room that can.
    pub fn for_head(head: &Bundle) -> LeanIndex {
        let mut lean = LeanIndex::default();
        if let Some(h) = head.parts.as_ref().and_then(|p| p.head.as_ref()) {
            // No more than the lean pieces can hold (a document takes more
            // than 16 bytes in one), whatever the head claims.
            let room = h
                .lean
                .iter()
                .fold(0u64, |a, c| a.saturating_add(c.bytes / 16));
            let n = u64::from(h.documents).min(room) as usize;
            let _ = lean.documents.try_reserve_exact(n);
        }
        lean
    }

    /// Indexes the next piece of the index (decoded, whole), then keeps it
    /// lean as the build does ([`encode_piece`]).
    pub fn add(&mut self, mut piece: Bundle) {
        let terms = piece.parts.take().map(|p| p.terms).unwrap_or_default();
        self.damaged |= terms.len() != piece.documents.len();
        let index = Index::with_terms(&piece.documents, &terms);
        lean_where_whole(&mut piece.documents, &index);
        self.add_lean(piece.documents, index);
    }

    /// Adds the next piece as the build wrote it lean ([`decode_piece`]).
    pub fn add_lean(&mut self, documents: Vec<Document>, index: Index) {
        self.damaged |= !documents.iter().all(Document::is_summary);
        self.counts.push(documents.len());
        self.documents.extend(documents);
        self.parts.push(index);
    }

    /// The lean documents (the head's chunks listed with them, and an
    /// empty list of key terms each) and their index: the same index as
    /// [`Index::with_terms`] over the whole summaries. An error when the
    /// pieces are not those the head lists.
    pub fn finish(self, head: &Bundle) -> Result<(Bundle, Index), Error> {
        let (bundle, join) = self.joining(head)?;
        Ok((bundle, join.finish()))
    }

    /// [`LeanIndex::finish`] with the index still to join, a column at a
    /// time ([`Join::step`]), so that the page answers in between.
    pub fn joining(self, head: &Bundle) -> Result<(Bundle, Join), Error> {
        let (parts, h) = crate::corpus::chunks::head_parts(head)?;
        let mut first = 0;
        let listed = self.counts.len() == h.index.len()
            && self.counts.iter().zip(&h.index).all(|(&n, at)| {
                let ok = at.first as usize == first && at.count as usize == n;
                first += n;
                ok
            });
        // A figure takes more than 8 bytes in the whole piece: a lean one
        // claiming more figures than that is damaged (a query reserves room
        // for every figure of its hits).
        let figures_fit = self
            .parts
            .iter()
            .zip(&h.index)
            .all(|(p, at)| p.figure_total() <= at.bytes / 8);
        if !listed || !figures_fit || self.damaged || self.documents.len() != h.documents as usize {
            return Err(Error::Bundle {
                reason: "the pieces of the index are not those the corpus lists (built from another corpus?)".into(),
            });
        }
        let n = self.documents.len();
        let bundle = Bundle {
            pipeline: head.pipeline.clone(),
            documents: self.documents,
            parts: Some(Parts {
                chunks: parts.chunks.clone(),
                terms: vec![Vec::new(); n],
                head: None,
            }),
        };
        let join = Join::new(&bundle.documents, self.parts).ok_or_else(|| Error::Bundle {
            reason: "the pieces of the index do not cover the corpus".into(),
        })?;
        Ok((bundle, join))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::aggregate::Level;
    use crate::corpus::chunks::{read_index, Splitter};
    use crate::corpus::overview::{all_edges, counts};
    use crate::corpus::query::Query;
    use crate::decode_bundle;
    use crate::extract::analyze::document_from_text;

    /// Articles with flows, figures and industries, dated out of order (and
    /// one undated), so that the pieces' rows interleave.
    fn corpus() -> Bundle {
        let texts = [
            (
                "北京威克多制衣中心整体搬迁至河北衡水，投资5亿元。",
                Some("2016-03-02"),
            ),
            (
                "天津滨海新区承接北京科技成果转化项目12个。",
                Some("2019-07-15"),
            ),
            (
                "沧州渤海新区承接北京生物医药产业，已有30家企业落户。",
                Some("2015-01-20"),
            ),
            ("雄安新区承接北京疏解的高校和医院。", None),
            (
                "曹妃甸协同发展示范区签约北京项目40个，总投资超过300亿元。",
                Some("2019-07-15"),
            ),
            (
                "北京动物园服装批发市场的商户分流到天津、河北。",
                Some("2018-11-30"),
            ),
            ("廊坊承接北京新能源汽车零部件企业8家。", Some("2021-05-09")),
        ];
        let docs = texts
            .iter()
            .map(|(t, date)| {
                let mut d = document_from_text(t);
                d.date = date.map(str::to_string);
                d
            })
            .collect();
        crate::build_bundle(docs)
    }

    #[test]
    fn a_lean_index_answers_like_the_whole_summaries() {
        let whole = corpus();
        // Pieces of two summaries: the rows of one piece interleave with
        // the others' by date.
        let mut splitter = Splitter::new(&whole.pipeline, 3, "corpus").with_piece(2);
        for d in &whole.documents {
            splitter.push(d.clone()).unwrap();
        }
        let s = splitter.finish().unwrap();
        let head = decode_bundle(&s.head).unwrap();
        let read = |f: &str| {
            let (_, b) = s.index.iter().find(|(n, _)| n == f).unwrap();
            decode_bundle(b).unwrap()
        };
        let full = read_index(&head, |f| {
            Ok(s.index.iter().find(|(n, _)| n == f).unwrap().1.clone())
        })
        .unwrap();
        let terms = &full.parts.as_ref().unwrap().terms;
        let expected = Index::with_terms(&full.documents, terms);
        let files: Vec<String> = head
            .parts
            .as_ref()
            .unwrap()
            .head
            .as_ref()
            .unwrap()
            .index
            .iter()
            .map(|c| c.file.clone())
            .collect();
        assert!(files.len() >= 3, "{files:?}");
        let mut lean = LeanIndex::new();
        for f in &files {
            lean.add(read(f));
        }
        let (docs, index) = lean.finish(&head).unwrap();
        assert_eq!(index, expected);
        // The same from the lean pieces the build wrote beside them.
        let lean_files = &head.parts.as_ref().unwrap().head.as_ref().unwrap().lean;
        assert_eq!(lean_files.len(), files.len());
        let mut built = LeanIndex::new();
        for c in lean_files {
            assert!(c.file.contains("/lean-"), "{}", c.file);
            let (_, b) = s.index.iter().find(|(n, _)| *n == c.file).unwrap();
            let (d, i) = decode_piece(b).unwrap();
            assert_eq!(d.len(), c.count as usize);
            built.add_lean(d, i);
        }
        let (built_docs, built_index) = built.finish(&head).unwrap();
        assert_eq!(built_index, expected);
        assert_eq!(built_docs.documents, docs.documents);
        // Lean: no flows nor figures kept, yet the same counts.
        assert!(docs
            .documents
            .iter()
            .all(|d| d.flows.is_empty() && d.figures.is_empty() && d.regions.is_empty()));
        for d in 0..docs.documents.len() {
            assert_eq!(
                regions(&docs.documents, &index, d),
                full.documents[d].regions
            );
        }
        assert!(full.documents.iter().any(|d| !d.flows.is_empty()));
        for q in ["", "region=北京市", "industry=生物医药", "q=搬迁"] {
            let q = Query::from_params(q);
            let (a, b) = (
                expected.search(&full.documents, &q),
                index.search(&docs.documents, &q),
            );
            assert_eq!(a.docs.len(), b.docs.len(), "{q:?}");
            assert_eq!(a.facets, b.facets);
            assert_eq!(
                counts(&full.documents, &expected, &a),
                counts(&docs.documents, &index, &b)
            );
            for level in [Level::Exact, Level::City, Level::Province] {
                assert_eq!(
                    all_edges(&full.documents, &expected, &a, level, true),
                    all_edges(&docs.documents, &index, &b, level, true)
                );
            }
        }
    }

    /// A lean piece cut short, with any byte changed, or with an index
    /// whose ids point past its tables, is an error, never a panic; what
    /// decodes answers a query without panicking.
    #[test]
    fn a_damaged_lean_piece_is_an_error_not_a_panic() {
        let whole = corpus();
        let terms: Vec<Vec<(String, u32)>> = whole
            .documents
            .iter()
            .map(|d| crate::corpus::chunks::key_terms(d, 5))
            .collect();
        let summaries: Vec<Document> = whole
            .documents
            .iter()
            .map(crate::corpus::chunks::summarize)
            .collect();
        let bytes = encode_piece(&summaries, &terms).unwrap();
        let (docs, index) = decode_piece(&bytes).unwrap();
        assert_eq!(index, Index::with_terms(&summaries, &terms));
        assert_eq!(docs.len(), summaries.len());
        for cut in 0..bytes.len() {
            assert!(decode_piece(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let q = Query::from_params("region=河北省&q=北京");
        let mut decoded = 0;
        for at in 12..bytes.len() {
            for x in [0x00, 0x7f, 0xff] {
                let mut b = bytes.clone();
                b[at] ^= x ^ 0x55;
                if let Ok((docs, index)) = decode_piece(&b) {
                    decoded += 1;
                    let r = index.search(&docs, &q);
                    let _ = counts(&docs, &index, &r);
                    let _ = all_edges(&docs, &index, &r, Level::City, true);
                }
            }
        }
        // Most changes land in text or numbers that stay valid; some do not.
        assert!(decoded > 0 && decoded < 3 * (bytes.len() - 12), "{decoded}");
        let mut wrong = bytes.clone();
        wrong[8] = 99;
        let err = decode_piece(&wrong).unwrap_err().to_string();
        assert!(err.contains("version 99"), "{err}");
        let err = decode_piece(&crate::encode_bundle(&whole).unwrap()).unwrap_err();
        assert!(err.to_string().contains("magic"), "{err}");
    }
}
