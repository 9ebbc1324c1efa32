//! Reviewdog Diagnostic Format: `rdjson` (one `DiagnosticResult`) and `rdjsonl` (one
//! `Diagnostic` a line).
//!
//! As the format requires, lines are 1-based and columns are 1-based UTF-8 byte counts
//! within the line, the end exclusive.

use super::located::{Located, LocatedLabel, Region, RunReport, slash_path};
use crate::finding::Severity;
use serde_json::{Value, json};

/// The reviewdog severity of a finding.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

fn range(r: &Region) -> Value {
    json!({
        "start": { "line": r.line, "column": r.column },
        "end": { "line": r.end_line, "column": r.end_column },
    })
}

fn location(path: &str, label: &LocatedLabel) -> Value {
    json!({ "path": slash_path(path), "range": range(&label.region) })
}

/// The `Diagnostic` of a finding; `with_source` names figcheck in it (for `rdjsonl`,
/// where no result object does).
pub fn diagnostic(finding: &Located, with_source: bool, rules_url: Option<&str>) -> Value {
    let mut code = json!({ "value": finding.rule });
    if let Some(base) = rules_url {
        code["url"] = json!(format!("{base}{}", finding.rule));
    }
    let mut d = json!({
        "message": finding.message_with_help(),
        "location": location(&finding.path, &finding.primary),
        "severity": severity(finding.severity),
        "code": code,
    });
    if with_source {
        d["source"] = json!({ "name": "figcheck" });
    }
    if !finding.related.is_empty() {
        d["related_locations"] = finding
            .related
            .iter()
            .map(|l| json!({ "message": l.message, "location": location(&finding.path, l) }))
            .collect();
    }
    if let Some(fix) = &finding.fix {
        d["suggestions"] = json!([{ "range": range(&fix.region), "text": fix.replacement }]);
    }
    d
}

/// The `DiagnosticResult` of a run.
pub fn diagnostic_result(report: &RunReport, rules_url: Option<&str>) -> Value {
    json!({
        "source": { "name": "figcheck" },
        "diagnostics": report
            .findings
            .iter()
            .map(|f| diagnostic(f, false, rules_url))
            .collect::<Vec<_>>(),
    })
}
