//! The popups on the mode's stack: opening one, giving the one on top its key, and
//! what the replies of the reader's own popups (questions, fields, the speaker picker,
//! the panels) do.

use super::{App, Tone};
use crate::export::Format;
use crate::keys::Command;
use crate::model::Id;
use crate::store::edit::Edit;
use crate::tui::action::{PopupKey, PromptKey};
use crate::tui::app::mode::{Layer, Overlay};
use crate::tui::popup::choice::Choice;
use crate::tui::popup::picker::SpeakerPicker;
use crate::tui::popup::text::TextInput;
use crate::tui::popup::{Outcome, Popup};
use crate::tui::questions::{self, Changed, ReadOnlySave, SaveFailed, Unsaved};
use crate::tui::reply::{Ask, Field, Pick, Reply, Writing};
use crate::tui::strings;
use std::path::PathBuf;

impl App {
    /// The speaker of the selected annotation.
    fn selected_speaker(&self) -> Option<Id> {
        self.on_selected(|q| q.speaker.clone(), |p| p.speaker.clone())
            .flatten()
    }

    pub(super) fn open_picker(&mut self, pick: Pick) {
        self.open_popup(SpeakerPicker::new(pick));
    }

    pub(super) fn start_merge(&mut self) {
        let Some(from) = self.selected_speaker() else {
            return self.say(strings::SELECT_TO_MERGE, Tone::Info);
        };
        self.open_picker(Pick::MergeInto { from });
    }

    /// The speaker picker's entries for a filter, best match first: the exact name,
    /// then names with a word that starts with the filter, then names or roles that
    /// contain it. `None` is "new speaker": offered last when picking a speaker and no
    /// name is exactly the filter, so it is chosen only when nothing matches or when
    /// the user moves to it. Merging never lists the speaker being merged.
    pub fn picker_entries(&self, filter: &str, pick: &Pick) -> Vec<Option<usize>> {
        let f = filter.trim().to_lowercase();
        let from = match pick {
            Pick::MergeInto { from } => Some(from.as_str()),
            Pick::Speaker | Pick::Filter => None,
        };
        let mut ranked: Vec<(u8, usize)> = Vec::new();
        for (i, s) in self.ann().speakers.iter().enumerate() {
            if Some(s.id.as_str()) == from {
                continue;
            }
            let name = s.name.to_lowercase();
            let role = s.role.as_deref().unwrap_or("").to_lowercase();
            let rank = if f.is_empty() || name == f {
                0
            } else if name.starts_with(&f) || name.split_whitespace().any(|w| w.starts_with(&f)) {
                1
            } else if name.contains(&f) || role.contains(&f) {
                2
            } else {
                continue;
            };
            ranked.push((rank, i));
        }
        ranked.sort_by_key(|&(rank, i)| (rank, i));
        let exact = ranked.first().is_some_and(|&(rank, _)| rank == 0) && !f.is_empty();
        let mut out: Vec<Option<usize>> = ranked.into_iter().map(|(_, i)| Some(i)).collect();
        if *pick == Pick::Speaker && !f.is_empty() && !exact {
            out.push(None);
        }
        out
    }

    /// Opens a popup over whatever is open.
    pub(super) fn open_popup(&mut self, popup: impl Popup) {
        self.mode.push(Layer::Popup(Box::new(popup)));
    }

    /// A key in the popup on top: Esc closes it; any other key it takes itself, off the
    /// stack, reading the app, and what it comes to is applied here once it is closed
    /// or back (so the answer may open the next popup over it).
    pub(super) fn popup_input(&mut self, key: PopupKey) {
        let Some(mut popup) = self.mode.take_popup() else {
            return;
        };
        if key == PopupKey::Edit(PromptKey::Abort) {
            return;
        }
        // help opens over any panel the same way, showing its keys first; Esc comes
        // back to it
        if key == PopupKey::Command(Command::PanelHelp) {
            self.mode.push(Layer::Popup(popup));
            return self.toggle_overlay(Overlay::Help(0));
        }
        match popup.handle(key, self) {
            Outcome::Stay => self.mode.push(Layer::Popup(popup)),
            Outcome::Close => {}
            Outcome::Done(action) => self.act(action),
            Outcome::Keep(action) => {
                self.mode.push(Layer::Popup(popup));
                self.act(action);
            }
        }
    }

