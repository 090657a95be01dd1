//! The article: loaded once, normalised, and its structure recognised.

mod normalize;
mod structure;

pub use normalize::{TAB_WIDTH, Warning, normalize, normalize_vec, sanitize_inline};
pub use structure::{
    Paragraph, Structure, analyze, dateline_len, paragraph_ranges, split_sentences,
};

use sha2::{Digest, Sha256};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The article the project ships with, shown when no file is given.
pub const BUNDLED: &str = include_str!("../../assets/articles/us-cuba-migration-talks.txt");
/// The name the bundled article goes by in stores and the status bar.
pub const BUNDLED_NAME: &str = "assets/articles/us-cuba-migration-talks.txt";
/// Default refusal size for articles (bytes).
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;
/// How much of a large file the reader reads before its first screen.
pub const HEAD_BYTES: usize = 128 * 1024;

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
    /// The normalised text; every offset in parley points into it. Shared, so the
    /// store and the reader's worker hold it without copies.
    pub text: Arc<String>,
    /// What normalisation changed.
    pub warnings: Vec<Warning>,
    /// Title, dateline, paragraphs, sentences, byline.
    pub structure: Structure,
    /// `sha256()`, worked out on first use (the store and the detector both ask).
    sha: std::sync::OnceLock<String>,
}

impl Article {
    /// Builds an article from raw bytes.
    pub fn from_bytes(source: Source, bytes: &[u8]) -> Article {
        Article::from_normalized(source, normalize(bytes))
    }

    /// Builds an article from an owned buffer, without copying text that is already clean.
    pub fn from_vec(source: Source, bytes: Vec<u8>) -> Article {
        Article::from_normalized(source, normalize_vec(bytes))
    }

    fn from_normalized(source: Source, n: normalize::Normalized) -> Article {
        let structure = analyze(&n.text);
        Article {
            source,
            text: Arc::new(n.text),
            warnings: n.warnings,
            structure,
            sha: std::sync::OnceLock::new(),
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
            Source::Stdin => read_limited(std::io::stdin().lock(), "<stdin>", max_bytes, 0)?,
            Source::File(path) => read_file(path, max_bytes)?,
        };
        Ok(Article::from_vec(source, bytes))
    }

    /// Loads for the reader: a file more than twice [`HEAD_BYTES`] long gives only its
    /// start, cut after a line break, so that the first screen need not wait for the
    /// whole file; [`Article::load`] then reads all of it. Errors are those of `load`.
    pub fn load_head(source: Source, max_bytes: u64) -> Result<Opening, LoadError> {
        let Source::File(path) = &source else {
            let article = Article::load(source, max_bytes)?;
            let size = article.text.len() as u64;
            return Ok(Opening {
                article,
                complete: true,
                size,
            });
        };
        let (file, name, size) = open_file(path, max_bytes)?;
        let hint = usize::try_from(size).unwrap_or(usize::MAX);
        if hint <= 2 * HEAD_BYTES {
            let bytes = read_limited(file, &name, max_bytes, hint)?;
            return Ok(Opening {
                article: Article::from_vec(source, bytes),
                complete: true,
                size,
            });
        }
        let mut bytes = Vec::with_capacity(HEAD_BYTES);
        file.take(HEAD_BYTES as u64)
            .read_to_end(&mut bytes)
            .map_err(|e| LoadError::Io {
                path: name.clone(),
                source: e,
            })?;
        // a file that shrank since it was measured has been read whole
        let complete = bytes.len() < HEAD_BYTES;
        if !complete {
            bytes.truncate(head_cut(&bytes));
        }
        let mut article = Article::from_vec(source, bytes);
        if !complete {
            // the last paragraph read is not the article's last
            article.structure.byline = None;
        }
        Ok(Opening {
            article,
            complete,
            size,
        })
    }

    /// The SHA-256 of the normalised text, in lower-case hex.
    pub fn sha256(&self) -> &str {
        self.sha.get_or_init(|| sha256_hex(self.text.as_bytes()))
    }

