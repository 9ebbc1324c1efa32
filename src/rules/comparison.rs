//! `comparison-mismatch`: a comparative word (`higher`, `fewer`, `more people than`)
//! that the figures it compares contradict.
//!
//! Two shapes are read:
//!
//! * `A ... more/fewer/higher/lower ... than ... B`: the compared value is the figure
//!   right before the comparative in the sentence or, when the sentence has none, the
//!   one figure of the neighbouring sentences that counts the same thing as `B`
//!   (`deaths totalled 96` and `At 88 deaths`);
//! * `In 2023 the share was lower, at 31.3%`: no `than`, so the comparison is with the
//!   one figure of the same kind in the sentence before.

use super::math::show;
use super::{Context, Emitter};
use crate::figure::{Approx, Figure, Kind};
use crate::finding::Label;
use crate::span::Span;

const MORE: &[&str] = &["more", "higher", "greater", "larger", "bigger"];
const LESS: &[&str] = &["fewer", "less", "lower", "smaller"];

/// Words after `than` that make the other side an expectation, not a stated figure
/// (`higher than expected, at 5%`).
const NOT_A_COMPARAND: &[&str] = &[
    "ever",
    "expected",
    "forecast",
    "forecasts",
    "predicted",
    "estimated",
    "thought",
    "anticipated",
    "hoped",
    "planned",
    "usual",
    "average",
    "normal",
    "before",
    "previously",
    "feared",
    "target",
    "targeted",
    "budgeted",
];

/// Verbs that tie a noun to the number after them (`deaths totalled 96`).
const LINKING_VERBS: &[&str] = &[
    "totalled", "totaled", "numbered", "reached", "were", "was", "stood",
];

/// A word of the prose with its byte span.
struct Word<'a> {
    text: &'a str,
    span: Span,
}

/// The ASCII-alphabetic words of `cx.doc.prose[range]`, with their spans.
fn words_in<'a>(cx: &Context<'a>, range: Span) -> Vec<Word<'a>> {
    let text = &cx.doc.prose[range.start..range.end];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let letter = c.is_ascii_alphabetic() || (c == '\'' && start.is_some());
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    text: &cx.doc.text[range.start + s..range.start + i],
                    span: Span::new(range.start + s, range.start + i),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The comparative that says the other order.
fn opposite(word: &str) -> &'static str {
    match word {
        "more" => "fewer (or less)",
        "higher" => "lower",
        "greater" | "larger" | "bigger" => "smaller",
        "fewer" | "less" => "more",
        "lower" => "higher",
        _ => "larger",
    }
}

/// The claimed order of a comparative word: `Some(true)` for "more", `Some(false)` for
/// "less".
fn claims_more(word: &str) -> Option<bool> {
    let is = |w: &&str| w.eq_ignore_ascii_case(word);
    if MORE.iter().any(is) {
        Some(true)
    } else if LESS.iter().any(is) {
        Some(false)
    } else {
        None
    }
}

/// Figures that can be ordered against each other: same kind, currency and unit (a
/// missing unit on one side is allowed for counts, whose noun may stand before them).
fn comparable(a: &Figure, b: &Figure) -> bool {
    let units_agree = match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => singular(head_noun(x)).eq_ignore_ascii_case(singular(head_noun(y))),
        _ => a.kind == Kind::Count,
    };
    a.kind == b.kind
        && matches!(
            a.kind,
            Kind::Count | Kind::Money | Kind::Percent | Kind::Quantity
        )
        && a.of.is_none()
        && b.of.is_none()
        && a.currency == b.currency
        && units_agree
        && a.number().is_some()
        && b.number().is_some()
}

/// The last word of a unit (`new stations` counts `stations`).
fn head_noun(unit: &str) -> &str {
    unit.split_whitespace().last().unwrap_or(unit)
}

fn singular(word: &str) -> &str {
    word.strip_suffix('s').unwrap_or(word)
}

/// What a count counts: its unit noun, or the noun before a linking verb right before it
/// (`deaths totalled 96`).
fn counted_noun(cx: &Context<'_>, f: &Figure) -> Option<String> {
    if let Some(unit) = &f.unit {
        return Some(head_noun(unit))
            .filter(|u| u.chars().all(|c| c.is_ascii_alphabetic()))
            .map(|u| singular(&u.to_ascii_lowercase()).to_string());
    }
    let start = f.approx_span.map_or(f.span.start, |s| s.start);
    let sentence = cx.sentence_at(f.span.start)?;
    let before = words_in(cx, Span::new(sentence.start, start));
    let gap = cx.prose(Span::new(before.last()?.span.end, start));
    if gap.chars().any(|c| !c.is_whitespace()) {
        return None;
    }
    let n = before.len();
    let verb_at = if before[n - 1].text.eq_ignore_ascii_case("at") && n >= 2 {
        n - 2
    } else {
        n - 1
    };
    let verb = before[verb_at].text.to_ascii_lowercase();
    if !LINKING_VERBS.contains(&verb.as_str()) || verb_at == 0 {
        return None;
    }
    let noun = before[verb_at - 1].text.to_ascii_lowercase();
    Some(singular(&noun).to_string())
}

