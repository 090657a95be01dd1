//! One reader edits a store at a time: an advisory lock (`flock`) on
//! `NAME.parley.toml.lock` beside the store, held while the reader runs and released
//! by the kernel however the process ends. A second reader finds it held, learns the
//! holder's process id from the file, and opens read-only, so two journals never
//! interleave and one reader's save never unlinks the journal another is writing.
//!
//! The lock's name comes from the store's, which the user chose (`--store Cargo` makes
//! it `Cargo.lock`), so whatever is there is parley's lock only if it looks like one:
//! a regular file of this user's with one name, holding nothing but a process id. Any
//! other file is never truncated or removed; the lock is then not taken, and the
//! reader opens read-only and says why.

use super::owned::{self, Access};
use std::fs::File;
use std::io::{self, Seek, Write};
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

/// The most a lock file holds: a process id and a line break.
const MAX_LOCK_BYTES: u64 = 32;

/// Tries to take the lock of the store at `store`, without waiting. An error means
/// the lock could not be taken (the reader is then read-only); it says why.
pub fn try_lock(store: &Path) -> io::Result<Attempt> {
    let path = path_for(store);
    // A holder removes the file when it is done; a file opened just before that is
    // not the lock any more, so try again with the new one.
    for _ in 0..8 {
        let (mut file, made) = match owned::create(&path) {
            Ok(file) => (file, true),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                match owned::open(&path, Access::ReadWrite)? {
                    Some(file) => (file, false),
                    None => continue,
                }
            }
            Err(e) => return Err(e),
        };
        let holder = if made { None } else { read_pid(&mut file)? };
        match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => {}
            Err(e) if e == rustix::io::Errno::WOULDBLOCK => return Ok(Attempt::Busy(holder)),
            Err(e) => return Err(e.into()),
        }
        if !owned::is_at(&file, &path) {
            continue;
        }
        // The id is for the message another reader shows; the flock is the lock. So a
        // full disk that refuses the id still leaves this process holding it.
        let _ = write_pid(&mut file);
        return Ok(Attempt::Held(StoreLock { path, file }));
    }
    Err(io::Error::other("the lock file keeps being replaced"))
}

/// The process id in a lock file (`None` when it is empty, as a crash right after
/// making it leaves it); an error when the file holds anything else, for then it is
/// not parley's lock.
fn read_pid(file: &mut File) -> io::Result<Option<u32>> {
    let bytes = owned::read_to_limit(file, MAX_LOCK_BYTES).map_err(|_| not_a_lock())?;
    let text = std::str::from_utf8(&bytes).map_err(|_| not_a_lock())?;
    let digits = text.strip_suffix('\n').unwrap_or(text);
    if digits.is_empty() {
        return Ok(None);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_a_lock());
    }
    Ok(digits.parse().ok())
}

fn not_a_lock() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "it holds something other than a process id, so it is not parley's lock; left alone",
    )
}

fn write_pid(file: &mut File) -> io::Result<()> {
    file.set_len(0)?;
    file.rewind()?;
    writeln!(file, "{}", std::process::id())
}

impl StoreLock {
    /// True when this is the lock of the store at `store` (however the path is spelt).
    pub fn guards(&self, store: &Path) -> bool {
        owned::is_at(&self.file, &path_for(store))
    }
}

impl Drop for StoreLock {
    fn drop(&mut self) {
        // removed while still locked, so no one takes a lock on a file about to go
        let _ = owned::remove(&self.path, &self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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

    #[test]
    fn a_file_that_is_not_a_lock_is_neither_cut_nor_removed() {
        let dir = tempfile::tempdir().unwrap();
        // `--store Cargo`: the lock's name is the project's Cargo.lock
        let store = dir.path().join("Cargo");
        let cargo_lock = dir.path().join("Cargo.lock");
        fs::write(
            &cargo_lock,
            "# This file is automatically @generated by Cargo.\n",
        )
        .unwrap();
        let e = try_lock(&store).unwrap_err();
        assert!(e.to_string().contains("not parley's lock"), "{e}");
        assert_eq!(
            fs::read_to_string(&cargo_lock).unwrap(),
            "# This file is automatically @generated by Cargo.\n"
        );
        // a hard link to the article at the lock's name
        let store = dir.path().join("talks.parley.toml");
        let article = dir.path().join("talks.txt");
        fs::write(&article, "12345").unwrap();
        fs::hard_link(&article, path_for(&store)).unwrap();
        assert!(try_lock(&store).is_err());
        assert_eq!(fs::read(&article).unwrap(), b"12345", "the article whole");
        assert!(path_for(&store).exists());
    }

    #[test]
    fn a_stale_lock_of_parleys_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("a.parley.toml");
        for stale in ["", "4242\n"] {
            fs::write(path_for(&store), stale).unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = fs::Permissions::from_mode(0o600);
                fs::set_permissions(path_for(&store), mode).unwrap();
            }
            let Attempt::Held(lock) = try_lock(&store).unwrap() else {
                panic!("a lock no process holds is free");
            };
            let pid = fs::read_to_string(path_for(&store)).unwrap();
            assert_eq!(pid.trim(), std::process::id().to_string());
            drop(lock);
            assert!(!path_for(&store).exists());
        }
    }
}
