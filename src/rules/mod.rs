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
use crate::figure::{Figure, Number};
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

/// Every rule: its TOML file and its check.
const RULES: &[(&str, CheckFn)] = &[
    (
        include_str!("../../rules/part-exceeds-whole.toml"),
        part_whole::part_exceeds_whole,
    ),
    (
        include_str!("../../rules/majority-below-half.toml"),
        majority::majority_below_half,
    ),
    (
        include_str!("../../rules/share-mismatch.toml"),
        part_whole::share_mismatch,
    ),
    (
        include_str!("../../rules/change-mismatch.toml"),
        arithmetic::change_mismatch,
    ),
    (
        include_str!("../../rules/multiplier-mismatch.toml"),
        arithmetic::multiplier_mismatch,
    ),
    (
        include_str!("../../rules/points-vs-percent.toml"),
        arithmetic::points_vs_percent,
    ),
    (
        include_str!("../../rules/weekday-mismatch.toml"),
        dates::weekday_mismatch,
    ),
    (
        include_str!("../../rules/impossible-date.toml"),
        dates::impossible_date,
    ),
    (
        include_str!("../../rules/range-inverted.toml"),
        ranges::range_inverted,
    ),
    (
        include_str!("../../rules/approx-mismatch.toml"),
        part_whole::approx_mismatch,
    ),
    (
        include_str!("../../rules/breakdown-sum.toml"),
        breakdown::breakdown_sum,
    ),
    (
        include_str!("../../rules/unit-conversion.toml"),
        conversion::unit_conversion,
    ),
    (
        include_str!("../../rules/figure-drift.toml"),
        drift::figure_drift,
    ),
    (
        include_str!("../../rules/percent-sum.toml"),
        percent_sum::percent_sum,
    ),
    (
        include_str!("../../rules/comparison-mismatch.toml"),
        comparison::comparison_mismatch,
    ),
    (
        include_str!("../../rules/score-mismatch.toml"),
        score::score_mismatch,
    ),
    (
        include_str!("../../rules/list-count.toml"),
        lists::list_count,
    ),
    (
        include_str!("../../rules/unsourced-figure.toml"),
        sourcing::unsourced_figure,
    ),
    (
        include_str!("../../rules/vague-figure.toml"),
        sourcing::vague_figure,
    ),
    // Reported by `crate::suppress` after the other rules have run.
    (
        include_str!("../../rules/unused-suppression.toml"),
        |_, _| {},
    ),
];

/// The documentation of every rule, in registry order (parsed once).
pub fn all() -> &'static [RuleDoc] {
    static DOCS: OnceLock<Vec<RuleDoc>> = OnceLock::new();
    DOCS.get_or_init(|| {
        RULES
            .iter()
            .map(|(toml_text, _)| {
                toml::from_str(toml_text)
                    .unwrap_or_else(|e| panic!("built-in rule file is invalid: {e}"))
            })
            .collect()
    })
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
    for ((_, check_fn), rule) in RULES.iter().zip(all()) {
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
}
