//! Document-level tests: masking, blocks and sentences through `Document::new`.

use super::*;

fn md(text: &str) -> Document {
    checked(Document::new(
        "t.md",
        text.to_owned(),
        SourceFormat::Markdown,
    ))
}

fn plain(text: &str) -> Document {
    checked(Document::new(
        "t.txt",
        text.to_owned(),
        SourceFormat::PlainText,
    ))
}

/// Assert the invariants every document must satisfy, then hand it back.
fn checked(doc: Document) -> Document {
    let (t, p) = (doc.text.as_bytes(), doc.prose.as_bytes());
    assert_eq!(t.len(), p.len(), "prose length");
    for (i, (&a, &b)) in t.iter().zip(p).enumerate() {
        assert!(
            a == b || (b == b' ' && a != b'\n'),
            "byte {i}: text {a:#x}, prose {b:#x}"
        );
    }
    let mut last_end = 0;
    for block in &doc.blocks {
        assert!(
            block.span.start >= last_end && !block.span.is_empty(),
            "blocks ordered: {:?}",
            doc.blocks
        );
        let s = block.span.slice(&doc.prose);
        assert_eq!(s.trim_ascii(), s, "block trimmed");
        last_end = block.span.end;
    }
    // Every prose byte lies in a block.
    for (i, &b) in p.iter().enumerate() {
        if !mask::is_space(b) {
            assert!(
                doc.block_at(i).is_some(),
                "prose byte {i} ({:?}) outside blocks",
                b as char
            );
        }
    }
    // Sentences: ordered, trimmed, each inside one block, covering every prose byte.
    let mut last_end = 0;
    for s in &doc.sentences {
        assert!(s.start >= last_end && !s.is_empty());
        let text = s.slice(&doc.prose);
        assert_eq!(text.trim_ascii(), text, "sentence trimmed");
        let block = doc.block_at(s.start).expect("sentence in a block");
        assert!(
            doc.blocks[block].span.contains(*s),
            "sentence {s:?} crosses a block"
        );
        last_end = s.end;
    }
    for (i, &b) in p.iter().enumerate() {
        if !mask::is_space(b) {
            assert!(
                doc.sentences.iter().any(|s| s.start <= i && i < s.end),
                "prose byte {i} outside sentences"
            );
        }
    }
    doc
}

fn words(doc: &Document) -> Vec<&str> {
    doc.prose.split_ascii_whitespace().collect()
}

fn blocks(doc: &Document) -> Vec<(&str, BlockKind)> {
    doc.blocks
        .iter()
        .map(|b| (b.span.slice(&doc.text), b.kind))
        .collect()
}

fn sentences(doc: &Document) -> Vec<&str> {
    doc.sentences.iter().map(|s| s.slice(&doc.text)).collect()
}

use BlockKind::{Heading, Paragraph, TableCell};

#[test]
fn code_blocks_are_not_prose() {
    let doc =
        md("Intro 5.\n\n```rust\nlet x = 10;\n```\n\n    indented 20\n\n~~~\n30\n~~~\nOutro.\n");
    assert_eq!(words(&doc), vec!["Intro", "5.", "Outro."]);
    assert_eq!(
        blocks(&doc),
        vec![("Intro 5.", Paragraph), ("Outro.", Paragraph)]
    );
}

#[test]
fn footnote_labels_are_not_prose() {
    let doc =
        md("Sales rose 5%.[^1] Costs[^note-2] fell.\n\n[^1]: Data from 2020.\n\n[^ x] stays.\n");
    assert_eq!(
        words(&doc),
        vec![
            "Sales", "rose", "5%.", "Costs", "fell.", "Data", "from", "2020.", "[^", "x]", "stays."
        ]
    );
}

#[test]
fn inline_code_is_not_prose() {
    let doc = md("Use `x = 3` and ``a `4` b`` now.");
    assert_eq!(words(&doc), vec!["Use", "and", "now."]);
    assert_eq!(sentences(&doc), vec!["Use `x = 3` and ``a `4` b`` now."]);
}

#[test]
fn html_and_comments_are_not_prose() {
    let doc = md(
        "<!-- draft: 40 people -->\n\nText <!-- 50 --> here <b>bold</b>.\n\nA <!-- spans\ntwo 60 lines --> end.\n\n<div>\n70 inside\n</div>\n",
    );
    assert_eq!(words(&doc), vec!["Text", "here", "bold", ".", "A", "end."]);
    assert!(!doc.prose.contains("<b>"));
}

#[test]
fn front_matter_is_not_prose() {
    let yaml = md("---\ntitle: 12 things\ncount: 3\n---\n\n# Heading 4\n");
    assert_eq!(words(&yaml), vec!["Heading", "4"]);
    assert_eq!(blocks(&yaml), vec![("Heading 4", Heading)]);
    let toml = md("+++\ntitle = \"12 things\"\n+++\n\nBody 5.\n");
    assert_eq!(words(&toml), vec!["Body", "5."]);
    // Only at the very start: later `---` is a thematic break / setext underline.
    let later = md("Para 1.\n\n---\n\nPara 2.\n");
    assert_eq!(words(&later), vec!["Para", "1.", "Para", "2."]);
}

