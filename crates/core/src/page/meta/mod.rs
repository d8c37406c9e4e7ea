//! Metadata in the language of Chinese news pages: dates, 来源 / 作者 /
//! 责任编辑 labels, bylines (本报记者 X, 文/X, （记者 X）) and datelines
//! (人民网北京2月25日电, 中新社石家庄1月24日电).
//!
//! Everything here reads the *simplified* form of a line.

mod dates;

use crate::text::chars::is_han;
use dates::valid_ymd;
pub use dates::{
    date_from_hint, date_from_url, dated_edge, find_dates, is_since, told_date, FoundDate,
};

/// Metadata fields that labelled text carries.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Labels {
    pub source: Option<String>,
    pub author: Option<String>,
    pub editor: Option<String>,
    /// A label that announces a date (日期 / 时间 / 发布): the line's date is the page's.
    pub date_label: bool,
    /// A labelled date of something else (归档时间, 修改日期, 截止时间):
    /// never the publication's.
    pub other_date: bool,
    /// Some label was read, whatever its value (作者：网络整理 names nobody
    /// but is still a metadata line).
    pub any: bool,
}

const LABELS: &[(&str, u8)] = &[
    ("责任编辑", b'e'),
    ("责编", b'e'),
    ("编辑", b'e'),
    ("来源", b's'),
    ("稿源", b's'),
    ("出处", b's'),
    ("作者", b'a'),
    ("记者", b'a'),
    ("撰文", b'a'),
    ("采写", b'a'),
    ("通讯员", b'a'),
    ("撰稿", b'a'),
    // Who wrote a video's or a feature's words (文案：X 摄像：Y).
    ("文案", b'a'),
    ("楼主", b'a'),
    ("发帖人", b'a'),
    // A photographer is named but is not a writer.
    ("摄影", b'p'),
    ("摄像", b'p'),
    ("发表于", b'd'),
    ("发布于", b'd'),
    ("发布时间", b'd'),
    ("发布日期", b'd'),
    ("发表时间", b'd'),
    ("更新时间", b'd'),
    ("日期", b'd'),
    ("时间", b'd'),
];

/// What qualifies 时间/日期 as the time of something else than the
/// publication (归档时间：2018-11-21 over 日期：2017-01-12).
const NOT_PUBLICATION: &[&str] = &[
    "归档", "修改", "截止", "打印", "访问", "生成", "成文", "登记", "施行", "实施", "有效", "开始",
    "结束", "报名", "活动", "会议", "考试", "出生", "失效", "废止",
];

/// [`LABELS`] as chars, made once.
static LABEL_CHARS: std::sync::LazyLock<Vec<Vec<char>>> =
    std::sync::LazyLock::new(|| LABELS.iter().map(|(l, _)| l.chars().collect()).collect());

