//! The corpus pipeline on the five seed pages and on pages written to imitate
//! other real layouts. Expected values were written by reading the pages.

mod common;

use jjj_core::model::{Document, WarningKind};
use jjj_core::process_page;

fn seed(prefix: &str) -> Document {
    process_page(&common::seed_bytes(prefix), None).unwrap()
}

fn paragraphs(d: &Document) -> Vec<&str> {
    d.body.split('\n').collect()
}

/// Lines of page furniture that must never reach a body.
fn assert_no_furniture(d: &Document, furniture: &[&str]) {
    for f in furniture {
        assert!(
            !d.body.contains(f),
            "{f:?} survived in the body of {:?}",
            d.title
        );
    }
}

#[test]
fn seed_000_beijing_youth_daily() {
    let d = seed("000_");
    assert_eq!(
        d.title.as_deref(),
        Some("北京引進高精尖產業盤活騰退空間 將向精準疏解轉變")
    );
    assert_eq!(d.date.as_deref(), Some("2021-05-29"));
    assert_eq!(d.source.as_deref(), Some("北京青年報"));
    assert_eq!(d.author.as_deref(), Some("林艷"));
    assert_eq!(d.editor.as_deref(), Some("王健"));
    let p = paragraphs(&d);
    assert_eq!(p[0], "“十三五”北京累計疏解退出2154家一般制造業企業");
    assert!(p[1].starts_with("“持續推進一般制造業企業動態調整退出”"));
    assert!(p.last().unwrap().ends_with("以形成良好的產業生態。"));
    // The 現場 sidebar belongs to the article; its headings are kept in order.
    let at = |s: &str| p.iter().position(|x| *x == s).unwrap();
    assert!(at("現場") < at("水泵廠騰退引來高精尖技術企業群"));
    // 17 lines: the kicker, 11 paragraphs, 5 headings (counted in the page;
    // the repeated headline and the standalone byline are not body).
    assert_eq!(p.len(), 17);
    assert!(
        p.iter().any(|x| x.ends_with("完善京津冀產業鏈規劃布局。")),
        "inline byline stripped"
    );
    assert_no_furniture(
        &d,
        &[
            "亚洲一区",
            "上一篇",
            "下一篇",
            "圖片新聞",
            "責任編輯",
            "文/本報記者",
            "雄安| 香港",
            "<em",
            "日期:",
        ],
    );
    assert_eq!(d.script.as_str(), "traditional");
    assert!(
        d.body_simplified.contains("北京引进高精尖产业")
            || d.body_simplified.contains("一般制造业企业2154家")
    );
}

#[test]
fn seed_001_people_daily_with_pinyin_annotations() {
    let d = seed("001_");
    assert_eq!(
        d.title.as_deref(),
        Some("協同發展邁出新步伐 北京亦莊助力打造京津冀高精尖產業經濟帶")
    );
    // The dateline says 2月25日 and no year: no date, and a warning saying so.
    assert_eq!(d.date, None);
    assert!(d
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::DateWithoutYear));
    assert_eq!(d.source.as_deref(), Some("人民網"));
    assert_eq!(d.author.as_deref(), Some("孟竹"));
    let p = paragraphs(&d);
    assert!(p[0].starts_with("實現京津冀三地高端汽車"), "{}", p[0]);
    assert!(p
        .last()
        .unwrap()
        .ends_with("助力打造京津冀高精尖產業經濟帶。"));
    // The 18 lines from the dateline paragraph to the copyright line.
    assert_eq!(p.len(), 18);
    // Every pinyin annotation is gone, including those whose character became '?'.
    assert!(
        !d.body
            .chars()
            .any(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".contains(c)),
        "pinyin left"
    );
    assert!(d.body.contains("協同發展") && d.body.contains("產業"));
    assert_no_furniture(&d, &["版權聲明", "中國西藏網", "京西有驚喜", "孔府老技藝"]);
    // The '?' damage is reported where it is, not repaired.
    let q: Vec<_> = d
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::QuestionMarkForCharacter)
        .collect();
    assert!(q.len() >= 5);
    for w in q {
        let s = w.span.unwrap();
        let text = s.slice(&d.body);
        assert!(text.starts_with('?') && text.ends_with('?'), "{text}");
    }
}

#[test]
fn seed_002_machine_converted_traditional_with_taiwan_vocabulary() {
    let d = seed("002_");
    assert_eq!(
        d.title.as_deref(),
        Some("本市發佈高精尖製造業新政——做强“北京智造”特色優勢產業搶先佈局未來前沿產業")
    );
    assert_eq!((d.date.as_deref(), d.source.as_deref()), (None, None));
    let p = paragraphs(&d);
    assert!(p[0].starts_with("近日,市政府印發《北京市關於促進高精尖產業投資"));
    assert!(p
        .last()
        .unwrap()
        .ends_with("智能化綠色化診斷評估和數位化賦能。"));
    // The 20 lines from 近日 to the comment box (the 摘要 repeats the first).
    assert_eq!(p.len(), 20);
    assert_no_furniture(
        &d,
        &[
            "摘要",
            "88℃",
            "評論留言",
            "熱心網友",
            "暫時沒有留言",
            "我要留言",
            "歡迎參與討論",
        ],
    );
    // Search in simplified finds the mainland words the converter replaced.
    for w in [
        "点位",
        "新一代信息技术",
        "量子信息",
        "渠道支持",
        "主管部门",
        "数字化赋能",
        "若干措施",
        "智能制造与装备",
        "战略定力",
    ] {
        assert!(
            d.body_simplified.contains(w),
            "{w} not in the simplified body"
        );
    }
    // 管道 is written in the body as it was.
    assert!(d.body.contains("管道"));
}

#[test]
fn seed_003_no_headline_and_a_headline_list_below() {
    let d = seed("003_");
    assert_eq!(d.title, None);
    assert!(d.warnings.iter().any(|w| w.kind == WarningKind::NoTitle));
    assert_eq!(
        d.display_title(),
        "未来三年,亦庄将发展成一座重“质”之城。昨天,北京经开区发布…"
    );
    assert_eq!(d.author.as_deref(), Some("曹政"));
    assert_eq!(d.date, None);
    let p = paragraphs(&d);
    assert!(p[0].starts_with("未来三年,亦庄将发展成一座重“质”之城。"));
    assert!(p.last().unwrap().ends_with("惠及区内企业1.3万家。"));
    assert_eq!(p.len(), 14);
    assert_no_furniture(&d, &["[ 娱乐 ]", "[ 国内 ]", "本报记者", "美若拿到S"]);
    assert_eq!(d.script.as_str(), "simplified");
}

