//! Recovering the edits of a session that did not save: its journal replayed, each
//! action kept only when it applies and leaves the set valid (spans on the article and
//! on character boundaries, unique ids, no dangling speaker or party), and a journal
//! that could not be used whole kept aside, so nothing is lost and nothing broken is
//! saved. The user is told what was found.

use super::open::article_info_of;
use super::{Store, display, plural};
use crate::model::{Annotations, SCHEMA_VERSION};
use crate::store::anchor::{self, Made};
use crate::store::history::{self, Change, Group};
use crate::store::journal::{self, Journal, Pending};
use crate::store::validate::{self, Tally};
use std::path::Path;

/// The actions of a journal played onto a starting set.
struct Replay {
    set: Annotations,
    group: Group,
    applied: usize,
    /// Actions that no longer applied or would have broken the set.
    rejected: usize,
}

/// Plays `actions` onto `start`, keeping those that apply and leave the set valid.
/// Checking the whole set once at the end is the usual case; only when that fails is
/// each action checked, by what it touched ([`Tally`]), so a journal with one bad entry
/// costs about what a good one does.
fn replay(start: &Annotations, actions: &[Vec<Change>], text: &str) -> Replay {
    let allowed = validate::validate(start, Some(text)).len();
    let quick = play(start, actions, None);
    if quick.rejected == 0 && validate::validate(&quick.set, Some(text)).len() <= allowed {
        return quick;
    }
    play(start, actions, Some(text))
}

/// Applies each action that applies; with `article`, keeps only those that leave
/// what they touched valid on it.
fn play(start: &Annotations, actions: &[Vec<Change>], article: Option<&str>) -> Replay {
    let mut set = start.clone();
    let mut tally = article.map(|_| Tally::of(&set));
    let mut changes = Vec::new();
    let mut inverses = Vec::new();
    let mut rejected = 0;
    for action in actions {
        let Ok(inv) = history::apply_all(&mut set, action) else {
            rejected += 1;
            continue;
        };
        if let (Some(t), Some(text)) = (tally.as_mut(), article) {
            t.apply(action, &inv);
            if !t.action_is_valid(action, text) {
                t.revert(action, &inv);
                let _ = history::apply_all(&mut set, &inv);
                rejected += 1;
                continue;
            }
        }
        changes.extend(action.iter().cloned());
        inverses.push(inv);
    }
    let applied = inverses.len();
    // undo runs the last action's inverses first
    let inverses = inverses.into_iter().rev().flatten().collect();
    Replay {
        set,
        group: Group::new("recovered edits", changes, inverses),
        applied,
        rejected,
    }
}

impl Store {
    /// Applies a journal left by a session that did not save.
    pub(super) fn replay_journal(&mut self) {
        let Some(jpath) = self.journal_path() else {
            return;
        };
        let Some(pending) = self.pending_journal(&jpath) else {
            return;
        };
        let Some(start) = self.journal_start(&jpath, &pending) else {
            return;
        };
        let done = replay(&start, &pending.actions, &self.text);
        self.annotations = done.set;
        // the entries kept lie on this article: this trades their copies of the texts
        // for ranges of it
        let again = anchor::place(&mut self.annotations, &self.text, Made::OnThisText);
        self.report.orphaned.extend(again.orphaned);
        let skipped = done.rejected + pending.unreadable;
        let mut msg = format!(
            "recovered {} from the journal",
            plural(done.applied, "unsaved edit", "unsaved edits")
        );
        if done.applied > 0 {
            self.history.record(done.group.clone());
        }
        if skipped == 0 {
            self.notices.push(msg);
            if !self.options.inspect {
                match Journal::resume(&jpath, pending.good_len) {
                    Ok(j) => self.journal = Some(j),
                    Err(e) => self.journal_broken(&e),
                }
            }
            return;
        }
        msg.push_str(&format!(
            "; skipped {} ({} unreadable, {} no longer applying or not valid)",
            plural(skipped, "entry", "entries"),
            pending.unreadable,
            done.rejected
        ));
        self.keep_aside_and_restart(&jpath, &pending, &done.group, msg);
    }

    /// The journal at `jpath`, when there is one written on this store as it is on
    /// disk; one that cannot be used is set aside (or, not parley's, left) and said.
    fn pending_journal(&mut self, jpath: &Path) -> Option<Pending> {
        let limit = journal::limit(self.options.max_bytes);
        let pending = match journal::read(jpath, limit) {
            Ok(p) => p?,
            Err(journal::ReadError::NotParleys(e)) => {
                // neither replayed nor moved; and no journal can be kept at its name
                self.notices
                    .push(format!("{}: not replayed: {e}", display(jpath)));
                if !self.options.inspect {
                    self.journal_broken(&e);
                }
                return None;
            }
            Err(journal::ReadError::Unusable(e)) => {
                self.set_journal_aside(jpath, &format!("it cannot be read ({e})"));
                return None;
            }
        };
        if pending.base != self.disk.sha256() {
            let why = "the store was saved or changed after it was written";
            self.set_journal_aside(jpath, why);
            return None;
        }
        Some(pending)
    }

    /// The set the journal's actions start from: its own snapshot (of a store not yet
    /// saved), else the store as read; a snapshot of another schema sets it aside.
    fn journal_start(&mut self, jpath: &Path, pending: &Pending) -> Option<Annotations> {
        match &pending.snapshot {
            Some(s) if s.version != SCHEMA_VERSION => {
                let why = format!("its starting set is schema version {}", s.version);
                self.set_journal_aside(jpath, &why);
                None
            }
            Some(s) => {
                let mut s = s.clone();
                s.article = article_info_of(&s, &self.text);
                Some(s)
            }
            None => Some(self.annotations.clone()),
        }
    }

    /// A journal not replayed whole: kept aside as it is, and a new one started with
    /// what was recovered, so the recovered edits stay crash-safe.
    fn keep_aside_and_restart(
        &mut self,
        jpath: &Path,
        pending: &Pending,
        group: &Group,
        msg: String,
    ) {
        if self.options.inspect {
            self.notices.push(msg);
            return;
        }
        let aside = match journal::set_aside(jpath) {
            Ok(aside) => aside,
            Err(e) => {
                self.notices
                    .push(format!("{msg}; the journal stays in place ({e})"));
                return;
            }
        };
        self.notices
            .push(format!("{msg}; the journal is kept as {}", display(&aside)));
        if group.changes.is_empty() {
            return;
        }
        let started = Journal::start(jpath, &pending.base, pending.snapshot.as_ref())
            .and_then(|mut j| j.append(&group.changes).map(|()| j));
        match started {
            Ok(j) => self.journal = Some(j),
            Err(e) => self.journal_broken(&e),
        }
    }

    pub(super) fn set_journal_aside(&mut self, jpath: &Path, why: &str) {
        if self.options.inspect {
            self.notices
                .push(format!("{}: not replayed: {why}", display(jpath)));
            return;
        }
        match journal::set_aside(jpath) {
            Ok(aside) => self.notices.push(format!(
                "{}: not replayed because {why}; kept as {}",
                display(jpath),
                display(&aside)
            )),
            Err(e) => self.notices.push(format!(
                "{}: not replayed because {why}; {e}",
                display(jpath)
            )),
        }
    }
}