    /// The headline, or "" when there is none.
    pub fn title(&self) -> &str {
        self.structure.title.clone().map_or("", |r| &self.text[r])
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
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

/// What the reader opens first: the article, or the start of it.
#[derive(Debug)]
pub struct Opening {
    /// The article, or its first [`HEAD_BYTES`] cut after a line break.
    pub article: Article,
    /// Whether `article` is the whole of it.
    pub complete: bool,
    /// The size of the source in bytes (before normalisation).
    pub size: u64,
}

/// Where to cut the start of a file so that the part normalises exactly as it would
/// inside the whole: after the last line break, else before the last character (which
/// may be incomplete).
fn head_cut(bytes: &[u8]) -> usize {
    if let Some(i) = bytes.iter().rposition(|&b| b == b'\n') {
        return i + 1;
    }
    bytes
        .iter()
        .rposition(|&b| b & 0xC0 != 0x80)
        .unwrap_or(bytes.len())
}

fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    let (file, name, size) = open_file(path, max_bytes)?;
    // the file's size as the buffer's, so a 10 MB article costs 10 MB, not 16
    let hint = usize::try_from(size).unwrap_or(0);
    read_limited(file, &name, max_bytes, hint)
}

/// Opens a file to read after checking it is one and not over the limit; gives the
/// file, its printable name and its size.
fn open_file(path: &Path, max_bytes: u64) -> Result<(std::fs::File, String, u64), LoadError> {
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
    Ok((file, name, meta.len()))
}

/// Reads at most `max_bytes`; one byte more is an error (files can grow, pipes have no size).
fn read_limited(
    reader: impl Read,
    name: &str,
    max_bytes: u64,
    size_hint: usize,
) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::with_capacity(size_hint.saturating_add(1));
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
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé d", 7), (2, 4));
    }

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
        let first = s.sentences_of(&a.text, 0)[0].clone();
        assert!(a.text[first].starts_with("U.S. and Cuban officials on Tuesday"));
        // "Cuba said it repeated … shores. The so-called …" is two sentences.
        let p10 = s.sentences_of(&a.text, 9);
        assert_eq!(p10.len(), 2);
        assert!(a.text[p10[1].clone()].starts_with("The so-called"));
        assert_eq!(s.sentences(&a.text).count(), 16);
        assert!(s.sentences_of(&a.text, 99).is_empty());
    }

    #[test]
    fn sha256_is_of_the_normalised_text_and_kept() {
        // CRLF and a BOM normalise away, so the digest is not the raw bytes'
        let a = Article::from_bytes(Source::Stdin, b"\xef\xbb\xbfA title\r\n\r\nA body.\r\n");
        let expected = sha256_hex(a.text.as_bytes());
        assert_ne!(
            expected,
            sha256_hex(b"\xef\xbb\xbfA title\r\n\r\nA body.\r\n")
        );
        assert_eq!(a.sha256(), expected);
        assert_eq!(a.sha256(), expected, "asked again");
        assert_eq!(a.clone().sha256(), expected, "a copy keeps it");
    }

    #[test]
    fn bundled_article_is_byte_identical_to_the_asset() {
        assert_eq!(&*Article::bundled().text, BUNDLED);
    }

    #[test]
    fn missing_and_directory_errors() {
        let e = Article::load(Source::File("/no/such/file.txt".into()), 10).unwrap_err();
        assert!(matches!(e, LoadError::NotFound(_)), "{e}");
        let e = Article::load(Source::File(std::env::temp_dir()), 10).unwrap_err();
        assert!(matches!(e, LoadError::IsDirectory(_)), "{e}");
    }

    #[test]
    fn a_large_file_opens_with_its_start() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        let mut text = String::from("A headline\n\n");
        let mut n = 0;
        while text.len() < 3 * HEAD_BYTES {
            text.push_str(&format!("Paragraph {n} said “quoted words” here.\r\n\r\n"));
            n += 1;
        }
        text.push_str("Reporting by Someone; Editing by Someone Else\n");
        std::fs::write(&p, &text).unwrap();
        let head = Article::load_head(Source::File(p.clone()), 1 << 30).unwrap();
        assert!(!head.complete);
        assert_eq!(head.size, text.len() as u64);
        assert!(head.article.text.len() <= HEAD_BYTES);
        assert_eq!(head.article.title(), "A headline");
        assert_eq!(head.article.structure.byline, None);
        let full = Article::load(Source::File(p.clone()), 1 << 30).unwrap();
        assert!(full.text.starts_with(head.article.text.as_str()));
        assert!(full.structure.byline.is_some());
        // every paragraph of the start but the last is one of the whole's
        let h = &head.article.structure.paragraphs;
        for (a, b) in h.iter().zip(&full.structure.paragraphs).take(h.len() - 1) {
            assert_eq!(a.range, b.range);
        }
        // too large is refused before anything is read
        let e = Article::load_head(Source::File(p), 10).unwrap_err();
        assert!(matches!(e, LoadError::TooLarge { .. }), "{e}");
    }

    #[test]
    fn a_small_file_opens_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("small.txt");
        std::fs::write(&p, BUNDLED).unwrap();
        let o = Article::load_head(Source::File(p), 1 << 30).unwrap();
        assert!(o.complete);
        assert_eq!(o.article.text.as_str(), BUNDLED);
        assert_eq!(o.size, BUNDLED.len() as u64);
        let o = Article::load_head(Source::Bundled, 1 << 30).unwrap();
        assert!(o.complete);
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
            .cloned()
            .chain(s.sentences(t));
        for r in ranges {
            assert!(r.start <= r.end && r.end <= t.len(), "{r:?}");
            assert!(
                t.is_char_boundary(r.start) && t.is_char_boundary(r.end),
                "{r:?}"
            );
        }
        for (i, p) in s.paragraphs.iter().enumerate() {
            for sen in s.sentences_of(t, i) {
                assert!(p.range.start <= sen.start && sen.end <= p.range.end);
            }
        }
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_normalise_safely(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            check(&Article::from_bytes(Source::Stdin, &bytes));
        }

        /// The start of a file, cut where the reader cuts it, normalises to the start
        /// of the whole file's text, so offsets in it stay valid when the rest arrives.
        #[test]
        fn the_start_of_a_file_is_a_prefix_of_the_whole(
            bytes in proptest::collection::vec(
                prop_oneof![any::<u8>(), Just(b'\n'), Just(b'\r'), Just(b'\t'), Just(0x1b), Just(b'a')],
                0..400,
            ),
            cut in 0usize..400,
        ) {
            let whole = normalize(&bytes).text;
            let start = &bytes[..cut.min(bytes.len())];
            let part = normalize(&start[..head_cut(start)]).text;
            prop_assert!(whole.starts_with(&part), "{part:?} / {whole:?}");
        }

        #[test]
        fn newsy_text_normalises_safely(s in "[A-Za-z .,!?\"“”‘’'\\-\n\t\u{1b}\\[\\]()é漢👩\u{202E}]{0,400}") {
            check(&Article::from_bytes(Source::Stdin, s.as_bytes()));
        }
    }
}
