//! `list-count`: a heading or lead-in that announces a number of items (`Top ten wind
//! countries`, `Five things to know`) over a list with another number of items.
//!
//! The list is read from the lines right after the announcing block: bullet (`-`, `*`,
//! `+`) or numbered (`1.`, `1)`) items at the indentation of the first one, blank lines
//! between them allowed, until the first line that neither starts an item nor continues
//! one.

use super::{Context, Emitter};
use crate::document::BlockKind;
use crate::figure::{Figure, Kind};
use crate::finding::Label;
use crate::span::Span;

/// One item of a list: where its marker line is, and its number when numbered.
struct Item {
    line: Span,
    number: Option<u64>,
}

/// The marker of a list item line: its indentation and, for a numbered item, its number.
fn item_marker(line: &str) -> Option<(usize, Option<u64>)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    if rest.starts_with(['-', '*', '+']) && rest[1..].starts_with(' ') {
        return Some((indent, None));
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits)
        && rest[digits..].starts_with(['.', ')'])
        && rest[digits + 1..].starts_with(' ')
    {
        return Some((indent, rest[..digits].parse().ok()));
    }
    None
}

/// The items of the list that starts after byte `from` (blank lines skipped), if one does.
fn list_after(text: &str, from: usize) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut indent_of_items = None;
    let mut offset = from;
    let mut after_blank = false;
    for line in text[from..].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            after_blank = true;
            continue;
        }
        match item_marker(content) {
            Some((indent, number)) if indent_of_items.is_none_or(|i| indent <= i) => {
                indent_of_items.get_or_insert(indent);
                items.push(Item {
                    line: Span::new(start, start + content.len()),
                    number,
                });
            }
            // A nested item, or a continuation line of the current item.
            Some(_) => {}
            None if items.is_empty() => return items,
            None => {
                let indented = content.starts_with("  ") || content.starts_with('\t');
                if after_blank && !indented {
                    break;
                }
            }
        }
        after_blank = false;
    }
    items
}

/// The announced count of a block: `N` after `top`, or a count opening the block
/// (`Five things to know`, `The 10 best ...`), of a plural noun.
fn announced<'a>(cx: &Context<'a>, block: Span) -> Option<&'a Figure> {
    let from = cx.figures.partition_point(|f| f.span.start < block.start);
    let f = cx.figures.get(from).filter(|f| f.span.end <= block.end)?;
    let n = f.number()?.value;
    if f.kind != Kind::Count || f.approx.is_approx() || f.of.is_some() || n.fract() != 0.0 {
        return None;
    }
    if !(2.0..=100.0).contains(&n) {
        return None;
    }
    // What is announced must be things counted: a plural noun (`things`, `countries`),
    // not a bare chapter number; a clause after a comma is prose, not a title.
    let plural = f
        .unit
        .as_deref()
        .and_then(|u| u.split_whitespace().last())
        .is_some_and(|u| u.len() > 2 && u.ends_with('s') && u.chars().all(|c| c.is_alphabetic()));
    if !plural || cx.doc.text[block.start..block.end].contains(',') {
        return None;
    }
    let before = cx.doc.prose[block.start..f.span.start]
        .trim()
        .to_ascii_lowercase();
    let opening = matches!(
        before.as_str(),
        "" | "the" | "top" | "the top" | "our" | "our top" | "here are the" | "here are"
    );
    opening.then_some(f)
}

/// Report announced counts that the list under them does not have.
pub fn list_count(cx: &Context<'_>, out: &mut Emitter) {
    for block in &cx.doc.blocks {
        let text = &cx.doc.text[block.span.start..block.span.end];
        // A heading, or a one-line lead-in that is not a sentence of the text.
        let lead_in = block.kind == BlockKind::Heading
            || (block.kind == BlockKind::Paragraph
                && !text.trim().contains('\n')
                && !text.trim_end().ends_with(['.', '?', '!']));
        if !lead_in {
            continue;
        }
        let Some(count) = announced(cx, block.span) else {
            continue;
        };
        let after_line = cx.doc.text[block.span.end..]
            .find('\n')
            .map_or(cx.doc.text.len(), |i| block.span.end + i + 1);
        let items = list_after(&cx.doc.text, after_line);
        let expected = count.number().map_or(0.0, |n| n.value) as usize;
        if items.len() < 2 || items.len() == expected {
            continue;
        }
        let numbers: Vec<u64> = items.iter().filter_map(|i| i.number).collect();
        let repeated = numbers
            .windows(2)
            .find(|w| w[0] == w[1])
            .map(|w| format!("; the number {} is used twice", w[0]))
            .unwrap_or_default();
        let written = cx.text(count.span);
        let first = items.first().map(|i| i.line);
        let last = items.last().map(|i| i.line);
        let mut related = Vec::new();
        if let Some(first) = first {
            related.push(Label::new(first, "first item"));
        }
        if let Some(last) = last {
            related.push(Label::new(last, format!("item {}", items.len())));
        }
        out.emit(
            format!(
                "`{written}` announces {expected}, but the list under it has {} items{repeated}",
                items.len()
            ),
            Label::new(count.span, format!("{expected} announced")),
            related,
            Some(format!(
                "make the list {expected} items long, or say {} in the heading",
                items.len()
            )),
        );
    }
}
