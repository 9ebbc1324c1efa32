//! Word tables: number words, scale words, months, units, approximation words.
//!
//! Every lookup is case-insensitive and allocation-free: words are lower-cased into a small
//! stack buffer, then matched.

use crate::figure::Approx;

/// Lower-case an ASCII word, copying into `buf` only when it has capitals (most words in
/// prose are already lower-case, so the common path copies and validates nothing).
fn lower<'a>(word: &'a str, buf: &'a mut [u8; 24]) -> Option<&'a str> {
    let bytes = word.as_bytes();
    if bytes.iter().all(u8::is_ascii_lowercase) {
        return Some(word);
    }
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

macro_rules! lookup {
    ($word:expr, { $($pat:pat => $val:expr),* $(,)? }) => {{
        let mut buf = [0u8; 24];
        match lower($word, &mut buf) {
            $(Some($pat) => Some($val),)*
            _ => None,
        }
    }};
}

/// Zero to nineteen and the tens.
pub fn small_number(word: &str) -> Option<f64> {
    lookup!(word, {
        "zero" => 0.0, "one" => 1.0, "two" => 2.0, "three" => 3.0, "four" => 4.0,
        "five" => 5.0, "six" => 6.0, "seven" => 7.0, "eight" => 8.0, "nine" => 9.0,
        "ten" => 10.0, "eleven" => 11.0, "twelve" => 12.0, "thirteen" => 13.0,
        "fourteen" => 14.0, "fifteen" => 15.0, "sixteen" => 16.0, "seventeen" => 17.0,
        "eighteen" => 18.0, "nineteen" => 19.0, "twenty" => 20.0, "thirty" => 30.0,
        "forty" => 40.0, "fifty" => 50.0, "sixty" => 60.0, "seventy" => 70.0,
        "eighty" => 80.0, "ninety" => 90.0,
    })
}

/// Every trigger word, lower-case (the table [`is_trigger_lower`] matches).
const TRIGGER_WORDS: &[&[u8]] = &[
    b"zero",
    b"one",
    b"two",
    b"three",
    b"four",
    b"five",
    b"six",
    b"seven",
    b"eight",
    b"nine",
    b"ten",
    b"eleven",
    b"twelve",
    b"thirteen",
    b"fourteen",
    b"fifteen",
    b"sixteen",
    b"seventeen",
    b"eighteen",
    b"nineteen",
    b"twenty",
    b"thirty",
    b"forty",
    b"fifty",
    b"sixty",
    b"seventy",
    b"eighty",
    b"ninety",
    b"dozens",
    b"scores",
    b"hundreds",
    b"thousands",
    b"millions",
    b"billions",
    b"trillions",
    b"tens",
    b"first",
    b"second",
    b"third",
    b"fourth",
    b"fifth",
    b"sixth",
    b"seventh",
    b"eighth",
    b"ninth",
    b"tenth",
    b"eleventh",
    b"twelfth",
    b"thirteenth",
    b"fourteenth",
    b"fifteenth",
    b"sixteenth",
    b"seventeenth",
    b"eighteenth",
    b"nineteenth",
    b"twentieth",
    b"thirtieth",
    b"fortieth",
    b"fiftieth",
    b"sixtieth",
    b"seventieth",
    b"eightieth",
    b"ninetieth",
    b"hundredth",
    b"thousandth",
    b"millionth",
    b"doubled",
    b"doubles",
    b"doubling",
    b"tripled",
    b"triples",
    b"tripling",
    b"trebled",
    b"trebles",
    b"trebling",
    b"quadrupled",
    b"quadruples",
    b"quadrupling",
    b"halved",
    b"halving",
    b"twofold",
    b"threefold",
    b"fourfold",
    b"fivefold",
    b"tenfold",
    b"january",
    b"jan",
    b"february",
    b"feb",
    b"march",
    b"mar",
    b"april",
    b"apr",
    b"may",
    b"june",
    b"jun",
    b"july",
    b"jul",
    b"august",
    b"aug",
    b"september",
    b"sep",
    b"sept",
    b"october",
    b"oct",
    b"november",
    b"nov",
    b"december",
    b"dec",
    b"monday",
    b"mon",
    b"tuesday",
    b"tue",
    b"tues",
    b"wednesday",
    b"wed",
    b"thursday",
    b"thu",
    b"thur",
    b"thurs",
    b"friday",
    b"fri",
    b"saturday",
    b"sat",
    b"sunday",
    b"sun",
    b"a",
    b"an",
    b"half",
    b"twice",
    b"between",
    b"mid",
    b"minus",
    b"negative",
    b"nought",
    b"quarter",
];

/// One bit per three-letter prefix (`26 * 26 * 26` bits) of the trigger words of three
/// letters or more, built at compile time: most words of prose fail this test at once.
const TRIGGER_PREFIXES: [u64; 275] = {
    let mut bits = [0u64; 275];
    let mut i = 0;
    while i < TRIGGER_WORDS.len() {
        let w = TRIGGER_WORDS[i];
        if w.len() >= 3 {
            let index = prefix_index(w[0], w[1], w[2]);
            bits[index / 64] |= 1 << (index % 64);
        }
        i += 1;
    }
    bits
};

const fn prefix_index(a: u8, b: u8, c: u8) -> usize {
    ((a - b'a') as usize * 26 + (b - b'a') as usize) * 26 + (c - b'a') as usize
}

/// True when the lower-case word could be a trigger word, from its length and first three
/// letters alone (a cheap test the scanner makes before [`is_trigger_lower`]).
#[inline]
pub fn may_be_trigger(lower: &[u8]) -> bool {
    match lower.len() {
        0 => false,
        1 | 2 => lower == b"a" || lower == b"an",
        _ => {
            let (a, b, c) = (lower[0], lower[1], lower[2]);
            if !(a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase()) {
                return false;
            }
            let index = prefix_index(a, b, c);
            TRIGGER_PREFIXES[index / 64] & (1 << (index % 64)) != 0
        }
    }
}

/// Bit `n` is set when some trigger word starts with the letter `a + n`.
const TRIGGER_FIRST_LETTERS: u32 = 0b10010011010111001010111011;

/// True when a lower-case trigger word can start with the byte `first` (a cheap test
/// the scanner makes before looking at the whole word).
#[inline]
pub fn may_start_trigger(first: u8) -> bool {
    first.is_ascii_lowercase() && TRIGGER_FIRST_LETTERS & (1 << (first - b'a')) != 0
}

/// True for a lower-case word that can start a figure: a number, ordinal, month, weekday,
/// vague magnitude or multiplier word, or `a`/`an`/`half`/`twice`/`between`/`mid`.
/// One match per word keeps the scanner's hot path cheap.
pub fn is_trigger_lower(word: &[u8]) -> bool {
    // Most words start with a letter no trigger word starts with.
    let Some(first) = word.first() else {
        return false;
    };
    if first.wrapping_sub(b'a') >= 26 || TRIGGER_FIRST_LETTERS & (1 << (first - b'a')) == 0 {
        return false;
    }
    matches!(
        word,
        b"zero"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"thirteen"
            | b"fourteen"
            | b"fifteen"
            | b"sixteen"
            | b"seventeen"
            | b"eighteen"
            | b"nineteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"seventy"
            | b"eighty"
            | b"ninety"
            | b"dozens"
            | b"scores"
            | b"hundreds"
            | b"thousands"
            | b"millions"
            | b"billions"
            | b"trillions"
            | b"tens"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"fifth"
            | b"sixth"
            | b"seventh"
            | b"eighth"
            | b"ninth"
            | b"tenth"
            | b"eleventh"
            | b"twelfth"
            | b"thirteenth"
            | b"fourteenth"
            | b"fifteenth"
            | b"sixteenth"
            | b"seventeenth"
            | b"eighteenth"
            | b"nineteenth"
            | b"twentieth"
            | b"thirtieth"
            | b"fortieth"
            | b"fiftieth"
            | b"sixtieth"
            | b"seventieth"
            | b"eightieth"
            | b"ninetieth"
            | b"hundredth"
            | b"thousandth"
            | b"millionth"
            | b"doubled"
            | b"doubles"
            | b"doubling"
            | b"tripled"
            | b"triples"
            | b"tripling"
            | b"trebled"
            | b"trebles"
            | b"trebling"
            | b"quadrupled"
            | b"quadruples"
            | b"quadrupling"
            | b"halved"
            | b"halving"
            | b"twofold"
            | b"threefold"
            | b"fourfold"
            | b"fivefold"
            | b"tenfold"
            | b"january"
            | b"jan"
            | b"february"
            | b"feb"
            | b"march"
            | b"mar"
            | b"april"
            | b"apr"
            | b"may"
            | b"june"
            | b"jun"
            | b"july"
            | b"jul"
            | b"august"
            | b"aug"
            | b"september"
            | b"sep"
            | b"sept"
            | b"october"
            | b"oct"
            | b"november"
            | b"nov"
            | b"december"
            | b"dec"
            | b"monday"
            | b"mon"
            | b"tuesday"
            | b"tue"
            | b"tues"
            | b"wednesday"
            | b"wed"
            | b"thursday"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"friday"
            | b"fri"
            | b"saturday"
            | b"sat"
            | b"sunday"
            | b"sun"
            | b"a"
            | b"an"
            | b"half"
            | b"twice"
            | b"between"
            | b"mid"
            | b"minus"
            | b"negative"
            | b"nought"
            | b"quarter"
    )
}

/// `dozen` and its plural and abbreviations.
pub fn dozen(word: &str) -> bool {
    lookup!(word, { "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs" => () }).is_some()
}

/// Thousand, million, billion, trillion.
pub fn big_scale(word: &str) -> Option<f64> {
    lookup!(word, {
        "thousand" => 1e3, "million" => 1e6, "billion" => 1e9, "trillion" => 1e12,
    })
}

/// Plural scale words used as vague magnitudes: `hundreds`, `thousands`, `dozens`.
pub fn vague_magnitude(word: &str) -> Option<f64> {
    lookup!(word, {
        "dozens" => 12.0, "scores" => 20.0, "hundreds" => 100.0, "thousands" => 1e3,
        "millions" => 1e6, "billions" => 1e9, "trillions" => 1e12, "tens" => 10.0,
    })
}

/// Ordinal words: `first` .. `twentieth`, the tens, `hundredth`.
pub fn ordinal_word(word: &str) -> Option<f64> {
    lookup!(word, {
        "first" => 1.0, "second" => 2.0, "third" => 3.0, "fourth" => 4.0, "fifth" => 5.0,
        "sixth" => 6.0, "seventh" => 7.0, "eighth" => 8.0, "ninth" => 9.0, "tenth" => 10.0,
        "eleventh" => 11.0, "twelfth" => 12.0, "thirteenth" => 13.0, "fourteenth" => 14.0,
        "fifteenth" => 15.0, "sixteenth" => 16.0, "seventeenth" => 17.0,
        "eighteenth" => 18.0, "nineteenth" => 19.0, "twentieth" => 20.0,
        "thirtieth" => 30.0, "fortieth" => 40.0, "fiftieth" => 50.0, "sixtieth" => 60.0,
        "seventieth" => 70.0, "eightieth" => 80.0, "ninetieth" => 90.0,
        "hundredth" => 100.0, "thousandth" => 1000.0, "millionth" => 1e6,
    })
}

/// Fraction denominators: `half` 2, `third(s)` 3, `quarter(s)` 4, `fifth(s)` 5 ... `tenth(s)`.
pub fn denominator(word: &str) -> Option<f64> {
    lookup!(word, {
        "half" => 2.0, "halves" => 2.0, "third" => 3.0, "thirds" => 3.0,
        "quarter" => 4.0, "quarters" => 4.0, "fourth" => 4.0, "fourths" => 4.0,
        "fifth" => 5.0, "fifths" => 5.0, "sixth" => 6.0, "sixths" => 6.0,
        "seventh" => 7.0, "sevenths" => 7.0, "eighth" => 8.0, "eighths" => 8.0,
        "ninth" => 9.0, "ninths" => 9.0, "tenth" => 10.0, "tenths" => 10.0,
        "twelfth" => 12.0, "twelfths" => 12.0, "hundredth" => 100.0, "hundredths" => 100.0,
    })
}

/// Multiplier verbs: `doubled`, `tripled`, `trebled`, `quadrupled`, `halved`.
pub fn multiplier_word(word: &str) -> Option<f64> {
    lookup!(word, {
        "doubled" => 2.0, "doubles" => 2.0, "doubling" => 2.0,
        "tripled" => 3.0, "triples" => 3.0, "tripling" => 3.0,
        "trebled" => 3.0, "trebles" => 3.0, "trebling" => 3.0,
        "quadrupled" => 4.0, "quadruples" => 4.0, "quadrupling" => 4.0,
        "halved" => 0.5, "halving" => 0.5,
        "twofold" => 2.0, "threefold" => 3.0, "fourfold" => 4.0, "fivefold" => 5.0,
        "tenfold" => 10.0,
    })
}

/// Month names and their abbreviations, 1-based.
pub fn month(word: &str) -> Option<u8> {
    lookup!(word, {
        "january" | "jan" => 1, "february" | "feb" => 2, "march" | "mar" => 3,
        "april" | "apr" => 4, "may" => 5, "june" | "jun" => 6, "july" | "jul" => 7,
        "august" | "aug" => 8, "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10, "november" | "nov" => 11, "december" | "dec" => 12,
    })
}

/// Weekday names and abbreviations, 0 = Monday.
pub fn weekday(word: &str) -> Option<u8> {
    lookup!(word, {
        "monday" | "mon" => 0, "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2, "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4, "saturday" | "sat" => 5, "sunday" | "sun" => 6,
    })
}

/// True for a weekday's full name (abbreviations stand alone only beside a date).
pub fn is_full_weekday(word: &str) -> bool {
    word.len() >= 6 && weekday(word).is_some()
}

/// Currency words after a number: `dollars`, `euros`, `pounds`, `yuan`...
pub fn currency_word(word: &str) -> Option<&'static str> {
    lookup!(word, {
        "dollar" | "dollars" => "USD", "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP", "yuan" | "renminbi" | "rmb" => "CNY",
        "yen" => "JPY", "rupee" | "rupees" => "INR", "rouble" | "roubles" | "ruble"
            | "rubles" => "RUB",
        "franc" | "francs" => "CHF", "won" => "KRW", "peso" | "pesos" => "MXN",
        "hryvnia" | "hryvnias" => "UAH", "lira" | "lire" => "TRY", "rand" => "ZAR",
        "markka" | "markkaa" => "FIM", "guilder" | "guilders" => "NLG", "peseta" | "pesetas" => "ESP",
        "krona" | "kronor" | "krone" | "kroner" => "SEK", "zloty" | "zlotys" => "PLN",
        "forint" | "forints" => "HUF", "shekel" | "shekels" => "ILS", "baht" => "THB",
        "ringgit" => "MYR", "rupiah" => "IDR", "naira" => "NGN", "dinar" | "dinars" => "IQD",
        "dirham" | "dirhams" => "AED", "riyal" | "riyals" => "SAR", "bitcoin" | "bitcoins" => "BTC",
    })
}

