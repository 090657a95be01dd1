//! A configuration's key bindings: the keys of each command, as the `[keys]` table
//! writes them. Names older configurations used (`side_1` … `side_9`, `side_none`,
//! `cursor_tag_quote`, `cursor_tag_position`) still load.

use super::{Command, Key, KeyChord};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Keys per command, and keys that set one particular side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bindings {
    /// The keys of each command.
    pub commands: BTreeMap<Command, Vec<KeyChord>>,
    /// Keys that set one side (party number, 0 for none), from the `side_N` names. A
    /// digit bound to `set_side` sets the side it names; these are for other keys.
    pub sides: BTreeMap<u8, Vec<KeyChord>>,
}

/// What an older name in `[keys]` stands for now.
enum Legacy {
    /// A command that took over from this one.
    Command(Command),
    /// `side_N`: the keys that set side N (0: `side_none`).
    Side(u8),
}

fn legacy(name: &str) -> Option<Legacy> {
    match name {
        "cursor_tag_quote" => Some(Legacy::Command(Command::TagQuote)),
        "cursor_tag_position" => Some(Legacy::Command(Command::TagPosition)),
        "side_none" => Some(Legacy::Side(0)),
        _ => {
            let n: u8 = name.strip_prefix("side_")?.parse().ok()?;
            (1..=9).contains(&n).then_some(Legacy::Side(n))
        }
    }
}

/// The digit a `set_side` key names, if it is one.
pub fn side_digit(chord: &KeyChord) -> Option<u8> {
    match chord.key {
        Key::Char(c) if !chord.ctrl && !chord.alt => c.to_digit(10).map(|d| d as u8),
        _ => None,
    }
}

/// The configuration name of the keys that set side `n` (0: none).
pub fn side_name(n: u8) -> String {
    if n == 0 {
        "side_none".to_string()
    } else {
        format!("side_{n}")
    }
}

/// The commands without which some mode of the reader has no way out: each must keep a
/// key. (Quitting from reading, the `:` line that also quits, interrupting, closing
/// what is open, and leaving cursor mode, a prompt and the sides editor.)
pub const WAYS_OUT: [Command; 7] = [
    Command::Quit,
    Command::Interrupt,
    Command::CommandLine,
    Command::Cancel,
    Command::CursorCancel,
    Command::PromptCancel,
    Command::SideClose,
];

impl Bindings {
    /// Every command with its default keys.
    pub fn defaults() -> Bindings {
        let mut b = Bindings::default();
        b.fill_defaults();
        b
    }

    /// The keys of a command (none when it is unbound).
    pub fn keys(&self, command: Command) -> &[KeyChord] {
        self.commands.get(&command).map_or(&[], Vec::as_slice)
    }

    /// Commands the configuration does not name keep their default keys; the digits of
    /// sides given other keys under their older names leave `set_side`, as they left
    /// `side_N` before.
    pub fn fill_defaults(&mut self) {
        for c in Command::ALL {
            if self.commands.contains_key(c) {
                continue;
            }
            let mut keys: Vec<KeyChord> = c
                .default_keys()
                .iter()
                .filter_map(|k| k.parse().ok())
                .collect();
            if *c == Command::SetSide {
                keys.retain(|k| side_digit(k).is_none_or(|d| !self.sides.contains_key(&d)));
            }
            self.commands.insert(*c, keys);
        }
    }
}

impl std::ops::Index<&Command> for Bindings {
    type Output = [KeyChord];

    fn index(&self, command: &Command) -> &[KeyChord] {
        self.keys(*command)
    }
}

impl<'de> Deserialize<'de> for Bindings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Bindings, D::Error> {
        let table = BTreeMap::<String, Vec<KeyChord>>::deserialize(d)?;
        let mut b = Bindings::default();
        // a key listed twice for one command (or under its old name too) is one binding
        let add = |list: &mut Vec<KeyChord>, keys: Vec<KeyChord>| {
            for k in keys {
                if !list.contains(&k) {
                    list.push(k);
                }
            }
        };
        for (name, keys) in table {
            if let Some(c) = Command::from_name(&name) {
                add(b.commands.entry(c).or_default(), keys);
                continue;
            }
            match legacy(&name) {
                Some(Legacy::Command(c)) => add(b.commands.entry(c).or_default(), keys),
                Some(Legacy::Side(n)) => add(b.sides.entry(n).or_default(), keys),
                None => {
                    return Err(serde::de::Error::custom(format!(
                        "unknown command `{name}` in [keys] (help lists every command by name)"
                    )));
                }
            }
        }
        Ok(b)
    }
}

impl Serialize for Bindings {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut table: BTreeMap<String, &Vec<KeyChord>> = self
            .commands
            .iter()
            .map(|(c, k)| (c.name().to_string(), k))
            .collect();
        for (n, k) in &self.sides {
            table.insert(side_name(*n), k);
        }
        table.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(toml_text: &str) -> Bindings {
        #[derive(Deserialize)]
        struct Wrap {
            keys: Bindings,
        }
        let mut b = toml::from_str::<Wrap>(toml_text).expect("parses").keys;
        b.fill_defaults();
        b
    }

    #[test]
    fn older_names_still_load() {
        let b =
            parse("[keys]\nside_3 = [\"F3\"]\nside_none = [\"-\"]\ncursor_tag_quote = [\"Q\"]\n");
        assert_eq!(b.sides[&3], vec!["f3".parse::<KeyChord>().unwrap()]);
        assert_eq!(b.sides[&0], vec!["-".parse::<KeyChord>().unwrap()]);
        assert_eq!(b[&Command::TagQuote], ["Q".parse::<KeyChord>().unwrap()]);
        let digits: Vec<u8> = b[&Command::SetSide].iter().filter_map(side_digit).collect();
        assert_eq!(
            digits,
            [1, 2, 4, 5, 6, 7, 8, 9],
            "3 and 0 went to their own keys"
        );
    }

    #[test]
    fn an_unknown_name_is_an_error_that_names_it() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Wrap {
            keys: Bindings,
        }
        let e = toml::from_str::<Wrap>("[keys]\nside_10 = [\"x\"]\n").unwrap_err();
        assert!(e.to_string().contains("side_10"), "{e}");
    }
}
