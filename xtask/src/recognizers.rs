//! Part 2: pass rates on the Recognizers-Text English specs
//! (`../shared/external/recognizers-text/en-*.jsonl`, schema in its README).
//!
//! Each case's `input` is read as plain text. A case with expected mentions passes when
//! every in-scope mention is overlapped by a figure of an accepted kind whose value
//! agrees; a case with none passes when no figure of the model's kind is produced (any
//! figure at all for the number model; for the unit models only their own kind, since
//! upstream lists only mentions of the model's kind: `All 70 of us` is a count, not money).
//! What is out of scope is in [`crate::recognizers_scope`].

use crate::predict::{Pred, close, predict};
use crate::recognizers_scope::{self as scope, CASE_CATEGORIES, MENTION_RULES};
use figcheck::SourceFormat;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The models scored, in report order; the first three are gated by `--min-*`.
pub const MODELS: [&str; 9] = [
    "number",
    "percent",
    "currency",
    "ordinal",
    "number-range",
    "dimension",
    "age",
    "temperature",
    "datetime",
];

/// Models whose pass rate has a floor (`--min-number` and so on); the rest are informational.
pub const GATED: [&str; 3] = ["number", "percent", "currency"];

/// One line of a spec file (fields not used here are ignored).
#[derive(Deserialize)]
struct Case {
    input: String,
    expected: Vec<Expected>,
    dotnet_supported: bool,
    case: usize,
}

/// One expected mention.
#[derive(Deserialize)]
struct Expected {
    text: String,
    start_byte: usize,
    end_byte: usize,
    value: Option<String>,
    unit: Option<String>,
    resolution: Value,
}

/// What a figure must carry to match an expected mention.
#[derive(Debug)]
enum Want {
    /// A number among the figure's value, high end, whole, or value/whole.
    Number(f64),
    /// A money figure with this amount (or this many cents) and, when both sides name
    /// one, this ISO code.
    Money {
        amount: f64,
        code: Option<String>,
        cents: bool,
    },
    /// An interval `[lo,hi)`, `(lo,)`, `(,hi]`: a range with both ends, or one bound.
    Interval(Option<f64>, Option<f64>),
    /// A date or time key (see [`timex_key`]).
    Date(String),
}

/// Scores of one model file.
#[derive(Debug, Default, Serialize)]
pub struct ModelReport {
    /// Model name (`number`, `percent`, ...).
    pub model: String,
    /// Whether a floor can be set on its pass rate.
    pub gated: bool,
    /// Cases in the file.
    pub total: usize,
    /// Cases upstream's .NET implementation supports.
    pub supported: usize,
    /// Supported cases left out by the scope list.
    pub out_of_scope: usize,
    /// Supported cases scored.
    pub in_scope: usize,
    /// In-scope cases passed.
    pub pass: usize,
    /// `pass / in_scope`; null when nothing is in scope.
    pub pass_rate: Option<f64>,
    /// Currency only: in-scope cases that would pass if the amount were accepted on a
    /// figure of any kind (`$ 75 million` read as a count), for comparison; not gated.
    pub pass_any_kind: Option<usize>,
    /// The in-scope cases that failed.
    pub failures: Vec<Failure>,
}

/// A failing in-scope case.
#[derive(Debug, Serialize)]
pub struct Failure {
    /// Index in the spec file (`case`).
    pub case: usize,
    /// The input text.
    pub input: String,
    /// One line per problem: the unmatched mention and what overlaps it, or an unwanted figure.
    pub problems: Vec<String>,
}

/// How many cases (and dropped mentions) one scope category or rule took out of one model.
#[derive(Debug, Serialize)]
pub struct ScopeCount {
    /// Model name.
    pub model: String,
    /// Category or rule name.
    pub category: &'static str,
    /// Its one-line reason.
    pub reason: &'static str,
    /// Supported cases left out entirely.
    pub cases: usize,
    /// Expected mentions dropped (mention rules only; 0 for case categories).
    pub mentions: usize,
}

