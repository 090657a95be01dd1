//! [`Store`]: one article's annotations as the reader, `export` and `check` use them —
//! opened from the store file (journal replayed, re-anchored) or from the detector,
//! edited through journalled, undoable commands, and saved atomically.

use super::anchor::{AnchorReport, reanchor};
use super::edit::{self, Edit, EditError};
use super::fsio::{self, FileState};
use super::history::{self, Group, History};
use super::journal::{self, Journal};
use super::model::{Annotations, ArticleInfo, Party, Position, Quote, Reading};
use super::schema::{self, Locator, StoreError};
use crate::article::{Article, Source, sanitize_inline};
use crate::detect::{article_info, detect_with_progress};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How to open a store.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// `--store PATH`; else beside the article or in the data directory.
    pub store: Option<PathBuf>,
    /// Refuse store files larger than this (`limits.max_store_bytes`).
    pub max_bytes: u64,
    /// The sides for the detector when there is no store yet.
    pub parties: Option<Vec<Party>>,
    /// Look only: never rename, cut or resume a journal (`export`, `check`).
    pub inspect: bool,
    /// Without a store file, start from the detector's suggestions (`true`) or from
    /// nothing, the sides only (`false`: annotating from scratch).
    pub suggest: bool,
}

impl Default for OpenOptions {
    fn default() -> OpenOptions {
        OpenOptions {
            store: None,
            max_bytes: crate::article::DEFAULT_MAX_BYTES,
            parties: None,
            inspect: false,
            suggest: true,
        }
    }
}

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
    /// Writing failed; the old file is untouched.
    #[error("{path}: cannot save: {source}")]
    Io {
        /// The store file.
        path: String,
        /// The cause.
        source: io::Error,
    },
}

/// What an applied edit created or changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// The id of a new annotation or speaker.
    pub created: Option<String>,
    /// How many primitive changes were made (0: nothing to do).
    pub changes: usize,
}

/// One article's annotations, their file, history and journal.
#[derive(Debug)]
pub struct Store {
    path: Option<PathBuf>,
    text: Arc<String>,
    annotations: Annotations,
    disk: FileState,
    read_only: Option<String>,
    notices: Vec<String>,
    report: AnchorReport,
    history: History,
    journal: Option<Journal>,
    journal_failed: bool,
    dirty: bool,
    options: OpenOptions,
}

/// Where the store of an article lives: `--store`, else `ARTICLE.parley.toml` beside
/// a file, else `<data dir>/stores/<sha256>.parley.toml`; `None` without a data dir.
pub fn store_path(article: &Article, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    match &article.source {
        Source::File(p) => {
            let mut name = p.as_os_str().to_owned();
            name.push(".parley.toml");
            Some(PathBuf::from(name))
        }
        Source::Bundled | Source::Stdin => crate::config::project_dirs().map(|d| {
            d.data_dir()
                .join("stores")
                .join(format!("{}.parley.toml", article.sha256()))
        }),
    }
}

fn display(path: &Path) -> String {
    sanitize_inline(&path.display().to_string())
}

impl Store {
    /// Opens strictly: any problem with the store file is an error. Without a file,
    /// the detector's suggestions (not written until saved).
    pub fn load(article: &Article, options: &OpenOptions) -> Result<Store, StoreError> {
        Store::load_with_progress(article, options, &mut |_| {})
    }

