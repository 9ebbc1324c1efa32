//! `unit-conversion`: a converted value in brackets that disagrees with the original.

use super::math::show;
use super::{Context, Emitter};
use crate::figure::Kind;
use crate::finding::Label;
use crate::span::Span;

/// Linear conversions between units figcheck recognises: (from, to, factor).
const FACTORS: &[(&str, &str, f64)] = &[
    ("t/ha", "t/acre", 0.404_686),
    ("km", "miles", 0.621_371),
    ("m", "ft", 3.280_84),
    ("kg", "lb", 2.204_62),
    ("tonnes", "tons", 1.102_31),
    ("l", "gal", 0.264_172),
    ("ha", "acres", 2.471_05),
    ("kph", "mph", 0.621_371),
    ("km/h", "mph", 0.621_371),
];

fn factor(from: &str, to: &str) -> Option<f64> {
    FACTORS.iter().find_map(|&(a, b, k)| {
        if a == from && b == to {
            Some(k)
        } else if a == to && b == from {
            Some(1.0 / k)
        } else {
            None
        }
    })
}

/// How one unit converts to another.
enum Conversion {
    /// Multiply by a factor.
    Linear(f64),
    /// Celsius to Fahrenheit or back.
    Temperature { to_fahrenheit: bool },
}

/// `8.6t/ha (5.3t/acre)`: 8.6 t/ha is 3.5 t/acre; `40C (86F)`: 40 °C is 104 °F.
pub fn unit_conversion(cx: &Context<'_>, out: &mut Emitter) {
    for pair in cx.figures.windows(2) {
        let (original, converted) = (&pair[0], &pair[1]);
        if original.kind != Kind::Quantity || converted.kind != Kind::Quantity {
            continue;
        }
        let (Some(from), Some(to)) = (original.unit.as_deref(), converted.unit.as_deref()) else {
            continue;
        };
        let conversion = match (factor(from, to), temperature_scale(from, to)) {
            (Some(k), _) => Conversion::Linear(k),
            (None, Some(to_fahrenheit)) => Conversion::Temperature { to_fahrenheit },
            (None, None) => continue,
        };
        let gap = cx.prose(Span::new(
            original.span.end,
            converted
                .approx_span
                .map_or(converted.span.start, |s| s.start),
        ));
        if gap.trim() != "(" {
            continue;
        }
        let (Some(a), Some(b)) = (original.number(), converted.number()) else {
            continue;
        };
        let (alo, ahi) = a.interval();
        let (blo, bhi) = b.interval();
        let approximate = converted.approx.is_approx() || original.approx.is_approx();
        let (expected, agrees, unit, help) = match conversion {
            // Temperatures convert with an offset, so they are compared in degrees: a
            // degree of rounding either side, two with an approximation word.
            Conversion::Temperature { to_fahrenheit } => {
                let convert = |v: f64| {
                    if to_fahrenheit {
                        v * 1.8 + 32.0
                    } else {
                        (v - 32.0) / 1.8
                    }
                };
                let slack = if approximate { 2.0 } else { 1.0 };
                (
                    convert(a.value),
                    convert(ahi) + slack >= blo && convert(alo) - slack <= bhi,
                    to.to_owned(),
                    "°F = °C × 9/5 + 32".to_owned(),
                )
            }
            // Conversions are rounded at both ends; approximate ones get 10% more.
            Conversion::Linear(k) => {
                let slack = if approximate { 0.1 } else { 0.02 };
                (
                    a.value * k,
                    ahi * k * (1.0 + slack) >= blo && alo * k * (1.0 - slack) <= bhi,
                    format!(" {to}"),
                    format!("1 {from} = {} {to}", show_precise(k)),
                )
            }
        };
        if agrees {
            continue;
        }
        out.emit(
            format!(
                "{} is about {}{unit}, not {}",
                cx.text(original.span),
                show_precise(expected),
                cx.text(converted.span)
            ),
            Label::new(
                converted.span,
                format!(
                    "{} converts to about {}{unit}",
                    cx.text(original.span),
                    show_precise(expected)
                ),
            ),
            vec![Label::new(original.span, "original")],
            Some(help),
        );
    }
}

fn show_precise(v: f64) -> String {
    if v.abs() >= 100.0 {
        return show(v);
    }
    let decimals = if v.abs() >= 1.0 { 2 } else { 3 };
    format!("{v:.decimals$}")
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

/// Which way a temperature converts: `true` for Celsius to Fahrenheit.
fn temperature_scale(from: &str, to: &str) -> Option<bool> {
    match (from, to) {
        ("°C", "°F") => Some(true),
        ("°F", "°C") => Some(false),
        _ => None,
    }
}
