//! Where parley may write: never over the article, never over a store's own files (its
//! journal, lock and temporary files), never onto a FIFO, device or directory (a rename
//! would replace the node), never through a symbolic link the user did not name, never
//! over a file made read-only, and over an existing file only when the caller was told
//! it exists and chose to replace it.

use super::fsio;
use crate::article::sanitize_inline;
use std::fs;
use std::io;
use std::path::Path;

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    /// The path is the article being read.
    #[error("{0}: is the article; parley never writes over it")]
    IsArticle(String),
    /// An annotation store: an export never replaces one (the reader saves stores).
    #[error("{0}: is an annotation store; an export never writes over one")]
    IsStore(String),
    /// One of the files that go with a store: its journal (or one kept aside), its lock,
    /// or the temporary file of a save. Writing it would lose edits or break the lock.
    #[error("{path}: is the {what} of a store; parley never writes over it")]
    Sidecar {
        /// The path.
        path: String,
        /// Which ("journal", "lock", "temporary file").
        what: &'static str,
    },
    /// The file exists and replacing it was not asked for.
    #[error("{0}: already exists; not replaced")]
    Exists(String),
    /// A FIFO, device, socket or directory.
    #[error("{path}: is a {kind}, not a regular file; parley writes only regular files")]
    NotRegular {
        /// The path.
        path: String,
        /// What it is.
        kind: &'static str,
    },
    /// A symbolic link where parley chose the name (a default path, the journal).
    #[error("{0}: is a symbolic link, which parley does not follow here")]
    Symlink(String),
    /// A symbolic link to nothing (writing would create its target somewhere).
    #[error("{0}: is a symbolic link to a file that does not exist; not followed")]
    DanglingLink(String),
    /// The file's permissions forbid writing.
    #[error("{0}: is read-only (its permissions forbid writing); not replaced")]
    ReadOnly(String),
    /// Looking at the path or writing failed.
    #[error("{path}: {error}")]
    Io {
        /// The path.
        path: String,
        /// The cause (shown in the message, so not also a `source`).
        error: io::Error,
    },
}

/// What a write may do.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules<'a> {
    /// The article's file, which is never written.
    pub article: Option<&'a Path>,
    /// Replace a file that exists (the user was asked, or passed `--force`).
    pub replace: bool,
    /// Follow a symbolic link at the path (the user typed this path).
    pub follow_links: bool,
    /// The store being worked on, whose journal and lock are never written whatever
    /// they are called (`--store Cargo` makes its lock `Cargo.lock`).
    pub store: Option<&'a Path>,
}

fn name(path: &Path) -> String {
    sanitize_inline(&path.display().to_string())
}

/// Checks that `path` may be written under `rules`; `Ok(true)` when a file is there
/// (to be replaced), `Ok(false)` when the write would create it.
pub fn check(path: &Path, rules: Rules<'_>) -> Result<bool, Refused> {
    let io_err = |error| Refused::Io {
        path: name(path),
        error,
    };
    if let Some(what) = sidecar(path, rules.store) {
        return Err(Refused::Sidecar {
            path: name(path),
            what,
        });
    }
    let link = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(io_err(e)),
    };
    if link.file_type().is_symlink() && !rules.follow_links {
        return Err(Refused::Symlink(name(path)));
    }
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Refused::DanglingLink(name(path)));
        }
        Err(e) => return Err(io_err(e)),
    };
    if rules.article.is_some_and(|a| is_same_file(&meta, a)) {
        return Err(Refused::IsArticle(name(path)));
    }
    if !meta.is_file() {
        return Err(Refused::NotRegular {
            path: name(path),
            kind: super::owned::kind_of(&meta.file_type()),
        });
    }
    if meta.permissions().readonly() {
        return Err(Refused::ReadOnly(name(path)));
    }
    if !rules.replace {
        return Err(Refused::Exists(name(path)));
    }
    Ok(true)
}

/// Checks that `path` is none of the files of the store at `store`: the store itself,
/// its journal or its lock, by name, by place or through a link. An export is refused
/// there even with `--force`: replacing them would lose the annotations or the edits.
pub fn check_spares_store(path: &Path, store: &Path) -> Result<(), Refused> {
    if let Some(what) = sidecar(path, Some(store)) {
        return Err(Refused::Sidecar {
            path: name(path),
            what,
        });
    }
    if same_place(path, store) {
        return Err(Refused::IsStore(name(path)));
    }
    // a link the user named is followed by the write, so what it points at counts
    let Ok(target) = fs::metadata(path) else {
        return Ok(());
    };
    if is_same_file(&target, store) {
        return Err(Refused::IsStore(name(path)));
    }
    let sidecars = [
        ("journal", super::journal::path_for(store)),
        ("lock", super::lock::path_for(store)),
    ];
    match sidecars.iter().find(|(_, p)| is_same_file(&target, p)) {
        Some((what, _)) => Err(Refused::Sidecar {
            path: name(path),
            what,
        }),
        None => Ok(()),
    }
}

/// Writes `bytes` to `path` atomically after [`check`].
pub fn write(path: &Path, bytes: &[u8], rules: Rules<'_>) -> Result<(), Refused> {
    check(path, rules)?;
    fsio::write_atomic(path, bytes).map_err(|error| Refused::Io {
        path: name(path),
        error,
    })
}

