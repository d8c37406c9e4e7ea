//! HTML to lines of text, without building a tree (so 10,000 levels of
//! nesting cost nothing) and without ever executing or keeping markup.
//!
//! Block elements become line breaks; scripts, styles, frames, form controls
//! and page furniture (nav, site header/footer, asides, elements whose class or
//! id names a menu, share bar, comment box…) are dropped with their content.

/// What an HTML page yields: its text and the hints its markup carries.
#[derive(Debug, Default)]
pub struct HtmlText {
    /// Text with one line per block element.
    pub text: String,
    pub hints: Hints,
}

use super::clean::Hints;
use crate::text::chars::is_han;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];
const DROPPED: &[&str] = &[
    "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "template",
    "svg", "math", "object", "select", "button", "nav", "aside", "canvas", "video", "audio",
];
/// Elements that end a line. A `<form>` is one: ASP.NET-era portals, old
/// news sites and forums wrap the whole page, article included, in one, so
/// only its controls (input, select, button, textarea) are dropped.
const BLOCK: &[&str] = &[
    "form",
    "fieldset",
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "main",
    "figure",
    "figcaption",
    "center",
    "title",
    "body",
    "html",
    "address",
];
/// Class/id words that mark page furniture rather than the article.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "crumb",
    "crumbs",
    "footer",
    "comment",
    "comments",
    "share",
    "sharing",
    "related",
    "recommend",
    "sidebar",
    "toolbar",
    "copyright",
    "qrcode",
    "advert",
    "ads",
    "banner",
    "login",
    "pager",
    "pagination",
    "hotnews",
    "friendlink",
];

/// Whether the text is an HTML document (rather than text with a stray tag).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<!doctype html") || head.contains("<html") || head.contains("<body") {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    let count = |tags: &[&str]| tags.iter().map(|t| lower.matches(t).count()).sum::<usize>();
    // Any element but a line break makes it markup (a table-layout page).
    let blocks = count(&[
        "<p>", "<p ", "<div", "</p>", "</div>", "<table", "<td", "<tr", "<li", "<span", "<a ",
        "<font", "<h1", "<h2", "<h3", "<img", "<b>", "<strong", "<center",
    ]);
    if blocks + count(&["<br"]) < 4 {
        return false;
    }
    // Text that shows its source's line breaks as letters (a forum's post
    // copied with its escaped <BR>): only <br>, and on few of its lines.
    if blocks == 0 {
        let lines: Vec<&str> = lower.lines().filter(|l| !l.trim().is_empty()).collect();
        let tagged = lines.iter().filter(|l| l.contains("<br")).count();
        if lines.len() >= 5 && tagged * 2 < lines.len() {
            return false;
        }
    }
    true
}

struct Tag {
    name: String,
    end: bool,
    self_closing: bool,
    attrs: Vec<(String, String)>,
}

/// Parses a tag starting at `s[0] == '<'`; returns it and its length in bytes.
fn parse_tag(s: &str) -> Option<(Tag, usize)> {
    let b = s.as_bytes();
    let mut i = 1;
    let end = b.get(i) == Some(&b'/');
    if end {
        i += 1;
    }
    let name_start = i;
    if !b.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    while b
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b':')
    {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        match b.get(i) {
            None => return None,
            Some(b'>') => {
                return Some((
                    Tag {
                        name,
                        end,
                        self_closing,
                        attrs,
                    },
                    i + 1,
                ))
            }
            Some(b'/') => {
                self_closing = true;
                i += 1;
            }
            Some(_) => {
                let a = i;
                while b
                    .get(i)
                    .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/'))
                {
                    i += 1;
                }
                if i == a {
                    i += 1; // stray character such as a quote
                    continue;
                }
                let key = s[a..i].to_ascii_lowercase();
                while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
                    i += 1;
                }
                let mut value = String::new();
                if b.get(i) == Some(&b'=') {
                    i += 1;
                    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
                        i += 1;
                    }
                    match b.get(i) {
                        Some(&q @ (b'"' | b'\'')) => {
                            let v = i + 1;
                            let close = s[v..].find(q as char)?;
                            value = s[v..v + close].to_string();
                            i = v + close + 1;
                        }
                        _ => {
                            let v = i;
                            while b
                                .get(i)
                                .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                            {
                                i += 1;
                            }
                            value = s[v..i].to_string();
                        }
                    }
                }
                attrs.push((key, value));
            }
        }
    }
}

