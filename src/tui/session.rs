//! The reading position and marks of each article, remembered between runs in the
//! XDG state directory, keyed by the article's hash.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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

/// Where the article with this hash was left, if it was read before.
pub fn load(path: &Path, sha: &str) -> Option<Place> {
    let text = std::fs::read_to_string(path).ok()?;
    let places: Places = toml::from_str(&text).ok()?;
    places.article.get(sha).cloned()
}

/// Remembers where an article was left. Failures are returned, never fatal.
pub fn save(path: &Path, sha: &str, mut place: Place) -> std::io::Result<()> {
    let mut places: Places = std::fs::read_to_string(path)
        .ok()
        .and_then(|t| toml::from_str(&t).ok())
        .unwrap_or_default();
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
    let text = toml::to_string(&places).map_err(std::io::Error::other)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
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
}
