//! End-to-end tests of `figcheck check`: human output of every fixture draft (insta
//! snapshots in `snapshots/`), the machine formats, exit codes, configuration errors, and
//! the seed wire story.

use std::path::Path;
use std::process::{Command, Output};

fn figcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("figcheck runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn human_output_of_every_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 6);
    for name in names {
        let path = format!("tests/fixtures/{name}");
        let out = figcheck(&["check", "--no-config", "--color", "never", &path]);
        let text = stdout(&out);
        assert!(
            !text.contains('\u{1b}'),
            "no colour codes when --color never"
        );
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("check_{}", name.replace('.', "_")), text);
        });
    }
}

#[test]
fn seed_situation_reports_the_majority_and_nothing_else() {
    let out = figcheck(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "tests/fixtures/coalition-claim.md",
    ]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["rule"], "majority-below-half");
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/coalition-claim.md"),
    )
    .unwrap();
    let texts: Vec<&str> = f["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            &source[l["start"].as_u64().unwrap() as usize..l["end"].as_u64().unwrap() as usize]
        })
        .collect();
    assert!(
        texts.contains(&"88 seats") && texts.contains(&"329 seats"),
        "{texts:?}"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// The seed wire story beside this checkout, if it is there.
fn seed_story() -> Option<std::path::PathBuf> {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/examples/iraq-ukraine-wire.txt");
    if !seed.exists() {
        eprintln!("skipped: {} is not beside this checkout", seed.display());
        return None;
    }
    Some(seed)
}

fn jsonl(out: &std::process::Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn seed_wire_story_has_one_inconsistency_and_one_unsourced_share() {
    let Some(seed) = seed_story() else { return };
    let text = std::fs::read_to_string(&seed).unwrap();
    let out = figcheck(&[
        "check",
        "--no-config",
        "--format",
        "jsonl",
        seed.to_str().unwrap(),
    ]);
    let findings: Vec<(String, String)> = jsonl(&out)
        .iter()
        .map(|f| {
            let (start, end) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
            (
                f["rule"].as_str().unwrap().to_owned(),
                text[start as usize..end as usize].to_owned(),
            )
        })
        .collect();
    // Its figures agree with each other but for the majority claim; of its statistics only
    // the election result stands with no source (the 88 seats are the bloc's claim, the
    // 50% the prime minister's, the hundreds of billions the president's).
    assert_eq!(
        findings,
        vec![
            (
                "unsourced-figure".to_owned(),
                "73 out of 329 seats".to_owned()
            ),
            ("majority-below-half".to_owned(), "88 seats".to_owned()),
        ]
    );
}

#[test]
fn seed_wire_story_attributions() {
    let Some(seed) = seed_story() else { return };
    let out = figcheck(&["figures", "--format", "jsonl", seed.to_str().unwrap()]);
    let rows = jsonl(&out);
    let row = |text: &str| {
        rows.iter()
            .find(|r| r["text"] == text)
            .unwrap_or_else(|| panic!("no figure {text:?}"))
    };
    let source = |text: &str| row(text)["source"]["text"].as_str().map(str::to_owned);
    assert_eq!(row("73 out of 329 seats")["attributed"], false);
    assert_eq!(row("88 seats")["cue"], "claim");
    assert_eq!(
        source("88 seats").as_deref(),
        Some("the Coordination Framework")
    );
    assert_eq!(row("50%")["cue"], "said");
    assert_eq!(source("50%").as_deref(), Some("Shmyhal"));
    // `He said ...`: the pronoun stands for the president quoted just before.
    assert_eq!(row("hundreds of billions of dollars")["cue"], "said");
    assert_eq!(
        source("hundreds of billions of dollars").as_deref(),
        Some("Zelenskiy")
    );
}

#[test]
fn short_format_and_exit_codes() {
    let out = figcheck(&[
        "check",
        "--no-config",
        "--format",
        "short",
        "tests/fixtures/calendar.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with("tests/fixtures/calendar.txt:3:33: warning[weekday-mismatch]: "),
        "{text}"
    );
    // Only errors fail the run with --fail-on error; this file has one.
    let out = figcheck(&[
        "check",
        "--no-config",
        "--fail-on",
        "error",
        "tests/fixtures/calendar.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let out = figcheck(&[
        "check",
        "--no-config",
        "--fail-on",
        "error",
        "tests/fixtures/changes.md",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let out = figcheck(&["check", "--no-config", "tests/fixtures/clean.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).trim(), "no findings in 1 file");
    // Unreadable input: exit 2, and the readable file is still checked.
    let out = figcheck(&[
        "check",
        "--no-config",
        "--format",
        "short",
        "tests/fixtures/calendar.txt",
        "no/such/draft.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("weekday-mismatch"));
}

#[test]
fn jsonl_schema() {
    let out = figcheck(&[
        "check",
        "--no-config",
        "--format",
        "jsonl",
        "tests/fixtures/changes.md",
    ]);
    for line in stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "path",
            "rule",
            "severity",
            "message",
            "start",
            "end",
            "line",
            "column",
            "end_line",
            "end_column",
            "labels",
            "help",
            "fix",
        ] {
            assert!(v.get(key).is_some(), "missing {key} in {line}");
        }
        assert!(
            v["labels"].as_array().unwrap().len() >= 2,
            "every figure involved is labelled: {line}"
        );
    }
}

#[test]
fn config_errors_point_into_the_file() {
    let dir = std::env::temp_dir().join(format!("figcheck-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("figcheck.toml");
    std::fs::write(&config, "[rules.no-such-rule]\nenabled = false\n").unwrap();
    let out = figcheck(&[
        "check",
        "--config",
        config.to_str().unwrap(),
        "tests/fixtures/clean.md",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("unknown rule `no-such-rule`") && stderr.contains("figcheck.toml"),
        "{stderr}"
    );
    // A valid config turns a rule off and changes a severity.
    std::fs::write(
        &config,
        "[rules.weekday-mismatch]\nenabled = false\n[rules.range-inverted]\nseverity = \"info\"\n",
    )
    .unwrap();
    let out = figcheck(&[
        "check",
        "--config",
        config.to_str().unwrap(),
        "--format",
        "short",
        "tests/fixtures/calendar.txt",
    ]);
    let text = stdout(&out);
    assert!(
        !text.contains("weekday-mismatch") && text.contains("info[range-inverted]"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn rules_and_explain() {
    let out = figcheck(&["rules"]);
    let text = stdout(&out);
    assert!(text.lines().count() >= 12 && text.contains("majority-below-half"));
    let out = figcheck(&["explain", "majority-below-half"]);
    assert!(stdout(&out).contains("## Flagged"));
    let out = figcheck(&["explain", "no-such-rule"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    for command in [
        &["check", "--no-config", "--format", "jsonl"][..],
        &["figures", "--format", "jsonl"][..],
    ] {
        let run = |threads: &str| {
            let mut args = command.to_vec();
            args.extend(["-j", threads, "tests/fixtures", "examples"]);
            stdout(&figcheck(&args))
        };
        let one = run("1");
        assert!(
            one.lines().count() > 10,
            "{command:?} gave too little output"
        );
        for threads in ["2", "3", "8"] {
            assert_eq!(run(threads), one, "{command:?} with -j {threads}");
        }
    }
}
