//! Key chords and the names of the commands they are bound to. Pure data, so the
//! configuration can check bindings without knowing about terminals.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a command applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Reading: scrolling, jumping, toggling panes, editing the selected annotation.
    Normal,
    /// Cursor mode (`v`): moving a cursor over the text and selecting.
    Cursor,
}

macro_rules! commands {
    ($( #[doc = $doc:literal] $variant:ident = $name:literal, $scope:ident, [$($key:literal),*]; )*) => {
        /// Everything a key can be bound to. Its snake_case name is what the config uses.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
        pub enum Command {
            $( #[doc = $doc] #[serde(rename = $name)] $variant, )*
        }

        impl Command {
            /// Every command, in the order help lists them.
            pub const ALL: &'static [Command] = &[$(Command::$variant),*];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name,)* }
            }

            /// The mode the command is bound in.
            pub fn scope(self) -> Scope {
                match self { $(Command::$variant => Scope::$scope,)* }
            }

            /// The keys bound by default.
            pub fn default_keys(self) -> &'static [&'static str] {
                match self { $(Command::$variant => &[$($key),*],)* }
            }

            /// One line for the help screen.
            pub fn describe(self) -> &'static str {
                match self { $(Command::$variant => $doc.trim_start(),)* }
            }
        }
    };
}

