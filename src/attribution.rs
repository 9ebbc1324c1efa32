//! Attribution: for every figure, whether the draft says who it comes from, and who.
//!
//! A *cue* is the wording that names a source: a reporting verb (`the ONS said`,
//! `a poll found`, `figures show`), `according to X`, `figures from X`, `reportedly`, a
//! Markdown link or footnote, a claim or forecast (`who claim that`, `analysts'
//! forecasts of`), or a direct quote whose speaker is named beside it.
//!
//! How far a cue reaches:
//! - a reporting cue attributes every figure of its sentence, and of the next
//!   [`FOLLOW_ON_SENTENCES`] sentences of its paragraph (reported speech runs on: "The
//!   ministry said exports rose 4%. Imports fell 2%.");
//! - when every reporting cue of a paragraph names the same source, it attributes the
//!   whole paragraph, before the cue too;
//! - a claim or forecast attributes only the figures of its own sentence that follow it
//!   ("X won 73 seats; rivals claim they hold 88" sources the 88, not the 73);
//! - a figure inside a direct quote is the speaker's when the speaker is named in the
//!   quote's sentence or the next, or, for a paragraph that is all quote, in the
//!   paragraph before.
//!
//! Cue words inside direct quotes are the speaker's words and never cues. Verbs are
//! matched lower-case only, so headline capitals (`Trump Confirms Visit`) are not cues.
//! A pronoun source (`he said`) is resolved to the last named source before it.
//!
//! Cost: cues are looked for only in the paragraphs that hold figures (and, for pronouns
//! and quote-only paragraphs, the paragraphs just before them), in time linear in their
//! length.

use crate::document::{BlockKind, Document, SourceFormat};
use crate::figure::Figure;
use crate::span::Span;
use serde::Serialize;
use std::collections::HashMap;

/// How many sentences after a reporting cue, in its paragraph, it still covers.
pub const FOLLOW_ON_SENTENCES: usize = 1;

/// The kind of wording that attributes a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// A verb of saying: said, says, told, added, noted, announced, confirmed...
    Said,
    /// `according to X`.
    AccordingTo,
    /// reported, reports, reportedly.
    Reported,
    /// A data source and its verb, or its provenance: `figures show`, `a poll found`,
    /// `figures from the ONS`, `a Home Office report put the average at`.
    Data,
    /// A forecast or estimate: `analysts' forecasts of`, `the council expects`.
    Estimate,
    /// A claim: `who claim that`, `alleged`.
    Claim,
    /// A Markdown link in the sentence.
    Link,
    /// A Markdown footnote reference in the sentence.
    Footnote,
    /// Inside a direct quote whose speaker is named.
    Quote,
}

impl Cue {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Cue::Said => "said",
            Cue::AccordingTo => "according_to",
            Cue::Reported => "reported",
            Cue::Data => "data",
            Cue::Estimate => "estimate",
            Cue::Claim => "claim",
            Cue::Link => "link",
            Cue::Footnote => "footnote",
            Cue::Quote => "quote",
        }
    }

    /// True for cues that reach only the figures after them in their own sentence.
    fn is_local(self) -> bool {
        matches!(self, Cue::Claim | Cue::Estimate)
    }
}

/// How a figure came to be attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// The cue is in the figure's sentence.
    Sentence,
    /// The figure is in a direct quote with a named speaker.
    Quote,
    /// The cue is in one of the sentences just before, in the same paragraph.
    FollowOn,
    /// The paragraph's only source.
    Paragraph,
}

/// Where a figure comes from, according to the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// The kind of wording that attributes it.
    pub cue: Cue,
    /// The cue's words (`said`, `according to`, the link, the quote).
    pub cue_span: Span,
    /// The source as named (`the Office for National Statistics`, `Zelenskiy`): for a
    /// pronoun (`he said`), the name it stands for when one was found before it. `None`
    /// when the cue names nobody (`reportedly`, `figures show`).
    pub source: Option<Span>,
    /// How the cue reaches the figure.
    pub reach: Reach,
}

/// A cue found in the text.
#[derive(Debug, Clone, Copy)]
struct CueHit {
    cue: Cue,
    span: Span,
    source: Option<Span>,
    /// Index into `doc.sentences`.
    sentence: usize,
}

/// The attribution of each figure of `doc`, in the same order as `figures`.
pub fn attribute(doc: &Document, figures: &[Figure]) -> Vec<Option<Attribution>> {
    let mut attributor = Attributor::new(doc);
    figures
        .iter()
        .map(|f| attributor.attribution_of(f))
        .collect()
}

/// The cues and quotes of one block, found once.
#[derive(Debug, Default)]
struct BlockCues {
    /// In order of position (so also of sentence).
    cues: Vec<CueHit>,
    /// In order of position.
    quotes: Vec<Span>,
    /// The paragraph's single source, once known: `Some(None)` when it has none or more
    /// than one.
    single: Option<Option<CueHit>>,
}

