//! From terminal key events to commands, through the configured bindings.

use crate::config::Config;
use crate::keys::{Command, Key, KeyChord, NamedKey, Scope};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;

/// The live key bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<(KeyChord, ScopeKey), Command>,
    keys: HashMap<Command, Vec<KeyChord>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ScopeKey {
    Normal,
    Cursor,
}

fn scope_key(s: Scope) -> ScopeKey {
    match s {
        Scope::Normal => ScopeKey::Normal,
        Scope::Cursor => ScopeKey::Cursor,
    }
}

impl Keymap {
    /// Builds the keymap of a (validated) configuration.
    pub fn new(config: &Config) -> Keymap {
        let mut bindings = HashMap::new();
        let mut keys = HashMap::new();
        for (command, chords) in &config.keys {
            for chord in chords {
                bindings.insert((*chord, scope_key(command.scope())), *command);
            }
            keys.insert(*command, chords.clone());
        }
        Keymap { bindings, keys }
    }

    /// The command bound to a key in a mode.
    pub fn command(&self, scope: Scope, key: KeyEvent) -> Option<Command> {
        let chord = chord_of(key)?;
        self.bindings.get(&(chord, scope_key(scope))).copied()
    }

    /// The keys bound to a command, for help and hints.
    pub fn keys_of(&self, command: Command) -> &[KeyChord] {
        self.keys.get(&command).map_or(&[], Vec::as_slice)
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

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn defaults_map_keys_to_commands_per_mode() {
        let km = Keymap::new(&Config::default());
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
        let km = Keymap::new(&c);
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
}