/// The figures inside sentence `index`.
fn figures_of_sentence<'a>(cx: &Context<'a>, index: usize) -> &'a [Figure] {
    let Some(s) = cx.doc.sentences.get(index) else {
        return &[];
    };
    let from = cx.figures.partition_point(|f| f.span.start < s.start);
    let to = cx.figures.partition_point(|f| f.span.start < s.end);
    &cx.figures[from..to]
}

/// True when `value` is beyond the written rounding on the wrong side of `other` for
/// the claimed order.
fn contradicts(value: &Figure, other: &Figure, more: bool) -> bool {
    let (Some(v), Some(o)) = (value.number(), other.number()) else {
        return false;
    };
    let (vlo, vhi) = v.interval();
    let (olo, ohi) = o.interval();
    if more {
        // "more than": only a value stated as exact or as an upper bound can be shown
        // too small.
        matches!(
            value.approx,
            Approx::Exact | Approx::AtMost | Approx::LessThan
        ) && matches!(
            other.approx,
            Approx::Exact | Approx::AtLeast | Approx::MoreThan
        ) && vhi <= olo
    } else {
        matches!(
            value.approx,
            Approx::Exact | Approx::AtLeast | Approx::MoreThan
        ) && matches!(
            other.approx,
            Approx::Exact | Approx::AtMost | Approx::LessThan
        ) && vlo >= ohi
    }
}

fn report(
    cx: &Context<'_>,
    out: &mut Emitter,
    comparative: &Word<'_>,
    value: &Figure,
    other: &Figure,
    more: bool,
) {
    let (v, o) = (
        value.number().map_or(0.0, |n| n.value),
        other.number().map_or(0.0, |n| n.value),
    );
    let relation = if v > o {
        "above"
    } else if v < o {
        "below"
    } else {
        "the same as"
    };
    let word = comparative.text;
    let value_text = cx.text(value.span);
    let other_text = cx.text(other.span);
    out.emit(
        format!(
            "\"{word}\" is claimed, but {value_text} is {relation} {other_text} ({} against {})",
            show(v),
            show(o)
        ),
        Label::new(
            value.span,
            format!("{value_text} is {relation} {other_text}"),
        ),
        vec![
            Label::new(
                comparative.span,
                format!("claims {}", if more { "more" } else { "less" }),
            ),
            Label::new(other.span, "compared with this"),
        ],
        Some(format!(
            "check both figures, or say \"{}\"",
            opposite(&word.to_ascii_lowercase())
        )),
    );
}

/// `more people than ... when deaths totalled 96` beside `At 88 deaths`; `turnout of 55%
/// was higher than the 62% of 2019`.
fn explicit_than(cx: &Context<'_>, out: &mut Emitter, sentence_index_: usize, sentence: Span) {
    let words = words_in(cx, sentence);
    let figures = figures_of_sentence(cx, sentence_index_);
    for (k, w) in words.iter().enumerate() {
        let Some(more) = claims_more(w.text) else {
            continue;
        };
        // "no more than", "not higher than": a bound, not an order.
        if k > 0 && ["no", "not", "nor"].contains(&words[k - 1].text.to_ascii_lowercase().as_str())
        {
            continue;
        }
        let Some(than) = words[k + 1..]
            .iter()
            .take(4)
            .position(|x| x.text.eq_ignore_ascii_case("than"))
            .map(|p| k + 1 + p)
        else {
            continue;
        };
        // No figure may stand between the comparative and `than` ("more than 30%").
        if figures
            .iter()
            .any(|f| f.span.start >= w.span.end && f.span.start < words[than].span.start)
        {
            continue;
        }
        let Some(other) = figures.iter().find(|f| f.span.start > words[than].span.end) else {
            continue;
        };
        let between: Vec<&Word<'_>> = words[than + 1..]
            .iter()
            .take_while(|x| x.span.end <= other.approx_span.map_or(other.span.start, |s| s.start))
            .collect();
        // "more than 96" is a bound on 96, not a comparison with it.
        if between.is_empty()
            || between.len() > 16
            || between.iter().any(|x| {
                let x = x.text.to_ascii_lowercase();
                // "3% more than in May and 21% more than ...": a second clause.
                NOT_A_COMPARAND.contains(&x.as_str()) || x == "and" || x == "or"
            })
        {
            continue;
        }
        let before: Vec<&Figure> = figures
            .iter()
            .filter(|f| f.span.end <= w.span.start)
            .collect();
        let value = match before.last() {
            // The compared figure stands a few words before the comparative.
            Some(f) => {
                let gap = words
                    .iter()
                    .filter(|x| x.span.start >= f.span.end && x.span.end <= w.span.start)
                    .count();
                // "3% more than": the figure is the difference, not a compared value.
                let difference =
                    gap == 0 && !cx.prose(Span::new(f.span.end, w.span.start)).contains(',');
                if gap > 4 || difference || !comparable(f, other) {
                    continue;
                }
                *f
            }
            None => match neighbour_with_same_noun(cx, sentence_index_, other) {
                Some(f) => f,
                None => continue,
            },
        };
        if comparable(value, other) && contradicts(value, other, more) {
            report(cx, out, w, value, other, more);
        }
    }
}

