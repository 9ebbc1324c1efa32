//! Changes between two values and the figures that describe them: `change-mismatch`,
//! `multiplier-mismatch`, `points-vs-percent`.
//!
//! Within one sentence, a change is read from its markers: the start value after `from`,
//! `against` or `compared with`; the end value after `to`, `at` or `reached`; and the
//! change itself after a change word (`rose 20%`, `an increase of 20%`, `up by 2
//! points`) or as a multiplier (`doubled`, `three times`).

use super::math::{show, show_scaled};
use super::{Context, Emitter};
use crate::figure::{Approx, Figure, Kind, Number};
use crate::finding::Label;

const START_MARKERS: &[&str] = &[
    "from",
    "against",
    "compared with",
    "compared to",
    "versus",
    "vs",
];
const END_MARKERS: &[&str] = &["to", "at", "reached", "hit"];
const RISE_WORDS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "up",
    "increase",
    "increased",
    "increases",
    "grew",
    "grow",
    "grows",
    "growth",
    "gain",
    "gained",
    "gains",
    "climbed",
    "climb",
    "climbing",
    "increasing",
    "growing",
    "jumped",
    "jump",
    "surged",
    "soared",
];
const FALL_WORDS: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "down",
    "decrease",
    "decreased",
    "decline",
    "declined",
    "declining",
    "dropping",
    "dropped",
    "drop",
    "drops",
    "cut",
    "cuts",
    "reduction",
    "reduced",
    "shrank",
    "slipped",
    "plunged",
    "slumped",
];

/// The direction a change word states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    Rise,
    Fall,
}

impl Direction {
    /// `a rise` or `a fall`, for messages.
    fn as_change(self) -> &'static str {
        match self {
            Direction::Rise => "a rise",
            Direction::Fall => "a fall",
        }
    }
}

/// The figures that are a start, an end or (with `stated`) the stated size of a from/to
/// change: the other checks leave them to `change-mismatch`.
fn figures_in_changes(cx: &Context<'_>, stated: bool) -> std::collections::HashSet<crate::Span> {
    let all_changes = changes(cx);
    all_changes
        .iter()
        .flat_map(|c| [c.start.span, c.end.span])
        .chain(
            all_changes
                .iter()
                .filter_map(|c| c.stated.filter(|_| stated).map(|(f, _)| f.span)),
        )
        .collect()
}

/// The words of `text` in order, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether the prose right before a figure (approximation words excluded) ends with one
/// of the marker phrases.
fn preceded_by(cx: &Context<'_>, f: &Figure, markers: &[&str]) -> bool {
    let start = f.approx_span.map_or(f.span.start, |s| s.start);
    let before = cx.before_in_sentence(start).trim_end().as_bytes();
    // Markers are ASCII: compare the end of the sentence so far without copying it.
    markers.iter().any(|m| {
        before.len() >= m.len()
            && before[before.len() - m.len()..].eq_ignore_ascii_case(m.as_bytes())
            && before[..before.len() - m.len()]
                .last()
                .is_none_or(|c| !c.is_ascii_alphabetic())
    })
}

/// `on last year, when 27.2%`: a start value named by the year it belongs to.
fn after_last_year_when(cx: &Context<'_>, f: &Figure) -> bool {
    let start = f.approx_span.map_or(f.span.start, |s| s.start);
    let before = cx.before_in_sentence(start).trim_end().to_ascii_lowercase();
    let Some(head) = before.strip_suffix("when") else {
        return false;
    };
    let head = head.trim_end().trim_end_matches(',').trim_end();
    [
        "last year",
        "a year earlier",
        "a year ago",
        "the year before",
        "the previous year",
    ]
    .iter()
    .any(|p| head.ends_with(p))
}

/// The change direction stated by the word(s) right before a figure, if any.
pub(super) fn direction_before(cx: &Context<'_>, f: &Figure, reach: usize) -> Option<Direction> {
    let start = f.approx_span.map_or(f.span.start, |s| s.start);
    let before = cx.before_in_sentence(start);
    // Only the words since the previous number count: "rose 2% from 4% to 6%" gives the
    // direction to 2%, not to 6%.
    let since_number = &before[before
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(0, |i| i + 1)..];
    let recent: Vec<String> = words(since_number).into_iter().rev().take(reach).collect();
    for (k, w) in recent.iter().enumerate() {
        // "up 5%" and "down by 2 points", but not "making up 4.5 percent of".
        let adverb = w == "up" || w == "down";
        if adverb && !(k == 0 || (k == 1 && recent[0] == "by")) {
            continue;
        }
        // "making up", "set up", "broke down": a verb before the adverb is no change word.
        if adverb
            && recent.get(k + 1).is_some_and(|v| {
                [
                    "making", "make", "makes", "made", "set", "sets", "broke", "break", "breaks",
                    "added", "adds", "add",
                ]
                .contains(&v.as_str())
            })
        {
            continue;
        }
        if RISE_WORDS.contains(&w.as_str()) {
            return Some(Direction::Rise);
        }
        if FALL_WORDS.contains(&w.as_str()) {
            return Some(Direction::Fall);
        }
    }
    None
}

/// Figures of a kind two values of one quantity can have.
fn comparable(a: &Figure, b: &Figure) -> bool {
    a.kind == b.kind
        && matches!(
            a.kind,
            Kind::Count | Kind::Money | Kind::Percent | Kind::Quantity
        )
        && a.currency == b.currency
        && (a.kind != Kind::Quantity || a.unit == b.unit)
        && !a.approx.is_approx()
        && !b.approx.is_approx()
}

/// A change read from one sentence.
pub(super) struct Change<'a> {
    start: &'a Figure,
    end: &'a Figure,
    /// The stated change and the direction its words give, if any.
    stated: Option<(&'a Figure, Option<Direction>)>,
    /// The direction word before the start/end pair (`rose from 62% to 55%`).
    direction: Option<Direction>,
}

/// Every from/to change in the document.
/// Every from/to change in the document, computed once and shared by the rules.
fn changes<'c, 'a>(cx: &'c Context<'a>) -> &'c [Change<'a>] {
    cx.changes.get_or_init(|| find_changes(cx))
}

