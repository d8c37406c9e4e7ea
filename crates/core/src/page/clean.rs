//! Finds the article in a page's lines: its title, metadata and body, with
//! navigation, headline lists, comment boxes, widgets, copyright lines and
//! spam left out.
//!
//! Each line is classified from its simplified form ([`Kind`]); the body is
//! the run of article paragraphs with the most Chinese text, where headings
//! between paragraphs belong to it and a footer line (责任编辑, 上一篇, 版权…)
//! ends it.

use crate::model::{Warning, WarningKind};
use crate::page::meta::{self, Labels};
use crate::text::chars::is_han;
use crate::text::normalize::normalize;

/// What one line of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An article paragraph: Chinese text ending like a sentence.
    Content,
    /// A short line: heading, headline, caption.
    Short,
    /// Longer text that does not end like a sentence.
    Loose,
    /// Date, source, byline, editor: metadata.
    Meta,
    /// 摘要 / 导读: a summary of the article.
    Summary,
    /// Page furniture that comes after an article (责任编辑, 上一篇, 版权, 评论…).
    Ender,
    /// Navigation, widgets, headline-list items, spam, lines without Chinese.
    Noise,
}

/// Furniture that closes an article.
const ENDERS: &[&str] = &[
    "责任编辑",
    "责编",
    "上一篇",
    "下一篇",
    "版权声明",
    "版权所有",
    "免责声明",
    "相关新闻",
    "相关阅读",
    "相关文章",
    "相关报道",
    "相关链接",
    "推荐阅读",
    "延伸阅读",
    "热点新闻",
    "热门推荐",
    "热门文章",
    "猜你喜欢",
    "精彩推荐",
    "图片新闻",
    "评论留言",
    "我要评论",
    "我要留言",
    "发表评论",
    "网友评论",
    "热心网友",
    "没有留言",
    "暂无评论",
    "参与讨论",
    "扫一扫",
    "分享到",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "凡注明",
    "未经授权",
    "违者必究",
    "ICP备",
    "公网安备",
    "举报电话",
    "联系我们",
    "关于我们",
    "网站地图",
    "更多新闻",
    "阅读原文",
    "copyright",
    "all rights reserved",
    "©",
];
/// Widgets and other short furniture.
const WIDGETS: &[&str] = &[
    "℃",
    "字号",
    "大 中 小",
    "阅读量",
    "阅读数",
    "浏览次数",
    "浏览量",
    "点击数",
    "点击量",
    "点赞",
    "收藏本",
    "打印",
    "原标题",
    "图片来源",
    "来源于网络",
    "微信扫",
    "二维码",
    "手机看",
    "客户端",
    "关注我们",
    "视力保护色",
    "当前位置",
    "您的位置",
    "你的位置",
    "您现在的位置",
    "首页",
];
/// Markers of injected spam lines (gambling, porn, fake documents).
const SPAM: &[&str] = &[
    "一区二区",
    "二区三区",
    "免费看",
    "在线观看",
    "免费观看",
    "无码",
    "高清视频",
    "精品视频",
    "国产精品",
    "成人视频",
    "色情",
    "博彩",
    "赌场",
    "娱乐城",
    "百家乐",
    "时时彩",
    "六合彩",
    "葡京",
    "棋牌",
    "彩票网",
    "代孕",
    "办证",
    "代开发票",
    "加微信",
    "威信",
    "裸聊",
    "约炮",
    "亚洲精品",
    "欧美精品",
];
const BULLETS: &[char] = &[
    '-', '•', '·', '●', '▪', '■', '◆', '★', '▶', '►', '◎', '○', '*', '□', '☆',
];

pub struct Line<'a> {
    /// As written (repaired).
    pub text: &'a str,
    /// Simplified form, for the rules.
    pub simp: String,
    pub han: usize,
    pub kind: Kind,
}

fn han_count(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

fn has_sentence_stop(s: &str) -> bool {
    s.contains(['。', '！', '？', '…', '；'])
}

/// Without trailing emoji and pictographs (a paragraph may end "……进展。🚀").
fn trim_symbols(s: &str) -> &str {
    s.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}' | '\u{FE0F}' | '\u{200D}')
    })
}

/// A row of a table of figures ("北京 41610.9 5.2%").
fn is_figures_row(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    digits * 3 >= s.chars().count() && s.contains(' ')
}

