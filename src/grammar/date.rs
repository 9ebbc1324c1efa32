//! Dates: `February 26, 2025`, `Feb. 26`, `26 February 2025`, `Wednesday, Feb. 26`,
//! `2025-02-26`, `March 2011`, and weekdays on their own.

use super::lexicon;
use super::number::{at_boundary, space1, word};
use crate::figure::CivilDate;
use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while_m_n},
    character::complete::char,
    combinator::opt,
};

fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

fn small_int(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, u32> {
    move |input: &str| {
        let (rest, d) = take_while_m_n(min, max, |c: char| c.is_ascii_digit())(input)?;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return fail(input);
        }
        Ok((rest, d.parse().unwrap_or(0)))
    }
}

/// A month name, with an optional abbreviation dot.
fn month_name(input: &str) -> IResult<&str, u8> {
    let (rest, w) = word(input)?;
    let Some(m) = lexicon::month(w) else {
        return fail(input);
    };
    let full_name = ["may", "june", "july"]
        .iter()
        .any(|m| w.eq_ignore_ascii_case(m));
    let rest = if w.len() <= 4 && !full_name {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    if !at_boundary(rest) {
        return fail(input);
    }
    Ok((rest, m))
}

/// A weekday name (abbreviated or full), optional dot, optional comma, then space.
fn weekday_prefix(input: &str) -> IResult<&str, u8> {
    let (rest, w) = word(input)?;
    let Some(d) = lexicon::weekday(w) else {
        return fail(input);
    };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let (rest, _) = space1(rest)?;
    Ok((rest, d))
}

/// Day of month with an optional ordinal suffix (`26`, `26th`).
fn day(input: &str) -> IResult<&str, u8> {
    let (rest, d) = small_int(1, 2)(input)?;
    let (rest, _) = opt(super::number::ordinal_suffix).parse(rest)?;
    if !(1..=31).contains(&d) || !at_boundary(rest) {
        return fail(input);
    }
    Ok((rest, d as u8))
}

/// A four-digit year 1000..=2999 standing as a whole token.
fn year(input: &str) -> IResult<&str, i32> {
    let (rest, y) = small_int(4, 4)(input)?;
    if !(1000..=2999).contains(&y) || !at_boundary(rest) || rest.starts_with(",0") {
        return fail(input);
    }
    Ok((rest, y as i32))
}

/// `, 2025` or ` 2025` after a day.
fn year_suffix(input: &str) -> IResult<&str, i32> {
    let (rest, _) = opt(char(',')).parse(input)?;
    let (rest, _) = space1(rest)?;
    year(rest)
}

/// `Month Day[, Year]`, or `Month Year`.
fn month_first(input: &str) -> IResult<&str, CivilDate> {
    let (rest, month) = month_name(input)?;
    let (after_space, _) = space1(rest)?;
    if let Ok((rest, y)) = year(after_space) {
        return Ok((rest, date(Some(y), month, None)));
    }
    let (rest, d) = day(after_space)?;
    let (rest, y) = match year_suffix(rest) {
        Ok((r, y)) => (r, Some(y)),
        Err(_) => (rest, None),
    };
    Ok((rest, date(y, month, Some(d))))
}

/// `Day [of] Month [Year]`.
fn day_first(input: &str) -> IResult<&str, CivilDate> {
    let (rest, d) = day(input)?;
    let (rest, _) = space1(rest)?;
    let rest = match (tag("of"), space1).parse(rest) {
        Ok((r, _)) => r,
        Err(_) => rest,
    };
    let (rest, month) = month_name(rest)?;
    let (rest, y) = match (opt(char(',')), space1, year).parse(rest) {
        Ok((r, (_, _, y))) => (r, Some(y)),
        Err(_) => (rest, None),
    };
    Ok((rest, date(y, month, Some(d))))
}

/// ISO `YYYY-MM-DD`.
fn iso(input: &str) -> IResult<&str, CivilDate> {
    let (rest, (y, _, m, _, d)) = (
        small_int(4, 4),
        char('-'),
        small_int(2, 2),
        char('-'),
        small_int(2, 2),
    )
        .parse(input)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !at_boundary(rest) {
        return fail(input);
    }
    Ok((rest, date(Some(y as i32), m as u8, Some(d as u8))))
}

fn date(year: Option<i32>, month: u8, day: Option<u8>) -> CivilDate {
    CivilDate {
        year,
        month: Some(month),
        day,
        weekday: None,
        year_inferred: false,
    }
}

/// A full date at the start of `input`, with an optional weekday before it.
///
/// A month standing alone (`in February`) is not a date figure: it needs a day or a year.
pub fn date_expr(input: &str) -> IResult<&str, CivilDate> {
    if let Ok(r) = iso(input) {
        return Ok(r);
    }
    let (after_weekday, weekday) = match weekday_prefix(input) {
        Ok((r, d)) => (r, Some(d)),
        Err(_) => (input, None),
    };
    let (rest, mut civil) = match month_first(after_weekday) {
        Ok(r) => r,
        Err(_) => day_first(after_weekday)?,
    };
    civil.weekday = weekday;
    Ok((rest, civil))
}

/// A span of months: `January to March 2022`, `June-August 2024` (low and high dates).
pub fn month_range(input: &str) -> IResult<&str, (CivilDate, CivilDate)> {
    let (rest, low_month) = month_name(input)?;
    let rest = match (space1, tag("to"), space1).parse(rest) {
        Ok((r, _)) => r,
        Err(_) => {
            let r = rest.strip_prefix(['-', '\u{2013}']);
            match r {
                Some(r) => r,
                None => return fail(input),
            }
        }
    };
    let (rest, high_month) = month_name(rest)?;
    let (rest, y) = match year_suffix(rest) {
        Ok((r, y)) => (r, Some(y)),
        Err(_) => (rest, None),
    };
    if y.is_none() || high_month <= low_month {
        return fail(input);
    }
    Ok((rest, (date(y, low_month, None), date(y, high_month, None))))
}

/// A weekday's full name on its own (`on Wednesday`).
pub fn lone_weekday(input: &str) -> IResult<&str, CivilDate> {
    let (rest, w) = word(input)?;
    if !lexicon::is_full_weekday(w) || !at_boundary(rest) {
        return fail(input);
    }
    Ok((
        rest,
        CivilDate {
            year: None,
            month: None,
            day: None,
            weekday: lexicon::weekday(w),
            year_inferred: false,
        },
    ))
}

/// Days in `month` of `year` (February of an unknown year has 29).
pub fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_of(text: &str) -> (String, usize) {
        let (rest, d) = date_expr(text).expect("a date");
        (d.iso(), text.len() - rest.len())
    }

    #[test]
    fn forms() {
        assert_eq!(iso_of("February 26, 2025."), ("2025-02-26".into(), 17));
        assert_eq!(iso_of("Feb. 26 and"), ("--02-26".into(), 7));
        assert_eq!(iso_of("26 February 2025"), ("2025-02-26".into(), 16));
        assert_eq!(iso_of("Wednesday, Feb. 26"), ("--02-26".into(), 18));
        assert_eq!(iso_of("2025-02-26"), ("2025-02-26".into(), 10));
        assert_eq!(iso_of("March 2011"), ("2011-03".into(), 10));
        assert_eq!(iso_of("Thu 25 May 2017"), ("2017-05-25".into(), 15));
        assert_eq!(iso_of("08 June"), ("--06-08".into(), 7));
        assert_eq!(
            iso_of("Thursday, February 04, 2010"),
            ("2010-02-04".into(), 27)
        );
    }

    #[test]
    fn not_dates() {
        assert!(date_expr("May we").is_err());
        assert!(date_expr("in February").is_err());
        assert!(date_expr("March on").is_err());
        assert!(date_expr("Feb 45").is_err());
    }

    #[test]
    fn weekday_alone() {
        let (_, d) = lone_weekday("Wednesday it").unwrap();
        assert_eq!(d.iso(), "-W-3");
        assert!(lone_weekday("Wed").is_err());
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in_month(Some(2024), 2), 29);
        assert_eq!(days_in_month(Some(2025), 2), 28);
        assert_eq!(days_in_month(Some(1900), 2), 28);
        assert_eq!(days_in_month(None, 2), 29);
    }
}
