//! Throughput of `figures` (document model + grammar) and `check` (every rule) on news
//! prose, and how `check` scales with the size of one document.
//!
//! The input is the bundled example drafts repeated to about 4 MB, or, when
//! `FIGCHECK_BENCH_DIR` names a folder (for example the corpus that
//! `../shared/bench/make_corpus.sh` builds), the first 4 MB of the files in it.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use figcheck::config::Config;
use figcheck::{Document, SourceFormat, check, figures};
use std::hint::black_box;
use std::path::{Path, PathBuf};

const TARGET_BYTES: usize = 4 << 20;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "txt")
        ) {
            out.push(path);
        }
    }
}

fn bench_input() -> Vec<(String, SourceFormat)> {
    let dir = std::env::var_os("FIGCHECK_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"));
    let mut paths = Vec::new();
    files_under(&dir, &mut paths);
    let sources: Vec<(String, SourceFormat)> = paths
        .iter()
        .filter_map(|p| Some((std::fs::read_to_string(p).ok()?, SourceFormat::from_path(p))))
        .collect();
    assert!(
        !sources.is_empty(),
        "no .md or .txt files under {}",
        dir.display()
    );
    let mut docs = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        for (text, format) in &sources {
            total += text.len();
            docs.push((text.clone(), *format));
            if total >= TARGET_BYTES {
                break;
            }
        }
    }
    docs
}

fn figures_throughput(c: &mut Criterion) {
    let sources = bench_input();
    let bytes: usize = sources.iter().map(|(t, _)| t.len()).sum();
    let docs: Vec<Document> = sources
        .iter()
        .map(|(text, format)| Document::new("bench", text.clone(), *format))
        .collect();
    let mut group = c.benchmark_group("throughput");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    // The grammar alone: `figures` over parsed documents.
    group.bench_function("figures", |b| {
        b.iter(|| black_box(docs.iter().map(|d| figures(d).len()).sum::<usize>()))
    });
    // The document model alone: Markdown prose, blocks and sentences.
    group.bench_function("document", |b| {
        b.iter(|| {
            for (text, format) in &sources {
                black_box(Document::new("bench", text.clone(), *format));
            }
        })
    });
    // Both, as `figcheck figures` runs them (without reading files or writing output).
    group.bench_function("document_and_figures", |b| {
        b.iter(|| {
            let mut count = 0;
            for (text, format) in &sources {
                let doc = Document::new("bench", text.clone(), *format);
                count += figures(&doc).len();
            }
            black_box(count)
        })
    });
    // Every rule, as `figcheck check` runs them on parsed documents.
    let config = Config::default();
    group.bench_function("check", |b| {
        b.iter(|| black_box(docs.iter().map(|d| check(d, &config).len()).sum::<usize>()))
    });
    group.finish();
}

/// `check` on one document made of the example drafts repeated 1, 10 and 100 times: the
/// time per byte should not grow with the document (document-wide rules bucket their
/// comparisons instead of pairing every figure).
fn check_scaling(c: &mut Criterion) {
    let one: String = bench_input()
        .iter()
        .take(3)
        .map(|(text, _)| text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let config = Config::default();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for times in [1, 10, 100] {
        let text = vec![one.as_str(); times].join("\n\n");
        group.throughput(Throughput::Bytes(text.len() as u64));
        let doc = Document::new("bench.md", text, SourceFormat::Markdown);
        group.bench_function(format!("check_{times}x"), |b| {
            b.iter(|| black_box(check(&doc, &config).len()))
        });
    }
    group.finish();
}

criterion_group!(benches, figures_throughput, check_scaling);
criterion_main!(benches);
