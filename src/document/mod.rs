//! The document model: the original text, which bytes of it are prose, and its blocks and
//! sentences. Every span is a byte range of the ORIGINAL file.

use crate::span::Span;
use std::path::{Path, PathBuf};

/// How a file's text is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// CommonMark (with tables and front matter): only prose is searched.
    Markdown,
    /// Plain text: prose throughout, except URLs.
    PlainText,
}

impl SourceFormat {
    /// The format a path's extension implies (`.md`/`.markdown` are Markdown, anything else
    /// plain text).
    pub fn from_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
                SourceFormat::Markdown
            }
            _ => SourceFormat::PlainText,
        }
    }
}

/// What kind of block a prose block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph (also a list item's or block quote's paragraph, or a plain-text paragraph).
    Paragraph,
    /// A heading (or a plain-text title line).
    Heading,
    /// A table cell.
    TableCell,
}

/// A block of prose: the unit sentences and paragraphs are found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// The block's bytes in the original file.
    pub span: Span,
    /// What kind of block it is.
    pub kind: BlockKind,
}

/// A loaded, parsed document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name used in messages (a path, or the `--stdin-filename`).
    pub path: PathBuf,
    /// The original text, byte for byte.
    pub text: String,
    /// How the text was read.
    pub format: SourceFormat,
    /// The text with every byte that is not prose replaced by a space (newlines kept), so
    /// that offsets into it are offsets into `text`.
    pub prose: String,
    /// The prose blocks, in order.
    pub blocks: Vec<Block>,
    /// The sentences, in order; each lies within one block.
    pub sentences: Vec<Span>,
}

impl Document {
    /// Parse `text` as `format`.
    pub fn new(path: impl Into<PathBuf>, text: String, format: SourceFormat) -> Self {
        let prose = text.clone();
        let blocks = vec![Block {
            span: Span::new(0, text.len()),
            kind: BlockKind::Paragraph,
        }];
        let sentences = vec![Span::new(0, text.len())];
        Document {
            path: path.into(),
            text,
            format,
            prose,
            blocks,
            sentences,
        }
    }

    /// The index of the block containing byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }
}
