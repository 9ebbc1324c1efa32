//! The figure grammar: finds every figure in a document's prose.
//!
//! Most bytes are not figures, so the scanner walks each sentence and tries the parsers
//! only at candidate positions: a digit that starts a token, a currency symbol, or a word
//! from the trigger tables (number words, months, fraction and multiplier words). The nom
//! parsers in [`number`] and [`date`] read the expression; this module decides what kind
//! of figure it is from the words after it, and which approximation words stand before it.
//!
//! Decisions on what is *not* a figure (each tested below):
//! * identifiers: a number glued to letters (`G7`, `5G`), after a capitalised word and a
//!   hyphen (`COVID-19`, `F-35`), after a capitalised name (`Boeing 737`, `iPad 2`) or an
//!   identifier noun (`Article 5`, `Resolution 2334`, `No. 10`, `Year 9`);
//! * times of day (`17:11 GMT`, `5 p.m.`), phone numbers, version numbers and addresses
//!   (`1.2.3`), list markers at a line start;
//! * tallies and scores written `27-22` (a hyphen pair whose first number is not smaller);
//! * number words capitalised inside a sentence (`World War Two`, `Six Nations`), `one` as
//!   a pronoun (`one of the biggest`, `the one`), `first` as an adverb (`first counted`),
//!   `half` and `quarter` as periods (`the second half`, `the first quarter`);
//! * a month or weekday abbreviation on its own (`in February`, `Wed`).

pub mod date;
pub mod lexicon;
pub mod number;

use crate::document::{BlockKind, Document};
use crate::figure::{Approx, CivilDate, Figure, Kind, Number, Value};
use crate::span::Span;
use number::{Parsed, at_boundary, space1, word};

/// Every figure in `doc`, in order.
pub fn scan_document(doc: &Document) -> Vec<Figure> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let heading = doc
            .block_at(sentence.start)
            .is_some_and(|b| doc.blocks[b].kind == BlockKind::Heading);
        let scanner = Scanner {
            prose: &doc.prose,
            start: sentence.start,
            end: sentence.end,
            heading,
        };
        scanner.scan(&mut out);
    }
    infer_dateline_year(doc, &mut out);
    out
}

/// Dates written without a year take the year of the dateline: a full date in one of the
/// first three blocks of the document.
fn infer_dateline_year(doc: &Document, figures: &mut [Figure]) {
    let dateline_year = figures.iter().find_map(|f| match f.value {
        Value::Date(CivilDate {
            year: Some(y),
            day: Some(_),
            ..
        }) if doc.block_at(f.span.start).is_some_and(|b| b < 3) => Some(y),
        _ => None,
    });
    let Some(year) = dateline_year else { return };
    for f in figures.iter_mut() {
        if let Value::Date(d) = &mut f.value
            && d.year.is_none()
            && d.month.is_some()
            && d.day.is_some()
        {
            d.year = Some(year);
            d.year_inferred = true;
        }
    }
}

/// What a parser made of a candidate position.
enum Outcome {
    /// A figure.
    Found(Figure),
    /// Not a figure; resume scanning at this byte offset.
    Skip(usize),
}

/// Title-case words around `N-M` that make it a span of ages, years or pages rather than a
/// result between two teams ("Children Aged 5-11 Years").
const NOT_TEAM_NAMES: &[&str] = &[
    "aged", "ages", "age", "between", "from", "pages", "page", "pp", "grades", "grade", "years",
    "year", "chapters", "sections", "rows", "items", "weeks", "days", "months", "hours", "minutes",
    "per", "percent", "million", "billion", "miles", "km", "seats", "points", "people", "times",
    "inches", "feet", "metres", "meters", "degrees", "ft", "mph", "kg", "lb", "lbs", "hrs", "yrs",
    "am", "pm", "bc", "ad", "ce", "bce", "season", "seasons", "pupils", "students", "children",
    "homes", "jobs", "votes", "in", "of",
];

/// Scans one sentence of the prose text; all offsets are absolute.
struct Scanner<'a> {
    prose: &'a str,
    start: usize,
    end: usize,
    heading: bool,
}

/// A number after its kind has been decided from the words that follow it.
struct Tail {
    /// Multiplies the value: 0.01 for amounts in cents or pence.
    factor: f64,
    /// Added to the value after `factor`: the cents of `3 dollars 50 cents`.
    add: f64,
    kind: Kind,
    unit: Option<String>,
    currency: Option<&'static str>,
    end: usize,
    approx: Option<Approx>,
}

