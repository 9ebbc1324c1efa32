//! Configuration: `figcheck.toml`, found by walking up from the checked path or given
//! with `--config`. Unknown keys, unknown rules and wrong types are errors that point into
//! the file.
//!
//! ```toml
//! fail_on = "warning"            # info | warning | error
//! exclude = ["archive/**"]       # globs, relative to the config file's folder
//! include = ["**/*.md"]          # when given, only matching files are checked
//!
//! [rules.majority-below-half]
//! severity = "error"
//!
//! [rules.share-mismatch]
//! enabled = false
//! ```

use crate::finding::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The config file's name.
pub const FILE_NAME: &str = "figcheck.toml";

/// One rule's settings.
#[derive(Debug, Clone, Default)]
pub struct RuleConfig {
    /// `false` turns the rule off.
    pub enabled: Option<bool>,
    /// Overrides the rule's default severity.
    pub severity: Option<Severity>,
    /// Overrides the rule's parameters.
    pub params: toml::Table,
}

/// The settings of a run.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Settings by rule id.
    pub rules: BTreeMap<String, RuleConfig>,
    /// The lowest severity that fails the run.
    pub fail_on: Option<Severity>,
    /// Globs of files to check (all when empty).
    pub include: Vec<String>,
    /// Globs of files to skip.
    pub exclude: Vec<String>,
    /// The file the settings came from.
    pub path: Option<PathBuf>,
}

impl Config {
    /// The settings of rule `id`, if any were given.
    pub fn rule(&self, id: &str) -> Option<&RuleConfig> {
        self.rules.get(id)
    }

    /// Parse a config file's text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let error = |message: String, span: Option<std::ops::Range<usize>>| ConfigError {
            path: path.to_owned(),
            source_text: text.to_owned(),
            message,
            line_col: span.as_ref().map(|r| line_col(text, r.start)),
            span: span.map(|r| (r.start, r.end - r.start)),
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let message = e.message().to_owned();
            // Decision: the TOML parser's type errors name neither the key nor, for the
            // severities, the values allowed; the key is read back from the line.
            let message = match e.span().and_then(|r| key_at(text, r.start)) {
                Some(key) if message.contains(&format!("`{}`", last_part(&key))) => message,
                Some(key) => {
                    let is_severity = key == "fail_on" || key.ends_with(".severity");
                    if is_severity && message == "wanted string or table" {
                        format!("`{key}` must be \"info\", \"warning\" or \"error\"")
                    } else {
                        format!("`{key}`: {message}")
                    }
                }
                None => message,
            };
            error(message, e.span())
        })?;
        let mut rules = BTreeMap::new();
        for (id, raw_rule) in raw.rules {
            let Some(doc) = crate::rules::find(id.get_ref()) else {
                let known: Vec<&str> = crate::rules::all().iter().map(|r| r.id.as_str()).collect();
                return Err(error(
                    format!(
                        "unknown rule `{}`; the rules are: {}",
                        id.get_ref(),
                        known.join(", ")
                    ),
                    Some(id.span()),
                ));
            };
            let raw_rule = raw_rule.into_inner();
            let mut params = toml::Table::new();
            for (name, value) in raw_rule.params {
                match doc.parameters.get(&name) {
                    None => {
                        let known: Vec<&String> = doc.parameters.keys().collect();
                        return Err(error(
                            format!(
                                "rule `{}` has no parameter `{name}`; keys are enabled, severity{}",
                                doc.id,
                                known.iter().map(|k| format!(", {k}")).collect::<String>()
                            ),
                            Some(id.span()),
                        ));
                    }
                    Some(default)
                        if default.type_str() != value.type_str()
                            && !(default.is_float() && value.is_integer()) =>
                    {
                        return Err(error(
                            format!(
                                "`{name}` of rule `{}` must be a {}, not a {}",
                                doc.id,
                                default.type_str(),
                                value.type_str()
                            ),
                            Some(id.span()),
                        ));
                    }
                    Some(_) => {
                        if let Err(message) = check_param_value(&name, &value) {
                            return Err(error(
                                format!("`{name}` of rule `{}` {message}", doc.id),
                                Some(id.span()),
                            ));
                        }
                        params.insert(name, value);
                    }
                }
            }
            rules.insert(
                id.into_inner(),
                RuleConfig {
                    enabled: raw_rule.enabled,
                    severity: raw_rule.severity,
                    params,
                },
            );
        }
        Ok(Config {
            rules,
            fail_on: raw.fail_on,
            include: raw.include,
            exclude: raw.exclude,
            path: Some(path.to_owned()),
        })
    }

    /// Read and parse the config file at `path`.
    ///
    /// A FIFO, socket or device is refused before it is opened (opening a FIFO blocks).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let io_error = |message: String| ConfigError {
            path: path.to_owned(),
            source_text: String::new(),
            message,
            line_col: None,
            span: None,
        };
        if let Some(kind) = std::fs::metadata(path)
            .ok()
            .and_then(|m| crate::load::special_kind(&m))
        {
            return Err(io_error(format!("not a regular file ({kind})")));
        }
        let text = std::fs::read_to_string(path).map_err(|e| io_error(e.to_string()))?;
        Config::parse(path, &text)
    }

    /// The nearest `figcheck.toml` in `start` or one of its parent folders.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = if start.is_file() {
            start.parent()?
        } else {
            start
        };
        let absolute = std::path::absolute(start).ok()?;
        absolute
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file())
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    fail_on: Option<Severity>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, toml::Spanned<RawRule>>,
}

