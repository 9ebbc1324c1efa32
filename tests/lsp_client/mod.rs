//! A small LSP client for the protocol tests: drives `figcheck::lsp::run` over an
//! in-memory connection, or `figcheck lsp` over pipes.
#![allow(dead_code)]

use lsp_server::{Connection, Message};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long any answer may take (generous: debug builds on a busy machine).
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// The way messages reach the server.
enum Link {
    Memory {
        conn: Connection,
        server: Option<JoinHandle<bool>>,
    },
    Process {
        child: Child,
        stdin: ChildStdin,
        inbox: mpsc::Receiver<Value>,
    },
}

/// A client: sends requests and notifications, and keeps what the server sent meanwhile.
pub struct Client {
    link: Link,
    next_id: i32,
    /// Notifications and server requests not yet looked at.
    pub pending: VecDeque<Value>,
}

impl Client {
    /// A server on a thread of this process.
    pub fn in_memory() -> Self {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || figcheck::lsp::run(server));
        Client {
            link: Link::Memory {
                conn: client,
                server: Some(handle),
            },
            next_id: 0,
            pending: VecDeque::new(),
        }
    }

    /// `figcheck lsp` as a child process.
    pub fn process() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start figcheck lsp");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            while let Some(value) = read_frame(&mut stdout) {
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            link: Link::Process {
                child,
                stdin,
                inbox: rx,
            },
            next_id: 0,
            pending: VecDeque::new(),
        }
    }

    /// Write raw bytes to the server's input (process link only).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        match &mut self.link {
            Link::Process { stdin, .. } => {
                stdin.write_all(bytes).unwrap();
                stdin.flush().unwrap();
            }
            Link::Memory { .. } => panic!("raw bytes need the process link"),
        }
    }

    fn send(&mut self, message: Value) {
        match &mut self.link {
            Link::Memory { conn, .. } => {
                let message: Message = serde_json::from_value(message).unwrap();
                conn.sender.send(message).unwrap();
            }
            Link::Process { .. } => {
                let body = message.to_string();
                let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
                self.send_raw(frame.as_bytes());
            }
        }
    }

    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match &mut self.link {
            Link::Memory { conn, .. } => {
                let message = conn.receiver.recv_timeout(left).ok()?;
                Some(serde_json::to_value(message).unwrap())
            }
            Link::Process { inbox, .. } => inbox.recv_timeout(left).ok(),
        }
    }

    /// Send a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request and wait for its response (`result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(json!(id))
    }

    /// Wait for the response to request `id`.
    pub fn response(&mut self, id: Value) -> Result<Value, Value> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self
                .receive(deadline)
                .unwrap_or_else(|| panic!("no response to request {id}"));
            if message.get("method").is_none() && message["id"] == id {
                return match message.get("error") {
                    Some(error) => Err(error.clone()),
                    None => Ok(message["result"].clone()),
                };
            }
            self.pending.push_back(message);
        }
    }

    /// `initialize` with these client capabilities and options, then `initialized`.
    pub fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let result = self
            .request(
                "initialize",
                json!({"capabilities": capabilities, "initializationOptions": options}),
            )
            .expect("initialize");
        self.notify("initialized", json!({}));
        result
    }

    /// The next message from the server with this method.
    pub fn next(&mut self, method: &str, timeout: Duration) -> Option<Value> {
        if let Some(i) = self.pending.iter().position(|m| m["method"] == method) {
            return self.pending.remove(i);
        }
        let deadline = Instant::now() + timeout;
        loop {
            let message = self.receive(deadline)?;
            if message["method"] == method {
                return Some(message);
            }
            self.pending.push_back(message);
        }
    }

    /// The next published diagnostics for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .next("textDocument/publishDiagnostics", left)
                .unwrap_or_else(|| panic!("no diagnostics for {uri}"));
            if message["params"]["uri"] == uri {
                return message["params"].clone();
            }
        }
    }

    /// `didOpen` a document.
    pub fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    /// `shutdown` and `exit`; returns whether the server ended cleanly.
    pub fn shutdown(mut self) -> bool {
        assert_eq!(self.request("shutdown", Value::Null), Ok(Value::Null));
        self.exit()
    }

    /// Close the server's input (process link) and wait for it to end; returns whether it
    /// exited with status 0.
    pub fn hang_up(self) -> bool {
        match self.link {
            Link::Process {
                mut child, stdin, ..
            } => {
                drop(stdin);
                child.wait().unwrap().success()
            }
            Link::Memory { .. } => panic!("hang_up needs the process link"),
        }
    }

    /// `exit`; returns whether the server ended cleanly (after a `shutdown`).
    pub fn exit(mut self) -> bool {
        self.notify("exit", Value::Null);
        match &mut self.link {
            Link::Memory { server, .. } => server.take().unwrap().join().unwrap(),
            Link::Process { child, .. } => child.wait().unwrap().success(),
        }
    }
}

/// Read one framed message from the server's output.
pub fn read_frame(input: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    input.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}