/// Minor units named after an amount, with their currency and factor to the main unit.
pub fn minor_currency(word: &str) -> Option<(&'static str, f64)> {
    lookup!(word, {
        "cent" | "cents" => ("USD", 0.01), "pence" | "penny" | "pennies" | "p" => ("GBP", 0.01),
    })
    .filter(|_| word != "P")
}

/// A currency named with its country's adjective: `australian dollars`, `Swiss francs`.
pub fn national_currency(adjective: &str, currency: &str) -> Option<&'static str> {
    let kind = currency_word(currency)?;
    let mut buf = [0u8; 24];
    let adjective = lower(adjective, &mut buf)?;
    Some(match (adjective, kind) {
        ("us" | "american", "USD") => "USD",
        ("australian", "USD") => "AUD",
        ("canadian", "USD") => "CAD",
        ("singapore", "USD") => "SGD",
        ("taiwan" | "taiwanese", "USD") => "TWD",
        ("zimbabwe" | "zimbabwean", "USD") => "ZWL",
        ("swiss", "CHF") => "CHF",
        ("french", "CHF") => "FRF",
        ("belgian", "CHF") => "BEF",
        ("egyptian", "GBP") => "EGP",
        ("british", "GBP") => "GBP",
        ("chinese", "CNY") => "CNY",
        ("japanese", "JPY") => "JPY",
        ("mexican", "MXN") => "MXN",
        ("argentine" | "argentinian", "MXN") => "ARS",
        ("philippine", "MXN") => "PHP",
        ("indian", "INR") => "INR",
        ("pakistani", "INR") => "PKR",
        ("turkish", "TRY") => "TRY",
        ("italian", "TRY") => "ITL",
        ("russian", "RUB") => "RUB",
        ("finnish", "FIM") => "FIM",
        ("dutch", "NLG") => "NLG",
        ("swedish", "SEK") => "SEK",
        ("norwegian", "SEK") => "NOK",
        ("danish", "SEK") => "DKK",
        _ => return None,
    })
}

