//! `figure-drift`: the same quantity restated with another value.
//!
//! Two conservative shapes, within one paragraph or between a heading and its text:
//! * a scale slip: the same digits with scales a thousand apart for the same currency or
//!   unit (`$4.7 million` and later `$4.7 billion`);
//! * a transposition: two adjacent digits swapped (`$330 million` and `$303 million`);
//!
//! A restatement of the same counted thing with another value (`across four states`,
//! later `across 9 states`) needs to know that both name the same thing; plain word
//! matching flagged too many lists in real text, so it is left for the claims layer.
//! Equal digits can still be two quantities, so the rule reports at `info`.

use super::math::show;
use super::{Context, Emitter};
use crate::document::BlockKind;
use crate::figure::{Approx, Figure, Kind};
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

/// The figure-drift checks. Figures are bucketed by what they measure and by their
/// digits or leading words, so the cost stays near linear in the number of figures.
pub fn figure_drift(cx: &Context<'_>, out: &mut Emitter) {
    use std::collections::HashMap;
    two_totals(cx, out);
    restated_sets(cx, out);
    headline_restated(cx, out);
    restated_changes(cx, out);
    anchored_restatements(cx, out);
    let figures = cx.figures;
    // Slips and transpositions keep their digits: same measure, same sorted digits.
    let mut by_digits: HashMap<(Kind, String, String), Vec<usize>> = HashMap::new();
    let mut reported = std::collections::HashSet::new();
    for (j, later) in figures.iter().enumerate() {
        let Some((kind, unit)) = measure(later) else {
            continue;
        };
        let Some(b) = later.number() else { continue };
        let mut check =
            |earlier: &Figure,
             why: &'static str,
             reported: &mut std::collections::HashSet<crate::Span>| {
                let Some(a) = earlier.number() else { return };
                if a.interval().1 >= b.interval().0 && b.interval().1 >= a.interval().0 {
                    return; // the same value
                }
                if reported.insert(later.span) {
                    report(cx, out, earlier, later, why);
                }
            };
        if let Some((digits, scale)) = mantissa(cx, later) {
            let mut sorted: Vec<char> = digits.chars().collect();
            sorted.sort_unstable();
            let key = (kind, unit.clone(), sorted.into_iter().collect::<String>());
            let bucket = by_digits.entry(key).or_default();
            // A bounded look-back keeps a pathological repetition linear.
            for &i in bucket.iter().rev().take(16) {
                let earlier = &figures[i];
                // A slip is corrected within one paragraph, or between a heading and its
                // text; further apart, equal digits are more often two quantities.
                let (block_a, block_b) = (
                    cx.doc.block_at(earlier.span.start),
                    cx.doc.block_at(later.span.start),
                );
                let heading = block_a.is_some_and(|b| cx.doc.blocks[b].kind == BlockKind::Heading);
                if block_a != block_b && !heading {
                    continue;
                }
                let Some((earlier_digits, earlier_scale)) = mantissa(cx, earlier) else {
                    continue;
                };
                if earlier_digits == digits
                    && digits.len() >= 2
                    && (earlier_scale / scale == 1000.0 || scale / earlier_scale == 1000.0)
                {
                    check(earlier, "a scale slip?", &mut reported);
                } else if earlier_scale == scale
                    && adjacent_swap(&earlier_digits, &digits)
                    // "$52,000,000" and "$25,000,000" are round sums, not a typo.
                    && !digits.ends_with("000")
                {
                    check(earlier, "transposed digits?", &mut reported);
                }
            }
            bucket.push(j);
        }
    }
}

/// A whole a document states: `329 seats` in `73 out of 329 seats`, or `325-seat` in
/// `the 325-seat chamber`, with the noun after a compound (`chamber`).
struct Whole {
    value: crate::figure::Number,
    unit: String,
    body: Option<String>,
    span: crate::Span,
}

