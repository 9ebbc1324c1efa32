//! Stable fingerprints of findings, for baselines and GitLab's `fingerprint`.
//!
//! A fingerprint does not depend on line numbers or byte offsets, so it survives edits
//! elsewhere in the file. It is the FNV-1a 64-bit hash of:
//!
//! 1. the version tag `figcheck-fingerprint-1`,
//! 2. the rule id,
//! 3. the text of every span of the finding (the primary first), lower-cased with
//!    whitespace runs collapsed to one space,
//! 4. the words (runs of letters and digits, lower-cased) of the sentence that holds the
//!    primary span — or of its line when it lies in no sentence,
//!
//! each part followed by a 0 byte. Rewrapping a paragraph or changing the case of a word
//! keeps the fingerprint; changing the sentence of the finding makes a new one.
//! FNV-1a is written out here because its output must never change between releases
//! (std's `DefaultHasher` makes no such promise).

use crate::document::Document;
use crate::finding::Finding;
use crate::span::Span;

/// The FNV-1a 64-bit offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// The FNV-1a 64-bit prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// An incremental FNV-1a 64-bit hash.
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(FNV_OFFSET)
    }
}

impl Fnv1a {
    /// A fresh hash.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feed `bytes`.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }

    /// Feed `part` and a 0 byte that ends it.
    pub fn write_part(&mut self, part: &str) {
        self.write(part.as_bytes());
        self.write(&[0]);
    }

    /// The hash of everything fed so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// The FNV-1a 64-bit hash of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h = Fnv1a::new();
    h.write(bytes);
    h.finish()
}

/// A fingerprint as written in baselines and reports: 16 lower-case hex digits.
pub fn to_hex(fingerprint: u64) -> String {
    format!("{fingerprint:016x}")
}

/// Parse 16 hex digits back into a fingerprint.
pub fn from_hex(text: &str) -> Option<u64> {
    if text.len() != 16 {
        return None;
    }
    u64::from_str_radix(text, 16).ok()
}

/// `text` lower-cased with every run of whitespace collapsed to one space and trimmed.
fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The words of `text` (runs of letters and digits), lower-cased, joined by spaces.
fn words(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The sentence of `doc` holding byte `offset`, else the line holding it.
fn context_span(doc: &Document, offset: usize) -> Span {
    let sentences = &doc.sentences;
    let i = sentences.partition_point(|s| s.end <= offset);
    if let Some(s) = sentences.get(i).filter(|s| s.start <= offset) {
        return *s;
    }
    let offset = crate::span::floor_char_boundary(&doc.text, offset.min(doc.text.len()));
    let start = doc.text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = doc.text[offset..]
        .find('\n')
        .map_or(doc.text.len(), |i| offset + i);
    Span::new(start, end)
}

/// The text of `span` in `doc`, or "" when the span does not fall on char boundaries.
fn text_of(doc: &Document, span: Span) -> &str {
    doc.text.get(span.start..span.end).unwrap_or("")
}

/// The fingerprint of `finding` in `doc` (see the module documentation).
pub fn finding_fingerprint(doc: &Document, finding: &Finding) -> u64 {
    let mut h = Fnv1a::new();
    h.write_part("figcheck-fingerprint-1");
    h.write_part(finding.rule);
    for span in finding.spans() {
        h.write_part(&normalized(text_of(doc, span)));
    }
    let context = context_span(doc, finding.primary.span.start);
    h.write_part(&words(text_of(doc, context)));
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceFormat;
    use crate::finding::{Label, Severity};

    #[test]
    fn fnv1a_reference_values() {
        // The published FNV-1a 64-bit test vectors.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn hex_round_trip() {
        let fp = 0x0123_4567_89ab_cdef;
        assert_eq!(to_hex(fp), "0123456789abcdef");
        assert_eq!(from_hex(&to_hex(fp)), Some(fp));
        assert_eq!(from_hex("xyz"), None);
    }

    fn finding_on(text: &str, needle: &str) -> (Document, Finding) {
        let doc = Document::new("a.md", text.to_owned(), SourceFormat::Markdown);
        let start = text.find(needle).unwrap();
        let finding = Finding {
            rule: "majority-below-half",
            severity: Severity::Warning,
            message: "m".into(),
            primary: Label::new(Span::new(start, start + needle.len()), "p"),
            related: vec![],
            help: None,
            fix: None,
        };
        (doc, finding)
    }

    #[test]
    fn survives_edits_elsewhere_and_rewrapping() {
        let (a, fa) = finding_on(
            "Intro.\n\nIt holds the majority of 88 seats in all.\n",
            "88 seats",
        );
        let (b, fb) = finding_on(
            "A new first paragraph.\n\nIntro.\n\nIt holds the majority\nof 88 seats in all.\n",
            "88 seats",
        );
        assert_eq!(finding_fingerprint(&a, &fa), finding_fingerprint(&b, &fb));
        let (c, fc) = finding_on(
            "Intro.\n\nIt holds a majority of 88 seats in all.\n",
            "88 seats",
        );
        assert_ne!(finding_fingerprint(&a, &fa), finding_fingerprint(&c, &fc));
    }

    #[test]
    fn words_and_normalization() {
        assert_eq!(
            words("The **majority** of 88—seats."),
            "the majority of 88 seats"
        );
        assert_eq!(normalized("  88\n  Seats "), "88 seats");
    }
}
