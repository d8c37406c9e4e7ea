//! One test per trap the analysis must not fall into, each on a page
//! written here. The expected answers come from reading the sentence.
// Every test here analyses text, which needs the segmenter.
#![cfg(feature = "segment")]

use jjj_core::extract::analyze::document_from_text;
use jjj_core::model::{Document, MentionKind};

fn pairs(d: &Document) -> Vec<(String, String)> {
    d.flows
        .iter()
        .map(|f| (f.from.clone(), f.to.clone()))
        .collect()
}

fn place_mentions(d: &Document) -> Vec<&str> {
    d.mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Place)
        .map(|m| m.id.as_str())
        .collect()
}

#[test]
fn a_denied_move_is_not_a_flow() {
    let d = document_from_text(
        "有报道称北京某医药企业将整体搬迁至河北沧州。对此，该企业回应称此消息不实。",
    );
    assert!(d.flows.is_empty(), "{:?}", pairs(&d));
    let d = document_from_text("公司负责人表示，企业并未搬迁至天津，总部仍在北京。");
    assert!(d.flows.is_empty(), "{:?}", pairs(&d));
    let d = document_from_text("网传某汽车零部件企业将迁往河北，记者核实后发现系谣言。");
    assert!(d.flows.is_empty(), "{:?}", pairs(&d));
}

#[test]
fn a_wish_with_no_place_is_not_a_flow() {
    let d = document_from_text("希望更多企业来投资兴业，共享发展机遇。");
    assert!(d.flows.is_empty());
}

#[test]
fn suppliers_and_cooperation_agreements_are_not_flows() {
    let d = document_from_text("北京奔驰在京津冀地区拥有120余家供应商，其中天津有40多家。");
    assert!(d.flows.is_empty(), "{:?}", pairs(&d));
    let d = document_from_text(
        "天津市武清区与北京经济技术开发区签订战略合作协议，双方将举办产业对接会。",
    );
    assert!(d.flows.is_empty(), "{:?}", pairs(&d));
}

#[test]
fn outlet_and_organisation_names_are_not_locations() {
    let d = document_from_text("北京青年报记者获悉，天津大学教授在会上介绍了北京奔驰的新车型。北京时间昨晚，河北银行发布公告。");
    let m = place_mentions(&d);
    assert!(m.is_empty(), "{m:?}");
    assert!(d.regions.is_empty(), "{:?}", d.regions);
}

#[test]
fn jingjin_as_an_origin_is_two_flows_that_share_the_count() {
    let d = document_from_text("我省去年引进京津项目300个。河北省将继续承接。");
    let p = pairs(&d);
    assert!(p.contains(&("北京市".into(), "河北省".into())), "{p:?}");
    assert!(p.contains(&("天津市".into(), "河北省".into())), "{p:?}");
    for f in &d.flows {
        assert!(f.shared);
        assert_eq!(f.count.as_ref().map(|q| q.value), Some(300.0));
    }
}

#[test]
fn hangu_resolves_by_its_context_or_not_at_all() {
    let d = document_from_text("天津市滨海新区汉沽街道的一家企业扩大了产能。");
    assert!(
        d.regions
            .iter()
            .any(|r| r.contains("汉沽") && r != "唐山市汉沽管理区"),
        "{:?}",
        d.regions
    );
    let d = document_from_text("唐山市汉沽管理区近日引进了一批农业项目。");
    assert!(
        d.regions.contains(&"唐山市汉沽管理区".to_string()),
        "{:?}",
        d.regions
    );
    // Bare 汉沽 with nothing around it: no guess.
    let d = document_from_text("汉沽的企业今年增长较快。");
    assert!(
        d.regions.iter().all(|r| !r.contains("汉沽")),
        "{:?}",
        d.regions
    );
}

#[test]
fn a_province_written_right_before_a_shared_name_says_which_it_is() {
    // 高碑店 is a city in 保定 and an area of 朝阳; the market's name after
    // it (新发地, in 丰台) does not outweigh the province before it.
    let d = document_from_text("河北高碑店新发地开业以来，已入驻商户3000多个。");
    assert!(
        place_mentions(&d).contains(&"高碑店市"),
        "{:?}",
        place_mentions(&d)
    );
    // With nothing before it, a Beijing market's name after it makes it
    // the market's branch, outside Beijing, even with Beijing named around.
    let d = document_from_text("作为北京新发地市场的外扩项目，高碑店新发地整体占地2000亩。");
    assert!(
        place_mentions(&d).contains(&"高碑店市"),
        "{:?}",
        place_mentions(&d)
    );
    // A place before it still says which it is.
    let d = document_from_text("北京朝阳高碑店新发地的商户迁往河北。");
    assert!(
        place_mentions(&d).contains(&"高碑店乡"),
        "{:?}",
        place_mentions(&d)
    );
    let d = document_from_text("北京高碑店的一家仓库今年扩建。");
    assert!(
        place_mentions(&d).contains(&"高碑店乡"),
        "{:?}",
        place_mentions(&d)
    );
}

