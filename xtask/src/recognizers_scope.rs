//! What of the Recognizers-Text English specs is outside figcheck's scope, and why.
//!
//! figcheck finds figures in English news prose. The specs were written for a
//! conversational assistant, so some cases test readings a news fact-checker would not want
//! as figures, or readings that contradict figcheck's documented conventions (README, "The
//! figures schema" and "What is not a figure"). Those cases are listed here, each category
//! with its reason. A case is never listed because figcheck fails it: every case of a
//! category is out, passing or not, and anything not listed is in scope.
//!
//! Two kinds of exclusion:
//! * [`CASE_CATEGORIES`]: whole cases, by model and case index (the `case` field), each
//!   with a fragment of its input so that a changed spec file is noticed, not mis-filtered;
//! * [`mention_rule`]: single expected mentions dropped by a rule; a case whose every
//!   mention is dropped is out of scope under that rule.
//!
//! Only `dotnet_supported` cases are considered at all (upstream's reference
//! implementation passes them); that filter is applied before these.

/// A category of whole cases that are out of scope.
pub struct Category {
    /// Short name shown in reports.
    pub name: &'static str,
    /// Why a news fact-checker would not want these as figures (one line).
    pub reason: &'static str,
    /// `(model, case index, fragment of the input)`.
    pub cases: &'static [(&'static str, usize, &'static str)],
}

/// A rule that drops single expected mentions.
pub struct MentionRule {
    /// Short name shown in reports.
    pub name: &'static str,
    /// Why (one line).
    pub reason: &'static str,
}

/// An expected mention with no value: a unit named alone (`dollar`, `percentage`,
/// `fahrenheit` in `convert 10 celsius to fahrenheit`).
pub const UNIT_ONLY: MentionRule = MentionRule {
    name: "unit-only",
    reason: "a unit or the word `percent` named without a number (`dollar`, `percentage`, `fahrenheit`) is not a figure",
};

/// Ordinal-model values such as `end+0`, `current+1`.
pub const RELATIVE_ORDINAL: MentionRule = MentionRule {
    name: "relative-ordinal",
    reason: "relative ordinals (`last`, `next`, `previous`, `penultimate`) are positions in an assistant's list, not figures",
};

/// DateTime mentions other than explicit dates, months, years and clock times.
pub const DATETIME_RELATIVE: MentionRule = MentionRule {
    name: "datetime-relative",
    reason: "calendar-assistant readings (`tomorrow`, `this september`, `in 2 weeks`, durations, spans, sets) resolved against a reference date; only explicit dates, months, years and clock times written with digits are scored",
};

/// The mention rule that drops `value` (the spec's value string) of `text` in `model`, if any.
pub fn mention_rule(model: &str, text: &str, value: Option<&str>) -> Option<&'static MentionRule> {
    let Some(value) = value else {
        return Some(&UNIT_ONLY);
    };
    match model {
        "ordinal" if value.parse::<f64>().is_err() => Some(&RELATIVE_ORDINAL),
        "datetime" if !explicit_datetime(text, value) => Some(&DATETIME_RELATIVE),
        _ => None,
    }
}

/// A date, month, year or clock time written out: the timex is one of the explicit forms
/// of [`crate::recognizers::timex_key`], the text has a digit, and a year in the timex is
/// written in the text (`in 2 weeks` resolves to a full date from the reference date).
fn explicit_datetime(text: &str, timex: &str) -> bool {
    let Some(key) = crate::recognizers::timex_key(timex) else {
        return false;
    };
    let year_written = match key.get(..4) {
        Some(year) if year.bytes().all(|b| b.is_ascii_digit()) => text.contains(year),
        _ => true,
    };
    text.bytes().any(|b| b.is_ascii_digit()) && year_written
}

/// Every mention rule, for reports.
pub const MENTION_RULES: [&MentionRule; 3] = [&UNIT_ONLY, &RELATIVE_ORDINAL, &DATETIME_RELATIVE];

