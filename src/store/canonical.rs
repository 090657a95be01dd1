//! The canonical text of a store: a writer for exactly the TOML parley saves, and a fast
//! reader for exactly that text. Anything else — a hand edit, a comment, a multi-line
//! string — makes the reader answer `None`, and the full TOML parser (with its
//! line:column errors) reads the file instead. A property test checks both directions
//! against the `toml` crate. Why: the general parser and serialiser take seconds on a
//! store of 100 000 annotations; these take a fraction of that.

use super::model::{
    Annotations, ArticleInfo, Mark, Origin, Party, Position, Quote, QuoteKind, Speaker, Status,
};
use super::snippet::Snippet;
use std::fmt::{self, Write};
use std::io;

/// Writes a canonical (already sorted) set. `None` when an offset does not fit TOML's
/// integers.
pub fn write(a: &Annotations) -> Option<String> {
    let mut out = String::with_capacity(300 * (a.quotes.len() + a.positions.len()) + 1024);
    // a String never fails to take text, so an error is an offset TOML cannot hold
    emit(a, &mut Writer { out: &mut out }).ok()?;
    Some(out)
}

/// Streams what [`write`] returns into `out`, byte for byte, without holding the text.
/// An offset TOML cannot hold fails with [`io::ErrorKind::InvalidData`], after the
/// tables before it have been written.
pub fn write_to(a: &Annotations, out: &mut impl io::Write) -> io::Result<()> {
    let mut sink = IoSink { out, error: None };
    match emit(a, &mut Writer { out: &mut sink }) {
        Ok(()) => Ok(()),
        Err(fmt::Error) => Err(sink.error.take().unwrap_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "an offset is larger than TOML's integers can hold",
            )
        })),
    }
}

/// An `io::Write` seen as a `fmt::Write`, keeping the I/O error that `fmt` cannot carry.
struct IoSink<'a, W> {
    out: &'a mut W,
    error: Option<io::Error>,
}

impl<W: io::Write> fmt::Write for IoSink<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

fn emit<W: Write>(a: &Annotations, w: &mut Writer<W>) -> fmt::Result {
    w.int("version", a.version as usize)?;
    w.header("[article]")?;
    let ArticleInfo {
        title,
        source,
        sha256,
        bytes,
    } = &a.article;
    w.string("title", title)?;
    w.string("source", source)?;
    w.string("sha256", sha256)?;
    w.int("bytes", *bytes)?;
    for p in &a.parties {
        w.header("[[party]]")?;
        w.string("id", &p.id)?;
        w.string("name", &p.name)?;
        if !p.aliases.is_empty() {
            w.list("aliases", &p.aliases, |w, alias| {
                push_quoted(&mut w.out, alias)
            })?;
        }
        if let Some(c) = &p.color {
            w.string("color", &c.to_string())?;
        }
    }
    for s in &a.speakers {
        w.header("[[speaker]]")?;
        w.string("id", &s.id)?;
        w.string("name", &s.name)?;
        w.opt_string("role", s.role.as_deref())?;
        w.opt_string("party", s.party.as_deref())?;
        if !s.mentions.is_empty() {
            w.list("mentions", &s.mentions, |w, m| w.pair(*m))?;
        }
        w.string("origin", origin_str(s.origin))?;
    }
    for (header, quotes) in [
        ("[[quote]]", &a.quotes),
        ("[[orphan_quote]]", &a.orphan_quotes),
    ] {
        for q in quotes {
            w.header(header)?;
            w.quote(q)?;
        }
    }
    for (header, positions) in [
        ("[[position]]", &a.positions),
        ("[[orphan_position]]", &a.orphan_positions),
    ] {
        for p in positions {
            w.header(header)?;
            w.position(p)?;
        }
    }
    if !a.reading.is_empty() {
        w.header("[reading]")?;
        w.int("position", a.reading.position)?;
        for m in &a.reading.marks {
            w.header("[[reading.mark]]")?;
            w.string("name", &m.name)?;
            w.int("at", m.at)?;
        }
    }
    Ok(())
}

