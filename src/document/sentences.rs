//! Sentence segmentation of one prose block, in a single pass over its bytes.
//!
//! A sentence ends at a run of `.`, `!`, `?` or `…`, optionally followed by closing quotes
//! or a `)`, when whitespace and then something that can start a sentence follow, and no
//! exception (abbreviation, initial, list number) applies. Newlines are whitespace like
//! any other: a line break alone never ends a sentence.

use super::mask::is_space;
use crate::span::Span;
use memchr::memmem;

/// Abbreviations after which a sentence never ends.
///
/// Decision: titles, months, weekdays and reference words nearly always precede more of
/// the same sentence, so they never end one. Matching is case-sensitive, with each
/// spelling listed, so that `no.` or `sat.` ending a sentence still splits.
const NEVER_FINAL: &[&[u8]] = &[
    b"Jan.", b"Feb.", b"Mar.", b"Apr.", b"Jun.", b"Jul.", b"Aug.", b"Sep.", b"Sept.", b"Oct.",
    b"Nov.", b"Dec.", b"Mon.", b"Tue.", b"Tues.", b"Wed.", b"Thu.", b"Thur.", b"Thurs.", b"Fri.",
    b"Sat.", b"Sun.", b"Mr.", b"Mrs.", b"Ms.", b"Dr.", b"Prof.", b"Sen.", b"Rep.", b"Gov.",
    b"Gen.", b"Col.", b"Lt.", b"Sgt.", b"St.", b"Mt.", b"No.", b"Nos.", b"Vol.", b"vol.", b"vs.",
    b"e.g.", b"E.g.", b"i.e.", b"I.e.", b"approx.", b"Approx.", b"est.", b"Est.", b"fig.", b"Fig.",
    b"figs.", b"Figs.", b"p.", b"pp.",
];

/// Abbreviations that end a sentence only when a common sentence-opening word follows.
///
/// Decision: company suffixes, `etc.`, `Jr.`/`Sr.` and (by the dotted-letters rule in
/// [`is_dotted_letters`]) `U.S.`, `U.K.`, `a.m.`, `p.m.` often close a sentence, but just
/// as often sit mid-sentence before a capitalised name (`U.S. Steel`, `Acme Inc. Chief`).
const MAYBE_FINAL: &[&[u8]] = &[
    b"Inc.", b"Ltd.", b"Co.", b"Corp.", b"Bros.", b"Jr.", b"Sr.", b"etc.",
];

/// Words that, after a [`MAYBE_FINAL`] abbreviation, show a new sentence has begun.
const OPENERS: &[&[u8]] = &[
    b"The",
    b"A",
    b"An",
    b"In",
    b"It",
    b"He",
    b"She",
    b"They",
    b"We",
    b"I",
    b"You",
    b"But",
    b"And",
    b"This",
    b"That",
    b"These",
    b"Those",
    b"There",
    b"Its",
    b"Their",
    b"His",
    b"Her",
    b"Our",
    b"On",
    b"At",
    b"For",
    b"As",
    b"If",
    b"When",
    b"While",
    b"After",
    b"Before",
    b"Meanwhile",
    b"However",
    b"Then",
    b"So",
    b"Yet",
    b"Now",
    b"Since",
    b"Although",
    b"Also",
    b"Some",
    b"Many",
    b"Most",
    b"What",
    b"Why",
    b"How",
    b"Still",
    b"Despite",
];

/// The longest token examined as a possible abbreviation; longer ones are ordinary words.
const MAX_TOKEN: usize = 16;

/// The sentences of every block in `blocks` (trimmed spans of `prose`), in order.
pub(crate) fn split_all(prose: &str, blocks: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let ellipsis = memmem::Finder::new("…");
    let mut out = Vec::new();
    for block in blocks {
        split(prose, block, &ellipsis, &mut out);
    }
    out
}