commands! {
    /// Scroll down one line
    ScrollDown = "scroll_down", Normal, ["j", "down", "ctrl-e"];
    /// Scroll up one line
    ScrollUp = "scroll_up", Normal, ["k", "up", "ctrl-y"];
    /// Scroll down one page
    PageDown = "page_down", Normal, ["space", "pagedown", "f", "ctrl-f"];
    /// Scroll up one page
    PageUp = "page_up", Normal, ["b", "pageup", "ctrl-b"];
    /// Scroll down half a page
    HalfPageDown = "half_page_down", Normal, ["ctrl-d"];
    /// Scroll up half a page
    HalfPageUp = "half_page_up", Normal, ["ctrl-u"];
    /// Go to the start of the article
    Top = "top", Normal, ["g", "home"];
    /// Go to the end of the article
    Bottom = "bottom", Normal, ["G", "end"];
    /// Select the next annotation
    NextAnnotation = "next_annotation", Normal, ["tab"];
    /// Select the previous annotation
    PrevAnnotation = "prev_annotation", Normal, ["backtab"];
    /// Next quote of the same side
    NextSameSide = "next_same_side", Normal, ["]"];
    /// Previous quote of the same side
    PrevSameSide = "prev_same_side", Normal, ["["];
    /// Search forward
    Search = "search", Normal, ["/"];
    /// Next search match
    SearchNext = "search_next", Normal, ["n"];
    /// Previous search match
    SearchPrev = "search_prev", Normal, ["N"];
    /// Set a mark (then a letter)
    SetMark = "set_mark", Normal, ["m"];
    /// Jump to a mark (then a letter)
    JumpMark = "jump_mark", Normal, ["'"];
    /// Show or hide the annotation sidebar
    ToggleSidebar = "toggle_sidebar", Normal, ["s"];
    /// Show or hide the sides view
    ToggleSides = "toggle_sides", Normal, ["p"];
    /// Show or hide this help
    ToggleHelp = "toggle_help", Normal, ["?", "f1"];
    /// Show or hide the legend
    ToggleLegend = "toggle_legend", Normal, ["L"];
    /// Jump to the item under the list cursor
    Activate = "activate", Normal, ["enter"];
    /// Quit
    Quit = "quit", Normal, ["q"];
    /// Close whatever is open
    Cancel = "cancel", Normal, ["esc"];
    /// Enter cursor mode to select text
    CursorMode = "cursor_mode", Normal, ["v"];
    /// Tag the selection as a quote
    TagQuote = "tag_quote", Normal, ["\""];
    /// Tag the selection as a position
    TagPosition = "tag_position", Normal, ["P"];
    /// Set the side to party 1
    Side1 = "side_1", Normal, ["1"];
    /// Set the side to party 2
    Side2 = "side_2", Normal, ["2"];
    /// Set the side to party 3
    Side3 = "side_3", Normal, ["3"];
    /// Set the side to party 4
    Side4 = "side_4", Normal, ["4"];
    /// Set the side to party 5
    Side5 = "side_5", Normal, ["5"];
    /// Set the side to party 6
    Side6 = "side_6", Normal, ["6"];
    /// Set the side to party 7
    Side7 = "side_7", Normal, ["7"];
    /// Set the side to party 8
    Side8 = "side_8", Normal, ["8"];
    /// Set the side to party 9
    Side9 = "side_9", Normal, ["9"];
    /// Clear the side
    Side0 = "side_none", Normal, ["0"];
    /// Pick the speaker
    PickSpeaker = "pick_speaker", Normal, ["@"];
    /// Change the kind of the quote
    ChangeKind = "change_kind", Normal, ["K"];
    /// Accept the suggestion
    Accept = "accept", Normal, ["a"];
    /// Reject the suggestion
    Reject = "reject", Normal, ["x"];
    /// Accept all suggestions like the selected one
    AcceptAll = "accept_all", Normal, ["A"];
    /// Delete the annotation
    Delete = "delete", Normal, ["d"];
    /// Edit the note
    EditNote = "edit_note", Normal, ["e"];
    /// Widen the annotation by a word at its end
    WidenEnd = "widen_end", Normal, [">"];
    /// Shrink the annotation by a word at its end
    ShrinkEnd = "shrink_end", Normal, ["<"];
    /// Widen the annotation by a word at its start
    WidenStart = "widen_start", Normal, [")"];
    /// Shrink the annotation by a word at its start
    ShrinkStart = "shrink_start", Normal, ["("];
    /// Merge the selected annotation's speaker into another
    MergeSpeaker = "merge_speaker", Normal, ["M"];
    /// Undo the last edit
    Undo = "undo", Normal, ["u"];
    /// Redo the last undone edit
    Redo = "redo", Normal, ["ctrl-r"];
    /// Save the annotations
    Save = "save", Normal, ["ctrl-s"];
    /// Export the annotations
    Export = "export", Normal, ["E"];
    /// Enter a command (:w, :q, :wq)
    CommandLine = "command_line", Normal, [":"];
    /// Cursor: one character left
    CursorLeft = "cursor_left", Cursor, ["h", "left"];
    /// Cursor: one character right
    CursorRight = "cursor_right", Cursor, ["l", "right"];
    /// Cursor: one row down
    CursorDown = "cursor_down", Cursor, ["j", "down"];
    /// Cursor: one row up
    CursorUp = "cursor_up", Cursor, ["k", "up"];
    /// Cursor: next word
    WordNext = "word_next", Cursor, ["w"];
    /// Cursor: previous word
    WordPrev = "word_prev", Cursor, ["b"];
    /// Cursor: end of word
    WordEnd = "word_end", Cursor, ["e"];
    /// Cursor: previous sentence
    SentencePrev = "sentence_prev", Cursor, ["("];
    /// Cursor: next sentence
    SentenceNext = "sentence_next", Cursor, [")"];
    /// Cursor: previous paragraph
    ParagraphPrev = "paragraph_prev", Cursor, ["{"];
    /// Cursor: next paragraph
    ParagraphNext = "paragraph_next", Cursor, ["}"];
    /// Start or drop the selection at the cursor
    ToggleSelection = "toggle_selection", Cursor, ["v", "space"];
    /// Leave cursor mode
    CursorCancel = "cursor_cancel", Cursor, ["esc"];
    /// Cursor: tag the selection as a quote
    CursorTagQuote = "cursor_tag_quote", Cursor, ["\""];
    /// Cursor: tag the selection as a position
    CursorTagPosition = "cursor_tag_position", Cursor, ["P"];
}

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

    #[test]
    fn every_default_key_parses_and_round_trips() {
        for c in Command::ALL {
            for k in c.default_keys() {
                let chord: KeyChord = k.parse().unwrap_or_else(|e| panic!("{c:?}: {e}"));
                let again: KeyChord = chord.to_string().parse().unwrap();
                assert_eq!(chord, again, "{k}");
            }
            assert!(!c.describe().is_empty());
        }
    }

    #[test]
    fn default_bindings_do_not_clash_within_a_scope() {
        let mut seen = std::collections::HashMap::new();
        for c in Command::ALL {
            for k in c.default_keys() {
                let chord: KeyChord = k.parse().unwrap();
                if let Some(other) = seen.insert((chord, c.scope() as u8), *c) {
                    panic!("{k} bound to both {other:?} and {c:?}");
                }
            }
        }
    }
}