fn wholes(cx: &Context<'_>) -> Vec<Whole> {
    let singular = |u: &str| u.strip_suffix('s').unwrap_or(u).to_ascii_lowercase();
    let mut out = Vec::new();
    for f in cx.figures {
        let Some(unit) = f.unit.as_deref().and_then(|u| u.split_whitespace().last()) else {
            continue;
        };
        if !unit.chars().all(|c| c.is_ascii_alphabetic()) || f.approx.is_approx() {
            continue;
        }
        if let (Some(of), Some(of_span)) = (f.of, f.of_span) {
            if f.kind == Kind::Count {
                out.push(Whole {
                    value: of,
                    unit: singular(unit),
                    body: None,
                    span: of_span,
                });
            }
            continue;
        }
        let text = cx.text(f.span);
        let compound = matches!(f.kind, Kind::Count | Kind::Duration)
            && text.split_once('-').is_some_and(|(n, u)| {
                n.chars().all(|c| c.is_ascii_digit() || c == ',') && singular(u) == singular(unit)
            });
        let Some(value) = f.number().filter(|_| compound) else {
            continue;
        };
        let body = cx.doc.prose[f.span.end..]
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .map(str::to_lowercase);
        out.push(Whole {
            value,
            unit: singular(unit),
            body,
            span: f.span,
        });
    }
    out
}

/// `73 out of 329 seats` and later `the 325-seat chamber`: one whole given two totals.
/// Totals far apart (12 and 40 members) are two bodies, not a slip, so only totals
/// within a tenth of each other are compared.
fn two_totals(cx: &Context<'_>, out: &mut Emitter) {
    use std::collections::HashMap;
    let mut by_unit: HashMap<String, Vec<Whole>> = HashMap::new();
    for whole in wholes(cx) {
        let seen = by_unit.entry(whole.unit.clone()).or_default();
        let (lo, hi) = whole.value.interval();
        let conflict = seen.iter().rev().take(16).find(|earlier| {
            let (elo, ehi) = earlier.value.interval();
            let apart = hi < elo || ehi < lo;
            let close = (whole.value.value - earlier.value.value).abs()
                <= 0.1 * whole.value.value.max(earlier.value.value);
            let same_body = match (&whole.body, &earlier.body) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            apart && close && same_body
        });
        if let Some(earlier) = conflict {
            let (now, before) = (cx.text(whole.span), cx.text(earlier.span));
            out.emit(
                format!("the whole is given as {now} here but as {before} earlier"),
                Label::new(whole.span, format!("total: {}", show(whole.value.value))),
                vec![Label::new(
                    earlier.span,
                    format!("total: {}", show(earlier.value.value)),
                )],
                Some("one whole should have one total; check which is right".into()),
            );
            continue;
        }
        if !seen
            .iter()
            .any(|s| s.value.value == whole.value.value && s.body == whole.body)
        {
            seen.push(whole);
        }
    }
}

/// Nouns general enough to name a set of any kind of place: `BAA's seven sites` can be
/// restated as `the eight airports`.
const SET_HYPERNYMS: &[&str] = &["site", "location", "facility", "venue", "outlet", "branch"];

/// Verbs whose subject owns or runs the set they count: `The trust runs 12 hospitals`.
const OWNING_VERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "owns",
    "owned",
    "runs",
    "ran",
    "operates",
    "operated",
    "employs",
    "employed",
    "controls",
    "controlled",
    "manages",
    "managed",
    "holds",
    "held",
];

/// Words after `the N nouns` that narrow the set to a subset.
const SUBSET_MODIFIERS: &[&str] = &[
    "in",
    "at",
    "on",
    "near",
    "outside",
    "inside",
    "that",
    "which",
    "who",
    "where",
    "with",
    "without",
    "run",
    "owned",
    "operated",
    "still",
    "not",
    "left",
    "remaining",
    "from",
];

/// A figure that counts a whole set of things someone owns or the text has introduced:
/// `BAA's seven sites`, `its 12 stores`, `the eight airports`, `all 50 states`.
struct SetRef<'f> {
    figure: &'f Figure,
    value: u64,
    /// The counted noun, singular and lower-cased.
    noun: String,
    /// The owner's name for `X's N nouns`, `its` for `its N nouns`, `None` for `the N
    /// nouns` and `all N nouns`.
    owner: Option<String>,
}

