//! Bytes to text: BOM, binary sniffing, UTF-8 / GB18030(GBK) / Big5 / UTF-16 detection.
//!
//! Never guesses silently: the encoding used is reported, and bytes that
//! could not be decoded are counted in a warning.

use encoding_rs::{Encoding, BIG5, GBK, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::Error;
use crate::model::{Warning, WarningKind};

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Name of the encoding used (`UTF-8`, `GBK`, `Big5`, `UTF-16LE`, `UTF-16BE`).
    pub encoding: &'static str,
    pub warnings: Vec<Warning>,
}

/// Share of replacement characters above which a decoding is rejected.
const MAX_BAD_SHARE: f64 = 0.02;

pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..], None);
    }
    if let Some(what) = binary_signature(bytes) {
        return Err(Error::Binary { what: what.into() });
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return finish(enc, bytes, None);
    }
    if bytes.contains(&0) {
        return Err(Error::Binary {
            what: "contains NUL bytes".into(),
        });
    }
    let declared = declared_charset(bytes);
    if std::str::from_utf8(bytes).is_ok() {
        return finish(UTF_8, bytes, declared);
    }
    // UTF-8 with a few damaged bytes (a truncated download, a bad copy) is
    // still UTF-8: legacy-encoded Chinese almost never forms long runs of
    // valid UTF-8 sequences, while GBK would read these bytes as mojibake.
    if mostly_utf8(bytes) {
        return finish(UTF_8, bytes, declared);
    }
    // Not UTF-8: try what the page declares, what chardetng guesses, then the
    // two legacy encodings of Chinese pages; keep the cleanest result.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let mut candidates: Vec<&'static Encoding> = Vec::new();
    for enc in [declared, Some(guess), Some(GBK), Some(BIG5)]
        .into_iter()
        .flatten()
    {
        let enc = enc.output_encoding();
        if enc != UTF_8 && !candidates.contains(&enc) {
            candidates.push(enc);
        }
    }
    // Score: Chinese characters decoded, minus a penalty per invalid sequence.
    // A single-byte guess decodes anything without errors but yields no Chinese.
    let mut best: Option<(&'static Encoding, i64)> = None;
    for enc in candidates {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count() as i64;
        let han = text
            .chars()
            .filter(|&c| crate::text::chars::is_han(c))
            .count() as i64;
        let score = 2 * han - 3 * bad;
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((enc, score));
        }
    }
    let (enc, _) = best.unwrap_or((GBK, 0));
    finish(enc, bytes, declared)
}

/// Valid multi-byte UTF-8 sequences outnumber invalid bytes by far: at least
/// 20 of them, and at most one invalid byte per 8 (or 3 in all).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.chars().filter(|c| c.len_utf8() > 1).count();
                break;
            }
            Err(e) => {
                let (ok, after) = rest.split_at(e.valid_up_to());
                good += std::str::from_utf8(ok)
                    .map(|s| s.chars().filter(|c| c.len_utf8() > 1).count())
                    .unwrap_or(0);
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                bad += skip;
                rest = &after[skip.min(after.len())..];
                if bad > 3 && bad * 8 > good + 64 {
                    return false;
                }
            }
        }
    }
    good >= 20 && (bad <= 3 || bad * 8 <= good)
}

fn finish(
    enc: &'static Encoding,
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, Error> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    let total = text.chars().count().max(1);
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        if bad > 8 && bad as f64 / total as f64 > MAX_BAD_SHARE {
            return Err(Error::Undecodable {
                reason: format!(
                    "{bad} of {total} characters are invalid in {}, the closest encoding (tried UTF-8, GBK/GB18030, Big5)",
                    enc.name()
                ),
            });
        }
        warnings.push(Warning {
            kind: WarningKind::DecodeErrors,
            message: format!(
                "{bad} byte sequence(s) invalid in {}; shown as U+FFFD",
                enc.name()
            ),
            span: None,
        });
    }
    if let Some(d) = declared {
        if d.output_encoding() != enc {
            warnings.push(Warning {
                kind: WarningKind::EncodingMismatch,
                message: format!(
                    "the page declares {} but is written in {}; decoded as {}",
                    d.name(),
                    enc.name(),
                    enc.name()
                ),
                span: None,
            });
        }
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 100 > total {
        return Err(Error::Binary {
            what: format!("{controls} control characters"),
        });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding_label(enc),
        warnings,
    })
}

