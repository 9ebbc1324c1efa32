//! `breakdown-sum`: parts that do not add up to the total they break down.
//!
//! Three shapes, all within one sentence:
//! * a total followed by a dash, colon or `of which` and a list of counts: `743 children
//!   – 594 boys, 142 girls and seven whose sex was not known`. A list closed by `and`
//!   is exhaustive and must add up; one introduced by `including` or `among them` must
//!   not exceed the total;
//! * a share split `either ... or ...`: `Half of Britons know either a great deal (7%)
//!   or a fair amount (34%)`;
//! * two parts of one whole described with opposite directions: `down at 15 of the 19
//!   companies and up at five of them` cannot both hold.
//!
//! And one across the sentences of a paragraph: a total broken down place by place.

use super::math::show;
use super::{Context, Emitter};
use crate::figure::{Approx, Figure, Kind};
use crate::finding::Label;
use crate::span::Span;

/// A count's interval, or `None` for figures that are not plain counts. Whole numbers
/// written out in full are exact; rounded ones (`1.2 million`) stand for their interval.
fn count_interval(f: &Figure) -> Option<(f64, f64)> {
    if f.kind != Kind::Count || f.of.is_some() || f.approx.is_approx() {
        return None;
    }
    f.number().map(super::math::count_interval)
}

/// Whether only list punctuation separates two figures (`, `, ` and `, `; `), allowing a
/// short descriptive tail after the earlier one (`seven whose sex was not known`).
fn list_gap(gap: &str) -> Option<bool> {
    let trimmed = gap.trim();
    if gap.len() > 60 || gap.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let closes = trimmed.ends_with(" and") || trimmed == "and" || trimmed.ends_with(", and");
    let separates =
        trimmed.starts_with(',') || trimmed.starts_with(';') || trimmed == "and" || closes;
    separates.then_some(closes)
}

/// The interval the sum of some counts stands for.
fn sum_interval(parts: &[&Figure]) -> (f64, f64) {
    parts
        .iter()
        .filter_map(|p| count_interval(p))
        .fold((0.0, 0.0), |(l, h), (pl, ph)| (l + pl, h + ph))
}

/// The sum of some counts and the counts written out for a message (`594 boys + 142
/// girls + seven`).
fn sum_and_list(cx: &Context<'_>, parts: &[&Figure]) -> (f64, String) {
    let sum = parts
        .iter()
        .filter_map(|p| p.number())
        .map(|n| n.value)
        .sum();
    let listed = parts
        .iter()
        .map(|p| cx.text(p.span))
        .collect::<Vec<_>>()
        .join(" + ");
    (sum, listed)
}

/// `743 children – 594 boys, 142 girls and seven ...`.
fn total_then_parts(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    for (i, total) in figures.iter().enumerate() {
        let Some(total_interval) = count_interval(total) else {
            continue;
        };
        // The total names what it counts ("734 children"); "titers of 1: 16" does not.
        if total.unit.is_none() {
            continue;
        }
        let Some(first) = figures.get(i + 1) else {
            continue;
        };
        if cx.sentence_at(total.span.start) != cx.sentence_at(first.span.start) {
            continue;
        }
        let intro = cx.prose(Span::new(
            total.span.end,
            first.approx_span.map_or(first.span.start, |s| s.start),
        ));
        let intro_trim = intro.trim().to_ascii_lowercase();
        let exhaustive_intro = matches!(
            intro_trim.as_str(),
            "–" | "—" | ":" | "-" | "(" | ", of which" | "of which" | ", comprising" | "comprising"
        );
        let partial_intro = matches!(
            intro_trim.as_str(),
            ", including" | "including" | ", among them" | "(including"
        );
        if !exhaustive_intro && !partial_intro {
            continue;
        }
        let mut parts = vec![first];
        let mut closed = false;
        for next in &figures[i + 2..] {
            let prev = parts[parts.len() - 1];
            if cx.sentence_at(next.span.start) != cx.sentence_at(total.span.start) {
                break;
            }
            let gap = cx.prose(Span::new(
                prev.span.end,
                next.approx_span.map_or(next.span.start, |s| s.start),
            ));
            match list_gap(gap) {
                Some(closes) => {
                    parts.push(next);
                    if closes {
                        closed = true;
                        break;
                    }
                }
                None => break,
            }
        }
        if parts.len() < 2 || parts.iter().any(|p| count_interval(p).is_none()) {
            continue;
        }
        // Parts name their categories ("594 boys, 142 girls and seven ..."): a list of bare
        // numbers after a dash may count something else.
        if parts.iter().filter(|p| p.unit.is_some()).count() * 2 < parts.len() {
            continue;
        }
        let (low, high) = sum_interval(&parts);
        let exhaustive = exhaustive_intro && closed;
        let too_big = low > total_interval.1;
        let mismatch = exhaustive && (high < total_interval.0 || too_big);
        if !(mismatch || too_big) {
            continue;
        }
        let (sum, listed) = sum_and_list(cx, &parts);
        let total_value = total.number().map_or(0.0, |n| n.value);
        let related: Vec<Label> = parts.iter().map(|p| Label::new(p.span, "part")).collect();
        out.emit(
            format!(
                "the parts add up to {}, not the {} stated: {listed}",
                show(sum),
                show(total_value)
            ),
            Label::new(
                total.span,
                format!(
                    "total: {}; the parts add up to {}",
                    show(total_value),
                    show(sum)
                ),
            ),
            related,
            Some(if exhaustive {
                "the listed parts should add up to the total; check each figure".into()
            } else {
                "parts of a total cannot add up to more than it".into()
            }),
        );
    }
}