#[derive(Debug, Deserialize)]
struct RawRule {
    enabled: Option<bool>,
    severity: Option<Severity>,
    #[serde(flatten)]
    params: toml::Table,
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..crate::span::floor_char_boundary(text, offset.min(text.len()))];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The dotted key whose value or name is at byte `offset` (`rules.share-mismatch.enabled`),
/// read from the `key = value` line it is on and the table header above it; `None` when
/// the offset is not on such a line (a header, or a value continued over lines).
fn key_at(text: &str, offset: usize) -> Option<String> {
    let offset = crate::span::floor_char_boundary(text, offset.min(text.len()));
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[line_start..line_end];
    if line.trim_start().starts_with('[') {
        return None;
    }
    // The key before the last `=` ahead of the offset (the value's key), else before the
    // line's first `=` (the offset is on the key); in an inline table, the inner key.
    let before = &line[..offset - line_start];
    let eq = before.rfind('=').or_else(|| line.find('='))?;
    let key_start = line[..eq].rfind(['{', ',']).map_or(0, |i| i + 1);
    let key = line[key_start..eq].trim();
    let bare = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '"' | ' ');
    if key.is_empty() || !key.chars().all(bare) {
        return None;
    }
    let table = text[..line_start].lines().rev().find_map(|l| {
        let l = l.trim();
        let name = l.strip_prefix('[')?.split(']').next()?;
        Some(name.trim_start_matches('[').trim().to_owned())
    });
    Some(match table {
        Some(table) if !table.is_empty() => format!("{table}.{key}"),
        _ => key.to_owned(),
    })
}

/// The last part of a dotted key.
fn last_part(key: &str) -> &str {
    key.rsplit('.').next().unwrap_or(key)
}

/// A config file that cannot be used, with the span of the offending TOML. It displays as
/// `path:line:column: message` (without line and column when there is no span).
#[derive(Debug)]
pub struct ConfigError {
    /// The config file.
    pub path: PathBuf,
    source_text: String,
    /// What is wrong.
    pub message: String,
    line_col: Option<(usize, usize)>,
    span: Option<(usize, usize)>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line_col {
            Some((line, column)) => write!(
                f,
                "{}:{line}:{column}: {}",
                self.path.display(),
                self.message
            ),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl miette::Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("config"))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.span
            .map(|_| &self.source_text as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let (start, len) = self.span?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(Some(self.message.clone()), (start, len)),
        )))
    }
}

