//! Parts of a whole and the shares stated for them: `part-exceeds-whole`,
//! `share-mismatch`, `approx-mismatch`.

use super::math::show;
use super::{Context, Emitter};
use crate::figure::{Approx, Figure, Kind, Number};
use crate::finding::Label;

/// `45 out of 40 members`: a part larger than its whole; `$370 million, a sum that
/// includes $395 million`.
pub fn part_exceeds_whole(cx: &Context<'_>, out: &mut Emitter) {
    included_exceeds_total(cx, out);
    part_of_them_exceeds(cx, out);
    super::periods::sub_period_exceeds(cx, out);
    for f in cx.figures {
        let (Some(part), Some(whole), Some(of_span)) = (f.number(), f.of, f.of_span) else {
            continue;
        };
        if !matches!(f.kind, Kind::Count | Kind::Ratio) {
            continue;
        }
        // Compare as intervals: "1.2 million of 1.2 million" is not a contradiction.
        if part.interval().0 <= whole.interval().1 || f.approx.is_approx() {
            continue;
        }
        let part_span = f.part_span(&cx.doc.text);
        out.emit(
            format!(
                "`{}` is a part of `{}` but larger than it: {} > {}",
                cx.text(part_span),
                cx.text(of_span),
                show(part.value),
                show(whole.value)
            ),
            Label::new(part_span, format!("part: {}", show(part.value))),
            vec![Label::new(of_span, format!("whole: {}", show(whole.value)))],
            Some("a part cannot exceed the whole it belongs to; check both figures".into()),
        );
    }
}

/// `The parliament has 329 seats. The bloc won 350 of them.`: a part of a whole named by
/// `them`, `these` or `those`, larger than it.
fn part_of_them_exceeds(cx: &Context<'_>, out: &mut Emitter) {
    for (i, f) in cx.figures.iter().enumerate() {
        if f.kind != Kind::Count || f.of.is_some() || f.unit.is_some() || f.approx.is_approx() {
            continue;
        }
        let after = cx.after_in_sentence(f.span.end);
        let indent = after.len() - after.trim_start().len();
        let rest = &after.as_bytes()[indent..];
        let pronoun_len = ["of them", "of these", "of those"]
            .iter()
            .find(|p| {
                rest.len() >= p.len()
                    && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes())
                    && !rest.get(p.len()).is_some_and(|b| b.is_ascii_alphanumeric())
            })
            .map(|p| indent + p.len());
        let Some(pronoun_len) = pronoun_len else {
            continue;
        };
        let Some(whole) = super::breakdown::referred_whole(cx, i) else {
            continue;
        };
        let (Some(part), Some(total)) = (f.number(), whole.number()) else {
            continue;
        };
        let (part_low, _) = super::math::count_interval(part);
        let total_high = match whole.approx {
            Approx::About => total.interval().1 * 1.1,
            _ => total.interval().1,
        };
        if part_low <= total_high || matches!(whole.approx, Approx::AtLeast | Approx::MoreThan) {
            continue;
        }
        let pronoun = crate::Span::new(f.span.end, f.span.end + pronoun_len);
        out.emit(
            format!(
                "`{} {}` is a part of {} but larger than it: {} > {}",
                cx.text(f.span),
                cx.text(pronoun).trim(),
                cx.text(whole.span),
                show(part.value),
                show(total.value)
            ),
            Label::new(f.span, format!("part: {}", show(part.value))),
            vec![Label::new(
                whole.span,
                format!("whole: {}", show(total.value)),
            )],
            Some("a part cannot exceed the whole it belongs to; check both figures".into()),
        );
    }
}