/// `Half of Britons know either a great deal (7%) or a fair amount (34%)`.
fn either_or_split(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    for (i, whole) in figures.iter().enumerate() {
        let whole_percent = match whole.kind {
            Kind::Fraction => whole.number().map(|n| n.value * 100.0),
            Kind::Percent => whole.number().map(|n| n.value),
            _ => None,
        };
        let Some(whole_percent) = whole_percent else {
            continue;
        };
        if whole.approx.is_approx() {
            continue;
        }
        let after = cx.after_in_sentence(whole.span.end);
        let lower = after.to_ascii_lowercase();
        let Some(either_at) = lower.match_indices("either").map(|(i, _)| i).find(|&i| {
            lower[..i].ends_with(char::is_whitespace)
                && lower[i + 6..].starts_with(char::is_whitespace)
        }) else {
            continue;
        };
        let either_offset = whole.span.end + either_at;
        let parts: Vec<&Figure> = figures[i + 1..]
            .iter()
            .filter(|f| {
                f.span.start > either_offset
                    && cx.sentence_at(f.span.start) == cx.sentence_at(whole.span.start)
            })
            .take(2)
            .collect();
        if parts.len() != 2
            || parts
                .iter()
                .any(|p| p.kind != Kind::Percent || p.approx.is_approx())
        {
            continue;
        }
        let between = cx
            .prose(Span::new(parts[0].span.end, parts[1].span.start))
            .to_ascii_lowercase();
        if !between.contains(" or ") || between.len() > 60 {
            continue;
        }
        let (l0, h0) = parts[0].number().map_or((0.0, 0.0), |n| n.interval());
        let (l1, h1) = parts[1].number().map_or((0.0, 0.0), |n| n.interval());
        let slack = whole_percent * 0.06 + 1.0;
        if l0 + l1 <= whole_percent + slack && h0 + h1 >= whole_percent - slack {
            continue;
        }
        let sum = parts
            .iter()
            .filter_map(|p| p.number())
            .map(|n| n.value)
            .sum::<f64>();
        out.emit(
            format!(
                "`{}` is split into {} and {}, which add up to {}%, not {}%",
                cx.text(whole.span),
                cx.text(parts[0].span),
                cx.text(parts[1].span),
                show(sum),
                show(whole_percent)
            ),
            Label::new(whole.span, format!("{}%", show(whole_percent))),
            parts.iter().map(|p| Label::new(p.span, "part")).collect(),
            Some("the parts of an either/or split should add up to the whole".into()),
        );
    }
}

