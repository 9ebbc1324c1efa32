//! `unsourced-figure` and `vague-figure`: statistics the draft gives without saying who
//! says so (see `crate::attribution` for what counts as a source).

use super::{Context, Emitter};
use crate::document::BlockKind;
use crate::figure::{Approx, Figure, Kind};
use crate::finding::{Label, Severity};
use crate::span::LineIndex;

/// The rule's parameters, read once a document rather than once a figure.
struct Settings<'a> {
    exempt_kinds: Vec<&'a str>,
    count_threshold: f64,
    count_severity: Severity,
}

impl<'a> Settings<'a> {
    fn new(cx: &Context<'a>) -> Self {
        Settings {
            exempt_kinds: cx.param_list("exempt_kinds"),
            count_threshold: cx.param("count_threshold"),
            count_severity: Severity::parse(cx.param_str("count_severity"))
                .unwrap_or(Severity::Info),
        }
    }
}

/// Why a figure is a statistic that wants a source, and how serious its lack is.
fn statistic_severity(
    cx: &Context<'_>,
    settings: &Settings<'_>,
    figure: &Figure,
) -> Option<Severity> {
    if settings.exempt_kinds.contains(&figure.kind.as_str()) {
        return None;
    }
    let counts = || settings.count_severity;
    match figure.kind {
        Kind::Percent | Kind::PercentagePoints | Kind::Money | Kind::Ratio | Kind::Fraction => {
            Some(Severity::Warning)
        }
        // A part of a large whole (`73 out of 329 seats`) is a share; `six of its 40
        // members` is narrative.
        Kind::Count
            if figure
                .of
                .is_some_and(|of| of.value >= settings.count_threshold) =>
        {
            Some(Severity::Warning)
        }
        Kind::Count | Kind::Range => {
            if figure.currency.is_some() || figure.unit.as_deref() == Some("%") {
                return Some(Severity::Warning);
            }
            // A count says what it counts (`4,200 people`); a bare number (`405.7` in a
            // ranked list, `a million`) or a span of years is not a statistic on its own.
            let unit = figure.unit.as_deref()?;
            if unit.starts_with("year") {
                return None;
            }
            // `the 329-seat assembly` describes the whole, it reports nothing.
            let text = cx.text(figure.span);
            if text.contains('-') && !text.contains(' ') {
                return None;
            }
            let value = figure.number()?.value;
            (value >= settings.count_threshold).then(counts)
        }
        // Measured quantities, dates and the like only when not exempt by configuration.
        _ => Some(counts()),
    }
}

/// True when the figure's block is one the rules read for sourcing.
fn in_checked_block(cx: &Context<'_>, figure: &Figure) -> bool {
    let Some(block) = cx.doc.block_at(figure.span.start) else {
        return false;
    };
    match cx.doc.blocks[block].kind {
        BlockKind::Paragraph => true,
        BlockKind::Heading => cx.param_bool("headings"),
        BlockKind::TableCell => cx.param_bool("tables"),
    }
}

/// What the figure is, for messages.
fn what(figure: &Figure) -> &'static str {
    match figure.kind {
        Kind::Percent => "percentage",
        Kind::PercentagePoints => "change in percentage points",
        Kind::Money => "sum of money",
        Kind::Ratio => "ratio",
        Kind::Fraction => "share",
        Kind::Count if figure.of.is_some() => "part of a whole",
        _ => "figure",
    }
}

/// `unsourced-figure`: one finding a paragraph, on its first unsourced statistic, with
/// labels on the others, so a paragraph of five unsourced percentages is one thing to
/// fix (one source named there settles them all).
pub fn unsourced_figure(cx: &Context<'_>, em: &mut Emitter) {
    let mut attributor = cx.attributor();
    let settings = Settings::new(cx);
    // (severity, figure index) of the unsourced statistics, in order.
    let mut unsourced: Vec<(Severity, usize)> = Vec::new();
    for (i, figure) in cx.figures.iter().enumerate() {
        // Vague magnitudes are `vague-figure`'s.
        if figure.approx == Approx::Vague || !in_checked_block(cx, figure) {
            continue;
        }
        let Some(severity) = statistic_severity(cx, &settings, figure) else {
            continue;
        };
        if attributor.in_quote(figure.span) || attributor.attribution_of(figure).is_some() {
            continue;
        }
        unsourced.push((severity, i));
    }

    let mut lines: Option<LineIndex> = None;
    let mut k = 0;
    while k < unsourced.len() {
        let first = unsourced[k].1;
        let block = cx.doc.block_at(cx.figures[first].span.start);
        let group: Vec<(Severity, usize)> = unsourced[k..]
            .iter()
            .take_while(|(_, i)| cx.doc.block_at(cx.figures[*i].span.start) == block)
            .copied()
            .collect();
        k += group.len();
        let figure = &cx.figures[first];
        let severity = group
            .iter()
            .map(|(s, _)| *s)
            .max()
            .unwrap_or(Severity::Info);
        let text = cx.text(figure.span);
        let message = if group.len() == 1 {
            format!(
                "unsourced {}: nothing in its sentence, quote or paragraph says who gives `{text}`",
                what(figure)
            )
        } else {
            const SHOWN: usize = 5;
            let mut others: Vec<String> = group[1..]
                .iter()
                .take(SHOWN - 1)
                .map(|(_, i)| format!("`{}`", cx.text(cx.figures[*i].span)))
                .collect();
            if group.len() > SHOWN {
                others.push(format!("and {} more", group.len() - SHOWN));
            }
            format!(
                "{} unsourced statistics in one paragraph: `{text}`, {}; nothing in their sentence, quote or paragraph says who gives them",
                group.len(),
                others.join(", ")
            )
        };
        let related: Vec<Label> = group[1..]
            .iter()
            .map(|(_, i)| Label::new(cx.figures[*i].span, "also unsourced".to_owned()))
            .collect();
        let near = attributor.near_miss(figure);
        let help = match near {
            Some(near) => {
                let index = lines.get_or_insert_with(|| LineIndex::new(&cx.doc.text));
                let line = index
                    .line_col(&cx.doc.text, near.cue_span.start, crate::span::ColumnUnit::Char)
                    .line;
                let who = near
                    .source
                    .map(|s| format!("`{}`", cx.text(s)))
                    .unwrap_or_else(|| "a source".to_owned());
                let place = if near.previous_paragraph {
                    "in the paragraph before"
                } else {
                    "in this paragraph, but more than a sentence away"
                };
                let name = near.source.map_or("the source", |s| cx.text(s));
                // `The company` in mid-sentence: `..., the company said`.
                let name = match name.split_once(' ') {
                    Some((article @ ("The" | "A" | "An" | "Its" | "Their"), rest)) => {
                        format!("{} {rest}", article.to_lowercase())
                    }
                    _ => name.to_owned(),
                };
                format!(
                    "the nearest attribution, to {who} (line {line}), is {place}; if it covers this figure, say so in this sentence (`..., {name} said`), otherwise name the source"
                )
            }
            None => "name who gives the figure in its sentence: `according to ...`, `... said`, `figures from ... show`, or a link to the data".to_owned(),
        };
        em.emit(
            message,
            Label::new(figure.span, format!("no source for this {}", what(figure))),
            related,
            Some(help),
        );
        em.with_severity(severity);
    }
}

