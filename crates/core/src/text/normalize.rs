//! The analysis form of a text: simplified script, mainland vocabulary where a
//! converter left Taiwan words, half-width letters and digits, full-width
//! Chinese punctuation; and a position map back to the text as written.
//!
//! OpenCC's `t2s` tables (Apache-2.0, via `ferrous-opencc`) do the script;
//! [`VOCABULARY`] holds the substitutions that machine conversion makes and
//! `t2s` does not undo.

use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::LazyLock;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

use crate::model::{OffsetMap, Script, Segment};
use crate::text::chars::is_han;

static T2S: LazyLock<Option<OpenCC>> =
    LazyLock::new(|| OpenCC::from_config(BuiltinConfig::T2s).ok());

/// Taiwan-vocabulary and conversion artifacts → mainland usage, written on the
/// simplified side (they apply after `t2s`). `(from, to, not_after, not_before)`:
/// the rule is skipped when `from` follows one of `not_after`'s characters or
/// is followed by one of the `not_before` words (e.g. 油气管道 is a pipeline).
pub const VOCABULARY: &[(&str, &str, &str, &[&str])] = &[
    ("资讯", "信息", "", &[]),
    ("点比特", "点位", "", &[]),
    ("数位化", "数字化", "", &[]),
    ("数位", "数字", "", &[]),
    ("首长部门", "主管部门", "", &[]),
    ("专案", "项目", "", &["组"]),
    ("全域性", "全局性", "", &[]),
    ("稽核", "审核", "", &[]),
    (
        "管道",
        "渠道",
        "油气水燃排污输供热暖地管钢",
        &[
            "运输",
            "工程",
            "建设",
            "铺设",
            "泄漏",
            "燃气",
            "天然气",
            "网",
        ],
    ),
    ("智慧制造", "智能制造", "", &[]),
    ("智慧网联", "智能网联", "", &[]),
    ("智慧汽车", "智能汽车", "", &[]),
    ("智慧装备", "智能装备", "", &[]),
    ("人工智慧", "人工智能", "", &[]),
    ("网际网路", "互联网", "", &[]),
    ("网路", "网络", "", &[]),
    ("软体", "软件", "", &[]),
    ("硬体", "硬件", "", &[]),
    ("晶片", "芯片", "", &[]),
    ("伺服器", "服务器", "", &[]),
    ("资料库", "数据库", "", &[]),
    ("透过", "通过", "", &[]),
    ("水准", "水平", "", &[]),
    ("战畧", "战略", "", &[]),
    ("畧", "略", "", &[]),
    // 著 as the aspect particle (t2s cannot tell it from 著 in 显著, 著名).
    ("随著", "随着", "", &[]),
    ("意味著", "意味着", "", &[]),
    ("有著", "有着", "", &[]),
    ("接著", "接着", "", &[]),
    ("沿著", "沿着", "", &[]),
    ("朝著", "朝着", "", &[]),
    ("向著", "向着", "", &[]),
    ("围绕著", "围绕着", "", &[]),
    ("著力", "着力", "", &[]),
    ("著重", "着重", "", &[]),
    ("著眼", "着眼", "", &[]),
    ("著手", "着手", "", &[]),
];

/// [`VOCABULARY`]'s keys as chars, made once.
static VOCABULARY_CHARS: LazyLock<Vec<Vec<char>>> = LazyLock::new(|| {
    VOCABULARY
        .iter()
        .map(|(f, ..)| f.chars().collect())
        .collect()
});

/// The rules by their first character, in [`VOCABULARY`] order, so a
/// position is only compared with the rules that can start there.
static VOCABULARY_BY_FIRST: LazyLock<HashMap<char, Vec<usize>>> = LazyLock::new(|| {
    let mut m: HashMap<char, Vec<usize>> = HashMap::new();
    for (k, f) in VOCABULARY_CHARS.iter().enumerate() {
        if let Some(&c) = f.first() {
            m.entry(c).or_default().push(k);
        }
    }
    m
});

