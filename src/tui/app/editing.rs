//! Edit commands on the selected annotation: tagging the selection, side, status,
//! kind, note and span, and undo and redo; every change goes through the store,
//! which journals it first.

use super::{App, Tone};
use crate::keys::Command;
use crate::model::{Id, QuoteKind, Status};
use crate::store::Outcome;
use crate::store::edit::Edit;
use crate::tui::highlight::{Target, on_target};
use crate::tui::note_editor::NoteEditor;
use crate::tui::popup::choice::Choice;
use crate::tui::popup::lines::LinesInput;
use crate::tui::questions;
use crate::tui::reply::{Ask, Field, Pick};
use crate::tui::strings;

impl App {
    /// The id of the selected annotation.
    pub fn selected_id(&self) -> Option<Id> {
        self.on_selected(|q| q.id.clone(), |p| p.id.clone())
    }

    /// The item index of the annotation with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let a = self.ann();
        self.hl
            .items
            .iter()
            .position(|it| on_target(a, it.target(), |q| q.id == id, |p| p.id == id) == Some(true))
    }

    pub(super) fn say(&mut self, text: impl Into<String>, tone: Tone) {
        self.message = Some((text.into(), tone));
    }

    /// Applies an edit through the store; errors become a status message.
    pub(super) fn apply(&mut self, edit: Edit) -> Option<Outcome> {
        let before = self.selected_id();
        let Some(store) = self.loading.store_mut() else {
            self.say(strings::STILL_LOADING, Tone::Warning);
            return None;
        };
        match store.apply(edit) {
            Ok(outcome) => {
                let notices = store.take_notices();
                self.refresh(outcome.created.clone(), before);
                if !notices.is_empty() {
                    self.say(notices.join("; "), Tone::Warning);
                }
                Some(outcome)
            }
            Err(e) => {
                self.say(e.to_string(), Tone::Warning);
                None
            }
        }
    }

    /// Runs `edits` as one undo step (see [`crate::store::Store::transaction`]); the
    /// app stays free to apply, refresh and report between the edits.
    pub(super) fn transaction(&mut self, label: &str, edits: impl FnOnce(&mut App)) {
        if let Some(store) = self.loading.store_mut() {
            store.begin_group(label);
        }
        edits(self);
        if let Some(store) = self.loading.store_mut() {
            store.end_group();
        }
    }

    pub(super) fn with_selected(&mut self) -> Option<Id> {
        let id = self.selected_id();
        if id.is_none() {
            self.say(strings::SELECT_FIRST, Tone::Info);
        }
        id
    }

    /// A command that edits the selected annotation (or tags the selection).
    pub(super) fn edit_command(&mut self, c: Command) {
        match c {
            Command::TagQuote | Command::TagPosition if !self.says_nothing_to_select() => {
                self.say(strings::select_text_first(&self.keymap), Tone::Info)
            }
            Command::TagQuote | Command::TagPosition => {}
            Command::PickSpeaker if self.with_selected().is_some() => {
                self.open_picker(Pick::Speaker)
            }
            Command::MergeSpeaker => self.start_merge(),
            Command::ChangeKind => self.ask_kind(),
            Command::Accept => self.set_status(Status::Accepted),
            Command::Reject => self.set_status(Status::Rejected),
            Command::Delete => {
                if let Some(id) = self.with_selected() {
                    if self.apply(Edit::Delete { id }).is_some() {
                        self.say(strings::done("deleted", &self.keymap), Tone::Info);
                    }
                }
            }
            Command::EditNote => self.open_note(),
            Command::WidenEnd => self.resize_span(false, true),
            Command::ShrinkEnd => self.resize_span(false, false),
            Command::WidenStart => self.resize_span(true, true),
            Command::ShrinkStart => self.resize_span(true, false),
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            _ => {}
        }
    }

    pub(super) fn set_side(&mut self, index: Option<usize>) {
        let Some(id) = self.with_selected() else {
            return;
        };
        let Some(party) = self.side_of_key(index) else {
            return;
        };
        // the side it is shown with (its own, or its speaker's) is no change to make
        let shown = self
            .selected
            .and_then(|s| self.hl.items.get(s))
            .map(|it| it.party());
        if shown == Some(index) {
            let name = index
                .and_then(|i| self.ann().parties.get(i))
                .map(|p| crate::article::sanitize_inline(&p.name));
            return self.say(strings::side_already(name.as_deref()), Tone::Info);
        }
        self.apply(Edit::SetSide { id, party });
    }

    /// The side a side key names: party `index` in order (`None`: no side). `None`,
    /// said in the status bar, when there is no such side.
    pub(super) fn side_of_key(&mut self, index: Option<usize>) -> Option<Option<Id>> {
        let Some(i) = index else {
            return Some(None);
        };
        match self.ann().parties.get(i) {
            Some(p) => Some(Some(Id::from(p.id.as_str()))),
            None => {
                let text = strings::no_side(self.ann().parties.len(), &self.keymap);
                self.say(text, Tone::Warning);
                None
            }
        }
    }

    fn set_status(&mut self, status: Status) {
        if let Some(id) = self.with_selected() {
            self.apply(Edit::SetStatus { id, status });
        }
    }

    fn ask_kind(&mut self) {
        let Some(it) = self.selected.and_then(|s| self.hl.items.get(s)) else {
            return self.say(strings::SELECT_QUOTE_FIRST, Tone::Info);
        };
        let Some(kind) = it.kind() else {
            return self.say(strings::positions_have_no_kind(&self.keymap), Tone::Info);
        };
        // Enter keeps the kind it has
        let popup = Choice::ask(&questions::KIND, Ask::ChangeKind);
        self.open_popup(popup.with_default(questions::KIND.letter(kind)));
    }

    fn open_note(&mut self) {
        let Some(id) = self.with_selected() else {
            return;
        };
        let a = self.ann();
        let note = a
            .quotes
            .iter()
            .chain(&a.orphan_quotes)
            .find(|q| q.id == id)
            .map(|q| q.note.clone())
            .or_else(|| {
                a.positions
                    .iter()
                    .chain(&a.orphan_positions)
                    .find(|p| p.id == id)
                    .map(|p| p.note.clone())
            })
            .flatten()
            .unwrap_or_default();
        self.open_lines(self.lines_title("Note"), &note, Field::Note { id });
    }

    /// The several-line editor's title: what it edits, and the keys that end it.
    pub(super) fn lines_title(&self, what: &str) -> String {
        format!(
            "{what} ({} saves, {} new line, {} cancels)",
            self.keymap.hint(Command::PromptSubmit),
            self.keymap.hint(Command::PromptNewline),
            self.keymap.hint(Command::PromptCancel)
        )
    }

    /// Opens the several-line editor holding `text`, for `purpose`.
    pub(super) fn open_lines(&mut self, title: String, text: &str, purpose: Field) {
        let cursor = self
            .theme
            .cursor
            .add_modifier(ratatui::style::Modifier::REVERSED);
        let editor = NoteEditor::new(text, self.theme.text, cursor);
        self.open_popup(LinesInput {
            title,
            editor,
            purpose,
        });
    }

    /// Moves the start or end of the selected annotation by one word.
    fn resize_span(&mut self, at_start: bool, widen: bool) {
        let Some(id) = self.with_selected() else {
            return;
        };
        let Some(range) = self
            .selected
            .and_then(|s| self.hl.items.get(s))
            .map(|it| it.range())
        else {
            return;
        };
        if range.end > self.article.text.len() {
            return self.say(strings::ORPHAN_HAS_NO_SPAN, Tone::Info);
        }
        if let Some(r) = crate::article::resize_by_word(&self.article.text, range, at_start, widen)
        {
            self.apply(Edit::SetSpan {
                id,
                start: r.start,
                end: r.end,
            });
        }
    }

    pub(super) fn undo_redo(&mut self, undo: bool) {
        let before = self.selected_id();
        let Some(store) = self.loading.store_mut() else {
            return;
        };
        let result = if undo { store.undo() } else { store.redo() };
        match result {
            Ok(Some(label)) => {
                self.refresh(None, before);
                let verb = if undo { "undid" } else { "redid" };
                self.say(format!("{verb}: {label}"), Tone::Info);
            }
            Ok(None) => self.say(
                if undo {
                    strings::NOTHING_TO_UNDO
                } else {
                    strings::NOTHING_TO_REDO
                },
                Tone::Info,
            ),
            Err(e) => self.say(e.to_string(), Tone::Warning),
        }
    }

    /// Cursor mode `"` / `P`: tags the selection, or re-attaches a selected orphan to it.
    pub(super) fn tag_selection(&mut self, quote: bool) {
        let Some(range) = self
            .mode
            .cursor()
            .and_then(|c| c.selection(&self.article.text))
        else {
            return self.say(strings::no_selection(&self.keymap), Tone::Info);
        };
        let orphan = matches!(
            self.selected
                .and_then(|s| self.hl.items.get(s))
                .map(|it| it.target()),
            Some(Target::OrphanQuote(_) | Target::OrphanPosition(_))
        );
        if orphan && let Some(id) = self.selected_id() {
            if self
                .apply(Edit::SetSpan {
                    id,
                    start: range.start,
                    end: range.end,
                })
                .is_some()
            {
                self.mode.leave_cursor();
                self.say(strings::REATTACHED, Tone::Info);
            }
            return;
        }
        if quote {
            let ask = Ask::TagKind {
                start: range.start,
                end: range.end,
            };
            let q = &questions::KIND;
            let popup = Choice::ask_with(questions::TAG_AS_QUOTE.into(), q, ask, |_, w| {
                Some(w.to_string())
            });
            self.open_popup(popup.with_default(q.letter(QuoteKind::Direct)));
        } else if self
            .apply(Edit::AddPosition {
                start: range.start,
                end: range.end,
                party: None,
                speaker: None,
            })
            .is_some()
        {
            self.mode.leave_cursor();
            self.say(strings::added("position", &self.keymap), Tone::Info);
        }
    }
}
