//! Editing from the reader: tagging selections, changing the selected annotation,
//! undo and redo, saving, quitting with unsaved changes, and exporting — every change
//! through the store, which journals it first.

use super::{App, Tone};
use crate::export::Format;
use crate::keys::Command;
use crate::store::edit::{Edit, Filter};
use crate::store::model::{Id, QuoteKind, Status};
use crate::store::{Outcome, SaveError};
use crate::tui::action::{PopupKey, PromptKey};
use crate::tui::highlight::{Target, on_target};
use crate::tui::popup::{Ask, Field, Pick, Popup};
use std::path::PathBuf;

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

    /// The speaker of the selected annotation.
    fn selected_speaker(&self) -> Option<Id> {
        self.on_selected(|q| q.speaker.clone(), |p| p.speaker.clone())
            .flatten()
    }

    fn say(&mut self, text: impl Into<String>, tone: Tone) {
        self.message = Some((text.into(), tone));
    }

    /// Applies an edit through the store; errors become a status message.
    pub(super) fn apply(&mut self, edit: Edit) -> Option<Outcome> {
        let before = self.selected_id();
        let Some(store) = self.store.as_mut() else {
            self.say("the annotations are still loading", Tone::Warning);
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

    fn with_selected(&mut self) -> Option<Id> {
        let id = self.selected_id();
        if id.is_none() {
            self.say("select an annotation first (Tab, or a click)", Tone::Info);
        }
        id
    }

    /// A command that edits; called for everything reading does not handle.
    pub(super) fn edit_command(&mut self, c: Command) {
        if self.cursor.is_some() && self.cursor_command(c) {
            return;
        }
        match c {
            Command::CursorMode => self.enter_cursor(),
            Command::TagQuote | Command::TagPosition => {
                self.say("select text first: v, move, v again", Tone::Info)
            }
            Command::Side1
            | Command::Side2
            | Command::Side3
            | Command::Side4
            | Command::Side5
            | Command::Side6
            | Command::Side7
            | Command::Side8
            | Command::Side9
            | Command::Side0 => self.set_side(side_index(c)),
            Command::PickSpeaker if self.with_selected().is_some() => {
                self.open_picker(Pick::Speaker)
            }
            Command::MergeSpeaker => self.start_merge(),
            Command::ChangeKind => self.ask_kind(),
            Command::Accept => self.set_status(Status::Accepted),
            Command::Reject => self.set_status(Status::Rejected),
            Command::AcceptAll => self.accept_all(),
            Command::Delete => {
                if let Some(id) = self.with_selected() {
                    if self.apply(Edit::Delete { id }).is_some() {
                        self.say("deleted (u undoes)", Tone::Info);
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
            Command::Save => {
                self.save();
            }
            Command::Export => {
                self.popup = Some(Popup::choice(
                    "Export as",
                    &[
                        ('t', "TOML (the store schema)"),
                        ('j', "JSON (W3C Web Annotations)"),
                        ('c', "CSV"),
                        ('m', "Markdown brief"),
                    ],
                    Ask::ExportFormat,
                ))
            }
            Command::CommandLine => {
                self.popup = Some(Popup::text(":", "", false, Field::Command));
            }
            _ => {}
        }
    }

    fn set_side(&mut self, index: Option<usize>) {
        let Some(id) = self.with_selected() else {
            return;
        };
        let party = match index {
            None => None,
            Some(i) => match self.ann().parties.get(i) {
                Some(p) => Some(Id::from(p.id.as_str())),
                None => {
                    let n = self.ann().parties.len();
                    return self.say(
                        format!("there are {n} sides; press 1 to {n}, or 0 for none"),
                        Tone::Warning,
                    );
                }
            },
        };
        self.apply(Edit::SetSide { id, party });
    }

    fn set_status(&mut self, status: Status) {
        if let Some(id) = self.with_selected() {
            self.apply(Edit::SetStatus { id, status });
        }
    }

    /// Accepts every suggestion of the selected one's kind and side.
    fn accept_all(&mut self) {
        let Some(it) = self.selected.and_then(|s| self.hl.items.get(s)).cloned() else {
            return self.say("select an annotation first (Tab, or a click)", Tone::Info);
        };
        let party = it
            .party()
            .and_then(|p| self.ann().parties.get(p))
            .map(|p| Id::from(p.id.as_str()));
        let is_quote = matches!(it.target(), Target::Quote(_) | Target::OrphanQuote(_));
        let filter = Filter {
            quotes: is_quote,
            positions: !is_quote,
            kind: if is_quote { it.kind() } else { None },
            party,
        };
        if let Some(o) = self.apply(Edit::SetStatusAll {
            filter,
            status: Status::Accepted,
        }) {
            self.say(
                format!("accepted {} suggestions (u undoes)", o.changes),
                Tone::Info,
            );
        }
    }

    fn ask_kind(&mut self) {
        let Some(it) = self.selected.and_then(|s| self.hl.items.get(s)) else {
            return self.say("select a quote first", Tone::Info);
        };
        if it.kind().is_none() {
            return self.say("positions have no kind; K changes quotes", Tone::Info);
        }
        self.popup = Some(Popup::choice(
            "Kind of quote",
            KIND_OPTIONS,
            Ask::ChangeKind,
        ));
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
        self.popup = Some(Popup::text(
            "Note (Enter saves, Ctrl-J new line, Esc cancels)",
            &note,
            true,
            Field::Note { id },
        ));
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
            return self.say(
                "an orphan has no span: select text and tag it to re-attach",
                Tone::Info,
            );
        }
        let text = &self.article.text;
        let (start, end) = match (at_start, widen) {
            (false, true) => (range.start, word_boundary_after(text, range.end)),
            (false, false) => (
                range.start,
                word_boundary_before(text, range.end).max(range.start + 1),
            ),
            (true, true) => (word_boundary_before(text, range.start), range.end),
            (true, false) => (
                word_boundary_after(text, range.start).min(range.end - 1),
                range.end,
            ),
        };
        let (start, end) = snap(text, start, end);
        if (start, end) != (range.start, range.end) && start < end {
            self.apply(Edit::SetSpan { id, start, end });
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let before = self.selected_id();
        let Some(store) = self.store.as_mut() else {
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
                    "nothing to undo"
                } else {
                    "nothing to redo"
                },
                Tone::Info,
            ),
            Err(e) => self.say(e.to_string(), Tone::Warning),
        }
    }

    /// Ctrl-S: saves, asking what to do when the file changed on disk.
    pub(super) fn save(&mut self) -> bool {
        let Some(store) = self.store.as_mut() else {
            self.say("the annotations are still loading", Tone::Warning);
            return false;
        };
        match store.save() {
            Ok(()) => {
                let path = store
                    .path()
                    .map(|p| crate::article::sanitize_inline(&p.display().to_string()))
                    .unwrap_or_default();
                self.say(format!("saved {path}"), Tone::Info);
                true
            }
            Err(SaveError::Conflict(_)) => {
                self.popup = Some(Popup::choice(
                    "The store changed on disk since it was loaded",
                    &[
                        ('r', "reload it (drop my unsaved edits)"),
                        ('o', "overwrite it with mine"),
                        ('s', "save mine elsewhere"),
                        ('c', "cancel"),
                    ],
                    Ask::Conflict,
                ));
                false
            }
            Err(SaveError::NoPath) => {
                self.popup = Some(Popup::text("Save the store as", "", false, Field::SaveAs));
                false
            }
            Err(e) => {
                self.say(e.to_string(), Tone::Warning);
                false
            }
        }
    }

    /// `q`: quits, or asks first when there are unsaved edits (unless `force`).
    pub(super) fn request_quit(&mut self, force: bool) {
        let dirty = self.store.as_ref().is_some_and(|s| s.is_dirty());
        if dirty && !force {
            self.popup = Some(Popup::choice(
                "Unsaved changes",
                &[
                    ('s', "save and quit"),
                    ('d', "discard them and quit"),
                    ('c', "cancel"),
                ],
                Ask::QuitUnsaved,
            ));
        } else {
            self.quit = true;
        }
    }

    fn discard_and_quit(&mut self) {
        let article = std::sync::Arc::clone(&self.article);
        if let Some(store) = self.store.as_mut()
            && let Err(e) = store.reload(&article)
        {
            return self.say(format!("cannot discard: {e}"), Tone::Warning);
        }
        self.quit = true;
    }

    /// Cursor mode `"` / `P`: tags the selection, or re-attaches a selected orphan to it.
    pub(super) fn tag_selection(&mut self, quote: bool) {
        let Some(range) = self.cursor.and_then(|c| c.selection(&self.article.text)) else {
            return self.say("no selection: press v (or Space) to start one", Tone::Info);
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
                self.cursor = None;
                self.say("re-attached", Tone::Info);
            }
            return;
        }
        if quote {
            self.popup = Some(Popup::choice(
                "Tag as a quote",
                KIND_OPTIONS,
                Ask::TagKind {
                    start: range.start,
                    end: range.end,
                },
            ));
        } else if self
            .apply(Edit::AddPosition {
                start: range.start,
                end: range.end,
                party: None,
                speaker: None,
            })
            .is_some()
        {
            self.cursor = None;
            self.say(
                "position added: 1-9 sets its side, @ its speaker",
                Tone::Info,
            );
        }
    }

    fn open_picker(&mut self, pick: Pick) {
        self.popup = Some(Popup::Speakers {
            filter: Default::default(),
            cursor: 0,
            pick,
        });
    }

    fn start_merge(&mut self) {
        let Some(from) = self.selected_speaker() else {
            return self.say(
                "select an annotation whose speaker should be merged into another",
                Tone::Info,
            );
        };
        self.open_picker(Pick::MergeInto { from });
    }

    /// The speaker picker's entries for a filter: `None` is "new speaker".
    pub fn picker_entries(&self, filter: &str) -> Vec<Option<usize>> {
        let f = filter.trim().to_lowercase();
        let mut out: Vec<Option<usize>> = Vec::new();
        if !f.is_empty()
            && !self
                .ann()
                .speakers
                .iter()
                .any(|s| s.name.to_lowercase() == f)
        {
            out.push(None);
        }
        out.extend(
            self.ann()
                .speakers
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    f.is_empty()
                        || s.name.to_lowercase().contains(&f)
                        || s.role
                            .as_deref()
                            .is_some_and(|r| r.to_lowercase().contains(&f))
                })
                .map(|(i, _)| Some(i)),
        );
        out
    }

    /// A key in the open popup.
    pub(super) fn popup_input(&mut self, key: PopupKey) {
        let Some(popup) = self.popup.take() else {
            return;
        };
        match popup {
            Popup::Choice {
                ask,
                title,
                options,
            } => match key {
                PopupKey::Edit(PromptKey::Char(c)) if options.iter().any(|(o, _)| *o == c) => {
                    self.choose(ask, c)
                }
                PopupKey::Edit(PromptKey::Abort) => {}
                _ => {
                    self.popup = Some(Popup::Choice {
                        title,
                        options,
                        ask,
                    })
                }
            },
            Popup::Text {
                title,
                mut field,
                multiline,
                purpose,
            } => match key {
                PopupKey::Edit(PromptKey::Submit) => {
                    self.submit_text(purpose, field.text().to_string())
                }
                PopupKey::Edit(PromptKey::Abort) => {}
                PopupKey::Newline if multiline => {
                    field.insert('\n');
                    self.popup = Some(Popup::Text {
                        title,
                        field,
                        multiline,
                        purpose,
                    });
                }
                PopupKey::Edit(k) => {
                    crate::tui::app::edit_field(&mut field, k);
                    self.popup = Some(Popup::Text {
                        title,
                        field,
                        multiline,
                        purpose,
                    });
                }
                _ => {
                    self.popup = Some(Popup::Text {
                        title,
                        field,
                        multiline,
                        purpose,
                    })
                }
            },
            Popup::Speakers {
                mut filter,
                mut cursor,
                pick,
            } => {
                let n = self.picker_entries(filter.text()).len();
                match key {
                    PopupKey::Up => cursor = cursor.saturating_sub(1),
                    PopupKey::Down => cursor = (cursor + 1).min(n.saturating_sub(1)),
                    PopupKey::Edit(PromptKey::Abort) => return,
                    PopupKey::Edit(PromptKey::Submit) => {
                        return self.pick_speaker(pick, filter.text().to_string(), cursor);
                    }
                    PopupKey::Edit(k) => {
                        crate::tui::app::edit_field(&mut filter, k);
                        cursor = 0;
                    }
                    PopupKey::Newline => {}
                }
                self.popup = Some(Popup::Speakers {
                    filter,
                    cursor,
                    pick,
                });
            }
        }
    }

    fn pick_speaker(&mut self, pick: Pick, filter: String, cursor: usize) {
        let entries = self.picker_entries(&filter);
        let Some(entry) = entries.get(cursor).copied() else {
            return self.say("no speaker matches; type a name to add one", Tone::Info);
        };
        match (entry, pick) {
            (None, Pick::Speaker) => {
                let name = filter.trim().to_string();
                self.popup = Some(Popup::text(
                    &format!("Role of {name} (optional)"),
                    "",
                    false,
                    Field::SpeakerRole { name },
                ));
            }
            (None, Pick::MergeInto { .. }) => {
                self.say("merge into an existing speaker", Tone::Info)
            }
            (Some(i), Pick::Speaker) => {
                let (sid, party) = {
                    let s = &self.ann().speakers[i];
                    (s.id.clone(), s.party.clone())
                };
                self.set_speaker(sid, party);
            }
            (Some(i), Pick::MergeInto { from }) => {
                let into = self.ann().speakers[i].id.clone();
                if into == from {
                    return self.say("that is the same speaker", Tone::Info);
                }
                if self.apply(Edit::MergeSpeakers { from, into }).is_some() {
                    self.say("speakers merged (u undoes)", Tone::Info);
                }
            }
        }
    }

    /// Sets the selected annotation's speaker; the speaker's side is given to an
    /// annotation that has none, in the same undo step.
    fn set_speaker(&mut self, speaker: Id, party: Option<Id>) {
        let Some(id) = self.with_selected() else {
            return;
        };
        let has_side = self
            .selected
            .and_then(|s| self.hl.items.get(s))
            .is_some_and(|it| it.party().is_some());
        if let Some(store) = self.store.as_mut() {
            store.begin_group("set speaker");
        }
        self.apply(Edit::SetSpeaker {
            id: id.clone(),
            speaker: Some(speaker),
        });
        if !has_side && party.is_some() {
            self.apply(Edit::SetSide { id, party });
        }
        if let Some(store) = self.store.as_mut() {
            store.end_group();
        }
    }

    fn choose(&mut self, ask: Ask, c: char) {
        match ask {
            Ask::TagKind { start, end } => {
                let kind = kind_of(c);
                if self
                    .apply(Edit::AddQuote {
                        start,
                        end,
                        kind,
                        party: None,
                        speaker: None,
                    })
                    .is_some()
                {
                    self.cursor = None;
                    self.say(
                        "quote added: 1-9 sets its side, @ its speaker, e a note",
                        Tone::Info,
                    );
                }
            }
            Ask::ChangeKind => {
                if let Some(id) = self.selected_id() {
                    self.apply(Edit::SetKind {
                        id,
                        kind: kind_of(c),
                    });
                }
            }
            Ask::QuitUnsaved => match c {
                's' if self.save() => self.quit = true,
                'd' => self.discard_and_quit(),
                _ => {}
            },
            Ask::Conflict => match c {
                'r' => {
                    let article = std::sync::Arc::clone(&self.article);
                    if let Some(store) = self.store.as_mut() {
                        match store.reload(&article) {
                            Ok(()) => {
                                self.refresh(None, None);
                                self.say("reloaded from disk", Tone::Info);
                            }
                            Err(e) => self.say(e.to_string(), Tone::Warning),
                        }
                    }
                }
                'o' => {
                    if let Some(store) = self.store.as_mut() {
                        match store.save_overwrite() {
                            Ok(()) => self.say("saved over the changed file", Tone::Info),
                            Err(e) => self.say(e.to_string(), Tone::Warning),
                        }
                    }
                }
                's' => {
                    self.popup = Some(Popup::text("Save the store as", "", false, Field::SaveAs))
                }
                _ => {}
            },
            Ask::ExportFormat => {
                let (format, ext) = match c {
                    'j' => (Format::Json, "json"),
                    'c' => (Format::Csv, "csv"),
                    'm' => (Format::Markdown, "md"),
                    _ => (Format::Toml, "toml"),
                };
                let path = self.default_export_path(ext);
                self.popup = Some(Popup::text(
                    "Export to",
                    &path,
                    false,
                    Field::ExportPath { format },
                ));
            }
            Ask::SpeakerSide { name, role } => {
                let party = c
                    .to_digit(10)
                    .and_then(|d| (d as usize).checked_sub(1))
                    .and_then(|i| self.ann().parties.get(i))
                    .map(|p| Id::from(p.id.as_str()));
                let role = (!role.trim().is_empty()).then(|| role.trim().to_string());
                if let Some(store) = self.store.as_mut() {
                    store.begin_group("new speaker");
                }
                if let Some(o) = self.apply(Edit::AddSpeaker {
                    name,
                    role,
                    party: party.clone(),
                }) && let Some(sid) = o.created
                {
                    self.set_speaker(sid, party);
                }
                if let Some(store) = self.store.as_mut() {
                    store.end_group();
                }
            }
        }
    }

    fn submit_text(&mut self, purpose: Field, text: String) {
        match purpose {
            Field::Note { id } => {
                let note = (!text.trim().is_empty()).then_some(text);
                if self.apply(Edit::SetNote { id, note }).is_some() {
                    self.say(
                        "note saved in the annotation (Ctrl-S writes the store)",
                        Tone::Info,
                    );
                }
            }
            Field::SaveAs => {
                let path = PathBuf::from(text.trim());
                if text.trim().is_empty() {
                    return self.say("no file name given", Tone::Info);
                }
                if let Some(store) = self.store.as_mut() {
                    match store.save_as(&path) {
                        Ok(()) => self.say(
                            format!("saved {}", crate::article::sanitize_inline(text.trim())),
                            Tone::Info,
                        ),
                        Err(e) => self.say(e.to_string(), Tone::Warning),
                    }
                }
            }
            Field::ExportPath { format } => self.export_to(format, text.trim()),
            Field::SpeakerRole { name } => {
                let mut options: Vec<(char, String)> = self
                    .ann()
                    .parties
                    .iter()
                    .take(9)
                    .enumerate()
                    .map(|(i, p)| {
                        (
                            char::from(b'1' + i as u8),
                            crate::article::sanitize_inline(&p.name),
                        )
                    })
                    .collect();
                options.push(('0', "no side".into()));
                self.popup = Some(Popup::Choice {
                    title: format!("Side of {}", crate::article::sanitize_inline(&name)),
                    options,
                    ask: Ask::SpeakerSide { name, role: text },
                });
            }
            Field::Command => self.run_command_line(text.trim()),
        }
    }

    fn run_command_line(&mut self, cmd: &str) {
        match cmd {
            "w" => {
                self.save();
            }
            "q" => self.request_quit(false),
            "q!" => self.discard_and_quit(),
            "wq" | "x" => {
                if self.save() {
                    self.quit = true;
                }
            }
            _ => {
                if let Some(path) = cmd.strip_prefix("w ") {
                    self.submit_text(Field::SaveAs, path.to_string());
                } else {
                    self.say(
                        format!("unknown command: {}", crate::article::sanitize_inline(cmd)),
                        Tone::Warning,
                    );
                }
            }
        }
    }

    fn default_export_path(&self, ext: &str) -> String {
        let stem = match &self.article.source {
            crate::article::Source::File(p) => p.with_extension("").display().to_string(),
            other => {
                let s = other.to_string();
                let name = s.rsplit('/').next().unwrap_or("article").to_string();
                name.trim_end_matches(".txt").to_string()
            }
        };
        format!("{stem}.annotations.{ext}")
    }

    fn export_to(&mut self, format: Format, path: &str) {
        if path.is_empty() {
            return self.say("no file name given", Tone::Info);
        }
        let result = crate::export::export(self.ann(), &self.article.text, format, false)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                crate::store::fsio::write_atomic(std::path::Path::new(path), text.as_bytes())
                    .map_err(|e| e.to_string())
            });
        match result {
            Ok(()) => self.say(
                format!("exported {}", crate::article::sanitize_inline(path)),
                Tone::Info,
            ),
            Err(e) => self.say(
                format!(
                    "cannot export to {}: {e}",
                    crate::article::sanitize_inline(path)
                ),
                Tone::Warning,
            ),
        }
    }
}

