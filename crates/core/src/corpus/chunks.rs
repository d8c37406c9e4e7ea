//! Splitting a large corpus into a head, an index and chunks, so that the
//! app never downloads 100,000 articles to draw its first chart.
//!
//! The head is the file the app opens: the list of chunks and the first
//! screen (the unfiltered dashboard and filter counts, see
//! [`crate::corpus::overview`]), a few kilobytes whatever the corpus's size.
//! The app draws it, then fetches the index, in pieces of [`INDEX_PIECE`]
//! documents.
//!
//! The index is a bundle of *summaries*: every document keeps what the
//! filters, facets, charts and tables use (metadata, places, industries,
//! flows and figures with their sentences, industry mentions, warnings) and
//! drops its text, tokens and position maps; [`Parts`] lists the chunk files
//! and each document's most frequent terms (for the top-terms chart and, with
//! the title, for free text over the index). A chunk is an ordinary bundle of consecutive
//! whole documents, fetched when the reader or the concordance needs it.
//! Everything is a static file, so the corpus can be published anywhere.

use crate::corpus::overview::{self, FirstScreen, Settings};
use crate::corpus::{stats, views};
use crate::error::Error;
use crate::model::{Bundle, Chunk, Document, Head, MentionKind, OffsetMap, Parts, ViewRef};

/// How many of a document's terms its summary keeps.
pub const TERMS_PER_DOCUMENT: usize = 24;

/// The summary of a whole document (see the module documentation).
pub fn summarize(doc: &Document) -> Document {
    let mut s = doc.clone();
    // The opening words stand in for a missing headline (Document::display_title).
    s.body = if doc.title.is_none() {
        doc.body
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(31)
            .collect()
    } else {
        String::new()
    };
    s.body_simplified = String::new();
    s.offsets = OffsetMap::default();
    s.tokens = Vec::new();
    s.mentions.retain(|m| m.kind == MentionKind::Industry);
    // The sentences are most of a document's findings by size; a table or
    // an export reads them from the chunk (the spans stay, to link to them).
    for f in &mut s.flows {
        f.evidence.text = String::new();
        f.doc = String::new();
    }
    for f in &mut s.figures {
        f.evidence.text = String::new();
    }
    for w in &mut s.warnings {
        w.message = String::new();
    }
    s
}

/// A document's most frequent terms with their counts, most frequent first
/// (ties by term), at most `limit`.
pub fn key_terms(doc: &Document, limit: usize) -> Vec<(String, u32)> {
    stats::term_counts(std::slice::from_ref(doc), &[0], limit)
        .into_iter()
        .map(|t| (t.term, t.freq))
        .collect()
}

/// A split corpus, encoded: the head (the file the app opens), the pieces
/// of the index and the chunk files.
pub struct Split {
    pub head: Vec<u8>,
    /// (path relative to the head, bytes), in document order: each piece
    /// whole, then lean.
    pub index: Vec<(String, Vec<u8>)>,
    /// (path relative to the head, bytes), in document order.
    pub chunks: Vec<(String, Vec<u8>)>,
    /// (path relative to the head, bytes): the single filters' dashboards
    /// (see [`crate::corpus::views`]), as the head lists them.
    pub views: Vec<(String, Vec<u8>)>,
}

/// How many summaries a piece of the index holds: the app inflates and
/// decodes one piece at a time, so the largest buffer it needs is one
/// piece's, not the whole index's (wasm memory never shrinks).
pub const INDEX_PIECE: usize = 2_500;

/// Splits `bundle` into chunks of `per_chunk` documents, written under
/// `dir` (a relative, `/`-separated path such as `corpus`).
pub fn split(bundle: &Bundle, per_chunk: usize, dir: &str) -> Result<Split, Error> {
    if bundle.parts.is_some() {
        return Err(Error::Bundle {
            reason: "this bundle is already split".into(),
        });
    }
    let mut s = Splitter::new(&bundle.pipeline, per_chunk, dir);
    let mut chunks = Vec::new();
    for d in &bundle.documents {
        chunks.extend(s.push(d.clone())?);
    }
    let mut out = s.finish()?;
    chunks.append(&mut out.chunks);
    out.chunks = chunks;
    Ok(out)
}

/// A view listed in the head, and its file's bytes.
type ViewFile = (ViewRef, Vec<u8>);

