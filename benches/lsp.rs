//! How interactive `figcheck lsp` stays: the time from a one-character edit of a 100 kB
//! draft (an incremental `didChange`) to its new diagnostics, through the server's own
//! loop on an in-memory connection with the debounce set to zero; and, for comparison,
//! the `check` call alone on the same text.
//!
//! The draft is the bundled example drafts repeated to 100 kB: figure-dense prose, with a
//! finding every few hundred bytes, so it is a harder case than most real drafts.

use criterion::{Criterion, criterion_group, criterion_main};
use figcheck::config::Config;
use figcheck::{Document, SourceFormat, check};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::json;
use std::hint::black_box;
use std::path::Path;

const TARGET_BYTES: usize = 100 << 10;

fn draft() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let sources: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut text = String::new();
    while text.len() < TARGET_BYTES {
        for source in &sources {
            text.push_str(source);
            text.push('\n');
        }
    }
    text
}

fn publish_count(message: &Message) -> Option<usize> {
    match message {
        Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
            n.params["diagnostics"].as_array().map(Vec::len)
        }
        _ => None,
    }
}

fn bench_recheck(c: &mut Criterion) {
    let text = draft();
    let (server, client) = Connection::memory();
    let handle = std::thread::spawn(move || figcheck::lsp::run(server));
    let send = |m: Message| client.sender.send(m).unwrap();
    send(
        Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({"capabilities": {}, "initializationOptions": {"debounceMs": 0}}),
        )
        .into(),
    );
    client.receiver.recv().unwrap();
    send(Notification::new("initialized".into(), json!({})).into());
    let uri = "file:///nonexistent/figcheck-bench/draft.md";
    send(
        Notification::new(
            "textDocument/didOpen".into(),
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        )
        .into(),
    );
    let wait = || loop {
        if let Some(n) = publish_count(&client.receiver.recv().unwrap()) {
            return n;
        }
    };
    let findings = wait();
    eprintln!(
        "draft: {} bytes, {} lines, {findings} findings",
        text.len(),
        text.lines().count()
    );

    // Type a character in the middle of the draft, then delete it: every edit is one
    // incremental change and one re-check.
    let line = text.lines().count() / 2;
    let mut version = 1;
    let mut group = c.benchmark_group("lsp");
    group.bench_function("recheck_100kB_after_one_char_edit", |b| {
        b.iter(|| {
            version += 1;
            let change = if version % 2 == 0 {
                json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"})
            } else {
                json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}, "text": ""})
            };
            send(
                Notification::new(
                    "textDocument/didChange".into(),
                    json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
                )
                .into(),
            );
            black_box(wait())
        })
    });
    group.bench_function("check_100kB", |b| {
        b.iter(|| {
            let doc = Document::new("draft.md", text.clone(), SourceFormat::Markdown);
            black_box(check(&doc, &Config::default()).len())
        })
    });
    group.finish();

    send(Request::new(RequestId::from(2), "shutdown".into(), json!(null)).into());
    send(Notification::new("exit".into(), json!(null)).into());
    handle.join().unwrap();
}

criterion_group!(benches, bench_recheck);
criterion_main!(benches);
