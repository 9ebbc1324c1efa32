//! Development tasks for figcheck.
//!
//! `cargo run --release -p xtask -- eval` scores the figure grammar against the material
//! beside the checkout in `../shared`:
//!
//! 1. the development corpus (`../shared/corpus`): precision, recall and F1 of the
//!    figures against the answer keys, overall and by kind;
//! 2. the Recognizers-Text English specs (`../shared/external/recognizers-text`): pass
//!    rates per model on the in-scope cases (see `recognizers_scope.rs`).
//!
//! A missing directory is noted and its part skipped (exit 0). `--min-*` floors make the
//! command exit 1 when a score falls below them; `--json` prints one JSON object for
//! scripts; `--verbose` lists every corpus miss and false positive and every failing
//! in-scope spec case. Exit 2 means the inputs could not be read.

mod corpus;
mod findings;
mod predict;
mod recognizers;
mod recognizers_scope;

use clap::{Parser, Subcommand};
use corpus::CorpusReport;
use recognizers::RecognizersReport;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// figcheck development tasks.
#[derive(Parser)]
#[command(name = "xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score figcheck against the corpus answer keys and the Recognizers-Text specs.
    Eval(EvalArgs),
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Recognizers-Text spec directory [default: ../shared/external/recognizers-text]
    #[arg(long, value_name = "DIR")]
    recognizers: Option<PathBuf>,
    /// Corpus directory [default: ../shared/corpus]
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
    /// Print one JSON object with all scores instead of tables.
    #[arg(long)]
    json: bool,
    /// List every corpus miss and false positive, and every failing in-scope spec case.
    #[arg(long, short)]
    verbose: bool,
    /// Exit 1 if the corpus F1 is below X.
    #[arg(long, value_name = "X")]
    min_f1: Option<f64>,
    /// Exit 1 if the number-model pass rate is below X.
    #[arg(long, value_name = "X")]
    min_number: Option<f64>,
    /// Exit 1 if the percent-model pass rate is below X.
    #[arg(long, value_name = "X")]
    min_percent: Option<f64>,
    /// Exit 1 if the currency-model pass rate is below X.
    #[arg(long, value_name = "X")]
    min_currency: Option<f64>,
    /// Exit 1 if fewer than X of the planted errors are caught.
    #[arg(long, value_name = "X")]
    min_planted_recall: Option<f64>,
    /// Exit 1 if attribution precision on the corpus is below X.
    #[arg(long, value_name = "X")]
    min_attribution_precision: Option<f64>,
    /// Exit 1 if attribution recall on the corpus is below X.
    #[arg(long, value_name = "X")]
    min_attribution_recall: Option<f64>,
    /// Exit 1 if there are more than X false alarms per clean article.
    #[arg(long, value_name = "X")]
    max_false_alarms: Option<f64>,
}

/// Everything `eval --json` prints.
#[derive(Serialize)]
struct EvalReport {
    corpus: Option<CorpusReport>,
    findings: Option<findings::FindingsReport>,
    recognizers: Option<RecognizersReport>,
    /// Parts skipped and gates not checked.
    notes: Vec<String>,
    /// Floors that were not met.
    failed_gates: Vec<String>,
}

fn main() -> ExitCode {
    let Command::Eval(args) = Cli::parse().command;
    match eval(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("xtask eval: {message}");
            ExitCode::from(2)
        }
    }
}

/// The directory that holds the figcheck checkout (where `shared/` is expected).
fn checkout_parent() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| xtask.join("../.."), Path::to_path_buf)
}

