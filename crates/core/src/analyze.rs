//! The analysis stage: segmentation, places, industries, figures and flows
//! of a cleaned document, written into its analysis fields.

use std::collections::HashMap;

use crate::figures;
use crate::flows;
use crate::industries::{self, taxonomy};
use crate::model::{Document, Mention, MentionKind, Span};
use crate::places::{self, gazetteer, Role};
use crate::segment;
use crate::sentences;
use crate::tokens::{self, CharIndex};

/// Fills `tokens`, `regions`, `industries`, `mentions`, `flows` and
/// `figures` of `doc` from its `body_simplified`. Infallible: any text gives
/// some (maybe empty) analysis.
pub fn analyze(doc: &mut Document) {
    let text = doc.body_simplified.as_str();
    let toks = segment::segment(text);
    let chars: Vec<char> = text.chars().collect();
    let index = CharIndex::new(text);
    let sents = sentences::split(text);
    let place_hits = places::find(text, &toks, &sents);
    let industry_hits = industries::find(text, &toks);
    let offsets = &doc.offsets;
    let original = |sp: Span| offsets.span_to_original(sp);
    let figs = figures::find(text, &chars, &index, &toks, &sents, &original);
    let flows = flows::find(&flows::Input {
        text,
        chars: &chars,
        index: &index,
        tokens: &toks,
        sentences: &sents,
        places: &place_hits,
        industries: &industry_hits,
        figures: &figs,
        doc: &doc.id,
        original: &original,
    });

    let g = gazetteer();
    let tx = taxonomy();
    let mut mentions = Vec::new();
    // (count, first position) per place id.
    let mut regions: HashMap<String, (u32, u32)> = HashMap::new();
    for h in &place_hits {
        if h.role != Role::Location || h.places.is_empty() {
            continue;
        }
        let span = Span {
            start: h.start,
            end: h.end,
        };
        match h.group {
            Some(gi) => mentions.push(Mention {
                kind: MentionKind::Place,
                id: g.places[gi].id.clone(),
                span,
            }),
            None => {
                for &p in &h.places {
                    let id = &g.places[p].id;
                    mentions.push(Mention {
                        kind: MentionKind::Place,
                        id: id.clone(),
                        span,
                    });
                    let e = regions.entry(id.clone()).or_insert((0, h.start));
                    e.0 += 1;
                }
            }
        }
    }
    for f in &flows {
        for id in [&f.from, &f.to] {
            let e = regions
                .entry(id.clone())
                .or_insert((0, f.evidence.span.start));
            e.0 += 1;
        }
    }
    let mut inds: HashMap<String, (u32, u32)> = HashMap::new();
    for h in &industry_hits {
        let id = &tx.industries[h.industry].id;
        mentions.push(Mention {
            kind: MentionKind::Industry,
            id: id.clone(),
            span: Span {
                start: h.start,
                end: h.end,
            },
        });
        let e = inds.entry(id.clone()).or_insert((0, h.start));
        e.0 += 1;
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));

    doc.tokens = tokens::to_lens(&toks);
    doc.regions = ranked(regions);
    doc.industries = ranked(inds);
    doc.mentions = mentions;
    doc.flows = flows;
    doc.figures = figs;
}

/// Ids by count (most first), then by first position.
fn ranked(m: HashMap<String, (u32, u32)>) -> Vec<String> {
    let mut v: Vec<(String, (u32, u32))> = m.into_iter().collect();
    v.sort_by(|a, b| {
        b.1 .0
            .cmp(&a.1 .0)
            .then(a.1 .1.cmp(&b.1 .1))
            .then(a.0.cmp(&b.0))
    });
    v.into_iter().map(|x| x.0).collect()
}

/// A document whose body is `text` as given (no page cleaning), analysed:
/// for pasted snippets, tests and the CLI's `analyze` of plain sentences.
pub fn document_from_text(text: &str) -> Document {
    let normalized = crate::normalize::normalize(text);
    let mut doc = Document {
        id: crate::stable_id(text.as_bytes()),
        origin: None,
        title: None,
        date: None,
        source: None,
        author: None,
        editor: None,
        script: crate::normalize::detect_script(text),
        encoding: "UTF-8".into(),
        body: text.to_string(),
        body_simplified: normalized.text,
        offsets: normalized.map,
        warnings: vec![],
        tokens: vec![],
        regions: vec![],
        industries: vec![],
        mentions: vec![],
        flows: vec![],
        figures: vec![],
    };
    analyze(&mut doc);
    doc
}