/// Split the block `block` of `prose` into sentences, appending them to `out`.
///
/// `block` must be trimmed (start and end on non-whitespace); `ellipsis` finds `…`.
fn split(prose: &str, block: Span, ellipsis: &memmem::Finder<'_>, out: &mut Vec<Span>) {
    let p = prose.as_bytes();
    let end = block.end;
    let mut start = block.start;
    let mut i = block.start;
    // Candidates are found with memchr (`.` `!` `?`) and memmem (`…`); the position of the
    // next `…` is cached so each search covers every byte at most once.
    let find_ellipsis = |from: usize| ellipsis.find(&p[from..end]).map_or(end, |x| from + x);
    let mut next_ellipsis = find_ellipsis(i);
    while i < end {
        if next_ellipsis < i {
            next_ellipsis = find_ellipsis(i);
        }
        let punct = memchr::memchr3(b'.', b'!', b'?', &p[i..end]).map_or(end, |x| i + x);
        i = punct.min(next_ellipsis);
        if i >= end {
            break;
        }
        let run_start = i;
        while i < end {
            match terminator_len(p, i, end) {
                0 => break,
                n => i += n,
            }
        }
        let run_end = i;
        let mut j = run_end;
        while j < end {
            match closer_len(p, j, end) {
                0 => break,
                n => j += n,
            }
        }
        if j >= end || !is_space(p[j]) {
            i = j.max(run_end);
            continue;
        }
        let mut k = j;
        while k < end && is_space(p[k]) {
            k += 1;
        }
        if k < end && starts_sentence(prose, k) && !exception(p, start, run_start, run_end, k) {
            push_trimmed(p, start, j, out);
            start = k;
        }
        i = k;
    }
    push_trimmed(p, start, end, out);
}

/// Append `start..end` trimmed of whitespace, if anything is left.
fn push_trimmed(p: &[u8], mut start: usize, mut end: usize, out: &mut Vec<Span>) {
    while start < end && is_space(p[start]) {
        start += 1;
    }
    while end > start && is_space(p[end - 1]) {
        end -= 1;
    }
    if start < end {
        out.push(Span::new(start, end));
    }
}

/// Length of the sentence terminator (`.`, `!`, `?`, `…`) at `i`, or 0.
#[inline]
fn terminator_len(p: &[u8], i: usize, end: usize) -> usize {
    match p[i] {
        b'.' | b'!' | b'?' => 1,
        0xE2 if i + 2 < end && p[i + 1] == 0x80 && p[i + 2] == 0xA6 => 3,
        _ => 0,
    }
}

/// Length of the closing quote or bracket (`"` `'` `)` `”` `’`) at `i`, or 0.
#[inline]
fn closer_len(p: &[u8], i: usize, end: usize) -> usize {
    match p[i] {
        b'"' | b'\'' | b')' => 1,
        0xE2 if i + 2 < end && p[i + 1] == 0x80 && matches!(p[i + 2], 0x9D | 0x99) => 3,
        _ => 0,
    }
}

/// True when the character at `k` can begin a sentence.
///
/// Decision: an uppercase letter (any script), a digit, an opening quote or bracket, or a
/// currency sign (`$5 million was…` begins a sentence in a figure-heavy draft). A
/// lowercase word never does, which is what keeps `"Why?" she asked` and `wait... what`
/// whole.
fn starts_sentence(prose: &str, k: usize) -> bool {
    let b = prose.as_bytes()[k];
    if b.is_ascii() {
        return b.is_ascii_uppercase()
            || b.is_ascii_digit()
            || matches!(b, b'"' | b'\'' | b'(' | b'[' | b'$');
    }
    // `k` follows ASCII whitespace, so it is a char boundary.
    prose[k..].chars().next().is_some_and(|c| {
        c.is_uppercase() || matches!(c, '“' | '‘' | '«' | '¿' | '¡' | '£' | '€' | '¥' | '₹')
    })
}

/// True when a sentence must NOT end at the terminator run `run_start..run_end` even
/// though a possible sentence start follows at `next`.
fn exception(
    p: &[u8],
    sentence_start: usize,
    run_start: usize,
    run_end: usize,
    next: usize,
) -> bool {
    // Decision: only a lone `.` can be an abbreviation's; `...`, `!`, `?` always end a
    // sentence when a sentence start follows.
    if run_end - run_start != 1 || p[run_start] != b'.' {
        return false;
    }
    let Some(token_start) = token_start(p, sentence_start, run_start) else {
        return false;
    };
    let token = &p[token_start..run_end];
    if NEVER_FINAL.contains(&token) || is_initial(token) {
        return true;
    }
    if MAYBE_FINAL.contains(&token) || is_dotted_letters(token) {
        return !OPENERS.contains(&next_word(p, next));
    }
    // Decision: a number of up to three digits opening the sentence is a list number
    // (`1. First step`), not a sentence of its own.
    token_start == sentence_start
        && (2..=4).contains(&token.len())
        && token[..token.len() - 1].iter().all(u8::is_ascii_digit)
}