/// `$370 million, a sum that includes $395 million`: an amount stated as included in a
/// smaller one, in the same sentence.
fn included_exceeds_total(cx: &Context<'_>, out: &mut Emitter) {
    for (i, total) in cx.figures.iter().enumerate() {
        if !matches!(total.kind, Kind::Money | Kind::Count)
            || total.approx.is_approx()
            || total.of.is_some()
        {
            continue;
        }
        let Some(part) = cx.figures.get(i + 1) else {
            continue;
        };
        if part.kind != total.kind
            || part.currency != total.currency
            || part.approx.is_approx()
            || part.of.is_some()
        {
            continue;
        }
        if total.kind == Kind::Count && total.unit.is_none() {
            continue;
        }
        let gap = cx
            .prose(crate::Span::new(
                total.span.end,
                part.span.start.max(total.span.end),
            ))
            .to_ascii_lowercase();
        let includes = [
            "includes",
            "included",
            "including",
            "which includes",
            "of which",
        ]
        .iter()
        .any(|w| gap.trim_end().ends_with(w));
        if !includes || gap.len() > 40 || gap.bytes().any(|b| b.is_ascii_digit() || b == b'.') {
            continue;
        }
        let (Some(t), Some(p)) = (total.number(), part.number()) else {
            continue;
        };
        if p.interval().0 <= t.interval().1 {
            continue;
        }
        out.emit(
            format!(
                "{} is said to include {}, which is larger",
                cx.text(total.span),
                cx.text(part.span)
            ),
            Label::new(part.span, format!("part: {}", show(p.value))),
            vec![Label::new(
                total.span,
                format!("the whole: {}", show(t.value)),
            )],
            Some("an amount cannot include a larger one; check both figures".into()),
        );
    }
}

/// The share a figure states, in percent, and how it was stated.
struct StatedShare<'a> {
    figure: &'a Figure,
    percent: f64,
}

/// A share computed from figures, as an interval in percent, with what it came from.
struct ComputedShare {
    low: f64,
    high: f64,
    value: f64,
    description: String,
}

/// The percent written in apposition to figure `i`: `12 of 40 members, or 30%`,
/// `one in eight (12.5%)`, `a third (33%)`.
fn apposed_percent<'a>(cx: &Context<'a>, i: usize) -> Option<StatedShare<'a>> {
    let f = &cx.figures[i];
    let next = cx.figures.get(i + 1)?;
    if next.kind != Kind::Percent || cx.sentence_at(f.span.start) != cx.sentence_at(next.span.start)
    {
        return None;
    }
    let gap_end = next.approx_span.map_or(next.span.start, |s| s.start);
    let gap = cx.prose(crate::Span::new(f.span.end, gap_end.max(f.span.end)));
    // `One in five adults, or 35%`: the counted noun may stand outside the figure's span.
    let gap = match f.unit.as_deref() {
        Some(unit) => {
            let trimmed = gap.trim_start();
            match trimmed.get(..unit.len()) {
                Some(head) if head.eq_ignore_ascii_case(unit) => &trimmed[unit.len()..],
                _ => gap,
            }
        }
        None => gap,
    };
    if !is_apposition(gap) {
        return None;
    }
    Some(StatedShare {
        figure: next,
        percent: next.number()?.value,
    })
}

/// Only punctuation and `or` between two figures: they restate each other.
fn is_apposition(gap: &str) -> bool {
    let rest = gap
        .trim()
        .trim_start_matches([',', '(', '—', '–', ':'])
        .trim();
    let rest = rest.strip_prefix("or").unwrap_or(rest).trim();
    rest.is_empty() && gap.len() <= 8
}

/// The share a figure stands for: a part of a whole, a fraction word, `one in five`.
fn computed_share(cx: &Context<'_>, f: &Figure) -> Option<ComputedShare> {
    let n = f.number()?;
    match (f.kind, f.of) {
        (Kind::Count | Kind::Ratio, Some(whole)) if whole.value > 0.0 => {
            // Whole numbers written in full are exact (`three out of four` is 75%).
            let (plo, phi) = super::math::count_interval(n);
            let (wlo, whi) = super::math::count_interval(whole);
            let exact_ratio = f.kind == Kind::Ratio;
            // "one in eight" is a rounded proportion: allow a 12% slack either way.
            let slack = if exact_ratio { 0.12 } else { 0.0 };
            let value = n.value / whole.value * 100.0;
            Some(ComputedShare {
                low: (plo.max(0.0) / whi * 100.0).min(value * (1.0 - slack)),
                high: (phi / wlo.max(f64::MIN_POSITIVE) * 100.0).max(value * (1.0 + slack)),
                value,
                description: format!("{} is {}%", cx.text(f.span), show(value)),
            })
        }
        (Kind::Fraction, _) => {
            let value = n.value * 100.0;
            // Fraction words are rounded loosely: "a third" covers 30-37%.
            let slack = super::math::fraction_slack(value);
            Some(ComputedShare {
                low: value - slack,
                high: value + slack,
                value,
                description: format!("{} is {}%", cx.text(f.span), show(value)),
            })
        }
        _ => None,
    }
}

