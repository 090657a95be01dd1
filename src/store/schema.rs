//! Reading and writing the TOML schema: the version check, parsing with positions,
//! validation of ids, references and offsets, and the canonical (byte-stable) output.

use super::model::{Annotations, Position, Quote, SCHEMA_VERSION};
use crate::article::sanitize_inline;
use crate::config::line_column;
use std::collections::HashSet;
use std::fmt;

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

/// One thing wrong with a store, at a line and column of its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line (1 when unknown).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, already safe to print.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
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
    match parse_in_chunks(text) {
        Some(a) => Ok(a),
        None => toml::from_str(text),
    }
}

/// The tables that can follow the first `[[quote]]` or `[[position]]` in a store.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Tail {
    #[serde(default)]
    quote: Vec<Quote>,
    #[serde(default)]
    position: Vec<Position>,
    #[serde(default)]
    orphan_quote: Vec<Quote>,
    #[serde(default)]
    orphan_position: Vec<Position>,
    #[serde(default)]
    reading: super::model::Reading,
}

/// Smallest chunk worth a thread.
const MIN_CHUNK: usize = 1 << 20;

/// Splits a large store before `[[quote]]`/`[[position]]` headers and parses the
/// pieces in parallel. A cut inside a multi-line string leaves the piece before it
/// with an unterminated string, so any bad cut makes a piece fail and gives `None`.
fn parse_in_chunks(text: &str) -> Option<Annotations> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    parse_chunked(text, threads, MIN_CHUNK)
}

fn parse_chunked(text: &str, threads: usize, min_chunk: usize) -> Option<Annotations> {
    if threads < 2 || text.len() < 2 * min_chunk {
        return None;
    }
    let size = (text.len() / threads).max(min_chunk);
    let mut cuts = vec![0];
    let mut at = size;
    while at < text.len() {
        let rest = &text.as_bytes()[at..];
        let next = ["\n[[quote]]\n", "\n[[position]]\n"]
            .iter()
            .filter_map(|h| find_bytes(rest, h.as_bytes()))
            .min();
        let Some(i) = next else { break };
        cuts.push(at + i + 1);
        at += i + 1 + size;
    }
    cuts.push(text.len());
    if cuts.len() < 3 {
        return None;
    }
    let (head, tails) = std::thread::scope(|scope| {
        let handles: Vec<_> = cuts[1..]
            .windows(2)
            .map(|w| {
                let piece = &text[w[0]..w[1]];
                scope.spawn(move || toml::from_str::<Tail>(piece).ok())
            })
            .collect();
        let head = toml::from_str::<Annotations>(&text[..cuts[1]]).ok();
        let tails: Option<Vec<Tail>> = handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect();
        (head, tails)
    });
    let mut a = head?;
    for t in tails? {
        a.quotes.extend(t.quote);
        a.positions.extend(t.position);
        a.orphan_quotes.extend(t.orphan_quote);
        a.orphan_positions.extend(t.orphan_position);
        if !t.reading.is_empty() {
            if !a.reading.is_empty() {
                return None;
            }
            a.reading = t.reading;
        }
    }
    Some(a)
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
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
        s.mentions.sort_unstable();
        s.mentions.dedup();
    }
    a.reading.marks.sort_by(|x, y| x.name.cmp(&y.name));
}

fn is_canonical(a: &Annotations) -> bool {
    a.quotes.is_sorted_by(|x, y| quote_key(x) <= quote_key(y))
        && a.positions
            .is_sorted_by(|x, y| position_key(x) <= position_key(y))
        && a.orphan_quotes
            .is_sorted_by(|x, y| quote_key(x) <= quote_key(y))
        && a.orphan_positions
            .is_sorted_by(|x, y| position_key(x) <= position_key(y))
        && a.speakers
            .iter()
            .all(|s| s.mentions.windows(2).all(|w| w[0] < w[1]))
        && a.reading.marks.is_sorted_by(|x, y| x.name < y.name)
}

/// Where in the set a finding is: a table, the item's index in it, and a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The table name as written in the file ("quote", "orphan_position").
    pub table: &'static str,
    /// Index among the tables of that name, in file order.
    pub index: usize,
    /// The key within the table.
    pub field: &'static str,
}

/// Something wrong with a set, before it is given a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where it is.
    pub place: Place,
    /// What is wrong.
    pub message: String,
}

