//! Numbers in digits and in words, and the scale words that multiply them (nom parsers).
//!
//! Every parser takes the text from a candidate position and returns the rest, so the
//! caller can compute spans as `input.len() - rest.len()`.

use super::lexicon;
use crate::figure::Number;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::{char, digit1, one_of},
    combinator::{opt, recognize},
    multi::many0,
    sequence::{pair, preceded},
};

/// Parse-time result of a number: its value and the precision of its digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    /// The number, scale included.
    pub number: Number,
    /// True when written in digits (`73`), false for words (`seventy-three`).
    pub digits: bool,
    /// True when written with thousands separators (`2,022`): never a year.
    pub grouped: bool,
    /// The scale word's factor, when one was written (`million` is 1e6).
    pub scale: Option<f64>,
}

/// One ASCII word: letters only.
pub fn word(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_alphabetic())(input)
}

/// True when `rest` does not continue a word (next char is not a letter or digit).
pub fn at_boundary(rest: &str) -> bool {
    !rest.chars().next().is_some_and(|c| c.is_alphanumeric())
}

/// Spaces (including a soft line break) between words.
pub fn space1(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c == ' ' || c == '\n' || c == '\t' || c == '\u{a0}' || c == '\r')(input)
}

/// A case-insensitive whole word.
pub fn keyword<'a>(expected: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |input: &'a str| {
        let (rest, w) = word(input)?;
        if w.eq_ignore_ascii_case(expected) {
            Ok((rest, w))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Tag,
            )))
        }
    }
}

fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// Digits with optional thousands separators and decimals: `1,234.5`, `.5`, `-3`, `73`.
///
/// A comma is a thousands separator only when exactly three digits follow it, so the list
/// `10,15` is two numbers.
pub fn digits(input: &str) -> IResult<&str, Parsed> {
    let sign = alt((tag("-"), tag("\u{2212}")));
    let group = preceded(char(','), three_digits);
    let integer = recognize(pair(digit1, many0(group)));
    let fraction = preceded(char('.'), digit1);
    let (rest, (neg, int_part, frac_part)) = alt((
        (opt(sign), integer.map(Some), opt(fraction)),
        (
            opt(alt((tag("-"), tag("\u{2212}")))),
            |i| Ok((i, None)),
            preceded(char('.'), digit1).map(Some),
        ),
    ))
    .parse(input)?;
    // "$15,ooo,ooo": letters right after a comma are a garbled number, not a figure.
    if rest.starts_with(',') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return fail(input);
    }
    // "3." at a sentence end leaves the dot; "1.2.3" (versions, addresses) is no number.
    if rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return fail(input);
    }
    let int_text = int_part.unwrap_or("0");
    let grouped = int_text.contains(',');
    let mut value = 0f64;
    for b in int_text.bytes().filter(u8::is_ascii_digit) {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let mut step = 1.0;
    if let Some(frac) = frac_part {
        let mut scale = 1.0;
        for b in frac.bytes() {
            scale /= 10.0;
            value += f64::from(b - b'0') * scale;
        }
        step = scale;
        // Re-derive from the text to avoid accumulated binary error ("24.67").
        let literal = format!("{}.{}", int_text.replace(',', ""), frac);
        if let Ok(v) = literal.parse::<f64>() {
            value = v;
        }
    }
    if neg.is_some() {
        value = -value;
    }
    Ok((
        rest,
        Parsed {
            number: Number { value, step },
            digits: true,
            grouped,
            scale: None,
        },
    ))
}

fn three_digits(input: &str) -> IResult<&str, &str> {
    let (rest, d) = digit1(input)?;
    if d.len() == 3 {
        Ok((rest, d))
    } else {
        fail(input)
    }
}

