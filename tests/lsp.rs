//! Protocol tests of `figcheck lsp`: initialize, didOpen, didChange, publishDiagnostics,
//! codeAction, hover, executeCommand and shutdown, with exact ranges in UTF-16 and UTF-8.
//!
//! The expected positions were computed independently of figcheck (by encoding each
//! line's prefix in UTF-16 and UTF-8); the draft puts curly quotes, CJK text and an
//! emoji before the flagged figures.

mod lsp_client;

use figcheck::lsp::convert::path_to_uri;
use lsp_client::Client;
use serde_json::{Value, json};
use std::time::Duration;

const DRAFT: &str = "# “Coalition” claims 😀 a majority

The 連立 bloc 😀 “won” 73 out of 329 seats. Its rivals say they hold the majority of 88 seats.

The “deal” 合意 was signed on Wednesday, Feb. 25, 2025, and support rose 5% from 40% to 45%, a poll found.

Turnout was between 70 and 60 percent, officials said.
";

const UTF16: [&str; 1] = ["utf-16"];
const UTF8_FIRST: [&str; 2] = ["utf-8", "utf-16"];

fn range(line: u32, start: u32, end: u32) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

/// A server with a draft open in an empty temporary folder; returns the client, the
/// draft's URI, the first diagnostics and the folder.
fn open_draft(encodings: &[&str], text: &str) -> (Client, String, Value, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.md");
    std::fs::write(&path, text).unwrap();
    let uri = path_to_uri(&path).unwrap().as_str().to_owned();
    let mut client = Client::in_memory();
    client.initialize(
        json!({"general": {"positionEncodings": encodings},
               "window": {"showDocument": {"support": true}}}),
        json!({"debounceMs": 20}),
    );
    client.open(&uri, "markdown", text);
    let diagnostics = client.diagnostics(&uri);
    (client, uri, diagnostics, dir)
}

/// (code, range) of each diagnostic.
fn codes_and_ranges(published: &Value) -> Vec<(String, Value)> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_owned(), d["range"].clone()))
        .collect()
}

fn related_ranges(diagnostic: &Value) -> Vec<Value> {
    diagnostic["relatedInformation"]
        .as_array()
        .map(|r| r.iter().map(|i| i["location"]["range"].clone()).collect())
        .unwrap_or_default()
}

#[test]
fn negotiates_the_position_encoding() {
    for (offered, chosen) in [
        (json!(null), "utf-16"),
        (json!(["utf-16"]), "utf-16"),
        (json!(["utf-32", "utf-8"]), "utf-8"),
    ] {
        let mut client = Client::in_memory();
        let result = client.initialize(
            json!({"general": {"positionEncodings": offered}}),
            json!({}),
        );
        assert_eq!(result["capabilities"]["positionEncoding"], chosen);
        assert_eq!(result["capabilities"]["textDocumentSync"]["change"], 2);
        assert_eq!(result["serverInfo"]["name"], "figcheck");
        assert!(client.shutdown());
    }
}

#[test]
fn diagnostics_in_utf16() {
    let (client, uri, published, _dir) = open_draft(&UTF16, DRAFT);
    assert_eq!(published["version"], 1);
    assert_eq!(
        codes_and_ranges(&published),
        vec![
            ("majority-below-half".into(), range(2, 83, 91)),
            ("weekday-mismatch".into(), range(4, 28, 52)),
            ("points-vs-percent".into(), range(4, 71, 73)),
            ("range-inverted".into(), range(6, 12, 37)),
        ]
    );
    let majority = &published["diagnostics"][0];
    assert_eq!(
        related_ranges(majority),
        vec![range(2, 31, 40), range(2, 71, 79)]
    );
    assert_eq!(
        majority["relatedInformation"][0]["message"],
        "the whole: 329 seats"
    );
    assert_eq!(majority["relatedInformation"][0]["location"]["uri"], uri);
    assert_eq!(majority["severity"], 2);
    assert_eq!(majority["source"], "figcheck");
    let message = majority["message"].as_str().unwrap();
    assert!(
        message.starts_with("a majority is claimed for 88 seats"),
        "{message}"
    );
    let href = majority["codeDescription"]["href"].as_str().unwrap();
    assert!(href.starts_with("file://") && href.ends_with("/majority-below-half.md"));
    let page = figcheck::lsp::convert::uri_to_path(href).unwrap();
    assert!(
        std::fs::read_to_string(page)
            .unwrap()
            .starts_with("# majority-below-half")
    );
    assert_eq!(
        related_ranges(&published["diagnostics"][2]),
        vec![range(4, 79, 82), range(4, 86, 89)]
    );
    assert!(client.shutdown());
}

