//! Safe file writing: atomic replace (temp file in the same directory, fsync, rename,
//! fsync the directory), permissions kept, symlinks written through, and the identity of
//! a file on disk (size, mtime, hash) to notice when someone else changed it.

use crate::article::sha256_hex;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// What a file looked like when we last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    /// There was no file.
    Absent,
    /// A file with this size, modification time and SHA-256.
    Present {
        /// Length in bytes.
        size: u64,
        /// Modification time, when the file system has one.
        mtime: Option<SystemTime>,
        /// Lower-case hex SHA-256 of the contents.
        sha256: String,
    },
}

impl FileState {
    /// The state of a file whose contents we hold.
    pub fn of_bytes(path: &Path, bytes: &[u8]) -> FileState {
        match fs::metadata(path) {
            Ok(meta) => FileState::Present {
                size: meta.len(),
                mtime: meta.modified().ok(),
                sha256: sha256_hex(bytes),
            },
            Err(_) => FileState::Absent,
        }
    }

    /// The hash of the contents, or "" for no file.
    pub fn sha256(&self) -> &str {
        match self {
            FileState::Absent => "",
            FileState::Present { sha256, .. } => sha256,
        }
    }

    /// True when the file at `path` is no longer what this state recorded. Size and
    /// mtime decide cheaply; when they match the contents are hashed anyway, because a
    /// quick rewrite can keep both.
    pub fn changed_on_disk(&self, path: &Path) -> io::Result<bool> {
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(*self != FileState::Absent);
            }
            Err(e) => return Err(e),
        };
        match self {
            FileState::Absent => Ok(true),
            FileState::Present { size, sha256, .. } => {
                if meta.len() != *size {
                    return Ok(true);
                }
                // a regular file of that size only: a FIFO put there is not waited on
                let kinds = crate::article::bounded::Kinds::RegularOnly;
                match crate::article::bounded::read_file(path, *size, kinds) {
                    Ok(bytes) => Ok(sha256_hex(&bytes) != *sha256),
                    Err(crate::article::bounded::ReadError::TooLarge { .. }) => Ok(true),
                    Err(e) => Err(e.into_io()),
                }
            }
        }
    }
}

/// The file a write to `path` really changes: a symlink's final target, else `path`.
pub fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces `path` with `bytes` so that a crash at any moment leaves either the old or
/// the new contents, never a mixture. A symlink is written through to its target; the
/// target's permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve_target(path)?;
    replace(&target, bytes)
}

/// [`write_atomic`] for a file parley names itself (the reading places): whatever is
/// at `path` must be one of parley's files ([`super::owned::usable`]), and a link there
/// is refused, never followed.
pub fn replace_owned(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(file) = super::owned::open(path, super::owned::Access::Read)? {
        drop(file);
    }
    replace(path, bytes)
}

/// [`write_atomic`] for a file parley names in a folder a team shares (the marks of a
/// corpus): the name itself is replaced, never a link's target, and a link or
/// anything else that is not a plain file there is refused ([`super::owned::plain`]).
/// Whose file it was does not matter: a teammate's is as good as one's own.
pub fn replace_name(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) => super::owned::plain(&meta)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    replace(path, bytes)
}

/// A new temporary file beside `path` (`.NAME.tmpPID-N`), made with `O_EXCL` under
/// a name no other write of this process uses; a name something else already holds
/// is passed over, never opened.
pub fn create_temp_beside(path: &Path) -> io::Result<(PathBuf, File)> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?
        .to_string_lossy();
    let dir = folder(path);
    let mut tries = 0;
    loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.tmp{}-{n}", std::process::id()));
        match super::owned::create_shared(&temp) {
            // a name someone else holds (a link planted there, say): the next one
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 16 => tries += 1,
            other => return other.map(|file| (temp, file)),
        }
    }
}

