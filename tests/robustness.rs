//! Robustness: no input makes figcheck panic, produce a span outside the text or off a
//! character boundary, or answer differently on a second run.
//!
//! - Every input a fuzzer crashed on is replayed here (see `fuzz/README.md`), so CI checks
//!   them without the fuzzer; so are the fuzzers' seed inputs.
//! - Property tests feed arbitrary and Markdown-shaped text to the whole pipeline.
//! - Pathologically deep Markdown nesting must neither overflow the stack nor go slow.

mod support {
    pub mod invariants;
}

use figcheck::config::Config;
use figcheck::{Document, SourceFormat};
use proptest::prelude::*;
use std::path::Path;
use support::invariants::{check_config, check_pipeline, check_text};

/// The fuzzers' seed inputs: every one goes through the harness its fuzzer uses.
#[test]
fn fuzz_seed_inputs_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut count = 0;
    for target in ["grammar", "pipeline", "config"] {
        let mut seeds: Vec<_> = std::fs::read_dir(root.join(target))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("seed-")
            })
            .collect();
        seeds.sort();
        for seed in seeds {
            let text = std::fs::read_to_string(&seed).unwrap();
            match target {
                "config" => check_config(&text),
                _ => check_text(&text),
            }
            count += 1;
        }
    }
    assert!(count >= 9, "seed inputs missing: {count}");
}

/// Inputs that made a fuzzer or a property test fail, with what went wrong; each is
/// replayed through the whole pipeline. Most are minimal (shrunk) inputs.
const FOUND: &[(&str, &str)] = &[
    // "nearly" was read as the counted noun of the first 0 and as the approximation word
    // of the second: breakdown-sum built the reversed span 8..2 between them (a panic in
    // debug builds, a slice panic in release).
    (
        "0 nearly 0",
        "approximation word inside the previous figure",
    ),
    (
        "They hired 40 nearly a year ago, and 12 almost 5.",
        "same, longer",
    ),
    ("Of the 300 nearly 200 voted.", "same, part of a whole"),
    (
        "0 close to 5 seats",
        "a two-word approximation read as a noun",
    ),
];

#[test]
fn found_inputs_pass() {
    for (text, why) in FOUND {
        eprintln!("{text:?}: {why}");
        check_text(text);
    }
}

#[test]
fn approximation_words_are_not_counted_nouns() {
    let figures =
        figcheck::figures_in_str("They hired 40 nearly a year ago.", SourceFormat::PlainText);
    assert_eq!(figures.len(), 1, "{figures:?}");
    assert_eq!(figures[0].unit, None, "{figures:?}");
}

/// A block quote nested `depth` deep around a sentence with figures.
fn nested_quotes(depth: usize) -> String {
    format!(
        "{}The bloc won 73 of 329 seats, a majority of 88 seats.\n",
        "> ".repeat(depth)
    )
}

/// A list nested `depth` deep, one marker per level on one line and then indented.
fn nested_lists(depth: usize) -> String {
    let mut text = "- ".repeat(depth);
    text.push_str("Sales rose from 40 to 70, up 50%.\n");
    for level in 0..depth.min(200) {
        text.push_str(&"  ".repeat(level));
        text.push_str("- 3 of 10, or 30%\n");
    }
    text
}

#[test]
fn ten_thousand_deep_nesting_is_fine() {
    let config = Config::default();
    for (name, text) in [
        ("quotes", nested_quotes(10_000)),
        ("quotes without spaces", ">".repeat(10_000) + " 5% of 20\n"),
        ("lists", nested_lists(10_000)),
        ("ordered lists", "1. ".repeat(10_000) + "5% of 20\n"),
        ("quoted lists", "> - ".repeat(5_000) + "5% of 20\n"),
        (
            "emphasis",
            "*".repeat(10_000) + "5% of 20" + &"*".repeat(10_000),
        ),
        (
            "brackets",
            "[".repeat(10_000) + "5% of 20" + &"]".repeat(10_000),
        ),
        (
            "links",
            "[a](".repeat(10_000) + "5% of 20" + &")".repeat(10_000),
        ),
        (
            "images",
            "![a".repeat(10_000) + "5% of 20" + &"](b)".repeat(10_000),
        ),
        ("html", "<div>".repeat(10_000) + "\n\n5% of 20\n"),
    ] {
        let started = std::time::Instant::now();
        let doc = Document::new(format!("{name}.md"), text, SourceFormat::Markdown);
        check_pipeline(&doc, &config);
        assert!(
            started.elapsed().as_secs() < 10,
            "{name}: {:?}",
            started.elapsed()
        );
    }
}

