//! The rules engine: rules are data (`rules/*.toml`: id, summary, severity, parameters,
//! documentation, examples) plus one small Rust function each.

mod arithmetic;
mod breakdown;
mod comparison;
mod conversion;
mod dates;
mod drift;
mod lists;
mod majority;
mod part_whole;
mod percent_sum;
mod periods;
mod ranges;
mod score;
mod sourcing;

use crate::config::Config;
use crate::document::Document;
use crate::figure::{Approx, Figure, Number};
use crate::finding::{Finding, Label, Severity};
use crate::span::Span;
use serde::Deserialize;
use std::sync::OnceLock;

/// A rule's documentation and defaults, as written in its TOML file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    /// The rule id, also the file name.
    pub id: String,
    /// One line saying what the rule finds.
    pub summary: String,
    /// Default severity.
    pub severity: Severity,
    /// Tunable parameters and their defaults.
    #[serde(default)]
    pub parameters: toml::Table,
    /// Longer documentation (Markdown).
    pub docs: String,
    /// Example texts, run by the test suite.
    #[serde(rename = "example")]
    pub examples: Vec<Example>,
}

/// An example text of a rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// `bad` examples must be flagged by the rule, `good` ones must not.
    pub kind: ExampleKind,
    /// The draft text (plain text).
    pub text: String,
}

/// Whether an example shows a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExampleKind {
    /// The rule must report something.
    Bad,
    /// The rule must stay quiet.
    Good,
}

type CheckFn = fn(&Context<'_>, &mut Emitter);

/// A built-in rule: its file name under `rules/`, the file's text, and its check.
macro_rules! rule_file {
    ($name:literal, $check:expr) => {
        (
            $name,
            include_str!(concat!("../../rules/", $name, ".toml")),
            $check as CheckFn,
        )
    };
}

/// Every rule: its file name, its TOML text and its check.
const RULES: &[(&str, &str, CheckFn)] = &[
    rule_file!("part-exceeds-whole", part_whole::part_exceeds_whole),
    rule_file!("majority-below-half", majority::majority_below_half),
    rule_file!("share-mismatch", part_whole::share_mismatch),
    rule_file!("change-mismatch", arithmetic::change_mismatch),
    rule_file!("multiplier-mismatch", arithmetic::multiplier_mismatch),
    rule_file!("points-vs-percent", arithmetic::points_vs_percent),
    rule_file!("weekday-mismatch", dates::weekday_mismatch),
    rule_file!("impossible-date", dates::impossible_date),
    rule_file!("range-inverted", ranges::range_inverted),
    rule_file!("approx-mismatch", part_whole::approx_mismatch),
    rule_file!("breakdown-sum", breakdown::breakdown_sum),
    rule_file!("unit-conversion", conversion::unit_conversion),
    rule_file!("figure-drift", drift::figure_drift),
    rule_file!("percent-sum", percent_sum::percent_sum),
    rule_file!("comparison-mismatch", comparison::comparison_mismatch),
    rule_file!("score-mismatch", score::score_mismatch),
    rule_file!("list-count", lists::list_count),
    rule_file!("unsourced-figure", sourcing::unsourced_figure),
    rule_file!("vague-figure", sourcing::vague_figure),
    // Reported by `crate::suppress` after the other rules have run.
    rule_file!("unused-suppression", |_, _| {}),
];

/// The documentation of every rule, in registry order (parsed once). The files are built
/// in and a test parses each, so an invalid one cannot ship.
pub fn all() -> &'static [RuleDoc] {
    static DOCS: OnceLock<Vec<RuleDoc>> = OnceLock::new();
    DOCS.get_or_init(|| {
        RULES
            .iter()
            .map(|(name, text, _)| parse_rule_file(name, text).unwrap_or_else(|e| panic!("{e}")))
            .collect()
    })
}

/// The smallest number of `bad` and of `good` examples a rule file must carry.
pub const MIN_EXAMPLES: usize = 3;

