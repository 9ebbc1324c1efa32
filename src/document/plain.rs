//! Plain text: paragraphs are runs of non-blank lines; a short unpunctuated single-line
//! paragraph is a title.

use super::mask::{bom_len, is_space};
use super::{BlockKind, Region};

/// The most words a title line may have.
const MAX_TITLE_WORDS: usize = 15;

/// The paragraph regions of `text` (untrimmed: from the first byte of a paragraph's first
/// line to the end of its last line).
///
/// Decision: a line is blank when the ORIGINAL text has only whitespace on it (a leading
/// byte-order mark counts as whitespace), so a line holding only a URL does not split
/// the paragraph around it.
pub(crate) fn regions(text: &str) -> Vec<Region> {
    let bytes = text.as_bytes();
    let bom = bom_len(text);
    let mut regions = Vec::new();
    let mut para: Option<usize> = None;
    let mut para_end = 0;
    let mut line_start = 0;
    while line_start <= bytes.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i);
        let from = line_start.max(bom).min(line_end);
        let blank = bytes[from..line_end].iter().all(|&b| is_space(b));
        if blank {
            if let Some(start) = para.take() {
                regions.push(Region {
                    start,
                    end: para_end,
                    kind: BlockKind::Paragraph,
                });
            }
        } else {
            para.get_or_insert(line_start);
            para_end = line_end;
        }
        line_start = line_end + 1;
    }
    if let Some(start) = para {
        regions.push(Region {
            start,
            end: para_end,
            kind: BlockKind::Paragraph,
        });
    }
    regions
}

/// True when `block` (trimmed prose of one paragraph) reads as a title line: one line,
/// at most [`MAX_TITLE_WORDS`] words, and no sentence-final punctuation at its end.
///
/// Decision: `. ! ? : …` end a sentence or introduce one, so a line ending in them (or in
/// a closing quote or bracket right after them) is a paragraph, never a title.
pub(crate) fn is_title(block: &str) -> bool {
    if block.contains('\n') {
        return false;
    }
    let mut chars = block.chars().rev();
    let last = chars.next();
    let before_close = match last {
        Some('"' | '\'' | '”' | '’' | ')' | ']') => chars.next(),
        other => other,
    };
    if matches!(before_close, Some('.' | '!' | '?' | ':' | '…')) {
        return false;
    }
    let words = block
        .as_bytes()
        .split(|&b| is_space(b))
        .filter(|w| !w.is_empty())
        .take(MAX_TITLE_WORDS + 1)
        .count();
    words <= MAX_TITLE_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        regions(text)
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect()
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paras("a\nb\n\n \t\nc\r\n\r\nd"), vec!["a\nb", "c\r", "d"]);
        assert_eq!(paras(""), Vec::<&str>::new());
        assert_eq!(paras("\n\n\n"), Vec::<&str>::new());
        assert_eq!(paras("\u{feff}\nx"), vec!["x"]);
        assert_eq!(paras("\u{feff}x"), vec!["\u{feff}x"]);
    }

    #[test]
    fn titles() {
        assert!(is_title("Budget rises for 2025"));
        assert!(is_title("Chapter 3"));
        assert!(!is_title("It rose."));
        assert!(!is_title("Figures:"));
        assert!(!is_title("He said “no.”"));
        assert!(!is_title("Is it?)"));
        assert!(!is_title("two\nlines"));
        assert!(!is_title(&"word ".repeat(16)));
        assert!(is_title(&"word ".repeat(15)));
    }
}
