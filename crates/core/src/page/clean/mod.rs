//! Finds the article in a page's lines: its title, metadata and body, with
//! navigation, headline lists, comment boxes, widgets, copyright lines and
//! spam left out.
//!
//! Each line is classified from its simplified form ([`Kind`]); the body is
//! the run of article paragraphs with the most Chinese text, where headings
//! between paragraphs belong to it and a footer line (责任编辑, 上一篇, 版权…)
//! ends it.

mod lines;

pub use lines::{classify, Kind, Line};
use lines::{han_count, is_figures_row, is_headline_list_item, BULLETS};

use crate::model::{DateSource, Document, Warning, WarningKind};
use crate::page::meta::{self, Labels};
use crate::text::chars::is_han;
use crate::text::normalize::normalize;

/// What cleaning a page gives: a [`Document`] with its title, date (and
/// its cue), source, author, editor, body (paragraphs as written, joined
/// with `\n`) and warnings; the rest is the page stage's to fill.
pub type Cleaned = Document;

/// What a page's markup says beside its text (an HTML page's head, its
/// `<h1>` and `<time>`), and the address or file name it came from.
#[derive(Debug, Default, Clone)]
pub struct Hints {
    /// `<h1>`, `og:title`, else `<title>`.
    pub title: Option<String>,
    /// The title is only the page's `<title>` (often "headline_site"): a
    /// headline found in the text wins.
    pub title_weak: bool,
    /// The title is a heading that the page's `<title>` repeats: trusted
    /// even when it is not Chinese ("(leetcode)Invert Binary Tree").
    pub title_confirmed: bool,
    /// `<meta>` publication date.
    pub date: Option<String>,
    /// The first `<time datetime=…>`.
    pub time: Option<String>,
    /// A labelled publication date in furniture the article holds (its
    /// footer of counts and links), which the text leaves out.
    pub footer: Option<String>,
    /// The `<meta>` date of the page's last change: never the publication
    /// date by itself, only the year of a day the page shows without one.
    pub modified: Option<String>,
    /// The page's own address (`<link rel="canonical">`, `og:url`), or the
    /// file name it was saved under: either often holds its date.
    pub url: Option<String>,
    pub source: Option<String>,
    /// The text of an element the markup marks as the author's name
    /// (`class="author-name"`, a self-media account's nickname), read as a
    /// name: used when the text itself names no author.
    pub author: Option<String>,
    /// Lines (as cleaned) made mostly of the text of links: a menu, a list of
    /// headlines, related articles — never the article's paragraphs.
    pub link_lines: std::collections::HashSet<String>,
}