/// A scale word after a number: `million`, `bn`, `m`, `tn`, `k`, with an optional space
/// or hyphen (`$6-billion`) before it. Single-letter abbreviations must be glued (`3m`).
pub fn scale_suffix(input: &str) -> IResult<&str, f64> {
    let (after_sep, sep) = opt(alt((space1, tag("-")))).parse(input)?;
    let (rest, w) = word(after_sep)?;
    if !at_boundary(rest) {
        return fail(input);
    }
    let lower = w.to_ascii_lowercase();
    let factor = match lower.as_str() {
        "hundred" => 1e2,
        "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs" => 12.0,
        "thousand" => 1e3,
        "million" | "mn" | "mln" | "mil" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "trn" | "tln" => 1e12,
        // Finance writes a million as "MM" ("US$ 1MM"); lower-case "mm" is millimetres.
        "mm" if w == "MM" && sep.is_none() => 1e6,
        "k" if w == "k" => 1e3,
        "m" | "b" if sep.is_none() => match lower.as_str() {
            "m" => 1e6,
            "k" => 1e3,
            _ => 1e9,
        },
        _ => return fail(input),
    };
    Ok((rest, factor))
}

/// A number in digits with an optional scale word: `1.2 million`, `3bn`, `4.5tn`, and
/// the compounds people write with digits: `4 thousand 3 hundred and 21`, `3 million and
/// a half`.
pub fn digits_scaled(input: &str) -> IResult<&str, Parsed> {
    let (rest, mut parsed) = digits(input)?;
    let Ok((mut rest, factor)) = scale_suffix(rest) else {
        // "2 and a half": a mixed number in digits and words.
        if let Some((fraction, after)) = and_fraction(rest)
            && parsed.number.step == 1.0
        {
            parsed.number = Number {
                value: parsed.number.value + fraction,
                step: 0.0,
            };
            return Ok((after, parsed));
        }
        return Ok((rest, parsed));
    };
    parsed.number = parsed.number.scaled(factor);
    parsed.scale = Some(factor);
    let mut last_scale = factor;
    if let Some((fraction, after)) = and_fraction(rest) {
        parsed.number.value += fraction * factor;
        return Ok((after, parsed));
    }
    // Smaller parts after a word scale: "4 thousand 3 hundred and 21".
    while last_scale >= 100.0 && parsed.number.step == last_scale {
        let (probe, used_and) = match (space1, keyword("and"), space1).parse(rest) {
            Ok((p, _)) => (p, true),
            Err(_) => match space1(rest) {
                Ok((p, _)) => (p, false),
                Err(_) => break,
            },
        };
        let Ok((after, part)) = alt((digits, words)).parse(probe) else {
            break;
        };
        if part.number.value < 0.0 || part.number.value.fract() != 0.0 {
            break;
        }
        match scale_suffix(after) {
            Ok((after_scale, f)) if f < last_scale && part.number.value * f < last_scale => {
                parsed.number.value += part.number.value * f;
                last_scale = f;
                rest = after_scale;
            }
            // An unscaled last part only after "and": "3 hundred and 21".
            Err(_) if used_and && part.number.value < last_scale => {
                parsed.number.value += part.number.value;
                rest = after;
                break;
            }
            _ => break,
        }
        parsed.number.step = last_scale;
    }
    Ok((rest, parsed))
}

/// A fraction joined to a whole number by `and`: `and a half`, `and three quarters`,
/// `and one fifth`. Returns its value and the rest.
pub fn and_fraction(input: &str) -> Option<(f64, &str)> {
    let (r, _) = (space1, keyword("and"), space1).parse(input).ok()?;
    let (r, numerator) = match word(r) {
        Ok((r2, w)) if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") => (r2, 1.0),
        Ok((r2, w)) => (
            r2,
            lexicon::small_number(w).filter(|v| (1.0..10.0).contains(v))?,
        ),
        Err(_) => return None,
    };
    let r = r.strip_prefix([' ', '-'])?;
    let (r, den) = word(r).ok()?;
    let denominator = lexicon::denominator(den)?;
    let plural = den.ends_with(['s', 'S']);
    if !at_boundary(r)
        || numerator >= denominator
        || (numerator > 1.0) != plural && !den.eq_ignore_ascii_case("half")
    {
        return None;
    }
    Some((numerator / denominator, r))
}