/// Words that put two parts of one whole on opposite sides.
fn direction(words: &str) -> Option<bool> {
    let last = words
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3);
    for w in last {
        match w.to_ascii_lowercase().as_str() {
            "up" | "rose" | "more" | "higher" | "increased" | "grew" | "gained" | "won" => {
                return Some(true);
            }
            "down" | "fell" | "fewer" | "lower" | "decreased" | "shrank" | "lost" => {
                return Some(false);
            }
            _ => {}
        }
    }
    None
}

/// `down at 15 of the 19 companies and up at five of them`.
fn opposite_parts(cx: &Context<'_>, out: &mut Emitter) {
    for (i, first) in cx.figures.iter().enumerate() {
        let (Some(whole), Some(of_span), Some(part)) = (first.of, first.of_span, first.number())
        else {
            continue;
        };
        if first.kind != Kind::Count || first.approx.is_approx() {
            continue;
        }
        let Some(second) = cx.figures.get(i + 1) else {
            continue;
        };
        if second.kind != Kind::Count || second.of.is_some() || second.approx.is_approx() {
            continue;
        }
        if cx.sentence_at(first.span.start) != cx.sentence_at(second.span.start) {
            continue;
        }
        if !cx
            .after_in_sentence(second.span.end)
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("of them")
        {
            continue;
        }
        let (Some(d1), Some(d2)) = (
            direction(cx.before_in_sentence(first.span.start)),
            direction(cx.before_in_sentence(second.span.start)),
        ) else {
            continue;
        };
        let Some(other) = second.number() else {
            continue;
        };
        if d1 == d2
            || super::math::count_interval(part).0 + super::math::count_interval(other).0
                <= super::math::count_interval(whole).1
        {
            continue;
        }
        out.emit(
            format!(
                "{} and {} are opposite parts of {}, but add up to {}",
                show(part.value),
                show(other.value),
                cx.text(of_span),
                show(part.value + other.value)
            ),
            Label::new(
                second.span,
                format!(
                    "{} + {} = {}",
                    show(part.value),
                    show(other.value),
                    show(part.value + other.value)
                ),
            ),
            vec![
                Label::new(first.part_span(&cx.doc.text), "part"),
                Label::new(of_span, format!("the whole: {}", show(whole.value))),
            ],
            Some("parts on opposite sides cannot add up to more than the whole".into()),
        );
    }
}

/// The place a count is given for, right after it: `6 people dead in Illinois`, `four in
/// Tennessee`. Returns where the place name ends.
fn place_after(cx: &Context<'_>, f: &Figure) -> Option<usize> {
    let after = cx.after_in_sentence(f.span.end);
    let mut offset = 0;
    let mut words = after
        .split_inclusive(|c: char| c.is_whitespace())
        .map(|w| {
            let start = offset;
            offset += w.len();
            (start, w.trim_end())
        })
        .filter(|(_, w)| !w.is_empty());
    // At most one participle between the count and `in` (`dead in`, `killed in`).
    let (_, first) = words.next()?;
    let (_, in_word) = if first == "in" {
        (0, first)
    } else if first.chars().all(|c| c.is_ascii_lowercase()) {
        words.next()?
    } else {
        return None;
    };
    if in_word != "in" {
        return None;
    }
    let (mut start, mut place) = words.next()?;
    if place == "the" {
        (start, place) = words.next()?;
    }
    let name = place.trim_end_matches(|c: char| !c.is_alphanumeric());
    let capitalised = name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().skip(1).all(char::is_alphabetic);
    capitalised.then(|| f.span.end + start + name.len())
}

