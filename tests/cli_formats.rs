//! End-to-end tests of the CI formats and adoption flags of `figcheck check`: a snapshot
//! of every format (insta, `snapshots/`), SARIF's rule table, the exit-code flags,
//! baselines that survive edits elsewhere, and `--diff-base` in a scratch git repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Files with an error, warnings, an info note and no findings at all.
const FIXTURES: &[&str] = &[
    "tests/fixtures/calendar.txt",
    "tests/fixtures/coalition-claim.md",
    "tests/fixtures/suppressed.md",
    "tests/fixtures/clean.md",
];

fn figcheck_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("figcheck runs")
}

fn figcheck(args: &[&str]) -> Output {
    figcheck_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn format_output(format: &str) -> Output {
    let mut args = vec!["check", "--no-config", "--format", format];
    args.extend_from_slice(FIXTURES);
    figcheck(&args)
}

/// A scratch folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("figcheck-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, text: &str) {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn snapshot_of_every_ci_format() {
    for format in [
        "github",
        "rdjson",
        "rdjsonl",
        "checkstyle",
        "junit",
        "gitlab",
    ] {
        let out = format_output(format);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("format_{format}"), stdout(&out));
        });
    }
}

#[test]
fn sarif_snapshot_and_rule_table() {
    let out = format_output("sarif");
    assert_eq!(out.status.code(), Some(1));
    let mut log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &mut log["runs"][0];
    // Every rule, with what GitHub code scanning shows.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let listed = stdout(&figcheck(&["rules"]));
    assert_eq!(rules.len(), listed.lines().count());
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        assert!(listed.contains(id), "{id}");
        for field in [
            "/name",
            "/shortDescription/text",
            "/fullDescription/text",
            "/help/text",
            "/help/markdown",
            "/defaultConfiguration/level",
        ] {
            let value = rule.pointer(field).and_then(|v| v.as_str()).unwrap_or("");
            assert!(!value.is_empty(), "{id}: {field}");
        }
        assert!(
            rule.get("helpUri").is_none(),
            "no URL is known without --rules-url"
        );
    }
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(result.get("partialFingerprints").is_none());
    }
    // The snapshot shows the results; the rule table (documentation, order) belongs to
    // the rules' files and is checked above.
    run["tool"]["driver"]["rules"] = "RULES".into();
    for result in run["results"].as_array_mut().unwrap() {
        result["ruleIndex"] = "INDEX".into();
    }
    run["tool"]["driver"]["version"] = "VERSION".into();
    run["tool"]["driver"]["semanticVersion"] = "VERSION".into();
    run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///CHECKOUT/".into();
    let text = serde_json::to_string_pretty(&log).unwrap();
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("format_sarif", text);
    });
    // --rules-url gives every rule a link.
    let out = figcheck(&[
        "check",
        "--no-config",
        "--format",
        "sarif",
        "--rules-url",
        "https://example.org/rules/",
        "tests/fixtures/clean.md",
    ]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(
        rule["helpUri"].as_str().unwrap(),
        format!("https://example.org/rules/{}", rule["id"].as_str().unwrap())
    );
}

#[test]
fn sarif_columns_are_utf16_units() {
    let dir = TempDir::new("utf16");
    // The emoji is one character but two UTF-16 units.
    dir.write(
        "draft.md",
        "😀 The alliance holds the majority of 88 seats in the 329-seat chamber.\n",
    );
    let sarif = figcheck_in(
        &dir.0,
        &["check", "--no-config", "--format", "sarif", "draft.md"],
    );
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let short = figcheck_in(
        &dir.0,
        &["check", "--no-config", "--format", "short", "draft.md"],
    );
    let rdjson = figcheck_in(
        &dir.0,
        &["check", "--no-config", "--format", "rdjson", "draft.md"],
    );
    let rd: serde_json::Value = serde_json::from_slice(&rdjson.stdout).unwrap();
    let text = stdout(&short);
    let char_column: u64 = text.split(':').nth(2).unwrap().parse().unwrap();
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"].as_u64().unwrap(), char_column + 1);
    // rdjson counts UTF-8 bytes: the emoji is four.
    let start = &rd["diagnostics"][0]["location"]["range"]["start"];
    assert_eq!(start["column"].as_u64().unwrap(), char_column + 3);
}