/// ISO 4217 codes figcheck knows (upper-case only, to avoid words like "try").
pub fn iso_currency(word: &str) -> Option<&'static str> {
    match word {
        "USD" => Some("USD"),
        "EUR" => Some("EUR"),
        "GBP" => Some("GBP"),
        "JPY" => Some("JPY"),
        "CNY" | "RMB" => Some("CNY"),
        "CHF" => Some("CHF"),
        "CAD" => Some("CAD"),
        "AUD" => Some("AUD"),
        "INR" => Some("INR"),
        "HKD" => Some("HKD"),
        "NZD" => Some("NZD"),
        "SGD" => Some("SGD"),
        "SEK" => Some("SEK"),
        "NOK" => Some("NOK"),
        "DKK" => Some("DKK"),
        "RUB" => Some("RUB"),
        "UAH" => Some("UAH"),
        "BRL" => Some("BRL"),
        "MXN" => Some("MXN"),
        "ZAR" => Some("ZAR"),
        "KRW" => Some("KRW"),
        "TRY" => Some("TRY"),
        "IQD" => Some("IQD"),
        "BTC" => Some("BTC"),
        _ => None,
    }
}

/// Currency prefixes before digits: symbols and `US$`-style prefixes, with their codes.
/// Longest first, so `US$` wins over `$`.
pub const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₴", "UAH"),
    ("₡", "CRC"),
    ("₾", "GEL"),
    ("₭", "LAK"),
    ("₿", "BTC"),
    ("₺", "TRY"),
    ("₦", "NGN"),
    ("₱", "PHP"),
];