impl<'a> Scanner<'a> {
    fn rest(&self, pos: usize) -> &'a str {
        &self.prose[pos..self.end]
    }

    /// Offset of `rest` (a suffix of the sentence) in the prose.
    fn offset(&self, rest: &str) -> usize {
        self.end - rest.len()
    }

    fn scan(&self, out: &mut Vec<Figure>) {
        let bytes = self.prose.as_bytes();
        let mut i = self.start;
        while i < self.end {
            // Most bytes are spaces and punctuation: step over them first.
            while i < self.end && INERT[usize::from(bytes[i])] {
                i += 1;
            }
            if i >= self.end {
                break;
            }
            let b = bytes[i];
            let prev = if i > self.start { bytes[i - 1] } else { b' ' };
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            let candidate = if b.is_ascii_digit() {
                !prev.is_ascii_digit() && prev != b'.' && prev != b','
            } else if b.is_ascii_alphabetic() {
                if prev.is_ascii_alphanumeric() {
                    false
                } else {
                    let word_end = letters_end(bytes, i + 1, self.end);
                    let w = &self.prose[i..word_end];
                    let may_trigger = lexicon::may_start_trigger(b) || b.is_ascii_uppercase();
                    if (may_trigger && is_trigger(w))
                        || bytes.get(word_end) == Some(&b'$')
                        || bytes[word_end..self.end].starts_with(b" $")
                    {
                        true
                    } else {
                        i = word_end;
                        continue;
                    }
                }
            } else if b == b'$' || b == b'~' {
                true
            } else if (b == b'.' || b == b'-') && next.is_ascii_digit() {
                !prev.is_ascii_alphanumeric() && prev != b'.' && prev != b'-'
            } else if b >= 0xC2 {
                // Currency symbols and the minus sign are the only non-ASCII starts.
                let c = self.prose[i..].chars().next().unwrap_or(' ');
                c == '\u{2212}' || lexicon::is_currency_symbol(c) || vulgar_fraction(c).is_some()
            } else {
                false
            };
            if !candidate {
                i += utf8_len(b);
                continue;
            }
            match self.parse_at(i) {
                Some(Outcome::Found(mut figure)) => {
                    let next_pos = figure.span.end.max(i + 1);
                    // An approximation word already inside the previous figure (`0 close
                    // to 5`, where `close` was read as its noun) is not this one's.
                    if figure.approx == Approx::Exact
                        && let Some((approx, span)) = self.approx_before(figure.span.start)
                        && out.last().is_none_or(|p: &Figure| p.span.end <= span.start)
                    {
                        figure.approx = approx;
                        figure.approx_span = Some(span);
                    }
                    out.push(figure);
                    i = next_pos;
                }
                Some(Outcome::Skip(end)) => i = end.max(i + 1),
                None => i = self.token_end(i),
            }
            while i < self.end && !self.prose.is_char_boundary(i) {
                i += 1;
            }
        }
    }

    /// End of the alphanumeric token at `pos` (at least one char further).
    fn token_end(&self, pos: usize) -> usize {
        let bytes = self.prose.as_bytes();
        let mut j = pos + utf8_len(bytes[pos]);
        while j < self.end
            && (bytes[j].is_ascii_alphanumeric()
                || bytes[j] == b'.' && j + 1 < self.end && bytes[j + 1].is_ascii_digit())
        {
            j += 1;
        }
        j
    }

    fn parse_at(&self, pos: usize) -> Option<Outcome> {
        let s = self.rest(pos);
        let first = s.chars().next()?;
        if first.is_ascii_digit() || first == '.' || first == '-' || first == '\u{2212}' {
            return self.numeric(pos);
        }
        if first == '~' {
            // "~40%": the tilde is an approximation; the figure starts after it.
            return None;
        }
        if let Some(value) = vulgar_fraction(first) {
            let mut f = self.figure(
                pos,
                pos + first.len_utf8(),
                Kind::Fraction,
                Number { value, step: 0.0 },
                None,
            );
            self.fraction_whole(&mut f);
            return Some(Outcome::Found(f));
        }
        if !first.is_ascii_alphabetic() {
            return self.money(pos);
        }
        let (after_word, w) = word(s).ok()?;
        if (after_word.starts_with('$') || after_word.starts_with(" $"))
            && let Some(found) = self.money(pos)
        {
            return Some(found);
        }
        if lexicon::iso_currency(w).is_some() {
            return self.money(pos);
        }
        if lexicon::month(w).is_some() || lexicon::weekday(w).is_some() {
            return self.date_word(pos);
        }
        if w.eq_ignore_ascii_case("minus") || w.eq_ignore_ascii_case("negative") {
            return self.negated(pos, after_word);
        }
        if w.eq_ignore_ascii_case("nought") {
            return self.numeric(pos);
        }
        if w.eq_ignore_ascii_case("quarter") {
            // "quarter million"; a quarter on its own is a period of time.
            let (scale, end) = self.scale_after_fraction(self.offset(after_word))?;
            let mut f = self.figure(
                pos,
                end,
                Kind::Count,
                Number {
                    value: scale / 4.0,
                    step: 0.0,
                },
                None,
            );
            if let Some((noun, e)) = self.unit_noun(end) {
                f.unit = Some(noun);
                f.span.end = e;
            }
            return Some(Outcome::Found(f));
        }
        if w.eq_ignore_ascii_case("between") {
            return self.between(pos);
        }
        if w.eq_ignore_ascii_case("mid") {
            return self.mid_decade(pos);
        }
        if w.len() >= 5 && w[..5].eq_ignore_ascii_case("multi") {
            return self.multi(pos);
        }
        if lexicon::vague_magnitude(w).is_some() {
            return self.vague(pos);
        }
        if let Some(factor) = lexicon::multiplier_word(w) {
            return Some(Outcome::Found(self.figure(
                pos,
                self.offset(after_word),
                Kind::Ratio,
                Number {
                    value: factor,
                    step: 0.0,
                },
                Some("x".into()),
            )));
        }
        if w.eq_ignore_ascii_case("twice") {
            return self.twice(pos, after_word);
        }
        if w.eq_ignore_ascii_case("half") || w.eq_ignore_ascii_case("halves") {
            return self.half(pos, after_word);
        }
        if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
            return self.article(pos, after_word);
        }
        if lexicon::ordinal_word(w).is_some() && lexicon::small_number(w).is_none() {
            return self.ordinal_word(pos, w, after_word);
        }
        if lexicon::small_number(w).is_some() {
            // Words for numbers are names when capitalised inside a sentence.
            if self.is_mid_sentence_capital(pos, w) {
                return Some(Outcome::Skip(self.offset(after_word)));
            }
            if let Some(fraction) = self.fraction(pos) {
                return Some(fraction);
            }
            let proportion = (space1, number::keyword("in"), space1)
                .parse_ok(after_word)
                .is_ok()
                || (space1, number::keyword("out"), space1)
                    .parse_ok(after_word)
                    .is_ok();
            if w.eq_ignore_ascii_case("one") && !proportion && self.is_pronoun_one(pos, after_word)
            {
                return Some(Outcome::Skip(self.offset(after_word)));
            }
            return self.numeric(pos);
        }
        None
    }

    /// Figures that start with a number in digits or words.
    fn numeric(&self, pos: usize) -> Option<Outcome> {
        let s = self.rest(pos);
        let starts_with_digit = s.starts_with(|c: char| c.is_ascii_digit());
        if starts_with_digit {
            // Times of day: "17:11", "12:39 PM", "5 p.m.", "5pm".
            if let Some((len, hour, minute)) = clock_time(s) {
                let mut f = self.figure(pos, pos + len, Kind::Time, Number::exact(0.0), None);
                f.value = Value::Time { hour, minute };
                return Some(Outcome::Found(f));
            }
            if let Some(end) = self.identifier_or_noise(pos) {
                return Some(Outcome::Skip(end));
            }
            if let Ok((rest, civil)) = date::date_expr(s) {
                return Some(Outcome::Found(self.date_figure(
                    pos,
                    self.offset(rest),
                    civil,
                )));
            }
        }
        let (rest, parsed) = number::number(s).ok()?;
        let after = self.offset(rest);
        if parsed.digits
            && parsed.scale == Some(1e6)
            && self.prose[pos..after].ends_with('m')
            && self.prose[..after - 1].ends_with(|c: char| c.is_ascii_digit())
            && !self
                .unit_noun(after)
                .is_some_and(|(noun, _)| is_plural_noun(&noun))
        {
            // A glued "m" without a currency is metres unless a plural noun follows:
            // "race 30m to score", "a 40m penalty", but "74.7m tonnes".
            let metres = parsed.number.scaled(1e-6);
            return Some(Outcome::Found(self.figure(
                pos,
                after,
                Kind::Quantity,
                metres,
                Some("m".into()),
            )));
        }
        if parsed.digits {
            // Letters glued to digits that are no unit make an identifier: "5G", "737MAX".
            if rest.starts_with(|c: char| c.is_ascii_alphabetic()) && !self.glued_suffix_ok(rest) {
                return Some(Outcome::Skip(self.token_end(pos)));
            }
            if let Some(outcome) = self.year_forms(pos, after, &parsed) {
                return Some(outcome);
            }
            if let Some(outcome) = self.slash_fraction(pos, after, &parsed) {
                return Some(outcome);
            }
        }
        if let Some(outcome) = self.ratio_in(pos, after, &parsed) {
            return Some(outcome);
        }
        if let Some(outcome) = self.range_after(pos, after, &parsed) {
            return Some(outcome);
        }
        let tail = self.tail(after, &parsed);
        let mut number = parsed.number.scaled(tail.factor);
        number.value += tail.add;
        let mut figure = self.figure(pos, tail.end, tail.kind, number, tail.unit);
        figure.currency = tail.currency;
        if let Some(a) = tail.approx {
            figure.approx = a;
        }
        if tail.kind == Kind::Count {
            self.part_of_whole(&mut figure);
        }
        Some(Outcome::Found(figure))
    }

    /// Decide the kind of a number from what follows it at `after`.
    fn tail(&self, after: usize, parsed: &Parsed) -> Tail {
        let rest = self.rest(after);
        let done = |kind, unit: Option<&str>, end| Tail {
            factor: 1.0,
            add: 0.0,
            kind,
            unit: unit.map(str::to_owned),
            currency: None,
            end,
            approx: None,
        };
        if let Some((kind, end)) = percent_suffix(rest) {
            let unit = if kind == Kind::Percent { "%" } else { "pp" };
            return self.with_post_approx(done(kind, Some(unit), self.offset(end)));
        }
        if parsed.digits
            && let Ok((r, _)) = number::ordinal_suffix(rest)
        {
            return done(Kind::Ordinal, None, self.offset(r));
        }
        // Separator before a following word: a space, or a hyphen in compounds (13-year).
        let (sep_rest, hyphen) = match rest.strip_prefix('-') {
            Some(r) => (r, true),
            None => (space1(rest).map(|(r, _)| r).unwrap_or(rest), false),
        };
        let glued = sep_rest.len() == rest.len();
        if let Some((code, factor, end, minor)) = self.currency_after(after) {
            let mut t = done(Kind::Money, None, end);
            t.currency = Some(code);
            t.factor = factor;
            t.add = minor;
            return self.with_post_approx(t);
        }
        if let Ok((r, w)) = unit_word(sep_rest) {
            if let Some(unit) = lexicon::duration_unit(w) {
                if glued && parsed.digits && w.len() <= 3 {
                    // "5min" is fine, but "5s" is a decade or plural.
                } else {
                    // "13-year-old", "18 years old", "a 28-year-old": ages.
                    let old = r
                        .strip_prefix('-')
                        .or_else(|| space1(r).ok().map(|(x, _)| x))
                        .and_then(|x| x.strip_prefix("old"))
                        .filter(|x| at_boundary(x) || x.starts_with('s'));
                    if let Some(x) = old {
                        let x = x.strip_prefix('s').unwrap_or(x);
                        return done(Kind::Quantity, Some("years of age"), self.offset(x));
                    }
                    return self.with_post_approx(done(Kind::Duration, Some(unit), self.offset(r)));
                }
            }
            if let Some(unit) = lexicon::measure_unit(w) {
                // "1,404 terawatt hours": power over time is energy.
                if let Some(energy) = lexicon::energy_unit(unit)
                    && let Some(x) = r
                        .strip_prefix('-')
                        .or_else(|| space1(r).ok().map(|(x, _)| x))
                    && let Ok((x, hours)) = word(x)
                    && matches!(hours, "hours" | "hour")
                {
                    return done(Kind::Quantity, Some(energy), self.offset(x));
                }
                return done(Kind::Quantity, Some(unit), self.offset(r));
            }
            if w.eq_ignore_ascii_case("times")
                && let Ok((_, next)) = space1(r).and_then(|(x, _)| word(x))
                && lexicon::is_comparative_after_times(next)
            {
                return done(Kind::Ratio, Some("x"), self.offset(r));
            }
            if hyphen && w.eq_ignore_ascii_case("fold") {
                return done(Kind::Ratio, Some("x"), self.offset(r));
            }
        }
        // Compound units with a slash: "7.7t/ha", "3t/acre".
        if let Some((unit, end)) = slash_unit(rest) {
            return done(Kind::Quantity, Some(unit), self.offset(end));
        }
        if parsed.digits
            && glued
            && let Ok((r, w)) = word(rest)
        {
            if let Some(unit) = lexicon::measure_unit(w) {
                return done(Kind::Quantity, Some(unit), self.offset(r));
            }
            if w == "m" && parsed.scale.is_none() {
                return done(Kind::Quantity, Some("m"), self.offset(r));
            }
        }
        let mut t = done(Kind::Count, None, after);
        if hyphen && parsed.digits {
            // "the 329-seat chamber": the compound names what is counted.
            if let Ok((r, w)) = unit_word(sep_rest)
                && !lexicon::is_not_unit_noun(w)
                && w.starts_with(|c: char| c.is_ascii_lowercase())
            {
                t.unit = Some(w.to_owned());
                t.end = self.offset(r);
            }
        }
        if !hyphen && let Some((noun, end)) = self.unit_noun(after) {
            t.unit = Some(noun);
            t.end = end;
        }
        self.with_post_approx(t)
    }

    /// A currency named after an amount: ` dollars`, `-yen`, ` US dollars`, ` Swiss
    /// francs`, ` cents`, ` pence`, ` usd`, `USD` (glued), ` €`, and `dollars 50 cents`.
    /// Returns the ISO code, the factor to the main unit (0.01 for cents), the end, and an
    /// amount of minor units to add (the 50 cents of `3 dollars 50 cents`).
    fn currency_after(&self, after: usize) -> Option<(&'static str, f64, usize, f64)> {
        let rest = self.rest(after);
        // A symbol after the amount: "10 €", "10$".
        let r = rest.strip_prefix(' ').unwrap_or(rest);
        for (symbol, code) in lexicon::CURRENCY_PREFIXES {
            if symbol.chars().count() == 1
                && let Some(x) = r.strip_prefix(symbol)
                && !x.starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                return Some((code, 1.0, self.offset(x), 0.0));
            }
        }
        let (r, hyphen) = match rest.strip_prefix('-') {
            Some(x) => (x, true),
            None => (space1(rest).map_or(rest, |(x, _)| x), false),
        };
        let glued = r.len() == rest.len();
        let (r1, w1) = word(r).ok()?;
        if !at_boundary(r1) && !r1.starts_with('-') {
            return None;
        }
        // "australian dollars", "Swiss francs", "us dollars".
        if let Ok((r2, (_, w2))) = (space1, word).parse_ok(r1)
            && let Some(code) = lexicon::national_currency(w1, w2)
            && at_boundary(r2)
        {
            return Some((code, 1.0, self.offset(r2), 0.0));
        }
        if glued {
            // Only an ISO code may be glued: "115USD".
            return lexicon::iso_currency(&w1.to_ascii_uppercase())
                .map(|code| (code, 1.0, self.offset(r1), 0.0));
        }
        // Finance writes millions as M before the code: "30 MUSD", "120 MEUR".
        if w1.len() == 4
            && w1.starts_with('M')
            && let Some(code) = lexicon::iso_currency(&w1[1..])
        {
            return Some((code, 1e6, self.offset(r1), 0.0));
        }
        if let Some((code, factor)) = lexicon::minor_currency(w1) {
            return Some((code, factor, self.offset(r1), 0.0));
        }
        let code = lexicon::currency_word(w1).or_else(|| {
            if hyphen {
                None
            } else {
                lexicon::iso_currency(&w1.to_ascii_uppercase())
            }
        })?;
        // "ten pounds of flour" is a weight.
        if w1.eq_ignore_ascii_case("pounds") && r1.trim_start().starts_with("of") {
            return None;
        }
        let mut end = self.offset(r1);
        let mut minor = 0.0;
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents".
        let cents_probe = (space1, number::keyword("and"), space1)
            .parse_ok(r1)
            .map_or_else(|_| space1(r1).map(|(x, _)| x).ok(), |(x, _)| Some(x));
        if let Some(p) = cents_probe
            && let Ok((x, cents)) = number::number(p)
            && let Ok((x, (_, unit))) = (space1, word).parse_ok(x)
            && lexicon::minor_currency(unit).is_some_and(|(c, _)| c == code)
            && cents.number.value < 100.0
        {
            end = self.offset(x);
            minor = cents.number.value / 100.0;
        }
        Some((code, 1.0, end, minor))
    }

    /// "or more", "-plus", "or so", "-odd" after a figure.
    fn with_post_approx(&self, mut tail: Tail) -> Tail {
        let rest = self.rest(tail.end);
        let lower_starts = |p: &str| {
            rest.len() >= p.len()
                && rest.is_char_boundary(p.len())
                && rest[..p.len()].eq_ignore_ascii_case(p)
                && at_boundary(&rest[p.len()..])
        };
        for (phrase, approx) in [
            (" or more", Approx::AtLeast),
            (" or over", Approx::AtLeast),
            ("-plus", Approx::AtLeast),
            ("+", Approx::AtLeast),
            (" or so", Approx::About),
            ("-odd", Approx::About),
            (" or less", Approx::AtMost),
            (" or fewer", Approx::AtMost),
        ] {
            if lower_starts(phrase) {
                tail.approx = Some(approx);
                tail.end += phrase.len();
                break;
            }
        }
        tail
    }

    /// The counted noun after a count: `88 seats`, `18.65 million iPhones`.
    fn unit_noun(&self, after: usize) -> Option<(String, usize)> {
        let rest = self.rest(after);
        // One space, or a line break inside the paragraph.
        let (r, gap) = space1(rest).ok()?;
        if gap.len() > 2 {
            return None;
        }
        let (mut r2, w) = unit_word(r).ok()?;
        if w.len() < 2
            || lexicon::is_not_unit_noun(w)
            || lexicon::month(w).is_some()
            || lexicon::weekday(w).is_some()
            || lexicon::small_number(w).is_some()
            || lexicon::big_scale(w).is_some()
            || lexicon::ordinal_word(w).is_some()
        {
            return None;
        }
        // A modifier and its plural noun: "registered voters", "largest blocs".
        let mut unit = w.to_owned();
        if !is_plural_noun(w)
            && let Ok((r3, (_, w2))) = (tag_space, unit_word).parse_ok(r2)
            && is_plural_noun(w2)
            && !lexicon::is_not_unit_noun(w2)
            && w2.starts_with(|c: char| c.is_ascii_lowercase())
        {
            unit = format!("{w} {w2}");
            r2 = r3;
        }
        Some((unit, self.offset(r2)))
    }

    /// `73 out of 329 seats`, `73 of the 329 seats`: set `of` and the unit from the whole.
    fn part_of_whole(&self, figure: &mut Figure) {
        let rest = self.rest(figure.span.end);
        let Ok((r, _)) = space1(rest) else { return };
        let r = if let Ok((r, _)) = (number::keyword("out"), space1).parse_ok(r) {
            r
        } else {
            r
        };
        let Ok((r, _)) = (number::keyword("of"), space1).parse_ok(r) else {
            return;
        };
        let r = match (word, space1).parse_ok(r) {
            Ok((r2, (w, _)))
                if matches!(
                    w.to_ascii_lowercase().as_str(),
                    "the" | "all" | "its" | "their" | "his" | "her" | "our" | "those" | "these"
                ) =>
            {
                r2
            }
            _ => r,
        };
        let whole_start = self.offset(r);
        let Ok((r, whole)) = number::number(r) else {
            return;
        };
        if !at_boundary(r) && !r.starts_with('-') {
            return;
        }
        let whole_end = self.offset(r);
        // A whole that is itself a year or percent is no whole: "5 of the 2020 races".
        if whole.digits && percent_suffix(r).is_some() {
            return;
        }
        let mut end = whole_end;
        let mut unit = figure.unit.clone();
        // "the 329-seat chamber" or "329 seats".
        let r_noun = r.strip_prefix('-').unwrap_or(r);
        if r_noun.len() != r.len() {
            if let Ok((r3, w)) = unit_word(r_noun) {
                end = self.offset(r3);
                unit = Some(w.to_owned());
            }
        } else if let Some((noun, e)) = self.unit_noun(whole_end) {
            end = e;
            unit = Some(noun);
        }
        // "28 countries of 6 continents" names two kinds of thing: no part of a whole.
        if let (Some(part_noun), Some(whole_noun)) = (&figure.unit, &unit) {
            let stem = |w: &str| w.trim_end_matches('s').to_ascii_lowercase();
            if stem(part_noun) != stem(whole_noun) && !stem(whole_noun).ends_with(&stem(part_noun))
            {
                return;
            }
        }
        figure.of = Some(whole.number);
        figure.of_span = Some(Span::new(whole_start, end));
        figure.unit = unit;
        figure.span.end = end;
    }

    /// `one in five`, `1 in 4`, `two passengers in every five`.
    fn ratio_in(&self, pos: usize, after: usize, parsed: &Parsed) -> Option<Outcome> {
        if parsed.scale.is_some() || parsed.number.value.fract() != 0.0 {
            return None;
        }
        let mut r = self.rest(after);
        let mut unit = None;
        // An optional noun between: "two passengers in every five".
        if let Ok((r2, (_, w))) = (space1, word).parse_ok(r)
            && !w.eq_ignore_ascii_case("in")
            && !lexicon::is_not_unit_noun(w)
        {
            unit = Some(w.to_owned());
            r = r2;
        }
        let (r, _) = (space1, number::keyword("in"), space1).parse_ok(r).ok()?;
        let r = match (number::keyword("every"), space1).parse_ok(r) {
            Ok((r2, _)) => r2,
            Err(_) => r,
        };
        let whole_start = self.offset(r);
        let (r, whole) = number::number(r).ok()?;
        let value = parsed.number.value;
        let of = whole.number.value;
        // "3 in 2022" is a date context, "12 in 10" no proportion.
        if whole.scale.is_some() || of > 1000.0 || of < value || of < 2.0 || !at_boundary(r) {
            return None;
        }
        if percent_suffix(r).is_some() {
            return None;
        }
        let mut figure = self.figure(pos, self.offset(r), Kind::Ratio, parsed.number, unit);
        figure.of = Some(whole.number);
        figure.of_span = Some(Span::new(whole_start, self.offset(r)));
        if figure.unit.is_none()
            && let Some((noun, _)) = self.unit_noun(figure.span.end)
        {
            figure.unit = Some(noun);
        }
        Some(Outcome::Found(figure))
    }

    /// `10-15`, `10–15 million`, `10 to 11 per cent`, `5 million to 9 million units`.
    fn range_after(&self, pos: usize, after: usize, low: &Parsed) -> Option<Outcome> {
        let rest = self.rest(after);
        let (r, dash) = if let Some(r) = rest.strip_prefix(['-', '\u{2013}', '\u{2014}']) {
            (r, true)
        } else if let Some(r) = rest.strip_prefix("\u{2013}") {
            (r, true)
        } else if let Ok((r, _)) = (space1, number::keyword("to"), space1).parse_ok(rest) {
            (r, false)
        } else {
            return None;
        };
        if !dash
            && self.preceded_by_word(pos, &["from", "From"])
            && !self.is_range_verb_before_from(pos)
        {
            // "rose from 40 to 70" is a change; both figures stand alone. In "from 9 to 11
            // million" the start takes the scale of the end.
            let (_, high) = number::number(r).ok()?;
            let factor = high.scale.filter(|f| {
                low.scale.is_none()
                    && low.number.value < 1000.0
                    && low.number.value <= high.number.value / f
                    && *f >= 1e3
            })?;
            let tail = self.tail(after, low);
            if tail.kind != Kind::Count || tail.end != after {
                return None;
            }
            return Some(Outcome::Found(self.figure(
                pos,
                after,
                Kind::Count,
                low.number.scaled(factor),
                None,
            )));
        }
        // A percent on the low end ("14%-48%") keeps the range a percent range.
        let (high_rest, high) = number::number(r).ok()?;
        // Dashes join digits ("10-15"); between words they are punctuation ("three—one").
        if dash && !(low.digits && high.digits) {
            return None;
        }
        if !at_boundary(high_rest)
            && !high_rest.starts_with(['%', '-'])
            && !high_rest.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            return None;
        }
        let mut low_number = low.number;
        let mut high_number = high.number;
        // "10 to 15 million": the scale of the high end applies to both.
        if low.scale.is_none()
            && let Some(factor) = high.scale
            && low.number.value < high.number.value / factor * 1.0001
        {
            low_number = low_number.scaled(factor);
        }
        // "Leeds 18-22 Hull": a result between two names is a score whichever side won.
        let between_names = dash
            && low.digits
            && self.prose[..pos]
                .trim_end_matches(' ')
                .ends_with(|c: char| c.is_ascii_alphabetic())
            && self.prose[..pos].ends_with(' ')
            && self.prose[..pos]
                .trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_uppercase())
                        && !NOT_TEAM_NAMES.contains(&w.to_ascii_lowercase().as_str())
                })
            && high_rest.strip_prefix(' ').is_some_and(|r| {
                let next = r
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or("");
                next.starts_with(|c: char| c.is_ascii_uppercase())
                    && !NOT_TEAM_NAMES.contains(&next.to_ascii_lowercase().as_str())
            });
        if dash && low.digits && (high_number.value <= low_number.value || between_names) {
            // A tally or score ("27-22", "3-3"), not a range.
            let (a, b) = (low.number.value, high.number.value);
            if a.fract() != 0.0 || b.fract() != 0.0 || low.scale.is_some() || high.scale.is_some() {
                return Some(Outcome::Skip(self.offset(high_rest)));
            }
            let mut f = self.figure(
                pos,
                self.offset(high_rest),
                Kind::Score,
                Number::exact(a),
                Some("points".into()),
            );
            f.value = Value::Score(a as u32, b as u32);
            return Some(Outcome::Found(f));
        }
        if !dash && high_number.value <= low_number.value {
            return None;
        }
        let high_parsed = Parsed {
            number: high_number,
            ..high
        };
        let tail = self.tail(self.offset(high_rest), &high_parsed);
        if matches!(tail.kind, Kind::Ordinal | Kind::Ratio) {
            return None;
        }
        high_number = high_parsed.number;
        let unit = match tail.kind {
            Kind::Count
            | Kind::Quantity
            | Kind::Duration
            | Kind::Percent
            | Kind::PercentagePoints => tail.unit,
            _ => None,
        };
        let mut figure = self.figure(pos, tail.end, Kind::Range, low_number, unit);
        figure.high = Some(Value::Number(high_number));
        figure.currency = tail.currency;
        Some(Outcome::Found(figure))
    }

    /// Four-digit years and their forms: `2022`, `2016/17`, `2012-13`, `2020-2022`,
    /// `1960s`.
    fn year_forms(&self, pos: usize, after: usize, parsed: &Parsed) -> Option<Outcome> {
        let text = &self.prose[pos..after];
        if text.len() != 4
            || parsed.grouped
            || parsed.scale.is_some()
            || !text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let year = parsed.number.value;
        if !(1000.0..=2200.0).contains(&year) {
            return None;
        }
        let rest = self.rest(after);
        let year_number = Number::exact(year);
        // Split and financial years, and spans of years.
        if let Some(r) = rest.strip_prefix(['/', '-', '\u{2013}']) {
            let digits_len = r.bytes().take_while(u8::is_ascii_digit).count();
            let tail = &r[digits_len..];
            let boundary = at_boundary(tail);
            if digits_len == 2 && boundary {
                let century = (year / 100.0).floor() * 100.0;
                let mut high = century + r[..2].parse::<f64>().unwrap_or(0.0);
                if high < year {
                    high += 100.0;
                }
                let mut f = self.figure(pos, self.offset(tail), Kind::Year, year_number, None);
                f.high = Some(Value::Number(Number::exact(high)));
                return Some(Outcome::Found(f));
            }
            if digits_len == 4 && boundary {
                let high: f64 = r[..4].parse().unwrap_or(0.0);
                if high > year && high - year < 200.0 {
                    let kind = if rest.starts_with('/') {
                        Kind::Year
                    } else {
                        Kind::Range
                    };
                    let unit = (kind == Kind::Range).then(|| "year".to_owned());
                    let mut f = self.figure(pos, self.offset(tail), kind, year_number, unit);
                    f.high = Some(Value::Number(Number::exact(high)));
                    return Some(Outcome::Found(f));
                }
            }
        }
        if let Some(r) = rest.strip_prefix("s").or_else(|| rest.strip_prefix("'s"))
            && at_boundary(r)
        {
            return Some(Outcome::Found(self.figure(
                pos,
                self.offset(r),
                Kind::Year,
                year_number,
                None,
            )));
        }
        if percent_suffix(rest).is_some() {
            return None;
        }
        if let Ok((_, (_, w))) = (space1, word).parse_ok(rest)
            && (lexicon::currency_word(w).is_some()
                || lexicon::big_scale(w).is_some()
                || lexicon::measure_unit(w).is_some())
        {
            return None;
        }
        Some(Outcome::Found(self.figure(
            pos,
            after,
            Kind::Year,
            year_number,
            None,
        )))
    }

    /// Money that starts with a currency symbol or code: `$4.5tn`, `US$5`, `£10.1 bn`,
    /// `USD 5 million`.
    fn money(&self, pos: usize) -> Option<Outcome> {
        let s = self.rest(pos);
        let (r, code) = currency_prefix(s)?;
        let (rest, parsed) = number::digits_scaled(r).ok()?;
        if parsed.number.value < 0.0 {
            return None;
        }
        let mut parsed = parsed;
        let mut rest = rest;
        // "$5 million" written with a word scale after a digit number is covered by
        // digits_scaled; "$ 5" with a space is not money.
        let mut end = self.offset(rest);
        let mut high = None;
        // "$5m-$9m", "$5 million to $9 million", "$10-15bn".
        if let Some(r2) = rest.strip_prefix(['-', '\u{2013}']).or_else(|| {
            (space1, number::keyword("to"), space1)
                .parse_ok(rest)
                .ok()
                .map(|(x, _)| x)
        }) && !self.preceded_by_word(pos, &["from", "From"])
        {
            let r3 = currency_prefix(r2).map(|(x, _)| x).unwrap_or(r2);
            if let Ok((r4, hi)) = number::digits_scaled(r3) {
                let mut low = parsed.number;
                if parsed.scale.is_none()
                    && let Some(f) = hi.scale
                {
                    low = low.scaled(f);
                }
                if hi.number.value > low.value && at_boundary(r4) {
                    parsed.number = low;
                    high = Some(hi.number);
                    rest = r4;
                    end = self.offset(r4);
                }
            }
        }
        let _ = rest;
        let kind = if high.is_some() {
            Kind::Range
        } else {
            Kind::Money
        };
        let mut figure = self.figure(pos, end, kind, parsed.number, None);
        figure.high = high.map(Value::Number);
        figure.currency = Some(code);
        let tail = self.with_post_approx(Tail {
            factor: 1.0,
            add: 0.0,
            kind,
            unit: None,
            currency: Some(code),
            end,
            approx: None,
        });
        if let Some(a) = tail.approx {
            figure.approx = a;
            figure.span.end = tail.end;
        }
        Some(Outcome::Found(figure))
    }

    /// Dates that start with a month or weekday name, and weekdays on their own.
    fn date_word(&self, pos: usize) -> Option<Outcome> {
        let s = self.rest(pos);
        if let Ok((rest, (low, high))) = date::month_range(s) {
            let mut f = self.date_figure(pos, self.offset(rest), low);
            f.kind = Kind::Range;
            f.high = Some(Value::Date(high));
            f.unit = Some("month".into());
            return Some(Outcome::Found(f));
        }
        if let Ok((rest, civil)) = date::date_expr(s) {
            return Some(Outcome::Found(self.date_figure(
                pos,
                self.offset(rest),
                civil,
            )));
        }
        if let Ok((rest, civil)) = date::lone_weekday(s) {
            return Some(Outcome::Found(self.date_figure(
                pos,
                self.offset(rest),
                civil,
            )));
        }
        None
    }

    fn date_figure(&self, pos: usize, end: usize, civil: CivilDate) -> Figure {
        let mut f = self.figure(pos, end, Kind::Date, Number::exact(0.0), None);
        f.value = Value::Date(civil);
        f
    }

    /// `between 10 and 15`, `between 2018 and 2021`.
    fn between(&self, pos: usize) -> Option<Outcome> {
        let s = self.rest(pos);
        let (r, _) = (number::keyword("between"), space1).parse_ok(s).ok()?;
        let low_start = self.offset(r);
        let prefix_currency = currency_prefix(r).map(|(_, code)| code);
        let r = currency_prefix(r).map(|(x, _)| x).unwrap_or(r);
        let (r, low) = number::number(r).ok()?;
        let low_tail = self.tail(self.offset(r), &low);
        let r = self.rest(low_tail.end);
        let (r, _) = (space1, number::keyword("and"), space1).parse_ok(r).ok()?;
        let r = currency_prefix(r).map(|(x, _)| x).unwrap_or(r);
        let (r, high) = number::number(r).ok()?;
        let high_tail = self.tail(self.offset(r), &high);
        let is_year = |p: &Parsed, t: &Tail| {
            p.digits
                && !p.grouped
                && p.scale.is_none()
                && (1000.0..=2200.0).contains(&p.number.value)
                && t.kind == Kind::Count
                && t.unit.is_none()
        };
        let mut low_number = low.number;
        // "between 10 and 15 million", but not "between 200,000 and one million".
        if low.scale.is_none()
            && let Some(f) = high.scale
            && low.number.value < 1000.0
            && low.number.value <= high.number.value / f
        {
            low_number = low_number.scaled(f);
        }
        let unit = if is_year(&low, &low_tail) && is_year(&high, &high_tail) {
            Some("year".to_owned())
        } else {
            high_tail.unit.clone().or(low_tail.unit.clone())
        };
        let _ = low_start;
        let mut figure = self.figure(pos, high_tail.end, Kind::Range, low_number, unit);
        figure.high = Some(Value::Number(high.number));
        figure.currency = prefix_currency.or(high_tail.currency).or(low_tail.currency);
        Some(Outcome::Found(figure))
    }

    /// `3/4`, `-4/5`, `2 1/4`: a fraction written with a slash (numerator below the
    /// denominator, denominator at most 100, so `24/7`, `9/11` and dates stay out).
    fn slash_fraction(&self, pos: usize, after: usize, parsed: &Parsed) -> Option<Outcome> {
        if parsed.scale.is_some() || parsed.number.value.fract() != 0.0 {
            return None;
        }
        let fraction_at = |r: &'a str| -> Option<(f64, &'a str)> {
            let (r, num) = number::digits(r).ok()?;
            let r = r.strip_prefix('/')?;
            let (r, den) = number::digits(r).ok()?;
            let (n, d) = (num.number.value.abs(), den.number.value);
            let ok =
                num.number.step == 1.0 && den.number.step == 1.0 && n < d && d <= 100.0 && n > 0.0;
            (ok && at_boundary(r) && !r.starts_with('/'))
                .then_some((num.number.value.signum() * n / d, r))
        };
        let s = self.rest(pos);
        if let Some((value, r)) = fraction_at(s) {
            return Some(Outcome::Found(self.figure(
                pos,
                self.offset(r),
                Kind::Fraction,
                Number { value, step: 0.0 },
                None,
            )));
        }
        // Other slashed pairs ("24/7", "9/11") are idioms or names, not two figures.
        if let Ok((r, _)) = (
            number::digits,
            nom::bytes::complete::tag("/"),
            number::digits,
        )
            .parse_ok(s)
            && at_boundary(r)
        {
            return Some(Outcome::Skip(self.offset(r)));
        }
        // A mixed number: "2 1/4".
        let (r, _) = space1(self.rest(after)).ok()?;
        let (value, r) = fraction_at(r)?;
        let whole = parsed.number.value;
        let mut f = self.figure(
            pos,
            self.offset(r),
            Kind::Count,
            Number {
                value: if whole < 0.0 {
                    whole - value.abs()
                } else {
                    whole + value.abs()
                },
                step: 0.0,
            },
            None,
        );
        if let Some((noun, e)) = self.unit_noun(f.span.end) {
            f.unit = Some(noun);
            f.span.end = e;
        }
        Some(Outcome::Found(f))
    }

    /// `minus 5`, `negative 3.2%`, `minus five`: the figure that follows, negated.
    fn negated(&self, pos: usize, after_word: &str) -> Option<Outcome> {
        let (r, _) = space1(after_word).ok()?;
        let start = self.offset(r);
        if !r.starts_with(|c: char| c.is_ascii_digit()) {
            // Number words: the words parser reads the sign itself.
            return self.numeric(pos).filter(
                |o| matches!(o, Outcome::Found(f) if f.number().is_some_and(|n| n.value < 0.0)),
            );
        }
        let Some(Outcome::Found(mut f)) = self.numeric(start) else {
            return None;
        };
        if let Value::Number(n) = &mut f.value {
            n.value = -n.value;
        }
        f.span.start = pos;
        Some(Outcome::Found(f))
    }

    /// `mid-1990s`, `mid-2019`.
    fn mid_decade(&self, pos: usize) -> Option<Outcome> {
        let s = self.rest(pos);
        let r = s.get(3..)?.strip_prefix('-')?;
        let (rest, parsed) = number::digits(r).ok()?;
        let year = parsed.number.value;
        if !(1000.0..=2200.0).contains(&year) || parsed.grouped {
            return None;
        }
        let (rest, decade) = match rest.strip_prefix('s') {
            Some(x) => (x, true),
            None => (rest, false),
        };
        if !at_boundary(rest) {
            return None;
        }
        let value = if decade { year + 5.0 } else { year };
        let mut f = self.figure(
            pos,
            self.offset(rest),
            Kind::Year,
            Number::exact(value),
            None,
        );
        f.approx = Approx::About;
        Some(Outcome::Found(f))
    }

    /// `multi-million pound`, `multimillion-dollar`, `multi-billion`.
    fn multi(&self, pos: usize) -> Option<Outcome> {
        let s = self.rest(pos);
        let r = &s[5..];
        let r = r.strip_prefix('-').unwrap_or(r);
        let (r, w) = word(r).ok()?;
        let scale = lexicon::big_scale(w)?;
        let mut end = self.offset(r);
        let mut currency = None;
        if let Some(x) = r.strip_prefix(['-', ' '])
            && let Ok((r2, cw)) = word(x)
            && let Some(code) = lexicon::currency_word(cw)
        {
            currency = Some(code);
            end = self.offset(r2);
        }
        let kind = if currency.is_some() || self.prose[..pos].ends_with(['$', '£', '€']) {
            Kind::Money
        } else {
            Kind::Count
        };
        let mut f = self.figure(
            pos,
            end,
            kind,
            Number {
                value: scale,
                step: 0.0,
            },
            None,
        );
        f.currency = currency;
        f.approx = Approx::Vague;
        if kind == Kind::Count
            && let Some((noun, e)) = self.unit_noun(end)
        {
            f.unit = Some(noun);
            f.span.end = e;
        }
        Some(Outcome::Found(f))
    }

    /// `hundreds`, `tens of thousands`, `hundreds of billions of dollars`, `dozens of X`.
    fn vague(&self, pos: usize) -> Option<Outcome> {
        let s = self.rest(pos);
        if self.is_mid_sentence_capital(pos, s) && !self.heading {
            return None;
        }
        let (mut r, w) = word(s).ok()?;
        let needs_of = w.eq_ignore_ascii_case("tens") || w.eq_ignore_ascii_case("scores");
        let mut value = lexicon::vague_magnitude(w)?;
        let mut saw_of = false;
        // Chain: "hundreds of thousands", "tens of millions".
        while let Ok((r2, (_, _, _, w2))) =
            (space1, number::keyword("of"), space1, word).parse_ok(r)
        {
            if let Some(v) = lexicon::vague_magnitude(w2).filter(|v| *v >= 1e3) {
                value *= v;
                r = r2;
                saw_of = true;
            } else {
                break;
            }
        }
        if needs_of && !saw_of {
            // "tens of people" is fine; bare "tens" or "scores" (sport) is not.
            if (space1, number::keyword("of"), space1).parse_ok(r).is_err() {
                return None;
            }
        }
        let mut end = self.offset(r);
        let mut kind = Kind::Count;
        let mut unit = None;
        let mut currency = None;
        if let Ok((r2, (_, _, _, noun))) =
            (space1, number::keyword("of"), space1, unit_word).parse_ok(r)
        {
            if let Some(code) = lexicon::currency_word(noun) {
                kind = Kind::Money;
                currency = Some(code);
                end = self.offset(r2);
            } else if !lexicon::is_not_unit_noun(noun) {
                unit = Some(noun.to_owned());
                end = self.offset(r2);
            }
        }
        let mut f = self.figure(pos, end, kind, Number { value, step: 0.0 }, unit);
        f.currency = currency;
        f.approx = Approx::Vague;
        Some(Outcome::Found(f))
    }

    /// `twice as many`, `twice the`: a multiplier of 2.
    fn twice(&self, pos: usize, after: &str) -> Option<Outcome> {
        let (_, (_, next)) = (space1, word).parse_ok(after).ok()?;
        if !lexicon::is_comparative_after_times(next) {
            return None;
        }
        Some(Outcome::Found(self.figure(
            pos,
            self.offset(after),
            Kind::Ratio,
            Number {
                value: 2.0,
                step: 0.0,
            },
            Some("x".into()),
        )))
    }

    /// `half`, `half of the 90 members`, `half a million`; not `the second half`.
    fn half(&self, pos: usize, after: &str) -> Option<Outcome> {
        if after.starts_with('-')
            || self.preceded_by_word(
                pos,
                &[
                    "first", "second", "First", "Second", "last", "Last", "a", "and", "one",
                ],
            )
        {
            return Some(Outcome::Skip(self.offset(after)));
        }
        if let Ok((_, (_, w))) = (space1, word).parse_ok(after)
            && (lexicon::duration_unit(w).is_some()
                || matches!(w.to_ascii_lowercase().as_str(), "an" | "time"))
        {
            return Some(Outcome::Skip(self.offset(after)));
        }
        let mut f = self.figure(
            pos,
            self.offset(after),
            Kind::Fraction,
            Number {
                value: 0.5,
                step: 0.0,
            },
            None,
        );
        self.fraction_whole(&mut f);
        Some(Outcome::Found(f))
    }

    /// Figures that start with `a`/`an`: `a million`, `a dozen`, `a third`, `a couple`,
    /// `an hour`.
    fn article(&self, pos: usize, after: &str) -> Option<Outcome> {
        let (r, (_, w)) = (space1, word).parse_ok(after).ok()?;
        // "a" is the commonest word that can start a figure; most are plain articles.
        let may_count = lexicon::denominator(w).is_some()
            || lexicon::big_scale(w).is_some()
            || lexicon::dozen(w)
            || w.eq_ignore_ascii_case("hundred")
            || w.eq_ignore_ascii_case("couple");
        if !may_count {
            return None;
        }
        let a_half = w.eq_ignore_ascii_case("half") && !self.preceded_by_word(pos, &["and", "And"]);
        if lexicon::denominator(w).is_some()
            && (a_half || !w.eq_ignore_ascii_case("half"))
            && !w.eq_ignore_ascii_case("fourth")
        {
            // "a quarter" of something, but not "a quarter" as a period ("in a quarter").
            if w.eq_ignore_ascii_case("quarter")
                && self.preceded_by_word(pos, &["in", "per", "each", "every"])
            {
                return None;
            }
            if w.to_ascii_lowercase().ends_with('s') {
                return None;
            }
            let mut f = self.figure(
                pos,
                self.offset(r),
                Kind::Fraction,
                Number {
                    value: 1.0 / lexicon::denominator(w)?,
                    step: 0.0,
                },
                None,
            );
            self.fraction_whole(&mut f);
            return Some(Outcome::Found(f));
        }
        if w.eq_ignore_ascii_case("couple") {
            let mut f = self.figure(
                pos,
                self.offset(r),
                Kind::Count,
                Number {
                    value: 2.0,
                    step: 0.0,
                },
                None,
            );
            f.approx = Approx::Vague;
            if let Ok((r2, (_, _, _, noun))) =
                (space1, number::keyword("of"), space1, unit_word).parse_ok(r)
                && !lexicon::is_not_unit_noun(noun)
            {
                f.unit = Some(noun.to_owned());
                f.span.end = self.offset(r2);
            }
            return Some(Outcome::Found(f));
        }
        if let Some(unit) = lexicon::duration_unit(w) {
            if matches!(
                unit,
                "hours" | "days" | "weeks" | "months" | "years" | "decades" | "minutes"
            ) && !self.preceded_by_word(pos, &["per", "once", "twice"])
            {
                // "an hour", "a year": durations of one, only after a number-like context
                // ("for an hour", "within a year") -- too common in prose to count alone.
                return None;
            }
            return None;
        }
        let outcome = self.numeric(pos)?;
        match &outcome {
            Outcome::Found(f) if f.span.end > self.offset(after) => Some(outcome),
            _ => None,
        }
    }

    /// `two-thirds`, `one third`, `three quarters` (with an optional whole: `of the 90
    /// members`).
    fn fraction(&self, pos: usize) -> Option<Outcome> {
        let s = self.rest(pos);
        let (r, num_word) = word(s).ok()?;
        let numerator = lexicon::small_number(num_word)?;
        if numerator == 0.0 || numerator >= 20.0 {
            return None;
        }
        let r = r.strip_prefix('-').or_else(|| r.strip_prefix(' '))?;
        let (r, den_word) = word(r).ok()?;
        let denominator = lexicon::denominator(den_word)?;
        if !at_boundary(r) || denominator <= numerator {
            return None;
        }
        // "one third" and "two thirds", but "one fifth grader" is rare enough to accept.
        let plural = den_word.to_ascii_lowercase().ends_with('s');
        if numerator > 1.0 && !plural && !den_word.eq_ignore_ascii_case("half") {
            return None;
        }
        let mut f = self.figure(
            pos,
            self.offset(r),
            Kind::Fraction,
            Number {
                value: numerator / denominator,
                step: 0.0,
            },
            None,
        );
        self.fraction_whole(&mut f);
        Some(Outcome::Found(f))
    }

    /// A scale word after a fraction: ` million`, ` a million`, ` of a million`, ` a dozen`.
    fn scale_after_fraction(&self, end: usize) -> Option<(f64, usize)> {
        let mut r = self.rest(end);
        if let Ok((x, _)) = (space1, number::keyword("of")).parse_ok(r) {
            r = x;
        }
        if let Ok((x, _)) = (space1, alt_a_an).parse_ok(r) {
            r = x;
        }
        let (r, (_, w)) = (space1, word).parse_ok(r).ok()?;
        let scale = lexicon::big_scale(w).or_else(|| lexicon::dozen(w).then_some(12.0))?;
        at_boundary(r).then(|| (scale, self.offset(r)))
    }

    /// `of the 90 members` after a fraction word.
    fn fraction_whole(&self, f: &mut Figure) {
        // "half a million", "a quarter of a million", "two thirds of a million": a count.
        if let Some((scale, end)) = self.scale_after_fraction(f.span.end) {
            f.kind = Kind::Count;
            f.value = Value::Number(Number {
                value: f.number().map_or(0.0, |n| n.value) * scale,
                step: 0.0,
            });
            f.span.end = end;
            if let Some((code, factor, e, _)) = self.currency_after(end) {
                f.kind = Kind::Money;
                f.currency = Some(code);
                f.value =
                    Value::Number(f.number().map_or(Number::exact(0.0), |n| n.scaled(factor)));
                f.span.end = e;
            } else if let Some((noun, e)) = self.unit_noun(end) {
                f.unit = Some(noun);
                f.span.end = e;
            }
            return;
        }
        let mut probe = f.clone();
        probe.unit = None;
        self.part_of_whole(&mut probe);
        if probe.of.is_some() {
            *f = probe;
        }
    }

    /// `first`, `twenty-first`, `third`, but not `first counted`, `First Minister`.
    fn ordinal_word(&self, pos: usize, w: &str, after: &str) -> Option<Outcome> {
        let value = lexicon::ordinal_word(w)?;
        if self.is_mid_sentence_capital(pos, w) {
            return Some(Outcome::Skip(self.offset(after)));
        }
        if let Some(compound) = after.strip_prefix('-') {
            let (_, next) = word(compound).ok()?;
            let periods = [
                "quarter", "half", "round", "time", "term", "place", "year", "century", "largest",
                "biggest", "highest", "lowest",
            ];
            if !periods.iter().any(|p| next.eq_ignore_ascii_case(p)) {
                return Some(Outcome::Skip(self.offset(after)));
            }
        }
        if w.eq_ignore_ascii_case("first") || w.eq_ignore_ascii_case("second") {
            // "at first", and "he first ran": an adverb after a subject or auxiliary.
            let adverb_before = [
                "at", "At", "he", "He", "she", "She", "they", "They", "we", "We", "I", "it", "It",
                "who", "was", "were", "had", "has", "have", "is", "are", "be", "been",
            ];
            let compound_noun = (space1, word).parse_ok(after).is_ok_and(|(_, (_, next))| {
                ["class", "hand", "aid", "lady", "name", "person"]
                    .iter()
                    .any(|c| next.eq_ignore_ascii_case(c))
            });
            if compound_noun || self.preceded_by_word(pos, &adverb_before) {
                return Some(Outcome::Skip(self.offset(after)));
            }
            if let Ok((_, (_, next))) = (space1, word).parse_ok(after) {
                let lower = next.to_ascii_lowercase();
                if (lower.ends_with("ed") || lower.ends_with("ly"))
                    && !self.preceded_by_word(pos, &["the", "The", "its", "their", "his", "her"])
                {
                    return Some(Outcome::Skip(self.offset(after)));
                }
            }
        }
        Some(Outcome::Found(self.figure(
            pos,
            self.offset(after),
            Kind::Ordinal,
            Number::exact(value),
            None,
        )))
    }

    /// Numbers in digits that are identifiers, times, phone numbers or list markers.
    /// Returns where to resume.
    fn identifier_or_noise(&self, pos: usize) -> Option<usize> {
        let s = self.rest(pos);
        let bytes = self.prose.as_bytes();
        let token_end = self.token_end(pos);
        // Phone numbers: "555-123-4567", "(555) 123-4567".
        if let Some(len) = phone_number(s) {
            return Some(pos + len);
        }
        // Glued to letters before it: "G7"; after a capitalised word and a hyphen:
        // "COVID-19", "F-35", "RS-25".
        if pos > 0 {
            let prev = bytes[pos - 1];
            if prev.is_ascii_alphabetic() || prev == b'#' {
                return Some(token_end);
            }
            if prev == b'-' && pos >= 2 && bytes[pos - 2].is_ascii_alphabetic() {
                let word_start = after_last(&self.prose[..pos - 1], |c| !c.is_ascii_alphabetic());
                let before = &self.prose[word_start..pos - 1];
                let lower_prefix = matches!(
                    before,
                    "mid" | "pre" | "post" | "top" | "over" | "under" | "late" | "early"
                );
                if !lower_prefix {
                    return Some(token_end);
                }
            }
        }
        // "Article 5", "Boeing 737", "No. 10": the word just before on the same line.
        if let Some(prev_word) = self.word_before(pos) {
            let trimmed = prev_word.trim_end_matches('.');
            if lexicon::is_identifier_noun(trimmed)
                && (prev_word.ends_with('.')
                    || trimmed.starts_with(|c: char| c.is_ascii_uppercase())
                    || lexicon::is_identifier_noun(trimmed))
            {
                return Some(token_end);
            }
            let has_upper = trimmed.chars().any(|c| c.is_ascii_uppercase());
            let all_caps = trimmed.chars().all(|c| c.is_ascii_uppercase());
            if has_upper
                && is_bare_integer(s)
                && !prev_word.ends_with('.')
                && !(all_caps && trimmed.len() <= 3)
                && !lexicon::is_capitalisable_function_word(trimmed)
                && lexicon::small_number(trimmed).is_none()
                && lexicon::month(trimmed).is_none()
                && lexicon::weekday(trimmed).is_none()
                && !self.heading
            {
                return Some(token_end);
            }
        }
        // List markers at a line start: "1. ", "2) ".
        // Look back over spaces only, so a huge line costs nothing extra.
        let indent = self.prose[self.start..pos].trim_end_matches([' ', '\t']);
        if indent.is_empty() || indent.ends_with('\n') {
            let digits_len = s.bytes().take_while(u8::is_ascii_digit).count();
            let r = &s[digits_len..];
            if (r.starts_with(". ") || r.starts_with(") ")) && digits_len <= 3 {
                return Some(pos + digits_len + 1);
            }
        }
        None
    }

    /// Whether letters glued after digits are a known suffix.
    fn glued_suffix_ok(&self, rest: &str) -> bool {
        let Ok((r, w)) = word(rest) else { return true };
        let _ = r;
        lexicon::measure_unit(w).is_some()
            || lexicon::duration_unit(w).is_some()
            || number::ordinal_suffix(rest).is_ok()
            || w == "s"
            || w == "m"
            || matches!(w, "pc" | "pp" | "ppt" | "ppts" | "pct")
            || lexicon::iso_currency(&w.to_ascii_uppercase()).is_some()
            || slash_unit(rest).is_some()
    }

    /// The word right before `pos` on the same line, separated by one space.
    fn word_before(&self, pos: usize) -> Option<&'a str> {
        let before = &self.prose[self.start..pos];
        let before = before.strip_suffix(' ')?;
        let start = after_last(before, |c| !(c.is_ascii_alphanumeric() || c == '.'));
        let w = &before[start..];
        (!w.is_empty()).then_some(w)
    }

    /// `ranged from`, `anywhere from`: a following `X to Y` is a range, not a change.
    fn is_range_verb_before_from(&self, pos: usize) -> bool {
        let before = self.prose[self.start..pos].trim_end();
        let Some(before_from) = before.strip_suffix("from") else {
            return false;
        };
        let before_from = before_from.trim_end();
        let w = &before_from[after_last(before_from, |c| !c.is_ascii_alphabetic())..];
        matches!(
            w.to_ascii_lowercase().as_str(),
            "range"
                | "ranged"
                | "ranges"
                | "ranging"
                | "vary"
                | "varied"
                | "varies"
                | "varying"
                | "anywhere"
                | "estimates"
        )
    }

    fn preceded_by_word(&self, pos: usize, words: &[&str]) -> bool {
        let before = self.prose[self.start..pos].trim_end();
        let start = after_last(before, |c| !c.is_ascii_alphabetic());
        let w = &before[start..];
        words.contains(&w)
    }

    /// A capitalised word that does not start the sentence (names like `Six Nations`).
    fn is_mid_sentence_capital(&self, pos: usize, w: &str) -> bool {
        if self.heading || !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
        let before = self.prose[self.start..pos].trim_end();
        !(before.is_empty() || before.ends_with([':', '"', '“', '(', '—', '–', '\'', '‘']))
    }

    /// `one` as a pronoun: `one of the biggest`, `the one`, `no one`.
    fn is_pronoun_one(&self, pos: usize, after: &str) -> bool {
        let before = self.prose[self.start..pos].trim_end();
        let previous = &before[after_last(before, |c| !c.is_ascii_alphabetic())..];
        if [
            "the", "no", "any", "every", "which", "this", "that", "each", "some", "anyone",
            "someone",
        ]
        .iter()
        .any(|w| previous.eq_ignore_ascii_case(w))
        {
            return true;
        }
        if let Ok((r, _)) = (space1, number::keyword("of"), space1).parse_ok(after) {
            let r = match (word, space1).parse_ok(r) {
                Ok((r2, (w, _))) if w.eq_ignore_ascii_case("the") => r2,
                _ => r,
            };
            return number::number(r).is_err();
        }
        if let Ok((_, (_, w))) = (space1, word).parse_ok(after)
            && matches!(
                w.to_ascii_lowercase().as_str(),
                "another" | "way" | "thing" | "reason" | "day" | "side" | "hand"
            )
        {
            return true;
        }
        after.starts_with("'s") || after.starts_with("’s")
    }

    /// The approximation words right before `pos`, if any.
    fn approx_before(&self, pos: usize) -> Option<(Approx, Span)> {
        let before = &self.prose[self.start..pos];
        let trimmed = before.trim_end_matches([' ', '\u{a0}', '\n', '\r', '\t']);
        if trimmed.len() == before.len() && !before.ends_with('~') {
            return None;
        }
        for (phrase, approx) in lexicon::APPROX_PREFIXES {
            if trimmed.len() < phrase.len() {
                continue;
            }
            let start = trimmed.len() - phrase.len();
            if !trimmed.is_char_boundary(start) || !trimmed[start..].eq_ignore_ascii_case(phrase) {
                continue;
            }
            if start > 0 && trimmed[..start].ends_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let abs = self.start + start;
            return Some((*approx, Span::new(abs, self.start + trimmed.len())));
        }
        None
    }

    fn figure(
        &self,
        start: usize,
        end: usize,
        kind: Kind,
        number: Number,
        unit: Option<String>,
    ) -> Figure {
        Figure {
            span: Span::new(start, end),
            kind,
            value: Value::Number(number),
            high: None,
            of: None,
            of_span: None,
            unit,
            currency: None,
            approx: Approx::Exact,
            approx_span: None,
        }
    }
}

