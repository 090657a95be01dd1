//! Where an article stands in the corpus: not started (no store, or only the
//! detector's untouched suggestions, as `detect --save` leaves it), in progress (a
//! person has decided on an annotation: made or changed one by hand, accepted or
//! rejected a suggestion, written a note), or done — which only the user says. "Done" is kept per folder in
//! `.parley-corpus.toml` beside the articles (`done = ["talks.txt", …]`, file names,
//! sorted), so it travels with the folder and merges in git like the stores.

use crate::store::fsio;
use std::collections::{BTreeSet, HashMap};
use std::io;
use std::path::{Path, PathBuf};

/// The file, in each folder of articles, that names the articles marked done.
pub const MARKS_FILE: &str = ".parley-corpus.toml";

/// The largest marks file read: names of far more articles than a folder holds.
const MAX_MARKS_BYTES: u64 = 16 << 20;

/// Where an article stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Progress {
    /// No store yet, or one of the detector's untouched suggestions alone.
    NotStarted,
    /// A person has decided on an annotation of its store; not marked done.
    InProgress,
    /// Marked done by the user.
    Done,
}

impl Progress {
    /// The name the tables give it.
    pub fn as_str(self) -> &'static str {
        match self {
            Progress::NotStarted => "not started",
            Progress::InProgress => "in progress",
            Progress::Done => "done",
        }
    }

    /// Where an article stands from what is known of it: whether its store holds a
    /// person's decision ([`Counts::is_begun`](super::Counts::is_begun)), and the mark.
    pub fn of(begun: bool, done: bool) -> Progress {
        match (done, begun) {
            (true, _) => Progress::Done,
            (false, true) => Progress::InProgress,
            (false, false) => Progress::NotStarted,
        }
    }
}

#[derive(serde::Serialize, serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MarksFile {
    #[serde(default)]
    done: BTreeSet<String>,
}

/// The marks of every folder asked about, each file read once.
#[derive(Debug, Default)]
pub struct Marks {
    folders: HashMap<PathBuf, BTreeSet<String>>,
}

impl Marks {
    /// Whether `article` is marked done. A marks file that cannot be read marks none.
    pub fn is_done(&mut self, article: &Path) -> bool {
        let (dir, name) = split(article);
        self.folders
            .entry(dir.to_path_buf())
            .or_insert_with(|| read(dir).unwrap_or_default())
            .contains(&name)
    }

    /// Marks `article` done or not, rewriting its folder's file atomically (read anew
    /// first, so marks another process made since are kept), never through a link.
    pub fn set_done(&mut self, article: &Path, done: bool) -> io::Result<()> {
        let (dir, name) = split(article);
        let mut names = read(dir)?;
        let changed = if done {
            names.insert(name)
        } else {
            names.remove(&name)
        };
        if changed {
            let file = MarksFile {
                done: names.clone(),
            };
            let text = toml::to_string(&file).map_err(io::Error::other)?;
            let text = format!("# parley: the articles of this folder marked done\n{text}");
            fsio::replace_name(&dir.join(MARKS_FILE), text.as_bytes())?;
        }
        self.folders.insert(dir.to_path_buf(), names);
        Ok(())
    }
}

/// The folder of an article (`.` for a bare name) and its file name.
fn split(article: &Path) -> (&Path, String) {
    let dir = super::folder_of(article);
    let name = article
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (dir, name)
}

/// The names marked done in a folder; none when it has no marks file.
fn read(dir: &Path) -> io::Result<BTreeSet<String>> {
    use crate::article::bounded::{Kinds, ReadError, read_file};
    let path = dir.join(MARKS_FILE);
    let bytes = match read_file(&path, MAX_MARKS_BYTES, Kinds::RegularOnly) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound(_)) => return Ok(BTreeSet::new()),
        Err(e) => return Err(e.into_io()),
    };
    let text = String::from_utf8(bytes).map_err(io::Error::other)?;
    let file: MarksFile = toml::from_str(&text).map_err(io::Error::other)?;
    Ok(file.done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_is_kept_in_the_folder_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        let mut marks = Marks::default();
        assert!(!marks.is_done(&a));
        marks.set_done(&a, true).unwrap();
        marks.set_done(&b, true).unwrap();
        marks.set_done(&b, false).unwrap();
        let text = std::fs::read_to_string(dir.path().join(MARKS_FILE)).unwrap();
        assert!(text.contains("done = [\"a.txt\"]"), "{text}");
        let mut fresh = Marks::default();
        assert!(fresh.is_done(&a));
        assert!(!fresh.is_done(&b));
        assert_eq!(Progress::of(true, false), Progress::InProgress);
        assert_eq!(Progress::of(false, true), Progress::Done);
    }

    #[test]
    fn a_broken_marks_file_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MARKS_FILE), "done = 3").unwrap();
        let mut marks = Marks::default();
        let a = dir.path().join("a.txt");
        assert!(!marks.is_done(&a));
        assert!(marks.set_done(&a, true).is_err());
        let text = std::fs::read_to_string(dir.path().join(MARKS_FILE)).unwrap();
        assert_eq!(text, "done = 3");
    }
}