#[test]
fn link_text_kept_destination_and_title_masked() {
    let doc = md("Read [the 2023 report](https://x.org/2024 \"Title 9\") today.");
    assert_eq!(words(&doc), vec!["Read", "the", "2023", "report", "today."]);
    let doc = md("See [*bold* 7][ref].\n\n[ref]: https://x.org/8 \"Title 9\"\n");
    assert_eq!(words(&doc), vec!["See", "bold", "7", "."]);
    assert_eq!(blocks(&doc).len(), 1);
}

#[test]
fn images_and_autolinks_are_not_prose() {
    let doc = md("![Chart of 7 items](c.png \"t 8\") after <https://x.org/3> and <a@b.com>.");
    assert_eq!(words(&doc), vec!["after", "and", "."]);
    let doc = md("[![logo 5](l.png) Home 6](/)");
    assert_eq!(words(&doc), vec!["Home", "6"]);
}

#[test]
fn markers_are_not_prose() {
    let doc =
        md("## Title *one* ##\n\nSetext 2\n========\n\n> Quote **3**\n> more\n\n1. Item ~~4~~\n");
    assert_eq!(
        blocks(&doc),
        vec![
            // A span runs from the first to the last PROSE byte: the closing `*` is markup.
            ("Title *one", Heading),
            ("Setext 2", Heading),
            ("Quote **3**\n> more", Paragraph),
            ("Item ~~4~~", Paragraph),
        ]
    );
    assert_eq!(
        words(&doc),
        vec![
            "Title", "one", "Setext", "2", "Quote", "3", "more", "Item", "~~4~~"
        ]
    );
}

#[test]
fn table_cells_are_blocks() {
    let doc = md(
        "Sales by year:\n\n| Year | Sales |\n|------|------:|\n| 2020 | 5 million |\n| **2021** | a \\| b |\n",
    );
    assert_eq!(
        blocks(&doc),
        vec![
            ("Sales by year:", Paragraph),
            ("Year", TableCell),
            ("Sales", TableCell),
            ("2020", TableCell),
            ("5 million", TableCell),
            ("2021", TableCell),
            ("a \\| b", TableCell),
        ]
    );
    // Pipes are markup, except the escaped one, which is cell text.
    assert_eq!(doc.prose.matches('|').count(), 1);
    assert!(!doc.prose.contains("---"));
    assert_eq!(sentences(&doc)[1..3], ["Year", "Sales"]);
}

#[test]
fn nested_list_and_quote_paragraphs() {
    let doc = md(
        "- tight one\n  - nested two\n- three\n\n1. loose para.\n\n   second para.\n\n> Quoted para.\n>\n> - quoted item\n>   > deep quote.\n",
    );
    assert_eq!(
        blocks(&doc),
        vec![
            ("tight one", Paragraph),
            ("nested two", Paragraph),
            ("three", Paragraph),
            ("loose para.", Paragraph),
            ("second para.", Paragraph),
            ("Quoted para.", Paragraph),
            ("quoted item", Paragraph),
            ("deep quote.", Paragraph),
        ]
    );
}

#[test]
fn entities_and_escapes_are_blank() {
    let doc = md("AT&amp;T paid \\$5 &copy; 2024 &#49; \\*not em\\*.");
    assert_eq!(&doc.prose[..9], "AT     T ");
    assert_eq!(
        words(&doc),
        vec!["AT", "T", "paid", "$5", "2024", "*not", "em", "*."]
    );
    // Every byte is either copied exactly or blank: nothing decoded was written.
    assert!(!doc.prose.contains('&') && !doc.prose.contains('\\'));
}

#[test]
fn multibyte_non_prose_is_blanked_per_byte() {
    let text = "`é—ü` café ![ñ 5](ü.png) “ok” 😀";
    let doc = md(text);
    assert_eq!(doc.prose.len(), text.len());
    assert_eq!(words(&doc), vec!["café", "“ok”", "😀"]);
    assert_eq!(doc.prose.matches('é').count(), 1, "only café's é is prose");
    assert_eq!(doc.prose.matches('ñ').count(), 0);
}

#[test]
fn bare_urls_and_emails_in_markdown_prose() {
    let doc = md("Source: https://stats.example.org/2024/q3, by jo@example.com.\n");
    assert_eq!(words(&doc), vec!["Source:", ",", "by", "."]);
    let doc = md("https://example.com/5\n\nNext.");
    assert_eq!(blocks(&doc), vec![("Next.", Paragraph)]);
    let doc = md("Only https://example.com/5\n\nNext.");
    assert_eq!(
        blocks(&doc),
        vec![("Only", Paragraph), ("Next.", Paragraph)]
    );
}