/// Small helper so tuples of nom parsers can be run with a concrete error type.
trait ParseOk<'a, O> {
    fn parse_ok(&mut self, input: &'a str) -> Result<(&'a str, O), ()>;
}

impl<'a, O, P> ParseOk<'a, O> for P
where
    P: nom::Parser<&'a str, Output = O, Error = nom::error::Error<&'a str>>,
{
    fn parse_ok(&mut self, input: &'a str) -> Result<(&'a str, O), ()> {
        self.parse(input).map_err(|_| ())
    }
}

fn tag_space(input: &str) -> nom::IResult<&str, &str> {
    nom::bytes::complete::tag(" ")(input)
}

fn alt_a_an(input: &str) -> nom::IResult<&str, &str> {
    let (r, w) = word(input)?;
    if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
        Ok((r, w))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )))
    }
}

/// A unit word: letters, with inner hyphens or apostrophes (`year-olds`, `children's`).
fn unit_word(input: &str) -> nom::IResult<&str, &str> {
    let (r, w) = word(input)?;
    Ok((r, w))
}

/// `%`, `percent`, `per cent`, `-percent`, `pct`, `percentage points`, `pp`.
fn percent_suffix(rest: &str) -> Option<(Kind, &str)> {
    if let Some(r) = rest.strip_prefix('%') {
        if let Ok((r2, (_, w))) = (space1, word).parse_ok(r)
            && (w.eq_ignore_ascii_case("points") || w.eq_ignore_ascii_case("point"))
        {
            return Some((Kind::PercentagePoints, r2));
        }
        return Some((Kind::Percent, r));
    }
    let r = rest
        .strip_prefix('-')
        .or_else(|| space1(rest).ok().map(|(r, _)| r))
        .unwrap_or(rest);
    let (r, w) = word(r).ok()?;
    let lower = w.to_ascii_lowercase();
    match lower.as_str() {
        "percent" | "percents" | "pct" => Some((Kind::Percent, r)),
        "per" => {
            let (r2, (_, c)) = (space1, word).parse_ok(r).ok()?;
            c.eq_ignore_ascii_case("cent")
                .then_some((Kind::Percent, r2))
        }
        "percentage" => match (space1, word).parse_ok(r) {
            Ok((r2, (_, p)))
                if p.eq_ignore_ascii_case("point") || p.eq_ignore_ascii_case("points") =>
            {
                Some((Kind::PercentagePoints, r2))
            }
            // "100 percentage" alone is a percent, as loose speech has it.
            _ => Some((Kind::Percent, r)),
        },
        "pp" | "ppt" | "ppts" => Some((Kind::PercentagePoints, r)),
        _ => None,
    }
}