/// Text fragments that exercise the Markdown front end, the directives and the grammar.
fn fragment() -> impl Strategy<Value = String> {
    let markup = prop::sample::select(vec![
        "> ",
        ">",
        ">>",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "  ",
        "    ",
        "\t",
        "# ",
        "###### ",
        "#",
        "|",
        "| --- |",
        "|:-:|",
        "---",
        "***",
        "===",
        "```",
        "~~~",
        "```rust\n",
        "<!--",
        "-->",
        "<!-- figcheck-disable-next-line -->",
        "<!-- figcheck-disable majority-below-half -->",
        "<!-- figcheck-enable -->",
        "# figcheck-disable-next-line share-mismatch",
        "<div>",
        "</div>",
        "<br>",
        "*",
        "**",
        "_",
        "__",
        "~~",
        "`",
        "``",
        "[",
        "](",
        ")",
        "![",
        "]",
        "[^1]",
        "<",
        "&amp;",
        "&#37;",
        "\\",
        "\\*",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u{feff}",
        "+++",
        "https://x.org/5%",
        "a@b.co",
        "www.x.com/1",
    ]);
    let figure_words = prop::sample::select(vec![
        "%",
        " percent",
        " per cent",
        "$",
        "£",
        "€",
        "¥",
        "₹",
        "US$",
        " bn",
        " million",
        " billion",
        "m",
        "k",
        " seats",
        " of ",
        " out of ",
        " from ",
        " to ",
        " up ",
        " down ",
        " rose",
        " fell",
        " doubled",
        " halved",
        " majority",
        " more than ",
        " nearly ",
        " about ",
        " between ",
        " and ",
        "Feb. 26",
        "Monday, ",
        "2025",
        "2016/17",
        "–",
        "-",
        "/",
        ".",
        ",",
        ":",
        "½",
        "two-thirds",
        " one in five",
        " twice",
        " points",
        " pp",
        " times",
        "x",
        " km",
        " miles",
        "°C",
        " minus ",
        "3rd",
        " hundreds of ",
    ]);
    let unicode = prop::sample::select(vec![
        "😀",
        "👨‍👩‍👧",
        "🇬🇧",
        "日本語",
        "二千",
        "５０％",
        "٣٤",
        "é",
        "e\u{301}",
        "\u{200d}",
        "\u{a0}",
        "\u{202f}",
        "\u{2009}",
        "\u{200f}",
        "ß",
        "İ",
        "“",
        "”",
        "«",
        "»",
        "…",
        "—",
        "\u{2028}",
        "\u{0}",
        "\u{7f}",
    ]);
    prop_oneof![
        3 => markup.prop_map(str::to_owned),
        3 => figure_words.prop_map(str::to_owned),
        2 => unicode.prop_map(str::to_owned),
        3 => "[0-9]{1,3}(,[0-9]{3}){0,2}(\\.[0-9]{1,2})?",
        2 => "[0-9]{1,9}",
        2 => "[A-Za-z]{1,8}",
        1 => " ",
        1 => "\\PC{0,6}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Markdown-shaped text: fragments joined by nothing, spaces and newlines.
fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (fragment(), prop::sample::select(vec!["", "", " ", "\n"])),
        0..48,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(a, b)| [a, b.to_owned()])
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn markdownish_text_keeps_the_invariants(text in markdownish()) {
        check_text(&text);
    }

    #[test]
    fn arbitrary_text_keeps_the_invariants(text in "\\PC{0,120}|(?s:.{0,120})") {
        check_text(&text);
    }

    #[test]
    fn arbitrary_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..120)) {
        for name in ["d.md", "d.txt"] {
            match figcheck::load::load_bytes(Path::new(name), bytes.clone()) {
                Ok(doc) => check_pipeline(&doc, &Config::default()),
                Err(e) => prop_assert!(e.to_string().starts_with(name)),
            }
        }
    }

    #[test]
    fn arbitrary_config_text_is_an_error_or_a_config(
        text in prop::collection::vec(prop_oneof![
            prop::sample::select(vec![
                "fail_on", "include", "exclude", "rules", "enabled", "severity", "=", "[",
                "]", ".", "\"", "'", "\n", " ", "true", "1", "info", "\"error\"",
                "majority-below-half", "[rules.share-mismatch]", "{", "}", ",", "#",
            ]).prop_map(str::to_owned),
            "\\PC{0,3}",
        ], 0..24).prop_map(|parts| parts.concat())
    ) {
        check_config(&text);
    }
}
