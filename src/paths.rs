//! Where parley keeps its files when the user names none: the configuration, the
//! stores of articles that have no file of their own, and the reading places. Each
//! path is made here and nowhere else.

use std::path::{Path, PathBuf};

/// The XDG directories of parley.
fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "parley")
}

/// The configuration file read when neither `--config` nor `$PARLEY_CONFIG` is set.
pub fn config_file() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// The store of an article without a file (the bundled one, standard input), keyed by
/// the hash of its text.
pub fn store_for_hash(sha256: &str) -> Option<PathBuf> {
    project_dirs().map(|d| {
        d.data_dir()
            .join("stores")
            .join(format!("{sha256}.parley.toml"))
    })
}

/// The file the reading places of every article are kept in (the XDG state
/// directory, or the local data directory where there is none).
pub fn reading_places() -> Option<PathBuf> {
    let dirs = project_dirs()?;
    let dir = dirs
        .state_dir()
        .map_or_else(|| dirs.data_local_dir().to_path_buf(), Path::to_path_buf);
    Some(dir.join("reading.toml"))
}