/// `t/ha`, `t/acre`, `km/h` glued or spaced after a number.
fn slash_unit(rest: &str) -> Option<(&'static str, &str)> {
    let r = rest.strip_prefix(' ').unwrap_or(rest);
    for (text, unit) in [
        ("t/ha", "t/ha"),
        ("t/acre", "t/acre"),
        ("km/h", "km/h"),
        ("kg/ha", "kg/ha"),
        ("m/s", "m/s"),
    ] {
        if let Some(after) = r.strip_prefix(text)
            && at_boundary(after)
        {
            return Some((unit, after));
        }
    }
    None
}

/// A currency symbol or code at the start of `input`, and the rest after it.
fn currency_prefix(input: &str) -> Option<(&str, &'static str)> {
    // At most one space may stand between a symbol and its digits ("$ 75 million").
    let before_digits = |r: &str| -> Option<usize> {
        let skip = usize::from(r.starts_with(' '));
        r[skip..]
            .starts_with(|c: char| c.is_ascii_digit())
            .then_some(skip)
    };
    for (prefix, code) in lexicon::CURRENCY_PREFIXES {
        if let Some(r) = input.strip_prefix(prefix) {
            let skip = before_digits(r)?;
            return Some((&r[skip..], code));
        }
    }
    // A country code before a dollar sign, written apart or in lower case: "hk $ 10",
    // "us $ 150", "cad$ 15". A lone "a" stays an article ("a $5 bill").
    let (r, letters) = word(input).ok()?;
    let after_space = r.strip_prefix(' ').unwrap_or(r);
    if let Some(after_dollar) = after_space.strip_prefix('$') {
        let code = match letters.to_ascii_lowercase().as_str() {
            "us" | "usd" => "USD",
            "hk" | "hkd" => "HKD",
            "c" | "ca" | "cad" => "CAD",
            "au" | "aud" => "AUD",
            "nz" | "nzd" => "NZD",
            "sg" | "sgd" => "SGD",
            "mxn" | "mx" => "MXN",
            "a" if r.starts_with('$') && letters == "A" => "AUD",
            _ => return None,
        };
        let skip = before_digits(after_dollar)?;
        return Some((&after_dollar[skip..], code));
    }
    let code = lexicon::iso_currency(letters)?;
    let skip = before_digits(r)?;
    Some((&r[skip..], code))
}

