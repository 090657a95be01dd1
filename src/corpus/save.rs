//! `detect --save` over a corpus: a store of the automatic annotations for every
//! article that has none, on as many threads as there are cores, each holding one
//! article at a time. A store is created only where none is: it is written aside and
//! then renamed into place by a rename that fails if a store appeared meanwhile (or
//! hard-linked, where the file system has no such rename), so an existing store is
//! never replaced. Stores are made durable in groups: a committing thread
//! takes every store written aside since its last turn, flushes their filesystem once
//! (`syncfs`), moves each into place and flushes the folders, while the workers go on
//! detecting; a group gathers the stores of up to 50 ms (at most 64, more if more were
//! waiting). A crash leaves each store whole or absent, the disk is not asked to
//! commit once per article, and the slower the disk, the larger each group.

mod groups;

use super::list::{Articles, ListError, folder_of};
use crate::article::{Article, Source};
use crate::model::Party;
use crate::store::{fsio, owned, schema, store_beside};
use groups::{WorkerDone, Written, commit_as_they_come};
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What happened to one article.
#[derive(Debug)]
pub enum Saved {
    /// A store was written.
    Written(PathBuf),
    /// It has a store already, left as it is.
    Skipped(PathBuf),
    /// It could not be read or its store could not be written: why.
    Failed(PathBuf, String),
}

/// How many articles each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Stores written.
    pub written: usize,
    /// Articles that had a store.
    pub skipped: usize,
    /// Articles that failed.
    pub failed: usize,
}

impl Tally {
    fn count(&mut self, saved: &Saved) {
        match saved {
            Saved::Written(_) => self.written += 1,
            Saved::Skipped(_) => self.skipped += 1,
            Saved::Failed(..) => self.failed += 1,
        }
    }
}

/// What a corpus run needs to read and detect an article.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `limits.max_article_bytes`.
    pub max_article_bytes: u64,
    /// The sides to look for (`--parties` or the config), else inferred per article.
    pub parties: Option<Vec<Party>>,
    /// Threads to use (at least one).
    pub threads: usize,
}

/// A store written aside, waiting for its group to be flushed and linked into place.
#[derive(Debug)]
struct Pending {
    article: PathBuf,
    store: PathBuf,
    temp: PathBuf,
    /// The temporary file, so that only it is ever removed by that name.
    file: std::fs::File,
}

/// Detects and saves a store for every article under `paths` that has none, telling
/// `each` about every article as it is done (from the worker threads).
pub fn detect_and_save(
    paths: &[PathBuf],
    settings: &Settings,
    each: &(dyn Fn(&Saved) + Sync),
) -> Tally {
    let queue = Mutex::new(Articles::new(paths));
    let tally = Mutex::new(Tally::default());
    let report = |saved: Saved| {
        each(&saved);
        if let Ok(mut t) = tally.lock() {
            t.count(&saved);
        }
    };
    let next = || queue.lock().map_or(None, |mut q| q.next());
    let (report, next) = (&report, &next);
    let workers = settings.threads.max(1);
    let written = &Written::new(workers);
    std::thread::scope(|scope| {
        // (the detector's tables, built here while the first worker lists the folder
        // and reads its first article, and beside it after: otherwise that worker built
        // them all, about 20 M instructions, while every other worker waited on them)
        let inferring = settings.parties.is_none();
        scope.spawn(move || crate::detect::build_tables(inferring));
        scope.spawn(move || commit_as_they_come(written, report));
        for _ in 0..workers {
            scope.spawn(move || {
                // (told when the worker ends, even by a panic, so the committer stops)
                let _done = WorkerDone(written);
                while let Some(item) = next() {
                    let prepared = match item {
                        Ok(path) => prepare(&path, settings),
                        Err(ListError { path, error }) => {
                            Err(Saved::Failed(path, error.to_string()))
                        }
                    };
                    match prepared {
                        Ok(p) => written.push(p, report),
                        Err(saved) => report(saved),
                    }
                }
            });
        }
    });
    tally.into_inner().unwrap_or_default()
}

/// Detects one article and writes its store aside, unless it has a store.
fn prepare(path: &Path, settings: &Settings) -> Result<Pending, Saved> {
    let store = store_beside(path);
    let failed = |why: String| Saved::Failed(path.to_path_buf(), why);
    if store.symlink_metadata().is_ok() {
        return Err(Saved::Skipped(path.to_path_buf()));
    }
    let article = Article::load(Source::File(path.to_path_buf()), settings.max_article_bytes)
        .map_err(|e| failed(e.to_string()))?;
    let mut found = crate::detect::detect(&article, settings.parties.as_deref());
    let mut bytes = Vec::with_capacity(article.text.len());
    schema::write_toml(&mut found, &mut bytes).map_err(|e| failed(e.to_string()))?;
    let (temp, file) = write_temp(&store, &bytes).map_err(|e| failed(named(&store, &e)))?;
    Ok(Pending {
        article: path.to_path_buf(),
        store,
        temp,
        file,
    })
}

