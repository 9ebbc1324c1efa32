//! Property tests: numbers rendered in digits, words and scales parse back to the same
//! value, and no input makes the grammar panic or produce a span off a char boundary.

use figcheck::{Kind, SourceFormat, Value, figures_in_str};
use proptest::prelude::*;

/// English words for `n` (< 10^12), the way a newsroom writes them out.
fn words(n: u64) -> String {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64, out: &mut Vec<String>) {
        let (h, rest) = (n / 100, n % 100);
        if h > 0 {
            out.push(format!("{} hundred", SMALL[h as usize]));
            if rest > 0 {
                out.push("and".into());
            }
        }
        if rest >= 20 {
            let t = TENS[(rest / 10) as usize];
            if rest % 10 > 0 {
                out.push(format!("{t}-{}", SMALL[(rest % 10) as usize]));
            } else {
                out.push(t.into());
            }
        } else if rest > 0 {
            out.push(SMALL[rest as usize].into());
        }
    }
    if n == 0 {
        return "zero".into();
    }
    let mut out = Vec::new();
    for (scale, name) in [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ] {
        if !(n / scale).is_multiple_of(1000) {
            below_thousand(n / scale % 1000, &mut out);
            out.push(name.into());
        }
    }
    below_thousand(n % 1000, &mut out);
    out.join(" ")
}

/// `n` with thousands separators.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn the_figure(text: &str, needle: &str) -> Option<figcheck::Figure> {
    let start = text.find(needle)?;
    figures_in_str(text, SourceFormat::PlainText)
        .into_iter()
        .find(|f| f.span.start == start)
}

fn number_of(f: &figcheck::Figure) -> f64 {
    match f.value {
        Value::Number(n) => n.value,
        _ => f64::NAN,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn grouped_digits_round_trip(n in 0u64..1_000_000_000_000) {
        let written = grouped(n);
        let text = format!("Officials counted {written} ballots on the day.");
        let f = the_figure(&text, &written).expect("a figure");
        prop_assert_eq!(number_of(&f), n as f64);
        prop_assert_eq!(f.kind, Kind::Count);
    }

    #[test]
    fn words_round_trip(n in 1u64..1_000_000_000_000) {
        let written = words(n);
        let text = format!("The agency said {written} claims were filed.");
        let f = the_figure(&text, &written).expect("a figure");
        prop_assert_eq!(number_of(&f), n as f64, "{}", written);
        prop_assert_eq!(&text[f.span.start..f.span.start + written.len()], written.as_str());
    }

    #[test]
    fn scaled_digits_round_trip(
        whole in 1u64..1000,
        tenths in 0u64..10,
        scale in prop::sample::select(vec![("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("trillion", 1e12)]),
    ) {
        let written = format!("{whole}.{tenths} {}", scale.0).replace(" bn", "bn");
        let text = format!("The fund raised ${written} last year.");
        let f = the_figure(&text, &format!("${written}")).expect("a money figure");
        let expected = (whole as f64 + tenths as f64 / 10.0) * scale.1;
        prop_assert!((number_of(&f) - expected).abs() <= expected * 1e-12, "{} vs {}", number_of(&f), expected);
        prop_assert_eq!(f.kind, Kind::Money);
        prop_assert_eq!(f.currency, Some("USD"));
    }

    #[test]
    fn percents_round_trip(whole in 0u64..100, tenth in 0u64..10, form in 0usize..3) {
        let number = format!("{whole}.{tenth}");
        let written = match form {
            0 => format!("{number}%"),
            1 => format!("{number} percent"),
            _ => format!("{number} per cent"),
        };
        let text = format!("Turnout reached {written} in the capital.");
        let f = the_figure(&text, &written).expect("a percent");
        prop_assert_eq!(f.kind, Kind::Percent);
        prop_assert!((number_of(&f) - (whole as f64 + tenth as f64 / 10.0)).abs() < 1e-9);
        prop_assert_eq!(&text[f.span.start..f.span.end], written.as_str());
    }

    #[test]
    fn any_text_gives_valid_spans(text in "\\PC{0,200}") {
        for format in [SourceFormat::PlainText, SourceFormat::Markdown] {
            for f in figures_in_str(&text, format) {
                prop_assert!(f.span.start < f.span.end && f.span.end <= text.len());
                prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            }
        }
    }

    #[test]
    fn numeric_soup_gives_valid_spans(text in "[0-9a-zA-Z $£€%.,:/\\-–\n]{0,120}") {
        for f in figures_in_str(&text, SourceFormat::PlainText) {
            prop_assert!(f.span.start < f.span.end && f.span.end <= text.len());
        }
    }
}

#[test]
fn word_renderer_matches_newsroom_style() {
    assert_eq!(words(250_000), "two hundred and fifty thousand");
    assert_eq!(words(73), "seventy-three");
    assert_eq!(grouped(1_234_567), "1,234,567");
}