fn find_changes<'a>(cx: &Context<'a>) -> Vec<Change<'a>> {
    let figures = cx.figures;
    let mut found: Vec<Change<'a>> = Vec::new();
    // Changes by the first figure index of their sentence, to pair stated changes fast.
    let mut by_sentence: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, start) in figures.iter().enumerate() {
        let after_last_year = after_last_year_when(cx, start);
        let marked = preceded_by(cx, start, START_MARKERS) || after_last_year;
        let coordinated = if marked {
            None
        } else {
            coordinated_end(cx, i, false)
        };
        if !marked && coordinated.is_none() {
            continue;
        }
        let sentence = cx.sentence_figures(i);
        // "from A to B": the figure right after the start, joined by "to", wins; else the
        // nearest end-marked figure ("to B, from A").
        let adjacent = figures.get(i + 1).filter(|f| {
            comparable(start, f)
                && cx
                    .prose(crate::Span::new(
                        start.span.end,
                        f.span.start.max(start.span.end),
                    ))
                    .trim()
                    == "to"
        });
        let end = adjacent.or_else(|| {
            sentence
                .clone()
                .filter(|&j| {
                    j != i
                        && comparable(start, &figures[j])
                        && preceded_by(cx, &figures[j], END_MARKERS)
                })
                .min_by_key(|&j| j.abs_diff(i))
                .map(|j| &figures[j])
        });
        // "(27.8%) ... on last year, when 27.2% did": the other value of the sentence.
        let end = end.or_else(|| {
            after_last_year
                .then(|| {
                    sentence.clone().rev().map(|j| &figures[j]).find(|f| {
                        f.span.end <= start.span.start
                            && comparable(start, f)
                            && direction_before(cx, f, 3).is_none()
                    })
                })
                .flatten()
        });
        // "(27 per cent), up from 26.7 per cent": the value just before the start, joined
        // by a direction word and `from`, is the end.
        let joined_before = |f: &&'a Figure| {
            let gap = cx
                .prose(crate::Span::new(
                    f.span.end,
                    start
                        .approx_span
                        .map_or(start.span.start, |s| s.start)
                        .max(f.span.end),
                ))
                .trim()
                .to_ascii_lowercase();
            // A short noun after the value may stand before the comma (`25 per cent of
            // entries, up from`).
            let (head, tail) = gap.rsplit_once(',').unwrap_or(("", gap.as_str()));
            let head = head.trim().trim_end_matches(')');
            if head.split_whitespace().count() > 3 || head.contains(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let direction = match tail.trim() {
                "up from" | "rising from" | "climbing from" => Some(Direction::Rise),
                "down from" | "falling from" | "dropping from" => Some(Direction::Fall),
                _ => None,
            };
            direction.filter(|_| comparable(start, f))
        };
        let joined = i.checked_sub(1).and_then(|k| {
            let f = &figures[k];
            (cx.sentence_figures(k) == sentence)
                .then(|| joined_before(&f).map(|d| (f, d)))
                .flatten()
        });
        // The value right before `, up from` is the end whatever else the sentence has.
        let end = joined.map(|(f, _)| f).or(end);
        let (end, coordinated_direction) = match coordinated {
            Some((k, direction)) => (Some(&figures[k]), Some(direction)),
            None => (end, None),
        };
        let Some(end) = end else { continue };
        let pair_direction = if coordinated_direction.is_some() {
            coordinated_direction
        } else if let Some((_, direction)) = joined.filter(|(f, _)| f.span == end.span) {
            Some(direction)
        } else if start.span.start < end.span.start {
            direction_before(cx, start, 2)
        } else {
            direction_before(cx, end, 2)
        };
        by_sentence
            .entry(sentence.start)
            .or_default()
            .push(found.len());
        found.push(Change {
            start,
            end,
            stated: None,
            direction: pair_direction,
        });
    }
    // Each stated change goes to the nearest pair of its sentence that it is not part of.
    let in_pairs: std::collections::HashSet<crate::Span> = found
        .iter()
        .flat_map(|c| [c.start.span, c.end.span])
        .collect();
    for (i, f) in figures.iter().enumerate() {
        let Some(candidates) = by_sentence.get(&cx.sentence_figures(i).start) else {
            continue;
        };
        if in_pairs.contains(&f.span) {
            continue;
        }
        let direction = direction_before(cx, f, 3);
        let is_change = match f.kind {
            Kind::Ratio => f.unit.as_deref() == Some("x") && f.of.is_none(),
            Kind::Percent | Kind::PercentagePoints | Kind::Fraction => direction.is_some(),
            Kind::Money | Kind::Count | Kind::Quantity => direction_before(cx, f, 2).is_some(),
            _ => false,
        };
        if !is_change {
            continue;
        }
        // A change word far from the pair ("an increase of 41 per cent in July" after a
        // long clause) describes something else.
        let gap = |c: usize| {
            let change = &found[c];
            [change.start.span, change.end.span]
                .iter()
                .map(|s| {
                    if s.start >= f.span.end {
                        s.start - f.span.end
                    } else {
                        f.span.start.saturating_sub(s.end)
                    }
                })
                .min()
                .unwrap_or(usize::MAX)
        };
        let nearest = candidates
            .iter()
            .copied()
            .filter(|&c| gap(c) <= 60)
            .filter(|&c| {
                !matches!(f.kind, Kind::Money | Kind::Count | Kind::Quantity)
                    || comparable(found[c].start, f)
                    || (bare_points(f) && found[c].start.kind == Kind::Percent)
            })
            .min_by_key(|&c| {
                found[c]
                    .start
                    .span
                    .start
                    .min(found[c].end.span.start)
                    .abs_diff(f.span.start)
            });
        if let Some(c) = nearest
            && found[c].stated.is_none()
        {
            found[c].stated = Some((f, direction));
        }
    }
    found
}

/// Words that can stand between a value and a change of the same subject that follows it
/// in a coordinated clause: `was $124bn in 2003, and is expected to rise to $150bn`.
const COORDINATION_WORDS: &[&str] = &[
    "in",
    "for",
    "by",
    "at",
    "on",
    "during",
    "and",
    "then",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "may",
    "might",
    "be",
    "been",
    "being",
    "expected",
    "forecast",
    "projected",
    "set",
    "due",
    "likely",
    "to",
    "later",
    "since",
    "subsequently",
    "before",
    "but",
    "it",
    "they",
    "now",
];

