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
            // "the majority of 88 seats", with the whole stated elsewhere.
            Kind::Count if f.of.is_none() => {
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
                if n.interval().0 * 2.0 > whole {
                    continue;
                }
                let share = n.value / whole * 100.0;
                let claim = majority_before(cx, start, 6).map_or(f.span, |(s, _)| s);
                out.emit(
                    format!(
                        "a majority is claimed for {}, but {} of {} is {}%, not more than half",
                        cx.text(f.span),
                        show(n.value),
                        show(whole),
                        show(share)
                    ),
                    Label::new(
                        f.span,
                        format!("{} of {} is {}%", show(n.value), show(whole), show(share)),
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
            _ => {}
        }
    }
}