/// Reads `label：value` pairs (来源：北京青年报 作者：林艳 责任编辑：王健), also
/// written `【来源】河北日报`, `作者 | 陈明`, and `发表于 2022-2-13` (a verb
/// needs no colon).
pub fn labels(line: &str) -> Labels {
    let mut out = Labels::default();
    if !line.contains(['：', ':', '】', ']', '|', '｜', '/', '／'])
        && !line.contains("发表于")
        && !line.contains("发布于")
    {
        return out; // every label is followed by a mark, or is a verb
    }
    // 文 案：张瑞雨, 作　者：李明: a two-character label spread out to line
    // up with longer ones.
    let mut chars: Vec<char> = line.chars().collect();
    let mut k = 0;
    while k + 3 < chars.len() {
        if is_han(chars[k])
            && matches!(chars[k + 1], ' ' | '　')
            && matches!(chars[k + 3], '：' | ':')
            && LABEL_CHARS
                .iter()
                .any(|l| l.len() == 2 && l[0] == chars[k] && l[1] == chars[k + 2])
            && (k == 0 || !is_han(chars[k - 1]))
        {
            chars.remove(k + 1);
        }
        k += 1;
    }
    let mut i = 0;
    while i < chars.len() {
        let mut hit = None;
        for ((name, kind), l) in LABELS.iter().zip(LABEL_CHARS.iter()) {
            if chars[i..].starts_with(l) {
                let mut j = i + l.len();
                let bracketed = i > 0 && matches!(chars[i - 1], '【' | '[');
                if bracketed && matches!(chars.get(j), Some('】' | ']')) {
                    hit = Some((*kind, j + 1, *name));
                    break;
                }
                while chars.get(j) == Some(&' ') {
                    j += 1;
                }
                // After a bar only a label that starts a word (作者 | 陈明, not
                // the button 只看该作者 | …).
                let word_start = i == 0 || !is_han(chars[i - 1]);
                // 作者/杨俊平: a writer's label also takes a slash.
                if matches!(chars.get(j), Some('：' | ':'))
                    || (matches!(chars.get(j), Some('|' | '｜')) && word_start)
                    || (matches!(chars.get(j), Some('/' | '／')) && word_start && *kind == b'a')
                {
                    hit = Some((*kind, j + 1, *name));
                    break;
                }
                // 发表于 2019-04-11, 发表于2019-04-11 (a date right after).
                let dated = chars.get(j).is_some_and(|c| c.is_ascii_digit())
                    && (i == 0 || matches!(chars[i - 1], ' ' | '　' | '|' | '｜' | ':' | '：'));
                if name.ends_with('于') && (j > i + l.len() || dated) {
                    hit = Some((*kind, j, *name));
                    break;
                }
            }
        }
        let Some((kind, mut j, label)) = hit else {
            // 来源：中国道路运输网 通讯员 王萍 2011年…: a byline without a
            // colon after a label the line began with.
            if out.any && out.author.is_none() && i > 0 && matches!(chars[i - 1], ' ' | '　') {
                if let Some((names, end)) = ROLES
                    .iter()
                    .any(|r| chars[i..].starts_with(&r.chars().collect::<Vec<_>>()))
                    .then(|| byline_at(&chars, i))
                    .flatten()
                    .filter(|(names, _)| names.iter().all(|n| is_byline_name(n)))
                {
                    out.author = Some(names.join(" "));
                    i = end.max(i + 1);
                    continue;
                }
            }
            i += 1;
            continue;
        };
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        let start = j;
        // 采写：南都记者 余毅菁 向雪妮: a byline after the label.
        if kind == b'a' {
            if let Some((names, end)) = byline_at(&chars, start) {
                out.author.get_or_insert(names.join(" "));
                i = end.max(i + 1);
                continue;
            }
        }
        while j < chars.len()
            && !matches!(
                chars[j],
                ' ' | '|' | '｜' | '）' | ')' | ']' | '】' | '【' | '[' | '，' | '。' | '　'
            )
            && !LABEL_CHARS.iter().any(|l| chars[j..].starts_with(l))
        {
            j += 1;
        }
        // 采写：南都记者 余毅菁: 南都 qualifies the label that follows it.
        if j > start
            && j < chars.len()
            && is_han(chars[j - 1])
            && LABEL_CHARS.iter().any(|l| chars[j..].starts_with(l))
        {
            // 来源：中国道路运输网在线通讯员 王萍 2011年3月30日: the outlet,
            // then its correspondent's byline.
            if kind == b's' {
                out.any = true;
                out.source.get_or_insert(chars[start..j].iter().collect());
                if let Some((names, end)) = byline_at(&chars, j)
                    .filter(|(names, _)| names.iter().all(|n| is_byline_name(n)))
                {
                    out.author.get_or_insert(names.join(" "));
                    i = end.max(j);
                    continue;
                }
            }
            i = j;
            continue;
        }
        let mut value: String = chars[start..j].iter().collect();
        // 作者：张立新（河北省社会科学院研究员）: the name, not the note.
        if let Some(p) = value.find(['（', '(']) {
            value.truncate(p);
        }
        // 作者：张伟 王芳 — the names after the first, each a surname and
        // one or two more characters standing alone.
        if kind == b'a' {
            loop {
                if let Some((name, next)) = next_name(&chars, j) {
                    value.push(' ');
                    value.push_str(&name);
                    j = next;
                    continue;
                }
                // An affiliation between names (…研究所 王明远 …党校 李静怡).
                match affiliation_at(&chars, j) {
                    Some(next) if next_name(&chars, next).is_some() => j = next,
                    _ => break,
                }
            }
            value = value.replace('、', " ");
            // Names with their affiliations: the names. A role (南都记者) or a
            // note of compiling (整合, 网络整理) names no one.
            let compiled = value
                .split(' ')
                .any(|w| COMPILED.iter().any(|c| w.ends_with(c)));
            let names: Vec<&str> = value
                .split(' ')
                .filter(|w| !w.is_empty() && !is_affiliation(w))
                .filter(|w| !ROLES.iter().any(|r| w.ends_with(r)))
                .filter(|w| !COMPILED.iter().any(|c| w.ends_with(c)))
                .collect();
            if !names.is_empty() || compiled {
                value = names.join(" ");
            }
        }
        let value = value.trim().to_string();
        out.any = true;
        // 归档时间, 修改日期, 截止时间: a time of something else than the
        // publication.
        let qualified = || {
            let before: String = chars[i.saturating_sub(2)..i].iter().collect();
            NOT_PUBLICATION.contains(&before.as_str())
        };
        match kind {
            b'd' if qualified() => out.other_date = true,
            b'd' => out.date_label = true,
            b'p' => {}
            _ if value.is_empty() => {}
            b's' => {
                out.source.get_or_insert(value);
            }
            // 作者：2014-05-13 16:21 (an empty label before the date) names
            // nobody.
            b'a' if !value.chars().any(|c| is_han(c) || c.is_alphabetic()) => {}
            // 记者：你们平时最关注什么？ is an interviewer's question, not a
            // byline: a reporter's name is two to four characters.
            b'a' if value.contains(['?', '？', '!', '！'])
                || value.split(' ').any(|w| {
                    let n = w.chars().count();
                    n > 8 || (label == "记者" && n > 4)
                }) => {}
            // 作者：佚名, 本站原创, 管理员: nobody named.
            b'a' if NOBODY.contains(&value.as_str()) => {}
            b'a' => {
                out.author.get_or_insert(value);
            }
            _ => {
                out.editor.get_or_insert(value);
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// The personal name that follows position `j` after spaces (a surname and
/// one or two more Han characters, then a space, a separator or the end),
/// and the position after it.
fn next_name(chars: &[char], mut j: usize) -> Option<(String, usize)> {
    while matches!(chars.get(j), Some(' ' | '　' | '、')) {
        j += 1;
    }
    let s = j;
    if !chars
        .get(s)
        .is_some_and(|&c| crate::text::chars::is_surname(c))
    {
        return None;
    }
    while j < chars.len() && is_han(chars[j]) && j - s < 4 {
        j += 1;
    }
    let ends = match chars.get(j) {
        None => true,
        Some(c) => matches!(c, ' ' | '　' | '、' | '|' | '｜' | '）' | ')'),
    };
    let name: String = chars[s..j].iter().collect();
    let labelled = LABEL_CHARS.iter().any(|l| chars[s..].starts_with(l));
    ((2..=3).contains(&(j - s)) && ends && !labelled).then_some((name, j))
}

/// Endings of the institutions a writer is named with (河北省社会科学院经济
/// 研究所, 中共天津市河西区委党校, 北京交通大学).
const AFFILIATION_ENDINGS: &[&str] = &[
    "研究所",
    "研究院",
    "科学院",
    "党校",
    "大学",
    "学院",
    "学校",
    "中心",
    "公司",
    "集团",
    "研究会",
    "编辑部",
    "报社",
    "杂志社",
    "出版社",
];

/// The month and day a date label gives without a year (发布时间：01-14 17:58,
/// 发布日期：1月14日).
pub fn labelled_month_day(line: &str) -> Option<(u32, u32)> {
    for label in ["发布时间", "发布日期", "发表时间", "发表于", "时间", "日期"] {
        let Some(p) = line.find(label) else { continue };
        let rest = line[p + label.len()..].trim_start_matches([' ', '：', ':']);
        if !find_dates(&rest.chars().take(12).collect::<String>()).is_empty() {
            return None; // a full date: not this case
        }
        let digits = |s: &str| -> Option<(u32, usize)> {
            let n: String = s.chars().take_while(char::is_ascii_digit).collect();
            if !(1..=2).contains(&n.len()) {
                return None;
            }
            Some((n.parse().ok()?, n.len()))
        };
        let (m, lm) = digits(&rest.chars().take(2).collect::<String>())?;
        let rest = &rest[lm..];
        let rest = rest.strip_prefix(['-', '月', '/', '.'])?;
        // The day's two digits, then maybe a time glued on (01-1417:58 when
        // the page sets the date and the time in two spans).
        let day: String = rest
            .chars()
            .take(2)
            .take_while(char::is_ascii_digit)
            .collect();
        let d: u32 = day.parse().ok()?;
        let after = &rest[day.len()..];
        let glued_time = {
            let h: String = after.chars().take_while(char::is_ascii_digit).collect();
            (1..=2).contains(&h.len()) && after[h.len()..].starts_with(':')
        };
        if after.starts_with(|c: char| c.is_ascii_digit()) && !glued_time {
            return None; // a longer number
        }
        return ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d));
    }
    None
}

/// Does `w` read as a person's name: a surname and one to three more
/// Chinese characters?
pub fn is_personal_name(w: &str) -> bool {
    (2..=4).contains(&w.chars().count())
        && w.chars().all(is_han)
        && w.chars()
            .next()
            .is_some_and(|c| crate::text::chars::SURNAMES.contains(c))
}

/// A writer's name in a byline without a colon: a person's, not what the
/// report is (北京报道, 供稿, 特稿).
fn is_byline_name(w: &str) -> bool {
    writer_name(w) && !["报道", "供稿", "稿", "讯"].iter().any(|x| w.ends_with(x))
}

/// A person's name that is not also a place's (石家庄) or an outlet's
/// (新华社).
fn writer_name(w: &str) -> bool {
    let g = crate::extract::places::gazetteer();
    is_personal_name(w)
        && g.resolve_name(w).is_none()
        && !["社", "网", "报", "台", "局", "委", "办", "厅", "井", "站"]
            .iter()
            .any(|x| w.ends_with(x))
}

/// Does `w` name a department or a body rather than a person (医技药剂党支部,
/// 办公室, 宣传部)?
pub fn is_department(w: &str) -> bool {
    w.chars().all(is_han)
        && (is_affiliation(w)
            || [
                "支部", "部", "处", "科", "办", "室", "站", "组", "委", "局", "厅", "中心", "协会",
            ]
            .iter()
            .any(|e| w.ends_with(e)))
}

/// Is `w` the name of an institution rather than of a person?
fn is_affiliation(w: &str) -> bool {
    w.chars().count() >= 4
        && w.chars().all(is_han)
        && AFFILIATION_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// A writer's affiliation alone in parentheses under the names, as journals
/// set it: (北京物资学院,北京市101149), （河北大学经济学院，河北 保定 071002）.
pub fn affiliation_line(line: &str) -> bool {
    let s = line.trim();
    let Some(inner) = s
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
    else {
        return false;
    };
    let first = inner
        .split([',', '，', ';', '；', ' ', '　'])
        .next()
        .unwrap_or("");
    inner.chars().count() <= 60 && !inner.contains('。') && is_affiliation(first)
}

/// An institution's name standing alone after position `j` (after spaces),
/// and the position after it.
fn affiliation_at(chars: &[char], mut j: usize) -> Option<usize> {
    while matches!(chars.get(j), Some(' ' | '　' | '、')) {
        j += 1;
    }
    let s = j;
    while j < chars.len() && is_han(chars[j]) {
        j += 1;
    }
    let w: String = chars[s..j].iter().collect();
    is_affiliation(&w).then_some(j)
}

/// Reporter roles that introduce names in a byline.
const ROLES: &[&str] = &[
    "特约撰稿人",
    "撰稿人",
    "特约记者",
    "专栏作者",
    "特约作者",
    "本报记者",
    "本刊记者",
    "本台记者",
    "本网记者",
    "新华社记者",
    "记者",
    "通讯员",
    "实习生",
    "见习记者",
];

/// Whether a date on a line follows an update's label (更新时间：, 修改日期：).
pub fn after_update_label(line: &str, d: &FoundDate) -> bool {
    let chars: Vec<char> = line.chars().take(d.start).collect();
    let before: String = chars[chars.len().saturating_sub(6)..].iter().collect();
    ["更新", "修改"].iter().any(|w| before.contains(w))
}

/// What an author's label may hold that names no one.
const NOBODY: &[&str] = &[
    "佚名",
    "匿名",
    "未知",
    "不详",
    "原创",
    "本站原创",
    "本站",
    "本网",
    "网络",
    "网络转载",
    "转载",
    "管理员",
    "admin",
    "Admin",
    "ADMIN",
    "小编",
    "编辑部",
    "无",
];

/// Words that end a byline's names (文｜张三 编辑｜李四): another credit begins.
const BYLINE_ENDS: &[&str] = &[
    "编辑",
    "责编",
    "责任编辑",
    "校对",
    "审核",
    "图 |",
    "图|",
    "图｜",
    "图/",
    "图／",
    "图：",
    "摄影",
];

/// Words after a byline's names that say what the writers did (记者 王强
/// 报道, 本报记者 李明 文/图, 记者陈智 整合): part of the byline, not names.
const BYLINE_TAILS: &[&str] = &[
    "报道",
    "摄影",
    "摄",
    "文/图",
    "文／图",
    "图/文",
    "整合",
    "整理",
    "编译",
    "综合",
    "采写",
];

/// Words after 记者 that name a column, not a writer (记者手记).
const NOT_NAMES: &[&str] = &[
    "手记", "观察", "视点", "点评", "述评", "调查", "随笔", "笔记", "札记", "感言", "来信", "追踪",
    "探访", "走访", "体验", "连线", "直击", "专访", "热线", "在线", "现场", "视角", "说法", "问答",
    "新闻", "风采", "专栏", "列表", "动态", "文章", "投稿", "园地",
];

/// What a page says instead of a writer (作者：网络整理, 综合整理): nobody.
const COMPILED: &[&str] = &["整理", "整合", "综合", "编译", "佚名", "匿名", "上传"];

/// Names after a role: 2–4 Chinese characters each, separated by spaces or 、.
fn names_after(chars: &[char], mut j: usize) -> (Vec<String>, usize) {
    let mut names = Vec::new();
    // Names after 摄影 or 摄像 are the photographer's, not the writers'.
    let mut photographer = false;
    loop {
        while matches!(chars.get(j), Some(' ' | '、')) {
            j += 1;
        }
        // Another role word between names (记者 王 通讯员 李), also after
        // another outlet's name (记者王小明 天津台记者刘红梅).
        let outlet = (2..=5)
            .find(|&k| {
                chars.get(j..j + k).is_some_and(|w| {
                    w.iter().all(|&c| is_han(c))
                        && matches!(w[k - 1], '台' | '社' | '网' | '报')
                        // (张靖本报通讯员: a name, then the paper's own mark.)
                        && (k == 2 || w[k - 2] != '本')
                }) && ROLES
                    .iter()
                    .any(|r| chars[j + k..].starts_with(&r.chars().collect::<Vec<_>>()))
            })
            .unwrap_or(0);
        if let Some(r) = ROLES
            .iter()
            .find(|r| chars[j + outlet..].starts_with(&r.chars().collect::<Vec<_>>()))
        {
            j += outlet + r.chars().count();
            photographer = false;
            continue;
        }
        if let Some(r) = ["摄影", "摄像"]
            .iter()
            .find(|r| chars[j..].starts_with(&r.chars().collect::<Vec<_>>()))
        {
            j += r.chars().count();
            while matches!(chars.get(j), Some('：' | ':' | '/' | '／')) {
                j += 1;
            }
            photographer = true;
            continue;
        }
        // 记者/孙浩, 记者：李华: a mark between a role and its names.
        if names.is_empty() && matches!(chars.get(j), Some('/' | '／' | '：' | ':' | '｜' | '|'))
        {
            j += 1;
            continue;
        }
        // What follows the names: another credit (an editor's label), or
        // what the writers did (报道, 摄, 文/图, 整合), which the byline ends with.
        if BYLINE_ENDS
            .iter()
            .any(|w| chars[j..].starts_with(&w.chars().collect::<Vec<_>>()))
        {
            return (names, j);
        }
        if !names.is_empty() {
            if let Some(t) = BYLINE_TAILS
                .iter()
                .find(|w| chars[j..].starts_with(&w.chars().collect::<Vec<_>>()))
            {
                let end = j + t.chars().count();
                if chars.get(end).is_none_or(|&c| !is_han(c)) {
                    return (names, end);
                }
            }
        }
        let s = j;
        // A name run into the next role (张靖本报通讯员郜敏, 李铮通讯员王飞)
        // ends where the role begins.
        let role_at = |k: usize| {
            ["本报", "本刊", "本台", "本网", ""].iter().any(|o| {
                ROLES.iter().any(|r| {
                    let w: Vec<char> = format!("{o}{r}").chars().collect();
                    chars[k..].starts_with(&w)
                })
            })
        };
        // 高原发自河北唐山: where the report was filed from ends the name.
        let filed_at = |k: usize| chars[k..].starts_with(&['发', '自']);
        while j < chars.len()
            && is_han(chars[j])
            && j - s < 4
            && !(j - s >= 2 && (role_at(j) || filed_at(j)))
        {
            j += 1;
        }
        let mut word: String = chars[s..j].iter().collect();
        // A name of two set apart to line up with names of three, as papers
        // print them (本报记者 武自然 商 瑞): one character, a space, one more.
        // (Not 张伟 文 图, what they did, nor 北 京, where they filed.)
        if j == s + 1
            && chars.get(j) == Some(&' ')
            && chars
                .get(j + 1)
                .is_some_and(|&c| is_han(c) && !"图文摄京津".contains(c))
            && chars.get(j + 2).is_none_or(|&c| !is_han(c))
            && !"图文摄".contains(chars[s])
            && !role_at(j + 1)
        {
            word.push(chars[j + 1]);
            j += 2;
        }
        let ends_name = match chars.get(j) {
            None => true,
            Some(_) if role_at(j) || filed_at(j) => true,
            // 《 人民日报 》( 2023年04月18日 第 07 版): the paper's credit.
            Some('《') => true,
            // 【记者连线】 is a column's tag: only a person's name before 】.
            Some('】' | ']') => is_personal_name(&word),
            Some(c) => matches!(c, ' ' | '、' | '）' | ')' | '/'),
        };
        // Words that follow 记者 in running text (记者了解到, 记者从…获悉) are not names.
        let verb_like = chars
            .get(s)
            .is_some_and(|c| "了获看发注采调走从在对近日表据今昨也还就将已曾又再的是".contains(*c));
        // 记者手记, 记者观察: a column's name, not a writer's.
        let column = NOT_NAMES.contains(&word.as_str());
        // 本报记者 栗泽宇 北京报道: where the report was filed ends it.
        if !names.is_empty() && word.ends_with("报道") {
            return (names, j);
        }
        if j - s >= 2 && ends_name && !verb_like && !column {
            if !photographer {
                names.push(word);
            }
        } else {
            return (names, s);
        }
    }
}

/// A whole-line byline: `本报记者 曹政`, `文/本报记者 林艳`, `记者 王 李`.
/// Returns the names and the char range of the byline.
pub fn byline_at(chars: &[char], start: usize) -> Option<(Vec<String>, usize)> {
    let mut j = start;
    for prefix in [
        "文/图 ",
        "文／图 ",
        "图/文 ",
        "文/图/",
        "文/图：",
        "图文/",
        "文图/",
        "图文：",
        "文图：",
        "文、图/",
        "文/",
        "文／",
        "文：",
        "文｜",
        "文|",
        "文 | ",
        "文 ｜ ",
        "文 / ",
    ] {
        let p: Vec<char> = prefix.chars().collect();
        if chars[j..].starts_with(&p) {
            j += p.len();
            break;
        }
    }
    let after_prefix = j;
    let role_at = |j: usize| {
        ROLES
            .iter()
            .find(|r| chars[j..].starts_with(&r.chars().collect::<Vec<_>>()))
    };
    // A role with a word before it: 职工通讯员, 南都记者, 河北台记者; an
    // outlet's longer name (燕赵都市报记者, 观察者网专栏作者).
    // (东方网·纵相新闻记者: an outlet and its channel, joined by a dot.)
    let qualifier = (1..=10)
        .find(|&k| {
            chars.get(j..j + k).is_some_and(|w| {
                w.iter().all(|&c| is_han(c) || c == '·')
                    && is_han(w[0])
                    // (法治周末记者; not 今天上午记者来到现场: a time.)
                    && (k <= 3 && w.iter().all(|&c| is_han(c))
                        || k == 4
                            && role_at(j).is_none()
                            && w.iter().all(|&c| is_han(c) && !"今昨前上下午晚天日月年时期间节假".contains(c))
                        || matches!(w[k - 1], '报' | '网' | '社' | '台' | '刊')
                        || w.ends_with(&['新', '闻']))
                    && (k <= 6 || w.contains(&'·'))
            }) && !"据从向对在由和与".contains(chars[j])
                && role_at(j + k).is_some()
        })
        .unwrap_or(0);
    if let Some(r) = role_at(j + qualifier) {
        j += qualifier + r.chars().count();
    } else if after_prefix == start {
        return None; // neither 文/ nor a role: not a byline
    }
    let (names, end) = names_after(chars, j);
    if names.is_empty() {
        None
    } else {
        Some((names, end))
    }
}

/// Names alone, as a dateline's parentheses give them (陈林 韩冰): one to
/// four runs of two to four Han characters, separated by spaces or 、.
fn plain_names(inner: &[char]) -> Option<Vec<String>> {
    let s: String = inner.iter().collect();
    let names: Vec<String> = s
        .split([' ', '、'])
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
    let ok = (1..=4).contains(&names.len())
        && names
            .iter()
            .all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_han));
    ok.then_some(names)
}

/// The byline in the parentheses after an outlet's own mark at the start
/// of the lead: 本报讯(记者王宋平), 本报石家庄讯（记者 张三 李四）. Returns the
/// names and the length of the mark and byline.
pub fn lead_byline(line: &str) -> Option<(Vec<String>, usize)> {
    let chars: Vec<char> = line.chars().collect();
    // A lead may also open with the byline alone: （记者郭东）6月30日，…
    let bare = matches!(chars.first(), Some('（' | '('));
    // Or with a role and names set off by spaces, then the report: 天津日报
    // 记者 陈忠权 通讯员 张巳初 新春伊始，… (not 记者从…获悉: no names).
    if !bare {
        if let Some((names, end)) = byline_at(&chars, 0) {
            if end > 0 && end < chars.len() && matches!(chars[end - 1], ' ' | '　') {
                return Some((names, end));
            }
        }
    }
    let j = if bare { 0 } else { after_mark(&chars)? };
    let close = j + chars[j..].iter().position(|c| matches!(c, '）' | ')'))?;
    // (燕赵都市报记者 尉迟国利 ): spaces inside the parentheses.
    let mut a = j + 1;
    let mut b = close;
    while a < b && matches!(chars[a], ' ' | '　') {
        a += 1;
    }
    while b > a && matches!(chars[b - 1], ' ' | '　') {
        b -= 1;
    }
    let inner = &chars[a..b];
    // An outlet's mark with a note in parentheses (人民网讯（综合报道）):
    // names alone only when they are people's.
    let people =
        |names: &Vec<String>| chars[0] == '本' || names.iter().all(|n| is_personal_name(n));
    // Bare, only a byline with its role (记者, 通讯员) says whose it is.
    let names = byline_at(inner, 0)
        .filter(|(_, end)| *end == inner.len())
        .map(|(names, _)| names)
        .or_else(|| plain_names(inner).filter(|n| !bare && people(n)))?;
    let mut len = close + 1;
    // (央视网消息（记者 张三）：… — the colon goes with the mark.)
    while matches!(chars.get(len), Some(' ' | '：' | ':')) {
        len += 1;
    }
    Some((names, len))
}

/// Where the parenthesis after an outlet's own mark opens (本报讯（…,
/// 河北新闻网讯 (…), if the line starts with one.
fn after_mark(chars: &[char]) -> Option<usize> {
    // 【财新网】(记者 …): the outlet's name in brackets.
    if chars.first() == Some(&'【') {
        let close = chars.iter().take(12).position(|&c| c == '】')?;
        let name = &chars[1..close];
        let outlet = name.len() >= 2
            && name.iter().all(|&c| is_han(c))
            && matches!(name[name.len() - 1], '网' | '报' | '社' | '台' | '讯');
        let mut j = close + 1;
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        return (outlet && matches!(chars.get(j), Some('（' | '('))).then_some(j);
    }
    // (Or 消息: 央视网消息（记者 张三）.)
    let (mark, mark_len) = (0..chars.len().min(12)).find_map(|i| match chars[i] {
        '讯' => Some((i, 1)),
        '消' if chars.get(i + 1) == Some(&'息') => Some((i, 2)),
        _ => None,
    })?;
    if mark == 0 || !chars[..mark].iter().all(|&c| is_han(c)) {
        return None;
    }
    // 本报讯, 本报石家庄讯; an outlet's own name (河北新闻网讯, 中新网讯).
    // Not one report citing another (据本报讯…).
    if "据从向在由".contains(chars[0]) {
        return None;
    }
    if chars[0] != '本' && !matches!(chars[mark - 1], '网' | '报' | '社' | '台') {
        return None;
    }
    let mut j = mark + mark_len;
    while chars.get(j) == Some(&' ') {
        j += 1;
    }
    matches!(chars.get(j), Some('（' | '(')).then_some(j)
}

/// Where the lead starts after a photo's caption glued before it (承接开业
/// 剪彩现场。徐亮 摄 长城网沧州3月28日讯…): after the photographer's 摄, when a
/// dateline or a lead's byline follows. In chars.
pub fn caption_before_lead(line: &str) -> Option<usize> {
    let chars: Vec<char> = line.chars().take(60).collect();
    let at = (1..chars.len().min(50)).find(|&i| {
        chars[i] == '摄'
            && chars[i - 1] == ' '
            && chars.get(i + 1).is_some_and(|c| matches!(c, ' ' | '　'))
    })?;
    // The photographer: a name right before, after the caption's stop or a space.
    let name_end = at - 1;
    let name_start = (0..name_end)
        .rev()
        .find(|&k| !is_han(chars[k]))
        .map_or(0, |k| k + 1);
    let name: String = chars[name_start..name_end].iter().collect();
    if !is_personal_name(&name) || name_start == 0 {
        return None;
    }
    let mut j = at + 1;
    while matches!(line.chars().nth(j), Some(' ' | '　')) {
        j += 1;
    }
    let rest: String = line.chars().skip(j).collect();
    (dateline(&rest).is_some() || lead_byline(&rest).is_some()).then_some(j)
}

/// The whole line is a byline.
pub fn line_byline(line: &str) -> Option<Vec<String>> {
    // A newspaper's mark before the byline (□ 本报记者 …, ■记者 …).
    // 【文/观察者网专栏作者 余鹏鲲】: brackets around it.
    let line =
        line.trim_start_matches(|c: char| c.is_whitespace() || "□■◎●○◆◇★☆▲△▪•·【[".contains(c));
    let chars: Vec<char> = line.chars().collect();
    let (names, end) = byline_at(&chars, 0)?;
    let rest: String = chars[end..].iter().collect();
    let rest = rest.trim_matches(|c: char| matches!(c, ' ' | '）' | ')' | '（' | '(' | '】' | ']'));
    // What may follow the names: 报道, 摄, 文/图, or an editor's credit.
    // 发自河北唐山: where the report was filed from.
    let filed = rest.strip_prefix("发自").is_some_and(|place| {
        let place = place.trim_end_matches("报道").trim();
        (2..=10).contains(&place.chars().count()) && place.chars().all(is_han)
    });
    let tail_ok = rest.is_empty()
        || filed
        || BYLINE_ENDS.iter().any(|w| rest.starts_with(w))
        || print_credit(rest);
    tail_ok.then_some(names)
}

/// The paper's credit after a byline: its name in guillemets, the day and
/// the page it was printed on (《 人民日报 》( 2023年04月18日 第 07 版)).
pub fn print_credit(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with('《')
        && s.contains('》')
        && s.contains('版')
        && !find_dates(s).is_empty()
        && s.chars().count() <= 50
}

/// A line of writers' names alone, as journals and their reprints set them
/// under the title: two to four names (赵文博 孙丽华), each a surname and one
/// or two characters, apart or separated by commas (武义青 ,冷宣荣), or one
/// name spaced out a character at a time (张 丽, 魏 丽 华).
pub fn names_line(line: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = line
        .split([' ', '　', ',', '，', '、'])
        .filter(|w| !w.is_empty())
        .collect();
    let surname = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| crate::text::chars::SURNAMES.contains(c))
    };
    let spaced = line.contains([' ', '　']) && !line.contains([',', '，', '、']);
    if spaced
        && (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().count() == 1 && is_han_word(w))
        && surname(words[0])
    {
        return Some(vec![words.concat()]);
    }
    // Each a name's length; the first and at least half of them open with a
    // common surname (the list holds the hundred commonest, not 冷 or 骆), or
    // every one with a surname at all (温卫娟,邬跃,李石柱).
    let surnamed = words.iter().filter(|w| surname(w)).count();
    let all_surnamed = words
        .iter()
        .all(|w| w.chars().next().is_some_and(crate::text::chars::is_surname));
    let ok = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| (2..=3).contains(&w.chars().count()) && is_han_word(w))
        && ((surname(words[0]) && surnamed * 2 >= words.len()) || all_surnamed);
    ok.then(|| words.iter().map(|w| w.to_string()).collect())
}