/// A photo caption: "图为……。新华社记者 王五 摄", "（图片来源：……）".
fn is_caption(s: &str) -> bool {
    let t = trim_symbols(s).trim_end_matches(['）', ')', '。']);
    s.chars().count() <= 120
        && (s.starts_with("图为")
            || s.starts_with("图：")
            || s.starts_with("▲")
            || s.starts_with("（图")
            || ((t.ends_with("摄") || t.ends_with("供图"))
                && (s.contains("记者") || s.contains("图"))))
}

fn ends_like_sentence(s: &str) -> bool {
    let Some(last) = trim_symbols(s).chars().last() else {
        return false;
    };
    match last {
        '。' | '！' | '？' | '…' | '；' | '!' | '?' => true,
        '”' | '’' | '」' | '』' | '"' | '）' | ')' | '】' | '》' => has_sentence_stop(s),
        _ => false,
    }
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

fn is_nav(s: &str) -> bool {
    let bars = s.matches(['|', '｜']).count();
    if bars >= 2 {
        let parts = s
            .split(['|', '｜'])
            .filter(|p| !p.trim().is_empty())
            .count()
            .max(1);
        if han_count(s) / parts <= 8 {
            return true;
        }
    }
    if s.matches(['>', '»', '＞', '→']).count() >= 2 && !has_sentence_stop(s) {
        return true;
    }
    let tokens: Vec<&str> = s.split(' ').filter(|t| !t.is_empty()).collect();
    tokens.len() >= 4 && tokens.iter().all(|t| t.chars().count() <= 5) && !has_sentence_stop(s)
}

fn is_headline_list_item(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let bulleted = BULLETS.contains(&first) || s.starts_with('[') || s.starts_with('【');
    bulleted && !s.ends_with(['。', '；'])
}

/// Classifies one line by its simplified form.
pub fn classify(simp: &str) -> Kind {
    let s = simp.trim();
    let han = han_count(s);
    let len = s.chars().count();
    let lower = s.to_lowercase();
    let bare = s
        .trim_start_matches(BULLETS)
        .trim_start_matches([' ', '【', '[']);
    if han == 0 {
        // A bare date line (22.01.2018 12:01) is metadata; anything else without Chinese is not the article.
        return if len <= 40 && !meta::find_dates(s).is_empty() {
            Kind::Meta
        } else {
            Kind::Noise
        };
    }
    if ENDERS.iter().any(|w| bare.starts_with(w)) || (len <= 50 && contains_any(&lower, ENDERS)) {
        return Kind::Ender;
    }
    if (len <= 80 && !s.ends_with('。') && contains_any(s, SPAM)) || is_nav(s) {
        return Kind::Noise;
    }
    if ["摘要", "导读", "核心提示", "内容提要"]
        .iter()
        .any(|p| bare.starts_with(p))
    {
        return Kind::Summary;
    }
    // Before the widget rule: "发布时间：… 来源：… 字号：[大 中 小]" is the metadata line.
    if is_meta(s, han) {
        return Kind::Meta;
    }
    if (len <= 40 && contains_any(s, WIDGETS)) || is_caption(s) {
        return Kind::Noise;
    }
    if is_headline_list_item(s) {
        return Kind::Noise;
    }
    // A short line ending in 。 is a sentence too (headings do not end in 。).
    // A sentence with a tail after its stop (…落户。加粗) is still a sentence.
    if (han >= 10 && (ends_like_sentence(s) || (han >= 20 && has_sentence_stop(s))))
        || (han >= 4 && trim_symbols(s).ends_with('。'))
    {
        return Kind::Content;
    }
    if len <= 50 {
        Kind::Short
    } else {
        Kind::Loose
    }
}

fn is_meta(s: &str, han: usize) -> bool {
    if s.contains('。') || han > 40 {
        return false;
    }
    let l = meta::labels(s);
    if l.source.is_some() || l.author.is_some() || l.editor.is_some() || l.date_label {
        return true;
    }
    if meta::line_byline(s).is_some() {
        return true;
    }
    // A line that is mostly a date (22.01.2018 12:01).
    if let Some(d) = meta::find_dates(s).first() {
        let rest: String = s
            .chars()
            .take(d.start)
            .chain(s.chars().skip(d.end))
            .collect();
        return han_count(&rest) <= 6;
    }
    false
}

/// The result of cleaning a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Cleaned {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub editor: Option<String>,
    /// Paragraphs as written, joined with `\n`.
    pub body: String,
    pub warnings: Vec<Warning>,
}

