//! Turning command-line path arguments into the list of files to check.
//!
//! Files named explicitly are always checked. Directories are walked recursively the way
//! ripgrep walks them (the `ignore` crate): `.gitignore`, `.ignore` and hidden files are
//! honoured, also outside a git repository, and symbolic links are not followed.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// The extensions of the files a directory walk keeps by default.
pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// A path argument that could not be (fully) walked. Every message starts with the path.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    /// The argument does not exist.
    #[error("{}: no such file or directory", .0.display())]
    NotFound(PathBuf),
    /// Something under (or at) the argument could not be read: permissions, an unreadable
    /// directory, a bad ignore file.
    #[error("{}: {message}", path.display())]
    Walk {
        /// The path the problem is at.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

impl WalkError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            WalkError::NotFound(path) | WalkError::Walk { path, .. } => path,
        }
    }
}

/// The files to check for `paths`, in order.
///
/// - A path that is not a directory is kept whatever its extension.
/// - A directory is walked recursively, keeping files whose extension is one of
///   `extensions` (case-insensitive; a leading `.` on an extension is ignored).
/// - A path that does not exist gives [`WalkError::NotFound`]; problems met while walking
///   give [`WalkError::Walk`], in place, and the walk goes on.
///
/// Results are sorted by path within each argument and arguments keep their order. A
/// file reached twice (`docs docs/a.md`, or `./a.md a.md`) is listed once, the first time.
pub fn collect_paths(paths: &[PathBuf], extensions: &[&str]) -> Vec<Result<PathBuf, WalkError>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for arg in paths {
        let mut found = match std::fs::metadata(arg) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.push(Err(match std::fs::read_link(arg) {
                    Ok(target) => WalkError::Walk {
                        path: arg.clone(),
                        message: format!(
                            "broken symbolic link: its target {} does not exist",
                            target.display()
                        ),
                    },
                    Err(_) => WalkError::NotFound(arg.clone()),
                }));
                continue;
            }
            Err(e) => vec![Err(WalkError::Walk {
                path: arg.clone(),
                message: e.to_string(),
            })],
            Ok(meta) if meta.is_dir() => walk_dir(arg, extensions),
            Ok(_) => vec![Ok(arg.clone())],
        };
        found.sort_by(|a, b| key(a).cmp(key(b)));
        for item in found {
            if let Ok(path) = &item
                && !seen.insert(normalized(path))
            {
                continue;
            }
            out.push(item);
        }
    }
    out
}

/// The path a result is sorted by.
fn key(item: &Result<PathBuf, WalkError>) -> &Path {
    match item {
        Ok(path) => path,
        Err(e) => e.path(),
    }
}

/// `path` without `.` components, so `./a.md` and `a.md` are recognised as one file.
fn normalized(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

/// True when `path`'s extension is one of `extensions`, ignoring case.
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| {
            extensions
                .iter()
                .any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(ext))
        })
}

/// The matching files under the directory `dir`, and the errors met, unsorted.
fn walk_dir(dir: &Path, extensions: &[&str]) -> Vec<Result<PathBuf, WalkError>> {
    let mut out = Vec::new();
    for entry in ignore::WalkBuilder::new(dir).require_git(false).build() {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file())
                    && has_extension(entry.path(), extensions)
                {
                    out.push(Ok(entry.into_path()));
                }
            }
            Err(err) => {
                let (path, message) = describe(&err);
                out.push(Err(WalkError::Walk {
                    path: path.unwrap_or_else(|| dir.to_owned()),
                    message,
                }));
            }
        }
    }
    out
}

