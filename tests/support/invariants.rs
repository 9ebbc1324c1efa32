//! Invariants every input must keep, shared by the robustness tests and the fuzz targets
//! (which include this file by path): no panic, every span in bounds and on character
//! boundaries, and the same answer twice.

#![allow(dead_code)]

use figcheck::config::Config;
use figcheck::span::{ColumnUnit, LineIndex, SpanPosition};
use figcheck::{Document, SourceFormat, Span};

/// Panics unless `span` lies within `text` and starts and ends on character boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {}..{} out of bounds (text is {} bytes)",
        span.start,
        span.end,
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {}..{} not on char boundaries",
        span.start,
        span.end
    );
}

/// The document model's own invariants: `prose` is as long as the text and blank or equal
/// byte for byte, blocks and sentences are ordered, in bounds and on char boundaries, and
/// every sentence lies in a block.
pub fn check_document(doc: &Document) {
    let text = doc.text.as_str();
    assert_eq!(doc.prose.len(), text.len(), "prose length");
    for (i, (&p, &t)) in doc.prose.as_bytes().iter().zip(text.as_bytes()).enumerate() {
        assert!(
            p == t || (p == b' ' && t != b'\n'),
            "prose byte {i} is {p:#x}, text has {t:#x}"
        );
    }
    let mut last_end = 0;
    for block in &doc.blocks {
        assert_span(text, block.span, "block");
        assert!(!block.span.is_empty(), "empty block");
        assert!(block.span.start >= last_end, "blocks out of order");
        last_end = block.span.end;
    }
    let mut last_end = 0;
    for &sentence in &doc.sentences {
        assert_span(text, sentence, "sentence");
        assert!(sentence.start >= last_end, "sentences out of order");
        last_end = sentence.end;
        assert!(
            doc.blocks.iter().any(|b| b.span.contains(sentence)),
            "sentence {}..{} is in no block",
            sentence.start,
            sentence.end
        );
    }
}

/// Line/column conversion of `span` never panics and is ordered.
fn check_position(text: &str, index: &LineIndex, span: Span) {
    let p = SpanPosition::new(text, index, span);
    assert!(p.line >= 1 && p.column >= 1);
    assert!((p.line, p.column) <= (p.end_line, p.end_column) || p.line < p.end_line);
    for unit in [ColumnUnit::Char, ColumnUnit::Utf16, ColumnUnit::Byte] {
        let _ = index.line_col(text, span.start, unit);
        let _ = index.line_col(text, span.end, unit);
    }
}

/// Every figure and finding of `doc` (with `config`) keeps its spans in bounds and on
/// char boundaries, and a second run gives the same answer.
pub fn check_pipeline(doc: &Document, config: &Config) {
    check_document(doc);
    let text = doc.text.as_str();
    let index = LineIndex::new(text);
    let figures = figcheck::figures(doc);
    let mut last_start = 0;
    let mut last_end = 0;
    for figure in &figures {
        assert_span(text, figure.span, "figure");
        assert!(!figure.span.is_empty(), "empty figure span");
        assert!(figure.span.start >= last_start, "figures out of order");
        last_start = figure.span.start;
        for (span, what) in [
            (figure.of_span, "figure whole"),
            (figure.approx_span, "approximation word"),
        ] {
            if let Some(span) = span {
                assert_span(text, span, what);
            }
        }
        if let Some(of) = figure.of_span {
            assert!(figure.span.contains(of), "whole outside its figure");
        }
        if let Some(approx) = figure.approx_span {
            assert!(
                approx.end <= figure.span.start && approx.start >= last_end,
                "approximation word {}..{} of the figure at {}..{} is not between it and the one before",
                approx.start,
                approx.end,
                figure.span.start,
                figure.span.end
            );
        }
        last_end = last_end.max(figure.span.end);
        assert_span(text, figure.part_span(text), "figure part");
        check_position(text, &index, figure.span);
    }
    let findings = figcheck::check(doc, config);
    for finding in &findings {
        for span in finding.spans() {
            assert_span(text, span, finding.rule);
            check_position(text, &index, span);
        }
        if let Some(fix) = &finding.fix {
            assert_span(text, fix.span, "fix");
        }
    }
    assert_eq!(
        figcheck::figures(doc),
        figures,
        "figures differ on a second run"
    );
    assert_eq!(
        figcheck::check(doc, config),
        findings,
        "findings differ on a second run"
    );
}

/// Read `text` as Markdown and as plain text and check both with the default config.
pub fn check_text(text: &str) {
    let config = Config::default();
    for format in [SourceFormat::Markdown, SourceFormat::PlainText] {
        let doc = Document::new("input", text.to_owned(), format);
        check_pipeline(&doc, &config);
        // The same text parses the same way twice.
        let again = Document::new("input", text.to_owned(), format);
        assert_eq!(again.prose, doc.prose, "prose differs on a second parse");
        assert_eq!(again.blocks, doc.blocks, "blocks differ on a second parse");
        assert_eq!(again.sentences, doc.sentences);
    }
}

/// Parse `text` as a figcheck.toml: an error must name the file and, when it has a span,
/// the span must lie in the text; never a panic.
pub fn check_config(text: &str) {
    let path = std::path::Path::new("fuzz/figcheck.toml");
    match Config::parse(path, text) {
        Ok(config) => {
            // A config that parses can be used on a document.
            let doc = Document::new(
                "a.md",
                "The bloc won 73 of 329 seats, a majority. Turnout rose from 40% to 45%, up 10%."
                    .to_owned(),
                SourceFormat::Markdown,
            );
            let findings = figcheck::check(&doc, &config);
            for finding in &findings {
                for span in finding.spans() {
                    assert_span(&doc.text, span, finding.rule);
                }
            }
        }
        Err(e) => {
            assert!(e.to_string().starts_with("fuzz/figcheck.toml:"), "{e}");
            let diagnostic: &dyn miette::Diagnostic = &e;
            if let Some(labels) = diagnostic.labels() {
                for label in labels {
                    assert!(
                        label.offset() + label.len() <= text.len(),
                        "config error span {}+{} past the end of {} bytes",
                        label.offset(),
                        label.len(),
                        text.len()
                    );
                }
            }
        }
    }
}
