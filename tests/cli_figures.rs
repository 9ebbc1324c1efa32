//! End-to-end tests of `figcheck figures`: output formats on the example drafts, and bad
//! input that must be reported by name while the other files are still processed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn figcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("figcheck runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        });
    };
}

#[test]
fn table_of_the_example_drafts() {
    let out = figcheck(&["figures", "--format", "table", "examples/"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    snapshot!("figures_examples_table", stdout(&out));
}

#[test]
fn jsonl_of_the_parliament_draft() {
    let out = figcheck(&[
        "figures",
        "--format",
        "jsonl",
        "examples/parliament-standoff.md",
    ]);
    assert!(out.status.success());
    let text = stdout(&out);
    // Every line is a JSON object whose text is the file's bytes at start..end.
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/parliament-standoff.md"),
    )
    .unwrap();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (start, end) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&source[start..end], v["text"].as_str().unwrap());
    }
    snapshot!("figures_parliament_jsonl", text);
}

#[test]
fn csv_quotes_fields_with_commas() {
    let out = figcheck(&[
        "figures",
        "--format",
        "csv",
        "examples/parliament-standoff.md",
    ]);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "path,line,column,start,end,text,kind,value,high,of,unit,currency,approx,attributed,cue,source\n"
        )
    );
    assert!(
        text.contains(",\"Tuesday, March 1, 2022\",date,2022-03-01,"),
        "{text}"
    );
}

#[test]
fn stdin_with_a_filename() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args([
            "figures",
            "--format",
            "jsonl",
            "--stdin-filename",
            "draft.md",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Turnout was 41%.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["path"], "draft.md");
    assert_eq!(v["kind"], "percent");
    assert_eq!(v["value"], 41);
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("figcheck-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn bad_inputs_are_named_and_the_run_goes_on() {
    let dir = scratch_dir("bad");
    std::fs::write(dir.join("a-good.md"), "The bloc won 73 seats.\n").unwrap();
    std::fs::write(dir.join("b-latin1.md"), b"Caf\xe9 prices rose 5%.\n").unwrap();
    std::fs::write(dir.join("c-binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    std::fs::write(dir.join("d-empty.md"), "").unwrap();
    let missing = dir.join("missing.md");
    let out = figcheck(&[
        "figures",
        "--format",
        "jsonl",
        dir.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("b-latin1.md: not valid UTF-8 at byte 3"),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: ") && stderr.contains("c-binary.txt: binary file, skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("missing.md: no such file or directory"),
        "{stderr}"
    );
    let text = stdout(&out);
    assert!(text.contains("\"text\":\"73 seats\""), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn long_line_without_newline_is_processed() {
    let dir = scratch_dir("long");
    let line =
        "The council spent £1.5m on roads and 12% more on care, said the report. ".repeat(70_000);
    std::fs::write(dir.join("long.txt"), &line).unwrap();
    let out = figcheck(&[
        "figures",
        "--format",
        "jsonl",
        dir.join("long.txt").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 140_000);
    std::fs::remove_dir_all(&dir).unwrap();
}
