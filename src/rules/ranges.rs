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
    }
}