/// The canonical text's pieces, written into any `fmt::Write`.
struct Writer<W> {
    out: W,
}

impl<W: Write> Writer<W> {
    fn header(&mut self, h: &str) -> fmt::Result {
        self.out.write_char('\n')?;
        self.out.write_str(h)?;
        self.out.write_char('\n')
    }

    fn key(&mut self, k: &str) -> fmt::Result {
        self.out.write_str(k)?;
        self.out.write_str(" = ")
    }

    /// Fails for a number TOML's (64-bit, signed) integers cannot hold.
    fn number(&mut self, n: usize) -> fmt::Result {
        if i64::try_from(n).is_err() {
            return Err(fmt::Error);
        }
        write!(self.out, "{n}")
    }

    fn int(&mut self, k: &str, n: usize) -> fmt::Result {
        self.key(k)?;
        self.number(n)?;
        self.out.write_char('\n')
    }

    fn pair(&mut self, p: [usize; 2]) -> fmt::Result {
        self.out.write_char('[')?;
        self.number(p[0])?;
        self.out.write_str(", ")?;
        self.number(p[1])?;
        self.out.write_char(']')
    }

    /// `k = [x, y]` on one line, each item written by `item`.
    fn list<T>(
        &mut self,
        k: &str,
        items: &[T],
        item: impl Fn(&mut Self, &T) -> fmt::Result,
    ) -> fmt::Result {
        self.key(k)?;
        self.out.write_char('[')?;
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.write_str(", ")?;
            }
            item(self, x)?;
        }
        self.out.write_str("]\n")
    }

    fn string(&mut self, k: &str, v: &str) -> fmt::Result {
        self.key(k)?;
        push_quoted(&mut self.out, v)?;
        self.out.write_char('\n')
    }

    fn opt_string(&mut self, k: &str, v: Option<&str>) -> fmt::Result {
        match v {
            Some(v) => self.string(k, v),
            None => Ok(()),
        }
    }

    /// The keys a quote and a position begin with.
    fn span(&mut self, id: &str, start: usize, end: usize, text: &str) -> fmt::Result {
        self.string("id", id)?;
        self.int("start", start)?;
        self.int("end", end)?;
        self.string("text", text)
    }

    /// The keys a quote and a position end with: review state, note and context.
    fn review(
        &mut self,
        origin: Origin,
        status: Status,
        note: Option<&str>,
        prefix: &str,
        suffix: &str,
    ) -> fmt::Result {
        self.string("origin", origin_str(origin))?;
        self.string("status", status.as_str())?;
        self.opt_string("note", note)?;
        if !prefix.is_empty() {
            self.string("prefix", prefix)?;
        }
        if !suffix.is_empty() {
            self.string("suffix", suffix)?;
        }
        Ok(())
    }

    fn quote(&mut self, q: &Quote) -> fmt::Result {
        self.span(&q.id, q.start, q.end, &q.text)?;
        self.opt_string("speaker", q.speaker.as_deref())?;
        self.opt_string("party", q.party.as_deref())?;
        self.string("kind", q.kind.as_str())?;
        if let Some(c) = q.cue {
            self.key("cue")?;
            self.pair(c)?;
            self.out.write_char('\n')?;
        }
        let note = q.note.as_deref();
        self.review(q.origin, q.status, note, &q.prefix, &q.suffix)
    }

    fn position(&mut self, p: &Position) -> fmt::Result {
        self.span(&p.id, p.start, p.end, &p.text)?;
        self.opt_string("party", p.party.as_deref())?;
        self.opt_string("speaker", p.speaker.as_deref())?;
        let note = p.note.as_deref();
        self.review(p.origin, p.status, note, &p.prefix, &p.suffix)
    }
}

