//! Repairs that are certain: HTML entities, pinyin annotations inserted after
//! characters by converters (`協(xié)同` → `協同`), doubled punctuation from
//! conversion (`,,` `,、`), invisible format characters, ragged whitespace.
//!
//! Anything uncertain (mojibake, `?` for a character) is left alone here and
//! reported by [`crate::page::damage`].

/// Applies every certain repair; lines are trimmed and blank lines dropped.
pub fn repair(text: &str) -> String {
    let text = decode_entities(text);
    let text = remove_pinyin_annotations(&text);
    let mut out = String::with_capacity(text.len());
    for line in text.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
        let line = clean_line(line);
        if !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.pop();
    out
}

/// Invisible characters with no meaning in news text: zero-width spaces and
/// joiners, bidi controls, BOMs, soft hyphens.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{AD}' | '\u{180E}')
        || (c.is_control() && c != '\t')
}

fn clean_line(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if is_invisible(c) {
            continue;
        }
        // Tabs, NBSP and the like collapse into one space; the ideographic
        // space (U+3000) is indentation in Chinese text and collapses too.
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !s.is_empty() {
            s.push(' ');
        }
        space = false;
        s.push(c);
    }
    collapse_doubled_punctuation(&s)
}

/// `，，` `,,` `,、` `、、` → one mark (the enumeration comma wins);
/// `。。` → `。`; `：：` → `：`. Longer runs such as `。。。` (an ellipsis) stay.
fn collapse_doubled_punctuation(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_comma(c) {
            let mut j = i;
            while j < chars.len() && is_comma(chars[j]) {
                j += 1;
            }
            let run = &chars[i..j];
            if run.len() > 1 {
                out.push(if run.contains(&'、') { '、' } else { run[0] });
            } else {
                out.push(c);
            }
            i = j;
            continue;
        }
        if matches!(c, '。' | '：' | ':')
            && chars.get(i + 1) == Some(&c)
            && chars.get(i + 2) != Some(&c)
            && (i == 0 || chars[i - 1] != c)
        {
            out.push(c);
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',' | '、')
}

/// Decodes HTML character references; `&amp;nbsp;` (double-escaped) too.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let once = decode_entities_once(s);
    if once.contains('&') && once != s {
        decode_entities_once(&once)
    } else {
        once
    }
}

fn decode_entities_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..]
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i + 1);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "deg" => '°',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "yen" => '¥',
        "laquo" => '«',
        "raquo" => '»',
        "permil" => '‰',
        "plusmn" => '±',
        _ => return None,
    })
}

/// Tone-marked vowels (and ü) that only pinyin uses.
fn is_pinyin_mark(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || is_pinyin_mark(c)
}

/// Removes `(xié)` / `（xié）` after a Chinese character (or after the `?`
/// standing for one): one syllable of lowercase letters with a tone mark.
pub fn remove_pinyin_annotations(s: &str) -> String {
    if !s.contains(['(', '（', '?']) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '(' || c == '（')
            && i > 0
            && (crate::text::chars::is_han(chars[i - 1]) || chars[i - 1] == '?')
        {
            let close = if c == '(' { ')' } else { '）' };
            let mut j = i + 1;
            while j < chars.len() && j - i <= 7 && is_pinyin_letter(chars[j]) {
                j += 1;
            }
            let syllable = &chars[i + 1..j];
            if j < chars.len()
                && chars[j] == close
                && (1..=6).contains(&syllable.len())
                && syllable.iter().any(|&c| is_pinyin_mark(c))
            {
                i = j + 1;
                continue;
            }
        }
        // The converter sometimes lost the character *and* a parenthesis:
        // `?shù` or `?yīng)` after a `?` — the pinyin still goes.
        if c == '?' {
            let mut j = i + 1;
            if matches!(chars.get(j), Some('(' | '（')) {
                j += 1;
            }
            let s0 = j;
            while j < chars.len() && j - s0 <= 6 && is_pinyin_letter(chars[j]) {
                j += 1;
            }
            let syllable = &chars[s0..j];
            let next_ok = chars.get(j).is_none_or(|c| !c.is_ascii_alphanumeric());
            if (1..=6).contains(&syllable.len())
                && syllable.iter().any(|&c| is_pinyin_mark(c))
                && next_ok
            {
                if matches!(chars.get(j), Some(')' | '）')) {
                    j += 1;
                }
                out.push('?');
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_annotations_after_characters_are_removed() {
        assert_eq!(remove_pinyin_annotations("協(xié)同發(fā)展"), "協同發展");
        assert_eq!(
            remove_pinyin_annotations("產(chǎn)業(yè)經(jīng)濟(jì)帶"),
            "產業經濟帶"
        );
        assert_eq!(remove_pinyin_annotations("規?(yīng)用"), "規?用");
        assert_eq!(
            remove_pinyin_annotations("瘧?yīng)用 當?shù)卣?wù)服務"),
            "瘧?用 當?卣?服務"
        );
        assert_eq!(remove_pinyin_annotations("是吗?ok"), "是吗?ok");
        // Real parentheses stay: English words, Chinese, tone-less letters.
        assert_eq!(remove_pinyin_annotations("SMC(天津)制造"), "SMC(天津)制造");
        assert_eq!(
            remove_pinyin_annotations("亦庄(yizhuang)"),
            "亦庄(yizhuang)"
        );
        assert_eq!(remove_pinyin_annotations("芯片(chip)"), "芯片(chip)");
    }

    #[test]
    fn doubled_punctuation_is_collapsed() {
        assert_eq!(
            repair("建材,,機械,、家具、、木制品"),
            "建材,機械、家具、木制品"
        );
        assert_eq!(repair("完成。。下一步"), "完成。下一步");
        assert_eq!(repair("他说。。。"), "他说。。。");
    }

    #[test]
    fn entities_invisible_characters_and_whitespace() {
        assert_eq!(
            repair("&ldquo;疏解&rdquo;&amp;nbsp;提升&#x4E2D;&#22269;"),
            "“疏解” 提升中国"
        );
        assert_eq!(
            repair("  \u{3000}\u{3000}京津\u{200B}冀 \t 协同\r\n\r\n\n下一段  "),
            "京津冀 协同\n下一段"
        );
        assert_eq!(repair("&bogus; & &#0;"), "&bogus; & &#0;");
    }
}
