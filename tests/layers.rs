//! The crate's layers point one way, and its files do not import each other in circles.
//!
//! `ALLOWED` below is the one statement of the layer rule (docs/DESIGN.md draws it).
//! This test reads every source file, resolves each path it names — `use` and
//! `pub use` (re-exports), `crate::`, `super::`, `self::` and a child module's name,
//! in code outside comments and strings — to the file that holds the module named,
//! and so builds the graph of the files' imports. It fails on an arrow from a module to
//! one it may not name, on a terminal crate outside `tui` and `cli`, and on a cycle
//! between files, printing the offending edges with their lines.

mod import_graph;

use import_graph::source::code_only;
use import_graph::{Import, ModPath, cycles, import_graph, imports_of, name, nested, src_dir};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

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

#[test]
fn every_module_names_only_the_layers_below_it() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let (files, graph) = import_graph(&src_dir());
    let mut wrong = Vec::new();
    for (module, imports) in &graph {
        let Some(layer) = module.first() else {
            continue; // lib.rs declares the layers
        };
        let may = allowed
            .get(layer.as_str())
            .unwrap_or_else(|| panic!("{layer} is not in the layer table"));
        for imp in imports {
            let Some(to) = imp.to.first().filter(|to| *to != layer) else {
                continue;
            };
            if !may.contains(&to.as_str()) {
                let how = if imp.reexport { "re-exports" } else { "names" };
                wrong.push(format!(
                    "{}:{}: {layer} {how} {to} ({})",
                    files[module].display(),
                    imp.line,
                    imp.written
                ));
            }
        }
        let text = std::fs::read_to_string(&files[module]).expect("read source");
        if !TERMINAL.contains(&layer.as_str())
            && (text.contains("ratatui::") || text.contains("crossterm::"))
        {
            wrong.push(format!(
                "{}: {layer} knows about terminals",
                files[module].display()
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
fn no_files_import_each_other_in_a_cycle() {
    let (files, graph) = import_graph(&src_dir());
    let mut wrong = Vec::new();
    for cycle in cycles(&graph) {
        let names: BTreeSet<String> = cycle.iter().map(|m| name(m)).collect();
        wrong.push(format!(
            "a cycle between {}:",
            names.into_iter().collect::<Vec<_>>().join(", ")
        ));
        for from in &cycle {
            for imp in &graph[from] {
                if cycle.contains(&imp.to) && !nested(from, &imp.to) {
                    let how = if imp.reexport { "pub use" } else { "names" };
                    wrong.push(format!(
                        "  {}:{}: {} {how} {} ({})",
                        files[from].display(),
                        imp.line,
                        name(from),
                        name(&imp.to),
                        imp.written
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "files importing each other:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_graph_resolves_super_self_children_and_reexports() {
    let files: BTreeMap<ModPath, PathBuf> = [
        vec![],
        vec!["tui"],
        vec!["tui", "app"],
        vec!["tui", "mode"],
        vec!["store"],
    ]
    .into_iter()
    .map(|m| (m.into_iter().map(String::from).collect(), PathBuf::new()))
    .collect();
    let module: ModPath = vec!["tui".into(), "mode".into()];
    let code = code_only(
        "//! crate::store in a comment\n\
         pub use super::app::{Cursor, self as a};\n\
         use crate::store::Store;\n\
         fn f() { let s = \"super::app\"; self::g(); }\n\
         mod tests { use super::*; fn t() { super::super::app::x(); } }\n",
    );
    let found: Vec<(String, usize, bool)> = imports_of(&code, &module, &files)
        .into_iter()
        .map(|imp| (name(&imp.to), imp.line, imp.reexport))
        .collect();
    let expected = [
        ("tui::app", 2, true),
        ("tui::app", 2, true),
        ("store", 3, false),
        ("tui::mode", 4, false),
        ("tui::mode", 5, false),
        ("tui::app", 5, false),
    ];
    let expected: Vec<(String, usize, bool)> = expected
        .iter()
        .map(|(m, l, r)| (m.to_string(), *l, *r))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_reexport_that_points_back_is_a_cycle() {
    let import = |to: &[&str]| Import {
        to: to.iter().map(|s| s.to_string()).collect(),
        line: 1,
        written: String::new(),
        reexport: true,
    };
    let m = |p: &[&str]| -> ModPath { p.iter().map(|s| s.to_string()).collect() };
    let mut graph = BTreeMap::new();
    graph.insert(m(&["tui"]), vec![import(&["tui", "app"])]);
    graph.insert(
        m(&["tui", "app"]),
        vec![import(&["tui", "mode"]), import(&["tui"])],
    );
    graph.insert(m(&["tui", "mode"]), vec![import(&["tui", "app"])]);
    let found = cycles(&graph);
    assert_eq!(
        found,
        vec![
            [m(&["tui", "app"]), m(&["tui", "mode"])]
                .into_iter()
                .collect()
        ]
    );
}
