//! A query as URL parameters (`q=…&region=…&y0=…`), the form the app's
//! address and the CLI's `bench/queries.txt` share.

use super::Query;

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// The query as `key=value` pairs (for a URL), values percent-encoded.
    pub fn to_params(&self) -> String {
        let mut v: Vec<(&str, String)> = Vec::new();
        if !self.text.trim().is_empty() {
            v.push(("q", self.text.trim().to_string()));
        }
        let mut opt = |k: &'static str, x: &Option<String>| {
            if let Some(x) = x {
                v.push((k, x.clone()));
            }
        };
        opt("region", &self.region);
        opt("industry", &self.industry);
        opt("source", &self.source);
        opt("from", &self.flow_from);
        opt("to", &self.flow_to);
        if let Some(y) = self.year_from {
            v.push(("y0", y.to_string()));
        }
        if let Some(y) = self.year_to {
            v.push(("y1", y.to_string()));
        }
        if self.undated {
            v.push(("undated", "1".to_string()));
        }
        v.iter()
            .map(|(k, x)| format!("{k}={}", encode(x)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads [`Query::to_params`]' format; unknown keys and bad values are
    /// ignored (a hand-edited link still opens).
    pub fn from_params(s: &str) -> Query {
        let mut q = Query::default();
        for pair in s.trim_start_matches(['#', '?']).split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            let some = || (!v.is_empty()).then(|| v.clone());
            match k {
                "q" => q.text = v.clone(),
                "region" => q.region = some(),
                "industry" => q.industry = some(),
                "source" => q.source = some(),
                "from" => q.flow_from = some(),
                "to" => q.flow_to = some(),
                "y0" => q.year_from = v.parse().ok(),
                "y1" => q.year_to = v.parse().ok(),
                "undated" => q.undated = v == "1",
                _ => {}
            }
        }
        q
    }
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(x) =
                u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16)
            {
                out.push(x);
                i += 3;
                continue;
            }
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
