//! SARIF 2.1.0 (`check --format sarif`), as GitHub code scanning reads it.
//!
//! Columns are UTF-16 code units (`columnKind: "utf16CodeUnits"`), 1-based, with
//! `endColumn` just past the last character. Relative paths become relative URIs under
//! `%SRCROOT%` (the folder figcheck ran in); absolute paths become `file:` URIs.
//! `partialFingerprints` are left to the uploader, as GitHub asks.

use super::located::{Located, LocatedLabel, Region, RunReport, slash_path};
use crate::finding::Severity;
use crate::rules::{ExampleKind, RuleDoc};
use serde_json::{Value, json};

/// The schema a SARIF log names: the OASIS publication of SARIF 2.1.0 (errata 01).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Settings of a SARIF log that do not come from the findings.
#[derive(Debug, Clone, Default)]
pub struct SarifOptions {
    /// The absolute folder relative paths are resolved against (`%SRCROOT%`), as a
    /// `file:` URI ending in `/`; none leaves `originalUriBaseIds` out.
    pub src_root: Option<String>,
    /// Where rule documentation lives on the web: a rule's `helpUri` is this plus the
    /// rule id. None leaves `helpUri` out.
    pub rules_url: Option<String>,
}

/// The SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `majority-below-half` → `MajorityBelowHalf`.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect()
}

/// The first paragraph of a rule's documentation.
fn first_paragraph(docs: &str) -> String {
    docs.trim()
        .split("\n\n")
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A rule's documentation with its examples, in Markdown.
fn help_markdown(rule: &RuleDoc) -> String {
    let mut out = format!("{}\n\n{}\n", rule.summary, rule.docs.trim());
    for (title, kind) in [
        ("Flagged", ExampleKind::Bad),
        ("Not flagged", ExampleKind::Good),
    ] {
        let examples: Vec<_> = rule.examples.iter().filter(|e| e.kind == kind).collect();
        if examples.is_empty() {
            continue;
        }
        out.truncate(out.trim_end().len());
        out.push_str(&format!("\n\n## {title}\n\n"));
        for example in examples {
            out.push_str(&format!(
                "    {}\n\n",
                example.text.trim().replace('\n', " ")
            ));
        }
    }
    out.trim_end().to_owned() + "\n"
}

/// The `reportingDescriptor` of a rule.
fn descriptor(rule: &RuleDoc, options: &SarifOptions) -> Value {
    let help = help_markdown(rule);
    let mut d = json!({
        "id": rule.id,
        "name": pascal_case(&rule.id),
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": first_paragraph(&rule.docs) },
        "help": { "text": help, "markdown": help },
        "defaultConfiguration": { "level": level(rule.severity) },
    });
    if let Some(base) = &options.rules_url {
        d["helpUri"] = json!(format!("{base}{}", rule.id));
    }
    d
}

/// Percent-encode a path for a URI: everything but unreserved characters, `/` and a
/// few sub-delimiters. `:` is encoded too, so that a relative path never reads as a
/// scheme.
pub fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            );
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `artifactLocation` of a path.
fn artifact_location(path: &str) -> Value {
    let path = slash_path(path);
    if path.starts_with('/') {
        json!({ "uri": format!("file://{}", encode_uri_path(&path)) })
    } else {
        json!({ "uri": encode_uri_path(&path), "uriBaseId": "%SRCROOT%" })
    }
}

/// A SARIF `region`.
fn region(r: &Region, snippet: Option<&str>) -> Value {
    let mut v = json!({
        "startLine": r.line,
        "startColumn": r.column,
        "endLine": r.end_line,
        "endColumn": r.end_column,
    });
    if let Some(text) = snippet {
        v["snippet"] = json!({ "text": text });
    }
    v
}

fn physical(path: &str, label: &LocatedLabel, snippet: Option<&str>) -> Value {
    json!({
        "artifactLocation": artifact_location(path),
        "region": region(&label.region, snippet),
    })
}

