//! The whole pipeline on arbitrary bytes: loading (binary and UTF-8 checks), the Markdown
//! and plain-text front ends, figures and `check` with the default config. Nothing
//! panics, every span lies in the text on character boundaries, and a second run gives
//! the same answer.

#![no_main]

use figcheck::load;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // The loader's checks on the raw bytes; it must reject or accept, never panic.
    for name in ["draft.md", "draft.txt"] {
        match load::load_bytes(Path::new(name), data.to_vec()) {
            Ok(doc) => invariants::check_pipeline(&doc, &Default::default()),
            Err(e) => assert!(e.to_string().starts_with(name), "{e}"),
        }
    }
    // Whatever the bytes, their lossy text goes through both front ends.
    invariants::check_text(&String::from_utf8_lossy(data));
});