fn set_ref<'f>(cx: &Context<'_>, f: &'f Figure) -> Option<SetRef<'f>> {
    if f.kind != Kind::Count || f.approx.is_approx() || f.of.is_some() || f.high.is_some() {
        return None;
    }
    let n = f.number()?;
    if n.step != 1.0 || n.value.fract() != 0.0 || !(2.0..=10_000.0).contains(&n.value) {
        return None;
    }
    // Exactly `<number> <noun>`: a modifier between them (`the three Scottish airports`)
    // names a subset.
    let mut words = cx.text(f.span).split_whitespace();
    let (_, noun, None) = (words.next()?, words.next()?, words.next()) else {
        return None;
    };
    let noun = noun.to_ascii_lowercase();
    let singular = noun
        .strip_suffix("es")
        .filter(|s| s.ends_with("ch"))
        .or_else(|| noun.strip_suffix('s'))?;
    if singular.len() < 3 || !singular.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let before = cx.before_in_sentence(f.span.start).trim_end();
    let determiner = before.rsplit(char::is_whitespace).next()?;
    let owner = if let Some(name) = determiner
        .strip_suffix("'s")
        .or_else(|| determiner.strip_suffix("\u{2019}s"))
    {
        // `the company's`, `BAA's`: a named owner.
        if name.is_empty() || !name.chars().all(char::is_alphanumeric) {
            return None;
        }
        Some(name.to_lowercase())
    } else {
        match determiner.to_ascii_lowercase().as_str() {
            "its" => Some("its".to_owned()),
            "the" | "all" => {
                // `Heathrow, Gatwick and Stansted, the three airports`: an appositive names
                // its own members, a subset.
                let head = before[..before.len() - determiner.len()].trim_end();
                if head.ends_with(',') && head.contains(" and ") {
                    return None;
                }
                // `the 20 branches in Wales`, `the six plants that stayed open`: a
                // restrictive modifier after the noun names a subset.
                let next = cx
                    .after_in_sentence(f.span.end)
                    .split(|c: char| !c.is_alphabetic())
                    .find(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase);
                if next
                    .as_deref()
                    .is_some_and(|w| SUBSET_MODIFIERS.contains(&w))
                    && !cx
                        .after_in_sentence(f.span.end)
                        .starts_with([',', '.', ';', ':'])
                {
                    return None;
                }
                None
            }
            verb if OWNING_VERBS.contains(&verb) => {
                // `The trust runs 12 hospitals`: the subject right before the verb owns
                // the set; a pronoun names nobody.
                let head = before[..before.len() - determiner.len()].trim_end();
                let subject = head.rsplit(char::is_whitespace).next().unwrap_or("");
                let subject = subject.to_lowercase();
                if subject.len() < 3
                    || !subject.chars().all(char::is_alphabetic)
                    || [
                        "he", "she", "they", "who", "which", "that", "it", "we", "you",
                    ]
                    .contains(&subject.as_str())
                {
                    return None;
                }
                Some(subject)
            }
            _ => return None,
        }
    };
    Some(SetRef {
        figure: f,
        value: n.value as u64,
        noun: singular.to_owned(),
        owner,
    })
}

/// `BAA's seven sites`, later `across the eight airports`: a set an owner has is counted
/// again with another size. Only an owned set is taken as the reference (`the two men`
/// and `the three men` are mostly two groups), restated by the same owner, by `its`, or
/// by a definite `the N` of the same noun or of a place noun after a general one; sizes
/// more than one or a tenth apart are taken for a subset or another set.
fn restated_sets(cx: &Context<'_>, out: &mut Emitter) {
    let mut owned: Vec<SetRef<'_>> = Vec::new();
    let mut reported = std::collections::HashSet::new();
    for f in cx.figures {
        let Some(later) = set_ref(cx, f) else {
            continue;
        };
        let conflict = owned.iter().rev().take(16).find(|earlier| {
            let same_owner = match (&earlier.owner, &later.owner) {
                (Some(a), Some(b)) => a == b || b == "its",
                (_, None) => true,
                (None, Some(_)) => false,
            };
            let same_noun = earlier.noun == later.noun
                || SET_HYPERNYMS.contains(&earlier.noun.as_str())
                || SET_HYPERNYMS.contains(&later.noun.as_str());
            let gap = earlier.value.abs_diff(later.value);
            let close = gap <= 1 || gap * 10 <= earlier.value.max(later.value);
            same_owner && same_noun && gap > 0 && close
        });
        if let Some(earlier) = conflict {
            if reported.insert(f.span) {
                out.emit(
                    format!(
                        "{} counts the set given earlier as {} with another size: {} here, {} there",
                        cx.text(f.span),
                        cx.text(earlier.figure.span),
                        later.value,
                        earlier.value
                    ),
                    Label::new(f.span, format!("{} here", later.value)),
                    vec![Label::new(
                        earlier.figure.span,
                        format!("{} earlier", earlier.value),
                    )],
                    Some(
                        "if both count the same set, one count is wrong; if one counts only \
                         some of them, say which"
                            .into(),
                    ),
                );
                out.with_severity(crate::finding::Severity::Warning);
            }
            continue;
        }
        if later.owner.as_deref().is_some_and(|o| o != "its") {
            owned.push(later);
        }
    }
}