/// All Recognizers-Text scores.
#[derive(Debug, Serialize)]
pub struct RecognizersReport {
    /// The spec directory.
    pub dir: PathBuf,
    /// One entry per model file found.
    pub models: Vec<ModelReport>,
    /// The out-of-scope categories with their counts.
    pub out_of_scope: Vec<ScopeCount>,
    /// Model files that were not found.
    pub missing: Vec<String>,
}

impl RecognizersReport {
    /// The report of `model`, if its file was read.
    pub fn model(&self, model: &str) -> Option<&ModelReport> {
        self.models.iter().find(|m| m.model == model)
    }
}

/// Scores every `en-<model>.jsonl` in `dir`.
pub fn evaluate(dir: &Path) -> Result<RecognizersReport, String> {
    let mut report = RecognizersReport {
        dir: dir.to_owned(),
        models: Vec::new(),
        out_of_scope: Vec::new(),
        missing: Vec::new(),
    };
    for model in MODELS {
        let path = dir.join(format!("en-{model}.jsonl"));
        if !path.exists() {
            report.missing.push(model.to_owned());
            continue;
        }
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut cases = Vec::new();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let case: Case = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            cases.push(case);
        }
        let (scores, counts) = evaluate_model(model, cases)?;
        report.models.push(scores);
        report.out_of_scope.extend(counts);
    }
    Ok(report)
}

/// Scores one model's cases; returns its report and its out-of-scope counts.
fn evaluate_model(model: &str, cases: Vec<Case>) -> Result<(ModelReport, Vec<ScopeCount>), String> {
    let mut report = ModelReport {
        model: model.to_owned(),
        gated: GATED.contains(&model),
        ..ModelReport::default()
    };
    // (cases, mentions) per category or rule name.
    let mut excluded: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();

    for case in cases {
        report.total += 1;
        if !case.dotnet_supported {
            continue;
        }
        report.supported += 1;
        if let Some(category) = scope::case_category(model, case.case, &case.input)? {
            excluded.entry(category.name).or_default().0 += 1;
            report.out_of_scope += 1;
            continue;
        }
        let had_mentions = !case.expected.is_empty();
        let mut last_rule = None;
        let mut kept = Vec::new();
        for e in case.expected {
            match scope::mention_rule(model, &e.text, e.value.as_deref()) {
                Some(rule) => {
                    excluded.entry(rule.name).or_default().1 += 1;
                    last_rule = Some(rule.name);
                }
                None => kept.push(e),
            }
        }
        if had_mentions && kept.is_empty() {
            if let Some(rule) = last_rule {
                excluded.entry(rule).or_default().0 += 1;
            }
            report.out_of_scope += 1;
            continue;
        }

        report.in_scope += 1;
        let preds = predict(
            Path::new("spec.txt"),
            case.input.clone(),
            SourceFormat::PlainText,
        );
        let problems = check_case(model, &kept, &preds, false);
        if model == "currency" && check_case(model, &kept, &preds, true).is_empty() {
            *report.pass_any_kind.get_or_insert(0) += 1;
        }
        if problems.is_empty() {
            report.pass += 1;
        } else {
            report.failures.push(Failure {
                case: case.case,
                input: case.input,
                problems,
            });
        }
    }
    report.pass_rate = (report.in_scope > 0).then(|| report.pass as f64 / report.in_scope as f64);

    let counts = excluded
        .into_iter()
        .map(|(name, (cases, mentions))| {
            let reason = CASE_CATEGORIES
                .iter()
                .map(|c| (c.name, c.reason))
                .chain(MENTION_RULES.iter().map(|r| (r.name, r.reason)))
                .find(|(n, _)| *n == name)
                .map_or("", |(_, r)| r);
            ScopeCount {
                model: model.to_owned(),
                category: name,
                reason,
                cases,
                mentions,
            }
        })
        .collect();
    Ok((report, counts))
}