    fn load_with_progress(
        article: &Article,
        options: &OpenOptions,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Store, StoreError> {
        let mut store = Store::blank(article, options);
        store.read_from_disk(article, progress)?;
        Ok(store)
    }

    /// Opens for the reader: like [`Store::load`], but a store that cannot be read
    /// gives the detector's suggestions, read-only, with the reason.
    pub fn open(article: &Article, options: &OpenOptions) -> Store {
        Store::open_with_progress(article, options, &mut |_| {})
    }

    /// [`Store::open`], telling `progress` how many bytes of the article the detector
    /// has done when it runs (see [`crate::detect::detect_with_progress`]).
    pub fn open_with_progress(
        article: &Article,
        options: &OpenOptions,
        progress: &mut dyn FnMut(usize),
    ) -> Store {
        Store::load_with_progress(article, options, progress).unwrap_or_else(|e| {
            let mut s = Store::blank(article, options);
            s.use_suggestions(article, progress);
            s.read_only = Some(e.to_string());
            s.notices
                .push(format!("{e}; showing the automatic annotations, read-only"));
            s
        })
    }

    fn blank(article: &Article, options: &OpenOptions) -> Store {
        Store {
            path: store_path(article, options.store.as_deref()),
            text: article.text.clone(),
            annotations: Annotations::new(article_info(article)),
            disk: FileState::Absent,
            read_only: None,
            notices: Vec::new(),
            report: AnchorReport::default(),
            history: History::default(),
            journal: None,
            journal_failed: false,
            dirty: false,
            options: options.clone(),
        }
    }

    fn use_suggestions(&mut self, article: &Article, progress: &mut dyn FnMut(usize)) {
        self.annotations = if self.options.suggest {
            detect_with_progress(article, self.options.parties.as_deref(), progress)
        } else {
            let mut empty = Annotations::new(article_info(article));
            empty.parties = self.options.parties.clone().unwrap_or_default();
            empty
        };
        self.annotations.article = article_info(article);
        // Fills in context and sorts; suggestions are placed already.
        reanchor(&mut self.annotations, &self.text);
    }

    fn read_from_disk(
        &mut self,
        article: &Article,
        progress: &mut dyn FnMut(usize),
    ) -> Result<(), StoreError> {
        let existing = match &self.path {
            Some(p) => read_limited(p, self.options.max_bytes)?,
            None => None,
        };
        let info = self.annotations.article.clone();
        match existing {
            Some(text) => {
                let path = self.path.clone().unwrap_or_default();
                let name = display(&path);
                let mut a = schema::parse(&text, &name)?;
                let same_article = a.article.sha256 == info.sha256;
                let findings = schema::validate(&a, same_article.then_some(&*self.text));
                if !findings.is_empty() {
                    let problems = Locator::new(&text).problems(findings);
                    return Err(StoreError::Invalid {
                        path: name,
                        problems,
                    });
                }
                schema::canonicalize(&mut a);
                self.disk = FileState::of_bytes(&path, text.as_bytes());
                let source = std::mem::take(&mut a.article.source);
                a.article = keep_source(info, source);
                self.annotations = a;
                // on the same article this only trades the file's copies of the texts
                // for ranges of the article's
                self.report = reanchor(&mut self.annotations, &self.text);
                if !same_article {
                    let a = &self.annotations;
                    let total = a.quotes.len()
                        + a.positions.len()
                        + a.orphan_quotes.len()
                        + a.orphan_positions.len();
                    self.notices.push(anchor_notice(&self.report, total));
                }
            }
            None => self.use_suggestions(article, progress),
        }
        self.replay_journal();
        Ok(())
    }

    /// Applies a journal left by a session that did not save.
    fn replay_journal(&mut self) {
        let Some(jpath) = self.journal_path() else {
            return;
        };
        let pending = match journal::read(&jpath) {
            Ok(Some(p)) => p,
            Ok(None) => return,
            Err(e) => {
                self.set_journal_aside(&jpath, &format!("it cannot be read ({e})"));
                return;
            }
        };
        if pending.base != self.disk.sha256() {
            self.set_journal_aside(
                &jpath,
                "the store was saved or changed after it was written",
            );
            return;
        }
        if let Some(snapshot) = &pending.snapshot {
            self.annotations = snapshot.clone();
            self.annotations.article = article_info_of(&self.annotations, &self.text);
        }
        let mut group = Group {
            label: "recovered edits".into(),
            changes: Vec::new(),
            inverses: Vec::new(),
        };
        let (mut applied, mut skipped) = (0, 0);
        for action in &pending.actions {
            match history::apply_all(&mut self.annotations, action) {
                Ok(mut inv) => {
                    applied += 1;
                    group.changes.extend(action.iter().cloned());
                    inv.append(&mut group.inverses);
                    group.inverses = inv;
                }
                Err(_) => skipped += 1,
            }
        }
        let again = reanchor(&mut self.annotations, &self.text);
        if !again.orphaned.is_empty() {
            self.report.orphaned.extend(again.orphaned);
        }
        if applied > 0 {
            self.history.record(group);
            self.dirty = true;
        }
        let mut msg = format!(
            "recovered {applied} unsaved edit{} from the journal",
            if applied == 1 { "" } else { "s" }
        );
        if skipped > 0 {
            msg.push_str(&format!(" ({skipped} no longer applied)"));
        }
        self.notices.push(msg);
        if !self.options.inspect {
            match Journal::resume(&jpath, pending.good_len) {
                Ok(j) => self.journal = Some(j),
                Err(e) => self.journal_broken(&e),
            }
        }
    }

    fn set_journal_aside(&mut self, jpath: &Path, why: &str) {
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

    fn journal_path(&self) -> Option<PathBuf> {
        let p = self.path.as_ref()?;
        Some(journal::path_for(
            &fsio::resolve_target(p).unwrap_or_else(|_| p.clone()),
        ))
    }

    fn journal_broken(&mut self, e: &io::Error) {
        if !self.journal_failed {
            self.journal_failed = true;
            self.notices.push(format!(
                "cannot write the journal beside the store ({e}): edits are not crash-safe until saved"
            ));
        }
    }

    /// Writes changes to the journal before they are applied (best effort: a journal
    /// that cannot be written is reported once, and editing goes on).
    fn journal_append(&mut self, changes: &[history::Change]) {
        if self.journal.is_none() && !self.journal_failed {
            let Some(jpath) = self.journal_path() else {
                return;
            };
            if let Some(dir) = jpath.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let snapshot = matches!(self.disk, FileState::Absent).then_some(&self.annotations);
            match Journal::start(&jpath, self.disk.sha256(), snapshot) {
                Ok(j) => self.journal = Some(j),
                Err(e) => self.journal_broken(&e),
            }
        }
        if let Some(j) = &mut self.journal
            && let Err(e) = j.append(changes)
        {
            self.journal = None;
            self.journal_broken(&e);
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
        self.writable()?;
        let plan = edit::plan(&self.annotations, &self.text, &edit)?;
        if plan.changes.is_empty() {
            return Ok(Outcome::default());
        }
        self.journal_append(&plan.changes);
        let inverses = history::apply_all(&mut self.annotations, &plan.changes)
            .map_err(|m| EditError::NotFound(m.id))?;
        if plan.undoable {
            self.history.record(Group {
                label: plan.label.to_string(),
                changes: plan.changes.clone(),
                inverses,
            });
        }
        self.dirty = true;
        Ok(Outcome {
            created: plan.created,
            changes: plan.changes.len(),
        })
    }

    /// Joins the following edits into one undo step until [`Store::end_group`].
    pub fn begin_group(&mut self, label: &str) {
        self.history.begin(label);
    }

    /// Closes the group begun by [`Store::begin_group`].
    pub fn end_group(&mut self) {
        self.history.end();
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
            .map_err(|m| EditError::NotFound(m.id))?;
        let label = g.label.clone();
        if back {
            self.history.push_redo(g);
        } else {
            self.history.push_undo(g);
        }
        self.dirty = true;
        Ok(Some(label))
    }

    /// Labels of the next undo and redo steps.
    pub fn undo_redo_labels(&self) -> (Option<&str>, Option<&str>) {
        self.history.peek()
    }

    /// Saves, refusing to overwrite a file that changed on disk since it was loaded.
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.save_to(None, true)
    }

    /// Saves over whatever is on disk now (the user chose to overwrite a conflict).
    pub fn save_overwrite(&mut self) -> Result<(), SaveError> {
        self.save_to(None, false)
    }

    /// Saves to another file, which becomes this store's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        self.save_to(Some(path.to_path_buf()), false)
    }

    fn save_to(
        &mut self,
        new_path: Option<PathBuf>,
        check_conflict: bool,
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
        let old_journal = self.journal_path();
        self.path = Some(path);
        self.disk = FileState::of_bytes(&target, bytes.as_bytes());
        if let Some(j) = self.journal.take() {
            let _ = j.remove();
        } else if let Some(jp) = old_journal {
            let _ = journal::remove(&jp);
        }
        self.journal_failed = false;
        self.dirty = false;
        Ok(())
    }

    /// Throws away unsaved edits (and their journal) and reads the store again.
    pub fn reload(&mut self, article: &Article) -> Result<(), StoreError> {
        if let Some(j) = self.journal.take() {
            let _ = j.remove();
        }
        let mut fresh = Store::load(
            article,
            &OpenOptions {
                store: self.path.clone(),
                ..self.options.clone()
            },
        )?;
        fresh.options = self.options.clone();
        *self = fresh;
        Ok(())
    }

    /// The annotations, sorted by start.
    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    /// The article text the offsets point into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The store file (which may not exist yet).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when the annotations came from a store file rather than the detector.
    pub fn exists_on_disk(&self) -> bool {
        matches!(self.disk, FileState::Present { .. })
    }

    /// Why the store cannot be edited or saved, if it cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// True when there are edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Messages for the user ("recovered 3 edits from the journal").
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Takes the messages, so each is shown once.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// Quotes and positions that could not be placed in the article.
    pub fn orphans(&self) -> (&[Quote], &[Position]) {
        (
            &self.annotations.orphan_quotes,
            &self.annotations.orphan_positions,
        )
    }

    /// What re-anchoring did when the store was opened.
    pub fn anchor_report(&self) -> &AnchorReport {
        &self.report
    }

    /// The reader's place and marks.
    pub fn reading(&self) -> &Reading {
        &self.annotations.reading
    }
}

/// The `[article]` table: the current article's title, hash and size, keeping the
/// stored `source` so a store does not churn when opened from another directory.
fn keep_source(mut info: ArticleInfo, stored_source: String) -> ArticleInfo {
    if !stored_source.is_empty() {
        info.source = stored_source;
    }
    info
}

fn article_info_of(a: &Annotations, text: &str) -> ArticleInfo {
    let mut info = a.article.clone();
    info.sha256 = crate::article::sha256_hex(text.as_bytes());
    info.bytes = text.len();
    info
}

fn anchor_notice(r: &AnchorReport, total: usize) -> String {
    if r.is_unchanged() {
        return format!(
            "the article changed since the store was saved; all {total} annotations are still in place"
        );
    }
    let placed = r.moved + r.fuzzy + r.restored;
    let mut msg =
        format!("the article changed since the store was saved: {placed} annotations re-anchored");
    if r.fuzzy > 0 {
        msg.push_str(&format!(" ({} by a fuzzy match)", r.fuzzy));
    }
    match r.orphaned.len() {
        0 => {}
        1 => msg.push_str(", 1 orphan (kept, listed)"),
        n => msg.push_str(&format!(", {n} orphans (kept, listed)")),
    }
    msg
}

/// Reads a store file: `Ok(None)` when there is none; too large, unreadable or not
/// UTF-8 is an error.
fn read_limited(path: &Path, max_bytes: u64) -> Result<Option<String>, StoreError> {
    let name = display(path);
    let io_err = |source| StoreError::Io {
        path: name.clone(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(e)),
    };
    if meta.len() > max_bytes {
        return Err(StoreError::TooLarge {
            path: name,
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(io_err)?;
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, column) = crate::config::line_column(&text, valid);
        StoreError::Parse {
            path: name.clone(),
            line,
            column,
            message: "the file is not valid UTF-8".into(),
        }
    })
}
