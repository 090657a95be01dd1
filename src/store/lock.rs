//! One reader edits a store at a time: an advisory lock (`flock`) on
//! `NAME.parley.toml.lock` beside the store, held while the reader runs and released
//! by the kernel however the process ends. A second reader finds it held, learns the
//! holder's process id from the file, and opens read-only, so two journals never
//! interleave and one reader's save never unlinks the journal another is writing.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The lock path of a store.
pub fn path_for(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// A held lock; dropping it removes the file and releases the lock.
#[derive(Debug)]
pub struct StoreLock {
    path: PathBuf,
    file: File,
}

/// What trying the lock found.
#[derive(Debug)]
pub enum Attempt {
    /// This process holds it now.
    Held(StoreLock),
    /// Another process does; its id when the file names one.
    Busy(Option<u32>),
}

/// Tries to take the lock of the store at `store`, without waiting.
pub fn try_lock(store: &Path) -> io::Result<Attempt> {
    let path = path_for(store);
    // A holder removes the file when it is done; a file opened just before that is
    // not the lock any more, so try again with the new one.
    for _ in 0..8 {
        let mut file =
            super::fsio::no_follow(OpenOptions::new().read(true).write(true).create(true))
                .open(&path)?;
        match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => {}
            Err(e) if e == rustix::io::Errno::WOULDBLOCK => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Ok(Attempt::Busy(text.trim().parse().ok()));
            }
            Err(e) => return Err(e.into()),
        }
        if !still_at(&file, &path) {
            continue;
        }
        file.set_len(0)?;
        file.rewind()?;
        writeln!(file, "{}", std::process::id())?;
        return Ok(Attempt::Held(StoreLock { path, file }));
    }
    Err(io::Error::other("the lock file keeps being replaced"))
}

/// True when `path` still names the file `file` has open.
fn still_at(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::symlink_metadata(path)) {
        #[cfg(unix)]
        (Ok(a), Ok(b)) => {
            use std::os::unix::fs::MetadataExt;
            a.dev() == b.dev() && a.ino() == b.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => true,
        _ => false,
    }
}

impl StoreLock {
    /// True when this is the lock of the store at `store` (however the path is spelt).
    pub fn guards(&self, store: &Path) -> bool {
        still_at(&self.file, &path_for(store))
    }
}

impl Drop for StoreLock {
    fn drop(&mut self) {
        // removed while still locked, so no one takes a lock on a file about to go
        if still_at(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_told_who_holds_it_until_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("a.parley.toml");
        let Attempt::Held(first) = try_lock(&store).unwrap() else {
            panic!("the first taker gets the lock");
        };
        match try_lock(&store).unwrap() {
            Attempt::Busy(pid) => assert_eq!(pid, Some(std::process::id())),
            Attempt::Held(_) => panic!("two holders"),
        }
        drop(first);
        assert!(!path_for(&store).exists(), "the lock file is removed");
        assert!(matches!(try_lock(&store).unwrap(), Attempt::Held(_)));
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("a.parley.toml");
        let target = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&target, path_for(&store)).unwrap();
        assert!(try_lock(&store).is_err());
        assert!(!target.exists());
    }
}