fn named(path: &Path, e: &io::Error) -> String {
    format!("{}: {e}", crate::article::bounded::display_name(path))
}

/// Flushes a group's filesystems once, moves each store into place (never over one
/// that appeared meanwhile) and flushes the folders' entries.
fn commit(batch: Vec<Pending>, report: &dyn Fn(Saved)) {
    if batch.is_empty() {
        return;
    }
    let folders: BTreeSet<PathBuf> = batch
        .iter()
        .map(|p| folder_of(&p.store).to_path_buf())
        .collect();
    let flushed = folders.iter().try_for_each(|d| flush_filesystem(d));
    for p in batch {
        let placed = flushed
            .as_ref()
            .map_err(|e| io::Error::new(e.kind(), e.to_string()))
            .and_then(|()| place(&p));
        if !matches!(placed, Ok(Placed::Moved)) {
            let _ = owned::remove(&p.temp, &p.file);
        }
        report(match placed {
            Ok(Placed::Moved | Placed::Linked) => Saved::Written(p.article),
            Ok(Placed::Taken) => Saved::Skipped(p.article),
            Err(e) => Saved::Failed(p.article, named(&p.store, &e)),
        });
    }
    for d in &folders {
        let _ = fsio::sync_dir(d);
    }
}

/// How a store written aside went into place.
#[derive(Debug, PartialEq, Eq)]
enum Placed {
    /// Renamed to its name: nothing is left at the temporary one.
    Moved,
    /// Linked to its name (where a rename cannot refuse a taken name): the temporary
    /// name is still to be removed.
    Linked,
    /// A store had appeared meanwhile: left as it is, the temporary file to be removed.
    Taken,
}

/// Puts a store written aside in place unless a store is there: a rename that refuses
/// a taken name (one step for the folder instead of a link and a removal), else a hard
/// link, which refuses it too. Either way no store is ever replaced.
fn place(p: &Pending) -> io::Result<Placed> {
    match fsio::rename_unless_taken(&p.temp, &p.store)? {
        Some(true) => Ok(Placed::Moved),
        Some(false) => Ok(Placed::Taken),
        None => match std::fs::hard_link(&p.temp, &p.store) {
            Ok(()) => Ok(Placed::Linked),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(Placed::Taken),
            Err(e) => Err(e),
        },
    }
}

/// Writes every dirty page of the filesystem `dir` is on.
fn flush_filesystem(dir: &Path) -> io::Result<()> {
    let folder = std::fs::File::open(dir)?;
    rustix::fs::syncfs(&folder).map_err(io::Error::from)
}

/// Writes `bytes` to a new hidden file beside `path` (which the listing passes over),
/// named as every temporary file of parley is (`fsio::create_temp_beside`).
fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<(PathBuf, std::fs::File)> {
    use std::io::Write;
    let (temp, mut file) = fsio::create_temp_beside(path)?;
    if let Err(e) = file.write_all(bytes) {
        let _ = owned::remove(&temp, &file);
        return Err(e);
    }
    Ok((temp, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn written_aside(article: &Path, text: &str) -> Pending {
        let store = store_beside(article);
        let (temp, file) = write_temp(&store, text.as_bytes()).unwrap();
        Pending {
            article: article.to_path_buf(),
            store,
            temp,
            file,
        }
    }

    #[test]
    fn a_batch_writes_new_stores_and_leaves_an_existing_one() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        let pending = vec![written_aside(&a, "first"), written_aside(&b, "second")];
        // a store appears for b while its batch waits
        std::fs::write(store_beside(&b), "the user's").unwrap();
        let seen = Mutex::new(Vec::new());
        commit(pending, &|s| seen.lock().unwrap().push(s));
        let seen = seen.into_inner().unwrap();
        assert!(matches!(&seen[0], Saved::Written(p) if *p == a));
        assert!(matches!(&seen[1], Saved::Skipped(p) if *p == b));
        assert_eq!(std::fs::read_to_string(store_beside(&a)).unwrap(), "first");
        assert_eq!(
            std::fs::read_to_string(store_beside(&b)).unwrap(),
            "the user's"
        );
        let left = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(left, 2, "no temporary file is left behind");
    }
}
