//! Byte spans into the original file, and their conversion to lines and columns.
//!
//! Everything inside figcheck works on byte offsets; line and column numbers are made
//! only at the output edge, by [`LineIndex`].

use serde::Serialize;

/// A half-open byte range `[start, end)` into the original file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (debug-asserts `start <= end`).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A 1-based line and column pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// The unit a column is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    /// Unicode scalar values (Rust `char`s): what figcheck prints to people and in JSON.
    Char,
    /// UTF-16 code units: what SARIF and LSP expect by default.
    Utf16,
    /// UTF-8 bytes.
    Byte,
}

/// Line starts of a text, for converting byte offsets to line/column at the output edge.
///
/// It remembers its last answer, so converting the offsets of one line in increasing
/// order costs time linear in the line, even for a single 50 MB line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    last: std::cell::Cell<Option<(usize, usize, usize, ColumnUnit)>>,
}

impl LineIndex {
    /// Index the line starts of `text` (`\n` ends a line; a `\r` before it belongs to the line).
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            line_starts,
            last: std::cell::Cell::new(None),
        }
    }

    /// The 1-based line and column of byte `offset`, counting columns in `unit`.
    ///
    /// An offset inside a multi-byte character is rounded down to the character's start.
    pub fn line_col(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let (from, base) = match self.last.get() {
            Some((last_offset, last_line, last_column, last_unit))
                if last_line == line && last_unit == unit && last_offset <= offset =>
            {
                (last_offset, last_column)
            }
            _ => (self.line_starts[line], 0),
        };
        let prefix = &text[from..offset];
        let column = base
            + match unit {
                ColumnUnit::Char => prefix.chars().count(),
                ColumnUnit::Utf16 => prefix.chars().map(char::len_utf16).sum(),
                ColumnUnit::Byte => prefix.len(),
            };
        self.last.set(Some((offset, line, column, unit)));
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }
}

impl LineIndex {
    /// How many lines the text has (a text ending in `\n` has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte offset of a 1-based line and column counted in `unit`: the inverse of
    /// [`LineIndex::line_col`]. Out-of-range positions are clamped, never rejected: a line
    /// past the last is the end of the text; a column past the end of its line is the
    /// line's end (before its `\n`, and before a `\r` ending the line); a column inside a
    /// character (half of a UTF-16 surrogate pair, the middle of a UTF-8 sequence) is the
    /// character's start.
    pub fn offset(&self, text: &str, position: LineCol, unit: ColumnUnit) -> usize {
        let line = position.line.max(1) - 1;
        let Some(&start) = self.line_starts.get(line) else {
            return text.len();
        };
        let start = start.min(text.len());
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1);
        let content = &text[start..end.max(start)];
        let content = content.strip_suffix('\r').unwrap_or(content);
        let wanted = position.column.max(1) - 1;
        let mut column = 0;
        for (at, c) in content.char_indices() {
            let width = match unit {
                ColumnUnit::Char => 1,
                ColumnUnit::Utf16 => c.len_utf16(),
                ColumnUnit::Byte => c.len_utf8(),
            };
            if column + width > wanted {
                return start + at;
            }
            column += width;
        }
        start + content.len()
    }
}

/// Where a span is, in every unit the machine formats print: byte offsets, and 1-based
/// lines and columns counted in characters. Serialized flat into a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SpanPosition {
    /// Byte offset where the span starts.
    pub start: usize,
    /// Byte offset one past the span's end.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end`, in characters.
    pub end_column: usize,
}

impl SpanPosition {
    /// The position of `span` in `text`, with columns in characters.
    pub fn new(text: &str, index: &LineIndex, span: Span) -> Self {
        let start = index.line_col(text, span.start, ColumnUnit::Char);
        let end = index.line_col(text, span.end, ColumnUnit::Char);
        SpanPosition {
            start: span.start,
            end: span.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_each_unit() {
        let text = "a\n“é” 😀x\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            index.line_col(text, 0, ColumnUnit::Char),
            LineCol { line: 1, column: 1 }
        );
        assert_eq!(index.line_col(text, x, ColumnUnit::Char).column, 6);
        assert_eq!(index.line_col(text, x, ColumnUnit::Utf16).column, 7);
        assert_eq!(index.line_col(text, x, ColumnUnit::Byte).column, 14);
        assert_eq!(index.line_col(text, x, ColumnUnit::Byte).line, 2);
    }

    #[test]
    fn cached_answers_agree_with_fresh_ones_in_any_order() {
        let text = "é1 é2 é3\nx😀y z";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .collect();
        for unit in [ColumnUnit::Char, ColumnUnit::Utf16, ColumnUnit::Byte] {
            for &o in offsets.iter().chain(offsets.iter().rev()) {
                let fresh = LineIndex::new(text).line_col(text, o, unit);
                assert_eq!(index.line_col(text, o, unit), fresh, "offset {o} {unit:?}");
            }
        }
    }

    #[test]
    fn offsets_from_columns_invert_line_col_in_each_unit() {
        let text = "“Hi” 😀 東京 x\r\nnext 😀\n";
        let index = LineIndex::new(text);
        for unit in [ColumnUnit::Char, ColumnUnit::Utf16, ColumnUnit::Byte] {
            for (o, _) in text
                .char_indices()
                .filter(|&(o, _)| text.as_bytes()[o] != b'\n')
            {
                let pos = index.line_col(text, o, unit);
                assert_eq!(index.offset(text, pos, unit), o, "offset {o} {unit:?}");
            }
        }
        let x = text.find('x').unwrap();
        // UTF-16: curly quotes count one unit, the emoji two, each CJK character one.
        let col16 = |c| LineCol { line: 1, column: c };
        assert_eq!(index.offset(text, col16(12), ColumnUnit::Utf16), x);
        assert_eq!(
            index.offset(text, col16(10), ColumnUnit::Byte),
            text.find('😀').unwrap()
        );
        // Half of the emoji's surrogate pair, or a byte inside it, is the emoji's start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(index.offset(text, col16(7), ColumnUnit::Utf16), emoji);
        assert_eq!(index.offset(text, col16(11), ColumnUnit::Byte), emoji);
        // Past the line's end: before the \r\n; past the last line: the end.
        assert_eq!(index.offset(text, col16(99), ColumnUnit::Utf16), x + 1);
        assert_eq!(
            index.offset(text, LineCol { line: 9, column: 1 }, ColumnUnit::Utf16),
            text.len()
        );
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn offset_at_end_of_text_is_valid() {
        let text = "ab\n";
        let index = LineIndex::new(text);
        assert_eq!(
            index.line_col(text, 3, ColumnUnit::Char),
            LineCol { line: 2, column: 1 }
        );
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(0, 9));
    }
}