/// For a value not marked as a start, a later value of its sentence reached by a change
/// verb of the same subject: `The deficit was $124bn in 2003, and is expected to rise to
/// about $150bn`. Only years and dates may stand between them, and only coordinating and
/// auxiliary words: a new subject (`profits rose to`) ends the clause.
/// With `approximate`, values with approximation words are let through (for the
/// direction check); otherwise both must be exact.
fn coordinated_end(cx: &Context<'_>, i: usize, approximate: bool) -> Option<(usize, Direction)> {
    let figures = cx.figures;
    let start = &figures[i];
    if !matches!(start.kind, Kind::Count | Kind::Money | Kind::Quantity) || start.of.is_some() {
        return None;
    }
    let sentence = cx.sentence_figures(i);
    // Years and dates may stand between, and the stated change (`rose 50% to`).
    let k = (i + 1..sentence.end).find(|&k| {
        let f = &figures[k];
        let stated_change = matches!(f.kind, Kind::Percent | Kind::PercentagePoints)
            && direction_before(cx, f, 1).is_some();
        !matches!(f.kind, Kind::Year | Kind::Date) && !stated_change
    })?;
    let end = &figures[k];
    let alike = if approximate {
        same_measure(start, end)
    } else {
        comparable(start, end)
    };
    if !alike || !preceded_by(cx, end, &["to"]) {
        return None;
    }
    let gap = cx.prose(crate::Span::new(
        start.span.end,
        end.approx_span
            .map_or(end.span.start, |s| s.start)
            .max(start.span.end),
    ));
    let gap_words = words(gap);
    let verb = gap_words.iter().rev().nth(1)?;
    // `up`/`down` are adverbs of other verbs (`made up to`).
    if verb == "up" || verb == "down" {
        return None;
    }
    let direction = if RISE_WORDS.contains(&verb.as_str()) {
        Direction::Rise
    } else if FALL_WORDS.contains(&verb.as_str()) {
        Direction::Fall
    } else {
        return None;
    };
    let coordinated = gap_words
        .iter()
        .any(|w| w == "and" || w == "but" || w == "then");
    let clause_words = gap_words[..gap_words.len() - 2]
        .iter()
        .all(|w| COORDINATION_WORDS.contains(&w.as_str()));
    (coordinated && clause_words).then_some((k, direction))
}

/// `12 points`: a count of points, which beside a change of percentages means percentage
/// points (elsewhere it may be an index or a score).
fn bare_points(f: &Figure) -> bool {
    f.kind == Kind::Count && f.of.is_none() && matches!(f.unit.as_deref(), Some("points" | "point"))
}

fn number(f: &Figure) -> Number {
    f.number().unwrap_or(Number::exact(0.0))
}

/// The relative change from `a` to `b` in percent, as an interval over their rounding.
fn relative_change(a: Number, b: Number) -> (f64, f64, f64) {
    let (alo, ahi) = a.interval();
    let (blo, bhi) = b.interval();
    let value = (b.value - a.value) / a.value * 100.0;
    let candidates = [
        (blo - ahi) / ahi,
        (bhi - alo) / alo,
        (blo - alo) / alo,
        (bhi - ahi) / ahi,
    ];
    let low = candidates.iter().copied().fold(f64::INFINITY, f64::min) * 100.0;
    let high = candidates.iter().copied().fold(f64::NEG_INFINITY, f64::max) * 100.0;
    (value, low, high)
}

/// Whether the stated magnitude `stated` (with its approximation) fits `[low, high]`.
fn fits(stated: &Figure, low: f64, high: f64) -> bool {
    let n = number(stated);
    let (slo, _) = n.interval();
    // Writers truncate as often as they round ("513.8%" written "513%"), so a stated
    // figure covers up to the next value of its last digit.
    let shi = n.value + n.step;
    match stated.approx {
        Approx::Exact => high >= slo && low <= shi,
        Approx::About | Approx::Vague => high >= slo * 0.9 && low <= shi * 1.1,
        Approx::Nearly => high >= slo * 0.85 && low <= shi,
        Approx::AtLeast | Approx::MoreThan => high >= slo,
        Approx::AtMost | Approx::LessThan => low <= shi,
    }
}

