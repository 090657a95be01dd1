//! The speakers panel (`W`): every speaker with its side, role and counts, to rename
//! it, set its role or side (which reaches its untouched quotes and positions), delete
//! it, merge it into another, or jump to where it is named and quoted. Each change is
//! one store edit, journalled and undone by `u`. Like the sides editor, the panel is a
//! popup with a keymap of its own that stays open until Esc; the fields and the merge
//! picker it opens return to it.

use super::{App, Tone};
use crate::article::sanitize_inline;
use crate::model::{Id, Speaker};
use crate::store::edit::Edit;
use crate::tui::popup::speakers::{SpeakersPanel, speaker_counts};
use crate::tui::popup::text::TextInput;
use crate::tui::reply::{Field, Pick, SpeakerField, SpeakerOp};
use crate::tui::strings;

impl App {
    /// Opens the panel on the selected annotation's speaker, else the first.
    pub(super) fn open_speakers_panel(&mut self) {
        if self.loading.store().is_none() {
            return self.say(strings::STILL_LOADING, Tone::Info);
        }
        let speaker = self
            .on_selected(|q| q.speaker.clone(), |p| p.speaker.clone())
            .flatten();
        let cursor = speaker
            .and_then(|id| self.ann().speakers.iter().position(|s| s.id == id))
            .unwrap_or(0);
        self.open_popup(SpeakersPanel { cursor });
    }

    /// The speaker under the panel's cursor, when the panel is on top.
    fn panel_speaker(&self) -> Option<Speaker> {
        let p = self.mode.popup_as::<SpeakersPanel>()?;
        let speakers = &self.ann().speakers;
        speakers.get(p.row(speakers.len())).cloned()
    }

    /// Keeps the panel's cursor on a speaker after the list got shorter.
    fn clamp_panel(&mut self) {
        let n = self.ann().speakers.len();
        if let Some(p) = self.mode.popup_as_mut::<SpeakersPanel>() {
            p.cursor = p.row(n);
        }
    }

    /// Does what a key of the panel asked for.
    pub(super) fn speaker_op(&mut self, op: SpeakerOp) {
        if op == SpeakerOp::Undo {
            self.undo_redo(true);
            return self.clamp_panel();
        }
        let Some(s) = self.panel_speaker() else {
            return self.say(strings::NO_SPEAKERS, Tone::Info);
        };
        let name = sanitize_inline(&s.name);
        match op {
            SpeakerOp::Rename => self.open_popup(TextInput::new(
                &format!("Rename the speaker {name}"),
                &s.name,
                Field::Speaker(SpeakerField::Name(s.id)),
            )),
            SpeakerOp::Role => self.open_popup(TextInput::new(
                &format!("Role of {name} (empty clears it)"),
                s.role.as_deref().unwrap_or(""),
                Field::Speaker(SpeakerField::Role(s.id)),
            )),
            SpeakerOp::Merge => self.open_picker(Pick::MergeInto { from: s.id }),
            SpeakerOp::Delete => self.delete_speaker(s),
            SpeakerOp::Jump => self.jump_to_speaker(&s),
            SpeakerOp::Side(n) => self.set_speaker_side(s, n),
            SpeakerOp::Undo => {}
        }
    }

    fn delete_speaker(&mut self, s: Speaker) {
        let (quotes, positions) = speaker_counts(self.ann())
            .get(s.id.as_str())
            .copied()
            .unwrap_or_default();
        if self
            .apply(Edit::DeleteSpeaker { id: s.id.clone() })
            .is_some()
        {
            self.clamp_panel();
            let what = strings::speaker_deleted(&s.name, quotes + positions);
            self.say(strings::done(&what, &self.keymap), Tone::Info);
        }
    }

    /// Digit `n` in the panel: side n for the speaker (0: none).
    fn set_speaker_side(&mut self, s: Speaker, n: u8) {
        let Some(party) = self.side_of_key(usize::from(n).checked_sub(1)) else {
            return;
        };
        let side_name = party
            .as_deref()
            .and_then(|p| self.ann().party(p))
            .map_or("no side".to_string(), |p| sanitize_inline(&p.name));
        if let Some(o) = self.apply(Edit::SetSpeakerSide {
            id: s.id.clone(),
            party,
        }) {
            // the speaker's own change is one of them
            let reached = o.changes.saturating_sub(1);
            let what = strings::speaker_side_set(&s.name, &side_name, reached);
            self.say(strings::done(&what, &self.keymap), Tone::Info);
        }
    }

    /// Closes the panel and goes to the speaker's first mention or quote after the
    /// top of the screen; `n` and `N` go on through them, as through search matches.
    /// (Positions are left out: one is mostly the sentence that names the speaker.)
    fn jump_to_speaker(&mut self, s: &Speaker) {
        let a = self.ann();
        let named = |x: &Option<Id>| x.as_deref() == Some(s.id.as_str());
        let mut places: Vec<std::ops::Range<usize>> = s
            .mentions
            .iter()
            .map(|m| m[0]..m[1])
            .chain(
                a.quotes
                    .iter()
                    .filter(|q| named(&q.speaker))
                    .map(|q| q.range()),
            )
            .filter(|r| r.end <= self.article.text.len())
            .collect();
        places.sort_by_key(|r| (r.start, r.end));
        places.dedup();
        if places.is_empty() {
            return self.say(strings::speaker_unplaced(&s.name), Tone::Info);
        }
        self.mode.pop();
        let n = places.len();
        self.search.set_places(&s.name, places);
        let from = self.top_offset();
        if let Some(hit) = self.search.first_hit_from(from) {
            self.go_to_match(hit.index);
        }
        self.say(
            strings::speaker_places(&s.name, n, &self.keymap),
            Tone::Info,
        );
    }

    /// A name or role typed for a speaker in the panel.
    pub(super) fn submit_speaker_field(&mut self, field: SpeakerField, text: String) {
        let (what, edit) = match field {
            SpeakerField::Name(id) => (
                "renamed",
                Edit::RenameSpeaker {
                    id,
                    name: text.clone(),
                },
            ),
            SpeakerField::Role(id) => {
                let role = Some(text.clone());
                ("role set", Edit::SetSpeakerRole { id, role })
            }
        };
        if self.apply(edit).is_some_and(|o| o.changes > 0) {
            let shown = if text.trim().is_empty() {
                "none"
            } else {
                text.trim()
            };
            self.say(
                strings::speaker_edited(what, shown, &self.keymap),
                Tone::Info,
            );
        }
    }
}