/// A word reduced to a rough stem so that `kills`, `killed` and `killing` meet.
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.chars().count() >= 3
        {
            return stem.to_owned();
        }
    }
    w
}

/// What a figure counts, as stems: its unit noun, the noun after an amount of money (`£4.7m
/// budget`), and the verb right before it (`kills 12`).
fn restatement_keys(cx: &Context<'_>, f: &Figure) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(unit) = f.unit.as_deref()
        && f.kind != Kind::Money
    {
        keys.extend(unit.split_whitespace().last().map(stem));
    }
    let next = cx
        .after_in_sentence(f.span.end)
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty());
    if f.kind == Kind::Money
        && let Some(noun) = next.filter(|w| {
            w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()) && !NOT_SUBJECTS.contains(w)
        })
    {
        keys.push(stem(noun));
    }
    let start = f.approx_span.map_or(f.span.start, |s| s.start);
    let previous = cx
        .before_in_sentence(start)
        .split(|c: char| !c.is_alphabetic())
        .rfind(|w| !w.is_empty());
    if let Some(verb) =
        previous.filter(|w| w.len() >= 4 && !NOT_SUBJECTS.contains(&w.to_lowercase().as_str()))
    {
        keys.push(format!("verb:{}", stem(verb)));
    }
    keys
}

/// `# Storm kills 12 in coastal towns` over `The storm killed 14 people`: a headline
/// restates a figure of the text under it. A headline count, amount or measure is
/// compared with the figures of the first two paragraphs under it that count the same
/// thing (same unit noun, same noun after an amount, or same verb before it); it is
/// flagged when exactly one of them matches and differs, and nothing under the headline
/// gives the headline's value.
fn headline_restated(cx: &Context<'_>, out: &mut Emitter) {
    let blocks = &cx.doc.blocks;
    let figures = cx.figures;
    for (b, block) in blocks.iter().enumerate() {
        if block.kind != BlockKind::Heading {
            continue;
        }
        // The section under the headline, and its first two paragraphs.
        let section_end = blocks[b + 1..]
            .iter()
            .find(|x| x.kind == BlockKind::Heading)
            .map_or(cx.doc.text.len(), |x| x.span.start);
        let lead_end = blocks[b + 1..]
            .iter()
            .take_while(|x| x.span.start < section_end)
            .filter(|x| x.kind == BlockKind::Paragraph)
            .nth(1)
            .map_or(section_end, |x| x.span.end);
        let first = figures.partition_point(|f| f.span.start < block.span.start);
        let body_start = figures.partition_point(|f| f.span.start < block.span.end);
        let section = body_start..figures.partition_point(|f| f.span.start < section_end);
        for headline in &figures[first..body_start] {
            if !matches!(headline.kind, Kind::Count | Kind::Money | Kind::Quantity)
                || headline.of.is_some()
                || headline.high.is_some()
            {
                continue;
            }
            let Some(h) = headline.number() else { continue };
            let keys = restatement_keys(cx, headline);
            if keys.is_empty() {
                continue;
            }
            let same_thing = |f: &Figure| {
                f.kind == headline.kind
                    && f.currency == headline.currency
                    && (f.kind != Kind::Quantity || f.unit == headline.unit)
                    && f.of.is_none()
                    && restatement_keys(cx, f).iter().any(|k| keys.contains(k))
            };
            let agrees = |f: &Figure| {
                f.number().is_some_and(|n| {
                    let (lo, hi) = super::math::approx_interval(n, f.approx);
                    let (hlo, hhi) = super::math::approx_interval(h, headline.approx);
                    lo <= hhi && hlo <= hi
                })
            };
            // The headline's value anywhere under it, for anything: no restatement slip.
            if figures[section.clone()]
                .iter()
                .any(|f| f.kind == headline.kind && agrees(f))
            {
                continue;
            }
            let candidates: Vec<&Figure> = figures[section.clone()]
                .iter()
                .filter(|f| f.span.start < lead_end && same_thing(f))
                .collect();
            let [body] = candidates[..] else { continue };
            let b_value = body.number().map_or(0.0, |n| n.value);
            out.emit(
                format!(
                    "the headline gives {}, but the text under it gives {}",
                    cx.text(headline.span),
                    cx.text(body.span)
                ),
                Label::new(body.span, format!("{} in the text", show(b_value))),
                vec![Label::new(
                    headline.span,
                    format!("{} in the headline", show(h.value)),
                )],
                Some("a headline restates its story's figure; one of them is wrong".into()),
            );
            out.with_severity(crate::finding::Severity::Warning);
        }
    }
}