/// Parse and validate the rule file `rules/<name>.toml`. Errors read
/// `rules/<name>.toml:LINE:COLUMN: KEY: what is wrong` (columns in characters, 1-based).
/// A rule file is data only: its values are read, never run.
pub fn parse_rule_file(name: &str, text: &str) -> Result<RuleDoc, String> {
    let at = |offset: usize, key: &str, message: &str| {
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..offset].matches('\n').count() + 1;
        let column = text[line_start..offset].chars().count() + 1;
        format!("rules/{name}.toml:{line}:{column}: {key}: {message}")
    };
    // Where a top-level key is written, for errors found after parsing.
    let key_offset = |key: &str| {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start();
            if trimmed
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('=') || rest.starts_with(']'))
                || trimmed.starts_with(&format!("[[{key}]]"))
                || trimmed.starts_with(&format!("[{key}]"))
            {
                return offset + (line.len() - trimmed.len());
            }
            offset += line.len();
        }
        0
    };
    let doc: RuleDoc = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |r| r.start);
        // The key is the word at the start of the line the error is on.
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let key: String = text[line_start..]
            .trim_start_matches([' ', '\t', '['])
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        let key = if key.is_empty() {
            "(document)".to_owned()
        } else {
            key
        };
        at(offset, &key, e.message().trim())
    })?;
    if doc.id != name {
        return Err(at(
            key_offset("id"),
            "id",
            &format!("`{}` must be the file name, `{name}`", doc.id),
        ));
    }
    for (key, value) in &doc.parameters {
        let ok = match value {
            toml::Value::Integer(_)
            | toml::Value::Float(_)
            | toml::Value::String(_)
            | toml::Value::Boolean(_) => true,
            toml::Value::Array(items) => items.iter().all(toml::Value::is_str),
            _ => false,
        };
        if !ok {
            return Err(at(
                key_offset(key),
                &format!("parameters.{key}"),
                "a parameter is a number, a string, a boolean or a list of strings",
            ));
        }
    }
    for kind in [ExampleKind::Bad, ExampleKind::Good] {
        let count = doc.examples.iter().filter(|e| e.kind == kind).count();
        if count < MIN_EXAMPLES {
            return Err(at(
                key_offset("example"),
                "example",
                &format!(
                    "{count} `{}` examples; a rule needs at least {MIN_EXAMPLES}",
                    if kind == ExampleKind::Bad {
                        "bad"
                    } else {
                        "good"
                    }
                ),
            ));
        }
    }
    Ok(doc)
}

/// The documentation of rule `id`.
pub fn find(id: &str) -> Option<&'static RuleDoc> {
    all().iter().find(|r| r.id == id)
}

/// What a rule sees: the document, its figures, and the rule's parameters.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Every figure of the document, in order.
    pub figures: &'a [Figure],
    /// For each figure, the range of indices of the figures in its sentence.
    sentence_ranges: &'a [std::ops::Range<usize>],
    /// The from/to changes, found once for all the rules that read them.
    changes: &'a std::cell::OnceCell<Vec<arithmetic::Change<'a>>>,
    /// Who the draft says each figure comes from, found once for the sourcing rules.
    attributor: &'a std::cell::RefCell<crate::attribution::Attributor<'a>>,
    params: &'a toml::Table,
    defaults: &'a toml::Table,
}

