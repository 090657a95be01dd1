//! The crash journal beside a store (`NAME.parley.toml.journal`): one JSON line per user
//! action, appended and flushed to disk before the action is applied, so a crash or a
//! `kill -9` loses nothing the reader showed. The first line names the store file the
//! edits apply to (its SHA-256; with a snapshot of the starting set when there was no
//! file yet). Saving the store removes the journal.
//!
//! The journal's name is parley's choice, so what is found there goes through
//! [`owned`]: made only where nothing is, opened without following a link or waiting
//! on a FIFO, read up to a limit, and removed or set aside only when it is parley's
//! journal (its first line says so).

use super::history::Change;
use super::owned::{self, Access};
use crate::model::Annotations;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Journal format version, in the header line.
const FORMAT: u32 = 1;

/// How every journal starts: the header's first key.
const MAGIC: &[u8] = b"{\"parley_journal\":";

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    parley_journal: u32,
    /// SHA-256 of the store file the edits apply to; "" when there was none.
    base: String,
    /// The starting set, when there was no store file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    snapshot: Option<Annotations>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    changes: Vec<Change>,
}

/// The journal path of a store.
pub fn path_for(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(".journal");
    PathBuf::from(name)
}

/// The largest journal read for a store of at most `max_store_bytes`: room for its
/// starting snapshot and many times its size in edits. A larger one is kept aside.
pub fn limit(max_store_bytes: u64) -> u64 {
    max_store_bytes.saturating_mul(4)
}

/// An open journal, appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    /// Bytes of whole lines written: a failed append is cut back to this.
    len: u64,
}

impl Journal {
    /// Starts a new journal for edits on top of the store file with hash `base`, or on
    /// top of `snapshot` when there is no file. A journal of parley's already at the
    /// name is set aside first; anything else there is left alone, and is an error.
    pub fn start(path: &Path, base: &str, snapshot: Option<&Annotations>) -> io::Result<Journal> {
        #[derive(Serialize)]
        struct HeaderRef<'a> {
            parley_journal: u32,
            base: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            snapshot: Option<&'a Annotations>,
        }
        let header = HeaderRef {
            parley_journal: FORMAT,
            base,
            snapshot,
        };
        let mut line = serde_json::to_vec(&header).map_err(io::Error::other)?;
        line.push(b'\n');
        let file = match owned::create(path) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                if !is_parleys(path)? {
                    return Err(not_a_journal());
                }
                set_aside(path)?;
                owned::create(path)?
            }
            other => other?,
        };
        let mut journal = Journal {
            path: path.to_path_buf(),
            file,
            len: 0,
        };
        let written = journal.write_line(&line).and_then(|()| {
            // a bare relative store name has an empty parent: its directory is "."
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            super::fsio::sync_dir(dir)
        });
        if let Err(e) = written {
            // an empty or half-written header would only be set aside at the next start
            let _ = owned::remove(path, &journal.file);
            return Err(e);
        }
        Ok(journal)
    }

    /// Reopens an existing journal to append to it, first cutting off a torn last
    /// line (everything past `good_len`).
    pub fn resume(path: &Path, good_len: u64) -> io::Result<Journal> {
        let file = owned::open(path, Access::Append)?
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "the journal is gone"))?;
        let len = file.metadata()?.len();
        if len > good_len {
            file.set_len(good_len)?;
            file.sync_all()?;
        }
        Ok(Journal {
            path: path.to_path_buf(),
            file,
            len: len.min(good_len),
        })
    }

    /// Appends one action's changes and waits until they are on disk. When that
    /// fails (a full disk), whatever part of the line got out is cut off again, so the
    /// journal still holds exactly the actions before, and the error is returned: the
    /// action is not in the journal.
    pub fn append(&mut self, changes: &[Change]) -> io::Result<()> {
        let mut line = serde_json::to_vec(&Entry {
            changes: changes.to_vec(),
        })
        .map_err(io::Error::other)?;
        line.push(b'\n');
        self.write_line(&line)
    }

    fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        let written = self
            .file
            .write_all(line)
            .and_then(|()| self.file.sync_data());
        match written {
            Ok(()) => {
                self.len += line.len() as u64;
                Ok(())
            }
            Err(e) => {
                let _ = self.file.set_len(self.len);
                Err(e)
            }
        }
    }

    /// Deletes the journal (its edits are in the store now, or were thrown away), if
    /// its name still holds it.
    pub fn remove(self) -> io::Result<()> {
        owned::remove(&self.path, &self.file)
    }
}

