//! GitHub Actions workflow commands (`check --format github`): one `::error`,
//! `::warning` or `::notice` line per finding, which the runner turns into an annotation
//! on the file and line.
//!
//! Escaping follows the runner: in the message `%`, CR and LF become `%25`, `%0D` and
//! `%0A`; in property values `:` and `,` also become `%3A` and `%2C`.
//!
//! Columns are UTF-16 code units, 1-based, `endColumn` just past the last character: the
//! same columns as the SARIF that GitHub code scanning shows, so one finding has one
//! position in both places (for text without characters beyond the Basic Multilingual
//! Plane, such as emoji, they equal figcheck's character columns). The runner drops
//! columns when `line` and `endLine` differ, so a finding whose figure spans lines gets
//! `line` and `endLine` only.

use super::located::{Located, slash_path};
use crate::finding::Severity;

/// The workflow command of a severity.
pub fn command_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escape a command's message (its data).
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => out.push(c),
        }
    }
    out
}

/// Escape a property value.
pub fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            _ => out.push(c),
        }
    }
    out
}

/// The workflow command of a finding, without a line ending.
pub fn annotation(finding: &Located) -> String {
    let r = &finding.primary.region;
    let end_line = r.last_line();
    let mut props = vec![
        format!("file={}", escape_property(&slash_path(&finding.path))),
        format!("line={}", r.line),
        format!("endLine={end_line}"),
    ];
    if end_line == r.line {
        // An end in the next line's first column (a span ending in a newline) is the end
        // of this line; the runner wants both columns on one line.
        let end_column = if r.end_line == r.line {
            r.end_column
        } else {
            r.column
                + finding
                    .snippet
                    .trim_end_matches(['\n', '\r'])
                    .encode_utf16()
                    .count()
        };
        props.push(format!("col={}", r.column));
        props.push(format!("endColumn={end_column}"));
    }
    props.push(format!(
        "title={}",
        escape_property(&format!("figcheck {}", finding.rule))
    ));
    format!(
        "::{} {}::{}",
        command_name(finding.severity),
        props.join(","),
        escape_data(&finding.message_with_help())
    )
}

#[cfg(test)]
mod tests {
    //! The round trip: annotations parsed back with the runner's own rules give the
    //! file, lines, columns and message exactly.

    use super::*;
    use crate::document::{Document, SourceFormat};
    use crate::finding::{Finding, Label};
    use crate::span::{ColumnUnit, LineIndex, Span};
    use std::collections::HashMap;

    /// A workflow command as the runner reads it.
    struct Parsed {
        command: String,
        properties: HashMap<String, String>,
        data: String,
    }

    /// The runner's unescaping of a property value (in its order: `%25` last).
    fn unescape_property(s: &str) -> String {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    }

    /// The runner's unescaping of the data.
    fn unescape_data(s: &str) -> String {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%")
    }

    /// The runner's parser: `::` then the command and its properties up to the next
    /// `::`, properties split at `,` and each at its first `=`, then the data.
    fn parse(line: &str) -> Option<Parsed> {
        let line = line.trim_start();
        let rest = line.strip_prefix("::")?;
        let end = rest.find("::")?;
        let info = &rest[..end];
        let data = &rest[end + 2..];
        let (command, props) = match info.find(' ') {
            Some(i) => (&info[..i], info[i + 1..].trim()),
            None => (info, ""),
        };
        let mut properties = HashMap::new();
        for prop in props.split(',').filter(|p| !p.is_empty()) {
            let mut pair = prop.splitn(2, '=');
            if let (Some(k), Some(v)) = (pair.next(), pair.next())
                && !k.is_empty()
                && !v.is_empty()
            {
                properties.insert(k.to_owned(), unescape_property(v));
            }
        }
        Some(Parsed {
            command: command.to_owned(),
            properties,
            data: unescape_data(data),
        })
    }

    fn located(path: &str, text: &str, needle: &str, message: &str, help: Option<&str>) -> Located {
        let doc = Document::new(path, text.to_owned(), SourceFormat::PlainText);
        let start = text.find(needle).unwrap();
        let finding = Finding {
            rule: "share-mismatch",
            severity: Severity::Warning,
            message: message.to_owned(),
            primary: Label::new(Span::new(start, start + needle.len()), "here"),
            related: vec![],
            help: help.map(str::to_owned),
            fix: None,
        };
        Located::new(&doc, &LineIndex::new(text), &finding, ColumnUnit::Utf16)
    }

    #[test]
    fn tricky_messages_and_paths_round_trip() {
        let text = "Line one.\n“Quoted” 😀 text: 12 of 40, or 40%.\n";
        let messages = [
            "12 of 40 is 30%, not 40%: check the share",
            "100% sure: a, b, c :: d",
            "%0A is not a newline, %25 is not a percent sign, %3A %2C stay",
            "two\nlines\r\nand a carriage return",
            "trailing percent %",
            "::warning file=evil::injected",
        ];
        let paths = ["drafts/a,b:c%d.md", "plain.md", "dir with space/x=y.md"];
        for path in paths {
            for message in messages {
                for help in [None, Some("write 30%, or 12 of 30")] {
                    let f = located(path, text, "12 of 40", message, help);
                    let line = annotation(&f);
                    assert!(!line.contains('\n') && !line.contains('\r'), "{line}");
                    let parsed = parse(&line).expect("the runner parses it");
                    assert_eq!(parsed.command, "warning");
                    assert_eq!(parsed.properties["file"], path);
                    assert_eq!(parsed.properties["line"], "2");
                    assert_eq!(parsed.properties["endLine"], "2");
                    // “Quoted” 😀 text: is 17 chars, 18 UTF-16 units.
                    assert_eq!(parsed.properties["col"], "19");
                    assert_eq!(parsed.properties["endColumn"], "27");
                    assert_eq!(parsed.properties["title"], "figcheck share-mismatch");
                    let expected = match help {
                        Some(h) => format!("{message}\nhelp: {h}"),
                        None => message.to_owned(),
                    };
                    assert_eq!(parsed.data, expected);
                }
            }
        }
    }

    #[test]
    fn spans_over_lines_drop_columns() {
        let text = "It rose from 40\nto 70 in all.\n";
        let f = located("a.txt", text, "40\nto 70", "m", None);
        let parsed = parse(&annotation(&f)).unwrap();
        assert_eq!(parsed.properties["line"], "1");
        assert_eq!(parsed.properties["endLine"], "2");
        assert!(!parsed.properties.contains_key("col"));
        assert!(!parsed.properties.contains_key("endColumn"));
        // A span that ends with its line's newline stays on one line.
        let f = located("a.txt", text, "40\n", "m", None);
        let parsed = parse(&annotation(&f)).unwrap();
        assert_eq!(parsed.properties["endLine"], "1");
        assert_eq!(parsed.properties["col"], "14");
        assert_eq!(parsed.properties["endColumn"], "16");
    }

    #[test]
    fn severities() {
        assert_eq!(command_name(Severity::Info), "notice");
        assert_eq!(command_name(Severity::Error), "error");
    }
}
