//! Output of `figcheck figures`: the fact-checker's sheet, as a table, JSON Lines or CSV.
//!
//! Columns are 1-based and counted in Unicode scalar values (characters); `start` and
//! `end` are UTF-8 byte offsets into the original file.

use crate::attribution::Attribution;
use crate::document::Document;
use crate::figure::{Figure, Value};
use crate::span::{LineIndex, SpanPosition};
use serde::Serialize;
use std::io::{self, Write};

/// One row of the figures sheet: the stable JSONL schema.
#[derive(Debug, Serialize)]
pub struct FigureRecord<'a> {
    /// The document's path as given (or the `--stdin-filename`).
    pub path: String,
    /// Byte offsets, and 1-based lines and columns (in characters), of the figure.
    #[serde(flatten)]
    pub position: SpanPosition,
    /// The figure's text as written.
    pub text: &'a str,
    /// The kind name (`count`, `percent`, ...).
    pub kind: &'static str,
    /// The value: a number, or for dates an ISO 8601 string.
    pub value: serde_json::Value,
    /// The high end of a range or split year.
    pub high: Option<serde_json::Value>,
    /// The whole, for a part of a whole.
    pub of: Option<serde_json::Value>,
    /// The counted noun or measurement unit.
    pub unit: Option<&'a str>,
    /// ISO 4217 currency code for money.
    pub currency: Option<&'static str>,
    /// `exact`, `about`, `nearly`, `at_least`, `more_than`, `at_most`, `less_than` or `vague`.
    pub approx: &'static str,
    /// True when the draft attributes the figure to a source (see `figcheck::attribution`).
    pub attributed: bool,
    /// The source as the draft names it, with its byte offsets; null when the figure is
    /// unattributed or its cue names nobody (`reportedly`).
    pub source: Option<SourceRecord<'a>>,
    /// The wording that attributes it: `said`, `according_to`, `reported`, `data`,
    /// `estimate`, `claim`, `link`, `footnote` or `quote`; null when unattributed.
    pub cue: Option<&'static str>,
}

/// A figure's named source.
#[derive(Debug, Serialize)]
pub struct SourceRecord<'a> {
    /// The source phrase as written (`the Office for National Statistics`).
    pub text: &'a str,
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

impl<'a> FigureRecord<'a> {
    /// The record for `figure` in `doc`, with its attribution (from
    /// [`crate::attribution::attribute`]).
    pub fn new(
        doc: &'a Document,
        index: &LineIndex,
        figure: &'a Figure,
        attribution: Option<&Attribution>,
    ) -> Self {
        FigureRecord {
            path: doc.path.display().to_string(),
            position: SpanPosition::new(&doc.text, index, figure.span),
            text: figure.span.slice(&doc.text),
            kind: figure.kind.as_str(),
            value: json_value(&figure.value),
            high: figure.high.as_ref().map(json_value),
            of: figure.of.map(|n| json_number(n.value)),
            unit: figure.unit.as_deref(),
            currency: figure.currency,
            approx: figure.approx.as_str(),
            attributed: attribution.is_some(),
            source: attribution.and_then(|a| a.source).map(|span| SourceRecord {
                text: span.slice(&doc.text),
                start: span.start,
                end: span.end,
            }),
            cue: attribution.map(|a| a.cue.as_str()),
        }
    }
}

fn json_value(value: &Value) -> serde_json::Value {
    match value {
        Value::Number(n) => json_number(n.value),
        Value::Date(d) => serde_json::Value::String(d.iso()),
        Value::Time { hour, minute } => serde_json::Value::String(format!("{hour:02}:{minute:02}")),
        Value::Score(a, b) => serde_json::json!([a, b]),
    }
}

/// Integers print without a fraction; other values keep at most six decimals.
fn json_number(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        serde_json::Value::from(v as i64)
    } else {
        let rounded = (v * 1e6).round() / 1e6;
        serde_json::Number::from_f64(rounded)
            .map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

/// A value as plain text for the table and CSV.
pub fn display_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(display_value)
            .collect::<Vec<_>>()
            .join("-"),
        other => other.to_string(),
    }
}

/// The output formats of `figcheck figures`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FiguresFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