/// `vague-figure`: a vague magnitude (`hundreds of billions of dollars`, `tens of
/// thousands`) with no source.
pub fn vague_figure(cx: &Context<'_>, em: &mut Emitter) {
    let mut attributor = cx.attributor();
    for figure in cx.figures {
        if figure.approx != Approx::Vague || !in_checked_block(cx, figure) {
            continue;
        }
        if attributor.in_quote(figure.span) || attributor.attribution_of(figure).is_some() {
            continue;
        }
        let text = cx.text(figure.span);
        em.emit(
            format!("vague magnitude with no source: `{text}` gives a scale, not a figure, and nobody is cited for it"),
            Label::new(figure.span, "no source and no figure".to_owned()),
            Vec::new(),
            Some("give the figure and who gives it, or say whose estimate the magnitude is".to_owned()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::finding::Severity;
    use crate::{Document, SourceFormat};
    use std::path::Path;

    /// `(severity, primary text)` of the sourcing findings of `text` under `toml`.
    fn sourcing(text: &str, toml: &str, format: SourceFormat) -> Vec<(Severity, String)> {
        let config = Config::parse(Path::new("figcheck.toml"), toml).unwrap();
        let doc = Document::new("t", text.to_owned(), format);
        crate::check(&doc, &config)
            .into_iter()
            .filter(|f| f.rule == "unsourced-figure")
            .map(|f| (f.severity, f.primary.span.slice(&doc.text).to_owned()))
            .collect()
    }

    fn plain(text: &str, toml: &str) -> Vec<(Severity, String)> {
        sourcing(text, toml, SourceFormat::PlainText)
    }

    #[test]
    fn severity_follows_the_kind_of_statistic() {
        assert_eq!(
            plain("Rents rose 9% in a year.", ""),
            vec![(Severity::Warning, "9%".to_owned())]
        );
        assert_eq!(
            plain("The festival drew 4,200 visitors.", ""),
            vec![(Severity::Info, "4,200 visitors".to_owned())]
        );
        // A paragraph's statistics make one finding, as serious as the worst of them.
        let both = plain(
            "The festival drew 4,200 visitors. Rents rose 9% in a year.",
            "",
        );
        assert_eq!(both, vec![(Severity::Warning, "4,200 visitors".to_owned())]);
    }

    #[test]
    fn configured_severity_threshold_and_kinds() {
        let text = "The festival drew 4,200 visitors in 2023.";
        let all_errors = "[rules.unsourced-figure]\nseverity = \"error\"\n";
        assert_eq!(plain(text, all_errors)[0].0, Severity::Error);
        let counts_warn = "[rules.unsourced-figure]\ncount_severity = \"warning\"\n";
        assert_eq!(plain(text, counts_warn)[0].0, Severity::Warning);
        let high_bar = "[rules.unsourced-figure]\ncount_threshold = 10000\n";
        assert!(plain(text, high_bar).is_empty());
        // With nothing exempt, the year is reported too (at the count severity).
        let nothing_exempt = "[rules.unsourced-figure]\nexempt_kinds = []\n";
        let found = plain("The festival began in 2023.", nothing_exempt);
        assert_eq!(found, vec![(Severity::Info, "2023".to_owned())]);
    }

    #[test]
    fn headings_only_when_asked() {
        let text = "# Rents up 9%\n\nThe council met, the clerk said.\n";
        assert!(sourcing(text, "", SourceFormat::Markdown).is_empty());
        let toml = "[rules.unsourced-figure]\nheadings = true\n";
        assert_eq!(sourcing(text, toml, SourceFormat::Markdown).len(), 1);
    }
}
