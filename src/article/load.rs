//! Loading an article from a file or standard input: bounded in size, binary files
//! refused, and a large file's start given first so the reader need not wait.

use super::bounded::{self, Kinds, ReadError};
use super::{Article, Source, decode};
use std::io::{Cursor, Read};

/// How much of a large file the reader reads before its first screen.
pub const HEAD_BYTES: usize = 128 * 1024;

/// Why an article could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Missing, a directory, or unreadable.
    #[error(transparent)]
    Read(ReadError),
    /// The input is bigger than the configured limit.
    #[error(
        "{path} is larger than the limit of {limit} bytes (raise limits.max_article_bytes in the config)"
    )]
    TooLarge {
        /// The input.
        path: String,
        /// The limit.
        limit: u64,
    },
    /// The start of the input is not text (as `less` warns).
    #[error("{0} may be a binary file; parley reads text only")]
    Binary(String),
}

impl From<ReadError> for LoadError {
    fn from(e: ReadError) -> LoadError {
        match e {
            ReadError::TooLarge { path, limit } => LoadError::TooLarge { path, limit },
            other => LoadError::Read(other),
        }
    }
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
    /// The rest, when `article` is only the start: read from the file already open.
    pub rest: Option<Rest>,
}

/// The rest of a large file the reader opened on its start: the open file and what
/// was read of it. The whole article is read from this handle, never by the path
/// again, so a file renamed, replaced or removed while it loads changes nothing.
#[derive(Debug)]
pub struct Rest {
    file: std::fs::File,
    /// The bytes read so far (more than the start shown, which is cut at a line).
    head: Vec<u8>,
    source: Source,
    size: u64,
}

impl Rest {
    /// Reads the rest of the file and gives the whole article.
    pub fn read(self, max_bytes: u64) -> Result<Article, LoadError> {
        let Source::File(path) = &self.source else {
            return Err(LoadError::Read(ReadError::NotFound(
                self.source.to_string(),
            )));
        };
        let name = bounded::display_name(path);
        let hint = usize::try_from(self.size).unwrap_or(0);
        let whole = Cursor::new(self.head).chain(self.file);
        let bytes = bounded::read_to_limit(whole, &name, max_bytes, hint)?;
        Ok(Article::from_vec(self.source, bytes))
    }
}

impl Opening {
    /// Whether the article has no text at all (an empty or blank file), so the reader
    /// can say so instead of showing an empty screen.
    pub fn is_empty(&self) -> bool {
        self.complete && self.article.is_empty()
    }
}

impl Article {
    /// Loads from a source, refusing inputs over `max_bytes` and binary files.
    pub fn load(source: Source, max_bytes: u64) -> Result<Article, LoadError> {
        let bytes = match &source {
            Source::Bundled => return Ok(Article::bundled()),
            Source::Stdin => read_text(std::io::stdin().lock(), "<stdin>", max_bytes, 0)?,
            Source::File(path) => {
                let (file, size) = bounded::open(path, max_bytes, Kinds::AnyReadable)?;
                let hint = usize::try_from(size).unwrap_or(0);
                read_text(file, &bounded::display_name(path), max_bytes, hint)?
            }
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
                rest: None,
            });
        };
        let (mut file, size) = bounded::open(path, max_bytes, Kinds::AnyReadable)?;
        let name = bounded::display_name(path);
        let hint = usize::try_from(size).unwrap_or(usize::MAX);
        if hint <= 2 * HEAD_BYTES {
            let bytes = read_text(file, &name, max_bytes, hint)?;
            return Ok(whole(source, bytes, size));
        }
        let mut bytes = Vec::with_capacity(HEAD_BYTES);
        read_some(&mut file, &name, HEAD_BYTES, &mut bytes)?;
        refuse_binary(&bytes, &name)?;
        // a file that shrank since it was measured has been read whole
        if bytes.len() < HEAD_BYTES {
            return Ok(whole(source, bytes, size));
        }
        if decode::utf16_order(&bytes).is_some() || super::may_be_markup(Some(path), &bytes) {
            // a UTF-16 file's line breaks are two bytes wide, and the text of a page or
            // of Markdown is made from all of it: read it whole rather than cut it
            let rest =
                bounded::read_to_limit(Cursor::new(bytes).chain(file), &name, max_bytes, hint)?;
            return Ok(whole(source, rest, size));
        }
        let mut article = Article::from_vec(source.clone(), bytes[..head_cut(&bytes)].to_vec());
        // the last paragraph read is not the article's last
        article.structure.byline = None;
        Ok(Opening {
            article,
            complete: false,
            size,
            rest: Some(Rest {
                file,
                head: bytes,
                source,
                size,
            }),
        })
    }
}