/// Answers attribution questions about the figures of one document, finding the cues
/// of each paragraph once, when first asked.
pub struct Attributor<'a> {
    doc: &'a Document,
    blocks: HashMap<usize, BlockCues>,
}

/// A reporting cue near a figure that does not reach it: what an editor could extend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NearMiss {
    /// The cue's kind.
    pub cue: Cue,
    /// The cue's words.
    pub cue_span: Span,
    /// The source it names, pronouns resolved.
    pub source: Option<Span>,
    /// True when it is in the paragraph before the figure's, not in the figure's own.
    pub previous_paragraph: bool,
}

impl<'a> Attributor<'a> {
    /// An attributor for `doc`; it does no work until asked.
    pub fn new(doc: &'a Document) -> Self {
        Attributor {
            doc,
            blocks: HashMap::new(),
        }
    }

    fn block(&mut self, index: usize) -> &mut BlockCues {
        let doc = self.doc;
        self.blocks
            .entry(index)
            .or_insert_with(|| scan_block(doc, index))
    }

    /// True when `span` lies inside a direct quote.
    pub fn in_quote(&mut self, span: Span) -> bool {
        let Some(block_index) = self.doc.block_at(span.start) else {
            return false;
        };
        quote_around(&self.block(block_index).quotes, span).is_some()
    }

    /// Where `figure` comes from, according to the draft; `None` when the draft does not
    /// say.
    pub fn attribution_of(&mut self, figure: &Figure) -> Option<Attribution> {
        let doc = self.doc;
        let block_index = doc.block_at(figure.span.start)?;
        if doc.blocks[block_index].kind != BlockKind::Paragraph {
            return None;
        }
        let sentence = sentence_at(doc, figure.span.start)?;
        let found = self.block(block_index);
        let quote = quote_around(&found.quotes, figure.span);
        // The cues of the figure's sentence and the few before it.
        let first = found
            .cues
            .partition_point(|c| c.sentence + FOLLOW_ON_SENTENCES < sentence);
        let last = found.cues.partition_point(|c| c.sentence <= sentence);
        let window = &found.cues[first..last];
        // The nearest cue in the figure's own sentence, and the last reporting cue of the
        // sentences just before (copied out, as `finish` needs `self` again).
        let in_sentence = window
            .iter()
            .filter(|c| c.sentence == sentence)
            .filter(|c| !c.cue.is_local() || figure.span.start >= c.span.start)
            .min_by_key(|c| distance(c.span, figure.span))
            .copied();
        let follow_on = window
            .iter()
            .rev()
            .find(|c| !c.cue.is_local() && c.sentence < sentence)
            .copied();

        // 1. A cue in the figure's own sentence.
        if let Some(c) = in_sentence {
            let reach = if quote.is_some() {
                Reach::Quote
            } else {
                Reach::Sentence
            };
            return Some(self.finish(&c, reach));
        }

        // 2. A direct quote and its speaker.
        if let Some(q) = quote
            && let Some(hit) = self.speaker_of(q, block_index)
        {
            return Some(self.finish(&hit, Reach::Quote));
        }

        // 3. A reporting cue in the sentences just before, in this paragraph.
        if let Some(c) = follow_on {
            return Some(self.finish(&c, Reach::FollowOn));
        }

        // 4. The paragraph's single source.
        let single = self.single_source(block_index)?;
        Some(self.finish(&single, Reach::Paragraph))
    }

    /// The nearest reporting cue that does not reach `figure`: in its paragraph, else
    /// the last one of the paragraph before.
    pub fn near_miss(&mut self, figure: &Figure) -> Option<NearMiss> {
        let doc = self.doc;
        let block_index = doc.block_at(figure.span.start)?;
        let found = self.block(block_index);
        let nearest = found
            .cues
            .iter()
            .filter(|c| !c.cue.is_local())
            .min_by_key(|c| distance(c.span, figure.span))
            .copied();
        let (hit, previous_paragraph) = match nearest {
            Some(hit) => (hit, false),
            None if block_index > 0 => {
                let before = self.block(block_index - 1);
                let hit = before
                    .cues
                    .iter()
                    .rev()
                    .find(|c| !c.cue.is_local())
                    .copied()?;
                (hit, true)
            }
            None => return None,
        };
        let hit = self.resolve(&hit);
        Some(NearMiss {
            cue: hit.cue,
            cue_span: hit.span,
            source: hit.source,
            previous_paragraph,
        })
    }