fn encoding_label(enc: &'static Encoding) -> &'static str {
    if enc == GBK {
        "GBK"
    } else {
        enc.name()
    }
}

/// Names well-known binary formats by their magic bytes.
fn binary_signature(b: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"PK\x05\x06", "ZIP archive"),
        (b"%PDF", "PDF document"),
        (b"GIF8", "GIF image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"7z\xBC\xAF", "7-Zip archive"),
        (b"Rar!", "RAR archive"),
        (b"\x7FELF", "executable"),
        (b"\0asm", "WebAssembly module"),
        (b"RIFF", "RIFF media file"),
        (b"\xD0\xCF\x11\xE0", "Office document"),
        (b"JJJCORP\0", "corpus bundle"),
    ];
    SIGS.iter()
        .find(|(sig, _)| b.starts_with(sig))
        .map(|(_, w)| *w)
}

/// UTF-16 without a BOM shows as text with every other byte zero.
fn utf16_without_bom(b: &[u8]) -> Option<&'static Encoding> {
    let n = b.len().min(4096) & !1;
    if n < 8 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &x) in b[..n].iter().enumerate() {
        if x == 0 {
            if i % 2 == 0 {
                even += 1
            } else {
                odd += 1
            }
        }
    }
    let pairs = n / 2;
    if odd * 10 > pairs * 4 && even * 20 < pairs {
        Some(UTF_16LE)
    } else if even * 10 > pairs * 4 && odd * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The charset an HTML page declares in its first 4 KB (`<meta charset=…>`).
fn declared_charset(b: &[u8]) -> Option<&'static Encoding> {
    let head = &b[..b.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|c| c.to_ascii_lowercase()).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &lower[pos + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_a_few_damaged_bytes_stays_utf8() {
        let text =
            "北京市一般制造业企业持续疏解，一批企业迁往河北沧州和天津武清，共引进项目120个。";
        let mut bytes = text.as_bytes()[..40].to_vec();
        bytes.extend_from_slice(b"\xff\xfe\xc0\x80");
        bytes.extend_from_slice(text.as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("迁往河北沧州"));
        assert!(d
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::DecodeErrors));
        // GBK Chinese is not mistaken for damaged UTF-8.
        let (gbk, _, _) = GBK.encode(text);
        assert!(!mostly_utf8(&gbk));
        assert_eq!(decode(&gbk).unwrap().encoding, "GBK");
    }

    #[test]
    fn gbk_bytes_are_detected_and_named() {
        let (bytes, _, _) = GBK.encode("北京疏解非首都功能，河北承接产业转移。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.text, "北京疏解非首都功能，河北承接产业转移。");
    }

    #[test]
    fn big5_bytes_are_detected_and_named() {
        let (bytes, _, _) = BIG5.encode("北京疏解非首都功能，河北承接產業轉移，雄安新區建設。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert!(d.text.contains("產業轉移"));
    }

    #[test]
    fn a_gbk_page_with_a_few_stray_bytes_is_still_gbk() {
        let mut bytes = GBK
            .encode("<p>河北承接北京项目进展顺利。</p>")
            .0
            .into_owned();
        bytes.extend_from_slice(b"\xff\xfe\x80");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("河北承接北京项目进展顺利"));
        assert!(d
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::DecodeErrors));
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "京津冀协同发展".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, "京津冀协同发展");
    }

    #[test]
    fn binary_and_empty_inputs_are_errors() {
        assert!(matches!(decode(b""), Err(Error::Empty)));
        assert!(matches!(decode(b" \n\t "), Err(Error::Empty)));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(decode(png).unwrap_err().to_string().contains("PNG"));
        assert!(matches!(
            decode(b"abc\0\x01\x02def\0"),
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn gbk_page_that_claims_utf8_is_decoded_as_gbk_with_a_warning() {
        let mut page = b"<html><head><meta charset=\"utf-8\"></head><body>".to_vec();
        page.extend_from_slice(
            &GBK.encode("雄安新区承接北京非首都功能疏解，产业项目陆续落地。")
                .0,
        );
        page.extend_from_slice(b"</body></html>");
        let d = decode(&page).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert!(d
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::EncodingMismatch));
    }
}