/// `rose 20% from 100 to 150`; `turnout rose from 62% to 55%`; `up by 6% to 670, from 655`.
pub fn change_mismatch(cx: &Context<'_>, out: &mut Emitter) {
    amount_with_percent(cx, out);
    percent_with_amount_from(cx, out);
    change_told_twice(cx, out);
    approximate_direction(cx, out);
    base_in_previous_sentence(cx, out);
    let all_changes = changes(cx);
    for change in all_changes {
        let (a, b) = (number(change.start), number(change.end));
        if a.value == 0.0 {
            continue;
        }
        let actual = if b.value > a.value {
            Direction::Rise
        } else {
            Direction::Fall
        };
        let pair = format!(
            "{} to {}",
            cx.text(change.start.span),
            cx.text(change.end.span)
        );
        let related = vec![
            Label::new(change.start.span, "from"),
            Label::new(change.end.span, "to"),
        ];
        let said_direction = change.direction.or(change.stated.and_then(|(_, d)| d));
        let clearly_apart = a.interval().1 < b.interval().0 || a.interval().0 > b.interval().1;
        if let Some(dir) = said_direction
            && clearly_apart
            && dir != actual
        {
            let name = Direction::as_change;
            let (primary, related) = match change.stated {
                Some((f, _)) => (
                    Label::new(f.span, format!("{} is stated here", name(dir))),
                    related,
                ),
                None => {
                    let relation = if actual == Direction::Rise {
                        "above"
                    } else {
                        "below"
                    };
                    let end_text = cx.text(change.end.span);
                    let start_text = cx.text(change.start.span);
                    (
                        Label::new(
                            change.end.span,
                            format!(
                                "{end_text} is {relation} {start_text}, yet {} is stated",
                                name(dir)
                            ),
                        ),
                        vec![Label::new(change.start.span, "from")],
                    )
                }
            };
            out.emit(
                format!(
                    "the words say {}, but {pair} is {}",
                    name(dir),
                    name(actual)
                ),
                primary,
                related,
                Some("check the direction word or the order of the values".into()),
            );
            continue;
        }
        let Some((stated, _)) = change.stated else {
            continue;
        };
        // `a drop of 12 points` between two percentages is in percentage points.
        let stated_kind = if bare_points(stated) && change.start.kind == Kind::Percent {
            Kind::PercentagePoints
        } else {
            stated.kind
        };
        match stated_kind {
            Kind::Percent => {
                let (value, _, _) = relative_change(a, b);
                // "from A to B, an increase of X%, and from C to D, an increase of Y%": a
                // stated change that fits another change of the sentence belongs to it.
                if relative_fits(stated, a, b) {
                    continue;
                }
                // Changes are in document order, so the sentence's are one slice of them.
                let sentence = cx.sentence_at(stated.span.start).unwrap_or(stated.span);
                let from = all_changes.partition_point(|c| c.start.span.start < sentence.start);
                let to = all_changes.partition_point(|c| c.start.span.start < sentence.end);
                if all_changes[from..to.max(from)].iter().any(|c| {
                    c.start.span != change.start.span
                        && relative_fits(stated, number(c.start), number(c.end))
                }) {
                    continue;
                }
                // Percent used where points are meant is its own rule.
                if change.start.kind == Kind::Percent && points_fit(stated, a, b) {
                    continue;
                }
                out.emit(
                    format!(
                        "{} does not match {pair}: that is a change of {}%",
                        cx.text(stated.span),
                        show(value)
                    ),
                    Label::new(stated.span, format!("{pair} is {}%", show(value))),
                    related,
                    Some(format!(
                        "a consistent change would be about {}%",
                        show(value.abs())
                    )),
                );
            }
            // `up by a fifth, from £250m to £350m`: a fraction word as the change, read
            // as loosely as fraction words are elsewhere (`a third` covers 30-37%).
            Kind::Fraction if change.start.kind != Kind::Percent && !stated.approx.is_approx() => {
                let share = number(stated).value * 100.0;
                let slack = super::math::fraction_slack(share);
                let (value, low, high) = relative_change(a, b);
                let (low, high) = (low.abs().min(high.abs()), low.abs().max(high.abs()));
                if high >= share - slack && low <= share + slack {
                    continue;
                }
                out.emit(
                    format!(
                        "`{}` does not match {pair}: that is a change of {}%",
                        cx.text(stated.span),
                        show(value)
                    ),
                    Label::new(stated.span, format!("{pair} is {}%", show(value))),
                    related,
                    Some(format!(
                        "`{}` is about {}%; the values give {}%",
                        cx.text(stated.span),
                        show(share),
                        show(value.abs())
                    )),
                );
            }
            Kind::PercentagePoints if change.start.kind == Kind::Percent => {
                if points_fit(stated, a, b) {
                    continue;
                }
                let diff = (b.value - a.value).abs();
                out.emit(
                    format!(
                        "{} does not match {pair}: that is {} points",
                        cx.text(stated.span),
                        show(diff)
                    ),
                    Label::new(
                        stated.span,
                        format!("{pair} is {} percentage points", show(diff)),
                    ),
                    related,
                    Some(format!(
                        "a consistent change would be {} percentage points",
                        show(diff)
                    )),
                );
            }
            Kind::Money | Kind::Count | Kind::Quantity => {
                let diff = (b.value - a.value).abs();
                let (low, high) = difference(a, b);
                if fits(stated, low, high) {
                    continue;
                }
                out.emit(
                    format!(
                        "{} does not match {pair}: the difference is {}",
                        cx.text(stated.span),
                        show(diff)
                    ),
                    Label::new(stated.span, format!("{pair} differs by {}", show(diff))),
                    related,
                    None,
                );
            }
            _ => {}
        }
    }
}

/// Whether a stated percent equals the difference of two percents in points.
fn points_fit(stated: &Figure, a: Number, b: Number) -> bool {
    let (low, high) = difference(a, b);
    fits(stated, low, high)
}

/// The size of the difference between `a` and `b`, as an interval over their rounding.
fn difference(a: Number, b: Number) -> (f64, f64) {
    let (alo, ahi) = a.interval();
    let (blo, bhi) = b.interval();
    let (x, y) = ((blo - ahi).abs(), (bhi - alo).abs());
    (x.min(y), x.max(y))
}

/// Whether a stated change fits the relative change from `a` to `b`, in size.
fn relative_fits(stated: &Figure, a: Number, b: Number) -> bool {
    let (_, low, high) = relative_change(a, b);
    fits(stated, low.abs().min(high.abs()), low.abs().max(high.abs()))
}

/// `unemployment rose 2% from 4% to 6%`: percent used where percentage points are meant.
pub fn points_vs_percent(cx: &Context<'_>, out: &mut Emitter) {
    for change in changes(cx) {
        let Some((stated, _)) = change.stated else {
            continue;
        };
        if stated.kind != Kind::Percent || change.start.kind != Kind::Percent {
            continue;
        }
        let (a, b) = (number(change.start), number(change.end));
        let (value, _, _) = relative_change(a, b);
        if a.value == 0.0 || !points_fit(stated, a, b) || relative_fits(stated, a, b) {
            continue;
        }
        let diff = (b.value - a.value).abs();
        let pair = format!(
            "{} to {}",
            cx.text(change.start.span),
            cx.text(change.end.span)
        );
        out.emit(
            format!(
                "{} is the difference in percentage points, not percent: {pair} is {} points, or {}%",
                cx.text(stated.span),
                show(diff),
                show(value)
            ),
            Label::new(stated.span, format!("{} points, or {}%", show(diff), show(value))),
            vec![Label::new(change.start.span, "from"), Label::new(change.end.span, "to")],
            Some(format!("write `{} percentage points`", show(diff))),
        );
        let written = cx.text(stated.span);
        if let Some(number) = ["%", " per cent", " percent", "pc"]
            .iter()
            .find_map(|suffix| written.strip_suffix(suffix))
        {
            let replacement = format!("{number} percentage points");
            out.with_fix(
                stated.span,
                replacement.clone(),
                format!("write `{replacement}`"),
            );
        }
    }
}

