//! The figure grammar on arbitrary text: `figures_in_str` never panics, and every figure
//! span lies in the text on character boundaries.

#![no_main]

use figcheck::{SourceFormat, figures_in_str};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for format in [SourceFormat::PlainText, SourceFormat::Markdown] {
        let figures = figures_in_str(&text, format);
        for figure in &figures {
            invariants::assert_span(&text, figure.span, "figure");
            if let Some(of) = figure.of_span {
                invariants::assert_span(&text, of, "figure whole");
            }
            if let Some(approx) = figure.approx_span {
                invariants::assert_span(&text, approx, "approximation word");
            }
        }
        assert_eq!(figures_in_str(&text, format), figures, "not deterministic");
    }
});