/// A split corpus written a document at a time: each chunk is encoded as
/// soon as it is full and handed back, so that only the summaries stay in
/// memory (a whole 300,000-article corpus did not fit in 23 GB).
pub struct Splitter {
    pipeline: String,
    per_chunk: usize,
    dir: String,
    current: Vec<Document>,
    refs: Vec<Chunk>,
    summaries: Vec<Document>,
    terms: Vec<Vec<(String, u32)>>,
    /// Summaries per piece of the index ([`INDEX_PIECE`]).
    piece: usize,
    /// Threads that compute the views.
    threads: usize,
    /// The fewest documents that get views.
    views_from: usize,
}

impl Splitter {
    pub fn new(pipeline: &str, per_chunk: usize, dir: &str) -> Splitter {
        Splitter {
            pipeline: pipeline.to_string(),
            per_chunk: per_chunk.max(1),
            dir: dir.trim_end_matches('/').to_string(),
            current: Vec::new(),
            refs: Vec::new(),
            summaries: Vec::new(),
            terms: Vec::new(),
            piece: INDEX_PIECE,
            threads: 1,
            views_from: 0,
        }
    }

    /// The same, writing the single filters' views only when there are at
    /// least `n` documents (see [`views::VIEWS_FROM`]).
    pub fn with_views_from(mut self, n: usize) -> Splitter {
        self.views_from = n;
        self
    }

    /// The same, computing the single filters' views on `n` threads.
    pub fn with_threads(mut self, n: usize) -> Splitter {
        self.threads = n.max(1);
        self
    }

    /// The same, with `n` summaries per piece of the index (tests).
    pub fn with_piece(mut self, n: usize) -> Splitter {
        self.piece = n.max(1);
        self
    }

    /// How many documents it has been given.
    pub fn len(&self) -> usize {
        self.summaries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.summaries.is_empty()
    }

    /// Adds the next document; returns the chunk it fills, as (path
    /// relative to the head, encoded bundle).
    pub fn push(&mut self, doc: Document) -> Result<Option<(String, Vec<u8>)>, Error> {
        self.summaries.push(summarize(&doc));
        self.terms.push(key_terms(&doc, TERMS_PER_DOCUMENT));
        self.current.push(doc);
        if self.current.len() < self.per_chunk {
            return Ok(None);
        }
        self.chunk().map(Some)
    }

    fn chunk(&mut self) -> Result<(String, Vec<u8>), Error> {
        let k = self.refs.len();
        let part = Bundle {
            pipeline: self.pipeline.clone(),
            documents: std::mem::take(&mut self.current),
            parts: None,
        };
        let bytes = crate::encode_bundle(&part)?;
        let file = format!("{}/{k:05}.jjj", self.dir);
        self.refs.push(Chunk {
            file: file.clone(),
            first: (self.summaries.len() - part.documents.len()) as u32,
            count: part.documents.len() as u32,
            bytes: bytes.len() as u64,
        });
        Ok((file, bytes))
    }

    /// The last chunk (in [`Split::chunks`], if any documents were left),
    /// the index's pieces and the head, with the first screen.
    pub fn finish(mut self) -> Result<Split, Error> {
        let last = if self.current.is_empty() {
            Vec::new()
        } else {
            vec![self.chunk()?]
        };
        let (first, views) = self.screens()?;
        let mut index = Vec::new();
        let mut pieces = Vec::new();
        let mut lean = Vec::new();
        for (k, (docs, terms)) in self
            .summaries
            .chunks(self.piece)
            .zip(self.terms.chunks(self.piece))
            .enumerate()
        {
            let piece = Bundle {
                pipeline: self.pipeline.clone(),
                documents: docs.to_vec(),
                parts: Some(Parts {
                    chunks: Vec::new(),
                    terms: terms.to_vec(),
                    head: None,
                }),
            };
            // Whole, then lean: listed in the head, written beside it.
            let whole = crate::encode_bundle(&piece)?;
            let thin = crate::corpus::lean::encode_piece(docs, terms)?;
            for (list, name, bytes) in [(&mut pieces, "index", whole), (&mut lean, "lean", thin)] {
                let file = format!("{}/{name}-{k:03}.jjj", self.dir);
                list.push(Chunk {
                    file: file.clone(),
                    first: (k * self.piece) as u32,
                    count: docs.len() as u32,
                    bytes: bytes.len() as u64,
                });
                index.push((file, bytes));
            }
        }
        let head = Bundle {
            pipeline: self.pipeline.clone(),
            documents: Vec::new(),
            parts: Some(Parts {
                chunks: self.refs,
                terms: Vec::new(),
                head: Some(Head {
                    index: pieces,
                    lean,
                    documents: self.summaries.len() as u32,
                    first,
                    views: views.iter().map(|v| v.0.clone()).collect(),
                }),
            }),
        };
        Ok(Split {
            head: crate::encode_bundle(&head)?,
            index,
            chunks: last,
            views: views
                .into_iter()
                .map(|(r, bytes)| (r.file, bytes))
                .collect(),
        })
    }