/// A plural noun: ends in `s`, or is one of the common irregular plurals.
fn is_plural_noun(noun: &str) -> bool {
    noun.ends_with('s')
        || [
            "people",
            "children",
            "men",
            "women",
            "staff",
            "police",
            "cattle",
            "livestock",
        ]
        .iter()
        .any(|p| noun.eq_ignore_ascii_case(p))
}

/// The value of a Unicode vulgar fraction character (`½`, `⅔`, `¾`).
fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        _ => return None,
    })
}

/// True when `s` starts with an integer that has no decimals, percent, range or scale after
/// it: only such a number can be an identifier after a name (`Boeing 737`, but not
/// `Glasgow 3.1%` or `Saracens 27-27`).
fn is_bare_integer(s: &str) -> bool {
    let digits_len = s.bytes().take_while(u8::is_ascii_digit).count();
    let r = &s[digits_len..];
    let b = r.as_bytes();
    let digit_after = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if matches!(b.first(), Some(b'.' | b',' | b'-' | b'/')) && digit_after(1)
        || r.starts_with('-') && b.get(1).is_some_and(u8::is_ascii_alphabetic)
        || r.starts_with('%')
        || r.starts_with("\u{2013}")
    {
        return false;
    }
    percent_suffix(r).is_none() && number::scale_suffix(r).is_err()
}

