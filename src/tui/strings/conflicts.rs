//! What the conflict flow says: how many conflicts are left and how to settle them.

use super::{counted, done};
use crate::keys::Command;
use crate::tui::keymap::Keymap;

/// "no conflicts to settle"
pub const NO_CONFLICTS: &str = "no conflicts to settle";

/// The status bar's count of conflicts a merge left, with the key that settles them.
pub fn conflicts_left(n: usize, keys: &Keymap) -> String {
    format!(
        "⚑ {} ({})",
        counted(n, "conflict"),
        keys.hint(Command::NextConflict)
    )
}

/// On opening a store a merge left conflicts in.
pub fn conflicts_on_open(n: usize, keys: &Keymap) -> String {
    format!(
        "{} from a merge: {} goes to the next and settles it",
        counted(n, "conflict"),
        keys.hint(Command::NextConflict)
    )
}

/// After settling a conflict: how many are left, and what then.
pub fn settled(left: usize, keys: &Keymap) -> String {
    if left == 0 {
        return done(
            &format!(
                "settled; no conflicts left: {} saves, then git add and commit",
                keys.hint(Command::Save)
            ),
            keys,
        );
    }
    done(
        &format!(
            "settled; {} left ({} goes to the next)",
            counted(left, "conflict"),
            keys.hint(Command::NextConflict)
        ),
        keys,
    )
}
