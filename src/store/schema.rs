//! Reading and writing the TOML schema: the version check, parsing with positions,
//! errors, and the canonical (byte-stable) output. Validation is in `validate`; large
//! stores not in canonical form are parsed on several threads by `chunks`.

use crate::article::line_column;
use crate::article::sanitize_inline;
use crate::model::{Annotations, Position, Quote, SCHEMA_VERSION, Snippet, Speaker};
use std::io;

use super::validate::Problem;

mod chunks;

/// Why a store cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be read.
    #[error("{path}: cannot read the store: {source}")]
    Io {
        /// The store file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is bigger than the configured limit.
    #[error(
        "{path}: {size} bytes is more than the limit of {limit} bytes for a store (raise limits.max_store_bytes in the config)"
    )]
    TooLarge {
        /// The store file.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Not TOML, or a value of the wrong type.
    #[error(
        "{path}:{line}:{column}: {message}; fix the store by hand or move it aside (parley will not overwrite it)"
    )]
    Parse {
        /// The store file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A schema version this build does not know.
    #[error(
        "{path}:{line}:{column}: store schema version {found} is not one this parley understands (it reads version {SCHEMA_VERSION}); open it with a newer parley"
    )]
    Version {
        /// The store file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The version found.
        found: i64,
    },
    /// Parsed, but ids, references or offsets are broken.
    #[error("{}", invalid_message(path, problems))]
    Invalid {
        /// The store file.
        path: String,
        /// Every problem, in file order.
        problems: Vec<Problem>,
    },
}

fn invalid_message(path: &str, problems: &[Problem]) -> String {
    let first = problems.first().map_or(String::new(), |p| p.to_string());
    let more = match problems.len() {
        0 | 1 => String::new(),
        n => format!(" (and {} more problems)", n - 1),
    };
    format!(
        "{path}:{first}{more}; run `parley check` to list them, then fix the store by hand (parley will not overwrite it)"
    )
}

/// Parses a store's text: the version first (so a newer schema gets a clear error, not a
/// guess), then the whole document. Does not validate references or offsets.
pub fn parse(text: &str, path: &str) -> Result<Annotations, StoreError> {
    if let Some((found, offset)) = find_version(text)
        && found != i64::from(SCHEMA_VERSION)
    {
        let (line, column) = line_column(text, offset);
        return Err(StoreError::Version {
            path: path.to_string(),
            line,
            column,
            found,
        });
    }
    parse_document(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
        StoreError::Parse {
            path: path.to_string(),
            line,
            column,
            message: sanitize_inline(e.message().trim()),
        }
    })
}

/// Parses the whole document: parley's own canonical text by the fast reader; else large
/// documents in chunks on several threads when they split cleanly; else (and for every
/// error, so it has the right line) in one piece.
fn parse_document(text: &str) -> Result<Annotations, toml::de::Error> {
    if let Some(a) = super::canonical::read(text) {
        return Ok(a);
    }
    match chunks::parse_in_chunks(text) {
        Some(a) => Ok(a),
        None => toml::from_str(text),
    }
}

/// The top-level `version = N` and the offset of N, found without parsing the document.
fn find_version(text: &str) -> Option<(i64, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            return None;
        }
        if let Some(rest) = trimmed.strip_prefix("version") {
            let rest = rest.trim_start();
            if let Some(value) = rest.strip_prefix('=') {
                let value = value.trim_start();
                let digits: String = value
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '+')
                    .collect();
                let at = offset + (line.len() - value.len());
                return digits.parse().ok().map(|v| (v, at));
            }
        }
        offset += line.len();
    }
    None
}

/// The canonical, byte-stable TOML of a set: sorted by start, then end, then id.
/// Fails only for values TOML cannot hold (an offset beyond `i64::MAX`).
pub fn to_toml(annotations: &Annotations) -> Result<String, toml::ser::Error> {
    let write = |a: &Annotations| super::canonical::write(a).map_or_else(|| toml::to_string(a), Ok);
    if is_canonical(annotations) {
        write(annotations)
    } else {
        let mut sorted = annotations.clone();
        canonicalize(&mut sorted);
        write(&sorted)
    }
}

/// Streams the canonical TOML of a set into `out`: byte for byte what [`to_toml`]
/// returns and a save writes, without holding the text. Puts the set in canonical order
/// first, in place (a set already in order, as `detect` returns one, is only checked).
pub fn write_toml(annotations: &mut Annotations, out: &mut impl io::Write) -> io::Result<()> {
    if !is_canonical(annotations) {
        canonicalize(annotations);
    }
    super::canonical::write_to(annotations, out)
}