/// True for a one-character currency symbol (`$`, `£`, `€`, `₿`...).
pub fn is_currency_symbol(c: char) -> bool {
    // A match, not a table walk: the scanner asks this for every non-ASCII character.
    matches!(
        c,
        '$' | '£'
            | '€'
            | '¥'
            | '₹'
            | '₽'
            | '₩'
            | '₴'
            | '₡'
            | '₾'
            | '₭'
            | '₿'
            | '₺'
            | '₦'
            | '₱'
    )
}

/// Units of time, normalized to their plural.
pub fn duration_unit(word: &str) -> Option<&'static str> {
    lookup!(word, {
        "second" | "seconds" | "sec" | "secs" => "seconds",
        "minute" | "minutes" | "min" | "mins" => "minutes",
        "hour" | "hours" | "hr" | "hrs" => "hours", "day" | "days" => "days",
        "week" | "weeks" => "weeks", "fortnight" | "fortnights" => "fortnights",
        "month" | "months" => "months", "year" | "years" | "yr" | "yrs" => "years",
        "decade" | "decades" => "decades", "century" | "centuries" => "centuries",
    })
}

/// Units of measurement (case-sensitive where case carries meaning: `TWh`, `mph`).
pub fn measure_unit(word: &str) -> Option<&'static str> {
    let exact = match word {
        "TWh" => Some("TWh"),
        "GWh" => Some("GWh"),
        "MWh" => Some("MWh"),
        "kWh" => Some("kWh"),
        "GW" => Some("GW"),
        "MW" => Some("MW"),
        "kW" => Some("kW"),
        "mph" => Some("mph"),
        "kph" => Some("kph"),
        "km" => Some("km"),
        "cm" => Some("cm"),
        "mm" => Some("mm"),
        "kg" => Some("kg"),
        "lb" | "lbs" => Some("lb"),
        "lbf" => Some("lbf"),
        "ft" => Some("ft"),
        "mg" => Some("mg"),
        "ml" => Some("ml"),
        "bpd" => Some("bpd"),
        "GB" => Some("GB"),
        "MB" => Some("MB"),
        "TB" => Some("TB"),
        "C" | "°C" => Some("°C"),
        "F" | "°F" => Some("°F"),
        _ => None,
    };
    exact.or_else(|| {
        lookup!(word, {
            "tonnes" | "tonne" => "tonnes", "tons" | "ton" => "tons",
            "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km",
            "metres" | "meters" | "metre" | "meter" => "m",
            "miles" | "mile" => "miles", "feet" | "foot" => "ft", "inches" | "inch" => "in",
            "kilograms" | "kilogram" | "kilos" => "kg", "grams" | "gram" => "g",
            "litres" | "liters" | "litre" | "liter" => "l", "gallons" | "gallon" => "gal",
            "barrels" | "barrel" => "barrels", "hectares" | "hectare" => "ha",
            "acres" | "acre" => "acres", "degrees" | "degree" => "degrees",
            "terawatts" | "terawatt" => "TW", "gigawatts" | "gigawatt" => "GW",
            "megawatts" | "megawatt" => "MW", "kilowatts" | "kilowatt" => "kW",
        })
    })
}

