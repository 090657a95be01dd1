//! The articles of a corpus, listed lazily: the files named, and the articles inside
//! each folder named (and its subfolders), in name order, one folder read at a time.
//! Nothing is opened: a folder of ten thousand articles lists as fast as its names
//! can be read.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The endings of the files a folder's articles are: plain text, web pages and
/// Markdown (a file named on the command line is an article whatever its name).
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "shtml", "md", "markdown", "mdown", "mkd", "mkdn",
];

/// Whether a file found in a folder is an article: one of [`ARTICLE_EXTENSIONS`],
/// not hidden, and not one of parley's own files (stores, journals, locks).
pub fn is_article_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(OsStr::to_str) else {
        return false;
    };
    if name.starts_with('.') || name.contains(".parley.toml") {
        return false;
    }
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// An entry the listing could not read: named, so the caller can say so and go on.
#[derive(Debug)]
pub struct ListError {
    /// The folder or file.
    pub path: PathBuf,
    /// What the system said.
    pub error: io::Error,
}

/// The articles under some paths, in order: a file as it is, a folder's articles
/// sorted by name, its subfolders after its files. Hidden folders are passed over.
#[derive(Debug)]
pub struct Articles {
    /// What is left to visit, last first: files to give, folders to open.
    pending: Vec<Visit>,
}

/// A path still to visit.
#[derive(Debug)]
enum Visit {
    /// Named by the caller: a folder to open, or anything else an article.
    Named(PathBuf),
    /// Found in a folder as an article (its kind known already: not asked again).
    Found(PathBuf),
}

impl Articles {
    /// The articles under `paths`.
    pub fn new(paths: &[PathBuf]) -> Articles {
        Articles {
            pending: paths.iter().rev().cloned().map(Visit::Named).collect(),
        }
    }
}

impl Iterator for Articles {
    type Item = Result<PathBuf, ListError>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some(visit) = self.pending.pop() {
            let path = match visit {
                Visit::Found(path) => return Some(Ok(path)),
                Visit::Named(path) if !path.is_dir() => return Some(Ok(path)),
                Visit::Named(path) => path,
            };
            match read_folder(&path) {
                Ok((files, folders)) => {
                    self.pending
                        .extend(folders.into_iter().rev().map(Visit::Named));
                    self.pending
                        .extend(files.into_iter().rev().map(Visit::Found));
                }
                Err(error) => return Some(Err(ListError { path, error })),
            }
        }
        None
    }
}

/// A folder's articles and subfolders, each sorted by name.
fn read_folder(dir: &Path) -> io::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        let hidden = name.as_encoded_bytes().starts_with(b".");
        // the entry's own type: a link to a folder is not followed (no cycles)
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if !hidden {
                folders.push((name, path));
            }
        } else if is_article_name(&path) && is_regular(&path, &kind) {
            files.push((name, path));
        }
    }
    Ok((by_name(files), by_name(folders)))
}

/// The paths of one folder's entries sorted by their names, which is the order of the
/// paths themselves (the folder is the same part of each, and a name is one component)
/// found without comparing paths component by component: the listing is made while
/// every worker waits for its first article, and sorting 840 paths as paths was 9 M
/// instructions of it.
fn by_name(mut named: Vec<(OsString, PathBuf)>) -> Vec<PathBuf> {
    // (names in one folder are unique: an unstable sort gives the one order)
    named.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    named.into_iter().map(|(_, path)| path).collect()
}

/// True for a regular file, or a link to one: a FIFO or a device in a folder is no
/// article (reading a FIFO would wait for a writer that never comes), while one the
/// user names on the command line is read as given.
fn is_regular(path: &Path, kind: &fs::FileType) -> bool {
    kind.is_file() || (kind.is_symlink() && fs::metadata(path).is_ok_and(|m| m.is_file()))
}

/// The folder a file is in: its parent, or `.` for a bare name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Whether any of the paths is a folder: the command line then speaks of a corpus.
pub fn names_a_corpus(paths: &[PathBuf]) -> bool {
    paths.len() > 1 || paths.iter().any(|p| p.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_listed_in_order_and_parleys_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in [
            "b.txt",
            "a.html",
            "c.md",
            "a.html.parley.toml",
            "a.html.parley.toml.journal",
            ".hidden.txt",
            "notes.csv",
            "sub/z.txt",
            ".git/x.txt",
        ] {
            let p = d.join(name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "x").unwrap();
        }
        let listed: Vec<PathBuf> = Articles::new(&[d.to_path_buf()])
            .map(|r| r.unwrap().strip_prefix(d).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            listed,
            ["a.html", "b.txt", "c.md", "sub/z.txt"].map(PathBuf::from)
        );
        // a file named is an article whatever its name
        let named = [d.join("notes.csv"), d.join("sub")];
        let listed: Vec<PathBuf> = Articles::new(&named).map(|r| r.unwrap()).collect();
        assert_eq!(listed, [d.join("notes.csv"), d.join("sub/z.txt")]);
        assert!(names_a_corpus(&named));
        assert!(!names_a_corpus(&[d.join("b.txt")]));
    }

    #[test]
    fn a_folders_articles_come_in_the_order_of_their_paths() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "z.txt", "a.txt", "A.txt", "a b.txt", "a-b.txt", "a.txt.md", "é.txt", "10.txt",
            "9.txt", "_x.txt",
        ];
        for name in names {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        let listed: Vec<PathBuf> = Articles::new(&[dir.path().to_path_buf()])
            .map(Result::unwrap)
            .collect();
        let mut as_paths: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
        as_paths.sort();
        assert_eq!(listed, as_paths);
    }

    #[test]
    fn a_folder_that_cannot_be_read_is_named() {
        let missing = PathBuf::from("/no/such/folder/at/all");
        let mut it = Articles::new(std::slice::from_ref(&missing));
        // a path that is not a folder is given as a file (loading it will say why)
        assert_eq!(it.next().unwrap().unwrap(), missing);
    }
}