fn is_han_word(w: &str) -> bool {
    w.chars().all(is_han)
}

/// A line of a journal's furniture: its keywords (关键词：…) or its issue
/// (区域经济研究 2021年4期).
pub fn journal_line(line: &str) -> bool {
    let s = line.trim();
    if [
        "关键词",
        "关键字",
        "Keywords",
        "keywords",
        "标签",
        "分类",
        "Tags",
        "tags",
    ]
    .iter()
    .any(|k| s.starts_with(k) && s[k.len()..].trim_start().starts_with(['：', ':']))
    {
        return true;
    }
    // …2021年4期 / 2021年第4期
    let chars: Vec<char> = s.chars().collect();
    chars.len() <= 30
        && !s.contains(['。', '，'])
        && s.ends_with('期')
        && chars
            .windows(5)
            .any(|w| w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
}

/// A byline after other metadata on one line: "来源：沧州日报 记者 蒋六".
pub fn inline_byline(line: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = line.chars().collect();
    (1..chars.len())
        .filter(|&i| chars[i - 1] == ' ')
        .find_map(|i| {
            byline_at(&chars, i).filter(|(_, end)| *end >= chars.len() || chars[*end] == ' ')
        })
        .map(|(names, _)| names)
}

/// The name a forum or a blog shows before its post's date (张三 发表于
/// 2019-07-31 12:30, zhang_88 发布于 2019-07-31): one word of a name's or a
/// handle's characters.
pub fn poster(line: &str) -> Option<String> {
    let s = line.trim();
    let at = ["发表于", "发布于"]
        .iter()
        .filter_map(|v| s.find(v))
        .min()?;
    // Discuz! sets a bar between them: whb761 | 发表于 2005-8-4 21:37:32 |.
    let name = s[..at].trim().trim_end_matches(['|', '｜']).trim();
    let not_a_name = [
        "本帖", "文章", "最后", "该帖", "此文", "原文", "帖子", "楼主", "作者",
    ]
    .iter()
    .any(|w| name.starts_with(w))
        || ["回复", "引用", "评论", "沙发", "板凳"].contains(&name);
    (is_handle(name) && !not_a_name && !find_dates(&s[at..]).is_empty()).then(|| name.to_string())
}

/// A person's name and their unit in brackets, alone on a line (许冰洋
/// (化学与化工学院), • 张三（宣传部）): the name.
pub fn name_with_unit(line: &str) -> Option<&str> {
    // After any bullet.
    let s = line.trim_start_matches(|c: char| !(is_han(c) || c.is_alphanumeric()));
    let (name, unit) = s.trim_end().split_once(['(', '（'])?;
    let unit = unit.strip_suffix([')', '）'])?.trim();
    let name = name.trim();
    (writer_name(name) && is_department(unit) && unit.chars().count() >= 3).then_some(name)
}

/// A blog's header in English words: 2009-10-14 14:27 by 老赵, 17085 visits.
/// The date comes before "by", the handle right after it.
pub fn by_poster(line: &str) -> Option<String> {
    let s = line.trim();
    let at = s.find(" by ")?;
    // Right after the date and its time (not photo by Reuters).
    let head = &s[..at];
    let d = find_dates(head).pop()?;
    let between: String = head.chars().skip(d.end).collect();
    if !between
        .chars()
        .all(|c| c.is_ascii_digit() || c == ':' || c.is_whitespace())
    {
        return None;
    }
    let rest = &s[at + 4..];
    let name = rest
        .split([',', '，', ' ', '|', '｜'])
        .next()
        .unwrap_or("")
        .trim();
    // A Chinese name or nickname (老赵), or a handle that ends its cell
    // (by laowang, 1234 visits), not an English phrase (by Zhang Wei, by
    // the way) nor a role (admin).
    let han = (2..=6).contains(&name.chars().count()) && name.chars().all(is_han);
    let after = rest.trim_start()[name.len()..].trim_start();
    let handle = is_handle(name)
        && (after.is_empty() || after.starts_with([',', '，', '|', '｜']))
        && !["admin", "administrator", "editor", "webmaster", "root"]
            .contains(&name.to_ascii_lowercase().as_str());
    ((han && !NOBODY.contains(&name)) || handle).then(|| name.to_string())
}

/// One word of a name's or a handle's characters (张三, zhang_88), 2 to 20
/// of them, not a number.
fn is_handle(w: &str) -> bool {
    (2..=20).contains(&w.chars().count())
        && !w.chars().all(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| is_han(c) || c.is_ascii_alphanumeric() || "_-.·".contains(c))
}

/// The header a WeChat article shows, copied as text: 原创 张三 某某日报
/// 2023-03-05 09:12 发表于北京 — an optional 原创, the writer and the
/// account (or the account alone), the date and time, and where it was
/// posted from. Returns the writer when the account's name follows one.
pub fn wechat_header(line: &str) -> Option<Option<String>> {
    let s = line.trim();
    let d = find_dates(s).into_iter().next()?;
    let chars: Vec<char> = s.chars().collect();
    let before: String = chars[..d.start].iter().collect();
    let after: String = chars[d.end..].iter().collect();
    let after = after.trim();
    // After the date: a time, then 发表于 and a place of a few characters.
    let mut rest = after;
    if let Some(t) = rest.split_whitespace().next() {
        if t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':') {
            rest = rest[t.len()..].trim_start();
        }
    }
    // WeChat shows the province (or the country) it was posted from, not a
    // paper (该文…发表于人民日报).
    let place = rest.strip_prefix("发表于")?.trim();
    if !posted_from(place) {
        return None;
    }
    let mut words: Vec<&str> = before.split_whitespace().collect();
    let original = words.first() == Some(&"原创");
    if original {
        words.remove(0);
    }
    if (words.is_empty() && !original)
        || words.len() > 2
        || words.iter().any(|w| w.chars().count() > 20)
    {
        return None;
    }
    if words.is_empty() {
        return Some(None);
    }
    // Two words are the writer and the account, as WeChat sets them.
    let writer = words[0];
    Some((words.len() == 2 && is_handle(writer) && writer != words[1]).then(|| writer.to_string()))
}