/// The start of the word ending at the `.` at `dot`, past any opening quotes or brackets;
/// `None` when the word is longer than [`MAX_TOKEN`] (so no abbreviation).
fn token_start(p: &[u8], floor: usize, dot: usize) -> Option<usize> {
    let mut s = dot;
    while s > floor && !is_space(p[s - 1]) {
        s -= 1;
        if dot - s > MAX_TOKEN {
            return None;
        }
    }
    loop {
        match p.get(s..dot) {
            Some([b'(' | b'[' | b'"' | b'\'', ..]) => s += 1,
            Some([0xE2, 0x80, 0x9C | 0x98, ..]) => s += 3,
            _ => return Some(s),
        }
    }
}

/// `J.`, `F.`: one uppercase letter and a dot — a personal initial.
///
/// Decision: `I.` is excluded (the pronoun ends sentences far more often than an initial
/// `I` appears); initials in any script count.
fn is_initial(token: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(token) else {
        return false;
    };
    let mut chars = s.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase() && c != 'I')
}

/// `U.S.`, `a.m.`, `J.K.`: two or more single letters, each followed by a dot.
fn is_dotted_letters(token: &[u8]) -> bool {
    token.len() >= 4
        && token.len().is_multiple_of(2)
        && token
            .chunks(2)
            .all(|c| c[0].is_ascii_alphabetic() && c[1] == b'.')
}