/// The energy unit of a power unit followed by `hours` (`terawatt hours` is `TWh`).
pub fn energy_unit(power: &str) -> Option<&'static str> {
    match power {
        "TW" => Some("TWh"),
        "GW" => Some("GWh"),
        "MW" => Some("MWh"),
        "kW" => Some("kWh"),
        _ => None,
    }
}

/// Approximation words that can stand right before a figure, with their meaning.
/// Multi-word entries are matched as written, lower-case, single-spaced.
pub const APPROX_PREFIXES: &[(&str, Approx)] = &[
    ("no more than", Approx::AtMost),
    ("no fewer than", Approx::AtLeast),
    ("no less than", Approx::AtLeast),
    ("as many as", Approx::AtMost),
    ("as much as", Approx::AtMost),
    ("as few as", Approx::AtLeast),
    ("as little as", Approx::AtLeast),
    ("in excess of", Approx::MoreThan),
    ("more than", Approx::MoreThan),
    ("greater than", Approx::MoreThan),
    ("higher than", Approx::MoreThan),
    ("less than", Approx::LessThan),
    ("fewer than", Approx::LessThan),
    ("lower than", Approx::LessThan),
    ("at least", Approx::AtLeast),
    ("at most", Approx::AtMost),
    ("up to", Approx::AtMost),
    ("close to", Approx::Nearly),
    ("nearly", Approx::Nearly),
    ("almost", Approx::Nearly),
    ("north of", Approx::MoreThan),
    ("south of", Approx::LessThan),
    ("upwards of", Approx::MoreThan),
    ("just over", Approx::MoreThan),
    ("just under", Approx::LessThan),
    ("well over", Approx::MoreThan),
    ("an estimated", Approx::About),
    ("approximately", Approx::About),
    ("roughly", Approx::About),
    ("around", Approx::About),
    ("about", Approx::About),
    ("some", Approx::About),
    ("circa", Approx::About),
    ("approx.", Approx::About),
    ("c.", Approx::About),
    ("over", Approx::MoreThan),
    ("above", Approx::MoreThan),
    ("topped", Approx::MoreThan),
    ("surpassed", Approx::MoreThan),
    ("exceeded", Approx::MoreThan),
    ("past", Approx::MoreThan),
    ("under", Approx::LessThan),
    ("below", Approx::LessThan),
    ("~", Approx::About),
];

