use super::*;
use crate::document::SourceFormat;

/// `(figure text, cue, source text)` for every figure of `text`.
fn sheet(text: &str, format: SourceFormat) -> Vec<(String, Option<&'static str>, Option<String>)> {
    let doc = Document::new("t", text.to_owned(), format);
    let figures = crate::figures(&doc);
    attribute(&doc, &figures)
        .into_iter()
        .zip(&figures)
        .map(|(a, f)| {
            (
                f.span.slice(&doc.text).to_owned(),
                a.map(|a| a.cue.as_str()),
                a.and_then(|a| a.source)
                    .map(|s| s.slice(&doc.text).to_owned()),
            )
        })
        .collect()
}

fn plain(text: &str) -> Vec<(String, Option<&'static str>, Option<String>)> {
    sheet(text, SourceFormat::PlainText)
}

/// The cue and source of the figure written `figure`.
fn of(text: &str, figure: &str) -> (Option<&'static str>, Option<String>) {
    let rows = plain(text);
    let row = rows
        .iter()
        .find(|r| r.0 == figure)
        .unwrap_or_else(|| panic!("no figure {figure:?} in {rows:?}"));
    (row.1, row.2.clone())
}

fn source(text: &str, figure: &str) -> Option<String> {
    of(text, figure).1
}

fn attributed(text: &str, figure: &str) -> bool {
    of(text, figure).0.is_some()
}

#[test]
fn subject_of_a_verb_of_saying() {
    let text = "Exports rose 4% last year, the trade ministry said.";
    assert_eq!(
        of(text, "4%"),
        (Some("said"), Some("the trade ministry".into()))
    );
    let text = "The trade ministry said on Monday that exports rose 4%.";
    assert_eq!(source(text, "4%").as_deref(), Some("The trade ministry"));
}

#[test]
fn an_aside_between_subject_and_verb_is_skipped() {
    let text = "Ms Okafor, speaking at the launch, said sales would reach $3 million.";
    assert_eq!(source(text, "$3 million").as_deref(), Some("Ms Okafor"));
    let text = "Ann Lee, head of the port authority, said the figures were higher, at 12%.";
    assert_eq!(source(text, "12%").as_deref(), Some("Ann Lee"));
}

#[test]
fn inverted_order_takes_the_phrase_after_the_verb() {
    let text = "\"We expect 3% growth,\" said economist Ruth Adams at Bankhaus.";
    assert_eq!(
        source(text, "3%").as_deref(),
        Some("economist Ruth Adams at Bankhaus")
    );
    let text = "Output fell 5% in the second half, said the report for the committee.";
    assert_eq!(
        source(text, "5%").as_deref(),
        Some("the report for the committee")
    );
}

#[test]
fn according_to_and_figures_from() {
    let text = "According to the statistics office, 1,200 firms closed.";
    assert_eq!(
        of(text, "1,200 firms"),
        (Some("according_to"), Some("the statistics office".into()))
    );
    let text = "Figures from the housing agency show 8,000 homes were started.";
    assert_eq!(of(text, "8,000 homes").0, Some("data"));
}

#[test]
fn data_verbs_need_a_data_source() {
    assert!(attributed(
        "A new poll found that 41% back the plan.",
        "41%"
    ));
    assert!(attributed(
        "Official figures show 2.1 million visitors came.",
        "2.1 million visitors"
    ));
    assert!(attributed(
        "The regulator has found that 12% of trains were late.",
        "12%"
    ));
    assert!(attributed(
        "The weather service logged 70 reports of hail.",
        "70 reports"
    ));
    // `found` as in came upon, and a player finding a teammate.
    assert!(!attributed("The council found £11m of savings.", "£11m"));
    assert!(!attributed(
        "Then Shaw found Walder, who ran 30 metres.",
        "30 metres"
    ));
    assert!(!attributed(
        "The 39 people found dead were migrants.",
        "39 people"
    ));
}

#[test]
fn words_that_look_like_cues_but_are_not() {
    assert!(!attributed(
        "The economy added 200,000 jobs in May.",
        "200,000 jobs"
    ));
    assert!(!attributed(
        "An estimated 2 million people fled.",
        "2 million people"
    ));
    assert!(!attributed(
        "There were 403 reports of wind damage.",
        "403 reports"
    ));
    assert!(!attributed(
        "Funding went to 82 firms and 111 projects.",
        "111 projects"
    ));
    // A heading is never attributed.
    let rows = sheet(
        "# Exports up 4%, ministry says\n\nText.\n",
        SourceFormat::Markdown,
    );
    assert_eq!(rows[0].1, None, "{rows:?}");
}

#[test]
fn a_claim_reaches_only_what_follows_it() {
    let text = "The bloc won 73 out of 329 seats, while its rivals, who claim that they hold \
                the majority of 88 seats, disagree.";
    assert_eq!(of(text, "73 out of 329 seats"), (None, None));
    assert_eq!(of(text, "88 seats").0, Some("claim"));
}