/// Values a parameter's type alone does not constrain: a `*_severity` names a
/// severity, and `exempt_kinds` names figure kinds.
fn check_param_value(name: &str, value: &toml::Value) -> Result<(), String> {
    if name.ends_with("_severity") {
        let ok = value.as_str().and_then(Severity::parse).is_some();
        return if ok {
            Ok(())
        } else {
            Err("must be \"info\", \"warning\" or \"error\"".to_owned())
        };
    }
    if name == "exempt_kinds" {
        let kinds: Vec<&str> = crate::figure::Kind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        for item in value.as_array().into_iter().flatten() {
            match item.as_str() {
                Some(kind) if kinds.contains(&kind) => {}
                _ => {
                    return Err(format!(
                        "lists {item}, which is not a figure kind; the kinds are: {}",
                        kinds.join(", ")
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("figcheck.toml"), text)
    }

    #[test]
    fn rule_settings() {
        let config = parse("fail_on = \"error\"\n[rules.share-mismatch]\nenabled = false\n[rules.majority-below-half]\nseverity = \"info\"\n").unwrap();
        assert_eq!(config.fail_on, Some(Severity::Error));
        assert_eq!(config.rule("share-mismatch").unwrap().enabled, Some(false));
        assert_eq!(
            config.rule("majority-below-half").unwrap().severity,
            Some(Severity::Info)
        );
    }

    #[test]
    fn unknown_keys_point_into_the_file() {
        let err = parse("fail_onn = \"error\"\n").unwrap_err();
        assert!(
            err.message.contains("unknown field `fail_onn`"),
            "{}",
            err.message
        );
        assert_eq!(err.span, Some((0, 8)));
        let text = "[rules.no-such-rule]\nenabled = true\n";
        let err = parse(text).unwrap_err();
        assert!(
            err.message.starts_with("unknown rule `no-such-rule`"),
            "{}",
            err.message
        );
        let (start, len) = err.span.unwrap();
        assert_eq!(&text[start..start + len], "no-such-rule");
    }

    #[test]
    fn errors_name_line_column_and_key() {
        let err = parse("fail_on = \"warning\"\n[rules.share-mismatch]\nenabled = \"yes\"\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "figcheck.toml:3:11: `rules.share-mismatch.enabled`: invalid type: string \"yes\", expected a boolean"
        );
        let err = parse("# settings\nfail_on = 3\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "figcheck.toml:2:11: `fail_on` must be \"info\", \"warning\" or \"error\""
        );
        let err = parse("[rules.range-inverted]\nseverity = 1\n").unwrap_err();
        assert!(
            err.message
                .starts_with("`rules.range-inverted.severity` must be"),
            "{}",
            err.message
        );
        let err = parse("include = \"x\"\n").unwrap_err();
        assert!(err.message.starts_with("`include`: "), "{}", err.message);
        // Messages that already name the key are kept as they are.
        let err = parse("fail_on = \"info\"\nexclud = []\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("figcheck.toml:2:1: unknown field `exclud`"),
            "{err}"
        );
        let err = parse("[rules\n").unwrap_err();
        assert!(err.to_string().starts_with("figcheck.toml:1:7: "), "{err}");
        // Columns count characters.
        let err = parse("include = [\"é\", 5]\n").unwrap_err();
        assert!(err.to_string().starts_with("figcheck.toml:1:"), "{err}");
    }

    #[test]
    fn wrong_types_and_syntax_are_errors() {
        let err = parse("fail_on = 3\n").unwrap_err();
        assert!(err.span.is_some(), "{}", err.message);
        let err = parse("[rules.share-mismatch]\nenabled = \"yes\"\n").unwrap_err();
        assert!(err.span.is_some(), "{}", err.message);
        let err = parse("[rules\n").unwrap_err();
        assert!(err.span.is_some());
        let err = parse("[rules.share-mismatch]\nthreshold = 3\n").unwrap_err();
        assert!(
            err.message.contains("has no parameter `threshold`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn sourcing_parameters_are_checked() {
        let ok = parse(
            "[rules.unsourced-figure]\ncount_threshold = 1000\ncount_severity = \"warning\"\n\
             exempt_kinds = [\"date\", \"year\"]\nheadings = true\n",
        )
        .unwrap();
        let params = &ok.rule("unsourced-figure").unwrap().params;
        assert_eq!(params["count_threshold"].as_integer(), Some(1000));
        let err = parse("[rules.unsourced-figure]\ncount_severity = \"loud\"\n").unwrap_err();
        assert!(err.message.contains("must be \"info\""), "{}", err.message);
        let err = parse("[rules.unsourced-figure]\nexempt_kinds = [\"dates\"]\n").unwrap_err();
        assert!(err.message.contains("not a figure kind"), "{}", err.message);
        assert!(err.span.is_some());
    }
}
