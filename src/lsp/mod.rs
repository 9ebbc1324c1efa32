//! `figcheck lsp`: the same findings, with the same spans, in any editor that speaks the
//! Language Server Protocol.
//!
//! One blocking loop over an `lsp_server::Connection` (standard input and output in
//! [`run_stdio`], an in-memory pair in tests and benchmarks):
//!
//! - Documents are synced incrementally. A change marks the document dirty; it is
//!   re-checked when no message has arrived for the debounce interval (or the last check's
//!   duration, if longer), or at the latest after [`MAX_WAIT`] of continuous typing.
//!   Changes queued meanwhile are applied first, so a burst of keystrokes costs one check.
//!   A request about a dirty document (hover, code action) checks it first.
//! - Positions are counted in UTF-8 bytes when the client offers `utf-8` in
//!   `general.positionEncodings`, in UTF-16 code units otherwise.
//! - Diagnostics carry the rule id as `code`, a link to the rule's documentation as
//!   `codeDescription`, and the other figures involved as `relatedInformation`.
//! - Code actions: the rule's fix, "disable RULE for this line", and "explain RULE"
//!   (`figcheck.explain`, which opens the rule's documentation in the editor).
//! - Hover: the figures sheet's row for a figure (kind, value, unit, approximation), and
//!   any finding on it with its rule's documentation.
//! - The nearest `figcheck.toml` above each document (or the first workspace folder's,
//!   for an unsaved one) is re-read whenever it changes: its modification time is
//!   compared before every check, and a `workspace/didChangeWatchedFiles` notification
//!   re-checks every open document. A broken config is shown as a diagnostic in it; the
//!   last good settings (or the defaults) stay in use.
//! - Nothing a client sends stops the server: bad frames and bad JSON are answered with
//!   JSON-RPC errors by the transport, unknown methods with `MethodNotFound`, bad
//!   parameters with `InvalidParams`, and a panic while handling one message with
//!   `InternalError` (the loop goes on).
//!
//! Initialization options (all optional): `debounceMs` (default 150), `maxDiagnostics`
//! (default 1000 a document), `rulesUrl` (rule links go to this URL followed by the rule
//! id, instead of Markdown pages the server writes to a temporary folder).

pub mod convert;
pub mod transport;

use crate::config::Config;
use crate::document::{Document, SourceFormat};
use crate::figure::Figure;
use crate::finding::Finding;
use crate::span::{ColumnUnit, LineIndex, Span};
use convert::Positions;
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, Diagnostic,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    ExecuteCommandParams, Hover, HoverContents, HoverParams, MarkupContent, MarkupKind,
    PositionEncodingKind, PublishDiagnosticsParams, TextEdit, Uri, WorkspaceEdit,
};
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant, SystemTime};

/// The default quiet time after a change before the document is re-checked.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);
/// The longest a changed document waits for its check while changes keep coming.
pub const MAX_WAIT: Duration = Duration::from_millis(1000);
/// The most diagnostics published for one document; a note says how many more there are.
/// Hovers and code actions still see every finding.
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 1000;
/// The command of the "explain RULE" code action.
pub const EXPLAIN_COMMAND: &str = "figcheck.explain";

/// Serve on standard input and output until the client says `exit` or the input ends.
/// Returns the process exit code: 0 after `shutdown` then `exit`, 1 otherwise.
pub fn run_stdio() -> i32 {
    let (connection, writer) = transport::stdio();
    let clean = run(connection);
    // The connection is dropped: the writer flushes what is queued and ends.
    let _ = writer.join();
    if clean { 0 } else { 1 }
}

/// Serve on `connection`; returns true when the client shut the server down properly
/// (`shutdown`, then `exit`).
pub fn run(connection: Connection) -> bool {
    let mut server = Server::new(connection.sender.clone());
    loop {
        let message = match server.next_deadline() {
            None => match connection.receiver.recv() {
                Ok(m) => m,
                Err(_) => return false,
            },
            Some(deadline) => match connection.receiver.recv_deadline(deadline) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    server.check_due();
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return false,
            },
        };
        match message {
            Message::Request(request) => server.on_request(request),
            Message::Notification(n) if n.method == "exit" => return server.shut_down,
            Message::Notification(n) => server.on_notification(n),
            Message::Response(_) => {}
        }
    }
}

