//! Opening a store: the file read strictly and validated, or the detector's
//! suggestions when there is none (or, for the reader, when it cannot be read); a
//! journal left by a session that did not save replayed; everything re-anchored
//! against the article as it is now.

use super::{OpenOptions, Store, changed, display, store_path};
use crate::article::bounded::{Kinds, ReadError};
use crate::article::{Article, sanitize_inline};
use crate::model::{Annotations, ArticleInfo};
use crate::store::anchor::{self, AnchorReport, Made};
use crate::store::fsio::FileState;
use crate::store::history::History;
use crate::store::journal;
use crate::store::lock;
use crate::store::schema::{self, StoreError};
use crate::store::validate::{self, Locator};
use std::path::Path;

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
        store.take_lock();
        let changed = store.read_store_file(article, progress)?;
        store.replay_journal();
        if changed {
            store.redetect_changed(article, progress);
        }
        Ok(store)
    }

    /// Opens for the reader: like [`Store::load`], but a store that cannot be read
    /// gives the detector's suggestions, read-only, with the reason.
    pub fn open(article: &Article, options: &OpenOptions) -> Store {
        Store::open_with_progress(article, options, &mut |_| {})
    }

    /// [`Store::open`], telling `progress` how many bytes of the article the detector
    /// has done when it runs (see [`super::Suggest`]).
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
            annotations: Annotations::new(ArticleInfo::of(article)),
            disk: FileState::Absent,
            read_only: None,
            notices: Vec::new(),
            report: AnchorReport::default(),
            history: History::default(),
            journal: None,
            journal_failed: false,
            unjournalled: 0,
            lock: None,
            article_file: match &article.source {
                crate::article::Source::File(p) => Some(p.clone()),
                _ => None,
            },
            saved_state: 0,
            unsaved_outside_history: false,
            options: options.clone(),
        }
    }

    fn use_suggestions(&mut self, article: &Article, progress: &mut dyn FnMut(usize)) {
        self.annotations = if let Some(suggest) = self.options.suggest {
            suggest(article, self.options.parties.as_deref(), progress)
        } else {
            let mut empty = Annotations::new(ArticleInfo::of(article));
            empty.parties = self.options.parties.clone().unwrap_or_default();
            empty
        };
        self.annotations.article = ArticleInfo::of(article);
        // Fills in context, the texts of cues and mentions, and sorts; suggestions are
        // placed already.
        anchor::place(&mut self.annotations, &self.text, Made::OnThisText);
    }

    /// Reads the store file (or takes the suggestions when there is none); true when
    /// the file was saved on another text of the article.
    fn read_store_file(
        &mut self,
        article: &Article,
        progress: &mut dyn FnMut(usize),
    ) -> Result<bool, StoreError> {
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
                let findings = validate::validate(&a, same_article.then_some(&*self.text));
                if !findings.is_empty() {
                    let problems = Locator::new(&text).problems(findings);
                    return Err(StoreError::Invalid {
                        path: name,
                        problems,
                    });
                }
                schema::canonicalize(&mut a);
                self.disk = FileState::of_bytes(&path, text.as_bytes());
                let made = if same_article {
                    Made::OnThisText
                } else {
                    Made::OnOtherText {
                        bytes: a.article.bytes,
                    }
                };
                let source = std::mem::take(&mut a.article.source);
                a.article = keep_source(info, source);
                self.annotations = a;
                // on the same article this only trades the file's copies of the texts
                // for ranges of the article's
                self.report = anchor::place(&mut self.annotations, &self.text, made);
                if !same_article {
                    let marked = changed::mark_fuzzy(&mut self.annotations, &self.report);
                    let a = &self.annotations;
                    let total = a.quotes.len()
                        + a.positions.len()
                        + a.orphan_quotes.len()
                        + a.orphan_positions.len();
                    self.notices
                        .push(anchor_notice(&self.report, total, &marked));
                }
                Ok(!same_article)
            }
            None => {
                self.use_suggestions(article, progress);
                Ok(false)
            }
        }
    }

    /// Throws away unsaved edits and reads the store again. The journal holding the
    /// edits is deleted only once the store has been read: a store that cannot be read
    /// leaves everything as it was (edits, journal, lock) and says why.
    pub fn reload(&mut self, article: &Article) -> Result<(), StoreError> {
        let options = OpenOptions {
            store: self.path.clone(),
            ..self.options.clone()
        };
        let mut fresh = Store::blank(article, &options);
        fresh.read_store_file(article, &mut |_| {})?;
        let _ = self.drop_journal();
        fresh.options = self.options.clone();
        fresh.lock = self.lock.take();
        *self = fresh;
        Ok(())
    }

    /// Deletes the journal of edits being thrown away. One that cannot be deleted is
    /// set aside, so it is never replayed as if the user had kept them; the error says
    /// when even that failed.
    pub(super) fn drop_journal(&mut self) -> std::io::Result<()> {
        let journal = self.journal.take();
        let Some(jpath) = self.journal_path() else {
            return Ok(());
        };
        if self.options.inspect {
            return Ok(());
        }
        let removed = match journal {
            Some(j) => j.remove(),
            None => journal::discard(&jpath),
        };
        removed.or_else(|_| journal::set_aside(&jpath).map(drop))
    }

    /// Takes the store's lock for a reader that may write; when another reader holds
    /// it, this one opens read-only and leaves the other's journal alone.
    fn take_lock(&mut self) {
        let Some(path) = self.path.clone() else {
            return;
        };
        if self.options.inspect {
            return;
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let why = match lock::try_lock(&path) {
            Ok(lock::Attempt::Held(l)) => {
                self.lock = Some(l);
                return;
            }
            Ok(lock::Attempt::Busy(pid)) => {
                let who = pid.map_or("another parley".to_string(), |p| {
                    format!("another parley (process {p})")
                });
                format!(
                    "{}: {who} is editing this store; opened read-only until it quits",
                    display(&path)
                )
            }
            Err(e) => format!(
                "{}: cannot take the store's lock: {}; opened read-only, so that no two readers write one journal",
                display(&lock::path_for(&path)),
                sanitize_inline(&e.to_string())
            ),
        };
        self.notices.push(why.clone());
        self.read_only = Some(why);
        self.options.inspect = true;
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

pub(super) fn article_info_of(a: &Annotations, text: &str) -> ArticleInfo {
    let mut info = a.article.clone();
    info.sha256 = crate::article::sha256_hex(text.as_bytes());
    info.bytes = text.len();
    info
}

/// What re-anchoring did, naming what a fuzzy match placed (`marked`).
fn anchor_notice(r: &AnchorReport, total: usize, marked: &[String]) -> String {
    let mut msg = if r.is_unchanged() {
        match total {
            1 => {
                "the article changed since the store was saved; its 1 annotation is still in place"
                    .to_string()
            }
            n => format!(
                "the article changed since the store was saved; all {n} annotations are still in place"
            ),
        }
    } else {
        let placed = super::plural(r.moved + r.fuzzy + r.restored, "annotation", "annotations");
        format!("the article changed since the store was saved: {placed} re-anchored")
    };
    if r.fuzzy > 0 {
        msg.push_str(&format!(" ({} by a fuzzy match", r.fuzzy));
        if !marked.is_empty() {
            msg.push_str(&format!(
                "; marked to check again: {}",
                changed::name_some(marked)
            ));
        }
        msg.push(')');
    }
    match r.orphaned.len() {
        0 => {}
        1 => msg.push_str(", 1 orphan (kept, listed)"),
        n => msg.push_str(&format!(", {n} orphans (kept, listed)")),
    }
    // cues and mentions whose words are gone or could be in two places
    let (cues, mentions) = (r.cues_dropped.len(), r.mentions_dropped.len());
    if cues + mentions > 0 {
        let count = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        msg.push_str(&format!(
            "; {} and {} let go (their words changed)",
            count(cues, "cue"),
            count(mentions, "speaker mention")
        ));
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
    // bounded, and regular files only: a pipe would leave the reader waiting forever
    let bytes = match crate::article::bounded::read_file(path, max_bytes, Kinds::RegularOnly) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound(_)) => return Ok(None),
        Err(ReadError::TooLarge { limit, .. }) => {
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            return Err(StoreError::TooLarge {
                path: name,
                size,
                limit,
            });
        }
        Err(e) => return Err(io_err(e.into_io())),
    };
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, column) = crate::article::line_column(&text, valid);
        StoreError::Parse {
            path: name.clone(),
            line,
            column,
            message: "the file is not valid UTF-8".into(),
        }
    })
}