/// Checks ids, references and spans. With `article` (the text the store says it
/// annotates, i.e. its hash matches), spans must also lie on it exactly.
pub fn validate(a: &Annotations, article: Option<&str>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |table, index, field, message: String| {
        out.push(Finding {
            place: Place {
                table,
                index,
                field,
            },
            message,
        })
    };
    let mut party_ids = HashSet::with_capacity(a.parties.len());
    for (i, p) in a.parties.iter().enumerate() {
        if !party_ids.insert(p.id.as_str()) {
            push(
                "party",
                i,
                "id",
                format!("duplicate party id {}", show(&p.id)),
            );
        }
    }
    let mut speaker_ids = HashSet::with_capacity(a.speakers.len());
    for (i, s) in a.speakers.iter().enumerate() {
        if !speaker_ids.insert(s.id.as_str()) {
            push(
                "speaker",
                i,
                "id",
                format!("duplicate speaker id {}", show(&s.id)),
            );
        }
        if let Some(p) = &s.party
            && !party_ids.contains(p.as_str())
        {
            push(
                "speaker",
                i,
                "party",
                format!(
                    "speaker {} names party {}, which is not defined",
                    show(&s.id),
                    show(p)
                ),
            );
        }
        for m in &s.mentions {
            if let Some(msg) = span_error(article, m[0], m[1], None) {
                push(
                    "speaker",
                    i,
                    "mentions",
                    format!("a mention of speaker {}: {msg}", show(&s.id)),
                );
            }
        }
    }
    let mut ids = HashSet::with_capacity(
        a.quotes.len() + a.positions.len() + a.orphan_quotes.len() + a.orphan_positions.len(),
    );
    let spans = a
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| ("quote", i, SpanRef::of_quote(q), false))
        .chain(
            a.positions
                .iter()
                .enumerate()
                .map(|(i, p)| ("position", i, SpanRef::of_position(p), false)),
        )
        .chain(
            a.orphan_quotes
                .iter()
                .enumerate()
                .map(|(i, q)| ("orphan_quote", i, SpanRef::of_quote(q), true)),
        )
        .chain(
            a.orphan_positions
                .iter()
                .enumerate()
                .map(|(i, p)| ("orphan_position", i, SpanRef::of_position(p), true)),
        );
    for (table, i, s, orphan) in spans {
        let what = table.trim_start_matches("orphan_");
        if s.id.is_empty() {
            push(table, i, "id", format!("a {what} has an empty id"));
        } else if !ids.insert(s.id) {
            push(
                table,
                i,
                "id",
                format!("duplicate annotation id {}", show(s.id)),
            );
        }
        if let Some(sp) = s.speaker
            && !speaker_ids.contains(sp)
        {
            push(
                table,
                i,
                "speaker",
                format!(
                    "{what} {} names speaker {}, which is not defined",
                    show(s.id),
                    show(sp)
                ),
            );
        }
        if let Some(p) = s.party
            && !party_ids.contains(p)
        {
            push(
                table,
                i,
                "party",
                format!(
                    "{what} {} names party {}, which is not defined",
                    show(s.id),
                    show(p)
                ),
            );
        }
        if s.start > s.end {
            push(
                table,
                i,
                "start",
                format!(
                    "{what} {} starts at {} after its end {}",
                    show(s.id),
                    s.start,
                    s.end
                ),
            );
            continue;
        }
        if orphan {
            continue;
        }
        if let Some((field, msg)) = placed_span_error(article, &s) {
            push(table, i, field, format!("{what} {}: {msg}", show(s.id)));
        }
    }
    out
}

fn placed_span_error(article: Option<&str>, s: &SpanRef<'_>) -> Option<(&'static str, String)> {
    if let Some(msg) = span_error(article, s.start, s.end, Some(s.text)) {
        let field = if msg.starts_with("the stored text") {
            "text"
        } else {
            "start"
        };
        return Some((field, msg));
    }
    let cue = s.cue?;
    span_error(article, cue[0], cue[1], None).map(|m| ("cue", format!("its cue: {m}")))
}

/// What is wrong with `start..end` in the article, if anything.
fn span_error(
    article: Option<&str>,
    start: usize,
    end: usize,
    text: Option<&str>,
) -> Option<String> {
    if start > end {
        return Some(format!("span {start}..{end} ends before it starts"));
    }
    let article = article?;
    if end > article.len() {
        return Some(format!(
            "span {start}..{end} lies past the end of the article ({} bytes)",
            article.len()
        ));
    }
    for at in [start, end] {
        if !article.is_char_boundary(at) {
            return Some(format!(
                "offset {at} falls inside a character (offsets are bytes of the UTF-8 text)"
            ));
        }
    }
    match text {
        Some(t) if t != &article[start..end] => Some(format!(
            "the stored text {} differs from the article's text {} at {start}..{end}",
            show(t),
            show(&article[start..end])
        )),
        _ => None,
    }
}

/// The fields of a quote or a position that validation reads.
struct SpanRef<'a> {
    id: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    party: Option<&'a str>,
    cue: Option<[usize; 2]>,
}