/// Why a request failed.
struct Failure {
    code: ErrorCode,
    message: String,
}

impl Failure {
    fn invalid_params(e: impl std::fmt::Display) -> Self {
        Failure {
            code: ErrorCode::InvalidParams,
            message: format!("invalid parameters: {e}"),
        }
    }
}

/// What a `textDocument/codeAction` request is read for.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CodeActionTarget {
    text_document: lsp_types::TextDocumentIdentifier,
    range: lsp_types::Range,
}

/// An open document.
struct OpenDoc {
    uri: Uri,
    text: String,
    version: i32,
    format: SourceFormat,
    path: Option<PathBuf>,
    /// When the first and the last unchecked change came.
    dirty: Option<(Instant, Instant)>,
    /// How long the last check took.
    check_time: Duration,
    analysis: Option<Analysis>,
}

/// A document as last checked.
struct Analysis {
    document: Document,
    index: LineIndex,
    findings: Vec<Finding>,
    figures: Option<Vec<Figure>>,
}

/// A config file as last read.
struct CachedConfig {
    stamp: Option<(SystemTime, u64)>,
    config: Config,
}

struct Server {
    sender: crossbeam_channel::Sender<Message>,
    initialized: bool,
    shut_down: bool,
    unit: ColumnUnit,
    debounce: Duration,
    rules_url: Option<String>,
    max_diagnostics: usize,
    rule_pages: Option<PathBuf>,
    show_document: bool,
    watch_registration: bool,
    roots: Vec<PathBuf>,
    docs: HashMap<String, OpenDoc>,
    configs: HashMap<PathBuf, CachedConfig>,
    /// Config files with an error shown in them.
    broken_configs: BTreeSet<PathBuf>,
    next_id: i32,
}

impl Server {
    fn new(sender: crossbeam_channel::Sender<Message>) -> Self {
        Server {
            sender,
            initialized: false,
            shut_down: false,
            unit: ColumnUnit::Utf16,
            debounce: DEFAULT_DEBOUNCE,
            rules_url: None,
            max_diagnostics: DEFAULT_MAX_DIAGNOSTICS,
            rule_pages: None,
            show_document: false,
            watch_registration: false,
            roots: Vec::new(),
            docs: HashMap::new(),
            configs: HashMap::new(),
            broken_configs: BTreeSet::new(),
            next_id: 0,
        }
    }

