//! From terminal key events to commands, through the configured bindings.

use crate::keys::{Bindings, Command, Key, KeyChord, NamedKey, Scope, side_digit};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;

/// What a key is bound to in a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// A command.
    Command(Command),
    /// `set_side` with the side it names: 1-9 a party in order, 0 none.
    Side(u8),
}

/// The live key bindings: one keymap per mode (scope), and the keys of each command
/// for help and hints. The reader's one home of its bindings.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: HashMap<(Scope, KeyChord), Bound>,
    keys: Bindings,
}

impl Keymap {
    /// The keymap of a (validated) configuration's bindings, which it keeps.
    pub fn new(keys: Bindings) -> Keymap {
        let mut bindings = HashMap::new();
        for (command, chords) in &keys.commands {
            for scope in command.scopes() {
                for chord in chords {
                    let bound = match (*command, side_digit(chord)) {
                        (Command::SetSide, Some(d)) => Bound::Side(d),
                        (c, _) => Bound::Command(c),
                    };
                    bindings.insert((*scope, *chord), bound);
                }
            }
        }
        for (n, chords) in &keys.sides {
            for chord in chords {
                bindings.insert((Scope::Normal, *chord), Bound::Side(*n));
            }
        }
        Keymap { bindings, keys }
    }

    /// What a key is bound to in a mode.
    pub fn lookup(&self, scope: Scope, key: KeyEvent) -> Option<Bound> {
        let chord = chord_of(key)?;
        self.bindings.get(&(scope, chord)).copied()
    }

    /// Whether a key opens the help in some mode.
    pub fn opens_help(&self, key: KeyEvent) -> bool {
        let scopes = [
            Scope::Normal,
            Scope::Cursor,
            Scope::Sides,
            Scope::Speakers,
            Scope::Corpus,
        ];
        scopes.into_iter().any(|scope| {
            matches!(
                self.command(scope, key),
                Some(Command::ToggleHelp | Command::CursorHelp | Command::PanelHelp)
            )
        })
    }

    /// The command bound to a key in a mode (`None` for a side key).
    pub fn command(&self, scope: Scope, key: KeyEvent) -> Option<Command> {
        match self.lookup(scope, key)? {
            Bound::Command(c) => Some(c),
            Bound::Side(_) => None,
        }
    }

    /// The keys bound to a command, for help and hints.
    pub fn keys_of(&self, command: Command) -> &[KeyChord] {
        self.keys.keys(command)
    }

    /// Keys that set one side besides `set_side`'s digits (party number, keys).
    pub fn side_keys(&self) -> impl Iterator<Item = (u8, &[KeyChord])> {
        self.keys.sides.iter().map(|(n, k)| (*n, k.as_slice()))
    }

    /// Every key of a command as text, joined by slashes ("Esc/q/Ctrl-c").
    pub fn keys_text(&self, command: Command) -> String {
        self.keys_of(command)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The first key of a command as text ("q"), or "unbound".
    pub fn hint(&self, command: Command) -> String {
        self.keys_of(command)
            .first()
            .map_or_else(|| "unbound".to_string(), ToString::to_string)
    }
}

/// The chord of a terminal key event; `None` for keys parley never binds.
pub fn chord_of(key: KeyEvent) -> Option<KeyChord> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let k = match key.code {
        KeyCode::Char(c) if ctrl => Key::Char(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Named(NamedKey::Enter),
        KeyCode::Esc => Key::Named(NamedKey::Esc),
        KeyCode::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => {
            Key::Named(NamedKey::BackTab)
        }
        KeyCode::Tab => Key::Named(NamedKey::Tab),
        KeyCode::BackTab => Key::Named(NamedKey::BackTab),
        KeyCode::Backspace => Key::Named(NamedKey::Backspace),
        KeyCode::Delete => Key::Named(NamedKey::Delete),
        KeyCode::Insert => Key::Named(NamedKey::Insert),
        KeyCode::Up => Key::Named(NamedKey::Up),
        KeyCode::Down => Key::Named(NamedKey::Down),
        KeyCode::Left => Key::Named(NamedKey::Left),
        KeyCode::Right => Key::Named(NamedKey::Right),
        KeyCode::PageUp => Key::Named(NamedKey::PageUp),
        KeyCode::PageDown => Key::Named(NamedKey::PageDown),
        KeyCode::Home => Key::Named(NamedKey::Home),
        KeyCode::End => Key::Named(NamedKey::End),
        KeyCode::F(n) => Key::Named(NamedKey::F(n)),
        _ => return None,
    };
    Some(KeyChord { key: k, ctrl, alt })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn defaults_map_keys_to_commands_per_mode() {
        let km = Keymap::new(Config::default().keys);
        let none = KeyModifiers::NONE;
        assert_eq!(
            km.command(Scope::Normal, key(KeyCode::Char('j'), none)),
            Some(Command::ScrollDown)
        );
        assert_eq!(
            km.command(Scope::Cursor, key(KeyCode::Char('j'), none)),
            Some(Command::CursorDown)
        );
        assert_eq!(
            km.command(
                Scope::Normal,
                key(KeyCode::Char('d'), KeyModifiers::CONTROL)
            ),
            Some(Command::HalfPageDown)
        );
        assert_eq!(
            km.command(Scope::Normal, key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Command::Bottom)
        );
        assert_eq!(
            km.command(Scope::Normal, key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Command::PrevAnnotation)
        );
        assert_eq!(
            km.command(Scope::Normal, key(KeyCode::Char('z'), none)),
            None
        );
    }

    #[test]
    fn rebinding_replaces_defaults() {
        let c = Config::parse("[keys]\nquit = [\"Q\", \"ctrl-x\"]\n", "t").unwrap();
        let km = Keymap::new(c.keys);
        let none = KeyModifiers::NONE;
        assert_eq!(
            km.command(Scope::Normal, key(KeyCode::Char('q'), none)),
            None
        );
        assert_eq!(
            km.command(Scope::Normal, key(KeyCode::Char('Q'), none)),
            Some(Command::Quit)
        );
        assert_eq!(km.hint(Command::Quit), "Q");
    }

    #[test]
    fn digits_set_sides_and_prompt_keys_are_a_keymap_of_their_own() {
        let km = Keymap::new(Config::default().keys);
        let none = KeyModifiers::NONE;
        assert_eq!(
            km.lookup(Scope::Normal, key(KeyCode::Char('2'), none)),
            Some(Bound::Side(2))
        );
        assert_eq!(
            km.lookup(Scope::Normal, key(KeyCode::Char('0'), none)),
            Some(Bound::Side(0))
        );
        assert_eq!(
            km.command(
                Scope::Prompt,
                key(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Command::PromptCancel)
        );
        assert_eq!(
            km.command(Scope::Prompt, key(KeyCode::Char('j'), none)),
            None,
            "letters are typed"
        );
        let c = Config::parse(
            "[keys]
prompt_cancel = [\"ctrl-q\"]\nside_1 = [\"!\"]\n",
            "t",
        )
        .unwrap();
        let km = Keymap::new(c.keys);
        assert_eq!(
            km.command(
                Scope::Prompt,
                key(KeyCode::Char('q'), KeyModifiers::CONTROL)
            ),
            Some(Command::PromptCancel)
        );
        assert_eq!(
            km.lookup(Scope::Normal, key(KeyCode::Char('!'), none)),
            Some(Bound::Side(1))
        );
        assert_eq!(
            km.lookup(Scope::Normal, key(KeyCode::Char('1'), none)),
            None
        );
    }
}
