//! What the reader says in its status bar, each text written once: the messages and
//! the hints that name keys (from the live keymap, so they stay true when keys are
//! rebound). Texts with parts are functions.

use crate::keys::Command;
use crate::tui::keymap::Keymap;

mod conflicts;
mod corpus;
mod detection;
mod review;
mod speakers;
pub use conflicts::*;
pub use corpus::*;
pub use detection::*;
pub use review::*;
pub use speakers::*;

/// "kept the store's sides"
pub const KEPT_STORE_SIDES: &str = "kept the store's sides";

/// "marks are letters a-z, A-Z"
pub const MARKS_ARE_LETTERS: &str = "marks are letters a-z, A-Z";

/// "merge into an existing speaker"
pub const MERGE_INTO_EXISTING: &str = "merge into an existing speaker";

/// "nothing to redo"
pub const NOTHING_TO_REDO: &str = "nothing to redo";

/// "nothing to undo"
pub const NOTHING_TO_UNDO: &str = "nothing to undo";

/// "no annotations"
pub const NO_ANNOTATIONS: &str = "no annotations";

/// "no file name given"
pub const NO_FILE_NAME: &str = "no file name given";

/// "no speaker matches; type a name to add one"
pub const NO_SPEAKER_MATCHES: &str = "no speaker matches; type a name to add one";

/// "an orphan has no span: select text and tag it to re-attach"
pub const ORPHAN_HAS_NO_SPAN: &str = "an orphan has no span: select text and tag it to re-attach";

/// "re-attached"
pub const REATTACHED: &str = "re-attached";

/// "reloaded from disk"
pub const RELOADED: &str = "reloaded from disk";

/// "that is the same speaker"
pub const SAME_SPEAKER: &str = "that is the same speaker";

/// "saved over the changed file"
pub const SAVED_OVER: &str = "saved over the changed file";

/// A search being typed found its first match past the end (above the screen), or
/// for a backward search past the start (below it).
pub fn search_wrapped_while_typing(backward: bool) -> &'static str {
    if backward {
        "search wrapped: the match is below"
    } else {
        "search wrapped: the match is above"
    }
}

/// `n` before any search.
pub fn no_search_yet(keys: &Keymap) -> String {
    format!(
        "no search yet: press {} to search ({} backward)",
        keys.hint(Command::Search),
        keys.hint(Command::SearchBackward)
    )
}

/// "no jump yet to go back from"
pub const NO_JUMP_YET: &str = "no jump yet to go back from";

/// "no speaker matches"
pub const NO_SPEAKER_TO_FILTER: &str = "no speaker matches";

/// "select an annotation first (Tab, or a click)"
pub const SELECT_FIRST: &str = "select an annotation first (Tab, or a click)";

/// "select a quote first"
pub const SELECT_QUOTE_FIRST: &str = "select a quote first";

/// "select an annotation whose speaker should be merged into another"
pub const SELECT_TO_MERGE: &str =
    "select an annotation whose speaker should be merged into another";

/// "the annotations are still loading"
pub const STILL_LOADING: &str = "the annotations are still loading";

/// `v`, `"` or `P` on an article with no text: "the article is empty: there is no
/// text to select or tag"
pub const NOTHING_TO_SELECT: &str = "the article is empty: there is no text to select or tag";

/// `v`, `"` or `P` before any of the article's text has come.
pub const NOTHING_TO_SELECT_YET: &str =
    "the article is still being read: there is no text to select yet";

/// The opening's worker ended without the store (a bug).
pub const WORKER_GONE: &str = "the annotations could not be loaded";

/// What is left after [`WORKER_GONE`].
pub const READING_ONLY: &str = "reading only";

/// A detection's worker ended without its result (a bug).
pub const DETECTION_FAILED: &str = "the detection failed";

/// What is left after [`DETECTION_FAILED`]: nothing of it reached the store.
pub const ANNOTATIONS_UNCHANGED: &str = "the annotations are as they were";