/// Words that cannot be the subject of a change.
const NOT_SUBJECTS: &[&str] = &[
    "it",
    "its",
    "they",
    "their",
    "this",
    "that",
    "these",
    "those",
    "there",
    "he",
    "she",
    "we",
    "and",
    "but",
    "while",
    "with",
    "in",
    "on",
    "at",
    "by",
    "for",
    "of",
    "over",
    "according",
    "which",
    "who",
    "what",
    "also",
    "so",
    "as",
    "up",
    "down",
    "a",
    "an",
    "per",
    "cent",
];

/// The first word of the clause a figure stands in, skipping `the`: `complaints` in
/// `According to the log, complaints per 100,000 residents were down 17.8%`.
fn clause_subject(cx: &Context<'_>, f: &Figure) -> Option<String> {
    let before = cx.before_in_sentence(f.span.start);
    // Punctuation followed by a space ends a clause; the comma of `100,000` does not.
    let clause_start = [", ", "; ", ": "]
        .iter()
        .filter_map(|p| before.rfind(p).map(|i| i + p.len()))
        .max()
        .unwrap_or(0);
    let clause = &before[clause_start..];
    let mut words = clause
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase);
    let mut first = words.next()?;
    if first == "the" {
        first = words.next()?;
    }
    let first = first.strip_suffix('s').unwrap_or(&first).to_string();
    (!NOT_SUBJECTS.contains(&first.as_str()) && first.len() >= 3).then_some(first)
}

const PERIOD_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "quarter",
    "half",
    "week",
    "weekend",
    "spring",
    "summer",
    "autumn",
    "winter",
    "fall",
];

/// What names the period of a figure's sentence: the texts of its years and dates, and
/// month, quarter and season words (`in March` is no figure, but names a period).
pub(super) fn periods(cx: &Context<'_>, f: &Figure) -> Vec<String> {
    let mut names: Vec<String> = cx
        .sentence_figures_of(f)
        .map(|j| &cx.figures[j])
        .filter(|g| matches!(g.kind, Kind::Year | Kind::Date))
        .map(|g| cx.text(g.span).to_ascii_lowercase())
        .collect();
    if let Some(sentence) = cx.sentence_at(f.span.start) {
        let text = &cx.doc.prose[sentence.start..sentence.end];
        names.extend(
            text.split(|c: char| !c.is_ascii_alphabetic())
                .map(str::to_ascii_lowercase)
                .filter(|w| PERIOD_WORDS.contains(&w.as_str())),
        );
    }
    names.sort();
    names.dedup();
    names
}

/// `Complaints about noise fell by nearly 13%` and later `complaints ... were down 17.8%`: a
/// rounded change in one place and the precise one in another that it does not round
/// to. Only an approximate value against an exact one is compared (two exact values are
/// more often two periods or places), with the same subject and direction, for values
/// within a factor of two, and not when both sentences name different periods.
fn restated_changes(cx: &Context<'_>, out: &mut Emitter) {
    use super::arithmetic::{Direction, direction_before};
    use std::collections::HashMap;
    let mut seen: HashMap<(String, bool), Vec<&Figure>> = HashMap::new();
    for f in cx.figures {
        if f.kind != Kind::Percent || f.of.is_some() || f.high.is_some() {
            continue;
        }
        let rounded = matches!(f.approx, Approx::Nearly | Approx::About);
        if f.approx.is_approx() && !rounded {
            continue;
        }
        let Some(direction) = direction_before(cx, f, 3) else {
            continue;
        };
        let Some(subject) = clause_subject(cx, f) else {
            continue;
        };
        let key = (subject, direction == Direction::Rise);
        let earlier_ones = seen.entry(key).or_default();
        // A bounded look-back keeps many changes of one subject linear.
        for earlier in earlier_ones.iter().rev().take(16) {
            let (approx, exact) = match (earlier.approx.is_approx(), rounded) {
                (true, false) => (*earlier, f),
                (false, true) => (f, *earlier),
                _ => continue,
            };
            let (Some(a), Some(e)) = (approx.number(), exact.number()) else {
                continue;
            };
            let (lo, hi) = match approx.approx {
                Approx::Nearly => (a.value * 0.9, a.interval().1),
                _ => (a.value * 0.9, a.value * 1.1),
            };
            let (elo, ehi) = e.interval();
            let within_factor_two = e.value <= 2.0 * a.value && a.value <= 2.0 * e.value;
            if (ehi > lo && elo < hi) || !within_factor_two {
                continue;
            }
            let (pa, pe) = (periods(cx, approx), periods(cx, exact));
            if !pa.is_empty() && !pe.is_empty() && pa != pe {
                continue;
            }
            report(
                cx,
                out,
                earlier,
                f,
                "a rounded change that does not round the precise one?",
            );
            break;
        }
        earlier_ones.push(f);
    }
}

