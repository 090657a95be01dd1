//! Validation of a parsed set — ids, references, spans against the article — and the
//! line and column in the store's text where each problem is.

use crate::article::line_column;
use crate::article::sanitize_inline;
use crate::model::{Annotations, Conflict, ConflictTable, Position, Quote};
use std::collections::HashSet;
use std::fmt;

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

mod tally;
pub use tally::Tally;

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

/// Findings in the order they are found.
#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn push(&mut self, table: &'static str, index: usize, field: &'static str, message: String) {
        self.0.push(Finding {
            place: Place {
                table,
                index,
                field,
            },
            message,
        });
    }
}

/// Checks ids, references and spans. With `article` (the text the store says it
/// annotates, i.e. its hash matches), spans must also lie on it exactly.
pub fn validate(a: &Annotations, article: Option<&str>) -> Vec<Finding> {
    let mut out = Findings::default();
    let party_ids = check_parties(a, &mut out);
    let speaker_ids = check_speakers(a, article, &party_ids, &mut out);
    check_annotations(a, article, &party_ids, &speaker_ids, &mut out);
    check_conflicts(a, &party_ids, &speaker_ids, &mut out);
    out.0
}

/// Conflicts: unique ids, each on an item that exists and a field it has, one per
/// field.
fn check_conflicts(
    a: &Annotations,
    party_ids: &HashSet<&str>,
    speaker_ids: &HashSet<&str>,
    out: &mut Findings,
) {
    if a.conflicts.is_empty() {
        return;
    }
    let quote_ids: HashSet<&str> = (a.quotes.iter().chain(&a.orphan_quotes))
        .map(|q| q.id.as_str())
        .collect();
    let position_ids: HashSet<&str> = (a.positions.iter().chain(&a.orphan_positions))
        .map(|p| p.id.as_str())
        .collect();
    let has = |table: ConflictTable, id: &str| match table {
        ConflictTable::Quote => quote_ids.contains(id),
        ConflictTable::Position => position_ids.contains(id),
        ConflictTable::Speaker => speaker_ids.contains(id),
        ConflictTable::Party => party_ids.contains(id),
    };
    let mut ids = HashSet::with_capacity(a.conflicts.len());
    let mut fields = HashSet::with_capacity(a.conflicts.len());
    for (i, c) in a.conflicts.iter().enumerate() {
        if c.id.is_empty() {
            out.push("conflict", i, "id", "a conflict has an empty id".into());
        } else if !ids.insert(c.id.as_str()) {
            let msg = format!("duplicate conflict id {}", show(&c.id));
            out.push("conflict", i, "id", msg);
        }
        if let Some((field, msg)) = conflict_problem(c, has, &mut fields) {
            out.push("conflict", i, field, msg);
        }
    }
}

/// What is wrong with where a conflict points: an item that is not there, a field the
/// item has not, or a field that has a conflict already.
fn conflict_problem<'a>(
    c: &'a Conflict,
    has: impl Fn(ConflictTable, &str) -> bool,
    fields: &mut HashSet<(ConflictTable, &'a str, &'a str)>,
) -> Option<(&'static str, String)> {
    let (id, table) = (show(&c.id), c.table.as_str());
    let (item, field) = (show(&c.item), show(&c.field));
    if !has(c.table, &c.item) {
        let msg = format!("conflict {id} names {table} {item}, which does not exist");
        Some(("item", msg))
    } else if !super::fields::is_field(c.table, &c.field) {
        Some((
            "field",
            format!("conflict {id}: a {table} has no field {field}"),
        ))
    } else if !fields.insert((c.table, c.item.as_str(), c.field.as_str())) {
        let msg = format!("a second conflict on the {field} of {table} {item}");
        Some(("field", msg))
    } else {
        None
    }
}

/// Party ids are unique; returns them.
fn check_parties<'a>(a: &'a Annotations, out: &mut Findings) -> HashSet<&'a str> {
    let mut party_ids = HashSet::with_capacity(a.parties.len());
    for (i, p) in a.parties.iter().enumerate() {
        if !party_ids.insert(p.id.as_str()) {
            out.push(
                "party",
                i,
                "id",
                format!("duplicate party id {}", show(&p.id)),
            );
        }
    }
    party_ids
}

/// Speaker ids are unique, their parties defined, their mentions on the article;
/// returns the ids.
fn check_speakers<'a>(
    a: &'a Annotations,
    article: Option<&str>,
    party_ids: &HashSet<&str>,
    out: &mut Findings,
) -> HashSet<&'a str> {
    let mut speaker_ids = HashSet::with_capacity(a.speakers.len());
    for (i, s) in a.speakers.iter().enumerate() {
        if !speaker_ids.insert(s.id.as_str()) {
            out.push(
                "speaker",
                i,
                "id",
                format!("duplicate speaker id {}", show(&s.id)),
            );
        }
        if let Some(p) = &s.party
            && !party_ids.contains(p.as_str())
        {
            out.push(
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
                out.push(
                    "speaker",
                    i,
                    "mentions",
                    format!("a mention of speaker {}: {msg}", show(&s.id)),
                );
            }
        }
    }
    speaker_ids
}