impl<'a> SpanRef<'a> {
    fn of_quote(q: &'a Quote) -> SpanRef<'a> {
        SpanRef {
            id: &q.id,
            start: q.start,
            end: q.end,
            text: &q.text,
            speaker: q.speaker.as_deref(),
            party: q.party.as_deref(),
            cue: q.cue,
        }
    }

    fn of_position(p: &'a Position) -> SpanRef<'a> {
        SpanRef {
            id: &p.id,
            start: p.start,
            end: p.end,
            text: &p.text,
            speaker: p.speaker.as_deref(),
            party: p.party.as_deref(),
            cue: None,
        }
    }
}

/// A value from a store, quoted and shortened for a message.
pub fn show(s: &str) -> String {
    const MAX: usize = 40;
    let clean = sanitize_inline(s);
    if clean.chars().count() <= MAX {
        format!("“{clean}”")
    } else {
        let cut: String = clean.chars().take(MAX - 1).collect();
        format!("“{cut}…”")
    }
}

/// Finds the line and column of a table's key in a store's text, by scanning the table
/// headers (`[[quote]]`) and keys; cheap, and good enough for messages.
#[derive(Debug)]
pub struct Locator<'t> {
    text: &'t str,
    /// (table name, offset of the header, offset of the next header).
    blocks: Vec<(&'t str, usize, usize)>,
}

impl<'t> Locator<'t> {
    /// Indexes the table headers of a store's text.
    pub fn new(text: &'t str) -> Locator<'t> {
        let mut blocks: Vec<(&str, usize, usize)> = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let t = line.trim();
            if let Some(name) = t.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
                if let Some(last) = blocks.last_mut() {
                    last.2 = offset;
                }
                blocks.push((
                    name.trim(),
                    offset + (line.len() - line.trim_start().len()),
                    text.len(),
                ));
            } else if t.starts_with('[') {
                if let Some(last) = blocks.last_mut() {
                    last.2 = offset;
                }
                blocks.push(("", offset, text.len()));
            }
            offset += line.len();
        }
        Locator { text, blocks }
    }

    /// Line and column of `place`, or of its table, or 1:1.
    pub fn locate(&self, place: Place) -> (usize, usize) {
        let Some(&(_, start, end)) = self
            .blocks
            .iter()
            .filter(|b| b.0 == place.table)
            .nth(place.index)
        else {
            return (1, 1);
        };
        line_column(
            self.text,
            self.key_offset(start, end, place.field).unwrap_or(start),
        )
    }

    /// Line and column of the annotation with this id in a table, or 1:1.
    pub fn locate_id(&self, table: &'static str, id: &str) -> (usize, usize) {
        let wanted = format!("\"{id}\"");
        let index = self
            .blocks
            .iter()
            .filter(|b| b.0 == table)
            .position(|&(_, start, end)| {
                self.key_offset(start, end, "id").is_some_and(|at| {
                    self.text[at..end]
                        .trim_start_matches(['=', ' '])
                        .starts_with(&wanted)
                })
            });
        index.map_or((1, 1), |index| {
            self.locate(Place {
                table,
                index,
                field: "id",
            })
        })
    }

    /// The offset of the value of `key` within `start..end`.
    fn key_offset(&self, start: usize, end: usize, key: &str) -> Option<usize> {
        let mut offset = start;
        for line in self.text[start..end].split_inclusive('\n') {
            let t = line.trim_start();
            if let Some(rest) = t.strip_prefix(key)
                && rest.trim_start().starts_with('=')
            {
                let value = rest.trim_start()[1..].trim_start();
                return Some(offset + line.len() - value.len());
            }
            offset += line.len();
        }
        None
    }

    /// Turns findings into problems with lines and columns.
    pub fn problems(&self, findings: Vec<Finding>) -> Vec<Problem> {
        findings
            .into_iter()
            .map(|f| {
                let (line, column) = self.locate(f.place);
                Problem {
                    line,
                    column,
                    message: f.message,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"version = 1

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
    fn large_stores_parse_the_same_in_chunks() {
        let mut a = parse(GOOD, "s.toml").unwrap();
        let q = a.quotes[0].clone();
        let p = super::super::model::Position {
            id: "p".into(),
            start: 1,
            end: 2,
            text: "e".into(),
            party: None,
            speaker: None,
            origin: Default::default(),
            status: Default::default(),
            note: Some("line\n[[quote]]\nid = \"x\"\n".into()),
            prefix: "a\n\nb".into(),
            suffix: String::new(),
        };
        for i in 0..300 {
            a.quotes.push(Quote {
                id: format!("q{i}"),
                note: (i % 7 == 0).then(|| "a\n[[position]]\nb".into()),
                ..q.clone()
            });
            a.positions.push(super::super::model::Position {
                id: format!("p{i}"),
                ..p.clone()
            });
        }
        a.reading.position = 3;
        canonicalize(&mut a);
        let chunk = 4096;
        let text = toml::to_string(&a).unwrap();
        assert!(text.len() > 8 * chunk, "{}", text.len());
        // Notes that look like table headers: a cut inside one must not be taken.
        assert!(parse_chunked(&text, 4, chunk).is_none());
        assert!(parse(&text, "s.toml").unwrap() == a, "tricky notes");
        for p in &mut a.positions {
            p.note = None;
        }
        for q in &mut a.quotes {
            q.note = None;
        }
        let text = toml::to_string(&a).unwrap();
        assert!(
            parse_chunked(&text, 4, chunk) == Some(a.clone()),
            "parsed in chunks"
        );
        let broken = text.replacen("[[position]]\n", "[[position]]\nbad = 1\n", 1);
        assert!(parse_chunked(&broken, 4, chunk).is_none());
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