fn is_furniture(tag: &Tag) -> bool {
    tag.attrs.iter().any(|(k, v)| {
        (k == "class" || k == "id")
            && v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
                .any(|w| FURNITURE.contains(&w.to_ascii_lowercase().as_str()))
    })
}

/// An element that names the author: `itemprop="author"`, `rel="author"`,
/// or a class or id word of authors and self-media accounts (author-name,
/// byline, nickname, user-name: 百家号, 头条号, 微信公众号 pages).
fn names_author(tag: &Tag) -> bool {
    tag.attrs.iter().any(|(k, v)| {
        let v = v.to_ascii_lowercase();
        match k.as_str() {
            "itemprop" | "rel" => v.split_ascii_whitespace().any(|w| w == "author"),
            // Whole words of the class (author-name, tb_icon_author), not
            // parts of other words (authorized).
            "class" | "id" => v.split_ascii_whitespace().any(|w| {
                w.split(['-', '_']).any(|part| {
                    matches!(
                        part,
                        "author" | "authorname" | "byline" | "nickname" | "writer"
                    )
                }) || matches!(
                    w,
                    "user-name" | "username" | "user-card-name" | "js_name" | "account-name"
                )
            }),
            _ => false,
        }
    })
}

/// The text of an author element, when it reads as a name: `@中国网` is
/// 中国网, `作者：张三` is 张三; a date, a count or a label that is not an
/// author's (责任编辑) is no name.
pub(crate) fn author_name(text: &str) -> Option<String> {
    // A self-media card's follow button is no part of the name.
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "关注" | "+关注" | "＋关注" | "已关注" | "加关注" | "订阅" | "粉丝"
            )
        })
        .collect();
    let joined = words.join(" ");
    let t = joined.trim().trim_start_matches(['@', '＠']);
    let t = ["作者：", "作者:", "作者", "文/", "文／", "记者"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim();
    let n = t.chars().count();
    let ok = (2..=20).contains(&n)
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '：' | ':' | '|' | '｜'))
        && !t.contains("编辑")
        && t.chars().any(|c| c.is_alphabetic());
    ok.then(|| t.to_string())
}