/// Quotes and positions, placed and orphan: unique ids, defined references, spans
/// in order and (placed ones) on the article.
fn check_annotations(
    a: &Annotations,
    article: Option<&str>,
    party_ids: &HashSet<&str>,
    speaker_ids: &HashSet<&str>,
    out: &mut Findings,
) {
    let mut ids = HashSet::with_capacity(
        a.quotes.len() + a.positions.len() + a.orphan_quotes.len() + a.orphan_positions.len(),
    );
    for (table, i, s, orphan) in annotation_spans(a) {
        let what = table.trim_start_matches("orphan_");
        if s.id.is_empty() {
            out.push(table, i, "id", format!("a {what} has an empty id"));
        } else if !ids.insert(s.id) {
            let msg = format!("duplicate annotation id {}", show(s.id));
            out.push(table, i, "id", msg);
        }
        let refs = [
            ("speaker", s.speaker, speaker_ids),
            ("party", s.party, party_ids),
        ];
        for (field, named, defined) in refs {
            if let Some(named) = named.filter(|n| !defined.contains(n)) {
                let (id, named) = (show(s.id), show(named));
                let msg = format!("{what} {id} names {field} {named}, which is not defined");
                out.push(table, i, field, msg);
            }
        }
        if s.start > s.end {
            let (id, start, end) = (show(s.id), s.start, s.end);
            let msg = format!("{what} {id} starts at {start} after its end {end}");
            out.push(table, i, "start", msg);
        } else if let Some((field, msg)) = placed_span_error(article, &s).filter(|_| !orphan) {
            out.push(table, i, field, format!("{what} {}: {msg}", show(s.id)));
        }
    }
}

/// Every quote and position, placed then orphan, with its table, its index there, its
/// span and whether it is an orphan.
fn annotation_spans(a: &Annotations) -> impl Iterator<Item = Spanned<'_>> {
    quotes("quote", &a.quotes, false)
        .chain(positions("position", &a.positions, false))
        .chain(quotes("orphan_quote", &a.orphan_quotes, true))
        .chain(positions("orphan_position", &a.orphan_positions, true))
}

type Spanned<'a> = (&'static str, usize, SpanRef<'a>, bool);

fn quotes<'a>(
    table: &'static str,
    list: &'a [Quote],
    orphan: bool,
) -> impl Iterator<Item = Spanned<'a>> {
    let each = list.iter().enumerate();
    each.map(move |(i, q)| (table, i, SpanRef::of_quote(q), orphan))
}

fn positions<'a>(
    table: &'static str,
    list: &'a [Position],
    orphan: bool,
) -> impl Iterator<Item = Spanned<'a>> {
    let each = list.iter().enumerate();
    each.map(move |(i, p)| (table, i, SpanRef::of_position(p), orphan))
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

    /// A set with one of each problem an annotation or a conflict can have.
    const WRONG: &str = r#"
version = 1
[article]
[[party]]
id = "a"
name = "A"
[[quote]]
id = "q1"
start = 5
end = 2
text = "x"
party = "nowhere"
speaker = "nobody"
[[orphan_quote]]
id = "q1"
start = 0
end = 99
text = "y"
[[conflict]]
id = "c1"
table = "quote"
item = "q1"
field = "note"
[[conflict]]
id = "c2"
table = "quote"
item = "q1"
field = "note"
[[conflict]]
id = "c3"
table = "party"
item = "a"
field = "colour"
[[conflict]]
id = "c3"
table = "speaker"
item = "s9"
field = "name"
[[conflict]]
id = ""
table = "quote"
item = "q1"
field = "kind"
"#;

    #[test]
    fn each_problem_is_said_at_its_place_in_order() {
        let a: Annotations = toml::from_str(WRONG).unwrap_or_else(|e| panic!("{e}"));
        let found: Vec<(&str, usize, &str, String)> = validate(&a, Some("Hello world"))
            .into_iter()
            .map(|f| (f.place.table, f.place.index, f.place.field, f.message))
            .collect();
        let expected = [
            (
                "quote",
                0,
                "speaker",
                "quote “q1” names speaker “nobody”, which is not defined",
            ),
            (
                "quote",
                0,
                "party",
                "quote “q1” names party “nowhere”, which is not defined",
            ),
            (
                "quote",
                0,
                "start",
                "quote “q1” starts at 5 after its end 2",
            ),
            ("orphan_quote", 0, "id", "duplicate annotation id “q1”"),
            (
                "conflict",
                1,
                "field",
                "a second conflict on the “note” of quote “q1”",
            ),
            (
                "conflict",
                2,
                "field",
                "conflict “c3”: a party has no field “colour”",
            ),
            ("conflict", 3, "id", "duplicate conflict id “c3”"),
            (
                "conflict",
                3,
                "item",
                "conflict “c3” names speaker “s9”, which does not exist",
            ),
            ("conflict", 4, "id", "a conflict has an empty id"),
        ];
        let expected: Vec<(&str, usize, &str, String)> = expected
            .iter()
            .map(|&(t, i, f, m)| (t, i, f, m.to_string()))
            .collect();
        assert_eq!(found, expected);
    }
}
