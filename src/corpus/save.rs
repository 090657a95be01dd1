//! `detect --save` over a corpus: a store of the automatic annotations for every
//! article that has none, on as many threads as there are cores, each holding one
//! article at a time. A store is created only where none is: it is written aside and
//! then linked into place, which fails if a store appeared meanwhile, so an existing
//! store is never replaced.

use super::list::{Articles, ListError};
use crate::article::{Article, Source};
use crate::model::Party;
use crate::store::{fsio, schema, store_beside};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// Detects and saves a store for every article under `paths` that has none, telling
/// `each` about every article as it is done (from the worker threads).
pub fn detect_and_save(
    paths: &[PathBuf],
    settings: &Settings,
    each: &(dyn Fn(&Saved) + Sync),
) -> Tally {
    let queue = Mutex::new(Articles::new(paths));
    let tally = Mutex::new(Tally::default());
    let next = || queue.lock().map_or(None, |mut q| q.next());
    std::thread::scope(|scope| {
        for _ in 0..settings.threads.max(1) {
            scope.spawn(|| {
                while let Some(item) = next() {
                    let saved = match item {
                        Ok(path) => save_one(&path, settings),
                        Err(ListError { path, error }) => Saved::Failed(path, error.to_string()),
                    };
                    each(&saved);
                    if let Ok(mut t) = tally.lock() {
                        t.count(&saved);
                    }
                }
            });
        }
    });
    tally.into_inner().unwrap_or_default()
}

/// Detects one article and writes its store, unless it has one.
fn save_one(path: &Path, settings: &Settings) -> Saved {
    let store = store_beside(path);
    if store.symlink_metadata().is_ok() {
        return Saved::Skipped(path.to_path_buf());
    }
    let article = match Article::load(Source::File(path.to_path_buf()), settings.max_article_bytes)
    {
        Ok(a) => a,
        Err(e) => return Saved::Failed(path.to_path_buf(), e.to_string()),
    };
    let mut found = crate::detect::detect(&article, settings.parties.as_deref());
    let mut bytes = Vec::with_capacity(article.text.len());
    if let Err(e) = schema::write_toml(&mut found, &mut bytes) {
        return Saved::Failed(path.to_path_buf(), e.to_string());
    }
    match write_new(&store, &bytes) {
        Ok(true) => Saved::Written(path.to_path_buf()),
        Ok(false) => Saved::Skipped(path.to_path_buf()),
        Err(e) => Saved::Failed(
            path.to_path_buf(),
            format!("{}: {e}", crate::article::bounded::display_name(&store)),
        ),
    }
}

/// Distinguishes the temporary files of the threads of one process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Creates `path` holding `bytes`, complete or not at all: `Ok(false)` when a file is
/// there already (it is left alone).
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    use std::io::Write;
    let dir = super::folder_of(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(".{name}.tmp{}-{n}", std::process::id()));
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        // a hard link fails if the name is taken: no store is ever replaced
        std::fs::hard_link(&temp, path)
    })();
    let _ = std::fs::remove_file(&temp);
    match written {
        Ok(()) => {
            fsio::sync_dir(dir)?;
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_written_and_an_existing_one_left() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.parley.toml");
        assert!(write_new(&p, b"first").unwrap());
        assert!(!write_new(&p, b"second").unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), b"first");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }
}
