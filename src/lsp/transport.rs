//! The stdio transport: `Content-Length` framed JSON-RPC messages on standard input and
//! output, read and written on two threads that feed the server's channels.
//!
//! Unlike a strict reader, this one never gives up on a bad message: a frame whose header
//! or JSON cannot be read is answered with a JSON-RPC error (`id` null for a parse error,
//! the message's own id for an invalid request) and reading goes on with the next frame.
//! Lone UTF-16 surrogates escaped in a string (`"\ud83d"`, which strict JSON parsers
//! reject) are read as U+FFFD, which is one UTF-16 code unit too, so the client's
//! positions stay valid; bytes that are not UTF-8 are read the same way.

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_server::{Connection, ErrorCode, Message};
use serde_json::{Value, json};
use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;

/// The largest message body read; a longer one is skipped and answered with an error.
pub const MAX_BODY: usize = 256 << 20;
/// The longest header line kept; the rest of a longer one is skipped.
const MAX_HEADER_LINE: usize = 8 << 10;

/// A connection over standard input and output, and the writer thread, to be joined after
/// the server has dropped the connection so that every answer is flushed.
pub fn stdio() -> (Connection, JoinHandle<()>) {
    let (to_server, from_client) = unbounded::<Message>();
    let (to_client, from_server) = unbounded::<Message>();
    let writer = std::thread::Builder::new()
        .name("figcheck-lsp-writer".into())
        .spawn(move || write_loop(&from_server))
        .expect("spawn the writer thread");
    std::thread::Builder::new()
        .name("figcheck-lsp-reader".into())
        .spawn(move || read_loop(&mut io::stdin().lock(), &to_server, &mut StdoutSink))
        .expect("spawn the reader thread");
    (
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        writer,
    )
}

/// Where error answers from the reader go: standard output, locked per message so they
/// never interleave with the writer thread's.
struct StdoutSink;

impl ErrorSink for StdoutSink {
    fn send_error(&mut self, id: Value, code: i32, message: &str) {
        let _ = write_frame(&mut io::stdout().lock(), &error_body(id, code, message));
    }
}

/// Receives the JSON-RPC errors the reader answers by itself.
pub trait ErrorSink {
    /// Answer message `id` (null when unknown) with an error.
    fn send_error(&mut self, id: Value, code: i32, message: &str);
}

fn write_loop(from_server: &Receiver<Message>) {
    for message in from_server {
        let Ok(body) = serde_json::to_string(&Frame {
            jsonrpc: "2.0",
            message: &message,
        }) else {
            continue;
        };
        if write_frame(&mut io::stdout().lock(), &body).is_err() {
            return;
        }
    }
}

#[derive(serde::Serialize)]
struct Frame<'a> {
    jsonrpc: &'static str,
    #[serde(flatten)]
    message: &'a Message,
}

/// Write one framed message and flush it.
pub fn write_frame(out: &mut impl Write, body: &str) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

/// A JSON-RPC error answer.
pub fn error_body(id: Value, code: i32, message: &str) -> String {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}).to_string()
}

/// Read frames until the input ends or the client sends `exit`; hand every readable
/// message to `to_server` and answer every unreadable one through `errors`.
pub fn read_loop(
    input: &mut impl BufRead,
    to_server: &Sender<Message>,
    errors: &mut impl ErrorSink,
) {
    loop {
        let body = match read_frame(input) {
            Ok(Input::Body(body)) => body,
            Ok(Input::End) | Err(_) => return,
            Ok(Input::Bad(why)) => {
                errors.send_error(Value::Null, ErrorCode::ParseError as i32, &why);
                continue;
            }
        };
        match decode(&body) {
            Ok(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || exit {
                    return;
                }
            }
            Err(Some((id, code, why))) => errors.send_error(id, code, &why),
            Err(None) => {}
        }
    }
}

/// What one read of the input gave.
enum Input {
    /// A message body.
    Body(Vec<u8>),
    /// A frame that could not be read, and why; the input is positioned after it.
    Bad(String),
    /// The end of the input.
    End,
}

fn read_frame(input: &mut impl BufRead) -> io::Result<Input> {
    let mut length: Option<Result<usize, String>> = None;
    let mut saw_header = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = read_line_capped(input, &mut line)?;
        if n == 0 {
            return Ok(if saw_header {
                Input::Bad("the input ended inside a message header".into())
            } else {
                Input::End
            });
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        // Decision: `Content-Length:` is looked for anywhere in the line, so that after a
        // frame without one the next frame's header is found even when it follows the
        // unread body on the same line.
        let lower = text.to_ascii_lowercase();
        if let Some(at) = lower.rfind("content-length:") {
            let value = text[at + "content-length:".len()..].trim();
            length = Some(
                value
                    .parse::<usize>()
                    .map_err(|_| format!("bad Content-Length `{value}`")),
            );
        }
    }
    let length = match length {
        None => return Ok(Input::Bad("a message header without Content-Length".into())),
        Some(Err(why)) => return Ok(Input::Bad(why)),
        Some(Ok(n)) => n,
    };
    if length > MAX_BODY {
        let skipped = io::copy(&mut input.take(length as u64), &mut io::sink())?;
        if (skipped as usize) < length {
            return Ok(Input::End);
        }
        return Ok(Input::Bad(format!(
            "a message of {length} bytes is over the limit of {MAX_BODY}"
        )));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Input::Body(body))
}