/// A time of day at the start of `s`: its length, hour (24-hour clock) and minute.
fn clock_time(s: &str) -> Option<(usize, u8, u8)> {
    let b = s.as_bytes();
    let h = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if h == 0 || h > 2 {
        return None;
    }
    let hour: u8 = s[..h].parse().ok()?;
    let two_digits_at = |i: usize| {
        b.len() >= i + 2
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && !b.get(i + 2).is_some_and(u8::is_ascii_digit)
    };
    let (end, minute, colon) = match b.get(h) {
        Some(b':') if two_digits_at(h + 1) => (h + 3, s[h + 1..h + 3].parse().ok()?, true),
        // "10.30am" is a time only with am/pm after it.
        Some(b'.') if two_digits_at(h + 1) && meridiem(&s[h + 3..]).is_some() => {
            (h + 3, s[h + 1..h + 3].parse().ok()?, false)
        }
        _ => (h, 0u8, false),
    };
    if minute > 59 {
        return None;
    }
    if let Some((l, pm)) = meridiem(&s[end..]) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let hour24 = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        return Some((end + l, hour24, minute));
    }
    if colon && hour < 24 {
        let r = &s[end..];
        for zone in [
            " GMT",
            " BST",
            " UTC",
            " ET",
            " EST",
            " EDT",
            " PT",
            " PST",
            " CET",
            " CEST",
            " local time",
        ] {
            if r.starts_with(zone) && at_boundary(&r[zone.len()..]) {
                return Some((end + zone.len(), hour, minute));
            }
        }
        return Some((end, hour, minute));
    }
    None
}

