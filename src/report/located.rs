//! A finding with its spans turned into lines and columns of one unit: the owned record
//! that the CI formats (SARIF, GitHub, reviewdog, Checkstyle, JUnit, GitLab) are written
//! from. It holds no document text beyond the primary span's, so a whole run's findings
//! can be kept for the formats that print one document at the end.

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::span::{ColumnUnit, LineIndex, Span};

/// Where a span is: 1-based lines and columns in one unit, the end exclusive (the column
/// just after the last character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// 1-based line of the first character.
    pub line: usize,
    /// 1-based column of the first character.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column just after the last character.
    pub end_column: usize,
}

impl Region {
    /// The region of `span` in `text`, counting columns in `unit`.
    pub fn new(text: &str, index: &LineIndex, span: Span, unit: ColumnUnit) -> Self {
        let start = index.line_col(text, span.start, unit);
        let end = index.line_col(text, span.end, unit);
        Region {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }

    /// The last line the span has a character on (a span ending just after a newline
    /// ends on the line before).
    pub fn last_line(&self) -> usize {
        if self.end_line > self.line && self.end_column == 1 {
            self.end_line - 1
        } else {
            self.end_line
        }
    }
}

/// A span of a finding, placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedLabel {
    /// The bytes of the original file.
    pub span: Span,
    /// Lines and columns.
    pub region: Region,
    /// What this span contributes.
    pub message: String,
}

/// A fix, placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedFix {
    /// The bytes to replace.
    pub span: Span,
    /// Lines and columns of the bytes to replace.
    pub region: Region,
    /// The replacement text.
    pub replacement: String,
    /// What the fix does.
    pub description: String,
}

/// A finding ready for a CI format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The document's path as given (or the `--stdin-filename`).
    pub path: String,
    /// The rule id.
    pub rule: &'static str,
    /// The severity after configuration.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// What would be consistent.
    pub help: Option<String>,
    /// The figure that is wrong.
    pub primary: LocatedLabel,
    /// The text of the primary span.
    pub snippet: String,
    /// Every other figure involved.
    pub related: Vec<LocatedLabel>,
    /// A safe replacement, when the rule has one.
    pub fix: Option<LocatedFix>,
    /// The stable fingerprint (see [`super::fingerprint`]).
    pub fingerprint: u64,
    /// The unit the columns are counted in.
    pub unit: ColumnUnit,
}

impl Located {
    /// Place `finding` of `doc`, counting columns in `unit`.
    pub fn new(doc: &Document, index: &LineIndex, finding: &Finding, unit: ColumnUnit) -> Self {
        let place = |span: Span, message: &str| LocatedLabel {
            span,
            region: Region::new(&doc.text, index, span, unit),
            message: message.to_owned(),
        };
        Located {
            path: doc.path.display().to_string(),
            rule: finding.rule,
            severity: finding.severity,
            message: finding.message.clone(),
            help: finding.help.clone(),
            primary: place(finding.primary.span, &finding.primary.message),
            snippet: doc
                .text
                .get(finding.primary.span.start..finding.primary.span.end)
                .unwrap_or("")
                .to_owned(),
            related: finding
                .related
                .iter()
                .map(|l| place(l.span, &l.message))
                .collect(),
            fix: finding.fix.as_ref().map(|f| LocatedFix {
                span: f.span,
                region: Region::new(&doc.text, index, f.span, unit),
                replacement: f.replacement.clone(),
                description: f.description.clone(),
            }),
            fingerprint: super::fingerprint::finding_fingerprint(doc, finding),
            unit,
        }
    }

    /// The message with the help appended on a line of its own, for formats that have
    /// one text field.
    pub fn message_with_help(&self) -> String {
        match &self.help {
            Some(help) => format!("{}\nhelp: {help}", self.message),
            None => self.message.clone(),
        }
    }
}

/// Everything a whole-run format needs: every file checked (in order) and the findings
/// to report.
#[derive(Debug, Clone, Default)]
pub struct RunReport {
    /// The path of every file checked, findings or not.
    pub files: Vec<String>,
    /// The findings to report, in file order.
    pub findings: Vec<Located>,
}

impl RunReport {
    /// The findings of each file, in order.
    pub fn by_file(&self) -> std::collections::HashMap<&str, Vec<&Located>> {
        let mut map: std::collections::HashMap<&str, Vec<&Located>> = Default::default();
        for f in &self.findings {
            map.entry(f.path.as_str()).or_default().push(f);
        }
        map
    }
}

/// A path as a forward-slash string without a leading `./`.
pub fn slash_path(path: &str) -> String {
    let mut p = if std::path::MAIN_SEPARATOR == '\\' {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.to_owned();
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_last_line() {
        let r = Region {
            line: 2,
            column: 3,
            end_line: 3,
            end_column: 1,
        };
        assert_eq!(r.last_line(), 2);
        let r = Region {
            line: 2,
            column: 3,
            end_line: 2,
            end_column: 5,
        };
        assert_eq!(r.last_line(), 2);
    }

    #[test]
    fn slash_paths() {
        assert_eq!(slash_path("./a/b.md"), "a/b.md");
        assert_eq!(slash_path("/abs/x.md"), "/abs/x.md");
    }
}
