//! Numbers as the news writes them: 2154, 13,901.17, 1.3万, 49232.1万,
//! 二〇二三, 一千二百, 两万, 十三, 百亿.

/// A number found at a char position: its value and its length in chars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub len: usize,
    /// Written with Chinese numerals (一千二百) rather than digits.
    pub chinese: bool,
    /// Carries a 万/亿 scale (1.3万, 百亿).
    pub scaled: bool,
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

pub fn is_chinese_numeral(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// Parses the number starting at `chars[at]`, if one does.
pub fn parse_at(chars: &[char], at: usize) -> Option<Number> {
    let c = *chars.get(at)?;
    if c.is_ascii_digit() {
        parse_arabic(chars, at)
    } else if is_chinese_numeral(c) {
        parse_chinese(chars, at)
    } else {
        None
    }
}

fn parse_arabic(chars: &[char], at: usize) -> Option<Number> {
    let mut i = at;
    let mut s = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            s.push(c);
            i += 1;
        } else if c == ','
            && !s.contains('.')
            && chars.len() > i + 3
            && chars[i + 1..i + 4].iter().all(|d| d.is_ascii_digit())
            && !chars.get(i + 4).is_some_and(|d| d.is_ascii_digit())
        {
            // Thousands separator: exactly three digits follow.
            i += 1;
        } else if c == '.'
            && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
            && !s.contains('.')
        {
            s.push('.');
            i += 1;
        } else {
            break;
        }
        if s.len() > 40 {
            // A 400-digit "number" is not a figure anyone reported.
            return None;
        }
    }
    let mut value: f64 = s.parse().ok()?;
    let mut scaled = false;
    // Scales after the digits: 1.3万, 13901.17亿, 2万亿, 5千万.
    let mut mult = 1.0;
    while let Some(&c) = chars.get(i) {
        if let Some(m) = big_unit(c) {
            mult *= m;
            scaled = true;
            i += 1;
        } else if c == '千' && chars.get(i + 1).is_some_and(|&d| big_unit(d).is_some()) {
            mult *= 1000.0;
            i += 1;
        } else {
            break;
        }
    }
    value *= mult;
    value.is_finite().then_some(Number {
        value,
        len: i - at,
        chinese: false,
        scaled,
    })
}

/// 一千二百三十四, 十三, 两万, 三千五百万, 百亿, 二〇二三 (digit by digit).
fn parse_chinese(chars: &[char], at: usize) -> Option<Number> {
    let mut end = at;
    while end < chars.len() && is_chinese_numeral(chars[end]) {
        end += 1;
        if end - at > 24 {
            return None;
        }
    }
    let run = &chars[at..end];
    // Digit by digit (二〇二三, 一九九八): only digits, with a 〇/零 or at
    // least three of them (三五 is "three to five", not 35).
    if run.iter().all(|&c| digit(c).is_some())
        && (run.len() >= 3 || (run.len() == 2 && run.iter().any(|&c| matches!(c, '〇' | '零'))))
    {
        let mut v = 0.0;
        for &c in run {
            v = v * 10.0 + f64::from(digit(c)?);
        }
        return Some(Number {
            value: v,
            len: run.len(),
            chinese: true,
            scaled: false,
        });
    }
    let mut total = 0.0; // sections already closed by 亿
    let mut section = 0.0; // below 亿, closed by 万
    let mut chunk = 0.0; // below 万
    let mut pending: Option<f64> = None; // a digit waiting for its unit
    let mut scaled = false;
    for &c in run {
        if let Some(d) = digit(c) {
            if pending.is_some() {
                // Two digits in a row (三五): not a number we can read.
                return None;
            }
            pending = Some(f64::from(d));
        } else if let Some(u) = small_unit(c) {
            chunk += pending.take().unwrap_or(1.0) * u;
        } else if let Some(u) = big_unit(c) {
            scaled = true;
            let part = chunk + pending.take().unwrap_or(0.0);
            let part = if part == 0.0 { 1.0 } else { part };
            if u == 1e8 {
                total = (total + section + part) * u;
                section = 0.0;
            } else {
                section += part * u;
            }
            chunk = 0.0;
        }
    }
    let value = total + section + chunk + pending.unwrap_or(0.0);
    Some(Number {
        value,
        len: run.len(),
        chinese: true,
        scaled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(f64, usize)> {
        let c: Vec<char> = s.chars().collect();
        parse_at(&c, 0).map(|n| (n.value, n.len))
    }

    #[test]
    fn arabic_numbers_with_scales_and_separators() {
        assert_eq!(p("2154家"), Some((2154.0, 4)));
        assert_eq!(p("13901.17亿元"), Some((1_390_117_000_000.0, 9)));
        assert_eq!(p("49232.1万美元"), Some((492_321_000.0, 8)));
        assert_eq!(p("1.3万家"), Some((13000.0, 4)));
        assert_eq!(p("2万亿"), Some((2e12, 3)));
        assert_eq!(p("12,500个"), Some((12500.0, 6)));
        assert_eq!(p("8.4%"), Some((8.4, 3)));
        assert_eq!(p("3."), Some((3.0, 1)));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(p("十三"), Some((13.0, 2)));
        assert_eq!(p("一千二百三十四"), Some((1234.0, 7)));
        assert_eq!(p("两万"), Some((20000.0, 2)));
        assert_eq!(p("三千五百万"), Some((35_000_000.0, 5)));
        assert_eq!(p("百亿"), Some((1e10, 2)));
        assert_eq!(p("二〇二三"), Some((2023.0, 4)));
        assert_eq!(p("十万八千"), Some((108_000.0, 4)));
        assert_eq!(p("一亿二千万"), Some((120_000_000.0, 5)));
        assert_eq!(p("万"), Some((10000.0, 1)));
        assert_eq!(p("三五"), None);
    }

    #[test]
    fn absurd_lengths_are_not_numbers() {
        let long = "9".repeat(400);
        assert_eq!(p(&long), None);
    }
}
