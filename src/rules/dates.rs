//! `weekday-mismatch` and `impossible-date`.

use super::{Context, Emitter};
use crate::figure::{Kind, Value};
use crate::finding::Label;
use crate::grammar::date::days_in_month;

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Weekday of a proleptic Gregorian date, 0 = Monday (days-from-civil, H. Hinnant).
pub fn weekday_of(year: i32, month: u8, day: u8) -> u8 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468; // days since 1970-01-01, a Thursday
    ((days + 3).rem_euclid(7)) as u8
}

/// The one year of every date of the piece written with its year and month, with those
/// months; `None` when there are none or they span more than one year.
fn piece_year(cx: &Context<'_>) -> Option<(i32, Vec<u8>)> {
    let mut year = None;
    let mut months = Vec::new();
    for f in cx.figures {
        let Value::Date(d) = f.value else { continue };
        let (Some(y), Some(m)) = (d.year, d.month) else {
            continue;
        };
        if d.year_inferred {
            continue;
        }
        if year.is_some_and(|seen| seen != y) {
            return None;
        }
        year = Some(y);
        months.push(m);
    }
    Some((year?, months))
}

/// `Wednesday, Feb. 25, 2025`: that day was a Tuesday.
pub fn weekday_mismatch(cx: &Context<'_>, out: &mut Emitter) {
    let piece = std::cell::OnceCell::new();
    for f in cx.figures {
        let Value::Date(d) = f.value else { continue };
        let (Some(weekday), Some(month), Some(day)) = (d.weekday, d.month, d.day) else {
            continue;
        };
        // Without a written year or a dateline, the year of the piece's other full dates
        // stands in, for a date within two months of one of them (a date further away may
        // belong to another year).
        let from_piece = d.year.is_none();
        let year = match d.year {
            Some(y) => y,
            None => match piece.get_or_init(|| piece_year(cx)) {
                Some((y, months)) if months.iter().any(|&m| m.abs_diff(month) <= 2) => *y,
                _ => continue,
            },
        };
        // Before 1753 English dates may be Julian; the Gregorian weekday would mislead.
        if year < 1753 {
            continue;
        }
        let year_note = if d.year_inferred {
            format!(" (taking the year {year} from the dateline)")
        } else if from_piece {
            format!(" (taking the year {year} from the other dates of the piece)")
        } else {
            String::new()
        };
        if day > days_in_month(Some(year), month) {
            continue; // impossible-date reports it
        }
        let actual = weekday_of(year, month, day);
        if actual == weekday {
            continue;
        }
        let date = format!("{} {day}, {year}", MONTHS[month as usize - 1]);
        out.emit(
            format!(
                "{date} was a {}, not a {}{year_note}",
                WEEKDAYS[actual as usize], WEEKDAYS[weekday as usize]
            ),
            Label::new(
                f.span,
                format!("{date} was a {}", WEEKDAYS[actual as usize]),
            ),
            Vec::new(),
            Some(format!(
                "check the weekday or the date: {date} fell on a {}",
                WEEKDAYS[actual as usize]
            )),
        );
        if let Some((span, replacement)) = weekday_fix(cx.text(f.span), f.span, weekday, actual) {
            out.with_fix(
                span,
                replacement.clone(),
                format!("write `{replacement}` (or correct the date)"),
            );
        }
    }
}

/// The span of the written weekday in a date and the right weekday written the same way
/// (`Wed` gives `Tue`, `WEDNESDAY` gives `TUESDAY`).
fn weekday_fix(
    text: &str,
    span: crate::Span,
    written: u8,
    actual: u8,
) -> Option<(crate::Span, String)> {
    let name = WEEKDAYS[written as usize];
    let lower = text.to_ascii_lowercase();
    let start = lower.find(&name[..3].to_ascii_lowercase())?;
    let len = text[start..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len() - start);
    let word = &text[start..start + len];
    if !name
        .to_ascii_lowercase()
        .starts_with(&word.to_ascii_lowercase())
    {
        return None;
    }
    let right = WEEKDAYS[actual as usize];
    // Keep the writer's abbreviation (`Wed`, `Tues`) and case.
    let mut replacement = if len >= right.len() || len >= name.len() {
        right.to_string()
    } else {
        right[..3].to_string()
    };
    if word.chars().all(|c| c.is_ascii_uppercase()) {
        replacement = replacement.to_ascii_uppercase();
    }
    Some((
        crate::Span::new(span.start + start, span.start + start + len),
        replacement,
    ))
}

/// `February 30`, `31 April`: a day the month does not have.
pub fn impossible_date(cx: &Context<'_>, out: &mut Emitter) {
    for f in cx.figures {
        if f.kind != Kind::Date {
            continue;
        }
        let Value::Date(d) = f.value else { continue };
        let (Some(month), Some(day)) = (d.month, d.day) else {
            continue;
        };
        // A year taken from the dateline may be the wrong one ("February 29 last").
        let year = if d.year_inferred { None } else { d.year };
        let last = days_in_month(year, month);
        if day <= last {
            continue;
        }
        let month_name = MONTHS[month as usize - 1];
        let year = year.map_or(String::new(), |y| format!(" {y}"));
        out.emit(
            format!("{month_name}{year} has {last} days, so day {day} does not exist"),
            Label::new(f.span, format!("{month_name}{year} has {last} days")),
            Vec::new(),
            None,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::weekday_of;

    #[test]
    fn weekday_fix_keeps_the_writers_form() {
        let span = crate::Span::new(10, 40);
        let (at, text) = super::weekday_fix("Wednesday, Feb. 25, 2025", span, 2, 1).unwrap();
        assert_eq!((at.start, at.end, text.as_str()), (10, 19, "Tuesday"));
        let (at, text) = super::weekday_fix("Fri 25 May 2017", span, 4, 3).unwrap();
        assert_eq!((at.start, at.end, text.as_str()), (10, 13, "Thu"));
    }

    #[test]
    fn known_weekdays() {
        assert_eq!(weekday_of(2025, 2, 25), 1); // Tuesday
        assert_eq!(weekday_of(2010, 2, 4), 3); // Thursday
        assert_eq!(weekday_of(2000, 2, 29), 1); // Tuesday
        assert_eq!(weekday_of(1970, 1, 1), 3); // Thursday
        assert_eq!(weekday_of(1900, 3, 1), 3); // Thursday
    }
}
