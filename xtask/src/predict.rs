//! figcheck's figures as owned records, the one shape both evaluations compare against.

use figcheck::report::figures::FigureRecord;
use figcheck::span::LineIndex;
use figcheck::{Document, SourceFormat, figures};
use serde::Serialize;
use serde_json::Value;
use std::path::Path;

/// One figure figcheck found: its byte span and the schema fields of `figcheck figures`.
#[derive(Debug, Clone, Serialize)]
pub struct Pred {
    /// Byte offset where the figure starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The figure as written.
    pub text: String,
    /// The kind name (`count`, `money`, ...).
    pub kind: String,
    /// The value: a number, an ISO date string, `HH:MM`, or `[a, b]` for a score.
    pub value: Value,
    /// The high end of a range or split year.
    pub high: Option<Value>,
    /// The whole of a part (`73 out of 329` has 329).
    pub of: Option<Value>,
    /// ISO 4217 code for money.
    pub currency: Option<String>,
    /// True when figcheck finds a source for the figure.
    pub attributed: bool,
}

impl Pred {
    /// True when the figure's span overlaps the byte span `start..end`.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }

    /// True for a weekday standing alone (`-W-4`), which the corpus keys never label.
    pub fn is_lone_weekday(&self) -> bool {
        self.value.as_str().is_some_and(|v| v.starts_with("-W-"))
    }

    /// Every number the figure carries: its value, high end, whole, and value/whole.
    pub fn numbers(&self) -> Vec<f64> {
        let value = self.value.as_f64();
        let high = self.high.as_ref().and_then(Value::as_f64);
        let of = self.of.as_ref().and_then(Value::as_f64);
        let quotient = match (value, of) {
            (Some(v), Some(o)) if o != 0.0 => Some(v / o),
            _ => None,
        };
        [value, high, of, quotient].into_iter().flatten().collect()
    }

    /// A short description for reports: `"$4.7bn" money 4700000000 USD`.
    pub fn describe(&self) -> String {
        let mut s = format!("{:?} {} {}", self.text, self.kind, self.value);
        if let Some(high) = &self.high {
            s.push_str(&format!("..{high}"));
        }
        if let Some(of) = &self.of {
            s.push_str(&format!(" of {of}"));
        }
        if let Some(code) = &self.currency {
            s.push_str(&format!(" {code}"));
        }
        s
    }
}

/// Runs figcheck over `text` read as `format` and returns its figures in order.
pub fn predict(path: &Path, text: String, format: SourceFormat) -> Vec<Pred> {
    let doc = Document::new(path, text, format);
    let index = LineIndex::new(&doc.text);
    let figures = figures(&doc);
    let attributions = figcheck::attribution::attribute(&doc, &figures);
    figures
        .iter()
        .zip(&attributions)
        .map(|(fig, attribution)| {
            let rec = FigureRecord::new(&doc, &index, fig, attribution.as_ref());
            Pred {
                start: rec.position.start,
                end: rec.position.end,
                text: rec.text.to_owned(),
                kind: rec.kind.to_owned(),
                value: rec.value,
                high: rec.high,
                of: rec.of,
                currency: rec.currency.map(str::to_owned),
                attributed: rec.attributed,
            }
        })
        .collect()
}

/// Numbers agree when within `rel` of the larger magnitude, or within `abs`.
pub fn close(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    let diff = (a - b).abs();
    diff <= abs || diff <= rel * a.abs().max(b.abs())
}
