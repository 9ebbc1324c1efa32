//! Loading drafts from files and standard input into [`Document`]s.
//!
//! Bytes are checked before parsing: a NUL byte in the first 8 KiB marks a binary file
//! (skipped with a note, like ripgrep and git do), and the text must be UTF-8. Nothing is
//! stripped or converted, so every offset is an offset into the file as it is on disk.

use crate::document::{Document, SourceFormat};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// How many leading bytes are searched for a NUL byte to detect a binary file.
pub const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// Why a file could not be loaded. Every message starts with the file's name.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Reading failed: missing file, permission denied, a directory, an I/O error.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file (or the name standard input was given).
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The file is not UTF-8.
    #[error("{}: not valid UTF-8 at byte {offset}", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The path is not a regular file or directory: a FIFO, socket or device. It is not
    /// opened, since opening a FIFO blocks until something writes to it and a device may
    /// never end.
    #[error(
        "{}: not a regular file ({kind}), skipped; pipe its contents to `-` to check them",
        path.display()
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead (`a FIFO`, `a socket`, `a device`).
        kind: &'static str,
    },
    /// The file has a NUL byte near its start, so it is taken to be binary.
    #[error("{}: binary file, skipped", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
    },
}

impl LoadError {
    /// True when this should be reported as a note, not an error (a skipped binary file).
    pub fn is_skip_note(&self) -> bool {
        matches!(self, LoadError::Binary { .. })
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::InvalidUtf8 { path, .. }
            | LoadError::NotAFile { path, .. }
            | LoadError::Binary { path } => path,
        }
    }
}

/// Load and parse the file at `path`; its format comes from its extension.
///
/// A FIFO, socket or device is refused ([`LoadError::NotAFile`]) before it is opened.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    if let Some(kind) = std::fs::metadata(path).ok().and_then(|m| special_kind(&m)) {
        return Err(LoadError::NotAFile {
            path: path.to_owned(),
            kind,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    load_bytes(path, bytes)
}

/// What a path that is neither a regular file nor a directory is, or `None` for those two.
pub fn special_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    if meta.is_file() || meta.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// Load and parse all of standard input, naming it `name` in messages; the format comes
/// from `name`'s extension (plain text for `-` or no extension).
pub fn load_stdin(name: &Path) -> Result<Document, LoadError> {
    load_reader(name, io::stdin().lock())
}

/// Load and parse everything `reader` yields, naming it `name` (as [`load_stdin`] does).
pub fn load_reader(name: &Path, mut reader: impl Read) -> Result<Document, LoadError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: name.to_owned(),
            source,
        })?;
    load_bytes(name, bytes)
}

