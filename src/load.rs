//! Reading drafts: bytes to a [`Document`], with a clear error naming the file for
//! anything that is not a UTF-8 text file.

use crate::document::{Document, SourceFormat};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file could not be read as a draft.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read (missing, a directory, no permission, a FIFO error...).
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file has NUL bytes near its start: not a text draft.
    #[error("{}: binary file, skipped", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// The file is not valid UTF-8.
    #[error("{}: not valid UTF-8 at byte {offset}", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

impl LoadError {
    /// True for problems reported as a note rather than an error (binary files).
    pub fn is_skip_note(&self) -> bool {
        matches!(self, LoadError::Binary { .. })
    }
}

/// How far into a file to look for NUL bytes when deciding it is binary.
const BINARY_SNIFF_BYTES: usize = 8 << 10;

/// Read and parse the draft at `path`; the format comes from its extension.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    load_bytes(path, bytes)
}

/// Read and parse standard input, reported as `name` (whose extension picks the format).
pub fn load_stdin(name: &Path) -> Result<Document, LoadError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: name.to_owned(),
            source,
        })?;
    load_bytes(name, bytes)
}

/// Parse `bytes` read from `path`.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Result<Document, LoadError> {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if memchr::memchr(0, sniff).is_some() {
        return Err(LoadError::Binary {
            path: path.to_owned(),
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(Document::new(path, text, SourceFormat::from_path(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_file_and_offset() {
        let err = load_bytes(Path::new("draft.md"), b"caf\xe9 73 seats".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "draft.md: not valid UTF-8 at byte 3");
        assert!(!err.is_skip_note());
    }

    #[test]
    fn binary_is_a_note() {
        let err = load_bytes(Path::new("logo.md"), b"\x89PNG\0\0".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "logo.md: binary file, skipped");
        assert!(err.is_skip_note());
    }

    #[test]
    fn empty_file_is_fine() {
        let doc = load_bytes(Path::new("empty.txt"), Vec::new()).unwrap();
        assert!(doc.text.is_empty());
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = load_file(Path::new("/nonexistent/figcheck/draft.md")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/nonexistent/figcheck/draft.md: ")
        );
    }
}
