//! The article: loaded once, normalised, and its structure recognised.

pub mod abbreviations;
pub mod bounded;
mod byline;
mod charset;
mod decode;
pub mod html;
mod insert;
mod kind;
mod load;
pub mod markdown;
mod normalize;
mod span;
mod structure;

pub use decode::looks_binary;
pub use html::PageMeta;
pub use insert::{Insertion, OffsetMap};
pub use kind::{Kind, may_be_markup, sniff};
pub use load::{EXTRACT_AT_ONCE_BYTES, HEAD_BYTES, LoadError, Opening, Rest};
pub use span::resize_by_word;

pub use normalize::{
    BLOCK, TAB_WIDTH, Warning, block_is, is_bidi_control, normalize, normalize_vec, sanitize_inline,
};
pub use structure::{
    Paragraph, Structure, analyze, dateline_len, paragraph_ranges, split_sentences,
};

use sha2::{Digest, Sha256};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

impl Source {
    /// The file, when the article is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::File(p) => Some(p),
            Source::Bundled | Source::Stdin => None,
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
    /// What the file is: plain text, a web page or Markdown.
    pub kind: Kind,
    /// What a web page says about itself (empty for other kinds).
    pub meta: PageMeta,
    /// The SHA-256 of the file's own bytes, when the text is made from markup (a
    /// page, Markdown): the text's hash is [`Article::sha256`].
    pub file_sha256: Option<String>,
    /// `sha256()`, worked out on first use (the store and the detector both ask).
    sha: std::sync::OnceLock<String>,
}

impl Article {
    /// Builds an article from raw bytes.
    pub fn from_bytes(source: Source, bytes: &[u8]) -> Article {
        let file_sha256 = file_hash(&source, bytes);
        let n = match file_sha256
            .as_ref()
            .and_then(|_| charset::decode_declared(bytes))
        {
            Some(text) => normalize(text.as_bytes()),
            None => normalize(bytes),
        };
        Article::from_normalized(source, n, file_sha256)
    }

    /// Builds an article from an owned buffer, without copying text that is already clean.
    pub fn from_vec(source: Source, bytes: Vec<u8>) -> Article {
        Article::from_vec_with(source, bytes, normalize_vec)
    }

    /// The article of a long file's start cut at a line break, when the whole start read
    /// was found not to be UTF-16 ([`normalize_vec_not_utf16`] says why).
    fn from_head(source: Source, bytes: Vec<u8>) -> Article {
        Article::from_vec_with(source, bytes, normalize::normalize_vec_not_utf16)
    }

    fn from_vec_with(
        source: Source,
        bytes: Vec<u8>,
        normalize: fn(Vec<u8>) -> normalize::Normalized,
    ) -> Article {
        let file_sha256 = file_hash(&source, &bytes);
        let n = match file_sha256
            .as_ref()
            .and_then(|_| charset::decode_declared(&bytes))
        {
            Some(text) => normalize(text.into_bytes()),
            None => normalize(bytes),
        };
        Article::from_normalized(source, n, file_sha256)
    }

    /// The article of a decoded file: its text as it is, or made from its markup and
    /// normalised again (so what a page holds is made as safe as any text).
    fn from_normalized(
        source: Source,
        n: normalize::Normalized,
        file_sha256: Option<String>,
    ) -> Article {
        let kind = sniff(source.path(), &n.text);
        let mut warnings = n.warnings;
        let mut meta = PageMeta::default();
        let text = match kind {
            Kind::Text => n.text,
            Kind::Html => {
                let page = html::extract(&n.text);
                if !page.found {
                    warnings.push(Warning::NoArticle);
                }
                meta = page.meta;
                renormalize(&page.text, &mut warnings)
            }
            Kind::Markdown => renormalize(&markdown::to_text(&n.text), &mut warnings),
        };
        let structure = analyze(&text);
        if text.trim().is_empty() {
            warnings.push(Warning::Empty);
        }
        Article {
            source,
            text: Arc::new(text),
            warnings,
            structure,
            kind,
            meta,
            file_sha256: file_sha256.filter(|_| kind.is_markup()),
            sha: std::sync::OnceLock::new(),
        }
    }

    /// The bundled article.
    pub fn bundled() -> Article {
        Article::from_bytes(Source::Bundled, BUNDLED.as_bytes())
    }

    /// The SHA-256 of the normalised text, in lower-case hex.
    pub fn sha256(&self) -> &str {
        self.sha.get_or_init(|| sha256_hex(self.text.as_bytes()))
    }

    /// Whether the article has no text to show (an empty or blank input); its
    /// warnings then hold [`Warning::Empty`].
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The headline, or "" when there is none.
    pub fn title(&self) -> &str {
        self.structure.title.clone().map_or("", |r| &self.text[r])
    }
}