#[test]
fn seed_004_day_first_date_deck_lines_and_a_teaser_below() {
    let d = seed("004_");
    assert_eq!(
        d.title.as_deref(),
        Some("聚焦京津冀协同发展三个率先突破:产业协作 转型升级增动能")
    );
    assert_eq!(d.date.as_deref(), Some("2018-01-22"));
    assert_eq!(d.author.as_deref(), Some("潘文静"));
    let p = paragraphs(&d);
    assert!(p[0].starts_with("刚刚过去的2017年,是京津冀协同发展"));
    assert_eq!(*p.last().unwrap(), "数据显示,近四年来,我省与京津共建各类科技园区55个、创新基地65个、创新平台160个、产业技术创新联盟76个,引进转化科技项目570项,吸引落户京津高科技企业1400家。");
    // The 31 lines from 刚刚过去的2017年 to the byline.
    assert_eq!(p.len(), 31);
    assert!(p.contains(&"“北京药,河北产”。北京·沧州渤海新区生物医药产业园开了全国先河。生产地在河北,公司依然保留北京身份,由北京市食药监局实施许可、认证、监管。异地监管机制的实施,打破了阻碍京企外迁的壁垒,加速了北京医药企业的外迁步伐。"));
    assert_no_furniture(
        &d,
        &[
            "——聚焦",
            "中新社",
            "中国新闻社",
            "北京3年将退出千家",
            "1.63万个",
            "(记者 潘文静)",
        ],
    );
}

#[test]
fn ids_are_stable_and_distinct() {
    let a = seed("000_");
    let b = seed("000_");
    assert_eq!(a.id, b.id);
    assert_eq!(a.id.len(), 16);
    assert_ne!(a.id, seed("001_").id);
}

const ARTICLE: &str = "北京疏解非首都功能取得新进展\n\
发布时间：2022-08-15 09:30 来源：河北日报 作者：王小明\n\
记者从省发改委获悉，今年上半年，我省承接京津转移项目超过一千个，总投资突破两千亿元。\n\
承接平台\n\
雄安新区、曹妃甸协同发展示范区和沧州渤海新区是承接的重点平台，一批生物医药企业陆续投产。\n\
责任编辑：赵六";

#[test]
fn a_gbk_page_decodes_and_cleans() {
    let (bytes, _, _) = encoding_rs::GBK.encode(ARTICLE);
    let d = process_page(&bytes, Some("gbk.txt")).unwrap();
    assert_eq!(d.encoding, "GBK");
    assert_eq!(d.title.as_deref(), Some("北京疏解非首都功能取得新进展"));
    assert_eq!(d.date.as_deref(), Some("2022-08-15"));
    assert_eq!(d.source.as_deref(), Some("河北日报"));
    assert_eq!(d.author.as_deref(), Some("王小明"));
    assert_eq!(d.editor.as_deref(), Some("赵六"));
    assert_eq!(paragraphs(&d).len(), 3);
}

#[test]
fn a_big5_page_decodes_and_its_simplified_form_is_searchable() {
    let page = "雄安新區承接北京產業轉移\n日期：2020年3月5日 來源：工商時報\n\
                今年以來，雄安新區積極承接北京非首都功能疏解，資訊技術企業紛紛落戶。\n\
                區內企業透過數位化轉型，提高生產效率，帶動周邊產業發展。";
    let (bytes, _, had_errors) = encoding_rs::BIG5.encode(page);
    assert!(!had_errors);
    let d = process_page(&bytes, None).unwrap();
    assert_eq!(d.encoding, "Big5");
    assert_eq!(d.script.as_str(), "traditional");
    assert_eq!(d.date.as_deref(), Some("2020-03-05"));
    assert_eq!(d.source.as_deref(), Some("工商時報"));
    assert!(d.body_simplified.contains("信息技术企业"));
    assert!(d.body_simplified.contains("通过数字化转型"));
}

#[test]
fn an_html_page_with_nav_sidebar_comments_and_footer() {
    let page = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>曹妃甸承接京津项目256个_河北频道_某某网</title>
<meta name="publishdate" content="2019-11-02 10:00:00">
<script>var x = "<p>不是正文。</p>";</script></head><body>
<div class="top-nav"><a href="/">首页</a><a href="/news">新闻</a><a>财经</a></div>
<div class="crumbs">首页 &gt; 河北 &gt; 正文</div>
<div class="article"><h1>曹妃甸承接京津项目256个</h1>
<div class="info">2019-11-02 10:00 来源：唐山劳动日报</div>
<p>&nbsp;&nbsp;截至目前，曹妃甸协同发展示范区承接京津项目256个，总投资3671.58亿元。</p>
<p>示范区负责人表示，<a href="javascript:alert(1)" onclick="steal()">下一步</a>将继续引进高端装备制造企业。</p>
<p><img src="x.png" onerror="alert(2)">图为示范区一角</p></div>
<div class="sidebar"><h3>热门新闻</h3><ul><li>另一条新闻标题很长很长</li></ul></div>
<div id="comments">网友评论：写得好！这篇报道很有意义。</div>
<div class="share">分享到：微信 微博</div>
<footer>Copyright © 2019 某某网 版权所有 冀ICP备00000000号</footer></body></html>"#;
    let d = process_page(page.as_bytes(), Some("page.html")).unwrap();
    assert_eq!(d.title.as_deref(), Some("曹妃甸承接京津项目256个"));
    assert_eq!(d.date.as_deref(), Some("2019-11-02"));
    assert_eq!(d.source.as_deref(), Some("唐山劳动日报"));
    assert_eq!(
        paragraphs(&d),
        [
            "截至目前，曹妃甸协同发展示范区承接京津项目256个，总投资3671.58亿元。",
            "示范区负责人表示，下一步将继续引进高端装备制造企业。",
        ]
    );
    assert_no_furniture(
        &d,
        &[
            "alert",
            "steal",
            "首页",
            "热门",
            "网友",
            "分享",
            "Copyright",
            "不是正文",
            "<",
        ],
    );
}

#[test]
fn a_header_showing_todays_date_is_not_the_publication_date() {
    let page = "2026年11月23日 星期一 | 登录 | 注册\n今天是2026年11月23日\n\
                北京城市副中心建设提速\n2021-03-18 08:12:00 来源：北京日报\n\
                北京城市副中心行政办公区二期工程今年将全面完工，一批市属机关将陆续迁入。\n\
                相关新闻\n2026-11-22 另一条新闻";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.date.as_deref(), Some("2021-03-18"));
    assert_eq!(d.title.as_deref(), Some("北京城市副中心建设提速"));
    assert_eq!(paragraphs(&d).len(), 1);
}

#[test]
fn a_latin_headline_that_the_title_repeats_beats_the_blogs_subtitle() {
    // A technical blog: its name and subtitle above the post, the post's
    // headline in Latin letters in <h1>, repeated by the <title>.
    let page = "<html><head><title>(LeetCode) Reverse a Linked List | 某某的笔记</title></head><body>\
        <div><span class=site-title>某某的笔记</span><p class=site-subtitle>学习与生活的记录</p></div>\
        <article><h1 class=post-title>(LeetCode) Reverse a Linked List</h1>\
        <p>发表于 2019-05-02</p>\
        <p>这道题要求把一个单向链表原地反转，我先写了一个递归的版本，再改成了循环，两个版本都通过了全部测试。</p>\
        <p>循环的版本只需要三个指针，空间复杂度是常数，面试时更容易讲清楚每一步在做什么。</p>\
        </article></body></html>";
    let d = process_page(page.as_bytes(), Some("post.html")).unwrap();
    assert_eq!(d.title.as_deref(), Some("(LeetCode) Reverse a Linked List"));
    assert!(!d.body.contains("学习与生活的记录"), "{}", d.body);
}