/// `doubled from 40 to 70`; `more than tripled, a rise of 152%`.
pub fn multiplier_mismatch(cx: &Context<'_>, out: &mut Emitter) {
    let mut seen = Vec::new();
    for change in changes(cx) {
        let Some((stated, _)) = change.stated else {
            continue;
        };
        if stated.kind != Kind::Ratio || stated.of.is_some() {
            continue;
        }
        let (a, b) = (number(change.start), number(change.end));
        if a.value <= 0.0 {
            continue;
        }
        // "doubled from 40 to 70", "almost tripled as well, from 74 to 141".
        let first = change.start.span.start.min(change.end.span.start);
        if stated.span.end > first || first - stated.span.end > 40 {
            continue;
        }
        let factor = b.value / a.value;
        if !multiplier_fits(stated, factor) {
            seen.push(stated.span);
            emit_multiplier(
                cx,
                out,
                stated,
                factor,
                format!(
                    "{} to {}",
                    cx.text(change.start.span),
                    cx.text(change.end.span)
                ),
                vec![
                    Label::new(change.start.span, "from"),
                    Label::new(change.end.span, "to"),
                ],
            );
        }
    }
    // A multiplier and a percent rise in one sentence: "more than tripled, a rise of 152%".
    for (i, m) in cx.figures.iter().enumerate() {
        if m.kind != Kind::Ratio || m.of.is_some() || seen.contains(&m.span) {
            continue;
        }
        for j in cx.same_sentence(i) {
            let p = &cx.figures[j];
            // The rise must follow the multiplier within a clause or so: "tripled since 2009, a rise of 152%".
            if p.kind != Kind::Percent
                || p.approx.is_approx()
                || p.span.start < m.span.end
                || p.span.start - m.span.end > 90
            {
                continue;
            }
            let before = words(cx.before_in_sentence(p.span.start));
            let is_rise = before
                .iter()
                .rev()
                .take(3)
                .any(|w| matches!(w.as_str(), "rise" | "increase" | "growth" | "jump"));
            if !is_rise {
                continue;
            }
            let factor = 1.0 + number(p).value / 100.0;
            if !multiplier_fits(m, factor) {
                emit_multiplier(
                    cx,
                    out,
                    m,
                    factor,
                    format!("a rise of {}", cx.text(p.span)),
                    vec![Label::new(
                        p.span,
                        format!("a factor of {}", show_factor(factor)),
                    )],
                );
            }
        }
    }
}

fn show_factor(f: f64) -> String {
    format!("{:.2}", f)
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

fn multiplier_fits(stated: &Figure, factor: f64) -> bool {
    let claimed = number(stated).value;
    let ratio = factor / claimed;
    match stated.approx {
        Approx::Exact => (0.9..=1.1).contains(&ratio),
        Approx::About | Approx::Vague => (0.85..=1.15).contains(&ratio),
        Approx::Nearly => (0.8..=1.02).contains(&ratio),
        Approx::AtLeast | Approx::MoreThan => ratio >= 0.98,
        Approx::AtMost | Approx::LessThan => ratio <= 1.02,
    }
}

fn emit_multiplier(
    cx: &Context<'_>,
    out: &mut Emitter,
    stated: &Figure,
    factor: f64,
    what: String,
    related: Vec<Label>,
) {
    let word = stated
        .approx_span
        .map_or(String::new(), |s| format!("{} ", cx.text(s)));
    out.emit(
        format!(
            "`{word}{}` does not match {what}: that is a factor of {}",
            cx.text(stated.span),
            show_factor(factor)
        ),
        Label::new(stated.span, format!("{what} is ×{}", show_factor(factor))),
        related,
        Some(format!(
            "a consistent description would be ×{} ({}% more)",
            show_factor(factor),
            show((factor - 1.0) * 100.0)
        )),
    );
}

/// Openings that point back at the previous sentence's figure (`That total was ...`).
const ANAPHORS: &[&str] = &[
    "that total",
    "the total",
    "this total",
    "that figure",
    "this figure",
    "the figure",
    "that number",
    "this number",
];
const HIGHER_WORDS: &[&str] = &["higher", "more", "up", "bigger", "larger", "greater"];
const LOWER_WORDS: &[&str] = &["lower", "less", "down", "smaller", "fewer"];

/// The value a change led to, for an amount-and-percent change (`A, or P%, higher`):
/// `to N` later in its sentence, or the one figure of the previous sentence that an
/// opening `That total` points back to.
fn level_after<'a>(
    cx: &Context<'a>,
    amount_index: usize,
    percent_index: usize,
) -> Option<&'a Figure> {
    let amount = &cx.figures[amount_index];
    let like = |f: &Figure| {
        f.kind == amount.kind
            && f.currency == amount.currency
            && f.of.is_none()
            && (f.unit.is_none() || amount.unit.is_none() || f.unit == amount.unit)
            && f.number().is_some_and(|n| n.value > number(amount).value)
    };
    let sentence = cx.sentence_figures(amount_index);
    // Only right after the pair: a later `to N` belongs to another clause.
    if let Some(end) = cx.figures.get(percent_index + 1).filter(|f| {
        sentence.contains(&(percent_index + 1)) && like(f) && preceded_by(cx, f, &["to"])
    }) {
        return Some(end);
    }
    let start = cx.sentence_at(amount.span.start)?;
    let opening = cx.doc.prose[start.start..amount.span.start].to_ascii_lowercase();
    if !ANAPHORS
        .iter()
        .any(|a| opening.trim_start().starts_with(&format!("{a} ")))
    {
        return None;
    }
    let before = sentence.start.checked_sub(1)?;
    let previous = cx.sentence_figures(before);
    let mut candidates = previous.map(|k| &cx.figures[k]).filter(|f| like(f));
    match (candidates.next(), candidates.next()) {
        (Some(f), None) => Some(f),
        _ => None,
    }
}

/// `That total was almost six million, or 14%, higher than the previous year's`, after a
/// sentence giving 133.4 million: the amount and the percent must describe one change.
pub(super) fn amount_with_percent(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    for i in 0..figures.len().saturating_sub(1) {
        let (amount, percent) = (&figures[i], &figures[i + 1]);
        if !matches!(amount.kind, Kind::Count | Kind::Money)
            || amount.of.is_some()
            || percent.kind != Kind::Percent
            || cx.sentence_figures(i) != cx.sentence_figures(i + 1)
        {
            continue;
        }
        let joint = cx
            .prose(crate::Span::new(
                amount.span.end,
                percent.approx_span.map_or(percent.span.start, |s| s.start),
            ))
            .trim()
            .to_ascii_lowercase();
        if joint != ", or" && joint != "or" {
            continue;
        }
        let after = words(cx.after_in_sentence(percent.span.end));
        // `A, or P%, higher`, else `fell by A, or P%,`.
        let rise = match after.first().map(String::as_str) {
            Some(w) if HIGHER_WORDS.contains(&w) => true,
            Some(w) if LOWER_WORDS.contains(&w) => false,
            _ => match direction_before(cx, amount, 3) {
                Some(Direction::Rise) => true,
                Some(Direction::Fall) => false,
                None => continue,
            },
        };
        let Some(level) = level_after(cx, i, i + 1) else {
            continue;
        };
        amount_percent_level(cx, out, amount, percent, level, rise);
    }
    amount_level_then_percent(cx, out);
}