/// The problems of one in-scope case (empty when it passes). With `any_kind`, a figure of
/// any kind may match a mention (negative cases are checked as usual).
fn check_case(model: &str, expected: &[Expected], preds: &[Pred], any_kind: bool) -> Vec<String> {
    if expected.is_empty() {
        return preds
            .iter()
            .filter(|p| negative_kind(model, p))
            .map(|p| format!("expected no figure, got {}", p.describe()))
            .collect();
    }
    let mut problems = Vec::new();
    for e in expected {
        let Some(want) = want(model, e) else {
            problems.push(format!(
                "{:?}: cannot read expected value {:?}",
                e.text, e.value
            ));
            continue;
        };
        let overlapping: Vec<&Pred> = preds
            .iter()
            .filter(|p| p.overlaps(e.start_byte, e.end_byte))
            .collect();
        if overlapping
            .iter()
            .any(|p| (any_kind || accepts(model, p)) && agrees(&want, p))
        {
            continue;
        }
        let found = if overlapping.is_empty() {
            "no figure".to_owned()
        } else {
            overlapping
                .iter()
                .map(|p| p.describe())
                .collect::<Vec<_>>()
                .join("; ")
        };
        problems.push(format!(
            "{:?} want {}: got {found}",
            e.text,
            describe_want(&want)
        ));
    }
    problems
}

/// Whether a figure of this kind may match a mention of `model`.
fn accepts(model: &str, p: &Pred) -> bool {
    match model {
        "percent" => p.kind == "percent",
        "currency" => p.kind == "money" || p.currency.is_some(),
        "ordinal" => p.kind == "ordinal",
        "datetime" => matches!(p.kind.as_str(), "date" | "year" | "time" | "range"),
        _ => true,
    }
}

/// Whether a figure counts against a case of `model` that expects nothing.
fn negative_kind(model: &str, p: &Pred) -> bool {
    match model {
        "number" => true,
        "number-range" => p.kind == "range",
        "dimension" | "temperature" => p.kind == "quantity",
        "age" => matches!(p.kind.as_str(), "quantity" | "duration"),
        "datetime" => matches!(p.kind.as_str(), "date" | "time"),
        _ => accepts(model, p),
    }
}

/// What `model`'s expected mention `e` asks of a figure.
fn want(model: &str, e: &Expected) -> Option<Want> {
    let value = e.value.as_deref()?;
    Some(match model {
        "percent" => Want::Number(value.trim().trim_end_matches('%').trim().parse().ok()?),
        "currency" => {
            let unit = e.unit.as_deref().unwrap_or("");
            let iso = e.resolution.get("isoCurrency").and_then(Value::as_str);
            Want::Money {
                amount: value.parse().ok()?,
                code: iso.or_else(|| currency_code(unit)).map(str::to_owned),
                cents: matches!(unit, "Cent" | "Pence" | "Penny"),
            }
        }
        "number-range" => {
            let inner = value.get(1..value.len().checked_sub(1)?)?;
            let (lo, hi) = inner.split_once(',')?;
            let bound = |s: &str| {
                (!s.trim().is_empty())
                    .then(|| s.trim().parse().ok())
                    .flatten()
            };
            Want::Interval(bound(lo), bound(hi))
        }
        "datetime" => Want::Date(timex_key(value)?),
        _ => Want::Number(value.parse().ok()?),
    })
}

/// ISO codes for upstream unit names that carry no `isoCurrency`. `$` alone is read as
/// US dollars, as figcheck does; unnamed units (Franc, Peseta, Rupee...) are not checked.
fn currency_code(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "Dollar" | "United States dollar" | "Cent" => "USD",
        "Euro" => "EUR",
        "Pound" | "British pound" | "Pence" | "Penny" => "GBP",
        "Chinese yuan" => "CNY",
        "Japanese yen" => "JPY",
        _ => return None,
    })
}