#[test]
fn pasted_text_opening_with_a_question_headline_keeps_it_as_the_title() {
    // Copied from a portal: the headline (a question, with the writer's
    // name before a colon), the reading-time line, then the article.
    let text = "王某某：京津冀的产业链为何总在“转移”和“协同”之间摇摆？\n\
        全文3200字，阅读约需9分钟\n\
        近年来，北京向河北转移了一批制造业企业，但不少企业的研发和销售仍留在北京，产业链的上下游被拉得很长。\n\
        记者走访沧州、廊坊等地的产业园区发现，承接企业最关心的仍是配套是否齐全、人才能否留住。\n";
    let d = process_page(text.as_bytes(), Some("paste.txt")).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("王某某：京津冀的产业链为何总在“转移”和“协同”之间摇摆？")
    );
    assert!(
        d.body.starts_with("全文") || d.body.starts_with("近年来"),
        "{}",
        d.body
    );
    // A first line that is a sentence is the article's, not a headline.
    let text = "近年来，北京向河北转移了一批制造业企业。\n\
        记者走访沧州、廊坊等地的产业园区发现，承接企业最关心的仍是配套是否齐全、人才能否留住。\n\
        不少企业表示，交通和物流的改善让它们愿意把生产基地放在河北。\n";
    let d = process_page(text.as_bytes(), Some("paste.txt")).unwrap();
    assert_eq!(d.title, None);
    assert!(d.body.starts_with("近年来"), "{}", d.body);
}

#[test]
fn a_writer_and_editor_line_under_the_headline_names_both() {
    // A reposted account article: "作者 | X 责编 | Y" under the headline
    // (a line that names an editor otherwise reads as an article's end).
    let text = "产业园区招商要算长远账\n\
        作者 | 周某某    责编 | 吴某\n\
        园区招商，不能只看签约时的投资额，更要看企业落地后能不能留得住、长得大。\n\
        一些园区为了抢项目给出过高的优惠，企业享受完优惠就搬走，留下空置的厂房。\n";
    let d = process_page(text.as_bytes(), Some("post.txt")).unwrap();
    assert_eq!(d.title.as_deref(), Some("产业园区招商要算长远账"));
    assert_eq!(d.author.as_deref(), Some("周某某"));
    assert_eq!(d.editor.as_deref(), Some("吴某"));
    assert!(d.body.starts_with("园区招商"), "{}", d.body);
    // A lead that opens with its byline in parentheses, no outlet's mark.
    let text = "某工程公司整体迁入雄安新区\n来源：某省政府网站\n\
        （记者郭某）6月30日，某工程局集团的雄安公司整体搬迁至雄安新区的工作全部完成，并举行了揭牌仪式。\n\
        这是该集团首家从北京整体落户雄安的企业，此前它已在新区承建多个重大项目。\n";
    let d = process_page(text.as_bytes(), Some("lead.txt")).unwrap();
    assert_eq!(d.author.as_deref(), Some("郭某"));
    assert!(d.body.starts_with("6月30日"), "{}", d.body);
}

#[test]
fn a_date_with_its_weekday_under_an_h1_headline_is_the_issues() {
    // The bar over the page shows today's date with its weekday; the line
    // under the headline (an <h1>) shows the issue's, also with its weekday.
    let page = "<html><head><title>沧州承接北京企业成效明显_新闻频道</title></head><body>\
        <div>2026年11月23日 星期一 登录 注册</div><div>首页 新闻 专题</div>\
        <h1>沧州承接北京企业成效明显</h1><div>2019年7月31日 星期三</div>\
        <p>北京一批制造企业近年陆续迁往河北沧州，当地新建的产业园区已经承接了四十多个项目。</p>\
        <p>园区负责人表示，下一步将继续完善配套设施，吸引更多企业落户。</p></body></html>";
    let d = process_page(page.as_bytes(), Some("p.html")).unwrap();
    assert_eq!(d.title.as_deref(), Some("沧州承接北京企业成效明显"));
    assert_eq!(d.date.as_deref(), Some("2019-07-31"));
    // Without the line under the headline, today's bar gives no date.
    let page = page.replace("<div>2019年7月31日 星期三</div>", "");
    let d = process_page(page.as_bytes(), Some("p.html")).unwrap();
    assert_eq!(d.date, None);
}

#[test]
fn a_byline_in_parentheses_on_its_own_line_after_the_article_names_its_writers() {
    let page = "<html><head><title>沧州承接北京企业成效明显_新闻频道</title></head><body>\
        <h1>沧州承接北京企业成效明显</h1><div>2019-07-31</div>\
        <p>北京一批制造企业近年陆续迁往河北沧州，当地新建的产业园区已经承接了四十多个项目。</p>\
        <p>园区负责人表示，下一步将继续完善配套设施，吸引更多企业落户。</p>\
        <p>(通讯员 李某 记者 张某某)</p><div>相关新闻</div></body></html>";
    let d = process_page(page.as_bytes(), Some("p.html")).unwrap();
    assert_eq!(d.author.as_deref(), Some("李某 张某某"));
    assert!(d.body.ends_with("吸引更多企业落户。"), "{}", d.body);
}

#[test]
fn a_forum_posters_name_beside_the_date_is_the_writer_when_nothing_else_is() {
    let page = "<html><head><title>廊坊哪个园区承接北京企业最多？ - 廊坊论坛</title></head><body>\
        <h1>廊坊哪个园区承接北京企业最多？</h1><div>老廊坊人 发表于 2019-07-31 12:30 | 只看该作者</div>\
        <p>最近几年北京不少制造企业搬到了廊坊，我身边就有好几家工厂从大兴搬到了固安和永清的园区。</p>\
        <p>想问问大家，哪个园区承接的北京企业最多，配套和交通怎么样，适不适合去找工作？</p></body></html>";
    let d = process_page(page.as_bytes(), Some("t.html")).unwrap();
    assert_eq!(d.author.as_deref(), Some("老廊坊人"));
    assert_eq!(d.date.as_deref(), Some("2019-07-31"));
    // The headline, a question, is not the body's first line.
    assert!(d.body.starts_with("最近几年"), "{}", d.body);
    // A writer named by a label wins over the poster.
    let page = page.replace("<p>最近几年", "<div>作者：张某某</div><p>最近几年");
    let d = process_page(page.as_bytes(), Some("t.html")).unwrap();
    assert_eq!(d.author.as_deref(), Some("张某某"));
}

#[test]
fn bad_inputs_are_errors_with_a_reason() {
    assert!(process_page(b"", None).is_err());
    assert!(process_page(b"\x89PNG\r\n\x1a\n\0\0", None)
        .unwrap_err()
        .to_string()
        .contains("PNG"));
    let english = b"<html><body><p>This page is in English only.</p></body></html>";
    assert!(process_page(english, None)
        .unwrap_err()
        .to_string()
        .contains("no Chinese article text"));
}

