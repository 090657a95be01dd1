//! [`Store`]: one article's annotations as the reader, `export` and `check` use them —
//! opened from the store file (journal replayed, re-anchored) or from the detector
//! (`open`), edited through journalled, undoable commands and saved atomically
//! (`changes`). This file holds the type, where a store lives, and what it shows.

mod changed;
mod changes;
mod open;
mod recover;

use super::anchor::AnchorReport;
use super::fsio::{self, FileState};
use super::history::History;
use super::journal::{self, Journal};
use super::lock::StoreLock;
use crate::article::{Article, Source, sanitize_inline};
use crate::model::{Annotations, Id, Party, Position, Quote};
pub use changes::SaveError;
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
    /// Without a store file, start from these suggestions (the caller passes the
    /// detector) or, with `None`, from nothing but the sides (annotating from scratch).
    pub suggest: Option<Suggest>,
}

/// What makes the suggestions for an article without a store: the article, the sides
/// to look for, and a callback told how many bytes are done. The store does not know
/// the detector; `parley` passes [`crate::detect::detect_with_progress`].
pub type Suggest = fn(&Article, Option<&[Party]>, &mut dyn FnMut(usize)) -> Annotations;

impl Default for OpenOptions {
    fn default() -> OpenOptions {
        OpenOptions {
            store: None,
            max_bytes: crate::article::DEFAULT_MAX_BYTES,
            parties: None,
            inspect: false,
            suggest: None,
        }
    }
}

/// What an applied edit created or changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// The id of a new annotation or speaker.
    pub created: Option<Id>,
    /// How many primitive changes were made (0: nothing to do).
    pub changes: usize,
    /// The ids of what was put or removed, in the order of the changes.
    pub changed: Vec<Id>,
    /// What a re-detection changed.
    pub tally: Option<super::edit::Tally>,
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
    /// Actions applied since the last save that the journal does not hold (it could
    /// not be written): a crash would lose them.
    unjournalled: usize,
    /// This reader's hold on the store (none for `export` and `check`, or when another
    /// reader has it).
    lock: Option<StoreLock>,
    /// The article's file, which a save never writes over.
    article_file: Option<PathBuf>,
    /// [`History::state`] when the set was last saved (or opened): back there, the
    /// store is clean again.
    saved_state: u64,
    /// A change outside the undo history (the reading position) since the last save.
    unsaved_outside_history: bool,
    options: OpenOptions,
}

/// Where the store of an article lives: `--store`, else `ARTICLE.parley.toml` beside
/// a file, else `<data dir>/stores/<sha256>.parley.toml`; `None` without a data dir.
pub fn store_path(article: &Article, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    match &article.source {
        Source::File(p) => Some(store_beside(p)),
        Source::Bundled | Source::Stdin => crate::paths::store_for_hash(article.sha256()),
    }
}

/// The store beside an article's file: `talks.txt` → `talks.txt.parley.toml`.
pub fn store_beside(article: &Path) -> PathBuf {
    let mut name = article.as_os_str().to_owned();
    name.push(".parley.toml");
    PathBuf::from(name)
}

fn display(path: &Path) -> String {
    sanitize_inline(&path.display().to_string())
}

impl Store {
    /// Where the journal of unsaved edits lives: beside the store file (links followed).
    fn journal_path(&self) -> Option<PathBuf> {
        let p = self.path.as_ref()?;
        Some(journal::path_for(
            &fsio::resolve_target(p).unwrap_or_else(|_| p.clone()),
        ))
    }

    /// Tells the user, once, that edits are not journalled.
    fn journal_broken(&mut self, e: &io::Error) {
        if !self.journal_failed {
            self.journal_failed = true;
            self.notices.push(format!(
                "cannot write the journal beside the store ({e}): edits are not crash-safe until saved"
            ));
        }
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

    /// How the store was opened (its path, the sides given, the detector): opening the
    /// article again after its file changed opens the store the same way.
    pub fn options(&self) -> &OpenOptions {
        &self.options
    }

    /// True when the annotations came from a store file rather than the detector.
    pub fn exists_on_disk(&self) -> bool {
        matches!(self.disk, FileState::Present { .. })
    }

    /// Why the store cannot be edited or saved, if it cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// True when the set differs from the one last saved (or opened): undoing back to
    /// the saved state makes it false again.
    pub fn is_dirty(&self) -> bool {
        self.unsaved_outside_history || self.history.state() != self.saved_state
    }

    /// How many edits since the last save are not in the journal (it could not be
    /// written: a full disk, say), so a crash would lose them; 0 when the store is
    /// saved or every edit is journalled.
    pub fn edits_at_risk(&self) -> usize {
        if self.is_dirty() {
            self.unjournalled
        } else {
            0
        }
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
}

/// "1 edit", "2 edits": a count with its noun in the number it takes.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