impl<'a> Context<'a> {
    /// The original text of `span`.
    pub fn text(&self, span: Span) -> &'a str {
        &self.doc.text[span.start..span.end]
    }

    /// A numeric parameter: the configured value, else the rule file's default.
    pub fn param(&self, name: &str) -> f64 {
        match self.param_value(name) {
            Some(toml::Value::Float(f)) => *f,
            Some(toml::Value::Integer(i)) => *i as f64,
            _ => 0.0,
        }
    }

    /// A parameter's configured value, else the rule file's default.
    fn param_value(&self, name: &str) -> Option<&'a toml::Value> {
        self.params.get(name).or_else(|| self.defaults.get(name))
    }

    /// A string parameter: the configured value, else the rule file's default.
    pub fn param_str(&self, name: &str) -> &'a str {
        self.param_value(name)
            .and_then(toml::Value::as_str)
            .unwrap_or("")
    }

    /// A boolean parameter: the configured value, else the rule file's default.
    pub fn param_bool(&self, name: &str) -> bool {
        self.param_value(name)
            .and_then(toml::Value::as_bool)
            .unwrap_or(false)
    }

    /// A list-of-strings parameter: the configured value, else the rule file's default.
    pub fn param_list(&self, name: &str) -> Vec<&'a str> {
        self.param_value(name)
            .and_then(toml::Value::as_array)
            .map(|items| items.iter().filter_map(toml::Value::as_str).collect())
            .unwrap_or_default()
    }

    /// The document's attributions, shared by the rules that read them.
    pub fn attributor(&self) -> std::cell::RefMut<'a, crate::attribution::Attributor<'a>> {
        self.attributor.borrow_mut()
    }

    /// The sentence containing byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        let sentences = &self.doc.sentences;
        let i = sentences.partition_point(|s| s.end <= offset);
        sentences.get(i).copied().filter(|s| s.start <= offset)
    }

    /// The prose (markup blanked) between two offsets, lower-cased words only matter.
    pub fn prose(&self, span: Span) -> &'a str {
        // An approximation word can start before the previous figure ends: no gap then.
        self.doc
            .prose
            .get(span.start..span.end.max(span.start))
            .unwrap_or("")
    }

    /// The prose of the sentence before `offset`, from the sentence start.
    pub fn before_in_sentence(&self, offset: usize) -> &'a str {
        let start = self.sentence_at(offset).map_or(offset, |s| s.start);
        &self.doc.prose[start..offset]
    }

    /// The prose of the sentence after `offset`, to the sentence end.
    pub fn after_in_sentence(&self, offset: usize) -> &'a str {
        let end = self.sentence_at(offset).map_or(offset, |s| s.end);
        &self.doc.prose[offset..end.max(offset)]
    }

    /// Indices of the figures in the same sentence as figure `index`.
    pub fn same_sentence(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.sentence_figures(index).filter(move |&j| j != index)
    }

    /// The figure-index range of the sentence holding `figure` (a figure of this document).
    pub fn sentence_figures_of(&self, figure: &Figure) -> std::ops::Range<usize> {
        let index = self
            .figures
            .partition_point(|f| f.span.start < figure.span.start);
        self.sentence_ranges
            .get(index)
            .cloned()
            .unwrap_or(index..index)
    }

    /// Indices of the figures in the sentence of figure `index`, itself included.
    pub fn sentence_figures(&self, index: usize) -> std::ops::Range<usize> {
        self.sentence_ranges[index].clone()
    }
}

/// For each figure, the index range of the figures in its sentence (figures are sorted,
/// so a sentence's figures are contiguous). Figures outside any sentence stand alone.
fn sentence_ranges(doc: &Document, figures: &[Figure]) -> Vec<std::ops::Range<usize>> {
    let sentence_of = |f: &Figure| {
        let i = doc.sentences.partition_point(|s| s.end <= f.span.start);
        doc.sentences
            .get(i)
            .filter(|s| s.start <= f.span.start)
            .map(|_| i)
    };
    let ids: Vec<Option<usize>> = figures.iter().map(sentence_of).collect();
    let mut ranges = Vec::with_capacity(figures.len());
    let mut start = 0;
    for i in 0..figures.len() {
        if i > 0 && (ids[i] != ids[i - 1] || ids[i].is_none()) {
            start = i;
        }
        ranges.push(start..0);
    }
    let mut end = figures.len();
    for i in (0..figures.len()).rev() {
        if i + 1 < figures.len() && (ids[i] != ids[i + 1] || ids[i].is_none()) {
            end = i + 1;
        }
        ranges[i].end = end;
    }
    ranges
}

/// Collects a rule's findings, stamping its id and configured severity.
pub struct Emitter {
    rule: &'static str,
    severity: Severity,
    /// True when `figcheck.toml` set the rule's severity, which then wins over the
    /// severity a rule picks per finding.
    severity_configured: bool,
    findings: Vec<Finding>,
}