    /// The paragraph's one source, when all its reporting cues name the same one.
    fn single_source(&mut self, block_index: usize) -> Option<CueHit> {
        if let Some(known) = self.block(block_index).single {
            return known;
        }
        let doc = self.doc;
        let reporting: Vec<CueHit> = self
            .block(block_index)
            .cues
            .iter()
            .filter(|c| !c.cue.is_local())
            .copied()
            .collect();
        let key = |s: Option<Span>| s.map(|s| source_key(s.slice(&doc.text)));
        let mut keys = reporting.iter().map(|c| key(self.resolve(c).source));
        let single = match keys.next() {
            Some(Some(first)) if keys.all(|k| k.as_ref() == Some(&first)) => Some(reporting[0]),
            _ => None,
        };
        self.block(block_index).single = Some(single);
        single
    }

    fn finish(&mut self, hit: &CueHit, reach: Reach) -> Attribution {
        let hit = self.resolve(hit);
        Attribution {
            cue: hit.cue,
            cue_span: hit.span,
            source: hit.source,
            reach,
        }
    }

    /// The cue with a pronoun source replaced by the last named source before it.
    fn resolve(&mut self, hit: &CueHit) -> CueHit {
        let doc = self.doc;
        let Some(source) = hit.source else {
            return *hit;
        };
        let wants_name = match source.slice(&doc.text).to_ascii_lowercase().as_str() {
            "he" | "she" => true,
            "they" | "it" | "we" => false,
            _ => return *hit,
        };
        let Some(mut block_index) = doc.block_at(source.start) else {
            return *hit;
        };
        // Look back through this paragraph and at most a few before it.
        for _ in 0..8 {
            let found = self.block(block_index);
            let before = found.cues.partition_point(|c| c.span.start < source.start);
            let antecedent = found.cues[..before]
                .iter()
                .rev()
                .filter_map(|c| c.source)
                .find(|s| {
                    let t = s.slice(&doc.text);
                    !is_pronoun(t) && (!wants_name || has_name(t))
                });
            if let Some(name) = antecedent {
                return CueHit {
                    source: Some(name),
                    ..*hit
                };
            }
            if block_index == 0 {
                break;
            }
            block_index -= 1;
        }
        *hit
    }

    /// The cue naming the speaker of quote `q` in block `block_index`.
    fn speaker_of(&mut self, q: Span, block_index: usize) -> Option<CueHit> {
        let doc = self.doc;
        let speech = |c: &&CueHit| matches!(c.cue, Cue::Said | Cue::Reported | Cue::AccordingTo);
        let start_sentence = sentence_at(doc, q.start)?;
        let end_sentence = sentence_at(doc, q.end.saturating_sub(1)).unwrap_or(start_sentence);
        let cues = &self.block(block_index).cues;
        let first = cues.partition_point(|c| c.sentence < start_sentence);
        let near = cues[first..]
            .iter()
            .take_while(|c| c.sentence <= end_sentence + 1)
            .find(speech)
            .copied();
        if let Some(c) = near {
            return Some(CueHit {
                cue: Cue::Quote,
                span: q,
                ..c
            });
        }
        // A paragraph that is all quote: the speaker of the paragraph before.
        let block = doc.blocks[block_index].span;
        let whole = q.start <= block.start + 3 && q.end + 3 >= block.end;
        if whole && block_index > 0 {
            let before = self.block(block_index - 1);
            if let Some(c) = before.cues.iter().rev().find(speech) {
                return Some(CueHit {
                    cue: Cue::Quote,
                    span: q,
                    ..*c
                });
            }
        }
        None
    }
}

/// The quote of `quotes` (sorted, not nested) that holds `span`.
fn quote_around(quotes: &[Span], span: Span) -> Option<Span> {
    let i = quotes.partition_point(|q| q.end < span.end);
    quotes
        .get(i)
        .copied()
        .filter(|q| q.start <= span.start && span.end <= q.end)
}
fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

fn sentence_at(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.sentences.partition_point(|s| s.end <= offset);
    (i < doc.sentences.len() && doc.sentences[i].start <= offset).then_some(i)
}

/// A source's text normalized for comparison: lower-case, no leading article.
fn source_key(text: &str) -> String {
    let lower = text.to_lowercase();
    let trimmed = lower
        .strip_prefix("the ")
        .or_else(|| lower.strip_prefix("a "))
        .unwrap_or(&lower);
    trimmed.to_owned()
}

fn is_pronoun(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "you"
    )
}

/// True when a source names someone: it has a capitalized word.
fn has_name(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

// ---------------------------------------------------------------------------------------
// Finding cues in a block.

/// A word of prose: its byte range in the document.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// Verbs of saying: the subject (or, inverted, the phrase after) is the source.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "stated",
    "explained",
    "insisted",
    "insists",
    "argued",
    "argues",
    "warned",
    "warns",
    "stressed",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "revealed",
    "reveals",
    "disclosed",
    "discloses",
    "acknowledged",
    "admitted",
    "conceded",
    "reiterated",
    "predicted",
    "predicts",
    "calculated",
    "wrote",
    "writes",
    "saying",
    "telling",
    "adding",
    "noting",
    "warning",
    "reported",
];

