//! The article: loaded once, normalised, and its structure recognised.

mod normalize;
mod structure;

pub use normalize::{TAB_WIDTH, Warning, normalize, sanitize_inline};
pub use structure::{
    Paragraph, Structure, analyze, dateline_len, paragraph_ranges, split_sentences,
};

use sha2::{Digest, Sha256};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The article the project ships with, shown when no file is given.
pub const BUNDLED: &str = include_str!("../../assets/articles/us-cuba-migration-talks.txt");
/// The name the bundled article goes by in stores and the status bar.
pub const BUNDLED_NAME: &str = "assets/articles/us-cuba-migration-talks.txt";
/// Default refusal size for articles (bytes).
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The article embedded in the binary.
    Bundled,
    /// Standard input (`-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Source {
    /// Chooses the source for an optional command-line argument.
    pub fn from_arg(arg: Option<&Path>) -> Source {
        match arg {
            None => Source::Bundled,
            Some(p) if p.as_os_str() == "-" => Source::Stdin,
            Some(p) => Source::File(p.to_path_buf()),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Bundled => f.write_str(BUNDLED_NAME),
            Source::Stdin => f.write_str("<stdin>"),
            Source::File(p) => write!(f, "{}", sanitize_inline(&p.display().to_string())),
        }
    }
}

/// Why an article could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file does not exist.
    #[error("{0}: no such file")]
    NotFound(String),
    /// The path names a directory.
    #[error("{0}: is a directory, not an article")]
    IsDirectory(String),
    /// Reading failed.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The input is bigger than the configured limit.
    #[error(
        "{path}: {size} bytes is more than the limit of {limit} bytes (raise limits.max_article_bytes in the config)"
    )]
    TooLarge {
        /// The file.
        path: String,
        /// Its size, or the bytes read before giving up.
        size: u64,
        /// The limit.
        limit: u64,
    },
}

/// A loaded, normalised article.
#[derive(Debug, Clone)]
pub struct Article {
    /// Where it came from.
    pub source: Source,
    /// The normalised text; every offset in parley points into it.
    pub text: String,
    /// What normalisation changed.
    pub warnings: Vec<Warning>,
    /// Title, dateline, paragraphs, sentences, byline.
    pub structure: Structure,
}

impl Article {
    /// Builds an article from raw bytes.
    pub fn from_bytes(source: Source, bytes: &[u8]) -> Article {
        let n = normalize(bytes);
        let structure = analyze(&n.text);
        Article {
            source,
            text: n.text,
            warnings: n.warnings,
            structure,
        }
    }

    /// The bundled article.
    pub fn bundled() -> Article {
        Article::from_bytes(Source::Bundled, BUNDLED.as_bytes())
    }

    /// Loads from a source, refusing inputs over `max_bytes`.
    pub fn load(source: Source, max_bytes: u64) -> Result<Article, LoadError> {
        let bytes = match &source {
            Source::Bundled => return Ok(Article::bundled()),
            Source::Stdin => read_limited(std::io::stdin().lock(), "<stdin>", max_bytes)?,
            Source::File(path) => read_file(path, max_bytes)?,
        };
        Ok(Article::from_bytes(source, &bytes))
    }

    /// The SHA-256 of the normalised text, in lower-case hex.
    pub fn sha256(&self) -> String {
        sha256_hex(self.text.as_bytes())
    }

    /// The headline, or "" when there is none.
    pub fn title(&self) -> &str {
        self.structure.title.clone().map_or("", |r| &self.text[r])
    }
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    let name = sanitize_inline(&path.display().to_string());
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(name.clone()),
        _ => LoadError::Io {
            path: name.clone(),
            source: e,
        },
    })?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory(name));
    }
    if meta.len() > max_bytes {
        return Err(LoadError::TooLarge {
            path: name,
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| LoadError::Io {
        path: name.clone(),
        source: e,
    })?;
    read_limited(file, &name, max_bytes)
}

/// Reads at most `max_bytes`; one byte more is an error (files can grow, pipes have no size).
fn read_limited(reader: impl Read, name: &str, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Io {
            path: name.to_string(),
            source: e,
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(LoadError::TooLarge {
            path: name.to_string(),
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_article_structure() {
        let a = Article::bundled();
        let s = &a.structure;
        assert_eq!(
            a.title(),
            "U.S., Cuba discuss migration in sign of better ties"
        );
        assert_eq!(
            s.dateline.clone().map(|r| &a.text[r]),
            Some("WASHINGTON (Reuters) -")
        );
        assert_eq!(s.paragraphs.len(), 14);
        assert_eq!(
            s.byline.clone().map(|r| &a.text[r]),
            Some(
                "Reporting by Arshad Mohammed in Washington and Jeff Franks in Havana; Editing by Anthony Boadle"
            )
        );
        assert!(a.warnings.is_empty());
        let first = &s.paragraphs[0].sentences[0];
        assert!(a.text[first.clone()].starts_with("U.S. and Cuban officials on Tuesday"));
        // "Cuba said it repeated … shores. The so-called …" is two sentences.
        let p10 = &s.paragraphs[9];
        assert_eq!(p10.sentences.len(), 2);
        assert!(a.text[p10.sentences[1].clone()].starts_with("The so-called"));
    }

    #[test]
    fn bundled_article_is_byte_identical_to_the_asset() {
        assert_eq!(Article::bundled().text, BUNDLED);
    }

    #[test]
    fn missing_and_directory_errors() {
        let e = Article::load(Source::File("/no/such/file.txt".into()), 10).unwrap_err();
        assert!(matches!(e, LoadError::NotFound(_)), "{e}");
        let e = Article::load(Source::File(std::env::temp_dir()), 10).unwrap_err();
        assert!(matches!(e, LoadError::IsDirectory(_)), "{e}");
    }

    #[test]
    fn too_large_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, vec![b'a'; 100]).unwrap();
        let e = Article::load(Source::File(p), 99).unwrap_err();
        assert!(matches!(e, LoadError::TooLarge { .. }), "{e}");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn check(a: &Article) {
        let t = &a.text;
        assert!(
            !t.chars()
                .any(|c| c == '\u{1b}' || (c.is_control() && c != '\n'))
        );
        assert!(
            !t.chars()
                .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        );
        let s = &a.structure;
        let ranges = s
            .title
            .iter()
            .chain(s.dateline.iter())
            .chain(s.byline.iter())
            .chain(s.paragraphs.iter().map(|p| &p.range))
            .chain(s.sentences());
        for r in ranges {
            assert!(r.start <= r.end && r.end <= t.len(), "{r:?}");
            assert!(
                t.is_char_boundary(r.start) && t.is_char_boundary(r.end),
                "{r:?}"
            );
        }
        for p in &s.paragraphs {
            for sen in &p.sentences {
                assert!(p.range.start <= sen.start && sen.end <= p.range.end);
            }
        }
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_normalise_safely(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            check(&Article::from_bytes(Source::Stdin, &bytes));
        }

        #[test]
        fn newsy_text_normalises_safely(s in "[A-Za-z .,!?\"“”‘’'\\-\n\t\u{1b}\\[\\]()é漢👩\u{202E}]{0,400}") {
            check(&Article::from_bytes(Source::Stdin, s.as_bytes()));
        }
    }
}