/// `at least 88 people dead ... 64 people killed in Kentucky ... a further 6 people dead
/// in Illinois, four in Tennessee, two in Arkansas and 2 in Missouri`: a total broken
/// down place by place across sentences of one paragraph. A closed list of three or more
/// counts, each followed by `in <Place>`, is the breakdown; `a further` or `another`
/// before it continues an earlier count of the same noun. The total is the nearest
/// earlier count of that noun in the paragraph. Parts that add up to more than the total
/// are a warning; a continued breakdown that falls short of it is a note, since the
/// places named may not be all.
fn located_parts(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    let mut i = 0;
    while i < figures.len() {
        let first = &figures[i];
        let (Some(unit), Some(mut place_end)) = (first.unit.as_deref(), place_after(cx, first))
        else {
            i += 1;
            continue;
        };
        if count_interval(first).is_none() {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        let mut closed = false;
        while let Some(next) = figures.get(run[run.len() - 1] + 1) {
            // A place that is itself a figure (`in March`) is no place.
            if next.span.start < place_end {
                break;
            }
            let gap = cx.prose(Span::new(place_end, next.span.start));
            let same_noun = next.unit.as_deref().is_none_or(|u| u == unit);
            let (Some(closes), Some(end), Some(_), true) = (
                list_gap(gap),
                place_after(cx, next),
                count_interval(next),
                same_noun,
            ) else {
                break;
            };
            run.push(run[run.len() - 1] + 1);
            place_end = end;
            if closes {
                closed = true;
                break;
            }
        }
        i = run[run.len() - 1] + 1;
        if run.len() < 3 || !closed {
            continue;
        }
        let block = cx.doc.block_at(first.span.start);
        // The nearest earlier count of the same noun in the paragraph, by index.
        let same_noun_before = |before: usize| {
            (0..before).rev().find(|&k| {
                let f = &figures[k];
                f.kind == Kind::Count
                    && f.of.is_none()
                    && f.unit.as_deref() == Some(unit)
                    && cx.doc.block_at(f.span.start) == block
            })
        };
        let lead = cx.before_in_sentence(first.approx_span.map_or(first.span.start, |s| s.start));
        let lead = lead.trim_end().to_ascii_lowercase();
        let continued = ["a further", "another", "an additional"]
            .iter()
            .any(|w| lead.ends_with(w));
        let mut parts: Vec<&Figure> = run.iter().map(|&k| &figures[k]).collect();
        let mut total_before = run[0];
        if continued {
            let Some(prior) = same_noun_before(run[0]) else {
                continue;
            };
            if count_interval(&figures[prior]).is_none() {
                continue;
            }
            parts.insert(0, &figures[prior]);
            total_before = prior;
        }
        let Some(total) = same_noun_before(total_before).map(|k| &figures[k]) else {
            continue;
        };
        let Some(total_number) = total.number() else {
            continue;
        };
        if matches!(
            total.approx,
            Approx::Vague | Approx::AtMost | Approx::LessThan
        ) {
            continue;
        }
        let (low, high) = sum_interval(&parts);
        let (total_low, total_high) = super::math::count_interval(total_number);
        let exceeds =
            low > total_high && !matches!(total.approx, Approx::AtLeast | Approx::MoreThan);
        let short = continued && high < total_low;
        if !exceeds && !short {
            continue;
        }
        let (sum, listed) = sum_and_list(cx, &parts);
        let total_text = cx.text(Span::new(
            total.approx_span.map_or(total.span.start, |s| s.start),
            total.span.end,
        ));
        out.emit(
            if exceeds {
                format!(
                    "the counts given place by place add up to {}, more than the total of `{total_text}`: {listed}",
                    show(sum)
                )
            } else {
                format!(
                    "the counts given place by place add up to {}, {} short of the total of `{total_text}`: {listed}",
                    show(sum),
                    show(total_number.value - sum)
                )
            },
            Label::new(
                total.span,
                format!(
                    "total: {}; the places add up to {}",
                    show(total_number.value),
                    show(sum)
                ),
            ),
            parts.iter().map(|p| Label::new(p.span, "part")).collect(),
            Some(if exceeds {
                "parts of a total cannot add up to more than it; check each figure".into()
            } else {
                "if these are all the places, one figure is wrong; if not, say where the rest are"
                    .into()
            }),
        );
        if short {
            out.with_severity(crate::finding::Severity::Info);
        }
    }
}

/// The whole that `them`, `these` or `those` refers to from the figure at `index`: the
/// figure right before it in its sentence when that is a count with a noun, else the one
/// such count of the sentence before in the same paragraph (`The council has 60 members. Of these, ...`).
pub(super) fn referred_whole<'a>(cx: &Context<'a>, index: usize) -> Option<&'a Figure> {
    let figures = cx.figures;
    let is_whole = |f: &Figure| {
        f.kind == Kind::Count
            && f.of.is_none()
            && f.unit.is_some()
            && f.number().is_some_and(|n| n.value >= 2.0)
            && !matches!(f.approx, Approx::Vague | Approx::AtMost | Approx::LessThan)
    };
    let sentence = cx.sentence_figures(index);
    // In the same sentence, only the figure right before can be referred to: `if he had
    // a hundred pounds, he would give ninety of them` is about the pounds.
    if index > sentence.start {
        let previous = &figures[index - 1];
        return is_whole(previous).then_some(previous);
    }
    let here = cx.sentence_at(figures[index].span.start)?;
    let at = cx.doc.sentences.partition_point(|s| s.start < here.start);
    let previous = *cx.doc.sentences.get(at.checked_sub(1)?)?;
    if cx.doc.block_at(previous.start) != cx.doc.block_at(here.start) {
        return None;
    }
    let candidates: Vec<&Figure> = figures[..sentence.start]
        .iter()
        .rev()
        .take_while(|f| f.span.start >= previous.start)
        .filter(|f| is_whole(f))
        .collect();
    match candidates[..] {
        [whole] => Some(whole),
        _ => None,
    }
}

