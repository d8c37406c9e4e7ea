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

use crate::corpus::chunks::join_index;
use crate::corpus::query::Index;
use crate::error::Error;
use crate::model::{Bundle, Document};

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
    pieces: Vec<Bundle>,
    parts: Vec<Index>,
}

impl LeanIndex {
    pub fn new() -> LeanIndex {
        LeanIndex::default()
    }

    /// Indexes the next piece of the index (decoded), then keeps it lean:
    /// every document whose flows the index holds whole drops what the
    /// index has; the others stay as they are (their flows name places or
    /// industries this build does not know, and the edges read them).
    pub fn add(&mut self, mut piece: Bundle) {
        let terms = piece.parts.as_mut().map(|p| std::mem::take(&mut p.terms));
        let terms = terms.unwrap_or_default();
        let index = Index::with_terms(&piece.documents, &terms);
        for (d, doc) in piece.documents.iter_mut().enumerate() {
            if index.has_whole_flows(d) {
                lean(doc);
            }
        }
        // The key terms are in the index (one empty list a document stays,
        // for the join's check; a piece with a list too many or too few
        // keeps them, and the join refuses it as it refuses the whole).
        if let Some(p) = piece.parts.as_mut() {
            p.terms = if terms.len() == piece.documents.len() {
                vec![Vec::new(); piece.documents.len()]
            } else {
                terms
            };
        }
        self.pieces.push(piece);
        self.parts.push(index);
    }

    /// The lean documents (the head's chunks listed with them, and an
    /// empty list of key terms each) and their index: the same index as
    /// [`Index::with_terms`] over the whole summaries.
    pub fn finish(self, head: &Bundle) -> Result<(Bundle, Index), Error> {
        let bundle = join_index(head, self.pieces)?;
        let index = Index::join(&bundle.documents, self.parts).ok_or_else(|| Error::Bundle {
            reason: "the pieces of the index do not cover the corpus".into(),
        })?;
        Ok((bundle, index))
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
}