/// Which of a store's own files `path` is, if any: by name for any store
/// (`*.parley.toml.journal`, `.lock`, `.journal.old…`, a save's `.NAME.tmpPID-N`), and
/// for `store` by place, whatever its name.
fn sidecar(path: &Path, store: Option<&Path>) -> Option<&'static str> {
    let file_name = path.file_name()?.to_string_lossy();
    let by_name = if file_name.ends_with(".parley.toml.journal")
        || file_name.contains(".parley.toml.journal.old")
    {
        Some("journal")
    } else if file_name.ends_with(".parley.toml.lock") {
        Some("lock")
    } else if is_temp_name(&file_name) {
        Some("temporary file")
    } else {
        None
    };
    if by_name.is_some() {
        return by_name;
    }
    let store = store?;
    let resolved = fsio::resolve_target(store).unwrap_or_else(|_| store.to_path_buf());
    for s in [store, resolved.as_path()] {
        let journal = super::journal::path_for(s);
        if same_place(path, &journal) || is_kept_aside(path, &journal) {
            return Some("journal");
        }
        if same_place(path, &super::lock::path_for(s)) {
            return Some("lock");
        }
    }
    None
}

/// A save's temporary name: `.NAME.tmpPID-N` (see [`fsio::write_atomic`]).
fn is_temp_name(name: &str) -> bool {
    let Some((_, tail)) = name.strip_prefix('.').and_then(|n| n.rsplit_once(".tmp")) else {
        return false;
    };
    tail.split_once('-').is_some_and(|(pid, n)| {
        !pid.is_empty() && !n.is_empty() && pid.bytes().chain(n.bytes()).all(|b| b.is_ascii_digit())
    })
}

/// A journal kept aside: `JOURNAL.old` or `JOURNAL.old.N`.
fn is_kept_aside(path: &Path, journal: &Path) -> bool {
    let (Some(name), Some(journal_name)) = (path.file_name(), journal.file_name()) else {
        return false;
    };
    let mut old = journal_name.to_owned();
    old.push(".old");
    let name = name.to_string_lossy();
    let old = old.to_string_lossy();
    let aside = name == old
        || name
            .strip_prefix(old.as_ref())
            .and_then(|n| n.strip_prefix('.'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    aside && same_place(&path.with_file_name(journal_name), journal)
}

/// Whether two paths name one file: the same inode when it exists, else the same name
/// in the same directory.
fn same_place(a: &Path, b: &Path) -> bool {
    if let (Ok(ma), Ok(mb)) = (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        return same_inode(&ma, &mb);
    }
    let dir = |p: &Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
        fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()
    };
    a.file_name() == b.file_name() && dir(a).is_some() && dir(a) == dir(b)
}

fn same_inode(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// True when `path` is the file `meta` describes (the same inode, through any link).
pub fn is_same_file(meta: &fs::Metadata, path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|other| same_inode(meta, &other))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAREFUL: Rules<'static> = Rules {
        article: None,
        replace: false,
        follow_links: false,
        store: None,
    };

    #[test]
    fn a_new_file_is_written_and_an_existing_one_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        assert!(!check(&p, CAREFUL).unwrap());
        write(&p, b"one", CAREFUL).unwrap();
        assert!(matches!(
            write(&p, b"two", CAREFUL),
            Err(Refused::Exists(_))
        ));
        assert_eq!(fs::read(&p).unwrap(), b"one");
        let replace = Rules {
            replace: true,
            ..CAREFUL
        };
        write(&p, b"two", replace).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
    }

    #[test]
    fn the_article_is_never_written_even_when_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("talks.txt");
        fs::write(&article, "text").unwrap();
        let rules = Rules {
            article: Some(&article),
            replace: true,
            follow_links: true,
            store: None,
        };
        let e = write(&article, b"export", rules).unwrap_err();
        assert!(matches!(e, Refused::IsArticle(_)), "{e}");
        assert_eq!(fs::read(&article).unwrap(), b"text");
    }

    #[cfg(unix)]
    #[test]
    fn a_store_and_its_sidecars_are_spared_by_name_place_and_link() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let store = d.join("talks.txt.parley.toml");
        let journal = super::super::journal::path_for(&store);
        fs::write(&journal, "[]").unwrap();
        // the store need not exist yet to be spared
        let e = check_spares_store(&store, &store).unwrap_err();
        assert!(matches!(e, Refused::IsStore(_)), "{e}");
        fs::write(&store, "schema = 1").unwrap();
        std::os::unix::fs::symlink(&store, d.join("out.csv")).unwrap();
        std::os::unix::fs::symlink(&journal, d.join("j.csv")).unwrap();
        let cases = [
            (d.join("out.csv"), "store"),
            (d.join("j.csv"), "journal"),
            (super::super::lock::path_for(&store), "lock"),
            (d.join(".").join("talks.txt.parley.toml"), "store"),
        ];
        for (path, what) in cases {
            let e = check_spares_store(&path, &store).unwrap_err();
            assert!(e.to_string().contains(what), "{}: {e}", path.display());
        }
        check_spares_store(&d.join("table.csv"), &store).unwrap();
        check_spares_store(&d.join("other.txt.parley.toml"), &store).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn links_devices_and_read_only_files_are_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let e = write(&link, b"x", CAREFUL).unwrap_err();
        assert!(matches!(e, Refused::Symlink(_)), "{e}");
        assert!(
            !target.exists(),
            "a dangling link does not create its target"
        );
        let any = Rules {
            replace: true,
            follow_links: true,
            ..CAREFUL
        };
        let e = write(Path::new("/dev/null"), b"x", any).unwrap_err();
        assert!(e.to_string().contains("device"), "{e}");
        let ro = dir.path().join("ro.toml");
        fs::write(&ro, "kept").unwrap();
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o444)).unwrap();
        let e = write(&ro, b"x", any).unwrap_err();
        assert!(matches!(e, Refused::ReadOnly(_)), "{e}");
        assert_eq!(fs::read(&ro).unwrap(), b"kept");
    }
}