/// Decimal digits spoken after `point`: `point zero three`, `point seventy-one`.
fn spoken_decimals(input: &str) -> Option<(f64, &str)> {
    let (mut r, _) = (space1, keyword("point"), space1).parse(input).ok()?;
    let mut digits = String::new();
    while let Ok((after, w)) = word(r) {
        let value = if w.eq_ignore_ascii_case("nought")
            || w.eq_ignore_ascii_case("naught")
            || w.eq_ignore_ascii_case("oh")
        {
            Some(0.0)
        } else {
            lexicon::small_number(w)
        };
        let Some(mut v) = value else { break };
        let mut after = after;
        // "seventy-one" after the point is two digits.
        if v >= 20.0
            && v % 10.0 == 0.0
            && let Some(units) = after
                .strip_prefix('-')
                .and_then(|x| word(x).ok())
                .and_then(|(x, u)| Some((x, lexicon::small_number(u).filter(|u| *u < 10.0)?)))
        {
            v += units.1;
            after = units.0;
        }
        if v >= 100.0 {
            break;
        }
        digits.push_str(&format!("{}", v as u32));
        r = after;
        match space1(r) {
            Ok((next, _))
                if word(next).is_ok_and(|(_, w)| {
                    lexicon::small_number(w).is_some_and(|v| v < 100.0)
                        || w.eq_ignore_ascii_case("nought")
                }) =>
            {
                r = next
            }
            _ => break,
        }
    }
    if digits.is_empty() {
        return None;
    }
    let value: f64 = format!("0.{digits}").parse().ok()?;
    Some((value, r))
}

/// A number in words: `seventy-three`, `two hundred and fifty thousand`, `a dozen`,
/// `a million`, `five and a half million`, `one hundred and three quarters`,
/// `two hundred point zero three`, `minus five`. Digits are read by [`digits_scaled`].
///
/// Words are joined by spaces or hyphens; `and` may follow `hundred` and thousands.
pub fn words(input: &str) -> IResult<&str, Parsed> {
    let mut total = 0f64;
    let mut current = 0f64;
    let mut rest = input;
    let mut consumed_any = false;
    let mut last_scale = f64::INFINITY;
    let mut last_small: Option<f64> = None; // the last units/teens/tens value in `current`
    let mut scale_seen: Option<f64> = None;
    let mut sign = 1.0;
    let mut exact = true;
    // "minus five", "negative one".
    if let Ok((after, _)) = alt((keyword("minus"), keyword("negative"))).parse(rest)
        && let Ok((after_space, _)) = space1(after)
    {
        sign = -1.0;
        rest = after_space;
    }
    // "a"/"an" stands for one before hundred/thousand/million/dozen.
    if let Ok((after_a, _)) = alt((keyword("a"), keyword("an"))).parse(rest)
        && let Ok((after_space, _)) = space1(after_a)
        && let Ok((_, w)) = word(after_space)
        && (lexicon::big_scale(w).is_some()
            || w.eq_ignore_ascii_case("hundred")
            || w.eq_ignore_ascii_case("dozen"))
    {
        current = 1.0;
        rest = after_space;
        last_small = Some(1.0);
    }
    while let Ok((after, w)) = word(rest) {
        if !at_boundary(after) && !after.starts_with('-') {
            break;
        }
        if let Some(v) =
            lexicon::small_number(w).or_else(|| w.eq_ignore_ascii_case("nought").then_some(0.0))
        {
            // "twenty one" is fine, "one two" is not a number.
            match last_small {
                Some(prev) if !(prev >= 20.0 && prev % 10.0 == 0.0 && v < 10.0) => break,
                _ => {}
            }
            current += v;
            last_small = Some(v);
        } else if w.eq_ignore_ascii_case("hundred") && current > 0.0 && current < 100.0 {
            current *= 100.0;
            last_small = None;
        } else if lexicon::dozen(w) && current > 0.0 && current < 100.0 {
            current *= 12.0;
            last_small = None;
        } else if let Some(scale) = lexicon::big_scale(w) {
            if scale >= last_scale || current == 0.0 {
                break;
            }
            total += current * scale;
            current = 0.0;
            last_scale = scale;
            scale_seen = Some(scale);
            last_small = None;
        } else {
            break;
        }
        consumed_any = true;
        rest = after;
        // A spoken decimal: "two hundred point zero three".
        if let Some((decimals, after_point)) = spoken_decimals(rest) {
            current += decimals;
            rest = after_point;
            exact = false;
            break;
        }
        // A fraction: "one and a half", "five and a half million", "one million and a half".
        if let Some((fraction, after_fraction)) = and_fraction(rest) {
            rest = after_fraction;
            exact = false;
            let scale_next = space1(rest)
                .ok()
                .and_then(|(x, _)| word(x).ok())
                .and_then(|(x, w)| Some((x, lexicon::big_scale(w)?)));
            match scale_next {
                Some((after_scale, scale)) if current > 0.0 && scale < last_scale => {
                    total += (current + fraction) * scale;
                    current = 0.0;
                    scale_seen = Some(scale);
                    rest = after_scale;
                }
                _ if current == 0.0 && last_scale.is_finite() => total += fraction * last_scale,
                _ => current += fraction,
            }
            break;
        }
        // Continue over a hyphen, a space, or "and" between parts.
        let mut probe = rest;
        if let Some(p) = probe.strip_prefix('-') {
            probe = p;
        } else if let Ok((p, _)) = space1(probe) {
            probe = p;
            if let Ok((p2, _)) = keyword("and").parse(probe)
                && let Ok((p3, _)) = space1(p2)
            {
                probe = p3;
            }
        } else {
            break;
        }
        match word(probe) {
            Ok((_, next))
                if lexicon::small_number(next).is_some()
                    || next.eq_ignore_ascii_case("hundred")
                    || lexicon::dozen(next)
                    || lexicon::big_scale(next).is_some() =>
            {
                rest = probe;
            }
            _ => break,
        }
    }
    if !consumed_any {
        return fail(input);
    }
    let value = sign * (total + current);
    Ok((
        rest,
        Parsed {
            number: Number {
                value,
                step: if exact { 1.0 } else { 0.0 },
            },
            digits: false,
            grouped: false,
            scale: scale_seen,
        },
    ))
}