    /// What the reply of one of the reader's own popups does.
    pub(super) fn reply(&mut self, reply: Reply) {
        match reply {
            Reply::Sides(op) => self.side_op(op),
            Reply::Speakers(op) => self.speaker_op(op),
            Reply::Corpus(c) => self.corpus_command(c),
            Reply::Chose(ask, c) => self.choose(ask, c),
            Reply::Submitted(purpose, text) => self.submit_text(purpose, text),
            Reply::Picked(pick, filter, cursor) => self.pick_speaker(pick, filter, cursor),
        }
    }

    fn pick_speaker(&mut self, pick: Pick, filter: String, cursor: usize) {
        let entries = self.picker_entries(&filter, &pick);
        let Some(entry) = entries.get(cursor).copied() else {
            return self.say(strings::NO_SPEAKER_MATCHES, Tone::Info);
        };
        match (entry, pick) {
            (None, Pick::Speaker) => {
                // refused at its first step, not after the role and side are asked
                if let Err(e) = crate::store::edit::check_name("a speaker's name", &filter) {
                    return self.say(e.to_string(), Tone::Warning);
                }
                let name = filter.trim().to_string();
                self.open_popup(TextInput::new(
                    &strings::new_speaker_role(&name, &self.keymap),
                    "",
                    Field::SpeakerRole { name },
                ));
            }
            (None, Pick::MergeInto { .. }) => self.say(strings::MERGE_INTO_EXISTING, Tone::Info),
            (None, Pick::Filter) => self.say(strings::NO_SPEAKER_TO_FILTER, Tone::Info),
            (Some(i), Pick::Filter) => {
                let id = self.ann().speakers[i].id.clone();
                self.filter_by_speaker(id);
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
                    return self.say(strings::SAME_SPEAKER, Tone::Info);
                }
                if self.apply(Edit::MergeSpeakers { from, into }).is_some() {
                    self.say(strings::done("speakers merged", &self.keymap), Tone::Info);
                }
            }
        }
    }

    /// Sets the selected annotation's speaker; a speaker with a side gives the
    /// annotation that side, in the same undo step (who says it decides for whom).
    fn set_speaker(&mut self, speaker: Id, party: Option<Id>) {
        let Some(id) = self.with_selected() else {
            return;
        };
        let side = self
            .on_selected(|q| q.party.clone(), |p| p.party.clone())
            .flatten();
        self.transaction("set speaker", |app| {
            app.apply(Edit::SetSpeaker {
                id: id.clone(),
                speaker: Some(speaker),
            });
            if party.is_some() && party != side {
                app.apply(Edit::SetSide { id, party });
            }
        });
    }

    fn choose(&mut self, ask: Ask, c: char) {
        match ask {
            Ask::TagKind { start, end } => {
                if let Some(kind) = questions::KIND.meaning(c) {
                    self.tag_quote(start, end, kind);
                }
            }
            Ask::ChangeKind => {
                if let (Some(id), Some(kind)) = (self.selected_id(), questions::KIND.meaning(c)) {
                    self.apply(Edit::SetKind { id, kind });
                }
            }
            Ask::LeaveUnsaved(d) => self.leave_unsaved(d, c),
            Ask::QuitUnsaved => match questions::QUIT_UNSAVED.meaning(c) {
                Some(Unsaved::Save) if self.save() => self.quit = true,
                Some(Unsaved::Discard) => self.discard_and_quit(),
                _ => {}
            },
            Ask::Conflict => self.resolve_conflict(c),
            Ask::Replace { path, with } if questions::REPLACE.meaning(c) == Some(true) => {
                match with {
                    Writing::Export(format) => self.export_to(format, &path, true),
                    Writing::Store => self.save_as(std::path::Path::new(&path), true),
                    Writing::Copy => self.save_copy(std::path::Path::new(&path), true),
                }
            }
            Ask::Replace { .. } => {}
            Ask::ReadOnlySave => {
                if questions::READ_ONLY_SAVE.meaning(c) == Some(ReadOnlySave::WriteCopy) {
                    self.ask_copy_to();
                }
            }
            Ask::SaveFailed => match questions::SAVE_FAILED.meaning(c) {
                Some(SaveFailed::SaveElsewhere) => self.ask_save_as(),
                Some(SaveFailed::Retry) => {
                    self.save();
                }
                _ => {}
            },
            Ask::ExportFormat => self.answer_export_format(c),
            Ask::ApplyParties => self.answer_given_sides(c),
            Ask::Filter => self.answer_filter(c),
            Ask::SpeakerSide { name, role } => self.add_speaker(name, &role, c),
            Ask::Settle { conflict } => self.choose_settlement(conflict, c),
        }
    }

    /// Tags `start..end` as a quote of `kind`, leaving cursor mode.
    fn tag_quote(&mut self, start: usize, end: usize, kind: crate::model::QuoteKind) {
        let added = self.apply(Edit::AddQuote {
            start,
            end,
            kind,
            party: None,
            speaker: None,
        });
        if added.is_some() {
            self.mode.leave_cursor();
            self.say(strings::added("quote", &self.keymap), Tone::Info);
        }
    }

    /// The answer to "the store changed on disk": reload, overwrite or save elsewhere.
    fn resolve_conflict(&mut self, c: char) {
        match questions::STORE_CHANGED.meaning(c) {
            Some(Changed::Reload) => {
                let article = std::sync::Arc::clone(&self.article);
                if let Some(store) = self.loading.store_mut() {
                    match store.reload(&article) {
                        Ok(()) => {
                            self.refresh(None, None);
                            self.say(strings::RELOADED, Tone::Info);
                        }
                        Err(e) => self.say(e.to_string(), Tone::Warning),
                    }
                }
            }
            Some(Changed::Overwrite) => {
                if let Some(store) = self.loading.store_mut() {
                    match store.save_overwrite() {
                        Ok(()) => self.say(strings::SAVED_OVER, Tone::Info),
                        Err(e) => self.save_failed(&e.to_string()),
                    }
                }
            }
            Some(Changed::SaveElsewhere) => self.ask_save_as(),
            Some(Changed::Cancel) | None => {}
        }
    }

    /// Adds the speaker named in the picker, with its role and the side chosen by
    /// `c` (a party's digit, 0 for none), and makes it the selection's speaker: one
    /// undo step.
    fn add_speaker(&mut self, name: String, role: &str, c: char) {
        let party = c
            .to_digit(10)
            .and_then(|d| (d as usize).checked_sub(1))
            .and_then(|i| self.ann().parties.get(i))
            .map(|p| Id::from(p.id.as_str()));
        let role = (!role.trim().is_empty()).then(|| role.trim().to_string());
        self.transaction("new speaker", |app| {
            if let Some(o) = app.apply(Edit::AddSpeaker {
                name,
                role,
                party: party.clone(),
            }) && let Some(sid) = o.created
            {
                app.set_speaker(sid, party);
            }
        });
    }

    pub(super) fn submit_text(&mut self, purpose: Field, text: String) {
        match purpose {
            Field::CorpusFilter | Field::CorpusSearch => self.corpus_field(&purpose, text),
            Field::Note { id } => {
                let note = (!text.trim().is_empty()).then_some(text);
                if self.apply(Edit::SetNote { id, note }).is_some() {
                    self.say(strings::note_saved(&self.keymap), Tone::Info);
                }
            }
            Field::SaveAs => {
                let path = PathBuf::from(text.trim());
                if text.trim().is_empty() {
                    return self.say(strings::NO_FILE_NAME, Tone::Info);
                }
                self.save_as(&path, false);
            }
            Field::ExportPath { format } => {
                // a name that asks for a format gets it, as `parley export -o` does
                let path = text.trim();
                let format = Format::of_extension(std::path::Path::new(path)).unwrap_or(format);
                self.export_to(format, path, false);
            }
            Field::CopyTo => self.save_copy(std::path::Path::new(text.trim()), false),
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
                let title = format!(
                    "New speaker {}, step 3 of 3: side",
                    crate::article::sanitize_inline(&name)
                );
                let ask = Ask::SpeakerSide { name, role: text };
                self.open_popup(Choice::of(title, options, ask));
            }
            Field::Command => self.run_command_line(text.trim()),
            Field::Side(field) => self.submit_side_field(field, text),
            Field::Speaker(field) => self.submit_speaker_field(field, text),
            Field::Settle { conflict } => {
                let value = (!text.trim().is_empty()).then_some(text);
                self.settle(conflict, value);
            }
        }
    }
}
