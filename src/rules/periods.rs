//! Counts over a period and over a part of it: `43,170 accounts opened in the first quarter of
//! 2017` cannot be more than the `41,880 openings in the 12 months to March 2017`. Part of
//! `part-exceeds-whole`.
//!
//! Periods are read from the words before a year or month figure in the count's sentence:
//! `in 2017` (the year), `in March 2017` (the month), `the first quarter of 2017`, `the
//! second half of 2017`, `the 12 months (or year) to March 2017`. A period introduced by
//! `on`, `than`, `from`, `since`, `against` or `above` is the base of a comparison, not the
//! count's own period.

use super::math::show_scaled as show;
use super::{Context, Emitter};
use crate::figure::{Approx, Figure, Kind, Value};
use crate::finding::Label;
use crate::span::Span;

/// A run of whole months, as month numbers since year 0 (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    first: i32,
    last: i32,
    /// Where the period is written.
    span: Span,
}

impl Period {
    fn contains(&self, other: &Period) -> bool {
        self.first <= other.first
            && other.last <= self.last
            && (self.first, self.last) != (other.first, other.last)
    }

    /// `March 2017`, `January–March 2017`, `April 2016–March 2017`.
    fn describe(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let name = |m: i32| (MONTHS[m.rem_euclid(12) as usize], m.div_euclid(12));
        let ((first, first_year), (last, last_year)) = (name(self.first), name(self.last));
        if self.first == self.last {
            format!("{first} {first_year}")
        } else if first_year == last_year && first == "January" && last == "December" {
            format!("{first_year}")
        } else if first_year == last_year {
            format!("{first}\u{2013}{last} {last_year}")
        } else {
            format!("{first} {first_year}\u{2013}{last} {last_year}")
        }
    }
}

/// Prepositions that make the period after them a comparison base.
const BASE_MARKERS: &[&str] = &[
    "on", "than", "from", "since", "against", "above", "below", "over", "with", "versus",
];

/// The lower-cased words of `text`, last first.
fn words_back(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .map(str::to_ascii_lowercase)
        .collect()
}

fn ordinal_index(word: &str) -> Option<i32> {
    match word {
        "first" => Some(0),
        "second" => Some(1),
        "third" => Some(2),
        "fourth" | "final" | "last" => Some(3),
        _ => None,
    }
}

/// The period a year or month figure closes, from the words before it; `None` for a
/// comparison base or a figure that names no period.
fn period_of(cx: &Context<'_>, f: &Figure) -> Option<Period> {
    let (year, month) = match (f.kind, f.value) {
        (Kind::Year, Value::Number(n)) if f.high.is_none() => (n.value as i32, None),
        (Kind::Date, Value::Date(d)) if d.day.is_none() && !d.year_inferred => {
            (d.year?, Some(d.month? as i32))
        }
        _ => return None,
    };
    // The period phrase and the word placing the count in it are the last few words.
    let before: Vec<String> = cx
        .before_in_sentence(f.span.start)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .map(str::to_ascii_lowercase)
        .collect();
    let w = |i: usize| before.get(i).map_or("", String::as_str);
    let base = year * 12;
    let (first, last, words_used) = match month {
        // "the 12 months to March 2017", "the year ending March 2017"
        Some(m) if ["to", "ending", "ended", "through"].contains(&w(0)) => {
            let twelve = (w(1) == "months" && ["12", "twelve"].contains(&w(2)))
                || (w(1) == "year" && w(2) == "the");
            if !twelve {
                return None;
            }
            (base + m - 1 - 11, base + m - 1, 3)
        }
        Some(m) => (base + m - 1, base + m - 1, 0),
        None if w(0) == "of" && w(1) == "quarter" => {
            let q = ordinal_index(w(2))?;
            (base + q * 3, base + q * 3 + 2, 3)
        }
        None if w(0) == "of" && w(1) == "half" => {
            let h = ordinal_index(w(2)).filter(|&h| h <= 1)?;
            (base + h * 6, base + h * 6 + 5, 3)
        }
        None => (base, base + 11, 0),
    };
    // The word before the period phrase ("the" skipped) must place the count in it.
    let mut k = words_used;
    if w(k) == "the" {
        k += 1;
    }
    let preposition = w(k);
    if BASE_MARKERS.contains(&preposition)
        || !["in", "during", "for", "over"].contains(&preposition)
    {
        return None;
    }
    Some(Period {
        first,
        last,
        span: f.span,
    })
}

/// The one period the count belongs to: the nearest one of its clause, else of its
/// sentence. `periods` holds each figure's own period, computed once.
fn period_for(cx: &Context<'_>, periods: &[Option<Period>], index: usize) -> Option<Period> {
    let count = &cx.figures[index];
    let sentence = cx.sentence_figures(index);
    // A sentence's figures are scanned from the count outwards, a bounded number each
    // way, so a sentence of thousands of figures stays linear.
    let near = sentence.start.max(index.saturating_sub(8))..sentence.end.min(index + 9);
    near.filter_map(|j| periods[j]).min_by_key(|p| {
        // The gap between the two, and a clause break counts against a period.
        let (from, to) = if p.span.start >= count.span.end {
            (count.span.end, p.span.start)
        } else {
            (p.span.end.min(count.span.start), count.span.start)
        };
        let clause_break = cx.prose(Span::new(from, to)).contains([',', ';', '(', ')']);
        (clause_break, to - from)
    })
}