/// How the name of a body that issues a notice ends (北京市人民政府办公厅).
const ISSUERS: &[&str] = &[
    "办公厅",
    "办公室",
    "政府",
    "委员会",
    "局",
    "厅",
    "部",
    "院",
    "公司",
    "中心",
    "处",
    "会",
];

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
            let mut kind = classify(&simp);
            if matches!(
                kind,
                Kind::Content | Kind::Short | Kind::Loose | Kind::Foreign
            ) && hints.link_lines.contains(t.trim())
            {
                kind = Kind::Noise;
            }
            Line {
                text: t,
                han: han_count(&simp),
                kind,
                simp,
            }
        })
        .collect();
    // The value under a profile's label (注册时间 / 2010-2-9) is the
    // member's too.
    let mut lines = lines;
    let mut after_label = false;
    for l in lines.iter_mut() {
        let t = l.simp.trim();
        if t.is_empty() {
            continue;
        }
        if after_label && l.han == 0 {
            l.kind = Kind::Noise;
        }
        after_label = lines::PROFILE_LABELS.contains(&t.trim_end_matches([':', '：']));
    }
    // The steps of a procedure (第二步：管理员微信扫码验证), three or more
    // with nothing but blank lines or pictures between, are the article's
    // whatever widget's words or menu's arrows they hold; not a sign-up
    // box's (第一步：注册账号…).
    let mut i = 0;
    while i < lines.len() {
        if !lines::is_step(lines[i].simp.trim()) {
            i += 1;
            continue;
        }
        let mut steps = vec![i];
        let mut j = i + 1;
        while j < lines.len() {
            let t = lines[j].simp.trim();
            if lines::is_step(t) {
                steps.push(j);
            } else if !t.is_empty() {
                break;
            }
            j += 1;
        }
        let sign_up = steps.iter().any(|&k| {
            ["注册", "会员", "验证码", "密码", "积分"]
                .iter()
                .any(|w| lines[k].simp.contains(w))
        });
        if steps.len() >= 3 && !sign_up {
            for k in steps {
                if lines[k].han >= 4 {
                    lines[k].kind = Kind::Content;
                }
            }
        }
        i = j;
    }
    // No paragraph reads like article text (a page of short lines, a list
    // of posts): keep the densest text rather than refuse the page.
    // An article set one phrase per line (self-media: 但新一股强冷空气马上
    // 袭来 / 并带来大风降温天气 / …), with hardly a line that ends like a
    // sentence: the run of its lines, not the odd sentence in it.
    let best = best_block(&lines);
    let phrases = phrase_run(&lines).filter(|&d| set_in_phrases(&lines, best, d));
    // (With no paragraph at all, the page keeps its warning.)
    let (first, last, unclear) = match phrases.or(best) {
        Some((f, l)) => (f, l, phrases.is_some() && best.is_none()),
        None => match densest_block(&lines) {
            Some((f, l)) => (f, l, true),
            None => return Cleaned::default(),
        },
    };
    let mut out = Cleaned::default();
    let mut authors: Vec<String> = Vec::new();
    let mut poster: Option<String> = None;

    // --- Header: title, metadata, leading headings.
    let first_meta = (0..first).find(|&i| lines[i].kind == Kind::Meta);
    // Only the page's first line can be a masthead.
    let top = lines
        .iter()
        .position(|l| !matches!(l.kind, Kind::Noise | Kind::Foreign));
    let is_candidate = |i: usize| {
        let l = &lines[i];
        matches!(l.kind, Kind::Short | Kind::Loose)
            && l.han >= 4
            && l.text.chars().count() <= 80
            && !l.simp.ends_with('。')
            // A line that breaks off at a comma (除了自己的无知，) is part of
            // a sentence set over lines; one ending in a colon is a label
            // (原文链接：).
            && !l.simp.trim_end().ends_with(['，', ',', '、', '：', ':'])
            && !(Some(i) == top && is_outlet_name(&l.simp))
            // No headline opens with a full date (2016-07-20温卫娟…).
            && meta::find_dates(&l.simp).first().is_none_or(|d| d.start > 0)
            // Nor with a dash: that is the subtitle under it (——致全校师生,
            // also typed 一一致…).
            && !l.simp.trim_start().starts_with(['—', '－', '-'])
            && !l.simp.trim_start().starts_with("一一")
            // Nor a row of a record's labelled cells (信息分类: 通知   发布机构: …).
            && label_cells(&l.simp) < 2
            // Nor a forum's window title (… - 某某社区 - Powered by Discuz!).
            && !l.simp.contains("Powered by")
            // Nor a writer with their unit (• 许冰洋 (化学与化工学院)).
            && meta::name_with_unit(&l.simp).is_none()
            // Nor a numbered section's heading (二. 从牛顿引力到…, 三、…).
            && !section_number(&l.simp)
    };
    let hint_title = hints
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| han_count(t) >= 2 || (hints.title_confirmed && t.chars().count() >= 4));
    // A headline with its column's tag ([区域观察]京津冀…) reads like an item
    // of a list of links; right above the metadata line it is the headline.
    // A forum's thread buttons and the poster's profile may stand between
    // ([复制链接], 签到天数: 265 天): up to six lines of furniture.
    let tagged_above = |m: usize| {
        let tagged = |l: &Line| {
            l.kind == Kind::Noise
                && is_headline_list_item(l.simp.trim())
                && l.han >= 6
                && l.text.chars().count() <= 80
                && meta::name_with_unit(&l.simp).is_none()
        };
        (0..m)
            .rev()
            .filter(|&k| !lines[k].simp.trim().is_empty())
            .take(6)
            .take_while(|&k| lines[k].kind == Kind::Noise)
            .find(|&k| tagged(&lines[k]))
    };
    // With no metadata line, a tagged headline alone right above the
    // article ([交流] 【求助】反应动力学求解 over a post), not one of a list.
    let tagged_alone = || {
        let k = tagged_above(first)?;
        // Not an ad's or a picture's tag ([广告] …, [图片] …).
        let tag = lines[k].simp.trim().trim_start_matches(['[', '【']);
        if ["广告", "推广", "图片", "组图", "视频", "图文", "专题"]
            .iter()
            .any(|w| tag.starts_with(w))
        {
            return None;
        }
        let before = (0..k).rev().find(|&j| !lines[j].simp.trim().is_empty());
        before
            .is_none_or(|j| !is_headline_list_item(lines[j].simp.trim()))
            .then_some(k)
    };
    let text_title = || match first_meta {
        Some(m) => (0..m)
            .rev()
            .find(|&i| is_candidate(i))
            .or_else(|| tagged_above(m))
            .or_else(|| (m..first).find(|&i| is_candidate(i))),
        // Else the page's first line when it reads as a headline (pasted
        // text, headline first), else the headline nearest the article (a
        // site's name or a menu's heading may top the page), not a summary
        // written in clauses.
        None => tagged_alone()
            // A headline that the next line repeats at its start (a teaser:
            // the headline run into the summary), over a link's title.
            .or_else(|| {
                (0..first.min(lines.len().saturating_sub(1))).find(|&i| {
                    let next = (i + 1..=first).find(|&j| !lines[j].simp.trim().is_empty());
                    is_candidate(i)
                        && next.is_some_and(|j| {
                            let (a, b) = (squash(&lines[i].simp), squash(&lines[j].simp));
                            b.len() > a.len() + 20 && b.starts_with(&a)
                        })
                })
            })
            .or_else(|| {
                (0..first)
                    .find(|&i| matches!(lines[i].kind, Kind::Short | Kind::Loose | Kind::Content))
                    .filter(|&t| is_candidate(t))
            })
            .or_else(|| {
                (0..first)
                    .rev()
                    .find(|&i| is_candidate(i) && !lines::reads_as_prose(&lines[i].simp))
            })
            .or_else(|| (0..first).find(|&i| is_candidate(i))),
    };
    let title_idx = match hint_title {
        Some(_) if !hints.title_weak => None,
        // A <title> hint: prefer a headline line of the page that it contains.
        Some(h) => {
            let hk = squash(&normalize(h).text);
            (0..first)
                .find(|&i| is_candidate(i) && hk.contains(&squash(&lines[i].simp)))
                .or_else(|| {
                    // A line of the page that shares nothing with the <title>
                    // (杂志声明, 新闻动态, a column's name) is not the headline
                    // the <title> gives.
                    // (A <title> that is only the site's name says nothing.)
                    let says_headline = han_count(h) >= 10 && !is_outlet_name(h);
                    text_title().filter(|&i| {
                        if !says_headline {
                            return true;
                        }
                        let line = squash(&lines[i].simp);
                        let shared = line.chars().filter(|c| hk.contains(*c)).count();
                        shared * 2 >= line.chars().count()
                    })
                })
        }
        None => text_title().or_else(|| {
            // Pasted text, headline first: the first line opens the article
            // block, but reads as a headline (short, no full stop) over a
            // longer article.
            let l = &lines[first];
            (Some(first) == top
                && first + 2 <= last
                && matches!(l.kind, Kind::Short | Kind::Loose | Kind::Content)
                && l.han >= 6
                && l.text.chars().count() <= 40
                && !l.simp.contains(['。', '；', ';'])
                && !l.simp.trim_end().ends_with([':', '：', '，', ','])
                && !(Some(first) == top && is_outlet_name(&l.simp))
                && (phrases.is_some()
                    || lines[first + 1..=last]
                        .iter()
                        .any(|l| l.kind == Kind::Content)))
            .then_some(first)
        }),
    };
    // A headline set over several lines (全国人民代表大会常务委员会 / 关于批准…及
    // / 调整…的决议): the lines after it that continue it in the <title>.
    // Where the headline stands among the lines, also when it came from the
    // page's markup (an <h1>): what lies under it is the article's header.
    let title_line = title_idx.or_else(|| {
        let h = squash(&normalize(hint_title?).text);
        (0..=first.min(last))
            .rev()
            .find(|&i| squash(&lines[i].simp) == h)
    });
    // A headline that reads like a sentence (a question) opened the block
    // of the article: the article starts at the first paragraph under it.
    let first = match title_line {
        Some(t) if t == first && t < last && phrases.is_some() => t + 1,
        Some(t) if t == first && t < last => (t + 1..=last)
            .find(|&i| lines[i].kind == Kind::Content)
            .unwrap_or(t + 1),
        _ => first,
    };
    let mut title_end = title_idx;
    if let (Some(i), Some(h)) = (title_idx, hint_title) {
        let hk = squash(&normalize(h).text);
        let mut joined = squash(&lines[i].simp);
        for (j, l) in lines.iter().enumerate().take(i + 4).skip(i + 1) {
            if !matches!(l.kind, Kind::Short | Kind::Loose) || lines::has_sentence_stop(&l.simp) {
                break;
            }
            let next = format!("{joined}{}", squash(&l.simp));
            if !hk.contains(&next) {
                break;
            }
            joined = next;
            title_end = Some(j);
        }
    }
    let first = match title_end {
        Some(e) if e >= first && e < last => e + 1,
        _ => first,
    };
    out.title = match (title_idx, title_end) {
        (Some(i), Some(e)) => Some(
            lines[i..=e]
                .iter()
                .map(|l| l.text.trim())
                .collect::<Vec<_>>()
                .join(""),
        ),
        _ => hint_title.map(without_site),
    }
    .map(|t| trim_ornaments(&without_thread_type(&without_dateline(&without_site(&t)))))
    .filter(|t| !t.is_empty());
    let title_key = out.title.as_deref().map(squash).unwrap_or_default();
    let is_deck = |l: &Line| {
        let k = squash(&l.simp);
        (!title_key.is_empty() && (title_key.contains(&k) || k.contains(&title_key)))
            || l.simp.starts_with(['—', '-'])
    };
    let lead_floor = title_end
        .map_or(0, |t| t + 1)
        .max(first_meta.map_or(0, |m| m + 1));
    let mut lead: Vec<usize> = Vec::new();
    let mut i = first;
    while i > lead_floor && lead.len() < MAX_LEAD {
        i -= 1;
        let l = &lines[i];
        // A photo's caption between a summary and the first paragraph.
        if l.kind == Kind::Noise && lines::is_caption(&l.simp) {
            continue;
        }
        // A first paragraph may lack its full stop; its dateline says it
        // opens the article (本网讯(通讯员 张三/文)为提高…举行了征文比赛).
        let opens_article = || {
            let t = l.simp.trim_start();
            l.han >= 20
                && (["本网讯", "本报讯", "本刊讯", "本台讯", "本站讯"]
                    .iter()
                    .any(|w| t.starts_with(w))
                    || meta::dateline(t).is_some())
        };
        if l.kind != Kind::Short
            && !(l.kind == Kind::Loose && (lines::reads_as_prose(&l.simp) || opens_article()))
        {
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
        // A line that reads as an article's end (it names an editor: 作者 |
        // 邹欣 责编 | 梦依丹) is the header's when it lies under the headline.
        let in_header = i < first && title_line.is_some_and(|t| i > t);
        take_labels(
            &labels,
            l,
            &mut out,
            &mut authors,
            l.kind == Kind::Meta || in_header,
        );
        if l.kind == Kind::Meta {
            // Names alone only between the headline and the body (a journal's
            // writers), never a menu over the page.
            let under_title = title_line.is_some_and(|t| i > t && i < first);
            let names_alone = || under_title.then(|| meta::names_line(&l.simp)).flatten();
            let bracketed = || meta::bracketed_byline(&l.simp);
            if let Some(names) = meta::line_byline(&l.simp)
                .or_else(names_alone)
                .or_else(bracketed)
            {
                authors.extend(names.into_iter().map(|n| written_form(l.text, &n)));
            } else if let Some(names) = meta::inline_byline(&l.simp) {
                // "2023年3月1日 来源：河北新闻网 记者 褚四"
                authors.extend(names.into_iter().map(|n| written_form(l.text, &n)));
            } else if let Some(Some(name)) = meta::wechat_header(&l.simp) {
                // 原创 张三 某某日报 2023-03-05 09:12 发表于北京
                authors.push(written_form(l.text, &name));
            } else if i < first && poster.is_none() {
                // A forum's or a blog's poster, if nothing names a writer.
                poster = meta::poster(&l.simp)
                    .or_else(|| meta::bar_poster(&l.simp))
                    .or_else(|| meta::by_poster(&l.simp))
                    .map(|n| written_form(l.text, &n));
            }
            let before_title = title_idx.is_some_and(|t| i < t);
            let today_header =
                l.simp.contains("今天") || l.simp.contains("今日") || l.simp.contains("当前");
            // A date with its weekday over the page is today's; under the
            // headline it is the issue's (2022年2月13日 星期日).
            let after_title = title_line.is_some_and(|t| i > t);
            let publication =
                |d: &meta::FoundDate| (!d.weekday || after_title) && !meta::told_date(&l.simp, d);
            // Of a publication's and an update's date on one line
            // (更新时间：2023-02-01 发布时间：2023-01-05), the publication's.
            let dates: Vec<meta::FoundDate> = meta::find_dates(&l.simp)
                .into_iter()
                .filter(publication)
                .collect();
            let updated = |d: &meta::FoundDate| meta::after_update_label(&l.simp, d);
            let found = dates
                .iter()
                .find(|d| !updated(d))
                .or(dates.first())
                .cloned();
            if let Some(d) = found {
                if today_header
                    || (before_title && !labels.date_label)
                    || (labels.other_date && !labels.date_label)
                {
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
    // A community page copied as text names its poster by the avatar's
    // caption over the name (张三的头像 / 张三), above the article.
    if poster.is_none() {
        let shown: Vec<&str> = lines[..first]
            .iter()
            .map(|l| l.simp.trim())
            .filter(|t| !t.is_empty())
            .collect();
        poster = shown.windows(2).find_map(|w| {
            let name = w[0].strip_suffix("的头像")?;
            let n = name.chars().count();
            ((2..=20).contains(&n) && w[1] == name && !name.contains(' ')).then(|| name.to_string())
        });
    }
    // A writer named alone with their unit under the headline (• 许冰洋
    // (化学与化工学院)), as a school's CMS lists author, date and hits.
    if poster.is_none() {
        if let Some(t) = title_line {
            // Only in the header's list: a dated line right under it (not an
            // interviewee's or a delegate's name).
            let shown: Vec<&Line> = lines[t + 1..first.max(t + 1)]
                .iter()
                .filter(|l| !l.simp.trim().is_empty())
                .take(4)
                .collect();
            // One name only: a list of them is a list of people; and not
            // under an interview's headline (专访：…主任), whose guest it names.
            let interview = ["专访", "访谈", "对话", "采访", "解读", "答记者问"]
                .iter()
                .any(|w| lines[t].simp.contains(w));
            let names: Vec<Option<&str>> = shown
                .iter()
                .map(|l| meta::name_with_unit(&l.simp))
                .collect();
            let named = names.iter().flatten().count();
            poster = (0..shown.len().saturating_sub(1))
                .filter(|_| !interview && named == 1)
                .find_map(|k| {
                    let name = names[k]?;
                    (!meta::find_dates(&shown[k + 1].simp).is_empty()).then_some(name)
                })
                .map(|n| n.to_string());
        }
    }
    // A writer's name set between dashes right under the headline, as
    // personal sites sign their pieces (- 卢昌海 -).
    if poster.is_none() && authors.is_empty() {
        if let Some(t) = title_line {
            poster = lines[t + 1..first.max(t + 1)]
                .iter()
                .find(|l| !l.simp.trim().is_empty())
                .and_then(|l| {
                    let s = l.simp.trim();
                    let name = s.trim_matches(|c: char| "-—－ ".contains(c));
                    // (A name of three: not 周末, 文明, nor a place: 高碑店.)
                    (s.starts_with(['-', '—', '－'])
                        && s.ends_with(['-', '—', '－'])
                        && name.chars().count() == 3
                        && meta::is_personal_name(name)
                        && crate::extract::places::gazetteer().lookup(name).is_none())
                    .then(|| name.to_string())
                });
        }
    }
    // A headline that ends like a sentence (…成功举行！) starts the body's
    // block; the date line right under it is still the header's.
    // So is a notice's date under its issuer, after the addressees and a
    // short text (各区人民政府… / …现印发给你们… / 北京市人民政府办公厅 /
    // 2016年5月28日).
    if header_date.is_none() {
        let under_issuer = |i: usize| {
            (first..i)
                .rev()
                .find(|&j| !lines[j].simp.trim().is_empty())
                .is_some_and(|j| {
                    lines[j].kind == Kind::Short
                        && ISSUERS.iter().any(|w| lines[j].simp.trim().ends_with(w))
                })
        };
        header_date = (first..=last.min(first + 5))
            .filter(|&i| {
                lines[i].kind == Kind::Meta
                    && (i < first + 3 || under_issuer(i) || meta::labels(&lines[i].simp).date_label)
            })
            .find_map(|i| {
                let simp = &lines[i].simp;
                meta::find_dates(simp)
                    .into_iter()
                    .find(|d| !d.weekday && !meta::told_date(simp, d))
                    .map(|d| d.iso)
            });
    }
    // An e-paper's page bar over the article gives the day of the issue
    // (上一版  下一版 2021年5月7日 星期 放大 缩小), when nothing else
    // dates the page; not a portal's "today is" (今天是…).
    let issue_date = || {
        (0..first).rev().find_map(|i| {
            let simp = &lines[i].simp;
            let bar = ["上一版", "下一版", "版面导航"]
                .iter()
                .any(|w| simp.contains(w))
                && !["今天", "今日"].iter().any(|w| simp.contains(w));
            bar.then(|| meta::find_dates(simp).into_iter().next().map(|d| d.iso))
                .flatten()
        })
    };
    let hint = |h: &Option<String>| h.as_deref().and_then(meta::date_from_hint);
    (out.date, out.date_source) = match header_date
        .map(|d| (d, DateSource::Header))
        .or_else(|| hint(&hints.date).map(|d| (d, DateSource::Meta)))
        .or_else(|| hint(&hints.time).map(|d| (d, DateSource::Time)))
        .or_else(|| footer_date.map(|d| (d, DateSource::Footer)))
        .or_else(|| hints.footer.clone().map(|d| (d, DateSource::Footer)))
        .or_else(|| issue_date().map(|d| (d, DateSource::Header)))
    {
        Some((d, s)) => (Some(d), Some(s)),
        None => (None, None),
    };
    // 发布时间：01-14 17:58 — a day without its year, which a full date of
    // the same day (the page's last change in <meta>, a date further down)
    // completes.
    if out.date.is_none() {
        // Under the headline: a day in a bar over the page is today's.
        let from = title_line.map_or(0, |t| t + 1).min(first);
        let header = (from..first).chain(first..=last.min(first + 2));
        if let Some((m, d)) = header
            .filter_map(|i| meta::labelled_month_day(&lines[i].simp))
            .next()
        {
            let same_day = format!("-{m:02}-{d:02}");
            let full = hints
                .modified
                .as_deref()
                .and_then(meta::date_from_hint)
                .into_iter()
                .chain(lines.iter().flat_map(|l| {
                    meta::find_dates(&l.simp)
                        .into_iter()
                        .filter(|f| stamped_date(l, f))
                        .map(|f| f.iso)
                }))
                .find(|iso| iso.ends_with(&same_day));
            if let Some(iso) = full {
                out.date = Some(iso);
                out.date_source = Some(DateSource::Header);
            }
        }
    }
    if out.source.is_none() {
        out.source = hints.source.clone();
    }

    // --- Body.
    let mut paragraphs: Vec<String> = lead.iter().map(|&i| lines[i].text.to_string()).collect();
    // Whether the first paragraph was found printed twice (read once).
    let mut lead_twice = false;
    let mut first_paragraph = true;
    // Whether the body's paragraphs name writers of their own (see below),
    // read once, when a byline deep in the body asks.
    let several_writers = std::cell::OnceCell::new();
    let mut under_deck = false;
    for (k, l) in lines[first..=last].iter().enumerate() {
        // A thread's first reply (2楼, #2, 沙发) ends its opening post.
        if !paragraphs.is_empty() && is_reply_mark(&l.simp) {
            break;
        }
        // The headline, when it reads like a sentence (…项目；…项目), can open
        // the block; it is the title, not the first paragraph.
        if paragraphs.is_empty() && !title_key.is_empty() && squash(&l.simp) == title_key {
            continue;
        }
        // The headline run into a summary the next paragraph gives whole
        // (…行动计划环保网获悉，5月10日… / 环保网获悉，5月10日…): a teaser.
        if paragraphs.is_empty() && !title_key.is_empty() {
            let line = squash(&l.simp);
            if let Some(rest) = line.strip_prefix(title_key.as_str()) {
                let head: String = rest.chars().take(12).collect();
                if head.chars().count() >= 12
                    && lines[first + k + 1..=last]
                        .iter()
                        .find(|x| x.kind == Kind::Content)
                        .is_some_and(|x| squash(&x.simp).starts_with(&head))
                {
                    continue;
                }
            }
        }
        // In an article set one phrase per line, a phrase that reads as
        // furniture or a date is still the article's (降温6~10℃).
        let phrase = phrases.is_some()
            && lines::may_be_phrase(l)
            && !lines::is_caption(&l.simp)
            && !lines::contains_any(&l.simp, lines::SOCIAL_BUTTONS)
            && {
                let lb = meta::labels(&l.simp);
                lb.source.is_none() && lb.author.is_none() && lb.editor.is_none()
            };
        // A short line over a photo's credit is the photo's caption
        // (繁忙的天津港。 / 图片为滨海新区提供).
        // (Only a noun phrase: 这是前所未有的成绩。 is the text's.)
        let over_credit = l.han <= 12
            && !["是", "了", "有", "在"].iter().any(|w| l.simp.contains(w))
            && lines[first + k + 1..=last]
                .iter()
                .find(|x| !x.simp.trim().is_empty())
                .is_some_and(|x| {
                    let t = x.simp.trim();
                    lines::is_caption(t) && t.starts_with("图片") && t.ends_with("提供")
                });
        match l.kind {
            _ if over_credit => continue,
            _ if phrase => {}
            Kind::Content | Kind::Short | Kind::Loose | Kind::Foreign => {}
            Kind::Meta => {
                // A byline deep in the body with paragraphs of its own after
                // it heads one item of a page of several (□本报记者 张靖 over
                // the third story of a page): that item's writer, not the
                // page's.
                // Only on a page of several stories, whose other writers its
                // paragraphs name ((记者冯芸)百年大计…, 本报讯（记者李铮）…).
                if let Some(names) = meta::line_byline(&l.simp) {
                    let deep = paragraphs.len() >= 3
                        && lines[first + k + 1..=last]
                            .iter()
                            .filter(|x| x.kind == Kind::Content)
                            .count()
                            >= 2;
                    if deep && *several_writers.get_or_init(|| other_writers(&lines[first..=last]))
                    {
                        continue;
                    }
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
            // A photo's caption glued before the lead (剪彩现场。徐亮 摄 长城网
            // 沧州3月28日讯…) goes, and the lead is read after it.
            let skip = meta::caption_before_lead(&l.simp).unwrap_or(0);
            let lead: String = l.simp.chars().skip(skip).collect();
            if skip > 0 {
                text = cut_prefix(l, skip);
            }
            if let Some(d) = meta::dateline(&lead) {
                if out.source.is_none() {
                    out.source = d.agency.as_deref().map(|a| written_form(l.text, a));
                }
                match (&d.date, d.month_day) {
                    (Some(date), _) if out.date.is_none() => {
                        out.date = Some(date.clone());
                        out.date_source = Some(DateSource::Dateline);
                    }
                    (None, Some((m, day))) if out.date.is_none() => {
                        // The year from a full date of the same day elsewhere on
                        // the page (a programme's link: 2017-12-21 新闻和报纸摘要).
                        let same_day = format!("-{m:02}-{day:02}");
                        let confirmed = lines.iter().find_map(|o| {
                            meta::find_dates(&o.simp)
                                .into_iter()
                                .find(|f| f.iso.ends_with(&same_day) && stamped_date(o, f))
                                .map(|f| f.iso)
                        });
                        match confirmed {
                            Some(iso) => {
                                out.date = Some(iso);
                                out.date_source = Some(DateSource::Dateline);
                            }
                            None => out.warnings.push(Warning {
                                kind: WarningKind::DateWithoutYear,
                                message: format!(
                                    "the dateline gives {m}月{day}日 but no year; the date is left empty"
                                ),
                                span: None,
                            }),
                        }
                    }
                    _ => {}
                }
                authors.extend(d.authors.iter().map(|n| written_form(l.text, n)));
                if !d.keep {
                    text = cut_prefix(l, skip + d.len);
                }
            } else if let Some((names, len)) = meta::lead_byline(&lead)
                // Under a deck, only a lead with its outlet's mark: a bare
                // (记者冯芸) there opens a story of a page of several.
                .filter(|_| !under_deck || !lead.starts_with(['（', '(']))
            {
                authors.extend(names.iter().map(|n| written_form(l.text, n)));
                text = cut_prefix(l, skip + len);
            } else if l.han <= 30 && !under_deck {
                // A deck of one short sentence over the lead (此为江门首例
                // 有助于…。 / 本报讯（记者陈杰…）): the lead comes next.
                first_paragraph = true;
                under_deck = true;
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
        // A long first paragraph printed twice in a row (a lead shown as
        // the summary, then again as the body's first paragraph) is read
        // once. (Only the first: a refrain repeated later is the text's.)
        let second_lead = text.chars().count() >= 30 && paragraphs.len() == 1 && !lead_twice;
        let twice = second_lead && paragraphs.last() == Some(&text);
        // A summary that runs the byline and the lead together (记者 高原发自
        // 河北唐山 在2013年…), over the lead itself: the lead, once.
        let summed = second_lead
            && paragraphs[0].len() > text.len()
            // (Right after the byline: not a pull quote of the lead's end.)
            && paragraphs[0]
                .find(&text)
                .is_some_and(|at| paragraphs[0][..at].chars().count() <= 30);
        if summed {
            paragraphs.clear();
        }
        lead_twice |= twice || summed;
        if !text.is_empty() && !twice {
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
    if out.date.is_none() {
        if let Some(d) = hints.url.as_deref().and_then(meta::date_from_url) {
            out.date = Some(d);
            out.date_source = Some(DateSource::Url);
            out.warnings
                .retain(|w| w.kind != WarningKind::DateWithoutYear);
        }
    }
    // Each writer once, however often the page names them (采写：… and
    // 作者：… at the end).
    let mut seen: Vec<String> = Vec::new();
    for a in authors.iter().flat_map(|a| a.split(' ')) {
        if !a.is_empty() && !seen.iter().any(|s| s == a) {
            seen.push(a.to_string());
        }
    }
    // Writers named as people and a department credited beside them (作者：
    // 医技药剂党支部 …（职工通讯员 李琴雯 刘会）): the people.
    if seen.iter().any(|a| meta::is_personal_name(a)) {
        seen.retain(|a| meta::is_personal_name(a) || !meta::is_department(a));
    }
    if !seen.is_empty() {
        out.author = Some(seen.join(" "));
    } else if let Some(a) = &hints.author {
        out.author = Some(a.clone());
    } else {
        out.author = poster;
    }
    if unclear {
        out.warnings.push(Warning {
            kind: WarningKind::NoClearArticle,
            message: "no block of the page reads clearly as an article; the one with the most Chinese text is kept".into(),
            span: None,
        });
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

/// How many cells of a line, set apart by spaces, open with a short label
/// and a colon (信息分类: 通知   发布机构: 太湖县人民政府办公室: two).
fn label_cells(line: &str) -> usize {
    // A record's field names, not a speaker or a place (北京：疏解…
    // 河北：承接… is a headline).
    const FIELDS: &[&str] = &[
        "分类",
        "机构",
        "日期",
        "时间",
        "文号",
        "索引号",
        "来源",
        "名称",
        "主题",
        "类别",
        "编号",
        "次数",
        "关键词",
        "部门",
        "单位",
        "概述",
        "体裁",
        "号",
    ];
    line.split_whitespace()
        .filter(|cell| {
            cell.find([':', '：']).is_some_and(|at| {
                let label = &cell[..at];
                (2..=6).contains(&label.chars().count())
                    && label.chars().all(crate::text::chars::is_han)
                    && FIELDS.iter().any(|f| label.ends_with(f))
            })
        })
        .count()
}

/// Whether paragraphs name writers of their own, as a page of several
/// stories does ((记者冯芸)百年大计…, 本报讯（记者李铮）…).
fn other_writers(body: &[Line]) -> bool {
    body.iter().any(|x| {
        x.kind == Kind::Content
            && (meta::lead_byline(x.simp.trim()).is_some()
                || meta::dateline(x.simp.trim()).is_some_and(|d| !d.authors.is_empty()))
    })
}

/// A headline given in an agency's dateline (新华社北京3月15日电 题：传递中国
/// 信心与力量): the words after 题.
fn without_dateline(t: &str) -> String {
    let n = normalize(t);
    for mark in [
        "电 题：",
        "电 题:",
        "电题：",
        "电题:",
        "电　题：",
        "电　题:",
    ] {
        if let Some(at) = n.text.find(mark) {
            let end = n.text[..at + mark.len()].chars().count() as u32;
            let skip = n.map.to_original(end) as usize;
            let rest: String = t.chars().skip(skip).collect();
            let rest = rest.trim();
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    t.to_string()
}

/// A headline without the site's name a page set after it (…怎么样了？ - 廊坊论坛).
pub(super) fn without_site(t: &str) -> String {
    for sep in [" - ", " — ", " _ ", "_", " | ", "｜"] {
        if let Some((head, site)) = t.rsplit_once(sep) {
            let forum = site.chars().count() <= 10
                && ["论坛", "社区", "贴吧", "博客"]
                    .iter()
                    .any(|e| site.trim().ends_with(e));
            if (is_outlet_name(site) || forum) && han_count(head) >= 4 {
                return head.trim_end().to_string();
            }
        }
    }
    // …专业技能大赛 湖南省中医药研究院附属医院: the site's owner after a space.
    if let Some((head, site)) = t.rsplit_once(' ') {
        let owner = ["医院", "大学", "学院", "政府", "研究院", "集团"]
            .iter()
            .any(|e| site.ends_with(e));
        if owner && site.chars().count() >= 4 && han_count(head) >= 8 {
            return head.trim_end().to_string();
        }
    }
    t.to_string()
}

/// A date set as a stamp (2017-12-21, 2017/12/21), not told in the story
/// (纪念1921年7月1日这个日子): in a paragraph only the stamp form counts.
fn stamped_date(l: &Line, d: &meta::FoundDate) -> bool {
    if meta::told_date(&l.simp, d) {
        return false;
    }
    let written: String = l.simp.chars().skip(d.start).take(d.end - d.start).collect();
    l.kind != Kind::Content || !written.contains('年')
}

/// The mark a forum sets before a reply: 2楼, 3# , #2, 沙发, 板凳, 回复 N楼.
fn is_reply_mark(s: &str) -> bool {
    let s = s.trim();
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let rest: String = s.chars().skip(digits).take(2).collect();
    let mark = (digits > 0 && (rest.starts_with('楼') || rest.starts_with('#')))
        || (s.starts_with('#') && s[1..].starts_with(|c: char| c.is_ascii_digit()))
        || ["沙发", "板凳", "地板"].iter().any(|w| s.starts_with(w));
    // The mark alone, or with the reply's date or 发表于/回复 (not 1楼大厅…
    // or 3#楼主体结构封顶 in an article).
    mark && (s.chars().count() <= 6
        || (s.chars().count() <= 60
            && (s.contains("发表于") || s.contains("回复") || !meta::find_dates(s).is_empty())))
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
/// A run of lines: (Chinese characters, first line, last line).
type Run = (usize, usize, usize);

/// Ends the current run, keeping it if it has more Chinese text than the best.
fn close(cur: &mut Option<Run>, best: &mut Option<Run>) {
    if let Some(c) = cur.take() {
        if best.is_none_or(|b| c.0 > b.0) {
            *best = Some(c);
        }
    }
}

fn best_block(lines: &[Line]) -> Option<(usize, usize)> {
    let mut best: Option<Run> = None;
    let mut cur: Option<Run> = None;
    let mut gap = 0usize;
    // The links of a list set in the article so far (see below).
    let mut listing = 0usize;
    // Whether the last paragraph ended in a colon (程序如下：): code may
    // follow it and close the post.
    let mut introduced = false;
    for (i, l) in lines.iter().enumerate() {
        if l.kind == Kind::Content {
            listing = 0;
            introduced = l.simp.trim_end().ends_with([':', '：']);
        }
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
            // A phrase on a line of its own (self-media set text that way:
            // 目前 / 南沙邮轮母港码头工程 / 已进入…) between paragraphs.
            Kind::Short if cur.is_some() && l.han >= 4 && !lines::is_nav(&l.simp) => {}
            // A table's rows or a list's items inside an article (服务器硬件：
            // IBM、HP、Dell…), longer lines that do not end like sentences.
            Kind::Loose if cur.is_some() && l.han >= 4 && !lines::is_nav(&l.simp) => {}
            // A post's code or English between its paragraphs; code may
            // close the post (…程序如下： / k0 = [1 1 3];).
            Kind::Foreign if cur.is_some() && lines::is_code_or_prose(&l.simp) => {
                if let Some(c) = cur
                    .as_mut()
                    .filter(|_| introduced && lines::is_code(&l.simp))
                {
                    c.2 = i;
                }
            }
            // A few links to further reading set inside the article, right
            // after a paragraph (▶ 典型案例丨…), and the blank lines between.
            Kind::Noise
                if cur.is_some()
                    && (gap <= 1 || listing > 0)
                    && listing < MAX_LINKS
                    && lines::is_headline_list_item(l.simp.trim_start()) =>
            {
                listing += 1;
            }
            Kind::Noise if listing > 0 && l.text.trim().is_empty() => {}
            _ => {
                gap += 1;
                listing = 0;
            }
        }
    }
    close(&mut cur, &mut best);
    best.map(|(_, f, l)| (f, l))
}

/// Most links to further reading a list set inside an article holds.
const MAX_LINKS: usize = 6;

/// Chinese text a block needs to stand in for an article.
const MIN_FALLBACK_HAN: usize = 30;

/// The run of lines with the most Chinese text, bridging up to two lines at
/// a time that read as furniture or metadata but are no menu (降温6~10℃,
/// 2021年10月15日08时50分 set on lines of their own).
fn phrase_run(lines: &[Line]) -> Option<(usize, usize)> {
    let mut best: Option<Run> = None;
    let mut cur: Option<Run> = None;
    let mut bridged = 0usize;
    for (i, l) in lines.iter().enumerate() {
        let text = matches!(l.kind, Kind::Short | Kind::Loose | Kind::Content) && l.han > 0;
        let bridge = lines::may_be_phrase(l) && bridged < 2 && cur.is_some();
        if text || bridge {
            bridged = if text { 0 } else { bridged + 1 };
            cur = Some(match cur {
                Some((n, f, e)) => (n + l.han, f, if text { i } else { e }),
                None => (l.han, i, i),
            });
        } else {
            bridged = 0;
            close(&mut cur, &mut best);
        }
    }
    close(&mut cur, &mut best);
    best.map(|(_, f, l)| (f, l))
}

/// Is the densest run of text lines `d` an article set one phrase per line,
/// around the few lines of `b` that read as paragraphs, if any? It holds
/// them, has three times their text, and is made mostly of short phrases.
fn set_in_phrases(lines: &[Line], b: Option<(usize, usize)>, d: (usize, usize)) -> bool {
    let han = |(f, l): (usize, usize)| lines[f..=l].iter().map(|x| x.han).sum::<usize>();
    let run = &lines[d.0..=d.1];
    let short = run.iter().filter(|x| x.kind == Kind::Short).count();
    b.is_none_or(|b| d.0 <= b.0 && b.1 <= d.1 && han(d) >= 3 * han(b))
        && run.len() >= 8
        && han(d) >= MIN_FALLBACK_HAN
        && short * 10 >= run.len() * 7
        && run.iter().all(|x| !lines::is_nav(&x.simp))
}

/// The run of text lines (no menu, metadata or footer between) with the most
/// Chinese text, when no line reads as an article paragraph.
fn densest_block(lines: &[Line]) -> Option<(usize, usize)> {
    let mut best: Option<Run> = None;
    let mut cur: Option<Run> = None;
    for (i, l) in lines.iter().enumerate() {
        if matches!(l.kind, Kind::Short | Kind::Loose | Kind::Content) && l.han > 0 {
            cur = Some(match cur {
                Some((n, f, _)) => (n + l.han, f, i),
                None => (l.han, i, i),
            });
        } else {
            close(&mut cur, &mut best);
        }
    }
    close(&mut cur, &mut best);
    best.filter(|b| b.0 >= MIN_FALLBACK_HAN)
        .map(|(_, f, l)| (f, l))
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

/// A forum thread's title without the type a board sets before it in
/// square brackets ([交流] 【求助】反应动力学求解, [原创] 游记): a tag of
/// up to four characters, a space, and a title of its own.
fn without_thread_type(t: &str) -> String {
    let Some(rest) = t.strip_prefix('[') else {
        return t.to_string();
    };
    match rest.split_once(']') {
        Some((tag, title))
            if (1..=4).contains(&tag.chars().count())
                && tag.chars().all(is_han)
                && title.starts_with(' ')
                && han_count(title) >= 4 =>
        {
            title.trim_start().to_string()
        }
        _ => t.to_string(),
    }
}

/// A headline without the pictographs and marks that decorate its ends on
/// self-media pages (🔥, ★, ●, ▶) and a list's bullet (•); brackets and
/// quotes stay.
fn trim_ornaments(t: &str) -> String {
    let ornament = |c: char| {
        c.is_whitespace()
            || matches!(c, '\u{2022}' | '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}' | '\u{FE0F}' | '\u{200D}')
    };
    t.trim_matches(ornament).to_string()
}

/// A section's number at the start of a line: 二. , 三、, 4．(not 2023年).
fn section_number(s: &str) -> bool {
    let s = s.trim_start();
    let digits = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .count();
    (1..=3).contains(&digits)
        && s
            .chars()
            .nth(digits)
            .is_some_and(|c| matches!(c, '、' | '.' | '．'))
        // (1.5万家企业…: a decimal; 三、四线城市: numbers in a row.)
        && !s
            .chars()
            .nth(digits + 1)
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十百千万".contains(c))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_thread_title_loses_its_type_tag_only() {
        assert_eq!(
            without_thread_type("[交流] 【求助】反应动力学求解"),
            "【求助】反应动力学求解"
        );
        assert_eq!(without_thread_type("[原创] 雄安三日游记"), "雄安三日游记");
        // A column's tag run into the headline stays; so does a long one.
        assert_eq!(
            without_thread_type("[区域观察]京津冀协同十年"),
            "[区域观察]京津冀协同十年"
        );
        assert_eq!(
            without_thread_type("[京津冀协同发展] 雄安"),
            "[京津冀协同发展] 雄安"
        );
    }

    #[test]
    fn a_headline_loses_the_ornaments_at_its_ends_only() {
        assert_eq!(
            trim_ornaments("🦇雄安承接北京非首都功能 高质量疏解达预期效果🐞"),
            "雄安承接北京非首都功能 高质量疏解达预期效果"
        );
        assert_eq!(
            trim_ornaments("• 雄安新区67个重点项目开建"),
            "雄安新区67个重点项目开建"
        );
        assert_eq!(
            trim_ornaments("★重磅★ 廊坊签约45个项目 ▶"),
            "重磅★ 廊坊签约45个项目"
        );
        assert_eq!(
            trim_ornaments("【京津冀】“北京项目”落户沧州"),
            "【京津冀】“北京项目”落户沧州"
        );
        assert_eq!(trim_ornaments("🔥🔥"), "");
    }
    use super::*;

    #[test]
    fn a_table_of_long_rows_inside_an_article_does_not_cut_it() {
        // Paragraphs, a table of five long rows (label：items, no stop),
        // then more paragraphs: one article.
        let page = "某公司并购案的影响\n\n\
            昨天得知这家公司被收购了，业界出了这么大的事，下面从几个方面谈谈个人的看法。\n\
            先说宏观的层面。对全球产业而言，并购之后将形成三家公司鼎立的局面，各有所长。\n\
            服务器硬件：Alpha Corp、Beta Systems、Gamma Inc、Delta Computing Ltd\n\
            服务端系统：　Alpha（AlphaOS）、Beta（BetaUX）、Gamma（GammaOS Server）\n\
            高端数据库：Delta（DeltaDB）、Alpha（Alpha SQL Server）、Beta（BetaBase）\n\
            应用服务器：Delta（WebTower）、Beta（BetaSphere）、Alpha（Alpha App Server）\n\
            开发工具类：　Alpha（Alpha Studio）、Epsilon（from Beta）、Delta（DeltaBeans）\n\
            上述大部分领域，都能看到这三家公司的身影，这三家公司今后的竞争会更加激烈。\n\
            说完行业的格局，再来说说被收购公司的那些家当，其中最有价值的是它的编程语言。\n";
        let c = clean(page, &Hints::default());
        assert!(c.body.contains("昨天得知"), "{}", c.body);
        assert!(c.body.contains("开发工具类"), "{}", c.body);
        assert!(c.body.contains("编程语言"), "{}", c.body);
    }

    #[test]
    fn code_or_english_between_paragraphs_stays_in_the_post() {
        let page = "位运算反转整数的笔记\n\n\
            这道题要求把一个无符号整数的二进制位反转过来，我先想到的是逐位移动的办法。\n\
            uint32_t reverse(uint32_t n) {\n\
            n = (n >> 16) | (n << 16);\n\
            n = ((n & 0xff00ff00) >> 8) | ((n & 0x00ff00ff) << 8);\n\
            return n;\n\
            }\n\
            For example, the input 43261596 gives 964176192.\n\
            这个办法每次交换一半的位，五步就能完成，比逐位移动快得多，值得记下来。\n\
            Copyright 2018 All rights reserved\n";
        let c = clean(page, &Hints::default());
        assert!(c.body.contains("n = (n >> 16) | (n << 16);"), "{}", c.body);
        assert!(c.body.contains("For example"), "{}", c.body);
        assert!(c.body.contains("五步就能完成"), "{}", c.body);
        assert!(!c.body.contains("Copyright"), "{}", c.body);
        // Outside an article, such lines are no article.
        assert_eq!(classify("Copyright 2018 All rights reserved"), Kind::Noise);
        assert_eq!(classify("return n;"), Kind::Foreign);
        assert_eq!(classify("－－－－－－－－"), Kind::Noise);
    }

    #[test]
    fn a_help_pages_steps_are_its_article_and_its_feedback_box_is_not() {
        let page = "首页 > 帮助中心 > 账号\n\
            企业账号解绑流程\n\
            第一步：登录管理后台->账号设置->安全中心->解绑\n\
            第二步：管理员扫码二维码验证身份\n\
            第三步：填写解绑原因并提交\n\
            第四步：等待1-3个工作日审核\n\
            小助手是客服专家，也是本帮助页面的作者。请在下方提供反馈，以帮助她改进内容。\n\
            以上信息是否解决了您的问题？\n\
            感谢您的反馈，我们将持续优化！\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("企业账号解绑流程"));
        assert!(c.body.starts_with("第一步："), "{}", c.body);
        assert!(c.body.ends_with("等待1-3个工作日审核"), "{}", c.body);
        assert!(!c.body.contains("反馈"), "{}", c.body);
        // A step's ordinal needs its colon or space: 第二步棋 is a phrase.
        assert_ne!(classify("第二步棋下得很妙"), Kind::Content);
    }

    #[test]
    fn a_byline_over_a_later_story_of_a_page_is_not_the_pages_writer() {
        let page = "教师节特别报道\n\
            2010年09月10日 来源：某某日报\n\
            秋天的脚步款款而至，第26个教师节也已到来，全省各地纷纷开展尊师活动。\n\
            （记者冯芸）统计显示，全省现有中小学专任教师87万人，高校专任教师7万人。\n\
            为促进教育均衡发展，全省积极开展城镇教师支援农村教育活动。\n\
            □本报记者张靖本报通讯员郜敏\n\
            她是红烛，燃烧自己，照亮莘莘学子的路，这些日子，许多人都在怀念她。\n\
            从7月26日她突发急症去世至今，几乎每天都有学生从各地赶来悼念。\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.author, None);
        assert!(c.body.contains("红烛"), "{}", c.body);
        // On a page of one story (an editor's note over it), it is the
        // writers'.
        let page = "教师节特别报道\n\
            2010年09月10日 来源：某某日报\n\
            编者按：秋天的脚步款款而至，第26个教师节也已到来。\n\
            老师是最光荣的职业，他们最美的风景不只是站在讲台上的那一瞬间。\n\
            今天起，本报推出系列报道，讲述他们的故事。\n\
            □本报记者张靖本报通讯员郜敏\n\
            她是红烛，燃烧自己，照亮莘莘学子的路，这些日子，许多人都在怀念她。\n\
            从7月26日她突发急症去世至今，几乎每天都有学生从各地赶来悼念。\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.author.as_deref(), Some("张靖 郜敏"));
        // Under the headline, the same byline is the writers'.
        let page = "教师节特别报道\n\
            □本报记者张靖本报通讯员郜敏\n\
            秋天的脚步款款而至，第26个教师节也已到来，全省各地纷纷开展尊师活动。\n\
            统计显示，全省现有中小学专任教师87万人，高校专任教师7万人。\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.author.as_deref(), Some("张靖 郜敏"));
    }

    #[test]
    fn a_notices_date_under_its_issuer_is_its_date() {
        let page = "某市人民政府办公厅关于印发某某工作要点的通知\n\
            各区人民政府，市政府各委、办、局，各市属机构：\n\
            《某某工作要点》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。\n\
            某市人民政府办公厅\n\
            2016年5月28日\n\
            2016年是全面建成小康社会决胜阶段的开局之年，今年工作的总体要求是深入贯彻有关精神。\n\
            一、围绕深化改革推进公开\n\
            对权力清单进行动态调整，公布本年度市政府部门权力清单。\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.date.as_deref(), Some("2016-05-28"));
    }

    #[test]
    fn an_e_papers_page_bar_byline_credit_and_photo_credits() {
        // The print credit after the byline gives the day; names of two set
        // apart to line up are one name each.
        let page = "第07版:要闻\n\n返回目录  放大缩小全文复制   下一篇\n\n\
            滨城建设步履坚实(高质量发展调研行)\n\n\
            ——某某新区高质量发展纪实\n\n\
            本报记者 杜海涛 靳 博 罗珊珊 《 人民日报 》( 2023年04月18日   第 07 版)\n\n\
            繁忙的港口。\n  图片为某某新区提供\n\n\
            倚靠京津冀，面朝渤海湾，某某新区发展得天时地利，产业集聚不断加快。\n\n\
            2006年5月，新区开发开放上升为国家发展战略，此后发展步伐明显加快。\n";
        let c = clean(page, &Hints::default());
        assert_eq!(
            c.title.as_deref(),
            Some("滨城建设步履坚实(高质量发展调研行)")
        );
        assert_eq!(c.date.as_deref(), Some("2023-04-18"));
        assert_eq!(c.author.as_deref(), Some("杜海涛 靳博 罗珊珊"));
        assert!(c.body.starts_with("倚靠京津冀"), "{}", c.body);
        // The page bar's day is the issue's.
        let page = "第10版:特别报道 上一版  下一版\n\
            上一版  下一版 2021年5月7日 星期 放大 缩小 默认\n\
            渤海之滨气象新\n\
            本报记者 武自然 商 瑞\n\n\
            静静流淌、曲折蜿蜒的海河，穿城入海，见证了这座城市厚积薄发的百年历史。\n\n\
            如今，站在新起点上，这座城市如何阔步迈向新时代？\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.date.as_deref(), Some("2021-05-07"));
        assert_eq!(c.author.as_deref(), Some("武自然 商瑞"));
        // A reporter's sentence is no byline with a credit.
        assert_eq!(meta::line_byline("记者 王 了解到"), None);
    }

    #[test]
    fn with_no_metadata_the_headline_is_the_first_line_or_the_nearest() {
        // Pasted text, headline first, a sub-heading over the first paragraph.
        let page = "永清服装业的明天\n\
            随着北京疏解非首都功能，永清承接了大红门服装产业\n\
            承接多类疏解商家\n\
            从大红门乘坐班车沿着京台高速南下，一个小时就能到达永清，大部分商家顺着这条路搬了过来。\n\
            新商城开始试营业，目前主要面向鞋业商家，不久后将对面辅料商家开放。\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("永清服装业的明天"));
        // Under a menu, the headline over the article.
        let page = "首页 | 新闻 | 图片 | 视频\n\
            导航\n\n地方频道精选\n\n\n\n\
            雄安新区67个重点项目开建\n\
            今年雄安新区计划实施重点项目67个，其中新开工项目40个，续建项目27个。\n\
            这些项目涵盖基础设施、公共服务和产业发展等多个领域，总投资超过千亿元。\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("雄安新区67个重点项目开建"));
    }

    #[test]
    fn furniture_that_looks_like_the_new_rules_stays_furniture() {
        let story = "近日，某市召开协同发展推进会，会议总结了过去一年的工作成效。\n\
            今年以来，全市共签约项目120个，总投资超过800亿元，其中来自北京的项目占六成以上。\n\
            热线工作人员回复：感谢您的反馈，我们将尽快协调处理。\n\
            下一步，该市将继续优化营商环境，推动更多优质项目落地见效。\n";
        // A quoted thank-you is the story's, not a help page's feedback box.
        let c = clean(&format!("某市签约项目120个\n{story}"), &Hints::default());
        assert!(c.body.starts_with("近日"), "{}", c.body);
        // A sign-up box's steps, a site's request and its scripts are not.
        let page = format!(
            "会员中心\n第一步：注册账号，填写真实信息\n第二步：上传证件，等待审核\n第三步：完善资料领取积分\n\n\n\
             某市签约项目120个\n2024-03-02 来源：某某日报\n{story}\
             更多精彩内容请点击以下链接查看：\nvar _hmt = _hmt || [];\n"
        );
        let c = clean(&page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("某市签约项目120个"));
        assert!(c.body.starts_with("近日"), "{}", c.body);
        assert!(c.body.ends_with("落地见效。"), "{}", c.body);
        // A portal's "today is" bar gives no date.
        let c = clean(
            &format!("今天是2026年12月7日 星期一 上一版 下一版\n某市签约项目120个\n{story}"),
            &Hints::default(),
        );
        assert_eq!(c.date, None);
    }

    #[test]
    fn a_post_that_ends_in_its_code_or_formulas_keeps_them() {
        let page = "热门版块排行榜\n\n\
            当前主题已经存档。\n\n\
            [讨论] 一个求积分的小程序\n\n\
            我在算一组数据的面积时遇到了麻烦，想请各位帮忙看看程序哪里写错了，先谢谢大家!\n\n\
            数据之间的关系如下:\n\
            y = a*x^2 + b*x + c\n\
            s = trapz(x, y);\n\n\
            我用下面的程序求面积,结果总是负的,程序如下:\n\n\
            x = 0:0.1:1;\n\
            % 系数随手给的\n\
            y = 3*x.^2 - 2;\n\
            s = trapz(y, x);\n\n\
            相关帖子\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("一个求积分的小程序"));
        assert!(c.body.starts_with("我在算"), "{}", c.body);
        assert!(c.body.contains("数据之间的关系如下"), "{}", c.body);
        assert!(c.body.ends_with("s = trapz(y, x);"), "{}", c.body);
        assert!(!c.body.contains("存档"), "{}", c.body);
        // A label with a colon is no sentence that introduces anything.
        assert_ne!(
            classify("发布时间：2019年12月3日 来源：河北日报："),
            Kind::Content
        );
        assert_eq!(classify("本次签约的重点项目如下："), Kind::Content);
    }

    #[test]
    fn an_archive_date_is_not_the_publication_date() {
        // A government notice: the archive's stamp over the page, the
        // notice's own date under its headline.
        let page = "归档时间:2018-11-21\n当前位置: 首页 > 政务公开 > 政策法规\n\n\
            某市人民政府办公室关于推进政务公开工作的通知\n\n\
            来源:某市政府门户网 日期:2017-01-12 17:08 字号:【大 中 小】\n\n\
            各县市区人民政府，市直各单位：现将推进政务公开工作的实施意见印发给你们，请认真贯彻执行。\n\
            各单位要明确责任分工，细化工作措施，确保政务公开各项任务落到实处，按时报送工作进展情况。\n";
        let c = clean(page, &Hints::default());
        assert_eq!(c.date.as_deref(), Some("2017-01-12"));
    }

    #[test]
    fn a_long_paragraph_after_a_tag_is_the_body_not_a_list_item() {
        // A journal article excerpt: classification tags, then the text,
        // cut mid-sentence.
        let para = "[中图分类号]F127 [文献标识码]A 疏解北京非首都功能是协同发展的关键环节，\
            是一项复杂的系统工程。天津与北京具有天然的区位优势，与北京有紧密的经济社会联系，\
            且具备雄厚的经济实力和产业发展条件。通过产业的有效对接实现功能疏解目标，\
            是推进协同发展战略的关键步骤，首都的功能定位也几经";
        assert_eq!(classify(para), Kind::Content);
        let c = clean(&format!("产业对接研究\n\n{para}\n"), &Hints::default());
        assert!(c.body.contains("区位优势"), "{}", c.body);
    }

    #[test]
    fn line_kinds() {
        assert_eq!(classify("| | | | 雄安| 香港| 澳门| 台湾"), Kind::Noise);
        // A thread's counters and a poster's profile are no headline.
        assert_eq!(classify("查看: 2510|回复: 1"), Kind::Noise);
        assert_eq!(classify("阅读 35 评论 2"), Kind::Noise);
        assert_eq!(classify("注册时间"), Kind::Noise);
        // A poster named under the avatar's caption, above the article.
        let c = clean(
            "搜索\n李小丰的头像\n\n李小丰\n\n网站用户\n散文\n故乡的山\n\n\
             故乡的老人说，每个人都有一个对应的动物住在山里，我们的命运和那只动物的命运紧密相连。\n\
             我常常想自己的动物是什么，如果是老虎，我们遇见了会不会互相认出来。",
            &Hints::default(),
        );
        assert_eq!(c.author.as_deref(), Some("李小丰"));
        // The subtitle under a headline, opening with a dash, is not it.
        let c = clean(
            "丹桂飘香启新程，师生聚首谱华章\n一一致某某中学开学典礼\n作者/杨小平\n\
             金秋送爽，丹桂飘香。在这个充满希望的季节里，学校新学年开学典礼如约而至。\n\
             全体师生齐聚校园体育场，共同拉开新学年的帷幕，典礼由教务处主任主持。",
            &Hints::default(),
        );
        assert_eq!(c.title.as_deref(), Some("丹桂飘香启新程，师生聚首谱华章"));
        assert_eq!(c.author.as_deref(), Some("杨小平"));
        // A widget's word inside a short sentence is the sentence's.
        assert_eq!(
            classify("北京一家老字号食品企业将生产线整体搬迁至河北省廊坊市固安县。"),
            Kind::Content
        );
        assert_eq!(classify("一家3D打印企业今年落户廊坊市。"), Kind::Content);
        assert_eq!(classify("字号：大 中 小"), Kind::Noise);
        // An update's date beside the publication's is not the one taken.
        let c = clean(
            "某县重点项目集中开工\n更新时间：2023-02-01 发布时间：2023-01-05\n\
             某县今天举行重点项目集中开工仪式，12个项目总投资5亿元，涉及新材料、食品加工等产业。\n\
             项目建成后预计年产值可达20亿元，带动就业3000余人。",
            &Hints::default(),
        );
        assert_eq!(c.date.as_deref(), Some("2023-01-05"));
        // A paragraph that opens with the words is text.
        assert_ne!(
            classify("注册时间由原来的5个工作日压缩至1个工作日，新区今年新注册企业3000余家。"),
            Kind::Noise
        );
        assert_ne!(classify("回复：关于产业转移的几点看法"), Kind::Noise);
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
        // A bar of labels with a labelled date is metadata, not a menu.
        assert_eq!(
            classify("来源: | 发布时间: 2018-05-17 | 浏览次数:"),
            Kind::Meta
        );
        assert_eq!(
            classify("首页 | 新闻中心 | 政务公开 | 办事服务"),
            Kind::Noise
        );
        // So is a bar of a source and a writer, or either with a date.
        assert_eq!(
            classify("来源：河北日报 | 作者：张三 | 2019-07-31"),
            Kind::Meta
        );
        assert_eq!(classify("来源：河北日报 | 2019-07-31"), Kind::Meta);
        assert_ne!(classify("首页 | 来源 | 作者 | 联系我们"), Kind::Meta);
        // A byline alone in parentheses closing the article.
        assert_eq!(classify("（记者 张三 李四）"), Kind::Meta);
        assert_eq!(classify("(通讯员 李四 记者 张三)"), Kind::Meta);
        assert_ne!(classify("（张三 李四）"), Kind::Meta);
    }

    #[test]
    fn a_masthead_above_the_headline_is_not_the_title() {
        let page = "北京日报客户端\n天津滨海新区承接首都产业转移\n\
                    滨海新区今年已承接北京转移项目八十余个，涉及新一代信息技术和生物医药等领域。";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("天津滨海新区承接首都产业转移"));
    }

    #[test]
    fn a_dated_line_with_source_and_editor_under_the_headline_is_its_metadata() {
        let page = "某某网首页\n国家级信息服务平台\n\n廊坊累计承接北京产业项目超过两千个\n\n\
                    来源:廊坊日报 责任编辑:王五 2023-02-27 15:58:45\n\n\
                    记者从廊坊市发改委获悉，协同发展以来廊坊累计承接北京产业项目超过两千个。\n\
                    这些项目主要集中在新一代信息技术、生物医药和现代物流等领域。";
        let c = clean(page, &Hints::default());
        assert_eq!(
            c.title.as_deref(),
            Some("廊坊累计承接北京产业项目超过两千个")
        );
        assert_eq!(c.date.as_deref(), Some("2023-02-27"));
        assert_eq!(c.editor.as_deref(), Some("王五"));
        assert!(c.body.starts_with("记者从廊坊市发改委获悉"));
        // The same labels closing an article, undated, end it.
        assert_eq!(classify("来源：廊坊日报 责任编辑：王五"), Kind::Ender);
    }

    #[test]
    fn a_reposted_post_with_a_feed_above_it_and_its_timestamp_under_the_headline() {
        let page = "专栏名称: 某某影像\n相关文章推荐\n\
                    科普中国  ·  宇航员太空归来后正式亮相 ·  3 天前\n\
                    某某号  ·  家里都该备好这五样东西 ·  4 天前\n\
                    好读  ›  专栏  ›  某某影像\n\n\
                    深夜十点，我们跟着他离开了北京 | 活着\n\n\
                    某某影像  · 公众号  ·  · 2017-11-26 10:39\n\n正文\n\n\
                    这是傍晚五点的北京，是他们在北京的最后一天，租户们正在收拾行李。\n\
                    摄影师记录下整治进程中租户离开北京前后的二十四小时，他们大多去了河北。";
        let c = clean(page, &Hints::default());
        assert_eq!(
            c.title.as_deref(),
            Some("深夜十点，我们跟着他离开了北京 | 活着")
        );
        assert_eq!(c.date.as_deref(), Some("2017-11-26"));
        assert!(c.body.starts_with("这是傍晚五点的北京"), "{}", c.body);
    }

    #[test]
    fn a_timestamp_line_with_counters_after_it_gives_the_date() {
        let page = "当前位置:新闻 > 滚动 > 正文\n\n六百多家北京商户在沧州开业\n\n\
                    2017-09-01 05:26:10    某某青年网  参与评论()人\n\n\
                    本报讯(记者 李瑶)8月30日，沧州明珠商贸城格外热闹，又有六百多家北京商户入驻。\n\
                    开业首日，商贸城迎来上万人逛店，还有五百多家待疏解的北京商户前来考察。";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("六百多家北京商户在沧州开业"));
        assert_eq!(c.date.as_deref(), Some("2017-09-01"));
        assert_eq!(classify("正文"), Kind::Noise);
        assert_eq!(
            classify("科普中国 · 家里都该备好这五样东西 · 4 天前"),
            Kind::Noise
        );
        // A headline that merely says 天前 is no item of a feed.
        assert_ne!(classify("北京商户三天前迁往沧州"), Kind::Noise);
    }

    /// An article set one phrase per line, with a temperature and a time on
    /// lines of their own and hardly a sentence stop: all of it is the body.
    #[test]
    fn an_article_set_one_phrase_per_line() {
        let page = "寒潮来袭 本市发布大风预警\n\
                    一股强冷空气马上袭来\n\
                    并将带来大风降温天气\n\
                    据市气象台今早消息\n\
                    北方多地降温6~10℃\n\
                    预计未来三天\n\
                    冷空气将一路南下\n\
                    大部地区气温将明显下降\n\
                    局地降温可达14℃以上。\n\
                    市气象台于\n\
                    2021年10月15日08时50分\n\
                    发布陆地大风蓝色预警信号\n\
                    请有关单位和人员作好防范准备";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("寒潮来袭 本市发布大风预警"));
        assert!(c.body.starts_with("一股强冷空气马上袭来"), "{}", c.body);
        for phrase in [
            "北方多地降温6~10℃",
            "2021年10月15日08时50分",
            "请有关单位和人员作好防范准备",
        ] {
            assert!(c.body.contains(phrase), "{phrase}: {}", c.body);
        }
    }

    /// A summary under the headline, written in clauses with no stop, and a
    /// photo's caption before the first paragraph: the summary is article.
    #[test]
    fn a_summary_in_clauses_over_a_caption_is_kept() {
        let page = "临空经济区加快建设航空城\n\
                    三年来，总投资300亿元的40个项目签约落地，总投资20亿元的6个项目竣工投产，15个项目加快建设\n\
                    图为临空经济区。\n\
                    临空经济区是协同发展的战略合作功能区之一，规划面积150平方公里，地跨两地。\n\
                    今年以来，园区新签约项目12个，总投资86亿元，产业集聚效应持续显现。";
        let c = clean(page, &Hints::default());
        assert!(c.body.starts_with("三年来，总投资300亿元"), "{}", c.body);
        assert!(!c.body.contains("图为"), "{}", c.body);
    }

    #[test]
    fn a_lead_after_a_glued_photo_caption_and_a_less_common_surname() {
        let page = "两千商户入驻沧州商贸城\n\
                    开业剪彩现场。徐亮 摄 长城网沧州3月28日讯(记者 龚磊 盖博铭)28日上午，\
                    商贸城早市开业，2000家北京大红门早市商户整体入驻。\n\
                    这是沧州市承接北京非首都功能疏解的又一成果，商户们对新市场充满信心。";
        let c = clean(page, &Hints::default());
        assert_eq!(c.author.as_deref(), Some("龚磊 盖博铭"));
        assert!(c.body.starts_with("28日上午"), "{}", c.body);
        // No caption: the line is left as it is.
        assert_eq!(
            meta::caption_before_lead("开业剪彩现场。长城网沧州3月28日讯"),
            None
        );
        assert_eq!(
            meta::labels("作者:赵鸿宇 盖博铭 来源: 新华网")
                .author
                .as_deref(),
            Some("赵鸿宇 盖博铭")
        );
    }

    #[test]
    fn a_journal_reprint_with_its_date_glued_to_the_writers() {
        let page = "APP下载\n\n京津冀协同背景下的物流体系重构\n\n\
                    2016-07-20温卫娟李石柱某某物资学院北京市101149\n\n某某流通经济 2016年6期\n\n\
                    京津冀协同背景下的物流体系重构\n\n温卫娟,邬跃,李石柱\n(某某物资学院,北京市101149)\n\n\
                    摘 要:京津冀经济区是我国城市分布最密集、综合实力最强的区域之一，重塑物流体系必将对产业转移产生重要影响。\n\
                    一是确立三级物流体系，构建大首都物流圈；二是鼓励物流企业向河北和天津转移。";
        let c = clean(page, &Hints::default());
        assert_eq!(c.title.as_deref(), Some("京津冀协同背景下的物流体系重构"));
        assert_eq!(c.date.as_deref(), Some("2016-07-20"));
        assert_eq!(c.author.as_deref(), Some("温卫娟 邬跃 李石柱"));
        assert!(c.body.starts_with("摘 要"), "{}", c.body);
        // A headline glued to a date is still no writer.
        assert!(!meta::affiliation_line("(记者从北京获悉)"));
    }

    #[test]
    fn a_digest_with_links_to_further_reading_between_its_items_is_one_article() {
        let item = |n: usize| {
            format!(
                "{n}.第{n}条要闻的小标题\n\n\
                 第{n}条要闻的正文讲述了生态环境部本周召开的会议和通过的标准，内容较为详细。\n\n"
            )
        };
        let links = "▶ 典型案例丨河北某地钢铁行业去产能存在乱象\n\n\
                     ▶ 典型案例丨江苏某地生态保护不到位\n\n\
                     ▶ 典型案例丨内蒙古某区域违法取水问题突出\n\n";
        let page = format!(
            "一周要闻\n\n{}{}{links}{}{}",
            item(1),
            item(2),
            item(3),
            item(4)
        );
        let c = clean(&page, &Hints::default());
        assert!(c.body.contains("第1条要闻的正文"), "{}", c.body);
        assert!(c.body.contains("第4条要闻的正文"), "{}", c.body);
        // Past a few links, a list of them ends the article.
        let many = links.repeat(3);
        let page = format!("一周要闻\n\n{}{}{many}{}", item(1), item(2), item(3));
        let c = clean(&page, &Hints::default());
        assert!(!c.body.contains("第3条要闻的正文"), "{}", c.body);
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

    #[test]
    fn a_date_line_under_a_headline_that_ends_like_a_sentence_is_the_date() {
        // The headline ends with ！, so the body's block starts with it; the
        // date line under it is still the page's date. A day and month in
        // the first paragraph (3月2日) are not.
        let page = "首页 | 新闻动态\n沧州签约一批北京医药项目成功举行！\n\
                    发布时间：2021-03-05 来源：沧州日报\n\
                    3月2日，沧州市举行北京医药项目集中签约活动，共签约项目二十余个，总投资超过五十亿元。\n\
                    签约项目涵盖原料药、制剂和医疗器械等领域，将陆续开工建设。";
        let c = clean(page, &Hints::default());
        assert_eq!(c.date.as_deref(), Some("2021-03-05"));
        assert_eq!(c.date_source, Some(DateSource::Header));
        assert_eq!(c.source.as_deref(), Some("沧州日报"));
    }

    #[test]
    fn a_date_then_a_few_names_is_a_metadata_line_but_a_date_in_a_sentence_is_not() {
        assert_eq!(classify("2020-06-05 20:35 王小明 李大刀"), Kind::Meta);
        assert_eq!(classify("2021年3月5日 沧州发布"), Kind::Meta);
        // Names after a date, but a sentence: the article.
        assert_ne!(
            classify("2021年3月5日，沧州市举行北京医药项目集中签约活动，共签约项目二十余个。"),
            Kind::Meta
        );
        // Not at the start of the line.
        assert_ne!(
            classify("会议定于2021年3月5日 在沧州举行 各方代表"),
            Kind::Meta
        );
    }

    #[test]
    fn a_summary_running_the_byline_into_the_lead_is_read_once() {
        let page = "钢城转型记\n\
                    来源：某某周末\n\
                    1024人参与 56评论\n\
                    某某周末记者 高原发自河北唐山 在2013年之前，当地人感触最深的就是与数十家钢厂比邻而居，高炉吐着白烟。\n\
                    某某周末记者高原发自河北唐山\n\
                    在2013年之前，当地人感触最深的就是与数十家钢厂比邻而居，高炉吐着白烟。\n\
                    然而时隔半年，很多高炉都已没有了动静，拉着铁粉和钢筋的货车也少了很多。";
        let c = clean(page, &Hints::default());
        assert_eq!(c.author.as_deref(), Some("高原"));
        assert!(c.body.starts_with("在2013年之前"), "{}", c.body);
        assert_eq!(c.body.matches("比邻而居").count(), 1, "{}", c.body);
        assert!(!c.body.contains("评论"), "{}", c.body);
        // A long first paragraph that only quotes a sentence of the next
        // one stays.
        assert_eq!(
            meta::line_byline("记者 王明 发自石家庄"),
            Some(vec!["王明".to_string()])
        );
        assert_eq!(meta::line_byline("今天上午记者来到现场"), None);
    }

    #[test]
    fn a_counter_since_a_date_a_menu_row_and_a_section_number_are_no_header() {
        let page = "欢 迎 访 问 某 某 个 人 主 页\n\n\
                    除了自己的无知，\n\
                    我什么都不懂。\n\n\
                    -苏格拉底\n\n\
                    信 息\n\n\
                    作品列表 | 电子图书\n\
                    站长简介 | 常见问题\n\
                    版权说明 | 电子邮箱\n\n\
                    统 计\n\n\
                    自 2016-07-26 以来\n\
                    本文点击数\n\
                    20,105\n\n\
                    时空的乐章——引力波漫谈 (二)\n\n\
                    - 卢昌海 -\n\n\
                    上一篇 | 返回目录 <<\n\n\
                    二. 从牛顿引力到爱因斯坦时空\n\n\
                    1687 年，牛顿出版了一部著作，建立了以三大运动定律为基础的动力学体系，影响深远。\n\n\
                    其中 m 是物体的质量，F 是作用在物体上的力，a 是物体的加速度，这一定律引进了力的概念。\n\n\
                    与引进力的概念相匹配，牛顿还提出了万有引力定律，用来计算物体之间的引力大小。";
        let c = clean(page, &Hints::default());
        assert_eq!(
            c.title.as_deref(),
            Some("时空的乐章——引力波漫谈 (二)"),
            "{}",
            c.body
        );
        assert_eq!(c.date, None);
        assert_eq!(c.author.as_deref(), Some("卢昌海"));
        // Headlines that open with a decimal or a year are headlines.
        assert!(!section_number("1.5万家企业落户廊坊"));
        assert!(!section_number("2023年京津冀协同发展报告"));
        assert!(section_number("三、重点任务"));
        assert!(!section_number("三、四线城市楼市回暖明显"));
        assert!(!section_number("十、百、千：雄安建设的数字密码"));
    }

    #[test]
    fn a_sites_word_to_the_authors_of_what_it_took_closes_the_article() {
        let page = "河北钢铁产能退出\n\
                    2016-08-19 17:30:31 来源：新华社\n\
                    河北是全国第一钢铁大省，环绕首都的四市有多家钢铁企业，目前河北正在制定相关方案。\n\
                    据介绍，保定市、廊坊市的钢铁产能将全部退出，相关企业正在做准备。\n\
                    特别提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬。如您不希望作品出现在本站，可联系我们要求撤下您的作品。";
        let c = clean(page, &Hints::default());
        assert!(!c.body.contains("稿酬"), "{}", c.body);
        assert!(c.body.contains("相关企业正在做准备"), "{}", c.body);
    }

    #[test]
    fn a_posts_reading_time_hidden_links_and_a_bare_label_are_furniture() {
        let page = "[转载]介绍游戏模拟器里各种常用滤镜的原理和效果\n\n\
                    本文共计58626个字，预计阅读时长234.5分钟。\n\n\
                    原文链接：\n\n\
                    部分链接隐藏，注册或登陆后显示\n\n\
                    这是一篇我之前发在论坛的帖子，修改整理一下发在这里的专栏了，主要是尝试看看专栏怎么用。\n\n\
                    模拟器滤镜生成的图像都是在不清楚游戏本身运行逻辑的情况下，单纯对最终输出的图像进行变换。";
        let c = clean(page, &Hints::default());
        assert!(c.body.starts_with("这是一篇"), "{}", c.body);
        assert!(!c.body.contains("注册"), "{}", c.body);
        assert_ne!(c.title.as_deref(), Some("原文链接："));
    }

    #[test]
    fn a_headline_echoed_by_a_teaser_is_the_headline_and_the_teaser_goes() {
        let page = "国家发展改革委等部门关于印发《某某专项行动计划》的\n\
                    天津深入打好污染防治攻坚战 实施行动计划\n\
                    天津深入打好污染防治攻坚战 实施行动计划环保网获悉，5月10日，天津市人民政府发布了通知，提出加强生态环境综合\n\
                    环保网获悉，5月10日，天津市人民政府发布了通知，提出加强生态环境综合治理，深入打好污染防治攻坚战。\n\
                    打好蓝天保卫战，集中力量解决柴油货车排放、臭氧、重污染天气以及扬尘等突出问题。";
        let c = clean(page, &Hints::default());
        assert_eq!(
            c.title.as_deref(),
            Some("天津深入打好污染防治攻坚战 实施行动计划")
        );
        assert!(c.body.starts_with("环保网获悉"), "{}", c.body);
    }
}