/// `Revenue increased by £20m to £120m, a rise of 25%`: the amount, the level it led to,
/// then the percent (here 20% of the earlier £100m).
fn amount_level_then_percent(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    for i in 0..figures.len().saturating_sub(2) {
        let (amount, level, percent) = (&figures[i], &figures[i + 1], &figures[i + 2]);
        if !matches!(amount.kind, Kind::Count | Kind::Money)
            || amount.of.is_some()
            || percent.kind != Kind::Percent
            || percent.approx.is_approx()
            || !comparable(amount, level)
            || cx.sentence_figures(i) != cx.sentence_figures(i + 2)
            || !preceded_by(cx, amount, &["by"])
            || !preceded_by(cx, level, &["to"])
        {
            continue;
        }
        let (Some(said), Some(stated)) = (
            direction_before(cx, amount, 3),
            direction_before(cx, percent, 3),
        ) else {
            continue;
        };
        // The percent names the same change right after the level (`, a rise of 25%`).
        let gap = cx.prose(crate::Span::new(
            level.span.end,
            percent.span.start.max(level.span.end),
        ));
        if said != stated || gap.len() > 24 || gap.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        amount_percent_level(cx, out, amount, percent, level, said == Direction::Rise);
    }
}

/// Check that `percent` is `amount` over the level before a rise (or fall) that ended at
/// `level`, and report it when it is not.
fn amount_percent_level(
    cx: &Context<'_>,
    out: &mut Emitter,
    amount: &Figure,
    percent: &Figure,
    level: &Figure,
    rise: bool,
) {
    let a = number(amount);
    let n = number(level);
    let (alo, ahi) = a.interval();
    let (alo, ahi) = match amount.approx {
        Approx::Exact => (alo, ahi),
        Approx::Nearly => (a.value * 0.9, ahi),
        Approx::About | Approx::Vague => (a.value * 0.9, a.value * 1.1),
        _ => return,
    };
    let (nlo, nhi) = n.interval();
    // Base before the change: N - A after a rise, N + A after a fall.
    let (low, high) = if rise {
        (alo / (nhi - alo), ahi / (nlo - ahi))
    } else {
        (alo / (nhi + alo), ahi / (nlo + ahi))
    };
    if !(low.is_finite() && high.is_finite()) || high <= 0.0 {
        return;
    }
    let (low, high) = (low * 100.0, high * 100.0);
    if fits(percent, low, high) {
        return;
    }
    let base = if rise {
        n.value - a.value
    } else {
        n.value + a.value
    };
    let change = if rise { "rise" } else { "fall" };
    let amount_text = cx.text(crate::Span::new(
        amount.approx_span.map_or(amount.span.start, |s| s.start),
        amount.span.end,
    ));
    let level_text = cx.text(level.span);
    let mid = (low + high) / 2.0;
    out.emit(
            format!(
                "{} does not match a {change} of {amount_text} to {level_text}: that is about {}% of the earlier {}",
                cx.text(percent.span),
                show(mid),
                show_scaled(base)
            ),
            Label::new(
                percent.span,
                format!("{amount_text} of {} is about {}%", show_scaled(base), show(mid)),
            ),
            vec![
                Label::new(amount.span, format!("the {change}")),
                Label::new(level.span, "the level after it"),
            ],
            Some(format!(
                "a consistent change would be about {}%; check the amount, the percent and the level",
                show(mid)
            )),
        );
}

/// `The grant shrank by 23.9 per cent, down £2.1bn from £13.3bn`: a percent change and an
/// amount from a start value in one sentence, with no end value. The percent must be the
/// amount over the start value.
pub(super) fn percent_with_amount_from(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    let in_pairs = figures_in_changes(cx, false);
    for i in 0..figures.len().saturating_sub(1) {
        let (amount, start) = (&figures[i], &figures[i + 1]);
        if !matches!(amount.kind, Kind::Money | Kind::Count | Kind::Quantity)
            || !comparable(amount, start)
            || in_pairs.contains(&start.span)
            || cx.sentence_figures(i) != cx.sentence_figures(i + 1)
            || !preceded_by(cx, start, &["from"])
        {
            continue;
        }
        let Some(direction) = direction_before(cx, amount, 2) else {
            continue;
        };
        // The one percent change of the sentence with the same direction.
        let mut percents = cx.sentence_figures(i).filter(|&j| {
            let f = &figures[j];
            f.kind == Kind::Percent
                && !in_pairs.contains(&f.span)
                && direction_before(cx, f, 3) == Some(direction)
        });
        let (Some(p), None) = (percents.next(), percents.next()) else {
            continue;
        };
        let percent = &figures[p];
        let (d, a) = (number(amount), number(start));
        let (dlo, dhi) = d.interval();
        let (alo, ahi) = a.interval();
        if alo <= 0.0 || (direction == Direction::Fall && d.value > a.value) {
            continue;
        }
        let (low, high) = (dlo / ahi * 100.0, dhi / alo * 100.0);
        if fits(percent, low, high) {
            continue;
        }
        let value = d.value / a.value * 100.0;
        let word = if direction == Direction::Rise {
            "rise"
        } else {
            "fall"
        };
        let pair = format!("{} from {}", cx.text(amount.span), cx.text(start.span));
        out.emit(
            format!(
                "{} does not match a {word} of {pair}: that is {}%",
                cx.text(percent.span),
                show(value)
            ),
            Label::new(percent.span, format!("{pair} is {}%", show(value))),
            vec![
                Label::new(amount.span, format!("the {word}")),
                Label::new(start.span, "from"),
            ],
            Some(format!(
                "a consistent change would be about {}%, or a {word} of about {}",
                show(value),
                show_scaled(a.value * number(percent).value / 100.0)
            )),
        );
    }
}