#[test]
fn exit_zero_quiet_statistics_and_min_severity() {
    let out = figcheck(&["check", "--no-config", "--exit-zero", FIXTURES[0]]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("weekday-mismatch"));
    // --exit-zero does not hide input errors.
    let out = figcheck(&["check", "--no-config", "--exit-zero", "no/such/draft.md"]);
    assert_eq!(out.status.code(), Some(2));

    let out = figcheck(&[
        "check",
        "--no-config",
        "--quiet",
        "--color",
        "never",
        FIXTURES[0],
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("weekday-mismatch") && !text.contains(" in 1 file"),
        "{text}"
    );
    let out = figcheck(&["check", "--no-config", "--quiet", FIXTURES[3]]);
    assert_eq!(stdout(&out), "");

    let mut args = vec!["check", "--no-config", "--format", "short", "--statistics"];
    args.extend_from_slice(FIXTURES);
    let text = stdout(&figcheck(&args));
    let stats: Vec<&str> = text.lines().filter(|l| !l.contains(": ")).collect();
    assert_eq!(
        stats,
        vec![
            "    2  weekday-mismatch     warning",
            "    1  impossible-date      error",
            "    1  majority-below-half  warning",
            "    1  range-inverted       warning",
            "    1  unused-suppression   info",
        ],
        "{text}"
    );
    // With a machine format the statistics go to standard error.
    let out = figcheck(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "--statistics",
        FIXTURES[1],
    ]);
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok());
    assert!(stderr(&out).contains("1  majority-below-half  warning"));

    // --min-severity hides the lower findings, and they no longer fail the run.
    let out = figcheck(&[
        "check",
        "--no-config",
        "--format",
        "short",
        "--min-severity",
        "error",
        FIXTURES[0],
    ]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("error[impossible-date]"));
    let out = figcheck(&[
        "check",
        "--no-config",
        "--min-severity",
        "error",
        FIXTURES[1],
    ]);
    assert_eq!(out.status.code(), Some(0));
}

const DRAFT: &str = "# Coalition talks\n\n\
The reform list took 73 out of 329 seats in the national assembly, officials said.\n\n\
A rival alliance insists it holds the majority of 88 seats.\n";

