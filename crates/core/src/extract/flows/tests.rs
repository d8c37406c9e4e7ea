//! Flows read from sentences written here, one test per shape.
use crate::extract::analyze::document_from_text;
use crate::model::{Flow, What};

fn flows(text: &str) -> Vec<Flow> {
    document_from_text(text).flows
}

fn pairs(flows: &[Flow]) -> Vec<(&str, &str)> {
    flows
        .iter()
        .map(|f| (f.from.as_str(), f.to.as_str()))
        .collect()
}

fn count(f: &Flow) -> Option<(f64, &str)> {
    f.count.as_ref().map(|q| (q.value, q.unit.as_str()))
}

#[test]
fn a_move_to_a_place_goes_from_the_movers_home() {
    let f = flows("去年，北京一家服装企业整体搬迁至河北沧州。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
    assert_eq!(f[0].what, Some(What::Firms));
    assert_eq!(f[0].industry.as_deref(), Some("纺织服装"));
    assert!(!f[0].plan && !f[0].shared);
}

#[test]
fn settling_in_a_place_needs_an_origin_before_it() {
    let f = flows("多家北京医药企业在沧州渤海新区落户。");
    assert_eq!(pairs(&f), [("北京市", "渤海新区")]);
    assert_eq!(f[0].industry.as_deref(), Some("医药健康"));
    // A project that lands somewhere, from nowhere said.
    assert!(flows("一批新能源汽车项目在雄安新区落地。").is_empty());
}

#[test]
fn moving_toward_a_place_reads_the_place_after_xiang() {
    let f = flows("近年来，北京的一批批发企业陆续向天津转移。");
    assert_eq!(pairs(&f), [("北京市", "天津市")]);
}

#[test]
fn a_receiving_subject_is_the_destination_of_what_it_brings_in() {
    let f = flows("保定市今年引进北京项目42个，总投资120亿元。");
    assert_eq!(pairs(&f), [("北京市", "保定市")]);
    assert_eq!(f[0].what, Some(What::Projects));
    assert_eq!(count(&f[0]), Some((42.0, "个")));
    let amount = f[0].amount.as_ref().map(|q| (q.value, q.unit.as_str()));
    assert_eq!(amount, Some((1.2e10, "元")));
}

#[test]
fn listed_origins_each_get_their_own_count() {
    let f = flows("廊坊市去年共引进企业120家，其中北京企业85家、天津企业20家。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市"), ("天津市", "廊坊市")]);
    assert_eq!(count(&f[0]), Some((85.0, "家")));
    assert_eq!(count(&f[1]), Some((20.0, "家")));
    assert!(f.iter().all(|x| !x.shared));
}

#[test]
fn origins_listed_in_the_next_sentence_each_get_their_own_count() {
    let f =
        flows("沧州临港经济技术开发区已吸引医药企业60家入驻。其中，北京企业36家；天津企业9家。");
    let to = "沧州临港经济技术开发区";
    assert_eq!(pairs(&f), [("北京市", to), ("天津市", to)]);
    assert_eq!(count(&f[0]), Some((36.0, "家")));
    assert_eq!(count(&f[1]), Some((9.0, "家")));
    // Firms a place merely has did not move there.
    assert!(flows("沧州临港经济技术开发区有医药企业60家。其中，北京企业36家。").is_empty());
    // A sentence that states its own flow keeps it alone.
    let f = flows("廊坊市去年共引进企业120家，其中北京企业85家。其中，30家来自天津。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市")]);
}

#[test]
fn a_park_welcoming_firms_from_a_place_takes_them_in_but_visitors_are_no_move() {
    let f = flows("由京冀共建的沧州临港经济技术开发区11日迎接来自北京的首批10家药企集中开工建设。");
    assert_eq!(pairs(&f), [("北京市", "沧州临港经济技术开发区")]);
    for s in [
        "廊坊市迎来来自北京的考察团一行20人。",
        "雄安新区迎接来自北京的游客。",
        "廊坊市去年吸引北京游客10万人次。",
        "廊坊市接收北京学生200名。",
    ] {
        assert!(flows(s).is_empty(), "{s}");
    }
}

#[test]
fn a_firm_named_after_its_home_builds_elsewhere_whenever_it_starts() {
    // Time and manner between the name and 在; 投资建设 with no seat after it.
    for s in [
        "北京现代汽车第四家工厂今年4月开始在河北沧州投资建设。",
        "北京现代第四工厂2015年4月在沧州开工建设。",
    ] {
        assert_eq!(pairs(&flows(s)), [("北京市", "沧州市")], "{s}");
    }
}

#[test]
fn a_market_branch_named_after_its_site_lies_outside_its_homes_province() {
    // 高碑店 is both 保定's city and 朝阳's township.
    let f = flows("总投资54亿元的北京新发地高碑店农产品物流园正式开门迎客。");
    assert_eq!(pairs(&f), [("新发地", "高碑店市")]);
    // Site first: 保定's 高碑店 still, so no move out of it into 新发地.
    let f = flows("高碑店新发地农产品物流园占地2081亩，总投资54亿元。");
    assert!(f.is_empty(), "{:?}", pairs(&f));
}

#[test]
fn firms_signed_within_a_place_came_from_nowhere() {
    assert!(flows("廊坊市共签约河北省内合作社和龙头企业580多家。").is_empty());
    assert!(flows("廊坊市今年引进市内企业20家。").is_empty());
    let f = flows("廊坊市今年签约北京企业20家。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市")]);
}

#[test]
fn a_share_of_a_move_from_within_its_origin_is_a_flow_of_its_own() {
    let f =
        flows("截至今年4月中旬，已有近800家北京服装加工厂签约外迁沧州，其中667家来自于大兴区。");
    assert_eq!(pairs(&f), [("北京市", "沧州市"), ("大兴区", "沧州市")]);
    assert_eq!(count(&f[0]), Some((800.0, "家")));
    assert_eq!(count(&f[1]), Some((667.0, "家")));
    // 签约 only marks 外迁 here: 沧州 receives nothing from itself.
    assert!(!pairs(&f).iter().any(|p| p.0 == "沧州市"));
}

#[test]
fn movers_of_a_place_signing_with_another_go_there() {
    let f = flows("预计年底前，还将有近2000北京商户签约天津卓尔电商城及小百货城。");
    assert_eq!(pairs(&f), [("北京市", "天津市")]);
    // A count between the place and the movers (大红门3千多商户签约).
    let f = flows("大红门3千多商户签约廊坊一座新商城。");
    assert_eq!(pairs(&f), [("大红门街道", "廊坊市")]);
    // A place signing movers still takes them in; a place signing with
    // movers too.
    assert_eq!(
        pairs(&flows("廊坊市签约北京企业20家。")),
        [("北京市", "廊坊市")]
    );
    assert_eq!(
        pairs(&flows("廊坊市与北京企业签约20个项目。")),
        [("北京市", "廊坊市")]
    );
    // Movers of a place signing with another named after 与.
    assert_eq!(
        pairs(&flows(
            "当天，一家精密机械公司等多家北京企业现场与廊坊市签约，项目总投资120亿元。"
        )),
        [("北京市", "廊坊市")]
    );
}

#[test]
fn a_place_taking_in_anothers_industry_a_few_words_after_the_verb() {
    let f = flows("如今，广宗不光承接了不少京津产业“南移”，还吸引了部分南方产业“北投”。");
    assert_eq!(pairs(&f), [("北京市", "广宗县"), ("天津市", "广宗县")]);
}