fn attr<'a>(tag: &'a Tag, key: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Converts an HTML page to text. With `drop_furniture` false, only scripts,
/// styles and the like are dropped (the fallback when the class-based rules
/// would leave nothing).
pub fn html_to_text(html: &str, drop_furniture: bool) -> HtmlText {
    let mut out = HtmlText::default();
    let mut text = String::with_capacity(html.len() / 2);
    // Element being skipped with its content, and how deeply it nests in itself.
    let mut skipping: Option<(String, usize)> = None;
    let mut article_depth = 0usize;
    // Every top-level heading, and the <title>: a site's logo is often the
    // first <h1>.
    let mut h1s: Vec<String> = Vec::new();
    let mut title_tag: Option<String> = None;
    let mut in_h1 = false;
    let mut h1_text = String::new();
    // The element naming the author being read: its name, nesting, text.
    let mut author: Option<(String, usize, String)> = None;
    let mut authors: Vec<String> = Vec::new();
    // A person JSON-LD names as the author, for when the markup names none.
    let mut ld_author: Option<String> = None;
    let mut links = LinkLines::default();
    let mut article_furniture = false;
    let mut article_footer = String::new();
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < html.len() {
        let rest = &html[i..];
        if bytes[i] != b'<' {
            let next = rest.find('<').unwrap_or(rest.len());
            if skipping.is_none() {
                let chunk = &rest[..next];
                push_text(&mut text, chunk);
                links.count(chunk);
                if in_h1 {
                    push_text(&mut h1_text, chunk);
                }
                if let Some((_, _, t)) = &mut author {
                    push_text(t, chunk);
                }
            } else if article_furniture && article_footer.len() < 4096 {
                push_text(&mut article_footer, &rest[..next]);
            }
            i += next;
            continue;
        }
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |p| p + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map_or(rest.len(), |p| p + 1);
            continue;
        }
        let Some((tag, len)) = parse_tag(rest) else {
            if skipping.is_none() {
                text.push('<');
            }
            i += 1;
            continue;
        };
        i += len;
        if let Some((name, depth)) = &mut skipping {
            if tag.name == *name && !VOID.contains(&tag.name.as_str()) {
                if tag.end {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                } else if !tag.self_closing {
                    *depth += 1;
                }
            }
            continue;
        }
        let name = tag.name.as_str();
        if let Some((n, depth, t)) = &mut author {
            if n == name && !VOID.contains(&name) && !tag.self_closing {
                if tag.end {
                    *depth -= 1;
                } else {
                    *depth += 1;
                }
            }
            if *depth == 0 {
                if let Some(a) = author_name(t) {
                    if !authors.contains(&a) {
                        authors.push(a);
                    }
                }
                author = None;
            }
        }
        // <a> does not nest; an unclosed one ends with its paragraph, row or
        // item (old pages leave <a name=…> open).
        if tag.end && (name == "a" || LINK_CLOSERS.contains(&name)) {
            links.depth = 0;
        }
        if tag.end {
            if name == "article" {
                article_depth = article_depth.saturating_sub(1);
            }
            if name == "h1" && in_h1 {
                in_h1 = false;
                if !h1_text.trim().is_empty() {
                    h1s.push(h1_text.trim().to_string());
                }
            }
            if BLOCK.contains(&name) {
                links.end_line(&text);
                text.push('\n');
            }
            continue;
        }
        match name {
            "meta" => read_meta(&tag, &mut out),
            "time" => {
                if let Some(d) = attr(&tag, "datetime")
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                {
                    out.hints.time.get_or_insert_with(|| d.to_string());
                }
            }
            "link" if attr(&tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(h) = attr(&tag, "href") {
                    out.hints.url.get_or_insert_with(|| h.to_string());
                }
            }
            "title" => {
                let close = find_close(rest_after(html, i), "title");
                let t = &html[i..i + close.0];
                title_tag.get_or_insert_with(|| t.trim().to_string());
                if out.hints.title.is_none() {
                    let t = t.trim();
                    if !t.is_empty() {
                        out.hints.title = Some(format!("\u{0}{t}")); // marked: from <title>
                    }
                }
                i += close.1;
                continue;
            }
            "article" => article_depth += 1,
            "h1" => {
                in_h1 = true;
                h1_text.clear();
            }
            _ => {}
        }
        // A page-level <footer> is site furniture. A <header> is kept: many pages put
        // the headline and dateline in one outside <article>; its menus are <nav>s
        // and the line rules drop what is left.
        let furniture_header = name == "footer" && article_depth == 0 && drop_furniture;
        let dropped =
            DROPPED.contains(&name) || furniture_header || (drop_furniture && is_furniture(&tag));
        if dropped && !VOID.contains(&name) && !tag.self_closing {
            if RAW_TEXT.contains(&name) {
                let close = find_close(rest_after(html, i), name);
                if name == "script" {
                    let script = &html[i..i + close.0];
                    if out.hints.date.is_none() {
                        out.hints.date = script_date(script);
                    }
                    if attr(&tag, "type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                    {
                        ld_author = ld_author.or_else(|| ld_person(script));
                    }
                }
                i += close.1;
            } else {
                skipping = Some((tag.name.clone(), 1));
                // Furniture inside the article (its footer of links and
                // counts) may still say when it was published.
                article_furniture = article_depth > 0;
            }
            continue;
        }
        // (Counted here, past the dropped elements, whose end tags are
        // skipped with their content.)
        if name == "a" && !tag.self_closing {
            links.depth = 1;
        }
        // A nested author element is the more precise one (a box of the
        // author's name and the date holds the name's own element).
        if authors.len() < 2 && !VOID.contains(&name) && !tag.self_closing && names_author(&tag) {
            author = Some((tag.name.clone(), 1, String::new()));
        }
        if RAW_TEXT.contains(&name) && !tag.self_closing {
            // Kept raw-text element (none today); still never parse its content as tags.
            i += find_close(rest_after(html, i), name).1;
            continue;
        }
        if BLOCK.contains(&name) {
            links.end_line(&text);
            text.push('\n');
        } else if name == "td" || name == "th" {
            // Cells of a row stay on the row's line.
            text.push(' ');
        }
    }
    // One name, however often shown; several (a list of threads, a page of
    // posts) name no one author.
    if authors.len() == 1 {
        out.hints.author = authors.pop();
    } else if authors.is_empty() {
        out.hints.author = ld_author;
    }
    // The heading the <title> repeats is the headline, wherever it comes
    // (a blog's first <h1> may be a link to its forum or its name).
    let repeated = title_tag
        .as_deref()
        .and_then(|t| h1s.iter().position(|h| repeats(t, h)));
    out.hints.title_confirmed = repeated.is_some();
    let h1 = match repeated {
        Some(k) => Some(h1s.swap_remove(k)),
        None => h1s
            .into_iter()
            .find(|h| !names_the_site(h, title_tag.as_deref())),
    };
    if let Some(h) = h1 {
        out.hints.title = Some(h);
    } else if let Some(t) = out.hints.title.take() {
        if let Some(weak) = t.strip_prefix('\u{0}') {
            // A site's keywords (交通事故_医疗事故_伤残鉴定_事故咨询_…) name no
            // article: the page's own headline is left to the text.
            if !keyword_title(weak) {
                out.hints.title_weak = true;
                out.hints.title = Some(title_from_title_tag(weak));
            }
        } else {
            out.hints.title = Some(t);
        }
    }
    if out.hints.date.is_none() {
        out.hints.date = wechat_time(html);
    }
    out.hints.footer = labelled_publication_date(&article_footer);
    links.end_line(&text);
    out.hints.link_lines = links.heavy.into_iter().collect();
    out.text = text;
    out
}

