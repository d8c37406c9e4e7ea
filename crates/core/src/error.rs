//! The one error type of `jjj-core`. Only loading and parsing can fail;
//! analysis of text that decoded is infallible.

use thiserror::Error;

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// Zero bytes, or nothing but whitespace.
    #[error("the file is empty")]
    Empty,
    /// Not text at all.
    #[error("this is a binary file ({what}), not a text or HTML page")]
    Binary { what: String },
    /// No encoding decodes it cleanly.
    #[error("cannot decode the text: {reason}")]
    Undecodable { reason: String },
    /// Decoded, but nothing that reads like an article is left after cleaning.
    #[error("no Chinese article text found in the page{detail}")]
    NoArticle { detail: String },
    /// A line of a shipped data file (gazetteer, taxonomy) that does not parse.
    #[error("{file} line {line}: {reason}")]
    Data {
        file: &'static str,
        line: usize,
        reason: String,
    },
    /// A corpus bundle that is damaged, truncated or of another version.
    #[error("cannot read the corpus bundle: {reason}")]
    Bundle { reason: String },
}