/// A piece of a line: `orig_len` chars as written became `out`.
/// `identity` pieces correspond char for char; `converted` pieces were
/// traditional as written and went through `t2s` (only those get the
/// vocabulary rules).
#[derive(Clone)]
struct Piece {
    orig_len: u32,
    out: Vec<char>,
    identity: bool,
    converted: bool,
}

/// Normalized text with its position map.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    pub text: String,
    pub map: OffsetMap,
}

/// Normalizes `text` (any script) for analysis and search.
pub fn normalize(text: &str) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut segments = Vec::new();
    let (mut orig_pos, mut norm_pos) = (0u32, 0u32);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            orig_pos += 1;
            norm_pos += 1;
        }
        for piece in normalize_line(line) {
            let n = piece.out.len() as u32;
            if !piece.identity || piece.orig_len != n {
                segments.push(Segment {
                    orig: orig_pos,
                    orig_len: piece.orig_len,
                    norm: norm_pos,
                    norm_len: n,
                });
            }
            out.extend(piece.out.iter());
            orig_pos += piece.orig_len;
            norm_pos += n;
        }
    }
    Normalized {
        text: out,
        map: OffsetMap { segments },
    }
}

/// Just the normalized string (for rules and queries).
pub fn simplify(text: &str) -> String {
    normalize(text).text
}

fn t2s(s: &str) -> String {
    match T2S.as_ref() {
        Some(cc) => cc.convert(s),
        None => s.to_string(),
    }
}

/// Lines up to this many bytes are remembered: cleaning looks at the same
/// lines several times (per line, per block, then the whole body).
const MEMO_LINE_BYTES: usize = 16 * 1024;
/// The memo is emptied when its lines add up to this many bytes.
const MEMO_TOTAL_BYTES: usize = 2 * 1024 * 1024;

/// Lines already normalized on this thread, and their total length in bytes.
type Memo = (HashMap<Box<str>, Vec<Piece>>, usize);

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new((HashMap::new(), 0));
}

/// Empties this thread's memo (the answers stay the same, only the time changes).
pub fn forget_memo() {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        m.0.clear();
        m.1 = 0;
    });
}

fn normalize_line(line: &str) -> Vec<Piece> {
    if line.is_empty() {
        return Vec::new();
    }
    if line.len() > MEMO_LINE_BYTES {
        return normalize_line_uncached(line);
    }
    if let Some(hit) = MEMO.with(|m| m.borrow().0.get(line).cloned()) {
        return hit;
    }
    let pieces = normalize_line_uncached(line);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.1 + line.len() > MEMO_TOTAL_BYTES {
            m.0.clear();
            m.1 = 0;
        }
        m.1 += line.len();
        m.0.insert(line.into(), pieces.clone());
    });
    pieces
}

fn normalize_line_uncached(line: &str) -> Vec<Piece> {
    let mut pieces = script_pieces(line);
    apply_vocabulary(&mut pieces);
    // Width folding looks at neighbours, so it runs over the whole line and
    // the (unchanged-length) result is handed back to the pieces.
    let all: Vec<char> = pieces.iter().flat_map(|p| p.out.iter().copied()).collect();
    let mut folded = fold_width(&all).into_iter();
    for p in &mut pieces {
        for c in p.out.iter_mut() {
            *c = folded.next().unwrap_or(*c);
        }
    }
    pieces
}

/// How many characters of `chars` are traditional, and how many exist only in
/// simplified script.
fn script_evidence(chars: &[char]) -> (usize, usize) {
    let (mut trad, mut simp) = (0, 0);
    for &c in chars {
        if is_traditional(c) {
            trad += 1;
        } else if SIMPLIFIED_SET.contains(&c) {
            simp += 1;
        }
    }
    (trad, simp)
}

