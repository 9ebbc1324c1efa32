//! Inline suppressions.
//!
//! In Markdown, inside an HTML comment:
//!
//! ```markdown
//! <!-- figcheck-disable-next-line majority-below-half -->
//! <!-- figcheck-disable share-mismatch, change-mismatch -->
//! <!-- figcheck-enable share-mismatch -->
//! ```
//!
//! In plain text, the same directive on a line of its own (any comment characters before
//! it are ignored: `# figcheck-disable-next-line`). Without rule ids a directive covers
//! every rule. A suppression that suppresses nothing is reported as `unused-suppression`
//! (info).

use crate::document::{Document, SourceFormat};
use crate::finding::{Finding, Label, Severity};
use crate::span::Span;

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    NextLine,
    Disable,
    Enable,
}

/// One directive found in the text.
#[derive(Debug, Clone)]
struct Marker {
    directive: Directive,
    /// The rules it names; empty for all rules.
    rules: Vec<String>,
    /// The directive's bytes, for reporting it.
    span: Span,
    /// The 0-based line it is on.
    line: usize,
}

impl Marker {
    fn covers(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }
}

const PREFIX: &str = "figcheck-";

/// Every directive in the document, in order.
fn markers(doc: &Document) -> Vec<Marker> {
    let mut found = Vec::new();
    // Most documents have no marker: one fast search settles that.
    if memchr::memmem::find(doc.text.as_bytes(), PREFIX.as_bytes()).is_none() {
        return found;
    }
    let mut line_start = 0;
    for (line_no, line) in doc.text.split_inclusive('\n').enumerate() {
        let mut search = 0;
        while let Some(at) = line[search..].find(PREFIX) {
            let start = search + at;
            search = start + PREFIX.len();
            let rest = &line[search..];
            let (directive, after) = if let Some(r) = rest.strip_prefix("disable-next-line") {
                (Directive::NextLine, r)
            } else if let Some(r) = rest.strip_prefix("disable") {
                (Directive::Disable, r)
            } else if let Some(r) = rest.strip_prefix("enable") {
                (Directive::Enable, r)
            } else {
                continue;
            };
            if !after.is_empty()
                && !after.starts_with(char::is_whitespace)
                && !after.starts_with("-->")
            {
                continue;
            }
            let in_comment = line[..start].contains("<!--");
            let alone = line[..start]
                .trim_start_matches(|c: char| c.is_whitespace() || "#/;%*-".contains(c))
                .is_empty();
            let valid = match doc.format {
                SourceFormat::Markdown => in_comment,
                SourceFormat::PlainText => in_comment || alone,
            };
            if !valid {
                continue;
            }
            let body_end = after.find("-->").unwrap_or(after.len());
            let rules: Vec<String> = after[..body_end]
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .collect();
            let end = search + (line.len() - search - after.len()) + body_end;
            let end = start + line[start..end].trim_end().len();
            found.push(Marker {
                directive,
                rules,
                span: Span::new(line_start + start, line_start + end),
                line: line_no,
            });
        }
        line_start += line.len();
    }
    found
}

/// Remove the findings the document's directives suppress, and report directives that
/// suppress nothing.
pub fn apply(doc: &Document, findings: Vec<Finding>) -> Vec<Finding> {
    let markers = markers(doc);
    if markers.is_empty() {
        return findings;
    }
    let line_of = |offset: usize| {
        doc.text[..offset.min(doc.text.len())]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
    };
    let mut used = vec![false; markers.len()];
    let mut kept = Vec::new();
    for finding in findings {
        let line = line_of(finding.primary.span.start);
        let mut suppressed = false;
        for (i, m) in markers.iter().enumerate() {
            if !m.covers(finding.rule) {
                continue;
            }
            let hit = match m.directive {
                Directive::NextLine => line == m.line + 1,
                Directive::Disable => {
                    let enabled_again = markers[i + 1..]
                        .iter()
                        .find(|e| e.directive == Directive::Enable && e.covers(finding.rule));
                    finding.primary.span.start >= m.span.end
                        && enabled_again.is_none_or(|e| finding.primary.span.start < e.span.start)
                }
                Directive::Enable => false,
            };
            if hit {
                used[i] = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(finding);
        }
    }
    for (m, used) in markers.iter().zip(used) {
        if used || m.directive == Directive::Enable {
            continue;
        }
        let what = if m.rules.is_empty() {
            "any rule".to_owned()
        } else {
            m.rules.join(", ")
        };
        kept.push(Finding {
            rule: "unused-suppression",
            severity: Severity::Info,
            message: format!("this suppression of {what} suppresses nothing"),
            primary: Label::new(m.span, "suppresses nothing"),
            related: Vec::new(),
            help: Some("remove the directive, or check the rule id".into()),
            fix: None,
        });
    }
    kept.sort_by(|a, b| (a.primary.span, a.rule).cmp(&(b.primary.span, b.rule)));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn check(text: &str, format: SourceFormat) -> Vec<Finding> {
        let doc = Document::new("t", text.to_owned(), format);
        apply(&doc, crate::rules::check(&doc, &Config::default()))
    }

    // Sourced, so that only the consistency rule speaks.
    const BAD: &str = "Rebels now hold 350 of the 329 seats, the speaker said.\n";

    #[test]
    fn next_line_in_markdown() {
        let text = format!("<!-- figcheck-disable-next-line part-exceeds-whole -->\n{BAD}");
        assert!(check(&text, SourceFormat::Markdown).is_empty());
        // Another rule's directive does not suppress, and is itself unused.
        let text = format!("<!-- figcheck-disable-next-line share-mismatch -->\n{BAD}");
        let rules: Vec<_> = check(&text, SourceFormat::Markdown)
            .iter()
            .map(|f| f.rule)
            .collect();
        assert_eq!(rules, vec!["unused-suppression", "part-exceeds-whole"]);
    }

    #[test]
    fn block_disable_and_enable() {
        let text = format!("<!-- figcheck-disable -->\n{BAD}<!-- figcheck-enable -->\n\n{BAD}");
        let findings = check(&text, SourceFormat::Markdown);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].primary.span.start > text.find("enable").unwrap());
    }

    #[test]
    fn plain_text_marker_on_its_own_line() {
        let text = format!("# figcheck-disable-next-line part-exceeds-whole\n{BAD}");
        assert!(check(&text, SourceFormat::PlainText).is_empty());
        // Mentioned in prose, it is not a directive.
        let text = format!("See figcheck-disable-next-line in the docs.\n{BAD}");
        assert_eq!(check(&text, SourceFormat::PlainText).len(), 1);
    }
}