fn quote_key(q: &Quote) -> (usize, usize, &str) {
    (q.start, q.end, q.id.as_str())
}

fn position_key(p: &Position) -> (usize, usize, &str) {
    (p.start, p.end, p.id.as_str())
}

/// Puts a set into the stable order the store is written in.
pub fn canonicalize(a: &mut Annotations) {
    a.quotes.sort_by(|x, y| quote_key(x).cmp(&quote_key(y)));
    a.positions
        .sort_by(|x, y| position_key(x).cmp(&position_key(y)));
    a.orphan_quotes
        .sort_by(|x, y| quote_key(x).cmp(&quote_key(y)));
    a.orphan_positions
        .sort_by(|x, y| position_key(x).cmp(&position_key(y)));
    for s in &mut a.speakers {
        sort_mentions(s);
    }
}

/// Sorts a speaker's mentions (and their texts with them), one of each span. Texts that
/// are not one for each mention are dropped: a hint that cannot be paired is no hint.
pub fn sort_mentions(s: &mut Speaker) {
    if s.mention_text.len() != s.mentions.len() {
        s.mention_text.clear();
    }
    if s.mention_text.is_empty() {
        s.mentions.sort_unstable();
        s.mentions.dedup();
        return;
    }
    let mut pairs: Vec<([usize; 2], Snippet)> = std::mem::take(&mut s.mentions)
        .into_iter()
        .zip(std::mem::take(&mut s.mention_text))
        .collect();
    pairs.sort_by_key(|p| p.0);
    pairs.dedup_by_key(|p| p.0);
    (s.mentions, s.mention_text) = pairs.into_iter().unzip();
}

fn is_canonical(a: &Annotations) -> bool {
    a.quotes.is_sorted_by(|x, y| quote_key(x) <= quote_key(y))
        && a.positions
            .is_sorted_by(|x, y| position_key(x) <= position_key(y))
        && a.orphan_quotes
            .is_sorted_by(|x, y| quote_key(x) <= quote_key(y))
        && a.orphan_positions
            .is_sorted_by(|x, y| position_key(x) <= position_key(y))
        && a.speakers.iter().all(|s| {
            s.mentions.windows(2).all(|w| w[0] < w[1])
                && (s.mention_text.is_empty() || s.mention_text.len() == s.mentions.len())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::{Locator, validate};

    pub(super) const GOOD: &str = r#"version = 1

[article]
title = "T"
sha256 = "x"
bytes = 11

[[party]]
id = "us"
name = "United States"

[[speaker]]
id = "kelly"
name = "Ian Kelly"
party = "us"

[[quote]]
id = "q1"
start = 0
end = 5
text = "Hello"
speaker = "kelly"
party = "us"
"#;

    #[test]
    fn parses_and_validates_a_good_store() {
        let a = parse(GOOD, "s.toml").unwrap();
        assert!(validate(&a, Some("Hello world")).is_empty());
    }

    #[test]
    fn unknown_version_is_named_with_its_place() {
        let e = parse("# c\nversion = 7\n", "s.toml").unwrap_err();
        assert_eq!(
            e.to_string().split(": ").next().unwrap(),
            "s.toml:2:11",
            "{e}"
        );
        assert!(e.to_string().contains("version 7"), "{e}");
    }

    #[test]
    fn wrong_type_has_line_and_column() {
        let text = GOOD.replace("start = 0", "start = \"zero\"");
        let e = parse(&text, "s.toml").unwrap_err();
        assert!(e.to_string().starts_with("s.toml:19:"), "{e}");
    }

    #[test]
    fn findings_are_located_at_their_key() {
        let text = GOOD.replace(
            "speaker = \"kelly\"\nparty = \"us\"\n",
            "speaker = \"nobody\"\n",
        );
        let a = parse(&text, "s.toml").unwrap();
        let problems = Locator::new(&text).problems(validate(&a, None));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (22, 11));
        assert!(problems[0].message.contains("“nobody”"));
        assert_eq!(Locator::new(&text).locate_id("quote", "q1"), (18, 6));
    }

    #[test]
    fn offsets_are_checked_against_the_article() {
        let a = parse(GOOD, "s.toml").unwrap();
        let past = validate(&a, Some("Hell"));
        assert!(past[0].message.contains("past the end"), "{past:?}");
        let mid = validate(&a, Some("Hellé world"));
        assert!(mid[0].message.contains("inside a character"), "{mid:?}");
        let other = validate(&a, Some("Jello world"));
        assert_eq!(other[0].place.field, "text");
    }
}
