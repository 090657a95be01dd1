//! Changing a store: each edit planned, written to the journal before it is applied,
//! and recorded for undo and redo; then saved atomically, never over a file that
//! changed on disk since it was loaded, and the journal removed.

use super::{Outcome, Store, display};
use crate::model::Id;
use crate::store::edit::{self, Edit, EditError};
use crate::store::fsio::{self, FileState};
use crate::store::guard;
use crate::store::history::{self, Change, Group};
use crate::store::journal::{self, Journal};
use crate::store::lock::{self, StoreLock};
use crate::store::schema;
use std::io;
use std::path::{Path, PathBuf};

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The store could not be read, so it is never written.
    #[error("the store is read-only: {0}")]
    ReadOnly(String),
    /// No path: the bundled article or standard input without a data directory.
    #[error("there is no place to keep the store (no data directory); pass --store PATH")]
    NoPath,
    /// Someone changed the file since it was loaded.
    #[error("{0}: changed on disk since it was loaded; reload it, overwrite it, or save elsewhere")]
    Conflict(String),
    /// The path may not be written: it is the article, a FIFO or device, read-only,
    /// or (for save-as) an existing file the user has not agreed to replace.
    #[error(transparent)]
    Refused(#[from] guard::Refused),
    /// Save-as onto a store another reader is editing.
    #[error("{0}: another parley is editing that store; save elsewhere")]
    Busy(String),
    /// Save-as to a store whose lock cannot be taken (something that is not parley's
    /// lock is at its name).
    #[error("{path}: cannot take the lock of that store: {source}; save elsewhere")]
    Lock {
        /// The lock file.
        path: String,
        /// Why.
        source: io::Error,
    },
    /// Writing failed; the old file is untouched.
    #[error("{path}: cannot save: {source}")]
    Io {
        /// The store file.
        path: String,
        /// The cause.
        source: io::Error,
    },
}

impl Store {
    /// Writes changes to the journal before they are applied. A journal that cannot be
    /// written is reported once, and editing goes on; each action it does not hold is
    /// counted ([`Store::edits_at_risk`]).
    fn journal_append(&mut self, changes: &[history::Change]) {
        if self.journal.is_none() && !self.journal_failed {
            if let Some(jpath) = self.journal_path() {
                if let Some(dir) = jpath.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                let snapshot = matches!(self.disk, FileState::Absent).then_some(&self.annotations);
                match Journal::start(&jpath, self.disk.sha256(), snapshot) {
                    Ok(j) => self.journal = Some(j),
                    Err(e) => self.journal_broken(&e),
                }
            }
        }
        let written = match &mut self.journal {
            Some(j) => j.append(changes),
            None => {
                self.unjournalled += 1;
                return;
            }
        };
        if let Err(e) = written {
            // the journal still holds the actions before this one, and no part of it
            self.journal = None;
            self.journal_broken(&e);
            self.unjournalled += 1;
        }
    }

    fn writable(&self) -> Result<(), EditError> {
        match &self.read_only {
            Some(r) => Err(EditError::ReadOnly(r.clone())),
            None => Ok(()),
        }
    }

    /// Makes an edit: planned, journalled, applied, and recorded for undo.
    pub fn apply(&mut self, edit: Edit) -> Result<Outcome, EditError> {
        self.apply_joining(edit, None)
    }

    /// The state the set is in now: equal values mean equal sets (see
    /// [`Store::apply_joined`]).
    pub fn state(&self) -> u64 {
        self.history.state()
    }

    /// Makes an edit that finishes the last undo step, when that step still leads to
    /// state `step` (the reader re-derives the sides of a large article on a worker
    /// after an edit of the sides, and undo takes both back at once); otherwise the
    /// edit is a step of its own.
    pub fn apply_joined(&mut self, step: u64, edit: Edit) -> Result<Outcome, EditError> {
        self.apply_joining(edit, Some(step))
    }