#[test]
fn pages_in_other_portal_layouts() {
    // A government portal: the headline in <h2>, a <title> that is only the
    // site name, and a 字号 widget on the metadata line.
    let gov = r#"<html><head><title>河北省人民政府网站</title></head><body>
<div class="title"><h2>雄安新区承接首批疏解央企总部</h2></div>
<div class="info">发布时间：2022-06-01 来源：河北日报 字号：[大 中 小]</div>
<p>近日，首批疏解的央企总部在雄安新区开工建设。</p>
<p>这标志着雄安新区进入承接疏解和建设同步推进的重要阶段。</p>
<div>【打印本页】【关闭窗口】</div></body></html>"#;
    let d = process_page(gov.as_bytes(), None).unwrap();
    assert_eq!(d.title.as_deref(), Some("雄安新区承接首批疏解央企总部"));
    assert_eq!(d.date.as_deref(), Some("2022-06-01"));
    assert_eq!(d.source.as_deref(), Some("河北日报"));
    assert_eq!(paragraphs(&d).len(), 2);

    // Photo captions, a reporter named on the info line, the agency's (完).
    let text = "曹妃甸协同发展示范区建设提速\n2023-04-10 来源：新华网 记者 郑一\n\
                图为曹妃甸港区一景。新华社记者 王五 摄\n\
                河北唐山曹妃甸协同发展示范区建设不断提速。\n\
                示范区将持续承接首都产业转移。(完)\n编辑：冯二";
    let d = process_page(text.as_bytes(), None).unwrap();
    assert_eq!(d.author.as_deref(), Some("郑一"));
    assert_eq!(
        paragraphs(&d),
        [
            "河北唐山曹妃甸协同发展示范区建设不断提速。",
            "示范区将持续承接首都产业转移。"
        ]
    );

    // A table of figures inside the article does not cut it in two; a short
    // closing sentence and a paragraph ending in an emoji are still article text.
    let table = r#"<html><body><h1>京津冀三地GDP数据发布</h1><div>2023-01-20 来源：经济日报</div>
<p>三地统计部门20日发布2022年经济数据。🚀</p>
<table><tr><th>地区</th><th>GDP（亿元）</th><th>增速</th></tr><tr><td>北京</td><td>41610.9</td><td>0.7%</td></tr>
<tr><td>天津</td><td>16311.3</td><td>1.0%</td></tr><tr><td>河北</td><td>42370.4</td><td>3.8%</td></tr></table>
<p>三地经济总量突破10万亿元。</p></body></html>"#;
    let d = process_page(table.as_bytes(), None).unwrap();
    let p = paragraphs(&d);
    assert_eq!(p.first(), Some(&"三地统计部门20日发布2022年经济数据。🚀"));
    assert_eq!(p.last(), Some(&"三地经济总量突破10万亿元。"));
    assert!(p.contains(&"北京 41610.9 0.7%"));
}

/// Regression: a paragraph with a short tail after its last stop (here the
/// literal text of an escaped tag) was dropped as a short line, losing the
/// sentence before the tail.
#[test]
fn a_sentence_with_a_tail_after_its_stop_is_kept() {
    let page = "<html><body><h1>河北沧州承接北京企业</h1><p>日期：2023-06-01 来源：河北日报</p>\
        <p>今年以来，沧州市承接北京企业32家，其中一家北京服装企业整体搬迁至沧州。</p>\
        <p>相关负责人表示，将继续优化营商环境，吸引更多京津企业落户。&lt;b&gt;加粗&lt;/b&gt;</p></body></html>";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert!(
        d.body.contains("吸引更多京津企业落户。<b>加粗</b>"),
        "{}",
        d.body
    );
}

/// Regression: portals of the ASP.NET era, old news sites and forums wrap
/// the whole page in one `<form>`; dropping forms dropped the article and the
/// page was refused as having no article text.
#[test]
fn a_page_wrapped_in_one_form_is_read_not_refused() {
    let page = "<html><head><title>衡水承接京津产业转移_政务动态</title></head><body>\
        <form name=\"form1\" method=\"post\" action=\"./view.aspx?id=2041\" id=\"form1\">\
        <input type=\"hidden\" name=\"__VIEWSTATE\" value=\"/wEPDwUKMTY1NDU2MTA1MmRk\" />\
        <div class=\"top\">网站首页 | 政务动态 | 信息公开 | 网上办事</div>\
        <table width=\"980\"><tr><td class=\"bt\">衡水承接京津产业转移成效明显</td></tr>\
        <tr><td>发布时间：2019-08-12 来源：衡水市发展改革委</td></tr>\
        <tr><td><p>　　今年上半年，衡水市共引进京津产业项目46个，总投资超过120亿元。</p>\
        <p>　　其中，一批北京服装企业整体搬迁至衡水高新区，带动当地纺织服装产业升级。</p></td></tr></table>\
        <div>关键字：<input name=\"kw\" type=\"text\" /><input type=\"submit\" value=\"检索\" /></div>\
        </form></body></html>";
    let d = process_page(page.as_bytes(), None).expect("the article inside the form is read");
    assert_eq!(d.title.as_deref(), Some("衡水承接京津产业转移成效明显"));
    assert_eq!(d.date.as_deref(), Some("2019-08-12"));
    let p = paragraphs(&d);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].starts_with("今年上半年，衡水市共引进京津产业项目46个"));
    assert!(p[1].contains("整体搬迁至衡水高新区"));
}

/// Dates come from many cues; each says where it came from, and the text's
/// own date lines win over the page's head and address.
#[test]
fn the_publication_date_names_its_cue() {
    use jjj_core::model::DateSource;
    let body = "<p>　　记者从市发改委获悉，今年以来廊坊市新引进京津项目三十余个，涉及装备制造、生物医药等领域。</p>\
                <p>　　据介绍，这些项目多数已开工建设，预计年底前陆续投产。</p>";
    // A labelled line by the headline.
    let page = format!("<html><body><h1>廊坊引进京津项目</h1><div>发布时间：2021-04-06 09:12</div>{body}</body></html>");
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(
        (d.date.as_deref(), d.date_source),
        (Some("2021-04-06"), Some(DateSource::Header))
    );
    // Only a <time> element.
    let page = format!("<html><body><h1>廊坊引进京津项目</h1><time datetime=\"2021-04-07T08:00:00+08:00\">昨天</time>{body}</body></html>");
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(
        (d.date.as_deref(), d.date_source),
        (Some("2021-04-07"), Some(DateSource::Time))
    );
    // Only the canonical address.
    let page = format!("<html><head><link rel=\"canonical\" href=\"http://www.example.gov.cn/zwdt/202104/t20210408_5521.html\"></head><body><h1>廊坊引进京津项目</h1>{body}</body></html>");
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(
        (d.date.as_deref(), d.date_source),
        (Some("2021-04-08"), Some(DateSource::Url))
    );
    // Only the file name it was saved under.
    let page = format!("<html><body><h1>廊坊引进京津项目</h1>{body}</body></html>");
    let d = process_page(page.as_bytes(), Some("t20210409_77.html")).unwrap();
    assert_eq!(
        (d.date.as_deref(), d.date_source),
        (Some("2021-04-09"), Some(DateSource::Url))
    );
    // Nothing: no date, and no source for it.
    let d = process_page(page.as_bytes(), Some("page.html")).unwrap();
    assert_eq!((d.date, d.date_source), (None, None));
}