#[test]
fn baseline_accepts_old_findings_and_fails_new_ones() {
    let dir = TempDir::new("baseline");
    dir.write("drafts/story.md", DRAFT);
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--no-config", "--format", "short"];
        args.extend_from_slice(extra);
        args.push("drafts");
        figcheck_in(&dir.0, &args)
    };
    let out = check(&["--write-baseline", "figcheck-baseline.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("wrote 1 finding"));
    let baseline: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.0.join("figcheck-baseline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(baseline["figcheck_baseline"], 1);
    let entry = &baseline["findings"][0];
    assert_eq!(entry["path"], "drafts/story.md");
    assert_eq!(entry["rule"], "majority-below-half");
    assert_eq!(entry["count"], 1);

    // The accepted finding is not reported, and the run passes.
    let out = check(&["--baseline", "figcheck-baseline.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");

    // Lines inserted above it move it, but it is still the accepted finding.
    let moved = DRAFT.replacen(
        "# Coalition talks\n",
        "# Coalition talks\n\nA new opening paragraph, with\nthree lines\nof text.\n",
        1,
    );
    dir.write("drafts/story.md", &moved);
    let out = check(&["--baseline", "figcheck-baseline.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "");
    let human = figcheck_in(
        &dir.0,
        &[
            "check",
            "--no-config",
            "--color",
            "never",
            "--baseline",
            "figcheck-baseline.json",
            "drafts",
        ],
    );
    assert!(
        stdout(&human).contains("no findings in 1 file (1 accepted in the baseline)"),
        "{}",
        stdout(&human)
    );

    // A new finding still fails, and the same finding a second time is new too.
    let grown = format!(
        "{moved}\nThe committee meets on Wednesday, Feb. 25, 2025.\n\n\
A rival alliance insists it holds the majority of 88 seats.\n"
    );
    dir.write("drafts/story.md", &grown);
    let out = check(&["--baseline", "figcheck-baseline.json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("weekday-mismatch") && text.contains("majority-below-half"));

    // Once the accepted mistake is fixed, a note says the entry can go.
    dir.write(
        "drafts/story.md",
        &moved.replace("the majority of 88 seats", "88 seats"),
    );
    let out = check(&["--baseline", "figcheck-baseline.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out)
            .contains("note: 1 finding accepted in figcheck-baseline.json no longer occurs"),
        "{}",
        stderr(&out)
    );

    // A baseline that is not one is a usage error.
    dir.write("bad.json", "{\"findings\": []}");
    let out = check(&["--baseline", "bad.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a figcheck baseline"),
        "{}",
        stderr(&out)
    );
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
}

#[test]
fn diff_base_reports_only_changed_lines() {
    let dir = TempDir::new("diffbase");
    git(&dir.0, &["init", "-q", "-b", "main"]);
    git(&dir.0, &["config", "user.name", "figcheck test"]);
    git(&dir.0, &["config", "user.email", "test@example.invalid"]);
    git(&dir.0, &["config", "commit.gpgsign", "false"]);
    dir.write("story.md", DRAFT);
    dir.write("other.md", "The meeting is on Wednesday, Feb. 25, 2025.\n");
    git(&dir.0, &["add", "."]);
    git(&dir.0, &["commit", "-q", "-m", "first"]);

    let check = |paths: &[&str]| {
        let mut args = vec![
            "check",
            "--no-config",
            "--format",
            "short",
            "--diff-base",
            "HEAD",
        ];
        args.extend_from_slice(paths);
        figcheck_in(&dir.0, &args)
    };
    // Nothing changed: nothing to report, although both files have findings.
    let out = check(&["."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");

    // A new sentence with a problem is reported; the old one in the same file is not.
    dir.write(
        "story.md",
        &format!("{DRAFT}\nOfficials expect between 15 and 10 residents to speak.\n"),
    );
    let out = check(&["."]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with("./story.md:7:") && text.contains("range-inverted"),
        "{text}"
    );

    // Changing one figure of a finding reports it, whichever span is on the changed line.
    dir.write(
        "story.md",
        &DRAFT.replace("73 out of 329 seats", "73 out of 329 seats (22%)"),
    );
    let out = check(&["story.md"]);
    let text = stdout(&out);
    assert!(text.contains("majority-below-half"), "{text}");

    // An untracked file counts as changed throughout.
    dir.write("new/draft.txt", "It happened on Feb. 30, 2025.\n");
    let out = check(&["new"]);
    assert!(stdout(&out).contains("impossible-date"), "{}", stdout(&out));

    // A bad revision and a folder outside any repository are errors (exit 2).
    let out = figcheck_in(
        &dir.0,
        &["check", "--no-config", "--diff-base", "no-such-rev", "."],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a revision"), "{}", stderr(&out));
    let outside = TempDir::new("diffbase-outside");
    outside.write("a.md", DRAFT);
    let out = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args(["check", "--no-config", "--diff-base", "HEAD", "a.md"])
        .current_dir(&outside.0)
        .env("GIT_CEILING_DIRECTORIES", std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--diff-base"), "{}", stderr(&out));
}

/// The runner's reading of a workflow command: the command, its properties (split at `,`,
/// each at its first `=`, unescaped with `%25` last) and its data.
fn parse_workflow_command(
    line: &str,
) -> (String, std::collections::HashMap<String, String>, String) {
    let rest = line
        .trim_start()
        .strip_prefix("::")
        .expect("starts with ::");
    let end = rest.find("::").expect("a second ::");
    let (info, data) = (&rest[..end], &rest[end + 2..]);
    let (command, props) = info.split_once(' ').unwrap_or((info, ""));
    let mut properties = std::collections::HashMap::new();
    for prop in props.trim().split(',').filter(|p| !p.is_empty()) {
        if let Some((k, v)) = prop.split_once('=')
            && !k.is_empty()
            && !v.is_empty()
        {
            let v = v
                .replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%25", "%");
            properties.insert(k.to_owned(), v);
        }
    }
    let data = data
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%");
    (command.to_owned(), properties, data)
}

#[test]
fn github_annotations_parse_back_to_the_json_findings() {
    let dir = TempDir::new("github");
    // A path with a comma, a colon and a percent sign; messages with `%`, `:` and `,`.
    let name = "a,b:c%d.md";
    dir.write(
        name,
        "“Quoted” text first.\n\nOf the 40 ward members asked, 12 of 40 members, or 40%, backed it.\n\n\
         The alliance holds the majority of 88 seats in the 329-seat chamber.\n",
    );
    let github = figcheck_in(
        &dir.0,
        &["check", "--no-config", "--format", "github", name],
    );
    let json = figcheck_in(&dir.0, &["check", "--no-config", "--format", "json", name]);
    let records: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    let text = stdout(&github);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), records.len(), "{text}");
    assert!(records.len() >= 2, "{records:#?}");
    for (line, record) in lines.iter().zip(&records) {
        let (command, props, data) = parse_workflow_command(line);
        assert_eq!(command, record["severity"].as_str().unwrap());
        assert_eq!(props["file"], name);
        assert_eq!(props["line"], record["line"].to_string());
        assert_eq!(props["endLine"], record["end_line"].to_string());
        // No characters beyond the BMP here, so UTF-16 columns equal character columns.
        assert_eq!(props["col"], record["column"].to_string());
        assert_eq!(props["endColumn"], record["end_column"].to_string());
        let expected = match record["help"].as_str() {
            Some(help) => format!("{}\nhelp: {help}", record["message"].as_str().unwrap()),
            None => record["message"].as_str().unwrap().to_owned(),
        };
        assert_eq!(data, expected);
        assert!(data.contains('%') || data.contains(':'), "{data}");
    }
}