fn eval(args: &EvalArgs) -> Result<ExitCode, String> {
    let shared = checkout_parent().join("shared");
    let corpus_dir = args.corpus.clone().unwrap_or_else(|| shared.join("corpus"));
    let specs_dir = args
        .recognizers
        .clone()
        .unwrap_or_else(|| shared.join("external/recognizers-text"));

    let mut report = EvalReport {
        corpus: None,
        findings: None,
        recognizers: None,
        notes: Vec::new(),
        failed_gates: Vec::new(),
    };
    if corpus_dir.is_dir() {
        report.corpus = Some(corpus::evaluate(&corpus_dir)?);
        report.findings = Some(findings::evaluate(&corpus_dir)?);
    } else {
        report.notes.push(format!(
            "corpus not found at {}: corpus scoring skipped",
            corpus_dir.display()
        ));
    }
    if specs_dir.is_dir() {
        let specs = recognizers::evaluate(&specs_dir)?;
        for model in &specs.missing {
            report
                .notes
                .push(format!("en-{model}.jsonl not found: {model} skipped"));
        }
        report.recognizers = Some(specs);
    } else {
        report.notes.push(format!(
            "Recognizers-Text specs not found at {}: spec scoring skipped",
            specs_dir.display()
        ));
    }
    check_gates(args, &mut report);

    if args.json {
        if !args.verbose {
            strip_details(&mut report);
        }
        let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
        println!("{json}");
        for note in &report.notes {
            eprintln!("note: {note}");
        }
    } else {
        print_human(&report, args.verbose);
    }
    Ok(if report.failed_gates.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Compares the scores with the `--min-*` floors; a floor on a part that was skipped is noted.
fn check_gates(args: &EvalArgs, report: &mut EvalReport) {
    if let Some(floor) = args.min_f1 {
        match report.corpus.as_ref().map(|c| c.overall.f1.unwrap_or(0.0)) {
            Some(f1) if f1 < floor => report
                .failed_gates
                .push(format!("corpus F1 {f1:.4} is below --min-f1 {floor}")),
            Some(_) => {}
            None => report
                .notes
                .push("--min-f1 not checked: no corpus".to_owned()),
        }
    }
    let attribution = report.corpus.as_ref().map(|c| &c.attribution);
    let attribution_floors = [
        (
            "precision",
            args.min_attribution_precision,
            attribution.map(|a| a.precision),
        ),
        (
            "recall",
            args.min_attribution_recall,
            attribution.map(|a| a.recall),
        ),
    ];
    for (name, floor, score) in attribution_floors {
        let Some(floor) = floor else { continue };
        match score.map(|x| x.unwrap_or(0.0)) {
            Some(x) if x < floor => report.failed_gates.push(format!(
                "attribution {name} {x:.4} is below --min-attribution-{name} {floor}"
            )),
            Some(_) => {}
            None => report
                .notes
                .push(format!("--min-attribution-{name} not checked: no corpus")),
        }
    }
    if let Some(f) = &report.findings {
        if let Some(floor) = args.min_planted_recall
            && f.recall < floor
        {
            report.failed_gates.push(format!(
                "planted-error recall {:.4} is below --min-planted-recall {floor}",
                f.recall
            ));
        }
        if let Some(ceiling) = args.max_false_alarms
            && f.false_alarms_per_article > ceiling
        {
            report.failed_gates.push(format!(
                "{:.3} false alarms per clean article is above --max-false-alarms {ceiling}",
                f.false_alarms_per_article
            ));
        }
    }
    let floors = [
        ("number", args.min_number),
        ("percent", args.min_percent),
        ("currency", args.min_currency),
    ];
    for (model, floor) in floors {
        let Some(floor) = floor else { continue };
        let rate = report
            .recognizers
            .as_ref()
            .and_then(|r| r.model(model))
            .map(|m| m.pass_rate.unwrap_or(0.0));
        match rate {
            Some(rate) if rate < floor => report.failed_gates.push(format!(
                "{model} pass rate {rate:.4} is below --min-{model} {floor}"
            )),
            Some(_) => {}
            None => report
                .notes
                .push(format!("--min-{model} not checked: no {model} specs")),
        }
    }
}

/// Drops the per-item lists from the JSON unless `--verbose` asked for them.
fn strip_details(report: &mut EvalReport) {
    if let Some(c) = &mut report.corpus {
        c.misses.clear();
        c.false_positives.clear();
        c.attribution.errors.clear();
    }
    if let Some(f) = &mut report.findings {
        f.planted_outcomes.clear();
    }
    if let Some(r) = &mut report.recognizers {
        r.models.iter_mut().for_each(|m| m.failures.clear());
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{:.1}%", 100.0 * x))
}

fn print_human(report: &EvalReport, verbose: bool) {
    if let Some(c) = &report.corpus {
        print_corpus(c, verbose);
    }
    if let Some(f) = &report.findings {
        findings::print(f, verbose);
    }
    if let Some(r) = &report.recognizers {
        print_recognizers(r, verbose);
    }
    for note in &report.notes {
        println!("note: {note}");
    }
    for gate in &report.failed_gates {
        println!("FAILED: {gate}");
    }
}

fn print_corpus(c: &CorpusReport, verbose: bool) {
    println!("== Corpus: {} ({} articles)\n", c.dir.display(), c.articles);
    println!(
        "{:<18} {:>5} {:>5} {:>7}   {:>5} {:>7} {:>9}   {:>6}",
        "kind", "gold", "found", "recall", "pred", "correct", "precision", "F1"
    );
    let rows = c.by_kind.iter().map(|(k, t)| (k.as_str(), t));
    for (kind, t) in rows.chain([("overall", &c.overall)]) {
        println!(
            "{:<18} {:>5} {:>5} {:>7}   {:>5} {:>7} {:>9}   {:>6}",
            kind,
            t.gold,
            t.found,
            pct(t.recall),
            t.predicted,
            t.correct,
            pct(t.precision),
            pct(t.f1)
        );
    }
    println!("\nrecall is by gold kind, precision by predicted kind.");
    println!(
        "{} lone weekday figures excluded from precision.",
        c.weekdays_excluded
    );
    let a = &c.attribution;
    println!(
        "\nattribution over {} matched mentions: precision {} recall {} ({} true, {} false positives, {} false negatives)",
        a.mentions,
        pct(a.precision),
        pct(a.recall),
        a.true_positives,
        a.false_positives,
        a.false_negatives
    );
    for note in &c.notes {
        println!("note: {note}");
    }
    if verbose {
        println!("\n-- misses ({})", c.misses.len());
        for m in &c.misses {
            let overlapping = if m.overlapping.is_empty() {
                "no overlapping figure".to_owned()
            } else {
                m.overlapping.join("; ")
            };
            println!(
                "{}: {:?} {} {} | {}",
                m.file, m.text, m.kind, m.value, overlapping
            );
        }
        println!("\n-- false positives ({})", c.false_positives.len());
        for f in &c.false_positives {
            println!("{}: {:?} {} {}", f.file, f.text, f.kind, f.value);
        }
        println!("\n-- attribution disagreements ({})", a.errors.len());
        for e in &a.errors {
            let key = if e.key_attributed {
                "attributed"
            } else {
                "unattributed"
            };
            println!("{}: {:?} is {key} in the key", e.file, e.text);
        }
    }
    println!();
}

fn print_recognizers(r: &RecognizersReport, verbose: bool) {
    println!("== Recognizers-Text specs: {}\n", r.dir.display());
    println!(
        "{:<14} {:>5} {:>9} {:>12} {:>8} {:>5} {:>9}",
        "model", "total", "supported", "out-of-scope", "in-scope", "pass", "pass rate"
    );
    for m in &r.models {
        println!(
            "{:<14} {:>5} {:>9} {:>12} {:>8} {:>5} {:>9}",
            format!("{}{}", m.model, if m.gated { " *" } else { "" }),
            m.total,
            m.supported,
            m.out_of_scope,
            m.in_scope,
            m.pass,
            pct(m.pass_rate)
        );
    }
    println!("\n* gated by --min-<model>; the others are informational.");
    for m in &r.models {
        if let Some(n) = m.pass_any_kind {
            println!(
                "{}: a case passes only on a money figure; {n} of {} would pass if an amount on a figure of any kind counted.",
                m.model, m.in_scope
            );
        }
    }
    println!("supported = dotnet_supported; out-of-scope cases are listed below.\n");
    println!("out of scope (model, category, cases, dropped mentions: reason):");
    for s in &r.out_of_scope {
        println!(
            "  {:<12} {:<20} {:>3} {:>4}  {}",
            s.model, s.category, s.cases, s.mentions, s.reason
        );
    }
    if verbose {
        for m in &r.models {
            if m.failures.is_empty() {
                continue;
            }
            println!("\n-- {} failures ({})", m.model, m.failures.len());
            for f in &m.failures {
                println!("#{} {:?}", f.case, f.input);
                for p in &f.problems {
                    println!("    {p}");
                }
            }
        }
    }
    println!();
}