/// Regression: a profile's first line (a birth date) was taken for the
/// publication date; a page with no other date has none.
#[test]
fn a_birth_date_is_not_the_publication_date() {
    let page = "<html><body><h1>人物：扎根雄安的工程师</h1>\
        <p>1976年3月18日生</p>\
        <p>　　他从北京来到雄安新区，参与了多个重点项目的建设，见证了这座新城从无到有。</p>\
        <p>　　谈起这些年的经历，他说最难忘的是第一批疏解项目落地的那个冬天。</p></body></html>";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.date, None);
}

/// A page whose text never reads like article paragraphs (short lines with
/// no sentence stops, as forum posts and lists write) is kept, with a
/// warning, rather than refused; a page with next to no Chinese still is.
#[test]
fn a_page_without_clear_paragraphs_keeps_its_densest_text_with_a_warning() {
    let page = "<html><body><h1>沧州承接项目一览</h1>\
        <div>首页 | 论坛 | 登录</div>\
        <div>渤海新区生物医药产业园 新落地京津项目二十余个<br>\
        黄骅港周边 物流仓储企业陆续入驻<br>\
        任丘 北京疏解的装备制造企业三家投产<br>\
        河间 再制造产业园区扩建一期完成</div>\
        <div>版权所有 沧州论坛</div></body></html>";
    let d = process_page(page.as_bytes(), None).expect("kept, not refused");
    assert!(d.body.contains("渤海新区生物医药产业园"), "{}", d.body);
    assert!(d.body.contains("再制造产业园区扩建一期完成"), "{}", d.body);
    assert!(!d.body.contains("版权所有"));
    assert!(d
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::NoClearArticle));
    let bare = "<html><body><div>首页</div><div>登录 注册</div></body></html>";
    assert!(process_page(bare.as_bytes(), None).is_err());
}

/// Journal articles as reprint sites and online libraries set them: the
/// column's tag before the headline, one long line of labels naming each
/// writer with an institution, a date glued to the site's name, the names
/// alone on a line, the journal's issue and keywords.
#[test]
fn journal_reprints_keep_their_headline_date_and_writers() {
    let page = "[区域观察]京津冀制造业协作的新进展\n\n\
        2019年03月12日 来源:《经济论坛》 作者:河北省社会科学院经济研究所 王明远 中共天津市河西区委党校 李静怡\n\n\
        制造业协作是京津冀协同发展的重要内容。近年来，北京一批汽车零部件企业转移到河北沧州和保定，天津也承接了多家北京医药企业。\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("[区域观察]京津冀制造业协作的新进展")
    );
    assert_eq!(d.date.as_deref(), Some("2019-03-12"));
    assert_eq!(d.author.as_deref(), Some("王明远 李静怡"));
    assert!(d.body.starts_with("制造业协作"), "{}", d.body);

    let page = "城市群建设与京津冀协同发展\n\n2021-09-08 08:30赵文博孙丽华\n\
        区域经济研究 2021年4期\n关键词:城市群京津冀雄安\n\n赵文博 孙丽华\n\n\
        京津冀协同发展战略实施以来，北京非首都功能疏解取得明显进展，一批企业和医院迁往雄安新区和天津滨海新区。\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.date.as_deref(), Some("2021-09-08"));
    assert_eq!(d.author.as_deref(), Some("赵文博 孙丽华"));
    assert!(d.body.starts_with("京津冀协同发展战略"), "{}", d.body);
    assert_no_furniture(&d, &["关键词", "2021年4期"]);

    let page = "京津冀区域物流一体化研究进展\n\n本站编辑 学术资讯网/2020-11-23\n\n\
        京津冀物流一体化是区域协同发展的基础。北京的批发市场向河北廊坊、沧州疏解，带动了物流企业的转移。\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.date.as_deref(), Some("2020-11-23"));
}

/// A broadcaster's dateline ends in 消息 and stays the report's first words;
/// its parentheses name a reporter of another station too. 据X消息 is a
/// sentence, not a dateline.
#[test]
fn a_broadcasters_dateline_names_both_reporters_and_stays_in_the_text() {
    let page = "三地明确产业承接平台布局\n\n\
        央广网北京3月5日消息(记者王小明 天津台记者刘红梅)据中国之声报道，昨天，京津冀三地在北京联合发布产业转移承接平台名单，一批北京企业将转移到天津和河北的承接平台。\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.author.as_deref(), Some("王小明 刘红梅"));
    assert_eq!(d.source.as_deref(), Some("央广网"));
    assert!(d.body.starts_with("央广网北京3月5日消息"), "{}", d.body);
    assert!(d.date.is_none());

    let page = "交通网络加快成形\n\n\
        据经济日报社9月26日消息，今日从有关部门获悉，京津冀交通一体化建设各项工作取得积极成效，区域内快速铁路将覆盖所有地级城市。\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert!(d.body.starts_with("据经济日报社9月26日消息"), "{}", d.body);
    assert!(d.author.is_none());
}