#[test]
fn diagnostics_in_utf8() {
    let (client, _uri, published, _dir) = open_draft(&UTF8_FIRST, DRAFT);
    assert_eq!(
        codes_and_ranges(&published),
        vec![
            ("majority-below-half".into(), range(2, 93, 101)),
            ("weekday-mismatch".into(), range(4, 36, 60)),
            ("points-vs-percent".into(), range(4, 79, 81)),
            ("range-inverted".into(), range(6, 12, 37)),
        ]
    );
    assert_eq!(
        related_ranges(&published["diagnostics"][0]),
        vec![range(2, 41, 50), range(2, 81, 89)]
    );
    assert!(client.shutdown());
}

/// Incremental edits whose positions count the emoji, quotes and CJK text: the weekday is
/// corrected, and an emoji typed beside the emoji before `88 seats` moves its diagnostic.
#[test]
fn incremental_changes_in_both_encodings() {
    for (encodings, weekday, before_88, shifted) in [
        (&UTF16[..], range(4, 28, 37), (12, 12), range(2, 85, 93)),
        (
            &UTF8_FIRST[..],
            range(4, 36, 45),
            (16, 16),
            range(2, 97, 105),
        ),
    ] {
        let (mut client, uri, _, _dir) = open_draft(encodings, DRAFT);
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
                {"range": weekday, "text": "Tuesday"},
                {"range": range(2, before_88.0, before_88.1), "text": "😀"},
            ]}),
        );
        let published = client.diagnostics(&uri);
        assert_eq!(published["version"], 2);
        assert_eq!(
            codes_and_ranges(&published),
            vec![
                ("majority-below-half".into(), shifted),
                ("points-vs-percent".into(), {
                    // `Tuesday` is two characters shorter than `Wednesday`.
                    let (s, e) = if encodings == UTF16 {
                        (69, 71)
                    } else {
                        (77, 79)
                    };
                    range(4, s, e)
                }),
                ("range-inverted".into(), range(6, 12, 37)),
            ],
            "{encodings:?}"
        );
        assert!(client.shutdown());
    }
}

#[test]
fn a_burst_of_changes_is_checked_once() {
    let (mut client, uri, _, _dir) = open_draft(&UTF16, "Start.\n");
    let mut text = String::from("Start.\n");
    let typed = "Turnout was between 70 and 60 percent, officials said.";
    for (i, c) in typed.chars().enumerate() {
        let line = 1;
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [
                {"range": range(line, i as u32, i as u32), "text": c.to_string()},
            ]}),
        );
        text.push(c);
    }
    let published = client.diagnostics(&uri);
    // Only the last version, one per character typed after the opening one, is checked.
    let last_version = typed.chars().count() + 1;
    assert_eq!(published["version"], last_version, "{published}");
    assert_eq!(
        codes_and_ranges(&published),
        vec![("range-inverted".into(), range(1, 12, 37))]
    );
    assert!(
        client
            .next(
                "textDocument/publishDiagnostics",
                Duration::from_millis(300)
            )
            .is_none(),
        "one check for the whole burst"
    );
    assert!(client.shutdown());
}

fn titles(actions: &Value) -> Vec<String> {
    actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_owned())
        .collect()
}

/// Apply one text edit given in `encoding` units, as a client would.
fn apply(text: &str, edit: &Value, unit: figcheck::span::ColumnUnit) -> String {
    let index = figcheck::span::LineIndex::new(text);
    let offset = |p: &Value| {
        index.offset(
            text,
            figcheck::span::LineCol {
                line: p["line"].as_u64().unwrap() as usize + 1,
                column: p["character"].as_u64().unwrap() as usize + 1,
            },
            unit,
        )
    };
    let (start, end) = (
        offset(&edit["range"]["start"]),
        offset(&edit["range"]["end"]),
    );
    let mut out = text.to_owned();
    out.replace_range(start..end, edit["newText"].as_str().unwrap());
    out
}

