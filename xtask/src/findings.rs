//! Scores `figcheck check` on the corpus: planted errors caught (a finding whose spans
//! touch the planted quote), real issues of the clean articles found, and false alarms
//! (warnings or errors on a clean article that touch no listed real issue). Sourcing
//! rules are left out: they are scored by attribution precision and recall.

use figcheck::config::Config;
use figcheck::{Document, Severity, SourceFormat};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct PlantedKey {
    planted: Vec<Issue>,
}

#[derive(Deserialize)]
struct LabelKey {
    real_issues: Vec<Issue>,
}

#[derive(Deserialize)]
struct Issue {
    quote: String,
    check: String,
}

/// Hits and misses of one corpus check name.
#[derive(Debug, Default, Serialize)]
pub struct CheckTally {
    /// Planted errors of this check.
    pub planted: usize,
    /// Planted errors caught.
    pub caught: usize,
}

/// One planted error or real issue, and what caught it.
#[derive(Debug, Serialize)]
pub struct Outcome {
    /// The article.
    pub file: String,
    /// The corpus check name.
    pub check: String,
    /// The quote.
    pub quote: String,
    /// The rules whose findings touched it.
    pub rules: Vec<String>,
}

/// A warning or error on a clean article that touches no real issue.
#[derive(Debug, Serialize)]
pub struct FalseAlarm {
    /// The article.
    pub file: String,
    /// The rule.
    pub rule: String,
    /// Its message.
    pub message: String,
}

/// The whole score.
#[derive(Debug, Serialize)]
pub struct FindingsReport {
    /// Planted errors in all variants.
    pub planted: usize,
    /// Planted errors caught.
    pub caught: usize,
    /// `caught / planted`.
    pub recall: f64,
    /// By corpus check name.
    pub by_check: BTreeMap<String, CheckTally>,
    /// Findings per rule that caught a planted error.
    pub hits_by_rule: BTreeMap<String, usize>,
    /// False alarms per rule on the clean articles.
    pub false_alarms_by_rule: BTreeMap<String, usize>,
    /// Clean articles checked.
    pub clean_articles: usize,
    /// All false alarms.
    pub false_alarms: Vec<FalseAlarm>,
    /// False alarms per clean article.
    pub false_alarms_per_article: f64,
    /// Real issues of the clean articles, and whether they were found.
    pub real_issues: Vec<Outcome>,
    /// Every planted error and what caught it.
    pub planted_outcomes: Vec<Outcome>,
}

fn byte_span(text: &str, quote: &str) -> Option<(usize, usize)> {
    let start = text.find(quote)?;
    Some((start, start + quote.len()))
}

fn touching_rules(findings: &[figcheck::Finding], span: (usize, usize)) -> Vec<String> {
    let mut rules: Vec<String> = findings
        .iter()
        .filter(|f| f.spans().any(|s| s.start < span.1 && span.0 < s.end))
        .map(|f| f.rule.to_owned())
        .collect();
    rules.dedup();
    rules
}

/// Rules about sourcing, not consistency: the corpus keys score them through their
/// `attributed` labels (see `corpus.rs`), so they neither catch planted errors nor count
/// as false alarms here.
pub const SOURCING_RULES: [&str; 2] = ["unsourced-figure", "vague-figure"];