/// The one figure of the sentences around `index` that counts the same noun as `other`
/// (`At 88 deaths` for `deaths totalled 96`), if there is exactly one value.
fn neighbour_with_same_noun<'a>(
    cx: &Context<'a>,
    index: usize,
    other: &Figure,
) -> Option<&'a Figure> {
    let noun = counted_noun(cx, other)?;
    let lo = index.saturating_sub(1);
    let hi = index + 1;
    let mut found: Option<&'a Figure> = None;
    for s in lo..=hi {
        if s == index {
            continue;
        }
        for f in figures_of_sentence(cx, s) {
            if f.kind == other.kind
                && f.of.is_none()
                && counted_noun(cx, f).as_deref() == Some(noun.as_str())
            {
                match found {
                    Some(g) if g.number() != f.number() => return None,
                    _ => found = Some(f),
                }
            }
        }
    }
    found
}

/// `In 2023 the share was a little lower, at 31.3%` after a sentence giving 30.8%.
fn implicit_previous(cx: &Context<'_>, out: &mut Emitter, index: usize, sentence: Span) {
    let words = words_in(cx, sentence);
    if words.iter().any(|w| w.text.eq_ignore_ascii_case("than")) || index == 0 {
        return;
    }
    let figures = figures_of_sentence(cx, index);
    for value in figures {
        let start = value.approx_span.map_or(value.span.start, |s| s.start);
        let before: Vec<&Word<'_>> = words.iter().filter(|w| w.span.end <= start).collect();
        let n = before.len();
        if n < 2 || !before[n - 1].text.eq_ignore_ascii_case("at") {
            continue;
        }
        let Some(more) = claims_more(before[n - 2].text) else {
            continue;
        };
        // Only punctuation between the comparative and `at`, and nothing but `at` before
        // the figure.
        let between = cx.prose(Span::new(before[n - 2].span.end, before[n - 1].span.start));
        let after_at = cx.prose(Span::new(before[n - 1].span.end, start));
        if between.chars().any(|c| !(c.is_whitespace() || c == ','))
            || after_at.chars().any(|c| !c.is_whitespace())
        {
            continue;
        }
        let mut candidates = figures_of_sentence(cx, index - 1)
            .iter()
            .filter(|f| comparable(f, value) && f.unit == value.unit);
        let (Some(other), None) = (candidates.next(), candidates.next()) else {
            continue;
        };
        if contradicts(value, other, more) {
            report(cx, out, before[n - 2], value, other, more);
        }
    }
}

/// Report comparatives that their own figures contradict.
pub fn comparison_mismatch(cx: &Context<'_>, out: &mut Emitter) {
    for (index, &sentence) in cx.doc.sentences.iter().enumerate() {
        // Cheap tests first: most sentences hold no comparative at all, and sentences
        // beyond a few kilobytes are tables or run-on text, not comparisons.
        let text = &cx.doc.prose[sentence.start..sentence.end];
        if text.len() > MAX_SENTENCE
            || figures_of_sentence(cx, index).is_empty()
            || !COMPARATIVE_STEMS.iter().any(|stem| text.contains(stem))
        {
            continue;
        }
        if text.contains("than") || text.contains("Than") {
            explicit_than(cx, out, index, sentence);
        } else if text.contains(" at ") {
            implicit_previous(cx, out, index, sentence);
        }
    }
}

/// Sentences longer than this many bytes are not read for comparisons.
const MAX_SENTENCE: usize = 4096;

/// Lower-case pieces of every comparative word, for a quick test of a sentence.
const COMPARATIVE_STEMS: &[&str] = &[
    "ore", "igher", "reater", "arger", "igger", "ewer", "ess", "ower", "maller",
];