/// Deletes the journal at `path` when it is parley's (its first line says so): for a
/// journal this session did not open. Anything else there is left alone (and is no
/// journal that could bring edits back).
pub fn discard(path: &Path) -> io::Result<()> {
    match owned::open(path, Access::Read) {
        Ok(Some(file)) if starts_as_journal(&file)? => owned::remove(path, &file),
        _ => Ok(()),
    }
}

/// Whether the file at `path` is a journal parley wrote: one of its files, whose first
/// bytes are a journal header's (or nothing, as a crash while starting one leaves it).
fn is_parleys(path: &Path) -> io::Result<bool> {
    match owned::open(path, Access::Read) {
        Ok(Some(file)) => starts_as_journal(&file),
        Ok(None) => Ok(true),
        Err(_) => Ok(false),
    }
}

/// Looks at the first bytes without moving the file's position (a read that follows
/// starts at the beginning).
fn starts_as_journal(file: &File) -> io::Result<bool> {
    use std::os::unix::fs::FileExt;
    let mut head = [0u8; MAGIC.len()];
    let mut got = 0;
    while got < head.len() {
        match file.read_at(&mut head[got..], got as u64)? {
            0 => break,
            n => got += n,
        }
    }
    Ok(MAGIC.starts_with(&head[..got]))
}

fn not_a_journal() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "it does not start as parley's journal does, so it is not one; left alone",
    )
}

/// A journal left by a session that did not save.
#[derive(Debug)]
pub struct Pending {
    /// SHA-256 of the store file the edits apply to; "" when there was none.
    pub base: String,
    /// The starting set when there was no store file.
    pub snapshot: Option<Annotations>,
    /// The actions, in order.
    pub actions: Vec<Vec<Change>>,
    /// True when the last line was cut short (a crash mid-append); it is left out.
    pub torn: bool,
    /// Complete lines that could not be read (damaged, or from another version); the
    /// actions after them are still read.
    pub unreadable: usize,
    /// Length of the complete lines; a resumed journal is cut back to it.
    pub good_len: u64,
}

/// Why a journal was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// What is at the journal's name is not parley's (a link, a FIFO, a device,
    /// another user's file, a file that does not start as a journal): it is left
    /// alone, neither replayed nor moved.
    #[error("{0}")]
    NotParleys(io::Error),
    /// A journal of parley's that cannot be used (too large, an unreadable header,
    /// another format): it is kept aside.
    #[error("{0}")]
    Unusable(io::Error),
}

/// Reads a journal of at most `limit` bytes; `Ok(None)` when there is none. A torn
/// last line is left out, a damaged line in the middle is counted and skipped.
pub fn read(path: &Path, limit: u64) -> Result<Option<Pending>, ReadError> {
    let mut file = match owned::open(path, Access::Read) {
        Ok(Some(file)) => file,
        Ok(None) => return Ok(None),
        Err(e) => return Err(ReadError::NotParleys(e)),
    };
    if !starts_as_journal(&file).map_err(ReadError::NotParleys)? {
        return Err(ReadError::NotParleys(not_a_journal()));
    }
    let bytes = owned::read_to_limit(&mut file, limit).map_err(ReadError::Unusable)?;
    parse(&bytes).map(Some).map_err(ReadError::Unusable)
}