/// Whole cases out of scope, by category.
pub const CASE_CATEGORIES: &[Category] = &[
    Category {
        name: "scientific-notation",
        reason: "exponent notation (`1e10`, `1.1^23`, `1.3x10^6`) is not written in news prose",
        cases: &[
            ("number", 57, "1e10"),
            ("number", 58, "1.1^23"),
            ("number", 79, "1.1^+23"),
            ("number", 80, "2.5^-1"),
            ("number", 81, "-2500^-1"),
            ("number", 82, "-1.1^+23"),
            ("number", 83, "-2.5^-1"),
            ("number", 84, "-1.1^--23"),
            ("number", 85, "-127.32e13"),
            ("number", 86, "12.32e+14"),
            ("number", 87, "-12e-1"),
            ("number", 190, "1.3x10^6"),
            ("number", 191, "1.3e6"),
            ("number", 192, "6.23x10^-4"),
        ],
    },
    Category {
        name: "spoken-arithmetic",
        reason: "arithmetic dictated in words: `X over Y`, compound or improper denominators (`three twenty-firsts`, `twenty-three fifths`, `a hundred trillionths`), chained `and` sums (`twenty and three and three fifths`, `one billion and a half million`, `six million and two thirds`), `plus ... equals`; news fractions (`two thirds`, `a half`, `five and a half million`) stay in scope",
        cases: &[
            ("number", 111, "one over three"),
            ("number", 112, "1 over twenty-one"),
            ("number", 113, "1 over one hundred and twenty one"),
            ("number", 114, "1 over three"),
            ("number", 115, "1 over 3"),
            ("number", 116, "one over 3"),
            ("number", 117, "one over 20"),
            ("number", 118, "one over twenty"),
            ("number", 119, "one over one hundred"),
            ("number", 120, "one over one hundred and twenty five"),
            ("number", 127, "negative one over 20"),
            ("number", 164, "2000 over 3"),
            ("number", 18, "a trillionth"),
            ("number", 19, "a hundred trillionths"),
            ("number", 69, "twenty-three fifths"),
            (
                "number",
                71,
                "one million two thousand two hundred three fifths",
            ),
            ("number", 77, "two and fifty-four hundredths"),
            ("number", 78, "two hundred and fifty-four hundredths"),
            ("number", 90, "a hundred thousand trillionths"),
            ("number", 93, "twenty fifths"),
            ("number", 95, "twenty one fifths"),
            ("number", 96, "a twenty-first"),
            ("number", 97, "one twenty-fifth"),
            ("number", 98, "three twenty-firsts"),
            ("number", 99, "three twenty firsts"),
            ("number", 100, "twenty twenty fifths"),
            ("number", 101, "one hundred and thirty fifths"),
            ("number", 102, "one hundred thirty fifths"),
            ("number", 103, "one hundred thirty two fifths"),
            ("number", 104, "one hundred thirty-two fifths"),
            ("number", 105, "one hundred and thirty-two fifths"),
            ("number", 107, "one hundred thirty-fifths"),
            ("number", 108, "one one hundred fifth"),
            ("number", 109, "one one hundred and fifth"),
            ("number", 110, "one hundred one thousand fifths"),
            ("number", 121, "ninety - five hundred fifths"),
            ("number", 123, "negative ninety - five hundred fifths"),
            ("number", 124, "minus ninety - five hundred fifths"),
            ("number", 126, "minus one hundred thirty fifths"),
            ("number", 133, "ninety - five hundred-fifths"),
            ("number", 223, "two hundred thirty two and a thirtieth"),
            ("number", 12, "one hundred and three and two thirds"),
            ("number", 25, "three hundred and two dozens"),
            ("number", 70, "twenty and three and three fifths"),
            ("number", 106, "one hundred and thirty and two fifths"),
            ("number", 182, "one billion and three quarters million"),
            ("number", 206, "one billion and a half million"),
            ("number", 207, "one billion and a quarter million"),
            ("number", 211, "six million and two thirds"),
            ("number", 212, "two million and three fifths"),
            ("number", 213, "nine million and five ninths"),
            ("number", 231, "nought point nought three plus"),
        ],
    },
    Category {
        name: "numerator-only",
        reason: "upstream keeps only the numerator of `two millionth` / `100 millionths`; figcheck reads the whole expression by design",
        cases: &[
            ("number", 227, "two millionth"),
            ("number", 228, "100 millionths"),
        ],
    },
    Category {
        name: "indian-numbering",
        reason: "`lakh`, `crore` and 12,34,567 grouping belong to Indian English, outside figcheck's English news conventions",
        cases: &[
            ("number", 167, "13 lakh"),
            ("number", 168, "1 crore"),
            ("number", 169, "6 crore and two hundred"),
            ("number", 170, "three lakh crore"),
            ("number", 173, "12,34,567.89"),
            ("currency", 132, "35 lakh rupees"),
            ("currency", 133, "12,34,567.89 rupees"),
            ("dimension", 59, "25 lakh tonnes"),
        ],
    },
    Category {
        name: "decimal-comma",
        reason: "a continental decimal comma (`5,00`, `1.111,11`, `1,3` = 1.3) contradicts English thousands grouping, which figcheck follows",
        cases: &[
            ("number", 159, "5,00"),
            ("number", 187, "1.111,11"),
            ("number", 200, "The number is 1,3."),
        ],
    },
    Category {
        name: "identifier",
        reason: "IP addresses, phone numbers, codes, reference and version numbers (`192.168.1.2`, `SCP-173`, `Exercise nr. 22,240,260,310`, `version two`, `three-nought-four`) are identifiers, not figures (README: what is not a figure)",
        cases: &[
            ("number", 1, "192.168.1.2"),
            ("number", 144, "+1-222-2222/2222"),
            ("number", 189, "SCP-173"),
            ("number", 198, "Exercises nrs. 22,24,26,31."),
            ("number", 199, "Exercise nr. 22,240,260,310."),
            ("number", 224, "version two"),
            ("number", 232, "three-nought-four"),
        ],
    },
    Category {
        name: "date",
        reason: "figcheck reports `May 4th` and `5/17/2018` as dates (its `date` kind), where the number model expects nothing or three bare numbers",
        cases: &[("number", 5, "the May 4th"), ("number", 143, "5/17/2018")],
    },
    Category {
        name: "unit-glued",
        reason: "a unit or scale letter glued to the number (`the 180ml liquid`, `29km Road`, `1m`): the number model expects nothing, figcheck reports a quantity, or a scaled count as in `74.7m tonnes`, by design",
        cases: &[
            ("number", 2, "the 180.25ml liquid"),
            ("number", 3, "the 180ml liquid"),
            ("number", 4, "29km Road"),
            ("number", 6, "the .25ml liquid"),
            ("number", 146, "1m isn't a number."),
        ],
    },
    Category {
        name: "idiom",
        reason: "number words used idiomatically (`one last time`) are not figures (README: what is not a figure)",
        cases: &[("number", 216, "one last time")],
    },
    Category {
        name: "g-suffix",
        reason: "`G` after a number (`10G`, `1,674.5 G`) names a standard or product in news (`5G`, `10G` broadband); it is never a scale word there",
        cases: &[("number", 40, "10G"), ("number", 193, "1,674.5 G")],
    },
    Category {
        name: "spaced-sign",
        reason: "a hyphen followed by a space (`- 1 4/5`, `- 10  k`) is a dash in prose, not a minus sign",
        cases: &[("number", 32, "- 1 4/5"), ("number", 41, "- 10  k")],
    },
    Category {
        name: "percent-of-n",
        reason: "`percent of 10` read as 10%: assistant phrasing; in prose it is a share of 10, not a percentage whose value is 10",
        cases: &[
            ("percent", 9, "percents of twenty"),
            ("percent", 10, "percent of 10"),
            ("percent", 11, "per cent of twenty-two"),
            ("percent", 12, "per cent of 210"),
        ],
    },
    Category {
        name: "non-english",
        reason: "currency words and scripts of other languages (`kuai`/`mao`, `元`, `ரூ`)",
        cases: &[
            ("currency", 102, "one kuai and five mao five"),
            ("currency", 105, "100元"),
            ("currency", 109, "100,000 ரூ"),
        ],
    },
    Category {
        name: "bare-cents",
        reason: "a bare number after an amount read as its cents (`15 dollars 50`, `one dollar and one`, `c $ 100 and fifty`): in prose it is a figure of its own; the whole case is left out",
        cases: &[
            ("currency", 98, "thirteen dollars forty five"),
            ("currency", 99, "one dollar and one"),
            ("currency", 101, "c $ 100 and fifty"),
            ("currency", 103, "one dollar and two"),
            ("currency", 145, "15 dollars and 15"),
            ("currency", 146, "15 dollars 50"),
            ("currency", 166, "15 dollars 50"),
            ("currency", 167, "15 dollars and 50"),
            ("currency", 168, "17 USD 25"),
            ("currency", 170, "15 USD 50"),
        ],
    },
    Category {
        name: "assistant-units",
        reason: "assistant commands and recipes (`rotate 90 degrees`, `make a half turn`, `3 tablespoons butter`) and `mb`/`MB` casing (README: low value for prose)",
        cases: &[
            ("dimension", 88, "rotate 90 degrees"),
            ("dimension", 89, "turn left 45 degrees"),
            ("dimension", 90, "0.8rad"),
            ("dimension", 91, "make a half turn"),
            ("dimension", 92, "rotate 3 turns"),
            ("dimension", 65, "3 tablespoons"),
            ("dimension", 66, "½ teaspoon"),
            ("dimension", 49, "100 mb"),
            ("dimension", 50, "100 MB"),
            ("temperature", 34, "turn a 45 degrees angle"),
            ("temperature", 35, "Rotate 90°"),
        ],
    },
    Category {
        name: "other-model-kind",
        reason: "temperatures, which the dimension model leaves to the temperature model; figcheck reports every measure as a quantity",
        cases: &[
            ("dimension", 93, "the temperature is 24 degrees"),
            ("dimension", 94, "100° Celsius"),
        ],
    },
];

/// The category that puts case `case` of `model` out of scope, if any. Errs when the
/// listed fragment is not in `input` (the spec file changed: fix the list).
pub fn case_category(
    model: &str,
    case: usize,
    input: &str,
) -> Result<Option<&'static Category>, String> {
    for category in CASE_CATEGORIES {
        for &(m, c, fragment) in category.cases {
            if m == model && c == case {
                if !input.contains(fragment) {
                    return Err(format!(
                        "scope list is stale: {model} case {case} ({}) no longer contains {fragment:?}",
                        category.name
                    ));
                }
                return Ok(Some(category));
            }
        }
    }
    Ok(None)
}