fn origin_str(o: Origin) -> &'static str {
    match o {
        Origin::Auto => "auto",
        Origin::Manual => "manual",
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped. Every
/// character that needs escaping is ASCII, so the runs between them are copied whole.
fn push_quoted(out: &mut impl Write, s: &str) -> fmt::Result {
    out.write_char('"')?;
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        if !matches!(b, b'"' | b'\\' | 0..0x20 | 0x7f) {
            continue;
        }
        out.write_str(&s[run..i])?;
        match b {
            b'"' => out.write_str("\\\"")?,
            b'\\' => out.write_str("\\\\")?,
            b'\n' => out.write_str("\\n")?,
            b'\t' => out.write_str("\\t")?,
            b'\r' => out.write_str("\\r")?,
            _ => write!(out, "\\u{b:04X}")?,
        }
        run = i + 1;
    }
    out.write_str(&s[run..])?;
    out.write_char('"')
}

/// Which table the reader is in.
enum Table {
    Top,
    Article,
    Party,
    Speaker,
    Quote(bool),
    Position(bool),
    Reading,
    Mark,
}

/// Reads text in exactly the form [`write`] produces; `None` for anything else.
pub fn read(text: &str) -> Option<Annotations> {
    let mut a = Annotations::new(ArticleInfo::default());
    let (mut version, mut article, mut reading) = (false, false, false);
    let mut table = Table::Top;
    let mut seen = 0u32;
    for line in text.split('\n') {
        if line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            check_required(&table, seen)?;
            seen = 0;
            table = match line {
                "[article]" if !article => {
                    article = true;
                    Table::Article
                }
                "[[party]]" => push(&mut a.parties, party(), Table::Party),
                "[[speaker]]" => push(&mut a.speakers, speaker(), Table::Speaker),
                "[[quote]]" => push(&mut a.quotes, quote(), Table::Quote(false)),
                "[[orphan_quote]]" => push(&mut a.orphan_quotes, quote(), Table::Quote(true)),
                "[[position]]" => push(&mut a.positions, position(), Table::Position(false)),
                "[[orphan_position]]" => {
                    push(&mut a.orphan_positions, position(), Table::Position(true))
                }
                "[reading]" if !reading => {
                    reading = true;
                    Table::Reading
                }
                "[[reading.mark]]" if reading => push(
                    &mut a.reading.marks,
                    Mark {
                        name: String::new(),
                        at: 0,
                    },
                    Table::Mark,
                ),
                _ => return None,
            };
            continue;
        }
        let (key, value) = line.split_at(line.find(' ')?);
        let value = value.strip_prefix(" = ")?;
        let bit = 1u32 << key_index(&table, key)?;
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        match table {
            Table::Top => {
                a.version = u32::try_from(int(value)?).ok()?;
                version = true;
            }
            Table::Article => set_article(&mut a.article, key, value)?,
            Table::Party => set_party(a.parties.last_mut()?, key, value)?,
            Table::Speaker => set_speaker(a.speakers.last_mut()?, key, value)?,
            Table::Quote(orphan) => {
                let list = if orphan {
                    &mut a.orphan_quotes
                } else {
                    &mut a.quotes
                };
                set_quote(list.last_mut()?, key, value)?;
            }
            Table::Position(orphan) => {
                let list = if orphan {
                    &mut a.orphan_positions
                } else {
                    &mut a.positions
                };
                set_position(list.last_mut()?, key, value)?;
            }
            Table::Reading => a.reading.position = int(value)?,
            Table::Mark => {
                let m = a.reading.marks.last_mut()?;
                match key {
                    "name" => m.name = string(value)?,
                    _ => m.at = int(value)?,
                }
            }
        }
    }
    check_required(&table, seen)?;
    (version && article).then_some(a)
}

fn push<T>(list: &mut Vec<T>, item: T, table: Table) -> Table {
    list.push(item);
    table
}