/// `70 damage reports across four counties`, later `70 damage reports across 9 counties`:
/// two sentences that give the same figure with the same noun, and another count of the
/// same noun that differs between them. The repeated figure ties the two sentences to
/// one fact, so their other counts of one thing should agree.
fn anchored_restatements(cx: &Context<'_>, out: &mut Emitter) {
    use std::collections::HashMap;
    let key = |f: &Figure| -> Option<(u64, String)> {
        let unit = f.unit.as_deref()?;
        if f.kind != Kind::Count || f.approx.is_approx() || f.of.is_some() {
            return None;
        }
        if !unit.chars().all(|c| c.is_alphabetic() || c == ' ') {
            return None;
        }
        // Small counts repeat by chance ("one hospital", "two ships").
        let value = f.number()?.value;
        if value < 10.0 {
            return None;
        }
        Some((value.to_bits(), unit.to_lowercase()))
    };
    // Counts in one sentence: lists of many counts are tables in prose, not restatements.
    let counts_in = |range: std::ops::Range<usize>| {
        range.filter(|&k| cx.figures[k].kind == Kind::Count).count()
    };
    // The word right before a figure (`across`), which makes two phrases parallel.
    let word_before = |f: &Figure| {
        cx.before_in_sentence(f.span.start)
            .split(|c: char| !c.is_alphabetic())
            .rfind(|w| !w.is_empty())
            .map(str::to_lowercase)
    };
    let singular = |u: &str| u.strip_suffix('s').unwrap_or(u).to_lowercase();
    let mut anchors: HashMap<(u64, String), Vec<usize>> = HashMap::new();
    for (i, f) in cx.figures.iter().enumerate() {
        if let Some(k) = key(f) {
            anchors.entry(k).or_default().push(i);
        }
    }
    let mut reported = std::collections::HashSet::new();
    let mut groups: Vec<&Vec<usize>> = anchors.values().filter(|v| v.len() >= 2).collect();
    groups.sort();
    for group in groups {
        // Each later mention against the first one, sentence by sentence.
        let first = group[0];
        let first_sentence = cx.sentence_figures(first);
        for &later in &group[1..] {
            let later_sentence = cx.sentence_figures(later);
            if later_sentence == first_sentence
                || counts_in(first_sentence.clone()) > 3
                || counts_in(later_sentence.clone()) > 3
            {
                continue;
            }
            for j in later_sentence.clone().filter(|&j| j != later) {
                let b = &cx.figures[j];
                let Some(b_unit) = b.unit.as_deref().and_then(|u| u.split_whitespace().last())
                else {
                    continue;
                };
                if b.kind != Kind::Count || b.approx.is_approx() || b.of.is_some() {
                    continue;
                }
                let earlier = first_sentence.clone().filter(|&k| k != first).find(|&k| {
                    let a = &cx.figures[k];
                    a.kind == Kind::Count
                        && !a.approx.is_approx()
                        && a.of.is_none()
                        && word_before(a).is_some()
                        && word_before(a) == word_before(b)
                        && a.unit
                            .as_deref()
                            .and_then(|u| u.split_whitespace().last())
                            .is_some_and(|u| singular(u) == singular(b_unit))
                });
                let Some(k) = earlier else { continue };
                let a = &cx.figures[k];
                let (Some(x), Some(y)) = (a.number(), b.number()) else {
                    continue;
                };
                let apart = x.interval().1 < y.interval().0 || y.interval().1 < x.interval().0;
                if apart && reported.insert(b.span) {
                    let anchor = cx.text(cx.figures[first].span);
                    report(cx, out, a, b, &format!("both sentences give {anchor}"));
                }
            }
        }
    }
}
