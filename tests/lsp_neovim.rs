//! End to end in a real editor: headless Neovim (0.7 or newer) runs `figcheck lsp` on
//! `tests/editors/draft.md` through its built-in client (`tests/editors/nvim.lua`), and
//! what Neovim received is compared with what it must be.
//!
//! Neovim offers no `positionEncodings`, so the server speaks UTF-16; Neovim converts the
//! positions to byte columns of its buffer lines, which are asserted here. Emoji, curly
//! quotes and CJK text precede every flagged figure, so a conversion off by one unit on
//! either side shows. Then the weekday fix is applied by Neovim (an incremental
//! `didChange` in UTF-16) and the re-check is asserted.
//!
//! Skipped with a note when `nvim` is not installed, unless `FIGCHECK_REQUIRE_NVIM` is
//! set (as `.ci/run` does after installing it).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXPECTED: &str = "\
encoding utf-16
diagnostic majority-below-half 2:93-2:101 severity=2
diagnostic weekday-mismatch 4:36-4:60 severity=2
diagnostic points-vs-percent 4:79-4:81 severity=2
diagnostic range-inverted 6:12-6:37 severity=2
hover **`Wednesday, Feb. 25, 2025`**
action Fix: write `Tuesday` (or correct the date)
action Disable weekday-mismatch for this line
action Explain weekday-mismatch
line The “deal” 合意 was signed on Tuesday, Feb. 25, 2025, and support rose 5% from 40% to 45%, a poll found.
fixed majority-below-half 2:93-2:101 severity=2
fixed points-vs-percent 4:77-4:79 severity=2
fixed range-inverted 6:12-6:37 severity=2
";

#[test]
fn neovim_receives_the_diagnostics_and_applies_a_fix() {
    let required = std::env::var_os("FIGCHECK_REQUIRE_NVIM").is_some();
    let version = Command::new("nvim").arg("--version").output();
    let Some(version) = version.ok().filter(|o| o.status.success()) else {
        assert!(
            !required,
            "FIGCHECK_REQUIRE_NVIM is set but `nvim` cannot be run"
        );
        eprintln!("skipped: `nvim` is not installed (.ci/run installs it)");
        return;
    };
    let first = String::from_utf8_lossy(&version.stdout);
    eprintln!("{}", first.lines().next().unwrap_or("nvim"));

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::NamedTempFile::new().unwrap();
    let started = Instant::now();
    let mut nvim = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "--noplugin", "-u", "NONE"])
        .args([
            "-c",
            "luafile tests/editors/nvim.lua",
            "tests/editors/draft.md",
        ])
        .current_dir(root)
        .env("FIGCHECK_BIN", env!("CARGO_BIN_EXE_figcheck"))
        .env("FIGCHECK_NVIM_OUT", out.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("start nvim");
    let status = loop {
        if let Some(status) = nvim.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = nvim.kill();
            panic!("nvim did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let seen = std::fs::read_to_string(out.path()).unwrap();
    eprintln!("nvim finished in {:?}", started.elapsed());
    assert!(status.success(), "nvim failed ({status}):\n{seen}");
    assert_eq!(seen, EXPECTED);
}