fn whole(source: Source, bytes: Vec<u8>, size: u64) -> Opening {
    Opening {
        article: Article::from_vec(source, bytes),
        complete: true,
        size,
        rest: None,
    }
}

/// How much of an input is looked at to tell text from binary.
const SNIFF_BYTES: usize = 8 * 1024;

/// Reads a whole input of at most `limit` bytes, refusing it as soon as its start
/// looks binary (so `/dev/zero` is refused at once, not after the limit's worth).
fn read_text(
    mut reader: impl Read,
    name: &str,
    limit: u64,
    hint: usize,
) -> Result<Vec<u8>, LoadError> {
    let mut head = Vec::with_capacity(SNIFF_BYTES.min(hint.saturating_add(1)));
    read_some(&mut reader, name, SNIFF_BYTES, &mut head)?;
    refuse_binary(&head, name)?;
    Ok(bounded::read_to_limit(
        Cursor::new(head).chain(reader),
        name,
        limit,
        hint,
    )?)
}

/// Reads up to `n` bytes (fewer only at the end of the input).
fn read_some(
    reader: &mut impl Read,
    name: &str,
    n: usize,
    into: &mut Vec<u8>,
) -> Result<(), LoadError> {
    reader
        .take(n as u64)
        .read_to_end(into)
        .map(drop)
        .map_err(|cause| {
            LoadError::Read(ReadError::Io {
                path: name.to_string(),
                cause,
            })
        })
}

/// Refuses an input whose first [`SNIFF_BYTES`] look binary.
fn refuse_binary(head: &[u8], name: &str) -> Result<(), LoadError> {
    if decode::looks_binary(&head[..head.len().min(SNIFF_BYTES)]) {
        return Err(LoadError::Binary(name.to_string()));
    }
    Ok(())
}