    fn send(&self, message: impl Into<Message>) {
        let _ = self.sender.send(message.into());
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_owned(), params));
    }

    fn request_client(&mut self, method: &str, params: impl serde::Serialize) {
        self.next_id += 1;
        let id = RequestId::from(format!("figcheck-{}", self.next_id));
        self.send(Request::new(id, method.to_owned(), params));
    }

    fn log(&self, kind: u8, message: String) {
        self.notify(
            "window/logMessage",
            json!({"type": kind, "message": message}),
        );
    }

    fn on_request(&mut self, request: Request) {
        let id = request.id.clone();
        let result = if !self.initialized && request.method != "initialize" {
            Err(Failure {
                code: ErrorCode::ServerNotInitialized,
                message: "the server has not been initialized".into(),
            })
        } else if self.shut_down {
            Err(Failure {
                code: ErrorCode::InvalidRequest,
                message: "the server is shutting down".into(),
            })
        } else {
            let method = request.method.clone();
            catch_unwind(AssertUnwindSafe(|| self.handle_request(request))).unwrap_or_else(|_| {
                Err(Failure {
                    code: ErrorCode::InternalError,
                    message: format!("figcheck failed on `{method}` (a bug; see its log)"),
                })
            })
        };
        self.send(match result {
            Ok(value) => Response::new_ok(id, value),
            Err(f) => Response::new_err(id, f.code as i32, f.message),
        });
    }

    fn handle_request(&mut self, request: Request) -> Result<Value, Failure> {
        let params = request.params;
        match request.method.as_str() {
            "initialize" if self.initialized => Err(Failure {
                code: ErrorCode::InvalidRequest,
                message: "initialize was already received".into(),
            }),
            "initialize" => Ok(self.initialize(&params)),
            "shutdown" => {
                self.shut_down = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => {
                let params: HoverParams =
                    serde_json::from_value(params).map_err(Failure::invalid_params)?;
                Ok(serde_json::to_value(self.hover(&params)).unwrap_or_default())
            }
            "textDocument/codeAction" => {
                // Decision: only the document and the range are read; the diagnostics of
                // the context are not needed (the findings are at hand), so a client that
                // sends them incomplete still gets its actions.
                let target: CodeActionTarget =
                    serde_json::from_value(params).map_err(Failure::invalid_params)?;
                Ok(serde_json::to_value(self.code_actions(&target)).unwrap_or_default())
            }
            "workspace/executeCommand" => {
                let params: ExecuteCommandParams =
                    serde_json::from_value(params).map_err(Failure::invalid_params)?;
                self.execute(&params)
            }
            method => Err(Failure {
                code: ErrorCode::MethodNotFound,
                message: format!("figcheck does not handle `{method}`"),
            }),
        }
    }

    fn on_notification(&mut self, n: Notification) {
        if !self.initialized {
            return;
        }
        let method = n.method.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| self.handle_notification(n)));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(why)) => self.log(2, format!("figcheck: `{method}`: {why}")),
            Err(_) => self.log(1, format!("figcheck failed on `{method}` (a bug)")),
        }
    }

    fn handle_notification(&mut self, n: Notification) -> Result<(), String> {
        fn parse<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, String> {
            serde_json::from_value(v).map_err(|e| format!("invalid parameters: {e}"))
        }
        match n.method.as_str() {
            "initialized" => self.register_watcher(),
            "textDocument/didOpen" => {
                let p: DidOpenTextDocumentParams = parse(n.params)?;
                self.open(p);
            }
            "textDocument/didChange" => {
                let p: DidChangeTextDocumentParams = parse(n.params)?;
                self.change(p)?;
            }
            "textDocument/didClose" => {
                let p: DidCloseTextDocumentParams = parse(n.params)?;
                if let Some(doc) = self.docs.remove(p.text_document.uri.as_str()) {
                    self.publish_raw(doc.uri, Vec::new(), None);
                }
            }
            "workspace/didChangeWatchedFiles" => {
                self.configs.clear();
                let uris: Vec<String> = self.docs.keys().cloned().collect();
                for uri in uris {
                    self.check(&uri);
                }
            }
            // `$/cancelRequest`, `$/setTrace`, `didSave`, settings: nothing to do.
            _ => {}
        }
        Ok(())
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let caps = &params["capabilities"];
        let offers_utf8 = caps["general"]["positionEncodings"]
            .as_array()
            .is_some_and(|encodings| encodings.iter().any(|e| e == "utf-8"));
        let encoding = if offers_utf8 {
            self.unit = ColumnUnit::Byte;
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        };
        self.show_document = caps["window"]["showDocument"]["support"] == true;
        self.watch_registration =
            caps["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"] == true;
        let folders = params["workspaceFolders"].as_array().into_iter().flatten();
        self.roots = folders
            .filter_map(|f| f["uri"].as_str())
            .chain(params["rootUri"].as_str())
            .filter_map(convert::uri_to_path)
            .chain(params["rootPath"].as_str().map(PathBuf::from))
            .collect();
        let options = &params["initializationOptions"];
        if let Some(ms) = options["debounceMs"].as_u64() {
            self.debounce = Duration::from_millis(ms.min(10_000));
        }
        if let Some(n) = options["maxDiagnostics"].as_u64() {
            self.max_diagnostics = usize::try_from(n).unwrap_or(usize::MAX);
        }
        self.rules_url = options["rulesUrl"].as_str().map(str::to_owned);
        if self.rules_url.is_none() {
            self.rule_pages = write_rule_pages();
        }
        self.initialized = true;
        json!({
            "capabilities": {
                "positionEncoding": encoding,
                "textDocumentSync": {"openClose": true, "change": 2},
                "hoverProvider": true,
                "codeActionProvider": {"codeActionKinds": ["quickfix"]},
                "executeCommandProvider": {"commands": [EXPLAIN_COMMAND]},
            },
            "serverInfo": {"name": "figcheck", "version": env!("CARGO_PKG_VERSION")},
        })
    }

    fn register_watcher(&mut self) {
        if !self.watch_registration {
            return;
        }
        self.request_client(
            "client/registerCapability",
            json!({"registrations": [{
                "id": "figcheck-config",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": {"watchers": [{"globPattern": "**/figcheck.toml"}]},
            }]}),
        );
    }

    fn open(&mut self, p: DidOpenTextDocumentParams) {
        let item = p.text_document;
        let key = item.uri.as_str().to_owned();
        let path = convert::uri_to_path(&key);
        let markdown = matches!(item.language_id.as_str(), "markdown" | "md" | "mdx");
        let format = match &path {
            _ if markdown => SourceFormat::Markdown,
            Some(path) => SourceFormat::from_path(path),
            None => SourceFormat::from_path(Path::new(&key)),
        };
        self.docs.insert(
            key.clone(),
            OpenDoc {
                uri: item.uri,
                text: item.text,
                version: item.version,
                format,
                path,
                dirty: None,
                check_time: Duration::ZERO,
                analysis: None,
            },
        );
        self.check(&key);
    }

    fn change(&mut self, p: DidChangeTextDocumentParams) -> Result<(), String> {
        let unit = self.unit;
        let key = p.text_document.uri.as_str();
        let doc = self
            .docs
            .get_mut(key)
            .ok_or_else(|| format!("{key} is not open"))?;
        for change in p.content_changes {
            match change.range {
                None => doc.text = change.text,
                Some(range) => {
                    let index = LineIndex::new(&doc.text);
                    let span = Positions {
                        text: &doc.text,
                        index: &index,
                        unit,
                    }
                    .span(range);
                    doc.text.replace_range(span.start..span.end, &change.text);
                }
            }
        }
        doc.version = p.text_document.version;
        let now = Instant::now();
        doc.dirty = Some((doc.dirty.map_or(now, |(first, _)| first), now));
        Ok(())
    }

    /// How long a changed document waits for more changes: the debounce interval, or the
    /// last check's duration if that was longer (a large document is not re-checked more
    /// often than it can be). A debounce of zero checks as soon as no change is queued.
    fn quiet_time(&self, doc: &OpenDoc) -> Duration {
        if self.debounce.is_zero() {
            Duration::ZERO
        } else {
            self.debounce.max(doc.check_time)
        }
    }

    /// When the next dirty document is due for its check.
    fn next_deadline(&self) -> Option<Instant> {
        self.docs
            .values()
            .filter_map(|doc| {
                let (first, last) = doc.dirty?;
                Some((last + self.quiet_time(doc)).min(first + MAX_WAIT))
            })
            .min()
    }

    fn check_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, doc)| {
                doc.dirty.is_some_and(|(first, last)| {
                    now >= (last + self.quiet_time(doc)).min(first + MAX_WAIT)
                })
            })
            .map(|(k, _)| k.clone())
            .collect();
        for key in due {
            self.check(&key);
        }
    }

    /// Check a document now and publish its diagnostics.
    fn check(&mut self, key: &str) {
        let Some(doc) = self.docs.get(key) else {
            return;
        };
        let config_start = doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| self.roots.first().cloned());
        let config = self.config_for(config_start.as_deref());
        let Some(doc) = self.docs.get_mut(key) else {
            return;
        };
        let started = Instant::now();
        let name = doc
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(doc.uri.as_str()));
        let document = Document::new(name, doc.text.clone(), doc.format);
        let findings = catch_unwind(AssertUnwindSafe(|| crate::check(&document, &config)));
        doc.dirty = None;
        doc.check_time = started.elapsed();
        let findings = match findings {
            Ok(findings) => findings,
            Err(_) => {
                doc.analysis = None;
                let uri = doc.uri.clone();
                self.log(
                    1,
                    format!("figcheck failed checking {} (a bug)", uri.as_str()),
                );
                return;
            }
        };
        let index = LineIndex::new(&document.text);
        doc.analysis = Some(Analysis {
            document,
            index,
            findings,
            figures: None,
        });
        self.publish(key);
    }

    /// Check `key` first if it changed since its last check.
    fn fresh(&mut self, key: &str) -> Option<&mut OpenDoc> {
        if self
            .docs
            .get(key)
            .is_some_and(|d| d.dirty.is_some() || d.analysis.is_none())
        {
            self.check(key);
        }
        self.docs.get_mut(key)
    }

    fn rule_link(&self, rule: &str) -> Option<Uri> {
        match (&self.rules_url, &self.rule_pages) {
            (Some(base), _) => Uri::from_str(&format!("{base}{rule}")).ok(),
            (None, Some(dir)) => convert::path_to_uri(&dir.join(format!("{rule}.md"))),
            (None, None) => None,
        }
    }

    fn publish(&self, key: &str) {
        let Some(doc) = self.docs.get(key) else {
            return;
        };
        let Some(analysis) = &doc.analysis else {
            return;
        };
        let at = Positions {
            text: &analysis.document.text,
            index: &analysis.index,
            unit: self.unit,
        };
        let shown = analysis.findings.len().min(self.max_diagnostics);
        let mut diagnostics: Vec<Diagnostic> = analysis.findings[..shown]
            .iter()
            .map(|f| convert::diagnostic(f, &doc.uri, &at, self.rule_link(f.rule)))
            .collect();
        if let Some(first_hidden) = analysis.findings.get(shown) {
            let hidden = analysis.findings.len() - shown;
            diagnostics.push(Diagnostic {
                range: at.range(Span::new(
                    first_hidden.primary.span.start,
                    first_hidden.primary.span.start,
                )),
                severity: Some(lsp_types::DiagnosticSeverity::INFORMATION),
                source: Some("figcheck".into()),
                message: format!(
                    "{hidden} more findings from here on are not shown (the limit is \
                     {shown} a document); `figcheck check` lists them all"
                ),
                ..Diagnostic::default()
            });
        }
        self.publish_raw(doc.uri.clone(), diagnostics, Some(doc.version));
    }

    fn publish_raw(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        self.notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        );
    }

    /// The settings for a document in folder `start`: the nearest `figcheck.toml`,
    /// re-read when its modification time or size changed.
    fn config_for(&mut self, start: Option<&Path>) -> Config {
        let Some(file) = start.and_then(Config::discover) else {
            return Config::default();
        };
        let stamp = std::fs::metadata(&file)
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        if let Some(cached) = self.configs.get(&file)
            && cached.stamp == stamp
        {
            return cached.config.clone();
        }
        let config = match Config::load(&file) {
            Ok(config) => {
                if self.broken_configs.remove(&file) {
                    self.show_config_error(&file, None);
                }
                config
            }
            Err(error) => {
                self.broken_configs.insert(file.clone());
                self.show_config_error(&file, Some(&error));
                // The last good settings stay in use.
                self.configs
                    .get(&file)
                    .map(|c| c.config.clone())
                    .unwrap_or_default()
            }
        };
        self.configs.insert(
            file,
            CachedConfig {
                stamp,
                config: config.clone(),
            },
        );
        config
    }

    /// Show a config error as a diagnostic in the config file (or clear it), and as a
    /// message.
    fn show_config_error(&self, file: &Path, error: Option<&crate::config::ConfigError>) {
        let Some(uri) = convert::path_to_uri(file) else {
            return;
        };
        let Some(error) = error else {
            self.publish_raw(uri, Vec::new(), None);
            return;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let index = LineIndex::new(&text);
        let at = Positions {
            text: &text,
            index: &index,
            unit: self.unit,
        };
        let span = miette::Diagnostic::labels(error)
            .and_then(|mut labels| labels.next())
            .map_or(Span::default(), |l| {
                Span::new(
                    l.offset().min(text.len()),
                    (l.offset() + l.len()).min(text.len()),
                )
            });
        let diagnostic = Diagnostic {
            range: at.range(span),
            severity: Some(lsp_types::DiagnosticSeverity::ERROR),
            code: Some(lsp_types::NumberOrString::String("config".into())),
            source: Some("figcheck".into()),
            message: error.message.clone(),
            ..Diagnostic::default()
        };
        self.publish_raw(uri, vec![diagnostic], None);
        self.notify(
            "window/showMessage",
            json!({"type": 1, "message": format!("figcheck: {error}; the last good settings stay in use")}),
        );
    }

    fn hover(&mut self, p: &HoverParams) -> Option<Hover> {
        let unit = self.unit;
        let key = p.text_document_position_params.text_document.uri.as_str();
        let doc = self.fresh(key)?;
        let analysis = doc.analysis.as_mut()?;
        let at = Positions {
            text: &analysis.document.text,
            index: &analysis.index,
            unit,
        };
        let offset = at.offset(p.text_document_position_params.position);
        let figures = analysis
            .figures
            .get_or_insert_with(|| crate::figures(&analysis.document));
        let touches = |span: Span| span.start <= offset && offset <= span.end;
        let figure = figures
            .iter()
            .find(|f| f.span.start <= offset && offset < f.span.end)
            .or_else(|| figures.iter().find(|f| touches(f.span)));
        let findings: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| match figure {
                Some(figure) => f.primary.span.overlaps(figure.span),
                None => touches(f.primary.span),
            })
            .collect();
        if figure.is_none() && findings.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        if let Some(figure) = figure {
            parts.push(convert::figure_markdown(
                &analysis.document,
                &analysis.index,
                figure,
            ));
        }
        for finding in &findings {
            parts.push(convert::finding_markdown(
                finding,
                crate::rules::find(finding.rule),
            ));
        }
        let span = figure.map_or_else(|| findings[0].primary.span, |f| f.span);
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range: Some(at.range(span)),
        })
    }

    fn code_actions(&mut self, p: &CodeActionTarget) -> Vec<CodeActionOrCommand> {
        let unit = self.unit;
        let uri = p.text_document.uri.clone();
        let Some(doc) = self.fresh(uri.as_str()) else {
            return Vec::new();
        };
        let format = doc.format;
        let Some(analysis) = &doc.analysis else {
            return Vec::new();
        };
        let at = Positions {
            text: &analysis.document.text,
            index: &analysis.index,
            unit,
        };
        let wanted = at.span(p.range);
        let mut actions = Vec::new();
        let mut offered = BTreeSet::new();
        for finding in &analysis.findings {
            let span = finding.primary.span;
            if !(span.start <= wanted.end && wanted.start <= span.end) {
                continue;
            }
            let diagnostic = convert::diagnostic(finding, &uri, &at, None);
            let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), edits)])),
                ..WorkspaceEdit::default()
            };
            if let Some(fix) = &finding.fix {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Fix: {}", fix.description),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(edit(vec![TextEdit::new(
                        at.range(fix.span),
                        fix.replacement.clone(),
                    )])),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                }));
            }
            if finding.rule == "unused-suppression" {
                continue;
            }
            let line = at.position(span.start).line;
            if offered.insert((line, finding.rule)) {
                let (range, text) =
                    disable_edit(&analysis.document.text, format, span.start, finding.rule);
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Disable {} for this line", finding.rule),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(edit(vec![TextEdit::new(at.range(range), text)])),
                    ..CodeAction::default()
                }));
            }
            if offered.insert((u32::MAX, finding.rule)) {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Explain {}", finding.rule),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic]),
                    command: Some(Command::new(
                        format!("Explain {}", finding.rule),
                        EXPLAIN_COMMAND.into(),
                        Some(vec![json!(finding.rule)]),
                    )),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }

    fn execute(&mut self, p: &ExecuteCommandParams) -> Result<Value, Failure> {
        if p.command != EXPLAIN_COMMAND {
            return Err(Failure::invalid_params(format!(
                "unknown command `{}`",
                p.command
            )));
        }
        let id = p.arguments.first().and_then(Value::as_str).unwrap_or("");
        let rule = crate::rules::find(id)
            .ok_or_else(|| Failure::invalid_params(format!("unknown rule `{id}`")))?;
        match self.rule_link(&rule.id) {
            Some(uri) if self.show_document => {
                let external = self.rules_url.is_some();
                self.request_client(
                    "window/showDocument",
                    json!({"uri": uri, "external": external, "takeFocus": true}),
                );
            }
            link => self.notify(
                "window/showMessage",
                json!({"type": 3, "message": format!(
                    "{}: {}{}",
                    rule.id,
                    rule.summary,
                    link.map(|l| format!(" ({})", l.as_str())).unwrap_or_default()
                )}),
            ),
        }
        Ok(Value::Null)
    }
}

