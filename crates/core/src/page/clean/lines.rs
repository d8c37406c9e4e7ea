//! What each line of a page is ([`Kind`]), judged from its simplified form:
//! an article paragraph, a heading, metadata, a summary, footer furniture,
//! or noise (navigation, widgets, headline lists, spam).

use crate::page::meta;
use crate::text::chars::is_han;

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
    /// Text without Chinese that is no furniture: a line of code or of
    /// English in a post (`n = (n >> 16) | (n << 16);`). Kept only between
    /// an article's paragraphs.
    Foreign,
}

/// Furniture that closes an article.
pub(super) const ENDERS: &[&str] = &[
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
    "为你推荐",
    "为您推荐",
    "相关推荐",
    "特别声明",
    "声明：",
    "分享：",
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
/// A help page's feedback box, which closes its article (以上信息是否解决了
/// 您的问题？): lines that open so, or the box's own request.
const FEEDBACK: &[&str] = &[
    "以上信息是否解决",
    "以上内容是否解决",
    "以上内容是否对您有帮助",
    "以上信息是否对您有帮助",
    "以上内容对您有帮助吗",
    "感谢您的反馈",
    "感谢您提供反馈",
];

/// A site's notes about a post (see `classify`).
const POST_NOTES: &[&str] = &[
    "预计阅读时长",
    "阅读时长约",
    "阅读需要约",
    "注册或登陆后显示",
    "注册或登录后显示",
    "登录后显示",
    "登陆后显示",
    "登录后可见",
    "回复后可见",
];

/// Widgets and other short furniture.
pub(super) const WIDGETS: &[&str] = &[
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
    "会员登录",
    "会员登陆",
    "用户登录",
    "点击注册",
    "立即注册",
    "找回密码",
];
/// A forum's prompts to sign up, around a post however they end (马上注册，
/// 结交更多好友，享用更多功能。 您需要 登录 才可以下载或查看，没有帐号？注册).
const SIGN_UP_PROMPTS: &[&str] = &[
    "当前主题已经存档",
    "马上注册，结交更多好友",
    "才可以下载或查看，没有帐号",
    "才可以下载或查看，没有账号",
    "只需一步，快速开始",
];
/// Labels and buttons that make a line alone.
const LABELS_ALONE: &[&str] = &[
    "正文",
    "目录",
    "全文",
    "展开全文",
    "阅读全文",
    "查看全文",
    "返回",
    "返回顶部",
    "返回首页",
    "字体",
    // A forum thread's buttons (Discuz!).
    "跳转到指定楼层",
    "复制链接",
    "复制链接]",
    "手机看帖",
    "随时随地手机跟帖",
    "使用道具 举报",
    "使用道具",
    "举报",
    "回复",
    "电梯直达",
];
/// The labels of a forum poster's profile beside a post (注册时间 /
/// 2010-2-9 / 最后登录 / 2019-1-16): their dates are the member's, not the
/// post's.
pub const PROFILE_LABELS: &[&str] = &[
    "注册时间",
    "注册日期",
    "注册于",
    "最后登录",
    "上次登录",
    "最近登录",
    "最后访问",
    "在线时间",
    "加入时间",
    "入站时间",
    // A Discuz! poster's sign-in record and level (签到天数: 265 天, [LV.8]).
    "签到天数",
    "连续签到",
    "[LV.",
];

/// A line of counts alone, each after its label (查看: 2510|回复: 1, 阅读 35
/// 评论 2).
fn only_counts(s: &str) -> bool {
    let mut pieces = 0;
    let mut words = s.split(['|', '｜', ' ', '　']).filter(|w| !w.is_empty());
    let mut label = None;
    for w in words.by_ref() {
        let w = w.trim_end_matches([':', '：']);
        let digits = w.trim_start_matches(|c: char| !c.is_ascii_digit());
        let name = &w[..w.len() - digits.len()];
        let name = name.trim_end_matches([':', '：', ' ']);
        let counted = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
        match (name.is_empty(), counted) {
            // 查看: 2510 (the count on its own word after its label).
            (true, true) if label.take().is_some() => pieces += 1,
            (false, true) if THREAD_COUNTS.contains(&name) => pieces += 1,
            (false, false) if THREAD_COUNTS.contains(&name) && digits.is_empty() => {
                label = Some(name)
            }
            _ => return false,
        }
    }
    pieces > 0 && label.is_none()
}

/// What a thread or a post counts (查看, 回复).
const THREAD_COUNTS: &[&str] = &[
    "查看", "回复", "阅读", "浏览", "点击", "评论", "人气", "点赞", "收藏", "转发", "分享",
];

/// Counters and buttons that follow a date in a page's header.
const COUNTERS: &[&str] = &[
    "评论",
    "阅读",
    "浏览",
    "点击",
    "分享",
    "收藏",
    "字号",
    "打印",
    "人参与",
];
/// Markers of injected spam lines (gambling, porn, fake documents).
pub(super) const SPAM: &[&str] = &[
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
pub(super) const BULLETS: &[char] = &[
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

/// A line read as furniture or metadata that may still be a phrase of an
/// article set one phrase per line (降温6~10℃, 2021年10月15日08时50分): some
/// Chinese, and no menu.
pub(super) fn may_be_phrase(l: &Line) -> bool {
    matches!(l.kind, Kind::Noise | Kind::Meta) && l.han >= 2 && !is_nav(&l.simp)
}

/// The buttons of a social post (阅读, 点赞, 扫码…): no phrase of its article.
pub(super) const SOCIAL_BUTTONS: &[&str] = &[
    "阅读",
    "点赞",
    "关注",
    "分享",
    "评论",
    "收藏",
    "转发",
    "扫码",
    "二维码",
];

/// A long line with no stop that is still written in clauses: a summary
/// over the article (5年来，总投资573.4亿元的69个项目签约落地，…加快建设),
/// not a menu or a list of links.
pub(super) fn reads_as_prose(s: &str) -> bool {
    let clauses = s
        .chars()
        .filter(|c| matches!(c, '，' | ',' | '；' | ';'))
        .count();
    han_count(s) >= 20 && clauses >= 2
}

pub(super) fn han_count(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

pub(super) fn has_sentence_stop(s: &str) -> bool {
    s.contains(['。', '！', '？', '…', '；'])
}

/// Without trailing emoji and pictographs (a paragraph may end "……进展。🚀").
pub(super) fn trim_symbols(s: &str) -> &str {
    s.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}' | '\u{FE0F}' | '\u{200D}')
    })
}

/// A row of a table of figures ("北京 41610.9 5.2%").
pub(super) fn is_figures_row(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    digits * 3 >= s.chars().count() && s.contains(' ')
}

/// A photo caption: "图为……。新华社记者 王五 摄", "（图片来源：……）",
/// "图片为某区提供".
pub(super) fn is_caption(s: &str) -> bool {
    let t = trim_symbols(s).trim_end_matches(['）', ')', '。']);
    s.chars().count() <= 120
        && (s.starts_with("图为")
            || s.starts_with("图：")
            || s.starts_with("▲")
            || s.starts_with("（图")
            || ((t.ends_with("摄") || t.ends_with("供图"))
                && (s.contains("记者") || s.contains("图")))
            // 图片为滨海新区提供, 图片由某某公司提供: a photo's credit.
            || ((s.starts_with("图片为") || s.starts_with("图片由") || s.starts_with("照片由"))
                && t.ends_with("提供")
                && s.chars().count() <= 40))
}

pub(super) fn ends_like_sentence(s: &str) -> bool {
    let Some(last) = trim_symbols(s).chars().last() else {
        return false;
    };
    match last {
        '。' | '！' | '？' | '…' | '；' | '!' | '?' => true,
        '”' | '’' | '」' | '』' | '"' | '）' | ')' | '】' | '》' => has_sentence_stop(s),
        _ => false,
    }
}

/// Does the line open with a step's ordinal (第一步, 第12步, 步骤三, 步骤3)
/// and a colon or a space?
pub(super) fn is_step(s: &str) -> bool {
    let ordinal = |t: &str| {
        let n = t
            .chars()
            .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .count();
        (n > 0).then(|| t.chars().skip(n).collect::<String>())
    };
    let rest = if let Some(r) = s.strip_prefix('第') {
        ordinal(r).and_then(|r| r.strip_prefix('步').map(str::to_string))
    } else if let Some(r) = s.strip_prefix("步骤") {
        ordinal(r)
    } else {
        None
    };
    rest.is_some_and(|r| r.starts_with([':', '：', ' ', '　', '、', '.']))
}

/// A sentence that ends in a colon to introduce what follows (反应体系
/// 如下：, 程序如下：; 各区人民政府，市政府各委、办、局：): ten Chinese
/// characters or more, a clause's comma or a word of introducing in it, no
/// label before a colon inside, and none of a site's own words.
fn introduces(s: &str, han: usize) -> bool {
    let Some(body) = s.strip_suffix([':', '：']) else {
        return false;
    };
    han >= 10
        && !body.contains([':', '：'])
        && (body.contains(['，', ','])
            || ["如下", "以下", "下列", "下面"].iter().any(|w| body.contains(w)))
        // Not a site's own words (更多精彩内容请点击以下链接查看：,
        // 如需转载，请联系本站编辑部，联系方式如下：).
        && !["本站", "本网", "转载", "链接", "点击", "联系方式", "栏目", "欢迎"]
            .iter()
            .any(|w| body.contains(w))
}

/// A line of code or formulas (k0 = [1 1 3];, dTG/dt=-k1[TG]…): an
/// assignment, a statement's end or a block's brace.
pub(super) fn is_code(s: &str) -> bool {
    let t = s.trim_start();
    // Not the page's own scripts and styles (var _hmt = _hmt || [];,
    // (function(){…})();, .footer{color:#999;}).
    let page_script = [
        "var ",
        "function",
        "(function",
        "document.",
        "window.",
        "$(",
    ]
    .iter()
    .any(|w| t.starts_with(w))
        || t.contains("_hmt")
        || t.starts_with(['.', '#', '<', '@']);
    s.contains(['=', ';', '{', '}']) && !page_script
}

pub(super) fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

pub(super) fn is_nav(s: &str) -> bool {
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
    if s.matches(['>', '»', '＞', '→', '›']).count() >= 2 && !has_sentence_stop(s) {
        return true;
    }
    // An item of a feed: 作者 · 标题 · 3 天前.
    if s.contains(['·', '•']) && !s.contains('。') && ends_with_time_ago(s) {
        return true;
    }
    let tokens: Vec<&str> = s.split(' ').filter(|t| !t.is_empty()).collect();
    tokens.len() >= 4 && tokens.iter().all(|t| t.chars().count() <= 5) && !has_sentence_stop(s)
}

/// Does `s` end with a time counted back from now (3 天前, 2小时前, 刚刚)?
fn ends_with_time_ago(s: &str) -> bool {
    let s = s.trim_end();
    if s.ends_with("刚刚") {
        return true;
    }
    let Some(rest) = s.strip_suffix('前') else {
        return false;
    };
    let Some(rest) = ["秒", "分钟", "小时", "天", "周", "个月", "年"]
        .iter()
        .find_map(|u| rest.strip_suffix(u))
    else {
        return false;
    };
    rest.trim_end().ends_with(|c: char| c.is_ascii_digit())
}

pub(super) fn is_headline_list_item(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let bulleted = BULLETS.contains(&first) || s.starts_with('[') || s.starts_with('【');
    // A long line of sentences after a tag ([中图分类号]F127 …。…) is a
    // paragraph, whatever it ends with (an excerpt may be cut mid-sentence).
    let paragraph = s.chars().count() > 100 && s.contains('。');
    bulleted && !s.ends_with(['。', '；']) && !paragraph
}

/// A line without Chinese that reads as text or code, not as furniture: a
/// few letters or digits, not an address, a separator, a copyright line or a
/// menu.
fn is_foreign_text(s: &str, lower: &str) -> bool {
    let alnum = s.chars().filter(char::is_ascii_alphanumeric).count();
    let furniture = [
        "copyright",
        "all rights",
        "http://",
        "https://",
        "www.",
        "©",
        "powered by",
    ]
    .iter()
    .any(|w| lower.contains(w));
    // A bar between words is a menu (Home | About), not in code (a | b;).
    alnum >= 2 && !furniture && (s.contains([';', '=', '{', '}', '(']) || !is_nav(s))
}

/// A line of code (a mark of code in it, or a short token) or of prose
/// (three words or more), which may run on inside an article; not a button
/// or a menu's item (Share, About Us), which counts as a break in it.
pub(super) fn is_code_or_prose(s: &str) -> bool {
    let code =
        s.contains([';', '=', '{', '}', '(', '<', '>', '/', '\\']) || s.trim().chars().count() <= 3;
    let words = s
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .count();
    code || words >= 3
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
        // A bare date line (22.01.2018 12:01) is metadata; text that is no
        // furniture may be a post's code or English; anything else without
        // Chinese is not the article.
        return if len <= 40 && !meta::find_dates(s).is_empty() {
            Kind::Meta
        } else if is_foreign_text(s, &lower) {
            Kind::Foreign
        } else {
            Kind::Noise
        };
    }
    // A dated line of labels that names an editor beside its source is the
    // metadata under a headline (来源：新华社 责任编辑：黄秀环 2023-02-27).
    let dated_labels = || {
        let l = meta::labels(s);
        l.editor.is_some()
            && (l.source.is_some() || l.author.is_some())
            && !meta::find_dates(s).is_empty()
    };
    // A label or a button alone on its line (正文, 展开全文), a line of a
    // poster's profile, or a thread's counters (查看: 2510|回复: 1).
    if LABELS_ALONE.contains(&bare.trim_end_matches([':', '：', ' ']))
        || (len <= 24 && PROFILE_LABELS.iter().any(|p| bare.starts_with(p)))
        || only_counts(s)
        || (len <= 60 && contains_any(&s.replace(',', "，").replace('?', "？"), SIGN_UP_PROMPTS))
    {
        return Kind::Noise;
    }
    // A writer's or a date's label with its date under a headline (2011-12-17
    // 12:58 作者：李思纯 | 6条评论 相关文章) is the header, whatever links
    // follow it.
    let dated_writer = || {
        let l = meta::labels(s);
        (l.author.is_some() || l.date_label) && !meta::find_dates(s).is_empty()
    };
    if ENDERS.iter().any(|w| bare.starts_with(w))
        || FEEDBACK.iter().any(|w| bare.starts_with(w))
        || (len <= 60 && s.contains("请在下方提供反馈"))
        // The site's word to authors whose pictures or text it took (特别
        // 提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬).
        || (len <= 150 && s.contains("本站") && contains_any(s, &["索取稿酬", "要求撤下您的"]))
        || (len <= 50 && contains_any(&lower, ENDERS) && !dated_labels() && !dated_writer())
    {
        return Kind::Ender;
    }
    // A bar of labels (来源: | 发布时间: 2018-05-17 | 浏览次数:) looks like a
    // menu, but a labelled date makes it the metadata line.
    // So do a source and a writer, or either with a date (来源：河北日报 |
    // 作者：张三 | 2019-07-31).
    let labelled_date = || {
        let l = meta::labels(s);
        let kinds = usize::from(l.source.is_some()) + usize::from(l.author.is_some());
        let dated = !meta::find_dates(s).is_empty();
        (l.date_label && dated) || kinds == 2 || (kinds == 1 && dated)
    };
    // A byline of several names (本报记者 张明 通讯员 李华 王芳) is no menu either.
    let byline = || {
        meta::line_byline(s).is_some()
            || meta::names_line(s).is_some()
            || meta::bracketed_byline(s).is_some()
    };
    if (len <= 80 && !s.ends_with('。') && contains_any(s, SPAM))
        || (is_nav(s)
            && !labelled_date()
            && !byline()
            && !meta::dated_edge(s)
            && !meta::forum_bar(s))
    {
        return Kind::Noise;
    }
    if ["摘要", "导读", "核心提示", "内容提要"]
        .iter()
        .any(|p| bare.starts_with(p))
    {
        return Kind::Summary;
    }
    // Before the widget rule: "发布时间：… 来源：… 字号：[大 中 小]" is the metadata line.
    // So is a byline alone in parentheses, closing the article: （记者 张三 李四）.
    if is_meta(s, han) || meta::bracketed_byline(s).is_some() || meta::forum_bar(s) {
        return Kind::Meta;
    }
    // A widget's words inside a sentence are the sentence's (一家老字号食品
    // 企业…。, 3D打印企业落户廊坊。, 今天最高气温35℃。).
    let sentence = han >= 8 && ends_like_sentence(s);
    if (len <= 40 && !sentence && contains_any(s, WIDGETS)) || is_caption(s) || tally(s) {
        return Kind::Noise;
    }
    // A site's notes about the post, sentences or not: its reading time
    // (本文共计58626个字，预计阅读时长234.5分钟。), what guests may not see
    // (部分链接隐藏，注册或登陆后显示).
    if len <= 60 && contains_any(s, POST_NOTES) {
        return Kind::Noise;
    }
    // 【文/观察者网专栏作者 余鹏鲲】 is a byline, not an item of a list.
    if is_headline_list_item(s) {
        return if len <= 40 && meta::line_byline(s).is_some() {
            Kind::Meta
        } else {
            Kind::Noise
        };
    }
    // A headline with the site's name after it (…怎么样了？ - 廊坊论坛) is a
    // heading, however it ends.
    if len <= 80 && super::without_site(s).len() < s.len() && !s.contains('。') {
        return if len <= 50 { Kind::Short } else { Kind::Loose };
    }
    // A short line ending in 。 is a sentence too (headings do not end in 。).
    // A sentence with a tail after its stop (…落户。加粗) is still a sentence.
    if (han >= 10 && (ends_like_sentence(s) || (han >= 20 && has_sentence_stop(s))))
        || (han >= 4 && trim_symbols(s).ends_with('。'))
        || introduces(s, han)
    {
        return Kind::Content;
    }
    if len <= 50 {
        Kind::Short
    } else {
        Kind::Loose
    }
}

