//! The figcheck.toml parser on arbitrary text: an error names the file and points inside
//! the text; a config that parses can be used by `check`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        invariants::check_config(text);
    }
});