/// The edit that disables `rule` on the line holding byte `at`: a `disable-next-line`
/// directive on the line before it. An existing directive there gets the rule added; in
/// Markdown, a line before it in the same block gets the comment at its end (so that
/// the block is not split); otherwise a line of its own is inserted, indented like the
/// flagged line.
fn disable_edit(text: &str, format: SourceFormat, at: usize, rule: &str) -> (Span, String) {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let previous = (line_start > 0).then(|| {
        let end = line_start - 1;
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let content = &text[start..end];
        (start, content.strip_suffix('\r').unwrap_or(content))
    });
    const DIRECTIVE: &str = "figcheck-disable-next-line";
    if let Some((start, content)) = previous
        && let Some(found) = content.find(DIRECTIVE)
    {
        let body = &content[found + DIRECTIVE.len()..];
        let body_end = body.find("-->").unwrap_or(body.len());
        let insert = start + found + DIRECTIVE.len() + body[..body_end].trim_end().len();
        return (Span::new(insert, insert), format!(" {rule}"));
    }
    let comment = match format {
        SourceFormat::Markdown => format!("<!-- {DIRECTIVE} {rule} -->"),
        SourceFormat::PlainText => format!("{DIRECTIVE} {rule}"),
    };
    if format == SourceFormat::Markdown
        && let Some((start, content)) = previous
        && !content.trim().is_empty()
    {
        let end = start + content.len();
        return (Span::new(end, end), format!(" {comment}"));
    }
    let line = &text[line_start..];
    let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    (
        Span::new(line_start, line_start),
        format!("{indent}{comment}{newline}"),
    )
}