#[test]
fn markdown_bom_is_masked_and_heading_still_found() {
    let doc = md("\u{feff}# Budget 2025\n\nText.");
    assert_eq!(&doc.prose[..3], "   ");
    assert_eq!(
        blocks(&doc),
        vec![("Budget 2025", Heading), ("Text.", Paragraph)]
    );
}

#[test]
fn soft_and_hard_breaks_do_not_end_sentences() {
    let doc = md("It rose\nSharply in May. Then  \nIt fell\\\nAgain.\r\nLast one.\r\n");
    assert_eq!(
        sentences(&doc),
        vec![
            "It rose\nSharply in May.",
            "Then  \nIt fell\\\nAgain.",
            "Last one."
        ]
    );
}

#[test]
fn sentences_within_markdown_blocks() {
    let doc = md("# A title. Two\n\nOne. *Two* here.\n\n- Item one. Item two\n");
    assert_eq!(
        sentences(&doc),
        vec![
            "A title.",
            "Two",
            "One.",
            "Two* here.",
            "Item one.",
            "Item two"
        ]
    );
}

#[test]
fn empty_and_blank_documents() {
    for text in ["", "\n\n", "   ", "```\n1\n```", "\u{feff}"] {
        let doc = md(text);
        assert!(
            doc.blocks.is_empty() && doc.sentences.is_empty(),
            "{text:?}"
        );
    }
    for text in ["", "\n\n", " \t \r\n", "\u{feff}", "\u{feff}\n\n"] {
        let doc = plain(text);
        assert!(
            doc.blocks.is_empty() && doc.sentences.is_empty(),
            "{text:?}"
        );
    }
}

#[test]
fn plain_text_is_all_prose_except_urls() {
    let text = "Title line 2025\n\nCosts rose 5% (see https://x.org/a_b.) in *May*.\nMail a.b@c.org or www.d.com, `ok`.\n";
    let doc = plain(text);
    assert_eq!(
        words(&doc),
        vec![
            "Title", "line", "2025", "Costs", "rose", "5%", "(see", ".)", "in", "*May*.", "Mail",
            "or", ",", "`ok`."
        ]
    );
}

#[test]
fn plain_text_blocks_and_titles() {
    let doc = plain(
        "\u{feff}Annual Report 2024\n\nRevenue grew 4% to $3.1 million. Costs fell.\nProfit rose.\n\n\nQ: What next?\n\n- a bullet line\n",
    );
    assert_eq!(&doc.prose[..3], "   ");
    assert_eq!(
        blocks(&doc),
        vec![
            ("Annual Report 2024", Heading),
            (
                "Revenue grew 4% to $3.1 million. Costs fell.\nProfit rose.",
                Paragraph
            ),
            ("Q: What next?", Paragraph),
            ("- a bullet line", Heading),
        ]
    );
    assert_eq!(
        sentences(&doc),
        vec![
            "Annual Report 2024",
            "Revenue grew 4% to $3.1 million.",
            "Costs fell.",
            "Profit rose.",
            "Q: What next?",
            "- a bullet line"
        ]
    );
}

#[test]
fn plain_text_single_newline_is_soft() {
    let doc = plain("Sales rose\nIn March by 4%.\n");
    assert_eq!(sentences(&doc), vec!["Sales rose\nIn March by 4%."]);
    assert_eq!(blocks(&doc)[0].1, Paragraph);
}

#[test]
fn plain_text_url_line_does_not_split_paragraph() {
    let doc = plain("The report at\nhttps://example.org/r\nsays 5.\n");
    assert_eq!(
        blocks(&doc),
        vec![("The report at\nhttps://example.org/r\nsays 5.", Paragraph)]
    );
}

#[test]
fn block_at_finds_blocks() {
    let doc = md("One.\n\nTwo.");
    assert_eq!(doc.block_at(0), Some(0));
    assert_eq!(doc.block_at(4), None);
    assert_eq!(doc.block_at(6), Some(1));
    assert_eq!(doc.block_at(10), None);
}

#[test]
fn crlf_markdown() {
    let doc = md("# Head\r\n\r\nLine one.\r\nLine two.\r\n");
    assert_eq!(
        blocks(&doc),
        vec![("Head", Heading), ("Line one.\r\nLine two.", Paragraph)]
    );
    assert_eq!(sentences(&doc), vec!["Head", "Line one.", "Line two."]);
}

#[test]
fn large_input_without_newlines() {
    let unit =
        "The firm, Acme Inc., earned $3.5 million (approx. 12%) in 2023 at https://x.org/a?b=1. ";
    let text = unit.repeat(5_000_000 / unit.len());
    for format in [SourceFormat::Markdown, SourceFormat::PlainText] {
        let doc = Document::new("big", text.clone(), format);
        assert_eq!(doc.prose.len(), text.len());
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.sentences.len(), 5_000_000 / unit.len());
        assert!(!doc.prose.contains("https"));
    }
}