fn parse(bytes: &[u8]) -> io::Result<Pending> {
    // Only lines ended by a newline count: the newline is written last.
    let mut lines = bytes.split_inclusive(|&b| b == b'\n');
    let header: Header = match lines.next() {
        Some(line) if line.ends_with(b"\n") => {
            serde_json::from_slice(line).map_err(io::Error::other)?
        }
        _ => return Err(io::Error::other("the journal has no complete header line")),
    };
    if header.parley_journal != FORMAT {
        return Err(io::Error::other(format!(
            "journal format {} is not one this parley reads",
            header.parley_journal
        )));
    }
    let mut pending = Pending {
        base: header.base,
        snapshot: header.snapshot,
        actions: Vec::new(),
        torn: false,
        unreadable: 0,
        good_len: 0,
    };
    let mut good_len = bytes.len() - lines.clone().map(<[u8]>::len).sum::<usize>();
    for line in lines {
        if !line.ends_with(b"\n") {
            // only the last line can be cut short, by a crash mid-append
            pending.torn = true;
            break;
        }
        match serde_json::from_slice::<Entry>(line) {
            Ok(entry) => pending.actions.push(entry.changes),
            Err(_) => pending.unreadable += 1,
        }
        good_len += line.len();
    }
    pending.good_len = good_len as u64;
    Ok(pending)
}

/// Moves an unusable journal aside (`.journal.old`, or `.journal.old.N` when that is
/// taken, so an older one is never replaced) so it is kept but not replayed.
pub fn set_aside(path: &Path) -> io::Result<PathBuf> {
    for n in 0..1000 {
        let mut name = path.as_os_str().to_owned();
        name.push(".old");
        if n > 0 {
            name.push(format!(".{n}"));
        }
        let aside = PathBuf::from(name);
        if rename_no_replace(path, &aside)? {
            return Ok(aside);
        }
    }
    Err(io::Error::other("too many journals kept aside already"))
}

/// Renames `from` to `to` unless something is at `to` (then `false`): never over a
/// file already there, not even one put there a moment before.
fn rename_no_replace(from: &Path, to: &Path) -> io::Result<bool> {
    if let Some(renamed) = super::fsio::rename_unless_taken(from, to)? {
        return Ok(renamed);
    }
    // a file system without the flag: look first
    if fs::symlink_metadata(to).is_ok() {
        return Ok(false);
    }
    fs::rename(from, to).map(|()| true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleInfo;
    use crate::store::history::Slot;
    use std::fs::OpenOptions;

    /// A change to journal: removing speaker `n` (the journal does not look inside).
    fn change(n: usize) -> Change {
        Change::Remove {
            slot: Slot::Speaker,
            id: format!("s{n}").into(),
        }
    }

    #[test]
    fn appended_actions_read_back_and_a_torn_line_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.parley.toml.journal");
        let snap = Annotations::new(ArticleInfo::default());
        let mut j = Journal::start(&p, "", Some(&snap)).unwrap();
        j.append(&[change(7)]).unwrap();
        drop(j);
        let mut f = OpenOptions::new().append(true).open(&p).unwrap();
        f.write_all(b"{\"changes\":[{\"rea").unwrap();
        let pending = read(&p, u64::MAX).unwrap().unwrap();
        assert_eq!(pending.snapshot, Some(snap));
        assert_eq!(pending.actions, vec![vec![change(7)]]);
        assert!(pending.torn);
        let mut j = Journal::resume(&p, pending.good_len).unwrap();
        j.append(&[]).unwrap();
        let again = read(&p, u64::MAX).unwrap().unwrap();
        assert_eq!(again.actions.len(), 2);
        assert!(!again.torn);
    }

    #[test]
    fn a_damaged_line_is_skipped_and_the_actions_after_it_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.parley.toml.journal");
        let mut j = Journal::start(&p, "", None).unwrap();
        let at = change;
        j.append(&[at(1)]).unwrap();
        drop(j);
        let mut f = OpenOptions::new().append(true).open(&p).unwrap();
        f.write_all(b"garbage\n\0\0\0\n").unwrap();
        drop(f);
        let mut j = Journal::resume(&p, u64::MAX).unwrap();
        j.append(&[at(3)]).unwrap();
        let pending = read(&p, u64::MAX).unwrap().unwrap();
        assert_eq!(pending.actions, vec![vec![at(1)], vec![at(3)]]);
        assert_eq!(pending.unreadable, 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_neither_followed_nor_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.parley.toml.journal");
        let target = dir.path().join("target");
        std::os::unix::fs::symlink(&target, &p).unwrap();
        assert!(Journal::start(&p, "", None).is_err());
        assert!(
            !target.exists(),
            "a dangling link does not create its target"
        );
        assert!(matches!(read(&p, u64::MAX), Err(ReadError::NotParleys(_))));
    }
}