/// A number in digits (with scale) or in words, followed by an optional scale word
/// (`1.2 million`, `two million`).
pub fn number(input: &str) -> IResult<&str, Parsed> {
    alt((digits_scaled, words)).parse(input)
}

/// A digit-ordinal suffix glued to a number: `st`, `nd`, `rd`, `th`.
pub fn ordinal_suffix(input: &str) -> IResult<&str, &str> {
    let (rest, s) = recognize(pair(one_of("sSnNrRtT"), one_of("tTdDhH"))).parse(input)?;
    if !at_boundary(rest) {
        return fail(input);
    }
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_str(), "st" | "nd" | "rd" | "th") {
        Ok((rest, s))
    } else {
        fail(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(p: IResult<&str, Parsed>) -> (f64, f64, usize) {
        let (rest, parsed) = p.expect("parses");
        (parsed.number.value, parsed.number.step, rest.len())
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(value(digits("1,234.5 x")), (1234.5, 0.1, 2));
        assert_eq!(value(digits(".5")), (0.5, 0.1, 0));
        assert_eq!(value(digits("-3 degrees")), (-3.0, 1.0, 8));
        assert_eq!(value(digits("10,15")), (10.0, 1.0, 3));
        assert!(digits("1.2.3").is_err());
        assert!(digits("2,022").unwrap().1.grouped);
    }

    #[test]
    fn scale_words() {
        assert_eq!(value(digits_scaled("3bn")).0, 3e9);
        assert_eq!(value(digits_scaled("4.5tn")).0, 4.5e12);
        assert_eq!(value(digits_scaled("1.2m people")).0, 1.2e6);
        assert_eq!(value(digits_scaled("6-billion")).0, 6e9);
        assert_eq!(value(digits_scaled("10.1 bn")).0, 10.1e9);
        let (_, p) = digits_scaled("4.7 billion").unwrap();
        assert!((p.number.step - 1e8).abs() < 1.0);
        // A lone "m" after a space is not a scale ("5 m" could be metres).
        assert_eq!(value(digits_scaled("5 m")).0, 5.0);
    }

    #[test]
    fn number_words() {
        assert_eq!(value(words("seventy-three seats")).0, 73.0);
        assert_eq!(value(words("two hundred and fifty thousand")).0, 250_000.0);
        assert_eq!(value(words("a dozen eggs")).0, 12.0);
        assert_eq!(value(words("a hundred")).0, 100.0);
        assert_eq!(value(words("twenty one")).0, 21.0);
        assert_eq!(value(words("one two")).0, 1.0);
        assert_eq!(value(words("three million")).0, 3e6);
        assert!(words("a cat").is_err());
    }
}