/// What an HTML page's head said, if the input was HTML.
#[derive(Debug, Default, Clone)]
pub struct Hints {
    pub title: Option<String>,
    /// The title hint is only the page's `<title>`: a headline found in the text wins.
    pub title_weak: bool,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// Max run of non-paragraph lines inside an article.
const MAX_GAP: usize = 3;
/// Max headings kept before the first paragraph.
const MAX_LEAD: usize = 3;

/// Separates the article from the page around it.
pub fn clean(text: &str, hints: &Hints) -> Cleaned {
    let lines: Vec<Line> = text
        .lines()
        .map(|t| {
            let simp = normalize(t).text;
            Line {
                text: t,
                han: han_count(&simp),
                kind: classify(&simp),
                simp,
            }
        })
        .collect();
    let Some((first, last)) = best_block(&lines) else {
        return Cleaned::default();
    };
    let mut out = Cleaned::default();
    let mut authors: Vec<String> = Vec::new();

    // --- Header: title, metadata, leading headings.
    let first_meta = (0..first).find(|&i| lines[i].kind == Kind::Meta);
    // Only the page's first line can be a masthead.
    let top = lines.iter().position(|l| l.kind != Kind::Noise);
    let is_candidate = |i: usize| {
        let l = &lines[i];
        matches!(l.kind, Kind::Short | Kind::Loose)
            && l.han >= 4
            && l.text.chars().count() <= 80
            && !l.simp.ends_with('。')
            && !(Some(i) == top && is_outlet_name(&l.simp))
    };
    let hint_title = hints
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| han_count(t) >= 2);
    let text_title = || match first_meta {
        Some(m) => (0..m)
            .rev()
            .find(|&i| is_candidate(i))
            .or_else(|| (m..first).find(|&i| is_candidate(i))),
        None => (0..first).find(|&i| is_candidate(i)),
    };
    let title_idx = match hint_title {
        Some(_) if !hints.title_weak => None,
        // A <title> hint: prefer a headline line of the page that it contains.
        Some(h) => {
            let hk = squash(h);
            (0..first)
                .find(|&i| is_candidate(i) && hk.contains(&squash(&lines[i].simp)))
                .or_else(text_title)
        }
        None => text_title(),
    };
    out.title = match title_idx {
        Some(i) => Some(lines[i].text.to_string()),
        None => hint_title.map(str::to_string),
    };
    let title_key = out.title.as_deref().map(squash).unwrap_or_default();
    let is_deck = |l: &Line| {
        let k = squash(&l.simp);
        (!title_key.is_empty() && (title_key.contains(&k) || k.contains(&title_key)))
            || l.simp.starts_with(['—', '-'])
    };
    let lead_floor = title_idx
        .map_or(0, |t| t + 1)
        .max(first_meta.map_or(0, |m| m + 1));
    let mut lead: Vec<usize> = Vec::new();
    let mut i = first;
    while i > lead_floor && lead.len() < MAX_LEAD {
        i -= 1;
        let l = &lines[i];
        if l.kind != Kind::Short {
            break;
        }
        if !is_deck(l) {
            lead.push(i);
        }
    }
    lead.reverse();

    // Dates and labels from metadata lines outside the body.
    let outside = (0..first).chain(last + 1..lines.len());
    let mut header_date: Option<String> = None;
    let mut footer_date: Option<String> = None;
    for i in outside {
        let l = &lines[i];
        if !matches!(l.kind, Kind::Meta | Kind::Ender) {
            continue;
        }
        let labels = meta::labels(&l.simp);
        take_labels(&labels, l, &mut out, &mut authors, l.kind == Kind::Meta);
        if l.kind == Kind::Meta {
            if let Some(names) = meta::line_byline(&l.simp) {
                authors.extend(names.into_iter().map(|n| written_form(l.text, &n)));
            } else if let Some(names) = meta::inline_byline(&l.simp) {
                // "2023年3月1日 来源：河北新闻网 记者 褚四"
                authors.extend(names.into_iter().map(|n| written_form(l.text, &n)));
            }
            let before_title = title_idx.is_some_and(|t| i < t);
            let today_header =
                l.simp.contains("今天") || l.simp.contains("今日") || l.simp.contains("当前");
            if let Some(d) = meta::find_dates(&l.simp).into_iter().find(|d| !d.weekday) {
                if today_header || (before_title && !labels.date_label) {
                    continue;
                }
                if i < first {
                    header_date.get_or_insert(d.iso);
                } else if labels.date_label {
                    footer_date.get_or_insert(d.iso);
                }
            }
        }
    }
    out.date = header_date
        .or_else(|| hints.date.as_deref().and_then(meta::date_from_hint))
        .or(footer_date);
    if out.source.is_none() {
        out.source = hints.source.clone();
    }

