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
            span: span.map(|r| (r.start, r.end - r.start)),
        };
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| error(e.message().to_owned(), e.span()))?;
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
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            source_text: String::new(),
            message: e.to_string(),
            span: None,
        })?;
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

/// A config file that cannot be used, with the span of the offending TOML.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct ConfigError {
    /// The config file.
    pub path: PathBuf,
    source_text: String,
    /// What is wrong.
    pub message: String,
    span: Option<(usize, usize)>,
}

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
}