/// The script of a line, as written: only what was traditional goes through
/// `t2s`, so simplified text comes out as it went in (随著名 stays, 资讯 and
/// 管道 keep their mainland sense). A line with no traditional character is
/// left alone; a traditional line is converted whole; in a mixed line (a
/// traditional quote in a simplified paragraph), the clauses that are mostly
/// traditional.
fn script_pieces(line: &str) -> Vec<Piece> {
    let orig: Vec<char> = line.chars().collect();
    let as_written = |chars: &[char]| Piece {
        orig_len: chars.len() as u32,
        out: chars.to_vec(),
        identity: true,
        converted: false,
    };
    let (trad, simp) = script_evidence(&orig);
    if trad == 0 {
        return vec![as_written(&orig)];
    }
    let whole = simp * 20 <= trad + simp;
    if whole {
        let conv: Vec<char> = t2s(line).chars().collect();
        if conv.len() == orig.len() {
            return vec![Piece {
                orig_len: orig.len() as u32,
                out: conv,
                identity: true,
                converted: true,
            }];
        }
    }
    let mut pieces = Vec::new();
    for clause in split_clauses(&orig) {
        let (t, s) = script_evidence(clause);
        if whole || t > s {
            convert_clause(clause, &mut pieces);
        } else {
            pieces.push(as_written(clause));
        }
    }
    pieces
}

/// t2s on one clause; where it changed the length, only the stretch that
/// really changed becomes a coarse piece.
fn convert_clause(clause: &[char], pieces: &mut Vec<Piece>) {
    let s: String = clause.iter().collect();
    let c: Vec<char> = t2s(&s).chars().collect();
    if c.len() == clause.len() {
        pieces.push(Piece {
            orig_len: clause.len() as u32,
            out: c,
            identity: true,
            converted: true,
        });
        return;
    }
    // Char-by-char conversion gives a same-length baseline; the common
    // prefix and suffix with the phrase conversion stay 1:1.
    let base: Vec<char> = clause
        .iter()
        .map(|ch| t2s(&ch.to_string()).chars().next().unwrap_or(*ch))
        .collect();
    let pre = base.iter().zip(&c).take_while(|(a, b)| a == b).count();
    let max_suf = base.len().min(c.len()) - pre;
    let suf = base
        .iter()
        .rev()
        .zip(c.iter().rev())
        .take(max_suf)
        .take_while(|(a, b)| a == b)
        .count();
    let mut push = |orig_len: usize, out: &[char], identity: bool| {
        if orig_len > 0 || !out.is_empty() {
            pieces.push(Piece {
                orig_len: orig_len as u32,
                out: out.to_vec(),
                identity,
                converted: true,
            });
        }
    };
    push(pre, &c[..pre], true);
    push(clause.len() - pre - suf, &c[pre..c.len() - suf], false);
    push(suf, &c[c.len() - suf..], true);
}

fn split_clauses(chars: &[char]) -> Vec<&[char]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if "，。；：！？、,.;:!? “”\"（）()".contains(*c) {
            out.push(&chars[start..=i]);
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push(&chars[start..]);
    }
    out
}

