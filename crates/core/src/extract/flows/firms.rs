//! Organisations whose names do not say where they are from (首钢, 北汽,
//! 京东方, 动批), with their home: `assets/firms.tsv`. A move of one of
//! them (首钢整体搬迁至曹妃甸) comes from its home, as a move of an
//! organisation named after a place does (北京现代, see
//! [`super::endpoints::named_orgs`]).

use std::sync::LazyLock;

use super::Input;
use crate::error::Error;
use crate::extract::places::{gazetteer, Role};
use crate::text::sentences::Sentence;
use crate::text::tsv;

/// The shipped table.
pub const FIRMS_TSV: &str = include_str!("../../../../../assets/firms.tsv");

/// What moves when the news names an organisation of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirmKind {
    /// The firm itself moves (首钢整体搬迁至…).
    Firm,
    /// Its merchants move (动批商户分流到天津), never the market's name alone.
    Market,
}

#[derive(Debug, Clone)]
struct Entry {
    name: Vec<char>,
    kind: FirmKind,
    home: usize,
    not_before: Vec<String>,
}

/// One organisation of the table named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownFirm {
    pub start: u32,
    pub end: u32,
    pub kind: FirmKind,
    pub home: usize,
}

/// Parses the format of `assets/firms.tsv` (its header says what each
/// column holds); every home must be a gazetteer id. Names longest first.
fn parse(table: &str) -> Result<Vec<Entry>, Error> {
    let g = gazetteer();
    let mut out = Vec::new();
    for (n, f) in tsv::rows("firms.tsv", table, 5)? {
        let kind = match f[2].trim() {
            "firm" => FirmKind::Firm,
            "market" => FirmKind::Market,
            k => return Err(tsv::bad("firms.tsv", n, format!("unknown kind '{k}'"))),
        };
        let home = g
            .index_of(f[3].trim())
            .ok_or_else(|| tsv::bad("firms.tsv", n, format!("'{}' is no place id", f[3])))?;
        let not_before: Vec<String> = f[4]
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        for name in std::iter::once(f[0]).chain(f[1].split('|')) {
            let name = name.trim();
            if name.chars().count() >= 2 {
                out.push(Entry {
                    name: name.chars().collect(),
                    kind,
                    home,
                    not_before: not_before.clone(),
                });
            }
        }
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.name.len()));
    Ok(out)
}

static FIRMS: LazyLock<Vec<Entry>> =
    // The shipped file is checked by a test; an unreadable one gives no
    // known firms, never a crash.
    LazyLock::new(|| parse(FIRMS_TSV).unwrap_or_default());

/// The organisations of the table that sentence `s` names, in order, the
/// longest name at each position. Not where the name is part of a place
/// (首钢园) or followed by what makes it another organisation (首钢京唐).
pub fn known_firms(inp: &Input, s: &Sentence) -> Vec<KnownFirm> {
    let firms = &*FIRMS;
    let chars = inp.chars;
    let mut out: Vec<KnownFirm> = Vec::new();
    let mut p = s.start as usize;
    let end = (s.end as usize).min(chars.len());
    while p < end {
        let hit = firms.iter().find(|e| {
            let n = e.name.len();
            p + n <= end && chars[p..p + n] == e.name[..] && {
                let rest: String = chars[p + n..(p + n + 4).min(end)].iter().collect();
                !e.not_before.iter().any(|w| rest.starts_with(w.as_str()))
            }
        });
        let Some(e) = hit else {
            p += 1;
            continue;
        };
        let (a, b) = (p as u32, (p + e.name.len()) as u32);
        // Inside a place's name (首钢园), or another place's firm of the
        // same name (天津同仁堂, 唐山首钢宝业).
        let in_place = inp
            .places
            .iter()
            .any(|h| (h.role == Role::Location && h.start < b && a < h.end) || h.end == a);
        if !in_place {
            out.push(KnownFirm {
                start: a,
                end: b,
                kind: e.kind,
                home: e.home,
            });
        }
        p += e.name.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses_and_every_home_is_a_place() {
        let firms = parse(FIRMS_TSV).expect("assets/firms.tsv parses");
        assert!(firms.len() >= 20, "{} names", firms.len());
        let g = gazetteer();
        let shougang = firms
            .iter()
            .find(|e| e.name.iter().collect::<String>() == "首钢")
            .unwrap();
        assert_eq!(g.places[shougang.home].id, "石景山区");
        assert_eq!(shougang.kind, FirmKind::Firm);
        let dongpi = firms
            .iter()
            .find(|e| e.name.iter().collect::<String>() == "动批")
            .unwrap();
        assert_eq!(dongpi.kind, FirmKind::Market);
    }

    #[test]
    fn a_bad_table_is_an_error_not_a_panic() {
        assert!(parse("id\taliases\tkind\thome\tnot_before\n首钢\t\tfirm\t火星\t\n").is_err());
        assert!(parse("id\taliases\tkind\thome\tnot_before\n首钢\t\tplanet\t北京市\t\n").is_err());
        assert!(parse("首钢\tfirm\n").is_err());
    }
}
