//! The canonical writer: a set, already in canonical order, as the exact TOML text
//! parley saves — into a `String`, or streamed into any `io::Write`.

use super::values::{push_escaped, push_quoted};
use crate::model::{
    Annotations, ArticleInfo, Conflict, Origin, Party, Position, Quote, Recheck, Speaker, Status,
};
use std::fmt::{self, Write};
use std::io;

/// Writes a canonical (already sorted) set. `None` when an offset does not fit TOML's
/// integers.
pub fn write(a: &Annotations) -> Option<String> {
    let mut out = String::with_capacity(300 * (a.quotes.len() + a.positions.len()) + 1024);
    // a String never fails to take text, so an error is an offset TOML cannot hold
    emit(a, &mut Writer { out: &mut out }, table_threads()).ok()?;
    Some(out)
}

/// Streams what [`write`] returns into `out`, byte for byte, holding no more of the
/// text than the pieces being formatted at once.
/// An offset TOML cannot hold fails with [`io::ErrorKind::InvalidData`], after the
/// tables before it have been written.
pub fn write_to(a: &Annotations, out: &mut impl io::Write) -> io::Result<()> {
    let mut sink = IoSink { out, error: None };
    match emit(a, &mut Writer { out: &mut sink }, table_threads()) {
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

/// Writes the set; `threads` threads format long lists of quotes and positions.
fn emit<W: Write>(a: &Annotations, w: &mut Writer<W>, threads: usize) -> fmt::Result {
    w.int("version", a.version as usize)?;
    w.header("[article]")?;
    w.article(&a.article)?;
    for p in &a.parties {
        w.header("[[party]]")?;
        w.party(p)?;
    }
    for s in &a.speakers {
        w.header("[[speaker]]")?;
        w.speaker(s)?;
    }
    tables(w, "[[quote]]", &a.quotes, threads)?;
    tables(w, "[[orphan_quote]]", &a.orphan_quotes, threads)?;
    tables(w, "[[position]]", &a.positions, threads)?;
    tables(w, "[[orphan_position]]", &a.orphan_positions, threads)?;
    for c in &a.conflicts {
        w.header("[[conflict]]")?;
        w.conflict(c)?;
    }
    Ok(())
}

/// Tables formatted as one piece by one thread: enough that starting a thread costs
/// little beside it, few enough that the pieces held at once stay small.
const TABLES_PER_PIECE: usize = 2048;

/// How many threads format the tables: every core, asked once per process (the
/// answer reads the cgroup's files each time: on a folder of short articles, one
/// store each, that was 5 % of the run).
fn table_threads() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A list's tables whose order is fixed, so that pieces of them can be formatted
/// apart and joined.
trait Table: Sync {
    fn emit<W: Write>(&self, w: &mut Writer<W>) -> fmt::Result;
}

impl Table for Quote {
    fn emit<W: Write>(&self, w: &mut Writer<W>) -> fmt::Result {
        w.quote(self)
    }
}

impl Table for Position {
    fn emit<W: Write>(&self, w: &mut Writer<W>) -> fmt::Result {
        w.position(self)
    }
}

/// Every item's table under `header`. Why pieces: a large store's quotes and positions
/// are most of its text, and formatting them is pure, so pieces of the list are
/// formatted on `threads` threads at once and written in order — the same bytes as
/// writing them one by one, and on a failure the same bytes up to it.
fn tables<T: Table, W: Write>(
    w: &mut Writer<W>,
    header: &str,
    items: &[T],
    threads: usize,
) -> fmt::Result {
    if threads < 2 || items.len() < 2 * TABLES_PER_PIECE {
        return items
            .iter()
            .try_for_each(|x| piece(w, header, std::slice::from_ref(x)));
    }
    let pieces: Vec<&[T]> = items.chunks(TABLES_PER_PIECE).collect();
    for round in pieces.chunks(threads) {
        let formatted: Vec<(String, fmt::Result)> = std::thread::scope(|scope| {
            let others: Vec<_> = round[1..]
                .iter()
                .map(|&p| scope.spawn(move || formatted_piece(header, p)))
                .collect();
            let first = formatted_piece(header, round[0]);
            std::iter::once(first)
                .chain(others.into_iter().map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                }))
                .collect()
        });
        for (text, result) in formatted {
            w.out.write_str(&text)?;
            result?;
        }
    }
    Ok(())
}

/// The tables of `items` as text, with what stopped them (the text then runs up to it).
fn formatted_piece<T: Table>(header: &str, items: &[T]) -> (String, fmt::Result) {
    let mut out = String::with_capacity(400 * items.len());
    let result = piece(&mut Writer { out: &mut out }, header, items);
    (out, result)
}

