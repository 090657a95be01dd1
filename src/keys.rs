//! Key chords and the names of the commands they are bound to. Pure data, so the
//! configuration can check bindings without knowing about terminals.

mod bindings;
mod chord;

pub use bindings::{Bindings, WAYS_OUT, side_digit, side_name};
pub use chord::{Key, KeyChord, NamedKey};
use serde::{Deserialize, Serialize};

/// Where a command applies: each mode of the reader has its own keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// Reading: scrolling, jumping, toggling panes, editing the selected annotation
    /// (and, for the overlays over it, their moves).
    Normal,
    /// Cursor mode (`v`): moving a cursor over the text and selecting.
    Cursor,
    /// A text field (the search prompt, a popup) or a key waiting for a mark's letter:
    /// the editing keys; a character bound to nothing here is typed.
    Prompt,
    /// The sides editor (`S`).
    Sides,
    /// The speakers panel (`W`).
    Speakers,
    /// The corpus list (`parley DIR`, `:ls`).
    Corpus,
}

impl Scope {
    /// Every scope, in the order help lists them.
    pub const ALL: [Scope; 6] = [
        Scope::Normal,
        Scope::Cursor,
        Scope::Prompt,
        Scope::Sides,
        Scope::Speakers,
        Scope::Corpus,
    ];
}