/// The run of ASCII letters starting at `i`.
fn next_word(p: &[u8], i: usize) -> &[u8] {
    let len = p[i..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    &p[i..i + len]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        split_all(s, [Span::new(0, s.len())])
            .iter()
            .map(|sp| sp.slice(s))
            .collect()
    }

    #[test]
    fn basic_terminators() {
        assert_eq!(
            sentences("One. Two! Three? Four"),
            vec!["One.", "Two!", "Three?", "Four"]
        );
        assert_eq!(sentences("Is it?! Yes."), vec!["Is it?!", "Yes."]);
        assert_eq!(
            sentences("It grew 4%. 2024 was better."),
            vec!["It grew 4%.", "2024 was better."]
        );
    }

    #[test]
    fn no_split_without_whitespace_or_before_lowercase() {
        assert_eq!(
            sentences("Version 3.5 shipped.Then"),
            vec!["Version 3.5 shipped.Then"]
        );
        assert_eq!(
            sentences("It cost 3.5 million. the end"),
            vec!["It cost 3.5 million. the end"]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sentences("Rates rose 2.75 points. Then 0.5 more."),
            vec!["Rates rose 2.75 points.", "Then 0.5 more."]
        );
    }

    #[test]
    fn never_final_abbreviations() {
        for abbr in NEVER_FINAL {
            let abbr = std::str::from_utf8(abbr).unwrap();
            let s = format!("See {abbr} Smith 4 here. Next one.");
            assert_eq!(sentences(&s).len(), 2, "{s}");
        }
        assert_eq!(
            sentences("On Jan. 5 Dr. Lee met Gov. Hale at St. Paul."),
            vec!["On Jan. 5 Dr. Lee met Gov. Hale at St. Paul."]
        );
        assert_eq!(
            sentences("Prices (e.g. Fuel) rose."),
            vec!["Prices (e.g. Fuel) rose."]
        );
        assert_eq!(
            sentences("See pp. 4-6 and No. 7."),
            vec!["See pp. 4-6 and No. 7."]
        );
    }

    #[test]
    fn lowercase_forms_of_title_abbreviations_do_split() {
        assert_eq!(
            sentences("I said no. Then I left."),
            vec!["I said no.", "Then I left."]
        );
    }

    #[test]
    fn maybe_final_split_only_before_openers() {
        assert_eq!(
            sentences("She joined Acme Inc. The firm grew."),
            vec!["She joined Acme Inc.", "The firm grew."]
        );
        assert_eq!(
            sentences("Acme Inc. Chief Jo Ray spoke."),
            vec!["Acme Inc. Chief Jo Ray spoke."]
        );
        assert_eq!(
            sentences("Ask Smith Co. It knows."),
            vec!["Ask Smith Co.", "It knows."]
        );
        assert_eq!(
            sentences("Pens, ink, etc. Paper too."),
            vec!["Pens, ink, etc. Paper too."]
        );
        assert_eq!(
            sentences("Pens, ink, etc. But not paper."),
            vec!["Pens, ink, etc.", "But not paper."]
        );
        assert_eq!(
            sentences("Al Jones Jr. He won."),
            vec!["Al Jones Jr.", "He won."]
        );
        assert_eq!(
            sentences("Al Jones Jr. Day is held."),
            vec!["Al Jones Jr. Day is held."]
        );
    }

    #[test]
    fn dotted_abbreviations_both_ways() {
        assert_eq!(
            sentences("It moved to the U.S. The move cost $4 million."),
            vec!["It moved to the U.S.", "The move cost $4 million."]
        );
        assert_eq!(
            sentences("The U.S. Senate voted 52-48."),
            vec!["The U.S. Senate voted 52-48."]
        );
        assert_eq!(
            sentences("Shares in the U.K. Rose 4%."),
            vec!["Shares in the U.K. Rose 4%."]
        );
        assert_eq!(
            sentences("Talks at the U.N. However, none."),
            vec!["Talks at the U.N.", "However, none."]
        );
        assert_eq!(
            sentences("An E.U. Member state."),
            vec!["An E.U. Member state."]
        );
        assert_eq!(sentences("At 9 a.m. We met."), vec!["At 9 a.m.", "We met."]);
        assert_eq!(
            sentences("At 9 p.m. Eastern time."),
            vec!["At 9 p.m. Eastern time."]
        );
        assert_eq!(sentences("By J.K. Rowling."), vec!["By J.K. Rowling."]);
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            sentences("J. K. Rowling wrote it."),
            vec!["J. K. Rowling wrote it."]
        );
        assert_eq!(
            sentences("John F. Kennedy spoke."),
            vec!["John F. Kennedy spoke."]
        );
        assert_eq!(
            sentences("So did I. Then we ate."),
            vec!["So did I.", "Then we ate."]
        );
        assert_eq!(sentences("Plan x. Then y."), vec!["Plan x.", "Then y."]);
    }

    #[test]
    fn quotes_and_brackets() {
        assert_eq!(
            sentences("\"Why?\" she asked."),
            vec!["\"Why?\" she asked."]
        );
        assert_eq!(
            sentences("“Why?” she asked. “Because.” He left."),
            vec!["“Why?” she asked.", "“Because.”", "He left."]
        );
        assert_eq!(
            sentences("He said \"stop.\" Then 'go.' Fine."),
            vec!["He said \"stop.\"", "Then 'go.'", "Fine."]
        );
        assert_eq!(
            sentences("(It rose.) Then fell."),
            vec!["(It rose.)", "Then fell."]
        );
        assert_eq!(
            sentences("It rose. (Then fell.)"),
            vec!["It rose.", "(Then fell.)"]
        );
        assert_eq!(
            sentences("It rose. “Then fell.”"),
            vec!["It rose.", "“Then fell.”"]
        );
        assert_eq!(
            sentences("Sales grew (approx. 3%) here."),
            vec!["Sales grew (approx. 3%) here."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(sentences("Wait... what now?"), vec!["Wait... what now?"]);
        assert_eq!(sentences("Wait… what now?"), vec!["Wait… what now?"]);
        assert_eq!(
            sentences("It fell... Then rose."),
            vec!["It fell...", "Then rose."]
        );
        assert_eq!(
            sentences("It fell… Then rose."),
            vec!["It fell…", "Then rose."]
        );
    }

    #[test]
    fn currency_and_unicode_starts() {
        assert_eq!(
            sentences("It fell. $5 was lost."),
            vec!["It fell.", "$5 was lost."]
        );
        assert_eq!(
            sentences("It fell. €5 was lost."),
            vec!["It fell.", "€5 was lost."]
        );
        assert_eq!(sentences("Ja. Über alles."), vec!["Ja.", "Über alles."]);
    }

    #[test]
    fn newlines_are_soft() {
        assert_eq!(
            sentences("It rose\nSharply today. Next\nline."),
            vec!["It rose\nSharply today.", "Next\nline."]
        );
    }

    #[test]
    fn list_numbers_do_not_stand_alone() {
        assert_eq!(
            sentences("1. First step. 2. Second step."),
            vec!["1. First step.", "2. Second step."]
        );
        assert_eq!(
            sentences("In 1990. 2001 was next."),
            vec!["In 1990.", "2001 was next."]
        );
    }

    #[test]
    fn long_tokens_are_not_abbreviations() {
        let s = format!("See {}. Next.", "x".repeat(40));
        assert_eq!(sentences(&s).len(), 2);
    }

    #[test]
    fn sub_span_respected() {
        let s = "xx One. Two. yy Three. Four.";
        let out = split_all(s, [Span::new(3, 12), Span::new(16, 28)]);
        assert_eq!(
            out,
            vec![
                Span::new(3, 7),
                Span::new(8, 12),
                Span::new(16, 22),
                Span::new(23, 28)
            ]
        );
    }

    #[test]
    fn terminator_at_block_end_and_masked_gaps() {
        assert_eq!(sentences("Done."), vec!["Done."]);
        assert_eq!(
            sentences("Run    . Then     ."),
            vec!["Run    .", "Then     ."]
        );
    }
}