/// Words that are not the counted noun after a number (function words, verbs of
/// reporting, comparatives).
pub fn is_not_unit_noun(word: &str) -> bool {
    lookup!(word, {
        "of" | "whose" | "to" | "in" | "on" | "at" | "for" | "from" | "by" | "with" | "and" | "or"
        | "but" | "nor" | "the" | "a" | "an" | "than" | "as" | "per" | "is" | "are" | "was"
        | "were" | "be" | "been" | "being" | "has" | "have" | "had" | "will" | "would"
        | "could" | "should" | "may" | "might" | "can" | "must" | "more" | "less" | "fewer"
        | "over" | "under" | "up" | "down" | "out" | "about" | "after" | "before" | "since"
        | "during" | "into" | "while" | "when" | "which" | "who" | "whom" | "that" | "this"
        | "those" | "these" | "it" | "its" | "their" | "his" | "her" | "our" | "my"
        | "your" | "each" | "every" | "all" | "also" | "so" | "not" | "no" | "yet"
        | "between" | "against" | "among" | "percent" | "cent" | "times" | "last" | "next"
        | "said" | "says" | "say" | "according" | "compared" | "versus" | "vs"
        | "respectively" | "alone" | "only" | "just" | "apiece" | "year" | "ago"
        | "earlier" | "later" | "if" | "then" | "there" | "here" | "they" | "we" | "he"
        | "she" | "i" | "you" | "them" | "did" | "do" | "does" | "where" | "what" | "how"
        | "why" | "because" | "although" | "though" | "unless" | "until" | "including"
        | "excluding" | "plus" | "minus" | "through" | "via" | "like" | "both" | "either"
        | "neither" | "such" | "other" | "others" | "rest" | "whereas" | "thanks" | "due"
        | "amid" | "across" | "within" | "without" | "s" | "t" | "above" | "below" | "too"
        | "very" | "much" | "many" | "mark" | "threshold" | "barrier" | "milestone" | "voted"
        | "built" | "started" | "nearly" | "almost" | "roughly" | "approximately" | "around"
        | "circa" => (),
    })
    .is_some()
}