#[test]
fn a_site_named_after_another_place_with_a_particle_between() {
    let f = flows("目前，北京大学人民医院的雄安院区已经开工建设。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    // Its people visiting a site are no move.
    assert!(flows("北京大学的学生来到雄安基地参观。").is_empty());
}

#[test]
fn a_market_named_after_a_place_outside_the_region_is_no_destination() {
    assert!(flows("温州国际商贸城建设改造之初的目标，就是承接非首都功能疏解。").is_empty());
    // Sent there, the place is one.
    assert_eq!(
        pairs(&flows("北京服装企业迁往温州工业园。")),
        [("北京市", "温州市")]
    );
}

#[test]
fn projects_and_capital_brought_in_together_are_two_flows() {
    let f = flows("沧州市去年引进北京项目86个、资金420亿元。");
    assert_eq!(pairs(&f), [("北京市", "沧州市"), ("北京市", "沧州市")]);
    let projects = f.iter().find(|x| x.what == Some(What::Projects)).unwrap();
    assert_eq!(count(projects), Some((86.0, "个")));
    assert_eq!(projects.amount, None);
    let capital = f.iter().find(|x| x.what == Some(What::Capital)).unwrap();
    assert_eq!(capital.count, None);
    assert_eq!(capital.amount.as_ref().map(|q| q.value), Some(4.2e10));
}

#[test]
fn a_paired_slogan_is_a_flow() {
    let f = flows("两地正在推广“北京研发、天津转化”的合作模式。");
    assert_eq!(pairs(&f), [("北京市", "天津市")]);
}

#[test]
fn a_firm_set_up_elsewhere_goes_to_the_seat_in_its_name() {
    let f = flows("北京一家新材料企业出资成立了恒远（天津）科技有限公司。");
    assert_eq!(pairs(&f), [("北京市", "天津市")]);
    assert_eq!(f[0].firm.as_deref(), Some("恒远（天津）科技有限公司"));
}

#[test]
fn a_denied_move_is_not_a_flow() {
    let rumour = "有消息称，北京某物流企业将迁往天津武清。";
    assert_eq!(pairs(&flows(rumour)), [("北京市", "武清区")]);
    let denied = format!("{rumour}该企业随后澄清，此消息不实。");
    assert!(flows(&denied).is_empty());
    assert!(flows("网传一家北京药企将搬迁至河北保定，记者求证后发现并无此事。").is_empty());
}

#[test]
fn a_negated_move_is_not_a_flow() {
    let f = flows("这家北京制药企业已搬迁至河北。");
    assert_eq!(pairs(&f), [("北京市", "河北省")]);
    assert!(flows("这家北京制药企业并未搬迁至河北，研发和生产都还在原址。").is_empty());
}

#[test]
fn a_move_still_to_come_is_a_plan() {
    let f = flows("北京一家印刷企业将于年底迁往河北固安。");
    assert_eq!(pairs(&f), [("北京市", "固安县")]);
    assert!(f[0].plan);
    let f = flows("北京一家印刷企业去年迁往河北固安。");
    assert_eq!(pairs(&f), [("北京市", "固安县")]);
    assert!(!f[0].plan);
}

#[test]
fn jingjin_as_origin_gives_two_shared_flows() {
    let f = flows("唐山市去年承接京津企业180家。");
    assert_eq!(pairs(&f), [("北京市", "唐山市"), ("天津市", "唐山市")]);
    for x in &f {
        assert!(x.shared);
        assert_eq!(count(x), Some((180.0, "家")));
    }
}

/// Regression: production capacity (产能) as what moves was not taken
/// for the home of a mover in the 向 P / 在 P shapes.
#[test]
fn capacity_moving_toward_or_into_a_place_is_a_flow() {
    let f = flows("北京的部分纺织产能正向河北转移。");
    assert_eq!(pairs(&f), [("北京市", "河北省")]);
    assert_eq!(f[0].what, Some(What::Production));
    let f = flows("北京的部分纺织产能在河北落地。");
    assert_eq!(pairs(&f), [("北京市", "河北省")]);
}

/// 疏解 names no origin but means Beijing's: 首批疏解的央企总部落户雄安.
#[test]
fn shujie_without_an_origin_is_from_beijing() {
    assert_eq!(
        pairs(&flows("首批疏解的央企总部落户雄安新区。")),
        [("北京市", "雄安新区")]
    );
    assert_eq!(
        pairs(&flows("天津疏解的部分企业落户沧州。")),
        [("天津市", "沧州市")]
    );
    // Not into Beijing itself, and not 疏解整治 (a campaign in Beijing).
    assert!(flows("疏解整治促提升专项行动在朝阳区落地。").is_empty());
}

/// 来自 A和B names two origins, and 当地 is not one of them.
#[test]
fn two_origins_after_laizi_are_not_a_move_between_them() {
    let f = flows("这些企业主要来自北京市丰台区和大兴区，将在当地建设生产基地。");
    assert!(
        !pairs(&f).contains(&("丰台区", "大兴区")),
        "{:?}",
        pairs(&f)
    );
}

/// A move inside one place is not a flow between places.
#[test]
fn a_move_inside_one_place_is_not_a_flow() {
    assert!(flows("通州区的部分行政机构迁往北京城市副中心。").is_empty());
}

/// 来自 A和B names two origins; 当地 is the place the sentence before
/// named (here a park in Hebei), not one of them nor Beijing.
#[test]
fn laizi_origins_go_to_the_place_named_before_dangdi() {
    let f = flows(
        "衡水高新区服装产业园今年新签约企业12家。\
         这些企业主要来自北京市石景山区和房山区，将在当地建设生产基地。",
    );
    let p = pairs(&f);
    assert!(p.contains(&("石景山区", "衡水高新技术产业开发区")), "{p:?}");
    assert!(p.contains(&("房山区", "衡水高新技术产业开发区")), "{p:?}");
    assert!(!p.contains(&("石景山区", "房山区")), "{p:?}");
}

/// 在这里 is the place of the sentence before, and the mover is the same.
#[test]
fn zheli_takes_the_place_and_origin_of_the_sentence_before() {
    let f = flows("北京一家汽车企业的新工厂在沧州开工。明年起，两款新车型将在这里生产。");
    let second: Vec<_> = f
        .iter()
        .filter(|x| x.evidence.text.contains("在这里生产"))
        .collect();
    assert_eq!(second.len(), 1, "{:?}", pairs(&f));
    assert_eq!(
        (second[0].from.as_str(), second[0].to.as_str()),
        ("北京市", "沧州市")
    );
    assert!(second[0].plan);
}

/// One firm's move to a province goes to the place within it that the
/// next sentence names; what a province brings in stays the province's.
#[test]
fn a_move_to_a_province_is_refined_by_the_next_sentence() {
    let f = flows("去年，北京一家家具企业整体搬迁至河北。新厂房位于固安县城东，占地200亩。");
    assert_eq!(pairs(&f), [("北京市", "固安县")]);
    let f = flows("我省去年引进北京项目300个。沧州市落地的有80个。");
    assert_eq!(pairs(&f)[0], ("北京市", "河北省"));
}

/// A province is refined by the one place within it the paragraph named
/// before; not when it names two, nor when the sentence names a place
/// after the province that the gazetteer does not know.
#[test]
fn a_move_to_a_province_is_refined_by_the_one_place_the_paragraph_named() {
    let f = flows(
        "坐落在天津武清区的一座服装城昨天开门迎客。\
         年底前，还有约500家北京商户将入驻天津这座服装城。",
    );
    assert_eq!(pairs(&f), [("北京市", "武清区")]);
    let f = flows(
        "天津武清区和西青区各有一座服装城开业。\
         年底前，还有约500家北京商户将入驻天津这座服装城。",
    );
    assert_eq!(pairs(&f), [("北京市", "天津市")]);
    let f = flows(
        "坐落在天津武清区的一座服装城昨天开门迎客。\
         另有约500家北京商户将入驻天津某某新技术产业园区。",
    );
    assert_eq!(pairs(&f), [("北京市", "天津市")]);
}

/// A firm named after a place builds elsewhere: it moves from there. A
/// place after 在 is where something is built, never a mover's home.
#[test]
fn a_firm_named_after_a_place_moves_from_it() {
    let f = flows("北京星辰数据科技有限公司在三河市建设了一座云计算中心。");
    assert_eq!(pairs(&f), [("北京市", "三河市")]);
    let f = flows("一家软件企业在大厂建设研发基地、一家物流企业在香河建设仓储中心。");
    assert!(f.is_empty(), "{:?}", pairs(&f));
}

/// A site named after one place of an organisation named after another.
#[test]
fn a_site_of_an_organisation_named_after_another_place_is_a_flow() {
    let f = flows("北京大学人民医院雄安院区的主体结构已经完工。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    // A name that says 首都 for its home (assets/firms.tsv).
    let f = flows("首都医科大学宣武医院雄安院区开诊。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    assert!(flows("首都医科大学的专家到雄安义诊。").is_empty());
}

/// A sentence that says things left a place, with no destination: the
/// next sentence's destination receives them; or the paragraph's place.
#[test]
fn an_outward_move_finds_its_other_end_in_the_paragraph() {
    let f = flows("顺义区去年整体外迁的工业企业共有45家。其中，30家已落户河北廊坊。");
    assert_eq!(pairs(&f), [("顺义区", "廊坊市")]);
    let f = flows(
        "沧州临港经济技术开发区建起了一座化工新材料园。\
         这一做法加快了天津化工企业的外迁。",
    );
    assert_eq!(pairs(&f), [("天津市", "沧州临港经济技术开发区")]);
}

/// 疏解 after the verb, and 承接非首都功能, still mean from Beijing; the
/// places listed after 与 are partners, not the subject.
#[test]
fn shujie_and_non_capital_functions_come_from_beijing() {
    let f = flows("两家央企已正式迁驻雄安新区办公，标志着疏解北京非首都功能取得新进展。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    let f = flows("武清区与北京市通州区、河北省廊坊市加强联动，加快承接非首都功能疏解。");
    assert_eq!(pairs(&f), [("北京市", "武清区")]);
}

/// 北京方向/北京来源 before what moves names its home.
#[test]
fn a_direction_word_names_the_movers_home() {
    let f = flows("宝坻区今年已落地北京方向实体项目40余个。");
    assert_eq!(pairs(&f), [("北京市", "宝坻区")]);
}

/// A zone inside a district is inside it: no flow.
#[test]
fn a_move_into_a_zone_of_the_same_district_is_not_a_flow() {
    assert!(flows("大兴区的一家生物医药企业迁往北京经济技术开发区。").is_empty());
}

/// The origin after a receiving verb does not reach across a comma.
#[test]
fn a_receiving_verb_does_not_take_an_origin_across_a_comma() {
    let f = flows("这些企业多从北京引进，对保定并不熟悉。");
    assert!(
        !pairs(&f).contains(&("保定市", "北京市")),
        "{:?}",
        pairs(&f)
    );
}

/// Lists of where moved firms went, after a paragraph said they left a
/// place: each listed place receives from it.
#[test]
fn a_list_of_destinations_receives_from_the_place_left_before() {
    let f = flows(
        "朝阳区去年整体外迁的企业约60家。\n\n\
         这些企业的主要转移地区包括河北保定、沧州和天津武清。\n\n\
         其中20家集中在沧州，另有8家分别在霸州、文安。",
    );
    let mut p = pairs(&f);
    p.sort();
    p.dedup();
    assert_eq!(
        p,
        [
            ("朝阳区", "保定市"),
            ("朝阳区", "文安县"),
            ("朝阳区", "武清区"),
            ("朝阳区", "沧州市"),
            ("朝阳区", "霸州市"),
        ]
    );
}
/// 中关村 (一区十六园, in no one district) as an end is itself, the most
/// precise place the text names; views roll it up into Beijing.
#[test]
fn a_zone_spanning_a_municipality_is_named_as_itself() {
    let f = flows("近年来，中关村的一批软件企业在天津落户。");
    assert_eq!(pairs(&f), [("中关村国家自主创新示范区", "天津市")]);
}

/// A 与 P 签约 N个项目: Beijing's side, or the side whose firms move,
/// is the origin; signing a cooperation is no move.
#[test]
fn projects_signed_with_a_partner_go_to_the_other_side() {
    let f = flows("朝阳区与河北省张家口市签约18个项目，总投资60亿元。");
    assert_eq!(pairs(&f), [("朝阳区", "张家口市")]);
    let f = flows("保定市与北京30家企业签约12个项目。");
    assert_eq!(pairs(&f), [("北京市", "保定市")]);
    assert!(flows("唐山市与北京一家科技公司签约，双方将共建实验室。").is_empty());
}

/// With the origin marked and no subject before the verb, the place the
/// sentence names after it receives.
#[test]
fn a_marked_origin_goes_to_the_place_named_after_the_verb() {
    let f = flows("园区的企业多从天津引进，对沧州的政策并不了解。");
    assert_eq!(pairs(&f), [("天津市", "沧州市")]);
}

/// What came from the paragraph's own first place goes to its other
/// place; with none, to the document's first place.
#[test]
fn an_origin_without_a_destination_goes_to_the_place_named_before() {
    let f = flows("北京市与唐山市近日举行产业对接会。会上共有15个项目签约，全部来自北京企业。");
    assert_eq!(pairs(&f), [("北京市", "唐山市")]);
    let f = flows("武清区上半年举办了三场招商活动。\n\n此次签约的20个项目中，北京地区14个项目。");
    assert_eq!(pairs(&f), [("北京市", "武清区")]);
    assert_eq!(count(&f[0]), Some((14.0, "个")));
}

/// A firm of one place inside a park of another (在 P 内的北京一家…企业).
#[test]
fn a_firm_located_in_a_park_came_from_its_home() {
    let f = flows("在固安高新区内的北京一家印刷企业车间里，工人正在忙碌。");
    assert_eq!(pairs(&f), [("北京市", "固安高新技术产业开发区")]);
}

/// The destination after a modifier ending in 的, not a place inside it.
#[test]
fn a_destination_after_a_modifier_is_the_place_after_de() {
    let f = flows("去年，北京一家家具企业迁到了离天津不远的河北霸州。");
    assert_eq!(pairs(&f), [("北京市", "霸州市")]);
    // The place after 的 names the movers' home: not a destination.
    let f = flows("唐山共建了一座新材料产业园，迁至园区的京籍企业已有20家。");
    assert!(
        !pairs(&f).contains(&("唐山市", "北京市")),
        "{:?}",
        pairs(&f)
    );
}

/// One clause sending an origin to a province and to a place within it
/// keeps the place; past a semicolon both stay.
#[test]
fn a_province_refined_in_the_same_clause_is_dropped() {
    let f = flows("作为河北省承接北京产业转移的重点城市，霸州市已承接北京企业60家。");
    assert_eq!(pairs(&f), [("北京市", "霸州市")]);
    let f = flows("河北省累计承接北京企业3000家；霸州市承接北京企业60家。");
    assert_eq!(pairs(&f), [("北京市", "河北省"), ("北京市", "霸州市")]);
}
/// A share of what a place took in, said to come from elsewhere
/// (其中来自P…), with no verb of moving: the place before 其中 took it in.
#[test]
fn a_share_from_elsewhere_goes_to_the_place_that_took_it_in() {
    let f = flows("截至今年6月，沧州临港经开区累计入驻企业260家，其中来自天津的企业有90家。");
    assert_eq!(pairs(&f), [("天津市", "沧州临港经济技术开发区")]);
    let f = flows("霸州家具城已入驻商户3000余户，其中六成以上来自北京。");
    assert_eq!(pairs(&f), [("北京市", "霸州市")]);
    assert!(flows("会议邀请了专家30位，其中来自北京的专家有12位。").is_empty());
}

/// A count before the place of what is received (12个北京项目).
#[test]
fn a_count_before_the_home_of_what_is_signed_names_an_origin() {
    let f = flows("黄骅市今年招商成效明显。今年已有8个天津项目完成签约。");
    assert_eq!(pairs(&f), [("天津市", "黄骅市")]);
    assert_eq!(count(&f[0]), Some((8.0, "个")));
}
/// 迁来/外溢到/迁址至 P are moves to P; 到/赴 P 投资 says where as 在 does.
#[test]
fn more_verbs_of_moving_and_dao_before_investing() {
    let f = flows("北京一家医疗器械企业去年迁来廊坊。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市")]);
    let f = flows("近年来，北京的部分制造业外溢到河北保定。");
    assert_eq!(pairs(&f), [("北京市", "保定市")]);
    let f = flows("北京多家文创企业到涿州投资建厂。");
    assert_eq!(pairs(&f), [("北京市", "涿州市")]);
    assert!(flows("到2025年，北京企业投资将增长两成。").is_empty());
}
/// A relocation to 雄安新区, or a headquarters or central firm settling
/// there, with no origin named comes from Beijing; a project that lands
/// there, or a firm of no named home, does not.
#[test]
fn a_relocation_to_xiongan_with_no_origin_is_from_beijing() {
    let f = flows("某能源集团总部上月正式迁驻雄安新区。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    let f = flows("两家央企昨日入驻雄安总部大楼办公。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    assert!(flows("一批新能源项目在雄安新区落地。").is_empty());
    assert!(flows("一家软件公司落户雄安新区。").is_empty());
    let f = flows("保定一家企业搬迁至雄安新区。");
    assert_eq!(pairs(&f), [("保定市", "雄安新区")]);
}
/// 该企业 before a verb of moving is the mover the sentence before
/// named, from its home; a mover of the destination's own place is no
/// flow.
#[test]
fn gai_qiye_moves_from_the_home_the_sentence_before_named() {
    let f = flows("北京远帆乐器集团是一家老字号企业。去年，该企业整体搬迁至天津武清。");
    assert_eq!(pairs(&f), [("北京市", "武清区")]);
    let f = flows("北京一家医药企业负责人介绍了情况。目前，该企业已在沧州投资建厂。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
    assert!(flows("沧州一家企业获得表彰。该企业搬迁至沧州新区。").is_empty());
}
/// A place as the subject of 向 P (with adverbs between) is the origin.
#[test]
fn a_place_before_xiang_is_the_origin_of_what_goes_toward_p() {
    let f = flows("今年以来，天津市已向河北承德、张家口两市拨付协作资金3.5亿元。");
    let mut p = pairs(&f);
    p.sort();
    assert_eq!(p, [("天津市", "张家口市"), ("天津市", "承德市")]);
    assert!(flows("河北省已向承德市拨付资金。").is_empty());
}
/// 京津冀 before 协同项目 qualifies what landed; it is no destination.
#[test]
fn a_group_qualifying_the_projects_is_not_their_destination() {
    let f = flows("自2020年以来，霸州开发区共落地京津冀协同项目300余个。");
    assert!(f.is_empty(), "{:?}", pairs(&f));
}

/// Origins counted before a receiving verb (北京企业42家…累计吸引投资)
/// go to the paragraph's subject.
#[test]
fn origins_counted_before_a_receiving_verb_go_to_the_subject() {
    let f = flows("黄骅港去年成绩亮眼。北京企业42家、天津企业35家，累计吸引投资80亿元。");
    let mut p = pairs(&f);
    p.sort();
    p.dedup();
    assert_eq!(p, [("北京市", "黄骅港"), ("天津市", "黄骅港")]);
}

/// A list of subjects (A、B、C等地) all receive.
#[test]
fn every_place_of_a_subject_list_receives() {
    let f = flows("唐山、秦皇岛、沧州等地积极承接北京产业转移。");
    let mut p = pairs(&f);
    p.sort();
    assert_eq!(
        p,
        [
            ("北京市", "唐山市"),
            ("北京市", "沧州市"),
            ("北京市", "秦皇岛市")
        ]
    );
}

#[test]
fn a_count_stays_in_its_own_clause() {
    let f = flows("不少大兴区企业逐步外迁，主要转移地区包括河北廊坊。在已落地并投产的13家企业中，其中10家集中在固安县，另3家分别在霸州、永清、文安。");
    let to = |place: &str| {
        f.iter()
            .find(|x| x.to == place)
            .unwrap_or_else(|| panic!("{place}: {:?}", pairs(&f)))
    };
    assert_eq!(to("固安县").from, "大兴区");
    assert_eq!(count(to("固安县")), Some((10.0, "家")), "{:?}", pairs(&f));
    for p in ["霸州市", "永清县", "文安县"] {
        assert_ne!(count(to(p)), Some((10.0, "家")), "{p}");
    }
}

/// A list of subjects without 等, each with its own qualifier, all receive.
#[test]
fn a_listed_subject_receives_with_its_qualifier() {
    let f = flows(
        "位于沧州市的青县、唐山市的汉沽管理区抢先一步，以建立产业集群的方式承接北京家具企业。",
    );
    let mut p = pairs(&f);
    p.sort();
    assert_eq!(p, [("北京市", "唐山市汉沽管理区"), ("北京市", "青县")]);
}

/// 搬离 marks where a move starts, like 迁出; 搬家到 is a verb of moving.
#[test]
fn leaving_one_place_for_another() {
    let f = flows("动物园批发市场要搬离西城，搬家到河北。");
    assert_eq!(pairs(&f), [("西城区", "河北省")]);
}

/// A paragraph that names no destination of its own leans on the place the
/// paragraph before named.
#[test]
fn a_receiving_paragraph_without_a_place_leans_on_the_one_before() {
    let f = flows("天津市武清区今年引进北京企业12家。\n明珠商贸城位于沧州市高新区，是一个重要平台。\n目前，该商贸城项目承接北京商户10000余家。");
    let last = f.last().unwrap();
    assert_eq!(
        (last.from.as_str(), last.to.as_str()),
        ("北京市", "沧州市"),
        "{:?}",
        pairs(&f)
    );
    assert_eq!(count(last), Some((10000.0, "家")));
}

/// 前往 moves firms and merchants, not a reporter on assignment.
#[test]
fn going_to_a_place_is_a_move_only_for_movers() {
    let f = flows("北京大红门服装批发市场已有部分企业和商户前往河北永清。");
    assert_eq!(pairs(&f), [("大红门街道", "永清县")]);
    assert!(flows("北京记者前往雄安新区采访。").is_empty());
    assert!(flows("北京市有关领导前往河北廊坊调研。").is_empty());
}

/// 京企, 津企: the one character names the firms' home; 在津, 来冀: the
/// destination after its verb, as 在天津 and 到河北 are.
#[test]
fn one_character_names_of_the_three_are_homes_and_destinations() {
    assert_eq!(pairs(&flows("一批京企在津落地。")), [("北京市", "天津市")]);
    assert_eq!(
        pairs(&flows("多家北京企业来冀投资兴业。")),
        [("北京市", "河北省")]
    );
    assert_eq!(pairs(&flows("多家津企落户沧州。")), [("天津市", "沧州市")]);
}

/// A name two places share, after a verb of moving away, is the one outside
/// the province things move from (保定's 高碑店, not the township in 朝阳).
#[test]
fn a_destination_shared_by_two_places_lies_outside_the_origins_province() {
    assert_eq!(
        pairs(&flows("北京新发地市场的部分商户迁往高碑店。")),
        [("新发地", "高碑店市")]
    );
}

/// A share of what a place took in, after a comma (…注册企业超过1000家，大部分
/// 来自北京), or as the share of a place's firms (其中京企占比超过六成).
#[test]
fn a_share_after_a_comma_or_of_a_places_firms_came_from_there() {
    assert_eq!(
        pairs(&flows(
            "天津宝坻京津中关村科技城已注册企业超过1000家，大部分来自北京。"
        )),
        [("北京市", "宝坻京津中关村科技城")]
    );
    assert_eq!(
        pairs(&flows(
            "河北廊坊片区已入驻企业120家，其中京企占比超过六成。"
        )),
        [("北京市", "廊坊市")]
    );
    // Experts at a meeting and a firm's staff are no move.
    assert!(flows("论坛邀请了专家30位，大部分来自北京。").is_empty());
    assert!(flows("天津武清区企业招聘员工500名，大多来自河北。").is_empty());
}

/// The sites of several schools named after one place, after their count.
#[test]
fn the_sites_of_listed_schools_are_moves_from_their_home() {
    assert_eq!(
        pairs(&flows(
            "北京交通大学、北京科技大学等4所高校的雄安校区建设正在加快推进。"
        )),
        [("北京市", "雄安新区")]
    );
    // The list ends with its count, without 等 or 的.
    assert_eq!(
        pairs(&flows(
            "北京交通大学、北京林业大学、中国地质大学（北京）3所高校雄安校区开工建设。"
        )),
        [("北京市", "雄安新区")]
    );
    // Not a meeting the listed schools hold somewhere.
    assert!(flows("北京理工大学、天津大学2所高校在石家庄召开会议。").is_empty());
}

/// The headquarters of central state firms are in Beijing: building them
/// in 雄安新区 is their move from Beijing, whatever the verb; a firm's
/// headquarters of no named home, or one built elsewhere, is not.
#[test]
fn central_firms_headquarters_built_in_xiongan_come_from_beijing() {
    let f = flows("中国某航天集团、某化工集团等央企总部已在雄安新区开工建设。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    let f = flows("三家中央企业总部项目在雄安启动区开工。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    assert!(flows("某科技公司总部大楼在雄安新区开工建设。").is_empty());
    assert!(flows("某央企华北区域总部在天津开工建设。").is_empty());
}

/// 从 P 迁来的企业主要集中在 A、B: the firms that came from P went to A and
/// B; firms of a place that merely cluster somewhere did not move.
#[test]
fn firms_come_from_a_place_cluster_where_they_went() {
    let f = flows("从北京迁来的企业主要集中在保定、廊坊两地。");
    assert_eq!(pairs(&f), [("北京市", "保定市"), ("北京市", "廊坊市")]);
    assert!(flows("河北的钢铁企业主要集中在唐山、邯郸两地。").is_empty());
}

/// A second clause of the same subject, 在 Q 设立, moves from the same home:
/// 北京企业在保定设立分公司，在雄安设立子公司 is two flows.
#[test]
fn a_second_clause_of_the_same_mover_keeps_its_home() {
    let f = flows("北京的科技企业在保定设立分公司12家，在雄安设立子公司20家。");
    assert_eq!(pairs(&f), [("北京市", "保定市"), ("北京市", "雄安新区")]);
}

/// Organisations named after Beijing, listed and closed by 等, or the firms
/// based there (在京央企), set up where the sentence says; a firm's own
/// home named again later is no destination.
#[test]
fn listed_organisations_and_firms_based_in_a_city_move_from_it() {
    let f = flows("北京某医院、北京某肿瘤医院等在河北设立分院。");
    assert_eq!(pairs(&f), [("北京市", "河北省")]);
    let f = flows("首都某大学、北京某交通大学等高校在雄安建设新校区。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    let f = flows("在京央企在雄安新区设立各类分支机构200多家。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    let f = flows("天津的企业在北京设立研发中心，在天津建设生产基地。");
    assert_eq!(pairs(&f), [("天津市", "北京市")]);
}

/// What a place receives that is an organisation named after another place
/// (引进北京研发中心, 承接北京数据中心项目) comes from that place; its
/// graduates or experts are people, not a move.
#[test]
fn a_received_organisation_comes_from_its_namesake_place() {
    let f = flows("廊坊引进北京研发中心5家。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市")]);
    let f = flows("张家口承接北京数据中心项目12个。");
    assert_eq!(pairs(&f), [("北京市", "张家口市")]);
    assert!(flows("保定吸引北京大学毕业生来保就业。").is_empty());
}

/// 向 P 有序转移 moves (有序 is no 有 of what is already there); 落户 P 的
/// Q企业 names the movers' home after the destination; a destination of an
/// earlier verb of the sentence is no origin (迁往廊坊的有30家，迁往保定的
/// 有20家: both Beijing's).
#[test]
fn orderly_moves_homes_after_the_destination_and_lists_of_destinations() {
    let f = flows("推动北京部分产业向河北有序转移。");
    assert_eq!(pairs(&f), [("北京市", "河北省")]);
    assert!(flows("目前，天津在河北有大量企业。").is_empty());
    let f = flows("目前，落户雄安的北京企业已有4000多家。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    let f = flows("一批北京企业外迁至河北，其中迁往廊坊的有30家，迁往保定的有20家。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市"), ("北京市", "保定市")]);
}

/// What the review of the rules above found they must leave alone: a
/// clause with a subject of its own, a firm's second move, an old seat, a
/// district named after central firms, what came that settled nowhere said,
/// a list of two places' organisations (not all Beijing's; that it gives
/// only the second place is older, and still short), partners and visiting
/// people.
#[test]
fn the_new_flow_rules_leave_these_alone() {
    let f = flows("北京企业在天津设立研发中心，一批民营企业在保定建设生产基地。");
    assert_eq!(pairs(&f), [("北京市", "天津市")]);
    let f = flows("北京某服装企业2015年迁往廊坊，2020年又迁至保定。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市"), ("廊坊市", "保定市")]);
    let f = flows("原设在北京的某研发中心今年整体搬迁至天津滨海新区。");
    assert_eq!(pairs(&f), [("北京市", "滨海新区")]);
    let f = flows("目前已有4家央企总部在雄安开工建设；同时，一批本地民营企业在雄县设立配套工厂。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    assert!(
        flows("从北京迁来的企业有50家，本地企业主要集中在固安、永清。")
            .iter()
            .all(|f| f.to != "固安县" && f.to != "永清县")
    );
    assert!(flows("从北京迁来的居民主要集中在燕郊。").is_empty());
    // A list of two places' hospitals: not all of it Beijing's.
    let f = flows("北京某医院、天津某总医院等在河北设立分院。");
    assert_ne!(pairs(&f), [("北京市", "河北省")]);
    assert!(flows("邢台市吸引北京儿童医院专家团队定期坐诊。").is_empty());
    assert!(flows("张家口市签约北京航空研究院共建联合实验室。").is_empty());
}

/// The movers of an organisation or landmark named after a place (北京动物园
/// 批发市场的商户), the subject of a verb of moving, come from that place.
#[test]
fn movers_of_a_landmark_named_after_a_place_come_from_it() {
    let f = flows("北京动物园世纪天乐市场的商户分流到了天津、河北等地的市场。");
    assert_eq!(pairs(&f), [("北京市", "天津市"), ("北京市", "河北省")]);
    // The zoo's clothes market is also known by name (assets/firms.tsv),
    // in 西城区, where the zoo is.
    let f = flows("北京动物园服装批发市场的商户分流到了天津、河北等地的市场。");
    assert_eq!(pairs(&f), [("西城区", "天津市"), ("西城区", "河北省")]);
    // Its visitors are no movers, nor a firm's delegates on a visit; an
    // idiom the segmenter keeps whole (山南海北) is no place, and an event
    // named after Beijing is no firm's home.
    assert!(flows("北京动物园的游客前往天津参观。").is_empty());
    assert!(flows("北京冬奥会赞助企业代表前往张家口考察。").is_empty());
    assert!(flows("来自山南海北的200余家商户入驻廊坊永清。")
        .iter()
        .all(|f| f.from != "山南市"));
    let f = flows(
        "作为北京冬奥会官方供应商，张家口某集团去年营收增长三成。该集团今年将生产线整体搬迁至天津静海。",
    );
    assert!(f.iter().all(|f| f.from != "北京市"), "{:?}", pairs(&f));
}

#[test]
fn a_known_firm_moves_from_its_home() {
    // Names that do not say their home (assets/firms.tsv).
    let f = flows("2005年，首钢整体搬迁至河北唐山曹妃甸，成为第一个搬迁的钢铁企业。");
    assert_eq!(pairs(&f), [("石景山区", "曹妃甸区")]);
    let f = flows("京东方在河北固安建设了新的生产基地。");
    assert_eq!(pairs(&f), [("北京市", "固安县")]);
    let f = flows("同仁堂将生产线转移至河北唐山。");
    assert_eq!(pairs(&f), [("北京市", "唐山市")]);
    // Its production base moves; the province is refined by the next
    // sentence's park.
    let f = flows("威克多制衣中心将生产基地转移到河北。新工厂位于衡水高新区服装产业园。");
    assert_eq!(pairs(&f), [("北京市", "衡水高新技术产业开发区")]);
    // Named after its place and known: the name itself moves.
    let f = flows("北京现代整体搬迁至河北沧州。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
    // A market's merchants move; the market's name alone does not.
    let f = flows("动批商户分流到天津和河北。");
    assert_eq!(pairs(&f), [("西城区", "天津市"), ("西城区", "河北省")]);
    assert!(flows("动批搬到了天津。").is_empty());
}

#[test]
fn known_firms_leave_these_alone() {
    // Another firm of the group, based elsewhere (首钢京唐 is 唐山's).
    assert!(flows("首钢京唐钢铁公司在曹妃甸建成投产。").is_empty());
    // A park named after the firm is a place.
    assert!(flows("首钢园位于石景山区，吸引了一批科技企业。").is_empty());
    // Its people, a partner, a modifier between name and verb.
    assert!(flows("首钢的职工迁往曹妃甸。").is_empty());
    assert!(flows("首钢与曹妃甸签署合作协议。").is_empty());
    // Inside its home: no move.
    assert!(flows("首钢搬迁至石景山区的新厂区。").is_empty());
}

#[test]
fn hometowns_nouns_of_receiving_strategies_and_names_are_no_ends() {
    // A person's home town is no origin of industry.
    let f = flows("他离开黑龙江老家，来到北京大红门做起服装批发生意。");
    assert!(f.iter().all(|f| f.from != "黑龙江省"), "{:?}", pairs(&f));
    // 承接地 (the receiving place) is a noun, not 承接.
    assert!(flows("另一个承接地永清服装城已完成一期建设，主要面向面料商户招商。").is_empty());
    // A place inside a zone's name after the destination (台湾工业新城).
    let f = flows("来自北京大红门的8家市场签约落户河北永清县台湾工业新城。");
    assert_eq!(pairs(&f), [("大红门街道", "永清县")]);
    // The region in a strategy's name is no one's home.
    assert!(flows("在京津冀协同发展战略实施十周年之际，21个项目落地宝坻区。").is_empty());
    // Settling in a name two places share, with another place in the
    // sentence: the mover's home, the nearest before, decides.
    let f = flows("盐山县批发市场是继北京新发地的商户迁往高碑店之后的又一个大型市场。");
    assert_eq!(pairs(&f), [("新发地", "高碑店市")]);
}

#[test]
fn moving_out_then_building_elsewhere_is_a_move() {
    let f = flows("今年6月，这家公司将生产车间从大兴彻底搬出，在河北冀州建起了新的生产基地。");
    assert_eq!(pairs(&f), [("大兴区", "冀州区")]);
    // Building with no origin is no move.
    assert!(flows("村民在河北冀州建起了新房。").is_empty());
}

#[test]
fn who_the_received_mostly_are_says_where_they_came_from() {
    let f = flows(
        "永清县承接了一批企业。新城是另一个承接地，楼房的入驻商家绝大部分是北京大兴的服装厂。",
    );
    assert!(pairs(&f).contains(&("大兴区", "永清县")), "{:?}", pairs(&f));
    // Local firms, or firms of a place with nothing received, moved nowhere.
    assert!(
        flows("永清县承接了一批企业。入驻园区的企业主要是本地企业。")
            .iter()
            .all(|f| f.from != "永清县")
    );
    assert!(flows("这些企业大多是北京企业，经营状况良好。").is_empty());
}

#[test]
fn a_heading_that_names_a_mover_is_the_subject_of_the_paragraph_under_it() {
    let f = flows(
        "北京的大型工厂搬迁情况\n巴威公司（北京锅炉厂）：\n生产制造环节将迁往河北曹妃甸生产基地，原有老厂房将改造为产业园区。",
    );
    assert_eq!(pairs(&f), [("北京市", "曹妃甸区")]);
    // Only the paragraph's first sentence, and only with no subject of its own.
    let f = flows("巴威公司（北京锅炉厂）：\n公司今年效益良好。生产制造环节将迁往河北曹妃甸。");
    assert!(f.is_empty(), "{:?}", pairs(&f));
    let f = flows("北京锅炉厂：\n天津一家企业将生产线迁往河北沧州。");
    assert_eq!(pairs(&f), [("天津市", "沧州市")]);
}

#[test]
fn movers_settling_with_no_place_after_go_to_the_place_the_sentence_is_about() {
    let f = flows("今年年初，固安产业园正式挂牌，20家北京知名生物医药企业首批签约入驻。");
    assert_eq!(pairs(&f), [("北京市", "固安县")]);
    assert_eq!(count(&f[0]), Some((20.0, "家")));
    let f = flows("永清县建起了新园区。该园区已有30家北京企业入驻。");
    assert_eq!(pairs(&f), [("北京市", "永清县")]);
    // No place received them, or a shop, not a place.
    assert!(flows("北京企业入驻。").is_empty());
    assert!(flows("北京企业入驻天猫商城。").is_empty());
    // A destination the gazetteer does not know is no reason to guess one.
    assert!(flows("永清县建起了新园区。北京一家企业落户某某县。").is_empty());
    // The movers' home must be the verb's own clause's.
    assert!(flows("北京的企业很多，园区入驻了一些。").is_empty());
}

#[test]
fn the_sixth_rounds_rules_leave_these_alone() {
    // A move within one municipality keeps the municipality's name (汉沽 of
    // 天津, not 唐山's 汉沽管理区).
    let f = flows("北京新发地落户高碑店。");
    assert_eq!(pairs(&f), [("新发地", "高碑店市")]);
    let f = flows("天津一批企业落户汉沽。");
    assert!(
        f.iter()
            .all(|f| f.to != "唐山市" && !f.to.contains("汉沽管理区")),
        "{:?}",
        pairs(&f)
    );
    // Local firms settling, and people settling their household.
    let f = flows("中关村海淀园秦皇岛分园正式开园，首批20家秦皇岛本地企业签约入驻。");
    assert!(f.iter().all(|f| f.from != "秦皇岛市"), "{:?}", pairs(&f));
    assert!(flows("近日，雄安新区发布人才政策，北京高校毕业生可直接落户。").is_empty());
    // The place's own firms.
    let f = flows("廊坊市在北京举办招商推介会。现场签约企业主要是廊坊本地企业。");
    assert!(f.iter().all(|f| f.from != "廊坊市"), "{:?}", pairs(&f));
    // Another place's firm of the same name.
    let f = flows("天津同仁堂在河北安国建设中药材基地。");
    assert!(f.iter().all(|f| f.from != "北京市"), "{:?}", pairs(&f));
    // A heading without a colon is no mover's label.
    let f = flows("北京产业结构持续优化\n转移到河北的高耗能产能逐年减少。");
    assert!(f.iter().all(|f| f.from != "北京市" || f.to != "河北省") || f.len() <= 1);
}

#[test]
fn a_place_of_the_region_after_a_destination_adds_to_it() {
    // 廊坊片区 of the airport zone: both places, as before.
    let f = flows("北京一家企业落户大兴国际机场临空经济区廊坊片区。");
    assert!(f.iter().any(|f| f.to == "廊坊市"), "{:?}", pairs(&f));
}

#[test]
fn a_branch_park_opened_elsewhere_comes_from_its_parent_park() {
    // The destination after 在 and before the verb; the parent park's place
    // just before 的分园.
    let f = flows("丰台区与保定市签约后，将在保定市涿州市共建丰台科技园的分园。");
    assert!(
        pairs(&f).contains(&("中关村科技园区丰台园", "涿州市")),
        "{:?}",
        pairs(&f)
    );
    // A branch park's name: the parent's place, then the site's.
    let f = flows("亦庄开发区沧州分园昨天揭牌，首批企业已经入驻。");
    assert!(
        pairs(&f).contains(&("北京经济技术开发区", "沧州市")),
        "{:?}",
        pairs(&f)
    );
    // Visiting a branch park, or a park's branch in its own city, moves nothing.
    assert!(flows("代表团在涿州市参观了丰台科技园的分园。").is_empty());
    assert!(flows("将在丰台区打造丰台科技园的分园。").is_empty());
}

#[test]
fn the_policy_called_the_crux_is_no_move() {
    assert!(flows("武清区坚持把承接北京非首都功能疏解作为“牛鼻子”，推动产业协同。").is_empty());
    // The crux named, then a move.
    let f = flows("以疏解为“牛鼻子”，今年已有12家北京企业迁入武清区。");
    assert_eq!(pairs(&f), [("北京市", "武清区")]);
    // The crux gives no origin to what lands in the same sentence; a 疏解
    // stated as a move does.
    assert!(flows("宝坻区紧紧抓住疏解非首都功能“牛鼻子”，推动协同发展在宝坻落地生根。").is_empty());
    let f = flows("随着疏解非首都功能深入推进，一批项目在宝坻落地生根。");
    assert_eq!(pairs(&f), [("北京市", "宝坻区")]);
    // Nor a move out of Beijing to the place the paragraph named before.
    assert!(flows(
        "规划建设北京城市副中心，与河北雄安新区形成北京新的两翼。\
         北京市牢牢牵住疏解非首都功能这个“牛鼻子”，推动京津冀协同发展。"
    )
    .is_empty());
}

#[test]
fn a_market_named_after_its_origin_and_its_site_moved_there() {
    let f = flows("北京新发地任丘市农产品批发市场昨天试营业。");
    assert_eq!(pairs(&f), [("新发地", "任丘市")]);
    // A market of one city named after a district of it moves nothing.
    assert!(flows("北京新发地丰台区农产品批发市场昨天试营业。").is_empty());
}

#[test]
fn a_place_made_the_destination_of_another_places_move() {
    // The verb of moving made a noun (搬迁意向地): the place before 作为
    // receives, the place after it leaves; an intended site is a plan.
    let f = flows("丰台区与白沟签订合作协议，将白沟作为大红门市场搬迁意向地。");
    assert_eq!(pairs(&f), [("大红门街道", "白沟新城")]);
    assert!(f[0].plan);
    let f = flows("该市把廊坊作为北京产业转移的承接地，已建成三个园区。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市")]);
    // A place made something else: no move.
    assert!(flows("河北省将雄安作为重点发展区域，统筹推进各项建设。").is_empty());
    assert!(flows("不少市民把廊坊作为北京的后花园。").is_empty());
}

/// A name glued to a place it does not narrow is a site in that place:
/// 雄安新区中关村科技园 lies in 雄安, so what came from 北京 went there.
#[test]
fn a_park_named_after_another_place_lies_where_it_is() {
    let f = flows("目前，雄安新区中关村科技园已入驻企业近百家，其中多数来自北京。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    // 亦庄 narrows 北京: still 北京's, and nothing moved.
    assert!(flows("北京亦庄引进了一批企业。").is_empty());
}

/// 转到 moves as 转至 does; a topic turned to a place does not.
#[test]
fn zhuandao_moves_to_the_place_after_it() {
    let f = flows("北京的商户大部分转到了河北白沟。");
    assert_eq!(pairs(&f), [("北京市", "白沟新城")]);
    assert!(flows("记者把话题转到了天津的发展上。").is_empty());
    // 建立 builds where it happens; an earlier 在河北黄骅 is no origin of
    // what moves to 黄骅 later in the sentence.
    let f = flows("北京一家企业在河北黄骅建立汽车产业基地。");
    assert_eq!(pairs(&f), [("北京市", "黄骅市")]);
    assert!(flows("双方在河北黄骅建立合作关系。").is_empty());
    let f = flows(
        "北汽集团3年前决定在河北黄骅建立汽车产业基地，将旗下北京汽车制造厂有限公司产能全部移至黄骅。",
    );
    assert_eq!(pairs(&f), [("北京市", "黄骅市")]);
    // A new plant's chosen site is where it goes.
    let f = flows("北京一家汽车零部件企业的新工厂选址河北黄骅。");
    assert_eq!(pairs(&f), [("北京市", "黄骅市")]);
    assert!(flows("该项目的选址工作已经完成。").is_empty());
}

/// Movers the sentence before named, pointed back to: 这里的商户 are the
/// place's, 它的生产基地 the firm's.
#[test]
fn movers_pointed_back_to_move_from_the_place_or_firm_before() {
    let f = flows(
        "大红门服装批发市场曾经是北方最大的服装集散地。\
         2017年，这里的商户大部分迁往了河北永清和天津西青。",
    );
    assert_eq!(
        pairs(&f),
        [("大红门街道", "永清县"), ("大红门街道", "西青区")]
    );
    let f = flows("2015年，北京星海钢琴集团开始向外转移。如今，它的生产基地已经在天津武清区投产。");
    assert_eq!(pairs(&f), [("北京市", "武清区")]);
}

/// A place that gathered firms from elsewhere took them in; people who
/// gather at a place moved nothing.
#[test]
fn a_place_that_gathered_firms_from_elsewhere_took_them_in() {
    let f = flows("记者走进廊坊经济技术开发区。这里已经聚集了200多家来自北京的高新技术企业。");
    assert_eq!(pairs(&f), [("北京市", "廊坊经济技术开发区")]);
    assert!(flows("京津冀三地的专家学者聚集雄安，共商发展大计。").is_empty());
    assert!(flows("雄安新区集聚了大量创新资源。").is_empty());
}

/// Places that became another's receiver (成为…的承接地): from the place
/// after 成为 to each place of the list before it, not to one two clauses
/// back (除了…外).
#[test]
fn places_that_became_a_receiver_receive_from_the_place_named_after_chengwei() {
    let f = flows(
        "除了天津的一座商城外，保定一座服装城、石家庄一座小商品城等项目，\
         也已成为大红门地区商户的签约承接地。",
    );
    assert_eq!(
        pairs(&f),
        [("大红门街道", "保定市"), ("大红门街道", "石家庄市")]
    );
    let f = flows("多年来，廊坊逐步成为北京产业转移的重要承接平台。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市")]);
    let f = flows("雄安新区是北京非首都功能疏解集中承载地。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    // Something else it became: no move.
    assert!(flows("多年来，廊坊逐步成为北京市民周末出游的目的地。").is_empty());
    // After a move out of a place, the places that are its destination.
    let f = flows("过去四年，不少企业迁出北京，廊坊和保定是它们主要的目的地。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市"), ("北京市", "保定市")]);
}