/// A corpus search's worker ended before it finished (a bug).
pub const SEARCH_FAILED: &str = "the search failed";

/// What is left after [`SEARCH_FAILED`].
pub const MATCHES_SO_FAR: &str = "its matches so far are listed";

/// The worker reading the corpus's titles and counts ended before it finished (a bug).
pub const COUNTING_FAILED: &str = "reading the articles' titles and counts failed";

/// What is left after [`COUNTING_FAILED`].
pub const COUNTS_SHOWN_UNAVAILABLE: &str =
    "the list shows the rest as unavailable; each article opens as before";

/// A row of the corpus list for an article with no store beside it: nothing detected
/// or annotated yet (opening it detects).
pub const NO_STORE_YET: &str = "no annotations saved yet";

/// A row of the corpus list whose counts the failed read never reached.
pub const COUNTS_UNAVAILABLE: &str = "counts unavailable";

/// The thread that turns signals into events panicked (a bug).
pub const SIGNALS_FAILED: &str = "watching for signals failed";

/// What is left after [`SIGNALS_FAILED`] when it watches on.
pub const SIGNALS_WATCHED_AGAIN: &str = "watching again";

/// What is left after [`SIGNALS_FAILED`] when it gave up: kill and hang-up signals no
/// longer end the reader cleanly, so the user should end it with a key.
pub fn signals_lost(save: &str, quit: &str) -> String {
    format!("signals no longer end the reader cleanly: {save} saves, {quit} quits")
}

/// A detection of an article the reader has left failed (a bug): said in the messages,
/// under the article's name, not on the article shown.
pub fn detection_failed_for(article: &str) -> String {
    format!(
        "{}: {DETECTION_FAILED}",
        crate::article::sanitize_inline(article)
    )
}

/// The longest panic report shown: enough for the message and its place.
const REPORT_CHARS: usize = 200;

/// A worker's failure (a bug) and what it left, with its panic's report when the hook
/// kept one, made safe to show: "the detection failed (internal error: index out of
/// bounds at src/detect/x.rs:10:5); the annotations are as they were".
pub fn worker_failed(failed: &str, why: Option<&str>, left: &str) -> String {
    match why {
        Some(why) => {
            let why: String = crate::article::sanitize_inline(why)
                .chars()
                .take(REPORT_CHARS)
                .collect();
            format!("{failed} (internal error: {why}); {left}")
        }
        None => format!("{failed} (internal error); {left}"),
    }
}

/// A detection asked of a store opened without a detector.
pub const NO_DETECTOR: &str = "this store was opened without a detector: nothing to detect";

/// `s` on a terminal too narrow for the sidebar.
pub fn no_room_for_sidebar(columns: u16) -> String {
    format!(
        "no room for the sidebar: it needs a terminal {} columns wide, this one has {columns}",
        crate::tui::geometry::SIDEBAR_MIN_TERMINAL
    )
}

/// The rest of a large article could not be read (`why`).
pub fn showing_the_start_only(why: &str) -> String {
    format!("{why}; showing the start only, without annotations")
}

/// "… (u undoes)": something done that undo takes back.
pub fn done(what: &str, keys: &Keymap) -> String {
    format!("{what} ({} undoes)", keys.hint(Command::Undo))
}

/// `:w PATH` wrote a copy; the store stays on its own file (both shown sanitised).
pub fn wrote_copy(copy: &str, own: Option<&str>) -> String {
    match own {
        Some(own) => format!("wrote a copy to {copy}; the store is still {own}"),
        None => format!("wrote a copy to {copy}"),
    }
}

/// The status bar's mark for unsaved edits, saying when some are not in the journal
/// (it could not be written), so a crash would lose them.
pub fn unsaved(at_risk: usize) -> String {
    match at_risk {
        0 => "[+] unsaved".into(),
        1 => "[+] unsaved, 1 edit not in the journal".into(),
        n => format!("[+] unsaved, {n} edits not in the journal"),
    }
}