fn check_file(path: &Path) -> Result<(Document, Vec<figcheck::Finding>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let doc = Document::new(path, text, SourceFormat::from_path(path));
    let mut findings = figcheck::check(&doc, &Config::default());
    findings.retain(|f| !SOURCING_RULES.contains(&f.rule));
    Ok((doc, findings))
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Score the planted variants and the clean articles under `dir`.
pub fn evaluate(dir: &Path) -> Result<FindingsReport, String> {
    let mut by_check: BTreeMap<String, CheckTally> = BTreeMap::new();
    let mut hits_by_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut planted_outcomes = Vec::new();
    let mut keys: Vec<_> = std::fs::read_dir(dir.join("planted"))
        .map_err(|e| format!("{}: {e}", dir.join("planted").display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    keys.sort();
    for key_path in keys {
        let key: PlantedKey =
            serde_json::from_str(&std::fs::read_to_string(&key_path).map_err(|e| e.to_string())?)
                .map_err(|e| format!("{}: {e}", key_path.display()))?;
        let (doc, findings) = check_file(&key_path.with_extension("md"))?;
        for issue in key.planted {
            let tally = by_check.entry(issue.check.clone()).or_default();
            tally.planted += 1;
            let rules = byte_span(&doc.text, &issue.quote)
                .map_or_else(Vec::new, |span| touching_rules(&findings, span));
            if !rules.is_empty() {
                tally.caught += 1;
                for r in &rules {
                    *hits_by_rule.entry(r.clone()).or_default() += 1;
                }
            }
            planted_outcomes.push(Outcome {
                file: name(&key_path.with_extension("md")),
                check: issue.check,
                quote: issue.quote,
                rules,
            });
        }
    }
    let mut false_alarms = Vec::new();
    let mut false_alarms_by_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut real_issues = Vec::new();
    let mut articles: Vec<_> = std::fs::read_dir(dir.join("articles"))
        .map_err(|e| format!("{}: {e}", dir.join("articles").display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    articles.sort();
    for article in &articles {
        let label_path = dir.join("labels").join(
            article
                .with_extension("json")
                .file_name()
                .unwrap_or_default(),
        );
        let labels: LabelKey =
            serde_json::from_str(&std::fs::read_to_string(&label_path).map_err(|e| e.to_string())?)
                .map_err(|e| format!("{}: {e}", label_path.display()))?;
        let (doc, findings) = check_file(article)?;
        let spans: Vec<(usize, usize)> = labels
            .real_issues
            .iter()
            .filter_map(|i| byte_span(&doc.text, &i.quote))
            .collect();
        for issue in &labels.real_issues {
            let rules = byte_span(&doc.text, &issue.quote)
                .map_or_else(Vec::new, |span| touching_rules(&findings, span));
            real_issues.push(Outcome {
                file: name(article),
                check: issue.check.clone(),
                quote: issue.quote.clone(),
                rules,
            });
        }
        for f in &findings {
            if f.severity == Severity::Info
                || f.spans()
                    .any(|s| spans.iter().any(|&(a, b)| s.start < b && a < s.end))
            {
                continue;
            }
            *false_alarms_by_rule.entry(f.rule.to_owned()).or_default() += 1;
            false_alarms.push(FalseAlarm {
                file: name(article),
                rule: f.rule.to_owned(),
                message: f.message.clone(),
            });
        }
    }
    let planted = planted_outcomes.len();
    let caught = planted_outcomes
        .iter()
        .filter(|o| !o.rules.is_empty())
        .count();
    Ok(FindingsReport {
        planted,
        caught,
        recall: if planted == 0 {
            0.0
        } else {
            caught as f64 / planted as f64
        },
        by_check,
        hits_by_rule,
        false_alarms_by_rule,
        clean_articles: articles.len(),
        false_alarms_per_article: if articles.is_empty() {
            0.0
        } else {
            false_alarms.len() as f64 / articles.len() as f64
        },
        false_alarms,
        real_issues,
        planted_outcomes,
    })
}

/// Print the per-check and per-rule tables.
pub fn print(r: &FindingsReport, verbose: bool) {
    println!("== Findings on the corpus: planted errors and false alarms\n");
    println!("{:<28} {:>7} {:>6}", "planted check", "planted", "caught");
    for (check, t) in &r.by_check {
        println!("{:<28} {:>7} {:>6}", check, t.planted, t.caught);
    }
    println!(
        "{:<28} {:>7} {:>6}   recall {:.1}%\n",
        "total",
        r.planted,
        r.caught,
        100.0 * r.recall
    );
    println!(
        "{:<22} {:>12} {:>13}",
        "rule", "planted hits", "false alarms"
    );
    let mut rules: Vec<&String> = r
        .hits_by_rule
        .keys()
        .chain(r.false_alarms_by_rule.keys())
        .collect();
    rules.sort();
    rules.dedup();
    for rule in rules {
        println!(
            "{:<22} {:>12} {:>13}",
            rule,
            r.hits_by_rule.get(rule).copied().unwrap_or(0),
            r.false_alarms_by_rule.get(rule).copied().unwrap_or(0)
        );
    }
    println!(
        "\n{} false alarms on {} clean articles ({:.2} per article); real issues found: {} of {}",
        r.false_alarms.len(),
        r.clean_articles,
        r.false_alarms_per_article,
        r.real_issues.iter().filter(|o| !o.rules.is_empty()).count(),
        r.real_issues.len()
    );
    if verbose {
        println!("\n-- planted errors");
        for o in &r.planted_outcomes {
            let by = if o.rules.is_empty() {
                "MISSED".to_owned()
            } else {
                o.rules.join(", ")
            };
            println!("{}: {} {:?} <- {by}", o.file, o.check, o.quote);
        }
        println!("\n-- false alarms");
        for f in &r.false_alarms {
            println!("{}: [{}] {}", f.file, f.rule, f.message);
        }
    }
    println!();
}