/// Header lines as portals, government sites, forums and self-media write
/// them, each under a headline and over one paragraph: the date, writers and
/// source each gives.
#[test]
fn header_lines_of_many_kinds_give_date_writers_and_source() {
    let body = "北京一批制造业企业近年来陆续迁往河北沧州和天津武清，当地承接平台不断完善，产业协作持续深化。";
    // (header line, date, writers, source)
    type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let cases: &[Case] = &[
        (
            "【发布日期】2022-02-13 【来源】河北日报",
            Some("2022-02-13"),
            None,
            Some("河北日报"),
        ),
        ("发表于 2022-2-13 10:30", Some("2022-02-13"), None, None),
        (
            "楼主：海河边的风 发表于 2014-5-6 21:07",
            Some("2014-05-06"),
            Some("海河边的风"),
            None,
        ),
        ("文｜李晓东 王雪", None, Some("李晓东 王雪"), None),
        ("作者 | 陈明", None, Some("陈明"), None),
        ("撰文：刘洋 摄影：王强", None, Some("刘洋"), None),
        (
            "来源 | 河北新闻网 2022-02-13 09:12",
            Some("2022-02-13"),
            None,
            Some("河北新闻网"),
        ),
        (
            "本报记者 张明 通讯员 李华 王芳",
            None,
            Some("张明 李华 王芳"),
            None,
        ),
        ("记者 赵敏 摄影 钱进", None, Some("赵敏"), None),
        ("2022-02-13 星期日", Some("2022-02-13"), None, None),
        ("文/图 记者 张三", None, Some("张三"), None),
        (
            "□ 本报记者 王立新 实习生 刘洋",
            None,
            Some("王立新 刘洋"),
            None,
        ),
        ("记者/孙浩", None, Some("孙浩"), None),
        ("图文/陈晨", None, Some("陈晨"), None),
        ("文｜张三 编辑｜李四", None, Some("张三"), None),
        ("特约撰稿人 周明", None, Some("周明"), None),
        ("本报记者 李明 文/图", None, Some("李明"), None),
        ("记者 王强 报道", None, Some("王强"), None),
        (
            "2022-02-13 08:00 来源：河北日报 记者：李华 通讯员：张明",
            Some("2022-02-13"),
            Some("李华 张明"),
            Some("河北日报"),
        ),
        (
            "作者：张立新（河北省社会科学院研究员）",
            None,
            Some("张立新"),
            None,
        ),
        ("作者：网络整理", None, None, None),
        (
            "采写：南都记者 余毅菁 向雪妮",
            None,
            Some("余毅菁 向雪妮"),
            None,
        ),
        ("记者 王科 李明", None, Some("王科 李明"), None),
        // A US-English server's clock; 新华网's year set apart.
        ("6/20/2018 4:44:28 PM", Some("2018-06-20"), None, None),
        ("2023 12/ 19 11:26:29", Some("2023-12-19"), None, None),
        // A writer's line with links after it is still the header.
        (
            "2011-12-17 12:58 作者：李明 | 3条评论 相关文章 | 我要投稿",
            Some("2011-12-17"),
            Some("李明"),
            None,
        ),
        // An outlet's correspondent run into the source, or set apart
        // without a colon; a member's upload names nobody.
        (
            "来源:某某运输网在线通讯员 王萍 2011年3月30日11:20",
            Some("2011-03-30"),
            Some("王萍"),
            Some("某某运输网在线"),
        ),
        (
            "来源：某某日报 记者 张三 李四 2011年3月30日",
            Some("2011-03-30"),
            Some("张三 李四"),
            Some("某某日报"),
        ),
        (
            "时间:2019-05-14 10:45:55 作者:会员上传",
            Some("2019-05-14"),
            None,
            None,
        ),
        // A blog's header in English words.
        (
            "2009-10-14 14:27 by 老赵, 17085 visits",
            Some("2009-10-14"),
            Some("老赵"),
            None,
        ),
        // A WeChat article's header copied as text.
        (
            "原创 张晓明 某某青年报 2023-03-05 09:12 发表于北京",
            Some("2023-03-05"),
            Some("张晓明"),
            None,
        ),
        (
            "某某青年报 2023-03-05 09:12 发表于河北",
            Some("2023-03-05"),
            None,
            None,
        ),
    ];
    for &(header, date, author, source) in cases {
        let page = format!("京津冀产业协作迈上新台阶\n\n{header}\n\n{body}\n");
        let d = process_page(page.as_bytes(), None).unwrap();
        assert_eq!(d.date.as_deref(), date, "date of {header:?}");
        assert_eq!(d.author.as_deref(), author, "author of {header:?}");
        assert_eq!(d.source.as_deref(), source, "source of {header:?}");
        assert_eq!(d.body, body, "body under {header:?}");
    }
}

/// A government document's headline set over three lines, as its <title>
/// gives it whole; the adoption line under it is the document's first line.
#[test]
fn a_headline_set_over_several_lines_is_one_headline() {
    let page = "<html><head><title>河北省人民代表大会常务委员会关于支持雄安新区承接北京非首都功能疏解的决定_政府公报_某省政府网</title></head><body>\
        <div class=\"doc\"><p>河北省人民代表大会常务委员会</p>\
        <p>关于支持雄安新区承接北京非首都功能</p><p>疏解的决定</p>\
        <p>（2021年5月28日河北省第十三届人民代表大会常务委员会第二十三次会议通过）</p>\
        <p>为支持雄安新区承接北京非首都功能疏解，推动一批高校、医院和企业总部有序迁入，省人民代表大会常务委员会作出如下决定。</p>\
        <p>各级人民政府应当做好承接服务，完善配套政策，保障疏解项目落地。</p></div></body></html>";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("河北省人民代表大会常务委员会关于支持雄安新区承接北京非首都功能疏解的决定")
    );
    let p = paragraphs(&d);
    assert!(p[0].starts_with("（2021年5月28日"), "{p:?}");
    assert_eq!(p.len(), 3, "{p:?}");
}

/// A self-media article set in short phrases between its paragraphs, on a
/// page whose lists of linked headlines hold more text than the article: the
/// article is the block, the lists are furniture.
#[test]
fn lists_of_linked_headlines_are_furniture_however_long() {
    let mut html = String::from(
        "<html><head><title>沧州承接平台再添新项目_政务_某新闻网</title></head><body>\
         <h1>沧州承接平台再添新项目</h1><div class=\"article\">\
         <p>北京一家医药企业的新厂在沧州临港开发区正式投产！</p>\
         <p>这是今年落户园区的第12个北京项目，总投资约8亿元，达产后年产值可达20亿元。</p>\
         <p>目前</p><p>园区已承接北京医药企业</p><p>超过一百家</p><p>形成完整产业链条</p>\
         <p>园区负责人介绍，下一步将继续完善配套服务，吸引更多京津企业前来落户。</p></div>\
         <div class=\"hot\">",
    );
    for i in 0..15 {
        html.push_str(&format!(
            "<p><a href=\"/n{i}.html\">第{i}条热门新闻：某地举行大型活动吸引众多市民参加，现场气氛十分热烈？</a></p>"
        ));
    }
    html.push_str("</div></body></html>");
    let d = process_page(html.as_bytes(), None).unwrap();
    let p = paragraphs(&d);
    assert_eq!(p[0], "北京一家医药企业的新厂在沧州临港开发区正式投产！");
    assert!(p.contains(&"超过一百家"), "{p:?}");
    assert!(p.last().unwrap().starts_with("园区负责人介绍"), "{p:?}");
    assert_no_furniture(&d, &["热门新闻"]);
}

/// A dateline without a year takes it from a full date of the same day
/// elsewhere on the page, and from no other date.
#[test]
fn a_dateline_without_a_year_takes_it_from_the_same_day_on_the_page() {
    let page = "三地发布承接平台名单\n\n\
        央广网北京12月21日消息(记者王小明)据报道，昨天，京津冀三地在北京联合发布产业转移承接平台名单，一批北京企业将转移到天津和河北。\n\
        2017-12-21 新闻和报纸摘要全文\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.date.as_deref(), Some("2017-12-21"));
    let other_day = page.replace("2017-12-21", "2017-12-20");
    let d = process_page(other_day.as_bytes(), None).unwrap();
    assert_eq!(d.date, None);
    assert!(d
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::DateWithoutYear));
}

