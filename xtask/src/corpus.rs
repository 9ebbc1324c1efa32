//! Part 1: precision, recall and F1 of figcheck's figures against the corpus answer keys
//! (`../shared/corpus/labels/dev-NN.json`, schema in the corpus README).

use crate::predict::{Pred, close, predict};
use figcheck::SourceFormat;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Printed with every corpus score.
pub const NOTES: [&str; 2] = [
    "lone weekdays (value \"-W-D\") are excluded from precision: the answer keys do not label a weekday standing alone, by convention",
    "attribution is scored over the labelled mentions that a figure matches: a figure is attributed when figcheck finds a source for it; the key's `attributed` says whether the article names one",
];

/// One answer key.
#[derive(Deserialize)]
struct Labels {
    mentions: Vec<Gold>,
}

/// One labelled mention; the other fields of the key are not scored here.
#[derive(Deserialize)]
struct Gold {
    text: String,
    kind: String,
    value: Value,
    #[serde(default)]
    attributed: bool,
}

/// Counts for one kind (or overall): recall counts by gold kind, precision by predicted kind.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Tally {
    /// Gold mentions.
    pub gold: usize,
    /// Gold mentions matched by a figure.
    pub found: usize,
    /// Predicted figures that count for precision (lone weekdays excluded).
    pub predicted: usize,
    /// Predicted figures matched to a gold mention.
    pub correct: usize,
    /// `correct / predicted`; null when nothing was predicted.
    pub precision: Option<f64>,
    /// `found / gold`; null when there is no gold mention.
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall; null when either is.
    pub f1: Option<f64>,
}

impl Tally {
    fn finish(&mut self) {
        let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
        self.precision = ratio(self.correct, self.predicted);
        self.recall = ratio(self.found, self.gold);
        self.f1 = match (self.precision, self.recall) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
    }
}

/// A gold mention no figure matched.
#[derive(Debug, Serialize)]
pub struct Miss {
    /// The article file name.
    pub file: String,
    /// The mention's text.
    pub text: String,
    /// The gold kind.
    pub kind: String,
    /// The gold value.
    pub value: Value,
    /// Figures overlapping the mention (described), if any.
    pub overlapping: Vec<String>,
}

/// A figure that matched no gold mention.
#[derive(Debug, Serialize)]
pub struct FalsePositive {
    /// The article file name.
    pub file: String,
    /// The figure's text.
    pub text: String,
    /// The predicted kind.
    pub kind: String,
    /// The predicted value.
    pub value: Value,
}

/// The corpus score.
#[derive(Debug, Serialize)]
pub struct CorpusReport {
    /// The corpus directory.
    pub dir: PathBuf,
    /// Articles scored (those with an answer key).
    pub articles: usize,
    /// Lone-weekday figures left out of precision.
    pub weekdays_excluded: usize,
    /// All kinds together.
    pub overall: Tally,
    /// Recall by gold kind, precision by predicted kind.
    pub by_kind: BTreeMap<String, Tally>,
    /// Unmatched gold mentions.
    pub misses: Vec<Miss>,
    /// Unmatched figures.
    pub false_positives: Vec<FalsePositive>,
    /// Attribution against the keys' `attributed` field, over matched mentions.
    pub attribution: AttributionTally,
    /// What the numbers do and do not cover.
    pub notes: Vec<&'static str>,
}

/// Attribution scores: a true positive is a matched mention that figcheck and the key
/// both call attributed.
#[derive(Debug, Default, Serialize)]
pub struct AttributionTally {
    /// Matched mentions scored.
    pub mentions: usize,
    /// Attributed by both.
    pub true_positives: usize,
    /// Attributed by figcheck only.
    pub false_positives: usize,
    /// Attributed by the key only.
    pub false_negatives: usize,
    /// `tp / (tp + fp)`.
    pub precision: Option<f64>,
    /// `tp / (tp + fn)`.
    pub recall: Option<f64>,
    /// The disagreements: file, mention, and what the key says.
    pub errors: Vec<AttributionError>,
}

/// A mention on which figcheck and the key disagree about attribution.
#[derive(Debug, Serialize)]
pub struct AttributionError {
    /// Article file name.
    pub file: String,
    /// The mention as labelled.
    pub text: String,
    /// What the key says.
    pub key_attributed: bool,
}

