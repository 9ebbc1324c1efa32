//! Baselines: a committed file of accepted findings (`--baseline`, `--write-baseline`).
//!
//! A baseline is JSON:
//!
//! ```json
//! {
//!   "figcheck_baseline": 1,
//!   "findings": [
//!     {
//!       "path": "drafts/budget.md",
//!       "rule": "share-mismatch",
//!       "fingerprint": "5f0c2d1e9a8b7c6d",
//!       "count": 1,
//!       "message": "12 of 40 is 30%, not 40%"
//!     }
//!   ]
//! }
//! ```
//!
//! `path` is relative to the baseline file's folder (forward slashes); `fingerprint` is
//! the finding's stable fingerprint (rule, figures and their sentence, never a line
//! number: see [`super::fingerprint`]); `count` is how many findings with that
//! fingerprint are accepted in that file; `message` is for people and ignored when
//! matching. Entries are sorted, so a rewritten baseline diffs well.

use super::fingerprint::{from_hex, to_hex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

/// The format version written in `figcheck_baseline`.
pub const VERSION: u32 = 1;

/// One accepted finding (or several identical ones) in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, relative to the baseline's folder.
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// 16 hex digits.
    pub fingerprint: String,
    /// How many such findings are accepted.
    #[serde(default = "one")]
    pub count: usize,
    /// The finding's message when it was accepted (not used for matching).
    #[serde(default)]
    pub message: String,
}

fn one() -> usize {
    1
}

/// The baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineFile {
    /// The format version.
    pub figcheck_baseline: u32,
    /// The accepted findings.
    pub findings: Vec<Entry>,
}

/// A baseline that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The baseline file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not a baseline.
    #[error("{path}: not a figcheck baseline: {message}")]
    Invalid {
        /// The baseline file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// `path` made absolute and lexically normalized (no `.` or `..` components).
fn normalize(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The key of a document path in a baseline whose folder is `root`: the path relative to
/// `root` with forward slashes, or the normalized absolute path when it is outside.
pub fn path_key(root: &Path, path: &Path) -> String {
    let absolute = normalize(path);
    match absolute.strip_prefix(root) {
        Ok(relative) => relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => absolute.to_string_lossy().into_owned(),
    }
}

/// The folder a baseline file's paths are relative to.
pub fn root_of(baseline: &Path) -> PathBuf {
    normalize(baseline)
        .parent()
        .map(Path::to_owned)
        .unwrap_or_default()
}

/// A loaded baseline, consumed as findings are matched against it.
#[derive(Debug, Clone)]
pub struct Baseline {
    root: PathBuf,
    remaining: HashMap<(String, String, u64), usize>,
    matched: usize,
    checked: std::collections::HashSet<String>,
}

impl Baseline {
    /// Read the baseline at `path`.
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(path, &text)
    }

    /// Parse a baseline's text; `path` places it (and names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Self, BaselineError> {
        let invalid = |message: String| BaselineError::Invalid {
            path: path.to_owned(),
            message,
        };
        let file: BaselineFile = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
        if file.figcheck_baseline != VERSION {
            return Err(invalid(format!(
                "version {} is not supported (this figcheck reads version {VERSION})",
                file.figcheck_baseline
            )));
        }
        let mut remaining = HashMap::new();
        for entry in file.findings {
            let fingerprint = from_hex(&entry.fingerprint).ok_or_else(|| {
                invalid(format!(
                    "fingerprint `{}` is not 16 hex digits",
                    entry.fingerprint
                ))
            })?;
            *remaining
                .entry((entry.path, entry.rule, fingerprint))
                .or_insert(0) += entry.count;
        }
        Ok(Baseline {
            root: root_of(path),
            remaining,
            matched: 0,
            checked: Default::default(),
        })
    }

    /// The key of a document path in this baseline.
    pub fn key(&self, path: &Path) -> String {
        path_key(&self.root, path)
    }

    /// Note that the file `path_key` was checked, for [`Baseline::stale`].
    pub fn mark_checked(&mut self, path_key: &str) {
        self.checked.insert(path_key.to_owned());
    }

    /// How many accepted findings of the checked files were not found again: entries
    /// that a rewritten baseline would drop.
    pub fn stale(&self) -> usize {
        self.remaining
            .iter()
            .filter(|((path, _, _), _)| self.checked.contains(path))
            .map(|(_, n)| n)
            .sum()
    }

    /// True when the baseline accepts one more finding of `rule` with `fingerprint` in the
    /// file `path_key` (the acceptance is used up).
    pub fn take(&mut self, path_key: &str, rule: &str, fingerprint: u64) -> bool {
        match self
            .remaining
            .get_mut(&(path_key.to_owned(), rule.to_owned(), fingerprint))
        {
            Some(n) if *n > 0 => {
                *n -= 1;
                self.matched += 1;
                true
            }
            _ => false,
        }
    }

    /// How many findings the baseline has accepted so far.
    pub fn matched(&self) -> usize {
        self.matched
    }
}