/// A blog post's tags and category are furniture; a forum thread's opening
/// post is the article, under a headline that carries the forum's name, and
/// the replies after it are not; the button 只看该作者 names no writer.
#[test]
fn blog_furniture_and_a_threads_opening_post() {
    let blog = "渤海新区印象\n(2012-05-12 10:23:45)\n标签： 沧州 黄骅港 杂谈\n分类： 旅行随笔\n\
        上周去了一趟沧州渤海新区，看到港口码头建设如火如荼，很多北京过来的企业已经在这里落地生根。\n\
        傍晚的黄骅港，夕阳映照着巨大的吊车，场面十分壮观。\n阅读(356) 评论(12)\n";
    let d = process_page(blog.as_bytes(), None).unwrap();
    assert_eq!(d.date.as_deref(), Some("2012-05-12"));
    assert!(d.body.starts_with("上周去了一趟"), "{}", d.body);
    assert_no_furniture(&d, &["标签", "分类"]);

    let thread = "廊坊永清的服装批发市场现在怎么样了？ - 廊坊论坛\n\
        发表于 2017-3-21 20:15:33 | 只看该作者 | 倒序浏览\n楼主：永清老乡\n\
        听说大红门的商户很多都搬到永清来了，有没有去过的朋友说说现在市场的情况？生意好做吗？租金贵不贵？\n\
        2楼 发表于 2017-3-21 21:02:10\n去过，人不算多，主要是批发商，周末会热闹一些，价格也还公道。\n\
        3楼 发表于 2017-3-22 08:45:51\n我家亲戚在那边有个档口，说比在北京时候租金便宜不少。\n";
    let d = process_page(thread.as_bytes(), None).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("廊坊永清的服装批发市场现在怎么样了？")
    );
    assert_eq!(d.date.as_deref(), Some("2017-03-21"));
    assert_eq!(d.author.as_deref(), Some("永清老乡"));
    assert_eq!(paragraphs(&d).len(), 1, "{}", d.body);

    // A Discuz! thread copied as text: sign-up prompts around the post, the
    // poster before a bar, and a few escaped <BR> in the post that do not
    // make the page HTML (which would run every line into one).
    let discuz = "找回密码\n 注册\nQQ登录\n只需一步，快速开始\n查看: 812|回复: 6\n\
        老式收音机的修理心得\n\
        river_77  | 发表于 2009-3-2 08:15:40 | 显示全部楼层 |阅读模式 来自 中国河北保定\n\
        马上注册，结交更多好友，享用更多功能。\n\
        您需要 登录 才可以下载或查看，没有帐号？注册\n\
        先检查电源部分的滤波电容是否鼓包，<BR>再用万用表量一下变压器的输出电压，<BR>多数毛病出在这两处。\n\
        如果声音时有时无，多半是音量电位器接触不良，清洗一下就好了。\n";
    let d = process_page(discuz.as_bytes(), None).unwrap();
    assert_eq!(d.title.as_deref(), Some("老式收音机的修理心得"));
    assert_eq!(d.date.as_deref(), Some("2009-03-02"));
    assert_eq!(d.author.as_deref(), Some("river_77"));
    assert!(d.body.starts_with("先检查电源部分"), "{}", d.body);
    assert_no_furniture(&d, &["马上注册", "没有帐号"]);

    // A post bar without 发表于, under the thread's buttons.
    let bar =
        "打印\n\n自制温度计的几点体会\n\n[复制链接]\n2210|17\n手机看帖\n跳转到指定楼层\n楼主\n\
        lake_fish|  楼主 | 2009-6-1 10:04 | 只看该作者 回帖奖励 |倒序浏览 |阅读模式\n\
        用热敏电阻做探头，配一个运放电路，就能得到随温度变化的电压。\n\
        标定时准备冰水和沸水两个点，中间按线性处理，误差在半度以内。\n";
    let d = process_page(bar.as_bytes(), None).unwrap();
    assert_eq!(d.title.as_deref(), Some("自制温度计的几点体会"));
    assert_eq!(d.date.as_deref(), Some("2009-06-01"));
    assert_eq!(d.author.as_deref(), Some("lake_fish"));
    assert!(d.body.starts_with("用热敏电阻"), "{}", d.body);
}

/// Writers in a dateline's parentheses with what they did (整合) or with a
/// word before their role (职工通讯员); a department credited beside them is
/// not a writer; a writer named twice is named once.
#[test]
fn writers_are_people_named_once() {
    let body = "北京一批制造业企业近年来陆续迁往河北沧州和天津武清，当地承接平台不断完善。";
    let page = format!("京津冀产业协作迈上新台阶\n\n长江网10月4日讯（记者陈智 整合）{body}\n");
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.author.as_deref(), Some("陈智"));
    let page = format!(
        "京津冀产业协作迈上新台阶\n作者：医技药剂党支部\n本站讯（职工通讯员 李琴雯 刘会）{body}\n"
    );
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.author.as_deref(), Some("李琴雯 刘会"));
    let page = format!(
        "京津冀产业协作迈上新台阶\n\n{body}\n采写：南都记者 余毅菁 向雪妮\n作者：余毅菁 向雪妮\n"
    );
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.author.as_deref(), Some("余毅菁 向雪妮"));
}

/// With only a <title> to go by, a line of the page that shares nothing
/// with it (a column's name above the metadata) is not the headline.
#[test]
fn a_column_name_is_not_taken_for_the_headline() {
    let page = "<html><head><title>廊坊今年引进北京项目45个 总投资210亿元_某某证券网</title></head><body>\
        <div>某某证券官方微信公众号</div><div>时间：2019-09-26 来源：某某证券网</div>\
        <p>廊坊市今年共引进北京项目45个，总投资达210亿元，一批北京企业落户当地园区。</p></body></html>";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("廊坊今年引进北京项目45个 总投资210亿元")
    );
}

/// A headline that reads like a sentence opens the article's block but is
/// the title; a disclaimer and a box of recommendations after the article
/// are furniture.
#[test]
fn a_sentence_like_headline_and_recommendations_leave_the_body() {
    let page = "<html><head><title>午间公告：某某股份中标雄安项目；某某科技中标7亿元项目_某某证券网</title></head><body>\
        <h2>午间公告：某某股份中标雄安项目；某某科技中标7亿元项目</h2><div>2019-09-26 12:11 来源：某某证券网</div>\
        <p>某某证券讯，某某股份：确认中标雄安新区某工程项目，中标额6962万元。某某科技：确定为天津某风电场项目的设备供应商，中标价7亿元。</p>\
        <div>分享：</div><div>声明：本网力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。</div>\
        <div>为你推荐</div><p>十一国庆假期前，有关部门召开会议，部署了一系列下一步的重点工作。</p>\
        <p>今天是国庆节前最后一个交易日，持股还是持币过节又成为投资者关心的问题。</p></body></html>";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("午间公告：某某股份中标雄安项目；某某科技中标7亿元项目")
    );
    assert_eq!(paragraphs(&d).len(), 1, "{}", d.body);
    assert!(d.body.starts_with("某某证券讯"), "{}", d.body);
}

/// A day shown without its year (发布时间：01-14 17:58) takes the year from a
/// full date of the same day: the page's last change in <meta>, never that
/// date alone, nor a date of another day.
#[test]
fn a_day_shown_without_its_year_takes_it_from_the_same_day() {
    let page = |modified: &str| {
        format!(
            "<html><head><title>北京企业落户廊坊_某号</title><meta itemprop=\"dateUpdate\" content=\"{modified}\"></head><body>\
             <h1>北京企业落户廊坊</h1><p class=\"author-name\">某某号</p><div><span>发布时间：01-14</span><span>17:58</span></div>\
             <p>今年以来，一批北京企业陆续落户廊坊，当地承接平台不断完善，产业协作持续深化。</p></body></html>"
        )
    };
    let d = process_page(page("2020-01-14 17:58:59").as_bytes(), None).unwrap();
    assert_eq!(d.date.as_deref(), Some("2020-01-14"));
    let d = process_page(page("2020-03-02 09:00:00").as_bytes(), None).unwrap();
    assert_eq!(d.date, None);
}