/// `The council has 60 members. Of these, 25 are Labour, 20 Conservative and 20
/// independent.`: a list of counts of a whole named by `Of these` / `Of them` / `Of
/// those`. Such a list may leave groups out, so only parts adding up to more than the
/// whole are flagged.
fn parts_of_these(cx: &Context<'_>, out: &mut Emitter) {
    let figures = cx.figures;
    let mut i = 0;
    while i < figures.len() {
        let sentence = cx.sentence_figures(i);
        i = sentence.end.max(i + 1);
        let first = &figures[sentence.start];
        let lead = cx
            .before_in_sentence(first.span.start)
            .trim()
            .to_ascii_lowercase();
        if !matches!(lead.as_str(), "of these," | "of them," | "of those,") {
            continue;
        }
        let mut parts = vec![first];
        let mut closed = false;
        for next in &figures[sentence.start + 1..sentence.end] {
            let prev = parts[parts.len() - 1];
            // Each part may carry its group's name (`25 are Labour, 20 Conservative and`).
            let gap = cx.prose(Span::new(prev.span.end, next.span.start.max(prev.span.end)));
            let trimmed = gap.trim();
            if gap.len() > 40 || gap.bytes().any(|b| b.is_ascii_digit()) {
                break;
            }
            if trimmed.ends_with(" and") || trimmed == "and" {
                parts.push(next);
                closed = true;
                break;
            }
            if !trimmed.ends_with(',') {
                break;
            }
            parts.push(next);
        }
        if parts.len() < 2 || !closed || parts.iter().any(|p| count_interval(p).is_none()) {
            continue;
        }
        let Some(total) = referred_whole(cx, sentence.start) else {
            continue;
        };
        let Some(total_number) = total.number() else {
            continue;
        };
        let (low, _) = sum_interval(&parts);
        let (_, total_high) = super::math::count_interval(total_number);
        // `About 500 people` may be 550.
        let total_high = match total.approx {
            Approx::About => total_high * 1.1,
            _ => total_high,
        };
        if low <= total_high || matches!(total.approx, Approx::AtLeast | Approx::MoreThan) {
            continue;
        }
        let (sum, listed) = sum_and_list(cx, &parts);
        out.emit(
            format!(
                "the parts add up to {}, more than the {} they are part of: {listed}",
                show(sum),
                cx.text(total.span)
            ),
            Label::new(
                total.span,
                format!(
                    "total: {}; the parts add up to {}",
                    show(total_number.value),
                    show(sum)
                ),
            ),
            parts.iter().map(|p| Label::new(p.span, "part")).collect(),
            Some("parts of a total cannot add up to more than it; check each figure".into()),
        );
    }
}

/// All breakdown checks.
pub fn breakdown_sum(cx: &Context<'_>, out: &mut Emitter) {
    total_then_parts(cx, out);
    parts_of_these(cx, out);
    located_parts(cx, out);
    either_or_split(cx, out);
    opposite_parts(cx, out);
}