/// Whether a stated percent agrees with a computed share, given the approximation words
/// of both figures. Returns the approximation word that was violated, if one was.
fn disagreement(computed: &ComputedShare, stated: &Figure, owner: &Figure) -> Option<Approx> {
    let n = stated.number()?;
    let (slo, shi) = n.interval();
    let within = |lo: f64, hi: f64| computed.high >= lo && computed.low <= hi;
    // A bound on the restated figure ("more than a quarter (22%)") must hold for the
    // stated percent too.
    let bound_ok = match owner.approx {
        Approx::MoreThan | Approx::AtLeast => shi >= computed.value * 0.98,
        Approx::LessThan | Approx::AtMost => slo <= computed.value * 1.02,
        Approx::Nearly => shi <= computed.value * 1.02,
        _ => true,
    };
    if !bound_ok {
        return Some(owner.approx);
    }
    let approx = stated.approx;
    let ok = match approx {
        Approx::Exact => within(slo, shi),
        Approx::About | Approx::Vague => within(slo * 0.9, shi * 1.1),
        Approx::Nearly => within(slo * 0.85, shi),
        Approx::AtLeast | Approx::MoreThan => computed.high >= slo,
        Approx::AtMost | Approx::LessThan => computed.low <= shi,
    };
    (!ok).then_some(approx)
}

/// Run the share checks; `approx_only` selects the approximation-word findings.
fn share_checks(cx: &Context<'_>, out: &mut Emitter, approx_only: bool) {
    for (i, f) in cx.figures.iter().enumerate() {
        let Some(computed) = computed_share(cx, f) else {
            continue;
        };
        let Some(stated) = apposed_percent(cx, i) else {
            continue;
        };
        let Some(approx) = disagreement(&computed, stated.figure, f) else {
            continue;
        };
        if (approx != Approx::Exact) != approx_only {
            continue;
        }
        let word = match approx {
            Approx::Exact => String::new(),
            _ => format!(
                "`{}` ",
                stated
                    .figure
                    .approx_span
                    .or(f.approx_span)
                    .map_or("", |s| cx.text(s))
            ),
        };
        out.emit(
            format!(
                "{word}{}% does not fit {}: {}",
                show(stated.percent),
                cx.text(f.span),
                computed.description
            ),
            Label::new(
                stated.figure.span,
                format!("stated: {}%", show(stated.percent)),
            ),
            vec![Label::new(f.span, computed.description.clone())],
            Some(format!(
                "a consistent share would be about {}%",
                show(computed.value)
            )),
        );
    }
}

/// `12 of 40 members, or 40%`; `one in eight (21%)`; `a third (43%)`.
pub fn share_mismatch(cx: &Context<'_>, out: &mut Emitter) {
    share_checks(cx, out, false);
    share_count_pairs(cx, out);
    shares_of_a_named_whole(cx, out);
    fraction_restated_as_count(cx, out, false);
}

