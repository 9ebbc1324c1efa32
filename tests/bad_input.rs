//! Bad input through the `figcheck check` binary: every unusable input is reported on
//! stderr naming the file, the run exits 2, and the good file given in the same run is
//! still checked (its finding is printed). Nothing hangs or overflows the stack.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A draft with exactly one finding (`majority-below-half`).
const GOOD: &str = "The reform list took 73 out of 329 seats in the assembly.\n\n\
A rival alliance insists it holds the majority of 88 seats.\n";

/// A scratch folder holding `good.md`.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.md");
    std::fs::write(&good, GOOD).unwrap();
    (dir, good)
}

/// Run `figcheck check --no-config --format short` on `paths`, failing the test if it
/// takes longer than a minute (a hang).
fn check(paths: &[&Path]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = ["check", "--no-config", "--format", "short"]
        .iter()
        .map(std::ffi::OsStr::new)
        .collect();
    args.extend(paths.iter().map(|p| p.as_os_str()));
    run(&args)
}

/// Run figcheck with `args`, killing it and failing after a minute.
fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("figcheck runs");
    // Read the pipes on threads so a large output cannot fill them and stall the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut v).unwrap();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut v).unwrap();
        v
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "figcheck hung on {:?}",
                args.iter().map(|a| a.as_ref()).collect::<Vec<_>>()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// Assert the run exited 2 with an `error:` line naming `bad` that contains `what`, and
/// that `good`'s finding was printed.
fn assert_error_and_good_checked(out: &Output, bad: &Path, what: &str, good: &Path) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(2),
        "stderr: {stderr}\nstdout: {stdout}"
    );
    let line = stderr
        .lines()
        .find(|l| l.starts_with("error: ") && l.contains(&bad.display().to_string()))
        .unwrap_or_else(|| panic!("no error naming {}: {stderr}", bad.display()));
    assert!(line.contains(what), "{line}");
    assert_good_checked(out, good);
}

/// Assert `good`'s one finding was printed.
fn assert_good_checked(out: &Output, good: &Path) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("{}:3:", good.display()))
            && stdout.contains("majority-below-half"),
        "the good file was not checked: {stdout}"
    );
}

#[test]
fn invalid_utf8_is_an_error_with_its_offset() {
    let (dir, good) = scratch();
    let bad = dir.path().join("latin1.md");
    std::fs::write(&bad, b"Prices at the caf\xe9 rose 5%.\n").unwrap();
    let out = check(&[&bad, &good]);
    assert_error_and_good_checked(&out, &bad, "not valid UTF-8 at byte 17", &good);
}

#[test]
fn binary_file_is_skipped_with_a_note() {
    // Decision (README): a binary file is skipped with a note, not an error, so it does not
    // change the exit code; the good file's finding makes it 1.
    let (dir, good) = scratch();
    let bad = dir.path().join("image.md");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR 5%").unwrap();
    let out = check(&[&bad, &good]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("note: {}: binary file, skipped", bad.display())),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_good_checked(&out, &good);
}