/// The folder `path` is in: "." for a bare name.
fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes a temporary file beside `target` (a name no other save uses: this process's
/// id and a counter, made with `O_EXCL`), syncs it and renames it over `target`.
fn replace(target: &Path, bytes: &[u8]) -> io::Result<()> {
    // made new (O_EXCL), so what is removed after a failure is only ever this file
    let (temp, mut file) = create_temp_beside(target)?;
    let dir = folder(target);
    let result = fill_and_rename(&mut file, target, &temp, &dir, bytes);
    if result.is_err() {
        let _ = super::owned::remove(&temp, &file);
    }
    result
}

fn fill_and_rename(
    file: &mut File,
    target: &Path,
    temp: &Path,
    dir: &Path,
    bytes: &[u8],
) -> io::Result<()> {
    file.write_all(bytes)?;
    if let Ok(meta) = fs::metadata(target) {
        file.set_permissions(meta.permissions())?;
    }
    file.sync_all()?;
    fs::rename(temp, target)?;
    sync_dir(dir)
}

/// Renames `from` to `to` unless something is at `to`, in one step that no other
/// process can come between: `Some(true)` when renamed, `Some(false)` when a file was
/// there (it is left as it is), `None` when the file system cannot rename so
/// (`RENAME_NOREPLACE`), for the caller to choose another way.
pub fn rename_unless_taken(from: &Path, to: &Path) -> io::Result<Option<bool>> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => Ok(Some(true)),
            Err(e) if e == rustix::io::Errno::EXIST => Ok(Some(false)),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        let _ = (from, to);
        Ok(None)
    }
}

/// Flushes a directory entry change (a rename) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.parley.toml");
        fs::write(&p, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        }
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&p).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn file_state_notices_changes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        assert!(!FileState::Absent.changed_on_disk(&p).unwrap());
        fs::write(&p, "abc").unwrap();
        assert!(FileState::Absent.changed_on_disk(&p).unwrap());
        let st = FileState::of_bytes(&p, b"abc");
        assert!(!st.changed_on_disk(&p).unwrap());
        fs::write(&p, "abd").unwrap();
        assert!(
            st.changed_on_disk(&p).unwrap(),
            "same size, same second, other bytes"
        );
        fs::remove_file(&p).unwrap();
        assert!(st.changed_on_disk(&p).unwrap());
    }

    const CHILD_ENV: &str = "PARLEY_CRASH_CHILD";

    /// Not a test: the process `kill_during_save_leaves_old_or_new` kills, run by it
    /// (this test binary again) with `PARLEY_CRASH_CHILD` set to the file to hammer.
    #[test]
    #[ignore = "a child process, run by kill_during_save_leaves_old_or_new"]
    fn child_process_for_kill_during_save() {
        let path = std::env::var_os(CHILD_ENV).unwrap_or_else(|| {
            panic!("not a test: a child process its parent runs with {CHILD_ENV} set")
        });
        let path = PathBuf::from(path);
        let (a, b) = crash_versions();
        let mut n = 0u64;
        loop {
            let bytes = if n % 2 == 0 { &b } else { &a };
            write_atomic(&path, bytes).unwrap();
            n += 1;
            if n == 1 {
                println!("ready");
            }
        }
    }

    fn crash_versions() -> (Vec<u8>, Vec<u8>) {
        // Large enough that a write takes several syscalls.
        let a = "version = 1 # old\n".repeat(20_000).into_bytes();
        let b = "version = 1 # new, longer\n".repeat(30_000).into_bytes();
        (a, b)
    }

    #[cfg(unix)]
    #[test]
    fn kill_during_save_leaves_old_or_new() {
        use std::io::{BufRead, BufReader};
        use std::process::{Command, Stdio};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("crash.parley.toml");
        let (a, b) = crash_versions();
        fs::write(&path, &a).unwrap();
        let exe = std::env::current_exe().unwrap();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        // 200 by default; PARLEY_CRASH_KILLS=1000 for the figures in docs/RELIABILITY.md
        let kills: usize = std::env::var("PARLEY_CRASH_KILLS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200);
        for _ in 0..kills {
            let mut child = Command::new(&exe)
                .args([
                    "--ignored",
                    "--exact",
                    "store::fsio::tests::child_process_for_kill_during_save",
                ])
                .arg("--nocapture")
                .args(["--test-threads", "1"])
                .env(CHILD_ENV, &path)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            // Wait until it has saved once, so every kill lands in the save loop.
            let mut line = String::new();
            let mut out = BufReader::new(child.stdout.take().unwrap());
            while !line.contains("ready") {
                line.clear();
                let read = out.read_line(&mut line).unwrap();
                assert!(read > 0, "the child process ended before its first save");
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            std::thread::sleep(std::time::Duration::from_micros(seed % 3000));
            child.kill().unwrap();
            child.wait().unwrap();
            let now = fs::read(&path).unwrap();
            assert!(now == a || now == b, "torn store: {} bytes", now.len());
        }
        // Temp files left behind show that kills landed in the middle of saves.
        let torn_saves = fs::read_dir(dir.path()).unwrap().count() - 1;
        eprintln!(
            "{torn_saves} of {kills} kills interrupted a save between its temp file and the rename"
        );
        assert!(torn_saves > 0, "no kill landed inside a save");
    }
}