    fn apply_joining(&mut self, edit: Edit, join: Option<u64>) -> Result<Outcome, EditError> {
        self.writable()?;
        let mut plan = edit::plan(&self.annotations, &self.text, &edit)?;
        if plan.changes.is_empty() {
            return Ok(Outcome {
                tally: plan.tally,
                ..Outcome::default()
            });
        }
        // what is put carries the texts of its cue and mentions, for re-anchoring
        for change in &mut plan.changes {
            if let history::Change::Put(item) = change {
                crate::store::anchor::keep_texts(item, &self.text);
            }
        }
        self.journal_append(&plan.changes);
        let inverses = history::apply_all(&mut self.annotations, &plan.changes)
            .map_err(|m| EditError::NotFound(m.id.to_string()))?;
        if plan.undoable {
            let group = Group::new(plan.label, plan.changes.clone(), inverses);
            let unjoined = match join {
                Some(step) => self.history.amend(step, group).err(),
                None => Some(group),
            };
            if let Some(group) = unjoined {
                self.history.record(group);
            }
        } else {
            self.unsaved_outside_history = true;
        }
        let changed = plan
            .changes
            .iter()
            .map(|c| match c {
                Change::Put(item) => Id::from(item.key().1),
                Change::Remove { id, .. } => id.clone(),
            })
            .collect();
        Ok(Outcome {
            created: plan.created,
            changes: plan.changes.len(),
            changed,
            tally: plan.tally,
        })
    }

    /// Joins the following edits into one undo step until the matching
    /// [`Store::end_group`]; groups nest, and only the outermost one closes the step.
    pub fn begin_group(&mut self, label: &str) {
        self.history.begin(label);
    }

    /// Closes the group begun by the matching [`Store::begin_group`].
    pub fn end_group(&mut self) {
        self.history.end();
    }

    /// Throws the unsaved edits away for good, as when quitting without saving: the
    /// journal that would bring them back goes, and nothing is read again (a store
    /// file that became unreadable cannot stop a discard). The annotations in memory
    /// stay until the store is dropped.
    pub fn discard(&mut self) -> std::io::Result<()> {
        self.saved_state = self.history.state();
        self.unjournalled = 0;
        self.unsaved_outside_history = false;
        self.drop_journal()
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<String>, EditError> {
        self.step(true)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self) -> Result<Option<String>, EditError> {
        self.step(false)
    }

    /// Undo (`back`) or redo: journal the changes, apply them, move the group across.
    fn step(&mut self, back: bool) -> Result<Option<String>, EditError> {
        self.writable()?;
        let taken = if back {
            self.history.take_undo()
        } else {
            self.history.take_redo()
        };
        let Some(g) = taken else {
            return Ok(None);
        };
        let changes = if back { &g.inverses } else { &g.changes };
        self.journal_append(changes);
        history::apply_all(&mut self.annotations, changes)
            .map_err(|m| EditError::NotFound(m.id.to_string()))?;
        let label = g.label.clone();
        if back {
            self.history.push_redo(g);
        } else {
            self.history.push_undo(g);
        }
        if !self.is_dirty() {
            // back at the saved state: the journal protects nothing now, and would
            // offer edits that came to nothing at the next start
            let _ = self.drop_journal();
        }
        Ok(Some(label))
    }

    /// Saves, refusing to overwrite a file that changed on disk since it was loaded.
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.save_to(None, true, true)
    }

    /// Saves over whatever is on disk now (the user chose to overwrite a conflict).
    pub fn save_overwrite(&mut self) -> Result<(), SaveError> {
        self.save_to(None, false, true)
    }