#[test]
fn empty_file_is_no_error() {
    let (dir, good) = scratch();
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "").unwrap();
    let out = check(&[&empty]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let out = check(&[&empty, &good]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    assert_good_checked(&out, &good);
}

/// `bytes` of prose with figures and no newline.
fn one_long_line(bytes: usize) -> String {
    let unit =
        "The council spent £1.5m on roads and 12% more on care, a majority of 88 seats said. ";
    unit.repeat(bytes / unit.len())
}

fn long_line_is_checked(bytes: usize) {
    let (dir, good) = scratch();
    let big = dir.path().join("big.md");
    std::fs::write(&big, one_long_line(bytes)).unwrap();
    let out = check(&[&big, &good]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    assert_good_checked(&out, &good);
}

#[test]
fn ten_megabytes_without_a_newline() {
    long_line_is_checked(10_000_000);
}

#[test]
#[ignore = "takes minutes in a debug build; run with --release -- --ignored"]
fn a_hundred_megabytes_without_a_newline() {
    long_line_is_checked(100_000_000);
}

#[test]
fn ten_thousand_deep_block_quotes_and_lists() {
    let (dir, good) = scratch();
    let quotes = dir.path().join("quotes.md");
    std::fs::write(
        &quotes,
        "> ".repeat(10_000) + "The bloc won 73 of 329 seats, a majority of 88 seats.\n",
    )
    .unwrap();
    let lists = dir.path().join("lists.md");
    let mut text = "- ".repeat(10_000) + "A majority of 88 of 329 seats.\n";
    for level in 0..10_000 {
        text.push_str(&" ".repeat(level % 400));
        text.push_str("- 5%\n");
    }
    std::fs::write(&lists, text).unwrap();
    let out = check(&[&quotes, &lists, &good]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code() == Some(1), "{stderr}");
    assert_good_checked(&out, &good);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, good) = scratch();
    let locked = dir.path().join("locked.md");
    std::fs::write(&locked, "5%\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&locked).is_ok() {
        // Root reads it anyway; /proc/self/mem below covers the read error instead.
        eprintln!("skipped the permission case: running as root, mode 000 does not stop reads");
    } else {
        let out = check(&[&locked, &good]);
        assert_error_and_good_checked(&out, &locked, "ermission denied", &good);
    }
}

/// A regular file whose read fails, whoever runs the test: reading /proc/self/mem at
/// offset 0 is an I/O error.
#[cfg(target_os = "linux")]
#[test]
fn read_error_is_an_error() {
    let (_dir, good) = scratch();
    let mem = Path::new("/proc/self/mem");
    if !mem.exists() {
        eprintln!("skipped: no /proc");
        return;
    }
    let out = check(&[mem, &good]);
    assert_error_and_good_checked(&out, mem, "error", &good);
}

#[cfg(unix)]
#[test]
fn broken_symlink_is_an_error() {
    let (dir, good) = scratch();
    let link = dir.path().join("draft.md");
    std::os::unix::fs::symlink("gone.md", &link).unwrap();
    let out = check(&[&link, &good]);
    assert_error_and_good_checked(&out, &link, "broken symbolic link", &good);
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_an_error() {
    let (dir, good) = scratch();
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let out = check(&[&a, &good]);
    assert_error_and_good_checked(&out, &a, "symbolic links", &good);
    // Walking the folder does not follow links: the loop is not even looked at.
    let out = check(&[dir.path()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_good_checked(&out, &good);
}

#[cfg(unix)]
#[test]
fn fifo_is_refused_without_hanging() {
    let (dir, good) = scratch();
    let fifo = dir.path().join("pipe.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = check(&[&fifo, &good]);
    assert_error_and_good_checked(&out, &fifo, "not a regular file (a FIFO)", &good);
    // In a folder walk a FIFO is not a draft: it is passed over like any other non-file.
    let out = check(&[dir.path()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_good_checked(&out, &good);
    // Nor is a FIFO opened as the config file.
    let out = run(&[
        "check".as_ref(),
        "--config".as_ref(),
        fifo.as_os_str(),
        good.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{}: not a regular file (a FIFO)", fifo.display())),
        "{stderr}"
    );
}

#[test]
fn directory_given_as_config_is_an_error() {
    let (dir, good) = scratch();
    let out = run(&[
        "check".as_ref(),
        "--config".as_ref(),
        dir.path().as_os_str(),
        good.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.lines().any(
            |l| l.starts_with(&format!("error: {}: ", dir.path().display()))
                && l.to_lowercase().contains("directory")
        ),
        "{stderr}"
    );
}

/// Run `check --config` with a figcheck.toml holding `toml`, and return stderr's first line.
fn config_error(toml: impl AsRef<[u8]>) -> String {
    let (dir, good) = scratch();
    let config = dir.path().join("figcheck.toml");
    std::fs::write(&config, toml).unwrap();
    let out = run(&[
        "check".as_ref(),
        "--config".as_ref(),
        config.as_os_str(),
        good.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let first = stderr.lines().next().unwrap_or_default();
    let prefix = format!("error: {}:", config.display());
    assert!(first.starts_with(&prefix), "{stderr}");
    first[prefix.len()..].to_owned()
}

#[test]
fn config_errors_name_file_line_and_key() {
    // Syntax error.
    let e = config_error("fail_on = \"warning\"\n[rules\nenabled = true\n");
    assert!(e.starts_with("2:7: "), "{e}");
    // Unknown keys: top level, and in a rule.
    let e = config_error("fail_on = \"warning\"\nexclud = [\"x\"]\n");
    assert!(e.starts_with("2:1: unknown field `exclud`"), "{e}");
    let e = config_error("[rules.share-mismatch]\nenabled = true\nthreshold = 3\n");
    assert!(
        e.starts_with("1:8: rule `share-mismatch` has no parameter `threshold`"),
        "{e}"
    );
    let e = config_error("\n[rules.no-such-rule]\n");
    assert!(e.starts_with("2:8: unknown rule `no-such-rule`"), "{e}");
    // Wrong types.
    let e = config_error("[rules.share-mismatch]\nenabled = \"yes\"\n");
    assert_eq!(
        e,
        "2:11: `rules.share-mismatch.enabled`: invalid type: string \"yes\", expected a boolean"
    );
    let e = config_error("fail_on = 3\n");
    assert_eq!(
        e,
        "1:11: `fail_on` must be \"info\", \"warning\" or \"error\""
    );
    let e = config_error("include = \"*.md\"\n");
    assert!(
        e.starts_with("1:11: `include`: invalid type: string"),
        "{e}"
    );
    // Not UTF-8.
    let e = config_error(b"fail_on = \"caf\xe9\"\n");
    assert!(e.contains("UTF-8"), "{e}");
}
