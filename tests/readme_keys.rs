//! The README's key table is where a new reader looks a key up: every command of the
//! keymap that has a key by default is in it, under one of those keys, as the table
//! writes keys (`x` for a character, Ctrl-d, Enter, Shift-Tab, ↑).

use parley::keys::{Command, Key, KeyChord, NamedKey};

/// The rows of the README's table of keys, whole.
fn key_table() -> String {
    let readme = include_str!("../README.md");
    let start = readme
        .find("| keys | what they do |")
        .expect("the README has its key table");
    readme[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A key as the table writes it.
fn written(key: &str) -> String {
    let chord: KeyChord = key.parse().expect("a default key parses");
    match chord.key {
        Key::Char(' ') if !chord.ctrl && !chord.alt => "Space".to_string(),
        Key::Char(c) if !chord.ctrl && !chord.alt => format!("`{c}`"),
        Key::Named(NamedKey::Up) => "↑".to_string(),
        Key::Named(NamedKey::Down) => "↓".to_string(),
        Key::Named(NamedKey::Left) => "←".to_string(),
        Key::Named(NamedKey::Right) => "→".to_string(),
        _ => chord.to_string(),
    }
}

#[test]
fn every_command_with_a_key_is_in_the_readme_key_table() {
    let table = key_table();
    let missing: Vec<String> = Command::ALL
        .iter()
        .filter(|c| !c.default_keys().is_empty())
        .filter(|c| !c.default_keys().iter().any(|k| table.contains(&written(k))))
        .map(|c| format!("{} ({})", c.name(), c.default_keys().join(", ")))
        .collect();
    assert!(
        missing.is_empty(),
        "not in the README's key table: {missing:?}"
    );
}

#[test]
fn the_table_writes_keys_as_a_reader_types_them() {
    assert_eq!(written("A"), "`A`");
    assert_eq!(written("ctrl-w"), "Ctrl-w");
    assert_eq!(written("backtab"), "Shift-Tab");
    assert_eq!(written("space"), "Space");
    assert_eq!(written("f1"), "F1");
    assert_eq!(written("down"), "↓");
}

#[test]
fn the_table_says_how_to_re_attach_an_orphan() {
    let table = key_table();
    let row = table
        .lines()
        .find(|l| l.contains("orphan"))
        .expect("a row for orphans");
    assert!(row.contains("re-attach"), "{row}");
}
