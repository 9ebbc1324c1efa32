//! The figure: one numeric expression found in prose, with its value normalized.

use crate::span::Span;
use serde::Serialize;
use std::fmt;

/// What kind of figure an expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A plain count of things: `88 seats`, `seven`, `73 out of 329 seats`.
    Count,
    /// A percentage: `50%`, `50 per cent`.
    Percent,
    /// A difference of percentages: `2 percentage points`.
    PercentagePoints,
    /// An amount of money: `$4.5tn`, `£10.1 bn`, `2.5 million euros`.
    Money,
    /// A proportion `X in Y` (`one in five`) or a multiplier (`doubled`, `three times`).
    Ratio,
    /// A range: `10-15`, `between 10 and 15`, `10 to 15 million`.
    Range,
    /// A fraction word: `half`, `two-thirds`.
    Fraction,
    /// A calendar date, possibly without a year or day: `Feb. 26`, `March 2011`.
    Date,
    /// A year: `in 2022`, `2016/17`, `the 1960s`.
    Year,
    /// An ordinal: `first`, `21st`.
    Ordinal,
    /// A length of time: `12 months`, `a 13-year sentence`.
    Duration,
    /// A measured quantity with a unit, or an age: `265TWh`, `13-year-old`.
    Quantity,
    /// A time of day: `17:11 GMT`, `5 p.m.` (never a count).
    Time,
    /// A score or tally written with a hyphen, first side not lower: `27-22`, `3-3`.
    Score,
}

impl Kind {
    /// Every kind, in the order of the schema's list.
    pub const ALL: [Kind; 14] = [
        Kind::Count,
        Kind::Percent,
        Kind::PercentagePoints,
        Kind::Money,
        Kind::Ratio,
        Kind::Range,
        Kind::Fraction,
        Kind::Date,
        Kind::Year,
        Kind::Ordinal,
        Kind::Duration,
        Kind::Quantity,
        Kind::Time,
        Kind::Score,
    ];

    /// The kind's name as used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::PercentagePoints => "percentage_points",
            Kind::Money => "money",
            Kind::Ratio => "ratio",
            Kind::Range => "range",
            Kind::Fraction => "fraction",
            Kind::Date => "date",
            Kind::Year => "year",
            Kind::Ordinal => "ordinal",
            Kind::Duration => "duration",
            Kind::Quantity => "quantity",
            Kind::Time => "time",
            Kind::Score => "score",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How exact a figure claims to be, from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// No approximation word: exact within the rounding of its digits.
    #[default]
    Exact,
    /// `about`, `around`, `roughly`, `some`, `an estimated`: on either side.
    About,
    /// `nearly`, `almost`, `close to`: a little below.
    Nearly,
    /// `at least`, `no fewer than`: at or above.
    AtLeast,
    /// `more than`, `over`, `north of`, `topped`: above.
    MoreThan,
    /// `up to`, `at most`, `as many as`, `no more than`: at or below.
    AtMost,
    /// `less than`, `fewer than`, `under`, `below`: below.
    LessThan,
    /// A vague magnitude (`hundreds`, `tens of thousands`, `multi-million`): at least the value.
    Vague,
}

impl Approx {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Exact => "exact",
            Approx::About => "about",
            Approx::Nearly => "nearly",
            Approx::AtLeast => "at_least",
            Approx::MoreThan => "more_than",
            Approx::AtMost => "at_most",
            Approx::LessThan => "less_than",
            Approx::Vague => "vague",
        }
    }

    /// True for anything but [`Approx::Exact`].
    pub fn is_approx(self) -> bool {
        self != Approx::Exact
    }
}

/// A number as written: its value, and the step of its last written digit.
///
/// `22%` has value 22 and step 1, so it stands for [21.5, 22.5); `$4.7 billion` has value
/// 4.7e9 and step 1e8. The step keeps the surface precision the consistency checks need.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Number {
    /// The value with any scale word multiplied out.
    pub value: f64,
    /// The size of one unit in the last written digit, scale included (1 for integers).
    pub step: f64,
}

impl Number {
    /// An exactly stated integer-like number (`step` 1).
    pub fn exact(value: f64) -> Self {
        Number { value, step: 1.0 }
    }

