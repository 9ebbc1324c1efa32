//! Conversions at the protocol's edge: byte spans to LSP ranges in the negotiated
//! encoding and back, file URIs to paths and back, findings to diagnostics, and the
//! Markdown of hovers and rule documentation.

use crate::document::Document;
use crate::figure::Figure;
use crate::finding::{Finding, Severity};
use crate::report::figures::FigureRecord;
use crate::rules::{ExampleKind, RuleDoc};
use crate::span::{ColumnUnit, LineCol, LineIndex, Span};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag,
    Location, NumberOrString, Position, Range, Uri,
};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A text with its line index, for converting in one encoding.
pub struct Positions<'a> {
    /// The text.
    pub text: &'a str,
    /// Its line starts.
    pub index: &'a LineIndex,
    /// The negotiated unit of `Position::character`.
    pub unit: ColumnUnit,
}

impl Positions<'_> {
    /// The LSP position of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let at = self.index.line_col(self.text, offset, self.unit);
        Position::new(to_u32(at.line - 1), to_u32(at.column - 1))
    }

    /// The LSP range of `span`.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of an LSP position, clamped to the text (see [`LineIndex::offset`]).
    pub fn offset(&self, position: Position) -> usize {
        self.index.offset(
            self.text,
            LineCol {
                line: position.line as usize + 1,
                column: position.character as usize + 1,
            },
            self.unit,
        )
    }

    /// The byte span of an LSP range (ends swapped if the client sent them reversed).
    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The LSP severity of a finding's severity.
pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The diagnostic of a finding: the primary span as the range, the rule id as the code
/// with a link to its documentation, every other span as related information, and the
/// help on a line of its own after the message.
pub fn diagnostic(
    finding: &Finding,
    uri: &Uri,
    at: &Positions<'_>,
    rule_link: Option<Uri>,
) -> Diagnostic {
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        let _ = write!(message, "\nhelp: {help}");
    }
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), at.range(label.span)),
            message: label.message.clone(),
        })
        .collect();
    Diagnostic {
        range: at.range(finding.primary.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.to_owned())),
        code_description: rule_link.map(|href| CodeDescription { href }),
        source: Some("figcheck".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: (finding.rule == "unused-suppression").then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: None,
    }
}

/// The path of a `file:` URI (`None` for any other scheme).
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // The authority (empty, or `localhost`) runs to the first slash.
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path);
    let decoded = String::from_utf8_lossy(&decoded).into_owned();
    if cfg!(windows) {
        let bytes = decoded.as_bytes();
        if bytes.len() >= 3 && bytes[0] == b'/' && bytes[2] == b':' {
            return Some(PathBuf::from(&decoded[1..]));
        }
    }
    Some(PathBuf::from(decoded))
}

fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// The `file:` URI of an absolute path.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let absolute = std::path::absolute(path).ok()?;
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            uri.push(byte as char);
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    Uri::from_str(&uri).ok()
}

/// The figures sheet's row for `figure`, as hover Markdown: the text as written, then
/// every field of the row but its position (kind, value, unit, approximation, and any
/// field a later version of the sheet adds, such as where the figure comes from).
pub fn figure_markdown(doc: &Document, index: &LineIndex, figure: &Figure) -> String {
    let attribution = crate::attribution::attribute(doc, std::slice::from_ref(figure));
    let record = FigureRecord::new(doc, index, figure, attribution[0].as_ref());
    let mut out = format!("**{}**", inline_code(record.text));
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(&record) else {
        return out;
    };
    const POSITION: [&str; 9] = [
        "path",
        "text",
        "start",
        "end",
        "line",
        "column",
        "end_line",
        "end_column",
        "span",
    ];
    const FIRST: [&str; 7] = ["kind", "value", "high", "of", "unit", "currency", "approx"];
    let rest = fields
        .keys()
        .filter(|k| !POSITION.contains(&k.as_str()) && !FIRST.contains(&k.as_str()));
    for key in FIRST.iter().copied().chain(rest.map(String::as_str)) {
        let Some(value) = fields.get(key) else {
            continue;
        };
        let shown = match value {
            serde_json::Value::Null => continue,
            serde_json::Value::String(s) => s.clone(),
            // The source's words, without its offsets.
            serde_json::Value::Object(o) if o.contains_key("text") => {
                o["text"].as_str().unwrap_or_default().to_owned()
            }
            other => other.to_string(),
        };
        let _ = write!(
            out,
            "\n- {}: {}",
            key.replace('_', " "),
            inline_code(&shown)
        );
    }
    out
}

/// A finding as hover Markdown, with its rule's summary and documentation.
pub fn finding_markdown(finding: &Finding, rule: Option<&RuleDoc>) -> String {
    let mut out = format!(
        "**{}** `{}`: {}",
        finding.severity, finding.rule, finding.message
    );
    if let Some(help) = &finding.help {
        let _ = write!(out, "\n\nhelp: {help}");
    }
    if let Some(rule) = rule {
        let _ = write!(out, "\n\n*{}*\n\n{}", rule.summary, rule.docs.trim());
    }
    out
}

/// A rule's documentation as a Markdown page (what `figcheck explain` prints).
pub fn rule_page(rule: &RuleDoc) -> String {
    let mut out = format!(
        "# {}\n\n{}\n\nDefault severity: {}\n\n{}\n",
        rule.id,
        rule.summary,
        rule.severity,
        rule.docs.trim()
    );
    if !rule.parameters.is_empty() {
        out.push_str("\n## Parameters\n\n");
        for (name, value) in &rule.parameters {
            let _ = writeln!(out, "- `{name}` (default {value})");
        }
    }
    for (title, kind) in [
        ("Flagged", ExampleKind::Bad),
        ("Not flagged", ExampleKind::Good),
    ] {
        let _ = write!(out, "\n## {title}\n\n");
        for example in rule.examples.iter().filter(|e| e.kind == kind) {
            for line in example.text.trim().lines() {
                let _ = writeln!(out, "    {line}");
            }
            out.push('\n');
        }
    }
    out
}

/// `text` as inline code, with enough backticks around it.
fn inline_code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_and_paths() {
        assert_eq!(
            uri_to_path("file:///tmp/a%20b/%E2%80%9Cq%E2%80%9D.md"),
            Some(PathBuf::from("/tmp/a b/“q”.md"))
        );
        assert_eq!(
            uri_to_path("file://localhost/x.md"),
            Some(PathBuf::from("/x.md"))
        );
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
        if cfg!(unix) {
            let uri = path_to_uri(Path::new("/tmp/a b/“q”.md")).unwrap();
            assert_eq!(uri.as_str(), "file:///tmp/a%20b/%E2%80%9Cq%E2%80%9D.md");
            assert_eq!(
                uri_to_path(uri.as_str()),
                Some(PathBuf::from("/tmp/a b/“q”.md"))
            );
        }
    }

    #[test]
    fn inline_code_fences() {
        assert_eq!(inline_code("88 seats"), "`88 seats`");
        assert_eq!(inline_code("a`b"), "``a`b``");
    }
}
