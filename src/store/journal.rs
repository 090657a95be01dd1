//! The crash journal beside a store (`NAME.parley.toml.journal`): one JSON line per user
//! action, appended and flushed to disk before the action is applied, so a crash or a
//! `kill -9` loses nothing the reader showed. The first line names the store file the
//! edits apply to (its SHA-256; with a snapshot of the starting set when there was no
//! file yet). Saving the store removes the journal.

use super::history::Change;
use crate::model::Annotations;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Journal format version, in the header line.
const FORMAT: u32 = 1;

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

/// An open journal, appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
}

impl Journal {
    /// Starts a new journal (replacing any old one) for edits on top of the store file
    /// with hash `base`, or on top of `snapshot` when there is no file.
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
        let mut file =
            super::fsio::no_follow(OpenOptions::new().write(true).create(true).truncate(true))
                .open(path)?;
        file.write_all(&line)?;
        file.sync_all()?;
        // a bare relative store name has an empty parent: its directory is "."
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        super::fsio::sync_dir(dir)?;
        Ok(Journal {
            path: path.to_path_buf(),
            file,
        })
    }

    /// Reopens an existing journal to append to it, first cutting off a torn last
    /// line (everything past `good_len`).
    pub fn resume(path: &Path, good_len: u64) -> io::Result<Journal> {
        let file = super::fsio::no_follow(OpenOptions::new().append(true)).open(path)?;
        if file.metadata()?.len() > good_len {
            file.set_len(good_len)?;
            file.sync_all()?;
        }
        Ok(Journal {
            path: path.to_path_buf(),
            file,
        })
    }

    /// Appends one action's changes and waits until they are on disk.
    pub fn append(&mut self, changes: &[Change]) -> io::Result<()> {
        let mut line = serde_json::to_vec(&Entry {
            changes: changes.to_vec(),
        })
        .map_err(io::Error::other)?;
        line.push(b'\n');
        self.file.write_all(&line)?;
        self.file.sync_data()
    }

    /// Deletes the journal (its edits are in the store now, or were thrown away).
    pub fn remove(self) -> io::Result<()> {
        drop(self.file);
        remove(&self.path)
    }
}

/// Deletes a journal file if there is one.
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
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

/// Reads a journal; `Ok(None)` when there is none. A torn last line is left out, a
/// damaged line in the middle is counted and skipped; an unreadable header, or a
/// symbolic link in place of the journal, is an error (the caller keeps the file aside).
pub fn read(path: &Path) -> io::Result<Option<Pending>> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(io::Error::other(
                "it is a symbolic link, not parley's journal",
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        _ => {}
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
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
    Ok(Some(pending))
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
        if fs::symlink_metadata(&aside).is_err() {
            fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::other("too many journals kept aside already"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleInfo;
    use crate::store::history::Slot;

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
        let pending = read(&p).unwrap().unwrap();
        assert_eq!(pending.snapshot, Some(snap));
        assert_eq!(pending.actions, vec![vec![change(7)]]);
        assert!(pending.torn);
        let mut j = Journal::resume(&p, pending.good_len).unwrap();
        j.append(&[]).unwrap();
        let again = read(&p).unwrap().unwrap();
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
        let pending = read(&p).unwrap().unwrap();
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
        assert!(read(&p).is_err());
    }
}