/// Read one line into `line`, keeping at most [`MAX_HEADER_LINE`] bytes of it; returns
/// the bytes consumed (0 at the end of the input).
fn read_line_capped(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut consumed = 0;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(consumed);
        }
        let (take, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = MAX_HEADER_LINE.saturating_sub(line.len());
        line.extend_from_slice(&buf[..take.min(room)]);
        input.consume(take);
        consumed += take;
        if done {
            return Ok(consumed);
        }
    }
}

/// A message from a body, or the error to answer it with (`None`: answer nothing, for
/// an unreadable response from the client).
type Decoded = Result<Message, Option<(Value, i32, String)>>;

fn decode(body: &[u8]) -> Decoded {
    let text = String::from_utf8_lossy(body);
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(first) => match serde_json::from_str(&repair_surrogates(&text)) {
            Ok(v) => v,
            Err(_) => {
                return Err(Some((
                    Value::Null,
                    ErrorCode::ParseError as i32,
                    format!("the message is not JSON: {first}"),
                )));
            }
        },
    };
    let is_response = value.get("method").is_none()
        && (value.get("result").is_some() || value.get("error").is_some());
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    serde_json::from_value::<Message>(value).map_err(|e| {
        (!is_response).then(|| {
            (
                id,
                ErrorCode::InvalidRequest as i32,
                format!("not a JSON-RPC request or notification: {e}"),
            )
        })
    })
}

/// `text` (JSON) with every lone UTF-16 surrogate escape replaced by `\uFFFD`.
pub fn repair_surrogates(text: &str) -> String {
    let bytes = text.as_bytes();
    let hex_at = |i: usize| -> Option<u32> {
        let digits = text.get(i..i + 4)?;
        (bytes.get(i.wrapping_sub(2)) == Some(&b'\\') && bytes.get(i - 1) == Some(&b'u'))
            .then_some(())?;
        u32::from_str_radix(digits, 16).ok()
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        if bytes.get(i + 1) != Some(&b'u') {
            i += 2;
            continue;
        }
        let Some(unit) = hex_at(i + 2) else {
            i += 2;
            continue;
        };
        let next = hex_at(i + 8).filter(|_| bytes.get(i + 6) == Some(&b'\\'));
        let (lone, width) = match unit {
            0xD800..=0xDBFF => match next {
                Some(0xDC00..=0xDFFF) => (false, 12),
                _ => (true, 6),
            },
            0xDC00..=0xDFFF => (true, 6),
            _ => (false, 6),
        };
        if lone {
            out.push_str(&text[copied..i]);
            out.push_str("\\uFFFD");
            copied = i + width;
        }
        i += width;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Errors(Vec<(Value, i32)>);

    impl ErrorSink for Errors {
        fn send_error(&mut self, id: Value, code: i32, _: &str) {
            self.0.push((id, code));
        }
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(repair_surrogates(r#""a\ud83d b""#), r#""a\uFFFD b""#);
        assert_eq!(repair_surrogates(r#""\ude00""#), r#""\uFFFD""#);
        assert_eq!(repair_surrogates(r#""\ud83d\ude00""#), r#""\ud83d\ude00""#);
        assert_eq!(repair_surrogates(r#""\\ud83d""#), r#""\\ud83d""#);
        assert_eq!(repair_surrogates(r#""\u00e9\ud83d""#), r#""\u00e9\uFFFD""#);
    }

    #[test]
    fn bad_frames_are_answered_and_reading_goes_on() {
        let input = [
            frame("{not json"),
            "Content-Length: x\r\n\r\n".into(),
            frame(r#"{"jsonrpc":"2.0","id":7,"params":{}}"#),
            frame(r#"{"jsonrpc":"2.0","id":null,"result":1}"#),
            "X-Header: no length\r\n\r\n".into(),
            frame(r#"{"jsonrpc":"2.0","method":"m","params":{"t":"\ud83d"}}"#),
            frame(r#"{"jsonrpc":"2.0","method":"exit"}"#),
            frame(r#"{"jsonrpc":"2.0","method":"after-exit"}"#),
        ]
        .concat();
        let (tx, rx) = unbounded();
        let mut errors = Errors::default();
        read_loop(&mut input.as_bytes(), &tx, &mut errors);
        let parse = ErrorCode::ParseError as i32;
        assert_eq!(
            errors.0,
            vec![
                (Value::Null, parse),
                (Value::Null, parse),
                (json!(7), ErrorCode::InvalidRequest as i32),
                (Value::Null, parse),
            ]
        );
        let methods: Vec<String> = rx
            .try_iter()
            .map(|m| match m {
                Message::Notification(n) => format!("{} {}", n.method, n.params),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(methods, vec!["m {\"t\":\"\u{FFFD}\"}", "exit null"]);
    }
}