/// The "keep editing" answer after a failed save: what the journal holds.
pub fn keep_editing(keep: &str, at_risk: usize) -> String {
    match at_risk {
        0 => format!("{keep} (the journal keeps every edit)"),
        1 => format!("{keep} (1 edit is not in the journal: a crash would lose it)"),
        n => format!("{keep} ({n} edits are not in the journal: a crash would lose them)"),
    }
}

/// The export question's title.
pub const EXPORT_AS: &str = "Export as";

/// The export path's title.
pub const EXPORT_TO: &str = "Export to";

/// The title of a side's aliases editor (`side` shown already sanitised).
pub fn aliases_title(side: &str, keys: &Keymap) -> String {
    format!(
        "Other names of {side} in the text, one a line ({} new line, {} saves)",
        keys.hint(Command::PromptNewline),
        keys.hint(Command::PromptSubmit)
    )
}

/// A side key pressed for the side the annotation has: nothing changed.
pub fn side_already(name: Option<&str>) -> String {
    match name {
        Some(name) => format!("already {name}: nothing changed"),
        None => "already without a side: nothing changed".into(),
    }
}

/// `E` wrote the export to `path`.
pub fn exported(path: &str) -> String {
    format!("exported {path}")
}

/// `E` wrote nothing: why (the error names the path, the message names it first).
pub fn no_export(path: &str, why: &str) -> String {
    format!("cannot export to {path}: {why}")
}

/// `:w PATH` wrote nothing: why (the error names the path).
pub fn no_copy(why: &str) -> String {
    format!("no copy written: {why}")
}

/// A paste with no field open: it is not run as keys.
pub fn paste_refused(keys: &Keymap) -> String {
    format!(
        "pasted text goes into a field, never runs as keys: {} opens a note, {} the search",
        keys.hint(Command::EditNote),
        keys.hint(Command::Search)
    )
}

/// A paste longer than a field takes.
pub fn paste_cut(chars: usize) -> String {
    format!("the paste was cut to its first {chars} characters")
}

/// The store was saved to `path` (shown already sanitised).
pub fn saved(path: &str) -> String {
    format!("saved {path}")
}

/// A search found nothing.
pub fn pattern_not_found(query: &str) -> String {
    format!(
        "pattern not found: {}",
        crate::article::sanitize_inline(query)
    )
}

/// After tagging a quote or a position: what to do next.
pub fn added(what: &str, keys: &Keymap) -> String {
    format!(
        "{what} added: 1-9 sets its side, {} its speaker, {} a note",
        keys.hint(Command::PickSpeaker),
        keys.hint(Command::EditNote)
    )
}

/// A note was saved into its annotation, not yet into the store's file.
pub fn note_saved(keys: &Keymap) -> String {
    format!(
        "note saved in the annotation ({} writes the store)",
        keys.hint(Command::Save)
    )
}

/// Tagging with nothing selected, while reading.
pub fn select_text_first(keys: &Keymap) -> String {
    format!(
        "select text first: {} selects, then move",
        keys.hint(Command::CursorMode)
    )
}

/// Tagging in cursor mode with no selection.
pub fn no_selection(keys: &Keymap) -> String {
    format!(
        "no selection: {} starts one",
        keys.hint(Command::ToggleSelection)
    )
}

/// Changing the kind of a position.
pub fn positions_have_no_kind(keys: &Keymap) -> String {
    format!(
        "positions have no kind; {} changes a quote's",
        keys.hint(Command::ChangeKind)
    )
}

/// Entering cursor mode: a selection has started.
pub fn selecting(keys: &Keymap) -> String {
    format!(
        "selecting: move with h j k l w b e ( ) {{ }}, {} or {} tags it, {} drops it",
        keys.hint(Command::TagQuote),
        keys.hint(Command::TagPosition),
        keys.hint(Command::CursorCancel),
    )
}