impl Emitter {
    /// Report a finding of this rule.
    pub fn emit(
        &mut self,
        message: String,
        primary: Label,
        related: Vec<Label>,
        help: Option<String>,
    ) {
        // Figures quoted in messages may span a line break; messages are one line.
        let one_line = |text: String| {
            // Most texts are one line already: single spaces, none at either end.
            let clean = !text.contains(|c: char| c.is_whitespace() && c != ' ')
                && !text.contains("  ")
                && !text.starts_with(' ')
                && !text.ends_with(' ');
            if clean {
                return text;
            }
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let relabel = |l: Label| Label::new(l.span, one_line(l.message));
        self.findings.push(Finding {
            rule: self.rule,
            severity: self.severity,
            message: one_line(message),
            primary: relabel(primary),
            related: related.into_iter().map(relabel).collect(),
            help: help.map(one_line),
            fix: None,
        });
    }
}

impl Emitter {
    /// Set the severity of the finding just emitted, unless the configuration set the
    /// rule's severity.
    pub fn with_severity(&mut self, severity: Severity) {
        if self.severity_configured {
            return;
        }
        if let Some(last) = self.findings.last_mut() {
            last.severity = severity;
        }
    }

    /// Attach a fix to the finding just emitted.
    pub fn with_fix(&mut self, span: Span, replacement: String, description: String) {
        if let Some(last) = self.findings.last_mut() {
            last.fix = Some(crate::finding::Fix {
                span,
                replacement,
                description,
            });
        }
    }
}

/// Run every enabled rule on `doc`; findings come sorted by position.
pub fn check(doc: &Document, config: &Config) -> Vec<Finding> {
    let figures = crate::figures(doc);
    let ranges = sentence_ranges(doc, &figures);
    let changes = std::cell::OnceCell::new();
    let attributor = std::cell::RefCell::new(crate::attribution::Attributor::new(doc));
    let empty = toml::Table::new();
    let mut findings = Vec::new();
    for ((_, _, check_fn), rule) in RULES.iter().zip(all()) {
        let settings = config.rule(&rule.id);
        if !settings.is_none_or(|s| s.enabled.unwrap_or(true)) {
            continue;
        }
        let cx = Context {
            doc,
            figures: &figures,
            sentence_ranges: &ranges,
            changes: &changes,
            attributor: &attributor,
            params: settings.map_or(&empty, |s| &s.params),
            defaults: &rule.parameters,
        };
        let rule_id: &'static str = &rule.id;
        let mut emitter = Emitter {
            rule: rule_id,
            severity: settings.and_then(|s| s.severity).unwrap_or(rule.severity),
            severity_configured: settings.is_some_and(|s| s.severity.is_some()),
            findings: Vec::new(),
        };
        check_fn(&cx, &mut emitter);
        findings.append(&mut emitter.findings);
    }
    findings.sort_by(|a, b| (a.primary.span, a.rule).cmp(&(b.primary.span, b.rule)));
    findings.dedup_by(|a, b| a.rule == b.rule && a.primary.span == b.primary.span);
    findings
}

/// Shared arithmetic helpers for rules.
pub mod math {
    use super::*;

    /// The interval `[low, high)` a number stands for, widened by `slack` (a fraction of
    /// the value) for approximation words.
    pub fn interval(n: Number, slack: f64) -> (f64, f64) {
        let (low, high) = n.interval();
        let widen = n.value.abs() * slack;
        (low - widen, high + widen)
    }

    /// A count's interval: a whole number written in full is exact (`four` is 4, not 3.5
    /// to 4.5); a rounded one (`1.2 million`) stands for its interval.
    pub fn count_interval(n: Number) -> (f64, f64) {
        if n.step <= 1.0 {
            (n.value, n.value)
        } else {
            n.interval()
        }
    }

    /// The interval a value stands for once its approximation word is read: `nearly 145`
    /// is below 145 but not far below, `about 145` within a tenth either side (a vague
    /// magnitude too), `more than 145` anything above it, `under 145` anything below.
    pub fn approx_interval(n: Number, approx: Approx) -> (f64, f64) {
        let (low, high) = n.interval();
        match approx {
            Approx::Exact => (low, high),
            Approx::Nearly => (low * 0.85, high),
            Approx::About | Approx::Vague => (low * 0.9, high * 1.1),
            Approx::AtLeast | Approx::MoreThan => (low, f64::INFINITY),
            Approx::AtMost | Approx::LessThan => (0.0, high),
        }
    }

    /// How far either side a fraction word reaches, in percentage points: fraction words
    /// are rounded loosely (`a third` covers about 27% to 40%).
    pub fn fraction_slack(share_percent: f64) -> f64 {
        share_percent * 0.12 + 2.5
    }

