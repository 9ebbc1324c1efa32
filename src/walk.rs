//! Expanding the paths given on the command line into the drafts to read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Extensions of the files read from directories.
pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// A path that could not be expanded.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    /// The path does not exist.
    #[error("{}: no such file or directory", .0.display())]
    NotFound(PathBuf),
    /// Walking a directory failed below `path` (permissions, symlink loops...).
    #[error("{}: {message}", path.display())]
    Walk {
        /// Where the walk failed.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// The files to read for `paths`: a file given explicitly is always read, whatever its
/// extension; directories are walked recursively like ripgrep does (honouring
/// `.gitignore`, `.ignore` and hidden files), keeping files with one of `extensions`.
/// Files of each argument come sorted by path; duplicates are dropped.
pub fn collect_paths(paths: &[PathBuf], extensions: &[&str]) -> Vec<Result<PathBuf, WalkError>> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for path in paths {
        if path.is_file() || (path.exists() && !path.is_dir()) {
            if seen.insert(path.clone()) {
                out.push(Ok(path.clone()));
            }
            continue;
        }
        if !path.exists() {
            // A broken symlink exists as a link but not as a target.
            out.push(Err(match std::fs::symlink_metadata(path) {
                Ok(_) => WalkError::Walk {
                    path: path.clone(),
                    message: "broken symbolic link".into(),
                },
                Err(_) => WalkError::NotFound(path.clone()),
            }));
            continue;
        }
        let mut found = Vec::new();
        let walker = ignore::WalkBuilder::new(path)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    if is_file && has_extension(entry.path(), extensions) {
                        found.push(entry.into_path());
                    }
                }
                Err(err) => out.push(Err(WalkError::Walk {
                    path: path.clone(),
                    message: err.to_string(),
                })),
            }
        }
        found.sort();
        for file in found {
            if seen.insert(file.clone()) {
                out.push(Ok(file));
            }
        }
    }
    out
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_directories_honouring_gitignore() {
        let dir = std::env::temp_dir().join(format!("figcheck-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::create_dir_all(dir.join(".hidden")).unwrap();
        for f in [
            "a.md",
            "b.txt",
            "c.rs",
            "sub/d.markdown",
            "skip.md",
            ".hidden/e.md",
        ] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        std::fs::write(dir.join(".gitignore"), "skip.md\n").unwrap();
        let got: Vec<PathBuf> = collect_paths(std::slice::from_ref(&dir), DEFAULT_EXTENSIONS)
            .into_iter()
            .map(|r| r.unwrap().strip_prefix(&dir).unwrap().to_owned())
            .collect();
        assert_eq!(
            got,
            vec![
                PathBuf::from("a.md"),
                "b.txt".into(),
                "sub/d.markdown".into()
            ]
        );
        // An explicit file is read whatever its extension.
        let explicit = collect_paths(&[dir.join("c.rs")], DEFAULT_EXTENSIONS);
        assert!(explicit[0].is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_path_is_an_error() {
        let got = collect_paths(
            &[PathBuf::from("/nonexistent/figcheck")],
            DEFAULT_EXTENSIONS,
        );
        assert_eq!(
            got[0].as_ref().unwrap_err().to_string(),
            "/nonexistent/figcheck: no such file or directory"
        );
    }
}