/// The path an `ignore` error is about (if it names one) and its message without the path.
fn describe(err: &ignore::Error) -> (Option<PathBuf>, String) {
    match err {
        ignore::Error::WithPath { path, err } => {
            let (_, message) = describe(err);
            (Some(path.clone()), message)
        }
        ignore::Error::WithDepth { err, .. } => describe(err),
        ignore::Error::Loop { child, .. } => (Some(child.clone()), err.to_string()),
        other => (None, other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh scratch directory holding `files` (relative paths; parents are created).
    fn tree(files: &[&str]) -> PathBuf {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "figcheck-walk-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        for file in files {
            let path = dir.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "text").unwrap();
        }
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The Ok paths relative to `dir`, as strings; panics on errors.
    fn rel(dir: &Path, results: Vec<Result<PathBuf, WalkError>>) -> Vec<String> {
        results
            .into_iter()
            .map(|r| {
                r.unwrap()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    #[test]
    fn walks_recursively_sorted_with_extension_filter() {
        let dir = tree(&[
            "b.md",
            "a.txt",
            "sub/z.markdown",
            "sub/deep/y.MD",
            "c.rs",
            "sub/x.Txt",
            "a.md",
        ]);
        let got = rel(
            &dir,
            collect_paths(std::slice::from_ref(&dir), DEFAULT_EXTENSIONS),
        );
        assert_eq!(
            got,
            vec![
                "a.md",
                "a.txt",
                "b.md",
                "sub/deep/y.MD",
                "sub/x.Txt",
                "sub/z.markdown"
            ]
        );
        let got = rel(&dir, collect_paths(std::slice::from_ref(&dir), &[".rs"]));
        assert_eq!(got, vec!["c.rs"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn honours_gitignore_ignore_and_hidden_without_git() {
        let dir = tree(&[
            "keep.md",
            "skip.md",
            "build/out.md",
            "other.md",
            ".hidden.md",
            ".drafts/d.md",
        ]);
        fs::write(dir.join(".gitignore"), "skip.md\nbuild/\n").unwrap();
        fs::write(dir.join(".ignore"), "other.md\n").unwrap();
        let got = rel(
            &dir,
            collect_paths(std::slice::from_ref(&dir), DEFAULT_EXTENSIONS),
        );
        assert_eq!(got, vec!["keep.md"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn explicit_files_always_included() {
        let dir = tree(&["notes.rs", "skip.md", ".hidden.md"]);
        fs::write(dir.join(".gitignore"), "skip.md\n").unwrap();
        let args = [
            dir.join("notes.rs"),
            dir.join("skip.md"),
            dir.join(".hidden.md"),
        ];
        let got = rel(&dir, collect_paths(&args, DEFAULT_EXTENSIONS));
        assert_eq!(got, vec!["notes.rs", "skip.md", ".hidden.md"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn arguments_keep_order_and_duplicates_go() {
        let dir = tree(&["a.md", "b.md", "sub/c.md"]);
        let args = [
            dir.join("sub"),
            dir.clone(),
            dir.join("b.md"),
            dir.join(".").join("a.md"),
        ];
        let got = rel(&dir, collect_paths(&args, DEFAULT_EXTENSIONS));
        assert_eq!(got, vec!["sub/c.md", "a.md", "b.md"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn missing_path_is_reported_in_place() {
        let dir = tree(&["a.md"]);
        let missing = dir.join("gone.md");
        let results = collect_paths(&[missing.clone(), dir.join("a.md")], DEFAULT_EXTENSIONS);
        assert_eq!(results.len(), 2);
        match &results[0] {
            Err(e @ WalkError::NotFound(p)) => {
                assert_eq!(p, &missing);
                assert_eq!(
                    e.to_string(),
                    format!("{}: no such file or directory", missing.display())
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(results[1].as_ref().unwrap(), &dir.join("a.md"));
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn broken_symlink_is_named_as_such() {
        let dir = tree(&[]);
        let link = dir.join("draft.md");
        std::os::unix::fs::symlink("gone.md", &link).unwrap();
        let results = collect_paths(std::slice::from_ref(&link), DEFAULT_EXTENSIONS);
        let err = results[0].as_ref().unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: broken symbolic link: its target gone.md does not exist",
                link.display()
            )
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn empty_directory_gives_nothing() {
        let dir = tree(&[]);
        assert!(collect_paths(std::slice::from_ref(&dir), DEFAULT_EXTENSIONS).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_directory_is_a_walk_error() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tree(&["a.md", "locked/b.md"]);
        let locked = dir.join("locked");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let readable_anyway = fs::read_dir(&locked).is_ok(); // running as root
        let results = collect_paths(std::slice::from_ref(&dir), DEFAULT_EXTENSIONS);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(results[0].as_ref().unwrap(), &dir.join("a.md"));
        if readable_anyway {
            assert_eq!(results.len(), 2);
        } else {
            assert_eq!(results.len(), 2);
            match &results[1] {
                Err(WalkError::Walk { path, message }) => {
                    assert_eq!(path, &locked);
                    assert!(message.to_lowercase().contains("permission"), "{message}");
                }
                other => panic!("{other:?}"),
            }
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn walk_error_message_names_path() {
        let e = WalkError::Walk {
            path: PathBuf::from("docs/x"),
            message: "Permission denied (os error 13)".into(),
        };
        assert_eq!(e.to_string(), "docs/x: Permission denied (os error 13)");
        assert_eq!(e.path(), Path::new("docs/x"));
    }

    #[test]
    fn extension_matching() {
        assert!(has_extension(Path::new("a.MarkDown"), DEFAULT_EXTENSIONS));
        assert!(!has_extension(Path::new("md"), DEFAULT_EXTENSIONS));
        assert!(!has_extension(Path::new("a.md.bak"), DEFAULT_EXTENSIONS));
    }
}