/// Capitalised or lower-case nouns that make the following number an identifier
/// (`Article 5`, `Resolution 2334`, `Year 9`, `No. 10`), not a figure.
pub fn is_identifier_noun(word: &str) -> bool {
    lookup!(word, {
        "article" | "articles" | "section" | "sections" | "chapter" | "resolution"
        | "clause" | "paragraph" | "page" | "pages" | "rule" | "amendment" | "room"
        | "flight" | "route" | "gate" | "platform" | "level" | "grade" | "no" | "nos"
        | "number" | "version" | "model" | "series" | "phase" | "stage" | "part" | "act"
        | "title" | "volume" | "vol" | "episode" | "season" | "lot" | "unit" | "apartment"
        | "district" | "ward" | "precinct" | "highway" | "interstate" | "exit" | "bus"
        | "channel" | "category" | "division" | "figure" | "fig" | "table" | "appendix"
        | "annex" | "psalm" | "verse" | "item" | "line" | "pp" | "p" | "ch" | "sec" | "art"
        | "bill" | "case" | "lane" | "block" | "floor" | "building" | "tier" | "class"
        | "type" | "mark" | "mk" | "batch" | "code" | "form" | "schedule" => (),
    })
    .is_some()
}

/// Function words that may be capitalised at a sentence start right before a number
/// without making it an identifier (`In 2022`, `About 300`, `Some 24%`).
pub fn is_capitalisable_function_word(word: &str) -> bool {
    lookup!(word, {
        "in" | "on" | "at" | "by" | "since" | "until" | "till" | "about" | "over" | "under"
        | "nearly" | "some" | "only" | "just" | "all" | "the" | "a" | "an" | "and" | "but"
        | "of" | "for" | "from" | "to" | "with" | "around" | "almost" | "roughly"
        | "approximately" | "between" | "than" | "more" | "less" | "fewer" | "up" | "top"
        | "another" | "those" | "these" | "its" | "their" | "our" | "each" | "every"
        | "after" | "before" | "during" | "through" | "per" | "then" | "now" | "barely"
        | "fully" | "exactly" | "precisely" | "like" | "unlike" | "within" | "across"
        | "among" | "against" | "into" | "onto" | "toward" | "towards" | "circa" | "or"
        | "nor" | "yet" | "so" | "as" | "when" | "while" | "if" | "because" | "although"
        | "though" | "where" | "overall" | "total" | "estimated" | "perhaps" | "maybe"
        | "still" | "even" | "also" | "both" | "not" | "no" | "zero" | "whereas" | "plus"
        | "minus" | "meanwhile" | "last" | "next" | "this" | "that" | "approx" | "ca" | "c"
        | "via" | "versus" | "vs" | "amid" | "amidst" | "despite" | "following"
        | "including" | "excluding" | "beyond" | "below" | "above" | "beneath" | "upon"
        | "past" | "near" | "throughout" | "without" | "out" => (),
    })
    .is_some()
}