const ARTICLE_KEYS: &[&str] = &["title", "source", "sha256", "bytes"];
const PARTY_KEYS: &[&str] = &["id", "name", "aliases", "color"];
const SPEAKER_KEYS: &[&str] = &["id", "name", "role", "party", "mentions", "origin"];
const QUOTE_KEYS: &[&str] = &[
    "id", "start", "end", "text", "speaker", "party", "kind", "cue", "origin", "status", "note",
    "prefix", "suffix",
];
const POSITION_KEYS: &[&str] = &[
    "id", "start", "end", "text", "party", "speaker", "origin", "status", "note", "prefix",
    "suffix",
];

fn keys(table: &Table) -> &'static [&'static str] {
    match table {
        Table::Top => &["version"],
        Table::Article => ARTICLE_KEYS,
        Table::Party => PARTY_KEYS,
        Table::Speaker => SPEAKER_KEYS,
        Table::Quote(_) => QUOTE_KEYS,
        Table::Position(_) => POSITION_KEYS,
        Table::Reading => &["position"],
        Table::Mark => &["name", "at"],
    }
}

fn key_index(table: &Table, key: &str) -> Option<usize> {
    keys(table).iter().position(|k| *k == key)
}

/// The keys a table cannot do without (the first `n` of its list).
fn check_required(table: &Table, seen: u32) -> Option<()> {
    let n = match table {
        Table::Party | Table::Speaker | Table::Mark => 2,
        Table::Quote(_) | Table::Position(_) => 4,
        _ => 0,
    };
    let mask = (1u32 << n) - 1;
    (seen & mask == mask).then_some(())
}

fn party() -> Party {
    Party {
        id: String::new(),
        name: String::new(),
        aliases: Vec::new(),
        color: None,
    }
}

fn speaker() -> Speaker {
    Speaker {
        id: String::new(),
        name: String::new(),
        role: None,
        party: None,
        mentions: Vec::new(),
        origin: Origin::Auto,
    }
}

fn quote() -> Quote {
    Quote {
        id: String::new(),
        start: 0,
        end: 0,
        text: Snippet::default(),
        speaker: None,
        party: None,
        kind: QuoteKind::Direct,
        cue: None,
        origin: Origin::Auto,
        status: Status::Suggested,
        note: None,
        prefix: Snippet::default(),
        suffix: Snippet::default(),
    }
}

fn position() -> Position {
    Position {
        id: String::new(),
        start: 0,
        end: 0,
        text: Snippet::default(),
        party: None,
        speaker: None,
        origin: Origin::Auto,
        status: Status::Suggested,
        note: None,
        prefix: Snippet::default(),
        suffix: Snippet::default(),
    }
}

fn set_article(a: &mut ArticleInfo, key: &str, v: &str) -> Option<()> {
    match key {
        "title" => a.title = string(v)?,
        "source" => a.source = string(v)?,
        "sha256" => a.sha256 = string(v)?,
        _ => a.bytes = int(v)?,
    }
    Some(())
}

fn set_party(p: &mut Party, key: &str, v: &str) -> Option<()> {
    match key {
        "id" => p.id = string(v)?,
        "name" => p.name = string(v)?,
        "aliases" => p.aliases = list(v, parse_string)?,
        _ => p.color = Some(string(v)?.parse().ok()?),
    }
    Some(())
}

fn set_speaker(s: &mut Speaker, key: &str, v: &str) -> Option<()> {
    match key {
        "id" => s.id = string(v)?,
        "name" => s.name = string(v)?,
        "role" => s.role = Some(string(v)?),
        "party" => s.party = Some(string(v)?),
        "mentions" => s.mentions = list(v, parse_pair)?,
        _ => s.origin = origin(v)?,
    }
    Some(())
}