/// Finds vocabulary rules in the output of the pieces that were traditional
/// as written and rewrites them, splitting identity pieces so that only the
/// rewritten words become segments.
fn apply_vocabulary(pieces: &mut Vec<Piece>) {
    if !pieces.iter().any(|p| p.converted) {
        return;
    }
    let text: Vec<char> = pieces.iter().flat_map(|p| p.out.iter().copied()).collect();
    let converted: Vec<bool> = pieces
        .iter()
        .flat_map(|p| std::iter::repeat_n(p.converted, p.out.len()))
        .collect();
    let mut hits: Vec<(usize, usize, &str)> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if !converted[i] {
            i += 1;
            continue;
        }
        let mut matched = None;
        let rules = VOCABULARY_BY_FIRST
            .get(&text[i])
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for &k in rules {
            let (f, (_, to, not_after, not_before)) = (&VOCABULARY_CHARS[k], &VOCABULARY[k]);
            if text[i..].starts_with(f) && converted[i..i + f.len()].iter().all(|&c| c) {
                let prev_blocked = i > 0 && not_after.contains(text[i - 1]);
                let rest: String = text[i + f.len()..].iter().take(4).collect();
                let next_blocked = not_before.iter().any(|w| rest.starts_with(w));
                if !prev_blocked && !next_blocked {
                    matched = Some((i, f.len(), *to));
                    break;
                }
            }
        }
        match matched {
            Some(h) => {
                hits.push(h);
                i += h.1;
            }
            None => i += 1,
        }
    }
    if hits.is_empty() {
        return;
    }
    // Rebuild: walk the pieces in output coordinates.
    let old = std::mem::take(pieces);
    let mut pos = 0usize; // output position of the current piece's start
    let mut hit_iter = hits.into_iter().peekable();
    let mut pending: Option<(usize, usize, &str, u32, Vec<char>)> = None; // hit spanning pieces
    for p in old {
        let len = p.out.len();
        let end = pos + len;
        if let Some((h_start, h_len, to, mut orig_acc, mut prefix)) = pending.take() {
            // Continue a hit that started in an earlier piece: absorb this one.
            orig_acc += p.orig_len;
            let h_end = h_start + h_len;
            if h_end <= end {
                let mut out = prefix.clone();
                out.extend(to.chars());
                out.extend_from_slice(&p.out[h_end - pos..]);
                pieces.push(Piece {
                    orig_len: orig_acc,
                    out,
                    identity: false,
                    converted: true,
                });
            } else {
                prefix.clear();
                pending = Some((h_start, h_len, to, orig_acc, prefix));
            }
            pos = end;
            continue;
        }
        let mut cur = p;
        let mut cur_start = pos;
        while let Some(&(h_start, h_len, to)) = hit_iter.peek() {
            if h_start >= cur_start + cur.out.len() {
                break;
            }
            hit_iter.next();
            let local = h_start - cur_start;
            if cur.identity && h_start + h_len <= cur_start + cur.out.len() {
                // Split: before | rewritten | after.
                let after = cur.out.split_off(local + h_len);
                cur.out.truncate(local);
                if local > 0 {
                    pieces.push(Piece {
                        orig_len: local as u32,
                        out: std::mem::take(&mut cur.out),
                        identity: true,
                        converted: cur.converted,
                    });
                }
                pieces.push(Piece {
                    orig_len: h_len as u32,
                    out: to.chars().collect(),
                    identity: false,
                    converted: true,
                });
                let consumed = (local + h_len) as u32;
                cur = Piece {
                    orig_len: cur.orig_len - consumed,
                    out: after,
                    identity: true,
                    converted: cur.converted,
                };
                cur_start = h_start + h_len;
            } else if h_start + h_len <= cur_start + cur.out.len() {
                // Inside a coarse piece: rewrite its output in place.
                let mut out = cur.out[..local].to_vec();
                out.extend(to.chars());
                out.extend_from_slice(&cur.out[local + h_len..]);
                cur.out = out;
                cur.identity = false;
                // Coordinates of later hits in this piece shift; they are rare
                // enough to leave for the next piece.
                break;
            } else {
                // The hit runs into the next piece(s).
                let prefix = cur.out[..local].to_vec();
                pending = Some((h_start, h_len, to, cur.orig_len, prefix));
                cur.out.clear();
                cur.orig_len = 0;
                break;
            }
        }
        if cur.orig_len > 0 || !cur.out.is_empty() {
            pieces.push(cur);
        }
        pos = end;
    }
    if let Some((_, _, to, orig_acc, mut prefix)) = pending {
        prefix.extend(to.chars());
        pieces.push(Piece {
            orig_len: orig_acc,
            out: prefix,
            identity: false,
            converted: true,
        });
    }
}

/// Full-width ASCII letters/digits → half-width; half-width `,:;!()` next to
/// Chinese → the full-width marks Chinese text uses. Never changes length.
fn fold_width(chars: &[char]) -> Vec<char> {
    let mut out: Vec<char> = chars
        .iter()
        .map(|&c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '．' | '＋' | '－' | '／' | '＝' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            '―' => '—',
            c => c,
        })
        .collect();
    // Repeat until stable: a mark next to a mark that just became full-width
    // is in Chinese context too (",,来" → "，，来"), so normalizing is idempotent.
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..out.len() {
            if widen_at(&mut out, i) {
                changed = true;
            }
        }
    }
    out
}