    /// The interval `[low, high)` the written digits stand for.
    pub fn interval(&self) -> (f64, f64) {
        (self.value - self.step / 2.0, self.value + self.step / 2.0)
    }

    /// Multiply value and step by a scale factor.
    pub fn scaled(self, factor: f64) -> Self {
        Number {
            value: self.value * factor,
            step: self.step * factor,
        }
    }
}

/// A civil date, any part of which may be missing (`Feb. 26` has no year; `March 2011`
/// has no day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct CivilDate {
    /// Year, when written or inferred from the document.
    pub year: Option<i32>,
    /// Month 1..=12; `None` for a weekday written on its own.
    pub month: Option<u8>,
    /// Day of month, when written.
    pub day: Option<u8>,
    /// Weekday written beside the date, 0 = Monday .. 6 = Sunday.
    pub weekday: Option<u8>,
    /// True when the year is not written with the date but taken from the dateline.
    pub year_inferred: bool,
}

impl CivilDate {
    /// ISO 8601 rendering: `YYYY-MM-DD`; `--MM-DD` without a year; `YYYY-MM` without a
    /// day; `--MM` with a month only; `-W-D` (1 = Monday) for a weekday on its own.
    pub fn iso(&self) -> String {
        let Some(month) = self.month else {
            return format!("-W-{}", self.weekday.map_or(0, |w| w + 1));
        };
        match (self.year, self.day) {
            (Some(y), Some(d)) => format!("{y:04}-{month:02}-{d:02}"),
            (None, Some(d)) => format!("--{month:02}-{d:02}"),
            (Some(y), None) => format!("{y:04}-{month:02}"),
            (None, None) => format!("--{month:02}"),
        }
    }
}

/// The value of a figure: a number, or a date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Any numeric figure.
    Number(Number),
    /// A calendar date.
    Date(CivilDate),
    /// A time of day on the 24-hour clock.
    Time {
        /// Hour, 0..=23.
        hour: u8,
        /// Minute, 0..=59.
        minute: u8,
    },
    /// The two sides of a score or tally.
    Score(u32, u32),
}

impl Value {
    /// The numeric value, when this is a number.
    pub fn number(&self) -> Option<Number> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// One figure found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The expression's bytes in the original file, including a unit noun that follows a
    /// count (`88 seats`) but not a leading approximation word (`nearly`).
    pub span: Span,
    /// What kind of figure this is.
    pub kind: Kind,
    /// The value (for ranges, the low end).
    pub value: Value,
    /// The high end of a range, or of a split year (`2016/17`).
    pub high: Option<Value>,
    /// The whole that this figure is part of (`73 out of 329` has `of` 329).
    pub of: Option<Number>,
    /// Where the whole is written, with its noun (`329 seats`), inside `span`.
    pub of_span: Option<Span>,
    /// What is counted or measured, lower-cased as written (`seats`, `TWh`, `%`, `pp`, `x`).
    pub unit: Option<String>,
    /// ISO 4217 code for money.
    pub currency: Option<&'static str>,
    /// Approximation or bound from the surrounding words.
    pub approx: Approx,
    /// Span of the approximation word(s) before the figure, when there are any.
    pub approx_span: Option<Span>,
}

impl Figure {
    /// The figure's numeric value, when it has one.
    pub fn number(&self) -> Option<Number> {
        self.value.number()
    }

    /// The part of a part-of-whole figure without the whole (`73` of `73 out of 329
    /// seats`); the whole span for any other figure.
    pub fn part_span(&self, text: &str) -> Span {
        let Some(of) = self.of_span else {
            return self.span;
        };
        let head = text[self.span.start..of.start].trim_end();
        let mut end = head.len();
        for connector in [
            " out of the",
            " out of",
            " of the",
            " of all",
            " of its",
            " of their",
            " of",
            " in every",
            " in",
        ] {
            if head.len() >= connector.len()
                && head.as_bytes()[head.len() - connector.len()..]
                    .eq_ignore_ascii_case(connector.as_bytes())
            {
                end = head.len() - connector.len();
                break;
            }
        }
        Span::new(self.span.start, self.span.start + end)
    }
}