/// Where WeChat says a post was sent from: a province-level place of China
/// (北京, 河北, 广东), or a country.
fn posted_from(place: &str) -> bool {
    let g = crate::extract::places::gazetteer();
    let province = g
        .resolve_name(place)
        .is_some_and(|i| g.province_of(i) == Some(i));
    const ABROAD: &[&str] = &[
        "中国香港",
        "中国澳门",
        "中国台湾",
        "美国",
        "日本",
        "英国",
        "加拿大",
        "澳大利亚",
        "新加坡",
        "德国",
        "法国",
        "韩国",
    ];
    province || ABROAD.contains(&place)
}

/// The words of a forum's post bar (Discuz!: hotpower | 楼主 | 2008-9-7
/// 10:04 | 只看该作者 | 倒序浏览 | 阅读模式).
const FORUM_CELLS: &[&str] = &[
    "只看该作者",
    "显示全部楼层",
    "阅读模式",
    "倒序浏览",
    "楼主",
    "回帖奖励",
    "电梯直达",
    "只看大图",
];

/// A forum's post bar: cells split by bars, one a full date and one a word
/// of the forum's own.
pub fn forum_bar(line: &str) -> bool {
    let cells: Vec<&str> = line
        .split(['|', '｜'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    cells.len() >= 3
        && cells.iter().any(|c| !find_dates(c).is_empty())
        && cells
            .iter()
            .any(|c| FORUM_CELLS.iter().any(|w| c.starts_with(w)))
}

/// The poster a forum's post bar opens with (hotpower | 楼主 | 2008-9-7
/// 10:04 | 只看该作者), not its counts (查看11 | 回复2 | …).
pub fn bar_poster(line: &str) -> Option<String> {
    if !forum_bar(line) {
        return None;
    }
    let first = line.split(['|', '｜']).next()?.trim();
    let counted = ["查看", "回复", "浏览", "阅读", "楼主", "发表于"]
        .iter()
        .any(|w| first.starts_with(w));
    (is_handle(first) && !counted && find_dates(first).is_empty()).then(|| first.to_string())
}

/// A line that is only a byline in parentheses: （记者 张三 李四）.
pub fn bracketed_byline(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let open = matches!(line.chars().next(), Some('（' | '('));
    match trailing_byline(line) {
        Some((names, 0)) if open => Some(names),
        _ => None,
    }
}

/// A byline at the end of a paragraph: `……企业1400家。（记者 潘文静）`,
/// `……布局。 文/本报记者 林艳`. Returns names and the char index where it starts.
pub fn trailing_byline(line: &str) -> Option<(Vec<String>, usize)> {
    let chars: Vec<char> = line.chars().collect();
    let n = chars.len();
    // (记者 X) form
    if matches!(chars.last(), Some('）' | ')')) {
        let open = chars.iter().rposition(|c| matches!(c, '（' | '('))?;
        if n - open <= 30 {
            let inner: String = chars[open + 1..n - 1].iter().collect();
            let inner_chars: Vec<char> = inner.chars().collect();
            if let Some((names, end)) = byline_at(&inner_chars, 0) {
                // (文：新华社) credits an outlet, not a writer.
                let outlet = names
                    .iter()
                    .any(|w| ["社", "网", "报", "台"].iter().any(|x| w.ends_with(x)));
                if end >= inner_chars.len() && !outlet {
                    return Some((names, open));
                }
            }
            // (政治与公共管理学院 孙 宇): a department, then its people (a
            // two-character name may be spaced out to line up with others).
            if let Some((dept, rest)) = inner.trim().split_once([' ', '　']) {
                let pieces: Vec<&str> = rest.split([' ', '　']).filter(|w| !w.is_empty()).collect();
                let names: Vec<String> =
                    if pieces.len() == 2 && pieces.iter().all(|w| w.chars().count() == 1) {
                        vec![pieces.concat()]
                    } else {
                        pieces.iter().map(|w| w.to_string()).collect()
                    };
                if dept.chars().count() >= 3
                    && is_department(dept)
                    && !names.is_empty()
                    && names.iter().all(|w| writer_name(w))
                {
                    return Some((names, open));
                }
            }
            // (作者：张三), (撰稿：张三), (供稿：张三): a label and people's
            // names only (供稿：区住建委办公室 is a body, not a writer).
            let label = ["作者", "撰稿", "撰文", "供稿", "文"]
                .iter()
                .find(|l| inner.starts_with(*l))
                .map(|l| l.chars().count());
            if let Some(k) = label {
                let rest: String = inner_chars[k..].iter().collect();
                if let Some(value) = rest.strip_prefix(['：', ':', '/', '／']) {
                    let value_chars: Vec<char> = value.chars().collect();
                    // (作者：本报记者 张晓明), else names alone.
                    let names = match byline_at(&value_chars, 0) {
                        Some((names, end)) if end >= value_chars.len() => names,
                        _ => value
                            .split([' ', '、', '，'])
                            .filter(|w| !w.is_empty())
                            .map(str::to_string)
                            .collect(),
                    };
                    if !names.is_empty() && names.iter().all(|w| writer_name(w)) {
                        return Some((names, open));
                    }
                }
            }
        }
    }
    // "。京华时报记者孙乾" form: a role and names after the last sentence.
    if let Some(i) = chars[..n.saturating_sub(2)]
        .iter()
        .rposition(|c| matches!(c, '。' | '！' | '？' | '”'))
    {
        if n - i <= 20 {
            if let Some((names, end)) = byline_at(&chars, i + 1) {
                // Names alone (王强), not a quote's speaker (记者王强说).
                let named = names.iter().all(|w| {
                    (2..=3).contains(&w.chars().count())
                        && !w.ends_with(['说', '称', '道', '讲', '问', '答'])
                });
                if end >= n && chars[i + 1] != '文' && named {
                    return Some((names, i + 1));
                }
            }
        }
    }
    // "…热烈。 □晚报 | 教育周刊 记者 王明": after the last sentence, the
    // paper's mark and column, then a role and names set off by a space.
    if let Some(i) = chars
        .iter()
        .rposition(|c| matches!(c, '。' | '！' | '？' | '”'))
    {
        let tail: String = chars[i + 1..].iter().collect();
        let marked = tail.trim_start().starts_with(['□', '■', '◎', '●']);
        if marked && n - i <= 32 {
            // □记者 王芳 通讯员 李强, else □晚报 | 教育周刊 记者 张明.
            if let Some(names) = line_byline(&tail).or_else(|| inline_byline(&tail)) {
                return Some((names, i + 1));
            }
        }
    }
    // " 文/本报记者 X" form: a space or sentence end right before.
    for (i, w) in chars.windows(2).enumerate() {
        if w[0] == '文' && matches!(w[1], '/' | '／') && i + 40 >= n {
            let before_ok = i == 0 || matches!(chars[i - 1], ' ' | '。' | '！' | '？' | '”');
            if before_ok {
                if let Some((names, end)) = byline_at(&chars, i) {
                    if end >= n {
                        return Some((names, i));
                    }
                }
            }
        }
    }
    None
}

/// A dateline opening the first paragraph: `人民网北京2月25日电 （记者孟竹）`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub agency: Option<String>,
    /// Full date when the dateline has a year.
    pub date: Option<String>,
    /// `M月D日` when it has none.
    pub month_day: Option<(u32, u32)>,
    pub authors: Vec<String>,
    /// Chars to strip from the start of the paragraph.
    pub len: usize,
    /// Whether those chars are the article's own words, which stay in the
    /// body: `X网北京3月5日消息` is how the report begins, not a stamp before it.
    pub keep: bool,
}

/// A number written in digits, in Chinese numerals digit by digit (二〇〇四)
/// or with 十 (二十三, 十二): what a date gives.
fn numeral(chars: &[char]) -> Option<u32> {
    if chars.is_empty() {
        return None;
    }
    if chars.iter().all(char::is_ascii_digit) {
        return chars.iter().collect::<String>().parse().ok();
    }
    let value = |c: char| {
        "〇一二三四五六七八九"
            .find(c)
            .map(|i| (i / '一'.len_utf8()) as u32)
            .or((c == '零').then_some(0))
    };
    match chars.iter().position(|&c| c == '十') {
        None => chars
            .iter()
            .try_fold(0u32, |n, &c| Some(n * 10 + value(c)?)),
        Some(t) => {
            let tens = match &chars[..t] {
                [] => 1,
                [c] => value(*c)?,
                _ => return None,
            };
            let ones = match &chars[t + 1..] {
                [] => 0,
                [c] => value(*c)?,
                _ => return None,
            };
            Some(tens * 10 + ones)
        }
    }
}

pub fn dateline(line: &str) -> Option<Dateline> {
    let chars: Vec<char> = line.chars().collect();
    // 电/讯 within the first 30 chars, right after 日.
    let head = chars.len().min(32);
    // 电/讯/消息 within the first 30 chars, right after 日 (央广网北京3月5日消息).
    // (Not 电 opening a word: 五月一日电动自行车新规实施.)
    let word = |i: usize| {
        chars[i] == '电'
            && chars
                .get(i + 1)
                .is_some_and(|c| "动视影力池商网子话器价量厂站梯脑竞费源能路气缆车".contains(*c))
    };
    let pos = (1..head).find(|&i| {
        chars[i - 1] == '日'
            && ((matches!(chars[i], '电' | '讯') && !word(i))
                || (chars[i] == '消' && chars.get(i + 1) == Some(&'息')))
    })?;
    let before: String = chars[..pos - 1].iter().collect();
    // "...2月25日" — parse month and day backwards.
    // (Or in Chinese numerals: 中新社雅典八月二十三日电.)
    let b: Vec<char> = before.chars().collect();
    let digit = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c);
    let mut k = b.len();
    let d_end = k;
    while k > 0 && digit(b[k - 1]) {
        k -= 1;
    }
    let day: u32 = numeral(&b[k..d_end])?;
    if k == 0 || b[k - 1] != '月' {
        return None;
    }
    k -= 1;
    let m_end = k;
    while k > 0 && digit(b[k - 1]) {
        k -= 1;
    }
    let month: u32 = numeral(&b[k..m_end])?;
    let mut year = None;
    if k > 0 && b[k - 1] == '年' {
        let y_end = k - 1;
        let mut y = y_end;
        while y > 0 && digit(b[y - 1]) {
            y -= 1;
        }
        year = numeral(&b[y..y_end]);
        k = y;
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let prefix: String = b[..k].iter().collect();
    let prefix = prefix.trim();
    // The agency is the prefix up to its first 网/社/报/台 (人民网北京 → 人民网).
    let agency = prefix
        .char_indices()
        .find(|(_, c)| matches!(c, '网' | '社' | '报' | '台'))
        .map(|(i, c)| prefix[..i + c.len_utf8()].to_string())
        .filter(|a| a.chars().count() >= 2 && !a.starts_with("本"));
    // Only Chinese (and ASCII letters) before the date: a dateline, not a
    // sentence (据财联社9月26日消息 is one).
    if prefix.chars().count() > 16
        || prefix.contains(['，', '。', '、'])
        || prefix.starts_with(['据', '自', '从', '于', '到'])
        || prefix.starts_with("截至")
    {
        return None;
    }
    let keep = chars[pos] == '消';
    let mut len = pos + if chars[pos] == '消' { 2 } else { 1 };
    let mut authors = Vec::new();
    let mut j = len;
    while chars.get(j) == Some(&' ') {
        j += 1;
    }
    if matches!(chars.get(j), Some('（' | '(')) {
        if let Some(close) = chars[j..].iter().position(|c| matches!(c, '）' | ')')) {
            let inner: Vec<char> = chars[j + 1..j + close].to_vec();
            if let Some(names) = byline_at(&inner, 0)
                .filter(|(_, end)| *end == inner.len())
                .map(|(names, _)| names)
                .or_else(|| plain_names(&inner))
            {
                authors = names;
                len = j + close + 1;
            }
        }
    }
    while chars.get(len) == Some(&' ') {
        len += 1;
    }
    let date = year
        .filter(|&y| valid_ymd(y, month, day))
        .map(|y| format!("{y:04}-{month:02}-{day:02}"));
    Some(Dateline {
        agency,
        month_day: if date.is_none() {
            Some((month, day))
        } else {
            None
        },
        date,
        authors,
        len,
        keep,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isos(line: &str) -> Vec<String> {
        find_dates(line).into_iter().map(|d| d.iso).collect()
    }

    #[test]
    fn dates_in_the_formats_news_pages_use() {
        assert_eq!(
            isos("日期：2021-05-29 15:12 来源：北京青年报"),
            ["2021-05-29"]
        );
        assert_eq!(isos("22.01.2018  12:01"), ["2018-01-22"]);
        assert_eq!(isos("2020年6月3日 08:00"), ["2020-06-03"]);
        assert_eq!(isos("发布时间：2019/3/7"), ["2019-03-07"]);
        assert_eq!(isos("2021-13-45 与 2021-02-30"), Vec::<String>::new());
        assert_eq!(isos("2020年-2022年"), Vec::<String>::new());
        assert!(find_dates("2026年11月23日 星期一")[0].weekday);
        assert_eq!(isos("二〇二三年三月一日　来源：北京日报"), ["2023-03-01"]);
        assert_eq!(isos("二零一九年十二月三十一日"), ["2019-12-31"]);
        assert_eq!(isos("二〇二三年二月三十日"), Vec::<String>::new());
        // Month first where only that reads (6/20/2018), or where a 12-hour
        // clock says a US-English server printed it; else day first only
        // where only that reads, and nothing where either could.
        assert_eq!(isos("6/20/2018 4:44:28 PM"), ["2018-06-20"]);
        assert_eq!(isos("6/5/2018 4:44:28 PM"), ["2018-06-05"]);
        assert_eq!(isos("20/6/2018"), ["2018-06-20"]);
        assert_eq!(isos("6/5/2018"), Vec::<String>::new());
        // 新华网's header: the year apart, then the day and the time.
        assert_eq!(isos("2023 12/19 11:26:29"), ["2023-12-19"]);
        assert_eq!(isos("2023 12/ 19 11:26:29"), ["2023-12-19"]);
        assert_eq!(isos("共2023 12/19件"), Vec::<String>::new());
    }

    #[test]
    fn labels_are_read() {
        let l = labels("日期：2021-05-29 15:12 来源：北京青年报");
        assert_eq!(l.source.as_deref(), Some("北京青年报"));
        assert!(l.date_label);
        assert_eq!(labels("责任编辑：王健").editor.as_deref(), Some("王健"));
        assert_eq!(
            labels("来源：人民网 作者：张三").author.as_deref(),
            Some("张三")
        );
    }

    #[test]
    fn a_label_spread_out_or_an_interviewers_question_is_read_as_it_is() {
        // 文 案：X lines up with 摄 像：Y; the copywriter wrote the words.
        assert_eq!(labels("文 案：张小雨").author.as_deref(), Some("张小雨"));
        assert_eq!(labels("摄 像：张小雨 耿明").author, None);
        // An interview's 记者：question names nobody.
        assert_eq!(
            labels("记者：你们平时的工作中，最关注哪些方面？").author,
            None
        );
        assert_eq!(labels("记者：你们对未来有哪些期待？").author, None);
        assert_eq!(labels("记者：王小明").author.as_deref(), Some("王小明"));
    }

    #[test]
    fn an_author_label_takes_every_name_after_it() {
        let author = |l: &str| labels(l).author;
        assert_eq!(
            author("作者：张伟 王芳　来源：河北日报").as_deref(),
            Some("张伟 王芳")
        );
        assert_eq!(
            author("作者：张伟、欧阳丽 2021-05-06").as_deref(),
            Some("张伟 欧阳丽")
        );
        assert_eq!(
            author("作者：刘洋 李晓明 赵一").as_deref(),
            Some("刘洋 李晓明 赵一")
        );
        // What follows a name and is no name stays out of it.
        assert_eq!(author("作者：张伟 河北日报").as_deref(), Some("张伟"));
        assert_eq!(author("作者：张伟 编辑：王芳").as_deref(), Some("张伟"));
        assert_eq!(author("作者：张伟 王府井大街店").as_deref(), Some("张伟"));
    }

    #[test]
    fn bylines_and_datelines() {
        assert_eq!(line_byline("本报记者 曹政"), Some(vec!["曹政".to_string()]));
        assert_eq!(
            line_byline("文/本报记者 林艳"),
            Some(vec!["林艳".to_string()])
        );
        assert_eq!(line_byline("记者了解到，近年来"), None);
        assert_eq!(
            inline_byline("2022-05-05 来源：沧州日报 记者 蒋六"),
            Some(vec!["蒋六".to_string()])
        );
        assert_eq!(inline_byline("来源：沧州日报 记者了解到"), None);
        let t = trailing_byline("吸引落户京津高科技企业1400家。（记者 潘文静）").unwrap();
        assert_eq!(t.0, ["潘文静"]);
        let t = trailing_byline("完善京津冀产业链规划布局。 文/本报记者 林艳").unwrap();
        assert_eq!(t.0, ["林艳"]);
        // After the last sentence, an outlet's reporter with no mark.
        let t = trailing_byline("但未透露具体修到哪座城市。燕赵晚报记者刘方").unwrap();
        assert_eq!(t.0, ["刘方"]);
        assert_eq!(
            trailing_byline("但未透露具体修到哪座城市。记者了解到"),
            None
        );
        assert_eq!(
            trailing_byline("但未透露具体修到哪座城市。记者王强说"),
            None
        );
        // A writer's label in parentheses at the end: people only.
        for end in ["（作者：张晓明）", "（撰稿：张晓明）", "（供稿：张晓明）"]
        {
            let t = trailing_byline(&format!("居民对此普遍表示欢迎。{end}")).unwrap();
            assert_eq!(t.0, ["张晓明"], "{end}");
        }
        assert_eq!(
            trailing_byline("居民对此普遍表示欢迎。（供稿：区住建委办公室）"),
            None
        );
        // A place's or an outlet's name that reads like a person's is none.
        for end in ["（撰稿：石家庄）", "（文：新华社）"] {
            assert_eq!(
                trailing_byline(&format!("居民普遍欢迎。{end}")),
                None,
                "{end}"
            );
        }
        // A role before the name, or two names.
        let t = trailing_byline("居民普遍欢迎。（作者：本报记者 张晓明）").unwrap();
        assert_eq!(t.0, ["张晓明"]);
        let t = trailing_byline("居民普遍欢迎。（作者：张晓明、李华）").unwrap();
        assert_eq!(t.0, ["张晓明", "李华"]);
        // A lead that opens with the reporters, set off by spaces.
        let (names, len) =
            lead_byline("河北日报记者 白云 通讯员 赵明 钱亮 开春以来，该区加强对接。").unwrap();
        assert_eq!(names, ["白云", "赵明", "钱亮"]);
        assert_eq!(len, "河北日报记者 白云 通讯员 赵明 钱亮 ".chars().count());
        assert_eq!(lead_byline("记者从市发改委获悉，今年计划承接项目。"), None);
        let d = dateline("人民网北京2月25日电 （记者孟竹）实现京津冀三地").unwrap();
        assert_eq!(d.agency.as_deref(), Some("人民网"));
        assert_eq!(d.month_day, Some((2, 25)));
        assert_eq!(d.authors, ["孟竹"]);
        assert_eq!(d.len, "人民网北京2月25日电 （记者孟竹）".chars().count());
        let d = dateline("中新社石家庄1月24日电 河北省工业和信息化厅24日透露").unwrap();
        assert_eq!(d.agency.as_deref(), Some("中新社"));
        assert_eq!(dateline("截至5月25日，经开区各类企业"), None);
    }

    #[test]
    fn a_meta_value_of_digits_alone() {
        assert_eq!(date_from_hint("20230305").as_deref(), Some("2023-03-05"));
        assert_eq!(
            date_from_hint("20230305091200").as_deref(),
            Some("2023-03-05")
        );
        assert_eq!(date_from_hint("20231399"), None);
        // Seconds since 1970 are no date of this kind.
        assert_eq!(date_from_hint("1678000000"), None);
    }

    #[test]
    fn dates_in_page_addresses() {
        let d = |u: &str| date_from_url(u);
        assert_eq!(
            d("http://www.gov.cn/xinwen/2022-02/13/content_5673.htm").as_deref(),
            Some("2022-02-13")
        );
        assert_eq!(
            d("http://politics.people.com.cn/n1/2019/0116/c1001-30546789.html").as_deref(),
            Some("2019-01-16")
        );
        assert_eq!(
            d("https://www.hebei.gov.cn/columns/a1/202203/t20220307_1234.html").as_deref(),
            Some("2022-03-07")
        );
        assert_eq!(
            d("https://news.example.com/2021-11-30/doc-ikyamrmy.shtml").as_deref(),
            Some("2021-11-30")
        );
        assert_eq!(d("t20180612_88.html").as_deref(), Some("2018-06-12"));
        // An id, a month without a day and an impossible date are not dates.
        assert_eq!(
            d("https://bbs.example.com/thread-2022021312345-1-1.html"),
            None
        );
        assert_eq!(d("https://www.example.com/202203/index.html"), None);
        assert_eq!(d("https://www.example.com/a/20221345.html"), None);
        assert_eq!(d("seed_003.html"), None);
    }

    #[test]
    fn a_birth_or_death_date_is_a_life_date() {
        let life = |l: &str| {
            let ds = find_dates(l);
            dates::is_life_date(l, &ds[0])
        };
        assert!(life("张某，1976年5月12日生，河北沧州人"));
        assert!(life("1953年3月2日出生"));
        assert!(life("出生于1961年7月1日"));
        assert!(!life("发布时间：2019年5月12日 来源：河北日报"));
        assert!(!life("2021-05-29 15:12"));
    }

    #[test]
    fn bylines_with_names_run_into_the_next_role() {
        assert_eq!(
            line_byline("□本报记者张靖本报通讯员郜敏"),
            Some(vec!["张靖".to_string(), "郜敏".to_string()])
        );
        assert_eq!(
            line_byline("记者李铮通讯员王飞"),
            Some(vec!["李铮".to_string(), "王飞".to_string()])
        );
        // A name of three characters stays whole.
        assert_eq!(
            line_byline("本报记者王小明通讯员李华"),
            Some(vec!["王小明".to_string(), "李华".to_string()])
        );
    }

    #[test]
    fn bylines_after_a_papers_mark_or_an_outlets_channel() {
        let line = "学生们认真聆听，现场气氛热烈。 □晚报 | 教育周刊 记者 张明";
        let (names, at) = trailing_byline(line).unwrap();
        assert_eq!(names, ["张明"]);
        assert_eq!(at, line.chars().position(|c| c == '。').unwrap() + 1);
        assert_eq!(
            line_byline("东方网·纵相新闻记者 单小明"),
            Some(vec!["单小明".to_string()])
        );
        // A sentence about reporters is no byline.
        assert_eq!(line_byline("东方网·纵相新闻记者从现场获悉"), None);
        assert_eq!(
            trailing_byline("现场气氛热烈。 □记者从现场获悉了情况"),
            None
        );
        let (names, _) = trailing_byline("总投资5亿元。 □记者 王芳 通讯员 李强").unwrap();
        assert_eq!(names, ["王芳", "李强"]);
        // 电 opening a word, or a date after 自, is no dateline.
        assert_eq!(dateline("自二〇二三年五月一日电动自行车新规实施以来"), None);
        assert_eq!(dateline("五月一日电动自行车新规开始实施"), None);
    }

    #[test]
    fn labels_that_name_nobody_and_marks_of_news() {
        assert_eq!(labels("作者：佚名 发布时间：2023-01-05").author, None);
        assert_eq!(labels("作者：本站原创").author, None);
        assert_eq!(labels("作者：王小二").author.as_deref(), Some("王小二"));
        assert_eq!(
            labels("作者/杨小平、彭小中").author.as_deref(),
            Some("杨小平 彭小中")
        );
        assert_eq!(labels("只看该作者/楼主").author, None);
        assert_eq!(
            line_byline("文 | 张三  图 | 李四"),
            Some(vec!["张三".to_string()])
        );
        let (names, len) = lead_byline("央视网消息（记者 张三）：某县今天举行开工仪式").unwrap();
        assert_eq!(names, ["张三"]);
        assert_eq!(len, "央视网消息（记者 张三）：".chars().count());
    }

    #[test]
    fn a_dateline_in_chinese_numerals() {
        let d = dateline("中新社雅典八月二十三日电 (记者王祖敏)在当地时间今天晚上").unwrap();
        assert_eq!(d.month_day, Some((8, 23)));
        assert_eq!(d.authors, ["王祖敏"]);
        let d = dateline("新华社北京二〇〇四年十二月三日电 记者从有关部门获悉").unwrap();
        assert_eq!(d.date.as_deref(), Some("2004-12-03"));
        assert_eq!(numeral(&['十']), Some(10));
        assert_eq!(numeral(&['三', '十', '一']), Some(31));
        assert_eq!(numeral(&['十', '十']), None);
    }

    #[test]
    fn bylines_in_parentheses_after_a_dateline_or_the_papers_own_mark() {
        let d =
            dateline("中新社雄安11月14日电 (陈林 韩冰)河北省廊坊市新引进项目三十余个。").unwrap();
        assert_eq!(d.authors, ["陈林", "韩冰"]);
        assert_eq!(
            lead_byline("本报讯(记者王宋平)11月19日至20日，会议在廊坊举行。"),
            Some((vec!["王宋平".to_string()], 10))
        );
        assert_eq!(
            lead_byline("本报石家庄讯（记者 张三 通讯员 李四）日前，石家庄市出台措施。")
                .map(|x| x.0),
            Some(vec!["张三".to_string(), "李四".to_string()])
        );
        // Not a byline: a sentence in parentheses, or no mark of the paper.
        assert_eq!(lead_byline("本报讯（据新华社消息）日前，会议召开。"), None);
        // A lead that opens with its byline alone.
        assert_eq!(
            lead_byline("（记者郭某）6月30日，一家工程公司整体搬迁至雄安新区。"),
            Some((vec!["郭某".to_string()], 6))
        );
        assert_eq!(lead_byline("（张三 李四）6月30日，会议召开。"), None);
        // An outlet's name in brackets before it.
        assert_eq!(
            lead_byline("【某某网】(实习记者 杨某某 记者 汪某)5月8日，协议签订。"),
            Some((vec!["杨某某".to_string(), "汪某".to_string()], 21))
        );
        assert_eq!(lead_byline("【图片】(记者 汪某)5月8日，协议签订。"), None);
        assert_eq!(lead_byline("（以下简称“公司”）成立于2015年。"), None);
        assert_eq!(lead_byline("据本报讯(记者王宋平)报道"), None);
        // An outlet's own mark, and its longer name before the role, with
        // spaces inside the parentheses.
        assert_eq!(
            lead_byline("河北新闻网讯(燕赵都市报记者 尉迟国利 )近日，承德召开会议。").map(|x| x.0),
            Some(vec!["尉迟国利".to_string()])
        );
    }

    #[test]
    fn bylines_in_brackets_with_a_column_or_where_it_was_filed() {
        assert_eq!(
            line_byline("【文/观察者网专栏作者 余鹏鲲】"),
            Some(vec!["余鹏鲲".to_string()])
        );
        assert_eq!(
            line_byline("本报记者 栗泽宇 北京报道"),
            Some(vec!["栗泽宇".to_string()])
        );
        // A column's name after 记者 names nobody, nor a tag in brackets.
        assert_eq!(line_byline("记者手记"), None);
        assert_eq!(line_byline("【记者连线】"), None);
        assert_eq!(line_byline("【记者直击】"), None);
        // A note in an outlet's parentheses is no name.
        assert_eq!(lead_byline("人民网讯（综合报道）近日，会议召开。"), None);
        // 发布于 inside a title or a list item labels nothing.
        assert!(!labels("1.《产业目录》发布于2014年7月").date_label);
        // An empty author label before the date names nobody.
        assert_eq!(
            labels("来源: 廊坊日报 作者: 2014-05-13 16:21:30").author,
            None
        );
        // A date right after 发表于 is labelled; 归档时间 is not the publication's.
        assert!(labels("作者: 有一个老傻瓜 | 来源:发表于2019-04-11 14:07 被阅读0次").date_label);
        let l = labels("归档时间:2018-11-21");
        assert!(l.other_date && !l.date_label);
    }

    #[test]
    fn a_line_of_names_alone_under_a_journal_title() {
        let n = |l: &str| names_line(l);
        assert_eq!(
            n("赵文博 孙丽华"),
            Some(vec!["赵文博".into(), "孙丽华".into()])
        );
        assert_eq!(n("张 丽"), Some(vec!["张丽".into()]));
        // A three-character name spaced out; names apart with commas.
        assert_eq!(n("魏 丽 华"), Some(vec!["魏丽华".into()]));
        assert_eq!(
            n("武义青 ,冷宣荣"),
            Some(vec!["武义青".into(), "冷宣荣".into()])
        );
        assert_eq!(
            n("武义青，冷宣荣、赵文博"),
            Some(vec!["武义青".into(), "冷宣荣".into(), "赵文博".into()])
        );
        // Not names: a font-size widget, places, a sentence.
        assert_eq!(n("大 中 小"), None);
        assert_eq!(n("北京，天津"), None);
        assert_eq!(n("高新 开发 园区"), None);
        assert_eq!(n("魏 丽 华 好"), None);
        assert_eq!(n("我们认为，这是对的"), None);
    }

    #[test]
    fn a_wechat_articles_header() {
        assert_eq!(
            wechat_header("原创 张晓明 某某青年报 2023-03-05 09:12 发表于北京"),
            Some(Some("张晓明".to_string()))
        );
        assert_eq!(
            wechat_header("某某青年报 2023-03-05 09:12 发表于河北"),
            Some(None)
        );
        assert_eq!(
            wechat_header("原创 小明同学 某某公众号 2023年03月05日 09:12 发表于河北"),
            Some(Some("小明同学".to_string()))
        );
        assert_eq!(
            wechat_header("原创 2023-03-05 09:12 发表于河北"),
            Some(None)
        );
        // The account's name twice names no writer.
        assert_eq!(
            wechat_header("原创 某某发布 某某发布 2023-03-05 09:12 发表于河北"),
            Some(None)
        );
        // Not a header: no place it was posted from, a paper where WeChat
        // shows a province, or a sentence.
        assert_eq!(wechat_header("张晓明 某某青年报 2023-03-05 09:12"), None);
        assert_eq!(wechat_header("该文 2019-05-01 发表于人民日报"), None);
        assert_eq!(
            wechat_header("李华 京津冀产业转移研究 2019-05-01 发表于经济日报"),
            None
        );
        assert_eq!(
            wechat_header("北京市在2023-03-05举行的会议上发表于北京的讲话"),
            None
        );
    }

    #[test]
    fn a_posters_name_before_the_posts_date() {
        assert_eq!(
            poster("张某某 发表于 2019-07-31 12:30").as_deref(),
            Some("张某某")
        );
        assert_eq!(
            poster("zhang_88 发布于 2019-07-31").as_deref(),
            Some("zhang_88")
        );
        // No date, a label, several words, a number: no poster.
        assert_eq!(poster("张某某 发表于 讨论区"), None);
        assert_eq!(poster("作者 发表于 2019-07-31"), None);
        assert_eq!(poster("首页 新闻 发表于 2019-07-31"), None);
        assert_eq!(poster("2019 发表于 2019-07-31"), None);
        assert_eq!(poster("发表于 2019-07-31"), None);
        assert_eq!(
            poster("river_77  | 发表于 2009-3-2 08:15:40 | 显示全部楼层").as_deref(),
            Some("river_77")
        );
        assert_eq!(poster("回复 | 发表于 2005-8-4 21:37:32 | 只看该作者"), None);
        // A post bar without 发表于.
        assert_eq!(
            bar_poster("lake_fish|  楼主 | 2009-6-1 10:04 | 只看该作者 |倒序浏览").as_deref(),
            Some("lake_fish")
        );
        assert_eq!(
            bar_poster("查看35 | 回复4 | 2009-6-1 19:54:07 | 显示全部楼层 |阅读模式"),
            None
        );
        assert!(forum_bar(
            "查看35 | 回复4 | 2009-6-1 19:54:07 | 显示全部楼层 |阅读模式"
        ));
        assert!(!forum_bar("首页 | 新闻 | 2009-6-1 | 联系我们"));
    }
}