/// `am`, `p.m.`, `PM` after a time: its length (with a leading space) and whether it is pm.
fn meridiem(s: &str) -> Option<(usize, bool)> {
    let r = s.strip_prefix(' ').unwrap_or(s);
    let skipped = s.len() - r.len();
    for m in ["a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."] {
        if let Some(after) = r.strip_prefix(m)
            && (m.ends_with('.') || at_boundary(after))
        {
            return Some((skipped + m.len(), m.starts_with(['p', 'P'])));
        }
    }
    None
}

fn phone_number(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let group = |at: usize, n: usize| {
        b.len() >= at + n
            && b[at..at + n].iter().all(u8::is_ascii_digit)
            && !b.get(at + n).is_some_and(u8::is_ascii_digit)
    };
    if group(0, 3)
        && matches!(b.get(3), Some(b'-' | b'.'))
        && group(4, 3)
        && matches!(b.get(7), Some(b'-' | b'.'))
        && group(8, 4)
    {
        return Some(12);
    }
    None
}

/// ASCII bytes at which no figure starts, whatever is around them: whitespace, control
/// bytes and punctuation other than `$`, `~`, `.` and `-` (the scanner's candidates are
/// digits, letters, those four and non-ASCII chars).
const INERT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = !(c.is_ascii_alphanumeric() || matches!(c, b'$' | b'~' | b'.' | b'-'));
        b += 1;
    }
    table
};

