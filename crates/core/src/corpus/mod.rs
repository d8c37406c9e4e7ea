//! The corpus: what the CLI and the app ask of many analysed documents.
//! Documents in; answers out, each computed the same way on both sides.
//!
//! - [`query`]: filters, facet counts and the query index;
//! - [`aggregate`]: flows merged into origin → destination edges;
//! - [`kwic`]: the concordance; [`stats`]: term frequencies, keyness, collocates;
//! - [`overview`]: what the dashboard shows for one query;
//! - [`export`]: CSV tables; [`chunks`]: a large corpus split into an index
//!   of summaries and chunks of whole documents; [`lean`]: that index
//!   held in the app without what its query index already holds; [`views`]:
//!   the dashboards of its single filters, computed when it is built.

pub mod aggregate;
pub mod chunks;
pub mod export;
pub mod kwic;
pub mod lean;
pub mod overview;
pub mod query;
pub mod stats;
pub mod views;
