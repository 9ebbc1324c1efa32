//! `--diff-base REV`: the lines changed since a git revision, so that a pull request is
//! told only about findings on the lines it touched.
//!
//! git is asked once per run: `git diff --unified=0 REV` (the working tree against REV)
//! gives the added and changed lines of every tracked file, and
//! `git ls-files --others --exclude-standard` the untracked files, which count as changed
//! throughout. Lines that were only deleted leave nothing to report on and mark nothing.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the changed lines could not be found.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    /// git could not be run.
    #[error("--diff-base needs git, which could not be run: {0}")]
    NoGit(std::io::Error),
    /// A git command failed.
    #[error("--diff-base: `git {command}` failed: {stderr}")]
    Git {
        /// The git arguments.
        command: String,
        /// What git said.
        stderr: String,
    },
    /// A checked file is outside the repository.
    #[error("--diff-base: {path} is not in the git repository at {root}")]
    Outside {
        /// The file.
        path: PathBuf,
        /// The repository's top folder.
        root: PathBuf,
    },
}

/// What changed in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    /// A new, untracked file: every line.
    Whole,
    /// These 1-based line ranges, in order.
    Lines(Vec<RangeInclusive<usize>>),
}

/// The lines changed since a revision, by file.
#[derive(Debug, Clone)]
pub struct ChangedLines {
    root: PathBuf,
    files: HashMap<PathBuf, FileChange>,
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, DiffError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(DiffError::NoGit)?;
    if !out.status.success() {
        return Err(DiffError::Git {
            command: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        });
    }
    Ok(out.stdout)
}

/// A path as git quotes it in a diff header (`"a/na\303\257ve.md"`), unquoted.
fn unquote(path: &str) -> Vec<u8> {
    let Some(inner) = path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) else {
        return path.as_bytes().to_vec();
    };
    let bytes = inner.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' || i + 1 == bytes.len() {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let c = bytes[i + 1];
        i += 2;
        match c {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = u32::from(c - b'0');
                let mut digits = 1;
                while digits < 3 && i < bytes.len() && (b'0'..=b'7').contains(&bytes[i]) {
                    value = value * 8 + u32::from(bytes[i] - b'0');
                    i += 1;
                    digits += 1;
                }
                out.push(value as u8);
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// The changed line ranges of every file in `git diff --unified=0` output, by the new
/// path relative to the repository's top folder.
pub fn parse_diff(diff: &[u8]) -> HashMap<PathBuf, Vec<RangeInclusive<usize>>> {
    let mut files: HashMap<PathBuf, Vec<RangeInclusive<usize>>> = HashMap::new();
    let mut current: Option<PathBuf> = None;
    for line in diff.split(|&b| b == b'\n') {
        if let Some(rest) = line.strip_prefix(b"+++ ") {
            let name = String::from_utf8_lossy(rest);
            let name = name.trim_end_matches('\r');
            current = if name == "/dev/null" {
                None
            } else {
                let bytes = unquote(name);
                let bytes = bytes.strip_prefix(b"b/").unwrap_or(&bytes).to_vec();
                let path = path_from_bytes(bytes);
                files.entry(path.clone()).or_default();
                Some(path)
            };
        } else if let Some(rest) = line.strip_prefix(b"@@ ") {
            let Some(path) = &current else { continue };
            let header = String::from_utf8_lossy(rest);
            // "-a,b +c,d @@ ...": the new side is the field starting with '+'.
            let Some(new) = header.split(' ').find(|f| f.starts_with('+')) else {
                continue;
            };
            let mut parts = new[1..].splitn(2, ',');
            let start: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let count: usize = parts
                .next()
                .map_or(Some(1), |s| s.parse().ok())
                .unwrap_or(0);
            if count > 0 && start > 0 {
                files
                    .entry(path.clone())
                    .or_default()
                    .push(start..=start + count - 1);
            }
        }
    }
    files
}

impl ChangedLines {
    /// The lines changed since `rev` in the repository that holds `dir`.
    pub fn from_git(rev: &str, dir: &Path) -> Result<Self, DiffError> {
        let top = git(dir, &["rev-parse", "--show-toplevel"])?;
        let root = PathBuf::from(String::from_utf8_lossy(&top).trim());
        let root = root.canonicalize().unwrap_or(root);
        let commit = format!("{rev}^{{commit}}");
        git(&root, &["rev-parse", "--verify", "--quiet", &commit]).map_err(|e| match e {
            DiffError::Git { command, .. } => DiffError::Git {
                command,
                stderr: format!("`{rev}` is not a revision of this repository"),
            },
            e => e,
        })?;
        let diff = git(
            &root,
            &[
                "-c",
                "core.quotePath=true",
                "diff",
                "--unified=0",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--src-prefix=a/",
                "--dst-prefix=b/",
                rev,
                "--",
            ],
        )?;
        let mut files: HashMap<PathBuf, FileChange> = parse_diff(&diff)
            .into_iter()
            .map(|(path, lines)| (path, FileChange::Lines(lines)))
            .collect();
        let untracked = git(&root, &["ls-files", "--others", "--exclude-standard", "-z"])?;
        for name in untracked.split(|&b| b == 0).filter(|n| !n.is_empty()) {
            files.insert(path_from_bytes(name.to_vec()), FileChange::Whole);
        }
        Ok(ChangedLines { root, files })
    }

    /// What changed in the file at `path` (as given on the command line), or an error
    /// when it lies outside the repository. Unchanged files give `None`.
    pub fn file(&self, path: &Path) -> Result<Option<&FileChange>, DiffError> {
        let absolute = path
            .canonicalize()
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_owned());
        let relative = absolute
            .strip_prefix(&self.root)
            .map_err(|_| DiffError::Outside {
                path: path.to_owned(),
                root: self.root.clone(),
            })?;
        Ok(self.files.get(relative))
    }
}

impl FileChange {
    /// True when any line of `lines` changed.
    pub fn touches(&self, lines: RangeInclusive<usize>) -> bool {
        match self {
            FileChange::Whole => true,
            FileChange::Lines(ranges) => ranges
                .iter()
                .any(|r| r.start() <= lines.end() && lines.start() <= r.end()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_of_a_diff() {
        let diff = b"diff --git a/a.md b/a.md\n\
index 1..2 100644\n\
--- a/a.md\n\
+++ b/a.md\n\
@@ -3 +3 @@ heading\n\
-old\n\
+new\n\
@@ -10,0 +11,2 @@\n\
+x\n\
+y\n\
@@ -20,2 +21,0 @@\n\
-gone\n\
-gone\n\
diff --git a/gone.md b/gone.md\n\
--- a/gone.md\n\
+++ /dev/null\n\
@@ -1 +0,0 @@\n\
-bye\n\
diff --git \"a/na\\303\\257ve.md\" \"b/na\\303\\257ve.md\"\n\
--- \"a/na\\303\\257ve.md\"\n\
+++ \"b/na\\303\\257ve.md\"\n\
@@ -1,0 +2 @@\n\
+z\n";
        let files = parse_diff(diff);
        assert_eq!(files[Path::new("a.md")], vec![3..=3, 11..=12]);
        assert!(!files.contains_key(Path::new("gone.md")));
        assert_eq!(files[Path::new("naïve.md")], vec![2..=2]);
    }

    #[test]
    fn touching() {
        let change = FileChange::Lines(vec![3..=3, 11..=12]);
        assert!(change.touches(3..=3));
        assert!(change.touches(1..=3));
        assert!(change.touches(12..=20));
        assert!(!change.touches(4..=10));
        assert!(FileChange::Whole.touches(100..=100));
    }
}
