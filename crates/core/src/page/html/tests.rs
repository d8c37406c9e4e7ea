//! HTML to text on pages written here: what is kept, dropped and hinted.
use super::*;

#[test]
fn the_element_naming_the_author_gives_one_name() {
    let page = |body: &str| {
        html_to_text(
            &format!("<html><body>{body}<p>正文。</p></body></html>"),
            true,
        )
        .hints
        .author
    };
    // A self-media card: the name's own element inside a box that also
    // holds the date; a follow button and an @ are no part of the name.
    assert_eq!(
        page(r#"<div class="author-box"><p class="author-name">京畿观察</p><span>发布时间：03-02</span></div>"#).as_deref(),
        Some("京畿观察")
    );
    assert_eq!(
        page(r#"<div class="user-card-name"><a>@沧州发布</a> <span>关注</span></div>"#).as_deref(),
        Some("沧州发布")
    );
    assert_eq!(
        page(r#"<span itemprop="author">作者：李明</span>"#).as_deref(),
        Some("李明")
    );
    // "authorized" is not an author; a date is no name; two different
    // names (a list of threads) name no one.
    assert_eq!(page(r#"<span class="authorized">我已授权</span>"#), None);
    assert_eq!(
        page(r#"<span class="byline">2023-05-06 10:00</span>"#),
        None
    );
    assert_eq!(
        page(r#"<span class="tb_author">甲乙丙</span><span class="tb_author">丁戊己</span>"#),
        None
    );
    assert_eq!(
        page(r#"<span class="author">王强</span><em class="author">王强</em>"#).as_deref(),
        Some("王强")
    );
}

#[test]
fn scripts_styles_and_nav_are_dropped_and_blocks_become_lines() {
    let page = r#"<html><head><title>雄安新区建设提速_新闻中心_某某网</title>
<meta name="publishdate" content="2023-04-01"><style>p{color:red}</style></head>
<body><nav><a href="/">首页</a> | <a>财经</a></nav><div class="share-bar">分享到</div>
<h1>雄安新区建设提速</h1><p>第一段。<script>alert("x")</script></p><p>第二段<b>加粗</b>。</p>
<footer>版权所有</footer></body></html>"#;
    let h = html_to_text(page, true);
    let lines: Vec<&str> = h
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines, ["雄安新区建设提速", "第一段。", "第二段加粗。"]);
    assert_eq!(h.hints.title.as_deref(), Some("雄安新区建设提速"));
    assert_eq!(h.hints.date.as_deref(), Some("2023-04-01"));
}

/// A line break inside a paragraph between two Chinese characters goes
/// (CSS's segment break rule): a page wrapped by hand reads 沧州, not 沧 州.
/// Between Latin words, or a space typed as a space, it stays a space.
#[test]
fn a_line_break_between_chinese_characters_joins_them() {
    let page = "<html><body><p>作为重要成员，沧\n州在承接产业转移上\r\n  作用突出。\nThe\nport 天津 港口\n2019 年</p></body></html>";
    let h = html_to_text(page, true);
    assert_eq!(
        h.text.trim(),
        "作为重要成员，沧州在承接产业转移上作用突出。 The port 天津 港口 2019 年"
    );
}

/// A portal page of the ASP.NET era: everything, the article too, inside
/// one `<form>` with a hidden view state and a search box.
#[test]
fn a_page_wrapped_in_a_form_keeps_its_article_but_not_its_controls() {
    let page = "<html><body><form name=\"aspnetForm\" method=\"post\" action=\"show.aspx?id=88\">\
                <input type=\"hidden\" name=\"__VIEWSTATE\" value=\"dDwtMTIzNDU2Nzg5Ow==\" />\
                <div>站内搜索：<input type=\"text\" name=\"kw\"><input type=\"submit\" value=\"搜索\">\
                <select name=\"lm\"><option>全部栏目</option></select><button>提交</button></div>\
                <table><tr><td><p>廊坊市承接北京产业转移项目二十个。</p>\
                <p>其中多数为装备制造企业。</p></td></tr></table>\
                <textarea name=\"pl\">请输入评论</textarea></form></body></html>";
    let text = html_to_text(page, true).text;
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines,
        [
            "站内搜索：",
            "廊坊市承接北京产业转移项目二十个。",
            "其中多数为装备制造企业。"
        ]
    );
}

#[test]
fn a_headline_in_a_page_header_is_kept() {
    let page = "<html><body><header class=\"article-header\"><nav>首页 财经</nav><h1>亦庄新城建设提速</h1>\
                <span>2024-02-25 来源：北京日报</span></header><p>正文第一段。</p></body></html>";
    let h = html_to_text(page, true);
    assert_eq!(h.hints.title.as_deref(), Some("亦庄新城建设提速"));
    assert!(h.text.contains("2024-02-25 来源：北京日报"));
    assert!(!h.text.contains("首页"));
}

#[test]
fn deep_nesting_does_not_recurse() {
    let page = format!(
        "<html><body>{}文本。{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    assert_eq!(html_to_text(&page, true).text.trim(), "文本。");
    let nav = format!(
        "<nav>{}菜单{}</nav><p>正文。</p>",
        "<nav>".repeat(5000),
        "</nav>".repeat(5000)
    );
    assert_eq!(html_to_text(&nav, true).text.trim(), "正文。");
}

#[test]
fn stray_tags_are_removed_but_less_than_signs_stay() {
    assert_eq!(
        strip_stray_tags(r#"1. <em id="nj43n"><p id="nj43n"></p></em> 占比<5%"#),
        "1. \n 占比<5%"
    );
}

#[test]
fn title_tag_keeps_the_headline_part() {
    assert_eq!(
        title_from_title_tag("北京疏解一般制造业企业_要闻_北京日报网"),
        "北京疏解一般制造业企业"
    );
}

#[test]
fn a_site_logo_in_h1_is_not_the_headline() {
    let body = "<p>廊坊市今年共引进北京项目45个，总投资达210亿元，一批企业已投产运营。</p>";
    let page = format!(
        "<html><head><title>廊坊承接北京产业转移见成效_河北频道_某某网</title></head>\
         <body><h1 class=logo><a href=/>某某网</a></h1><h2>廊坊承接北京产业转移见成效</h2>{body}</body></html>"
    );
    let t = html_to_text(&page, true);
    assert_eq!(t.hints.title.as_deref(), Some("廊坊承接北京产业转移见成效"));
    // A second <h1> after the logo is the headline.
    let page = format!(
        "<html><head><title>某某网 - 廊坊承接北京产业转移见成效</title></head>\
         <body><h1>某某网</h1><h1>廊坊承接北京产业转移见成效</h1>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&page, true).hints.title.as_deref(),
        Some("廊坊承接北京产业转移见成效")
    );
    // A headline in <h1> that the <title> repeats stays.
    let page = format!(
        "<html><head><title>廊坊承接北京产业转移见成效_某某网</title></head>\
         <body><h1>廊坊承接北京产业转移见成效</h1>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&page, true).hints.title.as_deref(),
        Some("廊坊承接北京产业转移见成效")
    );
    // A link to the blog's forum in the first <h1>, the headline the
    // <title> repeats in the second.
    let page = format!(
        "<html><head><title>廊坊承接北京产业转移见成效 - 某某的博客</title></head>\
         <body><h1><a href=/forum/>浏览本文的相关讨论版</a></h1>\
         <h1><a href=/>廊坊承接北京产业转移见成效</a></h1>{body}</body></html>"
    );
    let t = html_to_text(&page, true);
    assert_eq!(t.hints.title.as_deref(), Some("廊坊承接北京产业转移见成效"));
    assert!(t.hints.title_confirmed);
    // And an <h1> the <title> does not name at all (the <title> is the site's).
    let page = format!(
        "<html><head><title>某某网</title></head><body><h1>廊坊承接北京产业转移见成效</h1>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&page, true).hints.title.as_deref(),
        Some("廊坊承接北京产业转移见成效")
    );
}

#[test]
fn a_title_tag_keeps_its_headline_whatever_the_separator() {
    for t in [
        "廊坊承接北京产业转移见成效 – 河北新闻网",
        "廊坊承接北京产业转移见成效 — 河北新闻网",
        "廊坊承接北京产业转移见成效_河北频道_某某网",
    ] {
        assert_eq!(title_from_title_tag(t), "廊坊承接北京产业转移见成效", "{t}");
    }
    // A hyphen inside the headline is not a separator, nor a double one (a
    // forum's 名称--站名--a long description: the longest part is not the name).
    assert_eq!(
        title_from_title_tag("2021-2025年廊坊产业规划发布"),
        "2021-2025年廊坊产业规划发布"
    );
}

#[test]
fn a_date_a_script_states_is_a_hint() {
    let body = "<p>廊坊市今年共引进北京项目45个，总投资达210亿元。</p>";
    let ld = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\": \"2019-03-15T10:21:00+08:00\"}}</script></head><body>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&ld, true).hints.date.as_deref(),
        Some("2019-03-15T10:21:00+08:00")
    );
    let var = format!(
        "<html><body><script>var pubtime = '2021-05-06 09:12';</script>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&var, true).hints.date.as_deref(),
        Some("2021-05-06 09:12")
    );
    // A meta date in the head comes first; a key inside another word, or
    // with no date after it, gives none.
    let both = format!(
        "<html><head><meta name=\"publishdate\" content=\"2020-01-02\"></head><body><script>var pubtime = '2021-05-06';</script>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&both, true).hints.date.as_deref(),
        Some("2020-01-02")
    );
    for script in [
        "var xpubtime = '2021-05-06';",
        "var pubtime = getTime();",
        "var pubtime = '';",
    ] {
        let page = format!("<html><body><script>{script}</script>{body}</body></html>");
        assert_eq!(html_to_text(&page, true).hints.date, None, "{script}");
    }
}

#[test]
fn a_person_json_ld_names_is_the_author_when_the_markup_names_none() {
    let body = "<p>廊坊市今年共引进北京项目45个，总投资达210亿元。</p>";
    let page = |ld: &str| {
        format!("<html><head><script type=\"application/ld+json\">{ld}</script></head><body>{body}</body></html>")
    };
    let person = page(
        r#"{"@type":"NewsArticle","author":{"@type":"Person","name":"张伟"},"publisher":{"@type":"Organization","name":"某某网"}}"#,
    );
    assert_eq!(
        html_to_text(&person, true).hints.author.as_deref(),
        Some("张伟")
    );
    let outlet =
        page(r#"{"@type":"NewsArticle","author":{"@type":"Organization","name":"某某网"}}"#);
    assert_eq!(html_to_text(&outlet, true).hints.author, None);
    // The markup's own author element wins.
    let both = format!(
        "<html><head><script type=\"application/ld+json\">{{\"author\":{{\"@type\":\"Person\",\"name\":\"张伟\"}}}}</script></head><body><span class=\"author\">李明</span>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&both, true).hints.author.as_deref(),
        Some("李明")
    );
}

/// `<meta name="author">` is left alone: on Chinese portals it holds the
/// site, a department or the editor who posted the page as often as a
/// writer, and a wrong writer is worse than none.
#[test]
fn a_meta_author_is_not_taken_for_the_writer() {
    let body = "<p>廊坊市今年共引进北京项目45个，总投资达210亿元。</p>";
    for content in ["张伟", "人民网"] {
        let page = format!(
            "<html><head><meta name=\"author\" content=\"{content}\"></head><body>{body}</body></html>"
        );
        assert_eq!(html_to_text(&page, true).hints.author, None, "{content}");
    }
}

#[test]
fn publication_dates_under_other_meta_names_are_hints() {
    let body = "<p>廊坊市今年共引进北京项目45个，总投资达210亿元。</p>";
    for (key, attr) in [
        ("og:published_time", "property"),
        ("weibo: article:create_at", "name"),
        ("publication_date", "name"),
        ("apub:time", "name"),
    ] {
        let page = format!(
            "<html><head><meta {attr}=\"{key}\" content=\"2022-02-13 10:00\"></head><body>{body}</body></html>"
        );
        assert_eq!(
            html_to_text(&page, true).hints.date.as_deref(),
            Some("2022-02-13 10:00"),
            "{key}"
        );
    }
}

#[test]
fn a_wechat_article_dates_itself_by_its_send_time() {
    let body =
        "<div id=\"js_content\"><p>廊坊市今年共引进北京项目45个，总投资达210亿元。</p></div>";
    // 1581517074 is 2020-02-12 22:17:54 in Beijing (14:17:54 UTC).
    let page = format!("<html><body>{body}<script>var ct = \"1581517074\";</script></body></html>");
    assert_eq!(
        html_to_text(&page, true).hints.date.as_deref(),
        Some("2020-02-12")
    );
    // 1581529000 is 2020-02-13 01:36 in Beijing, still the 12th in UTC.
    let late = format!("<html><body>{body}<script>var ct = \"1581529000\";</script></body></html>");
    assert_eq!(
        html_to_text(&late, true).hints.date.as_deref(),
        Some("2020-02-13")
    );
    // Not on other pages.
    let other = "<html><body><p>廊坊市今年共引进北京项目45个。</p><script>var ct = \"1581517074\";</script></body></html>";
    assert_eq!(html_to_text(other, true).hints.date, None);
}

#[test]
fn a_column_heading_is_not_the_headline_and_a_site_after_a_hyphen_goes() {
    let body = "<p>廊坊市今年共引进北京项目45个，总投资达210亿元，一批北京企业落户。</p>";
    // A short <h1> the <title> does not name, beside a long headline there.
    let page = format!(
        "<html><head><title>廊坊今年引进北京项目45个 总投资210亿元_某某财经</title></head><body><h1>某某商业</h1>{body}</body></html>"
    );
    let h = html_to_text(&page, true).hints;
    assert!(h.title_weak);
    assert_eq!(
        h.title.as_deref(),
        Some("廊坊今年引进北京项目45个 总投资210亿元")
    );
    // A short Chinese site name after a bare hyphen, but not a model number.
    let page = format!(
        "<html><head><title>廊坊今年引进北京项目45个总投资210亿元-某某传媒</title></head><body>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&page, true).hints.title.as_deref(),
        Some("廊坊今年引进北京项目45个总投资210亿元")
    );
    let page = format!(
        "<html><head><title>新冠COVID-19疫苗在京津冀三地开始接种</title></head><body>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&page, true).hints.title.as_deref(),
        Some("新冠COVID-19疫苗在京津冀三地开始接种")
    );
}

#[test]
fn a_number_range_keeps_its_hyphen_and_a_list_of_dates_gives_none() {
    let body = "<p>廊坊市今年共引进北京项目45个，总投资达210亿元，一批北京企业落户。</p>";
    let page = format!(
        "<html><head><title>天津港集装箱吞吐量创新高1-5月增长8%</title></head><body>{body}</body></html>"
    );
    assert_eq!(
        html_to_text(&page, true).hints.title.as_deref(),
        Some("天津港集装箱吞吐量创新高1-5月增长8%")
    );
    // Furniture inside the article listing other articles' dates.
    let page = format!(
        "<html><body><article>{body}<div class=\"related\"><p>发布时间：2019-09-20</p><p>发布时间：2019-09-21</p></div></article></body></html>"
    );
    assert_eq!(html_to_text(&page, true).hints.footer, None);
    let page = format!(
        "<html><body><article>{body}<footer class=\"single-footer\">发布日期：2019-09-23 14:34</footer></article></body></html>"
    );
    assert_eq!(
        html_to_text(&page, true).hints.footer.as_deref(),
        Some("2019-09-23")
    );
}

#[test]
fn text_that_shows_a_few_escaped_line_breaks_is_text() {
    // A forum's post copied as text, its escaped <BR> kept as letters.
    let copied = "注册\n登录\n查看: 120|回复: 3\n修电脑的小技巧\n\
        老王 | 发表于 2006-3-1 10:20:00 | 显示全部楼层\n\
        先说清理灰尘的办法，<BR>再说更换硅脂的步骤，<BR>最后说如何<BR>检查风扇。\n";
    assert!(!super::looks_like_html(copied));
    // A fragment whose lines end in <br> is HTML, and so is one with blocks.
    assert!(super::looks_like_html(
        "第一段<br>\n第二段<br>\n第三段<br>\n第四段<br>\n第五段<br>\n"
    ));
    assert!(super::looks_like_html("<p>一</p><p>二</p>"));
    // An old table layout with its lines ended by <br> is markup too.
    assert!(super::looks_like_html(
        "<table><tr><td>标题</td></tr>\n<tr><td>第一段<br>\n第二段<br>\n第三段<br>\n第四段<br>\n</td></tr></table>\n说明一\n说明二\n说明三\n说明四\n说明五\n说明六\n"
    ));
}

#[test]
fn a_title_of_site_keywords_leaves_the_headline_to_the_page() {
    let html = "<html><head><title>交通事故_医疗事故_伤残鉴定_事故咨询_事故问-遇到事故你就问</title></head>\
        <body><div class=\"ui-content\"><h3>鉴定\"看不懂\"？专家来辅助</h3>\
        <p>此为本市首例 有助于更好理解专业问题。</p>\
        <p>本报讯 （记者陈杰 通讯员张妙玲、区洁芳）打官司，除了双方当事人、律师以外，还有鉴定人和专家辅助人出庭。</p>\
        <p>近日区法院审理一起医疗纠纷案件时，鉴定机构代表以及医院方面申请的专家辅助人双双出现在法庭上，进行专业对质。</p>\
        </div></body></html>";
    let t = html_to_text(html, true);
    assert_eq!(t.hints.title, None);
    let d = crate::page::process_page(html.as_bytes(), Some("a.html")).unwrap();
    assert_eq!(d.title.as_deref(), Some("鉴定\"看不懂\"？专家来辅助"));
    // The lead under a deck of one short sentence gives the writers.
    assert_eq!(d.author.as_deref(), Some("陈杰 张妙玲 区洁芳"));
    // A headline with its site's name is no list of keywords.
    assert!(!keyword_title(
        "京津冀协同发展十年产业转移成效显著_新闻中心_中国网_首页"
    ));
    assert!(keyword_title("交通事故_医疗事故_伤残鉴定_事故咨询_事故问"));
    assert!(!keyword_title("雄安新区开工_要闻_长城网_河北新闻"));
}
