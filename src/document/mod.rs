//! The document model: the original text, which bytes of it are prose, and its blocks and
//! sentences. Every span is a byte range of the ORIGINAL file.

mod markdown;
mod mask;
mod plain;
mod sentences;

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
    /// Parse `text` as `format`: mask everything that is not prose, then find the blocks
    /// and the sentences in them.
    ///
    /// - Markdown prose is the source of `Text` events outside code, front matter, image
    ///   alt text and autolinks (see `markdown.rs`); plain text is prose throughout.
    /// - In both, a leading byte-order mark, bare URLs and e-mail addresses are masked.
    /// - Block spans are trimmed to their first and last prose byte, after URL masking; a
    ///   block with no prose left is dropped.
    /// - Sentences are split within each block (see `sentences.rs`).
    ///
    /// Runs in time linear in the text's length.
    pub fn new(path: impl Into<PathBuf>, text: String, format: SourceFormat) -> Self {
        let (mut prose, regions) = match format {
            SourceFormat::Markdown => {
                let mut prose = mask::blank_copy(text.as_bytes());
                let regions = markdown::mask(&text, &mut prose);
                (prose, regions)
            }
            SourceFormat::PlainText => (text.as_bytes().to_vec(), plain::regions(&text)),
        };
        // Decision: a byte-order mark is kept in `text` (offsets stay file offsets) but is
        // never prose.
        mask::blank(&mut prose[..mask::bom_len(&text)]);
        mask::mask_links(&mut prose);
        let prose = String::from_utf8(prose).expect("masking replaces whole characters");

        let mut blocks = Vec::with_capacity(regions.len());
        for region in regions {
            let Some(span) = trim(prose.as_bytes(), region.start, region.end) else {
                continue;
            };
            let kind = match format {
                SourceFormat::PlainText if plain::is_title(span.slice(&prose)) => {
                    BlockKind::Heading
                }
                _ => region.kind,
            };
            blocks.push(Block { span, kind });
        }

        let sentences = sentences::split_all(&prose, blocks.iter().map(|b| b.span));

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

/// A block before trimming: the extent of the prose a parser found for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Region {
    start: usize,
    end: usize,
    kind: BlockKind,
}

/// `start..end` of `prose` trimmed of whitespace (masked bytes included); `None` if
/// nothing is left.
fn trim(prose: &[u8], start: usize, end: usize) -> Option<Span> {
    let slice = &prose[start..end];
    let first = slice.iter().position(|&b| !mask::is_space(b))?;
    let last = slice.iter().rposition(|&b| !mask::is_space(b))?;
    Some(Span::new(start + first, start + last + 1))
}

#[cfg(test)]
mod tests;