/// The `result` of a finding.
fn result(finding: &Located, rule_index: Option<usize>) -> Value {
    let mut v = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": { "text": finding.message_with_help() },
        "locations": [{
            "physicalLocation": physical(&finding.path, &finding.primary, Some(&finding.snippet)),
            "message": { "text": finding.primary.message },
        }],
    });
    if let Some(i) = rule_index {
        v["ruleIndex"] = json!(i);
    }
    if !finding.related.is_empty() {
        v["relatedLocations"] = finding
            .related
            .iter()
            .enumerate()
            .map(|(i, label)| {
                json!({
                    "id": i + 1,
                    "physicalLocation": physical(&finding.path, label, None),
                    "message": { "text": label.message },
                })
            })
            .collect();
    }
    if let Some(fix) = &finding.fix {
        v["fixes"] = json!([{
            "description": { "text": fix.description },
            "artifactChanges": [{
                "artifactLocation": artifact_location(&finding.path),
                "replacements": [{
                    "deletedRegion": region(&fix.region, None),
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
    }
    v
}

/// The SARIF log of a run: one run, every rule in `tool.driver.rules`.
pub fn sarif_log(report: &RunReport, rules: &[RuleDoc], options: &SarifOptions) -> Value {
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| result(f, rules.iter().position(|r| r.id == f.rule)))
        .collect();
    let mut driver = json!({
        "name": "figcheck",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules.iter().map(|r| descriptor(r, options)).collect::<Vec<_>>(),
    });
    let repository = env!("CARGO_PKG_REPOSITORY");
    if !repository.is_empty() {
        driver["informationUri"] = json!(repository);
    }
    let mut run = json!({
        "tool": { "driver": driver },
        "columnKind": "utf16CodeUnits",
        "results": results,
    });
    if let Some(root) = &options.src_root {
        run["originalUriBaseIds"] = json!({ "%SRCROOT%": { "uri": root } });
    }
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [run],
    })
}

/// A folder as a `file:` URI ending in `/`, for [`SarifOptions::src_root`].
pub fn folder_uri(folder: &std::path::Path) -> Option<String> {
    let text = folder.to_str()?;
    let text = slash_path(text);
    let mut uri = if text.starts_with('/') {
        format!("file://{}", encode_uri_path(&text))
    } else {
        // A Windows drive path: file:///C:/...
        format!("file:///{}", encode_uri_path(&text).replacen("%3A", ":", 1))
    };
    if !uri.ends_with('/') {
        uri.push('/');
    }
    Some(uri)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, SourceFormat};
    use crate::finding::{Finding, Fix, Label};
    use crate::report::located::Located;
    use crate::span::{ColumnUnit, LineIndex, Span};

    #[test]
    fn names_and_uris() {
        assert_eq!(pascal_case("majority-below-half"), "MajorityBelowHalf");
        assert_eq!(encode_uri_path("a b/ü#1.md"), "a%20b/%C3%BC%231.md");
        assert_eq!(encode_uri_path("c:x.md"), "c%3Ax.md");
        assert_eq!(
            folder_uri(std::path::Path::new("/work/my repo")).as_deref(),
            Some("file:///work/my%20repo/")
        );
    }

    #[test]
    fn utf16_columns_related_locations_and_fixes() {
        let text = "Emoji 😀 first: 88 of 329 seats is a majority.\n";
        let doc = Document::new("d.md", text.to_owned(), SourceFormat::Markdown);
        let at = |needle: &str| {
            let s = text.find(needle).unwrap();
            Span::new(s, s + needle.len())
        };
        let finding = Finding {
            rule: "majority-below-half",
            severity: Severity::Error,
            message: "m".into(),
            primary: Label::new(at("88"), "88 of 329 is 26.7%"),
            related: vec![Label::new(at("329 seats"), "the whole")],
            help: Some("h".into()),
            fix: Some(Fix {
                span: at("a majority"),
                replacement: "a minority".into(),
                description: "say minority".into(),
            }),
        };
        let index = LineIndex::new(text);
        let located = Located::new(&doc, &index, &finding, ColumnUnit::Utf16);
        let report = RunReport {
            files: vec!["d.md".into()],
            findings: vec![located],
        };
        let log = sarif_log(&report, crate::rules::all(), &SarifOptions::default());
        let result = &log["runs"][0]["results"][0];
        let region = &result["locations"][0]["physicalLocation"]["region"];
        // "Emoji 😀 first: " is 15 chars but 16 UTF-16 units: 88 starts at unit 17.
        assert_eq!(region["startColumn"], 17);
        assert_eq!(region["endColumn"], 19);
        assert_eq!(region["snippet"]["text"], "88");
        assert_eq!(result["level"], "error");
        assert_eq!(
            result["relatedLocations"][0]["message"]["text"],
            "the whole"
        );
        let replacement = &result["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "a minority");
        assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");
        assert!(result.get("partialFingerprints").is_none());
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), crate::rules::all().len());
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], "majority-below-half");
    }
}