/// Words of a clause that do not say what changed.
const NOT_SUBJECT_WORDS: &[&str] = &[
    "the",
    "and",
    "but",
    "while",
    "with",
    "its",
    "their",
    "this",
    "that",
    "these",
    "those",
    "for",
    "from",
    "into",
    "than",
    "also",
    "now",
    "still",
    "just",
    "only",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "been",
    "being",
    "will",
    "would",
    "could",
    "went",
    "moved",
    "stood",
    "came",
    "got",
    "year",
    "years",
    "last",
    "previous",
    "output",
    "production",
    "generation",
    "total",
    "level",
    "levels",
    "number",
    "numbers",
    "figure",
    "figures",
    "amount",
    "rate",
    "value",
    "volume",
    "per",
    "cent",
    "percent",
    "said",
    "says",
    "according",
    "report",
    "data",
    "show",
    "showed",
    "shows",
];

/// What a change is about: the content words of its clause before the figure (`wind` in
/// `Global electricity generation from wind grew by 12%`), or `None` when they say nothing.
fn change_subject(cx: &Context<'_>, f: &Figure) -> Option<Vec<String>> {
    let start = f.approx_span.map_or(f.span.start, |s| s.start);
    let before = cx.before_in_sentence(start);
    let clause_start = [", ", "; ", ": ", " - ", " – "]
        .iter()
        .filter_map(|p| before.rfind(p).map(|i| i + p.len()))
        .max()
        .unwrap_or(0);
    let mut subject: Vec<String> = words(&before[clause_start..])
        .into_iter()
        .filter(|w| {
            w.len() >= 3
                && !NOT_SUBJECT_WORDS.contains(&w.as_str())
                && !RISE_WORDS.contains(&w.as_str())
                && !FALL_WORDS.contains(&w.as_str())
        })
        .collect();
    subject.sort();
    subject.dedup();
    (!subject.is_empty()).then_some(subject)
}

/// `Global electricity generation from wind grew by 12% ... in 2019`, and in another
/// sentence `Wind output increased to 1,404TWh in 2019, up from 1,260TWh` (11.4%): a
/// percentage change told once as a rate and once by its two values. A change pair with
/// no stated change of its own is matched to a stated percentage elsewhere in the
/// document when the words of one's subject are all among the other's, the direction
/// agrees and the periods they name agree; only a pair with exactly one such match is
/// compared, so two regions or two products are never mixed up.
fn change_told_twice(cx: &Context<'_>, out: &mut Emitter) {
    use std::collections::HashMap;
    let all_changes = changes(cx);
    let in_pairs = figures_in_changes(cx, true);
    // Stated percentage changes, bucketed by each word of their subject.
    let mut rates: Vec<(&Figure, Direction, Vec<String>)> = Vec::new();
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for f in cx.figures {
        if f.kind != Kind::Percent
            || f.of.is_some()
            || f.high.is_some()
            || in_pairs.contains(&f.span)
        {
            continue;
        }
        if matches!(f.approx, Approx::Vague) {
            continue;
        }
        let (Some(direction), Some(subject)) = (direction_before(cx, f, 3), change_subject(cx, f))
        else {
            continue;
        };
        rates.push((f, direction, subject));
    }
    for (k, (_, _, subject)) in rates.iter().enumerate() {
        for w in subject {
            by_word.entry(w.as_str()).or_default().push(k);
        }
    }
    for change in all_changes {
        if change.stated.is_some()
            || !matches!(
                change.start.kind,
                Kind::Count | Kind::Money | Kind::Quantity
            )
        {
            continue;
        }
        let (a, b) = (number(change.start), number(change.end));
        let clearly_apart = a.interval().1 < b.interval().0 || a.interval().0 > b.interval().1;
        if a.value <= 0.0 || !clearly_apart {
            continue;
        }
        let actual = if b.value > a.value {
            Direction::Rise
        } else {
            Direction::Fall
        };
        let first = if change.start.span.start < change.end.span.start {
            change.start
        } else {
            change.end
        };
        let Some(subject) = change_subject(cx, first) else {
            continue;
        };
        let subset = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
        let pair_periods = super::drift::periods(cx, first);
        let mut candidates: Vec<usize> = subject
            .iter()
            .filter_map(|w| by_word.get(w.as_str()))
            .flatten()
            .copied()
            .filter(|&k| {
                let (rate, direction, rate_subject) = &rates[k];
                let rate_periods = super::drift::periods(cx, rate);
                *direction == actual
                    && (subset(&subject, rate_subject) || subset(rate_subject, &subject))
                    && rate_periods.iter().all(|p| pair_periods.contains(p))
            })
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let [k] = candidates[..] else { continue };
        let rate = rates[k].0;
        if relative_fits(rate, a, b) {
            continue;
        }
        let (value, _, _) = relative_change(a, b);
        let pair = format!(
            "{} to {}",
            cx.text(change.start.span),
            cx.text(change.end.span)
        );
        out.emit(
            format!(
                "{} does not match the change from {pair} given for the same thing: that is {}%",
                cx.text(rate.span),
                show(value)
            ),
            Label::new(rate.span, format!("{pair} is {}%", show(value))),
            vec![
                Label::new(change.start.span, "from"),
                Label::new(change.end.span, "to"),
            ],
            Some(format!(
                "if both describe one change, the rate would be about {}%",
                show(value.abs())
            )),
        );
    }
}

/// Two values of one measure, approximate or not: counts, money of one currency, or
/// quantities of one unit, neither a part of a whole.
fn same_measure(a: &Figure, b: &Figure) -> bool {
    a.kind == b.kind
        && matches!(a.kind, Kind::Count | Kind::Money | Kind::Quantity)
        && a.currency == b.currency
        && (a.kind != Kind::Quantity || a.unit == b.unit)
        && a.of.is_none()
        && b.of.is_none()
}

/// The interval a figure with an approximation word stands for; `None` for a vague
/// magnitude, which has no direction to check.
fn approx_interval(f: &Figure) -> Option<(f64, f64)> {
    let n = f.number().filter(|_| f.approx != Approx::Vague)?;
    Some(super::math::approx_interval(n, f.approx))
}

