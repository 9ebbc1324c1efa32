//! The `figcheck` command line: parses arguments and wires the library's stages.

use clap::{Parser, Subcommand};
use figcheck::config::Config;
use figcheck::document::Document;
use figcheck::finding::Severity;
use figcheck::load::{self, LoadError};
use figcheck::report::baseline::{Baseline, BaselineWriter};
use figcheck::report::diff_base::ChangedLines;
use figcheck::report::figures::{
    FigureRecord, FiguresFormat, TableRow, write_figures, write_table,
};
use figcheck::report::findings::{CheckFormat, FindingRecord, HumanRenderer, summary};
use figcheck::report::fingerprint::finding_fingerprint;
use figcheck::report::located::{Located, Region, RunReport};
use figcheck::report::sarif::{self, SarifOptions};
use figcheck::report::{checkstyle, github, gitlab, junit, rdjson};
use figcheck::span::{ColumnUnit, LineIndex};
use figcheck::walk;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// figcheck: a fact-and-figure consistency checker for article drafts.
#[derive(Debug, Parser)]
#[command(name = "figcheck", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the drafts: figures that contradict each other or their own arithmetic.
    Check(CheckArgs),
    /// List every figure in the drafts: the fact-checker's sheet.
    Figures(FiguresArgs),
    /// List the rules.
    Rules,
    /// Show a rule's documentation and examples.
    Explain {
        /// The rule id, e.g. `majority-below-half`.
        rule: String,
    },
    /// Serve the findings to editors: a language server on standard input and output
    /// (see docs/editors.md).
    Lsp,
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or directories to check (directories recursively, honouring .gitignore);
    /// `-` reads standard input. Defaults to the current folder.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
    /// The lowest severity that makes the run fail (exit code 1) [default: warning, or
    /// `fail_on` in figcheck.toml].
    #[arg(long, value_enum)]
    fail_on: Option<Severity>,
    /// When to use colours in human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// The config file to use instead of the nearest figcheck.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any figcheck.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// The name to report for standard input (its extension picks Markdown or plain text).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    #[command(flatten)]
    run: RunArgs,
    /// Report only findings at or above this severity; lower ones are neither shown nor
    /// counted, and do not fail the run.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    min_severity: Option<Severity>,
    /// Do not report findings accepted in this baseline file (see --write-baseline);
    /// findings not in it are reported and fail the run as usual.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write every finding of the run to this baseline file instead of reporting them,
    /// and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "diff_base"])]
    write_baseline: Option<PathBuf>,
    /// Report only findings with a span on a line changed since this git revision (the
    /// working tree against REV; untracked files count as changed throughout).
    #[arg(long, value_name = "REV")]
    diff_base: Option<String>,
    /// Exit 0 even when findings fail the run (usage, configuration and input errors
    /// still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Print only the findings: no summary line and no notes.
    #[arg(long, short)]
    quiet: bool,
    /// Print how many findings each rule reported (on standard error for the machine
    /// formats, so their output stays valid).
    #[arg(long)]
    statistics: bool,
    /// Where the rule documentation is on the web: a rule's link in SARIF (`helpUri`) and
    /// reviewdog output is this URL followed by the rule id.
    #[arg(long, value_name = "URL")]
    rules_url: Option<String>,
}

#[derive(Debug, clap::Args)]
struct FiguresArgs {
    /// Files or directories to read (directories recursively, honouring .gitignore);
    /// `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<FiguresFormat>,
    /// The name to report for standard input (its extension picks Markdown or plain text).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    #[command(flatten)]
    run: RunArgs,
}

/// mimalloc: the checks allocate many small strings on every thread, and with two
/// threads the system allocator's locks cost more than the work (see README, Throughput).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Figures(args) => run_figures(&args),
        Command::Check(args) => run_check(&args),
        Command::Rules => run_rules(),
        Command::Explain { rule } => run_explain(&rule),
        Command::Lsp => ExitCode::from(figcheck::lsp::run_stdio() as u8),
    }
}