/// The tables of `items`, each after `header`.
fn piece<T: Table, W: Write>(w: &mut Writer<W>, header: &str, items: &[T]) -> fmt::Result {
    for x in items {
        w.header(header)?;
        x.emit(w)?;
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
        // (every annotation has several: formatting machinery cost more than the rest)
        self.out.write_str(itoa::Buffer::new().format(n))
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
        // (the quotes joined to what they follow: every table has a dozen strings)
        self.out.write_str(k)?;
        self.out.write_str(" = \"")?;
        push_escaped(&mut self.out, v)?;
        self.out.write_str("\"\n")
    }

    /// A schema name (`Origin`, `Status`, `QuoteKind`, …): lower-case ASCII letters,
    /// written without looking for escapes, as no byte of one needs any.
    fn name(&mut self, k: &str, v: &'static str) -> fmt::Result {
        self.out.write_str(k)?;
        self.out.write_str(" = \"")?;
        self.out.write_str(v)?;
        self.out.write_str("\"\n")
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
        (origin, status, recheck): (Origin, Status, Option<Recheck>),
        note: Option<&str>,
        prefix: &str,
        suffix: &str,
    ) -> fmt::Result {
        self.name("origin", origin.as_str())?;
        self.name("status", status.as_str())?;
        self.opt_string("recheck", recheck.map(Recheck::as_str))?;
        self.opt_string("note", note)?;
        if !prefix.is_empty() {
            self.string("prefix", prefix)?;
        }
        if !suffix.is_empty() {
            self.string("suffix", suffix)?;
        }
        Ok(())
    }

    /// The `[article]` table's fields.
    fn article(&mut self, article: &ArticleInfo) -> fmt::Result {
        let ArticleInfo {
            title,
            source,
            sha256,
            bytes,
            kind,
            file_sha256,
            url,
            byline,
            published,
            site_name,
        } = article;
        self.string("title", title)?;
        self.string("source", source)?;
        self.string("sha256", sha256)?;
        self.int("bytes", *bytes)?;
        self.opt_string("kind", kind.as_deref())?;
        self.opt_string("file_sha256", file_sha256.as_deref())?;
        self.opt_string("url", url.as_deref())?;
        self.opt_string("byline", byline.as_deref())?;
        self.opt_string("published", published.as_deref())?;
        self.opt_string("site_name", site_name.as_deref())
    }

    /// A `[[party]]` table's fields.
    fn party(&mut self, p: &Party) -> fmt::Result {
        self.string("id", &p.id)?;
        self.string("name", &p.name)?;
        if !p.aliases.is_empty() {
            self.list("aliases", &p.aliases, |w, alias| {
                push_quoted(&mut w.out, alias)
            })?;
        }
        if let Some(c) = &p.color {
            self.string("color", &c.to_string())?;
        }
        self.opt_string("label", p.label.as_deref())?;
        for (key, names) in [("members", &p.members), ("roles", &p.roles)] {
            if !names.is_empty() {
                self.list(key, names, |w, n| push_quoted(&mut w.out, n))?;
            }
        }
        if p.governs {
            self.key("governs")?;
            self.out.write_str("true\n")?;
        }
        Ok(())
    }

    /// A `[[speaker]]` table's fields.
    fn speaker(&mut self, s: &Speaker) -> fmt::Result {
        self.string("id", &s.id)?;
        self.string("name", &s.name)?;
        self.opt_string("role", s.role.as_deref())?;
        self.opt_string("party", s.party.as_deref())?;
        if !s.mentions.is_empty() {
            self.list("mentions", &s.mentions, |w, m| w.pair(*m))?;
            if s.mention_text.len() == s.mentions.len() {
                self.list("mention_text", &s.mention_text, |w, t| {
                    push_quoted(&mut w.out, t)
                })?;
            }
        }
        self.name("origin", s.origin.as_str())
    }

    fn quote(&mut self, q: &Quote) -> fmt::Result {
        self.span(&q.id, q.start, q.end, &q.text)?;
        self.opt_string("speaker", q.speaker.as_deref())?;
        self.opt_string("party", q.party.as_deref())?;
        self.name("kind", q.kind.as_str())?;
        if let Some(c) = q.cue {
            self.key("cue")?;
            self.pair(c)?;
            self.out.write_char('\n')?;
            if !q.cue_text.is_empty() {
                self.string("cue_text", &q.cue_text)?;
            }
        }
        let note = q.note.as_deref();
        self.review((q.origin, q.status, q.recheck), note, &q.prefix, &q.suffix)
    }

    fn conflict(&mut self, c: &Conflict) -> fmt::Result {
        self.string("id", &c.id)?;
        self.name("table", c.table.as_str())?;
        self.string("item", &c.item)?;
        self.string("field", &c.field)?;
        self.opt_string("base", c.base.as_deref())?;
        self.opt_string("ours", c.ours.as_deref())?;
        self.opt_string("theirs", c.theirs.as_deref())
    }

    fn position(&mut self, p: &Position) -> fmt::Result {
        self.span(&p.id, p.start, p.end, &p.text)?;
        self.opt_string("party", p.party.as_deref())?;
        self.opt_string("speaker", p.speaker.as_deref())?;
        let note = p.note.as_deref();
        self.review((p.origin, p.status, p.recheck), note, &p.prefix, &p.suffix)
    }
}

#[cfg(test)]
mod tests;
