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
    /// The size of the file in bytes, as it was opened.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Reads the rest of the file and gives the whole article (for a page or
    /// Markdown, its text made from the markup).
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

    /// Whether nothing of the article is here yet: the worker makes all of it.
    pub fn is_to_come(&self) -> bool {
        !self.complete && self.article.text.is_empty()
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

    /// Loads for the reader, reading no more than it must before the first screen:
    /// - a web page or Markdown file of more than [`EXTRACT_AT_ONCE_BYTES`] gives
    ///   nothing yet ([`Opening::is_to_come`]): making its text takes a while, so the
    ///   reader leaves it to a worker ([`Rest::read`]) and shows the file's name meanwhile;
    /// - a plain-text file more than twice [`HEAD_BYTES`] long gives only its start, cut
    ///   after a line break, and the worker reads the rest;
    /// - anything else is read whole, as [`Article::load`] reads it.
    ///
    /// Errors are those of `load`, found from the file's start.
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
        let mut head = Vec::with_capacity(HEAD_BYTES.min(hint.saturating_add(1)));
        read_some(&mut file, &name, HEAD_BYTES, &mut head)?;
        refuse_binary(&head, &name)?;
        let markup = hint > EXTRACT_AT_ONCE_BYTES && is_markup(path, &head);
        let rest = Rest {
            file,
            head,
            source,
            size,
        };
        if markup {
            let article = Article::to_come(rest.source.clone());
            return Ok(Opening {
                article,
                complete: false,
                size,
                rest: Some(rest),
            });
        }
        // a UTF-16 file's line breaks are two bytes wide: read it whole rather than cut it
        let short = hint <= 2 * HEAD_BYTES || rest.head.len() < HEAD_BYTES;
        if short || decode::utf16_order(&rest.head).is_some() {
            let article = rest.read(max_bytes)?;
            return Ok(Opening {
                article,
                complete: true,
                size,
                rest: None,
            });
        }
        let cut = head_cut(&rest.head);
        let mut article = Article::from_head(rest.source.clone(), rest.head[..cut].to_vec());
        // the last paragraph read is not the article's last
        article.structure.byline = None;
        Ok(Opening {
            article,
            complete: false,
            size,
            rest: Some(rest),
        })
    }

    /// The article of `source` before any of it is read: no text, no warnings, for the
    /// reader to show while a worker reads and makes it.
    pub fn to_come(source: Source) -> Article {
        let mut article = Article::from_bytes(source, b"");
        article.warnings.clear();
        article
    }
}

/// The largest web page or Markdown file whose text the reader makes before its first
/// screen (the size past which a plain-text article opens on its start, too); a larger
/// one is made on a worker. Measured with the release build on a loaded machine: a
/// saved news page of 124 KB takes 4 ms of CPU, one of 1.5 MB 12 ms, a generated 4 MB
/// page that is all article 0.2 s.
pub const EXTRACT_AT_ONCE_BYTES: usize = 2 * HEAD_BYTES;

/// Whether the file whose first bytes are `head` is read as markup (its text made
/// from it), told from its start as [`Article::load`] tells it from the whole.
fn is_markup(path: &std::path::Path, head: &[u8]) -> bool {
    let start = &head[..head.len().min(SNIFF_BYTES)];
    super::may_be_markup(Some(path), start)
        && super::sniff(Some(path), &super::normalize(start).text).is_markup()
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
mod tests;
