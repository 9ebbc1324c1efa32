//! `figcheck lsp` as a process keeps serving whatever the client sends: frames that are
//! not JSON, JSON that is not JSON-RPC, bytes that are not UTF-8, lone UTF-16 surrogates,
//! unknown methods, and a 5 MB document.

mod lsp_client;

use lsp_client::Client;
use serde_json::{Value, json};
use std::time::Instant;

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn started() -> Client {
    let mut client = Client::process();
    let result = client.initialize(json!({}), json!({"debounceMs": 0}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    client
}

/// The server still answers a request.
fn answers(client: &mut Client) {
    let error = client
        .request("figcheck/noSuchMethod", json!({}))
        .unwrap_err();
    assert_eq!(error["code"], -32601);
}

#[test]
fn malformed_messages_are_answered_and_serving_goes_on() {
    let mut client = started();
    client.send_raw(&frame(b"{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\":"));
    assert_eq!(client.response(Value::Null).unwrap_err()["code"], -32700);
    client.send_raw(b"Content-Length: lots\r\n\r\n");
    assert_eq!(client.response(Value::Null).unwrap_err()["code"], -32700);
    client.send_raw(b"X-Nothing: here\r\n\r\n{}");
    assert_eq!(client.response(Value::Null).unwrap_err()["code"], -32700);
    client.send_raw(&frame(br#"{"jsonrpc": "2.0", "id": 41, "params": {}}"#));
    assert_eq!(client.response(json!(41)).unwrap_err()["code"], -32600);
    client.send_raw(&frame(br#"[1, 2, 3]"#));
    assert_eq!(client.response(Value::Null).unwrap_err()["code"], -32600);
    answers(&mut client);
    let error = client
        .request("textDocument/codeAction", json!({"textDocument": 3}))
        .unwrap_err();
    assert_eq!(error["code"], -32602);
    answers(&mut client);
    assert!(client.shutdown());
}

/// Text that is not UTF-8-clean in the client's view: a lone surrogate escaped in JSON,
/// and raw bytes that are not UTF-8. Both are read as U+FFFD; positions after them stay
/// right (a lone surrogate and U+FFFD are one UTF-16 unit each).
#[test]
fn text_that_is_not_utf8_clean_is_checked() {
    let mut client = started();
    let uri = "untitled:draft-1";
    let body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{uri}","languageId":"markdown","version":1,"text":"A \ud83d lone half. Turnout was between 70 and 60 percent, officials said.\n"}}}}}}"#
    );
    client.send_raw(&frame(body.as_bytes()));
    let published = client.diagnostics(uri);
    let diagnostic = &published["diagnostics"][0];
    assert_eq!(diagnostic["code"], "range-inverted");
    assert_eq!(
        diagnostic["range"]["start"],
        json!({"line": 0, "character": 27})
    );

    let mut body = br#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:draft-1","version":2},"contentChanges":[{"text":"Bad "#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe]);
    body.extend_from_slice(
        br#" bytes. Turnout was between 70 and 60 percent, officials said.\n"}]}}"#,
    );
    client.send_raw(&frame(&body));
    let published = client.diagnostics(uri);
    assert_eq!(published["version"], 2);
    assert_eq!(
        published["diagnostics"][0]["range"]["start"],
        json!({"line": 0, "character": 26})
    );
    answers(&mut client);
    assert!(client.shutdown());
}

/// A 5 MB draft with a finding in each of its 57,615 paragraphs is checked; the first
/// thousand findings are published with a note on the rest, and the server answers a
/// hover at the end of the draft and a request after it.
#[test]
fn a_5_mb_document_is_served() {
    let mut client = started();
    let paragraph = "The 連立 bloc 😀 won 73 out of 329 seats. Its rivals say they hold the majority of 88 seats.\n\n";
    let mut text = String::new();
    while text.len() < 5 << 20 {
        text.push_str(paragraph);
    }
    let paragraphs = text.len() / paragraph.len();
    let uri = "file:///nonexistent/figcheck-robustness/huge.md";
    let started = Instant::now();
    client.open(uri, "markdown", &text);
    let published = client.diagnostics(uri);
    let took = started.elapsed();
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1001);
    assert_eq!(diagnostics[999]["code"], "majority-below-half");
    assert_eq!(
        diagnostics[999]["range"]["start"],
        json!({"line": 999 * 2, "character": 81})
    );
    let note = diagnostics[1000]["message"].as_str().unwrap();
    assert!(
        note.starts_with(&format!("{} more findings", paragraphs - 1000)),
        "{note}"
    );
    let last_line = (paragraphs - 1) * 2;
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri},
                   "position": {"line": last_line, "character": 82}}),
        )
        .unwrap();
    assert_eq!(
        hover["range"]["start"],
        json!({"line": last_line, "character": 81})
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("majority-below-half"), "{value}");
    answers(&mut client);
    eprintln!("5 MB document: diagnostics after {took:?}");
    assert!(client.shutdown());
}

#[test]
fn end_of_input_ends_the_server() {
    let mut client = started();
    client.send_raw(b"Content-Length: 10\r\n\r\n{\"js");
    // The input ends inside a message: the server exits (not cleanly), it does not hang.
    assert!(!client.hang_up());
}