/// The hash of a file's bytes when it may be markup (decided for sure once decoded).
fn file_hash(source: &Source, bytes: &[u8]) -> Option<String> {
    may_be_markup(source.path(), bytes).then(|| sha256_hex(bytes))
}

/// Text made from markup, normalised like a file's, its warnings added to the file's.
fn renormalize(text: &str, warnings: &mut Vec<Warning>) -> String {
    let n = normalize(text.as_bytes());
    for w in n.warnings {
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    n.text
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
    // (two digits a byte from a table: formatting each byte cost some 230 instructions,
    // 7 000 an article, once for every article of a folder run)
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_written_in_lower_case_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

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
    fn a_page_is_read_as_its_article_and_keeps_its_own_hash() {
        let html = "<!DOCTYPE html><html><head><title>Talks resume</title></head><body>\
                    <nav>Home</nav><article><p>Dock workers met &ldquo;again&rdquo; on \
                    Tuesday after the strike that closed the harbour.</p><p>Both sides will \
                    meet on Friday with a mediator to agree on pay.</p></article></body></html>";
        let a = Article::from_bytes(Source::File("saved.txt".into()), html.as_bytes());
        assert_eq!(a.kind, Kind::Html);
        assert_eq!(a.title(), "Talks resume");
        assert!(a.text.contains("met “again” on"), "{}", a.text);
        assert!(!a.text.contains("Home"));
        assert_eq!(
            a.file_sha256.as_deref(),
            Some(sha256_hex(html.as_bytes()).as_str())
        );
        assert_ne!(a.file_sha256.as_deref(), Some(a.sha256()));
        assert_eq!(a.structure.paragraphs.len(), 2);
    }

    #[test]
    fn markdown_loses_its_marks_and_text_stays_as_it_is() {
        let md = "# Talks resume\n\nDock workers **met** [again](https://x.example).\n";
        let a = Article::from_bytes(Source::File("story.md".into()), md.as_bytes());
        assert_eq!(a.kind, Kind::Markdown);
        assert_eq!(&*a.text, "Talks resume\n\nDock workers met again.\n");
        assert!(a.file_sha256.is_some());
        let t = Article::from_bytes(Source::File("story.txt".into()), md.as_bytes());
        assert_eq!(t.kind, Kind::Text);
        assert_eq!(&*t.text, md, "plain text is read exactly as before");
        assert_eq!(t.file_sha256, None);
    }

    #[test]
    fn bundled_article_is_byte_identical_to_the_asset() {
        assert_eq!(&*Article::bundled().text, BUNDLED);
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
        assert!(!t.chars().any(is_bidi_control));
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
        /// (A UTF-16 file is never cut: the reader reads it whole.)
        #[test]
        fn the_start_of_a_file_is_a_prefix_of_the_whole(
            bytes in proptest::collection::vec(
                prop_oneof![any::<u8>(), Just(b'\n'), Just(b'\r'), Just(b'\t'), Just(0x1b), Just(b'a')],
                0..400,
            ),
            cut in 0usize..400,
        ) {
            prop_assume!(decode::utf16_order(&bytes).is_none());
            let whole = normalize(&bytes).text;
            let start = &bytes[..cut.min(bytes.len())];
            // a start that looks like UTF-16 is not cut: the reader reads the file whole
            prop_assume!(decode::utf16_order(start).is_none());
            let head = start[..load::head_cut(start)].to_vec();
            let part = normalize::normalize_vec_not_utf16(head).text;
            prop_assert!(whole.starts_with(&part), "{part:?} / {whole:?}");
        }

        #[test]
        fn utf16_normalises_safely(bytes in proptest::collection::vec(any::<u8>(), 0..600), big_endian in any::<bool>()) {
            let bom: &[u8] = if big_endian { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] };
            check(&Article::from_bytes(Source::Stdin, &[bom, &bytes].concat()));
        }

        /// Latin-script text saved as UTF-16 without a byte-order mark reads as the
        /// same text saved as UTF-8.
        #[test]
        fn unmarked_utf16_reads_as_utf8_does(s in "[ -~\n\té]{4,300}", big_endian in any::<bool>()) {
            let bytes: Vec<u8> = s
                .encode_utf16()
                .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
                .collect();
            let utf16 = Article::from_bytes(Source::Stdin, &bytes);
            let utf8 = Article::from_bytes(Source::Stdin, s.as_bytes());
            prop_assert_eq!(&utf16.text, &utf8.text);
            prop_assert_eq!(&utf16.warnings, &utf8.warnings);
        }

        #[test]
        fn newsy_text_normalises_safely(s in "[A-Za-z .,!?\"“”‘’'\\-\n\t\u{1b}\\[\\]()é漢👩\u{202E}]{0,400}") {
            check(&Article::from_bytes(Source::Stdin, s.as_bytes()));
        }
    }
}
