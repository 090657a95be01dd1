//! The files parley names itself — the journal, the lock, the reading places, the
//! temporary file of a save — as against the article and the store, which the user
//! names. Anything may have been put at such a name: a link to the article, a FIFO,
//! a device, another user's file, a file of the user's own that happens to be called
//! `Cargo.lock`. So a file found there is opened without following a link
//! (`O_NOFOLLOW`) and without waiting for a FIFO's writer (`O_NONBLOCK`), and used only
//! when it is a regular file with one name, owned by this user; a new one is made only
//! where nothing is (`O_EXCL`); it is read up to a limit; and it is removed only while
//! its name still holds the file parley has open.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// How a file found at one of parley's names is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// To read it.
    Read,
    /// To read and rewrite it (the lock).
    ReadWrite,
    /// To add to its end (the journal).
    Append,
}

/// Opens the file at `path` if there is one (`Ok(None)` when there is none). A
/// directory, FIFO, device or socket is refused without being opened; so is a link,
/// a file with other names (a hard link to the article, say) or another user's file.
/// The open itself never follows a link nor waits on a FIFO, and what was opened is
/// checked again, in case the name was changed in between.
pub fn open(path: &Path, access: Access) -> io::Result<Option<File>> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
        Ok(meta) => usable(&meta)?,
    }
    let mut options = OpenOptions::new();
    match access {
        Access::Read => options.read(true),
        Access::ReadWrite => options.read(true).write(true),
        Access::Append => options.append(true),
    };
    let file = match guarded(&mut options).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) if is_link_refusal(&e) => return Err(not_parleys("is a symbolic link")),
        Err(e) => return Err(e),
    };
    usable(&file.metadata()?)?;
    Ok(Some(file))
}

/// Makes a new file at `path`, readable and writable by its owner only: never an
/// existing file, never through a link (an `EEXIST` error when anything is there).
pub fn create(path: &Path) -> io::Result<File> {
    create_with_mode(path, 0o600)
}

/// [`create`] with the permissions the user's umask gives a new file: for the
/// temporary file that becomes a store, which others may be meant to read.
pub fn create_shared(path: &Path) -> io::Result<File> {
    create_with_mode(path, 0o666)
}

fn create_with_mode(path: &Path, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    guarded(&mut options).open(path)
}

/// Reads an opened file of at most `limit` bytes: one whose size is already over is
/// refused before anything is read, and no more than one byte past the limit is ever
/// read from one that grows.
pub fn read_to_limit(file: &mut File, limit: u64) -> io::Result<Vec<u8>> {
    let size = file.metadata()?.len();
    if size > limit {
        return Err(too_large(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

fn too_large(limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!("larger than the limit of {limit} bytes"),
    )
}

/// Removes `path` if it still names the file `file` has open; a file put there since
/// (or anything else) is left alone.
pub fn remove(path: &Path, file: &File) -> io::Result<()> {
    if is_at(file, path) {
        match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// True when `path` names the file `file` has open (not through a link).
pub fn is_at(file: &File, path: &Path) -> bool {
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

/// Whether a file found at one of parley's names may be used, and if not, why.
#[cfg(unix)]
pub fn usable(meta: &Metadata) -> io::Result<()> {
    usable_by(meta, rustix::process::geteuid().as_raw())
}

/// Whether a file found at one of parley's names may be used, and if not, why.
#[cfg(not(unix))]
pub fn usable(meta: &Metadata) -> io::Result<()> {
    plain(meta)
}

/// [`usable`] for the user `uid` (a parameter, so that a test can be another user
/// without the privilege to give a file away).
#[cfg(unix)]
fn usable_by(meta: &Metadata, uid: u32) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    plain(meta)?;
    if meta.nlink() > 1 {
        return Err(not_parleys("has other names (hard links)"));
    }
    if meta.uid() != uid {
        return Err(not_parleys("belongs to another user"));
    }
    Ok(())
}

/// Whether what is at one of parley's names is a plain file: neither a link nor a
/// directory, FIFO, device or socket.
pub fn plain(meta: &Metadata) -> io::Result<()> {
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(not_parleys("is a symbolic link"));
    }
    if !kind.is_file() {
        let what = kind_of(&kind);
        return Err(not_parleys(&format!("is a {what}")));
    }
    Ok(())
}

/// What a file that is not a regular file is, for messages ("FIFO", "device").
pub fn kind_of(t: &fs::FileType) -> &'static str {
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

/// The error for a file parley did not make, which it leaves alone.
fn not_parleys(why: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{why}, so it is not one of parley's files; left alone"),
    )
}

/// `O_NOFOLLOW` makes the open of a link fail with `ELOOP` (or `EMLINK` on some BSDs).
fn is_link_refusal(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        let raw = e.raw_os_error();
        raw == Some(rustix::io::Errno::LOOP.raw_os_error())
            || raw == Some(rustix::io::Errno::MLINK.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// No link followed, no wait for a FIFO's other end, no terminal taken as the
/// controlling one.
fn guarded(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let flags = OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY;
        options.custom_flags(flags.bits() as i32);
    }
    options
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_fifo_a_link_and_a_hard_link_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        for access in [Access::Read, Access::ReadWrite, Access::Append] {
            let e = open(&fifo, access).unwrap_err();
            assert!(e.to_string().contains("is a FIFO"), "{e}");
        }
        let article = dir.path().join("talks.txt");
        fs::write(&article, "the article").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&article, &link).unwrap();
        let e = open(&link, Access::ReadWrite).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        let hard = dir.path().join("hard");
        fs::hard_link(&article, &hard).unwrap();
        let e = open(&hard, Access::ReadWrite).unwrap_err();
        assert!(e.to_string().contains("hard links"), "{e}");
        assert!(create(&hard).is_err(), "never made over an existing file");
        assert!(create(&link).is_err(), "nor through a link");
        assert_eq!(fs::read(&article).unwrap(), b"the article");
        let e = open(Path::new("/dev/null"), Access::Read).unwrap_err();
        assert!(e.to_string().contains("device"), "{e}");
    }

    #[test]
    fn another_users_file_is_refused_and_ones_own_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("talks.parley.toml.journal");
        fs::write(&journal, "{\"parley_journal\":1,\"base\":\"\"}\n").unwrap();
        let meta = fs::symlink_metadata(&journal).unwrap();
        let me = rustix::process::geteuid().as_raw();
        assert!(usable_by(&meta, me).is_ok());
        let e = usable_by(&meta, me.wrapping_add(1)).unwrap_err();
        assert!(e.to_string().contains("belongs to another user"), "{e}");
        assert!(e.to_string().contains("left alone"), "{e}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big");
        let f = File::create(&p).unwrap();
        f.set_len(1 << 40).unwrap(); // sparse: a terabyte that costs nothing
        drop(f);
        let mut f = open(&p, Access::Read).unwrap().unwrap();
        let e = read_to_limit(&mut f, 1000).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        let mut small = create(&dir.path().join("small")).unwrap();
        small.write_all(b"12345").unwrap();
        let mut f = open(&dir.path().join("small"), Access::Read)
            .unwrap()
            .unwrap();
        assert_eq!(read_to_limit(&mut f, 5).unwrap(), b"12345");
    }

    #[test]
    fn removal_leaves_a_file_put_in_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("journal");
        let mine = create(&p).unwrap();
        fs::rename(&p, dir.path().join("moved")).unwrap();
        fs::write(&p, "someone else's").unwrap();
        remove(&p, &mine).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"someone else's");
        let again = open(&p, Access::Read).unwrap().unwrap();
        remove(&p, &again).unwrap();
        assert!(!p.exists());
    }
}