/// "1 annotation", "2 annotations".
pub fn counted(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The last line of a lettered question: what Enter picks, if anything, and the way out.
pub fn choice_footer(default: Option<char>, keys: &Keymap) -> String {
    let cancel = keys.hint(Command::PromptCancel);
    match default {
        Some(d) => format!(
            "{} picks {d}, {cancel} cancels",
            keys.hint(Command::PromptSubmit)
        ),
        None => format!("{cancel} cancels"),
    }
}

/// The title of the field for a side's short label.
pub fn label_title(name: &str) -> String {
    format!("Short label of {name}, shown where the name does not fit (empty: the name)")
}

/// A side's label was set (or removed).
pub fn label_set(name: &str, label: Option<&str>) -> String {
    match label {
        Some(l) => format!(
            "{name} is shown as {} where room is short",
            crate::article::sanitize_inline(l)
        ),
        None => format!("{name} is shown by its name"),
    }
}

/// The status bar while a mark waits for its letter (`m`).
pub const SET_MARK_PROMPT: &str = "set mark: press a letter";

/// The status bar while a jump waits for its mark's letter (`'`).
pub const JUMP_MARK_PROMPT: &str = "jump to mark: press a letter";

/// The status bar while only the start of a large article is here.
pub const LOADING: &str = "loading…";

/// Under the file's name while nothing of the article is here yet (a large page or
/// Markdown file, made on a worker).
pub const READING: &str = "reading…";

/// In place of an article whose worker ended before it came (a bug).
pub const ARTICLE_GONE: &str = "the article could not be read";

/// What is left after [`ARTICLE_GONE`].
pub const NOTHING_TO_SHOW: &str = "nothing to show";

/// The status bar of a store this reader does not write.
pub const READ_ONLY: &str = "read-only";

/// The status bar while the detector runs: how far it has got, once it says.
pub fn detecting(percent: Option<usize>) -> String {
    match percent {
        None => "detecting…".into(),
        Some(p) => format!("detecting {p}%…"),
    }
}

/// "count 5": a count typed before a command.
pub fn count_typed(n: usize) -> String {
    format!("count {n}")
}

/// "filter: accepted (12)": what the list shows, and how many.
pub fn filter_shown(what: &str, listed: usize) -> String {
    format!("filter: {what} ({listed})")
}

/// "match 3/12" in the status bar.
pub fn match_of(current: usize, total: usize) -> String {
    format!("match {current}/{total}")
}

/// "   [3 matches]" after the search prompt's text.
pub fn matches_found(n: usize) -> String {
    format!("   [{n} match{}]", if n == 1 { "" } else { "es" })
}

/// An overlay's title: what it is, and the live keys that close and scroll it
/// (" keys — Esc closes, j/k scroll ").
pub fn overlay_title(what: &str, keys: &Keymap) -> String {
    format!(
        " {what} — {} closes, {}/{} scroll ",
        keys.hint(Command::Cancel),
        keys.hint(Command::ScrollDown),
        keys.hint(Command::ScrollUp)
    )
}

/// The second step of a new speaker: its role, which the submit key skips.
pub fn new_speaker_role(name: &str, keys: &Keymap) -> String {
    format!(
        "New speaker {name}, step 2 of 3: role (optional, {} skips)",
        keys.hint(Command::PromptSubmit)
    )
}

/// The heading of a scope's keys in help, with the live key that enters the mode.
pub fn help_heading(scope: crate::keys::Scope, keys: &Keymap) -> String {
    use crate::keys::Scope;
    match scope {
        Scope::Normal => "Reading".into(),
        Scope::Cursor => format!("Cursor mode ({})", keys.hint(Command::CursorMode)),
        Scope::Prompt => "Prompts and popups (other keys type)".into(),
        Scope::Sides => format!("Sides editor ({})", keys.hint(Command::EditSides)),
        Scope::Speakers => format!("Speakers panel ({})", keys.hint(Command::Speakers)),
        Scope::Corpus => "Corpus list (parley DIR, :ls)".into(),
    }
}
