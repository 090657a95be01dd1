//! Validation of a parsed set — ids, references, spans against the article — and the
//! line and column in the store's text where each problem is.

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

mod locate;
pub use locate::Locator;

#[cfg(test)]
mod tests;
