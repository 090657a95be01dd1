//! A key chord as the config writes it (`ctrl-d`, `G`, `shift-tab`, `space`): parsing,
//! printing, and reading it from and writing it to TOML.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A named key (not a character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NamedKey {
    /// Enter / Return
    Enter,
    /// Escape
    Esc,
    /// Tab
    Tab,
    /// Shift-Tab
    BackTab,
    /// Backspace
    Backspace,
    /// Delete
    Delete,
    /// Insert
    Insert,
    /// Arrow up
    Up,
    /// Arrow down
    Down,
    /// Arrow left
    Left,
    /// Arrow right
    Right,
    /// Page up
    PageUp,
    /// Page down
    PageDown,
    /// Home
    Home,
    /// End
    End,
    /// A function key
    F(u8),
}

/// The key part of a chord.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A character; case is significant ("G" is not "g").
    Char(char),
    /// A named key.
    Named(NamedKey),
}

/// A key with modifiers, written like `ctrl-d`, `G`, `shift-tab`, `space`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    /// The key.
    pub key: Key,
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

const NAMES: &[(&str, NamedKey)] = &[
    ("enter", NamedKey::Enter),
    ("return", NamedKey::Enter),
    ("esc", NamedKey::Esc),
    ("escape", NamedKey::Esc),
    ("tab", NamedKey::Tab),
    ("backtab", NamedKey::BackTab),
    ("shift-tab", NamedKey::BackTab),
    ("backspace", NamedKey::Backspace),
    ("delete", NamedKey::Delete),
    ("del", NamedKey::Delete),
    ("insert", NamedKey::Insert),
    ("up", NamedKey::Up),
    ("down", NamedKey::Down),
    ("left", NamedKey::Left),
    ("right", NamedKey::Right),
    ("pageup", NamedKey::PageUp),
    ("pagedown", NamedKey::PageDown),
    ("home", NamedKey::Home),
    ("end", NamedKey::End),
];

impl FromStr for KeyChord {
    type Err = String;

    fn from_str(s: &str) -> Result<KeyChord, String> {
        let mut rest = s;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") && rest.len() > 5 {
                ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let key = if let Some((_, k)) = NAMES.iter().find(|(n, _)| *n == lower) {
            Key::Named(*k)
        } else if lower == "space" {
            Key::Char(' ')
        } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if !(1..=12).contains(&n) {
                return Err(format!("no function key `{s}` (F1 to F12)"));
            }
            Key::Named(NamedKey::F(n))
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => {
                    Key::Char(if ctrl { c.to_ascii_lowercase() } else { c })
                }
                _ => {
                    return Err(format!(
                        "unknown key `{s}` (use one character, or a name such as enter, esc, tab, space, up, pagedown, f1, with ctrl- or alt-)"
                    ));
                }
            }
        };
        Ok(KeyChord { key, ctrl, alt })
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Named(NamedKey::F(n)) => write!(f, "F{n}"),
            Key::Named(NamedKey::BackTab) => f.write_str("Shift-Tab"),
            Key::Named(k) => write!(f, "{k:?}"),
        }
    }
}

impl<'de> Deserialize<'de> for KeyChord {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<KeyChord, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for KeyChord {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string().to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_chords() {
        let k: KeyChord = "ctrl-d".parse().unwrap();
        assert_eq!(k.key, Key::Char('d'));
        assert!(k.ctrl);
        assert_eq!("G".parse::<KeyChord>().unwrap().key, Key::Char('G'));
        assert_eq!("space".parse::<KeyChord>().unwrap().key, Key::Char(' '));
        assert_eq!(
            "PageDown".parse::<KeyChord>().unwrap().key,
            Key::Named(NamedKey::PageDown)
        );
        assert!("ctrl-".parse::<KeyChord>().is_err());
        assert!("nope".parse::<KeyChord>().is_err());
        assert!("f13".parse::<KeyChord>().is_err());
    }
}
