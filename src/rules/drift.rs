//! `figure-drift`: the same quantity restated with another value.
//!
//! Two conservative shapes, within one paragraph or between a heading and its text:
//! * a scale slip: the same digits with scales a thousand apart for the same currency or
//!   unit (`$4.7 million` and later `$4.7 billion`);
//! * a transposition: two adjacent digits swapped (`$330 million` and `$303 million`);
//!
//! A restatement of the same counted thing with another value (`across four states`,
//! later `across 9 states`) needs to know that both name the same thing; plain word
//! matching flagged too many lists in real text, so it is left for the claims layer.
//! Equal digits can still be two quantities, so the rule reports at `info`.

use super::math::show;
use super::{Context, Emitter};
use crate::document::BlockKind;
use crate::figure::{Figure, Kind};
use crate::finding::Label;

/// What a figure measures: its kind with currency or unit; `None` for other figures.
fn measure(f: &Figure) -> Option<(Kind, String)> {
    if f.approx.is_approx() || f.of.is_some() {
        return None;
    }
    match f.kind {
        Kind::Money => Some((Kind::Money, f.currency?.to_owned())),
        Kind::Count | Kind::Quantity => Some((f.kind, f.unit.as_deref()?.to_ascii_lowercase())),
        _ => None,
    }
}

/// The digits of the written mantissa (`$4.7 billion` gives "47") and the scale factor.
fn mantissa(cx: &Context<'_>, f: &Figure) -> Option<(String, f64)> {
    let n = f.number()?;
    let text = cx.text(f.span);
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let written: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let written = written.trim_end_matches(['.', ',']);
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let value: f64 = written.replace(',', "").parse().ok()?;
    let scale = if value > 0.0 {
        (n.value / value).round()
    } else {
        1.0
    };
    Some((digits, scale))
}

fn adjacent_swap(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a == b || a.len() < 3 {
        return false;
    }
    let diffs: Vec<usize> = a
        .bytes()
        .zip(b.bytes())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, _)| i)
        .collect();
    diffs.len() == 2
        && diffs[1] == diffs[0] + 1
        && a.as_bytes()[diffs[0]] == b.as_bytes()[diffs[1]]
        && a.as_bytes()[diffs[1]] == b.as_bytes()[diffs[0]]
}

/// Report `later` as a restatement of `earlier` with another value.
fn report(cx: &Context<'_>, out: &mut Emitter, earlier: &Figure, later: &Figure, why: &str) {
    out.emit(
        format!(
            "{} restates {} with another value ({why})",
            cx.text(later.span),
            cx.text(earlier.span)
        ),
        Label::new(
            later.span,
            format!("{} here", show(later.number().map_or(0.0, |n| n.value))),
        ),
        vec![Label::new(
            earlier.span,
            format!(
                "{} earlier",
                show(earlier.number().map_or(0.0, |n| n.value))
            ),
        )],
        Some("if these are the same quantity, one of them is wrong".into()),
    );
}

/// The figure-drift checks. Figures are bucketed by what they measure and by their
/// digits or leading words, so the cost stays near linear in the number of figures.
pub fn figure_drift(cx: &Context<'_>, out: &mut Emitter) {
    use std::collections::HashMap;
    let figures = cx.figures;
    // Slips and transpositions keep their digits: same measure, same sorted digits.
    let mut by_digits: HashMap<(Kind, String, String), Vec<usize>> = HashMap::new();
    let mut reported = std::collections::HashSet::new();
    for (j, later) in figures.iter().enumerate() {
        let Some((kind, unit)) = measure(later) else {
            continue;
        };
        let Some(b) = later.number() else { continue };
        let mut check =
            |earlier: &Figure,
             why: &'static str,
             reported: &mut std::collections::HashSet<crate::Span>| {
                let Some(a) = earlier.number() else { return };
                if a.interval().1 >= b.interval().0 && b.interval().1 >= a.interval().0 {
                    return; // the same value
                }
                if reported.insert(later.span) {
                    report(cx, out, earlier, later, why);
                }
            };
        if let Some((digits, scale)) = mantissa(cx, later) {
            let mut sorted: Vec<char> = digits.chars().collect();
            sorted.sort_unstable();
            let key = (kind, unit.clone(), sorted.into_iter().collect::<String>());
            let bucket = by_digits.entry(key).or_default();
            // A bounded look-back keeps a pathological repetition linear.
            for &i in bucket.iter().rev().take(16) {
                let earlier = &figures[i];
                // A slip is corrected within one paragraph, or between a heading and its
                // text; further apart, equal digits are more often two quantities.
                let (block_a, block_b) = (
                    cx.doc.block_at(earlier.span.start),
                    cx.doc.block_at(later.span.start),
                );
                let heading = block_a.is_some_and(|b| cx.doc.blocks[b].kind == BlockKind::Heading);
                if block_a != block_b && !heading {
                    continue;
                }
                let Some((earlier_digits, earlier_scale)) = mantissa(cx, earlier) else {
                    continue;
                };
                if earlier_digits == digits
                    && digits.len() >= 2
                    && (earlier_scale / scale == 1000.0 || scale / earlier_scale == 1000.0)
                {
                    check(earlier, "a scale slip?", &mut reported);
                } else if earlier_scale == scale
                    && adjacent_swap(&earlier_digits, &digits)
                    // "$52,000,000" and "$25,000,000" are round sums, not a typo.
                    && !digits.ends_with("000")
                {
                    check(earlier, "transposed digits?", &mut reported);
                }
            }
            bucket.push(j);
        }
    }
}