#[test]
fn who_claims_refers_back_past_asides_to_the_name() {
    let text = "Opposing them is the Northern Alliance, a group of small parties — all former \
                partners of the mayor — who claim that they hold 40 seats.";
    assert_eq!(
        source(text, "40 seats").as_deref(),
        Some("the Northern Alliance")
    );
}

#[test]
fn a_forecast_names_its_owner() {
    let text = "Revenue of $4.1 billion beat Wall Street analysts' forecasts of $3.9 billion.";
    assert_eq!(of(text, "$4.1 billion"), (None, None));
    assert_eq!(
        of(text, "$3.9 billion"),
        (Some("estimate"), Some("Wall Street analysts'".into()))
    );
}

#[test]
fn reported_speech_runs_on_for_one_sentence() {
    let text = "The ministry said exports rose 4%. Imports fell 2%. Tariffs fell 1%.";
    assert_eq!(source(text, "2%").as_deref(), Some("The ministry"));
    // Two sentences on, and the paragraph has two sources: no longer reached.
    let text = "The ministry said exports rose 4%. Analysts said imports fell 2%. \
                Shipping grew 7%. Tariffs fell 1%.";
    assert!(!attributed(text, "1%"));
}

#[test]
fn a_paragraph_with_one_source_is_attributed_throughout() {
    let text = "Sales rose 5% to $3 billion. Profit fell 2%. The company said demand was weak.";
    assert_eq!(source(text, "5%").as_deref(), Some("The company"));
    // Two different sources: figures before the first are not attributed.
    let text = "Sales rose 5%. The company said demand was weak. Analysts said it would recover.";
    assert!(!attributed(text, "5%"));
}

#[test]
fn a_pronoun_stands_for_the_last_named_source() {
    let text = "\"Talks went well,\" Zelenskiy said in Kyiv.\n\nHe said the deal would not \
                oblige Ukraine to repay hundreds of billions of dollars.";
    assert_eq!(
        source(text, "hundreds of billions of dollars").as_deref(),
        Some("Zelenskiy")
    );
}

#[test]
fn figures_in_a_quote_are_the_speakers() {
    let text = "\"We lost 40% of the crop,\" the farmer said.";
    assert_eq!(of(text, "40%").0, Some("said"));
    let text = "Mr Hale spoke at the meeting.\n\n\"Turnout fell to 31%. It was 45% before.\"\n";
    // A paragraph that is all quote: speaker from the paragraph before? Only a named
    // speech cue counts, and `spoke` is not one.
    assert!(!attributed(text, "31%"));
    let text = "Mr Hale said the vote was close.\n\n\"Turnout fell to 31%. It was 45% before.\"\n";
    assert_eq!(of(text, "45%"), (Some("quote"), Some("Mr Hale".into())));
}

#[test]
fn cue_words_inside_a_quote_are_not_cues() {
    let text = "The sign read \"figures show 90% approval\" and 12 people laughed.";
    assert!(!attributed(text, "12 people"));
}

#[test]
fn reportedly_links_and_footnotes() {
    assert_eq!(
        of("The firm is reportedly cutting 5,000 jobs.", "5,000 jobs"),
        (Some("reported"), None)
    );
    let rows = sheet(
        "Wages rose 3.1% in the year ([payroll data](https://example.org/wages)).\n",
        SourceFormat::Markdown,
    );
    assert_eq!(rows[0].1, Some("link"), "{rows:?}");
    assert_eq!(rows[0].2.as_deref(), Some("payroll data"));
    let rows = sheet(
        "Rents rose 9% in a year.[^1]\n\n[^1]: Survey.\n",
        SourceFormat::Markdown,
    );
    assert_eq!(rows[0].1, Some("footnote"), "{rows:?}");
}

#[test]
fn the_cue_prefilter_lets_every_cue_word_through() {
    for word in CUE_WORDS.iter().flat_map(|list| list.iter()) {
        let title = word[..1].to_ascii_uppercase() + &word[1..];
        for w in [word.to_string(), title, word.to_ascii_uppercase()] {
            assert!(may_start_cue(&w), "{w}");
        }
    }
    for w in ["", "the", "council", "analysts'", "saidx", "5", "über"] {
        assert!(!may_start_cue(w), "{w}");
    }
}

#[test]
fn alphanumeric_end_agrees_with_a_byte_loop() {
    let text = "Al-Kadhimi's 2,300 wordsAnd99MORE éte [x]@`{/:09 zZaA twelvechars12345,";
    let bytes = text.as_bytes();
    for from in 0..=bytes.len() {
        let mut expected = from;
        while expected < bytes.len() && bytes[expected].is_ascii_alphanumeric() {
            expected += 1;
        }
        assert_eq!(alphanumeric_end(bytes, from), expected, "{from}");
    }
}