const KIND_OPTIONS: &[(char, &str)] = &[
    ('d', "direct: a whole quoted utterance"),
    ('p', "partial: quoted words inside reported speech"),
    ('t', "term: a name or scare quote, not speech"),
];

fn kind_of(c: char) -> QuoteKind {
    match c {
        'p' => QuoteKind::Partial,
        't' => QuoteKind::Term,
        _ => QuoteKind::Direct,
    }
}

fn side_index(c: Command) -> Option<usize> {
    let all = [
        Command::Side1,
        Command::Side2,
        Command::Side3,
        Command::Side4,
        Command::Side5,
        Command::Side6,
        Command::Side7,
        Command::Side8,
        Command::Side9,
    ];
    all.iter().position(|x| *x == c)
}

/// The end of the next word after `at` (skipping spaces first).
fn word_boundary_after(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let skipped = rest.len() - rest.trim_start().len();
    let word = rest[skipped..]
        .find(char::is_whitespace)
        .unwrap_or(rest.len() - skipped);
    at + skipped + word
}

/// The start of the word before `at` (skipping spaces first).
fn word_boundary_before(text: &str, at: usize) -> usize {
    let before = text[..at].trim_end();
    before.rfind(char::is_whitespace).map_or(0, |i| i + 1)
}

/// Moves a span's ends to grapheme boundaries.
fn snap(text: &str, start: usize, end: usize) -> (usize, usize) {
    use unicode_segmentation::GraphemeCursor;
    let fix = |at: usize| {
        let at = at.min(text.len());
        let mut c = GraphemeCursor::new(at, text.len(), true);
        if c.is_boundary(text, 0).unwrap_or(true) {
            at
        } else {
            c.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
        }
    };
    (fix(start), fix(end))
}
