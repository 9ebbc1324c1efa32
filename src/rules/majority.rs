//! `majority-below-half`: a majority claimed for half or less of a whole.

use super::math::show;
use super::{Context, Emitter};
use crate::figure::{Figure, Kind};
use crate::finding::Label;
use crate::span::Span;

/// Words that claim more than half when they stand right before a figure or its share.
const MAJORITY_WORDS: &[&str] = &["majority", "most", "more than half", "over half"];

/// Verbs before `a majority of N` that make N the claimed count, not a winning margin
/// (`won with a majority of 80` is a margin).
const HOLDING_VERBS: &[&str] = &[
    "hold",
    "holds",
    "held",
    "control",
    "controls",
    "controlled",
    "claim",
    "claims",
    "claimed",
    "have",
    "has",
    "had",
    "command",
    "commands",
    "constitute",
    "constitutes",
    "form",
    "forms",
];

/// The majority phrase right before `offset` in its sentence, if any, with its span.
fn majority_before(
    cx: &Context<'_>,
    offset: usize,
    max_gap: usize,
) -> Option<(Span, &'static str)> {
    let before = cx.before_in_sentence(offset);
    // Only the last few words can hold the phrase: lower-case just those.
    let mut tail_start = before.len().saturating_sub(max_gap + 16);
    while !before.is_char_boundary(tail_start) {
        tail_start -= 1;
    }
    let before = &before[tail_start..];
    let lower = before.to_ascii_lowercase();
    for word in MAJORITY_WORDS {
        let Some(at) = lower.rfind(word) else {
            continue;
        };
        let tail = &lower[at + word.len()..];
        if tail.len() > max_gap || (at > 0 && lower.as_bytes()[at - 1].is_ascii_alphabetic()) {
            continue;
        }
        let start = offset - before.len() + at;
        return Some((Span::new(start, start + word.len()), word));
    }
    None
}

fn singular(unit: &str) -> &str {
    unit.strip_suffix('s').unwrap_or(unit)
}

/// The whole a count belongs to: a part-of-whole figure or an `N-seat` compound elsewhere
/// in the document with the same unit.
fn whole_for<'a>(cx: &Context<'a>, count: &Figure) -> Option<(Span, f64)> {
    let unit = singular(count.unit.as_deref()?).to_ascii_lowercase();
    let same_unit = |f: &Figure| {
        f.span != count.span
            && f.unit
                .as_deref()
                .is_some_and(|u| singular(u).eq_ignore_ascii_case(&unit))
    };
    // A stated part of a whole ("73 out of 329 seats") names the whole best...
    let from_part = cx
        .figures
        .iter()
        .filter(|f| same_unit(f))
        .find_map(|f| Some((f.of_span?, f.of?.value)));
    // ... then a compound such as "the 329-seat chamber".
    from_part.or_else(|| {
        cx.figures
            .iter()
            .filter(|f| {
                same_unit(f)
                    && f.kind == Kind::Count
                    && f.of.is_none()
                    && cx.text(f.span).contains('-')
            })
            .find_map(|f| Some((f.span, f.number()?.value)))
    })
}

