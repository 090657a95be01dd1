//! The lettered questions the reader asks, each declared once: its title and its
//! answers (the letter typed, the words shown, and what the answer means). The popup
//! is built from the declaration and the answer read back through it, so a letter is
//! never written twice.

use crate::model::QuoteKind;

/// One answer: the letter that gives it, the words shown beside it, what it means.
pub type Answer<T> = (char, &'static str, T);

/// A lettered question.
#[derive(Debug)]
pub struct Question<T: 'static> {
    /// What is asked.
    pub title: &'static str,
    /// The answers, in the order they are shown.
    pub answers: &'static [Answer<T>],
}

impl<T: Copy + PartialEq> Question<T> {
    /// What letter `c` answers, if it is one of the answers.
    pub fn meaning(&self, c: char) -> Option<T> {
        self.answers.iter().find(|a| a.0 == c).map(|a| a.2)
    }

    /// The letter of the answer that means `m`.
    pub fn letter(&self, m: T) -> Option<char> {
        self.answers.iter().find(|a| a.2 == m).map(|a| a.0)
    }
}

/// What to do with unsaved edits before quitting or leaving the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsaved {
    /// Save them, then go on.
    Save,
    /// Drop them, then go on.
    Discard,
    /// Stay.
    Cancel,
}

/// Quitting with unsaved edits.
pub const QUIT_UNSAVED: Question<Unsaved> = Question {
    title: "Unsaved changes",
    answers: &[
        ('s', "save and quit", Unsaved::Save),
        ('d', "discard them and quit", Unsaved::Discard),
        ('c', "cancel", Unsaved::Cancel),
    ],
};

/// Opening another article of the corpus with unsaved edits.
pub const LEAVE_UNSAVED: Question<Unsaved> = Question {
    title: "Unsaved changes to this article's annotations",
    answers: &[
        ('s', "save and go", Unsaved::Save),
        ('d', "discard them and go", Unsaved::Discard),
        ('c', "cancel", Unsaved::Cancel),
    ],
};

/// What to do when the store file changed on disk since it was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// Load it again, dropping the unsaved edits.
    Reload,
    /// Write ours over it.
    Overwrite,
    /// Write ours to another file.
    SaveElsewhere,
    /// Do nothing now.
    Cancel,
}

/// Saving over a store that changed on disk.
pub const STORE_CHANGED: Question<Changed> = Question {
    title: "The store changed on disk since it was loaded",
    answers: &[
        ('r', "reload it (drop my unsaved edits)", Changed::Reload),
        ('o', "overwrite it with mine", Changed::Overwrite),
        ('s', "save mine elsewhere", Changed::SaveElsewhere),
        ('c', "cancel", Changed::Cancel),
    ],
};

/// The ways out of a failed save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFailed {
    /// Save to another file.
    SaveElsewhere,
    /// Try the same file again.
    Retry,
    /// Close the question and go on editing.
    KeepEditing,
}

/// A save that failed (the title says why; "keep editing" says what is at risk).
pub const SAVE_FAILED: Question<SaveFailed> = Question {
    title: "Cannot save",
    answers: &[
        ('s', "save elsewhere", SaveFailed::SaveElsewhere),
        ('r', "retry", SaveFailed::Retry),
        ('k', "keep editing", SaveFailed::KeepEditing),
    ],
};

/// The ways out of a save asked of a read-only reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlySave {
    /// Write a copy to another file.
    WriteCopy,
    /// Close the question.
    Close,
}

/// A save asked of a read-only reader (the title says why it is read-only).
pub const READ_ONLY_SAVE: Question<ReadOnlySave> = Question {
    title: "Cannot save",
    answers: &[
        (
            's',
            "write a copy elsewhere (as :w PATH does)",
            ReadOnlySave::WriteCopy,
        ),
        (
            'c',
            "close (this reader edits nothing, so nothing is lost)",
            ReadOnlySave::Close,
        ),
    ],
};

/// Whether to replace a file that exists (the title names it).
pub const REPLACE: Question<bool> = Question {
    title: "already exists",
    answers: &[('r', "replace it", true), ('c', "cancel", false)],
};

/// The kind of a quote, when tagging one or changing it.
pub const KIND: Question<QuoteKind> = Question {
    title: "Kind of quote",
    answers: &[
        ('d', "direct: a whole quoted utterance", QuoteKind::Direct),
        (
            'p',
            "partial: quoted words inside reported speech",
            QuoteKind::Partial,
        ),
        (
            't',
            "term: a name or scare quote, not speech",
            QuoteKind::Term,
        ),
    ],
};

/// The title of the kind question when the selection is tagged as a quote.
pub const TAG_AS_QUOTE: &str = "Tag as a quote";

/// Whether to apply the sides given (config or `--parties`) to a store with others;
/// each answer's words are followed by the sides it means.
pub const GIVEN_SIDES: Question<bool> = Question {
    title: "The sides given (config or --parties) differ from the store's",
    answers: &[
        ('a', "apply them (suggestions re-derived)", true),
        ('k', "keep the store's", false),
    ],
};

/// Which value settles a conflict a merge left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settle {
    /// Our branch's value.
    Ours,
    /// Their branch's value.
    Theirs,
    /// A value the user writes.
    Edit,
}

/// Settling a conflict (the title names it; ours and theirs are followed by their
/// values; `Edit` is offered only for a field a person can write).
pub const SETTLE: Question<Settle> = Question {
    title: "Conflict",
    answers: &[
        ('o', "ours", Settle::Ours),
        ('t', "theirs", Settle::Theirs),
        ('e', "edit: write the value", Settle::Edit),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_reads_back_the_answer_it_was_shown_with() {
        for (letter, _, kind) in KIND.answers {
            assert_eq!(KIND.meaning(*letter), Some(*kind));
            assert_eq!(KIND.letter(*kind), Some(*letter));
        }
        assert_eq!(QUIT_UNSAVED.meaning('x'), None);
    }
}