#[test]
fn a_place_reached_in_minutes_is_a_landmark_not_an_origin() {
    // Where a site lies is not where the firm came from.
    for text in [
        "在这里30分钟就能到达北京大兴国际机场，这家企业最终选择落户固安。",
        "项目紧邻北京城市副中心，吸引了一批企业落户香河。",
    ] {
        assert!(flows(text).is_empty(), "{text}: {:?}", pairs(&flows(text)));
    }
    // The origin the sentence names still counts.
    let f = flows(
        "这家药企从北京海淀搬来，看中的是这里20分钟到达北京大兴国际机场的区位，最终选择落户固安。",
    );
    assert_eq!(pairs(&f), [("海淀区", "固安县")]);
}

#[test]
fn contracts_and_orders_taken_in_are_not_moves() {
    assert!(flows("十年来，这座城市吸纳京津技术合同1500余份，成交额逾百亿元。").is_empty());
    assert!(flows("今年前三季度，廊坊承接北京订单300多笔。").is_empty());
    // Technology itself still moves.
    assert!(!flows("保定吸纳北京技术成果30项落地转化。").is_empty());
}

#[test]
fn an_office_named_after_the_move_states_none() {
    let text =
        "丰台区与河北沧州签署了合作协议。丰台区大红门疏解办负责人说，当年这一带有上万家服装企业。";
    assert!(
        !pairs(&flows(text)).contains(&("大红门街道", "沧州市")),
        "{:?}",
        pairs(&flows(text))
    );
    assert!(flows("市搬迁指挥部的工作人员昨天来到北京朝阳区。").is_empty());
}

