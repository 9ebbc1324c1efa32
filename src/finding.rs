//! Findings: what a rule reports, with every span involved.

use crate::span::Span;
use serde::Serialize;
use std::fmt;

/// How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a run by default.
    Info,
    /// Probably wrong.
    Warning,
    /// Certainly wrong.
    Error,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parse `info`, `warning` or `error`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span with what it stands for in the finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The bytes of the original file.
    pub span: Span,
    /// What this span contributes ("88 of 329 is 26.7%").
    pub message: String,
}

impl Label {
    /// A label on `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// A replacement that would resolve a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    /// The bytes to replace.
    pub span: Span,
    /// The replacement text.
    pub replacement: String,
    /// What the fix does, for people.
    pub description: String,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's id (`majority-below-half`).
    pub rule: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// One sentence naming the figures compared and why they disagree.
    pub message: String,
    /// The figure that is wrong, labelled with what was computed.
    pub primary: Label,
    /// Every other figure involved.
    pub related: Vec<Label>,
    /// What would be consistent.
    pub help: Option<String>,
    /// A safe replacement, when the rule has one.
    pub fix: Option<Fix>,
}

impl Finding {
    /// Every span of the finding, primary first.
    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        std::iter::once(self.primary.span).chain(self.related.iter().map(|l| l.span))
    }
}
