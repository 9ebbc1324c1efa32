//! `range-inverted`: a range whose high end is below its low end.

use super::math::show;
use super::{Context, Emitter};
use crate::figure::{Kind, Value};
use crate::finding::Label;

/// `between 15 and 10`.
pub fn range_inverted(cx: &Context<'_>, out: &mut Emitter) {
    for f in cx.figures {
        if f.kind != Kind::Range {
            continue;
        }
        let (Some(low), Some(Value::Number(high))) = (f.number(), f.high) else {
            continue;
        };
        if high.value >= low.value {
            continue;
        }
        out.emit(
            format!(
                "the range {} runs backwards: {} is below {}",
                cx.text(f.span),
                show(high.value),
                show(low.value)
            ),
            Label::new(
                f.span,
                format!(
                    "high end {} < low end {}",
                    show(high.value),
                    show(low.value)
                ),
            ),
            Vec::new(),
            Some(format!(
                "write the low end first: between {} and {}",
                show(high.value),
                show(low.value)
            )),
        );
        if let Some(swapped) = swap_numbers(cx.text(f.span)) {
            out.with_fix(f.span, swapped.clone(), format!("write `{swapped}`"));
        }
    }
}

/// The text with its two written numbers swapped (`between 15 and 10` gives `between 10
/// and 15`); `None` unless there are exactly two digit runs.
fn swap_numbers(text: &str) -> Option<String> {
    let mut runs = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b'.' | b',')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            runs.push(start..i);
        } else {
            i += 1;
        }
    }
    let [a, b] = runs.as_slice() else {
        return None;
    };
    Some(format!(
        "{}{}{}{}{}",
        &text[..a.start],
        &text[b.clone()],
        &text[a.end..b.start],
        &text[a.clone()],
        &text[b.end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::swap_numbers;

    #[test]
    fn swaps_the_two_numbers() {
        assert_eq!(
            swap_numbers("between 15 and 10").as_deref(),
            Some("between 10 and 15")
        );
        assert_eq!(
            swap_numbers("between $40m and $25.5m").as_deref(),
            Some("between $25.5m and $40m")
        );
        assert_eq!(
            swap_numbers("15-10 per cent").as_deref(),
            Some("10-15 per cent")
        );
        assert_eq!(swap_numbers("fifteen to ten"), None);
    }
}