#[test]
fn code_actions_fix_disable_and_explain() {
    let (mut client, uri, published, _dir) = open_draft(&UTF16, DRAFT);
    let weekday = published["diagnostics"][1].clone();
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range(4, 30, 30),
                   "context": {"diagnostics": [weekday]}}),
        )
        .unwrap();
    assert_eq!(
        titles(&actions),
        vec![
            "Fix: write `Tuesday` (or correct the date)",
            "Disable weekday-mismatch for this line",
            "Explain weekday-mismatch",
        ]
    );
    let fix = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(
        fix,
        &json!({"range": range(4, 28, 37), "newText": "Tuesday"})
    );
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(actions[0]["diagnostics"][0]["code"], "weekday-mismatch");

    // The line before is blank: the directive goes on a line of its own.
    let disable = &actions[1]["edit"]["changes"][&uri][0];
    assert_eq!(
        disable,
        &json!({"range": range(4, 0, 0),
                "newText": "<!-- figcheck-disable-next-line weekday-mismatch -->\n"})
    );
    let unit = figcheck::span::ColumnUnit::Utf16;
    let disabled = apply(DRAFT, disable, unit);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"text": disabled}]}),
    );
    let published = client.diagnostics(&uri);
    let codes: Vec<String> = codes_and_ranges(&published)
        .into_iter()
        .map(|c| c.0)
        .collect();
    assert_eq!(
        codes,
        vec!["majority-below-half", "points-vs-percent", "range-inverted"]
    );

    // The fix, applied, resolves its finding; so does `percentage points`.
    let fixed = apply(DRAFT, fix, unit);
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range(7, 12, 37),
                   "context": {"diagnostics": []}}),
        )
        .unwrap();
    assert_eq!(
        actions[0]["edit"]["changes"][&uri][0]["newText"],
        "between 60 and 70 percent"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3},
               "contentChanges": [{"text": fixed}]}),
    );
    let codes: Vec<String> = codes_and_ranges(&client.diagnostics(&uri))
        .into_iter()
        .map(|c| c.0)
        .collect();
    assert!(!codes.contains(&"weekday-mismatch".to_owned()), "{codes:?}");

    // Explain opens the rule's page in the editor.
    let explain = &actions[2]["command"];
    assert_eq!(explain["command"], "figcheck.explain");
    let result = client.request(
        "workspace/executeCommand",
        json!({"command": explain["command"], "arguments": explain["arguments"]}),
    );
    assert_eq!(result, Ok(Value::Null));
    let shown = client
        .next("window/showDocument", lsp_client::TIMEOUT)
        .unwrap();
    let page = shown["params"]["uri"].as_str().unwrap();
    assert!(page.ends_with("/range-inverted.md"), "{page}");
    assert!(client.shutdown());
}

/// A directive inside a paragraph goes at the end of the line before, so the paragraph
/// stays whole.
#[test]
fn disable_inside_a_paragraph_keeps_the_paragraph() {
    let text =
        "The “bloc” won 73 out of 329 seats.\nIts rivals say they hold the majority of 88 seats.\n";
    let (mut client, uri, published, _dir) = open_draft(&UTF8_FIRST, text);
    assert_eq!(
        codes_and_ranges(&published),
        vec![("majority-below-half".into(), range(1, 41, 49))]
    );
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range(1, 41, 49),
                   "context": {"diagnostics": []}}),
        )
        .unwrap();
    let disable = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(
        disable,
        &json!({"range": range(0, 39, 39),
                "newText": " <!-- figcheck-disable-next-line majority-below-half -->"})
    );
    let disabled = apply(text, disable, figcheck::span::ColumnUnit::Byte);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"text": disabled}]}),
    );
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));
    assert!(client.shutdown());
}

#[test]
fn hover_shows_the_figure_and_its_finding() {
    let (mut client, uri, _, _dir) = open_draft(&UTF16, DRAFT);
    let hover = |client: &mut Client, line: u32, character: u32| {
        client
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
            )
            .unwrap()
    };
    // Inside `88 seats` (UTF-16 column 84 is the second digit).
    let on_88 = hover(&mut client, 2, 84);
    assert_eq!(on_88["range"], range(2, 83, 91));
    let text = on_88["contents"]["value"].as_str().unwrap();
    assert!(
        text.starts_with(
            "**`88 seats`**\n- kind: `count`\n- value: `88`\n- unit: `seats`\n- approx: `exact`"
        ),
        "{text}"
    );
    assert!(
        text.contains("`majority-below-half`: a majority is claimed"),
        "{text}"
    );
    assert!(
        text.contains("*A majority claimed for half or less of the whole*"),
        "{text}"
    );
    // A figure without a finding: the sheet's row only, with its whole.
    let on_73 = hover(&mut client, 2, 22);
    let text = on_73["contents"]["value"].as_str().unwrap();
    assert!(text.contains("- of: `329`"), "{text}");
    assert!(!text.contains("---"), "{text}");
    assert_eq!(on_73["range"], range(2, 21, 40));
    // Prose without a figure.
    assert_eq!(hover(&mut client, 0, 3), Value::Null);
    assert!(client.shutdown());
}