/// Verbs that make a cue only after a data source or an organisation (`figures show`,
/// `the poll found`, `a government watchdog has found`).
const DATA_VERBS: &[&str] = &[
    "logged",
    "recorded",
    "counted",
    "registered",
    "gives",
    "gave",
    "lists",
    "listed",
    "show",
    "shows",
    "showed",
    "found",
    "finds",
    "suggest",
    "suggests",
    "suggested",
    "indicate",
    "indicates",
    "indicated",
    "notes",
    "put",
    "puts",
    "point",
    "points",
    "pointed",
];

/// Nouns that name a data source: with one of these as subject, a data verb is a cue
/// (`figures show`, `the poll found`).
const DATA_NOUNS: &[&str] = &[
    "figures",
    "data",
    "statistics",
    "stats",
    "numbers",
    "survey",
    "surveys",
    "poll",
    "study",
    "studies",
    "report",
    "reports",
    "research",
    "analysis",
    "audit",
    "review",
    "census",
    "estimates",
    "results",
    "findings",
    "model",
    "index",
    "records",
    "inquiry",
    "investigation",
    "minutes",
    "accounts",
    "filings",
    "register",
    "count",
    "tally",
];

/// Nouns that name an institution or a group of people who publish figures: a data verb
/// after one of these is a cue only when it reports (`the watchdog found that`, `... has
/// found.`) or logs (`the weather service logged 70 reports`), not in `the council found
/// savings`.
const BODY_NOUNS: &[&str] = &[
    "watchdog",
    "regulator",
    "researchers",
    "analysts",
    "economists",
    "officials",
    "authorities",
    "police",
    "government",
    "ministry",
    "department",
    "agency",
    "service",
    "bureau",
    "institute",
    "authority",
    "board",
    "bank",
    "committee",
    "association",
    "federation",
    "organisation",
    "organization",
    "office",
    "commission",
    "council",
    "company",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Data verbs that report a tally whoever the subject is (`logged`, `recorded`).
const TALLY_VERBS: &[&str] = &["logged", "recorded", "counted", "registered"];

/// Claim verbs: the source's claim, reaching only what follows in the sentence.
const CLAIM_VERBS: &[&str] = &["claim", "claims", "claimed", "alleged", "alleges", "allege"];

/// Forecast verbs and nouns, reaching only what follows in the sentence.
const FORECAST_VERBS: &[&str] = &["expects", "anticipates", "estimate", "estimated"];
const FORECAST_NOUNS: &[&str] = &[
    "forecast",
    "forecasts",
    "estimate",
    "projection",
    "projections",
    "prediction",
    "predictions",
];

/// Words before a verb that make it passive or adjectival, not a cue (`an estimated 2
/// million`, `was reported`).
const NOT_BEFORE_VERB: &[&str] = &[
    "a", "an", "the", "is", "was", "were", "are", "be", "been", "being", "to",
];

/// Leading words of a subject phrase that are not part of the source.
const LEADING_FILLER: &[&str] = &[
    "and",
    "but",
    "while",
    "as",
    "so",
    "yet",
    "then",
    "that",
    "because",
    "although",
    "though",
    "when",
    "if",
    "where",
    "meanwhile",
    "however",
    "also",
    "now",
    "with",
];

/// Words that open a clause: a subject phrase starts after the last of them.
const CLAUSE_OPENERS: &[&str] = &[
    "until", "before", "after", "since", "unless", "whereas", "whether", "than", "because",
    "although", "though", "while", "when", "where", "if", "once", "as", "and", "but", "that", "so",
    "yet", "or", "nor", "is", "are", "was", "were",
];

/// Trailing words of a subject phrase that are not part of the source.
const TRAILING_FILLER: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "also",
    "now",
    "today",
    "yesterday",
    "again",
    "later",
    "previously",
    "recently",
    "already",
    "earlier",
    "repeatedly",
    "first",
    "last",
    "had",
    "been",
    "once",
    "likewise",
    "too",
    "separately",
    "did",
    "does",
    "do",
    "not",
];

/// Finite verbs that show a clause follows a verb of saying.
const FINITE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "had", "has", "have", "would", "will", "could", "can", "may",
    "might", "should", "must",
];

/// Words after a comma-verb that show the source follows it (`, said the report`).
const INVERTED_HEADS: &[&str] = &[
    "the",
    "a",
    "an",
    "economist",
    "analyst",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officials",
    "police",
    "researchers",
    "experts",
    "chairman",
    "chairwoman",
    "minister",
    "director",
    "professor",
    "dr",
    "mr",
    "mrs",
    "ms",
];