/// Collects a run's findings into a baseline file.
#[derive(Debug, Clone)]
pub struct BaselineWriter {
    root: PathBuf,
    entries: BTreeMap<(String, String, u64), (usize, String)>,
}

impl BaselineWriter {
    /// A writer for a baseline to be written at `path`.
    pub fn new(path: &Path) -> Self {
        BaselineWriter {
            root: root_of(path),
            entries: BTreeMap::new(),
        }
    }

    /// Accept a finding of `rule` with `fingerprint` in the document at `path`.
    pub fn add(&mut self, path: &Path, rule: &str, fingerprint: u64, message: &str) {
        let key = (path_key(&self.root, path), rule.to_owned(), fingerprint);
        let entry = self
            .entries
            .entry(key)
            .or_insert_with(|| (0, message.to_owned()));
        entry.0 += 1;
    }

    /// How many findings were accepted.
    pub fn len(&self) -> usize {
        self.entries.values().map(|(n, _)| n).sum()
    }

    /// True when no finding was accepted.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The baseline file's contents.
    pub fn to_file(&self) -> BaselineFile {
        BaselineFile {
            figcheck_baseline: VERSION,
            findings: self
                .entries
                .iter()
                .map(|((path, rule, fp), (count, message))| Entry {
                    path: path.clone(),
                    rule: rule.clone(),
                    fingerprint: to_hex(*fp),
                    count: *count,
                    message: message.clone(),
                })
                .collect(),
        }
    }

    /// The baseline as pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut text =
            serde_json::to_string_pretty(&self.to_file()).expect("a baseline serializes to JSON");
        text.push('\n');
        text
    }

    /// Write the baseline to `path`.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        std::fs::write(path, self.to_json()).map_err(|source| BaselineError::Io {
            path: path.to_owned(),
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_then_read_counts_duplicates() {
        let dir = std::env::temp_dir().join(format!("figcheck-baseline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("figcheck-baseline.json");
        let mut writer = BaselineWriter::new(&file);
        let doc = dir.join("drafts/./a.md");
        writer.add(&doc, "share-mismatch", 7, "first");
        writer.add(&doc, "share-mismatch", 7, "second");
        writer.add(&dir.join("b.md"), "range-inverted", 9, "other");
        assert_eq!(writer.len(), 3);
        writer.write(&file).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("\"path\": \"drafts/a.md\""), "{text}");
        assert!(text.contains("\"count\": 2"), "{text}");
        let mut baseline = Baseline::load(&file).unwrap();
        let key = baseline.key(&dir.join("drafts/a.md"));
        assert_eq!(key, "drafts/a.md");
        assert!(baseline.take(&key, "share-mismatch", 7));
        assert!(baseline.take(&key, "share-mismatch", 7));
        assert!(
            !baseline.take(&key, "share-mismatch", 7),
            "only two accepted"
        );
        assert!(!baseline.take(&key, "range-inverted", 7));
        assert_eq!(baseline.matched(), 2);
        assert_eq!(baseline.stale(), 0, "b.md was not checked");
        baseline.mark_checked("b.md");
        assert_eq!(baseline.stale(), 1, "b.md's finding was not found again");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn invalid_baselines_are_errors() {
        let path = Path::new("b.json");
        assert!(Baseline::parse(path, "[]").is_err());
        assert!(
            Baseline::parse(path, r#"{"figcheck_baseline": 2, "findings": []}"#)
                .unwrap_err()
                .to_string()
                .contains("version 2")
        );
        let bad_fp = r#"{"figcheck_baseline": 1, "findings": [{"path": "a", "rule": "r", "fingerprint": "xyz"}]}"#;
        assert!(Baseline::parse(path, bad_fp).is_err());
    }
}