/// Where to cut the start of a file so that the part normalises exactly as it would
/// inside the whole: after the last line break, else before the last character (which
/// may be incomplete).
pub(super) fn head_cut(bytes: &[u8]) -> usize {
    if let Some(i) = memchr::memrchr(b'\n', bytes) {
        return i + 1;
    }
    bytes
        .iter()
        .rposition(|&b| b & 0xC0 != 0x80)
        .unwrap_or(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::super::BUNDLED;
    use super::*;

    #[test]
    fn missing_and_directory_errors() {
        let e = Article::load(Source::File("/no/such/file.txt".into()), 10).unwrap_err();
        assert!(matches!(e, LoadError::Read(ReadError::NotFound(_))), "{e}");
        let e = Article::load(Source::File(std::env::temp_dir()), 10).unwrap_err();
        assert!(
            matches!(e, LoadError::Read(ReadError::IsDirectory(_))),
            "{e}"
        );
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
        assert!(head.rest.is_some());
        assert_eq!(head.size, text.len() as u64);
        assert!(head.article.text.len() <= HEAD_BYTES);
        assert_eq!(head.article.title(), "A headline");
        assert_eq!(head.article.structure.byline, None);
        // the rest comes from the file already open: the name can go meanwhile
        let moved = dir.path().join("moved.txt");
        std::fs::rename(&p, &moved).unwrap();
        std::fs::write(&p, "another file in its place").unwrap();
        let full = head.rest.unwrap().read(1 << 30).unwrap();
        assert_eq!(
            full.source,
            Source::File(p.clone()),
            "still named as opened"
        );
        assert_eq!(
            full.text.len(),
            Article::load(Source::File(moved), 1 << 30)
                .unwrap()
                .text
                .len()
        );
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
    fn a_large_utf16_file_opens_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("wide.txt");
        let text = "A headline\n\n".to_string() + &"Words “said” here.\n\n".repeat(20_000);
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert!(bytes.len() > 2 * HEAD_BYTES);
        std::fs::write(&p, &bytes).unwrap();
        let o = Article::load_head(Source::File(p), 1 << 30).unwrap();
        assert!(o.complete);
        assert_eq!(o.article.text.as_str(), text);
    }

    #[test]
    fn a_large_page_opens_whole_as_its_article() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("page.txt");
        let para = "<p>Dock workers said the ferries must run again before the summer.</p>\n";
        let html = format!(
            "<!DOCTYPE html><html><head><title>Talks</title></head><body><article>{}</article></body></html>",
            para.repeat(3 * HEAD_BYTES / para.len())
        );
        std::fs::write(&p, &html).unwrap();
        let o = Article::load_head(Source::File(p), 1 << 30).unwrap();
        assert!(o.complete);
        assert_eq!(o.article.kind, super::super::Kind::Html);
        assert!(o.article.text.starts_with("Talks\n\nDock workers"));
        assert!(!o.article.text.contains("<p>"));
    }

    #[test]
    fn a_small_file_opens_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("small.txt");
        std::fs::write(&p, BUNDLED).unwrap();
        let o = Article::load_head(Source::File(p), 1 << 30).unwrap();
        assert!(o.complete);
        assert!(!o.is_empty());
        assert_eq!(o.article.text.as_str(), BUNDLED);
        assert_eq!(o.size, BUNDLED.len() as u64);
        let o = Article::load_head(Source::Bundled, 1 << 30).unwrap();
        assert!(o.complete);
    }

    #[test]
    fn an_empty_or_blank_file_opens_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [("empty", &b""[..]), ("blank", b" \n\r\n\t\n")] {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            let o = Article::load_head(Source::File(p), 1 << 30).unwrap();
            assert!(o.is_empty(), "{name}");
            assert!(o.article.warnings.contains(&super::super::Warning::Empty));
        }
    }

    #[test]
    fn too_large_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, vec![b'a'; 100]).unwrap();
        let e = Article::load(Source::File(p), 99).unwrap_err();
        assert!(matches!(e, LoadError::TooLarge { limit: 99, .. }), "{e}");
    }

    #[test]
    fn binary_is_refused_from_its_start() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("talks.bin");
        // an executable's header: NULs between its fields, then more text-like bytes
        let mut bytes = b"\x7fELF\x02\x01\x01".to_vec();
        bytes.extend(std::iter::repeat_n(b"\0\0\x03\0>\0\x01\0\0\0", 20).flatten());
        bytes.extend(std::iter::repeat_n(b'a', 3 * HEAD_BYTES));
        std::fs::write(&p, &bytes).unwrap();
        for e in [
            Article::load(Source::File(p.clone()), 1 << 30).err(),
            Article::load_head(Source::File(p.clone()), 1 << 30).err(),
        ] {
            let e = e.expect("refused");
            assert!(matches!(e, LoadError::Binary(_)), "{e}");
            assert!(
                e.to_string().contains("talks.bin may be a binary file"),
                "{e}"
            );
        }
        // an endless device is refused at once, well before its limit
        let e = Article::load(Source::File("/dev/zero".into()), u64::MAX).err();
        assert!(matches!(e, Some(LoadError::Binary(_))), "{e:?}");
    }
}