/// What the review of this round's rules found, each the case that would
/// have gone wrong.
#[test]
fn ordinary_pages_the_new_rules_must_leave_alone() {
    // An <a name> left open before the article does not make it links.
    let page = "<html><head><title>廊坊引进北京项目</title></head><body><a name=\"top\">\
        <h1>廊坊引进北京项目</h1><p>今年以来，廊坊市共引进北京项目45个，总投资达210亿元，一批北京企业落户园区。</p>\
        <p>开发区有关负责人表示，将进一步优化服务，吸引更多京津企业前来落户发展。</p></body></html>";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(paragraphs(&d).len(), 2, "{}", d.body);
    // 1楼大厅 in an article is a floor, not a reply.
    let page = "新办事大厅启用\n\n园区服务中心今天正式启用，为入驻企业提供一站式服务，北京迁来的企业办事更加方便。\n\
        1楼大厅设置了12个服务窗口，企业注册、税务登记等事项可以一次办好。\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(paragraphs(&d).len(), 2, "{}", d.body);
    // A historical date of the same day in the story gives no year.
    let page =
        "纪念大会隆重举行\n\n新华社北京7月1日电 今天，各界人士集会纪念1921年7月1日这个重要日子，\
        北京、天津、河北三地代表参加了活动。\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.date, None);
    // A menu of sections over the page names no writer; a forum named in a
    // headline is kept.
    let page = "高新 金融 文化\n京津冀协同发展论坛\n\n2023-05-08 来源：某某网\n\n\
        京津冀协同发展论坛今天在廊坊开幕，三地代表围绕产业协作展开讨论，一批北京项目现场签约落户河北。\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.author, None);
    assert_eq!(d.title.as_deref(), Some("京津冀协同发展论坛"));
}

/// Shapes of pages gathered in the fifteenth round, written here.
#[test]
fn headers_and_leads_of_school_blog_and_government_pages() {
    let para = "本次活动共收到各年级学生参赛作品一百篇，评委老师对作品进行了仔细的分析和讨论，最终评选出一等奖两名。";
    let end = "此次征文比赛增强了同学们珍爱生命的意识，锻炼了同学们的写作能力，对学生的全面发展具有重要意义。";
    // A first paragraph without its full stop, opened by its dateline.
    let lead =
        "本网讯(通讯员 张某某/文)为加强大学生心理健康教育，新闻学院于3月21至29日举行了主题征文比赛";
    let page =
        format!("新闻学院开展主题征文比赛\n\n发布时间: 2022-03-30\n\n{lead}\n\n{para}\n\n{end}\n");
    let d = process_page(page.as_bytes(), None).unwrap();
    assert!(d.body.starts_with("本网讯"), "{}", d.body);
    // A writer and their unit under the headline, as a school's CMS lists them.
    let page = format!("学院院刊总第33期出刊\n\n  • 许某洋 (化学与化工学院)\n  • 创建于 2013-06-19\n  • 323\n\n{para}\n\n{end}\n");
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.author.as_deref(), Some("许某洋"));
    assert_eq!(d.date.as_deref(), Some("2013-06-19"));
    // A department and a writer's spaced-out name at the end.
    let page = format!("学院举办线上图文征集活动\n\n发布时间:2016-10-23\n\n{para}\n\n{end}\n\n(政治与公共管理学院 孙 宇)\n");
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.author.as_deref(), Some("孙宇"));
    assert!(!d.body.contains("孙 宇"), "{}", d.body);
    // A lead printed twice (as the summary, then as the body) is read once.
    let page = format!("某集团连续十年荣列百强企业\n\n{para}\n{para}\n{end}\n");
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.body, format!("{para}\n{end}"));
    // Only the first: a paragraph repeated later (a refrain) is the text's.
    let page = format!("某集团连续十年荣列百强企业\n\n{para}\n{end}\n{end}\n");
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.body, format!("{para}\n{end}\n{end}"));
    // A government record's labelled cells are not the headline.
    let page = format!(
        "首页 > 信息公开 > 信息浏览\n索引号: 003129766/201901-00336 组配分类: 规范性文件发布\n信息分类: 通知   发布机构: 某县人民政府办公室\n生成日期: 2019-01-23 文号:\n\n某县人民政府关于印发《某县人民政府工作规则》的通知\n\n{para}\n\n{end}\n"
    );
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("某县人民政府关于印发《某县人民政府工作规则》的通知")
    );
    // A two-part headline with a speaker or a place before each colon is
    // still the headline.
    let page = format!(
        "北京：疏解非首都功能 河北：承接产业转移\n\n发布时间：2021-04-12\n\n{para}\n\n{end}\n"
    );
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("北京：疏解非首都功能 河北：承接产业转移")
    );
    // A list of people with their units is no byline; nor a photo's credit,
    // nor where a report was filed.
    let page = format!("北京企业赴廊坊考察\n• 张某 (北京市商务局)\n• 李某 (廊坊市发改委)\n2021-04-12\n\n{para}\n\n{end}\n");
    assert_eq!(process_page(page.as_bytes(), None).unwrap().author, None);
    let page =
        format!("京津冀协同发展观察\n发布于 2021-03-01 photo by Reuters\n\n{para}\n\n{end}\n");
    assert_eq!(process_page(page.as_bytes(), None).unwrap().author, None);
    let page = format!(
        "京津冀物流企业加快协同发展\n来源：人民网 记者 北京报道 2020-05-06\n\n{para}\n\n{end}\n"
    );
    assert_eq!(process_page(page.as_bytes(), None).unwrap().author, None);
    // An agency's dateline that gives the headline after 题.
    let page = format!(
        "新华社北京3月15日电 题：传递信心与力量——两会回眸\n\n新华社记者韩某\n\n{para}\n\n{end}\n"
    );
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.title.as_deref(), Some("传递信心与力量——两会回眸"));
}

/// A Discuz! thread copied as text: the poster's sign-in record and level
/// between the tagged headline and the post bar are furniture, and the
/// board's type in square brackets is no part of the title.
#[test]
fn a_tagged_thread_title_above_the_posters_profile() {
    let page = "某某社区 - Powered by Discuz!\n 找回密码\n 点击注册\n\n查看: 131279|回复: 38\n\n[高级教程] 皮肤配置文件的编写方法\n\n  [复制链接]\n\n签到天数: 265 天\n\n[LV.8]以坛为家I\n\n发表于 2010-5-26 13:51:42 | 显示全部楼层 |阅读模式\n\n皮肤配置文件被分为四个部分，第一部分放置一般设定，第二部分存放变量，第三部分是实际测量值。\n\n第四部分是实际测量值在屏幕上的表现方式，每次更新时都会重新计算窗口的大小。\n";
    let d = process_page(page.as_bytes(), None).unwrap();
    assert_eq!(d.title.as_deref(), Some("皮肤配置文件的编写方法"));
    assert_eq!(d.date.as_deref(), Some("2010-05-26"));
    assert!(!d.body.contains("签到"), "{}", d.body);
}