    /// Saves to another file, which becomes this store's file. A file already there
    /// (other than this store's) is not replaced: the error is
    /// `SaveError::Refused(Refused::Exists)`, so the reader can ask and then call
    /// [`Store::save_as_replacing`].
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let replace = self.is_own_file(path);
        self.save_to(Some(path.to_path_buf()), false, replace)
    }

    /// Saves to another file, replacing one that is there (the user agreed).
    pub fn save_as_replacing(&mut self, path: &Path) -> Result<(), SaveError> {
        self.save_to(Some(path.to_path_buf()), false, true)
    }

    /// Writes the annotations to `path` as a copy and stays on the store's own file
    /// (`:w PATH`, as vim does): the store's file, journal and unsaved edits stay as
    /// they were. A file there is replaced only when `replace` (the user agreed, else
    /// `SaveError::Refused(Refused::Exists)`); naming the store's own file saves it.
    /// A read-only reader may write a copy: the store itself is not touched.
    pub fn save_copy(&mut self, path: &Path, replace: bool) -> Result<(), SaveError> {
        if self.is_own_file(path) {
            return self.save();
        }
        let io_err = |source| SaveError::Io {
            path: display(path),
            source,
        };
        guard::check(path, self.write_rules(replace))?;
        // a copy over a store another reader is editing would be lost at its next save
        let _held = match lock::try_lock(path) {
            Ok(lock::Attempt::Busy(_)) => return Err(SaveError::Busy(display(path))),
            Ok(lock::Attempt::Held(l)) => Some(l),
            Err(_) => None,
        };
        let bytes = schema::to_toml(&self.annotations).map_err(|e| io_err(io::Error::other(e)))?;
        fsio::write_atomic(path, bytes.as_bytes()).map_err(io_err)
    }

    /// Whether save-as to `path` may go ahead: `Ok(true)` when it would replace a file
    /// (ask first), `Ok(false)` when it would create one, or why it may not at all.
    pub fn check_save_as(&self, path: &Path) -> Result<bool, guard::Refused> {
        let replaced = guard::check(path, self.write_rules(true))?;
        Ok(replaced && !self.is_own_file(path))
    }

    /// Where "save elsewhere" starts after a failed save: the store's own name.
    pub fn save_elsewhere_default(&self) -> Option<String> {
        self.path.as_deref().map(display)
    }

    fn is_own_file(&self, path: &Path) -> bool {
        let own = self.path.as_deref().and_then(|p| std::fs::metadata(p).ok());
        own.is_some_and(|m| guard::is_same_file(&m, path))
    }

    /// A store may be a link the user made (`--store`, or a link they put in place of
    /// the store), so links are followed; the article and other rules always hold.
    fn write_rules(&self, replace: bool) -> guard::Rules<'_> {
        guard::Rules {
            article: self.article_file.as_deref(),
            replace,
            follow_links: true,
            store: self.path.as_deref(),
        }
    }

    fn save_to(
        &mut self,
        new_path: Option<PathBuf>,
        check_conflict: bool,
        replace: bool,
    ) -> Result<(), SaveError> {
        if let Some(r) = &self.read_only {
            return Err(SaveError::ReadOnly(r.clone()));
        }
        let path = new_path
            .clone()
            .or_else(|| self.path.clone())
            .ok_or(SaveError::NoPath)?;
        let io_err = |source| SaveError::Io {
            path: display(&path),
            source,
        };
        guard::check(&path, self.write_rules(replace))?;
        let new_lock = self.lock_new_name(new_path.as_deref())?;
        let target = fsio::resolve_target(&path).map_err(io_err)?;
        if check_conflict && self.disk.changed_on_disk(&target).map_err(io_err)? {
            return Err(SaveError::Conflict(display(&path)));
        }
        let bytes = schema::to_toml(&self.annotations).map_err(|e| io_err(io::Error::other(e)))?;
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty())
            && self.options.store.is_none()
            && !matches!(self.disk, FileState::Present { .. })
        {
            std::fs::create_dir_all(dir).map_err(io_err)?;
        }
        fsio::write_atomic(&path, bytes.as_bytes()).map_err(io_err)?;
        self.saved_as(
            path,
            FileState::of_bytes(&target, bytes.as_bytes()),
            new_lock,
        );
        Ok(())
    }

    /// The lock of a store saved under a new name, which is held there from now on,
    /// like the old one; `None` when the name is the store's own.
    fn lock_new_name(&self, new_path: Option<&Path>) -> Result<Option<StoreLock>, SaveError> {
        let Some(p) = new_path.filter(|p| !self.lock.as_ref().is_some_and(|l| l.guards(p))) else {
            return Ok(None);
        };
        match lock::try_lock(p) {
            Ok(lock::Attempt::Held(l)) => Ok(Some(l)),
            Ok(lock::Attempt::Busy(_)) => Err(SaveError::Busy(display(p))),
            Err(e) => Err(SaveError::Lock {
                path: display(&lock::path_for(p)),
                source: e,
            }),
        }
    }

    /// After a save to `path`: the store is that file as written, its journal gone,
    /// nothing unsaved.
    fn saved_as(&mut self, path: PathBuf, disk: FileState, new_lock: Option<StoreLock>) {
        let old_journal = self.journal_path();
        self.path = Some(path);
        self.disk = disk;
        if let Some(j) = self.journal.take() {
            let _ = j.remove();
        } else if let Some(jp) = old_journal {
            let _ = journal::discard(&jp);
        }
        if new_lock.is_some() {
            self.lock = new_lock;
        }
        self.journal_failed = false;
        self.unjournalled = 0;
        self.saved_state = self.history.state();
        self.unsaved_outside_history = false;
    }
}
