//! JUnit XML (`check --format junit`): a test suite per file checked. A finding at or
//! above `--fail-on` is a failed test case; one below it is a passed test case that
//! carries the finding in `<system-out>`; a file without findings is one passed case.
//! Lines and columns are 1-based; columns count Unicode characters.

use super::located::{Located, RunReport};
use super::xml::escape;
use crate::finding::Severity;
use std::fmt::Write as _;

fn short(f: &Located) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {}",
        f.path,
        f.primary.region.line,
        f.primary.region.column,
        f.severity,
        f.rule,
        f.message_with_help()
    )
}

/// The JUnit document of a run; findings at or above `fail_on` are failures.
pub fn junit(report: &RunReport, fail_on: Severity) -> String {
    let failing = |f: &Located| f.severity >= fail_on;
    let total_failures = report.findings.iter().filter(|f| failing(f)).count();
    let by_file = report.by_file();
    let mut suites = String::new();
    let mut total_tests = 0;
    for file in &report.files {
        let findings = by_file.get(file.as_str()).map_or(&[][..], Vec::as_slice);
        let tests = findings.len().max(1);
        let failures = findings.iter().filter(|f| failing(f)).count();
        total_tests += tests;
        let _ = writeln!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\" time=\"0\">",
            escape(file)
        );
        if findings.is_empty() {
            let _ = writeln!(
                suites,
                "    <testcase name=\"figcheck\" classname=\"{}\" time=\"0\"/>",
                escape(file)
            );
        }
        for f in findings.iter() {
            let _ = writeln!(
                suites,
                "    <testcase name=\"{} at {}:{}\" classname=\"{}\" file=\"{}\" line=\"{}\" time=\"0\">",
                escape(f.rule),
                f.primary.region.line,
                f.primary.region.column,
                escape(file),
                escape(file),
                f.primary.region.line
            );
            if failing(f) {
                let _ = writeln!(
                    suites,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    escape(&f.message),
                    f.severity,
                    escape(&short(f))
                );
            } else {
                let _ = writeln!(
                    suites,
                    "      <system-out>{}</system-out>",
                    escape(&short(f))
                );
            }
            suites.push_str("    </testcase>\n");
        }
        suites.push_str("  </testsuite>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"figcheck\" tests=\"{total_tests}\" failures=\"{total_failures}\" errors=\"0\" time=\"0\">\n{suites}</testsuites>\n"
    )
}
