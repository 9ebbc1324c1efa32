//! figcheck: a fact-and-figure consistency checker for article drafts.
//!
//! The pipeline runs one way: [`document`] (bytes to prose ranges, blocks and sentences),
//! [`grammar`] (every figure in the prose), then the rules. The CLI in `main.rs` only wires
//! these stages; editors, tests and benchmarks call the same functions.

pub mod config;
pub mod document;
pub mod figure;
pub mod finding;
pub mod grammar;
pub mod load;
pub mod report;
pub mod rules;
pub mod span;
pub mod walk;

pub use document::{Document, SourceFormat};
pub use figure::{Approx, CivilDate, Figure, Kind, Number, Value};
pub use finding::{Finding, Label, Severity};
pub use span::Span;

/// Every figure in a document's prose, in order of position.
pub fn figures(doc: &Document) -> Vec<Figure> {
    grammar::scan_document(doc)
}

/// Every finding of the configured rules in `doc`, sorted by position, with inline
/// suppressions applied.
pub fn check(doc: &Document, config: &config::Config) -> Vec<Finding> {
    rules::check(doc, config)
}

/// Every figure in `text`, read as `format` (a convenience for tests and tools).
pub fn figures_in_str(text: &str, format: SourceFormat) -> Vec<Figure> {
    figures(&Document::new("<string>", text.to_owned(), format))
}