/// How many threads, and whether a progress bar may be drawn.
#[derive(Debug, Clone, clap::Args)]
struct RunArgs {
    /// Threads to check files on [default: one per CPU]. Output is the same, in the same
    /// order, whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// Never draw a progress bar (it is drawn only on a terminal, outside CI, for long
    /// runs).
    #[arg(long)]
    no_progress: bool,
}

/// How many files past the oldest one not yet handed over may be loaded and analysed
/// ahead, per thread: memory holds this window's documents, not the run's.
const AHEAD_PER_THREAD: usize = 16;

/// Load and analyse every input on the thread pool, then hand each document and its
/// analysis to `handle`, one at a time and in input order. Per-file problems are
/// reported on stderr and the run goes on; returns whether any input was unreadable.
///
/// Results stream: each document is handed over as soon as it and every document before
/// it are analysed, while the pool works on the next ones, so no thread waits for the
/// slowest file of a batch.
fn for_each_document<T: Send>(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    run: &RunArgs,
    analyze: impl Fn(&Document) -> T + Sync,
    mut handle: impl FnMut(Document, T),
) -> bool {
    if let Some(threads) = run.threads.filter(|&n| n > 0) {
        // Fails only when the pool already exists, which a single run never does.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
    }
    let mut failed = false;
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.unwrap_or(Path::new("-"));
            match load::load_stdin(name) {
                Ok(doc) => {
                    let analysis = analyze(&doc);
                    handle(doc, analysis);
                }
                Err(e) => failed |= report_load_error(&e),
            }
            continue;
        }
        files.extend(walk::collect_paths(
            std::slice::from_ref(path),
            walk::DEFAULT_EXTENSIONS,
        ));
    }
    let progress = progress_bar(&files, run);
    let threads = rayon::current_num_threads().max(1);
    let window = threads * AHEAD_PER_THREAD;
    // The next file to claim, and the number of files handed over so far.
    let claims = std::sync::Mutex::new((0usize, 0usize));
    let advanced = std::sync::Condvar::new();
    let (sender, receiver) = crossbeam_channel::unbounded();
    let work = |sender: &crossbeam_channel::Sender<_>| {
        loop {
            let index = {
                let Ok(mut state) = claims.lock() else { return };
                while state.0 < files.len() && state.0 >= state.1 + window {
                    state = match advanced.wait(state) {
                        Ok(s) => s,
                        Err(_) => return,
                    };
                }
                if state.0 >= files.len() {
                    return;
                }
                state.0 += 1;
                state.0 - 1
            };
            let result = match &files[index] {
                Ok(path) => load::load_file(path)
                    .map(|doc| {
                        let analysis = analyze(&doc);
                        (doc, analysis)
                    })
                    .map_err(Some),
                // Walk errors are reported from `files`, in order, below.
                Err(_) => Err(None),
            };
            if sender.send((index, result)).is_err() {
                return;
            }
        }
    };
    rayon::in_place_scope(|scope| {
        for _ in 0..threads.min(files.len()) {
            let sender = sender.clone();
            scope.spawn(move |_| work(&sender));
        }
        // Only the workers hold senders now: should one die, the loop below ends
        // instead of waiting for its results, and the scope passes its panic on.
        drop(sender);
        // Results that arrived before their predecessors, by index.
        let mut pending = std::collections::BTreeMap::new();
        let mut next = 0;
        while next < files.len() {
            let result = match pending.remove(&next) {
                Some(result) => result,
                None => match receiver.recv() {
                    Ok((index, result)) if index != next => {
                        pending.insert(index, result);
                        continue;
                    }
                    Ok((_, result)) => result,
                    Err(_) => break,
                },
            };
            match (&files[next], result) {
                (_, Ok((doc, analysis))) => handle(doc, analysis),
                (_, Err(Some(e))) => failed |= progress.suspend(|| report_load_error(&e)),
                (Err(e), Err(None)) => {
                    progress.suspend(|| eprintln!("error: {e}"));
                    failed = true;
                }
                (Ok(_), Err(None)) => {}
            }
            progress.inc(1);
            next += 1;
            if let Ok(mut state) = claims.lock() {
                state.1 = next;
            }
            advanced.notify_all();
        }
    });
    progress.finish_and_clear();
    failed
}