/// A whole written apart from its part: fronted (`Of the 1,200 staff surveyed, 420, or
/// 45%, ...`) or after a percent and its count (`Some 45% (420) of the 1,200 staff`).
/// Returns the part's index, the whole's index and the stated percent's index.
fn part_and_named_whole(cx: &Context<'_>, i: usize) -> Option<(usize, usize, usize)> {
    let figures = cx.figures;
    let f = &figures[i];
    if f.kind != Kind::Count || f.of.is_some() {
        return None;
    }
    let sentence = cx.sentence_figures(i);
    // `About 30% of the 5,000 staff, or 2,400 people`: percent, whole, then the part.
    if i >= sentence.start + 2 && percent_of_whole(cx, &figures[i - 2], &figures[i - 1]) {
        let whole = &figures[i - 1];
        if is_apposition(cx.prose(crate::Span::new(
            whole.span.end,
            f.span.start.max(whole.span.end),
        ))) {
            return Some((i, i - 1, i - 2));
        }
    }
    // `1,200 jobs, or 15% of its 5,000 staff`.
    if i + 2 < sentence.end && percent_of_whole(cx, &figures[i + 1], &figures[i + 2]) {
        let stated = &figures[i + 1];
        if is_apposition(cx.prose(crate::Span::new(
            f.span.end,
            stated.span.start.max(f.span.end),
        ))) {
            return Some((i, i + 2, i + 1));
        }
    }
    if f.unit.is_some() {
        // The shapes below restate a bare count.
        return None;
    }
    // `Of the 1,200 staff surveyed, 420, or 45%`.
    if i > sentence.start && is_named_whole(&figures[i - 1]) {
        let whole = &figures[i - 1];
        let lead = cx
            .before_in_sentence(whole.span.start)
            .trim()
            .to_ascii_lowercase();
        let gap = cx.prose(crate::Span::new(
            whole.span.end,
            f.span.start.max(whole.span.end),
        ));
        let fronted = matches!(lead.as_str(), "of" | "of the" | "of all" | "of all the")
            && gap.trim_end().ends_with(',')
            && gap.split_whitespace().count() <= 4
            && !gap.bytes().any(|b| b.is_ascii_digit());
        if fronted {
            let stated = (i + 1..sentence.end).next()?;
            let gap = cx.prose(crate::Span::new(f.span.end, figures[stated].span.start));
            return (figures[stated].kind == Kind::Percent && is_apposition(gap)).then_some((
                i,
                i - 1,
                stated,
            ));
        }
    }
    // `45% (420) of the 1,200 staff`.
    if i > sentence.start && i + 1 < sentence.end {
        let (stated, whole) = (&figures[i - 1], &figures[i + 1]);
        let before = cx.prose(crate::Span::new(
            stated.span.end,
            f.span.start.max(stated.span.end),
        ));
        let after = cx.prose(crate::Span::new(
            f.span.end,
            whole.span.start.max(f.span.end),
        ));
        if stated.kind == Kind::Percent
            && before.trim() == "("
            && matches!(after.trim(), ") of the" | ") of" | ") of all")
            && whole.kind == Kind::Count
            && whole.of.is_none()
        {
            return Some((i, i + 1, i - 1));
        }
    }
    None
}

/// A count that can be a whole: it names what it counts and is no part itself.
fn is_named_whole(f: &Figure) -> bool {
    f.kind == Kind::Count && f.of.is_none() && f.unit.is_some()
}

/// `15% of its 5,000 staff`: a percent, then `of` and a whole.
fn percent_of_whole(cx: &Context<'_>, stated: &Figure, whole: &Figure) -> bool {
    if stated.kind != Kind::Percent || stated.of.is_some() || !is_named_whole(whole) {
        return false;
    }
    let of = cx
        .prose(crate::Span::new(
            stated.span.end,
            whole.span.start.max(stated.span.end),
        ))
        .trim();
    ["of", "of its", "of the", "of their", "of all"]
        .iter()
        .any(|w| of.eq_ignore_ascii_case(w))
}

/// `Of the 1,200 staff surveyed, 420, or 45%`: 420 of 1,200 is 35%.
fn shares_of_a_named_whole(cx: &Context<'_>, out: &mut Emitter) {
    for i in 0..cx.figures.len() {
        let Some((p, w, s)) = part_and_named_whole(cx, i) else {
            continue;
        };
        let (part, whole, stated) = (&cx.figures[p], &cx.figures[w], &cx.figures[s]);
        let (Some(n), Some(total)) = (part.number(), whole.number()) else {
            continue;
        };
        if total.value <= 0.0 || whole.approx.is_approx() {
            continue;
        }
        let (plo, phi) = n.interval();
        let (wlo, whi) = total.interval();
        let value = n.value / total.value * 100.0;
        let description = format!(
            "{} of {} is {}%",
            cx.text(part.span),
            cx.text(whole.span),
            show(value)
        );
        let computed = ComputedShare {
            low: plo.max(0.0) / whi * 100.0,
            high: phi / wlo.max(f64::MIN_POSITIVE) * 100.0,
            value,
            description,
        };
        if disagreement(&computed, stated, part).is_none() {
            continue;
        }
        let percent = stated.number().map_or(0.0, |n| n.value);
        out.emit(
            format!(
                "{}% does not fit {}: {}",
                show(percent),
                cx.text(part.span),
                computed.description
            ),
            Label::new(stated.span, format!("stated: {}%", show(percent))),
            vec![
                Label::new(part.span, computed.description.clone()),
                Label::new(whole.span, format!("the whole: {}", show(total.value))),
            ],
            Some(format!(
                "a consistent share would be about {}%",
                show(value)
            )),
        );
    }
}