fn scan_block(doc: &Document, block_index: usize) -> BlockCues {
    let block = doc.blocks[block_index];
    let prose = &doc.prose;
    let quotes = find_quotes(prose, block.span);
    let in_quote = |offset: usize| quote_around(&quotes, Span::new(offset, offset + 1)).is_some();
    let first = doc.sentences.partition_point(|s| s.end <= block.span.start);
    let mut cues = Vec::new();
    // One buffer for the words of every sentence.
    let mut words = Vec::new();
    for (sentence_index, sentence) in doc.sentences.iter().enumerate().skip(first) {
        if sentence.start >= block.span.end {
            break;
        }
        words_in(prose, *sentence, &mut words);
        let words = &words[..];
        for (i, w) in words.iter().enumerate() {
            // Most words are no cue word at all: turn them away before anything else.
            if !may_start_cue(&prose[w.start..w.end]) || in_quote(w.start) {
                continue;
            }
            if let Some((cue, span, source)) = cue_at(doc, words, i, *sentence, &in_quote) {
                cues.push(CueHit {
                    cue,
                    span,
                    source,
                    sentence: sentence_index,
                });
            }
        }
        if doc.format == SourceFormat::Markdown {
            cues.extend(link_cues(doc, *sentence, sentence_index));
        }
    }
    BlockCues {
        cues,
        quotes,
        single: None,
    }
}

/// The cue at word `i`, if it starts one: its kind, its words and its source.
fn cue_at(
    doc: &Document,
    words: &[Word],
    i: usize,
    sentence: Span,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<(Cue, Span, Option<Span>)> {
    let text = &doc.prose;
    let word = |k: usize| &text[words[k].start..words[k].end];
    let w = word(i);
    let span = Span::new(words[i].start, words[i].end);
    let prev = (i > 0).then(|| word(i - 1).to_ascii_lowercase());
    let next = words.get(i + 1).map(|n| &text[n.start..n.end]);

    if w.eq_ignore_ascii_case("according") && next == Some("to") {
        let source = phrase_after(text, words, i + 2, in_quote);
        return Some((
            Cue::AccordingTo,
            Span::new(span.start, words[i + 1].end),
            source,
        ));
    }
    if w == "reportedly" {
        return Some((Cue::Reported, span, None));
    }
    // `figures from the ONS`, `data from Eurostat`.
    if matches!(
        w.to_ascii_lowercase().as_str(),
        "figures" | "data" | "statistics" | "estimates" | "numbers"
    ) && next == Some("from")
        && words
            .get(i + 2)
            .is_some_and(|n| !gap_is_boundary(text, words[i + 1].end, n.start))
    {
        let end = phrase_end(text, words, i + 2, in_quote);
        return Some((
            Cue::Data,
            span,
            Some(Span::new(words[i].start, words[end - 1].end)),
        ));
    }
    if CLAIM_VERBS.contains(&w) {
        let source = subject_before(doc, words, i, in_quote);
        return Some((Cue::Claim, span, source));
    }
    if FORECAST_NOUNS.contains(&w)
        && matches!(next, Some("of" | "that" | "for"))
        && i > 0
        && !gap_is_boundary(text, words[i - 1].end, words[i].start)
    {
        // `analysts' forecasts of`: the possessive before names the source.
        let source = prev
            .as_deref()
            .filter(|p| p.ends_with('\'') || p.ends_with("'s") || p.ends_with("’s"))
            .map(|_| {
                // Back over the capitalized words of the owner: `Wall Street analysts'`.
                let mut k = i - 1;
                while k > 0
                    && !gap_is_boundary(text, words[k - 1].end, words[k].start)
                    && word(k - 1).starts_with(char::is_uppercase)
                {
                    k -= 1;
                }
                Span::new(words[k].start, words[i - 1].end)
            });
        return Some((Cue::Estimate, span, source));
    }
    if FORECAST_VERBS.contains(&w)
        && prev
            .as_deref()
            .is_none_or(|p| !NOT_BEFORE_VERB.contains(&p))
    {
        let source = subject_before(doc, words, i, in_quote);
        return Some((Cue::Estimate, span, source));
    }
    if SPEECH_VERBS.contains(&w) {
        if prev
            .as_deref()
            .is_some_and(|p| NOT_BEFORE_VERB.contains(&p))
        {
            return None;
        }
        // `added` and `adds` also mean arithmetic (`added 5,000 jobs`): speech only when
        // followed by `that`, a comma or the end of the sentence.
        if matches!(w, "added" | "adds") && !after_is_speech(text, words, i) {
            return None;
        }
        // `403 reported cases`: a verb never follows a bare number.
        if i > 0
            && word(i - 1).starts_with(|c: char| c.is_ascii_digit())
            && text[words[i - 1].end..words[i].start].trim().is_empty()
        {
            return None;
        }
        let cue = if w == "reported" {
            Cue::Reported
        } else {
            Cue::Said
        };
        let source = speaker(doc, words, i, sentence, in_quote);
        return Some((cue, span, source));
    }
    if DATA_VERBS.contains(&w) {
        if matches!(w, "put" | "puts")
            && !words[i + 1..]
                .iter()
                .take(5)
                .any(|n| &text[n.start..n.end] == "at")
        {
            return None;
        }
        if matches!(w, "point" | "points" | "pointed") && !matches!(next, Some("to" | "out")) {
            return None;
        }
        let subject = subject_before(doc, words, i, in_quote)?;
        let subject_text = subject.slice(&doc.text);
        // A data noun makes the subject a source (`the poll found`); an institution or a
        // name does when the verb reports (`the watchdog found that`, `... has found.`)
        // or tallies (`the weather service logged`), not in `Shaw found Walder`.
        let has_noun = |nouns: &[&str]| {
            subject_text.split_whitespace().any(|t| {
                let t = t
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase();
                let t = t
                    .strip_suffix("'s")
                    .or_else(|| t.strip_suffix("’s"))
                    .unwrap_or(&t);
                nouns.contains(&t)
            })
        };
        let reports = next == Some("that") || after_is_speech(text, words, i);
        let body = has_noun(BODY_NOUNS);
        let named = names_someone(subject_text, subject.start == sentence.start);
        let sourced = has_noun(DATA_NOUNS)
            || ((body || named) && reports)
            || (body && TALLY_VERBS.contains(&w));
        if !sourced {
            return None;
        }
        return Some((Cue::Data, span, Some(subject)));
    }
    None
}

/// The words a cue can start with: the verb and noun lists, `according`, `reportedly`
/// and the nouns of `figures from`.
const CUE_WORDS: &[&[&str]] = &[
    SPEECH_VERBS,
    DATA_VERBS,
    CLAIM_VERBS,
    FORECAST_VERBS,
    FORECAST_NOUNS,
    &[
        "according",
        "reportedly",
        "figures",
        "data",
        "statistics",
        "estimates",
        "numbers",
    ],
];

/// The shapes of [`CUE_WORDS`]: by first and last letter, a bit for each length, so
/// that most words are turned away before any list is read.
const CUE_SHAPES: [[u32; 26]; 26] = {
    let mut table = [[0u32; 26]; 26];
    let mut l = 0;
    while l < CUE_WORDS.len() {
        let mut k = 0;
        while k < CUE_WORDS[l].len() {
            let w = CUE_WORDS[l][k].as_bytes();
            let first = (w[0] - b'a') as usize;
            let last = (w[w.len() - 1] - b'a') as usize;
            table[first][last] |= 1 << w.len();
            k += 1;
        }
        l += 1;
    }
    table
};

/// False when `w` is surely no word of [`CUE_WORDS`], in any letter case.
fn may_start_cue(w: &str) -> bool {
    let b = w.as_bytes();
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return false;
    };
    let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    b.len() < 32
        && first.is_ascii_lowercase()
        && last.is_ascii_lowercase()
        && CUE_SHAPES[usize::from(first - b'a')][usize::from(last - b'a')] & (1 << b.len()) != 0
}