pub(super) fn is_meta(s: &str, han: usize) -> bool {
    if s.contains('。') || han > 80 {
        return false;
    }
    let l = meta::labels(s);
    let kinds = [
        l.source.is_some(),
        l.author.is_some(),
        l.editor.is_some(),
        l.date_label,
    ]
    .iter()
    .filter(|&&k| k)
    .count();
    // A long line is metadata only when it is made of labels: two of them, or
    // one and a date (来源：《经济论坛》 作者：…研究所 王明远 …党校 李静怡).
    let dated_label = kinds == 1 && !meta::find_dates(s).is_empty();
    if han > 40 && kinds < 2 && !dated_label {
        return false;
    }
    if kinds > 0 || (l.any && han <= 20) {
        return true;
    }
    if han > 40 {
        return false;
    }
    if meta::line_byline(s).is_some()
        || meta::names_line(s).is_some()
        || meta::journal_line(s)
        || meta::affiliation_line(s)
        || meta::wechat_header(s).is_some()
    {
        return true;
    }
    // A line that is mostly a date (22.01.2018 12:01); not the start of a
    // tally (自 2016-07-26 以来).
    if let Some(d) = meta::find_dates(s)
        .first()
        .filter(|d| !meta::is_since(s, d))
    {
        let rest: String = s
            .chars()
            .take(d.start)
            .chain(s.chars().skip(d.end))
            .collect();
        // A date that starts the line, then a few short names (a self-media
        // header: 2020-06-05 20:35 王小明 李四), is the date line too.
        // Counters after it (参与评论()人, 阅读 1024) say nothing.
        let words = || {
            rest.split_whitespace()
                .filter(|w| !COUNTERS.iter().any(|c| w.contains(c)))
        };
        let names_after = d.start == 0
            && words().count() <= 4
            && words().all(|w| {
                w.chars()
                    .all(|c| crate::text::chars::is_han(c) || c.is_ascii_digit() || c == ':')
                    && han_count(w) <= 5
            });
        // A short line that ends with its date (学术资讯网/2020-11-23).
        let ends_with_date = (d.end == s.chars().count() || meta::dated_edge(s))
            && s.chars().count() <= 40
            && han_count(&rest) <= 12
            && !has_sentence_stop(s)
            && !s.contains('，');
        // A date glued to the writers and their institution, as a journal's
        // reprint sets it (2016-07-20温卫娟李石柱北京物资学院北京市101149).
        let glued_writers = d.start == 0
            && !rest.starts_with([' ', '　'])
            && !has_sentence_stop(&rest)
            && !rest.contains(['，', ','])
            && han_count(&rest) <= 30
            && rest.chars().any(|c| c.is_ascii_digit())
            && rest
                .chars()
                .next()
                .is_some_and(crate::text::chars::is_surname);
        return han_count(&rest) <= 6 || names_after || ends_with_date || glued_writers;
    }
    false
}

/// A page's tally of readers and comments, with or without its numbers
/// (3562人参与 120评论, 人参与 评论): nothing but the counters.
fn tally(s: &str) -> bool {
    let bare: String = s
        .chars()
        .filter(|c| {
            !c.is_ascii_digit()
                && !c.is_whitespace()
                && !matches!(c, '|' | '｜' | '(' | ')' | '（' | '）')
        })
        .collect();
    matches!(
        bare.as_str(),
        "人参与评论" | "人参与" | "评论人参与" | "人参与条评论" | "条评论人参与"
    )
}