/// A progress bar on stderr for long runs on a terminal; hidden otherwise (piped, in
/// CI, `--no-progress`, or a short run).
fn progress_bar(files: &[Result<PathBuf, walk::WalkError>], run: &RunArgs) -> ProgressBar {
    const MANY_FILES: usize = 200;
    const LARGE_INPUT: u64 = 32 << 20;
    let interactive =
        io::stderr().is_terminal() && std::env::var_os("CI").is_none() && !run.no_progress;
    let long_run = interactive
        && (files.len() >= MANY_FILES
            || files
                .iter()
                .filter_map(|f| f.as_ref().ok())
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum::<u64>()
                >= LARGE_INPUT);
    if !long_run {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} files, {elapsed} elapsed, ~{eta} left")
    {
        bar.set_style(style);
    }
    bar
}

/// Print a load problem; true when it counts as an error (binary files are only noted).
fn report_load_error(error: &LoadError) -> bool {
    if error.is_skip_note() {
        eprintln!("note: {error}");
        false
    } else {
        eprintln!("error: {error}");
        true
    }
}

/// One document's figures, ready to write.
enum Rendered {
    /// Table rows, aligned and written at the end of the run.
    Rows(Vec<TableRow>),
    /// Serialized records of a streaming format.
    Bytes(Vec<u8>),
}

fn run_figures(args: &FiguresArgs) -> ExitCode {
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        FiguresFormat::Table
    } else {
        FiguresFormat::Jsonl
    });
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut first = true;
    let mut write_failed = false;
    // Records are made and serialized on the thread pool; the table aligns columns over
    // every row, so its rows are kept and written once at the end, while the machine
    // formats stream one document at a time.
    let render = |doc: &Document| {
        let figures = figcheck::figures(doc);
        let attributions = figcheck::attribution::attribute(doc, &figures);
        let index = LineIndex::new(&doc.text);
        let records: Vec<FigureRecord<'_>> = figures
            .iter()
            .zip(&attributions)
            .map(|(f, a)| FigureRecord::new(doc, &index, f, a.as_ref()))
            .collect();
        if format == FiguresFormat::Table {
            Rendered::Rows(records.iter().map(FigureRecord::to_owned_row).collect())
        } else {
            let mut bytes = Vec::new();
            // Writing to memory cannot fail.
            let _ = write_figures(&mut bytes, format, &records, false);
            Rendered::Bytes(bytes)
        }
    };
    let mut table_rows = Vec::new();
    let failed = for_each_document(
        &args.paths,
        args.stdin_filename.as_deref(),
        &args.run,
        render,
        |_, rendered| match rendered {
            Rendered::Rows(mut rows) => table_rows.append(&mut rows),
            Rendered::Bytes(bytes) => {
                let header = first && format == FiguresFormat::Csv && !bytes.is_empty();
                if header && write_figures(&mut out, format, &[], true).is_err() {
                    write_failed = true;
                }
                first &= bytes.is_empty();
                write_failed |= out.write_all(&bytes).is_err();
            }
        },
    );
    if format == FiguresFormat::Table && write_table(&mut out, &table_rows).is_err() {
        write_failed = true;
    }
    if out.flush().is_err() || write_failed {
        // A closed pipe (`| head`) is not an error worth a message.
        return ExitCode::SUCCESS;
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The configuration for a run: `--config`, else the nearest figcheck.toml.
fn load_config(
    explicit: Option<&Path>,
    no_config: bool,
    paths: &[PathBuf],
) -> Result<Config, ExitCode> {
    if no_config {
        return Ok(Config::default());
    }
    let path = match explicit {
        Some(p) => Some(p.to_owned()),
        None => {
            let start = paths
                .iter()
                .find(|p| p.as_os_str() != "-")
                .cloned()
                .unwrap_or_else(|| PathBuf::from("."));
            Config::discover(&start)
        }
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    Config::load(&path).map_err(|e| {
        let mut rendered = String::new();
        let handler =
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
        if handler.render_report(&mut rendered, &e).is_err() {
            rendered = e.to_string();
        }
        eprintln!("error: {e}\n{rendered}");
        ExitCode::from(2)
    })
}

/// Include/exclude globs from the config, matched relative to the config's folder.
struct FileFilter {
    root: PathBuf,
    include: Option<globset::GlobSet>,
    exclude: globset::GlobSet,
}

impl FileFilter {
    fn new(config: &Config) -> Result<Self, String> {
        let build = |globs: &[String]| -> Result<globset::GlobSet, String> {
            let mut set = globset::GlobSetBuilder::new();
            for g in globs {
                set.add(globset::Glob::new(g).map_err(|e| format!("invalid glob `{g}`: {e}"))?);
            }
            set.build().map_err(|e| e.to_string())
        };
        let root = config
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .and_then(|p| std::path::absolute(p).ok())
            .unwrap_or_default();
        Ok(FileFilter {
            root,
            include: if config.include.is_empty() {
                None
            } else {
                Some(build(&config.include)?)
            },
            exclude: build(&config.exclude)?,
        })
    }

    fn allows(&self, path: &Path) -> bool {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
        !self.exclude.is_match(relative)
            && self
                .include
                .as_ref()
                .is_none_or(|set| set.is_match(relative))
    }
}

/// The folder git is asked from for `--diff-base`: the first path's folder.
fn git_dir(paths: &[PathBuf]) -> PathBuf {
    let first = paths
        .iter()
        .find(|p| p.as_os_str() != "-")
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    if first.is_dir() {
        first
    } else {
        match first.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        }
    }
}

/// Findings per rule, for `--statistics`: most frequent first.
fn statistics_lines(stats: &BTreeMap<&'static str, (Severity, usize)>) -> Vec<String> {
    let mut rows: Vec<_> = stats.iter().collect();
    rows.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(b.0)));
    let width = rows.iter().map(|(rule, _)| rule.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(rule, (severity, count))| format!("{count:>5}  {rule:width$}  {severity}"))
        .collect()
}