#[test]
fn a_province_is_not_refined_to_the_first_of_a_list_that_follows() {
    let text = "五年来，北京一批制造业大项目落户河北。唐山、保定、沧州等地积极承接北京的批发市场。";
    let f = flows(text);
    assert!(pairs(&f).contains(&("北京市", "河北省")), "{:?}", pairs(&f));
    assert!(
        !f.iter()
            .any(|x| x.to == "唐山市" && x.evidence.text.contains("制造业")),
        "{:?}",
        pairs(&f)
    );
}

#[test]
fn a_place_investing_in_another_goes_from_it() {
    let f = flows("上半年河北在津投资项目591个，天津到河北投资项目653个。");
    assert_eq!(pairs(&f), [("河北省", "天津市"), ("天津市", "河北省")]);
    // 到 P 建设 is no investing: a place merely named before is no origin.
    assert!(flows("天津到河北调研产业园建设。").is_empty());
}

#[test]
fn a_central_state_group_moves_from_beijing() {
    let f = flows("中国电子将完成集团总部迁至深圳，中国华能也宣布总部迁至雄安。");
    assert_eq!(pairs(&f), [("北京市", "深圳市"), ("北京市", "雄安新区")]);
    // Words that begin like a group's name are not the group.
    let f = flows("中国电子信息产业加快向中西部转移，其中粮食加工企业迁至沧州。");
    assert!(f.iter().all(|f| f.from != "北京市"), "{:?}", pairs(&f));
}

