//! What the reader says while it reads the file again and detects, and what changed.

use super::{counted, done};
use crate::tui::keymap::Keymap;

/// The sides given were to apply to a store that changed before the detector was done.
pub const GIVEN_SIDES_STALE: &str =
    "the annotations changed while the sides given were being applied: not applied";

/// `:detect` found the article's file changed while there are unsaved edits: reading
/// it again opens its store again, so they are saved first.
pub fn article_changed_save_first(save: &str) -> String {
    format!("the file changed: {save} saves, :detect reads it")
}

/// `:detect` on an article whose file is too large to read at once: a worker reads it
/// again, then detects it or opens it again.
pub const READING_FILE_AGAIN: &str = "reading the file again, then detecting…";

/// The status bar until the worker has read the file again for `:detect`.
pub const READING_FILE: &str = "reading the file…";

/// "detecting…": a large article's detection runs on a worker.
pub const DETECTING: &str = "detecting the article again…";

/// What re-deriving the sides after an edit of the sides did ("" when the
/// re-derivation of a large article is still running).
pub fn rederived(changed: Option<usize>) -> String {
    match changed {
        Some(0) => "no suggestion changed side".into(),
        Some(n) => format!("{} changed side", counted(n, "suggestion")),
        None => "re-deriving the suggestions' sides…".into(),
    }
}

/// What `:detect` changed, and what it kept.
pub fn redetected(t: &crate::store::edit::Tally, keys: &Keymap) -> String {
    let what = format!("detected again: {}", t.describe());
    if t.is_empty() {
        what
    } else {
        done(&what, keys)
    }
}