/// `A third of the 90 members, or 40`: a third of 90 is 30.
/// With `approx_only`, the fractions with an approximation word (`more than half of the
/// 1,200 staff, or 540`), for `approx-mismatch`; otherwise the exact ones.
fn fraction_restated_as_count(cx: &Context<'_>, out: &mut Emitter, approx_only: bool) {
    let figures = cx.figures;
    for (i, f) in figures.iter().enumerate() {
        let (Some(fraction), Some(whole)) = (f.number(), f.of) else {
            continue;
        };
        if f.kind != Kind::Fraction || f.approx.is_approx() != approx_only {
            continue;
        }
        let Some(count) = figures.get(i + 1) else {
            continue;
        };
        if count.kind != Kind::Count
            || count.of.is_some()
            || cx.sentence_at(f.span.start) != cx.sentence_at(count.span.start)
        {
            continue;
        }
        let gap_end = count.approx_span.map_or(count.span.start, |s| s.start);
        if !is_apposition(cx.prose(crate::Span::new(f.span.end, gap_end.max(f.span.end)))) {
            continue;
        }
        let Some(n) = count.number() else { continue };
        // Fraction words are rounded loosely, as for shares: "a third" covers 30-37%.
        let share = fraction.value * 100.0;
        let slack = super::math::fraction_slack(share);
        let (wlo, whi) = whole.interval();
        let exact = fraction.value;
        // An approximation word bounds the count against the fraction itself: `more than
        // half` of 1,200 is above 600, `nearly half` a little below it.
        let (low, high) = match f.approx {
            Approx::Exact | Approx::About | Approx::Vague => {
                ((share - slack) / 100.0 * wlo, (share + slack) / 100.0 * whi)
            }
            Approx::MoreThan | Approx::AtLeast => (exact * wlo * 0.98, f64::INFINITY),
            Approx::LessThan | Approx::AtMost => (0.0, exact * whi * 1.02),
            Approx::Nearly => (exact * wlo * 0.85, exact * whi * 1.02),
        };
        let (clo, chi) = super::math::approx_interval(n, count.approx);
        if chi >= low && clo <= high {
            continue;
        }
        let expected = fraction.value * whole.value;
        let written = cx.text(crate::Span::new(
            f.approx_span.map_or(f.span.start, |s| s.start),
            f.span.end,
        ));
        let message = match f.approx {
            Approx::MoreThan | Approx::AtLeast => format!(
                "`{written}` needs more than {}, but {} is given",
                show(expected),
                cx.text(count.span)
            ),
            Approx::LessThan | Approx::AtMost => format!(
                "`{written}` needs fewer than {}, but {} is given",
                show(expected),
                cx.text(count.span)
            ),
            Approx::Nearly => format!(
                "`{written}` is a little under {}, but {} is given",
                show(expected),
                cx.text(count.span)
            ),
            _ => format!(
                "`{written}` is about {}, not {}",
                show(expected),
                cx.text(count.span)
            ),
        };
        out.emit(
            message,
            Label::new(count.span, format!("stated: {}", show(n.value))),
            vec![Label::new(
                f.span,
                format!(
                    "{} of {} is {}",
                    show_fraction(fraction.value),
                    show(whole.value),
                    show(expected)
                ),
            )],
            Some(format!(
                "{} is {}% of {}",
                show(n.value),
                show(n.value / whole.value * 100.0),
                show(whole.value)
            )),
        );
    }
}

/// A fraction as a share: `0.333` is `33.3%`.
fn show_fraction(value: f64) -> String {
    format!("{}%", show(value * 100.0))
}

/// `24% (1,094) of arrivals were Afghan, with Iranians at 16% (722) and Iraqis at 15%
/// (681)`: each percent and its count imply the total; in one sentence the totals must
/// agree. With three or more pairs, the pair whose total disagrees with all the others is
/// reported.
/// A percent-and-count pair: the percent's figure index and the total it implies.
type ImpliedTotal = (usize, f64, f64);

