//! The reader of the asset tables (`assets/*.tsv`): tab-separated rows,
//! `#` comments and blank lines skipped, an optional header row starting
//! with `id`, and a fixed number of fields per row.

use crate::error::Error;

/// The rows of `tsv` (file name `file` for messages), each with its line
/// number (from 1) and exactly `fields` fields, untrimmed.
pub fn rows<'a>(
    file: &'static str,
    tsv: &'a str,
    fields: usize,
) -> Result<Vec<(usize, Vec<&'a str>)>, Error> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (n, line) in tsv.lines().enumerate() {
        let n = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            header_seen = true;
            if f.first() == Some(&"id") {
                continue;
            }
        }
        if f.len() != fields {
            return Err(bad(
                file,
                n,
                format!("{} fields, expected {fields}", f.len()),
            ));
        }
        rows.push((n, f));
    }
    Ok(rows)
}

/// A data error at line `line` of `file`.
pub fn bad(file: &'static str, line: usize, reason: String) -> Error {
    Error::Data { file, line, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_blank_lines_and_the_header() {
        let t = "# a comment\nid\tname\n\nx\t1\r\ny\t2\n";
        let r = rows("t.tsv", t, 2).unwrap();
        assert_eq!(r, vec![(4, vec!["x", "1"]), (5, vec!["y", "2"])]);
    }

    #[test]
    fn a_row_with_the_wrong_number_of_fields_names_its_line() {
        let e = rows("t.tsv", "x\t1\ny\n", 2).unwrap_err().to_string();
        assert!(e.contains("t.tsv") && e.contains('2'), "{e}");
    }
}