#[test]
fn a_shared_name_keeps_the_sense_a_cue_gave_it_in_the_article() {
    // 迁到了 after 北京 makes 高碑店 保定's; the later use, with only 北京
    // around it, keeps that sense.
    let d = document_from_text(
        "他把在北京经营多年的水果批发生意迁到了高碑店。如今，高碑店市场已汇聚了上千家北京外迁商户。",
    );
    let m = place_mentions(&d);
    assert!(m.contains(&"高碑店市"), "{m:?}");
    assert!(!m.contains(&"高碑店乡"), "{m:?}");
    // Two cues that disagree settle nothing for the other uses: each cued
    // use keeps its own sense.
    let d = document_from_text(
        "北京高碑店的老仓库已经腾退。一批商户迁到了高碑店，河北高碑店的新市场开业。",
    );
    let m = place_mentions(&d);
    assert!(m.contains(&"高碑店乡") && m.contains(&"高碑店市"), "{m:?}");
}

#[test]
fn a_district_in_the_same_sentence_outweighs_the_articles_sense_of_a_shared_name() {
    let d =
        document_from_text("北京一批批发商户搬到了高碑店。在朝阳区，高碑店村的民俗旅游也很红火。");
    let m = place_mentions(&d);
    assert!(m.contains(&"高碑店市") && m.contains(&"高碑店乡"), "{m:?}");
    // What was rebuilt or moved out of it did not go there.
    let d =
        document_from_text("北京市朝阳区去年迁建了高碑店污水处理厂的二期工程，处理能力提升三成。");
    assert!(d.flows.is_empty(), "{:?}", pairs(&d));
}

#[test]
fn a_zone_named_after_a_district_is_the_zone_not_the_district() {
    // The demonstration zone spans 北戴河区, 北戴河新区 and more: its name
    // is no mention of 北戴河区.
    let d = document_from_text("医院项目位于北戴河国家生命健康产业创新示范区内，总投资8亿元。");
    let m = place_mentions(&d);
    assert!(m.contains(&"北戴河生命健康产业创新示范区"), "{m:?}");
    assert!(!m.contains(&"北戴河区"), "{m:?}");
}

#[test]
fn ordinary_words_that_contain_place_names_are_not_places() {
    let d = document_from_text("朝阳产业发展迅速，做好搬迁安置工作，大城市的区域协同，新华社电。");
    let m = place_mentions(&d);
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn the_ways_the_news_says_a_move_are_all_read() {
    let cases: &[(&str, &str, &str)] = &[
        ("通州一家制衣厂将生产环节分散迁往河北。", "通州区", "河北省"),
        ("这家企业已从北京搬迁至天津武清。", "北京市", "武清区"),
        ("北京动批的商户疏解到了河北白沟新城。", "北京市", "白沟新城"),
        (
            "曹妃甸协同发展示范区承接京津项目256个。",
            "北京市",
            "曹妃甸协同发展示范区",
        ),
        ("“北京药，河北产”，异地监管开了先河。", "北京市", "河北省"),
        (
            "SMC在北京亦庄的引导下注册成立SMC（天津）制造有限公司。",
            "北京经济技术开发区",
            "天津市",
        ),
        (
            "来自北京的2000户服装经营者落户白沟新城。",
            "北京市",
            "白沟新城",
        ),
        ("引导北京企业在津冀布局一批项目。", "北京市", "河北省"),
    ];
    for (text, from, to) in cases {
        let d = document_from_text(text);
        let p = pairs(&d);
        assert!(
            p.contains(&(from.to_string(), to.to_string())),
            "{text}: {p:?}"
        );
    }
}

#[test]
fn evidence_spans_point_at_their_sentence_in_both_scripts() {
    let d = document_from_text("去年，北京威克多製衣中心整體搬遷至河北。");
    let f = &d.flows[0];
    let simp: String = d
        .body_simplified
        .chars()
        .skip(f.evidence.span.start as usize)
        .take((f.evidence.span.end - f.evidence.span.start) as usize)
        .collect();
    assert_eq!(simp, f.evidence.text);
    let orig: String = d
        .body
        .chars()
        .skip(f.evidence.original.start as usize)
        .take((f.evidence.original.end - f.evidence.original.start) as usize)
        .collect();
    assert_eq!(orig, "去年，北京威克多製衣中心整體搬遷至河北。");
}

#[test]
fn tokens_map_onto_the_same_words_in_the_original_script() {
    let d = document_from_text("北京亦莊主動融入京津冀協同發展，點比特資訊。");
    let toks = jjj_core::text::tokens::from_lens(&d.body_simplified, &d.tokens);
    let word = |sp: jjj_core::model::Span| -> String {
        d.body
            .chars()
            .skip(sp.start as usize)
            .take((sp.end - sp.start) as usize)
            .collect()
    };
    let find = |w: &str| {
        toks.iter()
            .find(|t| t.text(&d.body_simplified) == w)
            .copied()
            .unwrap()
    };
    assert_eq!(word(find("协同发展").original(&d.offsets)), "協同發展");
    // 點比特 (3 chars) became 点位 (2): the token maps back to all three.
    assert_eq!(word(find("点位").original(&d.offsets)), "點比特");
    assert_eq!(word(find("信息").original(&d.offsets)), "資訊");
}