/// True when a verb at word `i` is followed by `that`, a boundary or the sentence end.
fn after_is_speech(text: &str, words: &[Word], i: usize) -> bool {
    match words.get(i + 1) {
        None => true,
        Some(n) => &text[n.start..n.end] == "that" || gap_is_boundary(text, words[i].end, n.start),
    }
}

/// The source of a speech verb at word `i`: its subject, or the phrase after it when the
/// order is inverted (`," said economist Ann Lee`, `, said the report`).
fn speaker(
    doc: &Document,
    words: &[Word],
    i: usize,
    sentence: Span,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    let text = &doc.prose;
    let gap_before = if i > 0 {
        &text[words[i - 1].end..words[i].start]
    } else {
        &text[sentence.start..words[i].start]
    };
    let next_lower = words
        .get(i + 1)
        .map(|n| text[n.start..n.end].to_ascii_lowercase());
    let quote_before = gap_before.contains(['"', '“', '”']);
    let comma_before = gap_before.contains(',');
    // `, said the report` is inverted; `, said the figures were good` is not: there the
    // words after the verb are a clause of their own.
    let clause_follows = words[i + 1..]
        .iter()
        .take(12)
        .take_while(|n| n.start < sentence.end)
        .any(|n| FINITE_VERBS.contains(&text[n.start..n.end].to_ascii_lowercase().as_str()));
    let inverted_head = !clause_follows
        && next_lower
            .as_deref()
            .is_some_and(|n| INVERTED_HEADS.contains(&n));
    if (quote_before || (comma_before && inverted_head) || i == 0)
        && words
            .get(i + 1)
            .is_some_and(|n| !gap_is_boundary(text, words[i].end, n.start))
        && let Some(after) = phrase_after(text, words, i + 1, in_quote)
    {
        return Some(after);
    }
    subject_before(doc, words, i, in_quote)
}

