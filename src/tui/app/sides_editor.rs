//! The sides editor (`S`): the story's sides in a list, to add, rename, reorder and
//! delete them and edit their aliases. Each change is one store edit, so it is
//! journalled and undone by `u` (here, or after closing). The editor is a popup that
//! takes its own letters, as a lettered question does, and stays open until Esc.

use super::{App, Tone};
use crate::article::sanitize_inline;
use crate::model::{Id, Party};
use crate::store::edit::Edit;
use crate::tui::popup::sides::SidesEditor;
use crate::tui::popup::text::TextInput;
use crate::tui::reply::{Field, SideField, SideOp};
use crate::tui::strings::{self, counted};

impl App {
    /// Opens the sides editor on the selected annotation's side, else the first.
    pub(super) fn open_sides_editor(&mut self) {
        if self.loading.store().is_none() {
            return self.say(strings::STILL_LOADING, Tone::Info);
        }
        let cursor = self
            .selected
            .and_then(|s| self.hl.items.get(s))
            .and_then(|it| it.party())
            .unwrap_or(0);
        self.open_popup(SidesEditor { cursor });
    }

    /// The sides editor's cursor, when the editor is on top.
    fn editor_cursor(&self) -> Option<usize> {
        self.mode.popup_as::<SidesEditor>().map(|e| e.cursor)
    }

    /// Puts the editor's cursor on side `at`, or the last one.
    fn set_editor_cursor(&mut self, at: usize) {
        let last = self.ann().parties.len().saturating_sub(1);
        if let Some(e) = self.mode.popup_as_mut::<SidesEditor>() {
            e.cursor = at.min(last);
        }
    }

    /// Does what a key of the sides editor asked for, on the side under its cursor.
    pub(super) fn side_op(&mut self, op: SideOp) {
        let Some(cursor) = self.editor_cursor() else {
            return;
        };
        let side = self.ann().parties.get(cursor).cloned();
        match (op, side) {
            (SideOp::Add, _) => self.open_popup(TextInput::new(
                "Name of the new side",
                "",
                Field::Side(SideField::Name(None)),
            )),
            (SideOp::Undo, _) => {
                self.undo_redo(true);
                self.set_editor_cursor(cursor);
            }
            (_, None) => self.say("no sides yet: a adds one", Tone::Info),
            (SideOp::Rename, Some(p)) => self.open_popup(TextInput::new(
                &format!("Rename the side {}", sanitize_inline(&p.name)),
                &p.name,
                Field::Side(SideField::Name(Some(Id::from(p.id.as_str())))),
            )),
            (SideOp::Aliases, Some(p)) => self.open_lines(
                strings::aliases_title(&sanitize_inline(&p.name), &self.keymap),
                &p.aliases.join("\n"),
                Field::Side(SideField::Aliases(Id::from(p.id.as_str()))),
            ),
            (SideOp::Label, Some(p)) => self.open_popup(TextInput::new(
                &strings::label_title(&sanitize_inline(&p.name)),
                p.label.as_deref().unwrap_or(""),
                Field::Side(SideField::Label(Id::from(p.id.as_str()))),
            )),
            (SideOp::Delete, Some(p)) => self.delete_side(&p, cursor),
            (SideOp::MoveUp, Some(p)) => self.move_side(&p, cursor, cursor.checked_sub(1)),
            (SideOp::MoveDown, Some(p)) => {
                let n = self.ann().parties.len();
                self.move_side(&p, cursor, Some(cursor + 1).filter(|to| *to < n));
            }
        }
    }

    fn delete_side(&mut self, p: &Party, cursor: usize) {
        let a = self.ann();
        let had = |party: &Option<Id>| party.as_deref() == Some(p.id.as_str());
        let annotations = a.quotes.iter().filter(|q| had(&q.party)).count()
            + a.positions.iter().filter(|x| had(&x.party)).count()
            + a.orphan_quotes.iter().filter(|q| had(&q.party)).count()
            + a.orphan_positions.iter().filter(|x| had(&x.party)).count();
        let speakers = a.speakers.iter().filter(|s| had(&s.party)).count();
        let id = Id::from(p.id.as_str());
        if let Some((_, changed)) = self.edit_sides("delete side", Edit::DeleteParty { id }) {
            self.set_editor_cursor(cursor);
            let what = format!(
                "side {} deleted; {} and {} had it; {}",
                sanitize_inline(&p.name),
                counted(annotations, "annotation"),
                counted(speakers, "speaker"),
                strings::rederived(changed),
            );
            self.say(strings::done(&what, &self.keymap), Tone::Info);
        }
    }

    fn move_side(&mut self, p: &Party, from: usize, to: Option<usize>) {
        let Some(to) = to else {
            let end = if from == 0 { "first" } else { "last" };
            return self.say(format!("that side is {end} already"), Tone::Info);
        };
        let id = Id::from(p.id.as_str());
        if self.apply(Edit::MoveParty { id, to }).is_some() {
            self.set_editor_cursor(to);
            self.say(
                format!("{} is side {} now", sanitize_inline(&p.name), to + 1),
                Tone::Info,
            );
        }
    }

    /// A name or the aliases typed for a side: applied, and the editor (under the
    /// field that just closed) put on the side.
    pub(super) fn submit_side_field(&mut self, field: SideField, text: String) {
        match field {
            SideField::Name(None) => {
                if let Some((_, changed)) =
                    self.edit_sides("add side", Edit::AddParty { name: text })
                {
                    let n = self.ann().parties.len();
                    self.set_editor_cursor(n - 1);
                    let what = match changed {
                        Some(0) => format!(
                            "side {n} added: select an annotation and press {n} to give it this side"
                        ),
                        _ => strings::done(
                            &format!("side {n} added; {}", strings::rederived(changed)),
                            &self.keymap,
                        ),
                    };
                    self.say(what, Tone::Info);
                }
            }
            SideField::Name(Some(id)) => {
                let Some(aliases) = self.ann().party(&id).map(|p| p.aliases.clone()) else {
                    return;
                };
                let edit = Edit::SetParty {
                    id,
                    name: text,
                    aliases,
                };
                self.edit_side_names("side renamed", edit);
            }
            SideField::Label(id) => {
                let Some(mut party) = self.ann().party(&id).cloned() else {
                    return;
                };
                let label = text.trim();
                if !label.is_empty()
                    && let Err(e) = crate::store::edit::check_name("a label", label)
                {
                    return self.say(e.to_string(), Tone::Warning);
                }
                party.label = (!label.is_empty()).then(|| label.to_string());
                let said =
                    strings::label_set(&sanitize_inline(&party.name), party.label.as_deref());
                if self.apply(Edit::PutParty(party)).is_some() {
                    self.say(said, Tone::Info);
                }
            }
            SideField::Aliases(id) => {
                let Some(name) = self.ann().party(&id).map(|p| p.name.clone()) else {
                    return;
                };
                // one a line: a comma belongs to a name ("Washington, D.C.")
                let aliases = text.lines().map(|s| s.trim().to_string()).collect();
                self.edit_side_names("aliases set", Edit::SetParty { id, name, aliases });
            }
        }
    }

    /// A new name or new aliases for a side, the suggestions' sides re-derived.
    fn edit_side_names(&mut self, what: &str, edit: Edit) {
        if let Some((o, changed)) = self.edit_sides("edit side", edit)
            && o.changes > 0
        {
            let what = format!("{what}; {}", strings::rederived(changed));
            self.say(strings::done(&what, &self.keymap), Tone::Info);
        }
    }
}