fn set_quote(q: &mut Quote, key: &str, v: &str) -> Option<()> {
    match key {
        "kind" => {
            q.kind = match string(v)?.as_str() {
                "direct" => QuoteKind::Direct,
                "partial" => QuoteKind::Partial,
                "term" => QuoteKind::Term,
                _ => return None,
            }
        }
        "cue" => q.cue = Some(whole(v, parse_pair)?),
        _ => {
            let f = Fields {
                id: &mut q.id,
                start: &mut q.start,
                end: &mut q.end,
                text: &mut q.text,
                speaker: &mut q.speaker,
                party: &mut q.party,
                origin: &mut q.origin,
                status: &mut q.status,
                note: &mut q.note,
                prefix: &mut q.prefix,
                suffix: &mut q.suffix,
            };
            return f.set(key, v);
        }
    }
    Some(())
}

fn set_position(p: &mut Position, key: &str, v: &str) -> Option<()> {
    Fields {
        id: &mut p.id,
        start: &mut p.start,
        end: &mut p.end,
        text: &mut p.text,
        speaker: &mut p.speaker,
        party: &mut p.party,
        origin: &mut p.origin,
        status: &mut p.status,
        note: &mut p.note,
        prefix: &mut p.prefix,
        suffix: &mut p.suffix,
    }
    .set(key, v)
}

/// The keys quotes and positions share.
struct Fields<'a> {
    id: &'a mut String,
    start: &'a mut usize,
    end: &'a mut usize,
    text: &'a mut Snippet,
    speaker: &'a mut Option<String>,
    party: &'a mut Option<String>,
    origin: &'a mut Origin,
    status: &'a mut Status,
    note: &'a mut Option<String>,
    prefix: &'a mut Snippet,
    suffix: &'a mut Snippet,
}

impl Fields<'_> {
    fn set(self, key: &str, v: &str) -> Option<()> {
        match key {
            "id" => *self.id = string(v)?,
            "start" => *self.start = int(v)?,
            "end" => *self.end = int(v)?,
            "text" => *self.text = string(v)?.into(),
            "speaker" => *self.speaker = Some(string(v)?),
            "party" => *self.party = Some(string(v)?),
            "origin" => *self.origin = origin(v)?,
            "status" => {
                *self.status = match string(v)?.as_str() {
                    "suggested" => Status::Suggested,
                    "accepted" => Status::Accepted,
                    "rejected" => Status::Rejected,
                    _ => return None,
                }
            }
            "note" => *self.note = Some(string(v)?),
            "prefix" => *self.prefix = string(v)?.into(),
            _ => *self.suffix = string(v)?.into(),
        }
        Some(())
    }
}

fn origin(v: &str) -> Option<Origin> {
    match string(v)?.as_str() {
        "auto" => Some(Origin::Auto),
        "manual" => Some(Origin::Manual),
        _ => None,
    }
}

/// A decimal integer as TOML writes one (no sign, no leading zero), within i64.
fn int(v: &str) -> Option<usize> {
    let (n, rest) = parse_int(v)?;
    rest.is_empty().then_some(n)
}

fn parse_int(v: &str) -> Option<(usize, &str)> {
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 19 || (digits > 1 && v.starts_with('0')) {
        return None;
    }
    let n: i64 = v[..digits].parse().ok()?;
    Some((usize::try_from(n).ok()?, &v[digits..]))
}

/// `[a, b]`.
fn parse_pair(v: &str) -> Option<([usize; 2], &str)> {
    let (a, rest) = parse_int(v.strip_prefix('[')?)?;
    let (b, rest) = parse_int(rest.strip_prefix(", ")?)?;
    Some(([a, b], rest.strip_prefix(']')?))
}

/// A whole value parsed by `f`, nothing after it.
fn whole<T>(v: &str, f: impl Fn(&str) -> Option<(T, &str)>) -> Option<T> {
    let (x, rest) = f(v)?;
    rest.is_empty().then_some(x)
}

/// A non-empty one-line array `[x, y]` of items parsed by `f`.
fn list<T>(v: &str, f: impl Fn(&str) -> Option<(T, &str)>) -> Option<Vec<T>> {
    let mut rest = v.strip_prefix('[')?;
    let mut out = Vec::new();
    loop {
        let (x, r) = f(rest)?;
        out.push(x);
        if let Some(r) = r.strip_prefix(", ") {
            rest = r;
        } else {
            return (r == "]").then_some(out);
        }
    }
}

