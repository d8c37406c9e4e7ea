//! The tables' numbers and cells, natively.
use super::*;

#[test]
fn figures_read_as_people_write_them() {
    assert_eq!(people_number(1_390_117_000_000.0, Lang::Zh), "13901.17亿");
    assert_eq!(
        people_number(1_390_117_000_000.0, Lang::En),
        "1.39 trillion"
    );
    assert_eq!(people_number(256.0, Lang::Zh), "256");
    assert_eq!(people_number(250_000.0, Lang::Zh), "25万");
    assert_eq!(people_number(2_500_000_000.0, Lang::En), "2.5 billion");
    assert_eq!(people_number(12_500.0, Lang::En), "12500");
}
use jjj_core::model::Span;

fn evidence() -> Evidence {
    Evidence {
        text: "北京企业迁往沧州，投资2500亿元。".into(),
        span: Span { start: 0, end: 17 },
        original: Span { start: 0, end: 17 },
    }
}

#[test]
fn each_row_has_a_cell_for_every_column_but_the_evidence() {
    let flow = Flow {
        from: "北京市".into(),
        to: "沧州市".into(),
        industry: None,
        what: None,
        count: None,
        amount: None,
        firm: Some("北京现代".into()),
        period: Some("去年".into()),
        plan: true,
        shared: false,
        doc: "0".into(),
        evidence: evidence(),
    };
    let figure = Figure {
        value: 2.5e11,
        unit: "元".into(),
        raw: "2500亿元".into(),
        counts: "投资".into(),
        period: Some("十三五".into()),
        place: Some("沧州市".into()),
        is_target: false,
        qualifier: None,
        span: Span { start: 11, end: 17 },
        evidence: evidence(),
    };
    let doc = Document {
        date: Some("2021-03-04".into()),
        ..Document::default()
    };
    for l in [Lang::Zh, Lang::En] {
        assert_eq!(flow.cells(&doc, l).len() + 1, FLOWS.columns.len());
        assert_eq!(figure.cells(&doc, l).len() + 1, FIGURES.columns.len());
    }
    let cells = flow.cells(&doc, Lang::Zh);
    // Firm and year: 去年 in an article of 2021 is 2020.
    assert_eq!((cells[6].as_str(), cells[7].as_str()), ("北京现代", "2020"));
    assert_eq!(cells[8], "计划");
    let cells = figure.cells(&doc, Lang::En);
    assert_eq!(cells[4], "Cangzhou");
    assert_eq!(
        (cells[5].as_str(), cells[6].as_str()),
        ("13th Five-Year Plan", "2016–2020")
    );
    // The value as people write it (2500亿), sorted by the number.
    assert_eq!(figure.cells(&doc, Lang::Zh)[1], "2500亿");
    assert_eq!(figure.cells(&doc, Lang::En)[1], "250 billion");
    assert!(FIGURES.columns[1].num);
    // A flow opens at its sentence, a figure at its number.
    assert_eq!((flow.at(), figure.at()), (0, 11));
    // The row filter reads the cells and the sentence.
    let cells = figure.cells(&doc, Lang::Zh);
    assert!(row_matches(&figure, &cells, "2500亿"));
    assert!(row_matches(&figure, &cells, "迁往"));
    assert!(!row_matches(&figure, &cells, "天津"));
    assert!(row_matches(&flow, &flow.cells(&doc, Lang::Zh), "沧州市"));
}
