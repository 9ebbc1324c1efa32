//! `figure-drift`: the same quantity restated with another value.
//!
//! Three conservative shapes:
//! * a scale slip: the same digits with scales a thousand apart for the same currency or
//!   unit (`$4.7 million` and later `$4.7 billion`);
//! * a transposition: two adjacent digits swapped (`$330 million` and `$303 million`);
//! * a restatement: the same counted noun after the same two words (`across four states`
//!   and later `across 9 states`) with another value, in another sentence.

use super::math::show;
use super::{Context, Emitter};
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

/// The two lower-cased words before a figure, within its sentence.
fn two_words_before(cx: &Context<'_>, f: &Figure) -> Option<String> {
    let before = cx.before_in_sentence(f.span.start);
    if before.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<String> = before
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.len() < 2 {
        return None;
    }
    let last = &words[words.len() - 2..];
    // Comparisons and changes put two values of one quantity side by side on purpose.
    let comparing = [
        "from", "to", "than", "versus", "vs", "against", "and", "or", "between", "with", "of",
        "by", "at",
    ];
    if comparing.contains(&last[1].as_str()) && comparing.contains(&last[0].as_str()) {
        return None;
    }
    if [
        "from", "to", "than", "versus", "vs", "against", "and", "or", "between",
    ]
    .contains(&last[1].as_str())
    {
        return None;
    }
    Some(last.join(" "))
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

/// The figure-drift checks.
pub fn figure_drift(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    let mut reported = Vec::new();
    for (j, later) in figures.iter().enumerate() {
        let Some(measure_later) = measure(later) else {
            continue;
        };
        for earlier in &figures[..j] {
            if measure(earlier).as_ref() != Some(&measure_later) {
                continue;
            }
            let same_sentence =
                cx.sentence_at(earlier.span.start) == cx.sentence_at(later.span.start);
            let (Some(a), Some(b)) = (earlier.number(), later.number()) else {
                continue;
            };
            if a.interval().1 >= b.interval().0 && b.interval().1 >= a.interval().0 {
                continue; // the same value
            }
            let why = match (mantissa(cx, earlier), mantissa(cx, later)) {
                (Some((da, sa)), Some((db, sb)))
                    if da == db && da.len() >= 2 && (sa / sb == 1000.0 || sb / sa == 1000.0) =>
                {
                    Some("a scale slip?")
                }
                (Some((da, sa)), Some((db, sb))) if sa == sb && adjacent_swap(&da, &db) => {
                    Some("transposed digits?")
                }
                _ => None,
            };
            let why = why.or_else(|| {
                let (wa, wb) = (two_words_before(cx, earlier)?, two_words_before(cx, later)?);
                (wa == wb && earlier.kind == Kind::Count && !same_sentence)
                    .then_some("the same words introduce both")
            });
            if let Some(why) = why
                && !reported.contains(&later.span)
            {
                reported.push(later.span);
                report(cx, out, earlier, later, why);
            }
        }
    }
}