/// The subject phrase of the verb at word `i`: the words back to the clause boundary,
/// skipping one comma-enclosed aside (`Shmyhal, outlining the deal, said`), cut at a
/// relative pronoun; `who` reaches back to the name it refers to.
fn subject_before(
    doc: &Document,
    words: &[Word],
    i: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    let text = &doc.prose;
    let lower = |k: usize| text[words[k].start..words[k].end].to_ascii_lowercase();
    let mut end = i;
    let mut start = if i > 0 && !gap_is_boundary(text, words[i - 1].end, words[i].start) {
        run_start(text, words, i, in_quote)
    } else {
        i
    };
    // `who claim`: the name `who` stands for.
    if end > start && lower(end - 1) == "who" {
        end -= 1;
        if end == start {
            return antecedent(doc, words, start, in_quote);
        }
    }
    if start == end {
        // The verb follows a comma: skip the aside before it.
        if start == 0 || in_quote(words[start - 1].start) {
            return None;
        }
        let aside_start = run_start(text, words, start, in_quote);
        if aside_start == 0 || aside_start == start {
            return None;
        }
        end = aside_start;
        start = run_start(text, words, aside_start, in_quote);
    }
    // Cut a relative clause: `A source who spoke with ... said`.
    if let Some(k) = (start + 1..end).find(|&k| matches!(lower(k).as_str(), "who" | "which")) {
        end = k;
    }
    trim_phrase(text, words, start, end)
}

/// The first word of the run that ends before word `end` with no clause boundary (or
/// quoted word) inside it.
fn run_start(text: &str, words: &[Word], end: usize, in_quote: &dyn Fn(usize) -> bool) -> usize {
    let mut start = end;
    while start > 0 {
        let k = start - 1;
        if in_quote(words[k].start)
            || (start < end && gap_is_boundary(text, words[k].end, words[start].start))
        {
            break;
        }
        start = k;
    }
    start
}

/// True when a phrase names someone: a capitalized word other than a sentence's first.
fn names_someone(phrase: &str, starts_sentence: bool) -> bool {
    let rest = if starts_sentence {
        phrase.split_once(' ').map_or("", |(_, rest)| rest)
    } else {
        phrase
    };
    has_name(rest)
}

/// The name a relative `who` at word `at` refers to: back over asides to the nearest
/// segment with a capitalized word.
fn antecedent(
    doc: &Document,
    words: &[Word],
    at: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    let text = &doc.prose;
    let mut end = at;
    let mut fallback = None;
    for _ in 0..4 {
        if end == 0 || in_quote(words[end - 1].start) {
            break;
        }
        let start = run_start(text, words, end, in_quote);
        let aside =
            start > 0 && text[words[start - 1].end..words[start].start].contains(['—', '–']);
        let span = trim_phrase(text, words, start, end);
        if let Some(span) = span.filter(|_| !aside) {
            let t = span.slice(text);
            let appositive = t.starts_with("a ") || t.starts_with("an ");
            if names_someone(t, start == 0) && !appositive {
                return Some(span);
            }
            fallback.get_or_insert(span);
        }
        end = start;
    }
    fallback
}

/// The phrase from word `from` to the next boundary (at most 12 words).
fn phrase_after(
    text: &str,
    words: &[Word],
    from: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Span> {
    if from >= words.len() || in_quote(words[from].start) {
        return None;
    }
    let end = phrase_end(text, words, from, in_quote);
    trim_phrase(text, words, from, end)
}

fn phrase_end(text: &str, words: &[Word], from: usize, in_quote: &dyn Fn(usize) -> bool) -> usize {
    let mut end = from + 1;
    while end < words.len()
        && end - from < 12
        && !in_quote(words[end].start)
        && !gap_is_boundary(text, words[end - 1].end, words[end].start)
        && !matches!(
            &text[words[end].start..words[end].end],
            "that" | "and" | "but" | "who" | "which"
        )
    {
        end += 1;
    }
    end
}

/// `words[start..end]` without filler at either end, at most 12 words; `None` if empty.
fn trim_phrase(text: &str, words: &[Word], mut start: usize, mut end: usize) -> Option<Span> {
    let lower = |k: usize| text[words[k].start..words[k].end].to_ascii_lowercase();
    // The subject starts after the last word that opens a clause (`... until Joe Shaw`).
    if let Some(k) = (start..end)
        .rev()
        .find(|&k| CLAUSE_OPENERS.contains(&lower(k).as_str()))
    {
        start = k + 1;
    }
    while start < end && LEADING_FILLER.contains(&lower(start).as_str()) {
        start += 1;
    }
    while end > start && TRAILING_FILLER.contains(&lower(end - 1).as_str()) {
        end -= 1;
    }
    // Time phrases at the end of a subject: `Trump on Tuesday`.
    if end >= start + 2 && matches!(lower(end - 2).as_str(), "on" | "in" | "last" | "this") {
        end -= 2;
    }
    if end <= start {
        return None;
    }
    if end - start > 12 {
        start = end - 12;
    }
    Some(Span::new(words[start].start, words[end - 1].end))
}

/// True when the text between two words ends a clause: a comma, colon, semicolon,
/// bracket, dash or quote mark (not a currency sign, an apostrophe or a hyphen).
fn gap_is_boundary(text: &str, from: usize, to: usize) -> bool {
    let gap = &text[from..to];
    gap.contains([
        ',', ';', ':', '(', ')', '[', ']', '—', '–', '"', '“', '”', '!', '?',
    ]) || gap.contains(" - ")
}

/// The words of `span`, into `words` (cleared first): runs of letters and digits, with
/// inner apostrophes, hyphens and dots (`Al-Kadhimi`, `NASA's`, `U.S.`) kept.
fn words_in(text: &str, span: Span, words: &mut Vec<Word>) {
    words.clear();
    let slice = &text[span.start..span.end];
    let bytes = slice.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII letters and digits is inside one word: step over it whole.
        if bytes[i].is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i = alphanumeric_end(bytes, i + 1);
            continue;
        }
        // Other ASCII is read byte by byte; other chars are decoded.
        let (c, len) = match bytes[i] {
            b if b.is_ascii() => (char::from(b), 1),
            _ => {
                let c = slice[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                (c, c.len_utf8())
            }
        };
        let alphanumeric = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        let inner = !alphanumeric
            && start.is_some()
            && matches!(c, '\'' | '’' | '-' | '.')
            && slice[i + len..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if alphanumeric || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push(Word {
                start: span.start + s,
                end: span.start + i,
            });
        }
        i += len;
    }
    if let Some(s) = start {
        words.push(Word {
            start: span.start + s,
            end: span.end,
        });
    }
    // A trailing possessive apostrophe belongs to its word (`analysts'`).
    for w in words.iter_mut() {
        if text[w.end..].starts_with('\'') {
            w.end += 1;
        }
    }
}