/// Ends of elements that no link runs past.
const LINK_CLOSERS: &[&str] = &[
    "p", "li", "td", "th", "tr", "table", "ul", "ol", "dd", "dt", "h1", "h2", "h3", "h4", "h5",
    "h6",
];

/// Lines whose text is mostly the text of links: menus, lists of headlines,
/// "related articles" (read as the page is turned into lines).
#[derive(Default)]
struct LinkLines {
    /// How many `<a>` are open.
    depth: usize,
    /// Byte where the current line starts in the text.
    start: usize,
    /// Chinese characters on the current line, and those inside links.
    han: usize,
    link: usize,
    heavy: Vec<String>,
}

impl LinkLines {
    fn count(&mut self, chunk: &str) {
        let n = chunk
            .chars()
            .filter(|&c| crate::text::chars::is_han(c))
            .count();
        self.han += n;
        if self.depth > 0 {
            self.link += n;
        }
    }

    /// Ends the line that `text` ends with (a block boundary follows).
    fn end_line(&mut self, text: &str) {
        if self.han >= 4 && self.link * 10 >= self.han * 6 {
            if let Some(line) = text.get(self.start..) {
                let line = line.trim();
                if !line.is_empty() {
                    self.heavy.push(line.to_string());
                }
            }
        }
        self.start = text.len() + 1;
        self.han = 0;
        self.link = 0;
    }
}

fn rest_after(html: &str, i: usize) -> &str {
    &html[i..]
}

/// Byte length of content before `</name` and the total to skip past its `>`.
fn find_close(s: &str, name: &str) -> (usize, usize) {
    let lower = s.to_ascii_lowercase();
    let pat = format!("</{name}");
    match lower.find(&pat) {
        Some(p) => {
            let after = s[p..].find('>').map_or(s.len(), |q| p + q + 1);
            (p, after)
        }
        None => (s.len(), s.len()),
    }
}

