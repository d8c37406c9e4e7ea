//! The years a stated period stands for: `2023年` is 2023, `2020年-2022年`
//! is 2020–2022, `十三五` is 2016–2020, and `去年` is the year before the
//! article's. What no year can be read from (`近五年来`, `5月25日` without
//! an article date) gives none: a wrong year is worse than none.

/// The first and last year `period` (as [`crate::model::Figure::period`]
/// writes it) refers to. `published` is the article's year, which relative
/// periods (去年, 今年上半年) and dates without a year (5月25日) need.
pub fn years(period: &str, published: Option<i32>) -> Option<(i32, i32)> {
    let p = period.trim();
    // 2023年, 2023年底, 2023年1-10月, 2020年-2022年, 2020—2022年
    let digits: Vec<i32> = four_digit_years(p);
    if let Some(&first) = digits.first() {
        let last = *digits.get(1).unwrap_or(&first);
        return (first <= last).then_some((first, last));
    }
    // 十一五 … 十五五: the five-year plans, 十一五 = 2006–2010.
    let plan: Vec<char> = p.chars().collect();
    if let Some(i) = (0..plan.len().saturating_sub(2))
        .find(|&i| plan[i] == '十' && plan[i + 2] == '五' && "一二三四五".contains(plan[i + 1]))
    {
        let n = "一二三四五".chars().position(|c| c == plan[i + 1])? as i32 + 1;
        let start = 2006 + 5 * (n - 1);
        return Some((start, start + 4));
    }
    let y = published?;
    let relative = [
        ("前年", -2),
        ("去年", -1),
        ("上年", -1),
        ("今年", 0),
        ("当年", 0),
        ("明年", 1),
    ];
    if let Some((_, d)) = relative.iter().find(|(w, _)| p.starts_with(w)) {
        return Some((y + d, y + d));
    }
    // A part of the article's year, or a date in it: 上半年, 一季度, 5月25日.
    let part_of_year = ["上半年", "下半年", "季度", "全年"]
        .iter()
        .any(|w| p.contains(w))
        || (p.contains('月') && p.chars().next().is_some_and(|c| c.is_ascii_digit()));
    part_of_year.then_some((y, y))
}

/// [`years`] as people write it: `2023`, `2016–2020`, or empty.
pub fn label(period: Option<&str>, published: Option<i32>) -> String {
    match period.and_then(|p| years(p, published)) {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
        None => String::new(),
    }
}

/// The four-digit years (1900–2099) written in `p`, in order.
fn four_digit_years(p: &str) -> Vec<i32> {
    let chars: Vec<char> = p.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - s == 4 && chars.get(i) == Some(&'年')
                || i - s == 4
                    && out.is_empty()
                    && matches!(chars.get(i), Some('-' | '—' | '至' | '到' | '~'))
            {
                let y: i32 = chars[s..i].iter().collect::<String>().parse().unwrap_or(0);
                if (1900..2100).contains(&y) {
                    out.push(y);
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::years;

    #[test]
    fn a_stated_year_or_range_is_read_as_written() {
        assert_eq!(years("2023年", None), Some((2023, 2023)));
        assert_eq!(years("2023年前三季度", Some(2024)), Some((2023, 2023)));
        assert_eq!(years("2020年-2022年", None), Some((2020, 2022)));
        assert_eq!(years("2020—2022年", None), Some((2020, 2022)));
        assert_eq!(years("2023年底", None), Some((2023, 2023)));
    }

    #[test]
    fn labels_are_a_year_or_a_range() {
        assert_eq!(super::label(Some("十三五"), None), "2016–2020");
        assert_eq!(super::label(Some("去年"), Some(2021)), "2020");
        assert_eq!(super::label(Some("去年"), None), "");
        assert_eq!(super::label(None, Some(2021)), "");
    }

    #[test]
    fn five_year_plans_are_their_five_years() {
        assert_eq!(years("十三五", None), Some((2016, 2020)));
        assert_eq!(years("十四五", Some(2022)), Some((2021, 2025)));
        assert_eq!(years("十一五", None), Some((2006, 2010)));
    }

    #[test]
    fn relative_periods_need_the_articles_year() {
        assert_eq!(years("去年", Some(2021)), Some((2020, 2020)));
        assert_eq!(years("去年底", Some(2021)), Some((2020, 2020)));
        assert_eq!(years("今年上半年", Some(2019)), Some((2019, 2019)));
        assert_eq!(years("上半年", Some(2019)), Some((2019, 2019)));
        assert_eq!(years("5月25日", Some(2019)), Some((2019, 2019)));
        assert_eq!(years("去年", None), None);
        assert_eq!(years("5月25日", None), None);
    }

    #[test]
    fn spans_of_years_without_an_end_give_none() {
        assert_eq!(years("近五年来", Some(2020)), None);
        assert_eq!(years("近5年", Some(2020)), None);
        assert_eq!(years("", Some(2020)), None);
    }
}