/// Scores every `articles/*.md` of `dir` that has `labels/<name>.json`.
pub fn evaluate(dir: &Path) -> Result<CorpusReport, String> {
    let mut articles: Vec<PathBuf> = fs::read_dir(dir.join("articles"))
        .map_err(|e| format!("{}: {e}", dir.join("articles").display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    articles.sort();

    let mut report = CorpusReport {
        dir: dir.to_owned(),
        articles: 0,
        weekdays_excluded: 0,
        overall: Tally::default(),
        by_kind: BTreeMap::new(),
        misses: Vec::new(),
        false_positives: Vec::new(),
        attribution: AttributionTally::default(),
        notes: NOTES.to_vec(),
    };
    for article in articles {
        let stem = article.file_stem().unwrap_or_default().to_string_lossy();
        let key = dir.join("labels").join(format!("{stem}.json"));
        if !key.exists() {
            continue;
        }
        let text =
            fs::read_to_string(&article).map_err(|e| format!("{}: {e}", article.display()))?;
        let labels: Labels = fs::read_to_string(&key)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
            .map_err(|e| format!("{}: {e}", key.display()))?;
        let file = article
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        score_article(&mut report, &file, &article, text, &labels.mentions)?;
        report.articles += 1;
    }
    report.overall.finish();
    report.by_kind.values_mut().for_each(Tally::finish);
    let a = &mut report.attribution;
    let ratio = |x: usize, y: usize| (y > 0).then(|| x as f64 / y as f64);
    a.precision = ratio(a.true_positives, a.true_positives + a.false_positives);
    a.recall = ratio(a.true_positives, a.true_positives + a.false_negatives);
    Ok(report)
}

/// Matches one article's figures to its key (greedy, one to one, in order) and tallies.
fn score_article(
    report: &mut CorpusReport,
    file: &str,
    path: &Path,
    text: String,
    gold: &[Gold],
) -> Result<(), String> {
    let spans = gold_spans(&text, gold).map_err(|m| format!("{file}: {m}"))?;
    let preds = predict(path, text, SourceFormat::from_path(path));
    let mut taken = vec![false; preds.len()];

    for (g, &(start, end)) in gold.iter().zip(&spans) {
        let tally = report.by_kind.entry(g.kind.clone()).or_default();
        tally.gold += 1;
        report.overall.gold += 1;
        let hit = preds.iter().enumerate().position(|(i, p)| {
            !taken[i] && p.overlaps(start, end) && values_agree(&g.value, &p.value)
        });
        match hit {
            Some(i) => {
                taken[i] = true;
                tally.found += 1;
                report.overall.found += 1;
                let a = &mut report.attribution;
                a.mentions += 1;
                match (g.attributed, preds[i].attributed) {
                    (true, true) => a.true_positives += 1,
                    (false, true) => a.false_positives += 1,
                    (true, false) => a.false_negatives += 1,
                    (false, false) => {}
                }
                if g.attributed != preds[i].attributed {
                    a.errors.push(AttributionError {
                        file: file.to_owned(),
                        text: g.text.clone(),
                        key_attributed: g.attributed,
                    });
                }
            }
            None => report.misses.push(Miss {
                file: file.to_owned(),
                text: g.text.clone(),
                kind: g.kind.clone(),
                value: g.value.clone(),
                overlapping: preds
                    .iter()
                    .filter(|p| p.overlaps(start, end))
                    .map(Pred::describe)
                    .collect(),
            }),
        }
    }

    for (p, matched) in preds.iter().zip(taken) {
        if p.is_lone_weekday() && !matched {
            report.weekdays_excluded += 1;
            continue;
        }
        let tally = report.by_kind.entry(p.kind.clone()).or_default();
        tally.predicted += 1;
        report.overall.predicted += 1;
        if matched {
            tally.correct += 1;
            report.overall.correct += 1;
        } else {
            report.false_positives.push(FalsePositive {
                file: file.to_owned(),
                text: p.text.clone(),
                kind: p.kind.clone(),
                value: p.value.clone(),
            });
        }
    }
    Ok(())
}

/// Byte spans of the gold mentions: each `text` searched from the end of the previous one.
/// `str::find` returns byte offsets, so non-ASCII text before a mention is handled.
fn gold_spans(text: &str, gold: &[Gold]) -> Result<Vec<(usize, usize)>, String> {
    let mut from = 0;
    gold.iter()
        .map(|g| {
            let start = from
                + text[from..]
                    .find(&g.text)
                    .ok_or_else(|| format!("mention {:?} not found after byte {from}", g.text))?;
            from = start + g.text.len();
            Ok((start, from))
        })
        .collect()
}

/// The corpus value rule: numbers within relative 1e-3 or absolute 0.0051 (keys round
/// fractions to four places: 0.6667 against 2/3); strings equal after stripping leading
/// `-` (`--05-16` against `05-16`); lists (scores) element by element.
pub fn values_agree(gold: &Value, pred: &Value) -> bool {
    match (gold, pred) {
        (Value::Number(g), Value::Number(p)) => match (g.as_f64(), p.as_f64()) {
            (Some(g), Some(p)) => close(g, p, 1e-3, 0.0051),
            _ => false,
        },
        (Value::String(g), Value::String(p)) => {
            g.trim_start_matches('-') == p.trim_start_matches('-')
        }
        (Value::Array(g), Value::Array(p)) => {
            g.len() == p.len() && g.iter().zip(p).all(|(g, p)| values_agree(g, p))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values() {
        assert!(values_agree(&json!(0.6667), &json!(0.666667)));
        assert!(values_agree(&json!(24670000000u64), &json!(24670000000.0)));
        assert!(!values_agree(&json!(64), &json!(65)));
        assert!(values_agree(&json!("05-16"), &json!("--05-16")));
        assert!(values_agree(&json!("12:39"), &json!("12:39")));
        assert!(values_agree(&json!([27, 22]), &json!([27, 22])));
        assert!(!values_agree(&json!([27, 22]), &json!([22, 27])));
        assert!(!values_agree(&json!(2019), &json!("2019")));
    }

    #[test]
    fn spans_are_bytes_in_order() {
        let gold = |t: &str| Gold {
            text: t.into(),
            kind: "count".into(),
            value: json!(1),
            attributed: false,
        };
        let text = "Café – 5 items, then 5 more";
        let spans = gold_spans(text, &[gold("5"), gold("5")]).unwrap();
        assert_eq!(&text[spans[0].0..spans[0].1], "5");
        assert_eq!(spans[0].0, text.find('5').unwrap());
        assert_eq!(spans[1].0, text.rfind('5').unwrap());
    }
}