/// Words after `N times` that make it a multiplier rather than a frequency.
pub fn is_comparative_after_times(word: &str) -> bool {
    lookup!(word, {
        "as" | "more" | "higher" | "larger" | "bigger" | "greater" | "the" | "that"
        | "what" | "lower" | "smaller" | "faster" | "slower" | "over" | "less" | "fewer"
        | "longer" | "shorter" | "heavier" | "cheaper" | "costlier" | "richer" | "poorer"
        | "likelier" | "likely" | "worse" | "better" | "its" | "their" => (),
    })
    .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_word_is_in_a_table() {
        let tables: [fn(&str) -> bool; 6] = [
            |w| small_number(w).is_some(),
            |w| ordinal_word(w).is_some(),
            |w| month(w).is_some(),
            |w| weekday(w).is_some(),
            |w| vague_magnitude(w).is_some(),
            |w| multiplier_word(w).is_some(),
        ];
        for w in [
            "seventeen",
            "twentieth",
            "sept",
            "thurs",
            "dozens",
            "trebled",
            "ninety",
        ] {
            assert!(is_trigger_lower(w.as_bytes()), "{w}");
            assert!(tables.iter().any(|t| t(w)), "{w}");
        }
        assert!(!is_trigger_lower(b"the"));
        for w in TRIGGER_WORDS {
            assert!(
                may_be_trigger(w) && is_trigger_lower(w),
                "{}",
                String::from_utf8_lossy(w)
            );
        }
        assert!(!may_be_trigger(b"the") && !may_be_trigger(b"of") && !may_be_trigger(b"and"));
        assert!(!is_trigger_lower(b"Seven"), "callers lower-case first");
    }

    #[test]
    fn currency_symbols_match_the_prefix_table() {
        for (prefix, _) in CURRENCY_PREFIXES {
            let mut chars = prefix.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                assert!(is_currency_symbol(c), "{c}");
            }
        }
        assert!(!is_currency_symbol('“'));
    }

    #[test]
    fn lookups_ignore_case() {
        assert_eq!(small_number("Seventy"), Some(70.0));
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(weekday("WEDNESDAY"), Some(2));
        assert_eq!(currency_word("Euros"), Some("EUR"));
        assert_eq!(duration_unit("Months"), Some("months"));
        assert!(is_not_unit_noun("The"));
        assert_eq!(small_number("a-very-long-word-beyond-the-buffer"), None);
    }

    #[test]
    fn approx_prefixes_are_lowercase_and_longest_first_within_shared_starts() {
        for (i, (a, _)) in APPROX_PREFIXES.iter().enumerate() {
            assert_eq!(*a, a.to_lowercase());
            for (b, _) in &APPROX_PREFIXES[i + 1..] {
                assert!(!b.ends_with(a) || b == a, "{b} should come before {a}");
            }
        }
    }
}
