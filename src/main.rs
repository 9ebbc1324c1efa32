//! The `figcheck` command line: parses arguments and wires the library's stages.

use clap::{Parser, Subcommand};
use figcheck::document::Document;
use figcheck::load::{self, LoadError};
use figcheck::report::figures::{FigureRecord, FiguresFormat, write_figures, write_table};
use figcheck::span::LineIndex;
use figcheck::walk;
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
    /// List every figure in the drafts: the fact-checker's sheet.
    Figures(FiguresArgs),
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Figures(args) => run_figures(&args),
    }
}

/// Load every input; per-file problems are reported on stderr and the run goes on.
/// Returns the loaded documents' handler results and whether any input was unreadable.
fn for_each_document(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    mut handle: impl FnMut(Document),
) -> bool {
    let mut failed = false;
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.unwrap_or(Path::new("-"));
            match load::load_stdin(name) {
                Ok(doc) => handle(doc),
                Err(e) => failed |= report_load_error(&e),
            }
            continue;
        }
        files.extend(walk::collect_paths(
            std::slice::from_ref(path),
            walk::DEFAULT_EXTENSIONS,
        ));
    }
    for entry in files {
        match entry {
            Ok(path) => match load::load_file(&path) {
                Ok(doc) => handle(doc),
                Err(e) => failed |= report_load_error(&e),
            },
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    failed
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
    // The table aligns columns over every row, so it is written once at the end; the
    // machine formats stream one document at a time.
    let mut table_rows = Vec::new();
    let failed = for_each_document(&args.paths, args.stdin_filename.as_deref(), |doc| {
        let figures = figcheck::figures(&doc);
        let index = LineIndex::new(&doc.text);
        for figure in &figures {
            let record = FigureRecord::new(&doc, &index, figure);
            if format == FiguresFormat::Table {
                table_rows.push(record.to_owned_row());
            } else if write_figures(&mut out, format, std::slice::from_ref(&record), first).is_err()
            {
                write_failed = true;
            }
            first = false;
        }
    });
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