/// The end of the run of ASCII letters at `bytes[from..end]`: the first offset from
/// `from` on that is not an ASCII letter, or `end`. Eight bytes are tested at a time (a
/// word usually ends within one step, with no branch per letter).
fn letters_end(bytes: &[u8], from: usize, end: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes
        .get(i..(i + 8).min(end))
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let chunk = u64::from_le_bytes(chunk);
        // Each byte as seven bits and lower-cased (an ASCII letter is then in a..z);
        // sums stay below 0x100 per byte, so no carry crosses bytes.
        let lower = (chunk & !HIGH) | 0x2020_2020_2020_2020;
        let at_least_a = lower + 0x1f1f_1f1f_1f1f_1f1f;
        let past_z = lower + 0x0505_0505_0505_0505;
        let letters = at_least_a & !past_z & !chunk & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// Words worth trying a parser at.
fn is_trigger(w: &str) -> bool {
    // The longest table word is 11 letters ("seventeenth"); only "multi..." is longer.
    if w.len() > 11 {
        return w.len() >= 5 && w[..5].eq_ignore_ascii_case("multi");
    }
    // Most words fail on their first three letters: test them before copying the rest.
    if let [a, b, c, ..] = *w.as_bytes()
        && !lexicon::may_be_trigger(&[
            a.to_ascii_lowercase(),
            b.to_ascii_lowercase(),
            c.to_ascii_lowercase(),
        ])
        && !(w.len() == 3 && a.is_ascii_uppercase())
        && !(w.len() >= 5 && w.as_bytes()[..5].eq_ignore_ascii_case(b"multi"))
    {
        return false;
    }
    let mut buf = [0u8; 11];
    for (dst, src) in buf.iter_mut().zip(w.bytes()) {
        *dst = src.to_ascii_lowercase();
    }
    let lower = &buf[..w.len()];
    (lexicon::may_be_trigger(lower) && lexicon::is_trigger_lower(lower))
        || (w.len() == 3
            && w.as_bytes()[0].is_ascii_uppercase()
            && lexicon::iso_currency(w).is_some())
        || (w.len() >= 5 && lower.starts_with(b"multi"))
}

/// The byte offset just after the last char of `s` matching `pred` (0 when none does).
fn after_last(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| pred(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

fn utf8_len(first_byte: u8) -> usize {
    match first_byte {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_end_agrees_with_a_byte_loop() {
        let text = "Seventy-two wordsAndMORE éte [x]@`{ zZaA 1999 twelvelettersandthen,";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for end in from..=bytes.len() {
                let mut expected = from;
                while expected < end && bytes[expected].is_ascii_alphabetic() {
                    expected += 1;
                }
                assert_eq!(letters_end(bytes, from, end), expected, "{from}..{end}");
            }
        }
    }

    #[test]
    fn trigger_words_in_any_case() {
        for w in [
            "a",
            "An",
            "one",
            "THREE",
            "March",
            "mid",
            "USD",
            "multibillion",
            "halved",
        ] {
            assert!(is_trigger(w), "{w}");
        }
        for w in ["the", "Thing", "alone", "Usa", "mu", "once"] {
            assert!(!is_trigger(w), "{w}");
        }
    }
}
