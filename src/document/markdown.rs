//! Markdown: which source bytes are prose, and where the prose blocks lie.
//!
//! pulldown-cmark (CommonMark with tables and YAML/TOML front matter) gives every event a
//! source range. Prose is copied from the source ranges of `Text` events that are not in
//! code, front matter, image alt text or autolinks; every other byte stays blank. So
//! markers (`#`, `>`, `-`, `|`, `*`), code, HTML, link destinations and escapes are never
//! prose, without any of them having to be recognised here.

use super::mask::{bom_len, is_space};
use super::{BlockKind, Region};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// The parser options figcheck reads Markdown with.
///
/// Decision: tables and both front-matter styles only. Smart punctuation stays off so
/// that `Text` events match their source bytes; footnotes, math and the like are left
/// off so their syntax is simply text (and is then masked or kept by the rules below).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// The block being collected.
struct Open {
    kind: BlockKind,
    start: usize,
    end: usize,
}

/// Copy the prose bytes of `text` into `prose` (which must be blank, as long as `text`)
/// and return the prose regions in order.
///
/// Decision: a UTF-8 byte-order mark is skipped before parsing (pulldown-cmark would
/// otherwise read `\u{feff}# Title` as a paragraph and miss front matter); event ranges
/// are shifted back so they stay offsets into `text`.
pub(crate) fn mask(text: &str, prose: &mut [u8]) -> Vec<Region> {
    let base = bom_len(text);
    let src = &text[base..];
    let bytes = text.as_bytes();

    let mut regions = Vec::new();
    let mut open: Option<Open> = None;
    // Decision: code blocks and front matter contain only text, never other blocks, so a
    // flag is enough; images and links can nest (a link inside alt text), so they count.
    let mut in_code = false;
    let mut in_meta = false;
    let mut image_depth = 0u32;
    // One entry per open link: true when it is an autolink (`<https://…>`, `<a@b.c>`).
    let mut links: Vec<bool> = Vec::new();

    fn flush(open: &mut Option<Open>, regions: &mut Vec<Region>) {
        if let Some(o) = open.take()
            && o.start < o.end
        {
            regions.push(Region {
                start: o.start,
                end: o.end,
                kind: o.kind,
            });
        }
    }

    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        match event {
            Event::Text(t) => {
                let (start, end) = (range.start + base, range.end + base);
                if in_code || in_meta || image_depth > 0 || links.last() == Some(&true) {
                    continue;
                }
                // Decision: entities and escapes decode to text that differs from their
                // source (`&amp;` is "&"): such source bytes stay blank rather than
                // putting syntax into the prose.
                if &text[start..end] != t.as_ref() {
                    continue;
                }
                prose[start..end].copy_from_slice(&bytes[start..end]);
                let Some(first) = bytes[start..end].iter().position(|&b| !is_space(b)) else {
                    continue;
                };
                let last = bytes[start..end]
                    .iter()
                    .rposition(|&b| !is_space(b))
                    .unwrap_or(first);
                // Decision: text in a tight list item (not wrapped in a paragraph) opens a
                // paragraph block of its own, which ends at the next block boundary.
                let o = open.get_or_insert(Open {
                    kind: BlockKind::Paragraph,
                    start: start + first,
                    end: start + first,
                });
                if o.start == o.end {
                    o.start = start + first;
                }
                o.end = start + last + 1;
            }
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell => {
                    flush(&mut open, &mut regions);
                    let kind = match tag {
                        Tag::Heading { .. } => BlockKind::Heading,
                        Tag::TableCell => BlockKind::TableCell,
                        _ => BlockKind::Paragraph,
                    };
                    // Empty until the first prose byte arrives.
                    open = Some(Open {
                        kind,
                        start: 0,
                        end: 0,
                    });
                }
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript => {}
                Tag::Link { link_type, .. } => {
                    links.push(matches!(link_type, LinkType::Autolink | LinkType::Email));
                }
                Tag::Image { .. } => image_depth += 1,
                Tag::CodeBlock(_) => {
                    flush(&mut open, &mut regions);
                    in_code = true;
                }
                Tag::MetadataBlock(_) => {
                    flush(&mut open, &mut regions);
                    in_meta = true;
                }
                // Every other tag is a container or leaf block: it ends any open block.
                _ => flush(&mut open, &mut regions),
            },
            Event::End(tag) => match tag {
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript => {}
                TagEnd::Link => {
                    links.pop();
                }
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                TagEnd::CodeBlock => in_code = false,
                TagEnd::MetadataBlock(_) => in_meta = false,
                _ => flush(&mut open, &mut regions),
            },
            // Code spans, HTML, breaks, rules and the rest are never prose: their bytes
            // stay blank (a break's newline is kept by the blank buffer itself).
            _ => {}
        }
    }
    flush(&mut open, &mut regions);
    blank_footnote_labels(prose);
    regions
}

/// Blank footnote references and definition labels (`[^1]`, `[^note]:`): with footnotes
/// off they are plain text, and their label is no figure.
fn blank_footnote_labels(prose: &mut [u8]) {
    let mut from = 0;
    while let Some(found) = memchr::memmem::find(&prose[from..], b"[^") {
        let start = from + found;
        let label = prose[start + 2..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            .count();
        let close = start + 2 + label;
        if label > 0 && prose.get(close) == Some(&b']') {
            let end = if prose.get(close + 1) == Some(&b':') {
                close + 2
            } else {
                close + 1
            };
            prose[start..end].fill(b' ');
            from = end;
        } else {
            from = start + 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::mask::blank_copy;
    use super::*;

    fn run(text: &str) -> (String, Vec<(String, BlockKind)>) {
        let mut prose = blank_copy(text.as_bytes());
        let regions = mask(text, &mut prose);
        let prose = String::from_utf8(prose).unwrap();
        let blocks = regions
            .iter()
            .map(|r| (prose[r.start..r.end].to_owned(), r.kind))
            .collect();
        (prose, blocks)
    }

    #[test]
    fn regions_follow_blocks() {
        let (_, blocks) = run("# Head\n\nPara one\ncontinued.\n\n- item\n");
        assert_eq!(
            blocks,
            vec![
                ("Head".to_owned(), BlockKind::Heading),
                ("Para one\ncontinued.".to_owned(), BlockKind::Paragraph),
                ("item".to_owned(), BlockKind::Paragraph),
            ]
        );
    }

    #[test]
    fn bom_skipped_before_parsing() {
        let (prose, blocks) = run("\u{feff}# Title\n\nBody.");
        assert_eq!(blocks[0], ("Title".to_owned(), BlockKind::Heading));
        assert_eq!(&prose[..5], "     ");
        let (_, blocks) = run("\u{feff}---\ntitle: 7 days\n---\nBody.");
        assert_eq!(blocks, vec![("Body.".to_owned(), BlockKind::Paragraph)]);
    }

    #[test]
    fn empty_blocks_are_dropped() {
        let (_, blocks) = run("```\ncode\n```\n\n![only an image](x.png)\n\n`just code`\n");
        assert!(blocks.is_empty());
    }
}
