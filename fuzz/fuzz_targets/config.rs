//! Configuration parsing on arbitrary text: a config or a clear error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parley::config::Config;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match Config::parse(text, "fuzz.toml") {
            Ok(c) => {
                let _ = c.palette();
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
});