/// Makes the half-width mark at `i` full-width if it stands in Chinese text.
fn widen_at(out: &mut [char], i: usize) -> bool {
    {
        let wide = match out[i] {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '!' => '！',
            '(' => '（',
            ')' => '）',
            _ => return false,
        };
        let prev_han = i > 0 && is_chinese_context(out[i - 1]);
        let next_han = out.get(i + 1).is_some_and(|&c| is_chinese_context(c));
        // Keep "1,000" and "10:30" as they are.
        let between_digits = i > 0
            && out[i - 1].is_ascii_digit()
            && out.get(i + 1).is_some_and(|c| c.is_ascii_digit());
        if (prev_han || next_han) && !between_digits {
            out[i] = wide;
            return true;
        }
    }
    false
}

fn is_chinese_context(c: char) -> bool {
    is_han(c) || "，。；：！？、“”‘’（）《》【】—…".contains(c)
}

/// The block of CJK unified ideographs that [`TRADITIONAL`] covers.
const CJK: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

/// Traditional characters: those `t2s` changes (computed once, ~3,500 in the
/// BMP block), one bit per character of [`CJK`].
static TRADITIONAL: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; (CJK.end() - CJK.start()) as usize / 64 + 1];
    let Some(cc) = T2S.as_ref() else {
        return bits;
    };
    for c in CJK.filter_map(char::from_u32) {
        let s = c.to_string();
        if cc.convert(&s) != s {
            let i = (c as u32 - CJK.start()) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
});

/// Whether `c` is a traditional character (one that `t2s` changes).
pub fn is_traditional(c: char) -> bool {
    let c = c as u32;
    if !CJK.contains(&c) {
        return false;
    }
    let i = (c - CJK.start()) as usize;
    TRADITIONAL[i / 64] & (1 << (i % 64)) != 0
}

/// Frequent characters that exist only in simplified script (never in
/// traditional text), so their presence is evidence of simplified writing.
const SIMPLIFIED_ONLY: &str = "这们说为时会国来对发个经进过动产业还长现开关问实体没样机电东给认让区与无应计门间务华线术济变结设车亿学见听书话语员从众优价传伤伦协单卖厂历压县参双发变号吗围图园场坏块坚声处备复头夺奋妇娱学宁宝实宾对导层岁币师带帮广应开张强归彻径总恶惊战户执扩扫扬护报担择挤换据损摄无时显晓权条来极构标树样检汇汉没沟济浅测涨渐满灭灵热爱犹独环现画畅疗监盘着矿码础确离种积称稳穷竞笔网织经绍给统继绩续维综编缺罗职联听脑节获虑虽补见观规览认讨让议讯记讲许论设访证评识诉诊词译试话该详语误说请诸调谈质购费资赛赶车转轮软轻较辅辆输辖边达过运还这进远连迟适选递遗邮邻释里钟钢钱铁银锁错锅镇长门问闭间闻阅队阳阶际陆陈险随隐难预领频题风饮马驾验鱼鸟龙";

static SIMPLIFIED_SET: LazyLock<HashSet<char>> = LazyLock::new(|| {
    SIMPLIFIED_ONLY
        .chars()
        .filter(|&c| !is_traditional(c))
        .collect()
});