fn share_count_pairs(cx: &Context<'_>, out: &mut Emitter) {
    let mut by_sentence: Vec<(crate::Span, Vec<ImpliedTotal>)> = Vec::new();
    for (i, f) in cx.figures.iter().enumerate() {
        let Some(count) = cx.figures.get(i + 1) else {
            continue;
        };
        if f.kind != Kind::Percent
            || count.kind != Kind::Count
            || count.of.is_some()
            || count.approx.is_approx()
        {
            continue;
        }
        let gap = cx.prose(crate::Span::new(
            f.span.end,
            count.span.start.max(f.span.end),
        ));
        if gap.trim() != "(" || !cx.prose(count.span).ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let (Some(p), Some(c)) = (f.number(), count.number()) else {
            continue;
        };
        let (plo, phi) = p.interval();
        let (clo, chi) = c.interval();
        if plo <= 0.0 {
            continue;
        }
        let widen = if f.approx.is_approx() { 0.1 } else { 0.0 };
        let low = clo / (phi / 100.0) * (1.0 - widen);
        let high = chi / (plo / 100.0) * (1.0 + widen);
        let Some(sentence) = cx.sentence_at(f.span.start) else {
            continue;
        };
        match by_sentence.last_mut() {
            Some((s, pairs)) if *s == sentence => pairs.push((i, low, high)),
            _ => by_sentence.push((sentence, vec![(i, low, high)])),
        }
    }
    for (_, pairs) in by_sentence {
        if pairs.len() < 3 {
            continue;
        }
        for &(i, low, high) in &pairs {
            let others: Vec<&(usize, f64, f64)> = pairs.iter().filter(|p| p.0 != i).collect();
            let common_low = others.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
            let common_high = others.iter().map(|p| p.2).fold(f64::INFINITY, f64::min);
            // The others must agree among themselves, and this pair with none of them.
            if common_low > common_high || others.iter().any(|p| p.1 <= high && low <= p.2) {
                continue;
            }
            let (share, count) = (&cx.figures[i], &cx.figures[i + 1]);
            let implied = (low + high) / 2.0;
            let total = (common_low + common_high) / 2.0;
            let expected = count.number().map_or(0.0, |n| n.value) / total * 100.0;
            out.emit(
                format!(
                    "{} ({}) implies a total of about {}, but the other shares in the sentence imply about {}",
                    cx.text(share.span),
                    cx.text(count.span),
                    show(implied),
                    show(total)
                ),
                Label::new(share.span, format!("{} of about {} would be {}%", cx.text(count.span), show(total), show(expected))),
                others.iter().map(|p| Label::new(cx.figures[p.0].span, format!("implies a total of about {}", show((p.1 + p.2) / 2.0)))).collect(),
                Some(format!("with a total of about {}, {} is about {}%", show(total), cx.text(count.span), show(expected))),
            );
        }
    }
}

/// `nearly half (73 of 329)`-style approximation words that the numbers contradict:
/// `more than 30%` for 88 of 329.
pub fn approx_mismatch(cx: &Context<'_>, out: &mut Emitter) {
    share_checks(cx, out, true);
    approx_fraction_of_part(cx, out);
    fraction_restated_as_count(cx, out, true);
}

/// `nearly half of the seats (73 of 329)`: an approximate fraction followed by the part of
/// a whole it describes.
fn approx_fraction_of_part(cx: &Context<'_>, out: &mut Emitter) {
    for (i, f) in cx.figures.iter().enumerate() {
        if f.kind != Kind::Fraction || !f.approx.is_approx() {
            continue;
        }
        let Some(next) = cx.figures.get(i + 1) else {
            continue;
        };
        let (Some(whole), Some(part)) = (next.of, next.number()) else {
            continue;
        };
        if next.kind != Kind::Count
            || cx.sentence_at(f.span.start) != cx.sentence_at(next.span.start)
        {
            continue;
        }
        let gap = cx.prose(crate::Span::new(
            f.span.end,
            next.span.start.max(f.span.end),
        ));
        if gap.len() > 30 || !gap.contains('(') {
            continue;
        }
        let share = Number {
            value: part.value / whole.value,
            step: 0.0,
        };
        let fraction = f.number().map_or(0.0, |n| n.value);
        let bad = match f.approx {
            Approx::Nearly => share.value > fraction * 1.02 || share.value < fraction * 0.85,
            Approx::MoreThan | Approx::AtLeast => share.value < fraction * 0.98,
            Approx::LessThan | Approx::AtMost => share.value > fraction * 1.02,
            _ => false,
        };
        if bad {
            let word = f.approx_span.map_or("", |s| cx.text(s));
            let computed = format!(
                "{} of {} is {}%",
                show(part.value),
                show(whole.value),
                show(share.value * 100.0)
            );
            out.emit(
                format!(
                    "`{word} {}` does not describe {}: {computed}",
                    cx.text(f.span),
                    cx.text(next.span)
                ),
                Label::new(f.span, format!("{word} {}%", show(fraction * 100.0))),
                vec![Label::new(next.span, computed)],
                Some("use an approximation word that matches the computed share".into()),
            );
        }
    }
}