fn push_text(out: &mut String, chunk: &str) {
    // HTML whitespace collapses; lines come from block elements only. A
    // line break between two Chinese characters goes, as CSS's segment
    // break rule says and Firefox does: pages wrapped by hand (沧\n州)
    // read as one word, not two.
    let mut last_space = out.ends_with([' ', '\n']) || out.is_empty();
    let mut pending: Option<bool> = None;
    let wide = |c: char| {
        is_han(c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    for c in chunk.chars() {
        if c.is_ascii_whitespace() {
            if !last_space {
                let newline = pending.unwrap_or(false) || c == '\n' || c == '\r';
                pending = Some(newline);
            }
        } else {
            if let Some(newline) = pending.take() {
                if !(newline && out.chars().next_back().is_some_and(wide) && wide(c)) {
                    out.push(' ');
                }
            }
            out.push(c);
            last_space = false;
        }
    }
    if pending.is_some() {
        out.push(' ');
    }
}

fn read_meta(tag: &Tag, out: &mut HtmlText) {
    let key = attr(tag, "name")
        .or_else(|| attr(tag, "property"))
        .or_else(|| attr(tag, "itemprop"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(content) = attr(tag, "content")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    else {
        return;
    };
    match key.as_str() {
        "publishdate"
        | "pubdate"
        | "publish_date"
        | "publishtime"
        | "firstpublishedtime"
        | "article:published_time"
        | "og:release_date"
        | "datepublished"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dc.date.created"
        | "dcterms.created"
        | "dcterms.date"
        | "publish-date"
        | "publish_time"
        | "publication_date"
        | "published_time"
        | "publishedtime"
        | "article:published"
        | "og:article:published_time"
        | "og:published_time"
        | "bytedance:published_time"
        | "weibo: article:create_at"
        | "apub:time"
        | "pub_date"
        | "pub-date"
        | "ptime"
        | "release_date"
        | "releasedate"
        | "createdate"
        | "sailthru.date"
        | "parsely-pub-date" => {
            out.hints.date.get_or_insert_with(|| content.to_string());
        }
        "dateupdate"
        | "datemodified"
        | "article:modified_time"
        | "og:updated_time"
        | "lastmodified" => {
            out.hints
                .modified
                .get_or_insert_with(|| content.to_string());
        }
        "og:url" => {
            out.hints.url.get_or_insert_with(|| content.to_string());
        }
        "source" | "contentsource" | "og:site_name" | "dc.publisher" => {
            out.hints.source.get_or_insert_with(|| content.to_string());
        }
        "og:title" | "articletitle" => {
            out.hints.title.get_or_insert_with(|| content.to_string());
        }
        _ => {}
    }
}

/// The publication date a page's script states (JSON-LD's
/// `"datePublished": "2019-03-15T10:21:00+08:00"`, or a variable such as
/// `var pubtime = "2019-03-15 10:21"`), as written.
/// A date after a label of publication (发布日期：2019-09-23) in `text`.
fn labelled_publication_date(text: &str) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for label in ["发布日期", "发布时间", "发表日期", "发表时间"] {
        for (p, _) in text.match_indices(label) {
            let rest = text[p + label.len()..].trim_start();
            let Some(rest) = rest.strip_prefix(['：', ':']) else {
                continue;
            };
            let head: String = rest.trim_start().chars().take(12).collect();
            if let Some(d) = super::meta::find_dates(&head)
                .into_iter()
                .find(|d| d.start == 0)
            {
                found.push(d.iso);
            }
        }
    }
    // One date however often stated; several (a list of other articles)
    // say nothing of this one.
    found.sort();
    found.dedup();
    (found.len() == 1).then(|| found.remove(0))
}

/// A WeChat official account's article states when it was sent as a Unix
/// time in its script (`var ct = "1581517074"`); the page itself shows only
/// 昨天 or 3天前. Read only on the article template (`js_content`), as the
/// day in Beijing time.
fn wechat_time(html: &str) -> Option<String> {
    if !html.contains("id=\"js_content\"") && !html.contains("rich_media_content") {
        return None;
    }
    let at = html.find("var ct")?;
    let rest = html[at + "var ct".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.strip_prefix(['"', '\''])?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 10 {
        return None;
    }
    let secs: i64 = digits.parse().ok()?;
    let days = (secs + 8 * 3600).div_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    (2005..=2100)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The calendar date of a day count from 1970-01-01 (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn script_date(script: &str) -> Option<String> {
    const KEYS: &[&str] = &[
        "datepublished",
        "firstpublishtime",
        "publishtime",
        "publish_time",
        "publishdate",
        "pubtime",
        "pubdate",
    ];
    // ASCII lowering keeps every byte offset.
    let lower = script.to_ascii_lowercase();
    for key in KEYS {
        for (p, _) in lower.match_indices(key) {
            let whole = p == 0 || !lower.as_bytes()[p - 1].is_ascii_alphanumeric();
            let rest = script[p + key.len()..]
                .trim_start_matches(['"', '\''])
                .trim_start();
            let Some(rest) = rest.strip_prefix([':', '=']).map(str::trim_start) else {
                continue;
            };
            let Some(rest) = rest.strip_prefix(['"', '\'']) else {
                continue;
            };
            let value: String = rest
                .chars()
                .take_while(|c| !matches!(c, '"' | '\'' | '\n'))
                .take(40)
                .collect();
            let dated = value.len() >= 8 && value.as_bytes()[..4].iter().all(u8::is_ascii_digit);
            if whole && dated {
                return Some(value);
            }
        }
    }
    None
}

/// The person JSON-LD names as the author (`"author": {"@type": "Person",
/// "name": "张三"}`); an organisation (the outlet) is no author.
fn ld_person(script: &str) -> Option<String> {
    let at = script.find("\"author\"")?;
    let rest = &script[at..];
    let end = rest.find('}').unwrap_or(rest.len()).min(400);
    let object = rest.get(..end)?;
    if !object.contains("\"Person\"") {
        return None;
    }
    let name_at = object.find("\"name\"")?;
    let value = object[name_at + 6..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    let name: String = value.chars().take_while(|&c| c != '"').collect();
    let name = name.trim();
    (!name.is_empty() && name.chars().count() <= 20 && !name.contains("://"))
        .then(|| name.to_string())
}

/// True when heading `h` is the site's name rather than the headline: the
/// `<title>` ("headline_column_site") holds it, but not in its headline.
fn names_the_site(h: &str, title_tag: Option<&str>) -> bool {
    let Some(t) = title_tag else {
        return false;
    };
    if !t.contains(h) {
        // A short heading the <title> does not name, beside a long headline
        // there (网易商业 over "埃洛普离职：微软卧底成弃儿？_网易财经"): a
        // column's or a site's name.
        let headline = title_from_title_tag(t);
        let shared = h.chars().filter(|&c| headline.contains(c)).count();
        return h.chars().count() <= 8
            && headline.chars().count() >= 10
            && shared * 2 < h.chars().count();
    }
    !title_from_title_tag(t).contains(h)
}

/// True when `<title>` `t` gives heading `h` as its headline (the whole
/// headline, or most of a long one).
fn repeats(t: &str, h: &str) -> bool {
    let headline = title_from_title_tag(t);
    let (a, b) = (headline.trim(), h.trim());
    let long = |s: &str| s.chars().count() >= 8;
    a == b || (long(b) && a.contains(b)) || (long(a) && b.contains(a))
}

/// `<title>` often reads "headline_column_site": keep the headline.
/// A <title> that lists a site's keywords: three or more short terms
/// before the site's name (交通事故_医疗事故_伤残鉴定_事故咨询_事故问).
fn keyword_title(t: &str) -> bool {
    let parts: Vec<&str> = t
        .split(['_', '|', '｜', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // (雄安新区开工_要闻_长城网_河北新闻: a short headline, its column and
    // site; a list of keywords runs longer.)
    parts.len() >= 5
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| (2..=6).contains(&p.chars().count()))
}

fn title_from_title_tag(t: &str) -> String {
    let longest = t
        .split(['_', '|', '｜'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" — "))
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or(t);
    // …被端-富达传媒, …GPU-EDN 电子技术设计: a short Chinese name after a bare
    // hyphen at the end is the site's (COVID-19 keeps its hyphen).
    let han = |s: &str| s.chars().filter(|&c| crate::text::chars::is_han(c)).count();
    match longest.rsplit_once('-') {
        Some((head, site))
            if han(site) >= 2
                && site.chars().count() <= 12
                && han(head) >= 8
                && !site.chars().any(|c| c.is_ascii_digit())
                && !head.ends_with(|c: char| c.is_ascii_digit()) =>
        {
            head.trim_end().to_string()
        }
        _ => longest.to_string(),
    }
}

/// Removes stray tags (`<em id="x">`, `</p>`) left in a text page, keeping
/// any `<` that does not open a known HTML element (such as "<5%").
pub fn strip_stray_tags(text: &str) -> String {
    if !text.contains('<') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(p) = text[i..].find('<') {
        out.push_str(&text[i..i + p]);
        let at = i + p;
        match parse_tag(&text[at..]) {
            Some((tag, len))
                if is_html_element(&tag.name) && !text[at..at + len].contains('\n') =>
            {
                if BLOCK.contains(&tag.name.as_str()) && !tag.end {
                    out.push('\n');
                }
                i = at + len;
            }
            _ => {
                out.push('<');
                i = at + 1;
            }
        }
    }
    out.push_str(&text[i..]);
    out
}

fn is_html_element(name: &str) -> bool {
    const INLINE: &[&str] = &[
        "a", "b", "i", "u", "em", "strong", "span", "font", "img", "source", "small", "big", "sub",
        "sup", "label", "abbr", "cite", "code", "q", "s", "strike", "mark", "time", "picture",
    ];
    INLINE.contains(&name)
        || BLOCK.contains(&name)
        || DROPPED.contains(&name)
        || VOID.contains(&name)
}

#[cfg(test)]
mod tests;