fn string(v: &str) -> Option<String> {
    whole(v, parse_string)
}

/// A basic string with the escapes TOML 1.0 defines; raw control characters other than
/// tab are refused, as TOML refuses them. Runs without escapes are copied whole.
fn parse_string(v: &str) -> Option<(String, &str)> {
    let mut rest = v.strip_prefix('"')?;
    let mut out = String::new();
    loop {
        let stop = rest.bytes().position(|b| b == b'"' || b == b'\\')?;
        let plain = &rest[..stop];
        if plain.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
            return None;
        }
        out.push_str(plain);
        if rest.as_bytes()[stop] == b'"' {
            return Some((out, &rest[stop + 1..]));
        }
        let escape = &rest[stop + 1..];
        let (c, used) = match escape.bytes().next()? {
            b'"' => ('"', 1),
            b'\\' => ('\\', 1),
            b'n' => ('\n', 1),
            b't' => ('\t', 1),
            b'r' => ('\r', 1),
            b'b' => ('\u{8}', 1),
            b'f' => ('\u{c}', 1),
            e @ (b'u' | b'U') => {
                let n = if e == b'u' { 4 } else { 8 };
                let hex = escape.get(1..=n)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                (char::from_u32(u32::from_str_radix(hex, 16).ok()?)?, n + 1)
            }
            _ => return None,
        };
        out.push(c);
        rest = &escape[used..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_through_escapes() {
        for s in [
            "",
            "plain",
            "say \"hi\"",
            "back\\slash",
            "a\nb\r\tc",
            "\u{1}\u{7f}",
            "é漢👩",
        ] {
            let mut q = String::new();
            push_quoted(&mut q, s).unwrap();
            assert_eq!(string(&q).as_deref(), Some(s), "{q}");
            let parsed: toml::Value = toml::from_str(&format!("k = {q}")).unwrap();
            assert_eq!(parsed["k"].as_str(), Some(s));
        }
    }

    #[test]
    fn streaming_writes_the_same_text_and_says_what_stopped_it() {
        let mut a = Annotations::new(ArticleInfo {
            title: "say \"hi\"".into(),
            bytes: 5,
            ..ArticleInfo::default()
        });
        a.quotes.push(Quote {
            id: "q1".into(),
            end: 5,
            text: "a\nb\u{1}é".into(),
            ..quote()
        });
        let mut streamed = Vec::new();
        write_to(&a, &mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).ok(), write(&a));

        let mut full = [0u8; 8];
        let e = write_to(&a, &mut &mut full[..]).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::WriteZero, "the sink's own error");

        a.quotes[0].end = usize::MAX;
        assert_eq!(write(&a), None);
        let e = write_to(&a, &mut Vec::new()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
    }

    #[test]
    fn anything_else_is_left_to_the_full_parser() {
        for v in ["01", "-1", "1_000", "9223372036854775808", "0x10", "1 # c"] {
            assert_eq!(int(v), None, "{v}");
        }
        for v in ["'lit'", "\"open", "\"a\" # c", "\"\\e\"", "\"\\x41\""] {
            assert_eq!(string(v), None, "{v}");
        }
        assert!(read("version = 1\n\n[article]\n# comment\n").is_none());
        assert!(read("version = 1\n\n[article]\ntitle = \"a\"\ntitle = \"b\"\n").is_none());
        assert!(read("version = 1\n").is_none(), "no [article]");
        assert!(
            read("version = 1\n\n[article]\n\n[[quote]]\nid = \"q\"\n").is_none(),
            "no span"
        );
        assert!(read("version = 1\r\n\n[article]\n").is_none());
        assert!(read("version = 1\n\n[article]\n").is_some());
    }
}