#[test]
fn a_district_and_its_city_sending_to_one_place_in_one_sentence_is_the_district() {
    let text = "丰台区不少制造企业向河北转移，这与全区推进疏解工作分不开。";
    let f = flows(text);
    assert!(pairs(&f).contains(&("丰台区", "河北省")), "{:?}", pairs(&f));
    assert!(
        !pairs(&f).contains(&("北京市", "河北省")),
        "{:?}",
        pairs(&f)
    );
}

#[test]
fn the_destinations_of_a_move_listed_after_its_goal() {
    let f = flows("2019年，东城企业外迁的目的地主要集中在廊坊、保定和衡水。");
    assert_eq!(
        pairs(&f),
        [
            ("东城区", "廊坊市"),
            ("东城区", "保定市"),
            ("东城区", "衡水市")
        ]
    );
    // A travellers' destination is no move.
    assert!(flows("国庆期间，东城游客出游的目的地主要集中在廊坊、保定。").is_empty());
}

#[test]
fn firms_of_a_cluster_said_to_come_from_a_place() {
    let f = flows("衡水高新区如今是装备制造业集聚区，其中，许多企业来自天津，比如一家阀门厂。");
    assert_eq!(pairs(&f), [("天津市", "衡水高新技术产业开发区")]);
}

#[test]
fn where_one_clause_sends_a_firm_is_not_where_the_next_clauses_firm_comes_from() {
    let text = "三峡集团总部宣布搬迁至湖北武汉，新组建的一家装备集团宣布落户上海。";
    let f = flows(text);
    assert!(
        !pairs(&f).contains(&("武汉市", "上海市")),
        "{:?}",
        pairs(&f)
    );
}