/// Writes figure records in one format; the table needs all rows to align, so rows are
/// buffered per document.
pub fn write_figures(
    out: &mut dyn Write,
    format: FiguresFormat,
    records: &[FigureRecord<'_>],
    header: bool,
) -> io::Result<()> {
    match format {
        FiguresFormat::Jsonl => {
            for r in records {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
        }
        FiguresFormat::Csv => {
            if header {
                writeln!(
                    out,
                    "path,line,column,start,end,text,kind,value,high,of,unit,currency,approx,attributed,cue,source"
                )?;
            }
            for r in records {
                let fields = [
                    r.path.clone(),
                    r.position.line.to_string(),
                    r.position.column.to_string(),
                    r.position.start.to_string(),
                    r.position.end.to_string(),
                    r.text.to_owned(),
                    r.kind.to_owned(),
                    display_value(&r.value),
                    r.high.as_ref().map(display_value).unwrap_or_default(),
                    r.of.as_ref().map(display_value).unwrap_or_default(),
                    r.unit.unwrap_or_default().to_owned(),
                    r.currency.unwrap_or_default().to_owned(),
                    r.approx.to_owned(),
                    r.attributed.to_string(),
                    r.cue.unwrap_or_default().to_owned(),
                    r.source
                        .as_ref()
                        .map(|s| s.text)
                        .unwrap_or_default()
                        .to_owned(),
                ];
                let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                writeln!(out, "{}", line.join(","))?;
            }
        }
        FiguresFormat::Table => {
            let rows: Vec<TableRow> = records.iter().map(FigureRecord::to_owned_row).collect();
            write_table_rows(out, &rows, header)?;
        }
    }
    Ok(())
}

/// One row of the human table: location, text, kind, value, unit, approx, source.
pub type TableRow = [String; 7];

impl FigureRecord<'_> {
    /// The record as a row of the human table.
    pub fn to_owned_row(&self) -> TableRow {
        let value = match (&self.high, &self.of) {
            (Some(h), _) => format!("{}..{}", display_value(&self.value), display_value(h)),
            (None, Some(of)) => format!("{} of {}", display_value(&self.value), display_value(of)),
            _ => display_value(&self.value),
        };
        let unit = match (self.currency, self.unit) {
            (Some(c), _) => c.to_owned(),
            (None, Some(u)) => u.to_owned(),
            _ => String::new(),
        };
        [
            format!(
                "{}:{}:{}",
                self.path, self.position.line, self.position.column
            ),
            self.text.replace('\n', " "),
            self.kind.to_owned(),
            value,
            unit,
            self.approx.to_owned(),
            self.source_cell(),
        ]
    }
}

impl FigureRecord<'_> {
    /// The table's source cell: `cue: source`, the cue alone when the source is unnamed,
    /// empty when unattributed.
    fn source_cell(&self) -> String {
        match (self.cue, &self.source) {
            (Some(cue), Some(source)) => {
                format!(
                    "{cue}: {}",
                    source.text.split_whitespace().collect::<Vec<_>>().join(" ")
                )
            }
            (Some(cue), None) => cue.to_owned(),
            _ => String::new(),
        }
    }
}

/// Write the human table with a header, columns aligned over all `rows`.
pub fn write_table(out: &mut dyn Write, rows: &[TableRow]) -> io::Result<()> {
    write_table_rows(out, rows, true)
}

fn write_table_rows(out: &mut dyn Write, rows: &[TableRow], header: bool) -> io::Result<()> {
    let titles = [
        "location", "text", "kind", "value", "unit", "approx", "source",
    ];
    let mut widths = titles.map(|t| t.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let write_row = |out: &mut dyn Write, cells: [&str; 7]| -> io::Result<()> {
        let mut line = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if i + 1 < cells.len() {
                line.extend(std::iter::repeat_n(' ', w - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())
    };
    if header {
        write_row(out, titles)?;
    }
    for row in rows {
        write_row(
            out,
            [
                &row[0], &row[1], &row[2], &row[3], &row[4], &row[5], &row[6],
            ],
        )?;
    }
    Ok(())
}

/// Quote a CSV field when it holds a comma, quote or line break (RFC 4180).
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("73 seats"), "73 seats");
        assert_eq!(csv_field("1,234"), "\"1,234\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn integers_print_without_fraction() {
        assert_eq!(json_number(73.0).to_string(), "73");
        assert_eq!(json_number(2.0 / 3.0).to_string(), "0.666667");
        assert_eq!(json_number(24.67e9).to_string(), "24670000000");
    }
}
