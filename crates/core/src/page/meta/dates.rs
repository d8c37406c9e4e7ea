//! Dates as pages write them: 2021-05-29, 2021年5月29日, 22.01.2018,
//! 二〇二三年三月一日, in a `<meta>` value, in a page's address; and dates of
//! a life, which are not a page's.

/// A calendar date found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// Char range in the line.
    pub start: usize,
    pub end: usize,
    /// Followed by 星期X / 周X: a "today is" header, not a publication date.
    pub weekday: bool,
}

pub(super) fn valid_ymd(y: u32, m: u32, d: u32) -> bool {
    if !(1949..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    d <= days[(m - 1) as usize]
}

fn digits(chars: &[char], i: usize) -> (u32, usize) {
    let mut j = i;
    let mut v: u32 = 0;
    while j < chars.len() && chars[j].is_ascii_digit() && j - i < 5 {
        v = v * 10 + chars[j].to_digit(10).unwrap_or(0);
        j += 1;
    }
    (v, j - i)
}

/// Does `line` end with a full date (and its time: · 2017-11-26 10:39), or
/// start with a date and a time (2017-09-01 05:26:10 中国青年网)? A header's
/// timestamp, which a bar of links around it does not make a menu.
pub fn dated_edge(line: &str) -> bool {
    let line = line.trim();
    let is_time = |t: &str| {
        let t = t.trim();
        !t.is_empty() && t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':')
    };
    find_dates(line).iter().filter(|d| !d.weekday).any(|d| {
        let tail: String = line.chars().skip(d.end).collect();
        let tail = tail.trim();
        let time_after = is_time(tail.split_whitespace().next().unwrap_or(""));
        tail.is_empty() || is_time(tail) || (d.start == 0 && time_after)
    })
}

/// Every valid full date in `line`: `2021-05-29`, `2021/5/29`, `2021.05.29`,
/// `2021年5月29日`, and day-first `22.01.2018`. Impossible dates
/// (2021-13-45) are not dates.
pub fn find_dates(line: &str) -> Vec<FoundDate> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = chinese_numeral_dates(&chars);
    out.extend(year_then_day(&chars));
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let (a, la) = digits(&chars, i);
        let mut found: Option<(u32, u32, u32, usize)> = None;
        let sep1 = chars.get(i + la).copied();
        if let Some(s1) = sep1.filter(|c| matches!(c, '-' | '/' | '.' | '年')) {
            let j = i + la + 1;
            let (b, lb) = digits(&chars, j);
            let sep2 = chars.get(j + lb).copied();
            let expect2 = match s1 {
                '年' => '月',
                c => c,
            };
            if lb > 0 && lb <= 2 && sep2 == Some(expect2) {
                let k = j + lb + 1;
                let (c, lc) = digits(&chars, k);
                let mut end = k + lc;
                if s1 == '年' && matches!(chars.get(end), Some('日' | '号')) {
                    end += 1;
                }
                let complete =
                    s1 != '年' || chars.get(k + lc).is_some_and(|c| matches!(c, '日' | '号'));
                if la == 4 && (1..=2).contains(&lc) && complete {
                    found = Some((a, b, c, end));
                } else if la <= 2 && lc == 4 && s1 == '.' {
                    // 22.01.2018: day first.
                    found = Some((c, b, a, end));
                } else if la <= 2 && lc == 4 && s1 == '/' && a > 12 {
                    found = Some((c, b, a, end));
                } else if la <= 2 && lc == 4 && s1 == '/' && (b > 12 || clock_12h(&chars[end..])) {
                    // 6/20/2018, or 6/5/2018 4:44:28 PM: month first, as
                    // servers set to US English print a date.
                    found = Some((c, a, b, end));
                }
            }
        } else if la == 8 && (19..=21).contains(&(a / 1_000_000)) {
            // 20210529 is only taken in a labelled context by callers; skip here.
        }
        match found {
            Some((y, m, d, end)) if valid_ymd(y, m, d) => {
                let tail: String = chars[end..].iter().take(6).collect();
                let tail = tail.trim_start();
                let weekday =
                    tail.starts_with("星期") || tail.starts_with("周") || tail.starts_with("礼拜");
                out.push(FoundDate {
                    iso: format!("{y:04}-{m:02}-{d:02}"),
                    start: i,
                    end,
                    weekday,
                });
                i = end;
            }
            _ => i += la.max(1),
        }
    }
    out.sort_by_key(|d| d.start);
    out
}