/// Check `bytes` (binary? UTF-8?) and parse them as the file `path`, in the format its
/// extension implies. An empty input gives an empty document.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Result<Document, LoadError> {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
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
    use crate::document::BlockKind;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh, empty scratch directory for one test.
    fn scratch() -> PathBuf {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "figcheck-load-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn loads_markdown_and_plain_by_extension() {
        let dir = scratch();
        let md = dir.join("a.MD");
        std::fs::write(&md, "# Costs\n\nThey rose `5`%.\n").unwrap();
        let doc = load_file(&md).unwrap();
        assert_eq!(doc.format, SourceFormat::Markdown);
        assert_eq!(doc.path, md);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert!(!doc.prose.contains('5'));

        let txt = dir.join("a.txt");
        std::fs::write(&txt, "They rose `5`%.\n").unwrap();
        let doc = load_file(&txt).unwrap();
        assert_eq!(doc.format, SourceFormat::PlainText);
        assert!(doc.prose.contains("`5`%"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let err = load_bytes(Path::new("d.md"), b"ab\xc3(cd".to_vec()).unwrap_err();
        assert!(
            matches!(err, LoadError::InvalidUtf8 { offset: 2, .. }),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "d.md: not valid UTF-8 at byte 2");
        assert!(!err.is_skip_note());
        // A truncated character at the very end.
        let err = load_bytes(Path::new("e.txt"), "x€".as_bytes()[..3].to_vec()).unwrap_err();
        assert!(
            matches!(err, LoadError::InvalidUtf8 { offset: 1, .. }),
            "{err:?}"
        );
        // Latin-1 text.
        let err = load_bytes(Path::new("f.txt"), b"caf\xe9 5".to_vec()).unwrap_err();
        assert!(
            matches!(err, LoadError::InvalidUtf8 { offset: 3, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn nul_byte_means_binary() {
        let err = load_bytes(Path::new("img.md"), b"\x89PNG\r\n\x1a\n\0\0".to_vec()).unwrap_err();
        assert!(matches!(err, LoadError::Binary { .. }));
        assert!(err.is_skip_note());
        assert_eq!(err.to_string(), "img.md: binary file, skipped");
        // UTF-16 text has NULs too.
        let utf16: Vec<u8> = "Hi 5".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(
            load_bytes(Path::new("u.txt"), utf16)
                .unwrap_err()
                .is_skip_note()
        );
        // Binary check wins over UTF-8 check.
        let err = load_bytes(Path::new("x"), b"\xff\0".to_vec()).unwrap_err();
        assert!(err.is_skip_note());
    }

    #[test]
    fn nul_after_sniff_window_is_invalid_only_if_not_utf8() {
        let mut bytes = vec![b'a'; BINARY_SNIFF_LEN];
        bytes.push(0);
        let doc = load_bytes(Path::new("late.txt"), bytes).unwrap();
        assert_eq!(doc.text.len(), BINARY_SNIFF_LEN + 1);
        let mut bytes = vec![b'a'; BINARY_SNIFF_LEN - 1];
        bytes.push(0);
        assert!(
            load_bytes(Path::new("edge.txt"), bytes)
                .unwrap_err()
                .is_skip_note()
        );
    }

    #[test]
    fn empty_input_is_an_empty_document() {
        let doc = load_bytes(Path::new("empty.md"), Vec::new()).unwrap();
        assert!(doc.text.is_empty() && doc.prose.is_empty());
        assert!(doc.blocks.is_empty() && doc.sentences.is_empty());
        let dir = scratch();
        let path = dir.join("empty.txt");
        std::fs::write(&path, "").unwrap();
        assert!(load_file(&path).unwrap().blocks.is_empty());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bom_is_kept_but_not_prose() {
        let doc = load_bytes(
            Path::new("b.txt"),
            "\u{feff}Sales rose 5%.".as_bytes().to_vec(),
        )
        .unwrap();
        assert!(doc.text.starts_with('\u{feff}'));
        assert!(doc.prose.starts_with("   Sales"));
        assert_eq!(doc.blocks[0].span.start, 3);
    }

    #[test]
    fn missing_file_and_directory_are_io_errors() {
        let dir = scratch();
        let missing = dir.join("nope.md");
        let err = load_file(&missing).unwrap_err();
        match &err {
            LoadError::Io { path, source } => {
                assert_eq!(path, &missing);
                assert_eq!(source.kind(), io::ErrorKind::NotFound);
            }
            other => panic!("{other:?}"),
        }
        assert!(
            err.to_string()
                .starts_with(&format!("{}: ", missing.display()))
        );
        assert_eq!(err.path(), missing);

        let err = load_file(&dir).unwrap_err();
        assert!(matches!(err, LoadError::Io { .. }), "{err:?}");
        assert!(err.to_string().starts_with(&format!("{}: ", dir.display())));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn fifo_and_devices_are_refused_without_opening() {
        let dir = scratch();
        let fifo = dir.join("pipe.md");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        // Opening the FIFO would block forever: nothing writes to it.
        let err = load_file(&fifo).unwrap_err();
        assert!(
            matches!(err, LoadError::NotAFile { kind: "a FIFO", .. }),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{}: not a regular file (a FIFO), skipped; pipe its contents to `-` to check them",
                fifo.display()
            )
        );
        assert!(!err.is_skip_note());
        // /dev/zero never ends.
        let err = load_file(Path::new("/dev/zero")).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::NotAFile {
                    kind: "a device",
                    ..
                }
            ),
            "{err:?}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn reader_input_uses_name_for_format() {
        let doc = load_reader(Path::new("-"), &b"# Not a heading 5"[..]).unwrap();
        assert_eq!(doc.format, SourceFormat::PlainText);
        assert!(doc.prose.starts_with("# Not"));
        let doc = load_reader(Path::new("draft.md"), &b"# A heading 5"[..]).unwrap();
        assert_eq!(doc.format, SourceFormat::Markdown);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(doc.path, Path::new("draft.md"));

        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("pipe broke"))
            }
        }
        let err = load_reader(Path::new("-"), Failing).unwrap_err();
        assert_eq!(err.to_string(), "-: pipe broke");
    }

    #[test]
    fn large_file_without_newline_loads() {
        let unit = "Shares rose 4.5% to $12.30 on Jan. 5, said Dr. A. Lee of Acme Inc. The end. ";
        let text = unit.repeat(5_000_000 / unit.len());
        let n = 5_000_000 / unit.len();
        let dir = scratch();
        for name in ["big.md", "big.txt"] {
            let path = dir.join(name);
            std::fs::write(&path, &text).unwrap();
            let doc = load_file(&path).unwrap();
            assert_eq!(doc.text.len(), text.len());
            assert_eq!(doc.blocks.len(), 1);
            // Each unit is two sentences: "… Acme Inc." and "The end."
            assert_eq!(doc.sentences.len(), 2 * n);
            assert_eq!(
                doc.sentences[0].slice(&doc.text),
                &unit[..unit.find(" The").unwrap()]
            );
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
