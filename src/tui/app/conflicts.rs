//! Adjudication: the conflicts a merge left in the store, one after another (`C`),
//! each settled by choosing our value, theirs, or (for text) one the user writes.

use super::{App, Tone};
use crate::article::sanitize_inline;
use crate::model::{Conflict, ConflictTable, Id};
use crate::store::edit::Edit;
use crate::store::fields::DELETED;
use crate::tui::popup::choice::Choice;
use crate::tui::popup::text::TextInput;
use crate::tui::questions::{self, Settle};
use crate::tui::reply::{Ask, Field};
use crate::tui::strings;

/// Fields whose value is text the user may write instead of choosing a side's.
const WRITABLE: [&str; 3] = ["note", "name", "role"];

/// The longest value a chooser shows, in characters.
const SHOWN: usize = 60;

impl App {
    /// The conflicts in reading order: those on quotes and positions by where they
    /// start, then those on speakers and sides, each in the store's order.
    fn conflicts_in_order(&self) -> Vec<&Conflict> {
        let a = self.ann();
        let place = |c: &Conflict| match c.table {
            ConflictTable::Quote | ConflictTable::Position => self
                .index_of(&c.item)
                .and_then(|i| self.hl.items.get(i))
                .map_or(usize::MAX - 1, |it| it.range().start),
            ConflictTable::Speaker | ConflictTable::Party => usize::MAX,
        };
        let mut list: Vec<(usize, usize, &Conflict)> = a
            .conflicts
            .iter()
            .enumerate()
            .map(|(i, c)| (place(c), i, c))
            .collect();
        list.sort_by_key(|&(at, i, _)| (at, i));
        list.into_iter().map(|(_, _, c)| c).collect()
    }

    /// `C`: goes to the conflict after the last one shown (or the first at or after
    /// the selection) and asks which value it takes.
    pub(super) fn next_conflict(&mut self) {
        let order = self.conflicts_in_order();
        if order.is_empty() {
            return self.say(strings::NO_CONFLICTS, Tone::Info);
        }
        let after_last = self
            .last_conflict
            .as_ref()
            .and_then(|last| order.iter().position(|c| c.id == *last))
            .map(|i| (i + 1) % order.len());
        let from_selection = || {
            let at = self
                .selected
                .and_then(|s| self.hl.items.get(s))?
                .range()
                .start;
            order.iter().position(|c| {
                self.index_of(&c.item)
                    .and_then(|i| self.hl.items.get(i))
                    .is_some_and(|it| it.range().start >= at)
            })
        };
        let n = after_last.or_else(from_selection).unwrap_or(0);
        let conflict = order[n].clone();
        let total = order.len();
        self.last_conflict = Some(conflict.id.clone());
        if matches!(
            conflict.table,
            ConflictTable::Quote | ConflictTable::Position
        ) && let Some(i) = self.index_of(&conflict.item)
        {
            self.select(i);
        }
        self.ask_settle(&conflict, n + 1, total);
    }

    /// A value as the chooser shows it: a side or speaker by name, text on one line.
    fn shown_value(&self, c: &Conflict, value: Option<&str>) -> String {
        let Some(v) = value else {
            return "none".into();
        };
        let a = self.ann();
        let named = match c.field.as_str() {
            "party" => a.party(v).map(|p| p.name.clone()),
            "speaker" => a.speaker(v).map(|s| s.name.clone()),
            _ if c.field == DELETED => Some(if v == "yes" { "deleted" } else { "kept" }.into()),
            _ => None,
        };
        let text = sanitize_inline(&named.unwrap_or_else(|| v.to_string()));
        if text.chars().count() <= SHOWN {
            return format!("“{text}”");
        }
        let cut: String = text.chars().take(SHOWN - 1).collect();
        format!("“{cut}…”")
    }

    fn ask_settle(&mut self, c: &Conflict, n: usize, total: usize) {
        let what = if c.field == DELETED {
            format!(
                "{} {}: deleted on one branch, changed on the other",
                c.table.as_str(),
                c.item
            )
        } else {
            format!("the {} of {} {}", c.field, c.table.as_str(), c.item)
        };
        let was = c
            .base
            .as_deref()
            .map(|b| format!(" (was {})", self.shown_value(c, Some(b))))
            .unwrap_or_default();
        let q = &questions::SETTLE;
        let title = sanitize_inline(&format!("{} {n} of {total}: {what}{was}", q.title));
        let ask = Ask::Settle {
            conflict: c.id.clone(),
        };
        let writable = WRITABLE.contains(&c.field.as_str());
        self.open_popup(Choice::ask_with(title, q, ask, |answer, words| {
            let value = match answer {
                Settle::Ours => c.ours.as_deref(),
                Settle::Theirs => c.theirs.as_deref(),
                Settle::Edit => return writable.then(|| words.to_string()),
            };
            Some(format!("{words}: {}", self.shown_value(c, value)))
        }));
    }

    /// The answer of the chooser: ours, theirs, or an editor for the user's value.
    pub(super) fn choose_settlement(&mut self, conflict: Id, c: char) {
        let Some(found) = self
            .ann()
            .conflicts
            .iter()
            .find(|x| x.id == conflict)
            .cloned()
        else {
            return;
        };
        match questions::SETTLE.meaning(c) {
            Some(Settle::Ours) => self.settle(conflict, found.ours),
            Some(Settle::Theirs) => self.settle(conflict, found.theirs),
            Some(Settle::Edit) => {
                let start = found.ours.as_deref().unwrap_or("");
                let purpose = Field::Settle { conflict };
                if found.field == "note" {
                    self.open_lines(self.lines_title("Settle the note"), start, purpose);
                } else {
                    let title = format!("Settle the {}", found.field);
                    self.open_popup(TextInput::new(&title, start, purpose));
                }
            }
            None => {}
        }
    }

    /// Gives the conflict's field `value` and drops the conflict (one undo step).
    pub(super) fn settle(&mut self, conflict: Id, value: Option<String>) {
        if self
            .apply(Edit::Settle {
                id: conflict,
                value,
            })
            .is_some()
        {
            let left = self.ann().conflicts.len();
            self.say(strings::settled(left, &self.keymap), Tone::Info);
        }
    }

    /// Says how many conflicts a store opened with, and the key that settles them.
    pub(super) fn announce_conflicts(&mut self) {
        let n = self.ann().conflicts.len();
        if n > 0 {
            let text = strings::conflicts_on_open(n, &self.keymap);
            let text = match self.message.take() {
                Some((m, _)) => format!("{m}; {text}"),
                None => text,
            };
            self.say(text, Tone::Warning);
        }
    }
}