/// 新华网's header sets the year apart from the day, then the time:
/// `2023 12/19 11:26:29` (also `2023 12/ 19`). Only with the time after it.
fn year_then_day(chars: &[char]) -> Vec<FoundDate> {
    let mut out = Vec::new();
    let skip = |mut k: usize| {
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        k
    };
    for i in 0..chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            continue;
        }
        let (y, ly) = digits(chars, i);
        if ly != 4 || chars.get(i + 4) != Some(&' ') {
            continue;
        }
        let j = skip(i + 4);
        let (m, lm) = digits(chars, j);
        if !(1..=2).contains(&lm) || chars.get(j + lm) != Some(&'/') {
            continue;
        }
        let k = skip(j + lm + 1);
        let (d, ld) = digits(chars, k);
        let end = k + ld;
        let t = skip(end);
        let (_, lh) = digits(chars, t);
        let timed = end < t && (1..=2).contains(&lh) && chars.get(t + lh) == Some(&':');
        if (1..=2).contains(&ld) && timed && valid_ymd(y, m, d) {
            out.push(FoundDate {
                iso: format!("{y:04}-{m:02}-{d:02}"),
                start: i,
                end,
                weekday: false,
            });
        }
    }
    out
}

/// Does a 12-hour time follow (` 4:44:28 PM`)?
fn clock_12h(rest: &[char]) -> bool {
    let t: String = rest.iter().take(14).collect();
    let mut w = t.split_whitespace();
    let time = w.next().unwrap_or("");
    let half = w.next().unwrap_or("");
    time.contains(':')
        && time.chars().all(|c| c.is_ascii_digit() || c == ':')
        && matches!(half, "AM" | "PM" | "am" | "pm")
}

fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or((c == '零').then_some(0))
}

/// 一 … 三十一 (month and day numbers).
fn cn_small(chars: &[char]) -> Option<u32> {
    match chars {
        [a] if *a == '十' => Some(10),
        [a] => cn_digit(*a).filter(|&d| d > 0),
        ['十', b] => cn_digit(*b).filter(|&d| d > 0).map(|d| 10 + d),
        [a, '十'] => cn_digit(*a).filter(|&d| d > 0).map(|d| d * 10),
        [a, '十', b] => Some(cn_digit(*a)? * 10 + cn_digit(*b).filter(|&d| d > 0)?),
        _ => None,
    }
}