#[test]
fn a_market_welcoming_a_season_or_people_from_a_place_takes_in_no_industry() {
    let text =
        "春节前各大批发市场迎来采购小高峰，在廊坊的市场里，来自山西、内蒙古等地的货车排起长队。";
    assert!(flows(text).is_empty(), "{:?}", pairs(&flows(text)));
    let text = "唐山市举行项目签约会，来自北京的企业代表等80余人参加。";
    assert!(flows(text).is_empty(), "{:?}", pairs(&flows(text)));
    // A signing event held in a place is no move to or from it.
    assert!(flows("河北某县投资推介暨项目签约会在北京举行。").is_empty());
    // 迎来 with movers still takes them in.
    assert_eq!(
        pairs(&flows("廊坊迎来一批来自北京的医药企业。")),
        [("北京市", "廊坊市")]
    );
}

#[test]
fn these_projects_came_from_a_list_of_places() {
    let text = "今年以来，威县在京集中签约6个项目，总投资9亿元。\
                这些项目来自北京丰台、顺义和天津等地，涉及食品加工等产业。";
    let f = flows(text);
    let p = pairs(&f);
    for from in ["丰台区", "顺义区", "天津市"] {
        assert!(p.contains(&(from, "威县")), "{p:?}");
    }
    assert!(!p.iter().any(|x| x.0 == "北京市"), "{p:?}");
}

#[test]
fn firms_of_two_places_setting_up_in_a_third_come_from_both() {
    let f = flows("近年来，天津、河北企业在北京设立分公司1.2万户。");
    assert_eq!(pairs(&f), [("天津市", "北京市"), ("河北省", "北京市")]);
}

#[test]
fn places_that_became_the_main_bases_of_a_move_receive_it() {
    let f = flows("如今，河北霸州、青县家具园成为京城家具转移的主要基地。");
    assert_eq!(pairs(&f), [("北京市", "霸州市"), ("北京市", "青县")]);
    // A base of something else is no receiver.
    assert!(flows("如今，河北霸州成为京城家具企业的主要原料基地。").is_empty());
}

