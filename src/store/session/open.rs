//! Opening a store: the file read strictly and validated, or the detector's
//! suggestions when there is none (or, for the reader, when it cannot be read); a
//! journal left by a session that did not save replayed; everything re-anchored
//! against the article as it is now.

use super::{OpenOptions, Store, display, store_path};
use crate::article::Article;
use crate::model::{Annotations, ArticleInfo};
use crate::store::anchor::{AnchorReport, reanchor};
use crate::store::fsio::FileState;
use crate::store::history::{self, Group, History};
use crate::store::journal::{self, Journal};
use crate::store::schema::{self, Locator, StoreError};
use std::io;
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
        store.read_from_disk(article, progress)?;
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
            dirty: false,
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
        let (line, column) = crate::article::line_column(&text, valid);
        StoreError::Parse {
            path: name.clone(),
            line,
            column,
            message: "the file is not valid UTF-8".into(),
        }
    })
}
