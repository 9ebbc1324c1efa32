//! Runs every example of every rule file: `bad` examples must be flagged by their rule,
//! `good` ones must not be.

use figcheck::config::Config;
use figcheck::rules::{self, ExampleKind};
use figcheck::{Document, SourceFormat};

#[test]
fn every_rule_example() {
    let config = Config::default();
    let mut failures = Vec::new();
    let mut total = 0;
    for rule in rules::all() {
        for example in &rule.examples {
            total += 1;
            let doc = Document::new("example.txt", example.text.clone(), SourceFormat::PlainText);
            let findings: Vec<_> = figcheck::check(&doc, &config)
                .into_iter()
                .filter(|f| f.rule == rule.id)
                .collect();
            let ok = match example.kind {
                ExampleKind::Bad => !findings.is_empty(),
                ExampleKind::Good => findings.is_empty(),
            };
            if !ok {
                failures.push(format!(
                    "{} {:?}: {:?}\n    findings: {:?}",
                    rule.id,
                    example.kind,
                    example.text,
                    findings.iter().map(|f| &f.message).collect::<Vec<_>>()
                ));
            }
        }
    }
    println!("{}/{total} rule examples pass", total - failures.len());
    assert!(
        failures.is_empty(),
        "{} rule examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