#[test]
fn close_clears_and_errors_keep_the_server_serving() {
    let (mut client, uri, _, _dir) = open_draft(&UTF16, DRAFT);
    let unknown = client
        .request("textDocument/definition", json!({}))
        .unwrap_err();
    assert_eq!(unknown["code"], -32601);
    let bad = client
        .request("textDocument/hover", json!({"nonsense": 1}))
        .unwrap_err();
    assert_eq!(bad["code"], -32602);
    let bad = client
        .request(
            "workspace/executeCommand",
            json!({"command": "figcheck.explain", "arguments": ["no-such-rule"]}),
        )
        .unwrap_err();
    assert_eq!(bad["code"], -32602);
    // A change to a document that is not open, and a bad notification, are logged.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere.md", "version": 2}, "contentChanges": []}),
    );
    client.notify("textDocument/didOpen", json!({"textDocument": 5}));
    client.notify("$/unknownNotification", json!({}));
    assert!(
        client
            .next("window/logMessage", lsp_client::TIMEOUT)
            .is_some()
    );
    // Positions past the end of a line or of the document are clamped.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 99, "character": 0}, "end": {"line": 120, "character": 9}},
             "text": "\nIt rose 5% from 40% to 45%, a poll found."},
        ]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(
        codes_and_ranges(&published).last().unwrap(),
        &("points-vs-percent".to_owned(), range(8, 8, 10))
    );
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));
    assert!(client.shutdown());
}

#[test]
fn requests_before_initialize_and_after_shutdown_are_refused() {
    let mut client = Client::in_memory();
    let early = client.request("textDocument/hover", json!({})).unwrap_err();
    assert_eq!(early["code"], -32002);
    client.initialize(json!({}), json!({}));
    assert_eq!(client.request("shutdown", Value::Null), Ok(Value::Null));
    let late = client.request("textDocument/hover", json!({})).unwrap_err();
    assert_eq!(late["code"], -32600);
    assert!(client.exit());
}

#[test]
fn exit_without_shutdown_is_not_clean() {
    let mut client = Client::in_memory();
    client.initialize(json!({}), json!({}));
    assert!(!client.exit());
}

/// `figcheck.toml` of the workspace is read, re-read when it changes, and a broken one is
/// shown in it while the last good settings stay in use.
#[test]
fn config_reloads_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("figcheck.toml");
    std::fs::write(&config, "[rules.range-inverted]\nenabled = false\n").unwrap();
    let draft = dir.path().join("chapters").join("draft.txt");
    std::fs::create_dir_all(draft.parent().unwrap()).unwrap();
    let text = "Turnout was between 70 and 60 percent, officials said.\n";
    let uri = path_to_uri(&draft).unwrap().as_str().to_owned();
    let config_uri = path_to_uri(&config).unwrap().as_str().to_owned();
    let mut client = Client::in_memory();
    client.initialize(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        json!({"debounceMs": 0}),
    );
    let registration = client
        .next("client/registerCapability", lsp_client::TIMEOUT)
        .unwrap();
    assert_eq!(
        registration["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"],
        "**/figcheck.toml"
    );
    client.open(&uri, "plaintext", text);
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));

    std::fs::write(&config, "[rules.range-inverted]\nseverity = \"error\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["diagnostics"][0]["code"], "range-inverted");
    assert_eq!(published["diagnostics"][0]["severity"], 1);

    // Broken: shown in the config file; the document keeps the last good settings. No
    // notification this time: the modification time is compared before every check.
    std::fs::write(
        &config,
        "[rules.range-inverted]\nseverity = \"fatal\"\n# longer\n",
    )
    .unwrap();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let in_config = client.diagnostics(&config_uri);
    let error = &in_config["diagnostics"][0];
    assert_eq!(error["code"], "config");
    assert_eq!(error["range"]["start"]["line"], 1, "{error}");
    assert!(
        client
            .next("window/showMessage", lsp_client::TIMEOUT)
            .is_some()
    );
    assert_eq!(client.diagnostics(&uri)["diagnostics"][0]["severity"], 1);

    // Repaired: the error is cleared.
    std::fs::write(&config, "").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    assert_eq!(client.diagnostics(&config_uri)["diagnostics"], json!([]));
    assert_eq!(client.diagnostics(&uri)["diagnostics"][0]["severity"], 2);
    assert!(client.shutdown());
}
