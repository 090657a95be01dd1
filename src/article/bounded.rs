//! Reading an input with a ceiling on its size: the article, the config, the store and
//! a parties file all come through here, so `/dev/zero` or an endless pipe given as
//! any of them costs at most the limit, never the machine's memory.
//!
//! A file's size on disk is only a hint: devices and pipes report 0, and a file can
//! grow while it is read. So the limit is enforced on the bytes read (at most one more
//! than the limit), and the size from `metadata` only lets a file that is already too
//! large be refused before anything is read.

use super::sanitize_inline;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Why an input could not be read within its limit.
///
/// Each message is whole (what failed and where); none chains a cause of its own, so
/// an error report that prints the causes too never says a thing twice.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The path names nothing.
    #[error("{0}: no such file")]
    NotFound(String),
    /// The path names a directory.
    #[error("{0}: is a directory, not a file")]
    IsDirectory(String),
    /// The path names a pipe, socket or device where only a regular file will do.
    #[error("{0}: is not a regular file")]
    NotRegular(String),
    /// More bytes than the limit.
    #[error("{path} is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The input.
        path: String,
        /// The limit.
        limit: u64,
    },
    /// Opening or reading failed.
    #[error("{path}: {cause}")]
    Io {
        /// The input.
        path: String,
        /// What the system said (kept for its kind; it is in the message already).
        cause: io::Error,
    },
}

impl ReadError {
    /// The same failure as an `io::Error` that does not name the file, for a caller
    /// whose own error names it.
    pub fn into_io(self) -> io::Error {
        use io::ErrorKind as K;
        match self {
            ReadError::Io { cause, .. } => cause,
            ReadError::NotFound(_) => io::Error::new(K::NotFound, "no such file"),
            ReadError::IsDirectory(_) => io::Error::new(K::IsADirectory, "is a directory"),
            ReadError::NotRegular(_) => io::Error::new(K::InvalidInput, "not a regular file"),
            ReadError::TooLarge { limit, .. } => io::Error::new(
                K::FileTooLarge,
                format!("larger than the limit of {limit} bytes"),
            ),
        }
    }
}

/// Which kinds of file an input may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kinds {
    /// Regular files only (a store, which is also written back).
    RegularOnly,
    /// Also pipes and devices (an article from `<(curl …)`); the limit still holds.
    AnyReadable,
}

/// A file's printable name.
pub fn display_name(path: &Path) -> String {
    sanitize_inline(&path.display().to_string())
}

/// Opens a file that may be read: checks what it is and, for a regular file, that it
/// is not already over `limit`. Gives the open file and its size on disk (0 for a
/// pipe or device). A pipe is checked before it is opened, since opening one blocks
/// until someone writes to it.
pub fn open(path: &Path, limit: u64, kinds: Kinds) -> Result<(File, u64), ReadError> {
    let name = || display_name(path);
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound(name()),
        _ => ReadError::Io {
            path: name(),
            cause: e,
        },
    })?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory(name()));
    }
    if !meta.is_file() && kinds == Kinds::RegularOnly {
        return Err(ReadError::NotRegular(name()));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(ReadError::TooLarge {
            path: name(),
            limit,
        });
    }
    let io_err = |cause| ReadError::Io {
        path: name(),
        cause,
    };
    let file = open_kind(path, kinds).map_err(io_err)?;
    if kinds == Kinds::RegularOnly && !file.metadata().map_err(io_err)?.is_file() {
        // it was swapped for something else since it was looked at
        return Err(ReadError::NotRegular(name()));
    }
    Ok((file, if meta.is_file() { meta.len() } else { 0 }))
}

/// Opens for reading. Where only a regular file will do, the open does not wait for a
/// FIFO's writer (`O_NONBLOCK`, harmless on a regular file), so a FIFO put in the
/// file's place after it was looked at is refused, not waited on.
fn open_kind(path: &Path, kinds: Kinds) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    if kinds == Kinds::RegularOnly {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((OFlags::NONBLOCK | OFlags::NOCTTY).bits() as i32);
    }
    options.open(path)
}

/// Reads a whole file of at most `limit` bytes.
pub fn read_file(path: &Path, limit: u64, kinds: Kinds) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open(path, limit, kinds)?;
    // the file's size as the buffer's, so a 10 MB article costs 10 MB, not 16
    let hint = usize::try_from(size).unwrap_or(0);
    read_to_limit(file, &display_name(path), limit, hint)
}

/// Reads all of `reader` if it holds at most `limit` bytes; one byte more is an error.
/// `name` names the input in errors; `hint` is the expected size.
pub fn read_to_limit(
    reader: impl Read,
    name: &str,
    limit: u64,
    hint: usize,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(hint.min(cap(limit)).saturating_add(1));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io {
            path: name.to_string(),
            cause: e,
        })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: name.to_string(),
            limit,
        });
    }
    Ok(bytes)
}

/// The most a buffer is sized for up front, whatever the limit.
fn cap(limit: u64) -> usize {
    usize::try_from(limit).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_device_stops_at_the_limit() {
        let e = read_file(Path::new("/dev/zero"), 1000, Kinds::AnyReadable).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { limit: 1000, .. }), "{e}");
        assert_eq!(
            e.to_string(),
            "/dev/zero is larger than the limit of 1000 bytes"
        );
    }

    #[test]
    fn a_device_is_refused_where_only_files_will_do() {
        let e = read_file(Path::new("/dev/zero"), 1000, Kinds::RegularOnly).unwrap_err();
        assert!(matches!(e, ReadError::NotRegular(_)), "{e}");
        assert_eq!(e.into_io().to_string(), "not a regular file");
    }

    #[test]
    fn a_file_at_the_limit_is_read_and_one_byte_more_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_file(&p, 5, Kinds::RegularOnly).unwrap(), b"12345");
        let e = read_file(&p, 4, Kinds::RegularOnly).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { limit: 4, .. }), "{e}");
        // a stream has no size to check first: the bytes read decide
        let e = read_to_limit(&b"12345"[..], "<stdin>", 4, 0).unwrap_err();
        assert_eq!(e.to_string(), "<stdin> is larger than the limit of 4 bytes");
    }

    #[test]
    fn missing_and_directory_say_so_once() {
        let e = read_file(Path::new("/no/such/file"), 10, Kinds::AnyReadable).unwrap_err();
        assert_eq!(e.to_string(), "/no/such/file: no such file");
        let dir = tempfile::tempdir().unwrap();
        let e = read_file(dir.path(), 10, Kinds::AnyReadable).unwrap_err();
        assert!(matches!(e, ReadError::IsDirectory(_)), "{e}");
        assert!(std::error::Error::source(&e).is_none());
    }
}
