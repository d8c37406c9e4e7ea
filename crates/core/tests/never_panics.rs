//! Every stage that takes text takes any text: no panic, and offsets that
//! stay on character boundaries.

use jjj_core::normalize::normalize;
use jjj_core::process_page;
use proptest::prelude::*;

fn pagey() -> impl Strategy<Value = String> {
    // Mix of Chinese, markup, punctuation, pinyin, damage and line breaks.
    let atoms = prop::sample::select(vec![
        "京津冀",
        "協(xié)同",
        "發展",
        "。",
        "，",
        ",,",
        "、",
        "?",
        "\u{FFFD}",
        "<p>",
        "</div>",
        "<script>",
        "&amp;",
        "&#x4e2d;",
        "\n",
        " ",
        "2021-05-29",
        "22.01.2018",
        "来源：",
        "记者 ",
        "责任编辑：",
        "|",
        "人民网北京2月25日电",
        "點比特",
        "管道",
        "鈥",
        "Ã©",
        "(",
        ")",
        "文/",
        "（记者 张三）",
        "ǎ",
        "\u{200B}",
    ]);
    prop::collection::vec(atoms, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn process_page_never_panics(s in pagey()) {
        let _ = process_page(s.as_bytes(), None);
    }

    #[test]
    fn process_page_never_panics_on_bytes(b in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = process_page(&b, None);
    }

    #[test]
    fn offsets_map_onto_char_boundaries_and_normalizing_twice_changes_nothing(s in pagey()) {
        let n = normalize(&s);
        let orig_len = s.chars().count() as u32;
        let norm_len = n.text.chars().count() as u32;
        for p in 0..=norm_len {
            prop_assert!(n.map.to_original(p) <= orig_len);
        }
        for p in 0..=orig_len {
            prop_assert!(n.map.to_normalized(p) <= norm_len);
        }
        prop_assert_eq!(n.map.to_original(norm_len), orig_len);
        let twice = normalize(&n.text);
        prop_assert_eq!(&twice.text, &n.text);
    }

    #[test]
    fn documents_warnings_point_inside_the_body(s in pagey()) {
        if let Ok(d) = process_page(s.as_bytes(), None) {
            let len = d.body.chars().count() as u32;
            for w in &d.warnings {
                if let Some(sp) = w.span {
                    prop_assert!(sp.start < sp.end && sp.end <= len);
                }
            }
        }
    }
}