/// Whether figure `p` carries the wanted value.
fn agrees(want: &Want, p: &Pred) -> bool {
    let near = |a: f64, b: f64| close(a, b, 1e-4, 1e-6);
    match want {
        Want::Number(x) => p.numbers().iter().any(|&n| near(n, *x)),
        Want::Money {
            amount,
            code,
            cents,
        } => {
            let code_ok = match (code, &p.currency) {
                (Some(want), Some(got)) => want == got,
                _ => true,
            };
            let amount_ok = p
                .numbers()
                .iter()
                .any(|&n| near(n, *amount) || (*cents && near(n, amount / 100.0)));
            code_ok && amount_ok
        }
        Want::Interval(Some(lo), Some(hi)) if !near(*lo, *hi) => {
            let high = p.high.as_ref().and_then(Value::as_f64);
            p.value.as_f64().is_some_and(|v| near(v, *lo)) && high.is_some_and(|h| near(h, *hi))
        }
        Want::Interval(lo, hi) => lo
            .or(*hi)
            .is_some_and(|b| p.numbers().iter().any(|&n| near(n, b))),
        Want::Date(key) => match &p.value {
            Value::String(s) => s.trim_start_matches('-') == key,
            Value::Number(n) => n.to_string() == *key,
            _ => false,
        },
    }
}

fn describe_want(want: &Want) -> String {
    match want {
        Want::Number(x) => format!("{x}"),
        Want::Money {
            amount,
            code,
            cents,
        } => format!(
            "money {amount}{}{}",
            code.as_deref().map(|c| format!(" {c}")).unwrap_or_default(),
            if *cents { " (cents)" } else { "" }
        ),
        Want::Interval(lo, hi) => format!(
            "range {}..{}",
            lo.map(|x| x.to_string()).unwrap_or_default(),
            hi.map(|x| x.to_string()).unwrap_or_default()
        ),
        Want::Date(key) => format!("date {key}"),
    }
}

/// A timex as figcheck writes the same value, for explicit values only: `2019-01-04`,
/// `2019-01`, `2019`, `XXXX-10-02` → `10-02` (figcheck `--10-02` with leading `-`
/// stripped), `T14` → `14:00`, `T14:30` → `14:30`. Anything else (relative, ranges,
/// durations, parts of day, date-times) is `None`.
pub fn timex_key(timex: &str) -> Option<String> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = timex.split('-').collect();
    if let Some(time) = timex.strip_prefix('T') {
        return match time.split(':').collect::<Vec<_>>()[..] {
            [h] if digits(h, 2) => Some(format!("{h}:00")),
            [h, m] if digits(h, 2) && digits(m, 2) => Some(format!("{h}:{m}")),
            _ => None,
        };
    }
    match parts[..] {
        ["XXXX", m, d] if digits(m, 2) && digits(d, 2) => Some(format!("{m}-{d}")),
        [y] | [y, _] | [y, _, _] if !digits(y, 4) => None,
        [y] => Some(y.to_owned()),
        [_, m] | [_, m, _] if !digits(m, 2) => None,
        [_, _] => Some(timex.to_owned()),
        [_, _, d] if digits(d, 2) => Some(timex.to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_keys() {
        assert_eq!(timex_key("2019-01-04").as_deref(), Some("2019-01-04"));
        assert_eq!(timex_key("XXXX-10-02").as_deref(), Some("10-02"));
        assert_eq!(timex_key("2016-09").as_deref(), Some("2016-09"));
        assert_eq!(timex_key("1990").as_deref(), Some("1990"));
        assert_eq!(timex_key("T15").as_deref(), Some("15:00"));
        assert_eq!(timex_key("T07:30").as_deref(), Some("07:30"));
        for other in [
            "XXXX-WXX-5",
            "2016-W45",
            "P3D",
            "(2016-01-01,2016-02-01,P1M)",
            "TMO",
        ] {
            assert_eq!(timex_key(other), None, "{other}");
        }
    }

    #[test]
    fn scope_fragments_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in CASE_CATEGORIES {
            for &(model, case, _) in c.cases {
                assert!(seen.insert((model, case)), "{model} {case} listed twice");
            }
        }
    }
}