/// Write every rule's documentation page to a folder of the temporary directory, for the
/// diagnostics' rule links and `figcheck.explain`; `None` if it cannot be written.
fn write_rule_pages() -> Option<PathBuf> {
    let dir = std::env::temp_dir().join(format!("figcheck-{}-rules", env!("CARGO_PKG_VERSION")));
    std::fs::create_dir_all(&dir).ok()?;
    for rule in crate::rules::all() {
        let page = convert::rule_page(rule);
        let path = dir.join(format!("{}.md", rule.id));
        if std::fs::read_to_string(&path).is_ok_and(|old| old == page) {
            continue;
        }
        // Written aside and renamed, so that another server never reads half a page.
        let part = dir.join(format!("{}.md.{}", rule.id, std::process::id()));
        std::fs::write(&part, page).ok()?;
        std::fs::rename(&part, &path).ok()?;
    }
    Some(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, (span, insert): (Span, String)) -> String {
        let mut out = text.to_owned();
        out.replace_range(span.start..span.end, &insert);
        out
    }

    #[test]
    fn disable_edits() {
        let md = "# T\n\nFirst line\n88 seats here.\n";
        let at = md.find("88").unwrap();
        assert_eq!(
            apply(md, disable_edit(md, SourceFormat::Markdown, at, "r")),
            "# T\n\nFirst line <!-- figcheck-disable-next-line r -->\n88 seats here.\n"
        );
        let md = "# T\n\n  88 seats here.\n";
        let at = md.find("88").unwrap();
        assert_eq!(
            apply(md, disable_edit(md, SourceFormat::Markdown, at, "r")),
            "# T\n\n  <!-- figcheck-disable-next-line r -->\n  88 seats here.\n"
        );
        let md = "<!-- figcheck-disable-next-line a -->\r\n88 seats.\r\n";
        let at = md.find("88").unwrap();
        assert_eq!(
            apply(md, disable_edit(md, SourceFormat::Markdown, at, "r")),
            "<!-- figcheck-disable-next-line a r -->\r\n88 seats.\r\n"
        );
        let txt = "Intro\n88 seats.\n";
        let at = txt.find("88").unwrap();
        assert_eq!(
            apply(txt, disable_edit(txt, SourceFormat::PlainText, at, "r")),
            "Intro\nfigcheck-disable-next-line r\n88 seats.\n"
        );
        assert_eq!(
            apply("88", disable_edit("88", SourceFormat::PlainText, 0, "r")),
            "figcheck-disable-next-line r\n88"
        );
    }
}