#[test]
fn a_market_named_after_its_home_is_where_its_site_is() {
    let text = "王经理在北京做了十年水果批发，今年把八成生意转移到河北高碑店新发地。";
    let f = flows(text);
    let p = pairs(&f);
    assert!(p.contains(&("北京市", "高碑店市")), "{p:?}");
    assert!(
        !p.iter().any(|x| x.1 == "新发地" || x.0 == "高碑店市"),
        "{p:?}"
    );
}

#[test]
fn the_home_of_the_movers_a_sentence_names_is_not_where_others_went() {
    let text = "北京疏解非首都功能又多了一处承接地。今天，天津市西青区一家商贸城开业，\
                首批200多北京商户与1000多户天津本地市场疏解的商户在此经营。";
    let f = flows(text);
    let p = pairs(&f);
    assert!(!p.contains(&("天津市", "北京市")), "{p:?}");
}

/// Near misses of this round's rules, each a shape the news also writes.
#[test]
fn near_misses_of_the_new_rules_keep_their_reading() {
    // A summary over one firm's story keeps its own flow.
    let f = flows(
        "近年来，北京医药企业加快向河北转移。\n\n在沧州渤海新区，来自北京的一家制药企业新厂房已经投产。",
    );
    assert!(pairs(&f).contains(&("北京市", "河北省")), "{:?}", pairs(&f));
    // The destination's own firms beside the movers do not hide it.
    let f = flows(
        "沧州渤海新区生物医药园已初具规模。北京疏解的药企与沧州本地药企在园区内形成了完整产业链。",
    );
    assert!(
        pairs(&f).contains(&("北京市", "渤海新区")),
        "{:?}",
        pairs(&f)
    );
    // Employers at a fair and a firm's orders are no movers.
    assert!(
        flows("天津今年举办多场招聘会，吸引1200家用人单位进场。这些单位来自北京、河北等地。")
            .is_empty()
    );
    assert!(flows("雄安新区已有30多家企业开始生产。这些企业的订单主要来自北京和天津。").is_empty());
    // Firms from a place listed before people still move.
    let f = flows("曹妃甸协同发展示范区吸引了来自北京的企业、院所和专家团队落户。");
    assert_eq!(pairs(&f), [("北京市", "曹妃甸协同发展示范区")]);
    // Merchants welcomed are movers.
    assert_eq!(
        pairs(&flows("今年以来，廊坊市迎来一批北京服装商家。")),
        [("北京市", "廊坊市")]
    );
    // The same firm moving again, named again.
    let f = flows("北京某服装企业先是搬到了天津武清，后来企业又把工厂迁到了河北沧州。");
    assert_eq!(pairs(&f), [("北京市", "武清区"), ("武清区", "沧州市")]);
    // Signing to buy, to aid or to train moves nothing.
    assert!(flows("活动现场，20家北京超市企业与张家口签约，将长期采购当地的蔬菜。").is_empty());
    assert!(flows("当天，多家北京高校与雄安新区正式签约，将在新区开展人才培养合作。").is_empty());
    // People's destinations are no flows; firms' goals across a comma are.
    assert!(flows("调查显示，北京外迁人口的目的地主要集中在廊坊、保定等地。").is_empty());
    let f = flows("去年北京有200多家一般制造业企业外迁，目的地主要集中在廊坊、保定。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市"), ("北京市", "保定市")]);
    // Two provinces side by side are two destinations.
    let f = flows("近年来，北京一批制造企业陆续迁往天津河北。");
    assert_eq!(pairs(&f), [("北京市", "天津市"), ("北京市", "河北省")]);
}

#[test]
fn a_place_taking_in_firms_of_a_kind_from_another() {
    let f = flows("冬奥会后，张家口市承接了一批北京冰雪装备企业。");
    assert_eq!(pairs(&f), [("北京市", "张家口市")]);
}

#[test]
fn a_destination_in_quotes_is_still_the_place() {
    let f = flows("两家北京药企的生产线新建于“沧州临港经济技术开发区”。");
    assert_eq!(pairs(&f), [("北京市", "沧州临港经济技术开发区")]);
    let f = flows("这批北京企业分别迁至“廊坊”、“保定”等地。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市"), ("北京市", "保定市")]);
    // A verb in quotes moves too.
    let f = flows("北京上千家家具企业开始向河北“迁移”。");
    assert_eq!(pairs(&f), [("北京市", "河北省")]);
    let f = flows("北京的一批医药企业“落户”沧州。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
}

