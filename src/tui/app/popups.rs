//! The popups the edit commands open (questions, text fields, the speaker picker):
//! their keys, and what their answers do.

use super::editing::kind_of;
use super::{App, Layer, Tone};
use crate::export::Format;
use crate::model::Id;
use crate::store::edit::Edit;
use crate::tui::action::PopupKey;
use crate::tui::popup::{Ask, Field, Outcome, Pick, Popup};
use std::path::PathBuf;

impl App {
    /// The speaker of the selected annotation.
    fn selected_speaker(&self) -> Option<Id> {
        self.on_selected(|q| q.speaker.clone(), |p| p.speaker.clone())
            .flatten()
    }

    pub(super) fn open_picker(&mut self, pick: Pick) {
        self.open_popup(Popup::Speakers {
            filter: Default::default(),
            cursor: 0,
            pick,
        });
    }

    pub(super) fn start_merge(&mut self) {
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

    /// Opens a popup over whatever is open.
    pub(super) fn open_popup(&mut self, popup: Popup) {
        self.mode.push(Layer::Popup(popup));
    }

    /// A key in the open popup: the popup takes it, and what it comes to is done here,
    /// once the popup is closed (so the answer may open the next one).
    pub(super) fn popup_input(&mut self, key: PopupKey) {
        let entries = match self.mode.popup() {
            Some(Popup::Speakers { filter, .. }) => self.picker_entries(filter.text()).len(),
            Some(_) => 0,
            None => return,
        };
        let Some(Layer::Popup(popup)) = self.mode.top_mut() else {
            return;
        };
        let outcome = popup.handle(key, entries);
        if outcome != Outcome::Stay {
            self.mode.pop();
        }
        match outcome {
            Outcome::Stay | Outcome::Cancel => {}
            Outcome::Chose(ask, c) => self.choose(ask, c),
            Outcome::Submitted(purpose, text) => self.submit_text(purpose, text),
            Outcome::Picked(pick, filter, cursor) => self.pick_speaker(pick, filter, cursor),
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
                self.open_popup(Popup::text(
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
        self.transaction("set speaker", |app| {
            app.apply(Edit::SetSpeaker {
                id: id.clone(),
                speaker: Some(speaker),
            });
            if !has_side && party.is_some() {
                app.apply(Edit::SetSide { id, party });
            }
        });
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
                    self.mode.leave_cursor();
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
                's' => self.open_popup(Popup::text("Save the store as", "", false, Field::SaveAs)),
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
                self.open_popup(Popup::text(
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
        }
    }

    pub(super) fn submit_text(&mut self, purpose: Field, text: String) {
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
                self.open_popup(Popup::Choice {
                    title: format!("Side of {}", crate::article::sanitize_inline(&name)),
                    options,
                    ask: Ask::SpeakerSide { name, role: text },
                });
            }
            Field::Command => self.run_command_line(text.trim()),
        }
    }
}
