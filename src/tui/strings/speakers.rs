//! What the speakers panel and the sides say: deleting, placing and editing speakers,
//! a story without sides, and each side's column.

use super::{counted, done};
use crate::keys::Command;
use crate::tui::keymap::Keymap;

/// "no speakers": the speakers panel is empty.
pub const NO_SPEAKERS: &str = "no speakers yet: @ on an annotation adds one";

/// A speaker was deleted; `annotations` named it and keep their text.
pub fn speaker_deleted(name: &str, annotations: usize) -> String {
    let name = crate::article::sanitize_inline(name);
    match annotations {
        0 => format!("speaker {name} deleted; no annotation named it"),
        1 => format!("speaker {name} deleted; the 1 annotation that named it keeps its text"),
        n => format!("speaker {name} deleted; the {n} annotations that named it keep their text"),
    }
}

/// A speaker was given a side (`side`: its name, or "no side"), which reached
/// `annotations` of its quotes and positions.
pub fn speaker_side_set(name: &str, side: &str, annotations: usize) -> String {
    format!(
        "side of {}: {side} (and of {} of its)",
        crate::article::sanitize_inline(name),
        counted(annotations, "annotation")
    )
}

/// A speaker is named nowhere in the text.
pub fn speaker_unplaced(name: &str) -> String {
    format!(
        "{} is named nowhere in the text",
        crate::article::sanitize_inline(name)
    )
}

/// A speaker renamed, or given a role.
pub fn speaker_edited(what: &str, name: &str, keys: &Keymap) -> String {
    done(
        &format!("{what}: {}", crate::article::sanitize_inline(name)),
        keys,
    )
}

/// After jumping to a speaker: how many places, and the keys that go on.
pub fn speaker_places(name: &str, n: usize, keys: &Keymap) -> String {
    format!(
        "{}: {} ({} next, {} previous)",
        crate::article::sanitize_inline(name),
        counted(n, "place"),
        keys.hint(Command::SearchNext),
        keys.hint(Command::SearchPrev)
    )
}

/// A side digit past the last side (`sides` of them).
pub fn no_side(sides: usize, keys: &Keymap) -> String {
    let add = keys.hint(Command::EditSides);
    match sides {
        0 => format!("no sides yet: {add} adds one"),
        1 => format!("there is 1 side; press 1, 0 for none, or {add} to add one"),
        n => format!("there are {n} sides; press 1 to {n}, 0 for none, or {add} to add one"),
    }
}

/// The status bar's words for an annotation to check again.
pub fn recheck(keys: &Keymap) -> String {
    format!(
        "≈ placed by a fuzzy match: check it ({} accepts)",
        keys.hint(Command::Accept)
    )
}

/// What the status bar says of a story without sides, with the live key that adds one.
pub fn no_sides(keys: &Keymap) -> String {
    format!("no sides: {} adds one", keys.hint(Command::EditSides))
}

/// The sides view of a story without sides (`no_sides` says which key adds one).
pub fn no_sides_in_view(no_sides: &str) -> String {
    format!("{no_sides}, or set [[party]] in the config")
}

/// A column's title in the sides view: the side's name and how many it lists.
pub fn side_column(name: &str, n: usize) -> String {
    format!("{name} ({n})")
}

/// The name of the sides view's column of what has no side.
pub const NO_SIDE_COLUMN: &str = "No side";

/// The sides editor of a story without sides, with the live key that adds one.
pub fn no_sides_yet(keys: &Keymap) -> String {
    format!(
        "No sides yet: press {} to add one.",
        keys.hint(Command::SideAdd)
    )
}
