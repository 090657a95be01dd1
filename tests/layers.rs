//! The crate's layers point one way:
//!
//! article, paths ← model ← {detect, store ← export ← team} ← keys ← config ← {cli, tui}
//!
//! Each module may name (`crate::x`) only the modules below it, and only the reader
//! and the command line know about terminals. This test reads the sources, so a
//! `use` that points up fails here, not in review.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each top-level module and the modules it may name.
const ALLOWED: &[(&str, &[&str])] = &[
    ("article", &[]),
    ("paths", &[]),
    ("model", &["article"]),
    ("detect", &["article", "model"]),
    ("store", &["article", "model", "paths"]),
    ("export", &["article", "model", "store"]),
    ("team", &["article", "model", "store", "export"]),
    (
        "corpus",
        &["article", "model", "detect", "store", "export", "paths"],
    ),
    ("keys", &[]),
    ("config", &["article", "model", "keys", "paths"]),
    (
        "tui",
        &[
            "article", "model", "detect", "store", "export", "team", "corpus", "keys", "config",
            "paths",
        ],
    ),
    (
        "cli",
        &[
            "article", "model", "detect", "store", "export", "team", "corpus", "keys", "config",
            "paths", "tui",
        ],
    ),
];

/// Modules that may use terminal crates.
const TERMINAL: &[&str] = &["tui", "cli"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/store/fsio.rs` → `store`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// The modules a source names through `crate::`, with the line of each.
fn named_modules(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push((n + 1, name));
            }
        }
    }
    out
}

#[test]
fn every_module_names_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let may = allowed
            .get(module.as_str())
            .unwrap_or_else(|| panic!("{module} is not in the layer table"));
        let text = std::fs::read_to_string(file).expect("read source");
        for (line, name) in named_modules(&text) {
            if name != module && !may.contains(&name.as_str()) {
                wrong.push(format!("{}:{line}: {module} names {name}", file.display()));
            }
        }
        if !TERMINAL.contains(&module.as_str())
            && (text.contains("ratatui::") || text.contains("crossterm::"))
        {
            wrong.push(format!(
                "{}: {module} knows about terminals",
                file.display()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "layers pointing up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_a_use_that_points_up() {
    let found = named_modules("use crate::store::Store; // crate::tui in a comment\n");
    assert_eq!(found, vec![(1, "store".to_string())]);
}
