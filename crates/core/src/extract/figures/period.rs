//! The period a figure refers to: 2017年, 2020年-2022年, “十三五”时期,
//! 今年上半年, 去年底, 截至5月25日, 近五年来.

use super::REACH;
use crate::text::cues::starts_with_at;
use crate::text::numbers;

/// The time the figure refers to: the nearest time expression before it in
/// the sentence (2017年, “十三五”时期, 去年, 截至5月25日).
pub(crate) fn period_before(
    chars: &[char],
    sent_start: usize,
    at: usize,
    _sent_end: usize,
) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    let mut i = sent_start.max(at.saturating_sub(REACH));
    while i < at {
        if let Some((len, p)) = period_at(chars, i, at) {
            best = Some((i, p));
            i += len;
        } else {
            i += 1;
        }
    }
    best.map(|b| b.1).filter(|p| !p.is_empty())
}

/// Parts of a year (longest first where they overlap): a period by
/// themselves (上半年) and a narrowing of a year (2023年前三季度).
const PARTS_OF_YEAR: &[&str] = &[
    "上半年",
    "下半年",
    "前三季度",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
];

/// Periods named relative to now, after [`PARTS_OF_YEAR`].
const RELATIVE_PERIODS: &[&str] = &[
    "近年来",
    "去年",
    "今年",
    "明年",
    "前年",
    "上年",
    "当年",
    "全年",
    "每年",
    "截至目前",
    "目前",
];

/// A period and what narrows it: 今年上半年, 去年底, 2023年前三季度.
fn period_at(chars: &[char], i: usize, limit: usize) -> Option<(usize, String)> {
    let (len, p) = period_head(chars, i, limit)?;
    if p.is_empty() || !p.ends_with('年') {
        return Some((len, p));
    }
    let at = i + len;
    for tail in PARTS_OF_YEAR
        .iter()
        .chain(&["年底", "年末", "底", "末", "初"])
    {
        if at + tail.chars().count() <= limit && starts_with_at(chars, at, tail) {
            let n = len + tail.chars().count();
            return Some((n, chars[i..i + n].iter().collect()));
        }
    }
    // 今年前5个月, 今年1至8月, 2023年1-10月
    let mut j = at;
    if starts_with_at(chars, j, "前") {
        j += 1;
    }
    let digits = |mut k: usize| {
        let s = k;
        while k < limit
            && (chars[k].is_ascii_digit() || crate::text::numbers::is_chinese_numeral(chars[k]))
        {
            k += 1;
        }
        (k > s).then_some(k)
    };
    if let Some(mut k) = digits(j) {
        if matches!(chars.get(k), Some('至' | '-' | '—' | '到' | '~')) {
            if let Some(m) = digits(k + 1) {
                k = m;
            }
        }
        let end = if starts_with_at(chars, k, "个月") {
            Some(k + 2)
        } else if chars.get(k) == Some(&'月') {
            Some(k + 1)
        } else {
            None
        };
        if let Some(e) = end.filter(|&e| e <= limit) {
            return Some((e - i, chars[i..e].iter().collect()));
        }
    }
    Some((len, p))
}

fn period_head(chars: &[char], i: usize, limit: usize) -> Option<(usize, String)> {
    let take = |n: usize| -> String { chars[i..(i + n).min(limit)].iter().collect() };
    // 2017年, 2020年-2022年, 2023年12月
    if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
        let mut j = i;
        while j < limit && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j - i == 4 && chars.get(j) == Some(&'年') && j < limit {
            let mut k = j + 1;
            // a range: 2020年-2022年 / 2020—2022年
            if matches!(chars.get(k), Some('-' | '—' | '至' | '到' | '~'))
                && chars.get(k + 1).is_some_and(|c| c.is_ascii_digit())
            {
                let mut m = k + 1;
                while m < limit && chars[m].is_ascii_digit() {
                    m += 1;
                }
                if m - (k + 1) == 4 && chars.get(m) == Some(&'年') {
                    k = m + 1;
                }
            }
            return Some((k - i, take(k - i)));
        }
        return None;
    }
    // 十三五
    if chars[i] == '十'
        && chars.get(i + 1).is_some_and(|c| "一二三四五".contains(*c))
        && chars.get(i + 2) == Some(&'五')
    {
        return Some((3, take(3)));
    }
    // 截至5月25日 / 截至2023年底
    if starts_with_at(chars, i, "截至") || starts_with_at(chars, i, "截止") {
        let mut j = i + 2;
        while j < limit && (chars[j].is_ascii_digit() || "年月日底末".contains(chars[j])) {
            j += 1;
        }
        if j > i + 2 {
            // The date itself: 截至5月25日 is as of 5月25日.
            return Some((j - i, chars[i + 2..j].iter().collect()));
        }
    }
    // 近四年来 / 近5年
    if chars[i] == '近' {
        let mut j = i + 1;
        while j < limit && (chars[j].is_ascii_digit() || numbers::is_chinese_numeral(chars[j])) {
            j += 1;
        }
        if j > i + 1 && chars.get(j) == Some(&'年') {
            let k = if chars.get(j + 1) == Some(&'来') {
                j + 2
            } else {
                j + 1
            };
            return Some((k - i, take(k - i)));
        }
    }
    for w in PARTS_OF_YEAR.iter().chain(RELATIVE_PERIODS) {
        if starts_with_at(chars, i, w) && i + w.chars().count() <= limit {
            // 目前 / 截至目前: "now" is no period, and overrides one before.
            let p = if w.ends_with("目前") {
                String::new()
            } else {
                w.to_string()
            };
            return Some((w.chars().count(), p));
        }
    }
    None
}
