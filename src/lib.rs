//! figcheck: a fact-and-figure consistency checker for article drafts.
//!
//! The pipeline runs one way: [`document`] (bytes to prose ranges, blocks and sentences),
//! [`grammar`] (every figure in the prose), then the rules. The CLI in `main.rs` only wires
//! these stages; editors, tests and benchmarks call the same functions.

pub mod attribution;
pub mod config;
pub mod document;
pub mod figure;
pub mod finding;
pub mod grammar;
pub mod load;
pub mod lsp;
pub mod report;
pub mod rules;
pub mod span;
pub mod suppress;
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
    let findings = suppress::apply(doc, rules::check(doc, config));
    let unused = config.rule("unused-suppression");
    if unused.is_some_and(|r| r.enabled == Some(false)) {
        return findings
            .into_iter()
            .filter(|f| f.rule != "unused-suppression")
            .collect();
    }
    match unused.and_then(|r| r.severity) {
        Some(severity) => findings
            .into_iter()
            .map(|mut f| {
                if f.rule == "unused-suppression" {
                    f.severity = severity;
                }
                f
            })
            .collect(),
        None => findings,
    }
}

/// Every figure in `text`, read as `format` (a convenience for tests and tools).
pub fn figures_in_str(text: &str, format: SourceFormat) -> Vec<Figure> {
    figures(&Document::new("<string>", text.to_owned(), format))
}