/// `climbing from $182 million to nearly $145 million`: a change with an approximate
/// value, which the exact checks leave out, still has a direction. It is flagged only
/// when the values are apart even with the approximation's leeway.
fn approximate_direction(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    for (i, start) in figures.iter().enumerate() {
        // `from A to B`, or `A ... and is expected to rise to B`.
        let (end, said) = if preceded_by(cx, start, &["from"]) {
            let Some(end) = figures.get(i + 1) else {
                break;
            };
            let gap = cx.prose(crate::Span::new(
                start.span.end,
                end.approx_span
                    .map_or(end.span.start, |s| s.start)
                    .max(start.span.end),
            ));
            if gap.trim() != "to" || !same_measure(start, end) {
                continue;
            }
            (end, direction_before(cx, start, 2))
        } else {
            match coordinated_end(cx, i, true) {
                Some((k, direction)) => (&figures[k], Some(direction)),
                None => continue,
            }
        };
        if !(start.approx.is_approx() || end.approx.is_approx()) {
            continue;
        }
        let (Some(said), Some((slo, shi)), Some((elo, ehi))) =
            (said, approx_interval(start), approx_interval(end))
        else {
            continue;
        };
        let actual = if elo > shi {
            Direction::Rise
        } else if ehi < slo {
            Direction::Fall
        } else {
            continue;
        };
        if actual == said {
            continue;
        }
        let name = Direction::as_change;
        let (from, to) = (cx.text(start.span), cx.text(end.span));
        out.emit(
            format!(
                "the words say {}, but {from} to {to} is {}",
                name(said),
                name(actual)
            ),
            Label::new(
                end.approx_span
                    .map_or(end.span, |s| crate::Span::new(s.start, end.span.end)),
                format!(
                    "{} {from}, yet {} is stated",
                    if actual == Direction::Rise {
                        "above"
                    } else {
                        "below"
                    },
                    name(said)
                ),
            ),
            vec![Label::new(start.span, "from")],
            Some("check the direction word or the order of the values".into()),
        );
    }
}

/// Words that refer back to the subject of the sentence before.
/// (`This year profits rose`: `this` is a determiner there, so only pronouns count.)
const BACK_REFERENCES: &[&str] = &["it", "they"];

/// `Turnout was 62% in 2019. It fell to 55% in 2023, a drop of 12 points.`: a change
/// with its end value and its size, whose start value is the one like figure of the
/// sentence before. The two are tied only when the change's subject refers back (`it`,
/// `they`) or repeats a word of the earlier sentence's subject (`Sales were ... Sales
/// rose ...`), and the earlier sentence, in the same paragraph, has exactly one figure of
/// the same measure.
fn base_in_previous_sentence(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    let in_pairs = figures_in_changes(cx, true);
    for (j, end) in figures.iter().enumerate() {
        if in_pairs.contains(&end.span)
            || end.approx.is_approx()
            || end.of.is_some()
            || !matches!(
                end.kind,
                Kind::Percent | Kind::Money | Kind::Count | Kind::Quantity
            )
            || bare_points(end)
            || !preceded_by(cx, end, &["to"])
        {
            continue;
        }
        let sentence = cx.sentence_figures(j);
        // The change's size, with a direction word, next to the end value.
        let Some(stated) = sentence.clone().map(|k| &figures[k]).find(|f| {
            f.span != end.span
                && !in_pairs.contains(&f.span)
                && !f.approx.is_approx()
                && (matches!(f.kind, Kind::Percent | Kind::PercentagePoints) || bare_points(f))
                && direction_before(cx, f, 3).is_some()
                && f.span.start.abs_diff(end.span.start) <= 60
        }) else {
            continue;
        };
        // Nothing else of the same measure in the sentence: it would be the start.
        if sentence
            .clone()
            .any(|k| k != j && figures[k].span != stated.span && comparable(end, &figures[k]))
        {
            continue;
        }
        let Some(here) = cx.sentence_at(end.span.start) else {
            continue;
        };
        let index = cx.doc.sentences.partition_point(|s| s.start < here.start);
        let Some(previous) = index
            .checked_sub(1)
            .and_then(|i| cx.doc.sentences.get(i))
            .copied()
            .filter(|p| cx.doc.block_at(p.start) == cx.doc.block_at(here.start))
        else {
            continue;
        };
        let earlier: Vec<&Figure> = figures[..sentence.start]
            .iter()
            .rev()
            .take_while(|f| f.span.start >= previous.start)
            .filter(|f| comparable(end, f))
            .collect();
        let [start] = earlier[..] else { continue };
        // The subject of the change refers back to the earlier sentence's.
        let lead = cx.prose(crate::Span::new(
            here.start,
            stated.span.start.min(end.span.start),
        ));
        let lead_words = words(lead);
        let refers_back = lead_words
            .iter()
            .any(|w| BACK_REFERENCES.contains(&w.as_str()));
        let earlier_subject = words(cx.prose(crate::Span::new(previous.start, start.span.start)));
        let repeats = lead_words.iter().any(|w| {
            w.len() >= 4
                && !NOT_SUBJECT_WORDS.contains(&w.as_str())
                && !RISE_WORDS.contains(&w.as_str())
                && !FALL_WORDS.contains(&w.as_str())
                && earlier_subject.contains(w)
        });
        if !refers_back && !repeats {
            continue;
        }
        let (a, b) = (number(start), number(end));
        if a.value <= 0.0 {
            continue;
        }
        let points = stated.kind == Kind::PercentagePoints || bare_points(stated);
        let fits_stated = if points {
            start.kind == Kind::Percent && points_fit(stated, a, b)
        } else if start.kind == Kind::Percent {
            // Percent for points is another rule's finding.
            relative_fits(stated, a, b) || points_fit(stated, a, b)
        } else {
            relative_fits(stated, a, b)
        };
        if fits_stated || (points && start.kind != Kind::Percent) {
            continue;
        }
        let pair = format!("{} to {}", cx.text(start.span), cx.text(end.span));
        let computed = if points {
            format!("{} points", show((b.value - a.value).abs()))
        } else {
            format!("{}%", show((b.value - a.value) / a.value * 100.0))
        };
        out.emit(
            format!(
                "{} does not match the change from {pair}, the earlier value given in the sentence before: that is {computed}",
                cx.text(stated.span)
            ),
            Label::new(stated.span, format!("{pair} is {computed}")),
            vec![
                Label::new(start.span, "from (the sentence before)"),
                Label::new(end.span, "to"),
            ],
            Some(format!(
                "if the change starts from {}, it is {computed}",
                cx.text(start.span)
            )),
        );
    }
}
