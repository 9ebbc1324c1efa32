//! `percent-sum`: shares of one whole that add up past 100%, or short of it when the list
//! is complete.
//!
//! Shares belong to one whole only when the sentence says so: it opens with `Of ...,` or
//! names the people asked (`respondents`, `voters`, `those polled`), and the shares form
//! one list closed by `and`. Lists of percentages of different things ("turnout was 45%
//! in Leeds and 60% in York") say neither, and are left alone.

use super::math::show;
use super::{Context, Emitter};
use crate::figure::Kind;
use crate::finding::Label;

const WHOLE_WORDS: &[&str] = &[
    "respondents",
    "voters",
    "those polled",
    "those asked",
    "those surveyed",
    "people polled",
    "people asked",
    "of those",
    "of the vote",
    "of the votes",
    "of votes cast",
    "of the votes cast",
    "of the popular vote",
];
const REMAINDER_WORDS: &[&str] = &[
    "the rest",
    "remaining",
    "others",
    "did not know",
    "didn't know",
    "don't know",
    "undecided",
    "no opinion",
    "unsure",
];

/// The percent-sum check.
pub fn percent_sum(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    let mut i = 0;
    while i < figures.len() {
        let range = cx.sentence_figures(i);
        i = range.end.max(i + 1);
        let shares: Vec<usize> = range
            .clone()
            .filter(|&j| figures[j].kind == Kind::Percent && !figures[j].approx.is_approx())
            .collect();
        // The whole may be counted before the list ("Of the 500 respondents, ..."), but
        // nothing else may stand between the shares.
        if shares.len() < 2 || shares[shares.len() - 1] - shares[0] + 1 != shares.len() {
            continue;
        }
        let Some(sentence) = cx.sentence_at(figures[shares[0]].span.start) else {
            continue;
        };
        let text = cx.prose(sentence).to_ascii_lowercase();
        let one_whole =
            text.trim_start().starts_with("of ") || WHOLE_WORDS.iter().any(|w| text.contains(w));
        if !one_whole {
            continue;
        }
        // One list: short gaps without other numbers, the last one closed by "and".
        let gaps: Vec<String> = shares
            .windows(2)
            .map(|w| {
                cx.prose(crate::Span::new(
                    figures[w[0]].span.end,
                    figures[w[1]].span.start,
                ))
                .to_ascii_lowercase()
            })
            .collect();
        let closed = gaps
            .last()
            .is_some_and(|g| g.contains(" and ") || g.contains(" while "));
        if !closed || gaps.iter().any(|g| g.len() > 80) {
            continue;
        }
        // `45% of the vote in Leeds and 60% in York`, `in 2019 and 60% in 2023`: shares
        // of different places or years are shares of different wholes.
        let names_place_or_year = shares.windows(2).any(|w| {
            let gap = cx.prose(crate::Span::new(
                figures[w[0]].span.end,
                figures[w[1]].span.start,
            ));
            gap.split(" in ").skip(1).any(|rest| {
                let rest = rest.trim_start();
                let rest = rest.strip_prefix("the ").unwrap_or(rest);
                rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            })
        });
        if names_place_or_year {
            continue;
        }
        let (low, high) =
            shares
                .iter()
                .filter_map(|&j| figures[j].number())
                .fold((0.0, 0.0), |(l, h), n| {
                    let (a, b) = n.interval();
                    (l + a, h + b)
                });
        let sum: f64 = shares
            .iter()
            .filter_map(|&j| figures[j].number())
            .map(|n| n.value)
            .sum();
        let complete = REMAINDER_WORDS.iter().any(|w| text.contains(w));
        let message = if low > 100.0 {
            format!(
                "these shares of one whole add up to {}%, more than 100%",
                show(sum)
            )
        } else if complete && high < 100.0 {
            format!(
                "these shares cover everyone, but add up to only {}%",
                show(sum)
            )
        } else {
            continue;
        };
        let first = &figures[shares[0]];
        out.emit(
            message,
            Label::new(first.span, format!("the shares add up to {}%", show(sum))),
            shares[1..]
                .iter()
                .map(|&j| Label::new(figures[j].span, "share"))
                .collect(),
            Some("shares of one whole add up to 100%, give or take rounding".into()),
        );
    }
}