/// Dates written in Chinese numerals: 二〇二三年三月一日, 二零二三年十二月三十一日.
fn chinese_numeral_dates(chars: &[char]) -> Vec<FoundDate> {
    let mut out = Vec::new();
    let is_cn = |c: char| cn_digit(c).is_some() || c == '十';
    let mut i = 0;
    while i + 4 < chars.len() {
        let year: Option<u32> = chars[i..i + 4]
            .iter()
            .try_fold(0u32, |acc, &c| cn_digit(c).map(|d| acc * 10 + d));
        let starts_run = i == 0 || !is_cn(chars[i - 1]);
        if let (Some(y), true, Some('年')) = (year, starts_run, chars.get(i + 4)) {
            let m_start = i + 5;
            let m_end = (m_start..chars.len())
                .find(|&k| !is_cn(chars[k]))
                .unwrap_or(chars.len());
            if chars.get(m_end) == Some(&'月') {
                let d_start = m_end + 1;
                let d_end = (d_start..chars.len())
                    .find(|&k| !is_cn(chars[k]))
                    .unwrap_or(chars.len());
                if matches!(chars.get(d_end), Some('日' | '号')) {
                    if let (Some(m), Some(d)) = (
                        cn_small(&chars[m_start..m_end]),
                        cn_small(&chars[d_start..d_end]),
                    ) {
                        if valid_ymd(y, m, d) {
                            let tail: String = chars[d_end + 1..].iter().take(6).collect();
                            let tail = tail.trim_start();
                            out.push(FoundDate {
                                iso: format!("{y:04}-{m:02}-{d:02}"),
                                start: i,
                                end: d_end + 1,
                                weekday: tail.starts_with("星期") || tail.starts_with("周"),
                            });
                            i = d_end + 1;
                            continue;
                        }
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// Parses an ISO-ish date from an HTML `<meta>` value (`2023-04-01T08:00:00+08:00`).
pub fn date_from_hint(hint: &str) -> Option<String> {
    find_dates(hint)
        .into_iter()
        .next()
        .map(|d| d.iso)
        .or_else(|| {
            // 20230305 (or 20230305091200): a value that is only the digits.
            let t = hint.trim();
            let digits = t.len() >= 8 && t.bytes().all(|b| b.is_ascii_digit());
            let n = |r: std::ops::Range<usize>| t.get(r)?.parse::<u32>().ok();
            let (y, m, d) = (n(0..4)?, n(4..6)?, n(6..8)?);
            (digits && matches!(t.len(), 8 | 12 | 14) && valid_ymd(y, m, d))
                .then(|| format!("{y:04}-{m:02}-{d:02}"))
        })
}

/// A date in a page's address: `/2022-02/13/`, `/2022/0213/`, `/2022-02-13/`,
/// `/2022/02/13/`, `/20220213/`, `t20220213_`. Only a valid date between
/// 1990 and 2099 counts, and a run of digits longer than a date is an id.
pub fn date_from_url(url: &str) -> Option<String> {
    let b = url.as_bytes();
    let num = |s: usize, n: usize| -> Option<u32> {
        let w = b.get(s..s + n)?;
        w.iter()
            .all(u8::is_ascii_digit)
            .then(|| w.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')))
    };
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for s in 0..b.len() {
        if !digit(s) || (s > 0 && digit(s - 1)) {
            continue;
        }
        let Some(y) = num(s, 4).filter(|y| (1990..2100).contains(y)) else {
            continue;
        };
        let at = |i: usize, c: u8| b.get(i) == Some(&c);
        let sep = |i: usize| at(i, b'-') || at(i, b'/');
        // (month at, day at, end, whether the separators fit) per shape.
        let shapes = [
            // 20220213, t20220213_
            (s + 4, s + 6, s + 8, true),
            // 2022-02/13, 2022-02-13, 2022/02/13
            (s + 5, s + 8, s + 10, sep(s + 4) && sep(s + 7)),
            // 2022/0213
            (s + 5, s + 7, s + 9, at(s + 4, b'/')),
        ];
        for (m_at, d_at, end, ok) in shapes {
            if !ok || digit(end) {
                continue;
            }
            let (Some(m), Some(d)) = (num(m_at, 2), num(d_at, 2)) else {
                continue;
            };
            if valid_ymd(y, m, d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    None
}

/// A date of a life, not of a page: 1976年5月生, 出生于…, 逝世.
/// A date something is counted from (自 2016-07-26 以来 本文点击数): the
/// start of a tally, not the page's.
pub fn is_since(line: &str, d: &FoundDate) -> bool {
    let after: String = line.chars().skip(d.end).take(4).collect();
    let after = after.trim_start();
    // (2023-05-10 以来源：… is a date, then its source's label.)
    after.starts_with("以来") && !after.starts_with("以来源")
}

/// A date the page tells of, not its own: a life's (1976年5月12日生) or
/// the start of a tally (自 2016-07-26 以来).
pub fn told_date(line: &str, d: &FoundDate) -> bool {
    is_life_date(line, d) || is_since(line, d)
}

pub fn is_life_date(line: &str, d: &FoundDate) -> bool {
    let after: String = line.chars().skip(d.end).take(4).collect();
    let before: String = line.chars().take(d.start).collect();
    ["生", "出生", "诞生", "逝世", "去世", "病逝", "卒"]
        .iter()
        .any(|w| after.trim_start_matches(['，', ' ']).starts_with(w))
        || before.ends_with("生于")
        || before.ends_with("出生于")
}