    // --- Body.
    let mut paragraphs: Vec<String> = lead.iter().map(|&i| lines[i].text.to_string()).collect();
    let mut first_paragraph = true;
    for l in &lines[first..=last] {
        match l.kind {
            Kind::Content | Kind::Short | Kind::Loose => {}
            Kind::Meta => {
                if let Some(names) = meta::line_byline(&l.simp) {
                    authors.extend(names.into_iter().map(|n| written_form(l.text, &n)));
                }
                let labels = meta::labels(&l.simp);
                take_labels(&labels, l, &mut out, &mut authors, true);
                continue;
            }
            _ => continue,
        }
        let mut text = l.text.to_string();
        if first_paragraph && l.kind == Kind::Content {
            first_paragraph = false;
            if let Some(d) = meta::dateline(&l.simp) {
                if out.source.is_none() {
                    out.source = d.agency.as_deref().map(|a| written_form(l.text, a));
                }
                match (&d.date, d.month_day) {
                    (Some(date), _) if out.date.is_none() => out.date = Some(date.clone()),
                    (None, Some((m, day))) if out.date.is_none() => out.warnings.push(Warning {
                        kind: WarningKind::DateWithoutYear,
                        message: format!(
                            "the dateline gives {m}月{day}日 but no year; the date is left empty"
                        ),
                        span: None,
                    }),
                    _ => {}
                }
                authors.extend(d.authors.iter().map(|n| written_form(l.text, n)));
                text = cut_prefix(l, d.len);
            }
        }
        let n = normalize(&text);
        if let Some((names, at)) = meta::trailing_byline(&n.text) {
            authors.extend(names.iter().map(|name| written_form(&text, name)));
            let cut = n.map.to_original(at as u32) as usize;
            text = text
                .chars()
                .take(cut)
                .collect::<String>()
                .trim_end()
                .to_string();
        }
        // The agency's end mark: "……营商环境。(完)".
        for mark in ["（完）", "(完)", "【完】", "[完]"] {
            if let Some(t) = text.strip_suffix(mark) {
                text = t.trim_end().to_string();
            }
        }
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    // A summary repeated by the body is page furniture; one that is not is kept.
    for l in lines.iter().take(first) {
        if l.kind == Kind::Summary {
            let s = l.simp.trim_start_matches(BULLETS);
            let content = s.split_once(['：', ':']).map_or(s, |(_, c)| c).trim();
            let body_simp = normalize(&paragraphs.join("\n")).text;
            if !content.is_empty() && !body_simp.contains(content) {
                paragraphs.insert(0, l.text.to_string());
            }
        }
    }
    out.body = paragraphs.join("\n");
    let mut seen = Vec::new();
    for a in authors {
        if !seen.contains(&a) {
            seen.push(a);
        }
    }
    if !seen.is_empty() {
        out.author = Some(seen.join("、"));
    }
    if out.title.is_none() {
        out.warnings.push(Warning {
            kind: WarningKind::NoTitle,
            message: "the page shows no headline; the opening words stand in for it".into(),
            span: None,
        });
    }
    out
}

/// A masthead such as 北京日报客户端 or 新华网 at the top of a page is not a headline.
fn is_outlet_name(s: &str) -> bool {
    let s = s.trim();
    s.chars().count() <= 10
        && !s.contains(' ')
        && [
            "网",
            "报",
            "客户端",
            "频道",
            "新闻",
            "电视台",
            "广播电台",
            "杂志",
            "在线",
            "官网",
        ]
        .iter()
        .any(|e| s.ends_with(e))
}

/// The run of lines with the most article text: (first, last) line index.
fn best_block(lines: &[Line]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None; // (score, first, last)
    let mut cur: Option<(usize, usize, usize)> = None;
    let mut gap = 0usize;
    let close = |cur: &mut Option<(usize, usize, usize)>,
                 best: &mut Option<(usize, usize, usize)>| {
        if let Some(c) = cur.take() {
            if best.is_none_or(|b| c.0 > b.0) {
                *best = Some(c);
            }
        }
    };
    for (i, l) in lines.iter().enumerate() {
        match l.kind {
            Kind::Ender => {
                close(&mut cur, &mut best);
                gap = 0;
            }
            Kind::Content => {
                // A second dateline starts another article (a teaser pasted below).
                let new_article = cur.is_some() && meta::dateline(&l.simp).is_some();
                if gap > MAX_GAP || new_article {
                    close(&mut cur, &mut best);
                }
                match &mut cur {
                    Some(c) => {
                        c.0 += l.han;
                        c.2 = i;
                    }
                    None => cur = Some((l.han, i, i)),
                }
                gap = 0;
            }
            // Table rows of figures inside an article do not break it.
            Kind::Short if is_figures_row(&l.simp) => {}
            _ => gap += 1,
        }
    }
    close(&mut cur, &mut best);
    best.map(|(_, f, l)| (f, l))
}

fn take_labels(
    labels: &Labels,
    line: &Line,
    out: &mut Cleaned,
    authors: &mut Vec<String>,
    meta_line: bool,
) {
    if let Some(e) = &labels.editor {
        out.editor.get_or_insert_with(|| written_form(line.text, e));
    }
    if !meta_line {
        return; // a copyright line's 来源 is not this article's source
    }
    if let Some(s) = &labels.source {
        out.source.get_or_insert_with(|| written_form(line.text, s));
    }
    if let Some(a) = &labels.author {
        authors.push(written_form(line.text, a));
    }
}

/// The as-written form of a word found in the simplified line.
fn written_form(text: &str, simp_word: &str) -> String {
    let n = normalize(text);
    let Some(byte) = n.text.find(simp_word) else {
        return simp_word.to_string();
    };
    let start = n.text[..byte].chars().count() as u32;
    let span = n.map.span_to_original(crate::model::Span {
        start,
        end: start + simp_word.chars().count() as u32,
    });
    span.slice(text)
}

/// The line as written without its first `n` simplified chars.
fn cut_prefix(line: &Line, n: usize) -> String {
    let map = normalize(line.text).map;
    let at = map.to_original(n as u32) as usize;
    line.text
        .chars()
        .skip(at)
        .collect::<String>()
        .trim_start()
        .to_string()
}

/// Comparison key: simplified, without spaces and punctuation.
fn squash(s: &str) -> String {
    normalize(s)
        .text
        .chars()
        .filter(|c| is_han(*c) || c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_kinds() {
        assert_eq!(classify("| | | | 雄安| 香港| 澳门| 台湾"), Kind::Noise);
        assert_eq!(
            classify("日期：2021-05-29 15:12 来源：北京青年报"),
            Kind::Meta
        );
        assert_eq!(classify("责任编辑：王健"), Kind::Ender);
        assert_eq!(
            classify("上一篇：“头部企业”驱动 在世界舞台重塑“中国陶瓷”品牌"),
            Kind::Ender
        );
        assert_eq!(classify("亚洲一区二区免费看"), Kind::Noise);
        assert_eq!(
            classify("- [ 娱乐 ] 红色党课闪耀舞台，是什么打动了台上台下的年轻人?"),
            Kind::Noise
        );
        assert_eq!(classify("北京 88℃ 0"), Kind::Noise);
        assert_eq!(classify("本报记者 曹政"), Kind::Meta);
        assert_eq!(classify("“腾笼”加快步伐"), Kind::Short);
        assert_eq!(classify("北京现代沧州工厂又出新车型了。"), Kind::Content);
        assert_eq!(classify("2026年11月23日 星期一"), Kind::Meta);
    }

    #[test]
    fn a_masthead_above_the_headline_is_not_the_title() {
        let page = "北京日报客户端\n天津滨海新区承接首都产业转移\n\
                    滨海新区今年已承接北京转移项目八十余个，涉及新一代信息技术和生物医药等领域。";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("天津滨海新区承接首都产业转移"));
    }

    #[test]
    fn a_page_with_nav_title_date_body_and_footer() {
        let page = "首页 | 新闻 | 财经 | 体育\n2026年11月23日 星期一\n雄安新区承接项目提速\n\
                    发布时间：2023-04-01 来源：河北日报\n记者 张三\n\
                    今年以来，雄安新区承接北京疏解项目三十余个，总投资超过百亿元。\n小标题\n\
                    第二段讲述了更多的细节，企业陆续落地投产。\n责任编辑：李四\n相关新闻\n- 另一条新闻标题";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("雄安新区承接项目提速"));
        assert_eq!(c.date.as_deref(), Some("2023-04-01"));
        assert_eq!(c.source.as_deref(), Some("河北日报"));
        assert_eq!(c.author.as_deref(), Some("张三"));
        assert_eq!(c.editor.as_deref(), Some("李四"));
        assert_eq!(
            c.body,
            "今年以来，雄安新区承接北京疏解项目三十余个，总投资超过百亿元。\n小标题\n第二段讲述了更多的细节，企业陆续落地投产。"
        );
    }
}
