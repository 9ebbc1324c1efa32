//! Output of `figcheck check`: miette diagnostics for people, and short, JSON and JSON
//! Lines for tools (the CI formats are in their own modules of [`crate::report`]).
//!
//! Lines and columns are 1-based; columns count Unicode characters (scalar values).
//! `start` and `end` are UTF-8 byte offsets into the original file.

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::span::{ColumnUnit, LineIndex, Span, SpanPosition};
use serde::Serialize;
use std::fmt;

/// The output formats of `figcheck check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// rustc-style diagnostics with the source and every figure labelled.
    Human,
    /// `path:line:col: severity[rule]: message`, one line per finding.
    Short,
    /// One JSON array of findings.
    Json,
    /// One JSON object per finding per line.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF readers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// Reviewdog Diagnostic Format, one `DiagnosticResult`.
    Rdjson,
    /// Reviewdog Diagnostic Format, one `Diagnostic` a line.
    Rdjsonl,
    /// Checkstyle XML.
    Checkstyle,
    /// JUnit XML: a test suite per file, a failed test case per failing finding.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

impl CheckFormat {
    /// The column unit of the format's CI record ([`super::located::Located`]).
    pub fn column_unit(self) -> ColumnUnit {
        match self {
            CheckFormat::Sarif | CheckFormat::Github => ColumnUnit::Utf16,
            CheckFormat::Rdjson | CheckFormat::Rdjsonl => ColumnUnit::Byte,
            _ => ColumnUnit::Char,
        }
    }

    /// True for the formats written as one document at the end of the run.
    pub fn is_whole_run(self) -> bool {
        matches!(
            self,
            CheckFormat::Json
                | CheckFormat::Sarif
                | CheckFormat::Rdjson
                | CheckFormat::Checkstyle
                | CheckFormat::Junit
                | CheckFormat::Gitlab
        )
    }
}

/// A secondary span of a finding in machine output.
#[derive(Debug, Serialize)]
pub struct LabelRecord {
    /// Byte offset of the span's start.
    pub start: usize,
    /// Byte offset one past the span's end.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// What this span contributes.
    pub message: String,
}

/// A finding in machine output: the stable JSON schema.
#[derive(Debug, Serialize)]
pub struct FindingRecord {
    /// The document's path.
    pub path: String,
    /// The rule id.
    pub rule: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// What is wrong, naming the figures compared.
    pub message: String,
    /// Byte offsets, and 1-based lines and columns (in characters), of the primary span.
    #[serde(flatten)]
    pub position: SpanPosition,
    /// The primary span's label, then every other figure involved.
    pub labels: Vec<LabelRecord>,
    /// What would be consistent.
    pub help: Option<String>,
    /// A safe replacement, or null.
    pub fix: Option<crate::finding::Fix>,
}

impl FindingRecord {
    /// The record for `finding` in `doc`.
    pub fn new(doc: &Document, index: &LineIndex, finding: &Finding) -> Self {
        let at = |offset: usize| index.line_col(&doc.text, offset, ColumnUnit::Char);
        let labels = std::iter::once(&finding.primary)
            .chain(&finding.related)
            .map(|l| {
                let p = at(l.span.start);
                LabelRecord {
                    start: l.span.start,
                    end: l.span.end,
                    line: p.line,
                    column: p.column,
                    message: l.message.clone(),
                }
            })
            .collect();
        FindingRecord {
            path: doc.path.display().to_string(),
            rule: finding.rule,
            severity: finding.severity,
            message: finding.message.clone(),
            position: SpanPosition::new(&doc.text, index, finding.primary.span),
            labels,
            help: finding.help.clone(),
            fix: finding.fix.clone(),
        }
    }

    /// The one-line form: `path:line:col: severity[rule]: message`.
    pub fn short(&self) -> String {
        format!(
            "{}:{}:{}: {}[{}]: {}",
            self.path,
            self.position.line,
            self.position.column,
            self.severity,
            self.rule,
            self.message
        )
    }
}

/// A document's text with its name, borrowed (miette's `NamedSource` needs owned text).
struct NamedText<'a> {
    name: String,
    text: &'a str,
}

impl miette::SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// A finding with its document, as a miette diagnostic.
struct Diagnostic<'a> {
    finding: &'a Finding,
    source: NamedText<'a>,
}

impl fmt::Debug for Diagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Diagnostic")
            .field("finding", self.finding)
            .finish()
    }
}

impl fmt::Display for Diagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Diagnostic<'_> {}

fn source_span(span: Span) -> miette::SourceSpan {
    (span.start, span.len()).into()
}

impl miette::Diagnostic for Diagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let primary = miette::LabeledSpan::new_primary_with_span(
            Some(self.finding.primary.message.clone()),
            source_span(self.finding.primary.span),
        );
        let related = self.finding.related.iter().map(|l| {
            miette::LabeledSpan::new_with_span(Some(l.message.clone()), source_span(l.span))
        });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

/// Renders findings as rustc-style diagnostics.
pub struct HumanRenderer {
    handler: miette::GraphicalReportHandler,
}

impl HumanRenderer {
    /// A renderer with or without colour, wrapping at `width` columns.
    pub fn new(color: bool, width: usize) -> Self {
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        HumanRenderer {
            handler: miette::GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_links(false),
        }
    }

    /// The diagnostic for `finding` in `doc`.
    pub fn render(&self, doc: &Document, finding: &Finding) -> String {
        let name = doc.path.display().to_string();
        let diagnostic = Diagnostic {
            finding,
            source: NamedText {
                name,
                text: &doc.text,
            },
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &diagnostic).is_err() {
            out = format!(
                "{}: {}[{}]: {}\n",
                doc.path.display(),
                finding.severity,
                finding.rule,
                finding.message
            );
        }
        out
    }
}

/// The closing line of human output: `2 warnings in 1 file`, or `no findings in 3 files`.
pub fn summary(counts: [usize; 3], files_with_findings: usize, files: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let [errors, warnings, infos] = counts;
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(plural(errors, "error"));
    }
    if warnings > 0 {
        parts.push(plural(warnings, "warning"));
    }
    if infos > 0 {
        parts.push(plural(infos, "note"));
    }
    if parts.is_empty() {
        format!("no findings in {}", plural(files, "file"))
    } else {
        format!(
            "{} in {}",
            parts.join(", "),
            plural(files_with_findings, "file")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::summary;

    #[test]
    fn summary_lines() {
        assert_eq!(summary([0, 2, 0], 1, 3), "2 warnings in 1 file");
        assert_eq!(summary([1, 0, 1], 2, 2), "1 error, 1 note in 2 files");
        assert_eq!(summary([0, 0, 0], 0, 1), "no findings in 1 file");
    }
}