fn singular(word: &str) -> &str {
    word.strip_suffix('s').unwrap_or(word)
}

/// What a count counts: the last word of its unit, singular and lower-cased.
fn counted(f: &Figure) -> Option<String> {
    let unit = f.unit.as_deref()?.split_whitespace().last()?;
    unit.chars()
        .all(|c| c.is_ascii_alphabetic())
        .then(|| singular(&unit.to_ascii_lowercase()).to_string())
}

/// Whether two counts count the same thing: the same noun, or the noun of one made a
/// verb in the other's sentence (`43,170 accounts were opened` and `41,880 openings`,
/// `homes were started` and `starts`).
fn same_thing(cx: &Context<'_>, a: &Figure, b: &Figure) -> bool {
    let (Some(na), Some(nb)) = (counted(a), counted(b)) else {
        return false;
    };
    if na == nb {
        return true;
    }
    let verb_in = |noun: &str, f: &Figure| {
        // `openings` is made of `open`, as `starts` of `start`.
        let noun = noun
            .strip_suffix("ing")
            .filter(|n| n.len() >= 4)
            .unwrap_or(noun);
        noun.len() >= 4
            && cx.sentence_at(f.span.start).is_some_and(|s| {
                words_back(&cx.doc.prose[s.start..s.end]).iter().any(|w| {
                    w.strip_prefix(noun)
                        .is_some_and(|rest| ["ed", "ing"].contains(&rest))
                })
            })
    };
    verb_in(&na, b) || verb_in(&nb, a)
}

/// The index of the block holding byte `offset`.
fn block_index(cx: &Context<'_>, offset: usize) -> usize {
    cx.doc.blocks.partition_point(|b| b.span.end <= offset)
}

/// Report a count over part of a period that exceeds the count over the whole period.
pub fn sub_period_exceeds(cx: &Context<'_>, out: &mut Emitter) {
    // Only years and months name periods; most documents have few.
    let periods: Vec<Option<Period>> = cx
        .figures
        .iter()
        .map(|f| {
            matches!(f.kind, Kind::Year | Kind::Date)
                .then(|| period_of(cx, f))
                .flatten()
        })
        .collect();
    if periods.iter().all(Option::is_none) {
        return;
    }
    let counts: Vec<(&Figure, Period, usize)> = cx
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.kind, Kind::Count | Kind::Money) && f.of.is_none())
        .filter_map(|(i, f)| {
            let period = period_for(cx, &periods, i)?;
            Some((f, period, block_index(cx, f.span.start)))
        })
        .collect();
    // Counts within two blocks of each other, at most 32 on each side: the pairs stay
    // linear in the number of counts.
    for (i, (part, part_period, part_block)) in counts.iter().enumerate() {
        let window = counts[i.saturating_sub(32)..(i + 33).min(counts.len())]
            .iter()
            .filter(|(_, _, block)| block.abs_diff(*part_block) <= 2);
        for (whole, whole_period, _) in window {
            if !whole_period.contains(part_period)
                || part.kind != whole.kind
                || part.currency != whole.currency
                || !same_thing(cx, part, whole)
            {
                continue;
            }
            let (Some(p), Some(w)) = (part.number(), whole.number()) else {
                continue;
            };
            let part_can_be_lower = matches!(part.approx, Approx::AtMost | Approx::LessThan)
                || (part.approx.is_approx()
                    && !matches!(part.approx, Approx::AtLeast | Approx::MoreThan));
            let whole_can_be_higher = whole.approx.is_approx()
                && !matches!(whole.approx, Approx::AtMost | Approx::LessThan);
            if part_can_be_lower || whole_can_be_higher || p.interval().0 <= w.interval().1 {
                continue;
            }
            let part_text = cx.text(part.span);
            let whole_text = cx.text(whole.span);
            out.emit(
                format!(
                    "{part_text} in {} is more than the {whole_text} in {}, a period that contains it: {} > {}",
                    part_period.describe(),
                    whole_period.describe(),
                    show(p.value),
                    show(w.value)
                ),
                Label::new(part.span, format!("count for part of the period: {}", show(p.value))),
                vec![
                    Label::new(whole.span, format!("count for the whole period: {}", show(w.value))),
                    Label::new(whole_period.span, format!("whole period: {}", whole_period.describe())),
                    Label::new(part_period.span, format!("part of it: {}", part_period.describe())),
                ],
                Some("a count over part of a period cannot exceed the count over the whole period; check both figures and their periods".into()),
            );
        }
    }
}