fn run_check(args: &CheckArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let config = match load_config(args.config.as_deref(), args.no_config, &paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let filter = match FileFilter::new(&config) {
        Ok(f) => f,
        Err(e) => {
            eprintln!(
                "error: {}: {e}",
                config
                    .path
                    .as_deref()
                    .unwrap_or(Path::new("figcheck.toml"))
                    .display()
            );
            return ExitCode::from(2);
        }
    };
    let mut baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut baseline_writer = args.write_baseline.as_deref().map(BaselineWriter::new);
    let changed = match args
        .diff_base
        .as_deref()
        .map(|rev| ChangedLines::from_git(rev, &git_dir(&paths)))
        .transpose()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(Severity::Warning);
    let min_severity = args.min_severity.unwrap_or(Severity::Info);
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let renderer = HumanRenderer::new(color, 100);
    let format = args.format;
    let unit = format.column_unit();
    let rules_url = args.rules_url.as_deref();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut counts = [0usize; 3];
    let mut stats: BTreeMap<&'static str, (Severity, usize)> = BTreeMap::new();
    let mut files = 0;
    let mut files_with_findings = 0;
    let mut failing = false;
    let mut json_records = Vec::new();
    let mut run = RunReport::default();
    let mut write_ok = true;
    let mut diff_failed = false;
    // Human diagnostics are rendered on the worker threads with the analysis: miette's
    // renderer costs more than the checks when a run prints many of them.
    let analyze = |doc: &Document| {
        (filter.allows(&doc.path) || doc.path.as_os_str() == "-").then(|| {
            let mut findings = figcheck::check(doc, &config);
            findings.retain(|f| f.severity >= min_severity);
            findings
                .into_iter()
                .map(|f| {
                    let rendered = (format == CheckFormat::Human).then(|| renderer.render(doc, &f));
                    (f, rendered)
                })
                .collect::<Vec<_>>()
        })
    };
    let failed_input = for_each_document(
        &paths,
        args.stdin_filename.as_deref(),
        &args.run,
        analyze,
        |doc, findings| {
            let Some(mut findings) = findings else {
                return;
            };
            files += 1;
            if format.is_whole_run() {
                run.files.push(doc.path.display().to_string());
            }
            let index = LineIndex::new(&doc.text);
            if let Some(changed) = &changed {
                match changed.file(&doc.path) {
                    Ok(Some(change)) => findings.retain(|(f, _)| {
                        f.spans().any(|span| {
                            let r = Region::new(&doc.text, &index, span, ColumnUnit::Byte);
                            change.touches(r.line..=r.last_line())
                        })
                    }),
                    Ok(None) => findings.clear(),
                    Err(e) => {
                        eprintln!("error: {e}");
                        diff_failed = true;
                        findings.clear();
                    }
                }
            }
            if let Some(writer) = &mut baseline_writer {
                for (f, _) in &findings {
                    writer.add(&doc.path, f.rule, finding_fingerprint(&doc, f), &f.message);
                }
                return;
            }
            if let Some(baseline) = &mut baseline {
                let key = baseline.key(&doc.path);
                baseline.mark_checked(&key);
                findings
                    .retain(|(f, _)| !baseline.take(&key, f.rule, finding_fingerprint(&doc, f)));
            }
            if !findings.is_empty() {
                files_with_findings += 1;
            }
            for (finding, rendered) in &findings {
                counts[match finding.severity {
                    Severity::Error => 0,
                    Severity::Warning => 1,
                    Severity::Info => 2,
                }] += 1;
                let entry = stats.entry(finding.rule).or_insert((finding.severity, 0));
                entry.0 = entry.0.max(finding.severity);
                entry.1 += 1;
                failing |= finding.severity >= fail_on;
                let written = match format {
                    CheckFormat::Human => write!(out, "{}", rendered.as_deref().unwrap_or("")),
                    CheckFormat::Short => {
                        writeln!(out, "{}", FindingRecord::new(&doc, &index, finding).short())
                    }
                    CheckFormat::Jsonl => {
                        serde_json::to_writer(&mut out, &FindingRecord::new(&doc, &index, finding))
                            .map_err(io::Error::other)
                            .and_then(|()| writeln!(out))
                    }
                    CheckFormat::Json => {
                        json_records.push(FindingRecord::new(&doc, &index, finding));
                        Ok(())
                    }
                    CheckFormat::Github => writeln!(
                        out,
                        "{}",
                        github::annotation(&Located::new(&doc, &index, finding, unit))
                    ),
                    CheckFormat::Rdjsonl => {
                        let located = Located::new(&doc, &index, finding, unit);
                        serde_json::to_writer(
                            &mut out,
                            &rdjson::diagnostic(&located, true, rules_url),
                        )
                        .map_err(io::Error::other)
                        .and_then(|()| writeln!(out))
                    }
                    CheckFormat::Sarif
                    | CheckFormat::Rdjson
                    | CheckFormat::Checkstyle
                    | CheckFormat::Junit
                    | CheckFormat::Gitlab => {
                        run.findings.push(Located::new(&doc, &index, finding, unit));
                        Ok(())
                    }
                };
                write_ok &= written.is_ok();
            }
        },
    );
    if let (Some(writer), Some(path)) = (&baseline_writer, &args.write_baseline) {
        if let Err(e) = writer.write(path) {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        if !args.quiet {
            eprintln!(
                "wrote {} finding{} to the baseline {}",
                writer.len(),
                if writer.len() == 1 { "" } else { "s" },
                path.display()
            );
        }
        return if failed_input || diff_failed {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let pretty = |out: &mut io::BufWriter<io::StdoutLock<'_>>, value: &serde_json::Value| {
        serde_json::to_writer_pretty(&mut *out, value)
            .map_err(io::Error::other)
            .and_then(|()| writeln!(out))
    };
    let mut written = match format {
        CheckFormat::Json => serde_json::to_writer_pretty(&mut out, &json_records)
            .map_err(io::Error::other)
            .and_then(|()| writeln!(out)),
        CheckFormat::Sarif => {
            let options = SarifOptions {
                src_root: std::env::current_dir()
                    .ok()
                    .and_then(|d| sarif::folder_uri(&d)),
                rules_url: args.rules_url.clone(),
            };
            pretty(
                &mut out,
                &sarif::sarif_log(&run, figcheck::rules::all(), &options),
            )
        }
        CheckFormat::Rdjson => pretty(&mut out, &rdjson::diagnostic_result(&run, rules_url)),
        CheckFormat::Gitlab => pretty(&mut out, &gitlab::code_quality(&run)),
        CheckFormat::Checkstyle => write!(out, "{}", checkstyle::checkstyle(&run)),
        CheckFormat::Junit => write!(out, "{}", junit::junit(&run, fail_on)),
        CheckFormat::Human | CheckFormat::Short | CheckFormat::Jsonl | CheckFormat::Github => {
            Ok(())
        }
        CheckFormat::Rdjsonl => Ok(()),
    };
    let to_stdout = matches!(format, CheckFormat::Human | CheckFormat::Short);
    if args.statistics {
        for line in statistics_lines(&stats) {
            if to_stdout {
                written = written.and_then(|()| writeln!(out, "{line}"));
            } else {
                eprintln!("{line}");
            }
        }
    }
    if format == CheckFormat::Human && !args.quiet {
        let mut line = summary(counts, files_with_findings, files);
        if let Some(b) = baseline.as_ref().filter(|b| b.matched() > 0) {
            line.push_str(&format!(" ({} accepted in the baseline)", b.matched()));
        }
        written = written.and_then(|()| writeln!(out, "{line}"));
    }
    if !write_ok || written.is_err() || out.flush().is_err() {
        return ExitCode::from(2);
    }
    if let (Some(b), Some(path), false) = (&baseline, &args.baseline, args.quiet) {
        let stale = b.stale();
        if stale > 0 {
            eprintln!(
                "note: {stale} finding{} accepted in {} no longer occur{}; --write-baseline drops {}",
                if stale == 1 { "" } else { "s" },
                path.display(),
                if stale == 1 { "s" } else { "" },
                if stale == 1 { "it" } else { "them" },
            );
        }
    }
    if failed_input || diff_failed {
        ExitCode::from(2)
    } else if failing && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_rules() -> ExitCode {
    let rules = figcheck::rules::all();
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for rule in rules {
        println!(
            "{:width$}  {:7}  {}",
            rule.id,
            rule.severity.as_str(),
            rule.summary
        );
    }
    ExitCode::SUCCESS
}

fn run_explain(id: &str) -> ExitCode {
    let Some(rule) = figcheck::rules::find(id) else {
        eprintln!("error: unknown rule `{id}`; `figcheck rules` lists them");
        return ExitCode::from(2);
    };
    println!(
        "# {}\n\n{}\n\nDefault severity: {}\n",
        rule.id, rule.summary, rule.severity
    );
    println!("{}", rule.docs.trim());
    if !rule.parameters.is_empty() {
        println!("\n## Parameters\n");
        for (name, value) in &rule.parameters {
            println!("- `{name}` (default {value})");
        }
    }
    for (title, kind) in [
        ("Flagged", figcheck::rules::ExampleKind::Bad),
        ("Not flagged", figcheck::rules::ExampleKind::Good),
    ] {
        println!("\n## {title}\n");
        for example in rule.examples.iter().filter(|e| e.kind == kind) {
            println!("    {}", example.text.trim());
        }
    }
    ExitCode::SUCCESS
}
