//! Where parley may write: never over the article, never onto a FIFO, device or
//! directory (a rename would replace the node), never through a symbolic link the user
//! did not name, never over a file made read-only, and over an existing file only when
//! the caller was told it exists and chose to replace it.

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
            kind: kind_of(&meta.file_type()),
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

/// Writes `bytes` to `path` atomically after [`check`].
pub fn write(path: &Path, bytes: &[u8], rules: Rules<'_>) -> Result<(), Refused> {
    check(path, rules)?;
    fsio::write_atomic(path, bytes).map_err(|error| Refused::Io {
        path: name(path),
        error,
    })
}

/// True when `path` is the file `meta` describes (the same inode, through any link).
pub fn is_same_file(meta: &fs::Metadata, path: &Path) -> bool {
    let Ok(other) = fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.dev() == other.dev() && meta.ino() == other.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, other);
        false
    }
}

fn kind_of(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "device";
        }
        if t.is_socket() {
            return "socket";
        }
    }
    if t.is_dir() {
        "directory"
    } else {
        "special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAREFUL: Rules<'static> = Rules {
        article: None,
        replace: false,
        follow_links: false,
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
        };
        let e = write(&article, b"export", rules).unwrap_err();
        assert!(matches!(e, Refused::IsArticle(_)), "{e}");
        assert_eq!(fs::read(&article).unwrap(), b"text");
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
