//! Checkstyle XML (`check --format checkstyle`): a `<file>` for every file checked and an
//! `<error>` for every finding. Lines and columns are 1-based; columns count Unicode
//! characters, as in figcheck's own output.

use super::located::RunReport;
use super::xml::escape;
use crate::finding::Severity;
use std::fmt::Write as _;

/// The Checkstyle severity of a finding.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The Checkstyle document of a run.
pub fn checkstyle(report: &RunReport) -> String {
    let by_file = report.by_file();
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for file in &report.files {
        let findings = by_file.get(file.as_str()).map_or(&[][..], Vec::as_slice);
        if findings.is_empty() {
            let _ = writeln!(out, "  <file name=\"{}\"/>", escape(file));
            continue;
        }
        let _ = writeln!(out, "  <file name=\"{}\">", escape(file));
        for f in findings.iter() {
            let _ = writeln!(
                out,
                "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"figcheck.{}\"/>",
                f.primary.region.line,
                f.primary.region.column,
                severity(f.severity),
                escape(&f.message_with_help()),
                escape(f.rule)
            );
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}
