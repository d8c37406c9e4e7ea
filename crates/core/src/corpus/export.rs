//! Tables of flows, figures and documents as CSV, shared by the CLI and the
//! app's export buttons.
//!
//! CSV follows RFC 4180 (quotes doubled, CRLF line ends) and starts with a
//! UTF-8 byte-order mark so that spreadsheet programs read Chinese right. A
//! cell that a spreadsheet would run as a formula (starting with = + - @,
//! a tab or a carriage return) is written with a leading apostrophe.

use crate::corpus::aggregate::FlowRef;
use crate::extract::industries::taxonomy;
use crate::extract::places::gazetteer;
use crate::model::Document;
use crate::text::periods;

/// One CSV cell, quoted when needed and defused when it looks like a formula.
pub fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn place_en(id: &str) -> String {
    gazetteer()
        .get(id)
        .map(|p| p.name_en.clone())
        .unwrap_or_default()
}

fn industry_en(id: &str) -> String {
    taxonomy()
        .get(id)
        .map(|p| p.name_en.clone())
        .unwrap_or_default()
}

const BOM: &str = "\u{feff}";

/// A whole CSV table: the byte-order mark, the header, the rows.
fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from(BOM);
    out.push_str(&row(&header
        .iter()
        .map(|h| h.to_string())
        .collect::<Vec<_>>()));
    for r in rows {
        out.push_str(&row(&r));
    }
    out
}

/// The columns that say which article a row comes from.
const DOC_COLUMNS: [&str; 4] = ["doc", "date", "source", "title"];

fn doc_cells(d: &Document) -> Vec<String> {
    vec![
        d.id.clone(),
        d.date.clone().unwrap_or_default(),
        d.source.clone().unwrap_or_default(),
        d.display_title(),
    ]
}

/// The flows `refs` of `docs` as CSV.
pub fn flows_csv(docs: &[Document], refs: &[FlowRef]) -> String {
    let header = [
        &DOC_COLUMNS[..],
        &[
            "from",
            "from_en",
            "to",
            "to_en",
            "industry",
            "industry_en",
            "what",
            "count",
            "count_unit",
            "amount",
            "amount_unit",
            "firm",
            "plan",
            "shared",
            "period",
            "years",
            "evidence",
        ],
    ]
    .concat();
    let rows = refs.iter().filter_map(|r| {
        let d = docs.get(r.doc as usize)?;
        let f = d.flows.get(r.flow as usize)?;
        let ind = f.industry.clone().unwrap_or_default();
        let mut cells = doc_cells(d);
        cells.extend([
            f.from.clone(),
            place_en(&f.from),
            f.to.clone(),
            place_en(&f.to),
            ind.clone(),
            industry_en(&ind),
            f.what.map(|w| w.zh().to_string()).unwrap_or_default(),
            f.count.as_ref().map(|q| num(q.value)).unwrap_or_default(),
            f.count.as_ref().map(|q| q.unit.clone()).unwrap_or_default(),
            f.amount.as_ref().map(|q| num(q.value)).unwrap_or_default(),
            f.amount
                .as_ref()
                .map(|q| q.unit.clone())
                .unwrap_or_default(),
            f.firm.clone().unwrap_or_default(),
            f.plan.to_string(),
            f.shared.to_string(),
            f.period.clone().unwrap_or_default(),
            periods::label(f.period.as_deref(), d.year()),
            f.evidence.text.clone(),
        ]);
        Some(cells)
    });
    table(&header, rows)
}

/// The figures `refs` (document, figure index) of `docs` as CSV.
pub fn figures_csv(docs: &[Document], refs: &[(u32, u32)]) -> String {
    let header = [
        &DOC_COLUMNS[..],
        &[
            "value",
            "unit",
            "raw",
            "counts",
            "period",
            "years",
            "place",
            "place_en",
            "is_target",
            "qualifier",
            "evidence",
        ],
    ]
    .concat();
    let rows = refs.iter().filter_map(|&(di, fi)| {
        let d = docs.get(di as usize)?;
        let f = d.figures.get(fi as usize)?;
        let mut cells = doc_cells(d);
        cells.extend([
            num(f.value),
            f.unit.clone(),
            f.raw.clone(),
            f.counts.clone(),
            f.period.clone().unwrap_or_default(),
            periods::label(f.period.as_deref(), d.year()),
            f.place.clone().unwrap_or_default(),
            f.place.as_deref().map(place_en).unwrap_or_default(),
            f.is_target.to_string(),
            f.qualifier.clone().unwrap_or_default(),
            f.evidence.text.clone(),
        ]);
        Some(cells)
    });
    table(&header, rows)
}

/// The documents `which` as CSV (one row each, analysis summarised).
pub fn documents_csv(docs: &[Document], which: &[u32]) -> String {
    let header = [
        "doc",
        "date",
        "source",
        "author",
        "title",
        "script",
        "encoding",
        "regions",
        "industries",
        "flows",
        "figures",
        "warnings",
        "origin",
    ];
    let rows = which.iter().filter_map(|&i| {
        let d = docs.get(i as usize)?;
        Some(vec![
            d.id.clone(),
            d.date.clone().unwrap_or_default(),
            d.source.clone().unwrap_or_default(),
            d.author.clone().unwrap_or_default(),
            d.display_title(),
            d.script.as_str().to_string(),
            d.encoding.clone(),
            d.regions.join("|"),
            d.industries.join("|"),
            d.flows.len().to_string(),
            d.figures.len().to_string(),
            d.warnings.len().to_string(),
            d.origin.clone().unwrap_or_default(),
        ])
    });
    table(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_commas_quoted() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("北京,天津"), "\"北京,天津\"");
        assert_eq!(cell("第一行\n第二行"), "\"第一行\n第二行\"");
        assert_eq!(cell("河北省"), "河北省");
    }
}
