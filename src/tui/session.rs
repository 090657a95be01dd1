//! The reading position and marks of each article, remembered between runs in the
//! XDG state directory, keyed by the article's hash.

use crate::store::fsio;
use crate::store::owned::{self, Access};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How many articles are remembered; the least recently read are forgotten first.
const KEEP: usize = 500;

/// Where one article was left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Byte offset at the top of the screen.
    pub offset: usize,
    /// Marks: letter → byte offset.
    #[serde(default)]
    pub marks: BTreeMap<String, usize>,
    /// When it was last read (seconds since the epoch).
    #[serde(default)]
    pub seen: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Places {
    #[serde(default)]
    article: BTreeMap<String, Place>,
}

/// A cheap, path-independent key for an article: the hash of the first 64 KiB of its
/// text and the size of its source in bytes (hashing all of a large article would
/// delay the first screen, and only its start is read before it).
pub fn fingerprint(text: &str, size: u64) -> String {
    let head = &text.as_bytes()[..text.len().min(FINGERPRINT_BYTES)];
    format!("{}-{size}", crate::article::sha256_hex(head))
}

/// How much of the text the fingerprint hashes: less than the reader reads of a large
/// file before its first screen, so the start alone gives the fingerprint.
const FINGERPRINT_BYTES: usize = 64 * 1024;

/// The file the places are kept in.
pub fn default_path() -> Option<PathBuf> {
    crate::paths::reading_places()
}

/// The most the state file is read to: many times 500 articles' places and marks.
const MAX_STATE_BYTES: u64 = 4 << 20;

/// How long a quit waits for another parley that is writing the state file.
const LOCK_PATIENCE: Duration = Duration::from_secs(2);

/// Where the article with this hash was left, if it was read before.
pub fn load(path: &Path, sha: &str) -> Option<Place> {
    read(path).ok()?.article.remove(sha)
}

/// The places in the state file: none when there is no file or it is not TOML; an
/// error when what is there is not parley's file (a link, a FIFO, a device, another
/// user's) or is over the limit, which is then neither read further nor replaced.
fn read(path: &Path) -> io::Result<Places> {
    let Some(mut file) = owned::open(path, Access::Read)? else {
        return Ok(Places::default());
    };
    let bytes = owned::read_to_limit(&mut file, MAX_STATE_BYTES)?;
    Ok(std::str::from_utf8(&bytes)
        .ok()
        .and_then(|t| toml::from_str(t).ok())
        .unwrap_or_default())
}

/// Remembers where an article was left. Failures are returned, never fatal. Two
/// parleys quitting at once take turns (a lock on the state directory), so neither
/// undoes the other's place.
pub fn save(path: &Path, sha: &str, place: Place) -> io::Result<()> {
    save_waiting(path, sha, place, LOCK_PATIENCE)
}

/// [`save`], waiting at most `patience` for another parley's turn.
fn save_waiting(path: &Path, sha: &str, mut place: Place, patience: Duration) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let _turn = take_turn(dir, patience)?;
    let mut places = read(path)?;
    place.seen = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    places.article.insert(sha.to_string(), place);
    if places.article.len() > KEEP {
        let mut by_age: Vec<(u64, String)> = places
            .article
            .iter()
            .map(|(k, p)| (p.seen, k.clone()))
            .collect();
        by_age.sort();
        for (_, k) in by_age.into_iter().take(places.article.len() - KEEP) {
            places.article.remove(&k);
        }
    }
    let text = toml::to_string(&places).map_err(io::Error::other)?;
    fsio::replace_owned(path, text.as_bytes())
}

/// Waits (a little) for the lock on the state directory; held until dropped.
fn take_turn(dir: &Path, patience: Duration) -> io::Result<std::fs::File> {
    use rustix::fs::{FlockOperation, OFlags, flock};
    use std::os::unix::fs::OpenOptionsExt;
    let handle = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags((OFlags::DIRECTORY | OFlags::NONBLOCK).bits() as i32)
        .open(dir)?;
    let start = Instant::now();
    loop {
        match flock(&handle, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => return Ok(handle),
            Err(e) if e == rustix::io::Errno::WOULDBLOCK && start.elapsed() < patience => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_round_trip_per_article() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state/reading.toml");
        assert_eq!(load(&p, "abc"), None);
        let mut place = Place {
            offset: 42,
            ..Place::default()
        };
        place.marks.insert("a".into(), 7);
        save(&p, "abc", place).unwrap();
        save(
            &p,
            "def",
            Place {
                offset: 1,
                ..Place::default()
            },
        )
        .unwrap();
        let got = load(&p, "abc").unwrap();
        assert_eq!((got.offset, got.marks["a"]), (42, 7));
        assert_eq!(load(&p, "def").unwrap().offset, 1);
    }

    #[test]
    fn concurrent_saves_keep_every_place() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state/reading.toml");
        let savers: Vec<_> = (0..16)
            .map(|n| {
                let p = p.clone();
                std::thread::spawn(move || {
                    for round in 0..5 {
                        let place = Place {
                            offset: n * 100 + round,
                            ..Place::default()
                        };
                        // the turns, not the patience, are under test: wait as long as it takes
                        let patience = Duration::from_secs(600);
                        save_waiting(&p, &format!("article-{n}"), place, patience).unwrap();
                    }
                })
            })
            .collect();
        for s in savers {
            s.join().unwrap();
        }
        for n in 0..16 {
            let place = load(&p, &format!("article-{n}")).expect("every place kept");
            assert_eq!(place.offset, n * 100 + 4);
        }
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[test]
    fn what_is_not_parleys_file_is_neither_read_nor_written() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        std::fs::create_dir(&state).unwrap();
        let article = dir.path().join("talks.txt");
        std::fs::write(&article, "the article").unwrap();
        let p = state.join("reading.toml");
        // a link to the article, then to an endless device
        std::os::unix::fs::symlink(&article, &p).unwrap();
        assert!(save(&p, "abc", Place::default()).is_err());
        assert_eq!(std::fs::read(&article).unwrap(), b"the article");
        std::fs::remove_file(&p).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
        assert_eq!(load(&p, "abc"), None);
        std::fs::remove_file(&p).unwrap();
        // a FIFO: neither start nor quit waits for a writer that never comes
        let made = std::process::Command::new("mkfifo").arg(&p).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(load(&p, "abc"), None);
            assert!(save(&p, "abc", Place::default()).is_err());
        }
    }
}
