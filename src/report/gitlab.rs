//! GitLab Code Quality JSON (`check --format gitlab`): an array of issues with
//! `description`, `check_name`, `fingerprint`, `severity` and `location.path` and
//! `location.lines.begin`/`end` (1-based lines; GitLab shows no columns).
//!
//! The fingerprint hashes the path, the rule and the finding's stable fingerprint (its
//! figures and their sentence: see [`super::fingerprint`]), so an issue keeps it when lines
//! are added above it and GitLab does not report it as new. Identical findings in one
//! file are told apart by their order.

use super::fingerprint::{Fnv1a, to_hex};
use super::located::{RunReport, slash_path};
use crate::finding::Severity;
use serde_json::{Value, json};
use std::collections::HashMap;

/// The Code Quality severity of a finding.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// The Code Quality report of a run.
pub fn code_quality(report: &RunReport) -> Value {
    let mut seen: HashMap<(String, &str, u64), u64> = HashMap::new();
    let issues: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let path = slash_path(&f.path);
            let occurrence = seen
                .entry((path.clone(), f.rule, f.fingerprint))
                .and_modify(|n| *n += 1)
                .or_insert(0);
            let mut h = Fnv1a::new();
            h.write_part("figcheck-gitlab-1");
            h.write_part(&path);
            h.write_part(f.rule);
            h.write_part(&to_hex(f.fingerprint));
            h.write_part(&occurrence.to_string());
            json!({
                "type": "issue",
                "check_name": f.rule,
                "description": f.message_with_help(),
                "categories": ["Bug Risk"],
                "severity": severity(f.severity),
                "fingerprint": to_hex(h.finish()),
                "location": {
                    "path": path,
                    "lines": { "begin": f.primary.region.line, "end": f.primary.region.last_line() },
                },
            })
        })
        .collect();
    Value::Array(issues)
}
