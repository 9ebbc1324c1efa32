//! Byte-level masking shared by both formats: blanking ranges, the byte-order mark, bare
//! URLs and e-mail addresses.
//!
//! All functions work on the `prose` buffer in place. A masked byte becomes an ASCII space
//! except `\n`, which is always kept, so line structure and byte offsets never change.
//! Masked ranges always start and end on character boundaries, so the buffer stays UTF-8.

use memchr::memmem;

/// ASCII whitespace as the document model understands it (space, tab, CR, LF, VT, FF).
///
/// Decision: only ASCII whitespace separates tokens and sentences; masked bytes are spaces,
/// so anything that is not prose also separates them.
#[inline]
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Replace every byte of `bytes` except `\n` with a space.
#[inline]
pub(crate) fn blank(bytes: &mut [u8]) {
    for b in bytes {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// A buffer as long as `text` that is all spaces, with `text`'s newlines kept.
pub(crate) fn blank_copy(text: &[u8]) -> Vec<u8> {
    text.iter()
        .map(|&b| if b == b'\n' { b'\n' } else { b' ' })
        .collect()
}

/// The UTF-8 byte-order mark.
pub(crate) const BOM: &str = "\u{feff}";

/// Length of the byte-order mark at the start of `text` (0 or 3).
pub(crate) fn bom_len(text: &str) -> usize {
    if text.starts_with(BOM) { BOM.len() } else { 0 }
}

/// Mask bare URLs and e-mail addresses in `prose`.
pub(crate) fn mask_links(prose: &mut [u8]) {
    mask_scheme_urls(prose);
    mask_www_urls(prose);
    mask_emails(prose);
}

/// Length of the token-ending character that starts at `i`, or 0 if none does.
///
/// Decision: a URL ends at ASCII whitespace, at `<` or `>`, and at the common Unicode
/// spaces and quotation marks (NBSP, U+2000–U+200B, U+202F, U+3000, curly quotes,
/// guillemets), which never belong to a URL typed in prose.
#[inline]
fn url_stop(p: &[u8], i: usize) -> usize {
    match p[i] {
        b if is_space(b) => 1,
        b'<' | b'>' => 1,
        0xC2 if matches!(p.get(i + 1), Some(0xA0 | 0xAB | 0xBB)) => 2,
        0xE2 if p.get(i + 1) == Some(&0x80)
            && matches!(p.get(i + 2), Some(0x80..=0x8B | 0x98..=0x9F | 0xAF)) =>
        {
            3
        }
        0xE3 if p.get(i + 1) == Some(&0x80) && p.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// The end of the URL token starting at `start`: up to the next stop character, with
/// trailing sentence punctuation trimmed.
///
/// Decision: trailing `. , ; : ! ? ] " '` are trimmed, and `)` too unless the URL holds an
/// unmatched `(` (as in Wikipedia addresses like `…/Mercury_(planet)`).
fn url_end(p: &[u8], start: usize) -> usize {
    let mut end = start;
    let mut open = 0usize;
    let mut close = 0usize;
    while end < p.len() && url_stop(p, end) == 0 {
        match p[end] {
            b'(' => open += 1,
            b')' => close += 1,
            _ => {}
        }
        end += 1;
    }
    while end > start {
        match p[end - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b']' | b'"' | b'\'' => end -= 1,
            b')' if close > open => {
                close -= 1;
                end -= 1;
            }
            _ => break,
        }
    }
    end
}

/// True when the byte before `i` could not continue a word or host name, so a URL may
/// start at `i`.
#[inline]
fn url_boundary_before(p: &[u8], i: usize) -> bool {
    i == 0
        || !matches!(p[i - 1], b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'@' | b'/')
}

/// Mask `scheme://…` URLs.
///
/// Decision: any alphabetic scheme of two or more letters counts (`http`, `https`, `ftp`,
/// `file`, …), not only `http`/`https`.
fn mask_scheme_urls(p: &mut [u8]) {
    let finder = memmem::Finder::new("://");
    let mut pos = 0;
    while let Some(found) = finder.find(&p[pos..]) {
        let colon = pos + found;
        let mut start = colon;
        while start > 0 && p[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        if colon - start < 2 || !url_boundary_before(p, start) {
            pos = colon + 3;
            continue;
        }
        let end = url_end(p, colon + 3).max(colon + 3);
        blank(&mut p[start..end]);
        pos = end;
    }
}

/// Mask `www.…` URLs that are not part of a longer word or address.
fn mask_www_urls(p: &mut [u8]) {
    let finder = memmem::Finder::new("www.");
    let mut pos = 0;
    while let Some(found) = finder.find(&p[pos..]) {
        let start = pos + found;
        let host_follows = p.get(start + 4).is_some_and(u8::is_ascii_alphanumeric);
        if !host_follows || !url_boundary_before(p, start) {
            pos = start + 4;
            continue;
        }
        let end = url_end(p, start);
        blank(&mut p[start..end]);
        pos = end;
    }
}

#[inline]
fn is_local_part(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

#[inline]
fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

/// Mask e-mail addresses (`local@domain.tld`, with an optional `mailto:` before them).
///
/// Decision: the domain must contain a dot and end in a label of two or more letters, so
/// `@handles` and things like `3@5` stay prose.
fn mask_emails(p: &mut [u8]) {
    let mut pos = 0;
    while let Some(found) = memchr::memchr(b'@', &p[pos..]) {
        let at = pos + found;
        pos = at + 1;
        let mut start = at;
        while start > 0 && is_local_part(p[start - 1]) {
            start -= 1;
        }
        while start < at && p[start] == b'.' {
            start += 1;
        }
        let mut end = at + 1;
        while end < p.len() && is_domain(p[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(p[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &p[at + 1..end];
        let valid = start < at
            && match domain.iter().rposition(|&b| b == b'.') {
                Some(dot) => {
                    let tld = &domain[dot + 1..];
                    dot > 0 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)
                }
                None => false,
            };
        if !valid {
            continue;
        }
        if p[..start].ends_with(b"mailto:") {
            start -= "mailto:".len();
        }
        blank(&mut p[start..end]);
        pos = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(s: &str) -> String {
        let mut p = s.as_bytes().to_vec();
        mask_links(&mut p);
        String::from_utf8(p).unwrap()
    }

    /// `s` with each of `parts` (found in order) replaced by spaces.
    fn without(s: &str, parts: &[&str]) -> String {
        let mut out = s.to_owned();
        let mut from = 0;
        for part in parts {
            let at = from + out[from..].find(part).unwrap();
            out.replace_range(at..at + part.len(), &" ".repeat(part.len()));
            from = at + part.len();
        }
        out
    }

    #[test]
    fn scheme_urls_masked_with_trailing_punctuation_kept() {
        let s = "See https://ex.org/a?b=1. Then";
        assert_eq!(masked(s), without(s, &["https://ex.org/a?b=1"]));
        let s = "(http://x.io/y), z";
        assert_eq!(masked(s), without(s, &["http://x.io/y"]));
        let s = "ftp://files.net/f\nnext";
        assert_eq!(masked(s), without(s, &["ftp://files.net/f"]));
        let s = "go to \"HTTPS://a.b/c\"; and https://q.r/s?, ok";
        assert_eq!(masked(s), without(s, &["HTTPS://a.b/c", "https://q.r/s"]));
    }

    #[test]
    fn balanced_parentheses_stay_in_url() {
        let s = "Read https://en.wikipedia.org/wiki/Mercury_(planet) now";
        let m = masked(s);
        assert_eq!(m.trim_end_matches(" now").trim(), "Read");
        let s = "(see https://x.org/page)";
        assert_eq!(masked(s), "(see                   )");
    }

    #[test]
    fn www_urls_masked_only_at_word_start() {
        assert_eq!(masked("Visit www.example.com!"), "Visit                !");
        assert_eq!(
            masked("awww.nope and www. alone"),
            "awww.nope and www. alone"
        );
    }

    #[test]
    fn url_stops_at_unicode_quote_and_nbsp() {
        let s = "“https://a.org/x” and\u{a0}https://b.org\u{a0}5";
        let m = masked(s);
        assert_eq!(m.len(), s.len());
        assert!(m.starts_with("“"));
        assert!(m.contains("” and\u{a0}"));
        assert!(m.ends_with("\u{a0}5"));
        assert!(!m.contains("http"));
    }

    #[test]
    fn single_letter_scheme_and_embedded_scheme_not_urls() {
        assert_eq!(masked("C://dir"), "C://dir");
        assert_eq!(masked("5http://x"), "5http://x");
    }

    #[test]
    fn emails_masked() {
        let s = "Mail jo.doe+x@news.example.co.uk. Or (ann@b.org).";
        assert_eq!(
            masked(s),
            without(s, &["jo.doe+x@news.example.co.uk", "ann@b.org"])
        );
        let s = "Write to mailto:a@b.com now";
        assert_eq!(masked(s), without(s, &["mailto:a@b.com"]));
        let s = "ping @handle or 3@5 or a@b.c1 or x@@y.com or a@.com";
        assert_eq!(masked(s), s);
    }

    #[test]
    fn newlines_survive_masking() {
        let mut p = b"ab\ncd".to_vec();
        blank(&mut p);
        assert_eq!(p, b"  \n  ");
        assert_eq!(blank_copy("é\nx".as_bytes()), b"  \n ");
    }

    #[test]
    fn pathological_inputs_are_linear() {
        let s = "http://".repeat(200_000) + &"a@".repeat(200_000) + &"www.".repeat(200_000);
        let m = masked(&s);
        assert_eq!(m.len(), s.len());
        assert!(m.starts_with("  "));
    }
}