    /// Like [`show`], with `million` or `billion` for large values (`127.4 million`).
    pub fn show_scaled(v: f64) -> String {
        if v.abs() >= 1e9 {
            format!("{} billion", show(v / 1e9))
        } else if v.abs() >= 1e6 {
            format!("{} million", show(v / 1e6))
        } else {
            show(v)
        }
    }

    /// Format a number for messages: at most one decimal, thousands separated.
    pub fn show(v: f64) -> String {
        let rounded = (v * 10.0).round() / 10.0;
        let rounded = if rounded == 0.0 { 0.0 } else { rounded };
        let text = if rounded.fract() == 0.0 {
            format!("{rounded:.0}")
        } else {
            format!("{rounded:.1}")
        };
        let (int, frac) = text
            .split_once('.')
            .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
        let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        match frac {
            Some(f) => format!("{sign}{grouped}.{f}"),
            None => format!("{sign}{grouped}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_file_parses_and_names_itself() {
        for rule in all() {
            let bad = rule
                .examples
                .iter()
                .filter(|e| e.kind == ExampleKind::Bad)
                .count();
            let good = rule.examples.len() - bad;
            assert!(
                bad >= 3 && good >= 3,
                "{} needs three bad and three good examples",
                rule.id
            );
            assert!(
                !rule.summary.is_empty() && !rule.docs.is_empty(),
                "{}",
                rule.id
            );
        }
    }

    #[test]
    fn numbers_show_grouped() {
        assert_eq!(math::show(1234567.0), "1,234,567");
        assert_eq!(math::show(26.749), "26.7");
        assert_eq!(math::show(-0.04), "0");
        assert_eq!(math::show_scaled(127_400_000.0), "127.4 million");
        assert_eq!(math::show_scaled(2.5e9), "2.5 billion");
        assert_eq!(math::show_scaled(450.0), "450");
    }

    const VALID: &str = r#"id = "demo"
summary = "A demo"
severity = "warning"
docs = "Docs."
[parameters]
tolerance = 0.5
[[example]]
kind = "bad"
text = "a"
[[example]]
kind = "bad"
text = "b"
[[example]]
kind = "bad"
text = "c"
[[example]]
kind = "good"
text = "d"
[[example]]
kind = "good"
text = "e"
[[example]]
kind = "good"
text = "f"
"#;

    #[test]
    fn every_built_in_rule_file_is_valid() {
        for (name, text, _) in RULES {
            let doc = parse_rule_file(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(doc.id, *name);
        }
    }

    #[test]
    fn rule_file_errors_name_file_line_and_key() {
        assert!(parse_rule_file("demo", VALID).is_ok());
        let wrong_type = VALID.replace(r#"severity = "warning""#, "severity = 3");
        assert_eq!(
            parse_rule_file("demo", &wrong_type)
                .unwrap_err()
                .split(": ")
                .take(2)
                .collect::<Vec<_>>(),
            ["rules/demo.toml:3:12", "severity"]
        );
        let unknown = VALID.replace("docs = ", "script = \"rm -rf\"\ndocs = ");
        let err = parse_rule_file("demo", &unknown).unwrap_err();
        assert!(err.starts_with("rules/demo.toml:4:1: script: "), "{err}");
        let bad_id = VALID.replace(r#"id = "demo""#, r#"id = "other""#);
        let err = parse_rule_file("demo", &bad_id).unwrap_err();
        assert!(err.starts_with("rules/demo.toml:1:1: id: "), "{err}");
        let table_param = VALID.replace("tolerance = 0.5", "tolerance = { a = 1 }");
        let err = parse_rule_file("demo", &table_param).unwrap_err();
        assert!(
            err.starts_with("rules/demo.toml:6:1: parameters.tolerance: "),
            "{err}"
        );
        let few = VALID.replacen(r#"kind = "good""#, r#"kind = "bad""#, 1);
        let err = parse_rule_file("demo", &few).unwrap_err();
        assert!(err.contains("example: 2 `good` examples"), "{err}");
        let broken = VALID.replace(r#"summary = "A demo""#, "summary = ");
        let err = parse_rule_file("demo", &broken).unwrap_err();
        assert!(err.starts_with("rules/demo.toml:2:"), "{err}");
    }
}