    /// The unfiltered dashboard, and each single filter's with its file.
    fn screens(&self) -> Result<(FirstScreen, Vec<ViewFile>), Error> {
        use crate::corpus::query::{Index, Query};
        let index = Index::with_terms(&self.summaries, &self.terms);
        let docs = &self.summaries;
        let results = index.search(docs, &Query::default());
        let first = FirstScreen {
            overview: overview::overview(docs, &index, &results, Settings::default()),
            facets: results.facets,
        };
        let queries = if docs.len() >= self.views_from {
            views::single_filters(&first.facets)
        } else {
            Vec::new()
        };
        let mut out = Vec::with_capacity(queries.len());
        for (k, v) in views::compute(docs, &index, &queries, self.threads)
            .iter()
            .enumerate()
        {
            let bytes = views::encode(v)?;
            let r = ViewRef {
                query: v.query.clone(),
                file: format!("{}/view-{k:04}.jjj", self.dir),
                bytes: bytes.len() as u64,
            };
            out.push((r, bytes));
        }
        Ok((first, out))
    }
}

/// True when `bundle` is a split corpus's head: the index is in another file.
pub fn is_head(bundle: &Bundle) -> bool {
    bundle.parts.as_ref().is_some_and(|p| p.head.is_some())
}

/// The parts of a split corpus's head, and what they say of the corpus.
pub(crate) fn head_parts(head: &Bundle) -> Result<(&Parts, &Head), Error> {
    head.parts
        .as_ref()
        .and_then(|p| p.head.as_ref().map(|h| (p, h)))
        .ok_or_else(|| Error::Bundle {
            reason: "not the first file of a split corpus".into(),
        })
}

/// The index of the split corpus whose head is `head`, from its pieces
/// (decoded, in order): summaries and key terms, and the head's chunks.
pub fn join_index(head: &Bundle, pieces: Vec<Bundle>) -> Result<Bundle, Error> {
    let bad = |reason: String| Err(Error::Bundle { reason });
    let (parts, h) = head_parts(head)?;
    if pieces.len() != h.index.len() {
        return bad(format!(
            "{} pieces of the index given, the corpus lists {}",
            pieces.len(),
            h.index.len()
        ));
    }
    let mut documents = Vec::with_capacity(h.documents as usize);
    let mut terms = Vec::with_capacity(h.documents as usize);
    for (piece, at) in pieces.into_iter().zip(&h.index) {
        let ok = piece.documents.len() == at.count as usize
            && at.first as usize == documents.len()
            && piece.documents.iter().all(Document::is_summary)
            && piece
                .parts
                .as_ref()
                .is_some_and(|p| p.head.is_none() && p.terms.len() == piece.documents.len());
        if !ok {
            return bad(format!(
                "{} is not the piece of the index the corpus lists (built from another corpus?)",
                at.file
            ));
        }
        documents.extend(piece.documents);
        terms.extend(piece.parts.map(|p| p.terms).unwrap_or_default());
    }
    if documents.len() != h.documents as usize {
        return bad("the pieces of the index do not cover the corpus".into());
    }
    Ok(Bundle {
        pipeline: head.pipeline.clone(),
        documents,
        parts: Some(Parts {
            chunks: parts.chunks.clone(),
            terms,
            head: None,
        }),
    })
}