/// The end of the run of ASCII letters and digits at `bytes[from..]`: the first offset
/// from `from` on that is neither, or the length. Eight bytes are tested at a time.
fn alphanumeric_end(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = from;
    while let Some(chunk) = bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let chunk = u64::from_le_bytes(chunk);
        // Seven bits a byte, so that no sum below carries into the next byte.
        let low = chunk & !HIGH;
        let lower = low | 0x2020_2020_2020_2020;
        let letters = (lower + 0x1f * ONES) & !(lower + 0x05 * ONES);
        let digits = (low + 0x50 * ONES) & !(low + 0x46 * ONES);
        let others = !((letters | digits) & !chunk) & HIGH;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// Direct quotes in a block: `“…”` pairs and straight `"…"` pairs; an unclosed quote runs
/// to the end of the block (a quote continued in the next paragraph).
fn find_quotes(text: &str, block: Span) -> Vec<Span> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = &text.as_bytes()[block.start..block.end];
    // `"` is one byte; `“` and `”` are E2 80 9C and E2 80 9D.
    for i in memchr::memchr2_iter(b'"', 0xE2, bytes) {
        let at = block.start + i;
        match &bytes[i..] {
            [b'"', ..] => match open.take() {
                Some(s) => quotes.push(Span::new(s, at + 1)),
                None => open = Some(at),
            },
            [0xE2, 0x80, 0x9C, ..] if open.is_none() => open = Some(at),
            [0xE2, 0x80, 0x9D, ..] => {
                if let Some(s) = open.take() {
                    quotes.push(Span::new(s, at + 3));
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        quotes.push(Span::new(s, block.end));
    }
    quotes
}

/// Markdown links and footnote references in a sentence of the original text.
fn link_cues(doc: &Document, sentence: Span, sentence_index: usize) -> Vec<CueHit> {
    // A footnote mark often follows the full stop (`...a year.[^1]`): read on to the next
    // space.
    let end = doc.text[sentence.end..]
        .find(char::is_whitespace)
        .map_or(doc.text.len(), |k| sentence.end + k);
    let original = &doc.text[sentence.start..end];
    let mut hits = Vec::new();
    let bytes = original.as_bytes();
    for (i, _) in original.match_indices('[') {
        let Some(close) = original[i + 1..].find(']') else {
            continue;
        };
        let close = i + 1 + close;
        let after = bytes.get(close + 1).copied();
        let span = Span::new(sentence.start + i, sentence.start + close + 1);
        if bytes.get(i + 1) == Some(&b'^') {
            hits.push(CueHit {
                cue: Cue::Footnote,
                span,
                source: None,
                sentence: sentence_index,
            });
        } else if matches!(after, Some(b'(' | b'[')) && close > i + 1 {
            hits.push(CueHit {
                cue: Cue::Link,
                span,
                source: Some(Span::new(span.start + 1, span.end - 1)),
                sentence: sentence_index,
            });
        }
    }
    hits
}

#[cfg(test)]
mod tests;