macro_rules! commands {
    ($( #[doc = $doc:literal] $variant:ident = $name:literal, [$($scope:ident),+], [$($key:literal),*]; )*) => {
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

            /// The modes the command is bound in.
            pub fn scopes(self) -> &'static [Scope] {
                match self { $(Command::$variant => &[$(Scope::$scope),+],)* }
            }

            /// The command of a config name.
            pub fn from_name(name: &str) -> Option<Command> {
                match name { $($name => Some(Command::$variant),)* _ => None }
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
    ScrollDown = "scroll_down", [Normal], ["j", "down", "ctrl-e"];
    /// Scroll up one line
    ScrollUp = "scroll_up", [Normal], ["k", "up", "ctrl-y"];
    /// Scroll down one page
    PageDown = "page_down", [Normal], ["space", "pagedown", "f", "ctrl-f"];
    /// Scroll up one page
    PageUp = "page_up", [Normal], ["b", "pageup", "ctrl-b"];
    /// Scroll down half a page
    HalfPageDown = "half_page_down", [Normal], ["ctrl-d"];
    /// Scroll up half a page
    HalfPageUp = "half_page_up", [Normal], ["ctrl-u"];
    /// Go to the start of the article
    Top = "top", [Normal], ["g", "home"];
    /// Go to the end of the article
    Bottom = "bottom", [Normal], ["G", "end"];
    /// Go to N percent of the article (a count before it: 50%)
    GoPercent = "go_percent", [Normal], ["%"];
    /// Select the next annotation
    NextAnnotation = "next_annotation", [Normal], ["tab"];
    /// Select the previous annotation
    PrevAnnotation = "prev_annotation", [Normal], ["backtab"];
    /// Next quote of the same side
    NextSameSide = "next_same_side", [Normal], ["]"];
    /// Previous quote of the same side
    PrevSameSide = "prev_same_side", [Normal], ["["];
    /// Search forward
    Search = "search", [Normal, Cursor], ["/"];
    /// Search backward
    SearchBackward = "search_backward", [Normal, Cursor], ["?"];
    /// Next search match
    SearchNext = "search_next", [Normal, Cursor], ["n"];
    /// Previous search match
    SearchPrev = "search_prev", [Normal, Cursor], ["N"];
    /// Set a mark (then a letter)
    SetMark = "set_mark", [Normal], ["m"];
    /// Jump to a mark (then a letter; ' for where the last jump started)
    JumpMark = "jump_mark", [Normal], ["'"];
    /// Show or hide the annotation sidebar
    ToggleSidebar = "toggle_sidebar", [Normal], ["s"];
    /// Show or hide the sides view
    ToggleSides = "toggle_sides", [Normal], ["p"];
    /// Edit the sides: add, rename, reorder, delete, aliases
    EditSides = "edit_sides", [Normal], ["S"];
    /// The speakers: rename, role, side, delete, merge, jump to mentions
    Speakers = "speakers", [Normal], ["W"];
    /// Show or hide this help
    ToggleHelp = "toggle_help", [Normal], ["h", "f1"];
    /// Show the keys, cursor mode's first (h moves the cursor here)
    CursorHelp = "cursor_help", [Cursor], ["f1"];
    /// Show the keys, this panel's or list's first
    PanelHelp = "panel_help", [Sides, Speakers, Corpus], ["?", "h", "f1"];
    /// Show or hide the legend
    ToggleLegend = "toggle_legend", [Normal], ["L"];
    /// Jump to the item under the list cursor
    Activate = "activate", [Normal], ["enter"];
    /// Quit
    Quit = "quit", [Normal], ["q"];
    /// Close whatever is open
    Cancel = "cancel", [Normal], ["esc"];
    /// Enter cursor mode to select text
    CursorMode = "cursor_mode", [Normal], ["v"];
    /// Tag the selection as a quote
    TagQuote = "tag_quote", [Normal, Cursor], ["\""];
    /// Tag the selection as a position
    TagPosition = "tag_position", [Normal, Cursor], ["P"];
    /// Set the side: 1-9 the party in that place, 0 none
    SetSide = "set_side", [Normal, Speakers], ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];
    /// Pick the speaker
    PickSpeaker = "pick_speaker", [Normal], ["@"];
    /// Change the kind of the quote
    ChangeKind = "change_kind", [Normal], ["K"];
    /// Accept the suggestion
    Accept = "accept", [Normal], ["a"];
    /// Reject the suggestion
    Reject = "reject", [Normal], ["x"];
    /// Accept all suggestions of the selected one's kind and side
    AcceptAll = "accept_all", [Normal], ["A"];
    /// Select the next suggestion still to review
    NextToReview = "next_to_review", [Normal], ["r"];
    /// Select the previous suggestion still to review
    PrevToReview = "prev_to_review", [Normal], ["R"];
    /// Accept the suggestion and select the next to review
    AcceptNext = "accept_next", [Normal], ["y"];
    /// Reject the suggestion and select the next to review
    RejectNext = "reject_next", [Normal], ["X"];
    /// Filter the list by status, side, kind or speaker
    Filter = "filter", [Normal], ["F"];
    /// Delete the annotation
    Delete = "delete", [Normal], ["d"];
    /// Edit the note
    EditNote = "edit_note", [Normal], ["e"];
    /// Widen the annotation by a word at its end
    WidenEnd = "widen_end", [Normal], [">"];
    /// Shrink the annotation by a word at its end
    ShrinkEnd = "shrink_end", [Normal], ["<"];
    /// Widen the annotation by a word at its start
    WidenStart = "widen_start", [Normal], [")"];
    /// Shrink the annotation by a word at its start
    ShrinkStart = "shrink_start", [Normal], ["("];
    /// Merge the selected annotation's speaker into another
    MergeSpeaker = "merge_speaker", [Normal], ["M"];
    /// Go to the next conflict a merge left, and settle it
    NextConflict = "next_conflict", [Normal], ["C"];
    /// Undo the last edit
    Undo = "undo", [Normal], ["u"];
    /// Redo the last undone edit
    Redo = "redo", [Normal], ["ctrl-r"];
    /// Save the annotations
    Save = "save", [Normal], ["ctrl-s"];
    /// Export the annotations
    Export = "export", [Normal], ["E"];
    /// Enter a command (:w, :q, :wq)
    CommandLine = "command_line", [Normal], [":"];
    /// Cursor: one character left
    CursorLeft = "cursor_left", [Cursor], ["h", "left"];
    /// Cursor: one character right
    CursorRight = "cursor_right", [Cursor], ["l", "right"];
    /// Cursor: one row down
    CursorDown = "cursor_down", [Cursor], ["j", "down"];
    /// Cursor: one row up
    CursorUp = "cursor_up", [Cursor], ["k", "up"];
    /// Cursor: next word
    WordNext = "word_next", [Cursor], ["w"];
    /// Cursor: previous word
    WordPrev = "word_prev", [Cursor], ["b"];
    /// Cursor: end of word
    WordEnd = "word_end", [Cursor], ["e"];
    /// Cursor: previous sentence
    SentencePrev = "sentence_prev", [Cursor], ["("];
    /// Cursor: next sentence
    SentenceNext = "sentence_next", [Cursor], [")"];
    /// Cursor: previous paragraph
    ParagraphPrev = "paragraph_prev", [Cursor], ["{"];
    /// Cursor: next paragraph
    ParagraphNext = "paragraph_next", [Cursor], ["}"];
    /// Start or drop the selection at the cursor
    ToggleSelection = "toggle_selection", [Cursor], ["v", "space"];
    /// Leave cursor mode
    CursorCancel = "cursor_cancel", [Cursor], ["esc"];
    /// Suspend the reader (fg brings it back)
    Suspend = "suspend", [Normal, Cursor, Prompt, Sides, Speakers, Corpus], ["ctrl-z"];
    /// Quit at once, as an interrupt (exit code 130)
    Interrupt = "interrupt", [Normal, Cursor, Corpus], ["ctrl-c"];
    /// Prompt: accept
    PromptSubmit = "prompt_submit", [Prompt], ["enter"];
    /// Prompt: cancel
    PromptCancel = "prompt_cancel", [Prompt], ["esc", "ctrl-c", "ctrl-g"];
    /// Prompt: a line break (in the note)
    PromptNewline = "prompt_newline", [Prompt], ["alt-enter", "ctrl-j"];
    /// Prompt: delete the character before the cursor
    PromptBackspace = "prompt_backspace", [Prompt], ["backspace", "ctrl-h"];
    /// Prompt: delete the character under the cursor
    PromptDelete = "prompt_delete", [Prompt], ["delete"];
    /// Prompt: delete the word before the cursor
    PromptDeleteWord = "prompt_delete_word", [Prompt], ["ctrl-w"];
    /// Prompt: delete everything before the cursor
    PromptDeleteToStart = "prompt_delete_to_start", [Prompt], ["ctrl-u"];
    /// Prompt: cursor left
    PromptLeft = "prompt_left", [Prompt], ["left", "ctrl-b"];
    /// Prompt: cursor right
    PromptRight = "prompt_right", [Prompt], ["right", "ctrl-f"];
    /// Prompt: start of the line
    PromptHome = "prompt_home", [Prompt], ["home", "ctrl-a"];
    /// Prompt: end of the line
    PromptEnd = "prompt_end", [Prompt], ["end", "ctrl-e"];
    /// List: previous entry (speaker picker)
    ListUp = "list_up", [Prompt], ["up", "ctrl-p"];
    /// List: next entry (speaker picker)
    ListDown = "list_down", [Prompt], ["down", "ctrl-n"];
    /// Sides editor: add a side
    SideAdd = "side_add", [Sides], ["a"];
    /// Sides editor: rename the side
    SideRename = "side_rename", [Sides], ["r", "enter"];
    /// Sides editor: edit its aliases
    SideAliases = "side_aliases", [Sides], ["e"];
    /// Sides editor: set its short label (shown where the name does not fit)
    SideLabel = "side_label", [Sides], ["l"];
    /// Sides editor: delete the side
    SideDelete = "side_delete", [Sides], ["d"];
    /// Sides editor: move the side up
    SideMoveUp = "side_move_up", [Sides], ["K"];
    /// Sides editor: move the side down
    SideMoveDown = "side_move_down", [Sides], ["J"];
    /// Sides editor: undo the last edit
    SideUndo = "side_undo", [Sides], ["u"];
    /// Sides editor: the previous side
    SidePrev = "side_prev", [Sides], ["k", "up"];
    /// Sides editor: the next side
    SideNext = "side_next", [Sides], ["j", "down"];
    /// Sides editor: close it
    SideClose = "side_close", [Sides], ["esc", "q", "ctrl-c"];
    /// Speakers panel: rename the speaker
    SpeakerRename = "speaker_rename", [Speakers], ["r"];
    /// Speakers panel: set or clear its role
    SpeakerRole = "speaker_role", [Speakers], ["t"];
    /// Speakers panel: merge it into another speaker
    SpeakerMerge = "speaker_merge", [Speakers], ["m"];
    /// Speakers panel: delete it (its quotes keep their text)
    SpeakerDelete = "speaker_delete", [Speakers], ["d"];
    /// Speakers panel: jump to its mentions and quotes (n, N go on)
    SpeakerJump = "speaker_jump", [Speakers], ["enter"];
    /// Speakers panel: undo the last edit
    SpeakerUndo = "speaker_undo", [Speakers], ["u"];
    /// Speakers panel: the previous speaker
    SpeakerPrev = "speaker_prev", [Speakers], ["k", "up"];
    /// Speakers panel: the next speaker
    SpeakerNext = "speaker_next", [Speakers], ["j", "down"];
    /// Speakers panel: close it
    SpeakerClose = "speaker_close", [Speakers], ["esc", "q", "ctrl-c"];
    /// The next article of the corpus (also :n)
    NextArticle = "next_article", [Normal], ["}"];
    /// The previous article of the corpus (also :p)
    PreviousArticle = "previous_article", [Normal], ["{"];
    /// The list of the corpus's articles, where you left it (also :ls)
    CorpusList = "corpus_list", [Normal], [];
    /// Corpus list: open the article (or go to the match)
    CorpusOpen = "corpus_open", [Corpus], ["enter"];
    /// Corpus list: the previous row
    CorpusPrev = "corpus_prev", [Corpus], ["k", "up"];
    /// Corpus list: the next row
    CorpusNext = "corpus_next", [Corpus], ["j", "down"];
    /// Corpus list: the first row
    CorpusFirst = "corpus_first", [Corpus], ["g", "home"];
    /// Corpus list: the last row
    CorpusLast = "corpus_last", [Corpus], ["G", "end"];
    /// Corpus list: mark the article done, or not done again
    CorpusDone = "corpus_done", [Corpus], ["x"];
    /// Corpus list: sort by file, title, status or annotations (in turn)
    CorpusSort = "corpus_sort", [Corpus], ["o"];
    /// Corpus list: show only the articles whose file or title holds a text
    CorpusFilter = "corpus_filter", [Corpus], ["f"];
    /// Corpus list: search every article's text; Enter on a match goes there
    CorpusSearch = "corpus_search", [Corpus], ["/"];
    /// Corpus list: back to the article (or the list of articles from the matches); quit when none is open
    CorpusClose = "corpus_close", [Corpus], ["esc", "q"];
}

#[cfg(test)]
mod tests {
    use super::*;

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
                for scope in c.scopes() {
                    if let Some(other) = seen.insert((chord, *scope), *c) {
                        panic!("{k} bound to both {other:?} and {c:?}");
                    }
                }
            }
        }
    }
}