/// The index of the split corpus whose head is `head`, each piece read by
/// `read` (given its path relative to the head).
pub fn read_index(
    head: &Bundle,
    mut read: impl FnMut(&str) -> Result<Vec<u8>, Error>,
) -> Result<Bundle, Error> {
    let files = head
        .parts
        .as_ref()
        .and_then(|p| p.head.as_ref())
        .map(|h| h.index.iter().map(|c| c.file.clone()).collect::<Vec<_>>())
        .unwrap_or_default();
    let pieces = files
        .iter()
        .map(|f| {
            crate::decode_bundle(&read(f)?).map_err(|e| Error::Bundle {
                reason: format!("{f}: {e}"),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    join_index(head, pieces)
}

/// Which of `chunks` (a split corpus's [`Parts::chunks`]) holds document `doc`.
pub fn chunk_of(chunks: &[Chunk], doc: usize) -> Option<usize> {
    let k = chunks.partition_point(|c| (c.first as usize + c.count as usize) <= doc);
    let c = chunks.get(k)?;
    (doc >= c.first as usize).then_some(k)
}

/// Checks that `chunk` is chunk `k` of `index`: the same documents, in order.
pub fn check_chunk(index: &Bundle, k: usize, chunk: &Bundle) -> Result<(), Error> {
    let bad = |reason: String| Err(Error::Bundle { reason });
    let Some(c) = index.parts.as_ref().and_then(|p| p.chunks.get(k)) else {
        return bad(format!("the index has no chunk {k}"));
    };
    if chunk.parts.is_some() || chunk.documents.len() != c.count as usize {
        return bad(format!(
            "{} holds {} documents, the index expects {}",
            c.file,
            chunk.documents.len(),
            c.count
        ));
    }
    let summaries = index
        .documents
        .get(c.first as usize..(c.first + c.count) as usize);
    match summaries {
        Some(s) if s.iter().zip(&chunk.documents).all(|(a, b)| a.id == b.id) => Ok(()),
        _ => bad(format!(
            "{} does not hold the documents the index lists (built from another corpus?)",
            c.file
        )),
    }
}

/// The whole corpus again, from its index and every chunk (in order).
pub fn join(index: &Bundle, chunks: Vec<Bundle>) -> Result<Bundle, Error> {
    let Some(parts) = &index.parts else {
        return Ok(index.clone());
    };
    if chunks.len() != parts.chunks.len() {
        return Err(Error::Bundle {
            reason: format!(
                "{} chunks given, the index lists {}",
                chunks.len(),
                parts.chunks.len()
            ),
        });
    }
    let mut documents = Vec::with_capacity(index.documents.len());
    for (k, c) in chunks.into_iter().enumerate() {
        check_chunk(index, k, &c)?;
        documents.extend(c.documents);
    }
    if documents.len() != index.documents.len() {
        return Err(Error::Bundle {
            reason: "the chunks do not cover the index".into(),
        });
    }
    Ok(Bundle {
        pipeline: index.pipeline.clone(),
        documents,
        parts: None,
    })
}

#[cfg(all(test, feature = "segment"))]
mod tests {
    use super::*;
    use crate::decode_bundle;
    use crate::extract::analyze::document_from_text;

    fn corpus() -> Bundle {
        let texts = [
            "北京威克多制衣中心整体搬迁至河北衡水，投资5亿元。",
            "天津滨海新区承接北京科技成果转化项目。",
            "沧州渤海新区承接北京生物医药产业，已有30家企业落户。",
            "雄安新区承接北京疏解的高校和医院。",
            "曹妃甸协同发展示范区签约项目40个。",
        ];
        crate::build_bundle(texts.iter().map(|t| document_from_text(t)).collect())
    }

    #[test]
    fn a_split_corpus_joins_back_to_the_same_bundle() {
        let whole = corpus();
        let split = split(&whole, 2, "corpus").unwrap();
        assert_eq!(split.chunks.len(), 3);
        assert_eq!(split.chunks[2].0, "corpus/00002.jjj");
        let head = decode_bundle(&split.head).unwrap();
        let index = index_of(&head, &split);
        let parts = index.parts.as_ref().unwrap();
        assert_eq!(
            parts.chunks.iter().map(|c| c.count).collect::<Vec<_>>(),
            [2, 2, 1]
        );
        assert!(index.documents.iter().all(Document::is_summary));
        // Summaries keep what filters and charts use.
        for (s, d) in index.documents.iter().zip(&whole.documents) {
            assert_eq!((&s.id, &s.regions), (&d.id, &d.regions));
            assert_eq!(s.flows.len(), d.flows.len());
            assert_eq!(s.display_title(), d.display_title());
        }
        let chunks: Vec<Bundle> = split
            .chunks
            .iter()
            .map(|(_, b)| decode_bundle(b).unwrap())
            .collect();
        let refs = &index.parts.as_ref().unwrap().chunks;
        assert_eq!(chunk_of(refs, 0), Some(0));
        assert_eq!(chunk_of(refs, 3), Some(1));
        assert_eq!(chunk_of(refs, 4), Some(2));
        assert_eq!(chunk_of(refs, 5), None);
        assert_eq!(join(&index, chunks.clone()).unwrap(), whole);
        // A chunk in the wrong place is refused.
        assert!(check_chunk(&index, 0, &chunks[1]).is_err());
        let mut swapped = chunks;
        swapped.swap(0, 1);
        assert!(join(&index, swapped).is_err());
    }

    #[test]
    fn the_index_of_a_split_corpus_filters_like_the_whole_corpus() {
        use crate::corpus::query::{Index, Query};
        let whole = corpus();
        let parts = split(&whole, 2, "c").unwrap();
        let index = index_of(&decode_bundle(&parts.head).unwrap(), &parts);
        let terms = &index.parts.as_ref().unwrap().terms;
        let full = Index::new(&whole.documents);
        let lite = Index::with_terms(&index.documents, terms);
        let queries = [
            Query::default(),
            Query {
                region: Some("河北省".into()),
                ..Query::default()
            },
            Query {
                flow_to: Some("天津".into()),
                ..Query::default()
            },
            Query {
                industry: Some("医药健康".into()),
                ..Query::default()
            },
        ];
        for q in &queries {
            let a = full.search(&whole.documents, q);
            let b = lite.search(&index.documents, q);
            assert_eq!(a, b, "{q:?}");
        }
        for q in &queries[1..] {
            assert!(!full.search(&whole.documents, q).docs.is_empty(), "{q:?}");
        }
        // Free text on a summary: one of its key terms, in traditional script.
        let q = Query {
            text: "整體搬遷".into(),
            ..Query::default()
        };
        let hits = lite.search(&index.documents, &q).docs;
        assert_eq!(hits.len(), 1);
        assert_eq!(
            index.documents[hits[0].doc as usize].id,
            whole.documents[0].id
        );
        // Top terms from key terms agree with the whole texts on these short ones.
        let all: Vec<usize> = (0..5).collect();
        let a = stats::term_counts(&whole.documents, &all, 5);
        let b = stats::term_counts_with(&index.documents, terms, &all, 5);
        assert_eq!(a, b);
    }

    /// The index of a split corpus, read from its pieces in memory.
    fn index_of(head: &Bundle, split: &Split) -> Bundle {
        read_index(head, |f| {
            let (_, bytes) = split.index.iter().find(|(name, _)| name == f).unwrap();
            Ok(bytes.clone())
        })
        .unwrap()
    }

    #[test]
    fn the_head_carries_the_first_screen_the_index_shows() {
        use crate::corpus::overview::{overview, Settings};
        use crate::corpus::query::{Index, Query};
        let whole = corpus();
        let split = split(&whole, 2, "corpus").unwrap();
        let head = decode_bundle(&split.head).unwrap();
        assert!(is_head(&head) && head.documents.is_empty());
        let h = head.parts.as_ref().unwrap().head.as_ref().unwrap();
        assert_eq!(h.index.len(), 1);
        assert_eq!(h.index[0].file, "corpus/index-000.jjj");
        assert_eq!(h.documents, 5);
        let index = index_of(&head, &split);
        assert!(!is_head(&index));
        assert_eq!(index.parts.as_ref().unwrap().chunks.len(), 3);
        // What the app computes once the index is loaded.
        let terms = &index.parts.as_ref().unwrap().terms;
        let x = Index::with_terms(&index.documents, terms);
        let r = x.search(&index.documents, &Query::default());
        let o = overview(&index.documents, &x, &r, Settings::default());
        assert_eq!(h.first.overview, o);
        assert_eq!(h.first.facets, r.facets);
        assert_eq!(o.articles, 5);
        assert!(o.flows >= 4, "{o:?}");
        // Each single filter's view, in a file of its own, is what the
        // loaded index shows for it.
        let queries = crate::corpus::views::single_filters(&r.facets);
        assert!(queries.len() >= 10, "{queries:?}");
        assert_eq!(h.views.len(), queries.len());
        assert_eq!(split.views.len(), queries.len());
        for ((q, at), (file, bytes)) in queries.iter().zip(&h.views).zip(&split.views) {
            assert_eq!(&at.file, file);
            assert_eq!(at.bytes, bytes.len() as u64);
            let v = crate::corpus::views::decode(bytes, &q.to_params()).unwrap();
            let r = x.search(&index.documents, q);
            let o = overview(&index.documents, &x, &r, Settings::default());
            assert_eq!(v.screen.overview, o, "{q:?}");
            assert_eq!(v.screen.facets, r.facets, "{q:?}");
        }
        // A piece from another corpus, or a missing one, is refused.
        let mut four = corpus();
        four.documents.truncate(4);
        let other = super::split(&four, 3, "corpus").unwrap();
        let other = decode_bundle(&other.index[0].1).unwrap();
        assert!(join_index(&head, vec![other]).is_err());
        assert!(join_index(&head, vec![]).is_err());
    }

    #[test]
    fn key_terms_count_the_words_of_the_text() {
        let d = document_from_text("企业搬迁。企业落户衡水，企业投产。");
        let t = key_terms(&d, 3);
        assert_eq!(t[0], ("企业".to_string(), 3));
    }
}