#[test]
fn production_before_a_noun_names_a_kind_of_firm() {
    // 家具生产企业 is a kind of firm: the move is 迁移's.
    let f = flows("北京的家具生产企业向河北迁移。");
    assert_eq!(pairs(&f), [("北京市", "河北省")]);
    // 在沧州生产 still says where things are made, whatever follows.
    let f = flows("北京一家汽车企业的新车型将在沧州生产。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
    let f = flows("北京一家企业将在沧州生产线缆产品。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
}

#[test]
fn a_documents_title_states_no_move() {
    assert!(flows("县里印发了《廊坊市承接北京产业转移行动方案》，成立工作专班。").is_empty());
}

#[test]
fn a_region_named_for_its_strategy_sends_nothing() {
    assert!(flows("武清开发区已成为承接京津冀协同的重要载体。").is_empty());
    // The region as the home of what moves still sends it.
    let f = flows("武清开发区承接京津产业转移项目32个。");
    assert_eq!(pairs(&f), [("北京市", "天津武清经济技术开发区")]);
    // A region's strategy zone is still somewhere to go.
    assert!(!flows("北京一批企业迁往长三角一体化示范区。").is_empty());
}

#[test]
fn a_province_then_its_city_is_the_city() {
    let f = flows("今年，鸡泽县引进的江苏常州新能源电池项目开工建设。");
    assert_eq!(pairs(&f), [("常州市", "鸡泽县")]);
}

#[test]
fn a_county_of_the_northern_three_sends_nothing_to_them() {
    // Counts by county are no moves into 北三县, which holds them.
    let f = flows("分县看，香河县签约项目8个，三河市签约项目6个；北京一批医疗项目落地北三县。");
    assert_eq!(pairs(&f), [("北京市", "北三县")]);
}

#[test]
fn a_counted_origin_breaks_a_source_list_down_and_the_rest_still_sends() {
    let f = flows(
        "静海区本月集中签约项目18个。项目主要来自京津冀、珠三角地区，北京地区11个项目，一批央企三级公司签约。",
    );
    assert_eq!(
        pairs(&f),
        [
            ("北京市", "静海区"),
            ("河北省", "静海区"),
            ("广东省", "静海区")
        ]
    );
    // The counted one keeps its count; the rest have none of their own.
    assert_eq!(count(&f[0]), Some((11.0, "个")));
    assert_eq!(count(&f[1]), None);
    assert_eq!(count(&f[2]), None);
}

#[test]
fn a_quoted_name_right_after_its_city_narrows_it() {
    let f = flows("昨天，北京市有关部门和在京企业与河北省廊坊市“北三县”签约40个项目。");
    assert_eq!(pairs(&f), [("北京市", "北三县")]);
}

#[test]
fn a_place_whose_new_firms_came_from_another_receives_them() {
    let f = flows("廊坊临空经济区新落户的项目中，七成来自北京。");
    assert_eq!(pairs(&f), [("北京市", "廊坊临空经济区")]);
    let f = flows("今年，雄安新区入驻的企业中，有超过四分之一来自北京。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    // A move inside one place is none; nor is money the firms brought.
    assert!(flows("北京入驻的企业中，有一半来自海淀。").is_empty());
    assert!(flows("廊坊临空经济区新落户的项目中，七成资金来自北京。").is_empty());
}

#[test]
fn where_moved_firms_are_spread_is_where_they_went() {
    let f = flows("这批从北京外迁的企业主要分布在廊坊、保定两地。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市"), ("北京市", "保定市")]);
    // Where firms simply are is no move, nor where a move named in another
    // clause, or people, went.
    assert!(flows("天津的外资企业主要分布在滨海新区。").is_empty());
    assert!(flows("北京疏解非首都功能以来，河北的医药企业主要分布在沧州和石家庄。").is_empty());
    assert!(flows("北京外迁企业的职工主要分布在廊坊和保定。").is_empty());
    assert!(flows("北京搬迁项目的投资方主要分布在上海、深圳。").is_empty());
}

#[test]
fn a_clause_of_purpose_or_people_brought_in_is_no_move() {
    assert!(flows("为承接北京产业转移，天津的产业园区主要分布在武清、宝坻。").is_empty());
    assert!(flows("廊坊新引进的人才中，七成来自北京。").is_empty());
    // A place becoming a receiving base still receives.
    let f = flows("河北沧州成为承接北京医药企业转移的主要基地。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
}

#[test]
fn a_name_given_or_a_field_of_work_is_no_move() {
    assert!(flows("明珠商贸城被誉为承接京津产业转移的“沧州现象”。").is_empty());
    assert!(flows("该县在承接北京非首都功能疏解方面创造了新的经验。").is_empty());
    // 在 P 落户 still settles.
    let f = flows("一批北京企业在沧州落户，涉及医药等方面。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
}

#[test]
fn moving_there_in_spoken_words() {
    let f = flows("北京一家能源集团今年也搬去武汉。");
    assert_eq!(pairs(&f), [("北京市", "武汉市")]);
}

#[test]
fn firms_a_place_has_that_came_from_elsewhere() {
    let f = flows("沧州有很多企业是从北京搬迁过来的。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
    let f = flows("廊坊的这家企业三年前从北京迁来，如今产值翻了一番。");
    assert_eq!(pairs(&f), [("北京市", "廊坊市")]);
    // Sites the gazetteer lacks, listed before their city, closed by 等.
    let f = flows(
        "保定已进驻8600多家商户，其中有6000余家是从甲市场、乙市场等北京多家批发市场转移而来。",
    );
    assert_eq!(pairs(&f), [("北京市", "保定市")]);
    // People, and firms of no place before the verb, are not moves.
    assert!(flows("沧州有很多人从北京搬过来。").is_empty());
    assert!(flows("有很多企业从北京迁来。").is_empty());
    assert!(flows("沧州这家企业的员工很多是从北京迁来的。").is_empty());
    // Denied, doubted or asked.
    assert!(flows("沧州的这些企业并不是从北京搬迁过来的，而是本地成长起来的。").is_empty());
    assert!(flows("很多人以为沧州的企业都是从北京搬迁过来的，其实不然。").is_empty());
    // Where the reporter was is not where they went.
    assert!(flows("记者在北京采访了解到，一些企业是从天津迁来的。").is_empty());
}

#[test]
fn a_share_of_what_a_place_took_in_said_with_wei() {
    let f = flows("唐山高新区已吸引50余家企业签约入驻，其中50%以上为北京企业。");
    assert_eq!(pairs(&f), [("北京市", "唐山高新技术产业开发区")]);
    let f = flows("园区已入驻企业200家，其中七成是北京企业。");
    assert!(f.is_empty(), "no place took them in: {:?}", pairs(&f));
    // The place's own firms, or people, are no move; nor firms that serve
    // Beijing's.
    assert!(flows("保定市已入驻企业200家，其中七成是本地企业。").is_empty());
    assert!(flows("保定市已入驻企业200家，其中80%为北京企业配套。").is_empty());
    assert!(flows("保定市已入驻企业200家，其中30%是北京企业的员工创办的。").is_empty());
    assert!(flows("廊坊已引进人才200名，其中七成为北京人才。").is_empty());
}

#[test]
fn a_sentence_of_counted_origins_breaks_down_what_was_taken_in() {
    let f = flows(
        "十年来，天津经开区共落地协同项目2102个。北京市项目1792个，累计吸引投资6324亿元；河北省项目310个，累计吸引投资190亿元。",
    );
    let mut p = pairs(&f);
    p.sort();
    assert_eq!(
        p,
        [
            ("北京市", "天津经济技术开发区"),
            ("河北省", "天津经济技术开发区")
        ]
    );
    assert_eq!(count(&f[0]).map(|c| c.0), Some(1792.0));
    // Not when the places named are where the investment went, nor when the
    // paragraph said things left the place before.
    let f = flows("北京企业对河北投资持续增长。石家庄市项目120个，吸引北京投资300亿元；唐山市项目90个，吸引北京投资200亿元。");
    assert!(f.iter().all(|x| x.from == "北京市"), "{:?}", pairs(&f));
    let f = flows("今年以来，北京企业加速向外转移。天津市项目120个，吸引投资300亿元；河北省项目200个，吸引投资500亿元。");
    assert!(f.iter().all(|x| x.to != "北京市"), "{:?}", pairs(&f));
}

#[test]
fn a_mover_said_to_have_been_somewhere_moved_out_of_it() {
    let f = flows(
        "今年春天，衡水一家新建的厂房里机器轰鸣，这家原本坐落于北京市丰台区的鞋帽企业，成了当地第一家主动外迁落户的企业。",
    );
    assert_eq!(pairs(&f), [("丰台区", "衡水市")]);
    let f = flows("这家原来位于北京朝阳区的印刷厂去年外迁，最终把新厂建在了保定。");
    assert_eq!(pairs(&f), [("朝阳区", "保定市")]);
    // A person who used to be somewhere is no mover, and a meeting's venue
    // is not where firms went.
    assert!(flows("原来在北京上班的老张外迁了户口，如今常在唐山走动。").is_empty());
    assert!(flows("在石家庄召开的座谈会上，专家说原位于北京的企业外迁是大势所趋。").is_empty());
}

#[test]
fn a_named_firm_from_a_place_settled_where_the_sentence_before_was() {
    let f = flows(
        "保定高新区已有40多家企业签约入驻。来自北京市海淀区的某某仪器有限公司是最早迁入的企业之一。",
    );
    assert_eq!(pairs(&f), [("海淀区", "保定国家高新技术产业开发区")]);
    // Not when the verb names its own place, nor a person, nor denied.
    let f = flows("保定高新区已有40多家企业签约入驻。来自北京的某某公司去年落户桥西区。");
    assert!(
        f.iter().all(|x| x.to != "保定国家高新技术产业开发区"),
        "{:?}",
        pairs(&f)
    );
    assert!(
        flows("保定高新区已有40多家企业签约入驻。来自北京的王经理去年入驻了人才公寓。").is_empty()
    );
    assert!(flows("保定高新区已有40多家企业签约入驻。来自北京的某某公司至今没有迁入。").is_empty());
}

#[test]
fn settling_what_came_from_a_place_takes_it_in() {
    let f =
        flows("近年来，宝坻区加快产业协同。今年新签约落地来自北京的项目13个，计划总投资81.7亿元。");
    assert_eq!(pairs(&f), [("北京市", "宝坻区")]);
    assert_eq!(count(&f[0]).map(|c| c.0), Some(13.0));
    let f = flows("廊坊开发区去年入驻了来自北京的企业30家。");
    assert_eq!(pairs(&f), [("北京市", "廊坊经济技术开发区")]);
    // Visitors who came from there are no firms taken in.
    assert!(flows("廊坊开发区去年迎来了来自北京的游客3万人次。").is_empty());
}

#[test]
fn what_ba_takes_from_where_it_was_moves_from_there() {
    let f = flows("租期一到，他就把在北京已颇具规模的批发生意迁到了沧州。");
    assert_eq!(pairs(&f), [("北京市", "沧州市")]);
    let f = flows("公司决定把位于天津的仓库搬到廊坊。");
    assert_eq!(pairs(&f), [("天津市", "廊坊市")]);
    // People fetched are no move; nor what stays.
    assert!(flows("他把在北京上学的孩子接到了沧州。").is_empty());
    assert!(flows("公司把在北京的研发中心保留了下来。").is_empty());
}

#[test]
fn the_new_shapes_keep_out_denials_wishes_venues_and_people() {
    // A former seat: not denied, undecided, at a meeting's venue, or inside
    // one province.
    assert!(flows("原位于北京丰台区的多家企业并未外迁，保定方面对此表示遗憾。").is_empty());
    assert!(flows(
        "原位于北京市大兴区的某企业外迁工作仍在论证之中，雄安、保定等地均表达了承接意愿。"
    )
    .is_empty());
    assert!(flows(
        "在天津召开的发布会上，有关负责人介绍，原位于北京西城区的多家批发市场已经外迁。"
    )
    .is_empty());
    assert!(flows(
        "原位于北京西城区的这家企业已经外迁，原址腾退用于建设口袋公园，昌平区也有类似做法。"
    )
    .iter()
    .all(|f| f.to != "昌平区"));
    // A named firm from P: not its staff, not denied or wished, and into
    // the place the paragraph is about.
    assert!(flows(
        "保定高新区已有40多家企业入驻。来自北京的某某公司工作人员是较早迁入的居民之一。"
    )
    .is_empty());
    assert!(flows("保定高新区已有40多家企业入驻。来自北京的某某集团还没落户。").is_empty());
    assert!(
        flows("保定高新区已有40多家企业入驻。来自北京的某某公司也有意迁入，目前正在洽谈。")
            .is_empty()
    );
    let f = flows("雄安新区的企业与上海的合作日益密切。来自北京的某某公司是较早迁入的企业之一。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    // What came from P is firms or projects, not flights, goods or people.
    assert!(flows("正定国际机场今天共落地来自北京的航班20架次。").is_empty());
    assert!(flows("廊坊开发区去年入驻了来自北京的员工2000多人。").is_empty());
    assert!(flows("天津港今年落地来自北京的货物吞吐量达500万吨。").is_empty());
}

#[test]
fn a_receiving_verb_with_dao_moves_what_it_takes_to_the_place_after_it() {
    // 承接到 P: into P, from where what it takes was; not out of P.
    let f = flows("当地已把北京的三家农产品批发市场承接到高碑店。");
    assert_eq!(pairs(&f), [("北京市", "高碑店市")]);
    let f = flows("去年，天津的20家物流企业被引进到廊坊。");
    assert_eq!(pairs(&f), [("天津市", "廊坊市")]);
    // With no place after it, no move is read from the verb.
    assert!(flows("北京的这批企业已经承接到位。").is_empty());
}

#[test]
fn every_place_of_a_laizi_list_after_a_receiving_verb_is_an_origin() {
    let f = flows("今年以来，廊坊开发区已引进来自北京、天津的企业20余家。");
    assert_eq!(
        pairs(&f),
        [
            ("北京市", "廊坊经济技术开发区"),
            ("天津市", "廊坊经济技术开发区")
        ]
    );
    let f = flows("今年以来，廊坊开发区已签约来自北京、深圳的优质产业项目20余个。");
    assert_eq!(
        pairs(&f),
        [
            ("北京市", "廊坊经济技术开发区"),
            ("深圳市", "廊坊经济技术开发区")
        ]
    );
}

#[test]
fn a_count_that_went_to_an_earlier_verb_is_not_the_origin_of_a_later_one() {
    // The second 签约 names no origin: 北京's 130 projects went to the first.
    let f = flows("曹妃甸示范区累计签约北京项目130余个，张北云计算产业基地累计签约项目21个。");
    assert_eq!(pairs(&f), [("北京市", "曹妃甸协同发展示范区")]);
}

#[test]
fn what_a_receiving_verb_with_dao_got_comes_from_the_place_after_it() {
    // Without 把 or 被, 承接到 P's firms got them from P.
    let f = flows("今年以来，雄安新区共承接到北京疏解企业50余家。");
    assert_eq!(pairs(&f), [("北京市", "雄安新区")]);
    // A visit is no move; goods and workers listed after 来自 are none.
    assert!(flows("北京的一批医药企业被吸引到廊坊参观考察。").is_empty());
    assert!(flows("天津港今年接收来自河北、山西的煤炭5000万吨。")
        .iter()
        .all(|f| f.from != "山西省"));
    // Places listed with their counts after the verb are all its origins.
    let f = flows("张家口今年承接北京项目32个、天津项目11个，引进投资额超过百亿元。");
    assert_eq!(pairs(&f), [("北京市", "张家口市"), ("天津市", "张家口市")]);
}