/// Which script a text is written in.
pub fn detect_script(text: &str) -> Script {
    let (mut han, mut trad, mut simp) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
            if is_traditional(c) {
                trad += 1;
            } else if SIMPLIFIED_SET.contains(&c) {
                simp += 1;
            }
        }
    }
    if han == 0 {
        return Script::Unknown;
    }
    let evidence = trad + simp;
    if evidence == 0 {
        return Script::Simplified;
    }
    // A few characters of the other script are noise (a quoted name, a
    // converter's miss); more than 5% of the evidence is a mixed text.
    if simp * 20 <= evidence {
        Script::Traditional
    } else if trad * 20 <= evidence {
        Script::Simplified
    } else {
        Script::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn traditional_becomes_simplified_char_for_char() {
        let n = normalize("協同發展邁出新步伐");
        assert_eq!(n.text, "协同发展迈出新步伐");
        assert!(n.map.segments.is_empty());
    }

    #[test]
    fn taiwan_vocabulary_is_mapped_and_positions_still_line_up() {
        let src = "發佈各區產業佈局、廠房樓宇點比特、項目准入標準";
        let n = normalize(src);
        assert_eq!(n.text, "发布各区产业布局、厂房楼宇点位、项目准入标准");
        // 項目 after the shortened 點比特 maps back to the same words.
        let norm_start = n.text.chars().position(|c| c == '项').unwrap() as u32;
        let orig = n.map.span_to_original(Span {
            start: norm_start,
            end: norm_start + 2,
        });
        let orig_text = orig.slice(src);
        assert_eq!(orig_text, "項目");
        // 点位 maps to the whole 點比特.
        let p = n.text.chars().position(|c| c == '点').unwrap() as u32;
        let o = n.map.span_to_original(Span {
            start: p,
            end: p + 2,
        });
        let o_text = o.slice(src);
        assert_eq!(o_text, "點比特");
    }

    #[test]
    fn pipelines_stay_pipelines_but_channels_are_channels() {
        assert_eq!(simplify("融資租賃等管道支持"), "融资租赁等渠道支持");
        assert_eq!(simplify("天然氣管道建設"), "天然气管道建设");
        assert_eq!(simplify("發展資訊技術和智慧製造"), "发展信息技术和智能制造");
        // 智慧城市 is mainland usage too and stays.
        assert_eq!(simplify("智慧城市"), "智慧城市");
    }

    #[test]
    fn simplified_text_comes_out_as_it_went_in() {
        // Mainland words that are Taiwan words' look-alikes, and 著 in 著名.
        for line in [
            "北京市发布资讯称，随著名企业落户雄安，融资租赁等管道支持产业发展。",
            "有著名的科研院所，接著又来了一批网路安全企业",
        ] {
            let n = normalize(line);
            assert_eq!(n.text, line);
            assert!(n.map.segments.is_empty());
        }
    }

    #[test]
    fn only_the_traditional_clauses_of_a_mixed_line_are_converted() {
        // A simplified paragraph quoting a traditional headline.
        assert_eq!(
            simplify("据台湾《聯合報》報導資訊業，随著名企业北迁，管道更多"),
            "据台湾《联合报》报导信息业，随著名企业北迁，管道更多"
        );
        // A traditional line keeps its vocabulary repairs.
        assert_eq!(
            simplify("隨著資訊產業透過管道發展"),
            "随着信息产业通过渠道发展"
        );
    }

    #[test]
    fn width_is_folded_where_chinese_convention_wants_it() {
        assert_eq!(
            simplify("ＳＭＣ(天津)有限公司,年產值１０億"),
            "SMC（天津）有限公司，年产值10亿"
        );
        assert_eq!(simplify("增长1,000家,时间10:30"), "增长1,000家，时间10:30");
    }

    #[test]
    fn script_detection() {
        assert_eq!(
            detect_script("北京经济技术开发区主动融入京津冀协同发展"),
            Script::Simplified
        );
        assert_eq!(
            detect_script("北京經濟技術開發區主動融入京津冀協同發展"),
            Script::Traditional
        );
        assert_eq!(
            detect_script("北京經濟技術開發區主動融入。北京经济技术开发区主动融入"),
            Script::Mixed
        );
        assert_eq!(detect_script("hello"), Script::Unknown);
    }

    #[test]
    fn normalizing_twice_changes_nothing() {
        let once = simplify("本市發佈高精尖製造業新政,做强“北京智造”,廠房點比特、資訊");
        assert_eq!(simplify(&once), once);
    }
}