/// `the majority of 88 seats` in a 329-seat chamber; `the majority (49%)`.
pub fn majority_below_half(cx: &Context<'_>, out: &mut Emitter) {
    for f in cx.figures {
        let Some(n) = f.number() else { continue };
        let start = f.approx_span.map_or(f.span.start, |s| s.start);
        match f.kind {
            // "the majority (49%)", "most, 45%,": the share itself is stated.
            Kind::Percent => {
                let Some((claim, word)) = majority_before(cx, start, 3) else {
                    continue;
                };
                if n.interval().1 > 50.0 || f.approx.is_approx() {
                    continue;
                }
                out.emit(
                    format!(
                        "`{word}` is claimed for {}%, which is not more than half",
                        show(n.value)
                    ),
                    Label::new(f.span, format!("{}% is not more than 50%", show(n.value))),
                    vec![Label::new(claim, "claims more than half")],
                    Some("say `a minority`, `nearly half` or give the share alone".into()),
                );
            }
            // "a majority with 150 of the 329 seats": the part and whole in one figure.
            Kind::Count if f.of.is_some() => {
                let Some(whole) = f.of else { continue };
                let Some((claim, _)) = majority_before(cx, start, 16) else {
                    continue;
                };
                if denied(cx, claim)
                    || f.approx.is_approx()
                    || super::math::count_interval(n).0 * 2.0 > whole.value
                {
                    continue;
                }
                let part = f.part_span(&cx.doc.text);
                let of_span = f.of_span.unwrap_or(f.span);
                report(
                    cx,
                    out,
                    &format!("`{}`", cx.text(claim)),
                    (n.value, part),
                    (whole.value, of_span),
                    claim,
                );
            }
            // "the majority of 88 seats", with the whole stated elsewhere.
            Kind::Count if f.of.is_none() => {
                // "Most of the 40 members, 18 in all": the whole, then the part apposed.
                if let Some((part, claim)) = apposed_part(cx, f, start) {
                    let p = part.number().map_or(0.0, |p| p.value);
                    if !denied(cx, claim)
                        && !part.approx.is_approx()
                        && part
                            .number()
                            .is_some_and(|p| super::math::count_interval(p).0 * 2.0 <= n.value)
                    {
                        report(
                            cx,
                            out,
                            &format!("`{}`", cx.text(claim)),
                            (p, part.span),
                            (n.value, f.span),
                            claim,
                        );
                    }
                    continue;
                }
                let before = cx.before_in_sentence(start).to_ascii_lowercase();
                let trimmed = before.trim_end();
                let Some(head) = trimmed.strip_suffix("majority of") else {
                    continue;
                };
                let head = head.trim_end();
                let article_ok = head.ends_with("the")
                    || head.strip_suffix(" a").is_some_and(|h| {
                        let verb = h
                            .rsplit(|c: char| !c.is_ascii_alphabetic())
                            .next()
                            .unwrap_or("");
                        HOLDING_VERBS.contains(&verb)
                    });
                if !article_ok {
                    continue;
                }
                let Some((whole_span, whole)) = whole_for(cx, f) else {
                    continue;
                };
                if super::math::count_interval(n).0 * 2.0 > whole {
                    continue;
                }
                let claim = majority_before(cx, start, 6).map_or(f.span, |(s, _)| s);
                report(
                    cx,
                    out,
                    "a majority",
                    (n.value, f.span),
                    (whole, whole_span),
                    claim,
                );
            }
            _ => {}
        }
    }
}

/// Words before a majority phrase that deny it: `short of a majority`, `no majority`.
fn denied(cx: &Context<'_>, claim: Span) -> bool {
    let before = cx.before_in_sentence(claim.start).to_ascii_lowercase();
    let last: Vec<&str> = before
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .collect();
    last.iter().any(|w| {
        matches!(
            *w,
            "short"
                | "no"
                | "not"
                | "without"
                | "lack"
                | "lacks"
                | "lacked"
                | "lacking"
                | "failed"
                | "fail"
                | "fell"
                | "falls"
                | "missed"
                | "nor"
                | "never"
        )
    })
}

/// `Most of the 40 members, 18 in all,`: a majority phrase before `of the` and a whole,
/// and right after it a count restating the part.
fn apposed_part<'a>(cx: &Context<'a>, whole: &Figure, start: usize) -> Option<(&'a Figure, Span)> {
    // A whole names what it counts (`40 members`); most counts are not one.
    whole.unit.as_ref()?;
    let (claim, _) = majority_before(cx, start, 8)?;
    let between = cx
        .prose(Span::new(claim.end, start))
        .trim()
        .to_ascii_lowercase();
    if !matches!(
        between.as_str(),
        "of the" | "of its" | "of their" | "of all"
    ) {
        return None;
    }
    let index = cx
        .figures
        .partition_point(|f| f.span.start < whole.span.start);
    let part = cx.figures.get(index + 1)?;
    if part.kind != Kind::Count
        || part.of.is_some()
        || part
            .unit
            .as_ref()
            .is_some_and(|u| Some(u) != whole.unit.as_ref())
    {
        return None;
    }
    let gap = cx.prose(Span::new(
        whole.span.end,
        part.span.start.max(whole.span.end),
    ));
    let gap = gap.trim();
    matches!(gap, "," | "(" | ", or" | "–" | "—" | ":").then_some((part, claim))
}

/// Report a majority claimed (by `claimant`, the words that claim it) for `part` of
/// `whole`.
fn report(
    cx: &Context<'_>,
    out: &mut Emitter,
    claimant: &str,
    (part, part_span): (f64, Span),
    (whole, whole_span): (f64, Span),
    claim: Span,
) {
    let share = part / whole * 100.0;
    out.emit(
        format!(
            "{claimant} is claimed for {}, but {} of {} is {}%, not more than half",
            cx.text(part_span),
            show(part),
            show(whole),
            show(share)
        ),
        Label::new(
            part_span,
            format!("{} of {} is {}%", show(part), show(whole), show(share)),
        ),
        vec![
            Label::new(whole_span, format!("the whole: {}", cx.text(whole_span))),
            Label::new(claim, "claims more than half"),
        ],
        Some(format!(
            "a majority of {} needs more than {}",
            show(whole),
            show((whole / 2.0).floor())
        )),
    );
}
