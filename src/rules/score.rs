//! `score-mismatch`: a match report whose body gives a score that the final score of its
//! headline cannot have passed through.
//!
//! A headline of the form `Harbour City 27-24 Vale Rovers` states the final score. Points are
//! never taken away, so every score reached during the match is at most the final score
//! on each side: `27-27` cannot occur in a match that ended 27-24. The order of the two
//! sides is not known from the prose (`22-6 down`), so a body score fits when its higher
//! side is at most the final's higher side and its lower side at most the final's lower
//! side.

use super::{Context, Emitter};
use crate::document::BlockKind;
use crate::figure::{Figure, Kind, Value};
use crate::finding::Label;

/// Sentences about other matches or other totals, whose scores the final does not bound.
const OTHER_MATCH_WORDS: &[&str] = &[
    "aggregate",
    "leg",
    "season",
    "last year",
    "previous",
    "meeting",
    "fixture",
    "series",
    "record",
    "last time",
    "earlier this",
    "reverse",
    "won the",
];

/// A score's two sides, higher first.
fn sides(f: &Figure) -> Option<(u32, u32)> {
    match f.value {
        Value::Score(a, b) => Some((a.max(b), a.min(b))),
        _ => None,
    }
}

/// The headline's final score: a score between two names in the first heading.
fn headline_score<'a>(cx: &Context<'a>) -> Option<&'a Figure> {
    let heading = cx
        .doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading)?;
    let mut scores = cx
        .figures
        .iter()
        .filter(|f| f.kind == Kind::Score && heading.span.contains(f.span));
    let score = scores.next()?;
    if scores.next().is_some() {
        return None;
    }
    let before = cx.doc.prose[heading.span.start..score.span.start].trim_end();
    let after = cx.doc.prose[score.span.end..heading.span.end].trim_start();
    let named = |word: Option<&str>| {
        word.is_some_and(|w| w.starts_with(|c: char| c.is_alphabetic() && c.is_uppercase()))
    };
    (named(before.rsplit(' ').next()) && named(after.split(' ').next())).then_some(score)
}

/// Report body scores that the headline's final score cannot have passed through.
pub fn score_mismatch(cx: &Context<'_>, out: &mut Emitter) {
    let Some(final_score) = headline_score(cx) else {
        return;
    };
    let Some((high, low)) = sides(final_score) else {
        return;
    };
    let final_text = cx.text(final_score.span);
    for f in cx
        .figures
        .iter()
        .filter(|f| f.span.start >= final_score.span.end)
    {
        let Some((a, b)) = sides(f) else { continue };
        if a <= high && b <= low {
            continue;
        }
        let sentence = cx
            .sentence_at(f.span.start)
            .map_or("", |s| &cx.doc.prose[s.start..s.end])
            .to_ascii_lowercase();
        let other_match = OTHER_MATCH_WORDS.iter().any(|w| sentence.contains(w))
            || cx
                .sentence_figures_of(f)
                .any(|j| matches!(cx.figures[j].kind, Kind::Year | Kind::Date));
        if other_match {
            continue;
        }
        let text = cx.text(f.span);
        out.emit(
            format!(
                "the headline gives the final score as {final_text}, but the report reaches {text}, which no match ending {final_text} can pass through"
            ),
            Label::new(f.span, format!("{text} here")),
            vec![Label::new(final_score.span, format!("final score: {final_text}"))],
            Some(format!(
                "scores only go up: every score of a match ending {final_text} is at most {high} and {low} on each side; check the headline score or this one"
            )),
        );
    }
}
